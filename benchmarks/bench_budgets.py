"""The speed and size budgets of issue 11, measured in one run, each with its target.

On the synthetic corpus (benchmarks/synthetic.py: seed paragraphs recombined, dates over two
years), one worker process per size runs whole builds (``generator.pipeline.build``: analyse,
cluster, group, briefs, render, MkDocs) while this process samples the memory of the worker's
process tree (the worker, its PDF workers and MkDocs; RSS summed, PSS too). At the small size:
a cold build, an unchanged rebuild, a weekly rebuild with 50 new articles (all in the week
after the corpus) and a bare ``mkdocs build`` of the same docs with the same derived config.
At the large size: a cold build. Then every budget is printed with its target and PASS/FAIL.

    python benchmarks/bench_budgets.py            # 1,000 and 5,000 articles (long)
    python benchmarks/bench_budgets.py --quick    # 200 and 1,000 (a sanity run)
    python benchmarks/bench_budgets.py --sizes 300 1500 --keep /tmp/bench

Timings depend on the machine's load (printed with the results): compare the ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

GIB = 2**30
NEW_ARTICLES = 50
# the targets (issue 11)
COLD_MAX_S = 60.0
PLUS50_MAX = 0.15
UNCHANGED_MAX = 0.08
SITE_OVER_BARE_MAX = 1.3
STAGE_GROWTH_MAX = 1.1  # x the growth of the corpus: 5,000 / 1,000 -> 5.5x
PEAK_MAX_BYTES = 1.5 * GIB
BRIEF_MAX_S = 1.5
SEARCH_INDEX_MAX_BYTES = 10 * 10**6  # at 5,000 articles


# --------------------------------------------------------------------------- worker


def _cpu() -> float:
    """CPU seconds of this process and its reaped children (PDF workers, MkDocs)."""
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def build_once(settings, corpus: Path, out: Path) -> dict:
    """One ``pipeline.build``: wall and CPU seconds, stage timings, cache and page counts."""
    from generator.pipeline import build

    t, cpu = time.perf_counter(), _cpu()
    r = build(settings, corpus=corpus, out=out, log=lambda m: None)
    wall, cpu = time.perf_counter() - t, _cpu() - cpu
    index = out / "site" / "search" / "search_index.json"
    return {
        "wall": wall,
        "cpu": cpu,
        "timings": r.timings,
        "cpu_timings": r.cpu,
        "hits": r.cache_hits,
        "misses": r.cache_misses,
        "pages": r.pages,
        "briefs": r.briefs,
        "laid_out": {k: list(v) for k, v in sorted(r.brief_layouts.items())},
        "search_index": index.stat().st_size if index.is_file() else 0,
    }


def bare_mkdocs(settings, docs: Path, site: Path) -> float:
    """(wall, CPU) seconds of a bare ``mkdocs build`` of ``docs`` with the build's config."""
    from generator.publish import derived_config, mkdocs_config_path, source_date_epoch

    base = mkdocs_config_path(settings)
    cfg = site.parent / f"{site.name}-mkdocs.yml"
    cfg.write_text(derived_config(docs, site, settings, base, strict=False), encoding="utf-8")
    env = dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        SOURCE_DATE_EPOCH=str(source_date_epoch(docs)),
        DIGEST_OFFLINE="false",
        PYTHONHASHSEED="0",
    )
    t, cpu = time.perf_counter(), _cpu()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--clean", "-f", str(cfg)],
        env=env,
        cwd=str(base.parent),
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - t, _cpu() - cpu


def worker(n: int, folder: Path, full: bool) -> dict:
    """Builds of ``n`` articles in ``folder``; ``full`` adds the rebuilds and the bare run."""
    from synthetic import synthetic_articles, write_corpus

    from generator.settings import load_settings

    corpus, out = folder / "corpus", folder / "out"
    write_corpus(synthetic_articles(n), corpus)
    settings = load_settings(ROOT / "digest.yml")
    settings = replace(settings, output=replace(settings.output, cache=str(folder / "cache")))
    result = {"n": n, "cold": build_once(settings, corpus, out)}
    if not full:
        return result
    result["unchanged"] = build_once(settings, corpus, out)
    new = synthetic_articles(NEW_ARTICLES, start=n, days=7, first_day=730)
    write_corpus(new, corpus)
    result["new_weeks"] = sorted(
        {"{}-W{:02d}".format(*a.date.isocalendar()[:2]) for a in new if a.date}
    )
    result["plus50"] = build_once(settings, corpus, out)
    result["bare_mkdocs"], result["bare_mkdocs_cpu"] = bare_mkdocs(
        settings, out / "docs", folder / "bare-site"
    )
    return result


# --------------------------------------------------------------------------- memory


def _tree(root: int) -> list[int]:
    """``root`` and every live descendant (from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, ()))
    return out


def _rss_pss(pid: int) -> tuple[int, int]:
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1]) * 1024
            elif line.startswith("Pss:"):
                pss = int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return rss, pss


class TreeMemory:
    """Samples the summed RSS and PSS of a process tree every ``every`` seconds."""

    def __init__(self, pid: int, every: float = 0.25) -> None:
        self.pid, self.every = pid, every
        self.peak_rss = self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            pairs = [_rss_pss(p) for p in _tree(self.pid)]
            self.peak_rss = max(self.peak_rss, sum(r for r, _ in pairs))
            self.peak_pss = max(self.peak_pss, sum(p for _, p in pairs))
            self._stop.wait(self.every)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def run_worker(n: int, folder: Path, full: bool) -> dict:
    """One worker process for size ``n``; its result with the tree's peak memory."""
    folder.mkdir(parents=True, exist_ok=True)
    result_file = folder / "result.json"
    cmd = [sys.executable, __file__, "--worker", str(n), str(folder)]
    if full:
        cmd.append("--full")
    env = dict(os.environ, PYTHONHASHSEED="0", NO_MKDOCS_2_WARNING="1")
    proc = subprocess.Popen(cmd, env=env)
    mem = TreeMemory(proc.pid)
    code = proc.wait()
    mem.stop()
    if code:
        raise SystemExit(f"the benchmark worker for {n} articles failed (exit {code})")
    result = json.loads(result_file.read_text(encoding="utf-8"))
    result["peak_rss"], result["peak_pss"] = mem.peak_rss, mem.peak_pss
    return result


# --------------------------------------------------------------------------- report


def _cpu_share(part: dict, whole: dict) -> str:
    """CPU seconds of one build as a share of another's (less sensitive to the load)."""
    if not whole.get("cpu"):
        return "n/a"
    return f"{part['cpu'] / whole['cpu']:.1%}"


def _row(name: str, target: str, measured: str, ok: bool | None) -> bool:
    verdict = "" if ok is None else ("PASS" if ok else "FAIL")
    print(f"{name:<52} {target:<14} {measured:<30} {verdict}")
    return ok is not False


def report(small: dict, large: dict) -> bool:
    n, m = small["n"], large["n"]
    cold, warm, inc = small["cold"], small["unchanged"], small["plus50"]
    ok = True
    print(f"\n{'budget':<52} {'target':<14} {'measured':<30} verdict")
    print("-" * 104)
    for size, r in ((n, cold), (m, large["cold"])):
        ok &= _row(
            f"cold build, {size:,} articles, end to end",
            f"<= {COLD_MAX_S:.0f} s" if size == 1000 else "(at 1,000)",
            f"{r['wall']:.1f} s ({r.get('cpu', 0):.0f} s CPU)",
            r["wall"] <= COLD_MAX_S if size == 1000 else None,
        )
    ok &= _row(
        f"rebuild +{NEW_ARTICLES} new / cold",
        f"<= {PLUS50_MAX:.0%}",
        f"{inc['wall'] / cold['wall']:.1%} ({inc['wall']:.1f} s); CPU {_cpu_share(inc, cold)}",
        inc["wall"] <= PLUS50_MAX * cold["wall"],
    )
    ok &= _row(
        "rebuild, nothing changed / cold",
        f"<= {UNCHANGED_MAX:.0%}",
        f"{warm['wall'] / cold['wall']:.1%} ({warm['wall']:.1f} s); CPU {_cpu_share(warm, cold)}",
        warm["wall"] <= UNCHANGED_MAX * cold["wall"],
    )
    site = inc["timings"].get("render", 0) + inc["timings"].get("mkdocs", 0)
    cpu = inc.get("cpu_timings", {})
    site_cpu = cpu.get("render", 0) + cpu.get("mkdocs", 0)  # this process's + MkDocs'
    ok &= _row(
        f"render + mkdocs (+{NEW_ARTICLES} rebuild) / bare mkdocs",
        f"<= {SITE_OVER_BARE_MAX}x",
        f"{site / small['bare_mkdocs']:.2f}x ({site:.1f} s / {small['bare_mkdocs']:.1f} s); "
        f"CPU {site_cpu / small['bare_mkdocs_cpu']:.2f}x "
        f"({site_cpu:.1f} s / {small['bare_mkdocs_cpu']:.1f} s)",
        site <= SITE_OVER_BARE_MAX * small["bare_mkdocs"],
    )
    growth = m / n * STAGE_GROWTH_MAX
    for stage, secs in large["cold"]["timings"].items():
        base = cold["timings"].get(stage, 0.0)
        ratio = secs / base if base > 0 else float("inf")
        ok &= _row(
            f"stage {stage}: {m:,} / {n:,} articles",
            f"<= {growth:.1f}x",
            f"{ratio:.2f}x ({base:.2f} s -> {secs:.2f} s)",
            ratio <= growth or secs < 1.0,  # under a second either way: noise, not growth
        )
    ok &= _row(
        f"cold build: {m:,} / {n:,} articles, end to end",
        f"<= {growth:.1f}x",
        f"{large['cold']['wall'] / cold['wall']:.2f}x ({large['cold']['wall']:.1f} s)",
        large["cold"]["wall"] <= growth * cold["wall"],
    )
    ok &= _row(
        f"peak memory of the build's process tree, {m:,}",
        f"<= {PEAK_MAX_BYTES / GIB:.1f} GiB",
        f"{large['peak_rss'] / GIB:.2f} GiB RSS, {large['peak_pss'] / GIB:.2f} GiB PSS",
        large["peak_rss"] <= PEAK_MAX_BYTES,
    )
    laid = inc["laid_out"]
    weeks = sorted(k[len("week-") : -len(".pdf")] for k in laid if k.startswith("week-"))
    closed = [w for w in weeks if w not in small["new_weeks"]]
    ok &= _row(
        f"briefs laid out on +{NEW_ARTICLES} (of {inc['briefs']})",
        "changed only",
        f"{len(laid)}: {len(weeks)} week(s) {','.join(weeks)}, {len(laid) - len(weeks)} topics",
        not closed and inc["misses"] == NEW_ARTICLES,
    )
    note = f"closed weeks laid out again: {len(closed)}; analysed: {inc['misses']}"
    print(f"{'':<52} {'':<14} {note}")
    layouts = [v for r in (cold, inc, large["cold"]) for v in r["laid_out"].values()]
    slow_wall = max((w for w, _ in layouts), default=0.0)
    slow_cpu = max((c for _, c in layouts), default=0.0)
    ok &= _row(
        "slowest brief layout (any build above)",
        f"<= {BRIEF_MAX_S} s",
        f"{slow_cpu:.2f} s CPU, {slow_wall:.2f} s wall",
        slow_cpu <= BRIEF_MAX_S,
    )
    _row(
        f"search index at {n:,} articles",
        "",
        f"{cold['search_index'] / 1e6:.1f} MB",
        None,
    )
    ok &= _row(
        f"search index at {m:,} articles",
        "<= 10 MB" if m >= 5000 else "(at 5,000)",
        f"{large['cold']['search_index'] / 1e6:.1f} MB",
        large["cold"]["search_index"] <= SEARCH_INDEX_MAX_BYTES if m >= 5000 else None,
    )
    return ok


def _stages(label: str, r: dict) -> None:
    """One build's seconds per stage: wall/CPU (CPU: the build process's; MkDocs' with
    its own process; the PDF workers and the search child are in the total only)."""
    cpu = r.get("cpu_timings", {})
    stages = "  ".join(
        f"{k} {v:.2f}" + (f"/{cpu[k]:.1f}" if k in cpu else "") for k, v in r["timings"].items()
    )
    print(
        f"  {label:<20} {r['wall']:7.1f} s ({r.get('cpu', 0):.0f} s CPU)  [{stages}]  "
        f"analysed {r['misses']}, "
        f"{r['pages']} pages, {len(r['laid_out'])} of {r['briefs']} briefs laid out"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="200 and 1,000 articles")
    ap.add_argument("--sizes", type=int, nargs=2, metavar=("SMALL", "LARGE"))
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    ap.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--full", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        n, folder = int(args.worker[0]), Path(args.worker[1])
        data = worker(n, folder, args.full)
        (folder / "result.json").write_text(json.dumps(data), encoding="utf-8")
        return 0
    small, large = args.sizes or ((200, 1000) if args.quick else (1000, 5000))
    start = dt.datetime.now(dt.UTC)
    print(
        f"budgets at {small:,} and {large:,} synthetic articles; {os.cpu_count()} cores; "
        f"load average at start {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}",
        flush=True,
    )
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-budgets-"))
    try:
        a = run_worker(small, work / str(small), full=True)
        print(f"{small:,} articles:")
        for label in ("cold", "unchanged", "plus50"):
            _stages(label, a[label])
        print(
            f"  bare mkdocs build    {a['bare_mkdocs']:7.1f} s ({a['bare_mkdocs_cpu']:.0f} s CPU)",
            flush=True,
        )
        b = run_worker(large, work / str(large), full=False)
        print(f"{large:,} articles:")
        _stages("cold", b["cold"])
        ok = report(a, b)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    took = (dt.datetime.now(dt.UTC) - start).total_seconds()
    print(
        f"\nall budgets met: {'yes' if ok else 'NO'}; run took {took / 60:.1f} min; "
        f"load average at the end {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} "
        f"(other processes on the machine slow the wall times)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
