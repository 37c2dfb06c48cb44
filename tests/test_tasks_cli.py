"""End to end on the reference notice: ``govdoc tasks`` (CSV/XLSX/MD/JSON) and ``govdoc units``."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

import govdoc
from govdoc.cli import main
from govdoc.render.tables import MissingExtraError, task_rows, to_xlsx

FIXTURES = Path(__file__).parent / "fixtures" / "tasks"
NOTICE = FIXTURES / "notice-linyi-2022-58.md"
EXPECTED = json.loads((FIXTURES / "linyi-2022-58-expected.json").read_text(encoding="utf-8"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("suffix", [".md", ".pdf", ".docx"])
def test_reference_notice_tasks_exactly_as_in_its_table(suffix: str) -> None:
    """The Markdown conversion, the GB/T 9704 rendering as PDF (table over two pages) and as DOCX."""
    doc = govdoc.parse(NOTICE.with_suffix(suffix))
    fields = ("seq", "category", "task", "lead_units", "partner_units", "partner_others")
    assert [t.model_dump(include=set(fields)) for t in doc.tasks] == EXPECTED
    assert all(t.source.attachment == 0 and t.source.table == 0 for t in doc.tasks)


def test_units_json(capsys: pytest.CaptureFixture[str]) -> None:
    units = {u["name"]: u for u in json.loads(run(capsys, "units", str(NOTICE), "--format", "json"))}
    assert set(units["县科协"]) == {"name", "aliases", "leads", "partners"}
    assert units["县科协"]["partners"] == list(range(1, 10))
    assert units["县教育局"]["leads"] == [1, 6]
    assert units["县应急管理局"]["aliases"] == ["县应急局"]
    assert units["县应急管理局"]["partners"] == [2, 6, 7, 9]
    assert "县应急局" not in units


def test_units_csv(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "units", str(NOTICE), "--format", "csv")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert out.startswith("\ufeff")
    assert ["县应急管理局", "县应急局", "", "2、6、7、9"] in rows


def test_tasks_csv_has_bom_header_and_nine_rows(tmp_path: Path) -> None:
    out = tmp_path / "tasks.csv"
    assert main(["tasks", str(NOTICE), "--format", "csv", "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:5] == ["序号", "类别", "工作内容", "牵头单位", "配合单位"]
    assert len(rows) == 10
    assert rows[3][:4] == ["3", "提升行动", "实施产业工人科学素质提升行动", "县总工会、县工科局"]


def test_tasks_xlsx_has_the_same_cells(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    csv_path, xlsx_path = tmp_path / "t.csv", tmp_path / "t.xlsx"
    assert main(["tasks", str(NOTICE), "--format", "csv", "-o", str(csv_path)]) == 0
    assert main(["tasks", str(NOTICE), "--format", "xlsx", "-o", str(xlsx_path)]) == 0
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    sheet = openpyxl.load_workbook(xlsx_path).active
    cells = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert cells == rows


def test_tasks_xlsx_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", str(NOTICE), "--format", "xlsx"]) == 2
    assert "-o" in capsys.readouterr().err


def test_tasks_markdown_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    md = run(capsys, "tasks", str(NOTICE), "--format", "md").splitlines()
    assert md[0].startswith("| 序号 | 类别 | 工作内容 |") and len(md) == 11
    data = json.loads(run(capsys, "tasks", str(NOTICE), "--format", "json"))
    assert [t["seq"] for t in data] == list(range(1, 10))
    assert data[0]["partner_others"] is True


def test_missing_file_is_a_typed_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["tasks", str(tmp_path / "nope.md")]) == 1
    assert "corrupt" in capsys.readouterr().err


def test_xlsx_without_openpyxl_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtraError, match=r"govdoc\[xlsx\]"):
        to_xlsx(task_rows([]))
