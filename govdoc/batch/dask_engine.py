"""The dask engine (extra ``govdoc[dask]``): the same per-file isolation on a ``dask.distributed`` cluster.

Chunks of tasks are submitted to the cluster with a bounded window; inside each dask worker thread a
persistent :class:`~govdoc.batch.local.LocalEngine` of one process parses them, so the per-file
timeout, the memory cap and crash isolation behave exactly as in the local engine. Results (with the
rendered JSON) travel back to the client, which writes outputs and the manifest. Input paths must be
readable by the workers (a shared file system) when the cluster is remote. Without ``--scheduler`` a
``LocalCluster`` of ``jobs`` single-threaded worker processes is started on 127.0.0.1 only.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterator
from typing import Any

from govdoc.batch.config import Limits, Result, Task
from govdoc.batch.local import LocalEngine

WINDOW_PER_JOB = 4
"""Chunks in flight per job: enough to keep workers fed, bounded for million-file archives."""

_THREAD = threading.local()


def run_chunk(tasks: list[Task], limits: Limits) -> list[Result]:
    """Runs on a dask worker: parse ``tasks`` in this thread's isolated worker process."""
    engine: LocalEngine | None = getattr(_THREAD, "engine", None)
    if engine is None or engine.limits != limits:
        if engine is not None:
            engine.shutdown()
        engine = LocalEngine(1, limits, chunk=len(tasks), keep_alive=True)
        _THREAD.engine = engine
    return list(engine.results(tasks))


class DaskEngine:
    """Runs tasks on a dask cluster; :meth:`results` yields one :class:`Result` per task."""

    def __init__(self, jobs: int, limits: Limits, scheduler: str | None = None, chunk: int = 4) -> None:
        import distributed  # noqa: F401  (fail early, as ImportError, without the extra)

        self.jobs = max(1, jobs)
        self.limits = limits
        self.scheduler = scheduler
        self.chunk = max(1, chunk)

    def _connect(self) -> tuple[Any, Any]:
        dist: Any = importlib.import_module("distributed")
        if self.scheduler:
            return dist.Client(self.scheduler), None
        cluster = dist.LocalCluster(
            n_workers=self.jobs,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        )
        return dist.Client(cluster), cluster

    def results(self, tasks: list[Task]) -> Iterator[Result]:
        """Submit chunks through a bounded window and yield results as chunks finish."""
        dist: Any = importlib.import_module("distributed")
        client, cluster = self._connect()
        chunks = [tasks[i : i + self.chunk] for i in range(0, len(tasks), self.chunk)]
        window = self.jobs * WINDOW_PER_JOB
        futures: set[Any] = set()
        try:
            pending = dist.as_completed()
            for chunk in chunks[:window]:
                pending.add(self._submit(client, chunk, futures))
            next_chunk = window
            for future in pending:
                if next_chunk < len(chunks):
                    pending.add(self._submit(client, chunks[next_chunk], futures))
                    next_chunk += 1
                chunk_results: list[Result] = future.result()
                futures.discard(future)
                future.release()
                yield from chunk_results
        finally:
            client.cancel([f for f in futures if not f.done()])
            client.close()
            if cluster is not None:
                cluster.close()

    def _submit(self, client: Any, chunk: list[Task], futures: set[Any]) -> Any:
        future = client.submit(run_chunk, chunk, self.limits, pure=False)
        futures.add(future)
        return future
