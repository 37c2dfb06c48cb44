"""Expand INPUT arguments (files, directories searched recursively, globs) into the list of files,
each with the output name it gets under OUTDIR.

The format is never taken from the extension: every file found is an input and the worker sniffs its
content (:func:`govdoc.readers.sniff`). Directories are walked in sorted order, the output directory
itself is skipped, and a file reached twice (a directory and a glob) is listed once.
"""

from __future__ import annotations

import glob
import os
import re
from dataclasses import dataclass
from pathlib import Path

GLOB_MAGIC = re.compile(r"[*?\[]")
"""A glob pattern rather than a path: ``archive/**/*.pdf``, ``scan?.docx``, ``[ab]*.txt``."""


class InputError(ValueError):
    """An INPUT argument that names nothing (a usage error, exit code 2)."""


@dataclass(frozen=True)
class InputFile:
    """One input: ``path`` as the user will see it in the manifest, ``rel`` its name under OUTDIR."""

    path: str
    rel: str


def expand_inputs(args: list[str] | tuple[str, ...], outdir: str) -> list[InputFile]:
    """All input files in argument order, each once, with unique output names."""
    skip = Path(outdir).resolve()
    seen: set[Path] = set()
    found: list[InputFile] = []
    for arg in args:
        for item in _expand_one(arg, skip):
            real = Path(item.path).resolve()
            if real not in seen:
                seen.add(real)
                found.append(item)
    return _unique_rels(found)


def _expand_one(arg: str, skip: Path) -> list[InputFile]:
    if os.path.isdir(arg):
        return _walk(arg, skip)
    if os.path.isfile(arg):
        return [InputFile(arg, os.path.basename(arg))]
    if GLOB_MAGIC.search(arg):
        matches = sorted(glob.glob(arg, recursive=True))
        files: list[InputFile] = []
        for match in matches:
            files.extend(_expand_one(match, skip))
        if files:
            return files
        raise InputError(f"{arg}: the pattern matches no file")
    raise InputError(f"{arg}: no such file or directory")


def _walk(top: str, skip: Path) -> list[InputFile]:
    files: list[InputFile] = []
    for root, dirs, names in os.walk(top):
        dirs[:] = sorted(d for d in dirs if Path(root, d).resolve() != skip)
        for name in sorted(names):
            path = os.path.join(root, name)
            if os.path.isfile(path):
                files.append(InputFile(path, os.path.relpath(path, top)))
    return files


def _unique_rels(files: list[InputFile]) -> list[InputFile]:
    """Give colliding output names a ``~N`` suffix (deterministic: first come keeps the name)."""
    used: set[str] = set()
    out: list[InputFile] = []
    for item in files:
        rel, n = item.rel, 1
        while rel in used:
            n += 1
            rel = f"{item.rel}~{n}"
        used.add(rel)
        out.append(InputFile(item.path, rel))
    return out


def output_name(rel: str, fmt: str) -> str:
    """Where the JSON of input ``rel`` goes under OUTDIR: ``a/b.pdf`` → ``a/b.pdf.json``
    (``parts/a/b.pdf.json`` for jsonl, whose parts are joined into ``documents.jsonl`` at the end)."""
    name = rel.replace(os.sep, "/") + ".json"
    return f"parts/{name}" if fmt == "jsonl" else name
