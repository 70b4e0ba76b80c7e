"""Render a ``Digest`` into the Markdown folder MkDocs builds: pages, charts, JSON, feed.

``render_docs`` builds the whole file set in memory, writes it to a temporary sibling of
``docs_dir`` and swaps it in, so a failure leaves the previous ``docs/`` intact.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from generator.models import Analysis, Digest
from generator.render.feed import atom_feed, feed_files
from generator.render.jsonexport import digest_json
from generator.render.pages import (
    CHARTS_DIR,
    MAX_ENTITY_PAGES,
    TEMPLATES_DIR,
    build_pages,
    load_labels,
    site_map,
)
from generator.render.slugs import slugify
from generator.render.write import PageSet, write_atomic
from generator.settings import Settings

if TYPE_CHECKING:
    from generator.glossary import Glossary

ASSETS_DIR = TEMPLATES_DIR / "assets"


def _chart_makers(
    digest: Digest, labels: Mapping[str, Any] | None = None
) -> list[tuple[str, Callable[[], str]]]:
    """(path under docs/, function making its SVG) of every chart, in ``chart_files`` order."""
    from generator.render import charts

    out: list[tuple[str, Callable[[], str]]] = [
        (
            f"{CHARTS_DIR}/topics-by-week.svg",
            lambda: charts.topics_by_week_svg(digest, labels=labels),
        ),
        (
            f"{CHARTS_DIR}/stories-by-week.svg",
            lambda: charts.stories_by_week_svg(digest, labels=labels),
        ),
        (f"{CHARTS_DIR}/languages.svg", lambda: charts.languages_svg(digest, labels=labels)),
        (f"{CHARTS_DIR}/sources.svg", lambda: charts.sources_svg(digest, labels=labels)),
    ]
    for w in digest.weeks:
        out.append(
            (
                f"{CHARTS_DIR}/week-{slugify(w.week)}.svg",
                lambda week=w.week: charts.week_days_svg(digest, week, labels=labels),
            )
        )
    for g in digest.topics:
        out.append(
            (
                f"{CHARTS_DIR}/topic-{slugify(g.topic.id, 'topic')}.svg",
                lambda topic=g.topic.id: charts.topic_weeks_svg(digest, topic, labels=labels),
            )
        )
    by_id = digest.by_id()
    for e in digest.entities[:MAX_ENTITY_PAGES]:
        out.append(
            (
                f"{CHARTS_DIR}/entity-{e.slug}.svg",
                lambda e=e: charts.entity_weeks_svg(digest, e, labels=labels, by_id=by_id),
            )
        )
    return out


def chart_files(digest: Digest, labels: Mapping[str, Any] | None = None) -> dict[str, str]:
    """SVG charts by path under docs/, labelled in the interface language: the whole
    digest's weeks, each week's days, each topic's and each entity page's weeks."""
    return {path: make() for path, make in _chart_makers(digest, labels)}


def chart_names(digest: Digest) -> list[str]:
    """The paths ``chart_files`` makes, without making the charts."""
    return [path for path, _ in _chart_makers(digest)]


def _search_hooks() -> tuple[Callable[[Analysis], str] | None, Callable[..., None] | None]:
    try:
        from generator.render import search
    except ImportError:
        return None, None
    return search.page_extra, search.write_assets


def asset_files(assets_dir: Path = ASSETS_DIR) -> dict[str, bytes]:
    """Static files under templates/assets/, as paths under docs/assets/."""
    if not assets_dir.is_dir():
        return {}
    return {
        "assets/" + p.relative_to(assets_dir).as_posix(): p.read_bytes()
        for p in sorted(assets_dir.rglob("*"))
        if p.is_file() and not p.name.startswith(".") and "__pycache__" not in p.parts
    }


def page_url(md_path: str) -> str:
    """The site URL (relative to the site root) of a page, with directory URLs."""
    stem = md_path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return quote(stem)


def build_file_set(
    digest: Digest,
    settings: Settings,
    extra_files: Mapping[str, str | bytes] | None = None,
    front_week: str | None = None,
    glossary: Glossary | None = None,
    charts_later: bool = False,
    page_cache: Path | None = None,
) -> PageSet:
    """Every file of docs/ in memory (refuses a path twice or outside the folder).
    ``glossary``: the project's concept glossary, when already loaded. ``charts_later``:
    the charts are made elsewhere (``chart_files``); empty files of their names stand in.
    ``page_cache``: a file keeping the rendered article pages and the articles' parts of
    digest.json for the next render (``render.pagecache``)."""
    files = PageSet()
    for path, data in asset_files().items():
        files.add(path, data)
    if charts_later:
        charts: Mapping[str, str] = dict.fromkeys(chart_names(digest), "")
    else:
        charts = chart_files(digest, load_labels(settings.site.language))
    for path, svg in charts.items():
        files.add(path, svg)
    page_extra, _ = _search_hooks()
    cache = None
    if page_cache is not None:
        from generator.render.pagecache import RenderedPages
        from generator.render.state import inputs_fingerprint

        cache = RenderedPages(page_cache, inputs_fingerprint(settings))
    pages = build_pages(
        digest,
        settings,
        charts=set(charts),
        page_extra=page_extra,
        front_week=front_week,
        downloads=sorted(extra_files or ()),
        translations=machine_translations(digest, settings),
        gloss=glosses(digest, settings, glossary),
        cache=cache,
    )
    for path, text in pages.items():
        files.add(path, text)
    if settings.output.json:
        files.add("digest.json", digest_json(digest, settings, cache))
    if cache is not None:
        cache.save()
    smap = site_map(digest)
    urls = {i: page_url(p) for i, p in smap.articles.items()}
    files.add("feed.xml", atom_feed(digest, settings, urls))
    alerts = feed_files(digest, settings, smap.topics, smap.stories, smap.entities, urls, page_url)
    for path, xml in alerts.items():
        files.add(path, xml)
    for path, data in sorted((extra_files or {}).items()):
        files.add(path, data)
    return files


def release_freed_memory() -> None:
    """Give the heap's free pages back to the system (glibc's ``malloc_trim``; nothing
    elsewhere). The render frees hundreds of megabytes at 5,000 articles (the articles'
    parts of digest.json, the pages' contexts) in pieces too small to go back by
    themselves, and MkDocs runs next beside this process: the build tree's peak."""
    import contextlib
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


def glosses(digest: Digest, settings: Settings, glossary: Glossary | None = None) -> dict[str, str]:
    """Keyword -> English gloss from the concept glossary (glossary.yml and the entity
    registry; a topic's name is no gloss of a word)."""
    from generator.glossary import RANK_ENTITY
    from generator.render.english import keyword_glosses
    from generator.render.search import project_glossary

    glossary = glossary or project_glossary(settings)

    def english(keyword: str, language: str) -> str | None:
        found = [e for e in glossary.lookup(keyword, language) if e.rank <= RANK_ENTITY]
        return found[0].english if found else None

    return keyword_glosses(digest.analyses, english)


def machine_translations(digest: Digest, settings: Settings) -> dict[str, str]:
    """English machine translations of titles and summaries, when an engine is configured
    and installed (``translation.engine``); cached under the local cache folder."""
    from generator.translate import TranslationCache, load_translator, translate_digest

    translator = load_translator(settings)
    if translator is None:
        return {}
    cache = TranslationCache(settings.local_cache_dir() / "translations")
    return translate_digest(digest, translator, cache)


def render_docs(
    digest: Digest,
    settings: Settings,
    docs_dir: Path,
    extra_files: Mapping[str, str | bytes] | None = None,
    front_week: str | None = None,
    before_swap: Callable[[Path], None] | None = None,
    *,
    glossary: Glossary | None = None,
    search_later: bool = False,
    page_cache: Path | None = None,
) -> list[str]:
    """Render the digest into ``docs_dir`` atomically; return the written relative paths.

    ``extra_files`` (e.g. ``briefs/*.pdf``) are added as they are; ``front_week`` picks the
    ISO week shown on the home page (default: the latest). ``before_swap`` gets the complete
    new folder before it replaces ``docs_dir`` (the build stages the site from it there).
    ``glossary``: the project's, when already loaded. ``search_later``: the search assets
    (``search.asset_files``) and the charts (``chart_files``) are made elsewhere; empty
    files of their names stand in the folder for ``before_swap``, which must write them.
    ``page_cache``: a file keeping the rendered article pages for the next render (only the
    pages whose inputs changed are rendered again: ``render.pagecache``).
    """
    from generator.render.search import project_glossary

    # loaded once: glosses and the search index
    glossary = glossary if glossary is not None else project_glossary(settings)
    files = build_file_set(
        digest,
        settings,
        extra_files,
        front_week,
        glossary,
        charts_later=search_later,
        page_cache=page_cache,
    )
    release_freed_memory()
    _, write_assets = _search_hooks()

    def finish(tmp: Path) -> None:
        if write_assets is not None and search_later:
            from generator.render.search import ARTICLES_FILE, LEMMAS_FILE

            for rel in (LEMMAS_FILE, ARTICLES_FILE):
                (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
                (tmp / rel).write_bytes(b"")
        elif write_assets is not None:
            write_assets(digest, tmp, settings, glossary)
        if before_swap is not None:
            before_swap(tmp)

    written = write_atomic(files, Path(docs_dir), before_swap=finish)
    known = set(written)
    added = [  # files the search helper's write_assets put in
        rel
        for rel in (p.relative_to(docs_dir).as_posix() for p in Path(docs_dir).rglob("*"))
        if rel not in known and (Path(docs_dir) / rel).is_file()
    ]
    return sorted(written + added)
