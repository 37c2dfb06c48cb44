"""``govdoc batch``: convert whole archives — isolated, bounded, resumable, nothing lost.

Guarantees:

- every input (files, directories walked recursively, globs; format sniffed from content) gets exactly
  one row in ``OUTDIR/manifest.jsonl``: ``{path, sha256, status, code, message, output, pages, seconds}``;
- each file is parsed in a separate worker process with limits (defaults: 500 MB per file, 2,000
  pages, 120 s, 2 GB address space per worker). Over a limit → ``too_large`` / ``timeout``; a worker
  that crashes (segfault, abort, memory) fails only its file (``crashed`` / ``too_large``);
- outputs are written atomically (temporary name, fsync, rename); leftovers of a killed run are swept
  at the next start; ``--resume`` skips inputs whose SHA-256 has an ok row and whose output exists;
- engines: ``local`` (a process pool run by the parent: chunked submission, worker recycling,
  parent-enforced timeouts) and ``dask`` (extra ``govdoc[dask]``: the same per-file isolation inside
  each dask worker, on ``--scheduler`` or a loopback LocalCluster).
"""

from govdoc.batch.config import (
    DEFAULT_MAX_MEMORY_MB,
    DEFAULT_TIMEOUT,
    BatchConfig,
    Limits,
    Result,
    Task,
)
from govdoc.batch.runner import BatchReport, run_batch

__all__ = [
    "DEFAULT_MAX_MEMORY_MB",
    "DEFAULT_TIMEOUT",
    "BatchConfig",
    "BatchReport",
    "Limits",
    "Result",
    "Task",
    "run_batch",
]
