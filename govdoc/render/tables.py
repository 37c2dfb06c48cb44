"""Tasks and units as tables: CSV (UTF-8 with BOM, for Excel on Chinese Windows), XLSX, Markdown, JSON.

All formats of one kind share the same cells (:func:`task_rows`, :func:`unit_rows`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from govdoc.errors import ErrorCode, GovdocError
from govdoc.model import Task
from govdoc.units import Unit

TASK_COLUMNS = ("序号", "类别", "工作内容", "牵头单位", "配合单位", "其他单位参与", "完成时限", "来源")
"""Header of the task table."""

UNIT_COLUMNS = ("单位", "别名", "牵头任务", "配合任务")
"""Header of the units table."""

JOIN = "、"
"""Separator of names inside one cell."""

BOM = "\ufeff"
"""Byte-order mark that makes Excel read the CSV as UTF-8."""


class MissingExtraError(GovdocError):
    """An optional dependency (extra) is not installed."""

    code: ErrorCode = "unsupported_format"


def _where(task: Task) -> str:
    src = task.source
    parts: list[str] = []
    if src.attachment is not None:
        parts.append(f"附件{src.attachment + 1}")
    if src.section:
        parts.append(src.section)
    if src.table is not None:
        parts.append(f"表{src.table + 1}")
    if src.row is not None:
        parts.append(f"第{src.row + 1}行")
    return " ".join(parts)


def task_rows(tasks: Sequence[Task]) -> list[list[str]]:
    """Header + one row per task, all cells strings."""
    rows = [list(TASK_COLUMNS)]
    for task in tasks:
        rows.append(
            [
                "" if task.seq is None else str(task.seq),
                task.category or "",
                task.task,
                JOIN.join(task.lead_units),
                JOIN.join(task.partner_units),
                "是" if task.partner_others else "",
                task.deadline or "",
                _where(task),
            ]
        )
    return rows


def unit_rows(units: Sequence[Unit]) -> list[list[str]]:
    """Header + one row per unit; task numbers joined by 、."""
    rows = [list(UNIT_COLUMNS)]
    for unit in units:
        rows.append(
            [
                unit.name,
                JOIN.join(unit.aliases),
                JOIN.join(str(i) for i in unit.leads),
                JOIN.join(str(i) for i in unit.partners),
            ]
        )
    return rows


def to_csv(rows: list[list[str]]) -> str:
    """CSV text starting with a BOM (the caller writes it as UTF-8)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return BOM + buffer.getvalue()


def _md_cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def to_markdown(rows: list[list[str]]) -> str:
    """A pipe table."""
    lines = ["| " + " | ".join(_md_cell(c) for c in rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines.extend("| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows[1:])
    return "\n".join(lines) + "\n"


def to_xlsx(rows: list[list[str]], sheet: str = "任务分工") -> bytes:
    """An XLSX workbook with one sheet; needs the ``govdoc[xlsx]`` extra (openpyxl)."""
    try:
        from openpyxl import Workbook
    except ImportError:
        raise MissingExtraError("XLSX output needs openpyxl: pip install 'govdoc[xlsx]'") from None
    book = Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def tasks_json(tasks: Sequence[Task]) -> str:
    """The tasks as a JSON array (the ``tasks`` shape of the JSON contract)."""
    data: list[Any] = [t.model_dump(mode="json") for t in tasks]
    return json.dumps(data, ensure_ascii=False, indent=2)


def units_json(units: Sequence[Unit]) -> str:
    """``[{name, aliases, leads, partners}]``."""
    return json.dumps([u.model_dump(mode="json") for u in units], ensure_ascii=False, indent=2)
