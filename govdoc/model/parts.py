"""Sub-documents and records: enclosures, attachments, tasks, diagnostics, residue."""

from __future__ import annotations

from typing import Literal

from govdoc.model.base import Model, Provenance, Sourced
from govdoc.model.body import Node
from govdoc.model.header import AttachmentNote, ContactEntry, DateValue


class SourceInfo(Model):
    """The input file."""

    path: str | None = None
    """Path as given, or null for text parsed from memory."""
    format: str
    """Detected format: pdf, docx, text, markdown, ofd …"""
    pages: int | None = None
    """Page count for paged formats."""
    sha256: str
    """SHA-256 of the input bytes."""


class Enclosure(Sourced):
    """A document printed by a 印发/转发/批转 notice (e.g. the 实施方案 it 印发s)."""

    marker: str | None = None
    """``附件`` when the printed document is introduced as an 附件 page, else null."""
    title: str
    """标题 of the enclosed document."""
    subtitle: str | None = None
    """副标题 without brackets, e.g. ``2021—2025年``."""
    doc_type: str | None = None
    """Its kind (方案, 办法, 细则 …), from the end of its title."""
    body: list[Node] = []
    """正文 of the enclosed document."""
    attachment_notes: list[AttachmentNote] = []
    """附件说明 printed inside the enclosed document."""
    signature: list[str] = []
    """署名 of the enclosed document, when it has one."""
    issue_date: DateValue | None = None
    """Date of the enclosed document, when it has one."""
    contact: list[ContactEntry] = []
    """Contact block (联系人 …) of the enclosed document."""


class Attachment(Sourced):
    """An 附件 page: a sub-document after the body."""

    index: int | None = None
    """附件序号 (附件1 → 1), null for a single unnumbered 附件."""
    marker: str = "附件"
    """The 附件 head as printed: ``附件``, ``附件2``."""
    title: str
    """附件标题."""
    note_index: int | None = None
    """Position of its 附件说明 entry among all notes (the notice's, then the enclosures'), when listed."""
    body: list[Node] = []
    """Its content: sections, paragraphs, tables."""


class TaskSource(Model):
    """Where a task was found."""

    attachment: int | None = None
    """0-based index into ``attachments`` when the task came from an attachment's table."""
    table: int | None = None
    """0-based index of the table within that body."""
    row: int | None = None
    """0-based body-row index in the table."""
    section: str | None = None
    """Marker path of the section holding an inline assignment, e.g. ``三/（二）``."""
    provenance: Provenance | None = None
    """Page/line provenance."""


class Task(Model):
    """One assignment of the 工作分工表 or an inline 牵头/责任单位 tag: 任务分工."""

    seq: int | None = None
    """序号."""
    category: str | None = None
    """名称/类别 (filled down over merged rows)."""
    task: str
    """工作内容/重点任务."""
    lead_units: list[str] = []
    """牵头单位."""
    partner_units: list[str] = []
    """责任单位/配合单位."""
    partner_others: bool = False
    """True when the partner list ends in 等相关单位配合 (others take part too)."""
    deadline: str | None = None
    """完成时限 as printed."""
    source: TaskSource = TaskSource()
    """Where it was found."""


class Diagnostic(Model):
    """Something the parser noticed: a numbering gap, a guess, a skipped part."""

    code: str
    """Stable machine code, e.g. ``numbering_gap``."""
    severity: Literal["info", "warning", "error"] = "warning"
    """info, warning or error."""
    message: str
    """Human-readable explanation."""
    source: Provenance | None = None
    """Where."""


class Residue(Model):
    """Text that belongs to no element (portal navigation, share buttons, stray headers): kept, not lost."""

    text: str
    """The text."""
    reason: str
    """Why it was set aside, e.g. ``portal_navigation``."""
    source: Provenance | None = None
    """Where."""
