"""Helpers shared by subcommands."""

from __future__ import annotations

import sys
from pathlib import Path


def write_output(text: str | bytes, out: str | None) -> None:
    """Write to ``out`` atomically (temp file + rename), or to stdout when ``out`` is None or ``-``."""
    if out in (None, "-"):
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    from govdoc.batch.manifest import atomic_write

    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, text.encode("utf-8") if isinstance(text, str) else text)
