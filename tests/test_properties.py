"""Properties: any text parses (or fails with GovdocError), normalisation is idempotent, JSON round-trips."""

from __future__ import annotations

import os
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govdoc
from govdoc.normalize import collapse_cjk_spaces, normalize, normalize_lines
from govdoc.readers.text import iter_blocks

PIECES = st.sampled_from(
    [
        "一、",
        "（一）",
        "(二)",
        "1.",
        "（1）",
        "①",
        "第一章",
        "第一条",
        "**",
        "附件：",
        "附件",
        "抄送：",
        "印发",
        "2022年10月24日",
        "二〇二二年十月二十四日",
        "临政办发〔2022〕58号",
        "关于",
        "的通知",
        "县教育局",
        "、",
        "，",
        "。",
        "：",
        "\n",
        "\n\n",
        " ",
        "\t",
        "|",
        "<table><tr><td rowspan=2>x</td></tr></table>",
        "![s](a.png)",
        "— 3 —",
        "（此件公开发布）",
        "联系人：",
        "$15\\%$",
        "各乡(镇)人民政府",
        "牵头单位",
        "责任单位",
        "等相关单位配合",
    ]
)
DOCS = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)
settings.register_profile("default", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("deep", max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("GOVDOC_HYPOTHESIS", "default"))
"""``GOVDOC_HYPOTHESIS=deep pytest tests/test_properties.py`` searches much longer."""


@given(DOCS)
def test_any_text_parses_or_fails_typed(text):
    try:
        doc = govdoc.parse(text.encode("utf-8", errors="replace"))
    except govdoc.GovdocError:
        return
    assert doc.schema_version == "1.1"


@given(DOCS)
def test_json_round_trip(text):
    doc = govdoc.parse_text(text)
    assert govdoc.Document.model_validate_json(govdoc.to_json(doc)) == doc


@given(DOCS)
def test_normalize_is_idempotent(text):
    first = normalize(iter_blocks(text), "markdown")
    again = normalize_lines([replace(x) for x in first.lines], flowing=True)
    assert [x.text for x in again.lines] == [x.text for x in first.lines]


@given(st.text(max_size=200))
def test_collapse_cjk_spaces_is_idempotent(text):
    once = collapse_cjk_spaces(text)
    assert collapse_cjk_spaces(once) == once
