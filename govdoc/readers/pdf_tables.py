"""Ruled tables in a PDF: ruling lines from pdfium's path objects, cells by pdfplumber's table finder.

pdfplumber's lattice algorithm (``merge_edges → edges_to_intersections → intersections_to_cells →
cells_to_tables``) is run on edges taken from pdfium's path objects, so the page is never parsed a
second time by pdfminer. Cell text comes from the same deduplicated characters as the paragraphs, with
line breaks inside a cell removed (``提升行\\n动`` → ``提升行动``). Only pages with at least two
horizontal and two vertical rulings are searched.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as pdfium_c
from pdfplumber import table as plumber_table
from pdfplumber.utils import geometry as plumber_geometry

from govdoc.readers.base import RawTable
from govdoc.readers.pdf_chars import Char, Frame
from govdoc.readers.pdf_lines import group_lines, join_text
from govdoc.readers.tables import edge

TOLERANCE = 3.0
"""Snap/join/intersection tolerance (points), pdfplumber's default."""
MIN_EDGE = 3.0
"""Shortest ruling segment kept (points)."""
MAX_GRID_CROSSINGS = 6000
"""Horizontal × vertical rulings above this (a 150 × 150 grid of graph paper) is a drawing, not a table:
pdfplumber's table finder is quadratic in cells there."""
MAX_EDGES = 2000
"""Pages with more straight segments than this are drawings (maps, seals): no table search there."""
MIN_CELL = 4.0
"""Cells narrower or lower than this (points) are slivers between doubled rulings, not cells."""
STRAIGHT = 1.0
"""Largest deviation (points) of a segment that still counts as horizontal or vertical."""
WHITE = 235
"""Channel value from which a colour counts as white (invisible on paper)."""
RED_RULE_WIDTH = 0.3
"""A red horizontal ruling wider than this share of the page is the 版头 red rule (红色分隔线)."""


@dataclass(slots=True)
class Graphics:
    """The ruling segments of one page (pdfplumber edge dicts, top-down) and its red rules."""

    edges: list[dict[str, Any]] = field(default_factory=list)
    red_rules: list[float] = field(default_factory=list)
    """Top coordinate of each red horizontal rule."""

    def rules(self, min_width: float) -> list[float]:
        """Top coordinates of horizontal rulings at least ``min_width`` long (版记 lines, red rule)."""
        return [e["top"] for e in self.edges if e["orientation"] == "h" and e["width"] >= min_width]

    def has_grid(self) -> bool:
        """At least two horizontal and two vertical rulings (and not a vector drawing of thousands)."""
        if len(self.edges) > MAX_EDGES:
            return False
        h = sum(1 for e in self.edges if e["orientation"] == "h")
        v = len(self.edges) - h
        return h >= 2 and v >= 2 and h * v <= MAX_GRID_CROSSINGS


@dataclass(slots=True)
class Cell:
    """A table cell: origin, spans, text (line breaks removed) and whether all its text is bold."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    bold: bool = False


@dataclass(slots=True)
class TableRegion:
    """A table found on a page (possibly continued from earlier pages)."""

    page: int
    bbox: tuple[float, float, float, float]
    n_rows: int
    n_cols: int
    cells: list[Cell]
    header_rows: int = 0
    page_break: bool = False
    """The table is the first thing on its page."""

    def text_rows(self) -> list[list[str]]:
        grid = [[""] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            grid[c.row][c.col] = c.text
        return grid

    def covering(self, row: int, col: int) -> Cell | None:
        for c in self.cells:
            if c.row <= row < c.row + c.rowspan and c.col <= col < c.col + c.colspan:
                return c
        return None

    def to_raw(self) -> RawTable:
        grid: list[list[str | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        merges: list[tuple[int, int, int, int]] = []
        for c in sorted(self.cells, key=lambda c: (c.row, c.col)):
            grid[c.row][c.col] = c.text
            if c.rowspan > 1 or c.colspan > 1:
                merges.append((c.row, c.col, c.rowspan, c.colspan))
        covered = {(c.row + dr, c.col + dc) for c in self.cells for dr in range(c.rowspan) for dc in range(c.colspan)}
        for r in range(self.n_rows):
            for col in range(self.n_cols):
                if grid[r][col] is None and (r, col) not in covered:
                    grid[r][col] = ""
        return RawTable(
            rows=tuple(tuple(row) for row in grid), merges=tuple(merges), header_rows=self.header_rows or None
        )


def _visible(obj: Any, stroke: bool) -> bool:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    getter = pdfium_c.FPDFPageObj_GetStrokeColor if stroke else pdfium_c.FPDFPageObj_GetFillColor
    if not getter(obj, r, g, b, a):
        return False
    return a.value > 0 and min(r.value, g.value, b.value) < WHITE


def _is_red(obj: Any) -> bool:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    for getter in (pdfium_c.FPDFPageObj_GetStrokeColor, pdfium_c.FPDFPageObj_GetFillColor):
        if getter(obj, r, g, b, a) and r.value > 150 and g.value < 100 and b.value < 100:
            return True
    return False


def _edge(x0: float, top0: float, x1: float, top1: float) -> dict[str, Any] | None:
    """A straight segment (display coordinates) as a pdfplumber edge, or None if it is slanted/short."""
    left, right = sorted((x0, x1))
    top, bottom = sorted((top0, top1))
    if bottom - top <= STRAIGHT and right - left >= MIN_EDGE:
        mid = (top + bottom) / 2
        return edge(left, right, mid, mid, "h")
    if right - left <= STRAIGHT and bottom - top >= MIN_EDGE:
        mid = (left + right) / 2
        return edge(mid, mid, top, bottom, "v")
    return None


def _path_points(obj: Any, frame: Frame) -> list[tuple[float, float, bool, bool]]:
    """(x, top, is_move, closes) of each segment, in displayed page coordinates."""
    m = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, m)
    x, y = ctypes.c_float(), ctypes.c_float()
    points = []
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        px, top = frame.point(m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        closes = bool(pdfium_c.FPDFPathSegment_GetClose(seg))
        points.append((px, top, kind == pdfium_c.FPDF_SEGMENT_MOVETO, closes))
    return points


def _path_edges(obj: Any, frame: Frame) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    start = prev = (0.0, 0.0)
    for px, py, is_move, closes in _path_points(obj, frame):
        if is_move:
            start = prev = (px, py)
            continue
        edge = _edge(prev[0], prev[1], px, py)
        if edge:
            out.append(edge)
        prev = (px, py)
        if closes:
            edge = _edge(px, py, start[0], start[1])
            if edge:
                out.append(edge)
            prev = start
    return out


def page_graphics(page: Any, frame: Frame, width: float) -> Graphics:
    """Visible straight path segments of a page as pdfplumber edges, plus the red rules."""
    graphics = Graphics()
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    for i in range(pdfium_c.FPDFPage_CountObjects(page)):
        obj = pdfium_c.FPDFPage_GetObject(page, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroke)
        if not ((stroke.value and _visible(obj, True)) or (fill_mode.value and _visible(obj, False))):
            continue
        edges = _path_edges(obj, frame)
        graphics.edges.extend(edges)
        if _is_red(obj):
            graphics.red_rules.extend(
                e["top"] for e in edges if e["orientation"] == "h" and e["width"] > RED_RULE_WIDTH * width
            )
    return graphics


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > TOLERANCE:
            out.append(v)
    return out


def _index(points: list[float], v: float) -> int:
    return min(range(len(points)), key=lambda i: abs(points[i] - v))


def _closing_edges(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Horizontal edges closing columns of vertical rulings that end without one.

    A table broken by a page break often has no bottom (or top) border on the page: its vertical
    rulings simply stop. Two or more verticals ending at the same height get a closing horizontal.
    """
    verticals = [e for e in edges if e["orientation"] == "v"]
    horizontals = [e for e in edges if e["orientation"] == "h"]
    added: list[dict[str, Any]] = []
    for key in ("top", "bottom"):
        for y in _cluster([e[key] for e in verticals]):
            ends = [e for e in verticals if abs(e[key] - y) <= TOLERANCE]
            if len(ends) < 2:
                continue
            x0, x1 = min(e["x0"] for e in ends), max(e["x0"] for e in ends)
            if any(
                abs(h["top"] - y) <= TOLERANCE and h["x0"] <= x0 + TOLERANCE and h["x1"] >= x1 - TOLERANCE
                for h in horizontals
            ):
                continue
            added.append(edge(x0, x1, y, y, "h"))
    return added


def _cell_bboxes(graphics: Graphics) -> list[list[tuple[float, float, float, float]]]:
    edges = plumber_table.merge_edges(graphics.edges, TOLERANCE, TOLERANCE, TOLERANCE, TOLERANCE)
    edges = edges + _closing_edges(edges)
    edges = plumber_geometry.filter_edges(edges, min_length=MIN_EDGE)
    points = plumber_table.edges_to_intersections(edges, TOLERANCE, TOLERANCE)
    cells = plumber_table.intersections_to_cells(points)
    return [list(t) for t in plumber_table.cells_to_tables(cells)]


def _region(boxes: list[tuple[float, float, float, float]], chars: list[Char], page: int) -> TableRegion | None:
    boxes = [b for b in boxes if b[2] - b[0] >= MIN_CELL and b[3] - b[1] >= MIN_CELL]
    xs = _cluster([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _cluster([b[1] for b in boxes] + [b[3] for b in boxes])
    if len(xs) < 3 or len(ys) < 3:
        return None
    cells: list[Cell] = []
    for x0, top, x1, bottom in boxes:
        inside = [c for c in chars if x0 <= (c.x0 + c.x1) / 2 <= x1 and top <= c.cy <= bottom]
        lines = group_lines(inside, page)
        col, row = _index(xs, x0), _index(ys, top)
        cells.append(
            Cell(
                row=row,
                col=col,
                rowspan=max(1, _index(ys, bottom) - row),
                colspan=max(1, _index(xs, x1) - col),
                text=join_text([ln.text for ln in lines]),
                bold=bool(lines) and all(ln.bold for ln in lines),
            )
        )
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    region = TableRegion(page=page, bbox=bbox, n_rows=len(ys) - 1, n_cols=len(xs) - 1, cells=cells)
    region.header_rows = guess_header_rows(region)
    return region


def guess_header_rows(region: TableRegion) -> int:
    """Rows spanned by the first row's cells, extended by leading rows that are entirely bold."""
    first = [c for c in region.cells if c.row == 0]
    spanned = max((c.rowspan for c in first), default=1)
    bold_rows = 0
    for r in range(region.n_rows):
        row = [c for c in region.cells if c.row == r and c.text]
        if not row or not all(c.bold for c in row):
            break
        bold_rows += 1
    if bold_rows >= region.n_rows:
        bold_rows = 0
    return max(spanned if spanned < region.n_rows else 1, bold_rows)


def find_tables(graphics: Graphics, chars: list[Char], page: int) -> tuple[list[TableRegion], list[Char]]:
    """Tables of a page (top to bottom) and the characters left outside them."""
    if not graphics.has_grid():
        return [], chars
    regions: list[TableRegion] = []
    for boxes in _cell_bboxes(graphics):
        region = _region(boxes, chars, page)
        if region is None or region.n_cols < 2 or not any(c.text for c in region.cells):
            continue
        regions.append(region)
        x0, top, x1, bottom = region.bbox
        chars = [c for c in chars if not (x0 <= (c.x0 + c.x1) / 2 <= x1 and top <= c.cy <= bottom)]
    regions.sort(key=lambda r: r.bbox[1])
    return regions, chars
