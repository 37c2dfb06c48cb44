"""Named regular expressions for 公文 elements (one table, each with examples).

Character classes used throughout:
``CJK`` — Han ideographs, 〇/○ and full-width CJK punctuation.
"""

from __future__ import annotations

import regex as re

CJK = r"\p{Han}〇○"
"""Han ideographs plus the two circles used as zero."""

SENTENCE_END = re.compile(r"[。！？!?；;…」』”’）)\]】]$")
"""Text that ends a sentence or a bracketed remark: ``…执行。``, ``（此件公开发布）``."""
CLAUSE_END = re.compile(r"[。！？!?；;：:]$")
"""A line ending a sentence or introducing a list: ``…如下：``."""

ORDER_NUMBER = re.compile(r"^第\s*(?P<serial>\d{1,6})\s*号$")
"""令号 of a 命令（令）, alone on its line under the ``…令`` masthead: ``第12号``, ``第 5 号`` (GB/T 9704 10.3)."""
DOC_NUMBER = re.compile(
    r"(?P<code>[\p{Han}A-Za-z](?:\s?[\p{Han}A-Za-z]){0,23}?)\s*"
    r"(?P<open>[〔\[［【(（„‟{｛<《]?)\s*(?P<year>(?:19|20)\d{2})\s*(?P<close>[〕\]］】)）‟”}｝>》]?)\s*"
    r"(?P<di>第\s*)?(?P<serial>\d{1,5})\s*号"
)
"""发文字号 in any bracket style: ``临政办发〔2022〕58号``, ``鲁商字 [2025] 1号``, ``岚纪办[2012]2号``,
``国防部发（2012）21号``, ``浙人才„1993‟73号``, ``临政办发2022 58号`` (missing brackets)."""
DOC_NUMBER_LINE = re.compile(rf"^\s*{DOC_NUMBER.pattern}\s*$")
"""A line that is only a 发文字号: ``临政办发〔2022〕58号`` (not ``…（晋改办发〔2021〕93号，以下简称…）``)."""
DOC_NUMBER_PLACEHOLDER = re.compile(
    r"^\S{0,24}[〔\[［【(（]\s*(?:\d{4}|[Xx×]{2,4})\s*[〕\]］】)）]\s*[Xx×\d]{0,5}\s*号$"
)
"""A template's placeholder 发文字号: ``XXX〔2023〕X号``, ``X〔XXXX〕X号``."""
MINUTES_MARK = re.compile(r"^(?P<mark>.{0,30}?纪要)$")
"""纪要格式 masthead: ``会议纪要``, ``XX县人民政府常务会议纪要``."""
ISSUE_NUMBER = re.compile(r"^(?:[〔\[［(（]\s*\d{4}\s*[〕\]］)）])?\s*第\s*\d{1,4}\s*期$")
"""期号 under a 纪要 masthead: ``〔2020〕第6期``, ``第12期``."""
SEAL_PLACEHOLDER = re.compile(r"^[（(][^）)]{0,30}(?:印章|盖章|签章)[^）)]{0,30}[）)]$")
"""A seal placeholder between 署名 and date: ``（此处添加印章图片或文字说明）``."""
SIGNER = re.compile(r"签\s*发\s*人\s*[：:]\s*(?P<names>.+)$")
"""``签发人：张三 李四`` (on the 发文字号 line, right side)."""

COPY_NUMBER = re.compile(r"^(?:份号\s*[：:]?\s*)?(?P<num>\d{6})$")
"""份号: ``000123``."""
SECRECY = re.compile(r"^(?:密\s*级\s*[：:]\s*)?(?P<level>绝密|机密|秘密)\s*(?:[★☆*]\s*(?P<term>[^\s]{1,8}))?$")
"""密级和保密期限: ``机密★1年``, ``秘密``, ``绝密★长期``."""
URGENCY = re.compile(r"^(?:紧急程度\s*[：:]\s*)?(?P<level>特急|加急|特提|平急|急件|紧急)$")
"""紧急程度: ``特急``, ``加急``; archives also ``急件``, ``特提``."""

ORGAN_SUFFIX = re.compile(
    r"(?:人民政府|政府|办公室|办公厅|委员会|管委会|委|局|厅|部|院|署|会|中心|室|处|科|所|站|队|组|社|团|"
    r"党委|党组|县委|市委|省委|工委|支队|总队|大队|银行|公司|学校|法院|检察院|分局|联合会|协会|集团|"
    r"单位|基地|园区|街道|乡|镇|村|社区|政协|人大常委会|商会|研究院|研究所|事业单位|国企|学校|小学|中学|大学|学院|"
    r"幼儿园|医院|卫生院|馆|台|校|所属企业|企业|工作组|领导小组|指挥部|部门|(?<![举开承包创督代协查])办)$"
)
"""Names of organs end like ``临猗县人民政府办公室``, ``县教育局``, ``济南市发展和改革委员会``,
``各区县商务主管部门``, ``市委依法治市办`` (not ``举办``)."""

TITLE_KIND = re.compile(
    r"(?P<kind>决议|决定|命令|令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|函|纪要|会议纪要|指示|条例|规定|"
    r"办法|方案|细则|规则|规划|计划|要点|制度|标准|守则|章程|公约|意见书|批示)(?:[（(][^）)]{1,20}[）)])?$"
)
"""The 文种 at the end of a title: ``…的通知`` → 通知, ``…实施方案`` → 方案, ``…细则（试行）`` → 细则."""
FIFTEEN_KINDS = (
    "决议",
    "决定",
    "命令",
    "令",
    "公报",
    "公告",
    "通告",
    "意见",
    "通知",
    "通报",
    "报告",
    "请示",
    "批复",
    "议案",
    "函",
    "纪要",
)
"""The 15 文种 of 2012."""
FORWARDING = re.compile(r"印发|转发|批转|颁布|发布")
"""A carrier notice: ``关于印发《…》的通知``."""

ATTACHMENT_NOTE = re.compile(r"^附\s*件\s*(?P<n>\d{1,2})?\s*[：:]\s*(?P<rest>\S.*)$")
"""附件说明: ``附件：1.XXX``, ``附件:临猗县…分工表``, ``附件2：XXX``."""
ATTACHMENT_ITEM = re.compile(r"^(?P<n>\d{1,2})\s*[.．、]\s*(?P<title>\S.*)$")
"""A numbered 附件说明 item: ``2.XXX``."""
ATTACHMENT_HEAD = re.compile(r"^附\s*件\s*(?P<n>\d{1,2})?\s*[：:]?$")
"""The head of an 附件 page: ``附件``, ``附件1``, ``附件：``."""

NOTE = re.compile(r"^[（(](?P<text>(?:此件|本件|此文|联系|注[：:]).{0,200})[）)]$")
"""附注: ``（此件公开发布）``, ``(联系人：张三，电话：123)``."""
CONTACT = re.compile(
    r"^(?P<label>联\s*系\s*人|联系电话|联系方式|联系地址|地\s*址|电\s*话|传\s*真|邮\s*箱|电子邮箱|邮政编码|邮\s*编|"
    r"E-?mail|网\s*址)\s*[：:]\s*(?P<value>.*)$",
    re.I,
)
"""Contact block lines: ``联系人:李熠萍``, ``联系方式:0359—4036639``, ``邮 箱:x@y.com``."""
CC = re.compile(r"^(?P<kind>抄\s*送|抄\s*报|分\s*送)\s*[：:]\s*(?P<organs>.*?)[。.]?$")
"""版记 抄送: ``抄送：A，B，C。``, ``抄报：县四大班子领导及办公室``."""
PRINTED = re.compile(
    r"^(?P<org>.*?)\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零0Ｏ一二三四五六七八九]{4}\s*年.{1,6}日)"
    r"\s*印\s*发(?:\s*[（(]共印\s*\d+\s*份[）)])?$"
)
"""印发 line: ``临猗县人民政府办公室  2022年10月24日印发``; the organ may be on the line before."""
SUBJECT_TERMS = re.compile(r"^主\s*题\s*词\s*[：:]\s*(?P<terms>.+)$")
"""主题词: ``主题词：教育 改革 通知``."""
SUBTITLE = re.compile(r"^[（(](?P<text>[^（）()]{2,40})[）)]$")
"""副标题: ``（2021—2025年）``, ``(试行)``."""
PAGE_NUMBER = re.compile(
    r"^\s*(?:[—–\-－─~～]{1,3}\s*\d{1,4}\s*[—–\-－─~～]{1,3}|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?)\s*$"
)
"""Page furniture: ``— 3 —``, ``-3-``, ``–– 3 ––``, ``第3页 共9页``."""
ADDRESSEE_LINE = re.compile(r"^(?P<organs>[^。；;！？!?：:]{2,300}?)\s*[：:]\s*(?P<rest>.*)$")
"""主送机关 line: ``各乡(镇)人民政府、县直各有关单位:`` (text may follow in flattened input)."""
NOT_IN_ORGAN = re.compile(r"[。，；：:,;！？]")
"""Punctuation that never occurs inside an organ name (``县教育局，`` is a list, not a name)."""
WORD_SEPARATORS = re.compile(r"[\s\u3000、，,]+")
"""Separators of space-delimited names: ``主题词：教育 改革 通知``, ``济南市商务局 济南市财政局``."""
LIST_SEPARATORS = re.compile(r"\s*[、，,；;]\s*")
"""Separators of organ lists: 、 ， , ； ;"""
SHARED_TAIL = re.compile(r"(?:主要)?(?:领导|负责)同志$")
"""The tail of a 、 list that belongs to every name in it: ``县委、县人大、县政府、县政协领导同志`` is one
group (the leaders of the four), not four organs; ``市政府、市人大负责同志`` likewise."""
SHARED_HEAD_MAX = 8
"""The names before such a tail are short bare organ names (``县委``, ``县人大``)."""


def is_organ(text: str, max_len: int = 40) -> bool:
    """A short name of an organ: ``临猗县人民政府办公室``, ``县教育局``."""
    t = text.strip()
    return 2 <= len(t) <= max_len and bool(ORGAN_SUFFIX.search(t)) and not NOT_IN_ORGAN.search(t)


def secrecy_value(text: str) -> str | None:
    """``密级：机密 ★ 1年`` → ``机密★1年``; None when ``text`` is no 密级."""
    m = SECRECY.match(text)
    if not m:
        return None
    return m.group("level") + (f"★{m.group('term')}" if m.group("term") else "")


def urgency_value(text: str) -> str | None:
    """``紧急程度：特急`` → ``特急``; None when ``text`` is no 紧急程度."""
    m = URGENCY.match(text)
    return m.group("level") if m else None
