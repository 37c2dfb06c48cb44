"""Inline assignments in running text (正文中的任务分工) → tasks.

Recognised, in one text (a title, a measure, a paragraph, or a whole flattened portal page):

* a bracket with labels: ``（牵头单位：县教育局；责任单位：县财政局、县人社局）``;
* a bracket with verbs: ``（县教育局牵头，县财政局配合）``, ``（由县教育局负责）`` — only when every
  name ends like a unit (:data:`govdoc.tasks_patterns.UNIT_SUFFIX`);
* a label outside brackets: ``责任单位：区交通建设局、公安局`` up to the end of the sentence or the next
  numbering marker.

``X负责`` inside an ordinary sentence (``县科协负责制定…``) is not an assignment.
The task is the heading whose marker precedes the match in the same text (``（一）加快…。``), else the
title of the enclosing measure or section, else the sentence before the match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govdoc.model import Task, TaskSource
from govdoc.tasks_clause import lead_clause_tasks
from govdoc.tasks_patterns import ASSIGN_LABEL, MARKER, SENTENCE_END, looks_like_units, squash, strip_marker
from govdoc.tasks_units import UnitList, parse_units

VERB_ASSIGN = re.compile(
    r"^(?:由)?(?P<lead>[^，,；;。]+?)(?:按职责分工|按职责|分别)?(?:牵头|负责)"
    r"(?:[，,；;]\s*(?P<partner>[^。]+?)(?:按职责分工|按职责|分别)?(?:配合|参与|协助|协办|负责|落实))?$"
)
"""Bracket content naming units by verbs: ``县教育局牵头，县财政局、县人社局配合``; ``由县民政局负责``;
``市民政局牵头，各县区政府负责``; ``市民政局、市商务局按职责分工负责``."""

LIST_STOP = re.compile(
    r"[。\n]|[（(][一二三四五六七八九十百]{1,4}[）)]|[（(]\d{1,3}[）)]"
    r"|(?<![\d.．])\d{1,3}[、.．](?!\d)|[一二三四五六七八九十]{1,3}、"
)
"""Where an unbracketed unit list ends: 。, a line break or the next marker (``（二）``, ``五、``)."""

LEAD_ROLE = re.compile(r"牵头|主责")
"""A label naming leads."""

PARTNER_ROLE = re.compile(r"配合|参与|协办")
"""A label naming partners (责任 is a lead when no 牵头 label is present)."""

MAX_BRACKET = 400
"""A bracket longer than this is an aside, not an assignment (bounds the work per bracket)."""

MAX_TASK = 120
"""Longest task text taken from a sentence before a match."""


@dataclass
class Found:
    """One inline assignment inside a text."""

    start: int
    end: int
    leads: list[str]
    partners: list[str]
    others: bool


def bracket_pairs(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Matched bracket pairs (open, close) in order of the opening bracket, and the depth at each index.

    One pass with a stack: linear in ``len(text)`` whatever the nesting; unmatched brackets pair with
    nothing.
    """
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    depth: list[int] = []
    for i, ch in enumerate(text):
        depth.append(len(stack))
        if ch in "（(":
            stack.append(i)
        elif ch in "）)" and stack:
            pairs.append((stack.pop(), i))
    return sorted(pairs), depth


def _labelled(body: str) -> tuple[list[str], list[str], bool] | None:
    """Split ``牵头单位：X；责任单位：Y`` into (leads, partners, others); None without a label."""
    labels = list(ASSIGN_LABEL.finditer(body))
    if not labels or body[: labels[0].start()].strip("，,；; "):
        return None
    has_lead = any(LEAD_ROLE.search(m.group("label")) for m in labels)
    leads: list[str] = []
    partners: list[str] = []
    others = False
    for i, m in enumerate(labels):
        stop = labels[i + 1].start() if i + 1 < len(labels) else len(body)
        units = parse_units(body[m.end() : stop].strip("，,；;。 "))
        label = m.group("label")
        is_partner = PARTNER_ROLE.search(label) or (has_lead and not LEAD_ROLE.search(label))
        if is_partner or (units.leads and not LEAD_ROLE.search(label)):
            _extend(partners, units, leads)
        else:
            _extend(leads, units, leads)
        others = others or units.others
    return leads, partners, others


def _extend(target: list[str], units: UnitList, leads: list[str]) -> None:
    for name in units.leads:
        if name not in leads:
            leads.append(name)
    target.extend(u for u in units.units if u not in target and u not in units.leads)


def _verbal(body: str) -> tuple[list[str], list[str], bool] | None:
    """``X牵头，Y配合`` / ``由X负责`` with unit-like names, else None."""
    match = VERB_ASSIGN.match(body.strip())
    if match is None:
        return None
    lead = parse_units(match.group("lead"))
    partner = parse_units(match.group("partner") or "")
    if not looks_like_units(lead.units) or (match.group("partner") and not looks_like_units(partner.units)):
        return None
    return lead.units, partner.units, lead.others or partner.others


def _brackets(text: str, pairs: list[tuple[int, int]]) -> list[Found]:
    found: list[Found] = []
    for start, close in pairs:
        if close - start > MAX_BRACKET or (found and start < found[-1].end):
            continue
        body = text[start + 1 : close]
        parsed = _labelled(body) or _verbal(body)
        if parsed and (parsed[0] or parsed[1]):
            found.append(Found(start, close + 1, *parsed))
    return found


def _lines(text: str, depth: list[int]) -> list[Found]:
    """Unbracketed ``责任单位：…`` runs (a label inside brackets belongs to :func:`_brackets`)."""
    found: list[Found] = []
    pos = 0
    for m in ASSIGN_LABEL.finditer(text):
        if m.start() < pos or depth[m.start()] > 0:
            continue
        stop = LIST_STOP.search(text, m.end())
        end = stop.start() if stop else len(text)
        parsed = _labelled(text[m.start() : end])
        if parsed and (parsed[0] or parsed[1]):
            found.append(Found(m.start(), end, *parsed))
        pos = end
    return found


def find_assignments(text: str) -> list[Found]:
    """All inline assignments in ``text``, in order."""
    pairs, depth = bracket_pairs(text)
    brackets = _brackets(text, pairs)
    return sorted(brackets + _lines(text, depth), key=lambda f: f.start)


def _task_text(segment: str, context: str | None, first_in_text: bool) -> tuple[str | None, str | None]:
    """(task, marker) for the text before a match: after the last marker, else context, else the sentence."""
    markers = list(MARKER.finditer(segment))
    if markers:
        last = markers[-1]
        head = segment[last.end() :]
        sentence = SENTENCE_END.split(head, maxsplit=1)[0]
        return squash(sentence)[:MAX_TASK] or None, strip_marker(last.group(0))
    if context and first_in_text:
        return context, None
    pieces = [p for p in SENTENCE_END.split(segment.strip("，,；;。 ")) if p.strip()]
    return (squash(pieces[-1])[:MAX_TASK] if pieces else context), None


def trailing_heading(text: str) -> tuple[str, str] | None:
    """(title, marker) of the last heading after the last assignment in ``text``, or None.

    In ``…责任单位：区经济发展局（二十五）加强要素资源保障。…`` it is (``加强要素资源保障``, ``（二十五）``):
    a ``责任单位：…`` paragraph after it belongs to that heading.
    """
    found = find_assignments(text)
    tail = text[found[-1].end :] if found else text
    markers = list(MARKER.finditer(tail))
    if not markers:
        return None
    title = squash(SENTENCE_END.split(tail[markers[-1].end() :], maxsplit=1)[0])[:MAX_TASK]
    return (title, strip_marker(markers[-1].group(0))) if title else None


def inline_tasks(text: str, path: list[str], context: str | None) -> list[Task]:
    """Tasks assigned inline in one text; ``path`` is the section marker path, ``context`` the title."""
    tasks: list[tuple[int, Task]] = lead_clause_tasks(text, path)
    previous_end = 0
    for found in find_assignments(text):
        segment = text[previous_end : found.start]
        task, marker = _task_text(segment, context, previous_end == 0)
        previous_end = found.end
        if not task:
            continue
        section = "/".join([*path, marker] if marker else path) or None
        tasks.append(
            (
                found.start,
                Task(
                    task=task,
                    lead_units=found.leads,
                    partner_units=found.partners,
                    partner_others=found.others,
                    source=TaskSource(section=section),
                ),
            )
        )
    return [task for _, task in sorted(tasks, key=lambda pair: pair[0])]
