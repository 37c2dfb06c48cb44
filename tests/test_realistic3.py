"""A third set of realistic 公文, unlike the shared corpus and the earlier ``realistic*`` fixture sets.

Fixtures live in ``tests/fixtures/realistic3``: ``NAME.md`` or ``NAME.txt`` beside ``NAME.json`` in the
shared corpus label format. They cover archive-era documents (份号, 密级★期限, 特急/急件, 主题词, 抄报 +
抄送 + 分送 together, 印发 lines with ``（共印120份）``, dates written with 〇/○/零, 签发人 with two
names), 联合行文 with three to five stacked organs and ``文件`` on the middle line, a 政府令 with ``第12号``,
a 统计公报, an inspection 通报 with a results table, a 复函 whose 文号 uses ``[2008]``, a 请示 with 附件
and a bracketed 联系人, 附件 pages holding a tab-separated 分工表 with 完成时限, a portal notice whose
附件 are listed but not included, page numbers in four styles, four heading levels plus 一是/二是,
a title over three lines with 《》 and （试行）, and 责任单位（牵头单位列前） tables. Fields are compared
with the helpers of ``tests/test_realistic.py``; documents govdoc gets wrong today are
``xfail(strict=True)`` naming the missed fields, so a fix flips them to XPASS and the mark must then go.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.test_realistic import check_fixture, fixture_params, fixture_sources

REALISTIC3 = FIXTURES / "realistic3"

KNOWN_MISSES: dict[str, str] = {}
"""Fixtures govdoc misses today → the fields missed (an empty reason means it passes)."""


def _sources() -> list[Path]:
    return fixture_sources(REALISTIC3)


def test_every_fixture_has_a_label() -> None:
    sources = _sources()
    assert len(sources) >= 14
    for source in sources:
        assert (REALISTIC3 / f"{source.stem}.json").is_file(), source.name
    assert set(KNOWN_MISSES) <= {s.stem for s in sources}


@pytest.mark.parametrize("source", fixture_params(REALISTIC3, KNOWN_MISSES))
def test_realistic3_fields(source: Path) -> None:
    check_fixture(source)
