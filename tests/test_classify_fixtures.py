"""Data-driven classification tests: small documents in tests/fixtures/classify.md → expected fields."""

from __future__ import annotations

import json
from typing import Any

import pytest

import govdoc
from govdoc.model import Document, Measure, Paragraph, Section, Table
from tests.conftest import FIXTURES
from tests.fixture_file import read_fixture_file

CASES = read_fixture_file(FIXTURES / "classify.md")


def outline(nodes: list[Any]) -> list[str]:
    out: list[str] = []
    for n in nodes:
        if isinstance(n, Section):
            out.append(f"S{n.level} {n.marker} {n.title}")
            out.extend(outline(n.children))
        elif isinstance(n, Measure):
            out.append(f"M {n.title}")
        elif isinstance(n, Paragraph):
            out.append("P")
        elif isinstance(n, Table):
            out.append("T")
    return out


def field(doc: Document, key: str) -> Any:
    getters = {
        "doc_number": lambda d: d.doc_number.text if d.doc_number else None,
        "issue_date": lambda d: d.issue_date.date.isoformat() if d.issue_date else None,
        "print_date": lambda d: d.print_date.date.isoformat() if d.print_date else None,
        "body": lambda d: outline(d.body),
        "enclosure_title": lambda d: d.enclosures[0].title if d.enclosures else None,
        "enclosure_body": lambda d: outline(d.enclosures[0].body) if d.enclosures else None,
        "diagnostics": lambda d: [x.code for x in d.diagnostics],
        "cc": lambda d: [{"kind": c.kind, "organs": c.organs} for c in d.cc],
        "attachment_notes": lambda d: [[n.index, n.title] for n in d.attachment_notes],
        "attachments": lambda d: [[a.index, a.title, *(n.kind for n in a.body)] for a in d.attachments],
        "tasks": lambda d: [[t.task, t.lead_units, t.partner_units] for t in d.tasks],
    }
    return getters[key](doc) if key in getters else getattr(doc, key)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"L{c.line}-{c.title}")
def test_classification_case(case):
    doc = govdoc.parse_text(case.input)
    for line in case.expected.splitlines():
        key, _, value = line.partition(":")
        assert field(doc, key.strip()) == json.loads(value), key
