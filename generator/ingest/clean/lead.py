"""A title made from the lead when a page has no headline: ``lead_title`` and the lead's
first sentence."""

from __future__ import annotations

import re

from generator.ingest.clean.datelines import PLACE_COUNTRY_DAY, agency_dateline, lead_credit
from generator.ingest.clean.dates import find_dates
from generator.ingest.clean.rules import CleanRules
from generator.ingest.clean.text import DATELINE_PLACE, UPPER, word_count

LEAD_TITLE_WORDS = 18  # a title made from the lead: its first sentence up to this length,
LEAD_TITLE_MIN_CLAUSE = 6  # else cut after a clause of at least this many words,
LEAD_TITLE_CUT = 12  # else after this many words
LEAD_LINE_WORDS = 12  # a line of two sentences this short is a title as a whole

# the page's stamp opening the lead ("02.01.2024 Заводський районний суд …", "13.11.2025.
# Впервые в области …", its year in two figures before a full stop: "16.02.16. Полюс …")
LEAD_STAMP = re.compile(
    rf"^(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d|\d\d(?=\.\s))\.?\s+"
    # its clock after a bullet, maybe glued to the lead ("04.11.2020 • 07:098-9 октября …")
    r"(?:[•·|]\s*[0-2]?\d:[0-5]\d\s*)?"
    rf"(?=[{UPPER}]|\d{{1,2}}[\s-])"
)
# A list item's bullet (an emoji lost as "?" on the way) before the lead's first words
_LOST_BULLET = re.compile(r"^[?•·▪►◦*]+\s+(?=\w)")

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[" + UPPER + r"«\"„])")
_CAPS_PLACE = re.compile(r"[" + UPPER + r"][" + UPPER + r"\-]{2,}")  # "АСТРАХАНЬ"
_INITIAL = re.compile(r"(?:^|[\s.])[" + UPPER + r"]\.$")  # "М.Т.", "В." before a name


def _abbreviation(word: str, abbreviations: frozenset[str]) -> bool:
    """Is ``word`` ("им.", "вул.", "Gen.") a known abbreviation with its period? Not a word
    in capitals ("FT."): a name's letters, not "ft." for feet."""
    bare = word.strip('«"„(').rstrip(".")
    if not word.endswith(".") or not bare or (len(bare) > 1 and bare.isupper()):
        return False
    return bare.casefold() in abbreviations


def _first_sentence(text: str, abbreviations: frozenset[str] = frozenset()) -> str:
    """The text up to its first sentence end; an initial's period is none ("Лаумулин М.Т.
    Ситуация в сфере …" is one line's title, "В. Путин заявил …" one sentence), nor an
    abbreviation's ("… в художественном музее им. И.К.Айвазовского …"), nor a period
    inside brackets ("… филармонии (г. Мурманск, …) …"). A place in capitals alone before
    the first full stop is a dateline: the sentence after it ("АСТРАХАНЬ. Губернатор …")."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start : m.start()]
        if _INITIAL.search(before) or before.count("(") > before.count(")"):
            continue
        if _abbreviation(before.rsplit(None, 1)[-1] if before.strip() else "", abbreviations):
            continue
        if _CAPS_PLACE.fullmatch(before.strip(" .")) and start == 0:
            start = m.end()  # "АСТРАХАНЬ." opens the lead: a dateline
            continue
        return before
    return text[start:]


# a dateline's place and dash alone opening the lead, no date ("Bangkok – Russian President
# Vladimir Putin has not yet confirmed …"): one to three capitalised words, a spaced dash (or
# a place in capitals and a hyphen, a stray stop after it: "CALGARY -. Thousands of …")
_PLACE_DASH_OPENING = re.compile(
    rf"^(?:(?-i:{DATELINE_PLACE})\s+[–—]|(?-i:[{UPPER}]{{3,}}(?:\s[{UPPER}]{{3,}})?)\s+-\.?)\s+(?=[{UPPER}])"
)


def lead_title(text: str, rules: CleanRules | None = None) -> str:
    """A short title made from a lead paragraph: its first sentence (without a dateline),
    cut at a clause boundary or after ``LEAD_TITLE_WORDS`` words ("…" marks a cut)."""
    if rules is not None and (dateline := agency_dateline(text, rules) or lead_credit(text, rules)):
        text = text[dateline.end() :]
    if m := PLACE_COUNTRY_DAY.match(text):  # "Belek, TURKMENISTAN Dec 23 Turkmenistan on …"
        text = text[m.end(1) :].lstrip(" ,")
    text = LEAD_STAMP.sub("", text, count=1)
    text = _PLACE_DASH_OPENING.sub("", text, count=1)  # "Bangkok – Russian President …"
    known = rules.abbreviations if rules is not None else frozenset()
    text = _LOST_BULLET.sub("", text.strip(), count=1)  # "? гривня продовжує зміцнення;"
    if (
        rules is not None
        and (hello := opening_salutation(text, rules))
        and text[hello.end() :].strip()
    ):
        text = text[hello.end() :].lstrip(' "')  # '"Дорогие горожане! Эпидемиологическая …'
    first = _first_sentence(text, known).strip()
    if rules is not None and (by := _glued_byline(first, rules)):
        return first[:by].rstrip(" ,|–—-")  # "… strike over pay By Poppy Watson and Jake
        # Keith August 10 2022, 12.43pm Updated: …": the headline, its byline glued on
    line = text.strip()
    if "\n" not in line and word_count(line) <= LEAD_LINE_WORDS and first != line.rstrip("."):
        rest = _first_sentence(line[len(first) :].lstrip(" .!?…"), known).strip(" .!?…")
        if rest and line.rstrip(" .!?…").endswith(rest):  # a short line of two sentences
            return line  # over the text: its headline, both of them ("Черный июль все
            # ближе. Монополистам все лучше.", "… ради. Частина І")
    if not _abbreviation(first.rsplit(None, 1)[-1] if first else "", known):  # "… 2014 г."
        first = first.rstrip(".").strip()
    words = first.split()
    if len(words) <= LEAD_TITLE_WORDS:
        if first.endswith(":"):  # a sentence introducing a quote or list: it goes on
            return first.rstrip(":").rstrip() + " …"
        return first
    cut = None
    for n in range(LEAD_TITLE_WORDS, LEAD_TITLE_MIN_CLAUSE - 1, -1):
        if words[n - 1].endswith((",", ";", ":")) and "(" not in " ".join(words[:n]):
            cut = n
            break
    if cut is not None:
        return " ".join(words[:cut]).rstrip(",;:") + " …"
    return " ".join(words[:LEAD_TITLE_CUT]).rstrip(",;:") + " …"


GLUED_HEADLINE_WORDS = 4  # a headline before a byline glued on: this long at least


def _glued_byline(first: str, rules: CleanRules) -> int | None:
    """Where a byline glued after a headline starts, a dated stamp right after it, the page's
    header run into one line ("Dundee and Angus bin workers announce week-long strike over
    pay By Poppy Watson and Jake Keith August 10 2022, 12.43pm …"): the packs' bylines."""
    dated = [at for at, year, _m, _d in find_dates(first, rules, latin=True) if year]
    if not dated:
        return None
    head = first[: dated[0]].rstrip(" ,|–—-")
    for m in re.finditer(r"\s(?=\w)", head):
        if word_count(head[: m.start()]) < GLUED_HEADLINE_WORDS:
            continue
        tail = head[m.end() :]
        if tail[:1].isupper() and any(
            rx.fullmatch(tail) and "author" in rx.groupindex for rx in rules.bylines
        ):
            return m.start()
    return None


def opening_salutation(line: str, rules: CleanRules) -> re.Match[str] | None:
    """A letter's or notice's salutation opening the line ("Уважаемые читатели!", "Друзья и
    коллеги!", "Dear citizens!"): the start of the text, not a headline."""
    return rules.salutation.match(line) if rules.salutation is not None else None
