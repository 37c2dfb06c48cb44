"""Hostile DOCX: zip bombs, XXE, entity expansion, broken containers → typed errors, never a hang."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from test_docx_helpers import make_docx, p, zip_bomb

from govdoc.errors import CorruptFileError, GovdocError, TooLargeError
from govdoc.options import ParseOptions
from govdoc.readers import docx as reader
from govdoc.readers import read as read_any


def test_bomb_with_gigabytes_declared_is_too_large_with_little_memory() -> None:
    data = zip_bomb(mib=340, aliases=12)
    assert len(data) < 400 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(TooLargeError) as info:
            read_any(data, "bomb.docx", ParseOptions())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.value.code == "too_large"
    assert peak < 100 * 1024 * 1024


def test_single_member_bomb_is_rejected_by_ratio() -> None:
    data = zip_bomb(mib=340, aliases=0)
    with pytest.raises(TooLargeError, match="ratio"):
        reader.read(data, "bomb.docx", ParseOptions())


def test_streaming_budget_stops_inflating() -> None:
    data = zip_bomb(mib=8, aliases=0)
    opts = ParseOptions(max_ratio=10**9, max_uncompressed=4 * 1024 * 1024)
    with pytest.raises(TooLargeError):
        reader.read(data, "bomb.docx", opts)


def test_too_many_entries() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<x/>")
        for i in range(6000):
            zf.writestr(f"word/media/{i}.bin", b"")
    with pytest.raises(TooLargeError, match="entries"):
        reader.read(buf.getvalue(), "many.docx", ParseOptions())


def test_xxe_does_not_read_local_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-42", encoding="utf-8")
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    data = make_docx(p("甲&xxe;乙"), prolog=prolog)
    try:
        blocks = reader.read(data, "xxe.docx", ParseOptions()).blocks
    except GovdocError:
        return
    text = "".join(b.text for b in blocks)
    assert "TOPSECRET" not in text
    assert text == "甲乙"


def test_billion_laughs_does_not_expand() -> None:
    ents = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    data = make_docx(p("&a9;"), prolog=f"<!DOCTYPE w:document [{ents}]>")
    try:
        blocks = reader.read(data, "lol.docx", ParseOptions()).blocks
    except GovdocError:
        return
    assert sum(len(b.text) for b in blocks) < 1000


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04 definitely not a zip",
        make_docx(p("x")).replace(b"word/document.xml", b"word/documenX.xml"),
    ],
)
def test_broken_containers_are_corrupt(data: bytes) -> None:
    with pytest.raises(CorruptFileError):
        reader.read(data, "bad.docx", ParseOptions())


def test_malformed_xml_is_corrupt() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(CorruptFileError, match="well-formed"):
        reader.read(buf.getvalue(), "bad.docx", ParseOptions())
