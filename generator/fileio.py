"""File-system helpers shared by every stage that writes.

* Atomic file writes: temporary file, then rename. A reader never sees a half-written file
  and a crash leaves the previous version in place. Permissions follow the umask like any
  ordinary file (``mkstemp`` alone would make it 0600).
* Atomic folder swaps (``swap_folder``): a whole new folder replaces the old one in one
  ``renameat2(RENAME_EXCHANGE)`` on Linux (two renames elsewhere).
* Leftovers of killed processes (``.<name>.tmp-<pid>``, ``.<name>.old-<pid>``) are removed
  by ``clean_stale`` at the next write into the same folder.
* Unchanged files are hard links (``PreviousFiles``): a rebuild links each file whose bytes
  equal the previous version's instead of writing it again. Nothing here
  writes into an existing file, so a link never changes the previous version.
* Environment errors (full disk, permissions, read-only file system) always carry the path
  they concern: ``OSError.filename`` is set by ``with_path``.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import os
import re
import shutil
import stat
import sys
import tempfile
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def with_path(exc: OSError, path: Path | str) -> OSError:
    """``exc`` itself when it names a file, else the same error naming ``path``."""
    if exc.filename is not None:
        return exc
    err = exc.errno or errno.EIO
    return type(exc)(err, exc.strerror or os.strerror(err), str(path))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (same-folder temporary file + ``os.replace``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if exc.filename is None:
            raise with_path(exc, path) from exc
        raise
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """``atomic_write_bytes`` for UTF-8 text with ``\\n`` line ends."""
    atomic_write_bytes(path, text.encode("utf-8"))


# --- links to unchanged files ---------------------------------------------------------------


def regular_files(root: Path | None) -> dict[str, int]:
    """Relative path -> size of the regular files under ``root`` reached without following a
    symbolic link (none when ``root`` is missing or is a link itself)."""
    files: dict[str, int] = {}
    if root is None or not os.path.isdir(root) or os.path.islink(root):
        return files
    base = str(root)
    for folder, _dirs, names in os.walk(base):  # linked folders are listed, not entered
        rel = os.path.relpath(folder, base).replace(os.sep, "/")
        prefix = "" if rel == "." else f"{rel}/"
        for name in names:
            try:
                st = os.lstat(os.path.join(folder, name))
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):
                files[prefix + name] = st.st_size
    return files


def link_if_same(previous: Path | str, dest: Path | str, data: bytes) -> bool:
    """Hard-link ``dest`` (which must not exist) to ``previous`` when that regular file holds
    exactly ``data``; False when it does not, or the link cannot be made (another file
    system): write ``dest`` then. An empty file is never linked (placeholders are empty)."""
    if not data:
        return False
    try:
        with open(previous, "rb", opener=_no_follow) as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode) or st.st_size != len(data) or fh.read() != data:
                return False
        os.link(previous, dest, follow_symlinks=False)
    except OSError:
        return False
    return True


def _no_follow(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0))


class PreviousFiles:
    """The folder a build replaces (or None), for linking its unchanged files: ``link`` makes
    ``dest`` a hard link to the file of the same relative path when it is a regular file
    (reached without following a link) holding exactly ``data``. Listed on first use."""

    def __init__(self, root: Path | str | None) -> None:
        self.root = Path(root) if root is not None else None

    @functools.cached_property
    def sizes(self) -> dict[str, int]:
        """Relative path -> size of the folder's regular files (``regular_files``)."""
        return regular_files(self.root)

    def link(self, rel: str, dest: Path | str, data: bytes) -> bool:
        """True when ``dest`` (which must not exist) is now a link; else write it."""
        if self.root is None or self.sizes.get(rel) != len(data):
            return False
        return link_if_same(self.root / rel, dest, data)


# --- folders ------------------------------------------------------------------------------


def tmp_sibling(target: Path, kind: str = "tmp", pid: int | None = None) -> Path:
    """``.<name>.<kind>-<pid>`` next to ``target`` (this process's pid by default)."""
    return target.parent / f".{target.name}.{kind}-{os.getpid() if pid is None else pid}"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def clean_stale(target: Path) -> list[Path]:
    """Remove the temporary siblings of ``target`` left by dead processes; return them.

    A ``.<name>.old-<pid>`` of a process killed between the two renames of a non-atomic
    swap is put back first when ``target`` itself is missing.
    """
    target = Path(target)
    parent = target.parent
    if not parent.is_dir():
        return []
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.(tmp|old)-(\d+)$")
    removed = []
    for entry in sorted(parent.iterdir()):
        m = pattern.match(entry.name)
        if not m or _alive(int(m.group(2))):
            continue
        if m.group(1) == "old" and not target.exists() and entry.is_dir():
            os.replace(entry, target)  # the previous folder, complete: restore it
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
        removed.append(entry)
    return removed


def check_writable(folder: Path) -> None:
    """Raise ``PermissionError`` (or EROFS) naming the first folder under ``folder`` that
    cannot be replaced: a swap would otherwise fail half-way or leave the old copy behind."""
    folder = Path(folder)
    if not folder.is_dir():
        return
    dirs = [folder, *(p for p in folder.rglob("*") if p.is_dir() and not p.is_symlink())]
    for d in dirs:
        if not os.access(d, os.W_OK):
            try:
                readonly = bool(os.statvfs(d).f_flag & os.ST_RDONLY)
            except OSError:
                readonly = False
            if readonly:
                raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(d))
            raise PermissionError(errno.EACCES, "folder is not writable", str(d))


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2``); False when not supported here."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    res = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if res == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def swap_folder(new: Path, target: Path) -> Path | None:
    """Put the folder ``new`` at ``target``; return where the previous ``target`` now is
    (the caller deletes it), or None when there was none.

    With ``renameat2(RENAME_EXCHANGE)`` the swap is one atomic step and the previous folder
    ends up at ``new``; otherwise it is renamed to ``.<name>.old-<pid>`` first (a crash
    between the two renames is repaired by ``clean_stale``).
    """
    new, target = Path(new), Path(target)
    if not target.exists():
        os.replace(new, target)
        return None
    if _exchange(new, target):
        return new
    old = tmp_sibling(target, "old")
    os.replace(target, old)
    os.replace(new, target)
    return old


def remove_tree(path: Path) -> None:
    """Delete a folder we made; an error names the path (never silently left behind)."""
    try:
        shutil.rmtree(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise with_path(exc, path) from None


def file_version(path: Path) -> tuple[int, int]:
    """(mtime in ns, size) of ``path``, (0, 0) if it cannot be read: with the path, the key
    of a loader's memo, which misses as soon as the file is edited."""
    try:
        st = Path(path).stat()
    except OSError:
        return (0, 0)
    return (st.st_mtime_ns, st.st_size)
