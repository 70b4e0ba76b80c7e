"""`digest build`: corpus -> analysis (cached) -> docs/ -> mkdocs site/ (+ briefs, JSON)."""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path

from generator.settings import load_settings, validate_settings

WEEK_RE = re.compile(r"^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build",
        help="build the digest site from the corpus",
        description="Analyse the corpus (cached), render docs/ from templates, run mkdocs.",
    )
    p.add_argument("--corpus", type=Path, help="folder of curated articles (default: config)")
    p.add_argument(
        "--out", type=Path, help="write DIR/docs and DIR/site instead of the project's own"
    )
    p.add_argument("--strict", action="store_true", help="warnings fail the build")
    p.add_argument("--offline", action="store_true", help="site usable from file:// (no server)")
    p.add_argument("--week", help="ISO week (e.g. 2022-W01) to publish as the front page")
    p.add_argument("--no-site", action="store_true", help="render docs/ only, skip mkdocs")
    p.add_argument("--no-briefs", action="store_true", help="skip the PDF briefs")
    p.add_argument("--no-cache", action="store_true", help="analyse everything again")
    p.add_argument(
        "--no-wait",
        action="store_true",
        help="when another build holds the output folders, exit 3 at once instead of waiting",
    )
    p.add_argument(
        "--dask",
        metavar="tcp://HOST:PORT",
        help="analyse on this Dask scheduler's cluster (needs the 'cluster' extra)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.pipeline import build

    if args.week and not WEEK_RE.match(args.week):
        print(
            f"digest build: --week {args.week!r} is not an ISO week like 2022-W01", file=sys.stderr
        )
        return 2
    if args.corpus and not args.corpus.is_dir():
        print(f"digest build: {args.corpus}: no such folder", file=sys.stderr)
        return 2
    settings = load_settings(args.config)
    if args.dask:
        settings = settings.replace(analysis=replace(settings.analysis, dask=args.dask))
        validate_settings(settings, "--dask")
    if args.strict:  # a strict build refuses everything `digest check --strict` refuses
        from generator.commands.check import run_checks

        problems = run_checks(settings, args.corpus or settings.path(settings.corpus))
        for problem in problems:
            print(str(problem), file=sys.stderr)
        if problems:
            print(
                f"digest build: --strict: {len(problems)} problem(s), as `digest check "
                "--strict` reports them; nothing was built",
                file=sys.stderr,
            )
            return 1
    try:
        report = build(
            settings,
            corpus=args.corpus,
            out=args.out,
            strict=args.strict,
            offline=args.offline,
            week=args.week,
            site=not args.no_site,
            briefs=False if args.no_briefs else None,
            use_cache=not args.no_cache,
            wait=not args.no_wait,
        )
    except ValueError as exc:  # e.g. a --week with no articles
        print(f"digest build: {exc}", file=sys.stderr)
        return 2
    if args.strict:
        for p in report.warnings:
            print(str(p), file=sys.stderr)
    print(f"digest build: {report.summary_line()}", file=sys.stderr)
    if report.errors or (args.strict and report.warnings):
        return 1
    return 0
