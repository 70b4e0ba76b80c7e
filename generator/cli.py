"""Thin command-line interface: parse arguments, call the library, return an exit code.

Each command lives in ``generator/commands/<name>.py`` with ``add_parser(subparsers)``
and ``run(args) -> int``.

Exit codes, by kind of problem (one line on stderr each, no traceback):

* 0 success; 1 a problem in the data (or a warning under ``--strict``);
* 2 a usage or configuration error;
* 3 the environment: a full disk, a permission or read-only folder, another build holding
  the output folder's lock; the line names the path;
* 141 stdout was closed early (``digest analyze ... | head -1``), like any tool killed by
  SIGPIPE; nothing is printed.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys

from generator import __version__
from generator.dask_engine import DaskUnavailable
from generator.locks import LockBusy
from generator.settings import ConfigError

EXIT_DATA, EXIT_USAGE, EXIT_ENVIRONMENT, EXIT_PIPE = 1, 2, 3, 141

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


def describe_os_error(exc: OSError) -> str:
    """One line: the path(s) and the reason, e.g. ``site/x.html: No space left on device``."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    if exc.filename is not None and exc.filename2 is not None:
        return f"{exc.filename} -> {exc.filename2}: {reason}"
    if exc.filename is not None:
        return f"{exc.filename}: {reason}"
    return reason


def _quiet_stdout() -> None:
    """After EPIPE: point stdout at /dev/null so the interpreter's final flush is silent."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def main(argv: list[str] | None = None) -> int:
    from generator.publish import PublishError

    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    name = f"digest {args.command}"
    try:
        code = int(args.run(args))
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_PIPE
    except ConfigError as exc:
        print(f"digest: config error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except LockBusy as exc:
        print(f"{name}: error: {exc}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    except DaskUnavailable as exc:  # an environment problem, not the data's
        print(f"{name}: error: {exc}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    except OSError as exc:  # full disk, permissions, read-only folders: the environment
        print(f"{name}: error: {describe_os_error(exc)}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    except PublishError as exc:
        print(f"{name}: error: {exc}", file=sys.stderr)
        return EXIT_DATA
    except KeyboardInterrupt:
        print("digest: interrupted", file=sys.stderr)
        return 130
