"""Analysis cache: one file per article, keyed by content + settings hash.

An entry holds the expensive ``TextAnalysis`` and the topic scores computed for one
taxonomy (by its fingerprint). A weekly rebuild finds every unchanged article here and
analyses only new or edited ones; a taxonomy change re-scores topics from the cached text
analysis without redoing it.

Every entry is verified: its first line holds the SHA-256 of its key and JSON payload, so
a truncated, edited or bit-flipped entry is a miss (and is rewritten), never a wrong
analysis. Entries are written atomically. A cache folder that cannot be read or written
(read-only, not a folder, full disk) is skipped for the rest of the run after one warning:
the build goes on without it.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.fileio import atomic_write_bytes
from generator.models import TextAnalysis, TopicMatch
from generator.serialize import text_analysis_from_dict, to_jsonable, topic_match_from_dict

MAGIC = b"digest-cache/2 sha256="


@dataclass(frozen=True)
class CacheEntry:
    text: TextAnalysis
    topics_fingerprint: str = ""
    topics: tuple[TopicMatch, ...] | None = field(default=None)

    def topics_for(self, fingerprint: str) -> tuple[TopicMatch, ...] | None:
        return self.topics if self.topics_fingerprint == fingerprint else None


def _digest(key: str, payload: bytes) -> bytes:
    return hashlib.sha256(key.encode("ascii") + b"\0" + payload).hexdigest().encode("ascii")


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


class AnalysisCache:
    """A folder of ``<key[:2]>/<key>.json`` files (see the module docstring)."""

    def __init__(self, folder: Path, warn: Callable[[str], None] | None = None) -> None:
        self.folder = Path(folder)
        self.warn = warn or _stderr
        self.disabled: str | None = None  # why the cache is skipped, once it is

    def _path(self, key: str) -> Path:
        if not key.isalnum():
            raise ValueError(f"bad cache key {key!r}")
        return self.folder / key[:2] / f"{key}.json"

    def _give_up(self, exc: OSError) -> None:
        where = exc.filename or self.folder
        self.disabled = f"{where}: {exc.strerror or exc}"
        self.warn(
            f"digest: warning: analysis cache not usable ({self.disabled}); going on without it"
        )

    def get(self, key: str) -> CacheEntry | None:
        """The verified entry of ``key``, or None (missing, damaged or cache skipped)."""
        if self.disabled:
            return None
        path = self._path(key)
        try:
            raw = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError) as exc:
            if isinstance(exc, NotADirectoryError) or (
                self.folder.exists() and not self.folder.is_dir()
            ):
                self._give_up(exc)
            return None
        except OSError as exc:  # unreadable folder or file
            self._give_up(exc)
            return None
        head, _, payload = raw.partition(b"\n")
        if not head.startswith(MAGIC) or head[len(MAGIC) :] != _digest(key, payload):
            return None
        try:
            data = json.loads(payload.decode("utf-8"))
            topics = data.get("topics")
            return CacheEntry(
                text=text_analysis_from_dict(data["text"]),
                topics_fingerprint=str(data.get("topics_fingerprint", "")),
                topics=tuple(topic_match_from_dict(t) for t in topics)
                if isinstance(topics, list)
                else None,
            )
        except (ValueError, UnicodeDecodeError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, entry: CacheEntry) -> None:
        """Store ``entry`` (atomically, with its hash); a failure skips the cache."""
        path = self._path(key)
        if self.disabled:
            return
        payload = json.dumps(to_jsonable(entry), ensure_ascii=False).encode("utf-8")
        try:
            atomic_write_bytes(path, MAGIC + _digest(key, payload) + b"\n" + payload)
        except OSError as exc:
            self._give_up(exc)

    def __len__(self) -> int:
        return sum(1 for _ in self.folder.glob("*/*.json")) if self.folder.is_dir() else 0
