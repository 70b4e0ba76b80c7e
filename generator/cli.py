"""Thin command-line interface: parse arguments, call the library, return an exit code.

Each command lives in ``generator/commands/<name>.py`` with ``add_parser(subparsers)``
and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from generator import __version__
from generator.dask_engine import DaskUnavailable
from generator.settings import ConfigError

COMMANDS = ("ingest", "check", "analyze", "eval", "build", "brief")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digest",
        description="Turn news articles into a browsable digest site, PDF briefs and JSON.",
    )
    parser.add_argument("--version", action="version", version=f"digest {__version__}")
    parser.add_argument(
        "--config", metavar="FILE", help="digest config (default: ./digest.yml if present)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"generator.commands.{name}")
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        return int(args.run(args))
    except ConfigError as exc:
        print(f"digest: config error: {exc}", file=sys.stderr)
        return 2
    except DaskUnavailable as exc:  # an environment problem, not the data's
        print(f"digest: {exc}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("digest: interrupted", file=sys.stderr)
        return 130
