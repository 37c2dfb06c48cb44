"""The parts of a 公文 around the body: 版头, 主送机关, 附件说明, 署名/日期, 附注, enclosures, 附件, 版记."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from govdoc.model import Attachment, AttachmentNote, ContactEntry, DateValue, Document, Enclosure
from govdoc.render.docx_body import Ctx, render_nodes
from govdoc.render.docx_write import Style, add_border, add_paragraph, add_right_tab, chars_twips

PT_PER_MM = 72 / 25.4
"""Points per millimetre."""


def _text_width_twips(ctx: Ctx) -> int:
    return round(ctx.profile.text_width_mm * PT_PER_MM * 20)


def is_order(doc: Document) -> bool:
    """A 命令（令）: its ``…令`` line is the title and the 令号 (``第12号``) follows it (GB/T 9704 10.3)."""
    number = doc.doc_number
    return bool(doc.title and doc.title.endswith("令") and number and number.agency_code is None)


def render_header(ctx: Ctx, doc: Document, with_number: bool = True) -> None:
    """份号, 密级, 紧急程度, the red 发文机关标志, the 发文字号 line (unless ``with_number`` is false: a 令
    prints its 令号 under the title) and the red rule."""
    marks = ((doc.copy_number, "body"), (doc.secrecy, "header_marks"), (doc.urgency, "header_marks"))
    for value, font in marks:
        if value:
            ctx.para([(value, False)], ctx.style(font, align="left"))
    red = ctx.profile.colors["red"]
    if doc.issuer_mark:
        lines = masthead_lines(doc.issuer_mark, doc.issuers)
        fit = ctx.profile.text_width_mm * PT_PER_MM / max(len(x) for x in lines)
        size = float(min(ctx.profile.sizes["masthead_max"], int(fit)))
        for text in lines:
            ctx.para([(text, False)], ctx.style("masthead", size=size, align="center", color=red, exact_line=False))
        ctx.para([], ctx.style())
    number = doc.doc_number.raw if doc.doc_number and with_number else ""
    line = None
    if doc.signers:
        side = ctx.profile.indents["doc_number_side"]
        line = ctx.para(
            [(number, False), ("\t签发人：", False), ("　".join(doc.signers), False)],
            ctx.style(align="left", left_chars=side, right_chars=side),
        )
        add_right_tab(line, _text_width_twips(ctx) - 2 * chars_twips(side, ctx.profile.sizes["body"]))
    elif number:
        line = ctx.para([(number, False)], ctx.style(align="center"))
    if doc.issuer_mark:
        if line is None:
            line = ctx.para([], ctx.style())
        add_border(line, "bottom", ctx.profile.rules["red_rule"], red)
    if doc.issuer_mark or number:
        ctx.para([], ctx.style())


def masthead_lines(mark: str, issuers: Sequence[str]) -> list[str]:
    """The 发文机关标志 split back into its stacked lines: one per joint issuer found in it, in order, with
    the text between issuers (``文件``) kept on the line before; one line for a single issuer."""
    if len(issuers) < 2:
        return [mark]
    lines: list[str] = []
    pos = 0
    for name in issuers:
        at = mark.find(name, pos)
        if at < 0:
            return [mark]
        if lines:
            lines[-1] += mark[pos:at]
        elif at:
            lines.append(mark[:at])
        lines.append(name)
        pos = at + len(name)
    lines[-1] += mark[pos:]
    return lines


def render_title(ctx: Ctx, title: str | None, subtitle: str | None = None) -> None:
    if title:
        ctx.para([(title, False)], ctx.style("title", size=ctx.profile.sizes["title"], align="center"))
    if subtitle:
        ctx.para([(f"（{subtitle}）", False)], ctx.style("subtitle", align="center"))


def render_addressees(ctx: Ctx, addressees: Sequence[str]) -> None:
    if addressees:
        ctx.para([], ctx.style())
        ctx.para([("、".join(addressees) + "：", False)], ctx.style(align="left"))


def render_attachment_notes(ctx: Ctx, notes: Sequence[AttachmentNote]) -> None:
    """``附件：1.XXX`` then ``2.XXX`` aligned under ``1.``."""
    indent = ctx.profile.indents["body_first_line"]
    for i, note in enumerate(notes):
        label = f"{note.index}." if note.index is not None else ""
        marker = note.marker or (f"附件：{label}" if i == 0 else label)
        if i == 0:
            ctx.para([], ctx.style())
            ctx.para([(f"{marker}{note.title}", False)], ctx.style(first_chars=indent))
        else:
            ctx.para([(f"{marker}{note.title}", False)], ctx.style(left_chars=indent + 3))


def render_signature(ctx: Ctx, signature: Sequence[str], date: DateValue | None) -> None:
    """署名 and 成文日期, right-aligned four characters in."""
    if not signature and not date:
        return
    side = ctx.profile.indents["signature_right"]
    ctx.para([], ctx.style())
    for name in signature:
        ctx.para([(name, False)], ctx.style(align="right", right_chars=side))
    if date:
        ctx.para([(date.raw, False)], ctx.style(align="right", right_chars=side))


def render_note(ctx: Ctx, note: str | None) -> None:
    if note:
        ctx.para([(f"（{note}）", False)], ctx.style(first_chars=ctx.profile.indents["body_first_line"]))


def render_contact(ctx: Ctx, contact: Sequence[ContactEntry]) -> None:
    indent = ctx.profile.indents["body_first_line"]
    for entry in contact:
        ctx.para([(f"{entry.label}：{entry.value}", False)], ctx.style(first_chars=indent))


def render_enclosure(ctx: Ctx, enc: Enclosure) -> None:
    """The enclosed document of a 印发 notice on a new page: title, subtitle, body, 署名, 附件说明."""
    ctx.page_break = True
    if enc.marker:
        ctx.para([(enc.marker, False)], ctx.style("attachment_label", align="left"))
        ctx.para([], ctx.style())
    render_title(ctx, enc.title, enc.subtitle)
    ctx.para([], ctx.style())
    render_nodes(ctx, enc.body)
    render_signature(ctx, enc.signature, enc.issue_date)
    render_contact(ctx, enc.contact)
    render_attachment_notes(ctx, enc.attachment_notes)


def render_attachment(ctx: Ctx, att: Attachment) -> None:
    """An 附件 on a new page: ``附件N`` in 黑体 flush left, the title centred, then its content."""
    ctx.page_break = True
    label = att.marker or ("附件" if att.index is None else f"附件{att.index}")
    ctx.para([(label, False)], ctx.style("attachment_label", align="left"))
    ctx.para([], ctx.style())
    render_title(ctx, att.title)
    ctx.para([], ctx.style())
    render_nodes(ctx, att.body)


def render_imprint(ctx: Ctx, doc: Document) -> None:
    """The 版记 as a one-column table floated to the bottom of the last page, with its rules."""
    lines: list[list[tuple[str, bool]]] = []
    if doc.subject_terms:
        lines.append([("主题词：", True), ("　".join(doc.subject_terms), False)])
    for cc in doc.cc:
        lines.append([(f"{cc.kind}：" + "，".join(cc.organs) + "。", False)])
    printed: list[tuple[str, bool]] = []
    if doc.printed_by or doc.print_date:
        date = doc.print_date.raw if doc.print_date else ""
        printed = [(doc.printed_by or "", False), ("\t" + date, False)]
        if doc.print_date and not doc.print_date.raw.endswith("印发"):
            printed.append(("印发", False))
    if not lines and not printed:
        return
    table = ctx.doc.add_table(rows=len(lines) + bool(printed), cols=1)
    _imprint_table_props(table, ctx)
    size = ctx.profile.sizes["imprint"]
    side = ctx.profile.indents["imprint_side"]
    style = Style(font=ctx.profile.fonts["body"], size=size, align="left", left_chars=side, right_chars=side)
    for row, segments in zip(table.rows, [*lines, printed] if printed else lines, strict=True):
        cell = row.cells[0]
        cell._tc.remove(cell.paragraphs[0]._p)
        paragraph = add_paragraph(cell, segments, style, ctx.profile)
        if segments is printed:
            add_right_tab(paragraph, _text_width_twips(ctx) - 2 * chars_twips(side, size))
    ctx.para([], ctx.style(exact_line=False))  # Word needs a paragraph after a table; it anchors the float


def _imprint_table_props(table: Any, ctx: Ctx) -> None:
    """Floating at the bottom margin; outer rules first/last, inner rules between rows; no side rules."""
    tbl_pr = table._tbl.tblPr
    pos = OxmlElement("w:tblpPr")
    for key, value in (
        ("vertAnchor", "margin"),
        ("horzAnchor", "margin"),
        ("tblpYSpec", "bottom"),
        ("tblpXSpec", "center"),
    ):
        pos.set(qn(f"w:{key}"), value)
    tbl_pr.insert(0, pos)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(_text_width_twips(ctx)))
    width.set(qn("w:type"), "dxa")
    tbl_pr.append(width)
    borders = OxmlElement("w:tblBorders")
    rules = ctx.profile.rules
    for side, size in (
        ("top", rules["imprint_outer"]),
        ("left", 0),
        ("bottom", rules["imprint_outer"]),
        ("right", 0),
        ("insideH", rules["imprint_inner"]),
        ("insideV", 0),
    ):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single" if size else "nil")
        if size:
            el.set(qn("w:sz"), str(size))
            el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)
