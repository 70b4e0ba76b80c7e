"""Benchmark of the site stages alone: group -> render docs/ -> mkdocs, cold and unchanged.

Uses synthetic analysed articles (tests/factories.py: seeds recombined over a year), so no
NLP runs; the full pipeline benchmark (with analysis) is separate. Prints seconds per stage,
page counts and peak memory (this process, and the MkDocs subprocess).

    .venv/bin/python benchmarks/bench_site_render.py [N ...]     # default: 100 1000
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from factories import TOPICS, settings, synthetic_analyses  # noqa: E402

from generator.digest import group  # noqa: E402
from generator.publish import build_site  # noqa: E402
from generator.render import render_docs  # noqa: E402


def run(n: int, out: Path) -> None:
    analyses = synthetic_analyses(n)
    s = settings()
    for label in ("cold", "unchanged"):
        t0 = time.perf_counter()
        digest = group(analyses, TOPICS, s)
        t1 = time.perf_counter()
        written = render_docs(digest, s, out / "docs")
        t2 = time.perf_counter()
        ran = build_site(out / "docs", out / "site", s, strict=True)
        t3 = time.perf_counter()
        pages = sum(1 for p in written if p.endswith(".md"))
        print(
            f"{n:>5} articles {label:<9} group {t1 - t0:6.2f}s  render {t2 - t1:6.2f}s "
            f"({pages} pages)  mkdocs {t3 - t2:6.2f}s{'' if ran else ' (skipped)'}  "
            f"total {t3 - t0:6.2f}s"
        )


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
