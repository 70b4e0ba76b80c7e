"""Fault tests of data and environment at the edges: damaged or unusable caches, strict
builds, control characters, XML outputs, published paths, CLI errors and exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from faultkit import SEEDS, env, make_corpus, read_only_folders, write_config

from generator.cache import AnalysisCache, CacheEntry
from generator.cli import main
from generator.models import TextAnalysis, TopicMatch

ROOT = Path(__file__).resolve().parent.parent
TEXT = TextAnalysis(
    language="ru",
    sentences=("Казахстан наращивает экспорт нефти через КТК.",),
    sentence_lemmas=(("казахстан", "наращивать", "экспорт", "нефть", "ктк"),),
    keywords=("экспорт нефти", "КТК"),
    summary=("Казахстан наращивает экспорт нефти через КТК.",),
    entities=(),
    title_lemmas=("нефть",),
)


@pytest.fixture
def read_only():
    yield from read_only_folders()


# --- the analysis cache ----------------------------------------------------------------


def test_an_edited_cache_entry_that_is_still_valid_json_is_a_miss(tmp_path):
    cache = AnalysisCache(tmp_path)
    cache.put("abc123", CacheEntry(TEXT, "fp", (TopicMatch("energy", 3.0, ()),)))
    path = tmp_path / "ab" / "abc123.json"
    raw = path.read_bytes()
    edited = raw.replace("экспорт нефти".encode(), "экспорт зерна".encode())
    assert edited != raw and json.loads(edited.split(b"\n", 1)[1])  # still valid JSON
    path.write_bytes(edited)
    assert cache.get("abc123") is None
    path.write_bytes(raw[:-10])  # truncated
    assert cache.get("abc123") is None
    path.write_bytes(raw)
    assert cache.get("abc123") is not None
    (tmp_path / "cd").mkdir()
    (tmp_path / "cd" / "cd999.json").write_bytes(raw)
    assert cache.get("cd999") is None  # an entry under another key's name


def test_a_damaged_entry_is_analysed_again_and_rewritten(tmp_path, settings):
    from generator.analyse import analyse_corpus, cache_key, load_context
    from generator.corpus import read_article

    ctx = load_context(settings)
    article = read_article(SEEDS[0])
    cache = AnalysisCache(tmp_path)
    first = analyse_corpus([article], ctx, cache=cache, workers=1)
    path = tmp_path / cache_key(article, ctx)[:2] / f"{cache_key(article, ctx)}.json"
    good = path.read_bytes()
    keyword = first.analyses[0].text.keywords[0]
    path.write_bytes(good.replace(keyword.encode(), b"\xd0\xb2\xd1\x80\xd0\xb5\xd0\xb4"))
    again = analyse_corpus([article], ctx, cache=cache, workers=1)
    assert (again.hits, again.misses) == (0, 1)
    assert again.analyses[0].text == first.analyses[0].text
    assert path.read_bytes() == good


def _project(tmp_path: Path, corpus: Path, **kw) -> Path:
    return write_config(tmp_path, corpus=corpus, out=tmp_path / "out", cache=tmp_path / "c", **kw)


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=env(),
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_cache_path_that_is_a_file_skips_the_cache_with_one_warning(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    cfg = _project(tmp_path, corpus)
    (tmp_path / "c").write_text("not a folder")
    done = _cli("--config", str(cfg), "build", "--no-site", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if "analysis cache not usable" in line]
    assert len(warnings) == 1 and str(tmp_path / "c") in warnings[0]
    assert (tmp_path / "out" / "docs" / "index.md").is_file()


def test_a_read_only_cache_is_used_for_reading_and_skipped_for_writing(tmp_path, read_only):
    corpus = make_corpus(tmp_path / "corpus")
    cfg = _project(tmp_path, corpus)
    first = _cli("--config", str(cfg), "build", "--no-site", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    (corpus / SEEDS[0].name).write_text(
        SEEDS[0].read_text(encoding="utf-8").replace("title: ", "title: Новое — ", 1),
        encoding="utf-8",
    )  # one article changed: a miss the cache cannot store
    read_only(tmp_path / "c")
    done = _cli("--config", str(cfg), "build", "--no-site", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "4 hits, 1 misses" in done.stderr
    assert done.stderr.count("analysis cache not usable") == 1


# --- strict builds, control characters, XML, published paths ------------------------------


def _article(folder: Path, name: str, front: str, body: str) -> Path:
    path = folder / f"{name}.md"
    path.write_text(f"---\nid: {name}\n{front}---\n\n{body}\n", encoding="utf-8")
    return path


def test_build_strict_refuses_what_check_strict_refuses(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    body = SEEDS[0].read_text(encoding="utf-8").split("\n---\n", 1)[1]
    _article(
        corpus,
        "zz-language",
        "title: Статья на неизвестном языке\ndate: 2022-01-08\nsource: TASS\nlanguage: zz\n",
        body,
    )
    cfg = _project(tmp_path, corpus)
    assert main(["--config", str(cfg), "check", "--strict"]) == 1
    assert main(["--config", str(cfg), "build", "--strict", "--no-site"]) == 1
    assert not (tmp_path / "out" / "docs").exists()  # nothing written
    assert main(["--config", str(cfg), "build", "--no-site"]) == 0  # not strict: builds


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    """A whole build (docs and site) of the seeds plus one article with control characters
    in title and body and a local absolute path as its origin."""
    tmp = tmp_path_factory.mktemp("hostile")
    corpus = make_corpus(tmp / "corpus")
    body = SEEDS[1].read_text(encoding="utf-8").split("\n---\n", 1)[1]
    _article(
        corpus,
        "controls",
        'title: "Контроль\\uFFFE символов\\x01 в заголовке"\ndate: 2022-01-09\n'
        "source: TASS\nlanguage: ru\norigin: /home/analyst/private/xss_fm.md\n",
        "Строка\x0b с\x07 управляющими\ufffe символами\uffff.\n\n" + body,
    )
    cfg = _project(tmp, corpus)
    done = _cli("--config", str(cfg), "build", cwd=tmp)
    assert done.returncode == 0, done.stderr
    return tmp, tmp / "out"


@pytest.mark.xdist_group("faults-hostile-build")
def test_control_characters_are_stripped_and_every_xml_output_parses(hostile_build):
    _tmp, out = hostile_build
    xml_files = sorted(out.glob("docs/**/*.xml")) + sorted(out.glob("site/**/*.xml"))
    assert {p.name for p in xml_files} >= {"feed.xml", "sitemap.xml"}
    for path in xml_files:
        ET.fromstring(path.read_bytes())  # raises on invalid XML
    feed = (out / "docs" / "feed.xml").read_text(encoding="utf-8")
    assert "Контроль символов в заголовке" in feed
    data = json.loads((out / "docs" / "digest.json").read_text(encoding="utf-8"))
    art = next(a for a in data["articles"] if a["article"]["id"] == "controls")
    assert art["article"]["title"] == "Контроль символов в заголовке"
    text = json.dumps(data, ensure_ascii=False)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", text)


@pytest.mark.xdist_group("faults-hostile-build")
def test_no_local_path_is_published(hostile_build):
    tmp, out = hostile_build
    data = json.loads((out / "docs" / "digest.json").read_text(encoding="utf-8"))
    art = next(a for a in data["articles"] if a["article"]["id"] == "controls")
    assert art["article"]["origin"] is None
    seeds_origin = {a["article"]["origin"] for a in data["articles"]} - {None}
    assert seeds_origin and all(o.startswith("seeds/raw/") for o in seeds_origin)
    for path in [*out.rglob("*")]:
        if path.is_file():
            assert b"/home/analyst" not in path.read_bytes(), path
            assert str(tmp).encode() not in path.read_bytes(), path


def test_size_limits_are_reported_with_exact_numbers():
    from generator.ingest.decode import DecodeError, check_size

    limit = 10 * 1024 * 1024
    with pytest.raises(DecodeError) as err:
        check_size(limit + 1, limit)
    assert "10,485,761 bytes" in str(err.value) and "the limit is 10,485,760 bytes" in str(
        err.value
    )


# --- CLI: exit codes and messages ------------------------------------------------------------


def test_brief_into_a_missing_folder_is_an_error_naming_it(tmp_path, capsys):
    target = tmp_path / "nonexistent" / "dir" / "x.pdf"
    code = main(
        ["--config", str(ROOT / "digest.yml"), "brief", "--week", "2022-W01", "-o", str(target)]
    )
    assert code == 2
    assert f"{target.parent}: no such folder" in capsys.readouterr().err
    assert not (tmp_path / "nonexistent").exists()


def test_a_closed_stdout_ends_quietly():
    """`digest analyze … | head -1`: the reader is gone before the first line is written."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "generator", "analyze", "--no-cache", str(SEEDS[0])],
            cwd=ROOT,
            env=env(),
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    finally:
        os.close(write)
    assert done.stderr == ""
    assert done.returncode == 141


def test_environment_errors_are_one_line_with_the_path_and_exit_3(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cfg = write_config(tmp_path, corpus=ROOT / "seeds", out=blocker / "out", cache=tmp_path / "c")
    assert main(["--config", str(cfg), "build", "--no-site"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(blocker) in err[0] and "Not a directory" in err[0]
