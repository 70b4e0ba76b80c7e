"""Yearly archive pages: one page per ISO year (its weeks, its top stories), a short weeks
index (the years, then the newest year's weeks); the navigation does not grow with them."""

from __future__ import annotations

import datetime as dt
import posixpath
import re

import pytest
from factories import TOPICS, seed_analyses, seed_digest, settings, synthetic_analyses

from generator.digest import group
from generator.publish import navigation
from generator.render.pages import build_pages, load_labels, site_map

LINK = re.compile(r"\]\(([^)#\s]+\.md)\)")


@pytest.fixture(scope="module")
def seeds():
    digest = seed_digest()
    return digest, build_pages(digest, settings())


@pytest.fixture(scope="module")
def years_apart():
    """The seeds recombined over three ISO years (2021, 2022, 2023)."""
    analyses = (
        *synthetic_analyses(20, start=dt.date(2021, 3, 1)),
        *_renamed(synthetic_analyses(20, start=dt.date(2022, 5, 2)), "t"),
        *_renamed(synthetic_analyses(30, start=dt.date(2023, 2, 6)), "u"),
    )
    digest = group(analyses, TOPICS, settings())
    return digest, build_pages(digest, settings())


def _renamed(analyses, prefix):
    from dataclasses import replace

    return tuple(replace(a, article=replace(a.article, id=prefix + a.id)) for a in analyses)


def _links(pages: dict[str, str], page: str) -> list[str]:
    """The .md targets a page links to, relative to docs/."""
    base = posixpath.dirname(page)
    return [posixpath.normpath(posixpath.join(base, t)) for t in LINK.findall(pages[page])]


def _weeks_of_year(digest, year: str) -> set[str]:
    return {w.week for w in digest.weeks if w.week.startswith(year)}


def test_the_seeds_have_a_page_for_2022_and_for_2025(seeds):
    digest, pages = seeds
    years = sorted(p for p in pages if p.startswith("years/"))
    assert years == ["years/2022.md", "years/2025.md"]
    smap = site_map(digest)
    for year in ("2022", "2025"):
        page = f"years/{year}.md"
        assert pages[page].startswith('---\ntitle: "Year ' + year + '"')
        linked = {p for p in _links(pages, page) if re.match(r"weeks/\d", p)}
        assert linked == {smap.weeks[w] for w in _weeks_of_year(digest, year)}
    # 2022 has two ISO weeks (W01, W02), 2025 one (W48); the undated seed is in neither
    assert "2022-W01" in pages["years/2022.md"] and "2022-W02" in pages["years/2022.md"]
    assert "2025-W48" in pages["years/2025.md"] and "2022-W" not in pages["years/2025.md"]


def test_a_year_page_counts_and_lists_only_its_own_articles(seeds):
    digest, pages = seeds
    smap = site_map(digest)
    for year in ("2022", "2025"):
        page = f"years/{year}.md"
        ids = {i for w in digest.weeks if w.week.startswith(year) for i in w.article_ids}
        assert f"Articles: **{len(ids)}**" in pages[page]
        top = pages[page].split("## Top stories of the year", 1)[1].split("## Weeks", 1)[0]
        assert top.count("\n- ") >= 1
        reports = {smap.articles[i] for i in ids}
        stories = {smap.stories[s.id] for s in digest.stories if s.id in smap.stories}
        for target in _links({page: top}, page):
            if target.startswith("articles/"):
                assert target in reports, (year, target)
            elif target.startswith("stories/"):
                assert target in stories
    # the 2025 page names no 2022 article, and the other way round
    only_2025 = next(a for a in seed_analyses() if a.article.date == dt.date(2025, 11, 24))
    assert smap.articles[only_2025.id].split("/")[1] not in pages["years/2022.md"]


def test_years_link_to_each_other_and_to_the_archive(seeds):
    _, pages = seeds
    assert "[2025](2025.md) →" in pages["years/2022.md"]
    assert "← [2022](2022.md)" in pages["years/2025.md"]
    for year in ("2022", "2025"):
        assert "weeks/index.md" in _links(pages, f"years/{year}.md")


def test_every_link_of_the_archive_pages_resolves(years_apart):
    _, pages = years_apart
    archive = ["weeks/index.md", *(p for p in pages if p.startswith("years/"))]
    for page in archive:
        for target in _links(pages, page):
            assert target in pages, (page, target)


def test_the_weeks_index_lists_the_years_and_the_newest_years_weeks_only(years_apart):
    digest, pages = years_apart
    years = sorted({w.week[:4] for w in digest.weeks}, reverse=True)
    assert years == ["2023", "2022", "2021"]
    index = pages["weeks/index.md"]
    linked_years = [p for p in _links(pages, "weeks/index.md") if p.startswith("years/")]
    assert linked_years[:3] == ["years/2023.md", "years/2022.md", "years/2021.md"]
    linked_weeks = {p for p in _links(pages, "weeks/index.md") if re.match(r"weeks/\d", p)}
    smap = site_map(digest)
    assert linked_weeks == {smap.weeks[w] for w in _weeks_of_year(digest, "2023")}
    assert len(linked_weeks) < len(digest.weeks)  # the index does not grow with every week
    # the year rows add up to every dated article
    rows = re.findall(r"^\| \[(\d{4})\]\([^)]*\) \| (\d+) \| (\d+) \|", index, re.M)
    assert {y for y, _, _ in rows} == set(years)
    assert sum(int(n) for _, _, n in rows) == sum(len(w.article_ids) for w in digest.weeks)
    for y, weeks, _ in rows:
        assert int(weeks) == len(_weeks_of_year(digest, y))


def test_every_week_is_on_exactly_one_year_page(years_apart):
    digest, pages = years_apart
    smap = site_map(digest)
    seen: dict[str, str] = {}
    for page in (p for p in pages if p.startswith("years/")):
        for target in _links(pages, page):
            if re.match(r"weeks/\d", target):
                assert target not in seen, (target, page, seen.get(target))
                seen[target] = page
    assert set(seen) == set(smap.weeks.values())


def test_a_week_page_links_to_its_year(years_apart):
    digest, pages = years_apart
    smap = site_map(digest)
    for w in digest.weeks[:3] + digest.weeks[-3:]:
        assert smap.years[w.week[:4]] in _links(pages, smap.weeks[w.week])


def test_year_pages_in_russian(seeds):
    digest, _ = seeds
    pages = build_pages(digest, settings(language="ru"))
    labels = load_labels("ru")
    assert f"# {labels['year']} 2022" in pages["years/2022.md"]
    assert f"## {labels['top_stories_year']}" in pages["years/2022.md"]
    assert f"## {labels['years']}" in pages["weeks/index.md"]


def test_the_navigation_lists_no_year_so_a_new_year_leaves_it_unchanged(tmp_path, seeds):
    """The years are reached from the archive's index (above), not from the navigation: a
    weekly run that opens a year changes no page's navigation (MkDocs' template cache)."""
    _, pages = seeds
    for path, text in pages.items():
        dest = tmp_path / path
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")
    labels = load_labels("en")
    nav = navigation(tmp_path, labels)
    archive = next(item[labels["archive"]] for item in nav if labels["archive"] in item)
    assert archive == ["weeks/index.md", {labels["timeline"]: "timeline.md"}]
    assert "years/2025.md" in pages and "years/2025.md" in pages["weeks/index.md"]
    (tmp_path / "years" / "2026.md").write_text(pages["years/2025.md"], encoding="utf-8")
    assert navigation(tmp_path, labels) == nav
