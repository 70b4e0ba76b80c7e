"""RSS/Atom feeds -> new articles in the corpus, through the same ingest path as raw files.

For each configured feed: fetch it (``fetch``), parse the bytes with feedparser, and for each
item not yet in the corpus fetch its page and hand the bytes to ``ingest_bytes`` (encoding
detection, trafilatura extraction, cleaning, metadata), with the feed's own content as the
fallback text when the page yields nothing. Items already in the corpus are skipped: same
URL, same normalised text (content hash) or near-identical text (word-shingle Jaccard).

Failures never stop the run: a feed or page that cannot be fetched, parsed or extracted
becomes a ``Problem`` naming its URL and the reason, the other items are still ingested,
and existing files are never rewritten (``write_article`` is atomic).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
import xml.sax
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urldefrag

import feedparser

from generator.ingest.fetch import DEFAULT_USER_AGENT, FetchError, FetchResult, fetch
from generator.ingest.html import html_to_text
from generator.models import Article, Problem
from generator.settings import FeedSettings

if TYPE_CHECKING:  # the ingest package imports this module lazily
    from generator.ingest import IngestContext

SHINGLE_SIZE = 5
NEAR_DUPLICATE = 0.9  # Jaccard similarity of word shingles at or above which texts are one
FEED_MAX_BYTES = 10_000_000
PAGE_MAX_BYTES = 5_000_000

_WORD = re.compile(r"\w+", re.UNICODE)


# --- report -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedReport:
    """What one feed run did: URLs added, skipped (already known) and failed, and why."""

    added: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    feeds_read: int = 0
    feeds_failed: int = 0

    @property
    def ok(self) -> bool:
        """True when nothing failed (warnings allowed)."""
        return not self.failed

    def summary_line(self) -> str:
        feeds = f"{self.feeds_read} feed{'s' if self.feeds_read != 1 else ''} read"
        if self.feeds_failed:
            feeds += f", {self.feeds_failed} failed"
        return (
            f"{len(self.added)} added, {len(self.skipped)} skipped, "
            f"{len(self.failed)} failed ({feeds})"
        )


# --- de-duplication -----------------------------------------------------------------------


def normalise_words(text: str) -> list[str]:
    """Lower-cased word tokens, ``ё`` folded to ``е``: the text as de-duplication sees it."""
    return _WORD.findall(text.lower().replace("ё", "е"))


def content_hash(text: str) -> str:
    """Hash of the normalised words: equal for texts differing only in case/punctuation."""
    return hashlib.sha256(" ".join(normalise_words(text)).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_SIZE) -> frozenset[str]:
    """The set of ``size``-word shingles of the normalised text (whole text if shorter)."""
    words = normalise_words(text)
    if len(words) <= size:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def normalise_url(url: str) -> str:
    """The URL as an identity: no fragment, no surrounding space."""
    return urldefrag(url.strip())[0]


@dataclass
class CorpusIndex:
    """What is already in the corpus (and added during this run), for de-duplication.

    Near-identical texts are found through an inverted index of word shingles: the count of
    shared shingles per earlier text is exactly the size of the intersection, so Jaccard
    needs no pairwise set operations (50 checks against 1,000 articles take milliseconds).
    """

    urls: dict[str, str] = field(default_factory=dict)  # normalised URL -> label
    hashes: dict[str, str] = field(default_factory=dict)  # content hash -> label
    labels: list[str] = field(default_factory=list)  # text number -> label
    sizes: list[int] = field(default_factory=list)  # text number -> number of shingles
    postings: dict[str, list[int]] = field(default_factory=dict)  # shingle -> text numbers
    threshold: float = NEAR_DUPLICATE

    @classmethod
    def from_articles(
        cls, articles: Iterable[Article], threshold: float = NEAR_DUPLICATE
    ) -> CorpusIndex:
        index = cls(threshold=threshold)
        for article in articles:
            index.add(article)
        return index

    def add(self, article: Article) -> None:
        label = article.url or article.path or article.id
        if article.url:
            self.urls.setdefault(normalise_url(article.url), label)
        self.hashes.setdefault(content_hash(article.body), label)
        number = len(self.labels)
        grams = shingles(article.body)
        self.labels.append(label)
        self.sizes.append(len(grams))
        for gram in grams:
            self.postings.setdefault(gram, []).append(number)

    def known_url(self, *urls: str | None) -> str | None:
        for url in urls:
            if url and normalise_url(url) in self.urls:
                return self.urls[normalise_url(url)]
        return None

    def duplicate_of(self, body: str) -> tuple[str, str] | None:
        """``(label, "same text" | "near-identical text (...)")`` when ``body`` is known."""
        label = self.hashes.get(content_hash(body))
        if label is not None:
            return label, "same text"
        mine = shingles(body)
        if not mine:
            return None
        shared: dict[int, int] = {}
        for gram in mine:
            for number in self.postings.get(gram, ()):
                shared[number] = shared.get(number, 0) + 1
        best: tuple[float, int] | None = None
        for number, inter in sorted(shared.items()):
            score = inter / (len(mine) + self.sizes[number] - inter)
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, number)
        if best is None:
            return None
        return self.labels[best[1]], f"near-identical text (similarity {best[0]:.2f})"


# --- feed parsing -------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedItem:
    """One feed entry, as far as ingest needs it."""

    link: str | None
    title: str | None
    date: dt.date | None
    text: str | None  # the feed's own content (plain text), fallback for extraction


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    items: tuple[FeedItem, ...]
    warning: str | None = None  # set when the XML was broken but items were recovered


class FeedParseError(Exception):
    """The feed bytes hold no usable feed."""


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


def _entry_text(entry: Any) -> str | None:
    candidates: list[str] = []
    for content in entry.get("content") or ():
        value = content.get("value")
        if value:
            candidates.append(value)
    if entry.get("summary"):
        candidates.append(entry["summary"])
    texts = [html_to_text(c) for c in candidates]
    texts = [t for t in texts if t]
    return max(texts, key=len) if texts else None


def parse_feed(
    data: bytes, content_type: str | None = None, base_url: str | None = None
) -> ParsedFeed:
    """Parse RSS/Atom bytes with feedparser; raise ``FeedParseError`` when nothing usable.

    Relative links are resolved against ``base_url`` (where the feed was fetched from).
    Broken XML from which feedparser still recovered items gives a ``warning``.
    """
    headers = {"content-type": content_type} if content_type else {}
    if base_url:
        headers["content-location"] = base_url
    parsed = feedparser.parse(data, response_headers=headers)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    items = []
    for entry in parsed.get("entries") or []:
        link = (entry.get("link") or "").strip() or None
        title = html_to_text(entry.get("title") or "") or None
        text = _entry_text(entry)
        if link or title or text:  # a broken parse can leave empty entries behind
            items.append(FeedItem(link=link, title=title, date=_entry_date(entry), text=text))
    if not items:
        if isinstance(problem, xml.sax.SAXException):
            raise FeedParseError(f"malformed feed: {_one_line(problem)}")
        if not parsed.get("version"):
            detail = f" ({_one_line(problem)})" if problem is not None else ""
            raise FeedParseError(f"not an RSS or Atom feed{detail}")
    warning = None
    if problem is not None and not isinstance(problem, feedparser.CharacterEncodingOverride):
        n = len(items)
        warning = f"feed is not well-formed ({_one_line(problem)}); {n} item(s) recovered"
    feed_title = html_to_text(parsed.get("feed", {}).get("title") or "") or None
    return ParsedFeed(title=feed_title, items=tuple(items), warning=warning)


def _one_line(exc: object) -> str:
    if isinstance(exc, xml.sax.SAXParseException):
        where = f"line {exc.getLineNumber()}, column {exc.getColumnNumber()}"
        return f"{exc.getMessage()} at {where}"
    return " ".join(str(exc).split()) or type(exc).__name__


# --- the run ------------------------------------------------------------------------------


@dataclass
class _Run:
    into: Path
    ctx: IngestContext
    index: CorpusIndex
    timeout: float
    retries: int
    user_agent: str
    allow_private_hosts: bool = False
    allowed_networks: tuple[str, ...] = ()
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    feeds_read: int = 0
    feeds_failed: int = 0

    def fail(self, url: str, reason: str) -> None:
        self.failed.append(url)
        self.problems.append(Problem(path=url, message=reason))

    def warn(self, url: str, reason: str) -> None:
        self.problems.append(Problem(path=url, message=reason, severity="warning"))

    def get(self, url: str, max_bytes: int) -> FetchResult:
        return fetch(
            url,
            timeout=self.timeout,
            retries=self.retries,
            max_bytes=max_bytes,
            user_agent=self.user_agent,
            allow_private=self.allow_private_hosts,
            allowed_networks=self.allowed_networks,
        )

    def report(self) -> FeedReport:
        return FeedReport(
            added=tuple(self.added),
            skipped=tuple(self.skipped),
            failed=tuple(self.failed),
            problems=tuple(self.problems),
            feeds_read=self.feeds_read,
            feeds_failed=self.feeds_failed,
        )


def _read_feed(run: _Run, feed: FeedSettings) -> ParsedFeed | None:
    try:
        got = run.get(feed.url, FEED_MAX_BYTES)
    except FetchError as exc:
        run.feeds_failed += 1
        run.fail(feed.url, f"feed not read: {exc.reason}")
        return None
    try:
        parsed = parse_feed(got.data, got.content_type, got.final_url)
    except FeedParseError as exc:
        run.feeds_failed += 1
        run.fail(feed.url, str(exc))
        return None
    run.feeds_read += 1
    if parsed.warning:
        run.warn(feed.url, parsed.warning)
    return parsed


def _ingest_item(run: _Run, feed: FeedSettings, item: FeedItem) -> None:
    from generator.ingest import IngestError, RawInput, ingest_bytes, write_article

    if not item.link:
        run.warn(feed.url, f"item {item.title or '(untitled)'!r} has no link; skipped")
        return
    url = normalise_url(item.link)
    if run.index.known_url(url):
        run.skipped.append(url)
        return
    try:
        page = run.get(url, PAGE_MAX_BYTES)
        data, content_type, final = page.data, page.content_type, page.final_url
    except FetchError as exc:
        run.fail(url, f"page not fetched: {exc.reason}")
        return
    if final != url and run.index.known_url(final):
        run.skipped.append(url)
        return
    raw = RawInput(
        data=data,
        origin=url,
        url=url,
        content_type=content_type,
        language_hint=feed.language or None,
        source_hint=feed.source or None,
        title_hint=item.title,
        date_hint=item.date,
        fallback_text=item.text,
    )
    try:
        article = ingest_bytes(raw, run.ctx)
    except IngestError as exc:
        run.fail(url, f"not ingested: {_reason(exc, url)}")
        return
    if not article.body.strip():
        run.fail(url, "not ingested: no article text in the page or the feed")
        return
    dup = run.index.duplicate_of(article.body)
    if dup is not None:
        label, why = dup
        run.skipped.append(url)
        run.warn(url, f"not added: {why} as {label}")
        return
    try:
        outcome = write_article(article, run.into)
    except (OSError, IngestError) as exc:
        run.fail(url, f"not written: {_reason(exc, url)}")
        return
    run.index.add(article)
    if outcome == "added":
        run.added.append(url)
    else:
        run.skipped.append(url)


def _reason(exc: Exception, url: str) -> str:
    text = _one_line(exc)
    prefix = f"{url}: "
    return text[len(prefix) :] if text.startswith(prefix) else text


def _progress(iterable: Sequence[Any], *, enabled: bool, **kw: Any) -> Any:
    if not (enabled and sys.stderr.isatty()):
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, file=sys.stderr, **kw)


def ingest_feeds(
    feeds: Sequence[FeedSettings],
    into: Path,
    ctx: IngestContext,
    timeout: float = 10.0,
    progress: bool = False,
    *,
    retries: int = 2,
    user_agent: str = DEFAULT_USER_AGENT,
    allow_private_hosts: bool = False,
    allowed_networks: Sequence[str] = (),
) -> FeedReport:
    """Read every feed and ingest its new items into ``into``; never raises for bad input.

    ``timeout`` is the per-request timeout in seconds; ``retries`` the extra attempts after
    a timeout, connection error or 5xx. A progress bar (feeds, then items) is shown on a
    terminal when ``progress`` is true. Feeds and pages on private networks (loopback,
    private, link-local, ...) are refused unless ``allow_private_hosts`` or their address
    is in ``allowed_networks`` (see ``fetch``).
    """
    from generator.corpus import load_corpus

    into = Path(into)
    into.mkdir(parents=True, exist_ok=True)
    articles, _problems = load_corpus(into)  # unreadable files are `digest check`'s business
    run = _Run(
        into=into,
        ctx=ctx,
        index=CorpusIndex.from_articles(articles),
        timeout=timeout,
        retries=retries,
        user_agent=user_agent,
        allow_private_hosts=allow_private_hosts,
        allowed_networks=tuple(allowed_networks),
    )
    for feed in _progress(feeds, enabled=progress, desc="feeds", unit="feed"):
        parsed = _read_feed(run, feed)
        if parsed is None:
            continue
        for item in _progress(
            parsed.items, enabled=progress, desc=feed.name or feed.url, unit="item", leave=False
        ):
            try:
                _ingest_item(run, feed, item)
            except Exception as exc:  # a bug on one item must not lose the others
                run.fail(item.link or feed.url, f"unexpected error: {type(exc).__name__}: {exc}")
    return run.report()
