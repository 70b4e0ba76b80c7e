"""Stopword lists: YAKE's own list for the language plus the project's word lists.

``load_stopwords(language, language_dir)`` is the union of

* YAKE's list (``yake/core/StopwordsList/stopwords_<code>.txt``: ru, uk, en, ...; YAKE has
  none for kk and would silently use an empty list),
* ``<language_dir>/<code>.stopwords.txt`` (for kk the credited advertools list; for the
  others project additions: reporting verbs, month names, page debris), and
* the abbreviations of ``<language_dir>/<code>.abbreviations.yml`` (``г``, ``млн``, ``прим``).

An entry ``*ып`` in a list file means "no word ending in ``ып`` is a keyword" (Kazakh verb
forms); it stays in the set with its ``*`` (see ``keywords.py``). Entries are lower case;
each is present both as written and with ``ё`` folded to ``е`` and apostrophes spelt
``'``, so a word can be checked in its surface form or as a lemma.
"""

from __future__ import annotations

import functools
from pathlib import Path

from generator.nlp.sentences import load_splitter
from generator.nlp.tokens import normalize_apostrophes


def yake_stopwords_path(language: str) -> Path | None:
    """YAKE's stopword file for ``language``, or None when YAKE ships none."""
    import yake.core

    path = Path(yake.core.__file__).parent / "StopwordsList" / f"stopwords_{language[:2]}.txt"
    return path if path.is_file() else None


def read_word_list(path: Path) -> set[str]:
    """Words of a list file: one a line, ``#`` comments, BOM tolerated, lower-cased."""
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        word = line.split("#", 1)[0].strip().lower()
        if word:
            out.add(word)
    return out


def _variants(words: set[str]) -> frozenset[str]:
    out = set(words)
    out.update(normalize_apostrophes(w.replace("ё", "е")) for w in words)
    return frozenset(out)


@functools.cache
def _load(language: str, language_dir: Path) -> frozenset[str]:
    words: set[str] = set()
    yake_path = yake_stopwords_path(language)
    if yake_path is not None:
        words |= read_word_list(yake_path)
    ours = language_dir / f"{language}.stopwords.txt"
    if ours.is_file():
        words |= read_word_list(ours)
    splitter = load_splitter(language, language_dir)
    words |= splitter.abbreviations | splitter.may_end_sentence
    return _variants(words)


def load_stopwords(language: str, language_dir: Path) -> frozenset[str]:
    """YAKE's stopwords for ``language`` plus ours (see the module docstring)."""
    return _load(language, language_dir)
