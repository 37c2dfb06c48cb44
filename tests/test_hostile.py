"""Hostile text input ends quickly with a result or a GovdocError (issue "govdoc core" Must show 4)."""

from __future__ import annotations

import random

import pytest

import govdoc

HOSTILE = {
    "random_10mb": lambda: random.Random(7).randbytes(10 * 1024 * 1024),
    "only_yi_dun_lines": lambda: ("一、\n" * 10_000).encode(),
    "nested_cn_paren_10000": lambda: ("（一）" * 10_000).encode(),
    "nested_cn_paren_lines": lambda: "\n".join("（一）" * (i % 50 + 1) for i in range(2_000)).encode(),
    "empty": lambda: b"",
    "one_huge_line": lambda: ("中" * 1_000_000).encode(),
    "nul_bytes": lambda: b"\x00" * 4096,
    "deep_markers_all_styles": lambda: "\n".join(
        f"{m}标题" for _ in range(500) for m in ("第一章", "第一节", "第一条", "一、", "（一）", "1.", "（1）", "①")
    ).encode(),
    "unclosed_html_table": lambda: ("<table><tr><td rowspan=99999 colspan=99999>x" * 200).encode(),
    "many_brackets": lambda: ("（" * 50_000 + "附件：" + "〔2022〕" * 5_000).encode(),
    # regression (review): a heading with an unclosed bracket and many assignment labels was quadratic
    "heading_with_assignment_labels": lambda: ("一、加强监督（" + "牵头单位：测" * 20_000).encode(),
    "flat_line_of_glued_markers": lambda: ("当前位置： 首页 通知 " + "落实二、三级（二）项" * 10_000).encode(),
}


@pytest.mark.timeout(2)
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_ends_in_time(name):
    data = HOSTILE[name]()
    try:
        doc = govdoc.parse(data)
    except govdoc.GovdocError as err:
        assert err.code in {"unsupported_format", "corrupt", "too_large"}
        return
    assert isinstance(doc, govdoc.Document)


def test_random_bytes_are_not_text():
    with pytest.raises(govdoc.UnsupportedFormatError):
        govdoc.parse(random.Random(1).randbytes(100_000))


def test_missing_file_is_a_typed_error(tmp_path):
    with pytest.raises(govdoc.GovdocError) as info:
        govdoc.parse(tmp_path / "nope.md")
    assert info.value.path == str(tmp_path / "nope.md")
    assert "no such file" in str(info.value)


def test_too_large_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2048)
    with pytest.raises(govdoc.TooLargeError):
        govdoc.parse(path, govdoc.ParseOptions(max_bytes=1024))


def test_empty_file_is_a_typed_error(tmp_path):
    """Regression: an empty (or blank) file used to parse into an empty document; it is not a document."""
    for name, data in (("empty.md", b""), ("blank.txt", b" \n\t\n")):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(govdoc.CorruptFileError) as info:
            govdoc.parse(path)
        assert "empty file" in info.value.reason and info.value.path == str(path)
