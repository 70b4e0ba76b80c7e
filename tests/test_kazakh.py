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


# ------------------------------------------------------ Kazakh in Latin or Arabic letters

ALPHABETS = {a.name: a for a in kazakh.load_alphabets(LISTS / "kk.alphabets.yml")}
REALSET = Path(__file__).parent / "data" / "realset"


@pytest.mark.parametrize(
    ("page", "alphabet", "latin", "cyrillic"),
    [
        # Kazinform's Latin edition, the alphabet of 2018 (acute accents; ı is й after a vowel)
        ("dev2/i_kk_qzinform_latin_cpc_attack_loss.txt", "2018", "Kaspıı", "каспий"),
        ("dev2/i_kk_qzinform_latin_cpc_attack_loss.txt", "2018", "munaıy", "мұнайы"),
        ("dev2/i_kk_qzinform_latin_cpc_attack_loss.txt", "2018", "shabýyldan", "шабуылдан"),
        ("dev/kk_inform_latin_kashagan_maintenance.txt", "2018", "ýaqytsha", "уақытша"),
        # qazaqtimes.com, the alphabet of 2021 (ı is ы, y is й, w is ұ)
        ("dev/kk_qazaqtimes_latin_kordai_trial.txt", "2021", "Qordaydağı", "қордайдағы"),
        ("dev/kk_qazaqtimes_latin_kordai_trial.txt", "2021", "wltaralıq", "ұлтаралық"),
        # Astana aqşamy, the alphabet with ŋ and ǧ (ı is і, i is й after a vowel)
        (
            "dev8/kk_astanaakshamy_nurmagambetov_centenary_moscow.txt",
            "ŋǧ",
            "Reseidegı",
            "ресейдегі",
        ),
        (
            "dev8/kk_astanaakshamy_nurmagambetov_centenary_moscow.txt",
            "ŋǧ",
            "Nūrmaǧambetovtyŋ",
            "нұрмағамбетовтың",
        ),
        # Abai.kz, digraphs gh and ng (ú is ұ, ý is ү)
        ("dev5/kk_abai_blinken_karakalpakstan_latin.txt", "gh", "súraghyna", "сұрағына"),
        ("dev5/kk_abai_blinken_karakalpakstan_latin.txt", "gh", "Nýkiste", "нүкісте"),
        # infohub.kz, the Arabic script: back vowels, front ones after the hamza; the -мен of
        # no harmony marks nothing
        ("dev5/kk_infohub_druzhba_kaleikino_attack.txt", "tote", "قۇبىرىنا", "құбырына"),
        ("dev5/kk_infohub_druzhba_kaleikino_attack.txt", "tote", "ءورت", "өрт"),
        ("dev5/kk_abai_btc_tariff_transit.txt", "tote", "قۇبىرىمەن", "құбырымен"),
    ],
)
def test_a_page_in_other_letters_is_told_its_alphabet_and_read_in_cyrillic(
    page, alphabet, latin, cyrillic
):
    text = (REALSET / page).read_text(encoding="utf-8")
    found = kazakh.text_alphabet(text, tuple(ALPHABETS.values()))
    assert found is not None and found.name == alphabet
    assert latin in text
    assert kazakh.to_cyrillic(latin, found) == cyrillic


def test_a_cyrillic_page_has_no_latin_alphabet_and_words_in_cyrillic_stay():
    text = (REALSET / "dev/kk_inform_orenburg_plant_no_gas_shortage.txt").read_text("utf-8")
    assert kazakh.text_alphabet(text, tuple(ALPHABETS.values())) is None
    assert kazakh.to_cyrillic("Қазақстан", ALPHABETS["2018"]) == "Қазақстан"
    assert kazakh.text_to_cyrillic("Qasym-Jomart Toqaev, KQK", ALPHABETS["2018"]) == (
        "Қасым-Жомарт Тоқаев, КҚК"
    )


def test_a_kazinform_page_in_latin_letters_is_analysed_like_a_cyrillic_one():
    """Kazinform's Latin page on the CPC attack (dev2): its lemmas are Cyrillic, so the
    energy-transit topic, Cyrillic keywords and the registry's entities are found; the
    summary stays as written."""
    from generator.analyse import analyse_text, load_context
    from generator.evaluate import ArticleLoader
    from generator.settings import load_settings
    from generator.topics import topic_scores

    settings = load_settings(Path(__file__).parents[1] / "digest.yml")
    ctx = load_context(settings)
    art = ArticleLoader(settings)(REALSET / "dev2/i_kk_qzinform_latin_cpc_attack_loss.txt")
    text = analyse_text(art, ctx)
    assert "energy_transit" in {s.topic for s in topic_scores(text, ctx.taxonomy) if s.assigned}
    assert "мұнай" in [k.lower() for k in map(str, text.keywords)]
    assert "Caspian Pipeline Consortium" in {e.name for e in text.entities}
    assert "Kaspıı qubyr" in " ".join(text.summary)
