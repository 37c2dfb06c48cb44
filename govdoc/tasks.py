"""Tasks (任务分工) of a built document: division-of-labour tables and inline assignments.

Order: the notice's body, then each enclosure, then each attachment (document order). Within a body,
tables and inline assignments appear where they occur in the tree. A flattened page (portal text)
whose table lost its cells is read by :mod:`govdoc.tasks_flat`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from govdoc.model import Document, Measure, Node, Paragraph, Section, Table, Task, TaskSource
from govdoc.tasks_flat import flat_table_tasks, has_flat_header
from govdoc.tasks_inline import inline_tasks, trailing_heading
from govdoc.tasks_patterns import strip_marker
from govdoc.tasks_table import table_tasks

FIRST_UNIT_LEADS = re.compile(r"(?:排|列)?(?:在)?(?:第一|首)(?:位|个)?(?:的)?(?:单位|部门)?为牵头(?:单位|部门)")
"""A note that the first-listed 责任单位 leads: ``排在第一位的为牵头单位``, ``第一个单位为牵头单位``."""


@dataclass
class Walk:
    """State of one body walk."""

    first_unit_leads: bool
    attachment: int | None = None
    tables: int = 0
    tasks: list[Task] = field(default_factory=list)


def _texts(nodes: Sequence[Node]) -> Iterator[str]:
    for node in nodes:
        if isinstance(node, Section):
            yield node.title
            yield from _texts(node.children)
        elif isinstance(node, Measure):
            yield node.title + "。" + node.text
        elif isinstance(node, Paragraph):
            yield node.text
        elif isinstance(node, Table):
            yield from ("".join(row) for row in node.header + node.rows)


def _all_bodies(doc: Document) -> Iterator[tuple[int | None, list[Node]]]:
    yield None, doc.body
    for enclosure in doc.enclosures:
        yield None, enclosure.body
    for i, attachment in enumerate(doc.attachments):
        yield i, attachment.body


def _table(node: Table, path: list[str], walk: Walk) -> None:
    source = TaskSource(attachment=walk.attachment, table=walk.tables, section="/".join(path) or None)
    walk.tables += 1
    walk.tasks.extend(table_tasks(node, source, walk.first_unit_leads))


def _flat_run(nodes: Sequence[Node], start: int, path: list[str], walk: Walk) -> int:
    """Read a flattened table starting at paragraph ``start`` over the paragraphs after it.

    Returns the index after the paragraphs it consumed (``start`` when there is no flattened table).
    """
    end = start
    while end < len(nodes) and isinstance(nodes[end], Paragraph):
        end += 1
    text = " ".join(n.text for n in nodes[start:end] if isinstance(n, Paragraph))
    found = flat_table_tasks(text, path)
    walk.tasks.extend(found)
    return end if found else start


def _walk(nodes: Sequence[Node], path: list[str], title: str | None, walk: Walk) -> None:
    context = title
    inner: list[str] = []
    skip_to = 0
    for index, node in enumerate(nodes):
        if index < skip_to:
            continue
        if isinstance(node, Paragraph) and has_flat_header(node.text):
            skip_to = _flat_run(nodes, index, path, walk)
            if skip_to > index:
                continue
        if isinstance(node, Section):
            here = [*path, strip_marker(node.marker)]
            walk.tasks.extend(inline_tasks(node.title, here, None))
            _walk(node.children, here, node.title, walk)
        elif isinstance(node, Measure):
            walk.tasks.extend(inline_tasks(node.title + "。" + node.text, path, node.title))
            context, inner = node.title, []
        elif isinstance(node, Paragraph):
            walk.tasks.extend(inline_tasks(node.text, [*path, *inner], context))
            heading = trailing_heading(node.text)
            if heading:
                context, inner = heading[0], [heading[1]]
        elif isinstance(node, Table):
            _table(node, path, walk)


def extract_tasks(doc: Document) -> list[Task]:
    """All tasks of ``doc`` (whose ``tasks`` is still empty), in document order."""
    first_unit_leads = any(FIRST_UNIT_LEADS.search(text) for _, body in _all_bodies(doc) for text in _texts(body))
    tasks: list[Task] = []
    for attachment, body in _all_bodies(doc):
        walk = Walk(first_unit_leads, attachment)
        _walk(body, [], None, walk)
        tasks.extend(walk.tasks)
    return tasks
