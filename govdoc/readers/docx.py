"""DOCX reader: WordprocessingML read straight from the (checked) zip with lxml.

Blocks come in document order: paragraphs (split at text-wrapping breaks), data tables, the paragraphs
of layout tables and text boxes (mastheads often live there), pictures and WordArt seals as images.
Word auto-numbering is rendered into the text. Header and footer paragraphs are emitted with
``furniture=True`` (headers first, footers last) when they hold a letter or digit; page-number fields
are dropped. ``page`` counts explicit page and section breaks (a DOCX has no fixed pages): blocks on the
same ``page`` are whole paragraphs, never lines wrapped by a layout engine. python-docx is not needed, so a
package with a broken relationship (an image pointing nowhere) still reads.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from typing import Any

from govdoc.errors import CorruptFileError
from govdoc.options import ParseOptions
from govdoc.readers.base import RawBlock, ReadResult, Run
from govdoc.readers.docx_numbering import Numbering
from govdoc.readers.docx_paragraph import ParagraphContent, ParagraphReader
from govdoc.readers.docx_styles import Props, Styles, para_props, w, wval
from govdoc.readers.docx_table import is_layout_table, read_table
from govdoc.readers.ziputil import SafeZip, open_zip

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
"""Package relationships namespace."""
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
"""Office relationships namespace (``r:id``)."""
OFFICE_DOCUMENT = "/officeDocument"
"""Suffix of the main-document relationship type."""
DEFAULT_MAIN = "word/document.xml"
"""Where the main part normally is."""
MAX_DEPTH = 16
"""Deepest nesting of tables/text boxes followed."""
DEFAULT_SIZE = 10.5
"""Font size (pt) assumed when converting a twips indent to characters without a known size."""


def read(data: bytes, path: str | None, options: ParseOptions) -> ReadResult:
    """Read a DOCX into blocks; ``too_large``/``corrupt``/``encrypted`` for a bad container."""
    zf = open_zip(data, path, options)
    try:
        main = _main_part(zf)
        root = zf.read_xml(main)
        body = root.find(w("body"))
        if body is None:
            raise CorruptFileError(f"{main} has no w:body", path)
        walker = _Walker(zf, main)
        for part in walker.furniture_parts(body, "header"):
            walker.walk_part(part)
        walker.walk(body, 0)
        for part in walker.furniture_parts(body, "footer"):
            walker.walk_part(part)
        return ReadResult(blocks=walker.blocks, format="docx", warnings=walker.warnings)
    finally:
        zf.close()


def _optional_xml(zf: SafeZip, name: str) -> Any | None:
    return zf.read_xml(name) if zf.has(name) else None


def _main_part(zf: SafeZip) -> str:
    rels = _optional_xml(zf, "_rels/.rels")
    if rels is not None:
        for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
            target = (rel.get("Target") or "").lstrip("/")
            if rel.get("Type", "").endswith(OFFICE_DOCUMENT) and zf.has(target):
                return target
    if zf.has(DEFAULT_MAIN):
        return DEFAULT_MAIN
    raise CorruptFileError("no word/document.xml in the package", zf.path)


def _relationships(zf: SafeZip, part: str) -> dict[str, str]:
    """``r:id`` → part name for the internal relationships of ``part`` (broken targets left out)."""
    folder, name = posixpath.split(part)
    rels = _optional_xml(zf, posixpath.join(folder, "_rels", name + ".rels"))
    out: dict[str, str] = {}
    if rels is None:
        return out
    for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        if zf.has(resolved):
            out[rel.get("Id") or ""] = resolved
    return out


class _Walker:
    """Walks block containers (body, cells, text boxes, headers) and collects blocks."""

    def __init__(self, zf: SafeZip, main: str) -> None:
        self.zf = zf
        self.rels = _relationships(zf, main)
        self.styles = Styles(self._part_xml("styles"))
        self.numbering = Numbering.from_xml(self._part_xml("numbering"))
        self.paragraphs = ParagraphReader(self.styles)
        self.blocks: list[RawBlock] = []
        self.warnings: list[tuple[str, str, int | None]] = []
        self.pending_break = False
        self.furniture = False
        self.index = 0
        self.page = 1

    def _part_xml(self, kind: str) -> Any | None:
        folder = posixpath.dirname(DEFAULT_MAIN)
        for name in (
            *(v for v in self.rels.values() if posixpath.basename(v) == f"{kind}.xml"),
            posixpath.join(folder, f"{kind}.xml"),
        ):
            if self.zf.has(name):
                return self.zf.read_xml(name)
        return None

    def furniture_parts(self, body: Any, kind: str) -> list[str]:
        """Header or footer part names referenced by the document's sections, each once."""
        names: list[str] = []
        for ref in body.iter(w(f"{kind}Reference")):
            name = self.rels.get(ref.get(f"{{{R_NS}}}id") or "")
            if name and name not in names:
                names.append(name)
        return names

    def walk_part(self, name: str) -> None:
        root = self.zf.read_xml(name)
        self.furniture = True
        self.walk(root, 0)
        self.furniture = False

    def walk(self, container: Any, depth: int) -> None:
        """Every paragraph and table of ``container`` in order."""
        if depth > MAX_DEPTH:
            return
        for child in container:
            tag = child.tag
            if tag == w("p"):
                self.paragraph(child, depth)
            elif tag == w("tbl"):
                self.table(child, depth)
            elif tag in (w("sdt"), w("customXml")):
                content = child.find(w("sdtContent"))
                self.walk(content if content is not None else child, depth + 1)

    def _emit(self, **kw: Any) -> None:
        self.index += 1
        brk = self.pending_break and not self.furniture
        self.pending_break = False
        if self.furniture and not any(ch.isalnum() for r in kw.get("runs", ()) for ch in r.text):
            return
        if brk and self.blocks:
            self.page += 1
        self.blocks.append(
            RawBlock(
                line=self.index,
                page_break_before=brk,
                furniture=self.furniture,
                page=None if self.furniture else self.page,
                **kw,
            )
        )

    def paragraph(self, p: Any, depth: int) -> None:
        ppr = p.find(w("pPr"))
        sid = wval(ppr.find(w("pStyle"))) if ppr is not None else None
        props: Props = {**self.styles.paragraph(sid), **para_props(ppr)}
        content = self.paragraphs.read(p, self.styles.para_run_base(sid))
        if props.get("page_break") or content.break_before:
            self.pending_break = True
        for box in content.boxes:
            self.walk(box, depth + 1)
        for desc in content.images:
            self._emit(kind="image", image=desc)
        label = self.numbering.label(props.get("num_id"), int(props.get("ilvl") or 0))
        self._emit_lines(content, props, label)
        if content.break_after or _ends_section(ppr):
            self.pending_break = True

    def _emit_lines(self, content: ParagraphContent, props: Props, label: str) -> None:
        font, size = _dominant(content)
        indent = _indent_chars(props, size)
        heading = props.get("outline")
        for i, line in enumerate(content.lines):
            runs = list(line)
            if i == 0 and label:
                first = runs[0] if runs else Run("")
                runs.insert(0, Run(text=label, bold=first.bold, color=first.color))
            if not any(r.text.strip() for r in runs):
                continue
            self._emit(
                runs=tuple(runs),
                align=props.get("align"),
                font=font,
                size=size,
                indent=indent if i == 0 else None,
                heading=heading,
            )

    def table(self, tbl: Any, depth: int) -> None:
        if is_layout_table(tbl, self.styles.table_has_borders):
            for tc in tbl.iter(w("tc")):
                if _owner_table(tc) is tbl:
                    self.walk(tc, depth + 1)
            return
        self._emit(kind="table", table=read_table(tbl, self._cell_text))

    def _cell_text(self, tc: Any) -> str:
        """A cell's paragraphs (nested tables flattened) joined by newlines."""
        lines: list[str] = []
        for p in tc.iter(w("p")):
            ppr = p.find(w("pPr"))
            sid = wval(ppr.find(w("pStyle"))) if ppr is not None else None
            props = {**self.styles.paragraph(sid), **para_props(ppr)}
            content = self.paragraphs.read(p, {})
            label = self.numbering.label(props.get("num_id"), int(props.get("ilvl") or 0))
            text = "".join(r.text for line in content.lines for r in line).strip()
            if text:
                lines.append(label + text)
        return "\n".join(lines)


def _owner_table(tc: Any) -> Any:
    for anc in tc.iterancestors(w("tbl")):
        return anc
    return None


def _ends_section(ppr: Any) -> bool:
    """A paragraph carrying a ``w:sectPr`` ends a section; unless continuous, a new page follows."""
    if ppr is None:
        return False
    sect = ppr.find(w("sectPr"))
    if sect is None:
        return False
    return wval(sect.find(w("type"))) not in ("continuous",)


def _dominant(content: ParagraphContent) -> tuple[str | None, float | None]:
    """The font and size carrying most of the paragraph's text."""
    fonts: Counter[str] = Counter()
    sizes: Counter[float] = Counter()
    for length, font, size in content.runs_meta:
        if font:
            fonts[font] += length
        if size:
            sizes[size] += length
    return (fonts.most_common(1)[0][0] if fonts else None, sizes.most_common(1)[0][0] if sizes else None)


def _indent_chars(props: Props, size: float | None) -> float | None:
    if props.get("first_chars") is not None:
        return round(float(props["first_chars"]), 2)
    twips = props.get("first_twips")
    if twips is None:
        return None
    return round(int(twips) / ((size or DEFAULT_SIZE) * 20), 2)
