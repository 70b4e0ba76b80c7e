"""A small threaded HTTP server on 127.0.0.1 for the fetch and feed tests.

Routes map a path to a ``Route``: a fixed response, or a behaviour (hang, trickle, huge body,
redirect). Every behaviour is bounded in time and size, and the server stops at the end of
the ``with`` block (or the fixture), so no test can leave a thread behind. Nothing here
talks to anything but the loopback address.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HANG_LIMIT = 5.0  # seconds a "hang" route holds a connection at most


@dataclass
class Route:
    """How the server answers one path."""

    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    hang: float = 0.0  # seconds to wait before answering anything (bounded by HANG_LIMIT)
    trickle: float = 0.0  # seconds between body bytes (a slow server)
    huge: int = 0  # stream this many bytes of filler with no Content-Length
    redirect: str | None = None  # answer 302 to this location


class LocalServer:
    """The running server: ``url(path)``, ``routes`` (editable), ``hits`` and ``agents``."""

    def __init__(self, routes: dict[str, Route], host: str = "127.0.0.1") -> None:
        self.routes = dict(routes)
        self.host = host
        self.hits: dict[str, int] = {}
        self.agents: list[str] = []
        self.host_headers: list[str] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # quiet
                return

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                with server._lock:
                    server.hits[path] = server.hits.get(path, 0) + 1
                    server.agents.append(self.headers.get("User-Agent", ""))
                    server.host_headers.append(self.headers.get("Host", ""))
                route = server.routes.get(path)
                if route is None:
                    route = Route(body=b"not found", status=404, content_type="text/plain")
                with suppress(BrokenPipeError, ConnectionResetError):
                    server._answer(self, route)

        self._httpd = ThreadingHTTPServer((host, 0), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def _answer(self, h: BaseHTTPRequestHandler, route: Route) -> None:
        if route.hang:
            self._stop.wait(min(route.hang, HANG_LIMIT))
            h.close_connection = True
            return
        if route.redirect is not None:
            h.send_response(302)
            h.send_header("Location", route.redirect)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        h.send_response(route.status)
        if route.content_type:
            h.send_header("Content-Type", route.content_type)
        for k, v in route.headers.items():
            h.send_header(k, v)
        if route.huge:
            h.send_header("Connection", "close")
            h.end_headers()
            h.close_connection = True
            block = b"<p>" + b"x" * 65530 + b"</p>\n"
            sent = 0
            while sent < route.huge and not self._stop.is_set():
                h.wfile.write(block)
                sent += len(block)
            return
        h.send_header("Content-Length", str(len(route.body)))
        h.end_headers()
        if route.trickle:
            for i in range(len(route.body)):
                if self._stop.wait(route.trickle):
                    return
                h.wfile.write(route.body[i : i + 1])
                h.wfile.flush()
            return
        h.wfile.write(route.body)

    def start(self) -> LocalServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


@contextmanager
def serve(routes: dict[str, Route], host: str = "127.0.0.1") -> Iterator[LocalServer]:
    """Run a ``LocalServer`` (on ``host``, a loopback address) for the duration of the block."""
    server = LocalServer(routes, host).start()
    try:
        yield server
    finally:
        server.stop()


DATA = Path(__file__).parent / "data" / "feeds"


def fixture_bytes(name: str) -> bytes:
    """Bytes of a fixture under tests/data/feeds/."""
    return (DATA / name).read_bytes()


class QuietFileHandler(SimpleHTTPRequestHandler):
    """Serves a folder's files without logging every request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_folder(
    folder: Path, handler: type[SimpleHTTPRequestHandler] = QuietFileHandler, prefix: str = ""
) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a built site, for the browser tests); yields the base
    URL (``prefix`` appended: the handler maps it); the server stops at the end of the block."""
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
