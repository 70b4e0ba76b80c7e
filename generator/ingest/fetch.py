"""Fetch one URL over HTTP, politely and within limits.

``fetch(url)`` returns the body bytes and the content type, or raises ``FetchError`` with one
line ``"<url>: <reason>"``. Limits: a per-request timeout (connect, each read, and the whole
download), bounded retries with exponential back-off on timeouts, connection errors, 429 and
5xx, a total time budget across the attempts, a size limit enforced while streaming, and a
bounded number of redirects (http/https only). The body is returned as bytes: decoding is the
ingest path's job (it detects the encoding when the server names none).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from generator import __version__

DEFAULT_USER_AGENT = (
    f"digest-generator/{__version__} (media-monitoring digest; weekly feed reader; httpx)"
)
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
BACKOFF_BASE = 0.5  # seconds before the first retry; doubles each time
BACKOFF_MAX = 8.0


@dataclass(frozen=True)
class FetchResult:
    """A successful response: the URL asked for, where it ended after redirects, the body."""

    url: str
    final_url: str
    status: int
    content_type: str | None
    data: bytes


class FetchError(Exception):
    """A URL that could not be fetched; ``str(e) == "<url>: <reason>"``."""

    def __init__(self, url: str, reason: str, *, retryable: bool = False) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.retryable = retryable


def _backoff(attempt: int) -> float:
    return min(BACKOFF_BASE * (2**attempt), BACKOFF_MAX)


def _one_attempt(
    client: httpx.Client, url: str, *, timeout: float, max_bytes: int, deadline: float
) -> FetchResult:
    """One GET (following redirects); raises FetchError, marked retryable where it may pass."""
    # The whole download must finish within ``timeout`` and within the overall budget.
    request_deadline = min(time.monotonic() + timeout, deadline)
    try:
        with client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                reason = f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip()
                raise FetchError(url, reason, retryable=resp.status_code in RETRY_STATUSES)
            if resp.status_code != 200:
                raise FetchError(url, f"unexpected HTTP {resp.status_code} {resp.reason_phrase}")
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(
                    url, f"too large: {int(declared)} bytes declared (limit {max_bytes})"
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(url, f"too large: more than {max_bytes} bytes (limit)")
                chunks.append(chunk)
                if time.monotonic() > request_deadline:
                    raise FetchError(
                        url, f"timed out after {timeout:g} s (download too slow)", retryable=True
                    )
            return FetchResult(
                url=url,
                final_url=str(resp.url),
                status=resp.status_code,
                content_type=resp.headers.get("content-type"),
                data=b"".join(chunks),
            )
    except FetchError:
        raise
    except httpx.TooManyRedirects:
        raise FetchError(url, "too many redirects") from None
    except httpx.TimeoutException as exc:
        kind = type(exc).__name__.replace("Timeout", " timeout").strip().lower()
        raise FetchError(url, f"timed out after {timeout:g} s ({kind})", retryable=True) from None
    except httpx.UnsupportedProtocol:
        raise FetchError(url, "unsupported URL scheme (only http and https)") from None
    except httpx.InvalidURL as exc:
        raise FetchError(url, f"invalid URL ({exc})") from None
    except httpx.TransportError as exc:
        reason = str(exc) or type(exc).__name__
        raise FetchError(url, f"connection failed ({reason})", retryable=True) from None
    except httpx.HTTPError as exc:  # decoding errors and other protocol problems
        raise FetchError(url, f"HTTP error ({type(exc).__name__}: {exc})") from None


def fetch(
    url: str,
    *,
    timeout: float = 10.0,
    retries: int = 2,
    max_bytes: int = 5_000_000,
    max_redirects: int = 5,
    total_budget: float | None = None,
    user_agent: str = DEFAULT_USER_AGENT,
) -> FetchResult:
    """GET ``url`` and return its body; raise ``FetchError`` ("<url>: <reason>") on failure.

    ``timeout`` bounds each attempt (connect, every read and the whole download);
    ``retries`` extra attempts follow a retryable failure (timeout, connection error, 429,
    5xx) after an exponential back-off; ``total_budget`` (default: enough for every attempt
    and back-off) bounds the time spent on this URL altogether.
    """
    if not url.startswith(("http://", "https://")):
        raise FetchError(url, "unsupported URL scheme (only http and https)")
    if total_budget is None:
        total_budget = timeout * (retries + 1) + sum(_backoff(i) for i in range(retries))
    deadline = time.monotonic() + total_budget
    headers = {
        "User-Agent": user_agent,
        "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
        "text/html;q=0.9, text/*;q=0.8, */*;q=0.5",
    }
    with httpx.Client(
        headers=headers,
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        max_redirects=max_redirects,
        trust_env=True,  # honour HTTP(S)_PROXY, NO_PROXY and SSL_CERT_FILE
    ) as client:
        attempt = 0
        while True:
            try:
                return _one_attempt(
                    client, url, timeout=timeout, max_bytes=max_bytes, deadline=deadline
                )
            except FetchError as exc:
                if not exc.retryable or attempt >= retries:
                    if attempt:
                        raise FetchError(
                            url, f"{exc.reason} (after {attempt + 1} attempts)"
                        ) from None
                    raise
                pause = _backoff(attempt)
                if time.monotonic() + pause + min(timeout, 0.1) > deadline:
                    raise FetchError(
                        url, f"{exc.reason} (gave up: time budget of {total_budget:g} s spent)"
                    ) from None
                time.sleep(pause)
                attempt += 1
