"""Writing curated Markdown files: front matter layout, merging, atomic and idempotent writes.

Merging an ingested article into an existing file keeps what people decided:

* a field listed in ``curated`` is never touched (a curated empty value means "unknown");
* an existing value wins over a newly *inferred* one (so hand edits survive even when the
  editor forgot to list the field in ``curated``);
* a newly *given* value (front matter, feed, HTML metadata) replaces an inferred one;
* the body is replaced by the new clean body unless ``body`` is curated;
* the mark of a title made from the lead (``lead_title`` in ``inferred``) goes with the
  title it marks.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import yaml

from generator.corpus import CorpusError, read_article
from generator.fileio import atomic_write_text
from generator.ingest.errors import IngestError
from generator.models import LEAD_TITLE, Article

MERGED_FIELDS = ("title", "date", "source", "original", "url", "language", "author")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def normalise_url(url: str) -> str:
    """Scheme and host lower-cased, no fragment, no trailing slash."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def url_id(url: str) -> str:
    return short_hash(normalise_url(url))


def text_id(text: str) -> str:
    """Id of an article known only by its text: hash of the whitespace-normalised text."""
    return short_hash(" ".join(text.split()))


def safe_id(value: str) -> str:
    """A file-name-safe id: letters, digits, ``. _ -``; never starts with a dot."""
    cleaned = _UNSAFE.sub("-", value).strip(".-_")[:100]
    return cleaned or short_hash(value)


def article_path(article: Article, into: Path) -> Path:
    return into / f"{safe_id(article.id)}.md"


def article_to_markdown(article: Article) -> str:
    """The curated file: YAML front matter (fixed key order) and the clean body."""
    data: dict[str, object] = {
        "id": article.id,
        "title": article.title,
        "date": article.date,
        "source": article.source,
        **({"original": article.original} if article.original else {}),
        "url": article.url,
        "language": article.language,
        "author": article.author,
        "origin": article.origin,
        "inferred": sorted(set(article.inferred)),
        "curated": sorted(set(article.curated)),
    }
    if article.note:
        data["note"] = article.note
    front = yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1_000_000
    )
    return f"---\n{front}---\n\n{article.body.strip()}\n"


def merge(old: Article, new: Article) -> Article:
    """``new`` merged into the existing ``old`` (see the module docstring)."""
    values: dict[str, object] = {}
    inferred: set[str] = set()
    curated = set(old.curated) | set(new.curated)
    for name in MERGED_FIELDS:
        old_value, new_value = getattr(old, name), getattr(new, name)
        old_inferred, new_inferred = name in old.inferred, name in new.inferred
        if name in old.curated:
            value, is_inferred, side = old_value, False, old
        elif name in new.curated:
            value, is_inferred, side = new_value, False, new
        elif old_value is None:
            value, is_inferred, side = new_value, new_inferred, new
        elif new_value is not None and old_inferred and not new_inferred:
            value, is_inferred, side = new_value, False, new
        else:
            value, is_inferred, side = old_value, old_inferred, old
        values[name] = value
        if is_inferred and value is not None:
            inferred.add(name)
            if name == "title" and any(  # the mark goes with its title
                LEAD_TITLE in a.inferred and a.title == value for a in (side, new)
            ):
                inferred.add(LEAD_TITLE)
    body = old.body if "body" in old.curated else new.body
    return replace(
        old,
        body=body,
        inferred=tuple(sorted(inferred)),
        curated=tuple(sorted(curated)),
        note=old.note or new.note,
        origin=old.origin or new.origin,
        path=None,
        **values,  # type: ignore[arg-type]
    )


def atomic_write(path: Path, text: str) -> None:
    """Write to a temporary file in the same folder, then rename over ``path``."""
    atomic_write_text(path, text)


def write_article(article: Article, into: Path) -> str:
    """Write or merge ``article`` into ``into/<id>.md``: "added", "updated" or "unchanged".

    Raises ``IngestError`` when an existing file cannot be read (it is never overwritten).
    """
    into = Path(into)
    article = replace(article, id=safe_id(article.id))
    path = article_path(article, into)
    if path.exists():
        try:
            old = read_article(path)
        except CorpusError as exc:
            raise IngestError(
                str(path),
                "existing file is broken and was not overwritten "
                f"({exc.field + ': ' if exc.field else ''}{exc.message})",
            ) from exc
        merged = merge(replace(old, id=article.id), article)
        text = article_to_markdown(merged)
        try:
            current = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current == text:
            return "unchanged"
        atomic_write(path, text)
        return "updated"
    atomic_write(path, article_to_markdown(replace(article, path=None)))
    return "added"
