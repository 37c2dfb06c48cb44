"""Page geometry, alignment and page furniture (版心, 居中/右对齐, 页码 and running headers)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex as re

from govdoc.readers.base import Align
from govdoc.readers.pdf_lines import Line

PAGE_NUMBER = re.compile(
    r"^\s*(?:[—–\-－一~～_]+\s*(?P<a>\d{1,5})\s*[—–\-－一~～_]+"
    r"|第\s*(?P<b>\d{1,5})\s*页(?:\s*[/，,]?\s*共\s*\d{1,5}\s*页)?"
    r"|(?P<c>\d{1,5})\s*/\s*\d{1,5}"
    r"|(?P<d>\d{1,5}))\s*$"
)
"""A page number line: ``— 3 —``, ``-3-``, ``第 3 页 共 9 页``, ``3/9``, ``3`` (only in the margins)."""
DIGITS = re.compile(r"\d+")
"""Digits, replaced by ``#`` when comparing running headers of different pages: ``第3页`` ~ ``第4页``."""
FULL_LINES = 3
"""Lines ending within an em of the rightmost line end needed to trust it as the right edge."""
MARGIN_ZONE = 0.09
"""Share of the page height at top and bottom where furniture may sit."""


@dataclass(frozen=True, slots=True)
class Geometry:
    """The type area (版心) of the document: left and right text edges and the body font size."""

    left: float
    right: float
    body_size: float

    @property
    def width(self) -> float:
        return max(self.right - self.left, 1.0)

    @property
    def center(self) -> float:
        return (self.left + self.right) / 2


def geometry(lines: Sequence[Line], page_width: float) -> Geometry:
    """The type area: left edge = the leftmost start of a body-size line; right edge = the end of the
    longest body-size lines when at least three end near it, else the mirror of the left margin."""
    sizes: Counter[float] = Counter()
    for ln in lines:
        sizes[round(ln.size, 1)] += len(ln.text)
    body = sizes.most_common(1)[0][0] if sizes else 12.0
    body_lines = [ln for ln in lines if abs(ln.size - body) < 0.6 and len(ln.text.strip()) >= 2]
    if not body_lines:
        return Geometry(left=page_width * 0.15, right=page_width * 0.85, body_size=body)
    left = min(ln.x0 for ln in body_lines)
    widest = max(ln.x1 for ln in body_lines)
    near = sum(1 for ln in body_lines if widest - ln.x1 <= body)
    right = widest if near >= FULL_LINES else max(widest, page_width - left)
    return Geometry(left=left, right=max(right, left + body), body_size=body)


def line_align(line: Line, geo: Geometry) -> Align:
    """center / right / justify (a full line) / left, from the line's margins inside the type area."""
    em = max(line.size, 1.0)
    lm = line.x0 - geo.left
    rm = geo.right - line.x1
    if (lm < 0.5 * em and rm < 1.0 * em) or (" " in line.text and line.x1 - line.x0 > 0.8 * geo.width):
        return "justify"
    body_size = abs(line.size - geo.body_size) < 1
    if abs(lm - rm) <= max(0.6 * em, 4.0) and lm > (2.5 if body_size else 0.3) * em:
        return "center"
    if lm > 0.35 * geo.width and (rm < 0.5 * em or (line.x0 + line.x1) / 2 > geo.center + em):
        return "right"
    return "left"


def indent_chars(line: Line, geo: Geometry) -> float:
    """First-line indent in characters (rounded to halves)."""
    return max(0.0, round((line.x0 - geo.left) / max(line.size, 1.0) * 2) / 2)


def in_margin(line: Line, page_height: float) -> bool:
    zone = MARGIN_ZONE * page_height
    return line.bottom < zone + 10 or line.top > page_height - zone - 10


def page_number(line: Line, page_height: float) -> str | None:
    """The printed page number if ``line`` is a page-number line in the top or bottom margin."""
    match = PAGE_NUMBER.match(line.text)
    if not match:
        return None
    bare = match.group("d") is not None
    if bare and not in_margin(line, page_height):
        return None
    if not bare and not in_margin(line, page_height) and line.top < page_height * 0.8:
        return None
    return next(g for g in match.groups() if g)


def running_headers(pages: Sequence[Sequence[Line]], page_height: float) -> set[str]:
    """Texts (digits as ``#``) found in the margins of at least half the pages (and ≥ 3 pages)."""
    seen: Counter[str] = Counter()
    for lines in pages:
        keys = {DIGITS.sub("#", ln.text) for ln in lines if in_margin(ln, page_height)}
        seen.update(keys)
    need = max(3, (len(pages) + 1) // 2)
    return {k for k, n in seen.items() if n >= need}


def is_furniture(line: Line, page_height: float, headers: set[str]) -> bool:
    return in_margin(line, page_height) and DIGITS.sub("#", line.text) in headers
