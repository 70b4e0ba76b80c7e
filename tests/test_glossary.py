"""The concept glossary (generator/glossary.py) on the project's own config and seed text.

The glossary is built from config/glossary.yml, config/entities.yml and config/topics.yml
with the real lemmatisers, so inflected forms are looked up through their lemmas as the
analysis makes them; the seed articles are analysed by the real pipeline.
"""

from __future__ import annotations

import pytest

from generator import glossary as gl
from generator.nlp.lemmas import get_lemmatizer


@pytest.fixture(scope="module")
def ctx(settings):
    from generator.analyse import load_context

    return load_context(settings)


@pytest.fixture(scope="module")
def glossary(settings, ctx) -> gl.Glossary:
    return gl.load_glossary(settings, ctx)


@pytest.fixture(scope="module")
def seeds(settings):
    from generator.pipeline import prepare_digest

    return {a.article.title: a for a in prepare_digest(settings).analyses}


def lemma(word: str, language: str) -> str:
    return " ".join(get_lemmatizer(language).lemma(w) for w in word.split())


@pytest.mark.parametrize(
    ("form", "language", "english"),
    [
        ("нефти", "ru", "oil"),  # an inflected form, through its lemma
        ("нафти", "uk", "oil"),
        ("мұнайдың", "kk", "oil"),
        ("протестах", "uk", "protest"),
        ("протесты", "ru", "protest"),
        ("наразылық", "kk", "protest"),
        ("ОДКБ", "ru", "CSTO"),  # from the entity registry
        ("ҰҚШҰ", "kk", "CSTO"),
        ("Токаева", "ru", "Kassym-Jomart Tokayev"),
        ("миротворцев", "ru", "peacekeeper"),
    ],
)
def test_english_gloss_of_inflected_forms(glossary, form, language, english):
    assert glossary.english(lemma(form, language), language) == english


def test_unknown_words_have_no_gloss(glossary):
    assert glossary.english("стол", "ru") is None
    assert glossary.expand("стол") == ()


def test_expand_crosses_languages_both_ways(glossary):
    protest = set(glossary.expand("protest"))
    assert {"протест", "акция протест", "акція протест", "наразылық", "protest"} <= protest
    oil = set(glossary.expand("oil"))
    assert {"нефть", "нафта", "мұнай"} <= oil
    assert {"одкб", "ұқшұ", "csto"} <= set(glossary.expand("CSTO"))
    assert "oil" in glossary.expand("нефть")  # the reverse: a Russian term reaches English
    assert glossary.expand("ОДКБ") == glossary.expand("csto")
    assert list(glossary.expand("oil")) == sorted(set(glossary.expand("oil")))


def test_glossary_file_wins_over_the_taxonomy(glossary):
    """A lemma that glossary.yml and the taxonomy both know is glossed by glossary.yml."""
    shared = [
        (lang, phrase)
        for (lang, phrase), hit in glossary.index.items()
        if {glossary.entries[i].rank for i in hit} >= {gl.RANK_GLOSSARY, gl.RANK_TAXONOMY}
    ]
    assert shared, "no term is in both glossary.yml and topics.yml: this test checks nothing"
    for lang, phrase in shared:
        entry = glossary.lookup(phrase, lang)[0]
        assert entry.rank == gl.RANK_GLOSSARY
        assert glossary.english(phrase, lang) == entry.english


def test_every_entity_is_its_own_concept(glossary, ctx):
    heads = {e.english for e in glossary.entries if e.rank == gl.RANK_ENTITY}
    assert {e.name for e in ctx.registry.entities} <= heads


def test_taxonomy_contexts_and_topics_are_concepts(glossary, ctx):
    heads = {e.english for e in glossary.entries if e.rank == gl.RANK_TAXONOMY}
    assert {t.title_en for t in ctx.taxonomy.topics} <= heads
    assert {c.name for c in ctx.taxonomy.concepts} <= heads


def test_concepts_in_real_seed_text(glossary, seeds):
    by_start = {title[:12]: a for title, a in seeds.items()}
    kk = next(a for t, a in by_start.items() if t.startswith("Ресей"))
    ru = next(a for t, a in by_start.items() if t.startswith("Путин обсуди"))
    uk = next(a for t, a in by_start.items() if t.startswith("З'являються"))

    def found(a, max_rank: int = gl.RANK_ENTITY) -> set[str]:
        seqs = [*a.text.sentence_lemmas, a.text.title_lemmas]
        return set(glossary.concepts_in(seqs, a.text.language, max_rank))

    assert "oil" in found(kk)  # мұнайдың
    assert {"protest", "CSTO", "oil"} <= found(ru)  # протесты, ОДКБ, нефтяной
    assert {"protest", "CSTO"} <= found(uk)  # протестах, ОДКБ


def test_phrases_prefer_the_longest_match():
    g = gl.build_glossary(
        [
            gl.Group("protest", gl.RANK_GLOSSARY, {"ru": ["протест"]}, True),
            gl.Group("rally", gl.RANK_GLOSSARY, {"ru": ["акция протест"]}, True),
        ],
        ("ru", "en"),
    )
    assert g.concepts_in([["акция", "протест", "и", "протест"]], "ru") == ("protest", "rally")
    assert g.concepts_in([["акция", "протест"]], "ru") == ("rally",)
    assert g.longest == 2


def test_any_terms_go_to_every_language_and_groups_merge():
    g = gl.build_glossary(
        [
            gl.Group("CSTO", gl.RANK_ENTITY, {"any": ["одкб"]}, True),
            gl.Group("CSTO", gl.RANK_ENTITY, {"kk": ["ұқшұ"]}, True),
        ],
        ("ru", "kk", "en"),
    )
    assert len(g.entries) == 1
    assert g.english("одкб", "kk") == g.english("одкб", "ru") == "CSTO"
    assert g.english("ұқшұ", "kk") == "CSTO" and g.english("ұқшұ", "ru") is None
    assert g.english("csto", "en") == "CSTO"  # the headword is an English term


def test_a_malformed_glossary_file_is_an_error(tmp_path):
    from generator.settings import ConfigError

    bad = tmp_path / "glossary.yml"
    bad.write_text("concepts:\n  oil: [нефть]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"concepts\.oil"):
        gl.glossary_groups(bad)
    bad.write_text("oil: {ru: [нефть]}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="concepts"):
        gl.glossary_groups(bad)
    assert gl.glossary_groups(tmp_path / "missing.yml") == []


def test_the_glossary_is_frozen_and_deterministic(settings, ctx, glossary):
    again = gl.load_glossary(settings, ctx)
    assert again.entries == glossary.entries
    assert list(again.index) == list(glossary.index)
    with pytest.raises(AttributeError):
        glossary.longest = 3  # type: ignore[misc]
