"""MkDocs Material build: config from settings, small nav, offline (file://) build, no network."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from factories import seed_analyses, seed_digest, settings

from generator.publish import PublishError, build_site, derived_config, source_date_epoch
from generator.render import render_docs

REF = re.compile(r'(?:href|src)="([^"]*)"')


@pytest.fixture(scope="module")
def offline_ru_site(tmp_path_factory):
    """The seed digest with a Russian interface, built for file:// (one MkDocs run)."""
    out = tmp_path_factory.mktemp("offline-ru")
    s = settings(language="ru", name="Дайджест СМИ", description="Тестовое описание")
    render_docs(seed_digest(), s, out / "docs")
    build_site(out / "docs", out / "site", s, strict=True, offline=True)
    return out / "site"


def test_site_name_description_and_interface_language_come_from_settings(offline_ru_site):
    home = (offline_ru_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ru"' in home
    assert "Дайджест СМИ" in home
    assert '<meta name="description" content="Тестовое описание">' in home
    assert '<link rel="alternate" type="application/atom+xml" title="Дайджест СМИ"' in home
    assert "Analyst desk · Дайджест СМИ" in home  # footer


def test_navigation_has_tabs_and_topics_but_no_articles(offline_ru_site):
    for page in [offline_ru_site / "index.html", offline_ru_site / "topics" / "csto_mission.html"]:
        html = page.read_text(encoding="utf-8")
        nav_links = re.findall(r'<a href="([^"]*)" class="md-nav__link', html)
        assert nav_links, page
        assert not [h for h in nav_links if "articles/" in h], page
    topic = (offline_ru_site / "topics" / "csto_mission.html").read_text(encoding="utf-8")
    nav_links = re.findall(r'<a href="([^"]*)" class="md-nav__link', topic)
    assert {"energy_transit.html", "unrest_2022.html"} <= set(nav_links)
    tabs = re.findall(r'class="md-tabs__link"', (offline_ru_site / "index.html").read_text("utf-8"))
    assert len(tabs) == 7


def test_offline_site_opens_from_disk_without_the_network(offline_ru_site):
    """Every local href/src resolves to a file (no directory URLs); nothing is loaded
    from another host (links to the original articles are plain <a> links)."""
    pages = sorted(p for p in offline_ru_site.rglob("*.html") if p.name != "404.html")
    assert (offline_ru_site / "search" / "search_index.js").is_file()
    home = (offline_ru_site / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/vendor/iframe-worker/shim.js">' in home  # not unpkg.com
    assert "navigation.instant" not in home  # fetch() is refused on file://
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "unpkg.com" not in html, page
        for tag in re.findall(r"<(?:script|link|img)\b[^>]*>", html):
            if re.search(r'rel="(canonical|alternate)"', tag):
                continue  # names the public URL, loads nothing
            for ref in REF.findall(tag):
                assert not urlsplit(ref).netloc, f"{page}: loads {ref}"
        for ref in REF.findall(html):
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            rel = page.relative_to(offline_ru_site).as_posix()
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path)))
            assert (offline_ru_site / target).is_file(), f"{rel}: {ref} does not open from disk"


def test_tags_page_lists_the_keywords(offline_ru_site):
    tags = (offline_ru_site / "tags.html").read_text(encoding="utf-8")
    # "Казахстан" (ru) and "Қазақстан" (kk) are one tag, the entity's English name
    assert 'id="tag:kazakhstan"' in tags or "tag:kazakhstan" in tags
    assert "tag:казахстан" not in tags and "tag:қазақстан" not in tags
    assert "Песков оценил информацию" in tags


def test_heading_ids_keep_cyrillic(offline_ru_site):
    html = (offline_ru_site / "topics" / "csto_mission.html").read_text(encoding="utf-8")
    assert 'id="обзор"' in html


def test_derived_config_inherits_the_project_config(tmp_path):
    docs = tmp_path / "docs"
    render_docs(seed_digest(), settings(), docs)
    text = derived_config(docs, tmp_path / "site", settings(), Path("mkdocs.yml"))
    assert "INHERIT:" in text and "site_dir:" in text
    assert "January 2022 unrest · Январские события 2022 года: topics/unrest_2022.md" in text


def test_source_date_epoch_comes_from_the_data(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    render_docs(seed_digest(), settings(), tmp_path / "docs")
    assert source_date_epoch(tmp_path / "docs") == 1763942400  # 2025-11-24T00:00:00Z
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1641513600")
    assert source_date_epoch(tmp_path / "docs") == 1641513600


def test_source_date_epoch_reads_the_top_level_last_date_in_any_layout(tmp_path, monkeypatch):
    """The head of the indented export is read; any other layout is parsed whole, and a
    nested "last_date" is never taken for the digest's."""
    import json

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = {"format": "x", "stories": [{"last_date": "2030-01-01"}], "last_date": "2025-11-24"}
    for text in (json.dumps(data, indent=1), json.dumps(data), json.dumps(data, indent=2)):
        (tmp_path / "digest.json").write_text(text, encoding="utf-8")
        assert source_date_epoch(tmp_path) == 1763942400


def test_missing_docs_is_a_clear_error(tmp_path):
    with pytest.raises(PublishError, match=r"no index\.md"):
        build_site(tmp_path / "nothing", tmp_path / "site", settings())


def test_strict_build_failure_is_reported(tmp_path):
    docs = tmp_path / "docs"
    render_docs(seed_digest(seed_analyses()[:1]), settings(), docs)
    (docs / "about.md").write_text("# About\n\n[broken](missing-page.md)\n", encoding="utf-8")
    with pytest.raises(PublishError, match=r"missing-page\.md"):
        build_site(docs, tmp_path / "site", settings(), strict=True)
    assert build_site(docs, tmp_path / "site", settings(), strict=False) is True


def test_rebuild_with_nothing_changed_skips_mkdocs(tmp_path):
    docs, site = tmp_path / "docs", tmp_path / "site"
    render_docs(seed_digest(seed_analyses()[:2]), settings(), docs)
    assert build_site(docs, site, settings()) is True
    assert build_site(docs, site, settings()) is False  # same docs, config, options
    assert build_site(docs, site, settings(), offline=True) is True  # options changed
    (docs / "about.md").write_text("# About\n\nchanged\n", encoding="utf-8")
    assert build_site(docs, site, settings(), offline=True) is True
    assert "changed" in (site / "about.html").read_text(encoding="utf-8")


def test_source_date_epoch_without_the_json_export(tmp_path, monkeypatch):
    import dataclasses

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    s = settings()
    s = dataclasses.replace(s, output=dataclasses.replace(s.output, json=False))
    render_docs(seed_digest(), s, tmp_path / "docs")
    assert not (tmp_path / "docs" / "digest.json").exists()
    assert source_date_epoch(tmp_path / "docs") == 1763942400  # from feed.xml


def test_the_mkdocs_child_is_told_to_exit_fast_by_the_hooks_variable(tmp_path):
    """The child's fast exit (``mkdocs_hooks._exit_after_build``) is switched on by the same
    variable the build sets; a build through it writes the site and MkDocs' page cache (the
    post-build event ran before the exit), and a failing one still fails (the test above)."""
    from generator import publish
    from generator.render import mkdocs_hooks

    assert publish.FAST_EXIT_ENV == mkdocs_hooks.FAST_EXIT_ENV
    docs, site = tmp_path / "docs", tmp_path / "site"
    render_docs(seed_digest(seed_analyses()[:1]), settings(), docs)
    assert build_site(docs, site, settings(), page_cache=tmp_path / "cache") is True
    assert (site / "index.html").is_file()
    assert any((tmp_path / "cache").glob("*.msgpack"))
