"""Legacy .doc/.wps through LibreOffice, the hint without it, and one notice in five formats."""

from __future__ import annotations

from typing import Any

import pytest

import govdoc
from govdoc.errors import UnsupportedFormatError
from govdoc.options import ParseOptions
from govdoc.readers import legacy, read, sniff
from tests.conftest import shared_path

needs_soffice = pytest.mark.skipif(legacy.find_soffice() is None, reason="LibreOffice (soffice) not on PATH")


def _header(doc: Any) -> dict[str, Any]:
    return {
        "doc_number": doc.doc_number.text if doc.doc_number else None,
        "title": doc.title,
        "issuers": doc.issuers,
        "issue_date": doc.issue_date.date.isoformat() if doc.issue_date else None,
        "addressees": doc.addressees,
        "cc": [(c.kind, c.organs) for c in doc.cc],
        "printed_by": doc.printed_by,
    }


EXPECTED = {
    "doc_number": "国防部发〔2012〕21号",
    "title": "国防部关于放假的通知",
    "issuers": ["国防部"],
    "issue_date": "2012-12-12",
    "addressees": ["各有关单位"],
    "cc": [("抄送", ["教育局", "教育局"]), ("分送", ["教育局", "教育局"])],
    "printed_by": "国防部",
}


@pytest.mark.parametrize("ext", ["pdf", "docx", "ofd", pytest.param("wps", marks=needs_soffice)])
def test_one_notice_in_several_formats_gives_the_same_header(ext: str) -> None:
    doc = govdoc.parse(shared_path("corpus", "thirdparty", f"gc-test.{ext}"))
    assert doc.source.format == ext
    assert _header(doc) == EXPECTED


@needs_soffice
def test_doc_variant_is_read_through_libreoffice() -> None:
    """The corpus's .doc is an edited copy of the same notice (its own number, title and 抄送 organ)."""
    doc = govdoc.parse(shared_path("corpus", "thirdparty", "gc-test.doc"))
    assert doc.source.format == "doc"
    header = _header(doc)
    assert header["doc_number"] == "国防部发〔2023〕33号"
    assert header["title"] == "国防部关于教育部放假的通知"
    same = ("issuers", "issue_date", "addressees", "printed_by")
    assert {k: header[k] for k in same} == {k: EXPECTED[k] for k in same}
    assert header["cc"] == [("抄送", ["教育部", "教育部"]), ("分送", ["教育部", "教育部"])]


def test_without_soffice_the_reason_says_how_to_enable(monkeypatch: pytest.MonkeyPatch) -> None:
    data = shared_path("corpus", "thirdparty", "gc-test.wps").read_bytes()
    assert sniff(data) == "legacy-ole"
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(UnsupportedFormatError) as err:
        read(data, "old.wps", ParseOptions())
    assert "soffice" in err.value.reason and "govdoc[legacy]" in err.value.reason
    assert err.value.path == "old.wps"


def test_ole_file_that_is_not_word_is_unsupported() -> None:
    fake_xls = legacy.WORD_STREAM.replace(b"W", b"X") + b"\0" * 512
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + fake_xls
    with pytest.raises(UnsupportedFormatError):
        read(data, "sheet.xls", ParseOptions())


@needs_soffice
def test_broken_word_file_never_raises_a_foreign_exception() -> None:
    """LibreOffice salvages what it can from a damaged file (as text) or fails: a result or a GovdocError."""
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + legacy.WORD_STREAM + b"\0garbage" * 64
    try:
        result = read(data, "broken.doc", ParseOptions())
    except govdoc.GovdocError as err:
        assert err.code in ("corrupt", "unsupported_format") and err.path == "broken.doc"
    else:
        assert result.format == "doc"
