"""Numbering markers of body levels and their ordinals (GB/T 9704 §3 of the reference).

Styles and their canonical rank (smaller = outer):
chapter 第一章 < section_jie 第一节 < article 第一条 < cn_dun 一、 < cn_paren （一） < arabic_dot 1. <
arabic_paren （1） < circled ①.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from govdoc.dates import cn_number

CN_NUM = r"[一二三四五六七八九十百零〇两]{1,4}"
"""Chinese numerals of a marker: ``二十三``."""

MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"^(?P<m>第\s*(?P<n>{CN_NUM}|\d{{1,3}})\s*章)\s*")),
    ("section_jie", re.compile(rf"^(?P<m>第\s*(?P<n>{CN_NUM}|\d{{1,3}})\s*节)\s*")),
    (
        "article",
        re.compile(rf"^(?P<m>第\s*(?P<n>{CN_NUM}|\d{{1,3}})\s*条)\s*"),
    ),
    ("cn_dun", re.compile(rf"^(?P<m>(?P<n>{CN_NUM})\s*(?:、|[．.](?!\d)))\s*(?!是)")),
    ("cn_paren", re.compile(rf"^(?P<m>[（(]\s*(?P<n>{CN_NUM})\s*[）)])\s*")),
    ("arabic_dot", re.compile(r"^(?P<m>(?P<n>\d{1,3})\s*(?:[.．](?!\d)|、))\s*")),
    ("arabic_paren", re.compile(r"^(?P<m>[（(]\s*(?P<n>\d{1,3})\s*[）)])\s*")),
    ("circled", re.compile(r"^(?P<m>(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]))\s*")),
)
"""Marker patterns, tried in order: ``第一章``, ``第一节``, ``第一条``, ``一、``, ``（一）``/``(一)``,
``1.``/``1．``/``1、``, ``（1）``/``(1)``, ``①``. ``一是`` is not a marker."""

RANK = {name: i for i, (name, _) in enumerate(MARKERS)}
"""Canonical depth rank of each style."""

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
"""Circled numbers ① … ⑳."""


@dataclass(frozen=True)
class Marker:
    """A numbering marker found at the start of a line."""

    style: str
    marker: str
    ordinal: int
    rest: str
    """Text after the marker."""


def find_marker(text: str) -> Marker | None:
    """The numbering marker at the start of ``text``, or None.

    ``一、背景和意义`` → cn_dun/1; ``（三）工作目标`` → cn_paren/3; ``1.加强…`` → arabic_dot/1;
    ``第一条 为了…`` → article/1; ``一是加强…`` → None; ``2025年`` → None.
    """
    for style, pattern in MARKERS:
        m = pattern.match(text)
        if not m:
            continue
        n = m.group("n")
        ordinal = CIRCLED.index(n) + 1 if style == "circled" else cn_number(n.replace("两", "二"))
        if ordinal <= 0 or ordinal > 300:
            return None
        return Marker(style=style, marker=m.group("m").replace(" ", ""), ordinal=ordinal, rest=text[m.end() :])
    return None
