"""The cache of rendered article pages (``render.pagecache``): a page is rendered again
exactly when something it shows changed, and the pages are those of an uncached render."""

from __future__ import annotations

import dataclasses
import json

import msgpack
import pytest
from factories import TOPICS, settings, synthetic_analyses
from story_fixtures import story_digest

from generator.digest import group, iso_week
from generator.render import build_file_set, glosses
from generator.render.jsonexport import digest_json, digest_to_jsonable
from generator.render.pagecache import RenderedPages
from generator.render.pages import build_pages, site_map
from generator.render.search import page_extra
from generator.render.state import inputs_fingerprint
from generator.render.stories import stories_or_singletons


def _pages(digest, s, cache_file=None) -> dict[str, str | bytes]:
    files = build_file_set(digest, s, page_cache=cache_file)
    return {p: files[p] for p in files}


def test_cached_render_equals_the_uncached_one_and_renders_only_changed_pages(tmp_path):
    s = settings()
    analyses = synthetic_analyses(30)
    digest = group(analyses, TOPICS, s)
    cache_file = tmp_path / "pages.msgpack"
    assert _pages(digest, s, cache_file) == _pages(digest, s)
    # the 30 article pages, the story, week and entity pages and the 30 articles' parts of
    # digest.json
    smap = site_map(digest)
    kept = msgpack.unpackb(cache_file.read_bytes())["pages"]
    assert len(kept) == 60 + len(smap.stories) + len(smap.weeks) + len(smap.entities)

    # one article edited (its title shows on the pages linking to it), one added
    edited = analyses[3]
    title = edited.article.title + " (updated)"
    changed = dataclasses.replace(edited, article=dataclasses.replace(edited.article, title=title))
    later = (*analyses[:3], changed, *analyses[4:], *synthetic_analyses(31)[30:])
    digest2 = group(later, TOPICS, s)
    smap = site_map(digest2)
    showing = {
        a.id
        for a in digest2.analyses
        if edited.id in digest2.related.get(a.id, ()) or a.id == edited.id
    }
    assert RenderedPages(cache_file, "another salt").old == {}  # other code or config
    cache = RenderedPages(cache_file, inputs_fingerprint(s))
    gloss = glosses(digest2, s)  # as build_file_set passes them
    pages = build_pages(digest2, s, page_extra=page_extra, gloss=gloss, cache=cache)
    assert cache.misses >= len(showing) + 1 and cache.hits > 0
    assert cache.hits + cache.misses == 31 + sum(
        map(len, (smap.stories, smap.weeks, smap.entities))
    )
    assert pages == build_pages(digest2, s, page_extra=page_extra, gloss=gloss)
    assert title.split(" (")[0] in pages[smap.articles[edited.id]]


def test_a_cache_with_other_templates_or_translations_is_not_used(tmp_path):
    s = settings()
    digest = group(synthetic_analyses(5), TOPICS, s)
    cache = RenderedPages(tmp_path / "pages.msgpack", "salt")
    build_pages(digest, s, cache=cache, translations={"x": "y"})
    assert cache.hits == cache.misses == 0 and cache.new == {}


def _dumps(digest, s) -> str:
    return json.dumps(digest_to_jsonable(digest, s), ensure_ascii=False, indent=1) + "\n"


def test_digest_json_encodes_only_the_changed_articles_and_is_the_same_text(tmp_path):
    s = settings()
    analyses = synthetic_analyses(30)
    digest = group(analyses, TOPICS, s)
    cache_file = tmp_path / "pages.msgpack"
    cache = RenderedPages(cache_file, "salt")
    assert digest_json(digest, s, cache) == _dumps(digest, s) == digest_json(digest, s)
    assert len(cache.new) == 30 and cache.hits == cache.misses == 0  # pages' tallies only
    cache.save()

    # one article's title edited, one article added: what changed is encoded again
    edited = analyses[7]
    title = edited.article.title + " (updated)"
    changed = dataclasses.replace(edited, article=dataclasses.replace(edited.article, title=title))
    later = (*analyses[:7], changed, *analyses[8:], *synthetic_analyses(31)[30:])
    digest2 = group(later, TOPICS, s)
    before = {a.id: (a, digest.related.get(a.id)) for a in digest.analyses}
    differ = [a.id for a in digest2.analyses if before.get(a.id) != (a, digest2.related.get(a.id))]
    assert edited.id in differ and len(differ) < 31
    cache2 = RenderedPages(cache_file, "salt")
    text = digest_json(digest2, s, cache2)
    assert text == _dumps(digest2, s)
    assert title in text and len(json.loads(text)["articles"]) == 31
    assert len(set(cache2.new) - set(cache2.old)) == len(differ)
    assert len(cache2.new) == 31  # the parts of articles no longer in the digest are dropped


def test_digest_json_of_an_empty_digest_is_the_same_text(tmp_path):
    s = settings()
    digest = group((), TOPICS, s)
    cache = RenderedPages(tmp_path / "pages.msgpack", "salt")
    assert digest_json(digest, s, cache) == _dumps(digest, s)


def test_story_week_and_entity_pages_come_from_the_cache_until_what_they_show_changes(tmp_path):
    s = settings()
    digest = story_digest()  # two stories of real reports, and the seeds
    smap = site_map(digest)
    assert len(smap.stories) == 2  # stories of 2+ reports have pages
    gloss = glosses(digest, s)
    cache_file = tmp_path / "pages.msgpack"
    cache = RenderedPages(cache_file, "salt")
    pages = build_pages(digest, s, page_extra=page_extra, gloss=gloss, cache=cache)
    cache.save()
    cached = {*smap.articles.values(), *smap.stories.values(), *smap.weeks.values()}
    cached |= set(smap.entities.values())
    assert cache.misses == len(cached)

    cache = RenderedPages(cache_file, "salt")  # the same inputs: no page rendered
    assert build_pages(digest, s, page_extra=page_extra, gloss=gloss, cache=cache) == pages
    assert cache.misses == 0 and cache.hits == len(cached)

    # one report of a story retitled: its story page shows the new title, and so do the
    # pages linking to that report; exactly the pages whose text changed are rendered
    def retitle(report, words: str) -> tuple[dict, set, RenderedPages]:
        """Pages of the digest with ``report`` retitled, rendered from the cache; the cached
        kinds of page whose text changed; the cache (as checked against a fresh render)."""
        new = dataclasses.replace(
            report, article=dataclasses.replace(report.article, title=report.article.title + words)
        )
        changed_digest = dataclasses.replace(
            digest, analyses=tuple(new if a.id == report.id else a for a in digest.analyses)
        )
        cache = RenderedPages(cache_file, "salt")
        out = build_pages(changed_digest, s, page_extra=page_extra, gloss=gloss, cache=cache)
        assert out == build_pages(changed_digest, s, page_extra=page_extra, gloss=gloss)
        return out, {p for p in cached if out[p] != pages[p]}, cache

    story = next(st for st in digest.stories if st.id in smap.stories)
    old = digest.by_id()[story.article_ids[-1]]
    pages2, changed, cache = retitle(old, " обновлено")
    assert smap.stories[story.id] in changed and "обновлено" in pages2[smap.stories[story.id]]
    assert cache.misses == len(changed) and len(changed) < len(cached)
    other = next(p for i, p in smap.stories.items() if i != story.id)
    assert other not in changed  # the other story's page came from the cache
    week = smap.weeks[iso_week(old.article.date)]
    assert week in changed and "обновлено" in pages2[week]
    assert len({p for p in changed if p.startswith("weeks/")}) == 1
    # entity pages list stories by the story's title: a later report's new title shows on none
    assert not {p for p in changed if p.startswith("entities/")}

    # a one-report story retitled: its line on the entity pages shows the new title, so
    # exactly the pages of its entities are rendered again (and its article and week pages)
    single = next(
        a
        for a in digest.analyses
        if len(
            next(st for st in stories_or_singletons(digest) if a.id in st.article_ids).article_ids
        )
        == 1
        and any((e.name, e.kind) in smap.entities for e in a.text.entities)
    )
    pages3, changed3, cache = retitle(single, " правка")
    assert cache.misses == len(changed3)
    listing = {
        smap.entities[(e.name, e.kind)]
        for e in digest.entities
        if single.id in e.article_ids and (e.name, e.kind) in smap.entities
    }
    assert listing and {p for p in changed3 if p.startswith("entities/")} == listing
    assert all("правка" in pages3[p] for p in listing)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short (a full disk, a killed build)
        lambda data: b'{"format": "digest-rendered-pages/1", "salt": "salt", "pages": {}}',
        lambda data: msgpack.packb({"format": "x", "salt": "salt", "pages": {}}),
        lambda data: msgpack.packb([1, 2, 3]),
        lambda data: b"\xc1" + data,  # a byte MessagePack never uses
    ],
)
def test_a_rendered_pages_file_that_cannot_be_read_is_an_empty_cache(tmp_path, damage):
    """A damaged, foreign or older (JSON) file: every page is rendered, the same pages."""
    s = settings()
    digest = group(synthetic_analyses(5), TOPICS, s)
    cache_file = tmp_path / "pages.msgpack"
    cache = RenderedPages(cache_file, "salt")
    pages = build_pages(digest, s, cache=cache)
    cache.save()
    assert RenderedPages(cache_file, "salt").old == cache.new  # read back whole
    cache_file.write_bytes(damage(cache_file.read_bytes()))
    again = RenderedPages(cache_file, "salt")
    assert again.old == {}
    assert build_pages(digest, s, cache=again) == pages and again.hits == 0


def test_compiled_page_templates_are_kept_beside_the_cache_and_give_the_same_pages(tmp_path):
    from generator.render.pages import BYTECODE_FOLDER

    s = settings()
    digest = group(synthetic_analyses(10), TOPICS, s)
    cache_file = tmp_path / "pages.msgpack"
    first = _pages(digest, s, cache_file)
    compiled = sorted((tmp_path / BYTECODE_FOLDER).iterdir())
    assert len(compiled) >= 5  # the page templates used, and the partials they include
    written = [p.stat().st_mtime_ns for p in compiled]
    cache_file.unlink()  # every page rendered again, from the compiled templates
    assert _pages(digest, s, cache_file) == first == _pages(digest, s)
    assert sorted((tmp_path / BYTECODE_FOLDER).iterdir()) == compiled
    assert [p.stat().st_mtime_ns for p in compiled] == written  # loaded, not compiled again
