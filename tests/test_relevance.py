"""The relevance filter: off-topic articles stay in the corpus but off the site."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import yaml

from generator.ingest import ingest_paths, load_ingest_context
from generator.pipeline import build
from generator.relevance import WHY_NO_TOPIC, select_relevant
from generator.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
OFF_TOPIC = ROOT / "tests" / "data" / "relevance" / "ru_moscowtimes_grain_harvest.txt"


def _corpus(tmp_path: Path, settings) -> tuple[Path, str]:
    """The seeds plus one real off-topic report (Kazakhstan's grain harvest, Reuters/MT)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus, ignore=shutil.ignore_patterns("raw"))
    report = ingest_paths([OFF_TOPIC], corpus, load_ingest_context(settings))
    assert not [p for p in report.problems if p.severity == "error"], report.problems
    [added] = report.added
    return corpus, Path(added).stem


def _settings(tmp_path: Path, **output):
    s = load_settings(ROOT / "digest.yml")
    return replace(s, output=replace(s.output, cache=str(tmp_path / "cache"), **output))


def test_off_topic_article_is_kept_aside_with_the_reason(tmp_path):
    settings = _settings(tmp_path)
    corpus, off_id = _corpus(tmp_path, settings)
    out = tmp_path / "out"
    report = build(settings, corpus=corpus, out=out, site=False, briefs=False, log=lambda m: 0)
    assert [r.id for r in report.rejected] == [off_id]
    index = json.loads((out / "rejected.json").read_text(encoding="utf-8"))
    assert index["count"] == 1
    [entry] = index["articles"]
    assert entry["id"] == off_id and entry["why"] == WHY_NO_TOPIC
    assert "зерна" in entry["title"] or "Казахстан" in entry["title"]
    published = json.loads((out / "docs" / "digest.json").read_text(encoding="utf-8"))
    ids = {a["article"]["id"] for a in published["articles"]}
    assert off_id not in ids and len(ids) == 5
    assert not list((out / "docs").rglob(f"*{off_id}*"))
    assert "1 off-topic" in report.summary_line()


def test_a_taxonomy_change_readmits_without_refetching(tmp_path):
    """A new topic that covers the rejected article publishes it on the next build."""
    settings = _settings(tmp_path)
    corpus, off_id = _corpus(tmp_path, settings)
    build(settings, corpus=corpus, out=tmp_path / "a", site=False, briefs=False, log=lambda m: 0)
    data = yaml.safe_load((ROOT / "config" / "topics.yml").read_text(encoding="utf-8"))
    data["topics"].append(
        {
            "id": "grain",
            "title": {"en": "Grain harvest", "ru": "Урожай зерна"},
            "description": "Kazakhstan's grain harvest and exports.",
            "threshold": 4,
            "terms": [{"weight": 2, "ru": ["зерно", "пшеница", "урожай"]}],
        }
    )
    (tmp_path / "topics.yml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    wider = replace(settings, taxonomy=str(tmp_path / "topics.yml"))
    report = build(wider, corpus=corpus, out=tmp_path / "b", site=False, briefs=False)
    assert report.rejected == () and report.cache_misses == 0  # nothing analysed again
    published = json.loads((tmp_path / "b" / "docs" / "digest.json").read_text("utf-8"))
    assert off_id in {a["article"]["id"] for a in published["articles"]}


def test_the_filter_can_be_turned_off(tmp_path):
    settings = _settings(tmp_path, relevant_only=False)
    corpus, off_id = _corpus(tmp_path, settings)
    report = build(settings, corpus=corpus, out=tmp_path / "o", site=False, briefs=False)
    assert report.rejected == ()
    published = json.loads((tmp_path / "o" / "docs" / "digest.json").read_text("utf-8"))
    assert off_id in {a["article"]["id"] for a in published["articles"]}


def test_a_story_with_an_on_topic_report_keeps_its_off_topic_follow_up(seed_articles):
    """Story membership admits a report that scores no topic itself."""
    from generator.analyse import analyse, load_context

    ctx = load_context(load_settings(ROOT / "digest.yml"))
    on = analyse(sorted(seed_articles.values(), key=lambda a: a.id)[0], ctx)
    assert on.topics
    off = replace(on, article=replace(on.article, id="follow-up"), topics=())
    lone = replace(off, article=replace(off.article, id="lone"))
    sel = select_relevant([on, off, lone], story_of={on.id: "s1", "follow-up": "s1"})
    assert [a.id for a in sel.published] == [on.id, "follow-up"]
    assert [r.id for r in sel.rejected] == ["lone"]
