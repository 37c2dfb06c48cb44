"""Shared test helpers: paths, the shared corpus, and golden handling."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
REFERENCE_MD = SAMPLES / "notice-linyi-2022-58" / "source.md"
REGEN_ENV = "GOVDOC_REGEN_GOLDENS"
"""Set to 1 to rewrite goldens instead of comparing (never in CI: a guard test fails then)."""


def regen() -> bool:
    return os.environ.get(REGEN_ENV) == "1"


def shared_path(*parts: str) -> Path:
    """A file of ../shared, or skip the test when the shared folder is not beside the checkout."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared corpus not available: {path}")
    return path


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
