"""Markdown pipe tables as converters write them (regressions found by perturbing the corpus)."""

from __future__ import annotations

import govdoc
from govdoc.model import Table

HEAD = "关于报送意见的函\n\n各单位：\n\n请填写下表。\n\n"
TAIL = "\n\nXX局\n\n2022年9月16日\n"


def tables(text: str) -> list[Table]:
    return [n for n in govdoc.parse_text(HEAD + text + TAIL).body if isinstance(n, Table)]


def test_rows_separated_by_blank_lines_are_one_table() -> None:
    found = tables("| 单位名称 | 意见内容 |\n\n| --- | --- |\n\n| 甲单位 | 无 |\n\n| 乙单位 | 有 |")
    assert len(found) == 1
    assert [list(r) for r in found[0].rows][-2:] == [["甲单位", "无"], ["乙单位", "有"]]


def test_a_separator_line_alone_is_no_table_and_no_crash() -> None:
    doc = govdoc.parse_text(HEAD + "| --- | --- |" + TAIL)
    assert not [n for n in doc.body if isinstance(n, Table)]
    assert doc.issue_date is not None and doc.issue_date.date.isoformat() == "2022-09-16"


def test_two_tables_with_their_own_headers_stay_two() -> None:
    found = tables("| a | b |\n| --- | --- |\n| 1 | 2 |\n\n| c | d |\n| --- | --- |\n| 3 | 4 |")
    assert len(found) == 2
