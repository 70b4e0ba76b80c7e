"""Build the whole page set of the site in memory: {relative path: Markdown text}.

All choosing, sorting, truncating, counting and linking happens here; the Jinja2 templates
in ``templates/*.md.j2`` only display the finished values. Every ``{{ }}`` in a template is
escaped by ``safe.md_text`` unless the value is ``safe.Trusted`` (built by this module).
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import yaml

from generator.models import (
    LEAD_TITLE,
    Analysis,
    Digest,
    EntityGroup,
    RisingTerm,
    SourceGroup,
    Story,
    TopicGroup,
    WeekGroup,
)
from generator.render.english import (
    EnglishData,
    key_entities,
    named,
    original_name,
    what_line,
)
from generator.render.feed import feed_path, is_breaking
from generator.render.pagecache import RenderedPages
from generator.render.safe import (
    Trusted,
    external_link,
    front_matter,
    md_text,
    paragraphs_html,
    plain_label,
)
from generator.render.slugs import SlugRegistry, slugify
from generator.render.stories import counts, primary_topic, stories_or_singletons
from generator.settings import SAFE_LOADER, Settings
from generator.sources import SourceRegistry, load_sources

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
HOME_TOP = 10  # "Top stories this week" on the home page
HOME_MORE = 5  # further stories per topic on the home page (one line each)
TOPIC_TOP = 10  # story cards on a topic page
TOPIC_LIST = 100  # further stories listed on a topic page (the rest: weeks and timeline)
WEEK_CARDS = 50  # story cards on a week page (the rest one line each)
YEAR_TOP = 20  # top stories listed on a year page (the rest: its weeks)
CARD_REPORTS = 5  # reports listed on a story card (all of them on the story page)
STORY_SUMMARY = 5  # sentences of a story summary on its page
CARD_SUMMARY = 3  # sentences of a story summary on a card
DISTINCT_TERMS = 6  # keywords / entities shown per language on a story page
MAX_ENTITY_PAGES = 500  # entities with their own page, most frequent first
LIST_ITEMS = 100  # newest articles listed on a source page (keeps pages linear)
ENTITY_STORIES = 30  # newest stories listed on an entity page (the rest: its weeks)
ENTITY_WEEKS = 10  # busiest weeks listed under an entity's chart
TIMELINE_WEEKS = 26  # newest weeks of stories on the timeline (older ones: the year pages)
CARD_KEYWORDS = 6
CARD_ENTITIES = 4  # canonical entities (with their original names) on a story card
CARD_EVIDENCE = 6  # matched terms shown on a card ("why in this topic"); all on the article
PAGE_KEYWORDS = 15
TAGS_PER_ARTICLE = 8
UNKNOWN_OUTLET = "unknown"  # generator.digest.UNKNOWN_SOURCE: listed, but never given a page
MAX_DUPLICATES = 10  # near-identical stories listed on an article page
CHARTS_DIR = "assets/charts"
KIND_ORDER = ("person", "organization", "place", "facility")


# --------------------------------------------------------------------------- views


@dataclass(frozen=True)
class Link:
    """A page link: label (third-party text, escaped on output) and a trusted href."""

    label: str
    href: Trusted

    @property
    def md(self) -> Trusted:
        """The Markdown link, or the escaped label alone when the target has no page."""
        if not self.href:
            return Trusted(md_text(self.label))
        return Trusted(f"[{md_text(self.label)}]({self.href})")


@dataclass(frozen=True)
class Card:
    """One article as shown in a list: everything already chosen and formatted."""

    title: str
    href: Trusted
    date: str
    source: str
    language: str
    summary: tuple[str, ...]
    keywords: tuple[str, ...]
    why: tuple[tuple[str, int], ...] = ()
    score: str = ""
    what: str = ""
    entities: tuple[Link, ...] = ()
    mt: MachineTranslation | None = None

    @property
    def link(self) -> Trusted:
        return Link(self.title, self.href).md


@dataclass(frozen=True)
class MachineTranslation:
    """A title and summary sentences machine-translated to English (shown marked so)."""

    title: str
    summary: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chart:
    alt: str
    src: Trusted


@dataclass(frozen=True)
class Cited:
    """A summary sentence and the number and page of the report it comes from."""

    sentence: str
    number: int
    href: Trusted


@dataclass(frozen=True)
class ReportItem:
    """One report of a story: its number in the story, link, date, outlet, language."""

    number: int
    link: Link
    date: str
    source: str
    language: str
    reprint_of: int = 0  # number of the report it copies, 0 if none


@dataclass(frozen=True)
class StoryCard:
    """One story in a list. A one-report story shows its article like an article card."""

    title: str
    href: Trusted
    when: str
    counts: str
    meta: str
    topics: tuple[Link, ...]
    summary: tuple[Cited, ...]
    lead: tuple[str, ...]
    keywords: tuple[str, ...]
    reports: tuple[ReportItem, ...]
    more_reports: int
    why: tuple[tuple[str, int], ...] = ()
    what: str = ""
    entities: tuple[Link, ...] = ()
    mt: MachineTranslation | None = None

    @property
    def link(self) -> Trusted:
        return Link(self.title, self.href).md


@dataclass(frozen=True)
class StoryLine:
    when: str
    link: Link
    counts: str
    topics: tuple[Link, ...]
    what: str = ""


@functools.lru_cache(maxsize=65536)
def _relpath(target: str, start: str) -> str:
    """``posixpath.relpath`` is slow and called ~10^5 times per build: memoise it."""
    return posixpath.relpath(target, start)


@dataclass
class SiteMap:
    """Where every page lives (relative .md paths), fixed before any page is rendered."""

    articles: dict[str, str] = field(default_factory=dict)
    topics: dict[str, str] = field(default_factory=dict)
    weeks: dict[str, str] = field(default_factory=dict)
    years: dict[str, str] = field(default_factory=dict)  # ISO year -> its archive page
    entities: dict[tuple[str, str], str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    stories: dict[str, str] = field(default_factory=dict)  # stories of 2+ reports only
    charts: set[str] = field(default_factory=set)

    def link(self, page: str, target: str) -> Trusted:
        """Relative link from ``page`` to ``target`` (both relative to docs/)."""
        return Trusted(_relpath(target, posixpath.dirname(page) or "."))


def archive_years(digest: Digest) -> list[tuple[str, tuple[WeekGroup, ...]]]:
    """(ISO year, its weeks newest first), newest year first: the archive's yearly pages."""
    years: dict[str, list[WeekGroup]] = {}
    for w in digest.weeks:
        years.setdefault(w.week[:4], []).append(w)
    return [(y, tuple(ws)) for y, ws in sorted(years.items(), reverse=True)]


def site_map(digest: Digest, charts: set[str] | None = None) -> SiteMap:
    slugs = SlugRegistry()
    m = SiteMap(charts=set(charts or ()))
    for a in sorted(digest.analyses, key=lambda a: a.id):
        m.articles[a.id] = f"articles/{slugs.slug(a.id, 'article')}.md"
    for g in digest.topics:
        m.topics[g.topic.id] = f"topics/{slugify(g.topic.id, 'topic')}.md"
    for w in digest.weeks:
        m.weeks[w.week] = f"weeks/{slugify(w.week, 'week')}.md"
    for year, _ in archive_years(digest):
        m.years[year] = f"years/{year}.md"
    for e in digest.entities[:MAX_ENTITY_PAGES]:
        m.entities[(e.name, e.kind)] = f"entities/{e.slug}.md"
    for s in digest.sources:
        if s.name != UNKNOWN_OUTLET:
            m.sources[s.name] = f"sources/{s.slug}.md"
    story_slugs = SlugRegistry()
    for st in sorted(stories_or_singletons(digest), key=lambda st: st.id):
        if len(st.article_ids) > 1:  # a one-report story is its article page
            m.stories[st.id] = f"stories/{story_slugs.slug(st.id, 'story')}.md"
    return m


# --------------------------------------------------------------------------- labels


@functools.lru_cache(maxsize=4)
def load_labels(language: str, templates_dir: Path = TEMPLATES_DIR) -> dict[str, Any]:
    """Interface labels from ``templates/i18n/<language>.yml`` (English fills gaps)."""
    base = yaml.load(
        (templates_dir / "i18n" / "en.yml").read_text(encoding="utf-8"), Loader=SAFE_LOADER
    )
    if language != "en":
        path = templates_dir / "i18n" / f"{language}.yml"
        base = {**base, **yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)}
    return base


# --------------------------------------------------------------------------- environment


def _finalize(value: Any) -> Any:
    """Escape every value printed by a template unless our code marked it Trusted."""
    if value is None:
        return ""
    if isinstance(value, Trusted):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    return md_text(value)


BYTECODE_FOLDER = "jinja-pages"  # the compiled page templates, beside the render's cache


def make_environment(
    templates_dir: Path = TEMPLATES_DIR, bytecode_dir: Path | None = None
) -> jinja2.Environment:
    """The pages' Jinja environment; with ``bytecode_dir``, templates compiled by an earlier
    build are loaded from there (Jinja's bytecode cache, keyed by each template's source and
    the Python version) instead of compiled again (0.1-0.2 s a build)."""
    cache = None
    if bytecode_dir is not None:
        try:
            bytecode_dir.mkdir(parents=True, exist_ok=True)
            cache = jinja2.FileSystemBytecodeCache(str(bytecode_dir))
        except OSError:
            cache = None  # compiled again: no harm
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=False,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=cache,
    )


# --------------------------------------------------------------------------- builders


@dataclass
class _Ctx:
    digest: Digest
    settings: Settings
    labels: dict[str, Any]
    smap: SiteMap
    by_id: dict[str, Analysis]
    topic_titles: dict[str, str]
    topic_order: dict[str, int]
    topic_short: dict[str, str]
    topic_en: dict[str, str] = field(default_factory=dict)
    downloads: frozenset[str] = frozenset()
    stories: tuple[Story, ...] = ()
    story_of: dict[str, Story] = field(default_factory=dict)
    english: EnglishData = field(default_factory=EnglishData)
    gloss: Mapping[str, str] = field(default_factory=dict)  # keyword -> English
    translations: Mapping[str, str] = field(default_factory=dict)  # text -> English (MT)
    # memos of this build's pages: a story's lines are the same on every page showing it
    _what: dict[tuple, str] = field(default_factory=dict)
    _names: dict[tuple, tuple[tuple[str, str, str], ...]] = field(default_factory=dict)
    _concepts: dict[str, set[str]] = field(default_factory=dict)  # article id -> concepts
    lines: dict[tuple, Any] = field(default_factory=dict)  # an entity page's lines, once

    def what(self, reports: Sequence[Analysis], first: dt.date | None = None) -> str:
        """The one-line English "what" of reports (see generator.render.english)."""
        key = (tuple(a.id for a in reports), first)
        if key not in self._what:
            self._what[key] = what_line(reports, self.english, first, self._concepts)
        return self._what[key]

    def named_entities(
        self, page: str, reports: Sequence[Analysis], n: int = CARD_ENTITIES
    ) -> tuple[Link, ...]:
        """The reports' key canonical entities, each with its original name where it differs."""
        key = (tuple(a.id for a in reports), n)
        if key not in self._names:
            self._names[key] = tuple(
                (named(name, original_name(name, reports, self.english)), name, kind)
                for name, kind in key_entities(reports, n)
            )
        return tuple(
            Link(label, self.entity_link(page, name, kind).href)
            for label, name, kind in self._names[key]
        )

    def machine_translation(
        self, title: str, summary: Sequence[str], language: str | None
    ) -> MachineTranslation | None:
        """The English machine translation of a title and summary, if one was made."""
        if language == "en" or not self.translations:
            return None
        en_title = self.translations.get(title, "")
        en_summary = tuple(t for t in (self.translations.get(x) for x in summary) if t)
        if not en_title and not en_summary:
            return None
        return MachineTranslation(en_title, en_summary)

    outlets: SourceRegistry = field(default_factory=SourceRegistry)
    breaking: frozenset[str] = frozenset()  # ids of breaking stories
    tags: dict[str, list[str]] = field(default_factory=dict)  # article id -> tags

    def outlet(self, a: Analysis) -> str:
        """The article's outlet, or "outlet unknown"."""
        return a.article.source or self.labels["outlet_unknown"]

    def profile(self, name: str | None) -> dict[str, Any] | None:
        """The outlet profile of ``name`` for display, or None when the registry has none."""
        p = self.outlets.profile(name)
        if p is None:
            return None
        return {
            "country": p.country,
            "ownership": p.ownership,
            "affiliation": self.labels["affiliation_names"].get(p.affiliation, p.affiliation),
            "languages": ", ".join(self.lang_name(code) for code in p.languages),
            "reference": external_link(p.reference, urlsplit(p.reference).hostname or p.reference),
        }

    def feed(self, page: str) -> tuple[Trusted, str]:
        """(link from ``page`` to its Atom feed, the feed's path from the site root)."""
        path = feed_path(page)
        return self.smap.link(page, path), path

    def brief(self, page: str, topic: str | None = None, week: str | None = None) -> Trusted:
        """Relative link to the PDF brief of a topic or week, or "" when there is none."""
        try:
            from generator.briefs import BriefScope, brief_filename
        except ImportError:
            return Trusted("")
        path = f"briefs/{brief_filename(BriefScope(topic=topic, week=week))}"
        return self.smap.link(page, path) if path in self.downloads else Trusted("")

    def lang_name(self, code: str | None) -> str:
        if not code:
            return self.labels["unknown"]
        return self.labels["language_names"].get(code, code)

    def card(self, page: str, a: Analysis, topic_id: str | None = None) -> Card:
        why: tuple[tuple[str, int], ...] = ()
        score = ""
        if topic_id:
            match = next((m for m in a.topics if m.topic == topic_id), None)
            if match:
                why = tuple((e.term, e.count) for e in match.evidence[:CARD_EVIDENCE])
                score = format_score(match.score)
        return Card(
            title=a.article.title,
            href=self.smap.link(page, self.smap.articles[a.id]),
            date=a.article.date.isoformat() if a.article.date else self.labels["undated"],
            source=self.outlet(a),
            language=self.lang_name(a.language),
            summary=a.text.summary,
            keywords=a.text.keywords[:CARD_KEYWORDS],
            why=why,
            score=score,
            what=self.what([a]),
            entities=self.named_entities(page, [a]),
            mt=self.machine_translation(a.article.title, a.text.summary, a.language),
        )

    def article_link(self, page: str, article_id: str) -> Link:
        a = self.by_id[article_id]
        return Link(a.article.title, self.smap.link(page, self.smap.articles[article_id]))

    def topic_link(self, page: str, topic_id: str) -> Link:
        return Link(
            self.topic_titles.get(topic_id, topic_id),
            self.smap.link(page, self.smap.topics[topic_id])
            if topic_id in self.smap.topics
            else Trusted(""),
        )

    def week_link(self, page: str, week: str) -> Link:
        return Link(week, self.smap.link(page, self.smap.weeks[week]))

    def year_link(self, page: str, year: str) -> Link:
        return Link(year, self.smap.link(page, self.smap.years[year]))

    def entity_link(self, page: str, name: str, kind: str) -> Link:
        target = self.smap.entities.get((name, kind))
        return Link(name, self.smap.link(page, target) if target else Trusted(""))

    def story_href(self, page: str, story: Story) -> Trusted:
        """The story page, or the article page of a one-report story."""
        target = self.smap.stories.get(story.id) or self.smap.articles[story.article_ids[0]]
        return self.smap.link(page, target)

    def counts_text(
        self, reports: Sequence[str], whole: Story | None = None, languages: bool = True
    ) -> str:
        """``3 reports · 2 outlets · 2 languages`` (+ ``of 5 in the story`` when a part)."""
        n = counts([self.by_id[i] for i in reports])
        L = self.labels
        text = (
            f"{n.reports} {L['reports_one'] if n.reports == 1 else L['reports_many']} · "
            f"{n.outlets} {L['outlets_one'] if n.outlets == 1 else L['outlets_many']}"
        )
        if languages:
            many = L["languages_one"] if n.languages == 1 else L["languages_many"]
            text += f" · {n.languages} {many}"
        if whole is not None and len(whole.article_ids) > len(reports):
            text += f" ({L['of_story'].format(n=len(whole.article_ids))})"
        return text

    def report_item(self, page: str, story: Story, article_id: str) -> ReportItem:
        a = self.by_id[article_id]
        return ReportItem(
            number=story.article_ids.index(article_id) + 1,
            link=self.article_link(page, article_id),
            date=a.article.date.isoformat() if a.article.date else self.labels["undated"],
            source=self.outlet(a),
            language=self.lang_name(a.language),
        )

    def story_summary(
        self, page: str, story: Story, scope: Sequence[str], n: int = STORY_SUMMARY
    ) -> list[Cited]:
        """The story's summary sentences citing reports in ``scope``, ``[n]`` linked."""
        from generator.digest import topic_overview

        allowed = set(scope)
        cites = [c for c in story.summary if c.article_id in allowed]
        if not cites:
            members = [self.by_id[i] for i in scope]
            cites = list(topic_overview(members, None, n))
        return [
            Cited(
                c.sentence,
                story.article_ids.index(c.article_id) + 1,
                self.smap.link(page, self.smap.articles[c.article_id]),
            )
            for c in cites[:n]
        ]

    def topic_links(self, page: str, topic_ids: Sequence[str]) -> list[Link]:
        """Topic links by short title, with the English title where that differs."""
        return [
            Link(self.topic_english(t), self.smap.link(page, self.smap.topics[t]))
            for t in topic_ids
            if t in self.smap.topics
        ]

    def topic_english(self, topic_id: str) -> str:
        """The topic's short title, followed by its English title where that differs."""
        short = self.topic_short.get(topic_id, topic_id)
        en = self.topic_en.get(topic_id, short)
        return short if en == short else f"{short} ({en})"

    def story_topics(self, story: Story, scope: Sequence[str]) -> list[str]:
        """The story's topics (its own, else its reports'), in taxonomy order."""
        found = set(story.topics) or {t for i in scope for t in self.by_id[i].topic_ids}
        return sorted(found, key=lambda t: (self.topic_order.get(t, 10**6), t))

    def story_card(
        self, page: str, story: Story, scope: Sequence[str], topic_id: str | None = None
    ) -> StoryCard:
        """A story in a list, showing only its reports in ``scope`` (a week's, a topic's)."""
        first = self.by_id[scope[0]]
        when = self._story_when(scope)
        single = len(story.article_ids) == 1
        reports = [self.by_id[i] for i in scope]
        summary = tuple(self.story_summary(page, story, scope, CARD_SUMMARY)) if not single else ()
        title = story.title if not single else first.article.title
        mt = self.machine_translation(
            title,
            first.text.summary if single else [s.sentence for s in summary],
            first.language if single else _story_language(story, reports),
        )
        return StoryCard(
            title=title,
            href=self.story_href(page, story),
            when=when,
            counts=self._story_counts(story, scope) if not single else "",
            meta="" if not single else self._report_meta(first),
            topics=tuple(self.topic_links(page, self.story_topics(story, scope))),
            summary=summary,
            lead=first.text.summary if single else (),
            keywords=first.text.keywords[:CARD_KEYWORDS] if single else (),
            reports=tuple(self.report_item(page, story, i) for i in scope[:CARD_REPORTS])
            if not single
            else (),
            more_reports=max(0, len(scope) - CARD_REPORTS) if not single else 0,
            why=self.card(page, first, topic_id).why if single and topic_id else (),
            what=self.what(reports),
            entities=self.named_entities(page, reports),
            mt=mt,
        )

    def story_line(self, page: str, story: Story, scope: Sequence[str]) -> StoryLine:
        """A story in one line: dates, title link, counts (or outlet and language), topics.
        The fields of ``story_card`` it shows, without the card's summary, reports and
        entities (the timeline shows every story in a line)."""
        first = self.by_id[scope[0]]
        single = len(story.article_ids) == 1
        return StoryLine(
            when=self._story_when(scope),
            link=Link(
                story.title if not single else first.article.title, self.story_href(page, story)
            ),
            counts=(self._story_counts(story, scope) if not single else "")
            or (self._report_meta(first) if single else ""),
            topics=tuple(self.topic_links(page, self.story_topics(story, scope))),
            what=self.what([self.by_id[i] for i in scope]),
        )

    def _story_when(self, scope: Sequence[str]) -> str:
        """The first and last dates of the reports in ``scope`` ("undated" if none)."""
        dates = sorted(self.by_id[i].article.date for i in scope if self.by_id[i].article.date)
        when = self.labels["undated"]
        if dates:
            when = dates[0].isoformat()
            if dates[-1] != dates[0]:
                when += f" – {dates[-1].isoformat()}"
        return when

    def _story_counts(self, story: Story, scope: Sequence[str]) -> str:
        """A story's counts in ``scope``, and "breaking" when it is."""
        breaking = f" · {self.labels['breaking']}" if story.id in self.breaking else ""
        return self.counts_text(scope, story) + breaking

    def _report_meta(self, a: Analysis) -> str:
        """A single report's outlet and language."""
        return f"{self.outlet(a)} · {self.lang_name(a.language)}"

    def chart(self, page: str, file: str, alt_key: str, **fmt: str) -> Chart | None:
        """The chart ``file`` if the build drew it; alt text from the labels."""
        path = f"{CHARTS_DIR}/{file}"
        if path not in self.smap.charts:
            return None
        return Chart(str(self.labels[alt_key]).format(**fmt), self.smap.link(page, path))

    def rising(self, page: str, w: WeekGroup) -> dict[str, Any]:
        """The week's rising keywords and entities, with their counts and the baseline."""
        from generator import trends

        base = trends.Baseline(w.baseline_weeks, w.baseline_articles)
        n = len(w.article_ids)

        def counts(d: RisingTerm) -> str:
            return f"{d.count}/{n} vs {d.base_count}/{base.articles}"

        if not base.articles:
            note = str(self.labels["rising_no_baseline"]).format(n=len(base.weeks), span=base.span)
        else:
            note = str(self.labels["rising_baseline"]).format(
                n=len(base.weeks),
                span=base.span,
                articles=base.articles,
                g2=trends.MIN_G2,
                min=trends.MIN_COUNT,
            )
        return {
            "keywords": [(d.label, counts(d)) for d in w.rising_detail if d.kind == "keyword"],
            "entities": [
                (self.entity_link(page, d.label, d.kind), counts(d))
                for d in w.rising_detail
                if d.kind != "keyword"
            ],
            "note": note,
            "compared": bool(base.articles),
        }


def _story_language(story: Story, reports: Sequence[Analysis]) -> str | None:
    """ "en" when every report is English (nothing to translate), else None."""
    return "en" if reports and all(a.language == "en" for a in reports) else None


def format_score(score: float) -> Trusted:
    """A topic score for display: at most two decimals, no trailing zeros (0.82, 38)."""
    text = f"{score:.2f}".rstrip("0").rstrip(".")
    return Trusted(text or "0")


def _topic_title(g: TopicGroup) -> str:
    if g.topic.title_ru and g.topic.title_ru != g.topic.title_en:
        return f"{g.topic.title_en} · {g.topic.title_ru}"
    return g.topic.title_en


def _title_fm(title: str, **extra: Any) -> Trusted:
    return front_matter({"title": plain_label(title), **extra})


def _page_common(c: _Ctx, page: str) -> dict[str, Any]:
    return {"L": c.labels, "site": c.settings.site, "page": page, "gloss": c.gloss}


def _scoped(c: _Ctx, wanted: set[str]) -> list[tuple[Story, tuple[str, ...]]]:
    """Ranked stories with reports in ``wanted``, each with those reports (in story order)."""
    out = []
    for st in c.stories:
        ids = tuple(i for i in st.article_ids if i in wanted)
        if ids:
            out.append((st, ids))
    return out


def _scoped_weeks(c: _Ctx) -> dict[str, list[tuple[Story, tuple[str, ...]]]]:
    """``_scoped`` of every week's articles at once: {week: [(story, its reports of the
    week)]}, in one pass over the stories instead of one per week."""
    week_of = {i: w.week for w in c.digest.weeks for i in w.article_ids}
    out: dict[str, list[tuple[Story, tuple[str, ...]]]] = {w.week: [] for w in c.digest.weeks}
    for st in c.stories:
        mine: dict[str, list[str]] = {}
        for i in st.article_ids:
            if i in week_of:
                mine.setdefault(week_of[i], []).append(i)
        for week, ids in mine.items():
            out[week].append((st, tuple(ids)))
    return out


def home_page(c: _Ctx, front_week: str | None = None) -> dict[str, Any]:
    """This week's top stories, then each topic's other stories; every article at most once."""
    page = "index.md"
    d = c.digest
    if front_week is not None and front_week not in {w.week for w in d.weeks}:
        raise ValueError(
            f"no articles in week {front_week}; weeks with articles: "
            + (", ".join(w.week for w in d.weeks) or "none")
        )
    week = next((w for w in d.weeks if w.week == front_week), d.weeks[0] if d.weeks else None)
    in_week = set(week.article_ids) if week else {a.id for a in d.analyses}
    this_week = _scoped(c, in_week)
    top = this_week[:HOME_TOP]
    shown = {st.id for st, _ in top}
    top_ids = frozenset(shown)
    rest = this_week[HOME_TOP:]
    order = [g.topic.id for g in d.topics]
    sections = []
    for g in d.topics:
        tid = g.topic.id
        mine = [(st, ids) for st, ids in this_week if tid in c.story_topics(st, ids)]
        more = [
            (st, ids)
            for st, ids in rest
            if st.id not in shown and primary_topic(st, c.by_id, order) == tid
        ]
        shown.update(st.id for st, _ in more[:HOME_MORE])
        latest = None
        if not mine:
            # nothing this week: the topic's latest earlier story, so the section is never
            # empty; a past week's front page never shows later news
            members = set(g.article_ids)
            for st, ids in _scoped(c, members):
                dated = [c.by_id[i].article.date for i in ids]
                if st.id in shown or any(x is None for x in dated):
                    continue
                newest = max(dated)  # type: ignore[type-var]
                before = week is None or newest < week.start
                if before and (latest is None or newest > latest[2]):
                    latest = (st, ids, newest)
            if latest is not None:
                shown.add(latest[0].id)
        sections.append(
            {
                "title": _topic_title(g),
                "link": c.topic_link(page, tid),
                "count": len(mine),
                "all_top": bool(mine) and all(st.id in top_ids for st, _ in mine),
                "lines": [c.story_line(page, st, ids) for st, ids in more[:HOME_MORE]],
                "more": max(0, len(more) - HOME_MORE),
                "latest": c.story_line(page, latest[0], latest[1]) if latest else None,
            }
        )
    return {
        **_page_common(c, page),
        "fm": _title_fm(c.labels["home"]),
        "week": week,
        "week_link": c.week_link(page, week.week) if week else None,
        "week_count": len(week.article_ids) if week else len(d.analyses),
        "story_count": len(this_week),
        "week_topics": [(c.topic_link(page, t), n) for t, n in (week.topic_counts if week else ())],
        "rising": c.rising(page, week) if week else None,
        "top": [c.story_card(page, st, ids) for st, ids in top],
        "sections": sections,
        "total": len(d.analyses),
        "chart_week": c.chart(
            page, f"week-{slugify(week.week)}.svg", "chart_week_days", week=week.week
        )
        if week
        else None,
        "chart_all": c.chart(page, "topics-by-week.svg", "chart_topics_by_week"),
        "archive": c.smap.link(page, "weeks/index.md"),
        "undated": len(d.undated_ids),
        "timeline": c.smap.link(page, "timeline.md"),
    }


def topics_index(c: _Ctx) -> dict[str, Any]:
    page = "topics/index.md"
    rows = [
        {
            "link": c.topic_link(page, g.topic.id),
            "title": _topic_title(g),
            "description": g.topic.description,
            "count": len(g.article_ids),
        }
        for g in c.digest.topics
    ]
    return {
        **_page_common(c, page),
        "fm": _title_fm(c.labels["topics"]),
        "rows": rows,
        "chart": c.chart(page, "topics-by-week.svg", "chart_topics_by_week"),
    }


def topic_page(c: _Ctx, g: TopicGroup) -> dict[str, Any]:
    """The topic's overview, then its top stories, then its other stories newest first."""
    page = c.smap.topics[g.topic.id]
    weeks = []
    for w in c.digest.weeks:
        n = dict(w.topic_counts).get(g.topic.id, 0)
        if n:
            weeks.append((c.week_link(page, w.week), w.start.isoformat(), w.end.isoformat(), n))
    undated = sum(1 for i in g.article_ids if i in set(c.digest.undated_ids))
    stories = _scoped(c, set(g.article_ids))
    top = stories[:TOPIC_TOP]
    rest = sorted(stories[TOPIC_TOP:], key=lambda si: _newest_key(c, si[1]))
    feed, feed_root = c.feed(page)
    return {
        **_page_common(c, page),
        "fm": _title_fm(_topic_title(g), order=c.topic_order[g.topic.id], feed=feed_root),
        "feed": feed,
        "title": _topic_title(g),
        "topic": g.topic,
        "count": len(g.article_ids),
        "story_count": len(stories),
        "overview": [(cit.sentence, c.article_link(page, cit.article_id)) for cit in g.overview],
        "keywords": g.keywords,
        "entities": [
            (c.entity_link(page, n, k), c.labels.get(k, k), cnt) for n, k, cnt in g.entities
        ],
        "weeks": weeks,
        "undated": undated,
        "cards": [c.story_card(page, st, ids, g.topic.id) for st, ids in top],
        "lines": [c.story_line(page, st, ids) for st, ids in rest[:TOPIC_LIST]],
        "more": max(0, len(rest) - TOPIC_LIST),
        "timeline": c.smap.link(page, "timeline.md"),
        "brief": c.brief(page, topic=g.topic.id),
        "chart": c.chart(
            page,
            f"topic-{slugify(g.topic.id, 'topic')}.svg",
            "chart_topic_weeks",
            name=c.topic_short.get(g.topic.id, g.topic.id),
        ),
    }


def _newest_key(c: _Ctx, ids: Sequence[str]) -> tuple[int, str]:
    """Sort key: the latest report first, undated last, ties by the first report's id."""
    dates = [c.by_id[i].article.date for i in ids if c.by_id[i].article.date]
    return (-max(dates).toordinal() if dates else 0, ids[0])


def _keyword_key(keyword: str, language: str) -> str:
    """A keyword's identity across inflections: its words' lemmas, case-folded."""
    from generator.nlp.lemmas import get_lemmatizer
    from generator.nlp.tokens import words

    lem = get_lemmatizer(language)
    return " ".join(lem.lemma(w).casefold().replace("ё", "е") for w in words(keyword))


def article_tags(
    analyses: Sequence[Analysis], settings: Settings, gloss: Mapping[str, str] | None = None
) -> dict[str, list[str]]:
    """Tags per article: one tag per canonical entity (its English registry name, whatever
    the language, script or inflection of the text) and per keyword lemma; a keyword that
    is an alias of a registry entity becomes that entity's tag, and one the concept
    glossary glosses (``gloss``: keyword -> English) shares the tag of its English word
    (нефть / нафта / мұнай / oil: one tag "oil"). Tags carried by fewer than
    ``settings.alerts.tag_min_articles`` articles are dropped (a tags index of one-article
    tags is noise); at most TAGS_PER_ARTICLE per article, entities first."""
    from generator.nlp.entities import load_registry

    path = settings.path(settings.entities)
    registry = load_registry(path) if path.is_file() else None
    resolved: dict[tuple[str, str], tuple[str, str]] = {}
    forms: dict[str, dict[str, int]] = {}  # keyword key -> spelling -> articles
    per: dict[str, list[str]] = {}
    for a in analyses:
        keys: list[str] = []
        for e in sorted(a.text.entities, key=lambda e: (-e.count, e.name)):
            keys.append(f"e:{e.name}")
        for kw in a.text.keywords:
            if (kw, a.language) not in resolved:
                ent = registry.lookup(kw, a.language) if registry else None
                english = (gloss or {}).get(kw) if a.language != "en" else None
                if ent:
                    resolved[(kw, a.language)] = (f"e:{ent.name}", "")
                elif english:
                    resolved[(kw, a.language)] = (f"k:{_keyword_key(english, 'en')}", english)
                else:
                    resolved[(kw, a.language)] = (f"k:{_keyword_key(kw, a.language)}", kw)
            key, spelling = resolved[(kw, a.language)]
            if key == "k:":
                continue
            if spelling:
                label = plain_label(spelling)
                if not label:
                    continue
                forms.setdefault(key, {})
                forms[key][label] = forms[key].get(label, 0) + 1
            keys.append(key)
        per[a.id] = list(dict.fromkeys(keys))
    carried: dict[str, int] = {}
    for keys in per.values():
        for key in keys:
            carried[key] = carried.get(key, 0) + 1
    minimum = settings.alerts.tag_min_articles
    out: dict[str, list[str]] = {}
    for aid, keys in per.items():
        tags: list[str] = []
        for key in keys:
            if carried[key] < minimum:
                continue
            if key.startswith("e:"):
                label = plain_label(key[2:])
            else:  # the most common spelling, ties alphabetical
                label = min(forms[key].items(), key=lambda kv: (-kv[1], kv[0]))[0]
            if label and label.casefold() not in {t.casefold() for t in tags}:
                tags.append(label)
        out[aid] = tags[:TAGS_PER_ARTICLE]
    return out


def tags_page(c: _Ctx) -> dict[str, Any]:
    ctx = simple_page(c, "tags.md", "tags")
    ctx["tag_rule"] = c.labels["tags_rule"].format(n=c.settings.alerts.tag_min_articles)
    return ctx


def article_page(c: _Ctx, a: Analysis, extra: Callable[[Analysis], str] | None) -> dict[str, Any]:
    page = c.smap.articles[a.id]
    art = a.article
    week = None
    if art.date is not None:
        from generator.digest import iso_week

        label = iso_week(art.date)
        week = c.week_link(page, label) if label in c.smap.weeks else None
    entities = sorted(
        a.text.entities,
        key=lambda e: (KIND_ORDER.index(e.kind) if e.kind in KIND_ORDER else 9, -e.count, e.name),
    )
    topics = [
        (
            c.topic_link(page, m.topic),
            format_score(m.score),
            [(e.term, e.count) for e in m.evidence],
        )
        for m in a.topics
    ]
    duplicates = next((g for g in c.digest.duplicates if a.id in g), ())
    return {
        **_page_common(c, page),
        "fm": _title_fm(art.title, tags=c.tags.get(a.id, [])),
        "title": art.title,
        "date": art.date.isoformat() if art.date else c.labels["undated"],
        "week": week,
        "source": c.outlet(a),
        "source_link": c.smap.link(page, c.smap.sources[art.source])
        if art.source and art.source in c.smap.sources
        else None,
        "profile": c.profile(art.source),
        "language": c.lang_name(a.language),
        "author": art.author,
        "lead_title": LEAD_TITLE in art.inferred,
        "original": external_link(art.url, c.labels["original"]) if art.url else None,
        "summary": a.text.summary,
        "keywords": a.text.keywords[:PAGE_KEYWORDS],
        "entities": [
            (
                Link(
                    named(e.name, original_name(e.name, [a], c.english)),
                    c.entity_link(page, e.name, e.kind).href,
                ),
                c.labels.get(e.kind, e.kind),
                e.count,
            )
            for e in entities
        ],
        "what": c.what([a]),
        "mt": c.machine_translation(art.title, a.text.summary, a.language),
        "topics": topics,
        "text": Trusted(paragraphs_html(art.body, a.language)),
        "related": [c.article_link(page, i) for i in c.digest.related.get(a.id, ())],
        "duplicates": [
            c.article_link(page, i) for i in [i for i in duplicates if i != a.id][:MAX_DUPLICATES]
        ],
        "duplicates_more": max(0, len(duplicates) - 1 - MAX_DUPLICATES),
        "story": _story_ref(c, page, a.id),
        "extra": Trusted(extra(a)) if extra else Trusted(""),
    }


def article_page_key(
    c: _Ctx, a: Analysis, extra: Callable[[Analysis], str] | None, cache: RenderedPages
) -> str:
    """The key of ``a``'s page in the cache of rendered pages: everything ``article_page``
    and its template read (see ``render.pagecache``)."""
    from generator.digest import iso_week

    art = a.article
    week = c.smap.weeks.get(iso_week(art.date)) if art.date is not None else None
    duplicates = next((g for g in c.digest.duplicates if a.id in g), ())
    story = c.story_of.get(a.id)
    story_ref = None
    if story is not None and story.id in c.smap.stories:
        story_ref = (story.title, c.smap.stories[story.id], c.counts_text(story.article_ids))
    return cache.key(
        cache.analysis_hash(a),
        c.smap.articles[a.id],
        week,
        c.smap.sources.get(art.source) if art.source else None,
        [c.smap.entities.get((e.name, e.kind)) for e in a.text.entities],
        [(c.topic_titles.get(m.topic), c.smap.topics.get(m.topic)) for m in a.topics],
        [(c.by_id[i].article.title, c.smap.articles[i]) for i in c.digest.related.get(a.id, ())],
        [(i, c.by_id[i].article.title, c.smap.articles[i]) for i in duplicates],
        story_ref,
        c.tags.get(a.id, []),
        [c.gloss.get(k) for k in a.text.keywords],
        f"{extra.__module__}.{extra.__qualname__}" if extra is not None else None,
    )


def _story_ref(c: _Ctx, page: str, article_id: str) -> tuple[Link, str] | None:
    """("part of story" link, counts) for a report of a story with a page, else None."""
    story = c.story_of.get(article_id)
    if story is None or story.id not in c.smap.stories:
        return None
    return Link(story.title, c.story_href(page, story)), c.counts_text(story.article_ids)


def _week_row(
    c: _Ctx, page: str, w: WeekGroup, topic_ids: Sequence[str]
) -> tuple[Link, str, str, int, list[int]]:
    counts = dict(w.topic_counts)
    return (
        c.week_link(page, w.week),
        w.start.isoformat(),
        w.end.isoformat(),
        len(w.article_ids),
        [counts.get(t, 0) for t in topic_ids],
    )


def weeks_index(c: _Ctx) -> dict[str, Any]:
    """The archive: one row per year (its page lists its weeks), then the newest year's
    weeks, so the page stays short however many years the archive holds."""
    page = "weeks/index.md"
    topic_ids = [g.topic.id for g in c.digest.topics]
    years = archive_years(c.digest)
    year_rows = []
    for year, weeks in years:
        totals = [0] * len(topic_ids)
        for w in weeks:
            counts = dict(w.topic_counts)
            totals = [n + counts.get(t, 0) for n, t in zip(totals, topic_ids, strict=True)]
        year_rows.append(
            (
                c.year_link(page, year),
                len(weeks),
                sum(len(w.article_ids) for w in weeks),
                totals,
            )
        )
    latest = years[0] if years else None
    return {
        **_page_common(c, page),
        "fm": _title_fm(c.labels["archive"]),
        "topics": [Link(c.topic_short[t], c.smap.link(page, c.smap.topics[t])) for t in topic_ids],
        "years": year_rows,
        "latest": c.year_link(page, latest[0]) if latest else None,
        "rows": [_week_row(c, page, w, topic_ids) for w in latest[1]] if latest else [],
        "chart": c.chart(page, "topics-by-week.svg", "chart_topics_by_week"),
        "undated": [c.article_link(page, i) for i in c.digest.undated_ids],
    }


def year_page(c: _Ctx, year: str, weeks: Sequence[WeekGroup]) -> dict[str, Any]:
    """One ISO year of the archive: its figures, its top stories and all its weeks."""
    page = c.smap.years[year]
    topic_ids = [g.topic.id for g in c.digest.topics]
    ids = {i for w in weeks for i in w.article_ids}
    stories = _scoped(c, ids)
    totals: dict[str, int] = {}
    for w in weeks:
        for t, n in w.topic_counts:
            totals[t] = totals.get(t, 0) + n
    years = [y for y, _ in archive_years(c.digest)]
    i = years.index(year)
    newer = years[i - 1] if i > 0 else None
    older = years[i + 1] if i + 1 < len(years) else None
    return {
        **_page_common(c, page),
        "fm": _title_fm(f"{c.labels['year']} {year}"),
        "year": year,
        "start": min(w.start for w in weeks).isoformat(),
        "end": max(w.end for w in weeks).isoformat(),
        "count": len(ids),
        "week_count": len(weeks),
        "story_count": len(stories),
        "topic_counts": [
            (c.topic_link(page, t), totals[t])
            for t in sorted(totals, key=lambda t: (-totals[t], c.topic_order.get(t, 10**6), t))
        ],
        "top": [c.story_line(page, st, sids) for st, sids in stories[:YEAR_TOP]],
        "topics": [Link(c.topic_short[t], c.smap.link(page, c.smap.topics[t])) for t in topic_ids],
        "rows": [_week_row(c, page, w, topic_ids) for w in weeks],
        "newer": c.year_link(page, newer) if newer else None,
        "older": c.year_link(page, older) if older else None,
        "archive": c.smap.link(page, "weeks/index.md"),
    }


def week_page(
    c: _Ctx, w: WeekGroup, stories: Sequence[tuple[Story, tuple[str, ...]]] | None = None
) -> dict[str, Any]:
    """The week's stories, ranked; each shows its reports of this week (every article once).
    ``stories``: ``_scoped`` of the week's articles, when already known."""
    page = c.smap.weeks[w.week]
    if stories is None:
        stories = _scoped(c, set(w.article_ids))
    i = c.digest.weeks.index(w)
    newer = c.digest.weeks[i - 1].week if i > 0 else None
    older = c.digest.weeks[i + 1].week if i + 1 < len(c.digest.weeks) else None
    return {
        **_page_common(c, page),
        "fm": _title_fm(f"{c.labels['week']} {w.week}"),
        "w": w,
        "count": len(w.article_ids),
        "story_count": len(stories),
        "topic_counts": [(c.topic_link(page, t), n) for t, n in w.topic_counts],
        "keywords": w.keywords,
        "rising": c.rising(page, w),
        "cards": [c.story_card(page, st, ids) for st, ids in stories[:WEEK_CARDS]],
        "lines": [c.story_line(page, st, ids) for st, ids in stories[WEEK_CARDS:]],
        "newer": c.week_link(page, newer) if newer else None,
        "older": c.week_link(page, older) if older else None,
        "chart": c.chart(page, f"week-{slugify(w.week)}.svg", "chart_week_days", week=w.week),
        "archive": c.smap.link(page, "weeks/index.md"),
        "year": c.year_link(page, w.week[:4]),
        "brief": c.brief(page, week=w.week),
    }


def _timeline_item(c: _Ctx, page: str, a: Analysis) -> dict[str, Any]:
    return {
        "link": c.article_link(page, a.id),
        "date": a.article.date.isoformat() if a.article.date else "",
        "source": c.outlet(a),
        "language": c.lang_name(a.language),
        "topics": c.topic_links(page, a.topic_ids),
    }


def timeline_page(c: _Ctx) -> dict[str, Any]:
    """A timeline of stories: each story once, under the ISO week of its first report, for
    the newest ``TIMELINE_WEEKS`` weeks with a new story; older weeks are listed by year
    (their stories are on the week pages), so the page does not grow with the archive."""
    from generator.digest import iso_week

    page = "timeline.md"
    by_week: dict[str, list[StoryLine]] = {}
    undated: list[StoryLine] = []
    ordered = sorted(
        ((st, st.article_ids) for st in c.stories),
        key=lambda si: _first_key(c, si[1]),
    )
    first_week = {}
    for st, ids in ordered:
        dates = [c.by_id[i].article.date for i in ids if c.by_id[i].article.date]
        first_week[st.id] = iso_week(min(dates)) if dates else None
    shown = sorted({w for w in first_week.values() if w}, reverse=True)[:TIMELINE_WEEKS]
    keep = set(shown)
    for st, ids in ordered:
        week = first_week[st.id]
        if week is None:
            undated.append(c.story_line(page, st, ids))
        elif week in keep:
            by_week.setdefault(week, []).append(c.story_line(page, st, ids))
    weeks = [
        (c.week_link(page, w.week), w.start.isoformat(), w.end.isoformat(), by_week[w.week])
        for w in c.digest.weeks
        if w.week in by_week
    ]
    oldest = min(shown) if shown else ""
    older: dict[str, list[Link]] = {}
    for w in c.digest.weeks:
        if w.week < oldest:
            older.setdefault(w.week[:4], []).append(c.week_link(page, w.week))
    return {
        **_page_common(c, page),
        "fm": _title_fm(c.labels["timeline"]),
        "weeks": weeks,
        "older": [(c.year_link(page, y), links) for y, links in older.items()],
        "undated": undated,
        "chart": c.chart(page, "stories-by-week.svg", "chart_stories_by_week"),
    }


def _first_key(c: _Ctx, ids: Sequence[str]) -> tuple[int, str]:
    """Sort key: the newest first report first, undated last, ties by the first report's id."""
    dates = [c.by_id[i].article.date for i in ids if c.by_id[i].article.date]
    return (-min(dates).toordinal() if dates else 0, ids[0])


def story_page(c: _Ctx, story: Story) -> dict[str, Any]:
    """Full coverage of one story: summary, first report, reports by language and outlet with
    what sets each language's coverage apart, the story's timeline and its entities."""
    from generator.render.stories import language_coverage

    page = c.smap.stories[story.id]
    ids = story.article_ids
    reports = [c.by_id[i] for i in ids]
    originals = dict(story.reprints)

    def item(i: str) -> ReportItem:
        r = c.report_item(page, story, i)
        if i in originals and originals[i] in ids:
            r = ReportItem(
                r.number, r.link, r.date, r.source, r.language, ids.index(originals[i]) + 1
            )
        return r

    coverage = []
    for cov in language_coverage(reports, DISTINCT_TERMS):
        outlets: dict[str, list[ReportItem]] = {}
        for i in cov.reports:
            outlets.setdefault(c.outlet(c.by_id[i]), []).append(item(i))
        coverage.append(
            {
                "name": c.lang_name(cov.language),
                "counts": c.counts_text(cov.reports, languages=False),
                "outlets": sorted(outlets.items(), key=lambda kv: (-len(kv[1]), kv[0].casefold())),
                "keywords": cov.keywords,
                "entities": [c.entity_link(page, n, k) for n, k in cov.entities],
            }
        )
    single = len(coverage) == 1
    dated = sorted(ids, key=lambda i: (_date_ordinal(c.by_id[i]), ids.index(i)))
    entity_reports: dict[tuple[str, str], int] = {}
    for a in reports:
        for e in {(m.name, m.kind) for m in a.text.entities}:
            entity_reports[e] = entity_reports.get(e, 0) + 1
    entities = sorted(entity_reports.items(), key=lambda kv: (-kv[1], kv[0]))[:PAGE_KEYWORDS]
    first, last = story.first_seen, story.last_seen
    dates = [a.article.date for a in reports if a.article.date]
    first = first or (min(dates) if dates else None)
    last = last or (max(dates) if dates else None)
    when = c.labels["undated"]
    if first:
        when = first.isoformat() + (f" – {last.isoformat()}" if last and last != first else "")
    summary = c.story_summary(page, story, ids)
    mt = c.machine_translation(
        story.title, [s.sentence for s in summary], _story_language(story, reports)
    )
    feed, feed_root = c.feed(page)
    return {
        **_page_common(c, page),
        "fm": _title_fm(story.title, feed=feed_root),
        "title": story.title,
        "feed": feed,
        "breaking": story.id in c.breaking,
        "outlet_table": outlet_table(c, reports),
        "when": when,
        "counts": c.counts_text(ids),
        "topics": c.topic_links(page, c.story_topics(story, ids)),
        "summary": summary,
        "first": item(dated[0]),
        "first_summary": c.by_id[dated[0]].text.summary,
        "coverage": coverage,
        "one_language": c.labels["one_language"].format(language=coverage[0]["name"])
        if single
        else "",
        "timeline": [item(i) for i in dated],
        "entities": [
            (
                Link(
                    named(n, original_name(n, reports, c.english)),
                    c.entity_link(page, n, k).href,
                ),
                c.labels.get(k, k),
                cnt,
            )
            for (n, k), cnt in entities
        ],
        "what": c.what(reports, first),
        "mt": mt,
        "mt_sentences": {
            x.sentence: c.translations[x.sentence] for x in summary if x.sentence in c.translations
        }
        if mt
        else {},
        "first_mt": c.machine_translation(
            c.by_id[dated[0]].article.title,
            c.by_id[dated[0]].text.summary,
            c.by_id[dated[0]].language,
        ),
    }


def _topics_signature(c: _Ctx) -> tuple:
    """What a page may show of any topic: titles, order, page paths (a few topics)."""
    return tuple(
        (t, c.topic_titles.get(t), c.topic_order.get(t), c.topic_short.get(t),
         c.topic_en.get(t), path)
        for t, path in sorted(c.smap.topics.items())
    )  # fmt: skip


def _scope_parts(c: _Ctx, page: str, story: Story, scope: Sequence[str], cache: RenderedPages):
    """What a story card or line of ``story`` on ``page`` shows, for a page key: the story,
    where it links, whether it is breaking, its reports in ``scope`` (analyses, pages, the
    pages of their entities, their keywords' glosses) and its reports' topics."""
    reports = [c.by_id[i] for i in scope]
    return (
        story,
        c.smap.stories.get(story.id) or c.smap.articles[story.article_ids[0]],
        story.id in c.breaking,
        [(cache.analysis_hash(a), c.smap.articles[a.id]) for a in reports],
        [[c.smap.entities.get((e.name, e.kind)) for e in a.text.entities] for a in reports],
        [[c.gloss.get(k) for k in a.text.keywords] for a in reports],
    )


def week_page_key(
    c: _Ctx,
    w: WeekGroup,
    cache: RenderedPages,
    topics: tuple = (),
    stories: Sequence[tuple[Story, tuple[str, ...]]] | None = None,
) -> str:
    """The key of ``w``'s page in the cache of rendered pages: everything ``week_page`` and
    its templates read: the week, its stories in rank order (``_scope_parts``), the
    neighbouring weeks' and year's pages, its chart and brief, the pages of its rising
    entities, and ``topics`` (``_topics_signature``)."""
    page = c.smap.weeks[w.week]
    i = c.digest.weeks.index(w)
    newer = c.digest.weeks[i - 1].week if i > 0 else None
    older = c.digest.weeks[i + 1].week if i + 1 < len(c.digest.weeks) else None
    if stories is None:
        stories = _scoped(c, set(w.article_ids))
    return cache.key(
        "week",
        w,
        page,
        (newer, c.smap.weeks.get(newer or "")),
        (older, c.smap.weeks.get(older or "")),
        c.smap.years.get(w.week[:4]),
        f"{CHARTS_DIR}/week-{slugify(w.week)}.svg" in c.smap.charts,
        str(c.brief(page, week=w.week)),
        [c.smap.entities.get((d.label, d.kind)) for d in w.rising_detail],
        topics,
        [_scope_parts(c, page, st, ids, cache) for st, ids in stories],
    )


def story_page_key(c: _Ctx, story: Story, cache: RenderedPages) -> str:
    """The key of ``story``'s page in the cache of rendered pages: everything ``story_page``
    and its template read (see ``render.pagecache``): the story, its reports' analyses, the
    paths of its page and of the pages it links to (reports, entities, topics), the topics'
    titles and order, whether it is breaking, the English glosses of its keywords."""
    reports = [c.by_id[i] for i in story.article_ids]
    topics = sorted({*story.topics, *(t for a in reports for t in a.topic_ids)})
    return cache.key(
        "story",
        story,
        c.smap.stories[story.id],
        [(cache.analysis_hash(a), c.smap.articles[a.id]) for a in reports],
        [[c.smap.entities.get((e.name, e.kind)) for e in a.text.entities] for a in reports],
        [
            (t, c.topic_order.get(t), c.topic_short.get(t), c.topic_en.get(t), c.smap.topics.get(t))
            for t in topics
        ],
        story.id in c.breaking,
        [[c.gloss.get(k) for k in a.text.keywords] for a in reports],
    )


def outlet_table(c: _Ctx, reports: Sequence[Analysis]) -> list[tuple[str, str, int, str]]:
    """A story's reports by outlet country and affiliation: (country, affiliation, reports,
    outlets), most reports first; outlets without a profile are one row of their own."""
    rows: dict[tuple[str, str], list[str]] = {}
    for a in reports:
        p = c.profile(a.article.source)
        key = (p["country"], p["affiliation"]) if p else (c.labels["profile_unknown"], "—")
        rows.setdefault(key, []).append(c.outlet(a))
    out = [
        (country, aff, len(names), ", ".join(sorted(set(names), key=str.casefold)))
        for (country, aff), names in rows.items()
    ]
    unknown = c.labels["profile_unknown"]
    return sorted(out, key=lambda r: (r[0] == unknown, -r[2], r[0], r[1]))


def _date_ordinal(a: Analysis) -> int:
    return a.article.date.toordinal() if a.article.date else 10**7


def entities_index(c: _Ctx) -> dict[str, Any]:
    page = "entities/index.md"
    groups = []
    for kind, key in (
        ("person", "people"),
        ("organization", "organizations"),
        ("place", "places"),
        ("facility", "facilities"),
    ):
        rows = [
            (c.entity_link(page, e.name, e.kind), len(e.article_ids), e.mentions)
            for e in c.digest.entities
            if e.kind == kind and (e.name, e.kind) in c.smap.entities
        ]
        if rows:
            groups.append((c.labels[key], rows))
    return {**_page_common(c, page), "fm": _title_fm(c.labels["entities"]), "groups": groups}


def _entity_stories(c: _Ctx, e: EntityGroup) -> list[tuple[Story, tuple[str, ...]]]:
    """The stories with reports mentioning ``e``, each with those reports (in story order),
    the story with the newest such report first."""
    mine = set(e.article_ids)
    stories: dict[str, Story] = {}
    for i in e.article_ids:
        st = c.story_of[i]
        stories.setdefault(st.id, st)
    out = [(st, tuple(i for i in st.article_ids if i in mine)) for st in stories.values()]
    out.sort(key=lambda si: _newest_key(c, si[1]))
    return out


def _busiest_weeks(e: EntityGroup) -> list[tuple[str, int]]:
    """``e``'s weeks with the most articles mentioning it, most first (ties: newest first)."""
    ranked = sorted(e.by_week, key=lambda wn: wn[0], reverse=True)
    return sorted(ranked, key=lambda wn: -wn[1])[:ENTITY_WEEKS]


def _entity_lines(c: _Ctx, e: EntityGroup) -> tuple[int, list[StoryLine]]:
    """How many stories mention ``e``, and the lines of the newest ``ENTITY_STORIES``
    (each with only the reports that mention it); computed once per render."""
    key = ("entity", e.name, e.kind)
    if key not in c.lines:
        page = c.smap.entities[(e.name, e.kind)]
        stories = _entity_stories(c, e)
        c.lines[key] = (
            len(stories),
            [c.story_line(page, st, ids) for st, ids in stories[:ENTITY_STORIES]],
        )
    return c.lines[key]


def entity_page_key(c: _Ctx, e: EntityGroup, cache: RenderedPages, topics: tuple = ()) -> str:
    """The key of ``e``'s page in the cache of rendered pages: everything ``entity_page``
    and its templates read: the entity (its articles, mentions, weeks), the paths of its
    page and of its busiest weeks' pages, its chart, its story lines as shown and how many
    stories it has, and ``topics`` (``_topics_signature``)."""
    page = c.smap.entities[(e.name, e.kind)]
    count, lines = _entity_lines(c, e)
    return cache.key(
        "entity",
        e,
        page,
        [c.smap.weeks.get(w) for w, _ in _busiest_weeks(e)],
        f"{CHARTS_DIR}/entity-{e.slug}.svg" in c.smap.charts,
        count,
        lines,
        topics,
    )


def entity_page(c: _Ctx, e: EntityGroup) -> dict[str, Any]:
    """An entity's counts, its attention per week (chart and busiest weeks) and its newest
    stories, each a line with only the reports that mention it."""
    page = c.smap.entities[(e.name, e.kind)]
    feed, feed_root = c.feed(page)
    count, lines = _entity_lines(c, e)
    return {
        **_page_common(c, page),
        "fm": _title_fm(e.name, feed=feed_root),
        "feed": feed,
        "e": e,
        "kind": c.labels.get(e.kind, e.kind),
        "count": len(e.article_ids),
        "story_count": count,
        "busiest": [(c.week_link(page, w), n) for w, n in _busiest_weeks(e) if w in c.smap.weeks],
        "chart": c.chart(page, f"entity-{e.slug}.svg", "chart_entity_weeks", name=e.name),
        "lines": lines,
        "more": max(0, count - ENTITY_STORIES),
        "archive": c.smap.link(page, "weeks/index.md"),
    }


def sources_index(c: _Ctx) -> dict[str, Any]:
    page = "sources/index.md"
    total = len(c.digest.analyses) or 1
    return {
        **_page_common(c, page),
        "fm": _title_fm(c.labels["sources"]),
        "languages": [
            (c.lang_name(code), code, n, f"{100 * n / total:.0f}%")
            for code, n in c.digest.languages
        ],
        "sources": [
            (
                Link(
                    s.name if s.name in c.smap.sources else c.labels["outlet_unknown"],
                    c.smap.link(page, c.smap.sources[s.name])
                    if s.name in c.smap.sources
                    else Trusted(""),
                ),
                len(s.article_ids),
                ", ".join(f"{c.lang_name(code)} {n}" for code, n in s.languages),
                c.profile(s.name) if s.name in c.smap.sources else None,
            )
            for s in c.digest.sources
        ],
        "chart_languages": c.chart(page, "languages.svg", "chart_languages"),
        "chart_sources": c.chart(page, "sources.svg", "chart_sources"),
    }


def source_page(c: _Ctx, s: SourceGroup) -> dict[str, Any]:
    page = c.smap.sources[s.name]
    return {
        **_page_common(c, page),
        "fm": _title_fm(s.name),
        "s": s,
        "profile": c.profile(s.name),
        "count": len(s.article_ids),
        "languages": [(c.lang_name(code), n) for code, n in s.languages],
        "items": [_timeline_item(c, page, c.by_id[i]) for i in s.article_ids[:LIST_ITEMS]],
        "more": max(0, len(s.article_ids) - LIST_ITEMS),
        "timeline": c.smap.link(page, "timeline.md"),
        "index": c.smap.link(page, "sources/index.md"),
    }


def simple_page(c: _Ctx, page: str, title_key: str) -> dict[str, Any]:
    d = c.digest
    dates = [a.article.date for a in d.analyses if a.article.date]
    return {
        **_page_common(c, page),
        "fm": _title_fm(c.labels[title_key]),
        "articles": len(d.analyses),
        "sources": len(d.sources),
        "languages": [(c.lang_name(code), n) for code, n in d.languages],
        "first": min(dates).isoformat() if dates else "",
        "last": max(dates).isoformat() if dates else "",
        "json": c.smap.link(page, "digest.json"),
        "feed": c.smap.link(page, "feed.xml"),
    }


# --------------------------------------------------------------------------- page set


def build_pages(
    digest: Digest,
    settings: Settings,
    charts: set[str] | None = None,
    page_extra: Callable[[Analysis], str] | None = None,
    front_week: str | None = None,
    templates_dir: Path = TEMPLATES_DIR,
    downloads: Sequence[str] = (),
    gloss: Mapping[str, str] | None = None,
    translations: Mapping[str, str] | None = None,
    english: EnglishData | None = None,
    cache: RenderedPages | None = None,
) -> dict[str, str]:
    """Render every Markdown page of the site: {relative path under docs/: text}.

    ``downloads`` are other files of docs/ (e.g. ``briefs/*.pdf``) pages may link to.
    ``gloss`` maps a keyword to its English gloss (shown "keyword (gloss)"); ``translations``
    maps a title or summary sentence to its English machine translation (shown marked);
    ``english`` is the data of the English lines (default: from the settings' files).
    ``cache``: the article, story, week and entity pages of the last render, reused when
    their key is unchanged (``render.pagecache``); not used with other templates, English
    data or translations than the project's files give.
    """
    if templates_dir != TEMPLATES_DIR or english is not None or translations:
        cache = None
    from generator.render.english import load_english

    env = make_environment(
        templates_dir, cache.path.parent / BYTECODE_FOLDER if cache is not None else None
    )
    c = _Ctx(
        digest=digest,
        settings=settings,
        labels=load_labels(settings.site.language, templates_dir),
        smap=site_map(digest, charts),
        by_id=digest.by_id(),
        topic_titles={g.topic.id: _topic_title(g) for g in digest.topics},
        topic_order={g.topic.id: i for i, g in enumerate(digest.topics, 1)},
        topic_short={
            g.topic.id: (g.topic.title_ru if settings.site.language == "ru" else "")
            or g.topic.title_en
            for g in digest.topics
        },
        topic_en={g.topic.id: g.topic.title_en for g in digest.topics},
        downloads=frozenset(downloads or ()),
        english=english if english is not None else load_english(settings),
        gloss=dict(gloss or {}),
        translations=dict(translations or {}),
    )
    c.stories = stories_or_singletons(digest)
    c.story_of = {i: st for st in c.stories for i in st.article_ids}
    c.outlets = load_sources(settings.path(settings.sources))
    dates = [a.article.date for a in digest.analyses if a.article.date]
    newest = max(dates) if dates else None
    c.breaking = frozenset(
        st.id
        for st in c.stories
        if st.id in c.smap.stories and is_breaking(st, c.by_id, newest, settings.alerts)
    )
    c.tags = article_tags(digest.analyses, settings, c.gloss)
    jobs: list[tuple[str, str, dict[str, Any]]] = [
        ("index.md", "home.md.j2", home_page(c, front_week)),
        ("topics/index.md", "topics.md.j2", topics_index(c)),
        ("weeks/index.md", "weeks.md.j2", weeks_index(c)),
        ("timeline.md", "timeline.md.j2", timeline_page(c)),
        ("entities/index.md", "entities.md.j2", entities_index(c)),
        ("sources/index.md", "sources.md.j2", sources_index(c)),
        ("tags.md", "tags.md.j2", tags_page(c)),
        ("about.md", "about.md.j2", simple_page(c, "about.md", "about")),
    ]
    jobs += [(c.smap.topics[g.topic.id], "topic.md.j2", topic_page(c, g)) for g in digest.topics]
    jobs += [
        (c.smap.years[year], "year.md.j2", year_page(c, year, weeks))
        for year, weeks in archive_years(digest)
    ]
    jobs += [
        (c.smap.sources[s.name], "source.md.j2", source_page(c, s))
        for s in digest.sources
        if s.name in c.smap.sources
    ]
    pages: dict[str, str] = {}
    templates: dict[str, jinja2.Template] = {}
    for path, name, ctx in jobs:
        if path in pages:
            raise ValueError(f"two pages want the same path {path!r}")
        template = templates.setdefault(name, env.get_template(name))
        pages[path] = tidy_markdown(template.render(**ctx))

    def cached(
        path: str, name: str, key: Callable[[RenderedPages], str], context: Callable[[], dict]
    ) -> None:
        """The page at ``path`` from the cache when its key is known, else rendered."""
        if path in pages:
            raise ValueError(f"two pages want the same path {path!r}")
        k = key(cache) if cache is not None else None
        text = cache.get(k) if cache is not None and k is not None else None
        if text is None:
            template = templates.setdefault(name, env.get_template(name))
            text = tidy_markdown(template.render(**context()))
            if cache is not None and k is not None:
                cache.put(k, text)
        pages[path] = text

    topics = _topics_signature(c)
    by_week = _scoped_weeks(c)
    for w in digest.weeks:
        cached(
            c.smap.weeks[w.week],
            "week.md.j2",
            functools.partial(week_page_key, c, w, topics=topics, stories=by_week[w.week]),
            functools.partial(week_page, c, w, by_week[w.week]),
        )
    for e in digest.entities:
        if (e.name, e.kind) in c.smap.entities:
            cached(
                c.smap.entities[(e.name, e.kind)],
                "entity.md.j2",
                functools.partial(entity_page_key, c, e, topics=topics),
                functools.partial(entity_page, c, e),
            )
    for st in c.stories:
        if st.id in c.smap.stories:  # a one-report story is its article's page
            cached(
                c.smap.stories[st.id],
                "story.md.j2",
                functools.partial(story_page_key, c, st),
                functools.partial(story_page, c, st),
            )
    article = env.get_template("article.md.j2")
    for a in digest.analyses:
        path = c.smap.articles[a.id]
        if path in pages:
            raise ValueError(f"two pages want the same path {path!r}")
        key = article_page_key(c, a, page_extra, cache) if cache is not None else None
        text = cache.get(key) if cache is not None and key is not None else None
        if text is None:
            text = tidy_markdown(article.render(**article_page(c, a, page_extra)))
            if cache is not None and key is not None:
                cache.put(key, text)
        pages[path] = text
    return pages


def tidy_markdown(text: str) -> str:
    """One blank line before every heading, never two blank lines in a row, one final newline.

    Safe on escaped third-party text: it can never start a line with ``#`` (see safe.md_text).
    """
    text = re.sub(r"(?<=[^\n])\n(#{1,6} )", r"\n\n\1", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.rstrip("\n") + "\n"


def page_count(pages: Sequence[str]) -> int:
    return sum(1 for p in pages if p.endswith(".md"))
