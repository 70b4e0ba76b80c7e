"""The render stage alone (pages, digest.json, feeds: ``render_docs`` as the build calls it,
no MkDocs), cold at two sizes and a +N rebuild, on corpora a ``bench_budgets.py --keep``
run left, in CPU seconds of this process (the machine's load changes the wall times).

For each size, the corpus of the kept folder is linked into a scratch folder and analysed
from the kept analysis cache (a copy: the kept folder is not changed), then:

- ``cold``: ``render_docs`` with an empty cache of rendered pages, ``--reps`` times, the
  least CPU kept; the growth large / small is the budget's (<= 5.5x for 5x the articles);
- ``+N`` (small size only): a cold render of the corpus without its last N articles, then
  a render of the whole corpus with that render's cache of rendered pages (a weekly run).

    python benchmarks/bench_budgets.py --keep /tmp/bench     # leaves /tmp/bench/{1000,5000}
    python benchmarks/bench_render_stage.py /tmp/bench/1000 /tmp/bench/5000 [--reps 2]
    python benchmarks/bench_render_stage.py ... --profile /tmp/render   # + cProfile files
"""

from __future__ import annotations

import argparse
import cProfile
import os
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from generator.pipeline import _fewer_collections, prepare_digest  # noqa: E402
from generator.render import render_docs  # noqa: E402
from generator.render import state as render_state  # noqa: E402
from generator.render.search import project_glossary  # noqa: E402
from generator.settings import Settings, load_settings  # noqa: E402


def _scratch(kept: Path, work: Path, leave_out: int = 0) -> tuple[Settings, Path]:
    """A corpus folder of links to the kept corpus (without its last ``leave_out``
    articles) and a copy of its analysis cache; (settings, corpus folder)."""
    corpus, cache = work / "corpus", work / "cache"
    corpus.mkdir(parents=True, exist_ok=True)
    files = sorted((kept / "corpus").glob("*.md"))
    for f in files[: len(files) - leave_out] if leave_out else files:
        link = corpus / f.name
        if not link.exists():
            link.symlink_to(f.resolve())
    if not cache.exists():
        shutil.copytree(
            kept / "cache", cache, ignore=shutil.ignore_patterns("mkdocs", "render", "briefs")
        )
    settings = load_settings(ROOT / "digest.yml")
    return replace(settings, output=replace(settings.output, cache=str(cache))), corpus


def _render(digest, settings: Settings, out: Path, pages: Path, profile: Path | None) -> float:
    """CPU seconds of one render as ``pipeline.build`` runs it (render key, then the pages
    with the search assets and charts made elsewhere)."""
    glossary = project_glossary(settings)
    prof = cProfile.Profile() if profile else None
    cpu = time.process_time()
    with _fewer_collections():
        if prof:
            prof.enable()
        render_state.digest_fingerprint(digest)
        render_docs(digest, settings, out, glossary=glossary, search_later=True, page_cache=pages)
        if prof:
            prof.disable()
    took = time.process_time() - cpu
    if prof and profile:
        prof.dump_stats(str(profile))
    return took


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("small", type=Path)
    ap.add_argument("large", type=Path)
    ap.add_argument("--reps", type=int, default=2)
    ap.add_argument("--new", type=int, default=50, help="articles of the +N rebuild")
    ap.add_argument("--profile", type=Path, help="write cProfile files with this prefix")
    args = ap.parse_args()
    print(f"load average at start {os.getloadavg()[0]:.2f}", flush=True)
    cold: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-render-") as tmp:
        for label, kept in (("small", args.small), ("large", args.large)):
            settings, corpus = _scratch(kept, Path(tmp) / label)
            digest = prepare_digest(settings, corpus)
            runs = []
            for rep in range(args.reps):
                out = Path(tmp) / f"{label}-{rep}"
                prof = Path(f"{args.profile}-{label}.pstats") if args.profile and not rep else None
                runs.append(_render(digest, settings, out / "docs", out / "pages.json", prof))
            cold[label] = min(runs)
            print(
                f"{len(digest.analyses):>6,} articles  cold render "
                + " / ".join(f"{r:.2f}" for r in runs)
                + " s CPU",
                flush=True,
            )
            del digest
        print(f"growth large / small: {cold['large'] / cold['small']:.2f}x (cold, least CPU)")
        work = Path(tmp) / "plus"
        settings, corpus = _scratch(args.small, work, leave_out=args.new)
        before = prepare_digest(settings, corpus)
        settings, corpus = _scratch(args.small, work)  # the last articles join
        after = prepare_digest(settings, corpus)
        out, pages = work / "docs", work / "pages.json"
        first = _render(before, settings, out, pages, None)
        plus = _render(after, settings, out, pages, None)
        if args.profile:  # again, profiled, after the same cold render
            _render(before, settings, out, pages, None)
            _render(after, settings, out, pages, Path(f"{args.profile}-plus.pstats"))
        print(
            f"+{args.new}: {len(before.analyses):,} -> {len(after.analyses):,} articles: "
            f"cold {first:.2f} s CPU, then +{args.new} {plus:.2f} s CPU "
            f"({100 * plus / first:.0f}% of that cold render)"
        )
    print(f"load average at the end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
