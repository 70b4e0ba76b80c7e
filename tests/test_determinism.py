"""Same input -> byte-identical docs/ and site/, whatever the folder or the input order."""

from __future__ import annotations

from pathlib import Path

from factories import TOPICS, seed_analyses, settings

from generator.digest import group
from generator.publish import build_site
from generator.render import render_docs


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    outs = []
    for name, analyses in (("one", seed_analyses()), ("two", tuple(reversed(seed_analyses())))):
        out = tmp_path / name
        render_docs(group(analyses, TOPICS, settings()), settings(), out / "docs")
        build_site(out / "docs", out / "site", settings(), strict=True)
        outs.append(out)
    docs_a, docs_b = (_snapshot(o / "docs") for o in outs)
    site_a, site_b = (_snapshot(o / "site") for o in outs)
    assert docs_a == docs_b
    assert set(site_a) == set(site_b)
    assert [p for p in site_a if site_a[p] != site_b[p]] == []
    sitemap = site_a["sitemap.xml"].decode()
    assert "<lastmod>2025-11-24</lastmod>" in sitemap  # from the data, not the clock
    assert str(tmp_path) not in "".join(v.decode("utf-8", "replace") for v in site_a.values())
