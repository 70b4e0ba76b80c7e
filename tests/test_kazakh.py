"""The Kazakh suffix stripper on real forms (seed 002 and common news words)."""

from pathlib import Path

import pytest

from generator.nlp import kazakh

LISTS = Path(__file__).parents[1] / "config" / "languages"
KEEP = kazakh.load_keep(LISTS / "kk.keep.txt")
ELIDED = kazakh.load_elided(LISTS / "kk.elision.txt")


def stem(word: str) -> str:
    return kazakh.stem(word, KEEP, ELIDED)


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Қазақстанның", "қазақстан"),  # genitive -ның
        ("мұнайды", "мұнай"),  # accusative -ды
        ("ынтымақтастықты", "ынтымақтастық"),  # accusative -ты after a voiceless consonant
        ("Қазақстанмен", "қазақстан"),  # instrumental -мен (no vowel harmony)
        ("Қазақстанға", "қазақстан"),  # dative -ға
        ("Қазақстанда", "қазақстан"),  # locative -да
        ("Қазақстаннан", "қазақстан"),  # ablative -нан after н
        ("Қазақстандағы", "қазақстан"),  # locative-attributive -дағы
        ("Ресейден", "ресей"),  # front-vowel ablative
        ("Ресейге", "ресей"),  # front-vowel dative
        ("елдердің", "ел"),  # plural + genitive
        ("байланыстарды", "байланыс"),  # plural -тар + accusative
        ("ресурстары", "ресурс"),  # plural + 3rd-person possessive
        ("нарығына", "нарық"),  # possessive + dative -на, ғ restored to қ
        ("ынтымақтастығы", "ынтымақтастық"),
        ("Президентімен", "президент"),  # possessive + instrumental
        ("Президенті", "президент"),  # possessive -і, not accusative -ті (н is voiced)
        ("Республикасы", "республика"),  # possessive -сы after a vowel
        ("күштерінің", "күш"),
        ("Тоқаевтың", "тоқаев"),  # back suffix after a loanword -ев
        ("Тоқаевқа", "тоқаев"),
        ("Путинге", "путин"),
        ("облысының", "облыс"),  # облыс + -ы + -ның, not облы + -сы
        ("хатшысының", "хатшы"),  # an agent noun in -шы takes -сы
        ("келісімге", "келісім"),  # no 1st-person -ім: the word would lose its end
        ("ұйымға", "ұйым"),
        ("заңға", "заң"),
        ("елі", "ел"),
        ("чемпионы", "чемпион"),  # not чемпио + -ны: о never ends a Kazakh stem
    ],
)
def test_inflected_forms(form, expected):
    assert stem(form) == expected


@pytest.mark.parametrize(
    "word",
    [
        "Қазақстан",
        "мұнай",
        "газ",
        "Астана",
        "Алматы",
        "қаңтар",
        "жиын",
        "отын",
        "соңғы",
        "қазіргі",
        "Теңіз",  # not те + -ңіз
    ],
)
def test_bare_words_are_left_alone(word):
    assert stem(word) == word.lower()


@pytest.mark.parametrize(
    "forms",
    [
        ("Алматы", "Алматыда", "Алматыға", "Алматының"),
        ("қаңтар", "қаңтарда", "қаңтарда"),
        ("Тоқаев", "Тоқаевтың", "Тоқаевқа", "Тоқаевпен"),
        ("шығын", "шығыны", "шығынын", "шығынының"),  # -ын is part of the word
        ("газ", "газы", "газын", "газды", "газдың"),
        ("баға", "бағасы", "бағасын", "бағаның"),  # kk.keep.txt: not ба + -ға
        ("теңге", "теңгеге"),
        ("жалақы", "жалақыны"),
        ("ҰҚШҰ", "ҰҚШҰ-ның"),
        ("Қарағанды", "Қарағандыда", "Қарағандыға"),
    ],
)
def test_forms_of_one_word_share_a_stem(forms):
    assert len({stem(f) for f in forms}) == 1


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("долларды", "доллар"),  # after л the plural is -дар: not дол + -лар
        ("қалалар", "қала"),
        ("шарлар", "шар"),  # -лар after р
        ("маманның", "маман"),
        ("Астанадан", "астана"),  # after a vowel the ablative is -дан, not -нан
    ],
)
def test_consonant_initial_suffixes_follow_the_letters_they_follow(form, expected):
    assert stem(form) == expected


def test_vowel_harmony_blocks_a_wrong_suffix():
    # -де is front: it is not stripped from a back-vowel word such as "мұнайде" (not Kazakh)
    assert stem("мұнайде") == "мұнайде"
    assert stem("мұнайда") == "мұнай"


def test_without_the_keep_list_a_place_name_is_over_stripped():
    # documents why config/languages/kk.keep.txt exists
    assert kazakh.stem("Қарағанды") == "қараған"
    assert stem("Қарағанды") == "қарағанды"


def test_acronym_with_a_hyphenated_ending():
    assert stem("КҚК-ның") == "кқк"
    assert stem("сауда-экономикалық") == "сауда-экономикалық"


def test_load_keep_ignores_comments_and_missing_files(tmp_path):
    path = tmp_path / "kk.keep.txt"
    path.write_text("# comment\nАлматы  # a city\n\n", encoding="utf-8")
    assert kazakh.load_keep(path) == frozenset({"алматы"})
    assert kazakh.load_keep(tmp_path / "missing.txt") == frozenset()


@pytest.mark.parametrize(
    ("forms", "word"),
    [
        (["орын", "орны", "орнына", "орнында", "орнынан"], "орын"),
        (["халық", "халқы", "халқына", "халықтың"], "халық"),
        (["кенорын", "кенорны", "кенорнында"], "кенорын"),
        (["қалып", "қалпына", "қалпы"], "қалып"),
    ],
)
def test_a_word_that_drops_its_last_vowel_keeps_one_stem(forms, word):
    # орын -> орны (kk.elision.txt): without the list орнына is "орн" and халқы "халқы"
    assert {stem(f) for f in forms} == {word}
    assert kazakh.stem("орнына", KEEP) == "орн"
