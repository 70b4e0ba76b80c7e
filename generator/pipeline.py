"""The whole build in one readable function: load -> analyse -> group -> render -> publish.

Each stage is a plain function from its own module; this module only wires them, times
them and collects what went wrong, so a bad article is reported and skipped, never fatal.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.analyse import AnalysisContext, CorpusAnalysis, analyse_corpus, load_context
from generator.cache import AnalysisCache
from generator.corpus import load_corpus
from generator.models import Analysis, Article, Digest, Problem
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
    docs_dir: Path | None = None
    site_dir: Path | None = None
    pages: int = 0
    briefs: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    def summary_line(self) -> str:
        stages = ", ".join(f"{k} {v:.2f}s" for k, v in self.timings.items())
        return (
            f"{self.articles} articles; analysis cache: {self.cache_hits} hits, "
            f"{self.cache_misses} misses; {self.pages} pages, {self.briefs} briefs; "
            f"{len(self.errors)} errors, {len(self.warnings)} warnings; {stages}"
        )


@contextmanager
def _timed(report: BuildReport, stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        report.timings[stage] = report.timings.get(stage, 0.0) + time.perf_counter() - start


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
    cache = AnalysisCache(settings.path(settings.output.cache)) if use_cache else None
    return analyse_corpus(
        articles,
        ctx,
        cache=cache,
        workers=settings.analysis.workers if workers is None else workers,
    )


def group_stage(analyses: tuple[Analysis, ...], ctx: AnalysisContext, settings: Settings) -> Digest:
    from generator.digest import group

    return group(analyses, ctx.taxonomy.display(), settings)


def prepare_digest(
    settings: Settings,
    corpus: Path | None = None,
    report: BuildReport | None = None,
    use_cache: bool = True,
) -> Digest:
    """Load, analyse (cached) and group the corpus; fill ``report`` when given."""
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
    with _timed(report, "group"):
        return group_stage(result.analyses, ctx, settings)


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
) -> BuildReport:
    """Build docs/ (and site/ unless ``site=False``) from a corpus.

    With ``out``, everything goes to ``out/docs`` and ``out/site``; the project's own
    folders are not touched.
    """
    from generator.publish import build_site
    from generator.render import render_docs

    log = log or (lambda msg: print(msg, file=sys.stderr))
    report = BuildReport()
    docs_dir = (out / "docs") if out else settings.path(settings.output.docs)
    site_dir = (out / "site") if out else settings.path(settings.output.site)
    report.docs_dir, report.site_dir = docs_dir, site_dir
    digest = prepare_digest(settings, corpus, report, use_cache=use_cache)
    for p in report.errors:
        log(str(p))
    extra: dict[str, bytes] = {}
    if briefs if briefs is not None else settings.output.briefs:
        with _timed(report, "briefs"):
            from generator.briefs import write_all_briefs_bytes

            extra = write_all_briefs_bytes(
                digest,
                settings,
                cache_dir=settings.path(settings.output.cache) / "briefs" if use_cache else None,
            )
            report.briefs = len(extra)
    with _timed(report, "render"):
        written = render_docs(digest, settings, docs_dir, extra_files=extra, front_week=week)
        report.pages = sum(1 for p in written if p.endswith(".md"))
    if site:
        with _timed(report, "mkdocs"):
            build_site(docs_dir, site_dir, settings, strict=strict, offline=offline)
    return report
