"""PDF characters with style, read through pypdfium2's raw API (fast: ~1 ms per page).

Each character gets its loose box (advance width × font height, in top-down page coordinates), its
size, font name and the three signs of bold a PDF may carry:

- a bold font (``Bold``/``Heavy``/``Black``/``Semibold`` in the base font name, or weight ≥ 600);
- fake bold by stroking (text render mode fill+stroke, 描边加粗);
- fake bold by drawing the glyphs twice with a small offset (重叠加粗). pdfium's text page already drops
  most such duplicates, so the duplicated *text objects* are found on the page, and any duplicate
  character that survives is removed when lines are built (``实实施施`` never reaches the output).
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

BOLD_FONT_NAME = re.compile(r"(?i)bold|heavy|black|demi|[-,]b$|-w[6-9]$")
"""A bold base font name: ``NotoSerifCJKjp-Bold``, ``SimSun,Bold``, ``Hiragino-W7``, ``Arial,B``."""
BOLD_WEIGHT = 600
"""Font weight from which a font counts as bold."""
MAX_WEIGHT = 1000
"""Largest meaningful font weight; pdfium reports values like 4140 for some CID fonts (ignored)."""
DUP_OFFSET = 1.2
"""Largest offset (points) between two copies of a text object drawn to fake bold."""
LOOSE_LIMIT = 2.5
"""A loose box larger than this many ems is bogus (seen with vertical text): the tight box is used."""
BLACKISH = 60
"""Channel value under which a fill colour counts as black (no colour hint is emitted)."""


@dataclass(slots=True)
class Char:
    """One glyph with its box (top-down coordinates) and style."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    font: str
    bold: bool
    color: str | None

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Style:
    """The style shared by all characters of one text object."""

    size: float
    font: str
    bold: bool
    color: str | None


def _font_name(font: Any) -> tuple[str, int]:
    buf = ctypes.create_string_buffer(128)
    pdfium_c.FPDFFont_GetBaseFontName(font, buf, 128)
    name = buf.value.decode("latin-1", errors="replace")
    return name, int(pdfium_c.FPDFFont_GetWeight(font))


def _is_bold_name(name: str, weight: int) -> bool:
    real_weight = BOLD_WEIGHT <= weight <= MAX_WEIGHT
    return real_weight or BOLD_FONT_NAME.search(name.split("+", 1)[-1]) is not None


def _fill_color(obj: Any) -> str | None:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetFillColor(obj, r, g, b, a):
        return None
    if max(r.value, g.value, b.value) < BLACKISH:
        return None
    return f"{r.value:02X}{g.value:02X}{b.value:02X}"


def _style_of(obj: Any, textpage: Any, index: int, dup_bold: set[int]) -> Style:
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    name, weight = _font_name(font) if font else ("", 400)
    mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj)
    stroked = mode in (
        pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE,
        pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE_CLIP,
    )
    key = ctypes.cast(obj, ctypes.c_void_p).value or 0
    bold = _is_bold_name(name, weight) or stroked or key in dup_bold
    matrix = pdfium_c.FS_MATRIX()
    scale = 1.0
    if pdfium_c.FPDFText_GetMatrix(textpage, index, matrix):
        scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5 or 1.0
    size = float(pdfium_c.FPDFText_GetFontSize(textpage, index)) * scale
    return Style(size=round(size, 1), font=name.split("+", 1)[-1], bold=bold, color=_fill_color(obj))


def duplicated_text_objects(page: Any) -> set[int]:
    """Addresses of text objects drawn twice at (almost) the same place: fake bold by overprinting."""
    boxes: list[tuple[float, float, float, float, int]] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for i in range(pdfium_c.FPDFPage_CountObjects(page)):
        obj = pdfium_c.FPDFPage_GetObject(page, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_TEXT:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        boxes.append((round(top.value, 0), left.value, right.value, top.value, key))
    boxes.sort()
    found: set[int] = set()
    for j in range(1, len(boxes)):
        a, b = boxes[j - 1], boxes[j]
        width_a, width_b = a[2] - a[1], b[2] - b[1]
        if (
            abs(a[1] - b[1]) <= DUP_OFFSET
            and abs(a[3] - b[3]) <= DUP_OFFSET
            and abs(width_a - width_b) <= DUP_OFFSET
            and width_a > 1
        ):
            found.update((a[4], b[4]))
    return found


def _tight_box(textpage: Any, index: int) -> tuple[float, float, float, float]:
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    pdfium_c.FPDFText_GetCharBox(textpage, index, left, right, bottom, top)
    return left.value, right.value, bottom.value, top.value


def page_chars(page: Any, textpage: Any, height: float) -> list[Char]:
    """All characters of a page that come from a text object (pdfium's generated spaces are skipped)."""
    dup_bold = duplicated_text_objects(page)
    styles: dict[int, Style] = {}
    rect = pdfium_c.FS_RECTF()
    out: list[Char] = []
    for i in range(pdfium_c.FPDFText_CountChars(textpage)):
        obj = pdfium_c.FPDFText_GetTextObject(textpage, i)
        if not obj:
            continue
        code = pdfium_c.FPDFText_GetUnicode(textpage, i)
        if code in (0, 0xFFFE, 0xFFFF) or code < 0x20 or 0xD800 <= code <= 0xDFFF:
            continue
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        style = styles.get(key)
        if style is None:
            style = styles[key] = _style_of(obj, textpage, i, dup_bold)
        pdfium_c.FPDFText_GetLooseCharBox(textpage, i, rect)
        left, right, low, high = rect.left, rect.right, rect.bottom, rect.top
        if max(right - left, high - low) > LOOSE_LIMIT * max(style.size, 1.0):
            left, right, low, high = _tight_box(textpage, i)
        out.append(
            Char(
                text=chr(code),
                x0=left,
                top=height - high,
                x1=right,
                bottom=height - low,
                size=style.size,
                font=style.font,
                bold=style.bold,
                color=style.color,
            )
        )
    return out
