"""The same document typed differently gives the same fields: blank lines between all lines (pipe tables
included), CRLF line ends, full-width indentation, half-width punctuation (compared after NFKC folding).

Runs over every text and Markdown fixture of the realistic sets and the reference notice."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import govdoc
from tests.conftest import FIXTURES, ROOT

SOURCES = sorted(p for p in FIXTURES.glob("realistic*/*") if p.suffix in (".txt", ".md"))
SOURCES.append(ROOT / "samples" / "notice-linyi-2022-58" / "source.md")

HALF_WIDTH = str.maketrans({"：": ":", "，": ",", "（": "(", "）": ")", "；": ";"})

VARIANTS: dict[str, Callable[[str], str]] = {
    "blank-lines": lambda t: re.sub(r"\n+", "\n\n", t),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "indent": lambda t: "\n".join(
        "　　" + x if x.strip() and not x.startswith(("|", "#")) else x for x in t.split("\n")
    ),
    "half-width": lambda t: t.translate(HALF_WIDTH),
}


def _fold(value: Any) -> Any:
    if isinstance(value, str):
        return "".join(unicodedata.normalize("NFKC", value).split())
    if isinstance(value, (list, tuple)):
        return [_fold(v) for v in value]
    return value


def fields(doc: govdoc.Document) -> dict[str, Any]:
    return {
        key: _fold(value)
        for key, value in {
            "doc_number": doc.doc_number.text if doc.doc_number else None,
            "title": doc.title,
            "doc_type": doc.doc_type,
            "issuers": doc.issuers,
            "addressees": doc.addressees,
            "issue_date": str(doc.issue_date.date) if doc.issue_date else None,
            "cc": [(c.kind, c.organs) for c in doc.cc],
            "printed_by": doc.printed_by,
            "sections": [n.title for n in doc.body if n.kind == "section"],
            "enclosures": [e.title for e in doc.enclosures],
            "attachments": [a.title for a in doc.attachments],
            "tasks": len(doc.tasks),
        }.items()
    }


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_fields_survive_retyping(source: Path, variant: str) -> None:
    text = source.read_text(encoding="utf-8")
    markdown = source.suffix == ".md"
    expected = fields(govdoc.parse_text(text, markdown=markdown))
    assert fields(govdoc.parse_text(VARIANTS[variant](text), markdown=markdown)) == expected
