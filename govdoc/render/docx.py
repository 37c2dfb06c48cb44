"""Regenerate a GB/T 9704-2012 DOCX from a :class:`Document`.

Layout numbers come from a profile (``render/profiles/gbt9704-2012.toml``); the order of parts follows
the standard: 版头 (份号, 密级, 紧急程度, red 发文机关标志, 发文字号 and red rule), 标题, 主送机关, 正文,
附件说明, 署名 and 成文日期, 附注, the enclosed document of a 印发 notice, each 附件 on a new page, and the
版记 floated to the bottom of the last page. Fonts are named (East-Asian names set), never embedded: a
machine without them falls back, nothing fails.
"""

from __future__ import annotations

import os
from pathlib import Path

from govdoc.errors import GovdocError
from govdoc.model import Document


def render_docx(doc: Document, path: str | os.PathLike[str], profile: str = "gbt9704-2012") -> None:
    """Write ``doc`` to ``path`` as DOCX laid out by ``profile``."""
    data = docx_bytes(doc, profile)
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError as exc:
        raise GovdocError(f"cannot write DOCX: {exc.strerror or exc}", target) from None


def docx_bytes(doc: Document, profile: str = "gbt9704-2012") -> bytes:
    """The DOCX as bytes."""
    from io import BytesIO

    import docx

    from govdoc.render.docx_body import Ctx, render_nodes
    from govdoc.render.docx_page import page_numbers, setup_page
    from govdoc.render.docx_parts import (
        is_order,
        render_addressees,
        render_attachment,
        render_attachment_notes,
        render_contact,
        render_enclosure,
        render_header,
        render_imprint,
        render_note,
        render_signature,
        render_title,
    )
    from govdoc.render.docx_profile import load_profile

    prof = load_profile(profile)
    word = docx.Document()
    _clear_body(word)
    setup_page(word, prof)
    page_numbers(word, prof)
    ctx = Ctx(doc=word, profile=prof)
    order = is_order(doc)
    render_header(ctx, doc, with_number=not order)
    render_title(ctx, doc.title)
    if order and doc.doc_number:  # 命令（令）格式: the 令号 goes under the ``…令`` line
        ctx.para([(doc.doc_number.text, False)], ctx.style(align="center"))
    render_addressees(ctx, doc.addressees)
    render_nodes(ctx, doc.body)
    render_contact(ctx, doc.contact)
    render_attachment_notes(ctx, doc.attachment_notes)
    render_signature(ctx, doc.signature, doc.issue_date)
    render_note(ctx, doc.note)
    for enclosure in doc.enclosures:
        render_enclosure(ctx, enclosure)
    for attachment in doc.attachments:
        render_attachment(ctx, attachment)
    render_imprint(ctx, doc)
    out = BytesIO()
    word.save(out)
    return out.getvalue()


def _clear_body(word: object) -> None:
    """Drop the template's empty paragraph, keeping the final ``w:sectPr``."""
    body = word.element.body  # type: ignore[attr-defined]
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
