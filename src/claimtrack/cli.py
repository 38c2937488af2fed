"""The ``claimtrack`` command line.

Only this module touches argv, the standard streams and exit codes. Exit codes:
0 when nothing is at or above the failing severity, 1 when something is, 2 for
usage errors and files that cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from . import __version__ as _version
from .errors import LoadError
from .serialize import load

__all__ = ["main", "parse_args", "run"]


def __dir__() -> list[str]:
    return list(__all__)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimtrack",
        description="Check and explore claim graphs: who said what, through whom.",
        epilog="example: claimtrack check seeds/enab-baladi-2025-01-24.json",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="load claim files and report problems",
        epilog="example: claimtrack check seeds/enab-baladi-2025-01-24.json",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="claim files")
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse command-line arguments (``sys.argv[1:]`` when *argv* is None)."""
    return _parser().parse_args(argv)


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Carry out the parsed command, writing to the given streams.

    Returns:
        The exit code.
    """
    failed = False
    for path in args.paths:
        try:
            graph = load(path)
        except LoadError as error:
            stderr.write(f"{error}\n")
            failed = True
        except OSError as error:
            stderr.write(f"{path}: cannot read: {error.strerror or error}\n")
            failed = True
        else:
            stdout.write(f"{path}: loaded {len(graph)} records\n")
    return 2 if failed else 0


def main() -> None:
    """Run the command line with the process's arguments and streams."""
    sys.exit(run(parse_args(), sys.stdout, sys.stderr))
