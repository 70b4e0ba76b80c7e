"""Where MkDocs stops being usable: pages per minute at 5,000 and 20,000 pages.

Writes N article-like pages (~300 words of real seed text each, in weekly folders as the
digest does) with the project's theme configuration (Material, navigation.prune, search,
tags), runs a bare ``mkdocs build`` and prints seconds, pages per minute, site size,
search-index size and the peak memory of the MkDocs process.

    python benchmarks/bench_mkdocs_ceiling.py                # 1,000 5,000 20,000
    python benchmarks/bench_mkdocs_ceiling.py --sizes 5000
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


def _text() -> list[str]:
    from synthetic import seed_articles

    words = " ".join(a.body for a in seed_articles()).split()
    return words


def write_docs(docs: Path, n: int) -> None:
    words = _text()
    for i in range(n):
        folder = docs / "articles" / f"{2022 + i // 5000}" / f"w{(i // 50) % 53:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        start = (i * 37) % max(1, len(words) - 300)
        body = " ".join(words[start : start + 300])
        (folder / f"a{i:06d}.md").write_text(
            f"---\ntags: [t{i % 40}]\n---\n# Article {i}\n\n{body}\n", encoding="utf-8"
        )
    (docs / "index.md").write_text("# Home\n\nBenchmark site.\n", encoding="utf-8")


def config(docs: Path, site: Path) -> str:
    from generator.publish import _base_config

    theme = dict(_base_config(ROOT / "mkdocs.yml")["theme"])
    theme.pop("custom_dir", None)
    return yaml.safe_dump(
        {
            "site_name": "ceiling",
            "docs_dir": str(docs),
            "site_dir": str(site),
            "theme": theme,
            "plugins": ["search", "tags"],
            "nav": [{"Home": "index.md"}],
            "validation": {"nav": {"omitted_files": "ignore"}},
        }
    )


def du_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def run(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        docs, site = tmp / "docs", tmp / "site"
        write_docs(docs, n)
        cfg = tmp / "mkdocs.yml"
        cfg.write_text(config(docs, site), encoding="utf-8")
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(cfg)],
            env=env,
            capture_output=True,
            text=True,
        )
        secs = time.perf_counter() - t
        peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        if proc.returncode:
            print(proc.stderr[-2000:])
            raise SystemExit(f"mkdocs failed at {n} pages")
        index = site / "search" / "search_index.json"
        print(
            f"{n:>6} pages: {secs:7.1f} s  {60 * n / secs:8.0f} pages/min  "
            f"site {du_mib(site):7.1f} MiB  search index {index.stat().st_size / 2**20:6.1f} MiB"
            f"  peak {peak:6.0f} MiB"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    for n in ap.parse_args().sizes:
        run(n)


if __name__ == "__main__":
    main()
