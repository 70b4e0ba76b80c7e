"""Analysis on a Dask distributed cluster against the local process pool.

Starts a scheduler and N single-threaded worker processes on 127.0.0.1 (a stand-in for a
real cluster: the same code path, the same network protocol), analyses a synthetic corpus
both ways with no cache, checks that both give byte-identical results, and prints
articles per second and the cluster's overhead against the local pool.

    python benchmarks/bench_dask.py            # 10,000 articles (BENCH_DASK_N to change)

The scaling model printed at the end: throughput ≈ workers × per-core rate × efficiency,
where efficiency is measured here (the same number of worker processes as the local pool).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from synthetic import synthetic_articles  # noqa: E402

from generator.analyse import analyse_corpus, load_context  # noqa: E402
from generator.dask_engine import DaskMapper  # noqa: E402
from generator.serialize import to_jsonable  # noqa: E402
from generator.settings import load_settings  # noqa: E402


def _dump(result) -> str:
    return json.dumps([to_jsonable(a) for a in result.analyses], ensure_ascii=False)


def main() -> None:
    from distributed import LocalCluster

    n = int(os.environ.get("BENCH_DASK_N", "10000"))
    workers = int(os.environ.get("BENCH_DASK_WORKERS", str(os.cpu_count() or 2)))
    batch = int(os.environ.get("BENCH_DASK_BATCH", "64"))
    settings = load_settings(HERE.parent / "digest.yml")
    ctx = load_context(settings)
    articles = synthetic_articles(n)
    print(f"{n} synthetic articles of ~500 words; {workers} worker processes; batch {batch}")

    t = time.perf_counter()
    local = analyse_corpus(articles, ctx, workers=workers)
    local_s = time.perf_counter() - t
    print(f"local process pool : {local_s:7.1f} s  {n / local_s:6.1f} articles/s")

    with LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=40,
    ) as cluster:
        t = time.perf_counter()
        remote = analyse_corpus(
            articles, ctx, mapper=DaskMapper(cluster.scheduler_address, batch_size=batch)
        )
        dask_s = time.perf_counter() - t
    print(f"dask (127.0.0.1)   : {dask_s:7.1f} s  {n / dask_s:6.1f} articles/s")
    same = _dump(local) == _dump(remote)
    print(f"byte-identical results: {same}")
    eff = local_s / dask_s
    per_core = n / local_s / workers
    print(f"cluster efficiency vs local pool: {eff:.2f}")
    print(
        f"scaling model: articles/s ≈ cores × {per_core:.1f} × {eff:.2f}; "
        f"500,000 articles on 64 cores ≈ {500_000 / (64 * per_core * eff) / 60:.0f} min"
    )
    if not same:
        raise SystemExit("cluster results differ from local results")


if __name__ == "__main__":
    main()
