"""Write a page set into a folder atomically: a temporary sibling folder, then a swap.

A failure anywhere before the swap (rendering, a bad path, a full disk, a hook) leaves the
previous folder exactly as it was. A file whose bytes are those of the previous folder's
file of the same path is a hard link to it, not a new copy (most files of a weekly rebuild
are unchanged; nothing writes into a file once written, so the previous folder never
changes). Paths are checked before anything is written: no
absolute paths, no ``..``, no backslashes, no hidden or empty segments, and no path twice.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path, PurePosixPath

from generator.fileio import (
    PreviousFiles,
    check_writable,
    clean_stale,
    remove_tree,
    swap_folder,
    tmp_sibling,
    with_path,
)


class UnsafePathError(ValueError):
    """A page path that would escape the output folder or clash with another page."""


def check_relative_path(path: str) -> str:
    """Return ``path`` if it is a safe relative POSIX path inside the output folder."""
    if not path or "\\" in path or "\x00" in path or path.startswith("/"):
        raise UnsafePathError(f"unsafe output path {path!r}")
    parts = PurePosixPath(path).parts
    if not parts or any(p in ("", ".", "..") or p.startswith(".") for p in parts):
        raise UnsafePathError(f"unsafe output path {path!r}")
    if PurePosixPath(path).as_posix() != path:
        raise UnsafePathError(f"output path {path!r} is not in normal form")
    return path


class PageSet(Mapping[str, "str | bytes"]):
    """Relative path -> content; adding one path twice is an error (never silently lost)."""

    def __init__(self) -> None:
        self._files: dict[str, str | bytes] = {}
        self._keys: set[str] = set()

    def add(self, path: str, content: str | bytes) -> None:
        check_relative_path(path)
        key = path.casefold()  # case-insensitive file systems would merge these two
        if key in self._keys:
            raise UnsafePathError(f"output path {path!r} written twice")
        self._keys.add(key)
        self._files[path] = content

    def __getitem__(self, path: str) -> str | bytes:
        return self._files[path]

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._files))

    def __len__(self) -> int:
        return len(self._files)


def _write_files(
    files: Mapping[str, str | bytes], root: Path, previous: Path | None = None
) -> list[str]:
    """Write ``files`` into ``root``; those equal to ``previous``'s are linked to them."""
    written = []
    base = root.resolve()
    old = PreviousFiles(previous)
    inside: dict[Path, bool] = {}  # folder -> inside ``root`` once resolved (a file's name
    # passed check_relative_path and the file is created anew, never through a link)
    for rel in sorted(files):
        check_relative_path(rel)
        dest = root / rel
        folder = dest.parent
        if folder not in inside:
            resolved = folder.resolve()
            inside[folder] = resolved == base or base in resolved.parents
        if not inside[folder]:
            raise UnsafePathError(f"output path {rel!r} escapes {root}")
        content = files[rel]
        data = content.encode("utf-8") if isinstance(content, str) else content
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            if not old.link(rel, dest, data):
                with open(dest, "xb") as fh:  # "x": never overwrite, never follow a link
                    fh.write(data)
        except OSError as exc:  # a full disk names no file by itself
            if exc.filename is None:
                raise with_path(exc, dest) from exc
            raise
        written.append(rel)
    return written


def same_tree(a: Path, b: Path) -> bool:
    """True when two folders hold the same relative file paths with the same bytes."""
    if not (a.is_dir() and b.is_dir()):
        return False
    files_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    if files_a != files_b:
        return False
    return all(_same_file(a / rel, b / rel) for rel in files_a)


def _same_file(a: Path, b: Path) -> bool:
    """Same bytes: one file (a link), or the same size and content."""
    sa, sb = os.stat(a), os.stat(b)
    if (sa.st_ino, sa.st_dev) == (sb.st_ino, sb.st_dev):
        return True
    return sa.st_size == sb.st_size and a.read_bytes() == b.read_bytes()


def write_atomic(
    files: Mapping[str, str | bytes],
    target: Path,
    before_swap: Callable[[Path], None] | None = None,
) -> list[str]:
    """Write ``files`` into a fresh sibling of ``target``, run ``before_swap`` on it, swap it in.

    Returns the written relative paths, sorted. On any exception the temporary folder is
    removed and ``target`` is untouched. When the new folder is byte-identical to ``target``,
    ``target`` is kept as it is (file times too), so an unchanged rebuild touches nothing.
    Leftovers of killed runs are removed first; a ``target`` that cannot be replaced (a
    read-only folder) is an error before anything is written.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(target)
    check_writable(target)
    tmp = tmp_sibling(target)
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    try:
        written = _write_files(files, tmp, target)
        if before_swap is not None:
            before_swap(tmp)
        if same_tree(tmp, target):
            remove_tree(tmp)
            return written
        previous = swap_folder(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        old = tmp_sibling(target, "old")
        if old.exists() and not target.exists():  # failed between the two renames
            old.replace(target)
        raise
    if previous is not None:
        remove_tree(previous)
    return written
