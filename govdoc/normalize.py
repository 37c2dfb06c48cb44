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

from collections.abc import Iterable
from dataclasses import replace

import regex as re

from govdoc.dates import is_date_line
from govdoc.flat import split_columns, unbox_layout_tables, unflatten
from govdoc.lines import Line, Normalized
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
    TITLE_KIND,
    is_organ,
)
from govdoc.readers.base import RawBlock

_CJK = r"\p{Han}〇○，。、；：？！“”‘’（）《》〔〕【】"
CJK_SPACE = re.compile(
    rf"(?<=[{_CJK}])[ \t\u3000\u00a0]+(?=[{_CJK}\d])"
    r"|(?<=[\d])[ \t\u3000\u00a0]+(?=[\p{Han}])"
)
"""Stray spaces: ``2025 年 1 月`` → ``2025年1月``; ``纲要 实施方案`` → ``纲要实施方案``; not ``任务 and 目标``."""
SPLIT_NUMBER = re.compile(r"(?<=(?:^|[^\d\s.])\d{1,4})[ \u00a0]+(?=\d{1,4}(?:\s*[年月日号]))")
"""A number split by letter-spaced extraction: ``济南市2 025年`` → ``济南市2025年``; ``1月2 0日`` → ``1月20日``."""
LABEL_START = re.compile(r"^[\p{Han}\s]{1,8}[：:]")
"""A line starting with a short label: ``联系人:``, ``抄送：``."""
BROKEN_SENTENCE = re.compile(r"[。，,；;、].{2,}$")
"""A short line with punctuation inside that ends open was cut mid-sentence: ``…机制。实施馆校合``."""
URL_END = re.compile(r"(?:https?://|www\.)\S+$")
"""A line ending in a web address is complete: ``公告链接：http://…html``."""
DOC_NUMBER_END = re.compile(r"[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,5}\s*号$")
"""A line ending in a 发文字号 is complete (portal metadata, the 发文字号 line): ``…某政办〔2023〕5号``."""
CLAUSE_INSIDE = re.compile(r"[。；;，,：:！？]")
"""Clause punctuation (a title has none): the ``，`` of ``为做好工作，现通知如下``."""
FLOWING_FORMATS = ("text", "markdown")
"""Formats whose blank-line-separated blocks may be pieces of one paragraph cut by a page break."""
JOIN_MIN_LENGTH = 24
"""A line shorter than this is a complete line (title, signature, label), never a broken paragraph."""


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
    if is_organ(b.text, 60) or URL_END.search(a.text) or DOC_NUMBER_END.search(a.text) or DOC_NUMBER_END.search(b.text):
        return False
    if "关于" in b.text and TITLE_KIND.search(b.text) and not CLAUSE_INSIDE.search(b.text):
        return False  # a whole title line never continues the line before it
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
                joined=True,
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


def normalize_lines(lines: list[Line], residue: list[Residue] | None = None, flowing: bool = True) -> Normalized:
    """The idempotent normalisation of lines."""
    kept: list[Residue] = residue if residue is not None else []
    staged = unflatten(split_columns(unbox_layout_tables(lines)))
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


__all__ = ["Line", "Normalized", "collapse_cjk_spaces", "normalize", "normalize_lines", "rejoin", "unflatten"]
