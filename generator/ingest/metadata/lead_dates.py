"""What the lead's dates say about the publication: the year a yearless dateline takes
from the first paragraphs, whether a date fits the lead (``fits_lead``), and the lead's
"today" (``today_dated``, ``today_check``)."""

from __future__ import annotations

import datetime as dt
import re

from generator.ingest.clean import Cleaned, CleanRules, find_dates
from generator.ingest.clean.dates import weekday_before
from generator.ingest.clean.text import comparison_key
from generator.ingest.metadata.dates import safe_date

CONTEXT_PARAGRAPHS = 5  # paragraphs whose dates give a year to a dateline without one
MAX_DATELINE_LAG_DAYS = 31  # a yearless dateline this long after the lead's dates takes their year
MAX_LOOK_AHEAD_DAYS_LEAD = 31  # a lead's date may follow the publication by this
MAX_YEARLESS_BACK_DAYS = 92  # ... or precede it by this, in the year before (near New Year)
LEAD_EVENT_CHARS = 150  # the lead's opening, where a report names the day of its news ...
LEAD_EVENT_MAX_LAG_DAYS = 21  # ... written at most this long after that day
YEARS_AFTER_PARAGRAPHS = 3  # the opening whose "ten years after" and full dates are read
YEARS_AFTER_SLACK = 0.5  # ... a publication this many years off the anniversary still fits
DAYS_A_YEAR = 365.25
TODAY_LEAD_PARAGRAPHS = 2  # paragraphs where a sentence opening "Today, 10 January" is looked for
TODAY_DATED_PARAGRAPHS = 3  # ... "Today, 26 September 2025" (year given): a page's only date
TODAY_URL_LAG_DAYS = 1  # a URL's date this long after the lead's "today" is the next day's posting
LEAD_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[A-ZА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ«\"„])")


def context_year(
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
        if year and (found := safe_date(year, mon, d)) and not _deadline(line[:start], rules)
    ]
    years = {d.year for d in dates}
    if len(years) != 1:
        return None
    year = years.pop()
    candidate = safe_date(year, month, day)
    if candidate is None or any(d > candidate for d in dates):
        return None
    return year if (candidate - max(dates)).days <= MAX_DATELINE_LAG_DAYS else None


def _deadline(before: str, rules: CleanRules) -> bool:
    """Does the text before a date end in a deadline ("не позднее", "until", "до")?"""
    return rules.deadline is not None and rules.deadline.search(before[-40:]) is not None


_DAY_RANGE_START = re.compile(r"\s\d{1,2}\s*(?:[-–—]|\s[^\W\d_]{1,3})\s*$")  # "4-", "19 по"
RANGE_GAP_CHARS = 20  # a range's start and end dates, this close with no sentence between


def _range_end(between: str) -> bool:
    """Is a date a range's end, the text since the range's start date this short ("24
    февраля по " before "31 мая")?"""
    return len(between) <= RANGE_GAP_CHARS and not re.search(r"[.!?;]\s", between)


def _ahead(before: str, rules: CleanRules) -> bool:
    """Does the text before a date put it ahead: a deadline, or a start ("С 1 января 2026
    года посёлок войдет …", "from 1 January")?"""
    tail = _DAY_RANGE_START.sub("", before[-40:])  # "стартует 4-" of "стартует 4-5 марта",
    # "з 19 по " of "з 19 по 25 серпня відбудеться"
    started = rules.start is not None and rules.start.search(tail) is not None
    return started or _deadline(tail, rules)


_YEAR = re.compile(r"(?<![\d.,/-])((?:19|20)\d{2})(?![\d.,/-]?\d)")  # a year alone: "in 2008"


def _years_after_fit(date: dt.date, cleaned: Cleaned, rules: CleanRules, latin: bool) -> bool:
    """Does a publication on ``date`` fit the opening's "ten years after" an event the text
    dates in full ("Ten years after police massacred striking oil workers at Zhanaozen …" /
    "… killed on 16 December 2011")? It must fall within half a year of that many years
    after one of the full dates of the opening paragraphs (no such phrase or date: it fits)."""
    if not rules.years_after or not cleaned.body:
        return True
    paragraphs = cleaned.body.split("\n\n", YEARS_AFTER_PARAGRAPHS)  # (not the whole body)
    opening = "\n\n".join(paragraphs[:YEARS_AFTER_PARAGRAPHS])
    spans = []
    for rx in rules.years_after:
        for m in rx.finditer(f"{cleaned.title or ''}\n{opening}"):
            n = m.group("n")
            years = int(n) if n.isdigit() else rules.number_words.get(n.casefold())
            if years:
                spans.append(years)
    if not spans:
        return True
    events = [
        day
        for _start, year, month, d in find_dates(opening, rules, latin)
        if year is not None and (day := safe_date(year, month, d)) is not None and day < date
    ]
    if not events:
        return True
    # (or a year the opening names alone: "16 years after the last state visit … in 2008"
    # under "2024-10-31", the opening's full date another event's, "January 22, 1992")
    named = {int(y) for y in _YEAR.findall(opening)}
    return any(
        abs((date - event).days / DAYS_A_YEAR - years) <= YEARS_AFTER_SLACK
        for event in events
        for years in spans
    ) or any(date.year - year == years for year in named for years in spans)


def fits_lead(date: dt.date, cleaned: Cleaned, rules: CleanRules, latin: bool = False) -> bool:
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
    відбувся 2-й Саміт" under "22.07.2025 00:32:22"): news is told within days. Nor a
    stamp years off the anniversary the opening names (``_years_after_fit``), nor one on
    another weekday than the opening's "yesterday (Monday)" implies (``_named_days_fit``)."""
    if not _years_after_fit(date, cleaned, rules, latin) or not _named_days_fit(
        date, cleaned, rules
    ):
        return False
    first = cleaned.body.split("\n\n", 1)[0] if cleaned.body else ""
    started = None  # where the last date put ahead by its start word begins
    for start, year, month, day in find_dates(first, rules, latin):
        ranged = started is not None and _range_end(first[started:start])
        started = start if ranged or _ahead(first[:start], rules) else None
        if ranged:  # a range's end after its start ahead: "с 24 февраля по 31 мая"
            continue
        if year is not None:  # "late on November 11, 2023" under a stamp of September 26
            told = safe_date(year, month, day)
            ahead = told is not None and told > date + dt.timedelta(days=MAX_LOOK_AHEAD_DAYS_LEAD)
            if ahead and started is None:  # not "until March 31, 2026"
                return False
            continue
        same, before = safe_date(date.year, month, day), safe_date(date.year - 1, month, day)
        after = safe_date(date.year + 1, month, day)
        if (
            started is not None
            and after is not None
            and (after - date).days <= MAX_LOOK_AHEAD_DAYS_LEAD
        ):
            continue  # put ahead into early next year, under a stamp of late December
            # ("temperatures drop through January 12" under "2025-12-29")
        if (
            same is not None
            and start < LEAD_EVENT_CHARS
            and same <= date
            and (date - same).days > LEAD_EVENT_MAX_LAG_DAYS
        ):  # the day the lead's first sentence tells of, weeks before the stamp: the stamp
            return False  # is a page clock ("22.07.202500:32:22" over "17 червня … відбувся")
        if same is not None and same <= date + dt.timedelta(days=MAX_LOOK_AHEAD_DAYS_LEAD):
            continue
        if same is not None and same > date and started is not None:
            continue  # an event to come later in the year: "Чемпионат стартует 4-5 марта"
        if before is not None and (date - before).days <= MAX_YEARLESS_BACK_DAYS:
            continue
        if same is None and before is None:  # 29 February
            continue
        return False
    return True


WEEKDAY_PARAGRAPHS = 3  # the opening whose "on Sunday June 2" must fit the stamp's year


def _opening(cleaned: Cleaned) -> str:
    """The text's first ``WEEKDAY_PARAGRAPHS`` paragraphs, where a report names its days."""
    return "\n\n".join(cleaned.body.split("\n\n", WEEKDAY_PARAGRAPHS)[:WEEKDAY_PARAGRAPHS])


NAMED_DAY_SLACK = 1  # a report may be posted this many days after the day it was written
# "yesterday (Monday)", "today (Tuesday)": the writer's day and its weekday in brackets
_NAMED_DAY = re.compile(r"\b(?P<word>[^\W\d_]+)\s+\((?P<day>[^\W\d_]+)\)")


def _named_days_fit(date: dt.date, cleaned: Cleaned, rules: CleanRules) -> bool:
    """Does ``date`` fall on the day (or the day after) that the opening's "yesterday
    (Monday)" or "today (Tuesday)" makes the writer's? A stamp of Thursday 11 July 2024
    over "said in its Facebook post yesterday (Monday)" is a re-post's, not the report's
    (Thai PBS World: a tariff round of 2022)."""
    if not cleaned.body or not rules.weekdays:
        return True
    opening = _opening(cleaned)
    for m in _NAMED_DAY.finditer(opening):
        word, weekday = m["word"].casefold(), rules.weekdays.get(m["day"].casefold())
        if weekday is None:
            continue
        if word in rules.today_words:
            written = weekday
        elif comparison_key(word) in rules.yesterday_words:
            written = (weekday + 1) % 7
        else:
            continue
        lag = (date.weekday() - written) % 7
        if lag > NAMED_DAY_SLACK:
            return False
    return True


def weekdays_fit(date: dt.date, cleaned: Cleaned, rules: CleanRules, latin: bool = False) -> bool:
    """Does every yearless day the opening names with its weekday ("on Sunday June 2", "в
    среду, 5 января") fall on that weekday in the stamp's year, the year before or the year
    after? A report names the weekday of a day in the weeks around it; a stamp under the
    text in none of whose years the day falls so is another item's ("Published on
    10.02.2021" over a teaser, below a report of a fire on Sunday 2 June 2019). Asked of such
    stamps only: a report's own slip ("у четвер, 6 грудня" for 6 January) does not undo the
    stamp over its headline."""
    if rules.weekday is None or not cleaned.body:
        return True
    opening = _opening(cleaned)
    for start, year, month, day in find_dates(opening, rules, latin):
        if year is not None:
            continue
        named = weekday_before(opening, start, rules)
        weekday = rules.weekdays.get(named["day"].casefold()) if named else None
        if weekday is None or opening[named.end() : start].strip(" ,") != "":
            continue  # (only a weekday right before the day: "Sunday June 2", "среду, 5 января")
        days = [safe_date(y, month, day) for y in (date.year - 1, date.year, date.year + 1)]
        if not any(d is not None and d.weekday() == weekday for d in days):
            return False
    return True


def _today_lead(
    cleaned: Cleaned,
    rules: CleanRules,
    latin: bool = False,
    paragraphs: int = TODAY_LEAD_PARAGRAPHS,
    asides: bool = False,
) -> tuple[int | None, int, int] | None:
    """(year or ``None``, month, day) a sentence of the lead opens with after "today"
    ("Сегодня, 10 января в стране — …", "Сьогодні, 12 січня, під головуванням …",
    "Today, January 6, the …", "Today, Friday 24 February 2023, marks …"): the day the
    report was written. Not a quoted statement's "today" («Бүгін, 2011 жылы 16 желтоқсан …»
    деп мәлімдеді), nor one of two such days. With ``asides``, also "today" between commas
    inside a sentence ("The Government … has today, February 28, 2022, announced …"),
    which may be a source's day reported the next ("повідомив, що ЗСУ сьогодні, 20
    червня, …" posted on the 21st)."""
    if not rules.today_words or not cleaned.body:
        return None
    words = "|".join(re.escape(w) for w in sorted(rules.today_words, key=len, reverse=True))
    opener = re.compile(
        rf"(?:^|(?<=[.!?…])\s+)(?:{words})[,\s]+" + (rf"|(?<=\s)(?:{words}),\s+" if asides else ""),
        re.IGNORECASE,
    )
    found = set()
    for para in cleaned.body.split("\n\n")[:paragraphs]:
        for m in opener.finditer(para):
            before = para[: m.start()]
            if sum(before.count(q) for q in "«„“") > sum(before.count(q) for q in "»”"):
                continue  # inside a quotation
            rest = para[m.end() : m.end() + 60]
            named = re.match(r"([^\W\d_]+)\.?,?\s+", rest)  # "Today, Friday 24 February 2023"
            if named and named.group(1).casefold() in rules.weekdays:
                rest = rest[named.end() :]
            dates = find_dates(rest[:40], rules, latin)
            if dates and dates[0][0] == 0:
                found.add(dates[0][1:])
    return found.pop() if len(found) == 1 else None


def today_dated(cleaned: Cleaned, rules: CleanRules) -> tuple[dt.date | None, str | None]:
    """The day a lead names as today ("Сьогодні, 26 вересня 2025 року, під головуванням …"),
    when nothing else dates the page: the day the report was written; without its year,
    the year the first paragraphs give (``context_year``)."""
    today = _today_lead(cleaned, rules, paragraphs=TODAY_DATED_PARAGRAPHS)
    if today is None:  # ... or "today" between commas before a full date, inside a
        # sentence ("… has today, February 28, 2022, announced …", "… will apply from
        # today, 01st May 2023."): the writer's day, its year given
        aside = _today_lead(cleaned, rules, paragraphs=TODAY_DATED_PARAGRAPHS, asides=True)
        today = aside if aside is not None and aside[0] is not None else None
    if today is None:
        return None, None
    year, month, day = today
    if year is None:  # "Сьогодні, 9 червня, близько 11-ої години …" over "07.06.2015 р.
        # диспетчер … зафіксувала": the year the first paragraphs give their full dates
        year = context_year(cleaned, rules, month, day)
        if year is None:
            return None, None
    date = safe_date(year, month, day)
    return date, "today_lead" if date else None


TODAY_BOX_LEAD_MIN_WORDS = 8  # the lead paragraph whose opening a today box's day is sought in


def today_box_day(cleaned: Cleaned, rules: CleanRules) -> tuple[dt.date | None, str | None]:
    """The day of the page's "today" box when the lead's opening names that day without a
    year ("Вторник, 16 апреля 2019" under the headline over "Во вторник, 16 апреля, в
    областном центре состоялось …"), when nothing else dates the page: either the box is
    the article's stamp, or the page was seen on the day it reports, its publication day.
    One box date only."""
    boxes = {
        safe_date(year, month, day)
        for r in cleaned.removed
        if r.kind == "today_widget"
        for _start, year, month, day in find_dates(r.line, rules)
        if year is not None
    } - {None}
    if len(boxes) != 1:
        return None, None
    box = boxes.pop()
    paras = (
        p for p in (cleaned.body or "").split("\n\n") if len(p.split()) >= TODAY_BOX_LEAD_MIN_WORDS
    )
    lead = next(paras, "")[:LEAD_EVENT_CHARS]
    said = {(month, day) for _s, year, month, day in find_dates(lead, rules) if year is None}
    return (box, "today_box_lead") if (box.month, box.day) in said else (None, None)


def today_check(
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
    if today is None and how not in ("url", "page_date"):  # a stamp against the lead's
        today = _today_lead(cleaned, rules, asides=True)  # aside ("has today, February 28,
        # 2022, announced" under a box of December 8)
    if today is None:
        return date, how
    year, month, day = today
    candidates = [
        safe_date(y, month, day) for y in ((year,) if year else (date.year, date.year - 1))
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
