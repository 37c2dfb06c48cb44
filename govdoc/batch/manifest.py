"""OUTDIR/manifest.jsonl: one JSON row per input, atomic writes, and what ``--resume`` may skip.

Row: ``{path, sha256, status: ok|failed, code, message, output, pages, seconds}`` (``output`` is
relative to OUTDIR). While a batch runs, rows are appended as files finish (so a killed run keeps its
progress); at the end the file is rewritten atomically with exactly one row per input, in input order.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

MANIFEST_NAME = "manifest.jsonl"
"""File name of the manifest inside OUTDIR."""
LOCK_NAME = ".govdoc-batch.lock"
"""Lock file in OUTDIR: one batch at a time writes there (released by the kernel if the batch dies)."""
TEMP_MARK = ".govdoc-tmp"
"""Every temporary file the batch writes has this in its name (swept at the start of each run)."""


@dataclass(slots=True)
class Row:
    """One manifest row."""

    path: str
    sha256: str | None
    status: str
    code: str | None
    message: str | None
    output: str | None
    pages: int | None
    seconds: float

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Row:
        return cls(
            path=str(data["path"]),
            sha256=_opt_str(data.get("sha256")),
            status=str(data.get("status")),
            code=_opt_str(data.get("code")),
            message=_opt_str(data.get("message")),
            output=_opt_str(data.get("output")),
            pages=data["pages"] if isinstance(data.get("pages"), int) else None,
            seconds=float(data.get("seconds") or 0.0),
        )


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


@contextlib.contextmanager
def atomic_file(target: Path) -> Iterator[IO[bytes]]:
    """A file handle whose content appears at ``target`` only when the block ends without error
    (temporary name next to it, fsync, ``os.replace``); on error the temporary file is removed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_MARK, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically (see :func:`atomic_file`)."""
    with atomic_file(target) as fh:
        fh.write(data)


class OutdirBusyError(RuntimeError):
    """Another batch is writing to the same output directory."""


@contextlib.contextmanager
def outdir_lock(outdir: Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on OUTDIR's lock file for the duration of a batch."""
    import fcntl

    with open(outdir / LOCK_NAME, "a+b") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutdirBusyError(f"{outdir}: another govdoc batch is writing there") from None
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def sweep_temp_files(outdir: Path) -> int:
    """Delete temporary files left by a killed run; how many were removed."""
    removed = 0
    if not outdir.is_dir():
        return 0
    for root, _dirs, files in os.walk(outdir):
        for name in files:
            if name.endswith(TEMP_MARK):
                Path(root, name).unlink(missing_ok=True)
                removed += 1
    return removed


def read_rows(path: Path) -> list[Row]:
    """Rows of an existing manifest; lines that do not parse (a row cut by a kill) are skipped."""
    if not path.is_file():
        return []
    rows: list[Row] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            data = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(data, dict) and "path" in data:
            rows.append(Row.from_dict(data))
    return rows


def reusable_rows(outdir: Path) -> dict[str, Row]:
    """For ``--resume``: the last ok row per output whose output file still exists."""
    found: dict[str, Row] = {}
    for row in read_rows(outdir / MANIFEST_NAME):
        if row.output is None:
            continue
        if row.status == "ok" and row.sha256 and (outdir / row.output).is_file():
            found[row.output] = row
        else:
            found.pop(row.output, None)
    return found


class ManifestWriter:
    """Appends rows as they finish; :meth:`finish` rewrites the file atomically in input order."""

    def __init__(self, outdir: Path, keep: list[Row]) -> None:
        self.path = outdir / MANIFEST_NAME
        atomic_write(self.path, "".join(r.to_json() + "\n" for r in keep).encode("utf-8"))
        self._fh: IO[str] | None = open(self.path, "a", encoding="utf-8")  # noqa: SIM115

    def append(self, row: Row) -> None:
        """Record a finished input (flushed to the OS at once)."""
        if self._fh is not None:
            self._fh.write(row.to_json() + "\n")
            self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def finish(self, rows: list[Row]) -> None:
        """Replace the running log by the final manifest: ``rows``, one per input, in input order."""
        self.close()
        with atomic_file(self.path) as fh:
            for row in rows:
                fh.write((row.to_json() + "\n").encode("utf-8"))
