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


def test_cached_entries_read_while_the_pool_works_and_a_damaged_one_analysed_again(tmp_path):
    """A local cache's entries are found by a stat and read while the pool analyses the
    rest; an entry that exists but is damaged is analysed after the pool (a miss), and
    stored again. The analyses are those of an uncached run."""
    settings = project_settings_with_cache(tmp_path / "unused")
    ictx = load_ingest_context(settings)
    paths = [p for lang in ("ru", "uk", "kk", "en") for p in sorted(DEV.glob(f"{lang}_*"))[:4]]
    articles = [ingest_path(p, ictx) for p in paths]
    ctx = load_context(settings)
    cache = AnalysisCache(tmp_path / "cache")
    first = analyse_corpus(articles[:4], ctx, cache=cache, workers=1)
    assert first.misses == 4
    damaged = next((tmp_path / "cache").rglob("*.json"))
    damaged.write_bytes(damaged.read_bytes()[:-40])  # cut short: its hash no longer holds
    both = analyse_corpus(articles, ctx, cache=AnalysisCache(tmp_path / "cache"), workers=2)
    assert (both.hits, both.misses) == (3, len(articles) - 3)
    plain = analyse_corpus(articles, ctx, cache=None, workers=1)
    assert both.analyses == plain.analyses
    again = analyse_corpus(articles, ctx, cache=AnalysisCache(tmp_path / "cache"), workers=2)
    assert (again.hits, again.misses) == (len(articles), 0)  # the damaged one stored again
