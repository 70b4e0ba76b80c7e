"""Language identification: lingua (restricted to the configured languages) + a letter rule.

lingua alone labels some Ukrainian sentences as Kazakh (``щ`` sentences, confidence 1.0), so
letters that only one configured language uses decide by their share of the text's letters:
Kazakh's ``ә ғ қ ң ө ұ ү һ`` are the default rule; the letters must also be spread over
the words (``MIN_WORD_SHARE``), so that a Russian text quoting a Kazakh name stays Russian.
The letters and the share are data (``deciding_letters`` / ``deciding_share`` in
``config/languages/<code>.yml``); callers that have no language packs get the built-in
default for Kazakh.

Romanised Cyrillic: some outlets publish a Latin-script copy of their Russian or Ukrainian
text ("Rossiiskii sud zamenil reşenie…", adyrna.kz/lt). lingua's ru/uk/kk models are
Cyrillic, so it calls such a text English. When lingua says English but the Latin text has
almost none of English's function words (``the``, ``of``, ``and``… make up a fifth of any
English text), the text is transliterated back to Cyrillic (cyrtranslit) and detected
again among the other languages. A page lingua calls English whose letters are over a third
Cyrillic (a Ukrainian service's page beside its German original) is read on its Cyrillic
lines among the other languages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

import cyrtranslit
from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

# Default deciding letters, used when no language pack overrides them.
DEFAULT_DECIDING_LETTERS: Mapping[str, tuple[str, float]] = {"kk": ("әғқңөұүһ", 0.01)}
MIN_LETTERS = 3
MAX_CHARS = 1000
# The deciding letters must also be spread over the words: in a Kazakh text a fifth or more
# of the words have one, while a Russian lead quoting "Үкімет үйі" has two words in fifteen.
MIN_WORD_SHARE = 0.17
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
# English closed-class words: 20-30 % of the words of any English text, under 2 % of a
# romanised Russian or Ukrainian one ("v", "na", "i" are not in the list).
ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "an",
        "is",
        "are",
        "was",
        "were",
        "for",
        "on",
        "that",
        "with",
        "by",
        "as",
        "at",
        "from",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "be",
        "been",
        "which",
        "or",
        "not",
        "but",
        "said",
        "will",
    ]
)
MIN_ENGLISH_SHARE = 0.06
SENTENCE_WORDS = 6  # a line of text, not a menu item, for the romanised-text check
ROMANISED_MIN_WORDS = 20  # ... which needs this many words
MIN_LATIN_SHARE = 0.8
# ... and prose: its letters this share of its characters at least (adyrna.kz's romanised
# Russian: 0.96; a page's code dump, "[0] => a:5:{s:5:\"width\";i:768;…": 0.55)
ROMANISED_MIN_LETTERS = 0.7
# a line of items between spaced bars is a list (a ticker of other stories' headlines, in
# any language: "Pelbagai acara … | Jangkauan Seni Budaya … | …" over an English page), no
# sentence of the text
_SPACED_BAR = re.compile(r"\s\|\s")
LIST_BARS = 3


def _lingua_language(code: str) -> Language:
    try:
        iso = getattr(IsoCode639_1, code.upper())
    except AttributeError as exc:
        raise ValueError(f"unknown language code {code!r} (not an ISO 639-1 code)") from exc
    return Language.from_iso_code_639_1(iso)


class LanguageDetector:
    """Detect one of ``languages`` (ISO 639-1 codes) in a text; ``None`` when undecidable."""

    def __init__(
        self,
        languages: Sequence[str],
        deciding_letters: Mapping[str, tuple[str, float]] | None = None,
    ) -> None:
        if not languages:
            raise ValueError("LanguageDetector needs at least one language")
        self.languages = tuple(dict.fromkeys(languages))
        by_lang = {c: _lingua_language(c) for c in self.languages}
        self._code = {lang: code for code, lang in by_lang.items()}
        letters = DEFAULT_DECIDING_LETTERS if deciding_letters is None else deciding_letters
        self._deciding = {
            code: (frozenset(chars.lower()), share)
            for code, (chars, share) in letters.items()
            if code in self.languages and chars
        }
        self._by_lang = by_lang
        self._detectors: dict[tuple[str, ...], object] = {}

    def letter_shares(self, text: str) -> dict[str, float]:
        """Share of the text's letters that are each language's deciding letters."""
        if not self._deciding:
            return {}
        lower = text.lower()
        letters = len(_LETTER.findall(lower))
        if not letters:
            return {}
        return {
            code: sum(lower.count(ch) for ch in chars) / letters
            for code, (chars, _share) in self._deciding.items()
        }

    def _word_share(self, text: str, code: str) -> float:
        """Share of the text's words that hold one of the language's deciding letters."""
        chars = self._deciding[code][0]
        words = _WORD.findall(text.lower())
        return sum(1 for w in words if not chars.isdisjoint(w)) / len(words) if words else 0.0

    def detect(self, text: str) -> str | None:
        """The language code of ``text``, or ``None`` (too little text to tell).

        Only the first ``MAX_CHARS`` characters of its narration are looked at (see
        ``narration``): plenty for a language, and lingua's time grows with the length.
        """
        whole, text = text, narration(text)[:MAX_CHARS]
        if len(_LETTER.findall(text)) < MIN_LETTERS:
            return None
        shares = self.letter_shares(text)
        decided = [
            (share, code)
            for code, share in shares.items()
            if share >= self._deciding[code][1] and self._word_share(text, code) >= MIN_WORD_SHARE
        ]
        if decided:
            return max(decided)[1]
        # Languages whose deciding letters are absent cannot be the answer.
        allowed = tuple(c for c in self.languages if shares.get(c, 1.0) > 0)
        if len(allowed) == 1:
            return allowed[0]
        language = self._detector_for(allowed).detect_language_of(text)
        code = None if language is None else self._code[language]
        others = tuple(c for c in allowed if c != "en")
        if code == "en" and others:  # not English after all: a Ukrainian page beside its
            # German original (its Cyrillic lines), or a romanised copy (back to Cyrillic)
            cyrillic = _cyrillic_lines(text) or (
                cyrtranslit.to_cyrillic(text, "ru") if _romanised(whole) else ""
            )
            if cyrillic:
                language = self._detector_for(others).detect_language_of(cyrillic)
                return None if language is None else self._code[language]
        return code

    def _detector_for(self, allowed: tuple[str, ...]):  # -> lingua.LanguageDetector
        detector = self._detectors.get(allowed)
        if detector is None:
            langs = [self._by_lang[c] for c in allowed]
            detector = LanguageDetectorBuilder.from_languages(*langs).build()
            self._detectors[allowed] = detector
        return detector


# a quotation: a paragraph of direct speech opening with its dash ("— На підставі постанови
# …"), or words in quotation marks
_SPEECH = re.compile(r"^[ \t]*[—–-][ \t]+\S.*$", re.MULTILINE)
_QUOTED = re.compile(r"«[^«»\n]*»|“[^“”\n]*”|„[^„“”\n]*[“”]")
QUOTE_MIN_WORDS = 5  # words in quotation marks: a quotation this long, not a name
NARRATION_MIN_LETTERS = 150  # the narration left must have this many letters to decide


def narration(text: str) -> str:
    """The text without its quotations (paragraphs of direct speech, passages of five words
    or more in quotation marks), when enough is left: a page's language is the one it
    narrates in, and a Russian report of Zaporizhzhia quotes its mayor in Ukrainian."""
    left = _SPEECH.sub("", text)
    left = _QUOTED.sub(
        lambda m: "" if len(_WORD.findall(m.group())) >= QUOTE_MIN_WORDS else m.group(), left
    )
    return left if len(_LETTER.findall(left[:MAX_CHARS])) >= NARRATION_MIN_LETTERS else text


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
MIN_CYRILLIC_SHARE = 0.35  # an English text's letters are never this much Cyrillic (0.20 at most
# on the real set's English pages: names and quotes); a page this Cyrillic that lingua calls
# English pairs a Cyrillic text with another Latin-script language's (a German original)


def _cyrillic_share(text: str) -> float:
    """The share of the text's letters that are Cyrillic."""
    letters = _LETTER.findall(text)
    return sum(1 for ch in letters if _CYRILLIC.match(ch)) / len(letters) if letters else 0.0


def _cyrillic_lines(text: str) -> str:
    """The lines mostly in Cyrillic letters, when Cyrillic makes ``MIN_CYRILLIC_SHARE`` of
    the text's letters; else ``""``."""
    if _cyrillic_share(text) < MIN_CYRILLIC_SHARE:
        return ""
    return "\n".join(line for line in text.splitlines() if _cyrillic_share(line) > 0.5)


def _romanised(text: str) -> bool:
    """A Latin-script text that is not English: almost no English function words in its
    sentences (lines of ``SENTENCE_WORDS`` words or more and no list between bars, the first
    ``MAX_CHARS`` of them; a page's menu of English nouns over its text has none), or in its
    start when it has no such lines; prose, not a dump of code."""
    sentences = "\n".join(
        line
        for line in text.splitlines()
        if len(_WORD.findall(line)) >= SENTENCE_WORDS and len(_SPACED_BAR.findall(line)) < LIST_BARS
    )[:MAX_CHARS]
    text = sentences if len(_WORD.findall(sentences)) >= ROMANISED_MIN_WORDS else text[:MAX_CHARS]
    letters = _LETTER.findall(text)
    if not letters or len(_LATIN.findall(text)) / len(letters) < MIN_LATIN_SHARE:
        return False
    if len(letters) < ROMANISED_MIN_LETTERS * len("".join(text.split())):
        return False  # (no prose: markup or code)
    words = _WORD.findall(text.lower())
    if len(words) < ROMANISED_MIN_WORDS:
        return False
    share = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS) / len(words)
    return share < MIN_ENGLISH_SHARE


@lru_cache(maxsize=8)
def _cached(
    languages: tuple[str, ...], deciding: tuple[tuple[str, str, float], ...] | None
) -> LanguageDetector:
    letters = None if deciding is None else {c: (chars, s) for c, chars, s in deciding}
    return LanguageDetector(languages, letters)


def get_detector(
    languages: tuple[str, ...],
    deciding_letters: Mapping[str, tuple[str, float]] | None = None,
) -> LanguageDetector:
    """A detector for ``languages``, built once per process (lingua models are heavy)."""
    deciding = (
        None
        if deciding_letters is None
        else tuple(sorted((c, chars, float(s)) for c, (chars, s) in deciding_letters.items()))
    )
    return _cached(tuple(languages), deciding)
