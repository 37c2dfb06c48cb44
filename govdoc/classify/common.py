"""Predicates shared by rules."""

from __future__ import annotations

import regex as re

from govdoc.normalize import Line
from govdoc.patterns import SENTENCE_END, TITLE_KIND

PORTAL_FURNITURE = re.compile(
    r"^(?:(?:当前位置|您当前的位置|您的位置|您所在的位置|索\s*引\s*号|信息索引|主题分类|信息分类|发文机关|发布机构|"
    r"发布单位|成文日期|发布日期|生效日期|有\s*效\s*性|标\s*题|发文字号|来源|时间|浏览次数|阅读次数|访问量|字号|字体|"
    r"信息来源|发布时间|点击数|相关链接|公开方式|公开范围|公开时限|责任部门|作者|上一篇|下一篇)\s*[：:]"
    r"|(?:打印|关闭|分享到?|微信|微博|QQ空间|全真版|文字版|文件下载|附件下载|扫一扫|-->|<--|"
    r"返回顶部|打印本页|关闭窗口|政策解读|相关解读|图解)(?:\s|$)|【[^】]{0,12}】|首页(?=\S)|(?:网站)?首页\s*(?:>|＞|»|/|-|—|－|→))"
)
"""Portal navigation and metadata labels: ``当前位置：首页…``, ``来源：中国平潭``, ``微信``, ``索 引 号：``,
``网站首页 > 信息公开``, ``【打印】【关闭】``, ``上一篇：…``."""
PORTAL_STRONG = re.compile(
    r"^(?:(?:网站)?首页\s*(?:>|＞|»|/|-|—|－|→)|【[^】]{0,12}】|(?:上一篇|下一篇|浏览次数|阅读次数|信息索引|您所在的位置|当前位置)\s*[：:])"
)
"""Portal furniture recognised even on unflattened lines: breadcrumbs, bracketed buttons, 上一篇/下一篇."""
PORTAL_VALUE = re.compile(
    r"^(?:[A-Z]{1,4}\d[\d\-]{6,}|\d{4}-\d{2}-\d{2}(?:\s*\d{2}:\d{2}(?::\d{2})?)?|\d{2}:\d{2}|有效|失效|废止|[有效性号引索题标]|：)$"
)
"""Portal metadata values: ``PZ00101-0200-2011-00001``, ``2011-08-02``, ``08:00``, ``有效``."""
MASTHEAD = re.compile(r"^(?P<org>.{2,60}?)\s*文\s*件$")
"""发文机关标志 ``临猗县人民政府办公室文件``."""


FORWARDED_NAME = re.compile(
    r"(?:印发|转发|批转|颁布|发布)\s*[《〈](?P<q>[^》〉]{4,80})[》〉]|[《〈](?P<q2>[^》〉]{4,80})[》〉][^。]{0,30}?(?:现|予以)?"
    r"(?:(?:印发|转发)给你们|现予公布|予以公布)|(?:关于)?(?:印发|转发|批转)(?P<bare>[^《》〈〉]{4,80}?)的(?:通知|决定|通告|函)$"
)
"""The name of a document a notice prints: ``关于印发《X》的通知``, ``《X》已经…同意，现印发给你们``,
``关于印发X的通知`` → X."""
ENCLOSURE_KEY = re.compile(r"[\s《》〈〉“”\"'（）()〔〕\[\]【】—–\-、，,。.:：]+")
"""Characters ignored when comparing an enclosure heading with the name the notice gave it:
``《临猗县…方案(2021—2025年)》`` and ``临猗县…方案（2021—2025年）`` compare equal."""


def forwarded_name(text: str) -> str | None:
    """``关于印发《临猗县…方案(2021—2025年)》的通知`` → ``临猗县…方案(2021—2025年)``."""
    m = FORWARDED_NAME.search(text)
    if not m:
        return None
    return m.group("q") or m.group("q2") or m.group("bare")


def same_document_name(line: str, expected: str) -> bool:
    """The heading names the expected document (ignoring brackets, spaces, punctuation; a subtitle may
    be split off): ``临猗县…实施方案`` vs ``临猗县…实施方案(2021—2025年)``."""
    a, b = ENCLOSURE_KEY.sub("", line), ENCLOSURE_KEY.sub("", expected)
    if not a or not b:
        return False
    return a == b or (b.startswith(a) and len(a) >= max(4, len(b) // 2)) or (a.startswith(b) and len(a) - len(b) <= 12)


def is_sentence(text: str) -> bool:
    """Body prose: long, or containing a sentence end inside."""
    return len(text) >= 60 or "。" in text[:-1] or bool(SENTENCE_END.search(text) and len(text) > 30)


def title_kind(text: str) -> str | None:
    """The 文种 at the end of a title: ``…的通知`` → ``通知``."""
    m = TITLE_KIND.search(text.rstrip("。 "))
    return m.group("kind") if m else None


PORTAL_CATEGORY = re.compile(
    r"^(?:通知|公示|公告|通告|政府|部门|政务|信息|工作|最新|重要)*(?:公告|通告|通知|文件|动态)$"
)
"""A portal column name at the end of a breadcrumb, never a document's title: ``通知公告``, ``公示公告``."""
TITLE_MIN = 6
"""A title has at least this many characters (``关于…的函`` is five at the very least)."""


def opens_title(line: Line) -> bool:
    """The first line of a title: title-like, not a bare portal column name, not too short."""
    return len(line.text) >= TITLE_MIN and not PORTAL_CATEGORY.match(line.text) and looks_like_title(line)


def looks_like_title(line: Line) -> bool:
    """A title line: marked as heading or centred, or ending in a 文种 / containing 关于, with no sentence end."""
    t = line.text
    if len(t) > 120 or t.endswith(("：", ":", "。")) or "。" in t:
        return False
    if line.heading or line.align == "center":
        return True
    return len(t) <= 80 and (title_kind(t) is not None and ("关于" in t or len(t) <= 40))
