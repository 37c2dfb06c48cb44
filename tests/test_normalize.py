"""Each normalisation step keeps its stated guarantee, and the whole is idempotent."""

from __future__ import annotations

from dataclasses import replace

import pytest

from govdoc.normalize import Line, collapse_cjk_spaces, normalize, normalize_lines, rejoin, unflatten
from govdoc.readers.text import iter_blocks
from tests.conftest import REFERENCE_MD


def lines(*texts: str, **kw: object) -> list[Line]:
    return [Line(text=t, raw=t, **kw) for t in texts]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("2025 年 1 月 20 日", "2025年1月20日"),
        ("临猗县人民政府办公室 关于印发", "临猗县人民政府办公室关于印发"),
        ("切实推动各项工作任务 and 目标的落实", "切实推动各项工作任务 and 目标的落实"),
        ("联系电话 0359 4036639", "联系电话0359 4036639"),
        ("济南市 2 025 年", "济南市2025年"),
        ("E-mail: abc@x.cn", "E-mail: abc@x.cn"),
    ],
)
def test_collapse_cjk_spaces(before, after):
    assert collapse_cjk_spaces(before) == after
    assert collapse_cjk_spaces(after) == after


def test_page_numbers_go_to_residue_not_text():
    result = normalize(iter_blocks("第一段。\n\n— 3 —\n\n-4-\n\n–– 5 ––\n\n第二段。"))
    assert [x.text for x in result.lines] == ["第一段。", "第二段。"]
    assert [r.text for r in result.residue] == ["— 3 —", "-4-", "–– 5 ––"]
    assert {r.reason for r in result.residue} == {"page_number"}


def test_page_break_inside_a_word_is_rejoined():
    text = "深化供给侧改革。突出价值导向,创新组织动员机制,强\n\n化政策法规实施保障。"
    assert [x.text for x in normalize(iter_blocks(text)).lines] == [
        "深化供给侧改革。突出价值导向,创新组织动员机制,强化政策法规实施保障。"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "为确保工作顺利推进，现就有关事项通知如下：\n\n一、总体要求",  # clause end
        "各地要切实加强组织领导，认真落实各项措施\n\n（二）强化保障",  # numbering marker
        "临猗县人民政府办公室\n\n2022年10月24日",  # signature and date
        "一、背景和意义\n\n党的十八大以来，各项工作取得明显成效。",  # heading
        "本方案自印发之日起施行，由县政府办公室负责解释\n\n联系人：李四",  # label
    ],
)
def test_never_joined_across(text):
    assert len(normalize(iter_blocks(text)).lines) == 2


def test_flattened_portal_line_is_split_and_only_once():
    flat = (
        "当前位置： 首页政务公开 平潭综合实验区管委会关于加强安全生产工作的通知 各乡镇人民政府，区直各单位： "
        "今年以来，全区上下认真落实党中央、国务院关于加强安全生产工作的一系列重要部署，取得了一定成效。 "
        "平潭综合实验区管委会 2011年8月1日 平潭综合实验区管委会办公室 2011年8月1日印发"
    )
    once = unflatten(lines(flat))
    assert [x.text for x in once][:3] == [
        "当前位置：",
        "首页政务公开",
        "平潭综合实验区管委会关于加强安全生产工作的通知",
    ]
    assert [x.text for x in unflatten(once)] == [x.text for x in once]


def test_flat_split_keeps_brackets_whole():
    flat = "平潭综合实验区管委会 2017年9月1日 （联系人：陈灵星 联系电话：0591-23163351） " * 3
    parts = [x.text for x in unflatten(lines(flat))]
    assert "（联系人：陈灵星 联系电话：0591-23163351）" in parts


def test_glued_signature_and_date_are_separated():
    parts = [x.text for x in unflatten(lines("通知如下。 平潭综合实验区管委会2016年4月6日 办公室 另一段 又一段 " * 4))]
    assert "平潭综合实验区管委会" in parts and "2016年4月6日" in parts


def test_normalize_is_idempotent_on_the_reference():
    first = normalize(iter_blocks(REFERENCE_MD.read_text(encoding="utf-8")), "markdown")
    again = normalize_lines([replace(x) for x in first.lines], flowing=True)
    assert [x.text for x in again.lines] == [x.text for x in first.lines]


def test_rejoin_is_idempotent():
    once = rejoin(lines("第一段没有结束的句子，后面被分页打断了", "接着写完。", "新的一段。"))
    assert [x.text for x in once] == ["第一段没有结束的句子，后面被分页打断了接着写完。", "新的一段。"]
    assert [x.text for x in rejoin(once)] == [x.text for x in once]


@pytest.mark.parametrize(
    ("flat", "marker"),
    [
        (
            "现决定废止以下3份文件:一、《关于公布中介服务事项的通知》。二、《关于印发若干措施的通知》。",
            "一、《关于公布中介服务事项的通知》。",
        ),
        ("配合有关部门的检查和绩效评价等工作;第三章 资金管理第八条 专项资金按照规定使用。", "第三章"),
    ],
)
def test_glued_marker_after_half_width_punctuation_starts_a_line(flat: str, marker: str) -> None:
    """Regression (web/pt-008, pt-014): a heading marker after ``:`` or ``;`` in flattened portal text."""
    parts = [x.text for x in unflatten(lines(f"当前位置： 首页 通知 {flat} 另一段 又一段 " * 3))]
    assert any(part.startswith(marker) for part in parts)


def _flat_page(*segments: str) -> list[str]:
    intro = "为进一步做好安全生产工作，切实保障人民群众生命财产安全，现将有关事项通知如下。" * 2
    return [x.text for x in unflatten(lines(f"当前位置： 首页 通知 {intro} " + " ".join(segments)))]


def test_glued_next_marker_without_punctuation_starts_a_line() -> None:
    """Regression (web/pt-005): ``…管理局二、实施…`` and ``…生态局（二）加快…`` in flattened portal text."""
    parts = _flat_page(
        "一、实施设备更新行动",
        "（一）加快建筑领域设备更新。推进老旧小区改造。责任单位：区资源生态局（二）加快城乡基础设施领域设备更新。"
        "实施管网改造。责任单位：各片区管理局二、实施消费品以旧换新行动（三）开展汽车以旧换新。落实好政策。",
    )
    assert parts[-5:] == [
        "一、实施设备更新行动",
        "（一）加快建筑领域设备更新。推进老旧小区改造。责任单位：区资源生态局",
        "（二）加快城乡基础设施领域设备更新。实施管网改造。责任单位：各片区管理局",
        "二、实施消费品以旧换新行动",
        "（三）开展汽车以旧换新。落实好政策。",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "（一）总体要求。按照本条（二）规定执行，并符合第（二）项和附表二、附表三的要求。",
        "一、总体要求 （一）工作目标。到2025年完成十二、十三项任务，二十二、二十三项同步推进。",
        "（一）总体要求。另见（三）保障措施。",
    ],
)
def test_references_and_numerals_are_not_split_as_markers(text: str) -> None:
    parts = _flat_page(*text.split(" "))
    assert parts[-1] == text.split(" ")[-1]


@pytest.mark.parametrize(
    "segment",
    [
        "（一）支持医院发展。支持二、三级医院对口帮扶乡镇卫生院。",
        "（一）加快支出。各单位要在三、四季度加快项目支出进度。",
        "（一）评选办法。评选分为一、二等奖，获得二、三等奖的单位给予表扬。",
        "（一）帮扶对象。帮扶单位为:二、三级公立医院。",
        "（一）执行要求。按照第三部分（二）的要求和附件（一）格式报送，符合（二）项规定。",
    ],
)
def test_runs_of_numerals_and_references_are_not_headings(segment: str) -> None:
    """Regressions (review): ``二、三级``, ``三、四季度``, ``（二）项``, ``第三部分（二）`` inside flattened text."""
    parts = _flat_page("一、总体要求", segment)
    assert parts[-1] == segment


@pytest.mark.parametrize("spaced", ["（ 二）优化营商环境", "（二 ）优化营商环境"])
def test_sequel_split_is_idempotent_with_spaces_inside_the_bracket(spaced: str) -> None:
    flat = f"当前位置： 首页 通知 一、重点任务 （一）推进项目建设 加快推进重点项目开展检查{spaced} 持续深化改革。" * 2
    first = normalize_lines(lines(flat))
    again = normalize_lines([replace(x) for x in first.lines])
    assert [x.text for x in again.lines] == [x.text for x in first.lines]
    assert "（二）优化营商环境" in [x.text for x in first.lines]
