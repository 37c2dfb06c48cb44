"""OFD number syntax and geometry: ``DeltaX`` runs with ``g`` repeats, CTMs, boxes and colours.

OFD (GB/T 33190) measures in millimetres with y growing downwards; govdoc's layout code works in
points, so everything is converted with :data:`PT_PER_MM` as soon as it leaves the XML.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import regex as re

from govdoc.readers.pdf_chars import BLACKISH

PT_PER_MM = 72 / 25.4
"""Points per millimetre."""
MAX_REPEAT = 100_000
"""Largest ``g N`` repeat count honoured in a DeltaX list (a hostile file cannot make a huge list)."""
NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
"""One OFD number: ``12.43``, ``-0.5``, ``3``, ``1e-3``."""
HEX_CHANNEL = re.compile(r"^#[0-9A-Fa-f]{1,2}$")
"""A colour channel written in hex: ``#ee``, ``#0``."""


def numbers(text: str | None) -> list[float]:
    """Whitespace-separated numbers; anything unparsable is skipped: ``"0 0 210 297"`` → 4 floats."""
    out: list[float] = []
    for tok in (text or "").split():
        if NUMBER.match(tok) and math.isfinite(value := float(tok)):
            out.append(value)
    return out


def deltas(text: str | None, limit: int = MAX_REPEAT) -> list[float]:
    """A DeltaX/DeltaY list with the ``g N v`` repeat syntax expanded: ``"g 3 5.5 2"`` → 5.5 ×3, 2.

    At most ``limit`` values come out (a run never has more gaps than characters); non-finite values
    (``1e999``) end the list."""
    toks = (text or "").split()
    out: list[float] = []
    i = 0
    while i < len(toks) and len(out) < limit:
        tok = toks[i]
        if tok == "g" and i + 2 < len(toks) and NUMBER.match(toks[i + 1]) and NUMBER.match(toks[i + 2]):
            count, value = float(toks[i + 1]), float(toks[i + 2])
            if not (math.isfinite(count) and math.isfinite(value)):
                break
            out.extend([value] * max(0, min(int(count), MAX_REPEAT, limit - len(out))))
            i += 3
            continue
        if tok == "g":  # a truncated repeat: nothing after it can be trusted
            break
        if NUMBER.match(tok):
            value = float(tok)
            if not math.isfinite(value):
                break
            out.append(value)
        i += 1
    return out


@dataclass(frozen=True, slots=True)
class Matrix:
    """An affine transform ``[a b c d e f]``: ``x' = a·x + c·y + e``, ``y' = b·x + d·y + f``."""

    a: float = 1.0
    b: float = 0.0
    c: float = 0.0
    d: float = 1.0
    e: float = 0.0
    f: float = 0.0

    @classmethod
    def parse(cls, text: str | None) -> Matrix:
        vals = numbers(text)
        return cls(*vals[:6]) if len(vals) >= 6 else cls()

    def apply(self, x: float, y: float) -> tuple[float, float]:
        return self.a * x + self.c * y + self.e, self.b * x + self.d * y + self.f

    def scale(self) -> float:
        """The vertical scale factor (how much a font size grows)."""
        return float((self.c * self.c + self.d * self.d) ** 0.5) or 1.0

    def then(self, outer: Matrix) -> Matrix:
        """This transform followed by ``outer``."""
        return Matrix(
            a=self.a * outer.a + self.b * outer.c,
            b=self.a * outer.b + self.b * outer.d,
            c=self.c * outer.a + self.d * outer.c,
            d=self.c * outer.b + self.d * outer.d,
            e=self.e * outer.a + self.f * outer.c + outer.e,
            f=self.e * outer.b + self.f * outer.d + outer.f,
        )


def boundary(text: str | None) -> tuple[float, float, float, float]:
    """``Boundary="x y w h"`` → (x, y, w, h); missing values are 0."""
    vals = [*numbers(text), 0.0, 0.0, 0.0, 0.0]
    return vals[0], vals[1], vals[2], vals[3]


def _channel(tok: str) -> float | None:
    if HEX_CHANNEL.match(tok):
        return float(int(tok[1:], 16))
    return float(tok) if NUMBER.match(tok) else None


def rgb(value: str | None, space: str = "RGB") -> tuple[int, int, int] | None:
    """A colour ``Value`` (``"255 0 0"``, ``"#ee #20 #25"``, gray ``"128"``, CMYK) → RGB 0–255."""
    chans = [
        max(0.0, min(255.0, c))
        for c in (_channel(t) for t in (value or "").split())
        if c is not None and math.isfinite(c)
    ]
    if space == "CMYK" and len(chans) >= 4:
        scale = 100.0 if max(chans[:4]) > 1 else 1.0
        c, m, y, k = (v / scale for v in chans[:4])
        return tuple(round(255 * (1 - min(1.0, v)) * (1 - min(1.0, k))) for v in (c, m, y))  # type: ignore[return-value]
    if len(chans) >= 3:
        return round(chans[0]), round(chans[1]), round(chans[2])
    if len(chans) == 1:
        g = round(chans[0])
        return g, g, g
    return None


def color_hint(color: tuple[int, int, int] | None) -> str | None:
    """RGB hex for a coloured (not black) fill, else None: (238, 32, 37) → ``EE2025``."""
    if color is None or max(color) < BLACKISH:
        return None
    return "{:02X}{:02X}{:02X}".format(*color)


def is_white(color: tuple[int, int, int] | None) -> bool:
    return color is not None and min(color) >= 235


def bbox_of(points: Sequence[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)
