"""Benchmark of the cluster stage: prints seconds against the target (no assertions).

    .venv/bin/python benchmarks/bench_cluster.py [--articles 10000] [--days 180]

The corpus: real reports (the curated seeds, tests/data/devset and the real excerpts of
tests/data/stories) are analysed once by the real pipeline; ``--articles`` synthetic
``Analysis`` records are then built from their real sentences and lemmas: article ``i``
belongs to event ``i // 4`` (four sentences of a base report's language drawn for the
event, the first of them also as the title, then twelve drawn for the article),
with the event's entities, a date spread over ``--days`` days and ``Random(i)`` choices.

1. Clustering all of them (features, blocking, linking, story records with summaries).
   Target: under 10 s on one core for 10,000 articles.
2. Incremental: the corpus minus its last 50 articles is clustered and its assignment kept;
   the 50 arrive. Old reports keep their story ids (checked), and the time is printed.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.models import Analysis, TextAnalysis  # noqa: E402
from generator.settings import load_settings  # noqa: E402

TARGET_SECONDS = 10.0


def real_analyses(settings) -> tuple[list[Analysis], object]:
    """The seeds and the real story excerpts, analysed by the real pipeline."""
    from generator.analyse import analyse_corpus, load_context
    from generator.corpus import load_corpus
    from generator.ingest import ingest_path, load_ingest_context

    articles = list(load_corpus(ROOT / "seeds")[0]) + list(
        load_corpus(ROOT / "tests" / "data" / "devset")[0]
    )
    ictx = load_ingest_context(settings)
    for path in sorted((ROOT / "tests" / "data" / "stories").glob("*.txt")):
        articles.append(ingest_path(path, ictx))
    ctx = load_context(settings)
    return list(analyse_corpus(articles, ctx, workers=1).analyses), ctx


def synthetic(real: list[Analysis], n: int, days: int) -> list[Analysis]:
    """``n`` analyses recombined from the real ones (module docstring)."""
    by_lang: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for a in real:
        by_lang.setdefault(a.language, []).extend(
            zip(a.text.sentences, a.text.sentence_lemmas, strict=True)
        )
    start = dt.date(2022, 1, 1)
    out = []
    for i in range(n):
        event = i // 4
        erng = random.Random(event)
        base = real[event % len(real)]
        rng = random.Random(i)
        pool = by_lang[base.language]
        lead = [pool[erng.randrange(len(pool))] for _ in range(4)]
        extra = [pool[rng.randrange(len(pool))] for _ in range(12)]
        pairs = lead + extra
        day = start + dt.timedelta(days=erng.randrange(days) + rng.randrange(2))
        text = dataclasses.replace(
            base.text,
            sentences=tuple(s for s, _ in pairs),
            sentence_lemmas=tuple(lem for _, lem in pairs),
            summary=tuple(s for s, _ in pairs[:2]),
            title_lemmas=lead[0][1][:10],
        )
        article = dataclasses.replace(
            base.article,
            id=f"b{i:05d}",
            title=lead[0][0],
            date=day,
            source=f"Outlet {rng.randrange(40)}",
        )
        out.append(Analysis(article=article, text=TextAnalysis(**vars(text)), topics=base.topics))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=180)
    args = parser.parse_args()
    from generator.cluster import cluster, cluster_context, story_index

    settings = load_settings(ROOT / "digest.yml")
    real, ctx = real_analyses(settings)
    corpus = synthetic(real, args.articles, args.days)
    cc = cluster_context(settings, ctx)
    print(f"corpus: {len(corpus)} synthetic analyses from {len(real)} real reports")

    t0, c0 = time.perf_counter(), time.process_time()
    stories = cluster(corpus, settings.stories, cc)
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    sizes = sorted((len(s.article_ids) for s in stories), reverse=True)
    print(
        f"cluster {len(corpus)} articles: {cpu:.2f} s CPU on one core, {took:.2f} s wall "
        f"(target < {TARGET_SECONDS:.0f} s, {'OK' if cpu < TARGET_SECONDS else 'OVER'}); "
        f"{len(stories)} stories, largest {sizes[:5]}"
    )

    old, new = corpus[:-50], corpus[-50:]
    previous = story_index(cluster(old, settings.stories, cc))
    c0 = time.process_time()
    after = story_index(cluster(corpus, settings.stories, cc, previous))
    took2 = time.process_time() - c0
    kept = all(after[a] == sid for a, sid in previous.items())
    joined = sum(after[a.id] in set(previous.values()) for a in new)
    print(
        f"incremental: {len(new)} new articles on {len(old)} kept: {took2:.2f} s CPU; "
        f"old ids kept: {kept}; {joined} joined old stories, {len(new) - joined} opened new"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
