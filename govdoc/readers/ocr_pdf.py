"""OCR of a PDF: pages rendered with pypdfium2, recognised with RapidOCR, laid out like any page.

Needs the ``govdoc[ocr]`` extra (imported lazily by :mod:`govdoc.readers.ocr`). The recogniser is
created once per process (loading its models takes about a second) and reused.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import regex as re

from govdoc.errors import CorruptFileError, NoTextLayerError, TooLargeError
from govdoc.options import ParseOptions
from govdoc.readers.base import ReadResult
from govdoc.readers.ocr_ctc import Slot, SlotDecoder, agree, sure_slots, text_of
from govdoc.readers.ocr_image import deskew, is_red, prepare, skew_angle, stray_ink
from govdoc.readers.ocr_text import Box, box_chars, fold, snap_sizes, widen
from govdoc.readers.ofd_layout import InkPage, layout_blocks
from govdoc.readers.pdf import open_checked

RENDER_SCALE = 1.5
"""Pixels per point when rendering (108 dpi): 三号 body text is ~24 px high, enough for the recogniser."""
PAGE_NUMBER_BOX = re.compile(r"^[-—–一_~－]*\s*\d{1,4}\s*[-—–一_~－]*$")
"""A recognised page number (页码) whose dashes came out short or missing: ``-7``, ``—7—``, ``7-`` (OCR
loses dashes, so this is looser than the text layer's ``pdf_layout.PAGE_NUMBER``)."""
MARGIN_ZONE = 0.09
"""Share of the page height at top and bottom where a page number may sit."""
MAX_PIXELS = 16_000_000
"""Largest page image rendered (an A4 page at :data:`RENDER_SCALE` is 1.1 M pixels; a hostile 200-inch page
is rendered smaller instead of taking gigabytes)."""
MARGIN_SLACK = 10.0
"""Points added to the margin zone (as the PDF reader does for its furniture)."""
STRAY_TEXT = re.compile(r"^(?!一+$).*[\d\p{Han}]")
"""Ink recognised outside the detector's boxes is kept only when it reads as a digit or a Chinese character
other than a lone ``一`` (a corner of a ruling read as ``L`` or ``|``, a dash beside a page number read as
``一``, are not text)."""
MIN_SCORE = 0.5
"""Recognitions below this confidence are dropped."""
STRAY_SCORE = 0.8
"""Confidence needed for ink recognised outside the detector's boxes (stray marks read as 一 or 1)."""


@functools.lru_cache(maxsize=1)
def engine() -> Any:
    """The shared RapidOCR recogniser (models from the wheel, no network)."""
    from rapidocr_onnxruntime import RapidOCR

    logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    recogniser = RapidOCR()
    rec = recogniser.text_rec  # keep each line's alternatives (see ocr_ctc)
    rec.postprocess_op = SlotDecoder(rec.postprocess_op.character)
    return recogniser


def render_scale(width: float, height: float) -> float:
    """:data:`RENDER_SCALE`, lowered for huge pages so no page image exceeds :data:`MAX_PIXELS`."""
    area = max(width * height, 1.0)
    return float(min(RENDER_SCALE, (MAX_PIXELS / area) ** 0.5))


def _recognise(image: Any, detect: bool) -> Any:
    return engine()(image, use_det=detect, use_cls=False)[0]


def _pixel_box(points: Any) -> tuple[int, int, int, int]:
    xs = [float(p[0]) for p in points]
    ys = [float(p[1]) for p in points]
    return int(min(xs)), int(min(ys)), int(max(xs)) + 1, int(max(ys)) + 1


@dataclass(slots=True)
class Row:
    """One recognised line in points (top-down), before the document's readings are compared."""

    x0: float
    top: float
    x1: float
    bottom: float
    red: bool
    slots: list[Slot]

    def box(self) -> Box:
        return widen(Box(self.x0, self.top, self.x1, self.bottom, fold(text_of(self.slots)), self.red))


def _rows(result: Any, prepared: Any, scale: float) -> list[Row]:
    rows = []
    for found in result or []:
        points, text, score = found[:3]
        if float(score) < MIN_SCORE or not str(text).strip():
            continue
        slots = found[3] if len(found) > 3 else sure_slots(str(text))
        x0, y0, x1, y1 = _pixel_box(points)
        red = is_red(prepared, (x0, y0, x1, y1))
        rows.append(Row(x0 / scale, y0 / scale, x1 / scale, y1 / scale, red, slots))
    return rows


def page_boxes(rows: list[Row], height: float) -> list[Box]:
    """The page's boxes, page numbers (页码) in the top and bottom margins left out."""
    margin = MARGIN_ZONE * height + MARGIN_SLACK
    boxes = [row.box() for row in rows]
    return [b for b in boxes if not (PAGE_NUMBER_BOX.match(b.text) and _in_margin(b, margin, height))]


def _in_margin(box: Box, margin: float, height: float) -> bool:
    """The box's middle is in the top or bottom margin zone (a recognised box may be much taller
    than its digits, so its edges reach into the text area)."""
    middle = (box.top + box.bottom) / 2
    return middle < margin or middle > height - margin


def recognised_page(
    img: Any, width: float, height: float, number: int, recognise: Callable[[Any, bool], Any]
) -> tuple[InkPage, list[Row]]:
    """A page image (RGB, ``img.shape[1] / width`` px/pt) → its rulings and recognised lines in points.

    ``recognise(image, detect)`` is RapidOCR: ``[(points, text, score, slots), …]`` with detection,
    ``[(text, score)]`` for a crop recognised as one line without it. Glyph-sized ink the detector
    missed is recognised crop by crop (:func:`~govdoc.readers.ocr_image.stray_ink`). A page whose text
    lines slope (:func:`~govdoc.readers.ocr_image.skew_angle`) is levelled and recognised again.
    """
    scale = img.shape[1] / width
    prepared = prepare(img, scale)
    found = list(recognise(prepared.image, True) or [])
    angle = skew_angle([f[0] for f in found])
    if angle:  # a skewed scan: level it and read again (rulings and lines need it level)
        prepared = prepare(deskew(img, angle), scale)
        found = list(recognise(prepared.image, True) or [])
    strays = stray_ink(prepared, [_pixel_box(f[0]) for f in found], scale)
    for x0, y0, x1, y1 in strays:
        for text, score in recognise(prepared.image[y0:y1, x0:x1], False) or []:
            if float(score) >= STRAY_SCORE and STRAY_TEXT.search(str(text)):
                found.append(([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], text, score))
    return InkPage(number, width, height, [], prepared.edges, prepared.red_rules), _rows(found, prepared, scale)


def ocr_page(page: Any, number: int) -> tuple[InkPage, list[Row]]:
    """One pdfium page → its rulings and recognised lines (points, top-down)."""
    width, height = page.get_size()
    scale = render_scale(width, height)
    bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB, not pdfium's BGR
    try:
        img = bitmap.to_numpy()[..., :3].copy()
    finally:
        bitmap.close()
    return recognised_page(img, width, height, number, _recognise)


def _pages(doc: Any, path: str | None, options: ParseOptions) -> tuple[list[InkPage], int]:
    """Every page recognised, then doubtful characters settled over the whole document (:func:`agree`);
    also returns how many were changed."""
    count = len(doc)
    if count > options.max_pages:
        raise TooLargeError(f"{count} pages exceed the limit of {options.max_pages}", path)
    pages: list[InkPage] = []
    all_rows: list[list[Row]] = []
    for i in range(count):
        page = doc[i]
        try:
            ink, rows = ocr_page(page, i + 1)
        finally:
            page.close()
        pages.append(ink)
        all_rows.append(rows)
    settled = agree([row.slots for rows in all_rows for row in rows])
    place_chars(pages, [page_boxes(rows, ink.height) for ink, rows in zip(pages, all_rows, strict=True)])
    return pages, settled


def place_chars(pages: list[InkPage], all_boxes: list[list[Box]]) -> None:
    """Characters of every box onto its page, with font sizes snapped over the whole document."""
    flat = [b for boxes in all_boxes for b in boxes]
    sizes = iter(snap_sizes(flat))
    for ink, boxes in zip(pages, all_boxes, strict=True):
        for box in boxes:
            ink.chars.extend(box_chars(box, next(sizes)))


def ocr_pdf(data: bytes, path: str | None, options: ParseOptions) -> ReadResult:
    """OCR every page of a PDF."""
    doc = open_checked(data, path, options)
    try:
        pages, settled = _pages(doc, path, options)
    except pdfium.PdfiumError as exc:
        raise CorruptFileError(f"a page cannot be rendered ({exc})", path) from None
    finally:
        doc.close()
    blocks = layout_blocks(pages)
    if not blocks:
        raise NoTextLayerError("OCR found no text on any page", path)
    note = "the text was recognised by OCR (no text layer)"
    if settled:
        note += f"; {settled} doubtful characters settled by the document's other readings of the same words"
    warnings: list[tuple[str, str, int | None]] = [("ocr", note, None)]
    return ReadResult(blocks=blocks, format="pdf", pages=len(pages), warnings=warnings)
