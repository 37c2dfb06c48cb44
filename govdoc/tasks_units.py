"""Unit lists (单位名单) inside a task: split, strip 等相关单位配合, find an in-list 牵头 marker.

Guarantees: brackets inside a name are kept (``各乡（镇）人民政府``); a separator inside brackets
never splits; the returned names are non-empty, stripped and in printed order without duplicates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SEPARATORS = frozenset("、，,；;/\n")
"""Characters that separate units in a list (outside brackets): 、，,；; / and line breaks."""

OPENING = frozenset("（(〔【[")
"""Opening brackets: a separator inside them does not split (``县委宣传部（县文明办、县网信办）``)."""

CLOSING = frozenset("）)〕】]")
"""Closing brackets."""

OTHERS_SUFFIX = re.compile(r"等(?:其他|其它)?(?:相关|有关)?(?:单位|部门)?(?:配合|参与|协助)?$")
"""Tail saying "others too": ``县科协等相关单位配合`` → ``县科协``; ``县科协等`` → ``县科协``."""

OTHERS_ITEM = re.compile(r"^(?:其他|其它)?(?:相关|有关)(?:单位|部门)(?:配合|参与|协助)?$")
"""A list item that only says "related units": ``相关单位配合``, ``有关部门`` (dropped, others recorded)."""

LEAD_MARK = re.compile(r"^(?P<name>.+?)(?:为|作为)?(?:牵头|主责|主办)(?:单位|部门)?$")
"""A unit marked as lead inside a list: ``人行平潭支行牵头`` → ``人行平潭支行``."""

PARTNER_MARK = re.compile(r"^(?P<name>.+?)(?:配合|参与|协助|协办)$")
"""A unit marked as partner inside a list: ``各国土所配合`` → ``各国土所``."""

NAME_NOISE = re.compile(r"^(?:由|请|各级)?\s*|\s*(?:负责|落实|实施)?[。．.]*\s*$")
"""Leading 由/请 and trailing 负责/。 around a name: ``由县教育局负责`` → ``县教育局``."""

MAX_NAME = 40
"""A "unit" longer than this is prose, not a name."""


@dataclass
class UnitList:
    """A parsed unit cell or inline list."""

    units: list[str] = field(default_factory=list)
    """Names in printed order."""
    leads: list[str] = field(default_factory=list)
    """Names marked ``X牵头`` inside the list."""
    others: bool = False
    """The list ended in 等相关单位配合 / 等单位 (others take part too)."""


def split_outside_brackets(text: str) -> list[str]:
    """Split on :data:`SEPARATORS` that are not inside brackets; pieces are stripped, empties dropped."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in OPENING:
            depth += 1
        elif ch in CLOSING:
            depth = max(0, depth - 1)
        if ch in SEPARATORS and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def strip_others(name: str) -> tuple[str, bool]:
    """Remove an "and others" tail: ``县科协等相关单位配合`` → (``县科协``, True); ``县科协`` → unchanged."""
    if OTHERS_ITEM.match(name):
        return "", True
    match = OTHERS_SUFFIX.search(name)
    if match is None:
        return name, False
    return name[: match.start()].strip(), True


def clean_name(name: str) -> str:
    """Trim 由/负责/。 and spaces around one unit name."""
    return NAME_NOISE.sub("", name.strip()).strip()


def parse_units(text: str) -> UnitList:
    """Parse one unit cell or inline list.

    ``县委宣传部、县工科局、县科协等相关单位配合`` → units [县委宣传部, 县工科局, 县科协], others True;
    ``人行平潭支行牵头，区财政金融局`` → units [人行平潭支行, 区财政金融局], leads [人行平潭支行].
    """
    result = UnitList()
    for raw in split_outside_brackets(text):
        name, others = strip_others(clean_name(raw))
        result.others = result.others or others
        name = clean_name(name)
        lead = LEAD_MARK.match(name)
        if lead:
            name = clean_name(lead.group("name"))
            if name and name not in result.leads:
                result.leads.append(name)
        else:
            partner = PARTNER_MARK.match(name)
            if partner:
                name = clean_name(partner.group("name"))
        if name and len(name) <= MAX_NAME and name not in result.units:
            result.units.append(name)
    return result
