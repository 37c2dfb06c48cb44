"""``govdoc tasks FILE --format csv|xlsx|json|md [-o OUT]`` and ``govdoc units FILE --format json|csv``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from govdoc.commands.common import write_output

TASK_FORMATS = ("csv", "xlsx", "json", "md")
"""Output formats of ``govdoc tasks``."""

UNIT_FORMATS = ("json", "csv")
"""Output formats of ``govdoc units``."""


def register(sub: Any) -> None:
    t: argparse.ArgumentParser = sub.add_parser("tasks", help="任务分工 tasks as a table")
    t.add_argument("file", help="PDF, DOCX, text or Markdown file")
    t.add_argument("--format", choices=TASK_FORMATS, default="csv", help="csv (BOM), xlsx, json, md")
    t.add_argument("-o", "--output", help="write here instead of stdout (required for xlsx)")
    t.set_defaults(run=run_tasks)
    u: argparse.ArgumentParser = sub.add_parser("units", help="units index (单位): tasks led and supported")
    u.add_argument("file", help="PDF, DOCX, text or Markdown file")
    u.add_argument("--format", choices=UNIT_FORMATS, default="json", help="json or csv (UTF-8 with BOM)")
    u.add_argument("-o", "--output", help="write here instead of stdout")
    u.set_defaults(run=run_units)


def run_tasks(args: argparse.Namespace) -> int:
    from govdoc.api import parse
    from govdoc.render import tables

    if args.format == "xlsx" and args.output in (None, "-"):
        print("govdoc tasks: --format xlsx needs -o FILE.xlsx", file=sys.stderr)
        return 2
    tasks = parse(args.file).tasks
    rows = tables.task_rows(tasks)
    out: str | bytes
    if args.format == "csv":
        out = tables.to_csv(rows)
    elif args.format == "xlsx":
        out = tables.to_xlsx(rows)
    elif args.format == "md":
        out = tables.to_markdown(rows)
    else:
        out = tables.tasks_json(tasks)
    write_output(out, args.output)
    return 0


def run_units(args: argparse.Namespace) -> int:
    from govdoc.api import parse
    from govdoc.render import tables

    units = parse(args.file).units()
    out = tables.to_csv(tables.unit_rows(units)) if args.format == "csv" else tables.units_json(units)
    write_output(out, args.output)
    return 0
