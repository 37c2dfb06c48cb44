"""``govdoc batch INPUT… -o OUTDIR``: convert an archive, one isolated worker per core.

Exit codes: 0 every input converted, 1 some failed (see OUTDIR/manifest.jsonl), 2 usage,
130 interrupted (Ctrl-C; run again with ``--resume``).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from govdoc.batch.config import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT, BatchConfig, Limits
from govdoc.options import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES

EPILOG = f"""defaults: --timeout {DEFAULT_TIMEOUT:g} s, --max-pages {DEFAULT_MAX_PAGES}, --max-bytes \
{DEFAULT_MAX_BYTES} (500 MB), --max-memory {DEFAULT_MAX_MEMORY_MB} MB per worker. Inputs over a limit \
fail with code too_large or timeout; a crashed worker fails its file with code crashed; the batch \
goes on. Exit: 0 all ok, 1 some failed, 2 usage, 130 interrupted."""


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "batch", help="convert many files (directories, globs) to JSON with a manifest", epilog=EPILOG
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories (recursive) or globs")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output directory")
    p.add_argument("--jobs", "-j", type=_positive_int, default=1, metavar="N", help="worker processes (1)")
    p.add_argument("--format", choices=("json", "jsonl"), default="json", help="a .json per input, or jsonl")
    p.add_argument("--resume", action="store_true", help="skip inputs already converted (same SHA-256)")
    p.add_argument("--timeout", type=_positive_float, default=DEFAULT_TIMEOUT, metavar="S", help="s per file")
    p.add_argument("--max-pages", type=_positive_int, default=DEFAULT_MAX_PAGES, metavar="N", help="per file")
    p.add_argument("--max-bytes", type=_positive_int, default=DEFAULT_MAX_BYTES, metavar="N", help="file size")
    mem = DEFAULT_MAX_MEMORY_MB
    p.add_argument("--max-memory", type=_positive_int, default=mem, metavar="MB", help="per worker (RLIMIT_AS)")
    p.add_argument("--engine", choices=("local", "dask"), default="local", help="dask: extra govdoc[dask]")
    p.add_argument("--scheduler", metavar="ADDR", help="dask scheduler (tcp://host:8786); default: local")
    p.add_argument("--ocr", choices=("auto", "always", "never"), default="auto", help="for PDFs without text")
    p.add_argument("--progress", choices=("auto", "rich", "plain", "none"), default="auto", help="reporting")
    p.set_defaults(run=run)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {text}")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be positive, not {text}")
    return value


def config_from_args(args: argparse.Namespace) -> BatchConfig:
    """The :class:`BatchConfig` the command line asks for."""
    limits = Limits(args.max_pages, args.max_bytes, args.timeout, args.max_memory)
    return BatchConfig(
        inputs=tuple(args.inputs),
        outdir=args.output,
        jobs=args.jobs,
        format=args.format,
        resume=args.resume,
        limits=limits,
        engine=args.engine,
        scheduler=args.scheduler,
        progress=args.progress,
        ocr=args.ocr,
    )


def run(args: argparse.Namespace) -> int:
    from govdoc.batch.inputs import InputError
    from govdoc.batch.local import EngineError
    from govdoc.batch.manifest import OutdirBusyError
    from govdoc.batch.runner import run_batch

    if args.scheduler and args.engine != "dask":
        print("govdoc batch: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    if os.path.exists(args.output) and not os.path.isdir(args.output):
        print(f"govdoc batch: {args.output}: exists and is not a directory", file=sys.stderr)
        return 2
    try:
        report = run_batch(config_from_args(args))
    except (InputError, OutdirBusyError) as err:
        print(f"govdoc batch: {err}", file=sys.stderr)
        return 2
    except EngineError as err:
        print(f"govdoc batch: {err}", file=sys.stderr)
        return 1
    except ImportError as err:
        print(f"govdoc batch: {err} (install the extra: pip install 'govdoc[dask]')", file=sys.stderr)
        return 2
    print(report.summary())
    print(f"manifest: {args.output}/manifest.jsonl")
    return report.exit_code
