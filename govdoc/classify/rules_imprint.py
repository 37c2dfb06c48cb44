"""Rules for the 落款 and the 版记: 署名, 成文日期, 附注, contact block, 抄送, 印发机关和印发日期, 主题词."""

from __future__ import annotations

import regex as re

from govdoc.classify.state import Match, State
from govdoc.dates import is_date_line, parse_date, parse_dotted
from govdoc.patterns import CC, CONTACT, NOTE, PRINTED, SEAL_PLACEHOLDER, SUBJECT_TERMS, is_organ

BRACKETED = re.compile(r"^[（(](?P<inner>[^（）()]{6,20})[）)]$")
"""A bracketed line: ``（2023年4月12日）``."""
SIGNATURE_LOOKAHEAD = 6
MAX_CC_LINES = 4
"""Most lines a 抄送 list wraps over (a line ending in ， continues)."""
"""How many lines a 署名 may stand above its date (stacked joint signatures, seal images)."""


def printed(state: State, i: int) -> Match | None:
    """印发机关和印发日期 on one line, or the organ on the line before ``…印发``."""
    t = state.text(i)
    m = PRINTED.match(t)
    if m:
        return Match("imprint", {"org": m.group("org").strip(), "date": m.group("date")})
    j = state.next_text_index(i, skip_images=False)
    if j is not None and j == i + 1 and is_organ(t, 60):
        m2 = PRINTED.match(state.text(j))
        if m2 and not m2.group("org").strip():
            return Match("imprint", {"org": t, "date": m2.group("date")}, consume=2)
    return None


def cc(state: State, i: int) -> Match | None:
    """抄送/抄报/分送 line."""
    m = CC.match(state.text(i))
    if not m or state.lines[i].kind != "text":
        return None
    organs, j = m.group("organs"), i + 1
    while (
        organs.endswith(("，", "、", ","))
        and j < len(state.lines)
        and state.lines[j].kind == "text"
        and not PRINTED.match(state.text(j))
        and j - i <= MAX_CC_LINES
    ):
        organs += state.text(j).rstrip("。.")
        j += 1
    return Match("cc", {"kind": m.group("kind").replace(" ", ""), "organs": organs}, consume=j - i)


def subject_terms(state: State, i: int) -> Match | None:
    """主题词 (1999-era 版记)."""
    m = SUBJECT_TERMS.match(state.text(i))
    return Match("subject_terms", {"terms": state.lines[i].raw.split("：", 1)[-1].split(":", 1)[-1]}) if m else None


def issue_date(state: State, i: int) -> Match | None:
    """成文日期: a line that is only a date, in the body or after the 署名."""
    if state.zone in ("header",) or state.lines[i].kind != "text":
        return None
    t = state.text(i)
    if not is_date_line(t):
        return None
    parsed = parse_date(t)
    return Match("issue_date", {"raw": t, "date": parsed[0] if parsed else parse_dotted(t)})


def title_date(state: State, i: int) -> Match | None:
    """成文日期 in brackets right under the title (党委 documents, 讲话): ``（2023年4月12日）``."""
    if state.last_label not in ("title", "doc_number") or state.zone not in ("pre_body", "header"):
        return None
    m = BRACKETED.match(state.text(i))
    if not m or not is_date_line(m.group("inner")):
        return None
    parsed = parse_date(m.group("inner"))
    return Match("title_date", {"raw": m.group("inner"), "date": parsed[0] if parsed else None})


def signature(state: State, i: int) -> Match | None:
    """发文机关署名: organ lines followed closely by a date line."""
    if state.zone in ("header",) or state.lines[i].kind != "text" or not is_organ(state.text(i), 60):
        return None
    j, organs = i, list[str]()
    while j < len(state.lines) and j - i < SIGNATURE_LOOKAHEAD:
        line = state.lines[j]
        if line.kind == "image" or SEAL_PLACEHOLDER.match(line.text):
            j += 1
            continue
        if line.kind != "text":
            return None
        if is_date_line(line.text):
            return Match("signature", {"organs": organs}, consume=_last_organ(state, i, j) - i)
        if not is_organ(line.text, 60):
            return None
        organs.append(line.text)
        j += 1
    return None


def _last_organ(state: State, i: int, date_index: int) -> int:
    """Consume organ lines (and images between them) up to the date, not the trailing images."""
    end = i
    for k in range(i, date_index):
        if state.lines[k].kind == "text" and not SEAL_PLACEHOLDER.match(state.lines[k].text):
            end = k + 1
    return end


def note(state: State, i: int) -> Match | None:
    """附注: ``（此件公开发布）`` after the date."""
    m = NOTE.match(state.text(i))
    if not m or state.zone in ("header",):
        return None
    return Match("note", {"text": m.group("text")})


def contact(state: State, i: int) -> Match | None:
    """A contact-block line: ``联系人:李熠萍``."""
    m = CONTACT.match(state.text(i))
    if not m or len(state.text(i)) > 80 or state.zone == "header":
        return None
    return Match("contact", {"label": m.group("label").replace(" ", ""), "value": m.group("value").strip()})
