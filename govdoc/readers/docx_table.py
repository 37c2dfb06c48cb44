"""``w:tbl`` → :class:`RawTable` (``vMerge``/``gridSpan`` as merges), and the layout-table test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from govdoc.readers.base import RawTable
from govdoc.readers.docx_styles import w, wval
from govdoc.readers.tables import MAX_COLUMNS, grid_from_spans
from govdoc.readers.ziputil import xml_int

INVISIBLE_BORDERS = frozenset({"nil", "none"})
"""``w:val`` of a border that draws nothing."""
MAX_ROWS = 20000
"""Most rows read from one table (guards hostile files)."""

CellText = Callable[[Any], str]
"""Reads one ``w:tc`` as text."""


def rows_of(tbl: Any) -> list[Any]:
    """The ``w:tr`` of a table, including rows wrapped in content controls."""
    rows: list[Any] = []
    for child in tbl:
        if child.tag == w("tr"):
            rows.append(child)
        elif child.tag in (w("sdt"), w("customXml")):
            rows.extend(child.iter(w("tr")))
    return rows[:MAX_ROWS]


def cells_of(tr: Any) -> list[Any]:
    """The ``w:tc`` of a row, including cells wrapped in content controls."""
    cells: list[Any] = []
    for child in tr:
        if child.tag == w("tc"):
            cells.append(child)
        elif child.tag in (w("sdt"), w("customXml")):
            cells.extend(c for c in child.iter(w("tc")) if _owner_row(c) is tr)
    return cells


def _owner_row(tc: Any) -> Any:
    for anc in tc.iterancestors(w("tr")):
        return anc
    return None


def _span(tc: Any) -> int:
    value = wval(tc.find(f"{w('tcPr')}/{w('gridSpan')}"))
    return xml_int(value, 1, 1, MAX_COLUMNS) or 1


def _vmerge(tc: Any) -> str | None:
    """``restart``, ``continue`` or None for a cell's ``w:vMerge``."""
    el = tc.find(f"{w('tcPr')}/{w('vMerge')}")
    if el is None:
        return None
    return "restart" if wval(el) == "restart" else "continue"


def _grid_before(tr: Any) -> int:
    value = wval(tr.find(f"{w('trPr')}/{w('gridBefore')}"))
    return xml_int(value, 0, 0, MAX_COLUMNS) or 0


def _positioned(tbl: Any) -> list[list[tuple[int, Any]]]:
    """Per row, ``(grid column, tc)`` for each cell."""
    out: list[list[tuple[int, Any]]] = []
    for tr in rows_of(tbl):
        col = _grid_before(tr)
        row: list[tuple[int, Any]] = []
        for tc in cells_of(tr):
            row.append((col, tc))
            col += _span(tc)
        out.append(row)
    return out


def _rowspan(grid: list[list[tuple[int, Any]]], r: int, col: int) -> int:
    span = 1
    for below in grid[r + 1 :]:
        match = next((tc for c, tc in below if c == col), None)
        if match is None or _vmerge(match) != "continue":
            break
        span += 1
    return span


def read_table(tbl: Any, cell_text: CellText) -> RawTable:
    """The table's grid; a ``vMerge`` run of cells becomes one merge with the restart cell's text."""
    grid = _positioned(tbl)
    rows: list[list[tuple[str, int, int]]] = []
    for r, row in enumerate(grid):
        cells: list[tuple[str, int, int]] = []
        first_col = row[0][0] if row else 0
        if first_col:
            cells.append(("", 1, first_col))
        for col, tc in row:
            vm = _vmerge(tc)
            if vm == "continue" and r > 0:
                continue
            rowspan = _rowspan(grid, r, col) if vm == "restart" else 1
            cells.append((cell_text(tc), rowspan, _span(tc)))
        rows.append(cells)
    table = grid_from_spans(rows)
    header = _header_rows(tbl)
    return RawTable(rows=table.rows, merges=table.merges, header_rows=header)


def _header_rows(tbl: Any) -> int | None:
    """Leading rows marked ``w:tblHeader`` (repeat as header on each page), or None if none are."""
    count = 0
    for tr in rows_of(tbl):
        el = tr.find(f"{w('trPr')}/{w('tblHeader')}")
        if el is None or (wval(el) or "true").lower() in ("0", "false", "off"):
            break
        count += 1
    return count or None


def _visible(borders: Any) -> bool:
    return borders is not None and any(
        (wval(b) or "single") not in INVISIBLE_BORDERS for b in borders if isinstance(b.tag, str)
    )


def is_layout_table(tbl: Any, style_borders: Callable[[str | None], bool]) -> bool:
    """A table used for layout (a masthead in cells) rather than data: one row, one column, or no border
    drawn anywhere (neither its own, its style's, nor any cell's)."""
    grid = _positioned(tbl)
    if len(grid) <= 1 or max((len(r) for r in grid), default=0) <= 1:
        return True
    tbl_pr = tbl.find(w("tblPr"))
    if tbl_pr is not None:
        if _visible(tbl_pr.find(w("tblBorders"))):
            return False
        if style_borders(wval(tbl_pr.find(w("tblStyle")))):
            return False
    return not any(_visible(b) for b in tbl.iter(w("tcBorders")))
