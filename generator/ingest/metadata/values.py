"""What ``infer_metadata`` reads and returns: ``Given`` (values the input states),
``Evidence`` (the HTML page's own date and site name, the URL) and ``Metadata``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Given:
    """Values stated by the input itself (not guessed)."""

    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    author: str | None = None
    language: str | None = None
    original: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Weaker, page-level evidence (e.g. what trafilatura read from an HTML page)."""

    date: dt.date | None = None
    sitename: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Metadata:
    title: str | None
    date: dt.date | None
    source: str | None
    author: str | None
    language: str | None
    inferred: frozenset[str] = frozenset()
    original: str | None = None
    warnings: tuple[str, ...] = field(default=())
