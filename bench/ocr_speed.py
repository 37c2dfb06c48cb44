"""OCR speed and what it recognises: pages per second of govdoc's OCR path on a scanned/outlined PDF.

    python bench/ocr_speed.py [PDF ...]    (default: ../shared/corpus/pdf/sd-2025-2-outlined.pdf)

Prints pages, seconds (model load excluded: the recogniser is created first), pages/s, and the
header fields govdoc.parse finds (title, addressees, the first sections). Needs ``govdoc[ocr]``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import govdoc
from govdoc.model import Section
from govdoc.options import ParseOptions
from govdoc.readers import ocr
from govdoc.readers.ocr_pdf import engine

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "pdf" / "sd-2025-2-outlined.pdf"
"""The outlined (glyphs drawn as paths) notice from the corpus."""


def bench(path: Path) -> None:
    started = time.perf_counter()
    doc = govdoc.parse(path, ParseOptions(ocr="auto"))
    seconds = time.perf_counter() - started
    pages = doc.source.pages or 0
    print(f"{path.name}: {pages} pages in {seconds:.1f} s = {pages / seconds:.2f} pages/s")
    print(f"  title: {doc.title}")
    print(f"  addressees: {doc.addressees}")
    print(f"  doc_number: {doc.doc_number.text if doc.doc_number else None}")
    print(f"  issuers: {doc.issuers}  issue_date: {doc.issue_date.date if doc.issue_date else None}")
    sections = [n for n in doc.body if isinstance(n, Section)]
    for section in sections[:6]:
        print(f"  section {section.marker} {section.title}")


def main(argv: list[str]) -> int:
    if not ocr.available():
        print('the OCR extra is not installed: pip install "govdoc[ocr]"')
        return 1
    engine()
    for name in argv or [str(DEFAULT)]:
        bench(Path(name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
