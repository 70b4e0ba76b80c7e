"""Benchmark of one long article: seconds and peak memory of ``analyse()`` by size.

Articles of 0.1, 1 and 2 MB (UTF-8) are made from the real seed texts in tests/data/nlp
(Russian seeds 000 and 003): their paragraphs repeated in turn, every number replaced by
another (deterministic), so that no two paragraphs are byte-identical. Each size runs in
a fresh process, so the peak RSS is that article's (models included). Targets (scale
issue, "Long articles"): a 2 MB article in <= 30 s and <= 1 GiB; the time grows linearly.

    .venv/bin/python benchmarks/bench_long.py [SIZE_MB ...]
"""

from __future__ import annotations

import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data" / "nlp"
SEEDS = ("seed_000_ru_clean.txt", "seed_003_ru_headline_repeated.txt")
SIZES_MB = (0.1, 1.0, 2.0)
TARGET_SECONDS = 30.0  # for 2 MB
TARGET_RSS_MB = 1024.0  # for 2 MB


def long_article(size_bytes: int):  # -> generator.models.Article
    """A Russian article of about ``size_bytes`` built from the seeds (module docstring)."""
    from generator.models import Article

    title = ""
    paragraphs: list[str] = []
    for name in SEEDS:
        head, body = (DATA / name).read_text(encoding="utf-8").split("\n\n", 1)
        title = title or head
        paragraphs += [p.strip() for p in body.split("\n\n") if p.strip() and p.strip() != head]
    rng = random.Random(size_bytes)
    out: list[str] = []
    total = 0
    i = 0
    while total < size_bytes:
        source = paragraphs[i % len(paragraphs)]
        paragraph = re.sub(r"\d+", lambda _: str(rng.randint(1, 2030)), source)
        out.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
        i += 1
    return Article(id=f"long-{size_bytes}", title=title, body="\n\n".join(out), language="ru")


def measure(size_mb: float) -> dict[str, float]:
    """Analyse one article of ``size_mb`` in this process; seconds and peak RSS (MiB)."""
    from generator.analyse import analyse, load_context
    from generator.settings import load_settings

    ctx = load_context(load_settings(root=ROOT))
    analyse(long_article(2_000), ctx)  # load the models first: they are not the article's cost
    article = long_article(int(size_mb * 1_000_000))
    start, cpu_start = time.perf_counter(), time.process_time()
    result = analyse(article, ctx)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {
        "size_mb": size_mb,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "sentences": len(result.text.sentences),
        "summary": len(result.text.summary),
        "keywords": len(result.text.keywords),
    }


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        print(json.dumps(measure(float(argv[1]))))
        return 0
    sizes = [float(a) for a in argv] or list(SIZES_MB)
    print("long article: analyse() of one Russian article made from the seeds")
    print(f"{'size':>8} {'seconds':>8} {'cpu':>8} {'peak RSS':>10} {'sentences':>10}")
    status = 0
    for size in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size)],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{row['size_mb']:>5} MB {row['seconds']:>7.2f}s {row['cpu_seconds']:>7.2f}s"
            f" {row['peak_rss_mb']:>6.0f} MiB"
            f" {row['sentences']:>10}",
            flush=True,
        )
        if size >= 2.0 and (row["seconds"] > TARGET_SECONDS or row["peak_rss_mb"] > TARGET_RSS_MB):
            status = 1
    print(f"target: 2 MB in <= {TARGET_SECONDS:.0f} s and <= {TARGET_RSS_MB:.0f} MiB peak RSS")
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
