"""`digest eval LABELS.yaml`: score topics, language and date against a labelled set."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.evaluate import evaluate, format_report
from generator.settings import load_settings


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval",
        help="evaluate topics, language and date against a labelled set",
        description=(
            "Analyse every article listed in LABELS.yaml (paths relative to it; curated .md "
            "or raw files, ingested in memory) and print per-topic precision/recall/F1, "
            "macro-F1, language accuracy and date accuracy, then the disagreements."
        ),
    )
    p.add_argument("labels", metavar="LABELS.yaml", help="labels file (see tests/data/devset)")
    p.add_argument("--brief", action="store_true", help="print the table only")
    p.add_argument(
        "--min-macro-f1",
        type=float,
        default=None,
        metavar="X",
        help="exit with status 1 when macro-F1 is below X (for CI)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    labels = Path(args.labels)
    if not labels.is_file():
        print(f"digest eval: {labels}: no such labels file", file=sys.stderr)
        return 2
    settings = load_settings(args.config)
    report = evaluate(labels, settings)
    sys.stdout.write(format_report(report, details=not args.brief))
    from generator.evaluate_stories import story_report  # story B-cubed, when labelled

    sys.stdout.write(story_report(labels, settings, details=not args.brief))
    if args.min_macro_f1 is not None and report.macro_f1 < args.min_macro_f1:
        print(
            f"digest eval: macro-F1 {report.macro_f1:.3f} is below {args.min_macro_f1:.3f}",
            file=sys.stderr,
        )
        return 1
    return 0
