"""The worker process (run as ``python -m govdoc.batch.worker MAX_MEMORY_MB PARENT_PID``).

Reads framed lists of :class:`~govdoc.batch.config.Task` on stdin and answers, for each, a
``("start", index)`` frame and then a ``("done", Result)`` frame on the original stdout (the Python
``sys.stdout`` is redirected to stderr so that stray prints from libraries cannot corrupt the
protocol). The address space is capped with RLIMIT_AS before govdoc is imported; SIGINT is ignored
because the parent decides when to stop.
"""

from __future__ import annotations

import hashlib
import os
import re
import resource
import signal
import sys
import time
from typing import BinaryIO

from govdoc.batch.config import Result, Task
from govdoc.batch.frames import read_frame, write_frame

HASH_CHUNK = 1 << 20
"""Bytes read at a time while hashing an input."""
MAP_FAILURE = re.compile(r"failed to map segment|cannot allocate memory", re.IGNORECASE)
"""A lazy import that failed for lack of address space: ``….so: failed to map segment from shared
object`` — the memory cap, not a bug."""


def set_memory_cap(max_memory_mb: int) -> None:
    """Cap this process's address space (RLIMIT_AS) at ``max_memory_mb`` MiB (0 = no cap)."""
    if max_memory_mb <= 0:
        return
    limit = max_memory_mb * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def file_sha256(path: str) -> str:
    """SHA-256 of a file, streamed (bounded memory whatever the size)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def peak_rss_kb() -> int:
    """This process's peak resident set size in KiB (``VmHWM``: unlike ``ru_maxrss`` it is not
    inherited from the parent across fork + exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def process(task: Task) -> Result:
    """Hash, parse and render one file; every failure becomes a failed :class:`Result` with a code."""
    start, cpu_start = time.perf_counter(), time.process_time()
    result = Result(index=task.index, status="failed", pid=os.getpid())
    try:
        result.sha256 = file_sha256(task.path)
        _convert(task, result)
    except OSError as err:
        result.code, result.message = "unreadable", f"{type(err).__name__}: {err.strerror or err}"
    except MemoryError:
        result.code, result.json, result.fatal = "too_large", None, True
        result.message = "the worker's memory cap was exceeded while parsing"
    result.seconds = round(time.perf_counter() - start, 3)
    result.cpu_seconds = round(time.process_time() - cpu_start, 3)
    result.rss_kb = peak_rss_kb()
    return result


def _convert(task: Task, result: Result) -> None:
    from govdoc.api import parse, to_json
    from govdoc.errors import GovdocError
    from govdoc.options import ParseOptions

    if os.path.getsize(task.path) == 0:
        result.code, result.message = "corrupt", "empty file (0 bytes)"
        return
    try:
        options = ParseOptions(max_pages=task.max_pages, max_bytes=task.max_bytes, ocr=task.ocr)
        doc = parse(task.path, options)
        text = to_json(doc)
    except GovdocError as err:
        result.code, result.message = err.code, err.reason
        return
    except (MemoryError, OSError):
        raise
    except ImportError as err:
        if MAP_FAILURE.search(str(err)):
            raise MemoryError(str(err)) from err
        result.code, result.message = "internal_error", f"ImportError: {err}"[:500]
        return
    except Exception as err:  # a bug in govdoc or a dependency: recorded, never fatal to the batch
        result.code, result.message = "internal_error", f"{type(err).__name__}: {err}"[:500]
        return
    result.status, result.json, result.pages = "ok", text, doc.source.pages


def serve(inp: BinaryIO, out: BinaryIO) -> None:
    """Answer task lists until stdin closes or a fatal result (memory cap hit) ends the process."""
    while (tasks := read_frame(inp)) is not None:
        for task in tasks:
            write_frame(out, ("start", task.index))
            result = process(task)
            write_frame(out, ("done", result))
            if result.fatal:
                return


def die_with_parent(parent_pid: int) -> None:
    """Have the kernel SIGKILL this worker when the parent dies (Linux ``PR_SET_PDEATHSIG``)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    pr_set_pdeathsig = 1
    try:
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent_pid:
        os._exit(1)


def main(argv: list[str]) -> int:
    """Entry point of the worker process: ``child MAX_MEMORY_MB PARENT_PID``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if len(argv) > 1:
        die_with_parent(int(argv[1]))
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    set_memory_cap(int(argv[0]) if argv else 0)
    import govdoc.api  # noqa: F401  (warm imports before the first task, after the cap)

    serve(sys.stdin.buffer, out)
    return 0
