"""Classification state, matches and labelled lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govdoc.normalize import Line


@dataclass(frozen=True)
class Match:
    """What a rule decided for line ``i``: a label, data, and how many lines it consumed."""

    label: str
    data: dict[str, Any] = field(default_factory=dict)
    consume: int = 1
    remainder: str | None = None
    """Text after the matched element on the same (flattened) line; it is classified as a line of its own."""


@dataclass
class Labeled:
    """A line (or several consumed lines, joined) with its label and the rule that fired."""

    label: str
    rule: str
    lines: list[Line]
    data: dict[str, Any] = field(default_factory=dict)
    zone: str = "body"

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)

    @property
    def line(self) -> Line:
        return self.lines[0]


@dataclass
class State:
    """Everything rules may read: the lines, the zone, and what was seen so far."""

    lines: list[Line]
    zone: str = "header"
    title: str | None = None
    doc_number_seen: bool = False
    addressees_seen: bool = False
    closed: bool = False
    """The notice's own 成文日期 (or 署名) has been seen."""
    enclosure_open: bool = False
    expected_enclosure: str | None = None
    """The name a 印发/转发 notice gives the document it prints (from its title or first paragraph)."""
    in_attachment_notes: bool = False
    notes_seen: int = 0
    """How many 附件说明 blocks were labelled so far."""
    attachment_title_pending: bool = False
    labeled: list[Labeled] = field(default_factory=list)

    def text(self, i: int) -> str:
        return self.lines[i].text if 0 <= i < len(self.lines) else ""

    def next_text_index(self, i: int, skip_images: bool = True) -> int | None:
        """Index of the next text line after ``i`` (skipping images), or None."""
        j = i + 1
        while j < len(self.lines):
            if self.lines[j].kind == "text":
                return j
            if not skip_images or self.lines[j].kind != "image":
                return None
            j += 1
        return None

    @property
    def last_label(self) -> str | None:
        return self.labeled[-1].label if self.labeled else None
