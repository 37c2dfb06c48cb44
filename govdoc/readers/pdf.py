"""PDF reader: a PDF with a text layer → paragraphs and tables as RawBlocks (I/O only, no 公文 rules).

Characters, fonts, sizes, colours and render modes come from pypdfium2 (about 1 ms per page); ruled
tables are found with pdfplumber's lattice algorithm on the page's ruling lines, only on pages that
have them. Every page and text page is closed right after use, so memory stays flat on long files.

Modules: ``pdf_guard`` (limits, truncation), ``pdf_chars`` (characters and bold), ``pdf_lines`` (lines,
duplicate glyphs), ``pdf_tables`` / ``pdf_table_join`` (tables, 续表), ``pdf_layout`` (type area,
alignment, page furniture), ``pdf_blocks`` (paragraphs across page breaks).

Errors (all :class:`~govdoc.errors.GovdocError`):

- ``encrypted`` — a password is needed to open the file;
- ``corrupt`` — pdfium cannot open it, it has no pages, or it is truncated (no ``%%EOF`` at the end);
- ``no_text_layer`` — no page has any text (scans, or glyphs drawn as vector outlines); a document where
  only some pages lack text is read, with a ``no_text_layer`` warning per such page;
- ``too_large`` — decided before any page is read, in well under a second even for hostile files.

Default limits (:class:`~govdoc.options.ParseOptions`):

- ``max_pages`` = 2,000 pages (from the page tree; a 20,000-page file is refused at once);
- ``max_uncompressed`` = 1 GiB: the total inflated size of all non-image Flate streams (content, fonts,
  object and xref streams); and one stream inflating past 100 MiB at more than ``max_ratio`` = 200 times
  its compressed size is a flate bomb (a 400 MB bomb is refused after inflating ~100 MiB);
- ``max_bytes`` = 500 MB of input (checked by :func:`govdoc.parse` before reading).
"""

from __future__ import annotations

from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from govdoc.errors import CorruptFileError, EncryptedFileError, NoTextLayerError, TooLargeError
from govdoc.options import ParseOptions
from govdoc.readers.base import ReadResult
from govdoc.readers.pdf_blocks import PageContent, build_blocks, drop_furniture
from govdoc.readers.pdf_chars import Frame, page_chars
from govdoc.readers.pdf_guard import check_complete, check_streams
from govdoc.readers.pdf_layout import geometry
from govdoc.readers.pdf_lines import group_lines
from govdoc.readers.pdf_tables import find_tables, page_graphics

RULE_WIDTH = 0.2
"""Horizontal rulings at least this share of the page wide separate paragraphs (版记 lines)."""


def open_checked(data: bytes, path: str | None, options: ParseOptions) -> Any:
    """Check the bytes (truncation, decompression bombs) and open them as a pdfium document."""
    check_complete(data, path)
    check_streams(data, path, options)
    return _open(data, path)


def _open(data: bytes, path: str | None) -> Any:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedFileError("the PDF is password-protected", path) from None
        raise CorruptFileError(f"not a readable PDF ({exc})", path) from None


def _read_page(doc: Any, index: int) -> PageContent:
    page = doc[index]
    try:
        width, height = page.get_size()
        rotation = pdfium_c.FPDFPage_GetRotation(page.raw) % 4
        frame = Frame(height, width, rotation) if rotation % 2 else Frame(width, height, rotation)
        textpage = pdfium_c.FPDFText_LoadPage(page.raw)
        if not textpage:
            return PageContent(number=index + 1, width=width, height=height)
        try:
            chars = page_chars(page.raw, textpage, frame)
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
        graphics = page_graphics(page.raw, frame, width) if chars else None
    finally:
        page.close()
    content = PageContent(number=index + 1, width=width, height=height)
    if graphics is None:
        return content
    content.tables, rest = find_tables(graphics, chars, index + 1)
    content.lines = group_lines(rest, index + 1)
    content.red_rules = graphics.red_rules
    content.rules = graphics.rules(RULE_WIDTH * width)
    return content


def _read_pages(doc: Any, path: str | None, options: ParseOptions) -> list[PageContent]:
    count = len(doc)
    if count > options.max_pages:
        raise TooLargeError(f"{count} pages exceed the limit of {options.max_pages}", path)
    if count == 0:
        raise CorruptFileError("the PDF has no pages", path)
    try:
        return [_read_page(doc, i) for i in range(count)]
    except pdfium.PdfiumError as exc:
        raise CorruptFileError(f"a page cannot be read ({exc})", path) from None


def read(data: bytes, path: str | None, options: ParseOptions) -> ReadResult:
    """Read a PDF (see the module docstring for errors and limits)."""
    doc = open_checked(data, path, options)
    try:
        pages = _read_pages(doc, path, options)
    finally:
        doc.close()
    empty = [p.number for p in pages if not p.lines and not p.tables]
    if len(empty) == len(pages):
        raise NoTextLayerError("no page has a text layer (a scan, or glyphs drawn as outlines); OCR is needed", path)
    warnings: list[tuple[str, str, int | None]] = [
        ("no_text_layer", f"page {n} has no text layer (a scan or outlines?); its content is missing", n) for n in empty
    ]
    drop_furniture(pages)
    geo = geometry([ln for p in pages for ln in p.lines], max(p.width for p in pages))
    blocks = build_blocks(pages, geo)
    return ReadResult(blocks=blocks, format="pdf", pages=len(pages), warnings=warnings)
