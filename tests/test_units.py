"""The units index: abbreviation merging by the stated rule, never merging different units."""

from __future__ import annotations

import pytest

from govdoc.model import Task
from govdoc.units import abbreviates, build_registry, same_unit


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("县应急局", "县应急管理局"),
        ("县人社局", "县人力资源和社会保障局"),
        ("县文旅局", "县文化和旅游局"),
        ("市场监管局", "区市场监管局"),
        ("公安局", "区公安局"),
    ],
)
def test_same_unit(short: str, long: str) -> None:
    assert same_unit(short, long)


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("县教育局", "县体育局"),
        ("市生态环境局", "市生态环境局临猗分局"),
        ("县委组织部", "县委宣传部"),
        ("县委", "县委宣传部"),
        ("县财政局", "县发改局"),
        ("县人社局", "市人力资源和社会保障局"),
        ("县科协", "县科学技术协会办公室"),
    ],
)
def test_different_units(short: str, long: str) -> None:
    assert not same_unit(short, long)
    assert not same_unit(long, short)


def test_registry_merges_and_keeps_both_names() -> None:
    tasks = [
        Task(seq=1, task="甲", lead_units=["县教育局"], partner_units=["县应急局", "县体育局"]),
        Task(seq=2, task="乙", lead_units=["县人社局"], partner_units=["县应急管理局"]),
        Task(seq=3, task="丙", lead_units=["县人力资源和社会保障局"], partner_units=["县教育局"]),
    ]
    units = {u.name: u for u in build_registry(tasks)}
    assert set(units) == {"县教育局", "县应急管理局", "县体育局", "县人力资源和社会保障局"}
    assert (units["县应急管理局"].aliases, units["县应急管理局"].partners) == (["县应急局"], [1, 2])
    assert (units["县人力资源和社会保障局"].aliases, units["县人力资源和社会保障局"].leads) == (
        ["县人社局"],
        [2, 3],
    )
    assert (units["县教育局"].leads, units["县教育局"].partners) == ([1], [3])


def test_short_name_matching_two_long_names_stays_alone() -> None:
    assert abbreviates("县农业局", "县农业农村局") and abbreviates("县农业局", "县农业机械局")
    tasks = [Task(task="甲", partner_units=["县农业局", "县农业农村局", "县农业机械局"])]
    assert [u.name for u in build_registry(tasks)] == ["县农业局", "县农业农村局", "县农业机械局"]


def test_tasks_without_seq_are_numbered_by_position() -> None:
    tasks = [Task(task="甲", lead_units=["县教育局"]), Task(task="乙", lead_units=["县教育局"])]
    (unit,) = build_registry(tasks)
    assert unit.leads == [1, 2]


def test_many_names_are_indexed_without_merging() -> None:
    names = [f"县第{i}号局" for i in range(2000)]
    tasks = [Task(task="甲", lead_units=names[k : k + 50]) for k in range(0, 2000, 50)]
    units = build_registry(tasks)
    assert len(units) == 2000
    assert all(u.aliases == [] for u in units)
