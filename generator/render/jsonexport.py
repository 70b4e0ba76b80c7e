"""``digest.json``: the whole analysed corpus and its grouping, as stable, sorted JSON."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

from generator.models import Digest, Story
from generator.serialize import to_jsonable
from generator.settings import Settings

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


def digest_to_jsonable(digest: Digest, settings: Settings) -> dict[str, Any]:
    """Plain JSON values; key order fixed by the dataclasses, lists in digest order."""
    dates = [a.article.date for a in digest.analyses if a.article.date]
    articles = []
    for a in digest.analyses:
        item = to_jsonable(a)
        item["article"].pop("path", None)  # a local file path: not part of the data
        item["article"]["origin"] = public_origin(a.article.origin, settings.root)
        # lemma streams are internal working data (large); sentences and results are exported
        item["text"].pop("sentence_lemmas", None)
        item["text"].pop("title_lemmas", None)
        item["related"] = list(digest.related.get(a.id, ()))
        articles.append(item)
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
        "articles": articles,
    }


def digest_json(digest: Digest, settings: Settings) -> str:
    """The text of ``digest.json`` (UTF-8, indented, trailing newline)."""
    data = digest_to_jsonable(digest, settings)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
