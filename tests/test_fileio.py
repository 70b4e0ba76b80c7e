"""Atomic writes: whole files or nothing, ordinary permissions."""

from __future__ import annotations

import os
import stat

import pytest

from generator.fileio import atomic_write_bytes, atomic_write_text


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
