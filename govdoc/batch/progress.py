"""Progress reporting: a rich bar with rate and ETA on a terminal (extra ``govdoc[progress]``), plain
log lines every few seconds otherwise (or when rich is missing), nothing when asked for quiet."""

from __future__ import annotations

import sys
import time
from typing import IO, Protocol

PLAIN_EVERY = 5.0
"""Seconds between two plain progress lines."""


class Progress(Protocol):
    """What the runner calls."""

    def start(self, total: int, skipped: int) -> None: ...

    def advance(self, ok: bool, pages: int | None) -> None: ...

    def close(self) -> None: ...


class NoProgress:
    """Reports nothing."""

    def start(self, total: int, skipped: int) -> None:
        return None

    def advance(self, ok: bool, pages: int | None) -> None:
        return None

    def close(self) -> None:
        return None


def format_eta(seconds: float) -> str:
    """``95`` → ``1m35s``."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s"


class PlainProgress:
    """``govdoc batch: 120/1000 files (3 failed), 8.3 files/s, ETA 1m46s`` every few seconds."""

    def __init__(self, stream: IO[str] | None = None, every: float = PLAIN_EVERY) -> None:
        self.stream = stream or sys.stderr
        self.every = every
        self.total = self.done = self.failed = 0
        self.began = self.last = 0.0

    def start(self, total: int, skipped: int) -> None:
        self.total, self.began = total, time.monotonic()
        self.last = self.began
        note = f", {skipped} already done (resume)" if skipped else ""
        self._emit(f"{total} files to convert{note}")

    def advance(self, ok: bool, pages: int | None) -> None:
        self.done += 1
        self.failed += not ok
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self._emit(self.line(now))

    def line(self, now: float) -> str:
        """The current status line."""
        rate = self.done / max(now - self.began, 1e-9)
        eta = format_eta((self.total - self.done) / rate) if rate > 0 else "?"
        return f"{self.done}/{self.total} files ({self.failed} failed), {rate:.1f} files/s, ETA {eta}"

    def _emit(self, text: str) -> None:
        print(f"govdoc batch: {text}", file=self.stream, flush=True)

    def close(self) -> None:
        return None


class RichProgress:
    """A rich progress bar on stderr: count, rate, elapsed and ETA."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichBar

        self.bar = RichBar(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]} files/s, {task.fields[failed]} failed"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self.task_id = self.bar.add_task("govdoc batch", total=0, rate="0.0", failed=0)
        self.failed = self.done = 0
        self.began = 0.0

    def start(self, total: int, skipped: int) -> None:
        self.began = time.monotonic()
        self.bar.update(self.task_id, total=total)
        self.bar.start()

    def advance(self, ok: bool, pages: int | None) -> None:
        self.done += 1
        self.failed += not ok
        rate = self.done / max(time.monotonic() - self.began, 1e-9)
        self.bar.update(self.task_id, advance=1, rate=f"{rate:.1f}", failed=self.failed)

    def close(self) -> None:
        self.bar.stop()


def make_progress(mode: str, stream: IO[str] | None = None) -> Progress:
    """``auto``: rich on a terminal when installed, else plain lines; ``rich``/``plain``/``none`` force."""
    stream = stream or sys.stderr
    if mode == "none":
        return NoProgress()
    want_rich = mode == "rich" or (mode == "auto" and stream.isatty())
    if want_rich:
        try:
            return RichProgress()
        except ImportError:
            pass
    return PlainProgress(stream)
