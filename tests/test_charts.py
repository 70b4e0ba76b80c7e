"""SVG charts from the seeds' digest: well-formed, accessible, counts from the data, safe."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET

import pytest

from generator.render import charts

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def digest(settings):
    from generator.pipeline import prepare_digest

    return prepare_digest(settings)


def all_charts(digest) -> dict[str, str]:
    out = {
        "topics_by_week": charts.topics_by_week_svg(digest),
        "languages": charts.languages_svg(digest),
        "sources": charts.sources_svg(digest),
    }
    for w in digest.weeks:
        out[f"week {w.week}"] = charts.week_topics_svg(digest, w.week)
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
        title = root.find(f"{SVG}title")
        assert title is not None and title.text, f"{name}: no <title>"
        assert "sans-serif" in root.get("font-family", ""), name
        assert not re.search(r"<script|https?://(?!www\.w3\.org/2000/svg)|@import", svg), name


def test_topics_by_week_counts_match_the_digest(digest):
    svg = charts.topics_by_week_svg(digest)
    names = {g.topic.id: g.topic.title_en for g in digest.topics}
    expected = sorted(
        f"{w.week} · {names[t]}: {n}" for w in digest.weeks for t, n in w.topic_counts if n
    )
    assert expected, "the seeds have no dated topic counts"
    assert sorted(bar_titles(svg)) == expected
    for title in names.values():  # legend
        assert f">{title}</text>" in svg


def test_languages_and_sources_counts_match_the_digest(digest):
    lang = bar_titles(charts.languages_svg(digest))
    assert sorted(int(t.rsplit(": ", 1)[1]) for t in lang) == sorted(n for _, n in digest.languages)
    assert sum(int(t.rsplit(": ", 1)[1]) for t in lang) == len(digest.analyses)
    src = bar_titles(charts.sources_svg(digest))
    assert sorted(src) == sorted(f"{s.name}: {len(s.article_ids)}" for s in digest.sources)


def test_week_chart_lists_every_topic_with_zeroes(digest):
    week = digest.weeks[0]
    titles = bar_titles(charts.week_topics_svg(digest, week.week))
    counts = dict(week.topic_counts)
    assert titles == [f"{g.topic.title_en}: {counts.get(g.topic.id, 0)}" for g in digest.topics]


def test_charts_are_deterministic(digest):
    assert all_charts(digest) == all_charts(digest)


def test_labels_from_data_are_escaped(digest):
    evil = '<script>alert(1)</script> & "Sputnik"'
    source = dataclasses.replace(digest.sources[0], name=evil)
    hostile = dataclasses.replace(digest, sources=(source, *digest.sources[1:]))
    svg = charts.sources_svg(hostile)
    ET.fromstring(svg)
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_empty_digest_still_draws(digest):
    empty = dataclasses.replace(digest, analyses=(), weeks=(), sources=(), languages=())
    for svg in (charts.topics_by_week_svg(empty), charts.sources_svg(empty)):
        ET.fromstring(svg)


def test_charts_speak_the_interface_language(digest):
    from generator.render.pages import load_labels

    ru = load_labels("ru")
    langs = charts.languages_svg(digest, labels=ru)
    assert "Статьи по языкам" in langs and "русский" in langs and "казахский" in langs
    by_week = charts.topics_by_week_svg(digest, labels=ru)
    assert "Миссия ОДКБ в Казахстане" in by_week and "CSTO mission" not in by_week
    assert "Russian" in charts.languages_svg(digest)  # English by default
