"""Builders of a test archive for ``govdoc batch``: the shared corpus plus hostile files, all generated
here (nothing hostile is committed). Used by the tests and by ``bench/batch_speed.py``."""

from __future__ import annotations

import hashlib
import random
import shutil
import struct
import zlib
from pathlib import Path

from tests.conftest import SHARED
from tests.pdf_build import pdf_bytes, stream

CORPUS = SHARED / "corpus"
"""The shared corpus (read-only)."""
PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
"""The 32-byte password padding of the PDF standard security handler."""
BLOCK = 1 << 20
"""Bomb payloads are built from identical deflate blocks of this many bytes of spaces."""


PAGE_TEXT = b"BT /F1 12 Tf 72 720 Td (Page of a generated test PDF) Tj ET"
"""The content stream shared by generated pages."""
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def many_pages_pdf(pages: int, fanout: int = 100) -> bytes:
    """A valid PDF of ``pages`` pages (a two-level page tree, one shared content stream)."""
    nodes = (pages + fanout - 1) // fanout
    first_node, first_page = 3, 3 + nodes
    content, font = first_page + pages, first_page + pages + 1
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = b" ".join(b"%d 0 R" % (first_node + n) for n in range(nodes))
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages))
    for n in range(nodes):
        span = range(n * fanout, min(pages, (n + 1) * fanout))
        refs = b" ".join(b"%d 0 R" % (first_page + p) for p in span)
        objects.append(b"<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>" % (refs, len(span)))
    for p in range(pages):
        objects.append(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (first_node + p // fanout, content, font)
        )
    objects += [stream(PAGE_TEXT), FONT]
    return pdf_bytes(objects)


def _one_page(content_stream: bytes) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        content_stream,
        FONT,
    ]


def _spaces_deflate(blocks: int, prefix: bytes = b"") -> tuple[bytes, int]:
    """Raw deflate of ``prefix`` + ``blocks`` MiB of spaces (identical full-flush blocks), and its CRC-32."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = comp.compress(prefix) + comp.flush(zlib.Z_FULL_FLUSH) if prefix else b""
    body = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = body.compress(b" " * BLOCK) + body.flush(zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(prefix)
    chunk = b" " * BLOCK
    for _ in range(blocks):
        crc = zlib.crc32(chunk, crc)
    return head + block * blocks + b"\x03\x00", crc


def flate_bomb_pdf(mebibytes: int = 2048) -> bytes:
    """A one-page PDF whose FlateDecode content stream inflates to ``mebibytes`` MiB (about 2 MB on disk)."""
    raw, _crc = _spaces_deflate(mebibytes)
    n = mebibytes * BLOCK
    adler = ((n + 32 * n * (n + 1) // 2) % 65521) << 16 | (1 + 32 * n) % 65521
    data = b"\x78\xda" + raw + struct.pack(">I", adler)
    return pdf_bytes(_one_page(stream(data, b"/Filter /FlateDecode ")))


def _rc4(key: bytes, data: bytes) -> bytes:
    box = list(range(256))
    j = 0
    for i in range(256):
        j = (j + box[i] + key[i % len(key)]) % 256
        box[i], box[j] = box[j], box[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + box[i]) % 256
        box[i], box[j] = box[j], box[i]
        out.append(byte ^ box[(box[i] + box[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password: bytes = b"secret", owner_password: bytes = b"owner") -> bytes:
    """A one-page PDF encrypted with the standard security handler (RC4 40-bit, revision 2)."""
    user = (user_password + PAD)[:32]
    owner_key = hashlib.md5((owner_password + PAD)[:32]).digest()[:5]
    o_value = _rc4(owner_key, user)
    perms, doc_id = -44, hashlib.md5(b"govdoc batch test").digest()
    key = hashlib.md5(user + o_value + struct.pack("<i", perms) + doc_id).digest()[:5]
    u_value = _rc4(key, PAD)
    object_key = hashlib.md5(key + struct.pack("<i", 4)[:3] + b"\x00\x00").digest()[:10]
    objects = _one_page(stream(_rc4(object_key, PAGE_TEXT)))
    objects.append(
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
        % (o_value.hex().encode(), u_value.hex().encode(), perms)
    )
    ids = b"/Encrypt 6 0 R /ID [<%s> <%s>] " % (doc_id.hex().encode(), doc_id.hex().encode())
    return pdf_bytes(objects, ids)


def _zip_entry(name: bytes, data: bytes, method: int, crc: int, size: int, offset: int) -> tuple[bytes, bytes]:
    """(local header + data, central directory record) of one stored/deflated zip entry."""
    fields = struct.pack("<HHHHHIIIHH", 20, 0, method, 0, 0x21, crc, len(data), size, len(name), 0)
    local = b"PK\x03\x04" + fields + name + data
    central = b"PK\x01\x02" + struct.pack("<H", 20) + fields + struct.pack("<HHHII", 0, 0, 0, 0, offset) + name
    return local, central


DOCX_PARTS = {
    b"[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
    b'2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    b"_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    b'2006/relationships"/>',
}


def zip_bomb_docx(mebibytes: int = 1200) -> bytes:
    """A DOCX whose ``word/document.xml`` inflates to ``mebibytes`` MiB of spaces (about 1 MB on disk)."""
    prefix = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    raw, crc = _spaces_deflate(mebibytes, prefix)
    entries = [(n, d, 0, zlib.crc32(d), len(d)) for n, d in DOCX_PARTS.items()]
    entries.append((b"word/document.xml", raw, 8, crc, len(prefix) + mebibytes * BLOCK))
    body, directory = b"", b""
    for name, data, method, entry_crc, size in entries:
        local, central = _zip_entry(name, data, method, entry_crc, size, len(body))
        body += local
        directory += central
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(entries), len(entries), len(directory), len(body), 0)
    return body + directory + end


NOT_A_NOTICE = (
    "红烧肉的做法\n\n五花肉切块，冷水下锅焯水，捞出洗净。\n锅中放少许油和冰糖，小火炒出糖色。\n"
    "加入生抽、老抽、料酒和热水，炖一个小时，大火收汁即可。\n"
)
"""A Chinese text that is not an official document (a recipe)."""


def hostile_files(root: Path) -> dict[str, str]:
    """Write the hostile inputs under ``root``; name → a short description."""
    root.mkdir(parents=True, exist_ok=True)
    real_pdf = (CORPUS / "thirdparty" / "gc-test.pdf").read_bytes()
    files = {
        "empty.txt": b"",
        "random.bin": random.Random(6).randbytes(64 * 1024),
        "truncated.pdf": real_pdf[: len(real_pdf) // 3],
        "encrypted.pdf": encrypted_pdf(),
        "pdf-named.docx": real_pdf,
        "bomb.docx": zip_bomb_docx(),
        "bomb.pdf": flate_bomb_pdf(),
        "pages-20000.pdf": many_pages_pdf(20000),
        "not-a-notice.txt": NOT_A_NOTICE.encode("utf-8"),
    }
    for name, data in files.items():
        (root / name).write_bytes(data)
    return {name: f"{len(data)} bytes" for name, data in files.items()}


def copy_corpus(root: Path, kinds: tuple[str, ...] = ()) -> list[Path]:
    """Copy the shared corpus (every file, or those with a suffix in ``kinds``) under ``root``."""
    copied = []
    for src in sorted(CORPUS.rglob("*")):
        if src.is_file() and (not kinds or src.suffix in kinds):
            dst = root / src.relative_to(CORPUS)
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
            copied.append(dst)
    return copied
