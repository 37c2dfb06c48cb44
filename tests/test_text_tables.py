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


def test_tab_pushed_signature_and_date_are_not_a_table() -> None:
    """Regression (review): a signature and date pushed right with tabs, a blank line between them."""
    doc = govdoc.parse_text(
        "关于X的通知\n\n各单位：\n\n现通知如下。\n\n\t\t\t\t平潭县人民政府\n\n\t\t\t\t2024年5月1日\n"
    )
    assert not [n for n in doc.body if isinstance(n, Table)]
    assert doc.issuers == ["平潭县人民政府"]
    assert doc.issue_date is not None and doc.issue_date.date.isoformat() == "2024-05-01"


def test_tab_indented_paragraphs_are_not_a_table() -> None:
    doc = govdoc.parse_text("关于X的通知\n\n各单位：\n\n\t第一段正文。\n\n\t第二段正文。\n\nXX局\n\n2024年5月1日\n")
    assert doc.title == "关于X的通知" and doc.addressees == ["各单位"]
    assert not [n for n in doc.body if isinstance(n, Table)]


def test_contact_line_after_a_tab_table_is_not_a_row() -> None:
    found = tables("序号\t单位\t人数\n1\t甲\t3\n\n联系人：张三\t联系电话：123")
    assert len(found) == 1 and len(found[0].rows) == 1
