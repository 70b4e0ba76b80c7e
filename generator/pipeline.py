"""The whole build in one readable function: load -> analyse -> cluster -> group -> render
-> publish.

Each stage is a plain function from its own module; this module only wires them, times
them and collects what went wrong, so a bad article is reported and skipped, never fatal.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.analyse import (
    AnalysisContext,
    CorpusAnalysis,
    analyse_corpus,
    load_context,
    unify_entity_spellings,
)
from generator.cache import AnalysisCache
from generator.cluster import story_index
from generator.corpus import load_corpus
from generator.models import Analysis, Article, Digest, Problem, Story
from generator.relevance import Rejected, select_relevant, write_rejected_index
from generator.settings import Settings


@dataclass
class BuildReport:
    """What a build did: counts, problems, cache use and seconds per stage."""

    articles: int = 0
    problems: list[Problem] = field(default_factory=list)
    cache_hits: int = 0
    cache_misses: int = 0
    analysed_ids: tuple[str, ...] = ()
    timings: dict[str, float] = field(default_factory=dict)
    # CPU seconds per stage: this process's, and for "mkdocs" MkDocs' own process too
    cpu: dict[str, float] = field(default_factory=dict)
    docs_dir: Path | None = None
    site_dir: Path | None = None
    pages: int = 0
    briefs: int = 0
    # (wall, CPU) seconds of each brief laid out by this build; cached briefs are not here
    brief_layouts: dict[str, tuple[float, float]] = field(default_factory=dict)
    rejected: tuple[Rejected, ...] = ()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    def summary_line(self) -> str:
        stages = ", ".join(f"{k} {v:.2f}s" for k, v in self.timings.items())
        return (
            f"{self.articles} articles ({len(self.rejected)} off-topic, not published); "
            f"analysis cache: {self.cache_hits} hits, "
            f"{self.cache_misses} misses; {self.pages} pages, {self.briefs} briefs; "
            f"{len(self.errors)} errors, {len(self.warnings)} warnings; {stages}"
        )


# Young objects before a garbage collection during a build (Python's default: 700). The build
# holds the whole digest: each full collection walks it, and the pages' short-lived objects
# triggered one every few hundred pages (11 % of the build process's CPU at 1,000 articles).
GC_THRESHOLD = 10_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect garbage every ``GC_THRESHOLD`` young objects for the block; the caller's
    thresholds are back afterwards (a build may run inside a longer-lived process)."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], GC_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


@contextmanager
def _timed(report: BuildReport, stage: str) -> Iterator[None]:
    start, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        report.timings[stage] = report.timings.get(stage, 0.0) + time.perf_counter() - start
        report.cpu[stage] = report.cpu.get(stage, 0.0) + time.process_time() - cpu


def article_warnings(analyses: tuple[Analysis, ...]) -> list[Problem]:
    """Soft problems a strict build refuses: missing date, unknown language, empty summary."""
    out: list[Problem] = []
    for a in analyses:
        path = a.article.path or a.article.origin or a.id
        if a.article.date is None and "date" not in a.article.curated:
            # an unknown date a curator has confirmed (``curated: [date]``) is not a warning
            out.append(Problem(path, "no publication date known", "date", "warning"))
        if not a.article.language:
            out.append(
                Problem(path, "language not given; detected from text", "language", "warning")
            )
        if not a.text.summary:
            out.append(Problem(path, "summary is empty", "summary", "warning"))
    return out


def load_stage(
    settings: Settings, corpus: Path | None = None
) -> tuple[tuple[Article, ...], list[Problem]]:
    folder = corpus or settings.path(settings.corpus)
    articles, problems = load_corpus(folder)
    return articles, list(problems)


def analyse_stage(
    articles: tuple[Article, ...],
    settings: Settings,
    ctx: AnalysisContext | None = None,
    use_cache: bool = True,
    workers: int | None = None,
) -> CorpusAnalysis:
    ctx = ctx or load_context(settings)
    from generator.dask_engine import mapper_for

    cache = AnalysisCache(settings.cache_location()) if use_cache else None
    return analyse_corpus(
        articles,
        ctx,
        cache=cache,
        workers=settings.analysis.workers if workers is None else workers,
        mapper=mapper_for(settings),
    )


def cluster_stage(
    analyses: tuple[Analysis, ...],
    ctx: AnalysisContext,
    settings: Settings,
    use_cache: bool = True,
) -> tuple[tuple[Analysis, ...], tuple[Story, ...]]:
    """Stories of the corpus, each entity first under one spelling corpus-wide
    (``unify_entity_spellings``). With the cache, the assignment of the previous build is
    kept (its reports stay in their stories; only new reports are linked) and saved again."""
    from generator.cluster import (
        STATE_FILE,
        cluster,
        cluster_context,
        load_assignment,
        save_assignment,
        with_story_topics,
    )
    from generator.topics import apply_story_evidence

    analyses = unify_entity_spellings(analyses)  # one spelling per entity, corpus-wide
    state = settings.local_cache_dir() / STATE_FILE
    previous = load_assignment(state) if use_cache else {}
    cc = cluster_context(settings, ctx)
    stories = cluster(analyses, settings.stories, cc, previous)
    # story-level topic evidence: a report lends its topics to weaker reports of its story
    assignment = story_index(stories)
    lent = apply_story_evidence(analyses, assignment, ctx.taxonomy)
    if any(x is not y for x, y in zip(lent, analyses, strict=True)):
        analyses = lent
        stories = with_story_topics(stories, analyses)
    if use_cache:
        try:
            save_assignment(state, stories)
        except OSError as exc:  # a read-only or full cache: the ids are not kept, that's all
            print(f"digest: warning: story ids not saved ({state}: {exc})", file=sys.stderr)
    return analyses, stories


def group_stage(
    analyses: tuple[Analysis, ...],
    ctx: AnalysisContext,
    settings: Settings,
    stories: tuple[Story, ...] | None = None,
) -> Digest:
    from generator.digest import group

    return group(analyses, ctx.taxonomy.display(), settings, stories)


def prepare_digest(
    settings: Settings,
    corpus: Path | None = None,
    report: BuildReport | None = None,
    use_cache: bool = True,
    analysed: Callable[[CorpusAnalysis], None] | None = None,
) -> Digest:
    """Load, analyse (cached) and group the corpus; fill ``report`` when given; call
    ``analysed`` with the analysis before clustering."""
    report = report if report is not None else BuildReport()
    with _timed(report, "load"):
        articles, problems = load_stage(settings, corpus)
        report.problems.extend(problems)
        report.articles = len(articles)
    with _timed(report, "analyse"):
        ctx = load_context(settings)
        result = analyse_stage(articles, settings, ctx, use_cache=use_cache)
        report.cache_hits, report.cache_misses = result.hits, result.misses
        report.analysed_ids = result.analysed_ids
        report.problems.extend(article_warnings(result.analyses))
    if analysed is not None:
        analysed(result)
    with _timed(report, "cluster"):
        analyses, stories = cluster_stage(result.analyses, ctx, settings, use_cache)
    with _timed(report, "relevance"):
        selection = select_relevant(analyses, story_index(stories))
        if settings.output.relevant_only:
            analyses = selection.published
            report.rejected = selection.rejected
            kept = {a.id for a in analyses}
            stories = tuple(s for s in stories if kept.intersection(s.article_ids))
    with _timed(report, "group"):
        return group_stage(analyses, ctx, settings, stories)


def _start_search_assets(
    digest: Digest, settings: Settings, kept: Path | None = None
) -> tuple[Any, Any]:
    """The search assets and the SVG charts made in a forked child beside the pages and
    MkDocs (which only copies them), and the project glossary; (None, None) without
    search. ``kept``: the file of each article's search parts (``search.SearchParts``)."""
    try:
        from generator.render import search
    except ImportError:
        return None, None
    from generator.render import chart_files
    from generator.render.background import Background
    from generator.render.pages import load_labels

    glossary = search.project_glossary(settings)  # before the fork: both sides use it

    def files() -> dict[str, bytes]:
        out = search.asset_files(digest, settings, glossary, kept)
        labels = load_labels(settings.site.language)
        for path, svg in chart_files(digest, labels).items():
            out[path] = svg.encode("utf-8")
        return out

    return Background(files), glossary


def build(
    settings: Settings,
    corpus: Path | None = None,
    out: Path | None = None,
    *,
    strict: bool = False,
    offline: bool = False,
    week: str | None = None,
    site: bool = True,
    briefs: bool | None = None,
    use_cache: bool = True,
    log=None,
    wait: bool = True,
) -> BuildReport:
    """Build docs/ (and site/ unless ``site=False``) from a corpus.

    With ``out``, everything goes to ``out/docs`` and ``out/site``; the project's own
    folders are not touched. One build at a time per output folder: a lock next to each
    (``locks``); a second build waits, or with ``wait=False`` raises ``LockBusy``. The site
    is built from the new docs before either is swapped in, so a failure anywhere (MkDocs,
    a full disk) leaves both folders as they were.
    """
    from generator.locks import folder_locks
    from generator.publish import StagedSite, prepare_site
    from generator.render import render_docs
    from generator.render import state as render_state

    log = log or (lambda msg: print(msg, file=sys.stderr))
    report = BuildReport()
    docs_dir = (out / "docs") if out else settings.path(settings.output.docs)
    site_dir = (out / "site") if out else settings.path(settings.output.site)
    report.docs_dir, report.site_dir = docs_dir, site_dir
    make_briefs = briefs if briefs is not None else settings.output.briefs
    with (
        folder_locks([docs_dir, site_dir] if site else [docs_dir], wait=wait, on_wait=log),
        _fewer_collections(),
        contextlib.ExitStack() as cleanup,
    ):
        spares: list[Any] = []

        def spare_worker(result: CorpusAnalysis) -> None:
            """A weekly run (some articles new, some cached) starts a PDF worker now: its
            start overlaps clustering and grouping, which leave the other core idle."""
            if make_briefs and result.misses and result.hits:
                from generator.pdfworker import SpareWorker
                from generator.render.background import BACKGROUND_NICE

                spares.append(SpareWorker(BACKGROUND_NICE))
                cleanup.callback(spares[-1].close)  # (once taken, closing is a no-op)

        digest = prepare_digest(
            settings, corpus, report, use_cache=use_cache, analysed=spare_worker
        )
        for p in report.errors:
            log(str(p))
        extra: dict[str, bytes] = {}
        search_job = None
        glossary = None
        key = kept = None
        search_kept = render_state.search_parts_path(settings, docs_dir) if use_cache else None
        if use_cache:  # docs/ as the last render of the same inputs left it: no render
            with _timed(report, "render"):
                key = render_state.render_key(
                    render_state.digest_fingerprint(digest), settings, front_week=week
                )
                kept = render_state.unchanged_docs(settings, docs_dir, key)
        if site and kept is None:
            with _timed(report, "render"):
                search_job, glossary = _start_search_assets(digest, settings, search_kept)
        job = None
        if make_briefs:
            with _timed(report, "briefs"):
                from generator.briefs import start_briefs

                job = start_briefs(
                    digest,
                    settings,
                    cache_dir=settings.local_cache_dir() / "briefs" if use_cache else None,
                    timings=report.brief_layouts,
                    spare=spares[0] if spares else None,
                )
                report.briefs = len(job.names)
        if kept is not None:
            if _keep_docs(report, settings, kept, job, site, strict, offline, log):
                report.timings.setdefault("briefs", 0.0)
                _write_rejected(report, settings, out)
                return report
            if site:  # the briefs differ from the recorded ones: render after all
                with _timed(report, "render"):
                    search_job, glossary = _start_search_assets(digest, settings, search_kept)
        brief_files: dict[str, bytes] = {}
        staged: list[StagedSite] = []
        mkdocs_cpu = [0.0]  # this process's CPU in the MkDocs stage (nested in render)
        waits = {"briefs": 0.0, "search": 0.0}  # seconds waited for either after MkDocs

        def finished_briefs() -> dict[str, bytes]:
            """Every brief under ``briefs/``, waiting (timed as briefs) for the layouts."""
            assert job is not None
            start = time.perf_counter()
            try:
                brief_files.update((f"briefs/{n}", pdf) for n, pdf in job.result().items())
                return dict(brief_files)
            finally:
                waits["briefs"] += time.perf_counter() - start

        def late_files() -> dict[str, bytes]:
            """The files made beside the pages and MkDocs: briefs, search assets."""
            files = finished_briefs() if job is not None and late_briefs else {}
            if search_job is not None:
                start = time.perf_counter()
                files.update(search_job.result())
                waits["search"] += time.perf_counter() - start
            return files

        late_briefs = job is not None and job.pending and site
        if late_briefs:
            # laid out while the pages are rendered and MkDocs runs: placeholders of the
            # same names stand in docs/ until MkDocs is done (it only copies them)
            assert job is not None
            extra = {f"briefs/{name}": b"" for name in job.names}
        elif job is not None:
            extra = finished_briefs()
            report.timings["briefs"] += waits["briefs"]
            waits["briefs"] = 0.0
        late = late_files if late_briefs or search_job is not None else None

        def stage_site(new_docs: Path) -> None:
            with _timed(report, "mkdocs"):
                staged.append(
                    prepare_site(
                        new_docs,
                        site_dir,
                        settings,
                        strict,
                        offline,
                        final_docs=docs_dir,
                        late_files=late,
                        late_changes=late_briefs,  # briefs laid out: their HTML changed
                        page_cache=use_cache,
                    )
                )
            # the waits after MkDocs are the briefs' and render's time, not MkDocs'
            report.timings["mkdocs"] -= waits["briefs"] + waits["search"]
            mkdocs_cpu[0] = report.cpu["mkdocs"]  # this process's, within render's
            report.cpu["mkdocs"] += staged[-1].child_cpu

        with _timed(report, "render"):
            if use_cache:
                render_state.forget(settings, docs_dir)
            try:
                written = render_docs(
                    digest,
                    settings,
                    docs_dir,
                    extra_files=extra,
                    front_week=week,
                    before_swap=stage_site if site else None,
                    glossary=glossary,
                    search_later=search_job is not None,
                    page_cache=render_state.pages_path(settings, docs_dir) if use_cache else None,
                )
            except BaseException:
                for s in staged:
                    s.discard()
                raise
            finally:
                if job is not None:
                    job.close()
                if search_job is not None:
                    search_job.close()
            report.pages = sum(1 for p in written if p.endswith(".md"))
        _write_rejected(report, settings, out)
        # render's time holds MkDocs and the wait for the briefs: each is counted apart
        report.timings["briefs"] = report.timings.get("briefs", 0.0) + waits["briefs"]
        report.timings["render"] -= report.timings.get("mkdocs", 0.0) + waits["briefs"]
        report.cpu["render"] = report.cpu.get("render", 0.0) - mkdocs_cpu[0]
        if staged:
            staged[0].commit()
        if use_cache and (job is None or brief_files):
            render_state.record(settings, docs_dir, key, render_state.extras_hash(brief_files))
        if use_cache:
            render_state.claim_pages(settings, docs_dir)
    return report


def _write_rejected(report: BuildReport, settings: Settings, out: Path | None) -> None:
    """The index of the off-topic items (``output.relevant_only``)."""
    if settings.output.relevant_only:
        rejected = (out / "rejected.json") if out else settings.path(settings.output.rejected)
        write_rejected_index(rejected, report.rejected)


def _keep_docs(
    report: BuildReport,
    settings: Settings,
    kept: tuple[str, list[str]],
    job: Any,
    site: bool,
    strict: bool,
    offline: bool,
    log: Any,
) -> bool:
    """Finish a build whose docs/ is already the render of its inputs (``kept``: the
    recorded briefs' hash and the docs files): only the site is brought up to date
    (``prepare_site`` runs MkDocs only when its own stamp differs). False, with nothing
    done, when the briefs differ from the recorded ones (the caller renders)."""
    from generator.fileio import clean_stale
    from generator.publish import prepare_site
    from generator.render import state as render_state

    recorded, files = kept
    brief_files: dict[str, bytes] = {}
    if job is not None:
        if job.pending:
            return False
        start = time.perf_counter()
        brief_files = {f"briefs/{n}": pdf for n, pdf in job.result().items()}
        report.timings["briefs"] = report.timings.get("briefs", 0.0) + time.perf_counter() - start
        job.close()
    if render_state.extras_hash(brief_files) != recorded:
        return False
    report.pages = sum(1 for p in files if p.endswith(".md"))
    docs_dir, site_dir = report.docs_dir, report.site_dir
    assert docs_dir is not None and site_dir is not None
    clean_stale(docs_dir)  # leftovers of a killed build go even when nothing is rendered
    if site:
        with _timed(report, "mkdocs"):
            staged = prepare_site(docs_dir, site_dir, settings, strict, offline)
            staged.commit()
        report.cpu["mkdocs"] += staged.child_cpu
    log(f"digest: {docs_dir} is up to date (same inputs as its last render)")
    return True
