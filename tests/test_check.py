"""`digest check`: config and corpus problems with file and field; exit codes; --strict."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands.check import CHECKS, run_checks
from generator.settings import load_settings


@pytest.fixture()
def project(tmp_path, root):
    """A copy of the project's config and curated seeds to break."""
    for name in ("digest.yml",):
        shutil.copy(root / name, tmp_path / name)
    shutil.copytree(root / "config", tmp_path / "config")
    shutil.copytree(root / "seeds", tmp_path / "seeds")
    return tmp_path


def _check(project: Path, *args: str) -> int:
    return main(["--config", str(project / "digest.yml"), "check", *args])


def test_curated_corpus_passes_strict(project, capsys):
    assert _check(project, "--strict") == 0
    out = capsys.readouterr().out
    assert "5 articles, 0 errors, 0 warnings" in out


def test_ingested_raw_seeds_have_warnings_that_fail_only_strict(project, capsys, tmp_path):
    out_dir = tmp_path / "x"
    assert (
        main(
            [
                "--config",
                str(project / "digest.yml"),
                "ingest",
                str(project / "seeds" / "raw"),
                "--into",
                str(out_dir),
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert _check(project, str(out_dir)) == 0
    out = capsys.readouterr().out
    assert ": date: warning: missing date" in out and ": source: warning: missing source" in out
    assert _check(project, str(out_dir), "--strict") == 1


def test_corpus_errors_name_file_and_field(project, capsys):
    seeds = project / "seeds"
    broken = "---\ntitle: T\ndate: 2022-13-01\n---\nbody"
    (seeds / "broken.md").write_text(broken, encoding="utf-8")
    (seeds / "odd.md").write_text(
        "---\nid: odd\ntitle: T\nlanguage: de\ncurated: [colour]\nextra: 1\n---\nbody",
        encoding="utf-8",
    )
    assert _check(project) == 1
    out = capsys.readouterr().out
    assert f"{seeds / 'broken.md'}: date: error: impossible date 2022-13-01" in out
    assert f"{seeds / 'odd.md'}: curated: error: 'colour' is not a field" in out
    assert f"{seeds / 'odd.md'}: language: warning: language 'de'" in out
    assert f"{seeds / 'odd.md'}: extra: warning: unknown front matter key" in out


def test_the_lead_title_mark_goes_with_an_inferred_title(project, capsys):
    seeds = project / "seeds"
    (seeds / "lead.md").write_text(
        "---\nid: lead\ntitle: T\nlanguage: ru\ndate: 2022-01-05\n"
        "inferred: [lead_title, title]\n---\nТекст статьи.",
        encoding="utf-8",
    )
    (seeds / "given.md").write_text(
        "---\nid: given\ntitle: T\nlanguage: ru\ndate: 2022-01-05\n"
        "inferred: [lead_title]\n---\nТекст статьи.",
        encoding="utf-8",
    )
    assert _check(project) == 1
    out = capsys.readouterr().out
    assert "lead.md: inferred" not in out
    assert f"{seeds / 'given.md'}: inferred: error: 'lead_title' marks an inferred title" in out


def test_config_errors_name_file_and_key(project, capsys):
    (project / "config" / "sources.yml").write_text(
        "sources:\n  - name: A\n    aliases: [X]\n  - name: B\n    aliases: [x]\n"
        "  - aliases: [Y]\n",
        encoding="utf-8",
    )
    ru = project / "config" / "languages" / "ru.yml"
    ru.write_text(ru.read_text(encoding="utf-8") + "bylines_typo: []\n", encoding="utf-8")
    kk = project / "config" / "languages" / "kk.yml"
    kk.write_text(
        kk.read_text(encoding="utf-8").replace("(?P<day>", "(?P<day", 1), encoding="utf-8"
    )
    en = project / "config" / "languages" / "en.yml"
    en.write_text(
        en.read_text(encoding="utf-8").replace("month_locales: [it,", "month_locales: [xx-yy, it,"),
        encoding="utf-8",
    )
    assert _check(project) == 1
    out = capsys.readouterr().out
    sources = project / "config" / "sources.yml"
    assert f"{en}: month_locales: error: unknown locale 'xx-yy'" in out
    assert f"{sources}: sources[1].aliases: error: alias 'x' also belongs to 'A'" in out
    assert f"{sources}: sources[2].name: error:" in out
    assert f"{ru}: bylines_typo: error: unknown key" in out
    assert f"{kk}: date_patterns[0]: error: invalid regular expression" in out


def test_checks_are_a_list_of_functions(project):
    settings = load_settings(project / "digest.yml")

    def no_titles_in_capitals(settings, corpus):
        return []

    assert run_checks(settings, project / "seeds", [*CHECKS, no_titles_in_capitals]) == []


def test_missing_corpus_folder_is_an_error(project, capsys):
    assert _check(project, str(project / "nope")) == 1
    assert "the corpus folder does not exist" in capsys.readouterr().out
