"""The units index (单位索引) of one document: every unit named in its tasks, with what it leads and supports.

Merge rule (within one document only), for two distinct names A (shorter) and B:

1. *Level prefix dropped*: B == P + A where P is a level prefix (县, 区, 市, 省, 镇, 乡) —
   ``市场监管局`` ≡ ``区市场监管局`` (lists often print the prefix once: ``区交通建设局、公安局``).
2. *Abbreviation*: A and B start with the same character and end with the same organ suffix (局, 委 …,
   :data:`ORGAN_SUFFIX`); the characters of A's middle appear in B's middle in order, starting with B's
   first middle character; and A is not a substring of B (``市生态环境局`` is not ``市生态环境局临猗分局``) —
   ``县应急局`` ≡ ``县应急管理局``, ``县人社局`` ≡ ``县人力资源和社会保障局``; ``县教育局`` ≢ ``县体育局``.

A short name that would merge with two different long names is ambiguous and merges with neither. The
canonical name of a group is its longest name; the others are its aliases.
"""

from __future__ import annotations

from pydantic import Field

from govdoc.model import Task
from govdoc.model.base import Model

LEVEL_PREFIXES = ("县", "区", "市", "省", "镇", "乡")
"""Administrative level prefixes that lists print once for several units."""

ORGAN_SUFFIX = (
    "委员会",
    "办公室",
    "中心",
    "局",
    "委",
    "办",
    "部",
    "厅",
    "院",
    "会",
    "站",
    "所",
    "队",
    "行",
    "联",
    "协",
)
"""Organ-type endings; two names merge only when they share one (longest first)."""

MAX_MERGE_NAMES = 500
"""Above this many distinct names (hostile input) no abbreviations are merged: the rule is quadratic."""

MIN_MIDDLE = 2
"""A short name needs at least this many characters between its first character and its suffix."""


class Unit(Model):
    """One unit (单位) of the document's tasks."""

    name: str
    """Canonical name (the longest spelling found in the document)."""
    aliases: list[str] = Field(default_factory=list)
    """Other spellings in the same document (``县应急局`` for ``县应急管理局``)."""
    leads: list[int] = Field(default_factory=list)
    """Tasks it leads (牵头): 序号, or the 1-based task position when the task has no 序号."""
    partners: list[int] = Field(default_factory=list)
    """Tasks it supports (配合/责任): 序号 or 1-based position."""


def _suffix(name: str) -> str | None:
    return next((s for s in ORGAN_SUFFIX if name.endswith(s)), None)


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def abbreviates(short: str, long: str) -> bool:
    """True when ``short`` is an abbreviation of ``long`` by rule 2 of the module docstring."""
    suffix = _suffix(short)
    if suffix is None or _suffix(long) != suffix or len(short) >= len(long) or short in long:
        return False
    if short[0] != long[0]:
        return False
    a, b = short[1 : -len(suffix)], long[1 : -len(suffix)]
    return len(a) >= MIN_MIDDLE and a[0] == b[0] and _is_subsequence(a, b)


def same_unit(short: str, long: str) -> bool:
    """True when ``short`` names the same unit as ``long`` (rule 1 or 2)."""
    if any(long == p + short for p in LEVEL_PREFIXES):
        return True
    return abbreviates(short, long)


def _groups(names: list[str]) -> dict[str, str]:
    """Name → canonical name; a short name with two candidate long names stays alone."""
    parent = {n: n for n in names}

    def root(n: str) -> str:
        while parent[n] != n:
            n = parent[n]
        return n

    buckets: dict[tuple[str, str | None], list[str]] = {}
    for n in names:
        buckets.setdefault((n[0], _suffix(n)), []).append(n)
    known = set(names)
    for short in names if len(names) <= MAX_MERGE_NAMES else []:
        prefixed = [p + short for p in LEVEL_PREFIXES if p + short in known]
        candidates = prefixed + buckets.get((short[0], _suffix(short)), [])
        matches = [long for long in candidates if len(long) > len(short) and same_unit(short, long)]
        roots = {root(m) for m in matches}
        if len(roots) == 1:
            parent[root(short)] = roots.pop()
    groups: dict[str, list[str]] = {}
    for n in names:
        groups.setdefault(root(n), []).append(n)
    order = {n: i for i, n in enumerate(names)}
    canonical: dict[str, str] = {}
    for members in groups.values():
        best = max(members, key=lambda m: (len(m), -order[m]))
        canonical.update({m: best for m in members})
    return canonical


def task_id(task: Task, position: int) -> int:
    """A task's number in the index: its 序号, or its 1-based position when it has none."""
    return task.seq if task.seq is not None else position


def build_registry(tasks: list[Task]) -> list[Unit]:
    """The units of ``tasks`` in order of first mention, abbreviations merged (see module docstring)."""
    first: dict[str, None] = {}
    for task in tasks:
        first.update(dict.fromkeys([*task.lead_units, *task.partner_units]))
    canonical = _groups([n for n in first if n])
    units: dict[str, Unit] = {}
    for position, task in enumerate(tasks, start=1):
        ident = task_id(task, position)
        for role, members in (("leads", task.lead_units), ("partners", task.partner_units)):
            for name in filter(None, members):
                unit = units.setdefault(canonical[name], Unit(name=canonical[name]))
                if name != unit.name and name not in unit.aliases:
                    unit.aliases.append(name)
                ids: list[int] = getattr(unit, role)
                if ident not in ids:
                    ids.append(ident)
    return list(units.values())
