"""``govdoc docx IN -o OUT.docx [--profile NAME]``: regenerate a GB/T 9704 DOCX.

``IN`` is a JSON file written by ``govdoc parse`` (the JSON contract) or any input govdoc parses.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from govdoc.errors import CorruptFileError


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser("docx", help="regenerate a GB/T 9704-2012 DOCX")
    p.add_argument("file", help="a .json from `govdoc parse`, or a PDF/DOCX/text/Markdown file")
    p.add_argument("-o", "--output", required=True, help="the DOCX to write")
    p.add_argument("--profile", default="gbt9704-2012", help="layout profile (default: gbt9704-2012)")
    p.set_defaults(run=run)


def load_document(path: str) -> Any:
    """A :class:`~govdoc.model.Document` from a govdoc JSON file, or by parsing any other input."""
    from pydantic import ValidationError

    from govdoc.api import parse
    from govdoc.model import Document

    source = Path(path)
    if source.suffix.lower() == ".json":
        try:
            data = json.loads(source.read_bytes())
        except FileNotFoundError:
            raise CorruptFileError("no such file", source) from None
        except (OSError, ValueError) as exc:
            raise CorruptFileError(f"not readable JSON: {exc}", source) from None
        if isinstance(data, dict) and "schema_version" in data:
            data.pop("keywords", None)
            data.setdefault("source", {"path": str(source), "format": "json", "sha256": ""})
            try:
                return Document.model_validate(data)
            except ValidationError as exc:
                raise CorruptFileError(f"not a govdoc document: {exc.error_count()} errors", source) from None
    return parse(source)


def run(args: argparse.Namespace) -> int:
    from govdoc.render.docx import render_docx

    render_docx(load_document(args.file), args.output, profile=args.profile)
    return 0
