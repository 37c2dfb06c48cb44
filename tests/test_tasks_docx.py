"""End to end: DOCX notices with a 工作分工表 (built here with python-docx) → tasks.

Three table shapes: no 牵头 column, a header spanning two rows (merged cells), and a table continued
on a second page under a repeated header.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.table import Table as DocxTable

import govdoc
from govdoc.model import Task

PREAMBLE = (
    "临猗县人民政府办公室文件",
    "临政办发〔2023〕7号",
    "临猗县人民政府办公室关于印发临猗县农村人居环境整治工作方案的通知",
    "各乡（镇）人民政府，县直各有关单位：",
    "《临猗县农村人居环境整治工作方案》已经县人民政府同意，现印发给你们，请认真贯彻执行。",
    "附件：工作任务分工表",
    "临猗县人民政府办公室",
    "2023年3月1日",
)

ROWS = (
    ("1", "开展村庄清洁行动", "县农业农村局", "县财政局、各乡（镇）人民政府", "2023年6月"),
    ("2", "推进农村厕所革命", "县卫健体局", "县住建局、县应急局等相关单位配合", "2023年9月"),
    ("3", "治理农村生活污水", "市生态环境局临猗分局", "县水利局", "2023年12月"),
    ("4", "处理农村生活垃圾", "县住建局", "县应急管理局", "长期坚持"),
    ("5", "提升村容村貌", "县自然资源局", "县文旅局、团县委", "2024年6月"),
)


def _document() -> DocxDocument:
    document = docx.Document()
    for line in PREAMBLE:
        document.add_paragraph(line)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("附件")
    document.add_paragraph("临猗县农村人居环境整治工作任务分工表")
    return document


def _table(document: DocxDocument, rows: int, cols: int) -> DocxTable:
    """A ruled table (a table without borders is read as layout, not data)."""
    table: DocxTable = document.add_table(rows=rows, cols=cols)
    table.style = "Table Grid"
    return table


def _fill(table: DocxTable, first: int, rows: tuple[tuple[str, ...], ...]) -> None:
    for r, row in enumerate(rows, start=first):
        for c, value in enumerate(row):
            table.cell(r, c).text = value


def _save(document: DocxDocument, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    document.save(str(path))
    return path


def no_lead_column(tmp_path: Path) -> Path:
    document = _document()
    table = _table(document, 1 + len(ROWS), 4)
    _fill(table, 0, (("序号", "工作任务", "责任单位", "完成时限"),))
    _fill(table, 1, tuple((r[0], r[1], r[2] + "、" + r[3], r[4]) for r in ROWS))
    return _save(document, tmp_path, "no-lead.docx")


def two_row_header(tmp_path: Path) -> Path:
    document = _document()
    table = _table(document, 2 + len(ROWS), 5)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "序号"
    table.cell(0, 1).merge(table.cell(1, 1)).text = "重点任务"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "责任单位"
    table.cell(1, 2).text = "牵头单位"
    table.cell(1, 3).text = "配合单位"
    table.cell(0, 4).merge(table.cell(1, 4)).text = "完成时限"
    _fill(table, 2, ROWS)
    return _save(document, tmp_path, "two-row-header.docx")


def split_over_pages(tmp_path: Path) -> Path:
    document = _document()
    header = (("序号", "工作内容", "牵头单位", "配合单位", "时间节点"),)
    for part in (ROWS[:3], ROWS[3:]):
        table = _table(document, 1 + len(part), 5)
        _fill(table, 0, header)
        _fill(table, 1, part)
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    return _save(document, tmp_path, "split.docx")


def _summary(tasks: list[Task]) -> list[tuple[int | None, str, list[str], list[str]]]:
    return [(t.seq, t.task, t.lead_units, t.partner_units) for t in tasks]


def _expected_with_leads() -> list[tuple[int | None, str, list[str], list[str]]]:
    partners = [["县财政局", "各乡（镇）人民政府"], ["县住建局", "县应急局"], ["县水利局"], ["县应急管理局"]]
    partners.append(["县文旅局", "团县委"])
    return [(int(r[0]), r[1], [r[2]], p) for r, p in zip(ROWS, partners, strict=True)]


def test_docx_no_lead_column_makes_responsible_units_leads(tmp_path: Path) -> None:
    tasks = govdoc.parse(no_lead_column(tmp_path)).tasks
    assert [t.seq for t in tasks] == [1, 2, 3, 4, 5]
    assert tasks[0].lead_units == ["县农业农村局", "县财政局", "各乡（镇）人民政府"]
    assert tasks[0].partner_units == []
    assert tasks[1].partner_others is True
    assert tasks[3].deadline == "长期坚持"


def test_docx_two_row_header_maps_lead_and_partner(tmp_path: Path) -> None:
    tasks = govdoc.parse(two_row_header(tmp_path)).tasks
    assert _summary(tasks) == _expected_with_leads()
    assert [t.deadline for t in tasks] == [r[4] for r in ROWS]
    assert tasks[1].partner_others is True


def test_docx_table_over_two_pages_with_repeated_header(tmp_path: Path) -> None:
    doc = govdoc.parse(split_over_pages(tmp_path))
    assert _summary(doc.tasks) == _expected_with_leads()
    units = {u.name: u for u in doc.units()}
    assert units["县应急管理局"].aliases == ["县应急局"]
    assert units["县应急管理局"].partners == [2, 4]
