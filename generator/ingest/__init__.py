"""Ingest: raw text, HTML pages and Markdown with front matter -> curated ``seeds/*.md``.

    ctx = load_ingest_context(settings)          # packs, sources, detector: built once
    article = ingest_path(Path("page.html"), ctx)  # in memory, nothing written
    write_article(article, Path("seeds"))          # "added" | "updated" | "unchanged"
    report = ingest_paths(paths, Path("seeds"), ctx)

Each input becomes one ``Article``: decoded (``decode``), main text extracted for HTML
(``html``), page debris removed (``clean``), metadata inferred (``metadata``), then merged
into the curated file without losing a person's edits (``store``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.corpus import CorpusError, parse_date, split_front_matter
from generator.ingest.clean import CleanRules, build_rules, clean_text, normalise_text
from generator.ingest.decode import DEFAULT_MAX_BYTES, DecodeError, check_size, decode_bytes
from generator.ingest.errors import IngestError
from generator.ingest.html import extract_html, looks_like_html, unescaped_markup
from generator.ingest.metadata import Evidence, Given, infer_metadata
from generator.ingest.store import safe_id, text_id, url_id, write_article
from generator.ingest.wpjson import looks_like_wordpress_post, read_wordpress_post
from generator.languages import LanguagePack, load_language_packs
from generator.models import LEAD_TITLE, Article, Problem
from generator.nlp.language import LanguageDetector, get_detector
from generator.nlp.sentences import get_splitter
from generator.settings import Settings
from generator.sources import SourceRegistry, load_sources

__all__ = [
    "IngestContext",
    "IngestError",
    "IngestReport",
    "RawInput",
    "expand_paths",
    "ingest_bytes",
    "ingest_path",
    "ingest_paths",
    "load_ingest_context",
    "write_article",
]

_ANY_TAG = re.compile(r"<[A-Za-z!/]")
INPUT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".markdown")
_CRAWL_PREFIX = "date "


@dataclass(frozen=True)
class RawInput:
    """One thing to ingest, with what the caller already knows about it."""

    data: bytes
    origin: str  # file path or URL it came from
    url: str | None = None
    content_type: str | None = None  # e.g. "text/html; charset=..." when known
    language_hint: str | None = None
    source_hint: str | None = None
    title_hint: str | None = None
    date_hint: dt.date | None = None
    fallback_text: str | None = None  # e.g. a feed's own content if extraction finds nothing


@dataclass(frozen=True)
class IngestContext:
    """Everything ingest needs, loaded once: language packs, rules, outlets, detector."""

    languages: tuple[str, ...]
    packs: Mapping[str, LanguagePack]
    rules: CleanRules
    sources: SourceRegistry
    detector: LanguageDetector
    encodings: tuple[str, ...]
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class IngestReport:
    """What an ingest run did: written files by outcome, and every problem met."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = field(default=())

    @property
    def failed(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    def summary_line(self) -> str:
        warnings = len(self.problems) - self.failed
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {self.failed} failed, {warnings} warnings"
        )


def load_ingest_context(settings: Settings, max_bytes: int = DEFAULT_MAX_BYTES) -> IngestContext:
    """Build the context from the settings' language packs and sources (``ConfigError``)."""
    languages = tuple(settings.languages)
    packs = load_language_packs(settings.path(settings.language_data), languages)
    deciding = {
        code: (pack.deciding_letters, pack.deciding_share)
        for code, pack in packs.items()
        if pack.deciding_letters
    }
    encodings = tuple(dict.fromkeys(e for code in languages for e in packs[code].encodings))
    sources = load_sources(settings.path(settings.sources))
    agencies = [alias for s in sources.sources for alias in (s.name, *s.aliases)]
    language_dir = settings.path(settings.language_data)
    abbreviations = {
        a for code in languages for a in get_splitter(code, language_dir).abbreviations
    }
    return IngestContext(
        languages=languages,
        packs=packs,
        rules=build_rules(packs, agencies, abbreviations),
        sources=sources,
        detector=get_detector(languages, deciding),
        encodings=encodings or ("cp1251", "koi8_r", "cp1252"),
        max_bytes=max_bytes,
    )


def _kind(raw: RawInput, text: str) -> str:
    ctype = (raw.content_type or "").lower()
    name = raw.origin.lower().split("?", 1)[0]
    if text.lstrip("\ufeff").startswith("---") and ("markdown" in ctype or not ctype):
        try:
            split_front_matter(text, raw.origin)
            return "markdown"
        except CorpusError:
            if name.endswith((".md", ".markdown")) or "markdown" in ctype:
                return "markdown"
    if name.endswith((".md", ".markdown")) or "markdown" in ctype:
        return "markdown"
    if looks_like_wordpress_post(text):
        return "wordpress"
    if looks_like_html(text):
        return "html"
    if ("html" in ctype or name.endswith((".html", ".htm", ".xhtml"))) and _ANY_TAG.search(text):
        return "html"  # (a page saved as .html that holds plain text, with no tag, is text)
    return "text"


def _text_for_id(text: str) -> str:
    """The normalised input text an id is hashed from (without a crawler's date line)."""
    text = normalise_text(text).strip()
    if text.startswith(_CRAWL_PREFIX):
        first, _, rest = text.partition("\n")
        words = first.split(maxsplit=2)
        text = (words[2] if len(words) > 2 else "") + "\n" + rest
    return text


def _ingest(raw: RawInput, ctx: IngestContext) -> tuple[Article, tuple[str, ...]]:
    """The article and warnings (one line each, without the origin)."""
    origin = raw.origin
    try:
        text, _encoding = decode_bytes(raw.data, ctx.encodings, raw.content_type, ctx.max_bytes)
    except DecodeError as exc:
        raise IngestError(origin, str(exc)) from exc

    warnings: list[str] = []
    plain = unescaped_markup(text)
    if plain is not None:  # "<&sol;p>&NewLine;<p>…": a scraper escaped the page's markup
        text = plain
        warnings.append("markup written as escaped characters (&sol;, &equals;) read as text")
    kind = _kind(raw, text)
    given: dict[str, object] = {
        "title": raw.title_hint,
        "date": raw.date_hint,
        "source": raw.source_hint,
        "language": raw.language_hint,
    }
    url = raw.url
    evidence = Evidence(url=url)
    note = None
    curated: tuple[str, ...] = ()
    art_id: str | None = None
    page_text = text

    listed_inferred: dict[str, object] = {}
    flagged: set[str] = set()
    if kind == "markdown":
        try:
            data, page_text = split_front_matter(text, origin)
            listed = data.get("inferred") or []
            flagged = {str(x) for x in listed} if isinstance(listed, list) else set()
            values: dict[str, object] = {}
            for name in ("title", "source", "language", "author", "original"):
                value = data.get(name)
                if value is not None and not isinstance(value, str):
                    raise CorpusError(origin, f"expected text, got {type(value).__name__}", name)
                if value and value.strip():
                    values[name] = " ".join(value.split())
            date = parse_date(data.get("date"), origin)
            if date is not None:
                values["date"] = date
            for name, value in values.items():
                if name in flagged:
                    listed_inferred[name] = value
                else:
                    given[name] = given.get(name) or value
            if isinstance(data.get("url"), str):
                url = data["url"].strip() or url
            if isinstance(data.get("note"), str):
                note = data["note"].strip() or None
            raw_curated = data.get("curated") or []
            if isinstance(raw_curated, list):
                curated = tuple(sorted({str(c) for c in raw_curated}))
            if data.get("id") is not None:
                art_id = str(data["id"])
            evidence = Evidence(url=url)
        except CorpusError as exc:
            where = f"{exc.field}: " if exc.field else ""
            raise IngestError(origin, f"{where}{exc.message}") from exc
    elif kind == "wordpress":
        post = read_wordpress_post(text)
        if post is None:
            raise IngestError(origin, "no article text found in the WordPress post (JSON)")
        page_text = post.text
        url = url or post.url
        given["title"] = given["title"] or post.title
        evidence = Evidence(date=post.date, url=url)
    elif kind == "html":
        page = extract_html(text, raw.url)
        if page is None:
            if not raw.fallback_text or not raw.fallback_text.strip():
                raise IngestError(origin, "no article text found in the HTML page")
            page_text = raw.fallback_text
        else:
            page_text = page.text
            url = url or page.url
            given["title"] = given["title"] or page.title
            given["author"] = page.author
            evidence = Evidence(date=page.date, sitename=page.sitename, url=url)

    title_hint = given["title"] or listed_inferred.get("title")
    cleaned = clean_text(page_text, ctx.rules, title_hint=title_hint, url=url)  # type: ignore[arg-type]
    if not cleaned.body.strip() and raw.fallback_text and kind != "text":
        cleaned = clean_text(raw.fallback_text, ctx.rules, title_hint=title_hint, url=url)  # type: ignore[arg-type]
    if not cleaned.body.strip():
        raise IngestError(origin, "no article text left after removing page debris")
    meta = infer_metadata(
        cleaned,
        Given(**given),  # type: ignore[arg-type]
        ctx.rules,
        ctx.sources,
        ctx.packs,
        ctx.detector,
        evidence,
    )
    warnings.extend(meta.warnings)
    if listed_inferred:  # values a Markdown input marks as inferred: kept, still inferred
        inferred = meta.inferred | set(listed_inferred)
        if "title" in listed_inferred:  # the listed title's own mark, not a re-read of the body
            inferred = (inferred - {LEAD_TITLE}) | ({LEAD_TITLE} & flagged)
        meta = replace(meta, inferred=inferred, **listed_inferred)  # type: ignore[arg-type]
    if not meta.title:
        raise IngestError(origin, "no title found")
    if meta.language and meta.language not in ctx.languages:
        warnings.append(f"language {meta.language!r} is not one of {', '.join(ctx.languages)}")

    if art_id is not None:
        safe = safe_id(art_id)
        if safe != art_id:
            warnings.append(f"id {art_id!r} is not file-name safe; using {safe!r}")
        art_id = safe
    elif url:
        art_id = url_id(url)
    else:
        art_id = text_id(_text_for_id(page_text if kind == "markdown" else text))
    article = Article(
        id=art_id,
        title=meta.title,
        body=cleaned.body,
        date=meta.date,
        source=meta.source,
        url=url,
        language=meta.language,
        author=meta.author,
        origin=origin,
        inferred=tuple(sorted(meta.inferred)),
        curated=curated,
        note=note,
        original=meta.original,
    )
    return article, tuple(warnings)


def ingest_bytes(raw: RawInput, ctx: IngestContext) -> Article:
    """Turn one input into an ``Article`` in memory (``IngestError`` when it cannot)."""
    return _ingest(raw, ctx)[0]


def _content_type(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "text/html"
    if suffix in (".md", ".markdown"):
        return "text/markdown"
    return None


def _read(path: Path, ctx: IngestContext) -> RawInput:
    origin = str(path)
    try:
        if not path.is_file():
            raise IngestError(origin, "not a file" if path.exists() else "no such file")
        check_size(path.stat().st_size, ctx.max_bytes)
        data = path.read_bytes()
    except DecodeError as exc:
        raise IngestError(origin, str(exc)) from exc
    except OSError as exc:
        raise IngestError(origin, f"cannot read the file ({exc.strerror or exc})") from exc
    return RawInput(data=data, origin=origin, content_type=_content_type(path))


def ingest_path(path: Path, ctx: IngestContext) -> Article:
    """Read one file (text in any common encoding, HTML or Markdown) into an ``Article``."""
    return ingest_bytes(_read(Path(path), ctx), ctx)


def expand_paths(paths: Sequence[Path]) -> list[Path]:
    """Files as given; folders replaced by their input files (sorted, not recursive)."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(
                sorted(
                    (c for c in p.iterdir() if c.is_file() and c.suffix.lower() in INPUT_SUFFIXES),
                    key=lambda c: c.name,
                )
            )
        else:
            out.append(p)
    return out


def ingest_paths(paths: Sequence[Path], into: Path, ctx: IngestContext) -> IngestReport:
    """Ingest every path into ``into``; a bad input is a Problem, the others still ingest."""
    outcome: dict[str, list[str]] = {"added": [], "updated": [], "unchanged": []}
    problems: list[Problem] = []
    for path in expand_paths(paths):
        try:
            article, warnings = _ingest(_read(path, ctx), ctx)
            result = write_article(article, Path(into))
        except IngestError as exc:
            problems.append(Problem(exc.origin, exc.problem))
            continue
        except OSError as exc:
            problems.append(Problem(str(path), f"cannot write into {into} ({exc.strerror or exc})"))
            continue
        problems.extend(Problem(str(path), w, severity="warning") for w in warnings)
        outcome[result].append(str(Path(into) / f"{safe_id(article.id)}.md"))
    return IngestReport(
        added=tuple(outcome["added"]),
        updated=tuple(outcome["updated"]),
        unchanged=tuple(outcome["unchanged"]),
        problems=tuple(problems),
    )
