"""Must-show 2 of issue 6: ``kill -9`` of a batch halfway, then ``--resume``: outputs byte-identical to
an uninterrupted run, no temporary files, exactly one row per input, and a second ``--resume``
converts nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_archive import copy_corpus

from govdoc.cli import main


def batch_cmd(archive: Path, out: Path, *extra: str) -> list[str]:
    common = ["--jobs", "2", "--progress", "none", "--ocr", "never"]
    return ["batch", str(archive), "-o", str(out), *common, *extra]


def outputs(out: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file() and p.name != "manifest.jsonl"
    }


def rows(out: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (out / "manifest.jsonl").read_text("utf-8").splitlines()]


def kill_halfway(archive: Path, out: Path, total: int) -> None:
    """Start the batch as a process and SIGKILL it once about a third of the rows are written."""
    cmd = [sys.executable, "-m", "govdoc", *batch_cmd(archive, out)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    manifest = out / "manifest.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if manifest.is_file() and manifest.read_bytes().count(b"\n") >= total // 3:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "the batch finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("resume") / "archive"
    copy_corpus(root, (".pdf", ".docx", ".md", ".txt", ".ofd"))
    return root


def test_kill_9_then_resume_matches_an_uninterrupted_run(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    total = sum(1 for p in archive.rglob("*") if p.is_file())
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    assert main(batch_cmd(archive, clean)) == 1  # the outlined PDF fails (no OCR)
    kill_halfway(archive, killed, total)
    partial = rows(killed) if (killed / "manifest.jsonl").is_file() else []
    assert len(partial) < total
    (killed / "stale.json.x1y2.govdoc-tmp").write_bytes(b"{half a docu")  # as a kill mid-write leaves

    capsys.readouterr()
    assert main([*batch_cmd(archive, killed), "--resume"]) == 1
    first = capsys.readouterr().out
    assert outputs(killed) == outputs(clean)
    assert not [p for p in killed.rglob("*") if ".govdoc-tmp" in p.name]
    final = rows(killed)
    assert sorted(str(r["path"]) for r in final) == sorted(str(p) for p in archive.rglob("*") if p.is_file())
    strip = [{k: v for k, v in r.items() if k != "seconds"} for r in final]
    assert strip == [{k: v for k, v in r.items() if k != "seconds"} for r in rows(clean)]
    skipped = int(first.split(" skipped")[0].rsplit(", ", 1)[1])
    assert skipped == sum(1 for r in partial if r["status"] == "ok") > 0

    stamps = {p: p.stat().st_mtime_ns for p in killed.rglob("*.json")}
    assert main([*batch_cmd(archive, killed), "--resume"]) == 1
    second = capsys.readouterr().out
    assert " 0 converted," in second
    assert {p: p.stat().st_mtime_ns for p in killed.rglob("*.json")} == stamps
    assert len(rows(killed)) == total


def test_resume_reconverts_an_input_whose_content_changed(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    notice = src / "a.txt"
    notice.write_text("关于开展安全检查的通知\n\n各单位：\n请于5月1日前完成自查。\n", "utf-8")
    out = tmp_path / "out"
    assert main(batch_cmd(src, out)) == 0
    before = (out / "a.txt.json").read_bytes()
    notice.write_text("关于开展消防检查的通知\n\n各单位：\n请于6月1日前完成自查。\n", "utf-8")
    assert main([*batch_cmd(src, out), "--resume"]) == 0
    assert (out / "a.txt.json").read_bytes() != before
    assert len(rows(out)) == 1
