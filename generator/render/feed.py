"""Atom feeds: the site's latest articles, and one feed per topic, per story and per entity.

Every date comes from the data (no "now"): a feed's ``updated`` is its newest entry's date,
so the same digest always gives byte-identical feeds. Also the "breaking" rule for stories.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Iterable, Mapping, Sequence
from xml.sax.saxutils import escape, quoteattr

from generator.models import Analysis, Digest, Story
from generator.render.safe import clean_text, safe_url
from generator.settings import AlertSettings, Settings

EPOCH = "1970-01-01T00:00:00Z"  # ``updated`` of a feed without dated entries


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _text(value: str) -> str:
    return escape(" ".join(clean_text(value).split()))


def feed_path(page: str) -> str:
    """Where the feed of a page lives: ``topics/x.md`` -> ``feeds/topics/x.xml``."""
    return "feeds/" + posixpath.splitext(page)[0] + ".xml"


def _entry(a: Analysis, page: str) -> list[str]:
    stamp = _stamp(a.article.date)  # type: ignore[arg-type]
    lines = [
        f"  <entry xml:lang={quoteattr(a.language)}>",
        f"    <title>{_text(a.article.title) or escape(a.id)}</title>",
        f"    <id>{escape(page)}</id>",
        f"    <link href={quoteattr(page)}/>",
    ]
    original = safe_url(a.article.url)
    if original:
        lines.append(f'    <link rel="related" href={quoteattr(original)}/>')
    lines += [
        f"    <published>{stamp}</published>",
        f"    <updated>{stamp}</updated>",
    ]
    if a.article.source:
        lines.append(f"    <source><title>{_text(a.article.source)}</title></source>")
    for kw in a.text.keywords[:8]:
        lines.append(f"    <category term={quoteattr(' '.join(clean_text(kw).split()))}/>")
    if a.text.summary:
        lines.append(f"    <summary>{_text(' '.join(a.text.summary))}</summary>")
    lines.append("  </entry>")
    return lines


def atom_xml(
    settings: Settings,
    title: str,
    self_path: str,
    page_url: str,
    items: Sequence[Analysis],
    article_urls: Mapping[str, str],
    subtitle: str = "",
    id_path: str | None = None,
    entries: dict[str, list[str]] | None = None,
) -> str:
    """An Atom document of the dated ``items`` (in the given order, newest first).

    ``self_path`` is the feed's path and ``page_url`` the page it follows, both relative
    to the site root; ``article_urls`` maps article id -> page URL relative to the root.
    The feed's id is its own URL (``id_path``, if given, instead of ``self_path``).
    ``entries``: the entries already made, by article id (an article is in several feeds).
    """
    base = settings.site.url.rstrip("/") + "/"
    dated = [a for a in items if a.article.date]
    newest = max((a.article.date for a in dated), default=None)  # type: ignore[type-var]
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(settings.site.language)}>',
        f"  <title>{_text(title)}</title>",
    ]
    if subtitle:
        lines.append(f"  <subtitle>{_text(subtitle)}</subtitle>")
    lines += [
        f"  <id>{escape(base + (self_path if id_path is None else id_path))}</id>",
        f"  <link href={quoteattr(base + page_url)}/>",
        f'  <link rel="self" href={quoteattr(base + self_path)}/>',
        f"  <updated>{_stamp(newest) if newest else EPOCH}</updated>",
        f"  <author><name>{_text(settings.site.author)}</name></author>",
    ]
    made = entries if entries is not None else {}
    for a in dated:
        if a.id not in made:
            made[a.id] = _entry(a, base + article_urls[a.id])
        lines += made[a.id]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def atom_feed(digest: Digest, settings: Settings, article_urls: dict[str, str]) -> str:
    """Atom XML for the ``settings.output.feed_items`` newest dated articles of the site."""
    items = [a for a in digest.analyses if a.article.date][: settings.output.feed_items]
    return atom_xml(
        settings,
        settings.site.name,
        "feed.xml",
        "",
        items,
        article_urls,
        subtitle=settings.site.description,
        id_path="",
    )


def newest_first(ids: Iterable[str], by_id: Mapping[str, Analysis]) -> list[Analysis]:
    """Articles newest first, ties (and undated, last) by id."""
    return sorted(
        (by_id[i] for i in ids),
        key=lambda a: (-(a.article.date.toordinal() if a.article.date else 0), a.id),
    )


def is_breaking(
    story: Story, by_id: Mapping[str, Analysis], newest: dt.date | None, rules: AlertSettings
) -> bool:
    """A story is breaking when at least ``rules.breaking_reports`` of its reports are dated
    within ``rules.breaking_days`` days before ``newest`` (the digest's newest article date)
    and these new reports are at least as many as its older ones (its count doubled)."""
    if newest is None or len(story.article_ids) < 2:
        return False
    since = newest - dt.timedelta(days=rules.breaking_days)
    dates = [by_id[i].article.date for i in story.article_ids]
    new = sum(1 for d in dates if d is not None and since <= d <= newest)
    return new >= rules.breaking_reports and new >= len(dates) - new


def feed_files(
    digest: Digest,
    settings: Settings,
    topic_pages: Mapping[str, str],
    story_pages: Mapping[str, str],
    entity_pages: Mapping[tuple[str, str], str],
    article_urls: Mapping[str, str],
    page_url: Callable[[str], str],
) -> dict[str, str]:
    """{path under docs/: Atom XML} for every topic, story (with a page) and entity page."""
    by_id = digest.by_id()
    site = settings.site.name
    n = settings.alerts.feed_items
    out: dict[str, str] = {}
    made: dict[str, list[str]] = {}  # each article's entry, made once for all its feeds
    for g in digest.topics:
        page = topic_pages.get(g.topic.id)
        if page:
            items = newest_first(g.article_ids, by_id)[:n]
            title = f"{site} — {g.topic.title_en}"
            out[feed_path(page)] = atom_xml(
                settings, title, feed_path(page), page_url(page), items, article_urls, entries=made
            )
    for st in digest.stories:
        page = story_pages.get(st.id)
        if page:
            items = newest_first(st.article_ids, by_id)
            title = f"{site} — {st.title}"
            out[feed_path(page)] = atom_xml(
                settings, title, feed_path(page), page_url(page), items, article_urls, entries=made
            )
    for e in digest.entities:
        page = entity_pages.get((e.name, e.kind))
        if page:
            items = newest_first(e.article_ids, by_id)[:n]
            title = f"{site} — {e.name}"
            out[feed_path(page)] = atom_xml(
                settings, title, feed_path(page), page_url(page), items, article_urls, entries=made
            )
    return dict(sorted(out.items()))
