"""The whole pipeline on the real seeds: freshness of docs/, incremental cache, analyze CLI."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from expectations import SEED_TOPICS

from generator.cli import main
from generator.pipeline import build
from generator.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def isolated_settings(tmp: Path):
    """Project settings with the cache in ``tmp`` (tests never touch .cache/ of the project)."""
    s = load_settings(ROOT / "digest.yml")
    return replace(s, output=replace(s.output, cache=str(tmp / "cache")))


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("seed-build")
    settings = isolated_settings(tmp)
    first = build(settings, out=tmp / "out", site=False, log=lambda m: None)
    return settings, tmp, first


def test_committed_docs_are_fresh(seed_build):
    """docs/ is committed; it must be exactly what the seeds build to (run `make digest`)."""
    _settings, tmp, _report = seed_build
    built, committed = tree(tmp / "out" / "docs"), tree(ROOT / "docs")
    missing = sorted(set(built) - set(committed))
    extra = sorted(set(committed) - set(built))
    changed = sorted(k for k in set(built) & set(committed) if built[k] != committed[k])
    assert (missing, extra, changed) == ([], [], []), (
        "docs/ is stale against seeds/: run `make digest` and commit docs/"
    )


def test_seed_build_reports_everything(seed_build):
    _settings, _tmp, report = seed_build
    assert report.articles == 5
    assert report.cache_misses == 5 and report.cache_hits == 0
    assert report.errors == []
    assert report.warnings == []  # 002's unknown date is curated, not a warning
    assert report.briefs >= 3 + 1  # a brief per topic and per week
    assert set(report.timings) >= {"load", "analyse", "group", "render"}


def test_rebuild_with_nothing_new_analyses_nothing(seed_build):
    settings, tmp, _ = seed_build
    again = build(settings, out=tmp / "out2", site=False, briefs=False, log=lambda m: None)
    assert (again.cache_hits, again.cache_misses, again.analysed_ids) == (5, 0, ())


def test_one_new_article_is_the_only_one_analysed(seed_build, tmp_path):
    settings, _tmp, _ = seed_build
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus, ignore=shutil.ignore_patterns("raw"))
    src = (corpus / "a0f0ebe83306ccdd.md").read_text(encoding="utf-8")
    new = src.replace("id: a0f0ebe83306ccdd", "id: 0000000000000new").replace(
        "Пострадавших нет.", "Пострадавших нет, сообщили в штабе."
    )
    (corpus / "0000000000000new.md").write_text(new, encoding="utf-8")
    r = build(settings, corpus=corpus, out=tmp_path / "o", site=False, briefs=False)
    assert (r.cache_hits, r.cache_misses, r.analysed_ids) == (5, 1, ("0000000000000new",))


def test_taxonomy_change_rescores_without_reanalysing(seed_build, tmp_path):
    settings, _tmp, _ = seed_build
    topics = (ROOT / "config" / "topics.yml").read_text(encoding="utf-8")
    # a stricter copy of the taxonomy: every threshold raised far above any seed's score
    import yaml

    data = yaml.safe_load(topics)
    for t in data["topics"]:
        t["threshold"] = 10_000
    (tmp_path / "topics.yml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    strict_settings = replace(
        settings,
        taxonomy=str(tmp_path / "topics.yml"),
        output=replace(settings.output, relevant_only=False),  # publish the off-topic too
    )
    r = build(strict_settings, out=tmp_path / "o", site=False, briefs=False)
    assert r.cache_misses == 0 and r.cache_hits == 5
    index = json.loads((tmp_path / "o" / "docs" / "digest.json").read_text(encoding="utf-8"))
    assert len(index["articles"]) == 5
    assert all(not a["topics"] for a in index["articles"])


def test_a_broken_article_is_reported_and_the_rest_builds(seed_build, tmp_path):
    settings, _tmp, _ = seed_build
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus, ignore=shutil.ignore_patterns("raw"))
    (corpus / "broken.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    (corpus / "binary.md").write_bytes(b"\x00\x01\x02\xff" * 100)
    messages: list[str] = []
    r = build(
        settings, corpus=corpus, out=tmp_path / "o", site=False, briefs=False, log=messages.append
    )
    assert r.articles == 5
    assert {Path(p.path).name for p in r.errors} == {"broken.md", "binary.md"}
    assert any("broken.md" in m for m in messages)
    assert (tmp_path / "o" / "docs" / "index.md").is_file()


def test_cli_build_exit_codes(tmp_path, capsys):
    assert main(["build", "--week", "2022-53", "--out", str(tmp_path)]) == 2
    assert "ISO week" in capsys.readouterr().err
    assert main(["build", "--corpus", str(tmp_path / "nope"), "--out", str(tmp_path)]) == 2


KEYS = [
    "path",
    "id",
    "title",
    "date",
    "source",
    "language",
    "topics",
    "keywords",
    "summary",
    "entities",
    "story",
]


def test_analyze_json_interface_on_raw_and_curated(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    raw = sorted((ROOT / "seeds" / "raw").glob("*.txt"))
    paths = [str(p.relative_to(ROOT)) for p in raw] + ["seeds/a0f0ebe83306ccdd.md"]
    assert main(["analyze", "--no-cache", "--json", *paths]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["path"] for r in records] == paths
    for r in records:
        assert list(r) == KEYS
        assert set(r["entities"]) == {"people", "organizations", "places", "facilities"}
        assert r["keywords"] and r["summary"]
        scores = [t["score"] for t in r["topics"]]
        assert scores == sorted(scores, reverse=True)
        for t in r["topics"]:
            assert t["evidence"] and all(e["count"] >= 1 for e in t["evidence"])
    by_num = {Path(r["path"]).name[:3]: r for r in records}
    expected = SEED_TOPICS
    assert {k: {t["id"] for t in by_num[k]["topics"]} for k in expected} == expected
    assert [by_num[k]["language"] for k in sorted(expected)] == ["ru", "uk", "kk", "ru", "ru"]
    assert by_num["000"]["date"] == "2025-11-24"
    # the raw and the curated form of seed 000 give the same analysis
    curated = records[-1]
    assert {k: curated[k] for k in KEYS[1:]} == {k: by_num["000"][k] for k in KEYS[1:]}
    assert "Kassym-Jomart Tokayev" in by_num["003"]["entities"]["people"]


def test_analyze_reports_bad_files_and_goes_on(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert (
        main(["analyze", "--no-cache", "--json", str(empty), "seeds/raw/000_a2dd8bfdbe4133b7.txt"])
        == 1
    )
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1
    assert "empty.txt" in err


def test_week_option_publishes_the_chosen_week_as_front_page(seed_build, tmp_path):
    settings, _tmp, _ = seed_build
    build(settings, out=tmp_path / "w", site=False, briefs=False, week="2022-W01")
    home = (tmp_path / "w" / "docs" / "index.md").read_text(encoding="utf-8")
    assert "2022-W01" in home and "2022-01-03" in home
    assert "Путин обсудил с коллегами по ОДКБ" in home  # the week's only article (004)
    assert "Астана обсуждает с Киевом" not in home  # 2025-W48 is not on this front page
    default = (_tmp / "out" / "docs" / "index.md").read_text(encoding="utf-8")
    assert "2025-W48" in default  # without --week: the latest week with articles
    docs = tmp_path / "w" / "docs"
    archive = (docs / "weeks" / "index.md").read_text(encoding="utf-8")
    archive += (docs / "years" / "2022.md").read_text(encoding="utf-8")  # past years' weeks
    assert all(w in archive for w in ("2022-W01", "2022-W02", "2025-W48"))
    with pytest.raises(ValueError, match="no articles in week 2023-W10"):
        build(settings, out=tmp_path / "x", site=False, briefs=False, week="2023-W10")
