"""Throughput of ``govdoc batch`` with --jobs 1 and --jobs 2, and worker memory over a long run.

    python bench/batch_speed.py [--files 300] [--rounds 2] [--keep DIR]

Builds an archive of ``--files`` copies of the shared corpus PDFs and DOCX (cycled, in copy folders),
converts it with the local engine at --jobs 1 and --jobs 2 (``--rounds`` interleaved rounds, the best
rate of each counts: other processes on the machine only ever slow a run down), and prints files/s,
pages/s, the speed-up, and for each worker its peak RSS (VmHWM) once warm (each distinct file parsed
once) and at its last file. Worker recycling is switched off here so that a leak would show; OCR is
off (the outlined PDF fails fast with no_text_layer) because OCR speed is another benchmark's business.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from govdoc.batch import BatchConfig, BatchReport, run_batch

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
TARGET_SPEEDUP = 1.7
"""The issue's target: --jobs 2 at least 1.7x the files/s of --jobs 1."""
RSS_TOLERANCE = 0.10
"""Worker peak RSS at the end within 10% of the start."""


def build_archive(root: Path, files: int) -> int:
    """``files`` copies of the corpus PDFs and DOCX under ``root/copyNNN/``; returns the count."""
    sources = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".pdf", ".docx"))
    for i in range(files):
        src = sources[i % len(sources)]
        dst = root / f"copy{i // len(sources):03d}" / src.name
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
    return files


def run(archive: Path, out: Path, jobs: int, files: int) -> tuple[BatchReport, float]:
    config = BatchConfig(
        inputs=(str(archive),),
        outdir=str(out),
        jobs=jobs,
        progress="none",
        recycle_after=files + 1,
        ocr="never",
    )
    began = time.perf_counter()
    report = run_batch(config)
    return report, time.perf_counter() - began


def cpu_pressure() -> str:
    """Linux PSI: the share of time some task waited for a CPU over the last 60 s."""
    try:
        with open("/proc/pressure/cpu", encoding="ascii") as fh:
            fields = dict(kv.split("=") for kv in fh.readline().split()[1:])
        return f"CPU pressure {fields['avg60']}% over 60 s"
    except (OSError, KeyError, ValueError):
        return "CPU pressure unknown"


def warm_peak(samples: list[tuple[str | None, int]]) -> tuple[int, int]:
    """(files done, peak RSS) at the moment the worker had parsed each distinct input once."""
    distinct = {sha for sha, _ in samples}
    seen: set[str | None] = set()
    for n, (sha, rss) in enumerate(samples, start=1):
        seen.add(sha)
        if seen == distinct:
            return n, rss
    return len(samples), samples[-1][1]


def rss_lines(report: BatchReport) -> tuple[list[str], bool]:
    """Per worker: peak RSS (VmHWM) once warm (every distinct file parsed once) and at its last file."""
    per_worker: dict[int, list[tuple[str | None, int]]] = {}
    for pid, sha, rss in report.memory:
        per_worker.setdefault(pid, []).append((sha, rss))
    lines, ok = [], True
    for pid, samples in sorted(per_worker.items()):
        warm_at, start = warm_peak(samples)
        end = samples[-1][1]
        growth = (end - start) / start
        ok = ok and growth <= RSS_TOLERANCE
        lines.append(
            f"  worker {pid}: {len(samples)} files; peak RSS {start / 1024:.1f} MiB when warm "
            f"(file {warm_at}) → {end / 1024:.1f} MiB at the end ({growth:+.1%})"
        )
    return lines, ok


def measure(archive: Path, out: Path, jobs: int, files: int) -> tuple[float, bool]:
    """One run: print its line and worker memory; (files/s, memory within tolerance)."""
    report, seconds = run(archive, out, jobs, files)
    shutil.rmtree(out, ignore_errors=True)
    done = report.converted + report.failed
    busy = sum(r.seconds for r in report.rows)
    print(
        f"--jobs {jobs}: {done} files ({report.failed} failed) in {seconds:.1f} s: "
        f"{done / seconds:.2f} files/s, {report.pages / seconds:.1f} pages/s; "
        f"workers busy {busy:.1f} s = {busy / (jobs * seconds):.0%} of {jobs} x wall time, "
        f"CPU {report.cpu_seconds:.1f} s ({cpu_pressure()})"
    )
    lines, ok = rss_lines(report)
    print("\n".join(lines))
    return done / seconds, ok


def main(argv: list[str] | None = None) -> int:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds; the best rate counts")
    parser.add_argument("--keep", help="build the archive here and keep it")
    args = parser.parse_args(argv)
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="govdoc-batch-bench-"))
    try:
        build_archive(root / "archive", args.files)
        print(f"load average before: {os.getloadavg()[0]:.2f} (other processes skew wall-clock rates)")
        rates: dict[int, float] = {1: 0.0, 2: 0.0}
        all_ok = True
        for _round in range(args.rounds):
            for jobs in (1, 2):
                rate, ok = measure(root / "archive", root / f"out-j{jobs}", jobs, args.files)
                rates[jobs] = max(rates[jobs], rate)
                all_ok = all_ok and ok
        speedup = rates[2] / rates[1]
        print(f"best files/s: --jobs 1 {rates[1]:.2f}, --jobs 2 {rates[2]:.2f}")
        print(f"speed-up --jobs 2 / --jobs 1: {speedup:.2f}x (target ≥ {TARGET_SPEEDUP}x)")
        print(f"worker RSS at the end within {RSS_TOLERANCE:.0%} of the start: {'yes' if all_ok else 'NO'}")
        return 0 if speedup >= TARGET_SPEEDUP and all_ok else 1
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
