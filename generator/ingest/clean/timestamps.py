"""``is_timestamp``: is a line a publication stamp (a date or time with a few words of
page furniture around it)?"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.ingest.clean.dates import NUMERIC_DATE, TIME, date_ends, find_dates
from generator.ingest.clean.rules import STAMP_BITS, CleanRules
from generator.ingest.clean.text import CYR, CYR_LOWER, UPPER, comparison_key, word_count

PUBLISHED_LABEL_WORDS = 5  # words before the date of a "This post was published on" stamp
BYLINE_OUTLET_WORDS = 4  # an outlet's name between a byline and its date ("By X, High North News")
_ADDRESS = re.compile(r"(?:\s*\|)?\s*https?://\S+(?:\s*\|)?")  # a link and the bars around it
_VIEWS_BIT = re.compile(r"\d{1,3}(?:[ \u00a0]?\d{3})*")  # a view counter after a stamp
_CLOCK_ROW = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d(?:[\s|•·/-]+(?:[01]?\d|2[0-3]):[0-5]\d){2,}")

_TIMEZONE = re.compile(
    r"\b[A-Z][a-z]+/[A-Z][A-Za-z_]+\b|\(?\b(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?\)?"
)

# a site's name in a line ("cryptopolitan.com"), not a link's ("pic.twitter.com/Ab1")
SITE_TOKEN = re.compile(r"(?<![\w@/.-])(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,6}(?![\w./-])")


# a capitalised English word, nothing else ("Shipping", "Review"; not "Иванов": a Russian
# page's date and name may be a wrapped sentence's start)
_ONE_RUBRIC = re.compile(r"\s+[A-Z][a-z]+\s*")
_NAME_WORD = rf"[{UPPER}][a-z{CYR_LOWER}]+(?:-[{UPPER}][a-z{CYR_LOWER}]+)?"
_AUTHOR_AFTER = re.compile(rf"\s+{_NAME_WORD}\s+{_NAME_WORD}\s*")  # "… Артур Приймак"


def _relative_word(word: str, rules: CleanRules) -> bool:
    """A word of a stamp's label ("обновлено", "Posted"), or one cut short ("публикаци")."""
    if word in rules.relative_days:
        return True
    return len(word) >= 6 and any(r.startswith(word) for r in rules.relative_days)


# a stamp's year alone on its line with its word ("• 2024 года" under "• 22 Ноябрь", "2023
# жыл", "2019 р."): a stamp broken over lines, never a headline
_WORDED_YEAR = re.compile(r"[\W_]*(?:19|20)\d{2}\s*([^\W\d_]{1,6})\.?[\W_]*")


_CATEGORY_LIST = re.compile(
    r"(?:(?:в|у|in)\s+)?[^\W\d_][\w’'-]*(?:\s[^\W\d_][\w’'-]*)?"
    r"(?:,\s*[^\W\d_][\w’'-]*(?:\s[^\W\d_][\w’'-]*)?)+\s*[,|·•]?\s*"
)


def _edition_of(opening: list[str], sections: frozenset[str], rules: CleanRules) -> bool:
    """Do the words before a date name a rubric's edition of that day: a word or two ending
    in a section's name, then "of" (a portal's "General News of Wednesday, …", "Business
    News of …"; the weekday is a stamp's word, already left out), or its news and briefs
    "for" the day ("Trucking news and briefs for Tuesday, July 11, 2023:")?"""
    words = [w for w in opening if not _relative_word(w, rules)]
    if 2 <= len(words) <= 3 and words[-1] == "of" and words[-2] in sections:
        return True
    return (
        3 <= len(words) <= EDITION_FOR_WORDS
        and words[-1] == "for"
        and any(w in sections for w in words[:-1])
    )


EDITION_FOR_WORDS = 5  # "Trucking news and briefs for": a rubric's edition, short


def _category_list(text: str) -> bool:
    """Two or more capitalised rubrics of one or two words apart by commas, maybe after "in"
    ("в Відео, Війна, Ексклюзив, Новини")."""
    if not _CATEGORY_LIST.fullmatch(text):
        return False
    items = re.sub(r"^(?:в|у|in)\s+", "", text.strip(" ,|·•")).split(",")
    return all(item.strip()[:1].isupper() for item in items)


def _rubric_word(text: str, rules: CleanRules) -> bool:
    """Is ``text`` one capitalised English word, no page furniture (an account bar's
    "Login" after the day's date is a header's box, not a stamp's rubric)?"""
    if not _ONE_RUBRIC.fullmatch(text):
        return False
    word = text.strip()
    return comparison_key(word) not in rules.navigation and not any(
        rx.search(word) for _cls, rx in rules.debris
    )


_META_BULLET = re.compile(r"^\s*[•·▪]\s+(?=\S)")


def is_timestamp(line: str, rules: CleanRules) -> bool:
    """A line made only of dates, times and words like "today" ("14:15 18 жов 2025."),
    maybe between a category field and view or comment counts ("Category: World Published
    on Monday, 03 January 2022 18:32 Hits: 1", "Дата публикации: 17.06.2024   826
    просмотров   2 комментария", "дата: 09.04.2013 | Категория: Горячие новости").
    Not a row of clock times alone: a widget's sunrise and sunset ("05:04 21:50 01:58")."""
    if _CLOCK_ROW.fullmatch(line.strip()):
        return False
    line = _META_BULLET.sub("", line, count=1)  # a meta box's item: "• Админ 06.06.2024"
    if (year := _WORDED_YEAR.fullmatch(line)) and _relative_word(year[1].casefold(), rules):
        return True
    if _stamp_bits(line, rules):
        return True
    if _stamp_then_field(line, rules) or _stamp_then_rubrics(line, rules):
        return True
    if _meta_bar_stamp(line, rules):
        return True
    # the page's address by its stamp ("12.01.2022 | https://…")
    bare = _ADDRESS.sub(" ", line) if "://" in line else line
    for rx in (rules.stamp_after, rules.stamp_before, rules.stamp_counts):
        bare = rx.sub("", bare) if rx is not None else bare
    if bare != line and bare.strip():
        line = bare
    tokens = sum(1 for t in line.split() if re.search(r"\w", t))  # not the "|" between
    if tokens > 14 or not any(ch.isdigit() for ch in line):
        return False
    rest = line
    spans = []
    for rx in (NUMERIC_DATE, *rules.date_patterns, TIME, _TIMEZONE):
        spans.extend(m.span() for m in rx.finditer(line) if m.group(0).strip())
    if not spans:
        return False
    chars = list(rest)
    for a, b in spans:
        for i in range(a, b):
            chars[i] = " "
    rest = "".join(chars)
    key = comparison_key(rest)
    for agency in sorted(rules.agencies, key=len, reverse=True):  # "UA.NEWS 07 Січня 2022"
        name = comparison_key(agency)
        if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", key):
            key = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", key, count=1)
            break
    else:  # an outlet known by its site's name only: "source-logo cryptopolitan.com 06
        # January 2022 20:04, UTC" (an aggregator's line crediting its source)
        key = comparison_key(SITE_TOKEN.sub(" ", rest, count=1))
    dated = bool(NUMERIC_DATE.search(line)) or any(
        m.groupdict().get("year") for rx in rules.date_patterns for m in rx.finditer(line)
    )
    first, last = min(a for a, _b in spans), max(b for _a, b in spans)
    author = line[:first].strip().rstrip("|,:–—-·•").strip()
    # A byline that ends in the date: "By bne IntelliNews March 24, 2022", "By Jane Doe |
    # 12 January 2022, 10:36", "By Henry Lazenby January 6, 2022 At 12:50 pm" (the author's
    # name before the first date, nothing after the last date but a time and its label),
    # maybe with the outlet after a comma ("By Malte Humpert, High North News February 26,
    # 2024").
    signed = (
        dated
        and all(_relative_word(w, rules) for w in comparison_key(line[last:]).split())
        and word_count(line) <= 14
        and any(True for _author in _authors(author, rules))
    )
    if signed or (dated and _credited_label(line[:first], line[last:], rules)):
        return True
    if (dated and _signed_after(line, first, last, rules)) or _stamp_then_button(line, last, rules):
        return True
    labels = rules.publish_words | rules.update_words
    sections = rules.navigation | rules.section_keys
    opening = comparison_key(line[:first]).split()
    if dated and _edition_of(opening, sections, rules) and not line[last:].strip(" .,|:"):
        return True  # a rubric's edition of the day: "General News of Wednesday, 26 January
        # 2011", "Trucking news and briefs for Tuesday, July 11, 2023:"
    if tokens > 8 and not (dated and any(w in labels for w in comparison_key(line).split())):
        return False  # longer: only a labelled full date ("Faizan Hashmi Published January
        # 12, 2022 | 08:28 PM", "Jan. 15, 2022 Updated: Jan. 15, 2022 2:42 a.m."), not a
        # sentence with a time in it
    words = [
        w
        for w in key.split()
        # a view counter may follow a full date ("13.01.2022, 14:37 12551")
        if not _relative_word(w, rules) and not (w.isdigit() and (len(w) <= 2 or dated))
    ]
    # Allow a joining word ("в", "о", "at", "года", "ж") but nothing like a headline.
    if len(words) <= 1 and all(len(w) <= 4 for w in words):
        return True
    if (
        dated
        and len(words) == 1
        and words[0] in rules.record_fields
        and comparison_key(line[last:]).split() == words
    ):
        return True  # "25 июля 2016 автор": the author's field after the date left empty
    prefix = line[: min(a for a, _b in spans)]
    # (an ampersand joins a rubric's words: "Europe Sun & Beach 03.05.2017")
    places = [t for t in re.split(r"[\s,.]+", prefix) if t and t != "&"]
    place_words = [w for w in comparison_key(prefix).split() if not _relative_word(w, rules)]
    if not dated:
        # The clock, the day and the place, nothing else: "14:54 05 December Kyiv, Ukraine".
        after = [t for t in re.split(r"[\s,.]+", line[last:]) if t]
        if (
            TIME.match(line.lstrip()) is not None
            and 1 <= len(words) <= 3
            and len(after) == len(words)
            and all(t[:1].isupper() for t in after)
        ):
            return True
        # A dateline without a year on its own line, the city in capitals, nothing after
        # the date: "BAKU, Azerbaijan, Jan. 11", "МОСКВА, 5 января"; or one city's name
        # and its comma ("Kathmandu, January 9", "Алматы, 5 января").
        return (
            1 <= len(words) <= 3
            and place_words == words
            and all(t[:1].isupper() for t in places)
            and len(places[0]) >= 3
            and (places[0].isupper() or (len(places) == 1 and prefix.rstrip().endswith(",")))
            and not line[max(b for _a, b in spans) :].strip(" .,")
        )
    # A stamp with a year and a time may carry its rubric or tags ("Росія, Казахстан,
    # Субота 29 листопада 2025 15:58", "kazakhstan 12 January, 2022 10:36HRS"), and a
    # publication label may carry its author ("Posted on January 7, 2022 by admin").
    if len(words) <= 3 and _time_outside_dates(line, rules):
        return True
    # ... or a weekday and a full date its tags ("Tuesday, 11 January 2022 violence society
    # politics"): lower-case single words, nothing else
    tags = line[last:].split()
    if (
        dated
        and opening
        and all(_relative_word(w, rules) for w in opening)
        and 1 <= len(tags) <= 3
        and all(re.fullmatch(r"[^\W\d_]+", t) and t.islower() for t in tags)
    ):
        return True
    if len(words) <= 2 and all(w in sections for w in words):  # "Политика 13 января 2022"
        return True
    if dated and not line[:first].strip() and _rubric_word(line[last:], rules):
        return True  # the full date, then its rubric's one word: "Aug 17, 2010 Shipping"
    # a rubric's word, the full date, its author's first name and surname, nothing else
    # ("Истории 05 августа 2020 Артур Приймак")
    if dated and len(opening) == 1 and _AUTHOR_AFTER.fullmatch(line[last:]):
        return True
    if dated and _category_list(line[:first]) and not line[last:].strip(" .,|"):
        return True  # a theme's categories, then the day: "в Відео, Війна, Новини 05.11.2024"
    if (  # a full date, a slash or bar, its rubric: "08.02.2022 / Қазақстан", "08.06.2016 /
        not line[:first].strip()  # политика и общество": the rubric's words, nothing else
        and (rubric := _RUBRIC_AFTER.fullmatch(line[last:]))
        and (rubric["join"] is None or rubric["join"] in rules.joining_words)
    ):
        return True
    # A dateline on its own line: a place in capitals before the date, nothing after it
    # but a time or a year word ("Алматы 7 января 2022 года", "ALMATY, January 7, 2022").
    if 1 <= len(words) <= 3 and place_words == words and all(t[:1].isupper() for t in places):
        return True
    label = comparison_key(line).split()[:1]
    if bool(label) and label[0] in rules.publish_words and word_count(line) <= 14:
        return True
    # A sentence labelling the date as the publication's, nothing after the date but a
    # time ("This post was published on 13.12.2022 16:42", "Статья опубликована 5 января
    # 2022"): a stamp, not text.
    return (
        dated
        and published_label(line, rules)
        and all(_relative_word(w, rules) for w in comparison_key(line[last:]).split())
    )


def _authors(text: str, rules: CleanRules) -> Iterator[str]:
    """The author each of the packs' bylines reads in ``text`` ("By Jane Doe"), or in its
    part before a comma when an outlet's name follows it ("By Malte Humpert, High North
    News", "by Andrew Weber, KUT")."""
    name, _comma, outlet = text.partition(",")
    signers = (text, name) if outlet and word_count(outlet) <= BYLINE_OUTLET_WORDS else (text,)
    for rx in rules.bylines:
        if "author" in rx.groupindex:
            for who in signers:
                if (m := rx.match(who.strip())) is not None:
                    yield m["author"]


def _signed_after(line: str, first: int, last: int, rules: CleanRules) -> bool:
    """A full date, maybe after its weekday, then its author's byline and nothing else:
    "Friday, September 20, 2019 by Andrew Weber, KUT" (maybe the outlet after a comma; the
    author's name in capitals: not "… by the city council"), maybe after its section's one
    word ("News Mar 10, 2017 by Rachael Williams Mississauga News", Metroland's papers)."""
    opening = [w for w in comparison_key(line[:first]).split() if not _relative_word(w, rules)]
    if opening and (len(opening) > 1 or opening[0] not in rules.navigation | rules.section_keys):
        return False
    after = line[last:].strip(" ,|·•–—-")
    return any(author[:1].isupper() for author in _authors(after, rules))


BUTTON_WORDS = 4  # a button after a stamp on its line: this many words at most


def _stamp_then_button(line: str, last: int, rules: CleanRules) -> bool:
    """A stamp, then the article's share or print button and nothing else ("May 02 16:54
    2018 Print This Article"); not a site's login prompt ("April 19, 2024 Login": the top
    bar's day of the visit)."""
    words = line[last:].split()
    for k in range(min(BUTTON_WORDS, len(words)), 0, -1):
        button = " ".join(words[-k:])
        if any(cls == "share" and rx.match(button) for cls, rx in rules.debris):
            head = line[: line.rstrip().rfind(words[-k])]  # (the button's first word, last
            return bool(head.strip()) and is_timestamp(head, rules)  # found from the end)
    return False


# a slash or bar and a rubric of one or two words, maybe joined by a short word (the packs'
# ``joining_words``: "и", "and"), maybe a list of such rubrics ("Mar 17, 2022 | Campus News,
# International News, News")
_RUBRIC_AFTER = re.compile(
    r"\s*[/|]\s*[^\W\d_][\w-]*(?:\s(?:(?P<join>\S{1,4})\s)?[^\W\d_][\w-]*)?"
    r"(?:,\s*[^\W\d_][\w-]*(?:\s[^\W\d_][\w-]*)?){0,4}\s*"
)
CREDIT_NAME_WORDS = 8  # a publisher's name before ", posted" and the date: this long at most


def _credited_label(before: str, after: str, rules: CleanRules) -> bool:
    """A publisher's name, a comma and a publication label before the date, nothing after it
    but a time ("Ministry of Foreign Affairs of Ukraine, posted 10 January 2022 14:15")."""
    name, comma, label = before.rpartition(",")
    words = comparison_key(label).split()
    return (
        bool(comma)
        and any(w in rules.publish_words for w in words)
        and all(_relative_word(w, rules) for w in words)
        and all(_relative_word(w, rules) for w in comparison_key(after).split())
        and name.strip()[:1].isupper()
        and 1 <= word_count(name) <= CREDIT_NAME_WORDS
        and not re.search(r"[.!?:;]", name)
    )


# the next field of a record after a stamp ("… 10:35 Автор: …", "… Category: News")
_NEXT_FIELD = re.compile(r"\s+(?=(?P<label>[^\W\d_][^\W\d_-]{2,}(?:\s[^\W\d_]+)?)\s*:\s+\S)")
FIELD_WORDS = 10  # words of that field at most
_FIELD_BAR = re.compile(r"\s[-–—|]\s*$")  # ... or a bare stamp, a dash or bar before the field
# ("16th May 2022 - Author: Luke Gallin")


def _stamp_then_field(line: str, rules: CleanRules) -> bool:
    """A labelled stamp with a full date, then another field of the record on the same line
    ("Дата: 6.06.2022, 10:35 Автор: Әлихан Бөкейханов атындағы №15 мектеп - лицейі"): a
    field the packs name (``category_fields``, ``author_fields``); or a bare stamp and the
    field after a dash ("16th May 2022 - Author: Luke Gallin")."""
    if ":" not in line:  # (every line of a page is asked: most have no field at all)
        return False
    for m in _NEXT_FIELD.finditer(line):
        head, tail = line[: m.start()], line[m.end() :]
        if not any(ch.isdigit() for ch in head):
            continue
        if m.group("label").casefold() not in rules.record_fields:
            return False
        if word_count(tail) > FIELD_WORDS or not tail[:1].isupper():
            return False
        latin = not CYR.search(head)
        return (
            (":" in head or _FIELD_BAR.search(head) is not None)
            and any(year for _s, year, _m, _d in find_dates(head, rules, latin=latin))
            and is_timestamp(head.rstrip(" -–—|"), rules)
        )
    return False


_SPACED_COLON = re.compile(r"\s+:\s+")
RUBRIC_LIST_WORDS = 8  # a stamp's rubrics after a spaced colon: this many words at most


def _stamp_then_rubrics(line: str, rules: CleanRules) -> bool:
    """A stamp with a full date and its clock, then the post's rubrics after a spaced colon
    ("30  Ноября 2022 г.  в 14:19 : Политика, власть, оппозиция")."""
    if ":" not in line:  # (every line of a page is asked)
        return False
    parts = _SPACED_COLON.split(line.strip(), maxsplit=1)
    if len(parts) != 2:
        return False
    head, tail = parts
    latin = not CYR.search(head)
    return (
        tail[:1].isupper()
        and 0 < word_count(tail) <= RUBRIC_LIST_WORDS
        and not re.search(r"[.!?…]\W*$", tail)
        and TIME.search(head) is not None
        and any(year for _s, year, _m, _d in find_dates(head, rules, latin=latin))
        and is_timestamp(head, rules)
    )


META_BAR_TOKENS = 16  # a post's meta bar ending in its labelled stamp: this long at most


def _meta_bar_stamp(line: str, rules: CleanRules) -> bool:
    """A post's meta bar ending in its labelled stamp: rubric, author, reading time and views,
    then "Опубликовано 13.11.2021" ("Новости Автор Екатерина Голюк На чтение 1 мин.
    Просмотров 10 Опубликовано 13.11.2021"); the label right before the line's last date,
    nothing after it but its clock time."""
    if len(line.split()) > META_BAR_TOKENS or not line.rstrip()[-1:].isdigit():
        return False
    words = comparison_key(line).split()
    if not any(w.startswith(p) for w in words for p in rules.publish_words):
        return False  # (no label: no need to read the dates)
    dated = [f for f in find_dates(line, rules) if f[1]]
    if not dated:
        return False
    at = dated[-1][0]
    rest = [line[end:] for end in date_ends(line, at, rules)]
    if not any(_CLOCK_AFTER.fullmatch(r) for r in rest):
        return False
    before = comparison_key(line[:at]).split()
    return bool(before) and any(before[-1].startswith(p) for p in rules.publish_words)


_CLOCK_AFTER = re.compile(r"[\s,]*(?:(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)?\s*")


def published_label(line: str, rules: CleanRules) -> bool:
    """Does a publication label ("Published", "This post was published on", "Статья
    опубликована") stand in the few words before the line's first date (or digit)?"""
    head = re.split(r"\d", line, maxsplit=1)[0]
    before = comparison_key(head).split()
    return 1 <= len(before) <= PUBLISHED_LABEL_WORDS and any(
        w.startswith(p) for w in before for p in rules.publish_words
    )


def _stamp_bits(line: str, rules: CleanRules) -> bool:
    """A byline and stamps between bars, each bit one of them, one at least a dated stamp
    ("By The Diplomat | Created at 2025-01-30 17:16:28 | Updated at 2025-01-30 23:11:39 6
    hours ago"): too long for a stamp as a whole, furniture bit by bit. A headline or any
    other text between the bars makes no stamp ("Headline | Site | 12 January 2022"); the
    views may follow the stamp ("Текст: Людмила Смеркович | 2013-10-16 | 4277")."""
    bits = [b.strip() for b in re.split(r"\s\|\s", line)]
    if len(bits) < 2 or not all(bits):
        return False
    if len(bits) > STAMP_BITS and (  # (counters and buttons add no bits)
        len(bits) - sum(_counter_or_button(b, rules) for b in bits) > STAMP_BITS
    ):
        return False
    stamps = 0
    for bit in bits:
        if is_timestamp(bit, rules):
            stamps += bool(NUMERIC_DATE.search(bit) or any(f[1] for f in find_dates(bit, rules)))
        elif not (
            any(rx.match(bit) and "author" in rx.groupindex for rx in rules.bylines)
            or (stamps and _VIEWS_BIT.fullmatch(bit))  # "… | 2013-10-16 | 4277": the views
            or (stamps and _counter_or_button(bit, rules))  # "| 496 views | 0 0 comments |
            # 95 95 recommendations | email to a friend | print"
            or _record_field(bit, rules)  # "Автор: …, Пресс-служба …", "В рубриках: …"
            or (stamps and ":" not in bit and _tags_bit(bit, rules))
            # ("Thursday 27 June 2024 | Written by CI News Staff | Published in Editor's Pick,
            # Local, National": the post's categories; a field with its colon is a record's)
        ):
            return False
    return stamps >= 1


def _tags_bit(bit: str, rules: CleanRules) -> bool:
    """A post's categories the packs know ("Published in Editor's Pick, Local")."""
    return any(cls == "tags" and rx.match(bit) for cls, rx in rules.debris)


def _counter_or_button(bit: str, rules: CleanRules) -> bool:
    """A counter ("496 views", "0 0 comments": its figure maybe printed twice, by its icon
    and its label) or a share or print button ("email to a friend", "print") after a
    stamp."""
    once = re.sub(r"^(\d+)(?:\s+\1)+(?=\s)", r"\1", bit)
    if rules.stamp_counts is not None and rules.stamp_counts.fullmatch(f" {once}"):
        return True
    return any(cls in ("share", "prompt") and rx.match(bit) for cls, rx in rules.debris)


_FIELD_BIT = re.compile(r"(?P<label>[^\W\d_]+(?:\s[^\W\d_]+)?)\s*:\s*\S")


def _record_field(bit: str, rules: CleanRules) -> bool:
    """A record's field the packs name, its label in any case form ("В рубриках: В России,
    Дальневосточный ФО", "Автор: ГОСНОВОСТИ, Пресс-служба …")."""
    m = _FIELD_BIT.match(bit)
    return m is not None and any(
        w.startswith(f[: max(4, len(f) - 1)])
        for w in m["label"].casefold().split()
        for f in rules.record_fields
    )


def _time_outside_dates(line: str, rules: CleanRules) -> bool:
    """Does the line give a time of day besides its dates ("23.05" in "23.05.2022" is not)?"""
    chars = list(line)
    for rx in (NUMERIC_DATE, *rules.date_patterns):
        for m in rx.finditer(line):
            chars[m.start() : m.end()] = " " * (m.end() - m.start())
    return bool(TIME.search("".join(chars)))
