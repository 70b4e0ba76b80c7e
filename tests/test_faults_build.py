"""Fault tests of `digest build`: kills at random moments, two builds at once, stale locks,
children that must die with the build, temporary folders of dead builds.

Each build is a real ``python -m generator`` child in its own process group, over a
throw-away project in tmp_path (tests/faultkit.py). The reference outputs "old" and "new"
are complete builds of two corpora; after any fault, docs/ and site/ must each be exactly
one of them, never a mix, never partial.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from faultkit import (
    cmdline,
    digest,
    kill_session,
    leftovers,
    make_corpus,
    read_only_folders,
    session_pids,
    start,
    tree,
    wait_session_empty,
    write_config,
)
from faultkit import (
    env as faultkit_env,
)

pytestmark = [
    pytest.mark.xdist_group("faults-build"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc and flock"),
]

KILL_SEED = 20261202
KILL_POINTS = 4


class Project:
    """A corpus, a config and an output folder; ``build()`` runs the CLI on them."""

    def __init__(self, base: Path, corpus: Path, cache: Path, workers: int = 1) -> None:
        self.base = base
        self.out = base / "out"
        self.cfg = write_config(base, corpus=corpus, out=self.out, cache=cache, workers=workers)

    def cmd(self, *args: str) -> list[str]:
        return digest(self.cfg, "build", "--no-briefs", *args)

    def build(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run a build to its end; nothing of it (MkDocs, workers) may be left running."""
        proc = start(self.cmd(*args), self.base)
        try:
            out, err = proc.communicate(timeout=300)
            assert wait_session_empty(proc.pid, 2.0) == [], "a child outlived the build"
        finally:
            kill_session(proc.pid)
        return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)

    def outputs(self) -> tuple[dict[str, bytes], dict[str, bytes]]:
        return tree(self.out / "docs"), tree(self.out / "site")


@pytest.fixture(scope="module")
def refs(tmp_path_factory):
    """Complete reference builds of the old and the new corpus (shared analysis cache)."""
    tmp = tmp_path_factory.mktemp("faults")
    cache = tmp / "cache"
    old_corpus = make_corpus(tmp / "corpus-old")
    new_corpus = make_corpus(tmp / "corpus-new", edit="(обновлено)")
    old = Project(tmp / "ref-old", old_corpus, cache)
    new = Project(tmp / "ref-new", new_corpus, cache)
    for p in (old, new):
        done = p.build()
        assert done.returncode == 0, done.stderr
    old_trees, new_trees = old.outputs(), new.outputs()
    assert old_trees[0] != new_trees[0] and old_trees[1] != new_trees[1]
    assert "index.html" in old_trees[1] and "index.md" in old_trees[0]
    return {"tmp": tmp, "cache": cache, "new_corpus": new_corpus, "old": old, "new": new}


def _from_old(refs, name: str) -> Project:
    """A project holding the old outputs, about to build the new corpus."""
    p = Project(refs["tmp"] / name, refs["new_corpus"], refs["cache"])
    shutil.copytree(refs["old"].out, p.out, symlinks=True)
    (p.out / ".site.build-stamp").unlink(missing_ok=True)  # stamps name the old paths
    return p


def _is_old_or_new(refs, p: Project) -> tuple[str, str]:
    docs, site = p.outputs()
    (old_docs, old_site), (new_docs, new_site) = refs["old"].outputs(), refs["new"].outputs()
    docs_kind = "old" if docs == old_docs else "new" if docs == new_docs else "MIXED"
    site_kind = "old" if site == old_site else "new" if site == new_site else "MIXED"
    return docs_kind, site_kind


def test_sigkill_of_the_build_at_random_moments_leaves_old_or_new_outputs(refs):
    """SIGKILL of the whole process group at seeded random moments: docs/ and site/ are
    each complete, old or new, never mixed; nothing of the build keeps running; the next
    build finishes the job and removes the temporary folders of dead builds (only theirs)."""
    timing = _from_old(refs, "timing")
    began = time.monotonic()
    done = timing.build()
    duration = time.monotonic() - began
    assert done.returncode == 0, done.stderr
    assert _is_old_or_new(refs, timing) == ("new", "new")

    rng = random.Random(KILL_SEED)
    moments = sorted(rng.uniform(0.15, 1.0) * duration for _ in range(KILL_POINTS))
    for n, moment in enumerate(moments):
        p = _from_old(refs, f"kill-{n}")
        proc = start(p.cmd(), p.base)
        time.sleep(moment)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        try:
            assert wait_session_empty(proc.pid, 5) == []
        finally:
            kill_session(proc.pid)
        kinds = _is_old_or_new(refs, p)
        assert "MIXED" not in kinds, f"killed at {moment:.2f}s of {duration:.2f}s: {kinds}"
        assert all(name.endswith(f"-{proc.pid}") for name in leftovers(p.out))
    # the last killed project: plant a dead build's junk and a live process's folder too
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()  # its pid belonged to a process that is gone now
    for name in (f".docs.tmp-{dead.pid}", f".docs.old-{dead.pid}", f".site.tmp-{dead.pid}"):
        (p.out / name / "assets").mkdir(parents=True)
        (p.out / name / "assets" / "big.bin").write_bytes(b"\0" * 4096)
    live = p.out / f".site.tmp-{os.getpid()}"  # a live process's folder is not touched
    live.mkdir()
    again = p.build()
    assert again.returncode == 0, again.stderr
    assert _is_old_or_new(refs, p) == ("new", "new")
    assert leftovers(p.out) == [live.name]


def test_killing_only_the_build_process_kills_mkdocs_too(refs):
    """SIGKILL of the main process alone while MkDocs runs: MkDocs dies with it (Linux
    parent-death signal) instead of writing on. The site is built from the new docs before
    either is swapped in, so both stay the old ones."""
    p = _from_old(refs, "orphan")
    proc = start(p.cmd(), p.base)
    try:
        mkdocs = None
        end = time.monotonic() + 120
        while mkdocs is None and time.monotonic() < end and proc.poll() is None:
            for pid in session_pids(proc.pid):
                if pid != proc.pid and "mkdocs" in cmdline(pid):
                    mkdocs = pid
            time.sleep(0.01)
        assert mkdocs is not None, "MkDocs never started"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        # the kernel signals the child as the parent exits: it is gone almost at once
        assert wait_session_empty(proc.pid, 1.0) == []
    finally:
        kill_session(proc.pid)
    assert _is_old_or_new(refs, p) == ("old", "old")


def test_killing_only_the_build_process_kills_the_analysis_workers(tmp_path):
    """SIGKILL of the main process while the analysis pool works: no worker survives."""
    corpus = make_corpus(tmp_path / "corpus", copies=2)  # 15 articles, nothing cached
    p = Project(tmp_path / "p", corpus, tmp_path / "cache", workers=2)
    proc = start(p.cmd(), p.base)
    try:
        end = time.monotonic() + 120
        while len(session_pids(proc.pid)) < 3 and time.monotonic() < end:
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.01)
        assert len(session_pids(proc.pid)) >= 3, "the pool never started"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert wait_session_empty(proc.pid, 2.0) == []
    finally:
        kill_session(proc.pid)


def test_two_builds_at_once_both_succeed_one_after_the_other(refs):
    p = _from_old(refs, "twice")
    first, second = start(p.cmd(), p.base), start(p.cmd(), p.base)
    try:
        results = [(proc.communicate(timeout=300), proc.returncode) for proc in (first, second)]
    finally:
        kill_session(first.pid)
        kill_session(second.pid)
    for (_out, err), code in results:
        assert code == 0, err
        assert "Traceback" not in err
    assert any("waiting for process" in err for (_o, err), _c in results)
    assert _is_old_or_new(refs, p) == ("new", "new")
    assert leftovers(p.out) == []


def test_no_wait_exits_3_naming_the_holder_and_a_waiting_build_goes_on_after(refs):
    from generator.locks import folder_lock

    p = _from_old(refs, "held")
    with folder_lock(p.out / "site"):
        done = p.build("--no-wait")
        assert done.returncode == 3
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and f"process {os.getpid()}" in lines[0]
        assert str(p.out / "site") in lines[0]
        waiting = start(p.cmd(), p.base)
        try:
            deadline = time.monotonic() + 60
            while _lock_waiters(p) == 0 and time.monotonic() < deadline:
                assert waiting.poll() is None, waiting.communicate()
                time.sleep(0.05)
            assert _lock_waiters(p) == 1  # blocked on the lock, not finished
            assert waiting.poll() is None
        except BaseException:
            kill_session(waiting.pid)
            raise
    try:
        _out, err = waiting.communicate(timeout=300)
    finally:
        kill_session(waiting.pid)
    assert waiting.returncode == 0, err
    assert f"waiting for process {os.getpid()}" in err
    assert _is_old_or_new(refs, p) == ("new", "new")


def _lock_waiters(p: Project) -> int:
    """Processes blocked on a flock of the project's lock files (from /proc/locks)."""
    inodes = set()
    for name in (".site.lock", ".docs.lock"):
        if (p.out / name).exists():
            inodes.add((p.out / name).stat().st_ino)
    waiters = 0
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if "->" in fields and int(fields[-3].rsplit(":", 1)[-1]) in inodes:
            waiters += 1
    return waiters


def test_a_dead_builds_lock_is_taken_over(refs):
    p = _from_old(refs, "stale")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from generator.locks import folder_lock\n"
            "with folder_lock(Path(sys.argv[1])):\n"
            "    print('held', flush=True); time.sleep(600)",
            str(p.out / "docs"),
        ],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert (p.out / ".docs.lock").read_text().strip() == str(holder.pid)
        busy = p.build("--no-wait", "--no-site")
        assert busy.returncode == 3 and f"process {holder.pid}" in busy.stderr
    finally:
        holder.kill()
        holder.wait()
    done = p.build("--no-wait", "--no-site")
    assert done.returncode == 0, done.stderr
    assert (p.out / ".docs.lock").read_text().strip() != str(holder.pid)


@pytest.fixture
def read_only():
    yield from read_only_folders()


def test_a_read_only_docs_folder_is_an_environment_error(refs, read_only):
    p = _from_old(refs, "readonly")
    before = p.outputs()
    read_only(p.out / "docs")
    done = p.build()
    assert done.returncode == 3, done.stderr
    lines = done.stderr.strip().splitlines()
    assert "Traceback" not in done.stderr
    assert re.search(rf"error: {re.escape(str(p.out / 'docs'))}\S*: ", lines[-1]), lines
    assert p.outputs() == before
    assert leftovers(p.out) == []


@pytest.fixture
def small_disk(tmp_path):
    """A tmpfs mounted in tmp_path (root only; skipped with the reason otherwise)."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(mnt)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip() or 'not root'}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _used(folder: Path) -> int:
    st = os.statvfs(folder)
    return (st.f_blocks - st.f_bfree) * st.f_frsize


@pytest.mark.parametrize("room", ["docs", "site"])
def test_a_full_disk_is_one_line_exit_3_and_leaves_the_old_outputs(refs, small_disk, room):
    """The disk fills while the docs (room "docs") or the site (room "site") are written:
    exit 3, one line naming a path on that disk, no traceback, old outputs intact."""
    p = Project(small_disk, refs["new_corpus"], refs["cache"])
    shutil.copytree(refs["old"].out, p.out, symlinks=True)
    (p.out / ".site.build-stamp").unlink(missing_ok=True)
    if room == "site":  # every page differs from the old site's (as after a theme change):
        for page in (p.out / "site").rglob("*.html"):  # none is a link to an old one
            page.write_bytes(page.read_bytes() + b"\n")
    before = p.outputs()
    docs_bytes = sum(len(b) for b in before[0].values())
    # room for less than the new docs, or for the docs and a part of the site
    spare = docs_bytes // 3 if room == "docs" else docs_bytes * 2 + 1_000_000
    size = _used(small_disk) + spare
    subprocess.run(["mount", "-o", f"remount,size={size}", str(small_disk)], check=True)
    done = p.build()
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("digest build: error: ") and "No space left on device" in last
    assert str(small_disk) in last
    assert p.outputs() == before
    assert leftovers(p.out) == []


def test_sigkill_of_ingest_at_random_moments_leaves_only_whole_articles(tmp_path):
    """Ingest of many raw files killed at seeded random moments: every corpus file is a
    whole article (the seeds as they were, or a complete new one); the next run finishes
    the job and removes the temporary files of the killed one."""
    from generator.corpus import load_corpus

    raw = tmp_path / "raw"
    raw.mkdir()
    sources = sorted((Path(__file__).resolve().parent.parent / "seeds" / "raw").glob("*.txt"))
    for k in range(8):
        for src in sources:
            text = src.read_text(encoding="utf-8")
            (raw / f"{k}_{src.name}").write_text(
                text + f"\n\nДополнение номер {k} к материалу.\n", encoding="utf-8"
            )
    corpus = make_corpus(tmp_path / "corpus")
    seeds_before = tree(corpus)
    cfg = write_config(tmp_path, corpus=corpus, out=tmp_path / "out", cache=tmp_path / "c")
    cmd = digest(cfg, "ingest", str(raw), "--into", str(corpus), "--quiet")

    ref_corpus = make_corpus(tmp_path / "ref")
    began = time.monotonic()
    ref = subprocess.run(
        digest(cfg, "ingest", str(raw), "--into", str(ref_corpus), "--quiet"),
        cwd=tmp_path,
        env=faultkit_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    duration = time.monotonic() - began
    assert ref.returncode == 0, ref.stderr
    complete = tree(ref_corpus)
    assert len(complete) == len(seeds_before) + 40

    rng = random.Random(KILL_SEED + 1)
    for moment in sorted(rng.uniform(0.3, 1.0) * duration for _ in range(KILL_POINTS)):
        proc = start(cmd, tmp_path)
        time.sleep(moment)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        kill_session(proc.pid)
        _articles, problems = load_corpus(corpus)
        assert problems == (), f"killed at {moment:.2f}s: {problems}"
        now = tree(corpus)
        for name, data in now.items():
            if name.endswith(".md") and not name.startswith("."):
                assert data == complete[name], f"{name} is not a whole article"
    # what a kill in the middle of an atomic write leaves (mkstemp's name)
    (corpus / ".0a1b2c3d4e5f6a7b.md.k2x9_q.tmp").write_text("---\ntitle: half", encoding="utf-8")
    again = subprocess.run(cmd, cwd=tmp_path, env=faultkit_env(), capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert tree(corpus) == complete  # no temporary file left either


def test_leftovers_go_even_when_the_site_is_up_to_date(refs):
    """A build killed after its swap but before removing the previous folder leaves it in
    ``.site.tmp-<pid>``; the next build removes it although nothing needs rebuilding."""
    p = refs["new"]
    before = p.outputs()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    for name in (f".site.tmp-{dead.pid}", f".docs.tmp-{dead.pid}"):
        (p.out / name / "html").mkdir(parents=True)
        (p.out / name / "html" / "index.html").write_text("old site")
    done = p.build()
    assert done.returncode == 0, done.stderr
    assert leftovers(p.out) == []
    assert p.outputs() == before
