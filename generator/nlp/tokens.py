"""Word tokens for ru, uk, kk and en text.

A word is a run of letters/digits that may contain inner hyphens (``Касым-Жомарт``,
``Алма-Ата``) and inner apostrophes (Ukrainian ``З'являються``, also written with ``’`` or
``ʼ``). Numbers are tokens too (``2025``, ``1,5``, ``10:30``); callers filter them.
Punctuation is dropped. Text is NFC-normalised and soft hyphens are removed first.
"""

from __future__ import annotations

import functools
import re
import unicodedata

APOSTROPHES = "'’ʼ`"  # ASCII, right single quotation mark, modifier letter apostrophe, grave
HYPHENS = "-‐‑"  # hyphen-minus, hyphen, non-breaking hyphen

_LETTERS = r"[^\W\d_]"
_ALNUM = r"[^\W_]"
_WORD_RE = re.compile(
    rf"\d+(?:[.,:]\d+)*(?:[{HYPHENS}]{_ALNUM}+)*"  # numbers, 2022-го, 10:30, 1,5
    rf"|{_ALNUM}+(?:(?:[{HYPHENS}]|[{APOSTROPHES}](?={_LETTERS})){_ALNUM}+)*"
)
_APOSTROPHE_RE = re.compile(f"[{APOSTROPHES}]")
_CACHE_SIZE = 4096  # texts whose tokens are remembered
_CACHE_MAX_CHARS = 2000  # ... if no longer than this (sentences, titles, phrases)


def normalize_text(text: str) -> str:
    """NFC-normalise ``text`` and drop soft hyphens and zero-width characters."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` for each word of ``normalize_text(text)`` (offsets into it)."""
    return list(_spans(text) if len(text) <= _CACHE_MAX_CHARS else _find_spans(text))


def words(text: str) -> list[str]:
    """Return the word tokens of ``text`` in order (apostrophes and hyphens kept inside)."""
    if len(text) > _CACHE_MAX_CHARS:
        return [token for _, _, token in _find_spans(text)]
    return list(_words(text))


# One article's sentences are tokenised for lemmas, keywords, entities and topics: the
# last few thousand sentence-sized texts are remembered (per process; callers get their
# own list).
@functools.lru_cache(maxsize=_CACHE_SIZE)
def _spans(text: str) -> tuple[tuple[int, int, str], ...]:
    return _find_spans(text)


def _find_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    out = []
    for match in _WORD_RE.finditer(normalize_text(text)):
        token = match.group()
        stripped = token.strip(APOSTROPHES)  # ʼ is a Unicode letter: trim it at the edges
        if stripped:
            start = match.start() + (len(token) - len(token.lstrip(APOSTROPHES)))
            out.append((start, start + len(stripped), stripped))
    return tuple(out)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _words(text: str) -> tuple[str, ...]:
    return tuple(token for _, _, token in _spans(text))


def normalize_apostrophes(word: str) -> str:
    """Spell every apostrophe variant as ASCII ``'`` (how the pymorphy3 uk dictionary has it)."""
    return _APOSTROPHE_RE.sub("'", word)


def is_number(token: str) -> bool:
    """True for tokens that start with a digit (``2025``, ``10:30``, ``5-го``)."""
    return bool(token) and token[0].isdigit()
