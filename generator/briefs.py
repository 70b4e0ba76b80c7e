"""Printable PDF briefs (WeasyPrint) for one topic, one ISO week or a period.

``select`` picks the articles of a ``BriefScope``; ``brief_context`` builds everything the
template shows (all sorting, counting and truncating happen here); ``render_brief`` turns
it into PDF bytes with ``templates/brief/brief.html.j2`` and ``brief.css``. Article text is
third-party: it is only ever inserted through Jinja2's autoescaping, never as markup.

Output is deterministic: the PDF dates come from ``SOURCE_DATE_EPOCH`` or the newest
article of the brief, and the PDF identifier is a hash of the rendered HTML.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import functools
import hashlib
import importlib.metadata
import os
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
import yaml

from generator.digest import topic_overview
from generator.fileio import atomic_write_bytes
from generator.models import ENTITY_KINDS, Analysis, Citation, Digest, Story, Topic, TopicGroup
from generator.pdfworker import LayoutError, LayoutPool, SpareWorker, html_to_pdf
from generator.pdfworker import timed_layout as _timed_layout
from generator.render.background import BACKGROUND_NICE
from generator.settings import SAFE_LOADER, Settings

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "brief"
TEMPLATE_NAME = "brief.html.j2"
STYLESHEET_NAME = "brief.css"
LABELS_NAME = "i18n.yml"

FONT_FAMILY = "DejaVu Sans"  # as named in brief.css; Debian package fonts-dejavu-core
FONT_LANGUAGES = ("ru", "uk", "kk")  # the font must cover these orthographies fully
MAX_KEYWORDS = 15
MAX_ENTITIES_PER_KIND = 8
TOP_STORIES = 10  # stories shown with summary and reports
STORY_SENTENCES = 3  # summary sentences of a top story
BRIEFS_PER_WORKER = 8  # briefs to lay out per PDF worker process started (up to the cores)
STORY_REPORTS = 5  # reports cited under a top story (the rest counted)
MORE_STORIES = 20  # further stories, one line each; the rest counted and left to the site
# (a brief is laid out in about a second: 50 rows were a third of a topic brief's layout)

_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SAFE_SLUG_RE = re.compile(r"[^A-Za-z0-9_-]+")


class BriefError(Exception):
    """A brief cannot be made (unknown topic, empty period, malformed date): user message."""


# --------------------------------------------------------------------------- scope


def parse_week(text: str) -> tuple[dt.date, dt.date]:
    """``"2022-W01"`` -> (Monday, Sunday) of that ISO week; ``BriefError`` when malformed."""
    m = _WEEK_RE.match(text.strip())
    if not m:
        raise BriefError(f"week {text!r} is not an ISO week; write it like 2022-W01")
    year, week = int(m.group(1)), int(m.group(2))
    try:
        start = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        raise BriefError(f"week {text!r} does not exist: {year} has no ISO week {week}") from None
    return start, start + dt.timedelta(days=6)


def parse_date(text: str, what: str = "date") -> dt.date:
    """``"2022-01-31"`` -> date; ``BriefError`` naming ``what`` when malformed."""
    value = text.strip()
    if not _DATE_RE.match(value):
        raise BriefError(f"{what} {text!r} is not a date; write it as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BriefError(f"{what} {text!r} is not a real calendar date") from None


@dataclass(frozen=True)
class BriefScope:
    """What a brief covers: a topic, an ISO week, a period, or a topic within a week/period."""

    topic: str | None = None
    week: str | None = None  # "2022-W01"
    start: dt.date | None = None
    end: dt.date | None = None

    @classmethod
    def from_text(
        cls,
        topic: str | None = None,
        week: str | None = None,
        start: str | None = None,
        end: str | None = None,
    ) -> BriefScope:
        """Build a scope from command-line strings, validating formats (``BriefError``)."""
        scope = cls(
            topic=topic.strip() if topic else None,
            week=week.strip() if week else None,
            start=parse_date(start, "--from date") if start else None,
            end=parse_date(end, "--to date") if end else None,
        )
        scope.validate()
        return scope

    def validate(self) -> None:
        """Reject empty or contradictory scopes and malformed weeks."""
        if not (self.topic or self.week or self.start or self.end):
            raise BriefError(
                "say what the brief covers: --topic ID, --week 2022-W01 or --from/--to"
            )
        if self.week and (self.start or self.end):
            raise BriefError("choose either --week or --from/--to, not both")
        if self.week:
            parse_week(self.week)
        if self.start and self.end and self.start > self.end:
            raise BriefError(
                f"the period is empty: --from {self.start.isoformat()} is after "
                f"--to {self.end.isoformat()}"
            )

    def bounds(self) -> tuple[dt.date | None, dt.date | None]:
        """The date range the scope restricts to (``None`` = open)."""
        if self.week:
            return parse_week(self.week)
        return self.start, self.end

    def slug(self) -> str:
        """A file-name-safe ASCII name, e.g. ``topic-energy_transit`` or ``week-2022-W01``."""
        parts: list[str] = []
        if self.topic:
            parts.append("topic-" + (_SAFE_SLUG_RE.sub("-", self.topic).strip("-") or "x"))
        if self.week:
            parts.append("week-" + _SAFE_SLUG_RE.sub("-", self.week))
        if self.start or self.end:
            start = self.start.isoformat() if self.start else "start"
            end = self.end.isoformat() if self.end else "end"
            parts.append(f"period-{start}-to-{end}")
        return "-".join(parts) or "brief"

    def describe(self, labels: Mapping[str, Any], topic_title: str | None = None) -> str:
        """Human description in the interface language, e.g. ``Topic: Energy transit``."""
        parts: list[str] = []
        if self.topic:
            parts.append(labels["scope_topic"].format(topic=topic_title or self.topic))
        if self.week:
            start, end = parse_week(self.week)
            span = labels["week_span"].format(
                start=format_date(start, labels), end=format_date(end, labels)
            )
            parts.append(labels["scope_week"].format(week=self.week) + f" ({span})")
        if self.start and self.end:
            parts.append(
                labels["scope_period"].format(
                    start=format_date(self.start, labels), end=format_date(self.end, labels)
                )
            )
        elif self.start:
            parts.append(labels["scope_from"].format(start=format_date(self.start, labels)))
        elif self.end:
            parts.append(labels["scope_until"].format(end=format_date(self.end, labels)))
        return labels["joiner"].join(parts)


def brief_filename(scope: BriefScope) -> str:
    """File name of a brief inside the site's briefs folder, e.g. ``week-2022-W01.pdf``."""
    return scope.slug() + ".pdf"


def font_problem(
    family: str = FONT_FAMILY, languages: Sequence[str] = FONT_LANGUAGES
) -> str | None:
    """Why the briefs' font is unusable (not installed, missing letters), or ``None``.

    Asks fontconfig (what WeasyPrint uses) for ``family`` with full coverage of each
    language's orthography; install it with ``apt-get install fonts-dejavu-core``.
    """
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return "cannot check the PDF font: fc-list (fontconfig) is not installed"
    missing = []
    for lang in languages:
        found = subprocess.run(
            [fc_list, f"{family}:lang={lang}", "file"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        if not found:
            missing.append(lang)
    if missing:
        return (
            f"font {family!r} is not installed or lacks letters of {', '.join(missing)}; "
            "install it with: apt-get install fonts-dejavu-core"
        )
    return None


# --------------------------------------------------------------------------- labels


@functools.lru_cache(maxsize=8)
def _all_labels(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=SAFE_LOADER)
    if not isinstance(data, dict):
        raise BriefError(f"{path}: expected a mapping of interface languages to labels")
    return data


def load_labels(language: str, path: Path | None = None) -> dict[str, Any]:
    """Interface labels for ``language`` (``en``/``ru``) from ``templates/brief/i18n.yml``."""
    source = path or TEMPLATE_DIR / LABELS_NAME
    data = _all_labels(source)
    if language not in data:
        raise BriefError(f"{source}: no labels for interface language {language!r}")
    return dict(data[language])


def format_date(value: dt.date | None, labels: Mapping[str, Any]) -> str:
    """A date with the interface language's month names; ``undated`` for ``None``."""
    if value is None:
        return str(labels["undated"])
    month = labels["months"][value.month - 1]
    return str(labels["date_format"]).format(day=value.day, month=month, year=value.year)


def topic_title(topic: Topic, language: str) -> str:
    """Topic name in the interface language (English also shows the Russian name)."""
    if language == "ru":
        return topic.title_ru or topic.title_en
    if topic.title_ru and topic.title_ru != topic.title_en:
        return f"{topic.title_en} ({topic.title_ru})"
    return topic.title_en


def short_topic_title(topic: Topic, language: str) -> str:
    """Topic name in the interface language only (running header, article cards)."""
    if language == "ru":
        return topic.title_ru or topic.title_en
    return topic.title_en or topic.title_ru


def language_name(code: str, labels: Mapping[str, Any]) -> str:
    return str(labels.get("languages", {}).get(code, code))


# --------------------------------------------------------------------------- selection


def _topic_group(digest: Digest, topic_id: str) -> TopicGroup:
    for group in digest.topics:
        if group.topic.id == topic_id:
            return group
    known = ", ".join(sorted(g.topic.id for g in digest.topics)) or "none"
    raise BriefError(f"unknown topic {topic_id!r}; known topics: {known}")


def select(digest: Digest, scope: BriefScope) -> tuple[Analysis, ...]:
    """The articles of ``scope``, newest first (the digest's order); ``BriefError`` if none."""
    scope.validate()
    by_id = digest.by_id()
    if scope.topic:
        wanted: Iterable[str] = _topic_group(digest, scope.topic).article_ids
        chosen = [by_id[i] for i in wanted if i in by_id]
    else:
        chosen = list(digest.analyses)
    start, end = scope.bounds()
    if start or end:
        chosen = [
            a
            for a in chosen
            if a.article.date is not None
            and (start is None or a.article.date >= start)
            and (end is None or a.article.date <= end)
        ]
    if not chosen:
        where = scope.describe(load_labels("en"))
        raise BriefError(f"no articles for {where}; nothing to put in a brief")
    order = {a.id: i for i, a in enumerate(digest.analyses)}
    chosen.sort(key=lambda a: order.get(a.id, len(order)))
    return tuple(chosen)


# --------------------------------------------------------------------------- context


@dataclass(frozen=True)
class SourceNote:
    """One report in the brief's source list: ``[number]`` everywhere in the brief."""

    number: int
    anchor: str
    title: str
    date: str
    source: str
    language: str  # code, for the lang attribute
    language_name: str
    url: str | None


@dataclass(frozen=True)
class OverviewLine:
    sentence: str
    number: int
    anchor: str
    language: str


@dataclass(frozen=True)
class StoryBlock:
    """A top story: title, dates, counts, topics, cited summary, its reports by number."""

    rank: int
    title: str
    language: str
    when: str
    counts: str
    topics: tuple[str, ...]
    summary: tuple[OverviewLine, ...]
    reports: tuple[tuple[SourceNote, ...], ...]  # grouped by language
    more_reports: str
    single: bool = False  # one report: its summary is one paragraph, cited once


@dataclass(frozen=True)
class StoryRow:
    """A further story in one line: dates, title (its first report's link), outlets/counts."""

    when: str
    title: str
    language: str
    detail: str
    url: str | None


@dataclass(frozen=True)
class Figure:
    label: str
    number: int
    detail: str = ""


@dataclass(frozen=True)
class Chart:
    title: str
    data_uri: str


def _is_web_url(url: str | None) -> bool:
    return bool(url) and str(url).lower().startswith(("http://", "https://"))


def _keywords(
    selected: Sequence[Analysis], group: TopicGroup | None, whole_topic: bool
) -> list[tuple[str, int]]:
    if group is not None and whole_topic and group.keywords:
        return list(group.keywords[:MAX_KEYWORDS])
    counts: Counter[str] = Counter()
    for a in selected:
        counts.update(dict.fromkeys(a.text.keywords, 1))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_KEYWORDS]


def _entities(
    selected: Sequence[Analysis], group: TopicGroup | None, whole_topic: bool
) -> dict[str, list[tuple[str, int]]]:
    triples: list[tuple[str, str, int]]
    if group is not None and whole_topic and group.entities:
        triples = list(group.entities)
    else:
        counts: Counter[tuple[str, str]] = Counter()
        for a in selected:
            counts.update({(e.name, e.kind) for e in a.text.entities})
        triples = sorted(
            ((n, k, c) for (n, k), c in counts.items()), key=lambda t: (-t[2], t[0], t[1])
        )
    out: dict[str, list[tuple[str, int]]] = {kind: [] for kind in ENTITY_KINDS}
    for name, kind, count in triples:
        if kind in out and len(out[kind]) < MAX_ENTITIES_PER_KIND:
            out[kind].append((name, count))
    return out


def _lead_sentences(selected: Sequence[Analysis], n: int) -> list[Citation]:
    return [Citation(a.text.summary[0], a.id) for a in selected if a.text.summary][:n]


def _computed_overview(
    selected: Sequence[Analysis], topic_id: str | None, n: int
) -> list[Citation]:
    """A multi-document summary of the selection's article summaries (as the site's)."""
    return list(topic_overview(selected, topic_id, n)) or _lead_sentences(selected, n)


def _overview(
    selected: Sequence[Analysis],
    group: TopicGroup | None,
    whole_topic: bool,
    numbers: Container[str],
    n: int,
) -> list[Citation]:
    if group is not None and whole_topic and group.overview:
        return [c for c in group.overview if c.article_id in numbers]
    topic_id = group.topic.id if group is not None else None
    return [c for c in _computed_overview(selected, topic_id, n) if c.article_id in numbers]


def _charts(
    digest: Digest,
    scope: BriefScope,
    selected: Sequence[Analysis],
    labels: Mapping[str, Any],
    interface: str,
) -> list[Chart]:
    """SVG charts of the brief's own articles, as data URIs (none if the module is missing):
    a week's days; a topic's calendar weeks (the digest's span for the whole topic);
    a period's calendar weeks by main topic. Each article is counted once."""
    try:
        from generator.render import charts
        from generator.render.pages import load_labels
    except ImportError:
        return []
    site = load_labels(interface)  # chart texts in the site's language, as the site's files
    makers: list[tuple[str, Callable[[], str]]] = []
    if scope.week:
        week = scope.week
        makers.append(
            (
                labels["chart_week_days"],
                lambda: charts.week_days_svg(digest, week, labels=site, analyses=selected),
            )
        )
    elif scope.topic:
        topic = scope.topic
        whole = not (scope.start or scope.end)
        if whole:
            make = lambda: charts.topic_weeks_svg(digest, topic, labels=site)  # noqa: E731
        else:
            names = charts.topic_names(digest, site)
            title = str(site["chart_topic_weeks"]).format(name=names.get(topic, topic))
            make = lambda: charts.articles_by_week_svg(  # noqa: E731
                selected, digest, title, site, stacked=False
            )
        makers.append((labels["chart_topic_weeks"], make))
    else:
        makers.append(
            (
                labels["chart_topics_by_week"],
                lambda: charts.articles_by_week_svg(
                    selected, digest, site["chart_topics_by_week"], site
                ),
            )
        )
    out = []
    for title, make in makers:
        svg = make()
        if svg and svg.strip():
            encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
            out.append(Chart(title, "data:image/svg+xml;base64," + encoded))
    return out


def _rising(digest: Digest, scope: BriefScope, labels: Mapping[str, Any]) -> dict[str, Any] | None:
    """A whole week's rising keywords and entities against its baseline (week briefs only;
    ``generator.trends``), each with its counts this week vs before."""
    if not scope.week or scope.topic or scope.start or scope.end:
        return None
    week = next((w for w in digest.weeks if w.week == scope.week), None)
    if week is None:
        return None
    from generator import trends

    base = trends.Baseline(week.baseline_weeks, week.baseline_articles)
    n = len(week.article_ids)
    key = "rising_baseline" if base.articles else "rising_no_baseline"
    note = str(labels[key]).format(
        n=len(base.weeks),
        span=base.span,
        articles=base.articles,
        g2=trends.MIN_G2,
        min=trends.MIN_COUNT,
    )
    terms = [
        (d.label, f"{d.count}/{n} vs {d.base_count}/{base.articles}") for d in week.rising_detail
    ]
    return {"terms": terms, "note": note}


def _scoped_stories(
    digest: Digest, selected: Sequence[Analysis]
) -> list[tuple[Story, tuple[str, ...]]]:
    """Ranked stories with reports among ``selected``, each with those reports only."""
    from generator.render.stories import counts, stories_or_singletons

    by_id = {a.id: a for a in selected}
    out = []
    for story in stories_or_singletons(digest):
        ids = tuple(i for i in story.article_ids if i in by_id)
        if ids:
            out.append((story, ids))

    def in_scope(item: tuple[Story, tuple[str, ...]]) -> tuple[int, int, int, str]:
        # the digest's ranking rule (outlets, languages, recency) over the scope's own
        # reports, ties by the first report: a closed week's brief keeps its order when a
        # story grows later
        reports = [by_id[i] for i in item[1]]
        n = counts(reports)
        newest, first = _newest(reports)
        return (-n.outlets, -n.languages, newest, first)

    return sorted(out, key=in_scope)


def _plural(labels: Mapping[str, Any], n: int, what: str) -> str:
    return f"{n} {labels[what + '_one'] if n == 1 else labels[what + '_many']}"


def _counts_text(labels: Mapping[str, Any], reports: Sequence[Analysis]) -> str:
    from generator.render.stories import counts

    n = counts(reports)
    return labels["joiner"].join(
        (
            _plural(labels, n.reports, "reports"),
            _plural(labels, n.outlets, "outlets"),
            _plural(labels, n.languages, "languages"),
        )
    )


def _when(reports: Sequence[Analysis], labels: Mapping[str, Any]) -> str:
    dates = sorted(a.article.date for a in reports if a.article.date is not None)
    if not dates:
        return str(labels["undated"])
    first, last = format_date(dates[0], labels), format_date(dates[-1], labels)
    return first if first == last else f"{first} – {last}"


def _newest(reports: Sequence[Analysis]) -> tuple[int, str]:
    dates = [a.article.date.toordinal() for a in reports if a.article.date is not None]
    return (-max(dates) if dates else 0, reports[0].id)


class _Numbers:
    """Numbers reports in the order the brief first cites them; the source list follows it."""

    def __init__(self, labels: Mapping[str, Any]) -> None:
        self.labels = labels
        self.notes: dict[str, SourceNote] = {}

    def note(self, a: Analysis) -> SourceNote:
        if a.id not in self.notes:
            n = len(self.notes) + 1
            self.notes[a.id] = SourceNote(
                number=n,
                anchor=f"n{n}",
                title=a.article.title,
                date=format_date(a.article.date, self.labels),
                source=a.article.source or self.labels["unknown_source"],
                language=a.language,
                language_name=language_name(a.language, self.labels),
                url=a.article.url if _is_web_url(a.article.url) else None,
            )
        return self.notes[a.id]

    def line(self, sentence: str, a: Analysis) -> OverviewLine:
        note = self.note(a)
        return OverviewLine(sentence, note.number, note.anchor, a.language)


def _story_summary(
    story: Story, reports: Sequence[Analysis], by_id: Mapping[str, Analysis]
) -> list[Citation]:
    """The story's summary citing reports in scope; else an overview of those reports."""
    ids = {a.id for a in reports}
    cites = [c for c in story.summary if c.article_id in ids]
    if not cites and len(reports) > 1:
        cites = list(topic_overview(reports, None, STORY_SENTENCES))
    if not cites:
        cites = _lead_sentences(reports[:1], 1) + [
            Citation(s, reports[0].id) for s in reports[0].text.summary[1:]
        ]
    return cites[:STORY_SENTENCES]


def _story_blocks(
    stories: Sequence[tuple[Story, tuple[str, ...]]],
    by_id: Mapping[str, Analysis],
    numbers: _Numbers,
    short_titles: Mapping[str, str],
    labels: Mapping[str, Any],
) -> list[StoryBlock]:
    out = []
    for rank, (story, ids) in enumerate(stories, start=1):
        reports = [by_id[i] for i in ids]
        single = len(story.article_ids) == 1
        title_of = next((a for a in reports if a.article.title == story.title), reports[0])
        summary = tuple(
            numbers.line(c.sentence, by_id[c.article_id])
            for c in _story_summary(story, reports, by_id)
        )
        cited = [numbers.note(a) for a in reports[:STORY_REPORTS]]
        by_lang: dict[str, list[SourceNote]] = {}
        for note in cited:
            by_lang.setdefault(note.language, []).append(note)
        topics = story.topics or tuple(dict.fromkeys(t for a in reports for t in a.topic_ids))
        rest = len(reports) - len(cited)
        out.append(
            StoryBlock(
                rank=rank,
                title=title_of.article.title if single else story.title,
                language=title_of.language,
                when=_when(reports, labels),
                counts=_counts_text(labels, reports),
                topics=tuple(short_titles.get(t, t) for t in topics),
                summary=summary,
                reports=tuple(tuple(v) for v in by_lang.values()),
                more_reports=str(labels["more_reports"]).format(n=rest) if rest > 0 else "",
                single=len(reports) == 1,
            )
        )
    return out


def _story_rows(
    stories: Sequence[tuple[Story, tuple[str, ...]]],
    by_id: Mapping[str, Analysis],
    labels: Mapping[str, Any],
) -> list[StoryRow]:
    rows = []
    for story, ids in stories:
        reports = [by_id[i] for i in ids]
        first = reports[0]
        single = len(story.article_ids) == 1
        detail = (
            f"{first.article.source or labels['unknown_source']}, "
            f"{language_name(first.language, labels)}"
            if len(reports) == 1
            else _counts_text(labels, reports)
        )
        rows.append(
            StoryRow(
                when=_when(reports, labels),
                title=first.article.title if single else story.title,
                language=first.language,
                detail=detail,
                url=first.article.url if _is_web_url(first.article.url) else None,
            )
        )
    return rows


def brief_context(digest: Digest, settings: Settings, scope: BriefScope) -> dict[str, Any]:
    """Everything the brief template shows, already sorted, counted and formatted.

    Organised by story: the top stories (summary with citations, reports), then further
    stories one line each (at most ``MORE_STORIES``, newest first), then the source list of
    every report cited. Only the scope's reports count, so a closed week's brief does not
    change when later weeks arrive.
    """
    language = settings.site.language
    labels = load_labels(language)
    selected = select(digest, scope)
    group = _topic_group(digest, scope.topic) if scope.topic else None
    whole_topic = group is not None and not (scope.week or scope.start or scope.end)
    titles = {g.topic.id: topic_title(g.topic, language) for g in digest.topics}
    short_titles = {g.topic.id: short_topic_title(g.topic, language) for g in digest.topics}
    by_id = {a.id: a for a in selected}

    numbers = _Numbers(labels)
    in_scope = {a.id for a in selected}
    overview_lines = [
        numbers.line(c.sentence, by_id[c.article_id])
        for c in _overview(
            selected, group, whole_topic, in_scope, settings.analysis.overview_sentences
        )
    ]
    stories = _scoped_stories(digest, selected)
    top = stories[:TOP_STORIES]
    further = sorted(stories[TOP_STORIES:], key=lambda si: _newest([by_id[i] for i in si[1]]))
    blocks = _story_blocks(top, by_id, numbers, short_titles, labels)
    rows = _story_rows(further[:MORE_STORIES], by_id, labels)
    left = further[MORE_STORIES:]
    dates = sorted(a.article.date for a in selected if a.article.date is not None)
    period = _period_text(dates, len(selected) - len(dates), labels)
    sources = sorted({a.article.source for a in selected if a.article.source})
    lang_counts = Counter(a.language for a in selected)
    languages = [
        (language_name(code, labels), count)
        for code, count in sorted(lang_counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    entities = _entities(selected, group, whole_topic)
    scope_text = scope.describe(labels, titles.get(scope.topic) if scope.topic else None)
    # the running header has room for the topic's name in one language only
    running = scope.describe(labels, short_titles.get(scope.topic) if scope.topic else None)
    figures = _figures(selected, group is not None, sources, languages, titles, labels)
    figures.insert(0, Figure(labels["figure_stories"], len(stories)))
    return {
        "lang": language,
        "labels": labels,
        "site_name": settings.site.name,
        "author": settings.site.author,
        "scope": scope_text,
        "running": running,
        "period": period,
        "doc_title": f"{settings.site.name} — {scope_text}",
        "figures": figures,
        "languages": languages,
        "topics": [] if group is not None else _topic_counts(selected, titles),
        "sources": sources,
        "overview": overview_lines,
        "charts": _charts(digest, scope, selected, labels, settings.site.language),
        "rising": _rising(digest, scope, labels),
        "keywords": _keywords(selected, group, whole_topic),
        "entities": [(labels[k], entities[k]) for k in ENTITY_KINDS if entities[k]],
        "stories": blocks,
        "rows": rows,
        "rest": str(labels["more_stories_rest"]).format(
            stories=len(left), reports=sum(len(ids) for _, ids in left)
        )
        if left
        else "",
        "endnotes": sorted(numbers.notes.values(), key=lambda n: n.number),
        "created": _document_date(dates[-1] if dates else None),
    }


def _figures(
    selected: Sequence[Analysis],
    topic_scope: bool,
    sources: Sequence[str],
    languages: Sequence[tuple[str, int]],
    titles: Mapping[str, str],
    labels: Mapping[str, Any],
) -> list[Figure]:
    """Key figures: articles, sources, languages, and weeks (topic) or topics (others)."""
    sep = labels["joiner"]
    figures = [
        Figure(labels["figure_articles"], len(selected)),
        Figure(labels["figure_sources"], len(sources), sep.join(sources)),
        Figure(
            labels["figure_languages"],
            len(languages),
            sep.join(f"{name} {count}" for name, count in languages),
        ),
    ]
    if topic_scope:
        weeks = sorted(
            {
                f"{y}-W{w:02d}"
                for y, w, _ in (
                    a.article.date.isocalendar() for a in selected if a.article.date is not None
                )
            }
        )
        span = f"{weeks[0]} – {weeks[-1]}" if len(weeks) > 1 else "".join(weeks)
        figures.append(Figure(labels["figure_weeks"], len(weeks), span))
    else:
        figures.append(Figure(labels["figure_topics"], len(_topic_counts(selected, titles))))
    return figures


def _topic_counts(selected: Sequence[Analysis], titles: Mapping[str, str]) -> list[tuple[str, int]]:
    """(topic title, articles) of the selection, most articles first."""
    counts = Counter(t for a in selected for t in a.topic_ids)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], titles.get(kv[0], kv[0])))
    return [(titles.get(t, t), n) for t, n in ranked]


def _period_text(dates: Sequence[dt.date], undated: int, labels: Mapping[str, Any]) -> str:
    """``Articles published 7 Jan 2022 – 10 Jan 2022`` (+ how many have no date)."""
    if not dates:
        return str(labels["period_undated"])
    first, last = format_date(dates[0], labels), format_date(dates[-1], labels)
    if first == last:
        text = labels["period_day"].format(day=first)
    else:
        text = labels["period"].format(start=first, end=last)
    if undated:
        text += labels["period_plus_undated"].format(count=undated)
    return str(text)


def _document_date(newest: dt.date | None) -> str | None:
    """W3C date for the PDF metadata: ``SOURCE_DATE_EPOCH`` if set, else the newest article."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    if newest is None:
        return None
    return f"{newest.isoformat()}T00:00:00Z"


# --------------------------------------------------------------------------- rendering


@functools.lru_cache(maxsize=4)
def _environment(template_dir: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string literal (escapes quotes, backslashes, newlines)."""
    escaped = "".join(
        ch if ch.isprintable() and ch not in '"\\<>' else f"\\{ord(ch):x} " for ch in text
    )
    return f'"{escaped}"'


def render_html(digest: Digest, settings: Settings, scope: BriefScope) -> str:
    """The brief as standalone HTML (what WeasyPrint lays out)."""
    context = brief_context(digest, settings, scope)
    labels = context["labels"]
    page_css = (
        "@page { @bottom-right { content: "
        + css_string(labels["page_before"])
        + " counter(page) "
        + css_string(labels["page_middle"])
        + " counter(pages) "
        + css_string(labels["page_after"])
        + "; } }"
    )
    env = _environment(TEMPLATE_DIR)
    stylesheet = (TEMPLATE_DIR / STYLESHEET_NAME).read_text(encoding="utf-8")
    # The stylesheet is ours (file + labels quoted by css_string), never article text.
    css = markupsafe.Markup(stylesheet + "\n" + page_css)
    return env.get_template(TEMPLATE_NAME).render(**context, stylesheet=css)


def render_brief(digest: Digest, settings: Settings, scope: BriefScope) -> bytes:
    """The PDF brief for ``scope``; ``BriefError`` for an unknown topic or an empty scope."""
    return html_to_pdf(render_html(digest, settings, scope))


def write_brief(pdf: bytes, path: Path) -> None:
    """Write ``pdf`` atomically: a temporary file in the same folder, then rename."""
    if not pdf.startswith(b"%PDF-"):
        raise BriefError(f"{path}: refusing to write something that is not a PDF")
    atomic_write_bytes(Path(path), pdf)


def all_scopes(digest: Digest) -> list[BriefScope]:
    """One scope per topic with articles and one per ISO week with articles."""
    scopes = [BriefScope(topic=g.topic.id) for g in digest.topics if g.article_ids]
    scopes += [BriefScope(week=w.week) for w in digest.weeks if w.article_ids]
    return scopes


@functools.lru_cache(maxsize=1)
def _weasyprint_version() -> str:
    """WeasyPrint's version, read from its installed metadata: the build process lays out
    nothing itself (``pdfworker`` does), and importing WeasyPrint for its version alone
    cost every build 0.5 s of CPU and its memory."""
    return importlib.metadata.version("weasyprint")


def _pdf_key(html: str) -> str:
    """Cache key of a brief: its HTML (which holds all its data) and the WeasyPrint version."""
    h = hashlib.sha256(_weasyprint_version().encode())
    h.update(html.encode("utf-8"))
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """Hash of what a brief's layout is made from: this module, the week chart's code and
    every file of ``templates/brief`` (template, stylesheet, labels)."""
    h = hashlib.sha256()
    charts = Path(__file__).resolve().parent / "render" / "charts.py"
    for path in [Path(__file__).resolve(), charts, *sorted(TEMPLATE_DIR.rglob("*"))]:
        if path.is_file():
            h.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return h.hexdigest()


def closed_week_key(digest: Digest, settings: Settings, scope: BriefScope) -> str:
    """Cache key of a closed week's brief: what the week itself holds, nothing later.

    A closed week's brief is made once and kept: later weeks change corpus-wide details
    (keywords dropped as common to the whole corpus, a story's title once it grows), but
    the published brief of a past week stays as it was. It is made again when one of the
    week's own articles is added, removed or edited (text, metadata, summary, topics),
    or when the briefs' code, templates, site settings or WeasyPrint change."""
    h = hashlib.sha256(b"closed-week-brief-1\0")
    for part in (_weasyprint_version(), _code_fingerprint(), repr(settings.site), scope.slug()):
        h.update(part.encode("utf-8") + b"\0")
    for a in sorted(select(digest, scope), key=lambda a: a.id):
        art = a.article
        fields = (art.id, art.title, art.date, art.source, art.url, a.language, art.author)
        h.update(repr(fields).encode("utf-8"))
        h.update(hashlib.sha256(art.body.encode("utf-8")).digest())
        h.update(repr((a.text.summary, [(m.topic, m.score) for m in a.topics])).encode("utf-8"))
    return "closed-" + h.hexdigest()


def _cached_pdf(cache_dir: Path | None, key: str) -> bytes | None:
    """The cached PDF of ``key`` if its bytes match the SHA-256 stored beside it, else None.

    A truncated, altered or half-written entry (or one without its hash) is a miss: the
    brief is laid out again and the entry rewritten, never published."""
    if cache_dir is None:
        return None
    try:
        pdf = (cache_dir / f"{key}.pdf").read_bytes()
        stored = (cache_dir / f"{key}.sha256").read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if hashlib.sha256(pdf).hexdigest() != stored or not pdf.startswith(b"%PDF-"):
        return None
    return pdf


def _kept_pdf(cache_dir: Path, closed_key: str) -> bytes | None:
    """The PDF a closed week's key points to (``<closed key>.ref`` names a cache entry)."""
    try:
        ref = (cache_dir / f"{closed_key}.ref").read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not re.fullmatch(r"[0-9a-f]{64}", ref):
        return None
    return _cached_pdf(cache_dir, ref)


def _keep_pdf(cache_dir: Path, closed_key: str, pdf_key: str) -> None:
    """Point a closed week's key at the cache entry of its PDF (skipped if not writable)."""
    with contextlib.suppress(OSError):
        atomic_write_bytes(cache_dir / f"{closed_key}.ref", (pdf_key + "\n").encode("ascii"))


def _store_pdf(cache_dir: Path, key: str, pdf: bytes) -> None:
    """Cache ``pdf`` with its SHA-256 (the PDF first, then the hash that validates it).

    A cache that cannot be written (read-only, full) is skipped: the brief is still made."""
    try:
        write_brief(pdf, cache_dir / f"{key}.pdf")
        atomic_write_bytes(
            cache_dir / f"{key}.sha256", (hashlib.sha256(pdf).hexdigest() + "\n").encode()
        )
    except OSError:
        pass


class BriefJob:
    """Briefs being made: the cached ones are ready, the others are laid out by a pool of
    forked workers while the caller goes on (the site's pages and MkDocs use one core;
    the layout fills the other). ``names`` holds every brief's file name from the start;
    ``result()`` waits for the layouts and returns every brief, in file-name order.
    ``close()`` stops the workers (after a failure elsewhere); leaving ``result()`` or
    ``close()`` always waits for every worker: nothing is left running."""

    def __init__(
        self,
        names: Sequence[str],
        ready: dict[str, bytes],
        todo: Sequence[str],
        htmls: Mapping[str, str],
        keys: Mapping[str, str],
        closed: Mapping[str, str],
        count: int,
        cache_dir: Path | None,
        timings: dict[str, tuple[float, float]] | None,
        spare: SpareWorker | None = None,
    ) -> None:
        self.names = tuple(sorted(names))
        self._out = ready
        self._todo = list(todo)
        self._keys, self._closed = dict(keys), dict(closed)
        self._cache_dir, self._timings = cache_dir, timings
        self._pool: LayoutPool | None = None
        self._results: list[tuple[bytes, tuple[float, float]]] | None = None
        if not self._todo or (count <= 1 and spare is None):
            self._pending_html = [htmls[n] for n in self._todo]  # laid out in result()
            if spare is not None:
                spare.close()
        else:
            # fresh interpreters (generator.pdfworker), not forks of this process: a fork
            # would count the whole build's memory again in the process tree; one per
            # BRIEFS_PER_WORKER briefs (a worker's start costs about a second of CPU)
            self._pending_html = []
            procs = min(count, -(-len(self._todo) // BRIEFS_PER_WORKER))
            # a weekly run's few layouts wait behind the pages and MkDocs (its critical
            # path); a cold build's many briefs are the critical path themselves
            few = len(self._todo) <= BRIEFS_PER_WORKER
            nice = BACKGROUND_NICE if few else 0
            self._pool = LayoutPool([htmls[n] for n in self._todo], procs, nice, spare)

    @property
    def pending(self) -> bool:
        """True while some brief is still to be laid out."""
        return self._results is None and bool(self._todo)

    def close(self) -> None:
        """Stop the workers without waiting for their layouts (a failed build)."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def result(self) -> dict[str, bytes]:
        """Every brief as {file name: PDF bytes}, waiting for the layouts still running."""
        if self._results is None:
            try:
                if self._pool is not None:
                    try:
                        self._results = self._pool.results()
                    except LayoutError as exc:
                        raise BriefError(f"a brief could not be laid out: {exc}") from exc
                else:
                    self._results = [_timed_layout(h) for h in self._pending_html]
            finally:
                self.close()
            for name, (pdf, seconds) in zip(self._todo, self._results, strict=True):
                self._out[name] = pdf
                if self._timings is not None:
                    self._timings[name] = seconds
                if self._cache_dir is not None:
                    _store_pdf(self._cache_dir, self._keys[name], pdf)
            if self._cache_dir is not None:
                for name, key in self._closed.items():  # made now: kept from now on
                    _keep_pdf(self._cache_dir, key, self._keys[name])
        return dict(sorted(self._out.items()))


def start_briefs(
    digest: Digest,
    settings: Settings,
    workers: int | None = None,
    cache_dir: Path | None = None,
    timings: dict[str, tuple[float, float]] | None = None,
    spare: SpareWorker | None = None,
) -> BriefJob:
    """Start making every topic and week brief; ``BriefJob.result()`` has them.

    The HTML of every brief is made here (cheap); only briefs whose HTML is not in
    ``cache_dir`` (with a matching stored hash) are laid out by WeasyPrint (expensive),
    spread over ``workers`` processes (default ``settings.analysis.workers``; 0 = one per
    core) that run while the caller goes on. ``timings`` receives the layout seconds (wall,
    CPU) of each brief laid out.

    With a cache, the brief of a closed week (every week but the newest) is made once and
    kept while its own articles do not change (``closed_week_key``); its HTML is not even
    rendered again. A ``spare`` worker (``pdfworker.SpareWorker``) lays out first, or is
    ended when there is nothing to lay out.
    """
    scopes = all_scopes(digest)
    names = [brief_filename(s) for s in scopes]
    if len(names) != len(set(names)):
        raise BriefError("two briefs would share one file name")
    out: dict[str, bytes] = {}
    closed: dict[str, str] = {}  # name -> week key, for the weeks not kept (yet)
    newest = digest.weeks[0].week if digest.weeks else None
    if cache_dir is not None:
        for name, scope in zip(names, scopes, strict=True):
            if scope.week and not scope.topic:
                key = closed_week_key(digest, settings, scope)
                # the newest week is open: made from its HTML, but its key is recorded, so
                # once it closes its brief is kept unless its own articles change
                kept = _kept_pdf(cache_dir, key) if scope.week != newest else None
                if kept is not None:
                    out[name] = kept
                else:
                    closed[name] = key
    htmls = {
        name: render_html(digest, settings, s)
        for name, s in zip(names, scopes, strict=True)
        if name not in out
    }
    keys = {name: _pdf_key(html) for name, html in htmls.items()}
    for name in htmls:
        cached = _cached_pdf(cache_dir, keys[name])
        if cached is not None:
            out[name] = cached
    # biggest briefs first, so no worker is left with a long one at the end
    todo = sorted((n for n in htmls if n not in out), key=lambda n: (-len(htmls[n]), n))
    count = workers if workers is not None else settings.analysis.workers
    count = min(count or (os.cpu_count() or 1), len(todo))
    return BriefJob(names, out, todo, htmls, keys, closed, count, cache_dir, timings, spare)


def render_all_briefs(
    digest: Digest,
    settings: Settings,
    workers: int | None = None,
    cache_dir: Path | None = None,
    timings: dict[str, tuple[float, float]] | None = None,
) -> dict[str, bytes]:
    """Every topic and week brief as {file name: PDF bytes}, in file-name order
    (``start_briefs`` and its ``result()``: see there)."""
    job = start_briefs(digest, settings, workers, cache_dir, timings)
    try:
        return job.result()
    finally:
        job.close()


def write_all_briefs_bytes(
    digest: Digest,
    settings: Settings,
    folder: str = "briefs",
    workers: int | None = None,
    cache_dir: Path | None = None,
    timings: dict[str, tuple[float, float]] | None = None,
) -> dict[str, bytes]:
    """Every brief keyed by its path relative to ``docs/``, e.g. ``briefs/week-2022-W01.pdf``.

    For the site build, which writes these files together with the pages (atomic swap).
    ``timings`` receives the (wall, CPU) layout seconds of each brief laid out (not cached).
    """
    rendered = render_all_briefs(digest, settings, workers, cache_dir, timings)
    return {f"{folder}/{name}": pdf for name, pdf in rendered.items()}


def write_all_briefs(
    digest: Digest, settings: Settings, out_dir: Path, workers: int | None = None
) -> list[Path]:
    """Write every topic and week brief into ``out_dir``; returns the paths, sorted."""
    out_dir = Path(out_dir)
    written = []
    for name, pdf in render_all_briefs(digest, settings, workers).items():
        write_brief(pdf, out_dir / name)
        written.append(out_dir / name)
    return sorted(written)
