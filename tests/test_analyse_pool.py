"""The analysis pool: the same analyses, topic scores and cache entries as one process."""

from __future__ import annotations

from pathlib import Path

from factories import project_settings_with_cache

from generator.analyse import analyse_corpus, load_context
from generator.cache import AnalysisCache
from generator.ingest import ingest_path, load_ingest_context

DEV = Path(__file__).resolve().parent / "data" / "realset" / "dev"


def test_pool_scores_and_caches_as_one_process(tmp_path):
    settings = project_settings_with_cache(tmp_path / "unused")
    ictx = load_ingest_context(settings)
    # 12 real pages in four languages: the warm-up takes one per language, the pool 8
    paths = [p for lang in ("ru", "uk", "kk", "en") for p in sorted(DEV.glob(f"{lang}_*"))[:3]]
    articles = [ingest_path(p, ictx) for p in paths]
    ctx = load_context(settings)
    one = analyse_corpus(articles, ctx, cache=AnalysisCache(tmp_path / "one"), workers=1)
    assert sum(bool(a.topics) for a in one.analyses) >= 3  # topics are really scored
    pooled = analyse_corpus(articles, ctx, cache=AnalysisCache(tmp_path / "pool"), workers=2)
    assert pooled.misses == len(articles)
    assert pooled.analyses == one.analyses
    # every entry was stored, with its topics, as one process stores it: read back, the
    # two caches give the same analyses, and nothing is analysed again
    again = analyse_corpus(articles, ctx, cache=AnalysisCache(tmp_path / "pool"), workers=2)
    assert (again.hits, again.misses) == (len(articles), 0)
    one_again = analyse_corpus(articles, ctx, cache=AnalysisCache(tmp_path / "one"), workers=1)
    assert again.analyses == one_again.analyses
    assert _entries(tmp_path / "pool") == _entries(tmp_path / "one")  # byte for byte


def _entries(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
