"""MkDocs hooks of the digest's derived config (``hooks:``; see ``publish.derived_config``).

Search. Material's search plugin parses the HTML of every page into index sections (a
quarter of the MkDocs build). When docs/ holds ``assets/search/articles.json``,
``search.finalize_site`` replaces every one of those sections with the article documents
after the build, so the parse is skipped: the plugin still writes its index (config, no
documents) and still strips ``data-search-*`` attributes from the pages; the final index is
the same.

Page cache. MkDocs has no incremental build, and the Markdown -> HTML conversion of the
pages is three quarters of a build. When ``DIGEST_PAGE_CACHE`` names a file (set by
``publish.prepare_site``), ``Page.render`` is wrapped: a page whose conversion inputs are
unchanged takes its HTML, table of contents, title and anchors from that file instead of
converting again. The key is a hash of everything the conversion reads:

- the page's Markdown as the plugins left it (after ``on_page_markdown``), its source path
  and URL, and whether it is excluded;
- the Markdown extensions and their options, ``use_directory_urls``, the link validation
  settings, the versions of MkDocs, Markdown, PyMdown Extensions and Material, and this file;

and each entry records the other pages its links were resolved against (path -> source,
URL, excluded): an entry is used only when every one of those lookups still gives the same
answer in this build. Pages whose conversion logged anything (a broken link in strict mode)
are never stored, so a reused page can hide no message. Only extensions known to read
nothing but the page are trusted (``pymdownx.snippets`` reads files: no cache then). The
file keeps the entries this build used, so it does not grow with old pages.

Template cache. Once the Markdown is cached, the theme's template (Material, with its
navigation, on every page) is most of a build. Beside the page cache, a folder holds each
page as the template rendered it, named by a hash of all the template can read (see
``_TemplateCache``); the pages whose hash is unchanged are not rendered again. The plugins'
events still run on every page. A value known only by its address makes its page render
every time. The site is byte-identical to a build without either cache
(tests/test_publish_cache.py).

Page memo. With the template cache, an unchanged page still ran the plugins' page events
and was described whole to find its template key (a third of a weekly rebuild's MkDocs
time). When every plugin with a page event is known (Material's search, whose entries are
replaced after the build, and tags), ``_build_page`` itself is wrapped: a page whose own
state (its HTML, table of contents, Markdown and metadata by hash, its other attributes
described as for the template key), template, navigation, config and tag listings are those
of a page built before is written from the template cache without running the events or the
template (``_TemplateCache.memo_key``). Any other plugin with a page event, or one that
changes pages after their template, turns the memo off.

Links. When ``DIGEST_PREVIOUS_SITE`` names the site this build replaces, every output file
MkDocs writes or copies whose bytes equal that site's file of the same path becomes a hard
link to it (``_Linker``): a weekly rebuild changes a few pages of thousands, and writing
them all anew is most of MkDocs' remaining time on a slow disk. Nothing writes into a
linked file, so the previous site never changes.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import hashlib
import json
import logging
import os
import re
import shutil
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import msgpack

ARTICLES_FILE = "assets/search/articles.json"  # as generator.render.search.ARTICLES_FILE
CACHE_ENV = "DIGEST_PAGE_CACHE"  # the cache file of this site (publish.prepare_site)
CACHE_FORMAT = "digest-mkdocs-pages/2"  # the page cache in MessagePack (was JSON: 2x slower)
PREVIOUS_ENV = "DIGEST_PREVIOUS_SITE"  # the site this build replaces (publish.prepare_site)
JINJA_FOLDER = "jinja"  # the compiled theme templates, beside the page caches (shared)
FAST_EXIT_ENV = "DIGEST_FAST_EXIT"  # "1": the build's child exits without tearing down
GC_THRESHOLD = 10_000  # young objects before a garbage collection (Python's default: 700)

# Markdown extensions whose output depends on the page's text and their options only.
_PURE_MARKDOWN = {
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "extra",
    "fenced_code",
    "footnotes",
    "legacy_attrs",
    "legacy_em",
    "md_in_html",
    "meta",
    "nl2br",
    "sane_lists",
    "smarty",
    "tables",
    "toc",
    "wikilinks",
}
_IMPURE_PYMDOWNX = {"pymdownx.snippets"}  # reads other files

log = logging.getLogger("mkdocs.hooks.digest")


def _no_entry(page: Any) -> None:
    """Index nothing of ``page``: its documents are replaced after the build."""


def on_startup(command: str, dirty: bool) -> None:
    """``mkdocs build`` collects garbage less often. It runs once and exits: what is loaded
    by now (MkDocs, Markdown, the plugins) is never garbage, and the pages' short-lived
    trees need fewer collections (the collector's time in a build of 1,000 articles:
    0.83 -> 0.47 s; the same site). Not ``serve``, whose rebuilds would freeze garbage."""
    if command == "build":
        gc.freeze()
        gc.set_threshold(GC_THRESHOLD)
        if os.environ.get(FAST_EXIT_ENV) == "1":
            _exit_after_build()


def _exit_after_build() -> None:
    """In the digest's MkDocs child (``FAST_EXIT_ENV``): once the build has succeeded and the
    plugins have shut down, flush the output and leave with ``os._exit(0)``. Python's own
    exit would free the whole build's objects one by one, 0.3 s of a +50 rebuild's MkDocs
    step on 1,000 articles, for a process that is about to end anyway. A failed build
    raises as before (MkDocs' exit, its message, its code). ``mkdocs build`` looks up
    ``build.build`` after the startup event, so the wrapper set here is the one it calls."""
    from mkdocs.commands import build as mkdocs_build

    original = mkdocs_build.build

    @functools.wraps(original)
    def build_then_exit(config: Any, *args: Any, **kwargs: Any) -> None:
        original(config, *args, **kwargs)
        config.plugins.on_shutdown()
        logging.shutdown()  # (flushes the handlers)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)

    mkdocs_build.build = build_then_exit


def on_config(config: Any) -> None:
    """Skip the search plugin's HTML parse (see above); wrap ``Page.render`` with the cache;
    no reference-link patterns on pages that define no references."""
    _skip_reference_patterns()
    _list_theme_without_dot_folders()
    cache_file = os.environ.get(CACHE_ENV)
    _PageCache.active = None  # (a build in the same process before this one had its own)
    if cache_file:
        _PageCache.install(Path(cache_file))
    previous = os.environ.get(PREVIOUS_ENV)
    if previous and os.path.isdir(previous):
        _Linker.install(config["site_dir"], Path(previous))
    if not (Path(config["docs_dir"]) / ARTICLES_FILE).is_file():
        return  # Material's documents are kept (enriched with lemmas): index every page
    for name in ("material/search", "search"):
        plugin = config["plugins"].get(name)
        index = getattr(plugin, "search_index", None)
        if index is not None:
            index.add_entry_from_context = _no_entry


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Wrap the page templates with the cache of rendered pages (see ``_TemplateCache``);
    keep the theme's compiled templates beside the caches (Jinja's bytecode cache: keyed by
    each template's source and the Python version), so a build does not compile Material's
    templates again."""
    if _PageCache.active is not None:
        _TemplateCache.install(env, _PageCache.active)
        _install_page_memo()
        if env.bytecode_cache is None:
            from jinja2 import FileSystemBytecodeCache

            folder = _PageCache.active.path.parent / JINJA_FOLDER
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError:
                return env  # compiled again: no harm
            env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env


def on_post_build(config: Any) -> None:
    """Keep the entries this build used (and those it made) for the next build."""
    if _PageCache.active is not None:
        _PageCache.active.save()


# --------------------------------------------------------------------------- links


class _Linker:
    """``mkdocs.utils.write_file`` and ``copy_file`` that hard-link an output file to the
    previous site's file of the same path when the bytes are equal. A path written again is
    unlinked first and written as a new file, never written into."""

    def __init__(self, site_dir: str, previous: Path) -> None:
        from generator.fileio import PreviousFiles

        self.site_dir, self.old = os.path.abspath(site_dir), PreviousFiles(previous)

    @classmethod
    def install(cls, site_dir: str, previous: Path) -> None:
        import mkdocs.utils

        try:
            linker = cls(site_dir, previous)
        except ImportError as exc:  # another ``generator`` on the path: every file written
            log.info(f"digest links off: {exc!r}")
            return
        mkdocs.utils.write_file = linker.write_file  # type: ignore[assignment]
        mkdocs.utils.copy_file = linker.copy_file  # type: ignore[assignment]

    def _rel(self, output_path: str) -> str | None:
        rel = os.path.relpath(os.path.abspath(output_path), self.site_dir)
        rel = rel.replace(os.sep, "/")
        return None if rel.startswith("../") else rel

    def write_file(self, content: bytes, output_path: str) -> None:
        os.makedirs(os.path.dirname(output_path), exist_ok=True)
        if os.path.lexists(output_path) and not os.path.isdir(output_path):
            os.unlink(output_path)  # written twice: a new file, never into a linked one
        rel = self._rel(output_path)
        if rel is not None and self.old.link(rel, output_path, content):
            return
        with open(output_path, "wb") as fh:
            fh.write(content)

    def copy_file(self, source_path: str, output_path: str) -> None:
        os.makedirs(os.path.dirname(output_path), exist_ok=True)
        if os.path.isdir(output_path):
            output_path = os.path.join(output_path, os.path.basename(source_path))
        if os.path.exists(output_path) and os.path.samefile(source_path, output_path):
            raise shutil.SameFileError(source_path, output_path)  # as MkDocs' (it passes)
        rel = self._rel(output_path)
        if rel is not None and self.old.sizes.get(rel) == os.path.getsize(source_path):
            with open(source_path, "rb") as fh:
                self.write_file(fh.read(), output_path)
            return
        if os.path.lexists(output_path):
            os.unlink(output_path)
        shutil.copyfile(source_path, output_path)


# --------------------------------------------------------------------------- references

# Python-Markdown's inline patterns of reference links and images (``[text][id]``, ``[id]``,
# ``![alt][id]``, ``![id]``): tried on every piece of text before or after the link pattern.
_REFERENCE_PATTERNS = ("reference", "image_reference", "short_reference", "short_image_ref")


def _no_reference_patterns(md: Any) -> Any:
    """A tree processor run just before the inline patterns: on a page that defines no
    reference (``[id]: url``; the digest's pages never do), the reference patterns can
    only return "no match" and are removed from this page's converter (MkDocs makes one per
    page). The same HTML; the link-heavy pages (timeline, entities, topics) convert about a
    tenth faster."""
    from markdown.treeprocessors import Treeprocessor

    class NoReferences(Treeprocessor):
        def run(self, root: Any) -> None:
            if not self.md.references:
                for name in _REFERENCE_PATTERNS:
                    self.md.inlinePatterns.deregister(name, strict=False)

    return NoReferences(md)


def theme_templates(env: Any) -> list[str]:
    """``env.list_templates()`` of a theme's ``FileSystemLoader`` without walking folders
    whose names start with a dot: MkDocs drops their files from the theme's static files
    anyway (its '.*' and '*/.*' patterns), and Material's ``.icons`` holds 13,000 of its
    14,500 files (0.17 s of every build went into listing them)."""
    loader = env.loader
    found: set[str] = set()
    for searchpath in loader.searchpath:
        for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=loader.followlinks):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for filename in filenames:
                name = os.path.join(dirpath, filename)[len(searchpath) :].strip(os.path.sep)
                name = name.replace(os.path.sep, "/")
                found.add(name[2:] if name[:2] == "./" else name)
    return sorted(found)


def _list_theme_without_dot_folders() -> None:
    """``Files.add_files_from_theme`` with ``theme_templates`` as the theme's listing (its
    own filter and choice of files unchanged)."""
    import jinja2
    from mkdocs.structure.files import Files

    original = getattr(Files.add_files_from_theme, "__wrapped__", Files.add_files_from_theme)

    @functools.wraps(original)
    def add_files_from_theme(self: Any, env: Any, config: Any) -> None:
        if type(env.loader) is not jinja2.FileSystemLoader:
            return original(self, env, config)

        def listing(extensions: Any = None, filter_func: Any = None) -> list[str]:
            names = theme_templates(env)
            if extensions is not None:
                names = [n for n in names if "." in n and n.rsplit(".", 1)[1] in extensions]
            return [n for n in names if filter_func(n)] if filter_func is not None else names

        env.list_templates = listing
        try:
            original(self, env, config)
        finally:
            del env.list_templates

    Files.add_files_from_theme = add_files_from_theme  # type: ignore[method-assign]


def _skip_reference_patterns() -> None:
    """Add ``_no_reference_patterns`` to each page's converter (once per process), beside
    MkDocs' own title processor; nothing when MkDocs has no such processor."""
    try:
        from mkdocs.structure.pages import _ExtractTitleTreeprocessor as title
    except ImportError:
        return
    register = getattr(title, "_register", None)
    if register is None or getattr(register, "_digest_references", False):
        return

    @functools.wraps(register)
    def _register(self: Any, md: Any) -> None:
        register(self, md)
        # priority 21: before the inline patterns (20), after the block parser's references
        md.treeprocessors.register(_no_reference_patterns(md), "digest_no_references", 21)

    _register._digest_references = True  # type: ignore[attr-defined]
    title._register = _register


# --------------------------------------------------------------------------- page cache


class _Unstable(ValueError):
    """A config value without a stable description (an object known only by its address)."""


def _stable(value: Any) -> Any:
    """``value`` as JSON-able data that is the same in every process (for the key)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    if isinstance(value, functools.partial):
        return {"partial": _stable(value.func), "args": _stable(value.args),
                "keywords": _stable(value.keywords)}  # fmt: skip
    name = getattr(value, "__qualname__", None)
    module = getattr(value, "__module__", None)
    if callable(value) and name and module and "<" not in name:
        return f"{module}.{name}"
    raise _Unstable(repr(value))


def _trusted(extension: Any) -> bool:
    if not isinstance(extension, str):
        return False  # an Extension instance added by a plugin: its state is unknown
    name = extension.removeprefix("markdown.extensions.")
    if name.startswith("pymdownx."):
        return name not in _IMPURE_PYMDOWNX
    return name in _PURE_MARKDOWN


def _salt(config: Any) -> str | None:
    """Hash of what every page's conversion depends on besides the page; None: no cache."""
    import markdown
    import mkdocs

    extensions = list(config["markdown_extensions"])
    untrusted = [str(e) for e in extensions if not _trusted(e)]
    if untrusted:
        log.info(f"digest page cache off: Markdown extensions {untrusted} may read other files")
        return None
    try:
        options = _stable(config["mdx_configs"] or {})
    except _Unstable as exc:
        log.info(f"digest page cache off: extension option {exc} has no stable description")
        return None
    versions = {"mkdocs": mkdocs.__version__, "markdown": markdown.__version__}
    for package in ("pymdownx", "material"):
        try:
            module = __import__(package)
        except ImportError:
            continue
        versions[package] = str(getattr(module, "__version__", ""))
    data = {
        "format": CACHE_FORMAT,
        "extensions": extensions,
        "options": options,
        "use_directory_urls": bool(config["use_directory_urls"]),
        "validation": repr(config["validation"]),
        "versions": versions,
        "hooks": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()


def _file_facts(file: Any) -> list[Any] | None:
    """What a link resolution reads of the target: its source path, URL, exclusion."""
    if file is None:
        return None
    return [file.src_uri, file.url, bool(file.inclusion.is_excluded())]


class _RecordedFiles:
    """``Files`` as MkDocs' link rewriter sees it, recording each lookup and its answer."""

    def __init__(self, files: Any) -> None:
        self._files = files
        self.lookups: dict[str, list[Any] | None] = {}

    def get_file_from_path(self, path: str) -> Any:
        found = self._files.get_file_from_path(path)
        self.lookups[path] = _file_facts(found)
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._files, name)


class _Messages(logging.Handler):
    """Counts the log records above DEBUG emitted while one page is converted."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG + 1)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _toc_tokens(items: Any) -> list[dict[str, Any]]:
    return [
        {"name": i.title, "id": i.id, "level": i.level, "children": _toc_tokens(i.children)}
        for i in items
    ]


class _PageCache:
    """The converted pages of the previous build of this site, and of this one."""

    active: _PageCache | None = None

    def __init__(self, path: Path) -> None:
        self.path = path
        self.salt: str | None = None
        self.salted = False
        self.old: dict[str, Any] = {}
        self.new: dict[str, Any] = {}
        self.hits = self.misses = 0
        self.templates: _TemplateCache | None = None
        self.seen: dict[str, list[Any] | None] = {}

    @classmethod
    def install(cls, path: Path) -> None:
        """Wrap ``Page.render`` (once per process) with this build's cache."""
        from mkdocs.structure.pages import Page

        cls.active = cls(path)
        if getattr(Page.render, "_digest_cached", False):
            return
        original = Page.render

        @functools.wraps(original)
        def render(page: Any, config: Any, files: Any) -> None:
            cache = cls.active
            if cache is None or not cache.ready(config):
                original(page, config, files)
            else:
                cache.render(original, page, config, files)

        render._digest_cached = True  # type: ignore[attr-defined]
        Page.render = render  # type: ignore[method-assign]

    def ready(self, config: Any) -> bool:
        """Salted on the first page (every plugin's ``on_config`` has run by then)."""
        if not self.salted:
            self.salted = True
            self.salt = _salt(config)
            if self.salt is not None:
                self.old = self._load()
        return self.salt is not None

    def _load(self) -> dict[str, Any]:
        try:
            data = msgpack.unpackb(self.path.read_bytes())
        except (OSError, ValueError, msgpack.UnpackException):
            return {}  # no cache yet, or unreadable: every page is converted
        if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
            return {}
        if data.get("salt") != self.salt:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def key(self, page: Any) -> str:
        f = page.file
        h = hashlib.sha256()
        for part in (self.salt, f.src_uri, f.url, str(bool(f.inclusion.is_excluded()))):
            h.update(str(part).encode("utf-8") + b"\0")
        h.update(page.markdown.encode("utf-8"))
        return h.hexdigest()

    def _facts(self, files: Any, path: str) -> list[Any] | None:
        """``_file_facts`` of the file at ``path`` (the files do not change while the pages
        are converted; many pages link to the same ones)."""
        try:
            return self.seen[path]
        except KeyError:
            facts = self.seen[path] = _file_facts(files.get_file_from_path(path))
            return facts

    def render(self, original: Any, page: Any, config: Any, files: Any) -> None:
        from mkdocs.structure.pages import log as pages_log
        from mkdocs.structure.toc import get_toc

        key = self.key(page)
        entry = self.old.get(key) or self.new.get(key)
        if entry is not None and all(
            self._facts(files, path) == facts for path, facts in entry["lookups"].items()
        ):
            page.content = entry["content"]
            page.toc = get_toc(entry["toc"])
            page._title_from_render = entry["title"]
            page.present_anchor_ids = set(entry["anchors"])
            if pages_log.getEffectiveLevel() > logging.DEBUG:
                page.links_to_anchors = {
                    files.get_file_from_path(src): dict(links)
                    for src, links in entry["links_to_anchors"]
                }
            self.new[key] = entry
            self.hits += 1
            return
        self.misses += 1
        recorded, messages = _RecordedFiles(files), _Messages()
        loggers = [logging.getLogger("mkdocs"), logging.getLogger()]
        for logger in loggers:
            logger.addHandler(messages)
        try:
            original(page, config, recorded)
        finally:
            for logger in loggers:
                logger.removeHandler(messages)
        if messages.count:
            return  # a reused page must repeat every message: this one is converted each time
        links = page.links_to_anchors or {}
        self.new[key] = {
            "content": page.content,
            "toc": _toc_tokens(page.toc),
            "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links_to_anchors": [[f.src_uri, dict(a)] for f, a in links.items()],
            "lookups": recorded.lookups,
        }

    def save(self) -> None:
        """Write this build's entries (atomically); a failure costs the next build time only."""
        if self.salt is None:
            return
        log.info(f"digest page cache: {self.hits} pages reused, {self.misses} converted")
        stats = {"reused": self.hits, "converted": self.misses, "kept": len(self.new)}
        if self.templates is not None:
            t = self.templates
            stats.update(template_reused=t.hits, template_rendered=t.misses, memo=t.memo_hits)
        try:
            if self.templates is not None:
                self.templates.prune()
                self.templates.save_memo()
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.misses or set(self.new) != set(self.old):  # else the file holds these
                _write_atomic(self.path, _cache_chunks(self.salt, self.new))
            _write_atomic(self.path.with_suffix(".stats.json"), json.dumps(stats))
        except OSError as exc:
            log.info(f"digest page cache not saved: {exc}")


def _cache_chunks(salt: str, entries: Mapping[str, Any]) -> Iterator[bytes]:
    """The cache file ``{"format", "salt", "entries"}`` in MessagePack, one entry at a time:
    one string of every page's HTML at once was a quarter of a GiB at 5,000 articles, on top
    of the pages MkDocs holds anyway (the peak memory of a cold build)."""
    packer = msgpack.Packer()
    yield packer.pack_map_header(3)
    yield packer.pack("format") + packer.pack(CACHE_FORMAT) + packer.pack("salt")
    yield packer.pack(salt) + packer.pack("entries") + packer.pack_map_header(len(entries))
    for key, entry in entries.items():
        yield packer.pack(key) + packer.pack(entry)


def _write_atomic(path: Path, data: str | Iterable[bytes]) -> None:
    """``data`` (text in UTF-8, or chunks of bytes) as ``path``, all or nothing."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, "wb") as out:
            if isinstance(data, str):
                out.write(data.encode("utf-8"))
            else:
                out.writelines(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------- template cache

_GLOBAL_CONTEXT = ("nav", "pages", "config", "page")  # described once per build (or the page)
# a page's attributes the memo takes by hash (text) or as plain data, not walked by _describe
_PAGE_DATA = frozenset({"markdown", "content", "toc", "present_anchor_ids", "links_to_anchors"})
# the plugins whose page events the memo knows: the search plugin's entries are replaced after
# the build (``_no_entry``); the tags plugin adds the page's tag links, made from its metadata
# and the tag listings (both in the memo's key)
_KNOWN_PAGE_PLUGINS = frozenset(
    {"material.plugins.search.plugin", "material.plugins.tags.plugin", "mkdocs.contrib.search"}
)
_BARE_PAGES = re.compile(r"(?<![\w.])pages(?!\w)")  # the context's list of all pages
_JINJA_CODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)  # not text, not {# comments #}
# the build date (SOURCE_DATE_EPOCH: the newest article's date): the context's
# ``build_date_utc`` and every page's ``update_date``; only the sitemap shows it
_BUILD_DATES = re.compile(r"(?<![\w.])build_date_utc(?!\w)|\bupdate_date(?!\w)")


def _describe(value: Any, depth: int = 0) -> Any:
    """``value`` as JSON-able data that tells apart every two values a template could tell
    apart; pages, sections and links of the navigation by kind, title and URL (the one
    being rendered is described whole by ``_describe_page``)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if depth > 12:
        raise _Unstable("too deep")
    StructureItem, File, TableOfContents, AnchorLink = _mkdocs_types()
    if isinstance(value, (dt.date, dt.time)):
        return ["time", value.isoformat()]
    if isinstance(value, StructureItem):
        return _ref(value)
    if isinstance(value, File):
        return ["file", value.src_uri, value.dest_uri, value.url, value.inclusion.name]
    if isinstance(value, TableOfContents):
        return ["toc", _toc_tokens(value)]
    if isinstance(value, AnchorLink):
        return ["anchor", _toc_tokens([value])]
    if isinstance(value, Mapping):
        return [
            "map",
            [[_describe(k, depth + 1), _describe(v, depth + 1)] for k, v in value.items()],
        ]
    if isinstance(value, (list, tuple)):
        return [_describe(v, depth + 1) for v in value]
    if isinstance(value, (set, frozenset)):
        if all(isinstance(v, str) for v in value):
            return ["strings", sorted(value)]
        items = [json.dumps(_describe(v, depth + 1), sort_keys=True) for v in value]
        return ["set", sorted(items)]
    bound = getattr(value, "__self__", None)
    if bound is not None and not isinstance(bound, type(sys)):
        raise _Unstable(repr(value))  # a method: its object's state is unknown
    if isinstance(value, functools.partial) or callable(value):
        return ["callable", _stable(value)]
    if hasattr(value, "__dict__"):
        return [type(value).__qualname__, _describe(vars(value), depth + 1)]
    raise _Unstable(repr(value))


@functools.cache
def _mkdocs_types() -> tuple[type, ...]:
    """MkDocs' page, file and table-of-contents types (imported once, on first use)."""
    from mkdocs.structure import StructureItem
    from mkdocs.structure.files import File
    from mkdocs.structure.toc import AnchorLink, TableOfContents

    return StructureItem, File, TableOfContents, AnchorLink


def _ref(item: Any) -> list[Any]:
    """A page, section or link as another page's template shows it."""
    return [type(item).__name__, item.title, getattr(item, "url", None)]


def _describe_page(page: Any, skip: frozenset[str] = frozenset()) -> list[Any]:
    """The page being rendered: every attribute but ``skip`` (its HTML, table of contents,
    metadata, neighbours...) and the chain of sections above it."""
    attributes = {k: v for k, v in vars(page).items() if k not in skip}
    return [
        type(page).__qualname__,
        _describe(attributes),
        [_ref(a) for a in page.ancestors],
    ]


def _describe_nav(items: Any) -> list[Any]:
    """The navigation as every page's template walks it (the active trail apart)."""
    out = []
    for item in items:
        entry = _ref(item)
        if getattr(item, "is_page", False):
            entry += [item.file.src_uri, _describe(item.meta), item.is_index]
        out.append([*entry, _describe_nav(item.children or ())])
    return out


def _code_versions(config: Any) -> dict[str, str]:
    """The versions of the theme, the template engine and every plugin's package."""
    versions = {}
    modules = {"jinja2", "markupsafe", "mkdocs", "material"}
    modules.update(type(p).__module__.split(".")[0] for p in config["plugins"].values())
    for name in sorted(modules):
        module = sys.modules.get(name)
        if module is None:
            continue
        version = getattr(module, "__version__", None)
        if version is None and getattr(module, "__file__", None):
            version = hashlib.sha256(Path(module.__file__).read_bytes()).hexdigest()
        versions[name] = str(version)
    return versions


def _config_sources(config: Any, dates: bool = True) -> list[Any]:
    """The config files (the derived one and what it INHERITs, the build's own folders
    blanked: a staging path changes every build and no template shows it) and the
    environment variables their ``!ENV`` tags read (and ``SOURCE_DATE_EPOCH`` when the
    templates read the build date: ``dates``)."""
    texts, env_names = [], set()
    path = Path(config["config_file_path"])
    blanks = [str(Path(config["docs_dir"])), str(Path(config["site_dir"]))]
    for _ in range(8):
        text = path.read_text(encoding="utf-8")
        for blank in blanks:
            text = text.replace(blank, "<build folder>")
        texts.append(text)
        env_names.update(re.findall(r"!ENV\s*\[?\s*['\"]?(\w+)", text))
        inherit = re.search(r"^INHERIT:\s*['\"]?([^'\"\n]+?)['\"]?\s*$", text, re.MULTILINE)
        if not inherit:
            break
        path = (path.parent / inherit.group(1)).resolve()
    if dates:
        env_names.add("SOURCE_DATE_EPOCH")
    env = {name: os.environ.get(name) for name in sorted(env_names)}
    return [texts, env]


def _theme_sources(config: Any) -> tuple[str, bool, bool]:
    """Hash of the theme folders outside the installed packages (``custom_dir``: those in a
    package go with its version), whether any template reads the list of all pages, and
    whether any reads the build date (``build_date_utc``, a page's ``update_date``)."""
    import material
    import mkdocs

    packaged = [Path(m.__file__).resolve().parent for m in (material, mkdocs)]
    h, reads_pages, reads_dates = hashlib.sha256(), False, False
    for folder in config["theme"].dirs:
        root = Path(folder).resolve()
        inside = any(root.is_relative_to(p) for p in packaged)
        for p in sorted(root.rglob("*.html")) if inside else sorted(root.rglob("*")):
            if not p.is_file():
                continue
            data = p.read_bytes()
            if p.suffix == ".html" and not (reads_pages and reads_dates):
                code = _JINJA_CODE.findall(data.decode("utf-8", "replace"))
                reads_pages = reads_pages or any(_BARE_PAGES.search(c) for c in code)
                reads_dates = reads_dates or any(_BUILD_DATES.search(c) for c in code)
            if not inside:
                h.update(p.relative_to(root).as_posix().encode("utf-8") + b"\0" + data)
    return h.hexdigest(), reads_pages, reads_dates


def _page_event_plugins(config: Any) -> list[str]:
    """The modules of the plugins with a ``page_context`` event, all known to the memo; none
    with ``post_page`` (the memo keeps the template's output as the page)."""
    events = config.plugins.events
    if events.get("post_page"):
        raise _Unstable("a plugin changes pages after their template (post_page)")
    modules = []
    for method in events.get("page_context", ()):
        owner = getattr(method, "__self__", None)
        module = type(owner).__module__ if owner is not None else str(method.__module__)
        if module not in _KNOWN_PAGE_PLUGINS:
            raise _Unstable(f"page_context of {module}")
        index = getattr(owner, "search_index", None)
        if "search" in module and getattr(index, "add_entry_from_context", None) is not _no_entry:
            raise _Unstable("the search plugin indexes every page")
        modules.append(module)
    return sorted(modules)


def _tag_listings(config: Any) -> list[Any]:
    """The tags plugin's listings as its page links read them: page, identifier, options."""
    out = []
    for plugin in config.plugins.values():
        listings = getattr(plugin, "listings", None)
        if type(plugin).__module__ != "material.plugins.tags.plugin" or listings is None:
            continue
        for listing in listings:
            page = listing.page
            out.append([page.file.src_uri, page.url, page.title, listing.id,
                        _describe(dict(listing.config))])  # fmt: skip
    return out


def _blank(data: bytes) -> bool:
    """Is this UTF-8 page only white space (``not output.strip()``)? Decoded only when it
    does not start with an ASCII character other than a space."""
    head = data.lstrip()
    if head and head[0] < 0x80:
        return False
    return not data.decode("utf-8", "replace").strip()


def _install_page_memo() -> None:
    """Wrap MkDocs' ``_build_page`` (once per process) with the page memo of this build."""
    import mkdocs.commands.build as build
    import mkdocs.utils

    if getattr(build._build_page, "_digest_memo", False):
        return
    original = build._build_page

    @functools.wraps(original)
    def _build_page(
        page: Any,
        config: Any,
        doc_files: Any,
        nav: Any,
        env: Any,
        dirty: bool = False,
        excluded: bool = False,
    ) -> None:
        pages = _PageCache.active
        memo = pages.templates if pages is not None else None
        if memo is None or dirty or excluded or not memo.memo_ready(config, nav, doc_files, page):
            return original(page, config, doc_files, nav, env, dirty, excluded)
        key = memo.memo_key(page)
        data = memo.memo_output(key) if key is not None else None
        if data is None:
            memo.pending = key
            try:
                return original(page, config, doc_files, nav, env, dirty, excluded)
            finally:
                memo.pending = None
        if not _blank(data):  # as ``_build_page`` writes it
            mkdocs.utils.write_file(data, page.file.abs_dest_path)
        else:
            build.log.info(f"Page skipped: '{page.file.src_uri}'. Generated empty output.")
        return None

    _build_page._digest_memo = True  # type: ignore[attr-defined]
    build._build_page = _build_page


class _Template:
    """A page template of ``_build_page``: renders a page from the cache when it can."""

    def __init__(self, template: Any, cache: _TemplateCache) -> None:
        self._template, self._cache = template, cache

    def render(self, *args: Any, **kwargs: Any) -> str:
        context = args[0] if len(args) == 1 and not kwargs else None
        if not isinstance(context, Mapping) or context.get("page") is None:
            return self._template.render(*args, **kwargs)
        return self._cache.render(self._template, context)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)


class _TemplateCache:
    """Pages rendered by the theme's template, one file each, named by the hash of all the
    template can read: the page (its HTML, table of contents, metadata, URL, neighbours,
    sections), the other variables of its context, the navigation, the config files, the
    theme's own templates and the versions of the code. The pages of the previous build
    whose hash is unchanged are not rendered again (the Material template with its
    navigation is most of a build once the Markdown is cached)."""

    def __init__(self, folder: Path, pages: _PageCache) -> None:
        self.folder, self.pages = folder, pages
        self.salt: str | None = None
        self.salted = False
        self.skip_context = _GLOBAL_CONTEXT
        self.skip_page: frozenset[str] = frozenset()
        self.used: set[str] = set()
        self.hits = self.misses = 0
        # the page memo (``_install_page_memo``): its key -> the file of the rendered page
        self.memo_path = pages.path.with_suffix(".memo.json")
        self.memo_salt: str | None = None
        self.memo_salted = False
        self.memo_old: dict[str, str] = {}
        self.memo_new: dict[str, str] = {}
        self.memo_hits = 0
        self.pending: str | None = None  # the memo key of the page being built

    @classmethod
    def install(cls, env: Any, pages: _PageCache) -> None:
        cache = cls(pages.path.with_suffix(".html"), pages)
        pages.templates = cache
        get_template = env.get_template

        def cached_get_template(name: Any, parent: Any = None, globals: Any = None) -> Any:
            template = get_template(name, parent, globals)
            # a page's own template (``_build_page``); Jinja's includes give their parent
            return _Template(template, cache) if parent is None and globals is None else template

        env.get_template = cached_get_template

    def ready(self, context: Mapping[str, Any]) -> bool:
        if self.salted:
            return self.salt is not None
        self.salted = True
        config = context["config"]
        try:
            theme, reads_pages, reads_dates = _theme_sources(config)
            if not reads_dates:  # a new article date does not render every page again
                self.skip_context = (*_GLOBAL_CONTEXT, "build_date_utc")
                self.skip_page = frozenset({"update_date"})
            data = {
                "format": CACHE_FORMAT,
                "hooks": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
                "versions": _code_versions(config),
                "config": _config_sources(config, reads_dates),
                "theme": theme,
                "nav": _describe_nav(context["nav"].items),
                "homepage": _ref(context["nav"].homepage) if context["nav"].homepage else None,
                "pages": [_ref(p.page) for p in context["pages"]] if reads_pages else None,
            }
            self.salt = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()
        except (_Unstable, OSError, AttributeError, KeyError) as exc:
            log.info(f"digest template cache off: {exc!r}")
        return self.salt is not None

    def key(self, template: Any, context: Mapping[str, Any]) -> str | None:
        try:
            data = [
                self.salt,
                template.name,
                _describe_page(context["page"], self.skip_page),
                [[k, _describe(v)] for k, v in context.items() if k not in self.skip_context],
            ]
        except _Unstable:
            return None  # something only known by its address: rendered every time
        text = json.dumps(data, ensure_ascii=False, check_circular=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def render(self, template: Any, context: Mapping[str, Any]) -> str:
        key = self.key(template, context) if self.ready(context) else None
        if key is None:
            return template.render(context)
        path = self.folder / f"{key}.html"
        try:
            output = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            output = None
        if output is not None:
            self.hits += 1
        else:
            self.misses += 1
            output = template.render(context)
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                _write_atomic(path, output)
            except OSError:
                return output  # not kept: rendered again next time
        self.used.add(path.name)
        if self.pending is not None:
            self.memo_new[self.pending] = path.name
        return output

    # ----------------------------------------------------------------------- page memo

    def memo_ready(self, config: Any, nav: Any, doc_files: Any, page: Any) -> bool:
        """Salted on the first page built: the template cache's salt, the plugins with page
        events (all known, or no memo) and the tag listings."""
        if self.memo_salted:
            return self.memo_salt is not None
        self.memo_salted = True
        from mkdocs.commands.build import get_context

        if not self.ready(get_context(nav, doc_files, config, page)):
            return False
        try:
            data = [self.salt, _page_event_plugins(config), _tag_listings(config)]
        except (_Unstable, AttributeError, KeyError, TypeError) as exc:
            log.info(f"digest page memo off: {exc!r}")
            return False
        text = json.dumps(data, sort_keys=True, ensure_ascii=False)
        self.memo_salt = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.memo_old = self._load_memo()
        return True

    def _load_memo(self) -> dict[str, str]:
        try:
            data = json.loads(self.memo_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("salt") != self.memo_salt:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def memo_key(self, page: Any) -> str | None:
        """Hash of all a page's template can read of the page: its HTML and Markdown (by
        hash), table of contents, anchors and links, and every other attribute as the
        template key describes it; with the memo's salt and the page's template name."""
        try:
            data = [
                self.memo_salt,
                page.meta.get("template", "main.html"),
                _describe_page(page, self.skip_page | _PAGE_DATA),
                _toc_tokens(page.toc),
                sorted(getattr(page, "present_anchor_ids", None) or ()),
                [
                    [f.src_uri, sorted(links.items())]
                    for f, links in (getattr(page, "links_to_anchors", None) or {}).items()
                ],
            ]
            text = json.dumps(data, ensure_ascii=False, check_circular=False)
        except (_Unstable, AttributeError, TypeError):
            return None
        h = hashlib.sha256(text.encode("utf-8"))
        for part in (page.markdown, page.content):
            h.update(b"\0" + str(part).encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def memo_output(self, key: str) -> bytes | None:
        """The bytes of the page rendered before under ``key``, or None. The cache file
        holds the template's output in UTF-8 (one that cannot be encoded is never kept), so
        these are the bytes ``_build_page`` writes: checked as UTF-8, not encoded again."""
        name = self.memo_old.get(key) or self.memo_new.get(key)
        if name is None:
            return None
        try:
            output = (self.folder / name).read_bytes()
            output.decode("utf-8")  # a damaged file: the page is rendered again
        except (OSError, UnicodeDecodeError):
            return None
        self.memo_new[key] = name
        self.used.add(name)
        self.hits += 1
        self.memo_hits += 1
        return output

    def save_memo(self) -> None:
        if self.memo_salt is not None and self.memo_new != self.memo_old:
            data = {"format": CACHE_FORMAT, "salt": self.memo_salt, "entries": self.memo_new}
            _write_atomic(self.memo_path, json.dumps(data, sort_keys=True))

    def prune(self) -> None:
        """Remove the rendered pages this build did not use once they are as many as the
        used ones (removing thousands of files costs seconds: not after every build that
        changed the navigation, and the folder stays under twice the site)."""
        if self.salt is None or not self.folder.is_dir():
            return
        names = os.listdir(self.folder)
        if len(names) <= 2 * len(self.used):
            return
        for name in names:
            if name not in self.used:
                (self.folder / name).unlink(missing_ok=True)
