"""Helpers shared by subcommands."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def write_output(text: str | bytes, out: str | None) -> None:
    """Write to ``out`` atomically (temp file + rename), or to stdout when ``out`` is None or ``-``."""
    if out in (None, "-"):
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
