"""Entities: alias registry across ru/uk/kk/en and case forms, Natasha for Russian, debris."""

from __future__ import annotations

import pickle
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.corpus import read_article
from generator.nlp.entities import EntityRegistry, extract_entities, load_registry
from generator.nlp.sentences import split_sentences
from generator.settings import ConfigError

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "data" / "devset"


@pytest.fixture(scope="module")
def registry() -> EntityRegistry:
    return load_registry(ROOT / "config" / "entities.yml")


@pytest.fixture(scope="module")
def ingested_seeds(settings):
    from generator.ingest import ingest_path, load_ingest_context

    ctx = load_ingest_context(settings)
    return {p.name[:3]: ingest_path(p, ctx) for p in sorted((ROOT / "seeds" / "raw").glob("*.txt"))}


def sentences_of(article) -> list[str]:
    lang = article.language
    out = [article.title] if article.title else []
    for p in article.paragraphs:
        out.extend(s for s in split_sentences(p, lang) if s.strip())
    return out


def names(mentions) -> dict[str, int]:
    return {m.name: m.count for m in mentions}


@pytest.mark.parametrize(
    ("sentence", "language", "canonical"),
    [
        # Tokayev in three languages and in several cases
        (
            "Путин говорил по телефону с президентом Казахстана Токаевым.",
            "ru",
            "Kassym-Jomart Tokayev",
        ),
        (
            "Песков прокомментировал слова Токаева о выводе миротворцев.",
            "ru",
            "Kassym-Jomart Tokayev",
        ),
        ("З проханням звернувся президент Касим-Жомарт Токаєв.", "uk", "Kassym-Jomart Tokayev"),
        (
            "Президент Қасым-Жомарт Тоқаевтың айтуынша, миссия аяқталды.",
            "kk",
            "Kassym-Jomart Tokayev",
        ),
        ("Мемлекет басшысы Тоқаевқа алғыс айтты.", "kk", "Kassym-Jomart Tokayev"),
        ("Protesters criticised Tokayev's decision.", "en", "Kassym-Jomart Tokayev"),
        # CSTO: acronyms of each language and the spelt-out name in an oblique case
        ("Токаев обратился в ОДКБ за помощью.", "ru", "CSTO"),
        ("Президент обратился в Организацию Договора о коллективной безопасности.", "ru", "CSTO"),
        ("Рішення ухвалила Організація Договору про колективну безпеку.", "uk", "CSTO"),
        ("Тоқаев ҰҚШҰ-ға көмек сұрап жүгінді.", "kk", "CSTO"),
        ("The CSTO sent troops.", "en", "CSTO"),
        # Almaty: the Russian old name in an oblique case, Ukrainian, Kazakh locative
        ("Ситуация обострилась в Алма-Ате.", "ru", "Almaty"),
        ("У середу протестувальники в Алмати захопили акімат.", "uk", "Almaty"),
        ("Алматыда наразылық тәртіпсіздікке ұласты.", "kk", "Almaty"),
        # Kazakhstan and Russia in Kazakh case forms
        ("Ресей Қазақстанмен ынтымақтастықты кеңейтеді.", "kk", "Kazakhstan"),
        ("Біз Қазақстанның мұнай экспортын түсінеміз.", "kk", "Kazakhstan"),
        ("Газ инфрақұрылымы Ресейден Қазақстанға жеткізуге бейімделген.", "kk", "Russia"),
        ("Каспий Құбыр Консорциумы (КҚК) жүйесі арқылы.", "kk", "Caspian Pipeline Consortium"),
        ("Нефть идет по системе КТК.", "ru", "Caspian Pipeline Consortium"),
        # surnames the dictionary does not know, in oblique cases (name_endings)
        ("Розмова з президентом Киргизстану Садиром Жапаровим.", "uk", "Sadyr Japarov"),
        ("Путин говорил с Садыром Жапаровым.", "ru", "Sadyr Japarov"),
        ("Смадиярова спросили о поставках.", "ru", "Aibek Smadiyarov"),
    ],
)
def test_aliases_map_to_one_canonical_entity(registry, sentence, language, canonical):
    got = names(extract_entities([sentence], language, registry))
    assert canonical in got, got


def test_full_name_is_one_mention_not_two(registry):
    got = extract_entities(["Касым-Жомарт Токаев вчера говорил об этом."], "ru", registry)
    tokayev = [m for m in got if m.name == "Kassym-Jomart Tokayev"]
    assert len(tokayev) == 1 and tokayev[0].count == 1
    assert tokayev[0].kind == "person"
    assert tokayev[0].forms == ("Касым-Жомарт Токаев",)


def test_surname_is_not_a_common_noun(registry):
    assert "Dmitry Peskov" in names(extract_entities(["Песков оценил информацию."], "ru", registry))
    assert "Dmitry Peskov" not in names(
        extract_entities(["На стройку завезли много песков и глины."], "ru", registry)
    )


def test_kinds_and_sorting_on_seed_004(ingested_seeds, registry):
    got = extract_entities(sentences_of(ingested_seeds["004"]), "ru", registry)
    by_name = {m.name: m for m in got}
    assert by_name["Kazakhstan"].kind == "place"
    assert by_name["CSTO"].kind == "organization"
    assert by_name["Vladimir Putin"].kind == "person"
    assert {"Sadyr Japarov", "Emomali Rahmon", "Alexander Lukashenko"} <= set(by_name)
    assert list(got) == sorted(got, key=lambda m: (-m.count, m.name, m.kind))


_DEBRIS = re.compile(r"[\[\](){}«»\"“”]|^\d+$|Домой|Новости|Подписаться|Фотобанк")


@pytest.mark.parametrize("seed", ["000", "003", "004"])
def test_no_bracket_or_debris_names_in_russian_seeds(ingested_seeds, registry, seed):
    got = extract_entities(sentences_of(ingested_seeds[seed]), "ru", registry)
    assert got
    for m in got:
        assert not _DEBRIS.search(m.name), m
        assert sum(c.isalpha() for c in m.name) >= 2, m
        assert all(not _DEBRIS.search(f) for f in m.forms), m


def test_debris_spans_from_a_raw_page_are_dropped(registry):
    raw = (ROOT / "seeds" / "raw" / "003_8b31f4d6cd7db2a5.txt").read_text(encoding="utf-8")
    lines = [line for line in raw.splitlines() if line.strip()]  # menu line, "336", "0" kept
    got = extract_entities(lines, "ru", registry)
    for m in got:
        assert not _DEBRIS.search(m.name), m
    assert "Kassym-Jomart Tokayev" in names(got)  # "[... Касым-Жомарт] Токаев" unified


def test_case_endings_are_tried_for_people_only(registry):
    # "Актюбинской" minus "-ой" is "Актюбинск" (Aktobe), but that is a place: no partial match
    got = extract_entities(["Это было в Актюбинской области."], "ru", registry)
    assert "Aktobe" not in names(got)


def test_russian_names_outside_the_registry_are_normalised(registry):
    # the Aktobe Region is in the registry now (issue 10); Belgorod's region is not
    got = extract_entities(
        ["Боевики попытались проникнуть на территорию воинской части в Белгородской области."],
        "ru",
        registry,
    )
    places = {m.name: m for m in got if m.kind == "place"}
    assert "Belgorodskaya oblast" in places  # normalised, then transliterated
    assert places["Belgorodskaya oblast"].forms == ("Белгородской области",)
    assert places["Belgorodskaya oblast"].transliterated


def test_ukrainian_and_kazakh_devset_articles_get_canonical_names(registry):
    uk = read_article(DEVSET / "uk_unrest_csto_troops_sent.md")
    kk = read_article(DEVSET / "kk_unrest_csto_peacekeepers_arrive.md")
    got_uk = names(extract_entities(sentences_of(uk), "uk", registry))
    got_kk = names(extract_entities(sentences_of(kk), "kk", registry))
    for got in (got_uk, got_kk):
        assert {"CSTO", "Kazakhstan", "Kassym-Jomart Tokayev", "Almaty"} <= set(got), got


def test_empty_input_and_unknown_language(registry):
    assert extract_entities([], "ru", registry) == ()
    assert extract_entities(["", "   "], "kk", registry) == ()
    # a language without aliases of its own falls back to the English and `any` aliases
    got = names(extract_entities(["Die CSTO und Tokayev in Almaty."], "de", registry))
    assert {"CSTO", "Kassym-Jomart Tokayev", "Almaty"} <= set(got)


def test_deterministic_and_picklable(registry, ingested_seeds):
    sents = sentences_of(ingested_seeds["003"])
    first = extract_entities(sents, "ru", registry)
    clone = pickle.loads(pickle.dumps(registry))
    assert extract_entities(sents, "ru", clone) == first
    assert clone.fingerprint() == registry.fingerprint()


def test_fingerprint_follows_the_file(tmp_path, registry):
    text = (ROOT / "config" / "entities.yml").read_text(encoding="utf-8")
    changed = tmp_path / "entities.yml"
    shutil.copytree(ROOT / "config" / "gazetteer", tmp_path / "gazetteer")
    changed.write_text(text.replace("Tokaev,", "Tokaev, Toqaev,"), encoding="utf-8")
    assert load_registry(changed).fingerprint() != registry.fingerprint()


def _write(tmp_path: Path, data: object) -> Path:
    p = tmp_path / "entities.yml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"persons": []}, "unknown key(s) 'persons'"),
        ({"people": [{"aliases": {"ru": ["Токаев"]}}]}, "people[0]"),
        ({"people": [{"name": "X", "aliases": {"ru": "Токаев"}}]}, "people: X: aliases.ru"),
        (
            {"places": [{"name": "Almaty", "aliases": {"ru": ["Алматы"]}}] * 2},
            "duplicate entity name",
        ),
        ({"drop": "x"}, "drop"),
    ],
)
def test_bad_registry_is_a_clear_config_error(tmp_path, data, message):
    path = _write(tmp_path, data)
    with pytest.raises(ConfigError) as err:
        load_registry(path)
    assert str(path) in str(err.value) and message in str(err.value)


@pytest.mark.parametrize(
    "name",
    [
        "ru_altynorda_dutbaev_on_massimov",
        "ru_amic_tokayev_shoot_order",
        "ru_24tv_cpc_spm2_sea_drones",
        "ru_thebell_ukibay_sovbez_handover",
    ],
)
def test_natasha_spans_are_natashas(name: str) -> None:
    """The step-by-step NER with the one-sequence Viterbi finds exactly the spans of
    ``NewsNERTagger(text)`` on real pages (raw dev text, debris included)."""
    from generator.nlp.entities import _natasha, _natasha_spans

    text = (ROOT / "tests" / "data" / "realset" / "dev" / f"{name}.txt").read_text("utf-8")
    expected = [(s.start, s.stop, s.type) for s in _natasha()[3](text).spans]
    got = [(s.start, s.stop, s.type) for s in _natasha_spans(text)]
    assert len(expected) >= 5
    assert got == expected
