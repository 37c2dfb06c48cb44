"""Must-show 4 of issue 6: ``--engine dask`` (a LocalCluster on loopback) gives the same manifest as
the local engine, timings aside, and the same output bytes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from batch_archive import CORPUS, encrypted_pdf, many_pages_pdf

from govdoc.cli import main

pytest.importorskip("distributed")


def rows(out: Path) -> list[dict[str, object]]:
    lines = (out / "manifest.jsonl").read_text("utf-8").splitlines()
    return [{k: v for k, v in json.loads(line).items() if k != "seconds"} for line in lines]


def outputs(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*.json")}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dask") / "archive"
    for sub in ("docx", "pdf", "md", "thirdparty"):
        for src in sorted((CORPUS / sub).iterdir()):
            (root / sub).mkdir(parents=True, exist_ok=True)
            (root / sub / src.name).write_bytes(src.read_bytes())
    (root / "hostile").mkdir()
    (root / "hostile" / "empty.txt").write_bytes(b"")
    (root / "hostile" / "encrypted.pdf").write_bytes(encrypted_pdf())
    (root / "hostile" / "pages.pdf").write_bytes(many_pages_pdf(2001))
    (root / "hostile" / "pdf-named.docx").write_bytes((CORPUS / "pdf" / "jn-2025-5.pdf").read_bytes())
    return root


def test_dask_engine_gives_the_same_manifest_and_outputs(archive: Path, tmp_path: Path) -> None:
    local, dask = tmp_path / "local", tmp_path / "dask"
    common = ["--jobs", "2", "--progress", "none", "--ocr", "never"]
    assert main(["batch", str(archive), "-o", str(local), *common]) == 1
    assert main(["batch", str(archive), "-o", str(dask), *common, "--engine", "dask"]) == 1
    assert rows(dask) == rows(local)
    assert outputs(dask) == outputs(local)
    codes = {str(r["path"]).rsplit("/", 1)[1]: r["code"] for r in rows(local)}
    assert codes["pages.pdf"] == "too_large" and codes["encrypted.pdf"] == "encrypted"
    assert codes["pdf-named.docx"] is None


def test_given_scheduler_timeouts_and_resume(archive: Path, tmp_path: Path) -> None:
    from distributed import LocalCluster

    make_cluster: Any = LocalCluster
    out = tmp_path / "out"
    slow = archive.parent / "slow.md"  # seconds of parsing: far over the 0.3 s timeout
    slow.write_text((archive / "md" / "jn-2025-5.md").read_text("utf-8") * 400, "utf-8")
    inputs = [str(archive / "md"), str(slow)]
    with make_cluster(n_workers=1, threads_per_worker=1, host="127.0.0.1", dashboard_address=None) as cluster:
        args = ["batch", *inputs, "-o", str(out), "--engine", "dask", "--timeout", "0.3"]
        args += ["--scheduler", cluster.scheduler_address, "--progress", "none"]
        assert main(args) == 1
        big = next(r for r in rows(out) if str(r["path"]).endswith("slow.md"))
        assert (big["status"], big["code"]) == ("failed", "timeout")
        stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
        assert len(stamps) == 5
        assert main([*args, "--resume"]) == 1
        assert {p: p.stat().st_mtime_ns for p in out.rglob("*.json")} == stamps
