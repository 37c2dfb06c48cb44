"""OCR text clean-up and OCR boxes → positioned characters.

The recogniser returns half-width punctuation and a few look-alikes; in Chinese context they are
folded back: ``:``→``：``, ``(``→``（``, ``,``→``，``; ``一``/``－`` between digits is the dash ``—``
(``2021—2025年``); a year in mismatched brackets is the 发文字号 bracket ``〔2022〕``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex as re

from govdoc.readers.pdf_chars import Char
from govdoc.readers.pdf_lines import CJK_CHAR

HALF_TO_FULL = {":": "：", ",": "，", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
"""Half-width punctuation and its full-width form used in Chinese text."""
CJK = r"[\p{Han}\u3000-\u303f\uff00-\uffef《》“”]"
"""A CJK character or full-width punctuation (pattern text, used inside the folds below)."""
HALF_PUNCT_AFTER_CJK = re.compile(rf"(?<={CJK})\s*([:,;()?!])")
"""Half-width punctuation right after a CJK character: ``单位:`` → ``单位：``."""
HALF_PUNCT_BEFORE_CJK = re.compile(rf"([:,;()?!])\s*(?={CJK})")
"""Half-width punctuation right before a CJK character: ``(此件`` → ``（此件``."""
SPACE_IN_CJK = re.compile(rf"(?<={CJK})\s+(?={CJK})")
"""Spaces the recogniser puts between two CJK characters: ``人民 政府`` → ``人民政府``."""
DIGIT_DASH = re.compile(r"(?<=\d)[一－](?=\d|$)")
"""``一``/``－`` after a digit (and before one or at the line end) is a dash: ``2021一2025`` → ``2021—2025``."""
YEAR_RANGE = re.compile(r"(?<=\d{4})\s*[-–－一~]\s*(?=\d{4}\s*年)")
"""A dash between two years read as a hyphen: ``2021-2025年`` → ``2021—2025年`` (一字线, GB/T 15834)."""
YEAR_BRACKETS = re.compile(r"[〔［\[【(（]\s*(\d{4})\s*[〕］\]】)）](?=\s*\d{1,5}\s*号)")
"""A year in brackets before a serial and ``号``: ``〔2022】58号`` → ``〔2022〕58号`` (GB/T 9704 7.2.4)."""
HALF_INK_END = re.compile(r"[，。、；：！？）》」』”’〕】]$")
"""Full-width punctuation whose ink sits in the left half of its cell: a box ending in it stops half an
em short of where the next character would start (``…人才，`` at a line end)."""
HALF_INK_START = re.compile(r"^[（《「『“‘〔【]")
"""Full-width punctuation whose ink sits in the right half of its cell (the box starts half an em late)."""
SIZE_TOLERANCE = 0.28
"""Box heights within this share of a cluster's size are the same font size (二号 over 三号 is +37 %)."""
LONG_BOX = 10
"""Boxes with at least this many characters are body lines (they set the body size)."""


def fold(text: str) -> str:
    """OCR text with Chinese punctuation restored (see the module docstring)."""
    text = SPACE_IN_CJK.sub("", text.strip())
    text = HALF_PUNCT_AFTER_CJK.sub(lambda m: HALF_TO_FULL[m.group(1)], text)
    text = HALF_PUNCT_BEFORE_CJK.sub(lambda m: HALF_TO_FULL[m.group(1)], text)
    text = DIGIT_DASH.sub("—", text)
    text = YEAR_RANGE.sub("—", text)
    return YEAR_BRACKETS.sub(lambda m: f"〔{m.group(1)}〕", text)


@dataclass(frozen=True, slots=True)
class Box:
    """One recognised text box in points (top-down): its text and whether its ink is red."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    red: bool = False

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def em(self) -> float:
        """The font size: the box height, or the character pitch when smaller (a short box such as
        ``执行。`` is taller than its text; a letter-spaced masthead is wider)."""
        units = sum(1.0 if CJK_CHAR.match(ch) else 0.5 for ch in self.text if not ch.isspace())
        pitch = (self.x1 - self.x0) / units if units else self.height
        return min(self.height, pitch)


def widen(box: Box) -> Box:
    """The box over the full cells of its first and last characters (see :data:`HALF_INK_END`)."""
    units = sum(1.0 if CJK_CHAR.match(ch) else 0.5 for ch in box.text if not ch.isspace())
    if not units:
        return box
    half = 0.5 * (box.x1 - box.x0) / units
    x0 = box.x0 - half if HALF_INK_START.search(box.text) else box.x0
    x1 = box.x1 + half if HALF_INK_END.search(box.text) else box.x1
    return Box(x0, box.top, x1, box.bottom, box.text, box.red)


def snap_sizes(boxes: Sequence[Box]) -> list[float]:
    """A font size per box: heights clustered around the body size (the median height of long boxes)
    first, then the rest, so one body size comes out as one despite OCR's uneven box heights."""
    long = sorted(b.em for b in boxes if len(b.text) >= LONG_BOX)
    clusters: list[float] = [long[len(long) // 2]] if long else []
    sizes = [0.0] * len(boxes)
    for i in sorted(range(len(boxes)), key=lambda i: -len(boxes[i].text)):
        h = boxes[i].em
        home = next((c for c in clusters if abs(h - c) <= SIZE_TOLERANCE * c), None)
        if home is None:
            home = h
            clusters.append(h)
        sizes[i] = round(home, 1)
    return sizes


def box_chars(box: Box, size: float, font: str = "ocr") -> list[Char]:
    """The characters of a box, spread over its width (CJK one unit, Latin half a unit)."""
    text = box.text
    units = [1.0 if CJK_CHAR.match(ch) else 0.5 for ch in text]
    total = sum(units) or 1.0
    pitch = (box.x1 - box.x0) / total
    color = "FF0000" if box.red else None
    out: list[Char] = []
    x = box.x0
    for ch, unit in zip(text, units, strict=True):
        width = pitch * unit
        if not ch.isspace():
            out.append(Char(ch, x, box.top, x + width, box.bottom, size, font, False, color))
        x += width
    return out
