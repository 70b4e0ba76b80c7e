"""Time-causal related articles and corpus keywords on real reports (realset dev, Russian).

An article page lists earlier related coverage, scored with document frequencies of the
articles dated on or before it, and its keywords are reranked the same way: so a weekly
rebuild that adds later news leaves the older pages as they were.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path

import pytest
import yaml
from factories import TOPICS, analyse_files, project_settings_with_cache
from factories import settings as factory_settings

from generator.digest import group, related_articles, sort_analyses, with_corpus_keywords
from generator.models import Analysis, Article
from generator.nlp.keywords import IDF_MIN_ARTICLES
from generator.render.jsonexport import digest_json

DEV = Path(__file__).resolve().parent / "data" / "realset" / "dev"
CUT = dt.date(2025, 11, 10)  # the "earlier" corpus: up to this day; the rest came later


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Analysis, ...]:
    """The Russian dev reports with a labelled date (31, 2019-2025) and two undated ones,
    ingested and analysed in memory, date and language as labelled."""
    labels = yaml.safe_load((DEV / "labels.yaml").read_text(encoding="utf-8"))["articles"]
    ru = [e for e in labels if e["language"] == "ru" and not e["debris"]]
    chosen = [e for e in ru if e["date"]] + [e for e in ru if not e["date"]][:2]
    by_path = {DEV / e["path"]: e for e in chosen}

    def as_labelled(path: Path, article: Article) -> Article:
        e = by_path[path]
        return dataclasses.replace(article, date=e["date"], language=e["language"])

    settings = project_settings_with_cache(tmp_path_factory.mktemp("cache"))
    _ctx, analyses = analyse_files(settings, by_path, as_labelled)
    return tuple(analyses)


def _causal(analyses) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(related lists, reranked keywords) as the group stage computes them."""
    ordered = sort_analyses(with_corpus_keywords(analyses))
    return related_articles(ordered), {a.id: a.text.keywords for a in ordered}


def test_related_lists_hold_only_earlier_articles(corpus):
    related, _ = _causal(corpus)
    when = {a.id: a.article.date for a in corpus}
    listed = 0
    for aid, rel in related.items():
        if when[aid] is None:
            continue
        for other in rel:
            assert when[other] is not None
            assert (when[other], other) < (when[aid], aid), (aid, other)
            listed += 1
    assert listed >= 20  # real reports of the same events do relate
    # the undated ones are compared with every other article, dated or not
    undated = [a.id for a in corpus if a.article.date is None]
    assert len(undated) == 2 and any(related[u] for u in undated)
    assert not any(u in rel for aid, rel in related.items() if when[aid] for u in undated)


def test_later_articles_change_no_earlier_related_list_or_keywords(corpus):
    earlier = [a for a in corpus if a.article.date is not None and a.article.date <= CUT]
    later = [a for a in corpus if a.article.date is not None and a.article.date > CUT]
    assert len(earlier) >= IDF_MIN_ARTICLES and len(later) >= 5
    related_before, keywords_before = _causal(earlier)
    related_after, keywords_after = _causal(corpus)
    for a in earlier:
        assert related_after[a.id] == related_before[a.id], a.id
        assert keywords_after[a.id] == keywords_before[a.id], a.id
    # not vacuous: the later reports relate to earlier ones (a corpus-wide list would have
    # taken them in), and the corpus reranking does drop keywords of the earlier part
    assert sum(1 for a in later if related_after[a.id]) >= 3
    assert any(keywords_before[a.id] != a.text.keywords for a in earlier)


def test_same_digest_and_json_whatever_the_input_order(corpus):
    digest = group(corpus, TOPICS, factory_settings())
    shuffled = list(corpus)
    random.Random(7).shuffle(shuffled)
    again = group(shuffled, TOPICS, factory_settings())
    assert again == digest
    assert digest_json(again, factory_settings()) == digest_json(digest, factory_settings())
    assert group(tuple(reversed(corpus)), TOPICS, factory_settings()).related == digest.related


def _on(a: Analysis, day: dt.date, keywords: tuple[str, ...] | None = None) -> Analysis:
    """``a`` dated ``day`` (and with these keywords)."""
    text = a.text if keywords is None else dataclasses.replace(a.text, keywords=keywords)
    return dataclasses.replace(a, article=dataclasses.replace(a.article, date=day), text=text)


def test_keywords_of_a_day_ignore_the_rest_of_its_week(corpus):
    """Keyword document frequencies stop at the article's day, not at the end of its ISO
    week: reports arriving on Wednesday leave Monday's keyword lists as they were."""
    from collections import Counter

    from generator.nlp.keywords import IDF_MAX_SHARE, keyword_key, rerank_keywords

    dated = sorted((a for a in corpus if a.article.date), key=lambda a: (a.article.date, a.id))
    monday = [_on(a, dt.date(2025, 11, 10)) for a in dated[:IDF_MIN_ARTICLES]]
    df = Counter(keyword_key(k) for a in monday for k in set(a.text.keywords))
    # a real keyword of a few Monday reports: kept on Monday ...
    shared = next(
        k
        for a in monday
        for k in a.text.keywords
        if 2 <= df[keyword_key(k)] <= IDF_MAX_SHARE * len(monday)
    )
    # ... and in every report of Wednesday, where it becomes common
    wednesday = [
        _on(a, dt.date(2025, 11, 12), (shared, *a.text.keywords))
        for a in dated[IDF_MIN_ARTICLES:][:8]
    ]
    alone = rerank_keywords(monday)
    week = rerank_keywords([*wednesday, *monday])
    assert any(shared in alone[a.id] for a in monday)
    assert {a.id: week[a.id] for a in monday} == dict(alone)
    assert all(shared not in week[a.id] for a in wednesday)


@pytest.mark.parametrize(
    ("language", "earlier", "whole_story", "related"),
    [
        (
            "en",
            "## Earlier related coverage",
            "The whole story, later reports included: [",
            "## Related articles",
        ),
        (
            "ru",
            "## Ранее по теме",
            "Весь сюжет, включая более поздние сообщения: [",
            "## Похожие статьи",
        ),
    ],
)
def test_article_pages_say_earlier_coverage_and_link_the_story(
    language, earlier, whole_story, related
):
    """The seeds' pages in both interface languages: a dated report's list is headed as
    earlier coverage and its story page (later reports) is linked below it; the undated
    report keeps the plain heading (it is compared with every article)."""
    from factories import seed_digest
    from markupsafe import escape

    from generator.render.pages import build_pages, site_map

    digest = seed_digest()
    pages = build_pages(digest, factory_settings(language=language))
    stories = {s.id: s for s in digest.stories}
    with_page = site_map(digest).stories
    in_story = [
        a.id for a in digest.analyses if a.article.date and digest.story_of[a.id] in with_page
    ]
    assert in_story
    for a in digest.analyses:
        page = pages[f"articles/{a.id}.md"]
        if a.article.date is None:
            assert related in page and earlier not in page and whole_story not in page
            continue
        tail = page.split(earlier)[1]
        for other in digest.related[a.id]:
            assert f"]({other}.md)" in tail
        if a.id in in_story:
            title = escape(stories[digest.story_of[a.id]].title)
            assert f"{whole_story}{title}](../stories/" in tail
        else:
            assert whole_story not in page
