"""Alerts: an Atom feed per topic, per story (2+ reports) and per entity, linked from its page;
the "breaking" mark. Feeds are parsed as XML and by feedparser as Atom; no "now" in them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
import xml.etree.ElementTree as ET

import feedparser
import pytest
import yaml
from factories import payload_analysis, seed_analyses, seed_digest, settings
from story_fixtures import story_digest

from generator.render import build_file_set
from generator.render.feed import feed_path, is_breaking
from generator.render.pages import build_pages, site_map
from generator.settings import AlertSettings

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def digest():
    return story_digest()


@pytest.fixture(scope="module")
def files(digest):
    return build_file_set(digest, settings())


def _feeds(files) -> dict[str, str]:
    return {p: files[p] for p in files if p.startswith("feeds/")}


def _front_matter(text: str) -> dict:
    return yaml.safe_load(text[4 : text.index("\n---\n", 4)])


def test_one_feed_per_topic_story_and_entity_page(files, digest):
    smap = site_map(digest)
    expected = {
        feed_path(p)
        for p in [*smap.topics.values(), *smap.stories.values(), *smap.entities.values()]
    }
    assert set(_feeds(files)) == expected
    assert {"feeds/stories/s-tokayev-csto.xml", "feeds/stories/s-almaty-airport.xml"} <= expected


def test_every_feed_parses_as_xml_and_as_atom(files):
    feeds = _feeds(files)
    assert len(feeds) > 10
    for path, text in feeds.items():
        root = ET.fromstring(text.encode("utf-8"))
        assert root.tag == f"{ATOM}feed", path
        parsed = feedparser.parse(text)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10", path
        assert parsed.feed.title and parsed.feed.id and parsed.feed.updated, path
        self_links = [x.href for x in parsed.feed.links if x.rel == "self"]
        assert self_links == [f"https://example.org/digest/{path}"]
        for e in parsed.entries:
            assert e.id.startswith("https://example.org/digest/articles/"), path
            assert e.updated and e.title


def test_story_feed_lists_every_report_newest_first_and_updated_is_the_newest(files, digest):
    story = next(s for s in digest.stories if s.id == "s-almaty-airport")
    parsed = feedparser.parse(files["feeds/stories/s-almaty-airport.xml"])
    by_id = digest.by_id()
    titles = {by_id[i].article.title for i in story.article_ids}
    assert {e.title for e in parsed.entries} == titles
    newest = max(by_id[i].article.date for i in story.article_ids)
    assert parsed.feed.updated == f"{newest.isoformat()}T00:00:00Z"
    stamps = [e.updated for e in parsed.entries]
    assert stamps == sorted(stamps, reverse=True)


def test_topic_and_entity_feeds_hold_their_articles(files, digest):
    by_id = digest.by_id()
    for g in digest.topics:
        path = feed_path(site_map(digest).topics[g.topic.id])
        parsed = feedparser.parse(files[path])
        dated = [i for i in g.article_ids if by_id[i].article.date]
        assert len(parsed.entries) == len(dated), path
    tokayev = next(e for e in digest.entities if e.name == "Kassym-Jomart Tokayev")
    parsed = feedparser.parse(files["feeds/entities/person-kassym-jomart-tokayev.xml"])
    dated = {by_id[i].article.title for i in tokayev.article_ids if by_id[i].article.date}
    assert {e.title for e in parsed.entries} == dated
    assert "Kassym-Jomart Tokayev" in parsed.feed.title


def test_feeds_are_byte_identical_across_builds(files, digest):
    again = build_file_set(story_digest(), settings())
    assert _feeds(again) == _feeds(files)


def test_pages_link_their_feed_in_front_matter_and_text(files, digest):
    smap = site_map(digest)
    pages = [
        smap.topics["csto_mission"],
        smap.stories["s-tokayev-csto"],
        smap.entities[("Kassym-Jomart Tokayev", "person")],
    ]
    for page in pages:
        text = files[page]
        assert _front_matter(text)["feed"] == feed_path(page)
        target = posixpath.relpath(feed_path(page), posixpath.dirname(page))
        assert f"[Atom feed]({target})" in text, page
        assert posixpath.normpath(posixpath.join(posixpath.dirname(page), target)) in files


def test_hostile_entity_names_stay_text_in_feeds():
    digest = seed_digest((*seed_analyses(), payload_analysis()))
    files = build_file_set(digest, settings())
    hostile = [p for p in files if p.startswith("feeds/entities/") and "svg" in p]
    assert hostile, "the payload entity has a page and a feed"
    for path in hostile:
        root = ET.fromstring(files[path].encode("utf-8"))
        assert not root.findall(".//{*}svg") and not root.findall(".//svg")
        assert "<svg onload" in root.find(f"{ATOM}title").text  # text, escaped in the XML
        assert not feedparser.parse(files[path]).bozo


def _dated(digest, story_id: str, days: list[int]):
    """The digest with the story's reports re-dated to DAY + days[i]."""
    story = next(s for s in digest.stories if s.id == story_id)
    base = dt.date(2022, 1, 5)
    moved = {
        i: dataclasses.replace(
            a, article=dataclasses.replace(a.article, date=base + dt.timedelta(days=d))
        )
        for i, a, d in (
            (i, digest.by_id()[i], d) for i, d in zip(story.article_ids, days, strict=True)
        )
    }
    return story, {**digest.by_id(), **moved}


def test_breaking_needs_enough_new_reports_that_at_least_double_the_story(digest):
    rules = AlertSettings(breaking_reports=3, breaking_days=1)
    newest = dt.date(2022, 1, 5)
    story, by_id = _dated(digest, "s-tokayev-csto", [0, 0, 0])
    assert is_breaking(story, by_id, newest, rules)  # 3 new of 3
    assert not is_breaking(story, by_id, newest, AlertSettings(breaking_reports=4))
    story, by_id = _dated(digest, "s-tokayev-csto", [-1, 0, 0])  # the day before counts
    assert is_breaking(story, by_id, newest, rules)
    story, by_id = _dated(digest, "s-tokayev-csto", [-3, 0, 0])  # 2 new only
    assert not is_breaking(story, by_id, newest, rules)
    assert is_breaking(story, by_id, newest, AlertSettings(breaking_reports=2))  # 2 >= 1 old
    assert not is_breaking(story, by_id, newest + dt.timedelta(days=5), rules)  # old news


def test_breaking_story_is_marked_on_its_page_and_cards(digest):
    pages = build_pages(digest, settings())
    smap = site_map(digest)
    story_page = pages[smap.stories["s-tokayev-csto"]]
    # three reports on 2022-01-05, the digest's newest date among them: breaking
    newest = max(a.article.date for a in digest.analyses if a.article.date)
    by_id = digest.by_id()
    story = next(s for s in digest.stories if s.id == "s-tokayev-csto")
    expected = is_breaking(story, by_id, newest, settings().alerts)
    assert ('class="digest-breaking">Breaking<' in story_page) == expected
    quiet = build_pages(
        digest,
        dataclasses.replace(settings(), alerts=AlertSettings(breaking_reports=10)),
    )
    assert "digest-breaking" not in quiet[smap.stories["s-tokayev-csto"]]
