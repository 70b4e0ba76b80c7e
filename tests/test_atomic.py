"""docs/ is written to a temporary sibling and swapped in: failures leave it intact."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from factories import seed_digest, settings
from faultkit import second_names

import generator.render as render
from generator.render import render_docs
from generator.render.write import PageSet, UnsafePathError, check_relative_path, write_atomic


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture()
def previous_docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    render_docs(seed_digest(), settings(), docs)
    return docs


def test_failure_while_rendering_leaves_the_previous_docs_intact(previous_docs, monkeypatch):
    before = _snapshot(previous_docs)

    def broken(*args, **kwargs):
        raise RuntimeError("template exploded")

    monkeypatch.setattr(render, "build_pages", broken)
    with pytest.raises(RuntimeError, match="template exploded"):
        render_docs(seed_digest(), settings(name="Changed"), previous_docs)
    assert _snapshot(previous_docs) == before
    assert sorted(p.name for p in previous_docs.parent.iterdir()) == ["docs"]


def test_failure_in_the_middle_of_writing_leaves_the_previous_docs_intact(previous_docs):
    before = _snapshot(previous_docs)
    files = {"index.md": "new home\n", "zz/last.md": "x"}

    def hook(tmp: Path) -> None:
        assert (tmp / "index.md").read_text() == "new home\n"  # half-written new docs exist
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomic(files, previous_docs, before_swap=hook)
    assert _snapshot(previous_docs) == before
    assert sorted(p.name for p in previous_docs.parent.iterdir()) == ["docs"]


def test_success_replaces_the_whole_folder(previous_docs):
    (previous_docs / "stale.md").write_text("old page")
    written = write_atomic({"index.md": "home\n", "a/b.md": "b"}, previous_docs)
    assert written == ["a/b.md", "index.md"]
    assert _snapshot(previous_docs) == {"index.md": b"home\n", "a/b.md": b"b"}


@pytest.mark.parametrize(
    "path",
    [
        "../x.md",
        "/etc/passwd",
        "a/../../x.md",
        "a\\b.md",
        ".hidden.md",
        "a/./b.md",
        "a//b.md",
        "",
        "a/.git/config",
    ],
)
def test_paths_escaping_the_folder_are_refused(path, tmp_path):
    with pytest.raises(UnsafePathError):
        check_relative_path(path)
    with pytest.raises(UnsafePathError):
        write_atomic({path: "x"}, tmp_path / "docs")
    assert not (tmp_path / "docs").exists()


def test_one_path_twice_is_refused():
    files = PageSet()
    files.add("topics/a.md", "one")
    with pytest.raises(UnsafePathError, match="twice"):
        files.add("topics/a.md", "two")
    with pytest.raises(UnsafePathError, match="twice"):
        files.add("Topics/A.md", "case-insensitive file systems would merge it")


def test_unchanged_render_keeps_the_folder_and_its_file_times(previous_docs):
    index = previous_docs / "index.md"
    before = index.stat().st_mtime_ns
    inode = previous_docs.stat().st_ino
    render_docs(seed_digest(), settings(), previous_docs)
    assert index.stat().st_mtime_ns == before
    assert previous_docs.stat().st_ino == inode  # not swapped
    render_docs(seed_digest(), settings(name="Renamed"), previous_docs)
    assert previous_docs.stat().st_ino != inode  # changed: swapped in
    assert "Renamed" in index.read_text(encoding="utf-8")


def test_a_rebuild_links_the_unchanged_files_and_never_writes_into_the_previous_ones(
    previous_docs, tmp_path
):
    old = _snapshot(previous_docs)
    kept = tmp_path / "kept"  # the previous files, by a second name of each
    second_names(previous_docs, kept)

    render_docs(seed_digest(), settings(name="Renamed"), previous_docs)
    new = _snapshot(previous_docs)
    assert new == _snapshot(_fresh(tmp_path / "fresh", settings(name="Renamed")))
    # the search assets are written after the page set, as new files
    same = [r for r in new if old.get(r) == new[r] and new[r] and "assets/search/" not in r]
    changed = [rel for rel in new if rel in old and old[rel] != new[rel]]
    assert same and changed  # the site's name is on some pages only
    assert all(os.path.samefile(kept / rel, previous_docs / rel) for rel in same)
    assert not any(os.path.samefile(kept / rel, previous_docs / rel) for rel in changed)
    assert _snapshot(kept) == old  # nothing was written into a previous file


def _fresh(folder: Path, s) -> Path:
    render_docs(seed_digest(), s, folder)
    return folder


def test_a_folder_that_resolves_outside_the_output_is_refused(tmp_path):
    """Defence in depth: a folder of the output that is a link to elsewhere (never made by
    the render, which writes into a new folder) makes every file under it an escape; the
    check resolves each folder once, not each of its thousands of files."""
    from generator.render.write import _write_files

    root, outside = tmp_path / "root", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (root / "articles").symlink_to(outside, target_is_directory=True)
    files = {"index.md": "# Home\n", "articles/a.md": "# A\n", "articles/b.md": "# B\n"}
    with pytest.raises(UnsafePathError, match="escapes"):
        _write_files(files, root)
    assert list(outside.iterdir()) == []
    assert _write_files({"index.md": "# Home\n", "weeks/w.md": "# W\n"}, root) == [
        "index.md",
        "weeks/w.md",
    ]
