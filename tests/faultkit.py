"""Helpers for the fault tests: a throw-away project, builds as child processes, trees.

Every project lives in a pytest ``tmp_path``: its own digest.yml (the real config files by
absolute path), corpus, docs/, site/ and analysis cache; the project's own folders are
never touched. Builds run as ``python -m generator`` in their own session and process group,
so a test can kill the whole group, or the main process only, and then look for survivors.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(ROOT.glob("seeds/*.md"))


def write_config(
    folder: Path,
    *,
    corpus: Path,
    out: Path,
    cache: Path,
    workers: int = 1,
    extra: str = "",
) -> Path:
    """A digest.yml in ``folder`` using the project's config files; outputs in ``out``."""
    folder.mkdir(parents=True, exist_ok=True)
    cfg = folder / "digest.yml"
    cfg.write_text(
        f"""corpus: {corpus}
taxonomy: {ROOT / "config/topics.yml"}
sources: {ROOT / "config/sources.yml"}
entities: {ROOT / "config/entities.yml"}
language_data: {ROOT / "config/languages"}
stories: {{concepts: {ROOT / "config/story_concepts.yml"}}}
analysis: {{workers: {workers}}}
output:
  docs: {out / "docs"}
  site: {out / "site"}
  cache: {cache}
  briefs: false
{extra}""",
        encoding="utf-8",
    )
    return cfg


def make_corpus(folder: Path, copies: int = 0, edit: str | None = None) -> Path:
    """The five seed articles, plus ``copies`` variants of each (new id, title and a
    rotated paragraph order: distinct cache keys). ``edit`` is appended to the first
    article's title (a changed corpus)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, seed in enumerate(SEEDS):
        text = seed.read_text(encoding="utf-8")
        if edit and n == 0:
            text = re.sub(r"^title: (.*)$", rf"title: \1 {edit}", text, count=1, flags=re.M)
        (folder / seed.name).write_text(text, encoding="utf-8")
        head, body = text.split("\n---\n", 1)
        paras = [p for p in body.strip().split("\n\n") if p.strip()]
        for k in range(1, copies + 1):
            new_id = f"{seed.stem[:10]}v{k:03d}"
            h = head.replace(f"id: {seed.stem}", f"id: {new_id}")
            h = re.sub(r"^title: (.*)$", rf"title: \1 — {k}", h, count=1, flags=re.M)
            rot = paras[k % len(paras) :] + paras[: k % len(paras)]
            (folder / f"{new_id}.md").write_text(
                h + "\n---\n\n" + "\n\n".join(rot) + "\n", encoding="utf-8"
            )
    return folder


def env() -> dict[str, str]:
    e = dict(os.environ)
    e.update(PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    return e


def digest(cfg: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "generator", "--config", str(cfg), *args]


def start(cmd: list[str], cwd: Path) -> subprocess.Popen[str]:
    """Start ``cmd`` in a new session (its own process group, pgid == pid)."""
    return subprocess.Popen(
        cmd,
        cwd=str(cwd),
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def run(cmd: list[str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, cwd=str(cwd), env=env(), capture_output=True, text=True, timeout=timeout
    )


def second_names(folder: Path, into: Path) -> None:
    """A hard link under ``into`` to every file under ``folder``: the files as they are now
    stay readable (and checkable) after ``folder`` is replaced."""
    for p in folder.rglob("*"):
        if p.is_file():
            (into / p.relative_to(folder)).parent.mkdir(parents=True, exist_ok=True)
            os.link(p, into / p.relative_to(folder))


def tree(folder: Path) -> dict[str, bytes]:
    """Relative path -> bytes of every file under ``folder`` ({} when it is missing)."""
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def leftovers(out: Path) -> list[str]:
    """Temporary siblings of docs/ and site/ (``.docs.tmp-<pid>`` and the like)."""
    return sorted(p.name for p in out.glob(".*.tmp-*")) + sorted(
        p.name for p in out.glob(".*.old-*")
    )


def session_pids(sid: int) -> list[int]:
    """Live processes (not zombies) of session ``sid``."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2 :].split()
        if int(fields[3]) == sid and fields[0] != "Z":
            pids.append(int(stat.parent.name))
    return sorted(pids)


def wait_session_empty(sid: int, timeout: float) -> list[int]:
    """Wait up to ``timeout`` s for session ``sid`` to have no process; return survivors."""
    end = time.monotonic() + timeout
    while True:
        alive = session_pids(sid)
        if not alive or time.monotonic() > end:
            return alive
        time.sleep(0.02)


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def kill_session(sid: int) -> None:
    """Clean up after a test: SIGKILL whatever is left in the session."""
    for pid in session_pids(sid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def read_only_folders():
    """Fixture body: yields ``make(folder)``, which makes a folder read-only. For a normal
    user by chmod; root ignores modes, so for root a read-only bind mount of the folder
    onto itself (the test is skipped where mounting is refused). Undone at the end."""
    undo = []

    def make(folder: Path) -> None:
        if os.geteuid() != 0:
            for d in [folder, *(q for q in folder.rglob("*") if q.is_dir())]:
                d.chmod(0o555)
                undo.append(lambda d=d: d.chmod(0o755))
            return
        bind = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
        if bind.returncode != 0:
            pytest.skip(f"cannot bind-mount here: {bind.stderr.decode().strip()}")
        undo.append(lambda: subprocess.run(["umount", str(folder)], check=False))
        ro = subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True)
        if ro.returncode != 0:
            pytest.skip(f"cannot remount read-only here: {ro.stderr.decode().strip()}")

    yield make
    for step in reversed(undo):
        step()
