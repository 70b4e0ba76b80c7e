"""HTML pages -> main text plus the page's own metadata, through trafilatura."""

from __future__ import annotations

import datetime as dt
import html
import re
import warnings
from dataclasses import dataclass
from html.parser import HTMLParser

_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"<(?:body|div|p|article|meta|title)\b[^>]*>", re.IGNORECASE)


# Markup whose characters were written as HTML5 named references by a scraper
# ("<div class&equals;\"wpcnt\">", "<&sol;p>&NewLine;"): no page escapes "=" or "/" so.
_ESCAPED_MARKUP = re.compile(r"<&sol;[A-Za-z]|[a-z]&equals;(?:[\"']|&quot;)")


@dataclass(frozen=True)
class HtmlPage:
    """What trafilatura found: main text (one paragraph a line) and metadata."""

    text: str
    title: str | None = None
    author: str | None = None
    date: dt.date | None = None
    sitename: str | None = None
    url: str | None = None


def looks_like_html(text: str) -> bool:
    """True for an HTML document (doctype/html tag first, or several block tags early)."""
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 3


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def extract_html(html: str, url: str | None = None) -> HtmlPage | None:
    """Main text and metadata of an HTML page; ``None`` when no main text is found."""
    import trafilatura  # heavy import, only needed for HTML input

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    if doc is None:
        return None
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    if not text.strip():
        return None
    # One paragraph a line: separate them by blank lines for the cleaner.
    text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    return HtmlPage(
        text=text,
        title=_clean(data.get("title")),
        author=_clean(data.get("author")),
        date=_date(data.get("date")),
        sitename=_clean(data.get("sitename")),
        url=_clean(data.get("url")) or url,
    )


_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"blockquote", "section", "article", "tr", "table", "pre"}
)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: one line per block, blocks separated by a blank line.

    The result is inert text (tags dropped, entities decoded); it is never rendered as HTML.
    """
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    blocks = ("".join(collector.parts)).split("\n\n")
    lines = [" ".join(b.split()) for b in blocks]
    return "\n\n".join(line for line in lines if line)


def unescaped_markup(text: str) -> str | None:
    """The plain text of a page whose markup came with its characters written as named
    references ("<&sol;p>&NewLine;<p>Troops …"): references decoded, tags dropped, one
    block a line. ``None`` for any other text (left as it is)."""
    if not _ESCAPED_MARKUP.search(text[:20_000]):
        return None
    return html_to_text(html.unescape(text))
