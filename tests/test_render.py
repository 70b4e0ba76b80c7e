"""Rendering to Markdown (no MkDocs): page set, links, labels, slugs, JSON export, Atom feed."""

from __future__ import annotations

import dataclasses
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


@pytest.fixture(scope="module")
def plain_files():
    """The seeds' pages without clustering: each article is a story of its own."""
    return build_file_set(seed_digest(stories=()), settings())


def test_topic_page_lists_each_article_once_inside_its_story(files, digest):
    page = files["topics/csto_mission.md"]
    linked = re.findall(r"^#### \[.*\]\(\.\./(articles|stories)/(.*)\.md\)$", page, re.M)
    covered = []
    for kind, name in linked:
        if kind == "articles":
            covered.append(name)
        else:
            covered.extend(next(s for s in digest.stories if s.id == name).article_ids)
    topic = next(t for t in digest.topics if t.topic.id == "csto_mission")
    assert sorted(covered) == sorted(topic.article_ids)  # every article once


def test_topic_page_has_overview_keywords_entities_timeline_and_cards(plain_files):
    page = plain_files["topics/csto_mission.md"]
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
    # the keywords Казахстан, Песков, ОДКБ tag the article as their registry entities
    assert fm["tags"][:3] == ["Kazakhstan", "Dmitry Peskov", "CSTO"]
    assert "| Date | 2022-01-11 ([2022-W02](../weeks/2022-w02.md)) |" in page
    assert (
        '<a href="https://www.vesti.ru/article/2650000" rel="nofollow noopener noreferrer">' in page
    )
    assert "(score 0.79): ОДКБ ×2, миротворцы ×2" in page
    assert '<div class="digest-text" lang="ru">' in page
    assert "<p>2 января в Казахстане начались акции протеста" in page
    related = page.split("## Earlier related coverage")[1]
    assert f"]({digest.related[A003][0]}.md)" in related


def test_a_title_made_from_the_lead_is_marked_on_its_page():
    """The page of an article whose page showed no headline says its title is made from the
    lead; a headline found on the page (``title`` alone in ``inferred``) is not marked."""
    made = [
        dataclasses.replace(
            a, article=dataclasses.replace(a.article, inferred=("date", "lead_title", "title"))
        )
        if a.id == A001
        else dataclasses.replace(a, article=dataclasses.replace(a.article, inferred=("title",)))
        for a in seed_analyses()
    ]
    pages = build_pages(seed_digest(made, stories=()), settings())
    row = "| Title | made from the first sentence: the page shows no headline |"
    assert row in pages[f"articles/{A001}.md"]
    assert "| Title |" not in pages[f"articles/{A003}.md"]
    ru = build_pages(seed_digest(made, stories=()), settings(language="ru"))
    assert "| Заголовок | составлен из первой фразы" in ru[f"articles/{A001}.md"]


def test_undated_article_is_in_its_own_section(plain_files):
    assert "## Articles without a date" in plain_files["timeline.md"]
    assert f"](articles/{A002}.md)" in plain_files["timeline.md"].split("without a date")[1]
    assert "| Date | Undated |" in plain_files[f"articles/{A002}.md"]


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


def test_charts_are_written_and_shown_on_home_topic_week_entity_timeline_and_sources(
    digest, monkeypatch
):
    import sys
    import types

    import generator.render

    svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>{}</title></svg>'
    fake = types.ModuleType("generator.render.charts")
    fake.topics_by_week_svg = lambda d, **kw: svg.format("by week")
    fake.stories_by_week_svg = lambda d, **kw: svg.format("stories")
    fake.languages_svg = lambda d, **kw: svg.format("languages")
    fake.sources_svg = lambda d, **kw: svg.format("sources")
    fake.week_days_svg = lambda d, week, **kw: svg.format(week)
    fake.topic_weeks_svg = lambda d, topic, **kw: svg.format(topic)
    fake.entity_weeks_svg = lambda d, e, **kw: svg.format(e.name)
    monkeypatch.setitem(sys.modules, "generator.render.charts", fake)
    monkeypatch.setattr(generator.render, "charts", fake, raising=False)
    files = build_file_set(digest, settings())
    assert files["assets/charts/week-2022-w01.svg"] == svg.format("2022-W01")
    assert files["assets/charts/topic-csto_mission.svg"] == svg.format("csto_mission")
    assert "![Articles per day, 2025-W48](assets/charts/week-2025-w48.svg)" in files["index.md"]
    # a topic page shows its own chart, not the whole digest's
    topic = files["topics/csto_mission.md"]
    assert "](../assets/charts/topic-csto_mission.svg)" in topic
    assert "topics-by-week.svg" not in topic
    assert "](../assets/charts/week-2022-w02.svg)" in files["weeks/2022-w02.md"]
    assert "](assets/charts/stories-by-week.svg)" in files["timeline.md"]
    entity = next(e for e in digest.entities if len(e.article_ids) > 1)
    page = files[f"entities/{entity.slug}.md"]
    assert files[f"assets/charts/entity-{entity.slug}.svg"] == svg.format(entity.name)
    assert f"](../assets/charts/entity-{entity.slug}.svg)" in page and "█" not in page
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


# ---------------------------------------------------------------- stories


@pytest.fixture(scope="module")
def story_files():
    from story_fixtures import story_digest

    digest = story_digest()
    return digest, build_pages(digest, settings(), front_week="2022-W01")


def _article_links(text: str) -> list[str]:
    return re.findall(r"\]\((?:\.\./)?articles/([^)]+)\.md\)", text)


def _blocks(text: str) -> list[str]:
    """The story cards and one-line story items of a page (the topic overview left out)."""
    text = re.sub(r"## Overview\n.*?(?=\n## )", "", text, flags=re.S)
    cards = re.findall(r'<div class="digest-card digest-story" markdown>.*?</div>', text, re.S)
    rest = re.sub(r'<div class="digest-card digest-story" markdown>.*?</div>', "", text, flags=re.S)
    return cards + [line for line in rest.splitlines() if line.startswith("- ")]


def test_stories_or_singletons_covers_every_article_once():
    from story_fixtures import story_digest

    from generator.render.stories import stories_or_singletons

    digest = story_digest()
    stories = stories_or_singletons(digest)
    ids = [i for s in stories for i in s.article_ids]
    assert sorted(ids) == sorted(a.id for a in digest.analyses)
    assert [s.id for s in stories[:2]] == [s.id for s in digest.stories]  # the cluster's order
    # without clustering each article is a story, ranked newest first
    plain = stories_or_singletons(seed_digest(stories=()))
    assert [s.article_ids for s in plain] == [(A000,), (A003,), (A001,), (A004,), (A002,)]
    assert all(s.id == f"a-{s.article_ids[0]}" for s in plain)


def test_a_story_with_a_report_outside_the_digest_keeps_the_rest():
    import dataclasses

    from story_fixtures import story_digest

    from generator.render.stories import stories_or_singletons

    digest = story_digest()
    first = digest.stories[0]
    broken = dataclasses.replace(first, article_ids=(*first.article_ids, "gone"))
    stories = stories_or_singletons(dataclasses.replace(digest, stories=(broken,)))
    assert stories[0].article_ids == first.article_ids
    assert stories[0].summary == first.summary


def test_home_top_stories_this_week_show_each_article_once(story_files):
    digest, pages = story_files
    home = pages["index.md"]
    top = home.split("## Top stories this week")[1]
    first, second = digest.stories
    assert top.index(f"](stories/{first.id}.md)") < top.index(f"](stories/{second.id}.md)")
    assert "3 reports · 3 outlets · 3 languages" in top
    owner: dict[str, int] = {}
    for n, block in enumerate(_blocks(home)):
        for art in set(_article_links(block)):
            assert owner.setdefault(art, n) == n, f"{art} shown twice on the home page"
    # the week's seven articles are all there
    week = next(w for w in digest.weeks if w.week == "2022-W01")
    assert set(week.article_ids) <= set(owner)


@pytest.mark.parametrize("page", ["weeks/2022-w01.md", "topics/unrest_2022.md", "timeline.md"])
def test_week_topic_and_timeline_pages_list_stories_each_article_once(story_files, page):
    digest, pages = story_files
    text = pages[page]
    owner: dict[str, int] = {}
    for n, block in enumerate(_blocks(text)):
        for art in set(_article_links(block)):
            assert owner.setdefault(art, n) == n, f"{page}: {art} in two stories"
    assert f"](../stories/{digest.stories[0].id}.md)" in text or (
        f"](stories/{digest.stories[0].id}.md)" in text
    )


def test_timeline_lists_each_story_once_under_its_first_week(story_files):
    digest, pages = story_files
    timeline = pages["timeline.md"]
    for story in digest.stories:
        assert timeline.count(f"](stories/{story.id}.md)") == 1
    w01 = timeline.split("## [2022-W01]")[1].split("\n## ")[0]
    assert "2022-01-05 · [Токаев обратился к главам ОДКБ" in w01
    assert "3 reports · 3 outlets · 3 languages" in w01


def test_timeline_shows_the_newest_weeks_and_lists_older_weeks_by_year(monkeypatch):
    """The timeline does not grow with the archive: past ``TIMELINE_WEEKS`` weeks with a new
    story, older weeks are links under their year (their stories are on the week pages)."""
    from story_fixtures import story_digest

    import generator.render.pages as pages_mod

    monkeypatch.setattr(pages_mod, "TIMELINE_WEEKS", 1)
    digest = story_digest()
    timeline = build_pages(digest, settings())["timeline.md"]
    newest = max(w.week for w in digest.weeks)
    headings = re.findall(r"^## \[(\d{4}-W\d\d)\]", timeline, re.M)
    assert headings == [newest]
    older = timeline.split("## Older weeks")[1]
    assert (
        "- [2022](years/2022.md): [2022-W02](weeks/2022-w02.md) · [2022-W01](weeks/2022-w01.md)"
        in older
    )
    for story in digest.stories:  # the stories of older weeks are not on the page
        first = min(digest.by_id()[i].article.date for i in story.article_ids)
        shown = f"](stories/{story.id}.md)" in timeline
        assert shown == (first.isocalendar()[:2] == (int(newest[:4]), int(newest[6:])))


def test_story_page_is_full_coverage(story_files):
    digest, pages = story_files
    story = digest.stories[1]  # the Almaty airport
    page = pages[f"stories/{story.id}.md"]
    assert _front_matter(page)["title"] == story.title
    for heading in (
        "## Summary",
        "## First report",
        "## Coverage by language and outlet",
        "### English — 1 report · 1 outlet",
        "### Russian — 1 report · 1 outlet",
        "### Ukrainian — 1 report · 1 outlet",
        "## Timeline of the story",
        "## Entities",
    ):
        assert heading in page
    # summary sentences cite their report by number, linked to the report's page
    assert (
        "Аеропорт в Алмати захопили протестувальники. [\\[2\\]](../articles/rs_24tv_airport.md)"
        in page
    )
    # the reports grouped by outlet under their language
    assert "- **Kloop**: \\[1\\] [Orda.kz: В Алматы захвачен аэропорт](" in page
    # what sets a language apart: Aktau is named only in the Ukrainian report
    uk = page.split("### Ukrainian")[1].split("\n## ")[0]
    assert "[Aktau](../entities/place-aktau.md)" in uk
    assert "Aktau" not in page.split("### Russian")[1].split("### Ukrainian")[0]
    # an entity of every report is not distinctive of any language
    assert "Alisher Yelikbayev" not in page.split("## Coverage")[1].split("## Timeline")[0]
    assert "| [Alisher Yelikbayev](../entities/person-alisher-yelikbayev.md) | person | 3 |" in page


def test_story_page_says_so_when_one_language_covers_it():
    import dataclasses

    from story_fixtures import story_digest

    digest = story_digest()
    ru_only = [a.id for a in digest.analyses if a.id in ("rs_tass_tokayev_csto", A004)]
    story = dataclasses.replace(
        digest.stories[0], id="s-ru-only", article_ids=tuple(ru_only), summary=()
    )
    rest = [
        dataclasses.replace(s, article_ids=tuple(i for i in s.article_ids if i not in ru_only))
        for s in digest.stories
    ]
    digest = dataclasses.replace(digest, stories=(story, *rest))
    page = build_pages(digest, settings())["stories/s-ru-only.md"]
    assert "Only Russian-language outlets cover this story so far" in page
    assert "distinctive of this language" not in page
    assert "### Russian — 2 reports · 2 outlets" in page
    # without a summary from the cluster stage, one is made from the reports, with citations
    summary = page.split("## Summary")[1].split("## First report")[0]
    assert re.search(r"\[\\\[[12]\\\]\]\(\.\./articles/", summary)


def test_story_page_marks_reprints():
    import dataclasses

    from story_fixtures import story_digest

    digest = story_digest()
    airport = dataclasses.replace(
        digest.stories[1], reprints=(("rs_interfax_airport", "rs_kloop_airport"),)
    )
    digest = dataclasses.replace(digest, stories=(digest.stories[0], airport))
    page = build_pages(digest, settings())[f"stories/{airport.id}.md"]
    assert "(2022-01-05) — reprint of \\[1\\]" in page
    assert "| 3 | 2022-01-05 | [Almaty airport shut down" in page
    assert "(reprint of 1) | Interfax-Ukraine | English |" in page


def test_article_page_links_its_story(story_files):
    pages = story_files[1]
    page = pages["articles/rs_24tv_airport.md"]
    assert (
        "Part of story: [Orda.kz: В Алматы захвачен аэропорт](../stories/s-almaty-airport.md)"
        " — 3 reports · 3 outlets · 3 languages" in page
    )
    assert "Part of story" not in pages[f"articles/{A004}.md"]  # a story of one report


def test_story_links_resolve_and_only_multi_report_stories_get_pages(story_files):
    from story_fixtures import story_digest

    files = build_file_set(story_digest(), settings())
    stories = sorted(p for p in files if p.startswith("stories/"))
    assert stories == ["stories/s-almaty-airport.md", "stories/s-tokayev-csto.md"]
    for path in (p for p in files if p.endswith(".md")):
        for target in LINK.findall(files[path]):
            if target.startswith(("http://", "https://", "#")):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert resolved in files, f"{path}: broken link {target}"
