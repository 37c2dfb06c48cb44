"""What every reader emits: a flat stream of :class:`RawBlock` with style hints and provenance.

Readers do I/O only and know nothing of 公文. A block is one paragraph-like unit of text (a line of a
text file, a paragraph of a DOCX, a line or paragraph of a PDF), a table, or an image.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style inside a block."""

    text: str
    bold: bool = False
    color: str | None = None
    """RGB hex like ``FF0000`` or null."""


@dataclass(frozen=True)
class RawTable:
    """A table as a rectangular grid.

    ``rows[r][c]`` is the cell text; a cell covered by a merge (not its origin) is ``None``.
    ``merges`` are ``(row, col, rowspan, colspan)`` with origin at ``(row, col)``.
    ``header_rows`` is the reader's guess of how many leading rows are header (None: unknown).
    """

    rows: tuple[tuple[str | None, ...], ...]
    merges: tuple[tuple[int, int, int, int], ...] = ()
    header_rows: int | None = None


@dataclass(frozen=True)
class RawBlock:
    """One block of the source, in reading order."""

    kind: Literal["text", "table", "image"] = "text"
    runs: tuple[Run, ...] = ()
    """Text with style; ``text`` is their concatenation."""
    table: RawTable | None = None
    image: str | None = None
    """Image alt text or reference."""
    align: Align | None = None
    font: str | None = None
    size: float | None = None
    """Font size in points."""
    indent: float | None = None
    """First-line indent in characters (≈ 2 for a body paragraph), when known."""
    heading: int | None = None
    """Markdown ``#`` depth or a Word heading style level: a hint only, never trusted for levels."""
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    line: int | None = None
    """1-based source line (text/Markdown) or block index (DOCX)."""
    line_end: int | None = None
    page_break_before: bool = False
    """A page (or section) break precedes this block."""
    furniture: bool = False
    """Page header/footer content the reader knows is furniture."""
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def all_bold(self) -> bool:
        """True when every non-blank run is bold."""
        runs = [r for r in self.runs if r.text.strip()]
        return bool(runs) and all(r.bold for r in runs)

    @property
    def color(self) -> str | None:
        """The colour of the text when all non-blank runs share one."""
        colors = {r.color for r in self.runs if r.text.strip()}
        return colors.pop() if len(colors) == 1 else None


@dataclass
class ReadResult:
    """A reader's output: blocks plus document facts."""

    blocks: list[RawBlock]
    format: str
    pages: int | None = None
    warnings: list[tuple[str, str, int | None]] = field(default_factory=list)
    """``(code, message, page)`` a reader wants reported as diagnostics."""
