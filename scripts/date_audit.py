"""Label-free audit of the date extractor on URL-dated pages (issue 10, item 4).

Each page of ``tests/data/urldates/pages.jsonl`` is a search-tool excerpt whose URL states a
full date (``/2022/01/05/``, ``20220105``, ``2022-01-05``). The page's text is ingested as
``digest eval`` ingests a raw file, WITHOUT its URL (the crawl marker ``date YYYY-MM[-DD]``
left as the tool sees it), and the date found is compared with the URL's:

- agree: the text gives the URL's day;
- disagree: the text gives another day, a candidate wrong date. The URL date is not always
  the publication day (a republication, an update, a URL naming the event's day), so every
  disagreement is read and given a verdict in ``verdicts.jsonl`` next to the pages:
  ``tool_wrong`` or ``url_not_publication``; only ``tool_wrong`` ones count as wrong dates;
- missed: no date found though the text writes the URL's day (with or without the year).

The pages are split in two halves by a hash of the URL: ``tune`` (rules may be fitted on it)
and ``check`` (the helper's own blind check: figures only). Usage::

    PYTHONPATH=$PWD python scripts/date_audit.py [--half tune|check|all] [--list]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "urldates"
PAGES = DATA / "pages.jsonl"
VERDICTS = DATA / "verdicts.jsonl"
VERDICT_KINDS = ("tool_wrong", "url_not_publication")


@dataclass
class Result:
    url: str
    outlet: str
    language: str
    half: str
    url_date: dt.date
    found: dt.date | None
    snippet: str
    shown: str  # a line of the text writing the URL's full date (for misses), else ""
    shown_day: str  # ... or its day and month alone
    verdict: str | None
    note: str
    error: str = ""

    @property
    def status(self) -> str:
        if self.error:
            return "error"
        if self.found is None:
            return "missed" if self.shown else "missed_day" if self.shown_day else "none"
        return "agree" if self.found == self.url_date else "disagree"


def half_of(url: str) -> str:
    """``tune`` or ``check``: a stable split by a hash of the URL."""
    return "tune" if int(hashlib.sha1(url.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "check"


def load_pages(path: Path = PAGES) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def load_verdicts(path: Path = VERDICTS) -> dict[str, dict]:
    if not path.exists():
        return {}
    verdicts = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            if item["verdict"] not in VERDICT_KINDS:
                raise SystemExit(f"{path}: unknown verdict {item['verdict']!r}")
            verdicts[item["url"]] = item
    return verdicts


def _lines_with(text: str, rules, wanted: dt.date, year_needed: bool) -> str:
    """The first line of ``text`` that writes ``wanted`` (with its year, or, unless
    ``year_needed``, its day and month alone)."""
    from generator.ingest.clean import find_dates

    for line in text.splitlines():
        for _start, year, month, day in find_dates(line, rules, latin=True) + find_dates(
            line, rules
        ):
            if (month, day) != (wanted.month, wanted.day):
                continue
            if year == wanted.year or (year is None and not year_needed):
                return " ".join(line.split())[:160]
    return ""


def audit(pages: Iterable[dict], verdicts: dict[str, dict]) -> list[Result]:
    """Ingest every page's text without its URL and compare the date with the URL's."""
    from generator.ingest import RawInput, ingest_bytes, load_ingest_context
    from generator.ingest.errors import IngestError
    from generator.settings import load_settings

    ctx = load_ingest_context(load_settings(ROOT / "digest.yml"))
    results = []
    for i, page in enumerate(pages):
        url, text = page["url"], page["text"]
        wanted = dt.date.fromisoformat(page["url_date"])
        raw = RawInput(data=text.encode("utf-8"), origin=f"urldates/{i:04d}.txt")
        found, error = None, ""
        try:
            found = ingest_bytes(raw, ctx).date
        except IngestError as exc:
            error = str(exc)
        snippet = ""
        if found is not None and found != wanted:
            snippet = _lines_with(text, ctx.rules, found, year_needed=False) or "(no line)"
        shown = _lines_with(text, ctx.rules, wanted, year_needed=True) if found is None else ""
        shown_day = (
            _lines_with(text, ctx.rules, wanted, year_needed=False)
            if found is None and not shown
            else ""
        )
        v = verdicts.get(url, {})
        results.append(
            Result(
                url=url,
                outlet=page["outlet"],
                language=page["language"],
                half=half_of(url),
                url_date=wanted,
                found=found,
                snippet=snippet,
                shown=shown,
                shown_day=shown_day,
                verdict=v.get("verdict") if found is not None and found != wanted else None,
                note=v.get("note", ""),
                error=error,
            )
        )
    return results


def summary(results: list[Result], title: str) -> list[str]:
    """The figures of one half (or all pages)."""
    statuses = ("agree", "disagree", "missed", "missed_day")
    count = {s: sum(r.status == s for r in results) for s in statuses}
    found = count["agree"] + count["disagree"]
    wrong = sum(r.verdict == "tool_wrong" for r in results)
    not_pub = sum(r.verdict == "url_not_publication" for r in results)
    unreviewed = sum(r.status == "disagree" and r.verdict is None for r in results)
    outlets = len({r.outlet for r in results})
    return [
        f"{title}: pages {len(results)} from {outlets} outlets",
        f"  dates found:                 {found}",
        f"  agree with the URL date:     {count['agree']}",
        f"  disagree (candidates):       {count['disagree']}",
        f"  wrong dates: {wrong} (reviewed)   URL date not the publication day: {not_pub}"
        f"   not yet reviewed: {unreviewed}",
        f"  none found, text writes the URL's full date: {count['missed']}"
        f"   (its day and month only: {count['missed_day']})",
        f"  errors: {sum(r.status == 'error' for r in results)}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--half", choices=("tune", "check", "all"), default="all")
    parser.add_argument("--list", action="store_true", help="list disagreements and misses")
    args = parser.parse_args(argv)
    pages = load_pages()
    if args.half != "all":
        pages = [p for p in pages if half_of(p["url"]) == args.half]
    results = audit(pages, load_verdicts())
    lines: list[str] = []
    for half in ("tune", "check"):
        part = [r for r in results if r.half == half]
        if part:
            lines += summary(part, f"half {half}")
    if args.half == "all":
        lines += summary(results, "all pages")
    if args.list:
        for r in results:
            if r.status == "disagree":
                lines.append(
                    f"DISAGREE [{r.half}] {r.url}\n  url {r.url_date}  text {r.found}"
                    f"  verdict {r.verdict or 'UNREVIEWED'}  {r.note}\n  | {r.snippet}"
                )
        for r in results:
            if r.status in ("missed", "missed_day"):
                kind = "MISSED" if r.status == "missed" else "missed (day only)"
                lines.append(
                    f"{kind} [{r.half}] {r.url}\n  url {r.url_date}\n  | {r.shown or r.shown_day}"
                )
            elif r.status == "error":
                lines.append(f"ERROR [{r.half}] {r.url}: {r.error}")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
