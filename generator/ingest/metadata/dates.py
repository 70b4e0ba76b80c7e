"""Dates and the crawl marker: ``safe_date`` (a real day or ``None``), ``parse_crawl_date``
and ``month_first_possible`` (may the page write a slash or dash date month first?)."""

from __future__ import annotations

import datetime as dt
import re

from generator.ingest.clean import NUMERIC_DATE, Cleaned, CleanRules, find_dates
from generator.ingest.clean.dates import safe_date

# a date of the page this many days before one reading of a slash date ("06/01/2022" after
# "5 января") settles its order
SETTLING_DAYS = 7


def parse_crawl_date(
    marker: str | None,
) -> tuple[dt.date | None, tuple[int, int] | None, str | None]:
    """(full date, (year, month) when only a month is given, warning) of a crawl marker."""
    if not marker:
        return None, None, None
    parts = [int(p) for p in marker.split("-")]
    if len(parts) == 3:
        date = safe_date(*parts)
        if date is None:
            return None, None, f"impossible crawl date {marker} ignored"
        return date, None, None
    if 1 <= parts[1] <= 12:
        return None, (parts[0], parts[1]), None
    return None, None, f"impossible crawl month {marker} ignored"


# a clock after a dash date: DataLife Engine's day-first stamp ("02-03-2021, 14:24"; so
# every such stamp of the labelled pages, 22 in ru, uk, kk and en)
_DASH_CLOCK = re.compile(r",?\s+[0-2]?\d:[0-5]\d")


def month_first_possible(cleaned: Cleaned, rules: CleanRules) -> bool:
    """May the page write a slash or dash date month first ("09-12-2013" for 12 September,
    "08/10/2022" for 10 August, under a Russian or Ukrainian text too: a site template's
    ``m-d-Y`` is as common as ``d-m-Y``)? Not when the page settles it day first:

    - another such date of the page has a first number that can only be a day ("Курсы
      валют от 21/08/2025" over "Экономика 01/09/2023"), or is a dash date with its clock
      time after it ("02-03-2021, 14:24"), and none has a second number only a day can be;
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
            dash_clock = m.group("sep") == "-" and _DASH_CLOCK.match(seen, m.end()) is not None
            firsts.add(first > 12 or dash_clock)
            seconds.add(second > 12)
            if first <= 12 and second <= 12 and first != second:
                year = int(m.group("year"))
                readings.append((safe_date(year, second, first), safe_date(year, first, second)))
    if True in firsts and True not in seconds:
        return False
    if not readings:
        return True
    others = find_dates(seen, rules, latin=True)  # (the ambiguous ones left out)

    def near(reading: dt.date | None) -> bool:
        if reading is None:
            return False
        for _start, year, month, day in others:
            other = safe_date(year or reading.year, month, day)
            if other is not None and 0 <= (reading - other).days <= SETTLING_DAYS:
                return True
        return False

    return not all(near(day_first) and not near(month_first) for day_first, month_first in readings)
