"""One isolated worker process seen from the parent: spawn, send tasks, read events, kill, reap."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections import deque
from typing import Any

from govdoc.batch.config import Result, Task
from govdoc.batch.frames import FrameBuffer, encode

READ_SIZE = 1 << 20
"""Bytes taken from a worker's pipe per read."""


class WorkerProcess:
    """A ``python -m govdoc.batch.worker`` process with the tasks it was given and the one it runs."""

    def __init__(self, max_memory_mb: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "govdoc.batch.worker", str(max_memory_mb), str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            start_new_session=True,
        )
        assert self.proc.stdout is not None and self.proc.stdin is not None
        self.fd = self.proc.stdout.fileno()
        self._buffer = FrameBuffer()
        self.pending: deque[Task] = deque()
        """Tasks sent and not finished, in order; the first one is running once ``started`` is set."""
        self.started: float | None = None
        self.idle_since = time.monotonic()
        """When the worker was spawned or last finished a task."""
        self.done_count = 0
        self.rss_kb = 0
        self.exhausted = False
        """Set when the worker ended itself (memory cap) or must not get new tasks."""

    @property
    def pid(self) -> int:
        return self.proc.pid

    @property
    def current(self) -> Task | None:
        """The task running now (its ``start`` frame arrived), if any."""
        return self.pending[0] if self.pending and self.started is not None else None

    def send(self, tasks: list[Task]) -> None:
        """Queue ``tasks`` in the worker (they run in order)."""
        assert self.proc.stdin is not None
        self.pending.extend(tasks)
        self.proc.stdin.write(encode(tasks))
        self.proc.stdin.flush()

    def read_events(self) -> tuple[list[Result], bool]:
        """Results now complete, and whether the pipe reached end of file (the process is ending)."""
        data = os.read(self.fd, READ_SIZE)
        results: list[Result] = []
        for frame in self._buffer.feed(data):
            results.extend(self._on_frame(frame))
        return results, not data

    def _on_frame(self, frame: tuple[str, Any]) -> list[Result]:
        kind, value = frame
        if kind == "start":
            self.started = time.monotonic()
            return []
        result: Result = value
        if self.pending and self.pending[0].index == result.index:
            self.pending.popleft()
        self.started = None
        self.idle_since = time.monotonic()
        self.done_count += 1
        self.rss_kb = result.rss_kb or self.rss_kb
        if result.fatal:
            self.exhausted = True
        return [result]

    def overdue(self, timeout: float, now: float) -> bool:
        """Whether the running task has exceeded ``timeout`` seconds."""
        return self.started is not None and now - self.started > timeout

    def stalled(self, timeout: float, now: float) -> bool:
        """Whether the worker has queued tasks but started none for ``timeout`` seconds (hung on start)."""
        return self.started is None and bool(self.pending) and now - self.idle_since > timeout

    def kill(self) -> None:
        """SIGKILL the worker (and anything it started) and reap it."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            self.proc.kill()
        self.reap()

    def close(self) -> None:
        """Ask the worker to finish its queue and exit (closes its stdin)."""
        if self.proc.stdin is not None and not self.proc.stdin.closed:
            with contextlib.suppress(BrokenPipeError):
                self.proc.stdin.close()

    def reap(self, timeout: float = 5.0) -> int:
        """Wait for exit (killing after ``timeout``); the exit status (negative: the signal)."""
        self.close()
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        return code


def describe_exit(code: int) -> str:
    """``killed by SIGSEGV`` / ``exited with status 3``."""
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exited with status {code}"
