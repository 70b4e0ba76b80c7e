"""`digest check` (not yet implemented)."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check (not yet implemented)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    print("digest check: not yet implemented")
    return 1
