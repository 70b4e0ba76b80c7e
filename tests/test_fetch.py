"""fetch() against a real HTTP server on 127.0.0.1: limits, retries, failures.

The server listens on loopback, which ``fetch`` refuses by default (no fetches into private
networks; see tests/test_faults_fetch.py): every call here passes ``allow_private=True``.
"""

from __future__ import annotations

from functools import partial

import pytest
from localserver import Route, serve

from generator.ingest.fetch import DEFAULT_USER_AGENT, FetchError
from generator.ingest.fetch import fetch as fetch_any

fetch = partial(fetch_any, allow_private=True)

pytestmark = pytest.mark.network

PAGE_UTF8 = "<html><body><p>Астана, 5 января. Привет.</p></body></html>".encode()


def test_fetch_returns_body_content_type_and_sends_user_agent() -> None:
    with serve({"/a.html": Route(body=PAGE_UTF8)}) as srv:
        result = fetch(srv.url("/a.html"), timeout=2)
    assert result.status == 200
    assert result.data == PAGE_UTF8
    assert result.content_type == "text/html; charset=utf-8"
    assert result.final_url == result.url == srv.url("/a.html")
    assert srv.agents == [DEFAULT_USER_AGENT]
    assert "digest-generator" in DEFAULT_USER_AGENT


def test_fetch_page_404_is_not_retried_and_names_url_and_status() -> None:
    with serve({}) as srv:
        url = srv.url("/missing.html")
        with pytest.raises(FetchError) as err:
            fetch(url, timeout=2, retries=2)
        assert srv.hits["/missing.html"] == 1
    assert str(err.value) == f"{url}: HTTP 404 Not Found"


def test_fetch_page_500_is_retried_then_reported() -> None:
    route = Route(body=b"boom", status=500, content_type="text/plain")
    with serve({"/err.html": route}) as srv:
        url = srv.url("/err.html")
        with pytest.raises(FetchError) as err:
            fetch(url, timeout=2, retries=1)
        assert srv.hits["/err.html"] == 2
    assert str(err.value).startswith(f"{url}: HTTP 500 Internal Server Error")
    assert "after 2 attempts" in str(err.value)


def test_fetch_recovers_when_a_500_is_followed_by_success() -> None:
    with serve({"/flaky.html": Route(body=b"x", status=503)}) as srv:
        srv.routes["/flaky.html"] = Route(body=b"x", status=503)

        # Flip the route to success after the first hit: the retry must pick it up.
        original = srv._answer

        def answer(h, route):  # type: ignore[no-untyped-def]
            if srv.hits.get("/flaky.html", 0) >= 2:
                route = Route(body=PAGE_UTF8)
            original(h, route)

        srv._answer = answer  # type: ignore[method-assign]
        result = fetch(srv.url("/flaky.html"), timeout=2, retries=2)
        assert srv.hits["/flaky.html"] == 2
    assert result.data == PAGE_UTF8


def test_fetch_hanging_server_times_out_within_the_total_budget() -> None:
    with serve({"/hang.html": Route(hang=5)}) as srv:
        url = srv.url("/hang.html")
        with pytest.raises(FetchError) as err:
            fetch(url, timeout=0.3, retries=1, total_budget=1.5)
    assert str(err.value).startswith(f"{url}: timed out after 0.3 s")


def test_fetch_trickling_server_is_cut_by_the_per_request_timeout() -> None:
    with serve({"/slow.html": Route(body=b"x" * 200, trickle=0.05)}) as srv:
        url = srv.url("/slow.html")
        with pytest.raises(FetchError) as err:
            fetch(url, timeout=0.4, retries=0)
    assert "timed out" in str(err.value)


def test_fetch_huge_page_without_length_is_cut_at_the_size_limit() -> None:
    with serve({"/huge.html": Route(huge=3_000_000)}) as srv:
        url = srv.url("/huge.html")
        with pytest.raises(FetchError) as err:
            fetch(url, timeout=5, max_bytes=200_000)
    assert str(err.value) == f"{url}: too large: more than 200000 bytes (limit)"


def test_fetch_huge_declared_length_is_refused_before_download() -> None:
    body = b"y" * 50_000
    with serve({"/big.html": Route(body=body)}) as srv:
        url = srv.url("/big.html")
        with pytest.raises(FetchError) as err:
            fetch(url, timeout=2, max_bytes=10_000)
    assert "50000 bytes declared" in str(err.value)


def test_fetch_follows_redirects_within_the_limit() -> None:
    with serve({"/old": Route(redirect="/new"), "/new": Route(body=PAGE_UTF8)}) as srv:
        result = fetch(srv.url("/old"), timeout=2)
    assert result.final_url == srv.url("/new")
    assert result.data == PAGE_UTF8


def test_fetch_redirect_loop_is_reported() -> None:
    with serve({"/a": Route(redirect="/b"), "/b": Route(redirect="/a")}) as srv:
        url = srv.url("/a")
        with pytest.raises(FetchError) as err:
            fetch(url, timeout=2, max_redirects=3)
    assert str(err.value) == f"{url}: too many redirects"


def test_fetch_connection_refused_is_reported() -> None:
    with serve({}) as srv:
        url = srv.url("/gone.html")
    # the server is stopped: nothing listens on that port any more
    with pytest.raises(FetchError) as err:
        fetch(url, timeout=1, retries=0)
    assert str(err.value).startswith(f"{url}: connection failed")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:x"])
def test_fetch_refuses_other_schemes(url: str) -> None:
    with pytest.raises(FetchError) as err:
        fetch(url)
    assert "unsupported URL scheme" in str(err.value)


def test_fetch_keeps_cp1251_bytes_untouched_for_the_ingest_path() -> None:
    page = "<html><body><p>Казахстан и Россия подписали соглашение.</p></body></html>"
    data = page.encode("cp1251")
    route = Route(body=data, content_type="text/html")  # no charset named
    with serve({"/cp.html": route}) as srv:
        result = fetch(srv.url("/cp.html"), timeout=2)
    assert result.content_type == "text/html"
    assert result.data == data
