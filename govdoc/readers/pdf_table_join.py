"""A table continued across a page break → one table (跨页表格续表).

The continuation must start a page right after the table ended the previous one, with the same number
of columns and about the same left and right edges. Then:

1. a repeated header (续表 header rows equal to the first table's) is dropped;
2. a row split by the break — the continuation's first row is empty in a column that never merges
   rows, where the previous last row has its own text (a 序号, say) — is re-joined into that last
   row, cell by cell;
3. an empty cell in the continuation's first row under a cell that spans rows (or that itself spans
   rows) continues the merge from the previous page (the 名称 column).
"""

from __future__ import annotations

import regex as re

from govdoc.readers.pdf_lines import join_text
from govdoc.readers.pdf_tables import Cell, TableRegion

SPACES = re.compile(r"\s+")
"""Whitespace ignored when comparing header rows: ``名 称`` equals ``名称``."""
EDGE_SLACK = 6.0
"""Largest difference (points) of the left/right table edges of a continuation."""


def compatible(prev: TableRegion, cont: TableRegion) -> bool:
    """True when ``cont`` can continue ``prev`` (same column count, same horizontal extent)."""
    return (
        prev.n_cols == cont.n_cols
        and abs(prev.bbox[0] - cont.bbox[0]) <= EDGE_SLACK
        and abs(prev.bbox[2] - cont.bbox[2]) <= EDGE_SLACK
    )


def _key(rows: list[list[str]]) -> list[list[str]]:
    return [[SPACES.sub("", c) for c in row] for row in rows]


def _drop_rows(region: TableRegion, count: int) -> None:
    region.cells = [c for c in region.cells if c.row >= count]
    for c in region.cells:
        c.row -= count
    region.n_rows -= count


def _drop_repeated_header(prev: TableRegion, cont: TableRegion) -> None:
    h = prev.header_rows or 1
    if cont.n_rows > h and _key(cont.text_rows()[:h]) == _key(prev.text_rows()[:h]):
        _drop_rows(cont, h)
        cont.header_rows = 0


def _is_split_row(prev: TableRegion, first: list[Cell]) -> bool:
    """The continuation's first row is the rest of the previous page's last row: it is empty in a
    column that never merges rows (a 序号 column, say) where the last row has its own text."""
    last = prev.n_rows - 1
    if not any(c.text for c in first):
        return False
    merging = {c.col for c in prev.cells if c.rowspan > 1 and c.row >= prev.header_rows}
    for cell in first:
        above = prev.covering(last, cell.col)
        if cell.text or cell.col in merging or above is None:
            continue
        if above.text and above.row == last and above.rowspan == 1:
            return True
    return False


def _absorb(prev: TableRegion, first: list[Cell], split: bool) -> set[int]:
    """Fold first-row cells into the cells above them; returns ids of the cells absorbed."""
    last = prev.n_rows - 1
    absorbed: set[int] = set()
    for cell in first:
        above = prev.covering(last, cell.col)
        if above is None or above.colspan != cell.colspan:
            continue
        continues_merge = not cell.text and above.text and (above.rowspan > 1 or cell.rowspan > 1)
        if not split and not continues_merge:
            continue
        if cell.text:
            above.text = join_text([above.text, cell.text])
        above.rowspan += cell.rowspan - (1 if split else 0)
        absorbed.add(id(cell))
    return absorbed


def join_tables(prev: TableRegion, cont: TableRegion) -> TableRegion:
    """``prev`` extended by ``cont`` (both are modified; ``prev`` is returned)."""
    _drop_repeated_header(prev, cont)
    first = [c for c in cont.cells if c.row == 0]
    split = _is_split_row(prev, first)
    absorbed = _absorb(prev, first, split)
    offset = prev.n_rows - (1 if split else 0)
    for cell in cont.cells:
        if id(cell) in absorbed:
            continue
        if split and cell.row == 0:
            above = prev.covering(prev.n_rows - 1, cell.col)
            if above is not None and not cell.text:
                continue
        cell.row += offset
        prev.cells.append(cell)
    prev.n_rows = offset + cont.n_rows
    prev.bbox = (prev.bbox[0], prev.bbox[1], prev.bbox[2], max(prev.bbox[3], cont.bbox[3]))
    return prev
