"""Metadata inference: title, date, source, author, language from a cleaned page.

Values the input states (front matter, hints, the HTML page's own title/author) are *given*;
everything else is *inferred* and listed as such. Dates are only inferred when the year is
known: a day and month alone ("10 січня") stay unknown rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from urllib.parse import urlsplit

from generator.ingest.clean import (
    NUMERIC_DATE,
    TIME,
    Cleaned,
    CleanRules,
    Dateline,
    find_dates,
    normalise_name,
    stamped_list,
)
from generator.languages import LanguagePack
from generator.models import LEAD_TITLE
from generator.nlp.language import LanguageDetector
from generator.sources import SourceRegistry, name_from_host, site_host

CONTEXT_PARAGRAPHS = 5  # paragraphs whose dates give a year to a dateline without one
_CYRILLIC = re.compile(r"[а-яёіїєґәғқңөұүһА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ]")
MAX_DATELINE_LAG_DAYS = 31  # a yearless dateline this long after the lead's dates takes their year
UPDATE_AFTER_DAYS = 3  # two stamps in a bar, the second this few days later: published, updated
STAMP_AFTER_DATELINE_DAYS = 3  # a stamp this long after a yearless dateline's day is its posting
MAX_LOOK_AHEAD_DAYS_LEAD = 31  # a lead's date may follow the publication by this
MAX_YEARLESS_BACK_DAYS = 92  # ... or precede it by this, in the year before (near New Year)
LEAD_EVENT_CHARS = 150  # the lead's opening, where a report names the day of its news ...
LEAD_EVENT_MAX_LAG_DAYS = 21  # ... written at most this long after that day
# a date of the page this many days before one reading of a slash date ("06/01/2022" after
# "5 января") settles its order
SETTLING_DAYS = 7
TODAY_LEAD_PARAGRAPHS = 2  # paragraphs where a sentence opening "Today, 10 January" is looked for
TODAY_DATED_PARAGRAPHS = 3  # ... "Today, 26 September 2025" (year given): a page's only date
TODAY_URL_LAG_DAYS = 1  # a URL's date this long after the lead's "today" is the next day's posting
_LONE_YEAR = re.compile(r"\s*(?:19|20)\d{2}\s*")  # a stamp's year on a line of its own
_HEAD_STAMPS = ("above", "below", "after", "top", "late")  # stamp places around the headline
_LEAD_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[A-ZА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ«\"„])")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[-–—|:]|::)\s+")
_SITE_TRAIL = re.compile(r"\s+»\s+(?:[^\s«»]+\s?){1,4}$")  # " » Site Name": four words at most
_QUOTED_RUBRIC = re.compile(r"\s+[-–—|]\s+«[^«»\s]+(?:\s[^«»\s]+){0,2}»$")  # " - «Политика»"
RUBRIC_HEADLINE_WORDS = 5  # ... cut only after a headline this long
TRAIL_HEADLINE_WORDS = 3  # a site's trail (and a "::" rubric) is cut after a headline this long
_URL_DATES = (
    re.compile(r"(?<!\d)(?P<y>20\d{2})[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?=[/_.-]|$)"),
    re.compile(r"/(?P<d>\d{2})/(?P<m>\d{2})/(?P<y>20\d{2})/"),
    re.compile(r"(?<![\d])(?P<y>20\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?:\d{6,}|(?![\d]))"),
    re.compile(r"(?<![\d])(?P<d>[0-3]?\d)-(?P<m>[01]?\d)-(?P<y>20\d{2})(?![\d])"),
    re.compile(r"(?<![\d])(?P<d>[0-3]\d)(?P<m>[01]\d)(?P<y>20[0-4]\d)(?![\d])"),
)
_DAY_FIRST_URL_DATES = frozenset({1, 3, 4})  # the patterns above that write the day first
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-zа-я]{2,}$", re.IGNORECASE)
# A page header's widgets: the weather ("Харків +12°С", "-3.1 C") and exchange rates
# ("• USD 39.6", "USD" / "504.49 KZT", "KZT/USD = 0.00191"); a date next to them is the
# day the page was seen.
_WIDGET = re.compile(
    r"(?<![\w.])(?:[+\-−–]?\d{1,2}(?:[.,]\d)?\s*°\s*[CСF]?|[+\-−–]\d{1,2}(?:[.,]\d)?\s+[CС])(?!\w)"
    r"|(?<!\w)(?:USD|EUR|RUB|KZT|UAH|CNY|GBP)\s*[=:]?\s*\d+(?:[.,]\d+)?(?!\w)"
    r"|(?<![\w.])\d+(?:[.,]\d+)?\s*(?:KZT|RUB|UAH|USD|EUR|₸|₽|₴)(?!\w)"
    r"|^\W*(?:USD|EUR|RUB|KZT|UAH|CNY|GBP)\W*$"
    r"|(?<!\w)[A-Z]{3}/[A-Z]{3}\s*=\s*\d"
)
WIDGET_LINE_WORDS = 4  # a widget line is short: a city and a temperature, a rate
# This many dates above the headline make a list (a paper's issues "№ 31 газет" / "20 сәуір
# 2024 ж." / "№ 30 газет" / "16 сәуір 2024 ж." / …, other stories): no stamp of the page's.
LISTED_DATES = 3
OPENING_STAMP_LINES = 3  # a stamp glued to the text opens one of the first lines ...
OPENING_STAMP_WORDS = 3  # ... after a rubric or byline of this many words at most
# What follows a glued stamp's date: a clock time ("24 Лютого 2022, 13:11Російська …") or
# separators between bits of page furniture ("Jan 11, 2022 • 1 hour ago • < 1 minute
# read"), not between a date and a text ("Jan 6, 2022 • Police in Kazakhstan's largest
# city …": an embedded video's description).
# (a text may be glued right after the minutes: "06.01.2022 | 21:406-го января …")
_CLOCK_TAIL = re.compile(r"[,\s|•·]*(?:[01]?\d|2[0-3]):[0-5]\d")
_SEPARATORS = re.compile(r"\s*[•|·]\s*")
# the text's first word glued to the date: "2016Как сообщили", "2024В среду, 6 ноября"
_GLUED_WORD = re.compile(
    r"[A-ZА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ](?:[a-zа-яёіїєґәғқңөұүһ]|\s[a-zа-яёіїєґәғқңөұүһ]{2})"
)
FURNITURE_WORDS = 4  # words of a bit of furniture between separators ("1 hour ago")


@dataclass(frozen=True)
class Given:
    """Values stated by the input itself (not guessed)."""

    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    author: str | None = None
    language: str | None = None
    original: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Weaker, page-level evidence (e.g. what trafilatura read from an HTML page)."""

    date: dt.date | None = None
    sitename: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Metadata:
    title: str | None
    date: dt.date | None
    source: str | None
    author: str | None
    language: str | None
    inferred: frozenset[str] = frozenset()
    original: str | None = None
    warnings: tuple[str, ...] = field(default=())


def _safe_date(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if year is None or month is None or day is None or not 1900 <= year <= 2200:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_crawl_date(
    marker: str | None,
) -> tuple[dt.date | None, tuple[int, int] | None, str | None]:
    """(full date, (year, month) when only a month is given, warning) of a crawl marker."""
    if not marker:
        return None, None, None
    parts = [int(p) for p in marker.split("-")]
    if len(parts) == 3:
        date = _safe_date(*parts)
        if date is None:
            return None, None, f"impossible crawl date {marker} ignored"
        return date, None, None
    if 1 <= parts[1] <= 12:
        return None, (parts[0], parts[1]), None
    return None, None, f"impossible crawl month {marker} ignored"


_HOST_SEGMENT = re.compile(
    r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:[a-z]{2,6}|xn--[a-z0-9-]+)", re.IGNORECASE
)
_FILE_SUFFIX = re.compile(r"\.(?:php\d?|s?html?|aspx?|jsp|cgi|pdf|jpe?g|png|gif|xml|json)$", re.I)


def _original_path(path: str) -> str:
    """The original page's path inside a web archive's address: the part after the archived
    site's host ("/archive/2008-08-12/maidan.org.ua/static/…" -> "/static/…"; "/web/
    20080812123456/http://site.kz/2022/01/05/…" -> "/2022/01/05/…"). The archive's own
    date is the day the page was saved, not the day it was published."""
    segments = path.split("/")
    for k, seg in enumerate(segments[:-1]):
        if k and _HOST_SEGMENT.fullmatch(seg) and not _FILE_SUFFIX.search(seg):
            return "/" + "/".join(segments[k + 1 :])
    return path


def url_date(url: str | None) -> dt.date | None:
    """The date a page's URL path states: ``/2022/01/06/``, ``/2022-01-06``, ``/09/01/2022/``,
    ``/20220110/``, a ``20220107113851`` time stamp, ``-07-01-2022.html``, ``-29112025-``;
    ``None`` when it states none, or two different days (a CMS's category alias and its
    article's: ``/index.php/2010-12-09-05-48-09/297-2011-04-06-04-45-43``)."""
    reading = _url_date_reading(url)
    return reading[0] if reading else None


def _url_date_reading(url: str | None) -> tuple[dt.date, dt.date | None] | None:
    """(``url_date``, its month-first reading when the address writes it day first and its
    first two numbers can both be a month and differ: ``/09-07-2011/`` is 7 September on a
    site writing dates month first; ``None`` for a year-first or unambiguous date)."""
    if not url:
        return None
    try:
        path = _original_path(urlsplit(url).path)
    except ValueError:
        return None
    days = {m.group(0) for m in _URL_DATES[0].finditer(path)}
    if len({_safe_date(*map(int, re.split(r"[/-]", day))) for day in days} - {None}) > 1:
        return None
    for k, rx in enumerate(_URL_DATES):
        m = rx.search(path)
        if m:
            year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
            found = _safe_date(year, month, day)
            if found:
                doubt = k in _DAY_FIRST_URL_DATES and day <= 12 and day != month
                return found, _safe_date(year, day, month) if doubt else None
    return None


def month_first_possible(cleaned: Cleaned, rules: CleanRules) -> bool:
    """May the page write a slash or dash date month first ("09-12-2013" for 12 September,
    "08/10/2022" for 10 August, under a Russian or Ukrainian text too: a site template's
    ``m-d-Y`` is as common as ``d-m-Y``)? Not when the page settles it day first:

    - another such date of the page has a first number that can only be a day ("Курсы
      валют от 21/08/2025" over "Экономика 01/09/2023") and none a second one;
    - or every such date read day first comes a few days after another date of the page
      (its lead's "Вечером 5 января" under "06/01/2022 - 10:12"; a caption's "5.01.22" and
      "8 января" over "11-01-2022"), read month first near none (1 June, 1 November).
    """
    seen = "\n".join(
        (
            cleaned.title or "",
            *cleaned.header_lines,
            *(line for _where, line in cleaned.stamps),
            *(r.line for r in cleaned.removed),
            cleaned.body,
        )
    )
    firsts, seconds, readings = set(), set(), []
    for m in NUMERIC_DATE.finditer(seen):
        if m.group("sep") in ("/", "-"):
            first, second = int(m.group("day")), int(m.group("month"))
            firsts.add(first > 12)
            seconds.add(second > 12)
            if first <= 12 and second <= 12 and first != second:
                year = int(m.group("year"))
                readings.append((_safe_date(year, second, first), _safe_date(year, first, second)))
    if True in firsts and True not in seconds:
        return False
    if not readings:
        return True
    others = find_dates(seen, rules, latin=True)  # (the ambiguous ones left out)

    def near(reading: dt.date | None) -> bool:
        if reading is None:
            return False
        for _start, year, month, day in others:
            other = _safe_date(year or reading.year, month, day)
            if other is not None and 0 <= (reading - other).days <= SETTLING_DAYS:
                return True
        return False

    return not all(near(day_first) and not near(month_first) for day_first, month_first in readings)


def _context_year(
    cleaned: Cleaned, rules: CleanRules, month: int, day: int, latin: bool = False
) -> int | None:
    """The year of a dateline without one ("НУР-СУЛТАН, 26 янв — Sputnik"): the one year
    the header and first paragraphs give to full dates, when the dateline's day in that year
    is not before any of them (a report recalls the past). A dated event a few days after
    the dateline ("Москва. 12 января ... состоится 13 января 2022 года") does not settle
    it: so does a report written a year later, on the eve of the anniversary. Nor does a
    date more than a month before the dateline's day: background ("возглавлял
    правительство с 11 января 2022 года" under "Астана. 30 марта", a report of 2023). A
    deadline's date ("не позже 1 ноября 2025 года") is a plan's, maybe to come: it tells
    nothing ("МОСКВА, 9 ноя - РИА Новости", a report of 2024 on supplies to start by then)."""
    head = "\n".join(cleaned.body.split("\n\n")[:CONTEXT_PARAGRAPHS]) if cleaned.body else ""
    dates = [
        found
        for line in (*cleaned.header_lines, head)
        for start, year, mon, d in find_dates(line, rules, latin)
        if year and (found := _safe_date(year, mon, d)) and not _deadline(line[:start], rules)
    ]
    years = {d.year for d in dates}
    if len(years) != 1:
        return None
    year = years.pop()
    candidate = _safe_date(year, month, day)
    if candidate is None or any(d > candidate for d in dates):
        return None
    return year if (candidate - max(dates)).days <= MAX_DATELINE_LAG_DAYS else None


def _deadline(before: str, rules: CleanRules) -> bool:
    """Does the text before a date end in a deadline ("не позднее", "until", "до")?"""
    return rules.deadline is not None and rules.deadline.search(before[-40:]) is not None


_DAY_RANGE_START = re.compile(r"\s\d{1,2}\s*[-–—]\s*$")


def _ahead(before: str, rules: CleanRules) -> bool:
    """Does the text before a date put it ahead: a deadline, or a start ("С 1 января 2026
    года посёлок войдет …", "from 1 January")?"""
    tail = _DAY_RANGE_START.sub("", before[-40:])  # "стартует 4-" of "стартует 4-5 марта"
    started = rules.start is not None and rules.start.search(tail) is not None
    return started or _deadline(tail, rules)


def _stamp_items(
    cleaned: Cleaned, rules: CleanRules, latin: bool = False
) -> list[tuple[str, dt.date]]:
    """(place, date) of the full dates of the stamp lines (``Cleaned.stamps``), in order;
    not those of an "Updated" stamp (a revision: dates after its label are skipped), nor
    of a box of the day ("Сегодня 7 января 2022"), nor of the year an "on this day in
    2011" post recalls."""
    text = f"{cleaned.title or ''}\n{cleaned.body[:3000] if cleaned.body else ''}"
    recalled = {int(m.group("year")) for rx in rules.anniversary for m in rx.finditer(text)}
    boxes = (
        {line.strip() for where, line in cleaned.stamps if where in ("above", "top")}
        if _header_widgets(cleaned)
        else set()
    )
    items = []
    for where, line in cleaned.stamps:
        if line.strip() in boxes:
            continue  # "• Сб 20.04.2024" / "Харків +12°С" / "• USD 39.6": the day's box
            # (and the same box printed again further down, by a second header)
        if _WIDGET.search(line):
            continue  # "(04.03.2026) $ 498.09 ₸ € 577.34 ₸ …": the rates (or weather) of
            # the day the page was seen, in one line with their date
        folded = line.casefold()
        first_word = re.findall(r"[^\W\d_]+", folded)[:1]
        if first_word and first_word[0] in rules.today_words:
            continue  # "Сегодня 7 января 2022": a site's box of the day the page was seen
        revised = next(
            (
                m.start()
                for m in re.finditer(r"[^\W\d_]+", folded)
                if m.group() in rules.update_words
            ),
            len(line),
        )
        for start, year, month, day in find_dates(line, rules, latin):
            found = _safe_date(year, month, day)
            if start < revised and found and found.year not in recalled:
                items.append((where, found))
    return items


def _header_widgets(cleaned: Cleaned) -> bool:
    """Does the page open with a header's widgets (the weather, exchange rates), whose
    date stands for the day the page was seen, not for the article ("• Сб 20.04.2024" /
    "Харків +12°С" / "• USD 39.6" over a report of 20.04.2023)?"""
    body = cleaned.body.split("\n")[:OPENING_STAMP_LINES] if cleaned.body else []
    return any(
        _WIDGET.search(line) and len(line.split()) <= WIDGET_LINE_WORDS
        for line in (cleaned.title or "", *cleaned.header_lines, *body)
    )


def _full_date_spans(
    line: str, rules: CleanRules, latin: bool = False
) -> list[tuple[int, int, dt.date]]:
    """(start, end, date) of the full dates (with a year) written in ``line``."""
    ends: dict[int, int] = {}
    for rx in (NUMERIC_DATE, *rules.date_patterns):
        for m in rx.finditer(line):
            ends[m.start()] = max(ends.get(m.start(), 0), m.end())
    spans = []
    for start, year, month, day in find_dates(line, rules, latin):
        found = _safe_date(year, month, day)
        if found and start in ends:
            spans.append((start, ends[start], found))
    return spans


def _glued_stamp_tail(rest: str) -> bool:
    """Does what follows a date make it a stamp: a clock time, separators between short
    bits of page furniture only, or the text's first word glued to it without a space
    ("08.11.2016Как сообщили …": the page's markup lost the line break)?"""
    if _CLOCK_TAIL.match(rest) or _GLUED_WORD.match(rest):
        return True
    if not _SEPARATORS.match(rest):
        return False
    bits = [b for b in _SEPARATORS.split(rest) if b.strip()]
    return all(len(b.split()) <= FURNITURE_WORDS for b in bits)


def _opening_stamp(cleaned: Cleaned, rules: CleanRules, latin: bool = False) -> dt.date | None:
    """The date of a stamp the page glued to its first lines: a full date that opens a line
    (after a rubric or byline of a few words at most) right before a clock time or
    separated bits of furniture ("Jan 11, 2022 • 1 hour ago • < 1 minute read", "24 Лютого 2022,
    13:11Російська Федерація …", "Агро Ринки 19.09.2023 21:46 Казахстан …"). A date in a
    sentence ("5 января 2022 года в 05:00 …") has words before or between: not a stamp.
    Two such dates: none."""
    lines = [line for line in cleaned.body.split("\n") if line.strip()][:OPENING_STAMP_LINES]
    found = set()
    for line in lines:
        if stamped_list(line, rules):
            continue  # a ticker: "6 сентября 2025, 16:00: В августе 1945-го: битва за
            # Сахалин 6 сентября 2025, 15:15: Богатые китайцы ищут …" (other stories' stamps)
        for start, end, date in _full_date_spans(line, rules, latin):
            before = re.findall(r"[^\W\d_]+", line[:start].casefold())
            if (
                len(re.findall(r"\w+", line[:start])) <= OPENING_STAMP_WORDS
                and _glued_stamp_tail(line[end:])
                and not any(w in rules.update_words or w in rules.today_words for w in before)
            ):  # not "Updated 12 January 2022 | 10:15", not "Сегодня 7 января 2022, 14:00"
                found.add(date)
    return found.pop() if len(found) == 1 else None


def _stamp_dates(cleaned: Cleaned, rules: CleanRules, latin: bool = False) -> list[dt.date]:
    """The full dates of the stamps around the headline and the agency headers, in order
    (see ``_stamp_items``)."""
    return [d for where, d in _stamp_items(cleaned, rules, latin) if where in _HEAD_STAMPS]


def _stamp_date(
    cleaned: Cleaned, rules: CleanRules, latin: bool = False
) -> tuple[dt.date | None, bool, str]:
    """(the publication date the stamps give, whether they give conflicting dates, which
    stamp gave it: ``stamp_dateline``, ``stamp``, ``stamp_below``, ``stamp_lead``,
    ``stamp_tail``; "" for none).

    The stamps around the headline first: one date, or else the one date of those right
    below the headline (a page's "today" box stands above it: "Monday June 24, 2024" /
    headline / "February 14, 2022"); a dateline's day and month pick among them. Without
    such stamps, the one date of a stamp after a standfirst, else of one after the text;
    three dates or more above the headline and none below are a list (a paper's issues),
    not stamps. Several dates with no such winner: no date (and ``True``).
    """
    items = _stamp_items(cleaned, rules, latin)
    head = [(w, d) for w, d in items if w in _HEAD_STAMPS]
    dl = cleaned.dateline
    if dl is not None and dl.month and dl.day:  # "АЛМАТЫ, 18 қаңтар – Sputnik" + "18.01.2022"
        for _where, found in head:
            if (found.month, found.day) == (dl.month, dl.day):
                return found, False, "stamp_dateline"
    listed = len({d for _w, d in head}) >= LISTED_DATES and all(w == "above" for w, _d in head)
    if head and not listed:  # (several dates above the headline: a list, no stamp)
        dates = {d for _w, d in head}
        if len(dates) == 1:
            return dates.pop(), False, "stamp"
        below = {d for w, d in head if w == "below"}
        return (below.pop(), False, "stamp_below") if len(below) == 1 else (None, True, "")
    for place in ("lead", "tail"):
        ordered = [d for w, d in items if w == place]
        dates = set(ordered)
        if len(dates) == 1:
            return dates.pop(), False, f"stamp_{place}"
        if len(ordered) == 2 and 0 < (ordered[1] - ordered[0]).days <= UPDATE_AFTER_DAYS:
            # published, then updated: "- 16 лютого 2024, 20:59" / "- |" / "- 17 лютого
            # 2024, 08:58" in the bar under the standfirst
            return ordered[0], False, f"stamp_{place}"
        if dates:
            return None, True, ""
    return None, False, ""


def _posts_dateline(stamped: dt.date, dl: Dateline | None) -> bool:
    """Can a stamp be the posting of a report whose dateline names a day without a year?
    A dateline is the day the report was filed: the stamp is that day or a few days after
    (``STAMP_AFTER_DATELINE_DAYS``; the day before, across time zones). A stamp of another
    day is a box of the day the page was seen ("Thursday, August 18, 2022" / "Main Menu"
    over "NurSultan, Kazakhstan, Jan 11: …") or a re-post. A dateline with its year, or
    none, leaves the stamp as it is."""
    if dl is None or dl.year or not (dl.month and dl.day):
        return True
    for year in (stamped.year, stamped.year - 1):
        filed = _safe_date(year, dl.month, dl.day)
        if filed and -1 <= (stamped - filed).days <= STAMP_AFTER_DATELINE_DAYS:
            return True
    return False


def _fits_lead(date: dt.date, cleaned: Cleaned, rules: CleanRules, latin: bool = False) -> bool:
    """Do the lead's dates fit a publication on ``date``?

    A report writes the year only for dates far back: a yearless date is one of the weeks
    around the publication or earlier in its year (or late in the year before, near New
    Year). A stamp of September 26 over a lead telling of "late on November 11" belongs
    to something else (a page template, a re-post): not the publication date. Nor does a
    stamp more than a few weeks before a full date of the lead ("November 11, 2023"),
    unless a deadline, a start or an event's verb puts that date ahead ("until March 31,
    2026", "С 1 января 2026 года посёлок войдет в состав …" under a stamp of 26 September
    2025; "Чемпионат стартует 4-5 марта" under one of 29 January). Nor a stamp more than
    three weeks after the day the lead opens with ("У другій половині дня 17 червня …
    відбувся 2-й Саміт" under "22.07.2025 00:32:22"): news is told within days."""
    first = cleaned.body.split("\n\n", 1)[0] if cleaned.body else ""
    for start, year, month, day in find_dates(first, rules, latin):
        if year is not None:  # "late on November 11, 2023" under a stamp of September 26
            told = _safe_date(year, month, day)
            ahead = told is not None and told > date + dt.timedelta(days=MAX_LOOK_AHEAD_DAYS_LEAD)
            if ahead and not _ahead(first[:start], rules):  # not "until March 31, 2026"
                return False
            continue
        same, before = _safe_date(date.year, month, day), _safe_date(date.year - 1, month, day)
        if (
            same is not None
            and start < LEAD_EVENT_CHARS
            and same <= date
            and (date - same).days > LEAD_EVENT_MAX_LAG_DAYS
        ):  # the day the lead's first sentence tells of, weeks before the stamp: the stamp
            return False  # is a page clock ("22.07.202500:32:22" over "17 червня … відбувся")
        if same is not None and same <= date + dt.timedelta(days=MAX_LOOK_AHEAD_DAYS_LEAD):
            continue
        if same is not None and same > date and _ahead(first[:start], rules):
            continue  # an event to come later in the year: "Чемпионат стартует 4-5 марта"
        if before is not None and (date - before).days <= MAX_YEARLESS_BACK_DAYS:
            continue
        if same is None and before is None:  # 29 February
            continue
        return False
    return True


def _today_lead(
    cleaned: Cleaned,
    rules: CleanRules,
    latin: bool = False,
    paragraphs: int = TODAY_LEAD_PARAGRAPHS,
) -> tuple[int | None, int, int] | None:
    """(year or ``None``, month, day) a sentence of the lead opens with after "today"
    ("Сегодня, 10 января в стране — …", "Сьогодні, 12 січня, під головуванням …",
    "Today, January 6, the …"): the day the report was written. Not a quoted statement's
    "today" («Бүгін, 2011 жылы 16 желтоқсан …» деп мәлімдеді), nor one of two such days."""
    if not rules.today_words or not cleaned.body:
        return None
    words = "|".join(re.escape(w) for w in sorted(rules.today_words, key=len, reverse=True))
    opener = re.compile(rf"(?:^|(?<=[.!?…])\s+)(?:{words})[,\s]+", re.IGNORECASE)
    found = set()
    for para in cleaned.body.split("\n\n")[:paragraphs]:
        for m in opener.finditer(para):
            before = para[: m.start()]
            if sum(before.count(q) for q in "«„“") > sum(before.count(q) for q in "»”"):
                continue  # inside a quotation
            dates = find_dates(para[m.end() : m.end() + 40], rules, latin)
            if dates and dates[0][0] == 0:
                found.add(dates[0][1:])
    return found.pop() if len(found) == 1 else None


def _today_box(line: str, rules: CleanRules) -> bool:
    """A site's box of the day ("Сегодня 7 января")."""
    words = re.findall(r"[^\W\d_]+", line.casefold())
    return bool(words) and words[0] in rules.today_words


def _yesterday(cleaned: Cleaned, rules: CleanRules) -> bool:
    """Does a stamp around the headline say "yesterday" ("Вчера, 18:40") and give no date?"""
    for where, line in cleaned.stamps:
        words = re.findall(r"[^\W\d_]+", line.casefold())
        if where in _HEAD_STAMPS and words[:1] and words[0] in rules.yesterday_words:
            return not find_dates(line, rules)
    return False


def infer_date(
    cleaned: Cleaned,
    rules: CleanRules,
    page_date: dt.date | None = None,
    url: str | None = None,
) -> tuple[dt.date | None, list[str]]:
    """The publication date and warnings (see ``date_with_provenance``)."""
    date, _how, warnings = date_with_provenance(cleaned, rules, page_date, url)
    return date, warnings


# The branches of ``date_with_provenance``, in the order they are tried.
DATE_BRANCHES = (
    "dateline",  # a dateline with a full date
    "page_date",  # the HTML page's own date (trafilatura)
    "url",  # the URL's date
    "today_url",  # the lead's "Today, 10 January", the day before the URL's date
    "permalink",  # the page's own address written in its text
    "stamp_dateline",  # the stamp around the headline whose day a yearless dateline names
    "stamp",  # the one date of the stamps around the headline
    "stamp_below",  # ... of those right below it (a box of the day above)
    "stamp_lead",  # the one date of a stamp after a standfirst
    "stamp_tail",  # ... of a stamp right after the text
    "opening_stamp",  # a stamp glued to one of the first lines
    "split_stamp",  # a stamp's day and month, its year on a line of its own
    "lone_year_dateline",  # a lone stamp year + the dateline's day and month
    "crawl",  # the crawl date itself (not 1 January alone: a year's placeholder)
    "crawl_dateline",  # the crawl date, a yearless dateline naming its day
    "crawl_stamp_day",  # the crawl date, a yearless stamp naming its day
    "crawl_month_dateline",  # a yearless dateline's day and month in the crawl marker's month
    "crawl_month_stamp",  # a yearless stamp's day and month, ditto
    "context_year",  # a yearless dateline + the year the first paragraphs give
    "wire_lead",  # the first date of a wire report's lead
    "today_lead",  # nothing else: the lead's "Today, 26 September 2025" (its year given)
)


def date_with_provenance(
    cleaned: Cleaned,
    rules: CleanRules,
    page_date: dt.date | None = None,
    url: str | None = None,
) -> tuple[dt.date | None, str | None, list[str]]:
    """(date, the branch of ``DATE_BRANCHES`` that gave it, warnings): see ``_branch_date``.

    The crawl marker (" date 2022-01-11", " date 2022-01") is the page's own date: on every
    labelled page and URL-dated audit page that has one (179 full dates, 8 months), the
    publication day is the marker's. A date the text gives otherwise (a stamp, a dateline)
    that is not the marker's day, or not in its month, is a box of the day, a wire's earlier
    dateline, a related story's stamp: no date (the URL's or the HTML page's date, evidence
    besides the text, stands).
    """
    date, how, warnings = _branch_date(cleaned, rules, page_date, url)
    if date is None:  # the lead's own "today" (nothing to check it against)
        date, how = _today_dated(cleaned, rules)
    else:
        date, how = _today_check(date, how, cleaned, rules, warnings)
    if (
        date is None
        or how in ("url", "today_url", "page_date")
        or _marker_agrees(date, cleaned.crawl_date)
    ):
        return date, how, warnings
    warnings.append(
        f"the {how} date {date} is not the crawl date {cleaned.crawl_date}; date left unknown"
    )
    if page_date is not None:
        return page_date, "page_date", warnings
    by_url = _url_date(cleaned, rules, url, month_first_possible(cleaned, rules))
    return by_url, "url" if by_url else None, warnings


def _url_date(cleaned: Cleaned, rules: CleanRules, url: str | None, latin: bool) -> dt.date | None:
    """The URL's date, unless the headline names that day: then the address is the headline's
    slug ("…-ot-11012022-goda-…" for "… от 11.01.2022 года …", a speech posted a day later),
    not a publication date."""
    reading = _url_date_reading(url)
    if reading is None:
        return None
    found, swapped = reading
    if swapped is not None and swapped in _stamp_dates(cleaned, rules, latin):
        return swapped  # "/09-07-2011/" under a stamp "September 7, 2011": month first
    if not cleaned.title:
        return found
    for _start, year, month, day in find_dates(cleaned.title, rules, latin):
        if year is not None and _safe_date(year, month, day) == found:
            return None
    return found


def _today_dated(cleaned: Cleaned, rules: CleanRules) -> tuple[dt.date | None, str | None]:
    """The day a lead names as today with its year ("Сьогодні, 26 вересня 2025 року, під
    головуванням …"), when nothing else dates the page: the day the report was written."""
    today = _today_lead(cleaned, rules, paragraphs=TODAY_DATED_PARAGRAPHS)
    if today is None or today[0] is None:
        return None, None
    date = _safe_date(*today)
    return date, "today_lead" if date else None


def _today_check(
    date: dt.date | None,
    how: str | None,
    cleaned: Cleaned,
    rules: CleanRules,
    warnings: list[str],
) -> tuple[dt.date | None, str | None]:
    """The date against the lead's "today" (``_today_lead``): the day the report was written.

    A stamp or crawl date of another day is a box of the day the page was seen ("Неділя, 18
    січня 2026, 21:20" over "Сьогодні, 12 січня, під головуванням …"), a related item's: no
    date. A URL's date a day after it is the posting of a report written late on its day
    ("Сегодня, 10 января в стране — День общенационального траура" under
    ``/2022/01/11/``): the lead's day; further apart, the URL's date stands (a re-post, a
    lead copied from an older report). A dateline's full date stands."""
    if date is None or how == "dateline":
        return date, how
    today = _today_lead(cleaned, rules)
    if today is None:
        return date, how
    year, month, day = today
    candidates = [
        _safe_date(y, month, day) for y in ((year,) if year else (date.year, date.year - 1))
    ]
    if date in candidates:
        return date, how
    if how in ("url", "page_date"):
        for lead in candidates:
            if lead is not None and 0 < (date - lead).days <= TODAY_URL_LAG_DAYS:
                return lead, "today_url"
        return date, how
    warnings.append(
        f"the {how} date {date} is not the lead's 'today' ({day}.{month}); date left unknown"
    )
    return None, None


def _marker_agrees(date: dt.date, marker: str | None) -> bool:
    """Is ``date`` the crawl marker's day, or in its month (no marker: no objection)?"""
    crawl, crawl_month, _warning = parse_crawl_date(marker)
    if crawl is not None:
        return date == crawl
    if crawl_month is not None:
        return (date.year, date.month) == crawl_month
    return True


def _branch_date(
    cleaned: Cleaned,
    rules: CleanRules,
    page_date: dt.date | None = None,
    url: str | None = None,
) -> tuple[dt.date | None, str | None, list[str]]:
    """(date, branch, warnings): the publication date from the evidence, best first;
    ``None`` when the year is unknown.

    Only publication markers count: the dateline, the page's own date, the URL (or the
    page's own address written in its text: ``_permalink_date``), the stamp lines around
    the headline (the one a yearless dateline names first; see
    ``_stamp_date``), a stamp after a standfirst or right after the text, the crawl date.
    A date in the body, the lead included, is an event's and is never taken; a day and
    month alone take a year only from a dateline's context or the crawl month. A stamp or
    crawl date that the lead's yearless dates do not fit (``_fits_lead``) is not taken,
    and conflicting stamps give no date: no date rather than a wrong one.
    """
    warnings: list[str] = []
    crawl, crawl_month, warning = parse_crawl_date(cleaned.crawl_date)
    if warning:
        warnings.append(warning)
    latin = month_first_possible(cleaned, rules)  # (a slash date may be American)
    dl = cleaned.dateline
    if dl is not None and dl.year and dl.month and dl.day:
        full = _safe_date(dl.year, dl.month, dl.day)
        if full:
            return full, "dateline", warnings
    if page_date is not None:
        return page_date, "page_date", warnings
    by_url = _url_date(cleaned, rules, url, latin)
    if by_url is not None:
        return by_url, "url", warnings
    by_url = _permalink_date(cleaned, rules, url)
    if by_url is not None:
        return by_url, "permalink", warnings
    stamped, conflict, which = _stamp_date(cleaned, rules, latin)
    if stamped is not None:
        if not _posts_dateline(stamped, dl):
            warnings.append(f"the stamp date {stamped} is not the dateline's day; left unknown")
            return None, None, warnings
        if _fits_lead(stamped, cleaned, rules, latin):
            return stamped, which, warnings
        warnings.append(f"the stamp date {stamped} does not fit the lead's dates; left unknown")
        return None, None, warnings
    if conflict:
        warnings.append("the page's stamps give different dates; date left unknown")
        return None, None, warnings
    opening = _opening_stamp(cleaned, rules, latin)
    if (
        opening is not None
        and (crawl is None or opening <= crawl)
        and _fits_lead(opening, cleaned, rules, latin)
    ):
        return opening, "opening_stamp", warnings
    head = [line for where, line in cleaned.stamps if where in _HEAD_STAMPS]
    lone_years = {int(y.group()) for h in head if (y := _LONE_YEAR.fullmatch(TIME.sub("", h)))}
    if len(lone_years) == 1:  # a stamp broken over lines: "05 января" / "15:16" / "2022",
        # "15 сентября" / "02:21 2022"
        year = lone_years.pop()
        for line in head:
            for _start, _year, month, day in find_dates(line, rules, latin):
                found = _safe_date(year, month, day)
                if found:
                    return found, "split_stamp", warnings
        # ... or its day and month left to the dateline: "2022" under the headline, then
        # "Бишкек. 7 января. ИНТЕРФАКС - …" (not after the day the page was seen, nor
        # against the year the lead's dates give: a counter of 2023 views is no year)
        if dl is not None and dl.month and dl.day:
            found = _safe_date(year, dl.month, dl.day)
            told = _context_year(cleaned, rules, dl.month, dl.day, latin=latin)
            if found and (crawl is None or found <= crawl) and told in (None, year):
                return found, "lone_year_dateline", warnings
    # A stamp's day and month without a year ("BAKU, Azerbaijan, Jan. 11", "13 қаңтар,
    # 14:53"), not a box of the day the page was seen.
    stamp_day = next(
        (
            (mo, d)
            for where, line in cleaned.stamps
            if where in _HEAD_STAMPS and not _today_box(line, rules)
            for _s, y, mo, d in find_dates(line, rules, latin)
            if y is None
        ),
        None,
    )
    if crawl is not None:
        if dl is not None and dl.month and dl.day:
            month_day: tuple[int, int] | None = (dl.month, dl.day)
            how = "crawl_dateline"
        else:
            month_day, how = stamp_day, "crawl_stamp_day"
        if month_day is None:
            if (crawl.month, crawl.day) == (1, 1):  # a year's placeholder as often as a day
                warnings.append(f"a crawl date of 1 January ({crawl}) alone; date left unknown")
                return None, None, warnings
            if _yesterday(cleaned, rules):  # "Вчера, 18:40": seen the day after the marker's
                # day, or the marker is the day it was seen: which one is unknown
                warnings.append("a 'yesterday' stamp beside the crawl date; date left unknown")
                return None, None, warnings
            if _fits_lead(crawl, cleaned, rules, latin):
                return crawl, "crawl", warnings
            warnings.append(f"the crawl date {crawl} does not fit the lead's dates")
            return None, None, warnings
        if month_day == (crawl.month, crawl.day):
            return crawl, how, warnings
        warnings.append(
            f"the dateline or stamp ({month_day[1]}.{month_day[0]}) is not the crawl date "
            f"{crawl}; date left unknown"
        )
        return None, None, warnings
    # A day and month without a year: the dateline's, else a stamp's ("13 қаңтар, 14:53"),
    # in the crawl marker's month.
    if dl is not None and dl.month and dl.day:
        month_day, of = (dl.month, dl.day), "dateline"
    else:
        month_day, of = stamp_day, "stamp"
    if crawl_month is not None and month_day and month_day[0] == crawl_month[1]:
        found = _safe_date(crawl_month[0], *month_day)
        if found:
            return found, f"crawl_month_{of}", warnings
    # Only a dateline's ("10 янв - РИА Новости") takes the year the first paragraphs give:
    # a yearless date around the headline may be a related item's ("29 листопада" /
    # "Завантажити ще" over a report of 5 January), and no tuning page needed it.
    if of == "dateline" and month_day:
        year = _context_year(cleaned, rules, *month_day, latin=latin)
        found = _safe_date(year, *month_day)
        if found:
            return found, "context_year", warnings
    # A date in the lead is the event's ("On 5 January 2022, the cabinet resigned"), not
    # the page's: a report written days later says the same. Only a wire report (an agency
    # dateline without a date: "АСТАНА. KAZINFORM – Тоқаев 2022 жылғы 5 қаңтарда ...")
    # tells the day's news in its first sentence, and then only its first date. (A yearless
    # date of the first paragraph is an event's too, even in the crawl month: "вечером 5
    # января погиб ..." in a report of January 12.)
    first = cleaned.body.split("\n\n", 1)[0] if cleaned.body else ""
    if dl is not None and dl.month is None and _agency_like(dl.agency, rules):
        lead = _LEAD_SENTENCE.split(first, maxsplit=1)[0]
        found_dates = find_dates(lead, rules, latin)
        if found_dates and lead.lstrip()[:1] not in '«"„“':
            start, year, month, day = found_dates[0]
            found = _safe_date(year, month, day)
            if (
                found
                and not re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", lead[:start])
                and _fits_lead(found, cleaned, rules, latin)
            ):
                return found, "wire_lead", warnings
    return None, None, warnings


def _permalink_date(cleaned: Cleaned, rules: CleanRules, url: str | None) -> dt.date | None:
    """The date of the page's own address, written on a line of its text after a label
    ("Ссылка на новость: https://kant.kg/2019-05-03/…"); not an address on another site than
    the page's (the link to a source), nor two addresses of different dates."""
    if rules.permalink is None:
        return None
    lines = [*cleaned.body.split("\n"), *(r.line for r in cleaned.removed)]
    host = site_host(url) if url else None
    found = set()
    for line in lines:
        m = rules.permalink.match(line.strip())
        if m is None or (host and site_host(m.group("url")) != host):
            continue
        date = url_date(m.group("url"))
        if date is not None:
            found.add(date)
    return found.pop() if len(found) == 1 else None


def _agency_like(agency: str | None, rules: CleanRules) -> bool:
    """Is a dateline's agency a known outlet, so that the report is a wire report?

    Not a letter cut from the place ("ASTANA – The …" read as place "ASTAN" and agency
    "A"; "КТК – …" as "КТ" and "К"), a dash, a date ("13 ҚАҢТАР") or a country after the
    city ("ALMATY, KAZAKHSTAN - JANUARY 5, 2022: A burnt car …", a photo caption): a page
    opening "MOSCOW – A top official said …" under a caption of two days before is no
    wire report dated by that caption."""
    if agency is None or not _name_like(agency):
        return False
    key = agency.casefold()
    return key in rules.agencies or any(key.startswith(a + " ") for a in rules.agencies)


def clean_title(title: str, sources: SourceRegistry) -> str:
    """Drop a site name after a separator ("Title - ТАСС", "Title | site.kz"), not an outlet
    the headline quotes ("Україна відновила транзит нафти …, – Reuters": after a comma);
    also a site after a spaced "»" and a rubric in quotes after a dash ("… - «Политика» »
    Политический Эксперт"), and a rubric before the site in a "::" trail."""
    title = " ".join(title.split())
    cut = False
    # DataLife Engine's "Title » Site" (a spaced "»" closes no quote), and its "Title -
    # «Rubric»" ("… в Чкаловском - «Политика» » Политический Эксперт")
    trail = _SITE_TRAIL.search(title)
    if trail and len(title[: trail.start()].split()) >= TRAIL_HEADLINE_WORDS:
        title = title[: trail.start()]
        cut = True
    rubric = _QUOTED_RUBRIC.search(title)
    if rubric and len(title[: rubric.start()].split()) >= RUBRIC_HEADLINE_WORDS:
        title = title[: rubric.start()]
        cut = True
    parts = _TITLE_SEPARATORS.split(title)
    while len(parts) > 1:
        last = parts[-1].strip()
        if parts[-2].rstrip().endswith(","):
            break
        site = (sources.resolve(last) and len(last.split()) <= 4) or _DOMAIN.match(last)
        # with the site's name gone, its rubric before it in a "::" trail ("«Барыс» …
        # сыграют без зрителей … :: Хоккей :: РБК Спорт"): one or two words
        rubric = (
            cut
            and len(last.split()) <= 2
            and title.endswith(" :: " + last)
            and len(parts[0].split()) >= TRAIL_HEADLINE_WORDS
        )
        if site or rubric:
            title = title[: title.rfind(parts[-1])].rstrip(" -–—|:")
            parts = parts[:-1]
            cut = True
        else:
            break
    return title.strip()


def _same_outlet(a: str, b: str, sources: SourceRegistry) -> bool:
    def key(name: str) -> str:
        return re.sub(r"[\W_]+", "", (sources.resolve(name) or name).casefold())

    return key(a) == key(b)


LEAD_PARAGRAPHS = 3  # paragraphs of the lead whose attribution names the report's source
LEAD_PARAGRAPH_CHARS = 80  # ... counting only paragraphs this long (not a byline, a caption)
ATTRIBUTION_SPAN = 80  # characters around the verb where the outlet's name is looked for
CLOSING_CLAUSE_CHARS = 120  # a closing ", пишет X ..." clause: this long at most
# Words that say what kind of outlet the name after (or before) them is: "издание zakon.kz",
# "телеканал «Известия»", "the news website Orda.kz", "Kazinform news agency".
_OUTLET_KIND = (
    r"(?:информационное\s+|інформаційне\s+|state\s+|online\s+)?"
    r"(?:издани[еяи]|агентств[оа]|информагентств[оа]|телеканал[а]?|радиостанци[яи]|радио"
    r"|портал[а]?|сайт[а]?|газет[аы]|журнал[а]?|ресурс[а]?|(?:телеграм|telegram)-канал[а]?|видання"
    r"|агенці[яї]|інформагенці[яї]|радіо|news\s+agency|agency|news\s+website|website"
    r"|news\s+portal|portal|newspaper|broadcaster|outlet|channel|daily|magazine"
    r"|корреспондент[а]?|кореспондент[а]?|correspondent"
    r"|басылымы|агенттігі|сайты|порталы|телеарнасы|газеті)"
)
_ADJECTIVE = r"[a-zа-яёіїєґ]+(?:ое|ий|ый|ая|ое|ське|ський|ська|ьке|ого|ого)"
# "издание", "казахское издание", "корреспондент местного издания", "the news website"
_KIND_BEFORE = re.compile(
    rf"^(?:(?:(?:{_ADJECTIVE}|the|a)\s+){{0,2}}{_OUTLET_KIND}\s+){{1,2}}", re.IGNORECASE
)
# "the Russian state-controlled news agency Interfax"
_KIND_LATER = re.compile(rf"^(?:[\w'’-]+\s+){{1,3}}?{_OUTLET_KIND}\s+", re.IGNORECASE)
_KIND_AFTER = re.compile(rf"(?:\s+{_OUTLET_KIND}){{1,2}}$", re.IGNORECASE)
_HOST_TOKEN = re.compile(
    r"[A-Za-zА-Яа-яЁё0-9][\w-]*(?:\.[\w-]+)*\.(?:[a-z]{2,6}|рф|кз|укр)(?!\w|\.\w)"
)
_QUOTED = re.compile(r"[«\"„“]([^«»\"„“”\n]{2,40})[»\"“”]")
_LATIN_WORD = r"[A-Z][A-Za-z\u00c0-\u024f0-9.&'’-]*(?![\w-])"
_LATIN_NAME = re.compile(rf"{_LATIN_WORD}(?:[ \t]+(?:{_LATIN_WORD}|of|the|de))*")
_CAPITAL_WORD = re.compile(r"^[ \t]+[A-ZА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ]\w")
# Platforms a statement is posted on: no outlet ("пишет в Telegram", "сообщил в Facebook").
_PLATFORMS = frozenset(
    {"facebook", "telegram", "twitter", "instagram", "youtube", "tiktok", "vk", "vkontakte"}
    | {"whatsapp", "x", "threads"}
)


def _lead(cleaned: Cleaned) -> str:
    """The first paragraphs: up to ``LEAD_PARAGRAPHS`` of some length, with the short ones
    (a byline, a caption, "Об этом сообщает X.") between them."""
    out: list[str] = []
    long = 0
    for para in cleaned.body.split("\n\n"):
        out.append(para)
        if len(para) >= LEAD_PARAGRAPH_CHARS:
            long += 1
            if long >= LEAD_PARAGRAPHS:
                break
    return "\n\n".join(out)


def _named_outlet(
    phrase: str, sources: SourceRegistry, latin_text: bool, at_end: bool = False
) -> str | None:
    """The outlet a phrase next to a reporting verb names: at its start ("сообщает
    издание zakon.kz ...") or, with ``at_end``, at its end ("Казахское издание Orda.kz" |
    сообщило). A registry outlet, a site's address ("zakon.kz"), a name in quotes
    («Коммерсант»), or a Latin-script name in a Cyrillic text ("RTVI", "Bloomberg"); a
    registry name followed by more of a name ("Azattyq Rýhy") is another outlet's."""
    phrase = phrase.split("\n")[-1] if at_end else phrase.split("\n")[0]
    if at_end:
        phrase = _KIND_AFTER.sub("", phrase.rstrip(" —–-"))
        tail = re.search(r"(?:\S+\s+){0,3}\S+$", phrase)
        phrase = tail.group(0) if tail else phrase
    else:
        phrase = phrase.lstrip(" ,—–-")
        kind = _KIND_BEFORE.match(phrase) or (_KIND_LATER.match(phrase) if latin_text else None)
        if kind and re.search(r"telegram|телеграм", kind.group(0), re.IGNORECASE):
            return None  # a post on a channel is no outlet's report
        phrase = phrase[kind.end() :] if kind else phrase
    phrase = phrase.strip()
    if not phrase:
        return None

    candidates: list[tuple[int, int, str]] = []
    for pos, name in sources.find_all(phrase):
        candidates.append((pos, pos + len(_alias_at(phrase, pos, sources)), name))
    for m in _HOST_TOKEN.finditer(phrase):
        host = _latin_host(m.group(0))
        candidates.append((m.start(), m.end(), sources.resolve(host) or host))
    for m in _QUOTED.finditer(phrase):
        inner = m.group(1).strip()
        if inner[:1].isupper() and len(inner.split()) <= 4 and not inner.endswith((".", "!", "?")):
            candidates.append((m.start(), m.end(), sources.resolve(inner) or inner))
    if not latin_text:
        for m in _LATIN_NAME.finditer(phrase):
            name = m.group(0).rstrip(".’'-")
            if name.casefold() not in _PLATFORMS and sum(ch.isalpha() for ch in name) >= 2:
                candidates.append((m.start(), m.start() + len(name), sources.resolve(name) or name))
    best = None
    for start, stop, name in candidates:
        if at_end:
            if phrase[stop:].strip(' »"“”') or _CAPITAL_BEFORE.search(phrase[:start]):
                continue
        else:
            whole = bool(_HOST_TOKEN.fullmatch(phrase[start:stop]))  # "ortalyq.kz Kazinform"
            if start != 0 or (not whole and _CAPITAL_WORD.match(phrase[stop:])):
                continue
        if best is None or stop - start > best[1] - best[0]:
            best = (start, stop, name)
    if best is None or best[2].casefold() in _PLATFORMS:
        return None
    return best[2]


_LOOKALIKES = str.maketrans("АВЕКМНОРСТХаеорсух", "ABEKMHOPCTXaeopcyx")


def _latin_host(token: str) -> str:
    """A site's address typed with Cyrillic look-alike letters ("Еlorda.info"), in Latin."""
    if re.search(r"[a-z]", token, re.IGNORECASE) and _CYRILLIC.search(token):
        return token.translate(_LOOKALIKES)
    return token


_CAPITAL_BEFORE = re.compile(r"[A-ZА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ][\w-]*[ \t]+$")


def _alias_at(text: str, pos: int, sources: SourceRegistry) -> str:
    """The longest registry name or alias written at ``pos`` of ``text`` ("" if none)."""
    rest = text[pos:].casefold()
    best = ""
    for src in sources.sources:
        for alias in (src.name, *src.aliases):
            n = len(alias)
            if n > len(best) and rest[:n] == alias.casefold() and not rest[n : n + 1].isalnum():
                best = text[pos : pos + n]
    return best


def _attributions(
    cleaned: Cleaned,
    sources: SourceRegistry,
    packs: Mapping[str, LanguagePack],
    language: str | None,
    own: Callable[[str], bool] = lambda name: False,
) -> list[str]:
    """The outlets the lead says its report comes from, the likeliest first. Sentence by
    sentence: the last outlet a verb names ("Про це повідомляє Zakon.kz, пише УНН" -> УНН:
    the page relays УНН); an outlet only cited by it ("со ссылкой на", "citing") when the
    verb names the page itself (``own``) or nothing ("сообщает Lada.kz со ссылкой на
    Газета.Ru" on lada.kz -> Газета.Ru)."""
    by_sentence: dict[int, list[tuple[bool, str]]] = {}
    for hit in _attribution_hits(cleaned, sources, packs, language):
        by_sentence.setdefault(hit.sentence, []).append((hit.via, hit.name))
    out: list[str] = []
    for hits in by_sentence.values():
        if any(not via and not own(name) for via, name in hits):
            out.append([name for via, name in hits if not via and not own(name)][-1])
        else:
            out.extend(name for via, name in hits if via and not own(name))
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class _Hit:
    """An outlet named next to a reporting verb of the lead."""

    sentence: int  # index of the sentence in the lead
    pos: int  # where the name is
    name: str
    via: bool = False  # only cited by another outlet ("со ссылкой на X", "citing X")
    now: bool = False  # by a verb in the present ("пишет X", "X reports")
    ref: bool = False  # a sentence saying where the news before it comes from ("Об этом ...")


def _sentence_spans(head: str) -> list[tuple[int, int]]:
    """(start, end) of the lead's sentences: split at sentence ends and paragraph breaks."""
    cuts = {0, len(head)}
    cuts.update(m.end() for m in _LEAD_SENTENCE.finditer(head))
    cuts.update(m.end() for m in re.finditer(r"\n\n", head))
    ordered = sorted(cuts)
    return list(pairwise(ordered))


def _leading(hit: _Hit, head: str, spans: list[tuple[int, int]]) -> bool:
    """Does the attribution speak for the lead's news, not for one detail? It does in the
    first two sentences of the first full paragraph; in a sentence that only says where
    the news before it comes from ("Об этом сообщает ТАСС.", "Как пишет X, ..."); and at
    the end of a sentence of the first two full paragraphs by a verb in the present
    ("..., пишет RTVI.", "..., Tengrinews reports.") - not by one in the past ("...,
    сообщил ТАСС": a source for that sentence)."""
    if hit.ref:
        return True
    long_paras: list[tuple[int, int]] = []
    offset = 0
    for para in head.split("\n\n"):
        if len(para) >= LEAD_PARAGRAPH_CHARS:
            long_paras.append((offset, offset + len(para)))
        offset += len(para) + 2
    if not long_paras:
        return False
    first_start, first_end = long_paras[0]
    in_first = [sp for sp in spans if first_start <= sp[0] < first_end]
    if hit.pos < (in_first[1][1] if len(in_first) > 1 else first_end):
        return True
    if not hit.now or hit.pos >= long_paras[min(1, len(long_paras) - 1)][1]:
        return False
    start, end = spans[hit.sentence]
    sentence = head[start:end].rstrip()
    comma = max(sentence.rfind(","), sentence.rfind(" — "), sentence.rfind(" – "))
    return 0 <= comma < hit.pos - start and len(sentence) - comma <= CLOSING_CLAUSE_CHARS


def _attribution_hits(
    cleaned: Cleaned,
    sources: SourceRegistry,
    packs: Mapping[str, LanguagePack],
    language: str | None,
) -> list[_Hit]:
    """Outlets the lead says the report comes from ("сообщает ТАСС", "передает издание
    zakon.kz", "Orda.kz сообщило", "деп хабарлайды Dalanews.kz"), in order: the name next
    to a pattern's ``source`` group (after the verb, or before it when the group opens the
    match), in sentences where an attribution speaks for the lead's news (``_leading``). Groups of a
    pattern mark the attribution: ``via`` (cited by another: "со ссылкой на X"), ``now``
    (a verb in the present), ``ref`` (a sentence saying where the news before it comes
    from). A name a ``quote`` group matches ("по данным Reuters", "Истец также указал ...,
    передает ТАСС") is a mere citation in its sentence: not the report's source."""
    head = _lead(cleaned)
    latin_text = language == "en" or not _CYRILLIC.search(head)
    spans = _sentence_spans(head)
    starts = [start for start, _end in spans]
    order = ([language] if language in packs else []) + sorted(c for c in packs if c != language)
    found: dict[tuple[int, str], _Hit] = {}
    cited: set[tuple[int, str]] = set()
    ref_sentences: set[int] = set()
    offset = 0  # where the first full paragraph opens: its source opens the lead's news
    for para in head.split("\n\n"):
        if len(para) >= LEAD_PARAGRAPH_CHARS:
            break
        offset += len(para) + 2
    lead_opening = {offset, offset + 1}  # (after an opening quote mark)
    for code in order:
        for rx in packs[code].attribution:
            for m in rx.finditer(head):
                start, stop = m.span("source")
                if start == m.start() and stop < m.end():  # the name before the verb
                    phrase = head[max(0, stop - ATTRIBUTION_SPAN) : stop]
                    name = _named_outlet(phrase, sources, latin_text, at_end=True)
                    pos = stop
                else:
                    phrase = head[start : start + ATTRIBUTION_SPAN]
                    name = _named_outlet(phrase, sources, latin_text)
                    pos = start
                sentence = max(0, bisect_right(starts, pos) - 1)
                groups = m.groupdict()
                if groups.get("ref"):  # "Об этом ... пишет «Главком» (the page) со ссылкой на X"
                    ref_sentences.add(sentence)
                if not name:
                    continue
                opens = m.start() in lead_opening  # "According to Interfax, a court has ..."
                if groups.get("quote") and not opens:
                    cited.add((sentence, name))
                    continue
                old = found.get((sentence, name))
                found[(sentence, name)] = _Hit(
                    sentence,
                    min(pos, old.pos) if old else pos,
                    name,
                    via=bool(groups.get("via")) and (old is None or old.via),
                    now=bool(groups.get("now")) or bool(old and old.now),
                    ref=bool(groups.get("ref")) or opens or bool(old and old.ref),
                )
    hits = [h for key, h in found.items() if key not in cited]
    leading = ref_sentences | {h.sentence for h in hits if _leading(h, head, spans)}
    return sorted((h for h in hits if h.sentence in leading), key=lambda h: (h.sentence, h.pos))


def _text_publisher(
    cleaned: Cleaned,
    sources: SourceRegistry,
    evidence: Evidence,
    packs: Mapping[str, LanguagePack] | None = None,
) -> tuple[str | None, str | None]:
    """(publisher, cited source) the page's own furniture names: a dateline agency
    ("/ТАСС/", "— Sputnik"), an outlet's name alone on a line, a page header naming an
    outlet; a "Source: X" byline is the source cited."""
    publisher = None
    if cleaned.dateline is not None and cleaned.dateline.agency:
        agency = cleaned.dateline.agency
        resolved = sources.resolve(agency)
        if resolved or (len(agency.split()) <= 3 and _name_like(agency)):
            publisher = resolved or agency
    if publisher is None:
        for line in cleaned.header_lines:
            publisher = sources.find(line)
            if publisher:
                break
    if publisher is None:
        for kind, value in cleaned.bylines:
            if kind == "masthead":
                publisher = sources.resolve(value)
                if publisher:
                    break
    cited = None
    for kind, value in cleaned.bylines:
        if kind == "author" and _alias_at(value, 0, sources) == value:
            cited = sources.resolve(value)  # "By PTI", "By Yonhap": an agency's copy
            break
        if kind == "source":
            if _HOST_TOKEN.fullmatch(value):  # "Source: www.rosbalt.ru"
                value = _site_named(value, sources, cleaned.body)
            resolved = sources.resolve(value)
            if resolved or (len(value.split()) <= 3 and _name_like(value)):
                cited = resolved or value
                break
    if cited is None:
        cited = _closing_credit(cleaned, sources, packs)
    if publisher is None and evidence.sitename and not evidence.url:
        publisher = sources.resolve(evidence.sitename) or evidence.sitename
    return publisher, cited


# a paragraph crediting the outlet: "(dpa/NAN)", "(c)MEDUZA 2022" (a "© Reuters" without a
# year is a photo's credit)
_CREDIT = re.compile(
    r"^(?:\((?P<name>[^()\n\d©]{2,40})\)"
    r"|(?:\(c\)|©)\s*(?P<owner>[^()\n\d]{2,40}?)\s*(?:19|20)\d\d)$",
    re.IGNORECASE,
)
# the last sentence's end, then an outlet in brackets or in capitals closing the text
_SIGN_OFF = re.compile(
    r"[.!?…»”\"]\s*(?:\((?P<bracketed>[A-Z][\w .&-]{1,30})\)|(?P<caps>[A-Z]{2,}(?: [A-Z]{2,})?))$"
)
CREDIT_PARAGRAPHS = 3  # closing paragraphs where a "Source: X" credit is looked for
CREDIT_CHARS = 60  # ... a line this short at most


def _closing_credit(
    cleaned: Cleaned, sources: SourceRegistry, packs: Mapping[str, LanguagePack] | None
) -> str | None:
    """The outlet a credit line closing the text names ("Источник: lenta.ru", "Джерело:
    УНІАН"), by the packs' byline patterns with a ``source`` group: a registry outlet or a
    site's address, never a press service or a photo."""
    if not packs:
        return None
    paragraphs = [p.strip() for p in cleaned.body.split("\n\n") if p.strip()]
    for para in paragraphs[1:]:  # "(dpa/NAN)", "(c)MEDUZA 2022"
        m = _CREDIT.match(para)
        if m is None:
            continue
        for part in (m.group("name") or m.group("owner")).split("/"):
            part = part.strip()
            if part and _alias_at(part, 0, sources).casefold() == part.casefold():
                return sources.resolve(part)
            if _HOST_TOKEN.fullmatch(part):
                return _site_named(part, sources, cleaned.body)
    if paragraphs:  # "... поймут его решение. (gazeta.ru)"
        m = re.search(r"[.!?…»]\s*\((?P<host>[\w.-]+\.[a-z]{2,6})\)$", paragraphs[-1])
        if m:
            return _site_named(m.group("host"), sources, cleaned.body)
        # an agency signing off the text: "... in the country. (Yonhap)", "... said. REUTERS"
        m = _SIGN_OFF.search(paragraphs[-1])
        name = m and (m.group("bracketed") or m.group("caps"))
        if name and _alias_at(name, 0, sources).casefold() == name.casefold():
            return sources.resolve(name)
    for para in reversed(paragraphs[-CREDIT_PARAGRAPHS:]):
        if len(para) > CREDIT_CHARS or "\n" in para:
            continue
        for pack in packs.values():
            for rx in pack.bylines:
                m = rx.match(para)
                if m is None or not m.groupdict().get("source"):
                    continue
                value = m.group("source").strip()
                resolved = sources.resolve(value) if _alias_at(value, 0, sources) == value else None
                if resolved:
                    return resolved
                if _HOST_TOKEN.fullmatch(value):
                    return _site_named(value, sources, cleaned.body)
    return None


def _site_named(address: str, sources: SourceRegistry, text: str) -> str:
    """The outlet of a site's address a page names ("www.rosbalt.ru" -> "Rosbalt" when the
    text writes it so, "www.kz.energo.gov.kz" -> "energo.gov.kz")."""
    host = site_host("http://" + _latin_host(address)) or address
    return sources.resolve(host) or sources.from_url("http://" + host) or name_from_host(host, text)


def _name_like(name: str) -> bool:
    """Could an unknown ``name`` be an outlet's: three letters or more, no digits (never a
    date such as "13 ҚАҢТАР"), not a fragment cut at a dash ("Kazakhstan -", "-", "Y")."""
    name = name.strip()
    return (
        sum(ch.isalpha() for ch in name) >= 3
        and not any(ch.isdigit() for ch in name)
        and not name.startswith(("-", "–", "—"))
        and not name.endswith(("-", "–", "—"))
    )


def infer_source(
    cleaned: Cleaned,
    sources: SourceRegistry,
    packs: Mapping[str, LanguagePack],
    language: str | None,
    evidence: Evidence,
) -> tuple[str | None, str | None]:
    """(publisher, original). The publisher is the site of the URL when there is one
    (a registry outlet, else a name made from the domain); without a URL, the outlet the
    page's dateline, masthead or header names, else a "Source:" byline, else the outlet
    the lead says it reports. A different outlet named by the dateline, a "Source:" byline
    or the lead's attribution is the ``original`` of a reprint. An outlet only cited
    ("по данным Reuters") is never the publisher."""
    site = sources.site_name(evidence.url, cleaned.body) if evidence.url else None
    publisher, cited = _text_publisher(cleaned, sources, evidence, packs)
    own_site = site or publisher
    if own_site is None and not cited:  # no URL, no masthead: the outlet the lead names first
        # ("деп хабарлайды ortalyq.kz Kazinform сайтына сілтеме жасап": ortalyq.kz)
        named = _attributions(cleaned, sources, packs, language)
        own_site = named[0] if named else None

    def own(name: str) -> bool:
        return _own_name(name, evidence.url) or bool(
            own_site and _same_outlet(name, own_site, sources)
        )

    reported = _attributions(cleaned, sources, packs, language, own)
    source = site or publisher or cited or own_site or (reported[0] if reported else None)
    if source is None and evidence.sitename:
        source = sources.resolve(evidence.sitename) or evidence.sitename
    hosts = _host_keys(evidence.url)
    for candidate in (publisher, cited, *reported):
        vetted = candidate in reported or _outlet_like(candidate or "", sources)
        if not (source and candidate and vetted) or _own_name(candidate, evidence.url):
            continue
        if not _same_outlet(candidate, source, sources) and _squash(candidate) not in hosts:
            return source, candidate
    return source, None


def _squash(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold())


def _host_keys(url: str | None) -> set[str]:
    """Squashed names of a URL's site ("dixinews.ru" -> {"dixinewsru", "dixinews"})."""
    host = site_host(url)
    if not host:
        return set()
    return {_squash(host), _squash(host.split(".")[0])}


_TRANSLIT = str.maketrans(
    {
        **dict(
            zip(
                "абвгдезийклмнопрстуфхцыэіїєґәғқңөұүһ",
                "abvgdezijklmnoprstufhcyeiiegagknouuh",
                strict=True,
            )
        ),
        "ё": "e",
        "ж": "zh",
        "ч": "ch",
        "ш": "sh",
        "щ": "sch",
        "ю": "yu",
        "я": "ya",
        "ъ": "",
        "ь": "",
    }
)


def _skeleton(text: str) -> str:
    """Consonants of a name in Latin letters ("Мой ГОРОД" -> "mgrd", "mgorod" -> "mgrd";
    c and k alike: "Главком", "glavcom")."""
    latin = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLIT))
    letters = "".join(ch for ch in latin if ch.isascii() and ch.isalpha())
    return re.sub(r"[aeiouyjhw]", "", letters.replace("c", "k").replace("q", "k"))


def _own_name(name: str, url: str | None) -> bool:
    """Is ``name`` the page's own site ("Azattyq Rýhy" on azattyq-ruhy.kz, "adyrna.kz" on
    adyrna.kz, "Delfi" on rus.delfi.ee, «Мой ГОРОД» on mgorod.kz): its first word is the
    whole host or a label of it, or begins its first label; or its consonants are those
    of the host's first label."""
    host = site_host(url)
    words = name.split()
    if not host or not words:
        return False
    first = unicodedata.normalize("NFKD", words[0])
    key = _squash("".join(ch for ch in first if not unicodedata.combining(ch)))
    labels = [_squash(label) for label in host.split(".")[:-1]]
    whole = {_squash(host), *labels, *(_squash(p) for p in host.split(".")[0].split("-"))}
    begins = len(key) >= 4 and bool(labels) and labels[0].startswith(key)
    bones = "" if _HOST_TOKEN.search(name) else _skeleton(name)  # an address: as it is
    alike = len(bones) >= 3 and bones == _skeleton(host.split(".")[0])
    # an address under another top-level domain: "UzDaily.uz" on uzdaily.com
    address = _HOST_TOKEN.fullmatch(words[0]) is not None and (
        _squash(words[0].rsplit(".", 1)[0]) in whole
    )
    return bool(key) and (key in whole or begins or alike or address)


def _outlet_like(name: str, sources: SourceRegistry) -> bool:
    """Could ``name`` be an outlet: a registry outlet, or a name in Latin capitals
    ("DIXINEWS", "MENAFN"); never a date or a place left by a dateline."""
    if sources.resolve(name) or _HOST_TOKEN.fullmatch(name):
        return True
    return (
        not any(ch.isdigit() for ch in name)
        and len(name) >= 4
        and name.isupper()
        and not _CYRILLIC.search(name)
    )


def infer_metadata(
    cleaned: Cleaned,
    given: Given,
    rules: CleanRules,
    sources: SourceRegistry,
    packs: Mapping[str, LanguagePack],
    detector: LanguageDetector,
    evidence: Evidence | None = None,
) -> Metadata:
    """Given values win; the rest is inferred from the cleaned page and listed in ``inferred``."""
    evidence = evidence or Evidence()
    inferred: set[str] = set()
    warnings: list[str] = []

    title = given.title
    if title:
        title = clean_title(title, sources)
    elif cleaned.title:
        title = clean_title(cleaned.title, sources)
        inferred.add("title")
        if cleaned.title_in_body:  # no headline on the page: the title is cut from the lead
            inferred.add(LEAD_TITLE)

    language = given.language
    if not language:
        language = detector.detect(f"{title or ''}\n{cleaned.body}")
        if language:
            inferred.add("language")
        else:
            warnings.append("language could not be detected")

    date = given.date
    if date is None:
        date, date_warnings = infer_date(cleaned, rules, evidence.date, evidence.url)
        warnings.extend(date_warnings)
        if date is not None:
            inferred.add("date")

    source = sources.resolve(given.source) or given.source if given.source else None
    found, original = infer_source(cleaned, sources, packs, language, evidence)
    if not source:
        source = found
        if source:
            inferred.add("source")
    elif original and _same_outlet(original, source, sources):
        original = None
    if given.original:
        original = sources.resolve(given.original) or given.original
    elif original:
        inferred.add("original")

    author = given.author
    if not author:
        names = [v for k, v in cleaned.bylines if k == "author"]
        if names:
            author = normalise_name(names[0])
            inferred.add("author")
    return Metadata(
        title=title,
        date=date,
        source=source,
        author=author,
        language=language,
        inferred=frozenset(inferred),
        original=original,
        warnings=tuple(warnings),
    )
