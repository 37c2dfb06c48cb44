"""CLI subcommands, one module each (see :mod:`govdoc.cli`)."""
