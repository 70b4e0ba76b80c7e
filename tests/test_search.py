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
    """Article ids whose entry lunr would return for ``query``: some query term (a lemma of
    the query or an English concept word it adds) prefixes a word of some field (Material
    returns every document that matches a term, ranked; the browser test runs the real
    thing)."""
    terms = search.query_terms(query, data)
    found = set()
    for doc in index["docs"]:
        if not doc["location"].startswith("articles/"):
            continue
        plain = search._TAG_RE.sub(" ", f"{doc['title']} {doc['text']}")
        tokens = search.split_words(plain) + doc.get("lemmas", "").split()
        if any(any(t.startswith(term) for t in tokens) for term in terms):
            found.add(doc["location"].split("/")[1])
    return found


@pytest.fixture(scope="module")
def digest(settings):
    from generator.pipeline import prepare_digest

    return prepare_digest(settings)


def full_text_with(digest, form: str) -> set[str]:
    """Article ids whose full text (title and body) has ``form`` as a word."""
    return {
        a.id
        for a in digest.analyses
        if form in search.split_words(f"{a.article.title} {a.article.body}")
    }


def articles_with(index: dict, form: str) -> set[str]:
    """Article ids whose index entry (title and summary) has ``form`` as a word."""
    out = set()
    for doc in index["docs"]:
        plain = search._TAG_RE.sub(" ", f"{doc['title']} {doc['text']}")
        if doc["location"].startswith("articles/") and form in search.split_words(plain):
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
    """The query's lemmas come first; concept words (English) may follow."""
    got = search.query_terms(query, data)
    assert got[: len(terms)] == terms
    assert all(t.isascii() for t in got[len(terms) :]), got


@pytest.mark.parametrize(
    ("query", "adds"),
    [
        ("нефти", ["oil"]),
        ("мұнайдың", ["oil"]),
        ("протестах", ["protest"]),
        ("ОДКБ", ["csto"]),
        ("ҰҚШҰ", ["csto"]),
        ("акции протеста", ["protest"]),
    ],
)
def test_query_adds_the_english_words_of_its_concepts(data, query, adds):
    terms = search.query_terms(query, data)
    assert terms[-len(adds) :] == adds
    assert len(terms) == len(set(terms))


def test_english_query_is_left_as_it_is(data):
    assert search.query_terms("oil", data) == ["oil"]
    assert search.query_terms("protest", data) == ["protest"]


def test_unseen_form_falls_back_to_a_stem_that_still_matches(data, index):
    assert "миротворцами" not in data["forms"]  # not in the seeds: the fallback is needed
    (stem,) = search.query_terms("миротворцами", data)
    assert "миротворцы".startswith(stem) and len(stem) >= search.MIN_STEM
    assert lunr_match(index, "миротворцами", data) >= articles_with(index, "миротворцы")


def test_known_lemma_is_not_stripped(data):
    assert search.query_terms("Казахстан", data)[0] == "казахстан"


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
def test_inflected_query_finds_articles_with_other_forms(
    data, index, digest, query, must_find_form
):
    """Articles with another form anywhere in their text are found, though the index has
    only titles and summaries: through the summary's lemmas or the concept words (the
    glossary and entity names found in the full text)."""
    expected = full_text_with(digest, must_find_form)
    assert expected, f"no article has {must_find_form!r}: the seeds changed?"
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


def test_search_data_is_deterministic(built, settings, digest, tmp_path):
    search.write_assets(digest, tmp_path, settings)
    first = (tmp_path / search.LEMMAS_FILE).read_bytes()
    docs = (tmp_path / search.ARTICLES_FILE).read_bytes()
    search.write_assets(digest, tmp_path, settings)
    assert (tmp_path / search.LEMMAS_FILE).read_bytes() == first
    assert (tmp_path / search.ARTICLES_FILE).read_bytes() == docs
    assert first == (built / "site" / search.LEMMAS_FILE).read_bytes()
    assert not (built / "site" / search.ARTICLES_FILE).exists()  # merged, not shipped


def test_page_extra_adds_nothing_visible(digest):
    assert all(search.page_extra(a) == "" for a in digest.analyses)


def test_mkdocs_yml_loads_the_search_scripts(root, built):
    import yaml

    text = (root / "mkdocs.yml").read_text("utf-8")
    cfg = yaml.load(text, Loader=yaml.BaseLoader)  # BaseLoader: ignore !ENV / python tags
    scripts = [s["path"] if isinstance(s, dict) else s for s in cfg["extra_javascript"]]
    assert search.LEMMAS_FILE in scripts
    assert f"{search.ASSET_DIR}/digest-search.css" in cfg["extra_css"]
    assert (root / "templates" / search.ASSET_DIR / "digest-search.js").is_file()
    # the hook is loaded before Material's bundle (it must wrap the worker the bundle makes)
    page = (built / "site" / "index.html").read_text("utf-8")
    hook = page.index(f"{search.ASSET_DIR}/digest-search.js")
    assert hook < page.index("assets/javascripts/bundle.")


# ----------------------------------------------------------------- per-article index


def article_docs(index: dict) -> list[dict]:
    return [d for d in index["docs"] if d["location"].startswith("articles/")]


def test_one_entry_per_article_and_nothing_else(index, digest):
    locations = [d["location"] for d in index["docs"]]
    assert len(locations) == len(set(locations)) == len(digest.analyses)
    assert all(loc.startswith("articles/") and "#" not in loc for loc in locations)


def test_preview_is_the_summary_not_page_furniture(index, digest):
    import html

    by_loc = {d["location"].split("/")[1]: d for d in index["docs"]}
    for a in digest.analyses:
        doc = by_loc[a.id]
        assert doc["text"].startswith("<p>") and doc["text"].endswith("</p>")
        text = html.unescape(search._TAG_RE.sub("", doc["text"]))
        assert text and text == search.preview(a.text.summary)
        assert text.startswith(" ".join(a.text.summary[0].split())[:40])
        for furniture in ("Details", "Date", "Source", "Language", "score", "Keywords"):
            assert furniture not in text, (furniture, text)
        assert html.unescape(doc["title"]) == a.article.title
        assert len(text) <= search.PREVIEW_CHARS + 2
        # no full text: a body sentence outside the summary is not in the entry
        others = [s for s in a.text.sentences if s not in a.text.summary and len(s) > 60]
        assert all(s not in text for s in others)


def test_preview_cuts_at_a_word():
    long = ("слово " * 100).strip() + "."
    cut = search.preview((long,), limit=50)
    assert cut.endswith(" …") and len(cut) <= 52 and "слово" in cut
    assert search.preview(("Раз.", "Два.")) == "Раз. Два."


def test_lemma_field_adds_only_words_the_entry_lacks(index):
    for doc in index["docs"]:
        plain = search._TAG_RE.sub(" ", f"{doc['title']} {doc['text']}")
        shown = set(search.split_words(plain))
        extra = doc.get(search.LEMMA_FIELD, "").split()
        assert extra == sorted(set(extra)), "lemmas repeated or unsorted"
        assert not shown & set(extra), "a word of the title/summary repeated in the lemmas"


def test_facets_of_each_entry(index, digest):
    by_loc = {d["location"].split("/")[1]: d["facets"] for d in index["docs"]}
    week_of = {i: w.week for w in digest.weeks for i in w.article_ids}
    source_of = {i: s.slug for s in digest.sources for i in s.article_ids}
    for a in digest.analyses:
        f = by_loc[a.id]
        assert f["language"] == a.text.language
        assert f.get("week") == week_of.get(a.id)
        assert f["outlet"] == source_of[a.id]
        topics = {g.topic.id for g in digest.topics if a.id in g.article_ids}
        assert set(f.get("topic", [])) == topics
    assert {lang for lang, _ in digest.languages} == {v["language"] for v in by_loc.values()}


def test_facet_labels_list_every_value(data, index):
    labels = data["facets"]
    for name in search.FACETS:
        known = {value for value, _ in labels[name]}
        for doc in index["docs"]:
            have = doc["facets"].get(name)
            assert set(have if isinstance(have, list) else [have] if have else []) <= known
    assert dict(labels["language"])["kk"] == "Kazakh"


@pytest.mark.parametrize(
    ("query", "languages"),
    [("oil", {"ru", "kk"}), ("protest", {"ru", "uk"}), ("CSTO", {"ru", "uk"})],
)
def test_english_query_finds_articles_in_other_languages(index, data, query, languages):
    lang_of = {d["location"].split("/")[1]: d["facets"]["language"] for d in index["docs"]}
    found = lunr_match(index, query, data)
    assert languages <= {lang_of[i] for i in found}
    assert all(lang_of[i] != "en" for i in found)  # the seeds have no English article


def test_an_unrelated_english_word_finds_nothing(index, data):
    assert lunr_match(index, "volcano", data) == set()


def test_russian_query_finds_english_reports(settings):
    """The reverse: the story fixtures have English reports (Webjosh on Tokayev and the
    CSTO, Interfax-Ukraine on protesters at Almaty airport)."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from story_fixtures import story_digest

    digest = story_digest()
    glossary = search.project_glossary(settings)
    data = search.search_data(digest, glossary)
    docs = search.article_documents(digest, data["forms"], glossary)
    index = {"docs": docs}
    lang_of = {a.id: a.text.language for a in digest.analyses}
    for query in ("ОДКБ", "протест", "ҰҚШҰ"):
        found = {i for i in lunr_match(index, query, data) if lang_of.get(i) == "en"}
        assert found, f"{query!r} finds no English report"


def test_kept_search_parts_give_the_same_assets(digest, settings, tmp_path):
    """Each article's search parts (its form -> lemma counts and glossary concepts) kept in
    a file for the next build: the assets are the same bytes as without the file, the
    second build reads every article's parts from it, and an article whose analysis
    changed is computed again."""
    import dataclasses

    glossary = search.project_glossary(settings)
    plain = search.asset_files(digest, settings, glossary)
    kept = tmp_path / "parts.msgpack"
    assert search.asset_files(digest, settings, glossary, kept) == plain  # computed, saved
    assert kept.is_file()
    parts = search.SearchParts(glossary, kept, _salt(settings))
    assert len(parts.kept.old) == len(digest.analyses)  # one entry per article
    again = search.SearchParts(glossary, kept, _salt(settings))
    data = search.search_data(digest, glossary, None, again)
    assert again.kept.hits == len(digest.analyses) and again.kept.misses == 0
    assert data["forms"] == search.lemma_map(digest)
    docs = search.article_documents(digest, data["forms"], glossary, again)
    assert docs == search.article_documents(digest, data["forms"], glossary)
    # a changed analysis: its entry misses, the others hit
    first = digest.analyses[0]
    changed = dataclasses.replace(
        first, text=dataclasses.replace(first.text, title_lemmas=("ормузский", "пролив"))
    )
    other = search.SearchParts(glossary, kept, _salt(settings))
    other.concepts(changed)
    for a in digest.analyses[1:]:
        other.concepts(a)
    assert other.kept.misses == 1 and other.kept.hits == len(digest.analyses) - 1
    # another glossary (none) or another salt: nothing is reused
    assert search.SearchParts(None, kept, _salt(settings)).kept.old == {}
    assert search.SearchParts(glossary, kept, "other code").kept.old == {}


def _salt(settings) -> str:
    from generator.render.state import inputs_fingerprint

    return inputs_fingerprint(settings)
