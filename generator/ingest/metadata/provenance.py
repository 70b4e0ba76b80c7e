"""The publication date and its provenance: ``date_with_provenance`` tries the branches
of ``DATE_BRANCHES`` in order and checks the result against the crawl marker and the lead's
"today"; ``infer_date``."""

from __future__ import annotations

import datetime as dt
import re

from generator.ingest.clean import TIME, Cleaned, CleanRules, find_dates
from generator.ingest.clean.datelines import known_agency
from generator.ingest.metadata.dates import month_first_possible, parse_crawl_date, safe_date
from generator.ingest.metadata.lead_dates import (
    LEAD_SENTENCE,
    context_year,
    fits_lead,
    today_box_day,
    today_check,
    today_dated,
    weekdays_fit,
)
from generator.ingest.metadata.outlets import name_like
from generator.ingest.metadata.stamps import (
    HEAD_STAMPS,
    opening_stamp,
    posts_dateline,
    stamp_date,
    stamp_dates,
    today_box,
    weekday_box_day,
    yesterday,
)
from generator.ingest.metadata.url_dates import (
    in_slug,
    permalink_date,
    url_date_reading,
    url_month,
)

_LONE_YEAR = re.compile(r"\s*(?:19|20)\d{2}\s*")  # a stamp's year on a line of its own
_DAY_MONTH = re.compile(r"\s*(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\s*")  # ... its "17.06"


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
    "stamp_before_url",  # a stamp around the headline of a day before the URL's date
    "stamp_after_url",  # ... of the day after the URL's date (the draft's day, a time zone)
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
    "today_box_lead",  # nothing else: a today box's day, the one the lead opens with
    "crawl_stamp",  # a date against the crawl marker's day, which another stamp names
    "crawl_box",  # the crawl date against a box of the day (a weekday, no clock) a day later
    "url_month_box",  # nothing else: a weekday's date over the headline in the URL's month
)


def date_with_provenance(
    cleaned: Cleaned,
    rules: CleanRules,
    page_date: dt.date | None = None,
    url: str | None = None,
) -> tuple[dt.date | None, str | None, list[str]]:
    """(date, the branch of ``DATE_BRANCHES`` that gave it, warnings): see ``_dated``.

    A date after the month the URL states without a day ("/frontburner/2017/09/…" under a
    box of the day "Tuesday, May 24, 2022") is a later box's or update's: no date. One
    before it stands (a post filed in a later month's folder)."""
    date, how, warnings = _dated(cleaned, rules, page_date, url)
    month = url_month(url)
    if date is not None and month is not None and (date.year, date.month) > month:
        warnings.append(
            f"the {how} date {date} is after the URL's month {month[0]}-{month[1]:02d}; "
            "date left unknown"
        )
        return None, None, warnings
    if date is None and month is not None and not cleaned.crawl_date:
        latin = month_first_possible(cleaned, rules)
        box = weekday_box_day(cleaned, rules, latin)
        in_month = box is not None and (box.year, box.month) == month
        if in_month and fits_lead(box, cleaned, rules, latin):
            return box, "url_month_box", warnings  # "Thursday, 8 January 2009" over the
            # headline at …/2009/01/kilmarnock-….html: a blog's date header, not the day's box
    return date, how, warnings


def _dated(
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
    besides the text, stands). Except a day off: a stamp with its clock time is the
    publication's in the site's time zone ("Published: Jan. 7, 2023 at 11:10 PM EST" by a
    marker of 8 January), and a box of the day a day after the marker is the day the page
    was seen (the marker stands).
    """
    date, how, warnings = _branch_date(cleaned, rules, page_date, url)
    if date is None:  # the lead's own "today" (nothing to check it against)
        date, how = today_dated(cleaned, rules)
    if date is None:  # a box of the day whose day the lead opens with
        date, how = today_box_day(cleaned, rules)
    else:
        date, how = today_check(date, how, cleaned, rules, warnings)
    if (
        date is None
        or how in ("url", "today_url", "page_date")
        or _marker_agrees(date, cleaned.crawl_date)
    ):
        return date, how, warnings
    crawl = parse_crawl_date(cleaned.crawl_date)[0]
    stamped = [  # (line, day) of every full date of the stamps
        (line, safe_date(y, m, d))
        for _where, line in cleaned.stamps
        for _s, y, m, d in find_dates(line, rules)
        if y is not None
    ]
    # another stamp of the page names the marker's day: "02 Apr 2022" (a box of the day) over
    # the headline, "01 Apr 2022 3:33 PM" under it, marker 2022-04-01
    if crawl is not None and any(day == crawl for _line, day in stamped):
        return crawl, "crawl_stamp", warnings
    if crawl is not None and abs((date - crawl).days) == 1:
        giving = [line for line, day in stamped if day == date]
        if any(TIME.search(line) for line in giving):  # "Published: Jan. 7, 2023 at 11:10
            return date, how, warnings  # PM EST" by a marker of 8 January: time zones
        if (
            date > crawl and giving and all(_opens_with_weekday(g, rules) for g in giving)
        ):  # "Wednesday, March 1, 2023" over a marker of 28 February: the box of the day
            return crawl, "crawl_box", warnings  # the page was seen, after it was posted
    warnings.append(
        f"the {how} date {date} is not the crawl date {cleaned.crawl_date}; date left unknown"
    )
    if page_date is not None:
        return page_date, "page_date", warnings
    by_url = _url_date(cleaned, rules, url, month_first_possible(cleaned, rules))
    return by_url, "url" if by_url else None, warnings


def _opens_with_weekday(line: str, rules: CleanRules) -> bool:
    """Does the line open with a weekday's name ("Wednesday, March 1, 2023")?"""
    first = re.match(r"\W*([^\W\d_]+)", line.casefold())
    return first is not None and first.group(1) in rules.weekdays


def _url_date(cleaned: Cleaned, rules: CleanRules, url: str | None, latin: bool) -> dt.date | None:
    """The URL's date, unless the headline names that day: then the address is the headline's
    slug ("…-ot-11012022-goda-…" for "… от 11.01.2022 года …", a speech posted a day later),
    not a publication date."""
    reading = url_date_reading(url)
    if reading is None:
        return None
    found, swapped = reading
    if swapped is not None and swapped in stamp_dates(cleaned, rules, latin):
        return swapped  # "/09-07-2011/" under a stamp "September 7, 2011": month first
    if not cleaned.title:
        return found
    for _start, year, month, day in find_dates(cleaned.title, rules, latin):
        if year is not None and safe_date(year, month, day) == found:
            return None
        if year is None and (month, day) == (found.month, found.day) and in_slug(url, found):
            return None  # "Изменения действующие с 1-го сентября …" at …-zakon-s-01092025.html
    return found


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
    page's own address written in its text: ``permalink_date``), the stamp lines around
    the headline (the one a yearless dateline names first; see
    ``stamp_date``), a stamp after a standfirst or right after the text, the crawl date.
    A date in the body, the lead included, is an event's and is never taken; a day and
    month alone take a year only from a dateline's context or the crawl month. A stamp or
    crawl date that the lead's yearless dates do not fit (``fits_lead``) is not taken,
    and conflicting stamps give no date: no date rather than a wrong one.
    """
    warnings: list[str] = []
    crawl, crawl_month, warning = parse_crawl_date(cleaned.crawl_date)
    if warning:
        warnings.append(warning)
    latin = month_first_possible(cleaned, rules)  # (a slash date may be American)
    dl = cleaned.dateline
    if dl is not None and dl.year and dl.month and dl.day:
        full = safe_date(dl.year, dl.month, dl.day)
        if full and not dl.place and not dl.agency:  # the lead's own date ("February 28,
            stamped = stamp_date(cleaned, rules, latin)[0]  # 2009: The fuel prices …")
            if stamped is not None and stamped != full:  # under "Published on Feb 28 2010"
                warnings.append(f"the lead's date {full} is not the stamp's; left unknown")
                return None, None, warnings
        if full:
            return full, "dateline", warnings
    if page_date is not None:
        return page_date, "page_date", warnings
    by_url = _url_date(cleaned, rules, url, latin)
    if by_url is not None:
        stamped, _conflict, which = stamp_date(cleaned, rules, latin)
        if (  # the page's own stamp of an earlier day: the address is a later posting's
            stamped is not None  # (a site moved: "• 30 мая 2017 г." under /2019/05/20/; a
            and stamped < by_url  # stamp in local time under a UTC day); a later stamp is
            and posts_dateline(stamped, dl)  # an update's or a box of the day
            and fits_lead(stamped, cleaned, rules, latin)
            # (not a stamp after the text: an embedded post's, "Posted by Munya Bloggo on
            # Sunday, 6 January 2019" under /2019/01/09/)
            and which != "stamp_tail"
        ):
            return stamped, "stamp_before_url", warnings
        if (  # ... but the day after the address's: the post's draft or its time zone, the
            stamped is not None  # stamp printed on publication ("May 14, 2024" under
            and (stamped - by_url).days == 1  # /2024/05/13/; "11.02.2011" under a slug of
            and posts_dateline(stamped, dl)  # the 10th)
            and fits_lead(stamped, cleaned, rules, latin)
        ):
            return stamped, "stamp_after_url", warnings
        return by_url, "url", warnings
    by_url = permalink_date(cleaned, rules, url)
    if by_url is not None:
        return by_url, "permalink", warnings
    stamped, conflict, which = stamp_date(cleaned, rules, latin)
    if stamped is not None:
        if not posts_dateline(stamped, dl):
            warnings.append(f"the stamp date {stamped} is not the dateline's day; left unknown")
            return None, None, warnings
        if fits_lead(stamped, cleaned, rules, latin) and (
            which != "stamp_tail" or weekdays_fit(stamped, cleaned, rules, latin)
        ):
            return stamped, which, warnings
        warnings.append(f"the stamp date {stamped} does not fit the lead's dates; left unknown")
        return None, None, warnings
    if conflict:
        warnings.append("the page's stamps give different dates; date left unknown")
        return None, None, warnings
    opening = opening_stamp(cleaned, rules, latin)
    if (
        opening is not None
        and (crawl is None or opening <= crawl)
        and fits_lead(opening, cleaned, rules, latin)
    ):
        return opening, "opening_stamp", warnings
    head = [line for where, line in cleaned.stamps if where in HEAD_STAMPS]
    lone_years = {int(y.group()) for h in head if (y := _LONE_YEAR.fullmatch(TIME.sub("", h)))}
    if len(lone_years) == 1:  # a stamp broken over lines: "05 января" / "15:16" / "2022",
        # "15 сентября" / "02:21 2022"
        year = lone_years.pop()
        for line in head:
            days = [(month, day) for _start, _year, month, day in find_dates(line, rules, latin)]
            if figures := _DAY_MONTH.fullmatch(line):  # "17.06" / "2022" (no clock time)
                days.append((int(figures["month"]), int(figures["day"])))
            for month, day in days:
                found = safe_date(year, month, day)
                if found:
                    return found, "split_stamp", warnings
        # ... or its day and month left to the dateline: "2022" under the headline, then
        # "Бишкек. 7 января. ИНТЕРФАКС - …" (not after the day the page was seen, nor
        # against the year the lead's dates give: a counter of 2023 views is no year)
        if dl is not None and dl.month and dl.day:
            found = safe_date(year, dl.month, dl.day)
            told = context_year(cleaned, rules, dl.month, dl.day, latin=latin)
            if found and (crawl is None or found <= crawl) and told in (None, year):
                return found, "lone_year_dateline", warnings
    # A stamp's day and month without a year ("BAKU, Azerbaijan, Jan. 11", "13 қаңтар,
    # 14:53"), not a box of the day the page was seen.
    stamp_day = next(
        (
            (mo, d)
            for where, line in cleaned.stamps
            if where in HEAD_STAMPS and not today_box(line, rules)
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
            if yesterday(cleaned, rules):  # "Вчера, 18:40": seen the day after the marker's
                # day, or the marker is the day it was seen: which one is unknown
                warnings.append("a 'yesterday' stamp beside the crawl date; date left unknown")
                return None, None, warnings
            if fits_lead(crawl, cleaned, rules, latin):
                return crawl, "crawl", warnings
            warnings.append(f"the crawl date {crawl} does not fit the lead's dates")
            return None, None, warnings
        if month_day == (crawl.month, crawl.day):
            return crawl, how, warnings
        filed = safe_date(crawl.year, *month_day)
        if how == "crawl_dateline" and filed is not None and (crawl - filed).days == 1:
            return crawl, how, warnings  # "IMPHAL, March 8 (NNN):" by a marker of 9 March:
            # filed on the dateline's day, posted (printed) the next
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
        found = safe_date(crawl_month[0], *month_day)
        if found:
            return found, f"crawl_month_{of}", warnings
    # Only a dateline's ("10 янв - РИА Новости") takes the year the first paragraphs give:
    # a yearless date around the headline may be a related item's ("29 листопада" /
    # "Завантажити ще" over a report of 5 January), and no tuning page needed it.
    if of == "dateline" and month_day:
        year = context_year(cleaned, rules, *month_day, latin=latin)
        found = safe_date(year, *month_day)
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
        lead = LEAD_SENTENCE.split(first, maxsplit=1)[0]
        found_dates = find_dates(lead, rules, latin)
        if found_dates and lead.lstrip()[:1] not in '«"„“':
            start, year, month, day = found_dates[0]
            found = safe_date(year, month, day)
            if (
                found
                and not re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", lead[:start])
                and fits_lead(found, cleaned, rules, latin)
            ):
                return found, "wire_lead", warnings
    return None, None, warnings


def _agency_like(agency: str | None, rules: CleanRules) -> bool:
    """Is a dateline's agency a known outlet, so that the report is a wire report?

    Not a letter cut from the place ("ASTANA – The …" read as place "ASTAN" and agency
    "A"; "КТК – …" as "КТ" and "К"), a dash, a date ("13 ҚАҢТАР") or a country after the
    city ("ALMATY, KAZAKHSTAN - JANUARY 5, 2022: A burnt car …", a photo caption): a page
    opening "MOSCOW – A top official said …" under a caption of two days before is no
    wire report dated by that caption."""
    return agency is not None and name_like(agency) and known_agency(agency, rules)
