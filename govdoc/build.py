"""Build: labelled lines → :class:`Document`. :mod:`govdoc.assemble` places each line; this module finishes
the trees, decides issuers and 文种, links 附件 to their 附件说明 and adds tasks."""

from __future__ import annotations

import regex as re

from govdoc import diagnostics
from govdoc.assemble import assemble
from govdoc.classify.common import same_document_name, title_kind
from govdoc.classify.state import Labeled
from govdoc.model import (
    Attachment,
    AttachmentNote,
    Document,
    Measure,
    Node,
    Paragraph,
    Provenance,
    Section,
    SourceInfo,
)
from govdoc.normalize import Normalized
from govdoc.patterns import (
    COPY_NUMBER,
    FIFTEEN_KINDS,
    ORGAN_SUFFIX,
    WORD_SEPARATORS,
    is_organ,
    secrecy_value,
    urgency_value,
)
from govdoc.tasks import extract_tasks

TITLE_ISSUER = re.compile(r"^(?P<org>.{2,80}?)(?:关于|(?=(?:19|20)\d{2}\s*年)|令$)")
"""The issuing organ(s) before 关于 (or before a year, or before the 令 of a 命令) in a title:
``临猗县人民政府办公室关于印发…``, ``洪泽区人民政府2023年政府信息公开工作年度报告``, ``济宁市人民政府令``."""
DOC_TYPE_HINTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"特此公告|现公告如下|现将.{0,30}公告如下"), "公告"),
    (re.compile(r"特此通告|现通告如下"), "通告"),
    (re.compile(r"此复|现批复如下|特此批复"), "批复"),
    (re.compile(r"本决定|现决定|特作如下决定"), "决定"),
    (re.compile(r"特此函告|特此函复|请予函复"), "函"),
    (re.compile(r"特此通知|现将.{0,40}通知如下"), "通知"),
)
"""Closing formulas that reveal the 文种 of a document without a title: ``此复`` → 批复."""


def build(
    labeled: list[Labeled],
    info: SourceInfo,
    warnings: list[tuple[str, str, int | None]] | None = None,
    normalized: Normalized | None = None,
) -> Document:
    """Assemble the document."""
    doc = Document(source=info)
    parts = assemble(doc, labeled)
    mark_organs = parts.mark_organs
    doc.body = parts.notice.finish()
    diags = list(parts.notice.diagnostics)
    if parts.enclosure is not None and parts.enclosure_tree is not None:
        parts.enclosure.body = parts.enclosure_tree.finish()
        diags += parts.enclosure_tree.diagnostics
        doc.enclosures.append(parts.enclosure)
    for attachment, tree in parts.attachments:
        attachment.body = tree.finish()
        diags += tree.diagnostics
        doc.attachments.append(attachment)
    if doc.title is None and parts.minutes and doc.issuer_mark:
        doc.title = doc.issuer_mark  # a 纪要 whose only name is its 纪要标志 (GB/T 9704 §10.3)
    doc.issuers = _issuers(doc, mark_organs)
    doc.doc_type = _doc_type(doc)
    if parts.enclosure is not None:
        parts.enclosure.doc_type = title_kind(parts.enclosure.title)
    for code, message, page in warnings or []:
        diagnostics.add(diags, code, message, Provenance(page=page) if page else None, "warning")
    doc.diagnostics = diags
    _link_attachments(doc)
    if normalized is not None:
        doc.residue = normalized.residue + doc.residue
    _header_marks_from_furniture(doc)
    doc.tasks = extract_tasks(doc)
    return doc


def _link_attachments(doc: Document) -> None:
    """Link each 附件 page to its 附件说明 entry (``note_index``): by number, else by title, else the only one."""
    notes = doc.attachment_notes + [n for e in doc.enclosures for n in e.attachment_notes]
    used: set[int] = set()
    for att in doc.attachments:
        k = _note_for(att, notes, used)
        if k is None:
            diagnostics.add(doc.diagnostics, "attachment_unlisted", f"附件 {att.title!r} has no 附件说明 entry")
            continue
        used.add(k)
        att.note_index = k
        if not att.title:
            att.title = notes[k].title
    for k, note in enumerate(notes):
        if k not in used and doc.attachments:
            diagnostics.add(doc.diagnostics, "attachment_note_unmatched", f"附件说明 {note.title!r} has no 附件 page")


def _note_for(att: Attachment, notes: list[AttachmentNote], used: set[int]) -> int | None:
    free = [k for k in range(len(notes)) if k not in used]
    for k in free:
        if att.index is not None and notes[k].index == att.index:
            return k
    for k in free:
        if att.title and same_document_name(att.title, notes[k].title):
            return k
    if att.index is None and len(free) == 1 and len(notes) == 1:
        return free[0]
    return None


def _header_marks_from_furniture(doc: Document) -> None:
    """份号, 密级 and 紧急程度 that a Word template put in the page header (furniture) still count."""
    for item in doc.residue:
        if item.reason != "page_furniture":
            continue
        for token in item.text.split():
            if doc.copy_number is None and (m := COPY_NUMBER.match(token)):
                doc.copy_number = m.group("num")
            doc.secrecy = doc.secrecy or secrecy_value(token)
            doc.urgency = doc.urgency or urgency_value(token)


def _issuers(doc: Document, mark_organs: list[str]) -> list[str]:
    """发文机关: the masthead's organs (completed by a fuller form in the title or 署名, e.g. 铜梁区… →
    重庆市铜梁区…), else the organs that open the title, else the 署名."""
    named: list[str] = []
    if doc.title:
        m = TITLE_ISSUER.match(doc.title)
        if m:
            named = [o for o in WORD_SEPARATORS.split(m.group("org")) if o]
            named = named if named and all(is_organ(o, 60) for o in named) else []
    organs = [o for o in mark_organs if is_organ(o, 60)]
    if organs:
        fuller = named + [o for o in doc.signature if is_organ(o, 60)]
        return list(dict.fromkeys(next((f for f in fuller if _completes(f, o)), o) for o in organs))
    return named or [o for o in doc.signature if is_organ(o, 60)]


def _completes(full: str, short: str) -> bool:
    """``重庆市铜梁区人民政府办公室`` completes ``铜梁区人民政府办公室`` (a place prefix, not another organ)."""
    prefix = full[: len(full) - len(short)]
    return full.endswith(short) and 0 < len(prefix) <= 8 and not ORGAN_SUFFIX.search(prefix)


def _doc_type(doc: Document) -> str | None:
    if doc.title:
        kind = title_kind(doc.title)
        if kind:
            return "纪要" if kind == "会议纪要" else kind
    tail = "".join(_texts(doc.body))[-3000:]
    for pattern, kind in DOC_TYPE_HINTS:
        if pattern.search(tail) and kind in FIFTEEN_KINDS:
            return kind
    return None


def _texts(nodes: list[Node]) -> list[str]:
    out: list[str] = []
    for n in nodes:
        if isinstance(n, Section):
            out.append(n.title)
            out.extend(_texts(n.children))
        elif isinstance(n, Measure):
            out.extend((n.title, n.text))
        elif isinstance(n, Paragraph):
            out.append(n.text)
    return out
