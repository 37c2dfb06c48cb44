"""The local engine's isolation: parent-enforced timeouts, crashes, the memory cap, recycling, Ctrl-C."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govdoc.batch.config import Limits, Result, Task
from govdoc.batch.local import LocalEngine
from govdoc.cli import main
from tests.conftest import SHARED

CORPUS = SHARED / "corpus"
SMALL = [str(CORPUS / "web" / f"pt-00{i}.txt") for i in range(1, 6)]


@pytest.fixture(scope="module")
def slow(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A 1.8 MB Markdown notice (400 copies of a real one): seconds of parsing, far longer than the
    short timeouts and waits below."""
    path = tmp_path_factory.mktemp("slow") / "slow.md"
    path.write_text((CORPUS / "md" / "jn-2025-5.md").read_text("utf-8") * 400, "utf-8")
    return str(path)


def tasks(paths: list[str]) -> list[Task]:
    return [Task(i, p, 2000, 500 * 1024 * 1024) for i, p in enumerate(paths)]


def by_index(results: list[Result]) -> dict[int, Result]:
    out = {r.index: r for r in results}
    assert len(out) == len(results)
    return out


def test_parent_kills_a_stuck_worker_and_goes_on(slow: str) -> None:
    engine = LocalEngine(1, Limits(timeout=0.3))
    results = by_index(list(engine.results(tasks([SMALL[0], slow, SMALL[1]]))))
    assert results[1].code == "timeout" and results[1].status == "failed"
    assert results[0].status == results[2].status == "ok"
    assert engine.spawned == 2
    assert engine.workers == []


def test_timeout_rows_carry_the_sha256(tmp_path: Path, slow: str) -> None:
    out = tmp_path / "out"
    assert main(["batch", slow, SMALL[0], "-o", str(out), "--timeout", "0.3", "--progress", "none"]) == 1
    rows = [json.loads(line) for line in (out / "manifest.jsonl").read_text("utf-8").splitlines()]
    assert [(r["status"], r["code"]) for r in rows] == [("failed", "timeout"), ("ok", None)]
    assert rows[0]["sha256"] == hashlib.sha256(Path(slow).read_bytes()).hexdigest()


def test_page_and_byte_limits_from_the_command_line(tmp_path: Path) -> None:
    seed = str(CORPUS / "rendered" / "seed.pdf")  # 19 pages, 410 kB
    out = tmp_path / "out"
    assert main(["batch", seed, "-o", str(out), "--max-pages", "5", "--progress", "none"]) == 1
    assert main(["batch", seed, "-o", str(tmp_path / "o2"), "--max-bytes", "1000", "--progress", "none"]) == 1
    for where in (out, tmp_path / "o2"):
        row = json.loads((where / "manifest.jsonl").read_text("utf-8"))
        assert (row["status"], row["code"]) == ("failed", "too_large")


def test_a_crashed_worker_fails_only_its_file(slow: str) -> None:
    engine = LocalEngine(1, Limits())
    seen: list[Result] = []
    for result in engine.results(tasks([SMALL[0], slow, SMALL[1]])):
        seen.append(result)
        if result.index == 0:
            assert result.pid is not None
            time.sleep(0.3)  # the worker is now inside the slow file
            os.kill(result.pid, signal.SIGSEGV)
    results = by_index(seen)
    assert results[1].code == "crashed" and "SIGSEGV" in (results[1].message or "")
    assert results[0].status == results[2].status == "ok"


def test_memory_cap_gives_too_large_and_a_fresh_worker(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_bytes(("通知正文。" * 20 + "\n").encode("utf-8") * 100_000)  # 30 MB
    engine = LocalEngine(1, Limits(max_memory_mb=64))
    results = by_index(list(engine.results(tasks([str(huge), SMALL[0]]))))
    assert (results[0].status, results[0].code) == ("failed", "too_large")
    assert results[1].status == "ok"
    assert engine.spawned == 2


def test_workers_are_recycled() -> None:
    engine = LocalEngine(2, Limits(), chunk=1, recycle_after=2)
    results = by_index(list(engine.results(tasks(SMALL))))
    assert all(r.status == "ok" for r in results.values())
    assert engine.spawned >= 3
    assert len({r.pid for r in results.values()}) >= 3


def test_workers_near_their_memory_cap_are_recycled() -> None:
    engine = LocalEngine(1, Limits(max_memory_mb=64), chunk=1)  # a worker's RSS is over 32 MB at once
    results = by_index(list(engine.results(tasks(SMALL[:4]))))
    assert all(r.status == "ok" for r in results.values())
    assert engine.spawned >= 2  # one worker would do without the RSS rule (recycle_after is 200)


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert main(["batch", str(tmp_path / "missing.pdf"), "-o", str(tmp_path / "out")]) == 2
    assert main(["batch", str(tmp_path / "*.nothing"), "-o", str(tmp_path / "out")]) == 2
    assert main(["batch", SMALL[0], "-o", str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:1"]) == 2


def test_ctrl_c_stops_cleanly_with_130(tmp_path: Path, slow: str) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    for i in range(4):
        (archive / f"a{i}.txt").write_bytes(Path(SMALL[i]).read_bytes())
        (archive / f"z{i}.md").write_bytes(Path(slow).read_bytes())
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "govdoc", "batch", str(archive), "-o", str(out), "--progress", "plain"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    manifest = out / "manifest.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (manifest.is_file() and manifest.read_text("utf-8").strip()):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    rows = [json.loads(line) for line in manifest.read_text("utf-8").splitlines()]
    assert 1 <= len(rows) < 8
    assert all(r["status"] == "ok" for r in rows)
    assert not [p for p in out.rglob("*") if ".govdoc-tmp" in p.name]
