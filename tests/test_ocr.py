"""OCR: punctuation folding and box layout (always), the hint without the extra, and — with
``govdoc[ocr]`` installed — the reference notice rasterised to an image-only PDF and read back."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import govdoc
from govdoc.errors import NoTextLayerError
from govdoc.options import ParseOptions
from govdoc.readers import ocr, read
from govdoc.readers.ocr_text import Box, box_chars, fold, snap_sizes
from tests.conftest import shared_path
from tests.reference_fields import fold as nfkc_fold
from tests.reference_fields import measures, sections

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


def _image_pdf(src: Path, scale: float = 2.0, pages: int | None = None) -> bytes:
    """A scan-like fixture: every page of ``src`` rendered to an image, saved as an image-only PDF."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(src))
    try:
        count = len(doc) if pages is None else min(pages, len(doc))
        images = [doc[i].render(scale=scale).to_pil().convert("RGB") for i in range(count)]
    finally:
        doc.close()
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
    img[290:300, 250:350] = (0, 0, 0)  # black text under the seal
    img[40:60, 20:380] = (220, 20, 20)  # a wide red masthead stroke
    prepared = prepare(img, 1.0)
    assert (prepared.image[ring] == 255).all()
    assert (prepared.image[290:300, 250:350] == 0).all()
    assert (prepared.image[40:60, 20:380] == 0).all()
    assert prepared.red[40:60, 20:380].all() and not prepared.red[ring].any()


@pytest.fixture(scope="module")
def seed_scan() -> govdoc.Document:
    if not ocr.available():
        pytest.skip('OCR extra not installed: pip install "govdoc[ocr]"')
    data = _image_pdf(shared_path("corpus", "rendered", "seed.pdf"))
    return govdoc.parse(data)


@needs_ocr
@pytest.mark.timeout(900)
def test_reference_notice_scan_header(seed_scan: govdoc.Document) -> None:
    doc = seed_scan
    assert doc.doc_number is not None and doc.doc_number.text == "临政办发〔2022〕58号"
    assert (doc.doc_number.agency_code, doc.doc_number.year, doc.doc_number.serial) == ("临政办发", 2022, 58)
    assert doc.issue_date is not None and doc.issue_date.date.isoformat() == "2022-10-24"
    assert doc.print_date is not None and doc.print_date.date.isoformat() == "2022-10-24"
    assert doc.doc_type == "通知"
    assert doc.title is not None and doc.title.endswith("实施方案（2021—2025年）的通知")
    assert [nfkc_fold(a) for a in doc.addressees] == [nfkc_fold("各乡(镇)人民政府"), "县直各有关单位"]
    assert doc.note == "此件公开发布"
    assert [(c.kind, c.organs) for c in doc.cc] == [("抄报", ["县四大班子领导及办公室"])]
    assert doc.printed_by == "临猗县人民政府办公室"
    assert doc.issuer_mark is not None and doc.issuer_mark.endswith("人民政府办公室文件")


@needs_ocr
@pytest.mark.timeout(900)
def test_reference_notice_scan_body_and_tasks(seed_scan: govdoc.Document) -> None:
    """Structure from the OCR text: sections, measures, the attachment table (over two pages) → 9 tasks.

    Known recogniser misreadings on this scan (not asserted): the rare 猗 in the masthead, the signature
    and the enclosure title, and 干 read as 千 in one heading."""
    doc = seed_scan
    assert len(doc.enclosures) == 1
    enc = doc.enclosures[0]
    assert enc.subtitle is not None and nfkc_fold(enc.subtitle) == "2021—2025年"
    level1 = sections(enc.body, 1)
    assert [s.title for s in level1] == ["背景和意义", "总体要求", "提升行动", "重点工程", "组织实施"]
    by_title = {s.title: s for s in level1}
    yaoqiu, tisheng, gongcheng, zuzhi = (
        sections(by_title[t].children, 2) for t in ("总体要求", "提升行动", "重点工程", "组织实施")
    )
    assert [s.title for s in yaoqiu] == ["指导思想", "基本原则", "工作目标"]
    assert [s.title for s in gongcheng] == [
        "科技资源科普化工程",
        "科普信息化提升工程",
        "科普基础设施工程",
        "基层科普能力提升工程",
    ]
    assert [s.title for s in zuzhi] == ["组织领导", "保障条件", "进度安排"]
    assert len(tisheng) == 5
    assert (measures(tisheng[0]), measures(tisheng[2]), measures(gongcheng[0]), measures(yaoqiu[1])) == (6, 4, 3, 4)
    assert measures(yaoqiu[0]) == 0 and measures(zuzhi[0]) == 0
    assert len(doc.attachments) == 1 and doc.attachments[0].title.endswith("工作分工表")
    tasks = doc.tasks
    assert [t.category for t in tasks] == ["提升行动"] * 5 + ["重点工程"] * 4
    assert [t.seq for t in tasks] == list(range(1, 10))
    assert tasks[2].lead_units == ["县总工会", "县工科局"]
    assert tasks[0].partner_units == ["县委宣传部", "县工科局", "县人社局", "团县委", "县妇联", "县科协"]


@needs_ocr
def test_huge_pages_are_rendered_smaller() -> None:
    from govdoc.readers.ocr_pdf import MAX_PIXELS, RENDER_SCALE, render_scale

    assert render_scale(595, 842) == RENDER_SCALE
    scale = render_scale(14400, 14400)
    assert scale < RENDER_SCALE and (14400 * scale) ** 2 <= MAX_PIXELS * 1.0001
