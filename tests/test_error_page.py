"""The 404 page is styled wherever the site is served: at the server root and under the
path of ``site_url`` (/digest/), as a static host serves it for any missing address.

A site is built from the multi-language stories (render_docs + build_site) and served by
``http.server`` twice: at the root and under /digest/; a missing address answers 404 with
site/404.html, like GitHub Pages. Headless Chromium loads it and checks that Material's and
the digest's stylesheets applied and that the navigation leads into the site. Screenshots of
the 404 page, a source page and a story page go to test-artifacts/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from factories import settings
from localserver import QuietFileHandler, serve_folder
from story_fixtures import story_digest

from generator.render.errorpage import portable_error_page

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
PREFIX = "/digest"  # the path of site_url in digest.yml / factories.settings()


def test_error_page_urls_become_relative_to_a_chosen_root():
    page = (
        '<html><head><meta charset="utf-8"><link href="/digest/assets/main.css" rel="stylesheet">'
        '<script>__md_scope=new URL("/digest/",location)</script></head><body>'
        '<a href="/digest/">Home</a><a href="/digest/topics/">Topics</a><a href="/other/">x</a>'
        '<script id="__config" type="application/json">{"base": "/digest/"}</script>'
        '<script src="/digest/assets/javascripts/bundle.1.min.js"></script></body></html>'
    )
    out = portable_error_page(page, "https://example.org/digest/")
    assert 'href="assets/main.css"' in out and 'href="topics/"' in out
    assert 'href="./"' in out and 'href="/other/"' in out  # foreign paths untouched
    assert not re.search(r'(href|src)="/digest/', out)
    assert out.index("data-digest-root") < out.index("assets/main.css")  # <base> first
    assert out.index("window.__digestRoot;") < out.index("bundle.1.min.js")
    assert portable_error_page(out, "https://example.org/digest/") == out  # idempotent


if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from generator.publish import build_site
    from generator.render import render_docs

    out = tmp_path_factory.mktemp("error-page-site")
    render_docs(story_digest(), settings(), out / "docs")
    build_site(out / "docs", out / "site", settings())
    return out / "site"


class _Handler(QuietFileHandler):
    """Serves the site under ``prefix``; any missing address gets 404.html (status 404)."""

    prefix = ""

    def translate_path(self, path: str) -> str:
        if self.prefix:
            if not path.startswith(self.prefix + "/"):
                return str(Path(self.directory) / "\0missing")
            path = path[len(self.prefix) :]
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _serve(site: Path, prefix: str) -> Iterator[str]:
    with serve_folder(site, type("H", (_Handler,), {"prefix": prefix}), prefix) as url:
        yield url


@pytest.fixture(scope="module")
def at_root(site: Path) -> Iterator[str]:
    yield from _serve(site, "")


@pytest.fixture(scope="module")
def in_subfolder(site: Path) -> Iterator[str]:
    yield from _serve(site, PREFIX)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    failed: list[str] = []
    pg.on("requestfailed", lambda r: failed.append(r.url))
    pg.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    pg.failed = failed  # type: ignore[attr-defined]
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def _shot(pg, name: str, full_page: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    # (animations finished: a tab bar caught fading in made the same page a different picture)
    pg.screenshot(path=str(ARTIFACTS / name), full_page=full_page, animations="disabled")


def _check_styled(pg, root: str) -> None:
    """Material's and the digest's CSS applied; assets all loaded; nav leads into the site."""
    header = pg.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
    assert header not in ("rgba(0, 0, 0, 0)", "transparent"), header
    family = pg.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Digest Sans" in family  # digest.css (the local font) applied
    assert pg.locator("h1").first.inner_text().strip() == "404 - Not found"
    tabs = pg.eval_on_selector_all(".md-tabs__link", "els => els.map(e => e.href)")
    assert root + "topics/" in tabs, tabs
    missing = [u for u in pg.failed if u.startswith(root) and "/no/such/" not in u]
    assert not missing, f"assets missing on the 404 page: {missing}"


def test_404_is_styled_at_the_server_root(page, at_root):
    response = page.goto(at_root + "no/such/page/")
    assert response.status == 404
    page.wait_for_load_state("networkidle")
    _check_styled(page, at_root)
    _shot(page, "404-root.png")


def test_404_is_styled_under_the_site_path(page, in_subfolder):
    response = page.goto(in_subfolder + "no/such/deep/page/")
    assert response.status == 404
    page.wait_for_load_state("networkidle")
    _check_styled(page, in_subfolder)
    page.click(".md-tabs__link >> text=Topics")
    page.wait_for_url(in_subfolder + "topics/")
    assert page.locator("h1").first.inner_text().startswith("Topics")


def test_source_and_story_pages_show_outlet_profiles(page, at_root, site):
    page.goto(at_root + quote("sources/тасс/"))
    assert page.locator("text=state-owned (Russia)").count() == 1
    assert page.locator('a[href="https://en.wikipedia.org/wiki/TASS"]').count() == 1
    _shot(page, "source-page.png", full_page=True)
    story = next(p for p in (site / "stories").iterdir() if "airport" in p.name)
    page.goto(at_root + f"stories/{story.name}/")
    table = page.locator("h2:has-text('Coverage by outlet country') ~ div table").first
    assert "Kyrgyzstan" in table.inner_text() and "no outlet profile" in table.inner_text()
    feeds = page.eval_on_selector_all(
        "link[rel~=alternate][type='application/atom+xml']", "els => els.map(e => e.href)"
    )
    assert at_root + f"feeds/stories/{story.name}.xml" in feeds
    assert page.request.get(feeds[-1]).ok
    # instant navigation took no feed for a language version (no sitemap.xml under feeds/)
    page.wait_for_load_state("networkidle")
    assert not [u for u in page.failed if u.startswith(at_root)], page.failed
    _shot(page, "story-page.png", full_page=True)


def test_kazakh_heading_renders_in_the_local_font(page, at_root, site):
    """The light h1 of a Kazakh article is set in the shipped font, which has Ғ Қ Ң Ұ."""
    kazakh = next(
        p.name
        for p in (site / "articles").iterdir()
        if "Қ" in (p / "index.html").read_text(encoding="utf-8").split("<h1", 1)[1][:400]
    )
    page.goto(at_root + f"articles/{kazakh}/")
    page.wait_for_load_state("networkidle")
    family = page.eval_on_selector("h1", "e => getComputedStyle(e).fontFamily")
    assert family.startswith('"Digest Sans"'), family
    assert page.evaluate(
        "async () => { await document.fonts.ready;"
        " return document.fonts.check('300 32px \"Digest Sans\"', 'ӘҒҚҢӨҰҮҺІ'); }"
    )
    _shot(page, "kazakh-heading.png")
