"""Realistic 公文 as Word files and LibreOffice PDFs: each file's label fields must match govdoc's output.

``tests/fixtures/realistic_office/build.py`` lays out ``NAME.docx`` the way offices' Word templates do
(红头 in a layout table, a text box or a red paragraph; 签发人 after tabs; rules as paragraph borders;
auto-numbered headings; ``vMerge`` 分工表; 版记 tables; page-number fields) and prints ``NAME.pdf`` from it
with LibreOffice; ``NAME.json`` is the hand-written label in the shared corpus format. Fields are compared
as ``checks/eval_corpus.py`` does (the helpers of ``test_realistic``). Files govdoc gets wrong today are
``xfail(strict=True)`` naming the missed fields, so a fix flips them to XPASS and the mark must go.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import govdoc
from tests.conftest import FIXTURES, load_json
from tests.test_realistic import extract, misses

OFFICE = FIXTURES / "realistic_office"
FORMATS = (".docx", ".pdf")

KNOWN_MISSES: dict[str, str] = {}
"""``NAME.ext`` govdoc misses today → the fields missed (want vs got in the report of the review)."""


def _sources() -> list[Path]:
    return sorted(p for p in OFFICE.iterdir() if p.suffix in FORMATS)


def _param(source: Path) -> Any:
    reason = KNOWN_MISSES.get(source.name, "")
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(source, id=source.name, marks=marks)


def test_every_docx_has_a_pdf_and_a_label() -> None:
    docx = sorted(OFFICE.glob("*.docx"))
    assert len(docx) >= 10
    for source in docx:
        assert source.with_suffix(".pdf").is_file(), source.name
        assert source.with_suffix(".json").is_file(), source.name


def test_known_misses_name_existing_files() -> None:
    names = {p.name for p in _sources()}
    assert set(KNOWN_MISSES) <= names


@pytest.mark.parametrize("source", [_param(s) for s in _sources()])
def test_office_fields(source: Path) -> None:
    label = load_json(source.with_suffix(".json"))
    got = extract(govdoc.parse(source).model_dump(mode="json"))
    assert misses(label, got) == {}
