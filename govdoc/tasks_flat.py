"""A division-of-labour table flattened into one text (portal pages lose the cells).

``…分解表工作任务工作要求牵头单位配合/责任单位一、加强…1.增强….区直各有关单位…2.…`` — a run of
header labels (with a task and a unit label) followed by items numbered 1, 2, 3 … in sequence. Each
item is one task: its first sentence is the task, the rest the unit cells. A ``一、…`` heading between
items is the category of the items after it. Units glued together (``区经济发展局区行政审批局``) are
split at a name boundary; the partner cell is recognised as the text that rows without a lead (a blank
after the task) carry, so that ``区财政金融局区直各有关单位…`` splits into a lead and those partners.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govdoc.model import Task, TaskSource
from govdoc.tasks_patterns import UNIT_BOUNDARY, role_of, squash
from govdoc.tasks_units import parse_units

HEADER_LABEL = (
    r"(?:序号|名称|类别|工作任务|工作要求|工作内容|重点任务|具体措施|主要任务|任务内容|牵头单位|牵头部门"
    r"|配合/责任单位|责任单位|责任部门|配合单位|配合部门|参与单位|完成时限|时间节点|完成时间|备注)"
)
"""One header label of a flattened table (see :data:`HEADER_RUN`)."""

HEADER_RUN = re.compile(rf"(?:{HEADER_LABEL}\s*){{3,}}")
"""Three or more labels in a row: ``工作任务工作要求牵头单位配合/责任单位``."""

LABEL = re.compile(HEADER_LABEL)
"""A label inside :data:`HEADER_RUN`."""

ITEM = re.compile(r"(?<![\d.．])(?P<n>\d{1,3})[.．、](?!\d)")
"""An item number: ``12.``; only those continuing the sequence 1, 2, 3 … count."""

CATEGORY = re.compile(r"(?<![一二三四五六七八九十])[一二三四五六七八九十]{1,3}、(?P<title>[^。]{2,40}?)\s*$")
"""A category heading at the end of an item: ``…街道办事处）二、加强涉及减税降费的信息公开``."""


TAIL_STOP = re.compile(r"\s(?:来源|附件下载|扫一扫|【打印】|分享到|\S{1,80}\.(?:pdf|docx?|xlsx?|wps|ofd)\b)")
"""Portal furniture after the last item: ``来源：…``, ``附件下载``, a file name ``…通知.pdf``."""


@dataclass
class Item:
    """One numbered item of the flattened table."""

    seq: int
    category: str | None
    task: str
    units: str
    no_lead: bool


def has_flat_header(text: str) -> bool:
    """True when ``text`` holds a run of table header labels (see :data:`HEADER_RUN`)."""
    return _header(text) is not None


def _header(text: str) -> re.Match[str] | None:
    for run in HEADER_RUN.finditer(text):
        roles = {role_of(label.group(0)) for label in LABEL.finditer(run.group(0))}
        if "task" in roles and roles & {"lead", "partner", "resp"}:
            return run
    return None


def _numbered(text: str) -> list[re.Match[str]]:
    expected = 1
    marks: list[re.Match[str]] = []
    for m in ITEM.finditer(text):
        if int(m.group("n")) == expected:
            marks.append(m)
            expected += 1
    return marks


def _items(body: str) -> list[Item]:
    marks = _numbered(body)
    if len(marks) < 2:
        return []
    first = CATEGORY.search(body[: marks[0].start()])
    category = squash(first.group("title")) if first else None
    items: list[Item] = []
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        chunk = body[mark.end() : end]
        tail = TAIL_STOP.search(chunk)
        chunk = chunk[: tail.start()] if tail else chunk
        heading = CATEGORY.search(chunk)
        next_category = squash(heading.group("title")) if heading else category
        chunk = chunk[: heading.start()] if heading else chunk
        task, _, units = chunk.partition("。")
        items.append(Item(int(mark.group("n")), category, squash(task), units, units[:1].isspace()))
        category = next_category
    return items


def _split_glued(names: list[str]) -> list[str]:
    return [piece for name in names for piece in UNIT_BOUNDARY.split(name) if piece]


def _task(item: Item, partner_texts: list[str], source: TaskSource) -> Task:
    units = squash(item.units)
    lead_text, partner_text = ("", units) if item.no_lead else (units, "")
    for known in partner_texts:
        if not item.no_lead and units.endswith(known) and units != known:
            lead_text, partner_text = units[: -len(known)], known
            break
    lead, partner = parse_units(lead_text), parse_units(partner_text)
    return Task(
        seq=item.seq,
        category=item.category,
        task=item.task,
        lead_units=_split_glued(lead.units),
        partner_units=partner.units,
        partner_others=lead.others or partner.others,
        source=source,
    )


def flat_table_tasks(text: str, path: list[str]) -> list[Task]:
    """Tasks of a table flattened into ``text``, or [] when no header run with numbered items follows."""
    header = _header(text)
    if header is None:
        return []
    items = _items(text[header.end() :])
    partner_texts = sorted({squash(i.units) for i in items if i.no_lead and squash(i.units)}, key=len)
    source = TaskSource(section="/".join(path) or None)
    return [_task(item, partner_texts[::-1], source) for item in items]
