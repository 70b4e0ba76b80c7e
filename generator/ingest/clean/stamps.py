"""Stamps: ``stamp_lines`` (the stamps around the headline, with their place) and the stamp
shapes the headline search looks at."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from generator.ingest.clean.candidates import LIST_BULLET
from generator.ingest.clean.dates import (
    NUMERIC_DATE,
    OPENING_DATE,
    TIME,
    date_ends,
    find_dates,
    opening_date_end,
    safe_date,
)
from generator.ingest.clean.lines import classify
from generator.ingest.clean.rules import (
    HEADLINE_MAX_WORDS,
    STAMP_BITS,
    STANDFIRST_MAX_WORDS,
    CleanRules,
)
from generator.ingest.clean.text import (
    CYR,
    all_caps,
    bare_end,
    comparison_key,
    ends_sentence,
    word_count,
)
from generator.ingest.clean.timestamps import is_timestamp, published_label

GLUED_STAMP_WORDS = 6  # a date and time glued after a headline: this many words at most
STAMP_CREDIT_WORDS = 8  # words of an outlet's or author's name after a stamp and a dash
STAMP_PLACE_WORDS = 4  # ... of a place or branch after a stamp and a comma
TWICE_IN_A_ROW_WORDS = 5  # a line said twice in a row above the text is its headline

# line kinds that open lists of other stories (their dates are theirs, not the article's)
_LIST_KINDS = frozenset(
    {"read_also", "tags", "ticker", "sidebar", "share", "subscribe", "widget", "navigation"}
)
LIST_HEADING_WORDS = 3  # a list's heading under the text ("Другие новости"), this short
STAMP_BELOW_LINES = 6  # a stamp "below" the headline: at most this many lines under it
CAPTION_MIN_WORDS = 5  # a caption printed twice, once with its credit: this long at least
CAPTION_MAX_WORDS = 25  # a line of text ending no sentence, no longer than this: a caption
PAGE_TITLE_HEAD_WORDS = 4  # a headline said again under the page's title line: this long
LIST_STAMPS = 3  # items of a list, each over or under its own stamp: at least this many
TEASER_MAX_WORDS = 80  # an item of such a list (a teaser of a few sentences) is no longer
STAMP_NAMES = 4  # capitalised words (outlet, author) after a date opening a stamp line
STAMP_GAP = 25  # a date and its clock time are at most this many characters apart
TICKER_LEAD_CHARS = 40  # a ticker's first stamp is this near the start of its line
TICKER_ITEM_CHARS = 200  # an item of a ticker run together on one line, stamp included
OWN_STAMP_APART_DAYS = 31  # a list's last stamp this far from the others: the article's
TICKER_CLOSING_STAMPS = 3  # stamps after their items (not before) that make a ticker
ITEM_LABEL_WORDS = 2  # a list item's label (a rubric) under its headline


# an item's date and its author glued by a bar, the author maybe with a role or town
# ("16.01.2026|Тетяна Торак, м. Івано-Франківськ" over a review's title, in a site's list)
_DATE_BAR_AUTHOR = re.compile(r"\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}\|[^\W\d_][^|\d]{2,80}$")


def stamped_items(lines: list[str], start: int, stop: int, rules: CleanRules) -> set[int]:
    """The items of a news feed's list above the article: lines that alternate with their
    stamps, ``LIST_STAMPS`` stamps or more in a row ("18:00 | 04 декабря" / "В Саратовской
    области прошёл …" / "17:00 | 04 декабря" / "Выставка …"). Blank lines between them do
    not count; two text lines in a row end the list. A live blog's entries are sentences
    ("10:30" / "Полиция перекрыла улицы …"): items that are sentences make a list only when
    their stamps are of different days ("2025-08-21-03-58-48" / "Пенсионерка из России …
    стала интернет-сенсацией." / "2025-08-13-07-01-21" / …, a "most read" box). A separator
    line ("-") and an item's short label under it ("ҚҰТТЫҚТАЙМЫЗ!") do not break the list."""
    items: set[int] = set()
    run: list[int] = []
    stamps, sentences, days = 0, False, set()
    dated: list[dt.date | None] = []  # the run's stamps' days, in order
    previous: bool | None = None  # was the last line a stamp?
    for j in range(start, stop + 1):
        line = lines[j].strip() if j < stop else ""
        if j < stop and not re.search(r"\w", line):
            continue  # (blank, or a separator: "-")
        if j < stop and line.casefold().strip(" .,") in rules.weekdays:
            continue  # a clock box's weekday between its time and day ("16:07:00" /
            # "воскресенье" / "07 декабря, 2025"): no item of a list
        stamp = j < stop and (is_timestamp(line, rules) or bool(_DATE_BAR_AUTHOR.match(line)))
        label = not stamp and previous is False and word_count(line) <= ITEM_LABEL_WORDS
        if j < stop and run and label:
            continue  # an item's label under it ("ҚҰТТЫҚТАЙМЫЗ!", "Қайырымдылық акция")
        if j < stop and run and not stamp and previous is False and _said_again(lines, run[-1], j):
            continue  # an item's headline printed twice ("Дачный сезон под угрозой: …" ×2)
        said = not stamp and (word_count(line) > HEADLINE_MAX_WORDS or bare_end(line).endswith("."))
        if j == stop or stamp == previous or (not stamp and word_count(line) > TEASER_MAX_WORDS):
            if (
                sentences
                and run
                and previous is False
                and not _items_under_stamps(lines, run, rules)
            ):
                run = run[:-1]  # items over their stamps: what follows the last stamp is not one
            elif run and _own_stamp_last(dated):
                run, stamps = run[:-1], stamps - 1  # the article's headline under its stamp,
                # years before the list's ("23.04.2024 07:47" / item / "13.07.2015 12:47")
            if stamps >= LIST_STAMPS and (not sentences or len(days) > 1):
                items.update(run)
            run, stamps, sentences, days, dated = [], 0, False, set(), []
        if j < stop:
            stamps += stamp
            sentences |= said
            if stamp:
                found = [(y, m, d) for _s, y, m, d in find_dates(line, rules) if y]
                days.update(found)
                dated.append(safe_date(*found[0]) if found else None)
            else:
                run.append(j)
            previous = stamp
    return items


SAME_DAY_ITEMS = 3  # a list's bulleted items, each over a stamp of one day: this many


def same_day_items(
    lines: list[str], start: int, stop: int, rules: CleanRules
) -> list[tuple[int, int]]:
    """(item, stamp) of a list of other stories from ``start`` to ``stop`` whose bulleted
    items each stand right over a stamp of the same day, other lines between them ("• Men
    must test for breast cancer" / "November 14, 2025" / its teaser / "• TENDER NOTICE –
    CAAB" / "November 14, 2025" / …, ``SAME_DAY_ITEMS`` or more)."""
    by_day: dict[tuple[int, int, int], list[tuple[int, int]]] = {}
    above = None  # the last line with text
    for i in range(start, min(stop, len(lines))):
        line = lines[i].strip()
        if not line:
            continue
        bulleted = above is not None and LIST_BULLET.match(lines[above].strip()) is not None
        if bulleted and is_timestamp(line, rules):
            days = {(y, m, d) for _s, y, m, d in find_dates(line, rules) if y}
            if len(days) == 1:
                by_day.setdefault(days.pop(), []).append((above, i))
        above = i
    return [pair for pairs in by_day.values() if len(pairs) >= SAME_DAY_ITEMS for pair in pairs]


def _item_stamp(lines: list[str], kinds: list[str | None], i: int) -> bool:
    """Is the stamp at line ``i`` over or under an item of a list of other stories (a
    headline or teaser the header's scan took for a list's, ``stamped_items``)?"""
    below = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
    above = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
    return any(
        j is not None and kinds[j] == "ticker" and word_count(lines[j]) > LIST_HEADING_WORDS
        for j in (below, above)
    )


def _said_again(lines: list[str], i: int, j: int) -> bool:
    """Is line ``j`` line ``i`` said again right under it?"""
    return j == i + 1 and comparison_key(lines[i]) == comparison_key(lines[j])


def _own_stamp_last(dated: list[dt.date | None]) -> bool:
    """Is the last stamp of a list's run the article's own: a full date more than
    ``OWN_STAMP_APART_DAYS`` from every other stamp's of the list (a feed's box of the
    day's news over an older report)?"""
    if len(dated) <= LIST_STAMPS or dated[-1] is None or None in dated[:-1]:
        return False
    last, others = dated[-1], [d for d in dated[:-1] if d is not None]
    if (max(others) - min(others)).days > OWN_STAMP_APART_DAYS:
        return False  # the list's own stamps years apart (a box of polls): the last is one too
    return all(abs((last - other).days) > OWN_STAMP_APART_DAYS for other in others)


def _items_under_stamps(lines: list[str], run: list[int], rules: CleanRules) -> bool:
    """Does a list's run of items stand each under its stamp: a stamp over the first item,
    past the list's heading in capitals ("ОПИТУВАННЯ, ТЕСТИ" / "02.05.2019" / "Чи потрібний
    у Червонограді скейт-парк?" / …)?"""
    first = run[0]
    heading = lines[first].strip()
    if len(run) > 1 and word_count(heading) <= LIST_HEADING_WORDS and all_caps(heading):
        first = run[1]
    return _stamp_above(lines, first, rules)


def _under_comments(kinds: list[str | None], title_index: int | None, i: int) -> bool:
    """Is line ``i`` under a readers' comments box's heading, with no headline between?"""
    start = 0 if title_index is None else title_index + 1
    return "comments" in kinds[start:i]


def _stamp_above(lines: list[str], i: int, rules: CleanRules) -> bool:
    """Is the nearest line above line ``i`` with anything on it a timestamp?"""
    above = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
    return bool(above) and is_timestamp(above.strip(), rules)


def stamped_list(line: str, rules: CleanRules) -> bool:
    """A ticker of other stories run together on one line: two or more short items, each
    with its date and clock time ("6 сентября 2025, 16:00: В августе 1945-го: битва за
    Сахалин 6 сентября 2025, 15:15: Богатые …"). A headline states at most one time; an
    article on one line runs on long after its stamp."""
    times = [m.start() for m in TIME.finditer(line)]
    if len(times) < 2:
        return False
    dates = [at for at, *_ymd in find_dates(line, rules, latin=not CYR.search(line))]
    paired = {at: t for t in times for at in dates if -STAMP_GAP <= t - at <= STAMP_GAP}
    if len(paired) < 2:  # (one date and its span of hours is one item: "с 15.00 до 16.00")
        return False
    stamps = sorted(paired.values())
    if min(dates) > TICKER_LEAD_CHARS and (  # the first item's stamp opens the ticker; a
        len(paired) < TICKER_CLOSING_STAMPS or min(dates) > TICKER_ITEM_CHARS  # sentence may
    ):  # state two meetings' hours and days ("о 10.00 годині 31.08.2017 …"); three stamps
        return False  # may close their items ("СЕГОДНЯ НА САЙТЕ: … 24 Август 2025 г., 10:00…")
    gaps = [b - a for a, b in itertools.pairwise(stamps)]
    return max(gaps) <= TICKER_ITEM_CHARS and len(line) - stamps[-1] <= TICKER_ITEM_CHARS


def around_stamp(
    lines: list[str],
    candidates: list[int],
    keys: list[str],
    k: int,
    rules: CleanRules,
    in_a_row: bool = True,
) -> bool:
    """Is candidate ``k`` a headline said twice with the page's stamp between the two (and
    nothing else there but debris and one- or two-word controls: headline / caption /
    "Short Url" / "Updated 02 November 2025" / "Follow" / headline), or (``in_a_row``) said
    twice in a row (the page's title over its heading: "Қырғыз-тәжік шекарасында екі ел
    тұрғындары тағы да қақтығысып қалды" twice, then the standfirst)?"""
    same = [candidates[j] for j, key in enumerate(keys) if key == keys[k]]
    if len(same) != 2:
        return False
    between = [lines[j] for j in range(same[0] + 1, same[1]) if lines[j].strip()]
    if not between:  # ... as the first lines of the header, not a caption under a credit
        if not in_a_row:  # (a rubric of a few words above does not count: "Люди в городе")
            return False
        long = (i for i in candidates if word_count(lines[i]) >= TWICE_IN_A_ROW_WORDS)
        return next(long, None) == same[0]
    stamped = [is_timestamp(line, rules) for line in between]
    others = [
        line
        for stamp, line in zip(stamped, between, strict=True)
        if not (stamp or word_count(line) <= 2 or classify(line, rules) is not None)
    ]
    # ... or with the standfirst too, when the first is the page's opening line: headline /
    # stamp / standfirst / headline ("В порту Ізмаїл збільшили територію" / "Понедельник ,
    # 29 мая 2023, 15:04" / "Уряд дозволив порту Ізмаїл …" / "В порту Ізмаїл …")
    opening = next((i for i in candidates if word_count(lines[i]) >= 3), None)
    standfirst = len(others) == 1 and opening == same[0] and not stamped[-1]
    return any(stamped) and (not others or standfirst)


_BOXED_STAMP = re.compile(r"\[\s*([^\[\]]+?)\s*\]\s*\[\s*([^\[\]]+?)\s*\]")


GLUED_LEAD_WORDS = 8  # a lead glued on after the headline said again: this long at least


def after_headline(line: str, head: str, rules: CleanRules) -> tuple[str, str] | None:
    """What a line that says the headline ``head`` (its spaces single) again has glued on:
    ("timestamp", its stamp) ("… в Вооруженные Силы Абхазии 30.04.2014 10:00" under the same
    headline), or ("", the lead) glued on without a space ("…ПАО "Орскнефтеоргсинтез"Оренбург.
    19 июня. НТА-Приволжье — Губернатор …"); else ``None``."""
    said = " ".join(line.split())
    if not head or not said.startswith(head) or said == head:
        return None
    rest = said[len(head) :].strip(" ,|–—-")
    if rest and is_timestamp(rest, rules):
        return "timestamp", rest
    glued = said[len(head)]
    if (glued.isupper() or glued in '«"„“') and word_count(rest) >= GLUED_LEAD_WORDS:
        return "", rest
    return None


_VIEWS_FIRST = re.compile(r"^\d{1,7}\s+(?=\S)")  # a views count between a stamp and its credit


def stamp_and_credit(line: str, rules: CleanRules) -> bool:
    """A stamp with the outlet's or author's name after a dash ("6 января 2022, 10:55 —
    Общественная служба новостей — ОСН"): a date and a clock time, then a few words; or a
    date followed by names only ("05.07.2007 RBCdaily Екатерина Цирлина"), by a byline
    ("05.06.2012 source: Reuters") or by the record's labels between bars ("07/25/2024 |
    Press release | Archived content")."""
    opening = OPENING_DATE.match(line)  # "05.07.2007 RBCdaily Екатерина Цирлина"
    # ... or in words: "22 марта 2024 ГТРК «Хакасия»" (in Cyrillic: an English headline may be
    # set in capitalised words, so there only a byline may follow)
    if opening:
        end = opening.end()
    elif CYR.search(line):
        end = opening_date_end(line, rules)
    else:  # a date in English words before a byline only ("27 Sep 2022 - by Staff reporter")
        latin = opening_date_end(line, rules)
        rest = line[latin:].strip(" .,|–—-") if latin else ""
        if rest and any(rx.match(rest) for rx in rules.bylines):
            return True
        end = 0
    if end:
        rest = line[end:].strip(" .,|–—-")
        views = _VIEWS_FIRST.match(rest)  # "29.02.2016 348 Наш край": the views, the outlet
        names = rest[views.end() if views else 0 :].split()
        capitals = [w.lstrip('«"“„')[:1].isupper() for w in names]
        if (
            0 < len(names) <= STAMP_NAMES
            and (all(capitals) or (views and capitals[0]))
            and not rest.endswith(("…", "...", "!", "?"))  # "ТАКИЕ БЫЛИ ВРЕМЕНА…": a headline
        ):
            return True
        if rest and any(rx.match(rest) for rx in rules.bylines):
            return True  # "05.06.2012    source: Reuters", "5 июля 2010. Разместил: admin_a"
    if opening:
        rest = line[opening.end() :].strip(" ,|–—-")
        items = [x.strip() for x in rest.split("|")] if "|" in line else []
        if len(items) >= 2 and all(0 < word_count(x) <= 3 and not ends_sentence(x) for x in items):
            return True  # "07/25/2024 | Press release | Archived content": the record's labels
    boxed = _BOXED_STAMP.fullmatch(line.strip())  # "[16:39 03 мая 2022 года ] [ Forbes-
    if boxed and is_timestamp(boxed[1], rules) and word_count(boxed[2]) <= STAMP_CREDIT_WORDS:
        return True  # Украина, 3 травня 2022 ]": the stamp and its source's credit, boxed
    head, comma, rest = line.partition(", ")  # "25 ақпан 2025 жыл, Түркістан облыстық филиалы"
    if (
        comma
        and rest[:1].isupper()
        and 0 < word_count(rest) <= STAMP_PLACE_WORDS
        and not ends_sentence(rest)
        and is_timestamp(head, rules)
        and any(year for _s, year, _m, _d in find_dates(head, rules))
    ):
        return True
    head, sep, rest = line.partition(" — ")
    if not sep:
        head, sep, rest = line.partition(" – ")
    return (
        bool(sep)
        and bool(TIME.search(head))
        and is_timestamp(head, rules)
        and word_count(rest) <= STAMP_CREDIT_WORDS
    )


def labelled_stamp(line: str, rules: CleanRules) -> bool:
    """Names (a site's, a section's: up to four words each, no sentence) and a dated stamp
    last, between bars: "Коломия ВЕБ Портал | Публіцистика та аналіз | 2009-01-16 10:00:21"."""
    *names, last = [b.strip() for b in re.split(r"\s\|\s", line)]
    if not 1 <= len(names) < STAMP_BITS or not is_timestamp(last, rules):
        return False
    if not any(year for _s, year, _m, _d in find_dates(last, rules)):
        return False
    return all(0 < word_count(n) <= 4 and not ends_sentence(n) for n in names)


_AGE_AFTER = re.compile(r"\s\d{1,2}\s+[^\W\d_]{1,7}\s+(?P<ago>[^\W\d_]{2,5})(?:\s+\d{1,4})?$")
AGED_DATE_WORDS = 3  # the date before a post's age: "Sep 21, 2022"


def glued_stamp_words(title: str, rules: CleanRules) -> int:
    """How many words at the end of a headline are a date and clock time glued after it
    ("Директора … задержали в Жанаозене 05 января 2022, 09:54"): 0 when none are (a
    headline never ends on a clock time)."""
    words = title.split()
    aged = _AGE_AFTER.search(title)  # a post's age after its date, then its comments' count
    if aged and comparison_key(aged["ago"]) in rules.relative_days:  # ("… closure Sep 21,
        head = title[: aged.start()].split()  # 2022 6 hrs ago 0", a TownNews page's header)
        date = " ".join(head[-AGED_DATE_WORDS:])
        dated = any(year for _s, year, _m, _d in find_dates(date, rules))
        if len(head) > AGED_DATE_WORDS + 3 and dated and is_timestamp(date, rules):
            return AGED_DATE_WORDS + len(aged.group().split())
        return 0
    if not TIME.search(NUMERIC_DATE.sub(" ", " ".join(words[-2:]))):
        return 0  # (not the day and month of a date: "… от АО «КТК-Р» 23.09.2024")
    for k in range(2, min(GLUED_STAMP_WORDS, len(words) - 3) + 1):
        tail = " ".join(words[-k:])  # the shortest tail that is a full date and a time
        latin = not CYR.search(tail)
        if is_timestamp(tail, rules) and any(
            year for _s, year, _m, _d in find_dates(tail, rules, latin=latin)
        ):  # (with the weekday before it: "… Online - Thursday, September 20th, 2018 at
            # 2:07 PM")
            day = words[-k - 1].strip(",.").casefold() if k + 1 < len(words) - 3 else ""
            return k + 1 if day in rules.weekdays else k
    return 0


# a full date in figures and its clock time before the headline and a dash ("2013-07-30
# 05:18 - В Костанайской области …", a feed's list style)
LEADING_STAMP = re.compile(
    r"^(?P<stamp>(?:(?:19|20)\d{2}-[01]\d-[0-3]\d|[0-3]?\d\.[01]?\d\.(?:19|20)\d{2})"
    r"(?:,?\s+[0-2]?\d:[0-5]\d)?)\s+[-–—|]\s+(?=\S)"
)


def stamp_lines(
    lines: list[str],
    kinds: list[str | None],
    first_body: int,
    title_index: int | None,
    rules: CleanRules,
) -> tuple[tuple[str, str], ...]:
    """The timestamp lines where publishers put the publication date, with their place.

    - "above" / "below" the headline line (or "top" when the headline is not a line of its
      own; "after" when more than a few lines below it): stamps above the first paragraph,
      and there a "today" before a full date ("… новости на сегодня 7 января 2022") or a
      rubric and date before the headline the next line repeats ("Экономика 01/09/2023
      Россия договаривается …" / "Россия договаривается …");
    - "late": an agency header further down ("Путин - Sputnik, 1920, 07.01.2022");
    - "lead": a stamp between the first paragraph, when short like a standfirst (not the
      opening of a live blog), and the second, e.g. over the author's name;
    - "tail": a stamp right after the last paragraph (at most two short lines between, a
      source link, say, or the headline and a rubric under a text of one paragraph),
      followed by nothing longer than a menu item (a list of related stories, each dated
      under its headline, is no stamp of the article).
    """
    out: list[tuple[str, str]] = []
    for i in range(min(first_body + 1, len(lines))):
        year_alone = kinds[i] == "counter" and re.fullmatch(r"(?:19|20)\d{2}", lines[i].strip())
        stamp = lines[i] if kinds[i] in ("header", "timestamp") or year_alone else None
        if year_alone:  # a date broken over lines by the page's markup: "30" / "Март" / "2023"
            stamp = _broken_date(lines, kinds, i, rules) or stamp
        if stamp is None and kinds[i] != "blank":
            stamp = _stamp_in_line(lines, kinds, i, rules) or _stamp_after_prompt(lines[i], rules)
        if stamp is None and i == title_index and (k := glued_stamp_words(lines[i], rules)):
            stamp = " ".join(lines[i].split()[-k:])  # "… газификацию? 2024-11-23 20:34:23"
        if stamp is None and i == title_index and (lead := LEADING_STAMP.match(lines[i])):
            stamp = lead["stamp"]  # "2013-07-30 05:18 - В Костанайской области …"
        if stamp is None and title_index is not None and i <= title_index:
            stamp = _page_title_date(lines, kinds, i, rules)
        if stamp is not None and kinds[i] == "timestamp" and _item_stamp(lines, kinds, i):
            continue  # "1 июля 2025, 00:00" / "Дачный сезон под угрозой: …": an item's own
        if stamp is not None and _under_comments(kinds, title_index, i):
            continue  # a review's under a comments box's heading ("Последние отзывы" / …)
        if stamp is not None and _caption_over_credit(lines, kinds, i, rules):
            continue  # a picture's ("The Silver Fire, June 11, 2013." / "Credit … via Flickr")
        if stamp is not None and (i < first_body or kinds[i] is None):
            if title_index is None:
                where = "top"
            elif i < title_index:
                where = "above"
            else:
                between = sum(1 for k in kinds[title_index + 1 : i] if k != "blank")
                where = "below" if between < STAMP_BELOW_LINES else "after"
            out.append((where, stamp))
    if title_index is not None and title_index > first_body:  # the headline under a line of
        # text (a quotation of the day, a sidebar's item): the stamps right below it too
        for i in range(title_index + 1, min(len(lines), title_index + 1 + STAMP_BELOW_LINES)):
            if kinds[i] in ("header", "timestamp"):
                out.append(("below", lines[i]))
    out += [("late", lines[i]) for i in range(first_body, len(lines)) if kinds[i] == "header"]
    text = [i for i, k in enumerate(kinds) if k is None and word_count(lines[i]) >= 8]
    # (not past a list's heading under the text: "00:35 01-10-2024" / "Другие новости" /
    # other stories' leads)
    heading = next(
        (
            i
            for i in range(first_body + 1, len(lines))
            if kinds[i] == "ticker" and word_count(lines[i]) <= LIST_HEADING_WORDS
        ),
        len(lines),
    )
    text = [i for i in text if i < heading] or text
    # (a line the page prints twice, a standfirst or a caption, is no paragraph of text)
    # (nor a photo's caption, a line of text that ends no sentence: "Ukrainian troops in a
    # field with sunflowers in Kryva Luka, eastern Ukraine" / "AP" / "Benjamin Cooper" / date)
    second = next(
        (
            i
            for i in text
            if i > first_body
            and not _said_twice(lines, kinds, i)
            and (ends_sentence(lines[i]) or word_count(lines[i]) > CAPTION_MAX_WORDS)
        ),
        len(lines),
    )
    # (not under a readers' comments box above the first paragraph, the headline not between:
    # "Последние отзывы" / a review's headline / "Елизаров Николай 11.11.2024 16:30" / …)
    if (
        first_body < len(lines)
        and (
            word_count(lines[first_body]) <= STANDFIRST_MAX_WORDS
            or _stamp_bar_under(lines, kinds, first_body, rules)
        )
        and not _under_comments(kinds, title_index, first_body)
    ):
        for i in range(first_body + 1, second):
            if kinds[i] == "timestamp":
                out.append(("lead", lines[i]))
            elif kinds[i] != "blank" and (today := _stamp_in_line(lines, kinds, i, rules, False)):
                out.append(("lead", today))
    if text and text[-1] >= first_body:  # (a text of one paragraph too)
        rest = [  # (not the counters of a reactions bar: "+1" / "0" / "+1" / "3")
            i for i in range(text[-1] + 1, len(lines)) if kinds[i] not in ("blank", "counter")
        ]
        at = next((j for j, i in enumerate(rest[:3]) if kinds[i] == "timestamp"), None)
        # what follows the stamp, up to a list's header ("Другие новости" / other stories:
        # their own section, which the stamp above it is not part of)
        after = rest[at:] if at is not None else []
        after = after[: next((k for k, i in enumerate(after) if kinds[i] in _LIST_KINDS), None)]
        if (
            at is not None
            and not any(kinds[i] in _LIST_KINDS for i in rest[:at])  # "Читайте также" / date
            and (
                all(
                    kinds[i] in ("timestamp", "prompt", "photo_credit")
                    or word_count(lines[i]) < 4
                    or i == title_index  # the page's header printed under its text
                    for i in after  # ("12:16 10.01.2023" / the headline; the picture's
                    # credit: "30 08 2023, 12:18" / "photo source: freepik.com / freepik")
                )
                # (a "found a typo? Ctrl+Enter" box may follow) ...
                or (at == 0 and published_label(lines[rest[0]], rules))
            )  # ... or anything when the stamp right under the text says it is the
            # publication's ("Published On Jan 7, 2022 at 11:35 AM IST" / "Be the first
            # one to comment." / "Join the community of 2M+ industry professionals" / …;
            # "This post was published on 13.12.2022 16:42" / "Share" / "Recent Posts" …)
        ):
            out += [("tail", lines[i]) for i in after if kinds[i] == "timestamp"]
    if not any(where == "tail" for where, _line in out):
        # The one stamp saying it is the publication's right under a paragraph of text
        # (a reactions bar between), when a list of recent posts follows, their headlines
        # taken for text: "… отметил глава Якутии Айсен Николаев." / "+1" / "0" / … /
        # "This post was published on 13.12.2022 16:42" / "Share" / "Recent Posts" / …
        # (not a source's date under its credit: "Publication: The Conversation" /
        # "Publication date: 2022-01-24"; not after a "read also" list's header)
        labelled = [
            i
            for i in range(first_body + 1, len(lines))
            if kinds[i] == "timestamp" and published_label(lines[i], rules)
        ]
        if len(labelled) == 1:
            above = [  # (not a teaser set in the text: "Читайте також: Netflix придбав …")
                j
                for j in range(first_body, labelled[0])
                if kinds[j] not in ("blank", "counter") and not _inline_teaser(lines[j], kinds[j])
            ]
            below = next(
                (j for j in range(labelled[0] + 1, len(lines)) if kinds[j] != "blank"), None
            )
            aged = below is not None and kinds[below] == "prompt"  # "(1328 days ago), so …"
            if aged or (
                above and above[-1] in text and not any(kinds[j] in _LIST_KINDS for j in above)
            ):  # (or an old article's notice after it, whatever is above: "This article was
                # published 26/02/2022" / "(1328 days ago), so information in it may …")
                out.append(("tail", lines[labelled[0]]))
    return tuple(out)


INLINE_TEASER_WORDS = 4  # a "read also" label with another story's headline of this many words


def _inline_teaser(line: str, kind: str | None) -> bool:
    """A "read also" line with its one story's headline after the label ("Читайте також:
    Netflix придбав права на показ 7 українських фільмів"): set in the text, no list."""
    _label, colon, rest = line.partition(":")
    return kind == "read_also" and bool(colon) and word_count(rest) >= INLINE_TEASER_WORDS


_FIGURES_TAIL = re.compile(r"\s+\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:,?\s+\d{1,2}:\d{2})?\s*")


def _page_title_tail(line: str, below: str) -> str | None:
    """What the page's title line adds after the headline said on its own below it (": Город
    Алматы, 20 Марта 2026 года - новости на сайте gurk.kz"), or ``None``."""
    head = below.strip()
    if word_count(head) < PAGE_TITLE_HEAD_WORDS or not line.startswith(head):
        return None
    tail = line[len(head) :]  # (or a stamp in figures alone: "… фоторепортаж 21.04.2023")
    return tail if re.match(r"\s*[:|–—-]\s", tail) or _FIGURES_TAIL.fullmatch(tail) else None


def _page_title_date(
    lines: list[str], kinds: list[str | None], i: int, rules: CleanRules
) -> str | None:
    """The one full date in the tail of the page's title line, the headline said again on
    its own right below it ("В Алматы … в честь Наурыза: Город Алматы, 20 Марта 2026 года -
    новости на сайте gurk.kz" / "В Алматы … в честь Наурыза"): the site's title template
    dates the page."""
    below = next((lines[j] for j in range(i + 1, len(lines)) if kinds[j] != "blank"), "")
    tail = _page_title_tail(lines[i], below)
    if tail is None:
        return None
    found = [f for f in find_dates(tail, rules) if f[1]]
    if len(found) != 1:
        return None
    end = next(iter(date_ends(tail, found[0][0], rules)), len(tail))
    return tail[found[0][0] : end]


BAR_NAME_WORDS = 3  # a byline's name over the stamp bar under a long standfirst


def _stamp_bar_under(lines: list[str], kinds: list[str | None], i: int, rules: CleanRules) -> bool:
    """Is there a stamp bar right under paragraph ``i``, a standfirst too long for a "lead"
    stamp's: the stamp, maybe under a short byline, then its update or a reading time
    ("Wednesday, 26th May 2021, 3:42 pm" / "Updated Wednesday, 26th May 2021, 3:45 pm"; "SN
    Staff" / "July 3, 2006" / "14 Min Read")? A live blog's paragraphs and stamps take turns
    with no such bar."""
    filled = [j for j in range(i + 1, min(len(lines), i + 9)) if kinds[j] != "blank"]
    at = next((k for k, j in enumerate(filled[:3]) if kinds[j] == "timestamp"), None)
    if at is None or at + 1 >= len(filled):
        return False
    if any(word_count(lines[j]) > BAR_NAME_WORDS for j in filled[:at]):
        return False
    after = filled[at + 1]
    words = comparison_key(lines[after]).split()
    return kinds[after] == "widget" or (
        kinds[after] == "timestamp" and bool(words) and words[0] in rules.update_words
    )


def _said_twice(lines: list[str], kinds: list[str | None], i: int) -> bool:
    """Is line ``i`` printed twice: the same words on an earlier line (a standfirst over the
    headline printed again), or right before or after it with a credit added (a photo's
    caption, then the caption and "© …")? A paragraph of text is said once."""
    key = comparison_key(lines[i])
    filled = [j for j in range(len(lines)) if kinds[j] != "blank" and j != i]
    if any(comparison_key(lines[j]) == key for j in filled if j < i):
        return True
    before = next((j for j in reversed(filled) if j < i), None)
    after = next((j for j in filled if j > i), None)
    for j in (before, after):
        other = comparison_key(lines[j]) if j is not None else ""
        short, long_ = sorted((key, other), key=len)
        if (
            short
            and word_count(short) >= CAPTION_MIN_WORDS
            and (long_ == short or long_.startswith(short + " "))
        ):
            return True
    return False


def _broken_date(
    lines: list[str], kinds: list[str | None], i: int, rules: CleanRules
) -> str | None:
    """A stamp whose day, month and year stand on lines of their own ("Posted On" / "30" /
    "Март" / "2023", the year at ``i``): the day and month lines right above it, joined
    with the year ("30 Март 2023"); ``None`` when they are not a lone day and month name."""
    above = [j for j in range(max(0, i - 4), i) if kinds[j] != "blank"][-2:]
    if len(above) != 2:
        return None
    parts = [lines[j].strip() for j in above]
    day = next((p for p in parts if re.fullmatch(r"[0-3]?\d", p)), None)
    month = next((p for p in parts if p.casefold().rstrip(".") in rules.months), None)
    if day is None or month is None:
        return None
    joined = f"{day} {month} {lines[i].strip()}"
    return joined if any(found[1] for found in find_dates(joined, rules)) else None


_BAR_ITEM = re.compile(r"\s+[/|]\s+")


def _stamp_after_prompt(line: str, rules: CleanRules) -> str | None:
    """The byline and stamp of a post's meta bar after its comment prompt ("Leave a comment
    / By: manifel / 07 January, 2021 08:50:43AM" -> "By: manifel / 07 January, 2021
    08:50:43AM"), else ``None``."""
    bar = _BAR_ITEM.search(line)
    if bar is None:
        return None
    first, rest = line[: bar.start()], line[bar.end() :]
    if classify(first.strip(), rules) != "prompt" or not is_timestamp(rest, rules):
        return None
    return rest if any(year for _s, year, _m, _d in find_dates(rest, rules)) else None


def _caption_over_credit(
    lines: list[str], kinds: list[str | None], i: int, rules: CleanRules
) -> bool:
    """Is line ``i`` a picture's caption with its day, a sentence ending in a full stop over
    the picture's credit ("The Silver Fire, June 11, 2013." / "Credit Mike Gillespie via
    Flickr"), not a stamp?"""
    line = lines[i].strip()
    below = next((j for j in range(i + 1, len(lines)) if kinds[j] != "blank"), None)
    if below is None or kinds[below] != "photo_credit" or not line.endswith("."):
        return False
    found = find_dates(line, rules)
    return bool(found) and word_count(line[: found[0][0]]) >= 2


def _stamp_in_line(
    lines: list[str], kinds: list[str | None], i: int, rules: CleanRules, rubric: bool = True
) -> str | None:
    """The stamp inside a headline-like line (see ``stamp_lines``), or ``None``; a rubric
    and date before a repeated headline only with ``rubric``.

    "Today" must end a headline ("… новости на сегодня 7 января 2022"): a short line that
    opens with it ("Сегодня: 11 декабря 2024") is a site's box of the day the page was seen.
    """
    line = lines[i]
    if rules.today is not None and kinds[i] not in ("today_widget", "widget"):
        for m in rules.today.finditer(line):
            found = find_dates(line[m.end() :], rules)
            if found and found[0][0] == 0 and found[0][1] and word_count(line[: m.start()]) >= 4:
                return line[m.end() :]
    found = [f for f in find_dates(line, rules) if f[1]]
    if not rubric or len(found) != 1 or word_count(line[: found[0][0]]) > 2:
        return None
    date_end = next(iter(date_ends(line, found[0][0], rules)), len(line))
    rest = comparison_key(line[date_end:])
    following = next((lines[j] for j in range(i + 1, len(lines)) if kinds[j] != "blank"), "")
    if len(rest.split()) >= 3 and rest == comparison_key(following):
        return line[:date_end]
    return None
