"""DOCX reader: blocks in order with style, numbering, tables with merges, text boxes, furniture."""

from __future__ import annotations

import docx
import pytest
from test_docx_helpers import make_docx, p

from govdoc.options import ParseOptions
from govdoc.readers import docx as reader
from govdoc.readers.base import RawBlock
from govdoc.readers.docx_numbering import chinese_number


def blocks_of(data: bytes) -> list[RawBlock]:
    return reader.read(data, "t.docx", ParseOptions()).blocks


def texts(data: bytes) -> list[str]:
    return [b.text for b in blocks_of(data) if b.kind == "text" and not b.furniture]


def test_runs_style_alignment_and_indent() -> None:
    body = (
        p(
            "临猗县人民政府办公室文件",
            '<w:jc w:val="center"/>',
            '<w:color w:val="ff0000"/><w:sz w:val="60"/><w:rFonts w:eastAsia="方正小标宋简体"/>',
        )
        + '<w:p><w:pPr><w:ind w:firstLineChars="200"/></w:pPr>'
        "<w:r><w:rPr><w:b/></w:rPr><w:t>实施行动。</w:t></w:r><w:r><w:t>其余正文。</w:t></w:r></w:p>"
        + p("2022年10月24日", '<w:jc w:val="right"/>')
    )
    blocks = blocks_of(make_docx(body))
    head, measure, date = blocks
    assert head.text == "临猗县人民政府办公室文件"
    assert (head.align, head.color, head.size, head.font) == ("center", "FF0000", 30.0, "方正小标宋简体")
    assert [(r.text, r.bold) for r in measure.runs] == [("实施行动。", True), ("其余正文。", False)]
    assert measure.indent == 2.0
    assert date.align == "right"
    assert [b.line for b in blocks] == [1, 2, 3]


def test_numbering_labels_are_rendered_into_text() -> None:
    numbering = (
        f'<w:numbering xmlns:w="{reader.w("")[1:-1]}">'
        '<w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
        "</w:lvl>"
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>'
        "</w:lvl>"
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
        "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )

    def item(text: str, lvl: int) -> str:
        return p(text, f'<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="1"/></w:numPr>')

    body = (
        item("总体要求", 0)
        + item("指导思想", 1)
        + item("甲", 2)
        + item("乙", 2)
        + item("基本原则", 1)
        + item("提升行动", 0)
        + item("青少年", 1)
    )
    data = make_docx(body, {"word/numbering.xml": numbering}, {"rId9": ("numbering", "numbering.xml")})
    assert texts(data) == [
        "一、总体要求",
        "（一）指导思想",
        "1.甲",
        "2.乙",
        "（二）基本原则",
        "二、提升行动",
        "（一）青少年",
    ]


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (23, "二十三"),
        (105, "一百零五"),
        (112, "一百一十二"),
    ],
)
def test_chinese_numbers(n: int, text: str) -> None:
    assert chinese_number(n) == text


def test_table_merges_in_document_order() -> None:
    d = docx.Document()
    d.add_paragraph("附件")
    t = d.add_table(rows=4, cols=3)
    t.style = "Table Grid"
    for c, h in enumerate(["名称", "序号", "工作内容"]):
        t.cell(0, c).text = h
    t.cell(1, 0).merge(t.cell(3, 0)).text = "提升行动"
    for r in (1, 2, 3):
        t.cell(r, 1).text = str(r)
    t.cell(1, 2).text = "任务一"
    t.cell(2, 2).merge(t.cell(3, 2))
    t.cell(2, 2).text = "任务二"
    d.add_paragraph("抄报：县四大班子领导及办公室")
    import io

    buf = io.BytesIO()
    d.save(buf)
    blocks = blocks_of(buf.getvalue())
    assert [b.kind for b in blocks] == ["text", "table", "text"]
    table = blocks[1].table
    assert table is not None
    assert table.rows[0] == ("名称", "序号", "工作内容")
    assert table.rows[1][0] == "提升行动" and table.rows[2][0] is None and table.rows[3][0] is None
    assert set(table.merges) == {(1, 0, 3, 1), (2, 2, 2, 1)}


def test_grid_span_and_header_rows() -> None:
    row = (
        '<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>{a}</w:tc>'
        "<w:tc>{b}</w:tc></w:tr>"
    )
    body = (
        '<w:tbl><w:tblPr><w:tblBorders><w:top w:val="single"/></w:tblBorders></w:tblPr>'
        + row.format(a=p("合并"), b=p("丙"))
        + f"<w:tr><w:tc>{p('甲')}</w:tc><w:tc>{p('乙')}</w:tc><w:tc>{p('丁')}</w:tc></w:tr></w:tbl>"
    )
    (block,) = blocks_of(make_docx(body))
    assert block.table is not None
    assert block.table.rows == (("合并", None, "丙"), ("甲", "乙", "丁"))
    assert block.table.merges == ((0, 0, 1, 2),)
    assert block.table.header_rows == 1


def test_layout_table_and_text_box_text_is_emitted() -> None:
    box = (
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        "<wps:wsp><wps:txbx><w:txbxContent>" + p("济南市商务局") + "</w:txbxContent></wps:txbx></wps:wsp>"
        "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
        + p("济南市商务局")
        + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    layout = f"<w:tbl><w:tr><w:tc>{p('济南市财政局')}</w:tc><w:tc>{p('文件')}</w:tc></w:tr></w:tbl>"
    assert texts(make_docx(box + layout + p("正文"))) == ["济南市商务局", "济南市财政局", "文件", "正文"]


def test_headers_footers_are_furniture_and_page_fields_dropped() -> None:
    footer = (
        f'<w:ftr xmlns:w="{reader.w("")[1:-1]}"><w:p><w:r><w:t>内部资料 — </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t> —</w:t></w:r></w:p></w:ftr>'
    )
    header = f'<w:hdr xmlns:w="{reader.w("")[1:-1]}">{p("机密★1年")}</w:hdr>'
    body = p("正文") + (
        '<w:sectPr><w:headerReference w:type="default" r:id="rId2"/>'
        '<w:footerReference w:type="default" r:id="rId1"/></w:sectPr>'
    )
    data = make_docx(
        body,
        {"word/footer1.xml": footer, "word/header1.xml": header},
        {"rId1": ("footer", "footer1.xml"), "rId2": ("header", "header1.xml")},
    )
    blocks = blocks_of(data)
    expected = [("机密★1年", True), ("正文", False), ("内部资料 —  —", True)]
    assert [(b.text, b.furniture) for b in blocks] == expected


def test_page_breaks_and_line_breaks() -> None:
    body = (
        p("第一页")
        + '<w:p><w:r><w:br w:type="page"/></w:r><w:r><w:t>附件</w:t></w:r></w:p>'
        + "<w:p><w:r><w:t>关于印发</w:t><w:br/><w:t>方案的通知</w:t></w:r></w:p>"
        + p("新节", "<w:pageBreakBefore/>")
    )
    blocks = blocks_of(make_docx(body))
    assert [b.page for b in blocks] == [1, 2, 2, 2, 3]
    assert [(b.text, b.page_break_before) for b in blocks] == [
        ("第一页", False),
        ("附件", True),
        ("关于印发", False),
        ("方案的通知", False),
        ("新节", True),
    ]


def test_broken_relationship_still_reads() -> None:
    body = p("2025年政府汽车消费补贴活动公告")
    data = make_docx(body, rels={"rId5": ("image", "../NULL"), "rId6": ("styles", "missing.xml")})
    with pytest.raises(Exception):  # noqa: B017 - python-docx itself gives up on this package
        import io

        docx.Document(io.BytesIO(data))
    assert texts(data) == ["2025年政府汽车消费补贴活动公告"]
