"""Run a batch: expand inputs, plan the resume, drive an engine, write outputs and the manifest."""

from __future__ import annotations

import contextlib
import shutil
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from govdoc.batch.child import file_sha256
from govdoc.batch.config import BatchConfig, Result, Task
from govdoc.batch.inputs import InputFile, expand_inputs, output_name
from govdoc.batch.manifest import (
    ManifestWriter,
    Row,
    atomic_file,
    atomic_write,
    outdir_lock,
    reusable_rows,
    sweep_temp_files,
)
from govdoc.batch.progress import Progress, make_progress

JSONL_NAME = "documents.jsonl"
"""With ``--format jsonl``: every converted document, one per line, in input order."""


class Engine(Protocol):
    def results(self, tasks: list[Task]) -> Iterator[Result]: ...


@dataclass
class BatchReport:
    """The outcome of a run: final rows (input order), counts and per-worker memory samples."""

    rows: list[Row] = field(default_factory=list)
    converted: int = 0
    skipped: int = 0
    failed: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    pages: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    cpu_seconds: float = 0.0
    """CPU time the workers spent on the files of this run."""
    memory: list[tuple[int, str | None, int]] = field(default_factory=list)
    """``(worker pid, input sha256, worker peak RSS in KiB)`` after each file, in completion order."""

    @property
    def exit_code(self) -> int:
        """0 all ok, 1 some failed, 130 interrupted."""
        if self.interrupted:
            return 130
        return 1 if self.failed else 0

    def summary(self) -> str:
        """One paragraph for the end of a run."""
        done = self.converted + self.failed
        rate = done / self.seconds if self.seconds > 0 else 0.0
        page_rate = self.pages / self.seconds if self.seconds > 0 else 0.0
        codes = ", ".join(f"{code} {n}" for code, n in sorted(self.codes.items()))
        lines = [
            f"{len(self.rows)} inputs: {self.converted} converted, {self.skipped} skipped (already done), "
            f"{self.failed} failed" + (f" [{codes}]" if codes else ""),
            f"{self.seconds:.1f} s, {rate:.2f} files/s, {page_rate:.1f} pages/s",
        ]
        if self.interrupted:
            lines.append("interrupted: run again with --resume to finish")
        return "\n".join(lines)


def make_engine(config: BatchConfig) -> Engine:
    """The engine ``config.engine`` names."""
    if config.engine == "dask":
        from govdoc.batch.dask_engine import DaskEngine

        return DaskEngine(config.jobs, config.limits, config.scheduler)
    from govdoc.batch.local import LocalEngine

    return LocalEngine(config.jobs, config.limits, config.chunk, config.recycle_after)


def run_batch(config: BatchConfig, progress: Progress | None = None, engine: Engine | None = None) -> BatchReport:
    """Convert every input of ``config``; see :mod:`govdoc.batch` for the guarantees.

    Raises :class:`~govdoc.batch.inputs.InputError` for inputs that name nothing and
    :class:`~govdoc.batch.manifest.OutdirBusyError` when another batch writes to the same OUTDIR."""
    files = expand_inputs(config.inputs, config.outdir)
    outdir = Path(config.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    with outdir_lock(outdir):
        sweep_temp_files(outdir)
        return _run(config, files, outdir, progress, engine)


def _run(
    config: BatchConfig, files: list[InputFile], outdir: Path, progress: Progress | None, engine: Engine | None
) -> BatchReport:
    outputs = [output_name(f.rel, config.format) for f in files]
    done = _plan_resume(files, outputs, outdir) if config.resume else {}
    report = BatchReport(skipped=len(done))
    writer = ManifestWriter(outdir, list(done.values()))
    lim = config.limits
    tasks = [Task(i, f.path, lim.max_pages, lim.max_bytes, config.ocr) for i, f in enumerate(files) if i not in done]
    bar = progress or make_progress(config.progress)
    began = time.monotonic()
    bar.start(len(tasks), len(done))
    try:
        _drive(engine or make_engine(config), tasks, files, outputs, outdir, writer, bar, done, report)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        bar.close()
        report.seconds = time.monotonic() - began
        report.rows = [done[i] for i in sorted(done)]
        writer.finish(report.rows)
    if config.format == "jsonl" and not report.interrupted:
        _join_jsonl(outdir, report.rows)
    return report


def _plan_resume(files: list[InputFile], outputs: list[str], outdir: Path) -> dict[int, Row]:
    """Inputs whose output exists from an ok row with the same SHA-256: their rows, by input index."""
    reusable = reusable_rows(outdir)
    done: dict[int, Row] = {}
    for i, (item, output) in enumerate(zip(files, outputs, strict=True)):
        row = reusable.get(output)
        if row is None:
            continue
        try:
            same = file_sha256(item.path) == row.sha256
        except OSError:
            continue
        if same:
            row.path = item.path
            done[i] = row
    return done


def _drive(
    engine: Engine,
    tasks: list[Task],
    files: list[InputFile],
    outputs: list[str],
    outdir: Path,
    writer: ManifestWriter,
    bar: Progress,
    done: dict[int, Row],
    report: BatchReport,
) -> None:
    results = engine.results(tasks)
    try:
        for result in results:
            row = _record(result, files[result.index].path, outputs[result.index], outdir)
            writer.append(row)
            done[result.index] = row
            _count(report, result)
            bar.advance(result.status == "ok", result.pages)
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()


def _record(result: Result, path: str, output: str, outdir: Path) -> Row:
    """Write the output of an ok result (atomically) and make its manifest row."""
    written: str | None = None
    if result.sha256 is None:  # the worker died or was killed before reporting it
        with contextlib.suppress(OSError):
            result.sha256 = file_sha256(path)
    if result.status == "ok" and result.json is not None:
        atomic_write(outdir / output, (result.json + "\n").encode("utf-8"))
        written = output
    return Row(
        path=path,
        sha256=result.sha256,
        status=result.status,
        code=result.code,
        message=result.message,
        output=written,
        pages=result.pages,
        seconds=result.seconds,
    )


def _count(report: BatchReport, result: Result) -> None:
    report.cpu_seconds += result.cpu_seconds
    if result.status == "ok":
        report.converted += 1
        report.pages += result.pages or 0
    else:
        report.failed += 1
        report.codes[result.code or "unknown"] += 1
    if result.pid is not None and result.rss_kb is not None:
        report.memory.append((result.pid, result.sha256, result.rss_kb))


def _join_jsonl(outdir: Path, rows: list[Row]) -> None:
    """``documents.jsonl``: the ok outputs (one JSON document per line), in input order."""
    with atomic_file(outdir / JSONL_NAME) as out:
        for row in rows:
            if row.status == "ok" and row.output:
                with open(outdir / row.output, "rb") as part:
                    shutil.copyfileobj(part, out)
