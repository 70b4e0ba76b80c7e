"""The article pages of the last render of one docs/ folder, reused when their inputs are
unchanged.

Article pages are most of a site (a thousand of 1,500 pages at 1,000 articles) and more than
half of the time spent building pages; a weekly run changes few of them. The key of an
article page (``pages.article_page_key``) hashes everything its text is made from:

- the article's analysis, whole (text, metadata, summary, keywords, entities with their
  forms, topics with their evidence), pickled without memo so equal values hash alike;
- what the page shows of other pages: the path of every page it links to (week, outlet,
  entities, topics, related articles, near-duplicates, its story) and the titles and
  counts shown with those links, its tags, the English glosses of its keywords;
- a salt: the generator's code, the templates, the configuration files, the settings
  (``state.inputs_fingerprint``) and the search hook that adds to each page.

The articles' parts of ``digest.json`` are kept in the same file, keyed by the article's
analysis, related articles and published origin (``jsonexport.digest_json``).

Anything else (a machine translation engine, other templates or English data than the
project's) renders every page. The file keeps the pages this render used, so it does not
grow with old pages; one that cannot be read is an empty cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
from pathlib import Path
from typing import Any

import msgpack

FORMAT = "digest-rendered-pages/2"  # MessagePack (was JSON: 3x slower to read and write)


class _HashSink(io.RawIOBase):
    """A file that feeds what is written to it into a hash."""

    def __init__(self, h: Any) -> None:
        self.h = h

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:  # type: ignore[no-untyped-def, override]
        self.h.update(b)
        return len(b)


def pickle_hash(h: Any, value: Any) -> None:
    """Feed ``value`` pickled without memo into the hash ``h`` (equal values, equal bytes,
    whether or not two fields share one object)."""
    p = pickle.Pickler(_HashSink(h), protocol=5)
    p.fast = True
    p.dump(value)


class RenderedPages:
    """Rendered page text by key: the previous render's, and this render's."""

    format = FORMAT  # the file's kind (a subclass keeping other values names its own)
    value_type: type | tuple[type, ...] = str  # what a kept value must be to be used

    def __init__(self, path: Path, salt: str) -> None:
        self.path, self.salt = Path(path), salt
        self.old = self._load()
        self.new: dict[str, Any] = {}
        self.hits = self.misses = 0
        self._analyses: dict[int, tuple[Any, str]] = {}

    def _load(self) -> dict[str, Any]:
        try:
            data = msgpack.unpackb(self.path.read_bytes())
        except (OSError, ValueError, msgpack.UnpackException):
            return {}
        if not isinstance(data, dict) or data.get("format") != self.format:
            return {}
        if data.get("salt") != self.salt or not isinstance(data.get("pages"), dict):
            return {}
        return data["pages"]

    def key(self, *parts: Any) -> str:
        h = hashlib.sha256(self.salt.encode("utf-8") + b"\0")
        pickle_hash(h, parts)
        return h.hexdigest()

    def analysis_hash(self, analysis: Any) -> str:
        """SHA-256 of an article's analysis pickled without memo, once per render (the
        article page and its part of digest.json are both keyed by it)."""
        found = self._analyses.get(id(analysis))
        if found is not None and found[0] is analysis:
            return found[1]
        h = hashlib.sha256()
        pickle_hash(h, analysis)
        self._analyses[id(analysis)] = (analysis, h.hexdigest())
        return h.hexdigest()

    def get(self, key: str, count: bool = True) -> Any:
        """The text kept under ``key`` (kept again by this render), or None. ``count``:
        tally it in ``hits`` / ``misses`` (the pages'; not digest.json's parts)."""
        text = self.old.get(key)
        if isinstance(text, self.value_type):
            self.hits += count
            self.new[key] = text
            return text
        self.misses += count
        return None

    def put(self, key: str, text: Any) -> None:
        self.new[key] = text

    def save(self) -> None:
        """Keep this render's pages (atomically, one page at a time: one string of every
        page would add tens of megabytes to the build's peak memory at 5,000 articles); a
        failure costs the next render time only."""
        if self.new.keys() == self.old.keys():
            return  # the file holds exactly these
        tmp = self.path.with_name(f".{self.path.name}.tmp-{os.getpid()}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            packer = msgpack.Packer()
            pack = packer.pack
            with open(tmp, "wb") as out:
                out.write(packer.pack_map_header(3))
                out.write(pack("format") + pack(self.format) + pack("salt") + pack(self.salt))
                out.write(pack("pages") + packer.pack_map_header(len(self.new)))
                for key, text in self.new.items():
                    out.write(pack(key) + pack(text))
            os.replace(tmp, self.path)
        except BaseException as exc:
            with contextlib.suppress(OSError):  # "Not a directory": the cache is a file
                tmp.unlink(missing_ok=True)
            if not isinstance(exc, OSError):
                raise
