"""OCR: punctuation folding and box layout (always), the hint without the extra, and — with
``govdoc[ocr]`` installed — the reference notice rasterised to an image-only PDF and read back."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import govdoc
from govdoc.errors import NoTextLayerError
from govdoc.model import Section
from govdoc.options import ParseOptions
from govdoc.readers import ocr, read
from govdoc.readers.ocr_text import Box, box_chars, fold, snap_sizes
from tests.conftest import shared_path
from tests.reference_fields import check_reference
from tests.reference_fields import fold as nfkc_fold

needs_ocr = pytest.mark.skipif(not ocr.available(), reason='OCR extra not installed: pip install "govdoc[ocr]"')


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("各乡(镇)人民政府、县直各有关单位:", "各乡（镇）人民政府、县直各有关单位："),
        ("(此件公开发布)", "（此件公开发布）"),
        ("联系人:张三,电话:0359-1234567", "联系人：张三，电话：0359-1234567"),
        ("临政办发〔2022】58号", "临政办发〔2022〕58号"),
        ("临政办发[2022]58号", "临政办发〔2022〕58号"),
        ("实施方案（2021-2025年）", "实施方案（2021—2025年）"),
        ("（2021一", "（2021—"),
        ("人民 政府", "人民政府"),
        ("Version 2.1 (beta): ok", "Version 2.1 (beta): ok"),
    ],
)
def test_fold_restores_chinese_punctuation(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_box_heights_snap_to_one_body_size() -> None:
    boxes = [Box(0, 0, 300, h, "正文" * 10) for h in (16.0, 16.8, 15.4)] + [Box(0, 0, 200, 23.0, "标题")]
    sizes = snap_sizes(boxes)
    assert sizes[0] == sizes[1] == sizes[2] and sizes[3] > sizes[0] * 1.3


def test_box_characters_share_the_box_width() -> None:
    chars = box_chars(Box(100, 10, 130, 26, "第1号", red=True), 16.0)
    assert [c.text for c in chars] == ["第", "1", "号"]
    assert chars[0].x0 == 100 and chars[-1].x1 == pytest.approx(130)
    assert chars[1].x1 - chars[1].x0 == pytest.approx((chars[0].x1 - chars[0].x0) / 2)
    assert all(c.color == "FF0000" for c in chars)


def _image_pdf(src: Path, scale: float = 2.0, pages: int | None = None, skew: float = 0.0) -> bytes:
    """A scan-like fixture: every page of ``src`` rendered to an image (turned ``skew`` degrees
    anticlockwise, as a page laid crooked on the scanner), saved as an image-only PDF."""
    import pypdfium2 as pdfium
    from PIL import Image

    doc = pdfium.PdfDocument(str(src))
    try:
        count = len(doc) if pages is None else min(pages, len(doc))
        images = [doc[i].render(scale=scale).to_pil().convert("RGB") for i in range(count)]
    finally:
        doc.close()
    if skew:
        images = [im.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=(255, 255, 255)) for im in images]
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=72 * scale)
    return out.getvalue()


def test_without_the_extra_no_text_layer_says_how_to_enable(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _image_pdf(shared_path("corpus", "rendered", "seed.pdf"), scale=0.5, pages=1)
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(NoTextLayerError) as err:
        read(data, "scan.pdf", ParseOptions())
    assert 'pip install "govdoc[ocr]"' in err.value.reason and err.value.path == "scan.pdf"


def test_ocr_never_keeps_the_no_text_layer_error() -> None:
    data = _image_pdf(shared_path("corpus", "rendered", "seed.pdf"), scale=0.5, pages=1)
    with pytest.raises(NoTextLayerError) as err:
        read(data, "scan.pdf", ParseOptions(ocr="never"))
    assert "never" in err.value.reason


@needs_ocr
def test_red_seal_is_whitened_and_red_masthead_darkened() -> None:
    import numpy as np

    from govdoc.readers.ocr_image import prepare

    img = np.full((400, 400, 3), 255, np.uint8)
    yy, xx = np.mgrid[:400, :400]
    ring = np.abs(np.hypot(xx - 300, yy - 300) - 60) < 4
    img[ring] = (230, 30, 30)  # a seal ring
    text = np.zeros((400, 400), bool)
    for x in range(252, 340, 14):
        text[288:300, x : x + 10] = True  # black glyphs under the seal
    img[text] = (0, 0, 0)
    glyphs = np.zeros((400, 400), bool)
    for x in range(20, 380, 30):
        glyphs[40:60, x : x + 20] = True  # red masthead glyphs
    img[glyphs] = (220, 20, 20)
    prepared = prepare(img, 1.0)
    assert (prepared.image[ring] == 255).all()
    assert (prepared.image[text] == 0).all()
    assert (prepared.image[glyphs] == 0).all()
    assert prepared.red[glyphs].all() and not prepared.red[ring].any()


@needs_ocr
def test_table_rules_are_edges_and_not_ink_for_the_recogniser() -> None:
    import numpy as np

    from govdoc.readers.ocr_image import prepare

    img = np.full((400, 400, 3), 255, np.uint8)
    img[100:102, 20:380] = 0  # a horizontal rule
    img[100:300, 200:202] = 0  # a vertical rule
    img[150:170, 60:80] = 0  # a glyph-sized stroke
    prepared = prepare(img, 1.0)
    assert {e["orientation"] for e in prepared.edges} == {"h", "v"}
    assert (prepared.image[100:102, 20:380] == 255).all() and (prepared.image[100:300, 200:202] == 255).all()
    assert (prepared.image[150:170, 60:80] == 0).all()


@pytest.fixture(scope="module")
def seed_scan() -> govdoc.Document:
    if not ocr.available():
        pytest.skip('OCR extra not installed: pip install "govdoc[ocr]"')
    data = _image_pdf(shared_path("corpus", "rendered", "seed.pdf"))
    return govdoc.parse(data)


@needs_ocr
@pytest.mark.timeout(900)
def test_reference_notice_scan_gives_every_core_field(seed_scan: govdoc.Document) -> None:
    """Issue "govdoc core" Must show 1 in full from the scan: header, 版记, sections, measures (found
    without bold, which a scan does not show), the attachment and its 9 tasks.

    The recogniser alone reads the rare 猗 of 临猗县 as 狗, 骑 or nothing and one 干 as 千; the
    document's other readings of the same words settle them (``ocr_ctc.agree``)."""
    check_reference(seed_scan)
    assert len(seed_scan.body) == 1  # the page number of page 1 is furniture, not a paragraph


@needs_ocr
@pytest.mark.timeout(900)
def test_reference_notice_scan_tasks_match_the_text_layer(seed_scan: govdoc.Document) -> None:
    text_layer = govdoc.parse(shared_path("corpus", "rendered", "seed.pdf"))
    fields = ("seq", "category", "task", "lead_units", "partner_units", "partner_others", "deadline")
    scanned = [[nfkc_fold(str(getattr(t, f))) for f in fields] for t in seed_scan.tasks]
    assert scanned == [[nfkc_fold(str(getattr(t, f))) for f in fields] for t in text_layer.tasks]


@needs_ocr
@pytest.mark.timeout(900)
def test_doubtful_characters_settled_are_reported(seed_scan: govdoc.Document) -> None:
    notes = [d.message for d in seed_scan.diagnostics if d.code == "ocr"]
    assert len(notes) == 1 and "doubtful characters settled" in notes[0]


@needs_ocr
@pytest.mark.timeout(900)
def test_crooked_scan_is_levelled_and_gives_every_core_field() -> None:
    """The reference notice scanned 1.5° crooked: without levelling, lines and table rules slope across
    each other (sections and tasks are lost); levelled, every field of Must show 1 comes back."""
    check_reference(govdoc.parse(_image_pdf(shared_path("corpus", "rendered", "seed.pdf"), skew=1.5)))


@needs_ocr
def test_skew_is_the_median_slope_of_long_lines() -> None:
    from govdoc.readers.ocr_image import skew_angle

    def line(
        x: float, y: float, slope: float, length: float = 300.0, height: float = 20.0
    ) -> list[tuple[float, float]]:
        dy = slope * length
        return [(x, y), (x + length, y + dy), (x + length, y + dy + height), (x, y + height)]

    lines = [line(50, 100 + 40 * i, 0.02) for i in range(6)]
    assert skew_angle(lines) == pytest.approx(1.146, abs=0.01)  # atan(0.02) in degrees
    assert skew_angle(lines[:4]) == 0.0  # too few lines to trust
    assert skew_angle([line(50, 100 + 40 * i, 0.001) for i in range(6)]) == 0.0  # level enough
    assert skew_angle([line(50, 100 + 40 * i, 0.02, length=40) for i in range(6)]) == 0.0  # short boxes


@needs_ocr
def test_huge_pages_are_rendered_smaller() -> None:
    from govdoc.readers.ocr_pdf import MAX_PIXELS, RENDER_SCALE, render_scale

    assert render_scale(595, 842) == RENDER_SCALE
    scale = render_scale(14400, 14400)
    assert scale < RENDER_SCALE and (14400 * scale) ** 2 <= MAX_PIXELS * 1.0001


@needs_ocr
@pytest.mark.timeout(900)
def test_outlined_pdf_is_read_by_ocr() -> None:
    """The corpus's browser print whose glyphs are outlines (no text layer): OCR by default (``--ocr auto``).

    The page clips the end of the title's first line (``（手环）购新`` is outside the page), so the
    title is what the page shows."""
    doc = govdoc.parse(shared_path("corpus", "pdf", "sd-2025-2-outlined.pdf"))
    assert doc.title is not None
    assert doc.title.startswith("山东省商务厅等5部门关于印发《山东省手机、平板、智能手表")
    assert doc.title.endswith("补贴实施细则》的通知") and doc.doc_type == "通知"
    assert doc.addressees == ["各市商务主管部门", "发展改革委", "工业和信息化局", "财政局", "市场监管局"]
    titles = [n.title for n in doc.body if isinstance(n, Section)]
    assert titles[:4] == ["补贴品种和补贴标准", "补贴流程及方式", "审核流程", "加强资金管理"]
