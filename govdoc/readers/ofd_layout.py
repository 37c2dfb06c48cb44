"""Positioned characters of fixed-layout pages (OFD, OCR) → RawBlocks, through the PDF reader's layout.

The PDF reader's layout stages are format-neutral once characters are :class:`~govdoc.readers.pdf_chars.Char`
boxes in points (top-down): tables from ruling edges, visual lines by baseline, page furniture (页码,
running headers), the type area (版心), alignment and paragraphs across page breaks. OFD and OCR pages are
fed through the same stages so every fixed-layout format is split into paragraphs the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from govdoc.readers.base import RawBlock
from govdoc.readers.pdf_blocks import PageContent, build_blocks, drop_furniture
from govdoc.readers.pdf_chars import Char
from govdoc.readers.pdf_layout import geometry
from govdoc.readers.pdf_lines import group_lines
from govdoc.readers.pdf_tables import Graphics, find_tables

RULE_WIDTH = 0.2
"""Horizontal rulings at least this share of the page wide separate paragraphs (版记 lines)."""


@dataclass(slots=True)
class InkPage:
    """One page as characters and rulings, in points with y growing downwards."""

    number: int
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    red_rules: list[float] = field(default_factory=list)


def _content(page: InkPage) -> PageContent:
    graphics = Graphics(edges=list(page.edges), red_rules=list(page.red_rules))
    content = PageContent(number=page.number, width=page.width, height=page.height)
    tables, rest = find_tables(graphics, page.chars, page.number)
    content.tables = [t for t in tables if any(c.text for c in t.cells)]
    content.lines = group_lines(rest, page.number)
    content.red_rules = graphics.red_rules
    content.rules = graphics.rules(RULE_WIDTH * page.width)
    return content


def layout_blocks(pages: Sequence[InkPage]) -> list[RawBlock]:
    """Pages of positioned characters → paragraphs and tables in reading order."""
    contents = [_content(p) for p in pages]
    if not contents or not any(c.lines or c.tables for c in contents):
        return []
    drop_furniture(contents)
    geo = geometry([ln for c in contents for ln in c.lines], max(c.width for c in contents))
    return build_blocks(contents, geo)
