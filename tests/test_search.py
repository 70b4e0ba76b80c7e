"""Search for inflected words: the lemma map, the query rewrite and the rewritten index.

Built once from the seeds (``generator.pipeline.build`` into a temp folder, no briefs). The
index is then searched the way lunr does it (each query term a prefix of an indexed word, in
any field) to show that inflected queries reach the articles. The browser test repeats the
important queries against the real Material UI.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.render import search


@pytest.fixture(scope="module")
def built(settings, tmp_path_factory) -> Path:
    from generator.pipeline import build

    out = tmp_path_factory.mktemp("search-site")
    build(settings, out=out, briefs=False, log=lambda _msg: None)
    return out


@pytest.fixture(scope="module")
def data(built: Path) -> dict:
    loaded = search.read_search_data(built / "site")
    assert loaded is not None, "write_assets did not put assets/search/lemmas.js in the site"
    return loaded


@pytest.fixture(scope="module")
def index(built: Path) -> dict:
    return json.loads((built / "site" / "search" / "search_index.json").read_text("utf-8"))


def lunr_match(index: dict, query: str, data: dict) -> set[str]:
    """Locations of article pages where every query term prefixes a word of some field."""
    terms = search.query_terms(query, data)
    found = set()
    for doc in index["docs"]:
        if not doc["location"].startswith("articles/"):
            continue
        plain = search._TAG_RE.sub(" ", f"{doc['title']} {doc['text']}")
        tokens = search.split_words(plain) + doc.get("lemmas", "").split()
        if terms and all(any(t.startswith(term) for t in tokens) for term in terms):
            found.add(doc["location"].split("/")[1])
    return found


def articles_with(index: dict, form: str) -> set[str]:
    """Article ids whose page text contains ``form`` as a word."""
    out = set()
    for doc in index["docs"]:
        if doc["location"].startswith("articles/") and form in search.split_words(doc["text"]):
            out.add(doc["location"].split("/")[1])
    return out


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("казахстана", "казахстан"),  # ru
        ("миротворцы", "миротворец"),  # ru
        ("миротворцев", "миротворец"),  # ru
        ("нефти", "нефть"),  # ru
        ("миротворців", "миротворець"),  # uk
        ("қазақстанның", "қазақстан"),  # kk, suffix stripper
        ("қазақстанмен", "қазақстан"),  # kk
    ],
)
def test_lemma_map_of_the_seeds(data, form, lemma):
    assert data["forms"][form] == lemma


def test_lemma_map_holds_only_inflected_forms(data):
    forms = data["forms"]
    assert forms, "empty lemma map"
    assert all(form != lemma for form, lemma in forms.items())
    assert all("ё" not in form and form == form.lower() for form in forms)


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("Казахстана", ["казахстан"]),
        ("«Казахстана»", ["казахстан"]),  # quotes are separators
        ("„миротворцы“", ["миротворец"]),
        ("НЕФТИ", ["нефть"]),
        ("Қазақстанның", ["қазақстан"]),
        ("Интерфакс-Україна", ["интерфакс", "україна"]),
    ],
)
def test_query_terms(data, query, terms):
    assert search.query_terms(query, data) == terms


def test_unseen_form_falls_back_to_a_stem_that_still_matches(data, index):
    assert "миротворцами" not in data["forms"]  # not in the seeds: the fallback is needed
    (stem,) = search.query_terms("миротворцами", data)
    assert "миротворцы".startswith(stem) and len(stem) >= search.MIN_STEM
    assert lunr_match(index, "миротворцами", data) >= articles_with(index, "миротворцы")


def test_known_lemma_is_not_stripped(data):
    assert search.query_terms("Казахстан", data) == ["казахстан"]


def test_yo_is_folded_on_both_sides():
    assert search.normalize("Ещё") == "еще"
    assert "еще" in search.section_lemmas("", "<p>Ещё раз</p>", {}).split()


@pytest.mark.parametrize(
    ("query", "must_find_form"),
    [
        ("Казахстана", "казахстане"),
        ("миротворцы", "миротворцев"),
        ("миротворцев", "миротворцы"),
        ("нефти", "нефти"),
        ("миротворців", "миротворців"),
        ("Қазақстанның", "қазақстанмен"),
        ("«Казахстана»", "казахстану"),
    ],
)
def test_inflected_query_finds_articles_with_other_forms(data, index, query, must_find_form):
    expected = articles_with(index, must_find_form)
    assert expected, f"no article page has {must_find_form!r}: the seeds changed?"
    assert lunr_match(index, query, data) >= expected


def test_plain_prefix_search_would_miss_them(index, data):
    """Why this exists: an article with ``Казахстане`` but no ``Казахстану`` has no word
    starting with ``казахстану``, so lunr's prefix match alone cannot find it; lemmas do."""
    only_other = articles_with(index, "казахстане") - articles_with(index, "казахстану")
    assert only_other, "the seeds no longer have an article with Казахстане only"
    for doc in index["docs"]:
        parts = doc["location"].split("/")
        if parts[0] == "articles" and parts[1] in only_other:
            assert not any(t.startswith("казахстану") for t in search.split_words(doc["text"]))
    assert lunr_match(index, "Казахстану", data) >= only_other


def test_index_config_and_lemma_field(index):
    config = index["config"]
    assert config["separator"] == search.SEPARATOR
    assert config["fields"][search.LEMMA_FIELD]["boost"] == search.LEMMA_BOOST
    assert "stemmer" not in config["pipeline"] and "trimmer" not in config["pipeline"]
    assert config["lang"] == ["en"]
    with_lemmas = [d for d in index["docs"] if d.get(search.LEMMA_FIELD)]
    assert with_lemmas and all(
        d[search.LEMMA_FIELD].split() == sorted(set(d[search.LEMMA_FIELD].split()))
        for d in with_lemmas
    )


def test_index_is_utf8_not_escaped(built):
    raw = (built / "site" / "search" / "search_index.json").read_text("utf-8")
    assert "Казахстан" in raw and "\\u041a" not in raw


def test_finalize_site_is_idempotent_and_rewrites_the_offline_copy(built, tmp_path):
    import shutil

    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    index_path = site / "search" / "search_index.json"
    (site / "search" / "search_index.js").write_text("var __index = {}", encoding="utf-8")
    before = index_path.read_bytes()
    search.finalize_site(site)
    assert index_path.read_bytes() == before
    offline = (site / "search" / "search_index.js").read_text("utf-8")
    assert offline == "var __index = " + before.decode("utf-8")


def test_finalize_site_without_lemmas_file_still_sets_config(built, tmp_path):
    import shutil

    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    (site / search.LEMMAS_FILE).unlink()
    search.finalize_site(site)
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["separator"] == search.SEPARATOR


def test_search_data_is_deterministic(built, settings, tmp_path):
    from generator.pipeline import prepare_digest

    digest = prepare_digest(settings)
    search.write_assets(digest, tmp_path)
    first = (tmp_path / search.LEMMAS_FILE).read_bytes()
    search.write_assets(digest, tmp_path)
    assert (tmp_path / search.LEMMAS_FILE).read_bytes() == first
    assert first == (built / "site" / search.LEMMAS_FILE).read_bytes()


def test_page_extra_adds_nothing_visible(settings):
    from generator.pipeline import prepare_digest

    digest = prepare_digest(settings)
    assert all(search.page_extra(a) == "" for a in digest.analyses)


def test_mkdocs_yml_loads_the_search_scripts(root):
    import yaml

    text = (root / "mkdocs.yml").read_text("utf-8")
    cfg = yaml.load(text, Loader=yaml.BaseLoader)  # BaseLoader: ignore !ENV / python tags
    scripts = [s["path"] if isinstance(s, dict) else s for s in cfg["extra_javascript"]]
    assert f"{search.ASSET_DIR}/digest-search.js" in scripts
    assert search.LEMMAS_FILE in scripts
    assert (root / "templates" / search.ASSET_DIR / "digest-search.js").is_file()
