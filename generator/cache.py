"""Analysis cache: one file per article, keyed by content + settings hash.

An entry holds the expensive ``TextAnalysis`` and the topic scores computed for one
taxonomy (by its fingerprint). A weekly rebuild finds every unchanged article here and
analyses only new or edited ones; a taxonomy change re-scores topics from the cached text
analysis without redoing it.

Every entry is verified: its first line holds the SHA-256 of its key and JSON payload, so
a truncated, edited or bit-flipped entry is a miss (and is rewritten), never a wrong
analysis. Local entries are written atomically. A cache that cannot be read or written
(read-only, not a folder, full disk) is skipped for the rest of the run after one warning:
the build goes on without it.

The cache lives in a local folder, or behind any fsspec URL (``s3://bucket/cache``,
``gcs://…``, ``memory://…``) so that the drivers of a Dask backfill share it; fsspec and
its storage driver (``s3fs``…) are needed only for URLs.
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


class _Storage:
    """Bytes under relative paths: a local folder (atomic writes) or an fsspec URL."""

    def __init__(self, location: str | Path) -> None:
        self.url = str(location) if "://" in str(location) else None
        self.folder = Path(location) if self.url is None else None
        self._fs = None
        if self.url is not None:
            import fsspec

            self._fs, self._root = fsspec.core.url_to_fs(self.url)

    def read(self, rel: str) -> bytes:
        if self.folder is not None:
            return (self.folder / rel).read_bytes()
        try:
            return self._fs.cat_file(f"{self._root}/{rel}")
        except FileNotFoundError:
            raise
        except Exception as exc:  # a remote store's own errors count as unreadable
            raise OSError(str(exc)) from exc

    def write(self, rel: str, data: bytes) -> None:
        if self.folder is not None:
            atomic_write_bytes(self.folder / rel, data)
            return
        path = f"{self._root}/{rel}"
        try:
            self._fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
            self._fs.pipe_file(path, data)  # object stores replace an object whole
        except OSError:
            raise
        except Exception as exc:
            raise OSError(str(exc)) from exc

    def count(self, pattern: str) -> int:
        if self.folder is not None:
            return sum(1 for _ in self.folder.glob(pattern)) if self.folder.is_dir() else 0
        return len(self._fs.glob(f"{self._root}/{pattern}"))


class AnalysisCache:
    """``<key[:2]>/<key>.json`` files in a folder or under an fsspec URL."""

    def __init__(self, location: str | Path, warn: Callable[[str], None] | None = None) -> None:
        self.location = location
        self._storage = _Storage(location)
        self.warn = warn or _stderr
        self.disabled: str | None = None  # why the cache is skipped, once it is

    @property
    def folder(self) -> Path:
        """The local folder (for a URL cache, there is none)."""
        if self._storage.folder is None:
            raise AttributeError(f"the cache {self.location} is not a local folder")
        return self._storage.folder

    def _rel(self, key: str) -> str:
        if not key.isalnum():
            raise ValueError(f"bad cache key {key!r}")
        return f"{key[:2]}/{key}.json"

    def _path(self, key: str) -> Path:
        return self.folder / self._rel(key)

    def stored(self, key: str) -> bool | None:
        """Whether an entry of ``key`` exists, when a local folder can tell at the cost of a
        ``stat``; ``None`` for a URL cache (read the entry to know). An entry that exists may
        still be damaged: ``get`` tells."""
        if self.disabled or self._storage.folder is None:
            return None
        return (self._storage.folder / self._rel(key)).is_file()

    def _give_up(self, exc: OSError) -> None:
        where = exc.filename or self.location
        self.disabled = f"{where}: {exc.strerror or exc}"
        self.warn(
            f"digest: warning: analysis cache not usable ({self.disabled}); going on without it"
        )

    def get(self, key: str) -> CacheEntry | None:
        """The verified entry of ``key``, or None (missing, damaged or cache skipped)."""
        if self.disabled:
            return None
        rel = self._rel(key)
        try:
            raw = self._storage.read(rel)
        except (FileNotFoundError, NotADirectoryError) as exc:
            local = self._storage.folder
            if isinstance(exc, NotADirectoryError) or (
                local is not None and local.exists() and not local.is_dir()
            ):
                self._give_up(exc)
            return None
        except OSError as exc:  # unreadable folder, file or store
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
        """Store ``entry`` (with its hash); a failure skips the cache."""
        rel = self._rel(key)
        if self.disabled:
            return
        payload = json.dumps(to_jsonable(entry), ensure_ascii=False).encode("utf-8")
        try:
            self._storage.write(rel, MAGIC + _digest(key, payload) + b"\n" + payload)
        except OSError as exc:
            self._give_up(exc)

    def __len__(self) -> int:
        try:
            return self._storage.count("*/*.json")
        except OSError:
            return 0
