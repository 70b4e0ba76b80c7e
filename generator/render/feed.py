"""Atom feed of the latest dated articles. Every date comes from the data (no "now")."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from generator.models import Analysis, Digest
from generator.render.safe import clean_text, plain_label, safe_url
from generator.settings import Settings


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _text(value: str) -> str:
    return escape(" ".join(clean_text(value).split()))


def atom_feed(digest: Digest, settings: Settings, article_urls: dict[str, str]) -> str:
    """Atom XML for the ``settings.output.feed_items`` newest dated articles.

    ``article_urls`` maps article id -> the page URL relative to the site root.
    """
    base = settings.site.url.rstrip("/") + "/"
    items: list[Analysis] = [a for a in digest.analyses if a.article.date][
        : settings.output.feed_items
    ]
    updated = _stamp(items[0].article.date) if items else "1970-01-01T00:00:00Z"  # type: ignore[arg-type]
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(settings.site.language)}>',
        f"  <title>{_text(settings.site.name)}</title>",
        f"  <subtitle>{_text(settings.site.description)}</subtitle>",
        f"  <id>{escape(base)}</id>",
        f"  <link href={quoteattr(base)}/>",
        f'  <link rel="self" href={quoteattr(base + "feed.xml")}/>',
        f"  <updated>{updated}</updated>",
        f"  <author><name>{_text(settings.site.author)}</name></author>",
    ]
    for a in items:
        page = base + article_urls[a.id]
        stamp = _stamp(a.article.date)  # type: ignore[arg-type]
        lines += [
            f"  <entry xml:lang={quoteattr(a.language)}>",
            f"    <title>{_text(plain_label(a.article.title) or a.id)}</title>",
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
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
