"""PDF speed and memory: govdoc.parse against pdfplumber's extract_text, measured in the same run.

    python bench/pdf_speed.py [--runs 5] [FILE.pdf ...]

For each file (default: the shared corpus's rendered big.pdf, 100 pages, and seed.pdf, 19 pages) it
times ``govdoc.parse(path)`` (the whole pipeline: read, normalize, classify, build) and pdfplumber's
``page.extract_text()`` over all pages, interleaved, takes the median of several runs of each and
prints the ratio of CPU times (wall-clock ratio in brackets; it moves when the machine is shared).
Peak RSS of a parse is measured in a fresh child process (interpreter and imports included), so the
number is what a batch worker holding one document at a time needs.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus" / "rendered"
DEFAULT_FILES = [SHARED / "big.pdf", SHARED / "seed.pdf"]
CHILD = """
import resource, sys
sys.path.insert(0, {root!r})
import govdoc
govdoc.parse({path!r})
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def time_govdoc(path: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one ``govdoc.parse``."""
    import govdoc

    cpu, wall = time.process_time(), time.perf_counter()
    govdoc.parse(path)
    return time.process_time() - cpu, time.perf_counter() - wall


def time_pdfplumber(path: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of pdfplumber's ``extract_text`` over every page."""
    import pdfplumber

    cpu, wall = time.process_time(), time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
    return time.process_time() - cpu, time.perf_counter() - wall


def peak_rss_mb(path: Path) -> float:
    """Peak resident memory (MB) of a fresh interpreter that imports govdoc and parses ``path``."""
    code = CHILD.format(root=str(ROOT), path=str(path))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    kilobytes = int(out.stdout.strip().splitlines()[-1])
    return kilobytes / 1024


def pages_of(path: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(path)
    try:
        return len(doc)
    finally:
        doc.close()


def measure(path: Path, runs: int) -> None:
    """Median of ``runs`` interleaved runs of each side (interleaving evens out a busy machine)."""
    time_govdoc(path)  # warm imports and caches once, outside the timing
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(time_govdoc(path))
        theirs.append(time_pdfplumber(path))
    our_cpu = statistics.median(t[0] for t in ours)
    their_cpu = statistics.median(t[0] for t in theirs)
    wall_ratio = statistics.median(t[1] for t in ours) / statistics.median(t[1] for t in theirs)
    rss = peak_rss_mb(path)
    pages = pages_of(path)
    print(
        f"{path.name:<14} pages={pages:<4} govdoc.parse={our_cpu * 1000:7.1f} ms "
        f"({our_cpu / pages * 1000:5.2f} ms/page)  pdfplumber.extract_text={their_cpu * 1000:7.1f} ms "
        f"({their_cpu / pages * 1000:5.2f} ms/page)  ratio={our_cpu / their_cpu:5.3f} "
        f"(wall {wall_ratio:5.3f})  peak_rss={rss:6.1f} MB"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--runs", type=int, default=5, help="runs of govdoc.parse per file (median)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    for path in args.files:
        measure(path, args.runs)
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(this process, after all runs incl. pdfplumber: peak_rss={self_rss:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
