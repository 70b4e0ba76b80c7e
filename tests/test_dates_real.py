"""Publication dates of real scraped pages (issue 10): the forms and places publishers use,
and no date rather than a wrong one.

Each page is the start of an excerpt of a tuning split of tests/data/realset (dev ... dev10)
or of tests/data/urldates, as the search tool returned it (debris and all); the expected
dates are the split's labels, written from reading the text (or the URL's date). Pages are
ingested without their URL: the text alone must give the date. Some cases change one line
of a real page (a marker, a stamp) to show the rule that decides.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from factories import GUARD_LEAD

from generator.ingest import RawInput, ingest_bytes, load_ingest_context
from generator.ingest.clean import (
    classify,
    clean_text,
    find_dates,
    is_timestamp,
    normalise_text,
)
from generator.ingest.clean.dates import NUMERIC_DATE, numeric_date
from generator.ingest.metadata import (
    DATE_BRANCHES,
    date_with_provenance,
    infer_date,
    url_date,
)
from generator.ingest.metadata.provenance import _agency_like
from generator.ingest.metadata.stamps import stamp_dates

REALSET = Path(__file__).parent / "data" / "realset"


@pytest.fixture(scope="module")
def ctx(settings):
    return load_ingest_context(settings)


def page(name: str, chars: int = 2500) -> str:
    """The start of a realset page (``split/file``), as stored."""
    return (REALSET / name).read_text(encoding="utf-8")[:chars]


def text_date(ctx, name: str, chars: int = 2500, url: str | None = None) -> dt.date | None:
    raw = RawInput(data=page(name, chars).encode("utf-8"), origin=name, url=url)
    return ingest_bytes(raw, ctx).date


# ------------------------------------------------------------------- wrong dates avoided


def test_the_stamp_under_the_headline_beats_a_today_box_above_it(ctx):
    # "Monday June 24, 2024" (the day the page was seen) / headline / "February 14, 2022"
    assert text_date(ctx, "dev2/t_en_thenews_commemorate_victims.txt") == dt.date(2022, 2, 14)


def test_a_stamp_the_leads_yearless_date_does_not_fit_is_not_taken(ctx):
    # "Daily news" / "September 26, 2023" / headline / "... late on November 11, following
    # an attack ...": a past event six weeks after the stamp, or ten months before it.
    name = "dev/en_simplemoneygoals_warship_listing_novorossiysk.txt"
    assert text_date(ctx, name) is None


def test_a_stamp_fits_a_lead_that_recalls_last_december(ctx):
    # "Euractiv | Jan 5, 2022 at 5:45 PM" over a lead saying "(5 December)" (the publisher's
    # slip for January, or last December): a yearless date weeks before New Year fits.
    assert text_date(ctx, "dev/en_worldnewsmonitor_nazarbayev_removed.txt") == dt.date(2022, 1, 5)


def test_a_yearless_day_of_the_first_paragraph_is_an_event_even_in_the_crawl_month(ctx):
    # " date 2022-01 В ходе беспорядков в Алматы вечером 5 января погиб ..." (a report of
    # January 12; the URL alone says so)
    name = "dev2/t_ru_kloop_orda_boy_killed.txt"
    assert text_date(ctx, name) is None
    url = "https://kloop.kg/blog/2022/01/12/orda-v-almaty-v-hode-besporyadkov-pogib-12-letnij-malchik/"
    assert text_date(ctx, name, url=url) == dt.date(2022, 1, 12)


def test_a_year_recalled_months_before_a_yearless_dateline_is_not_its_year(ctx):
    # "Астана. 30 марта. ИНТЕРФАКС-КАЗАХСТАН — … назначении Алихана Смаилова …" (2023) with
    # "возглавлял правительство страны с 11 января 2022 года" three paragraphs down: the
    # page without its stamp has no year for the dateline (it took 2022 before).
    text = page("dev4/ru_itta_smailov_reappointed_2023.txt")
    unstamped = text.replace("Posted On\n\n30\nМарт\n2023\n", "", 1)
    assert unstamped != text and "11 января 2022 года" in unstamped
    raw = RawInput(data=unstamped.encode("utf-8"), origin="itta.txt")
    assert ingest_bytes(raw, ctx).date is None


def test_the_day_of_a_year_first_stamp_is_not_read_from_the_year(ctx):
    # "2023 August 4 11:01" read "23 August" out of "2023 August" (a wrong date)
    assert text_date(ctx, "dev4/en_portnews_cpc_tankers_after_ban.txt") == dt.date(2023, 8, 4)
    assert find_dates("2023 August 4 11:01", ctx.rules)[0] == (0, 2023, 8, 4)
    assert find_dates("2023 Август 4", ctx.rules) == []  # no day in "2023 Август"


def test_a_revision_label_two_words_in_is_not_the_publication(ctx):
    # "время публикаци: 22 февраля 2019 г., 03:16" / "последнее обновление: 22 февраля ..."
    cleaned = clean_text(page("dev/ru_newsruil_government_dismissed_2019.txt"), ctx.rules)
    assert stamp_dates(cleaned, ctx.rules) == [dt.date(2019, 2, 22)]


# ------------------------------------------------------------------ forms and positions


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # "• 11-01-2022 (09:04)" / headline / "update: 11-01-2022 (11:52)"
        ("dev2/t_ru_kasparov_10000_detained.txt", dt.date(2022, 1, 11)),
        # headline / "Алматы 7 января 2022 года": a dateline on a line of its own
        ("dev2/t_ru_azattyq_bodies_republic_square.txt", dt.date(2022, 1, 7)),
        # "March 28, 2022 [Argus] – Loadings of Caspian CPC Blend were halted today ..."
        ("dev2/t_en_tankterminals_cpc_blend_halted.txt", dt.date(2022, 3, 28)),
        # headline / standfirst / "27 September, 2022" / author
        ("dev2/t_en_vortexa_cpc_blend_loadings.txt", dt.date(2022, 9, 27)),
        # masthead "11 декабря 2024 | выходит по пятницам | c 1992 года" / headline /
        # "10.11.2022 17:06:46" (the masthead's date is no stamp)
        ("dev2/t_ru_dnkz_qantar_trials_secrecy.txt", dt.date(2022, 11, 10)),
        # "FOLLOW US ON SOCIAL" / "Posted On" / "30" / "Март" / "2023" / headline / "Астана.
        # 30 марта. ИНТЕРФАКС-КАЗАХСТАН — …": a stamp broken over lines by the markup
        ("dev4/ru_itta_smailov_reappointed_2023.txt", dt.date(2023, 3, 30)),
        # "25 қар, 2020 сағат 21:45": an abbreviated month, a comma before the year
        ("dev4/kk_ult_kashagan_50_mln_tonnes.txt", dt.date(2020, 11, 25)),
        # headline / caption / "By bne IntelIiNews March 24, 2022": a byline ending in the date
        ("dev4/en_intellinews_kazakhstan_bypass_cpc_storm.txt", dt.date(2022, 3, 24)),
        # "Faizan Hashmi Published January 12, 2022 | 08:28 PM": author, label, date, time
        ("dev3/en_urdupoint_tokayev_thanks_csto.txt", dt.date(2022, 1, 12)),
    ],
)
def test_stamp_forms_and_places(ctx, name, expected):
    assert text_date(ctx, name) == expected


def test_today_before_a_full_date_names_the_day_of_the_page(ctx):
    # tag cloud / "Протесты в Казахстане – … последние новости на сегодня 7 января 2022"
    assert text_date(ctx, "dev2/t_ru_ria24_protests_toll_jan7.txt") == dt.date(2022, 1, 7)


def test_a_box_of_today_is_no_stamp(ctx):
    # The same page with its headline cut to a site's box of the day: "Сегодня 7 января 2022"
    text = page("dev2/t_ru_ria24_protests_toll_jan7.txt")
    headline = next(line for line in text.split("\n") if "на сегодня 7 января 2022" in line)
    boxed = text.replace(headline, "Сегодня 7 января 2022", 1)
    raw = RawInput(data=boxed.encode("utf-8"), origin="ria24.txt")
    assert ingest_bytes(raw, ctx).date is None


def test_a_site_clock_with_its_weekday_after_the_date_is_no_stamp(ctx):
    # today.kg: "06:52, 4 мая 2024 Сб" over a report of January 2022 (the clock of the day
    # the page was seen, its weekday after the date)
    assert text_date(ctx, "dev11/ru_todaykg_kyrgyz_peacekeepers_arrived.txt") is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # a photo's caption under the headline: "Armenian peacekeepers leave for Kazakhstan,
        # January 7, 2022" (the report is of 12 January)
        ("dev11/en_armenianweekly_troops_to_pull_out.txt", None),
        # "Riot police detain a protester outside …, May 31, 2024." over the headline
        ("dev11/en_mirrorspectator_protesters_freed.txt", None),
        # a cited report's "Key Kazakh oilfield hit by protests, 6 January 2022" under the
        # digest's headline and posting date "2022년 1월 9일" (was 6 January: wrong)
        ("dev9/en_businesshumanrights_workers_disrupt_tengiz_trains.txt", dt.date(2022, 1, 9)),
    ],
)
def test_a_sentence_and_its_date_is_a_caption_not_a_stamp(ctx, name, expected):
    assert text_date(ctx, name) == expected


def test_rubric_and_date_over_the_repeated_headline(ctx):
    # "Курсы валют от 21/08/2025" (a widget: the crawl day) / … / "Экономика 01/09/2023
    # Россия договаривается …" / "Россия договаривается …" (the headline)
    assert text_date(ctx, "dev2/t_ru_uzdaily_lavrov_gas_transit.txt") == dt.date(2023, 9, 1)


def test_a_stamp_right_after_the_text(ctx):
    # ... last paragraph / "1prime.ru/20250814/gaz-860713434.html" / "14.08.2025" / "15:36"
    # / a filter menu ("Страна", "Инструменты", ...)
    name = "dev2/t_ru_smartlab_gas_transit_2026.txt"
    assert text_date(ctx, name, chars=5000) == dt.date(2025, 8, 14)


def test_a_stamp_after_the_text_over_a_typo_box_and_a_call_for_news(ctx):
    # ... last paragraph / "11 декабря 2024, 14:58" / "Нашли ошибку? … Ctrl + Enter." /
    # "Есть, чем поделиться по теме этой статьи? … Присылайте ваши новости …"
    name = "dev3/ru_azh_minenergo_druzhba_bryansk.txt"
    assert text_date(ctx, name, chars=5000) == dt.date(2024, 12, 11)


def test_a_stamp_after_a_text_of_one_paragraph(ctx):
    # "У Росії на Сизранському НПЗ … (one paragraph)" / "БпЛА атакували Сизранський НПЗ у
    # Самарській області РФ" (the headline, under the text) / "Новини світу" / "February 19,
    # 2025" (dev8, kyivregion): the stamp right after the text, the text one paragraph long
    name = "dev8/uk_kyivregion_syzran_refinery_drones.txt"
    assert page(name).rstrip().endswith("Новини світу\nFebruary 19, 2025")
    assert text_date(ctx, name) == dt.date(2025, 2, 19)


def test_dated_lines_deep_in_a_list_are_no_stamps(ctx):
    # a list of attacks, each under a line like "2011 жыл 17 мамыр": no publication date
    assert text_date(ctx, "dev2/t_kk_massaget_terror_attacks_list.txt", chars=6000) is None


def test_a_yesterday_stamp_beside_a_crawl_date_gives_no_date(ctx):
    # The newsru page (" date 2025-12-30", stamp "30 декабря 2025 в 11:41") as the site
    # shows it the next day, "Вчера в 11:41", under a marker of December 31: the marker is
    # the page's own day on every page that has one, so "yesterday" may be the 30th or the
    # 31st. (It took the day before the marker.)
    text = page("dev2/t_ru_newsru_cpc_storm_dec2025.txt")
    seen_next_day = text.replace(" date 2025-12-30", " date 2025-12-31", 1).replace(
        "30 декабря 2025 в 11:41", "Вчера в 11:41", 1
    )
    assert seen_next_day.count("Вчера в 11:41") == 1 and " date 2025-12-31" in seen_next_day
    raw = RawInput(data=seen_next_day.encode("utf-8"), origin="newsru.txt")
    assert ingest_bytes(raw, ctx).date is None


def test_a_stamp_unlike_the_crawl_date_gives_no_date(ctx):
    # The same page, its stamp "30 декабря 2025 в 11:41" kept, under a marker of another day
    # two days or more away, or of another month: one of the two is not the page's day (it
    # took the stamp's). A marker of the next day is the stamp's clock time in another time
    # zone (as on westernmassnews and ecopress, labelled by their stamps): the stamp stands.
    text = page("dev2/t_ru_newsru_cpc_storm_dec2025.txt")
    assert text_date(ctx, "dev2/t_ru_newsru_cpc_storm_dec2025.txt") == dt.date(2025, 12, 30)
    for marker, date in (
        (" date 2026-01-01", None),
        (" date 2026-01", None),
        (" date 2025-12-31", dt.date(2025, 12, 30)),
    ):
        moved = text.replace(" date 2025-12-30", marker, 1)
        assert moved != text
        raw = RawInput(data=moved.encode("utf-8"), origin="newsru.txt")
        assert ingest_bytes(raw, ctx).date == date


def test_a_wire_dateline_a_day_before_the_crawl_date_gives_the_markers_day(ctx):
    # " date 2026-01-21 Oil production at Tengiz field shut since Sunday" / … / "MOSCOW, Jan
    # 20 (Reuters) – …" (dev6, recentlyheard, labelled 21 January): the wire's day is not
    # the page's (it took 20 January, then none); filed on the 20th, posted on the marker's
    # day (as thehillstimes, dev136)
    name = "dev6/en_recentlyheard_tengiz_shut_7_10_days.txt"
    assert page(name).startswith(" date 2026-01-21 ") and "MOSCOW, Jan 20 (Reuters)" in page(name)
    assert text_date(ctx, name) == dt.date(2026, 1, 21)


def test_a_stamp_weeks_before_a_full_date_of_the_lead_is_not_taken(ctx):
    # "Daily news" / "September 26, 2023" / headline / "... late on November 11, 2023,
    # following an attack ...": the lead's dated event comes seven weeks after the stamp
    text = page("dev/en_simplemoneygoals_warship_listing_novorossiysk.txt")
    dated = text.replace("late on November 11,", "late on November 11, 2023,", 1)
    assert dated != text
    raw = RawInput(data=dated.encode("utf-8"), origin="simplemoneygoals.txt")
    assert ingest_bytes(raw, ctx).date is None
    # a deadline ahead is no event told ("until March 31, 2026", dev minfin.com.ua)
    assert text_date(ctx, "dev3/uk_minfin_gas_price_fixed_march.txt") == dt.date(2025, 10, 9)


@pytest.mark.parametrize(
    ("text", "latin", "expected"),
    [
        ("• 11-01-2022 (09:04)", False, [(2, 2022, 1, 11)]),
        ("- 09-12-2013", True, []),  # a dash date reading both ways: unknown
        ("13-01-2022", True, [(0, 2022, 1, 13)]),
        ("01-13-2022", True, [(0, 2022, 1, 13)]),  # only month first can be
        ("2022/01/06", False, [(0, 2022, 1, 6)]),
        ("18.11.25 года", False, [(0, 2025, 11, 18)]),
        ("Экономика 01/09/2023", False, [(10, 2023, 9, 1)]),  # day first
        ("Posted 01/13/2022", True, [(7, 2022, 1, 13)]),  # only month first can be
        ("Posted 01/06/2022", True, []),  # American or not: unknown on a Latin page
        ("Posted 01/06/2022", False, [(7, 2022, 6, 1)]),
        ("25 қар, 2020 сағат 21:45", False, [(0, 2020, 11, 25)]),
        ("Jan.6", True, [(0, None, 1, 6)]),
        ("2022.01.05 14:30", False, [(0, 2022, 1, 5)]),
    ],
)
def test_numeric_date_forms(ctx, text, latin, expected):
    assert find_dates(text, ctx.rules, latin=latin) == expected


def test_date_of_a_cleaned_page_states_why_none(ctx):
    cleaned = clean_text(page("dev2/t_en_thenews_commemorate_victims.txt"), ctx.rules)
    assert infer_date(cleaned, ctx.rules)[0] == dt.date(2022, 2, 14)
    cleaned = clean_text(
        page("dev/en_simplemoneygoals_warship_listing_novorossiysk.txt"), ctx.rules
    )
    date, warnings = infer_date(cleaned, ctx.rules)
    assert date is None and any("does not fit" in w for w in warnings)


@pytest.mark.parametrize(
    ("name", "expected", "branch"),
    [
        # "Monday June 24, 2024" / headline / "February 14, 2022": the one below the headline
        ("dev2/t_en_thenews_commemorate_victims.txt", dt.date(2022, 2, 14), "stamp_below"),
        # " date 2022-01-11 BAKU, Azerbaijan, Jan. 11": the crawl date its stamp names
        ("dev4/en_trend_serdyukov_handover_plan.txt", dt.date(2022, 1, 11), "crawl_stamp_day"),
        # "Moscow, 17 May 2022 (TDI): …"
        ("dev8/en_thediplomaticinsight_moscow_csto_meeting.txt", dt.date(2022, 5, 17), "dateline"),
        # a stamp weeks before the lead's "November 11": none, and no branch
        ("dev/en_simplemoneygoals_warship_listing_novorossiysk.txt", None, None),
    ],
)
def test_the_branch_that_gave_the_date_is_named(ctx, name, expected, branch):
    cleaned = clean_text(page(name), ctx.rules)
    date, how, _warnings = date_with_provenance(cleaned, ctx.rules)
    assert (date, how) == (expected, branch)
    assert how is None or how in DATE_BRANCHES
    assert infer_date(cleaned, ctx.rules)[0] == date  # the public function says the same


def test_a_long_line_is_a_stamp_only_with_a_publication_label(ctx):
    assert is_timestamp("Faizan Hashmi Published January 12, 2022 | 08:28 PM", ctx.rules)
    # a sentence of the same length with a date and a time is article text
    assert not is_timestamp("On January 12, 2022 at 08:28 PM police opened fire", ctx.rules)


def test_separators_are_no_words_of_a_stamp(ctx):
    # "Новини — Субота, 6 вересня 2025, 09:15 — Уляна Кричковська" (dev3, eurointegration):
    # ten tokens, eight of them words
    line = "Новини — Субота, 6 вересня 2025, 09:15 — Уляна Кричковська"
    assert is_timestamp(line, ctx.rules)


@pytest.mark.parametrize(
    ("marker", "expected"),
    [
        (" date 2022-01-11 ", dt.date(2022, 1, 11)),  # as stored
        (" date 2022-01-12 ", None),  # a day later: the marker's day or the stamp's? (was 11)
        (" date 2022-03-01 ", None),  # seven weeks later: which day is unknown
        (" date 2022-01 ", dt.date(2022, 1, 11)),  # the marker's month: the stamp's day
        ("", None),  # no marker: no year
    ],
)
def test_a_yearless_stamp_line_and_the_crawl_date(ctx, marker, expected):
    # " date 2022-01-11 BAKU, Azerbaijan, Jan. 11" / "Trend:" / lead (dev4, trend.az)
    text = page("dev4/en_trend_serdyukov_handover_plan.txt")
    assert text.startswith(" date 2022-01-11 BAKU, Azerbaijan, Jan. 11")
    raw = RawInput(data=text.replace(" date 2022-01-11 ", marker, 1).encode(), origin="t.txt")
    assert ingest_bytes(raw, ctx).date == expected


def test_a_yearless_date_over_the_headline_takes_no_year_from_the_lead(ctx):
    # "29 листопада" / "Завантажити ще" / headline / lead "... з 05 січня по 19 січня 2022
    # року ..." (dev7, kp.ua, a report of 5 January): a related item's date. Had it read
    # "20 січня", the lead's year made it 2022-01-20; a dateline's day may take that year,
    # a stamp's may not.
    name = "dev7/uk_kpua_embassy_advises_against_kazakhstan_trips.txt"
    text = page(name)
    assert text.startswith("29 листопада\nЗавантажити ще\n")
    raw = RawInput(data=text.replace("29 листопада", "20 січня", 1).encode(), origin="kp.txt")
    assert ingest_bytes(raw, ctx).date is None


def test_a_crawl_date_of_new_years_day_alone_gives_no_date(ctx):
    # " date 2025-01-01 У Казахстані неподалік від кордону з РФ вибухнув невідомий дрон" (dev8,
    # volynpost, a report of 23 October 2025): 1 January stands for a year alone as often as
    # for a day (it was taken). The cost: kion546's AP report of 1 January 2023 (URL-dated)
    # goes undated too, its "KYIV, Ukraine (AP) —" naming no day.
    name = "dev8/uk_volynpost_drone_exploded_kazakhstan.txt"
    assert page(name).startswith(" date 2025-01-01 ")
    assert text_date(ctx, name) is None
    kion = "kion546.com/news/ap-national-news/2023/01/01/"
    assert urldated(kion)["text"].startswith(" date 2023-01-01 KYIV, Ukraine (AP)")
    assert urldated_date(ctx, kion) is None


def test_a_dateline_with_a_full_date_and_the_agency_in_brackets(ctx):
    # "Moscow, 17 May 2022 (TDI): The fortified complex in the center of Moscow, Kremlin
    # hosted …" (dev8, thediplomaticinsight): place, full date, agency in brackets, a colon
    name = "dev8/en_thediplomaticinsight_moscow_csto_meeting.txt"
    assert page(name).startswith("Moscow, 17 May 2022 (TDI): ")
    assert text_date(ctx, name) == dt.date(2022, 5, 17)
    # a place not in capitals with a yearless date needs a known agency or one in capitals
    yearless = page(name).replace("Moscow, 17 May 2022 (TDI):", "Moscow, 17 May (TDI):", 1)
    raw = RawInput(data=yearless.encode("utf-8"), origin="tdi.txt")
    assert ingest_bytes(raw, ctx).date is None


# ------------------------------------- outlets never tuned on (tests/data/urldates, dates5)

URLDATES = Path(__file__).parent / "data" / "urldates" / "pages.jsonl"


def urldated(fragment: str) -> dict:
    """The page of tests/data/urldates whose URL holds ``fragment`` (text as stored)."""
    pages = [json.loads(line) for line in URLDATES.read_text(encoding="utf-8").splitlines()]
    (found,) = [p for p in pages if fragment in p["url"]]
    return found


def urldated_date(ctx, fragment: str, text: str | None = None) -> dt.date | None:
    """The date ingest gives the page's text alone (its URL date is the answer key)."""
    data = (text if text is not None else urldated(fragment)["text"]).encode("utf-8")
    return ingest_bytes(RawInput(data=data, origin=f"{fragment}.txt"), ctx).date


def test_a_place_cut_in_two_is_no_wire_dateline(ctx):
    # Photo caption "… Thursday, Jan. 13, 2022. …" / "MOSCOW – A top law-enforcement official
    # in Kazakhstan said Saturday …" (AP via click2houston, 15 Jan): "MOSCOW –" read as place
    # "MOSCO" and agency "W" made the caption's date a wire report's.
    page = urldated("click2houston.com/news/world/2022/01/15/")
    assert "Jan. 13, 2022" in page["text"] and "\nMOSCOW – A top" in page["text"]
    assert urldated_date(ctx, "click2houston.com/news/world/2022/01/15/") is None
    assert not _agency_like("W", ctx.rules) and not _agency_like("К", ctx.rules)
    assert not _agency_like("13 ҚАҢТАР", ctx.rules) and not _agency_like("Kazakhstan -", ctx.rules)
    assert _agency_like("KAZINFORM", ctx.rules) and _agency_like("ТАСС", ctx.rules)


def test_a_wire_leads_date_must_fit_the_rest_of_its_paragraph(ctx):
    # "NUR-SULTAN (Sputnik) - A total of 230 people died …, said on... 14.03.2022, Sputnik
    # International" (sputniknews.com/20220314/…): the wire lead's date; a full date of the
    # same paragraph two months later would make it an earlier event's (it was taken)
    fragment = "sputniknews.com/20220314/"
    text = urldated(fragment)["text"]
    assert urldated_date(ctx, fragment) == dt.date(2022, 3, 14)
    later = text.replace(
        "14.03.2022, Sputnik International",
        "14.03.2022, Sputnik International. The hearings ended on 20.05.2022.",
        1,
    )
    assert later != text
    assert urldated_date(ctx, "sputnik", later) is None


def test_a_date_beside_the_headers_weather_and_rates_is_the_day_of_the_page(ctx):
    # "• Сб 20.04.2024" / "• Харків +12°С" / "• USD 39.6" / "• EUR 42.28" / headline of a
    # report of 20.04.2023 (objectiv.tv): the header's box of the day, not the report's date
    assert urldated("objectiv.tv/uk/objectively/2023/04/20/")["text"].startswith(
        "• Сб 20.04.2024\n  • Харків  +12°С\n  • USD 39.6"
    )
    assert urldated_date(ctx, "objectiv.tv/uk/objectively/2023/04/20/") is None


def test_a_stamp_glued_to_the_first_lines(ctx):
    # headline / "Reuters" / "Jan 11, 2022 • 1 hour ago • < 1 minute read • Join the
    # conversation" / lead (dev2, National Post): the stamp's separators glue page furniture
    # to it; the page gave its date only through a dateline misread ("NUR-SULTA" + "N").
    text = page("dev2/t_en_nationalpost_smailov_named_pm.txt")
    assert text_date(ctx, "dev2/t_en_nationalpost_smailov_named_pm.txt") == dt.date(2022, 1, 11)
    undated = text.replace("NUR-SULTAN — ", "", 1)
    assert undated != text
    raw = RawInput(data=undated.encode("utf-8"), origin="nationalpost.txt")
    assert ingest_bytes(raw, ctx).date == dt.date(2022, 1, 11)
    # the same stamp labelled as a revision ("Updated Jan 11, 2022 • …") is no publication
    revised = undated.replace("\nJan 11, 2022", "\nUpdated Jan 11, 2022", 1)
    assert revised != undated
    raw = RawInput(data=revised.encode("utf-8"), origin="nationalpost.txt")
    assert ingest_bytes(raw, ctx).date is None


def test_a_full_date_opening_a_sentence_is_no_glued_stamp(ctx):
    # " date 2026-02-24 Перший день … хроніка подій 24 лютого 2022 року" / "24 лютого 2022 року
    # став однією з найтрагічніших …" (rusjev.com, an anniversary piece): the event's date
    text = urldated("rusjev.com/2026/02/24/")["text"]
    assert urldated_date(ctx, "rusjev.com/2026/02/24/") == dt.date(2026, 2, 24)
    unmarked = text.replace(" date 2026-02-24 ", "", 1)
    assert urldated_date(ctx, "rusjev", unmarked) is None


# --------------------------------------------- dev5 (outlets new to the set, dates5 review)


@pytest.mark.parametrize(
    "name",
    [
        # "-3.1 C" / "Алматы" / "Четверг, 5 февраля 2026" over a report of 14.04.2020 (qazweek):
        # a weather widget with a decimal temperature
        "dev5/kk_qazweek_covid_emergency_extended.txt",
        # "7 ноября 2024" / a motto / "USD" / "504.49 KZT" / … printed twice, over a report
        # of 2025 (zorknews): the rates widget, and the same box again further down
        "dev5/ru_zorknews_tajikistan_asks_csto_border.txt",
        # page title / "Пятница, 22 ноября 2024" / headline of a report of 10.01.2022 (spektr):
        # the weekday first, a full date and nothing else is the box of the day
        "dev5/ru_spektr_ruzakhunov_released.txt",
    ],
)
def test_a_box_of_the_day_in_a_header_is_no_publication_date(ctx, name):
    assert text_date(ctx, name) is None  # the text alone: no date rather than the box's


def test_a_city_and_country_before_a_photo_caption_is_no_wire_dateline(ctx):
    # "ВОЛНЕНИЯ В КАЗАХСТАНЕ" / "ALMATY, KAZAKHSTAN - JANUARY 5, 2022: A burnt car is seen by
    # the mayor's office on fire. … Valery Sharifulin/TASS" (ourtx, an undated photo recap):
    # "KAZAKHSTAN" is no agency, the caption's date no report's
    assert text_date(ctx, "dev5/ru_ourtx_unrest_photo_recap.txt") is None
    assert not _agency_like("KAZAKHSTAN", ctx.rules)


def test_a_date_before_an_embedded_videos_description_is_no_stamp(ctx):
    # "Friday, January 07, 2022" (the blog post's date) / video title / "Jan 6, 2022 • Police
    # in Kazakhstan's largest city, Almaty, say …" (the embedded video's description)
    # (the post's date is a weekday box alone over the headline, which dates nothing since
    # the thirty-seventh session: a right date lost, see
    # ``test_a_weekday_box_alone_over_the_headline_dates_nothing``; the video's is not taken)
    text = page("dev2/i_en_librabunda_dw_protesters_storm_offices.txt")
    assert text_date(ctx, "dev2/i_en_librabunda_dw_protesters_storm_offices.txt") is None
    without_post_date = text.replace("Friday, January 07, 2022\n", "", 1)
    assert without_post_date != text
    raw = RawInput(data=without_post_date.encode("utf-8"), origin="librabunda.txt")
    assert ingest_bytes(raw, ctx).date is None


def test_a_stamp_glued_to_the_lead_after_its_time(ctx):
    # headline / "ПОЛИТИКА" / "06.01.2022 | 21:406-го января 2022 года состоялся телефонный
    # разговор …" (factoram): the stamp's time runs into the lead's first word
    assert text_date(ctx, "dev5/ru_factoram_zas_pashinyan_call.txt") == dt.date(2022, 1, 6)


def test_dates_listed_above_the_headline_leave_the_stamp_after_the_text(ctx):
    # masthead / "№ 31 газет" / "20 сәуір 2024 ж." / "№ 30 газет" / "16 сәуір 2024 ж." / … /
    # headline / text / "16 наурыз 2020 ж. 548 0" (tirshilik-tynysy.kz): the paper's issues
    # are a list, not stamps in conflict; the stamp after the text dates the report
    name = "dev5/kk_tirshilik_covid_emergency_may_extend.txt"
    assert text_date(ctx, name, chars=4000) == dt.date(2020, 3, 16)


def test_a_dateline_place_is_a_whole_word(settings):
    """ "MOSCOW –" opens an AP report: no dateline of place "MOSCO" and agency "W"."""
    from generator.ingest import load_ingest_context

    rules = load_ingest_context(settings).rules
    line = "MOSCOW – A top law-enforcement official in Kazakhstan said Saturday"
    for rx in rules.datelines:
        m = rx.match(line)
        assert m is None or m.group("place") in ("", "MOSCOW"), m.groupdict()


# --------------------------------------------- dev6 (outlets new to the set, dates6 review)


@pytest.mark.parametrize(
    "name",
    [
        # headline / "- 09-12-2013" / lead "вчера была начата добыча первой нефти на
        # Кашагане" (oilpipelines.ru): 12 September (first oil on 11 Sep 2013), not 9 December
        "dev6/ru_oilpipelines_kashagan_oil_ust_luga.txt",
        # another story's headline / "06-11-2023" / a report with no date of its own (oinet.kz):
        # 6 November or 11 June, and nothing on the page tells which
        "dev6/kk_oinet_kyrgyz_tajik_border_clash.txt",
    ],
)
def test_a_dash_date_that_reads_both_ways_is_no_date_under_a_cyrillic_text(ctx, name):
    assert text_date(ctx, name) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # headline / "06/01/2022 - 10:12 (по МСК)" / "Вечером 5 января силовики освободили
        # аэропорт" (dev, tvrain): read day first, a day after the lead's 5 January
        ("dev/ru_tvrain_airport_freed.txt", dt.date(2022, 1, 6)),
        # caption "…, 5.01.22." / "• 11-01-2022 (09:04)" / … "8 января …" (dev2, kasparov.org)
        ("dev2/t_ru_kasparov_10000_detained.txt", dt.date(2022, 1, 11)),
        # "Курсы валют от 21/08/2025" / … / "Экономика 01/09/2023" (dev2, uzdaily): the site
        # writes the day first
        ("dev2/t_ru_uzdaily_lavrov_gas_transit.txt", dt.date(2023, 9, 1)),
    ],
)
def test_the_page_settles_the_order_of_a_slash_or_dash_date(ctx, name, expected):
    assert text_date(ctx, name) == expected


def test_the_dash_date_of_another_year_is_not_settled_by_a_date_far_off(ctx):
    # The oilpipelines page with a lead that recalls an event: "15 января" is no day near
    # 9 December or 12 September, and the order stays unknown.
    text = page("dev6/ru_oilpipelines_kashagan_oil_ust_luga.txt")
    recalled = text.replace("вчера была начата", "15 января была начата", 1)
    assert recalled != text
    raw = RawInput(data=recalled.encode("utf-8"), origin="oilpipelines.txt")
    assert ingest_bytes(raw, ctx).date is None
    settled = text.replace("вчера была начата", "7 декабря была начата", 1)  # two days before
    raw = RawInput(data=settled.encode("utf-8"), origin="oilpipelines.txt")
    assert ingest_bytes(raw, ctx).date == dt.date(2013, 12, 9)


def test_a_line_of_exchange_rates_with_their_date_is_no_stamp(ctx):
    # "Загрузка погоды…" / "Курсы валют Нацбанка РК" / "(04.03.2026) $ 498.09 ₸ € 577.34 ₸ ¥
    # 72.19 ₸ ₽ 6.41 ₸" / headline of an interview of May 2025 (ddn.kz): the rates' day
    name = "dev6/ru_ddn_tokayev_discussed_cpc_with_putin.txt"
    assert "(04.03.2026) $ 498.09 ₸" in page(name)
    assert text_date(ctx, name) is None


def test_a_deadline_gives_no_year_to_a_yearless_dateline(ctx):
    # "МОСКВА, 9 ноя - РИА Новости. Реверсные поставки … с ноября 2025 года должны
    # дополнительно вырасти …" / "… Поставка должна начаться не позже 1 ноября 2025 года"
    # (mfd.ru, a report of November 2024): the deadline's year is no year of the report
    name = "dev6/ru_mfd_miller_cac_reverse_supplies.txt"
    assert "не позже 1 ноября 2025 года" in page(name)
    assert text_date(ctx, name) is None
    # the same date told as an event that happened does give the year
    text = page(name).replace("не позже 1 ноября 2025 года", "1 ноября 2025 года", 1)
    raw = RawInput(data=text.encode("utf-8"), origin="mfd.txt")
    assert ingest_bytes(raw, ctx).date == dt.date(2025, 11, 9)


def test_a_stamp_split_over_two_lines_with_the_time_before_the_year(ctx):
    # "Legatus" / headline / "15 сентября" / "02:21 2022" / lead (politdumka.kiev.ua)
    name = "dev6/uk_politdumka_armenia_asks_csto_military_aid.txt"
    assert "15 сентября\n02:21 2022" in page(name)
    assert text_date(ctx, name) == dt.date(2022, 9, 15)


def test_a_dateline_with_the_agencies_and_the_date_in_brackets(ctx):
    # "MOSCOW (Pakistan Point News / Sputnik - 17th January, 2022) Russian peacekeepers …"
    name = "dev6/en_pakistanpoint_russian_peacekeepers_chkalovsky.txt"
    assert text_date(ctx, name) == dt.date(2022, 1, 17)
    cleaned = clean_text(page(name), ctx.rules)
    assert cleaned.dateline is not None and cleaned.dateline.place == "MOSCOW"
    assert cleaned.body.startswith("Russian peacekeepers deployed")
    # the same form with the month first and a colon after the bracket
    line = "ISLAMABAD, (UrduPoint / Pakistan Point News - Jan 17th, 2022) : The federal cabinet"
    assert any(rx.match(line) for rx in ctx.rules.datelines)


def test_a_line_giving_the_pages_own_address_dates_it(ctx):
    # no headline, no stamp; the text ends "Ссылка на новость: https://kant.kg/2019-05-03/…"
    # (kant.kg; "15 апреля" in the text is the supplies' resumption)
    name = "dev6/ru_kantkg_turkmen_gas_transit_resumed.txt"
    assert text_date(ctx, name, chars=5000) == dt.date(2019, 5, 3)
    assert text_date(ctx, name, chars=5000, url="https://kant.kg/?p=311580") == dt.date(2019, 5, 3)
    # an address on another site than the page's is a link to a source, not the page's
    assert text_date(ctx, name, chars=5000, url="https://example.org/?p=1") is None
    # and an address without the label is any link (a story read also)
    text = page(name, 5000).replace("Ссылка на новость: ", "", 1)
    raw = RawInput(data=text.encode("utf-8"), origin="kant.txt")
    assert ingest_bytes(raw, ctx).date is None


def test_a_papers_issue_line_dates_the_page(ctx):
    # masthead motto / "АЙТЫЛҒАН СӨЗ" / a quote box / its author / a banner / "Жас Алаш №102
    # (15664) 23 желтоқсан, жұма 2011" / addressee / "АШЫҚ ХАТ" / letter (zhasalash.kz archive)
    name = "dev6/kk_zhasalash_zhanaozen_open_letter_2011.txt"
    assert text_date(ctx, name) == dt.date(2011, 12, 23)
    assert find_dates("23 желтоқсан, жұма 2011", ctx.rules) == [(0, 2011, 12, 23)]
    # a decree's number and date in a sentence is no issue line
    line = "Указ № 152 от 5 января 2022 года"
    assert classify(line, ctx.rules) != "header"


# ----------------------------------------------------- dev7: stamps of unseen outlets


def ingest_text(ctx, text: str, origin: str = "page.txt") -> dt.date | None:
    return ingest_bytes(RawInput(data=text.encode("utf-8"), origin=origin), ctx).date


def test_a_source_line_naming_the_site_by_its_address_is_a_stamp(ctx):
    # "Back to the list" / headline / "source-logo  cryptopolitan.com 06 January 2022 20:04,
    # UTC" / bullets (cryptonews.net, an aggregator crediting its source by its address)
    name = "dev7/en_cryptonewsnet_miners_go_offline.txt"
    assert text_date(ctx, name) == dt.date(2022, 1, 6)
    assert is_timestamp("source-logo  cryptopolitan.com 06 January 2022 20:04, UTC", ctx.rules)
    # a sentence naming a site and a date is no stamp
    line = "Miners told cryptopolitan.com on 06 January 2022 20:04 that pools went dark"
    assert not is_timestamp(line, ctx.rules)
    # nor is an embedded post's link and date
    assert not is_timestamp("pic.twitter.com/Ab1 06 January 2022 20:04", ctx.rules)


def test_a_byline_ending_in_the_date_and_a_clock_time(ctx):
    # headline / teaser "… Reuters reported the […]" / "By Henry Lazenby January 6, 2022 At
    # 12:50 pm" / headline again (canadianminingjournal.com; "Next Events" of Jan 18 2022 and
    # later at the end are no stamp)
    name = "dev7/en_canadianminingjournal_uranium_unaffected.txt"
    assert text_date(ctx, name) == dt.date(2022, 1, 6)
    assert is_timestamp("By Henry Lazenby January 6, 2022 At 12:50 pm", ctx.rules)
    # words after the time are text, not a stamp's
    assert not is_timestamp("By Henry Lazenby January 6, 2022 At 12:50 pm miners said", ctx.rules)


def test_a_byline_and_stamps_between_bars(ctx):
    # headline / "By The Diplomat | Created at 2025-01-30 17:16:28 | Updated at 2025-01-30
    # 23:11:39 6 hours ago" / "Truth" / lead "On January 17, a court …" (news.devevil.com)
    name = "dev7/en_devevil_koshmambet_torture_verdict.txt"
    assert text_date(ctx, name) == dt.date(2025, 1, 30)
    # the revision's date is not the publication's: a page created the day before
    text = page(name).replace("Created at 2025-01-30", "Created at 2025-01-29", 1)
    assert ingest_text(ctx, text) == dt.date(2025, 1, 29)
    # a headline between the bars makes no stamp
    line = "Torture trial ends in sentences | The Diplomat | 2025-01-30"
    assert not is_timestamp(line, ctx.rules)


def test_a_lone_year_over_the_headline_gives_its_year_to_a_yearless_dateline(ctx):
    # "Войти" / headline / "2022" / "0" / "0" / caption twice / credit / "Бишкек. 7 января.
    # ИНТЕРФАКС - Президент Киргизии …" (vpk.name)
    name = "dev7/ru_vpkname_kyrgyzstan_sends_peacekeepers.txt"
    assert "\n2022\n0\n0\n" in page(name)
    assert text_date(ctx, name) == dt.date(2022, 1, 7)
    # without the year the dateline's day stays unknown
    assert ingest_text(ctx, page(name).replace("\n2022\n", "\n", 1)) is None
    # a number the lead's dates belie is no year (a counter of 2023 views)
    text = page(name).replace("\n2022\n", "\n2023\n", 1)
    text = text.replace("сообщила в пятницу", "сообщила 7 января 2022 года", 1)
    assert "сообщила 7 января 2022 года" in text
    assert ingest_text(ctx, text) == dt.date(2022, 1, 7)


def test_a_header_printed_twice_does_not_push_the_stamp_out_of_the_lead(ctx):
    # headline / standfirst / headline / standfirst / caption "On December 23, 2022, …" /
    # the caption again with its credit / "Wednesday, 11 January, 2023" / text (iwpr.net)
    name = "dev7/en_iwpr_year_on_bloody_january.txt"
    assert text_date(ctx, name) == dt.date(2023, 1, 11)
    # a paragraph of text said once between the standfirst and the stamp: no stamp of the lead
    lines = page(name).split("\n")
    once = [line for i, line in enumerate(lines) if i != 9]  # (the caption with its credit)
    assert ingest_text(ctx, "\n".join(once)) is None


def test_a_first_line_dated_after_the_stamp_under_it_is_the_day_the_page_was_seen(ctx):
    # "Четверг, Октябрь 16, 2025" / "05.01.2025" / headline (prometall.info; "Последние
    # публикации 16.10.2025" at the end: the day the page was seen)
    name = "dev7/ru_prometall_kazatomprom_inkai_halt.txt"
    assert text_date(ctx, name) == dt.date(2025, 1, 5)
    # the other way round (the later date under the earlier one) it is no box of the day:
    # two stamps, two dates, no date
    first, second, rest = page(name).split("\n", 2)
    assert ingest_text(ctx, f"{second}\n{first}\n{rest}") is None


def test_a_publication_stamp_right_under_the_text_whatever_follows_it(ctx):
    # "• Updated On Jan 7, 2022 at 11:58 AM IST" near the top (a revision) / text / "•
    # Published On Jan 7, 2022 at 11:35 AM IST" / "Be the first one to comment." / "Join the
    # community of 2M+ industry professionals" / app prompts (auto.economictimes.indiatimes.com)
    name = "dev7/en_economictimes_kazatomprom_normal.txt"
    assert text_date(ctx, name) == dt.date(2022, 1, 7)
    # an unlabelled date there may head a list of other stories: no stamp over that furniture
    text = page(name).replace("Published On Jan 7, 2022", "Jan 7, 2022", 1)
    assert ingest_text(ctx, text) is None


def test_a_full_date_over_its_rubric_is_a_stamp(ctx):
    # labourcentralasia.org (audit8, a page of an outlet never seen): "08.02.2022 / Қазақстан"
    # over the headline; a sentence after a date and a slash stays text.
    assert is_timestamp("08.02.2022 / Қазақстан", ctx.rules)
    assert not is_timestamp("07.01.2022 / Протесты в Алматы продолжаются", ctx.rules)
    text = (
        "08.02.2022 / Қазақстан\n"
        "\n"
        "Жаңаөзенде наразылық жалғасты\n"
        "\n"
        "Жаңаөзенде наразылық жалғасты\n"
        "\n"
        "8 ақпанда таңертең Жаңаөзен қаласындағы ереуілшілерге Маңғыстау"
        ' облысы әкімінің орынбасары мен "Қазмұнайгаз", "Өзенмұнайгаз"'
        " компаниялары өкілдері келді. Олармен жолыққан ереуілшілер ешқандай"
        " комиссиямен келісімге отырмайтынын, талаптары тек жұмыс орны екенін"
        " айтты.\n"
        "\n"
        "Бұл туралы жаңаөзендік азаматтық белсенді Серік Бақтыбайұлы Facebook"
        " парақшасындағы тікелей эфирде жүргізген видео таратты.\n"
        "\n"
        "\n"
    )
    assert ingest_text(ctx, text) == dt.date(2022, 2, 8)


@pytest.mark.parametrize(
    "line",
    [
        "15 февраля 2025, Бишкекское время 18:53",  # rus.azattyk.org (audit8): the site's clock
        "15 лютого 2025, Київський час 18:53",
        "15 ақпан 2025, Астана уақыты 18:53",
        "February 15, 2025, Almaty time 18:53",
    ],
)
def test_a_site_clock_is_a_today_box(ctx, line):
    assert classify(line, ctx.rules) == "today_widget"


def test_a_site_clock_over_the_headline_gives_no_date(ctx):
    # rus.azattyk.org/a/27643340.html (audit8): the clock shows the day the page was seen; the
    # report is of "сегодня, 30 марта" of another year: no date rather than the clock's
    text = (
        "Ссылки для упрощенного доступа\n"
        "15 февраля 2025, Бишкекское время 18:53\n"
        "Митинг оппозиции пройдет в Бишкеке\n"
        "Иллюстративное фото.\n"
        "В Бишкеке сегодня, 30 марта, планируется проведение митинга оппозиции. Об этом "
        "«Азатытку» сообщил один из его организаторов.\n"
        "По его словам, основная тема обсуждения на митинге – границы.\n"
    )
    assert ingest_text(ctx, text) is None


# ----------------------------------------------- dates9: the lead's "today", labelled stamps

NOVINI_ZT = (  # novini-zt.info (audit8): the site's box of the day over a report of 12 January
    "RSS\n"
    "Неділя, 18 січня 2026, 21:20\n"
    "Суспільно-інформаційний ресурс громади\n"
    "Сьогодні, 12 січня, під головуванням начальника Житомирської ОВА Віталія Бунечка"
    " відбулося перше у цьому році засідання виконавчого комітету відділення Національного"
    " олімпійського комітету України в Житомирській області. Під час засідання було"
    " підбито підсумки роботи за 2025 рік.\n"
    "В обласній клінічній лікарні імені О. Ф. Гербачевського відкрили повністю оновлене"
    " приймальне відділення екстреної медичної допомоги. До відкриття долучився начальник"
    " Житомирської обласної військової адміністрації Віталій Бунечко.\n"
)


def test_a_stamp_of_another_day_than_the_leads_today_gives_no_date(ctx):
    # "Неділя, 18 січня 2026, 21:20" is the day the page was seen: the lead says the report
    # was written on 12 January
    assert ingest_text(ctx, NOVINI_ZT) is None
    # the same stamp on the lead's day is the publication's
    same = NOVINI_ZT.replace("Неділя, 18 січня", "Понеділок, 12 січня", 1)
    assert ingest_text(ctx, same) == dt.date(2026, 1, 12)
    # a quoted "today" is a statement's, not the report's
    quoted = NOVINI_ZT.replace("Сьогодні, 12 січня, під", "«Сьогодні, 12 січня, під", 1)
    assert ingest_text(ctx, quoted) == dt.date(2026, 1, 18)


def test_the_leads_today_beats_a_url_dated_the_next_day(ctx):
    # mtrk.kz: "… в первую неделю 2022 года. Сегодня, 10 января в стране — День
    # общенационального траура." under /ru/2022/01/11/: posted the day after it was written
    name = "dev6/ru_mtrk_national_mourning_day.txt"
    url = "https://mtrk.kz/ru/2022/01/11/Kazakhstan-skorbit-po-pogibshim-10-yanvarya/"
    assert text_date(ctx, name, url=url) == dt.date(2022, 1, 10)
    # a URL's date further off stands (a re-post, a lead copied from an older report)
    far = url.replace("2022/01/11", "2022/01/14")
    assert text_date(ctx, name, url=far) == dt.date(2022, 1, 14)


def test_a_sentence_labelling_the_publication_date_is_a_stamp(ctx):
    # yakutia-daily.ru (audit8): text / a reactions bar / "This post was published on
    # 13.12.2022 16:42" / "Share" / "Recent Posts" with their own headlines
    assert is_timestamp("This post was published on 13.12.2022 16:42", ctx.rules)
    assert is_timestamp("Статья опубликована 5 января 2022 года", ctx.rules)
    assert not is_timestamp("Отчёт был опубликован 5 января 2022 года в газете", ctx.rules)
    text = (
        "Добыча алмазов в Якутии с января по ноябрь 2022 года выросла на 13%\n\n"
        "В Минэкономики Якутии сообщили, что в регионе на 13% увеличилась добыча алмазов с"
        " начала 2022 года, в том числе по линии АЛРОСА наблюдается рост на 11,1%.\n\n"
        "Эксперты отмечают, что АЛРОСА предпринимает все необходимые меры для обеспечения"
        " стабильности производственной деятельности в текущих условиях.\n\n"
        + "+1\n0\n"
        * 4
        + "\nThis post was published on 13.12.2022 16:42\n\nShare\nPublished by\nЯкутия Daily\n\n"
        "Recent Posts\n\n  • НОВОСТИ\n  • СПОРТ\n\n"
        "Кубок Федерации северного многоборья выиграл Нерюнгинский район\n\n"
        "В Якутске в спорткомплексе «Модун» прошёл командный Кубок Федерации северного"
        " многоборья. В соревнованиях приняли участие…\n\n"
        "11.12.2025\n  • ПРОИСШЕСТВИЯ\n\nВ селе Октемцы пожар уне"
    )
    assert ingest_text(ctx, text) == dt.date(2022, 12, 13)
    # without its label the date there is no stamp of the article (it may head the list)
    unlabelled = text.replace("This post was published on ", "", 1)
    assert ingest_text(ctx, unlabelled) is None


def test_a_date_glued_to_the_first_word_of_the_text_is_a_stamp(ctx):
    # time56.ru (audit8): the markup lost the line break between the stamp and the text
    text = (
        "В Сорочинские «Озерки» скоро придет природный газ\n"
        "08.11.2016Как сообщили «Газпром газораспределение Оренбург», в Сорочинске в"
        " микрорайоне «Озерки» завершена работа по проектированию газопроводов.\n"
        "Новый жилой комплекс рассчитан на 498 домов.\n"
        "В 2017 году планируется начать работы по газификации и проводится будут за счет"
        " средств «Газпром газораспределение Оренбург».\n"
    )
    assert ingest_text(ctx, text) == dt.date(2016, 11, 8)
    # a date opening a sentence is the event's
    spaced = text.replace("08.11.2016Как сообщили", "08.11.2016 как сообщили", 1)
    assert ingest_text(ctx, spaced) is None


def test_a_date_glued_to_an_abbreviation_opening_the_text_is_a_stamp(ctx):
    """vringe.com (dev77): "11.12.2021СК ЦСКА, Алматы, Казахстан. Олимпийский призёр …"
    under the headline: the markup lost the line break after the stamp."""
    name = "dev77/ru_vringe_kunkabaev-pobil-uorda-i-vzyal-titul-wba-gold.txt"
    assert text_date(ctx, name) == dt.date(2021, 12, 11)


def test_a_ticker_of_stamped_items_opening_the_page_is_no_stamp(ctx):
    # deita.ru (audit8): other stories' stamps and the day's rates run together over the
    # headline; the article's own date is not in the excerpt
    ticker = (
        "6 сентября 2025, 16:00: В августе 1945-го: битва за Сахалин 6 сентября 2025, 15:15:"
        " Богатые китайцы ищут особенного на Дальнем Востоке Курсы валют от ЦБ на 06.09.2025:"
        " 1 Доллар США = 81.56 руб. 1 Евро = 95.48 руб. 1 Юань\n\n"
    )
    article = (
        '"Настоящий экоцид": рыбный порт засыпает углем Владивосток\n\n\n'
        "Жители микрорайона на мысе Чуркин во Владивостоке страдают от угольной пыли, которая"
        " летит к ним со стороны рыбного порта. Сильнее всего достаёт зимой.\n\n"
        "Местные жители уже несколько лет жалуются на угольную пыль в разные инстанции.\n"
    )
    assert ingest_text(ctx, ticker + article) is None
    # one stamp glued to the top line is the article's
    one = "6 сентября 2025, 16:00 Экология | Владивосток\n\n"
    assert ingest_text(ctx, one + article) == dt.date(2025, 9, 6)


def test_a_byline_with_the_outlet_before_the_date_is_a_stamp(ctx):
    # arctictoday.com (audit8): the author, his outlet after a comma, the date
    line = "By Malte Humpert, High North News February 26, 2024"
    assert is_timestamp(line, ctx.rules)
    # a sentence after the comma is no outlet's name
    assert not is_timestamp(
        "By Malte Humpert, the reporter who covered the Arctic since February 26, 2024",
        ctx.rules,
    )
    text = (
        "Latest round of US and UK sanctions takes aim at Russia’s Arctic LNG 2 project\n\n"
        f"{line}\n"
        "257\n"
        "Belokamenka Novatek Yard.\n"
        "Photo of construction at Novatek’s Belokamenka assembly yard near Murmansk."
        " (Source Novatek)\n\n"
        "The US and UK announced further sanctions against Russia´s Arctic LNG 2-project"
        " targeting ship construction in Russia and South Korea and Novatek’s Belokamenka"
        " assembly yard. The impact of three rounds of sanctions in the last six months"
        " continues to delay the first shipment from the project.\n"
    )
    assert ingest_text(ctx, text) == dt.date(2024, 2, 26)


def test_a_byline_date_and_view_counter_between_bars_is_a_stamp(ctx):
    # erazvitie.org (audit8): "Текст: Людмила Смеркович | 2013-10-16 | 4277" under the
    # masthead; the lead recalls 1604
    line = "Текст: Людмила Смеркович | 2013-10-16 | 4277"
    assert is_timestamp(line, ctx.rules)
    assert not is_timestamp("Сибирские Афины | 2013-10-16 | 4277", ctx.rules)
    text = (
        f"Сибирские Афины\n{line}\n"
        "В России созданы четыре особые экономические зоны инновационной направленности, и"
        " одна из них находится в Томске. В ходе рабочей поездки в этот сибирский город мы"
        " постарались разобраться, каковы предпосылки его превращения в центр научной и"
        " инженерной мысли новой России.\n\n"
        "20 января 1604 года в Москву ко двору царя Бориса Годунова прибыло посольство во"
        " главе с князем эуштинских татар Тояном.\n"
    )
    assert ingest_text(ctx, text) == dt.date(2013, 10, 16)


def test_a_url_of_two_different_days_states_none(ctx):
    # adm24.ru (audit8): a Joomla category alias dated 2010-12-09 before the article's alias
    # (2011-04-06, "В конце марта начались традиционные рабочие встречи …")
    url = "http://adm24.ru/index.php/2010-12-09-05-48-09/297-2011-04-06-04-45-43"
    assert url_date(url) is None
    assert url_date("http://adm24.ru/index.php/news/297-2011-04-06-04-45-43") == dt.date(2011, 4, 6)
    text = (
        "Встречи с населением\n\n"
        "В конце марта начались традиционные рабочие встречи Главы района с населением."
        " Проводятся они для оперативного решения вопросов, волнующих жителей.\n\n"
        "Глава района, руководители структурных подразделений администрации уже успели"
        " побывать в нескольких сельсоветах.\n"
    )
    raw = RawInput(data=text.encode("utf-8"), origin="page.txt", url=url)
    assert ingest_bytes(raw, ctx).date is None


@pytest.mark.parametrize(
    ("name", "date"),
    [
        # Joomla's article info line: "Category: World Published on Monday, 03 January 2022
        # 18:32 Hits: 1" (dev9 thedailyripple)
        ("dev9/en_thedailyripple_kazakhs_protest_fuel_price.txt", dt.date(2022, 1, 3)),
        # "Дата публикации: 17.06.2024   826 просмотров   2 комментария" (dev10 gorod-novoross)
        ("dev10/ru_gorodnovoross_mayor_checks_embankment.txt", dt.date(2024, 6, 17)),
    ],
)
def test_a_stamp_between_a_category_field_and_view_counts(ctx, name, date):
    assert text_date(ctx, name) == date


def test_a_korean_interfaces_date_is_a_stamp(ctx):
    # business-humanrights.org (dev9) in its Korean interface: "2022년 1월 9일" over the page
    assert is_timestamp("2022년 1월 9일", ctx.rules)
    assert [d[1:] for d in find_dates("2022년 1월 9일", ctx.rules)] == [(2022, 1, 9)]
    assert not is_timestamp("В 2022 году 826 просмотров", ctx.rules)


MASHIVKA = (  # mashivka-rada.gov.ua/news/1758882625/ (audit12): no stamp on the page
    "Засідання 53 позачергової сесії Машівської селищної ради восьмого скликання\n"
    "Сьогодні, 26 вересня 2025 року, під головуванням селищного голови Сергія СИДОРЕНКА,"
    " відбулося засідання 53 позачергової сесії Машівської селищної ради восьмого скликання.\n"
    "На розгляд сесії було винесено 48 питань, які були детально опрацьовані, попередньо, на"
    " засіданнях постійних комісій.\n"
)
SMILA = (  # smila-rada.gov.ua/content/uvaga-ogoloshennya-… (audit12): a notice, no headline
    "\nУ зв'язку із високим температурним режимом значно збільшилось споживання води"
    " мешканцями міста.\n"
    "Видобуток води збільшено на 40 відсотків порівняно з минулим роком. Тому вводиться"
    " тимчасовий графік водопостачання, який буде переглядатись щоденно.\n"
    "Сьогодні, 15 липня 2024 року, водопостачання буде відсутнє у наступні години:\n"
    "- 12:00 - 17:00\n- 23:00 - 05:00\n"
    "Перепрошуємо за тимчасові незручності.\n"
)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (MASHIVKA, dt.date(2025, 9, 26)),
        (SMILA, dt.date(2024, 7, 15)),
        (page("dev7/ru_mmgp_banks_stock_exchange_closed.txt"), dt.date(2022, 1, 6)),
    ],
)
def test_a_leads_today_with_its_year_dates_a_page_that_has_no_other_date(ctx, text, date):
    """ "Сьогодні, 26 вересня 2025 року, під головуванням …" in the first three paragraphs is
    the day the report was written; it is read only when nothing else (stamp, dateline, URL)
    dates the page. A re-post keeps its old "today" (dev6 fintel: "Сегодня, 12 ноября 2023
    года" at a /2025/05/27/ address): there the URL's date decides."""
    raw = RawInput(data=text.encode("utf-8"), origin="page.txt")
    assert ingest_bytes(raw, ctx).date == date
    yearless = text.replace(f" {date.year} року", "").replace(f" {date.year} года", "")
    raw = RawInput(data=yearless.encode("utf-8"), origin="page.txt")
    assert ingest_bytes(raw, ctx).date is None  # "Сьогодні, 26 вересня": which year?
    stale = page("dev6/ru_fintel_satybaldy_wrong_date.txt")
    url = "https://fintel.kz/2025/05/27/darhan-satybaldy-naznachen-novym-akimom-almaty-2"
    raw = RawInput(data=stale.encode("utf-8"), origin="page.txt", url=url)
    assert ingest_bytes(raw, ctx).date == dt.date(2025, 5, 27)


AUDIT12 = {  # audit12 pages of unseen outlets (the search tool's excerpts, start of each)
    "ru_kirovgrad": (
        "https://kirov-grad.ru/news/urzhumskiy-rayon-stanet-menshe",
        (
            "Уржумский район станет меньше\n"
            "\n"
            "Новости 14:19, 26 сентября 2025 71 0\n"
            "\n"
            "С 1 января 2026 года посёлок Донаурово войдет в состав Кильмезского района"
            " Кировской области. Соответствующее решение приняли депутаты регионального"
            " парламента.\n"
            "\n"
            "О смене прописки давно просили сами жители населённого пункта. Причина проста:"
            " добираться до Кильмези им гораздо удобнее и быстрее, чем до Уржума, который"
            " находится по другую сторону Вятки."
        ),
    ),
    "ru_karaidel": (
        "https://karaidel.bashkortostan102.ru/news/1937-detey-v-shkolah-stanovitsya-menshe.html",
        (
            "» » Детей в школах становится меньше\n"
            "\n"
            "Детей в школах становится меньше\n"
            "\n"
            "дата: 09.04.2013 | Категория: Горячие новости\n"
            "Демографическая ситуация в районе привела к увеличению числа школ с малым"
            " количеством детей. В 2012 году из-за этого приостановлена деятельность пяти"
            " филиалов (начальных школ) и три основных школы реорганизованы в начальные.\n"
            "\n"
            "Теги:"
        ),
    ),
    "ru_dergachi": (
        "http://dergachi.sarmo.ru/novosti/?ELEMENT_ID=3855",
        (
            "В среду, 6 ноября, прошёл очередной еженедельный приём граждан по личным"
            " вопросам.\n"
            "06.11.2024В среду, 6 ноября, прошёл очередной еженедельный приём граждан по"
            " личным вопросам.\n"
            "Глава района Сергей Мурзаков с вниманием выслушал каждого посетителя, дал"
            " необходимые консультации и подробные разъяснения. Он взял под личный контроль"
            " решение всех озвученных в ходе приёма проблем.\n"
            "Участники встречи подняли наиболее актуальные вопросы, среди которых были"
            " жилищные проблемы, необходимость переноса контейнерного бака для сбора твёрдых"
            " коммунальных отходов (ТКО) и ремонт дорожного покрытия на придомовой"
            " территории.\n"
            "Личный приём граждан — это один из самых эффективных способов взаимодействия с"
            " населением. "
        ),
    ),
}


@pytest.mark.parametrize(
    ("name", "date"),
    [
        # the stamp of 26 September 2025 over "С 1 января 2026 года посёлок Донаурово войдет
        # в состав …": a start ahead, like a deadline, does not make the stamp another page's
        ("ru_kirovgrad", dt.date(2025, 9, 26)),
        # a stamp with its category after a bar: "дата: 09.04.2013 | Категория: Горячие новости"
        ("ru_karaidel", dt.date(2013, 4, 9)),
        # a date glued to the lead's one-letter first word: "06.11.2024В среду, 6 ноября, …"
        ("ru_dergachi", dt.date(2024, 11, 6)),
    ],
)
def test_audit12_stamps(ctx, name, date):
    url, text = AUDIT12[name]
    for given in (url, None):
        raw = RawInput(data=text.encode("utf-8"), origin=f"{name}.txt", url=given)
        assert ingest_bytes(raw, ctx).date == date


def test_a_start_ahead_is_not_a_deadline_elsewhere(ctx):
    assert classify("дата: 09.04.2013 | Категория: Горячие новости", ctx.rules) == "timestamp"
    # the same full date ahead without "С" before it: the stamp is not the page's
    _url, text = AUDIT12["ru_kirovgrad"]
    moved = text.replace("С 1 января 2026 года посёлок", "1 января 2026 года посёлок")
    assert ingest_bytes(RawInput(data=moved.encode("utf-8"), origin="k.txt"), ctx).date is None


# The whole excerpt of a Uganda Radio Network page (audit11, 2022): the page's "In short"
# summary over the headline, and the headline's element glued to the date's in the dump.
UGRADIO_URL = (
    "https://ugandaradionetwork.com/story/"
    "igp-orders-commanders-to-release-suspects-with-minor-offences"
)
UGRADIO = (
    "In short\n"
    "Uganda has recorded 11 deaths and 11 confirmed cases of Ebola from communities in Mubende "
    "district over the last week. But as the Ministry of Health embarks on contact tracing in "
    "the areas of Mubende, Kyegegwa, Kassanda and Mityana, the Police Force is also seeking to "
    "decongest its cells to control the spread of the virus.\n"
    "IGP Orders Commanders to Release Suspects with Minor Offences23 Sep 2022\n"
    "In short\n"
    "Tagged with: Ebola outbreak\n"
)


def test_a_date_glued_after_the_headline_is_split_off(ctx):
    """A headline and the date after it with no space between ("… Minor Offences23 Sep
    2022", "… на восток России16.10.2015 ЛУКОЙЛ предлагает …", the lead run on): the headline
    stops where the letters stop; the date is a stamp under it (burneft.ru was undated)."""
    raw = RawInput(data=UGRADIO.encode("utf-8"), origin="ugradio.txt", url=UGRADIO_URL)
    assert ingest_bytes(raw, ctx).title == (
        "IGP Orders Commanders to Release Suspects with Minor Offences"
    )
    name = "dev10/ru_burneft_novak_lukoil_product_pipeline_east.txt"
    raw = RawInput(data=page(name).encode("utf-8"), origin=name)
    article = ingest_bytes(raw, ctx)
    assert article.title == (
        "Новак: ЛУКОЙЛ предлагает строительство нефтепродуктопровода на восток России"
    )
    assert article.date == dt.date(2015, 10, 16)
    assert article.body.startswith("ЛУКОЙЛ предлагает строительство нефтепродуктопровода")
    # a date in running text is no glued stamp: a number after a letter is not enough
    for line in ("Ремонт участка трассы М39 начнётся в мае", "Boeing 737 crashed near Almaty"):
        assert clean_text(line + "\n\nText of the article goes on here.", ctx.rules).title == line


def test_a_byline_glued_to_by_is_no_sidebar_headline(ctx):
    """baltimorechronicle.com (dev9): "• 12/04/2024 22:31" / headline / "ByJohn Newman" /
    "Feb 23, 2024": the byline glued to its "By" had been taken for a headline between two
    stamps (a list of other stories), and the stamp under the headline went with it."""
    name = "dev9/en_baltimorechronicle_armenia_suspended_csto.txt"
    cleaned = clean_text(page(name), ctx.rules)
    assert cleaned.bylines == (("author", "John Newman"),)
    assert ("below", "Feb 23, 2024") in cleaned.stamps
    assert text_date(ctx, name) == dt.date(2024, 2, 23)
    # a name glued to a word that only starts with "By" is no byline
    for line in ("Bystander Effect", "ByteDance Limited"):
        assert clean_text(f"Headline of the page\n\n{line}\n\nText.", ctx.rules).bylines == ()


def test_a_two_digit_day_of_a_dateline_with_no_agency_is_read_whole(ctx):
    """ "MOSCOW, Nov 30 - Kazakhstan criticised …" (a Reuters report without its credit)
    read as day 3 and agency "0" left the page's own date (the store's marker, 30 November)
    unknown: the dateline's day is the whole number."""
    from generator.ingest.clean.datelines import read_dateline

    line = "MOSCOW, Nov 30 - Kazakhstan criticised Ukraine on Sunday for a drone attack"
    rules = ctx.rules
    matches = [m for rx in rules.datelines if (m := rx.match(line))]
    assert all(read_dateline(m, rules).day != 3 for m in matches)
    assert text_date(ctx, "dev10/en_straitstimes_kazakhstan_criticises_ukraine_cpc.txt") == (
        dt.date(2025, 11, 30)
    )


def test_the_day_under_a_weather_reading_and_its_city_is_the_box_of_the_day(ctx):
    """ "25.8 C" / "New York" / "Friday, July 26, 2024" / headline over a report of Sunday
    19 May (gg2, dev10): the site header's weather, city and day, not the publication."""
    from generator.ingest.clean import classify

    assert classify("25.8 C", ctx.rules) == "widget"
    assert classify("-3.1 C", ctx.rules) == "widget"
    assert text_date(ctx, "dev10/en_gg2_pakistani_students_return_kyrgyzstan.txt") is None


def test_the_clock_the_day_and_the_place_are_a_stamp_not_a_headline(ctx):
    """ "14:54 05 December Kyiv, Ukraine" opening a report of 5 December under a crawl
    marker of 24 December (mycnews, dev12): a stamp, not the headline; its day is not the
    marker's, so the date is left unknown rather than taken from the marker."""
    from generator.ingest.clean import is_timestamp

    assert is_timestamp("14:54 05 December Kyiv, Ukraine", ctx.rules)
    assert not is_timestamp("12:00 5 January Protesters storm the akimat", ctx.rules)
    name = "dev12/en_mycnews_mongolia_coal_protest_2022.txt"
    raw = RawInput(data=page(name).encode("utf-8"), origin=name)
    article = ingest_bytes(raw, ctx)
    assert "14:54" not in (article.title or "")
    assert article.date is None


@pytest.mark.parametrize(
    ("name", "stamp", "expected"),
    [
        # "18 Febbraio 2025" over an English Interfax item on the Italian trade agency's site
        ("dev13/en_iceit_cpc-kropotkinskaya-transneft.txt", "18 Febbraio 2025", (2025, 2, 18)),
        # "02 iulie 2019" on a Romanian outlet's English page
        ("dev8/en_monitorulapararii_tengiz_mass_brawl.txt", "02 iulie 2019", (2019, 7, 2)),
        # "søndag 9. januar 2022" (the weekday and a day with a dot) on a Norwegian blog
        ("dev11/en_kinaforum_cold_war_style_power_grab.txt", "søndag 9. januar 2022", (2022, 1, 9)),
        # "Januari 12, 2022 17:35 MYT" on a Malaysian portal's English report
        ("dev10/en_astroawani_malaysians_investments_safe.txt", "Januari 12, 2022", (2022, 1, 12)),
    ],
)
def test_a_stamp_in_the_sites_own_locale_dates_an_english_page(ctx, name, stamp, expected):
    """An international outlet's site keeps its locale around an English report: its stamp's
    month (and weekday) are Italian, Romanian, Norwegian, Malay (``month_locales`` of the
    English pack: the Unicode CLDR's names)."""
    assert stamp in page(name)
    assert is_timestamp(stamp, ctx.rules)
    assert [d[1:] for d in find_dates(stamp, ctx.rules)] == [expected]
    assert text_date(ctx, name) == dt.date(*expected)


def test_other_locales_month_names_are_full_names_of_one_month(ctx):
    """Only full names: "set" and "dic" (Italian abbreviations) are English and Spanish words
    too; "Kasım" (Turkish November) is Tokayev's first name, so Turkish is not listed."""
    months = ctx.rules.months
    assert months["gennaio"] == 1 and months["stycznia"] == 1 and months["styczeń"] == 1
    assert "set" not in months and "dic" not in months and "kasım" not in months
    assert find_dates("a set 15 km from the border", ctx.rules) == []
    # a day with a dot needs its year: "1. May Day rally" is an item of a list
    assert find_dates("1. May Day rally in Almaty", ctx.rules) == []
    assert [d[1:] for d in find_dates("søndag 9. januar 2022", ctx.rules)] == [(2022, 1, 9)]


def test_a_date_between_the_theme_switch_and_the_logo_is_the_site_clock(ctx):
    """ "Dark Mode" / "Saturday, 23 November 2024" / "Logo" / headline over a Reuters report
    of January 2022 (levantnews, dev13): the header's clock between two of its controls, not
    the publication date; with the theme switch taken as article text it was the date."""
    name = "dev13/en_levantnews_death-toll-225.txt"
    assert page(name).startswith("Dark Mode\nSaturday, 23 November 2024\nLogo\n")
    assert classify("Dark Mode", ctx.rules) == "account"
    assert classify("Тёмная тема", ctx.rules) == "account"
    assert text_date(ctx, name) is None
    # without the switch, the date is the headline's stamp as before (its weekday left out:
    # a weekday box alone dates nothing since the thirty-seventh session)
    plain = page(name).replace("Dark Mode\n", "", 1).replace("Saturday, ", "", 1)
    raw = RawInput(data=plain.encode("utf-8"), origin=name)
    assert ingest_bytes(raw, ctx).date == dt.date(2024, 11, 23)


def test_a_urls_date_that_the_headline_names_is_its_slug_not_the_publication(ctx):
    """4-oskemen.edu.kz (dev14): the address "…-ot-11012022-goda-uroki-…" is the headline
    "… от 11.01.2022 года «Уроки трагического января»" made a slug; the speech of 11 January
    was posted on the 12th (a stamp the page breaks over three lines). No date rather than
    the speech's; a URL date the headline does not name still stands."""
    name = "dev14/ru_4oskemenedu_uroki-tragicheskogo-yanvarya.txt"
    url = (
        "http://4-oskemen.edu.kz/meroprijatija-prazdniki/226-osnovnye-tezisy-vystuplenija-"
        "glavy-gosudarstva-kk-tokaeva-na-zasedanii-mazhilisa-parlamenta-respubliki-kazahstan-"
        "ot-11012022-goda-uroki-tragicheskogo-janvarja.html"
    )
    assert url_date(url) == dt.date(2022, 1, 11)
    assert text_date(ctx, name, url=url) is None
    other = url.replace("11012022", "12012022")
    assert text_date(ctx, name, url=other) == dt.date(2022, 1, 12)


@pytest.mark.parametrize(
    ("name", "line", "day"),
    [
        # fides.org: the date line carries the report's tags
        (
            "dev14/en_fides_almaty-devastated-after-riots.txt",
            "Tuesday, 11 January 2022 violence   society   politics  ",
            dt.date(2022, 1, 11),
        ),
        # a Kazakh school's page: the labelled stamp, then its author field, after the text
        (
            "dev14/kk_googkz_31-mamyr-eske-alu.txt",
            "Дата: 6.06.2022, 10:35 Автор: Әлихан Бөкейханов атындағы №15 мектеп - лицейі",
            dt.date(2022, 6, 6),
        ),
    ],
)
def test_a_stamp_with_the_records_other_fields_on_its_line(ctx, name, line, day):
    assert line in page(name)
    assert is_timestamp(line, ctx.rules)
    assert text_date(ctx, name) == day


def test_a_weekday_and_date_before_a_sentence_is_no_stamp(ctx):
    for line in (
        "Tuesday, 11 January 2022 saw the protesters return to the square in Almaty",
        "11 January 2022 violence society",  # tags after a date without its weekday
        "Дата: 6.06.2022, 10:35 президент сказал: мы наведём порядок",
    ):
        assert not is_timestamp(line, ctx.rules), line


def test_a_lead_opening_with_place_and_full_date_then_a_dash_is_dated_by_it(ctx):
    """globalaffairs.com.pk (dev15): "Astana, November 21, 2022 – Kassym-Jomart Tokayev has
    won …": a press release's own dateline (place, full date, dash), no agency named. In
    the tuning splits every lead of this shape is dated by it (chevron.com "MOSCOW, Aug. 3,
    2001 --", thediplomaticinsight "Moscow, 17 May 2022 (TDI):"). A date inside the lead's
    sentence is still the event's."""
    name = "dev15/en_globalaffairspk_tokayev-reelected-2022.txt"
    assert "\nAstana, November 21, 2022 – Kassym-Jomart Tokayev has won" in page(name)
    cleaned = clean_text(page(name), ctx.rules)
    assert (cleaned.dateline.place, cleaned.dateline.agency) == ("Astana", "")
    assert cleaned.body.startswith("Kassym-Jomart Tokayev has won")
    assert text_date(ctx, name) == dt.date(2022, 11, 21)
    # not a sentence that names a date: "Astana, on November 21, 2022 the CEC …"
    other = page(name).replace("Astana, November 21, 2022 –", "In Astana, on November 21, 2022,")
    raw = RawInput(data=other.encode("utf-8"), origin=name)
    assert ingest_bytes(raw, ctx).date is None
    # nor a yearless one: "Astana, November 21 – …" (an event's day)
    other = page(name).replace("Astana, November 21, 2022 –", "Astana, November 21 –")
    assert ingest_bytes(RawInput(data=other.encode("utf-8"), origin=name), ctx).date is None


def test_a_headline_naming_a_span_of_days_is_no_stamp(ctx):
    """newdelhitimes (dev16): "January 17, 2022" / "International Political Scenario Latest
    Stories" / "International Political Scenario for Kazakhstan 14 – 21 January 2022": the
    headline ending in its week's last day was taken for a dated header under a rubric, and
    21 January was the date (a wrong one). A span's end is no stamp."""
    name = "dev16/en_newdelhitimes_political-scenario-kazakhstan-14-21-january.txt"
    headline = "International Political Scenario for Kazakhstan 14 – 21 January 2022"
    assert classify(headline, ctx.rules) is None
    assert classify("Путин - Sputnik, 1920, 21.01.2022", ctx.rules) == "header"
    assert text_date(ctx, name) == dt.date(2022, 1, 17)  # the text alone: the stamp above
    url = "https://www.newdelhitimes.com/international-political-scenario-for-kazakhstan-14-21-january-2022"
    art = ingest_bytes(RawInput(data=page(name).encode("utf-8"), origin=name, url=url), ctx)
    assert (art.title, art.date) == (headline, dt.date(2022, 1, 17))  # the slug says it


@pytest.mark.parametrize(
    ("name", "line", "day"),
    [
        # ukraine-news.top: a theme's byline in small letters, a middle dot, the date
        (
            "dev16/uk_ukrainenewstop_yurta-nezlamnosti.txt",
            "від redaktor-top-news · 14.01.2026",
            dt.date(2026, 1, 14),
        ),
        # tglist.com, a channel's feed: each post's date glued to its time
        ("dev16/ru_tglist_kazahstan-uvelichil-eksport-nefti-frg.txt", "07.05.202509:01", None),
    ],
)
def test_a_stamp_after_a_dotted_byline_or_glued_to_its_time(ctx, name, line, day):
    assert line in page(name).split("\n")
    if day is None:  # glued: the first post's stamp is the date
        assert is_timestamp("07.05.2025 09:01", ctx.rules)
        assert text_date(ctx, name) == dt.date(2025, 5, 7)
    else:
        assert is_timestamp(line, ctx.rules)
        assert text_date(ctx, name) == day
    # a headline opening with "Від" is no byline; nor a year glued to a number of minutes
    assert not is_timestamp("Від сьогодні діє надзвичайний стан · 14.01.2026", ctx.rules)
    assert normalise_text("07.05.2025090 км") == "07.05.2025090 км"
    assert normalise_text("07.05.202509:01") == "07.05.2025 09:01"


def test_a_stamp_of_another_day_than_a_yearless_dateline_is_no_date(ctx):
    """dnanews.com.pk (dev17): the site's box of the day ("Thursday, August 18, 2022" /
    "Main Menu") over a report whose own dateline is "NurSultan, Kazakhstan, Jan 11:" gave
    18 August 2022 (a wrong date). The dateline (place, country, day, a colon) is read, and
    a stamp that is not the dateline's day or a few days after it is not the posting: no
    date rather than a wrong one."""
    name = "dev17/en_dnanews_russia-led-troops-leave-in-two-days.txt"
    cleaned = clean_text(page(name), ctx.rules)
    dl = cleaned.dateline
    assert (dl.place, dl.month, dl.day, dl.year) == ("NurSultan", 1, 11, None)
    assert cleaned.body.startswith("Kazakhstan’s President Kassym Jomart Tokayev said Tuesday")
    assert text_date(ctx, name) is None
    # the stamp of the dateline's day, or of the next days, is the posting
    for stamp, day in (("Tuesday, January 11, 2022", 11), ("Thursday, January 13, 2022", 13)):
        other = page(name).replace("Thursday, August 18, 2022", stamp)
        raw = RawInput(data=other.encode("utf-8"), origin=name)
        assert ingest_bytes(raw, ctx).date == dt.date(2022, 1, day)
    # a dateline with its year: read the same way, and it is the date
    other = page(name).replace("Kazakhstan, Jan 11:", "Kazakhstan, Jan 11, 2022:")
    assert ingest_bytes(RawInput(data=other.encode("utf-8"), origin=name), ctx).date == (
        dt.date(2022, 1, 11)
    )


def test_a_stamp_with_the_items_news_id_and_one_with_its_update(ctx):
    """saednews.com (dev16): "January 08, 2022   News ID 5537" under the headline (the
    site's item number after its stamp), and herald-review.com (dev20): "Jan. 15, 2022
    Updated: Jan. 15, 2022 2:42 a.m." (a labelled update and its a.m. time) are stamps."""
    name = "dev16/en_saednews_unrest-latest-russia-led-troops-arrive.txt"
    assert text_date(ctx, name) == dt.date(2022, 1, 8)
    assert is_timestamp("January 08, 2022   News ID 5537", ctx.rules)
    assert is_timestamp("Jan. 15, 2022 Updated: Jan. 15, 2022 2:42 a.m.", ctx.rules)
    # a sentence with an id and a date is no stamp
    assert not is_timestamp("Police checked the ID of 5537 people on January 08, 2022", ctx.rules)


def test_a_slash_date_before_a_12_hour_clock_is_month_first(ctx):
    """freerepublic.com (dev29): "Posted on 04/10/2025 5:13:36 PM PDT by …" is 10 April;
    the same figures before a 24-hour clock stay unknown on a Latin page."""
    assert text_date(ctx, "dev29/en_freerepublic_rare-earth-deposit-karagandy.txt") == (
        dt.date(2025, 4, 10)
    )
    from generator.ingest.clean import NUMERIC_DATE, numeric_date

    assert numeric_date(NUMERIC_DATE.search("04/10/2025 at 9:05 am")) == (2025, 4, 10)
    assert numeric_date(NUMERIC_DATE.search("04/10/2025 17:13"), latin=True) is None


def test_a_day_atop_the_page_is_no_item_of_a_list_of_stories(ctx):
    """fainemisto.com.ua (dev30): "Вівторок, 3 Лютого" (the header's day, no year, no clock)
    over the menu does not make the headline's "Mariya Mariya" / "16.05.2022" a sidebar."""
    name = "dev30/uk_fainemisto_ne-vystachylo-holosiv-do-ptsu.txt"
    assert text_date(ctx, name) == dt.date(2022, 5, 16)


def test_a_local_clock_is_no_stamp_and_a_clock_glued_to_a_date_is_read(ctx):
    """sng.fm (dev29): "Московское время 16:30 19 Апреля 2024 года", the site's clock on the
    day the page was seen, dated a 2021 report (no date rather than a wrong one);
    orenburg-media (dev31): "Оренбургское время" / "01:20" is that clock, and
    "02:0603.07.2023 16+ 6309 18+" the stamp, its time glued to the day."""
    assert text_date(ctx, "dev29/ru_sngfm_ucheniya-odkb-kyrgyzstan-2021.txt") is None
    assert text_date(ctx, "dev31/ru_infoorenburg_pochtili-pamyat-veteranov.txt") == (
        dt.date(2023, 7, 3)
    )
    for line in ("Московское время 16:30 19 Апреля 2024 года", "Оренбургское время"):
        assert classify(line, ctx.rules) == "today_widget", line


def test_a_themes_categories_then_the_day_is_a_stamp(ctx):
    """oporack.com (dev31): "в Відео, Війна, Ексклюзив, Новини 05.11.2024" under the headline
    (the post's categories, then its day); a sentence naming people before a date is none."""
    assert text_date(ctx, "dev31/uk_oporack_cherkashanyn-u-vorozhomu-poloni.txt") == (
        dt.date(2024, 11, 5)
    )
    assert is_timestamp("In Politics, World 5 January 2022", ctx.rules)
    assert not is_timestamp("Токаев, Путин и Пашинян встретились 5 января 2022", ctx.rules)


def test_a_date_over_a_weather_unit_and_exchange_rates_is_the_today_box(ctx):
    """51rus.org (dev29): "19.04.2024" / "°C" / "0" / "$ 94.09" / "€ 100.53" over the
    headline: the header's day, weather and rates, not the article's stamp."""
    assert text_date(ctx, "dev29/ru_51rus_tomografy-oblastnoj-bolnicy.txt") is None
    assert classify("°C", ctx.rules) == "widget"


def test_a_press_releases_place_and_full_date_ending_in_a_full_stop_date_it(ctx):
    """kabarlar.org (dev33): "Бишкек, 1 сентября 2025 года. В столичной средней школе …",
    the release's own dateline; it leaves the lead."""
    name = "dev33/ru_kabarlar_bajsalov-reforma-obrazovaniya.txt"
    assert text_date(ctx, name) == dt.date(2025, 9, 1)
    raw = RawInput(data=page(name, 2500).encode("utf-8"), origin=name)
    assert ingest_bytes(raw, ctx).body.startswith("В столичной средней школе")


def test_a_datelines_date_is_not_its_agency(ctx):
    """oscepa.org (dev34): "COPENHAGEN, 13 March 2023 – Some 80 election observers …" is a
    place and a full date; the wire pattern had read "13 March 2023" as the agency's name
    and left the day unknown."""
    assert text_date(ctx, "dev34/en_oscepa_observers-deploy-kazakhstan-2023.txt") == (
        dt.date(2023, 3, 13)
    )


def test_a_date_atop_the_page_over_the_sites_name_is_the_today_box(ctx):
    """beyondgoinglong.co.uk (dev33): "January 28, 2022" / "Beyond Going Long" / "Complete UK
    News World" over a report of the landings of 15 January: the header's day, not the
    report's (no date rather than a wrong one). Without the address the name is unknown."""
    name = "dev33/en_beyondgoinglong_odkb-troops-first-planes-landed.txt"
    url = "https://beyondgoinglong.co.uk/russian-troops-of-the-odkb-expedition-moving-from-kazakhstan-the-first-planes-landed/"
    assert text_date(ctx, name, url=url) is None
    assert text_date(ctx, name) == dt.date(2022, 1, 28)


def test_a_stamp_opening_the_first_paragraph_dates_the_page(ctx):
    """drevo-info.ru (dev34): "18.12.2010 18 ноября 2010 года в нижнем храме …" (the page's
    stamp, then the lead naming the day of the news); jewseurasia.org (dev35): the stamp
    opens the second paragraph, under the headline left in the text ("Festival of
    friendship in Astana." / "02.05.2007 In Astana the Festival …"). A chronology whose
    first items open with dates is no stamp."""
    from generator.ingest.clean import clean_text

    assert text_date(ctx, "dev34/ru_drevoinfo_sinod-mitropolichego-okruga.txt") == (
        dt.date(2010, 12, 18)
    )
    assert text_date(ctx, "dev35/en_jewseurasia_festival-of-friendship-astana.txt") == (
        dt.date(2007, 5, 2)
    )
    chronology = "Хроника\n\n05.01.2022 Токаев ввёл режим ЧП.\n\n06.01.2022 ОДКБ решила."
    assert clean_text(chronology, ctx.rules).dateline is None


def test_a_stamp_with_its_views_in_brackets_or_its_source_in_a_box(ctx):
    """abzats.com.ua (dev35): "14 сентября 2020 ( Просмотры 163 )"; ukrrudprom.com (dev35):
    "[16:39 03 мая 2022 года ] [ Forbes-Украина, 3 травня 2022 ]"."""
    assert text_date(ctx, "dev35/uk_abzats_rosiya-yedynyi-den-holosuvannya.txt") == (
        dt.date(2020, 9, 14)
    )
    assert text_date(ctx, "dev35/uk_ukrrudprom_profesiya-maroder-zerno.txt") == (
        dt.date(2022, 5, 3)
    )


def test_a_weekday_before_a_slash_date_tells_its_order(ctx):
    """oananews.org (dev35): "Wed, 02/07/2018 - 13:15" (Drupal's month-first stamp) is
    7 February 2018, a Wednesday; 2 July 2018 was a Monday. Without the weekday the
    figures read both ways on an English page and stay unknown."""
    assert text_date(ctx, "dev35/en_oananews_nazarbayev-visit-enhanced-partnership.txt") == (
        dt.date(2018, 2, 7)
    )
    assert find_dates("Mon, 02/07/2018", ctx.rules, latin=True) == [(5, 2018, 7, 2)]
    assert find_dates("02/07/2018", ctx.rules, latin=True) == []
    assert find_dates("Ср, 02/07/2018", ctx.rules) == [(4, 2018, 2, 7)]


def test_a_day_and_weekday_under_the_headline_is_its_stamp(ctx):
    """politua.su (dev23): the headline / "02 июнь 2019, Воскресенье" / "508" / "0": the
    day and weekday under the headline (then its views and comments) is the page's stamp,
    though a header's today box looks the same."""
    assert classify("02 июнь 2019, Воскресенье", ctx.rules) == "today_widget"
    assert text_date(ctx, "dev23/uk_politua_istinnyj-uchenyj-zagorodnij.txt") == (
        dt.date(2019, 6, 2)
    )


def test_a_sections_time_alias_in_the_address_is_not_the_articles_day(ctx):
    """transport-kollege.edu.kz (dev38): …/kz/2019-02-15-12-27-42/158-a-alardy-…, Joomla's
    alias of a section made on 15 February 2019; the article's stamp says "Created: 18 Ақпан
    2020". With the article's own time alias after it, the address states two days: none."""
    from generator.ingest.metadata.url_dates import url_date

    url = "https://transport-kollege.edu.kz/kz/2019-02-15-12-27-42/158-a-alardy-erlik-zholy-bolasha-a-nege"
    assert url_date(url) is None
    assert url_date("http://site.kz/index.php/2010-12-09-05-48-09/297-2011-04-06-04-45-43") is None
    name = "dev38/kk_transportkollege_agalardyn-erlik-zholy.txt"
    assert text_date(ctx, name, url=url) == dt.date(2020, 2, 18)


def test_a_rubric_glued_to_its_date_and_a_news_items_date(ctx):
    """qazaqgreen.com (dev39): "Экологиялық саясат09.05.2022" over the headline, a rubric
    and its date with no space between; wrm.kz (dev39): "новость от 18.10.2021" ("a news
    item of …") under the section's name."""
    assert text_date(ctx, "dev39/kk_qazaqgreen_zhek-damytu-missiya.txt") == dt.date(2022, 5, 9)
    assert text_date(ctx, "dev39/ru_wrm_video-obmelenie-kaspiya.txt") == dt.date(2021, 10, 18)


def test_a_worded_date_glued_before_the_headline_dates_the_page(ctx):
    """target-trans.com (dev39): "Jan 07, 2022UN chief appeals for calm …" (the date and the
    headline in two elements, no space left), over "Updated: 2022-01-07 11:00"."""
    name = "dev39/en_targettrans_un-chief-appeals-for-calm.txt"
    assert text_date(ctx, name) == dt.date(2022, 1, 7)


def test_a_press_releases_place_and_date_without_a_comma(ctx):
    """eabr.org (dev39): "Алматы 15 ноября 2011 г. — Сегодня в Бишкеке …", the bank's
    release dated by its own place and full date, no comma after the place."""
    assert text_date(ctx, "dev39/ru_eabr_finogenov-vstrecha-kyrgyzstan.txt") == (
        dt.date(2011, 11, 15)
    )


def test_a_posts_list_of_facts_is_no_today_box_and_a_lists_heading_ends_the_article(ctx):
    """libyawire.org (dev40): "• February 2, 2026" / "• libyawire" / "• 0" (the post's day,
    author and comments), not a today box over the site's name; dumrt.ru (dev40): the
    headline, "06 апреля 2018 года 15:17", then "Последние новости" and other stories each
    over its stamp: the article's stamp is no item of that list."""
    url = "https://libyawire.org/kazakhstan-announces-resumption-of-production-at-tengiz-oil-field-after-mysterious-fir"
    name = "dev40/en_libyawire_tengiz-production-resumes.txt"
    assert text_date(ctx, name, url=url) == dt.date(2026, 2, 2)
    name = "dev40/ru_dumrt_muftij-mechet-jomga.txt"
    assert text_date(ctx, name) == dt.date(2018, 4, 6)


def test_azerbaijani_months_a_comma_after_the_day_and_an_originals_date(ctx):
    """caspianenergy.net (dev32): "Cümə axşamı, 06 Yanvar 2022 14:04" over a Russian report,
    the site's own Azerbaijani month; germanica.org.ua (dev24): "17, Тра 2024", a Ukrainian
    theme's day, comma, short month, not an issue's number ("№1, січень 2012" on veche);
    drukarnia.com.ua (dev37): "Оригінальний звіт був опублікований 14 грудня 2023 року"
    dates the translated report's original, not the page (no date rather than a wrong one)."""
    name = "dev32/ru_caspianenergy_uzbekistan-prekratil-eksport-gaza.txt"
    assert text_date(ctx, name) == dt.date(2022, 1, 6)
    name = "dev24/uk_germanica_khto-vyhrav-vybory-turkmenistan.txt"
    assert text_date(ctx, name) == dt.date(2024, 5, 17)
    assert text_date(ctx, "dev37/uk_veche_energetychnyj-fen-shuj.txt") is None
    name = "dev37/uk_drukarnia_padinnia-vplyvu-rosii-tsentralna-aziia.txt"
    assert text_date(ctx, name) is None
    line = "Оригінальний звіт був опублікований 14 грудня 2023 року"
    assert classify(line, ctx.rules) == "original_stamp"
    # the en pack's phrase, not only its words' starts ("first published" had never matched)
    line = "This article was first published on 3 May 2024"
    assert classify(line, ctx.rules) == "original_stamp"
    assert classify("Published on 3 May 2024", ctx.rules) == "timestamp"


def test_a_stamp_under_the_text_over_a_lists_heading_is_the_articles(ctx):
    """kfu.kg (dev26): the article, "00:35 01-10-2024", then "Другие новости" and the other
    stories' leads: the stamp right under the text is the article's (its day and month are
    in an order the page does not settle, so no date is taken from it)."""
    from generator.ingest.clean import clean_text

    c = clean_text(page("dev26/ru_kfukg_rasshirennyj-sostav-otbor-chm-2026.txt", 5000), ctx.rules)
    assert ("tail", "00:35 01-10-2024") in c.stamps


def test_dates_of_press_releases_blogs_and_glued_leads(ctx):
    """osce.org (dev43): "BRUSSELS, 4 January 2006 - The OSCE …" under a record's empty
    fields ("Date:" / "Place:" / "BRUSSELS" / "Source:" …), which are no paragraphs;
    orskeparh.ru (dev44): "ОРСК. 01 августа 2015 г. В субботу …", a place in capitals and a
    full stop; pollawlife.com.ua (dev43): "неділю, 24 вересня 2017 р.", Blogger's header
    (its address "/2017/09/25.html" names a post, not a day); cem.com.kz (dev45): "2018
    жылғы «12» шілде", an official letter's day in quotes; tiue.org (dev45): "29 жовтня
    2023 р.Число загиблих …", DW's date glued to the lead."""
    from generator.ingest.metadata.url_dates import url_date

    assert text_date(ctx, "dev43/en_osce_cio-gas-agreement-russia-ukraine.txt") == dt.date(
        2006, 1, 4
    )
    assert text_date(ctx, "dev44/ru_orskeparh_episkop-irinej-liturgiya.txt") == dt.date(2015, 8, 1)
    name = "dev43/uk_pollawlife_ukrayina-uzbekystan-25-richnytsya.txt"
    url = "http://www.pollawlife.com.ua/2017/09/25.html"
    assert text_date(ctx, name, url=url) == dt.date(2017, 9, 24)
    assert url_date(url) is None
    assert url_date("https://danaqaz.kz/barlyk-nomirler/2016/2-26/item/494-a") is None
    assert url_date("https://a.kz/2022/01/05/x.html") == dt.date(2022, 1, 5)
    assert url_date("https://a.kz/archive/2022-01-05.html") == dt.date(2022, 1, 5)
    name = "dev45/kk_cem_enpf-azamattyq-quqyqtyq-shart.txt"
    assert text_date(ctx, name) == dt.date(2018, 7, 12)
    name = "dev45/uk_tiue-dw_vybukh-na-shakhti-kazakhstan.txt"
    assert text_date(ctx, name) == dt.date(2023, 10, 29)


def test_a_publishers_posted_stamp_and_a_year_first_stamp(ctx):
    """kmu.gov.ua (dev47): "Ministry of Foreign Affairs of Ukraine, posted 10 January 2022
    14:15", the publisher's name, a comma and the label before the date; rzdlog.com (dev48):
    "2015, 10 SEP", the year first."""
    name = "dev47/en_kmugovua_ukraine-mfa-statement-kazakhstan.txt"
    assert text_date(ctx, name) == dt.date(2022, 1, 10)
    name = "dev48/en_rzdlog_transit-cargo-china-europe-kazakhstan.txt"
    assert text_date(ctx, name) == dt.date(2015, 9, 10)
    # a sentence with a comma before its date is no stamp
    line = "The talks, postponed twice, resumed on 10 January 2022"
    assert not is_timestamp(line, ctx.rules)


def test_a_split_stamp_in_figures_glued_stamps_and_a_lead_stamp_with_its_full_stop(ctx):
    """tsj-apelsin.ru (dev49): "17.06" / "2022" under the headline, a stamp broken over two
    lines; zvistka.in.ua (dev49): "26.12.202526.12.2025 No Comments", the published and
    updated days glued; abai.media (dev50): "13.11.2025. Впервые в области …", the page's
    stamp opening the lead with a full stop."""
    name = "dev49/ru_tsjapelsin_s-1-iyulya-vyrastut-tarify-zhku.txt"
    assert text_date(ctx, name) == dt.date(2022, 6, 17)
    name = "dev49/uk_zvistka_rosiyu-komunalnyj-kolaps.txt"
    assert text_date(ctx, name) == dt.date(2025, 12, 26)
    name = "dev50/ru_abaimedia_udalenie-miksomy-serdca-semej.txt"
    assert text_date(ctx, name) == dt.date(2025, 11, 13)


def test_a_space_before_a_dates_comma_and_a_stamp_under_a_byline_with_a_role(ctx):
    """open4business.com.ua (dev53): "1 Жовтня , 2024" under the headline (a space before
    the comma, read in Ukrainian only: the Russian and English patterns were given the same
    form at first and made a wrong date on the blind split, so they were put back);
    roh.org.uk (dev54): standfirst / "By Chris Shipman (Head of Brand Engagement
    and Social Media)" / "30 July 2013 at 10.42am | 8 Comments": the byline with its role in
    brackets is no paragraph of text, so the stamp is the standfirst's."""
    name = "dev53/uk_open4business_imk-zibrav-soniashnyk.txt"
    assert text_date(ctx, name) == dt.date(2024, 10, 1)
    assert find_dates("5 січня , 2022", ctx.rules) == [(0, 2022, 1, 5)]
    name = "dev54/en_roh_your-reaction-bolshoi-swan-lake.txt"
    assert text_date(ctx, name) == dt.date(2013, 7, 30)
    from generator.ingest.clean.lines import byline

    line = "By Chris Shipman (Head of Brand Engagement and Social Media)"
    assert byline(line, ctx.rules) == [("author", "Chris Shipman")]


@pytest.mark.parametrize(
    ("name", "place", "month_day", "expected"),
    [
        # the crawl marker's day is the dateline's: dated
        (
            "dev10/en_straitstimes_kazakhstan_criticises_ukraine_cpc.txt",
            "MOSCOW",
            (11, 30),
            dt.date(2025, 11, 30),
        ),
        # the year the first paragraphs give (2022's freight figures, this year's plans)
        (
            "dev32/en_einpresswire_overchuk-sklyar-bilateral-trade.txt",
            "RUSSIA",
            (1, 10),
            dt.date(2023, 1, 10),
        ),
        # nothing gives a year: no date
        ("dev14/en_csbnews_orenburg-gas-plant-halts-intake.txt", "MOSCOW", (10, 19), None),
        ("dev19/en_oceancrew_kremlin-cpc-strike-outrageous.txt", "MOSCOW", (12, 1), None),
    ],
)
def test_a_wire_dateline_month_first_with_no_agency(ctx, name, place, month_day, expected):
    """ "MOSCOW, Oct 19 — The Orenburg gas …", "RUSSIA, January 10 - A protocol …": the
    place, the month and day, a dash and the lead. The date is the dateline's, not an
    agency named "Oct 19" (so the day was lost)."""
    cleaned = clean_text(page(name), ctx.rules)
    dl = cleaned.dateline
    assert dl is not None and (dl.place, dl.agency) == (place, "")
    assert (dl.month, dl.day, dl.year) == (*month_day, None)
    assert text_date(ctx, name) == expected


def test_a_stamp_with_commas_between_day_month_and_year(ctx):
    """tashkenttimes.uz (dev61): "Monday, 21, September, 2020" over the lead."""
    name = "dev61/en_tashkenttimes_cotton-plan-to-be-scrapped-uzpakhtasanoat-to-be-liquidated.txt"
    # (a weekday box alone over the headline: read as a date, and dating nothing since the
    # thirty-seventh session, a right date lost; with a yearless dateline of its day it does)
    assert text_date(ctx, name) is None
    dated = page(name).replace("Monday, 21, September, 2020", "21, September, 2020", 1)
    assert ingest_text(ctx, dated) == dt.date(2020, 9, 21)
    assert [d[1:] for d in find_dates("Monday, 21, September, 2020", ctx.rules)] == [(2020, 9, 21)]


def test_a_rubric_the_date_and_its_authors_name(ctx):
    """octagon.media (dev63): "Истории 05 августа 2020 Артур Приймак" under the headline
    printed twice: a stamp with its rubric and author. A sentence with a date is not."""
    name = "dev63/ru_octagon_vorkuta-prevrashchaetsia-v-gorod-prizrak.txt"
    assert text_date(ctx, name) == dt.date(2020, 8, 5)
    assert is_timestamp("Истории 05 августа 2020 Артур Приймак", ctx.rules)
    assert not is_timestamp("Новости 5 января 2022 Токаев заявил", ctx.rules)
    assert not is_timestamp("В Алматы 5 января 2022 прошли митинги", ctx.rules)


def test_a_papers_dateline_with_its_colon_glued_to_the_lead(ctx):
    """baaghitv.com (dev66): "Almaty, Kazakhstan, April 9 2021:Yuri Gagarin was …"."""
    name = "dev66/en_baaghitv_russia-commemorates-60-years-gagarin.txt"
    assert text_date(ctx, name) == dt.date(2021, 4, 9)


def test_a_sites_clock_in_two_zones_and_its_whole_menu_on_one_line(ctx):
    """nomad.su (dev68): the site's name and motto, its whole menu on one line (with
    "Казахстан-2050" among the items), a clock in two time zones ("Четверг 25.04.2024 13:53
    ast" / "11:53 msk", the day the page was seen), then the headline, the standfirst and
    the stamp with its rubric ("08.06.2016 / политика и общество")."""
    name = "dev68/ru_nomad_unikalnoe-ocharovanie-kurort-borovoe.txt"
    assert text_date(ctx, name) == dt.date(2016, 6, 8)
    menu = page(name).split("\n")[5]
    assert menu.startswith("КАЗАХСТАН: Самрук |") and len(menu.split()) > 40
    assert classify(menu, ctx.rules) == "navigation"
    assert is_timestamp("08.06.2016 / политика и общество", ctx.rules)
    assert not is_timestamp("08.06.2016 / Путин и Токаев провели", ctx.rules)


def test_a_byline_stamp_and_rubrics_between_bars_under_the_headline(ctx):
    """gosnovosti.com (dev68): "Автор: ГОСНОВОСТИ, Пресс-служба … | 01.12.2014 | 08:17 | В
    рубриках: В России, …" under the headline is the stamp, not the header's "06.12.2025"."""
    name = "dev68/ru_gosnovosti_kubok-gubernatora-po-khokkeyu-ostalsya-v-magadane.txt"
    url = (
        "https://gosnovosti.com/2014/12/%d0%ba%d1%83%d0%b1%d0%be%d0%ba-%d0%b3%d1%83%d0%b1"
        "%d0%b5%d1%80%d0%bd%d0%b0%d1%82%d0%be%d1%80%d0%b0-%d0%bf%d0%be-%d1%85%d0%be%d0%ba%d0%ba%d0%b5%d1%8e-%d0%be%d1%81%d1%82%d0%b0%d0%bb%d1%81%d1%8f-%d0%b2"
    )
    assert text_date(ctx, name, url=url) == dt.date(2014, 12, 1)
    # without the URL too, now that the menu's "Контакты" is navigation: the headline under
    # it, then the stamp (it used to take a menu item as the headline and give no date)
    assert text_date(ctx, name) == dt.date(2014, 12, 1)
    assert not is_timestamp("Автор: Иван Петров | Москва и область | В рубриках: Спорт", ctx.rules)


def test_a_clock_then_a_month_first_date_glued_to_the_lead(ctx):
    """universe-news.ru (dev68): "18:07, марта 30, 2025 Сегодня мусульмане …"."""
    name = "dev68/ru_universenews_glava-bashkirii-prinyal-uchastie-v-prazdnichnom-namaze.txt"
    assert text_date(ctx, name) == dt.date(2025, 3, 30)


def test_the_page_titles_line_with_a_date_in_figures_after_the_headline(ctx):
    """proural.info (dev68): "Как мусульмане Уфы встретили Ураза-байрам: фоторепортаж
    21.04.2023" over the headline alone."""
    name = "dev68/ru_proural_kak-musulmane-ufy-vstretili-uraza-bayram-fotoreportazh.txt"
    assert text_date(ctx, name) == dt.date(2023, 4, 21)


def test_a_full_date_in_words_as_the_leads_first_sentence(ctx):
    """primamedia.ru (dev70): "9 ноября 2015. Как ни готовься к первому снегу …" under the
    standfirst and a photo's caption: the page's stamp, cut from the text. A dated heading
    over a short line is a chronology's item (baq.kz, dev2: "2 января 2022 года. Жанаозен —
    начало кризиса"), and a date with the sentence going on is an event's."""
    art = ingest_bytes(
        RawInput(
            data=page("dev70/ru_primamedia_zima-blizko-vladivostok-pervyi-sneg.txt").encode(),
            origin="p",
        ),
        ctx,
    )
    assert art.date == dt.date(2015, 11, 9) and "9 ноября 2015" not in art.body
    assert text_date(ctx, "dev2/i_ru_baq_january_chronology.txt") is None
    event = (
        "Заголовок\n\n18 ноября 2010 года в нижнем храме прошла служба, "
        "собравшая сотни прихожан города."
    )
    assert clean_text(event, ctx.rules).dateline is None


def test_a_leads_stamp_with_its_year_in_two_figures(ctx):
    """infogeo.ru (dev72): "16.02.16. Полюс в 2015 году увеличил добычу золота …": the
    page's stamp, this century's; cut from the text."""
    art = ingest_bytes(
        RawInput(
            data=page("dev72/ru_infogeo_polyus-v-2015-godu-uvelichil-dobychu-zolota.txt").encode(),
            origin="p",
        ),
        ctx,
    )
    assert art.date == dt.date(2016, 2, 16) and not art.body.startswith("16.02.16")
    assert art.title.startswith("Полюс в 2015 году увеличил добычу золота")


@pytest.mark.parametrize(
    "stamp", ["9 ноября 2015 г.", "9 ноября 2015 года.", "9 листопада 2015 р."]
)
def test_a_date_sentence_with_its_year_word_from_the_packs(ctx, stamp):
    """The lead's date as a sentence of its own may end in its year's word or abbreviation
    (the packs' stamp words: "г.", "года", "р."); a word that is none is text."""
    rest = " Как ни готовься к первому снегу, он всегда оказывается неожиданным для горожан."
    page_text = f"Зима близко: первый снег во Владивостоке\n\n{stamp}{rest}"
    dl = clean_text(page_text, ctx.rules).dateline
    assert dl is not None and (dl.year, dl.month, dl.day) == (2015, 11, 9)
    other = f"Зима близко: первый снег во Владивостоке\n\n9 ноября 2015 Как.{rest}"
    assert clean_text(other, ctx.rules).dateline is None


def test_a_today_box_with_its_year_word_is_no_item_of_a_list(ctx):
    """kikonline.ru (dev73): "Среда, 14 января 2026 г." (the today box) / headline /
    standfirst / "11.04.22": the box is no stamp pairing the standfirst into a list of
    other stories, so the stamp under the standfirst dates the page."""
    assert text_date(ctx, "dev73/ru_kikonline_u-stely-kurgan-oprokinulas-fura.txt") == dt.date(
        2022, 4, 11
    )


def test_a_stamp_with_its_empty_author_field(ctx):
    """trkzelenogorsk.ru (dev73): "25 июля 2016 автор " under the headline: a stamp whose
    author field was left empty; a name after the date is still no stamp."""
    name = "dev73/ru_trkzelenogorsk_v-bargu-sbrasyvalis-neochishchennye-stoki.txt"
    assert text_date(ctx, name) == dt.date(2016, 7, 25)
    assert classify("25 июля 2016 Иванов", ctx.rules) is None


def test_a_byline_and_stamp_written_as_fields(ctx):
    """unilad.com (dev73): "by : Emily Brown on : 18 Apr 2020 16:17"."""
    name = "dev73/en_unilad_fires-blazing-close-to-chernobyl-blanket-capital-in-smog.txt"
    assert text_date(ctx, name) == dt.date(2020, 4, 18)


def test_a_notice_to_readers_above_the_headline_is_not_the_lead(ctx):
    """alashainasy.kz (dev74): the site's notice that it closed in 2023 (in Kazakh and in
    Russian) above the headline and its stamp "24 қараша 2012, 13:00": not the lead, so its
    2023 dates do not make the stamp doubtful; cut from the text."""
    url = "https://alashainasy.kz/economica/alashtyin-ideyalar-bank-38586/"  # (its slug
    # says the headline: with no address the notice ends the header and gives the title)
    name = "dev74/kk_alashainasy_alashtyn-ideialar-banki.txt"
    raw = RawInput(data=page(name).encode(), origin="p", url=url)
    art = ingest_bytes(raw, ctx)
    assert art.date == dt.date(2012, 11, 24)
    assert art.body.startswith("Ғылымды шенеуніктер емес")


def test_a_slug_opening_with_a_number_is_no_day_of_the_url(ctx):
    """yep.uz (dev74): "/2020/05/15-let-andizhanskoj-bojne-…": "15 лет", no 15 May."""
    assert url_date("https://yep.uz/2020/05/15-let-andizhanskoj-bojne-moi-vospominanija/") is None
    assert url_date("https://x.kz/2022-01-05-slug") == dt.date(2022, 1, 5)
    assert url_date("https://x.kz/2022/01/05/slug") == dt.date(2022, 1, 5)


def test_a_slash_date_with_a_two_figure_year_when_it_reads_one_way(ctx):
    """novostipmr.com (dev75): "16/03/17 11:08" under the headline (16 is no month); a slash
    date that reads both ways with a two-figure year is still no date."""
    assert text_date(ctx, "dev75/ru_novostipmr_v-kishinyove-gorit-dom-pechati.txt") == dt.date(
        2017, 3, 16
    )
    assert not find_dates("05/03/17 11:08", ctx.rules)


def test_a_stamp_with_the_year_first(ctx):
    """go32.ru (dev75): "2026, 14 января 18:45"."""
    name = "dev75/ru_go32_145-netrezvykh-voditelei-zaderzhali-na-bryanskikh-dorogakh.txt"
    assert text_date(ctx, name) == dt.date(2026, 1, 14)


@pytest.mark.parametrize("stamp", ["• Неділя, лист. 23 2014", "Воскресенье, нояб. 23 2014"])
def test_an_abbreviated_month_first_with_no_comma_before_the_year(ctx, stamp):
    """bc-news.com.ua (dev74): "• Неділя, лист. 23 2014" under the headline: the month's
    abbreviation, the day and the year with no comma (ru alike)."""
    name = "dev74/uk_bcnews_bilotserkivske-radio-vidznachylo-svoie-80-littia.txt"
    assert text_date(ctx, name) == dt.date(2014, 11, 23)
    assert is_timestamp(stamp, ctx.rules)


@pytest.mark.parametrize("heading", ["Главные события", "Главные новости", "Головні події"])
def test_the_stamp_under_the_text_over_a_list_of_main_events(ctx, heading):
    """samru.ru (dev77): "10:25 21.03.2016" under the last paragraph, then "Главные события"
    over other stories' times and headlines: the heading ends the article, so the stamp is
    its own."""
    name = "dev77/ru_samru_samarskaia-raketa-nositel-dostavila-na-mks-novykh-kosmonavtov.txt"
    assert text_date(ctx, name, chars=3000) == dt.date(2016, 3, 21)
    assert classify(heading, ctx.rules) == "ticker"


def test_a_header_clock_over_two_bare_rates_is_no_stamp(ctx):
    """gorodn.ru (dev78): "г. Ростов-на-Дону" / "13 января 2025 02:51:42" / "101.91" /
    "105.05" over a concert season's preview: the header's clock over its exchange rates
    (their currency signs lost with their icons), the day the page was seen."""
    name = "dev78/ru_gorodn_v-filarmonii-prozvuchit-khromaticheskaia-uvertiura.txt"
    assert text_date(ctx, name) is None


def test_a_clock_glued_to_its_day_and_a_range_ahead_in_the_lead(ctx):
    """media73.ru (dev78): the stamp "11:1429 января 2014" (11:14, 29 January) under the
    headline; the lead's "с 24 февраля по 31 мая" is a plan ahead, its end too, so the
    stamp fits the lead."""
    name = "dev78/ru_media73_na-uaze-sokrashchenii-ne-budet.txt"
    assert text_date(ctx, name) == dt.date(2014, 1, 29)
    spaced = page(name).replace("11:1429 января", "11:14 29 января", 1)
    assert ingest_text(ctx, spaced) == dt.date(2014, 1, 29)


def test_the_labelled_stamp_under_a_teaser_set_in_the_text(ctx):
    """bzh.life (dev78): the last paragraph, "Читайте також: Netflix придбав права на показ 7
    українських фільмів" (one story's headline after the label, no list), then
    "Опубліковано: 08 листопада 2022"."""
    name = "dev78/uk_bzhlife_film-klondaik-zdobuv-piat-nahorod-antakya.txt"
    assert text_date(ctx, name) == dt.date(2022, 11, 8)


@pytest.mark.parametrize(
    ("name", "date"),
    [
        # "Суббота," / "27 июля 2024 г." (the day the page was seen) over the stamp
        # "Четверг, 15 сентября 2022 г. 14:31"
        ("dev79/ru_severinform_v-cherepovtse-vybrali-mera.txt", dt.date(2022, 9, 15)),
        # "вівторок" / "11 лютого 2025" over a report of the day it was seen: no date
        ("dev28/uk_kriminalua_tsvk-bilorusi-oholosyla-lukashenka.txt", None),
        ("dev73/uk_vinnitsatop_u-kryvomu-rozi-tramvai-ziishov-z-reiok.txt", None),
    ],
)
def test_a_box_of_the_day_broken_after_its_weekday(ctx, name, date):
    """severinform.ru (dev79), kriminal.ua (dev28), vinnitsa.top (dev73): a header's "today"
    box with its weekday on a line of its own is no stamp."""
    assert text_date(ctx, name) == date


def test_a_box_of_the_day_the_lead_opens_with(ctx):
    """56nv.ru (dev79): "Вторник, 16 апреля 2019" under the headline (a box of the day by
    its shape) over "Во вторник, 16 апреля, в областном центре состоялось …": the box is the
    stamp, or the page was seen on the day it reports; either way its publication day."""
    name = "dev79/ru_56nv_orenburgskie-deputaty-odobrili-povyshenie-tarifa-na-proezd.txt"
    assert text_date(ctx, name) == dt.date(2019, 4, 16)
    other_day = page(name).replace("Во вторник, 16 апреля,", "Во вторник, 9 апреля,", 1)
    assert ingest_text(ctx, other_day) is None


def test_the_crawl_day_a_stamp_names_beside_a_box_of_another_day(ctx):
    """ireland-live.ie (dev79): marker 2022-04-01, "Search" / "02 Apr 2022" over the headline
    (the header's bar of the visit's day), "01 Apr 2022 3:33 PM" under it: the marker's day,
    which a stamp names. Without that stamp the bar is still no stamp (it stands under the
    search box), so the marker alone dates the page; the same box under another line still
    makes the marker doubtful."""
    name = (
        "dev79/en_irelandlive_louth-county-council-provide-accommodation-for-ukrainian-refugees.txt"
    )
    assert text_date(ctx, name) == dt.date(2022, 4, 1)
    unnamed = page(name).replace("01 Apr 2022 3:33 PM", "", 1)
    assert ingest_text(ctx, unnamed) == dt.date(2022, 4, 1)
    boxed = unnamed.replace("Search\n\n02 Apr 2022", "Louth\n\n02 Apr 2022", 1)
    assert ingest_text(ctx, boxed) is None


def test_the_stamp_of_a_day_before_the_urls(ctx):
    """gazetavechorka.ru (dev83): "• 30 мая 2017 г." under the headline, the address
    "/news/2019/05/20/…" (the site moved): the page's own stamp of an earlier day; a stamp
    after the URL's day is an update's or a box of the day, and the URL's date stands."""
    name = "dev83/ru_gazetavechorka_zolotaya-zabastovka-v-vershino-darasunskom.txt"
    url = "http://gazetavechorka.ru/news/2019/05/20/zolotaya-zabastovka-v-vershino-darasunskom"
    assert text_date(ctx, name, url=url) == dt.date(2017, 5, 30)
    later = page(name).replace("30 мая 2017 г.", "30 мая 2019 г.", 1)
    raw = RawInput(data=later.encode(), origin=name, url=url)
    assert ingest_bytes(raw, ctx).date == dt.date(2019, 5, 20)


def test_a_stamp_in_brackets_before_an_agency_dateline(ctx):
    """lincolndailynews.com (dev85): "[June 23, 2020]  NUR-SULTAN (Reuters) - …": the stamp
    is cut from the lead, and the dateline after it is read (no URL given)."""
    name = "dev85/en_lincolndailynews_kazakhstans-biggest-city-running-out-of-hospital-beds.txt"
    raw = RawInput(data=page(name).encode("utf-8"), origin=name)
    article = ingest_bytes(raw, ctx)
    assert article.date == dt.date(2020, 6, 23)
    assert "Reuters" in (article.source, article.original)
    assert not article.body.startswith(("[", "Send a link"))
    # (a rubric in brackets is no stamp: the lead stays whole)
    rubric = page(name).replace("[June 23, 2020]", "[Health news]", 1)
    assert ingest_text(ctx, rubric) is None


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("http://archives.lincolndailynews.com/2020/Jun/23/NEWS/h.shtml", dt.date(2020, 6, 23)),
        ("https://theecologist.org/2011/sep/09/kazakhstan-aral-sea", dt.date(2011, 9, 9)),
        ("https://www.theguardian.com/world/2017/aug/23/russian-court", dt.date(2017, 8, 23)),
        ("https://example.com/2022/January/3/a-story", dt.date(2022, 1, 3)),
        ("https://example.com/2022/mayor/3/a-story", None),
        ("https://example.com/2022/may/40/a-story", None),
    ],
)
def test_a_urls_month_by_its_english_name(url, date):
    assert url_date(url) == date


@pytest.mark.parametrize(
    ("url", "date"),
    [  # RTÉ (dev159), People's Daily (dev12)
        ("https://www.rte.ie/news/business/2022/0825/1318728-yara-makes", dt.date(2022, 8, 25)),
        ("http://en.people.cn/n3/2022/0106/c90000-9941752.html", dt.date(2022, 1, 6)),
        # a magazine's issue: April 2013 (dev158, sea-technology), no day
        ("http://www.sea-technology.com/features/2013/0413/3_gulf_of_Mexico.php", None),
        ("https://example.com/2022/1340/a-story", None),
    ],
)
def test_a_urls_month_and_day_as_one_folder_after_its_year(url, date):
    assert url_date(url) == date


def test_a_newsml_items_name_in_the_address_gives_no_date(ctx):
    """dpa's English service (dev160): "…/en/221217/urn:newsml:dpa.com:20090101:221217-99-
    935540": 20090101 is the day dpa registered its names, not the report's; the stamp
    "17.12.2022, 16:02" under the headline dates the page."""
    url = "https://news-72f9bc9.dpa-prototype.de/en/221217/urn:newsml:dpa.com:20090101:221217-99-935540"
    assert url_date(url) is None
    name = "dev160/en_dpa_scholz-opens-floating-terminal-for-liquefied-natural-gas.txt"
    assert text_date(ctx, name, url=url) == dt.date(2022, 12, 17)


def test_a_stamp_on_another_weekday_than_the_leads_yesterday_in_brackets(ctx):
    """thaipbsworld (dev160): "11 July 2024" (a Thursday) over a lead whose ERC "said in its
    Facebook post yesterday (Monday)": the re-post's day, not the report's (a 2022 tariff
    round); no date. The same page with "yesterday (Wednesday)" keeps its stamp."""
    name = (
        "dev160/"
        "en_thaipbsworld_households-businesses-to-pay-more-for-electricity-ft-rate-raised.txt"
    )
    assert text_date(ctx, name) is None
    fitting = page(name).replace("yesterday (Monday)", "yesterday (Wednesday)", 1)
    raw = RawInput(data=fitting.encode("utf-8"), origin=name)
    assert ingest_bytes(raw, ctx).date == dt.date(2024, 7, 11)


def test_the_leads_own_date_unlike_the_stamps_gives_no_date(ctx):
    """homin.ca (dev133): the lead opens "January 28, 2016. …" under the stamps "20.05.2024"
    (a box of the day) and "15.02.2016"; apfanews (dev132): "February 28, 2009: The fuel
    prices …" under "Published on Feb 28 2010": the lead's date and the page's stamp
    disagree, so no date rather than a wrong one."""
    assert (
        text_date(
            ctx, "dev133/en_homin_russias-failed-attempt-to-spin-reset-of-relations-with-canada.txt"
        )
        is None
    )
    assert text_date(ctx, "dev132/en_apfanews_fuel-prices-increase.txt") is None


def test_an_audio_players_rest_clock_is_no_stamp(ctx):
    """ypradio (dev160), a public radio station's page: "0:00" / "0:00" / "0:00 0:00" (the
    player) over the headline, then "Yellowstone Public Radio | By Kayla Desroches" /
    "Published February 9, 2024 at 4:02 PM MST": the player is no stamp, so the byline and
    the stamp under the headline are no teaser's."""
    name = "dev160/en_ypradio_crews-tackle-fire-at-billings-refinery.txt"
    assert text_date(ctx, name) == dt.date(2024, 2, 9)


def test_a_stamp_after_its_sections_word_and_before_its_byline(ctx):
    """mississauga.com (dev160), a Metroland paper: "News Mar 10, 2017 by Rachael Williams
    Mississauga News" under the headline."""
    name = "dev160/en_mississaugacom_meadowvale-islamic-centre-moves-ahead-with-city-bylaw.txt"
    assert text_date(ctx, name) == dt.date(2017, 3, 10)


def test_an_images_file_name_is_no_stamp(ctx):
    """The Beagle (dev162): "Screenshot 2023-06-13 180949.png" atop the page, the alt text of
    a picture: the day of the screenshot, not of the post."""
    name = "dev162/en_beagleweekly_bega-council-now-considering-90-rates-increase.txt"
    assert text_date(ctx, name) is None


def test_a_weekday_is_no_datelines_place(ctx):
    """dailytarheel (dev163): "Sunday, April 28, 2024 Newsletters Latest print issue" in the
    header is the day of the visit, not a dateline of "Sunday" (the report is of September
    2019): no date from the text."""
    name = (
        "dev163/en_dailytarheel_protesters-rallied-in-pittsboro-after-confederate-statue-"
        "removal-decision.txt"
    )
    assert text_date(ctx, name) is None


def test_a_full_date_and_a_colon_opening_the_lead(ctx):
    """aviationfinance (dev159): "March 3rd 2022: It is estimated that of the 980 commercial
    passenger jets …" under the headline: the page's own date opening its lead."""
    name = (
        "dev159/en_aviationfinance_implications-of-the-sanctions-on-russia-for-aircraft-leasing.txt"
    )
    assert text_date(ctx, name) == dt.date(2022, 3, 3)


@pytest.mark.parametrize(
    ("name", "date"),
    [
        (  # "30 08 2023, 12:18" under the text, over a photo's credit and a pager
            "dev85/en_centralasiamedia_kazakhstan-has-repelled-more-than-36-million-cyber-attacks.txt",
            dt.date(2023, 8, 30),
        ),
        (  # "09:15; 24 05 2017 0 1 293" under the headline
            "dev79/ru_gagauzinfo_na-pyati-ulitsakh-chadyr-lungi-nachalsya-yamochnyy-remont-dorog.txt",
            dt.date(2017, 5, 24),
        ),
    ],
)
def test_a_stamps_day_month_and_year_apart_by_spaces_beside_its_clock(ctx, name, date):
    assert text_date(ctx, name, chars=5000) == date
    # (no clock beside them: three numbers, no stamp)
    text = page(name, 5000).replace(", 12:18", "", 1).replace("09:15; ", "", 1)
    assert ingest_text(ctx, text) is None


def test_a_sites_motto_over_its_stamp_and_headline(ctx):
    """wattagnet.com (dev86): "News and analysis for the global poultry industry." / a
    breadcrumb / "on September 26, 2022" / the headline: the motto is the site's, not a line
    of text above the headline (no URL given, so no slug points to the headline)."""
    name = "dev86/en_wattagnet_chicken-production-reduced-at-mhp-in-ukraine.txt"
    article = ingest_bytes(RawInput(data=page(name).encode("utf-8"), origin=name), ctx)
    assert article.date == dt.date(2022, 9, 26)
    assert article.title == "Chicken production reduced at MHP in Ukraine"
    assert article.body.startswith("Higher selling prices")


def test_a_posts_meta_bar_ending_in_its_labelled_stamp(ctx):
    """nsk-news24.ru (dev90): "Новости Автор Екатерина Голюк На чтение 1 мин. Просмотров 10
    Опубликовано 13.11.2021" under the headline."""
    name = "dev90/ru_nsknews24_v-novosibirske-zhiteli-mzhk-miting-v-zashchitu-skvera.txt"
    assert text_date(ctx, name) == dt.date(2021, 11, 13)
    assert is_timestamp(
        "Автор Екатерина Голюк Просмотров 10 Опубликовано 13.11.2021 10:22", ctx.rules
    )
    # (words after the date: a sentence, no bar)
    assert not is_timestamp(
        "Новости Автор Екатерина Голюк Просмотров 10 Опубликовано 13.11.2021 на сайте мэрии",
        ctx.rules,
    )


def test_a_spaced_stamp_between_bars(ctx):
    """severpost.ru (dev89): "Новости | 23 12 2020, 19:13 | СеверПост" under the headline."""
    name = "dev89/ru_severpost_v-nikele-sostoyalas-tseremoniya-zakrytiya-plavilnogo-tsekha.txt"
    assert text_date(ctx, name) == dt.date(2020, 12, 23)


def test_an_english_ordinal_after_a_cyrillic_month_in_a_labelled_stamp(ctx):
    """prigorod55.ru (dev89): "Опубликовано Сентябрь 29th, 2022 | Редакция газеты" (a
    WordPress theme's "F jS, Y" in Russian); the theme's box of the day with no label, "Вс.
    Ноя 24th, 2024" over a kk text of another day (qaznews, dev65), stays unread."""
    name = (
        "dev89/ru_prigorod55_gubernator-omskoj-oblasti-utverdil-rasporyazhenie-ob-organizatsii"
        "-osennego-prizyva.txt"
    )
    assert text_date(ctx, name) == dt.date(2022, 9, 29)
    assert text_date(ctx, "dev65/kk_qaznews_aral-qaita-tolyp-balqash-tartylyp-zhatyr.txt") is None


def test_a_labelled_stamp_over_a_lead_telling_of_a_planned_day(ctx):
    """orpheusradio (dev87): "Дата публикации: 10 апреля 2025" over "Спектакль запланирован
    на 12 мая": a plan's day is ahead, no sign of another publication day."""
    assert text_date(ctx, "dev87/ru_orpheus_premera-k-yubileyu.txt") == dt.date(2025, 4, 10)


@pytest.mark.parametrize(
    ("name", "date"),
    [
        (  # marker 2025-11-11, "12:29 12.11.2025" under the headline (Minsk time)
            "dev86/ru_ecopress_po-10-molochno-tovarnykh-kompleksov-poyavyatsya-v-kazhdoy-oblasti.txt",
            dt.date(2025, 11, 12),
        ),
        (  # marker 2023-01-08, "Published: Jan. 7, 2023 at 11:10 PM EST"
            "dev74/en_westernmassnews_local-church-continues-to-collect-donations-for-ukraine.txt",
            dt.date(2023, 1, 7),
        ),
        (  # marker 2023-02-28, "Wednesday, March 1, 2023" (the box of the day it was seen)
            "dev87/en_kampalasun_uzbek-singer-handed-stage-ban-after-immoral-video.txt",
            dt.date(2023, 2, 28),
        ),
    ],
)
def test_a_stamp_a_day_off_the_crawl_marker(ctx, name, date):
    """A stamp with its clock time a day off the marker is the publication's, in the site's
    time zone; a box of the day (a weekday, no clock) a day after it is the day the page was
    seen, and the marker stands."""
    assert text_date(ctx, name) == date


@pytest.mark.parametrize(
    ("name", "date"),
    [
        (  # "2011 06 26  Работа новой администрации": year first, spaced, over the lead
            "dev91/ru_sugardas_rabota-novoi-administratsii.txt",
            dt.date(2011, 6, 26),
        ),
        (  # "16 Січня, 202216 Січня, 2022 Коментарі Вимкнено до <headline>"
            "dev92/uk_fayno_u-ternopilskii-oblasti-vyikhaly-na-zarobitky-polovyna-selyshcha.txt",
            dt.date(2022, 1, 16),
        ),
        (  # "Россия. Мурманск. 26 июня 2019 года. В Мурманске …": the country before the place
            "dev92/ru_rainbownews_murmansk-minsotsrazvitiya-napravilo-130-mln-rubley.txt",
            dt.date(2019, 6, 26),
        ),
    ],
)
def test_spaced_and_glued_stamps_and_a_dateline_under_its_country(ctx, name, date):
    assert text_date(ctx, name) == date


def test_a_blog_themes_comments_notice_after_the_stamp_is_cut_off(ctx):
    """russianhockeystyle (dev42): "30.12.2021 Комментарии к записи <headline> отключены
    Новости"; the notice only after a stamp, and no stamp in a sentence."""
    name = "dev42/ru_russianhockeystyle_mchm-2022-otmenyon.txt"
    assert text_date(ctx, name) == dt.date(2021, 12, 30)
    lead = (
        "Protesters gathered in the main square of the city on Wednesday morning, police said. "
        "The rally over fuel prices went on until the evening, when the crowd left the square."
    )
    text = f"Riots in the city\n\n5 January 2022 Comments Off on Riots in the city\n\n{lead}"
    assert ingest_text(ctx, text) == dt.date(2022, 1, 5)
    text = f"Riots in the city\n\nComments Off on Riots in the city\n\n{lead}"
    assert ingest_text(ctx, text) is None


@pytest.mark.parametrize(
    ("name", "date"),
    [
        (  # "19 September 11:50 2018 Print This Article": the clock before the year
            "dev94/en_eurasiatx_kazakhstan-launches-multimodal-transport-hub-caspian-shores.txt",
            dt.date(2018, 9, 19),
        ),
        (  # "BC, Tallinn, 08.03.2018.Print version" under a box of the day of 2020
            "dev94/en_balticcourse_some-2000-cars-in-line-to-enter-estonia-in-ivangorod.txt",
            dt.date(2018, 3, 8),
        ),
        (  # "… by up to 70%2024-07-26 17:39 by DanielaTags: YouTube"
            "dev96/en_speedguide_russia-to-throttle-youtube-speeds-by-up-to-70.txt",
            dt.date(2024, 7, 26),
        ),
    ],
)
def test_a_clock_before_the_year_and_a_print_link_glued_to_the_dateline(ctx, name, date):
    assert text_date(ctx, name) == date


@pytest.mark.parametrize(
    ("name", "date"),
    [
        (  # "17 вересня 2024 27 хвилин читання": a stamp with its reading time
            "dev98/uk_speka_zbilshytsia-finansuvannia-isnuvatyme-nauka-intervyu-z-astrofizykyniamy.txt",
            dt.date(2024, 9, 17),
        ),
        (  # "6 Жовтня 2025" / "база знань особистість" / "6 Жовтня 2025": no list of stories
            "dev98/uk_platforma_stav-vidomyi-naikrashchyi-vchytel-ukrainy-global-teacher-prize.txt",
            dt.date(2025, 10, 6),
        ),
        (  # "Tuesday, Dec. 10, 2019" (a box of the day) / headline / "Автор:" / "Листопад 20, 2019"
            "dev99/uk_meestonline_v-ukrainsko-kanadskomu-memorialnomu-parku-den-pamiati.txt",
            dt.date(2019, 11, 20),
        ),
        (  # "30  Ноября 2022 г.  в 14:19 : Политика, власть, оппозиция"
            "dev99/ru_virtualbrest_v-gorode-slyshna-kanonada-38-brigada.txt",
            dt.date(2022, 11, 30),
        ),
        (  # the headline said again with "30.04.2014 10:00" glued on
            "dev99/ru_apsny_v-abkhazii-nachalsia-vesenne-letnii-prizyv.txt",
            dt.date(2014, 4, 30),
        ),
        (  # "April 19, 2024 Login" (the header's day) over the stamp "Friday, June 24, 2011"
            "dev98/en_velonation_vinokourov-to-target-podium-finish-in-tour-de-france.txt",
            dt.date(2011, 6, 24),
        ),
        (  # "April 12, 2007 (RFE/RL) -- Just days after …": the date first, a double hyphen
            "dev98/en_payvand_tajikistan-authorities-exclude-miniskirt-hejab-on-campuses.txt",
            dt.date(2007, 4, 12),
        ),
        (  # "Автор: LeRoy в 27/01/2019 07:20:00" under a portal's visitors box
            "dev97/ru_setiee_narva-narodu-vazhno-kak-ida-virumaa-budet-vyzhivat-bez-slantsa.txt",
            dt.date(2019, 1, 27),
        ),
        (  # "Наведите камеру телефона." over the headline and "25 февраля 2021"
            "dev97/ru_stvtv_za-55-let-tomskneft-dobyla-545-mln-tonn-nefti.txt",
            dt.date(2021, 2, 25),
        ),
    ],
)
def test_stamps_with_reading_times_rubrics_and_headlines_glued_on(ctx, name, date):
    assert text_date(ctx, name) == date


def test_a_day_list_needs_headlines_in_capitals(ctx):
    """Two stamps with a headline between them still make a list of other stories."""
    lead = GUARD_LEAD
    text = f"Riots in the city\n\n5 January 2022\nStorm hits the coast\n5 January 2022\n\n{lead}"
    assert ingest_text(ctx, text) is None


@pytest.mark.parametrize(
    ("name", "date"),
    [
        (  # "01 Октября’22" over a views count "2065": the year after an apostrophe
            "dev101/ru_svisgaz_v-bolshoi-berestovitse-prokhodit-festival-dozhinki-2022.txt",
            dt.date(2022, 10, 1),
        ),
        (  # "2 Серпня, 2021 На Хмельниччині відгримів …": the stamp before the headline
            "dev101/uk_timeskm_na-khmelnychchyni-vidhrymiv-etnofestyval-kolodar.txt",
            dt.date(2021, 8, 2),
        ),
        (  # "/2010-06-16 13:03:20/" over a lead of a festival "з 19 по 25 серпня"
            "dev101/uk_sidfm_na-lutsk-chekaie-poliske-lito-z-folklorom.txt",
            dt.date(2010, 6, 16),
        ),
        (  # a calendar badge over the headline: "09" / "сен 2023"
            "dev101/ru_tomin_v-gantsevichakh-proshel-oblastnoi-festival-dazhynki-2023.txt",
            dt.date(2023, 9, 9),
        ),
    ],
)
def test_short_years_badges_and_slashed_stamps(ctx, name, date):
    assert text_date(ctx, name, chars=4000) == date


def test_a_papers_year_and_issue_numbers_in_the_address_are_no_date():
    assert url_date("http://hetman.tv/nomera/2009/2009-4-5-28/pokrova-5.html") is None
    assert url_date("http://example.ua/2022-1-5-protesty/") == dt.date(2022, 1, 5)


@pytest.mark.parametrize(
    ("name", "date"),
    [
        (  # headline / "Просмотров: 380" / "Воскресенье, 17 сентября 2017 г." / headline
            "dev101/ru_dagestanonline_krepost-naryn-kala-stala-ploshchadkoi-dlya-krasochnogo"
            "-prazdnovaniya.txt",
            dt.date(2017, 9, 17),
        ),
        (  # "Выходит с 1 мая 1923 года; № 54 (9576); суббота, 28 мая 2005 года"
            "dev101/ru_serdalo_dolgaia-doroga-domoi.txt",
            dt.date(2005, 5, 28),
        ),
        (  # "22 марта 2024 ГТРК «Хакасия»" over the headline
            "dev98/ru_vestikhakasia_v-tryokh-shkolakh-abakana-podgotovka-k-kapremontu.txt",
            dt.date(2024, 3, 22),
        ),
        (  # "04.11.2020 • 07:098-9 октября т.г. в Таиланде …": the clock glued to the lead
            "dev98/ru_qlever_tadzhikskie-shkolniki-zavoevali-87-medaley-imch-2020.txt",
            dt.date(2020, 11, 4),
        ),
    ],
)
def test_views_founding_lines_broadcasters_and_bullet_clocks(ctx, name, date):
    assert text_date(ctx, name, chars=4000, url=URLS.get(name)) == date


URLS = {  # (the headline said twice, "… фото" the second time: the address says the first)
    "dev101/ru_dagestanonline_krepost-naryn-kala-stala-ploshchadkoi-dlya-krasochnogo"
    "-prazdnovaniya.txt": "https://dagestan.online/ru/krepost-naryn-kala-stala-ploshchadkoy"
    "-dlya-krasochnogo-prazdnovaniya",
}


@pytest.mark.parametrize(
    ("name", "date"),
    [
        (  # "29.02.2016 348 Наш край": the stamp, the views, the paper
            "dev92/ru_nashkraj_ryady-individualnykh-predprinimateley-v-baranovichakh-nachinayut"
            "-popolnyatsya.txt",
            dt.date(2016, 2, 29),
        ),
        (  # "5 июля 2010. Разместил: admin_a" under a DataLife Engine trail and the headline
            "dev96/ru_nazarovo_telekanal-afontovo-prekratit-veshchanie.txt",
            dt.date(2010, 7, 5),
        ),
    ],
)
def test_a_stamp_with_its_views_and_paper_or_its_poster(ctx, name, date):
    assert text_date(ctx, name) == date


def test_a_headline_after_a_date_and_a_number_stays_a_headline(ctx):
    lead = GUARD_LEAD
    text = f"Новости\n\n29.02.2016 348 человек погибли при пожаре в Алматы\n\n{lead}"
    raw = RawInput(data=text.encode("utf-8"), origin="page.txt")
    assert "348 человек погибли при пожаре в Алматы" in ingest_bytes(raw, ctx).title


@pytest.mark.parametrize(
    ("name", "date"),
    [
        (  # the site's motto "Мы освещаем новости культуры Узбекистана: …" over the menu
            "dev66/ru_kulturauz_zavtra-premiera-novoi-pesy-nikity-makarenko.txt",
            dt.date(2020, 11, 12),
        ),
    ],
)
def test_a_motto_over_the_menu_is_no_headline(ctx, name, date):
    assert text_date(ctx, name) == date


@pytest.mark.parametrize(
    ("name", "date"),
    [
        (  # "Just Earth News | @justearthnews | 10 Jul 2023, 10:41 pm Print"
            "dev67/en_justearthnews_uzbekistan-president-mirziyoyev-re-elected-snap-election.txt",
            dt.date(2023, 7, 10),
        ),
        (  # "Avesta.Tj | 02.10.2013 | Накануне" / "в городе Худжанде, …" (the lead wrapped)
            "dev55/ru_avesta_v-hudzhande-podveli-itogi-mesyachnogo-sbora-hlopka.txt",
            dt.date(2013, 10, 2),
        ),
    ],
)
def test_an_outlets_name_and_its_stamp_between_bars(ctx, name, date):
    assert text_date(ctx, name) == date


def test_a_byline_and_its_stamp_between_bars_stay_one_line(ctx):
    """hotsr (dev9): "by The Associated Press | January 10, 2022 at 4:00 a.m." gives the date
    and the wire the story comes from."""
    name = "dev9/en_hotsr_164_killed_last_weeks_protests.txt"
    url = "https://www.hotsr.com/news/2022/jan/10/kazakhstan-authorities-says-164-people-killed-in/"
    raw = RawInput(data=page(name).encode("utf-8"), origin=name, url=url)
    art = ingest_bytes(raw, ctx)
    assert art.date == dt.date(2022, 1, 10)
    assert art.original == "Associated Press"


def test_a_stamp_twice_around_the_authors_name_is_no_list(ctx):
    """112.ua (dev6): "17.10.2024" / "1374" / "Журналіст" / "Шосталь Олександр" /
    "17.10.2024" / "1374" under the headline."""
    assert text_date(ctx, "dev6/uk_112ua_gas_transit_condition.txt") == dt.date(2024, 10, 17)


def test_a_stamp_with_the_pages_address_or_a_read_count(ctx):
    """hotu.su (dev104): "12.01.2022 | https://hotu.su/ru/news/20220112/26251.html |";
    vzglyad.az (dev104): "27 МАЙ 2024    Прочитано: 659" under the headline."""
    rules = ctx.rules
    assert is_timestamp("12.01.2022 | https://hotu.su/ru/news/20220112/26251.html |", rules)
    assert is_timestamp("  27 МАЙ 2024    Прочитано: 659", rules)
    assert not is_timestamp("Прочитано 5 книг 12.01.2022", rules)
    assert text_date(ctx, "dev104/ru_hotu_34-zhitelya-yakutii-vernulis-iz-kazakhstana.txt") == (
        dt.date(2022, 1, 12)
    )
    name = "dev104/ru_vzglyadaz_v-erevane-v-khode-aktsii-protesta-zaderzhano-67-chelovek.txt"
    assert text_date(ctx, name) == dt.date(2024, 5, 27)


def test_a_dash_date_with_its_clock_is_day_first(ctx):
    """halmgynn (dev108): "02-03-2021, 14:24 | Общество"; evrazesnews (dev104): "Герман
    Напольский 05-08-2021 21:26:34": DataLife Engine's stamp, day first (so every such
    stamp of the labelled pages); a dash date alone stays unread when it could be either."""
    name = "dev108/ru_halmgynn_teegin-gerl-svet-kultury-svet-nadezhdy.txt"
    assert text_date(ctx, name) == dt.date(2021, 3, 2)
    name = "dev104/ru_evrazesnews_ucheniya-mirotvorcheskih-sil-odkb-projdut-v-kazani.txt"
    assert text_date(ctx, name) == dt.date(2021, 8, 5)
    lead = (
        "Учения миротворческих сил планируется провести на полигоне под Казанью, сообщили в "
        "министерстве обороны. В них примут участие военные нескольких стран."
    )
    assert ingest_text(ctx, f"Учения пройдут в Казани\n\n02-03-2021\n\n{lead}") is None
    assert ingest_text(ctx, f"Учения пройдут в Казани\n\n02-03-2021, 14:24\n\n{lead}") == (
        dt.date(2021, 3, 2)
    )


def test_a_full_date_and_its_rubrics_one_word_are_a_stamp(ctx):
    """shippingchina (dev112): "Aug 17, 2010 Shipping" under the headline: the day, then the
    rubric; a date inside a sentence, or before two words, is no stamp, nor is an account
    bar's day and "Login" (velonation, dev98: "April 19, 2024 Login" over "Friday, June 24,
    2011", the post's day)."""
    rules = ctx.rules
    assert is_timestamp("Aug 17, 2010 Shipping", rules)
    assert not is_timestamp("April 19, 2024 Login", rules)
    assert not is_timestamp("17 августа 2010 Иванов", rules)  # (a wrapped sentence's start)
    assert not is_timestamp("Aug 17, 2010 Kazakhstan aims high", rules)
    assert not is_timestamp("On Aug 17, 2010 Kusainov", rules)
    name = (
        "dev112/en_shippingchina_kazakhstan-aims-to-ship-half-the-caspian-seas-cargoes-by-2013.txt"
    )
    assert text_date(ctx, name) == dt.date(2010, 8, 17)
    name = "dev98/en_velonation_vinokourov-to-target-podium-finish-in-tour-de-france.txt"
    assert text_date(ctx, name) == dt.date(2011, 6, 24)


def test_an_outlet_and_full_date_in_brackets_opening_the_lead_are_its_dateline(ctx):
    """energyasia (dev113): "(EnergyAsia, December 15 2011, Thursday) — KazMunaiGas, …": a
    trade paper's credit and day before its lead; a name and date in brackets inside a
    sentence are no dateline."""
    name = (
        "dev113/en_energyasia_kazakhstan-government-acquires-10-stake-in-karachaganak-project.txt"
    )
    assert text_date(ctx, name) == dt.date(2011, 12, 15)
    lead = (
        "KazMunaiGas has agreed to pay US$3 billion for a 10% stake in the Karachaganak "
        "project, the consortium said. The deal settles years of disputes with investors."
    )
    text = f"Kazakhstan buys into Karachaganak\n\n(EnergyAsia, December 15 2011, Thursday) — {lead}"
    assert ingest_text(ctx, text) == dt.date(2011, 12, 15)
    text = f"Kazakhstan buys into Karachaganak\n\n{lead} (EnergyAsia, December 15 2011) said so."
    assert ingest_text(ctx, text) is None


def test_a_place_and_a_day_first_date_in_figures_before_an_agency_are_its_dateline(ctx):
    """agenceeurope (dev115): "Brussels, 03/09/2012 (Agence Europe) - The EU wants …", a
    bulletin's own dateline, day first (the lead names "Monday 3 September"); it dates the
    page and names its publisher. A two-figure year, or no agency in brackets, is no
    dateline."""
    name = (
        "dev115/en_agenceeurope_southern-corridor-oettinger-visits-azerbaijan-and-turkmenistan.txt"
    )
    raw = RawInput(data=page(name, 2500).encode("utf-8"), origin=name)
    art = ingest_bytes(raw, ctx)
    assert art.date == dt.date(2012, 9, 3)
    assert art.source == "Agence Europe"
    assert not art.title.startswith("Brussels")  # the lead's title starts after the dateline
    lead = "The EU wants to sign a treaty with Azerbaijan and Turkmenistan on a gas pipeline."
    assert ingest_text(ctx, f"Brussels, 03/09/2012 (Agence Europe) - {lead}") == dt.date(2012, 9, 3)
    assert ingest_text(ctx, f"Brussels, 03/09/12 (Agence Europe) - {lead}") is None
    assert ingest_text(ctx, f"Brussels, 03/09/2012 - {lead}") is None


def test_a_wire_dateline_with_its_country_in_brackets_and_a_double_dash(ctx):
    """bernama (dev115): "ASHGABAT (Turkmenistan), Oct 28 -- The Turkmenistan government …"
    under the reporter's credit "Exclusive report from Elmi Razali Elias": the dateline
    (no year: no date) and the credit are no headline; the lead's title starts after the
    dateline."""
    name = "dev115/en_bernama_turkmenistan-wants-petronas-psc-extended-to-2038.txt"
    cleaned = clean_text(page(name), ctx.rules)
    dl = cleaned.dateline
    assert dl is not None and (dl.place, dl.month, dl.day, dl.year) == ("ASHGABAT", 10, 28, None)
    raw = RawInput(data=page(name, 2500).encode("utf-8"), origin=name)
    art = ingest_bytes(raw, ctx)
    assert art.title.startswith("The Turkmenistan government wants")
    assert art.date is None
    # a headline in capitals with a country in brackets is no dateline
    assert clean_text("KAZAKHSTAN (ASTANA), OCT 28 -- NEWS OF THE DAY", ctx.rules).dateline is None


def test_a_stamp_whose_clock_runs_into_the_lead_is_split_from_it(ctx):
    """ad-hoc-news (dev116): "24.01.2026 - 06:02:05Despite trading near its all-time high, …"
    under the headline: the stamp, then the lead. A clock glued to "AM" or "UTC" is not
    split."""
    from generator.ingest.clean.unglue import unglue_clock_lead

    name = "dev116/en_adhocnews_operational-setbacks-temper-chevrons-momentum.txt"
    assert text_date(ctx, name) == dt.date(2026, 1, 24)
    assert unglue_clock_lead("24.01.2026 - 06:02:05Despite trading near", ctx.rules) == [
        "24.01.2026 - 06:02:05",
        "Despite trading near",
    ]
    assert unglue_clock_lead("24.01.2026 - 06:02AM", ctx.rules) == ["24.01.2026 - 06:02AM"]
    assert unglue_clock_lead("24.01.2026 06:02UTC", ctx.rules) == ["24.01.2026 06:02UTC"]


def test_a_december_stamp_over_a_lead_naming_early_january(ctx):
    """ttm.financial (dev116): "Reuters2025-12-29" under a Reuters headline whose bullets
    look ahead to "January 12": a date early next year fits a stamp of late December; one
    eleven months before it does not."""
    name = (
        "dev116/en_ttmfinancial_us-natural-gas-futures-rise-on-cold-weather-forecasts-"
        "record-lng-exports.txt"
    )
    assert text_date(ctx, name) == dt.date(2025, 12, 29)
    head = "US gas futures rise on cold weather\n\n29.12.2025\n\n"
    ahead = "Meteorologists see a drop in temperatures through January 12, the forecasters said."
    assert ingest_text(ctx, head + ahead) == dt.date(2025, 12, 29)
    back = "On January 12 the plant stopped, the company said in a statement to investors."
    assert ingest_text(ctx, head + back) is None


def test_a_lead_opening_with_today_and_a_weekday_before_the_date(ctx):
    """Canberra Daily (dev116): "Today, Friday 24 February 2023, marks one year since …": the
    day the report was written, its weekday between "Today" and the date."""
    name = "dev116/en_canberradaily_the-faces-of-canberrans-at-ukrainian-vigil.txt"
    assert text_date(ctx, name) == dt.date(2023, 2, 24)


def test_a_day_with_its_ordinal_ending_is_a_date(ctx):
    """bogdan.news (dev116): another story's teaser and its stamp "05.12.2024" over a lead
    telling of "На вчора, 25-те січня": the ordinal ending ("25-те", "1-го", "25-го января")
    does not hide the day, so the stamp eleven months later is no date of this text."""
    assert [d[1:] for d in find_dates("На вчора, 25-те січня, цінник", ctx.rules)] == [
        (None, 1, 25)
    ]
    assert [d[1:] for d in find_dates("з 1-го лютого 2022 року", ctx.rules)] == [(2022, 2, 1)]
    assert [d[1:] for d in find_dates("до 25-го января", ctx.rules)] == [(None, 1, 25)]
    name = "dev116/uk_bogdannews_vartist-palnoho-na-khmelnychchyni-bie-novi-rekordy.txt"
    assert text_date(ctx, name) is None


def test_a_place_and_full_date_opening_the_lead_with_no_dash(ctx):
    """naija247news (dev62): "Moscow, Jan. 14, 2021 Pupils in the Russian city of Yakutsk were
    sent home …" (the dash lost): the dateline's day, not the URL's /2021/01/15/ (the site's
    posting a day later). A place and a date before a word in capitals is no dateline."""
    name = (
        "dev62/en_naija247news_russian-pupils-in-siberia-sent-home-due-to-minus-50-degrees-cold.txt"
    )
    url = (
        "https://www.naija247news.com/2021/01/15/russian-pupils-in-siberia-sent-home-due-to-"
        "minus-50-degrees-cold/"
    )
    assert text_date(ctx, name, url=url) == dt.date(2021, 1, 14)
    dl = clean_text(page(name), ctx.rules).dateline
    assert dl is not None and (dl.place, dl.year, dl.month, dl.day) == ("Moscow", 2021, 1, 14)
    assert clean_text("Moscow, Jan. 14, 2021 UTC news of the day", ctx.rules).dateline is None


def test_a_date_in_english_words_over_a_byline_is_a_stamp(ctx):
    """freightnews.co.za (dev117): "27 Sep 2022 - by Staff reporter" under the headline: the
    date and the reporter's credit. An English date before capitalised words is not (a
    headline may open so)."""
    name = "dev117/en_freightnews_new-study-shows-black-sea-container-activity-decline.txt"
    assert text_date(ctx, name, chars=4000) == dt.date(2022, 9, 27)
    from generator.ingest.clean.stamps import stamp_and_credit

    assert stamp_and_credit("27 Sep 2022 - by Staff reporter", ctx.rules)
    assert not stamp_and_credit("27 Sep 2022 Storm Hits Port", ctx.rules)


def test_a_day_month_and_year_joined_by_hyphens(ctx):
    """ChemAnalyst (dev117): "- 22-Jan-2024 3:29 PM" under the headline."""
    name = (
        "dev117/en_chemanalyst_russian-fuel-terminal-stops-operations-amid-suspected-drone-"
        "attack.txt"
    )
    assert text_date(ctx, name) == dt.date(2024, 1, 22)
    assert [d[1:] for d in find_dates("- 22-Jan-2024 3:29 PM", ctx.rules)] == [(2024, 1, 22)]
    assert find_dates("item 3-May-2024-x", ctx.rules) == []


def test_a_stamp_years_off_the_anniversary_the_opening_names(ctx):
    """The Pensive Quill (dev14): "Ten years after police massacred striking oil workers at
    Zhanaozen, …" and "… killed … on 16 December 2011" over a stamp "15-December-2022": a
    report ten years after the event is of December 2021, so the stamp (eleven years on) is
    a re-post's and the page stays undated; the same opening under a stamp of 15 December
    2021 is dated by it."""
    name = "dev14/en_thepensivequill_zhanaozen-ten-years.txt"
    assert text_date(ctx, name) is None
    text = page(name, 2500).replace("15-December-2022", "15-December-2021")
    assert ingest_text(ctx, text) == dt.date(2021, 12, 15)


def test_a_press_release_dateline_with_its_country_before_the_wire_in_slashes(ctx):
    """miningnewsfeed (dev118): "BISHKEK, KyrgyzstanMay 18, 2021 /CNW/ - Akylbek Japarov, …",
    the comma between the country and the date lost with the markup: the dateline dates the
    page and the lead starts after the wire's dash. The same with the comma kept."""
    name = (
        "dev118/en_miningnewsfeed_kyrgyz-republic-takes-steps-to-assume-temporary-control-of-"
        "kumtor.txt"
    )
    cleaned = clean_text(page(name), ctx.rules)
    dl = cleaned.dateline
    assert dl is not None and (dl.place, dl.day, dl.month, dl.year) == ("BISHKEK", 18, 5, 2021)
    assert cleaned.body.startswith("Akylbek Japarov, Member of the Jogorku Kenesh")
    assert text_date(ctx, name) == dt.date(2021, 5, 18)
    kept = clean_text(
        "Headline of the release\n\nBISHKEK, Kyrgyzstan, May 18, 2021 /CNW/ - The "
        "Government of the Kyrgyz Republic has initiated a legal process.",
        ctx.rules,
    )
    assert kept.dateline is not None and kept.dateline.year == 2021
    # a country and a date without a wire in slashes is no such dateline
    plain = "Headline of the release\n\nBISHKEK, Kyrgyzstan May 18, 2021 the Government said."
    assert clean_text(plain, ctx.rules).dateline is None


def test_a_full_date_then_the_agency_in_slashes_opening_the_lead(ctx):
    """46tv (dev118): "25 октября 2024. /46ТВ/. В августе этого года …" under the headline: a
    TV station's own dateline with no place dates the page; the lead starts after it."""
    name = "dev118/ru_46tv_cherez-sudzhanskuiu-grs-rossiiskii-gaz-vse-eshche-idet.txt"
    cleaned = clean_text(page(name), ctx.rules)
    dl = cleaned.dateline
    assert dl is not None and (dl.day, dl.month, dl.year, dl.agency) == (25, 10, 2024, "46ТВ")
    assert cleaned.body.startswith("В августе этого года")
    assert text_date(ctx, name) == dt.date(2024, 10, 25)


def test_a_stamp_under_a_standfirst_and_a_caption_is_the_lead_stamp(ctx):
    """standard (dev118): headline / a standfirst / a photo's caption (no full stop) / "AP" /
    "Benjamin Cooper23 April 2022" / the text. The caption is no paragraph of text, so the
    author's stamp still lies between the standfirst and the text."""
    name = "dev118/en_standard_iceland-rations-sunflower-oil-sales-to-one-bottle-per-customer.txt"
    assert text_date(ctx, name) == dt.date(2022, 4, 23)


def test_a_reading_time_glued_to_the_stamps_clock(ctx):
    """nzherald (dev119): "2 Mar, 2022 05:07 PM7 mins to read" under the byline, the reading
    time glued to the clock's "PM": a stamp."""
    name = "dev119/en_nzherald_ukraine-russia-war-helps-fuel-rising-petrol-diesel-prices.txt"
    assert is_timestamp("2 Mar, 2022 05:07 PM7 mins to read", ctx.rules)
    assert is_timestamp("2 Mar, 2022 05:07 PM 7 mins to read", ctx.rules)
    assert text_date(ctx, name, chars=8000) == dt.date(2022, 3, 2)


def test_a_rubric_joined_by_an_ampersand_before_the_stamp(ctx):
    """russtd (dev120): "Europe Sun & Beach 03.05.2017" over the headline: the rubric path,
    its words joined by an ampersand, and the day in figures (a Russian site's order)."""
    name = "dev120/en_russtd_record-number-of-tourists-from-russia-will-arrive-in-antalya.txt"
    assert is_timestamp("Europe Sun & Beach 03.05.2017", ctx.rules)
    assert text_date(ctx, name) == dt.date(2017, 5, 3)
    assert not is_timestamp("Sun & Beach holidays start on 03.05.2017", ctx.rules)


def test_a_stamps_clock_glued_to_its_year(ctx):
    """tatarstan24 (dev120): "01 сентября 202519:20" over the headline, the clock glued to
    the year: 1 September 2025, 19:20."""
    name = "dev120/ru_tatarstan24_kazanskii-pervyi-den-oseni.txt"
    assert text_date(ctx, name) == dt.date(2025, 9, 1)
    stamp = "Заголовок новости о городе\n\n01.09.202519:20\n\nВ Казани прошёл первый день осени."
    assert ingest_text(ctx, stamp) == dt.date(2025, 9, 1)


def _url_dated(ctx, name: str, url: str) -> dt.date | None:
    page_text = page(name, 2500)
    return ingest_bytes(RawInput(data=page_text.encode("utf-8"), origin=name, url=url), ctx).date


def test_a_stamp_the_day_after_the_urls_date_is_the_publication(ctx):
    """cowboystatedaily (dev121): "May 14, 20244 min read" under /2024/05/13/, and nashekolo
    (dev101): a stamp of 11 February 2011 under an address of the 10th: the address keeps
    the draft's day (or another time zone's), the page prints the day it was published. A
    stamp more than a day later is an update's or a box of the day: the address stands."""
    name = (
        "dev121/en_cowboystatedaily_big-win-for-barrasso-as-his-ban-on-uranium-imports-signed.txt"
    )
    url = "https://cowboystatedaily.com/2024/05/13/biden-signs-barrassos-ban-on-uranium-imports/"
    assert _url_dated(ctx, name, url) == dt.date(2024, 5, 14)
    assert _url_dated(ctx, name, url.replace("/05/13/", "/05/10/")) == dt.date(2024, 5, 10)


def test_a_date_after_the_month_the_address_states_is_no_publication_date(ctx):
    """dmagazine (dev121): a box of the day "Tuesday, May 24, 2022 May 24, 2022" over a post
    at /frontburner/2017/09/…: a date after the address's month is a later box's or
    update's; no date. A date before it stands (gasandoil, dev30: "June 19, 2007" under
    /2007/07/). The text alone tells it too since dev135: the box's weather ("72° F
    Dallas, TX", dropped over the headline) makes it the header's box."""
    name = "dev121/en_dmagazine_state-sues-north-texas-gas-stations-accused-of-price-gouging.txt"
    url = "https://www.dmagazine.com/frontburner/2017/09/state-sues-north-texas-gas-stations/"
    assert text_date(ctx, name) is None
    assert _url_dated(ctx, name, url) is None
    gasandoil = "dev30/en_gasandoil_transneft-raise-cpc-transit-fee.txt"
    assert _url_dated(ctx, gasandoil, "http://www.gasandoil.com/news/2007/07/cnr72849") == (
        dt.date(2007, 6, 19)
    )


def test_a_stamp_whose_year_follows_the_comma_with_no_space_under_a_summary(ctx):
    """addisfortune (dev122): a weekly's summary, "You can read the full story here", then
    "PUBLISHED ON Jan 14,2023 [ VOL 23 , NO 1185]" over a post-rating plugin's lines ("How
    useful was this post?" / "Click on a star to rate it!" / …): the stamp after the text,
    its year after the comma with no space."""
    name = "dev122/en_addisfortune_its-one-after-the-other.txt"
    assert is_timestamp("PUBLISHED ON Jan 14,2023 [ VOL 23 , NO 1185]", ctx.rules)
    assert text_date(ctx, name) == dt.date(2023, 1, 14)
    found = find_dates("on Jan 14,2023", ctx.rules, latin=True)
    assert [(y, m, d) for _s, y, m, d in found] == [(2023, 1, 14)]


def test_a_language_switch_over_a_broadcast_days_box_and_the_bylines_stamp(ctx):
    """vom (dev124): "Change language: English" / "Change language:" / "Broadcast 18-04-2024"
    (a box of the broadcast day) / "Latest news" / the headline / "Oyundelger 2018-11-12
    08:11": the language switch is no headline, and the byline's stamp under the headline
    dates the page, not the box above it."""
    name = "dev124/en_vom_mongolia-plans-coal-rail-link-to-china-by-2021.txt"
    raw = RawInput(data=page(name, 2500).encode("utf-8"), origin=name)
    art = ingest_bytes(raw, ctx)
    assert art.title == "Mongolia plans coal rail link to China by 2021"
    assert art.date == dt.date(2018, 11, 12)


def test_a_stamp_then_its_reporters_field(ctx):
    """kontan (dev124): "August 01, 2024, 08.57 PM  | Reporter: Dadan M. Ramdan" under the
    headline: a stamp with its reporter's field after a bar."""
    name = "dev124/en_kontan_pertamina-buys-russian-oil-impacts-on-relations-with-the-us.txt"
    assert is_timestamp("August 01, 2024, 08.57 PM  | Reporter: Dadan M. Ramdan", ctx.rules)
    assert text_date(ctx, name) == dt.date(2024, 8, 1)


def test_years_after_an_event_the_opening_dates_by_its_year_alone(ctx):
    """ubpost (dev124): "• 2024-10-31" under the headline, the opening saying the visit takes
    place "16 years after the last state visit … in 2008" and dating another event in full
    ("January 22, 1992"): 2008 and 16 years fit a stamp of 2024."""
    name = "dev124/en_ubpost_president-of-kazakhstans-visit-upgrades-bilateral-relations.txt"
    assert text_date(ctx, name) == dt.date(2024, 10, 31)


def test_the_site_top_bars_day_over_the_headline_and_the_articles_stamp(ctx):
    """jsk (dev48): "• 19 марта, 2024 3:13 дп" (the top bar's day and clock of the visit) /
    headline / "Автор:admin" / "Дек 1, 2020": not a list of two dated stories (the headline
    had been taken for one of them, both stamps thrown out as a sidebar), but the site's bar
    over the article's stamp, more than a month before it."""
    name = "dev48/kk_jsk_turkistan-auezhayy-algashqy-reys.txt"
    assert text_date(ctx, name) == dt.date(2020, 12, 1)


def test_a_day_opening_a_newspaper_theme_page_is_the_visit_day(ctx):
    """stluciatimes (dev125) and thenicheng (dev116): "Wednesday, August 10, 2022" over the
    headline and the theme's "- Advertisement -" lines: the Newspaper theme's top bar prints
    the day of the visit (the report is of the war's first days), so the page is undated."""
    for name in (
        "dev125/en_stluciatimes_barbados-bracing-for-impact-from-ukraine-unrest.txt",
        "dev116/en_thenicheng_russias-war-in-ukraine-raises-bread-price-in-nigeria.txt",
    ):
        assert text_date(ctx, name) is None, name
    # without the theme's line a day over the headline still dates the page (without its
    # weekday: a weekday box alone dates nothing since the thirty-seventh session)
    text = "August 10, 2022\n\nBarbados Bracing For Impact\n\nThe Prime Minister said.\n"
    assert ingest_text(ctx, text) == dt.date(2022, 8, 10)


def test_an_old_articles_notice_dates_the_page(ctx):
    """winnipegfreepress (dev125): the paywall's offers, then "Hey there, time traveller!" /
    "This article was published 26/02/2022 (1328 days ago), so information in it may no
    longer be current." over the text: the notice's stamp is the publication's."""
    name = "dev125/en_winnipegfreepress_manitoba-stands-with-ukraine.txt"
    assert text_date(ctx, name) == dt.date(2022, 2, 26)


def test_a_date_the_lead_says_is_to_be_celebrated_is_no_clash_with_the_stamp(ctx):
    """primechaniya (dev125): the lead's "юбилею города, который отметят 4 апреля 2018 года"
    (a future celebration) does not make the stamp "26.09.2017 в 09:17 Автор: …" a box."""
    name = "dev125/ru_primechaniya_yalta-sobralas-otmechat-iubilei-ves-sleduiushchii-god.txt"
    assert text_date(ctx, name) == dt.date(2017, 9, 26)


def test_a_rubrics_edition_of_the_day_is_a_stamp(ctx):
    """ghanaweb (dev127): "General News of Wednesday, 26 January 2011" / "Source: GNA" / the
    headline / "Accra, Jan. 26, GNA - …": the portal's rubric, "of" and the day is the
    stamp (it had been taken for a kicker over the headline). A phrase of the past is not."""
    name = "dev127/en_ghanaweb_ghanaians-protest-against-high-cost-of-living.txt"
    assert text_date(ctx, name) == dt.date(2011, 1, 26)
    assert is_timestamp("Business News of Monday, 3 January 2022", ctx.rules)
    assert not is_timestamp("Memories of 26 January 2011", ctx.rules)


def test_a_full_date_and_a_dash_opening_the_lead_is_its_stamp(ctx):
    """gazetatema (dev128): "Dec 26, 2024 - Kosovo is facing significant power outages …":
    a dateline's date and dash with no place; the title made from the lead leaves it out.
    A chronology's items ("5 января 2022 года — …" / "6 января 2022 года — …") are not."""
    name = "dev128/en_gazetatema_kosovo-hit-by-power-outages-as-energy-demand-soars.txt"
    raw = RawInput(data=page(name, 2500).encode("utf-8"), origin=name)
    art = ingest_bytes(raw, ctx)
    assert art.date == dt.date(2024, 12, 26)
    assert art.title.startswith("Kosovo is facing significant power outages")
    chronology = (
        "5 января 2022 года — в Алматы начались массовые беспорядки, протестующие захватили "
        "здание акимата и аэропорт города.\n\n"
        "6 января 2022 года — в страну прибыли первые подразделения миротворцев ОДКБ, которые "
        "взяли под охрану стратегические объекты.\n"
    )
    assert ingest_text(ctx, chronology) is None


def test_a_stamp_in_none_of_whose_years_the_openings_weekday_fits_is_not_taken(ctx):
    """journalducameroun (dev129): a report of the Sonara refinery fire, "During a joint
    press conference in Yaounde on Sunday June 2, …", then "Published on 10.02.2021" over
    the next teaser. 2 June was a Sunday in 2019, but not in 2020, 2021 or 2022: the stamp
    is another item's, and the page is left undated rather than wrongly dated."""
    name = "dev129/en_journalducameroun_govt-allays-fears-of-fuel-shortage-after-sonara-fire.txt"
    assert text_date(ctx, name) is None
    # the same stamp under a report whose weekday fits its year is the publication's
    text = (
        "Government allays fears of fuel shortage\n\n"
        "The government has dismissed reports of an imminent hike in the prices of fuel.\n\n"
        "During a joint press conference on Sunday June 2, the ministries reassured buyers "
        "that prices of these commodities will remain the same.\n\n"
        "Published on 03.06.2019\n"
    )
    assert ingest_text(ctx, text) == dt.date(2019, 6, 3)
    # a report's own slip ("у четвер, 6 грудня" for Thursday 6 January) leaves the stamp
    # over its headline standing (kontrakty, dev: "06.01.2022 633" / the headline)
    assert text_date(ctx, "dev/uk_kontrakty_russia_sent_paratroopers.txt") == dt.date(2022, 1, 6)


def test_a_bylines_stamp_with_its_updates_age_beats_the_mastheads_day(ctx):
    """independentmt (dev128): "The Malta Independent 21 October 2018, Sunday" (the
    masthead's day of the visit) / the headline / "Kevin Schembri Orland Tuesday, 17
    October 2017, 14:39 Last update: about 2 years ago": the update's age is cut from the
    byline's stamp, which then dates the page (the masthead's day had, wrongly)."""
    name = (
        "dev128/en_independentmt_looks-like-we-cant-have-freedom-of-speech-but-we-want-justice.txt"
    )
    assert text_date(ctx, name) == dt.date(2017, 10, 17)


def test_a_meta_boxs_bulleted_author_and_day_date_the_page(ctx):
    """emeat (dev131): the headline said again, then "  • Админ 06.06.2024" (the post's
    author and day, a bulleted meta box): a stamp."""
    name = "dev131/ru_emeat_v-modernizatsiyu-ptitsefabriki-v-chelyabinske-vlozhat-"
    name += "2-milliarda-rubley.txt"
    assert text_date(ctx, name) == dt.date(2024, 6, 6)


def test_a_joint_reports_two_places_open_its_dateline(ctx):
    """dttnet (dev131): "Sarajevo/ St. Petersburg 06 June 2024, – The President of Serb
    entity …": two places with a slash, the full date, a comma before the dash."""
    name = "dev131/en_dttnet_leader-of-serbs-in-bosnia-meets-putin-for-second-time.txt"
    assert text_date(ctx, name) == dt.date(2024, 6, 6)


def test_a_labelled_stamp_after_the_text_beats_a_weekday_box_over_the_headline(ctx):
    """khabarhub (dev132): "Sunday, December 14th, 2025" (a box of the day the page was
    seen) / the headline / the text / "Publish Date : 09 May 2022 15:23 PM" / other stories:
    the stamp that says it is the publication's dates the page, not the box."""
    name = "dev132/en_khabarhub_sri-lanka-imposes-curfew-as-clashes-break-out-in-"
    name += "galle-face-area.txt"
    assert text_date(ctx, name, chars=4000) == dt.date(2022, 5, 9)


def test_a_reading_time_after_a_bylines_stamp_leaves_its_year(ctx):
    """photonews (dev132): "By Web Desk Published May 12, 2016 3 Min Read": the reading
    time is cut off, not "2016 3 Min Read" with it; the byline's stamp stands."""
    line = "By Web Desk Published May 12, 2016 3 Min Read"
    assert is_timestamp(line, ctx.rules)
    assert ctx.rules.stamp_counts.sub("", line) == "By Web Desk Published May 12, 2016"


@pytest.mark.parametrize(
    ("name", "day"),
    [
        # "Energy Friday 03/February/2017 09:51 AM": slashes between the day, the month's
        # name and the year
        (
            "dev133/en_timesofoman_news-rewind-omans-fuel-prices-dominate-headlines.txt",
            (2017, 2, 3),
        ),
        # "Прислано Русское Радио на 28 Февраля 2018, 16:31:26": PHP-Nuke's "posted by … on"
        ("dev133/ru_lesnoylife_lesnoi-s-rabochim-vizitom-posetili.txt", (2018, 2, 28)),
        # "By Srushti Gangdev | February 25, 2022 |5:00 am" under the headline, a supplied
        # picture's caption above it no longer taken for the headline
        (
            "dev133/en_burnabybeacon_ukrainian-canadians-rally-in-vancouver-ask-for-strong-action.txt",
            (2022, 2, 25),
        ),
    ],
)
def test_stamps_of_new_layouts_dev133(ctx, name, day):
    assert text_date(ctx, name) == dt.date(*day)


def test_a_month_and_day_with_no_space_before_the_year_is_no_rate_widget(ctx):
    """jordantimes (dev133): "Dec 15,2019" is a date, not a currency code and its rate
    ("USD 100.68")."""
    assert classify("Dec 15,2019", ctx.rules) != "widget"
    assert classify("USD 100.68", ctx.rules) == "widget"


def test_the_sites_bar_of_the_visit_over_the_articles_stamp_is_not_the_date(ctx):
    """dialogtj (dev55): "14 декабря 2024," / "суббота, 19:08, Душанбе" (the site's bar, the
    day of the visit) / "02.11.2023 14:23" (the article's stamp) / the headline: of two
    stamps over the headline, the first more than a month after the second, the second."""
    name = "dev55/ru_dialogtj_v-dushanbe-usilyat-kontrol-za-ezdoj-voditelej-avtobusov.txt"
    assert text_date(ctx, name) == dt.date(2023, 11, 2)


def test_an_outlets_initials_sign_its_stamp(ctx):
    """jordantimes (dev133): "By JT - Dec 15,2019 - Last updated at Dec 15,2019" under the
    headline: the paper's initials sign the stamp, which dates the page."""
    line = "By JT - Dec 15,2019 - Last updated at Dec 15,2019"
    assert is_timestamp(line, ctx.rules)
    assert text_date(ctx, "dev133/en_jordantimes_kazakhstan-embassy-marks-national-day.txt") == (
        dt.date(2019, 12, 15)
    )


@pytest.mark.parametrize(
    "name",
    [
        # "Friday, March 29, 2024" alone over the headline of a report on 2022's wheat prices
        "dev133/en_263chat_russia-ukraine-war-plays-out-loudly-on-tanzanias-dining-tables.txt",
        # "Saturday, November 23, 2024" over a report on January 2022's Almaty airport
        "dev104/en_pravasisamwad_caught-off-guard-indians-in-kazakhstan-seek-govt-help.txt",
        # "Saturday, September 23, 2023" over a maritime report with no stamp of its own
        "dev94/en_shippingherald_ships-backed-up-in-black-sea-as-russia-warning-shots.txt",
    ],
)
def test_a_weekday_box_alone_over_the_headline_dates_nothing(ctx, name):
    """A weekday and a full date alone on the page's first line is mostly a header's box of
    the day of the visit: no date rather than a wrong one (measured on every tuning page:
    12 wrong dates made none, 5 right ones lost)."""
    assert text_date(ctx, name, chars=4000) is None


def test_a_bylines_stamp_under_the_standfirst_dates_a_page_with_a_weekday_box(ctx):
    """thejournal (dev79): "Sunday 8 August 2021" / the headline / the standfirst / "By
    Press Association Sunday 8 Aug 2021, 4:14 PM": the byline's stamp, not the box."""
    name = "dev79/en_thejournal_russia-evacuates-two-villages-in-siberia-because-of-wildfires.txt"
    assert text_date(ctx, name) == dt.date(2021, 8, 8)


def test_a_day_box_printed_again_with_its_weather_dates_nothing(ctx):
    """fijivillage (dev134): "5 March, 2026, 8:02 pm" / "5 March, 2026, 8:02 pm Central -
    27°C Rain" over the headline is the day of the visit printed twice, the second time
    with the weather; the byline's "05/07/2022" reads both ways on a Latin page: no date
    rather than the visit's."""
    name = "dev134/en_fijivillage_pm-told-russian-president-his-conflict-is-costing-us-all.txt"
    assert text_date(ctx, name) is None


def test_a_tickers_revised_stamp_is_no_publication_date(ctx):
    """energiesnet (dev134): "02/17 Closing Prices / revised 02/18/2025 07:48 GMT | 02/17
    OPEC Basket $76.72 …" is a price ticker's revision, not the report's stamp."""
    name = "dev134/en_energiesnet_petro-urges-ecopetrol-to-sell-us-fracking-for-clean-energy.txt"
    assert text_date(ctx, name) is None


def test_a_leads_today_with_its_full_date_undoes_a_later_box_over_the_headline(ctx):
    """switsalone (dev135): "December 8, 2022" over the headline, and the lead "The
    Government of Sierra Leone has today, February 28, 2022, announced …": the box is the
    day the page was seen, not the report's."""
    name = (
        "dev135/en_switsalone_sierra-leone-increases-pump-fuel-price-"
        "from-sll-10000-to-sll-12000.txt"
    )
    assert text_date(ctx, name) is None


def test_a_day_over_a_fahrenheit_weather_box_is_the_visits(ctx):
    """dakotanewsnetwork (dev135): "June 26, 2022" / "Fargo, US 73 F" over a report of
    March: the header's date and weather, dropped over the headline."""
    name = "dev135/en_dakotanewsnetwork_nd-daily-oil-output-could-increase-100-thousand-barrels.txt"
    assert text_date(ctx, name) is None


def test_a_stamp_with_counters_and_buttons_between_bars(ctx):
    """sjrnews (dev135): "Feb 18, 2020 | 496 views | 0 0 comments | 95 95 recommendations |
    email to a friend | print" under the headline is the page's stamp."""
    name = "dev135/en_sjrnews_trump-budget-adds-150-million-to-create-uranium-reserve.txt"
    assert text_date(ctx, name) == dt.date(2020, 2, 18)


def test_a_yearless_dateline_the_day_before_the_crawl_marker_is_filed_then_posted(ctx):
    """ "IMPHAL, March 8 (NNN):" by a marker of 2022-03-09 (thehillstimes, dev136), as a
    Reuters dateline of 20 January by a marker of 2026-01-21 (recentlyheard, dev6): filed on
    the dateline's day, posted the next: the marker's day (the only two such pages in the
    tuning set, both labelled so)."""
    name = "dev136/en_thehillstimes_three-manipur-students-return-from-ukraine.txt"
    assert page(name, 60).startswith(" date 2022-03-09 IMPHAL, March 8 (NNN):")
    assert text_date(ctx, name) == dt.date(2022, 3, 9)


def test_a_cms_first_published_label_over_its_stamp_is_the_pages(ctx):
    """northeastlivetv (dev136): "First Published: 30th April, 2018 15:34 IST" under the
    headline is the page's stamp, not a reprint's note ("First published in … on …")."""
    name = (
        "dev136/en_northeastlivetv_petrol-pumps-close-down-in-nagaland-as-dealers-"
        "call-for-strike.txt"
    )
    assert text_date(ctx, name) == dt.date(2018, 4, 30)


def test_a_papers_initials_in_brackets_after_a_yearless_dateline(ctx):
    """easternmirrornagaland (dev136): "Dimapur, Dec. 13 (EMN):" (the paper's initials)
    under a box "Thursday, April 18, 2024" and "Updated: Dec 22, 2019": the dateline's day
    rules the box out; its year is not told, so no date rather than the box's."""
    name = "dev136/en_easternmirrornagaland_assam-shutdown-triggers-panic-buying-in-nagaland.txt"
    raw = RawInput(data=page(name, 2500).encode("utf-8"), origin=name)
    art = ingest_bytes(raw, ctx)
    assert art.date is None
    assert art.source == "EMN"


def test_a_rubrics_news_and_briefs_for_the_day_is_a_stamp(ctx):
    """overdriveonline (dev137): "Trucking news and briefs for Tuesday, July 11, 2023:" under
    the headline: a rubric's edition of the day, as ghanaweb's "General News of …"."""
    name = "dev137/en_overdriveonline_diesel-prices-level-off-after-steady-declines.txt"
    assert text_date(ctx, name) == dt.date(2023, 7, 11)
    assert is_timestamp("Trucking news and briefs for Tuesday, July 11, 2023:", ctx.rules)
    assert not is_timestamp("Plans for Tuesday, July 11, 2023:", ctx.rules)
    # a newsletter's edition over its headline (dailychatter, dev21)
    assert text_date(ctx, "dev21/en_dailychatter_the-balancing-act.txt") == dt.date(2023, 1, 13)


def test_a_news_desks_byline_with_the_wire_before_the_stamp(ctx):
    """darpanmagazine (dev138): "Darpan News Desk The Canadian Press, 02 Mar, 2022 10:55 AM"
    under the headline, a box of the visit "Saturday, December 13, 2025" above it: the
    desk's byline and the wire it relays, then the stamp."""
    name = "dev138/en_darpanmagazine_trudeau-says-sanction-solidarity-surprises-putin.txt"
    assert text_date(ctx, name) == dt.date(2022, 3, 2)
    line = "Darpan News Desk The Canadian Press, 02 Mar, 2022 10:55 AM"
    assert is_timestamp(line, ctx.rules)
    assert not is_timestamp("Our Desk Said Prices Rise, 02 Mar, 2022 10:55 AM", ctx.rules)


def test_a_bare_stamp_then_the_authors_field_after_a_dash(ctx):
    """reinsurancenews (dev139): "16th May 2022 - Author: Luke Gallin" under the headline:
    the stamp and the record's next field, as "Дата: 6.06.2022, 10:35 Автор: …"."""
    name = (
        "dev139/en_reinsurancenews_limited-war-losses-so-far-but-key-uncertainties-remain-rbc.txt"
    )
    assert text_date(ctx, name) == dt.date(2022, 5, 16)
    assert is_timestamp("16th May 2022 - Author: Luke Gallin", ctx.rules)
    assert not is_timestamp("Prices rose in May 2022 - Author: Luke Gallin", ctx.rules)


def test_a_weeklys_issue_and_page_in_the_address_are_no_date(ctx):
    """tvs-media (dev140): …/filings/2020/9/9_3.html is issue 9's third page, not 9
    September 2020 (the issue line says "№ 9 (4 марта) 2020 г.")."""
    assert url_date("http://www.tvs-media.ru/filings/2020/9/9_3.html") is None
    assert url_date("https://example.kz/2022/1/5/slug") == dt.date(2022, 1, 5)
    assert url_date("https://example.kz/2022/01/05_slug") == dt.date(2022, 1, 5)
    name = "dev140/ru_tvsmedia_samyi-blinnyi-den.txt"
    assert text_date(ctx, name, url="http://www.tvs-media.ru/filings/2020/9/9_3.html") is None


def test_a_list_of_bulleted_teasers_each_over_one_days_stamp_gives_no_date(ctx):
    """thepatriotbw (dev141): five bulleted teasers over the menus, each with "November 14,
    2025" glued on ("• BTO VACANCIESNovember 14, 2025"), the article's own stamp far below
    ("January 3, 2021"): the teasers' day is no stamp of the page (no date rather than it)."""
    from generator.ingest.clean.unglue import unglue_headline_date

    name = "dev141/en_thepatriotbw_deplorable-nyangabgwe-worries-f-town-cllrs.txt"
    assert text_date(ctx, name) != dt.date(2025, 11, 14)
    assert unglue_headline_date("  • BTO VACANCIESNovember 14, 2025", ctx.rules) == [
        "  • BTO VACANCIES",
        "November 14, 2025",
    ]
    # a month's name glued on with more after it is left alone
    assert unglue_headline_date("Visit OurMarch 2025 archive", ctx.rules) == [
        "Visit OurMarch 2025 archive"
    ]


def test_an_american_dateline_with_a_two_digit_year_and_an_empty_byline(ctx):
    """dailydodge (dev142): the lead opens "4/28/17 – All but a few farmers …" (28 can be no
    month: 28 April 2017); galwaybayfm (dev142): "Written by on 9 January 2019", the author's
    name left empty, is the stamp."""
    name = "dev142/en_dailydodge_most-dairy-farmers-find-buyers-for-milk.txt"
    assert text_date(ctx, name) == dt.date(2017, 4, 28)
    name = (
        "dev142/en_galwaybayfm_over-300-new-jobs-created-in-galway-last-year-by-enterprise"
        "-ireland.txt"
    )
    assert text_date(ctx, name) == dt.date(2019, 1, 9)
    assert is_timestamp("Written by on 9 January 2019", ctx.rules)
    # month first only when the second number can be no month; "4/11/17" reads both ways
    assert find_dates("4/28/17 – All but", ctx.rules, latin=True) == [(0, 2017, 4, 28)]
    assert find_dates("4/11/17 – All but", ctx.rules, latin=True) == []


def test_a_teasers_two_digit_year_stamp_after_more_from_category_is_no_date(ctx):
    """bnr (dev120): "More from category" heads other stories, one "published on 8/23/24
    1:41 PM": that stamp is a teaser's, the report has none."""
    name = (
        "dev120/en_bnr_protests-of-grain-producers-against-import-of-cheap-grain-from-ukraine.txt"
    )
    assert text_date(ctx, name, chars=10000) is None
    assert classify("More from category", ctx.rules) == "read_also"


def test_a_day_after_the_pages_update_stamp_is_no_publication(ctx):
    """redditchstandard (dev144): "September 24th, 2016" over the headline, "Updated: 10:12
    am, May 07, 2015" under it: a page is published before it is updated, so the day above
    is the box of the day the page was seen (no date rather than it); revdanovosti (dev144):
    "06 Января 2018 Количество просмотров новости: 1234" is the stamp with its counter."""
    assert text_date(ctx, "dev144/en_redditchstandard_norovirus-closes-hospital-ward.txt") is None
    name = "dev144/ru_revdanovosti_itogi-2017-problemy-goda.txt"
    assert text_date(ctx, name) == dt.date(2018, 1, 6)


def test_a_stamps_own_fields_between_bars_stay_one_stamp(ctx):
    """jamaicagleaner (dev145): "Sat | Oct 21, 2017" (the day's box) over the headline and
    "Published:Tuesday | February 10, 2009 | 6:30 PM" under it: each line is one stamp, not a
    name and a stamp to split, and the labelled one under the headline dates the page."""
    name = "dev145/en_jamaicagleaner_consumers-to-pay-more-for-electricity.txt"
    assert text_date(ctx, name) == dt.date(2009, 2, 10)


def test_the_current_issue_a_support_appeal_and_rates_above_the_stamp_are_no_date(ctx):
    """silskinovyny (dev80): "Поточний № 4 (1431)" / "29.03.2024" (the issue current when the
    page was seen) / "Шановні читачі! Ми потребуємо вашої підтримки!" / the headline /
    "21.09.2016": the appeal is no headline and the stamp under the headline dates the page."""
    assert text_date(ctx, "dev80/uk_silskinovyny_myru-usim-nam.txt") == dt.date(2016, 9, 21)
    assert classify("Шановні читачі! Ми потребуємо вашої підтримки!", ctx.rules) is not None
    assert classify("Поточний № 4 (1431)", ctx.rules) is not None


def test_a_stamp_over_the_text_beats_a_later_day_over_the_headline(ctx):
    """asian24news (dev65): "28.01.2026" over the headline (the day the page was seen) and
    "14.12.2023 0" over the text (its stamp and views): the earlier stamp of the text is
    the article's."""
    name = "dev65/ru_asian24news_vlasti-kyrgyzstana-nachinayut-borbu-s-zagryazneniem-vozdukha.txt"
    assert text_date(ctx, name) == dt.date(2023, 12, 14)


def test_a_teasers_stamp_over_the_headline_is_no_date(ctx):
    """ruporzt (dev53): "17.06.2025 17:48 Віталій Бунечко: … справж ..." over the headline is
    another story's teaser, cut off with a space before "...": its stamp is not the page's."""
    name = "dev53/uk_ruporzt_onkodyspanser-onovlene-khirurhichne-viddilennia.txt"
    url = (
        "https://ruporzt.com.ua/oblasni_novini/220631-u-zhitomirskomu-onkodispanser-pacyenti"
        "-lkuvatimutsya-v-onovlenomu-hrurgchnomu-vddlenn.html"
    )
    assert text_date(ctx, name, url=url) != dt.date(2025, 6, 17)


def test_a_stamp_then_its_authors_byline_on_one_line_dates_the_page(ctx):
    """austinmonitor (dev146): "Friday, September 20, 2019 by Andrew Weber, KUT" under the
    headline, the reporter and his outlet after the date; "… by the city council …" (no
    name in capitals) stays a sentence."""
    name = "dev146/en_austinmonitor_austin-city-council-punts-on-camping-rules.txt"
    assert text_date(ctx, name) == dt.date(2019, 9, 20)
    assert is_timestamp("Friday, September 20, 2019 by Andrew Weber, KUT", ctx.rules)
    assert not is_timestamp("September 20, 2019 by the city council of Austin", ctx.rules)


def test_a_stamp_with_its_clock_before_the_year_then_a_print_button(ctx):
    """lowcountrysource (dev146): "May 02 16:54 2018 Print This Article" under the headline:
    a theme's "M d H:i Y" stamp (the clock before the year) and its print button."""
    name = "dev146/en_lowcountrysource_school-board-convenes-unannounced-meeting.txt"
    assert text_date(ctx, name) == dt.date(2018, 5, 2)
    assert is_timestamp("May 02 16:54 2018 Print This Article", ctx.rules)
    # ... but a site's login prompt after the top bar's day of the visit is no stamp
    # (velonation, dev98: "April 19, 2024 Login" over "Friday, June 24, 2011")
    assert not is_timestamp("April 19, 2024 Login", ctx.rules)
    name = "dev98/en_velonation_vinokourov-to-target-podium-finish-in-tour-de-france.txt"
    assert text_date(ctx, name) == dt.date(2011, 6, 24)


def test_a_stamp_after_the_text_earlier_than_the_address_is_an_embedded_posts(ctx):
    """pindula (dev147): "Posted by Munya Bloggo on Sunday, 6 January 2019" after the text
    is a Facebook post's embed under /2019/01/09/: the address dates the page, not the
    embed (a stamp around the headline earlier than the address still would)."""
    name = "dev147/en_pindula_pics-fuel-shortage-crisis-worsens-in-zimbabwe.txt"
    url = "https://news.pindula.co.zw/2019/01/09/pics-fuel-shortage-crisis-worsens-in-zimbabwe/"
    assert text_date(ctx, name, url=url) == dt.date(2019, 1, 9)
    assert text_date(ctx, name) == dt.date(2019, 1, 6)  # (the text alone: the embed's day)


def test_a_publication_label_after_an_update_label_on_one_line(ctx):
    """thevibes (dev147): "Updated 3 months ago · Published on 18 Jan 2024 1:00PM": the
    date after its own publication label is the publication's, not a revision's."""
    name = "dev147/en_thevibes_penang-defends-hike-in-water-tariffs.txt"
    assert text_date(ctx, name) == dt.date(2024, 1, 18)


def test_a_post_by_its_author_on_a_date_is_a_stamp(ctx):
    """risingkashmir (dev147): "Post by Aatif Qayoom on Tuesday, October 17, 2023" under the
    headline, over "Srinagar, Oct 16:" (posted the day after the dateline's day)."""
    name = (
        "dev147/en_risingkashmir_kashmir-braces-for-winter-with-kpdcls-revised-power"
        "-curtailment-plan.txt"
    )
    assert text_date(ctx, name) == dt.date(2023, 10, 17)


def test_a_pictures_dated_caption_over_its_credit_is_no_stamp(ctx):
    """kunm (dev150): "Jun 21, 2013" under the headline, then a picture's caption "The
    Silver Fire, June 11, 2013." over "Credit Mike Gillespie via Flickr": the caption's day
    is the picture's, the stamp the page's."""
    assert text_date(ctx, "dev150/en_kunm_silver-fire-torches-grazing-areas.txt") == dt.date(
        2013, 6, 21
    )


def test_an_unpadded_day_before_a_padded_month_is_day_first(ctx):
    """houserock (dev151): "8-07-2017, Категория - Новости рок музыки", DataLife Engine's
    "j-m-Y" and its category after a comma and a dash: 8 July (a month-first template pads
    both numbers or neither)."""
    m = NUMERIC_DATE.search("8-07-2017")
    assert numeric_date(m, latin=True) == (2017, 7, 8)
    assert numeric_date(NUMERIC_DATE.search("08-07-2017"), latin=True) is None
    assert is_timestamp("8-07-2017, Категория - Новости рок музыки", ctx.rules)
    name = (
        "dev151/ru_houserock_gruppa-kukryniksy-zakonchit-svoyu-kareru-bolshim-kontsertnym-turom.txt"
    )
    assert text_date(ctx, name) == dt.date(2017, 7, 8)


def test_an_address_whose_slug_holds_the_headlines_day_is_no_date(ctx):
    """stroireforma (dev152): "Изменения действующие с 1-го сентября …" at
    …/izmeneniya--v-zakon-s-01092025.html: the slug's figures are the law's day, which the
    headline names, not the day the page was posted."""
    name = "dev152/ru_stroireforma_izmeneniya-s-1-sentyabrya-o-vedenii-sadovogo-tovarishchestva.txt"
    url = "https://stroireforma.ru/news/izmeneniya--v-zakon-s-01092025.html"
    assert text_date(ctx, name, url=url) is None


def test_a_stamp_after_a_comment_prompt_on_a_meta_bar(ctx):
    """imbereheza (dev152): "Leave a comment / By: manifel / 07 January, 2021 08:50:43AM"
    between the headline and the headline said again."""
    name = "dev152/en_imbereheza_fuel-prices-slightly-increase.txt"
    url = "https://imbereheza.com/single/fuel-prices-slightly-increase"
    assert text_date(ctx, name, url=url) == dt.date(2021, 1, 7)


def test_an_update_then_the_first_publication_on_one_line(ctx):
    """northerndailyleader (dev152): "Updated July 2 2019 - 8:51am, first published July 1
    2019 - 4:20pm", Australian Community Media's stamp: the page's own first publication,
    not an original's."""
    name = "dev152/en_northerndailyleader_farmers-face-year-without-surface-water-allocations.txt"
    assert text_date(ctx, name) == dt.date(2019, 7, 1)


def test_a_dateline_with_an_ordinal_day_and_a_colon(ctx):
    """punekarnews (dev152): "Pune, 9th March 2023: Residents of Porwal Road …"."""
    name = (
        "dev152/en_punekarnews_unscheduled-power-outage-and-mosquito-menace-disrupt-life-for"
        "-porwal-road-residents.txt"
    )
    assert text_date(ctx, name) == dt.date(2023, 3, 9)


def test_a_labelled_publication_after_an_earlier_update_on_one_line(ctx):
    """forresgazette (dev153): "Published: 13/12/2017 08:55 - Updated: 12/12/2017 12:00":
    the publication's own label keeps its day, though the update's is earlier (a date after
    an update's day is otherwise a box of the day), and it is the day after the address's
    "…-12122017.htm" (the draft's)."""
    name = "dev153/en_forresgazette_vision-for-grant-park-at-heart-of-2020-plan.txt"
    url = "https://www.forres-gazette.co.uk/News/Vision-for-Grant-Park-at-heart-of-2020-plan-12122017.htm"
    assert text_date(ctx, name) == dt.date(2017, 12, 13)
    assert text_date(ctx, name, url=url) == dt.date(2017, 12, 13)


def test_a_byline_that_lost_its_name_before_the_date(ctx):
    """lititzrecord (dev153): "By on December 21, 2011" under the headline."""
    assert is_timestamp("By on December 21, 2011", ctx.rules)
    assert text_date(ctx, "dev153/en_lititzrecord_council-finalizes-tax-hike.txt") == dt.date(
        2011, 12, 21
    )


def test_a_weekday_date_over_the_headline_in_the_addresss_month(ctx):
    """ayrshirescotlandbusinessnews (dev153), a Blogger site: "Thursday, 8 January 2009" over
    the headline at …/2009/01/….html is the post's date header, the URL's month says so (a
    weekday's date alone over a headline is otherwise the day of the visit)."""
    name = "dev153/en_ayrshirescotlandbusinessnews_kilmarnock-is-not-a-ghost-town.txt"
    url = "http://www.ayrshirescotlandbusinessnews.com/2009/01/kilmarnock-is-not-ghost-town-councillor.html"
    assert text_date(ctx, name, url=url) == dt.date(2009, 1, 8)
    other = "http://www.ayrshirescotlandbusinessnews.com/2008/12/kilmarnock-is-not-ghost-town-councillor.html"
    assert text_date(ctx, name, url=other) is None


def test_today_between_commas_before_a_full_date_in_the_lead(ctx):
    """calitown (dev153): "At exactly 12:45 pm, Nigerian time, today, May 30, 2017, when our
    correspondents visited …": the writer's day, its year given, when nothing else dates the
    page."""
    assert text_date(ctx, "dev153/en_calitown_nlc-strike-in-full-swing-in-calabar.txt") == dt.date(
        2017, 5, 30
    )


def test_an_update_stamp_whose_first_publication_is_earlier_the_same_day(ctx):
    """dailyliberal (dev155), Australian Community Media's "Updated February 4 2017 - 2:08am,
    first published 12:15am": first published that day, before the update."""
    name = "dev155/en_dailyliberal_people-power-pushes-council-mergers-to-the-brink.txt"
    assert text_date(ctx, name) == dt.date(2017, 2, 4)


def test_a_stamp_bar_ending_in_the_posts_categories(ctx):
    """cookislandsnews (dev156): "Thursday 27 June 2024 | Written by CI News Staff | Published
    in Editor's Pick, Local, National, Technology" under the headline is the page's stamp,
    not the "2 September 2024" of a teaser in the sidebar above."""
    name = (
        "dev156/en_cookislandsnews_lights-out-again-tau-faces-heat-after-unexpected-blackouts.txt"
    )
    url = (
        "https://cookislandsnews.com/internal/national/local/technology/editors-pick/"
        "lights-out-again-tau-faces-heat-after-unexpected-blackouts"
    )
    assert text_date(ctx, name, url=url) == dt.date(2024, 6, 27)


def test_a_day_under_the_search_box_atop_the_page_is_the_visits(ctx):
    """The Iconic Media papers (dev157): "Search" / "22 Oct 2025" / the headline: the
    header's bar of the day the page was seen (the Mayo News editorial is of March 2022), so
    no date; the video page's "Search" / "08/10/2021" (dev125) is its own stamp."""
    for name in (
        "dev157/en_mayonews_fuel-price-hikes-highlight-need-for-change.txt",
        "dev157/en_tipperarylive_witness-thought-drunk-driver-had-hit-a-workman.txt",
    ):
        assert text_date(ctx, name) is None, name
    name = "dev125/en_leinsterexpress_farmers-in-portlaoise-march.txt"
    assert text_date(ctx, name) == dt.date(2021, 10, 8)


def test_a_bar_glued_between_a_stamp_and_its_update(ctx):
    """ky3 (dev164), a Gray Television station: "Published: Dec. 25, 2021 at 8:00 AM
    CST|Updated: Dec. 25, 2021 at 12:07 PM CST", no space around the bar between the two
    stamps: one stamp line, the day it was published."""
    name = "dev164/en_ky3_2021-in-review-top-local-stories-springfield-ozarks.txt"
    assert text_date(ctx, name) == dt.date(2021, 12, 25)


@pytest.mark.parametrize(
    ("name", "date"),
    [  # National World's layout: headline / a standfirst of 43 words / stamp / "Updated …"
        (
            "dev164/en_worksopguardian_anti-social-behaviour-at-the-trader-clock-threatens-"
            "worksops-new-age.txt",
            dt.date(2021, 5, 26),
        ),
        # Supermarket News: headline / a long standfirst / "SN Staff" / "July 3, 2006" /
        # "14 Min Read"
        ("dev164/en_supermarketnews_the-high-cost-of-retailing.txt", dt.date(2006, 7, 3)),
    ],
)
def test_a_stamp_bar_under_a_long_standfirst(ctx, name, date):
    assert text_date(ctx, name) == date


def test_a_stamp_under_a_long_first_paragraph_without_its_bar_is_not_taken(ctx):
    """The same National World page without its "Updated …" line: a stamp between a long
    first paragraph and the next may be a live blog's, not the page's; no date."""
    name = (
        "dev164/en_worksopguardian_anti-social-behaviour-at-the-trader-clock-threatens-"
        "worksops-new-age.txt"
    )
    text = page(name).replace("Updated Wednesday, 26th May 2021, 3:45 pm\n", "", 1)
    assert "Updated" not in text
    raw = RawInput(data=text.encode("utf-8"), origin=name)
    assert ingest_bytes(raw, ctx).date is None


def test_a_stamp_and_its_list_of_rubrics_after_a_bar(ctx):
    """humbernews (dev165): "Mar 17, 2022 | Campus News, International News, News" under
    the headline."""
    name = (
        "dev165/en_humbernews_ukrainian-students-in-gta-rally-support-for-international-"
        "students.txt"
    )
    assert text_date(ctx, name) == dt.date(2022, 3, 17)


def test_a_dotted_date_that_cannot_be_day_first(ctx):
    """fln.org (dev165): "05.20.14 | Sarah Harnisch" under the headline: no month 20, so
    20 May 2014. On a Cyrillic page a dotted month-first date is a site clock's ("| Архів
    Газети Чернігівщина архів газети | 9:01 | 09.16.2024", che.cn.ua, dev103): no date."""
    name = "dev165/en_fln_federal-court-to-announce-pa-gay-marriage-ruling.txt"
    assert text_date(ctx, name) == dt.date(2014, 5, 20)
    url = "https://che.cn.ua/index.php/different/events/item/4720-40-tysiach-hektariv-u-17-hromad"
    assert text_date(ctx, "dev103/uk_checnua_40-tysiach-hektariv-u-17-hromad.txt", url=url) is None


def test_a_papers_founding_day_under_its_label_is_no_stamp(ctx):
    """zvplus.ru (dev168): the masthead "Общественно-" / "политическая" / "газета" / … /
    "Издаётся" / "с 12 ИЮЛЯ 2013 ГОДА" over the text: the day the paper was founded, no
    stamp; the text states no day (the URL's 2016-04-13 is the page's)."""
    name = "dev168/ru_zvplus_zapolyarnaya-desyatka.txt"
    assert text_date(ctx, name) is None
    url = "http://zvplus.ru/новости/2016/04/13/заполярная-десятка"
    assert text_date(ctx, name, url=url) == dt.date(2016, 4, 13)


def test_a_stamp_with_the_meta_bars_ad_link_beats_an_ads_date_above(ctx):
    """saltday.ru (dev169): "Зарклиник 29.04.25" (an ad's banner) over the breadcrumbs and
    the headline, then "13 мая 2019, 09:00 Просмотров: 2295 Реклама на сайте" (the stamp,
    its views and the link to the ad price list) under it: the stamp's day."""
    name = "dev169/ru_saltday_chem-sol-ileczku-zapomnilas-minuvshaya-nedelya.txt"
    assert text_date(ctx, name) == dt.date(2019, 5, 13)
