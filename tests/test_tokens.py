"""Word tokens on real seed text (ru, uk, kk)."""

from generator.nlp.tokens import is_number, normalize_apostrophes, words

UK_SEED_SENTENCE = (
    "З'являються окремі інсинуації, що мають на меті внесення сумнівів у довірчі відносини "
    "між Україною та Казахстаном."
)
RU_SEED_QUOTE = (
    "[Президент Казахстана Касым-Жомарт] Токаев вчера говорил об этом, именно это и является "
    "первоисточником», — сказал Песков."
)


def test_ukrainian_apostrophe_stays_inside_the_word():
    tokens = words(UK_SEED_SENTENCE)
    assert tokens[0] == "З'являються"
    assert tokens[-1] == "Казахстаном"
    assert "," not in tokens and "." not in tokens


def test_typographic_and_modifier_apostrophes():
    assert words("зобов’язання та обʼєкт") == ["зобов’язання", "та", "обʼєкт"]
    assert normalize_apostrophes("зобов’язання обʼєкт") == "зобов'язання об'єкт"


def test_quotes_around_a_word_are_not_apostrophes():
    assert words("так званий 'слід' і ‘майдан’") == ["так", "званий", "слід", "і", "майдан"]


def test_hyphenated_names_and_brackets():
    tokens = words(RU_SEED_QUOTE)
    assert tokens[:4] == ["Президент", "Казахстана", "Касым-Жомарт", "Токаев"]
    assert "Алма-Ате" in words("в Алма-Ате — крупнейшем городе")
    assert all(t.strip("[]«»—,.") == t for t in tokens)


def test_a_dash_between_spaces_is_not_a_word():
    assert words("крупнейшем городе страны — Алма-Ате.") == [
        "крупнейшем",
        "городе",
        "страны",
        "Алма-Ате",
    ]


def test_kazakh_letters():
    sentence = "Ресей Қазақстанмен энергетикалық ынтымақтастықты кеңейтуді көздеп отыр"
    assert words(sentence) == sentence.split()


def test_numbers_are_tokens_and_recognised():
    tokens = words("АСТАНА, 24 ноября. В 2025 году, в 10:30, 1,5 млн")
    assert tokens == ["АСТАНА", "24", "ноября", "В", "2025", "году", "в", "10:30", "1,5", "млн"]
    assert [t for t in tokens if is_number(t)] == ["24", "2025", "10:30", "1,5"]


def test_soft_hyphen_is_removed():
    assert words("Казах\u00adстан") == ["Казахстан"]
