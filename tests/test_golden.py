"""Golden pages: a small fixture corpus rendered to Markdown, diffed against committed pages.

The fixture is tests/data/golden/corpus.json (five analysed seed articles and the topics);
the expected output is tests/data/golden/expected/ (every Markdown page, feed.xml and
digest.json, rendered in English and the home page in Russian). After an intended change
to the templates or the page builders, regenerate them on purpose and review the diff:

    UPDATE_GOLDENS=1 .venv/bin/pytest tests/test_golden.py

Charts and the search helper's page snippets are left out (they have their own tests), and
topic overviews come from the fixture, so only rendering changes move these files.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import os
import shutil
from pathlib import Path

import pytest
from factories import settings

from generator.digest import group
from generator.models import Citation, Digest, Topic
from generator.render import page_url
from generator.render.feed import atom_feed
from generator.render.jsonexport import digest_json
from generator.render.pages import build_pages, site_map
from generator.serialize import analysis_from_dict

GOLDEN = Path(__file__).parent / "data" / "golden"
EXPECTED = GOLDEN / "expected"
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"


def golden_digest() -> Digest:
    data = json.loads((GOLDEN / "corpus.json").read_text(encoding="utf-8"))
    topics = [Topic(**t) for t in data["topics"]]
    analyses = [analysis_from_dict(a) for a in data["analyses"]]
    digest = group(analyses, topics, settings())
    overviews = {tid: tuple(Citation(**c) for c in cits) for tid, cits in data["overviews"].items()}
    return dataclasses.replace(
        digest,
        topics=tuple(dataclasses.replace(g, overview=overviews[g.topic.id]) for g in digest.topics),
    )


def rendered() -> dict[str, str]:
    digest = golden_digest()
    out = dict(build_pages(digest, settings()))
    out["ru/index.md"] = build_pages(digest, settings(language="ru"))["index.md"]
    urls = {i: page_url(p) for i, p in site_map(digest).articles.items()}
    out["feed.xml"] = atom_feed(digest, settings(), urls)
    out["digest.json"] = digest_json(digest, settings())
    return out


def test_golden_pages():
    pages = rendered()
    if UPDATE:
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for path, text in pages.items():
            dest = EXPECTED / path
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(text, encoding="utf-8")
        pytest.skip(f"golden pages rewritten in {EXPECTED}; review the diff and commit")
    expected = {
        p.relative_to(EXPECTED).as_posix(): p.read_text(encoding="utf-8")
        for p in EXPECTED.rglob("*")
        if p.is_file()
    }
    assert sorted(pages) == sorted(expected), "page set changed (UPDATE_GOLDENS=1 to accept)"
    diffs = []
    for path in sorted(pages):
        if pages[path] != expected[path]:
            diffs.extend(
                difflib.unified_diff(
                    expected[path].splitlines(),
                    pages[path].splitlines(),
                    f"expected/{path}",
                    f"rendered/{path}",
                    lineterm="",
                    n=1,
                )
            )
    assert not diffs, "\n".join(diffs[:80]) + "\n(UPDATE_GOLDENS=1 to accept on purpose)"
