"""Regenerated GB/T 9704 DOCX: layout read back with python-docx; parse → DOCX → parse round trips."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

import govdoc
from govdoc.model import Document
from govdoc.render.docx import docx_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "docx"
REFERENCE = FIXTURES / "notice-linyi-2022-58.md"
ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def must_show_1(doc: Document) -> None:
    """Every field of "govdoc core" Must show 1 for the reference notice."""
    assert doc.doc_number is not None
    assert (doc.doc_number.text, doc.doc_number.agency_code, doc.doc_number.year, doc.doc_number.serial) == (
        "临政办发〔2022〕58号",
        "临政办发",
        2022,
        58,
    )
    assert doc.issue_date is not None and str(doc.issue_date.date) == "2022-10-24"
    assert doc.print_date is not None and str(doc.print_date.date) == "2022-10-24"
    assert doc.issuers == doc.signature == ["临猗县人民政府办公室"]
    assert doc.issuer_mark == "临猗县人民政府办公室文件"
    assert doc.doc_type == "通知"
    assert [a.replace("（", "(").replace("）", ")") for a in doc.addressees] == [
        "各乡(镇)人民政府",
        "县直各有关单位",
    ]
    assert doc.note == "此件公开发布"
    assert [(c.kind, c.organs) for c in doc.cc] == [("抄报", ["县四大班子领导及办公室"])]
    assert doc.printed_by == "临猗县人民政府办公室"
    enc = doc.enclosures[0]
    assert (enc.title, enc.subtitle) == ("临猗县全民科学素质行动规划纲要实施方案", "2021—2025年")
    sections = [n for n in enc.body if n.kind == "section"]
    assert [s.title for s in sections] == ["背景和意义", "总体要求", "提升行动", "重点工程", "组织实施"]

    def measures(level1: int, level2: int) -> int:
        sub = [n for n in sections[level1].children if n.kind == "section"][level2]
        return sum(1 for n in sub.children if n.kind == "measure")

    assert [
        measures(2, 0),
        measures(2, 2),
        measures(3, 0),
        measures(1, 1),
        measures(1, 0),
        measures(4, 0),
    ] == [
        6,
        4,
        3,
        4,
        0,
        0,
    ]
    assert [a.title for a in doc.attachments] == ["临猗县全民科学素质行动规划纲要实施方案工作分工表"]
    assert [t.category for t in doc.tasks] == ["提升行动"] * 5 + ["重点工程"] * 4
    assert doc.tasks[2].lead_units == ["县总工会", "县工科局"]
    assert doc.tasks[0].partner_units == ["县委宣传部", "县工科局", "县人社局", "团县委", "县妇联", "县科协"]
    assert doc.tasks[0].partner_others


def comparable(doc: Document) -> dict[str, Any]:
    """The model without provenance (no ``source`` anywhere) and without residue: text that belonged to
    no element of the 公文 (page furniture, placeholders, portal navigation) is not regenerated."""

    def strip(x: Any) -> Any:
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items() if k not in ("source", "provenance")}
        if isinstance(x, list):
            return [strip(v) for v in x]
        return x

    data: dict[str, Any] = strip(doc.model_dump(mode="json"))
    data.pop("residue")
    return data


@pytest.fixture(scope="module")
def reference() -> Document:
    """The reference notice as typeset in Word (its 分工表 has the merged 名称 cells the Markdown lost)."""
    return govdoc.parse(FIXTURES / "seed.docx")


@pytest.fixture(scope="module")
def regenerated(reference: Document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "notice.docx"
    govdoc.to_docx(reference, str(path))
    return path


def test_seed_docx_gives_every_field() -> None:
    must_show_1(govdoc.parse(FIXTURES / "seed.docx"))


def test_regenerated_page_layout(regenerated: Path) -> None:
    d = docx.Document(str(regenerated))
    s = d.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    margins = (s.top_margin.mm, s.bottom_margin.mm, s.left_margin.mm, s.right_margin.mm)
    assert tuple(round(m) for m in margins) == (37, 35, 28, 26)
    grid = s._sectPr.find(qn("w:docGrid"))
    assert grid is not None and grid.get(qn("w:type")) == "linesAndChars"
    assert d.settings.odd_and_even_pages_header_footer
    for footer in (s.footer, s.even_page_footer):
        instr = "".join(t.text or "" for t in footer._element.iter(qn("w:instrText")))
        assert instr.strip() == "PAGE"
    odd, even = s.footer.paragraphs[0], s.even_page_footer.paragraphs[0]
    assert (odd.alignment, even.alignment) == (2, 0)
    mast = d.paragraphs[0]
    assert mast.text == "临猗县人民政府办公室文件"
    assert any(r.font.color.rgb is not None and str(r.font.color.rgb) == "FF0000" for r in mast.runs)
    fonts = {r._element.rPr.rFonts.get(qn("w:eastAsia")) for p in d.paragraphs for r in p.runs}
    assert {"方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"} <= fonts
    xml = d.element.xml
    assert 'w:vMerge w:val="restart"' in xml and "<w:vMerge/>" in xml


def test_regenerated_reference_reparses_to_every_field(regenerated: Path, reference: Document) -> None:
    again = govdoc.parse(regenerated)
    must_show_1(again)
    assert comparable(again) == comparable(reference)


def test_regenerated_from_markdown_reparses_to_every_field() -> None:
    must_show_1(govdoc.parse(docx_bytes(govdoc.parse(REFERENCE))))


def _round_trip_sources() -> list[Path]:
    found = [REFERENCE, FIXTURES / "seed.docx", FIXTURES / "jn-gg-car-subsidy.docx"]
    found.append(FIXTURES.parent / "realistic3" / "ling-zhengfuling.txt")  # 命令（令）格式: 令号 under the …令 line
    found += sorted((ROOT / "samples").glob("*/source.*"))
    for folder in ("md", "docx", "thirdparty"):
        found += sorted(p for p in (CORPUS / folder).glob("*") if p.suffix in (".md", ".docx"))
    return found


@pytest.mark.parametrize("source", _round_trip_sources(), ids=lambda p: p.name)
def test_round_trip(source: Path) -> None:
    first = govdoc.parse(source)
    again = govdoc.parse(docx_bytes(first))
    assert comparable(again) == comparable(first)


def test_missing_fonts_never_fail_and_unknown_profile_is_typed(reference: Document) -> None:
    data = docx_bytes(reference)
    assert docx.Document(io.BytesIO(data)).paragraphs
    with pytest.raises(govdoc.UnsupportedFormatError):
        docx_bytes(reference, profile="no-such-profile")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_pdf_of_regenerated_notice_parses_the_same(regenerated: Path, tmp_path: Path) -> None:
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(regenerated),
        ],
        check=True,
        capture_output=True,
        timeout=110,
    )
    must_show_1(govdoc.parse(tmp_path / "notice.pdf"))
