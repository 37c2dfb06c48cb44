"""Data-driven tests of the small parsers: 发文字号, dates, numbering markers (tests/fixtures/*.md)."""

from __future__ import annotations

import pytest

from govdoc.dates import parse_date
from govdoc.docnumber import parse_doc_number
from govdoc.numbering import find_marker
from tests.conftest import FIXTURES
from tests.fixture_file import read_fixture_file


def _cases(name: str):
    return pytest.mark.parametrize("case", read_fixture_file(FIXTURES / name), ids=lambda c: f"L{c.line}-{c.title}")


@_cases("doc_numbers.md")
def test_doc_numbers(case):
    number = parse_doc_number(case.input)
    assert number is not None
    assert f"{number.text} | {number.agency_code} | {number.year} | {number.serial}" == case.expected
    assert number.raw == case.input.strip()


@_cases("dates.md")
def test_dates(case):
    parsed = parse_date(case.input)
    assert (parsed[0].isoformat() if parsed else "none") == case.expected


@_cases("numbering.md")
def test_numbering(case):
    m = find_marker(case.input)
    got = "none" if m is None else f"{m.style} | {m.marker} | {m.ordinal} | {m.rest}"
    assert got == case.expected
