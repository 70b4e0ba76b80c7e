"""Fetch one URL over HTTP, politely and within limits.

``fetch(url)`` returns the body bytes and the content type, or raises ``FetchError`` with one
line ``"<url>: <reason>"``. Limits: a per-request timeout (connect, each read, and the whole
download), bounded retries with exponential back-off on timeouts, connection errors, 429 and
5xx, a total time budget across the attempts, a size limit enforced while streaming, and a
bounded number of redirects (http/https only). The body is returned as bytes: decoding is the
ingest path's job (it detects the encoding when the server names none).

Private networks are refused: every host (the first URL's and every redirect's) is resolved,
and a host with a loopback, private, link-local, shared, multicast, reserved or unspecified
address is refused before anything is sent, unless ``allow_private`` is set (or the address
lies in ``allowed_networks``). The connection then goes to the address that was checked, not
to a second DNS answer (no DNS rebinding); TLS still verifies the host name. Redirects are
followed here, hop by hop, for the same reason.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from generator import __version__

DEFAULT_USER_AGENT = (
    f"digest-generator/{__version__} (media-monitoring digest; weekly feed reader; httpx)"
)
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
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


def address_kind(addr: IPAddress) -> str | None:
    """Why an address is not on the public internet ("loopback", "private", ...), or None."""
    mapped = getattr(addr, "ipv4_mapped", None) or getattr(addr, "sixtofour", None)
    if mapped is not None:
        return address_kind(mapped)
    for kind in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(addr, f"is_{kind}"):
            return kind.replace("_", "-")
    if not addr.is_global:
        return "non-public"  # e.g. 100.64.0.0/10, shared address space
    return None


@dataclass(frozen=True)
class AddressPolicy:
    """Which addresses fetches may reach: public ones, plus everything with
    ``allow_private``, plus the ``allowed`` networks."""

    allow_private: bool = False
    allowed: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()

    @classmethod
    def make(cls, allow_private: bool = False, networks: Iterable[str] = ()) -> AddressPolicy:
        return cls(allow_private, tuple(ipaddress.ip_network(n, strict=False) for n in networks))

    def refusal(self, addr: IPAddress) -> str | None:
        """The reason ``addr`` is refused, or None when it may be reached."""
        if self.allow_private or any(addr in net for net in self.allowed):
            return None
        kind = address_kind(addr)
        return f"{addr} is a {kind} address" if kind else None


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to (an IP literal is itself)."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    out: list[IPAddress] = []
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if addr not in out:
            out.append(addr)
    return out


def _checked_address(url: httpx.URL, policy: AddressPolicy, asked: str) -> IPAddress | None:
    """The address to connect to for ``url`` after the policy check; None means "let
    httpx resolve" (private hosts allowed). Raises FetchError naming the refused address."""
    if policy.allow_private:
        return None
    host = url.host
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        addrs = resolve(host, port)
    except (OSError, UnicodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise FetchError(asked, f"cannot resolve {host} ({reason})", retryable=True) from None
    if not addrs:
        raise FetchError(asked, f"cannot resolve {host} (no address)")
    for addr in addrs:
        why = policy.refusal(addr)
        if why:
            where = host if host == str(addr) else f"{host} resolves to {addr}"
            raise FetchError(
                asked,
                f"refused: {where}, {why.split(' is ', 1)[1]} (private networks are not "
                "fetched; see --allow-private-hosts)",
            )
    return addrs[0]


def _send(
    client: httpx.Client, url: httpx.URL, addr: IPAddress | None
) -> contextlib.AbstractContextManager[httpx.Response]:
    """Stream a GET of ``url``, connecting to ``addr`` when given (Host and TLS name kept)."""
    if addr is None:
        return client.stream("GET", url)
    pinned = url.copy_with(host=str(addr))
    headers = {"Host": url.netloc.decode("ascii")}
    extensions = {"sni_hostname": url.host} if url.scheme == "https" else {}
    return client.stream("GET", pinned, headers=headers, extensions=extensions)


def _one_attempt(
    client: httpx.Client,
    url: str,
    *,
    timeout: float,
    max_bytes: int,
    deadline: float,
    max_redirects: int,
    policy: AddressPolicy,
) -> FetchResult:
    """One GET, following redirects hop by hop (each hop's address checked); raises
    FetchError, marked retryable where it may pass."""
    # The whole download must finish within ``timeout`` and within the overall budget.
    request_deadline = min(time.monotonic() + timeout, deadline)
    try:
        current = httpx.URL(url)
        for _hop in range(max_redirects + 1):
            if current.scheme not in ("http", "https"):
                raise FetchError(url, "unsupported URL scheme (only http and https)")
            addr = _checked_address(current, policy, url)
            with _send(client, current, addr) as resp:
                location = resp.headers.get("location")
                if resp.status_code in REDIRECT_STATUSES and location:
                    current = httpx.URL(urljoin(str(current), location.strip()))
                    continue
                return _read_body(resp, url, str(current), timeout, max_bytes, request_deadline)
        raise FetchError(url, "too many redirects")
    except FetchError:
        raise
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


def _read_body(
    resp: httpx.Response,
    url: str,
    final_url: str,
    timeout: float,
    max_bytes: int,
    request_deadline: float,
) -> FetchResult:
    if resp.status_code >= 400:
        reason = f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip()
        raise FetchError(url, reason, retryable=resp.status_code in RETRY_STATUSES)
    if resp.status_code != 200:
        raise FetchError(url, f"unexpected HTTP {resp.status_code} {resp.reason_phrase}")
    declared = resp.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, f"too large: {int(declared)} bytes declared (limit {max_bytes})")
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
        final_url=final_url,
        status=resp.status_code,
        content_type=resp.headers.get("content-type"),
        data=b"".join(chunks),
    )


def fetch(
    url: str,
    *,
    timeout: float = 10.0,
    retries: int = 2,
    max_bytes: int = 5_000_000,
    max_redirects: int = 5,
    total_budget: float | None = None,
    user_agent: str = DEFAULT_USER_AGENT,
    allow_private: bool = False,
    allowed_networks: Iterable[str] = (),
) -> FetchResult:
    """GET ``url`` and return its body; raise ``FetchError`` ("<url>: <reason>") on failure.

    ``timeout`` bounds each attempt (connect, every read and the whole download);
    ``retries`` extra attempts follow a retryable failure (timeout, connection error, 429,
    5xx) after an exponential back-off; ``total_budget`` (default: enough for every attempt
    and back-off) bounds the time spent on this URL altogether. Hosts on private networks
    are refused unless ``allow_private`` or their address is in ``allowed_networks``.
    """
    if not url.startswith(("http://", "https://")):
        raise FetchError(url, "unsupported URL scheme (only http and https)")
    policy = AddressPolicy.make(allow_private, allowed_networks)
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
        follow_redirects=False,  # followed hop by hop in _one_attempt, each hop checked
        trust_env=True,  # honour HTTP(S)_PROXY, NO_PROXY and SSL_CERT_FILE
    ) as client:
        attempt = 0
        while True:
            try:
                return _one_attempt(
                    client,
                    url,
                    timeout=timeout,
                    max_bytes=max_bytes,
                    deadline=deadline,
                    max_redirects=max_redirects,
                    policy=policy,
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
