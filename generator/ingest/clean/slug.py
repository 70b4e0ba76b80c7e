"""The URL's slug: its words as consonant skeletons, and the lines that say them."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from generator.ingest.clean.rules import CleanRules
from generator.ingest.clean.text import ends_sentence, word_count
from generator.ingest.clean.timestamps import is_timestamp

# a page's view named after its address ("…/slug/amp", "…/slug/print"), never its slug
_VIEW_SEGMENTS = frozenset({"amp", "print"})
SECTION_WORDS = 2  # a URL path segment of this many words before the article's id: a rubric
SLUG_AGREEMENT = 2 / 3  # a line and the URL's slug that cover this share of each other's words
SLUG_RUN_MIN_WORDS = 4  # a headline found inside a longer line by the slug has 4+ words
SLUG_REST_MIN_WORDS = 8  # ... and what follows it in the line: a sentence, not its tail

# Latin letters for Cyrillic ones, to compare a line with a URL's slug: one letter each, as
# most slugs' schemes agree on the consonants ("Демарш с камнем" ~ "demarsh_s_kamnem").
_SLUG_LETTERS = str.maketrans(
    dict(
        zip(
            "абвгдежзийклмнопрстуфхцчшщъыьэюяёіїєґәғқңөұүһ",
            "abvgdezziiklmnoprstufhccss i euaeiiegagknouuh",
            strict=True,
        )
    )
)
_SLUG_PAIRS = (
    ("shch", "s"),
    ("shh", "s"),
    ("sch", "s"),
    ("sh", "s"),
    ("ch", "c"),
    ("zh", "z"),
    ("kh", "h"),
)
_SLUG_PAIRS += (("ts", "c"), ("tc", "c"), ("gh", "g"), ("x", "ks"), ("q", "k"), ("w", "v"))


def _consonant_letters(latin: str) -> str:
    """The consonants of a word in Latin letters, the slugs' two-letter spellings folded."""
    for a, b in _SLUG_PAIRS:
        latin = latin.replace(a, b)
    return re.sub(r"[aeiouyj]", "", latin)


def _skeleton(word: str) -> str:
    """A word's first three consonants in Latin letters, alike however a slug spells it."""
    return _consonant_letters(word.casefold().translate(_SLUG_LETTERS).replace(" ", ""))[:3]


def latin_letters(text: str) -> str:
    """A text in Latin letters, one for each Cyrillic letter ("Бізнес" -> "biznes")."""
    return text.casefold().translate(_SLUG_LETTERS)


def consonants(text: str) -> str:
    """A name's consonants in Latin letters, alike however it is spelt or transliterated
    ("Русские Вести" and "russkievesti" -> "rsskvst")."""
    return _consonant_letters(re.sub(r"[^a-z]", "", text.casefold().translate(_SLUG_LETTERS)))


def slug_words(url: str | None) -> frozenset[str]:
    """The skeletons of the words (4+ letters) of a URL's slug: the path segment with the
    most words ("…/demarsh_s_kamnem" -> {"dmr", "kmn"}); empty for a numeric path."""
    if not url:
        return frozenset()
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return frozenset()
    words = [
        w
        for w in re.split(r"[-_+\s,.;:!?«»'\"]+", _slug_segment(path))
        if re.fullmatch(r"[^\W\d_]{4,}", w)
    ]
    return frozenset(_skeleton(w) for w in words) if len(words) >= 2 else frozenset()


def _slug_segment(path: str) -> str:
    """The path segment that is the page's slug: the one with the most words, unless it is
    a section's name of one or two words before the article's number ("/novosti-kazakhstana/
    54204/" names the rubric, not the report; "/demarsh_s_kamnem" at the end is a slug)."""
    segments = [seg.rsplit(".", 1)[0] if "." in seg[-6:] else seg for seg in path.split("/")]
    segments = [seg for seg in segments if seg]
    while segments and segments[-1].casefold() in _VIEW_SEGMENTS:
        segments.pop()  # "/pod-nebesnoj-zashhitoj/amp": the page's view, after its slug
    # (of segments with as many words, the last when it is words alone: "/petroleum-economist/
    # …/trouble-on-the-steppe"; not "/content-view/astana-calling-427-3887", an issue's name)
    order = reversed(segments) if segments and not re.search(r"\d", segments[-1]) else segments
    best = max(order, key=lambda seg: len(re.findall(r"[^\W\d_]{4,}", seg)), default="")
    if best and best != segments[-1] and len(re.findall(r"[^\W\d_]{4,}", best)) < SECTION_WORDS + 1:
        return ""
    return best


def _slug_tokens(url: str | None) -> list[str]:
    """The words of a URL's slug in order (the path segment with the most words)."""
    if not url:
        return []
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return []
    return [w for w in re.split(r"[-_+\s]", _slug_segment(path)) if w]


def slug_in_line(line: str, url: str | None, rules: CleanRules) -> tuple[str, str] | None:
    """(headline, rest) when the URL's slug, word for word, is a run inside a longer line
    that glues the page's header together ("Сегодня 17:19 Погрузку нефти остановили … и
    требует ответа В Казахстане предложили … 0 0 0 Фото: …" at
    …/pogruzku-nefti-ostanovili-…-i-trebuet-otveta/): the run is the headline, what
    follows it the rest of the paragraph. Only at the line's start or after a stamp: the
    slug's words inside a sentence are a lead retelling the headline."""
    every = _slug_tokens(url)
    slug = [_skeleton(w) for w in every if re.fullmatch(r"[^\W\d_]{4,}", w)]
    if len(slug) < SLUG_RUN_MIN_WORDS:
        return None
    # (a slug splits "из-за" too; and an exclamation glued to the lead's first word ends a
    # token: "… Москві!Сьогодні, 8 лютого …")
    tokens = list(re.finditer(r"[^\s\-–—!?]+[!?]*|[!?]+", line))
    keys = []
    for tok in tokens:
        letters = re.sub(r"[\W\d_]", "", tok.group())
        keys.append(_skeleton(letters) if len(letters) >= 4 else None)
    for start, key in enumerate(keys):
        if key != slug[0]:
            continue
        matched, end, j = 1, start, start + 1
        while j < len(tokens) and matched < len(slug):
            if keys[j] is None:
                j += 1
            elif keys[j] == slug[matched]:
                matched, end, j = matched + 1, j, j + 1
            else:
                break
        if matched < len(slug):
            continue
        rest = line[tokens[end].end() :].strip()
        if word_count(rest) < SLUG_RUN_MIN_WORDS:
            return None  # the line is the headline itself, or little more
        if rest[:1].islower():  # the sentence goes on: a slug cut short ("…-i-ego-kollega-iz-u"
            return None  # over "… и его коллега из Узбекистана обсудили …") says a lead
        tail = every[-1]  # ... and so does one cut inside a name ("…-igor-ar" over
        if len(tail) < 4 and _skeleton(rest.split()[0]).startswith(_skeleton(tail)):
            return None  # "Игорь Артамонов выступил …")
        if word_count(rest) < SLUG_REST_MIN_WORDS and not ends_sentence(rest):
            return None  # ... or the headline goes on ("… Сквера Прихода" / "Иверской Иконы …")
        first = start  # the slug's short opening words ("v-kazakhstane-…": "В Казахстане")
        while first > 0 and keys[first - 1] is None and tokens[first - 1].group().isalpha():
            first -= 1
            if start - first >= 2:
                break
        short = not re.fullmatch(r"[^\W\d_]{4,}", every[0])
        first = first if short else start
        before = line[: tokens[first].start()].strip()
        if before and not (is_timestamp(before, rules) or not re.search(r"[^\W\d_]", before)):
            return None  # the slug's words inside a sentence: a lead retelling the headline
        if not tokens[first].group()[:1].isupper():
            return None
        return line[tokens[first].start() : tokens[end].end()].strip(" :-–—"), rest
    return None


def slug_words_in(line: str, slug: frozenset[str]) -> bool:
    """Does the line have a word (4+ letters) of the URL's slug?"""
    return any(_skeleton(w) in slug for w in re.findall(r"[^\W\d_]{4,}", line))


def says_slug(line: str, slug: frozenset[str]) -> bool:
    """Does the line say what the URL's slug says: two words at least in common, each
    covering ``SLUG_AGREEMENT`` of the other's words? (A headline over its standfirst:
    "Демарш с камнем" at forbes.kz/…/demarsh_s_kamnem.)"""
    if len(slug) < 2 or len(line.split()) < 2 or "/" in line:
        return False  # (not the address or the slug itself, said on the page)
    words = slug_skeletons(line)
    common = len(words & slug)
    # the slug spells short words long ("ще" -> "shhe", "ПЦУ" -> "ptsu"): they count for it
    short = {_skeleton(w) for w in re.findall(r"(?<![^\W\d_])[^\W\d_]{2,3}(?![^\W\d_])", line)}
    said = len((words | short) & slug)
    if said >= 2 and said == len(slug) and words <= slug:
        return True  # the slug said whole, a short word in it ("Всё под контролем?" at
        # …/vsyo-pod-kontrolem.html, "vsyo" spelt long)
    return (
        common >= 2 and common >= SLUG_AGREEMENT * len(words) and said >= SLUG_AGREEMENT * len(slug)
    )


def holds_slug(line: str, slug: frozenset[str]) -> bool:
    """Does the line hold every word of a slug of three or more words? (The slug shortens
    the headline: "Air Astana Resumes Flights Following Political Unrest" at
    …/air-astana-resumes-flights/, not a crosshead below, "Air Astana to resume operations".)"""
    if len(slug) < 3 or "/" in line:
        return False
    return slug <= slug_skeletons(line)


def slug_skeletons(line: str) -> set[str]:
    """The skeletons of a line's words of four letters or more, as a slug's are compared."""
    return {_skeleton(w) for w in re.findall(r"[^\W\d_]{4,}", line)}
