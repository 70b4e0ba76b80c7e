"""One writer per output folder: an exclusive ``flock`` on a lock file next to the folder.

``folder_lock(Path("site"))`` holds ``.site.lock`` (a sibling of ``site/``) for the block.
A second build waits for the first (saying so once), or with ``wait=False`` raises
``LockBusy`` naming the holder's pid. The kernel drops a ``flock`` when its holder dies, so
the lock of a killed build is simply taken over; the pid written in the file is only there
to name the holder. The lock file itself is never removed (removing it would let two
processes hold locks on two different files of the same name).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path


class LockBusy(Exception):
    """Another process holds the lock; ``str(e)`` names the folder and the holder's pid."""

    def __init__(self, folder: Path, lock_path: Path, pid: int | None) -> None:
        self.folder = folder
        self.lock_path = lock_path
        self.pid = pid
        who = f"process {pid}" if pid else "another process"
        super().__init__(f"{folder}: {who} is building into this folder (lock {lock_path})")


def lock_path(folder: Path) -> Path:
    """The lock file of ``folder``: ``.<name>.lock`` in its parent."""
    folder = Path(folder)
    return folder.parent / f".{folder.name}.lock"


def _holder(fd: int) -> int | None:
    with contextlib.suppress(OSError, ValueError):
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        return int(text) if text.isdigit() else None
    return None


@contextlib.contextmanager
def folder_lock(
    folder: Path,
    *,
    wait: bool = True,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[Path]:
    """Hold the lock of ``folder`` for the block (see the module docstring)."""
    folder = Path(folder)
    path = lock_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _holder(fd)
            if not wait:
                raise LockBusy(folder, path, pid) from None
            if on_wait is not None:
                who = f"process {pid}" if pid else "another process"
                on_wait(f"{folder}: waiting for {who} to finish building into this folder")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield path
    finally:
        os.close(fd)  # releases the flock


@contextlib.contextmanager
def folder_locks(
    folders: Sequence[Path],
    *,
    wait: bool = True,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[None]:
    """Hold the locks of several folders, taken in a fixed order (no deadlock)."""
    with contextlib.ExitStack() as stack:
        for folder in sorted({Path(f).absolute() for f in folders}):
            stack.enter_context(folder_lock(folder, wait=wait, on_wait=on_wait))
        yield
