"""Word auto-numbering (``w:numPr`` + ``word/numbering.xml``) rendered as label text: ``一、``, ``3.``.

Word does not store the label in the paragraph; the reader counts paragraphs per list and level the way
Word does (a deeper level restarts when a shallower one advances) and formats the level's ``lvlText``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from govdoc.readers.docx_styles import w, wval
from govdoc.readers.ziputil import xml_int

LEVEL_REF = re.compile(r"%(?P<level>[1-9])")
"""A level placeholder in ``w:lvlText``: ``%1、`` → the first level's number + ``、``."""

CN_DIGITS = "零一二三四五六七八九"
"""Chinese digits 0–9."""
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
"""Circled numbers 1–20."""
MAX_START = 32767
"""Largest list start value Word accepts; hostile files may claim more."""
MAX_LEVEL = 8
"""Deepest list level (``w:ilvl`` 0–8)."""
ROMAN_MAX = 3999
"""Largest number written in Roman numerals; beyond it the number is written in digits."""
ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
"""Roman numeral values, largest first."""


def chinese_number(n: int) -> str:
    """``n`` in Chinese counting numerals: 3 → 三, 10 → 十, 12 → 十二, 23 → 二十三, 105 → 一百零五."""
    if n <= 0:
        return CN_DIGITS[0]
    if n < 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + CN_DIGITS[rest] if rest < 10 else _teen(rest))
        return CN_DIGITS[n // 100] + "百" + tail
    return str(n)


def _teen(n: int) -> str:
    """Tens inside a larger number keep their 一: 12 → 一十二 (as in 一百一十二)."""
    return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def _roman(n: int) -> str:
    if not 0 < n <= ROMAN_MAX:
        return str(n)
    out = ""
    for value, sym in ROMAN:
        while n >= value:
            out += sym
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """One level's number in a ``w:numFmt``; unknown formats fall back to decimal."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "ideographTraditional",
        "japaneseCounting",
        "chineseLegalSimplified",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
    ):
        return chinese_number(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= len(CIRCLED):
        return CIRCLED[n - 1]
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass(frozen=True)
class Level:
    """One ``w:lvl``: start value, number format and label template."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    """Counters of every list in one document, fed paragraph by paragraph in document order."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)
    """numId → abstractNumId."""
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)
    """(numId, ilvl) → start override."""
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, root: Any | None) -> Numbering:
        """Read ``word/numbering.xml`` (None → a numbering that labels nothing)."""
        self = cls()
        if root is None:
            return self
        for absn in root.iter(w("abstractNum")):
            levels: dict[int, Level] = {}
            for lvl in absn.iter(w("lvl")):
                ilvl = xml_int(lvl.get(w("ilvl")), 0, 0, MAX_LEVEL) or 0
                start = xml_int(wval(lvl.find(w("start"))), 1, 0, MAX_START)
                levels[ilvl] = Level(
                    start=1 if start is None else start,
                    fmt=wval(lvl.find(w("numFmt"))) or "decimal",
                    text=wval(lvl.find(w("lvlText"))) or "",
                )
            self.abstract[absn.get(w("abstractNumId"), "")] = levels
        for num in root.iter(w("num")):
            num_id = num.get(w("numId"), "")
            self.nums[num_id] = wval(num.find(w("abstractNumId"))) or ""
            for ov in num.iter(w("lvlOverride")):
                start = xml_int(wval(ov.find(w("startOverride"))), None, 0, MAX_START)
                if start is not None:
                    self.overrides[(num_id, xml_int(ov.get(w("ilvl")), 0, 0, MAX_LEVEL) or 0)] = start
        return self

    def label(self, num_id: str | None, ilvl: int) -> str:
        """Advance list ``num_id`` at level ``ilvl`` and return its label (``""`` for bullets/none)."""
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        levels = self.abstract.get(self.nums[num_id], {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(num_id, {})
        start = self.overrides.get((num_id, ilvl), level.start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt in ("bullet", "none"):
            return ""

        def one(m: re.Match[str]) -> str:
            k = int(m.group("level")) - 1
            lv = levels.get(k, Level())
            value = counters.get(k, self.overrides.get((num_id, k), lv.start))
            return format_number(value, lv.fmt)

        return LEVEL_REF.sub(one, level.text)
