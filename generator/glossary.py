"""A concept glossary across languages: English headwords and their terms in ru/uk/kk/en.

Built from three sources, most specific first (a lemma that several sources know is glossed
by the first):

1. ``config/glossary.yml`` (next to the entity registry): common news concepts
   (protest, oil, peacekeeper ...);
2. the entity registry (``config/entities.yml``): each entity's canonical English name and
   its aliases;
3. the taxonomy (``config/topics.yml``): each context (its name), concept and topic (its
   English title) with its terms.

Keys are lemma sequences (lower case, ``ё`` folded), made with the same lemmatisers as the
analysis, so every inflected form of a term reaches its concept. Nothing corpus-specific
lives here: the words come from the YAML files.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from generator.nlp.lemmas import get_lemmatizer
from generator.nlp.tokens import words
from generator.settings import ConfigError, Settings, read_yaml

GLOSSARY_FILE = "glossary.yml"  # next to the entity registry
ANY = "any"
RANK_GLOSSARY, RANK_ENTITY, RANK_TAXONOMY = 0, 1, 2
_FOLD = str.maketrans({"ё": "е", "Ё": "Е"})


def fold(text: str) -> str:
    """Lower case, NFC, ``ё`` -> ``е``: the form glossary keys are compared in."""
    return unicodedata.normalize("NFC", text).translate(_FOLD).lower()


class Group(NamedTuple):
    """Source material of one concept, before it is keyed."""

    english: str
    rank: int
    terms: Mapping[str, Iterable[str]]  # language (or ``any``) -> terms
    lemmatised: bool  # terms are lemma phrases already (compiled taxonomy / registry)


@dataclass(frozen=True)
class Entry:
    """One concept: its English headword, where it comes from, its terms per language."""

    english: str
    rank: int  # RANK_GLOSSARY, RANK_ENTITY or RANK_TAXONOMY
    terms: tuple[tuple[str, tuple[str, ...]], ...]  # (language, lemma phrase), sorted


@dataclass(frozen=True)
class Glossary:
    """Concepts, and an index from ``(language, lemma phrase)`` to them (best rank first)."""

    entries: tuple[Entry, ...]
    index: Mapping[tuple[str, str], tuple[int, ...]] = field(compare=False)
    longest: int = 1  # words in the longest phrase (for matching in text)
    # (language, first word) -> words in the longest phrase starting with it
    starts: Mapping[tuple[str, str], int] = field(default_factory=dict, compare=False)

    def lookup(self, phrase: str, language: str | None = None) -> tuple[Entry, ...]:
        """The most specific entries whose term is ``phrase`` (a lemma or lemma phrase) in
        ``language`` (any language when None)."""
        key = " ".join(fold(phrase).split())
        langs = [language] if language else sorted({lang for lang, _ in self.index})
        found = {i for lang in langs for i in self.index.get((lang, key), ())}
        if not found:
            return ()
        best = min(self.entries[i].rank for i in found)
        return tuple(self.entries[i] for i in sorted(found) if self.entries[i].rank == best)

    def english(self, lemma: str, language: str) -> str | None:
        """An English gloss of a lemma (or lemma phrase) of ``language``; None if unknown.

        An English lemma is its own gloss only when it is a term of some concept."""
        found = self.lookup(lemma, language)
        return found[0].english if found else None

    def expand(self, term: str) -> tuple[str, ...]:
        """Every term (lemma phrase, any language) of the concepts ``term`` belongs to, with
        their English headwords; sorted, without duplicates; () for an unknown term."""
        out: set[str] = set()
        for entry in self.lookup(term):
            out.add(fold(entry.english))
            out.update(" ".join(phrase) for _, phrase in entry.terms)
        return tuple(sorted(out))

    def concepts_in(
        self,
        lemma_seqs: Iterable[Sequence[str]],
        language: str,
        max_rank: int = RANK_TAXONOMY,
    ) -> tuple[str, ...]:
        """English headwords of the most specific concepts (of rank <= ``max_rank``) named in
        a text (its sentences as lemma sequences, ``language``): contiguous phrases, longest
        first; sorted."""
        index, starts = self.index, self.starts
        folded: dict[str, str] = {}
        found: set[int] = set()
        for seq in lemma_seqs:
            lemmas = [folded.get(w) or folded.setdefault(w, fold(w)) for w in seq]
            i, n_words = 0, len(lemmas)
            while i < n_words:
                step = 1
                longest = starts.get((language, lemmas[i]), 0)
                for n in range(min(longest, n_words - i), 0, -1):
                    hit = index.get((language, " ".join(lemmas[i : i + n])))
                    hit = tuple(j for j in hit or () if self.entries[j].rank <= max_rank)
                    if hit:
                        best = min(self.entries[j].rank for j in hit)
                        found.update(j for j in hit if self.entries[j].rank == best)
                        step = n
                        break
                i += step
        return tuple(sorted({self.entries[j].english for j in found}))

    def phrases(self, max_rank: int = RANK_TAXONOMY) -> dict[str, tuple[str, ...]]:
        """Every lemma phrase (any language) -> English headwords of its most specific
        concepts of rank <= ``max_rank``: the query-side map the search page ships."""
        heads: dict[str, set[str]] = {}
        for (_lang, phrase), hit in self.index.items():
            ranked = [j for j in hit if self.entries[j].rank <= max_rank]
            if ranked:
                best = min(self.entries[j].rank for j in ranked)
                heads.setdefault(phrase, set()).update(
                    self.entries[j].english for j in ranked if self.entries[j].rank == best
                )
        return {p: tuple(sorted(h)) for p, h in sorted(heads.items())}


def _lemma_phrase(raw: str, language: str, language_dir: Path | None) -> tuple[str, ...]:
    """A term written in dictionary form -> its lemma sequence (folded); () for no words."""
    toks = words(raw)
    if not toks:
        return ()
    lem = get_lemmatizer(language, language_dir)
    return tuple(fold(lem.lemma(w)) for w in toks)


def build_glossary(
    groups: Iterable[Group],
    languages: Sequence[str],
    language_dir: Path | None = None,
) -> Glossary:
    """A glossary from groups (``any`` = every language). Groups with the same headword and
    rank are merged; an English headword is also a term of its own concept in English.
    Terms of a ``lemmatised`` group are lemma phrases already (only folded here)."""
    merged: dict[tuple[str, int], set[tuple[str, tuple[str, ...]]]] = {}
    for english, rank, terms, lemmatised in groups:
        english = " ".join(english.split())
        if not english:
            continue
        bucket = merged.setdefault((english, rank), set())
        if "en" in languages:
            phrase = _lemma_phrase(english, "en", language_dir)
            if phrase:
                bucket.add(("en", phrase))
        for lang, raw_terms in terms.items():
            targets = list(languages) if lang == ANY else [lang] if lang in languages else []
            for raw in raw_terms:
                text = str(raw)
                if text.endswith("*"):  # a prefix term of the taxonomy: not a word to gloss
                    continue
                for target in targets:
                    phrase = (
                        tuple(fold(w) for w in text.split())
                        if lemmatised
                        else _lemma_phrase(text, target, language_dir)
                    )
                    if phrase:
                        bucket.add((target, phrase))
    entries = tuple(
        Entry(english, rank, tuple(sorted(terms)))
        for (english, rank), terms in sorted(merged.items(), key=lambda kv: (kv[0][1], kv[0][0]))
        if terms
    )
    index: dict[tuple[str, str], list[int]] = {}
    for i, entry in enumerate(entries):
        for lang, phrase in entry.terms:
            index.setdefault((lang, " ".join(phrase)), []).append(i)
    longest = max((len(p) for e in entries for _, p in e.terms), default=1)
    starts: dict[tuple[str, str], int] = {}
    for entry in entries:
        for lang, phrase in entry.terms:
            key = (lang, phrase[0])
            starts[key] = max(starts.get(key, 0), len(phrase))
    index_sorted = {k: tuple(v) for k, v in sorted(index.items())}
    return Glossary(entries, index_sorted, longest, dict(sorted(starts.items())))


def glossary_groups(path: Path) -> list[Group]:
    """The concepts of a glossary YAML file (``concepts: {english: {language: [terms]}}``)."""
    if not Path(path).is_file():
        return []
    _, data = read_yaml(Path(path), "glossary")
    concepts = (data or {}).get("concepts") if isinstance(data, dict) else None
    if not isinstance(concepts, dict):
        raise ConfigError(f"{path}: expected `concepts:`, a mapping of English headword -> terms")
    out = []
    for english, terms in concepts.items():
        if not isinstance(terms, dict) or not all(
            isinstance(v, list) and all(isinstance(t, str) for t in v) for v in terms.values()
        ):
            raise ConfigError(f"{path}: concepts.{english}: expected language -> list of terms")
        terms_by_lang = {str(k): list(v) for k, v in terms.items()}
        out.append(Group(str(english), RANK_GLOSSARY, terms_by_lang, False))
    return out


def _termset_phrases(termsets: Mapping[str, Any]) -> dict[str, list[str]]:
    """Compiled taxonomy terms (language -> TermSet) back as phrases to re-key."""
    return {
        lang: [" ".join(t.lemmas) for t in ts.terms if not t.prefix]
        for lang, ts in termsets.items()
    }


def taxonomy_groups(taxonomy: Any) -> list[Group]:
    """Topics (English title), their required contexts (name) and concepts, as groups."""
    out: list[Group] = []
    seen: set[str] = set()
    for topic in taxonomy.topics:
        out.append(Group(topic.title_en, RANK_TAXONOMY, _termset_phrases(topic.terms), True))
        for ctx in topic.require:
            if ctx.name not in seen:
                seen.add(ctx.name)
                phrases = _termset_phrases(ctx.terms)
                out.append(Group(ctx.label or ctx.name, RANK_TAXONOMY, phrases, True))
    for concept in taxonomy.concepts:
        out.append(Group(concept.name, RANK_TAXONOMY, _termset_phrases(concept.terms), True))
    return out


def registry_groups(registry: Any) -> list[Group]:
    """Each entity: canonical English name and its own compiled aliases per language."""
    by_name: dict[str, dict[str, list[str]]] = {}
    for lang, by_first in registry.aliases.items():
        for aliases in by_first.values():
            for alias in aliases:
                if not alias.own_language:  # another language's alias, lemmatised as this one
                    continue
                by_name.setdefault(alias.entity.name, {}).setdefault(lang, []).append(
                    " ".join(alias.lemmas)
                )
    for entity in registry.entities:
        by_name.setdefault(entity.name, {})
    return [Group(name, RANK_ENTITY, terms, True) for name, terms in sorted(by_name.items())]


def glossary_path(settings: Settings) -> Path:
    """``glossary.yml`` in the folder of the entity registry."""
    return settings.path(settings.entities).with_name(GLOSSARY_FILE)


def load_glossary(settings: Settings, ctx: Any) -> Glossary:
    """The glossary of a project: its glossary file, ``ctx.registry`` and ``ctx.taxonomy``
    (``ctx`` is the analysis context of :func:`generator.analyse.load_context`)."""
    groups = [
        *glossary_groups(glossary_path(settings)),
        *registry_groups(ctx.registry),
        *taxonomy_groups(ctx.taxonomy),
    ]
    return build_glossary(groups, tuple(ctx.languages), ctx.language_dir)
