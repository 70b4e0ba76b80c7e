"""``digest.json``: the whole analysed corpus and its grouping, as stable, sorted JSON.

The articles are nine tenths of the file. Each is written on its own (the text
``json.dumps(indent=1)`` gives it at its depth in the file) and, with a cache of rendered
pages (``render.pagecache``), kept for the next render: a weekly run encodes its new
articles only. An article's text is keyed by a hash of its analysis, its related articles
and its published origin, everything it is made of.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from generator.models import Analysis, Digest, Story
from generator.serialize import to_jsonable
from generator.settings import Settings

if TYPE_CHECKING:
    from generator.render.pagecache import RenderedPages

FORMAT = "digest-json/1"


def public_origin(origin: str | None, root: Path) -> str | None:
    """``origin`` as it may be published: a URL, or a path relative to the project ``root``;
    None for a local path outside it (the operator's folders are nobody's business)."""
    if not origin:
        return None
    if origin.startswith(("http://", "https://")):
        return origin
    if "\\" in origin or ":" in origin:  # a Windows path or some other scheme
        return None
    path = Path(origin)
    if path.is_absolute():
        try:
            path = path.resolve().relative_to(Path(root).resolve())
        except (ValueError, OSError):
            return None
    rel = PurePosixPath(path.as_posix())
    if rel.is_absolute() or ".." in rel.parts or "~" in rel.parts[:1]:
        return None
    return rel.as_posix()


def story_record(s: Story) -> dict[str, Any]:
    """One story: id, title, first/last day, topics, article ids (first report first),
    sources, languages, the cited summary and the reprints (copy -> original)."""
    return {
        "id": s.id,
        "title": s.title,
        "first_seen": s.first_seen.isoformat() if s.first_seen else None,
        "last_seen": s.last_seen.isoformat() if s.last_seen else None,
        "topics": list(s.topics),
        "articles": list(s.article_ids),
        "sources": list(s.sources),
        "languages": list(s.languages),
        "summary": [{"sentence": c.sentence, "article_id": c.article_id} for c in s.summary],
        "reprints": [{"reprint": r, "original": o} for r, o in s.reprints],
    }


def article_record(a: Analysis, related: tuple[str, ...], origin: str | None) -> dict[str, Any]:
    """One article of ``digest.json``: its analysis without the local path and the lemma
    streams, with its published ``origin`` (``public_origin``) and its related articles."""
    item = to_jsonable(a)
    item["article"].pop("path", None)  # a local file path: not part of the data
    item["article"]["origin"] = origin
    # lemma streams are internal working data (large); sentences and results are exported
    item["text"].pop("sentence_lemmas", None)
    item["text"].pop("title_lemmas", None)
    item["related"] = list(related)
    return item


def digest_to_jsonable(digest: Digest, settings: Settings, articles: bool = True) -> dict[str, Any]:
    """Plain JSON values; key order fixed by the dataclasses, lists in digest order.
    ``articles=False``: the list of articles (the last key) is left empty."""
    dates = [a.article.date for a in digest.analyses if a.article.date]
    records = [
        article_record(
            a, digest.related.get(a.id, ()), public_origin(a.article.origin, settings.root)
        )
        for a in (digest.analyses if articles else ())
    ]
    return {
        "format": FORMAT,
        "site": {
            "name": settings.site.name,
            "description": settings.site.description,
            "url": settings.site.url,
            "language": settings.site.language,
        },
        "articles_count": len(digest.analyses),
        "first_date": min(dates).isoformat() if dates else None,
        "last_date": max(dates).isoformat() if dates else None,
        "languages": [{"language": code, "articles": n} for code, n in digest.languages],
        "topics": to_jsonable(digest.topics),
        "weeks": to_jsonable(digest.weeks),
        "entities": to_jsonable(digest.entities),
        "sources": to_jsonable(digest.sources),
        "undated_ids": list(digest.undated_ids),
        "duplicates": to_jsonable(digest.duplicates),
        "stories": [story_record(s) for s in digest.stories],
        "articles": records,
    }


ARTICLE_INDENT = "\n  "  # an article's lines in the file: depth 2, one space a level


def _article_text(a: Analysis, related: tuple[str, ...], origin: str | None) -> str:
    """The article's record as ``json.dumps(indent=1)`` writes it inside the file's list
    (JSON escapes every newline inside a string: each one left is a line break)."""
    text = json.dumps(article_record(a, related, origin), ensure_ascii=False, indent=1)
    return text.replace("\n", ARTICLE_INDENT)


def digest_json(digest: Digest, settings: Settings, cache: RenderedPages | None = None) -> str:
    """The text of ``digest.json`` (UTF-8, indented, trailing newline): the text
    ``json.dumps(digest_to_jsonable(...), ensure_ascii=False, indent=1)`` gives, with each
    article's part taken from ``cache`` when its inputs are unchanged."""
    head = json.dumps(digest_to_jsonable(digest, settings, articles=False),
                      ensure_ascii=False, indent=1)  # fmt: skip
    if not digest.analyses:
        return head + "\n"
    empty = '"articles": []\n}'
    if not head.endswith(empty):  # the articles are the last key of the record
        raise AssertionError("digest.json: the articles are not the last key")
    out = [head[: -len(empty)] + '"articles": [' + ARTICLE_INDENT]
    for n, a in enumerate(digest.analyses):
        related = tuple(digest.related.get(a.id, ()))
        origin = public_origin(a.article.origin, settings.root)
        text = None
        if cache is not None:
            key = cache.key("digest.json", cache.analysis_hash(a), related, origin)
            text = cache.get(key, count=False)
        if text is None:
            text = _article_text(a, related, origin)
            if cache is not None:
                cache.put(key, text)
        if n:
            out.append("," + ARTICLE_INDENT)
        out.append(text)
    out.append("\n ]\n}\n")
    return "".join(out)
