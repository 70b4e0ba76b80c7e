"""Analysis cache: one JSON file per article, keyed by content + settings hash.

An entry holds the expensive ``TextAnalysis`` and the topic scores computed for one
taxonomy (by its fingerprint). A weekly rebuild finds every unchanged article here and
analyses only new or edited ones; a taxonomy change re-scores topics from the cached text
analysis without redoing it. Entries are written atomically; an unreadable or malformed
entry counts as a miss.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from generator.fileio import atomic_write_text
from generator.models import TextAnalysis, TopicMatch
from generator.serialize import text_analysis_from_dict, to_jsonable, topic_match_from_dict


@dataclass(frozen=True)
class CacheEntry:
    text: TextAnalysis
    topics_fingerprint: str = ""
    topics: tuple[TopicMatch, ...] | None = field(default=None)

    def topics_for(self, fingerprint: str) -> tuple[TopicMatch, ...] | None:
        return self.topics if self.topics_fingerprint == fingerprint else None


class AnalysisCache:
    """A folder of ``<key[:2]>/<key>.json`` files."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _path(self, key: str) -> Path:
        if not key.isalnum():
            raise ValueError(f"bad cache key {key!r}")
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> CacheEntry | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            topics = data.get("topics")
            return CacheEntry(
                text=text_analysis_from_dict(data["text"]),
                topics_fingerprint=str(data.get("topics_fingerprint", "")),
                topics=tuple(topic_match_from_dict(t) for t in topics)
                if isinstance(topics, list)
                else None,
            )
        except (OSError, ValueError, UnicodeDecodeError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, entry: CacheEntry) -> None:
        text = json.dumps(to_jsonable(entry), ensure_ascii=False)
        atomic_write_text(self._path(key), text)

    def __len__(self) -> int:
        return sum(1 for _ in self.folder.glob("*/*.json")) if self.folder.is_dir() else 0
