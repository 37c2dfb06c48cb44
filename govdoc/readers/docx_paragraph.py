"""One ``w:p`` → lines of styled runs, page breaks, text boxes and images found inside it.

Fields are followed through ``w:fldChar`` begin/separate/end: the result of a PAGE-like field (page
numbers) is dropped, the instruction text never shows. Deleted text (``w:del``) is skipped;
``mc:AlternateContent`` is read from its first ``mc:Choice`` only, so a text box stored twice (DrawingML
and its VML fallback) is read once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from govdoc.readers.base import Run
from govdoc.readers.docx_styles import Props, Styles, run_props, w, wval

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
"""Markup-compatibility namespace (``mc:AlternateContent``)."""
V_NS = "urn:schemas-microsoft-com:vml"
"""VML namespace (legacy shapes, WordArt ``v:textpath``)."""
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
"""DrawingML placement namespace (``wp:docPr``)."""
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
"""DrawingML main namespace (``a:blip``)."""

PAGE_FIELD = re.compile(r"^\s*(?:PAGE|NUMPAGES|SECTIONPAGES|SECTIONPAGE)\b", re.IGNORECASE)
"""A field instruction whose result is a page number: ``PAGE \\* MERGEFORMAT``, ``NUMPAGES``."""

SKIPPED = frozenset(
    {
        w("pPr"),
        w("rPr"),
        w("del"),
        w("moveFrom"),
        w("delText"),
        w("instrText"),
        w("footnoteReference"),
        w("endnoteReference"),
        w("commentReference"),
        w("lastRenderedPageBreak"),
        w("bookmarkStart"),
        w("bookmarkEnd"),
        w("proofErr"),
    }
)
"""Elements that never contribute text."""

CONTAINERS = frozenset(
    {w("hyperlink"), w("ins"), w("smartTag"), w("customXml"), w("moveTo"), w("sdtContent"), w("dir"), w("bdo")}
)
"""Elements whose children are read as if they stood in the paragraph."""


@dataclass
class _Field:
    instr: str = ""
    separated: bool = False


@dataclass
class ParagraphContent:
    """What one paragraph holds."""

    lines: list[list[Run]] = field(default_factory=lambda: [[]])
    """Text lines (split at ``w:br`` text-wrapping breaks), each a list of runs."""
    runs_meta: list[tuple[int, str | None, float | None]] = field(default_factory=list)
    """(text length, font, size) per run, to pick the block's dominant font and size."""
    break_before: bool = False
    """A page break came before any text."""
    break_after: bool = False
    """A page break came after the last text."""
    boxes: list[Any] = field(default_factory=list)
    """``w:txbxContent`` elements of text boxes anchored here."""
    images: list[str] = field(default_factory=list)
    """Descriptions of pictures and WordArt (seals) anchored here."""

    @property
    def has_text(self) -> bool:
        return any(r.text.strip() for line in self.lines for r in line)


class ParagraphReader:
    """Reads paragraphs with one document's styles."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self._fields: list[_Field] = []

    def read(self, p: Any, base: Props) -> ParagraphContent:
        """Lines and anchors of paragraph ``p`` whose runs start from run properties ``base``."""
        out = ParagraphContent()
        self._fields = []
        self._walk(p, base, out)
        return out

    def _walk(self, el: Any, base: Props, out: ParagraphContent) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIPPED:
                continue
            if tag == w("r"):
                self._run(child, base, out)
            elif tag in CONTAINERS:
                self._walk(child, base, out)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._walk(content, base, out)
            elif tag == w("fldSimple"):
                if not PAGE_FIELD.match(child.get(w("instr"), "")):
                    self._walk(child, base, out)
            elif tag == f"{{{MC_NS}}}AlternateContent":
                self._walk(_chosen(child), base, out)

    def _hidden(self) -> bool:
        """True inside a field instruction or inside the result of a page-number field."""
        return any(not f.separated or PAGE_FIELD.match(f.instr) for f in self._fields)

    def _run(self, r: Any, base: Props, out: ParagraphContent) -> None:
        props = dict(base)
        rpr = r.find(w("rPr"))
        if rpr is not None:
            props.update(self.styles.run(wval(rpr.find(w("rStyle")))))
            props.update(run_props(rpr))
        for child in r:
            tag = child.tag
            if tag == w("fldChar"):
                self._field_char(wval(child, "fldCharType"))
            elif tag == w("instrText") and self._fields:
                self._fields[-1].instr += child.text or ""
            elif self._hidden():
                continue
            elif tag == w("t"):
                self._text(_element_text(child), props, out)
            elif tag == w("tab"):
                self._text("\t", props, out)
            elif tag in (w("noBreakHyphen"),):
                self._text("-", props, out)
            elif tag == w("br"):
                self._break(wval(child, "type"), out)
            elif tag == w("cr"):
                out.lines.append([])
            elif tag in (w("drawing"), w("pict"), w("object")):
                _anchors(child, out)
            elif tag == f"{{{MC_NS}}}AlternateContent":
                _anchors(_chosen(child), out)

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self._fields.append(_Field())
        elif kind == "separate" and self._fields:
            self._fields[-1].separated = True
        elif kind == "end" and self._fields:
            self._fields.pop()

    @staticmethod
    def _text(text: str, props: Props, out: ParagraphContent) -> None:
        if not text:
            return
        run = Run(text=text, bold=bool(props.get("bold")), color=props.get("color"))
        line = out.lines[-1]
        if line and line[-1].bold == run.bold and line[-1].color == run.color:
            line[-1] = Run(text=line[-1].text + text, bold=run.bold, color=run.color)
        else:
            line.append(run)
        out.runs_meta.append((len(text.strip()), props.get("font"), props.get("size")))

    @staticmethod
    def _break(kind: str | None, out: ParagraphContent) -> None:
        if kind == "page":
            if out.has_text:
                out.break_after = True
            else:
                out.break_before = True
        elif kind != "column":
            out.lines.append([])


def _chosen(alt: Any) -> Any:
    """The first ``mc:Choice`` of an ``mc:AlternateContent`` (else its ``mc:Fallback``)."""
    choice = alt.find(f"{{{MC_NS}}}Choice")
    if choice is not None:
        return choice
    fallback = alt.find(f"{{{MC_NS}}}Fallback")
    return fallback if fallback is not None else alt


def _anchors(el: Any, out: ParagraphContent) -> None:
    """Text boxes, pictures and WordArt inside a drawing/pict element."""
    box_tag = w("txbxContent")
    for box in el.iter(box_tag):
        if not any(a.tag == box_tag for a in box.iterancestors() if a is not el):
            out.boxes.append(box)
    for path in el.iter(f"{{{V_NS}}}textpath"):
        text = path.get("string")
        if text and text.strip():
            out.images.append(text.strip())
    if _has_picture(el):
        doc_pr = next(el.iter(f"{{{WP_NS}}}docPr"), None)
        desc = None
        if doc_pr is not None:
            desc = doc_pr.get("descr") or doc_pr.get("title") or doc_pr.get("name")
        if not out.images or desc:
            out.images.append(desc or "image")


def _has_picture(el: Any) -> bool:
    """A DrawingML blip, or a VML image that references a part (empty ``v:imagedata`` are fills)."""
    if next(el.iter(f"{{{A_NS}}}blip"), None) is not None:
        return True
    return any(any(k.endswith("}id") for k in im.attrib) for im in el.iter(f"{{{V_NS}}}imagedata"))


def _element_text(t: Any) -> str:
    """The text of a ``w:t``; an unresolved entity reference inside it contributes nothing."""
    return (t.text or "") + "".join(child.tail or "" for child in t)
