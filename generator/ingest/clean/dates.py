"""Dates in a line: ``find_dates`` (month names and figures), ``numeric_date`` and the date
and clock-time patterns."""

from __future__ import annotations

import datetime as dt
import re

from generator.ingest.clean.rules import CleanRules
from generator.ingest.clean.text import CYR

WEEKDAY_BEFORE_CHARS = 16  # a weekday's name right before a date: "Wednesday, 02/07/2018"
CLOCK = r"(?:[01]?\d|2[0-3]):[0-5]\d"  # a clock time with its colon ("13:53"), as a pattern
TIME = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3])[:.][0-5]\d(?::[0-5]\d)?(?!\d)")

NUMERIC_DATE = re.compile(
    # 06.01.2022, 06/01/2022, 11-01-2022 (one separator), 18.11.25 (two-digit year, dots),
    # 2022-01-06, 2022/01/06, 2022년 1월 9일
    r"(?<![\d./-])(?P<day>\d{1,2})(?P<sep>[./-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d])"
    r"|(?<![\d./-])(?P<sday>\d{2})\.(?P<smonth>\d{2})\.(?P<syear>\d{2})(?![\d.])"
    # 16/03/17 (two-digit year, slashes): only when the first number can be no month
    r"|(?<![\d./-])(?P<tday>1[3-9]|2\d|3[01])/(?P<tmonth>0[1-9]|1[0-2])/(?P<tyear>\d{2})(?![\d/])"
    # ... and month first when the second can be no month (an American "4/28/17")
    r"|(?<![\d./-])(?P<umonth>0?[1-9]|1[0-2])/(?P<uday>1[3-9]|2\d|3[01])/(?P<uyear>\d{2})(?![\d/])"
    r"|(?<![\d./-])(?P<iyear>\d{4})(?P<isep>[-/.])(?P<imonth>\d{1,2})(?P=isep)(?P<iday>\d{1,2})(?![\d])"
    # 2022년 1월 9일, 2022年1月9日: a Korean, Chinese or Japanese interface's date
    r"|(?<!\d)(?P<cyear>\d{4})\s*[년年]\s*(?P<cmonth>\d{1,2})\s*[월月]\s*(?P<cday>\d{1,2})\s*[일日]"
)

# a 12-hour clock after a slash date writes it the American way, month first
US_CLOCK = re.compile(r"\s+(?:at\s+)?(?:1[0-2]|0?\d):[0-5]\d(?::[0-5]\d)?\s*[AaPp]\.?[Mm]\b")

OPENING_DATE = re.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")  # "18.11.25 года суд ..."


def safe_date(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    """The day, or ``None`` when it is no real day (or the year is out of range)."""
    if year is None or month is None or day is None or not 1900 <= year <= 2200:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def numeric_date(
    m: re.Match[str], latin: bool = False, weekday: int | None = None
) -> tuple[int, int, int] | None:
    """(year, month, day) of a ``NUMERIC_DATE`` match; ``None`` when its order is unknown.

    Day first is the rule ("06.01.2022", "06/01/2022"); a slash or dash date whose first
    number cannot be a day of the second, or followed by a 12-hour clock, is month first
    ("01/13/2022", "04/10/2025 5:13:36 PM PDT"). With ``latin`` (the
    page may write month first: see ``metadata.month_first_possible``) a slash or dash date
    that reads both ways ("01/06/2022", "09-12-2013") is unknown: a site template's
    ``m/d/Y`` or ``m-d-Y`` is as common as ``d/m/Y`` (not "8-07-2017", an unpadded day
    before a padded month). Dots are day first, unless, with ``latin`` and on a line with no
    Cyrillic, the second number can be no month ("05.20.14"). A
    ``weekday`` written before the date (0 Monday .. 6) picks the reading that falls on it
    ("Wed, 02/07/2018" is 7 February, a Wednesday; 2 July was a Monday).
    """
    g = m.groupdict()
    if g.get("iyear"):
        return int(g["iyear"]), int(g["imonth"]), int(g["iday"])
    if g.get("cyear"):
        return int(g["cyear"]), int(g["cmonth"]), int(g["cday"])
    if g.get("syear"):
        sd, sm = int(g["sday"]), int(g["smonth"])
        if _month_first_dots(m, sd, sm, latin):
            return 2000 + int(g["syear"]), sd, sm
        return 2000 + int(g["syear"]), sm, sd
    if g.get("tyear"):
        return 2000 + int(g["tyear"]), int(g["tmonth"]), int(g["tday"])
    if g.get("uyear"):
        return 2000 + int(g["uyear"]), int(g["umonth"]), int(g["uday"])
    y, mo, d = int(g["year"]), int(g["month"]), int(g["day"])
    if g["sep"] in "/-" and weekday is not None and mo <= 12 and d <= 12 and mo != d:
        on_day = [(y, a, b) for a, b in ((mo, d), (d, mo)) if _weekday(y, a, b) == weekday]
        if len(on_day) == 1:
            return on_day[0]
    if g["sep"] == "." and _month_first_dots(m, d, mo, latin):
        return y, d, mo
    if g["sep"] in "/-":
        if mo > 12 >= d or (d <= 12 and US_CLOCK.match(m.string, m.end())):
            return y, d, mo
        if len(g["day"]) == 1 and len(g["month"]) == 2 and g["month"].startswith("0"):
            return y, mo, d  # "8-07-2017": a day unpadded, its month padded (a template's
            # "j-m-Y"); a month-first template pads both or neither ("08/07", "8/7")
        if latin and mo <= 12 and d <= 12 and mo != d:
            return None
    return y, mo, d


def _month_first_dots(m: re.Match[str], first: int, second: int, latin: bool) -> bool:
    """Is a dotted date month first: its second number can be no month ("05.20.14", an
    American template's), on a page that may write month first and a line with no Cyrillic
    (on a Cyrillic page, a site clock's: "| 9:01 | 09.16.2024")?"""
    return latin and second > 12 >= first and not CYR.search(m.string)


def _weekday(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def date_ends(text: str, at: int, rules: CleanRules) -> list[int]:
    """Where the date written at offset ``at`` of ``text`` ends, once for each date pattern
    that matches there (the numeric one first, then the packs' in their order)."""
    return [
        m.end()
        for rx in (NUMERIC_DATE, *rules.date_patterns)
        for m in rx.finditer(text)
        if m.start() == at
    ]


def opening_date_end(line: str, rules: CleanRules, latin: bool = False) -> int:
    """Where a full date (with its year) opening the line ends ("22 марта 2024 ГТРК …",
    "Jan 07, 2022UN chief …"), else 0."""
    found = find_dates(line[:40], rules, latin)
    if not found or found[0][0] != 0 or found[0][1] is None:
        return 0
    return max(date_ends(line, 0, rules), default=0)


def weekday_before(text: str, start: int, rules: CleanRules) -> re.Match[str] | None:
    """A weekday's name among the few characters before ``start`` ("Wednesday, " and no
    more: ``WEEKDAY_BEFORE_CHARS``); its ``day`` group is the name."""
    if rules.weekday is None:
        return None
    return rules.weekday.search(text, max(0, start - WEEKDAY_BEFORE_CHARS), start)


def find_dates(
    text: str, rules: CleanRules, latin: bool = False
) -> list[tuple[int, int | None, int, int]]:
    """(offset, year or None, month, day) of every date written in ``text``, in order.

    ``latin``: the page is in Latin script (a slash date may be month first: see
    ``numeric_date``)."""
    found: dict[int, tuple[int, int | None, int, int]] = {}
    for m in NUMERIC_DATE.finditer(text):
        named = weekday_before(text, m.start(), rules)
        day = rules.weekdays.get(named["day"].casefold()) if named else None
        ymd = numeric_date(m, latin, day)
        if ymd is not None:
            found[m.start()] = (m.start(), *ymd)
    for rx in rules.date_patterns:
        for m in rx.finditer(text):
            month = rules.months.get(m.group("month").lower().rstrip("."))
            if month is None:
                continue
            year = m.groupdict().get("year")
            if short := m.groupdict().get("short_year"):  # "01 Октября’22"
                year = f"20{short}"
            day = int(m.group("day"))
            item = (m.start(), int(year) if year else None, month, day)
            old = found.get(m.start())
            if old is None or (old[1] is None and item[1] is not None):
                found[m.start()] = item
    return [found[k] for k in sorted(found)]
