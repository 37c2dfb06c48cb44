"""Rules for the body: 附件说明, 附件 pages, the enclosed document of a 印发 notice, headings, measures."""

from __future__ import annotations

import regex as re

from govdoc.classify.common import looks_like_title, same_document_name, title_kind
from govdoc.classify.state import Match, State
from govdoc.dates import is_date_line
from govdoc.numbering import find_marker
from govdoc.patterns import ATTACHMENT_HEAD, ATTACHMENT_ITEM, ATTACHMENT_NOTE, FORWARDING, SUBTITLE, is_organ

GLUED_ENCLOSURE = re.compile(r"^(?P<att>附\s*件\s*(?:\d{1,2}(?![\d年]))?\s*[：:]?)?\s*(?P<rest>.+)$")
"""A flattened line that starts with the printed document's name: ``附件2022年全区…分解表工作任务…``."""
DOWNLOAD_NAME = re.compile(r"\.(?:xlsx?|docx?|wps|pdf|zip|rar|ofd|jpg|png)\s*$", re.I)
"""A portal download link, not an 附件说明: ``附件1：名录.xlsx``."""
GLUED_ITEM = re.compile(r"(?<=\S)(?<!\d)(?P<n>\d{1,2})\s*[.．、](?!\d)")
"""A numbered item glued to the previous one: ``名录（第一批）2.分布图`` (used only for the next expected number)."""
SPLIT_TAIL_MAX = 8
"""A short tail set apart by a blank line (a converter's page or line break) still continues an 附件说明 item."""
SENTENCE_PUNCT = re.compile(r"[。！？；，,]")
"""Punctuation of prose: ``特此通知。`` does not continue an 附件说明 title; ``表`` does."""
LIST_STYLES = ("arabic_dot", "arabic_paren", "circled")
"""Marker styles that also number the clauses of an enumeration."""
ENUMERATION_MAX = 80
"""Longest clause of an enumeration taken as text rather than a heading."""
WRAP_MIN = 20
"""A 附件说明 line at least this long may wrap onto the next line."""
MEASURE_MAX = 80
WHOLE_BOLD_MAX = 30
"""A paragraph that is bold throughout is a measure title only when short and without inner clauses."""
INNER_CLAUSE = re.compile(r"[，,；;。]")
"""Clause punctuation inside a sentence: the ``，`` of ``本文件用于测试，包含…``."""
"""Longest bold lead sentence taken as a measure title."""


def table(state: State, i: int) -> Match | None:
    """A table block."""
    return Match("table") if state.lines[i].kind == "table" else None


def image(state: State, i: int) -> Match | None:
    """An image block (seal, QR code, picture)."""
    return Match("image", {"description": state.lines[i].image or ""}) if state.lines[i].kind == "image" else None


def attachment_note(state: State, i: int) -> Match | None:
    """附件说明: ``附件：1.XXX`` (following numbered items and wrapped lines are consumed).

    Items are ``(index, marker, title)``; the marker keeps what was printed before the title."""
    if state.zone in ("header", "attachment", "imprint"):
        return None
    m = ATTACHMENT_NOTE.match(state.text(i))
    if not m:
        return None
    if (
        state.notes_seen
        and state.closed
        and state.zone in ("closing", "attachment")
        and not ATTACHMENT_ITEM.match(m.group("rest"))
    ):
        n = m.group("n")
        return Match("attachment_head", {"index": int(n) if n else None, "title": m.group("rest").strip()})
    head = state.text(i)[: m.start("rest")]
    items: list[tuple[int | None, str, str]] = []
    first = ATTACHMENT_ITEM.match(m.group("rest"))
    if first:
        items.append((int(first.group("n")), head + m.group("rest")[: first.start("title")], first.group("title")))
    else:
        items.append((int(m.group("n")) if m.group("n") else None, head, m.group("rest")))
    j = i + 1
    while j < len(state.lines) and state.lines[j].kind == "text":
        nxt = state.lines[j].text
        item = ATTACHMENT_ITEM.match(nxt)
        if item and (first or len(items) > 1 or items[0][0] is None):
            items.append((int(item.group("n")), nxt[: item.start("title")], item.group("title")))
        elif not item and _wraps(state.lines[j - 1].text, nxt) and (state.lines[j].soft or len(nxt) <= SPLIT_TAIL_MAX):
            n, marker, title = items[-1]
            items[-1] = (n, marker, title + nxt)
        else:
            break
        j += 1
    if len(items) > 1 and items[0][0] is None:
        items[0] = (1, items[0][1], items[0][2])
    items = _split_glued_items(items)
    if all(DOWNLOAD_NAME.search(title) for _, _, title in items):
        return Match("residue", {"reason": "download_link"}, consume=j - i)
    return Match("attachment_note", {"items": items}, consume=j - i)


def _split_glued_items(items: list[tuple[int | None, str, str]]) -> list[tuple[int | None, str, str]]:
    """``1.名录（第一批）2.分布图`` glued on one line → two items (the next number must follow in order)."""
    out: list[tuple[int | None, str, str]] = []
    for n, marker, title in items:
        while n is not None:
            m = next((x for x in GLUED_ITEM.finditer(title) if int(x.group("n")) == n + 1), None)
            if not m:
                break
            out.append((n, marker, title[: m.start()]))
            n, marker, title = n + 1, m.group(0), title[m.end() :]
        out.append((n, marker, title))
    return out


def _wraps(previous: str, nxt: str) -> bool:
    """``nxt`` continues a long 附件说明 line cut by wrapping (``…工作`` + ``分工表``)."""
    return (
        len(previous) >= WRAP_MIN
        and len(nxt) < 40
        and not nxt.endswith(("：", ":"))
        and not is_organ(nxt, 60)
        and not is_date_line(nxt)
        and not ATTACHMENT_HEAD.match(nxt)
        and not SENTENCE_PUNCT.search(nxt)
    )


def attachment_head(state: State, i: int) -> Match | None:
    """The head of an 附件 page: ``附件`` / ``附件2`` alone on a line."""
    if state.zone == "header":
        return None
    m = ATTACHMENT_HEAD.match(state.text(i))
    if not m or state.lines[i].kind != "text":
        return None
    return Match("attachment_head", {"index": int(m.group("n")) if m.group("n") else None})


def attachment_title(state: State, i: int) -> Match | None:
    """The title line right after an 附件 head."""
    if not state.attachment_title_pending or state.lines[i].kind != "text":
        return None
    if find_marker(state.text(i)) or len(state.text(i)) > 100:
        return None
    expected = state.expected_enclosure
    if expected and not state.enclosure_open and same_document_name(state.text(i), expected):
        return Match("enclosure_title", {"title": state.text(i), "after_head": True})
    return Match("attachment_title")


def enclosure_title(state: State, i: int) -> Match | None:
    """The title of the document a 印发/转发 notice prints, after the notice's own 落款."""
    line = state.lines[i]
    if line.kind != "text" or state.enclosure_open or state.zone not in ("closing", "body", "imprint"):
        return None
    organ_above = _organ_above_title(state, i)
    if organ_above:
        return organ_above
    if state.expected_enclosure and (state.closed or line.heading or line.align == "center"):
        m = GLUED_ENCLOSURE.match(line.text)
        name = state.expected_enclosure
        if line.flat and m and m.group("rest").startswith(name) and (m.group("att") or m.group("rest") != name):
            rest = m.group("rest")[len(name) :]
            return Match("enclosure_title", {"title": name, "marker": m.group("att")}, remainder=rest or None)
        if same_document_name(line.text, name):
            return Match("enclosure_title", {"title": line.text})
    if state.zone == "imprint":
        return None
    forwarding = bool(state.title and FORWARDING.search(state.title))
    if state.zone == "body" and not (forwarding and line.heading and state.closed):
        return None
    if not (forwarding or line.heading or line.align == "center"):
        return None
    if find_marker(line.text) or not looks_like_title(line) or not title_kind(line.text):
        return None
    return Match("enclosure_title", {"title": line.text})


def _organ_above_title(state: State, i: int) -> Match | None:
    """An enclosed notice whose issuing organ stands on its own line above ``关于…的通知``."""
    line = state.lines[i]
    nxt = state.lines[i + 1] if i + 1 < len(state.lines) else None
    if not (state.closed and is_organ(line.text, 40) and nxt is not None and nxt.kind == "text"):
        return None
    if not (nxt.text.startswith("关于") and looks_like_title(nxt) and title_kind(nxt.text)):
        return None
    styled = line.heading or line.align == "center" or nxt.heading or nxt.align == "center"
    expected = state.expected_enclosure
    if styled or (expected and same_document_name(line.text + nxt.text, expected)):
        return Match("enclosure_title", {"title": line.text + nxt.text}, consume=2)
    return None


def subtitle(state: State, i: int) -> Match | None:
    """副标题 right after a title: ``（2021—2025年）``."""
    if state.last_label not in ("enclosure_title", "title", "attachment_title"):
        return None
    m = SUBTITLE.match(state.text(i))
    return Match("subtitle", {"text": m.group("text")}) if m else None


def heading(state: State, i: int) -> Match | None:
    """A numbered heading: ``一、``, ``（一）``, ``1.``, ``（1）``, ``①``, ``第一章``, ``第一条``."""
    line = state.lines[i]
    if line.kind != "text":
        return None
    marker = find_marker(line.text)
    if marker is None:
        return None
    if marker.style in LIST_STYLES and _enumeration_item(state, i, marker.rest):
        return Match("paragraph", {"list_item": True})
    return Match("heading", {"marker": marker})


def _enumeration_item(state: State, i: int, rest: str) -> bool:
    """``1. 户厕问题整改奖补资金396万元；`` — one clause of an enumeration ending in ``；`` (or the last one,
    ending in ``。`` after such items) is text, not a heading."""
    if "。" in rest.rstrip("。") or len(rest) > ENUMERATION_MAX:
        return False
    if rest.endswith(("；", ";")):
        return True
    previous = state.labeled[-1] if state.labeled else None
    return bool(previous and previous.data.get("list_item") and rest.endswith("。"))


def measure(state: State, i: int) -> Match | None:
    """A paragraph led by a bold sentence: ``**实施科学家精神进校园行动。**其余正文…``."""
    line = state.lines[i]
    lead = line.bold_lead
    if line.kind != "text" or not lead or len(lead) > MEASURE_MAX or (line.all_bold and len(line.text) > MEASURE_MAX):
        return None
    if not lead.endswith(("。", "：", ":", "！")):
        return None
    whole = len(lead) >= len(line.text.strip())
    if whole and (len(lead) > WHOLE_BOLD_MAX or INNER_CLAUSE.search(lead[:-1])):
        return None  # a whole bold sentence with clauses is emphasised prose, not a lead sentence
    return Match("measure", {"lead": lead, "bold": True})


def paragraph(state: State, i: int) -> Match | None:
    """Fallback: body text."""
    line = state.lines[i]
    if line.kind == "text":
        return Match("paragraph")
    return Match("residue", {"reason": "unknown_block"})
