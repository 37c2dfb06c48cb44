"""Pieces of ``govdoc batch``: input expansion, manifest files, frames, progress, jsonl output."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from govdoc.batch import BatchConfig, run_batch
from govdoc.batch.frames import FrameBuffer, encode
from govdoc.batch.inputs import InputError, expand_inputs, output_name
from govdoc.batch.manifest import (
    MANIFEST_NAME,
    OutdirBusyError,
    Row,
    outdir_lock,
    read_rows,
    reusable_rows,
    sweep_temp_files,
)
from govdoc.batch.progress import PlainProgress, RichProgress, format_eta, make_progress
from govdoc.cli import build_parser, main

NOTICE = "关于开展安全检查的通知\n\n各单位：\n请于5月1日前完成自查。\n"


def make_tree(root: Path) -> None:
    for rel in ("a/x.pdf", "a/b/y.txt", "c/x.pdf", "c/z.docx"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(NOTICE, "utf-8")


def test_directories_are_walked_sorted_and_outdir_is_skipped(tmp_path: Path) -> None:
    make_tree(tmp_path)
    out = tmp_path / "a" / "out"
    (out / "old.json").parent.mkdir(parents=True)
    (out / "old.json").write_text("{}", "utf-8")
    found = expand_inputs([str(tmp_path / "a")], str(out))
    assert [f.rel for f in found] == ["x.pdf", "b/y.txt"]
    assert all("out" not in f.path for f in found)


def test_each_file_once_and_output_names_unique(tmp_path: Path) -> None:
    make_tree(tmp_path)
    args = [str(tmp_path / "a"), str(tmp_path / "a" / "x.pdf"), str(tmp_path / "*/x.pdf")]
    found = expand_inputs(args, "o")
    paths = [f.path for f in found]
    assert len(paths) == len(set(paths)) == 3
    rels = [f.rel for f in found]
    assert len(set(rels)) == 3 and "x.pdf~2" in rels


def test_missing_inputs_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        expand_inputs([str(tmp_path / "nope.pdf")], "o")
    with pytest.raises(InputError):
        expand_inputs([str(tmp_path / "*.nothing")], "o")


def test_output_names() -> None:
    assert output_name("a/b.pdf", "json") == "a/b.pdf.json"
    assert output_name("a/b.pdf", "jsonl") == "parts/a/b.pdf.json"


def row(output: str | None, status: str = "ok", sha: str = "s1") -> Row:
    return Row("p", sha, status, None if status == "ok" else "corrupt", None, output, 1, 0.1)


def test_manifest_reading_survives_a_cut_row_and_last_row_wins(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{}", "utf-8")
    (tmp_path / "b.json").write_text("{}", "utf-8")
    lines = [row("a.json").to_json(), row("b.json").to_json(), row("b.json", "failed").to_json()]
    (tmp_path / MANIFEST_NAME).write_text("\n".join(lines) + '\n{"path": "c", "sha2', "utf-8")
    assert len(read_rows(tmp_path / MANIFEST_NAME)) == 3
    assert set(reusable_rows(tmp_path)) == {"a.json"}
    (tmp_path / "a.json").unlink()
    assert reusable_rows(tmp_path) == {}


def test_one_batch_at_a_time_per_outdir(tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_text(NOTICE, "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    config = BatchConfig(inputs=(str(tmp_path / "in.txt"),), outdir=str(out), progress="none")
    with outdir_lock(out), pytest.raises(OutdirBusyError):
        run_batch(config)
    assert run_batch(config).exit_code == 0


def test_outdir_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x", "utf-8")
    assert main(["batch", str(tmp_path / "f"), "-o", str(tmp_path / "f")]) == 2


def test_sweep_removes_only_temporary_files(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / ".x.json.k2j.govdoc-tmp").write_bytes(b"{")
    (tmp_path / "d" / "x.json").write_bytes(b"{}")
    assert sweep_temp_files(tmp_path) == 1
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == ["x.json"]


def test_frames_decode_across_arbitrary_splits() -> None:
    data = encode(("start", 3)) + encode({"big": "字" * 10000}) + encode(None)
    buffer = FrameBuffer()
    frames = []
    for i in range(0, len(data), 7):
        frames.extend(buffer.feed(data[i : i + 7]))
    assert frames == [("start", 3), {"big": "字" * 10000}, None]


def test_plain_progress_line() -> None:
    stream = io.StringIO()
    progress = PlainProgress(stream, every=3600)
    progress.start(10, 2)
    progress.advance(True, 3)
    progress.advance(False, None)
    line = progress.line(progress.began + 2.0)
    assert line == "2/10 files (1 failed), 1.0 files/s, ETA 0m08s"
    assert "2 already done (resume)" in stream.getvalue()
    assert format_eta(3725) == "1h02m"


def test_progress_choice() -> None:
    assert isinstance(make_progress("plain"), PlainProgress)
    assert isinstance(make_progress("auto", io.StringIO()), PlainProgress)  # not a terminal
    pytest.importorskip("rich")
    assert isinstance(make_progress("rich"), RichProgress)


def test_jsonl_format_and_rich_progress(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "1.txt").write_text(NOTICE, "utf-8")
    (src / "2.bin").write_bytes(bytes(range(256)) * 64)
    (src / "3.md").write_text(NOTICE.replace("安全", "消防"), "utf-8")
    pytest.importorskip("rich")
    config = BatchConfig(inputs=(str(src),), outdir=str(tmp_path / "out"), format="jsonl", progress="rich")
    report = run_batch(config)
    assert (report.converted, report.failed, report.exit_code) == (2, 1, 1)
    lines = (tmp_path / "out" / "documents.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [str(src / "1.txt"), str(src / "3.md")]
    assert [r.output for r in report.rows] == ["parts/1.txt.json", None, "parts/3.md.json"]


def test_help_documents_the_default_limits(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["batch", "--help"])
    text = capsys.readouterr().out
    for needle in ("--timeout 120 s", "--max-pages 2000", "500 MB", "--max-memory 2048 MB"):
        assert needle in " ".join(text.split())
