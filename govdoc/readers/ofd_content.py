"""One OFD page's content (``Content.xml``) → positioned characters and ruling edges, in points.

Text objects: every ``TextCode`` is expanded glyph by glyph (``X``/``Y`` start, ``DeltaX``/``DeltaY``
advances with ``g`` repeats), mapped through the object's ``CTM`` and offset by its ``Boundary``.
Font (from the document's resources), size, weight (≥ 600 is bold) and fill colour become style.
Path objects contribute straight segments as ruling edges (table grids, 版记 lines, the red rule
under the masthead). Nested ``PageBlock`` containers are walked; images and composite objects are
not text and are skipped.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import regex as re

from govdoc.readers.ofd_geom import (
    PT_PER_MM,
    Matrix,
    bbox_of,
    boundary,
    color_hint,
    deltas,
    is_white,
    numbers,
    rgb,
)
from govdoc.readers.pdf_chars import BOLD_WEIGHT, Char
from govdoc.readers.pdf_lines import CJK_CHAR
from govdoc.readers.tables import edge

BOLD_FONT = re.compile(r"(?i)bold|heavy|black|黑体|粗")
"""A font name that is bold in itself: ``Arial Bold``, ``方正黑体``, ``粗宋``."""
PATH_OP = re.compile(r"^[MSLQBACmslqbac]$")
"""An AbbreviatedData operator: M/S move, L line, Q/B curves, A arc, C close."""
ASCENT = 0.88
"""Share of the font size above the baseline (the glyph box top)."""
DESCENT = 0.12
"""Share of the font size below the baseline."""
THIN = 1.5
"""A filled path thinner than this (mm) is a rule, drawn as one edge along its middle."""
MIN_RULE = 2.0
"""Shortest edge (mm) kept as a ruling."""
RED_RULE_WIDTH = 0.3
"""A red horizontal rule wider than this share of the page is the 版头 red rule (红色分隔线)."""
OP_ARGS = {"M": 2, "S": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}
"""Numbers taken by each path operator."""


@dataclass(frozen=True, slots=True)
class Resources:
    """What content refers to by ID: font names and colour-space types."""

    fonts: dict[str, str] = field(default_factory=dict)
    color_spaces: dict[str, str] = field(default_factory=dict)
    draw_params: dict[str, Any] = field(default_factory=dict)
    """DrawParam elements by ID (their StrokeColor/FillColor are path defaults)."""


@dataclass(slots=True)
class PageInk:
    """What one page draws: characters, ruling edges (pdfplumber-style dicts), red rules (tops)."""

    chars: list[Char] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    red_rules: list[float] = field(default_factory=list)


def local(el: Any) -> str:
    """The tag of ``el`` without its namespace (``ofd:TextObject`` → ``TextObject``)."""
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def child(el: Any, name: str) -> Any | None:
    for c in el:
        if local(c) == name:
            return c
    return None


def _color(el: Any, name: str, res: Resources) -> tuple[int, int, int] | None:
    c = child(el, name)
    if c is None:
        param = res.draw_params.get(el.get("DrawParam") or "")
        c = child(param, name) if param is not None else None
    if c is None:
        return None
    return rgb(c.get("Value"), res.color_spaces.get(c.get("ColorSpace") or "", "RGB"))


def _objects(container: Any) -> Iterator[Any]:
    """Graphic objects of a layer, depth-first through ``PageBlock`` containers."""
    for el in container:
        name = local(el)
        if name == "PageBlock":
            yield from _objects(el)
        elif name in ("TextObject", "PathObject"):
            yield el


def _glyphs(obj: Any) -> Iterator[tuple[str, float, float, float]]:
    """(char, x, y, advance) in the object's own space, for every TextCode of a TextObject."""
    x = y = 0.0
    size = float((numbers(obj.get("Size")) or [3.5])[0])
    hscale = float((numbers(obj.get("HScale")) or [1.0])[0])
    for code in obj:
        if local(code) != "TextCode" or not code.text:
            continue
        x = (numbers(code.get("X")) or [x])[0]
        y = (numbers(code.get("Y")) or [y])[0]
        dx, dy = deltas(code.get("DeltaX")), deltas(code.get("DeltaY"))
        for i, ch in enumerate(code.text):
            default = size * hscale * (1.0 if CJK_CHAR.match(ch) else 0.5)
            adv = dx[i] if i < len(dx) else default
            yield ch, x, y, adv if adv > 0 else default
            x += adv
            y += dy[i] if i < len(dy) else 0.0


def text_chars(obj: Any, res: Resources) -> list[Char]:
    """The characters of one TextObject, in points, top-down page coordinates."""
    bx, by, _, _ = boundary(obj.get("Boundary"))
    ctm = Matrix.parse(obj.get("CTM"))
    size_mm = float((numbers(obj.get("Size")) or [3.5])[0]) * ctm.scale()
    font = res.fonts.get(obj.get("Font") or "", "")
    weight = (numbers(obj.get("Weight")) or [400])[0]
    bold = weight >= BOLD_WEIGHT or bool(BOLD_FONT.search(font))
    color = color_hint(_color(obj, "FillColor", res))
    out: list[Char] = []
    for ch, x, y, adv in _glyphs(obj):
        if not ch.strip() and ch != " ":
            continue
        px, py = ctm.apply(x, y)
        ex, _ = ctm.apply(x + adv, y)
        x0, x1 = sorted((bx + px, bx + ex))
        top, bottom = by + py - ASCENT * size_mm, by + py + DESCENT * size_mm
        out.append(
            Char(
                ch,
                x0 * PT_PER_MM,
                top * PT_PER_MM,
                max(x1, x0 + 0.01) * PT_PER_MM,
                bottom * PT_PER_MM,
                round(size_mm * PT_PER_MM, 1),
                font,
                bold,
                color,
            )
        )
    return out


def _subpaths(data: str | None) -> list[list[tuple[float, float]]]:
    """AbbreviatedData → polylines of straight segments (curves break a polyline; C closes one)."""
    toks = (data or "").split()
    paths: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    i = 0
    while i < len(toks):
        op = toks[i]
        if not PATH_OP.match(op):
            i += 1
            continue
        args = numbers(" ".join(toks[i + 1 : i + 1 + OP_ARGS[op.upper()]]))
        i += 1 + OP_ARGS[op.upper()]
        if op.upper() in ("M", "S") and len(args) == 2:
            if len(current) > 1:
                paths.append(current)
            current = [(args[0], args[1])]
        elif op.upper() == "L" and len(args) == 2:
            current.append((args[0], args[1]))
        elif op.upper() == "C" and current:
            current.append(current[0])
        elif len(args) >= 2:
            if len(current) > 1:
                paths.append(current)
            current = [(args[-2], args[-1])]
    if len(current) > 1:
        paths.append(current)
    return paths


def _rule(x0: float, x1: float, top: float, bottom: float, orientation: str) -> dict[str, Any]:
    """A pdfplumber-style edge dict, converted from mm to points."""
    x0, x1, top, bottom = (v * PT_PER_MM for v in (x0, x1, top, bottom))
    return edge(x0, x1, top, bottom, orientation)


def _edge(x0: float, y0: float, x1: float, y1: float) -> dict[str, Any] | None:
    """A horizontal or vertical segment (mm) → an edge along its middle, else None."""
    left, right = sorted((x0, x1))
    top, bottom = sorted((y0, y1))
    if bottom - top <= THIN / 2 and right - left >= MIN_RULE:
        mid = (top + bottom) / 2
        return _rule(left, right, mid, mid, "h")
    if right - left <= THIN / 2 and bottom - top >= MIN_RULE:
        mid = (left + right) / 2
        return _rule(mid, mid, top, bottom, "v")
    return None


def _visible_colors(obj: Any, res: Resources, stroke: bool, fill: bool) -> list[tuple[int, int, int]]:
    candidates = (
        _color(obj, "StrokeColor", res) if stroke else None,
        _color(obj, "FillColor", res) if fill else None,
    )
    return [c for c in candidates if c is not None]


def path_edges(obj: Any, res: Resources) -> tuple[list[dict[str, Any]], bool]:
    """Ruling edges of one visible PathObject, and whether it is red."""
    stroke = obj.get("Stroke", "true") != "false"
    fill = obj.get("Fill", "false") == "true"
    colors = _visible_colors(obj, res, stroke, fill)
    if not (stroke or fill) or (colors and all(is_white(c) for c in colors)):
        return [], False
    red = any(c[0] > 150 and c[1] < 100 and c[2] < 100 for c in colors)
    bx, by, _, _ = boundary(obj.get("Boundary"))
    ctm = Matrix.parse(obj.get("CTM"))
    edges: list[dict[str, Any]] = []
    data = child(obj, "AbbreviatedData")
    for poly in _subpaths(data.text if data is not None else None):
        pts = [(bx + p[0], by + p[1]) for p in (ctm.apply(x, y) for x, y in poly)]
        x0, y0, x1, y1 = bbox_of(pts)
        if fill and (y1 - y0 <= THIN or x1 - x0 <= THIN):
            mid = _edge(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2) if y1 - y0 <= THIN else None
            mid = mid or _edge((x0 + x1) / 2, y0, (x0 + x1) / 2, y1)
            edges.extend([mid] if mid else [])
            continue
        edges.extend(e for e in (_edge(*a, *b) for a, b in itertools.pairwise(pts)) if e is not None)
    return edges, red


def page_ink(roots: list[Any], res: Resources, page_width_pt: float) -> PageInk:
    """Characters and rulings of a page whose content (template first, then the page) is ``roots``."""
    ink = PageInk()
    for root in roots:
        content = child(root, "Content")
        for layer in content if content is not None else []:
            if local(layer) != "Layer":
                continue
            for obj in _objects(layer):
                if local(obj) == "TextObject":
                    ink.chars.extend(text_chars(obj, res))
                    continue
                edges, red = path_edges(obj, res)
                ink.edges.extend(edges)
                if red:
                    ink.red_rules.extend(
                        e["top"]
                        for e in edges
                        if e["orientation"] == "h" and e["width"] > RED_RULE_WIDTH * page_width_pt
                    )
    return ink
