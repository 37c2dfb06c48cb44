"""Diagnostics: what a parse noticed, as data (a parse never prints).

Codes are stable; each has a default severity. Builders call :func:`add`, which caps repeats so a hostile
input cannot flood the output.
"""

from __future__ import annotations

from typing import Literal

from govdoc.model import Diagnostic, Provenance

Severity = Literal["info", "warning", "error"]

CODES: dict[str, Severity] = {
    "numbering_gap": "info",
    "numbering_start": "info",
    "attachment_unlisted": "info",
    "attachment_note_unmatched": "info",
    "page_without_text": "warning",
    "reader_warning": "warning",
}
"""Known diagnostic codes and their default severity; readers may add their own (severity warning)."""

MAX_SAME = 50
"""At most this many diagnostics of one code are kept."""


def add(
    out: list[Diagnostic], code: str, message: str, source: Provenance | None = None, severity: Severity | None = None
) -> None:
    """Append a diagnostic unless ``MAX_SAME`` of that code are already there."""
    if sum(1 for d in out if d.code == code) >= MAX_SAME:
        return
    out.append(Diagnostic(code=code, severity=severity or CODES.get(code, "warning"), message=message, source=source))
