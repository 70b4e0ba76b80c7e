"""`digest eval LABELS.yaml | FOLDER`: score topics, titles, dates, outlets and language."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.evaluate import evaluate, evaluate_folder, format_report, format_splits
from generator.settings import load_settings


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval",
        help="evaluate topics, titles, dates, outlets and language against labelled sets",
        description=(
            "Analyse every article listed in LABELS.yaml (paths relative to it; curated .md "
            "or raw files, ingested in memory with the label's URL) and print per-topic "
            "precision/recall/F1, macro-F1, language accuracy, dates, titles and outlets, "
            "then the disagreements. Given a FOLDER (a real-article set such as "
            "tests/data/realset), each split in it (dev/, blind/: a labels.yaml each) is "
            "reported apart."
        ),
    )
    p.add_argument(
        "labels",
        metavar="LABELS.yaml|FOLDER",
        help="labels file (see tests/data/devset) or a folder with dev/ and blind/ splits",
    )
    p.add_argument("--brief", action="store_true", help="print the figures only")
    p.add_argument(
        "--split",
        action="append",
        default=None,
        metavar="NAME",
        help="with a FOLDER: only this split (repeatable), e.g. --split dev",
    )
    p.add_argument(
        "--min-macro-f1",
        type=float,
        default=None,
        metavar="X",
        help="exit with status 1 when macro-F1 (of any split) is below X (for CI)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    target = Path(args.labels)
    if not target.exists():
        print(f"digest eval: {target}: no such labels file or folder", file=sys.stderr)
        return 2
    settings = load_settings(args.config)
    if target.is_dir():
        reports = evaluate_folder(target, settings, splits=args.split)
        sys.stdout.write(format_splits(reports, details=not args.brief))
    else:
        reports = [(target.name, evaluate(target, settings))]
        sys.stdout.write(format_report(reports[0][1], details=not args.brief))
    status = 0
    for name, report in reports:
        if args.min_macro_f1 is not None and report.macro_f1 < args.min_macro_f1:
            print(
                f"digest eval: {name}: macro-F1 {report.macro_f1:.3f} is below "
                f"{args.min_macro_f1:.3f}",
                file=sys.stderr,
            )
            status = 1
    return status
