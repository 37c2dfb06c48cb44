"""Cheap checks on a PDF's raw bytes, made before any real work: truncation and flate bombs.

A flate bomb is a small stream that inflates to gigabytes. pdfium inflates content, font, object and
xref streams as it loads a page, so those are measured here first, incrementally and with a cap: the
scan stops as soon as a limit is crossed, so a 400 MB bomb is refused after inflating ~100 MB (well
under a second). Image streams are skipped: govdoc never renders images, so pdfium never inflates them.
"""

from __future__ import annotations

import zlib

import regex as re

from govdoc.errors import CorruptFileError, TooLargeError
from govdoc.options import ParseOptions

STREAM_START = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
"""The keyword that opens a stream body: ``<< /Filter /FlateDecode /Length 42 >>\\nstream\\n``."""
FLATE_FILTER = re.compile(rb"/(?:FlateDecode|Fl)\b")
"""A Flate filter in a stream dictionary: ``/Filter /FlateDecode`` or the abbreviation ``/Fl``."""
IMAGE_SUBTYPE = re.compile(rb"/Subtype\s*/Image\b")
"""An image XObject dictionary: ``/Subtype /Image`` (never inflated by govdoc)."""
EOF_MARKER = b"%%EOF"
"""The end-of-file marker every complete PDF ends with (within its last 1024 bytes)."""
EOF_WINDOW = 1024
"""How far from the end the ``%%EOF`` marker is looked for (as Acrobat does)."""
DICT_LOOKBACK = 2048
"""How many bytes before ``stream`` are searched for the stream's dictionary."""
CHUNK = 256 * 1024
"""Compressed bytes fed to the inflater at a time."""
OUT_STEP = 4 * 1024 * 1024
"""Most bytes inflated per call (bounds memory while measuring)."""
BOMB_MIN_OUTPUT = 100 * 1024 * 1024
"""A single stream is judged by its compression ratio only once it inflates past 100 MiB."""


def check_complete(data: bytes, path: str | None) -> None:
    """Raise :class:`CorruptFileError` for a truncated PDF (no ``%%EOF`` at the end)."""
    if EOF_MARKER not in data[-EOF_WINDOW:]:
        raise CorruptFileError("truncated PDF: no %%EOF marker at the end of the file", path)


def _over(out: int, consumed: int, budget: int, max_ratio: int) -> bool:
    return out > budget or (out > BOMB_MIN_OUTPUT and out > max_ratio * max(consumed, 1))


def _inflated_size(data: bytes, start: int, budget: int, max_ratio: int) -> tuple[int, int, bool]:
    """Inflate the stream body at ``start``: (bytes out, end offset, stopped because over a limit)."""
    inflater = zlib.decompressobj()
    out = 0
    pos = start
    while pos < len(data) and not inflater.eof:
        pending = data[pos : pos + CHUNK]
        pos += len(pending)
        while pending and not inflater.eof:
            try:
                out += len(inflater.decompress(pending, OUT_STEP))
            except zlib.error:
                return out, pos, False
            if _over(out, pos - start, budget, max_ratio):
                return out, pos, True
            pending = inflater.unconsumed_tail
    return out, pos - len(inflater.unused_data), False


def check_streams(data: bytes, path: str | None, options: ParseOptions) -> int:
    """Measure every non-image Flate stream; raise :class:`TooLargeError` past the limits.

    Limits: the total of all inflated streams may not exceed ``options.max_uncompressed``; one stream
    that inflates past 100 MiB at more than ``options.max_ratio`` times its compressed size is a bomb.
    Returns the total inflated size.
    """
    total = 0
    pos = 0
    while True:
        match = STREAM_START.search(data, pos)
        if match is None:
            return total
        head = data[max(0, match.start() - DICT_LOOKBACK) : match.start()]
        head = head[head.rfind(b"obj") + 1 :] if b"obj" in head else head
        pos = match.end()
        if not FLATE_FILTER.search(head) or IMAGE_SUBTYPE.search(head):
            continue
        out, end, over = _inflated_size(data, pos, options.max_uncompressed - total, options.max_ratio)
        total += out
        if over:
            raise TooLargeError(
                f"a compressed stream inflates beyond the limits (more than {out // (1024 * 1024)} MiB; "
                f"limits: {options.max_uncompressed} bytes in all, ratio {options.max_ratio})",
                path,
            )
        pos = max(pos, end)
