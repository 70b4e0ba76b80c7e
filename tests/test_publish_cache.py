"""The MkDocs page cache (generator/render/mkdocs_hooks.py): the site it builds is the site a
build without it makes, byte for byte, cold and warm; it reuses unchanged pages only."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from pathlib import Path

import msgpack
import pytest
from factories import seed_analyses, seed_digest, settings
from faultkit import second_names

from generator.publish import PublishError, build_site, page_cache_file
from generator.render import render_docs
from generator.render.mkdocs_hooks import CACHE_FORMAT


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _assert_same_site(built: Path, reference: Path) -> None:
    got, want = _tree(built), _tree(reference)
    assert sorted(got) == sorted(want)
    differ = [rel for rel in sorted(want) if got[rel] != want[rel]]
    assert differ == [], f"differ from the build without cache: {differ[:5]}"


def _stats(cache: Path, site: Path) -> dict[str, int]:
    path = page_cache_file(cache, site, offline=False).with_suffix(".stats.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _one_article_docs(tmp_path: Path):
    """Settings, the docs of the first seed article and a cache folder under ``tmp_path``."""
    s = settings()
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    render_docs(seed_digest(seed_analyses()[:1]), s, docs)
    return s, docs, cache


def _edited(analyses):
    """The seeds with the second article's title and first paragraph rewritten."""
    a = analyses[1]
    body = a.article.body.replace(a.text.sentences[0], "Новый первый абзац статьи о переговорах.")
    assert body != a.article.body
    article = dataclasses.replace(a.article, title=a.article.title + " (обновлено)", body=body)
    return (analyses[0], dataclasses.replace(a, article=article), *analyses[2:])


def test_cached_site_is_byte_identical_cold_and_warm_after_one_article_changes(tmp_path):
    s = settings()
    docs, site, cache = tmp_path / "docs", tmp_path / "site", tmp_path / "cache"
    render_docs(seed_digest(seed_analyses()), s, docs)
    pages = sum(1 for _ in docs.rglob("*.md"))

    build_site(docs, tmp_path / "ref-1", s, page_cache=False)
    build_site(docs, site, s, page_cache=cache)  # cache cold
    _assert_same_site(site, tmp_path / "ref-1")
    assert _stats(cache, site) == {
        "reused": 0,
        "converted": pages,
        "kept": pages,
        "template_reused": 0,
        "template_rendered": pages,
        "memo": 0,
    }

    render_docs(seed_digest(_edited(seed_analyses())), s, docs)
    changed = pages - sum(1 for _ in docs.rglob("*.md"))
    assert changed == 0  # same pages, some of them edited
    build_site(docs, tmp_path / "ref-2", s, page_cache=False)
    build_site(docs, site, s, page_cache=cache)  # cache warm
    _assert_same_site(site, tmp_path / "ref-2")
    stats = _stats(cache, site)
    assert stats["reused"] + stats["converted"] == pages == stats["kept"]
    assert 0 < stats["converted"] < pages // 2  # the edited article and the pages listing it
    assert stats["template_reused"] + stats["template_rendered"] == pages
    assert stats["converted"] <= stats["template_rendered"] < pages
    # the unchanged pages are written from the page memo, without their events and template
    assert 0 < stats["memo"] <= stats["template_reused"]
    assert "(обновлено)" in (site / "index.html").read_text(encoding="utf-8")

    build_site(docs, site, s, page_cache=cache, force=True)  # nothing changed: all reused
    _assert_same_site(site, tmp_path / "ref-2")
    stats = _stats(cache, site)
    assert stats["reused"] == pages == stats["template_reused"] == stats["memo"]


def test_a_reused_page_whose_link_target_is_gone_still_fails_a_strict_build(tmp_path):
    s = settings()
    docs, site, cache = tmp_path / "docs", tmp_path / "site", tmp_path / "cache"
    render_docs(seed_digest(seed_analyses()[:2]), s, docs)
    about = (docs / "about.md").read_text(encoding="utf-8")
    (docs / "about.md").write_text(about + "\n[Notes](notes.md)\n", encoding="utf-8")
    (docs / "notes.md").write_text("# Notes\n\nKept for the test.\n", encoding="utf-8")
    build_site(docs, site, s, page_cache=cache)
    assert 'href="../notes/"' in (site / "about" / "index.html").read_text(encoding="utf-8")

    (docs / "notes.md").unlink()  # about.md is unchanged; the page it links to is gone
    with pytest.raises(PublishError, match=r"notes\.md"):
        build_site(docs, site, s, page_cache=cache)
    assert _stats(cache, site)["reused"] > 0  # the other pages still came from the cache


def test_a_cache_that_cannot_be_read_is_a_cold_cache(tmp_path):
    s = settings()
    docs, site, cache = tmp_path / "docs", tmp_path / "site", tmp_path / "cache"
    render_docs(seed_digest(seed_analyses()[:2]), s, docs)
    build_site(docs, tmp_path / "ref", s, page_cache=False)
    cache_file = page_cache_file(cache, site, offline=False)
    cache_file.parent.mkdir(parents=True)
    cache_file.write_bytes(msgpack.packb({"format": CACHE_FORMAT, "salt": "x", "entries": {}})[:-3])
    build_site(docs, site, s, page_cache=cache)
    _assert_same_site(site, tmp_path / "ref")
    assert _stats(cache, site)["reused"] == 0
    assert msgpack.unpackb(cache_file.read_bytes())["entries"]  # rewritten whole
    # the JSON file of before MessagePack is an unreadable cache too
    cache_file.write_text('{"format": "digest-mkdocs-pages/1", "salt": "x", "entries": {}}')
    build_site(docs, site, s, page_cache=cache)
    assert _stats(cache, site)["reused"] == 0


def test_offline_site_with_the_cache_is_byte_identical(tmp_path):
    """file:// builds (no directory URLs, Material's offline plugin) keep a cache of their own."""
    s = settings(language="ru")
    docs, site, cache = tmp_path / "docs", tmp_path / "site", tmp_path / "cache"
    render_docs(seed_digest(seed_analyses()[:3]), s, docs)
    build_site(docs, site, s, offline=True, page_cache=cache)
    about = (docs / "about.md").read_text(encoding="utf-8")
    (docs / "about.md").write_text(about + "\nДобавлен абзац.\n", encoding="utf-8")
    build_site(docs, tmp_path / "ref", s, offline=True, page_cache=False)
    build_site(docs, site, s, offline=True, page_cache=cache)
    _assert_same_site(site, tmp_path / "ref")
    stats_file = page_cache_file(cache, site, offline=True).with_suffix(".stats.json")
    stats = json.loads(stats_file.read_text(encoding="utf-8"))
    assert stats["converted"] == 1 and stats["reused"] > 0
    assert "Добавлен абзац." in (site / "about.html").read_text(encoding="utf-8")


def test_the_caches_of_deleted_sites_are_removed(tmp_path):
    s, docs, cache = _one_article_docs(tmp_path)
    build_site(docs, tmp_path / "a", s, page_cache=cache)
    build_site(docs, tmp_path / "b", s, page_cache=cache)
    a = page_cache_file(cache, tmp_path / "a", offline=False)
    b = page_cache_file(cache, tmp_path / "b", offline=False)
    assert a.is_file() and a.with_suffix(".html").is_dir() and b.is_file()

    shutil.rmtree(tmp_path / "a")
    b.with_suffix(".json").write_text("{}", encoding="utf-8")  # b's cache of before MessagePack
    build_site(docs, tmp_path / "b", s, page_cache=cache, force=True)
    assert sorted(p.name for p in cache.iterdir()) == sorted(
        [
            *(
                b.with_suffix(x).name
                for x in (".msgpack", ".stats.json", ".memo.json", ".html", ".site")
            ),
            "jinja",
        ]
    )  # and the compiled theme templates, shared by every site


def test_cache_file_is_written_entry_by_entry_as_one_messagepack_map():
    """The page cache is streamed one entry at a time (no string of every page's HTML at
    once); what lands on disk is the document ``msgpack.packb`` would make."""
    from generator.render.mkdocs_hooks import _cache_chunks

    entries = {
        "k1": {"content": '<p>Токаев «ОДКБ» "x"</p>', "toc": [], "anchors": ["a"]},
        "k2": {"content": "<p>Қазақстан</p>", "lookups": {"a.md": [1, 2], "b.md": None}},
    }
    data = b"".join(_cache_chunks("salt", entries))
    assert data == msgpack.packb({"format": CACHE_FORMAT, "salt": "salt", "entries": entries})
    assert msgpack.unpackb(data)["entries"] == entries
    assert msgpack.unpackb(b"".join(_cache_chunks("s", {})))["entries"] == {}


def _converter(skip: bool):
    import markdown

    from generator.render.mkdocs_hooks import _no_reference_patterns

    md = markdown.Markdown(extensions=["tables", "md_in_html", "toc"])
    if skip:
        md.treeprocessors.register(_no_reference_patterns(md), "digest_no_references", 21)
    return md


def test_pages_without_references_convert_the_same_without_reference_patterns():
    """The committed site's link-heavy pages (and brackets that look like references) give
    the same HTML without the reference-link patterns; a page that defines a reference
    keeps them and its reference links."""
    docs = Path(__file__).resolve().parent.parent / "docs"
    pages = [docs / "timeline.md", *sorted((docs / "entities").glob("*.md"))]
    tricky = (
        "[2022-W01] [a][b] ![x][y] [c](../d.md) [e]\n\n| [f](g.md) | [h] |\n|---|---|\n| 1 | 2 |"
    )
    texts = [*[p.read_text(encoding="utf-8") for p in pages if p.is_file()][:8], tricky]
    assert len(texts) > 2
    for text in texts:
        assert _converter(True).convert(text) == _converter(False).convert(text)
    defined = "See [the week][w] and [w].\n\n[w]: ../weeks/2022-w01.md\n"
    html = _converter(True).convert(defined)
    assert html == _converter(False).convert(defined)
    assert html.count('href="../weeks/2022-w01.md"') == 2
    md = _converter(True)
    md.convert("[a] [b](c.md)")
    assert "reference" not in md.inlinePatterns and "link" in md.inlinePatterns


def test_a_site_rebuild_links_the_unchanged_files_and_never_writes_into_the_old_site(tmp_path):
    s = settings()
    docs, site, cache = tmp_path / "docs", tmp_path / "site", tmp_path / "cache"
    render_docs(seed_digest(seed_analyses()), s, docs)
    build_site(docs, site, s, page_cache=cache)
    old = _tree(site)
    kept = tmp_path / "kept"  # the old site's files, by a second name of each
    second_names(site, kept)

    render_docs(seed_digest(_edited(seed_analyses())), s, docs)
    build_site(docs, tmp_path / "ref", s, page_cache=False)
    build_site(docs, site, s, page_cache=cache)
    _assert_same_site(site, tmp_path / "ref")
    new = _tree(site)
    same = [rel for rel in new if old.get(rel) == new[rel] and new[rel]]
    linked = [rel for rel in same if os.path.samefile(kept / rel, site / rel)]
    changed = [rel for rel in new if rel in old and old[rel] != new[rel]]
    assert "index.html" in changed and changed
    assert not any(os.path.samefile(kept / rel, site / rel) for rel in changed)
    # every unchanged page and asset but the two files not written by ``write_file``: the
    # 404 page (rewritten after MkDocs) and MkDocs' gzipped sitemap
    assert sorted(set(same) - set(linked)) == ["404.html", "sitemap.xml.gz"]
    assert _tree(kept) == old  # nothing was written into a file of the old site


def test_the_theme_templates_are_compiled_once_for_every_build(tmp_path):
    s, docs, cache = _one_article_docs(tmp_path)
    build_site(docs, tmp_path / "ref", s, page_cache=False)
    build_site(docs, tmp_path / "site", s, page_cache=cache)
    compiled = {p.name: p.stat().st_mtime_ns for p in (cache / "jinja").iterdir()}
    assert len(compiled) > 10  # Material's base, partials and our overrides
    build_site(docs, tmp_path / "site", s, page_cache=cache, force=True)
    assert {p.name: p.stat().st_mtime_ns for p in (cache / "jinja").iterdir()} == compiled
    _assert_same_site(tmp_path / "site", tmp_path / "ref")


def test_the_linker_refuses_to_copy_a_file_onto_itself_and_links_equal_copies(tmp_path):
    from generator.render.mkdocs_hooks import _Linker

    old, new = tmp_path / "old", tmp_path / "new"
    (old / "assets").mkdir(parents=True)
    (old / "assets" / "a.css").write_bytes(b"body{}")
    (new / "assets").mkdir(parents=True)
    (new / "assets" / "plugin.js").write_bytes(b"x=1")  # a plugin wrote it into the site
    linker = _Linker(str(new), old)
    with pytest.raises(shutil.SameFileError):  # MkDocs' File.copy_file passes on this
        linker.copy_file(str(new / "assets" / "plugin.js"), str(new / "assets" / "plugin.js"))
    assert (new / "assets" / "plugin.js").read_bytes() == b"x=1"

    source = tmp_path / "docs-a.css"
    source.write_bytes(b"body{}")
    linker.copy_file(str(source), str(new / "assets" / "a.css"))
    assert os.path.samefile(new / "assets" / "a.css", old / "assets" / "a.css")
    source.write_bytes(b"body{x}")  # another size: copied
    linker.copy_file(str(source), str(new / "assets" / "b.css"))
    assert (new / "assets" / "b.css").read_bytes() == b"body{x}"


def test_without_the_project_s_file_helpers_mkdocs_writes_every_file_itself(tmp_path, monkeypatch):
    """The hooks run in MkDocs' process: another ``generator`` on its path turns links off."""
    import mkdocs.utils

    import generator.fileio
    from generator.render.mkdocs_hooks import _Linker

    monkeypatch.delattr(generator.fileio, "PreviousFiles")
    write, copy = mkdocs.utils.write_file, mkdocs.utils.copy_file
    for name, f in (("write_file", write), ("copy_file", copy)):  # restored after the test
        monkeypatch.setattr(mkdocs.utils, name, f)
    _Linker.install(str(tmp_path / "new"), tmp_path / "old")
    assert (mkdocs.utils.write_file, mkdocs.utils.copy_file) == (write, copy)


def test_the_page_memo_trusts_only_the_page_events_it_knows():
    """The memo skips the page events: only Material's search (whose entries are replaced
    after the build) and tags plugins may have one; a ``post_page`` event turns it off."""
    from types import SimpleNamespace

    from material.plugins.search.plugin import SearchPlugin
    from material.plugins.tags.plugin import TagsPlugin

    from generator.render.mkdocs_hooks import _no_entry, _page_event_plugins, _Unstable

    search, tags = SearchPlugin(), TagsPlugin()
    search.search_index = SimpleNamespace(add_entry_from_context=_no_entry)

    def config(**events):
        return SimpleNamespace(plugins=SimpleNamespace(events=events))

    ok = config(page_context=[search.on_page_context, tags.on_page_context], post_page=[])
    assert _page_event_plugins(ok) == [
        "material.plugins.search.plugin",
        "material.plugins.tags.plugin",
    ]
    search.search_index = SimpleNamespace(add_entry_from_context=print)  # indexes each page
    with pytest.raises(_Unstable, match="indexes every page"):
        _page_event_plugins(config(page_context=[search.on_page_context]))

    def on_page_context(context, page, config, nav):  # a user's hook
        return context

    with pytest.raises(_Unstable, match="page_context of"):
        _page_event_plugins(config(page_context=[on_page_context]))
    with pytest.raises(_Unstable, match="post_page"):
        _page_event_plugins(config(page_context=[], post_page=[on_page_context]))


def test_the_themes_static_files_are_listed_without_walking_dot_folders():
    """The theme's static files MkDocs adds (``Files.add_files_from_theme``) are the same
    with the listing that skips dot folders (Material's ``.icons``: 13,000 files MkDocs
    lists and then drops), and that listing holds none of them."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from generator.render import mkdocs_hooks

    config = load_config(str(Path(__file__).resolve().parent.parent / "mkdocs.yml"))
    env = config.theme.get_env()
    everything = env.list_templates()
    pruned = mkdocs_hooks.theme_templates(env)
    assert any(n.startswith(".icons/") for n in everything)
    assert not any(n.startswith(".") or "/." in n for n in pruned)
    assert set(pruned) == {n for n in everything if not (n.startswith(".") or "/." in n)}

    def added() -> list[tuple[str, str]]:
        files = Files([])
        files.add_files_from_theme(env, config)
        return [(f.src_uri, f.abs_src_path) for f in files]

    original = Files.add_files_from_theme
    before = added()
    try:
        mkdocs_hooks._list_theme_without_dot_folders()
        after = added()
        assert env.list_templates() == everything  # the environment is left as it was
    finally:
        Files.add_files_from_theme = original
    assert after == before and any(src.endswith(".css") for src, _ in after)
