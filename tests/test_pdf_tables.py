"""Tables continued over a page break (续表), on hand-made regions."""

from __future__ import annotations

from collections.abc import Sequence

from govdoc.readers.pdf_table_join import compatible, join_tables
from govdoc.readers.pdf_tables import Cell, TableRegion
from govdoc.readers.tables import filled

HEADER = ["类别", "序号", "任务", "责任单位"]


def region(
    page: int, rows: Sequence[Sequence[str | None]], spans: dict[tuple[int, int], int] | None = None
) -> TableRegion:
    """A 4-column region; ``None`` marks a position covered by the rowspan given in ``spans``."""
    spans = spans or {}
    cells = [
        Cell(row=r, col=c, rowspan=spans.get((r, c), 1), colspan=1, text=text)
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
        if text is not None
    ]
    return TableRegion(page=page, bbox=(80, 100, 520, 700), n_rows=len(rows), n_cols=4, cells=cells, header_rows=1)


def test_repeated_header_dropped_split_row_rejoined_merge_continued() -> None:
    first = region(1, [HEADER, ["提升行动", "1", "甲", "县委"], ["重点工程", "2", "乙", "县财政局、县发"]])
    rest = region(2, [HEADER, ["", "", "", "改局"], [None, "3", "丙", "县民政局"]], {(1, 0): 2})
    assert compatible(first, rest)
    grid = filled(join_tables(first, rest).to_raw())
    assert grid == [
        HEADER,
        ["提升行动", "1", "甲", "县委"],
        ["重点工程", "2", "乙", "县财政局、县发改局"],
        ["重点工程", "3", "丙", "县民政局"],
    ]


def test_a_complete_row_after_the_break_stays_a_row() -> None:
    first = region(1, [HEADER, ["（四）", "1", "甲", "县委"], [None, "2", "乙", "县财政局"]], {(1, 0): 2})
    rest = region(2, [["", "3", "丙", "县民政局"], [None, "4", "丁", "县教育局"]], {(0, 0): 2})
    grid = filled(join_tables(first, rest).to_raw())
    assert [row[1] for row in grid] == ["序号", "1", "2", "3", "4"]
    assert [row[0] for row in grid[1:]] == ["（四）"] * 4


def test_different_columns_do_not_continue() -> None:
    first = region(1, [HEADER, ["a", "1", "b", "c"]])
    other = TableRegion(page=2, bbox=(80, 100, 520, 300), n_rows=1, n_cols=2, cells=[], header_rows=0)
    assert not compatible(first, other)
