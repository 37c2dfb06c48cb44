"""Division-of-labour tables (工作分工表) → tasks.

A table is a task table when its header (one or more rows, possibly after a title row) maps to a
task column and at least one unit column (:data:`govdoc.tasks_patterns.HEADER_ROLES`). A schedule or
roster (轮次/发放时间, 带队领导/检查地点) has no such pair and yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govdoc.model import Table, Task, TaskSource
from govdoc.tasks_patterns import role_of, squash
from govdoc.tasks_units import UnitList, parse_units

MAX_HEADER_ROWS = 3
"""Rows a header may span."""

MAX_LEADING_ROWS = 2
"""Title rows allowed above the header (a caption row spanning the table)."""

MAX_LABEL = 14
"""A header cell longer than this is content, not a label."""

SEQ = re.compile(r"^\s*(?P<n>\d{1,4})\s*[.．、]?\s*$")
"""A 序号 cell: ``3``, ``3.``, ``12、``."""


@dataclass
class Layout:
    """Column roles of a recognised task table."""

    header_rows: int
    """Rows (from the top of header + body) that form the header, title rows included."""
    columns: dict[str, list[int]] = field(default_factory=dict)
    """Role → column indexes (seq, category, task, lead, partner, deadline)."""
    lead_from_partner: bool = False
    """No 牵头 column: the 责任单位 column holds the leads."""
    header_texts: set[str] = field(default_factory=set)
    """Squashed header rows, to skip a header repeated on the next page."""


def _header_like(row: list[str]) -> bool:
    cells = [squash(c) for c in row if squash(c)]
    if not cells or any(len(c) > MAX_LABEL or SEQ.match(c) for c in cells):
        return False
    roles = {role_of(c) for c in set(cells)} - {None}
    return len(roles) >= 2


def _find_header(grid: list[list[str]]) -> tuple[int, int] | None:
    """(first header row, row after the header) or None."""
    for start in range(min(MAX_LEADING_ROWS + 1, len(grid))):
        if not _header_like(grid[start]):
            continue
        end = start + 1
        while end < len(grid) and end - start < MAX_HEADER_ROWS and _header_like(grid[end]):
            end += 1
        return start, end
    return None


def _column_roles(header: list[list[str]]) -> dict[int, str]:
    """Role per column: the bottom-most header label with a role wins (``牵头单位`` under ``责任单位``)."""
    width = max((len(r) for r in header), default=0)
    roles: dict[int, str] = {}
    for col in range(width):
        for row in reversed(header):
            role = role_of(row[col]) if col < len(row) else None
            if role:
                roles[col] = role
                break
    return roles


def layout_of(grid: list[list[str]]) -> Layout | None:
    """Recognise a task table: its header rows and column roles, or None."""
    found = _find_header(grid)
    if found is None:
        return None
    start, end = found
    roles = _column_roles(grid[start:end])
    columns: dict[str, list[int]] = {}
    for col, role in sorted(roles.items()):
        columns.setdefault(role, []).append(col)
    tasks = columns.pop("task", [])
    if not tasks:
        return None
    if len(tasks) > 1 and "category" not in columns:
        columns["category"] = tasks[:-1]
    columns["task"] = [c for c in tasks if c not in columns.get("category", [])] or tasks[-1:]
    resp = columns.pop("resp", [])
    lead_from_partner = False
    if resp and "lead" in columns:
        columns.setdefault("partner", []).extend(resp)
    elif resp:
        columns["lead"] = resp
        lead_from_partner = "partner" not in columns
    if "lead" not in columns and "partner" not in columns:
        return None
    texts = {"".join(squash(c) for c in row) for row in grid[start:end]}
    return Layout(end, columns, lead_from_partner, texts)


def _cells(row: list[str], cols: list[int]) -> str:
    """The distinct non-empty values of some columns (a value merged over two columns counts once)."""
    seen: list[str] = []
    for col in cols:
        value = row[col].strip() if col < len(row) else ""
        if value and value not in seen:
            seen.append(value)
    return "\n".join(seen)


def _is_category_row(row: list[str]) -> bool:
    """A row whose non-empty cells all hold one value (a band merged across the table)."""
    values = {squash(c) for c in row if squash(c)}
    return len(values) == 1 and len([c for c in row if c.strip()]) > 1


@dataclass
class RowContext:
    """State carried down the rows of one table."""

    layout: Layout
    first_unit_leads: bool
    source: TaskSource
    category: str | None = None
    tasks: list[Task] = field(default_factory=list)


def _assign(lead: UnitList, partner: UnitList, ctx: RowContext) -> tuple[list[str], list[str]]:
    """Leads and partners of one row, applying the no-lead-column and ``X牵头`` rules."""
    if ctx.layout.lead_from_partner:
        if lead.leads:
            return lead.leads, [u for u in lead.units if u not in lead.leads]
        if ctx.first_unit_leads and lead.units:
            return lead.units[:1], lead.units[1:]
        return lead.units, []
    leads = list(lead.units)
    partners = list(partner.units)
    if not leads and partner.leads:
        leads = partner.leads
        partners = [u for u in partners if u not in leads]
    return leads, partners


def _row_task(row: list[str], index: int, ctx: RowContext) -> Task | None:
    cols = ctx.layout.columns
    if "".join(squash(c) for c in row) in ctx.layout.header_texts or _header_like(row):
        return None
    category = squash(_cells(row, cols.get("category", [])))
    seq_text = squash(_cells(row, cols.get("seq", [])))
    if _is_category_row(row) and not SEQ.match(seq_text):
        ctx.category = category or squash(row[0])
        return None
    if category:
        ctx.category = category
    text = squash(_cells(row, cols["task"]))
    lead = parse_units(_cells(row, cols.get("lead", [])))
    partner = parse_units(_cells(row, cols.get("partner", [])))
    if not text and not lead.units and not partner.units:
        return None
    leads, partners = _assign(lead, partner, ctx)
    seq = SEQ.match(seq_text)
    deadline = squash(_cells(row, cols.get("deadline", []))) or None
    source = ctx.source.model_copy(update={"row": index})
    return Task(
        seq=int(seq.group("n")) if seq else None,
        category=ctx.category,
        task=text,
        lead_units=leads,
        partner_units=partners,
        partner_others=lead.others or partner.others,
        deadline=deadline,
        source=source,
    )


def table_tasks(table: Table, source: TaskSource, first_unit_leads: bool = False) -> list[Task]:
    """The tasks of one table (empty when it is not a division-of-labour table).

    ``source`` carries attachment/table/section; each task adds its 0-based body-row index.
    ``first_unit_leads``: the document says the first-listed 责任单位 is the lead.
    """
    grid = [list(r) for r in table.header] + [list(r) for r in table.rows]
    layout = layout_of(grid)
    if layout is None:
        return []
    ctx = RowContext(layout, first_unit_leads, source)
    offset = len(table.header)
    for index in range(layout.header_rows, len(grid)):
        task = _row_task(grid[index], index - offset, ctx)
        if task is not None:
            ctx.tasks.append(task)
    return ctx.tasks
