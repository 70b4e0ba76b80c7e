"""A small rule-based Kazakh suffix stripper (no offline Kazakh lemmatiser exists here).

Kazakh nouns stack suffixes in a fixed order::

    stem + plural + possessive + case        елдеріміздің = ел + дер + іміз + дің

``stem`` peels them off from the end, one layer at a time (case, then possessive, then
plural), each layer at most once:

* case: genitive ``-ның/-нің/-дың/-дің/-тың/-тің``; dative ``-ға/-ге/-қа/-ке`` (``-на/-не``
  after a 3rd-person possessive); accusative ``-ны/-ні/-ды/-ді/-ты/-ті`` (``-н`` after a
  3rd-person possessive); locative ``-да/-де/-та/-те`` (``-нда/-нде`` after a possessive);
  ablative ``-дан/-ден/-тан/-тен/-нан/-нен``; instrumental ``-мен/-бен/-пен/-менен``;
  locative-attributive ``-дағы/-дегі/-тағы/-тегі/-ндағы/-ндегі``;
* possessive: ``-ымыз/-іміз/-мыз/-міз`` (елімізде), ``-ыңыз/-іңіз/-ңыз/-ңіз``,
  ``-сы/-сі``, ``-ы/-і``; the 1st/2nd person singular (``-ым``, ``-ың``) are left out on
  purpose: rare in news, and they would eat the end of many stems (келісім, ұйым, заң);
* plural: ``-лар/-лер/-дар/-дер/-тар/-тер``.

Vowel harmony: a suffix with a back vowel (а, ы) is only removed when the last vowel of the
remaining stem is back (а, о, ұ, ы), and a front suffix (е, і) only when it is front (ә, ө,
ү, і, е, э); и, у, ю, я, ё and a loanword's final е after a back vowel (Тоқаев) accept
both. Stems must keep a vowel and at least two letters; one-letter suffixes need a longer
word. Consonant assimilation is checked too: a suffix starting with т/қ/к only follows a
voiceless consonant (б, в, г, д count as voiceless here), one starting with д/ғ/г never
does (``Президенті`` is a possessive, not an accusative ``-ті``; ``Қаңтар`` keeps its
``-тар``). When a vowel-initial suffix was removed, a final ``ғ`` is restored to ``қ``
(``нарығы`` -> ``нарық``) and a final ``г`` to ``к`` in words with Kazakh front letters
(``көмегі`` -> ``көмек``). ``-ғы/-гі/-қы/-кі/-шы/-ші`` after a consonant are kept whole
(``соңғы``, ``қазіргі``, ``көрші``); a word ending in ``-стан`` keeps it (``Қазақстан``).

A 3rd-person possessive -ы/-і/-сы/-сі is only removed before the case forms it takes (-н,
-на, -нда, -нан, -ның, -мен) or at the end of the word: in ``Алматыда`` or ``жалақыны``
the -ы is the stem's own. ``-сы/-сі`` needs a stem of 3+ letters not ending in ы/і
(``облысы`` is ``облыс`` + ``-ы``), an accusative -ны/-ні is not split off a stem ending in
ы/і (``шығыны`` is ``шығын`` + ``-ы``), the accusative -н needs three letters before its
-ы/-і and no ғ/г there (``газын`` -> ``газ``; ``шығын``, ``отын`` are words), and a
two-letter stem must end in a consonant (``елге`` -> ``ел``, but ``баға`` is not ``ба`` +
``-ға``; ``о``/``ө`` never end a stem: ``чемпионы`` is ``чемпион`` + ``-ы``).

Words that end like a suffix but are whole (``Алматы``, ``Қарағанды``, ``алты``) are
listed in ``config/languages/kk.keep.txt`` and passed as ``keep`` (see :func:`load_keep`).
Words whose last vowel drops before a vowel-initial suffix (``орын`` -> ``орны``,
``халық`` -> ``халқы``) are listed in ``kk.elision.txt`` and passed as ``elided`` (see
:func:`load_elided`): their forms are reduced to the word, not to a stem without its vowel.

Known limits: verbs are left alone (apart from what looks like a case ending), derivational
suffixes (``-лық``, ``-шы``) are kept on purpose (``ынтымақтастық`` is its own word), and a
bare word that ends like a suffix and is not in the keep list is over-stripped. The output is
a matching key, consistent across the inflected forms of a word, not always a dictionary
form.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

BACK_VOWELS = frozenset("аоұы")
FRONT_VOWELS = frozenset("әөүіеэ")
VOWELS = BACK_VOWELS | FRONT_VOWELS | frozenset("иуюяё")
KAZAKH_FRONT_LETTERS = frozenset("әөүі")
# For suffix choice Kazakh treats б, в, г, д like voiceless consonants (Тоқаевтың, клубқа).
VOICELESS = frozenset("кқпстфхцчшщбвгд")
_AFTER_VOICELESS = frozenset("тқк")  # suffixes starting with these follow a voiceless consonant
_NOT_AFTER_VOICELESS = frozenset("дғг")  # ... and these never do

# (suffix, condition on the preceding letter) -- longest first within a layer.
_AFTER_POSS3 = "ыі"  # -на/-не/-н/-нда/-нде follow the 3rd-person possessive -ы/-і
_CASE = (
    ("ндағы", _AFTER_POSS3), ("ндегі", _AFTER_POSS3),
    ("дағы", ""), ("дегі", ""), ("тағы", ""), ("тегі", ""),
    ("менен", "*"), ("бенен", "*"), ("пенен", "*"),
    ("ның", ""), ("нің", ""), ("дың", ""), ("дің", ""), ("тың", ""), ("тің", ""),
    ("нан", ""), ("нен", ""), ("дан", ""), ("ден", ""), ("тан", ""), ("тен", ""),
    ("мен", "*"), ("бен", "*"), ("пен", "*"),
    ("нда", _AFTER_POSS3), ("нде", _AFTER_POSS3),
    ("ға", ""), ("ге", ""), ("қа", ""), ("ке", ""),
    ("на", _AFTER_POSS3), ("не", _AFTER_POSS3),
    ("да", ""), ("де", ""), ("та", ""), ("те", ""),
    ("ны", ""), ("ні", ""), ("ды", ""), ("ді", ""), ("ты", ""), ("ті", ""),
    ("н", _AFTER_POSS3),
)  # fmt: skip
_POSSESSIVE = (
    ("ымыз", ""), ("іміз", ""), ("ыңыз", ""), ("іңіз", ""),
    ("мыз", "V"), ("міз", "V"), ("ңыз", "V"), ("ңіз", "V"),
    ("сы", "V"), ("сі", "V"),
    ("ы", ""), ("і", ""),
)  # fmt: skip
_PLURAL = (("лар", ""), ("лер", ""), ("дар", ""), ("дер", ""), ("тар", ""), ("тер", ""))
_LAYERS = (_CASE, _POSSESSIVE, _PLURAL)
_POSS3 = ("сы", "сі", "ы", "і")
# The case forms a 3rd-person possessive takes (кітабы-н, -на, -нда, -нан, -ның, -мен):
# after any other case ending (Алматы-да, жалақы-ны) the -ы/-і before it is the stem's own.
_AFTER_POSS3_CASES = frozenset(
    {"н", "на", "не", "нда", "нде", "ндағы", "ндегі", "нан", "нен", "ның", "нің"}
    | {"мен", "бен", "пен", "менен", "бенен", "пенен"}
)

# -ғы/-гі/-қы/-кі (attributive) and -шы/-ші (agent) after a consonant are part of the word
# (соңғы, қазіргі, көрші, жұмысшы): the -ы/-і there is not a possessive.
_DERIVATIONAL_BEFORE_I = frozenset("ғгқкш")

# Endings that look like a suffix but belong to the word: -стан is "country"
# (Қазақстан, not Қазақс + ablative -тан); -ұлы/-қызы end patronymic surnames.
_NEVER_SPLIT_ENDINGS = ("стан", "ұлы", "улы", "қызы")  # Құнанбайұлы, Жанбырбайқызы

_BEFORE_LAR = VOWELS | frozenset("рйу")  # the letters the plural -лар/-лер follows
_BEFORE_NAN = frozenset("мнңыі")  # ... and the ablative -нан/-нен
MIN_STEM = 2  # letters left after removing a suffix
MIN_STEM_LONG_POSSESSIVE = 3  # ... after -ңыз/-ыңыз (теңіз is "sea", not те + -ңіз)
_NOT_FINAL = frozenset("оө")  # Kazakh о/ө stand in first syllables: чемпионы is not чемпио+ны
MIN_WORD_FOR_ONE_LETTER = 3  # a one-letter suffix is only removed from words this long


def _last_vowel(text: str) -> str:
    for ch in reversed(text):
        if ch in VOWELS:
            return ch
    return ""


def _stem_backness(stem: str) -> str:
    """Return "back", "front" or "" (either) from the last vowel of ``stem``.

    A final е/э after an earlier back vowel is a loanword spelling (Тоқаев, Мәжіліс aside)
    and does not decide: Kazakh says Тоқаевтың with a back suffix.
    """
    vowels = [ch for ch in stem if ch in VOWELS]
    if not vowels:
        return ""
    last = vowels[-1]
    if last in BACK_VOWELS:
        return "back"
    if last in ("е", "э"):
        earlier = vowels[:-1]
        if any(v in BACK_VOWELS for v in earlier) and not any(
            v in KAZAKH_FRONT_LETTERS for v in earlier
        ):
            return ""
        return "front"
    if last in FRONT_VOWELS:
        return "front"
    return ""


def _harmonises(stem: str, suffix: str) -> bool:
    """True if ``suffix`` agrees in backness with the last vowel of ``stem``."""
    suffix_vowel = _last_vowel(suffix)
    backness = _stem_backness(stem)
    if not suffix_vowel or not backness:
        return True
    if suffix_vowel in BACK_VOWELS:
        return backness == "back"
    if suffix_vowel in FRONT_VOWELS:
        return backness == "front"
    return True


def _strip_layer(
    word: str,
    layer: tuple[tuple[str, str], ...],
    original_length: int,
    allow_poss3: bool = True,
) -> tuple[str, str]:
    """Remove the first suffix of ``layer`` that fits; return (stem, removed suffix)."""
    for suffix, condition in layer:
        if not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        if len(stem) < MIN_STEM or not _last_vowel(stem) or stem[-1] in _NOT_FINAL:
            continue
        if len(stem) == MIN_STEM and stem[-1] in VOWELS:  # ел, үй, ай -- not ба, кү, те
            continue
        long_possessive = "ңыз" in suffix or "ңіз" in suffix or suffix in ("сы", "сі")
        if long_possessive and len(stem) < MIN_STEM_LONG_POSSESSIVE:
            continue
        if stem[-1] in "ыі" and stem[-2:-1] != "ш":  # басшы, хатшы end in -ы themselves
            if suffix in ("сы", "сі"):  # облысы is облыс + ы, not облы + сы (басшы + сы is)
                continue
            if suffix in ("ны", "ні"):  # шығыны is шығын + ы, not шығы + ны
                continue
        if suffix in _POSS3 and not allow_poss3:
            continue
        if len(suffix) == 1 and original_length < MIN_WORD_FOR_ONE_LETTER:
            continue
        if suffix == "н" and (len(stem) - 1 < 3 or stem[-2] in "ғг"):
            continue  # газын is газ + -ы + -н; шығын, отын, жиын are words
        if suffix in ("ы", "і") and (
            stem[-1] in _DERIVATIONAL_BEFORE_I and len(stem) > 1 and stem[-2] not in VOWELS
        ):
            continue
        if suffix[0] in _AFTER_VOICELESS and stem[-1] not in VOICELESS:
            continue
        if suffix[0] in _NOT_AFTER_VOICELESS and stem[-1] in VOICELESS:
            continue
        if suffix in ("дар", "дер") and stem[-1] in VOWELS:  # vowels take -лар/-лер
            continue
        if suffix in ("лар", "лер") and stem[-1] not in _BEFORE_LAR:
            continue  # доллар is a word: after л the plural is -дар (қалалар, шарлар)
        if suffix in ("ны", "ні") and stem[-1] not in VOWELS:
            continue  # маманы is маман + -ы: after a consonant the accusative is -ды/-ты
        if suffix in ("нан", "нен") and stem[-1] not in _BEFORE_NAN:
            continue  # -нан/-нен after м, н, ң or a possessive (Қазақстаннан, орнынан)
        if condition == "*":  # instrumental -мен/-бен/-пен does not harmonise
            return stem, suffix
        if condition == "V":  # consonant-initial possessive: only after a vowel
            if stem[-1] not in VOWELS:
                continue
        elif condition and stem[-1] not in condition:
            continue
        if not _harmonises(stem, suffix):
            continue
        return stem, suffix
    return word, ""


def _restore_final_consonant(stem: str) -> str:
    """Undo the voicing of a final к/қ before a vowel (нарығы -> нарық, көмегі -> көмек)."""
    if stem.endswith("ғ"):
        return stem[:-1] + "қ"
    if stem.endswith("г") and KAZAKH_FRONT_LETTERS & set(stem):
        return stem[:-1] + "к"
    return stem


GENITIVE = tuple(suffix for suffix, _ in _CASE if suffix.endswith("ң"))


def is_genitive(word: str) -> bool:
    """True if ``word`` ends in a genitive suffix (``Ресейдің``, ``елдердің``)."""
    return word.lower().endswith(GENITIVE)


INSTRUMENTAL = ("менен", "бенен", "пенен", "мен", "бен", "пен")


def case_suffix(word: str, keep: frozenset[str] = frozenset()) -> str:
    """The case ending :func:`stem` would remove first (``""`` for the nominative)."""
    head, _, current = word.lower().replace("ё", "е").rpartition("-")
    if head and _is_inflection(current):  # ҰҚШҰ-ға
        return current
    if current in keep or current.endswith(_NEVER_SPLIT_ENDINGS):
        return ""
    return _strip_layer(current, _CASE, len(current))[1]


def strip_case(word: str, keep: frozenset[str] = frozenset()) -> str:
    """``word`` without its case ending, as spelt (``Республикасының`` -> ``Республикасы``)."""
    suffix = case_suffix(word, keep)
    return word[: len(word) - len(suffix)] if suffix else word


def load_keep(path: Path) -> frozenset[str]:
    """Read a keep list: one word a line, ``#`` comments; a missing file is an empty list."""
    if not path.is_file():
        return frozenset()
    out = set()
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        word = line.split("#", 1)[0].strip().lower().replace("ё", "е")
        if word:
            out.add(word)
    return frozenset(out)


def load_elided(path: Path) -> dict[str, str]:
    """Words whose last vowel drops before a vowel-initial suffix (``орын`` -> ``орны``,
    ``халық`` -> ``халқы``), one a line as in a keep list: their short stem -> the word."""
    return {word[:-2] + word[-1]: word for word in sorted(load_keep(path)) if len(word) > 3}


_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
CYRILLIC_SHARE = 0.5  # a text with fewer Cyrillic letters than this share is in another alphabet
ALPHABET_MARKS_MIN = 3  # ... in the alphabet whose own letters it uses at least this often


@dataclass(frozen=True)
class Alphabet:
    """One way of writing Kazakh in other letters than Cyrillic, Latin or Arabic
    (``kk.alphabets.yml``)."""

    name: str
    marks: frozenset[str]  # letters only this alphabet has: they tell it
    letters: Mapping[str, str]  # letter or digraph -> Cyrillic letter
    after_vowel: Mapping[str, str]  # a letter's reading after a vowel (ı -> й)
    front: Mapping[str, str] = field(default_factory=dict)  # vowels in a front word (ا -> ә)
    front_marks: frozenset[str] = frozenset()  # letters that make a word front (ٴ, ك)
    invariant_endings: tuple[str, ...] = ()  # endings whose letters mark nothing (-мен)


def load_alphabets(path: Path) -> tuple[Alphabet, ...]:
    """The alphabets of ``kk.alphabets.yml``; none for a missing file."""
    if not path.is_file():
        return ()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple(
        Alphabet(
            name=str(a["name"]),
            marks=frozenset(str(m).lower() for m in a.get("marks") or ()),
            letters={str(k).lower(): str(v).lower() for k, v in (a.get("letters") or {}).items()},
            after_vowel={
                str(k).lower(): str(v).lower() for k, v in (a.get("after_vowel") or {}).items()
            },
            front={str(k): str(v) for k, v in (a.get("front") or {}).items()},
            front_marks=frozenset(str(m) for m in a.get("front_marks") or ()),
            invariant_endings=tuple(str(e) for e in a.get("invariant_endings") or ()),
        )
        for a in data.get("alphabets") or ()
    )


def text_alphabet(text: str, alphabets: tuple[Alphabet, ...]) -> Alphabet | None:
    """The alphabet a Kazakh text is written in: most of its letters not Cyrillic, and the
    alphabet whose own letters it uses most (at least ``ALPHABET_MARKS_MIN`` times);
    ``None`` for a text in Cyrillic or with no alphabet's marks."""
    letters = sum(1 for c in text if c.isalpha())
    if len(_CYRILLIC.findall(text)) >= CYRILLIC_SHARE * letters:
        return None  # (Cyrillic: the letters of the other alphabets are the rest)
    lower = text.lower()
    counts = [(sum(lower.count(m) for m in a.marks), a) for a in alphabets]
    best = max(counts, key=lambda c: c[0], default=(0, None))
    return best[1] if best[0] >= ALPHABET_MARKS_MIN else None


def _front_word(word: str, alphabet: Alphabet) -> bool:
    """Does the word take front vowels: a front mark outside an ending of no harmony?"""
    stem = next(
        (word[: -len(e)] for e in alphabet.invariant_endings if word.endswith(e) and word != e),
        word,
    )
    return any(m in stem for m in alphabet.front_marks)


def to_cyrillic(word: str, alphabet: Alphabet) -> str:
    """A Kazakh word in another alphabet, in Cyrillic letters, lower case ("munaıy" ->
    "мұнайы", "Kaspıı" -> "каспий", "shabýyl" -> "шабуыл" in the alphabet of 2018):
    digraphs first. A word with Cyrillic letters stays as it is."""
    if _CYRILLIC.search(word):
        return word
    table, lower, out, i = alphabet.letters, word.lower(), [], 0
    if alphabet.front and _front_word(word, alphabet):
        table = {**table, **alphabet.front}
    while i < len(lower):
        pair = lower[i : i + 2]
        if pair == "ts" and lower[i + 2 : i + 3] == "h":
            pair = "t"  # (уақытша: "ýaqytsha" is т + ш, not ц + х)
        if len(pair) == 2 and pair in table:
            out.append(table[pair])
            i += 2
            continue
        char = lower[i]
        if char in alphabet.after_vowel and out and out[-1][-1:] in VOWELS:
            out.append(alphabet.after_vowel[char])
        else:
            out.append(table.get(char, char))
        i += 1
    return "".join(out)


_OTHER_WORD = re.compile(r"[a-záäçǵğǧıńñŋóöşúüūý\u0621-\u06ff]+", re.IGNORECASE)


def text_to_cyrillic(text: str, alphabet: Alphabet) -> str:
    """A text in another alphabet in Cyrillic letters, each word keeping its capitals
    ("Qasym-Jomart Toqaev" -> "Қасым-Жомарт Тоқаев", "KQK" -> "КҚК")."""

    def one(m: re.Match[str]) -> str:
        word = m.group()
        cyr = to_cyrillic(word, alphabet)
        if word.isupper() and len(word) > 1:
            return cyr.upper()
        return cyr[:1].upper() + cyr[1:] if word[:1].isupper() else cyr

    return _OTHER_WORD.sub(one, text)


def _elided_word(word: str, elided: Mapping[str, str]) -> str | None:
    """The dictionary word of a form whose stem lost its last vowel: ``орнынан`` -> ``орын``."""
    for i in range(len(word) - 1, 2, -1):
        full = elided.get(word[:i])
        if full is not None and word[i] in VOWELS and _is_inflection(word[i:]):
            return full
    return None


def _is_inflection(tail: str) -> bool:
    """True if ``tail`` is nothing but suffixes (the ``-ның`` of ``ҰҚШҰ-ның``)."""
    rest = tail
    for layer in _LAYERS:
        for suffix, _ in layer:
            if rest.endswith(suffix):
                rest = rest[: -len(suffix)]
                break
    return tail != "" and rest == ""


def stem(
    word: str, keep: frozenset[str] = frozenset(), elided: Mapping[str, str] | None = None
) -> str:
    """Return the lower-case stem of a Kazakh word form (see the module docstring).

    ``keep`` holds lower-case words that end like a suffix but must stay whole
    (``қарағанды``, ``қызылорда``); the project list is ``config/languages/kk.keep.txt``.
    ``elided`` maps the short stems of words that drop their last vowel before a suffix to
    the words (:func:`load_elided`, ``kk.elision.txt``: ``орнына`` -> ``орын``).

    >>> stem("Қазақстанның"), stem("мұнайды"), stem("елдердің")
    ('қазақстан', 'мұнай', 'ел')
    """
    current = word.lower().replace("ё", "е")
    if "-" in current:  # inflection sits on the last part only
        head, _, tail = current.rpartition("-")
        if not tail:
            return current
        if _is_inflection(tail):  # ҰҚШҰ-ның, КҚК-ға: an acronym with its ending
            return head
        return f"{head}-{stem(tail, keep, elided)}"  # сауда-экономикалық
    if current in keep:
        return current
    if elided:
        if current in elided.values():
            return current  # кенорын is no кенор + -ын
        full = _elided_word(current, elided)
        if full is not None:
            return full  # орнынан -> орын
    for suffix, _ in _CASE:  # a listed word with one case ending: жалақыны, Қарағандыда
        if current.endswith(suffix) and current[: -len(suffix)] in keep:
            return current[: -len(suffix)]
    vowel_suffix = False
    original_length = len(current)
    case = ""
    for layer in _LAYERS:
        if current in keep or current.endswith(_NEVER_SPLIT_ENDINGS):
            break
        allow_poss3 = not case or case in _AFTER_POSS3_CASES
        current, removed = _strip_layer(current, layer, original_length, allow_poss3)
        if layer is _CASE:
            case = removed
        if removed:
            vowel_suffix = removed[0] in VOWELS
    if vowel_suffix:
        current = _restore_final_consonant(current)
    return current
