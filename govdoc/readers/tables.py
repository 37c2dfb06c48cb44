"""Grid helpers shared by readers: cells with spans → a rectangular grid with merges."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govdoc.readers.base import RawTable

MAX_COLUMNS = 200
"""Widest grid built from spans (guards hostile colspan values)."""


def grid_from_spans(rows: Sequence[Sequence[tuple[str, int, int]]]) -> RawTable:
    """Rows of ``(text, rowspan, colspan)`` cells (HTML/DOCX style) → a grid.

    Covered positions are ``None``; each spanning cell yields a merge ``(row, col, rowspan, colspan)``.
    """
    occupied: dict[tuple[int, int], bool] = {}
    placed: list[tuple[int, int, str, int, int]] = []
    for r, cells in enumerate(rows):
        c = 0
        for text, rowspan, colspan in cells:
            while occupied.get((r, c)):
                c += 1
            if c >= MAX_COLUMNS:
                break
            colspan = min(colspan, MAX_COLUMNS - c)
            rowspan = min(rowspan, max(1, len(rows) - r))
            for dr in range(rowspan):
                for dc in range(colspan):
                    occupied[(r + dr, c + dc)] = True
            placed.append((r, c, text, rowspan, colspan))
            c += colspan
    n_rows = len(rows)
    n_cols = max((c + cs for _, c, _, _, cs in placed), default=0)
    grid: list[list[str | None]] = [[None] * n_cols for _ in range(n_rows)]
    merges: list[tuple[int, int, int, int]] = []
    for r, c, text, rowspan, colspan in placed:
        grid[r][c] = text
        if rowspan > 1 or colspan > 1:
            merges.append((r, c, rowspan, colspan))
    # Positions never covered by any cell (ragged rows) are empty strings, not merges.
    covered = set(occupied)
    for r in range(n_rows):
        for c in range(n_cols):
            if grid[r][c] is None and (r, c) not in covered:
                grid[r][c] = ""
    return RawTable(rows=tuple(tuple(row) for row in grid), merges=tuple(merges))


def filled(table: RawTable) -> list[list[str]]:
    """The grid with every merged position holding its origin's text."""
    grid = [[c if c is not None else "" for c in row] for row in table.rows]
    for r, c, rs, cs in table.merges:
        if r >= len(grid) or c >= len(grid[r]):
            continue
        value = grid[r][c]
        for dr in range(rs):
            for dc in range(cs):
                if r + dr < len(grid) and c + dc < len(grid[r + dr]):
                    grid[r + dr][c + dc] = value
    return grid


def edge(x0: float, x1: float, top: float, bottom: float, orientation: str) -> dict[str, Any]:
    """A ruling line in pdfplumber's edge form (``orientation`` ``"h"`` or ``"v"``), for its table finder."""
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
        "object_type": "line",
    }
