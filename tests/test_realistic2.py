"""A second set of realistic 公文 unlike both the shared corpus and ``tests/fixtures/realistic``.

Fixtures live in ``tests/fixtures/realistic2``: ``NAME.md`` or ``NAME.txt`` beside ``NAME.json`` in the
shared corpus label format. They cover OCR/converter Markdown (half-width punctuation, ``O`` for 〇,
titles split over several ``#`` headings, headings of random depth, ``colspan`` table headers, LaTeX,
版记 inside an HTML table, hard-wrapped PaddleOCR lines), portal pages of other sites (``»``, ``/``, ``-``
breadcrumbs, one-line metadata, related links, download names), a forwarding chain, 通报 with 表扬名单,
意见 with 一是/二是 and inline 牵头单位, an appointment 决定, a 请示 with 联系人, a 报告 dated
``2023.12.8`` and 分工表 with a 完成时限 column or category rows. Fields are compared with the helpers of
``tests/test_realistic.py``; documents govdoc gets wrong today are ``xfail(strict=True)`` naming the
missed fields, so a fix flips them to XPASS and the mark must then be removed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.test_realistic import check_fixture, fixture_params, fixture_sources

REALISTIC2 = FIXTURES / "realistic2"

KNOWN_MISSES: dict[str, str] = {}
"""Fixtures govdoc misses today → the fields missed (an empty reason means it passes)."""


def _sources() -> list[Path]:
    return fixture_sources(REALISTIC2)


def test_every_fixture_has_a_label() -> None:
    sources = _sources()
    assert len(sources) >= 16
    for source in sources:
        assert (REALISTIC2 / f"{source.stem}.json").is_file(), source.name
    assert set(KNOWN_MISSES) <= {s.stem for s in sources}


@pytest.mark.parametrize("source", fixture_params(REALISTIC2, KNOWN_MISSES))
def test_realistic2_fields(source: Path) -> None:
    check_fixture(source)
