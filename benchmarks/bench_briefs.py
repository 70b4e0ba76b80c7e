"""Benchmark of the PDF briefs: prints seconds, pages and sizes (no assertions).

    .venv/bin/python benchmarks/bench_briefs.py [--articles 1000] [--workers 0]

1. One topic brief from the seed corpus: the real pipeline (``prepare_digest``) when it can
   run, else the hand-built seed digest of tests/test_briefs.py. Target: under 3 s.
2. All briefs (one per topic, one per ISO week) of a synthetic corpus: the seed analyses
   copied with spread dates and numbered titles, grouped by ``generator.digest.group``.
   Targets: under 60 s for 1,000 articles on 2 cores; a topic brief <= 12 pages; each brief
   laid out in <= 1.5 s; no process left running.
3. Rebuilds with the PDF cache: unchanged (nothing laid out) and +50 newer articles (only
   the briefs whose content changed: the topics and the newest weeks; closed weeks kept).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib.util
import io
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from generator import briefs  # noqa: E402
from generator.models import Analysis, Digest, TopicMatch  # noqa: E402
from generator.settings import Settings, load_settings  # noqa: E402


def _test_module():
    spec = importlib.util.spec_from_file_location("test_briefs", ROOT / "tests" / "test_briefs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_digest(settings: Settings) -> tuple[Digest, str]:
    """The seed corpus through the real pipeline if possible, else the hand-built one."""
    if any(settings.path(settings.corpus).glob("*.md")):
        try:
            from generator.pipeline import prepare_digest

            return prepare_digest(settings), "pipeline (seeds/*.md)"
        except Exception as exc:  # report and fall back: this is a benchmark
            print(f"pipeline unavailable ({type(exc).__name__}: {exc}); using hand-built seeds")
    tb = _test_module()
    return tb.make_digest(tb.seed_analyses()), "hand-built from seeds/raw"


def synthetic_digest(
    n: int, settings: Settings, extra: int = 0, all_in: str | None = None
) -> Digest:
    """``n`` articles: copies of the seed analyses, one every ~8 hours from 2022-01-03;
    ``extra`` more continue the same rhythm after them (a weekly run's new articles);
    ``all_in``: a topic every article is also in (a topic of ``n`` articles)."""
    from generator.digest import group

    tb = _test_module()
    seeds = tb.seed_analyses()
    out: list[Analysis] = []
    for i in range(n + extra):
        base = seeds[i % len(seeds)]
        day = dt.date(2022, 1, 3) + dt.timedelta(days=i * 350 // n)
        article = dataclasses.replace(
            base.article, id=f"{i:05d}_{base.id}", title=f"{base.article.title} ({i})", date=day
        )
        summary = tuple(f"{s} ({i})" for s in base.text.summary)
        text = dataclasses.replace(base.text, summary=summary, sentences=summary)
        topics = base.topics
        if all_in and all_in not in base.topic_ids:
            topics = (*topics, TopicMatch(all_in, 0.5))
        out.append(Analysis(article, text, topics))
    return group(out, tb.TOPICS, settings)


def _cpu_seconds() -> float:
    """CPU seconds of this process and its reaped children (the PDF workers are children)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _children() -> list[str]:
    """Command lines of this process's live children (there should be none after a step)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if ppid == os.getpid():
                out.append((stat.parent / "cmdline").read_text().replace("\0", " ").strip())
        except (OSError, ValueError, IndexError):
            continue
    return out


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=0, help="0 = one per core")
    args = parser.parse_args()
    settings = load_settings(ROOT / "digest.yml")
    print(f"cores: {os.cpu_count()}, workers: {args.workers or os.cpu_count()}")

    t = time.perf_counter()
    import weasyprint  # noqa: F401

    print(f"import weasyprint: {time.perf_counter() - t:.2f} s")

    digest, how = seed_digest(settings)
    topic = max(digest.topics, key=lambda g: (len(g.article_ids), g.topic.id)).topic.id
    scope = briefs.BriefScope(topic=topic)
    for run in ("cold", "warm"):
        t = time.perf_counter()
        pdf = briefs.render_brief(digest, settings, scope)
        took = time.perf_counter() - t
        print(
            f"seed topic brief {topic!r} [{how}], {run}: {took:.2f} s, "
            f"{pages(pdf)} pages, {len(pdf) / 1024:.0f} KiB (target < 3 s)"
        )

    t = time.perf_counter()
    big = synthetic_digest(args.articles, settings)
    print(
        f"synthetic digest of {args.articles} articles grouped in {time.perf_counter() - t:.2f} s"
    )
    scopes = briefs.all_scopes(big)
    topic_ids = sorted(s.topic for s in scopes if s.topic)
    cache = Path(tempfile.mkdtemp(prefix="bench-briefs-"))
    try:
        cpu = _cpu_seconds()
        timings: dict[str, tuple[float, float]] = {}
        t = time.perf_counter()
        files = briefs.render_all_briefs(
            big, settings, workers=args.workers, cache_dir=cache, timings=timings
        )
        took = time.perf_counter() - t
        cpu = _cpu_seconds() - cpu
        left = _children()
        total_pages = sum(pages(pdf) for pdf in files.values())
        size = sum(len(pdf) for pdf in files.values())
        largest = max(files, key=lambda k: len(files[k]))
        print(
            f"all briefs for {args.articles} articles: {len(scopes)} PDFs "
            f"({len([s for s in scopes if s.topic])} topics, "
            f"{len([s for s in scopes if s.week])} weeks), {total_pages} pages, "
            f"{size / 1024 / 1024:.1f} MiB in {took:.1f} s (target < 60 s); "
            f"largest {largest}: {pages(files[largest])} pages"
        )
        topic_pages = {k: pages(v) for k, v in files.items() if k.startswith("topic-")}
        print(
            "topic brief pages at "
            f"{args.articles} articles: "
            + ", ".join(f"{k} {n}" for k, n in sorted(topic_pages.items()))
            + f" (target <= 12 each): {'ok' if max(topic_pages.values()) <= 12 else 'OVER'}"
        )
        whole = synthetic_digest(args.articles, settings, all_in=topic_ids[0])
        html = briefs.render_html(whole, settings, briefs.BriefScope(topic=topic_ids[0]))
        pdf, (wall, cpu_s) = briefs._timed_layout(html)
        print(
            f"topic brief of all {args.articles} articles ({topic_ids[0]}): {pages(pdf)} pages "
            f"(target <= 12), laid out in {wall:.2f} s wall, {cpu_s:.2f} s CPU (target <= 1.5 s)"
        )
        for kind, index in (("wall", 0), ("CPU", 1)):
            per = sorted(v[index] for v in timings.values())
            slowest = max(timings, key=lambda k: timings[k][index])
            print(
                f"seconds per brief ({kind}, layout in the worker): max {per[-1]:.2f} s "
                f"({slowest}), median {per[len(per) // 2]:.2f} s, over 1.5 s: "
                f"{sum(1 for x in per if x > 1.5)} of {len(per)} (target <= 1.5 s each)"
            )
        print(
            f"CPU time of that step (this process + workers): {cpu:.1f} s = "
            f"{1000 * cpu / total_pages:.0f} ms per page; load average now "
            f"{os.getloadavg()[0]:.1f} (other processes on the machine slow the wall time)"
        )
        print(f"processes left running after the step: {len(left)} {left if left else ''}")

        # unchanged rebuild and +50 articles: only briefs whose content changed are laid out
        for label, digest in (
            ("unchanged", big),
            ("+50 articles", synthetic_digest(args.articles, settings, extra=50)),
        ):
            timings = {}
            t = time.perf_counter()
            briefs.render_all_briefs(
                digest, settings, workers=args.workers, cache_dir=cache, timings=timings
            )
            took = time.perf_counter() - t
            weeks = sorted(k for k in timings if k.startswith("week-"))
            print(
                f"rebuild, {label}: {len(timings)} of {len(briefs.all_scopes(digest))} briefs "
                f"laid out ({len(weeks)} weeks: {', '.join(weeks) or 'none'}) in {took:.1f} s"
            )
    finally:
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
