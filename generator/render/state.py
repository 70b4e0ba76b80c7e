"""Whether docs/ is already what a render would write: the render's inputs, hashed.

An unchanged rebuild need not render every page in memory to find that nothing differs.
``render_key`` hashes everything the docs/ folder is made from: the ``Digest`` (its values,
pickled without the memo so shared objects and copies hash alike), the settings, the
generator's code, the templates, the configuration files the settings name (taxonomy,
entity registry, glossary, outlets, story concepts, language data, ``digest.yml``), the
front week and the extra files (the PDF briefs, by their bytes). After a build the key is
recorded with a signature of the docs/ folder it produced (every file's path, size, inode
and modification time); the next build skips the render when both still match. Any other
change (a template, a config value, one article) gives another key, and the render runs
as before. A machine translation engine makes the key unusable (its cache is an input
that is not hashed), so no render is skipped then.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path

from generator.fileio import atomic_write_text
from generator.models import Digest
from generator.render.pagecache import pickle_hash
from generator.settings import Settings

STATE_VERSION = "render-state-1"
PACKAGE_DIR = Path(__file__).resolve().parents[1]
TEMPLATES_DIR = PACKAGE_DIR.parent / "templates"


def digest_fingerprint(digest: Digest) -> str:
    """SHA-256 of the digest's values (a pickle without the memo: equal values, equal
    bytes, whether or not two fields share one object)."""
    h = hashlib.sha256()
    pickle_hash(h, digest)
    return h.hexdigest()


def _hash_files(h: hashlib._Hash, root: Path, paths: list[Path]) -> None:
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        h.update(str(path.relative_to(root)).encode("utf-8", "surrogateescape") + b"\0")
        h.update(hashlib.sha256(data).digest())


def _files_under(folder: Path, pattern: str = "*") -> list[Path]:
    if not folder.is_dir():
        return [folder] if folder.is_file() else []
    return sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)


def inputs_fingerprint(settings: Settings) -> str:
    """SHA-256 of the code, templates and configuration files a render reads."""
    h = hashlib.sha256(STATE_VERSION.encode() + b"\0" + repr(settings).encode("utf-8"))
    _hash_files(h, PACKAGE_DIR.parent, _files_under(PACKAGE_DIR, "*.py"))
    _hash_files(h, TEMPLATES_DIR.parent, _files_under(TEMPLATES_DIR))
    named = [
        settings.path(settings.taxonomy),
        settings.path(settings.sources),
        settings.path(settings.entities),
        settings.path(settings.stories.concepts),
        settings.path(settings.language_data),
    ]
    folders = sorted({p if p.is_dir() else p.parent for p in named})
    config_files = sorted({f for d in folders for f in _files_under(d)})
    if settings.config_file is not None:
        config_files.append(Path(settings.config_file))
    for path in config_files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        h.update(str(path.resolve()).encode("utf-8", "surrogateescape") + b"\0")
        h.update(hashlib.sha256(data).digest())
    return h.hexdigest()


def render_key(
    digest_hash: str, settings: Settings, *, front_week: str | None, options: str = ""
) -> str | None:
    """The key of a render's inputs but the extra files, or None when they cannot all be
    hashed (a machine translation engine is configured: its cache is read by the render)."""
    if settings.translation.engine not in ("", "none"):
        return None
    h = hashlib.sha256(STATE_VERSION.encode() + b"\0")
    for part in (digest_hash, inputs_fingerprint(settings), repr(front_week), options):
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()


def extras_hash(extra_files: Mapping[str, str | bytes]) -> str:
    """SHA-256 of the extra files (the PDF briefs) by name and bytes."""
    h = hashlib.sha256()
    for name in sorted(extra_files):
        data = extra_files[name]
        raw = data.encode("utf-8") if isinstance(data, str) else data
        h.update(name.encode("utf-8") + b"\0" + hashlib.sha256(raw).digest())
    return h.hexdigest()


def tree_signature(folder: Path) -> tuple[str, list[str]] | None:
    """(hash of every file's path, size, inode and modification time; the relative paths)
    of ``folder``, or None when it is missing."""
    folder = Path(folder)
    if not folder.is_dir():
        return None
    rows: list[str] = []
    stack = [(folder, "")]
    while stack:
        base, prefix = stack.pop()
        try:
            entries = list(os.scandir(base))
        except OSError:
            return None
        for e in entries:
            rel = prefix + e.name
            if e.is_dir(follow_symlinks=False):
                stack.append((Path(e.path), rel + "/"))
            else:
                st = e.stat(follow_symlinks=False)
                rows.append(f"{rel}\0{st.st_size}\0{st.st_ino}\0{st.st_mtime_ns}\0{st.st_mode}")
    rows.sort()
    h = hashlib.sha256("\n".join(rows).encode("utf-8", "surrogateescape"))
    return h.hexdigest(), [r.split("\0", 1)[0] for r in rows]


def state_path(settings: Settings, docs_dir: Path) -> Path:
    """Where the render state of ``docs_dir`` is kept (the local cache folder)."""
    name = hashlib.sha256(str(Path(docs_dir).resolve()).encode("utf-8")).hexdigest()[:24]
    return settings.local_cache_dir() / "render" / f"{name}.json"


LEGACY_PAGES = ".pages.json"  # the rendered pages' file before MessagePack (removed)


def pages_path(settings: Settings, docs_dir: Path) -> Path:
    """Where the rendered article pages of ``docs_dir`` are kept (``render.pagecache``)."""
    return state_path(settings, docs_dir).with_suffix(".pages.msgpack")


def search_parts_path(settings: Settings, docs_dir: Path) -> Path:
    """Where the search assets' parts of ``docs_dir``'s articles are kept
    (``search.SearchParts``)."""
    return state_path(settings, docs_dir).with_suffix(".search.msgpack")


def claim_pages(settings: Settings, docs_dir: Path) -> None:
    """Note which docs/ folder its rendered pages serve (``<name>.docs``) and remove the
    rendered pages of folders that are gone (test builds, deleted ``--out`` folders): the
    cache holds the pages of existing sites only. Best effort."""
    mine = pages_path(settings, docs_dir)
    try:
        marker = mine.with_name(mine.name[: -len(".pages.msgpack")] + ".docs")
        atomic_write_text(marker, f"{Path(docs_dir).resolve()}\n")
        marker.with_suffix(LEGACY_PAGES).unlink(missing_ok=True)
        for other in mine.parent.glob("*.docs"):
            if Path(other.read_text(encoding="utf-8").strip()).exists():
                continue
            for suffix in (".pages.msgpack", ".search.msgpack", LEGACY_PAGES, ".json"):
                other.with_suffix(suffix).unlink(missing_ok=True)
            other.unlink(missing_ok=True)
    except (OSError, UnicodeDecodeError):
        pass


def unchanged_docs(
    settings: Settings, docs_dir: Path, key: str | None
) -> tuple[str, list[str]] | None:
    """(the extra files' hash recorded, the files of ``docs_dir``) when ``docs_dir`` is what
    a render of ``key`` wrote and was not touched since; None otherwise (render)."""
    if key is None:
        return None
    try:
        state = json.loads(state_path(settings, docs_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(state, dict) or state.get("key") != key:
        return None
    sig = tree_signature(docs_dir)
    if sig is None or sig[0] != state.get("docs"):
        return None
    return str(state.get("extras")), sig[1]


def record(settings: Settings, docs_dir: Path, key: str | None, extras: str | None = None) -> None:
    """Record that ``docs_dir`` is the render of ``key`` with extra files of hash
    ``extras`` (forgotten when either is None). A cache folder that cannot be written only
    costs the next build its shortcut."""
    path = state_path(settings, docs_dir)
    try:
        sig = tree_signature(docs_dir) if key is not None and extras is not None else None
        if sig is None:
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        state = {"key": key, "extras": extras, "docs": sig[0]}
        atomic_write_text(path, json.dumps(state) + "\n")
    except OSError:
        pass


def forget(settings: Settings, docs_dir: Path) -> None:
    """Drop the recorded state of ``docs_dir`` (before a render that may change it)."""
    record(settings, docs_dir, None)
