"""A report is of the day its opening names (real reports of the dev set).

About half of the real pages carry no date. Their title or first sentences often name the
event's day ("Об этом Токаев заявил 5 января ..."): a report dated that day is then of the
same day for the date decay, instead of ``undated_gap`` days away. Likewise a report of the
next morning that names the day before ("Вечером 5 января силовики освободили аэропорт",
dated 6 January) tells that day's event and is of that day for the reports of it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from factories import analyse_files

from generator.cluster import (
    cluster,
    cluster_context,
    day_gap,
    features,
    named_dates,
    report_order,
    story_index,
)
from generator.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "realset" / "dev"

# file -> date as labelled (None: the page has no date, as the loader finds it)
REPORTS = {
    # Tokayev asks the CSTO for help, 5 January 2022
    "ru_belnovosti_tokayev_asks_csto.txt": None,  # "Об этом Токаев заявил 5 января ..."
    "ru_tass_tokayev_asks_csto.txt": dt.date(2022, 1, 5),
    "ru_ontby_tokayev_asks_csto.txt": dt.date(2022, 1, 5),
    "ru_info24_tokayev_asks_csto.txt": dt.date(2022, 1, 5),
    # protesters seize Almaty airport, 5 January; retaken that evening, reported next day
    "ru_kloop_orda_airport_seized.txt": dt.date(2022, 1, 5),
    "ru_tvrain_airport_freed.txt": dt.date(2022, 1, 6),  # "Вечером 5 января ..."
    # the next day's events
    "ru_kloop_odkb_arrival.txt": dt.date(2022, 1, 6),
    # a Russian court halts the CPC, 6 July 2022 (the English reports name no date)
    "en_moscowtimes_cpc_court_suspends.txt": dt.date(2022, 7, 6),
    "en_rferl_cpc_court_suspend.txt": None,
}


@pytest.fixture(scope="module")
def reports():
    settings = load_settings(ROOT / "digest.yml")
    ctx, analyses = analyse_files(
        settings,
        (DEV / name for name in REPORTS),
        lambda path, article: dataclasses.replace(article, date=REPORTS[path.name]),
    )
    by_name = {name: a for name, a in zip(REPORTS, analyses, strict=True)}
    return settings, cluster_context(settings, ctx), analyses, by_name


def _features(settings, cc, analyses):
    ordered = report_order(analyses)
    return {a.id: features(a, i, settings.stories, cc) for i, a in enumerate(ordered)}


def test_the_opening_names_the_day_of_an_undated_report(reports):
    _settings, cc, _analyses, by_name = reports
    belnovosti = by_name["ru_belnovosti_tokayev_asks_csto.txt"]
    assert (0, 1, 5) in named_dates(belnovosti, cc.date_rules["ru"])  # "5 января", no year
    # a page with no date in its opening names none
    rferl = by_name["en_rferl_cpc_court_suspend.txt"]
    assert named_dates(rferl, cc.date_rules["en"]) == frozenset()


def test_an_undated_report_is_of_the_day_it_names_and_no_other(reports):
    settings, cc, analyses, by_name = reports
    feats = _features(settings, cc, analyses)
    gap = settings.stories.undated_gap
    undated = feats[by_name["ru_belnovosti_tokayev_asks_csto.txt"].id]
    same_day = feats[by_name["ru_tass_tokayev_asks_csto.txt"].id]
    next_day = feats[by_name["ru_tvrain_airport_freed.txt"].id]
    assert day_gap(undated, same_day, gap) == day_gap(same_day, undated, gap) == 0
    assert day_gap(undated, next_day, gap) == gap
    # two undated reports stay apart by the gap
    rferl = feats[by_name["en_rferl_cpc_court_suspend.txt"].id]
    assert rferl.named_dates == frozenset()
    assert day_gap(undated, rferl, gap) == gap


def test_a_report_that_names_the_day_before_tells_that_days_event(reports):
    settings, cc, analyses, by_name = reports
    feats = _features(settings, cc, analyses)
    seized = feats[by_name["ru_kloop_orda_airport_seized.txt"].id]  # 5 January
    freed = feats[by_name["ru_tvrain_airport_freed.txt"].id]  # 6 January, "Вечером 5 января"
    arrival = feats[by_name["ru_kloop_odkb_arrival.txt"].id]  # 6 January, "вечером 6 января"
    assert (0, 1, 5) in freed.named_dates
    assert day_gap(freed, seized, 1) == day_gap(seized, freed, 1) == 0
    assert day_gap(arrival, seized, 1) == 1  # it names its own day only
    ids = {name: a.id for name, a in by_name.items()}
    stories = story_index(cluster(analyses, settings.stories, cc))
    freed_story = stories[ids["ru_tvrain_airport_freed.txt"]]
    assert freed_story == stories[ids["ru_kloop_orda_airport_seized.txt"]]
    # of the same day but another event (the three 5 January stories stay apart)
    assert freed_story != stories[ids["ru_tass_tokayev_asks_csto.txt"]]
    # a day apart without the named day, the date decay keeps it out
    without = story_index(
        cluster(analyses, settings.stories, dataclasses.replace(cc, date_rules={}))
    )
    assert (
        without[ids["ru_tvrain_airport_freed.txt"]]
        != without[ids["ru_kloop_orda_airport_seized.txt"]]
    )


def test_the_named_day_brings_the_undated_report_into_its_story(reports):
    settings, cc, analyses, by_name = reports
    ids = {name: a.id for name, a in by_name.items()}
    with_dates = story_index(cluster(analyses, settings.stories, cc))
    appeal = {
        ids[n] for n in REPORTS if "asks_csto" in n and n != "ru_belnovosti_tokayev_asks_csto.txt"
    }
    assert len({with_dates[i] for i in appeal}) == 1
    story = with_dates[next(iter(appeal))]
    assert with_dates[ids["ru_belnovosti_tokayev_asks_csto.txt"]] == story
    # the next day's reports are other stories
    assert with_dates[ids["ru_tvrain_airport_freed.txt"]] != story
    assert with_dates[ids["ru_kloop_odkb_arrival.txt"]] != story
    # without the named day the undated report stands alone (the date decay keeps it out)
    blind = dataclasses.replace(cc, date_rules={})
    without = story_index(cluster(analyses, settings.stories, blind))
    assert without[ids["ru_belnovosti_tokayev_asks_csto.txt"]] != without[next(iter(appeal))]


def test_each_language_reads_its_own_date_words(reports):
    """Kazakh and Ukrainian openings (real dev reports): "23 қаңтарға дейін", "5 січня";
    another language's month names read nothing there."""
    settings, cc, _analyses, _by_name = reports
    names = {
        "kk_kt_zas_withdrawal_starts.txt": (0, 1, 23),
        "uk_siteua_tokayev_asks_csto.txt": (0, 1, 5),
    }
    _ctx, analyses = analyse_files(settings, (DEV / name for name in names))
    for a, want in zip(analyses, names.values(), strict=True):
        assert want in named_dates(a, cc.date_rules[a.language]), a.article.title
        assert want not in named_dates(a, cc.date_rules["en"])
