"""Goldens: every ``samples/<slug>/source.md|txt`` parses to ``expected.json`` (provenance aside).

Regenerate only on purpose: ``GOVDOC_REGEN_GOLDENS=1 pytest tests/test_samples.py``, then review the diff.
"""

from __future__ import annotations

import json
import os

import pytest

import govdoc
from govdoc.render.json import strip_source
from tests.conftest import REGEN_ENV, SAMPLES, load_json, regen

SOURCES = sorted(p for p in SAMPLES.glob("*/source.*") if p.suffix in (".md", ".txt"))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.parent.name)
def test_sample_matches_golden(source):
    doc = govdoc.parse(source)
    got = strip_source(doc.model_dump(mode="json"))
    got.pop("residue", None)
    golden = source.parent / "expected.json"
    if regen():
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    want = load_json(golden)
    assert got == want


def test_goldens_are_not_being_regenerated():
    """Guard: the regeneration flag must never be set where tests decide (CI)."""
    assert os.environ.get(REGEN_ENV) != "1" or not os.environ.get("CI")


def test_every_sample_has_a_golden():
    for folder in SAMPLES.iterdir():
        if folder.is_dir():
            assert (folder / "expected.json").exists(), folder
