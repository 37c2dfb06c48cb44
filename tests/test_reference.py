"""The reference notice (Markdown as a converter produced it) parsed perfectly: issue "govdoc core" Must show 1."""

from __future__ import annotations

import collections
import json
import re
import unicodedata

import govdoc
from tests.conftest import REFERENCE_MD
from tests.reference_fields import check_reference


def test_reference_markdown_fields():
    check_reference(govdoc.parse(REFERENCE_MD))


def test_reference_from_bytes_and_text_agree():
    by_path = govdoc.parse(REFERENCE_MD)
    by_bytes = govdoc.parse(REFERENCE_MD.read_bytes())
    by_text = govdoc.parse_text(REFERENCE_MD.read_text(encoding="utf-8"))
    strip = govdoc.to_json
    assert strip(by_bytes, with_source=False) == strip(by_text, with_source=False)
    assert by_path.title == by_text.title


def _letters(text: str) -> collections.Counter[str]:
    return collections.Counter(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c)[0] in "LN")


def test_no_letter_or_digit_is_lost():
    """Every letter and digit of the source appears in the output (raw values and provenance aside)."""
    source = re.sub(r"[—–-]\s*\d+\s*[—–-]", "", REFERENCE_MD.read_text(encoding="utf-8"))
    data = govdoc.parse(REFERENCE_MD).model_dump(mode="json")
    strings: list[str] = []

    def walk(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                if k not in ("source", "raw", "diagnostics", "path", "sha256"):
                    walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str):
            strings.append(node)

    walk(data)
    missing = _letters(source) - _letters("".join(strings))
    assert not missing, json.dumps(dict(missing), ensure_ascii=False)


def test_gbk_encoded_file_is_detected(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_bytes(REFERENCE_MD.read_text(encoding="utf-8").replace("\u2014", "-").encode("gb18030"))
    doc = govdoc.parse(path)
    assert doc.doc_number is not None and doc.doc_number.text == "临政办发〔2022〕58号"
    assert doc.title is not None and "全民科学素质" in doc.title


def test_utf8_bom_is_accepted():
    doc = govdoc.parse(b"\xef\xbb\xbf" + REFERENCE_MD.read_bytes())
    assert doc.issuer_mark == "临猗县人民政府办公室文件"
