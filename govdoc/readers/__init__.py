"""Readers: sniff the format from the bytes (never the file name) and dispatch.

Each reader module exposes ``read(data: bytes, path: str | None, options: ParseOptions) -> ReadResult``.
"""

from __future__ import annotations

import importlib
from typing import Protocol

from govdoc.errors import CorruptFileError, UnsupportedFormatError
from govdoc.options import ParseOptions
from govdoc.readers.base import ReadResult

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Compound File Binary: legacy .doc / .wps / .xls."""

READER_MODULES: dict[str, str] = {
    "pdf": "govdoc.readers.pdf",
    "docx": "govdoc.readers.docx",
    "ofd": "govdoc.readers.ofd",
    "legacy-ole": "govdoc.readers.legacy",
    "text": "govdoc.readers.text",
    "markdown": "govdoc.readers.text",
}


class _Reader(Protocol):
    def read(self, data: bytes, path: str | None, options: ParseOptions) -> ReadResult: ...


def _zip_kind(data: bytes) -> str | None:
    """docx / ofd / None from the central directory of a zip, without inflating anything."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return "zip-broken"
    if "word/document.xml" in names or any(n.endswith("document.xml") and n.startswith("word/") for n in names):
        return "docx"
    if "OFD.xml" in names or "ofd.xml" in {n.lower() for n in names}:
        return "ofd"
    return None


def sniff(data: bytes, path: str | None = None) -> str:
    """The format of ``data``: pdf, docx, ofd, legacy-ole, markdown, text — from content first."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06":
        kind = _zip_kind(data)
        if kind == "zip-broken":
            lower = (path or "").lower()
            if lower.endswith((".docx", ".ofd")):
                return lower.rsplit(".", 1)[1]
        return kind or "zip"
    if data[:8] == OLE_MAGIC:
        return "legacy-ole"
    from govdoc.readers.text import looks_like_markdown

    lower = (path or "").lower()
    if lower.endswith((".md", ".markdown")):
        return "markdown"
    return "markdown" if looks_like_markdown(data) else "text"


def read(data: bytes, path: str | None, options: ParseOptions) -> ReadResult:
    """Sniff and run the matching reader."""
    fmt = sniff(data, path)
    if fmt == "pdf":
        from govdoc.readers.ocr import read_pdf  # the PDF reader, with OCR when it finds no text layer

        return read_pdf(data, path, options)
    if fmt == "zip":
        raise UnsupportedFormatError("a zip archive that is neither DOCX nor OFD", path)
    if fmt == "zip-broken":
        raise CorruptFileError("a broken zip container (truncated or damaged DOCX/OFD)", path)
    module_name = READER_MODULES.get(fmt)
    if module_name is None:
        raise UnsupportedFormatError(f"no reader for format {fmt!r}", path)
    try:
        module: _Reader = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            raise UnsupportedFormatError(f"format {fmt!r} is not supported by this build", path) from None
        raise
    result = module.read(data, path, options)
    if fmt in ("text", "markdown"):
        result.format = fmt
    return result
