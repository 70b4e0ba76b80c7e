"""Stories as the render layer and the briefs see them.

The cluster stage fills ``Digest.stories`` (ranked) and ``Digest.story_of``. When it did not
run (clustering off, or an empty ``stories``), or left some article outside every story, each
such article is a story of its own: ``stories_or_singletons`` is the one place that decides
this, so pages and briefs always work on stories and show every article exactly once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.models import Analysis, Digest, Story


def singleton_story(a: Analysis) -> Story:
    """An article as a story of its own (its id prefixed, so it never clashes with a cluster's)."""
    return Story(
        id=f"a-{a.id}",
        title=a.article.title,
        article_ids=(a.id,),
        first_seen=a.article.date,
        last_seen=a.article.date,
        topics=a.topic_ids,
        sources=(a.article.source,) if a.article.source else (),
        languages=(a.language,) if a.language else (),
    )


def rank_key(story: Story) -> tuple[int, int, int, str]:
    """Most distinct outlets, then languages, then the latest report first; ties by id."""
    last = story.last_seen.toordinal() if story.last_seen else 0
    return (-len(story.sources), -len(story.languages), -last, story.id)


def stories_or_singletons(digest: Digest) -> tuple[Story, ...]:
    """The digest's ranked stories, then every article no story holds as a story of its own.

    Each article of the digest is in exactly one returned story (a report claimed by two
    stories stays in the first, ranked higher); ids of the digest's articles only.
    """
    known = {a.id for a in digest.analyses}
    seen: set[str] = set()
    out: list[Story] = []
    for story in digest.stories:
        ids = tuple(i for i in story.article_ids if i in known and i not in seen)
        if not ids:
            continue
        seen.update(ids)
        out.append(story if ids == story.article_ids else _with_reports(story, ids))
    rest = [singleton_story(a) for a in digest.analyses if a.id not in seen]
    out.extend(sorted(rest, key=rank_key))
    return tuple(out)


def _with_reports(story: Story, ids: tuple[str, ...]) -> Story:
    from dataclasses import replace

    keep = set(ids)
    return replace(
        story,
        article_ids=ids,
        summary=tuple(c for c in story.summary if c.article_id in keep),
        reprints=tuple(p for p in story.reprints if p[0] in keep and p[1] in keep),
    )


@dataclass(frozen=True)
class StoryCounts:
    """How much coverage a set of reports is: reports, distinct outlets, distinct languages."""

    reports: int
    outlets: int
    languages: int


def counts(reports: Sequence[Analysis]) -> StoryCounts:
    return StoryCounts(
        reports=len(reports),
        outlets=len({(a.article.source or "").strip() for a in reports if a.article.source}),
        languages=len({a.language for a in reports if a.language}),
    )


def story_index(stories: Iterable[Story]) -> dict[str, Story]:
    """Article id -> its story."""
    return {i: s for s in stories for i in s.article_ids}


def reports_in(story: Story, wanted: set[str] | frozenset[str]) -> tuple[str, ...]:
    """The story's reports that are in ``wanted`` (e.g. one week's or one topic's), in order."""
    return tuple(i for i in story.article_ids if i in wanted)


def primary_topic(story: Story, by_id: Mapping[str, Analysis], order: Sequence[str]) -> str | None:
    """The story's main topic: its first listed topic, else its reports' most frequent one."""
    if story.topics:
        return story.topics[0]
    seen: dict[str, int] = {}
    for i in story.article_ids:
        for t in by_id[i].topic_ids:
            seen[t] = seen.get(t, 0) + 1
    if not seen:
        return None
    rank = {t: n for n, t in enumerate(order)}
    return min(seen, key=lambda t: (-seen[t], rank.get(t, len(rank)), t))


@dataclass(frozen=True)
class LanguageCoverage:
    """How one language's outlets cover a story, against the story as a whole.

    ``keywords`` and ``entities`` are those most over-represented in this language's reports:
    the share of its reports that have the term minus the share of the other languages'
    reports that have it (positive only, best first; ties by the term).
    """

    language: str
    reports: tuple[str, ...]
    outlets: tuple[str, ...]
    keywords: tuple[str, ...]
    entities: tuple[tuple[str, str], ...]  # (name, kind)


def _distinct(
    inside: Sequence[frozenset[Any]], outside: Sequence[frozenset[Any]], n: int
) -> list[Any]:
    def share(docs: Sequence[frozenset[Any]], term: Any) -> float:
        return sum(1 for d in docs if term in d) / len(docs) if docs else 0.0

    terms = {t for d in inside for t in d}
    scored = [(share(inside, t) - share(outside, t), t) for t in terms]
    best = sorted((x for x in scored if x[0] > 0), key=lambda x: (-round(x[0], 9), str(x[1])))
    return [t for _, t in best[:n]]


def language_coverage(reports: Sequence[Analysis], n: int = 6) -> tuple[LanguageCoverage, ...]:
    """Per language of the reports (most reports first): its outlets and distinctive terms.

    Entities are canonical names, so they compare across languages; keywords are compared by
    their case- and ``ё``-folded form. With one language only, nothing is distinctive: the
    terms are then simply its most frequent ones.
    """
    from generator.digest import keyword_key

    by_lang: dict[str, list[Analysis]] = {}
    for a in reports:
        by_lang.setdefault(a.language or "", []).append(a)
    kws = {a.id: frozenset(keyword_key(k) for k in a.text.keywords) for a in reports}
    ents = {a.id: frozenset((e.name, e.kind) for e in a.text.entities) for a in reports}
    display: dict[str, str] = {}
    for a in reports:
        for k in a.text.keywords:
            display.setdefault(keyword_key(k), k)
    out = []
    for lang in sorted(by_lang, key=lambda x: (-len(by_lang[x]), x)):
        mine = by_lang[lang]
        others = [a for a in reports if (a.language or "") != lang]
        outlets = sorted({a.article.source for a in mine if a.article.source}, key=str.casefold)
        out.append(
            LanguageCoverage(
                language=lang,
                reports=tuple(a.id for a in mine),
                outlets=tuple(outlets),
                keywords=tuple(
                    display[k]
                    for k in _distinct([kws[a.id] for a in mine], [kws[a.id] for a in others], n)
                ),
                entities=tuple(
                    _distinct([ents[a.id] for a in mine], [ents[a.id] for a in others], n)
                ),
            )
        )
    return tuple(out)
