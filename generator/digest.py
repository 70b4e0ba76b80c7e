"""Group the analysed corpus into a ``Digest``: topics, ISO weeks, entities, sources, stories.

``group`` needs the whole corpus at once (unlike ``analyse``). Everything here is pure and
deterministic: every list is sorted with a total order (ties broken by id or name), so the
same analyses give the same ``Digest`` whatever order they arrive in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from generator import trends
from generator.cluster import (
    ClusterContext,
    cluster,
    duplicate_groups,
    rank_stories,
    story_index,
)
from generator.models import (
    Analysis,
    Citation,
    Digest,
    EntityGroup,
    RisingTerm,
    SourceGroup,
    Story,
    Topic,
    TopicGroup,
    WeekGroup,
)
from generator.nlp.keywords import rerank_keywords
from generator.nlp.summary import (
    DEFAULT_LANGUAGE_DIR,
    OverviewCandidate,
    load_openers,
    overview,
    summary_units,
)
from generator.render.slugs import SlugRegistry
from generator.settings import Settings

TOP_KEYWORDS = 15
TOP_ENTITIES = 15
TOP_RISING = 10
RELATED_MAX = 5
RELATED_MIN_SCORE = 2.0
# A feature shared by more earlier articles than this links nothing (as Lucene's MoreLikeThis
# ``maxDocFreq``): it keeps each article's candidates bounded, so the sweep stays linear in
# the corpus. On the labelled tuning splits (1,766 articles) 100 against no bound moves the
# share of related links that agree on the labelled topics from 0.726 to 0.723.
RELATED_MAX_DF = 100
# a topic's overview is drawn from its best-scored reports, this many at most: the work per
# topic stays bounded as the archive grows (the summary cites 5 sentences of them)
OVERVIEW_MAX_ARTICLES = 200
UNKNOWN_SOURCE = "unknown"


def sort_analyses(analyses: Iterable[Analysis]) -> tuple[Analysis, ...]:
    """Newest first, undated last, ties by id."""
    dated = sorted(
        (a for a in analyses if a.article.date is not None),
        key=lambda a: (-a.article.date.toordinal(), a.id),  # type: ignore[union-attr]
    )
    undated = sorted((a for a in analyses if a.article.date is None), key=lambda a: a.id)
    return (*dated, *undated)


def iso_week(day: dt.date) -> str:
    """ISO week label, e.g. ``2022-W01`` (the ISO year, which may differ from ``day.year``)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_bounds(week: str) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of an ISO week label."""
    year, num = week.split("-W")
    start = dt.date.fromisocalendar(int(year), int(num), 1)
    return start, start + dt.timedelta(days=6)


def keyword_key(keyword: str) -> str:
    """The identity of a keyword across articles: case-folded, ``ё`` folded to ``е``."""
    return keyword.casefold().replace("ё", "е")


def _count_keywords(members: Sequence[Analysis]) -> list[tuple[str, int]]:
    """Keywords by the number of articles that have them, then by rank weight, then text.

    The display form is the most common spelling (ties: alphabetical)."""
    docs: Counter[str] = Counter()
    weight: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for a in members:
        seen: set[str] = set()
        n = len(a.text.keywords)
        for rank, kw in enumerate(a.text.keywords):
            key = keyword_key(kw)
            if not key or key in seen:
                continue
            seen.add(key)
            docs[key] += 1
            weight[key] += n - rank
            forms[key][kw] += 1
    order = sorted(docs, key=lambda k: (-docs[k], -weight[k], k))
    return [(_display_form(forms[k]), docs[k]) for k in order]


def _display_form(forms: Counter[str]) -> str:
    return sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _count_entities(members: Sequence[Analysis]) -> list[tuple[str, str, int]]:
    """(name, kind, articles) by articles, then mentions, then name."""
    docs: Counter[tuple[str, str]] = Counter()
    mentions: Counter[tuple[str, str]] = Counter()
    for a in members:
        for e in a.text.entities:
            key = (e.name, e.kind)
            docs[key] += 1
            mentions[key] += e.count
    order = sorted(docs, key=lambda k: (-docs[k], -mentions[k], k))
    return [(name, kind, docs[(name, kind)]) for name, kind in order]


def topic_overview(
    members: Sequence[Analysis],
    topic_id: str | None,
    n: int,
    openers: Mapping[str, Sequence[re.Pattern[str]]] | None = None,
) -> tuple[Citation, ...]:
    """Multi-document summary (MMR) of the members' summary sentences, each citing its
    article; a sentence's weight is its article's topic score (all equal without a topic)
    lowered by its rank in the article's summary. A summary sentence that points back
    (``openers`` per language; default: the project's ``config/languages``) is cited
    together with its antecedent. With a topic, only its ``OVERVIEW_MAX_ARTICLES``
    best-scored members are read. Shared by topic pages and PDF briefs."""
    if not members or n <= 0:
        return ()
    if openers is None:
        openers = load_openers(DEFAULT_LANGUAGE_DIR, sorted({a.language for a in members}))
    scores = {a.id: _topic_score(a, topic_id) if topic_id else 1.0 for a in members}
    if topic_id and len(members) > OVERVIEW_MAX_ARTICLES:  # the topic's best-scored reports
        best = sorted(members, key=lambda a: (-scores[a.id], a.id))[:OVERVIEW_MAX_ARTICLES]
        keep = {a.id for a in best}
        members = [a for a in members if a.id in keep]
    top = max(scores.values()) or 1.0
    candidates = []
    for a in members:
        units = summary_units(
            a.text.summary, a.text.sentences, a.text.sentence_lemmas, openers.get(a.language, ())
        )
        for pos, (sentence, lemmas) in enumerate(units):
            weight = (scores[a.id] / top) / (1.0 + 0.25 * pos)
            candidates.append(OverviewCandidate(sentence, lemmas, a.id, round(weight, 9)))
    return tuple(overview(candidates, n))


def _topic_score(a: Analysis, topic_id: str) -> float:
    return next((m.score for m in a.topics if m.topic == topic_id), 0.0)


def _topic_groups(
    ordered: Sequence[Analysis], topics: Sequence[Topic], settings: Settings
) -> tuple[TopicGroup, ...]:
    openers = load_openers(settings.path(settings.language_data), settings.languages)
    out = []
    for topic in topics:
        members = [a for a in ordered if topic.id in a.topic_ids]
        out.append(
            TopicGroup(
                topic=topic,
                article_ids=tuple(a.id for a in members),
                overview=topic_overview(
                    members, topic.id, settings.analysis.overview_sentences, openers
                ),
                keywords=tuple(_count_keywords(members)[:TOP_KEYWORDS]),
                entities=tuple(_count_entities(members)[:TOP_ENTITIES]),
            )
        )
    return tuple(out)


def _doc_counts(members: Sequence[Analysis]) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Articles per keyword key and per entity ("e:kind:name"), with keyword spellings."""
    docs: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for a in members:
        keys: set[str] = set()
        for kw in a.text.keywords:
            key = keyword_key(kw)
            if key:
                forms[key][kw] += 1
                keys.add(f"k:{key}")
        keys.update(f"e:{e.kind}:{e.name}" for e in a.text.entities)
        docs.update(keys)
    return docs, forms


def _week_groups(ordered: Sequence[Analysis], topics: Sequence[Topic]) -> tuple[WeekGroup, ...]:
    """ISO weeks with articles, newest first, each with its rising keywords and entities
    (``generator.trends``: share of the week's articles against the trailing calendar
    weeks)."""
    by_week: dict[str, list[Analysis]] = defaultdict(list)
    for a in ordered:
        if a.article.date is not None:
            by_week[iso_week(a.article.date)].append(a)
    topic_order = [t.id for t in topics]
    counted = {w: _doc_counts(m) for w, m in by_week.items()}
    trend = trends.weekly_rising(
        {w: docs for w, (docs, _) in counted.items()}, {w: len(m) for w, m in by_week.items()}
    )
    out = []
    for week in sorted(by_week, reverse=True):
        members = by_week[week]
        counts = Counter(t for a in members for t in a.topic_ids)
        known = [(t, counts[t]) for t in topic_order if counts[t]]
        extra = sorted((t, c) for t, c in counts.items() if t not in topic_order)
        baseline, rises = trend[week]
        forms = counted[week][1]
        detail = []
        for r in rises:
            if r.key.startswith("k:"):
                label, kind = _display_form(forms[r.key[2:]]), "keyword"
            else:
                kind, label = r.key[2:].split(":", 1)
            detail.append(RisingTerm(label, kind, r.count, r.base_count, r.g2))
        keywords = [d for d in detail if d.kind == "keyword"][:TOP_RISING]
        entities = [d for d in detail if d.kind != "keyword"][:TOP_RISING]
        start, end = week_bounds(week)
        out.append(
            WeekGroup(
                week=week,
                start=start,
                end=end,
                article_ids=tuple(a.id for a in members),
                topic_counts=tuple(known + extra),
                keywords=tuple(_count_keywords(members)[:TOP_KEYWORDS]),
                rising=tuple(d.label for d in keywords),
                rising_entities=tuple((d.label, d.kind) for d in entities),
                rising_detail=tuple(keywords + entities),
                baseline_weeks=baseline.weeks,
                baseline_articles=baseline.articles,
            )
        )
    return tuple(out)


def _entity_groups(ordered: Sequence[Analysis], slugs: SlugRegistry) -> tuple[EntityGroup, ...]:
    members: dict[tuple[str, str], list[str]] = defaultdict(list)  # article ids
    mentions: Counter[tuple[str, str]] = Counter()
    week_of: dict[str, str] = {}
    for a in ordered:
        aid = a.id
        if a.article.date is not None:
            week_of[aid] = iso_week(a.article.date)
        for e in a.text.entities:
            key = (e.name, e.kind)
            ids = members[key]
            if not ids or ids[-1] != aid:
                ids.append(aid)
            mentions[key] += e.count
    keys = sorted(members, key=lambda k: (-len(members[k]), -mentions[k], k))
    out = []
    for name, kind in keys:
        ids = members[(name, kind)]
        weeks = Counter(week_of[i] for i in ids if i in week_of)
        out.append(
            EntityGroup(
                name=name,
                kind=kind,
                slug=slugs.slug(f"{kind}-{name}"),
                article_ids=tuple(ids),
                mentions=mentions[(name, kind)],
                by_week=tuple(sorted(weeks.items())),
            )
        )
    return tuple(out)


def _source_groups(ordered: Sequence[Analysis], slugs: SlugRegistry) -> tuple[SourceGroup, ...]:
    members: dict[str, list[Analysis]] = defaultdict(list)
    for a in ordered:
        members[(a.article.source or "").strip() or UNKNOWN_SOURCE].append(a)
    names = sorted(members, key=lambda s: (-len(members[s]), s.casefold(), s))
    out = []
    for name in names:
        langs = Counter(a.language for a in members[name])
        out.append(
            SourceGroup(
                name=name,
                slug=slugs.slug(name, "source"),
                article_ids=tuple(a.id for a in members[name]),
                languages=tuple(sorted(langs.items(), key=lambda kv: (-kv[1], kv[0]))),
            )
        )
    return tuple(out)


def _features(a: Analysis) -> dict[str, float]:
    feats = {f"e:{e.kind}:{e.name}": 2.0 for e in a.text.entities}
    for kw in a.text.keywords:
        feats.setdefault(f"k:{keyword_key(kw)}", 1.0)
    return feats


def _causal_order(ordered: Sequence[Analysis]) -> list[list[Analysis]]:
    """The articles in publication order, one list per day (oldest day first, each day's
    articles by id); the undated articles last, as one group."""
    days: dict[dt.date | None, list[Analysis]] = defaultdict(list)
    for a in ordered:
        days[a.article.date].append(a)
    dated = sorted(d for d in days if d is not None)
    out = [sorted(days[d], key=lambda a: a.id) for d in dated]
    if None in days:
        out.append(sorted(days[None], key=lambda a: a.id))
    return out


def related_articles(ordered: Sequence[Analysis]) -> dict[str, tuple[str, ...]]:
    """Up to ``RELATED_MAX`` earlier related articles per article by shared entities and keywords.

    Score = sum of feature weights (entity 2, keyword 1) scaled by rarity (idf), so shared
    "Kazakhstan" counts less than a shared rare name. Time-causal, so that later news never
    rewrites an older article's list (a weekly rebuild leaves the older pages as they were):

    * a dated article is compared with the articles published before it (the same day:
      those with a smaller id), never with later or undated ones -- later coverage is reached
      through its story page;
    * its idf counts documents among the articles dated on or before its day (``n`` and
      document frequencies of that prefix of the corpus, the same for one day's articles);
      features in more than a tenth of that prefix (and at least 50 articles) are skipped,
      and so are those in more than ``RELATED_MAX_DF`` articles whatever the corpus size;
    * an undated article has no place in time: it is compared with every other article,
      with the statistics of the whole corpus (its list changes as the corpus grows).

    One sweep in date order with running document frequencies: the candidates for a
    feature are the start of its posting list (positions in date order), scores are summed
    in one array feature by feature in name order (the same additions in the same order as
    a sum per pair, so the same floating-point values), and only the few best are sorted.
    """
    import numpy as np

    days = _causal_order(ordered)
    sequence = [a for day in days for a in day]
    feats = {a.id: _features(a) for a in sequence}
    members: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(sequence):
        for f in feats[a.id]:
            members[f].append(i)
    postings = {f: np.array(where, dtype=np.intp) for f, where in members.items()}
    ids = [a.id for a in sequence]
    n_all = len(sequence)
    scores = np.zeros(n_all, dtype=np.float64)
    nothing = np.zeros(0, dtype=np.intp)
    df: Counter[str] = Counter()  # articles dated on or before the current day
    seen: Counter[str] = Counter()  # articles before the current one in date order
    out: dict[str, tuple[str, ...]] = {}
    i = 0
    for day in days:
        for a in day:
            df.update(feats[a.id].keys())
        undated = day[0].article.date is None
        n = i + len(day)
        cap = min(max(50, n // 10), RELATED_MAX_DF)
        for a in day:
            used = []
            for f, w in sorted(feats[a.id].items()):
                if df[f] > cap:
                    continue
                where = postings[f] if undated else postings[f][: seen[f]]
                used.append((where, w * (1.0 + math.log(n / df[f]))))
            for where, value in used:
                scores[where] += value
            # the candidates in date order, itself left out: as many as the postings read
            candidates = np.unique(np.concatenate([where for where, _ in used] or [nothing]))
            candidates = candidates[candidates != i]
            found = candidates[scores[candidates] >= RELATED_MIN_SCORE]
            if len(found) > RELATED_MAX:
                # the best by the unrounded score, with every near tie of the last one
                values = scores[found]
                last = np.partition(values, len(values) - RELATED_MAX)[len(values) - RELATED_MAX]
                found = found[values >= last - 1e-6]
            best = sorted(
                ((round(float(scores[j]), 9), ids[j]) for j in found),
                key=lambda so: (-so[0], so[1]),
            )
            out[a.id] = tuple(o for _, o in best[:RELATED_MAX])
            scores[candidates] = 0.0
            scores[i] = 0.0  # (an undated article's postings hold itself)
            seen.update(feats[a.id].keys())
            i += 1
    return {a.id: out[a.id] for a in ordered}


def with_corpus_keywords(analyses: Sequence[Analysis]) -> list[Analysis]:
    """The analyses with keywords common to much of the corpus dropped (corpus IDF:
    ``generator.nlp.keywords.rerank_keywords``)."""
    kept = rerank_keywords(analyses)
    return [
        a
        if kept[a.id] == a.text.keywords
        else dataclasses.replace(a, text=dataclasses.replace(a.text, keywords=kept[a.id]))
        for a in analyses
    ]


def group(
    analyses: Sequence[Analysis],
    taxonomy_topics: Sequence[Topic],
    settings: Settings,
    stories: Sequence[Story] | None = None,
) -> Digest:
    """Group analysed articles into topics, ISO weeks, entities, sources and languages.

    ``stories`` come from the cluster stage (``generator.cluster``); without them the
    articles are clustered here with the settings alone (no taxonomy concepts, no ids
    kept from a previous build). Near-identical copies are the stories' reprints."""
    ordered = sort_analyses(with_corpus_keywords(analyses))
    ids = [a.id for a in ordered]
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise ValueError(f"duplicate article ids: {', '.join(dup)}")
    if stories is None:
        stories = cluster(
            ordered, settings.stories, ClusterContext(interface_language=settings.site.language)
        )
    stories = rank_stories(stories)
    languages = Counter(a.language for a in ordered)
    return Digest(
        analyses=ordered,
        topics=_topic_groups(ordered, taxonomy_topics, settings),
        weeks=_week_groups(ordered, taxonomy_topics),
        entities=_entity_groups(ordered, SlugRegistry()),
        sources=_source_groups(ordered, SlugRegistry()),
        languages=tuple(sorted(languages.items(), key=lambda kv: (-kv[1], kv[0]))),
        undated_ids=tuple(a.id for a in ordered if a.article.date is None),
        related=related_articles(ordered),
        duplicates=duplicate_groups(stories),
        stories=stories,
        story_of=story_index(stories),
    )
