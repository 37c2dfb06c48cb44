"""Realistic portal pages flattened onto one long line, unlike the shared ``web/pt-*`` pages.

Fixtures live in ``tests/fixtures/realistic_web``: ``NAME.txt`` beside ``NAME.json``, labelled in the shared
corpus format with only the fields scored on portal text (header and 版记: doc_type, doc_number, issuers,
title, addressees, issue_date, note, cc, printed_by, print_date, enclosure_title). They come from other county
and city portals: breadcrumbs with ``>``, ``»`` and ``/``; metadata blocks worded 文号/信息索取号/组配分类/
生成日期; a 发文字号 only in the metadata block, or one there that belongs to the forwarded document; titles
repeated three times; a title glued to its 主送机关; 署名 glued to the date; a date glued to the enclosure title
or to 附件; 附件说明 glued to the 署名; 抄送 glued to the enclosure; 抄送 + 印发 lines; 附注 glued after the date;
dates with 〇/○/0; joint signatures separated by one space; 转发/印发 notices whose 办法 has ``第一章 总则第一条``;
and pages that start at the 主送机关 with no title. Fields are compared with the helpers of
``tests/test_realistic.py``; documents govdoc gets wrong today are ``xfail(strict=True)`` naming the missed
fields, so a fix flips them to XPASS and the mark must then go.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, load_json
from tests.test_realistic import check_fixture, fixture_params, fixture_sources

REALISTIC_WEB = FIXTURES / "realistic_web"
SCORED = {
    "doc_type",
    "doc_number",
    "issuers",
    "title",
    "addressees",
    "issue_date",
    "note",
    "cc",
    "printed_by",
    "print_date",
    "enclosure_title",
}
"""Label fields scored on flattened portal text (header and 版记 only)."""

KNOWN_MISSES: dict[str, str] = {}
"""Fixtures govdoc misses today → the fields missed (an empty reason means it passes)."""


def _sources() -> list[Path]:
    return fixture_sources(REALISTIC_WEB)


def test_every_fixture_has_a_label() -> None:
    sources = _sources()
    assert len(sources) >= 16
    for source in sources:
        label = load_json(REALISTIC_WEB / f"{source.stem}.json")
        assert set(label) <= SCORED, source.name
    assert set(KNOWN_MISSES) <= {s.stem for s in sources}


@pytest.mark.parametrize("source", fixture_params(REALISTIC_WEB, KNOWN_MISSES))
def test_realistic_web_fields(source: Path) -> None:
    check_fixture(source)
