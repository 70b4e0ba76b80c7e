"""WeasyPrint layout of the PDF briefs, and the worker processes that run it.

A worker is a fresh interpreter (``python -c``), not a fork of the build: a forked child
maps all of the build's memory (the whole digest, every page) and the memory of the
build's process tree counted it once per worker. A fresh one imports WeasyPrint and this
module only (about 0.6 s of CPU, 60 MB). HTML goes in on its stdin and the PDF (with the
layout's wall and CPU seconds) comes back on a private copy of its stdout, one job at a
time; a worker ends at the end of its input. Same layout code, same PDF bytes.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import pickle
import queue
import re
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "brief"
_HEAD = struct.Struct("<Q")
# Young objects a worker allocates before the garbage collector runs (Python's default: 700).
# A layout makes millions of short-lived objects: collecting less often halves the time
# the collector takes (8 % of a layout); a worker holds at most ~25 MB more.
GC_THRESHOLD = 10_000


class LayoutError(RuntimeError):
    """A brief could not be laid out in a worker (the worker's error, or it died)."""


def _data_only_fetcher() -> Any:
    """A WeasyPrint URL fetcher that loads ``data:`` URIs only: a brief never reads files
    or the network, whatever ends up in its HTML or in an embedded SVG."""
    import weasyprint

    fetcher_class = getattr(weasyprint.urls, "URLFetcher", None)
    if fetcher_class is not None:  # WeasyPrint >= 68
        return fetcher_class(allowed_protocols=("data",))

    def fetch(url: str) -> Any:  # pragma: no cover - older WeasyPrint
        if not url.startswith("data:"):
            raise ValueError(f"briefs load no external resources: {url[:80]}")
        return weasyprint.default_url_fetcher(url)

    return fetch


@functools.lru_cache(maxsize=2)
def _font_config(pid: int) -> Any:
    """One WeasyPrint font configuration per process (``pid``: a forked worker makes its
    own): Pango's font map and its caches are kept from one brief to the next instead of
    being built again for each (10-20 % of a brief's layout; the PDF bytes are the same)."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


# The brief's one <style> element (generator/briefs.py puts the stylesheet there): the
# stylesheet is the same in every brief of one interface language.
_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


@functools.lru_cache(maxsize=8)
def _stylesheet(css: str, pid: int) -> Any:
    """``css`` parsed once per process (``pid``) and kept for the next brief: parsing the
    brief stylesheet is about 3 % of a brief's layout (``html_to_pdf``)."""
    import weasyprint

    return weasyprint.CSS(
        string=css,
        base_url=str(TEMPLATE_DIR),
        url_fetcher=_data_only_fetcher(),
        font_config=_font_config(pid),
    )


def _split_stylesheet(html: str) -> tuple[str, Any | None]:
    """``html`` without its stylesheet and the stylesheet parsed (cached), when the HTML
    holds one ``<style>`` element and the stylesheet neither loads files nor marks a
    declaration important; else ``html`` unchanged and None.

    A stylesheet passed to WeasyPrint beside the HTML is a *user* stylesheet: below the
    HTML's author styles (there are none left), above the user agent's, like the author
    stylesheet it was. Without ``!important``, ``@import``, ``url()`` or ``@font-face`` the
    cascade is the same, and so are the PDF bytes (tests/test_briefs*.py compare them)."""
    found = list(_STYLE.finditer(html))
    if len(found) != 1:
        return html, None
    css = found[0].group(1)
    if re.search(r"!\s*important|@import|url\(|@font-face|@counter-style|@layer", css, re.I):
        return html, None
    match = found[0]
    return html[: match.start()] + html[match.end() :], _stylesheet(css, os.getpid())


def html_to_pdf(html: str) -> bytes:
    """Lay out ``html`` with WeasyPrint; fixed identifier from the HTML's hash."""
    import weasyprint

    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    body, stylesheet = _split_stylesheet(html)
    document = weasyprint.HTML(
        string=body, base_url=str(TEMPLATE_DIR), url_fetcher=_data_only_fetcher()
    )
    pdf = document.write_pdf(
        pdf_identifier=identifier,
        font_config=_font_config(os.getpid()),
        stylesheets=[stylesheet] if stylesheet is not None else None,
    )
    assert isinstance(pdf, bytes)
    return pdf


def timed_layout(html: str) -> tuple[bytes, tuple[float, float]]:
    """``html_to_pdf`` and the (wall, CPU) seconds it took, measured where it ran."""
    start, cpu = time.perf_counter(), time.process_time()
    pdf = html_to_pdf(html)
    return pdf, (time.perf_counter() - start, time.process_time() - cpu)


# --------------------------------------------------------------------------- workers


def _send(stream: IO[bytes], data: bytes) -> None:
    stream.write(_HEAD.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> bytes | None:
    head = stream.read(_HEAD.size)
    if len(head) < _HEAD.size:
        return None
    (size,) = _HEAD.unpack(head)
    data = stream.read(size)
    return data if len(data) == size else None


WARM_UP_HTML = (
    '<html lang="ru"><head><style>body { font-family: "DejaVu Sans", sans-serif; }</style>'
    "</head><body><h1>Ж</h1><p>Қазақстан — Україна.</p></body></html>"
)


def worker_main() -> None:
    """A worker's loop: HTML in, ``(True, (pdf, seconds))`` or ``(False, error)`` out.

    A page of a few words is laid out first (not timed, not sent): WeasyPrint's modules
    loaded on first use, Pango's font map and the font itself (about 0.5 s of CPU) are then
    ready, while the build is still making the HTML, and no brief pays for them."""
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything printed goes to stderr, never into the replies
    with contextlib.suppress(Exception):  # a failure shows on the first brief instead
        html_to_pdf(WARM_UP_HTML)
    # what the start made (modules, the font map) lives as long as the worker: the
    # collector no longer walks it; the PDF bytes are the same
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD)
    source = sys.stdin.buffer
    while (html := _receive(source)) is not None:
        try:
            reply: tuple[bool, Any] = (True, timed_layout(html.decode("utf-8")))
        except Exception as exc:  # reported to the build, which raises it
            reply = (False, f"{type(exc).__name__}: {exc}")
        _send(out, pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL))


def _start_worker(nice: int = 0) -> subprocess.Popen[bytes]:
    """A worker process, ``nice`` steps below this one's priority."""
    root = str(Path(__file__).resolve().parent.parent)  # this copy of the package
    path = os.environ.get("PYTHONPATH")
    env = dict(os.environ, PYTHONPATH=root + (os.pathsep + path if path else ""))
    code = "from generator.pdfworker import worker_main; worker_main()"
    if nice > 0:
        code = f"import os; os.nice({int(nice)}); {code}"
    return subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
    )


class SpareWorker:
    """A worker started before its briefs are known, so that its start (an interpreter,
    WeasyPrint, Pango's fonts: about a second of CPU) runs while the build clusters and
    groups on the other core. ``take()`` hands it to a ``LayoutPool`` once; ``close()``
    ends it if nobody took it (nothing to lay out, a failed build)."""

    def __init__(self, nice: int = 0) -> None:
        self._proc: subprocess.Popen[bytes] | None = _start_worker(nice)

    def take(self) -> subprocess.Popen[bytes] | None:
        proc, self._proc = self._proc, None
        return proc

    def close(self) -> None:
        """End the worker if nobody took it: killed (it has laid out nothing, written
        nothing), not waited for through the rest of its warm-up."""
        proc = self.take()
        if proc is None:
            return
        with contextlib.suppress(OSError):
            proc.kill()
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


class LayoutPool:
    """``count`` worker processes laying out ``htmls`` (in this order, each taken by the
    next free worker) while the caller goes on; ``results()`` waits for them. A ``spare``
    worker started earlier is one of them."""

    def __init__(
        self, htmls: Sequence[str], count: int, nice: int = 0, spare: SpareWorker | None = None
    ) -> None:
        self._results: list[tuple[bytes, tuple[float, float]] | None] = [None] * len(htmls)
        self._errors: list[str] = []
        self._jobs: queue.SimpleQueue[tuple[int, str]] = queue.SimpleQueue()
        for job in enumerate(htmls):
            self._jobs.put(job)
        taken = spare.take() if spare is not None else None
        self._procs = [taken] if taken is not None else []
        while len(self._procs) < max(1, min(count, len(htmls))):
            self._procs.append(_start_worker(nice))
        self._threads = [
            threading.Thread(target=self._feed, args=(p,), daemon=True) for p in self._procs
        ]
        for t in self._threads:
            t.start()

    def _feed(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdin is not None and proc.stdout is not None
        try:
            while not self._errors:
                try:
                    index, html = self._jobs.get_nowait()
                except queue.Empty:
                    return
                _send(proc.stdin, html.encode("utf-8"))
                data = _receive(proc.stdout)
                if data is None:
                    self._errors.append(f"a PDF worker ended (exit {proc.poll()})")
                    return
                ok, value = pickle.loads(data)
                if not ok:
                    self._errors.append(str(value))
                    return
                self._results[index] = value
        except OSError as exc:  # the worker was stopped (close) or died
            self._errors.append(f"a PDF worker failed: {exc}")
        finally:
            with contextlib.suppress(OSError):
                proc.stdin.close()  # end of input: the worker ends

    def _join(self) -> None:
        for t in self._threads:
            t.join()
        for p in self._procs:
            p.wait()
            if p.stdout is not None:
                p.stdout.close()

    def results(self) -> list[tuple[bytes, tuple[float, float]]]:
        """Every (PDF, seconds) in the order of the HTML given; ``LayoutError`` if any
        layout failed."""
        self._join()
        if self._errors:
            raise LayoutError(self._errors[0])
        assert all(r is not None for r in self._results)
        return [r for r in self._results if r is not None]

    def close(self) -> None:
        """Stop the workers without waiting for their layouts, then wait for them."""
        self._errors.append("stopped")
        for p in self._procs:
            if p.poll() is None:
                p.kill()
        self._join()
