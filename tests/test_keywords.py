"""Keywords of the seeds (clean text taken by hand from seeds/raw/000, 001, 002, 003)."""

from pathlib import Path

import pytest

from generator.nlp.keywords import extract_keywords
from generator.nlp.lemmas import get_lemmatizer
from generator.nlp.sentences import split_sentences
from generator.nlp.stopwords import load_stopwords

DATA = Path(__file__).parent / "data" / "nlp"
LANGUAGE_DIR = Path(__file__).parents[1] / "config" / "languages"

CASES = {
    # fixture: (language, lemma sets that must each be covered by some keyword)
    "seed_000_ru_clean.txt": ("ru", [{"казахстан"}, {"инфраструктура"}, {"смадияров"}]),
    "seed_001_uk_clean.txt": ("uk", [{"казахстан"}, {"український", "слід"}, {"інсинуація"}]),
    "seed_002_kk_clean.txt": ("kk", [{"мұнай"}, {"ынтымақтастық"}, {"каспий", "құбыр"}]),
    "seed_003_ru_headline_repeated.txt": ("ru", [{"песков"}, {"одкб"}, {"миротворец"}]),
}
MONTHS_AND_DEBRIS = {
    "января", "январь", "ноября", "ноябрь", "січня", "січень", "жов", "қаңтар", "маусым",
    "подписаться", "підписуйтеся", "фото", "telegram", "редакция",
}  # fmt: skip


def analyse(name: str) -> tuple[str, list[str], list[str]]:
    language, _ = CASES[name]
    sentences = split_sentences((DATA / name).read_text(encoding="utf-8"), language)
    lemmatizer = get_lemmatizer(language)
    stopwords = load_stopwords(language, LANGUAGE_DIR)
    return language, sentences, extract_keywords(sentences, language, lemmatizer, stopwords)


def keyword_lemmas(language: str, keyword: str) -> set[str]:
    stopwords = load_stopwords(language, LANGUAGE_DIR)
    return {lem for lem in get_lemmatizer(language).lemmas(keyword) if lem not in stopwords}


@pytest.mark.parametrize("name", sorted(CASES))
def test_central_terms_are_keywords(name):
    language, _, keywords = analyse(name)
    assert len(keywords) == 10
    covered = [keyword_lemmas(language, k) for k in keywords]
    for expected in CASES[name][1]:
        assert any(expected <= lemmas for lemmas in covered), (expected, keywords)


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_two_keywords_share_a_lemma(name):
    language, _, keywords = analyse(name)
    seen: set[str] = set()
    for keyword in keywords:
        lemmas = keyword_lemmas(language, keyword)
        assert lemmas, keyword
        assert not lemmas & seen, (keyword, keywords)
        seen |= lemmas


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_numbers_dates_stopwords_or_debris(name):
    language, _, keywords = analyse(name)
    stopwords = load_stopwords(language, LANGUAGE_DIR)
    for keyword in keywords:
        assert not any(ch.isdigit() for ch in keyword), keyword
        words_ = keyword.split()
        assert words_[0].lower() not in stopwords and words_[-1].lower() not in stopwords
        assert all(len(w) > 1 for w in words_), keyword
        assert not {w.lower() for w in words_} & MONTHS_AND_DEBRIS, keyword


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_keyphrase_spans_two_sentences(name):
    language, sentences, keywords = analyse(name)
    lemmatizer = get_lemmatizer(language)
    sentence_lemmas = [lemmatizer.lemmas(s) for s in sentences]
    for keyword in keywords:
        target = lemmatizer.lemmas(keyword)
        size = len(target)
        assert any(
            lemmas[i : i + size] == target
            for lemmas in sentence_lemmas
            for i in range(len(lemmas) - size + 1)
        ), keyword


def test_inflected_forms_merge_into_the_normal_form():
    _, _, keywords = analyse("seed_000_ru_clean.txt")
    lowered = [k.lower() for k in keywords]
    assert not any(k.endswith(("казахстане", "казахстаном")) for k in lowered)
    _, _, keywords = analyse("seed_002_kk_clean.txt")
    assert "мұнай" in keywords  # from мұнайды, мұнайдың, мұнай
    assert not any(k in keywords for k in ("мұнайды", "мұнайдың"))


def test_phrases_are_shown_in_the_nominative():
    _, _, keywords = analyse("seed_003_ru_headline_repeated.txt")
    assert "Дмитрий Песков" in keywords  # never "Дмитрия Пескова" or "песок"
    assert "присутствие иностранных группировок" in keywords


def test_headline_line_does_not_join_the_next_line():
    text = (
        "Ресей Қазақстанмен энергетикалық ынтымақтастықты кеңейтуді көздеп отыр\n"
        "Ресей Президенті Владимир Путин мәлімдеді. Ресей мұнай жеткізеді."
    )
    sentences = split_sentences(text, "kk")
    keywords = extract_keywords(
        sentences, "kk", get_lemmatizer("kk"), load_stopwords("kk", LANGUAGE_DIR)
    )
    assert not any("отыр" in k for k in keywords)


def test_debris_lines_give_no_keywords():
    sentences = [
        "Подписаться",
        "Фото: пресс-служба",
        "14:15 18 ноября 2025.",
        "Протестующие захватили здание администрации в Алма-Ате.",
    ]
    keywords = extract_keywords(
        sentences, "ru", get_lemmatizer("ru"), load_stopwords("ru", LANGUAGE_DIR)
    )
    assert keywords
    assert not {k.lower() for k in keywords} & {"подписаться", "фото", "ноябрь", "ноября"}
    assert all(not any(ch.isdigit() for ch in k) for k in keywords)


def test_deterministic_and_empty_input():
    assert analyse("seed_001_uk_clean.txt") == analyse("seed_001_uk_clean.txt")
    lemmatizer = get_lemmatizer("ru")
    assert extract_keywords([], "ru", lemmatizer, frozenset()) == []
    assert extract_keywords(["", "  "], "ru", lemmatizer, frozenset()) == []


def test_kazakh_stopwords_are_the_credited_list():
    stopwords = load_stopwords("kk", LANGUAGE_DIR)
    assert {"және", "бұл", "үшін", "туралы", "олардың"} <= stopwords
    header = (LANGUAGE_DIR / "kk.stopwords.txt").read_text(encoding="utf-8")[:600]
    assert "advertools" in header and "MIT" in header


def test_truncated_name_is_not_a_keyword():
    _, _, keywords = analyse("seed_001_uk_clean.txt")
    assert "Посольство Республіки" not in keywords  # of "Посольство Республіки Казахстан"


def test_full_name_takes_the_place_of_the_surname():
    sentences = [  # seed 004, first paragraphs
        "Российский лидер неоднократно говорил по телефону с президентом Казахстана "
        "Касым-Жомартом Токаевым, заявил Песков.",
        "Президент России Владимир Путин в четверг и пятницу провел ряд телефонных "
        "разговоров с коллегами из других стран ОДКБ, в том числе с казахстанским коллегой "
        "Касым-Жомартом Токаевым, по ситуации в Казахстане, сказал пресс-секретарь "
        "российского лидера Дмитрий Песков.",
        "По его словам, Путин также неоднократно говорил по телефону с президентом "
        "Казахстана Токаевым.",
    ]
    keywords = extract_keywords(
        sentences, "ru", get_lemmatizer("ru"), load_stopwords("ru", LANGUAGE_DIR)
    )
    assert "Касым-Жомарт Токаев" in keywords
    assert "Токаев" not in keywords and "Касым-Жомарт" not in keywords
