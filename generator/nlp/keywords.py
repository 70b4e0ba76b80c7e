"""Keywords: YAKE over clean sentences, then merged by lemma and shown in a normal form.

1. The sentences are joined one per line, each ending with a terminator, so YAKE (which
   reads line breaks as spaces) never builds a keyphrase across a headline and the next
   line. Web addresses are blanked first.
2. YAKE (n-grams up to 3, its own deduplication off; the library's scores, computed by
   :mod:`generator.nlp.yakefast` without its object graph) ranks candidates of the *lemmatised*
   text (each word replaced by its lemma, capitals kept), so that ``Казахстана``,
   ``Казахстане`` and ``Казахстан`` count as one term (this matters most for Kazakh, where
   one noun has dozens of forms); lower is better.
3. Each candidate is found again in our own lemma n-grams of the sentences, to recover how
   it is written in the text (the most frequent surface form).
4. A candidate is dropped if a word is a number, a time or a date (digits), one letter,
   a stopword at either edge (or any stopword in ru/uk phrases), or a stopword as a lemma
   (``заявил`` -> ``заявить``; month names and page debris are in the stopword lists); in ru
   and uk also when it is not a noun phrase (adjectives, a noun, then genitive words:
   ``МИД Казахстана``, not ``обсуждает с Киевом`` or ``России Владимир Путин``); in kk when
   a word before the last has a case ending other than the genitive, or any word ends in
   a verb ending listed in the stopword file as ``*ып`` (``көздеп``, ``жоспарлап``).
5. Candidates with the same lemma sequence are one keyword (``Казахстана`` and
   ``Казахстан``).
6. Best first, a candidate is kept only if none of its content lemmas is already used by a
   kept keyword, so no two keywords share a lemma (``Казахстан`` and ``МИД Казахстана``
   cannot both appear). One exception: a capitalised name phrase replaces the one-word
   keywords it contains (``Путин`` -> ``Владимир Путин`` in Путин's place).
7. A capitalised phrase always followed by the same capitalised word is a truncated name
   and is dropped (``Посольство Республіки`` of ``Посольство Республіки Казахстан``).
8. Word lists (``config/languages/<code>.keywords.yml``, :class:`KeywordRules`):

   * no verb forms in any language: ru/uk by pymorphy3 (the likeliest parse is a verb,
     infinitive, short participle or gerund, or the word is only a participle:
     ``дан``, ``дающие``, ``заявил``; ``вооружённые`` has an adjective reading and
     stays); en by the ``verbs`` list and the ``verb_endings`` (``-ed`` anywhere, ``-ing``
     as the last word) unless listed in ``not_verbs`` or hyphenated (``Russian-led``);
     kk: Kazakh verbal nouns and infinitives -- the last (head) word of a keyword, in
     lower case, whose stem (case and possessive endings removed: ``кеңейтуге``,
     ``кеңейтуі`` -> ``кеңейту``) has 4+ letters and ends in ``-у``/``-ю`` (a verb stem +
     у: ``кеңейт-у``, ``қолда-у``), unless listed in ``not_verbs`` (``сайлау``
     "election", ``даму`` "development"); as a modifier it stays (``тасымалдау
     көлемі`` "transport volume"); and a keyword whose last word ends its sentence
     wherever it occurs (Kazakh is verb-final: ``қолдау көрсетті``);
   * no generic words (``generic``: ``республика``, ``президент``, ``власть``,
     ``страна``): a keyword made only of generic words is dropped; in ru/uk a generic word
     may be the head of a phrase (``президент Казахстана``) but neither its genitive
     complement (``МИД республики``, ``власти страны``) nor an adjective before it
     (``соответствующий указ``, ``новая Конституция``);
   * ru/uk noun phrases: an adjective agrees with the head noun in case and number
     (some parse of each); a lower-case genitive noun complement that also reads as a
     nominative/accusative (``атаки``, ``нефти``) must recur as the same phrase at
     least twice, or the phrase likely spans two constituents (``по дипканалам атаки``
     -> not ``дипканалы атаки``).

   The corpus-level part is :func:`rerank_keywords`, applied by the group stage
   (``generator.digest``): among the articles of one language dated on or before the
   article's day (time-causal: later news never changes it; undated articles: all of
   them), if there are at least ``IDF_MIN_ARTICLES`` (20), a keyword found in more than
   ``IDF_MAX_SHARE`` (25 %) of them (inverse document frequency ln(N/df) below ln 4 ~
   1.39) tells one article from another no better than "Казахстан" does in a digest
   about Kazakhstan: it is dropped from the articles' lists (and so from the topic, week
   and tag lists built from them); the per-article cached analysis keeps it.
9. Display: a single word is shown as its lemma, capitalised as in the text (``Казахстан``,
   ``ОДКБ``; a capital only seen at a sentence start is dropped unless the word is a name);
   a phrase goes through :meth:`Lemmatizer.normal_phrase` (ru/uk agreement in the
   nominative: ``иностранные группировки``; kk: the last word loses its endings).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any, Protocol

import yaml

from generator.nlp import english, kazakh
from generator.nlp.lemmas import (
    ACRONYM_MAX_LEN,
    PYMORPHY_LANGUAGES,
    Lemmatizer,
    WordInfo,
    match_case,
)
from generator.nlp.sentences import join_sentences
from generator.nlp.tokens import normalize_apostrophes, normalize_text, word_spans, words
from generator.nlp.yakefast import yake_keywords
from generator.settings import ConfigError, parse_yaml

MAX_NGRAM = 3
CANDIDATES_PER_KEYWORD = 10
_URL_RE = re.compile(
    r"(?:https?://\S+|www\.\S+|\b[\w.+-]+@[\w-]+\.[\w.]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}\b)",
    re.IGNORECASE,
)
_NOUN_PHRASE_PREFIX = frozenset({"ADJF", "PRTF"})
IDF_MIN_ARTICLES = 20  # corpus IDF only from this many articles on
IDF_MAX_SHARE = 0.25  # a keyword in more than this share of the articles is generic
MIN_AMBIGUOUS_REPEATS = 2  # a phrase with a case-ambiguous complement must recur
MIN_KAZAKH_VERBAL = 4  # shorter stems in -у are nouns (су, ту, тау, жау)


@dataclass(frozen=True)
class KeywordRules:
    """One language's keyword word lists (``config/languages/<code>.keywords.yml``)."""

    generic: frozenset[str] = frozenset()  # lemmas that say nothing on their own
    verbs: frozenset[str] = frozenset()  # lower-case verb forms (en, kk)
    verb_endings: tuple[str, ...] = ()  # endings of verb forms, any word (en: ed; kk: у, ю)
    last_verb_endings: tuple[str, ...] = ()  # ... only as the last word (en: ing)
    not_verbs: frozenset[str] = frozenset()  # words with those endings that are not verbs


_RULE_KEYS = ("generic", "verbs", "verb_endings", "last_verb_endings", "not_verbs")


def _fold_word(word: str) -> str:
    return normalize_apostrophes(word.strip().lower().replace("ё", "е"))


@functools.cache
def _load_rules(path: Path) -> KeywordRules:
    if not path.is_file():
        return KeywordRules()
    try:
        data = parse_yaml(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: must be a mapping with keys {', '.join(_RULE_KEYS)}")
    unknown = sorted(map(str, set(data) - set(_RULE_KEYS)))
    if unknown:
        known = ", ".join(_RULE_KEYS)
        raise ConfigError(f"{path}: unknown key(s) {', '.join(unknown)}; use {known}")
    lists: dict[str, list[str]] = {}
    for key in _RULE_KEYS:
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: {key}: must be a list of words")
        lists[key] = [_fold_word(v) for v in value if v.strip()]
    return KeywordRules(
        generic=frozenset(lists["generic"]),
        verbs=frozenset(lists["verbs"]),
        verb_endings=tuple(sorted(set(lists["verb_endings"]))),
        last_verb_endings=tuple(sorted(set(lists["last_verb_endings"]))),
        not_verbs=frozenset(lists["not_verbs"]),
    )


def load_keyword_rules(language: str, language_dir: Path) -> KeywordRules:
    """``<language_dir>/<language>.keywords.yml`` (absent: no rules); ``ConfigError``."""
    return _load_rules(Path(language_dir) / f"{language}.keywords.yml")


def _kazakh_verbal(token: str, rules: KeywordRules, keep: frozenset[str]) -> bool:
    """kk: a verbal noun / infinitive (``кеңейту``, ``кеңейтуге``), not a listed noun."""
    lower = _fold_word(token)
    if lower in rules.not_verbs or lower in rules.verbs:
        return lower in rules.verbs
    stem = kazakh.stem(lower, keep)
    if stem in rules.not_verbs or len(stem) < MIN_KAZAKH_VERBAL:
        return False
    return stem.endswith(rules.verb_endings) if rules.verb_endings else False


def _english_verbal(
    surface: Sequence[str], rules: KeywordRules, first_is_name: bool = True
) -> bool:
    """en: a verb form from the list, a word the dictionary knows only as a verb or an
    adverb (``generator.nlp.english``), an ``-ed`` word, or an ``-ing`` word at the end.

    A capital marks a name (United, Reading), except on a sentence's first word that is
    never capitalised elsewhere (``first_is_name`` false: "Published", "Breaking")."""
    for k, token in enumerate(surface):
        lower = _fold_word(token)
        if lower in rules.not_verbs or "-" in lower:
            continue
        if lower in rules.verbs:
            return True
        if (
            not lower.endswith(_EN_PARTICIPLES)
            and (  # pumping station, Unified Staff
                english.adverb_only(lower)
                or (
                    english.verb_or_adverb_only(lower)
                    # a name may start with a verb (Rob, Google), not with "Hinders"
                    and (k > 0 or token[:1].islower() or lower.endswith("s"))
                )
            )
        ):
            return True  # caught, respond, promptly; "Kropotkinskaya Successfully Restored"
        if (
            k < len(surface) - 1
            and token.islower()
            and lower.endswith("ing")
            and surface[k + 1][:1].isupper()
        ):
            return True  # a gerund and its object: citing Interfax, reports citing Azattyq
        if token[:1].isupper() and (k > 0 or first_is_name):
            continue  # names: United, Reading
        endings = rules.verb_endings + (rules.last_verb_endings if k == len(surface) - 1 else ())
        if any(lower.endswith(e) and len(lower) > len(e) + 2 for e in endings):
            return True
    return False


@dataclass
class _Group:
    lemmas: tuple[str, ...]
    score: float
    first: int  # position of the first occurrence (for stable ties)
    surfaces: Counter = field(default_factory=Counter)
    capital_inside: bool = False  # the first word is capitalised somewhere mid-sentence
    always_capital: bool = False  # ... or capitalised in each of its (2+) occurrences
    occurrences: int = 0  # how often the first word occurs (any form)


def _key(token: str) -> str:
    return normalize_apostrophes(token.lower())


def _index(
    key_lists: list[list[str]], wanted: set[tuple[str, ...]]
) -> dict[tuple[str, ...], list[tuple[int, int, int]]]:
    """Each wanted n-gram of lemmas -> its occurrences (sentence, start, running position)."""
    firsts = {key[0] for key in wanted if key}
    index: dict[tuple[str, ...], list[tuple[int, int, int]]] = defaultdict(list)
    position = 0
    for s, keys in enumerate(key_lists):
        for i in range(len(keys)):
            if keys[i] not in firsts:
                continue
            for size in range(1, MAX_NGRAM + 1):
                if i + size <= len(keys):
                    key = tuple(keys[i : i + size])
                    if key in wanted:
                        index[key].append((s, i, position + i))
        position += len(keys)
    return index


def _run_yake(text: str, language: str, stopwords: frozenset[str], top: int) -> list[tuple]:
    """YAKE's ranked ``(lower-case phrase, score)`` list, its deduplication off
    (:mod:`generator.nlp.yakefast`: the library's scores, several times faster)."""
    return [
        (phrase, float(score))
        for phrase, score in yake_keywords(text, language, stopwords, MAX_NGRAM, top)
    ]


def _truncated_name(
    surface: Sequence[str],
    key: tuple[str, ...],
    occurrences: list[tuple[int, int, int]],
    token_lists: list[list[str]],
    lemma_lists: list[list[str]],
    adjacent: list[list[bool]],
) -> bool:
    """A capitalised phrase always followed by the same capitalised word is part of a longer
    name (``Посольство Республіки`` of ``Посольство Республіки Казахстан``)."""
    if not all(t[:1].isupper() for t in surface):
        return False
    following = set()
    for s, i, _ in occurrences:
        j = i + len(key)
        if j >= len(token_lists[s]) or not adjacent[s][j] or not token_lists[s][j][:1].isupper():
            return False  # the phrase ends the sentence, a clause or a bracket: not cut off
        following.add(lemma_lists[s][j])
    return len(following) == 1


def _is_stop(token: str, lemma: str, stopwords: frozenset[str]) -> bool:
    return _key(token) in stopwords or lemma in stopwords


_EN_PARTICIPLES = ("ing", "ed")  # their own rules: nominal -ing words are many
_KAZAKH_PAST = frozenset({"ды", "ді"})  # also the accusative: only after a passive -л/-н


def _english_modifier_alone(token: str) -> bool:
    """en: a one-word candidate the dictionary knows only as a modifier (``entire``,
    ``related``; capitalised ``Deadly``, ``Earlier``) or, in lower case, a verb's past
    form that is a noun only by the dictionary (``felt``, ``rose``); a capitalised
    verb-only word alone may be a name (Google), so only lower-case ones go on that count."""
    lower = _fold_word(token)
    if token[:1].islower():
        return english.never_a_noun(lower) or english.inflected_verb(lower)
    classes = english.word_classes(lower)
    return bool(classes) and classes <= {"ADJ", "ADV"}


def _english_phrase_ok(surface: Sequence[str]) -> bool:
    """en: no lower-case ``-ed`` word after the first (``violence erupted overnight``)."""
    return not any(t.islower() and t.endswith("ed") for t in surface[1:])


def _kazakh_phrase_ok(surface: Sequence[str], lemmas: Sequence[str], first_is_name: bool) -> bool:
    """kk, which has no part-of-speech data here: keep noun-phrase-like candidates.

    Words before the last carry no case ending except a genitive (``Ресейдің мұнайы``); the
    last is not in the instrumental (``Ресей Қазақстанмен`` is "Russia with Kazakhstan");
    a name does not end a phrase of lower-case words (``мұнай Теңіз``: the capital of a
    sentence's first word only counts if the word is capitalised elsewhere too); two names
    in a row only when the last has no case ending (``Андрей Сердюков``, not ``Ресей
    Қазақстанға``); an acronym does not follow a word nor precede a name (``Қазақстан
    КҚК``); the last word does not look like a passive verb in the past tense
    (``көрме ашылды``, ``шығару басталды``).
    """
    if len(surface) == 1:
        return True
    inner_ok = all(
        lemma == _key(token) or kazakh.is_genitive(token)
        for token, lemma in zip(surface[:-1], lemmas[:-1], strict=True)
    )
    last = surface[-1]
    case = kazakh.case_suffix(last)
    if not inner_ok or case in kazakh.INSTRUMENTAL:
        return False
    if case in _KAZAKH_PAST and len(last) - len(case) >= 4 and last[-3:-2] in "лн":
        return False  # көрме ашылды, шығару басталды: a passive verb in the past tense
    capitals = [first_is_name, *(t[:1].isupper() for t in surface[1:])]
    if capitals[-1] and (case or not all(capitals[:-1])):
        return False
    if any(a.isupper() and len(a) > 1 and b[:1].isupper() for a, b in pairwise(surface)):
        return False  # КҚК Қазақстан: two names side by side
    return not (last.isupper() and not surface[-2].isupper())


def _ending_patterns(stopwords: frozenset[str]) -> tuple[str, ...]:
    """Stopword-list entries ``*ып`` mean: no word ending in ``ып`` is a keyword."""
    return tuple(sorted(w[1:] for w in stopwords if w.startswith("*") and len(w) > 1))


def _agrees(adjective: WordInfo, noun: WordInfo) -> bool:
    """Some parse of the adjective shares case and number with some parse of the noun."""
    return not adjective.forms or not noun.forms or bool(adjective.forms & noun.forms)


def _valid_noun_phrase(
    tokens: Sequence[str], lemmatizer: Lemmatizer, repeats: int = 1, generic=frozenset()
) -> bool:
    """ru/uk: (adjective)* noun (genitive word | acronym | name)* -- or one noun.

    Verb forms never; adjectives agree with the head; a lower-case genitive complement
    that also reads as nominative/accusative needs ``MIN_AMBIGUOUS_REPEATS`` occurrences
    of the phrase; a generic word is never a genitive complement (module docstring)."""
    infos = [lemmatizer.info(t) for t in tokens]
    if any(inf.verbal for inf in infos):
        return False
    head = next((i for i, inf in enumerate(infos) if inf.pos == "NOUN" or inf.pos is None), None)
    if head is None:
        return False
    if any(inf.pos not in _NOUN_PHRASE_PREFIX for inf in infos[:head]):
        return False
    if any(
        not _agrees(inf, infos[head]) or inf.lemma in generic or _key(token) in generic
        for token, inf in zip(tokens[:head], infos[:head], strict=True)
    ):
        return False  # no agreement, or a vague adjective: соответствующий указ
    for token, inf in zip(tokens[head + 1 :], infos[head + 1 :], strict=True):
        if inf.lemma in generic:
            return False  # МИД республики, власти страны
        ambiguous = inf.pos == "NOUN" and inf.case_ambiguous and token[:1].islower()
        if ambiguous and repeats < MIN_AMBIGUOUS_REPEATS:
            return False  # по дипканалам атаки: "атаки" may start the next phrase
    for inf in infos[head + 1 :]:
        if inf.pos is None or inf.acronym:
            continue
        if infos[head].first_name and inf.proper:  # Касым-Жомарт Токаев, not России Путин
            continue
        if inf.first_name:  # a name starts a new phrase: not "президент Таджикистана Эмомали"
            return False
        if not (inf.genitive and inf.pos in ("NOUN", "ADJF", "PRTF")):
            return False
    return infos[-1].pos in ("NOUN", None) or infos[-1].acronym


def extract_keywords(
    sentences: Sequence[str],
    language: str,
    lemmatizer: Lemmatizer,
    stopwords: frozenset[str],
    n: int = 10,
    rules: KeywordRules | None = None,
) -> list[str]:
    """The article's top ``n`` keywords, best first (see the module docstring)."""
    rules = rules or KeywordRules()
    sentences = [s for s in sentences if s.strip()]
    if not sentences or n <= 0:
        return []
    clean = [_URL_RE.sub(" ", s) for s in sentences]
    token_lists: list[list[str]] = []
    lemma_lists: list[list[str]] = []
    lemma_sentences: list[str] = []
    adjacent: list[list[bool]] = []  # word j follows word j-1 with nothing but spaces
    for sentence in clean:
        text = normalize_text(sentence)
        spans = word_spans(sentence)
        tokens = [token for _, _, token in spans]
        lemmas = [lemmatizer.lemma(token) for token in tokens]
        pieces, last, joined = [], 0, []
        for (start, end, token), lemma in zip(spans, lemmas, strict=True):
            gap = text[last:start]
            joined.append(bool(pieces) and not gap.strip())  # only spaces since the last word
            pieces += [gap, match_case(lemma, token)]
            last = end
        pieces.append(text[last:])
        adjacent.append(joined)
        token_lists.append(tokens)
        lemma_lists.append([_key(lemma) for lemma in lemmas])
        lemma_sentences.append("".join(pieces))
    ranked = _run_yake(
        join_sentences(lemma_sentences), language, stopwords, n * CANDIDATES_PER_KEYWORD
    )
    phrase_keys = [tuple(_key(t) for t in words(phrase)) for phrase, _ in ranked]
    # only the n-grams looked up below: the candidates and their first words
    index = _index(lemma_lists, {*phrase_keys, *(key[:1] for key in phrase_keys)})
    morphology = language in PYMORPHY_LANGUAGES
    endings = _ending_patterns(stopwords)

    groups: dict[tuple[str, ...], _Group] = {}
    for (_phrase, score), key in zip(ranked, phrase_keys, strict=True):
        occurrences = index.get(key)
        if not key or not occurrences or len(key) > MAX_NGRAM:
            continue  # YAKE tokenised differently from us: skip rather than guess
        surfaces = Counter(tuple(token_lists[s][i : i + len(key)]) for s, i, _ in occurrences)
        surface = min(surfaces, key=lambda form: (-surfaces[form], form))
        if any(any(ch.isdigit() for ch in t) or len(t) < 2 for t in surface):
            continue  # numbers, times, dates, one-letter debris
        lemmas = tuple(lemmatizer.lemma(t) for t in surface)
        stops = [_is_stop(t, lem, stopwords) for t, lem in zip(surface, lemmas, strict=True)]
        if any(stops):
            continue
        if morphology and not _valid_noun_phrase(
            surface, lemmatizer, len(occurrences), rules.generic
        ):
            continue
        if all(lem in rules.generic for lem in lemmas):
            continue  # республика, глава государства, Қазақстан Республикасы is not all generic

        if language == "kk" and (
            any(_kazakh_verbal(t, rules, lemmatizer.keep) for t in (surface[-1],) if t.islower())
            or all(
                i + len(key) == len(token_lists[s]) for s, i, _ in occurrences
            )  # the last word ends its sentence everywhere: a predicate (SOV)
        ):
            continue
        first_is_name = surface[0][:1].isupper() and (
            any(i > 0 for _, i, _ in occurrences)
            or any(i > 0 and token_lists[s][i][:1].isupper() for s, i, _ in index[key[:1]])
        )
        if language == "en" and _english_verbal(surface, rules, first_is_name):
            continue
        if language == "en" and len(surface) == 1 and _english_modifier_alone(surface[0]):
            continue  # entire, related, Deadly: an adjective or adverb alone
        if language == "kk" and not _kazakh_phrase_ok(surface, lemmas, first_is_name):
            continue
        if language == "kk" and len(key) == 1 and surface[0].islower() and len(index[key]) < 2:
            continue  # kk: a one-off lower-case word is as often a verb form as a topic
        if language == "en" and not _english_phrase_ok(surface):
            continue
        if endings and any(
            _key(t).endswith(endings) or _key(lem).endswith(endings)
            for t, lem in zip(surface, lemmas, strict=True)
        ):
            continue  # verb forms and the like (patterns from the stopword list), also
            # under a case ending (kk: шеккендерге is шеккен + -дер-ге)
        if _truncated_name(surface, key, occurrences, token_lists, lemma_lists, adjacent):
            continue
        group = groups.get(lemmas)
        if group is None:
            group = groups[lemmas] = _Group(lemmas, score, min(p for _, _, p in occurrences))
        group.score = min(group.score, score)
        group.surfaces.update(surfaces)
        first_word = index[key[:1]]
        group.capital_inside |= any(  # the first word alone, anywhere but a sentence start
            i > 0 and token_lists[s][i][:1].isupper() for s, i, _ in first_word
        )
        group.always_capital = len(first_word) > 1 and all(
            token_lists[s][i][:1].isupper() for s, i, _ in first_word
        )
        group.occurrences = len(first_word)

    kept: list[tuple[str, frozenset[str], bool]] = []  # (display, content lemmas, is a name)
    for group in sorted(groups.values(), key=lambda g: (g.score, g.first, g.lemmas)):
        content = frozenset(lem for lem in group.lemmas if lem not in stopwords)
        if not content:
            continue
        clashes = [i for i, (_, lemmas, _) in enumerate(kept) if lemmas & content]
        is_name = len(group.lemmas) > 1 and all(
            t[:1].isupper() for t in min(group.surfaces, key=lambda f: (-group.surfaces[f], f))
        )
        if clashes and not (is_name and all(len(kept[i][1]) == 1 for i in clashes)):
            continue
        display = _display(group, lemmatizer)
        if not display or any(display == d for d, _, _ in kept):
            continue
        if clashes:  # a full name takes the place of its surname: Путин -> Владимир Путин
            kept[clashes[0]] = (display, content, is_name)
            for i in reversed(clashes[1:]):
                del kept[i]
        elif len(kept) < n:
            kept.append((display, content, is_name))
    return [display for display, _, _ in kept]


def _display(group: _Group, lemmatizer: Lemmatizer) -> str:
    """The keyword as shown: lemma or normal phrase, capitalised as a name or lower case."""
    surface = min(group.surfaces, key=lambda form: (-group.surfaces[form], form))
    if len(surface) == 1:
        model = surface[0]
        if model.isupper() and len(model) > ACRONYM_MAX_LEN:  # АСТАНА in a dateline
            model = model.capitalize()
        text = match_case(group.lemmas[0], model)
    else:
        text = lemmatizer.normal_phrase(surface)
    first = surface[0]
    info = lemmatizer.info(first)
    keep_capital = group.capital_inside or info.proper or info.acronym
    if lemmatizer.language not in PYMORPHY_LANGUAGES:  # no grammar to tell a name: usage
        keep_capital = keep_capital or group.always_capital
    if text[:1].isupper() and not keep_capital:
        text = text[:1].lower() + text[1:]
    return text


class _HasKeywords(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def text(self) -> Any: ...  # a TextAnalysis: .keywords


def keyword_key(keyword: str) -> str:
    """The identity of a keyword across articles: case-folded, ``ё`` folded to ``е``."""
    return keyword.casefold().replace("ё", "е")


def rerank_keywords(analyses: Sequence[_HasKeywords]) -> Mapping[str, tuple[str, ...]]:
    """Each article's keywords without the corpus-generic ones (module docstring, item 8).

    Pure: article id -> keywords in their original order. Keywords are words of one
    language, so document frequencies are counted among the articles of the same language;
    and only among those dated on or before the article's day (undated ones: all), so that
    news arriving later never rewrites an earlier article's keywords, nor the pages and
    briefs built from them (time-causal, as ``generator.digest.related_articles``). A part
    of the corpus smaller than ``IDF_MIN_ARTICLES`` articles loses nothing (it says too
    little about itself)."""
    by_language: dict[str, list[_HasKeywords]] = defaultdict(list)
    for a in analyses:
        by_language[a.text.language].append(a)
    out: dict[str, tuple[str, ...]] = {}
    for members in by_language.values():
        by_day: dict[int, list[_HasKeywords]] = defaultdict(list)
        for a in members:
            by_day[_day_key(a)].append(a)
        df: Counter[str] = Counter()
        total = 0
        for day in sorted(by_day):
            for a in by_day[day]:
                df.update({keyword_key(k) for k in a.text.keywords})
            total += len(by_day[day])
            for a in by_day[day]:
                out[a.id] = tuple(
                    k
                    for k in a.text.keywords
                    if total < IDF_MIN_ARTICLES or df[keyword_key(k)] <= IDF_MAX_SHARE * total
                )
    return {a.id: out[a.id] for a in analyses}


def _day_key(a: _HasKeywords) -> int:
    """The ordinal of the article's date; undated articles after every day."""
    date = getattr(getattr(a, "article", None), "date", None)
    return 10**7 if date is None else date.toordinal()
