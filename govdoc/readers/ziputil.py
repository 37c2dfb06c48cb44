"""Hardened access to zip containers (DOCX, OFD) and their XML parts.

Before anything is inflated the central directory is checked (entry count, declared sizes, compression
ratio); members are then read by streaming with a cap, so a zip bomb whose directory lies is still stopped
after at most ``cap`` bytes. XML is parsed by lxml with entity resolution, DTD loading and network access
off and ``huge_tree`` off: an XXE or billion-laughs part neither reads local files nor expands.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

import regex as re
from lxml import etree

from govdoc.errors import CorruptFileError, EncryptedFileError, TooLargeError
from govdoc.options import ParseOptions

MAX_ENTRIES = 5000
"""Most members a container may list (a DOCX has a few dozen)."""
RATIO_MIN_SIZE = 1024 * 1024
"""Members that inflate to less than this (1 MiB) are never rejected for their ratio alone."""
CHUNK = 64 * 1024
"""Bytes inflated per read while streaming a member."""

_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error)
INT_TEXT = re.compile(r"^\s*[+-]?[0-9]{1,9}\s*$")
"""An XML attribute that is a plain integer of at most nine ASCII digits: ``"720"``, ``"-1"`` (not ``"²"``)."""


def xml_int(value: str | None, default: int | None = None, lo: int = -1_000_000, hi: int = 1_000_000) -> int | None:
    """An integer attribute of a hostile file: ``default`` unless plain ASCII digits, then clamped to [lo, hi]."""
    if value is None or not INT_TEXT.match(value):
        return default
    return max(lo, min(hi, int(value)))


def safe_xml_parser() -> Any:
    """An lxml parser that never resolves entities, loads DTDs, touches the network or builds huge trees."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_xml(data: bytes, path: str | None, part: str) -> Any:
    """``data`` as an lxml root element; a malformed part is :class:`CorruptFileError`."""
    try:
        root = etree.fromstring(data, parser=safe_xml_parser())
    except etree.XMLSyntaxError as exc:
        raise CorruptFileError(f"{part} is not well-formed XML: {exc}", path) from None
    if root is None:
        raise CorruptFileError(f"{part} is empty", path)
    return root


@dataclass
class SafeZip:
    """A checked zip container whose members are read under a shared decompression budget."""

    zf: zipfile.ZipFile
    path: str | None
    options: ParseOptions
    used: int = 0
    """Bytes inflated so far across all members."""
    names: set[str] = field(default_factory=set)

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        """Inflate one member, streaming, stopping at its declared size or the remaining budget."""
        try:
            info = self.zf.getinfo(name)
        except KeyError:
            raise CorruptFileError(f"missing part {name}", self.path) from None
        budget = self.options.max_uncompressed - self.used
        cap = min(info.file_size, budget)
        out = io.BytesIO()
        try:
            with self.zf.open(info) as fh:
                while True:
                    chunk = fh.read(min(CHUNK, cap - out.tell() + 1))
                    if not chunk:
                        break
                    out.write(chunk)
                    if out.tell() > cap:
                        raise TooLargeError(f"{name} inflates beyond {cap} bytes", self.path)
        except RuntimeError as exc:  # zipfile raises RuntimeError for encrypted members
            raise EncryptedFileError(f"{name}: {exc}", self.path) from None
        except _ZIP_ERRORS as exc:
            raise CorruptFileError(f"cannot inflate {name}: {exc}", self.path) from None
        self.used += out.tell()
        return out.getvalue()

    def read_xml(self, name: str) -> Any:
        """A member parsed with :func:`parse_xml`."""
        return parse_xml(self.read(name), self.path, name)

    def close(self) -> None:
        self.zf.close()


def open_zip(data: bytes, path: str | None, options: ParseOptions) -> SafeZip:
    """Open ``data`` as a zip after checking its directory; raises ``too_large``/``corrupt``/``encrypted``."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except _ZIP_ERRORS as exc:
        raise CorruptFileError(f"not a readable zip container: {exc}", path) from None
    check_directory(infos, path, options)
    return SafeZip(zf=zf, path=path, options=options, names={i.filename for i in infos})


def check_directory(infos: list[zipfile.ZipInfo], path: str | None, options: ParseOptions) -> None:
    """Entry count, declared total size, per-member ratio and encryption, from the central directory."""
    if len(infos) > MAX_ENTRIES:
        raise TooLargeError(f"zip lists {len(infos)} entries (limit {MAX_ENTRIES})", path)
    total = sum(i.file_size for i in infos)
    if total > options.max_uncompressed:
        limit = options.max_uncompressed
        raise TooLargeError(f"zip declares {total} bytes uncompressed (limit {limit})", path)
    for info in infos:
        if info.flag_bits & 0x1:
            raise EncryptedFileError(f"zip member {info.filename} is encrypted", path)
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= RATIO_MIN_SIZE and ratio > options.max_ratio:
            raise TooLargeError(f"{info.filename} has compression ratio {ratio:.0f} (limit {options.max_ratio})", path)
