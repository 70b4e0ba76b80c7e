"""One cold build of the synthetic corpus, with where its CPU went.

The cold-build budget of ``bench_budgets.py`` alone and quicker (no rebuilds, no bare
MkDocs, no memory sampling): a build of ``N`` synthetic articles (``synthetic.py``) with an
empty cache into ``FOLDER``; prints wall and CPU seconds, per stage (wall/CPU of the build
process; MkDocs' own process in ``mkdocs``), the analysis pool's CPU and the PDF layouts'
CPU. Keep ``FOLDER`` of two runs to compare their docs/ and site/ with ``diff -r``.

    python benchmarks/bench_cold.py 1000 /tmp/cold-a
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]


def _children_cpu() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=1000)
    ap.add_argument("folder", type=Path, nargs="?", default=Path("/tmp/bench-cold"))
    args = ap.parse_args()
    from synthetic import synthetic_articles, write_corpus

    import generator.pipeline as pipeline
    from generator.settings import load_settings

    folder: Path = args.folder
    shutil.rmtree(folder, ignore_errors=True)
    write_corpus(synthetic_articles(args.n), folder / "corpus")
    settings = load_settings(ROOT / "digest.yml")
    settings = replace(settings, output=replace(settings.output, cache=str(folder / "cache")))
    pool: dict[str, float] = {}
    analyse_stage = pipeline.analyse_stage

    def timed_analyse(*a, **k):  # the pool's workers are reaped when the stage ends
        before = _children_cpu()
        try:
            return analyse_stage(*a, **k)
        finally:
            pool["cpu"] = _children_cpu() - before

    pipeline.analyse_stage = timed_analyse
    load = os.getloadavg()[0]
    start, cpu = time.perf_counter(), time.process_time() + _children_cpu()
    r = pipeline.build(settings, corpus=folder / "corpus", out=folder / "out", log=lambda m: None)
    wall, cpu = time.perf_counter() - start, time.process_time() + _children_cpu() - cpu
    layouts = r.brief_layouts.values()
    print(
        f"cold build of {args.n}: {wall:.1f} s wall, {cpu:.1f} s CPU "
        f"(load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end)"
    )
    print(
        "stages (wall/CPU): "
        + ", ".join(f"{k} {v:.1f}/{r.cpu.get(k, 0.0):.1f}" for k, v in r.timings.items())
    )
    slowest = max((c for _, c in layouts), default=0.0)
    print(
        f"analysis pool {pool.get('cpu', 0.0):.1f} s CPU; {len(layouts)} briefs laid out in "
        f"{sum(c for _, c in layouts):.1f} s CPU (slowest {slowest:.2f} s)"
    )


if __name__ == "__main__":
    main()
