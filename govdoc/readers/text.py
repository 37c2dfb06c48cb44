"""Plain text and Markdown reader (I/O and syntax only).

Handles: UTF-8 with/without BOM, UTF-16 with BOM, GB18030/GBK detected without being told; Markdown
``#`` headings (kept as a hint), ``**bold**`` runs, pipe tables, tab-separated rows, HTML ``<table>``
with rowspan/colspan, image links, and simple LaTeX fragments (``$15\\%$`` → ``15%``).
"""

from __future__ import annotations

from html.parser import HTMLParser

import regex as re

from govdoc.errors import UnsupportedFormatError
from govdoc.options import ParseOptions
from govdoc.readers.base import RawBlock, RawTable, ReadResult, Run
from govdoc.readers.tables import grid_from_spans

MD_HEADING = re.compile(r"^\s{0,3}(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
"""``## 一、总体要求`` → hashes ``##``, text ``一、总体要求``."""
MD_RULE = re.compile(r"^\s{0,3}(?:([-*_])(\s*\1){2,}|[━─═—–=＝_＿\-·]{4,})\s*$")
"""Horizontal rules: Markdown ``---``, ``***``, ``___`` and drawn rules ``━━━━`` / ``════`` around a 版记."""
MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)]*)\)")
"""``![seal](images/abc.jpg)``."""
MD_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]*)\]\((?P<url>[^)\s]*)(?:\s+\"[^\"]*\")?\)")
"""A Markdown link ``[信息公开](https://…)`` → its text (the address is not document text)."""
MD_BOLD = re.compile(r"\*\*(?P<inner>.+?)\*\*")
"""``**实施科学家精神进校园行动。**`` → bold run."""
MD_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
"""``| 序号 | 工作内容 |``."""
MD_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
"""``|---|:--:|``."""
LATEX_INLINE = re.compile(r"\$(?P<inner>[^$\n]{1,80})\$")
"""``$15\\%$``, ``$2 \\mathrm{M}$``."""
LATEX_COMMAND = re.compile(r"\\(?:mathrm|text|mathbf|textbf|operatorname)\s*\{(?P<arg>[^{}]*)\}")
"""``\\mathrm{M}`` → ``M``."""
HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.S | re.I)
"""A whole HTML table, possibly over several lines: ``<table><tr><td rowspan="2">第一轮</td>…</table>``."""
MD_MARKUP_HINTS = re.compile(r"^\s{0,3}#{1,6}\s|\*\*[^*\n]+\*\*|!\[[^\]]*\]\(|<table\b|^\s*\|.*\|\s*$", re.M)
"""Evidence that a text file is Markdown: ``# 标题``, ``**加粗**``, ``![](a.jpg)``, ``<table``, ``| a | b |``."""
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters that never occur in real text files: ``\x00``, ``\x07``, ``\x1b`` (tabs and newlines are fine)."""


def decode(data: bytes, path: str | None = None) -> str:
    """Bytes → str: BOMs, UTF-8, then GB18030 (superset of GBK/GB2312); binary data is refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                text = data.decode("utf-8", errors="replace")
    sample = text[:200_000]
    if sample:
        bad = len(CONTROL_CHARS.findall(sample)) + sample.count("\ufffd")
        if bad > max(8, len(sample) // 100):
            raise UnsupportedFormatError("binary data: not a text, Markdown, PDF, DOCX or OFD file", path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_like_markdown(data: bytes) -> bool:
    """Whether the first 64 KB carry Markdown markup."""
    sample = data[:65536].decode("utf-8", errors="ignore")
    return len(MD_MARKUP_HINTS.findall(sample)) >= 2


def clean_latex(text: str) -> str:
    """``$15\\%$`` → ``15%``; ``$2 \\mathrm{M}$`` → ``2M``."""

    def one(m: re.Match[str]) -> str:
        inner = LATEX_COMMAND.sub(lambda c: c.group("arg"), m.group("inner"))
        inner = inner.replace("\\%", "%").replace("\\", "")
        return "".join(inner.split())

    return LATEX_INLINE.sub(one, text)


def inline_runs(text: str) -> tuple[Run, ...]:
    """Split ``**bold**`` markup into runs; the markers themselves are dropped."""
    runs: list[Run] = []
    pos = 0
    for m in MD_BOLD.finditer(text):
        if m.start() > pos:
            runs.append(Run(text[pos : m.start()]))
        runs.append(Run(m.group("inner"), bold=True))
        pos = m.end()
    if pos < len(text):
        runs.append(Run(text[pos:]))
    return tuple(r for r in runs if r.text)


class _HtmlTableParser(HTMLParser):
    """Collect ``<tr>``/``<td|th>`` cells with rowspan/colspan."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, int, int]]] = []
        self._cell: list[str] | None = None
        self._span = (1, 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            if not self.rows:
                self.rows.append([])
            a = dict(attrs)
            self._cell = []
            self._span = (_int(a.get("rowspan")), _int(a.get("colspan")))
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(("".join(self._cell).strip(), *self._span))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _int(value: str | None) -> int:
    try:
        return max(1, min(1000, int(value or 1)))
    except ValueError:
        return 1


def html_table(html: str) -> RawTable:
    """An HTML ``<table>`` as a grid with merges."""
    parser = _HtmlTableParser()
    parser.feed(html)
    parser.close()
    return grid_from_spans(parser.rows)


def _split_row(line: str, sep: str) -> tuple[str, ...]:
    if sep == "|":
        line = line.strip()
        line = line.removeprefix("|").removesuffix("|")
    return tuple(c.strip() for c in line.split(sep))


def _next_filled(lines: list[str], j: int) -> int:
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j


TAB_JOIN_MIN_CELLS = 3
"""Tab rows on both sides of one blank line are one table only with this many cells each (and as many):
a signature and date pushed right with tabs, or a ``联系人：…\t电话：…`` line, are not table rows."""


def _tab_cells(line: str) -> int:
    """Cells of a tab row; 0 when at most one cell has text (a paragraph indented with a tab, a signature
    or date pushed right with tabs)."""
    cells = line.split("\t")
    return len(cells) if sum(bool(c.strip()) for c in cells) >= 2 else 0


def _row_after_blanks(lines: list[str], j: int, sep: str) -> bool:
    """Line ``j`` is blank and the table goes on after the blank lines (a converter's blank line between
    two rows), rather than ending there: the next line is no row, or a header row followed by its
    ``| --- |`` starts a new pipe table; tab rows go on across one blank line only between rows of the
    same width (:data:`TAB_JOIN_MIN_CELLS`)."""
    k = _next_filled(lines, j)
    if k == j or k >= len(lines):
        return False
    if sep == "\t":
        return _tab_cells(lines[j - 1]) == _tab_cells(lines[k]) >= TAB_JOIN_MIN_CELLS
    if not MD_PIPE_ROW.match(lines[k]):
        return False
    if MD_PIPE_SEPARATOR.match(lines[k]):
        return True
    after = _next_filled(lines, k + 1)
    return not (after < len(lines) and MD_PIPE_SEPARATOR.match(lines[after]))


def _table_block(rows: list[tuple[str, ...]], first: int, last: int) -> RawBlock:
    width = max(len(r) for r in rows)
    grid = tuple(tuple(r) + ("",) * (width - len(r)) for r in rows)
    return RawBlock(kind="table", table=RawTable(rows=grid), line=first, line_end=last)


def read(data: bytes, path: str | None, options: ParseOptions) -> ReadResult:
    """Read a text or Markdown file into blocks, one per non-blank line (tables and images apart)."""
    text = decode(data, path)
    return ReadResult(blocks=list(iter_blocks(text)), format="text")


def iter_blocks(text: str) -> list[RawBlock]:
    """Blocks of a text/Markdown string. Consecutive lines of one Markdown paragraph are marked
    ``extra['soft'] == '1'`` on the later line (no blank line between them)."""
    lines = text.split("\n")
    blocks: list[RawBlock] = []
    i, n = 0, len(lines)
    prev_blank = True
    while i < n:
        raw = lines[i]
        lineno = i + 1
        if "<table" in raw.lower():
            j, chunk = i, raw
            while "</table" not in chunk.lower() and j + 1 < n and j - i < 5000:
                j += 1
                chunk += "\n" + lines[j]
            m = HTML_TABLE.search(chunk)
            if m:
                before, after = chunk[: m.start()].strip(), chunk[m.end() :].strip()
                if before:
                    blocks.append(RawBlock(runs=inline_runs(clean_latex(before)), line=lineno))
                blocks.append(RawBlock(kind="table", table=html_table(m.group(0)), line=lineno, line_end=j + 1))
                if after:
                    blocks.append(RawBlock(runs=inline_runs(clean_latex(after)), line=j + 1))
                i, prev_blank = j + 1, True
                continue
        if MD_PIPE_ROW.match(raw) or ("\t" in raw and raw.strip()):
            sep = "|" if MD_PIPE_ROW.match(raw) else "\t"
            rows: list[tuple[str, ...]] = []
            j = i
            while j < n:
                if MD_PIPE_ROW.match(lines[j]) if sep == "|" else "\t" in lines[j]:
                    if not (sep == "|" and MD_PIPE_SEPARATOR.match(lines[j])):
                        rows.append(tuple(clean_latex(c) for c in _split_row(lines[j], sep)))
                    j += 1
                elif _row_after_blanks(lines, j, sep):
                    j += 1  # a converter's blank line between two rows of one table
                else:
                    break
            if sep == "|" and not rows:  # only a separator line (| --- |): nothing to keep
                i, prev_blank = j, True
                continue
            if len(rows) >= 2 or sep == "|":
                blocks.append(_table_block(rows, lineno, j))
                i, prev_blank = j, True
                continue
            raw = raw.replace("\t", " ")
        stripped = raw.strip()
        if not stripped or MD_RULE.match(raw):
            prev_blank = True
            i += 1
            continue
        blocks.extend(_line_blocks(raw, lineno, soft=not prev_blank))
        prev_blank = False
        i += 1
    return blocks


def _line_blocks(raw: str, lineno: int, soft: bool) -> list[RawBlock]:
    heading = None
    m = MD_HEADING.match(raw)
    body = raw
    if m:
        heading, body = len(m.group("hashes")), m.group("text")
    body = MD_LINK.sub(lambda m: m.group("text"), clean_latex(body.rstrip()))
    # A hard Markdown line break (two trailing spaces) is a plain line end here.
    out: list[RawBlock] = []
    pos = 0
    extra = {"soft": "1"} if soft and heading is None else {}
    for im in MD_IMAGE.finditer(body):
        pre = body[pos : im.start()].strip()
        if pre:
            out.append(RawBlock(runs=inline_runs(pre), heading=heading, line=lineno, extra=dict(extra)))
        out.append(RawBlock(kind="image", image=im.group("alt") or im.group("src"), line=lineno))
        pos = im.end()
    rest = body[pos:].strip()
    if rest:
        out.append(RawBlock(runs=inline_runs(rest), heading=heading, line=lineno, extra=dict(extra)))
    return out
