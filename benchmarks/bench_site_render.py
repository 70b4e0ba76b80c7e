"""Benchmark of the site stages alone: group -> render docs/ -> mkdocs, cold, unchanged, +50.

Uses synthetic analysed articles (tests/factories.py: seeds recombined over a year), so no
NLP runs; the full pipeline benchmark (with analysis) is separate. For each size N: a cold
build of N articles, an unchanged rebuild (MkDocs forced to run: every page from the page
cache), a rebuild with 50 more articles (spread over the year's weeks, as back-filled
items are) and, as the reference, the same +50 docs built by MkDocs without the page cache
into another folder: the two sites must be the same file for file. Prints seconds per stage,
the CPU seconds of MkDocs (its process), the pages MkDocs converted and rendered, and peak
memory.

    .venv/bin/python benchmarks/bench_site_render.py [N ...]     # default: 100 1000
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from factories import TOPICS, settings, synthetic_analyses  # noqa: E402

from generator.digest import group  # noqa: E402
from generator.publish import build_site, page_cache_file  # noqa: E402
from generator.render import render_docs  # noqa: E402

NEW = 50


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _step(label: str, analyses, out: Path, site: Path, cache: Path | bool, force: bool) -> None:
    s = settings()
    t0 = time.perf_counter()
    digest = group(analyses, TOPICS, s)
    t1 = time.perf_counter()
    written = render_docs(digest, s, out / "docs")
    t2, cpu = time.perf_counter(), _children_cpu()
    build_site(out / "docs", site, s, strict=True, page_cache=cache, force=force)
    t3, cpu = time.perf_counter(), _children_cpu() - cpu
    pages = sum(1 for p in written if p.endswith(".md"))
    stats = ""
    if cache is not False:
        stats_file = page_cache_file(cache, site, False).with_suffix(".stats.json")
        data = json.loads(stats_file.read_text(encoding="utf-8"))
        stats = (
            f"  converted {data['converted']}, rendered {data.get('template_rendered', '-')}"
            f" of {pages}"
        )
    print(
        f"{len(analyses):>5} articles {label:<12} group {t1 - t0:5.2f}s  render {t2 - t1:6.2f}s "
        f"({pages} pages)  mkdocs {t3 - t2:6.2f}s ({cpu:5.2f}s CPU){stats}",
        flush=True,
    )


def run(n: int, out: Path) -> None:
    analyses = synthetic_analyses(n + NEW)
    cache, site = out / "cache", out / "site"
    _step("cold", analyses[:n], out, site, cache, force=False)
    _step("unchanged", analyses[:n], out, site, cache, force=True)
    _step(f"+{NEW}", analyses, out, site, cache, force=False)
    _step(f"+{NEW} no cache", analyses, out, out / "reference", False, force=False)
    got, want = _tree(site), _tree(out / "reference")
    differ = sorted(k for k in want.keys() | got.keys() if got.get(k) != want.get(k))
    print(f"{'':>5} +{NEW} site with the page cache = without: {not differ} {differ[:5]}")


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [100, 1000]
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        for n in sizes:
            run(n, Path(tmp) / str(n))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: this process {own:.0f} MiB, mkdocs subprocess {child:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
