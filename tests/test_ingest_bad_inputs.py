"""Bad inputs: one clear line naming the file; the others still ingest; nothing is lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.cli import main
from generator.ingest import IngestError, ingest_path, ingest_paths, load_ingest_context

RAW = Path(__file__).resolve().parent.parent / "seeds" / "raw"
GOOD = RAW / "004_ab022bcd261e01f7.txt"


@pytest.fixture(scope="module")
def ctx(settings):
    return load_ingest_context(settings)


def _bad_file(tmp_path: Path, case: str) -> Path:
    """Write the bad input of ``case`` into ``tmp_path/in``."""
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    good_text = GOOD.read_text(encoding="utf-8")
    if case == "empty":
        path = folder / "article_empty.txt"
        path.write_bytes(b"")
    elif case == "whitespace":
        path = folder / "article_only_whitespace.txt"
        path.write_bytes(b"  \n\n\t \r\n")
    elif case == "binary":
        path = folder / "article_binary.txt"
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    elif case == "binary_nul":
        path = folder / "article_with_nul_bytes.txt"
        path.write_bytes(good_text.encode("utf-8")[:300] + b"\x00\x00\x01\x02" * 50)
    elif case == "undecodable":
        path = folder / "article_undecodable_bytes.txt"
        data = good_text.encode("utf-8")
        path.write_bytes(data[:400] + b"\xff\xfe\xc3" + data[400:])
    elif case == "broken_yaml":
        path = folder / "article_broken_front_matter.md"
        path.write_text(
            "---\ntitle: [unclosed\ndate: 2022-01-07\n---\n\nТекст.\n", encoding="utf-8"
        )
    elif case == "not_mapping":
        path = folder / "article_front_matter_list.md"
        path.write_text("---\n- title\n- date\n---\n\nТекст статьи.\n", encoding="utf-8")
    elif case == "impossible_date":
        path = folder / "article_impossible_date.md"
        path.write_text(
            "---\ntitle: Заголовок\ndate: 2022-02-30\n---\n\nТекст статьи.\n", encoding="utf-8"
        )
    elif case == "huge":
        path = folder / "article_50mb.txt"
        with path.open("wb") as handle:
            handle.truncate(50 * 1024 * 1024)
    else:  # pragma: no cover - a typo in the parametrisation
        raise AssertionError(case)
    return path


CASES = {
    "empty": "empty file",
    "whitespace": "empty file",
    "binary": "binary file, not text: a PNG image",
    "binary_nul": "binary file",
    "undecodable": "undecodable bytes: invalid UTF-8 at byte 400",
    "broken_yaml": "invalid YAML front matter",
    "not_mapping": "front matter must be a mapping",
    "impossible_date": "date: impossible date 2022-02-30",
    "huge": "file too large (52,428,800 bytes = 50.00 MiB; the limit is",
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_raises_one_line_naming_the_file(ctx, tmp_path, case):
    path = _bad_file(tmp_path, case)
    with pytest.raises(IngestError) as info:
        ingest_path(path, ctx)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert CASES[case] in message


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_does_not_stop_the_others_or_lose_files(ctx, tmp_path, case):
    bad = _bad_file(tmp_path, case)
    into = tmp_path / "seeds"
    into.mkdir()
    keep = into / "kept_by_hand.md"
    keep.write_text("---\nid: kept_by_hand\ntitle: Вручную\n---\n\nТекст.\n", encoding="utf-8")
    report = ingest_paths([RAW / "000_a2dd8bfdbe4133b7.txt", bad, GOOD], into, ctx)
    errors = [p for p in report.problems if p.severity == "error"]
    assert len(errors) == 1 and errors[0].path == str(bad)
    assert CASES[case] in errors[0].message
    assert len(report.added) == 2
    assert keep.read_text(encoding="utf-8").startswith("---\nid: kept_by_hand")
    assert sorted(p.name for p in into.iterdir() if p.name.startswith(".")) == []


def test_crawl_marker_with_an_impossible_date_is_a_warning(ctx, tmp_path):
    path = tmp_path / "article_impossible_crawl_date.txt"
    path.write_text(" date 2025-02-30 " + GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    report = ingest_paths([path], tmp_path / "out", ctx)
    assert len(report.added) == 1
    (warning,) = [p for p in report.problems if "crawl date" in p.message]
    assert warning.severity == "warning" and warning.path == str(path)
    assert "2025-02-30" in warning.message


def test_file_names_with_dotdot_and_spaces(ctx, tmp_path):
    folder = tmp_path / "dir with spaces" / "sub"
    folder.mkdir(parents=True)
    odd = folder / ".." / "article with spaces ..txt"
    odd.write_bytes(GOOD.read_bytes())
    into = tmp_path / "seeds"
    report = ingest_paths([odd], into, ctx)
    assert not report.problems and len(report.added) == 1
    (written,) = into.iterdir()
    assert " " not in written.name and ".." not in written.name
    assert written.parent == into


def test_unsafe_id_in_front_matter_cannot_escape_the_folder(ctx, tmp_path):
    path = tmp_path / "article_unsafe_id.md"
    path.write_text(
        "---\nid: ../../escape me\ntitle: Заголовок\n---\n\nТекст статьи.\n", encoding="utf-8"
    )
    into = tmp_path / "deep" / "seeds"
    report = ingest_paths([path], into, ctx)
    assert [p.name for p in into.iterdir()] == ["escape-me.md"]
    assert not (tmp_path / "escape me.md").exists()
    (warning,) = report.problems
    assert warning.severity == "warning" and "not file-name safe" in warning.message


def test_broken_existing_file_is_never_overwritten(ctx, tmp_path):
    into = tmp_path / "seeds"
    first = ingest_paths([GOOD], into, ctx)
    (path,) = (Path(p) for p in first.added)
    path.write_text("---\ntitle: [broken by hand\n---\n\nТекст.\n", encoding="utf-8")
    before = path.read_bytes()
    report = ingest_paths([GOOD], into, ctx)
    (error,) = report.problems
    assert error.path == str(path) and "not overwritten" in error.message
    assert path.read_bytes() == before


def test_missing_input_file(ctx, tmp_path):
    report = ingest_paths([tmp_path / "nope.txt"], tmp_path / "out", ctx)
    (error,) = report.problems
    assert error.message == "no such file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(ctx, tmp_path):  # pragma: no cover - CI runs as a user
    path = tmp_path / "locked.txt"
    path.write_bytes(GOOD.read_bytes())
    path.chmod(0)
    with pytest.raises(IngestError, match="cannot read"):
        ingest_path(path, ctx)


def test_cli_reports_bad_inputs_and_exits_non_zero(tmp_path, capsys, root):
    empty = _bad_file(tmp_path, "empty")
    into = tmp_path / "out"
    code = main(
        ["--config", str(root / "digest.yml"), "ingest", str(empty), str(GOOD), "--into", str(into)]
    )
    out, err = capsys.readouterr()
    assert code == 1
    assert err.strip().splitlines() == [f"{empty}: error: empty file (no text)"]
    assert "1 added" in out and "1 failed" in out
    assert len(list(into.glob("*.md"))) == 1
