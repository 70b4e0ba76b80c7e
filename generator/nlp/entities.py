"""Named entities: a multilingual alias registry for every language, plus Natasha for Russian.

``config/entities.yml`` maps the spellings of an entity in ru, uk, kk and en (in any case:
aliases are lemmatised with the language's lemmatiser, the text too) to one canonical
English name: ``Токаев``/``Токаева``/``Токаєв``/``Тоқаев`` -> Kassym-Jomart Tokayev,
``ОДКБ``/``ҰҚШҰ`` -> CSTO, ``Алма-Ата``/``Алмати``/``Алматы`` -> Almaty.

For Russian text, Natasha's NER finds people, organisations and places the registry does
not know; those keep Natasha's normalised name (brackets, quotes and page debris removed)
unless they match an alias, in which case they join the registry entity. Spans that look
like debris (menu words, credits, digits, one letter) are dropped.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.models import ENTITY_KINDS, EntityMention
from generator.nlp.lemmas import get_lemmatizer
from generator.nlp.tokens import normalize_text, word_spans, words
from generator.settings import ConfigError, read_yaml

ANY = "any"
NATASHA_LANGUAGES = ("ru",)
_SECTIONS = {"people": "person", "organizations": "organization", "places": "place"}
_NATASHA_KINDS = {"PER": "person", "ORG": "organization", "LOC": "place"}
_STRIP_CHARS = '[](){}<>«»"“”„‘’‹›'
_EDGE_PUNCT = " .,;:!?-–—/\\|*#'"
_DEBRIS_MARKS = ("/", "©", "@", "http", "www.", "\\")
_STRIP_RE = re.compile(f"[{re.escape(_STRIP_CHARS)}]")
_SPACE_RE = re.compile(r"\s+")
_MORPH_CONTEXT = 3  # tokens of context either side of a span for the morph tagger


@dataclass(frozen=True)
class EntityDef:
    name: str  # canonical English name
    kind: str  # one of models.ENTITY_KINDS


@dataclass(frozen=True)
class Alias:
    entity: EntityDef
    lemmas: tuple[str, ...]
    capitalised: tuple[bool, ...]  # per token: the text token must start with a capital
    own_language: bool = True  # an alias of the text's language (wins ties)


@dataclass(frozen=True)
class EntityRegistry:
    """Aliases compiled per language, indexed by first lemma (longest alias first)."""

    entities: tuple[EntityDef, ...]
    aliases: Mapping[str, Mapping[str, tuple[Alias, ...]]] = field(compare=False)
    debris: Mapping[str, frozenset[str]] = field(default_factory=dict, compare=False)
    drop: frozenset[str] = frozenset()
    name_endings: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    digest: str = ""

    def fingerprint(self) -> str:
        """Stable hash of the registry file and its compiled aliases (a cache key part)."""
        return self.digest

    def index(self, language: str) -> Mapping[str, tuple[Alias, ...]]:
        return self.aliases.get(language) or self.aliases.get("en") or {}

    def lookup(self, name: str, language: str) -> EntityDef | None:
        """The registry entity whose alias is exactly ``name`` (any case form), if any."""
        toks = words(name)
        if not toks:
            return None
        lem = get_lemmatizer(language)
        lemmas = [lem.lemma(w) for w in toks]
        for alias in self.index(language).get(lemmas[0], ()):
            if list(alias.lemmas) == lemmas:
                return alias.entity
        return None


# ---------------------------------------------------------------------------- loading


def _str_list(path: Path, where: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{path}: {where}: expected a list of non-empty strings")
    return [v.strip() for v in value]


def load_registry(path: Path) -> EntityRegistry:
    """Read and validate the alias registry; ``ConfigError`` names the file, entity, key."""
    path = Path(path)
    raw, data = read_yaml(path, "entity registry")
    data = data or {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the top level must be a mapping")
    unknown = sorted(set(data) - {*_SECTIONS, "debris", "drop", "name_endings"})
    if unknown:
        raise ConfigError(
            f"{path}: unknown key(s) {', '.join(map(repr, unknown))}; "
            f"known keys are: debris, drop, name_endings, {', '.join(_SECTIONS)}"
        )
    endings_raw = data.get("name_endings") or {}
    if not isinstance(endings_raw, dict):
        raise ConfigError(f"{path}: name_endings: expected a mapping of language -> endings")
    name_endings = {
        str(lang): tuple(
            sorted(
                {e.lower() for e in _str_list(path, f"name_endings.{lang}", es)},
                key=lambda e: (-len(e), e),
            )
        )
        for lang, es in endings_raw.items()
    }
    debris_raw = data.get("debris") or {}
    if not isinstance(debris_raw, dict):
        raise ConfigError(f"{path}: debris: expected a mapping of language -> list of words")
    debris = {
        str(lang): frozenset(w.lower() for w in _str_list(path, f"debris.{lang}", ws))
        for lang, ws in debris_raw.items()
    }
    drop = frozenset(n.lower() for n in _str_list(path, "drop", data.get("drop")))

    entries: list[tuple[EntityDef, dict[str, list[str]]]] = []
    seen: set[str] = set()
    for section, kind in _SECTIONS.items():
        items = data.get(section) or []
        if not isinstance(items, list):
            raise ConfigError(f"{path}: {section}: expected a list of entities")
        for i, item in enumerate(items):
            where = f"{section}[{i}]"
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                raise ConfigError(f"{path}: {where}: expected a mapping with `name` and `aliases`")
            name = item["name"].strip()
            where = f"{section}: {name}"
            if set(item) - {"name", "aliases"}:
                raise ConfigError(f"{path}: {where}: unknown keys; use name and aliases")
            if name in seen:
                raise ConfigError(f"{path}: {where}: duplicate entity name")
            seen.add(name)
            aliases = item.get("aliases")
            if not isinstance(aliases, dict) or not aliases:
                raise ConfigError(
                    f"{path}: {where}: aliases: expected a mapping of language -> list"
                )
            lists = {
                str(k): _str_list(path, f"{where}: aliases.{k}", v) for k, v in aliases.items()
            }
            entries.append((EntityDef(name, kind), lists))

    languages = sorted({lang for _, lists in entries for lang in lists if lang != ANY} | {"en"})
    compiled: dict[str, dict[str, tuple[Alias, ...]]] = {}
    digest = hashlib.sha256(raw.encode("utf-8"))
    for lang in languages:
        lem = get_lemmatizer(lang)
        by_first: dict[str, list[Alias]] = {}
        for entity, lists in entries:
            for key, names in sorted(lists.items()):
                own = key in (lang, ANY)
                for alias_text in names:
                    toks = words(alias_text)
                    if not toks:
                        raise ConfigError(
                            f"{path}: {entity.name}: alias {alias_text!r} has no words"
                        )
                    alias = Alias(
                        entity=entity,
                        lemmas=tuple(lem.lemma(w) for w in toks),
                        capitalised=tuple(w[0].isupper() for w in toks),
                        own_language=own,
                    )
                    by_first.setdefault(alias.lemmas[0], []).append(alias)
        compiled[lang] = {
            first: tuple(
                sorted(
                    dict.fromkeys(group),  # drop exact duplicates, keep order
                    key=lambda a: (-len(a.lemmas), not a.own_language),
                )
            )
            for first, group in sorted(by_first.items())
        }
        for first, group in compiled[lang].items():
            digest.update(f"{lang}:{first}:".encode())
            digest.update(repr([(a.entity.name, a.lemmas) for a in group]).encode())
    return EntityRegistry(
        entities=tuple(e for e, _ in entries),
        aliases=compiled,
        debris=debris,
        drop=drop,
        name_endings=name_endings,
        digest=digest.hexdigest(),
    )


# ---------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class _Hit:
    entity: EntityDef
    start: int
    stop: int
    form: str


def _token_spans(text: str) -> list[tuple[str, int, int]]:
    """``words(text)`` with their character offsets in ``text`` (already NFC-normalised)."""
    return [(w, start, stop) for start, stop, w in word_spans(text)]


def _keys(
    word: str, lemma: str, endings: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Lookup keys of one token: (its lemma and, for a capitalised word, its lower-case
    form; stems of a capitalised word without a case ending, tried for people only, whose
    surnames the dictionary often does not know)."""
    if not word[:1].isupper():
        return (lemma,), ()
    low = word.lower().replace("ё", "е")
    stems = [low[: -len(e)] for e in endings if low.endswith(e) and len(low) - len(e) >= 3]
    return tuple(dict.fromkeys((lemma, low))), tuple(dict.fromkeys(stems))


def _alias_matches(alias: Alias, keys: list, toks: list, i: int) -> bool:
    k = len(alias.lemmas)
    if i + k > len(toks):
        return False
    person = alias.entity.kind == "person"
    for j in range(k):
        exact, stems = keys[i + j]
        want = alias.lemmas[j]
        if not (want in exact or (person and want in stems)):
            return False
        if alias.capitalised[j] and not toks[i + j][0][0].isupper():
            return False
    return True


def _registry_hits(text: str, offset: int, language: str, registry: EntityRegistry) -> list[_Hit]:
    index = registry.index(language)
    lem = get_lemmatizer(language)
    endings = registry.name_endings.get(language, ())
    toks = _token_spans(text)
    keys = [_keys(w, lem.lemma(w), endings) for w, _, _ in toks]
    hits = []
    i, n = 0, len(toks)
    while i < n:
        exact, stems = keys[i]
        candidates = sorted(
            {a for key in (*exact, *stems) for a in index.get(key, ())},
            key=lambda a: (-len(a.lemmas), not a.own_language, a.entity.name),
        )
        found = next((a for a in candidates if _alias_matches(a, keys, toks, i)), None)
        if found is None:
            i += 1
            continue
        k = len(found.lemmas)
        start, stop = toks[i][1], toks[i + k - 1][2]
        hits.append(_Hit(found.entity, offset + start, offset + stop, clean_name(text[start:stop])))
        i += k
    return hits


def clean_name(name: str) -> str:
    """Remove brackets and quotes anywhere, collapse spaces, trim punctuation at the edges."""
    name = _STRIP_RE.sub(" ", normalize_text(name))
    return _SPACE_RE.sub(" ", name).strip(_EDGE_PUNCT)


def is_debris(name: str, language: str, registry: EntityRegistry) -> bool:
    """True for names that are page debris rather than an entity."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2 or not name[:1].isupper():
        return True
    low = name.lower()
    if low in registry.drop or any(mark in low for mark in _DEBRIS_MARKS):
        return True
    debris = registry.debris.get(language, frozenset())
    return any(w.lower() in debris for w in words(name))


# ---------------------------------------------------------------------------- natasha


@functools.cache
def _natasha() -> tuple[Any, Any, Any, Any]:
    """Segmenter, MorphVocab, morph tagger and NER tagger, loaded once per process.

    Natasha's small numpy models run 3-5x slower when OpenBLAS spreads each tiny matrix
    product over threads on a busy machine (and a process pool already uses every core),
    so this process's BLAS is limited to one thread.
    """
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")

    emb = NewsEmbedding()
    return Segmenter(), MorphVocab(), NewsMorphTagger(emb), NewsNERTagger(emb)


@dataclass
class _Span:
    """A Natasha NER span with the tokens it needs for normalisation."""

    start: int
    stop: int
    type: str
    text: str
    tokens: list[Any] = field(default_factory=list)  # natasha DocToken, offsets in ``text``
    left: list[str] = field(default_factory=list)  # a few words of context before ...
    right: list[str] = field(default_factory=list)  # ... and after, for the morph tagger


def _natasha_spans(text: str) -> list[_Span]:
    """Natasha NER spans over ``text`` (the tagger tokenises by itself: no segmentation)."""
    _, _, _, ner = _natasha()
    return [_Span(sp.start, sp.stop, sp.type, text[sp.start : sp.stop]) for sp in ner(text).spans]


def _tokenise_span(span: _Span, text: str) -> None:
    from natasha.doc import DocToken
    from razdel import tokenize

    span.tokens = [DocToken(t.start, t.stop, t.text) for t in tokenize(span.text)]
    line_start = text.rfind("\n", 0, span.start) + 1
    line_stop = text.find("\n", span.stop)
    line_stop = len(text) if line_stop < 0 else line_stop
    span.left = [t.text for t in tokenize(text[line_start : span.start])][-_MORPH_CONTEXT:]
    span.right = [t.text for t in tokenize(text[span.stop : line_stop])][:_MORPH_CONTEXT]


def _normalise_spans(spans: list[_Span], text: str) -> list[tuple[_Span, str]]:
    """Natasha's normal forms; spans without a noun are left out.

    Only the spans' tokens with a few words of context on each side are morph-tagged (one
    batch per article), not whole sentences: tagging the full text would cost as much as
    the NER itself.
    """
    from natasha.norm import normalize

    _, vocab, morph, _ = _natasha()
    for span in spans:
        _tokenise_span(span, text)
    spans = [span for span in spans if span.tokens]
    markups = morph.map([[*sp.left, *(t.text for t in sp.tokens), *sp.right] for sp in spans])
    for span, markup in zip(spans, markups, strict=True):
        tagged = markup.tokens[len(span.left) : len(span.left) + len(span.tokens)]
        for token, tag in zip(span.tokens, tagged, strict=True):
            token.pos, token.feats = tag.pos, tag.feats
    out = []
    for span in spans:
        tokens = span.tokens
        if not any(t.pos in ("NOUN", "PROPN") for t in tokens):
            continue  # no noun: a capitalised adjective or verb, not a name ("Официальный")
        if span.type == "ORG" and len(tokens) > 1:
            # inflect up to the first noun (the head); keep the dependent words as written
            head = next(
                (i for i, t in enumerate(tokens) if t.pos in ("NOUN", "PROPN")), len(tokens) - 1
            )
            first = normalize(vocab, tokens[: head + 1])
            rest = span.text[tokens[head].stop :] if head + 1 < len(tokens) else ""
            out.append((span, first + rest))
        else:
            out.append((span, normalize(vocab, tokens)))
    return out


# ---------------------------------------------------------------------------- public


def extract_entities(
    sentences: Sequence[str],
    language: str,
    registry: EntityRegistry,
) -> tuple[EntityMention, ...]:
    """People, organisations and places of one article, canonical where the registry knows
    them; sorted by mention count (descending), then name. No I/O beyond loading models."""
    sentences = [normalize_text(s) for s in sentences if s and s.strip()]
    text = "\n".join(sentences)
    hits: list[_Hit] = []
    offset = 0
    for s in sentences:
        hits.extend(_registry_hits(s, offset, language, registry))
        offset += len(s) + 1

    counts: dict[tuple[str, str], int] = {}
    forms: dict[tuple[str, str], set[str]] = {}

    def add(name: str, kind: str, form: str) -> None:
        key = (name, kind)
        counts[key] = counts.get(key, 0) + 1
        if form:
            forms.setdefault(key, set()).add(form)

    for h in hits:
        add(h.entity.name, h.entity.kind, h.form)

    if language in NATASHA_LANGUAGES and text:
        covered = sorted((h.start, h.stop) for h in hits)
        starts = [s for s, _ in covered]
        widest = max((e - s for s, e in covered), default=0)
        pending = []
        for span in _natasha_spans(text):
            if span.type not in _NATASHA_KINDS:
                continue
            # only hits starting within the widest hit before the span can overlap it
            # (bisect keeps this linear for long articles)
            lo = bisect.bisect_left(starts, span.start - widest)
            hi = bisect.bisect_left(starts, span.stop)
            overlap = sum(max(0, min(e, span.stop) - max(s, span.start)) for s, e in covered[lo:hi])
            if overlap * 2 >= span.stop - span.start:
                continue  # mostly a registry entity, already counted
            entity = registry.lookup(clean_name(span.text), language)
            if entity is not None:
                add(entity.name, entity.kind, clean_name(span.text))
            else:
                pending.append(span)
        for span, normal in _normalise_spans(pending, text) if pending else ():
            name = clean_name(normal)
            form = clean_name(span.text)
            if is_debris(name, language, registry) or is_debris(form, language, registry):
                continue
            entity = registry.lookup(name, language)
            if entity is not None:
                add(entity.name, entity.kind, form)
            else:
                add(name, _NATASHA_KINDS[span.type], form)

    mentions = [
        EntityMention(
            name=name, kind=kind, count=n, forms=tuple(sorted(forms.get((name, kind), ())))
        )
        for (name, kind), n in counts.items()
        if kind in ENTITY_KINDS
    ]
    mentions.sort(key=lambda m: (-m.count, m.name, m.kind))
    return tuple(mentions)
