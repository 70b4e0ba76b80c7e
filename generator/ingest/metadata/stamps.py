"""The page's stamps and datelines read for a date: the full dates of the stamp lines,
the one the stamps give (``stamp_date``), a stamp glued to the first lines, a stamp against a
yearless dateline, boxes of the day and "yesterday" stamps."""

from __future__ import annotations

import datetime as dt
import re

from generator.ingest.clean import (
    CLOCK,
    NUMERIC_DATE,
    TIME,
    Cleaned,
    CleanRules,
    Dateline,
    find_dates,
    published_label,
    stamped_list,
)
from generator.ingest.clean.blocks import TOP_BAR_MIN_DAYS
from generator.ingest.clean.candidates import calendar_only
from generator.ingest.metadata.dates import safe_date

UPDATE_AFTER_DAYS = 3  # two stamps in a bar, the second this few days later: published, updated
STAMP_AFTER_DATELINE_DAYS = 3  # a stamp this long after a yearless dateline's day is its posting
HEAD_STAMPS = ("above", "below", "after", "top", "late")  # stamp places around the headline

# A page header's widgets: the weather ("Харків +12°С", "-3.1 C", "Fargo, US 73 F") and
# exchange rates ("• USD 39.6", "USD" / "504.49 KZT", "KZT/USD = 0.00191"); a date next to
# them is the day the page was seen.
_WIDGET = re.compile(
    r"(?<![\w.])(?:[+\-−–]?\d{1,2}(?:[.,]\d)?\s*°\s*[CСF]?|[+\-−–]\d{1,2}(?:[.,]\d)?\s+[CС])(?!\w)"
    r"|(?<!\w)(?:USD|EUR|RUB|KZT|UAH|CNY|GBP)\s*[=:]?\s*\d+(?:[.,]\d+)?(?!\w)"
    r"|(?<![\w.])\d+(?:[.,]\d+)?\s*(?:KZT|RUB|UAH|USD|EUR|₸|₽|₴)(?!\w)"
    r"|^\W*(?:USD|EUR|RUB|KZT|UAH|CNY|GBP)\W*$"
    r"|(?<!\w)[A-Z]{3}/[A-Z]{3}\s*=\s*\d"
    r"|,\s*[A-Z]{2}\s+-?\d{1,3}\s*°?\s*F(?!\w)"  # "Fargo, US 73 F"
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
# the text's first word glued to the date: "2016Как сообщили", "2024В среду, 6 ноября", or
# an abbreviation opening it: "11.12.2021СК ЦСКА, Алматы, Казахстан. …" (a results report)
_GLUED_WORD = re.compile(
    r"[A-ZА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ]"
    r"(?:[a-zа-яёіїєґәғқңөұүһ]|\s[a-zа-яёіїєґәғқңөұүһ]{2}|[A-ZА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ]+\s)"
)
FURNITURE_WORDS = 4  # words of a bit of furniture between separators ("1 hour ago")


def _stamp_items(
    cleaned: Cleaned, rules: CleanRules, latin: bool = False
) -> list[tuple[str, dt.date]]:
    """(place, date) of the full dates of the stamp lines (``Cleaned.stamps``), in order;
    not those of an "Updated" stamp (a revision: dates after its label are skipped, up to a
    publication's label), nor one later than such a revision's day (the page was published
    by then), nor of a box of the day ("Сегодня 7 января 2022"), nor of the year an "on this
    day in 2011" post recalls."""
    text = f"{cleaned.title or ''}\n{cleaned.body[:3000] if cleaned.body else ''}"
    recalled = {int(m.group("year")) for rx in rules.anniversary for m in rx.finditer(text)}
    boxes = (
        {line.strip() for where, line in cleaned.stamps if where in ("above", "top")}
        if _header_widgets(cleaned)
        else set()
    )
    items = []  # (where, day, whether a publication's label names it)
    revisions = []  # the days of the "Updated" stamps: the page was published by then
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
        labels = [  # (where, whether an update's) of the line's stamp labels
            (m.start(), m.group() in rules.update_words)
            for m in re.finditer(r"[^\W\d_]+", folded)
            if m.group() in rules.update_words or m.group() in rules.publish_words
        ]
        for start, year, month, day in find_dates(line, rules, latin):
            # the nearest label before a date says whose it is ("Updated 3 months ago ·
            # Published on 18 Jan 2024": the publication's after its own label)
            nearest = next((upd for at, upd in reversed(labels) if at < start), None)
            revised = bool(nearest)  # (``None``: no label before it; ``False``: a
            # publication's label)
            found = safe_date(year, month, day)
            if found and (span := _RANGE_START.search(line[:start])):  # "№15 (1105)
                # 13.04—19.04.2013": a weekly's issue, dated by its first day
                first = safe_date(year, int(span["month"]), int(span["day"]))
                found = first if first is not None and first <= found else found
            if not revised and found and found.year not in recalled:
                items.append((where, found, nearest is False))
            elif found and revised:
                revisions.append(found)
                if _first_published_earlier(line, labels):  # "Updated February 4 2017 -
                    items.append((where, found, True))  # 2:08am, first published 12:15am"
    if revisions:  # a day after the first revision is no publication: a box of the day
        # ("September 24th, 2016" over "Updated: 10:12 am, May 07, 2015"), unless its own
        # label says it is ("Published: 13/12/2017 08:55 - Updated: 12/12/2017 12:00")
        items = [item for item in items if item[2] or item[1] <= min(revisions)]
    return [(where, day) for where, day, _published in items]


# a clock time ("2:08am", "12:15 p.m.", "14:05"), to tell the hours of one day apart
_CLOCK = re.compile(r"(?<!\d)(?P<h>[0-2]?\d)[:.](?P<m>[0-5]\d)\s*(?:(?P<ap>[ap])\.?m\.?)?(?!\w)")


def _minutes(clock: re.Match[str]) -> int:
    """Minutes since midnight of a clock time ("12:15am" is 15)."""
    hours = int(clock["h"])
    if clock["ap"]:
        hours = hours % 12 + (12 if clock["ap"] == "p" else 0)
    return hours * 60 + int(clock["m"])


def _first_published_earlier(line: str, labels: list[tuple[int, bool]]) -> bool:
    """Does an update's stamp end with its first publication's clock time alone, earlier
    than the update's ("Updated February 4 2017 - 2:08am, first published 12:15am",
    Australian Community Media's), so that the page was published on the update's day?"""
    if not labels or labels[0][1] is not True or labels[-1][1] is not False:
        return False
    update, published = _CLOCK.search(line), labels[-1][0]
    rest = re.sub(r"^[^\W\d_]+\s*:?\s*", "", line[published:].casefold())
    first = _CLOCK.fullmatch(rest.strip(" ."))
    return bool(
        update and first and update.start() < published and _minutes(first) <= _minutes(update)
    )


# the first day of a span of days before a stamp's full date ("13.04—" of "13.04—19.04.2013")
_RANGE_START = re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\s*[—–-]\s*$")


def _header_widgets(cleaned: Cleaned) -> bool:
    """Does the page open with a header's widgets (the weather, exchange rates), whose
    date stands for the day the page was seen, not for the article ("• Сб 20.04.2024" /
    "Харків +12°С" / "• USD 39.6" over a report of 20.04.2023)?"""
    body = cleaned.body.split("\n")[:OPENING_STAMP_LINES] if cleaned.body else []
    above = (r.line for r in cleaned.removed if r.kind == "pre_title")  # (dropped over the
    return any(  # headline: "Central - 27°C Rain", "Fargo, US 73 F")
        _WIDGET.search(line) and len(line.split()) <= WIDGET_LINE_WORDS
        for line in (cleaned.title or "", *cleaned.header_lines, *above, *body)
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
        found = safe_date(year, month, day)
        if found and start in ends:
            spans.append((start, ends[start], found))
    return spans


# a clock time alone before the date that opens the line: "18:07, марта 30, 2025 Сегодня …"
_CLOCK_FIRST = re.compile(rf"\s*{CLOCK},?\s*")


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


def opening_stamp(cleaned: Cleaned, rules: CleanRules, latin: bool = False) -> dt.date | None:
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
                and (_glued_stamp_tail(line[end:]) or _CLOCK_FIRST.fullmatch(line[:start]))
                and not any(w in rules.update_words or w in rules.today_words for w in before)
            ):  # not "Updated 12 January 2022 | 10:15", not "Сегодня 7 января 2022, 14:00"
                found.add(date)
    return found.pop() if len(found) == 1 else None


def stamp_dates(cleaned: Cleaned, rules: CleanRules, latin: bool = False) -> list[dt.date]:
    """The full dates of the stamps around the headline and the agency headers, in order
    (see ``_stamp_items``)."""
    return [d for where, d in _stamp_items(cleaned, rules, latin) if where in HEAD_STAMPS]


def stamp_date(
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
    head = [(w, d) for w, d in items if w in HEAD_STAMPS]
    dl = cleaned.dateline
    if dl is not None and dl.month and dl.day:  # "АЛМАТЫ, 18 қаңтар – Sputnik" + "18.01.2022"
        for _where, found in head:
            if (found.month, found.day) == (dl.month, dl.day):
                return found, False, "stamp_dateline"
    if (box := weekday_box_day(cleaned, rules, latin)) is not None:
        published = _published_after_text(cleaned, rules, latin)
        if len(published) == 1 and (day := published.pop()) < box:
            return day, False, "stamp_tail"  # "Sunday, December 14th, 2025" / headline /
            # text / "Publish Date : 09 May 2022 15:23 PM": the box is the day of the visit
    listed = len({d for _w, d in head}) >= LISTED_DATES and all(w == "above" for w, _d in head)
    if box is not None and len(head) == 1 and not (dl is not None and dl.day and dl.month):
        head = []  # a weekday box alone over the headline ("Friday, March 29, 2024"): mostly
        # the day of the visit, not the article's; a stamp after the standfirst or the text
        # may still date the page ("By Press Association Sunday 8 Aug 2021, 4:14 PM"), and a
        # yearless dateline's day may still pick the box (``posts_dateline``)
    if head and not listed:  # (several dates above the headline: a list, no stamp)
        dates = {d for _w, d in head}
        lead = {d for w, d in items if w == "lead"}
        if (
            len(dates) == 1
            and len(lead) == 1
            and all(w == "above" for w, _d in head)
            and min(lead) < min(dates)
        ):  # "28.01.2026" over the headline, "14.12.2023 0" over the text: the box of the
            return lead.pop(), False, "stamp_lead"  # visit's day, the text's own stamp
        if len(dates) == 1:
            return dates.pop(), False, "stamp"
        below = {d for w, d in head if w == "below"}
        if len(below) == 1:
            return below.pop(), False, "stamp_below"
        if len(head) == 2 and all(w == "above" for w, _d in head):
            (_w, bar), (_v, own) = head  # "20.05.2024" / "Main Menu" / … / "15.02.2016" /
            if (bar - own).days >= TOP_BAR_MIN_DAYS:  # the headline: the site's bar of the
                return own, False, "stamp"  # visit a month and more after the article's stamp
        return None, True, ""
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


def weekday_box_day(cleaned: Cleaned, rules: CleanRules, latin: bool) -> dt.date | None:
    """The day of the one stamp above the headline when it has the shape of a header's box
    of the day: a weekday and a full date, nothing else, no clock time ("Sunday, December
    14th, 2025")."""
    above = [line for where, line in cleaned.stamps if where in ("above", "top")]
    if len(above) != 1 or TIME.search(above[0]):
        return None
    if not calendar_only(above[0], rules):
        return None  # (not a rubric's edition of the day: "General News of Wednesday, 26 …")
    if not any(w in rules.weekdays for w in re.findall(r"[^\W\d_]+", above[0].casefold())):
        return None
    days = {safe_date(y, m, d) for _s, y, m, d in find_dates(above[0], rules, latin) if y}
    return days.pop() if len(days) == 1 else None


def _published_after_text(cleaned: Cleaned, rules: CleanRules, latin: bool) -> set[dt.date]:
    """The days of the stamps after the text that say they are the publication's ("Publish
    Date : 09 May 2022 15:23 PM")."""
    return {
        day
        for where, line in cleaned.stamps
        if where == "tail" and published_label(line, rules)
        for _s, y, m, d in find_dates(line, rules, latin)
        if y and (day := safe_date(y, m, d)) is not None
    }


def posts_dateline(stamped: dt.date, dl: Dateline | None) -> bool:
    """Can a stamp be the posting of a report whose dateline names a day without a year?
    A dateline is the day the report was filed: the stamp is that day or a few days after
    (``STAMP_AFTER_DATELINE_DAYS``; the day before, across time zones). A stamp of another
    day is a box of the day the page was seen ("Thursday, August 18, 2022" / "Main Menu"
    over "NurSultan, Kazakhstan, Jan 11: …") or a re-post. A dateline with its year, or
    none, leaves the stamp as it is."""
    if dl is None or dl.year or not (dl.month and dl.day):
        return True
    for year in (stamped.year, stamped.year - 1):
        filed = safe_date(year, dl.month, dl.day)
        if filed and -1 <= (stamped - filed).days <= STAMP_AFTER_DATELINE_DAYS:
            return True
    return False


def today_box(line: str, rules: CleanRules) -> bool:
    """A site's box of the day ("Сегодня 7 января")."""
    words = re.findall(r"[^\W\d_]+", line.casefold())
    return bool(words) and words[0] in rules.today_words


def yesterday(cleaned: Cleaned, rules: CleanRules) -> bool:
    """Does a stamp around the headline say "yesterday" ("Вчера, 18:40") and give no date?"""
    for where, line in cleaned.stamps:
        words = re.findall(r"[^\W\d_]+", line.casefold())
        if where in HEAD_STAMPS and words[:1] and words[0] in rules.yesterday_words:
            return not find_dates(line, rules)
    return False
