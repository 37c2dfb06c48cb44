"""Regression tests: hostile DOCX and OFD parts found in review end with a result or a GovdocError, quickly.

Each case edits one XML part of a real file (values Word or an OFD writer would never produce: superscript
digits, 5,000-digit numbers, infinities, a repeat bomb)."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

import govdoc
from tests.conftest import FIXTURES, shared_path
from tests.pdf_build import pdf_bytes, stream

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NUMPR = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'


def rezip(src: bytes, parts: dict[str, bytes]) -> bytes:
    zin = zipfile.ZipFile(io.BytesIO(src))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zo:
        for name in zin.namelist():
            zo.writestr(name, parts.get(name, zin.read(name)))
        for name, data in parts.items():
            if name not in zin.namelist():
                zo.writestr(name, data)
    return out.getvalue()


def body(inner: str) -> bytes:
    return f"<w:document {W}><w:body>{inner}</w:body></w:document>".encode()


def para(ppr: str = "", rpr: str = "", text: str = "一、总体要求") -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:rPr>{rpr}</w:rPr><w:t>{text}</w:t></w:r></w:p>"


def numbering(ilvl: str, start: str, fmt: str, override: str = "") -> bytes:
    return (
        f'<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl {ilvl}><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1">'
        f'<w:abstractNumId w:val="0"/>{override}</w:num></w:numbering>'
    ).encode()


DOCX_CASES = {
    "roman_start_huge": {
        "word/numbering.xml": numbering('w:ilvl="0"', "9" * 18, "upperRoman"),
        "word/document.xml": body(para(NUMPR)),
    },
    "ilvl_text": {
        "word/numbering.xml": numbering('w:ilvl="zz"', "1", "decimal"),
        "word/document.xml": body(para(NUMPR)),
    },
    "start_superscript": {
        "word/numbering.xml": numbering('w:ilvl="0"', "²", "decimal"),
        "word/document.xml": body(para(NUMPR)),
    },
    "start_5000_digits": {
        "word/numbering.xml": numbering('w:ilvl="0"', "9" * 5000, "decimal"),
        "word/document.xml": body(para(NUMPR)),
    },
    "override_ilvl_text": {
        "word/numbering.xml": numbering(
            'w:ilvl="0"', "1", "decimal", '<w:lvlOverride w:ilvl="x"><w:startOverride w:val="5"/></w:lvlOverride>'
        ),
        "word/document.xml": body(para(NUMPR)),
    },
    "size_superscript": {"word/document.xml": body(para(rpr='<w:sz w:val="²"/>'))},
    "grid_before_superscript": {
        "word/document.xml": body(
            '<w:tbl><w:tr><w:trPr><w:gridBefore w:val="³"/></w:trPr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>'
            "<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>"
        )
    },
    "first_line_400_digits": {"word/document.xml": body(para('<w:ind w:firstLineChars="' + "9" * 400 + '"/>'))},
}


@pytest.mark.timeout(10)
@pytest.mark.parametrize("name", sorted(DOCX_CASES))
def test_hostile_docx_parts(name):
    data = rezip((FIXTURES / "docx" / "seed.docx").read_bytes(), DOCX_CASES[name])
    try:
        govdoc.parse(data)
    except govdoc.GovdocError as err:
        assert err.code == "corrupt"


def test_garbled_deflate_stream_is_corrupt():
    data = bytearray((FIXTURES / "docx" / "seed.docx").read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for k in range(start + 10, start + min(info.compress_size - 5, 400)):
        data[k] ^= 0x55
    with pytest.raises(govdoc.CorruptFileError):
        govdoc.parse(bytes(data))


def test_truncated_docx_bytes_are_corrupt_not_unsupported():
    data = (FIXTURES / "docx" / "seed.docx").read_bytes()
    with pytest.raises(govdoc.CorruptFileError):
        govdoc.parse(data[: len(data) // 2])


OFD_EDITS = {
    "repeat_of_infinity": (rb'DeltaX="[^"]*"', b'DeltaX="g 1e999 1"'),
    "infinite_deltas": (rb'DeltaX="[^"]*"', b'DeltaX="1e999 1e999 -1e999"'),
    "infinite_size": (rb'Size="[^"]*"', b'Size="1e999"'),
    "infinite_ctm": (rb'CTM="[^"]*"', b'CTM="1e999 0 0 1e999 0 0"'),
    "infinite_colour": (rb'Value="[^"]*"', b'Value="1e999 1e999 1e999"'),
    "repeat_bomb": (rb'DeltaX="[^"]*"', b'DeltaX="' + b" ".join([b"g 100000 1"] * 3000) + b'"'),
}


@pytest.mark.timeout(10)
@pytest.mark.parametrize("name", sorted(OFD_EDITS))
def test_hostile_ofd_values(name):
    src = shared_path("corpus", "ofd", "bengbu-letter.ofd").read_bytes()
    part = next(n for n in zipfile.ZipFile(io.BytesIO(src)).namelist() if n.endswith("Content.xml"))
    pattern, value = OFD_EDITS[name]
    content = re.sub(pattern, value.replace(b"\\", b"\\\\"), zipfile.ZipFile(io.BytesIO(src)).read(part))
    try:
        doc = govdoc.parse(rezip(src, {part: content}))
    except govdoc.GovdocError as err:
        assert err.code in ("corrupt", "no_text_layer", "too_large")
    else:
        assert doc.source.format == "ofd"


def test_an_unexpected_reader_failure_becomes_a_typed_error(monkeypatch):
    """The last line of defence in govdoc.parse: a dependency's own exception never escapes."""
    import govdoc.readers.text as text_reader

    def broken(data, path, options):
        raise KeyError("rId5")

    monkeypatch.setattr(text_reader, "read", broken)
    with pytest.raises(govdoc.CorruptFileError) as info:
        govdoc.parse(b"\xe9\x80\x9a\xe7\x9f\xa5")
    assert "KeyError" in info.value.reason


def _graph_paper_pdf(lines: int = 151, step: float = 4.0) -> bytes:
    """One page ruled like graph paper (``lines`` × ``lines`` segments) with a line of text."""
    ops = ["0.1 w"]
    for k in range(lines):
        p = 50 + k * step
        ops += [f"50 {p} m {50 + (lines - 1) * step} {p} l S", f"{p} 50 m {p} {50 + (lines - 1) * step} l S"]
    ops.append("BT /F1 12 Tf 60 60 Td (grid) Tj ET")
    content = "\n".join(ops).encode()
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 700 700]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>",
        stream(content),
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    return pdf_bytes(objects)


@pytest.mark.timeout(5)
def test_graph_paper_page_is_not_searched_for_tables():
    """Regression: 151 × 151 rulings took 13.5 s in the table finder; such a page is a drawing."""
    try:
        govdoc.parse(_graph_paper_pdf())
    except govdoc.GovdocError as err:
        assert err.code in ("no_text_layer", "corrupt")
