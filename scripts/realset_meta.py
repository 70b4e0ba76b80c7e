"""Titles, dates and originals of every tuning page of the real set, to check a new rule.

    PYTHONPATH=$PWD python scripts/realset_meta.py [--no-url] OUT.tsv [SPLIT ...]
    PYTHONPATH=$PWD python scripts/realset_meta.py --diff BEFORE.tsv AFTER.tsv

Every labelled page of the tuning splits of ``tests/data/realset`` (``dev``, ``dev2`` … the
highest ``devNN``; never ``blind`` nor ``blind3``) is ingested as ``digest eval`` ingests it
(with its label's URL) and one row per page is written: split, file, title right (1/0/-),
title, labelled title, made from the lead (1/0), date right, date wrong, labelled date, date,
date stated in the text, error, original outlet right (1/0/- when neither names one), the
original found, the labelled one. The totals are printed. ``--diff`` lists the pages whose
title, date or original changed between two runs: run it on the code before and after a rule
(a worktree of the commit before, ``PYTHONPATH`` pointing at it) to see what the rule gains
and loses on all tuning pages, which ``digest eval`` shows only as totals per split.
``--no-url`` ingests every page from its text alone (what ``digest eval`` reports as "from
the text alone"), so that a rule is checked where no address helps. The
settings are the repository's (``digest.yml`` beside ``scripts/``), wherever it is run from.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from generator.evaluate import ArticleLoader, _norm, lead_title, load_labels, outlet_matches
from generator.models import LEAD_TITLE
from generator.settings import CONFIG_FILE, load_settings

ROOT = Path(__file__).resolve().parent.parent
REALSET = ROOT / "tests" / "data" / "realset"
FIELDS = 15


def tuning_splits(root: Path = REALSET) -> list[str]:
    """``dev`` and ``devNN`` in numeric order (never a blind split)."""
    found = [p.name for p in root.iterdir() if p.is_dir() and re.fullmatch(r"dev\d*", p.name)]
    return sorted(found, key=lambda name: int(name[3:] or 1))


def _cell(value: object) -> str:
    return " ".join(str(value).split())[:150] if value is not None else "None"


def rows(splits: list[str], root: Path = REALSET, with_url: bool = True) -> list[list[str]]:
    config = ROOT / CONFIG_FILE  # (not the working folder's: run from elsewhere, the
    load = ArticleLoader(load_settings(config if config.is_file() else None, root=ROOT))
    # defaults would lose the language packs and every figure with them)
    out = []
    for split in splits:
        for labels in sorted((root / split).glob("labels*.yaml")):
            for lab in load_labels(labels):
                error = ""
                try:
                    art = load(lab.path, lab.url if with_url else None)
                    title, date, body = art.title, art.date, art.body
                    inferred, original = LEAD_TITLE in art.inferred, art.original
                except Exception as exc:
                    title, date, body, inferred, error = "", None, "", False, str(exc)[:80]
                    original = None
                if not lab.score_title:
                    title_ok = "-"
                elif lab.title:
                    title_ok = str(int(_norm(title) == _norm(lab.title)))
                else:
                    title_ok = str(int(inferred and lead_title(title, body)))
                date_ok = str(int(date == lab.date)) if lab.score_date else "-"
                wrong = str(int(date is not None and date != lab.date)) if lab.score_date else "-"
                out.append(
                    [
                        split,
                        lab.path.name,
                        title_ok,
                        _cell(title),
                        _cell(lab.title or "NONE"),
                        str(int(inferred)),
                        date_ok,
                        wrong,
                        _cell(lab.date),
                        _cell(date),
                        str(int(lab.date_in_text)),
                        _cell(error),
                        _original_ok(original, lab.original, load),
                        _cell(original),
                        _cell(lab.original),
                    ]
                )
    return out


def _original_ok(got: str | None, want: str | None, load: ArticleLoader) -> str:
    """1/0 as ``digest eval`` matches outlets (aliases of one registry outlet match); "-"
    when neither the page nor its label names an original."""
    if got is None and want is None:
        return "-"
    return str(int(outlet_matches(got, want, None, load.aliases)))


def totals(table: list[list[str]]) -> str:
    titles = sum(r[2] == "1" for r in table)
    scored = sum(r[2] != "-" for r in table)
    stated = [r for r in table if r[10] == "1" and r[8] != "None"]
    return (
        f"pages {len(table)} titles {titles}/{scored} dates {sum(r[6] == '1' for r in table)}"
        f" wrong {sum(r[7] == '1' for r in table)}"
        f" stated {sum(r[6] == '1' for r in stated)}/{len(stated)}"
        f" originals {sum(r[12] == '1' for r in table)}/{sum(r[12] != '-' for r in table)}"
    )


def read(path: Path) -> dict[tuple[str, str], list[str]]:
    table = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {(r[0], r[1]): r + [""] * (FIELDS - len(r)) for r in table}


def diff(before: Path, after: Path) -> list[str]:
    a, b = read(before), read(after)
    lines = []
    for key in a.keys() & b.keys():
        x, y = a[key], b[key]
        page = "/".join(key)
        if (x[2], x[3]) != (y[2], y[3]):
            lines.append(f"TITLE {page} {x[2]} -> {y[2]} | {x[3]} => {y[3]} | want {y[4]}")
        if (x[6], x[9]) != (y[6], y[9]):
            lines.append(f"DATE  {page} {x[6]} -> {y[6]} | {x[9]} => {y[9]} | want {y[8]}")
        if x[13] != y[13] and x[12] and y[12]:  # (not against a table without originals)
            lines.append(f"ORIG  {page} {x[12]} -> {y[12]} | {x[13]} => {y[13]} | want {y[14]}")
    return sorted(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", help="OUT.tsv [SPLIT ...], or with --diff two tables")
    ap.add_argument("--diff", action="store_true", help="compare two tables")
    ap.add_argument("--no-url", action="store_true", help="ingest each page from its text alone")
    args = ap.parse_args(argv)
    if args.diff:
        if len(args.paths) != 2:
            ap.error("--diff takes BEFORE.tsv AFTER.tsv")
        for line in diff(Path(args.paths[0]), Path(args.paths[1])):
            print(line)
        return 0
    out, *splits = args.paths
    if any(name.startswith("blind") for name in splits):
        ap.error("blind splits are never tuned on")
    table = rows(splits or tuning_splits(), with_url=not args.no_url)
    Path(out).write_text("".join("\t".join(r) + "\n" for r in table), encoding="utf-8")
    print(totals(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
