"""The ``argmap`` command line: parses options, calls the layers, prints.

Each command is a module with ``register(subparsers)``; adding a command is adding a module
and naming it in ``COMMANDS``. Exit codes: 0 success, 1 errors found or the command failed,
2 usage error.
"""

from __future__ import annotations

import argparse
import gc
import sys
from typing import Callable, Sequence

from .. import __version__
from ..config import ConfigError
from . import diagram, diff, explain, export, fmt, imports, new, query, rdf, rename, stats, validate
from .common import EXIT_FAIL, EXIT_OK, EXIT_USAGE, CommandFailed, UsageError

COMMANDS = (validate, new, fmt, rename, diff, stats, explain, rdf, export, imports, query, diagram)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Validate, analyse and publish an annotated argument map kept as YAML files under claims/.",
        epilog="Run 'argmap COMMAND --help' for a command's options. Exit codes: 0 ok, 1 errors found, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Loading builds millions of small objects and almost no reference cycles: with Python's
    # default thresholds the cycle collector rescans the whole growing heap again and again
    # (a third of validate's time at 10,000 claims, more at 100,000). Collect far less often.
    gc.set_threshold(100_000, 50, 1000)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except UsageError as exc:
        print(f"argmap {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (CommandFailed, ConfigError) as exc:
        print(f"argmap {args.command}: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
