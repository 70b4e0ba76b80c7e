"""Feed ingestion against a real HTTP server on 127.0.0.1, through the real ingest path.

Fixture feeds and pages live in tests/data/feeds/ (pages wrap real seed paragraphs in a
news-site layout; see make_fixtures.py there). Feeds name their links with the placeholder
``http://BASE``, replaced by the local server's address when served.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from localserver import DATA, LocalServer, Route, fixture_bytes, serve

from generator.ingest import feeds
from generator.ingest.feeds import (
    CorpusIndex,
    FeedParseError,
    FeedReport,
    content_hash,
    html_to_text,
    jaccard,
    parse_feed,
    shingles,
)
from generator.ingest.feeds import ingest_feeds as ingest_feeds_any
from generator.models import Article, Problem
from generator.settings import FeedSettings, load_settings

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "seeds" / "raw"
PAGES = DATA / "pages"
RSS = "application/rss+xml; charset=utf-8"
# The local server listens on loopback, which feeds refuse by default (no fetches into
# private networks; tests/test_faults_fetch.py): every run here allows private hosts.
ingest_feeds = partial(ingest_feeds_any, allow_private_hosts=True)
ATOM = "application/atom+xml; charset=utf-8"


def _raw(prefix: str) -> str:
    return next(RAW.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


# --- pure parts: de-duplication, feed parsing, feed content -----------------------------


def test_content_hash_ignores_case_punctuation_spacing_and_yo() -> None:
    text = _raw("003")
    variant = text.upper().replace(",", " ,").replace("\n", "\n\n").replace("е", "ё")
    assert content_hash(variant) == content_hash(text)
    assert content_hash(text) != content_hash(text.replace("Песков", "Пескова", 1))


def test_near_identical_texts_score_high_and_different_articles_low() -> None:
    a = _raw("003")
    trimmed = a.rsplit(" ", 12)[0]  # the same article, a few words shorter
    assert jaccard(shingles(a), shingles(trimmed)) >= 0.9
    # two real articles on the same story (Peskov, CSTO, Kazakhstan) are not duplicates
    assert jaccard(shingles(a), shingles(_raw("004"))) < 0.2


def test_corpus_index_finds_same_url_same_text_and_near_text() -> None:
    body = _raw("004")
    index = CorpusIndex.from_articles(
        [Article(id="a1", title="t", body=body, url="https://example.org/a?x=1")]
    )
    assert index.known_url("https://example.org/a?x=1#top") == "https://example.org/a?x=1"
    assert index.known_url("https://example.org/a?x=2") is None
    assert index.duplicate_of(body.lower()) == ("https://example.org/a?x=1", "same text")
    near = index.duplicate_of(body.rsplit(" ", 10)[0])
    assert near is not None and near[1].startswith("near-identical text")
    assert index.duplicate_of(_raw("001")) is None


def test_parse_rss_items_with_dates_and_feed_content_as_plain_text() -> None:
    feed = parse_feed(fixture_bytes("feed_ru_with_failures.xml"), RSS)
    assert feed.title == "Example News — Казахстан"
    assert feed.warning is None
    assert len(feed.items) == 11
    first = feed.items[0]
    assert first.link == "http://BASE/news/article_ru.html"
    assert first.date is not None and first.date.isoformat() == "2022-01-10"
    fallback = feed.items[6].text
    assert fallback is not None and "<p>" not in fallback
    assert fallback.startswith("АСТАНА, 24 ноября. /ТАСС/. Казахстан доводит до Украины")
    assert fallback.count("\n\n") == 4  # five paragraphs, one per line


def test_parse_atom_feed() -> None:
    feed = parse_feed(fixture_bytes("feed_uk_atom.xml"), ATOM)
    assert [i.link for i in feed.items] == ["http://BASE/uk/article_uk.html"]
    assert feed.items[0].title is not None and feed.items[0].title.startswith("Посольство")


def test_parse_feed_resolves_relative_links_against_the_feed_url() -> None:
    data = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>A</title><link>/news/a.html</link></item>"
        b"<item><title>B</title><link>b.html</link></item></channel></rss>"
    )
    feed = parse_feed(data, RSS, base_url="https://example.org/feeds/rss.xml")
    assert [i.link for i in feed.items] == [
        "https://example.org/news/a.html",
        "https://example.org/feeds/b.html",
    ]


def test_parse_malformed_feed_recovers_items_with_a_warning() -> None:
    feed = parse_feed(fixture_bytes("feed_malformed.xml"), RSS)
    assert feed.warning is not None and "not well-formed" in feed.warning
    assert feed.items[0].link == "http://BASE/uk/article_uk.html"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "not an RSS or Atom feed"),
        (b"<?xml version='1.0'?><rss><channel><item><title>x</title", "malformed feed"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "malformed feed"),
    ],
    ids=["empty", "truncated_xml", "binary"],
)
def test_parse_feed_without_usable_items_raises(data: bytes, reason: str) -> None:
    with pytest.raises(FeedParseError) as err:
        parse_feed(data, "application/xml")
    assert str(err.value).startswith(reason)


def test_parse_html_page_is_not_a_feed() -> None:
    with pytest.raises(FeedParseError, match="not an RSS or Atom feed"):
        parse_feed(fixture_bytes("feed_not_a_feed.html"), "text/html; charset=utf-8")


def test_feed_content_html_becomes_inert_text() -> None:
    markup = (
        "<p>Первый &laquo;абзац&raquo;.</p><script>alert('x')</script>"
        "<p>Второй <b>абзац</b> &lt;script&gt;</p><br><img src=x onerror=alert(1)>"
    )
    assert html_to_text(markup) == "Первый «абзац».\n\nВторой абзац <script>"


def test_summary_line_counts() -> None:
    report = FeedReport(
        added=("a", "b"),
        skipped=("c",),
        failed=("d",),
        problems=(Problem("d", "HTTP 404 Not Found"),),
        feeds_read=2,
        feeds_failed=1,
    )
    assert report.summary_line() == "2 added, 1 skipped, 1 failed (2 feeds read, 1 failed)"
    assert not report.ok


# --- the whole run over HTTP -------------------------------------------------------------


@pytest.fixture(scope="module")
def ctx() -> Any:
    from generator.ingest import load_ingest_context

    return load_ingest_context(load_settings(ROOT / "digest.yml"))


def _page(name: str, content_type: str = "text/html; charset=utf-8") -> Route:
    return Route(body=(PAGES / name).read_bytes(), content_type=content_type)


def _routes(base: str) -> dict[str, Route]:
    def feed(name: str, ctype: str) -> Route:
        return Route(
            body=fixture_bytes(name).replace(b"http://BASE", base.encode()), content_type=ctype
        )

    empty = "page_without_article_text.html"
    return {
        "/feeds/ru.xml": feed("feed_ru_with_failures.xml", RSS),
        "/feeds/uk.xml": feed("feed_uk_atom.xml", ATOM),
        "/feeds/malformed.xml": feed("feed_malformed.xml", RSS),
        "/feeds/not-a-feed.html": feed("feed_not_a_feed.html", "text/html; charset=utf-8"),
        "/feeds/error.xml": Route(body=b"oops", status=500, content_type="text/plain"),
        "/news/article_ru.html": _page("article_ru.html"),
        "/news/article_cp1251_no_charset.html": _page(
            "article_cp1251_no_charset.html", content_type="text/html"
        ),
        "/news/error.html": Route(body=b"oops", status=500, content_type="text/plain"),
        "/news/hang.html": Route(hang=5),
        "/news/huge.html": Route(huge=6_000_000),
        "/news/page_without_article_text.html": _page(empty),
        "/news/empty_everywhere.html": _page(empty),
        "/mirror/article_ru_mirror.html": _page("article_ru_mirror.html"),
        "/news/article_ru_near_duplicate.html": _page("article_ru_near_duplicate.html"),
        "/uk/article_uk.html": _page("article_uk.html"),
    }


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with serve({}) as srv:
        srv.routes.update(_routes(srv.url("")))
        yield srv


def _feed(srv: LocalServer, path: str, **kw: str) -> FeedSettings:
    return FeedSettings(name=path, url=srv.url(path), **kw)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.md"))}


def _reasons(report: FeedReport) -> dict[str, str]:
    return {p.path: p.message for p in report.problems if p.severity == "error"}


def _corpus(folder: Path) -> dict[str, Article]:
    from generator.corpus import load_corpus

    articles, problems = load_corpus(folder)
    assert problems == ()
    return {a.url or "": a for a in articles}


@pytest.mark.network
def test_feed_items_are_ingested_and_each_failure_is_reported(
    ctx: Any, server: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a page limit the huge page passes within a few blocks: on a loaded machine 5 MB over
    # loopback can take longer than the 0.5 s budget, and the page then fails as too slow
    monkeypatch.setattr(feeds, "PAGE_MAX_BYTES", 300_000)
    into = tmp_path / "seeds"
    report = ingest_feeds(
        [_feed(server, "/feeds/ru.xml", language="ru", source="Example News")],
        into,
        ctx,
        timeout=0.5,
        retries=0,
    )
    u = server.url
    assert set(report.added) == {
        u("/news/article_ru.html"),
        u("/news/article_cp1251_no_charset.html"),
        u("/news/page_without_article_text.html"),  # fell back to the feed's own content
    }
    reasons = _reasons(report)
    assert (
        set(report.failed)
        == set(reasons)
        == {
            u("/news/missing.html"),
            u("/news/error.html"),
            u("/news/hang.html"),
            u("/news/huge.html"),
            u("/news/empty_everywhere.html"),
        }
    )
    assert "HTTP 404" in reasons[u("/news/missing.html")]
    assert "HTTP 500" in reasons[u("/news/error.html")]
    assert "timed out" in reasons[u("/news/hang.html")]
    assert "too large" in reasons[u("/news/huge.html")]
    assert reasons[u("/news/empty_everywhere.html")].startswith("not ingested")
    assert report.summary_line() == "3 added, 3 skipped, 5 failed (1 feed read)"

    corpus = _corpus(into)
    assert len(corpus) == 3 == len(list(into.glob("*.md")))
    ru = corpus[u("/news/article_ru.html")]
    assert "Официальный представитель Кремля Дмитрий Песков 10 января" in ru.body
    assert "Читайте также" not in ru.body and "Все права защищены" not in ru.body
    assert ru.language == "ru"
    cp = corpus[u("/news/article_cp1251_no_charset.html")]
    assert "Путин также неоднократно говорил по телефону с президентом Казахстана" in cp.body
    fallback = corpus[u("/news/page_without_article_text.html")]
    assert "Казахстан доводит до Украины по дипломатическим каналам" in fallback.body


@pytest.mark.network
def test_duplicates_by_url_text_and_near_text_are_skipped_with_reasons(
    ctx: Any, server: LocalServer, tmp_path: Path
) -> None:
    into = tmp_path / "seeds"
    report = ingest_feeds([_feed(server, "/feeds/ru.xml")], into, ctx, timeout=0.5, retries=0)
    u = server.url
    assert set(report.skipped) == {
        u("/mirror/article_ru_mirror.html"),  # same text, another URL
        u("/news/article_ru_near_duplicate.html"),  # near-identical text
        u("/news/article_ru.html"),  # the same URL again (with a #fragment)
    }
    warnings = {p.path: p.message for p in report.problems if p.severity == "warning"}
    original = u("/news/article_ru.html")
    assert warnings[u("/mirror/article_ru_mirror.html")] == f"not added: same text as {original}"
    assert warnings[u("/news/article_ru_near_duplicate.html")].startswith(
        "not added: near-identical text (similarity 0."
    )
    assert server.hits["/news/article_ru.html"] == 1  # a known URL is not fetched again


@pytest.mark.network
def test_second_run_adds_nothing_and_rewrites_nothing(
    ctx: Any, server: LocalServer, tmp_path: Path
) -> None:
    into = tmp_path / "seeds"
    feeds = [_feed(server, "/feeds/ru.xml"), _feed(server, "/feeds/uk.xml", language="uk")]
    first = ingest_feeds(feeds, into, ctx, timeout=0.5, retries=0)
    assert len(first.added) == 4
    before = _snapshot(into)
    second = ingest_feeds(feeds, into, ctx, timeout=0.5, retries=0)
    assert second.added == ()
    assert set(first.added) <= set(second.skipped)
    assert set(second.failed) == set(first.failed)  # failed items are tried again next time
    assert _snapshot(into) == before


@pytest.mark.network
def test_bad_feeds_are_reported_and_the_other_feeds_still_ingested(
    ctx: Any, server: LocalServer, tmp_path: Path
) -> None:
    into = tmp_path / "seeds"
    feeds = [
        _feed(server, "/feeds/missing.xml"),
        _feed(server, "/feeds/error.xml"),
        _feed(server, "/feeds/not-a-feed.html"),
        _feed(server, "/feeds/uk.xml", language="uk"),
    ]
    report = ingest_feeds(feeds, into, ctx, timeout=0.5, retries=0)
    reasons = _reasons(report)
    assert reasons[server.url("/feeds/missing.xml")] == "feed not read: HTTP 404 Not Found"
    assert reasons[server.url("/feeds/error.xml")].startswith("feed not read: HTTP 500")
    assert reasons[server.url("/feeds/not-a-feed.html")].startswith("not an RSS or Atom feed (")
    assert report.added == (server.url("/uk/article_uk.html"),)
    assert (report.feeds_read, report.feeds_failed) == (1, 3)
    article = _corpus(into)[server.url("/uk/article_uk.html")]
    assert article.language == "uk"
    assert "Посольство Республіки Казахстан в Україні" in article.body


@pytest.mark.network
def test_malformed_feed_is_reported_and_its_recoverable_items_ingested(
    ctx: Any, server: LocalServer, tmp_path: Path
) -> None:
    into = tmp_path / "seeds"
    report = ingest_feeds([_feed(server, "/feeds/malformed.xml")], into, ctx, timeout=0.5)
    feed_url = server.url("/feeds/malformed.xml")
    messages = [p.message for p in report.problems if p.path == feed_url]
    assert messages == [
        "feed is not well-formed (not well-formed (invalid token) at line 2, column 43); "
        "1 item(s) recovered"
    ]
    assert report.added == (server.url("/uk/article_uk.html"),)


@pytest.mark.network
def test_item_without_link_is_reported_and_the_rest_ingested(
    ctx: Any, server: LocalServer, tmp_path: Path
) -> None:
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>Без ссылки</title><description>Текст.</description></item>"
        f"<item><title>Есть ссылка</title><link>{server.url('/uk/article_uk.html')}</link></item>"
        "</channel></rss>"
    )
    server.routes["/feeds/nolink.xml"] = Route(body=feed.encode(), content_type=RSS)
    report = ingest_feeds([_feed(server, "/feeds/nolink.xml")], tmp_path / "s", ctx, timeout=0.5)
    assert [str(p) for p in report.problems] == [
        f"{server.url('/feeds/nolink.xml')}: warning: item 'Без ссылки' has no link; skipped"
    ]
    assert report.added == (server.url("/uk/article_uk.html"),)


@pytest.mark.network
def test_files_ingested_before_are_untouched_by_a_run_with_failures(
    ctx: Any, server: LocalServer, tmp_path: Path
) -> None:
    into = tmp_path / "seeds"
    ingest_feeds([_feed(server, "/feeds/uk.xml", language="uk")], into, ctx, timeout=0.5)
    before = _snapshot(into)
    assert len(before) == 1
    report = ingest_feeds(
        [_feed(server, "/feeds/error.xml"), _feed(server, "/feeds/ru.xml")],
        into,
        ctx,
        timeout=0.5,
        retries=0,
    )
    assert report.failed and report.added
    after = _snapshot(into)
    assert {k: after[k] for k in before} == before
    assert len(after) == 1 + len(report.added)


@pytest.mark.network
def test_no_progress_bar_when_not_on_a_terminal(
    ctx: Any, server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ingest_feeds(
        [_feed(server, "/feeds/uk.xml")], tmp_path / "seeds", ctx, timeout=0.5, progress=True
    )
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


@pytest.mark.network
def test_progress_bar_on_a_terminal_shows_feeds_and_items(
    ctx: Any, server: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    feed = _feed(server, "/feeds/uk.xml")
    ingest_feeds([feed], tmp_path / "seeds", ctx, timeout=0.5, progress=True)
    shown = terminal.getvalue()
    assert "feeds: 100%" in shown and "1/1" in shown
    assert f"{feed.name}:" in shown  # the items bar of the feed


@pytest.mark.network
def test_cli_ingest_feed_url_reports_problems_and_summary(
    server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.cli import main

    into = tmp_path / "seeds"
    argv = ["--config", str(ROOT / "digest.yml"), "ingest", "--into", str(into)]
    argv += ["--feed", server.url("/feeds/uk.xml"), "--feed", server.url("/feeds/missing.xml")]
    argv += ["--allow-private-hosts"]
    code = main([*argv, "--timeout", "0.5"])
    out, err = capsys.readouterr()
    assert code == 1  # one feed failed; the other was still ingested
    assert f"{server.url('/feeds/missing.xml')}: error: feed not read: HTTP 404" in err
    assert "1 added, 0 skipped, 1 failed (1 feed read, 1 failed)" in out
    assert len(list(into.glob("*.md"))) == 1
