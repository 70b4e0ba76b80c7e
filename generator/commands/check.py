"""`digest check [DIR] [--strict]`: validate the config files and the curated corpus.

Every problem is printed with its file and field. Exit 1 on errors; with ``--strict`` also
on warnings (missing date, unknown language, missing source). Checks are plain functions in
``CHECKS`` (settings, corpus folder) -> problems: add one to extend the checker.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from generator.corpus import FRONT_MATTER_KEYS, METADATA_FIELDS, corpus_files, load_corpus
from generator.languages import check_language_file
from generator.models import LEAD_TITLE, Article, Problem
from generator.settings import Settings, load_settings
from generator.sources import check_sources_file

Check = Callable[[Settings, Path], list[Problem]]


def check_sources(settings: Settings, corpus: Path) -> list[Problem]:
    """config/sources.yml: structure, names, aliases that belong to two outlets."""
    path = settings.path(settings.sources)
    if not path.is_file():
        return [Problem(str(path), "the sources file is missing", severity="warning")]
    return check_sources_file(path)


def check_languages(settings: Settings, corpus: Path) -> list[Problem]:
    """config/languages/<code>.yml of every configured language."""
    folder = settings.path(settings.language_data)
    problems = []
    for code in settings.languages:
        path = folder / f"{code}.yml"
        if not path.is_file():
            problems.append(
                Problem(str(path), f"no language pack for {code!r}", severity="warning")
            )
            continue
        problems.extend(check_language_file(path))
    return problems


def _article_problems(article: Article, settings: Settings, known: set[str]) -> list[Problem]:
    path = article.path or ""
    out: list[Problem] = []

    def warn(field: str, message: str) -> None:
        out.append(Problem(path, message, field, "warning"))

    for key in ("inferred", "curated"):
        marks = (LEAD_TITLE,) if key == "inferred" else ()  # the lead title's mark
        for name in getattr(article, key):
            if name not in METADATA_FIELDS and name not in marks:
                known_names = ", ".join((*METADATA_FIELDS, *marks))
                out.append(Problem(path, f"{name!r} is not a field ({known_names})", key))
            elif name == LEAD_TITLE and "title" not in article.inferred:
                out.append(Problem(path, f"{name!r} marks an inferred title only", key))
    if not article.body.strip():
        out.append(Problem(path, "the article has no text", "body"))
    if article.date is None and "date" not in article.curated:
        warn("date", "missing date (set it by hand with a note, or list date in curated)")
    if article.language is None:
        if "language" not in article.curated:
            warn("language", "unknown language")
    elif article.language not in settings.languages:
        warn(
            "language",
            f"language {article.language!r} is not one of the configured "
            f"languages ({', '.join(settings.languages)})",
        )
    if not article.source and "source" not in article.curated:
        warn("source", "missing source")
    if Path(path).stem != article.id:
        warn("id", f"the file name does not match the id {article.id!r}")
    return out


def check_corpus(settings: Settings, corpus: Path) -> list[Problem]:
    """Every corpus file: front matter, fields, duplicates; warnings for missing values."""
    articles, load_problems = load_corpus(corpus)
    problems = list(load_problems)
    if corpus.is_dir() and not corpus_files(corpus):
        problems.append(
            Problem(str(corpus), "the corpus has no articles (*.md)", severity="warning")
        )
    for article in articles:
        problems.extend(_article_problems(article, settings, set(FRONT_MATTER_KEYS)))
        problems.extend(_unknown_keys(Path(article.path or "")))
    return problems


def _unknown_keys(path: Path) -> list[Problem]:
    from generator.corpus import split_front_matter

    data, _ = split_front_matter(path.read_text(encoding="utf-8-sig"), str(path))
    return [
        Problem(str(path), "unknown front matter key", str(key), "warning")
        for key in sorted(map(str, data))
        if key not in FRONT_MATTER_KEYS
    ]


CHECKS: list[Check] = [check_sources, check_languages, check_corpus]


def run_checks(
    settings: Settings, corpus: Path, checks: list[Check] | None = None
) -> list[Problem]:
    """All problems of all checks, in check order then file order."""
    problems: list[Problem] = []
    for check in checks if checks is not None else CHECKS:
        problems.extend(check(settings, corpus))
    return problems


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="validate the config and the curated corpus",
        description="List every problem in the config files and the corpus, with file and "
        "field. Exit 1 on errors; --strict also fails on warnings.",
    )
    p.add_argument(
        "corpus",
        nargs="?",
        type=Path,
        metavar="DIR",
        help="corpus folder (default: the config's corpus)",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="fail on warnings too (missing date, unknown language, missing source)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args.config)
    corpus = args.corpus if args.corpus is not None else settings.path(settings.corpus)
    problems = run_checks(settings, corpus)
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    articles = len(corpus_files(corpus)) if corpus.is_dir() else 0
    print(f"check: {articles} articles, {errors} errors, {warnings} warnings")
    if errors or (args.strict and warnings):
        return 1
    return 0
