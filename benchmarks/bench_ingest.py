"""Ingest benchmark: 1,000 synthetic raw articles built deterministically from the raw seeds.

Article ``i`` starts from raw seed ``i % 5`` (with its page debris), shuffles the order of
its body lines with ``Random(i)``, gives it a distinct headline and, for a third of them, a
crawl date line; every fifth is written as cp1251 (or UTF-8 with BOM for Kazakh) and every
seventh wrapped in a small HTML page. Prints articles/s and peak memory.

    .venv/bin/python benchmarks/bench_ingest.py [--n 1000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def synthetic_inputs(n: int, folder: Path) -> list[Path]:
    """Write ``n`` varied raw inputs into ``folder``; the same ``n`` gives the same files."""
    seeds = sorted((ROOT / "seeds" / "raw").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    paths = []
    for i in range(n):
        rng = random.Random(i)
        lines = texts[i % len(texts)].strip("\n").split("\n")
        head, body = lines[:1], lines[1:]
        rng.shuffle(body)
        title = head[0].split(" ", 3)[-1] if head[0].startswith(" date") else head[0]
        title = f"{title} — выпуск {i}"
        if i % 3 == 0:
            day = dt.date(2022, 1, 1) + dt.timedelta(days=i % 700)
            title = f" date {day.isoformat()} {title}"
        text = "\n".join([title, *body]) + "\n"
        if i % 7 == 0:
            paras = "".join(f"<p>{html.escape(line)}</p>" for line in body if line.strip())
            page = (
                f"<!doctype html><html><head><title>{html.escape(title)}</title></head><body>"
                f"<nav><a href='/'>Главная</a> <a href='/news'>Новости</a></nav>"
                f"<article><h1>{html.escape(title)}</h1>{paras}</article>"
                f"<footer>© 2022 Example</footer></body></html>"
            )
            path = folder / f"article_{i:04d}.html"
            path.write_text(page, encoding="utf-8")
        elif i % 5 == 0:
            path = folder / f"article_{i:04d}.txt"
            try:
                path.write_bytes(text.encode("cp1251"))
            except UnicodeEncodeError:
                path.write_bytes(text.encode("utf-8-sig"))
        else:
            path = folder / f"article_{i:04d}.txt"
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument("--keep", type=Path, help="keep inputs and output in this folder")
    args = parser.parse_args(argv)

    from generator.ingest import ingest_paths, load_ingest_context
    from generator.settings import load_settings

    base = args.keep or Path(tempfile.mkdtemp(prefix="bench_ingest_"))
    raw, out = base / "raw", base / "out"
    raw.mkdir(parents=True, exist_ok=True)
    paths = synthetic_inputs(args.n, raw)

    t0 = time.perf_counter()
    ctx = load_ingest_context(load_settings(ROOT / "digest.yml"))
    t_ctx = time.perf_counter() - t0
    t1 = time.perf_counter()
    report = ingest_paths(paths, out, ctx)
    elapsed = time.perf_counter() - t1
    # Python allocations of one more article-sized pass, traced separately (tracing is slow).
    tracemalloc.start()
    ingest_paths(paths[:50], base / "traced", ctx)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    try:
        import resource

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except ImportError:  # pragma: no cover - not on Linux
        rss = float("nan")

    print(f"inputs: {len(paths)} synthetic articles in {raw}")
    print(f"context load (language packs, sources, lingua): {t_ctx:.2f} s")
    print(f"ingest: {report.summary_line()}")
    print(
        f"time: {elapsed:.2f} s for {len(paths)} articles = {len(paths) / elapsed:.0f} articles/s"
    )
    print(
        f"peak memory: {rss:.0f} MB max RSS (Python allocations while ingesting 50: "
        f"{peak / 1e6:.1f} MB)"
    )
    for problem in report.problems[:5]:
        print(f"  {problem}")
    return 0 if report.failed == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
