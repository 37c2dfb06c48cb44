"""Command line: ``govdoc SUBCOMMAND …``. Each subcommand lives in ``govdoc/commands/<name>.py``
and exposes ``register(subparsers)``; the chosen one's ``run(args) -> int`` is called.

Exit codes: 0 ok, 1 the input could not be processed (a typed error, printed as one line), 2 usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from govdoc.errors import GovdocError

COMMAND_MODULES = (
    "govdoc.commands.parse",
    "govdoc.commands.schema",
    "govdoc.commands.tasks",
    "govdoc.commands.batch",
    "govdoc.commands.docx",
)
"""Subcommand modules, in the order ``--help`` lists them."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govdoc", description="Chinese official documents (公文) → structured data")
    parser.add_argument("--version", action="version", version=f"govdoc {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _version() -> str:
    from govdoc import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        code: int = args.run(args)
        return code
    except GovdocError as err:
        print(f"govdoc: {err.one_line()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("govdoc: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
