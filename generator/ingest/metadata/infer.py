"""``infer_metadata``: title, date, source, author, language and original of a cleaned
page, given values first."""

from __future__ import annotations

from collections.abc import Mapping

from generator.ingest.clean import Cleaned, CleanRules, normalise_name
from generator.ingest.metadata.outlets import same_outlet
from generator.ingest.metadata.provenance import infer_date
from generator.ingest.metadata.publisher import infer_source
from generator.ingest.metadata.titles import clean_title
from generator.ingest.metadata.values import Evidence, Given, Metadata
from generator.languages import LanguagePack
from generator.models import LEAD_TITLE
from generator.nlp.language import LanguageDetector
from generator.sources import SourceRegistry


def infer_metadata(
    cleaned: Cleaned,
    given: Given,
    rules: CleanRules,
    sources: SourceRegistry,
    packs: Mapping[str, LanguagePack],
    detector: LanguageDetector,
    evidence: Evidence | None = None,
) -> Metadata:
    """Given values win; the rest is inferred from the cleaned page and listed in ``inferred``."""
    evidence = evidence or Evidence()
    inferred: set[str] = set()
    warnings: list[str] = []

    title = given.title
    if title:
        title = clean_title(title, sources, rules.headline_calls)
    elif cleaned.title:
        title = clean_title(cleaned.title, sources, rules.headline_calls)
        inferred.add("title")
        if cleaned.title_in_body:  # no headline on the page: the title is cut from the lead
            inferred.add(LEAD_TITLE)

    language = given.language
    if not language:
        language = detector.detect(f"{title or ''}\n{cleaned.body}")
        if language:
            inferred.add("language")
        else:
            warnings.append("language could not be detected")

    date = given.date
    if date is None:
        date, date_warnings = infer_date(cleaned, rules, evidence.date, evidence.url)
        warnings.extend(date_warnings)
        if date is not None:
            inferred.add("date")

    source = sources.resolve(given.source) or given.source if given.source else None
    found, original = infer_source(cleaned, sources, packs, language, evidence)
    if not source:
        source = found
        if source:
            inferred.add("source")
    elif original and same_outlet(original, source, sources):
        original = None
    if given.original:
        original = sources.resolve(given.original) or given.original
    elif original:
        inferred.add("original")

    author = given.author
    if not author:
        names = [v for k, v in cleaned.bylines if k == "author"]
        if names:
            author = normalise_name(names[0])
            inferred.add("author")
    return Metadata(
        title=title,
        date=date,
        source=source,
        author=author,
        language=language,
        inferred=frozenset(inferred),
        original=original,
        warnings=tuple(warnings),
    )
