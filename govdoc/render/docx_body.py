"""Body nodes → Word paragraphs and tables: one function per node kind, registered in ``RENDERERS``."""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from govdoc.model import Image, Measure, Node, Paragraph, Section, Table
from govdoc.render.docx_profile import Profile
from govdoc.render.docx_write import Style, add_paragraph

BLANK_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=="
)
"""A 1×1 transparent PNG standing in for an image whose bytes the model does not keep."""

SPACED_STYLES = frozenset({"chapter", "section_jie", "article"})
"""Numbering styles printed with a full-width space between marker and title (``第一章　总则``)."""


@dataclass
class Ctx:
    """What node renderers need: the document, the profile, and where the next paragraph goes."""

    doc: Any
    profile: Profile
    page_break: bool = False
    """The next paragraph starts a new page."""

    def style(self, font_key: str = "body", **kw: Any) -> Style:
        brk, self.page_break = self.page_break, False
        size = kw.pop("size", self.profile.sizes["body"])
        return Style(font=self.profile.fonts[font_key], size=size, page_break=brk, **kw)

    def para(self, segments: Sequence[tuple[str, bool]], style: Style) -> Any:
        return add_paragraph(self.doc, segments, style, self.profile)

    def body_text(self, text: str, bold: bool = False) -> Any:
        indent = self.profile.indents["body_first_line"]
        return self.para([(text, bold)], self.style(first_chars=indent))


def render_section(ctx: Ctx, node: Section) -> None:
    sep = "　" if node.style in SPACED_STYLES else ""
    font = {1: "level1", 2: "level2"}.get(node.level, "body")
    ctx.para(
        [(f"{node.marker}{sep}{node.title}", False)],
        ctx.style(font, first_chars=ctx.profile.indents["body_first_line"]),
    )
    render_nodes(ctx, node.children)


def render_measure(ctx: Ctx, node: Measure) -> None:
    """The lead sentence (bold when the source had it bold) and its text in one paragraph."""
    first, *rest = (node.text or "").split("\n")
    ctx.para(
        [(f"{node.title}。", node.bold), (first, False)], ctx.style(first_chars=ctx.profile.indents["body_first_line"])
    )
    for line in rest:
        if line.strip():
            ctx.body_text(line)


def render_paragraph(ctx: Ctx, node: Paragraph) -> None:
    for line in node.text.split("\n"):
        if line.strip():
            ctx.body_text(line)


def render_image(ctx: Ctx, node: Image) -> None:
    """A placeholder picture carrying the description as its alt text (``wp:docPr/@descr``)."""
    paragraph = ctx.para([], ctx.style(align="center", exact_line=False))
    run = paragraph.add_run()
    shape = run.add_picture(BytesIO(BLANK_PNG), width=Mm(10))
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", node.description or "image")


def render_table(ctx: Ctx, node: Table) -> None:
    """A ruled table; header rows repeat on each page; merges are merged again (vMerge/gridSpan)."""
    rows = [*node.header, *node.rows]
    n_cols = max((len(r) for r in rows), default=0)
    if not rows or not n_cols:
        return
    if ctx.page_break:
        ctx.para([], ctx.style(exact_line=False))
    table = ctx.doc.add_table(rows=len(rows), cols=n_cols)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(table, ctx.profile.rules["table"])
    covered = _merge(table, node, len(rows), n_cols)
    size = ctx.profile.sizes["table"]
    for r, row in enumerate(rows):
        if r < len(node.header):
            _repeat_header(table.rows[r])
        for c in range(n_cols):
            if (r, c) in covered:
                continue
            cell = table.cell(r, c)
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
            text = row[c] if c < len(row) else ""
            font = "table_header" if r < len(node.header) else "body"
            for line in text.split("\n") or [""]:
                add_paragraph(
                    cell,
                    [(line, False)],
                    Style(font=ctx.profile.fonts[font], size=size, align="center", exact_line=False),
                    ctx.profile,
                )


def _merge(table: Any, node: Table, n_rows: int, n_cols: int) -> set[tuple[int, int]]:
    covered: set[tuple[int, int]] = set()
    for m in node.merges:
        r1 = min(m.row + m.rowspan, n_rows) - 1
        c1 = min(m.col + m.colspan, n_cols) - 1
        if m.row >= n_rows or m.col >= n_cols or (r1 == m.row and c1 == m.col):
            continue
        if any((r, c) in covered for r in range(m.row, r1 + 1) for c in range(m.col, c1 + 1)):
            continue
        table.cell(m.row, m.col).merge(table.cell(r1, c1))
        covered |= {(r, c) for r in range(m.row, r1 + 1) for c in range(m.col, c1 + 1)} - {(m.row, m.col)}
    return covered


def _borders(table: Any, size: int) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(size))
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)


def _repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


RENDERERS: dict[str, Callable[[Ctx, Any], None]] = {
    "section": render_section,
    "measure": render_measure,
    "paragraph": render_paragraph,
    "table": render_table,
    "image": render_image,
}
"""Node kind → renderer."""


def render_nodes(ctx: Ctx, nodes: Sequence[Node]) -> None:
    for node in nodes:
        RENDERERS[node.kind](ctx, node)
