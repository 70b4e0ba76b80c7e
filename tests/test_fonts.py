"""The site's local font covers every character of its headings, every Kazakh letter first.

The font ships in templates/assets/fonts/ (scripts/subset_fonts.py); the site fetches no web
font. Headings are those of the pages built from the seeds and the multi-language stories.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from factories import settings
from story_fixtures import story_digest

from generator.render.pages import TEMPLATES_DIR, build_pages

ttLib = pytest.importorskip("fontTools.ttLib")

FONTS = TEMPLATES_DIR / "assets" / "fonts"
CSS = TEMPLATES_DIR / "assets" / "digest.css"
KAZAKH = "ӘҒҚҢӨҰҮҺІәғқңөұүһі"
UKRAINIAN = "ҐЄЇґєї"


def _cmap(path: Path) -> set[int]:
    return set(ttLib.TTFont(str(path)).getBestCmap())


@pytest.fixture(scope="module")
def faces() -> dict[str, set[int]]:
    files = sorted(FONTS.glob("*.woff2"))
    assert files, "no font shipped in templates/assets/fonts"
    return {p.name: _cmap(p) for p in files}


def _heading_text(md: str) -> list[str]:
    """The visible text of the page's headings and its front-matter title."""
    out = []
    if md.startswith("---\n"):
        meta = yaml.safe_load(md[4 : md.index("\n---\n", 4)])
        out.append(str(meta.get("title", "")))
    for line in md.splitlines():
        if re.match(r"#{1,6} ", line):
            text = re.sub(r"\]\([^)]*\)", "", line.lstrip("#").strip())
            text = text.replace("\\", "").replace("[", "")
            out.append(html.unescape(text))
    return out


def test_css_uses_the_local_font_and_no_web_font():
    css = CSS.read_text(encoding="utf-8")
    urls = re.findall(r"url\(\"?([^\")]+)\"?\)", css)
    assert urls and all(not u.startswith(("http:", "https:", "//")) for u in urls)
    for u in urls:
        assert (CSS.parent / u).is_file(), u
    assert re.search(r"--md-text-font:\s*\"Digest Sans\"", css)
    mkdocs = yaml.safe_load(
        re.sub(r"!!python\S*|!ENV", "", (TEMPLATES_DIR.parent / "mkdocs.yml").read_text())
    )
    assert mkdocs["theme"]["font"] is False  # no Google Fonts


def test_every_kazakh_letter_is_in_every_face(faces):
    for name, cmap in faces.items():
        missing = [ch for ch in KAZAKH + UKRAINIAN if ord(ch) not in cmap]
        assert not missing, f"{name} lacks {''.join(missing)}"


def test_every_heading_character_is_in_the_font(faces):
    pages = build_pages(story_digest(), settings())
    used: set[str] = set(KAZAKH)
    for md in pages.values():
        for text in _heading_text(md):
            used.update(ch for ch in text if not ch.isspace())
    assert any("\u0400" <= ch <= "\u04ff" for ch in used)  # Cyrillic headings were seen
    for name, cmap in faces.items():
        missing = sorted(ch for ch in used if ord(ch) not in cmap)
        assert not missing, f"{name} lacks {''.join(missing)}"
