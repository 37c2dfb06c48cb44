"""The reference notice as PDF (three bold styles) gives the Markdown's values on every Must-show-1 field."""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import regex as re

import govdoc
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PDF = ROOT / "samples" / "notice-linyi-2022-58" / "source.pdf"
REFERENCE_MD = SHARED / "reference" / "notice-linyi-2022-58.md"
RENDERED = SHARED / "corpus" / "rendered"
SPACES = re.compile(r"\s+")
"""Whitespace dropped when comparing values: ``2025 年`` equals ``2025年``."""


def fold(value: Any) -> Any:
    """NFKC-fold strings and drop whitespace, recursively (converter artifacts aside)."""
    if isinstance(value, str):
        return SPACES.sub("", unicodedata.normalize("NFKC", value))
    if isinstance(value, list):
        return [fold(v) for v in value]
    if isinstance(value, dict):
        return {k: fold(v) for k, v in value.items()}
    return value


def _sections(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    """Level-1 titles → {level-2 title: number of measures directly under it}."""
    out: dict[str, Any] = {}
    for node in nodes:
        if node.get("kind") == "section" and node.get("level") == 1:
            out[node["title"]] = {
                child["title"]: sum(1 for c in child.get("children", []) if c.get("kind") == "measure")
                for child in node.get("children", [])
                if child.get("kind") == "section"
            }
    return out


def must_show(doc: dict[str, Any]) -> dict[str, Any]:
    """The fields of issue "govdoc core" Must show 1."""
    number = doc.get("doc_number") or {}
    enclosure = (doc.get("enclosures") or [{}])[0]
    fields: dict[str, Any] = fold(
        {
            "doc_number": [number.get(k) for k in ("text", "agency_code", "year", "serial")],
            "issue_date": (doc.get("issue_date") or {}).get("date"),
            "print_date": (doc.get("print_date") or {}).get("date"),
            "issuers": doc.get("issuers"),
            "signature": doc.get("signature"),
            "issuer_mark": doc.get("issuer_mark"),
            "doc_type": doc.get("doc_type"),
            "addressees": doc.get("addressees"),
            "note": doc.get("note"),
            "cc": [[c.get("kind"), c.get("organs")] for c in doc.get("cc") or []],
            "printed_by": doc.get("printed_by"),
            "enclosure": [enclosure.get("title"), enclosure.get("subtitle")],
            "sections": _sections(enclosure.get("body") or []),
            "attachments": [a.get("title") for a in doc.get("attachments") or []],
            "tasks": [
                [t["seq"], t["category"], t["task"], t["lead_units"], t["partner_units"], t["partner_others"]]
                for t in doc.get("tasks") or []
            ],
        }
    )
    return fields


@cache
def parsed(path: Path) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(govdoc.to_json(govdoc.parse(path)))
    return result


def test_sample_pdf_is_the_rendered_seed() -> None:
    assert SAMPLE_PDF.read_bytes() == (RENDERED / "seed.pdf").read_bytes()


@pytest.mark.parametrize(
    "path", [SAMPLE_PDF, RENDERED / "seed_fakebold.pdf", RENDERED / "seed_bold_dup.pdf"], ids=lambda p: p.name
)
def test_pdf_gives_the_markdown_values(path: Path) -> None:
    want = must_show(parsed(REFERENCE_MD))
    got = must_show(parsed(path))
    for key in want:
        assert got[key] == want[key], key


def test_pdf_values_by_hand() -> None:
    got = must_show(parsed(SAMPLE_PDF))
    assert got["doc_number"] == ["临政办发〔2022〕58号", "临政办发", 2022, 58]
    assert got["issue_date"] == got["print_date"] == "2022-10-24"
    assert got["issuers"] == got["signature"] == ["临猗县人民政府办公室"]
    assert got["issuer_mark"] == "临猗县人民政府办公室文件"
    assert got["addressees"] == fold(["各乡(镇)人民政府", "县直各有关单位"])
    assert got["note"] == "此件公开发布"
    assert got["cc"] == [["抄报", ["县四大班子领导及办公室"]]]
    assert got["enclosure"] == ["临猗县全民科学素质行动规划纲要实施方案", "2021—2025年"]
    sections = got["sections"]
    assert list(sections) == ["背景和意义", "总体要求", "提升行动", "重点工程", "组织实施"]
    assert sections["提升行动"]["青少年科学素质提升行动"] == 6
    assert sections["提升行动"]["产业工人科学素质提升行动"] == 4
    assert sections["重点工程"]["科技资源科普化工程"] == 3
    assert sections["总体要求"]["基本原则"] == 4
    assert sections["总体要求"]["指导思想"] == 0 and sections["组织实施"]["组织领导"] == 0
    tasks = got["tasks"]
    assert [t[1] for t in tasks] == ["提升行动"] * 5 + ["重点工程"] * 4
    assert tasks[2][3] == ["县总工会", "县工科局"]
    assert tasks[0][4] == ["县委宣传部", "县工科局", "县人社局", "团县委", "县妇联", "县科协"] and tasks[0][5]
