"""English access to non-English coverage: canonical names, event types, a one-line "what".

Everything here is drawn from the data, never invented: a story's one-line English "what"
is its date, its most prominent canonical entities (the registry's English names) and the
event type named by the story concepts found in its reports' titles and leads
(``config/story_concepts.yml``, ``english:`` block), e.g.
``7 Jan 2022 · Vladimir Putin · meeting · CSTO · Kazakhstan``. An entity's original name is
the registry alias (dictionary form) of the reports' language that the text's forms match,
so a reader sees "Kassym-Jomart Tokayev (Касым-Жомарт Токаев)".
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.models import Analysis
from generator.nlp.tokens import words
from generator.settings import SAFE_LOADER

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
KIND_ORDER = ("person", "organization", "place", "facility")
LEAD_SENTENCES = 3  # sentences after the title that say what happened
WHAT_ENTITIES = 3  # canonical entities named in the "what" line
SEPARATOR = " · "


@dataclass(frozen=True)
class EnglishData:
    """What the English lines need from the config: concept labels, the event concepts in
    order of precedence, the per-language concept vocabulary and the registry's aliases."""

    labels: Mapping[str, str] = field(default_factory=dict)
    events: tuple[str, ...] = ()
    vocabulary: Mapping[str, Any] = field(default_factory=dict, compare=False)
    aliases: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)

    def label(self, concept: str) -> str:
        return self.labels.get(concept) or concept.replace("_", " ")


def format_date(d: dt.date | None) -> str:
    """``5 Jan 2022`` (English month names whatever the locale), "" for no date."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}" if d else ""


# --------------------------------------------------------------------------- loading


def load_english(settings) -> EnglishData:
    """The English data from the settings' concepts file and entity registry (a missing
    file gives empty data: no event types, no original names)."""
    concepts = settings.path(settings.stories.concepts)
    registry = settings.path(settings.entities)
    return _load(str(concepts), str(registry), tuple(settings.languages))


@functools.lru_cache(maxsize=4)
def _load(concepts: str, registry: str, languages: tuple[str, ...]) -> EnglishData:
    labels: dict[str, str] = {}
    events: tuple[str, ...] = ()
    vocabulary: Mapping[str, Any] = {}
    if Path(concepts).is_file():
        from generator.cluster import load_vocabulary

        data = yaml.load(Path(concepts).read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
        english = data.get("english") or {}
        labels = {str(k): str(v) for k, v in (english.get("labels") or {}).items()}
        events = tuple(str(e) for e in english.get("events") or ())
        if events:
            vocabulary = load_vocabulary(Path(concepts), languages)
    aliases = registry_aliases(Path(registry)) if Path(registry).is_file() else {}
    return EnglishData(labels, events, vocabulary, aliases)


def registry_aliases(path: Path) -> dict[str, dict[str, tuple[str, ...]]]:
    """Canonical name -> language -> the registry's aliases as written (``any`` kept as is).

    A ``by_country`` family lends its aliases to each body it resolves to (МИД -> Ministry
    of Foreign Affairs of Kazakhstan)."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
    out: dict[str, dict[str, list[str]]] = {}

    def add(name: str, aliases: Mapping[str, Any]) -> None:
        mine = out.setdefault(name, {})
        for lang, items in (aliases or {}).items():
            for alias in items or ():
                if isinstance(alias, str) and alias.strip():
                    mine.setdefault(str(lang), []).append(alias.strip())

    for section in ("people", "organizations", "places", "facilities", "by_country"):
        for entry in data.get(section) or ():
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                continue
            add(entry["name"], entry.get("aliases") or {})
            for target in (entry.get("resolve") or {}).values():
                if isinstance(target, str):
                    add(target, entry.get("aliases") or {})
    return {n: {lang: tuple(v) for lang, v in by.items()} for n, by in out.items()}


# --------------------------------------------------------------------------- names


def _stem(word: str) -> str:
    """A word without its ending, roughly: the last two letters of a long word, the last of a
    short one (Актюбинская ~ Актюбинской, Киев ~ Киева, Ата ~ Ате). Only a given entity's
    own aliases are compared with its forms, so a rough stem is enough."""
    w = word.casefold()
    cut = 2 if len(w) >= 6 else 1 if len(w) >= 3 else 0
    return w[: len(w) - cut]


@functools.lru_cache(maxsize=1 << 16)
def _alias_fits(alias: str, form: str) -> bool:
    """The text's form is the alias in some case form: word by word, same word count.
    Memoised: the same names and forms recur on thousands of pages."""
    a, f = alias.split(), form.split()
    if len(a) != len(f):
        return False
    for aw, fw in zip(a, f, strict=True):
        ap, fp = aw.split("-"), fw.split("-")
        if len(ap) != len(fp):
            return False
        if not all(y.casefold().startswith(_stem(x)) for x, y in zip(ap, fp, strict=True)):
            return False
    return True


def original_name(
    name: str, reports: Sequence[Analysis], data: EnglishData, language: str | None = None
) -> str:
    """The entity's name as the reports (of ``language``, default their most common one)
    write it, in dictionary form where the registry has it; "" when it is the English name.

    The chosen alias is the one the most reports' forms fit (ties: the word count nearest
    the English name's, then fewer words, then the registry's order); with no fitting
    alias, the form seen in the most reports (ties: the shortest, then alphabetical)."""
    langs = Counter(a.language for a in reports if a.language)
    if language is None and langs:
        language = min(langs, key=lambda x: (-langs[x], x))
    mine = [a for a in reports if a.language == language] or list(reports)
    forms_by_report = [
        {f for e in a.text.entities if e.name == name for f in e.forms} for a in mine
    ]
    forms_by_report = [f for f in forms_by_report if f]
    if not forms_by_report:
        return ""
    by_lang = data.aliases.get(name, {})
    candidates = [*by_lang.get(language or "", ()), *by_lang.get("any", ())]
    best = ""
    if candidates:
        scored = []
        for i, alias in enumerate(candidates):
            hits = sum(1 for forms in forms_by_report if any(_alias_fits(alias, f) for f in forms))
            if hits:
                words = len(alias.split())
                scored.append((-hits, abs(words - len(name.split())), words, i, alias))
        if scored:
            best = min(scored)[-1]
    if not best:
        seen = Counter(f for forms in forms_by_report for f in forms)
        best = min(seen, key=lambda f: (-seen[f], len(f), f))
    return "" if best.casefold() == name.casefold() else best


def named(name: str, original: str) -> str:
    """``Kassym-Jomart Tokayev (Касым-Жомарт Токаев)``, or the name alone."""
    return f"{name} ({original})" if original else name


# --------------------------------------------------------------------------- the "what"


def _lead_text(a: Analysis, n: int = LEAD_SENTENCES) -> str:
    return "\n".join([a.article.title, *a.text.sentences[:n]])


def key_entities(reports: Sequence[Analysis], n: int = WHAT_ENTITIES) -> list[tuple[str, str]]:
    """The story's most prominent canonical entities, as (name, kind): named in the titles
    of the most reports, then in their leads, then in the most reports, then most mentions;
    shown people first, then organisations, places, facilities."""
    title: Counter[tuple[str, str]] = Counter()
    lead: Counter[tuple[str, str]] = Counter()
    anywhere: Counter[tuple[str, str]] = Counter()
    mentions: Counter[tuple[str, str]] = Counter()
    for a in reports:
        text = _lead_text(a)
        for e in a.text.entities:
            key = (e.name, e.kind)
            anywhere[key] += 1
            mentions[key] += e.count
            if any(f in text for f in e.forms):
                lead[key] += 1
            if any(f in a.article.title for f in e.forms):
                title[key] += 1
    ranked = sorted(anywhere, key=lambda k: (-title[k], -lead[k], -anywhere[k], -mentions[k], k))
    top = [k for k in ranked if lead[k]][:n] or ranked[:n]
    rank = {k: i for i, k in enumerate(ranked)}
    return sorted(top, key=lambda k: (_kind_rank(k[1]), rank[k]))


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def report_concepts(a: Analysis, data: EnglishData) -> set[str]:
    """Names of the story concepts found in the report's title and lead. Words that name one
    of the report's entities are no event words (Қазақстан is not ``қаза*``, a death)."""
    vocab = data.vocabulary.get(a.language)
    if vocab is None:
        return set()
    names = {w.casefold() for e in a.text.entities for f in e.forms for w in words(f)}
    seqs = [a.text.title_lemmas, *a.text.sentence_lemmas[:LEAD_SENTENCES]]
    return set(vocab.concepts([[t for t in seq if t not in names] for seq in seqs]))


def event_type(
    reports: Sequence[Analysis], data: EnglishData, memo: dict[str, set[str]] | None = None
) -> str:
    """The English label of the story's event type, or "": among the event concepts found in
    at least half of the reports (else in the most), the first in the configured order.
    ``memo``: each report's ``report_concepts`` by article id, kept by the caller across
    calls on the same reports (one render: the ids are unique)."""
    if not data.events:
        return ""
    if memo is None:
        memo = {}
    for a in reports:
        if a.id not in memo:
            memo[a.id] = report_concepts(a, data)
    found = Counter(c for a in reports for c in memo[a.id] if c in data.events)
    if not found:
        return ""
    need = max(1, (len(reports) + 1) // 2)
    pool = [c for c in found if found[c] >= need] or [
        c for c in found if found[c] == max(found.values())
    ]
    return data.label(min(pool, key=data.events.index))


def what_line(
    reports: Sequence[Analysis],
    data: EnglishData,
    first: dt.date | None = None,
    memo: dict[str, set[str]] | None = None,
) -> str:
    """``5 Jan 2022 · Kassym-Jomart Tokayev · request for help · CSTO``: the date of the first
    report, the people, the event type, then the other entities; parts the data lacks are
    left out. ``memo``: as ``event_type``'s."""
    if first is None:
        dates = [a.article.date for a in reports if a.article.date]
        first = min(dates) if dates else None
    ents = key_entities(reports)
    people = [n for n, k in ents if k == "person"]
    others = [n for n, k in ents if k != "person"]
    event = event_type(reports, data, memo)
    parts = [format_date(first), *people, event, *others]
    return SEPARATOR.join(p for p in parts if p)


# --------------------------------------------------------------------------- glosses


def keyword_glosses(
    analyses: Iterable[Analysis], english: Callable[[str, str], str | None]
) -> dict[str, str]:
    """Keyword -> English gloss for every keyword of a non-English article that
    ``english(keyword, language)`` knows (e.g. ``Glossary.english``); the first article's
    language decides a keyword shared by two languages (articles in the digest's order)."""
    out: dict[str, str] = {}
    for a in analyses:
        if a.language == "en":
            continue
        for k in a.text.keywords:
            if k in out:
                continue
            gloss = english(k, a.language)
            if gloss and gloss.casefold() != k.casefold():
                out[k] = gloss
    return out
