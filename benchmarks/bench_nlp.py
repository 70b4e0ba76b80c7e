"""Benchmark of the language tools on ~500-word Russian articles; prints its figures.

Per article: sentence splitting, lemmas of every sentence, YAKE keywords (on lemmas, with
merging and normal forms) and the TextRank summary -- what ``analyse_text`` spends outside
language detection and entities. Articles are built from the hand-cleaned seed texts in
tests/data/nlp (seeds 000 and 003), rotated so that each one differs.

    .venv/bin/python benchmarks/bench_nlp.py [ARTICLES]
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.nlp.keywords import extract_keywords  # noqa: E402
from generator.nlp.lemmas import get_lemmatizer  # noqa: E402
from generator.nlp.sentences import split_sentences  # noqa: E402
from generator.nlp.stopwords import load_stopwords  # noqa: E402
from generator.nlp.summary import summarize  # noqa: E402

DATA = ROOT / "tests" / "data" / "nlp"
LANGUAGE_DIR = ROOT / "config" / "languages"
TARGET_WORDS = 480


def articles(count: int) -> list[tuple[str, str]]:
    """``count`` (title, body) pairs of about 500 words, each a different rotation."""
    paragraphs: list[str] = []
    titles: list[str] = []
    for name in ("seed_003_ru_headline_repeated.txt", "seed_000_ru_clean.txt"):
        title, body = (DATA / name).read_text(encoding="utf-8").split("\n\n", 1)
        titles.append(title)
        paragraphs += [p for p in body.split("\n\n") if p.strip() and p.strip() != title]
    out = []
    for i in range(count):
        k = i % len(paragraphs)
        chosen: list[str] = []
        for paragraph in paragraphs[k:] + paragraphs[:k]:
            if sum(len(p.split()) for p in chosen) >= TARGET_WORDS:
                break
            chosen.append(paragraph)
        out.append((titles[i % len(titles)], "\n\n".join(chosen)))
    return out


def analyse(item: tuple[str, str]) -> dict[str, float]:
    """Time each stage for one article (seconds)."""
    title, body = item
    lemmatizer = get_lemmatizer("ru")
    stopwords = load_stopwords("ru", LANGUAGE_DIR)
    t0 = time.perf_counter()
    sentences = [s for p in body.split("\n\n") for s in split_sentences(p, "ru")]
    t1 = time.perf_counter()
    sentence_lemmas = [lemmatizer.lemmas(s) for s in sentences]
    title_lemmas = lemmatizer.lemmas(title)
    t2 = time.perf_counter()
    extract_keywords([title, *sentences], "ru", lemmatizer, stopwords, 10)
    t3 = time.perf_counter()
    summarize(sentences, sentence_lemmas, 3, title_lemmas, stopwords)
    t4 = time.perf_counter()
    return {
        "sentences": t1 - t0,
        "lemmas": t2 - t1,
        "keywords": t3 - t2,
        "summary": t4 - t3,
        "total": t4 - t0,
    }


def _warm(_: int) -> None:
    analyse(articles(1)[0])


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    items = articles(count)
    words = statistics.mean(len(body.split()) for _, body in items)
    print(f"articles: {count}, mean {words:.0f} words (Russian)")

    t0 = time.perf_counter()
    get_lemmatizer("ru").lemma("Казахстан")  # loads pymorphy3
    load_stopwords("ru", LANGUAGE_DIR)
    print(f"model load (pymorphy3 ru + word lists): {(time.perf_counter() - t0) * 1000:.0f} ms")

    lemmatizer = get_lemmatizer("ru")
    cold = []
    for item in items[:20]:
        lemmatizer._cached.cache_clear()  # every word new to the process: the worst case
        cold.append(analyse(item)["total"])
    print(f"one core, empty lemma cache: {statistics.median(cold) * 1000:.1f} ms/article (median)")

    timings = [analyse(item) for item in items]
    print("one core, warm (a corpus in one process):")
    for stage in ("sentences", "lemmas", "keywords", "summary", "total"):
        values = [t[stage] * 1000 for t in timings]
        print(
            f"  {stage:<9} median {statistics.median(values):6.1f} ms"
            f"  p90 {sorted(values)[int(len(values) * 0.9)]:6.1f} ms"
        )
    total = sum(t["total"] for t in timings)
    print(f"  throughput {count / total:.1f} articles/s")

    workers = os.cpu_count() or 1
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_warm, range(workers)))  # load models in every worker first
        t0 = time.perf_counter()
        list(pool.map(analyse, items, chunksize=max(1, count // (workers * 8))))
        elapsed = time.perf_counter() - t0
    print(f"{workers} processes: {count / elapsed:.1f} articles/s ({elapsed:.2f} s for {count})")


if __name__ == "__main__":
    main()
