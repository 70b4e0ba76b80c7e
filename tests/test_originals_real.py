"""The original outlet of a reprint (issue 10, item 5): the outlet the lead says its news
comes from, on real pages of tests/data/realset (dev ... dev5), ingested with their URL.

An outlet's name in an attribution may be a site's address, a quoted name, a Latin name in a
Cyrillic text, or stand before the verb; a chain names the outlet relayed; the page's own
name, a detail's source and an outlet only cited are no original.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ingest import RawInput, ingest_bytes, load_ingest_context
from generator.ingest.metadata.attributions import _named_outlet

REALSET = Path(__file__).parent / "data" / "realset"


@pytest.fixture(scope="module")
def ctx(settings):
    return load_ingest_context(settings)


def original(ctx, name: str, url: str, chars: int = 4000) -> str | None:
    """The ``original`` ingest finds for the start of a stored page (``split/file``)."""
    text = (REALSET / name).read_text(encoding="utf-8")[:chars]
    raw = RawInput(data=text.encode("utf-8"), origin=Path(name).name, url=url)
    return ingest_bytes(raw, ctx).original


@pytest.mark.parametrize(
    ("name", "url", "expected"),
    [
        # a site's address after the kind of outlet, at the end of the lead's sentence
        (
            "dev/ru_reformnews_airport_freed_two_killed.txt",
            "https://reform.news/289623-vo-vremja-osvobozhdenija-ajeroporta-almaty-pogiblo-dvoe-voennosluzhashhih/amp",
            "Zakon.kz",
        ),
        # the outlet before the verb: "Казахское издание Orda.kz сообщило ..."
        (
            "dev/ru_kloop_orda_airport_seized.txt",
            "https://kloop.kg/blog/2022/01/05/orda-kz-v-almaty-zahvachen-aeroport/",
            "Orda.kz",
        ),
        # ... in English: "..., the news website Orda.kz reported."
        (
            "dev/en_interfaxua_almaty_airport_seized.txt",
            "https://en.interfax.com.ua/news/general/790022.html",
            "Orda.kz",
        ),
        # a registry name in quotes: "передает МТРК «Мир»"
        (
            "dev/ru_ontby_tokayev_asks_csto.txt",
            "https://ont.by/ru/policy-ru/view/tokaev-obratilsya-za-pomoshyu-k-odkb-174058-2022",
            "MTRK Mir",
        ),
        # a Latin name in a Russian text, closing the lead's third sentence: "..., пишет RTVI."
        (
            "dev2/i_ru_newsmail_tanker_attacks_cpc.txt",
            "https://news.mail.ru/incident/69445074/",
            "RTVI",
        ),
        # the page names itself, then the outlet it cites: "сообщает Lada.kz со ссылкой на
        # Газета.Ru" on lada.kz
        (
            "dev/ru_ladakz_oil_lost_cpc_attack.txt",
            "https://www.lada.kz/kazakhstan-news/146957-stalo-izvestno-skolko-tonn-nefti-poterial-kazakhstan-iz-za-ataki-ukrainy-na-ktk.html",
            "Gazeta.ru",
        ),
        # ... and the one it names itself: "1news.az со ссылкой на «АКИpress»"
        (
            "dev5/ru_1newsaz_ruzakhunov_released.txt",
            "https://1news.az/news/20220110111131661-V-Kazakhstane-osvobozhden-obyavlennyi-uchastnikom-besporyadkov-dzhazmen-iz-Kyrgyzstana",
            "AKIpress",
        ),
        # a chain: "Про це повідомляє Zakon.kz, пише УНН." - the page relays УНН
        (
            "dev4/uk_myua_tokayev_mission_completed.txt",
            "https://fun.my.ua/news/cluster/2022-01-11-tokaiev-priznachiv-novogo-prem-ier-ministra-kazakhstanu/0ac0a1cb-6b08-da95-3c4f-e977e3e8c0fc",
            "UNN",
        ),
        # "Про це пише CNN, передає ..." - the verb next to "Про це", not the last one
        (
            "dev3/uk_eurointegration_serbia_tear_gas.txt",
            "https://www.eurointegration.com.ua/news/2025/09/6/7219572/",
            "CNN",
        ),
        # Kazakh, a verb in the past: "..., деп хабарлады «Коммерсант»."
        (
            "dev/kk_kaztag_tokayev_power_transfer_2019.txt",
            "https://kaztag.kz/kz/news/aza-stanny-k-shi-tynysh-konstitutsiyaly-za-dy-zholmen-bilikti-berude-to-aev",
            "Kommersant",
        ),
        # an address typed with a Cyrillic "Е": "Еlorda.info"
        (
            "dev3/ru_kokshetauasia_kozhanov_inquiry.txt",
            "https://kokshetau.asia/newskz/erlan-kojanov-zachital-zapros-depytatskoi-gryppy-ja-a-aza-stan",
            "Elorda.info",
        ),
        # Sputnik's own site relays RIA Novosti: its own name is no original
        (
            "dev2/t_ru_sputnikgeorgia_state_of_emergency_resignation.txt",
            "https://sputnik-georgia.ru/amp/20220105/protesty-rezhim-chp-i-otstavka-pravitelstva---chto-proiskhodit-v-kazakhstane-263386109.html",
            "RIA Novosti",
        ),
        # "Об этом Reuters сообщили три источника ..., передает корреспондент Zorknews.kz. со
        # ссылкой на Caliber.Az": the page relays Caliber.Az, which quotes Reuters' sources
        (
            "dev5/ru_zorknews_tajikistan_asks_csto_border.txt",
            "https://zorknews.kz/articles/mir/tadzhikistan-zaprosil-voennoy-pomoshchi-u-odkb.html",
            "Caliber.Az",
        ),
        # a correspondent's report: "повідомляє кореспондент місцевого видання Tengrinews.kz"
        (
            "dev4/uk_telegraf_election_2022_results.txt",
            "https://telegraf.com.ua/ukr/novosti-sng/2022-11-21/5723518-peremozhtsya-viznacheno-tsvk-ozvuchila-pidsumki-viboriv-u-kazakhstani",
            "Tengrinews",
        ),
        # ... in English: "..., RIA Novosti correspondent reports."
        (
            "dev5/en_newsfront_three_contingents_leave.txt",
            "https://en.news-front.info/2022/01/14/csto-peacekeepers-from-three-countries-left-kazakhstan/",
            "RIA Novosti",
        ),
        # "El.kz cites primeminister.kz" on el.kz
        (
            "dev5/en_elkz_law_enforcement_parliament_hearing.txt",
            "https://el.kz./en/amp/representatives-of-law-enforcement-provide-details-on-the-tragic-january-events-at-a-parliament-hearing_60907",
            "primeminister.kz",
        ),
        # "..., – приводит его слова Tengrinews.kz."
        (
            "dev5/ru_vedomosti_gas_union.txt",
            "https://www.vedomosti.ru/politics/news/2022/11/29/952570-tokaev-i-putin-v-moskve-obsudili-sozdanie",
            "Tengrinews",
        ),
        # a credit closing the text: "Источник: lenta.ru"
        (
            "dev5/ru_pux_atyrau_samara_stable.txt",
            "https://pux.su/2025/11/14/neft-iz-kazahstana-v-rossiyu-postavlyaetsya-bez-pereboev-zayavlyaet-minenergo-respubliki",
            "Lenta.ru",
        ),
        # a source byline with the site's address: "Source: www.rosbalt.ru"
        (
            "dev5/en_telkdeep_gas_transit_stopped.txt",
            "https://telkdeep.com/russia-stopped-gas-transit-to-europe-through-ukraine",
            "Rosbalt",
        ),
        # Kazakh: the outlet's kind after its name ('"Ақжайық" басылымы хабарлады')
        (
            "dev5/kk_serke_tepke_oil_field.txt",
            "https://serke.org/news/mangghystau-oblysynda-iri-munaj-kenishi-ashyldy",
            "Ak Zhaik",
        ),
        # a long closing clause: "..., деп хабарлайды Qazweek.kz ақпарат агенттігі Sputnik
        # Қазақстан порталына сілтеме жасап." - the page names itself, then Sputnik
        (
            "dev5/kk_qazweek_covid_emergency_extended.txt",
            "https://qazweek.kz/kk/2020/04/14/tokaev",
            "Sputnik",
        ),
        # the lead opens with its source: "According to the Russian state-controlled news
        # agency Interfax, a Russian court has closed ..."
        (
            "dev/en_kyivindependent_russia_blocks_kazakh_oil.txt",
            "https://kyivindependent.com/uncategorized/russia-blocks-kazakhstans-oil-transit-to-europe",
            "Interfax",
        ),
        # "..., writes Reuters."; "a TASS correspondent said"
        (
            "dev3/en_newspravda_kazakh_exports_14month_low.txt",
            "https://nato.news-pravda.com/ukraine/2025/12/25/85204.html",
            "Reuters",
        ),
        (
            "dev2/t_en_islworld_peacekeepers_left_almaty.txt",
            "https://russia-islworld.ru/novosti/peacekeepers-from-armenia-tajikistan-and-kyrgyzstan-left-almaty-2022-01-14-21925",
            "TASS",
        ),
        # a credit paragraph after the lead: "(dpa/NAN)", "(c)MEDUZA 2022"
        (
            "dev/en_peoplesgazette_shoot_to_kill.txt",
            "https://qurium.storage.googleapis.com/peoplesgazette.com/kazakhstan-president-issues-shoot-to-kill-order-against-protesters.html",
            "dpa",
        ),
        (
            "dev4/en_ukrainetoday_shoigu_withdrawal_by_19.txt",
            "https://ukrainetoday.org/2022/01/13/the-csto-troops-will-leave-kazakhstan-by-january-19-we-have-completed-our-task-putin-said/",
            "Meduza",
        ),
        # a site in brackets closing the text: "... поймут его решение. (gazeta.ru)"
        (
            "dev3/ru_zerkaloaz_kremlin_regrets_pashinyan.txt",
            "https://zerkalo.az/v-kremle-sozhaleyut-iz-za-otsutstviya-pashinyana-na-sammite-odkb-v-minske/",
            "Gazeta.ru",
        ),
    ],
)
def test_original_of_a_reprint(ctx, name, url, expected):
    assert original(ctx, name, url) == expected


@pytest.mark.parametrize(
    ("name", "url"),
    [
        # "деп хабарлайды Azattyq Rýhy" on azattyq-ruhy.kz: the site itself, not Azattyq
        (
            "dev/kk_azattyqruhy_ukibay_sovbez_handover.txt",
            "https://azattyq-ruhy.kz/news/32430-nazarbaev-kauipsizdik-kenesinin-toragalygyn-tokaevka-ozi-tapsyrdy-a-ukibai",
        ),
        # "Истец также указал ..., передает ТАСС" in the third paragraph: a detail's source
        (
            "dev/ru_itek_cpc_spill_damages_ruling.txt",
            "https://itek.ru/news/sud-vzyskal-s-ktk-ushherb-v-5-3-mlrd-rublej-za-razliv-nefti-pod-novorossijskom/",
        ),
    ],
)
def test_no_original_for_own_name_or_a_detail(ctx, name, url):
    assert original(ctx, name, url) is None


@pytest.mark.parametrize(
    ("phrase", "at_end", "expected"),
    [
        ("издание zakon.kz.", False, "Zakon.kz"),
        ("Telegram-канал KazTAG, ссылаясь на", False, None),  # a post on a channel
        ("Facebook.", False, None),  # a platform a statement is posted on
        ("RTVI.", False, "RTVI"),  # a Latin name in a Cyrillic text
        ("Казахское издание Orda.kz", True, "Orda.kz"),
        ('в ефірі державного телеканалу "Хабар 24",', True, None),  # a comma before the verb
        ("Kazinform news agency", True, "Kazinform"),
    ],
)
def test_named_outlet(ctx, phrase, at_end, expected):
    assert _named_outlet(phrase, ctx.sources, latin_text=False, at_end=at_end) == expected


def test_the_own_sites_address_under_another_domain_in_a_dateline_is_no_original(ctx):
    """uzdaily.com (dev19): "Ташкент, Узбекистан (UzDaily.uz) — С начала 2024 года …". The
    bracketed address is the page's own site under its other top-level domain: the
    dateline names the publisher, not a reprint's original. (Before, a dateline whose place
    is not in capitals needed a known agency, and the address was no dateline at all.)"""
    name = "dev19/ru_c_uzdaily_225-tysyach-tonn-rossijskoj-nefti.txt"
    text = (REALSET / name).read_text(encoding="utf-8")
    url = "https://uzdaily.com/ru/uzbekistan-poluchil-225-tysiach-tonn-rossiiskoi-nefti"
    art = ingest_bytes(RawInput(data=text.encode("utf-8"), origin=name, url=url), ctx)
    assert art.original is None
    alone = ingest_bytes(RawInput(data=text.encode("utf-8"), origin=name), ctx)
    assert alone.source == "UzDaily.uz"
    assert alone.body.startswith("С начала 2024 года Казахстан транспортировал")
    # a bracketed word that is no address still needs a place in capitals or a known agency
    other = text.replace("(UzDaily.uz)", "(по данным)")
    art = ingest_bytes(RawInput(data=other.encode("utf-8"), origin=name), ctx)
    assert art.body.startswith("Ташкент, Узбекистан (по данным)")


@pytest.mark.parametrize(
    ("name", "url", "expected"),
    [
        # an agency's byline: "By Yonhap", "By PTI" (the agencies in config/sources.yml)
        (
            "dev10/en_koreaherald_south_korea_calls_for_peace.txt",
            "http://www.koreaherald.com/view.php?ud=20220108000042",
            "Yonhap",
        ),
        (
            "dev10/en_newindianexpress_no_plan_to_evacuate_indians.txt",
            "https://www.newindianexpress.com/nation/2022/feb/03/no-plan-to-evacuate-indians-from-kazakhstan-in-view-of-stable-situation-government-2414865.html",
            "Press Trust of India",
        ),
        # a wire's sign-off over the site's footer links ("… the ministry said. REUTERS" /
        # "See more on" / "E-paper" / … / "Privacy Policy" / "Need help? Reach us here.")
        (
            "dev10/en_straitstimes_kazakhstan_criticises_ukraine_cpc.txt",
            "https://www.straitstimes.com/asia/kazakhstan-criticises-ukraine-over-drone-attack-on-cpc-oil-terminal",
            "Reuters",
        ),
        # an agency named by the lead, now that the registry knows it
        (
            "dev6/ru_magnis_kazakh_ambassador_oil_to_belarus.txt",
            "https://www.magnis.news/rus/news/201175",
            "BelTA",
        ),
        ("dev11/ru_darakchi_uzbek_russian_drills.txt", "https://www.darakchi.uz/ru/34795", "UzA"),
        # "посилаючись на російський "Інтерфакс"": a country's adjective before the name
        (
            "dev/uk_rubryka_cpc_court_transit_ban.txt",
            "https://rubryka.com/2022/07/06/rosijskyj-sud-zaboronyv-tranzyt-nafty-z-kazahstanu-do-yevropy-na-30-dniv-zmi",
            "Interfax",
        ),
    ],
)
def test_an_agencys_byline_or_name_makes_the_page_its_reprint(ctx, name, url, expected):
    assert original(ctx, name, url) == expected


def test_an_agency_signing_off_the_text_is_the_original(ctx):
    """ "… in the country. (Yonhap)", "… the ministry said. REUTERS": a sign-off in brackets or
    capitals after the last sentence; an acronym inside the sentence is none."""
    base = (
        "Kazakhstan lifts the state of emergency in Almaty\n\n"
        "The state of emergency imposed in Almaty after the January riots will end on Wednesday, "
        "the interior ministry said in a statement published on its website on Monday. "
        "Checkpoints around the city will be removed and public transport will run as usual. "
        "The ministry said the situation was calm on Saturday in the city."
    )
    for ending, expected in (
        (" (Yonhap)", "Yonhap"),
        (" REUTERS", "Reuters"),
        (" (AP)", "Associated Press"),
        ("", None),
    ):
        raw = RawInput(
            data=(base + ending).encode("utf-8"), origin="t.txt", url="https://example.org/a"
        )
        assert ingest_bytes(raw, ctx).original == expected, ending
    raw = RawInput(
        data=(base[:-1] + " by the CSTO.").encode("utf-8"),
        origin="t.txt",
        url="https://example.org/a",
    )
    assert ingest_bytes(raw, ctx).original is None
