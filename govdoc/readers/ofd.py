"""OFD reader (GB/T 33190, 版式文档): zip → ``OFD.xml`` → ``Document.xml`` → ``Pages/*/Content.xml``.

The container is opened with the DOCX reader's hardening (:mod:`govdoc.readers.ziputil`: entry count,
declared sizes, compression ratio, streaming caps, XML without entities/DTDs/network). Fonts, colour
spaces and draw parameters come from the document's ``PublicRes``/``DocumentRes``; page templates
(``TemplatePage``) are drawn under their pages. Characters are placed by :mod:`ofd_content` and split
into lines and paragraphs by position (XML order is not reading order) by :mod:`ofd_layout`.

Errors: ``corrupt`` (not a zip, missing or malformed parts), ``too_large`` (zip limits, more pages than
``max_pages``), ``encrypted`` (encrypted members), ``no_text_layer`` (no page has text: a scanned OFD).
"""

from __future__ import annotations

import posixpath
from typing import Any

from govdoc.errors import CorruptFileError, NoTextLayerError, TooLargeError
from govdoc.options import ParseOptions
from govdoc.readers.base import ReadResult
from govdoc.readers.ofd_content import Resources, child, local, page_ink
from govdoc.readers.ofd_geom import PT_PER_MM, numbers
from govdoc.readers.ofd_layout import InkPage, layout_blocks
from govdoc.readers.ziputil import SafeZip, open_zip

A4_MM = (210.0, 297.0)
"""Page size used when a document declares none."""


class _Package:
    """Resolves OFD locations (absolute from the package root or relative to a part) to zip members."""

    def __init__(self, zf: SafeZip) -> None:
        self.zf = zf
        self.lower = {n.lower(): n for n in zf.names}

    def resolve(self, loc: str, base_dir: str) -> str:
        loc = loc.strip().replace("\\", "/")
        joined = loc.lstrip("/") if loc.startswith("/") else posixpath.join(base_dir, loc)
        name = posixpath.normpath(joined).lstrip("/")
        if name in self.zf.names:
            return name
        if name.lower() in self.lower:
            return self.lower[name.lower()]
        raise CorruptFileError(f"missing part {loc!r}", self.zf.path)

    def xml(self, loc: str, base_dir: str = "") -> tuple[Any, str]:
        """The parsed part at ``loc`` and its directory (for locations inside it)."""
        name = self.resolve(loc, base_dir)
        return self.zf.read_xml(name), posixpath.dirname(name)


def _doc_root(pkg: _Package) -> tuple[Any, str]:
    root, _ = pkg.xml("OFD.xml")
    for body in root:
        if local(body) == "DocBody":
            loc = child(body, "DocRoot")
            if loc is not None and (loc.text or "").strip():
                return pkg.xml(loc.text or "")
    raise CorruptFileError("OFD.xml names no DocRoot", pkg.zf.path)


def _resources(pkg: _Package, common: Any, base: str) -> Resources:
    res = Resources()
    for el in common if common is not None else []:
        if local(el) not in ("PublicRes", "DocumentRes") or not (el.text or "").strip():
            continue
        root, _ = pkg.xml(el.text or "", base)
        for group in root:
            for item in group:
                ident = item.get("ID") or ""
                kind = local(item)
                if kind == "Font":
                    res.fonts[ident] = item.get("FontName") or item.get("FamilyName") or ""
                elif kind == "ColorSpace":
                    res.color_spaces[ident] = item.get("Type") or "RGB"
                elif kind == "DrawParam":
                    res.draw_params[ident] = item
    return res


def _size(area: Any, default: tuple[float, float]) -> tuple[float, float]:
    box = child(area, "PhysicalBox") if area is not None else None
    vals = numbers(box.text if box is not None else None)
    return (vals[2], vals[3]) if len(vals) >= 4 and vals[2] > 0 and vals[3] > 0 else default


def _pages(pkg: _Package, doc: Any, base: str, options: ParseOptions) -> list[InkPage]:
    common = child(doc, "CommonData")
    res = _resources(pkg, common, base)
    default = _size(child(common, "PageArea") if common is not None else None, A4_MM)
    templates = {
        t.get("ID") or "": t.get("BaseLoc") or ""
        for t in (common if common is not None else [])
        if local(t) == "TemplatePage"
    }
    pages_el = child(doc, "Pages")
    entries = [p for p in (pages_el if pages_el is not None else []) if local(p) == "Page"]
    if len(entries) > options.max_pages:
        raise TooLargeError(f"{len(entries)} pages exceed the limit of {options.max_pages}", pkg.zf.path)
    out: list[InkPage] = []
    for number, entry in enumerate(entries, start=1):
        root, _ = pkg.xml(entry.get("BaseLoc") or "", base)
        roots = [
            pkg.xml(templates[t.get("TemplateID") or ""], base)[0]
            for t in root
            if local(t) == "Template" and templates.get(t.get("TemplateID") or "")
        ]
        width, height = (v * PT_PER_MM for v in _size(child(root, "Area"), default))
        ink = page_ink([*roots, root], res, width)
        out.append(InkPage(number, width, height, ink.chars, ink.edges, ink.red_rules))
    return out


def read(data: bytes, path: str | None, options: ParseOptions) -> ReadResult:
    """Read an OFD file (see the module docstring for errors)."""
    zf = open_zip(data, path, options)
    try:
        pkg = _Package(zf)
        doc, base = _doc_root(pkg)
        pages = _pages(pkg, doc, base, options)
    finally:
        zf.close()
    if not pages:
        raise CorruptFileError("the OFD document lists no pages", path)
    blocks = layout_blocks(pages)
    if not blocks:
        raise NoTextLayerError("no page has text (a scanned OFD); OCR of OFD images is not supported", path)
    empty = [p.number for p in pages if not p.chars]
    warnings: list[tuple[str, str, int | None]] = [
        ("no_text_layer", f"page {n} has no text (an image?); its content is missing", n) for n in empty
    ]
    return ReadResult(blocks=blocks, format="ofd", pages=len(pages), warnings=warnings)
