"""Normalization: reader blocks → clean :class:`Line` objects. Idempotent step by step.

Guarantees (each tested):
- ``unflatten``: a portal page flattened onto one long line is split at the white space between CJK
  segments; nothing else is split. Applying it again splits nothing more.
- ``collapse_cjk_spaces``: white space between two CJK characters, or between CJK and a digit, is removed
  (``2025 年 1 月`` → ``2025年1月``); spaces next to Latin letters stay (``任务 and 目标``).
- ``drop_furniture``: page numbers (``— 3 —``) leave the text and go to residue with reason ``page_number``.
- ``rejoin``: a paragraph broken by a page break or a converter (``强`` + ``化政策法规``) is re-joined — never
  across a numbering marker, after a sentence end, across a heading, or into a label/date/short line.
No character is dropped silently: everything removed goes to ``residue``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import regex as re

from govdoc.dates import DATE_ARABIC, DATE_CHINESE, is_date_line
from govdoc.model import Provenance, Residue
from govdoc.numbering import find_marker
from govdoc.patterns import (
    ADDRESSEE_LINE,
    ATTACHMENT_HEAD,
    ATTACHMENT_NOTE,
    CLAUSE_END,
    CONTACT,
    PAGE_NUMBER,
    SENTENCE_END,
    is_organ,
)
from govdoc.readers.base import RawBlock, RawTable

_CJK = r"\p{Han}〇○，。、；：？！“”‘’（）《》〔〕【】"
CJK_SPACE = re.compile(
    rf"(?<=[{_CJK}])[ \t\u3000\u00a0]+(?=[{_CJK}\d])"
    r"|(?<=[\d])[ \t\u3000\u00a0]+(?=[\p{Han}])"
)
"""Stray spaces: ``2025 年 1 月`` → ``2025年1月``; ``纲要 实施方案`` → ``纲要实施方案``; not ``任务 and 目标``."""
SPLIT_NUMBER = re.compile(r"(?<=(?:^|[^\d\s.])\d{1,4})[ \u00a0]+(?=\d{1,4}(?:\s*[年月日号]))")
"""A number split by letter-spaced extraction: ``济南市2 025年`` → ``济南市2025年``; ``1月2 0日`` → ``1月20日``."""
FLAT_SPLIT = re.compile(r"(?<=[^\sA-Za-z0-9“‘《（(〔”’])[ \t\u3000\u00a0]+(?=[^\sA-Za-z0-9.,:;%)）》”’〕-])")
"""Split points of flattened portal text: spaces between CJK segments (not between Latin words/digits,
not just inside quotes or brackets): ``…的通知 平潭县人民政府，…`` splits; ``“4·19” 君山`` does not."""
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
    r"(?<=[。；！？：])(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|第[一二三四五六七八九十百]{1,4}[章条])(?:\S|$))"
)
"""A 一、 or （一） marker right after a sentence end or colon inside flattened text: ``…成效。二、强化措施``."""
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
LABEL_START = re.compile(r"^[\p{Han}\s]{1,8}[：:]")
"""A line starting with a short label: ``联系人:``, ``抄送：``."""
BROKEN_SENTENCE = re.compile(r"[。，,；;、].{2,}$")
"""A short line with punctuation inside that ends open was cut mid-sentence: ``…机制。实施馆校合``."""
FLAT_MIN_LENGTH = 150
"""Lines at least this long with several CJK-space-CJK gaps are treated as flattened pages."""
FLAT_MIN_GAPS = 3
"""…and at least this many gaps."""
FLAT_DOCUMENT_LINES = 5
"""A text of at most this many lines, one of them long, is a flattened page: every gap splits."""
OPENERS = "（(《“‘〔【［"
"""Opening brackets and quotes: no flat split inside them."""
CLOSERS = "）)》”’〕】］"
"""Closing brackets and quotes."""
URL_END = re.compile(r"(?:https?://|www\.)\S+$")
"""A line ending in a web address is complete: ``公告链接：http://…html``."""
FLOWING_FORMATS = ("text", "markdown")
"""Formats whose blank-line-separated blocks may be pieces of one paragraph cut by a page break."""
JOIN_MIN_LENGTH = 24
"""A line shorter than this is a complete line (title, signature, label), never a broken paragraph."""


@dataclass
class Line:
    """A normalised line or paragraph with its style hints."""

    text: str
    kind: str = "text"
    raw: str = ""
    """Text before space collapsing (for fields where spaces separate names)."""
    bold_lead: str | None = None
    """The leading bold text when the paragraph starts with a bold run."""
    all_bold: bool = False
    heading: int | None = None
    align: str | None = None
    size: float | None = None
    color: str | None = None
    indent: float | None = None
    table: RawTable | None = None
    image: str | None = None
    source: Provenance = field(default_factory=Provenance)
    soft: bool = False
    """Continues the previous line's Markdown paragraph (no blank line between)."""
    page_break_before: bool = False
    flat: bool = False
    """Came from splitting a flattened line."""


@dataclass
class Normalized:
    """Normalised lines and the text set aside."""

    lines: list[Line]
    residue: list[Residue]


def _bold_lead(block: RawBlock) -> str | None:
    lead: list[str] = []
    for run in block.runs:
        if not run.text.strip() and lead:
            lead.append(run.text)
            continue
        if not run.bold:
            break
        lead.append(run.text)
    text = "".join(lead).strip()
    return text or None


def to_line(block: RawBlock) -> Line:
    """One reader block → one line (no cleaning yet)."""
    text = block.text.strip()
    return Line(
        text=text,
        kind=block.kind,
        raw=text,
        bold_lead=_bold_lead(block),
        all_bold=block.all_bold,
        heading=block.heading,
        align=block.align,
        size=block.size,
        color=block.color,
        indent=block.indent,
        table=block.table,
        image=block.image,
        soft=block.extra.get("soft") == "1",
        page_break_before=block.page_break_before,
        source=Provenance.model_construct(
            page=block.page, bbox=block.bbox, line_start=block.line, line_end=block.line_end or block.line
        ),
    )


def collapse_cjk_spaces(text: str) -> str:
    """Remove stray spaces between CJK characters and between CJK and digits (idempotent)."""
    return SPLIT_NUMBER.sub("", CJK_SPACE.sub("", text)).strip()


def _flat_parts(text: str) -> list[str]:
    """Split at FLAT_SPLIT gaps that are not inside brackets or quotes."""
    parts, start, depth, pos = [], 0, 0, 0
    for m in FLAT_SPLIT.finditer(text):
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
    text_lines = [x for x in lines if x.kind == "text"]
    return 0 < len(text_lines) <= FLAT_DOCUMENT_LINES and max(len(x.text) for x in text_lines) >= 80


def unflatten(lines: list[Line]) -> list[Line]:
    """Split flattened portal lines at CJK-space-CJK gaps; unglue dates from neighbouring text."""
    out: list[Line] = []
    whole = _is_flat_document(lines)
    for line in lines:
        gaps = len(FLAT_SPLIT.findall(line.text)) if line.kind == "text" else 0
        if (
            line.kind != "text"
            or line.flat
            or line.heading
            or not ((len(line.text) >= FLAT_MIN_LENGTH and gaps >= FLAT_MIN_GAPS) or (whole and gaps))
        ):
            out.append(line)
            continue
        for part in _flat_parts(line.text):
            for piece in _unglue(part.strip()):
                if piece:
                    out.append(replace(line, text=piece, raw=piece, flat=True, bold_lead=None, soft=False))
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
    if (
        not m
        or is_date_line(text)
        or m.group("rest").startswith(TITLE_BREAK_AFTER)
        or m.group("rest") == "印发"
    ):
        return [text]
    head, date, rest = m.group("head"), m.group("date"), m.group("rest")
    if head and not is_organ(head, 40):
        return [text]
    if rest and not head and (len(rest) > 100 or "。" in rest):
        return [text]
    return [p for p in (head, date) if p] + (_unglue(rest) if rest else [])


def drop_furniture(lines: list[Line], residue: list[Residue]) -> list[Line]:
    """Page numbers out of the text, into residue."""
    out = []
    for line in lines:
        if line.kind == "text" and PAGE_NUMBER.match(line.text):
            residue.append(Residue(text=line.text, reason="page_number", source=line.source))
            continue
        out.append(line)
    return out


def _is_open_end(text: str) -> bool:
    return not SENTENCE_END.search(text) and not CLAUSE_END.search(text)


def _joinable(a: Line, b: Line, flowing: bool) -> bool:
    if a.kind != "text" or b.kind != "text" or a.heading or b.heading:
        return False
    if not (b.soft or b.page_break_before or flowing):
        return False
    if ATTACHMENT_HEAD.match(b.text) or (ATTACHMENT_NOTE.match(a.text) and not b.soft):
        return False
    marker = find_marker(a.text)
    if marker and "。" not in marker.rest:
        return False
    if any(x.align in ("center", "right") for x in (a, b)) or a.flat or b.flat:
        return False
    if not _is_open_end(a.text) or is_organ(a.text, 60):
        return False
    if len(a.text) < JOIN_MIN_LENGTH and not BROKEN_SENTENCE.search(a.text):
        return False
    if find_marker(b.text) or is_date_line(b.text) or LABEL_START.match(b.text) or CONTACT.match(b.text):
        return False
    if is_organ(b.text, 60) or URL_END.search(a.text):
        return False
    if b.bold_lead and not a.all_bold:
        return False
    m = ADDRESSEE_LINE.match(b.text)
    return not (m and not m.group("rest") and len(b.text) < 60)


def rejoin(lines: list[Line], flowing: bool = True) -> list[Line]:
    """Re-join paragraphs broken inside a sentence (idempotent: joined lines end no open sentence).

    ``flowing``: the source's blocks are converter paragraphs (text, Markdown) where a page break left a
    blank line; for paged and word-processor formats only blocks marked ``page_break_before`` or ``soft``
    are candidates (their readers already built the paragraphs)."""
    out: list[Line] = []
    for line in lines:
        if out and _joinable(out[-1], line, flowing):
            prev = out[-1]
            end = line.source.line_end or line.source.line_start
            out[-1] = replace(
                prev,
                text=prev.text + line.text,
                raw=prev.raw + line.raw,
                all_bold=prev.all_bold and line.all_bold,
                source=prev.source.model_copy(update={"line_end": end}) if end else prev.source,
            )
            continue
        out.append(line)
    return out


def clean_text(lines: Iterable[Line]) -> list[Line]:
    """Collapse stray CJK spaces in every text line and bold lead."""
    out = []
    for line in lines:
        if line.kind == "text":
            line.text = collapse_cjk_spaces(line.text)
            line.bold_lead = collapse_cjk_spaces(line.bold_lead) if line.bold_lead else None
            if not line.text:
                continue
        out.append(line)
    return out


def normalize_lines(
    lines: list[Line], residue: list[Residue] | None = None, flowing: bool = True
) -> Normalized:
    """The idempotent normalisation of lines."""
    kept: list[Residue] = residue if residue is not None else []
    staged = unflatten(lines)
    staged = drop_furniture(staged, kept)
    staged = clean_text(staged)
    staged = rejoin(staged, flowing)
    return Normalized(lines=staged, residue=kept)


def normalize(blocks: list[RawBlock], fmt: str = "text") -> Normalized:
    """Reader blocks → normalised lines (furniture flagged by the reader goes to residue)."""
    residue: list[Residue] = []
    lines = []
    for block in blocks:
        line = to_line(block)
        if block.furniture:
            if line.text:
                residue.append(Residue(text=line.text, reason="page_furniture", source=line.source))
            continue
        if line.kind == "text" and not line.text:
            continue
        lines.append(line)
    return normalize_lines(lines, residue, flowing=fmt in FLOWING_FORMATS)
