"""The command line: parse, schema, exit codes (0 ok, 1 typed error as one line, 2 usage), python -m."""

from __future__ import annotations

import json
import subprocess
import sys

from govdoc.cli import main
from tests.conftest import REFERENCE_MD


def test_parse_prints_json(capsys):
    assert main(["parse", str(REFERENCE_MD)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["doc_number"]["text"] == "临政办发〔2022〕58号"
    assert data["source"]["format"] == "markdown"


def test_parse_to_file_pretty_without_source(tmp_path):
    out = tmp_path / "out" / "doc.json"
    assert main(["parse", str(REFERENCE_MD), "-o", str(out), "--pretty", "--no-source"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("{\n  ")
    assert '"source"' not in text
    assert not list(out.parent.glob(".*.tmp"))


def test_parse_with_keywords(capsys):
    assert main(["parse", str(REFERENCE_MD), "--keywords", "5"]) == 0
    keywords = json.loads(capsys.readouterr().out)["keywords"]
    assert len(keywords) == 5 and "科普" in keywords


def test_unreadable_file_exits_1_with_one_line(tmp_path, capsys):
    bad = tmp_path / "x.md"
    bad.write_bytes(bytes(range(256)) * 100)
    assert main(["parse", str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "unsupported_format" in err and str(bad) in err


def test_usage_errors_exit_2(capsys):
    assert main([]) == 2
    proc = subprocess.run([sys.executable, "-m", "govdoc", "parse"], capture_output=True, text=True)
    assert proc.returncode == 2


def test_schema_command(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Document"


def test_python_dash_m_parse():
    proc = subprocess.run([sys.executable, "-m", "govdoc", "parse", str(REFERENCE_MD)], capture_output=True, text=True)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["issuers"] == ["临猗县人民政府办公室"]


def test_plain_parse_does_not_import_jieba():
    code = "import sys, govdoc; govdoc.parse(sys.argv[1]); print('jieba' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code, str(REFERENCE_MD)], capture_output=True, text=True)
    assert proc.stdout.strip() == "False"
