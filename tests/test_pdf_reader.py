"""PDF reader on the rendered reference notice (three ways of drawing bold) and a real annual report."""

from __future__ import annotations

from functools import cache

import pytest
import regex as re

from govdoc.options import ParseOptions
from govdoc.readers.base import RawBlock, ReadResult
from govdoc.readers.pdf import read
from govdoc.readers.tables import filled
from tests.conftest import SHARED

CORPUS = SHARED / "corpus"
PAGE_NUMBER = re.compile(r"^\s*[—–-]+\s*\d+\s*[—–-]+\s*$")
"""A page-number line such as ``— 3 —``."""
RENDERED = ["seed.pdf", "seed_fakebold.pdf", "seed_bold_dup.pdf"]


@cache
def load(name: str) -> ReadResult:
    path = CORPUS / ("rendered" if name.startswith("seed") else "pdf") / name
    return read(path.read_bytes(), str(path), ParseOptions())


def texts(result: ReadResult) -> list[str]:
    return [b.text for b in result.blocks if b.kind == "text"]


def bold_leads(blocks: list[RawBlock], start: str, stop: str) -> list[str]:
    """The bold lead runs of the paragraphs between the heading ``start`` and the heading ``stop``."""
    names = [b.text for b in blocks]
    first, last = names.index(start), names.index(stop)
    return [b.runs[0].text for b in blocks[first + 1 : last] if b.runs and b.runs[0].bold]


@pytest.mark.parametrize("name", RENDERED)
def test_masthead_red_and_centred(name: str) -> None:
    first = load(name).blocks[0]
    assert first.text == "临猗县人民政府办公室文件"
    assert first.color == "FF0000"
    assert first.align == "center"
    assert load(name).blocks[1].extra.get("rule_below") == "red"


@pytest.mark.parametrize("name", RENDERED)
def test_bold_lead_sentences_survive_every_way_of_drawing_bold(name: str) -> None:
    blocks = load(name).blocks
    leads = bold_leads(blocks, "（一）青少年科学素质提升行动", "（二）农民科学素质提升行动")
    assert leads == [
        "实施科学家精神进校园行动。",
        "提升基础教育阶段的科学教育水平。",
        "实施科技创新后备人才培养计划。",
        "建立校内外科学教育资源有效衔接机制。",
        "实施教师科学素质提升工程。",
        "营造崇尚科学的校园文化氛围。",
    ]
    assert len(bold_leads(blocks, "（一）科技资源科普化工程", "（二）科普信息化提升工程")) == 3


@pytest.mark.parametrize("name", RENDERED[1:])
def test_fake_bold_variants_give_the_same_blocks(name: str) -> None:
    plain = [(b.kind, b.runs, b.table, b.align) for b in load("seed.pdf").blocks]
    assert [(b.kind, b.runs, b.table, b.align) for b in load(name).blocks] == plain


def test_no_doubled_glyphs() -> None:
    joined = "".join(texts(load("seed_bold_dup.pdf")))
    assert "实实施施" not in joined and "实施科学家精神进校园行动。" in joined


def test_paragraphs_not_lines() -> None:
    result = load("seed.pdf")
    body = texts(result)
    # Joined across a kinsoku wrap (``中，`` moved to the next line) without spaces.
    assert any(t.startswith("党的十八大以来") and t.endswith("奠定了坚实的基础。") for t in body)
    # Re-joined across the page break between pages 8 and 9.
    assert any("在职前教育和职业培训中进一步突出科学素质、安全生产等相关内容，构建职业教育" in t for t in body)
    assert "附件：临猗县全民科学素质行动规划纲要实施方案工作分工表" in body
    # The title set over two centred lines in 二号 is one block.
    assert "临猗县人民政府办公室关于印发临猗县全民科学素质行动规划纲要实施方案（2021—2025年）的通知" in body
    # …but a bracketed subtitle stays apart.
    assert "（2021—2025年）" in body


def test_alignment_and_indent_hints() -> None:
    blocks = {b.text: b for b in load("seed.pdf").blocks if b.kind == "text"}
    assert blocks["临猗县人民政府办公室"].align in ("center", "right")
    assert blocks["2022年10月24日"].align == "right"
    assert blocks["（此件公开发布）"].indent == 2.0
    assert blocks["一、背景和意义"].size == 16.0


def test_page_furniture_dropped_but_page_numbers_kept() -> None:
    result = load("seed.pdf")
    assert result.pages == 19
    assert not any(PAGE_NUMBER.match(t) for t in texts(result))
    labels = {b.page: b.extra.get("page_label") for b in result.blocks}
    assert labels[3] == "3" and labels[19] == "19"
    starts = [b.page or 0 for b in result.blocks if b.page_break_before]
    assert starts == sorted(set(starts)) and 2 in starts


def test_division_table_continued_across_pages() -> None:
    tables = [b for b in load("seed.pdf").blocks if b.kind == "table"]
    assert len(tables) == 1
    table = tables[0].table
    assert table is not None
    grid = filled(table)
    assert grid[0] == ["名称", "序号", "工作内容", "牵头单位", "责任单位"]
    assert [row[1] for row in grid[1:]] == [str(n) for n in range(1, 10)]
    assert [row[0] for row in grid[1:]] == ["提升行动"] * 5 + ["重点工程"] * 4
    assert grid[3][3] == "县总工会、县工科局"
    assert grid[6][4].endswith("县应急管理局、县科协等相关单位配合")
    # No text of the table leaks into paragraphs.
    assert not any("实施科普信息化提升工程" in t for t in texts(load("seed.pdf")))


def test_annual_report_tables_with_multi_row_headers_and_merges() -> None:
    result = load("hzq-2023-annual-report.pdf")
    tables = [b.table for b in result.blocks if b.kind == "table" and b.table is not None]
    assert len(tables) >= 4
    big = max(tables, key=lambda t: len(t.rows))
    assert big.header_rows == 3
    grid = filled(big)
    assert grid[2][4:9] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    assert grid[1][3] == "自然人" and grid[2][3] == "自然人"
    # The 办理结果 block continues over the page break: its merged first column runs to （七）总计.
    results = [row for row in grid if row[0] == "三、本年度办理结果"]
    assert results[-1][1] == "（七）总计"
    items = [row[2] for row in grid]
    assert items.index("3.补正后申请内容仍不明确") == items.index("2.没有现成信息需要另行制作") + 1
    headings = [t for t in texts(result) if t[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")]
    assert len(headings) == 6


def test_full_row_after_a_page_break_is_not_glued_to_the_last_row() -> None:
    result = load("hzq-2024-annual-report.pdf")
    big = max((b.table for b in result.blocks if b.table is not None), key=lambda t: len(t.rows))
    grid = filled(big)
    rows = {row[2]: row for row in grid}
    assert rows["1.本机关不掌握相关政府信息"][3] == "31"
    assert rows["2.没有现成信息需要另行制作"][3] == "1"
    # The merged 类别 cell started on the previous page continues over the new row.
    assert rows["2.没有现成信息需要另行制作"][1] == "（四）无法提供"
    assert rows["3.补正后申请内容仍不明确"][1] == "（四）无法提供"
