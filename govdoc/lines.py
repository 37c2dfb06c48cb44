"""The unit normalisation works on: a :class:`Line` (text plus style hints and provenance)."""

from __future__ import annotations

from dataclasses import dataclass, field

from govdoc.model import Provenance, Residue
from govdoc.readers.base import RawTable


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
    joined: bool = False
    """Re-joined from pieces by ``rejoin`` (never split again as a flattened line)."""
    flat: bool = False
    """Came from splitting a flattened line."""


@dataclass
class Normalized:
    """Normalised lines and the text set aside."""

    lines: list[Line]
    residue: list[Residue]
