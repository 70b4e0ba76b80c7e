"""Dataclasses <-> JSON-compatible values (cache files, digest.json, golden fixtures).

``to_jsonable`` walks any of the stage dataclasses; the ``*_from_dict`` functions rebuild
them and reject anything malformed with ``ValueError`` (a corrupt cache entry is then
simply recomputed).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import sys
from typing import Any

from generator.models import (
    Analysis,
    Article,
    EntityMention,
    Evidence,
    TextAnalysis,
    TopicMatch,
)

_PLAIN = frozenset({str, int, float, bool, type(None)})


@functools.lru_cache(maxsize=256)
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, else None (memoised: called per value)."""
    if dataclasses.is_dataclass(cls):
        return tuple(f.name for f in dataclasses.fields(cls))
    return None


def to_jsonable(value: Any) -> Any:
    """Convert dataclasses, tuples, dates and paths to plain JSON values (key order kept)."""
    cls = type(value)
    if cls in _PLAIN:  # the common case first: a digest is mostly strings and numbers
        return value
    if cls is tuple or cls is list:
        return [to_jsonable(v) for v in value]
    names = _field_names(cls)
    if names is not None:
        return {name: to_jsonable(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def dumps(value: Any, *, indent: int | None = None) -> str:
    """Deterministic JSON text: UTF-8 characters kept, keys in dataclass order."""
    return json.dumps(to_jsonable(value), ensure_ascii=False, indent=indent)


def _tuple_of_str(items: Any, name: str) -> tuple[str, ...]:
    if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
        raise ValueError(f"{name}: expected a list of strings")
    return tuple(items)


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("date: expected an ISO date string")
    return dt.date.fromisoformat(value)


def article_from_dict(d: dict[str, Any]) -> Article:
    fields = {f.name for f in dataclasses.fields(Article)}
    data = {k: v for k, v in d.items() if k in fields}
    data["date"] = _date(data.get("date"))
    data["inferred"] = _tuple_of_str(data.get("inferred", []), "inferred")
    data["curated"] = _tuple_of_str(data.get("curated", []), "curated")
    return Article(**data)


def shared_lemmas(text: TextAnalysis) -> TextAnalysis:
    """``text`` with one string object per distinct lemma (``sys.intern``): analyses read
    from the cache (JSON) or received from workers (pickles) hold a string per occurrence,
    2.6 million strings (over 200 MB) for a vocabulary of thousands at 5,000 articles."""
    intern = sys.intern
    return dataclasses.replace(
        text,
        sentence_lemmas=tuple(tuple(map(intern, s)) for s in text.sentence_lemmas),
        title_lemmas=tuple(map(intern, text.title_lemmas)),
    )


def text_analysis_from_dict(d: dict[str, Any]) -> TextAnalysis:
    intern = sys.intern
    try:
        return TextAnalysis(
            language=str(d["language"]),
            sentences=_tuple_of_str(d["sentences"], "sentences"),
            sentence_lemmas=tuple(
                tuple(map(intern, _tuple_of_str(s, "sentence_lemmas")))
                for s in d["sentence_lemmas"]
            ),
            keywords=_tuple_of_str(d["keywords"], "keywords"),
            summary=_tuple_of_str(d["summary"], "summary"),
            entities=tuple(
                EntityMention(
                    name=e["name"],
                    kind=e["kind"],
                    count=int(e["count"]),
                    forms=_tuple_of_str(e.get("forms", []), "forms"),
                    transliterated=bool(e.get("transliterated", False)),
                )
                for e in d["entities"]
            ),
            title_lemmas=tuple(
                map(intern, _tuple_of_str(d.get("title_lemmas", []), "title_lemmas"))
            ),
        )
    except (KeyError, TypeError) as exc:
        raise ValueError(f"malformed text analysis: {exc}") from exc


def topic_match_from_dict(d: dict[str, Any]) -> TopicMatch:
    return TopicMatch(
        topic=d["topic"],
        score=float(d["score"]),
        evidence=tuple(Evidence(term=e["term"], count=int(e["count"])) for e in d["evidence"]),
    )


def analysis_from_dict(d: dict[str, Any]) -> Analysis:
    return Analysis(
        article=article_from_dict(d["article"]),
        text=text_analysis_from_dict(d["text"]),
        topics=tuple(topic_match_from_dict(t) for t in d.get("topics", [])),
    )
