"""Rules for the 版头 and the title: 份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人, 标题, 主送机关."""

from __future__ import annotations

import regex as re

from govdoc.classify.common import (
    MASTHEAD,
    PORTAL_FURNITURE,
    PORTAL_STRONG,
    PORTAL_VALUE,
    is_sentence,
    looks_like_title,
    opens_title,
)
from govdoc.classify.state import Match, State
from govdoc.dates import is_date_line
from govdoc.numbering import find_marker
from govdoc.patterns import (
    ADDRESSEE_LINE,
    COPY_NUMBER,
    DOC_NUMBER,
    DOC_NUMBER_LINE,
    DOC_NUMBER_PLACEHOLDER,
    ISSUE_NUMBER,
    LIST_SEPARATORS,
    MINUTES_MARK,
    ORDER_NUMBER,
    SIGNER,
    SUBTITLE,
    TITLE_KIND,
    WORD_SEPARATORS,
    is_organ,
    secrecy_value,
    urgency_value,
)

PORTAL_LABEL = re.compile(r"[\p{Han}]{2,4}\s*[：:]")
"""A ``标签：`` of a portal metadata line (two or more on one line mark the line as metadata)."""
MAX_MARK_LINES = 8
BARE_ORGAN_TYPE = re.compile(r"^(?:办公室|办公厅|委员会|党组|工作委员会|管理委员会|领导小组办公室)$")
"""A masthead line that only names the kind of office, continuing the organ above: ``办公室文件``."""
MASTHEAD_TAIL = re.compile(r"\s*文\s*件\s*$")
"""The ``文件`` that closes a 发文机关标志 line: ``济南市商务局 济南市财政局文件``."""
MAX_TITLE_LINES = 6
"""Most lines a title is wrapped or split over (several organs and a long 事由)."""
CLAUSE_INSIDE = re.compile(r"[。：:；;]")
"""Punctuation that never occurs in a title line: ``现将有关事项通知如下：`` is no title."""
PERSON_ADDRESSEE = re.compile(r"^[\p{Han}·]{2,12}(?:代表|委员|同志|先生|女士|老师|主任|局长)$")
"""A person addressed by name (answers to 建议/提案): ``孙明华代表``."""
LIST_SEPARATOR_INSIDE = re.compile(r"\S[、，,]\S")
"""An organ list inside a line that may wrap before its last organ ends: ``各乡镇人民政府、…，某县经济开发区``."""
TITLE_LOOKAHEAD = 12
"""How far below a stray top line a 关于… title may start for that line to count as page furniture."""
"""Most lines a 发文机关标志 stacks (联合行文)."""


def portal_residue(state: State, i: int) -> Match | None:
    """Portal navigation, metadata labels and share buttons, anywhere."""
    line = state.lines[i]
    if line.kind != "text":
        return None
    t = line.text
    if not line.flat:
        strong = PORTAL_STRONG.match(t) or (
            state.zone in ("header", "pre_body") and PORTAL_FURNITURE.match(t) and len(PORTAL_LABEL.findall(t)) >= 2
        )
        return Match("residue", {"reason": "portal_navigation"}) if strong else None
    if PORTAL_FURNITURE.match(t) and (len(t) < 60 or t.startswith("当前位置")):
        return Match("residue", {"reason": "portal_navigation"})
    if state.zone in ("header", "pre_body") and PORTAL_VALUE.match(t):
        return Match("residue", {"reason": "portal_metadata"})
    return None


def copy_number(state: State, i: int) -> Match | None:
    """份号: six digits at the top."""
    if state.zone != "header" or state.title:
        return None
    m = COPY_NUMBER.match(state.text(i))
    return Match("copy_number", {"value": m.group("num")}) if m else None


def secrecy(state: State, i: int) -> Match | None:
    """密级和保密期限: ``机密★1年``."""
    if state.zone not in ("header", "pre_body"):
        return None
    value = secrecy_value(state.text(i))
    return Match("secrecy", {"value": value}) if value else None


def urgency(state: State, i: int) -> Match | None:
    """紧急程度: ``特急``."""
    if state.zone != "header":
        return None
    value = urgency_value(state.text(i))
    return Match("urgency", {"value": value}) if value else None


def doc_number(state: State, i: int) -> Match | None:
    """发文字号 alone on its line (签发人 may share it), before the body."""
    if state.zone not in ("header", "pre_body"):
        return None
    t = state.text(i)
    signer = SIGNER.search(state.lines[i].raw)
    head = t[: t.find("签")] if signer else t
    if not DOC_NUMBER_LINE.match(head.strip()) and not _order_number(state, t):
        if DOC_NUMBER_PLACEHOLDER.match(t):
            return Match("residue", {"reason": "placeholder_doc_number"})
        return None
    if state.doc_number_seen:
        return Match("residue", {"reason": "duplicate_doc_number"})
    data = {"raw": state.lines[i].raw if not signer else head.strip()}
    if signer:
        data["signers"] = signer.group("names")
    return Match("doc_number", data)


def _order_number(state: State, text: str) -> bool:
    """A 令号 (``第12号``) right under the ``…令`` masthead of a 命令（令）."""
    last = state.labeled[-1] if state.labeled else None
    return bool(
        ORDER_NUMBER.match(text)
        and last is not None
        and last.label in ("title", "issuer_mark")
        and last.text.rstrip().endswith("令")
    )


def signers(state: State, i: int) -> Match | None:
    """签发人 on a line of its own."""
    if state.zone not in ("header", "pre_body"):
        return None
    m = SIGNER.search(state.lines[i].raw)
    return Match("signers", {"names": m.group("names")}) if m and len(state.text(i)) < 40 else None


def _mark_part(text: str) -> str | None:
    """A line of a 发文机关标志: ``XX文件``, a bare ``文件`` (set beside stacked organs), or an organ name."""
    if text.replace(" ", "") == "文件":
        return ""
    m = MASTHEAD.match(text)
    if m and len(text) <= 60:
        return m.group("org")
    return text if is_organ(text, 60) else None


def _spaced_organs(raw: str, part: str) -> list[str]:
    """Organs set side by side on one masthead line, separated by spaces: ``济南市商务局 济南市财政局``."""
    words = [w for w in WORD_SEPARATORS.split(MASTHEAD_TAIL.sub("", raw.strip())) if w]
    return words if len(words) >= 2 and all(is_organ(w, 40) for w in words) else [part]


def minutes_head(state: State, i: int) -> Match | None:
    """纪要格式 head: ``会议纪要`` / ``〔2020〕第6期`` / ``武陟县人民政府办公室`` + ``2020年4月9日``."""
    if state.zone != "header" or state.title or not MINUTES_MARK.match(state.text(i)):
        return None
    j = i + 1
    number = state.text(j) if ISSUE_NUMBER.match(state.text(j)) else None
    j += number is not None
    organ, date = state.text(j), state.text(j + 1)
    if not (is_organ(organ, 40) and is_date_line(date)):
        return None
    return Match(
        "minutes_head", {"mark": state.text(i), "number": number, "organ": organ, "date": date}, consume=j + 2 - i
    )


def issuer_mark(state: State, i: int) -> Match | None:
    """发文机关标志: ``XX文件`` lines, stacked organs with a ``文件`` beside them (联合行文), a red organ line,
    or organ lines right above the 发文字号."""
    first = state.lines[i]
    red_first = bool(first.color and first.color.upper() not in ("000000", "FFFFFF"))
    if state.zone != "header" or state.title or (state.doc_number_seen and not red_first):
        return None
    j, has_wenjian, red = i, False, False
    organs: list[str] = []
    while j < len(state.lines) and j - i < MAX_MARK_LINES and state.lines[j].kind == "text":
        line = state.lines[j]
        part = _mark_part(line.text)
        if part is None or DOC_NUMBER.search(line.text):
            break
        has_wenjian = has_wenjian or part != line.text
        red = red or bool(line.color and line.color.upper() not in ("000000", "FFFFFF"))
        if part and organs and BARE_ORGAN_TYPE.match(part):
            organs[-1] += part  # ``济南市历城区人民政府`` / ``办公室文件``: one organ over two lines
        elif part:
            organs.extend(_spaced_organs(line.raw, part))
        j += 1
    if j == i or not organs:
        return None
    nxt = state.text(j) if j < len(state.lines) else ""
    if state.lines[i].flat and not DOC_NUMBER_LINE.match(nxt):
        return None  # in flattened portal text a "…文件" segment is a breadcrumb category, not a masthead
    if has_wenjian or red or DOC_NUMBER_LINE.match(nxt) or (j - i > 1 and state.lines[i].heading):
        return Match("issuer_mark", {"organs": organs}, consume=j - i)
    return None


def _unbalanced(text: str) -> bool:
    """An open 《 or （ without its closing mark: the title goes on on the next line."""
    opened = text.count("（") + text.count("(")
    return text.count("《") > text.count("》") or opened > text.count("）") + text.count(")")


def title(state: State, i: int) -> Match | None:
    """标题: the first title-like line(s) before the body; several heading lines are joined."""
    if state.zone != "header" or state.title:
        return None
    line = state.lines[i]
    if line.kind != "text" or find_marker(line.text) or is_date_line(line.text):
        return None
    if not opens_title(line):
        return _wrapped_title(state, i)
    if line.flat and "关于" not in line.text and not TITLE_KIND.search(line.text):
        return None
    parts, j = [line.text], i + 1
    while j < len(state.lines) and not TITLE_KIND.search(parts[-1]):
        nxt = state.lines[j]
        same_style = (
            (nxt.heading and line.heading)
            or (nxt.align == "center" and line.align == "center")
            or (nxt.soft and not line.flat)
            or (_unbalanced("".join(parts)) and bool(TITLE_KIND.search(nxt.text)) and len(nxt.text) <= 40)
        )
        if (
            nxt.kind != "text"
            or not same_style
            or not looks_like_title(nxt)
            or SUBTITLE.match(nxt.text)
            or find_marker(nxt.text)
            or DOC_NUMBER_LINE.match(nxt.text)
            or len(parts) >= MAX_TITLE_LINES
        ):
            break
        parts.append(nxt.text)
        j += 1
    data: dict[str, object] = {"title": "".join(parts)}
    organs = _title_organs(parts, state.lines[i].raw)
    if organs:
        data["organs"] = organs
    return Match("title", data, consume=j - i)


def _title_organs(parts: list[str], first_raw: str) -> list[str]:
    """Joint issuers named at the head of a title: organ lines above the ``关于`` line, or organs separated
    by spaces on the title line itself (``中共某县委办公室 某县人民政府办公室 关于…``)."""
    lead = []
    for part in parts:
        if "关于" in part or not is_organ(part, 40):
            break
        lead.append(part)
    if lead and len(lead) < len(parts):
        return lead
    head = first_raw.split("关于", 1)[0] if "关于" in first_raw else ""
    named = [w for w in WORD_SEPARATORS.split(head) if w]
    return named if len(named) >= 2 and all(is_organ(w, 40) for w in named) else []


def _wrapped_title(state: State, i: int) -> Match | None:
    """A title over several plain lines: organ lines (联合行文: one per line) above ``关于…``, and a ``关于…``
    line wrapped before its 文种 (``…工作的`` + ``通知``)."""
    j = i
    while (
        j < len(state.lines)
        and j - i < MAX_MARK_LINES
        and state.lines[j].kind == "text"
        and is_organ(state.lines[j].text, 40)
    ):
        j += 1
    organs = [x.text for x in state.lines[i:j]]
    if j >= len(state.lines) or "关于" not in state.lines[j].text:
        return None
    parts = []
    for k in range(j, min(j + MAX_TITLE_LINES, len(state.lines))):
        nxt = state.lines[k]
        if nxt.kind != "text" or CLAUSE_INSIDE.search(nxt.text) or len(nxt.text) > 60:
            return None
        parts.append(nxt.text)
        if TITLE_KIND.search(nxt.text):
            data: dict[str, object] = {"title": "".join(organs + parts)}
            head = parts[0].split("关于", 1)[0]
            if organs and head and is_organ(head, 40):
                organs = [*organs, head]  # the last joint organ opens the 关于 line
            if organs:
                data["organs"] = organs
            return Match("title", data, consume=k - i + 1)
    return None


def addressees(state: State, i: int) -> Match | None:
    """主送机关: a line of organs ending with a colon, right after the title (or at the top)."""
    if state.addressees_seen or state.zone not in ("header", "pre_body") or state.lines[i].kind != "text":
        return None
    m = ADDRESSEE_LINE.match(state.text(i))
    if not m:
        return _wrapped_addressees(state, i)
    organs = m.group("organs")
    person = bool(state.title and PERSON_ADDRESSEE.match(organs))
    if len(organs) > 200 or not (person or any(is_organ(part.strip(" ()（）"), 60) for part in _split(organs))):
        return None
    return Match("addressees", {"organs": organs, "rest": m.group("rest").strip()})


def _wrapped_addressees(state: State, i: int) -> Match | None:
    """主送机关 over two or three lines: ``各县（市、区）人民政府，市政府各部门，`` + ``各有关单位：``."""
    parts = []
    for j in range(i, min(i + 3, len(state.lines))):
        line = state.lines[j]
        if line.kind != "text":
            return None
        parts.append(line.text)
        m = ADDRESSEE_LINE.match(line.text)
        if m and not m.group("rest") and j > i:
            organs = "".join(parts)[:-1].rstrip("：:")
            if all(is_organ(p.strip(" ()（）"), 60) or "各" in p for p in _split(organs)):
                return Match("addressees", {"organs": organs, "rest": ""}, consume=j - i + 1)
            return None
        wraps_mid_name = j == i and LIST_SEPARATOR_INSIDE.search(line.text) and "。" not in line.text
        if not (line.text.endswith(("，", "、", ",")) or wraps_mid_name):
            return None
    return None


def _split(organs: str) -> list[str]:
    return [p for p in LIST_SEPARATORS.split(organs) if p]


def title_ahead(state: State, i: int) -> bool:
    """A title starts within the next few lines (so what stands before it is page furniture: a site logo,
    a portal header, a printed page's running head)."""
    if state.zone != "header" or state.title:
        return False
    for j in range(i + 1, min(i + 1 + TITLE_LOOKAHEAD, len(state.lines))):
        line = state.lines[j]
        if line.kind != "text":
            continue
        if is_sentence(line.text) or ADDRESSEE_LINE.match(line.text):
            return False
        if title(state, j) is not None and "关于" in state.lines[j].text:
            return True
    return False


def pre_title_table(state: State, i: int) -> Match | None:
    """A table above the title (a site's logo or navigation laid out as a table) is page furniture."""
    if state.lines[i].kind == "table" and title_ahead(state, i):
        return Match("residue", {"reason": "before_title"})
    return None


def pre_body_residue(state: State, i: int) -> Match | None:
    """Short non-prose lines between the top and the body (portal headings, repeated titles, a site's logo
    text above the title)."""
    line = state.lines[i]
    if state.zone not in ("header", "pre_body"):
        return None
    if line.kind != "text" or is_sentence(line.text) or find_marker(line.text):
        return None
    if title_ahead(state, i):
        return Match("residue", {"reason": "before_title"})
    if state.zone == "pre_body" and state.title and line.text in state.title:
        return Match("residue", {"reason": "duplicate_title"})
    if (
        state.zone == "pre_body"
        and state.title
        and state.title in line.text
        and looks_like_title(line)
        and line.text.endswith(state.title)
    ):
        return Match("title", {"title": line.text, "fuller": True})
    if line.flat:
        return Match("residue", {"reason": "portal_header"})
    return None
