"""Batch settings, documented default limits, and the records passed between parent and workers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from govdoc.options import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES

DEFAULT_TIMEOUT = 120.0
"""Seconds one file may take in a worker before the parent kills the worker (code ``timeout``)."""
DEFAULT_MAX_MEMORY_MB = 2048
"""Address-space cap of one worker process (RLIMIT_AS), in MiB; exceeding it gives ``too_large``."""
DEFAULT_RECYCLE_AFTER = 200
"""A worker is replaced by a fresh process after this many files (bounds slow leaks)."""
DEFAULT_CHUNK = 4
"""Files sent to a worker in one message (chunked submission)."""


@dataclass(frozen=True)
class Limits:
    """Per-file limits enforced in (``max_pages``, ``max_bytes``) and around (the rest) a worker."""

    max_pages: int = DEFAULT_MAX_PAGES
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB


@dataclass(frozen=True)
class BatchConfig:
    """Everything ``govdoc batch`` was asked to do."""

    inputs: tuple[str, ...]
    outdir: str
    jobs: int = 1
    format: Literal["json", "jsonl"] = "json"
    resume: bool = False
    limits: Limits = field(default_factory=Limits)
    engine: Literal["local", "dask"] = "local"
    scheduler: str | None = None
    recycle_after: int = DEFAULT_RECYCLE_AFTER
    chunk: int = DEFAULT_CHUNK
    progress: Literal["auto", "rich", "plain", "none"] = "auto"
    ocr: Literal["auto", "always", "never"] = "auto"
    """OCR of PDFs without a text layer (needs the ``ocr`` extra; slow: ``never`` for fast triage)."""


@dataclass(frozen=True)
class Task:
    """One input file to convert; ``index`` is its position in the input list."""

    index: int
    path: str
    max_pages: int
    max_bytes: int
    ocr: str = "auto"
    """auto | always | never, passed to :class:`~govdoc.options.ParseOptions`."""


@dataclass
class Result:
    """What a worker reports for one task (``json`` is the rendered document when ``status`` is ok)."""

    index: int
    status: Literal["ok", "failed"]
    sha256: str | None = None
    code: str | None = None
    message: str | None = None
    pages: int | None = None
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    """CPU time the worker spent on this file (wall ``seconds`` also counts waiting for a CPU)."""
    json: str | None = None
    pid: int | None = None
    rss_kb: int | None = None
    """Peak resident set size of the worker process so far (ru_maxrss), in KiB."""
    fatal: bool = False
    """The worker must not be reused (it hit its memory cap)."""
