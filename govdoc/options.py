"""Parse options, resolved once and frozen."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 500 * 1024 * 1024
"""Largest input file read (500 MB)."""
DEFAULT_MAX_PAGES = 2000
"""Most pages read from a paged document."""
DEFAULT_MAX_UNCOMPRESSED = 1024 * 1024 * 1024
"""Largest total decompressed size of a zip container (DOCX, OFD) or PDF streams (1 GiB)."""
DEFAULT_MAX_RATIO = 200
"""Largest compression ratio of one zip entry before it is treated as a bomb."""


@dataclass(frozen=True)
class ParseOptions:
    """Limits and switches for one parse."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_pages: int = DEFAULT_MAX_PAGES
    max_uncompressed: int = DEFAULT_MAX_UNCOMPRESSED
    max_ratio: int = DEFAULT_MAX_RATIO
    ocr: str = "auto"
    """auto | always | never (used only when the ``ocr`` extra is installed)."""
