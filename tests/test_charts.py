"""SVG charts: the counts drawn are distinct articles (or stories) per calendar week or day,
on the seeds and on a synthetic corpus with multi-topic articles and a multi-year gap; the
charts are well-formed, accessible, deterministic and safe."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import itertools
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from factories import TOPICS, make_analysis, settings

from generator.digest import group, iso_week
from generator.render import charts

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def digest(settings):
    from generator.pipeline import prepare_digest

    return prepare_digest(settings)


def _article(i: int, day: dt.date, topics: list[str], entities=()) -> object:
    sentences = [f"Сообщение номер {i} о событиях в Казахстане.", f"Подробности события {i}."]
    return make_analysis(
        f"syn{i:03d}",
        f"Событие {i}",
        sentences,
        date=day,
        source=f"Outlet {i % 3}",
        keywords=[f"слово{i}"],
        entities=list(entities),
        topics=[(t, 1.0 - 0.1 * k, [("Казахстан", 1)]) for k, t in enumerate(topics)],
    )


@pytest.fixture(scope="module")
def synthetic():
    """Multi-topic articles, an empty week inside a run, a gap of four years, no-topic ones."""
    both = ["unrest_2022", "csto_mission"]
    kz = [("Kazakhstan", "place", 2)]
    days = [
        (dt.date(2019, 3, 4), both, kz),  # 2019-W10, Monday
        (dt.date(2019, 3, 4), ["csto_mission", "unrest_2022"], kz),
        (dt.date(2019, 3, 6), both, ()),
        (dt.date(2019, 3, 10), [], kz),  # Sunday, no topic
        (dt.date(2019, 3, 20), ["energy_transit"], kz),  # 2019-W12 (W11 is empty)
        (dt.date(2023, 5, 16), both, kz),  # 2023-W20, after a gap of four years
        (dt.date(2023, 5, 17), ["energy_transit", "unrest_2022"], ()),
    ]
    analyses = [_article(i, d, t, e) for i, (d, t, e) in enumerate(days)]
    return group(analyses, TOPICS, settings())


def columns(svg: str) -> dict[str, int]:
    """``data-period`` → ``data-count`` of every column drawn."""
    root = ET.fromstring(svg)
    return {
        g.get("data-period"): int(g.get("data-count"))
        for g in root.iter(f"{SVG}g")
        if g.get("data-period")
    }


def segments(svg: str) -> Counter[tuple[str, str]]:
    """(period, series) → count of every stacked segment."""
    root = ET.fromstring(svg)
    out: Counter[tuple[str, str]] = Counter()
    for g in root.iter(f"{SVG}g"):
        for r in g.iter(f"{SVG}rect"):
            if g.get("data-period") and r.get("data-series") is not None:
                out[(g.get("data-period"), r.get("data-series"))] += int(r.get("data-count"))
    return out


def gaps(svg: str) -> list[tuple[str, int]]:
    root = ET.fromstring(svg)
    return [
        (g.get("data-gap"), int(g.get("data-weeks")))
        for g in root.iter(f"{SVG}g")
        if g.get("data-gap")
    ]


def calendar(first: str, last: str) -> list[str]:
    day = dt.date.fromisocalendar(int(first[:4]), int(first[6:]), 1)
    stop = dt.date.fromisocalendar(int(last[:4]), int(last[6:]), 1)
    out = []
    while day <= stop:
        out.append(iso_week(day))
        day += dt.timedelta(weeks=1)
    return out


def distinct_per_week(analyses) -> Counter[str]:
    return Counter(
        iso_week(a.article.date) for a in {a.id: a for a in analyses}.values() if a.article.date
    )


def check_calendar_axis(svg: str, expected: Counter[str], first: str, last: str) -> None:
    """Every calendar week from first to last is a column (with the distinct article count,
    zero when empty) or inside exactly one marked gap of at least GAP_WEEKS empty weeks."""
    drawn = columns(svg)
    assert {w: n for w, n in drawn.items() if n} == dict(expected)
    covered = list(drawn)
    for key, n in gaps(svg):
        start, end = key.split("/")
        weeks = calendar(start, end)
        assert len(weeks) == n >= charts.GAP_WEEKS
        assert not any(expected[w] for w in weeks)
        covered += weeks
    assert sorted(covered) == calendar(first, last)
    zero_run = 0
    for w in calendar(first, last):
        zero_run = zero_run + 1 if drawn.get(w) == 0 else 0
        assert zero_run < charts.GAP_WEEKS  # long empty runs are cut out, not drawn


# ----------------------------------------------------------------- distinct articles


def test_synthetic_overall_chart_counts_each_article_once_on_a_calendar_axis(synthetic):
    svg = charts.topics_by_week_svg(synthetic)
    dated = [a for a in synthetic.analyses if a.article.date]
    expected = distinct_per_week(dated)
    memberships = sum(len(a.topic_ids) for a in dated)
    assert memberships > len(dated)  # the corpus would be double-counted per topic
    check_calendar_axis(svg, expected, "2019-W10", "2023-W20")
    assert sum(columns(svg).values()) == len(dated) == 7
    assert columns(svg)["2019-W11"] == 0  # one empty week: drawn as zero
    assert gaps(svg) == [("2019-W13/2023-W19", len(calendar("2019-W13", "2023-W19")))]
    # segments: each article under its main topic (highest score), summing to the column
    order = [t.id for t in TOPICS]
    want = Counter((iso_week(a.article.date), charts.main_topic(a, order)) for a in dated)
    assert segments(svg) == want
    assert want[("2019-W10", "unrest_2022")] == 2 and want[("2019-W10", "")] == 1
    # the gap is said in words too, for readers of the text alternative
    root = ET.fromstring(svg)
    assert "2019-W13 – 2023-W19" in root.find(f"{SVG}desc").text
    assert re.search(r">gap: \d+ wk</text>", svg)


def test_synthetic_column_titles_state_the_distinct_count(synthetic):
    svg = charts.topics_by_week_svg(synthetic)
    root = ET.fromstring(svg)
    for g in root.iter(f"{SVG}g"):
        if g.get("data-period"):
            n = int(g.get("data-count"))
            title = g.find(f"{SVG}title").text
            assert title.endswith("1 article" if n == 1 else f"{n} articles"), title


def test_synthetic_topic_chart_is_the_topics_own(synthetic):
    first, last = "2019-W10", "2023-W20"
    for g in synthetic.topics:
        svg = charts.topic_weeks_svg(synthetic, g.topic.id)
        members = [a for a in synthetic.analyses if g.topic.id in a.topic_ids]
        check_calendar_axis(svg, distinct_per_week(members), first, last)
        assert g.topic.title_en in svg
    unrest = columns(charts.topic_weeks_svg(synthetic, "unrest_2022"))
    assert unrest == {"2019-W10": 3, "2023-W20": 2}  # everything between is one marked gap
    energy = charts.topic_weeks_svg(synthetic, "energy_transit")
    assert columns(energy) == {"2019-W10": 0, "2019-W11": 0, "2019-W12": 1, "2023-W20": 1}


def test_synthetic_entity_attention_counts_articles_not_mentions(synthetic):
    entity = next(e for e in synthetic.entities if e.name == "Kazakhstan")
    svg = charts.entity_weeks_svg(synthetic, entity)
    by_id = synthetic.by_id()
    members = [by_id[i] for i in entity.article_ids]
    check_calendar_axis(svg, distinct_per_week(members), "2019-W10", "2023-W20")
    assert columns(svg)["2019-W10"] == 3  # three articles, six mentions
    assert sum(e.count for a in members for e in a.text.entities if e.name == "Kazakhstan") == 10


def test_synthetic_week_chart_has_daily_resolution(synthetic):
    svg = charts.week_days_svg(synthetic, "2019-W10")
    drawn = columns(svg)
    assert list(drawn) == [f"2019-03-{d:02d}" for d in range(4, 11)]
    want = Counter(
        a.article.date.isoformat()
        for a in synthetic.analyses
        if iso_week(a.article.date) == "2019-W10"
    )
    assert {d: n for d, n in drawn.items() if n} == dict(want)
    assert drawn["2019-03-04"] == 2 and drawn["2019-03-05"] == 0 and drawn["2019-03-10"] == 1
    week = next(w for w in synthetic.weeks if w.week == "2019-W10")
    assert sum(drawn.values()) == len(week.article_ids)
    assert ">Mon 03-04</text>" in svg


def test_synthetic_story_chart_counts_each_story_once(synthetic):
    from generator.render.stories import stories_or_singletons

    svg = charts.stories_by_week_svg(synthetic)
    by_id = synthetic.by_id()
    first = Counter(
        iso_week(min(by_id[i].article.date for i in st.article_ids))
        for st in stories_or_singletons(synthetic)
    )
    assert {w: n for w, n in columns(svg).items() if n} == dict(first)
    assert sum(columns(svg).values()) == len(stories_or_singletons(synthetic))  # all dated


# ----------------------------------------------------------------- the seeds


def test_seed_charts_count_distinct_articles_per_week(digest):
    span = sorted(w.week for w in digest.weeks)
    dated = [a for a in digest.analyses if a.article.date]
    check_calendar_axis(
        charts.topics_by_week_svg(digest), distinct_per_week(dated), span[0], span[-1]
    )
    assert sum(columns(charts.topics_by_week_svg(digest)).values()) == len(dated)
    for w in digest.weeks:
        assert sum(columns(charts.week_days_svg(digest, w.week)).values()) == len(w.article_ids)
    for g in digest.topics:
        members = [a for a in digest.analyses if g.topic.id in a.topic_ids]
        svg = charts.topic_weeks_svg(digest, g.topic.id)
        check_calendar_axis(svg, distinct_per_week(members), span[0], span[-1])
    by_id = digest.by_id()
    for e in digest.entities[:20]:
        svg = charts.entity_weeks_svg(digest, e)
        want = distinct_per_week([by_id[i] for i in e.article_ids])
        check_calendar_axis(svg, want, span[0], span[-1])
        assert {w: n for w, n in columns(svg).items() if n} == dict(e.by_week)


def test_seed_topic_brief_chart_is_the_topics_own(digest, settings):
    from generator.briefs import BriefScope, brief_context

    for g in digest.topics:
        context = brief_context(digest, settings, BriefScope(topic=g.topic.id))
        (chart,) = context["charts"]
        svg = base64.b64decode(chart.data_uri.split(",", 1)[1]).decode("utf-8")
        members = [a for a in digest.analyses if g.topic.id in a.topic_ids]
        assert {w: n for w, n in columns(svg).items() if n} == dict(distinct_per_week(members))
    week = digest.weeks[0]
    (chart,) = brief_context(digest, settings, BriefScope(week=week.week))["charts"]
    svg = base64.b64decode(chart.data_uri.split(",", 1)[1]).decode("utf-8")
    assert sum(columns(svg).values()) == len(week.article_ids) and len(columns(svg)) == 7


# ----------------------------------------------------------------- form, safety


def all_charts(digest) -> dict[str, str]:
    out = {
        "topics_by_week": charts.topics_by_week_svg(digest),
        "stories_by_week": charts.stories_by_week_svg(digest),
        "languages": charts.languages_svg(digest),
        "sources": charts.sources_svg(digest),
    }
    for w in digest.weeks:
        out[f"week {w.week}"] = charts.week_days_svg(digest, w.week)
    for g in digest.topics:
        out[f"topic {g.topic.id}"] = charts.topic_weeks_svg(digest, g.topic.id)
    for e in digest.entities[:5]:
        out[f"entity {e.name}"] = charts.entity_weeks_svg(digest, e)
    return out


def bar_titles(svg: str) -> list[str]:
    """The <title> of every bar (``label: count``)."""
    root = ET.fromstring(svg)
    titles = (r.find(f"{SVG}title") for r in root.iter(f"{SVG}rect"))
    return [t.text for t in titles if t is not None]


def test_every_chart_is_wellformed_accessible_and_offline(digest):
    for name, svg in all_charts(digest).items():
        root = ET.fromstring(svg)  # raises on malformed XML
        assert root.tag == f"{SVG}svg", name
        assert root.get("role") == "img" and root.get("viewBox"), name
        assert root.get("aria-labelledby") == "chart-title chart-desc", name
        title = root.find(f"{SVG}title")
        desc = root.find(f"{SVG}desc")
        assert title is not None and title.text, f"{name}: no <title>"
        assert desc is not None and desc.text, f"{name}: no <desc>"
        assert root.find(f"{SVG}text") is not None, f"{name}: no text label"
        assert "sans-serif" in root.get("font-family", ""), name
        assert not re.search(r"<script|https?://(?!www\.w3\.org/2000/svg)|@import", svg), name


def test_languages_and_sources_counts_match_the_digest(digest):
    lang = bar_titles(charts.languages_svg(digest))
    assert sorted(int(t.rsplit(": ", 1)[1]) for t in lang) == sorted(n for _, n in digest.languages)
    assert sum(int(t.rsplit(": ", 1)[1]) for t in lang) == len(digest.analyses)
    src = bar_titles(charts.sources_svg(digest))
    assert sorted(src) == sorted(f"{s.name}: {len(s.article_ids)}" for s in digest.sources)


def test_charts_are_deterministic(digest, synthetic):
    assert all_charts(digest) == all_charts(digest)
    assert all_charts(synthetic) == all_charts(synthetic)


def test_labels_from_data_are_escaped(digest):
    evil = '<script>alert(1)</script> & "Sputnik"'
    source = dataclasses.replace(digest.sources[0], name=evil)
    hostile = dataclasses.replace(digest, sources=(source, *digest.sources[1:]))
    svg = charts.sources_svg(hostile)
    ET.fromstring(svg)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    entity = dataclasses.replace(digest.entities[0], name=evil)
    svg = charts.entity_weeks_svg(digest, entity)
    ET.fromstring(svg)
    assert "<script>" not in svg


def test_empty_digest_still_draws(digest):
    empty = dataclasses.replace(digest, analyses=(), weeks=(), sources=(), languages=(), stories=())
    for svg in (
        charts.topics_by_week_svg(empty),
        charts.sources_svg(empty),
        charts.stories_by_week_svg(empty),
    ):
        ET.fromstring(svg)
        assert columns(svg) == {}


def test_long_histories_keep_the_latest_slots(synthetic):
    slots = charts.week_slots(
        [(f"a{k}", dt.date(2020, 1, 6) + dt.timedelta(weeks=k), "x") for k in range(150)], ["x"]
    )
    svg = charts.columns_svg(slots, [("x", "X", "#000")], "t", "d")
    drawn = columns(svg)
    assert len(drawn) == charts.MAX_SLOTS and set(drawn.values()) == {1}
    assert max(drawn) == iso_week(dt.date(2020, 1, 6) + dt.timedelta(weeks=149))
    assert "earlier weeks not shown" in svg


def test_charts_speak_the_interface_language(digest):
    from generator.render.pages import load_labels

    ru = load_labels("ru")
    langs = charts.languages_svg(digest, labels=ru)
    assert "Статьи по языкам" in langs and "русский" in langs and "казахский" in langs
    by_week = charts.topics_by_week_svg(digest, labels=ru)
    assert "Миссия ОДКБ в Казахстане" in by_week and "CSTO mission" not in by_week
    assert "Каждая статья учтена один раз" in by_week
    assert ">Пн " in charts.week_days_svg(digest, digest.weeks[0].week, labels=ru)
    assert "Russian" in charts.languages_svg(digest)  # English by default


def test_undated_articles_are_counted_in_a_note_not_on_the_axis(digest):
    from generator.render.stories import stories_or_singletons

    by_id = digest.by_id()
    stories = stories_or_singletons(digest)
    undated = [st for st in stories if all(by_id[i].article.date is None for i in st.article_ids)]
    svg = charts.stories_by_week_svg(digest)
    assert undated and sum(columns(svg).values()) + len(undated) == len(stories)
    assert f"+ {len(undated)} without a date, not shown" in svg
    entity = next(
        e for e in digest.entities if any(by_id[i].article.date is None for i in e.article_ids)
    )
    svg = charts.entity_weeks_svg(digest, entity)
    undated = sum(1 for i in entity.article_ids if by_id[i].article.date is None)
    assert sum(columns(svg).values()) + undated == len(entity.article_ids)
    assert f"+ {undated} without a date, not shown" in svg


@pytest.mark.parametrize("vmax", [0, 1, 4, 5, 6, 7, 16, 24, 51, 99, 1234])
def test_value_axis_has_round_integer_ticks_covering_the_tallest_column(vmax):
    top, ticks = charts._ticks(vmax)
    assert ticks[0] == 0 and ticks[-1] == top >= vmax and len(ticks) <= 6
    steps = {b - a for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1 and all(isinstance(t, int) for t in ticks)
    assert top < 2 * max(vmax, 1) + 1  # not a needlessly tall axis
