"""Text helpers every rule uses: normalising a page's text, look-alike letters folded,
the letter classes, comparison keys, word counts and sentence ends."""

from __future__ import annotations

import html
import re
import unicodedata

LINK_BAR_ITEMS = 4  # a bar of this many links or more, apart by spaces, bars or bullets ...
LINK_BAR_ITEM_WORDS = 6  # ... each this short
LONG_BAR_ITEMS = 10  # a site's whole menu on one line: this many items, of which ...
LONG_BAR_DIGIT_SHARE = 0.2  # ... this share may hold a figure ("Казахстан-2050")
SENTENCE_END = ".!?…"
CYR_LOWER = "а-яёіїєґәғқңөұүһ"
CYR_UPPER = "А-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ"
UPPER = "A-Z" + CYR_UPPER + "Ў"
# a dateline's place: one to three capitalised words, a comma maybe before the last ("Bangkok",
# "Erbil, Kurdistan")
DATELINE_PLACE = rf"[{UPPER}][\w.’'-]+(?:,?\s[{UPPER}][\w.’'-]+){{0,2}}"
HASHTAG = r"#[^\W\d_][\w-]*"  # a hashtag ("#Сарапул"), as a pattern
_LETTER = r"[^\W\d_]"
_SPACED_ITEMS = re.compile(r" {3,}")  # a link bar's items apart by runs of spaces ...
_LANG_MARKER = re.compile(r"\[:[a-z]{0,3}\]")  # WordPress qTranslate "[:ru]"
# zero-width characters, and a variation selector (U+FE0E, U+FE0F) left with no emoji to
# modify: at a line's start or after a space or a letter ("<U+FE0F>СНІГОВИЙ УРАГАН …" once
# a scraper dropped the emoji before it)
_ZERO_WIDTH = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad]|(?:^|(?<=[\\s\\w]))[\ufe0e\ufe0f]", re.MULTILINE
)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Latin letters and the Cyrillic letters they look like, pair by pair
_LATIN_TWINS, _CYRILLIC_TWINS = "aceopxyiABCEHKMOPTXk", "асеорхуіАВСЕНКМОРТХк"
HOMOGLYPHS = str.maketrans(_LATIN_TWINS, _CYRILLIC_TWINS)
CYR = re.compile(f"[{CYR_LOWER}{CYR_UPPER}]")
_LAT = re.compile(r"[a-zA-Z]")
# Look-alikes from other scripts that scraper sites mix into Cyrillic words to dodge
# copy detection ("Kpacнoдapcькoмy", "знищeнօ" with an Armenian o): folded back to Cyrillic
# when the word then has no Latin letter left (an "iPhone-ом" keeps its iPhone).
_MIXED_WORD = re.compile(r"\w*(?:[а-яёіїєґА-ЯЁІЇЄҐ][a-zA-Zօοα]|[a-zA-Zօοα][а-яёіїєґА-ЯЁІЇЄҐ])\w*")
_LOOKALIKES = str.maketrans(_LATIN_TWINS + "օοα", _CYRILLIC_TWINS + "ооа")
_CYR_RUN = re.compile(r"[а-яёіїєґА-ЯЁІЇЄҐ]{2}")
_TO_LATIN = str.maketrans(_CYRILLIC_TWINS, _LATIN_TWINS)


def comparison_key(text: str) -> str:
    """A comparison key: case-folded, punctuation-free, single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def fold_homoglyphs(line: str) -> str:
    """Latin look-alikes inside Cyrillic words -> Cyrillic ("Підписуйтеcь" with a Latin c)."""
    out = []
    for token in line.split(" "):
        if CYR.search(token) and _LAT.search(token):
            token = token.translate(HOMOGLYPHS)
        out.append(token)
    return " ".join(out)


def _fold_mixed_word(m: re.Match[str]) -> str:
    word = m.group(0)
    folded = word.translate(_LOOKALIKES)
    if not _LAT.search(folded):
        return folded
    # ... or a Latin word with single Cyrillic look-alikes in it ("Fоtо: LETA", "ExxоnMobil",
    # "NCОC"); not two words glued ("altНа площади": an image's "alt" and the lead)
    if _CYR_RUN.search(word):
        return word
    latin = word.translate(_TO_LATIN)
    return word if CYR.search(latin) else latin


def fold_mixed_scripts(text: str) -> str:
    """Cyrillic words written with Latin (or Armenian, Greek) look-alike letters, whole."""
    return _MIXED_WORD.sub(_fold_mixed_word, text)


# Bare tags a scraper left in a text dump ("… спричинивши пожежу<p>Три безпілотники …</p>"):
# a paragraph or line break is a line break, emphasis is dropped. Tags with attributes are
# left as text (an article quoting markup); nothing here is ever rendered as markup.
_STRAY_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6])\s*/?>", re.IGNORECASE)
_STRAY_INLINE_TAG = re.compile(r"</?(?:b|i|em|strong|span|u)>", re.IGNORECASE)

# A date in figures glued to the time after it ("07.05.202509:01", a post's stamp in a
# channel's feed: the date and the time were two elements).
_GLUED_CLOCK = re.compile(
    r"(?<!\d)(\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2})(?=[0-2]?\d:[0-5]\d(?!\d))"
    # ... or the clock first: "02:0603.07.2023"
    r"|(?<![\d:])((?:[01]?\d|2[0-3]):[0-5]\d)(?=\d{2}[./]\d{2}[./](?:19|20)\d{2}(?!\d))"
)


def link_bar(line: str, separator: re.Pattern[str]) -> bool:
    """A bar of links: four items or more between separators, each a few words, no digits
    (not a stamp's fields: "Новости | 12.01.2022 | 14:00 | 5 просмотров"), or a few when
    the bar is a site's whole menu ("… | Январская трагедия | Казахстан-2050 | RSS | …")."""
    items = [x for x in separator.split(line.strip()) if x.strip()]
    figures = sum(bool(re.search(r"\d", x)) for x in items)
    return (
        len(items) >= LINK_BAR_ITEMS
        and (
            not figures
            or (len(items) >= LONG_BAR_ITEMS and figures <= LONG_BAR_DIGIT_SHARE * len(items))
        )
        and all(word_count(x) <= LINK_BAR_ITEM_WORDS for x in items)
    )


TICKER_ITEMS = 5  # a ticker of other stories' headlines on one line: this many at least,
TICKER_ITEM_WORDS = 20  # ... each a headline's length, none a sentence ending in a full stop


def headline_ticker(line: str, separator: re.Pattern[str]) -> bool:
    """A ticker of other stories' headlines run on one line between bars ("Pelbagai acara
    … SK Lingga Baru |  Jangkauan Seni Budaya … |  200 peserta … | …"): a long line, but
    no sentence of the article."""
    items = [x.strip() for x in separator.split(line.strip()) if x.strip(" |•·")]
    return len(items) >= TICKER_ITEMS and all(
        2 <= word_count(x) <= TICKER_ITEM_WORDS and not x.endswith(".") for x in items
    )


def _bar_line(line: str) -> str:
    """A link bar whose items a scraper left apart by runs of spaces, with bars between
    them ("BusinesshelpUa - Допомога бізнесу   Ivan шукає й тобі помагає !!!   Преса
    України   …"): single spaces would run the items together into a sentence."""
    if "   " not in line or not link_bar(line, _SPACED_ITEMS):
        return line
    return " | ".join(x.strip() for x in _SPACED_ITEMS.split(line.strip()) if x.strip())


def _unglue_clock(m: re.Match[str]) -> str:
    return f"{m.group(1) or m.group(2)} "


def normalise_text(text: str) -> str:
    """NFC, Unix newlines, no zero-width characters, no bare tags left by a scraper, single
    spaces, stripped lines, no look-alike letters inside Cyrillic words."""
    if _ENTITY.search(text):  # crawlers leave "&nbsp;", "&laquo;" in text dumps
        text = html.unescape(text)
    text = fold_mixed_scripts(_ZERO_WIDTH.sub("", unicodedata.normalize("NFC", text)))
    text = _LANG_MARKER.sub("", text)
    text = _STRAY_BLOCK_TAG.sub("\n", _STRAY_INLINE_TAG.sub("", text))
    text = _GLUED_CLOCK.sub(_unglue_clock, text)  # "07.05.202509:01": a feed's stamp
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\f", "\n").replace("\v", "\n")
    return "\n".join(_SPACES.sub(" ", _bar_line(line)).strip() for line in text.split("\n"))


def word_count(line: str) -> int:
    return len(line.split())


def bare_end(line: str) -> str:
    """The line without the closing quotes, brackets and spaces after its last word."""
    return line.rstrip('»"”’)] ')


def ends_sentence(line: str) -> bool:
    return line.rstrip("»\"”’)]' ").endswith(tuple(SENTENCE_END)) if line else False


# Words a headline never ends with: a line ending in one is text broken by a hard wrap
# ("2023, storm restrictions on transshipment were repeatedly announced at the").
_DANGLING = frozenset(
    {
        # (not "in", "on", "by": a headline may end in a phrasal verb, "troops move in")
        *("the", "an", "of", "at", "to", "and", "with", "from", "or", "into"),
        *("в", "во", "на", "и", "с", "со", "к", "о", "об", "у", "по", "за", "из", "от"),
        *("до", "для", "що", "і", "та", "й", "з", "және"),
    }
)


def dangling(line: str) -> bool:
    """Does the line end in an article, preposition or conjunction (a wrapped line)?"""
    words = line.split()
    return bool(words) and words[-1].casefold() in _DANGLING


def word_stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[^\W\d_]{4,}", text.casefold().replace("ё", "е"))}


def overlap(line: str, body_stems: set[str]) -> float:
    """The share of a line's words (stems) that the article below uses."""
    stems = word_stems(line)
    return len(stems & body_stems) / len(stems) if stems else 0.0


def all_caps(line: str) -> bool:
    """Is every letter of the line a capital (a line set in upper case)?"""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)
