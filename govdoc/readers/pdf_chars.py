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


@dataclass(frozen=True, slots=True)
class Frame:
    """Maps PDF user space (origin bottom-left) to the page as displayed, top-down (``/Rotate`` applied).

    ``width``/``height`` are the unrotated user-space size; ``rotation`` counts quarter turns clockwise.
    """

    width: float
    height: float
    rotation: int = 0

    def box(self, left: float, right: float, low: float, high: float) -> tuple[float, float, float, float]:
        """A user-space box → ``(x0, top, x1, bottom)`` as displayed."""
        if self.rotation == 1:
            return low, left, high, right
        if self.rotation == 2:
            return self.width - right, low, self.width - left, high
        if self.rotation == 3:
            return self.height - high, self.width - right, self.height - low, self.width - left
        return left, self.height - high, right, self.height - low

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A user-space point → ``(x, top)`` as displayed."""
        x0, top, _, _ = self.box(x, x, y, y)
        return x0, top


class _Scratch:
    """Output buffers reused for every pdfium call of one page (allocating them per call is slow)."""

    def __init__(self) -> None:
        self.r, self.g, self.b, self.a = (ctypes.c_uint() for _ in range(4))
        self.matrix = pdfium_c.FS_MATRIX()
        self.name = ctypes.create_string_buffer(128)
        self.rgba_refs = tuple(ctypes.byref(v) for v in (self.r, self.g, self.b, self.a))
        self.fonts: dict[int, tuple[str, bool]] = {}
        self.styles: dict[tuple[float, str, bool, str | None], Style] = {}


def _address_returning(function: Any, *argtypes: Any) -> Any:
    """A pdfium function re-typed to return a bare address (an int): a cheap dictionary key."""
    return _retyped(function, ctypes.c_void_p, *argtypes)


def _retyped(function: Any, restype: Any, *argtypes: Any) -> Any:
    """A pdfium function re-typed to take (and return) bare addresses instead of ctypes pointer objects."""
    address = ctypes.cast(function, ctypes.c_void_p).value or 0
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


UINT_REF = ctypes.POINTER(ctypes.c_uint)
TEXT_OBJECT_AT = _address_returning(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p, ctypes.c_int)
"""Address of the text object that drew a character of a text page (0 for generated characters)."""
FONT_OF = _address_returning(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p)
"""Address of the font of a text object."""
RENDER_MODE = _retyped(pdfium_c.FPDFTextObj_GetTextRenderMode, ctypes.c_int, ctypes.c_void_p)
"""``FPDFTextObj_GetTextRenderMode`` taking a bare address."""
FILL_COLOR = _retyped(pdfium_c.FPDFPageObj_GetFillColor, ctypes.c_int, ctypes.c_void_p, *([UINT_REF] * 4))
"""``FPDFPageObj_GetFillColor`` taking a bare address."""
OBJECT_AT = _address_returning(pdfium_c.FPDFPage_GetObject, ctypes.c_void_p, ctypes.c_int)
"""Address of the i-th object of a page."""
OBJECT_TYPE = _retyped(pdfium_c.FPDFPageObj_GetType, ctypes.c_int, ctypes.c_void_p)
"""``FPDFPageObj_GetType`` taking a bare address."""
OBJECT_BOUNDS = _retyped(
    pdfium_c.FPDFPageObj_GetBounds, ctypes.c_int, ctypes.c_void_p, *([ctypes.POINTER(ctypes.c_float)] * 4)
)
"""``FPDFPageObj_GetBounds`` taking a bare address."""
STROKED_MODES = (pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE, pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE_CLIP)
"""Text render modes that fill and stroke the glyphs: fake bold (描边加粗)."""


def _font(key: int, textpage: Any, index: int, scratch: _Scratch) -> tuple[str, bool]:
    """(base font name without subset prefix, bold by name or weight) of a text object, cached per font."""
    font_key = FONT_OF(key) or 0
    known = scratch.fonts.get(font_key)
    if known is None:
        name, weight = "", 400
        font = pdfium_c.FPDFTextObj_GetFont(pdfium_c.FPDFText_GetTextObject(textpage, index))
        if font:
            pdfium_c.FPDFFont_GetBaseFontName(font, scratch.name, 128)
            name = scratch.name.value.decode("latin-1", errors="replace").split("+", 1)[-1]
            weight = int(pdfium_c.FPDFFont_GetWeight(font))
        bold = BOLD_WEIGHT <= weight <= MAX_WEIGHT or BOLD_FONT_NAME.search(name) is not None
        known = scratch.fonts[font_key] = (name, bold)
    return known


def _fill_color(key: int, scratch: _Scratch) -> str | None:
    if not FILL_COLOR(key, *scratch.rgba_refs):
        return None
    r, g, b = scratch.r.value, scratch.g.value, scratch.b.value
    if r < BLACKISH and g < BLACKISH and b < BLACKISH:
        return None
    return f"{r:02X}{g:02X}{b:02X}"


def _style_of(key: int, textpage: Any, index: int, dup_bold: set[int], scratch: _Scratch) -> Style:
    """The style of the text object at address ``key`` (interned: equal styles share one object)."""
    name, bold_font = _font(key, textpage, index, scratch)
    stroked = RENDER_MODE(key) in STROKED_MODES
    matrix = scratch.matrix
    scale = 1.0
    if pdfium_c.FPDFText_GetMatrix(textpage, index, matrix):
        scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5 or 1.0
    size = round(float(pdfium_c.FPDFText_GetFontSize(textpage, index)) * scale, 1)
    bold = bold_font or stroked or key in dup_bold
    color = _fill_color(key, scratch)
    signature = (size, name, bold, color)
    style = scratch.styles.get(signature)
    if style is None:
        style = scratch.styles[signature] = Style(size=size, font=name, bold=bold, color=color)
    return style


def duplicated_text_objects(page: Any) -> set[int]:
    """Addresses of text objects drawn twice at (almost) the same place: fake bold by overprinting."""
    boxes: list[tuple[float, float, float, float, int]] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = [ctypes.byref(v) for v in (left, bottom, right, top)]
    for i in range(pdfium_c.FPDFPage_CountObjects(page)):
        obj = OBJECT_AT(page, i)
        if not obj or OBJECT_TYPE(obj) != pdfium_c.FPDF_PAGEOBJ_TEXT or not OBJECT_BOUNDS(obj, *refs):
            continue
        boxes.append((round(top.value, 0), left.value, right.value, top.value, obj))
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


def _all_codes(textpage: Any, count: int) -> list[int] | None:
    """The code of every character in one call, or None when the text page holds characters outside
    the BMP (their UTF-16 surrogate pairs would shift the indices)."""
    if count <= 0:
        return None
    buf = ctypes.create_string_buffer((count + 1) * 2)
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    units = memoryview(buf.raw).cast("H")[: max(written - 1, 0)].tolist()
    if len(units) != count or any(0xD800 <= u <= 0xDFFF for u in units):
        return None
    return units


def _usable(code: int) -> bool:
    return code >= 0x20 and code not in (0xFFFE, 0xFFFF) and not 0xD800 <= code <= 0xDFFF


def page_chars(page: Any, textpage: Any, frame: Frame) -> list[Char]:
    """All characters of a page that come from a text object (pdfium's generated spaces are skipped).

    The loop is the reader's hot path: pdfium functions are bound to locals and styles are looked up
    once per text object.
    """
    dup_bold = duplicated_text_objects(page)
    styles: dict[int, Style] = {}
    limits: dict[int, float] = {}
    scratch = _Scratch()
    rect = pdfium_c.FS_RECTF()
    out: list[Char] = []
    append = out.append
    object_at, loose_box = TEXT_OBJECT_AT, pdfium_c.FPDFText_GetLooseCharBox
    count = pdfium_c.FPDFText_CountChars(textpage)
    height, rotated = frame.height, frame.rotation != 0
    codes = _all_codes(textpage, count)
    for i in range(count):
        key = object_at(textpage, i)
        if not key:
            continue
        code = codes[i] if codes else pdfium_c.FPDFText_GetUnicode(textpage, i)
        if not _usable(code):
            continue
        style = styles.get(key)
        if style is None:
            style = styles[key] = _style_of(key, textpage, i, dup_bold, scratch)
            limits[key] = LOOSE_LIMIT * max(style.size, 1.0)
        loose_box(textpage, i, rect)
        left, right, low, high = rect.left, rect.right, rect.bottom, rect.top
        if right - left > limits[key] or high - low > limits[key]:
            left, right, low, high = _tight_box(textpage, i)
        if rotated:
            x0, top, x1, bottom = frame.box(left, right, low, high)
        else:
            x0, top, x1, bottom = left, height - high, right, height - low
        append(
            Char(
                chr(code),
                x0,
                top,
                x1,
                bottom,
                style.size,
                style.font,
                style.bold,
                style.color,
            )
        )
    return out
