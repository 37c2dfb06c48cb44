"""``govdoc schema [-o OUT]``: print the JSON Schema of the output."""

from __future__ import annotations

import argparse
import json
from typing import Any

from govdoc.commands.common import write_output


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser("schema", help="print the JSON Schema of govdoc's output")
    p.add_argument("-o", "--output", help="write here instead of stdout")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from govdoc.render.json import schema

    write_output(json.dumps(schema(), ensure_ascii=False, indent=2) + "\n", args.output)
    return 0
