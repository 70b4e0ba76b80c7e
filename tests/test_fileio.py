"""Atomic writes: whole files or nothing, ordinary permissions; links to unchanged files."""

from __future__ import annotations

import os
import stat

import pytest

from generator.fileio import atomic_write_bytes, atomic_write_text, link_if_same, regular_files


def test_written_files_follow_the_umask_not_mkstemps_0600(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "a" / "seed.md", "Қазақстан\n")
    finally:
        os.umask(old)
    path = tmp_path / "a" / "seed.md"
    assert path.read_text(encoding="utf-8") == "Қазақстан\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "brief.pdf"
    atomic_write_bytes(path, b"%PDF-old")

    with pytest.raises(TypeError):
        atomic_write_bytes(path, "not bytes")  # type: ignore[arg-type]
    assert path.read_bytes() == b"%PDF-old"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_a_file_is_linked_only_to_a_regular_file_of_the_same_bytes(tmp_path):
    old = tmp_path / "old"
    old.mkdir()
    (old / "page.md").write_bytes("# Қазақстан\n".encode())
    (old / "empty.md").write_bytes(b"")
    (old / "link.md").symlink_to(old / "page.md")
    (old / "sub").symlink_to(old, target_is_directory=True)
    new = tmp_path / "new"
    new.mkdir()

    assert regular_files(old) == {"page.md": len("# Қазақстан\n".encode()), "empty.md": 0}
    assert regular_files(old / "sub") == {}  # a linked folder is not entered
    assert not link_if_same(old / "page.md", new / "a.md", "# Казахстан\n".encode())
    assert not link_if_same(old / "empty.md", new / "b.md", b"")  # placeholders: never
    assert not link_if_same(old / "link.md", new / "c.md", "# Қазақстан\n".encode())
    assert not link_if_same(old / "gone.md", new / "d.md", b"x")
    assert sorted(p.name for p in new.iterdir()) == []

    assert link_if_same(old / "page.md", new / "e.md", "# Қазақстан\n".encode())
    assert os.path.samefile(old / "page.md", new / "e.md")
