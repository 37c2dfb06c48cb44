"""PDF reader: typed errors and limits on generated hostile files (20,000 pages, a 400 MB flate bomb)."""

from __future__ import annotations

import zlib

import pytest

from govdoc.errors import CorruptFileError, EncryptedFileError, NoTextLayerError, TooLargeError
from govdoc.options import ParseOptions
from govdoc.readers.pdf import read
from tests.conftest import SHARED
from tests.pdf_build import pdf_bytes, stream

CORPUS = SHARED / "corpus"
SEED = CORPUS / "rendered" / "seed.pdf"
OUTLINED = CORPUS / "pdf" / "sd-2025-2-outlined.pdf"
CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pages_pdf(contents: list[bytes]) -> bytes:
    """One page per content stream, with Helvetica as /F1."""
    n = len(contents)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
        FONT,
    ]
    for i, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (5 + 2 * i)
        )
        objects.append(stream(content))
    return pdf_bytes(objects)


def text_content(text: str) -> bytes:
    return b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text.encode("latin-1")


def test_outlined_glyphs_have_no_text_layer() -> None:
    with pytest.raises(NoTextLayerError) as info:
        read(OUTLINED.read_bytes(), str(OUTLINED), ParseOptions())
    assert info.value.code == "no_text_layer"
    assert info.value.path == str(OUTLINED)


def test_pages_without_text_give_one_warning_each() -> None:
    data = pages_pdf([text_content("Hello world"), b"", text_content("Last page")])
    result = read(data, None, ParseOptions())
    assert [w[0] for w in result.warnings] == ["no_text_layer"]
    assert result.warnings[0][2] == 2
    assert [b.text for b in result.blocks] == ["Hello world", "Last page"]
    assert result.pages == 3


def test_only_empty_pages_is_no_text_layer() -> None:
    with pytest.raises(NoTextLayerError):
        read(pages_pdf([b"", b""]), "scan.pdf", ParseOptions())


def test_truncated_pdf_is_corrupt() -> None:
    data = SEED.read_bytes()
    with pytest.raises(CorruptFileError) as info:
        read(data[: len(data) // 2], "cut.pdf", ParseOptions())
    assert "truncated" in info.value.reason


def test_garbage_after_header_is_corrupt() -> None:
    data = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
    with pytest.raises(CorruptFileError):
        read(data, "garbage.pdf", ParseOptions())


def test_password_protected_pdf_is_encrypted() -> None:
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (b"ab" * 32, b"cd" * 32)
    base = pages_pdf([text_content("secret")])
    objects_end = base.index(b"xref\n")
    # Re-emit the same objects plus an /Encrypt dictionary whose /U matches no password.
    body = base[:objects_end]
    objects = [part.split(b"\nendobj")[0] for part in body.split(b" 0 obj\n")[1:]]
    data = pdf_bytes(
        [*objects, encrypt], b"/Encrypt %d 0 R /ID [<%s> <%s>] " % (len(objects) + 1, b"01" * 16, b"01" * 16)
    )
    with pytest.raises(EncryptedFileError) as info:
        read(data, "locked.pdf", ParseOptions())
    assert info.value.code == "encrypted"


def test_twenty_thousand_pages_is_too_large() -> None:
    count = 20_000
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * count
    with pytest.raises(TooLargeError) as info:
        read(pdf_bytes(objects), "long.pdf", ParseOptions())
    assert "20000 pages" in info.value.reason


def test_page_limit_is_an_option() -> None:
    data = pages_pdf([text_content("one"), text_content("two")])
    with pytest.raises(TooLargeError):
        read(data, None, ParseOptions(max_pages=1))
    assert read(data, None, ParseOptions(max_pages=2)).pages == 2


def _bomb(size: int) -> bytes:
    packer = zlib.compressobj(9)
    chunk = b"\0" * (1024 * 1024)
    parts = [packer.compress(chunk) for _ in range(size // len(chunk))]
    return b"".join(parts) + packer.flush()


def test_flate_bomb_is_too_large() -> None:
    bomb = _bomb(400 * 1024 * 1024)
    assert len(bomb) < 1024 * 1024
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        stream(bomb, b"/Filter /FlateDecode "),
    ]
    with pytest.raises(TooLargeError) as info:
        read(pdf_bytes(objects), "bomb.pdf", ParseOptions())
    assert info.value.code == "too_large"


def test_decompressed_total_is_an_option() -> None:
    packed = zlib.compress(text_content("Hello world"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        stream(packed, b"/Filter /FlateDecode "),
        FONT,
    ]
    data = pdf_bytes(objects)
    assert read(data, None, ParseOptions()).blocks[0].text == "Hello world"
    with pytest.raises(TooLargeError):
        read(data, None, ParseOptions(max_uncompressed=10))
