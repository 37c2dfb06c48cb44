"""Layout profiles for the regenerated DOCX: numbers live in ``render/profiles/<name>.toml``, not in code."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from govdoc.errors import UnsupportedFormatError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

PROFILE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
"""A profile name: file stem of a packaged TOML, e.g. ``gbt9704-2012``."""


@dataclass(frozen=True)
class Profile:
    """One layout profile: the TOML tables as dictionaries."""

    name: str
    page: dict[str, float]
    grid: dict[str, float]
    fonts: dict[str, str]
    sizes: dict[str, float]
    colors: dict[str, str]
    rules: dict[str, int]
    indents: dict[str, float]

    @property
    def text_width_mm(self) -> float:
        """Width of the text block (版心) in millimetres."""
        p = self.page
        return p["width_mm"] - p["margin_left_mm"] - p["margin_right_mm"]


@lru_cache(maxsize=8)
def load_profile(name: str) -> Profile:
    """The packaged profile ``name``; an unknown name is :class:`UnsupportedFormatError`."""
    if not PROFILE_NAME.match(name):
        raise UnsupportedFormatError(f"bad profile name {name!r}")
    res = resources.files("govdoc.render").joinpath("profiles").joinpath(f"{name}.toml")
    if not res.is_file():
        raise UnsupportedFormatError(f"no layout profile {name!r}")
    data: dict[str, Any] = tomllib.loads(res.read_text(encoding="utf-8"))
    return Profile(
        name=name,
        page=dict(data["page"]),
        grid=dict(data["grid"]),
        fonts=dict(data["fonts"]),
        sizes=dict(data["sizes"]),
        colors=dict(data["colors"]),
        rules=dict(data["rules"]),
        indents=dict(data["indents"]),
    )
