"""Safe, unique file-name slugs: lower-case ASCII letters and digits, Cyrillic letters
(Russian, Ukrainian, Kazakh), ``-`` and ``_``. Never a path separator, a dot or an empty name.
"""

from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 80
RESERVED = frozenset({"index", "tags", "assets", "search"})
_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґәғқңөұүһ"
_ALLOWED = re.compile(rf"[^a-z0-9_{_CYRILLIC}]+")


def slugify(text: str, fallback: str = "item") -> str:
    """A safe slug for ``text`` (not guaranteed unique: see ``SlugRegistry``)."""
    norm = _keep_cyrillic(unicodedata.normalize("NFC", text).casefold())
    slug = _ALLOWED.sub("-", norm).strip("-_")
    slug = re.sub(r"-{2,}", "-", slug)[:MAX_LENGTH].strip("-_")
    if not slug:
        slug = fallback
    if slug in RESERVED:
        slug = f"{slug}-page"
    return slug


def _keep_cyrillic(text: str) -> str:
    """Strip Latin accents but keep Cyrillic letters with diacritics (й, ё, ї) intact."""
    out = []
    for ch in text:
        if ch in _CYRILLIC:
            out.append(ch)
            continue
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        out.append(base)
    return "".join(out)


class SlugRegistry:
    """Hands out unique slugs: the same key always gets the same slug; clashes get -2, -3..."""

    def __init__(self) -> None:
        self._by_key: dict[str, str] = {}
        self._taken: set[str] = set()

    def slug(self, key: str, fallback: str = "item") -> str:
        if key in self._by_key:
            return self._by_key[key]
        base = slugify(key, fallback)
        slug, n = base, 1
        while slug in self._taken:
            n += 1
            slug = f"{base[: MAX_LENGTH - 6]}-{n}"
        self._taken.add(slug)
        self._by_key[key] = slug
        return slug
