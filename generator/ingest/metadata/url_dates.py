"""Dates in addresses: ``url_date`` (the date a page's URL path states, inside a web
archive's address too) and the date of the page's own address written in its text."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from generator.ingest.clean import Cleaned, CleanRules
from generator.ingest.metadata.dates import safe_date
from generator.sources import site_host

_URL_DATES = (
    # (one separator throughout: "/2016/2-26/" is a paper's year and issue numbers, and so
    # is "/2009-4-5-28/"; nor a blog post's name after its year and month: Blogger's
    # "/2017/09/25.html", a slug opening with a number: "/2020/05/15-let-andizhanskoj-bojne";
    # nor a weekly's issue and page: "/filings/2020/9/9_3.html", issue 9's third page)
    re.compile(
        r"(?<!\d)(?P<y>20\d{2})(?P<sep>[/-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
        r"(?=[/_.]|$|(?<=-\d)-|(?<=-\d\d)-)(?!(?<=/\d\d)\.s?html?$)(?!(?<=/\d)\.s?html?$)"
        r"(?!(?<=-\d)-\d{1,3}/)(?!(?<=/\d)_\d)"
    ),
    re.compile(r"/(?P<d>\d{2})/(?P<m>\d{2})/(?P<y>20\d{2})/"),
    re.compile(r"(?<![\d])(?P<y>20\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?:\d{6,}|(?![\d]))"),
    re.compile(r"(?<![\d])(?P<d>[0-3]?\d)-(?P<m>[01]?\d)-(?P<y>20\d{2})(?![\d])"),
    re.compile(r"(?<![\d])(?P<d>[0-3]\d)(?P<m>[01]\d)(?P<y>20[0-4]\d)(?![\d])"),
)
_DAY_FIRST_URL_DATES = frozenset({1, 3, 4})  # the patterns above that write the day first
# the month's English name between the year and the day ("/2017/aug/23/", "/2020/Jun/23/")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_URL_MONTH_NAME = re.compile(
    rf"/(?P<y>(?:19|20)\d{{2}})/(?P<m>{'|'.join(_MONTHS)})"
    r"(?:uary|ruary|ch|il|e|y|ust|t|tember|ober|ember)?/(?P<d>[0-3]?\d)(?=[/._-]|$)",
    re.IGNORECASE,
)

# the month and day as one folder after the year's ("/news/business/2022/0825/1318728-…",
# "/n3/2022/0106/c90000-….html"); not when the day says the year's last two figures again:
# "/features/2013/0413/" is a magazine's April 2013 issue
_URL_MONTH_DAY = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>[01]\d)(?P<d>[0-3]\d)/")

# a NewsML item's name as a folder: its date is the provider's registration of the name
# ("/en/221217/urn:newsml:dpa.com:20090101:221217-99-935540": dpa's since 2009), not the day
_NEWSML_URN = re.compile(r"/urn:newsml:[^/]*", re.IGNORECASE)

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
    ``/20220110/``, a ``20220107113851`` time stamp, ``-07-01-2022.html``, ``-29112025-``,
    ``/2017/aug/23/``, ``/2022/0825/``;
    ``None`` when it states none, or two different days (a CMS's category alias and its
    article's: ``/index.php/2010-12-09-05-48-09/297-2011-04-06-04-45-43``), or only a
    section's alias that is its creation time (``/kz/2019-02-15-12-27-42/158-…``: see
    ``_without_section_aliases``)."""
    reading = url_date_reading(url)
    return reading[0] if reading else None


# a year and month with no day in the path ("/frontburner/2017/09/state-sues-…/")
_YEAR_MONTH = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(?!\d{1,2}/)")


def url_month(url: str | None) -> tuple[int, int] | None:
    """(year, month) a page's URL path states without a day ("/2017/09/slug/"), when it
    states no full date."""
    if not url or url_date(url) is not None:
        return None
    m = _YEAR_MONTH.search(_original_path(urlsplit(url).path))
    return (int(m.group(1)), int(m.group(2))) if m else None


def url_date_reading(url: str | None) -> tuple[dt.date, dt.date | None] | None:
    """(``url_date``, its month-first reading when the address writes it day first and its
    first two numbers can both be a month and differ: ``/09-07-2011/`` is 7 September on a
    site writing dates month first; ``None`` for a year-first or unambiguous date)."""
    if not url:
        return None
    try:
        path = _original_path(urlsplit(url).path)
    except ValueError:
        return None
    path = _NEWSML_URN.sub("/", path)
    days = {m.group(0) for m in _URL_DATES[0].finditer(path)}
    if len({safe_date(*map(int, re.split(r"[/-]", day))) for day in days} - {None}) > 1:
        return None
    path = _without_section_aliases(path)
    for k, rx in enumerate(_URL_DATES):
        m = rx.search(path)
        if m:
            year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
            found = safe_date(year, month, day)
            if found:
                doubt = k in _DAY_FIRST_URL_DATES and day <= 12 and day != month
                return found, safe_date(year, day, month) if doubt else None
    m = _URL_MONTH_NAME.search(path)
    if m:
        month = _MONTHS.index(m.group("m").lower()) + 1
        found = safe_date(int(m.group("y")), month, int(m.group("d")))
        return (found, None) if found else None
    m = _URL_MONTH_DAY.search(path)
    if m and m.group("d") != m.group("y")[2:]:
        found = safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        return (found, None) if found else None
    return None


def in_slug(url: str | None, day: dt.date) -> bool:
    """Is ``day`` written in figures inside the URL's slug, after a word and a hyphen
    ("…-v-zakon-s-01092025.html"), not as a path's date segment ("/2025/09/01/")?"""
    digits = (day.strftime("%d%m%Y"), day.strftime("%Y%m%d"))
    return bool(url) and any(re.search(rf"[^\W\d_]-{d}(?!\d)", url) for d in digits)


_TIME_ALIAS = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}")


def _without_section_aliases(path: str) -> str:
    """The path without a section's alias that is its creation time, before the article's
    segment: Joomla names a category it was given no name for by the second it was made
    ("/kz/2019-02-15-12-27-42/158-a-alardy-erlik-zholy-…", an article of 2020). The last
    segment is the article's own."""
    segments = path.rstrip("/").split("/")
    kept = [seg for seg in segments[:-1] if not _TIME_ALIAS.fullmatch(seg)] + segments[-1:]
    return "/".join(kept)


def permalink_date(cleaned: Cleaned, rules: CleanRules, url: str | None) -> dt.date | None:
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
