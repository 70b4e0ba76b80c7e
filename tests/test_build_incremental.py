"""A weekly rebuild (new articles in a new week of a new year, on the caches of the last
build) writes the same docs/ and site/ as a cold build of the same corpus, byte for byte,
while MkDocs reuses the unchanged pages' conversions and theme renderings."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from factories import project_settings_with_cache
from faultkit import second_names, tree

from generator.pipeline import build
from generator.publish import page_cache_file

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import synthetic_articles, write_corpus  # noqa: E402

OLD, NEW = 40, 5


def _stats(settings, site: Path) -> dict[str, int]:
    cache = page_cache_file(settings.local_cache_dir() / "mkdocs", site, False)
    return json.loads(cache.with_suffix(".stats.json").read_text(encoding="utf-8"))


def test_a_weekly_rebuild_equals_a_cold_build_of_the_same_corpus(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    old = synthetic_articles(OLD)
    new = synthetic_articles(NEW, start=OLD, days=7, first_day=730)  # 2024-W01: a new year
    assert {a.date.year for a in old} == {2022} and {a.date.year for a in new} == {2024}
    quiet = {"log": lambda m: None, "briefs": False}

    inc = project_settings_with_cache(tmp_path / "cache-inc")
    write_corpus(old, tmp_path / "corpus-inc")
    build(inc, corpus=tmp_path / "corpus-inc", out=tmp_path / "inc", **quiet)
    before = tree(tmp_path / "inc" / "docs")
    write_corpus(new, tmp_path / "corpus-inc")
    report = build(inc, corpus=tmp_path / "corpus-inc", out=tmp_path / "inc", **quiet)
    assert report.cache_misses == NEW  # only the new articles analysed

    cold = project_settings_with_cache(tmp_path / "cache-cold")
    write_corpus(old + new, tmp_path / "corpus-cold")
    build(cold, corpus=tmp_path / "corpus-cold", out=tmp_path / "cold", **quiet)

    for part in ("docs", "site"):
        a, b = tree(tmp_path / "inc" / part), tree(tmp_path / "cold" / part)
        assert sorted(a) == sorted(b)
        assert [p for p in a if a[p] != b[p]] == []
    docs = tree(tmp_path / "inc" / "docs")
    assert "years/2024.md" in docs and "years/2024.md" not in before  # the year is new

    # the rebuild converted and rendered only some pages: the new year changed no
    # navigation, the new newest date no unchanged page's template
    stats = _stats(inc, tmp_path / "inc" / "site")
    pages = sum(1 for p in docs if p.endswith(".md"))
    assert 0 < stats["converted"] < pages and stats["reused"] > 0
    assert 0 < stats["template_rendered"] < pages and stats["template_reused"] > 0
    # every page whose Markdown is unchanged is reused, but the tags index (Material's tags
    # plugin lists every page's tags on it)
    unchanged = [p for p in docs if p.endswith(".md") and before.get(p) == docs[p]]
    assert "tags.md" in unchanged
    assert stats["template_reused"] == len(unchanged) - 1


def test_the_rendered_pages_of_deleted_output_folders_are_removed(tmp_path):
    import shutil

    from generator.render.state import pages_path

    s = project_settings_with_cache(tmp_path / "cache")
    write_corpus(synthetic_articles(6), tmp_path / "corpus")
    quiet = {"log": lambda m: None, "briefs": False, "site": False}
    build(s, corpus=tmp_path / "corpus", out=tmp_path / "a", **quiet)
    kept_a = pages_path(s, tmp_path / "a" / "docs")
    assert kept_a.is_file()
    shutil.rmtree(tmp_path / "a")
    build(s, corpus=tmp_path / "corpus", out=tmp_path / "b", **quiet)
    assert pages_path(s, tmp_path / "b" / "docs").is_file()
    assert not kept_a.exists()  # its docs/ is gone: so are its pages
    assert sorted(p.suffix for p in kept_a.parent.glob(f"{kept_a.name.split('.')[0]}*")) == []


def test_a_weekly_rebuild_links_every_unchanged_file_and_changes_no_old_one(tmp_path):
    """The unchanged pages, charts, briefs and search assets of docs/ and site/ are links to
    the previous build's files, not copies; no file of the previous build is written into."""
    s = project_settings_with_cache(tmp_path / "cache")
    write_corpus(synthetic_articles(OLD), tmp_path / "corpus")
    out = tmp_path / "out"
    build(s, corpus=tmp_path / "corpus", out=out, log=lambda m: None)
    old = {part: tree(out / part) for part in ("docs", "site")}
    for part in old:
        second_names(out / part, tmp_path / "kept" / part)

    write_corpus(synthetic_articles(NEW, start=OLD, days=7), tmp_path / "corpus")
    build(s, corpus=tmp_path / "corpus", out=out, log=lambda m: None)
    for part in ("docs", "site"):
        new = tree(out / part)
        same = [p for p in new if old[part].get(p) == new[p] and new[p]]
        copied = [
            p for p in same if not os.path.samefile(tmp_path / "kept" / part / p, out / part / p)
        ]
        assert len(same) > 20 and any(p.startswith("briefs/") for p in same)
        # but the 404 page (rewritten after MkDocs) and a sitemap gzipped by MkDocs itself
        assert set(copied) <= ({"404.html", "sitemap.xml.gz"} if part == "site" else set())
        assert tree(tmp_path / "kept" / part) == old[part]
