"""Rising terms: share of a week's articles against the trailing calendar weeks, tested with
the log-likelihood ratio G² (generator/trends.py), and as the group stage uses it."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from factories import TOPICS, make_analysis, settings

from generator import trends
from generator.digest import group


def g2_by_definition(a: int, b: int, c: int, d: int) -> float:
    """G² = 2 Σ O ln(O / E) over the four cells, E from the margins."""
    n = a + b + c + d
    cells = [(a, a + b, a + c), (b, a + b, b + d), (c, c + d, a + c), (d, c + d, b + d)]
    return 2 * sum(o * math.log(o / (row * col / n)) for o, row, col in cells if o)


@pytest.mark.parametrize(
    "table", [(10, 90, 5, 195), (3, 7, 0, 80), (1, 1, 1, 1), (0, 10, 4, 40), (7, 0, 0, 9)]
)
def test_g2_matches_the_definition(table):
    assert trends.g2(*table) == pytest.approx(g2_by_definition(*table), abs=1e-9)


def test_g2_is_zero_for_equal_shares_and_empty_tables():
    assert trends.g2(5, 15, 20, 60) == pytest.approx(0.0, abs=1e-12)
    assert trends.g2(0, 0, 0, 0) == 0.0


def test_rising_needs_a_higher_share_a_significant_g2_and_enough_articles():
    counts = {"протест": 6, "газ": 3, "ОДКБ": 3, "Токаев": 2}
    base = {"протест": 4, "газ": 20, "ОДКБ": 0, "Токаев": 0}
    rises = trends.rising(counts, 20, base, 160)
    assert [r.key for r in rises] == ["протест", "ОДКБ"]  # ordered by G²
    top = rises[0]
    assert (top.count, top.total, top.base_count, top.base_total) == (6, 20, 4, 160)
    assert top.g2 == pytest.approx(trends.g2(6, 14, 4, 156), abs=1e-6)
    assert top.share > top.base_share
    # газ: 3/20 = 15% against 20/160 = 12.5% — higher, but not significant
    assert trends.g2(3, 17, 20, 140) < trends.MIN_G2
    # Токаев: 2/20 against 0/160 — below the minimum count
    assert "Токаев" in [r.key for r in trends.rising(counts, 20, base, 160, min_count=2)]


def test_nothing_rises_without_a_baseline():
    assert trends.rising({"ОДКБ": 9}, 10, {}, 0) == []


def test_trailing_weeks_are_calendar_weeks_across_iso_years():
    assert trends.trailing_weeks("2022-W02") == (
        *(f"2021-W{n}" for n in range(46, 53)),
        "2022-W01",
    )
    assert trends.trailing_weeks("2021-W02", 2) == ("2020-W53", "2021-W01")


def test_baseline_span_names_the_weeks():
    assert trends.Baseline(trends.trailing_weeks("2025-W48"), 0).span == "2025-W40…W47"
    assert trends.Baseline(trends.trailing_weeks("2022-W02"), 3).span == "2021-W46…2022-W01"
    assert trends.Baseline((), 0).span == ""


def test_weekly_rising_never_reaches_back_across_a_gap():
    per_week = {"2022-W02": {"ОДКБ": 1}, "2025-W48": {"ОДКБ": 9}}
    out = trends.weekly_rising(per_week, {"2022-W02": 40, "2025-W48": 10})
    baseline, rises = out["2025-W48"]
    assert baseline.articles == 0 and rises == []
    assert baseline.weeks[0] == "2025-W40"


def test_weekly_rising_sums_the_window_including_empty_weeks():
    per_week = {"2025-W40": {"a": 1}, "2025-W45": {"a": 1}, "2025-W48": {"a": 5}}
    totals = {"2025-W40": 20, "2025-W45": 20, "2025-W48": 10, "2025-W39": 50}
    baseline, rises = trends.weekly_rising(per_week, totals)["2025-W48"]
    assert baseline.articles == 40  # 2025-W39 is outside the eight weeks
    assert [(r.key, r.count, r.base_count, r.base_total) for r in rises] == [("a", 5, 2, 40)]


def _article(i: int, day: dt.date, keywords: list[str], entities: list[str]):
    sentences = [f"Сообщение {i} о событиях.", f"Подробности {i}."]
    return make_analysis(
        f"t{i:03d}",
        f"Заголовок {i}",
        sentences,
        date=day,
        source=f"Outlet {i % 4}",
        keywords=keywords,
        entities=[(e, "organization", 1) for e in entities],
        topics=[("unrest_2022", 1.0, [("протест", 1)])],
    )


def test_group_marks_rising_keywords_and_entities_with_their_baseline():
    """Eight quiet weeks of 4 articles each, then a week where 5 of 6 articles mention the
    CSTO: the CSTO rises (keyword and entity); a term as common before does not."""
    analyses = []
    start = dt.date(2025, 10, 6)  # Monday of 2025-W41
    for w in range(8):
        for k in range(4):
            i = 10 * w + k
            kws = ["газ", "протест" if w == 3 and k == 0 else "цены"]
            analyses.append(_article(i, start + dt.timedelta(weeks=w, days=k), kws, []))
    week = start + dt.timedelta(weeks=8)  # 2025-W49
    for k in range(6):
        kws = ["газ", "ОДКБ" if k < 5 else "цены"]
        ents = ["CSTO"] if k < 5 else []
        analyses.append(_article(100 + k, week + dt.timedelta(days=k), kws, ents))
    digest = group(analyses, TOPICS, settings())
    check_week_brief(digest)
    w49 = digest.weeks[0]
    assert w49.week == "2025-W49"
    assert w49.baseline_weeks == tuple(f"2025-W{n}" for n in range(41, 49))
    assert w49.baseline_articles == 32
    assert w49.rising == ("ОДКБ",)
    assert w49.rising_entities == (("CSTO", "organization"),)
    detail = {(d.label, d.kind): (d.count, d.base_count) for d in w49.rising_detail}
    assert detail == {("ОДКБ", "keyword"): (5, 0), ("CSTO", "organization"): (5, 0)}
    assert "газ" not in w49.rising  # in every article before and now: no rise


def check_week_brief(digest) -> None:
    """The week's PDF brief lists the same rising terms, with counts and the baseline."""
    from generator.briefs import BriefScope, brief_context

    rising = brief_context(digest, settings(), BriefScope(week="2025-W49"))["rising"]
    assert rising["terms"] == [("ОДКБ", "5/6 vs 0/32"), ("CSTO", "5/6 vs 0/32")]  # keywords first
    assert "2025-W41…W48" in rising["note"] and "32" in rising["note"]
    quiet = brief_context(digest, settings(), BriefScope(week="2025-W41"))["rising"]
    assert quiet["terms"] == [] and "2025-W33…W40" in quiet["note"]
    topic = brief_context(digest, settings(), BriefScope(week="2025-W49", topic="unrest_2022"))
    assert topic["rising"] is None  # the week's terms are not the topic's
