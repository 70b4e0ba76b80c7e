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
import datetime as dt
import functools
import hashlib
import multiprocessing
import os
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
import yaml

from generator.digest import topic_overview
from generator.fileio import atomic_write_bytes
from generator.models import ENTITY_KINDS, Analysis, Citation, Digest, Topic, TopicGroup
from generator.settings import Settings

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "brief"
TEMPLATE_NAME = "brief.html.j2"
STYLESHEET_NAME = "brief.css"
LABELS_NAME = "i18n.yml"

FONT_FAMILY = "DejaVu Sans"  # as named in brief.css; Debian package fonts-dejavu-core
FONT_LANGUAGES = ("ru", "uk", "kk")  # the font must cover these orthographies fully
MAX_KEYWORDS = 15
MAX_ENTITIES_PER_KIND = 8

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
        data = yaml.safe_load(fh)
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
class ArticleCard:
    number: int
    anchor: str
    title: str
    date: str
    source: str
    language: str  # code, for the lang attribute
    language_name: str
    summary: tuple[str, ...]
    topics: tuple[str, ...]
    url: str | None


@dataclass(frozen=True)
class OverviewLine:
    sentence: str
    number: int
    anchor: str
    language: str


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
    numbers: Mapping[str, int],
    n: int,
) -> list[Citation]:
    if group is not None and whole_topic and group.overview:
        return [c for c in group.overview if c.article_id in numbers]
    topic_id = group.topic.id if group is not None else None
    return [c for c in _computed_overview(selected, topic_id, n) if c.article_id in numbers]


def _charts(
    digest: Digest, scope: BriefScope, labels: Mapping[str, Any], interface: str
) -> list[Chart]:
    """The site's SVG charts for this scope, as data URIs (none if the module is missing)."""
    try:
        from generator.render import charts
        from generator.render.pages import load_labels
    except ImportError:
        return []
    site_labels = load_labels(interface)  # the same chart files as the site's
    makers: list[tuple[str, Callable[[], str]]] = []
    if scope.week:
        week = scope.week
        makers.append(
            (
                labels["chart_week_topics"],
                lambda: charts.week_topics_svg(digest, week, labels=site_labels),
            )
        )
    else:
        makers.append(
            (
                labels["chart_topics_by_week"],
                lambda: charts.topics_by_week_svg(digest, labels=site_labels),
            )
        )
    out = []
    for title, make in makers:
        svg = make()
        if svg and svg.strip():
            encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
            out.append(Chart(title, "data:image/svg+xml;base64," + encoded))
    return out


def brief_context(digest: Digest, settings: Settings, scope: BriefScope) -> dict[str, Any]:
    """Everything the brief template shows, already sorted, counted and formatted."""
    language = settings.site.language
    labels = load_labels(language)
    selected = select(digest, scope)
    group = _topic_group(digest, scope.topic) if scope.topic else None
    whole_topic = group is not None and not (scope.week or scope.start or scope.end)
    titles = {g.topic.id: topic_title(g.topic, language) for g in digest.topics}
    short_titles = {g.topic.id: short_topic_title(g.topic, language) for g in digest.topics}

    numbers = {a.id: i for i, a in enumerate(selected, start=1)}
    cards = [
        ArticleCard(
            number=numbers[a.id],
            anchor=f"a{numbers[a.id]}",
            title=a.article.title,
            date=format_date(a.article.date, labels),
            source=a.article.source or labels["unknown_source"],
            language=a.language,
            language_name=language_name(a.language, labels),
            summary=tuple(a.text.summary),
            topics=tuple(short_titles.get(t, t) for t in a.topic_ids),
            url=a.article.url if _is_web_url(a.article.url) else None,
        )
        for a in selected
    ]
    language_of = {a.id: a.language for a in selected}
    overview_lines = [
        OverviewLine(
            c.sentence,
            numbers[c.article_id],
            f"a{numbers[c.article_id]}",
            language_of[c.article_id],
        )
        for c in _overview(
            selected, group, whole_topic, numbers, settings.analysis.overview_sentences
        )
    ]
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
    return {
        "lang": language,
        "labels": labels,
        "site_name": settings.site.name,
        "author": settings.site.author,
        "scope": scope_text,
        "running": running,
        "period": period,
        "doc_title": f"{settings.site.name} — {scope_text}",
        "figures": _figures(selected, group is not None, sources, languages, titles, labels),
        "languages": languages,
        "topics": [] if group is not None else _topic_counts(selected, titles),
        "sources": sources,
        "overview": overview_lines,
        "charts": _charts(digest, scope, labels, settings.site.language),
        "keywords": _keywords(selected, group, whole_topic),
        "entities": [(labels[k], entities[k]) for k in ENTITY_KINDS if entities[k]],
        "articles": cards,
        "endnotes": [c for c in cards],
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


def _data_only_fetcher() -> Any:
    """A WeasyPrint URL fetcher that loads ``data:`` URIs only: a brief never reads files
    or the network, whatever ends up in its HTML or in an embedded SVG."""
    import weasyprint

    fetcher_class = getattr(weasyprint.urls, "URLFetcher", None)
    if fetcher_class is not None:  # WeasyPrint >= 68
        return fetcher_class(allowed_protocols=("data",))

    def fetch(url: str) -> Any:  # pragma: no cover - older WeasyPrint
        if not url.startswith("data:"):
            raise ValueError(f"briefs load no external resources: {url[:80]}")
        return weasyprint.default_url_fetcher(url)

    return fetch


def html_to_pdf(html: str) -> bytes:
    """Lay out ``html`` with WeasyPrint; fixed identifier from the HTML's hash."""
    import weasyprint

    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    document = weasyprint.HTML(
        string=html, base_url=str(TEMPLATE_DIR), url_fetcher=_data_only_fetcher()
    )
    pdf = document.write_pdf(pdf_identifier=identifier)
    assert isinstance(pdf, bytes)
    return pdf


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


def _pdf_key(html: str) -> str:
    """Cache key of a brief: its HTML (which holds all its data) and the WeasyPrint version."""
    import weasyprint

    h = hashlib.sha256(weasyprint.__version__.encode())
    h.update(html.encode("utf-8"))
    return h.hexdigest()


def _cached_pdf(cache_dir: Path | None, key: str) -> bytes | None:
    if cache_dir is None:
        return None
    try:
        pdf = (cache_dir / f"{key}.pdf").read_bytes()
    except OSError:
        return None
    return pdf if pdf.startswith(b"%PDF-") else None


def render_all_briefs(
    digest: Digest,
    settings: Settings,
    workers: int | None = None,
    cache_dir: Path | None = None,
) -> dict[str, bytes]:
    """Every topic and week brief as {file name: PDF bytes}, in file-name order.

    The HTML of every brief is made here (cheap); only briefs whose HTML is not in
    ``cache_dir`` are laid out by WeasyPrint (expensive), spread over ``workers``
    processes (default ``settings.analysis.workers``; 0 = one per core).
    """
    scopes = all_scopes(digest)
    names = [brief_filename(s) for s in scopes]
    if len(names) != len(set(names)):
        raise BriefError("two briefs would share one file name")
    htmls = {name: render_html(digest, settings, s) for name, s in zip(names, scopes, strict=True)}
    keys = {name: _pdf_key(html) for name, html in htmls.items()}
    out: dict[str, bytes] = {}
    for name in names:
        cached = _cached_pdf(cache_dir, keys[name])
        if cached is not None:
            out[name] = cached
    # biggest briefs first, so no worker is left with a long one at the end
    todo = sorted((n for n in names if n not in out), key=lambda n: (-len(htmls[n]), n))
    count = workers if workers is not None else settings.analysis.workers
    count = min(count or (os.cpu_count() or 1), len(todo))
    if count <= 1:
        pdfs = [html_to_pdf(htmls[n]) for n in todo]
    else:
        # forkserver, not fork: the caller may hold threads (models, pools) a fork would copy
        with ProcessPoolExecutor(
            max_workers=count, mp_context=multiprocessing.get_context("forkserver")
        ) as pool:
            pdfs = list(pool.map(html_to_pdf, [htmls[n] for n in todo]))
    for name, pdf in zip(todo, pdfs, strict=True):
        out[name] = pdf
        if cache_dir is not None:
            write_brief(pdf, cache_dir / f"{keys[name]}.pdf")
    return dict(sorted(out.items()))


def write_all_briefs_bytes(
    digest: Digest,
    settings: Settings,
    folder: str = "briefs",
    workers: int | None = None,
    cache_dir: Path | None = None,
) -> dict[str, bytes]:
    """Every brief keyed by its path relative to ``docs/``, e.g. ``briefs/week-2022-W01.pdf``.

    For the site build, which writes these files together with the pages (atomic swap).
    """
    rendered = render_all_briefs(digest, settings, workers, cache_dir)
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
