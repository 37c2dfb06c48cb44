"""Characters → visual lines: grouping by baseline, duplicate-glyph removal, spaces and styled runs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import regex as re

from govdoc.readers.base import Run
from govdoc.readers.pdf_chars import Char

T = TypeVar("T")

CJK_CHAR = re.compile(r"[\p{Han}\p{Bopomofo}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019]")
"""A CJK character or full-width punctuation, next to which no space is inserted: ``县``, ``，``."""
LATIN_END = re.compile(r"[A-Za-z0-9.,;:!?)]$")
"""A line end after which a Latin word continues with a space: ``... the``, ``in 2021``."""
LATIN_START = re.compile(r"^[A-Za-z0-9(]")
"""A line start that continues a Latin phrase: ``word``, ``2021``."""
DIGIT_PAIR = re.compile(r"\d$")
"""A line ending in a digit: a number broken over two lines (``0517-8722`` + ``2589``) gets no space."""
SAME_LINE = 0.45
"""Two glyphs share a line when their vertical centres differ by less than this many ems."""
DUP_CHAR = 0.35
"""A repeated glyph closer than this many ems to its twin is the same glyph drawn twice (fake bold)."""
DUP_WIDTH = 0.4
"""…and closer than this share of its own width (``ll`` in ``Hello`` is two glyphs, not one drawn twice)."""
WORD_GAP = 0.15
"""Gap (ems) between two Latin glyphs that means a word space."""
WIDE_GAP = 0.8
"""Gap (ems) between any two glyphs that is kept as a space (``印发机关    印发日期``)."""
COLUMN_GAP = 3.0
"""Gap (ems) that separates two columns on one line; kept as an ideographic space so layout can split it."""


@dataclass(slots=True)
class Line:
    """One visual line of a page."""

    chars: list[Char]
    page: int
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    font: str = ""
    text: str = ""
    runs: list[Run] = field(default_factory=list)

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def bold(self) -> bool:
        return bool(self.runs) and all(r.bold for r in self.runs if r.text.strip())

    @property
    def color(self) -> str | None:
        colors = {r.color for r in self.runs if r.text.strip()}
        return colors.pop() if len(colors) == 1 else None


def _dedupe(chars: Sequence[Char]) -> list[Char]:
    """Drop glyphs drawn twice at almost the same place; the survivor is marked bold."""
    out: list[Char] = []
    for ch in chars:
        if out and ch.text == out[-1].text:
            prev = out[-1]
            tol = DUP_CHAR * max(ch.size, 1.0)
            dx_tol = min(tol, DUP_WIDTH * max(prev.x1 - prev.x0, 0.1))
            if abs(ch.x0 - prev.x0) < dx_tol and abs(ch.top - prev.top) < tol:
                if not ch.text.isspace():
                    prev.bold = True
                continue
        out.append(ch)
    return out


def _spaced(chars: Sequence[Char]) -> list[Char]:
    """Collapse space runs and insert spaces where a gap separates Latin words or distant glyphs."""
    out: list[Char] = []
    for ch in chars:
        if ch.text.isspace():
            if out and not out[-1].text.isspace():
                out.append(Char(" ", ch.x0, ch.top, ch.x1, ch.bottom, ch.size, ch.font, False, None))
            continue
        if out and not out[-1].text.isspace():
            prev = out[-1]
            gap = ch.x0 - prev.x1
            em = max(ch.size, 1.0)
            if gap > WIDE_GAP * em or (
                gap > WORD_GAP * em and not CJK_CHAR.match(prev.text) and not CJK_CHAR.match(ch.text)
            ):
                # a gap of several em separates columns set side by side (署名 and date of a 纪要 head)
                space = "\u3000" if gap > COLUMN_GAP * em else " "
                out.append(Char(space, prev.x1, ch.top, ch.x0, ch.bottom, ch.size, ch.font, False, None))
        out.append(ch)
    while out and out[-1].text.isspace():
        out.pop()
    while out and out[0].text.isspace():
        out.pop(0)
    return out


def runs_of(chars: Iterable[Char]) -> list[Run]:
    """Consecutive characters of one style → runs (spaces join the run before them)."""
    runs: list[Run] = []
    buf: list[str] = []
    style: tuple[bool, str | None] | None = None
    for ch in chars:
        key = (ch.bold, ch.color)
        if ch.text.isspace() and style is not None:
            buf.append(ch.text)
            continue
        if key != style and buf:
            assert style is not None
            runs.append(Run("".join(buf), bold=style[0], color=style[1]))
            buf = []
        style = key
        buf.append(ch.text)
    if buf and style is not None:
        runs.append(Run("".join(buf), bold=style[0], color=style[1]))
    return runs


def _mode(values: list[T]) -> T:
    """The most common value (the first one seen on ties); ``values`` is not empty."""
    if values[0] == values[-1] and len(set(values)) == 1:
        return values[0]
    return Counter(values).most_common(1)[0][0]


def _finish(chars: list[Char], page: int) -> Line | None:
    chars = _spaced(_dedupe(sorted(chars, key=lambda c: c.x0 + c.x1)))
    ink = [c for c in chars if not c.text.isspace()]
    if not ink:
        return None
    sizes = _mode([c.size for c in ink])
    font = _mode([c.font for c in ink])
    return Line(
        chars=chars,
        page=page,
        x0=min(c.x0 for c in ink),
        x1=max(c.x1 for c in ink),
        top=min(c.top for c in ink),
        bottom=max(c.bottom for c in ink),
        size=sizes,
        font=font,
        text="".join(c.text for c in chars),
        runs=runs_of(chars),
    )


def group_lines(chars: Iterable[Char], page: int) -> list[Line]:
    """Characters of one page (or one table cell) → lines, top to bottom."""
    ordered = sorted(chars, key=lambda c: c.top + c.bottom)
    lines: list[Line] = []
    current: list[Char] = []
    anchor = 0.0
    for ch in ordered:
        tol = SAME_LINE * max(min(ch.size, current[0].size if current else ch.size), 4.0)
        if current and abs(ch.cy - anchor) <= tol:
            current.append(ch)
            continue
        if current:
            line = _finish(current, page)
            if line is not None:
                lines.append(line)
        current = [ch]
        anchor = ch.cy
    if current:
        line = _finish(current, page)
        if line is not None:
            lines.append(line)
    return lines


def _latin_gap(before: str, after: str) -> bool:
    """True when a Latin word or number ends ``before`` and another starts ``after``."""
    if not (LATIN_END.search(before) and LATIN_START.match(after)):
        return False
    return not (DIGIT_PAIR.search(before) and after[0].isdigit())


def join_text(parts: Sequence[str]) -> str:
    """Line texts of one paragraph or cell → one string: CJK joined directly, Latin words with a space."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out and _latin_gap(out, part):
            out += " "
        out += part
    return out


def join_runs(lines: Sequence[Line]) -> list[Run]:
    """The runs of several lines as one paragraph: adjacent runs of one style merged."""
    merged: list[Run] = []
    prev_text = ""
    for line in lines:
        for i, run in enumerate(line.runs):
            text = run.text
            if i == 0 and prev_text and _latin_gap(prev_text, text):
                text = " " + text
            if merged and merged[-1].bold == run.bold and merged[-1].color == run.color:
                merged[-1] = Run(merged[-1].text + text, bold=run.bold, color=run.color)
            else:
                merged.append(Run(text, bold=run.bold, color=run.color))
        prev_text = line.text
    return merged
