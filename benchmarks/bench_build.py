"""Build benchmark: cold build, unchanged rebuild and a weekly +50 rebuild.

Prints seconds per stage (load, analyse, group, briefs, render, mkdocs), peak memory,
analysis throughput, and the warm/cold ratios the issues set targets for:

* cold build of 1,000 articles < 90 s; unchanged rebuild < 25 % of cold (issue 4)
* 1,000 analysed + 50 new: analysis stage < 10 % of cold analysis (issue 6)
* analysis throughput >= 20 articles/s on ~500-word Russian articles, both cores (issue 3)

Usage: python benchmarks/bench_build.py [--sizes 100 1000] [--no-site] [--no-briefs]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ROOT, synthetic_articles, write_corpus

from generator.pipeline import BuildReport, build
from generator.settings import load_settings


def peak_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def show(label: str, r: BuildReport, wall: float) -> None:
    stages = "  ".join(f"{k}={v:6.2f}s" for k, v in r.timings.items())
    print(f"{label:<26} wall={wall:6.2f}s  {stages}  hits={r.cache_hits} misses={r.cache_misses}")


def run_size(n: int, site: bool, briefs: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        write_corpus(synthetic_articles(n), corpus)
        settings = load_settings(ROOT / "digest.yml")
        settings = replace(settings, output=replace(settings.output, cache=str(tmp / "cache")))
        kw = dict(corpus=corpus, out=tmp / "out", site=site, briefs=briefs, log=lambda m: None)
        print(f"\n== {n} synthetic articles (site={site}, briefs={briefs})")
        t = time.perf_counter()
        cold = build(settings, **kw)
        cold_wall = time.perf_counter() - t
        show("cold build", cold, cold_wall)
        t = time.perf_counter()
        warm = build(settings, **kw)
        warm_wall = time.perf_counter() - t
        show("rebuild, nothing changed", warm, warm_wall)
        write_corpus(synthetic_articles(50, start=n), corpus)
        t = time.perf_counter()
        inc = build(settings, **kw)
        inc_wall = time.perf_counter() - t
        show("rebuild, +50 new", inc, inc_wall)
        a_cold = cold.timings["analyse"]
        print(
            f"analysis throughput (cold): {n / a_cold:.1f} articles/s; "
            f"unchanged rebuild = {100 * warm_wall / cold_wall:.1f}% of cold wall time; "
            f"+50 analysis stage = {100 * inc.timings['analyse'] / a_cold:.1f}% of cold analysis; "
            f"peak memory {peak_mib():.0f} MiB"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--no-site", action="store_true")
    ap.add_argument("--no-briefs", action="store_true")
    args = ap.parse_args()
    for n in args.sizes:
        run_size(n, site=not args.no_site, briefs=not args.no_briefs)


if __name__ == "__main__":
    main()
