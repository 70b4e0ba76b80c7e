"""Named entities: a multilingual alias registry for every language, plus Natasha for Russian.

``config/entities.yml`` maps the spellings of an entity in ru, uk, kk and en (in any case:
aliases are lemmatised with the language's lemmatiser, the text too) to one canonical
English name: ``Токаев``/``Токаева``/``Токаєв``/``Тоқаев`` -> Kassym-Jomart Tokayev,
``ОДКБ``/``ҰҚШҰ`` -> CSTO, ``Алма-Ата``/``Алмати``/``Алматы`` -> Almaty.

For Russian text, Natasha's NER finds people, organisations and places the registry does
not know; those keep Natasha's normalised name (brackets, quotes and page debris removed)
unless they match an alias, in which case they join the registry entity. Spans that look
like debris (menu words, credits, digits, one letter) are dropped.

Beyond the aliases, all configured in the YAML:

* ``by_country``: a bare name (``МИД``, ``Минэнерго``, ``Совбез``) is resolved to the
  country's body: the nearest earlier qualified mention of the same family (``МИД РФ``),
  else the only one the article names, else the article's country context (the countries of
  the registry entities it mentions, plus a prior per language), else a generic name;
* ``outlet: true`` marks news outlets: a mention in a credit (``/ТАСС/``, ``(ТАСС)``,
  ``передает ТАСС``, ``Редакция сайта ТАСС``, ``— Sputnik``) is the article's source, not an
  entity; a Natasha organisation in a credit that looks like a medium is dropped too;
* ``not_names``: words that make a span a common noun (``СИЗО``), never an entity;
* every name shown is English or transliterated (``transliteration`` tables per language:
  BGN/PCGN-style for ru, the 2010 national system for uk, the 2021 Latin alphabet for kk);
  ``EntityMention.transliterated`` says which.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.fileio import file_version
from generator.models import ENTITY_KINDS, EntityMention
from generator.nlp.lemmas import get_lemmatizer, place_name
from generator.nlp.tokens import normalize_text, word_spans, words
from generator.settings import ConfigError, read_yaml

ANY = "any"
NATASHA_LANGUAGES = ("ru",)
_SECTIONS = {
    "people": "person",
    "organizations": "organization",
    "places": "place",
    "facilities": "facility",
}
_OPTIONS = (
    "debris",
    "drop",
    "name_endings",
    "by_country",
    "language_country",
    "credits",
    "not_names",
    "transliteration",
    "include",
)
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_NATASHA_KINDS = {"PER": "person", "ORG": "organization", "LOC": "place"}
_STRIP_CHARS = '[](){}<>«»"“”„‘’‹›'
_EDGE_PUNCT = " .,;:!?-–—/\\|*#'"
_DEBRIS_MARKS = ("/", "©", "@", "http", "www.", "\\")
_STRIP_RE = re.compile(f"[{re.escape(_STRIP_CHARS)}]")
_SPACE_RE = re.compile(r"\s+")
_MORPH_CONTEXT = 3  # tokens of context either side of a span for the morph tagger
_NAME_PART_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# a patronymic's endings once transliterated: Russian (-ovich, -evna ...) and Kazakh (-uly, -kyzy)
_PATRONYMIC = ("vich", "vna", "ichna", "uly", "ulu", "kyzy", "qyzy")


@dataclass(frozen=True)
class EntityDef:
    name: str  # canonical English name
    kind: str  # one of models.ENTITY_KINDS
    country: str = ""  # the country the entity places an article in
    outlet: bool = False  # a news outlet: a credit to it names the source, not an entity
    resolve: tuple[tuple[str, str], ...] = ()  # bare name: country -> canonical name


@dataclass(frozen=True)
class Credits:
    """What marks a mention as a credit (a byline, dateline or attribution)."""

    before: frozenset[str] = frozenset()  # lemmas in the few words before ("передавать")
    after: frozenset[str] = frozenset()  # lemmas in the few words after ("reported")
    media: frozenset[str] = frozenset()  # lemmas that make a span a medium ("телеканал")
    window: int = 3  # words before the mention that are looked at


@dataclass(frozen=True)
class Transliteration:
    """A letter table, word-initial and after-vowel variants, and multi-letter sequences."""

    letters: Mapping[str, str]
    initial: Mapping[str, str] = field(default_factory=dict)
    after_vowel: Mapping[str, str] = field(default_factory=dict)
    vowels: str = ""
    sequences: Mapping[str, str] = field(default_factory=dict)

    def __call__(self, text: str) -> str:
        out: list[str] = []
        i, n = 0, len(text)
        while i < n:
            seq = next(
                (q for q in self.sequences if text.startswith(q, i) or _lower_at(text, i, q)),
                None,
            )
            if seq is not None:
                out.append(_same_case(text[i], self.sequences[seq]))
                i += len(seq)
                continue
            ch = text[i]
            low = ch.lower()
            prev = text[i - 1].lower() if i else ""
            if low in self.initial and (not prev or not prev.isalpha()):
                latin = self.initial[low]
            elif low in self.after_vowel and prev and prev in self.vowels:
                latin = self.after_vowel[low]
            else:
                latin = self.letters.get(low)
            if latin is None:
                out.append(ch)
            else:
                whole_upper = ch.isupper() and (i + 1 < n and text[i + 1].isupper())
                out.append(latin.upper() if whole_upper else _same_case(ch, latin))
            i += 1
        return "".join(out)


def _lower_at(text: str, i: int, seq: str) -> bool:
    return text[i : i + len(seq)].lower() == seq


def _same_case(model: str, latin: str) -> str:
    return latin[:1].upper() + latin[1:] if model.isupper() and latin else latin


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
    language_country: Mapping[str, str] = field(default_factory=dict, compare=False)
    credits: Mapping[str, Credits] = field(default_factory=dict, compare=False)
    not_names: Mapping[str, frozenset[str]] = field(default_factory=dict, compare=False)
    transliteration: Mapping[str, Transliteration] = field(default_factory=dict, compare=False)

    def transliterate(self, name: str, language: str) -> tuple[str, bool]:
        """``name`` in Latin letters (and True) when it has Cyrillic and a table exists."""
        table = self.transliteration.get(language) or self.transliteration.get("ru")
        if table is None or not _CYRILLIC_RE.search(name):
            return name, False
        return table(name), True

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


def _word_sets(path: Path, key: str, value: Any) -> dict[str, frozenset[str]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: {key}: expected a mapping of language -> list of words")
    return {
        str(lang): frozenset(w.lower() for w in _str_list(path, f"{key}.{lang}", ws))
        for lang, ws in value.items()
    }


def _lemma_sets(path: Path, key: str, value: Any) -> dict[str, frozenset[str]]:
    """Per-language word lists, lemmatised with the language's lemmatiser."""
    out = {}
    for lang, ws in _word_sets(path, key, value).items():
        lem = get_lemmatizer(lang)
        out[lang] = frozenset(lem.lemma(w) for w in ws) | ws
    return out


def _credits(path: Path, value: Any) -> dict[str, Credits]:
    if value is None:
        return {}
    if not isinstance(value, dict) or set(value) - {"before", "after", "media", "window"}:
        raise ConfigError(f"{path}: credits: expected a mapping with before, after, media, window")
    window = value.get("window", 3)
    if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= 6:
        raise ConfigError(f"{path}: credits.window: expected a whole number from 1 to 6")
    before = _lemma_sets(path, "credits.before", value.get("before"))
    after = _lemma_sets(path, "credits.after", value.get("after"))
    media = _lemma_sets(path, "credits.media", value.get("media"))
    return {
        lang: Credits(
            before=before.get(lang, frozenset()),
            after=after.get(lang, frozenset()),
            media=media.get(lang, frozenset()),
            window=window,
        )
        for lang in sorted(set(before) | set(after) | set(media))
    }


def _transliteration(path: Path, value: Any) -> dict[str, Transliteration]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: transliteration: expected a mapping of language -> table")
    out = {}
    keys = {"letters", "initial", "after_vowel", "vowels", "sequences", "note"}
    for lang, table in value.items():
        where = f"transliteration.{lang}"
        if not isinstance(table, dict) or "letters" not in table or set(table) - keys:
            raise ConfigError(
                f"{path}: {where}: expected a mapping with letters (and initial, after_vowel, "
                "vowels, sequences)"
            )
        maps = {}
        for key in ("letters", "initial", "after_vowel", "sequences"):
            m = table.get(key) or {}
            if not isinstance(m, dict) or not all(
                isinstance(k, str) and k and isinstance(v, str) for k, v in m.items()
            ):
                raise ConfigError(f"{path}: {where}.{key}: expected a mapping of letters -> text")
            maps[key] = {k.lower(): v for k, v in m.items()}
        vowels = table.get("vowels") or ""
        if not isinstance(vowels, str):
            raise ConfigError(f"{path}: {where}.vowels: expected a string of letters")
        out[str(lang)] = Transliteration(
            letters=maps["letters"],
            initial=maps["initial"],
            after_vowel=maps["after_vowel"],
            vowels=vowels.lower(),
            sequences=dict(sorted(maps["sequences"].items(), key=lambda kv: -len(kv[0]))),
        )
    return out


def load_registry(path: Path) -> EntityRegistry:
    """Read and validate the alias registry; ``ConfigError`` names the file, entity, key.
    Read once per process while the file is unchanged (analysis, glossary and tags share it)."""
    return _load_registry(Path(path), *file_version(path))


@functools.lru_cache(maxsize=4)
def _load_registry(path: Path, _mtime_ns: int, _size: int) -> EntityRegistry:
    raw, data = read_yaml(path, "entity registry")
    data = data or {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the top level must be a mapping")
    unknown = sorted(set(data) - {*_SECTIONS, *_OPTIONS})
    if unknown:
        raise ConfigError(
            f"{path}: unknown key(s) {', '.join(map(repr, unknown))}; "
            f"known keys are: {', '.join(sorted(_OPTIONS))}, {', '.join(_SECTIONS)}"
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
    debris = _word_sets(path, "debris", data.get("debris"))
    not_names = _word_sets(path, "not_names", data.get("not_names"))
    drop = frozenset(n.lower() for n in _str_list(path, "drop", data.get("drop")))
    lang_country = data.get("language_country") or {}
    if not isinstance(lang_country, dict) or not all(
        isinstance(v, str) for v in lang_country.values()
    ):
        raise ConfigError(f"{path}: language_country: expected a mapping of language -> country")

    entries: list[tuple[EntityDef, dict[str, list[str]]]] = []
    seen: set[str] = set()
    sections = [(section, kind) for section, kind in _SECTIONS.items()]
    sections.append(("by_country", ""))
    sources = [(path, data)]
    for name in _str_list(path, "include", data.get("include")):
        inc_path = path.parent / name
        inc_raw, inc_data = read_yaml(inc_path, "entity list")
        if not isinstance(inc_data, dict) or set(inc_data) - set(_SECTIONS):
            raise ConfigError(f"{inc_path}: expected a mapping of {', '.join(_SECTIONS)}")
        raw += "\0" + inc_raw
        sources.append((inc_path, inc_data))
    for (src, src_data), (section, kind) in itertools.product(sources, sections):
        items = src_data.get(section) or []
        if not isinstance(items, list):
            raise ConfigError(f"{src}: {section}: expected a list of entities")
        for i, item in enumerate(items):
            where = f"{section}[{i}]"
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                raise ConfigError(f"{src}: {where}: expected a mapping with `name` and `aliases`")
            name = item["name"].strip()
            where = f"{section}: {name}"
            allowed = {"name", "aliases", "country", "outlet"}
            if section == "by_country":
                allowed = {"name", "aliases", "kind", "resolve"}
            if set(item) - allowed:
                raise ConfigError(f"{src}: {where}: unknown keys; use {', '.join(sorted(allowed))}")
            if name in seen:
                raise ConfigError(f"{src}: {where}: duplicate entity name")
            seen.add(name)
            aliases = item.get("aliases")
            if not isinstance(aliases, dict) or not aliases:
                raise ConfigError(
                    f"{src}: {where}: aliases: expected a mapping of language -> list"
                )
            lists = {
                str(k): _str_list(path, f"{where}: aliases.{k}", v) for k, v in aliases.items()
            }
            country = item.get("country") or ""
            if not isinstance(country, str):
                raise ConfigError(f"{src}: {where}: country: expected a name")
            resolve: tuple[tuple[str, str], ...] = ()
            ekind = kind
            if section == "by_country":
                ekind = item.get("kind", "")
                if ekind not in ENTITY_KINDS:
                    raise ConfigError(
                        f"{src}: {where}: kind: expected one of {', '.join(ENTITY_KINDS)}"
                    )
                res = item.get("resolve")
                if not isinstance(res, dict) or not res:
                    raise ConfigError(
                        f"{src}: {where}: resolve: expected a mapping of country -> entity name"
                    )
                resolve = tuple(sorted((str(k), str(v)) for k, v in res.items()))
            entity = EntityDef(name, ekind, country, bool(item.get("outlet")), resolve)
            entries.append((entity, lists))
    by_name = {e.name: e for e, _ in entries}
    for e, _ in entries:
        for country, target in e.resolve:
            if target not in by_name or by_name[target].resolve:
                raise ConfigError(
                    f"{path}: by_country: {e.name}: resolve.{country}: unknown entity {target!r}"
                )
            if by_name[target].kind != e.kind:
                raise ConfigError(
                    f"{path}: by_country: {e.name}: resolve.{country}: {target!r} is a "
                    f"{by_name[target].kind}, not a {e.kind}"
                )

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
        language_country={str(k): v for k, v in lang_country.items()},
        credits=_credits(path, data.get("credits")),
        not_names=not_names,
        transliteration=_transliteration(path, data.get("transliteration")),
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
        aliases = {a for key in (*exact, *stems) for a in index.get(key, ())}
        if not aliases:  # most words start no alias
            i += 1
            continue
        candidates = sorted(
            aliases, key=lambda a: (-len(a.lemmas), not a.own_language, a.entity.name)
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
    if all(len(w) == 1 for w in _name_parts(name)):
        return True  # initials alone ("М.Т", "А.А"): the rest of the name was cut off
    low = name.lower()
    if low in registry.drop or any(mark in low for mark in _DEBRIS_MARKS):
        return True
    debris = registry.debris.get(language, frozenset()) | registry.not_names.get(
        language, frozenset()
    )
    return any(w.lower() in debris or w.lower().split("-")[0] in debris for w in words(name))


def _common_word(form: str, language: str) -> bool:
    """One capitalised word that the dictionary knows as a common word (not a name, place,
    organisation or acronym): a sentence-initial noun Natasha took for a name."""
    toks = words(form)
    if len(toks) != 1 or not toks[0][:1].isupper():
        return False
    info = get_lemmatizer(language).info(toks[0])
    parse = info.parse
    if info.proper or info.acronym or parse is None:
        return False
    return type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


def _named_in_full(word: str, surnames: Sequence[str]) -> bool:
    """Is ``word`` a form of a surname the article names in full ("Бордюжи", "Бордюжа")?"""
    stem = word.casefold()[: max(4, len(word) - 2)]
    return any(s.startswith(stem) for s in surnames)


def _no_name(form: str) -> bool:
    """One word of two letters cannot be a person's name ("Ки", "Ав": a word cut off)."""
    toks = words(form)
    return len(toks) == 1 and sum(c.isalpha() for c in toks[0]) <= 2


def _is_credit(
    text: str, start: int, stop: int, language: str, registry: EntityRegistry, media: bool
) -> bool:
    """Whether the mention at ``text[start:stop]`` is a credit: next to a slash or enclosed
    in brackets (``/ТАСС/``, ``POOL/ ТАСС``, ``(ТАСС)``), after a dash at the end of a
    sentence or bracket (``— Sputnik``), after a credit word (``передает``, ``Редакция
    сайта``, ``Фото:``) or before one (``TASS reports``). With ``media`` the span must also
    look like a medium (a media word just before it or in it)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_stop = text.find("\n", stop)
    line_stop = len(text) if line_stop < 0 else line_stop
    left = text[line_start:start].rstrip(" «\"'“„")
    right = text[stop:line_stop].lstrip(" »\"'”")
    credits = registry.credits.get(language)
    lem = get_lemmatizer(language)
    before = [lem.lemma(w) for w in words(left)][-(credits.window if credits else 3) :]
    inside = [lem.lemma(w) for w in words(text[start:stop])]
    if (
        media
        and credits is not None
        and not any(w in credits.media for w in (*before[-1:], *inside))
    ):
        return False
    if (
        left.endswith("/")
        or right.startswith("/")
        or (left.endswith("(") and right.startswith(")"))
    ):
        return True
    if left.rstrip().endswith(("—", "–", "-")) and (
        right.strip(" .,;)") == "" or right.lstrip().startswith(")")
    ):
        return True  # "— Sputnik" at the end of a sentence or bracket
    if right.lstrip().startswith(("—", "–", "-")) and len(words(left)) <= 3:
        return True  # a dateline: "PSKOV. KAZINFORM - ..."
    if left.strip(" •·|-—–.,:") == "" and right.strip(" .,;:") == "":
        return True  # a line of its own: a byline or credit line
    if credits is None:
        return False
    after = [lem.lemma(w) for w in words(right)][: credits.window]
    return any(w in credits.before or w in credits.media for w in before) or any(
        w in credits.after for w in after
    )


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
    """Natasha NER spans over ``text`` (the tagger tokenises by itself: no segmentation).

    ``NewsNERTagger(text)`` step by step (slovnet's ``NERInfer``: razdel words, the model's
    tag scores, the CRF's best path, BIO spans), with the CRF's Viterbi path found by
    :func:`_viterbi` for the one unpadded sequence an article is: the same path with a
    fraction of slovnet's per-token numpy calls (it decodes padded batches)."""
    from slovnet.exec.infer import text_words
    from slovnet.markup import BIOMarkup

    _, _, _, ner = _natasha()
    infer = ner.infer
    items = [text_words(text)]
    crf = infer.model.head.crf
    paths: list[Any] = []
    for batch in infer.encoder(items):
        scores = infer.model(batch.word_id, batch.shape_id, batch.pad_mask)
        mask = ~batch.pad_mask
        if scores.shape[0] == 1 and mask.all():
            paths.append(_viterbi(scores[0], crf.transitions.array))
        else:
            paths.extend(crf.decode(scores, mask))
    tags = next(iter(infer.decoder(paths)))
    markup = BIOMarkup.from_tuples(zip(items[0], tags, strict=True)).to_span(text)
    return [_Span(sp.start, sp.stop, sp.type, text[sp.start : sp.stop]) for sp in markup.spans]


def _viterbi(emissions: Any, transitions: Any) -> list[int]:
    """The best tag path of one sequence (``emissions``: tokens x tags): the arithmetic and
    tie-breaking (first maximum) of ``slovnet.exec.model.CRF.decode`` for a batch of one."""
    import numpy as np

    score = emissions[0]
    history = []
    for index in range(1, emissions.shape[0]):
        total = score.reshape(-1, 1) + transitions + emissions[index].reshape(1, -1)
        best = total.argmax(0)
        history.append(best)
        score = total[best, np.arange(total.shape[1])]
    tag = int(score.argmax())
    path = [tag]
    for best in reversed(history):
        tag = int(best[tag])
        path.append(tag)
    path.reverse()
    return path


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
        elif span.type == "LOC" and _adjectives_and_noun(tokens):
            # a region's name: the lemmatiser puts a guessed adjective in the nominative
            # ("Мангистауской области", where Natasha keeps "Мангистауской") and the noun
            # of two coordinated names in the singular ("Андижанской и Сырдарьинской
            # областях" -> "Сырдарьинская область", not "… области")
            out.append((span, get_lemmatizer("ru").normal_phrase([t.text for t in tokens])))
        else:
            out.append((span, normalize(vocab, tokens)))
    return out


def _adjectives_and_noun(tokens: Sequence[Any]) -> bool:
    """One to three adjectives and a common noun, by Natasha's tags and the lemmatiser's
    alike ("Мангистауской области"; not "Шуском районе", whose unknown adjective the
    lemmatiser does not read as one)."""
    *adjectives, last = tokens
    if not 1 <= len(adjectives) <= 3 or last.pos != "NOUN":
        return False
    lem = get_lemmatizer("ru")
    return lem.info(last.text).pos == "NOUN" and all(
        t.pos == "ADJ" and lem.info(t.text).pos in ("ADJF", "PRTF") for t in adjectives
    )


def _name_parts(name: str) -> list[str]:
    return _NAME_PART_RE.findall(name)


def _initials_fit(full: list[str], surname: str, initials: list[str]) -> bool:
    """No initials, or a two-word full name whose other word starts with the first one."""
    if not initials:
        return True
    return len(full) == 2 and next(p for p in full if p != surname)[:1] == initials[0]


def person_variants(names: Iterable[str]) -> dict[str, str]:
    """Within one article, a person's shorter mentions -> the one full name they stand for:
    a surname or first name alone ("Smailov" -> "Alikhan Smailov"), initials with the
    surname ("L.I. Kalashnikov" -> "Leonid Kalashnikov"), the official order with a
    patronymic ("Smailov Alikhan Askhanovich" -> "Alikhan Smailov"). A mention that fits no
    full name, or more than one, stays as it is."""
    names = sorted(set(names))
    parts = {n: _name_parts(n) for n in names}
    full = [n for n in names if len(parts[n]) >= 2 and all(len(p) > 1 for p in parts[n])]
    out: dict[str, str] = {}
    for name in full:  # the official order first: its short form is the full name shown
        words_ = parts[name]
        if len(words_) == 3 and words_[2].lower().endswith(_PATRONYMIC):
            fits = [f for f in full if sorted(parts[f]) == sorted(words_[:2])]
            if len(fits) == 1:
                out[name] = fits[0]
    full = [f for f in full if f not in out]
    for name in names:
        long = [p for p in parts[name] if len(p) > 1]
        initials = [p for p in parts[name] if len(p) == 1]
        if len(long) != 1:
            continue
        # a surname or a first name alone; or initials with the surname, either way round
        fits = [
            f for f in full if long[0] in parts[f] and _initials_fit(parts[f], long[0], initials)
        ]
        if len(fits) == 1 and fits[0] != name:
            out[name] = fits[0]
    return out


# ---------------------------------------------------------------------------- country


def _resolve_by_country(
    found: Sequence[tuple[int, EntityDef | None, str, str, str]],
    sentence_of: Sequence[int],
    language: str,
    registry: EntityRegistry,
) -> list[str]:
    """The canonical name of each mention (in text order). A bare name (``МИД``) becomes a
    country's body: when the article names bodies of the family, the nearest earlier one
    (else the first); otherwise one body for all its bare mentions, the country of the people
    named in their sentences ("Спикер МИД Георгий Тихий"), else the article's country context
    (strictly most mentions of entities with a country), else the generic name."""
    dominant = _dominant(
        [e.country for _, e, *_ in found if e is not None and e.country],
        registry.language_country.get(language),
    )
    out = []
    for i, (_, entity, name, *_rest) in enumerate(found):
        if entity is None or not entity.resolve:
            out.append(name)
            continue
        by_country = dict(entity.resolve)
        family = set(by_country.values())
        named = [j for j, f in enumerate(found) if f[1] is not None and f[2] in family]
        if named:
            earlier = [j for j in named if j < i]
            out.append(found[(earlier or named)[-1 if earlier else 0]][2])
            continue
        bare = {sentence_of[j] for j, f in enumerate(found) if f[1] == entity}
        people = [
            f[1].country
            for j, f in enumerate(found)
            if f[1] is not None and f[1].kind == "person" and f[1].country
            if sentence_of[j] in bare
        ]
        country = _dominant(people, None) or dominant
        out.append(by_country.get(country, name))
    return out


def _dominant(countries: Sequence[str], prior: str | None) -> str:
    """The country named strictly most often (a prior counts half), else ""."""
    weights: dict[str, float] = {prior: 0.5} if prior else {}
    for c in countries:
        weights[c] = weights.get(c, 0) + 1
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return ""


# ---------------------------------------------------------------------------- public


def extract_entities(
    sentences: Sequence[str],
    language: str,
    registry: EntityRegistry,
) -> tuple[EntityMention, ...]:
    """People, organisations, places and facilities of one article, canonical where the
    registry knows them, else transliterated; bare names resolved by country, outlets in
    credits left out; sorted by mention count (descending), then name. No I/O beyond
    loading models."""
    sentences = [normalize_text(s) for s in sentences if s and s.strip()]
    text = "\n".join(sentences)
    hits: list[_Hit] = []
    offset = 0
    for s in sentences:
        hits.extend(_registry_hits(s, offset, language, registry))
        offset += len(s) + 1

    found: list[tuple[int, EntityDef | None, str, str, str]] = []  # start, entity, name, kind, form

    for h in hits:
        if h.entity.outlet and _is_credit(text, h.start, h.stop, language, registry, False):
            continue  # the article's source, not an entity it is about
        found.append((h.start, h.entity, h.entity.name, h.entity.kind, h.form))

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
            if any(min(e, span.stop) > max(s, span.start) for s, e in covered[lo:hi]):
                # a registry entity, already counted; the rest of the span is a variant
                # spelling or debris glued to it ("Читати українською Токаев")
                continue
            entity = registry.lookup(clean_name(span.text), language)
            if (
                entity is None
                and span.type == "ORG"
                and _is_credit(text, span.start, span.stop, language, registry, True)
            ):
                continue  # a medium credited as the source
            if entity is not None:
                if not (
                    entity.outlet
                    and _is_credit(text, span.start, span.stop, language, registry, False)
                ):
                    found.append(
                        (span.start, entity, entity.name, entity.kind, clean_name(span.text))
                    )
            else:
                pending.append(span)
        # the words of the people named in full: "Бордюжи" alone is Николай Бордюжа's case
        named = [w.casefold() for sp in pending if sp.type == "PER" for w in words(sp.text)[1:]]
        for span, normal in _normalise_spans(pending, text) if pending else ():
            name = clean_name(normal)
            form = clean_name(span.text)
            if is_debris(name, language, registry) or is_debris(form, language, registry):
                continue
            if _common_word(form, language):
                continue  # "Организация", "Секретариат" at a sentence start: not a name
            kind = _NATASHA_KINDS[span.type]
            if kind == "person" and (any(c.isdigit() for c in form) or _no_name(form)):
                continue  # "Ан-124" (an aircraft), "Ки", "Трендовые": no person's name
            lone = kind == "person" and " " not in form and not _named_in_full(form, named)
            place = place_name(form, language) if lone else None
            if place is not None:  # "Нукус", "Костаная": a town the tagger took for a name
                kind, name = "place", place
            entity = registry.lookup(name, language)
            if entity is not None:
                found.append((span.start, entity, entity.name, entity.kind, form))
            else:
                found.append((span.start, None, name, kind, form))

    found.sort(key=lambda f: f[0])
    starts = list(itertools.accumulate((len(x) + 1 for x in sentences), initial=0))
    sentence_of = [bisect.bisect_right(starts, f[0]) - 1 for f in found]
    resolved = _resolve_by_country(found, sentence_of, language, registry)
    counts: dict[tuple[str, str], int] = {}
    forms: dict[tuple[str, str], set[str]] = {}
    latin: dict[tuple[str, str], bool] = {}
    for (_, entity, name, kind, form), target in zip(found, resolved, strict=True):
        transliterated = False
        if entity is None:
            name, transliterated = registry.transliterate(name, language)
        else:
            name = target
        key = (name, kind)
        counts[key] = counts.get(key, 0) + 1
        latin[key] = latin.get(key, False) or transliterated
        if form:
            forms.setdefault(key, set()).add(form)

    for variant, full in person_variants(n for n, k in counts if k == "person").items():
        key, into = (variant, "person"), (full, "person")
        counts[into] += counts.pop(key)
        forms.setdefault(into, set()).update(forms.pop(key, ()))
        del latin[key]

    mentions = [
        EntityMention(
            name=name,
            kind=kind,
            count=n,
            forms=tuple(sorted(forms.get((name, kind), ()))),
            transliterated=latin[(name, kind)],
        )
        for (name, kind), n in counts.items()
        if kind in ENTITY_KINDS
    ]
    mentions.sort(key=lambda m: (-m.count, m.name, m.kind))
    return tuple(mentions)
