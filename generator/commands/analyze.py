"""`digest analyze PATH... [--json]`: analyse articles, raw or curated, one result each.

The ``--json`` output is a stable interface: one object per line with the keys
path, id, title, date, source, language, topics, keywords, summary, entities, story.
``story`` is the id of the article's story: all the inputs of one call are clustered
together (``generator.cluster``), so reports of one event given together share it.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from generator.models import ENTITY_KINDS, Analysis, Article
from generator.settings import load_settings, validate_settings


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "analyze",
        help="analyse articles (raw .txt/.html or curated .md) and print the results",
        description="Analyse articles: language, topics with evidence, keywords, summary, "
        "entities. Raw files are ingested in memory first.",
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--no-cache", action="store_true", help="do not use the analysis cache")
    p.add_argument(
        "--dask",
        metavar="tcp://HOST:PORT",
        help="analyse on this Dask scheduler's cluster (needs the 'cluster' extra)",
    )
    p.set_defaults(run=run)


def result_record(path: str, a: Analysis, story: str | None = None) -> dict:
    """The stable JSON record of one analysed article."""
    ents: dict[str, list[str]] = {k: [] for k in ENTITY_KINDS}
    for e in a.text.entities:
        ents.setdefault(e.kind, []).append(e.name)
    return {
        "path": path,
        "id": a.article.id,
        "title": a.article.title,
        "date": a.article.date.isoformat() if a.article.date else None,
        "source": a.article.source,
        "language": a.text.language,
        "topics": [
            {
                "id": t.topic,
                "score": round(t.score, 4),
                "evidence": [{"term": e.term, "count": e.count} for e in t.evidence],
            }
            for t in a.topics
        ],
        "keywords": list(a.text.keywords),
        "summary": list(a.text.summary),
        "entities": {
            "people": ents.get("person", []),
            "organizations": ents.get("organization", []),
            "places": ents.get("place", []),
            "facilities": ents.get("facility", []),
        },
        "story": story,
    }


def load_article(path: Path, ictx) -> Article:
    """A curated .md is loaded as is; anything else goes through ingest in memory."""
    from generator.corpus import article_from_markdown
    from generator.ingest import ingest_path

    if path.suffix.lower() == ".md":
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            return article_from_markdown(text, str(path))
    return ingest_path(path, ictx)


def run(args: argparse.Namespace) -> int:
    from generator.analyse import analyse_corpus, load_context
    from generator.cache import AnalysisCache
    from generator.cluster import story_index
    from generator.ingest import load_ingest_context
    from generator.pipeline import cluster_stage

    settings = load_settings(args.config)
    ictx = load_ingest_context(settings)
    articles: list[Article] = []
    given: list[str] = []
    failed = 0
    for path in args.paths:
        try:
            articles.append(load_article(path, ictx))
            given.append(str(path))
        except Exception as exc:
            msg = str(exc) if str(path) in str(exc) else f"{path}: {exc}"
            print(f"digest analyze: {msg}", file=sys.stderr)
            failed += 1
    from generator.dask_engine import mapper_for

    if args.dask:
        settings = settings.replace(analysis=replace(settings.analysis, dask=args.dask))
        validate_settings(settings, "--dask")
    ctx = load_context(settings)
    cache = None if args.no_cache else AnalysisCache(settings.cache_location())
    result = analyse_corpus(
        articles, ctx, cache=cache, workers=settings.analysis.workers, mapper=mapper_for(settings)
    )
    analyses, stories = cluster_stage(
        tuple({a.id: a for a in result.analyses}.values()), ctx, settings, use_cache=False
    )
    story_of = story_index(stories)
    by_id = {a.id: a for a in analyses}
    result_analyses = [by_id[a.id] for a in result.analyses]
    for path, a in zip(given, result_analyses, strict=True):
        rec = result_record(path, a, story_of.get(a.id))
        if args.json:
            print(json.dumps(rec, ensure_ascii=False))
        else:
            print(
                f"{path}\n  {rec['title']}  [{rec['language']}, {rec['date'] or 'undated'}, "
                f"{rec['source'] or 'unknown source'}]"
            )
            for t in rec["topics"]:
                ev = ", ".join(f"{e['term']}×{e['count']}" for e in t["evidence"])
                print(f"  topic {t['id']} {t['score']:.2f}: {ev}")
            print(f"  keywords: {', '.join(rec['keywords'])}")
            print(f"  story: {rec['story']}")
            for s in rec["summary"]:
                print(f"  > {s}")
    return 1 if failed else 0
