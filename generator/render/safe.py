"""Escaping of third-party text (article titles, bodies, names) for Markdown and HTML.

Article text is never trusted: every string that reaches a page goes through ``md_text``
(the Jinja environment's ``finalize`` does it for every ``{{ }}``), unless it was built by
our own code and wrapped in ``Trusted``. ``md_text`` output is inert in all three places it
can land: inline Markdown, the content of a raw HTML block, and a double-quoted HTML
attribute. Markdown punctuation becomes numeric character references, which Python-Markdown
passes through untouched and the browser shows as the original characters.
"""

from __future__ import annotations

import functools
import html
import json
import re
import unicodedata
from urllib.parse import urlsplit

# Characters with a meaning in Markdown, its extensions, attribute lists, Jinja or snippets.
# One pass: HTML specials and Markdown specials together, so nothing is escaped twice.
_MD_SPECIAL = {ch: f"&#{ord(ch)};" for ch in "\\`*_{}[]#+!|~^="}
_MD_SPECIAL.update({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})
_MD_TABLE = str.maketrans(_MD_SPECIAL)
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")
_WS = re.compile(r"\s+")
_UNSAFE_URL_CHARS = re.compile(r"[\s\"'<>`\\\x00-\x1f\x7f]")


class Trusted(str):
    """Text built by our own code (links, HTML blocks, front matter): not escaped again."""

    __slots__ = ()


def _invisible_class() -> re.Pattern[str]:
    """Control, format, surrogate and private-use characters (\\n and \\t excepted)."""
    bad = [
        i
        for i in range(0x10000)
        if unicodedata.category(chr(i)) in ("Cc", "Cf", "Cs", "Co") and chr(i) not in "\n\t"
    ]
    spans: list[list[int]] = []
    for i in bad:
        if spans and spans[-1][1] == i - 1:
            spans[-1][1] = i
        else:
            spans.append([i, i])
    bmp = "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in spans)
    astral = "\\U0001bca0-\\U0001bca3\\U0001d173-\\U0001d17a\\U000e0000-\\U000e007f"
    return re.compile(f"[{bmp}{astral}\\U000f0000-\\U0010ffff]")


_INVISIBLE = _invisible_class()


def clean_text(text: str) -> str:
    """Drop control and format characters (bidi overrides, zero-width joiners), keep newlines."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFC", text))


MEMO_CHARS = 200  # md_text of shorter strings (titles, names, labels) is memoised


def md_text(text: object) -> str:
    """One line of inert text for inline Markdown, an HTML block or an HTML attribute."""
    if text is None:
        return ""
    s = str(text)
    return _md_text_memo(s) if len(s) <= MEMO_CHARS else _md_text(s)


def _md_text(text: str) -> str:
    s = _WS.sub(" ", clean_text(text)).strip()
    s = s.translate(_MD_TABLE)
    s = _LEADING_NUMBER.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", s)
    if s[:1] == "-":  # a list item or a setext/hr line if it ever reached a line start
        s = "&#45;" + s[1:]
    return s


# a site's pages repeat the same short strings (titles, outlets, labels) ~10^5 times
_md_text_memo = functools.lru_cache(maxsize=1 << 16)(_md_text)


def paragraphs_html(body: str, language: str | None = None) -> str:
    """The clean article text as one raw HTML block (not Markdown-parsed), one <p> a paragraph."""
    paras = [p for p in clean_text(body).split("\n\n") if p.strip()]
    lang = f' lang="{md_text(language)}"' if language else ""
    inner = "\n".join(f"<p>{md_text(p)}</p>" for p in paras)
    return f'<div class="digest-text"{lang}>\n{inner}\n</div>'


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) URL with a host, else None (never a link)."""
    if not url:
        return None
    url = url.strip()
    if _UNSAFE_URL_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def external_link(url: str | None, label: str) -> Trusted:
    """An <a> to an http(s) URL (rel=nofollow noopener), or the label as text when unsafe."""
    ok = safe_url(url)
    if ok is None:
        return Trusted(md_text(label))
    href = html.escape(ok, quote=True)
    return Trusted(f'<a href="{href}" rel="nofollow noopener noreferrer">{md_text(label)}</a>')


def plain_label(text: str | None) -> str:
    """Text for places rendered by MkDocs/Material templates without escaping (front-matter
    title, tags): no markup characters at all, one line."""
    s = _WS.sub(" ", clean_text(text or "")).strip()
    s = re.sub(r"[<>&\"'`\\{}\[\]|]", " ", s)
    return _WS.sub(" ", s).strip()


def front_matter(data: dict[str, object]) -> Trusted:
    """YAML front matter; values are JSON-encoded (valid YAML, no YAML tags or anchors)."""
    lines = ["---"]
    for key, value in data.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return Trusted("\n".join(lines) + "\n")
