"""Line-aware sentence splitting on seed text, with abbreviations, initials and quotes."""

from pathlib import Path

import pytest

from generator.nlp.sentences import join_sentences, load_splitter, split_sentences
from generator.settings import ConfigError

SEEDS = Path(__file__).parents[1] / "seeds" / "raw"


def seed_text(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_a_headline_line_is_a_sentence_of_its_own():
    text = (
        "Ресей Қазақстанмен энергетикалық ынтымақтастықты кеңейтуді көздеп отыр\n"
        "Ресей Қазақстанмен энергетикалық ынтымақтастықты, оның ішінде үшінші елдердің "
        "нарығына бірлесіп шығу бағытында кеңейтуді жоспарлап отыр."
    )
    sentences = split_sentences(text, "kk")
    assert len(sentences) == 2
    assert sentences[0] == "Ресей Қазақстанмен энергетикалық ынтымақтастықты кеңейтуді көздеп отыр"


def test_every_line_of_a_seed_ends_a_sentence():
    text = seed_text("000")
    sentences = split_sentences(text, "ru")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # no sentence spans two lines: each one is inside a single line of the input
    assert all(any(s in line for line in lines) for s in sentences)
    assert "Редакция сайта ТАСС" in sentences


def test_sentences_inside_a_paragraph():
    paragraph = (
        '"Мы на постоянной связи с украинской стороной по этим вопросам. Естественно, мы '
        "всегда доводим свою озабоченность. Вы знаете, их (украинский - прим. ТАСС) посол "
        'здесь находится, он в курсе этих событий."'
    )
    assert split_sentences(paragraph, "ru") == [
        '"Мы на постоянной связи с украинской стороной по этим вопросам.',
        "Естественно, мы всегда доводим свою озабоченность.",
        'Вы знаете, их (украинский - прим. ТАСС) посол здесь находится, он в курсе этих событий."',
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Беспорядки начались в г. Алматы 4 января.", "ru"),
        ("Это, т. е. протест, началось 2 января 2022 г. в Жанаозене.", "ru"),
        ("Акция прошла на ул. Абая у памятника им. Абая.", "ru"),
        ("Добыча выросла до 1,5 млн. баррелей в сутки.", "ru"),
        ("Виступ відбувся на вул. Хрещатик у м. Київ.", "uk"),
        ("Оқиға 2022 ж. қаңтарда Алматы қ. болды.", "kk"),
        ("Mr. Tokayev met Gen. Sidorov in the U.S. embassy.", "en"),
    ],
)
def test_abbreviations_do_not_end_a_sentence(text, language):
    assert split_sentences(text, language) == [text]


def test_an_abbreviation_that_may_end_a_sentence():
    text = "Обсуждали нефть, газ, уголь и т.д. Переговоры продолжатся завтра."
    assert split_sentences(text, "ru") == [
        "Обсуждали нефть, газ, уголь и т.д.",
        "Переговоры продолжатся завтра.",
    ]


def test_initials_do_not_end_a_sentence():
    text = "Президент В. В. Путин провел переговоры. Д. С. Песков это подтвердил."
    assert split_sentences(text, "ru") == [
        "Президент В. В. Путин провел переговоры.",
        "Д. С. Песков это подтвердил.",
    ]


def test_quoted_speech_with_attribution_stays_one_sentence():
    text = (
        "Країна зараз тільки приходить до тями від того, що сталося», - запевнили в "
        "посольстві РК. Раніше під час онлайн-саміту ОДКБ заявив президент РФ Володимир Путін."
    )
    sentences = split_sentences(text, "uk")
    assert len(sentences) == 2
    assert sentences[0].endswith("запевнили в посольстві РК.")


def test_question_inside_quotes_followed_by_dash():
    text = "«Вы готовы?» — спросил Песков. «Да», — ответил он."
    assert split_sentences(text, "ru") == ["«Вы готовы?» — спросил Песков.", "«Да», — ответил он."]


def test_period_inside_closing_quote_ends_the_sentence():
    text = "Он сказал: «Миссия завершена.» Войска ушли."
    assert split_sentences(text, "ru") == ["Он сказал: «Миссия завершена.»", "Войска ушли."]


def test_lower_case_after_a_period_continues():
    text = "Цены выросли в 2 раза... и это вызвало протесты."
    assert split_sentences(text, "ru") == [text]


def test_unknown_language_splits_without_abbreviations():
    assert split_sentences("One line\nTwo sentences. Here.", "xx") == [
        "One line",
        "Two sentences.",
        "Here.",
    ]


def test_join_sentences_ends_every_sentence():
    joined = join_sentences(["Заголовок без точки", "Предложение.", "«Цитата?»"])
    assert joined == "Заголовок без точки.\nПредложение.\n«Цитата?»"


def test_bad_abbreviation_file_names_the_file(tmp_path):
    (tmp_path / "ru.abbreviations.yml").write_text("abbrevs: [г]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"ru\.abbreviations\.yml.*abbrevs"):
        load_splitter("ru", tmp_path)
