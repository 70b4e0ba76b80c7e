"""Plain frozen dataclasses passed between the pipeline stages.

load -> ``Article`` -> analyse -> ``Analysis`` -> group -> ``Digest`` -> render / briefs / JSON.
Nothing here does I/O; every stage takes and returns these values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ENTITY_KINDS = ("person", "organization", "place", "facility")
#: In ``Article.inferred``: the title is made from the article's lead (the page shows no
#: headline), not a headline found on the page. It goes with the title (``store.merge``).
LEAD_TITLE = "lead_title"


@dataclass(frozen=True)
class Article:
    """One curated article, as loaded from ``seeds/*.md`` (or ingested in memory).

    ``body`` is the clean article text: paragraphs separated by one blank line, each
    paragraph on one line, no headline, no page debris.
    """

    id: str
    title: str
    body: str
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    author: str | None = None
    origin: str | None = None
    path: str | None = None
    inferred: tuple[str, ...] = ()  # fields read from the text, not given; and LEAD_TITLE
    curated: tuple[str, ...] = ()
    note: str | None = None
    original: str | None = None  # a reprint: the outlet whose text it republishes

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p.strip()]


@dataclass(frozen=True)
class Evidence:
    """A taxonomy term that matched, with how often it matched."""

    term: str
    count: int


@dataclass(frozen=True)
class TopicMatch:
    topic: str
    score: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class EntityMention:
    """A canonical entity found in one article."""

    name: str  # canonical (English) name
    kind: str  # one of ENTITY_KINDS
    count: int = 1
    forms: tuple[str, ...] = ()  # surface forms seen in the text
    transliterated: bool = False  # the name is a transliteration, not an English name


@dataclass(frozen=True)
class TextAnalysis:
    """The expensive, topic-independent part of the analysis (cached by content hash).

    ``sentences`` are the clean sentences of the body in order; ``sentence_lemmas`` holds,
    for each sentence, its lemmatised word tokens (lower case, ``ё`` folded to ``е``).
    """

    language: str
    sentences: tuple[str, ...]
    sentence_lemmas: tuple[tuple[str, ...], ...]
    keywords: tuple[str, ...]
    summary: tuple[str, ...]
    entities: tuple[EntityMention, ...]
    title_lemmas: tuple[str, ...] = ()


@dataclass(frozen=True)
class Analysis:
    """Everything the digest knows about one article."""

    article: Article
    text: TextAnalysis
    topics: tuple[TopicMatch, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def language(self) -> str:
        return self.text.language

    @property
    def topic_ids(self) -> tuple[str, ...]:
        return tuple(t.topic for t in self.topics)


@dataclass(frozen=True)
class Citation:
    """A sentence of a multi-document summary with the article it came from."""

    sentence: str
    article_id: str


@dataclass(frozen=True)
class Topic:
    """A taxonomy entry as the renderer needs it (display data only)."""

    id: str
    title_en: str
    title_ru: str
    description: str


@dataclass(frozen=True)
class TopicGroup:
    topic: Topic
    article_ids: tuple[str, ...]  # newest first, undated last
    overview: tuple[Citation, ...] = ()
    keywords: tuple[tuple[str, int], ...] = ()  # (keyword, weight) best first
    entities: tuple[tuple[str, str, int], ...] = ()  # (name, kind, articles) best first


@dataclass(frozen=True)
class RisingTerm:
    """A keyword or entity whose share of a week's articles rose against the baseline."""

    label: str  # the keyword's display form or the entity's canonical name
    kind: str  # "keyword" or an entity kind
    count: int  # articles this week that have it
    base_count: int  # articles in the baseline that have it
    g2: float  # log-likelihood ratio


@dataclass(frozen=True)
class WeekGroup:
    week: str  # ISO week, e.g. "2022-W01"
    start: dt.date
    end: dt.date
    article_ids: tuple[str, ...]
    topic_counts: tuple[tuple[str, int], ...] = ()
    keywords: tuple[tuple[str, int], ...] = ()
    rising: tuple[str, ...] = ()  # keywords that rose against the baseline (generator/trends.py)
    rising_entities: tuple[tuple[str, str], ...] = ()  # (name, kind) that rose likewise
    rising_detail: tuple[RisingTerm, ...] = ()  # keywords then entities, with their counts
    baseline_weeks: tuple[str, ...] = ()  # the trailing calendar weeks compared with
    baseline_articles: int = 0  # articles in those weeks


@dataclass(frozen=True)
class EntityGroup:
    name: str
    kind: str
    slug: str
    article_ids: tuple[str, ...]
    mentions: int
    by_week: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class SourceGroup:
    name: str
    slug: str
    article_ids: tuple[str, ...]
    languages: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Story:
    """The coverage of one event: reports across outlets and languages.

    Built by the cluster stage (``generator/cluster.py``) after analysis. ``id`` is stable
    across rebuilds and when new reports join; ``article_ids`` are in report order (first
    report first: date, then id). ``reprints`` pairs a near-duplicate report with the report
    it copies (both outlets are kept).
    """

    id: str
    title: str
    article_ids: tuple[str, ...]
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    topics: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    summary: tuple[Citation, ...] = ()
    reprints: tuple[tuple[str, str], ...] = ()  # (reprint id, original id)


@dataclass(frozen=True)
class Digest:
    """The whole analysed corpus, grouped. Built once, then rendered many ways."""

    analyses: tuple[Analysis, ...]  # newest first, undated last, ties by id
    topics: tuple[TopicGroup, ...]
    weeks: tuple[WeekGroup, ...]  # newest first
    entities: tuple[EntityGroup, ...]
    sources: tuple[SourceGroup, ...]
    languages: tuple[tuple[str, int], ...]
    undated_ids: tuple[str, ...] = ()
    related: dict[str, tuple[str, ...]] = field(default_factory=dict)
    duplicates: tuple[tuple[str, ...], ...] = ()  # groups of near-identical articles
    stories: tuple[Story, ...] = ()  # ranked: most distinct sources/languages, then newest
    story_of: dict[str, str] = field(default_factory=dict)  # article id -> story id

    def by_id(self) -> dict[str, Analysis]:
        return {a.id: a for a in self.analyses}


@dataclass(frozen=True)
class Problem:
    """One problem with an input file or the config: always names the file."""

    path: str
    message: str
    field: str | None = None
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.path}: {self.field}" if self.field else self.path
        return f"{where}: {self.severity}: {self.message}"
