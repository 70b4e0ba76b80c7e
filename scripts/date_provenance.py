"""Which branch of the date extractor gave each date, and how often it is right (issue 10).

Every labelled page of the tuning splits of ``tests/data/realset`` (``dev`` ... ``dev8``; never
``blind`` nor ``blind3``) is ingested as ``digest eval`` ingests it (``ArticleLoader``: raw
files through ingest with the label's URL, curated ``.md`` files loaded as they are) and
once more without its URL (eval's "text alone"); the pages of ``tests/data/urldates`` are
ingested without their URL, as ``scripts/date_audit.py`` does. Each date is traced to the
branch of ``metadata.date_with_provenance`` that gave it (``given``: a curated file's or an
input's own date), and per branch the script counts:

- right: the label's date;
- wrong: another date than the label's (label with a date);
- null: a date where the label has none (eval counts it wrong too);
- unscored: a date on a page whose label does not score dates.

The ``(none)`` row counts pages without a date: ``miss`` where the label says the text
states the full date (``date_in_text``), ``ok`` where the label has none. For the urldates
pages the URL's date is the answer: ``wrong`` only for disagreements judged ``tool_wrong``
in ``verdicts.jsonl`` (``url_not_publication`` ones are counted apart, unreviewed ones
flagged), ``miss`` when the text writes the URL's full date and none was found.

Usage::

    PYTHONPATH=$PWD python scripts/date_provenance.py [--split dev --split dev2 ...]
        [--no-urldates] [--list BRANCH] [--wrong]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REALSET = ROOT / "tests" / "data" / "realset"
FORBIDDEN = frozenset({"blind", "blind3"})  # the blind splits: never read
DEFAULT_SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8")
NONE = "(none)"


@dataclass(frozen=True)
class Traced:
    """One page's date, the branch that gave it, and what it should have been."""

    split: str
    name: str
    outlet: str
    branch: str  # a ``DATE_BRANCHES`` name, "given", or NONE
    found: dt.date | None
    want: dt.date | None
    scored: bool  # the label scores dates
    stated: bool  # the label says the text states the date (or, urldates: a line shows it)
    verdict: str | None = None  # urldates: the reviewed verdict of a disagreement

    @property
    def kind(self) -> str:
        """right / wrong / null / unscored / not_pub / unreviewed / miss / ok."""
        if self.found is None:
            return "miss" if self.stated else "ok"
        if not self.scored:
            return "unscored"
        if self.found == self.want:
            return "right"
        if self.want is None:
            return "null"
        if self.verdict == "url_not_publication":
            return "not_pub"
        if self.split == "urldates" and self.verdict is None:
            return "unreviewed"
        return "wrong"


@contextmanager
def tracing() -> Iterator[list[str]]:
    """Record the branch of every ``infer_date`` call made by ingest (in call order)."""
    from generator.ingest import metadata
    from generator.ingest.metadata import infer

    calls: list[str] = []
    original = infer.infer_date

    def traced(cleaned: Any, rules: Any, page_date: Any = None, url: Any = None) -> Any:
        date, how, warnings = metadata.date_with_provenance(cleaned, rules, page_date, url)
        calls.append(how or NONE)
        return date, warnings

    infer.infer_date = traced  # infer_metadata looks the name up at call time
    try:
        yield calls
    finally:
        infer.infer_date = original


def _branch_of(load: Callable[[], Any], calls: list[str]) -> tuple[Any, str]:
    """Load one article; the branch its date came from."""
    before = len(calls)
    article = load()
    if len(calls) == before:  # no inference: a curated file's or a hint's date
        return article, "given" if article.date is not None else NONE
    branch = calls[-1]
    if article.date is not None and "date" not in article.inferred:
        branch = "given"
    return article, branch


def trace_realset(splits: Sequence[str]) -> tuple[list[Traced], list[Traced]]:
    """(as eval loads the pages, the text alone) for the labelled pages of ``splits``."""
    from generator.evaluate import ArticleLoader, load_labels, split_labels
    from generator.settings import load_settings

    bad = FORBIDDEN.intersection(splits)
    if bad:
        raise SystemExit(f"refusing to read the blind split(s) {sorted(bad)}")
    loader = ArticleLoader(load_settings(ROOT / "digest.yml"))
    with_url: list[Traced] = []
    text_only: list[Traced] = []
    with tracing() as calls:
        for split, paths in split_labels(REALSET):
            if split not in splits or split in FORBIDDEN:
                continue
            for label in (lb for p in paths for lb in load_labels(p)):
                for url, out in ((label.url, with_url), (None, text_only)):
                    try:
                        article, branch = _branch_of(
                            lambda u=url, p=label.path: loader(p, u), calls
                        )
                        found = article.date
                    except Exception as exc:  # eval counts failures too
                        print(f"error {label.given}: {exc}", file=sys.stderr)
                        found, branch = None, "error"
                    out.append(
                        Traced(
                            split=split,
                            name=str(label.given),
                            outlet=label.outlet or "",
                            branch=branch,
                            found=found,
                            want=label.date,
                            scored=label.score_date,
                            stated=label.score_date and label.date_in_text,
                        )
                    )
    return with_url, text_only


def trace_urldates() -> list[Traced]:
    """The urldates pages, ingested without their URL (as ``date_audit.py``)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import date_audit

    from generator.ingest import RawInput, ingest_bytes, load_ingest_context
    from generator.settings import load_settings

    ctx = load_ingest_context(load_settings(ROOT / "digest.yml"))
    verdicts = date_audit.load_verdicts()
    out = []
    with tracing() as calls:
        for i, page in enumerate(date_audit.load_pages()):
            want = dt.date.fromisoformat(page["url_date"])
            raw = RawInput(data=page["text"].encode("utf-8"), origin=f"urldates/{i:04d}.txt")
            try:
                article, branch = _branch_of(lambda r=raw: ingest_bytes(r, ctx), calls)
                found = article.date
            except Exception as exc:
                print(f"error urldates/{i:04d}: {exc}", file=sys.stderr)
                found, branch = None, "error"
            shown = bool(date_audit._lines_with(page["text"], ctx.rules, want, year_needed=True))
            verdict = verdicts.get(page["url"], {}).get("verdict")
            out.append(
                Traced(
                    split="urldates",
                    name=f"{date_audit.half_of(page['url'])} {page['url']}",
                    outlet=page["outlet"],
                    branch=branch,
                    found=found,
                    want=want,
                    scored=True,
                    stated=shown,
                    verdict=verdict if found is not None and found != want else None,
                )
            )
    return out


KINDS = ("right", "wrong", "null", "not_pub", "unreviewed", "unscored")


def table(traced: Sequence[Traced], title: str) -> list[str]:
    """Per branch: pages, outlets, right / wrong / null / ...; the misses in the (none) row."""
    from generator.ingest.metadata import DATE_BRANCHES

    by: dict[str, list[Traced]] = defaultdict(list)
    for t in traced:
        by[t.branch].append(t)
    order = ["given", *DATE_BRANCHES, "error", NONE]
    order += sorted(b for b in by if b not in order)
    head = f"{'branch':24} {'pages':>5} {'outl':>4} " + " ".join(f"{k:>6}" for k in KINDS)
    lines = [title, head, "-" * len(head)]
    for branch in order:
        rows = by.get(branch)
        if not rows:
            continue
        count = Counter(t.kind for t in rows)
        outlets = len({t.outlet for t in rows})
        if branch == NONE:
            lines.append(
                f"{branch:24} {len(rows):5} {outlets:4}   miss (date in text): {count['miss']}"
                f"   ok (no date expected or shown): {count['ok']}"
            )
            continue
        cells = " ".join(f"{count[k]:6}" for k in KINDS)
        lines.append(f"{branch:24} {len(rows):5} {outlets:4} {cells}")
    dated = [t for t in traced if t.found is not None]
    count = Counter(t.kind for t in traced)
    lines.append(
        f"{'total':24} {len(traced):5} {len({t.outlet for t in traced}):4} "
        + " ".join(f"{count[k]:6}" for k in KINDS)
        + f"   dated {len(dated)}, missed {count['miss']}"
    )
    return lines


def per_split(traced: Sequence[Traced]) -> list[str]:
    """Recovered (of date_in_text) and wrong (right / wrong + null) per split."""
    lines = []
    splits = list(dict.fromkeys(t.split for t in traced))
    for split in splits:
        rows = [t for t in traced if t.split == split]
        stated = [t for t in rows if t.stated]
        recovered = sum(t.found == t.want for t in stated)
        wrong = sum(t.kind in ("wrong", "null", "unreviewed") for t in rows)
        lines.append(f"  {split:9} recovered {recovered}/{len(stated)}   wrong {wrong}")
    return lines


def listing(traced: Sequence[Traced], branch: str | None, wrong_only: bool) -> list[str]:
    """One line per page of ``branch`` (or every wrong / null / miss one)."""
    lines = []
    for t in traced:
        if branch and t.branch != branch:
            continue
        if wrong_only and t.kind not in ("wrong", "null", "unreviewed", "miss"):
            continue
        lines.append(
            f"  {t.kind:10} {t.branch:22} got {t.found}  want {t.want}  [{t.split}] {t.name}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--split", action="append", help="realset splits (default dev..dev8)")
    parser.add_argument("--no-urldates", action="store_true")
    parser.add_argument("--list", metavar="BRANCH", help="list the pages of one branch")
    parser.add_argument("--wrong", action="store_true", help="list wrong, null and missed pages")
    args = parser.parse_args(argv)
    from generator.evaluate import split_labels

    available = {name for name, _paths in split_labels(REALSET)} - FORBIDDEN
    splits = [s for s in (args.split or DEFAULT_SPLITS) if s in available]
    with_url, text_only = trace_realset(splits)
    out = table(with_url, f"realset {', '.join(splits)}: as eval loads them (URL given)")
    out += per_split(with_url)
    out += ["", *table(text_only, "realset: the text alone (no URL)")]
    out += per_split(text_only)
    urldates: list[Traced] = []
    if not args.no_urldates:
        urldates = trace_urldates()
        out += ["", *table(urldates, "urldates: the text alone, the URL's date as the answer")]
        for half in ("tune", "check"):
            part = [t for t in urldates if t.name.startswith(half)]
            count = Counter(t.kind for t in part)
            out.append(
                f"  {half:6} pages {len(part)}  right {count['right']}  wrong {count['wrong']}"
                f"  url_not_publication {count['not_pub']}  unreviewed {count['unreviewed']}"
                f"  missed {count['miss']}"
            )
    if args.list or args.wrong:
        for title, rows in (
            ("as eval", with_url),
            ("text alone", text_only),
            ("urldates", urldates),
        ):
            found = listing(rows, args.list, args.wrong)
            if found:
                out += ["", f"{title}:", *found]
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
