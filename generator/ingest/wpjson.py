"""A WordPress REST API post (``/wp-json/wp/v2/posts/…``) saved as the article.

Scrapers often fetch a WordPress site's JSON instead of its page: one object whose
``title.rendered`` and ``content.rendered`` hold the headline and the text as HTML, with the
publication time in ``date`` and the page's address in ``link``. A saved copy may be cut off
mid-text (a size limit): the fields read are taken up to the cut.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from generator.ingest.html import _clean, _date, html_to_text

# the first keys of a post object, in the order WordPress writes them
_POST_START = re.compile(r'^\s*\{\s*"id"\s*:\s*\d+\s*,\s*"date"\s*:\s*"')
_STRING = r'"((?:[^"\\]|\\.)*)'  # a JSON string's body, maybe cut before its closing quote
_FIELDS = {
    "title": re.compile(r'"title"\s*:\s*\{\s*"rendered"\s*:\s*' + _STRING + '"'),
    "content": re.compile(r'"content"\s*:\s*\{\s*"rendered"\s*:\s*' + _STRING),
    "date": re.compile(r'"date"\s*:\s*"(\d{4}-\d{2}-\d{2})'),
    "link": re.compile(r'"link"\s*:\s*' + _STRING + '"'),
}


@dataclass(frozen=True)
class WordPressPost:
    """The post's text (one paragraph a line, blank lines between) and its fields."""

    text: str
    title: str | None
    date: dt.date | None
    url: str | None


def looks_like_wordpress_post(text: str) -> bool:
    """Does the text open as a WordPress REST API post ('{"id":7088,"date":"2022-…')?"""
    head = text.lstrip("\ufeff")[:4096]
    return bool(_POST_START.match(head)) and '"rendered"' in head


def _unescape(body: str) -> str:
    """A JSON string's body, decoded; a cut-off escape at its end is dropped."""
    body = re.sub(r"\\(?:u[0-9a-fA-F]{0,3})?$", "", body)
    try:
        return json.loads(f'"{body}"')
    except json.JSONDecodeError:
        return body.replace("\\/", "/").replace('\\"', '"').replace("\\n", "\n")


def read_wordpress_post(text: str) -> WordPressPost | None:
    """The post in ``text``, whole or cut off; ``None`` when it holds no content."""
    fields: dict[str, str] = {}
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError:
        data = None
    if isinstance(data, dict):
        for name in ("title", "content"):
            value = data.get(name)
            if isinstance(value, dict) and isinstance(value.get("rendered"), str):
                fields[name] = value["rendered"]
        for name in ("date", "link"):
            if isinstance(data.get(name), str):
                fields[name] = data[name]
    else:
        for name, rx in _FIELDS.items():
            m = rx.search(text)
            if m:
                fields[name] = m.group(1) if name == "date" else _unescape(m.group(1))
    content = re.sub(r"<[^>]*$", "", fields.get("content", ""))  # a tag cut off at the end
    body = html_to_text(content)
    if not body.strip():
        return None
    title = _clean(html_to_text(fields.get("title", "")))  # (references decoded once)
    link = fields.get("link", "").strip()
    url = link if link.startswith(("http://", "https://")) else None
    return WordPressPost(text=body, title=title, date=_date(fields.get("date")), url=url)
