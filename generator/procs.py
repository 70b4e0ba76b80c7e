"""Child processes that never outlive the build: MkDocs and the analysis pool workers.

Every child stays in the build's process group (a Ctrl-C or a ``kill -- -PGID`` reaches it)
and asks the Linux kernel for ``SIGKILL`` when its parent dies (``PR_SET_PDEATHSIG``), so
even a ``SIGKILL`` of the build process alone leaves nothing running. A child started by
``run_child`` is always waited for; an exception or signal in the parent kills it first.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
from collections.abc import Sequence

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """In a child: be killed when the parent dies; exit now if it is already gone.

    Linux only (elsewhere a no-op). Safe to call between ``fork`` and ``exec`` and as a
    ``ProcessPoolExecutor`` initializer. The signal follows the parent *thread* that forked
    the child, so fork children from a thread that lives as long as the build (the main one).
    """
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def _preexec(parent_pid: int):
    def hook() -> None:
        die_with_parent(parent_pid)

    return hook


def run_child(
    cmd: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    cwd: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``cmd`` to completion, capturing its output; it dies with this process.

    On any exception in the parent while waiting (KeyboardInterrupt, SystemExit from a
    signal handler) the child is killed and reaped before the exception goes on.
    """
    proc = subprocess.Popen(
        list(cmd),
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_preexec(os.getpid()),  # only prctl: no locks taken
    )
    try:
        out, err = proc.communicate()
    except BaseException:
        with contextlib.suppress(OSError):
            proc.kill()
        proc.wait()
        raise
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
