"""A deterministic synthetic corpus built from the curated seeds, for benchmarks.

Article ``i`` takes the paragraphs of seed ``i % 5``, adds paragraphs of another seed in the
same language until it has about ``words`` words, shuffles them with ``Random(i)`` and gets a
date spread over two years, so that weeks, topics and the cache behave as in a real corpus.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import frontmatter

ROOT = Path(__file__).resolve().parent.parent


def seed_articles() -> list:
    from generator.corpus import load_corpus

    articles, _problems = load_corpus(ROOT / "seeds")
    if not articles:
        raise SystemExit("no curated seeds in seeds/*.md: run `make digest` first")
    return list(articles)


def synthetic_articles(
    n: int, words: int = 500, start: int = 0, days: int = 730, first_day: int = 0
) -> list:
    """``n`` synthetic Article values (ids ``syn00000``...), deterministic.

    Dates spread over ``days`` days from ``first_day`` days after 2022-01-03: the default
    is two years; ``days=7, first_day=730`` puts every article in the week after them (a
    weekly run's new articles)."""
    from generator.models import Article

    seeds = seed_articles()
    by_lang: dict[str, list] = {}
    for a in seeds:
        by_lang.setdefault(a.language or "ru", []).append(a)
    out = []
    base_day = dt.date(2022, 1, 3)
    for i in range(start, start + n):
        rng = random.Random(i)
        base = seeds[i % len(seeds)]
        paras = list(base.paragraphs)
        pool = [p for a in by_lang.get(base.language or "ru", []) for p in a.paragraphs]
        while sum(len(p.split()) for p in paras) < words and pool:
            paras.append(rng.choice(pool))
        rng.shuffle(paras)
        out.append(
            Article(
                id=f"syn{i:05d}",
                title=f"{base.title} ({i})",
                body="\n\n".join(paras),
                date=base_day + dt.timedelta(days=first_day + (i * 5) % days),
                source=base.source,
                url=f"https://example.org/news/{i}",
                language=base.language,
                origin=f"synthetic/{i}",
            )
        )
    return out


def write_corpus(articles: list, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for a in articles:
        post = frontmatter.Post(a.body)
        post.metadata.update(
            {
                "id": a.id,
                "title": a.title,
                "date": a.date.isoformat() if a.date else None,
                "source": a.source,
                "url": a.url,
                "language": a.language,
                "origin": a.origin,
            }
        )
        (folder / f"{a.id}.md").write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")
