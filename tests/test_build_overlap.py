"""The build lays out the PDF briefs and makes the search assets beside the pages and
MkDocs (placeholders in docs/ while MkDocs runs): the result is the sequential build's."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from factories import project_settings_with_cache
from faultkit import tree

from generator.briefs import write_all_briefs_bytes
from generator.pipeline import build, prepare_digest
from generator.publish import build_site
from generator.render import render_docs
from generator.render.background import Background, BackgroundError

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.xdist_group("briefs")  # WeasyPrint layouts: one worker


def test_overlapped_build_equals_the_sequential_build(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    overlapped = build(
        project_settings_with_cache(tmp_path / "cache-a"), out=tmp_path / "a", log=lambda m: None
    )
    assert overlapped.brief_layouts  # a cold build: every brief laid out beside MkDocs

    # the same steps one after the other: briefs, pages with the search assets, MkDocs
    s = project_settings_with_cache(tmp_path / "cache-b")
    digest = prepare_digest(s)
    pdfs = write_all_briefs_bytes(digest, s, workers=1)
    render_docs(digest, s, tmp_path / "b" / "docs", extra_files=pdfs)
    build_site(tmp_path / "b" / "docs", tmp_path / "b" / "site", s, strict=False)

    for part in ("docs", "site"):
        a, b = tree(tmp_path / "a" / part), tree(tmp_path / "b" / part)
        assert sorted(a) == sorted(b)
        assert [p for p in a if a[p] != b[p]] == []
    docs, site = tree(tmp_path / "a" / "docs"), tree(tmp_path / "a" / "site")
    briefs = [p for p in docs if p.startswith("briefs/")]
    assert briefs and all(docs[p].startswith(b"%PDF-") and site[p] == docs[p] for p in briefs)
    assert docs["assets/search/lemmas.js"].startswith(b"window.__digestSearch = ")
    assert b'"facets"' in site["search/search_index.json"]  # the article documents went in
    assert "assets/search/articles.json" not in site


def test_unchanged_rebuild_skips_mkdocs_after_the_search_assets(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    s = project_settings_with_cache(tmp_path / "cache")
    build(s, out=tmp_path / "o", log=lambda m: None)
    index = tmp_path / "o" / "site" / "index.html"
    before = index.stat().st_mtime_ns
    time.sleep(0.01)
    again = build(s, out=tmp_path / "o", log=lambda m: None)
    assert not again.brief_layouts
    assert index.stat().st_mtime_ns == before  # the site was kept: MkDocs did not run


def test_background_returns_the_childs_value_and_reports_its_failure():
    parent = os.getpid()
    job = Background(lambda: (os.getpid() != parent, [1, 2, 3]))
    assert job.result() == (True, [1, 2, 3])  # computed in another process

    def fail() -> None:
        raise ValueError("no lemmas here")

    broken = Background(fail)
    with pytest.raises(BackgroundError, match="no lemmas here"):
        broken.result()


def test_background_child_at_the_builds_priority_pdf_workers_lower_on_request():
    """The forked child runs at the build's priority (niced, it overlapped MkDocs' memory
    peak); the build's own priority is unchanged. PDF workers run lower only when asked
    (a weekly run's few briefs; a cold build's briefs are its critical path)."""
    from generator.pdfworker import _start_worker
    from generator.render.background import BACKGROUND_NICE

    own = os.nice(0)
    if own + BACKGROUND_NICE > 19:
        pytest.skip("this process already runs at the lowest priority")
    assert Background(lambda: os.nice(0)).result() == own
    assert os.nice(0) == own
    default = _start_worker()
    assert default.stdin is not None
    default.stdin.close()
    default.wait()
    assert "nice" not in " ".join(default.args)  # at the build's priority by default
    worker = _start_worker(BACKGROUND_NICE)
    try:
        seen = None
        for _ in range(600):  # the worker lowers itself as it starts
            stat = Path(f"/proc/{worker.pid}/stat").read_text().rsplit(")", 1)[1].split()
            seen = int(stat[16])  # the nice field
            if seen == own + BACKGROUND_NICE:
                break
            time.sleep(0.05)
        assert seen == own + BACKGROUND_NICE
    finally:
        assert worker.stdin is not None
        worker.stdin.close()
        worker.wait()


def test_search_hook_skips_materials_page_index_without_changing_the_site(tmp_path, monkeypatch):
    from factories import TOPICS, seed_analyses, settings

    from generator import publish
    from generator.digest import group
    from generator.render import mkdocs_hooks, search

    assert mkdocs_hooks.ARTICLES_FILE == search.ARTICLES_FILE
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    docs = tmp_path / "docs"
    render_docs(group(seed_analyses(), TOPICS, settings()), settings(), docs)
    build_site(docs, tmp_path / "hooked", settings(), strict=True)
    plain = tmp_path / "plain_hooks.py"
    plain.write_text('"""No hooks."""\n', encoding="utf-8")
    monkeypatch.setattr(publish, "MKDOCS_HOOKS", plain)
    build_site(docs, tmp_path / "plain", settings(), strict=True)
    a, b = tree(tmp_path / "hooked"), tree(tmp_path / "plain")
    assert sorted(a) == sorted(b)
    assert [p for p in a if a[p] != b[p]] == []
    assert b'"facets"' in a["search/search_index.json"]
