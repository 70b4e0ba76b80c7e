"""One function run in a forked child while the build goes on, its result read back later.

The build uses one core for the pages and MkDocs; work that only produces files MkDocs
copies as they are (the search assets) runs beside it in a child of this process. The
child inherits everything in memory (``fork``: nothing is pickled on the way in), sends
its result back in an unlinked temporary file opened before the fork (nothing is left on
disk whatever happens to either process) and exits; it dies with the build (``procs``).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import tempfile
import traceback
from collections.abc import Callable
from typing import IO, Any, Generic, TypeVar

from generator.procs import die_with_parent

T = TypeVar("T")


class BackgroundError(RuntimeError):
    """The child failed; the message carries its traceback."""


# The niceness above the build's of a weekly run's few PDF workers (``briefs``). The forked
# search/charts child runs at the build's own priority: niced, it lived on beside MkDocs'
# peak at 5,000 articles, and its copy-on-write pages (counted once per process in RSS)
# raised the process tree's peak from 1.36 to 1.72 GiB (`bench_budgets.py --sizes 200 5000`).
BACKGROUND_NICE = 5


def _run(fn: Callable[[], Any], out: IO[bytes], parent: int) -> None:
    die_with_parent(parent)
    try:
        result = ("ok", fn())
    except BaseException:  # reported to the parent, which raises it
        result = ("error", traceback.format_exc())
    # a file, not the pipe: the child exits now, not once the parent reads (its memory,
    # a copy of the build's, is not held while MkDocs runs)
    pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
    out.flush()


class Background(Generic[T]):
    """``fn()`` in a forked child (or here, where there is no ``fork``); ``result()`` waits."""

    def __init__(self, fn: Callable[[], T]) -> None:
        self._fn = fn
        self._done = False
        self._value: Any = None
        self._proc: Any = None
        self._error: str | None = None
        if "fork" not in multiprocessing.get_all_start_methods():
            return  # computed in result()
        ctx = multiprocessing.get_context("fork")
        # closed in close(), after the child is reaped
        self._out = tempfile.TemporaryFile(prefix="digest-background-")  # noqa: SIM115
        self._proc = ctx.Process(target=_run, args=(fn, self._out, os.getpid()), daemon=True)
        self._proc.start()

    def result(self) -> T:
        """The function's value (raises ``BackgroundError`` if the child failed)."""
        if self._error is not None:
            raise BackgroundError(self._error)
        if not self._done:
            if self._proc is None:
                self._value = self._fn()
            else:
                self._proc.join()
                try:
                    self._out.seek(0)
                    status, value = pickle.load(self._out)
                except (OSError, EOFError, pickle.UnpicklingError):
                    status, value = "error", f"exit code {self._proc.exitcode}"
                self._done = True
                self.close()
                if status != "ok":
                    self._error = f"background work failed:\n{value}"
                    raise BackgroundError(self._error)
                self._value = value
            self._done = True
        return self._value

    def close(self) -> None:
        """Stop the child if its result is not needed any more, and reap it."""
        if self._proc is not None:
            if not self._done:
                self._proc.kill()
                self._error = "background work stopped"
            self._proc.join()
            self._proc = None
            self._out.close()
