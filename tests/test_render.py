"""Rendering to Markdown (no MkDocs): page set, links, labels, slugs, JSON export, Atom feed."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import feedparser
import pytest
import yaml
from factories import TOPICS, seed_analyses, seed_digest, settings

from generator.render import build_file_set, page_url
from generator.render.pages import TEMPLATES_DIR, build_pages, load_labels
from generator.render.slugs import SlugRegistry, slugify

A000, A001, A002, A003, A004 = (a.id for a in seed_analyses())
LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.fixture(scope="module")
def digest():
    return seed_digest()


@pytest.fixture(scope="module")
def files(digest):
    return build_file_set(digest, settings())


def _front_matter(text: str) -> dict:
    assert text.startswith("---\n")
    return yaml.safe_load(text[4 : text.index("\n---\n", 4)])


def test_page_set_has_every_kind_of_page(files, digest):
    paths = set(files)
    for p in [
        "index.md",
        "topics/index.md",
        "topics/energy_transit.md",
        "topics/unrest_2022.md",
        "topics/csto_mission.md",
        "weeks/index.md",
        "weeks/2022-w01.md",
        "weeks/2022-w02.md",
        "weeks/2025-w48.md",
        "timeline.md",
        "entities/index.md",
        "entities/person-dmitry-peskov.md",
        "sources/index.md",
        "sources/тасс.md",
        "tags.md",
        "about.md",
        "digest.json",
        "feed.xml",
        "assets/digest.css",
    ]:
        assert p in paths, p
    assert {f"articles/{a.id}.md" for a in digest.analyses} <= paths


def test_every_internal_link_points_to_a_file_of_the_set(files):
    checked = 0
    for path in files:
        if not path.endswith(".md"):
            continue
        for target in LINK.findall(files[path]):
            if target.startswith(("http://", "https://", "#")):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert resolved in files, f"{path}: broken link {target}"
            checked += 1
    assert checked > 100


def test_home_is_the_latest_week_with_topics_rising_keywords_and_stories(files):
    home = files["index.md"]
    assert "This week: [2025-W48](weeks/2025-w48.md)" in home
    for t in TOPICS:
        assert f"## [{t.title_en} · {t.title_ru}](topics/{t.id}.md)" in home
    assert "Keywords on the rise" in home and "беспилотник" in home
    assert f"](articles/{A000}.md)" in home
    assert "озабоченность по поводу атак беспилотников" in home  # the summary


def test_home_can_show_an_older_week(digest):
    pages = build_pages(digest, settings(), front_week="2022-W01")
    home = pages["index.md"]
    assert "This week: [2022-W01]" in home
    assert f"](articles/{A004}.md)" in home
    # energy transit had nothing that week, and its only story (000) is from 2025: a past
    # week's front page never shows later news
    energy = home.split("## [Energy transit")[1].split("\n## ")[0]
    assert f"](articles/{A000}.md)" not in energy


def test_home_shows_a_topics_earlier_story_when_it_has_nothing_this_week(digest):
    home = build_pages(digest, settings())["index.md"]  # latest week: 2025-W48, only 000
    csto = home.split("## [CSTO mission")[1].split("\n## ")[0]
    assert "Nothing new this week" in csto and "](articles/" in csto


def test_topic_page_has_overview_keywords_entities_timeline_and_cards(files):
    page = files["topics/csto_mission.md"]
    headings = ("## Overview", "## Keywords", "## Key entities", "## Timeline", "## Top stories")
    for heading in headings:
        assert heading in page
    assert "[2022-W02](../weeks/2022-w02.md) | 2022-01-10 – 2022-01-16 | 2 |" in page
    assert "[CSTO](../entities/organization-csto.md)" in page
    # the card explains why the article is in the topic
    assert "Why in this topic:</strong> ОДКБ ×4, миротворческие силы ×2" in page
    cards = re.findall(r"^#### \[.*\]\(\.\./articles/(.*)\.md\)$", page, re.M)
    assert cards == [A003, A001, A004]


def test_article_page_has_metadata_text_topics_evidence_and_related(files, digest):
    page = files[f"articles/{A003}.md"]
    fm = _front_matter(page)
    assert fm["title"].startswith("Песков оценил информацию")
    assert fm["tags"][:3] == ["Казахстан", "Песков", "ОДКБ"]
    assert "| Date | 2022-01-11 ([2022-W02](../weeks/2022-w02.md)) |" in page
    assert (
        '<a href="https://www.vesti.ru/article/2650000" rel="nofollow noopener noreferrer">' in page
    )
    assert "(score 0.79): ОДКБ ×2, миротворцы ×2" in page
    assert '<div class="digest-text" lang="ru">' in page
    assert "<p>2 января в Казахстане начались акции протеста" in page
    related = page.split("## Related articles")[1]
    assert f"]({digest.related[A003][0]}.md)" in related


def test_undated_article_is_in_its_own_section(files):
    assert "## Articles without a date" in files["timeline.md"]
    assert f"](articles/{A002}.md)" in files["timeline.md"].split("without a date")[1]
    assert "| Date | Undated |" in files[f"articles/{A002}.md"]


def test_russian_interface_labels(digest):
    pages = build_pages(digest, settings(language="ru"))
    assert "## Обзор" in pages["topics/unrest_2022.md"]
    assert "Растущие ключевые слова" in pages["index.md"]
    assert "| Язык | русский |" in pages[f"articles/{A003}.md"]


def test_label_files_have_the_same_keys():
    en = yaml.safe_load((TEMPLATES_DIR / "i18n" / "en.yml").read_text(encoding="utf-8"))
    ru = yaml.safe_load((TEMPLATES_DIR / "i18n" / "ru.yml").read_text(encoding="utf-8"))
    assert set(en) == set(ru)
    assert set(en["language_names"]) == set(ru["language_names"])
    assert load_labels("ru")["home"] == "Главная"


def test_tags_page_carries_the_material_listing_marker(files):
    assert "<!-- material/tags -->" in files["tags.md"]


def test_slugs_are_safe_file_names():
    for text in ["../../etc/passwd", "a/b\\c", "..", ".hidden", "", "C:\\Windows", "~root"]:
        s = slugify(text)
        assert s and "/" not in s and "\\" not in s and not s.startswith(".")
        assert re.fullmatch(r"[a-z0-9_\-\u0400-\u04ff]+", s)
    assert slugify("Қазақстан мұнайы") == "қазақстан-мұнайы"
    assert slugify("З'являються «миротворці»") == "з-являються-миротворці"
    assert slugify("Ёлка — Café") == "ёлка-cafe"
    assert slugify("index") != "index"


def test_slug_registry_is_stable_and_unique():
    reg = SlugRegistry()
    assert reg.slug("Tokayev") == "tokayev"
    assert reg.slug("TOKAYEV") == "tokayev-2"
    assert reg.slug("Tokayev") == "tokayev"


def test_page_urls_use_directory_urls():
    assert page_url("index.md") == ""
    assert page_url("topics/index.md") == "topics/"
    assert page_url("articles/x.md") == "articles/x/"
    assert page_url("sources/тасс.md") == "sources/%D1%82%D0%B0%D1%81%D1%81/"


def test_digest_json_is_the_whole_corpus_in_a_stable_order(files, digest):
    data = json.loads(files["digest.json"])
    assert data["format"] == "digest-json/1"
    assert [a["article"]["id"] for a in data["articles"]] == [a.id for a in digest.analyses]
    assert list(data["articles"][0]) == ["article", "text", "topics", "related"]
    assert "path" not in data["articles"][0]["article"]
    assert data["last_date"] == "2025-11-24" and data["first_date"] == "2022-01-07"
    assert [t["topic"]["id"] for t in data["topics"]] == [t.id for t in TOPICS]


def test_atom_feed_has_dated_articles_with_dates_from_the_data(files):
    feed = feedparser.parse(files["feed.xml"])
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.updated == "2025-11-24T00:00:00Z"
    ids = [e.link for e in feed.entries]
    assert ids[0] == f"https://example.org/digest/articles/{A000}/"
    assert len(ids) == 4  # the undated article is not in the feed
    assert feed.entries[1].published == "2022-01-11T00:00:00Z"


def test_feed_length_follows_the_settings(digest):
    import dataclasses

    s = settings()
    s = dataclasses.replace(s, output=dataclasses.replace(s.output, feed_items=2))
    feed = feedparser.parse(build_file_set(digest, s)["feed.xml"])
    assert len(feed.entries) == 2


def test_templates_only_display(tmp_path: Path):
    """No sorting or slicing logic in templates: the view layer is pages.py."""
    for t in TEMPLATES_DIR.glob("*.md.j2"):
        text = t.read_text(encoding="utf-8")
        assert not re.search(r"\|\s*(sort|batch|slice|groupby|reverse)\b", text), t.name


def test_topic_and_week_pages_link_their_pdf_briefs_when_built(digest):
    extra = {"briefs/topic-energy_transit.pdf": b"%PDF-1.7", "briefs/week-2022-W01.pdf": b"%PDF"}
    files = build_file_set(digest, settings(), extra_files=extra)
    assert files["briefs/topic-energy_transit.pdf"] == b"%PDF-1.7"
    assert "[PDF brief](../briefs/topic-energy_transit.pdf)" in files["topics/energy_transit.md"]
    assert "PDF brief" not in files["topics/csto_mission.md"]
    assert "[PDF brief](../briefs/week-2022-W01.pdf)" in files["weeks/2022-w01.md"]


def test_front_week_without_articles_is_an_error(digest):
    with pytest.raises(ValueError, match="2021-W05"):
        build_pages(digest, settings(), front_week="2021-W05")


def test_charts_are_written_and_shown_on_home_topic_week_and_sources(digest, monkeypatch):
    import sys
    import types

    import generator.render

    svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>{}</title></svg>'
    fake = types.ModuleType("generator.render.charts")
    fake.topics_by_week_svg = lambda d, **kw: svg.format("by week")
    fake.languages_svg = lambda d, **kw: svg.format("languages")
    fake.sources_svg = lambda d, **kw: svg.format("sources")
    fake.week_topics_svg = lambda d, week, **kw: svg.format(week)
    monkeypatch.setitem(sys.modules, "generator.render.charts", fake)
    monkeypatch.setattr(generator.render, "charts", fake, raising=False)
    files = build_file_set(digest, settings())
    assert files["assets/charts/week-2022-w01.svg"] == svg.format("2022-W01")
    assert "![Articles per topic this week](assets/charts/week-2025-w48.svg)" in files["index.md"]
    assert "](../assets/charts/topics-by-week.svg)" in files["topics/csto_mission.md"]
    assert "](../assets/charts/week-2022-w02.svg)" in files["weeks/2022-w02.md"]
    sources = files["sources/index.md"]
    assert "](../assets/charts/languages.svg)" in sources
    assert "](../assets/charts/sources.svg)" in sources


def test_empty_and_undated_corpora_render_with_working_links():
    import dataclasses

    from generator.digest import group

    undated = [
        dataclasses.replace(a, article=dataclasses.replace(a.article, date=None))
        for a in seed_analyses()
    ]
    for analyses in ([], undated):
        files = build_file_set(group(analyses, TOPICS, settings()), settings())
        assert "index.md" in files and "weeks/index.md" in files
        for path in (p for p in files if p.endswith(".md")):
            for target in LINK.findall(files[path]):
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
                assert resolved in files, f"{path}: broken link {target}"
