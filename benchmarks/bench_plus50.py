"""The +50 weekly rebuild alone, replayed on one kept state: where its seconds go.

``bench_budgets.py`` measures the +50 rebuild once, after a cold and an unchanged build in
the same process. To compare two versions of the code, or to profile the rebuild, one run is
too noisy on a shared machine. This benchmark makes a cold build of N articles once (the
state: corpus, caches, docs/ and site/), then replays the weekly rebuild R times on fresh
copies of that state: each replay runs an unchanged build first (so the process is as warm
as in the budget run), adds the 50 articles of the next week and times that build, stage by
stage (wall and CPU). The state always lives at the same path, since the caches key some
entries by it.

    python benchmarks/bench_plus50.py                       # 1,000 articles, 3 replays
    python benchmarks/bench_plus50.py --size 300 --replays 5
    python benchmarks/bench_plus50.py --keep /tmp/p50       # reuse a state made before
    python benchmarks/bench_plus50.py --profile /tmp/p50.prof   # cProfile of one replay
    python benchmarks/bench_plus50.py --keep /tmp/p50 --parts   # wall time of its parts

A/B of two checkouts: run it from each (``python OTHER/benchmarks/bench_plus50.py``) with
different ``--keep`` folders, alternating the runs.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_budgets import build_once
from synthetic import ROOT, synthetic_articles, write_corpus

from generator.settings import load_settings

NEW_ARTICLES = 50


def _build(folder: Path, profile: Path | None = None) -> dict:
    """``bench_budgets.build_once`` on ``folder``'s corpus, caches and outputs."""
    settings = load_settings(ROOT / "digest.yml")
    settings = replace(settings, output=replace(settings.output, cache=str(folder / "cache")))
    if profile is None:
        return build_once(settings, folder / "corpus", folder / "out")
    import cProfile

    with cProfile.Profile() as prof:
        result = build_once(settings, folder / "corpus", folder / "out")
    prof.dump_stats(profile)
    return result


def prepare(root: Path, n: int) -> dict:
    """A cold build of ``n`` articles in ``root/run``, kept as ``root/state``."""
    run = root / "run"
    shutil.rmtree(run, ignore_errors=True)
    write_corpus(synthetic_articles(n), run / "corpus")
    result = _build(run)
    shutil.rmtree(root / "state", ignore_errors=True)
    shutil.copytree(run, root / "state", symlinks=True)
    return result


def replay(root: Path, n: int, profile: Path | None = None, parts: bool = False) -> dict:
    """The state copied back to ``root/run``; an unchanged build, then the +50 one (with
    ``parts``, the wall time of its parts in ``result["parts"]``)."""
    run = root / "run"
    shutil.rmtree(run, ignore_errors=True)
    shutil.copytree(root / "state", run, symlinks=True)
    _build(run)  # as warm as the budget run's process
    new = synthetic_articles(NEW_ARTICLES, start=n, days=7, first_day=730)
    write_corpus(new, run / "corpus")
    if not parts:
        return _build(run, profile)
    with timed_parts({}) as totals:
        result = _build(run, profile)
    return {**result, "parts": totals}


# the functions ``--parts`` times (module, attribute; a class's method as "Class.method")
PARTS = (
    ("generator.cache", "AnalysisCache.get"),
    ("generator.analyse", "analyse_text"),
    ("generator.cluster", "features"),
    ("generator.cluster", "cluster"),
    ("generator.digest", "group"),
    ("generator.render", "build_pages"),
    ("generator.render", "digest_json"),
    ("generator.render.write", "_write_files"),
    ("generator.render.pagecache", "RenderedPages._load"),
    ("generator.render.pagecache", "RenderedPages.save"),
    ("generator.render.state", "digest_fingerprint"),
    ("generator.publish", "build_fingerprint"),
    ("generator.publish", "_write_late"),
    ("generator.procs", "run_child"),
    ("generator.analyse", "analyse_corpus"),
    ("generator.render.pages", "make_environment"),
    ("generator.render.write", "same_tree"),
    ("generator.render.write", "remove_tree"),
    ("generator.publish", "remove_tree"),
)


@contextlib.contextmanager
def timed_parts(totals: dict[str, float]):
    """Wall seconds spent in each of ``PARTS`` (wrapped while inside; no profiler, whose
    overhead inflates Python code) added to ``totals``; ``run_child`` is the MkDocs child."""
    import functools
    import importlib

    undo = []
    for module_name, attr in PARTS:
        owner = importlib.import_module(module_name)
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, name)

        def wrapper(*a, _f=original, _label=attr, **k):
            start = time.perf_counter()
            try:
                return _f(*a, **k)
            finally:
                totals[_label] = totals.get(_label, 0.0) + time.perf_counter() - start

        setattr(owner, name, functools.wraps(original)(wrapper))
        undo.append((owner, name, original))
    import generator.publish

    child = generator.publish.run_child  # (imported by name there)
    generator.publish.run_child = importlib.import_module("generator.procs").run_child
    try:
        yield totals
    finally:
        generator.publish.run_child = child
        for owner, name, original in reversed(undo):
            setattr(owner, name, original)


def _line(label: str, r: dict) -> str:
    stages = "  ".join(f"{k} {v:.2f}" for k, v in r["timings"].items())
    return f"  {label:10s} {r['wall']:6.2f} s ({r['cpu']:.1f} s CPU)  [{stages}]"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", type=int, default=1000)
    p.add_argument("--replays", type=int, default=3)
    p.add_argument("--keep", type=Path, help="folder of the state (reused when it exists)")
    p.add_argument("--profile", type=Path, help="cProfile one replay's +50 build into this file")
    p.add_argument("--parts", action="store_true", help="print the wall time of its parts")
    args = p.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-plus50-"))
    root.mkdir(parents=True, exist_ok=True)
    print(f"+50 replay on {args.size:,} articles in {root}")
    if not (root / "state" / "out" / "site" / "index.html").is_file():
        print(_line("cold", prepare(root, args.size)))
    if args.profile:
        print(_line("profiled", replay(root, args.size, args.profile)))
        print(f"  profile: {args.profile}")
        return
    runs = [replay(root, args.size, parts=args.parts) for _ in range(args.replays)]
    for i, r in enumerate(runs, 1):
        print(_line(f"+50 #{i}", r))
        if args.parts:
            ranked = sorted(r["parts"].items(), key=lambda kv: -kv[1])
            print("    parts: " + "  ".join(f"{k} {v:.2f}" for k, v in ranked))
            laid = "  ".join(f"{k} {w:.2f}/{c:.2f}" for k, (w, c) in r["laid_out"].items())
            print(f"    briefs laid out (wall/CPU s): {laid or 'none'}")
        assert r["misses"] == NEW_ARTICLES, r["misses"]
    if not runs:  # --replays 0: the state only
        return
    walls = [r["wall"] for r in runs]
    print(
        f"  median {statistics.median(walls):.2f} s (min {min(walls):.2f}, max {max(walls):.2f}); "
        f"MkDocs median {statistics.median(r['timings'].get('mkdocs', 0) for r in runs):.2f} s, "
        f"render median {statistics.median(r['timings'].get('render', 0) for r in runs):.2f} s"
    )
    if args.keep is None:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
