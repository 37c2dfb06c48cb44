"""PDF layout on generated pages (Courier: every glyph 0.6 em wide, so line ends are exact)."""

from __future__ import annotations

from govdoc.options import ParseOptions
from govdoc.readers.base import ReadResult
from govdoc.readers.pdf import read
from tests.pdf_build import pdf_bytes

SIZE = 12
ADVANCE = 0.6 * SIZE
LEFT = 72
WIDTH = 60
"""Characters per full line: the type area is 60 × 7.2 = 432 points wide."""
CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
COURIER = b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"
COURIER_BOLD = b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold >>"


def show(text: str, x: float, y: float, font: str = "F1") -> bytes:
    return b"BT /%s %d Tf %.2f %.2f Td (%s) Tj ET\n" % (font.encode(), SIZE, x, y, text.encode("latin-1"))


def document(pages: list[list[bytes]]) -> bytes:
    n = len(pages)
    kids = b" ".join(b"%d 0 R" % (5 + 2 * i) for i in range(n))
    objects = [CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n), COURIER, COURIER_BOLD]
    for i, lines in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % (6 + 2 * i)
        )
        content = b"".join(lines)
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    return pdf_bytes(objects)


def words(seed: str, length: int) -> str:
    """``length`` characters of words (no space at either end)."""
    text = " ".join(f"{seed}{i}" for i in range(40))[:length]
    return text[:-1] + "z" if text.endswith(" ") else text


def furniture(number: int) -> list[bytes]:
    return [show("CITY GAZETTE", 250, 800), show(f"- {number} -", 280, 30)]


def read_pages(pages: list[list[bytes]]) -> ReadResult:
    return read(document(pages), None, ParseOptions())


def three_pages() -> ReadResult:
    a1, a2, a3 = words("alpha", WIDTH - 4), words("beta", WIDTH), words("gamma", 20)
    b1, b2, b3 = words("delta", WIDTH - 4), words("eps", WIDTH), words("zeta", 25)
    page1 = [
        *furniture(1),
        show(a1, LEFT + 2 * SIZE, 700),
        show(a2, LEFT, 680),
        show(a3, LEFT, 660),
        show(b1, LEFT + 2 * SIZE, 640),
        show(b2, LEFT, 620),
    ]
    page2 = [*furniture(2), show(b3, LEFT, 760), show(words("eta", WIDTH - 4), LEFT + 2 * SIZE, 740)]
    page3 = [
        *furniture(3),
        show("Bold lead.", LEFT + 2 * SIZE, 760, "F2"),
        show(" Plain rest.", LEFT + 2 * SIZE + 10 * ADVANCE, 760),
    ]
    return read_pages([page1, page2, page3])


def test_paragraphs_join_lines_with_spaces_between_latin_words() -> None:
    result = three_pages()
    texts = [b.text for b in result.blocks]
    assert texts[0] == " ".join([words("alpha", WIDTH - 4), words("beta", WIDTH), words("gamma", 20)])
    assert result.blocks[0].indent == 2.0


def test_paragraph_continues_across_the_page_break() -> None:
    blocks = three_pages().blocks
    assert blocks[1].text.endswith(words("eps", WIDTH) + " " + words("zeta", 25))
    assert blocks[1].page == 1 and blocks[1].extra["page_end"] == "2"
    assert blocks[2].text.startswith("eta0") and not blocks[2].page_break_before


def test_running_header_and_page_numbers_are_dropped() -> None:
    result = three_pages()
    assert not any("GAZETTE" in b.text or b.text.startswith("- ") for b in result.blocks)
    assert [b.extra.get("page_label") for b in result.blocks] == ["1", "1", "2", "3"]


def test_bold_font_gives_a_bold_run() -> None:
    last = three_pages().blocks[-1]
    assert last.page_break_before
    assert [(r.text.strip(), r.bold) for r in last.runs] == [("Bold lead.", True), ("Plain rest.", False)]


def test_stroked_text_is_bold() -> None:
    page = [b"BT 2 Tr /F1 12 Tf 72 700 Td (Stroked) Tj 0 Tr ( plain) Tj ET\n"]
    block = read_pages([page]).blocks[0]
    assert [(r.text.strip(), r.bold) for r in block.runs] == [("Stroked", True), ("plain", False)]


def test_text_drawn_twice_is_one_bold_run() -> None:
    twice = [show("Twice", 72, 700), show("Twice", 72.4, 700), show(" once", 72 + 5 * ADVANCE, 700)]
    block = read_pages([twice]).blocks[0]
    assert block.text == "Twice once"
    assert [(r.text.strip(), r.bold) for r in block.runs] == [("Twice", True), ("once", False)]


def test_red_text_colour() -> None:
    page = [b"1 0 0 rg\n" + show("RED HEAD", 200, 760) + b"0 g\n" + show("black", 72, 700)]
    blocks = read_pages([page]).blocks
    assert blocks[0].color == "FF0000" and blocks[1].color is None


def test_rotated_page_is_read_as_displayed() -> None:
    """A landscape page stored portrait with ``/Rotate 90``: text runs up the user space, across the view."""
    content = b"".join(
        b"BT /F1 12 Tf 0 1 -1 0 %d 72 Tm (%s) Tj ET\n" % (x, text)
        for x, text in ((100, b"First line across"), (120, b"Second line"))
    )
    objects = [
        CATALOG,
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        COURIER,
        COURIER_BOLD,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate 90 "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    blocks = read(pdf_bytes(objects), None, ParseOptions()).blocks
    assert [b.text for b in blocks] == ["First line across", "Second line"]
    first = blocks[0].bbox
    assert first is not None and first[0] == 72 and first[2] > first[0] + 100
