"""Patterns shared by task extraction: header vocabulary, numbering markers, unit names, text helpers."""

from __future__ import annotations

import re

HEADER_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("seq", re.compile(r"^(?:序号|编号|序)$")),
    ("deadline", re.compile(r"时限|时间节点|完成时间|完成期限|进度安排|时间安排")),
    ("lead", re.compile(r"牵头|主责|主办")),
    ("partner", re.compile(r"配合|参与|协办|协助")),
    ("resp", re.compile(r"责任(?:单位|部门|主体)|负责(?:单位|部门)|承办(?:单位|部门)|实施(?:单位|部门)")),
    ("category", re.compile(r"^(?:名称|类别|任务类别|类型|项目类别|领域|分类|板块)$")),
    (
        "task",
        re.compile(
            r"工作内容|工作任务|重点任务|具体措施|主要任务|工作要求|任务内容|工作措施|主要内容|具体任务"
            r"|重点工作|任务名称|工作事项|目标任务|主要措施|^(?:任务|措施|内容|事项|项目)$"
        ),
    ),
)
"""Header label → canonical column role, first match wins (GB/T 9704 notes §6).

``配合/责任单位`` → partner (配合 is tested before 责任); ``责任单位`` → resp (a lead column when the
table has no 牵头 column, else partners); ``工作内容`` → task.
"""

CN_DIGITS = "一二三四五六七八九十百零〇"
"""Chinese numerals used in markers."""

MARKER = re.compile(
    r"(?P<cn_paren>[（(][一二三四五六七八九十百]{1,4}[）)])"
    r"|(?P<arabic_paren>[（(]\d{1,3}[）)])"
    r"|(?<![\d.．])(?P<arabic>\d{1,3})[、.．](?!\d)"
    r"|(?P<cn_dun>[一二三四五六七八九十]{1,3})、"
)
"""A numbering marker inside flowing text: ``（二十三）``, ``（2）``, ``12.`` / ``1、``, ``五、``."""

UNIT_SUFFIX = re.compile(
    r"(?:局|委|办|部|厅|院|会|中心|站|所|科|室|处|队|政府|公司|单位|部门|行|馆|团|联|协|校|社|组|署|台|司|"
    r"委员会|办公室|指挥部|集团|分局|支局|大队|支队|街道|乡|镇)(?:[（(][^）)]{1,20}[）)])?$"
)
"""The end of a unit (单位) name: ``县教育局``, ``团县委``, ``县妇联``, ``各乡镇人民政府（街道办事处）``."""

UNIT_BOUNDARY = re.compile(r"(?<=[局委办部厅院会心站所科室处队府司])(?=[区县市省各])")
"""Between two names glued together by flattening: ``区经济发展局区行政审批局`` → two names."""

ASSIGN_LABEL = re.compile(
    r"(?P<label>牵头单位|牵头部门|主责单位|责任单位|责任部门|配合单位|配合部门|参与单位|协办单位)\s*[:：]"
)
"""An assignment label with its colon: ``牵头单位：``, ``责任单位:``."""

SENTENCE_END = re.compile(r"[。！？!?；;]")
"""The end of a sentence (or clause) in flowing text."""

CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")
"""Whitespace next to a CJK character (wrapping in cells): ``实施青少年\\n科学素质`` → joined."""

MULTI_SPACE = re.compile(r"\s+")
"""Runs of whitespace."""


def squash(text: str) -> str:
    """Join wrapped cell text: whitespace next to CJK goes, other runs become one space."""
    return MULTI_SPACE.sub(" ", CJK_SPACE.sub("", text)).strip()


def role_of(label: str) -> str | None:
    """The canonical role of one header label, or None: ``牵头部门`` → ``lead``."""
    text = squash(label).replace(" ", "")
    if not text or len(text) > 16:
        return None
    for role, pattern in HEADER_ROLES:
        if pattern.search(text):
            return role
    return None


def strip_marker(marker: str) -> str:
    """A marker for a section path: ``三、`` → ``三``, ``1.`` → ``1``, ``（二）`` unchanged."""
    return marker.strip().rstrip("、.．")


def looks_like_units(names: list[str]) -> bool:
    """True when every name ends like a unit (:data:`UNIT_SUFFIX`) and none is prose."""
    return bool(names) and all(UNIT_SUFFIX.search(n) and "。" not in n for n in names)
