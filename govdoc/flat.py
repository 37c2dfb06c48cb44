"""Flattened text: portal pages whose text arrives on one or a few long lines.

``unflatten`` splits such lines at the white space between CJK segments (never inside brackets or quotes) and
un-glues elements that lost their line break (a date glued to the next title, a 发文字号 glued to the title, a
numbering marker after a sentence end). Applying it again splits nothing more.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

import regex as re

from govdoc.dates import DATE_ARABIC, DATE_CHINESE, is_date_line
from govdoc.lines import Line
from govdoc.numbering import RANK, find_marker
from govdoc.patterns import NOTE, is_organ

FLAT_SPLIT = re.compile(r"(?<=[^\s“‘《（(〔”’])[ \t\u3000\u00a0]+(?=[^\s.,:;%)）》”’〕-])")
"""Candidate split points of flattened portal text: white space between two segments, not just inside quotes
or brackets: ``…的通知 平潭县人民政府，…`` splits; ``“4·19” 君山`` does not. :func:`_keeps_space` vetoes
the spaces that belong inside a phrase."""
UNIT_AFTER_NUMBER = re.compile(r"[年月日号时分秒元万亿个次条款项期名人户家%]")
"""What follows a number inside a phrase: ``2025 年``, ``3 月``, ``120 份`` (a space there is no split)."""
SPACED_LABEL = re.compile(r"(?P<label>索\s+引\s+号|标\s+题|有\s+效\s+性|主\s+题\s+词|发\s+文\s+字\s+号)(?=\s*[：:])")
"""A portal or 版记 label typed with spaces between its letters: ``标 题：``, ``索 引 号：`` (closed up first)."""
GLUED_DATE = re.compile(
    rf"^(?P<head>[^\d，。；：:,]{{0,40}}?)(?P<date>(?:{DATE_ARABIC.pattern.replace('?P<', '?P<a')}|"
    rf"{DATE_CHINESE.pattern.replace('?P<', '?P<c')}))(?P<rest>.*)$"
)
"""A date glued to its neighbours in flattened text: ``平潭综合实验区管委会2016年4月6日`` (signature + date),
``2024年5月22日平潭综合实验区…工作方案`` (date + the next title)."""
GLUED_LEAD = re.compile(
    r"^(?P<head>(?:抄\s*送|抄\s*报|分\s*送)[：:][^。]{2,300}。|[\p{Han}A-Za-z]{1,20}[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]"
    r"\s*\d{1,5}\s*号)(?P<rest>\S.+)$"
)
"""Elements glued to the next text in flattened pages: ``抄送：区财政金融局。平潭…办法`` and
``岚综管综〔2015〕36号平潭综合实验区管委会关于…``."""
GLUED_TITLE = re.compile(
    r"^(?P<head>[^。，：:]{4,100}?的(?:通知|决定|批复|通报|意见|公告|通告|函|报告))(?P<rest>[^。]{2,200}[：:].*)$"
)
"""A title glued to the 主送机关: ``…委员会的通知区直各单位，各片区开发管理局：``."""
GLUED_MARKER = re.compile(
    r"(?<=[。；！？：;:!?])(?=(?:[一二三四五六七八九十]{1,3}、(?![一二三四五六七八九十])|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|第[一二三四五六七八九十百]{1,4}[章条])(?:\S|$))"
)
"""A 一、, （一） or 第N章 marker right after a sentence end or colon (full- or half-width) inside flattened text:
``…成效。二、强化措施``, ``…以下3份文件:一、《…》``, ``…工作;第三章 资金管理``."""
SEQUEL_MARKER = re.compile(
    r"(?<=[\p{Han}）)》”」])(?<![第条款项章节表图分件一二三四五六七八九十百零〇两])"
    r"(?=(?:[一二三四五六七八九十]{1,3}\s*、(?![一二三四五六七八九十])|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)](?![项款目条号]))"
    r"\s*[\p{Han}《“])"
)
"""Where a 一、 or （一） marker may be glued to the text before it with no punctuation at all:
``…各片区管理局二、实施消费品…``, ``…资源生态局（二）加快…``. Split there only when the marker is the next
one of its style (:func:`split_sequels`); never inside a numeral (``二十二、``), in a run of numerals
(``二、三级医院``, ``三、四季度``) or in a reference (``第（二）项``, ``本条（二）``, ``附表二、``, ``第三部分（二）``,
``附件（一）格式``, ``（二）项``)."""
SEQUEL_STYLES = ("cn_dun", "cn_paren")
"""Marker styles split by sequence (Arabic numbers glue to quantities too often)."""
GLUED_ARTICLE = re.compile(r"^(?P<head>\p{Han}{2,12}?)(?P<art>第[一二三四五六七八九十百]{1,4}条)$")
"""A chapter title glued to the next article marker in flattened text: ``总则第一条``."""
TITLE_BREAK_AFTER = (
    "前",
    "后",
    "起",
    "至",
    "以",
    "止",
    "印",
    "，",
    "、",
    "至",
    "到",
    "的",
    "（",
    "(",
    "）",
    "，",
)
"""What may follow a date inside a sentence (then the date is not glued to a new line)."""
FLAT_MIN_LENGTH = 150
"""Lines at least this long with several CJK-space-CJK gaps are treated as flattened pages."""
FLAT_MIN_GAPS = 3
"""…and at least this many gaps."""
FLAT_DOCUMENT_LINES = 12
"""A text of at most this many lines, one of them long, is a flattened page: every gap splits."""
LAYOUT_MAX_ROWS = 3
"""A table of at most this many rows…"""
LAYOUT_MAX_COLUMNS = 3
"""…and columns may be a layout box around 公文 elements."""
LAYOUT_ELEMENT = re.compile(
    r"^(?:抄\s*送|抄\s*报|分\s*送)\s*[：:]|印\s*发$|签\s*发\s*人\s*[：:]"
    r"|^\S{1,24}[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,5}\s*号$"
)
"""A cell that holds a 公文 element: ``抄送：…``, ``…印发``, ``签发人：…``, a 发文字号."""
COLUMN_GAP = re.compile(r"(?:[ \u00a0]{2,}|\u3000+|\t+)\s*")
"""The gap between side-by-side columns on one line: two or more spaces, ideographic spaces or tabs:
``广饶县公安局　　　广饶县交通运输局``."""
OPENERS = "（(《“‘〔【［"
"""Opening brackets and quotes: no flat split inside them."""
CLOSERS = "）)》”’〕】］"
"""Closing brackets and quotes."""


def _keeps_space(text: str, start: int, end: int) -> bool:
    """A space inside a phrase: between Latin words or numbers (``QQ 空间`` aside), or a number and its unit."""
    left, right = text[start - 1], text[end]
    if left.isascii() and left.isalnum() and right.isascii() and right.isalnum():
        return True
    return left.isdigit() and bool(UNIT_AFTER_NUMBER.match(right))


def flat_gaps(text: str) -> list[re.Match[str]]:
    """The split points of a flattened line (FLAT_SPLIT minus the vetoed spaces)."""
    return [m for m in FLAT_SPLIT.finditer(text) if not _keeps_space(text, m.start(), m.end())]


def _flat_parts(text: str) -> list[str]:
    """Split at flat gaps that are not inside brackets or quotes."""
    parts, start, depth, pos = [], 0, 0, 0
    for m in flat_gaps(text):
        for ch in text[pos : m.start()]:
            depth += ch in OPENERS
            depth -= ch in CLOSERS and depth > 0
        pos = m.start()
        if depth == 0:
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return parts


def _is_flat_document(lines: list[Line]) -> bool:
    text_lines = [x for x in lines if x.kind == "text" and not x.joined]
    return 0 < len(text_lines) <= FLAT_DOCUMENT_LINES and max(len(x.text) for x in text_lines) >= 80


def _column_parts(text: str) -> list[str] | None:
    parts = [p for p in COLUMN_GAP.split(text.strip()) if p]
    if len(parts) < 2 or not all(is_organ(p, 40) or is_date_line(p) for p in parts):
        return None
    return parts


def unbox_layout_tables(lines: list[Line]) -> list[Line]:
    """A small table that only lays out 公文 elements (``| 某财呈〔2023〕41号 | 签发人：马振华 |``, a 版记 of
    抄送 and 印发 cells) becomes text lines, one per row, cells joined by an ideographic space. Idempotent."""
    out: list[Line] = []
    for line in lines:
        table = line.table
        if line.kind != "table" or table is None or len(table.rows) > LAYOUT_MAX_ROWS:
            out.append(line)
            continue
        rows = [[(c or "").strip() for c in row] for row in table.rows]
        cells = [c for row in rows for c in row if c]
        if (
            not cells
            or max(len(r) for r in rows) > LAYOUT_MAX_COLUMNS
            or not any(LAYOUT_ELEMENT.search(c) for c in cells)
        ):
            out.append(line)
            continue
        for row in rows:
            text = "\u3000".join(c for c in row if c)
            if text:
                out.append(replace(line, kind="text", text=text, raw=text, table=None, bold_lead=None))
    return out


def split_columns(lines: list[Line]) -> list[Line]:
    """Organs (and dates) set side by side on one line — joint signatures, a 纪要's office and date — become
    one line each: ``广饶县公安局　　　广饶县交通运输局`` → two lines. Idempotent."""
    out: list[Line] = []
    for line in lines:
        parts = _column_parts(line.text) if line.kind == "text" else None
        if parts is None:
            out.append(line)
            continue
        out.extend(replace(line, text=p, raw=p, bold_lead=None) for p in parts)
    return out


def unflatten(lines: list[Line]) -> list[Line]:
    """Split flattened portal lines at CJK-space-CJK gaps; unglue dates from neighbouring text."""
    out: list[Line] = []
    whole = _is_flat_document(lines)
    for line in lines:
        gaps = len(flat_gaps(line.text)) if line.kind == "text" else 0
        if (
            line.kind != "text"
            or line.flat
            or line.joined
            or line.heading
            or not ((len(line.text) >= FLAT_MIN_LENGTH and gaps >= FLAT_MIN_GAPS) or (whole and gaps))
        ):
            out.append(line)
            continue
        for part in _flat_parts(SPACED_LABEL.sub(lambda m: "".join(m.group("label").split()), line.text)):
            for piece in _unglue(part.strip()):
                if piece:
                    out.append(replace(line, text=piece, raw=piece, flat=True, bold_lead=None, soft=False))
    return split_sequels(out)


def _sequel_cut(text: str, last: dict[str, int], restarted: set[str]) -> int | None:
    """Where the next marker of a style already seen is glued inside ``text`` (see :data:`SEQUEL_MARKER`)."""
    for m in SEQUEL_MARKER.finditer(text):
        marker = find_marker(text[m.start() :])
        if marker is None or marker.style not in last:
            continue
        if marker.ordinal == last[marker.style] + 1 or (marker.ordinal == 1 and marker.style in restarted):
            return m.start()
    return None


def split_sequels(lines: list[Line]) -> list[Line]:
    """Split flattened lines before a glued marker that continues the numbering seen so far: after
    ``（一）…`` a ``（二）`` inside a later flattened segment starts a line even with no punctuation
    before it. After a marker of an outer style the inner numbering may also restart (``二、`` then
    ``（一）``) or go on (``五、`` then ``（二十二）``)."""
    if not any(line.flat for line in lines):
        return lines  # nothing was flattened (every PDF, DOCX and most text): no marker to look for
    out: list[Line] = []
    last: dict[str, int] = {}
    restarted: set[str] = set()
    queue = list(reversed(lines))
    while queue:
        line = queue.pop()
        marker = find_marker(line.text) if line.kind == "text" else None
        if marker and marker.style in SEQUEL_STYLES:
            last[marker.style] = marker.ordinal
            restarted.discard(marker.style)
            restarted.update(s for s in SEQUEL_STYLES if RANK[s] > RANK[marker.style] and s in last)
        cut = _sequel_cut(line.text, last, restarted) if line.flat and line.kind == "text" else None
        if cut is None:
            out.append(line)
            continue
        head, tail = line.text[:cut], line.text[cut:]
        out.append(replace(line, text=head, raw=head))
        queue.append(replace(line, text=tail, raw=tail, bold_lead=None, soft=False))
    return out


def _split_markers(text: str) -> list[str]:
    """Split a flattened segment before a numbering marker that follows a sentence end:
    ``…落实责任。二、强化措施…`` → two segments (only 一、 and （一） styles, which never start a sentence)."""
    cuts = [m.start() for m in GLUED_MARKER.finditer(text)]
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds) if text[a:b]]


def _unglue(text: str) -> list[str]:
    """Split a flattened segment where an element is glued to its neighbour (see the GLUED_* patterns)."""
    parts = _split_markers(text)
    if len(parts) > 1:
        return [piece for part in parts for piece in _unglue(part)]
    m = GLUED_ARTICLE.match(text)
    if m:
        return [m.group("head"), m.group("art")]
    m = GLUED_LEAD.match(text)
    if m:
        return [m.group("head"), *_unglue(m.group("rest"))]
    m = GLUED_TITLE.match(text)
    if m and "关于" in m.group("head"):
        return [m.group("head"), *_unglue(m.group("rest"))]
    m = GLUED_DATE.match(text)
    rest_is_note = bool(m and NOTE.match(m.group("rest")))
    if (
        not m
        or is_date_line(text)
        or m.group("rest") == "印发"
        or (m.group("rest").startswith(TITLE_BREAK_AFTER) and not rest_is_note)
    ):
        return [text]
    head, date, rest = m.group("head"), m.group("date"), m.group("rest")
    if head and not is_organ(head, 40):
        return [text]
    if rest and not head and (len(rest) > 100 or "。" in rest):
        return [text]
    return [p for p in (head, date) if p] + (_unglue(rest) if rest else [])
