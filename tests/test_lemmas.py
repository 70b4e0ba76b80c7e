"""Lemmas for ru and uk (pymorphy3), kk (suffix stripper) and en (rules), on seed text."""

import pickle

import pytest

from generator.nlp.lemmas import Lemmatizer, get_lemmatizer

RU_SEED_SENTENCE = (
    "Официальный представитель Кремля Дмитрий Песков 10 января на брифинге оценил информацию "
    "о действиях иностранных группировок на территории Казахстана."
)


@pytest.fixture(scope="module")
def ru() -> Lemmatizer:
    return get_lemmatizer("ru")


@pytest.fixture(scope="module")
def uk() -> Lemmatizer:
    return get_lemmatizer("uk")


def test_russian_sentence_from_seed_003(ru):
    assert ru.lemmas(RU_SEED_SENTENCE) == [
        "официальный", "представитель", "кремль", "дмитрий", "песков", "10", "январь", "на",
        "брифинг", "оценить", "информация", "о", "действие", "иностранный", "группировка",
        "на", "территория", "казахстан",
    ]  # fmt: skip


def test_capitalised_surname_beats_common_noun(ru):
    assert ru.lemma("Песков") == "песков"
    assert ru.lemma("песков") == "песок"  # lower case: the common noun
    assert ru.lemma("Смадияров") == "смадияров"


@pytest.mark.parametrize("form", ["Токаев", "Токаева", "Токаеву", "Токаевым"])
def test_all_cases_of_a_surname_share_a_lemma(ru, form):
    assert ru.lemma(form) == "токаев"


def test_inflected_place_names(ru):
    assert {ru.lemma(w) for w in ("Казахстана", "Казахстан", "Казахстане")} == {"казахстан"}
    assert ru.lemma("Алма-Ате") == "алма-ата"
    assert ru.lemma("Новороссийске") == "новороссийск"


def test_yo_is_folded(ru):
    assert ru.lemma("Ёлки") == "елка"
    assert "ё" not in "".join(ru.lemmas("Её объём всё ещё растёт"))


def test_acronyms_are_lower_cased_not_inflected(ru):
    assert ru.lemma("ОДКБ") == "одкб"
    assert ru.lemma("КТК") == "ктк"
    assert ru.lemma("СИЗО") == "сизо"  # not the adjective "сизый"
    assert ru.lemma("МИДа") == "мид"


def test_ukrainian_apostrophes_lemmatise_alike(uk):
    assert uk.lemma("З'являються") == uk.lemma("З’являються") == "з'являтися"
    assert uk.lemma("зобов’язання") == "зобов'язання"


def test_ukrainian_names_and_places(uk):
    assert uk.lemma("Токаєва") == "токаєв"
    assert uk.lemma("Путіна") == "путін"
    assert uk.lemma("Казахстані") == uk.lemma("Казахстаном") == "казахстан"
    assert uk.lemma("Є") == "бути"  # one capital letter is a word, not an acronym


def test_kazakh_uses_the_suffix_stripper():
    kk = get_lemmatizer("kk")
    assert kk.lemmas("Ресей Қазақстанмен энергетикалық ынтымақтастықты кеңейтуді") == [
        "ресей", "қазақстан", "энергетикалық", "ынтымақтастық", "кеңейту",
    ]  # fmt: skip
    assert kk.lemma("Алматыда") == "алматы"  # config/languages/kk.keep.txt


def test_english_and_unknown_languages_use_light_rules():
    en = get_lemmatizer("en")
    assert en.lemmas("CSTO peacekeepers left Kazakhstan's cities") == [
        "csto", "peacekeeper", "left", "kazakhstan", "city",
    ]  # fmt: skip
    assert get_lemmatizer("de").lemma("Pipelines") == "pipeline"


def test_one_lemmatizer_per_language_and_it_pickles_by_language(ru):
    assert get_lemmatizer("ru") is ru
    assert pickle.loads(pickle.dumps(ru)) is ru
    assert get_lemmatizer("uk") is not ru


# Real sentences (tests/data/realset/dev3): pymorphy3 guesses an unknown surname in -ов as
# the genitive plural of a first name ("Масимов" -> "масим") and "Алмасадам" as a dative
# plural; a name in the news is one person, so neither is read as a plural.
REAL_NAMES = [
    # dev3/ru_karimmassimov_case_advocacy.txt
    ("Карим Масимов был задержан 5 января 2022 года", ["Карим", "Масимов"], "Карим Масимов"),
    # dev3/ru_caravaninfo_opec_production_growth.txt
    (
        "Министр энергетики Казахстана Алмасадам Саткалиев провел переговоры",
        ["Алмасадам", "Саткалиев"],
        "Алмасадам Саткалиев",
    ),
    # dev3/ru_kokshetauasia_kozhanov_inquiry.txt
    ("Генеральный прокурор РК Берик Асылов", ["Берик", "Асылов"], "Берик Асылов"),
]


@pytest.mark.parametrize(("sentence", "name", "normal"), REAL_NAMES)
def test_unknown_surname_is_not_a_plural_first_name(ru, sentence, name, normal):
    assert " ".join(name) in sentence
    assert ru.normal_phrase(name) == normal
    assert ru.lemma(name[-1]) == name[-1].lower()


def test_plural_only_places_keep_their_plural(ru):
    assert ru.lemma("Карпат") == "карпаты"
    assert ru.lemma("Альп") == "альпы"


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("Бектенов", "бектенов"),  # dev5/ru_energycity_kmg_resumes_btc: "Галибек Бектенов"
        ("Зась", "зась"),  # dev5/ru_factoram_zas_pashinyan_call: not a vocative of "Зася"
        ("Самаре", "самара"),  # the analyser's likeliest place, not a masculine "Самар"
        ("Путину", "путин"),  # a surname, not the noun "путина"
        ("Афин", "афины"),
    ],
)
def test_russian_names_and_places_in_any_case(ru, word, lemma):
    assert ru.lemma(word) == lemma


@pytest.mark.parametrize(("word", "lemma"), [("Харкові", "харків"), ("Самарі", "самара")])
def test_ukrainian_places_are_no_surnames_in_an_oblique_case(uk, word, lemma):
    assert uk.lemma(word) == lemma


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("headaches", "headache"),  # the stripper alone: "headach"
        ("crises", "crisis"),
        ("series", "series"),
        ("measles", "measles"),
        ("moorings", "mooring"),  # the stripper's word is known: kept
        ("protests", "protest"),
        ("ANI", "ani"),  # an acronym is not the plural of "anus"
    ],
)
def test_english_plural_falls_back_on_the_dictionary_only_for_non_words(word, lemma):
    assert get_lemmatizer("en").lemma(word) == lemma
