"""An unchanged rebuild renders no page; a changed article, setting or template does."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

import generator.render as render
from generator.pipeline import build
from generator.render import state
from generator.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent


def _times(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def project(tmp_path, monkeypatch):
    """Settings over a copy of the seeds, a private cache, and a count of renders."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    s = load_settings(ROOT / "digest.yml")
    s = replace(s, corpus=str(corpus), output=replace(s.output, cache=str(tmp_path / "cache")))
    calls: list[int] = []
    real = render.render_docs

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(render, "render_docs", counted)
    return s, corpus, calls, tmp_path / "out"


def _build(s, out: Path):
    return build(s, out=out, site=False, briefs=False, log=lambda m: None)


def test_an_unchanged_rebuild_writes_no_page_and_changed_inputs_render_again(
    project, tmp_path, monkeypatch
):
    s, corpus, calls, out = project
    first = _build(s, out)
    docs = out / "docs"
    before = _times(docs)
    assert len(calls) == 1 and first.pages > 10

    again = _build(s, out)  # analyses from the cache now: other objects, same values
    assert len(calls) == 1  # nothing rendered
    assert _times(docs) == before  # no file written, file times kept
    assert again.pages == first.pages

    # a setting the pages show
    titled = replace(s, site=replace(s.site, description="Kazakhstan energy watch"))
    _build(titled, out)
    assert len(calls) == 2
    assert "Kazakhstan energy watch" in (docs / "feed.xml").read_text(encoding="utf-8")
    _build(titled, out)
    assert len(calls) == 2

    # one article's title edited in the corpus
    path = sorted(corpus.glob("*.md"))[0]
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    path.write_text(text.replace(title, title + " (updated)", 1), encoding="utf-8")
    _build(titled, out)
    assert len(calls) == 3
    pages = [p.read_text(encoding="utf-8") for p in (docs / "articles").rglob("*.md")]
    assert any("(updated)" in p for p in pages)

    # a hand edit of docs/ is put right by the next build
    index = docs / "index.md"
    rendered = index.read_bytes()
    index.write_bytes(rendered + b"\nedited by hand\n")
    _build(titled, out)
    assert len(calls) == 4 and index.read_bytes() == rendered

    # the templates: a copy with the same bytes keeps the key, an edited one does not
    templates = tmp_path / "tpl" / "templates"
    shutil.copytree(state.TEMPLATES_DIR, templates)
    monkeypatch.setattr(state, "TEMPLATES_DIR", templates)
    _build(titled, out)
    assert len(calls) == 4
    css = sorted(templates.rglob("*.css"))[0]
    css.write_text(css.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")
    _build(titled, out)
    assert len(calls) == 5


def test_a_rebuild_without_the_cache_always_renders(project):
    s, _corpus, calls, out = project
    _build(s, out)
    build(s, out=out, site=False, briefs=False, use_cache=False, log=lambda m: None)
    assert len(calls) == 2
