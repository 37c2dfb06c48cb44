"""Inline assignments and flattened tables in running text → tasks."""

from __future__ import annotations

from pathlib import Path

import pytest

from govdoc.model import Document, Measure, Paragraph, Section, SourceInfo
from govdoc.tasks import extract_tasks
from govdoc.tasks_inline import find_assignments, inline_tasks
from govdoc.tasks_units import parse_units

FIXTURES = Path(__file__).parent / "fixtures" / "tasks"


def flat(name: str) -> Document:
    """A portal page as one paragraph (the roughest tree a flattened page can give)."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return Document(source=SourceInfo(format="text", sha256="0"), body=[Paragraph(text=text)])


def section(marker: str, ordinal: int, title: str, *children: Paragraph | Measure | Section) -> Section:
    style = "cn_dun" if marker.endswith("、") else "cn_paren"
    return Section(
        level=1 if style == "cn_dun" else 2,
        marker=marker,
        style=style,
        ordinal=ordinal,
        title=title,
        children=list(children),
    )


def test_unit_lists_split_strip_and_keep_brackets() -> None:
    units = parse_units("县委宣传部（县文明办、县网信办）、各乡（镇）人民政府，县科协等相关单位配合")
    assert units.units == ["县委宣传部（县文明办、县网信办）", "各乡（镇）人民政府", "县科协"]
    assert units.others is True
    assert parse_units("县教育局；县财政局").units == ["县教育局", "县财政局"]
    assert parse_units("县教育局等单位").units == ["县教育局"]
    assert parse_units("县教育局").others is False
    assert parse_units("区直各有关单位").units == ["区直各有关单位"]


def test_bracket_with_labels_in_a_section_title() -> None:
    title = "加强校园安全管理（牵头单位：县教育局；责任单位：县公安局、县应急局等相关单位配合）"
    doc = Document(
        source=SourceInfo(format="text", sha256="0"),
        body=[section("三、", 3, "重点任务", section("（二）", 2, title))],
    )
    (task,) = extract_tasks(doc)
    assert task.task == "加强校园安全管理"
    assert (task.lead_units, task.partner_units, task.partner_others) == (
        ["县教育局"],
        ["县公安局", "县应急局"],
        True,
    )
    assert task.source.section == "三/（二）"


def test_verbal_bracket_and_responsible_paragraph_after_a_measure() -> None:
    body = [
        section(
            "二、",
            2,
            "主要措施",
            Measure(title="实施智慧助老行动", text="普及智能技术知识。（县民政局牵头，县卫健体局、县科协配合）"),
            Measure(title="加强老年人健康科普服务", text="推动健康科普进社区。"),
            Paragraph(text="责任单位：县卫健体局、县文旅局"),
        )
    ]
    tasks = extract_tasks(Document(source=SourceInfo(format="text", sha256="0"), body=body))
    got = [(t.task, t.lead_units, t.partner_units, t.source.section) for t in tasks]
    assert got == [
        ("实施智慧助老行动", ["县民政局"], ["县卫健体局", "县科协"], "二"),
        ("加强老年人健康科普服务", ["县卫健体局", "县文旅局"], [], "二"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "县科协负责制定本县科学素质纲要实施工作方案，各牵头单位要根据《纲要》对任务进行分解。",
        "县政府负责领导全县《纲要》实施工作（此件公开发布）。",
        "请各科室对于承担牵头任务或者承担协办任务的，要积极主动配合。",
        "（一）指导思想（以习近平新时代中国特色社会主义思想为指导）",
    ],
)
def test_prose_with_responsibility_words_is_not_an_assignment(text: str) -> None:
    assert find_assignments(text) == []
    assert inline_tasks(text, [], "某标题") == []


def test_bracketed_unit_responsible_is_an_assignment() -> None:
    (task,) = inline_tasks("3.开展农村厕所革命。（由县卫健体局负责）", [], None)
    assert (task.task, task.lead_units, task.source.section) == ("开展农村厕所革命", ["县卫健体局"], "3")


def test_portal_page_with_six_bracketed_leads() -> None:
    tasks = extract_tasks(flat("portal-inline-lead-brackets.txt"))
    assert len(tasks) == 6
    assert tasks[0].task == "加强耕地保护制度执行情况的监督检查"
    assert (tasks[0].lead_units, tasks[0].partner_units) == (["规划科"], ["各国土所"])
    assert tasks[4].partner_units == ["征地事务部", "财务科", "各国土所"]
    assert (tasks[5].lead_units, tasks[5].partner_units) == (["县环保局相关业务科室"], [])
    assert [t.source.section for t in tasks] == ["1", "2", "3", "4", "5", "6"]


def test_portal_page_with_a_responsible_line_per_measure() -> None:
    tasks = extract_tasks(flat("portal-responsible-lines.txt"))
    assert len(tasks) == 25
    assert tasks[0].task == "加快建筑领域设备更新"
    assert tasks[0].lead_units == ["区交通建设局", "市场监管局", "资源生态局"]
    assert tasks[23].task == "拓宽多元融资渠道"
    assert (tasks[23].lead_units, tasks[23].partner_units) == (
        ["人行平潭支行"],
        ["区财政金融局", "国家金融监督管理总局平潭监管支局"],
    )
    assert tasks[24].task == "加强要素资源保障"
    assert [t.source.section for t in tasks][-1] == "（二十五）"


def test_responsible_paragraph_after_flattened_headings_belongs_to_the_last_heading() -> None:
    text = "（二十）促进优势产品提质扩容。鼓励企业。责任单位：区经济发展局（二十一）加强要素资源保障。保障用地。"
    body = [
        section(
            "（二十）",
            20,
            "促进优势产品提质扩容",
            Paragraph(text=text),
            Paragraph(text="责任单位：区资源生态局"),
        )
    ]
    tasks = extract_tasks(Document(source=SourceInfo(format="text", sha256="0"), body=body))
    assert [(t.task, t.lead_units) for t in tasks] == [
        ("促进优势产品提质扩容", ["区经济发展局"]),
        ("加强要素资源保障", ["区资源生态局"]),
    ]


def test_flattened_table_in_portal_text() -> None:
    tasks = extract_tasks(flat("portal-task-breakdown-table.txt"))
    assert [t.seq for t in tasks] == list(range(1, 19))
    assert tasks[0].category == "加强涉及市场主体的信息公开"
    assert tasks[4].category == "加强涉及减税降费的信息公开"
    assert tasks[0].lead_units == []
    assert tasks[2].lead_units == ["区经济发展局", "区行政审批局"]
    assert tasks[2].partner_units == [
        "区直各有关单位",
        "各区属事业单位",
        "各片区管理局",
        "各乡镇人民政府（街道办事处）",
    ]
    assert tasks[17].partner_units == ["政府信息公开工作部门"]


def test_flattened_table_split_into_paragraphs() -> None:
    text = (FIXTURES / "portal-task-breakdown-table.txt").read_text(encoding="utf-8")
    pieces = [Paragraph(text=p) for p in text.split(" ") if p.strip()]
    tasks = extract_tasks(Document(source=SourceInfo(format="text", sha256="0"), body=pieces))
    assert [t.seq for t in tasks] == list(range(1, 19))
    assert tasks[17].partner_units == ["政府信息公开工作部门"]


@pytest.mark.parametrize(
    "text",
    [
        "（" * 20000 + "牵头单位：县教育局",
        "责任单位：" * 20000,
        "（责任单位：县教育局" * 5000,
        "（" + "县教育局、" * 5000 + "牵头）",
        "（一）" * 20000 + "责任单位：县教育局",
    ],
    ids=["unclosed-brackets", "labels", "unclosed-labelled", "long-verbal", "markers"],
)
def test_hostile_text_finishes_with_bounded_results(text: str) -> None:
    tasks = inline_tasks(text, [], "标题")
    assert len(tasks) <= 1
    assert all(len(t.task) <= 120 for t in tasks)


def test_lead_clause_at_the_start_of_an_item() -> None:
    text = "一、由区规划局牵头，建立跨部门联席会议制度。二、由区财政局牵头，县审计局配合，做好资金监管。"
    tasks = inline_tasks(text, [], None)
    got = [(t.task, t.lead_units, t.partner_units, t.source.section) for t in tasks]
    assert got == [
        ("建立跨部门联席会议制度", ["区规划局"], [], "一"),
        ("做好资金监管", ["区财政局"], ["县审计局"], "二"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "会议由县政府主要领导牵头，各部门参加。",
        "由分管领导牵头，统筹推进。",
        "各片区项目建设指挥部负责辖区相关工作的协调统筹。",
    ],
)
def test_lead_clause_needs_units_at_an_item_start(text: str) -> None:
    assert inline_tasks(text, [], None) == []
