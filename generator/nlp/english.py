"""English word classes from a dictionary (lemminflect's lemma tables, shipped in the wheel).

English has no morphology to tell a verb from a noun, and the keyword stage has no tagger:
what a word *can* be is the safe question. A word that the dictionary knows only as a verb
or an adverb (``respond``, ``caught``, ``exporting``, ``promptly``, ``successfully``) is
never the head or a modifier of a keyword noun phrase.
"""

from __future__ import annotations

import functools

_NOT_NOMINAL = frozenset({"VERB", "AUX", "ADV"})


@functools.lru_cache(maxsize=50_000)
def _all_lemmas(lower: str) -> dict[str, tuple[str, ...]]:
    """The dictionary's lemmas of a lower-case word by universal POS tag (empty: unknown).
    lemminflect (and numpy under it) is imported on first use: a worker that never meets
    an English text does not pay for it."""
    from lemminflect import getAllLemmas

    return dict(getAllLemmas(lower))


def word_classes(lower: str) -> frozenset[str]:
    """The universal POS tags the dictionary gives a lower-case word (empty: unknown)."""
    return frozenset(_all_lemmas(lower))


def noun_lemmas(lower: str) -> tuple[str, ...]:
    """The lemmas the dictionary gives a lower-case word read as a noun (empty: none)."""
    return tuple(_all_lemmas(lower).get("NOUN", ()))


def inflected_verb(lower: str) -> bool:
    """True for a verb's inflected form whose only other reading is a noun of the same
    spelling (``felt``, ``rose``, ``spoke``, ``fell``): alone and in lower case, the verb.
    Not ``-ing`` or ``-s`` forms (``building``, ``attacks``), which are nouns as often."""
    if lower.endswith(("ing", "s")):
        return False
    lemmas = _all_lemmas(lower)
    verbs = lemmas.get("VERB", ())
    return bool(verbs) and lower not in verbs and set(lemmas.get("NOUN", ())) <= {lower}


def adverb_only(lower: str) -> bool:
    """True when the dictionary knows the word only as an adverb (``successfully``)."""
    return word_classes(lower) == frozenset({"ADV"})


def never_a_noun(lower: str) -> bool:
    """True when the dictionary knows the word, and not as a noun (``entire``, ``related``):
    alone, such a word is no keyword."""
    classes = word_classes(lower)
    return bool(classes) and not classes & {"NOUN", "PROPN"}


def verb_or_adverb_only(lower: str) -> bool:
    """True when the dictionary knows the word, and only as a verb or an adverb."""
    classes = word_classes(lower)
    return bool(classes) and classes <= _NOT_NOMINAL
