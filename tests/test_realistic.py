"""Realistic 公文 unlike the shared corpus: each fixture's label fields must match govdoc's output.

Fixtures live in ``tests/fixtures/realistic``: ``NAME.md`` or ``NAME.txt`` beside ``NAME.json``, whose
keys follow the shared corpus label format (``corpus/labels/README.md``). Fields are compared the way
``checks/eval_corpus.py`` compares them: NFKC-folded, all whitespace removed, lists as ordered lists.
Documents that govdoc gets wrong today are marked ``xfail(strict=True)`` naming the missed fields, so a
fix flips them to XPASS and the mark must then be removed.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

import govdoc
from tests.conftest import FIXTURES, load_json

REALISTIC = FIXTURES / "realistic"
FIELDS = (
    "doc_type",
    "doc_number",
    "issuers",
    "title",
    "addressees",
    "issue_date",
    "note",
    "attachments",
    "cc",
    "printed_by",
    "print_date",
    "enclosure_title",
    "sections",
    "tasks",
)
WHITESPACE = re.compile(r"\s+")
"""Any run of whitespace, removed before comparing: ``2025 年`` → ``2025年``."""

KNOWN_MISSES: dict[str, str] = {}
"""Fixtures govdoc misses today → the fields missed (an empty reason means it passes)."""


def fold(value: Any) -> Any:
    """NFKC-fold strings and drop all whitespace, recursing into lists: ``（镇）`` → ``(镇)``."""
    if value is None or isinstance(value, (int, float)):
        return value
    if isinstance(value, list):
        return [fold(v) for v in value]
    return WHITESPACE.sub("", unicodedata.normalize("NFKC", str(value)))


def _date(value: Any) -> Any:
    return value.get("date") if isinstance(value, dict) else value


def _level1_titles(nodes: Any) -> list[Any]:
    return [
        n.get("title")
        for n in nodes or []
        if isinstance(n, dict) and n.get("kind") == "section" and n.get("level") == 1
    ]


def _attachment_titles(node: Any, out: list[Any]) -> list[Any]:
    """Titles of every ``attachment_notes`` entry anywhere in the output, in document order."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "attachment_notes":
                out.extend(n.get("title") for n in value or [] if isinstance(n, dict))
            _attachment_titles(value, out)
    elif isinstance(node, list):
        for value in node:
            _attachment_titles(value, out)
    return out


def extract(out: dict[str, Any]) -> dict[str, Any]:
    """govdoc's JSON → the label fields (the mapping of ``eval_corpus.extract``)."""
    enclosures = out.get("enclosures") or []
    main_body = enclosures[0].get("body") if enclosures else out.get("body")
    return {
        "doc_type": out.get("doc_type"),
        "doc_number": (out.get("doc_number") or {}).get("text"),
        "issuers": out.get("issuers") or [],
        "title": out.get("title"),
        "addressees": out.get("addressees") or [],
        "issue_date": _date(out.get("issue_date")),
        "note": out.get("note"),
        "attachments": _attachment_titles(out, []),
        "cc": [o for c in out.get("cc") or [] for o in c.get("organs") or []],
        "printed_by": out.get("printed_by"),
        "print_date": _date(out.get("print_date")),
        "enclosure_title": enclosures[0].get("title") if enclosures else None,
        "sections": _level1_titles(main_body),
        "tasks": len(out.get("tasks") or []),
    }


def misses(label: dict[str, Any], got: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Label fields whose folded value differs from govdoc's; ``null``/``[]`` also accept none/0."""
    out: dict[str, tuple[Any, Any]] = {}
    for field in FIELDS:
        if field not in label:
            continue
        want, have = fold(label[field]), fold(got.get(field))
        if want == have or (want in (None, []) and have in (None, [], 0)):
            continue
        out[field] = (label[field], got.get(field))
    return out


def fixture_sources(folder: Path) -> list[Path]:
    """The documents of a realistic fixture folder (``NAME.md``/``NAME.txt`` beside ``NAME.json``)."""
    return sorted(p for p in folder.iterdir() if p.suffix in (".md", ".txt"))


def fixture_params(folder: Path, known: dict[str, str]) -> list[Any]:
    """pytest params of a folder; documents in ``known`` are ``xfail(strict=True)`` with their reason."""
    out = []
    for source in fixture_sources(folder):
        reason = known.get(source.stem, "")
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(source, id=source.stem, marks=marks))
    return out


def check_fixture(source: Path) -> None:
    """Parse ``source`` and compare every labelled field of its ``NAME.json``."""
    label = load_json(source.with_suffix(".json"))
    got = extract(govdoc.parse(source).model_dump(mode="json"))
    assert misses(label, got) == {}


def _sources() -> list[Path]:
    return fixture_sources(REALISTIC)


def test_every_fixture_has_a_label() -> None:
    sources = _sources()
    assert len(sources) >= 16
    for source in sources:
        assert (REALISTIC / f"{source.stem}.json").is_file(), source.name


@pytest.mark.parametrize("source", fixture_params(REALISTIC, KNOWN_MISSES))
def test_realistic_fields(source: Path) -> None:
    check_fixture(source)


def test_misses_reports_a_changed_field() -> None:
    label = {"title": "关于 印发的通知", "cc": [], "tasks": 2}
    assert misses(label, {"title": "关于印发的通知", "cc": [], "tasks": 2}) == {}
    assert set(misses(label, {"title": "关于印发的决定", "cc": ["县委"], "tasks": 0})) == {"title", "cc", "tasks"}
