"""``govdoc parse FILE [-o OUT] [--pretty] [--keywords N] [--no-source]``."""

from __future__ import annotations

import argparse
import json
from typing import Any

from govdoc.commands.common import write_output


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser("parse", help="parse one document to JSON")
    p.add_argument("file", help="PDF, DOCX, text or Markdown file")
    p.add_argument("-o", "--output", help="write JSON here instead of stdout")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.add_argument("--no-source", action="store_true", help="leave out provenance (page, bbox, lines)")
    p.add_argument("--keywords", type=int, metavar="N", default=0, help="add N TF-IDF keywords (jieba)")
    p.add_argument(
        "--ocr",
        choices=("auto", "always", "never"),
        default="auto",
        help="OCR pages without a text layer: auto (when govdoc[ocr] is installed), always, never",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from govdoc.api import parse
    from govdoc.options import ParseOptions
    from govdoc.render.json import strip_source

    doc = parse(args.file, ParseOptions(ocr=args.ocr))
    data: dict[str, Any] = doc.model_dump(mode="json")
    if args.no_source:
        data = strip_source(data)
    if args.keywords:
        data["keywords"] = doc.keywords(args.keywords)
    write_output(json.dumps(data, ensure_ascii=False, indent=2 if args.pretty else None), args.output)
    return 0
