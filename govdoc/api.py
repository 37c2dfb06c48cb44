"""The public entry points: wire read → normalize → classify → build."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from govdoc.errors import CorruptFileError, GovdocError, TooLargeError
from govdoc.model import Document, SourceInfo
from govdoc.options import ParseOptions
from govdoc.readers import read
from govdoc.readers.base import ReadResult
from govdoc.readers.text import iter_blocks

Source = str | os.PathLike[str] | bytes


def _load(source: Source, options: ParseOptions) -> tuple[bytes, str | None]:
    if isinstance(source, bytes):
        if len(source) > options.max_bytes:
            raise TooLargeError(f"{len(source)} bytes exceed the limit of {options.max_bytes}")
        return source, None
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise TooLargeError(f"{size} bytes exceed the limit of {options.max_bytes}", path)
        return path.read_bytes(), str(path)
    except FileNotFoundError:
        raise CorruptFileError("no such file", path) from None
    except IsADirectoryError:
        raise CorruptFileError("is a directory, not a file", path) from None
    except PermissionError:
        raise CorruptFileError("permission denied", path) from None


def parse(source: Source, options: ParseOptions | None = None) -> Document:
    """Parse a file (path) or its bytes — PDF, DOCX, text or Markdown — into a :class:`Document`.

    Raises :class:`~govdoc.errors.GovdocError` (with ``code`` and the path) for input it cannot read.
    """
    opts = options or ParseOptions()
    data, path = _load(source, opts)
    if not data.strip():
        raise CorruptFileError("empty file: no bytes (or only white space) to read", path)
    try:
        result = read(data, path, opts)
    except GovdocError as err:
        if err.path is None and path is not None:
            err.path = path
        raise
    except RecursionError:
        raise CorruptFileError("structure nested too deeply to read", path) from None
    except Exception as exc:  # the last line of defence: a dependency failed on hostile bytes
        raise CorruptFileError(f"cannot be read ({type(exc).__name__}: {exc})"[:300], path) from exc
    info = SourceInfo(path=path, format=result.format, pages=result.pages, sha256=hashlib.sha256(data).hexdigest())
    return _pipeline(result, info)


def parse_text(text: str, *, markdown: bool = True) -> Document:
    """Parse a string (plain text or Markdown) into a :class:`Document`."""
    blocks = iter_blocks(text)
    result = ReadResult(blocks=blocks, format="markdown" if markdown else "text")
    info = SourceInfo(path=None, format=result.format, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    return _pipeline(result, info)


def _pipeline(result: ReadResult, info: SourceInfo) -> Document:
    from govdoc.build import build
    from govdoc.classify import classify
    from govdoc.normalize import normalize

    normalized = normalize(result.blocks, result.format)
    labeled = classify(normalized)
    return build(labeled, info, result.warnings, normalized)


def to_json(doc: Document, *, pretty: bool = False, with_source: bool = True) -> str:
    """The document as JSON (the contract of ``schemas/govdoc.schema.json``)."""
    from govdoc.render.json import render_json

    return render_json(doc, pretty=pretty, with_source=with_source)
