"""Size of the search index at 1,000 and 5,000 synthetic articles (target: <= 10 MB at 5,000).

Builds the digest of the synthetic corpus (benchmarks/synthetic.py) with a throw-away
analysis cache, writes the search assets as ``digest build`` does, and prints the sizes of
the search index (``search/search_index.json`` as :func:`generator.render.search.
finalize_site` writes it: one entry per article, summaries, no full text) and of
``assets/search/lemmas.js`` (form map, concepts, facet labels). No MkDocs run: the index
entries are the ones this step writes, Material's own are replaced.

    PYTHONPATH=$PWD python benchmarks/bench_search_index.py [--cache DIR] [N ...]

``--cache DIR`` keeps the analysis cache between runs (the synthetic articles are
deterministic, so a second run of the same N only re-does the search step).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ROOT, synthetic_articles, write_corpus

from generator.pipeline import prepare_digest
from generator.render import search
from generator.settings import load_settings

MATERIAL_CONFIG = {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]}


def measure(n: int, cache: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        write_corpus(synthetic_articles(n), corpus)
        settings = load_settings(ROOT / "digest.yml")
        cache_dir = cache or str(tmp / "cache")
        settings = replace(settings, output=replace(settings.output, cache=cache_dir))
        t = time.perf_counter()
        digest = prepare_digest(settings, corpus=corpus)
        analysed = time.perf_counter() - t
        t = time.perf_counter()
        search.write_assets(digest, tmp / "docs", settings)
        written = time.perf_counter() - t
        articles = json.loads((tmp / "docs" / search.ARTICLES_FILE).read_text("utf-8"))["docs"]
        data = search.read_search_data(tmp / "docs")
        index = search.enrich_index({"config": MATERIAL_CONFIG, "docs": []}, {}, articles)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        size = len(text.encode("utf-8"))
        lemmas_js = (tmp / "docs" / search.LEMMAS_FILE).stat().st_size
        per = {k: sum(len(d.get(k, "").encode()) for d in articles) for k in ("text", "lemmas")}
        print(
            f"{n:>6} articles: search_index.json {size / 1e6:6.2f} MB "
            f"({size / max(n, 1):.0f} B/article; preview text {per['text'] / 1e6:.2f} MB, "
            f"lemma field {per['lemmas'] / 1e6:.2f} MB), lemmas.js {lemmas_js / 1e6:.2f} MB "
            f"({len(data['forms'])} forms, {len(data['concepts'])} concept phrases); "
            f"analysis {analysed:.0f}s, search assets {written:.1f}s; target <= 10 MB at 5,000"
        )


def main(argv: list[str]) -> None:
    cache = None
    if argv[:1] == ["--cache"]:
        cache, argv = argv[1], argv[2:]
    for n in [int(a) for a in argv] or [1000, 5000]:
        measure(n, cache)


if __name__ == "__main__":
    main(sys.argv[1:])
