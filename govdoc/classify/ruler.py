"""The rule chain: an ordered list of named pure functions ``(state, i) -> Match | None``.

The first rule that matches labels line ``i``; the fallback ``paragraph`` makes the chain total.
Each labelled line records the rule that fired, so "why is this a heading?" has an answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from govdoc.classify.common import forwarded_name
from govdoc.classify.state import Labeled, Match, State

Rule = Callable[[State, int], Match | None]

NEXT_ZONE = {
    "title": "pre_body",
    "addressees": "body",
    "signature": "closing",
    "issue_date": "closing",
    "enclosure_title": "enclosure",
    "attachment_head": "attachment",
    "cc": "imprint",
    "imprint": "imprint",
    "printed_by": "imprint",
}
"""Zone changes caused by a label (others keep the zone, except the rules noted in ``advance``)."""


def advance(state: State, item: Labeled) -> None:
    """Update the state after ``item`` was labelled."""
    label = item.label
    if label in NEXT_ZONE:
        state.zone = NEXT_ZONE[label]
    if label == "title":
        state.title = item.data.get("title", item.text)
        state.expected_enclosure = state.expected_enclosure or forwarded_name(state.title)
    elif label == "doc_number":
        state.doc_number_seen = True
    elif label == "addressees":
        state.addressees_seen = True
    elif label in ("signature", "issue_date", "note"):
        state.closed = True
    elif label == "enclosure_title":
        state.enclosure_open = True
    elif label in ("heading", "paragraph", "measure", "table") and state.zone in ("header", "pre_body"):
        state.zone = "body"
    elif label == "paragraph" and state.zone == "closing" and not state.enclosure_open:
        state.zone = "body" if not state.closed else "closing"
    if label in ("paragraph", "addressees") and state.expected_enclosure is None:
        state.expected_enclosure = forwarded_name(item.text)
    state.notes_seen += label == "attachment_note"
    state.in_attachment_notes = label in ("attachment_note",) or (
        state.in_attachment_notes and label == "attachment_note_item"
    )
    state.attachment_title_pending = (label == "attachment_head" and not item.data.get("title")) or (
        state.attachment_title_pending and label in ("image",)
    )


def run_chain(state: State, rules: list[tuple[str, Rule]]) -> list[Labeled]:
    """Label every line of ``state.lines``."""
    i = 0
    while i < len(state.lines):
        for name, rule in rules:
            match = rule(state, i)
            if match is None:
                continue
            if match.remainder:
                line = state.lines[i]
                state.lines[i] = replace(line, text=line.text[: len(line.text) - len(match.remainder)].strip())
                state.lines.insert(
                    i + 1,
                    replace(
                        line,
                        text=match.remainder.strip(),
                        raw=match.remainder.strip(),
                        bold_lead=None,
                        soft=False,
                    ),
                )
            consumed = state.lines[i : i + max(1, match.consume)]
            item = Labeled(label=match.label, rule=name, lines=consumed, data=match.data, zone=state.zone)
            state.labeled.append(item)
            advance(state, item)
            i += max(1, match.consume)
            break
        else:  # pragma: no cover - the fallback rule always matches
            raise AssertionError("rule chain is not total")
    return state.labeled
