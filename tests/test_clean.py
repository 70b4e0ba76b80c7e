"""Debris rules, one class at a time, on lines taken from real pages; article text stays."""

from __future__ import annotations

import pytest

from generator.ingest.clean import build_rules, classify, clean_text, fold_homoglyphs, name_line
from generator.languages import load_language_packs


@pytest.fixture(scope="module")
def rules(settings):
    packs = load_language_packs(settings.path(settings.language_data), settings.languages)
    return build_rules(packs)


DEBRIS = [
    ("Здание МИД Казахстана © Vladimir Tretyakov/ Shutterstock/ FOTODOM", "photo_credit"),
    ("© POOL / Перейти в фотобанкПрезидент России Владимир Путин", "photo_credit"),
    ("Ілюстративне фото: depo.ua", "photo_credit"),
    ("Фото: Reuters", "photo_credit"),
    ("Сурет: Ақорда", "photo_credit"),
    ("Photo: AP", "photo_credit"),
    ("Подписаться", "subscribe"),
    ("Підписуйтеcь на наш Telegram-канал Lenta.UA - ЄДИНІ незалежні новини", "subscribe"),
    ("Подписывайтесь на наш канал в Дзен", "subscribe"),
    ("Telegram арнамызға жазылыңыз", "subscribe"),
    ("Читайте також: До Києва прилетів літак із Казахстану з українцями на борту", "read_also"),
    ("Читайте также: Правительство Казахстана ушло в отставку", "read_also"),
    ("См. также", "read_also"),
    ("Read more: Kazakh president names new prime minister", "read_also"),
    ("Оқи отырыңыз: Маңғыстауда газ бағасы төмендеді", "read_also"),
    ("336", "counter"),
    ("0", "counter"),
    ("1 250", "counter"),
    ("Поделиться", "share"),
    ("Facebook Twitter Telegram WhatsApp", "share"),
    ("Просмотров: 1250", "share"),
    ("Skip to main content", "skip_link"),
    ("Перейти к содержанию", "skip_link"),
    ("English | Русский | Қазақша", "language_switcher"),
    ("RU UA KZ EN", "language_switcher"),
    ("Домой Новости мира Песков оценил информацию", "breadcrumb"),
    ("Главная » Новости » Политика", "breadcrumb"),
    ("Home › World › Asia Pacific", "breadcrumb"),
    ("14:15 18 жов 2025.", "timestamp"),
    ("12:47 06.01.2022 (обновлено: 13:05 06.01.2022)", "timestamp"),
    ("January 19, 2022 10:42 AM GMT+6", "timestamp"),
    ("Сегодня, 09:30", "timestamp"),
    ("Президент России Владимир Путин - Sputnik Азербайджан, 1920, 07.01.2022", "header"),
    ("Лента новостей", "navigation"),
    ("Теги: Казахстан, ОДКБ", "tags"),
    ("Нашли ошибку? Выделите её и нажмите Ctrl+Enter", "prompt"),
    ("Комментарии (0)", "share"),
    ("👁 1 250", "counter"),
    ("При использовании материалов ссылка на сайт обязательна.", "prompt"),
    ("Усі права захищені.", "prompt"),
]


@pytest.mark.parametrize(("line", "kind"), DEBRIS)
def test_debris_line_class(rules, line, kind):
    assert classify(line, rules) == kind


ARTICLE_LINES = [
    "Пострадавших нет.",
    "Главная угроза для региона — нехватка воды.",
    "Главная задача правительства",
    "Фотографы и журналисты работали на месте событий всю ночь.",
    "Подписание соглашения состоялось 5 января 2022 года в Москве.",
    "10 января он заявил о восстановлении конституционного порядка в стране.",
    "В 2022 году цены выросли на 15%.",
    "– Қазір біз энергия ресурстары мен газ жеткізу аясын кеңейтуді қарастырып отырмыз.",
    "Тағы басқа бағыттар да бар.",
    "Share prices fell by 3% in Almaty on Monday.",
    "Об этом сообщает ТАСС.",
    "Стороны договорились продолжить консультации на уровне экспертов.",
    "Жиын барысында Қазақстан Республикасы Президенті Телерадиокешені директорының "
    "орынбасары Асқар Жалдинов сұрақ қойды:",
    "Кездесу Санкт-Петербург халықаралық экономикалық форумы аясында өтіп жатыр.",
]


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_article_lines_are_not_debris(rules, line):
    assert classify(line, rules) is None


def test_homoglyph_folding_only_touches_mixed_words():
    assert fold_homoglyphs("Підписуйтеcь на Telegram") == "Підписуйтесь на Telegram"
    assert fold_homoglyphs("Tomahawk и ракеты") == "Tomahawk и ракеты"


def test_name_lines(rules):
    assert name_line("Ігор ПетрукНовини", rules) == "Ігор Петрук"
    assert name_line("Аида РАХЫМҚҰЛОВА", rules) == "Аида Рахымқұлова"
    assert name_line("Пострадавших нет.", rules) is None
    assert name_line("Лента новостей", rules) is None
    assert name_line("Читать 5 минут", rules) is None
    assert name_line("Новости Казахстана", rules) is None


def test_headline_list_with_timestamps_is_removed_but_text_before_stays(rules):
    text = "\n".join(
        [
            "Заголовок статьи",
            "Первое предложение статьи. Второе предложение статьи.",
            "Последнее предложение статьи.",
            "Новость из боковой колонки номер один",
            "14:15 18 окт 2025",
            "Новость из боковой колонки номер два",
            "13:55 18 окт 2025",
        ]
    )
    cleaned = clean_text(text, rules)
    assert cleaned.body == (
        "Первое предложение статьи. Второе предложение статьи.\n\nПоследнее предложение статьи."
    )


def test_a_single_time_line_does_not_take_the_neighbouring_sentences(rules):
    text = "Заголовок\nПервое предложение.\n12:30\nВторое предложение."
    cleaned = clean_text(text, rules)
    assert cleaned.body == "Первое предложение.\n\nВторое предложение."


def test_hard_wrapped_paragraphs_are_joined(rules):
    text = (
        "Заголовок новой статьи\n\n"
        "Первая строка абзаца, которая\nпродолжается на второй строке.\n\n"
        "Второй абзац.\nТретий абзац начинается с заглавной."
    )
    cleaned = clean_text(text, rules)
    assert cleaned.body == (
        "Первая строка абзаца, которая продолжается на второй строке.\n\n"
        "Второй абзац.\n\nТретий абзац начинается с заглавной."
    )


def test_crawl_marker_is_not_part_of_the_title(rules):
    cleaned = clean_text(" date 2025-11 Заголовок новости\nТекст новости.", rules)
    assert cleaned.title == "Заголовок новости" and cleaned.crawl_date == "2025-11"


def test_first_line_that_is_a_sentence_stays_in_the_body(rules):
    cleaned = clean_text("Первое предложение статьи.\nВторое предложение статьи.", rules)
    assert cleaned.title == "Первое предложение статьи" and cleaned.title_in_body
    assert cleaned.body.startswith("Первое предложение статьи.")


def test_markup_in_text_stays_plain_text(rules):
    text = "Заголовок\n<script>alert(1)</script> Текст со {{ jinja }} и **markdown**."
    cleaned = clean_text(text, rules)
    assert cleaned.body == "<script>alert(1)</script> Текст со {{ jinja }} и **markdown**."


MORE_ARTICLE_LINES = [
    "По теме доклада выступил министр энергетики.",
    "На тему війни говорили всі учасники зустрічі.",
    "Тақырыпқа қатысты мәселелер талқыланды.",
    "Related talks were held in Astana on Monday.",
    "«Казмунайгаз» и «Тенгизшевройл» подписали соглашение",
    "Текст соглашения",
]


@pytest.mark.parametrize("line", MORE_ARTICLE_LINES)
def test_lines_that_start_like_debris_but_are_text(rules, line):
    assert classify(line, rules) is None
    cleaned = clean_text(f"Заголовок новой статьи\n{line}\nПоследнее предложение.", rules)
    assert line in cleaned.body and not cleaned.bylines


def test_live_blog_times_keep_their_sentences(rules):
    text = "\n".join(
        [
            "Хроника событий в Алматы",
            "10:00",
            "Протестующие собрались на площади.",
            "10:30",
            "Полиция перекрыла улицы в центре города.",
            "11:00",
            "Власти объявили комендантский час.",
        ]
    )
    cleaned = clean_text(text, rules)
    assert cleaned.body == (
        "Протестующие собрались на площади.\n\nПолиция перекрыла улицы в центре города.\n\n"
        "Власти объявили комендантский час."
    )


@pytest.fixture(scope="module")
def agency_rules(settings):
    from generator.sources import load_sources

    packs = load_language_packs(settings.path(settings.language_data), settings.languages)
    registry = load_sources(settings.path(settings.sources))
    return build_rules(packs, [a for s in registry.sources for a in (s.name, *s.aliases)])


@pytest.mark.parametrize(
    ("first", "agency", "rest"),
    [
        ("АСТАНА, 24 ноября. /ТАСС/. Казахстан доводит", "ТАСС", "Казахстан доводит"),
        ("БАКУ, 7 янв — Sputnik. Президент России", "Sputnik", "Президент России"),
        ("ALMATY, Jan 19 (Reuters) - Kazakhstan lifted", "Reuters", "Kazakhstan lifted"),
        ("Київ, 19 січня – Укрінформ. У Казахстані", "Укрінформ", "У Казахстані"),
        ("АСТАНА, 5 қаңтар. Kazinform – Мемлекет басшысы", "Kazinform", "Мемлекет басшысы"),
        ("Москва. 10 января. INTERFAX.RU - Казахстан и", "INTERFAX.RU", "Казахстан и"),
    ],
)
def test_agency_datelines_are_cut_from_the_first_paragraph(agency_rules, first, agency, rest):
    cleaned = clean_text(f"Заголовок\n{first} Россия обсудили.", agency_rules)
    assert cleaned.dateline is not None and cleaned.dateline.agency == agency
    assert cleaned.body == f"{rest} Россия обсудили."


@pytest.mark.parametrize(
    "sentence",
    [
        "Москва, 5 января – Президент ушел.",
        "АЛМАТЫ, 5 января — Президент ушел.",
        "АЛМАТЫ, 5 января — Президент подал в отставку.",
        "Астана. Президент – гарант Конституции.",
        "В Москве 5 января прошли переговоры.",
    ],
)
def test_sentences_that_look_like_datelines_stay_whole(agency_rules, sentence):
    cleaned = clean_text(f"Заголовок\n{sentence}", agency_rules)
    assert cleaned.dateline is None and cleaned.body == sentence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("АСТАНА, 24 ноября. /ТАСС/.", (None, 11, 24)),
        ("Sputnik Азербайджан, 1920, 07.01.2022", (2022, 1, 7)),
        ("Про це, 10 січня, заявило посольство", (None, 1, 10)),
        ("Тоқаев 2022 жылғы 5 қаңтарда Үкіметтің отставкасын қабылдады", (2022, 1, 5)),
        ("2022 жылы 16 желтоқсанда өтті", (2022, 12, 16)),
        ("3 наурызда болды", (None, 3, 3)),
        ("January 19, 2022 10:42 AM", (2022, 1, 19)),
        ("Опубликовано 2022-01-07", (2022, 1, 7)),
        ("5 января 2022 года", (2022, 1, 5)),
        ("18 жов 2025.", (2025, 10, 18)),
    ],
)
def test_dates_in_ru_uk_kk_en_forms(rules, text, expected):
    from generator.ingest.clean import find_dates

    found = [(y, m, d) for _start, y, m, d in find_dates(text, rules)]
    assert expected in found


def test_no_date_in_numbers_that_are_not_dates(rules):
    from generator.ingest.clean import find_dates

    assert find_dates("Пострадали 1920 человек, 5 из них дети; рост на 12,5%.", rules) == []


def test_a_headline_with_slashes_is_not_a_breadcrumb(rules):
    cleaned = clean_text("Нефть / газ / уголь: итоги года\nДобыча выросла на 5%.", rules)
    assert cleaned.title == "Нефть / газ / уголь: итоги года"
    assert cleaned.body == "Добыча выросла на 5%."


def test_html_entities_left_by_crawlers_are_decoded(rules):
    cleaned = clean_text(
        "Заголовок новой статьи\nЦены&nbsp;выросли на &laquo;заправках&raquo;.", rules
    )
    assert cleaned.body == "Цены выросли на «заправках»."


def test_markdown_heading_is_the_title(rules):
    cleaned = clean_text("# Заголовок новой статьи\n\nТекст статьи.", rules)
    assert cleaned.title == "Заголовок новой статьи" and cleaned.body == "Текст статьи."


def test_a_stamps_neighbours_come_from_the_language_packs(settings):
    """The category field, the author's field and the counts beside a stamp are the packs'
    words (``category_fields``, ``author_fields``, ``stamp_labels``, ``counter_words``), not a
    list in Python."""
    import dataclasses

    from generator.ingest.clean import is_timestamp

    packs = load_language_packs(settings.path(settings.language_data), settings.languages)
    line = "дата: 09.04.2013 | Категория: Горячие новости"
    counted = "Дата публикации: 17.06.2024   826 просмотров   2 комментария"
    assert is_timestamp(line, build_rules(packs)) and is_timestamp(counted, build_rules(packs))
    bare = {
        code: dataclasses.replace(pack, category_fields=(), counter_words=())
        for code, pack in packs.items()
    }
    assert not is_timestamp(line, build_rules(bare))
    assert not is_timestamp(counted, build_rules(bare))
    # the author's field after a stamp (``author_fields``)
    signed = "Дата: 6.06.2022, 10:35 Автор: Әлихан Бөкейханов атындағы №15 мектеп - лицейі"
    assert is_timestamp(signed, build_rules(packs))
    anonymous = {code: dataclasses.replace(p, author_fields=()) for code, p in packs.items()}
    assert not is_timestamp(signed, build_rules(anonymous))


def test_the_furniture_around_a_headline_comes_from_the_language_packs(settings):
    """The media notes, revision tags, genre words, labels and section names stuck to a
    headline are the packs' words (``media_words``, ``revision_tags`` …), not a list in
    Python: a pack without them leaves the headline as it is, and a word added to a pack
    is cut."""
    import dataclasses

    from generator.ingest.clean.title import strip_credit, tidy_title
    from generator.languages import FURNITURE_KEYS

    def tidied(raw: str, rules) -> str:
        return strip_credit(tidy_title(raw, rules), rules)

    packs = load_language_packs(settings.path(settings.language_data), settings.languages)
    gas = "У Шмигаля відповіли на питання про газ"
    oil = "Новости нефтегазовой отрасли Казахстана"
    furnished = {
        "/ВИДЕО/ Примар Кишинева покинул партию": "Примар Кишинева покинул партию",
        f"{gas} (оновлено)": gas,
        "Чому в місті немає води ОНОВЛЕНО": "Чому в місті немає води",
        "новость Казахстан: протестующие заняли акимат": "Казахстан: протестующие заняли акимат",
        "Фотофакт. Беда вплотную подошла к дамбе": "Беда вплотную подошла к дамбе",
        f"Название: {oil}": oil,
        "Тенге укрепился к доллару за неделю - Новости": "Тенге укрепился к доллару за неделю",
        "Пожар на складе в Алматы потушили ( 3 фото )": "Пожар на складе в Алматы потушили",
    }
    rules = build_rules(packs)
    for raw, title in furnished.items():
        assert tidied(raw, rules) == title, raw
    bare = build_rules(  # every pack without its furniture's words
        {
            code: dataclasses.replace(pack, **dict.fromkeys(FURNITURE_KEYS, ()))
            for code, pack in packs.items()
        }
    )
    for raw, title in furnished.items():
        assert tidied(raw, bare) != title, raw  # (the furniture stays)
    # a word added to a pack: a Kazakh video note between slashes ("/БЕЙНЕ/ …")
    park = "Астанада жаңа саябақ ашылды"
    assert tidied(f"/БЕЙНЕ/ {park}", rules) != park
    kk = dataclasses.replace(packs["kk"], media_words=("бейне",))
    assert tidied(f"/БЕЙНЕ/ {park}", build_rules({**packs, "kk": kk})) == park


def test_month_names_as_a_trie_match_exactly_the_forms(settings):
    """``month_regex`` is a trie of the forms (a flat list of the English pack's 190 forms
    with other locales' made date finding four times slower): every form, with or without
    its dot, and nothing else, not a form's prefix or a longer word."""
    import re

    from generator.languages import load_language_packs, month_regex

    packs = load_language_packs(settings.path(settings.language_data), settings.languages)
    for code, pack in packs.items():
        rx = re.compile(month_regex(pack.months), re.IGNORECASE)
        for form in pack.months:
            assert rx.fullmatch(form) and rx.fullmatch(form.upper() + "."), (code, form)
            assert not rx.match(form + "x"), (code, form)
            if form[:-1] not in pack.months:
                assert not rx.fullmatch(form[:-1]), (code, form)


def test_a_language_pack_is_compiled_once_per_text(tmp_path, settings):
    """The packs are read three times a build: the same text gives the same pack (compiled
    once); an edited file gives a new one, and a broken one still names its problem."""
    import shutil

    from generator.languages import load_language_pack
    from generator.settings import ConfigError

    path = tmp_path / "en.yml"
    shutil.copy(settings.path(settings.language_data) / "en.yml", path)
    first = load_language_pack(path)
    assert load_language_pack(path) is first
    path.write_text(
        path.read_text(encoding="utf-8").replace("today_words: [today]", "today_words: [now]"),
        encoding="utf-8",
    )
    edited = load_language_pack(path)
    assert edited is not first and edited.today_words == ("now",)
    path.write_text(path.read_text(encoding="utf-8") + "months: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid YAML"):
        load_language_pack(path)
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_language_pack(path)
