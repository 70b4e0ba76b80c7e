"""English access on the seeds (real text, real analysis): the one-line English "what" of a
story, canonical entity names with their originals, English topic names, keyword glosses,
and machine translation through a stand-in engine (never the real Argos Translate)."""

from __future__ import annotations

import dataclasses
import re
from typing import ClassVar

import pytest

from generator.render.english import (
    event_type,
    format_date,
    key_entities,
    load_english,
    original_name,
    what_line,
)
from generator.render.pages import build_pages
from generator.render.stories import stories_or_singletons
from generator.settings import ConfigError, load_settings
from generator.translate import (
    TranslationCache,
    Translator,
    load_translator,
    texts_to_translate,
    translate_digest,
    translate_texts,
)

CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґӘәҒғҚқҢңӨөҰұҮүҺһ]")


class DictTranslator:
    """A stand-in engine: word-for-word from a small dictionary (unknown words kept),
    Russian and Ukrainian only; counts its calls."""

    name = "dict-test"
    WORDS: ClassVar[dict[str, str]] = {
        "Путин": "Putin",
        "обсудил": "discussed",
        "с": "with",
        "коллегами": "colleagues",
        "по": "from",
        "ОДКБ": "the CSTO",
        "ситуацию": "the situation",
        "в": "in",
        "Казахстане": "Kazakhstan",
        "Песков": "Peskov",
        "оценил": "assessed",
        "информацию": "the information",
        "о": "on",
        "присутствии": "presence",
        "иностранных": "of foreign",
        "группировок": "groups",
    }

    def __init__(self) -> None:
        self.calls = 0

    def supports(self, source: str, target: str) -> bool:
        return source in ("ru", "uk") and target == "en"

    def translate(self, text: str, source: str, target: str) -> str:
        self.calls += 1
        return " ".join(self.WORDS.get(w, w) for w in text.split())


@pytest.fixture(scope="module")
def project_settings(root):
    return load_settings(root / "digest.yml")


@pytest.fixture(scope="module")
def digest(project_settings):
    from generator.pipeline import prepare_digest

    return prepare_digest(project_settings, use_cache=False)


@pytest.fixture(scope="module")
def english(project_settings):
    return load_english(project_settings)


@pytest.fixture(scope="module")
def pages(digest, project_settings):
    return build_pages(digest, project_settings)


def _story_with(digest, title_part: str):
    by_id = digest.by_id()
    for st in stories_or_singletons(digest):
        if any(title_part in by_id[i].article.title for i in st.article_ids):
            return st, [by_id[i] for i in st.article_ids]
    raise AssertionError(f"no story with a report titled ...{title_part}...")


def test_what_line_names_the_date_and_the_canonical_entities_of_the_title(digest, english):
    # "Путин обсудил с коллегами по ОДКБ ситуацию в Казахстане" (Sputnik, 7 January 2022)
    story, reports = _story_with(digest, "Путин обсудил с коллегами по ОДКБ")
    line = what_line(reports, english, story.first_seen)
    parts = line.split(" · ")
    assert parts[0] == "7 Jan 2022" == format_date(reports[0].article.date)
    assert parts[1:] == ["Vladimir Putin", "CSTO", "Kazakhstan"]
    assert not CYRILLIC.search(line)


def test_what_line_of_a_cross_language_story(digest, english):
    # Peskov (ru, TASS) and the Kazakh embassy in Kyiv (uk), both of 10 January 2022
    story, reports = _story_with(digest, "Песков оценил информацию")
    assert {a.language for a in reports} == {"ru", "uk"}
    line = what_line(reports, english, story.first_seen)
    assert line.startswith("10 Jan 2022 · Dmitry Peskov · ")
    names = {e.name for a in reports for e in a.text.entities}
    shown = [p for p in line.split(" · ")[1:] if p in names]
    assert "Kazakhstan" in shown and len(shown) == 3
    assert not CYRILLIC.search(line)


def test_event_type_comes_from_the_story_concepts_of_the_reports(digest, english):
    # "Астана обсуждает с Киевом по дипканалам атаки на объекты с сырьем из Казахстана"
    _story, reports = _story_with(digest, "атаки на объекты")
    assert event_type(reports, english) == "attack"
    assert " · attack · " in what_line(reports, english)
    # the Kazakh energy-cooperation report names no event: "Қазақстан" names an entity, so it
    # is not the concept word "қаза*" (death) although it starts with it
    _story, kk = _story_with(digest, "энергетикалық ынтымақтастықты")
    assert event_type(kk, english) == ""
    assert what_line(kk, english) == "Vladimir Putin · Kazakhstan · Russia"  # undated


def test_original_names_are_dictionary_forms_in_the_reports_language(digest, english):
    _story, ru = _story_with(digest, "Путин обсудил с коллегами по ОДКБ")
    assert original_name("Kassym-Jomart Tokayev", ru, english) == "Касым-Жомарт Токаев"
    assert original_name("CSTO", ru, english) == "ОДКБ"
    _story, kk = _story_with(digest, "энергетикалық ынтымақтастықты")
    assert original_name("Kazakhstan", kk, english) == "Қазақстан"
    assert original_name("Caspian Pipeline Consortium", kk, english) == "Каспий құбыр консорциумы"
    _story, ru2 = _story_with(digest, "атаки на объекты")
    assert original_name("Kyiv", ru2, english) == "Киев"  # the text says "Киевом", "Киева"
    assert original_name("Nobody at all", ru2, english) == ""
    # the text says "Актюбинской области", "Алма-Ате": the registry's forms are shown
    _story, both = _story_with(digest, "Песков оценил информацию")
    assert original_name("Aktobe Region", both, english, "ru") == "Актюбинская область"
    assert original_name("Almaty", both, english, "ru") == "Алма-Ата"


def test_cards_and_pages_show_the_english_lines_and_original_names(pages, digest, english):
    home = pages["index.md"]
    assert "<strong>In English:</strong> 24 Nov 2025 · attack · Kazakhstan" in home
    assert "Key entities:</strong> [Aibek Smadiyarov (Айбек Смадияров)]" in home
    story_page = next(v for k, v in pages.items() if k.startswith("stories/"))
    assert "<strong>In English:</strong> 10 Jan 2022 · Dmitry Peskov" in story_page
    assert "[Kazakhstan (Казахстан)]" in story_page
    # one-line stories carry it too (the home page's earlier stories of other topics)
    assert "<br>*In English:* 7 Jan 2022 · Vladimir Putin · CSTO · Kazakhstan" in home
    article = next(v for v in pages.values() if "# Путин обсудил с коллегами по ОДКБ" in v)
    assert "<strong>In English:</strong> 7 Jan 2022 · Vladimir Putin · CSTO · Kazakhstan" in article
    assert "[Kassym-Jomart Tokayev (Касым-Жомарт Токаев)]" in article


def test_cards_show_english_topic_names_in_either_interface(digest, project_settings):
    titles = {"unrest_2022": "January 2022 unrest in Kazakhstan"}
    en = build_pages(digest, project_settings)
    assert f"[{titles['unrest_2022']}](topics/unrest_2022.md)" in en["index.md"]
    ru_settings = project_settings.replace(
        site=dataclasses.replace(project_settings.site, language="ru")
    )
    ru = build_pages(digest, ru_settings)
    links = re.findall(r"\[([^\]]+)\]\(topics/unrest_2022\.md\)", ru["index.md"])
    assert links and all(titles["unrest_2022"] in label for label in links), links
    assert any(CYRILLIC.search(label) for label in links)  # the Russian title stays first


def test_keyword_glosses_render_only_where_given(digest, project_settings, pages):
    article_path = next(p for p, v in pages.items() if "# Астана обсуждает с Киевом" in v)
    assert "атака (" not in pages[article_path]
    glossed = build_pages(digest, project_settings, gloss={"атака": "attack"})
    assert "атака (attack)" in glossed[article_path]
    assert "атака (attack)" in glossed["index.md"]  # the home page's card of the same story
    assert "дипканал (" not in glossed[article_path]


def test_stand_in_engine_translations_appear_marked(digest, project_settings, tmp_path):
    engine = DictTranslator()
    assert isinstance(engine, Translator)
    translations = translate_digest(digest, engine, TranslationCache(tmp_path))
    pages = build_pages(digest, project_settings, translations=translations)
    article = next(v for v in pages.values() if "# Путин обсудил с коллегами по ОДКБ" in v)
    assert (
        "<strong>English (machine translation):</strong> "
        "*Putin discussed with colleagues from the CSTO the situation in Kazakhstan*"
    ) in article
    story_page = next(v for k, v in pages.items() if k.startswith("stories/"))
    assert "English (machine translation)" in story_page
    assert "*Peskov assessed the information on presence of foreign groups in Kazakhstan*" in (
        story_page
    )
    # Kazakh is not a pair of the stand-in engine: its article stays unmarked
    kk = next(v for v in pages.values() if "# Ресей Қазақстанмен" in v)
    assert "machine translation" not in kk


def test_without_an_engine_nothing_is_marked(digest, project_settings, pages, capsys):
    assert project_settings.translation.engine == "none"
    assert load_translator(project_settings) is None
    assert translate_digest(digest, None) == {}
    assert capsys.readouterr().err == ""
    assert not [p for p, v in pages.items() if "machine translation" in v.lower()]


def test_missing_argos_gives_one_warning_and_no_translation(project_settings):
    try:
        import argostranslate  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("argostranslate is installed here; this checks its absence")
    s = project_settings.replace(
        translation=dataclasses.replace(project_settings.translation, engine="argos")
    )
    warnings: list[str] = []
    assert load_translator(s, warn=warnings.append) is None
    assert len(warnings) == 1 and "argostranslate is not installed" in warnings[0]


def test_translation_cache_reuses_entries_and_ignores_foreign_ones(digest, tmp_path):
    items = texts_to_translate(digest)
    assert items == sorted(set(items)) and all(lang != "en" for lang, _ in items)
    first_engine, cache = DictTranslator(), TranslationCache(tmp_path)
    first, stats = translate_texts(items, first_engine, cache)
    assert stats.translated == first_engine.calls > 0 and stats.cached == 0
    again_engine = DictTranslator()
    again, stats = translate_texts(items, again_engine, TranslationCache(tmp_path))
    assert again == first and again_engine.calls == 0 and stats.cached == stats.texts
    # an entry written for other text under the key is a miss, not a wrong translation
    path = next(tmp_path.rglob("*.json"))
    path.write_text('{"engine": "dict-test", "text": "other", "translation": "x"}')
    third_engine = DictTranslator()
    third, _ = translate_texts(items, third_engine, TranslationCache(tmp_path))
    assert third == first and third_engine.calls == 1


def test_machine_translation_is_escaped_like_any_third_party_text(digest, project_settings):
    title = next(a.article.title for a in digest.analyses if a.language == "ru")
    pages = build_pages(
        digest,
        project_settings,
        translations={title: "<script>alert(1)</script> [x](javascript:1)"},
    )
    text = "\n".join(pages.values())
    assert "<script>alert" not in text and "](javascript:" not in text


def test_unknown_translation_engine_is_a_config_error(tmp_path, root):
    cfg = tmp_path / "digest.yml"
    cfg.write_text("translation:\n  engine: google\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"translation\.engine"):
        load_settings(cfg, root=root)


def test_key_entities_put_people_first(digest):
    _story, reports = _story_with(digest, "Путин обсудил с коллегами по ОДКБ")
    kinds = [k for _, k in key_entities(reports, 6)]
    assert kinds == sorted(kinds, key=("person", "organization", "place", "facility").index)


def test_an_engine_missing_some_pairs_warns_once_and_keeps_the_others(
    project_settings, monkeypatch
):
    import generator.translate as translate

    monkeypatch.setattr(translate, "ArgosTranslator", DictTranslator)  # no real package
    s = project_settings.replace(
        translation=dataclasses.replace(project_settings.translation, engine="argos")
    )
    warnings: list[str] = []
    engine = load_translator(s, warn=warnings.append)
    assert isinstance(engine, DictTranslator)
    assert warnings == [
        "translation: no Argos Translate package for kk -> en; those languages are not translated"
    ]
    only_kk = s.replace(languages=("kk", "en"))
    warnings.clear()
    assert load_translator(only_kk, warn=warnings.append) is None
    assert len(warnings) == 1 and "building without machine translation" in warnings[0]


def test_keyword_glosses_come_from_an_english_function(digest):
    from generator.render.english import keyword_glosses

    known = {("атака", "ru"): "attack", ("мұнай", "kk"): "oil", ("Казахстан", "ru"): "Kazakhstan"}
    gloss = keyword_glosses(digest.analyses, lambda k, lang: known.get((k, lang)))
    assert gloss["атака"] == "attack" and gloss["мұнай"] == "oil"
    assert all(k in {kw for a in digest.analyses for kw in a.text.keywords} for k in gloss)


def test_the_built_site_glosses_keywords_from_the_glossary_not_from_topic_names(
    digest, project_settings
):
    from generator.render import glosses

    found = glosses(digest, project_settings)
    assert found["ОДКБ"] == "CSTO"  # an entity of the registry, in Russian and Ukrainian
    assert found["мұнай"] == "oil"  # config/glossary.yml, Kazakh
    assert found["атака"] == "attack"
    # a Kazakh keyword that only a topic's terms know gets no topic name as its gloss
    assert "энергетикалық ынтымақтастық" not in found
    assert all(":" not in g for g in found.values())
