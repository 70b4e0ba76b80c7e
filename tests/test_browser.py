"""The built site in headless Chromium: home, topic, article, and search for inflected words.

The site is built from the seeds (``generator.pipeline.build`` into a temp folder) and served
by ``http.server`` on 127.0.0.1 (a free port, a thread, shut down after). A second build with
``offline=True`` is opened from disk (``file://``) to check search there too. Screenshots go
to ``test-artifacts/`` (git-ignored). Skipped when Debian's ``/usr/bin/chromium`` (or the
playwright package) is missing.

Queries are typed with the keyboard: Playwright enters Cyrillic with ``insertText`` (an
``input`` event, no ``keyup``), just like paste or a phone keyboard; Material searches only
on ``keyup``, and ``digest-search.js`` bridges the two, so that is tested too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from localserver import serve_folder

from generator.render import search

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
SEARCH_INPUT = "input[data-md-component=search-query]"
RESULT_LINKS = ".md-search-result__item > a"
TIMEOUT_MS = 15_000

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")


@pytest.fixture(scope="module")
def digest(settings):
    from generator.pipeline import prepare_digest

    return prepare_digest(settings)


@pytest.fixture(scope="module")
def built(settings, tmp_path_factory) -> Path:
    from generator.pipeline import build

    out = tmp_path_factory.mktemp("browser-site")
    build(settings, out=out, briefs=False, log=lambda _msg: None)
    return out


@pytest.fixture(scope="module")
def base_url(built: Path) -> Iterator[str]:
    with serve_folder(built / "site") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def shot(pg, name: str, full_page: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    # (animations finished: a tab bar caught fading in made the same page a different picture)
    pg.screenshot(path=str(ARTIFACTS / name), full_page=full_page, animations="disabled")


RENDER_POLLS = 20  # reads of the result list, 300 ms apart, until two agree


def run_search(pg, query: str) -> list[str]:
    """Type ``query`` into Material's search box; return the result links (page paths)."""
    box = pg.locator(SEARCH_INPUT)
    box.click()
    box.fill("")
    pg.keyboard.type(query)
    pg.wait_for_function(
        "q => window.__digestSearchTransform && document.querySelector("
        "'.md-search-result__meta').textContent.trim() !== ''"
        " && !/Type to start/.test(document.querySelector('.md-search-result__meta')"
        ".textContent)",
        arg=query,
    )
    # let the last result list render: the same links read twice in a row (one wait of
    # 300 ms was too short on a loaded machine: a facet counted a result not yet listed)
    links = None
    for _ in range(RENDER_POLLS):
        pg.wait_for_timeout(300)
        now = pg.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)")
        if now == links:
            break
        links = now
    return now


def article_ids(hrefs: list[str]) -> set[str]:
    out = set()
    for h in hrefs:
        parts = h.split("?")[0].split("#")[0].rstrip("/").removesuffix(".html").split("/")
        if len(parts) >= 2 and parts[-2] == "articles":
            out.add(parts[-1])
    return out


def expected_articles(built: Path, query: str, digest) -> set[str]:
    """Article pages whose full text has some inflected form of the query's lemma (from the
    data). The index holds titles and summaries only; a form deeper in the text is reached
    through the concept words (glossary, entities) the index entry carries."""
    data = search.read_search_data(built / "site")
    assert data is not None
    lemma = search.query_terms(query, data)[0]  # English concept words may follow
    forms = {f for f, lem in data["forms"].items() if lem == lemma} | {lemma}
    return {
        a.id
        for a in digest.analyses
        if forms & set(search.split_words(f"{a.article.title} {a.article.body}"))
    }


def test_home_lists_the_topics(page, base_url, digest):
    page.goto(base_url)
    content = page.locator(".md-content").inner_text()
    titles = [t.topic.title_en for t in digest.topics]
    assert len(titles) == 3
    for title in titles:
        assert title in content, f"topic {title!r} is not on the home page"
    shot(page, "home.png")


def test_click_through_topic_and_article(page, base_url, digest):
    topic = digest.topics[0]
    page.goto(base_url)
    page.locator(".md-content a", has_text=topic.topic.title_en).first.click()
    page.wait_for_url(f"**/topics/{topic.topic.id}/**")
    assert topic.topic.title_en in page.locator(".md-content h1").inner_text()
    by_id = digest.by_id()
    first = by_id[topic.article_ids[0]]
    page.locator(".md-content a", has_text=first.article.title).first.click()
    page.wait_for_url(f"**/articles/{first.id}/**")
    assert first.article.title in page.locator(".md-content h1").inner_text()
    shot(page, "article.png")


WORKER_SEARCH_JS = """async (query) => {
  const config = JSON.parse(document.querySelector('#__config').textContent);
  const base = new URL(config.base, location.href);
  const index = await (await fetch(new URL('search/search_index.json', base))).json();
  // Material's own worker; our script has hooked Worker.prototype.postMessage
  const worker = new Worker(new URL(config.search, base));
  const reply = () => new Promise(ok => worker.addEventListener('message', e => ok(e.data),
                                                                {once: true}));
  worker.postMessage({type: 0, data: {config: index.config, docs: index.docs,
                                      options: {suggest: false}}});
  await reply();
  worker.postMessage({type: 2, data: query});
  const result = await reply();
  worker.terminate();
  return result.data.items.map(group => new URL(group[0].location, base).href);
}"""


@pytest.mark.parametrize(
    "query",
    ["Казахстана", "миротворців", "нефти", "миротворцы", "Қазақстанның", "«Казахстану»"],
)
def test_search_finds_inflected_forms(page, base_url, built, digest, query):
    expected = expected_articles(built, query, digest)
    assert expected, f"no article has a form of {query!r}: the seeds changed?"
    page.goto(base_url)
    shown = run_search(page, query)  # the UI lists the best results first, 10 at a time
    assert article_ids(shown) & expected, f"{query!r}: no expected article among {shown}"
    meta = page.locator(".md-search-result__meta").inner_text()
    assert int(meta.split()[0]) >= len(expected), meta
    if query in ("Казахстана", "миротворців"):
        shot(page, f"search-{query}.png")
    # every result, from Material's worker with the page's query hook
    found = article_ids(page.evaluate(WORKER_SEARCH_JS, query))
    assert expected <= found, f"{query!r}: expected articles {expected}, got {found}"


@pytest.fixture(scope="module")
def offline_site(settings, tmp_path_factory) -> Path:
    from generator.pipeline import build

    out = tmp_path_factory.mktemp("browser-offline")
    build(settings, out=out, briefs=False, offline=True, log=lambda _msg: None)
    return out


def test_search_works_from_disk(page, offline_site, digest):
    """The ``--offline`` build opened as file://: Material's iframe worker plus our hook."""
    index = offline_site / "site" / "index.html"
    assert (offline_site / "site" / "search" / "search_index.js").is_file()
    page.goto(index.as_uri())
    expected = expected_articles(offline_site, "миротворцы", digest)
    found = article_ids(run_search(page, "миротворцы"))
    assert expected <= found, f"offline: expected {expected}, got {found}"
    shot(page, "offline-search.png")
    # the English query and a facet work from disk too
    docs = index_docs(offline_site)
    found = article_ids(run_search(page, "oil"))
    assert {"ru", "kk"} <= {docs[i]["facets"]["language"] for i in found}
    page.select_option("select[data-facet=language]", "kk")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.md-search-result__item > a')].length === 1"
    )
    (only,) = article_ids(page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)"))
    assert docs[only]["facets"]["language"] == "kk"


def test_browser_query_rewrite_mirrors_python(page, base_url, built):
    """digest-search.js and search.query_terms turn queries into the same terms."""
    data = search.read_search_data(built / "site")
    queries = [
        "Казахстана",
        "«миротворців»",
        "ЕЩЁ нефти",
        "Қазақстанның елдеріміздің",
        "миротворцами",
        "З’являються",
        "Интерфакс-Україна",
        "нефти протестах",
        "акции протеста ОДКБ",
        "oil",
    ]
    page.goto(base_url)
    page.wait_for_function("() => window.__digestSearch && window.__digestSearchTransform")
    for query in queries:
        in_browser = page.evaluate("q => window.__digestSearchTransform(q)", query)
        assert in_browser == " ".join(search.query_terms(query, data)), query


# ---------------------------------------------------------------- search: English, facets


def index_docs(built: Path) -> dict[str, dict]:
    """Article id -> its search index entry."""
    import json

    index = json.loads((built / "site" / "search" / "search_index.json").read_text("utf-8"))
    return {d["location"].split("/")[1]: d for d in index["docs"]}


def shown_results(pg) -> list[str]:
    return pg.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)")


@pytest.mark.parametrize(("query", "languages"), [("oil", {"ru", "kk"}), ("protest", {"ru", "uk"})])
def test_english_query_finds_russian_ukrainian_kazakh_articles(
    page, base_url, built, query, languages
):
    docs = index_docs(built)
    page.goto(base_url)
    shown = run_search(page, query)
    found = article_ids(shown)
    assert languages <= {docs[i]["facets"]["language"] for i in found}, found
    assert len(found) == len(shown), "a result that is not an article page"
    meta = page.locator(".md-search-result__meta").inner_text()
    assert meta == f"{len(found)} matching articles", meta
    # previews are the summaries, not the page's furniture
    previews = page.locator(".md-search-result__article p").all_inner_texts()
    assert previews and not any(
        w in p for p in previews for w in ("Details", "Source", "(score")
    ), previews
    if query == "oil":
        shot(page, "search-english-oil.png")


def _options(pg, facet: str) -> list[tuple[str, int]]:
    """(value, count) of a facet's filter, without the "All" entry."""
    import re

    opts = pg.eval_on_selector_all(
        f"select[data-facet={facet}] option", "els => els.map(e => [e.value, e.textContent])"
    )
    out = []
    for value, text in opts:
        if value:
            m = re.search(r"\((\d+)\)$", text)
            assert m, f"{facet} option without a count: {text!r}"
            out.append((value, int(m.group(1))))
    return out


@pytest.mark.parametrize("facet", ["topic", "language", "outlet", "week"])
def test_each_facet_filters_the_results(page, base_url, built, facet):
    docs = index_docs(built)
    page.goto(base_url)
    everything = article_ids(run_search(page, "Казахстан"))
    assert len(everything) >= 4, everything
    options = _options(page, facet)
    assert len(options) >= 2, f"{facet}: one value only, nothing to filter: {options}"
    for value, count in options:
        has = {
            i
            for i in everything
            if value in (docs[i]["facets"].get(facet) or [])
            or docs[i]["facets"].get(facet) == value
        }
        assert count == len(has), (facet, value, count, has)
    value, count = min(options, key=lambda vc: (vc[1], vc[0]))
    assert count < len(everything)
    page.select_option(f"select[data-facet={facet}]", value)
    page.wait_for_function(
        "n => document.querySelectorAll('.md-search-result__item > a').length === n", arg=count
    )
    found = article_ids(shown_results(page))
    assert len(found) == count
    for i in found:
        have = docs[i]["facets"].get(facet)
        assert value == have or value in (have or []), (facet, value, i, have)
    meta = page.locator(".md-search-result__meta").inner_text()
    assert meta.startswith(str(count)) and "matching article" in meta, meta
    shot(page, f"search-facet-{facet}.png")
    # back to all values: every result again
    page.select_option(f"select[data-facet={facet}]", "")
    page.wait_for_function(
        "n => document.querySelectorAll('.md-search-result__item > a').length === n",
        arg=len(everything),
    )


# ---------------------------------------------------------------- stories


@pytest.fixture(scope="module")
def story_site(settings, tmp_path_factory) -> tuple[object, Path]:
    """The hand-built digest with two three-language stories (tests/story_fixtures.py),
    rendered with 2022-W01 on the home page and built by MkDocs."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from story_fixtures import story_digest

    from generator.publish import build_site
    from generator.render import render_docs

    out = tmp_path_factory.mktemp("browser-stories")
    digest = story_digest()
    render_docs(digest, settings, out / "docs", front_week="2022-W01")
    build_site(out / "docs", out / "site", settings, strict=True)
    return digest, out


@pytest.fixture(scope="module")
def story_url(story_site) -> Iterator[str]:
    with serve_folder(story_site[1] / "site") as url:
        yield url


def test_open_a_story_page_from_the_home_page(page, story_url, story_site):
    digest = story_site[0]
    story = digest.stories[0]
    page.goto(story_url)
    top = page.locator(".md-content .digest-story").first
    assert "3 reports · 3 outlets · 3 languages" in top.inner_text()
    shot(page, "home-stories.png", full_page=True)
    # no article is shown twice on the home page: each belongs to one story card or line
    blocks = page.eval_on_selector_all(
        ".md-content .digest-story, .md-content li",
        "els => els.filter(e => !e.closest('.digest-story') || e.matches('.digest-story'))"
        ".map(e => [...e.querySelectorAll('a[href*=\"articles/\"]')].map(a => a.href))",
    )
    seen: list[str] = [h for block in blocks for h in set(block)]
    assert len(seen) >= 7 and len(seen) == len(set(seen)), seen
    top.locator("h4 a", has_text=story.title).click()
    page.wait_for_url(f"**/stories/{story.id}/**")
    content = page.locator(".md-content")
    assert story.title in content.locator("h1").inner_text()
    text = content.inner_text()
    for heading in ("Summary", "First report", "Coverage by language and outlet", "Timeline"):
        assert heading in text
    for language in ("Russian", "Ukrainian", "English"):
        assert content.locator("h3", has_text=language).count() == 1
    # the [n] citations of the summary link to the report pages
    cite = content.locator("li a", has_text="[2]").first
    cite.click()
    page.wait_for_url("**/articles/**")
    assert "Part of story" in page.locator(".md-content").inner_text()
    page.go_back()
    page.wait_for_url(f"**/stories/{story.id}/**")
    shot(page, "story.png", full_page=True)


def test_week_page_lists_stories(page, story_url):
    page.goto(story_url + "weeks/2022-w01/")
    cards = page.locator(".md-content .digest-story")
    assert cards.count() == 3  # two three-report stories and one single report
    shot(page, "week-stories.png", full_page=True)
