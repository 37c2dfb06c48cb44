"""Nesting: labelled body lines → a tree of sections, measures, paragraphs, tables and images.

A marker opens a level one below the current one, or returns to an open level (numbering.RANK breaks
ties); gaps and unexpected starts become diagnostics. Lead sentences whose bold was lost become measures
when their siblings look the same (short verb-led sentence ending in 。, more text after it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from govdoc import diagnostics
from govdoc.classify.state import Labeled
from govdoc.model import Diagnostic, Image, Measure, Merge, Node, Paragraph, Provenance, Section, Table
from govdoc.numbering import RANK, find_marker
from govdoc.readers.base import RawTable
from govdoc.readers.tables import filled
from govdoc.tasks_patterns import ASSIGN_LABEL

RUN_IN = re.compile(r"^(?P<title>[^。！？]{1,120}?)[。！？](?P<rest>.+)$")
"""A run-in heading: ``加快建筑领域设备更新。结合老旧小区改造…`` → title + rest."""
LEAD_SENTENCE = re.compile(r"^(?P<lead>[^。，,；;：:！？“”\"《》]{3,30})。(?P<rest>.+)$", re.S)
"""An implied measure: ``坚持协同推进。强化政府推动…`` (short, no inner punctuation, ends with 。)."""
SPLIT_TITLE_MAX = 20
"""Longest chapter title taken from the line after a bare ``第一章``."""
IMPLIED_MIN_SIBLINGS = 2
"""Lead sentences need this many look-alike siblings (or a bold measure sibling) to become measures."""
ARTICLE_TITLE_MAX = 30
"""A 第X条 line longer than this (or with a 。) is the article's text, not its title."""


@dataclass
class _Open:
    section: Section
    style: str


@dataclass
class TreeBuilder:
    """Accumulates nodes into a tree with a stack of open sections."""

    roots: list[Node] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def _container(self) -> list[Node]:
        return self.stack[-1].section.children if self.stack else self.roots

    def add(self, node: Node) -> None:
        if isinstance(node, Paragraph) and self._takes_title(node.text):
            self.stack[-1].section.title = node.text
            return
        container = self._container()
        if (
            isinstance(node, Table)
            and container
            and isinstance(container[-1], Table)
            and _continue_table(container[-1], node)
        ):
            return
        container.append(node)

    def _takes_title(self, text: str) -> bool:
        """A short line right after a bare ``第一章`` (set on its own line) is that chapter's title."""
        if not self.stack:
            return False
        top = self.stack[-1].section
        return (
            top.style in ("chapter", "section_jie")
            and not top.title
            and not top.children
            and len(text) <= SPLIT_TITLE_MAX
            and not any(p in text for p in "。，,；;：:")
        )

    def heading(self, item: Labeled) -> None:
        marker = item.data.get("marker") or find_marker(item.text)
        if marker is None:  # pragma: no cover - the heading rule guarantees a marker
            self.add(Paragraph(text=item.text, source=_prov(item)))
            return
        styles = [o.style for o in self.stack]
        if marker.style in styles:
            while self.stack[-1].style != marker.style:
                self.stack.pop()
            prev = self.stack.pop().section
            if marker.ordinal != prev.ordinal + 1:
                self._diag("numbering_gap", f"{marker.marker} follows {prev.marker}", item)
        else:
            while self.stack and RANK[self.stack[-1].style] > RANK[marker.style]:
                self.stack.pop()
            if marker.ordinal != 1:
                self._diag("numbering_start", f"{marker.marker} opens a level without a first item", item)
        title, rest = _split_heading(marker.style, marker.rest.strip())
        section = Section(
            level=len(self.stack) + 1,
            marker=marker.marker,
            style=marker.style,
            ordinal=marker.ordinal,
            title=title,
            source=_prov(item),
        )
        self._container().append(section)
        self.stack.append(_Open(section, marker.style))
        if rest:
            section.children.append(Paragraph(text=rest, source=_prov(item)))

    def _diag(self, code: str, message: str, item: Labeled) -> None:
        diagnostics.add(self.diagnostics, code, message, _prov(item))

    def finish(self) -> list[Node]:
        infer_measures(self.roots)
        return self.roots


def _split_heading(style: str, text: str) -> tuple[str, str]:
    if style == "article":
        if "。" in text or len(text) > ARTICLE_TITLE_MAX:
            return "", text
        return text, ""
    m = RUN_IN.match(text)
    if m and m.group("rest").strip():
        return m.group("title"), m.group("rest").strip()
    tagged = trailing_assignment(text)
    if tagged:
        return tagged[0].rstrip("。；;，,"), tagged[1]
    return text.rstrip("。；;，,"), ""


def trailing_assignment(text: str) -> tuple[str, str] | None:
    """A heading closed by an assignment bracket: ``加强…监督检查（牵头单位：用地科,配合单位：各国土所）`` →
    the title and the bracket (which stays in the section as text, where the task finder reads it).
    The bracket is matched from the end (nested brackets inside it are kept)."""
    body = text.rstrip("。；; ")
    if not body.endswith(("）", ")")):
        return None
    depth = 0
    for pos in range(len(body) - 1, 0, -1):
        depth += body[pos] in "）)"
        depth -= body[pos] in "（("
        if depth == 0:
            tag = text[pos:]
            return (text[:pos].rstrip(), tag) if ASSIGN_LABEL.search(tag) else None
    return None


def _prov(item: Labeled) -> Provenance:
    first, last = item.lines[0].source, item.lines[-1].source
    return first.model_copy(update={"line_end": last.line_end or last.line_start}) if last is not first else first


def measure_node(item: Labeled) -> Measure:
    """A measure from a line whose lead is bold."""
    lead: str = item.data["lead"]
    text = item.text
    rest = text[len(lead) :] if text.startswith(lead) else text.replace(lead, "", 1)
    return Measure(title=lead.rstrip("。：:！ "), text=rest.strip(), source=_prov(item))


def table_node(item: Labeled) -> Table:
    """A table node with merged cells filled (implied merges of text tables inferred)."""
    raw = item.line.table
    assert raw is not None
    grid = filled(raw)
    head = raw.header_rows if raw.header_rows is not None else (1 if len(grid) > 1 else 0)
    spans = list(raw.merges) or implied_merges(grid, head)
    grid = filled(RawTable(rows=tuple(tuple(r) for r in grid), merges=tuple(spans)))
    merges = [Merge(row=r, col=c, rowspan=rs, colspan=cs) for r, c, rs, cs in spans]
    return Table(header=grid[:head], rows=grid[head:], merges=merges, source=_prov(item))


def implied_merges(grid: list[list[str]], head: int) -> list[tuple[int, int, int, int]]:
    """Vertical merges a text table only implies: in the leading columns, a value followed by empty cells
    (``提升行动`` on row 1, then blanks on rows 2–5) spans those rows. Columns stop qualifying at the
    first column without gaps."""
    body = grid[head:]
    if len(body) < 2:
        return []
    spans: list[tuple[int, int, int, int]] = []
    width = min(len(r) for r in body)
    for c in range(width):
        column = [r[c].strip() for r in body]
        if not column[0] or all(column) or not all(any(x for i, x in enumerate(r) if i != c) for r in body):
            break
        start = 0
        for r in range(1, len(column) + 1):
            if r == len(column) or column[r]:
                if r - start > 1:
                    spans.append((head + start, c, r - start, 1))
                start = r
    return spans


def image_node(item: Labeled) -> Image:
    return Image(description=item.data.get("description", ""), source=_prov(item))


def _continue_table(prev: Table, nxt: Table) -> bool:
    """Append ``nxt`` to ``prev`` when it repeats the header (a table continued over a page)."""
    if not prev.header or nxt.header != prev.header:
        return False
    offset = len(prev.header) + len(prev.rows) - len(nxt.header)
    prev.rows.extend(nxt.rows)
    for m in nxt.merges:
        if m.row >= len(nxt.header):
            prev.merges.append(m.model_copy(update={"row": m.row + offset}))
    return True


def infer_measures(nodes: list[Node]) -> None:
    """Turn lead-sentence paragraphs into measures where their siblings agree (recursively)."""
    candidates = [i for i, n in enumerate(nodes) if isinstance(n, Paragraph) and LEAD_SENTENCE.match(n.text)]
    has_bold = any(isinstance(n, Measure) and n.bold for n in nodes)
    if len(candidates) >= IMPLIED_MIN_SIBLINGS or (candidates and has_bold):
        for i in candidates:
            node = nodes[i]
            assert isinstance(node, Paragraph)
            m = LEAD_SENTENCE.match(node.text)
            assert m is not None
            nodes[i] = Measure(title=m.group("lead"), text=m.group("rest").strip(), bold=False, source=node.source)
    for n in nodes:
        if isinstance(n, Section):
            infer_measures(n.children)
