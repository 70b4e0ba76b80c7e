"""Third-party text never becomes live markup: payloads built through MkDocs, checked on HTML.

The fixture article (tests/factories.py ``payload_analysis`` + tests/data/security/) carries
HTML, <script>, event handlers, javascript:/data: links and images, Jinja, admonitions,
attribute lists, snippet includes, a tags listing marker and front matter in every field.
"""

from __future__ import annotations

import dataclasses
import html
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from factories import TOPICS, payload_analysis, seed_analyses, settings

from generator.digest import group
from generator.models import Citation, Story
from generator.publish import build_site
from generator.render import render_docs
from generator.render.safe import md_text, paragraphs_html, safe_url

PAYLOAD_ID = "999_payloads"
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def _parse(text: str) -> _Collector:
    c = _Collector()
    c.feed(text)
    return c


def _assert_inert(c: _Collector, where: str) -> None:
    for tag, attrs in c.tags:
        for name, value in attrs.items():
            assert not name.lower().startswith("on"), f"{where}: live {name} on <{tag}>"
            if name in ("href", "src", "action", "formaction", "xlink:href") and value:
                assert not value.strip().lower().startswith(BAD_SCHEMES), f"{where}: {value}"
        assert tag not in ("iframe", "object", "embed"), f"{where}: live <{tag}>"
        if tag == "img":
            assert attrs.get("src") != "x", f"{where}: the payload <img> is live"
        classes = (attrs.get("class") or "").split()
        assert "admonition" not in classes, f"{where}: admonition from article text"
    for script in c.scripts:
        assert "alert" not in script, f"{where}: script from the article"


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("payload-site")
    payload = payload_analysis(PAYLOAD_ID)
    digest = group([*seed_analyses(), payload], TOPICS, settings())
    # a story holding the payload article: its title, id and summary are third-party text too
    other = seed_analyses()[4].id
    story = Story(
        id='../../s"<script>alert(1)</script>',
        title=payload.article.title,
        article_ids=(PAYLOAD_ID, other),
        topics=("unrest_2022",),
        summary=(Citation(payload.text.summary[0], PAYLOAD_ID),),
    )
    digest = dataclasses.replace(
        digest, stories=(story,), story_of={PAYLOAD_ID: story.id, other: story.id}
    )
    render_docs(digest, settings(), out / "docs", front_week="2022-W01")
    assert any((out / "docs" / "stories").glob("*.md"))
    build_site(out / "docs", out / "site", settings(), strict=True)
    return out


def test_no_payload_is_live_anywhere_in_the_built_site(payload_site):
    pages = sorted((payload_site / "site").rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        _assert_inert(_parse(page.read_text(encoding="utf-8")), str(page))


def test_payload_article_shows_the_payloads_as_text(payload_site):
    page = payload_site / "site" / "articles" / PAYLOAD_ID / "index.html"
    c = _parse(page.read_text(encoding="utf-8"))
    text = "".join(c.text)
    for literal in [
        '<script>alert("body-script")</script>',
        "{{ config.site_name }}",
        '{% include "/etc/passwd" %}',
        '!!! danger "Admonition injection"',
        '--8<-- "/etc/passwd"',
        "{: #evil .evil onclick=\"alert('attr')\" }",
        "<!-- material/tags -->",
        '[Нажми](javascript:alert("md-link"))',
        "{{ 7*7 }}",
        "«ёлка» и Қазақстан",
    ]:
        assert literal in text, literal
    assert "root:x:0:0" not in text and "site_name:" not in text  # no snippet was included
    scripts = [attrs for tag, attrs in c.tags if tag == "script"]
    normal = _parse(
        (payload_site / "site" / "articles" / seed_analyses()[0].id / "index.html").read_text(
            encoding="utf-8"
        )
    )
    assert len(scripts) == len([t for t, _ in normal.tags if t == "script"])


def test_bad_url_never_becomes_a_link(payload_site):
    page = (payload_site / "site" / "articles" / PAYLOAD_ID / "index.html").read_text("utf-8")
    assert "document.cookie" not in page


def test_payload_slugs_and_files_stay_inside_docs(payload_site):
    docs = (payload_site / "docs").resolve()
    for p in docs.rglob("*"):
        assert docs in p.resolve().parents
    assert not (payload_site / "etc").exists()
    names = [p.name for p in (payload_site / "docs" / "sources").iterdir()]
    assert "img-src-x-onerror-alert-src.md" in names


def test_front_matter_in_a_title_does_not_leak_into_the_page_front_matter(tmp_path):
    a = payload_analysis(PAYLOAD_ID)
    a = dataclasses.replace(
        a, article=dataclasses.replace(a.article, title="Title\n---\nhide: [navigation]\n---")
    )
    digest = group([a], TOPICS, settings())
    render_docs(digest, settings(), tmp_path / "docs")
    text = (tmp_path / "docs" / "articles" / f"{PAYLOAD_ID}.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text[4 : text.index("\n---\n", 4)])
    assert set(front) == {"title", "tags"}
    assert front["title"] == "Title --- hide: navigation ---"


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2Zz4=)",
        "<javascript:alert(1)>",
        "**bold** _em_ `code`",
        "# heading",
        "1. item",
        "- item",
        "| a | b |",
        "{: onclick=alert(1) }",
        "&lt;script&gt;",
        "&#60;script&#62;",
        "Текст\u202eреверс\u200b",
    ],
)
def test_md_text_renders_as_exactly_the_original_text(payload):
    """Through Python-Markdown with the site's extensions, escaped text is only text."""
    md = markdown.Markdown(extensions=["tables", "md_in_html", "toc", "attr_list"])
    out = md.convert(f"Before {md_text(payload)} after\n\n{md_text(payload)}")
    c = _parse(out)
    assert [t for t, _ in c.tags] == ["p", "p"]
    expected = payload.replace("\u202e", "").replace("\u200b", "")
    assert "".join(c.text) == f"Before {expected} after\n{expected}"


def test_article_text_block_is_escaped_html():
    block = paragraphs_html("<b onmouseover=x>a</b>\n\n{{ x }}", "uk")
    assert block.startswith('<div class="digest-text" lang="uk">')
    assert html.unescape(block).count("<b onmouseover=x>") == 1
    assert "<b " not in block


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://tass.ru/politika/1", True),
        ("http://example.org/a?b=1&c=2", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html,<script>", False),
        ("vbscript:x", False),
        ("//evil.example/x", False),
        ("https://", False),
        ('https://a.b/"onmouseover="x', False),
        ("https://a.b/\nx", False),
        ("ftp://a.b/x", False),
        ("", False),
    ],
)
def test_only_http_urls_are_links(url, ok):
    assert (safe_url(url) is not None) is ok


def test_docs_written_for_a_payload_title_slug(tmp_path: Path):
    a = payload_analysis("../../etc/passwd")
    digest = group([a], TOPICS, settings())
    written = render_docs(digest, settings(), tmp_path / "docs")
    assert "articles/etc-passwd.md" in written
    assert not (tmp_path / "etc").exists()
