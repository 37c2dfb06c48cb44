"""Dates as 公文 print them: ``2022年10月24日``, ``2025 年 1 月 20 日``, ``二〇〇五年三月八日``,
``二○○五年``, ``二00五年``, ``二零零五年``, ``十二月三十一日``."""

from __future__ import annotations

import datetime as dt

import regex as re

CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "0": 0,
    "Ｏ": 0,
    "O": 0,
    "o": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
"""Chinese digits including the zero look-alikes."""

DATE_ARABIC = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
"""``2022年10月24日``, ``2025 年 1 月 20 日``."""
DATE_CHINESE = re.compile(
    r"(?P<y>[〇○零0ＯOo一二三四五六七八九]{4})\s*年\s*(?P<m>十[一二]?|[一二三四五六七八九]|[0-9]{1,2})\s*月\s*"
    r"(?P<d>三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]|[0-9]{1,2})\s*日"
)
"""``二〇〇五年三月八日``, ``二○一一年八月一日``, ``二0一0年九月十九日``, ``二〇二三年十二月三十一日``."""
DATE_DOTTED = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})\s*[.．]\s*(?P<m>\d{1,2})\s*[.．]\s*(?P<d>\d{1,2})\s*$")
"""A whole line ``2023.6.1`` (a 落款 date typed with dots); never searched for inside sentences."""
DATE_LINE = re.compile(rf"^\s*(?:{DATE_ARABIC.pattern}|{DATE_CHINESE.pattern.replace('?P<', '?P<c')})\s*$")
"""A line that is only a date: ``2022年10月24日``, ``二〇〇五年三月八日`` (not ``2022年10月24日印发``)."""


def cn_number(text: str) -> int:
    """``十二`` → 12, ``二十一`` → 21, ``三十`` → 30, ``12`` → 12, ``八`` → 8."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)
    value = 0
    for ch in text:
        value = value * 10 + CN_DIGITS.get(ch, 0)
    return value


def parse_date(text: str) -> tuple[dt.date, str] | None:
    """The first valid date in ``text`` and the matched raw string, or None."""
    for pattern in (DATE_ARABIC, DATE_CHINESE):
        for m in pattern.finditer(text):
            try:
                year = (
                    int(m.group("y"))
                    if m.group("y").isdigit()
                    else int("".join(str(CN_DIGITS[c]) for c in m.group("y")))
                )
                return dt.date(year, cn_number(m.group("m")), cn_number(m.group("d"))), m.group(0)
            except (ValueError, KeyError):
                continue
    return None


def is_date_line(text: str) -> bool:
    """True when the line is only a date (spaces allowed)."""
    return (bool(DATE_LINE.match(text)) and parse_date(text) is not None) or parse_dotted(text) is not None


def parse_dotted(text: str) -> dt.date | None:
    """``2023.6.1`` as a whole line → 2023-06-01 (invalid dates → None)."""
    m = DATE_DOTTED.match(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
