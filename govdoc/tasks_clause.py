"""Lead clauses at the start of an item: ``一、由区规划局牵头，建立联席会议制度…`` → a task.

Only the explicit ``由X牵头，`` form counts, at the start of a text or right after a numbering marker,
and only when X names units (:func:`govdoc.tasks_patterns.looks_like_units`); an optional
``Y配合，`` / ``会同Y，`` right after it names the partners. ``X负责…`` at a paragraph start is ordinary
prose (``县科协负责制定…``) and is not read as an assignment.
"""

from __future__ import annotations

import re

from govdoc.model import Task, TaskSource
from govdoc.tasks_patterns import MARKER, UNIT_SUFFIX, looks_like_units, squash, strip_marker
from govdoc.tasks_units import parse_units

LEAD_CLAUSE = re.compile(
    r"(?:^|(?<=[。；;、.．）)\s]))由(?P<lead>[^，,。；;由]{2,60}?)牵头[，,](?P<rest>[^。；;]{2,200})"
)
"""``由区规划局牵头，建立跨部门…制度`` (at a start or after a marker); ``rest`` holds the task."""

PARTNER_CLAUSE = re.compile(r"^(?:会同(?P<with>[^，,。]{2,60}?)|(?P<partner>[^，,。]{2,60}?)(?:配合|参与|协助))[，,]")
"""Partners right after the lead clause: ``县财政局配合，`` or ``会同县财政局，``."""

MAX_TASK = 120
"""Longest task text kept."""


def _marker_before(text: str, pos: int) -> str | None:
    for m in MARKER.finditer(text, max(0, pos - 8), pos):
        if m.end() == pos:
            return strip_marker(m.group(0))
    return None


def _partners(rest: str) -> tuple[list[str], bool, str]:
    match = PARTNER_CLAUSE.match(rest)
    if match is None:
        return [], False, rest
    units = parse_units(match.group("with") or match.group("partner"))
    if not units.units or not all(UNIT_SUFFIX.search(u) for u in units.units):
        return [], False, rest
    return units.units, units.others, rest[match.end() :]


def lead_clause_tasks(text: str, path: list[str]) -> list[tuple[int, Task]]:
    """(position, task) for every ``由X牵头，…`` clause in ``text``."""
    found: list[tuple[int, Task]] = []
    for m in LEAD_CLAUSE.finditer(text):
        lead = parse_units(m.group("lead"))
        if not looks_like_units(lead.units):
            continue
        partners, others, rest = _partners(m.group("rest"))
        task = squash(re.split(r"[，,]", rest, maxsplit=1)[0] if len(rest) > MAX_TASK else rest)[:MAX_TASK]
        marker = _marker_before(text, m.start())
        section = "/".join([*path, marker] if marker else path) or None
        found.append(
            (
                m.start(),
                Task(
                    task=task,
                    lead_units=lead.units,
                    partner_units=partners,
                    partner_others=others,
                    source=TaskSource(section=section),
                ),
            )
        )
    return found
