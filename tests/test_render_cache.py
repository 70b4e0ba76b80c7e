"""The cache of rendered article pages (``render.pagecache``): a page is rendered again
exactly when something it shows changed, and the pages are those of an uncached render."""

from __future__ import annotations

import dataclasses
import json

from factories import TOPICS, settings, synthetic_analyses

from generator.digest import group
from generator.render import build_file_set, glosses
from generator.render.jsonexport import digest_json, digest_to_jsonable
from generator.render.pagecache import RenderedPages
from generator.render.pages import build_pages, site_map
from generator.render.search import page_extra
from generator.render.state import inputs_fingerprint


def _pages(digest, s, cache_file=None) -> dict[str, str | bytes]:
    files = build_file_set(digest, s, page_cache=cache_file)
    return {p: files[p] for p in files}


def test_cached_render_equals_the_uncached_one_and_renders_only_changed_pages(tmp_path):
    s = settings()
    analyses = synthetic_analyses(30)
    digest = group(analyses, TOPICS, s)
    cache_file = tmp_path / "pages.json"
    assert _pages(digest, s, cache_file) == _pages(digest, s)
    # the 30 article pages and the 30 articles' parts of digest.json
    assert len(json.loads(cache_file.read_text(encoding="utf-8"))["pages"]) == 60

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
    assert cache.hits + cache.misses == 31
    assert pages == build_pages(digest2, s, page_extra=page_extra, gloss=gloss)
    assert title.split(" (")[0] in pages[smap.articles[edited.id]]


def test_a_cache_with_other_templates_or_translations_is_not_used(tmp_path):
    s = settings()
    digest = group(synthetic_analyses(5), TOPICS, s)
    cache = RenderedPages(tmp_path / "pages.json", "salt")
    build_pages(digest, s, cache=cache, translations={"x": "y"})
    assert cache.hits == cache.misses == 0 and cache.new == {}


def _dumps(digest, s) -> str:
    return json.dumps(digest_to_jsonable(digest, s), ensure_ascii=False, indent=1) + "\n"


def test_digest_json_encodes_only_the_changed_articles_and_is_the_same_text(tmp_path):
    s = settings()
    analyses = synthetic_analyses(30)
    digest = group(analyses, TOPICS, s)
    cache_file = tmp_path / "pages.json"
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
    cache = RenderedPages(tmp_path / "pages.json", "salt")
    assert digest_json(digest, s, cache) == _dumps(digest, s)
