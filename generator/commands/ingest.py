"""`digest ingest PATH... [--into DIR]`: raw text, HTML and Markdown -> curated seeds/*.md.

``--feeds`` / ``--feed URL`` read RSS/Atom feeds through ``generator.ingest.feeds``.
Every bad input gets one line naming it; the others are still ingested; the exit code is 1
when any input failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from generator.locks import folder_lock
from generator.settings import FeedSettings, Settings, load_settings

if TYPE_CHECKING:
    from generator.ingest import IngestContext


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest",
        help="turn raw articles (text, HTML, Markdown) or feeds into curated Markdown files",
        description="Ingest raw articles into the curated corpus (one Markdown file each, "
        "with YAML front matter). Re-ingesting is idempotent and keeps hand-edited values.",
    )
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="files or folders to ingest (.txt, .html, .md)",
    )
    p.add_argument(
        "--into",
        type=Path,
        metavar="DIR",
        help="corpus folder to write into (default: the config's corpus)",
    )
    p.add_argument("--feeds", action="store_true", help="also ingest every feed of the config")
    p.add_argument(
        "--feed",
        action="append",
        default=[],
        metavar="URL",
        help="ingest this RSS/Atom feed (repeatable)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="network timeout per request for feeds (default: 10)",
    )
    p.add_argument("--quiet", action="store_true", help="print only problems and the summary")
    p.add_argument(
        "--allow-private-hosts",
        action="store_true",
        help="fetch feeds and pages on loopback/private/link-local addresses too "
        "(refused by default; same as fetch.allow_private_hosts in digest.yml)",
    )
    p.add_argument(
        "--no-wait",
        action="store_true",
        help="when another run writes into the corpus folder, exit 3 at once instead of waiting",
    )
    p.set_defaults(run=run)


def _log(message: str) -> None:
    print(message, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from generator.ingest import load_ingest_context

    settings = load_settings(args.config)
    if not args.paths and not args.feeds and not args.feed:
        print(
            "digest ingest: give files or folders to ingest, or --feeds / --feed URL",
            file=sys.stderr,
        )
        return 2
    into = args.into if args.into is not None else settings.path(settings.corpus)
    ctx = load_ingest_context(settings)
    with folder_lock(into, wait=not args.no_wait, on_wait=_log):
        remove_leftovers(into)
        return _ingest(args, settings, into, ctx)


def remove_leftovers(into: Path) -> list[Path]:
    """Temporary files of a killed run (``.<name>.md.<random>.tmp``, from the atomic
    writes). Called under the folder's lock: no live run is writing them."""
    stale = sorted(into.glob(".*.md.*.tmp")) if into.is_dir() else []
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


def _ingest(args: argparse.Namespace, settings: Settings, into: Path, ctx: IngestContext) -> int:
    from generator.ingest import ingest_paths

    failed = False
    if args.paths:
        report = ingest_paths(args.paths, into, ctx)
        for problem in report.problems:
            print(problem, file=sys.stderr)
        if not args.quiet:
            for name in report.added:
                print(f"added {name}")
            for name in report.updated:
                print(f"updated {name}")
        print(f"ingest: {report.summary_line()} -> {into}")
        failed = failed or report.failed > 0
    feeds = list(settings.feeds) if args.feeds else []
    feeds += [FeedSettings(name=url, url=url) for url in args.feed]
    if args.feeds and not settings.feeds and not args.feed:
        print("digest ingest: the config lists no feeds", file=sys.stderr)
    if feeds:
        from generator.ingest.feeds import ingest_feeds

        feed_report = ingest_feeds(
            feeds,
            into,
            ctx,
            timeout=args.timeout,
            progress=sys.stderr.isatty(),
            allow_private_hosts=args.allow_private_hosts or settings.fetch.allow_private_hosts,
            allowed_networks=settings.fetch.allowed_networks,
        )
        for problem in feed_report.problems:
            print(problem, file=sys.stderr)
        print(f"feeds: {feed_report.summary_line()}")
        failed = failed or any(p.severity == "error" for p in feed_report.problems)
    return 1 if failed else 0
