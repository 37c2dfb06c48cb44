"""WordprocessingML property reading: direct run/paragraph properties and cached style inheritance."""

from __future__ import annotations

import re
from typing import Any

from govdoc.readers.ziputil import xml_int

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
"""The WordprocessingML main namespace."""

Props = dict[str, Any]
"""Resolved properties: run keys ``bold color font size``; paragraph keys ``align first_chars first_twips
num_id ilvl outline page_break``."""

HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(?P<level>[1-9])$", re.IGNORECASE)
"""A heading style name: ``heading 1``, ``Heading 2``, ``标题 3``."""

FALSE_VALUES = frozenset({"0", "false", "off", "none"})
"""``w:val`` values that switch a toggle property off."""

ALIGN = {
    "left": "left",
    "start": "left",
    "center": "center",
    "right": "right",
    "end": "right",
    "both": "justify",
    "distribute": "justify",
    "justify": "justify",
}
"""``w:jc`` values → block alignment."""

MAX_STYLE_DEPTH = 32
"""Longest ``basedOn`` chain followed (guards loops)."""


def w(tag: str) -> str:
    """The Clark name of a ``w:`` element or attribute: ``w('p')`` → ``{…main}p``."""
    return f"{{{W_NS}}}{tag}"


def wval(el: Any, attr: str = "val") -> str | None:
    """The ``w:val`` (or another ``w:`` attribute) of ``el``, or None."""
    if el is None:
        return None
    value: str | None = el.get(w(attr))
    return value


def _toggle(el: Any) -> bool:
    value = wval(el)
    return value is None or value.lower() not in FALSE_VALUES


def run_props(rpr: Any) -> Props:
    """Direct properties of a ``w:rPr`` (only those present)."""
    out: Props = {}
    if rpr is None:
        return out
    b = rpr.find(w("b"))
    if b is not None:
        out["bold"] = _toggle(b)
    color = wval(rpr.find(w("color")))
    if color:
        out["color"] = None if color.lower() == "auto" else color.upper()
    fonts = rpr.find(w("rFonts"))
    if fonts is not None:
        name = wval(fonts, "eastAsia") or wval(fonts, "ascii") or wval(fonts, "hAnsi")
        if name:
            out["font"] = name
    size = xml_int(wval(rpr.find(w("sz"))), None, 1, 4000)
    if size is not None:
        out["size"] = size / 2
    return out


def _int(value: str | None) -> int | None:
    return xml_int(value)


def para_props(ppr: Any) -> Props:
    """Direct properties of a ``w:pPr`` (only those present)."""
    out: Props = {}
    if ppr is None:
        return out
    jc = wval(ppr.find(w("jc")))
    if jc in ALIGN:
        out["align"] = ALIGN[jc]
    ind = ppr.find(w("ind"))
    if ind is not None:
        chars = _int(wval(ind, "firstLineChars"))
        twips = _int(wval(ind, "firstLine"))
        hanging = _int(wval(ind, "hanging"))
        if chars is not None:
            out["first_chars"] = chars / 100
        if twips is not None:
            out["first_twips"] = twips
        elif hanging is not None:
            out["first_twips"] = -hanging
    num = ppr.find(w("numPr"))
    if num is not None:
        out["num_id"] = wval(num.find(w("numId")))
        out["ilvl"] = _int(wval(num.find(w("ilvl")))) or 0
    outline = _int(wval(ppr.find(w("outlineLvl"))))
    if outline is not None and outline < 9:
        out["outline"] = outline + 1
    pbb = ppr.find(w("pageBreakBefore"))
    if pbb is not None:
        out["page_break"] = _toggle(pbb)
    return out


class Styles:
    """``word/styles.xml`` with ``basedOn`` inheritance resolved once per style id (python-docx's
    ``style.name`` is slow; this is a dict look-up)."""

    def __init__(self, root: Any | None) -> None:
        self._by_id: dict[str, Any] = {}
        self._para_cache: dict[str, Props] = {}
        self._run_cache: dict[str, Props] = {}
        self.default_para: str | None = None
        self.default_run: Props = {}
        self.default_ppr: Props = {}
        if root is None:
            return
        for style in root.iter(w("style")):
            sid = style.get(w("styleId"))
            if sid:
                self._by_id[sid] = style
                if style.get(w("type")) == "paragraph" and _toggle_attr(style.get(w("default"))):
                    self.default_para = sid
        defaults = root.find(w("docDefaults"))
        if defaults is not None:
            self.default_run = run_props(defaults.find(f"{w('rPrDefault')}/{w('rPr')}"))
            self.default_ppr = para_props(defaults.find(f"{w('pPrDefault')}/{w('pPr')}"))

    def _chain(self, sid: str | None) -> list[Any]:
        chain: list[Any] = []
        while sid and sid in self._by_id and len(chain) < MAX_STYLE_DEPTH:
            style = self._by_id[sid]
            if style in chain:
                break
            chain.append(style)
            sid = wval(style.find(w("basedOn")))
        return list(reversed(chain))

    def paragraph(self, sid: str | None) -> Props:
        """Paragraph properties of style ``sid`` (or the default paragraph style), inherited; cached."""
        key = sid or self.default_para or ""
        if key not in self._para_cache:
            props: Props = dict(self.default_ppr)
            for style in self._chain(key):
                props.update(para_props(style.find(w("pPr"))))
                name = wval(style.find(w("name"))) or ""
                m = HEADING_NAME.match(name.strip())
                if m:
                    props["outline"] = int(m.group("level"))
            self._para_cache[key] = props
        return self._para_cache[key]

    def run(self, sid: str | None) -> Props:
        """Run properties of style ``sid`` (paragraph or character style), inherited; cached."""
        key = sid or ""
        if key not in self._run_cache:
            props: Props = {}
            for style in self._chain(key):
                props.update(run_props(style.find(w("rPr"))))
            self._run_cache[key] = props
        return self._run_cache[key]

    def table_has_borders(self, sid: str | None) -> bool:
        """True when table style ``sid`` (or a style it is based on) draws a border; cached."""
        key = f"tbl:{sid or ''}"
        if key not in self._run_cache:
            found = False
            for style in self._chain(sid):
                borders = style.find(f"{w('tblPr')}/{w('tblBorders')}")
                if borders is not None:
                    found = any((wval(b) or "single") not in ("nil", "none") for b in borders if isinstance(b.tag, str))
            self._run_cache[key] = {"borders": found}
        return bool(self._run_cache[key]["borders"])

    def para_run_base(self, sid: str | None) -> Props:
        """Run properties a paragraph's text starts from: doc defaults, then its paragraph style."""
        return {**self.default_run, **self.run(sid or self.default_para)}


def _toggle_attr(value: str | None) -> bool:
    return value is not None and value.lower() not in FALSE_VALUES
