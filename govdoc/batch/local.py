"""The local engine: a pool of isolated worker processes driven by the parent.

- chunked submission: a worker gets up to ``chunk`` tasks at a time when it has at most one left
  (smaller chunks near the end of the line, so that no worker idles while another has a backlog);
- per-file timeout enforced by the parent: a worker whose running task is overdue is SIGKILLed and
  replaced, the task gets ``timeout``, the rest of its queue goes back to the front of the line;
- crashes (segfault, abort, OOM kill) become a ``crashed`` result for the running task;
- recycling: a worker is retired after ``recycle_after`` files, when it hit its memory cap, or when
  its peak RSS passed half of the cap (a big file leaves a fragmented heap behind).
"""

from __future__ import annotations

import select
import time
from collections import deque
from collections.abc import Iterator

from govdoc.batch.config import Limits, Result, Task
from govdoc.batch.proc import WorkerProcess, describe_exit

POLL_SECONDS = 0.5
"""Longest wait for worker output before deadlines are checked again."""
STARTUP_GRACE = 60.0
"""Seconds (on top of the per-file timeout) a worker may take to start its first queued task."""
RECYCLE_RSS_FRACTION = 0.5
"""A worker whose peak RSS passed this fraction of its memory cap is replaced once idle."""
MAX_BARREN_STARTS = 3
"""Workers that die before their first task, in a row, before the batch gives up."""


class EngineError(RuntimeError):
    """The engine cannot run at all (e.g. workers die on start)."""


class LocalEngine:
    """Runs tasks on ``jobs`` worker processes; :meth:`results` yields one :class:`Result` per task."""

    def __init__(
        self, jobs: int, limits: Limits, chunk: int = 4, recycle_after: int = 200, keep_alive: bool = False
    ) -> None:
        self.jobs = max(1, jobs)
        self.keep_alive = keep_alive
        """Keep idle workers between calls of :meth:`results` (the dask engine reuses them)."""
        self.limits = limits
        self.chunk = max(1, chunk)
        self.recycle_after = max(1, recycle_after)
        self.workers: list[WorkerProcess] = []
        self.queue: deque[Task] = deque()
        self._barren = 0
        self.spawned = 0

    def results(self, tasks: list[Task]) -> Iterator[Result]:
        """Run every task; yield results as they finish (any order). Always cleans up its workers."""
        self.queue = deque(tasks)
        remaining = len(tasks)
        completed = False
        try:
            while remaining:
                self._fill()
                for result in self._step():
                    remaining -= 1
                    yield result
            completed = True
        finally:
            if not (completed and self.keep_alive):
                self.shutdown()

    def shutdown(self) -> None:
        """Kill every worker (used on completion, errors and Ctrl-C)."""
        for worker in self.workers:
            worker.kill()
        self.workers = []

    def _spawn(self) -> WorkerProcess:
        worker = WorkerProcess(self.limits.max_memory_mb)
        self.spawned += 1
        self.workers.append(worker)
        return worker

    def _fill(self) -> None:
        """Start workers up to ``jobs`` and top up their queues from the shared line."""
        while len(self.workers) < min(self.jobs, len(self.queue) + self._busy()):
            self._spawn()
        for worker in list(self.workers):
            if self._worn_out(worker):
                if not worker.pending:
                    self._retire(worker)
                continue
            if len(worker.pending) <= 1 and self.queue:
                room = self.recycle_after - worker.done_count - len(worker.pending)
                fair = max(1, len(self.queue) // (2 * self.jobs))
                take = min(self.chunk, fair, room, len(self.queue))
                self._send(worker, [self.queue.popleft() for _ in range(take)])

    def _worn_out(self, worker: WorkerProcess) -> bool:
        """Whether ``worker`` gets no new tasks (it is retired once its queue is empty)."""
        cap_kb = self.limits.max_memory_mb * 1024
        return (
            worker.exhausted
            or worker.done_count + len(worker.pending) >= self.recycle_after
            or (cap_kb > 0 and worker.rss_kb > cap_kb * RECYCLE_RSS_FRACTION)
        )

    def _send(self, worker: WorkerProcess, tasks: list[Task]) -> None:
        """Give ``tasks`` to ``worker``; if it died while idle, put them back and drop it."""
        try:
            worker.send(tasks)
        except (BrokenPipeError, OSError):
            worker.reap()
            self._requeue(worker)

    def _busy(self) -> int:
        return sum(1 for w in self.workers if w.pending)

    def _retire(self, worker: WorkerProcess) -> None:
        self.workers.remove(worker)
        worker.reap()

    def _step(self) -> list[Result]:
        """Wait for output or a deadline; handle finished tasks, timeouts and deaths."""
        by_fd = {w.fd: w for w in self.workers if w.pending or w.exhausted}
        ready, _, _ = select.select(list(by_fd), [], [], self._wait_seconds()) if by_fd else ([], [], [])
        out: list[Result] = []
        for fd in ready:
            worker = by_fd[fd]
            results, eof = worker.read_events()
            out.extend(results)
            if results:
                self._barren = 0
            if eof:
                out.extend(self._on_death(worker))
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.overdue(self.limits.timeout, now):
                out.append(self._on_timeout(worker))
            elif worker.stalled(self.limits.timeout + STARTUP_GRACE, now):
                worker.kill()
                self._requeue(worker)
                self._count_barren(worker, -9)
        return out

    def _wait_seconds(self) -> float:
        now = time.monotonic()
        waits = [w.started + self.limits.timeout - now for w in self.workers if w.started is not None]
        return max(0.01, min([POLL_SECONDS, *waits]))

    def _on_timeout(self, worker: WorkerProcess) -> Result:
        task = worker.pending.popleft()
        seconds = time.monotonic() - (worker.started or time.monotonic())
        worker.kill()
        self._requeue(worker)
        return Result(
            index=task.index,
            status="failed",
            code="timeout",
            message=f"no result within {self.limits.timeout:g} s: the worker was killed",
            seconds=round(seconds, 3),
            pid=worker.pid,
        )

    def _on_death(self, worker: WorkerProcess) -> list[Result]:
        """The worker's pipe closed: a crash while running a task, or an orderly exit."""
        task = worker.current
        status = worker.reap()
        if task is not None:
            worker.pending.popleft()
        self._requeue(worker)
        if task is None:
            if not worker.exhausted:
                self._count_barren(worker, status)
            return []
        seconds = time.monotonic() - (worker.started or time.monotonic())
        return [
            Result(
                index=task.index,
                status="failed",
                code="crashed",
                message=f"the worker process {describe_exit(status)} while parsing this file",
                seconds=round(seconds, 3),
                pid=worker.pid,
            )
        ]

    def _count_barren(self, worker: WorkerProcess, status: int) -> None:
        """A worker that ended before finishing any task; too many in a row stop the batch."""
        if worker.done_count:
            return
        self._barren += 1
        if self._barren >= MAX_BARREN_STARTS:
            raise EngineError(f"worker processes fail to start ({describe_exit(status)})")

    def _requeue(self, worker: WorkerProcess) -> None:
        """Drop a dead worker; its unstarted tasks go back to the front of the line, in order."""
        self.queue.extendleft(reversed(worker.pending))
        worker.pending.clear()
        if worker in self.workers:
            self.workers.remove(worker)
