"""Outlet profiles (config/sources.yml): loading and checks; how source, story and article
pages show them; no page for an unknown outlet; tags by canonical entity across scripts;
the example feeds file loads as settings (never fetched)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from factories import seed_analyses, seed_digest, settings
from story_fixtures import story_digest

from generator.render.pages import article_tags, build_pages, site_map
from generator.settings import AlertSettings, ConfigError, load_settings
from generator.sources import AFFILIATIONS, check_sources_file, load_sources

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "config" / "sources.yml"
# The outlets of the corpus and the region's common ones (issue 13).
REGION = [
    "TASS",
    "RIA Novosti",
    "Sputnik",
    "Interfax",
    "Kazinform",
    "Tengrinews",
    "Zakon.kz",
    "Azattyq",
    "Vlast.kz",
    "Ukrinform",
    "Interfax-Ukraine",
    "UNIAN",
    "Reuters",
    "Associated Press",
    "Radio Liberty",
    "Eurasianet",
    "Ortalyq.kz",
]


@pytest.fixture(scope="module")
def registry():
    return load_sources(SOURCES)


def test_region_outlets_have_complete_profiles(registry):
    assert check_sources_file(SOURCES) == []
    for name in REGION:
        p = registry.profile(name)
        assert p is not None, f"{name} has no profile"
        assert p.country and p.ownership and p.affiliation in AFFILIATIONS, name
        assert p.reference.startswith("https://"), name
        assert all(len(code) == 2 for code in p.languages), name


def test_profiles_say_what_a_reader_weighs(registry):
    assert registry.profile("TASS").affiliation == "state"
    assert "Russia" in registry.profile("ТАСС").ownership  # an alias finds the outlet
    assert registry.profile("Azattyq").affiliation == "government-funded"
    assert "USAGM" in registry.profile("Radio Liberty").ownership
    assert registry.profile("Reuters").affiliation == "private"
    assert registry.profile("Kazinform").country == "Kazakhstan"
    assert registry.profile("Some Blog") is None


def _write(tmp_path: Path, entry: dict) -> Path:
    path = tmp_path / "sources.yml"
    path.write_text(yaml.safe_dump({"sources": [entry]}, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            {"country": "Russia", "ownership": "state-owned", "affiliation": "state"},
            "lacks reference",
        ),
        (
            {
                "country": "Russia",
                "ownership": "x",
                "affiliation": "owned",
                "reference": "https://a.b/",
            },
            "must be one of state, government-funded, public, private",
        ),
        (
            {
                "country": "Russia",
                "ownership": "x",
                "affiliation": "state",
                "reference": "http://a.b/",
            },
            "must be one https:// address",
        ),
        (
            {
                "country": "Russia",
                "ownership": "x",
                "affiliation": "state",
                "reference": "https://a.b/",
                "languages": ["rus"],
            },
            "two-letter codes",
        ),
        ({"owner": "state"}, "unknown key(s) owner"),
    ],
)
def test_bad_profiles_are_clear_errors(tmp_path, extra, message):
    path = _write(tmp_path, {"name": "Outlet", "domains": ["outlet.example"], **extra})
    problems = check_sources_file(path)
    assert problems and message in problems[0].message, problems
    with pytest.raises(ConfigError, match=r"Outlet|owner"):
        load_sources(path)


@pytest.fixture(scope="module")
def pages():
    return build_pages(story_digest(), settings())


def test_source_page_shows_the_profile(pages):
    tass = pages[site_map(story_digest()).sources["ТАСС"]]  # the outlet as the text names it
    assert "| Country | Russia |" in tass
    assert "| Ownership | state-owned (Russia) |" in tass
    assert "| Affiliation | state-owned |" in tass
    assert 'href="https://en.wikipedia.org/wiki/TASS"' in tass
    assert "| Reference | <a " in tass
    index = pages["sources/index.md"]
    assert "| [ТАСС](тасс.md) | 2 | Russian 2 | Russia | state-owned |" in index
    assert "| [Rubryka](rubryka.md) | 1 | Ukrainian 1 | — | — |" in index  # no profile


def test_story_page_tables_coverage_by_outlet_country_and_affiliation(pages):
    digest = story_digest()
    page = pages[site_map(digest).stories["s-almaty-airport"]]
    table = page.split("## Coverage by outlet country and affiliation", 1)[1].split("##", 1)[0]
    rows = [r for r in table.splitlines() if r.startswith("| ") and "---" not in r][1:]
    # Kloop (Kyrgyzstan, private), 24 Kanal (no profile), Interfax-Ukraine (Ukraine, private)
    assert "| Kyrgyzstan | private | 1 | Kloop |" in rows
    assert "| Ukraine | private | 1 | Interfax-Ukraine |" in rows
    assert rows[-1] == "| no outlet profile | — | 1 | 24 Kanal |"
    story = next(s for s in digest.stories if s.id == "s-almaty-airport")
    assert sum(int(r.split("|")[3]) for r in rows) == len(story.article_ids)


def test_unknown_outlet_has_no_page_and_reads_outlet_unknown():
    first, *rest = seed_analyses()
    nameless = dataclasses.replace(first, article=dataclasses.replace(first.article, source=None))
    digest = seed_digest((nameless, *rest))
    unknown = [a for a in digest.analyses if not a.article.source]
    assert [a.id for a in unknown] == [first.id]
    pages = build_pages(digest, settings())
    assert not any(p.startswith("sources/unknown") for p in pages)
    assert "unknown" not in site_map(digest).sources
    article = pages[site_map(digest).articles[unknown[0].id]]
    assert "| Source | outlet unknown |" in article
    assert "| outlet unknown | 1 |" in pages["sources/index.md"]


def test_article_shows_its_outlet_country_and_affiliation(pages):
    digest = story_digest()
    tass = next(a for a in digest.analyses if a.id == "rs_tass_tokayev_csto")
    page = pages[site_map(digest).articles[tass.id]]
    assert "(Russia, state-owned)" in page


def _tags(pages_: dict[str, str], path: str) -> list[str]:
    text = pages_[path]
    return yaml.safe_load(text[4 : text.index("\n---\n", 4)]).get("tags", [])


def test_tags_are_one_per_canonical_entity_across_scripts():
    digest = story_digest()
    tags = article_tags(digest.analyses, settings())
    every = {t for ts in tags.values() for t in ts}
    # "Токаев" (ru keyword), "Токаєв" (uk), "Kassym-Jomart Tokayev" (en): one tag
    assert "Kassym-Jomart Tokayev" in every
    assert not every & {"Токаев", "Касым-Жомарт Токаев", "Токаєв", "Казахстан", "Қазақстан"}
    assert "Kazakhstan" in every
    kk = [a for a in digest.analyses if a.language == "kk"]
    assert kk and all("Kazakhstan" in tags[a.id] for a in kk if "Kazakhstan" in tags[a.id])
    carried: dict[str, int] = {}
    for ts in tags.values():
        for t in ts:
            carried[t] = carried.get(t, 0) + 1
    assert min(carried.values()) >= settings().alerts.tag_min_articles


def test_keyword_aliases_of_an_entity_become_its_tag():
    """A keyword the registry knows as an entity alias joins that entity's tag, even when the
    article's entity list lacks it; a rare tag is dropped by the documented rule."""
    digest = story_digest()
    by_kw = [a for a in digest.analyses if "Токаев" in a.text.keywords]
    assert by_kw
    loose = dataclasses.replace(settings(), alerts=AlertSettings(tag_min_articles=1))
    tags = article_tags(digest.analyses, loose)
    for a in by_kw:
        assert "Kassym-Jomart Tokayev" in tags[a.id]
        assert "Токаев" not in tags[a.id]
    strict = dataclasses.replace(settings(), alerts=AlertSettings(tag_min_articles=50))
    assert not any(article_tags(digest.analyses, strict).values())


def test_tags_page_states_the_rule(pages):
    assert "fewer than 2 articles is left out" in pages["tags.md"]


def test_example_feeds_file_loads_as_settings():
    s = load_settings(ROOT / "config" / "feeds.example.yml")
    names = {f.source for f in s.feeds}
    assert {"TASS", "Kazinform", "Tengrinews", "Azattyq", "Ukrinform"} <= names
    registry = load_sources(SOURCES)
    for feed in s.feeds:
        assert feed.url.startswith("https://")
        assert feed.language in s.languages
        assert registry.profile(feed.source) is not None, feed.source


def test_a_glossed_keyword_shares_the_tag_of_its_english_word():
    """ "мұнай" (the Kazakh seed's keyword) and "oil" (an English report's) are one tag."""
    from factories import make_analysis, seed_analyses

    kk = next(a for a in seed_analyses() if a.language == "kk")
    assert "мұнай" in kk.text.keywords
    en = make_analysis(
        "en1", "Oil exports", ["Kazakhstan's oil exports rose."], language="en", keywords=["oil"]
    )
    plain = article_tags([kk, en], settings())
    glossed = article_tags([kk, en], settings(), {"мұнай": "oil"})
    assert "oil" not in plain[kk.id]  # without the glossary: two one-article tags, dropped
    assert "oil" in glossed[kk.id] and "oil" in glossed[en.id]
