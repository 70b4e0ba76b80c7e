"""Analysis cache: one JSON file per ``TextAnalysis``, keyed by content + settings hash.

A weekly rebuild finds every unchanged article here and analyses only new or edited ones.
Entries are written atomically; an unreadable or malformed entry counts as a miss.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from generator.models import TextAnalysis
from generator.serialize import text_analysis_from_dict, to_jsonable


class AnalysisCache:
    """A folder of ``<key[:2]>/<key>.json`` files."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _path(self, key: str) -> Path:
        if not key.isalnum():
            raise ValueError(f"bad cache key {key!r}")
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> TextAnalysis | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            return text_analysis_from_dict(data)
        except (OSError, ValueError, UnicodeDecodeError):
            return None

    def put(self, key: str, text: TextAnalysis | None) -> None:
        if text is None:
            return
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(to_jsonable(text), fh, ensure_ascii=False)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def __len__(self) -> int:
        return sum(1 for _ in self.folder.glob("*/*.json")) if self.folder.is_dir() else 0
