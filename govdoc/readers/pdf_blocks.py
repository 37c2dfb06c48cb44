"""Lines and tables of all pages → RawBlocks: paragraphs (段落), re-joined across page breaks.

A new paragraph starts at a first-line indent, after a line that ends clearly short of the right edge of
the type area, at a change of alignment or font size, and after a wider vertical gap. Centred and
right-aligned lines stay separate blocks, except consecutive centred lines of one size where the first
fills most of the line (one wrapped title). A paragraph whose last line on a page runs to the right
edge continues on the next page when that page starts with an unindented line of the same size; a
table that ends a page continues with a compatible table starting the next one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex as re

from govdoc.readers.base import Align, RawBlock
from govdoc.readers.pdf_layout import (
    Geometry,
    indent_chars,
    is_furniture,
    line_align,
    page_number,
    running_headers,
)
from govdoc.readers.pdf_lines import Line, join_runs
from govdoc.readers.pdf_table_join import compatible, join_tables
from govdoc.readers.pdf_tables import TableRegion

BRACKETED = re.compile(r"^\s*[（(〔［\[].*[）)〕］\]]\s*$")
"""A line wholly in brackets, e.g. a subtitle ``（2021—2025年）``: never joined to the title above."""
LIST_ITEM = re.compile(r"^\s*(?P<n>\d{1,2})\s*[.．、]")
"""A line opening a numbered list item: ``2.…``, ``3、…`` (item n+1 when the line above holds item n)."""
ITEM_MARK = re.compile(r"(?<!\d)(?P<n>\d{1,2})\s*[.．、]")
"""An item number anywhere in a line: ``附件：1.…`` holds item 1."""
CLOSING_PUNCT = re.compile(r"[，。；：、！？）》」』”’〕】,.;:!?)\]%]")
"""Punctuation that may not start a line (避头点), so it wraps together with the character before it."""
OPENING_PUNCT = re.compile(r"[（《「『“‘〔【(\[]")
"""Punctuation that may not end a line (避尾点), so it wraps together with the character after it."""
WORD_CHAR = re.compile(r"[A-Za-z0-9.\-/@_]")
"""Latin letters and digits that wrap as one unit (``2025``, ``hzzwgk@126.com``)."""
FIT_SLACK = 0.3
"""Ems of slack when deciding whether the next line's first unit would have fitted on this line."""
PARA_GAP = 1.4
"""A vertical gap (ems) between lines larger than this separates paragraphs."""
TITLE_FILL = 0.6
"""A centred line filling at least this share of the type area wraps onto the next centred line."""


@dataclass(slots=True)
class PageContent:
    """What one page contributes: lines and tables in reading order, plus provenance."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[TableRegion] = field(default_factory=list)
    red_rules: list[float] = field(default_factory=list)
    rules: list[float] = field(default_factory=list)
    """Top coordinates of long horizontal rulings: no paragraph continues across one."""
    label: str | None = None
    """The printed page number (页码), kept as provenance."""


@dataclass(slots=True)
class _Para:
    lines: list[Line]
    align: Align
    page_break: bool


Item = _Para | TableRegion


def _kind(line: Line, geo: Geometry) -> Align:
    align = line_align(line, geo)
    if align == "justify" and line.size > geo.body_size + 1:
        return "center"
    return align


def _continues(a: Line, b: Line, align_a: Align, align_b: Align, geo: Geometry, first: bool) -> bool:
    """True when line ``b`` continues the paragraph whose last line is ``a`` (same page)."""
    em = max(a.size, 1.0)
    if abs(a.size - b.size) > 0.6 or b.top - a.bottom > PARA_GAP * em + (a.bottom - a.top) * 0.5:
        return False
    if "center" in (align_a, align_b) or "right" in (align_a, align_b):
        return (
            align_a == align_b == "center"
            and (a.x1 - a.x0 >= TITLE_FILL * geo.width or _title_size(a, geo))
            and not BRACKETED.match(b.text)
            and a.color == b.color
            and a.color is None
        )
    return _flows(a, b, geo, first)


def _title_size(line: Line, geo: Geometry) -> bool:
    """Set larger than the body text (a 标题 in 二号 over a body in 三号)."""
    return line.size > geo.body_size + 1


def _lead_width(line: Line) -> float:
    """Width of the unbreakable unit starting ``line`` (a word, or a char with its punctuation)."""
    chars = [c for c in line.chars if not c.text.isspace()]
    if not chars:
        return 0.0
    end = 0
    if OPENING_PUNCT.match(chars[0].text) and len(chars) > 1:
        end = 1
    if WORD_CHAR.match(chars[end].text):
        while end + 1 < len(chars) and WORD_CHAR.match(chars[end + 1].text):
            end += 1
    while end + 1 < len(chars) and CLOSING_PUNCT.match(chars[end + 1].text):
        end += 1
    return chars[end].x1 - chars[0].x0


def _next_item(a: str, b: str) -> bool:
    """``b`` opens list item n+1 of a list whose item n is on line ``a`` (``附件：1.…`` then ``2.…``)."""
    m = LIST_ITEM.match(b)
    if not m or int(m.group("n")) < 2:
        return False
    return int(m.group("n")) - 1 in {int(x.group("n")) for x in ITEM_MARK.finditer(a)}


def _flows(a: Line, b: Line, geo: Geometry, first: bool = False) -> bool:
    """``b`` continues ``a``: its first unit would not have fitted at the end of ``a``, and ``b`` is
    unindented — or, right after the paragraph's first line, indented deeper than it (hanging indent,
    悬挂缩进: ``附件：1．…`` wrapped under its text)."""
    em = max(a.size, 1.0)
    if geo.right - a.x1 >= _lead_width(b) + FIT_SLACK * em or _next_item(a.text, b.text):
        return False
    indent_b = indent_chars(b, geo)
    indent_a = indent_chars(a, geo)
    return indent_b < 1 or (first and indent_a >= 1 and indent_b > indent_a + 0.5)


def _items(pages: Sequence[PageContent], geo: Geometry) -> list[Item]:
    items: list[Item] = []
    para: _Para | None = None
    for page in pages:
        flow: list[Line | TableRegion] = sorted([*page.lines, *page.tables], key=lambda o: _top(o))
        first_on_page = True
        for obj in flow:
            if isinstance(obj, TableRegion):
                para = None
                prev = items[-1] if items else None
                if first_on_page and isinstance(prev, TableRegion) and compatible(prev, obj):
                    join_tables(prev, obj)
                else:
                    obj.page_break = first_on_page
                    items.append(obj)
                first_on_page = False
                continue
            kind = _kind(obj, geo)
            if (
                para is not None
                and not _ruled_off(page, para.lines[-1], obj)
                and (
                    _continues(para.lines[-1], obj, _kind(para.lines[-1], geo), kind, geo, len(para.lines) == 1)
                    if not first_on_page
                    else _continues_page(para, obj, kind, geo)
                )
            ):
                para.lines.append(obj)
            else:
                para = _Para([obj], kind, first_on_page)
                items.append(para)
            first_on_page = False
        if para is not None and items and items[-1] is not para:
            para = None
    return items


def _ruled_off(page: PageContent, a: Line, b: Line) -> bool:
    """A horizontal ruling lies between line ``a`` and line ``b`` on this page."""
    return a.page == b.page == page.number and any(a.cy <= y <= b.cy for y in page.rules)


def _continues_page(para: _Para, b: Line, kind: Align, geo: Geometry) -> bool:
    a = para.lines[-1]
    if para.align in ("center", "right") or kind in ("center", "right"):
        return False
    return abs(a.size - b.size) <= 0.6 and _flows(a, b, geo)


def _top(obj: Line | TableRegion) -> float:
    return obj.top if isinstance(obj, Line) else obj.bbox[1]


def _para_block(para: _Para, geo: Geometry, labels: dict[int, str]) -> RawBlock:
    lines = para.lines
    first = lines[0]
    same_page = [ln for ln in lines if ln.page == first.page]
    align: Align = para.align
    if align in ("justify", "left"):
        align = "justify" if len(lines) > 1 else "left"
    fonts = Counter(ln.font for ln in lines)
    extra = {"page_label": labels[first.page]} if first.page in labels else {}
    if lines[-1].page != first.page:
        extra["page_end"] = str(lines[-1].page)
    return RawBlock(
        runs=tuple(join_runs(lines)),
        align=align,
        font=fonts.most_common(1)[0][0] or None,
        size=first.size,
        indent=indent_chars(first, geo) if align not in ("center", "right") else None,
        page=first.page,
        bbox=(
            round(min(ln.x0 for ln in same_page), 1),
            round(first.top, 1),
            round(max(ln.x1 for ln in same_page), 1),
            round(same_page[-1].bottom, 1),
        ),
        page_break_before=para.page_break and first.page > 1,
        extra=extra,
    )


def _table_block(region: TableRegion, labels: dict[int, str]) -> RawBlock:
    extra = {"page_label": labels[region.page]} if region.page in labels else {}
    x0, top, x1, bottom = region.bbox
    return RawBlock(
        kind="table",
        table=region.to_raw(),
        page=region.page,
        bbox=(round(x0, 1), round(top, 1), round(x1, 1), round(bottom, 1)),
        page_break_before=region.page_break and region.page > 1,
        extra=extra,
    )


def _mark_red_rules(pages: Sequence[PageContent], items: list[Item], blocks: list[RawBlock]) -> None:
    for page in pages:
        for rule in page.red_rules:
            above = [i for i, b in enumerate(blocks) if b.page == page.number and b.bbox and b.bbox[3] <= rule]
            if above:
                blocks[above[-1]].extra["rule_below"] = "red"


def build_blocks(pages: Sequence[PageContent], geo: Geometry) -> list[RawBlock]:
    """All pages → RawBlocks in reading order."""
    labels = {p.number: p.label for p in pages if p.label}
    items = _items(pages, geo)
    blocks = [
        _para_block(item, geo, labels) if isinstance(item, _Para) else _table_block(item, labels) for item in items
    ]
    _mark_red_rules(pages, items, blocks)
    return blocks


def drop_furniture(pages: list[PageContent]) -> None:
    """Page numbers become provenance (``label``); running headers and footers are dropped."""
    if not pages:
        return
    height = max(p.height for p in pages)
    headers = running_headers([p.lines for p in pages], height)
    for page in pages:
        kept = []
        for line in page.lines:
            label = page_number(line, page.height)
            if label is not None and page.label is None:
                page.label = label
                continue
            if label is None and is_furniture(line, page.height, headers):
                continue
            kept.append(line)
        page.lines = kept
