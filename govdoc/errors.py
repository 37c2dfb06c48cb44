"""Typed errors. Every failure govdoc reports is a :class:`GovdocError` with a ``code`` and the path."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

ErrorCode = Literal[
    "unsupported_format",
    "corrupt",
    "encrypted",
    "no_text_layer",
    "too_large",
    "timeout",
]


class GovdocError(Exception):
    """Base of govdoc's errors: ``code`` is stable for machines, ``reason`` is for people."""

    code: ErrorCode = "corrupt"

    def __init__(self, reason: str, path: str | Path | None = None) -> None:
        self.reason = reason
        self.path = str(path) if path is not None else None
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """``code: path: reason`` on one line, for logs and the CLI."""
        where = f"{self.path}: " if self.path else ""
        return f"{self.code}: {where}{self.reason}".replace("\n", " ")


class UnsupportedFormatError(GovdocError):
    """The bytes are not a format govdoc reads."""

    code: ErrorCode = "unsupported_format"


class CorruptFileError(GovdocError):
    """The file claims a format but cannot be read as it."""

    code: ErrorCode = "corrupt"


class EncryptedFileError(GovdocError):
    """The file is password-protected."""

    code: ErrorCode = "encrypted"


class NoTextLayerError(GovdocError):
    """A PDF/OFD without extractable text (a scan, or glyphs drawn as outlines)."""

    code: ErrorCode = "no_text_layer"


class TooLargeError(GovdocError):
    """The input exceeds a limit (pages, bytes, decompressed size)."""

    code: ErrorCode = "too_large"


class ParseTimeoutError(GovdocError):
    """Parsing took longer than allowed."""

    code: ErrorCode = "timeout"


ERRORS_BY_CODE: dict[str, type[GovdocError]] = {
    cls.code: cls
    for cls in (
        UnsupportedFormatError,
        CorruptFileError,
        EncryptedFileError,
        NoTextLayerError,
        TooLargeError,
        ParseTimeoutError,
    )
}
