"""OFD reader: real files from the corpus, a cross-check against an independent OFD library, and
small OFD packages built here to pin CTM, DeltaX runs, reading order by position, colour and tables."""

from __future__ import annotations

import io
import zipfile
from collections import Counter

import pytest

import govdoc
from govdoc.errors import CorruptFileError, NoTextLayerError, TooLargeError
from govdoc.options import ParseOptions
from govdoc.readers import ofd, sniff
from govdoc.readers.ofd_geom import PT_PER_MM, Matrix, deltas, rgb
from tests.conftest import shared_path

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def _package(pages: list[str], res: str = "", extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal OFD: OFD.xml → Doc_0/Document.xml → one Content.xml per page body."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        root = "<ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody>"
        zf.writestr("OFD.xml", f"<ofd:OFD {NS}>{root}</ofd:OFD>")
        entries = "".join(f'<ofd:Page ID="{i + 10}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
        zf.writestr(
            "Doc_0/Document.xml",
            f"<ofd:Document {NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"
            f"</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
            f"<ofd:Pages>{entries}</ofd:Pages></ofd:Document>",
        )
        fonts = '<ofd:Fonts><ofd:Font ID="1" FontName="仿宋"/><ofd:Font ID="2" FontName="方正小标宋简体"/></ofd:Fonts>'
        zf.writestr("Doc_0/PublicRes.xml", f"<ofd:Res {NS}>{fonts}{res}</ofd:Res>")
        for i, body in enumerate(pages):
            zf.writestr(
                f"Doc_0/Pages/Page_{i}/Content.xml",
                f"<ofd:Page {NS}><ofd:Content><ofd:Layer ID='5'>{body}</ofd:Layer></ofd:Content></ofd:Page>",
            )
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def _text(x: float, y: float, text: str, size: float = 5.6, dx: str = "", attrs: str = "", inner: str = "") -> str:
    delta = f' DeltaX="{dx}"' if dx else ""
    return (
        f'<ofd:TextObject ID="1" Font="1" Size="{size}" Boundary="{x} {y} 160 {size * 1.5}" {attrs}>{inner}'
        f'<ofd:TextCode X="0" Y="{size}"{delta}>{text}</ofd:TextCode></ofd:TextObject>'
    )


def _read(data: bytes) -> list[str]:
    return [b.text for b in ofd.read(data, "t.ofd", ParseOptions()).blocks]


def test_luwei_header() -> None:
    doc = govdoc.parse(shared_path("corpus", "ofd", "luwei-2011-76.ofd"))
    assert doc.source.format == "ofd"
    assert doc.doc_number is not None and doc.doc_number.text == "路卫发〔2011〕76号"
    assert doc.title == "关于同意张阿三同志辞职的批复"
    assert doc.addressees == ["区中医院"]


def test_luwei_blocks_style_and_alignment() -> None:
    data = shared_path("corpus", "ofd", "luwei-2011-76.ofd").read_bytes()
    blocks = ofd.read(data, None, ParseOptions()).blocks
    masthead = blocks[0]
    assert masthead.text.endswith("文件") and masthead.color == "EE2025" and masthead.align == "center"
    assert masthead.all_bold
    assert blocks[1].extra.get("rule_below") == "red"
    assert any(b.align == "right" and b.text == "2011年3月10日" for b in blocks)
    assert all(b.page in (1, 2) and b.bbox is not None for b in blocks)


@pytest.mark.parametrize("name", ["ofd/luwei-2011-76.ofd", "ofd/bengbu-letter.ofd", "thirdparty/gc-test.ofd"])
def test_same_characters_as_ofdkit(name: str) -> None:
    """Every character ofdkit (an independent, stdlib-only OFD library) finds, we find — and no others."""
    ofdkit = pytest.importorskip("ofdkit")
    path = shared_path("corpus", *name.split("/"))
    theirs = Counter("".join(ofdkit.extract_text(str(path)).split()))
    result = ofd.read(path.read_bytes(), str(path), ParseOptions())
    ours = Counter("".join("".join(b.text for b in result.blocks).split()))
    page_numbers = Counter("".join(c for c in theirs.elements() if c in "–-—1234567890"))
    missing = theirs - ours
    extra = ours - theirs
    assert not (missing - page_numbers), f"characters ofdkit reads that we miss: {missing}"
    assert not extra, f"characters we read that ofdkit does not: {extra}"


def test_reading_order_is_by_position_not_xml_order() -> None:
    body = _text(28, 60, "第二段正文。") + _text(28, 40, "第一段正文。") + _text(70, 20, "标题")
    assert _read(_package([body])) == ["标题", "第一段正文。", "第二段正文。"]


def test_deltax_runs_and_g_repeats_place_glyphs() -> None:
    assert deltas("g 3 5.5 2 1") == [5.5, 5.5, 5.5, 2.0, 1.0]
    assert deltas("g 2") == []
    body = _text(28, 40, "甲乙丙丁", dx="g 2 5.6 40") + _text(28, 60, "后文")
    blocks = ofd.read(_package([body]), None, ParseOptions()).blocks
    first = blocks[0]
    assert first.text.replace(" ", "") == "甲乙丙丁"
    assert first.bbox is not None
    width_mm = (first.bbox[2] - first.bbox[0]) / PT_PER_MM
    assert 5.6 * 2 + 40 < width_mm < 5.6 * 2 + 40 + 6.5  # 丁 is drawn 40 mm after 丙


def test_ctm_scales_and_moves_text() -> None:
    assert Matrix.parse("2 0 0 2 10 5").apply(1, 1) == (12.0, 7.0)
    plain = _text(28, 40, "一二三四五", dx="g 4 5.6")
    scaled = _text(28, 40, "一二三四五", dx="g 4 5.6", attrs='CTM="2 0 0 2 0 0"')
    small = ofd.read(_package([plain]), None, ParseOptions()).blocks[0]
    big = ofd.read(_package([scaled]), None, ParseOptions()).blocks[0]
    assert big.size is not None and small.size is not None and big.size == pytest.approx(2 * small.size, rel=0.01)
    assert big.bbox is not None and small.bbox is not None
    assert big.bbox[2] - big.bbox[0] == pytest.approx(2 * (small.bbox[2] - small.bbox[0]), rel=0.1)


def test_fill_colour_and_weight_are_style_hints() -> None:
    red = '<ofd:FillColor Value="#ff #0 #0"/>'
    body = _text(40, 30, "某某单位文件", size=12, attrs='Weight="700"', inner=red) + _text(28, 80, "正文。")
    blocks = ofd.read(_package([body]), None, ParseOptions()).blocks
    assert blocks[0].color == "FF0000" and blocks[0].all_bold
    assert blocks[1].color is None and not blocks[1].all_bold
    assert rgb("0 0 100 0", "CMYK") == (255, 255, 0)
    assert rgb("128") == (128, 128, 128)


def test_path_grid_becomes_a_table() -> None:
    rules = "".join(
        f'<ofd:PathObject ID="9" Boundary="0 0 210 297"><ofd:AbbreviatedData>M {x0} {y0} L {x1} {y1}'
        "</ofd:AbbreviatedData></ofd:PathObject>"
        for x0, y0, x1, y1 in [
            (30, 100, 180, 100),
            (30, 115, 180, 115),
            (30, 130, 180, 130),
            (30, 100, 30, 130),
            (105, 100, 105, 130),
            (180, 100, 180, 130),
        ]
    )
    cells = _text(35, 103, "序号") + _text(110, 103, "任务") + _text(35, 118, "1") + _text(110, 118, "植树")
    blocks = ofd.read(_package([_text(28, 60, "正文在表格之前。") + rules + cells]), None, ParseOptions()).blocks
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1 and tables[0].table is not None
    assert tables[0].table.rows == (("序号", "任务"), ("1", "植树"))
    assert blocks[0].text == "正文在表格之前。"


def test_sniffed_as_ofd() -> None:
    assert sniff(_package([_text(28, 40, "正文")])) == "ofd"


def test_hostile_and_broken_packages() -> None:
    xxe = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    bad = _package([_text(28, 40, "&e;")]).replace(b"<ofd:Page xmlns", xxe.encode() + b"<ofd:Page xmlns")
    with pytest.raises((CorruptFileError, NoTextLayerError)):
        ofd.read(bad, "x.ofd", ParseOptions())
    with pytest.raises(NoTextLayerError):
        ofd.read(_package(["<ofd:ImageObject ID='3' Boundary='0 0 210 297' ResourceID='4'/>"]), "s.ofd", ParseOptions())
    with pytest.raises(TooLargeError):
        ofd.read(_package([_text(28, 40, "正文")] * 3), "p.ofd", ParseOptions(max_pages=2))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("OFD.xml", f"<ofd:OFD {NS}><ofd:DocBody/></ofd:OFD>")
    with pytest.raises(CorruptFileError) as err:
        ofd.read(buf.getvalue(), "n.ofd", ParseOptions())
    assert err.value.path == "n.ofd"
    with pytest.raises(CorruptFileError):
        ofd.read(b"PK\x03\x04 not a zip", "z.ofd", ParseOptions())
