"""Division-of-labour tables → tasks, on Table nodes built here and the reference notice's table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govdoc.model import Attachment, Document, Paragraph, Section, SourceInfo, Table, TaskSource
from govdoc.tasks import extract_tasks
from govdoc.tasks_table import layout_of, table_tasks

FIXTURES = Path(__file__).parent / "fixtures" / "tasks"

EXPECTED = json.loads((FIXTURES / "linyi-2022-58-expected.json").read_text(encoding="utf-8"))
"""The reference notice's 工作分工表, read by a person (seq, category, task, leads, partners, others)."""

REFERENCE = [(t["seq"], t["category"], t["task"], t["lead_units"], t["partner_units"]) for t in EXPECTED]


def reference_grid() -> list[list[str]]:
    """The tab-separated table of the reference notice (empty 名称 cells under the first row)."""
    text = (FIXTURES / "linyi-2022-58-table.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip()]


def in_attachment(*tables: Table, note: str | None = None) -> Document:
    body: list[Paragraph | Table] = [Paragraph(text=note)] if note else []
    return Document(
        source=SourceInfo(format="markdown", sha256="0"),
        attachments=[Attachment(index=1, title="工作分工表", body=[*body, *tables])],
    )


@pytest.mark.parametrize("header_given", [True, False])
def test_reference_table_gives_nine_tasks_as_printed(header_given: bool) -> None:
    grid = reference_grid()
    table = Table(header=grid[:1], rows=grid[1:]) if header_given else Table(rows=grid)
    tasks = extract_tasks(in_attachment(table))
    got = [(t.seq, t.category, t.task, t.lead_units, t.partner_units) for t in tasks]
    assert got == REFERENCE
    assert all(t.partner_others for t in tasks)
    assert [t.source.row for t in tasks] == list(range(9) if header_given else range(1, 10))
    assert {(t.source.attachment, t.source.table) for t in tasks} == {(0, 0)}


def test_category_merged_cells_already_filled() -> None:
    grid = reference_grid()
    filled = [grid[0]] + [[row[0] or ("提升行动" if int(row[1]) <= 5 else "重点工程"), *row[1:]] for row in grid[1:]]
    tasks = table_tasks(Table(header=filled[:1], rows=filled[1:]), TaskSource())
    assert [t.category for t in tasks] == ["提升行动"] * 5 + ["重点工程"] * 4


def test_roster_and_schedule_tables_are_not_task_tables() -> None:
    roster = Table(header=[["组别", "带队领导", "检查人员", "检查地点"]], rows=[["第一组", "张三", "李四", "城区"]])
    schedule = Table(header=[["轮次", "批次", "发放时间"]], rows=[["1", "第一批", "5月1日"]])
    assert table_tasks(roster, TaskSource()) == []
    assert table_tasks(schedule, TaskSource()) == []
    assert layout_of([["序号", "姓名", "职务"], ["1", "张三", "局长"]]) is None


def test_no_lead_column_responsible_units_lead() -> None:
    table = Table(
        header=[["序号", "重点任务", "责任单位", "完成时间"]],
        rows=[["1", "开展村庄清洁行动", "县农业农村局、县财政局", "2023年6月"]],
    )
    (task,) = table_tasks(table, TaskSource())
    assert task.lead_units == ["县农业农村局", "县财政局"]
    assert task.partner_units == []
    assert task.deadline == "2023年6月"


def test_first_listed_unit_leads_when_the_text_says_so() -> None:
    table = Table(
        header=[["序号", "重点任务", "责任单位"]],
        rows=[["1", "开展村庄清洁行动", "县农业农村局、县财政局、县住建局"]],
    )
    doc = in_attachment(table, note="责任单位中排在第一位的为牵头单位。")
    (task,) = extract_tasks(doc)
    assert task.lead_units == ["县农业农村局"]
    assert task.partner_units == ["县财政局", "县住建局"]


def test_two_row_header_with_title_row_above() -> None:
    rows = [
        ["工作任务分工表"] * 5,
        ["序号", "重点任务", "责任单位", "责任单位", "完成时限"],
        ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
        ["1", "治理农村生活污水", "县住建局", "县水利局、各乡（镇）人民政府", "2023年12月"],
    ]
    (task,) = table_tasks(Table(rows=rows), TaskSource())
    assert (task.seq, task.lead_units, task.partner_units) == (
        1,
        ["县住建局"],
        ["县水利局", "各乡（镇）人民政府"],
    )
    assert task.source.row == 3


def test_repeated_header_inside_body_is_skipped() -> None:
    header = ["序号", "工作内容", "牵头单位", "配合单位"]
    rows = [["1", "甲任务", "县教育局", "县财政局"], header, ["2", "乙任务", "县民政局", "县科协"]]
    tasks = table_tasks(Table(header=[header], rows=rows), TaskSource())
    assert [(t.seq, t.task) for t in tasks] == [(1, "甲任务"), (2, "乙任务")]


def test_category_band_row_and_lead_marked_in_cell() -> None:
    header = [["序号", "具体措施", "责任单位"]]
    rows = [["一、设备更新"] * 3, ["1", "加快建筑领域设备更新", "区住建局牵头，区财政局"]]
    (task,) = table_tasks(Table(header=header, rows=rows), TaskSource())
    assert task.category == "一、设备更新"
    assert (task.lead_units, task.partner_units) == (["区住建局"], ["区财政局"])


def test_tables_inside_sections_of_the_body_carry_the_section_path() -> None:
    table = Table(header=[["序号", "工作内容", "牵头单位", "配合单位"]], rows=[["1", "甲任务", "县教育局", "县财政局"]])
    section = Section(level=1, marker="三、", style="cn_dun", ordinal=3, title="任务分工", children=[table])
    doc = Document(source=SourceInfo(format="docx", sha256="0"), body=[section])
    (task,) = extract_tasks(doc)
    assert (task.source.section, task.source.table, task.source.attachment) == ("三", 0, None)
