"""Read human-readable fixture files (markdown-it-py style).

A file holds cases; each case is a title line, then ``.``, the input lines, ``.``, the expected lines, ``.``::

    bracket styles
    .
    鲁商字 [2025] 1号
    .
    鲁商字〔2025〕1号 | 鲁商字 | 2025 | 1
    .
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Case:
    title: str
    input: str
    expected: str
    line: int


def read_fixture_file(path: Path) -> list[Case]:
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    i = 0
    while i < len(lines):
        if lines[i].strip() and i + 1 < len(lines) and lines[i + 1] == ".":
            title, start = lines[i].strip(), i
            j = i + 2
            inp: list[str] = []
            while lines[j] != ".":
                inp.append(lines[j])
                j += 1
            j += 1
            exp: list[str] = []
            while lines[j] != ".":
                exp.append(lines[j])
                j += 1
            cases.append(Case(title, "\n".join(inp), "\n".join(exp), start + 1))
            i = j + 1
        else:
            i += 1
    return cases
