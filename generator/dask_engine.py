"""Analysis past one machine: the pure ``analyse_text`` mapped over a Dask cluster.

Only the analyse stage moves (see ``generator/analyse.py``); cluster, group, render and
publish stay on the machine that runs ``digest``, since they work on small records.

How a backfill runs:

* the driver (``digest analyze|build --dask tcp://HOST:PORT``) loads the corpus, computes
  each article's content-hash cache key and reads the cache (a local folder or any fsspec
  URL, e.g. ``s3://bucket/digest-cache``, shared by every driver);
* the cache misses go to the cluster in batches of ``analysis.batch_size`` articles; the
  ``AnalysisContext`` (taxonomy, word lists, registry) is scattered to every worker once;
  at most ``2 × workers`` batches are in flight, so a 500,000-article backfill never sits in
  the scheduler's memory at once;
* results come back as ``TextAnalysis`` records and are put in article order, so the
  output is byte-identical to a local run: the same pure function on the same inputs.

``distributed`` is an optional dependency (``pip install .[cluster]``): importing this
module without it works, running it raises a ``DaskUnavailable`` that says what to install.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from generator.models import Article, TextAnalysis


class DaskUnavailable(RuntimeError):
    """Dask distributed is not installed, or the scheduler cannot be reached."""


def analyse_batch(articles: Sequence[Article], ctx) -> list[TextAnalysis]:
    """Run on a worker: the pure text analysis of one batch, in order."""
    from generator.analyse import analyse_text

    return [analyse_text(a, ctx) for a in articles]


@dataclass(frozen=True)
class DaskMapper:
    """Maps ``analyse_text`` over a Dask distributed cluster, batch by batch.

    ``address`` is the scheduler's address (``tcp://127.0.0.1:8786``); ``batch_size``
    articles make one task (a task of ~1 s keeps the scheduler's overhead below 1 %).
    """

    address: str
    batch_size: int = 64
    connect_timeout: float = 30.0

    def __call__(self, articles: Sequence[Article], ctx) -> Iterator[TextAnalysis]:
        try:
            from distributed import Client, as_completed
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise DaskUnavailable(
                "analysis on a Dask cluster needs the 'cluster' extra: pip install '.[cluster]'"
            ) from exc
        batches = [
            list(articles[i : i + self.batch_size])
            for i in range(0, len(articles), self.batch_size)
        ]
        if not batches:
            return
        try:
            client = Client(self.address, timeout=self.connect_timeout, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise DaskUnavailable(
                f"cannot reach the Dask scheduler at {self.address}: {exc}"
            ) from exc
        with client:
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            [ctx_future] = client.scatter([ctx], broadcast=True, hash=False)
            window = 2 * workers
            done: dict[int, list[TextAnalysis]] = {}

            def submit(index: int):
                fut = client.submit(analyse_batch, batches[index], ctx_future, pure=False)
                fut.batch_index = index  # type: ignore[attr-defined]
                return fut

            submitted = min(window, len(batches))
            pending = as_completed([submit(i) for i in range(submitted)], loop=client.loop)
            emitted = 0
            for fut in pending:
                done[fut.batch_index] = fut.result()  # type: ignore[attr-defined]
                fut.release()
                if submitted < len(batches):
                    pending.add(submit(submitted))
                    submitted += 1
                while emitted in done:  # hand results back in article order
                    yield from done.pop(emitted)
                    emitted += 1


def mapper_for(settings, address: str | None = None) -> DaskMapper | None:
    """The cluster mapper asked for by ``--dask`` (``address``) or ``analysis.dask``."""
    address = address or settings.analysis.dask
    if not address:
        return None
    return DaskMapper(address=address, batch_size=settings.analysis.batch_size)
