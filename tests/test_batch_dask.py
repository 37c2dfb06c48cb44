"""Must-show 4 of issue 6: ``--engine dask`` (a LocalCluster on loopback) gives the same manifest as
the local engine, timings aside, and the same output bytes."""

from __future__ import annotations

import json
from pathlib import Path

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
    common = ["--jobs", "2", "--progress", "none"]
    assert main(["batch", str(archive), "-o", str(local), *common]) == 1
    assert main(["batch", str(archive), "-o", str(dask), *common, "--engine", "dask"]) == 1
    assert rows(dask) == rows(local)
    assert outputs(dask) == outputs(local)
    codes = {str(r["path"]).rsplit("/", 1)[1]: r["code"] for r in rows(local)}
    assert codes["pages.pdf"] == "too_large" and codes["encrypted.pdf"] == "encrypted"
    assert codes["pdf-named.docx"] is None


def test_dask_engine_resume_skips_converted_inputs(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["batch", str(archive / "md"), "-o", str(out), "--engine", "dask", "--progress", "none"]
    assert main(args) == 0
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
    assert main([*args, "--resume"]) == 0
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.json")} == stamps
