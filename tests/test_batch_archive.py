"""Must-show 1 of issue 6: a batch over the shared corpus plus generated hostile files lists every
input exactly once; hostile inputs fail with a code within the limits; a PDF named .docx converts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_archive import CORPUS, copy_corpus, hostile_files

from govdoc.cli import main

EXPECTED_FAILURES = {
    "empty.txt": "corrupt",
    "random.bin": "unsupported_format",
    "truncated.pdf": "corrupt",
    "encrypted.pdf": "encrypted",
    "bomb.docx": "too_large",
    "bomb.pdf": "too_large",
    "pages-20000.pdf": "too_large",
}
"""Hostile input → the code its row must carry."""
KNOWN_CODES = {"unsupported_format", "corrupt", "encrypted", "no_text_layer", "too_large"}
"""Codes a corpus file may legitimately fail with (e.g. OFD or legacy .doc without a reader)."""
TIMEOUT = 60.0


def load_rows(outdir: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (outdir / "manifest.jsonl").read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def archive_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    root = tmp_path_factory.mktemp("archive")
    archive = root / "archive"
    copy_corpus(archive / "corpus")
    hostile_files(archive / "hostile")
    outdir = root / "out"
    args = ["batch", str(archive), "-o", str(outdir), "--jobs", "2", "--timeout", str(TIMEOUT)]
    args += ["--progress", "none", "--ocr", "never"]  # OCR of the outlined PDF takes a minute
    return archive, outdir, main(args)


def test_every_input_listed_exactly_once(archive_run: tuple[Path, Path, int]) -> None:
    archive, outdir, _ = archive_run
    rows = load_rows(outdir)
    inputs = sorted(str(p) for p in archive.rglob("*") if p.is_file())
    assert sorted(str(r["path"]) for r in rows) == inputs
    assert len({r["path"] for r in rows}) == len(rows)
    corpus_count = sum(1 for p in CORPUS.rglob("*") if p.is_file())
    assert len(rows) == corpus_count + 9


def test_exit_code_is_one_when_some_fail(archive_run: tuple[Path, Path, int]) -> None:
    assert archive_run[2] == 1


@pytest.mark.parametrize("name", sorted(EXPECTED_FAILURES))
def test_hostile_input_fails_with_its_code(archive_run: tuple[Path, Path, int], name: str) -> None:
    _, outdir, _ = archive_run
    row = next(r for r in load_rows(outdir) if str(r["path"]).endswith(f"hostile/{name}"))
    assert (row["status"], row["code"]) == ("failed", EXPECTED_FAILURES[name]), row["message"]
    assert row["output"] is None and row["message"]
    assert isinstance(row["seconds"], float) and row["seconds"] < TIMEOUT


def test_pdf_named_docx_converts_as_pdf(archive_run: tuple[Path, Path, int]) -> None:
    _, outdir, _ = archive_run
    row = next(r for r in load_rows(outdir) if str(r["path"]).endswith("hostile/pdf-named.docx"))
    assert row["status"] == "ok", row["message"]
    doc = json.loads((outdir / str(row["output"])).read_text("utf-8"))
    assert doc["source"]["format"] == "pdf"
    assert row["pages"] == doc["source"]["pages"] == 2


def test_non_notice_text_converts_without_a_doc_type(archive_run: tuple[Path, Path, int]) -> None:
    _, outdir, _ = archive_run
    row = next(r for r in load_rows(outdir) if str(r["path"]).endswith("hostile/not-a-notice.txt"))
    assert row["status"] == "ok", row["message"]
    doc = json.loads((outdir / str(row["output"])).read_text("utf-8"))
    assert doc["doc_type"] is None and doc["doc_number"] is None


def test_corpus_files_never_crash(archive_run: tuple[Path, Path, int]) -> None:
    _, outdir, _ = archive_run
    for row in load_rows(outdir):
        if "/corpus/" not in str(row["path"]):
            continue
        if row["status"] == "ok":
            assert (outdir / str(row["output"])).is_file()
        else:
            assert row["code"] in KNOWN_CODES, row


def test_no_temporary_files_left(archive_run: tuple[Path, Path, int]) -> None:
    _, outdir, _ = archive_run
    assert not [p for p in outdir.rglob("*") if ".govdoc-tmp" in p.name]
