"""``clean_text``: a page's text -> its headline, clean body and the evidence its debris
held (``Cleaned``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.ingest.clean.blocks import (
    bulleted_same_day,
    comment_boxes,
    cut_teasers_on_top,
    dashed_list_on_top,
    labels_under_headline,
    numbered_headlines,
    numbered_trail,
    own_slogans,
    page_tail,
    ranking_on_top,
    read_also_lists,
    sidebar,
    teasers_over_headline,
    today_boxes,
    trail_glued_to_headline,
    wrapped_epigraphs,
)
from generator.ingest.clean.candidates import continues_next
from generator.ingest.clean.datelines import (
    PLACE_COUNTRY_DAY,
    Dateline,
    agency_dateline,
    lead_credit,
    read_dateline,
)
from generator.ingest.clean.dates import OPENING_DATE, date_ends, find_dates
from generator.ingest.clean.headline import (
    CLOCK_ITEM,
    CLOCK_LIST_ITEMS,
    choose_headline,
    is_masthead,
    over_text,
    wrapped_headline_start,
)
from generator.ingest.clean.lead import LEAD_STAMP, lead_title, opening_salutation
from generator.ingest.clean.lines import byline, classify, image_alt_text
from generator.ingest.clean.rules import (
    DATED_HEADLINE_LINES,
    HEADLINE_MAX_WORDS,
    STANDFIRST_OVERLAP,
    CleanRules,
)
from generator.ingest.clean.slug import (
    says_slug,
    slug_in_line,
    slug_skeletons,
    slug_words,
)
from generator.ingest.clean.stamps import after_headline, stamp_and_credit, stamp_lines
from generator.ingest.clean.text import (
    CYR_LOWER,
    CYR_UPPER,
    UPPER,
    all_caps,
    bare_end,
    comparison_key,
    dangling,
    ends_sentence,
    normalise_text,
    overlap,
    word_count,
    word_stems,
)
from generator.ingest.clean.timestamps import is_timestamp, published_label
from generator.ingest.clean.title import (
    glued_headline,
    glued_rubric_cut,
    headline_after_text,
    headline_before_date,
    headline_glued_to_lead,
    headline_under_standfirst,
    share_markup_title,
    strip_credit,
    strip_own_name,
    strip_site_name,
    tidy_title,
    title_candidate,
    trail_headline,
)
from generator.ingest.clean.unglue import (
    join_badge_date,
    join_dateline_dash,
    share_label,
    unglue_bar_stamp,
    unglue_bracket_stamp,
    unglue_caps_byline,
    unglue_card,
    unglue_clock_lead,
    unglue_credit_tail,
    unglue_dated_headline,
    unglue_doubled_headline,
    unglue_headline_date,
    unglue_inline_stamp,
    unglue_site_twice,
    unglue_stamp_notice,
    unglue_tail_byline,
    unglue_tail_stamp,
)

SPACED_HEADLINE_LINES = 40  # lines at the top where a spaced-out headline is looked for
DATELINE_PARAGRAPHS = 6  # a dateline opens one of the first paragraphs (after captions)
FIELD_LINE_WORDS = 3  # a line this short is no paragraph (a record's field: "Place:", "BRUSSELS")
LEAD_STAMP_UNDER_WORDS = 12  # a stamp may open the second paragraph under a line this short
# the page's stamp opening a paragraph, a sentence (or the lead's own date) after it
_CRAWL_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{1,2}(?:-\d{1,2})?)(?=\s|$)[ \t]*")

# An image's empty "alt" attribute name glued to the paragraph after it ("altНа площади …")
_ALT_LABEL = re.compile(rf"^alt(?=[{CYR_UPPER}])")
# A bar glued to the full date after a headline ("Sunday's power failure caused by burning
# pole |30 August 2016"): spaced as a bar between the two
_BAR_BEFORE_DATE = re.compile(r"(?<=[^\s|])\s*\|(?=\d{1,2}\s+[^\W\d_]+\.?,?\s+\d{4}$)")
# ... or to a field's label after a stamp ("Published: Dec. 25, 2021 at 8:00 AM CST|Updated:
# Dec. 25, 2021 at 12:07 PM CST", Gray Television's stations)
_BAR_BEFORE_LABEL = re.compile(r"(?<=[^\s|])\|(?=[^\W\d_]+:\s)")
# A box's close button glued before the line after it ("× Average gas prices in Utah …")
_CLOSE_BUTTON = re.compile(r"^[×✕✖]\s+(?=\w)")

# The headline said again under its rubric's word, glued on
RUBRIC_MAX_CHARS = 20  # a rubric's one word glued before the headline said again


def _rubric_glued_before(line: str, head: str) -> bool:
    """The headline said again with its rubric's word glued on before it, no space
    ("InternationalPM vows to reduce taxes …")."""
    said = " ".join(line.split())
    rubric = said[: len(said) - len(head)]
    return (
        said.endswith(head)
        and 0 < len(rubric) <= RUBRIC_MAX_CHARS
        and rubric.isalpha()
        and rubric[-1].islower()
        and head[:1].isupper()
    )


# a bar closing a line, the separator a scraper left after an element ("Президент поздравляет
# долгожителей |" / "10.06.2014 22:21 |"): not the line's
_TRAILING_BAR = re.compile(r"(?<=\S)\s+\|\s*$")
# a stamp between slashes, alone on its line ("/2010-06-16 13:03:20/": no path of an address)
_SLASHED_STAMP = re.compile(
    r"^\s*/\s*((?:19|20)\d{2}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*/\s*$"
)
# a paper's founding before its issue's number and day ("Выходит с 1 мая 1923 года; № 54
# (9576); суббота, 28 мая 2005 года"): not the issue's date
_FOUNDED_BEFORE_ISSUE = re.compile(r"^[^;№]{3,60}\b(?:19|20)\d{2}\b[^;№]{0,12};\s*(?=№\s*\d)")
# Two stamps glued, no space between ("26.12.202526.12.2025": published / updated)
_GLUED_DATES = re.compile(r"(?<=\b\d\d\.\d\d\.(?:19|20)\d\d)(?=\d\d\.\d\d\.(?:19|20)\d\d\b)")
# ... or with the month in words, the second day glued to the first year ("16 Січня,
# 202216 Січня, 2022")
_GLUED_YEAR_DAY = re.compile(
    r"(?<=[^\W\d_],\s(?:19|20)\d\d)(?=(?:[1-9]|[12]\d|3[01])\s+[^\W\d_]{3,}\.?,?\s+(?:19|20)\d\d\b)"
)
# ... or its clock glued to its year ("01 сентября 202519:20", "01.09.202519:20")
_GLUED_YEAR_CLOCK = re.compile(
    r"(?:(?<=[^\W\d_]\s(?:19|20)\d\d)|(?<=[^\W\d_],\s(?:19|20)\d\d)|(?<=\d\.\d\d\.(?:19|20)\d\d))"
    r"(?=(?:[01]\d|2[0-3]):[0-5]\d\b)"
)
# A stamp's clock glued to its day, no space between ("11:1429 января 2014": 11:14, 29 January)
_GLUED_CLOCK_DAY = re.compile(
    r"^(?P<clock>\W*(?:[01]?\d|2[0-3]):[0-5]\d)"
    r"(?=(?:[1-9]|[12]\d|3[01])\s+[^\W\d_]{3,}\.?,?\s+(?:19|20)\d\d\b)"
)
# A stamp's day, month and year in figures apart by spaces, beside its clock time ("30 08
# 2023, 12:18", "09:15; 24 05 2017", "Новости | 23 12 2020, 19:13 | СеверПост"): written with
# dots so it reads as a date
_SPACED_DAY = re.compile(
    r"(?:^|(?<=[|•·]\s))(?P<clock>\W*(?:[01]?\d|2[0-3]):[0-5]\d[;,]?\s+)?"
    r"(?P<day>0?[1-9]|[12]\d|3[01]) (?P<month>0[1-9]|1[0-2]) (?P<year>(?:19|20)\d\d)\b"
    r"(?(clock)|(?=,?\s+(?:[01]?\d|2[0-3]):[0-5]\d\b))"
)
# ... or year first, alone or before the headline ("2011 06 26  Работа новой администрации"):
# a stamp only when its month and day have both their figures
_SPACED_YEAR_FIRST = re.compile(
    r"^(?P<year>(?:19|20)\d\d) (?P<month>0[1-9]|1[0-2]) (?P<day>0[1-9]|[12]\d|3[01])"
    rf"(?=\s+[{UPPER}«\"“]|\s*$)"
)


def _dates_and_bars(line: str) -> str:
    """A line with its date written with spaces read as one ("2011 06 26  Работа …"), two
    stamps glued into one spaced ("16 Січня, 202216 Січня, 2022"), and a bar glued to a
    date or a field's label spaced ("…pole |30 August 2016", "… CST|Updated: …")."""
    line = _SPACED_YEAR_FIRST.sub(r"\g<day>.\g<month>.\g<year>", line, count=1)
    line = _GLUED_YEAR_DAY.sub(" ", line)
    line = _BAR_BEFORE_DATE.sub(" | ", line, count=1)
    return _BAR_BEFORE_LABEL.sub(" | ", line)


# A stamp's clock between its month and year ("19 September 11:50 2018", a theme's "j F H:i
# Y"; "May 02 16:54 2018", "M d H:i Y") -> the date, then the clock
_CLOCK = r"\s+(?P<clock>(?:[01]?\d|2[0-3]):[0-5]\d)\s+(?P<year>(?:19|20)\d\d)\b"
_CLOCK_BEFORE_YEAR = (
    re.compile(r"(?<!\w)(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]{3,})" + _CLOCK),
    re.compile(r"(?<!\w)(?P<month>[^\W\d_]{3,})\s+(?P<day>\d{1,2})" + _CLOCK),
)


def _clock_after_year(line: str, rules: CleanRules) -> str:
    """``_CLOCK_BEFORE_YEAR`` put right, when its word is a month's."""
    for rx in _CLOCK_BEFORE_YEAR:
        m = rx.search(line)
        if m is not None and m["month"].casefold() in rules.months:
            date = f"{m['day']} {m['month']} {m['year']} {m['clock']}"
            return line[: m.start()] + date + line[m.end() :]
    return line


# An English ordinal's ending after a day a Cyrillic month names first (a WordPress theme's
# "F jS, Y" in a Russian locale: "Опубликовано Сентябрь 29th, 2022")
_CYRILLIC_MONTH_ORDINAL = re.compile(
    rf"(?:(?<=[{CYR_LOWER}]\s\d)|(?<=[{CYR_LOWER}]\s\d\d))(?:st|nd|rd|th)\b"
)
# A thumbnail's file name glued before the lead ("1345505519-eduardogai04.05.2012-300x288
# Председатель …"): WordPress names its resized images "<name>-<width>x<height>"
_THUMB_NAME = re.compile(
    rf"^[\w.-]*-\d{{2,4}}x\d{{2,4}}(?:\.(?:jpe?g|png|webp|gif))?(?=[«\"A-Z{CYR_UPPER}])"
)


@dataclass(frozen=True)
class Removed:
    kind: str
    line: str


PHOTO_CAPTION_WORDS = 8  # a photo page's caption kept as its text when nothing else is
LIVE_BLOG_ENTRY_WORDS = 8  # a live blog's entry (``CLOCK_ITEM``), one a sentence this long


@dataclass(frozen=True)
class Cleaned:
    """Clean body plus the metadata evidence found in the debris."""

    title: str | None
    body: str
    title_in_body: bool = False
    crawl_date: str | None = None  # the crawler's "date YYYY-MM[-DD]" marker
    header_lines: tuple[str, ...] = ()  # removed header/timestamp lines above the article
    # stamp lines with their place (``stamp_lines``): ("above" | "below" | "top" | "late" |
    # "lead" | "tail", line)
    stamps: tuple[tuple[str, str], ...] = ()
    dateline: Dateline | None = None
    bylines: tuple[tuple[str, str], ...] = ()  # ("author" | "source", value)
    removed: tuple[Removed, ...] = ()


def clean_text(
    text: str, rules: CleanRules, title_hint: str | None = None, url: str | None = None
) -> Cleaned:
    """Split page text into headline, clean body and the evidence held by the debris
    (``url``: the page's address, whose slug often says the headline)."""
    text = normalise_text(text)
    lines = text.split("\n")
    crawl_date = None
    for i, line in enumerate(lines):
        if line:
            m = _CRAWL_MARKER.match(line)
            if m:
                crawl_date = m.group(1)
                lines[i] = line[m.end() :].strip()
            break

    slug = slug_words(url)
    lines = [_dates_and_bars(line) for line in lines]  # (read before ungluing)
    lines = join_badge_date(lines, rules)  # "09" / "сен 2023"
    lines = join_dateline_dash(lines)  # "Bangkok –" / "Russian President …"
    lines = [part for line in lines for part in unglue_card(line)]
    for split in (  # lines near the top a scraper glued together, in this order
        unglue_doubled_headline,
        unglue_site_twice,
        lambda line: unglue_headline_date(line, rules),
        lambda line: unglue_dated_headline(line, rules, slug),
        lambda line: unglue_clock_lead(line, rules),
        lambda line: unglue_caps_byline(line, rules),
        unglue_tail_byline,
        lambda line: unglue_inline_stamp(line, rules),
        lambda line: unglue_credit_tail(line, rules),
        lambda line: unglue_bracket_stamp(line, rules),
        lambda line: unglue_bar_stamp(line, rules),
    ):
        lines = [
            part
            for n, line in enumerate(lines)
            for part in (split(line) if n < DATED_HEADLINE_LINES else [line])
        ]
    lines = [part for line in lines for part in unglue_tail_stamp(line, rules)]
    lines = [part for line in lines for part in unglue_stamp_notice(line, rules)]
    for i, line in enumerate(lines):  # "Поширити: Офіс КТК випробував міць БПЛА. …"
        line = _THUMB_NAME.sub("", line, count=1)  # "…-300x288Председатель …"
        line = _GLUED_DATES.sub(" ", line)  # "26.12.202526.12.2025": published / updated
        line = _GLUED_YEAR_CLOCK.sub(" ", line, count=1)  # "01 сентября 202519:20"
        line = _SLASHED_STAMP.sub(r"\1", line)  # "/2010-06-16 13:03:20/"
        line = _FOUNDED_BEFORE_ISSUE.sub("", line, count=1)  # "Выходит с 1 мая 1923 года; № …"
        line = _GLUED_CLOCK_DAY.sub(r"\g<clock> ", line, count=1)  # "11:1429 января 2014"
        line = _SPACED_DAY.sub(r"\g<clock>\g<day>.\g<month>.\g<year>", line, count=1)
        line = _clock_after_year(line, rules)  # "19 September 11:50 2018"
        if _CYRILLIC_MONTH_ORDINAL.search(line) and published_label(line, rules):
            line = _CYRILLIC_MONTH_ORDINAL.sub("", line)  # "Опубликовано Сентябрь 29th,
            # 2022" (not the theme's box of the day, "Вс. Ноя 24th, 2024": left unread)
        line = _TRAILING_BAR.sub("", line, count=1)  # "Президент поздравляет долгожителей |"
        line = _CLOSE_BUTTON.sub("", line, count=1)  # "× Average gas prices …"
        line = lines[i] = _ALT_LABEL.sub("", line, count=1)  # "altНа площади …"
        label, colon, rest = line.partition(":")
        if colon and word_count(label) <= 2 and word_count(rest) >= 5 and share_label(label, rules):
            lines[i] = rest.strip()
    kinds: list[str | None] = [None if line else "blank" for line in lines]
    trail_glued_to_headline(lines, kinds)
    comment_boxes(lines, kinds, rules)
    own_slogans(lines, kinds, url)
    wrapped_epigraphs(lines, kinds)
    cut_teasers_on_top(lines, kinds, rules)
    dashed_list_on_top(lines, kinds)
    ranking_on_top(lines, kinds)
    spaced_headline(lines, slug)
    title = " ".join(title_hint.split()) if title_hint else None
    if title is None:
        title = share_markup_title(lines, kinds)
    title_in_body = False
    title_index: int | None = None
    bylines: list[tuple[str, str]] = []
    image_alt: str | None = None  # the alt text of an image above the text

    # The headline: the first line that is not debris (unless the input gave one).
    for i, line in enumerate(lines):
        if kinds[i] == "blank":
            continue
        if title is not None and comparison_key(line) == comparison_key(title):
            # The same words ending in a full stop: the first sentence, kept in the body.
            title_in_body = ends_sentence(line) and not ends_sentence(title)
            kinds[i] = None if title_in_body else "title"
            title_index = i
            break
        kind = classify(line, rules, title)
        if kind == "timestamp" and kinds[i] == "sidebar":
            continue  # other stories' stamp (a teaser's over its headline): never the page's
        if kind is not None:
            kinds[i] = kind
            if kind == "image" and image_alt is None:
                below = next((x for x in lines[i + 1 :] if x.strip()), "")
                image_alt = image_alt_text(line, rules, below)
            if kind == "outlet_label":  # the outlet's name alone: the source, not text
                bylines.append(("masthead", line))
            elif kind in ("read_also", "tags"):  # "Читайте также" / other headlines
                read_also_lists(lines, kinds)
            elif kind in ("breadcrumb", "navigation"):
                numbered_trail(lines, kinds, i)
            continue
        if listed := numbered_headlines(lines, i):
            for j in listed:
                kinds[j] = "sidebar"  # "1. …" / "2. …" / "3. …": other stories' headlines
            continue
        by = byline(line, rules)
        if by is not None:
            kinds[i] = "byline"
            bylines.extend(by)
            continue
        if (
            title is None
            and is_masthead(lines, kinds, i, rules)
            and not says_slug(line, slug)
            and not (all_caps(line) and over_text(lines, i, rules))  # "АШЫҚ ХАТ" / the text
        ):
            kinds[i] = "masthead"
            bylines.append(("masthead", line))
            continue
        if title is None and re.match(r"#{1,6}\s+\S", line):
            title, title_in_body = title_candidate(line, rules)
            title_index = i
            kinds[i] = None if title_in_body else "title"
        elif title is None:
            chosen, candidates, end = choose_headline(lines, kinds, rules, i, slug)
            if chosen is not None:
                for j in candidates:
                    if j < chosen:
                        kinds[j] = "pre_title"
                teasers_over_headline(lines, kinds, i, chosen)
                head = lines[chosen]
                if (above := wrapped_headline_start(lines, candidates, chosen)) is not None:
                    head = f"{lines[above].strip()} {head.strip()}"
                title, title_index = strip_own_name(strip_credit(head, rules), lines), chosen
                kinds[chosen] = "title"
            else:
                for j in candidates:  # short labels above the text: rubrics, site names
                    if word_count(lines[j]) < 5 and not ends_sentence(lines[j]):
                        kinds[j] = "pre_title"
                lead = next((j for j in candidates if kinds[j] is None), end)
                under = headline_under_standfirst(lines, kinds, rules, lead)
                if under is not None:  # standfirst / stamp / headline / text
                    title, title_index = lines[under], under
                    kinds[under] = "title"
                    if overlap(title, word_stems(lines[lead])) < STANDFIRST_OVERLAP:
                        kinds[lead] = "pre_title"  # the site's blurb, not the standfirst
                    for j in range(under + 1, min(len(lines), under + 4)):
                        if kinds[j] is None and stamp_and_credit(lines[j], rules):
                            kinds[j] = "timestamp"  # "05.06.2012 source: Reuters"
                elif lead < len(lines) and (inside := slug_in_line(lines[lead], url, rules)):
                    kinds[lead] = None
                    if bare_end(inside[0]).endswith("."):  # the slug says the lead's first
                        # sentence ("В Казахстане продолжают аресты … протестах. На этот раз
                        # …"): no headline on the page, a title made from the lead
                        title = tidy_title(lead_title(lines[lead], rules), rules)
                        title_in_body = True
                        title_index = lead
                    else:
                        title, lines[lead] = inside  # "Сегодня 17:19 Headline Standfirst 0 …"
                elif lead < len(lines) and (glued := glued_headline(lines[lead], slug)):
                    title, lines[lead] = glued  # "Headline In Title Case: the lead …"
                    kinds[lead] = None
                elif lead < len(lines) and (glued := headline_glued_to_lead(lines[lead])):
                    title, lines[lead] = glued  # "Headline (відео)Пункт пропуску …"
                    kinds[lead] = None
                elif lead < len(lines) and (dated := headline_before_date(lines[lead])):
                    title, lines[lead] = dated  # "Headline16.10.2015 The lead …"
                    kinds[lead] = None
                elif lead < len(lines) and (tail := trail_headline(lines, kinds, lead, rules)):
                    title = tail  # no headline line: the trail above ends in it
                elif lead < len(lines) and image_alt:
                    title = image_alt  # no headline line: the lead image's alt text says it
                elif lead < len(lines) and (
                    after := headline_after_text(lines, kinds, lead, slug, rules)
                ):
                    title, title_index = lines[after], after  # printed under the text
                    kinds[after] = "title"
                elif lead < len(lines):
                    paragraph = lines[lead]
                    j = lead
                    wire = bool(PLACE_COUNTRY_DAY.match(paragraph))  # hard-wrapped wire copy
                    while word_count(paragraph) < HEADLINE_MAX_WORDS and (
                        continues_next(lines, j, rules)
                        or (
                            wire
                            and j + 1 < len(lines)
                            and lines[j + 1].strip()
                            and not ends_sentence(lines[j])
                        )
                    ):
                        j += 1
                        paragraph += " " + lines[j]
                    title, title_in_body = title_candidate(paragraph, rules)
                    if not title_in_body:  # a short line: the title made from it
                        title, title_in_body = tidy_title(lead_title(paragraph, rules), rules), True
                    title_index = lead
                    kinds[lead] = None
        break
    if title_index is not None:
        notice_above(lines, kinds, title_index, rules)

    head = " ".join(title.split()) if title and not title_in_body else ""
    for i, line in enumerate(lines):
        if kinds[i] is not None or i == title_index:
            continue
        if head and _rubric_glued_before(line, head):
            kinds[i] = "title"  # "InternationalPM vows …": the headline again, its rubric on
            continue
        if head and (glued := after_headline(line, head, rules)):
            kind, lines[i] = glued  # the headline again, its stamp or its lead glued on
            if kind:
                kinds[i] = kind
                continue
            line = lines[i]
        kind = classify(line, rules, title)
        if kind is None:
            by = byline(line, rules)
            if by is not None:
                kinds[i] = "byline"
                bylines.extend(by)
                continue
        elif kind in ("outlet_label", "masthead"):
            bylines.append(("masthead", line))
        kinds[i] = kind
    read_also_lists(lines, kinds)
    sidebar(lines, kinds, rules)
    bulleted_same_day(lines, kinds, rules)
    if title_index is not None and not title_in_body:
        labels_under_headline(lines, kinds, title_index, rules)

    content = [i for i, k in enumerate(kinds) if k is None and (i != title_index or title_in_body)]
    page_tail(lines, kinds, rules, bylines)

    # Header evidence: removed lines above the first paragraph.
    # (the first paragraph of text: a section label or a standfirst above it may be kept)
    first_body = next(
        (
            i
            for i in content
            if kinds[i] is None and (word_count(lines[i]) >= 8 or ends_sentence(lines[i]))
        ),
        len(lines),
    )
    today_boxes(lines, kinds, title_index if title_index is not None else first_body, rules, url)
    header = tuple(
        lines[i]
        for i in range(first_body)
        if kinds[i] in ("header", "timestamp")
        or (kinds[i] == "counter" and re.fullmatch(r"(?:19|20)\d{2}", lines[i].strip()))
    )
    # Also agency headers anywhere (they carry the page date), but not sidebar timestamps.
    header += tuple(lines[i] for i in range(first_body, len(lines)) if kinds[i] == "header")

    stamps = stamp_lines(lines, kinds, first_body, None if title_in_body else title_index, rules)

    # An agency dateline opens one of the first paragraphs (after a standfirst, say); the
    # page's own stamp may open the first ("02.05.2007 In Astana the Festival …").
    dateline = lead_stamp(lines, [i for i in content if kinds[i] is None], rules)
    plain = [i for i in content if kinds[i] is None] if dateline is None else []
    for i in _opening_paragraphs(lines, plain):
        if m := agency_dateline(lines[i], rules):
            dateline = read_dateline(m, rules)
            lines[i] = lines[i][m.end() :]
        if dateline is not None:
            break
        if credit := lead_credit(lines[i], rules):  # "(MENAFN) Operations at …", "(dpa/NAN) …"
            first = credit.group("agency").split("/")[0].strip()
            dateline = Dateline(place="", day=None, month=None, year=None, agency=first)
            lines[i] = lines[i][credit.end() :]
            break

    body = _paragraphs(lines, kinds, title_index if not title_in_body else None)
    if not body.strip() and title:
        # A photo page: its caption is all its text ("Kazakstan Oil Supergiant" / its stamp /
        # "In this Oct. 11, 2012, photo, a technician … (AP Photo/Peter Leonard)").
        for i, kind in enumerate(kinds):
            if kind == "caption" and word_count(lines[i]) >= PHOTO_CAPTION_WORDS:
                kinds[i] = None
        body = _paragraphs(lines, kinds, title_index if not title_in_body else None)
    if not body.strip():
        # A live blog: its entries, each under its clock time, are all its text ("22:10
        # Большой салют на Центральной площади …" / "21:11 На сцене …" / …), which the
        # ticker check took for a list of other stories
        entries = [i for i, k in enumerate(kinds) if k == "ticker" and CLOCK_ITEM.match(lines[i])]
        if len(entries) >= CLOCK_LIST_ITEMS and any(
            word_count(lines[i]) >= LIVE_BLOG_ENTRY_WORDS for i in entries
        ):
            for i in entries:
                kinds[i] = None
            body = _paragraphs(lines, kinds, title_index if not title_in_body else None)
    # The title is cut from the text's opening when there is none (a lead paragraph that was
    # its dateline alone: "АСТАНА, 5 янв - РИА Новости."), the line taken is no headline
    # (``_slug_says_lead``), or the lead's first sentence taken was its stamp ("15 мая 2023.
    # Молодой человек …", the stamp since cut from the lead) or opened with it.
    if (
        (not title and body.strip())
        or (title and not title_in_body and _slug_says_lead(title, body, slug))
        or (
            title
            and title_in_body
            and dateline is not None
            and (is_timestamp(title, rules) or _opens_dated(title, rules))
        )  # ("Dec 26, 2024 - Kosovo is facing …": the stamp opening the lead, since cut)
    ):
        title, title_in_body = tidy_title(lead_title(body.split("\n\n", 1)[0], rules), rules), True
    if title and not title_in_body:
        title = glued_rubric_cut(title, body)
        title = strip_site_name(_counter_cut(title, slug, url), url)
    removed = tuple(Removed(k, lines[i]) for i, k in enumerate(kinds) if k not in (None, "blank"))
    return Cleaned(
        title=title,
        body=body,
        title_in_body=title_in_body,
        crawl_date=crawl_date,
        header_lines=header,
        stamps=stamps,
        dateline=dateline,
        bylines=tuple(bylines),
        removed=removed,
    )


def notice_above(lines: list[str], kinds: list[str | None], title: int, rules: CleanRules) -> None:
    """A site's notice to its readers above the headline, in one language or several
    ("Құрметті оқырмандар назарына! «Алаш айнасы» … қызметін тоқтатты." / "К сведению
    уважаемых читателей! …" / headline): no part of the article, nor is its date."""
    if kinds[title] != "title":
        return  # (no headline line: the title is made from the lead under a letter's
    above = [j for j in range(title) if kinds[j] is None and lines[j].strip()]  # "Уважаемые
    if not above:  # читатели!" alone)
        return
    hello = opening_salutation(lines[above[0]], rules)
    if hello and lines[above[0]][hello.end() :].strip() and ends_sentence(lines[above[-1]]):
        for j in above:
            kinds[j] = "notice"


def lead_stamp(lines: list[str], paragraphs: list[int], rules: CleanRules) -> Dateline | None:
    """The page's stamp opening its first paragraph, a sentence after it: "18.12.2010 18
    ноября 2010 года в нижнем храме …" (cut from the text); or the second, under a short
    line (a headline left in the text: "Festival of friendship in Astana." / "02.05.2007 In
    Astana the Festival …"); or a full date in words, a sentence of its own, opening one of
    the first paragraphs ("9 ноября 2015. Как ни готовься …" under a standfirst and a
    caption). Not a chronology's first item: the next paragraph opens with a date too."""
    for n, i in enumerate(paragraphs[:WORDED_STAMP_PARAGRAPHS]):
        later = paragraphs[n + 1 : n + 2]  # (not a chronology's item: "5 января 2022. …" /
        if (  # "6 января 2022. …")
            not any(OPENING_DATE.match(lines[j]) or _opens_dated(lines[j], rules) for j in later)
            and (worded := _worded_lead_stamp(lines, i, rules)) is not None
        ):
            return worded
    short = bool(paragraphs) and word_count(lines[paragraphs[0]]) < LEAD_STAMP_UNDER_WORDS
    if short and not OPENING_DATE.match(lines[paragraphs[0]]):
        paragraphs = paragraphs[1:]
    if not paragraphs:
        return None
    first = paragraphs[0]
    if any(OPENING_DATE.match(lines[j]) for j in paragraphs[1:2]):
        return None
    m = LEAD_STAMP.match(lines[first])
    if m is None:
        return None
    day, month, year = int(m["day"]), int(m["month"]), int(m["year"])
    if year < 100:  # "16.02.16.": this century's
        year += 2000
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    lines[first] = lines[first][m.end() :]
    return Dateline(place="", day=day, month=month, year=year, agency="")


WORDED_STAMP_PARAGRAPHS = 3  # a date in words as a sentence of its own opens one of these,
WORDED_STAMP_TEXT_WORDS = 10  # ... with at least this many words of text after it
# what ends a full date written as a sentence of its own: maybe a word of the stamp (the
# packs' ``relative_days``: "года", "г", "року", "жылы"), a full stop, the text
# (or a dateline's dash with no place before the date: "Dec 26, 2024 - Kosovo is facing …",
# or a colon: "March 3rd 2022: It is estimated …")
_DATE_SENTENCE_END = re.compile(
    rf"(?:\s+(?P<word>[^\W\d_]{{1,6}}))?(?:\.\s+|\s+[-–—]\s+|:\s+)(?=[{CYR_UPPER}A-Z«\"])"
)


def _opening_date(line: str, rules: CleanRules) -> tuple[int, int | None, int, int] | None:
    """The full date in words a line opens with ("6 января 2022 года — …"), as ``find_dates``
    gives it, or ``None``."""
    return next((f for f in find_dates(line[:40], rules) if f[0] == 0 and f[1]), None)


def _opens_dated(line: str, rules: CleanRules) -> bool:
    """Does the line open with a full date in words?"""
    return _opening_date(line, rules) is not None


def _worded_lead_stamp(lines: list[str], first: int, rules: CleanRules) -> Dateline | None:
    """A full date in words opening the lead as a sentence of its own ("9 ноября 2015. Как
    ни готовься …"): the page's stamp (a date with the text going on is an event's: "18
    ноября 2010 года в нижнем храме …"; one over a short heading is a chronology's item:
    "2 января 2022 года. Жанаозен — начало кризиса")."""
    line = lines[first]
    found = _opening_date(line, rules)
    if found is None:
        return None
    _start, year, month, day = found
    for end in date_ends(line, 0, rules):
        m = _DATE_SENTENCE_END.match(line, end)
        if (
            m
            and (m["word"] is None or comparison_key(m["word"]) in rules.relative_days)
            and word_count(line[m.end() :]) >= WORDED_STAMP_TEXT_WORDS
        ):
            lines[first] = line[m.end() :]
            return Dateline(place="", day=day, month=month, year=year, agency="")
    return None


def spaced_headline(lines: list[str], slug: frozenset[str]) -> None:
    """Join again a headline whose words a page spaced out ("ҚЫЗАЙ   ҚАЗАҒЫНЫҢ   АС
    БЕРУІ", read as a bar of one-word links) when the URL's slug has all its words."""
    for i, line in enumerate(lines[:SPACED_HEADLINE_LINES]):
        items = line.split(" | ")
        if len(items) > 2 and all(len(x.split()) == 1 for x in items):
            joined = " ".join(items)
            words = slug_skeletons(joined)  # (the slug may add the author's name)
            if len(words) >= 2 and words <= slug:
                lines[i] = joined


SLUG_LEAD_CHARS = 300  # the lead's opening where the URL's slug is looked for
SLUG_LEAD_SHARE = 0.5  # ... and the share of the slug it says at least
HEADLINE_ECHO = 0.6  # a headline's words recur in its article: this share of them at least
ECHO_CHARS = 3000  # ... in this much of the text


_TRAILING_NUMBER = re.compile(r"\s+(\d{1,4})$")


def _counter_cut(title: str, slug: frozenset[str], url: str | None) -> str:
    """The headline without a counter glued after it, when the URL's slug says the headline
    and has no such number ("Мэром Даугавпилса избран Рихард Эйгим 0" at …/merom-
    daugavpilsa-izbran-rihard-ejgim: the comments' count)."""
    m = _TRAILING_NUMBER.search(title)
    if m is None or not url or len(slug) < 3 or re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
        return title  # (a year ends many a headline)
    numbers = re.findall(r"\d+", urlsplit(url).path)  # (".../reaches-225january-15")
    if m.group(1) in numbers or not says_slug(title[: m.start()], slug):
        return title
    return title[: m.start()]


def _slug_says_lead(title: str, body: str, slug: frozenset[str]) -> bool:
    """Does the URL's slug (three words or more) say the lead's opening and nothing of the
    line taken as the headline, whose words the text hardly says again? Then the page has
    no headline of its own (its excerpt starts below it) and that line is a subhead or a
    label ("Situation update" over a lead the address …/unrest-disruptions-continue…
    says); not a headline over a lead the site's address was made from ("Незначительные
    выбросы мазута обнаружили …" over "Утро на побережье началось …" at …/utro-nachinaetsya-
    s-monitoringa)."""
    if len(slug) < 3 or not body:
        return False
    opening = slug_skeletons(body.split("\n\n", 1)[0][:SLUG_LEAD_CHARS])
    return (
        not slug_skeletons(title) & slug
        and len(opening & slug) >= SLUG_LEAD_SHARE * len(slug)
        and overlap(title, word_stems(body[:ECHO_CHARS])) < HEADLINE_ECHO
    )


def _opening_paragraphs(lines: list[str], text: list[int]) -> list[int]:
    """The lines where a dateline may open the text: the first ``DATELINE_PARAGRAPHS``
    paragraphs, and the short lines among them, which are no paragraphs (a record's fields
    above a press release: "Date:" / "Place:" / "BRUSSELS" / "Source:" / "OSCE
    Chairpersonship", then "BRUSSELS, 4 January 2006 - The OSCE …")."""
    found, paragraphs = [], 0
    for i in text:
        if paragraphs == DATELINE_PARAGRAPHS:
            break
        found.append(i)
        paragraphs += word_count(lines[i]) > FIELD_LINE_WORDS
    return found


def _paragraphs(lines: list[str], kinds: list[str | None], skip: int | None) -> str:
    """Kept lines -> paragraphs: a hard-wrapped line joins the next when it continues it."""
    paragraphs: list[str] = []
    current: list[str] = []
    previous_kept = False
    for i, line in enumerate(lines):
        kind = kinds[i]
        if i == skip or kind is not None or not line.strip():
            if current and kind is not None:
                paragraphs.append(" ".join(current))
                current = []
            previous_kept = False
            continue
        line = line.strip()
        continues = (
            current
            and previous_kept
            and not ends_sentence(current[-1])
            and not current[-1].endswith((":", ";"))
            and (
                line[:1].islower()
                or dangling(current[-1])  # "… announced at the" / "Novorossiysk seaport, …"
                or (  # "In November" / "2023, storm restrictions …" (a year and a comma)
                    re.match(r"(?:19|20)\d{2},\s", line) is not None
                    and word_count(current[-1]) <= 4
                    and current[-1][-1:].isalpha()
                )
            )
        )
        if current and not continues:
            paragraphs.append(" ".join(current))
            current = []
        current.append(line)
        previous_kept = True
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(p for p in paragraphs if p.strip())
