"""Build the HTML site from docs/ with MkDocs Material, reproducibly and without the network.

``build_site`` writes a small derived MkDocs config that INHERITs the project's
``mkdocs.yml`` and sets what depends on the digest: site name, description, URL, interface
language, the docs/site folders and the navigation (the topic pages are listed; article,
week and entity pages are reached from index pages, which keeps the build linear). MkDocs
runs in a subprocess with ``SOURCE_DATE_EPOCH`` set from the data, so sitemap dates and the
gzip header never carry the build time. The site is built in a sibling folder
(``.<site>.tmp-<pid>``) and swapped in whole; MkDocs dies with the build (``procs``).
MkDocs converts and renders only the pages that changed since the last build of the same
site: the others come from the page cache (``render/mkdocs_hooks.py``, under the local
cache folder, ``mkdocs/``); the site is byte-identical to a build without it.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import re
import shutil
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.fileio import (
    PreviousFiles,
    atomic_write_bytes,
    atomic_write_text,
    check_writable,
    clean_stale,
    remove_tree,
    swap_folder,
    tmp_sibling,
)
from generator.procs import run_child
from generator.settings import Settings

PROJECT_MKDOCS = Path(__file__).resolve().parents[1] / "mkdocs.yml"
# Material's search skips the pages whose index entries finalize_site replaces anyway
MKDOCS_HOOKS = Path(__file__).resolve().parent / "render" / "mkdocs_hooks.py"
# Material's offline plugin would load this WebWorker shim from unpkg.com; we ship it.
IFRAME_WORKER_SHIM = "assets/vendor/iframe-worker/shim.js"
CACHE_ENV = "DIGEST_PAGE_CACHE"  # as mkdocs_hooks.CACHE_ENV: the page cache file of a build
PREVIOUS_ENV = "DIGEST_PREVIOUS_SITE"  # as mkdocs_hooks.PREVIOUS_ENV: unchanged files linked
FAST_EXIT_ENV = "DIGEST_FAST_EXIT"  # as mkdocs_hooks.FAST_EXIT_ENV: no teardown after success


class PublishError(RuntimeError):
    """MkDocs failed; the message carries its output."""


def mkdocs_config_path(settings: Settings) -> Path:
    """The project's mkdocs.yml: next to the config file if there is one, else the code's."""
    local = settings.path("mkdocs.yml")
    return local if local.is_file() else PROJECT_MKDOCS


def _base_config(base: Path) -> dict[str, Any]:
    """The project's mkdocs.yml as MkDocs reads it (!ENV and python tags understood)."""
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    with open(base, "rb") as fh:
        return yaml_load(fh, get_yaml_loader())


def _front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    end = text.find("\n---\n", 4)
    if not text.startswith("---\n") or end < 0:
        return {}
    try:
        meta = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def navigation(docs_dir: Path, labels: dict[str, Any]) -> list[Any]:
    """The site navigation: tabs and sections; topic pages listed, articles not. The
    archive's years and weeks are listed on its index page (``weeks/index.md``), not in the
    navigation: a weekly run that adds a week or a year leaves the navigation, and so the
    theme's rendering of every unchanged page, as it was (``mkdocs_hooks``' template cache)."""
    topics_dir = docs_dir / "topics"
    metas = {p.name: _front_matter(p) for p in topics_dir.glob("*.md") if p.name != "index.md"}
    order = sorted(metas, key=lambda name: (int(metas[name].get("order", 10**6)), name))
    topics: list[Any] = ["topics/index.md"]
    for name in order:
        topics.append({str(metas[name].get("title") or name[:-3]): f"topics/{name}"})
    return [
        {labels["home"]: "index.md"},
        {labels["topics"]: topics},
        {labels["archive"]: ["weeks/index.md", {labels["timeline"]: "timeline.md"}]},
        {labels["entities"]: "entities/index.md"},
        {labels["sources"]: "sources/index.md"},
        {labels["tags"]: "tags.md"},
        {labels["about"]: "about.md"},
    ]


def _epoch(day: dt.date) -> int:
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())


# digest.json's top-level "last_date" as render.jsonexport writes it (indented by one space,
# among the first keys): read from the file's head, not by parsing tens of megabytes
_LAST_DATE = re.compile(r'^ "last_date": "(\d{4}-\d{2}-\d{2})",?$', re.MULTILINE)


def _last_date(data_file: Path) -> str | None:
    """The ``last_date`` of a ``digest.json`` (the whole file parsed unless its head has it)."""
    with open(data_file, "rb") as fh:
        head = fh.read(1 << 16).decode("utf-8", "ignore")
    if head.startswith("{\n") and (found := _LAST_DATE.search(head)):
        return found.group(1)
    return json.loads(data_file.read_text(encoding="utf-8")).get("last_date")


def source_date_epoch(docs_dir: Path) -> int:
    """``SOURCE_DATE_EPOCH`` if set, else the latest article date (digest.json, or the
    Atom feed's <updated> when the JSON export is off), else 0."""
    env = os.environ.get("SOURCE_DATE_EPOCH")
    if env and env.strip().isdigit():
        return int(env)
    data_file, feed_file = docs_dir / "digest.json", docs_dir / "feed.xml"
    try:
        if data_file.is_file():
            last = _last_date(data_file)
            if last:
                return _epoch(dt.date.fromisoformat(last))
        if feed_file.is_file():
            found = re.search(r"<updated>(\d{4}-\d{2}-\d{2})T", feed_file.read_text("utf-8"))
            if found:
                return _epoch(dt.date.fromisoformat(found.group(1)))
    except (ValueError, AttributeError):
        pass
    return 0


def derived_config(
    docs_dir: Path,
    site_dir: Path,
    settings: Settings,
    base: Path,
    offline: bool = False,
    strict: bool = True,
    *,
    source_docs: Path | None = None,
) -> str:
    """YAML text of the derived MkDocs config (INHERIT + digest-specific keys).

    ``source_docs`` (default ``docs_dir``) is where the pages are read from for the
    navigation: a staging copy of ``docs_dir`` before it is swapped in."""
    source = Path(source_docs) if source_docs is not None else Path(docs_dir)
    from generator.render.pages import load_labels

    labels = load_labels(settings.site.language)
    data = {
        "INHERIT": str(base.resolve()),
        "site_name": settings.site.name,
        "site_description": settings.site.description,
        "site_url": settings.site.url,
        "site_author": settings.site.author,
        "docs_dir": str(docs_dir.resolve()),
        "site_dir": str(site_dir.resolve()),
        "copyright": f"{settings.site.author} · {settings.site.name}",
        "theme": {"language": settings.site.language},
        "nav": navigation(source, labels),
        "strict": strict,
        "hooks": [str(MKDOCS_HOOKS)],
    }
    custom_dir = _base_config(base).get("theme", {}).get("custom_dir")
    if custom_dir:  # relative to the project's mkdocs.yml, not to the derived file
        data["theme"]["custom_dir"] = str((base.parent / custom_dir).resolve())
    if offline:
        if not (source / IFRAME_WORKER_SHIM).is_file():
            raise PublishError(f"{source}: {IFRAME_WORKER_SHIM} is missing (offline search)")
        data["extra"] = {"polyfills": [IFRAME_WORKER_SHIM]}
        # Instant navigation fetches pages, which browsers refuse on file:// (Material docs).
        features = _base_config(base).get("theme", {}).get("features", [])
        data["theme"]["features"] = [f for f in features if not f.startswith("navigation.instant")]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=True)


def page_cache_file(folder: Path, site_dir: Path, offline: bool) -> Path:
    """The page cache of one site (``mkdocs_hooks``): one file per site folder and mode,
    so that two sites built from one cache folder do not evict each other's pages."""
    name = hashlib.sha256(f"{Path(site_dir).resolve()}\0{offline}".encode()).hexdigest()
    return folder / f"pages-{name[:16]}.msgpack"


def _claim_page_cache(cache_file: Path, site_dir: Path) -> None:
    """Note which site ``cache_file`` serves (``<name>.site``) and remove the caches of the
    sites that are gone (test builds, ``--out`` folders deleted): the folder holds the
    caches of existing sites only. Best effort: a cache that cannot be tidied costs space."""
    folder = cache_file.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(cache_file.with_suffix(".site"), f"{Path(site_dir).resolve()}\n")
        cache_file.with_suffix(".json").unlink(missing_ok=True)  # its JSON of before MessagePack
        for marker in folder.glob("pages-*.site"):
            if marker.stem == cache_file.stem:
                continue
            served = Path(marker.read_text(encoding="utf-8").strip())
            if served.exists():  # (a first build elsewhere may lose its new cache: no harm)
                continue
            # (".json": the page cache of before MessagePack)
            gone_files = (".msgpack", ".json", ".stats.json", ".memo.json")
            for gone in (marker.with_suffix(suffix) for suffix in gone_files):
                gone.unlink(missing_ok=True)
            shutil.rmtree(marker.with_suffix(".html"), ignore_errors=True)
            marker.unlink(missing_ok=True)
    except (OSError, UnicodeDecodeError):
        pass


def _stamp_path(site_dir: Path) -> Path:
    return site_dir.parent / f".{site_dir.name}.build-stamp"


def build_fingerprint(docs_dir: Path, config_text: str, base: Path, extra: str) -> str:
    """Hash of everything a build depends on: docs/, the configs, the options, the code."""
    import material
    import mkdocs

    h = hashlib.sha256()
    for part in (config_text, base.read_text(encoding="utf-8"), extra):
        h.update(part.encode("utf-8") + b"\0")
    h.update(f"mkdocs {mkdocs.__version__} material {material.__version__}\0".encode())
    code = Path(__file__).resolve().parent
    for src in [code / "publish.py", *sorted((code / "render").glob("*.py"))]:
        h.update(src.read_bytes())
    for p in sorted(docs_dir.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(docs_dir).as_posix().encode("utf-8") + b"\0")
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


_OS_ERROR = re.compile(r"\[Errno (\d+)\] ([^:\n]+): '([^'\n]+)'(?: -> '([^'\n]+)')?")


def _mkdocs_failure(out: str, docs_dir: Path, staging: Path) -> Exception:
    """An environment error (full disk, permissions) as ``OSError`` naming the path; any
    other MkDocs failure as ``PublishError`` with MkDocs' own output."""
    for m in _OS_ERROR.finditer(out):
        code = int(m.group(1))
        if code in (errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS):
            return OSError(code, os.strerror(code), m.group(4) or m.group(3))  # copy: target
    if "No space left on device" in out:
        return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(staging))
    return PublishError(f"mkdocs build failed for {docs_dir}:\n{out.strip()}")


@dataclass
class StagedSite:
    """A site built beside ``site_dir``, waiting to be swapped in by ``commit``.

    ``staging`` is None when the existing site is already up to date (nothing to swap).
    """

    site_dir: Path
    staging: Path | None
    fingerprint: str
    child_cpu: float = 0.0  # CPU seconds of the MkDocs process (0 when it did not run)

    @property
    def built(self) -> Path | None:
        return self.staging / "html" if self.staging is not None else None

    def commit(self) -> bool:
        """Swap the new site in (one atomic rename on Linux) and record its stamp."""
        if self.staging is None:
            return False
        _stamp_path(self.site_dir).unlink(missing_ok=True)
        try:
            previous = swap_folder(self.staging / "html", self.site_dir)
        except BaseException:
            self.discard()
            raise
        atomic_write_text(_stamp_path(self.site_dir), self.fingerprint + "\n")
        remove_tree(self.staging)  # holds the previous site after an exchange
        if previous is not None and previous.exists():
            remove_tree(previous)
        self.staging = None
        return True

    def discard(self) -> None:
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None


def _write_late(files: Mapping[str, bytes], *roots: tuple[Path, PreviousFiles]) -> None:
    """Write ``files`` over their placeholders in each of ``roots``: (folder, the folder it
    replaces or None) for docs and the built site. A file equal to the replaced folder's is
    a link to it; the others are written as new files over the placeholders."""
    for rel, data in sorted(files.items()):
        for root, previous in roots:
            dest = root / rel
            if not dest.is_file():  # a placeholder stands there; MkDocs copies each file
                raise PublishError(f"{dest}: placeholder missing")
            link = dest.with_name(f".{dest.name}.link")
            if previous.link(rel, link, data):
                os.replace(link, dest)
            else:
                atomic_write_bytes(dest, data)


def prepare_site(
    docs_dir: Path,
    site_dir: Path,
    settings: Settings,
    strict: bool = True,
    offline: bool = False,
    force: bool = False,
    *,
    final_docs: Path | None = None,
    late_files: Callable[[], Mapping[str, bytes]] | None = None,
    late_changes: bool = False,
    page_cache: bool | Path = True,
) -> StagedSite:
    """Run ``mkdocs build`` on ``docs_dir`` into a fresh sibling of ``site_dir``.

    ``site_dir`` itself is not touched: ``commit()`` the result to swap it in. ``docs_dir``
    may be a staging copy of ``final_docs`` (the folder the site is built from for good);
    the up-to-date check uses the final paths. MkDocs runs as a child that dies with this
    process. Raises ``PublishError`` (MkDocs failed) or ``OSError`` (full disk, read-only
    folder: naming the path); the staging folder is removed then.

    ``late_files`` (the PDF briefs and search assets, while they are still made) gives files of
    ``docs_dir`` that MkDocs only copies: they stand in ``docs_dir`` as placeholders of the
    same names during the build; their bytes are asked for after MkDocs and written into
    ``docs_dir`` and the built site (where MkDocs copied the placeholders), and the stamp is
    the hash of the finished ``docs_dir``. When a built site exists and ``late_changes`` is
    false, the late files are waited for first, to tell whether anything changed at all.

    ``page_cache`` (True: under ``settings.local_cache_dir()``; a folder; False: none) keeps
    the pages MkDocs converted from Markdown for the next build (``mkdocs_hooks``): MkDocs
    converts only the pages whose Markdown or links changed; the site is the same.
    """
    docs_dir, site_dir = Path(docs_dir), Path(site_dir)
    final_docs = Path(final_docs) if final_docs is not None else docs_dir
    if not (docs_dir / "index.md").is_file():
        raise PublishError(f"{docs_dir}: no index.md; render the docs first (digest build)")
    base = mkdocs_config_path(settings)
    epoch = source_date_epoch(docs_dir)
    env = dict(os.environ)
    env.update(
        NO_MKDOCS_2_WARNING="1",
        SOURCE_DATE_EPOCH=str(epoch),
        DIGEST_OFFLINE="true" if offline else "false",
        PYTHONHASHSEED="0",
        TZ="UTC",
        LC_ALL="C.UTF-8",
    )
    env[FAST_EXIT_ENV] = "1"
    env.pop(CACHE_ENV, None)
    env.pop(PREVIOUS_ENV, None)
    if page_cache is not False:
        folder = settings.local_cache_dir() / "mkdocs" if page_cache is True else page_cache
        cache_file = page_cache_file(Path(folder), site_dir, offline)
        _claim_page_cache(cache_file, site_dir)
        env[CACHE_ENV] = str(cache_file)
    final_text = derived_config(
        final_docs, site_dir, settings, base, offline, strict, source_docs=docs_dir
    )
    clean_stale(site_dir)  # leftovers of killed builds go even when nothing is rebuilt
    # the folders this build replaces: their files equal to the new ones are linked
    old_docs = PreviousFiles(final_docs if final_docs != docs_dir else None)
    old_site = site_dir if (site_dir / "index.html").is_file() else None
    stamp = _stamp_path(site_dir)
    options = f"{strict} {offline} {epoch}"
    has_site = (site_dir / "index.html").is_file() and stamp.is_file()
    if late_files is not None and has_site and not late_changes and not force:
        _write_late(late_files(), (docs_dir, old_docs))  # maybe nothing changed: the files tell
        late_files = None
    fingerprint = "" if late_files else build_fingerprint(docs_dir, final_text, base, options)
    if (
        not force
        and late_files is None
        and (site_dir / "index.html").is_file()
        and stamp.is_file()
        and stamp.read_text(encoding="utf-8").strip() == fingerprint
    ):
        return StagedSite(site_dir, None, fingerprint)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    check_writable(site_dir)
    staging = tmp_sibling(site_dir)
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir()
        html = staging / "html"
        config_text = derived_config(docs_dir, html, settings, base, offline, strict)
        cfg = staging / "mkdocs.yml"
        atomic_write_text(cfg, config_text)
        cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(cfg)]
        if old_site is not None:
            env[PREVIOUS_ENV] = str(old_site)
        if strict:
            cmd.append("--strict")
        before = _children_cpu()
        proc = run_child(cmd, env=env, cwd=str(base.parent))
        child_cpu = _children_cpu() - before
        if proc.returncode != 0:
            raise _mkdocs_failure((proc.stderr or "") + (proc.stdout or ""), docs_dir, staging)
        if not offline:  # the 404 page is styled at the server root and under site_url
            from generator.render.errorpage import fix_error_page

            fix_error_page(html, settings.site.url)
        if late_files is not None:
            _write_late(late_files(), (docs_dir, old_docs), (html, PreviousFiles(old_site)))
            fingerprint = build_fingerprint(docs_dir, final_text, base, options)
        try:
            from generator.render import search
        except ImportError:
            pass
        else:
            search.finalize_site(html)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return StagedSite(site_dir, staging, fingerprint, child_cpu)


def _children_cpu() -> float:
    """CPU seconds of this process's reaped children (MkDocs, once ``run_child`` waited)."""
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def build_site(
    docs_dir: Path,
    site_dir: Path,
    settings: Settings,
    strict: bool = True,
    offline: bool = False,
    force: bool = False,
    page_cache: bool | Path = True,
) -> bool:
    """Run ``mkdocs build`` on ``docs_dir`` into ``site_dir``; raise PublishError on failure.

    ``offline`` enables Material's offline plugin (no directory URLs; opens from file://).
    The site is built beside ``site_dir`` and swapped in whole, so ``site_dir`` is always a
    complete site, the old or the new. When nothing the build depends on changed since the
    last build into ``site_dir`` (a stamp file next to it, ``.<site>.build-stamp``, records
    a hash), MkDocs is skipped unless ``force``. Returns True when MkDocs ran.
    ``page_cache``: see ``prepare_site``.
    """
    staged = prepare_site(
        docs_dir, site_dir, settings, strict, offline, force, page_cache=page_cache
    )
    return staged.commit()
