"""Lemmas: pymorphy3 for Russian and Ukrainian, the suffix stripper for Kazakh, simple rules
for English and anything else.

Every lemma is lower case with ``ё`` folded to ``е`` and apostrophes spelt ``'``. For a
Capitalised word a proper-noun parse wins over a common-noun one (``Песков`` -> ``песков``,
not ``песок``): first a surname parse, then place, organisation, first name, patronymic
(``АСТАНА`` is the city, not the name Астан), masculine first (``Жомарта`` -> ``жомарт``).
A hyphenated word pymorphy3 does not know is lemmatised on its last part
(``Касым-Жомартом`` -> ``касым-жомарт``).
A capitalised ``-ов/-ев/-ин`` word with no proper-noun parse is taken as a surname as it
stands (``Токаев`` -> ``токаев``, not ``токай``). Short all-capital words are acronyms and
are only lower-cased (``ОДКБ`` -> ``одкб``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.nlp import english, kazakh
from generator.nlp.tokens import normalize_apostrophes, words

PYMORPHY_LANGUAGES = ("ru", "uk")
ACRONYM_MAX_LEN = 5
_PROPER_TAG_ORDER = (("Surn",), ("Geox",), ("Orgn",), ("Name",), ("Patr",), ("Trad",))
_NAME_TAGS = (("Name",), ("Patr",))
_ALL_PROPER = ("Surn", "Geox", "Orgn", "Name", "Patr", "Trad")
# -ский/-ской/-ського/-ської ...: adjectives (also as surnames: the lemma is the same)
_ADJECTIVE_RE = re.compile(r"(?:ск|цк|зск|ськ|цьк|зьк)(?:[аоиыеіїуюяє]\w{0,2})$")
_SURNAME_RE = re.compile(r"^[А-ЯЁІЇЄҐ][а-яёіїєґ'-]+(?:ов|ев|ёв|єв|ин|ын|їн|ін)$")
_CACHE_SIZE = 200_000
# The project's word lists; callers with Settings pass settings.path(settings.language_data).
DEFAULT_LANGUAGE_DIR = Path(__file__).resolve().parents[2] / "config" / "languages"
_EN_SUFFIXES = (("ies", "y"), ("sses", "ss"), ("s", ""))
_PERSON_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
_CASES = 7  # an indeclinable noun has a parse per case (Ukrainian: with the vocative)


@functools.cache
def _morph(language: str):  # -> pymorphy3.MorphAnalyzer (loaded once per process)
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


def place_name(word: str, language: str) -> str | None:
    """The place a capitalised word names when the dictionary reads it as a place's name
    and never as a person's first name, surname or patronymic, in the nominative
    (``Костаная`` -> ``Костанай``, ``Нукус``); None otherwise (ru, uk only)."""
    if language not in PYMORPHY_LANGUAGES:
        return None
    parses = _morph(language).parse(word)
    if any(p.tag.grammemes & _PERSON_NAME_TAGS for p in parses):
        return None
    place = next((p for p in parses if "Geox" in p.tag.grammemes), None)
    if place is None:
        return None
    parts = zip(place.normal_form.split("-"), word.split("-"), strict=False)
    return "-".join(n.capitalize() if w[:1].isupper() else n for n, w in parts)


def _fold(text: str) -> str:
    return normalize_apostrophes(text.lower().replace("ё", "е"))


def _english_lemma(lower: str) -> str:
    """A light plural stripper for English and unknown languages (rules, no dictionary)."""
    if lower.endswith("'s"):
        lower = lower[:-2]
    if len(lower) > 4 and lower.endswith(("shes", "ches", "xes", "sses", "zes")):
        return lower[:-2]  # clashes -> clash, taxes -> tax
    if len(lower) > 4 and not lower.endswith(("ss", "us", "is")):
        for suffix, replacement in _EN_SUFFIXES:
            if lower.endswith(suffix):
                return lower[: -len(suffix)] + replacement
    return lower


def _english_noun_lemma(lower: str) -> str:
    """en: the plural stripper's lemma, unless that is no word the dictionary (lemminflect's
    tables) knows and the dictionary knows this one as a noun: then its noun lemma
    (``headaches`` -> ``headache``, not ``headach``; ``crises`` -> ``crisis``; ``series``
    and ``measles`` as they are)."""
    stripped = _english_lemma(lower)
    if stripped == lower or english.word_classes(stripped):
        return stripped
    nouns = english.noun_lemmas(lower)
    if not nouns:
        return stripped
    return lower if lower in nouns else nouns[0]


class Lemmatizer:
    """Lemmatises words of one language; get one with :func:`get_lemmatizer`."""

    def __init__(self, language: str, language_dir: Path | None = None, alphabet: str = "") -> None:
        self.language = language
        self.language_dir = language_dir
        self.alphabet = alphabet
        kazakh_lists = language == "kk" and language_dir is not None
        self._keep = (
            kazakh.load_keep(language_dir / f"{language}.keep.txt") if kazakh_lists else frozenset()
        )
        self._elided = (
            kazakh.load_elided(language_dir / f"{language}.elision.txt") if kazakh_lists else {}
        )
        # a text in another alphabet (named by ``alphabet``) is read in Cyrillic letters
        self._alphabet = (
            next(
                (a for a in kazakh_alphabets(language_dir) if a.name == alphabet),
                None,
            )
            if kazakh_lists and alphabet
            else None
        )
        self._cached = functools.lru_cache(maxsize=_CACHE_SIZE)(self._compute)

    def __repr__(self) -> str:
        alphabet = f", alphabet={self.alphabet!r}" if self.alphabet else ""
        return f"Lemmatizer({self.language!r}{alphabet})"

    @property
    def keep(self) -> frozenset[str]:
        """Kazakh words the suffix stripper leaves whole (``kk.keep.txt``)."""
        return self._keep

    def __reduce__(self):  # pickles by language: a worker process builds its own
        return (get_lemmatizer, (self.language, self.language_dir, self.alphabet))

    def lemma(self, word: str) -> str:
        """The lemma of one word token (lower case, ``ё`` -> ``е``)."""
        return self._cached(word).lemma

    def lemmas(self, text: str) -> list[str]:
        """``words(text)`` lemmatised, in order."""
        return [self._cached(w).lemma for w in words(text)]

    def info(self, word: str) -> WordInfo:
        """Lemma and grammar facts of one word token (POS etc. only for ru and uk)."""
        return self._cached(word)

    def normal_phrase(self, tokens: Sequence[str]) -> str:
        """A readable normal form of a phrase (its words as they appear in the text).

        ru/uk: adjectives before the first noun agree with it in the nominative, the noun
        goes to the nominative (keeping its number), words after it stay as written
        (``иностранных группировок`` -> ``иностранные группировки``, ``МИД Казахстана``
        unchanged). kk and others: only the last word (where Kazakh puts the endings, and an
        English plural) is reduced: to its lemma, in Kazakh only its case ending goes
        (``Қазақстан Республикасының`` -> ``Қазақстан Республикасы``). Capitalisation
        follows the text.
        """
        if not tokens:
            return ""
        if self.language == "kk":  # only the case ending goes: Қазақстан Республикасы stays
            return " ".join([*tokens[:-1], kazakh.strip_case(tokens[-1], self._keep)])
        if self.language not in PYMORPHY_LANGUAGES:
            last = tokens[-1]
            if len(tokens) > 1 and all(t[:1].isupper() for t in tokens):
                *rest, last = tokens  # a name keeps its -s (United States), not a possessive
                return " ".join([*rest, re.sub(r"['’]s$", "", last)])
            return " ".join([*tokens[:-1], match_case(self.lemma(last), last)])
        infos = [self._cached(t) for t in tokens]
        head = next((i for i, inf in enumerate(infos) if inf.pos == "NOUN" or inf.acronym), None)
        if head is None:
            return " ".join(tokens)
        # the readings of the words before the head as adjectives, one list per word
        readings = [_adjective_readings(t, self.language) for t in tokens[:head]]
        head_parse = _agreeing_parse(readings, tokens[head], infos[head], self.language)
        out = list(tokens)
        number = head_parse.tag.number if head_parse is not None else None
        gender = head_parse.tag.gender if head_parse is not None else None
        if any(inf.parse is not None and inf.parse.tag.number == "plur" for inf in infos[:head]):
            number = "plur"  # "коллективные ... силы": the adjective settles the number
        elif number == "plur" and _singular_only(readings):
            number = "sing"  # one of two names sharing the noun ("Андижанской и Сырдарьинской
            # областях" -> "Сырдарьинская область")
        if infos[head].first_name or _is_surname_after(tokens, infos, head):
            # a person: each name's lemma (Касым-Жомартом Токаевым, Аскара Маміна)
            for i in range(head, len(tokens)):
                if not infos[i].proper and i > head:
                    break
                out[i] = infos[i].lemma
                parse = infos[i].parse
                if gender == "femn" and parse is not None:  # Марии Захаровой: keep her gender
                    female = _inflect(parse, {"nomn", "sing", "femn"})
                    out[i] = _prefixed(tokens[i], parse, female) or out[i]
        elif head_parse is not None and not infos[head].acronym and "Fixd" not in head_parse.tag:
            if number == "plur":
                plural = _inflect(head_parse, {"nomn", "plur"})
                out[head] = _prefixed(tokens[head], head_parse, plural) or tokens[head]
            else:  # the dictionary form is the nominative singular
                out[head] = _prefixed(tokens[head], head_parse, head_parse.normal_form)
        for i in range(head):
            parse = infos[i].parse
            if parse is None or parse.tag.POS not in ("ADJF", "PRTF"):
                continue
            wanted = {"nomn", number or "sing"}
            if (number or "sing") == "sing" and gender:
                wanted.add(gender)
            out[i] = _prefixed(tokens[i], parse, _inflect(parse, wanted)) or tokens[i]
        return " ".join(match_case(_fold(w), t) for w, t in zip(out, tokens, strict=True))

    def _compute(self, word: str) -> WordInfo:
        if not word:
            return WordInfo("")
        if word[0].isdigit():
            return WordInfo(_fold(word))
        if self.language == "kk":
            if self._alphabet is not None:
                word = kazakh.to_cyrillic(word, self._alphabet)
            stem = kazakh.stem(word, self._keep, self._elided)
            return WordInfo(_fold(stem), acronym=_is_acronym(word))
        if self.language in PYMORPHY_LANGUAGES:
            return self._pymorphy_info(word)
        lower, acronym = _fold(word), _is_acronym(word)
        if self.language == "en" and not acronym:
            return WordInfo(_english_noun_lemma(lower))
        return WordInfo(_english_lemma(lower), acronym=acronym)

    def _pymorphy_info(self, word: str) -> WordInfo:
        word = normalize_apostrophes(word)
        if _is_acronym(word):
            return WordInfo(_fold(word), pos="NOUN", acronym=True)
        parses = _morph(self.language).parse(word)
        if not parses:
            return WordInfo(_fold(word))
        if "-" in word.strip("-") and not _from_dictionary(parses[0]):
            # Касым-Жомартом, онлайн-саміту: pymorphy3 guesses badly; inflect the last part
            head, _, tail = word.rpartition("-")
            tail_info = self._pymorphy_info(tail)
            return WordInfo(
                f"{_fold(head)}-{tail_info.lemma}",
                pos=tail_info.pos,
                proper=tail_info.proper,
                genitive=tail_info.genitive,
                first_name=tail_info.first_name,
                verbal=tail_info.verbal,
                case_ambiguous=tail_info.case_ambiguous,
                forms=tail_info.forms,
                parse=tail_info.parse,  # of the last part: see _prefixed
            )
        if word[0].isupper() and len(word) > 1:  # one letter: a word or an initial, not a name
            proper = self._proper_parse(word, parses)
            if proper is not None and not (
                {"plur", "Surn"} <= proper.tag.grammemes and _SURNAME_RE.match(word)
            ):  # Бектенов is one man, not "of the Bektens"
                return _info(proper, proper=True, parses=parses)
            if _SURNAME_RE.match(word) or any(_guessed_plural_name(p) for p in parses):
                # Масимов, Нікол: a guessed plural name is an unknown name as written
                return WordInfo(_fold(word), pos="NOUN", proper=True)
        return _info(_most_likely(parses), proper=False, parses=parses)

    def _proper_parse(self, word: str, parses: Sequence[Any]) -> Any | None:
        """The name/place/organisation parse a capitalised word should take, if any."""
        adjectives = [p for p in parses if p.tag.POS in ("ADJF", "PRTF")]
        if adjectives and _ADJECTIVE_RE.search(word.lower()):
            return None  # Мангистауской, Каспийского: an adjective, whatever else it may be
        for tags in _PROPER_TAG_ORDER:
            found = [
                p
                for p in parses
                if any(t in p.tag.grammemes for t in tags)
                and not _guessed_plural_name(p)
                and "voct" not in p.tag.grammemes  # "Зась" is not a vocative of Зася
            ]
            if not found:
                continue
            # a place: the analyser's likeliest reading (Самаре is Самара, not Самар); a
            # person: the man's name (Масимова is Масимов's genitive, not Масимова)
            best = (
                found[0]
                if tags == ("Geox",)
                else next((p for p in found if "masc" in p.tag.grammemes), found[0])
            )
            # uk's dictionary tags no places (Geox): Харкові is Харків, not a surname Харко
            uk_place = (
                self.language == "uk" and tags == ("Surn",) and "nomn" not in best.tag.grammemes
            )
            if tags in _NAME_TAGS or uk_place:
                other = next(
                    (
                        p
                        for p in parses
                        if p.normal_form != best.normal_form
                        and p.tag.POS == "NOUN"
                        and _morph(self.language).word_is_known(p.normal_form)  # not a guess
                        and not any(t in p.tag.grammemes for t in _ALL_PROPER)
                    ),
                    None,
                )
                if other is not None:  # Києві is Київ, not the name Кий; Жомартом is Жомарт
                    return other
            return best
        return None


def _is_surname_after(tokens: Sequence[str], infos: Sequence[WordInfo], head: int) -> bool:
    """A capitalised head followed by a surname (``Аскара Маміна``: the first name unknown
    to the dictionary, the surname known as one)."""
    if head + 1 >= len(tokens) or not tokens[head][:1].isupper():
        return False
    nxt = infos[head + 1]
    return nxt.proper and nxt.parse is not None and "Surn" in nxt.parse.tag.grammemes


def _guessed_plural_name(parse: Any) -> bool:
    """A guessed plural of a first name or place (``Масимов`` as "of the Masims",
    ``Алмасадам`` as "to the Almasads"): a name in the news is one person, so an unknown
    capitalised word is not read as a plural name (a plural-only name, ``Pltm``, stays)."""
    grammemes = parse.tag.grammemes
    return (
        "plur" in grammemes
        and "Pltm" not in grammemes
        and bool(grammemes & {"Name", "Patr", "Geox"})
    )


def _most_likely(parses: Sequence[Any]) -> Any:
    """The first parse of the lemma with the highest total score (газу: газ, not газа).
    An indeclinable word's parses (one per case) count as one: the Ukrainian dictionary
    scores every parse 1.0, and ``порту`` is the port's genitive, not the word ``порту``."""
    totals: dict[str, float] = {}
    for p in parses:
        score = p.score / _CASES if "Fixd" in p.tag else p.score
        totals[p.normal_form] = totals.get(p.normal_form, 0.0) + score
    best = max(totals.values())
    lemma = next(form for form, total in totals.items() if total >= best - 1e-9)
    return next(p for p in parses if p.normal_form == lemma)


@dataclass(frozen=True)
class WordInfo:
    """What the lemmatiser knows about one word token."""

    lemma: str
    pos: str | None = None  # pymorphy3 part of speech of the chosen parse (ru, uk)
    proper: bool = False  # a name, place or organisation
    acronym: bool = False  # short and all capitals: ОДКБ, КТК, CSTO
    genitive: bool = False  # a parse of the chosen lemma is genitive (ru, uk)
    first_name: bool = False  # capitalised and some parse is a first name (Владимир)
    verbal: bool = False  # a verb form: verb, infinitive, short participle and gerund
    # readings outweigh the others, or every parse is a participle (no adjective) (ru, uk)
    case_ambiguous: bool = False  # the chosen lemma also reads as nominative/accusative
    forms: frozenset[tuple[str, str]] = frozenset()  # (case, number) of every parse (ru, uk)
    parse: Any = field(default=None, compare=False, repr=False)  # pymorphy3 Parse


_VERBAL = frozenset({"VERB", "INFN", "PRTS", "GRND"})


def _is_verbal(parses: Sequence[Any]) -> bool:
    """Verb readings outweigh the rest (scores: ``Дан`` 0.6 vs 0.4 is verbal, ``разлив``
    0.33 vs 0.67 is a noun), or the word is only a participle (``дающие``)."""
    verbal = sum(p.score for p in parses if p.tag.POS in _VERBAL)
    if verbal > sum(p.score for p in parses) - verbal:
        return True
    return all(p.tag.POS in _VERBAL or p.tag.POS == "PRTF" for p in parses)


def _first_name(parses: Sequence[Any]) -> bool:
    """Some parse is a first name that a place of the dictionary does not outweigh
    (``Руслан``, ``Викрам``; not ``Алматы``, whose rare reading is the plural of a name
    ``Алмат``). Guessed place readings of unknown words do not count."""
    name = max((p.score for p in parses if "Name" in p.tag.grammemes), default=0.0)
    place = max((p.score for p in parses if "Geox" in p.tag.grammemes and p.is_known), default=0.0)
    return name > 0 and name >= place


def _info(parse: Any, proper: bool, parses: Sequence[Any]) -> WordInfo:
    first_name = proper and _first_name(parses)
    same = [p for p in parses if p.normal_form == parse.normal_form and p.tag.POS == parse.tag.POS]
    genitive = any("gent" in p.tag for p in same)
    case_ambiguous = any("nomn" in p.tag or "accs" in p.tag for p in same)
    return WordInfo(
        _fold(parse.normal_form),
        pos=parse.tag.POS,
        proper=proper,
        genitive=genitive,
        first_name=first_name,
        verbal=_is_verbal(parses),
        case_ambiguous=case_ambiguous,
        forms=frozenset(form for p in parses if (form := _case_number(p.tag))[0]),
        parse=parse,
    )


_NOMINAL = frozenset({"NOUN", "ADJF", "PRTF"})


def _case_number(tag: Any) -> tuple[str | None, str | None]:
    """A parse's case and number. The Ukrainian dictionary leaves out what is implied: a
    noun or adjective with a gender is singular, one with no case is nominative (``газ``)."""
    if tag.POS not in _NOMINAL:
        return (tag.case, tag.number) if tag.case and tag.number else (None, None)
    return tag.case or "nomn", tag.number or "sing"


def _adjective_readings(word: str, language: str) -> list[Any]:
    """The parses of a word as an adjective or a participle."""
    return [p for p in _morph(language).parse(word) if p.tag.POS in ("ADJF", "PRTF")]


def _singular_only(readings: Sequence[Sequence[Any]]) -> bool:
    """Are there adjectives (``_adjective_readings`` of each word), every reading singular?"""
    return bool(readings) and all(
        r and all(_case_number(p.tag)[1] == "sing" for p in r) for r in readings
    )


def _prefixed(token: str, parse: Any, word: str | None) -> str | None:
    """``word``, inflected from ``parse``, with the parts of a hyphenated ``token`` before
    the last one when ``parse`` is of that last part (``десантно-штурмовую`` ->
    ``десантно-штурмовая``, ``онлайн-саміту`` -> ``онлайн-саміт``)."""
    head, sep, _ = token.rpartition("-")
    if word is None or not sep or _fold(parse.word) == _fold(token):
        return word
    return f"{head}-{word}"


def _agrees(adjective: Any, noun: Any) -> bool:
    """An adjective's parse and a noun's are in one case, and one gender or both plural."""
    (a_case, a_number), (n_case, n_number) = _case_number(adjective.tag), _case_number(noun.tag)
    if a_case != n_case or a_number != n_number:
        return False
    return a_number == "plur" or adjective.tag.gender == noun.tag.gender


def _agreeing_parse(
    readings: Sequence[Sequence[Any]], word: str, info: WordInfo, language: str
) -> Any | None:
    """The head noun's parse, read with the adjectives before it: when no parse of the
    lemma chosen alone agrees with them and one of another lemma does, that one
    (``нафтопереробному заводі``: ``завод``, not the pool ``заводь``). Names as they are."""
    parse = info.parse
    adjectives = [p for word_readings in readings for p in word_readings]
    if parse is None or info.proper or info.acronym or not adjectives:
        return parse
    nouns = [p for p in _morph(language).parse(word) if p.tag.POS == "NOUN"]
    fits = [p for p in nouns if any(_agrees(a, p) for a in adjectives)]
    if not fits or any(p.normal_form == parse.normal_form for p in fits):
        return parse
    return fits[0]


def _from_dictionary(parse: Any) -> bool:
    return type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


def _is_acronym(word: str) -> bool:
    return word.isupper() and 2 <= len(word) <= ACRONYM_MAX_LEN


def _inflect(parse: Any, grammemes: set[str]) -> str | None:
    """Inflect to ``grammemes``, dropping number, then gender, when the dictionary refuses.
    The Ukrainian dictionary marks a singular adjective by its gender alone
    (``російського`` -> ``російське`` needs ``{nomn, neut}``, not ``{nomn, sing, neut}``)."""
    attempts = [
        grammemes,
        grammemes - {"sing"},
        grammemes - {"masc", "femn", "neut"},
        {"nomn"},
    ]
    for wanted in attempts:
        try:
            inflected = parse.inflect(wanted)
        except ValueError:
            inflected = None
        if inflected is not None:
            return inflected.word
    return None


def match_case(word: str, model: str) -> str:
    """Spell ``word`` with the capitalisation of ``model`` (ОДКБ, Алма-Ата, казахстан); a
    hyphenated word part by part (IT-фахівців -> IT-фахівці)."""
    if len(model) > 1 and model.isupper():
        return word.upper()
    model_parts = model.split("-")
    parts = word.split("-")
    if len(model_parts) > 1 and len(parts) == len(model_parts):
        return "-".join(match_case(p, m) for p, m in zip(parts, model_parts, strict=True))
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def get_lemmatizer(
    language: str, language_dir: Path | None = None, alphabet: str = ""
) -> Lemmatizer:
    """The process-wide Lemmatizer for ``language`` (unknown languages get English rules).

    ``language_dir`` is the folder of word lists (for Kazakh ``kk.keep.txt``,
    ``kk.elision.txt`` and ``kk.alphabets.yml``); by default the project's
    ``config/languages``. ``alphabet``: the name of the alphabet of ``kk.alphabets.yml`` the
    (Kazakh) text is written in.
    """
    return _build_lemmatizer(language, language_dir or DEFAULT_LANGUAGE_DIR, alphabet)


@functools.cache
def kazakh_alphabets(language_dir: Path) -> tuple[kazakh.Alphabet, ...]:
    """Kazakh's other alphabets (``kk.alphabets.yml`` of ``language_dir``)."""
    return kazakh.load_alphabets(language_dir / "kk.alphabets.yml")


@functools.cache
def _build_lemmatizer(language: str, language_dir: Path, alphabet: str = "") -> Lemmatizer:
    return Lemmatizer(language, language_dir, alphabet)
