"""`digest brief`: one printable PDF brief for a topic, an ISO week or a period.

Examples::

    digest brief --topic energy_transit
    digest brief --week 2022-W01 -o week1.pdf
    digest brief --from 2022-01-01 --to 2022-01-31 --topic unrest_2022 -o january.pdf

Bad input (unknown topic, malformed date or week, a period without articles, an output
folder that does not exist) prints a clear message and exits with 2; no file is written
then. A file that cannot be written (permissions, full disk) exits with 3.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.briefs import (
    BriefError,
    BriefScope,
    brief_filename,
    font_problem,
    render_brief,
    write_brief,
)
from generator.settings import load_settings


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "brief",
        help="render a printable PDF brief for a topic, a week or a period",
        description="Render one PDF brief (A4, WeasyPrint) for a topic, an ISO week or a "
        "period, optionally narrowed to one topic.",
    )
    p.add_argument("--topic", metavar="ID", help="topic id from the taxonomy, e.g. energy_transit")
    p.add_argument("--week", metavar="YYYY-Www", help="ISO week, e.g. 2022-W01")
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day of the period")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day of the period")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="PDF file to write (default: ./<scope>.pdf, e.g. ./topic-energy_transit.pdf)",
    )
    p.add_argument(
        "--corpus", type=Path, metavar="DIR", help="corpus folder (default: from the config)"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        scope = BriefScope.from_text(args.topic, args.week, args.start, args.end)
    except BriefError as exc:
        print(f"digest brief: error: {exc}", file=sys.stderr)
        return 2
    target = args.output or Path(brief_filename(scope))
    if target.is_dir():
        target = target / brief_filename(scope)
    if not target.parent.is_dir():  # never a silent mkdir of a mistyped path
        print(f"digest brief: error: {target.parent}: no such folder", file=sys.stderr)
        return 2
    settings = load_settings(args.config)
    problem = font_problem()
    if problem:  # the PDF would silently use a fallback font
        print(f"digest brief: warning: {problem}", file=sys.stderr)
    from generator.pipeline import BuildReport, prepare_digest

    report = BuildReport()
    digest = prepare_digest(settings, args.corpus, report)
    for problem in report.errors:  # skipped articles: say so, the brief is still made
        print(f"digest brief: {problem}", file=sys.stderr)
    try:
        pdf = render_brief(digest, settings, scope)
    except BriefError as exc:
        print(f"digest brief: error: {exc}", file=sys.stderr)
        return 2
    write_brief(pdf, target)  # OSError: exit 3 with the path (generator.cli)
    print(f"{target}: {len(pdf)} bytes")
    return 0
