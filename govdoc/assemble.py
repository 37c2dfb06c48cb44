"""Assembly: one small handler per label, registered in :data:`HANDLERS`, each placing a labelled line into
the document under construction (header fields, the body trees of the notice, its enclosure and 附件, 版记).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from govdoc.classify.state import Labeled
from govdoc.dates import parse_date
from govdoc.docnumber import parse_doc_number
from govdoc.model import (
    Attachment,
    AttachmentNote,
    CcEntry,
    ContactEntry,
    DateValue,
    Document,
    Enclosure,
    Node,
    Paragraph,
    Provenance,
    Residue,
)
from govdoc.patterns import LIST_SEPARATORS, SHARED_HEAD_MAX, SHARED_TAIL, WORD_SEPARATORS
from govdoc.tree import TreeBuilder, _prov, image_node, measure_node, table_node


@dataclass
class Assembly:
    """The document under construction and its open containers."""

    doc: Document
    notice: TreeBuilder = field(default_factory=TreeBuilder)
    enclosure: Enclosure | None = None
    enclosure_tree: TreeBuilder | None = None
    attachments: list[tuple[Attachment, TreeBuilder]] = field(default_factory=list)
    mark_organs: list[str] = field(default_factory=list)
    """Organs named by the 发文机关标志 (or the head of the title)."""
    minutes: bool = False
    """A 纪要格式 head was seen."""

    def tree(self, item: Labeled) -> TreeBuilder:
        """The body tree a line of this zone belongs to."""
        if item.zone == "attachment" and self.attachments:
            return self.attachments[-1][1]
        if self.enclosure_tree is not None and item.zone in ("enclosure", "attachment"):
            return self.enclosure_tree
        return self.notice

    def in_enclosure(self, item: Labeled) -> bool:
        return self.enclosure is not None and item.zone == "enclosure"

    def residue(self, text: str, reason: str, source: Provenance | None) -> None:
        self.doc.residue.append(Residue(text=text, reason=reason, source=source))


Handler = Callable[[Assembly, Labeled], None]


def split_organs(text: str) -> list[str]:
    """``各乡(镇)人民政府、县直各有关单位`` → two organs (brackets inside names kept); a 、 list closed by a
    tail it shares stays one entry (see :data:`~govdoc.patterns.SHARED_TAIL`)."""
    groups: list[list[str]] = [[]]
    depth, current = 0, ""
    for ch in text:
        depth += ch in "(（"
        depth -= ch in ")）" and depth > 0
        if depth == 0 and LIST_SEPARATORS.fullmatch(ch):
            groups[-1].append(current)
            current = ""
            if ch != "、":
                groups.append([])
        else:
            current += ch
    groups[-1].append(current)
    out: list[str] = []
    for group in groups:
        items = [o.strip().rstrip("。.") for o in group if o.strip().rstrip("。.")]
        if len(items) > 1 and SHARED_TAIL.search(items[-1]) and all(_bare_organ(o) for o in items[:-1]):
            out.append("、".join(items))
        else:
            out.extend(items)
    return out


def _bare_organ(text: str) -> bool:
    return len(text) <= SHARED_HEAD_MAX and not SHARED_TAIL.search(text)


def _issuer_mark(a: Assembly, item: Labeled) -> None:
    a.mark_organs.extend(item.data["organs"])
    a.doc.issuer_mark = (a.doc.issuer_mark or "") + item.text


def _minutes_head(a: Assembly, item: Labeled) -> None:
    """纪要格式: the masthead, 期号 (kept as residue: it is not a 发文字号), issuing office and date."""
    data, src = item.data, _prov(item)
    a.minutes = True
    a.doc.issuer_mark = data["mark"]
    a.mark_organs.append(data["organ"])
    if data["number"]:
        a.residue(data["number"], "minutes_issue_number", src)
    parsed = parse_date(data["date"])
    if parsed:
        a.doc.issue_date = DateValue(raw=data["date"], text=data["date"], date=parsed[0], source=src)


def _doc_number(a: Assembly, item: Labeled) -> None:
    if a.doc.doc_number is not None:
        a.residue(item.text, "second_doc_number", _prov(item))
        return
    a.doc.doc_number = parse_doc_number(item.data["raw"], _prov(item))
    if item.data.get("signers"):
        a.doc.signers = item.data["signers"].split()


def _signers(a: Assembly, item: Labeled) -> None:
    a.doc.signers = item.data["names"].split()


def _header_value(a: Assembly, item: Labeled) -> None:
    """份号, 密级, 紧急程度: the first one printed counts."""
    if getattr(a.doc, item.label) is None:
        setattr(a.doc, item.label, item.data["value"])
    else:
        a.residue(item.text, f"second_{item.label}", _prov(item))


def _title(a: Assembly, item: Labeled) -> None:
    data = item.data
    if a.doc.title and data.get("fuller"):
        a.residue(a.doc.title, "portal_title", _prov(item))
    a.doc.title = data["title"]
    a.mark_organs.extend(o for o in data.get("organs", []) if o not in a.mark_organs)


def _addressees(a: Assembly, item: Labeled) -> None:
    a.doc.addressees = split_organs(item.data["organs"])
    if item.data.get("rest"):
        a.notice.add(Paragraph(text=item.data["rest"], source=_prov(item)))


def _heading(a: Assembly, item: Labeled) -> None:
    a.tree(item).heading(item)


def _node(a: Assembly, item: Labeled) -> None:
    node: Node
    if item.label == "measure":
        node = measure_node(item)
    elif item.label == "table":
        node = table_node(item)
    elif item.label == "image":
        node = image_node(item)
    else:
        node = Paragraph(text=item.text, source=_prov(item))
    a.tree(item).add(node)


def _attachment_note(a: Assembly, item: Labeled) -> None:
    src = _prov(item)
    notes = [AttachmentNote(index=n, marker=mk, title=t, source=src) for n, mk, t in item.data["items"]]
    target = a.enclosure if a.in_enclosure(item) and a.enclosure else a.doc
    target.attachment_notes.extend(notes)


def _signature(a: Assembly, item: Labeled) -> None:
    target = a.enclosure if a.in_enclosure(item) and a.enclosure else a.doc
    target.signature = list(item.data["organs"])


def _date(a: Assembly, item: Labeled) -> None:
    date = item.data.get("date")
    if date is None:
        return
    value = DateValue(raw=item.lines[0].raw, text=item.data["raw"], date=date, source=_prov(item))
    if a.in_enclosure(item) and a.enclosure is not None:
        a.enclosure.issue_date = value
    elif a.doc.issue_date is None:
        a.doc.issue_date = value
    else:
        a.residue(item.text, "second_date", _prov(item))


def _note(a: Assembly, item: Labeled) -> None:
    if a.doc.note is None:
        a.doc.note = item.data["text"]
    else:
        a.tree(item).add(Paragraph(text=item.text, source=_prov(item)))


def _contact(a: Assembly, item: Labeled) -> None:
    entry = ContactEntry(label=item.data["label"], value=item.data["value"], source=_prov(item))
    (a.enclosure.contact if a.in_enclosure(item) and a.enclosure else a.doc.contact).append(entry)


def _enclosure_title(a: Assembly, item: Labeled) -> None:
    marker = item.data.get("marker") or None
    if item.data.get("after_head") and a.attachments and not a.attachments[-1][0].title:
        marker = a.attachments.pop()[0].marker  # the 附件 head introduced the printed document
    a.enclosure = Enclosure(title=item.data["title"], marker=marker, source=_prov(item))
    a.enclosure_tree = TreeBuilder()


def _subtitle(a: Assembly, item: Labeled) -> None:
    text = item.data["text"]
    if a.enclosure is not None and not a.enclosure.subtitle and item.zone == "enclosure":
        a.enclosure.subtitle = text
    elif a.attachments and item.zone == "attachment":
        att = a.attachments[-1][0]
        att.title = f"{att.title}（{text}）"
    else:
        a.tree(item).add(Paragraph(text=item.text, source=_prov(item)))


def _attachment_head(a: Assembly, item: Labeled) -> None:
    text, title = item.text, item.data.get("title") or ""
    marker = text[: len(text) - len(title)] if title and text.endswith(title) else text
    att = Attachment(index=item.data["index"], marker=marker.rstrip("：: "), title=title, source=_prov(item))
    a.attachments.append((att, TreeBuilder()))


def _attachment_title(a: Assembly, item: Labeled) -> None:
    if a.attachments:
        a.attachments[-1][0].title = item.text
    else:
        _node(a, item)


def _cc(a: Assembly, item: Labeled) -> None:
    a.doc.cc.append(CcEntry(kind=item.data["kind"], organs=split_organs(item.data["organs"]), source=_prov(item)))


def _imprint(a: Assembly, item: Labeled) -> None:
    data = item.data
    a.doc.printed_by = data["org"] or None
    parsed = parse_date(data["date"])
    if parsed:
        text = data["date"].replace(" ", "")
        a.doc.print_date = DateValue(raw=data["date"], text=text, date=parsed[0], source=_prov(item))
    a.doc.print_line = item.text


def _subject_terms(a: Assembly, item: Labeled) -> None:
    a.doc.subject_terms = [t for t in WORD_SEPARATORS.split(item.data["terms"].strip()) if t]


def _residue(a: Assembly, item: Labeled) -> None:
    a.residue(item.text, item.data.get("reason", "unclassified"), _prov(item))


HANDLERS: dict[str, Handler] = {
    "issuer_mark": _issuer_mark,
    "minutes_head": _minutes_head,
    "doc_number": _doc_number,
    "signers": _signers,
    "copy_number": _header_value,
    "secrecy": _header_value,
    "urgency": _header_value,
    "title": _title,
    "addressees": _addressees,
    "heading": _heading,
    "measure": _node,
    "paragraph": _node,
    "table": _node,
    "image": _node,
    "attachment_note": _attachment_note,
    "signature": _signature,
    "issue_date": _date,
    "title_date": _date,
    "note": _note,
    "contact": _contact,
    "enclosure_title": _enclosure_title,
    "subtitle": _subtitle,
    "attachment_head": _attachment_head,
    "attachment_title": _attachment_title,
    "cc": _cc,
    "imprint": _imprint,
    "subject_terms": _subject_terms,
    "residue": _residue,
}
"""Label → handler; a label without one is kept as a paragraph where it stands."""


def assemble(doc: Document, labeled: list[Labeled]) -> Assembly:
    """Place every labelled line."""
    a = Assembly(doc=doc)
    for item in labeled:
        HANDLERS.get(item.label, _node)(a, item)
    return a
