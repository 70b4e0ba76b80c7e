# ruff: noqa: E501  (the excerpts keep the pages' lines as they are)
"""Ingest on real pages, second round: the rule families met on the dev2 split.

Each excerpt is the start of a page of tests/data/realset/dev2 (or dev), as the search tool
returned it (debris and all), with the page's URL; expected values are the split's labels,
written from reading the text before the tool ran. The URLs are listed in
/work/scratch/tuning_urls.txt so that the blind split never holds them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.ingest import RawInput, ingest_bytes, load_ingest_context
from generator.ingest.clean import classify, clean_text, find_dates
from generator.ingest.metadata.stamps import stamp_dates
from generator.models import Article

EXCERPTS = {
    "kk_forthnews_protests_explainer": (
        "https://forthnews.com/article/2022-",
        "Loading location\n\nCategories\n\nPOLITICS UNITED NATIONS\nvideos documentries\nnews feed fashion\nhealth sports\nenvironment investigations\ntechnology social media\nculture entertainment\n\nTrending\n\n1. Loading\n2. Loading\n3. Loading\n4. Loading\n5. Loading\n6. Loading\n7. Loading\n8. Loading\n\nWeather\n\nLoading Loading\n■   Live weather SAT\n■   Global Earthquake monitor\n■   Global Flight Radar\nLOGIN SIGNUP\n\n2022 жылғы Қазақстан наразылықтары, Қазақстандағы азаматтық толқулар\n\n\nkazakhstan 12 January, 2022 10:36HRS\n\n2022 жылғы Қазақстан наразылықтары\n\n2022 жылғы қазақстандық наразылықтар 2022 жылдың 2 қаңтарында басталып, 2022 жылдың 11 қаңтарында аяқталды (әзірге).\n\nҚазақстан Орталық Азия аймағында орналасқан бұрынғы кеңестік мемлекет. Қазақстанды бұрын-соңды болмаған ",
    ),
    "kk_sputnik_akim_car_shot_video": (
        "https://sputnik.kz/regions/20220118/19167885/Almaty-akim-video.html",
        'Алматыдағы жаппай тәрпісіздіктер - Sputnik Қазақстан, 1920, 23.05.2022\nҚаңтар оқиғасы\n2022 жылғы қаңтарда Алматы қаласы мен басқа да өңірлерде болған жаппай тәртіпсіздіктерге қатысты материалдар\n\nЖеліде Алматы әкіміне оқ атылған сәттің видеосы тарады\n\n© Sputnik / Абзал КалиевБакытжан Сагинтаев\nБакытжан Сагинтаев  - Sputnik Қазақстан, 1920, 18.01.2022\nЖазылу\nШабуыл жасалған сәтте Сағынтаев штабтағы әріптестерімен бірге әкімдікке бара жатқан\nАЛМАТЫ, 18 қаңтар – Sputnik. Желіде Алматы әкімі Бақытжан Сағынтаев отырған көлікке шабуыл жасалған сәттің видеосы пайда болды. Қала әкімдігі видеоның 6 қаңтарда түсірілгенін растады, деп хабарлайды Sputnik Қазақстан.\n"Алматы қаласы әкімдігінің баспасөз қызметі 2022 жылы 6 қаңтарда болған оқиғаның бейнежазбасы шынайы екенін растайды. Тергеу жүргізілуіне байланысты қосымша ақпаратты жариялауға тыйым салынады", - делінген әкімдік таратқан ақпаратта.\nБұға',
    ),
    "en_steningsimpson_cabinet_resigns": (
        "https://www.steningsimpson.com.au/events/cabinet-officials-resign/",
        "On 5 January 2022, Cabinet officials resigned after days of increasingly violent and growing protests against government corruption, low wages, high unemployment and the removal of price caps for liquefied petroleum gas. After accepting the resignations, President Kassym-Jomart Tokayev appointed Alikhan Smailov — who was serving as first deputy prime minister — as acting prime minister. Government officials are expected to assume caretaker roles until a new government is appointed. President Tokayev also removed former President Nursultan Nazarbayev from",
    ),
    "en_lemmy_zhanaozen_massacre_2011": (
        "https://lemmy.today/post/20569219?scrollToComments=true",
        "Zhanaozen Massacre (2011)\nFri Dec 16, 2011\nImage: Saturday, December 17th, 2011, a Kazakh riot police officer patrols in the center of Zhanaozen, Kazakhstan [thediplomat.com]\nOn this day in 2011, police opened fire on striking oil workers and their families in Zhanaozen, Kazakhstan, killing at least 17 and wounding dozens more. Anti-communist organizations such as Radio Free Europe supported the labor strife.\nIn the ",
    ),
    "ru_dzen_year_2022_csto_appeal": (
        "https://dzen.ru/b/Y7TzEII8AQfqYbgd",
        'Найти в Дзене\n15,3 тыс подписчиков\n\nЧем нам запомнился 2022 год\n\n2. 5 января Президент Казахстана Касым-Жомарт Токаев обратился к государствам - членам ОДКБ за помощью.\n"Террористические банды захватывают крупные инфраструктурные объекты, в Алма-Ате захвачены ',
    ),
    "en_today90_csto_withdrawal_begins": (
        "https://www.today90.com/the-withdrawal-of-the-csto-peacekeeping-mission-from-kazakhstan-begins-news/",
        "The withdrawal of the CSTO peacekeeping mission from Kazakhstan begins | News\n\nThe president of Kazakhstan, Kasim-Yomart Tokáyev announced that starting this Thursday the withdrawal of the peace contingent from the Collective Security Treaty Organization (CSTO) will begin after controlling the situation after the anti-democratic protests in early January.\n\n\nKazakhstan announces end of CSTO peace m",
    ),
    "en_theasian_csto_withdrawal_two_days": (
        "http://theasian.asia/archives/111663",
        "CSTO gradual withdrawal from Kazakhstan to start in two days; process to last at least 10 days\nTokayev addressing the Kazakhstan Majilis (Kazinform)\nNUR-SULTAN: The gradual withdrawal of the Collective Security Treaty Organisation (CSTO) peacekeeping troops from Kazakhstan will begin in the next two days, Kazakh President Kassym-Jomart Tokayev has said.\nThe troops arrived in Kazakhstan after Tokayev called them to he",
    ),
    "uk_glavcom_kazakhstan_urges_ukraine": (
        "https://glavcom.ua/world/world-economy/kazakhstan-zaklikaje-ukrajinu-zupiniti-udari-po-terminalu-ktk-pislja-zupinki-eksportu-nafti-1090879.html",
        "Казахстан екстрено перенаправив експорт нафти після атаки морських дронів на порт у Новоросійську\n\nКазахстан також зазначив, що ці дії шкодять двостороннім відносинам між країнами\n\nКазахстан звернувся до України з вимогою припинити атаки на термінал Каспійського трубопровідного консорціуму (КТК) в Новоросійську, після того, як безпілотники значно пошкодили інфраструктуру термінала, що призвело до зупинки експорту нафти. Про це пише «Главком» з посиланням на Reuters.\n\nКТК обробляє понад 1% світової нафти і є важливим елементом для експорту нафти з Казахст",
    ),
    "uk_rbcua_kazakhstan_redirects_oil": (
        "https://www.rbc.ua/rus/news/kazahstan-pislya-udariv-novorosiysku-pochav-1764424390.html",
        " date 2025-11-29 ua en ru\nКазахстан після ударів по Новоросійську почав переспрямовувати експорт нафти\n\nРосія, Казахстан, Субота 29 листопада 2025 15:58\nUA EN RU\nКазахстан після ударів по Новоросійську почав переспрямовувати експорт нафти Ілюстративне фото: по нафтовим терміналам в Новоросійську завдали вже другого удару (Getty Images)\nАвтор: Антон Корж\n\nКазахстан після чергового удару Сил оборони України по Новоросійську в РФ у ніч на 29 листопада почав екстрено шукати шляхи переспрямування експорту нафти. Зараз казахська нафта йде на експорт через Ново",
    ),
    "ru_newsmail_tanker_attacks_cpc": (
        "https://news.mail.ru/incident/69445074/",
        " date 2026-01-16 Очередной инцидент\n13 января украинские дроны атаковали танкеры Matilda и Delta Harmony. В момент удара корабли стояли у причала КТК и ожидали загрузки нефти с крупнейших месторождений Казахстана, разработку которых ведут в том числе американские компании. Танкеры были пустыми, что позволило избежать серьезных п",
    ),
    "ru_ontby_tokayev_asks_csto": (
        "https://ont.by/ru/policy-ru/view/tokaev-obratilsya-za-pomoshyu-k-odkb-174058-2022",
        "05.01.2022, 22:02\nОбновлено: 14.09.2025, 13:18\nТокаев обратился за помощью к ОДКБ\nПрезидент Казахстана Касым-Жомарт Токаев обратился к главам государств ОДКБ с просьбой оказать содействие Казахстану в преодолении «террористической угрозы», передает МТРК «Мир».\nТокаев заявил, что «террористические ба",
    ),
    "ru_tagilcity_massimov_detained": (
        "https://tagilcity.ru/news/2022-01-08/eks-glavu-knb-kazahstana-podozrevayut-v-popytke-gosperevorota-256438",
        "Posted 8 января 2022,, 07:27\n\nPublished 8 января 2022,, 07:27\n\nModified 18 сентября 2022,, 14:37\n\nUpdated 18 сентября 2022,, 14:37\n\nЭкс-главу КНБ Казахстана подозревают в попытке госпереворота\n\n8 января 2022, 07:27\nВ Казахстане на фоне непрекращающихся массовых беспорядков арестовали бывшего руководителя Комитета национальной безопасности Карима Масимова.\n\nВ Казахстане не утихают массовые беспорядки, начавшиеся 2 янв",
    ),
}


@pytest.fixture(scope="module")
def ctx(settings):
    return load_ingest_context(settings)


def ingest(ctx, name: str, with_url: bool = True) -> Article:
    url, text = EXCERPTS[name]
    raw = RawInput(data=text.encode("utf-8"), origin=f"{name}.txt", url=url if with_url else None)
    return ingest_bytes(raw, ctx)


# ------------------------------------------------------------------------------ titles


@pytest.mark.parametrize(
    ("name", "title"),
    [
        # a menu of short unpunctuated lines is not a hard-wrapped sentence; "Loading" boxes
        (
            "kk_forthnews_protests_explainer",
            "2022 жылғы Қазақстан наразылықтары, Қазақстандағы азаматтық толқулар",
        ),
        # a subscriber counter and a platform's search box above the title
        ("ru_dzen_year_2022_csto_appeal", "Чем нам запомнился 2022 год"),
        # a rubric glued after " | "
        (
            "en_today90_csto_withdrawal_begins",
            "The withdrawal of the CSTO peacekeeping mission from Kazakhstan begins",
        ),
        # a caption ending in its credit "(Kazinform)"; a headline may say one word twice
        (
            "en_theasian_csto_withdrawal_two_days",
            "CSTO gradual withdrawal from Kazakhstan to start in two days; process to last at least 10 days",
        ),
        # the standfirst is a sentence copied from the article, not its headline
        (
            "uk_glavcom_kazakhstan_urges_ukraine",
            "Казахстан екстрено перенаправив експорт нафти після атаки морських дронів на порт у Новоросійську",
        ),
        # tags and a weekday stamp under the headline
        (
            "uk_rbcua_kazakhstan_redirects_oil",
            "Казахстан після ударів по Новоросійську почав переспрямовувати експорт нафти",
        ),
    ],
)
def test_headline_among_page_furniture(ctx, name, title):
    assert ingest(ctx, name).title == title


def test_a_lead_opening_with_its_day_is_not_joined_to_the_heading_above(ctx):
    """news.mail.ru: "Очередной инцидент" / "13 января украинские дроны атаковали ..."."""
    article = ingest(ctx, "ru_newsmail_tanker_attacks_cpc")
    assert article.body.startswith("13 января украинские дроны атаковали танкеры")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Росія, Казахстан, Субота 29 листопада 2025 15:58", "timestamp"),  # rbc.ua: tags + stamp
        ("kazakhstan 12 January, 2022 10:36HRS", "timestamp"),  # forthnews: rubric + stamp
        ("15,3 тыс подписчиков", "widget"),  # dzen.ru
        ("Найти в Дзене", "widget"),
        ("Loading location", "widget"),  # forthnews
        ("3. Loading", "widget"),
        (
            "СюжетыПолитикаПри поддержке соучастниковПри поддержке соучастников",
            "breadcrumb",
        ),  # novayagazeta.ru
        # "23.05" inside the date is no time of day: a page header, not a tagged stamp
        ("Алматыдағы жаппай тәрпісіздіктер - Sputnik Қазақстан, 1920, 23.05.2022", "header"),
    ],
)
def test_page_furniture_classes(ctx, line, kind):
    assert classify(line, ctx.rules) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Казахстан після ударів по Новоросійську почав переспрямовувати експорт нафти",
        "CSTO gradual withdrawal from Kazakhstan to start in two days; process to last at least 10 days",
        "Чем нам запомнился 2022 год",
    ],
)
def test_headlines_are_not_furniture(ctx, line):
    assert classify(line, ctx.rules) is None


# ------------------------------------------------------------------------------- dates


def test_a_stamp_with_a_rubric_gives_the_date(ctx):
    """forthnews: "kazakhstan 12 January, 2022 10:36HRS" (the URL has no date)."""
    assert ingest(ctx, "kk_forthnews_protests_explainer").date == dt.date(2022, 1, 12)


def test_a_yearless_dateline_picks_its_own_stamp(ctx):
    """sputnik.kz, text alone: "АЛМАТЫ, 18 қаңтар – Sputnik" takes "…, 18.01.2022" of the
    article's photo, not the rubric teaser's "23.05.2022" printed above the headline."""
    assert ingest(ctx, "kk_sputnik_akim_car_shot_video", with_url=False).date == dt.date(
        2022, 1, 18
    )
    assert ingest(ctx, "kk_sputnik_akim_car_shot_video").date == dt.date(2022, 1, 18)


@pytest.mark.parametrize(
    "name",
    [
        "en_steningsimpson_cabinet_resigns",  # "On 5 January 2022, Cabinet officials resigned": the event's day
        "en_lemmy_zhanaozen_massacre_2011",  # "Fri Dec 16, 2011" over "On this day in 2011, ..."
    ],
)
def test_no_date_rather_than_an_event_day(ctx, name):
    assert ingest(ctx, name).date is None


@pytest.mark.parametrize(
    ("name", "stamps"),
    [
        # "05.01.2022, 22:02" / "Обновлено: 14.09.2025, 13:18"
        ("ru_ontby_tokayev_asks_csto", [dt.date(2022, 1, 5)]),
        # Posted / Published 8 января 2022 / Modified / Updated 18 сентября 2022
        ("ru_tagilcity_massimov_detained", [dt.date(2022, 1, 8)] * 2),
    ],
)
def test_an_updated_stamp_is_never_the_publication_date(ctx, name, stamps):
    cleaned = clean_text(EXCERPTS[name][1], ctx.rules)
    assert stamp_dates(cleaned, ctx.rules)[: len(stamps)] == stamps
    assert all(d.year == 2022 and d.month == 1 for d in stamp_dates(cleaned, ctx.rules))
    assert ingest(ctx, name, with_url=False).date == stamps[0]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "2020 jılı 7 aqpanda tünde Jambıl oblısı Qorday audanında qazaqtar men düngender arasında qaqtığıs bolğan.",
            (2020, 2, 7),
        ),  # qazaqtimes.com/lt
        (
            "Budan buryn habarlanǵandaı, 18 qańtarda Teńiz ken ornynda órt bolyp",
            (None, 1, 18),
        ),  # qz.inform.kz
    ],
)
def test_kazakh_latin_month_names(ctx, text, date):
    assert [found[1:] for found in find_dates(text, ctx.rules)][:1] == [date]


def test_english_ordinal_day_before_the_month(ctx):
    """en.odfoundation.eu: "On Independence Day, (16th December 2011) , the city ..."."""
    text = "On Independence Day, (16th December 2011) , the city authorities decided to organise a festival;"
    assert [found[1:] for found in find_dates(text, ctx.rules)] == [(2011, 12, 16)]


# ---------------------------------------------------------------------------- language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # tengrinews.kz: a Russian lead quoting "Үкімет үйі" (Kazakh letters in two words)
        (
            "Расширенное заседание правительства - это такой ежегодный политический формат, когда Президент приезжает в Үкімет үйі, чтобы подвести итоги прошлого года",
            "ru",
        ),
        # aikyn.kz: a short Kazakh lead
        (
            "Бас прокуратураның бірінші қызмет бастығының орынбасары Елдос Қилымжанов орталық коммуникациялар қызметіндегі брифингте",
            "kk",
        ),
        # qz.inform.kz: a Latin-script Kazakh headline
        ("Qashaǵan ken orny munaı óndirisin ýaqytsha toqtatady", "kk"),
    ],
)
def test_language_of_short_and_mixed_texts(ctx, text, language):
    assert ctx.detector.detect(text) == language


@pytest.mark.parametrize(
    "text",
    [
        # a Kazakh dateline whose "agency" slot holds the date (kt.kz)
        "13.01.2022, 14:37 12551\n\nҰҚШҰ Бас хатшысы: 23 қаңтарға дейін ҰҚШҰ бітімгерлері "
        "Қазақстаннан кетеді\n\nБүгін Станислав Зась Алматыға барады.\nНҰР-СҰЛТАН. 13 ҚАҢТАР - "
        "Ұжымдық қауіпсіздік шарт ұйымының бітімгерлері Қазақстан аумағынан 10 күн ішінде "
        "кетеді.\n\nЯғни, бітімгерлік контингент 23 қаңтарға дейін елден толық шығарылады.",
        # an RFE/RL dateline "ASTANA --" leaving a bare dash
        "Accessibility links\n\nBreaking News\n\nNazarbaev's Nephew Goes On Trial In Astana\n\n"
        "ASTANA -- A nephew of Kazakhstan's former President Nursultan Nazarbaev has gone on "
        "trial on charges of fraud and embezzlement.\n\nThe Baiqonyr district court in Astana "
        "opened Qairat Satybaldy's trial on September 19 after a preliminary hearing.",
    ],
)
def test_a_date_or_a_dash_left_by_a_dateline_is_never_the_outlet(ctx, text):
    raw = RawInput(data=text.encode("utf-8"), origin="x.txt", url=None)
    source = ingest_bytes(raw, ctx).source
    assert source is None or (
        sum(ch.isalpha() for ch in source) >= 3 and not any(ch.isdigit() for ch in source)
    ), source
