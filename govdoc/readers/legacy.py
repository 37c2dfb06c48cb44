"""Legacy Word and WPS files (OLE compound documents: ``.doc``, ``.wps``) via LibreOffice.

When ``soffice`` (LibreOffice) is on PATH the file is converted headless into a private temporary
directory (``soffice --headless --convert-to docx``, a throw-away user profile so parallel
conversions never share a lock) under a timeout, and the DOCX is read by the DOCX reader. Without
LibreOffice the file is ``unsupported_format`` with a hint on how to enable it (the ``govdoc[legacy]``
extra documents the system package; LibreOffice itself is not on PyPI).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from govdoc.errors import CorruptFileError, ParseTimeoutError, UnsupportedFormatError
from govdoc.options import ParseOptions
from govdoc.readers import docx
from govdoc.readers.base import ReadResult

CONVERT_TIMEOUT = 90.0
"""Seconds LibreOffice may take to convert one file before it is killed (``timeout``)."""
WORD_STREAM = "WordDocument".encode("utf-16-le")
"""The directory entry name of the main stream of a Word 97–2003 / WPS document inside an OLE file."""
SOFFICE_NAMES = ("soffice", "libreoffice")
"""Executables looked up on PATH."""
ENABLE_HINT = (
    "install LibreOffice so that `soffice` is on PATH (e.g. `apt-get install libreoffice-writer-nogui`; "
    'see `pip install "govdoc[legacy]"`), or convert the file to DOCX first'
)
"""How to read legacy files, quoted in the ``unsupported_format`` reason."""


def find_soffice() -> str | None:
    """The LibreOffice executable on PATH, or None."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _suffix(path: str | None) -> str:
    lower = (path or "").lower()
    return ".wps" if lower.endswith(".wps") else ".doc"


def _run(cmd: list[str], path: str | None) -> None:
    """Run soffice in its own process group; on timeout the whole group is killed."""
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, start_new_session=True
    )
    try:
        _, err = proc.communicate(timeout=CONVERT_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise ParseTimeoutError(f"LibreOffice did not convert the file within {CONVERT_TIMEOUT:.0f} s", path) from None
    if proc.returncode != 0:
        tail = err.decode("utf-8", "replace").strip()[-200:]
        raise CorruptFileError(f"LibreOffice could not convert the file (exit {proc.returncode}): {tail}", path)


def convert_to_docx(data: bytes, path: str | None, soffice: str) -> bytes:
    """The DOCX bytes LibreOffice makes of ``data``."""
    with tempfile.TemporaryDirectory(prefix="govdoc-legacy-") as tmp:
        src = Path(tmp) / f"input{_suffix(path)}"
        src.write_bytes(data)
        out = Path(tmp) / "out"
        profile = (Path(tmp) / "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
        cmd += ["--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(src)]
        _run(cmd, path)
        result = out / "input.docx"
        if not result.is_file():
            raise CorruptFileError("LibreOffice produced no DOCX (not a Word/WPS document?)", path)
        return result.read_bytes()


def read(data: bytes, path: str | None, options: ParseOptions) -> ReadResult:
    """Read a .doc/.wps file through LibreOffice and the DOCX reader."""
    if WORD_STREAM not in data:
        raise UnsupportedFormatError("an OLE compound file that is not a Word or WPS document", path)
    soffice = find_soffice()
    if soffice is None:
        raise UnsupportedFormatError(f"legacy Word/WPS (OLE) file: {ENABLE_HINT}", path)
    result = docx.read(convert_to_docx(data, path, soffice), path, options)
    result.format = "wps" if _suffix(path) == ".wps" else "doc"
    return result
