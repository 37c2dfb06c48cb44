"""Realistic 公文 as a PDF-to-Markdown converter (MinerU-style) emits them, unlike the shared corpus.

Fixtures live in ``tests/fixtures/realistic_md``: ``NAME.md`` beside ``NAME.json`` in the shared corpus
label format. They carry the converter's artefacts: ``#`` on the masthead, title and random body lines at
wrong depths; a masthead split over two ``#`` lines or spaced out (``济 南 市 商 务 局``); 发文字号 and
签发人 on one line; page breaks inside words followed by a blank line; page numbers ``— 3 —`` between
paragraphs; bold lead sentences kept on some items and lost on others; seals and signatures as
``![](images/….jpg)`` (so 署名/日期 may be missing); HTML ``<table>`` with rowspan/colspan for 分工表 and
for schedules; LaTeX fragments (``$15\\%$``); wrapped 附件说明 items; ``附件1`` pages; enclosed 办法 with
第X章/第X条 as ``#`` headings; 版记 as lines or as an HTML table; （一）/(一) of mixed widths; 一是…二是….
Fields are compared with the helpers of ``tests/test_realistic.py``; documents govdoc gets wrong today are
``xfail(strict=True)`` naming the missed fields, so a fix flips them to XPASS and the mark must then go.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.test_realistic import check_fixture, fixture_params, fixture_sources

REALISTIC_MD = FIXTURES / "realistic_md"

KNOWN_MISSES: dict[str, str] = {}
"""Fixtures govdoc misses today → the fields missed (an empty reason means it passes)."""


def _sources() -> list[Path]:
    return fixture_sources(REALISTIC_MD)


def test_every_fixture_has_a_label() -> None:
    sources = _sources()
    assert len(sources) >= 14
    for source in sources:
        assert (REALISTIC_MD / f"{source.stem}.json").is_file(), source.name


@pytest.mark.parametrize("source", fixture_params(REALISTIC_MD, KNOWN_MISSES))
def test_realistic_md_fields(source: Path) -> None:
    check_fixture(source)
