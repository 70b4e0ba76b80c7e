"""Agency datelines opening a paragraph ("АСТАНА, 24 ноября. /ТАСС/."): ``Dateline``, the
check that its agency is one, and reading one from a match."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.ingest.clean.rules import CleanRules
from generator.ingest.clean.text import CYR
from generator.ingest.clean.timestamps import SITE_TOKEN

# A wire lead opening with its dateline, no agency named: place, country in capitals, month
# and day, then the sentence ("Belek, TURKMENISTAN Dec 23 Turkmenistan on …", Reuters).
PLACE_COUNTRY_DAY = re.compile(
    r"^((?-i:[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,2},\s+[A-Z]{3,}(?:\s[A-Z]{3,})?,?\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}))\b,?\s+\S"
)


@dataclass(frozen=True)
class Dateline:
    """The agency dateline that opened the first paragraph ("АСТАНА, 24 ноября. /ТАСС/.")."""

    place: str
    day: int | None
    month: int | None
    year: int | None
    agency: str


def _agency(g: dict[str, str | None]) -> str:
    """The agency a dateline match names, in whichever of its forms (``a1``-``a6``)."""
    forms = ("a1", "a2", "a3", "a4", "a5", "a6")
    return next((name for form in forms if (name := g.get(form))), "").strip()


def known_agency(name: str, rules: CleanRules) -> bool:
    """Is ``name`` an outlet the registry knows ("Sputnik", "ТАСС", "Reuters Moscow")?"""
    key = name.casefold()
    return key in rules.agencies or any(key.startswith(a + " ") for a in rules.agencies)


def dateline_agency_ok(m: re.Match[str], rules: CleanRules) -> bool:
    """Is a dateline match real? Slashes/brackets always are; a bare word must be an outlet.

    A bare agency ("— Sputnik.", "KAZINFORM –") must be a known outlet, or written in
    capitals or Latin letters under a place in capitals; a place not in capitals
    ("Київ, 19 січня – Укрінформ.") needs a known outlet, or a date and an agency in Latin
    capitals ("Москва, 13 января - DIXINEWS."). So a sentence is never cut. Nor is a
    headline in capitals: a dateline opens a lead in small letters.
    """
    g = m.groupdict()
    agency = _agency(g)
    rest = m.string[m.end() :]
    if re.search(r"[^\W\d_]{2}", rest) and rest.isupper():
        return False  # a headline in capitals ("ӘКІМНІҢ ТҰРҒЫНДАРМЕН КЕЗДЕСУІ – АЛДАҒЫ …")
    if (g.get("place") or "").strip().casefold() in rules.weekdays:
        return False  # a weekday is no place: a bar of the day ("Sunday, April 28, 2024
        # Newsletters Latest print issue", the day of the visit)
    if g.get("own") is not None:  # place, full date, dash, a sentence: no agency to check
        return True
    if g.get("a6"):  # no dash after the brackets: only a known agency under a place in
        return g["place"].isupper() and known_agency(agency, rules)  # capitals ("(AP) …")
    head = m.group(0).rstrip()
    if g.get("a2") and head.endswith(")") and not rest.strip():  # alone on its line, no
        # dash: a place in capitals, its state or country after a comma, the agency in
        # brackets ("MARTINS FERRY, Ohio (WTRF)"), not a headline in capitals with its
        # mark ("СТАРТОВАЛИ … УЧЕНИЯ (ВИДЕО)")
        return "," in head and not head.isupper() and g["place"].isupper()
    if not g["place"]:  # the date first, with its year, the agency in brackets
        return bool(agency and g.get("year"))
    # (the reporter before the agency in slashes: "Бишкек, 25.01.22. /Индира Камчыбекова -
    # Кабар/.")
    named = agency.rsplit(" - ", 1)[-1] if g.get("a1") else agency
    known = known_agency(named, rules)
    dated = bool(g.get("day") or g.get("day2") or g.get("day3"))
    capitals = (  # (three letters in brackets: "Dimapur, Dec. 13 (EMN):", a paper's initials)
        len(agency) >= (3 if g.get("a2") else 4) and agency.isupper() and not CYR.search(agency)
    )
    # a full date and an agency in brackets: "Moscow, 17 May 2022 (TDI): The fortified …"
    # (or in quotes after a date in figures: "Семей.30.11.25.”Semeyainasy” –")
    bracketed = (
        bool(g.get("a2") or g.get("a5"))
        and dated
        and bool(g.get("year") or g.get("year2") or g.get("year3") or g.get("year4"))
    )
    # a site's address in brackets: "Ташкент, Узбекистан (UzDaily.uz) — С начала …"
    site = bool(g.get("a2")) and SITE_TOKEN.fullmatch(agency) is not None
    if not (
        g["place"].isupper() or known or (dated and capitals) or bracketed or site
    ):  # "Москва, 13 января - DIXINEWS."
        return False
    if g.get("a1") or g.get("a2") or g.get("a5") or known:
        return True
    bare_ok = agency.isupper() or not CYR.search(agency)
    if g.get("a3"):
        return bare_ok and bool(g.get("day") or g.get("day2"))
    return bare_ok


_LEAD_CREDIT = re.compile(r"^\((?P<agency>[A-Za-z][A-Za-z.&/ -]{1,30})\)\s*[-—–]?\s+(?=\S)")


def lead_credit(line: str, rules: CleanRules) -> re.Match[str] | None:
    """An outlet in brackets opening the lead, with no place ("(MENAFN) Operations at …",
    "(dpa/NAN) …", "(KGTV) — A story …"): a known outlet or a name in capitals."""
    credit = _LEAD_CREDIT.match(line)
    if credit is None:
        return None
    first = credit.group("agency").split("/")[0].strip()
    return (
        credit
        if first.casefold() in rules.agencies or (first.isupper() and len(first) >= 3)
        else None
    )


def agency_dateline(line: str, rules: CleanRules) -> re.Match[str] | None:
    """The first dateline pattern that ``line`` opens with and whose agency checks out
    (``dateline_agency_ok``), or ``None``."""
    for rx in rules.datelines:
        m = rx.match(line)
        if m and dateline_agency_ok(m, rules):
            return m
    return None


def read_dateline(m: re.Match[str], rules: CleanRules) -> Dateline:
    """The dateline's fields. A bare word in capitals before the dash that is no known
    outlet, under a place in capitals and with no date, is the rest of the place, not an
    agency ("TASHKENT-FERGHANA, UZBEKISTAN — …", "KUNASHIRI ISLAND — …")."""
    g = m.groupdict()
    day = g.get("day") or g.get("day2") or g.get("day3")
    month = g.get("month") or g.get("month2")
    year = g.get("year") or g.get("year2") or g.get("year3") or g.get("year4")
    agency = _agency(g)
    if (
        agency
        and agency == (g.get("a4") or "").strip()
        and not day
        and g["place"].isupper()
        and agency.isupper()
        and not known_agency(agency, rules)
    ):
        g["place"], agency = f"{g['place']} {agency}", ""
    figures = g.get("month3") or g.get("month4")
    number = int(figures) if figures else None
    return Dateline(
        place=g["place"].strip(),
        day=int(day) if day else None,
        month=number if number else rules.months.get(month.lower().rstrip(".")) if month else None,
        year=(2000 + int(year) if len(year) == 2 else int(year)) if year else None,
        agency=agency,
    )
