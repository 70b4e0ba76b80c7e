"""Lines a scraper glued together, split before they are classified: a headline with its
date or byline, a stamp at a paragraph's end, an aggregator's card."""

from __future__ import annotations

import itertools
import re

from generator.ingest.clean.dates import date_ends, find_dates, opening_date_end
from generator.ingest.clean.rules import (
    DATED_HEADLINE_LINES,
    GLUED_HEAD_WORDS,
    HEADLINE_MAX_WORDS,
    CleanRules,
)
from generator.ingest.clean.slug import says_slug
from generator.ingest.clean.stamps import stamp_and_credit
from generator.ingest.clean.text import (
    CYR,
    CYR_LOWER,
    CYR_UPPER,
    DATELINE_PLACE,
    UPPER,
    all_caps,
    comparison_key,
    ends_sentence,
    word_count,
)
from generator.ingest.clean.timestamps import is_timestamp, published_label

_DATE_FIRST = re.compile(
    rf"^((?:[{CYR_UPPER}][{CYR_LOWER}]+ [{CYR_UPPER}][{CYR_LOWER}]+ \d{{1,2}}:\d{{2}} )?"  # the
    r"\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2})\s*:?\s*(?=[" + UPPER + r"«\"])"  # author, clock
)
# a sentence glued to a headline with no space: "… без ЯнуковичаУ неділю, 1 грудня, …"
_GLUED_CAPITAL = re.compile(rf"(?<=[{CYR_LOWER}]{{2}})(?=[{CYR_UPPER}][{CYR_LOWER}]*\s)")


def unglue_dated_headline(
    line: str, rules: CleanRules, slug: frozenset[str] = frozenset()
) -> list[str]:
    """A stamp glued before the headline, at the top of a page: "25.05.2020:Поддерживающий
    ремонт" -> the date / the headline; "13.02.2008 В Сибири разворачивается масштабное
    строительство технопарков В районе поселка …" (the lead run on) -> the date / the
    headline / the lead; so with the author and clock before the date, the lead glued on
    ("Валентина Захарова 22:59 01.12.2013 Рівняни проголосили … без ЯнуковичаУ неділю, …").
    Not a date before names ("05.07.2007 RBCdaily Екатерина Цирлина")
    or an agency ("23.11.2022 ТАСС 1"), unless the URL's ``slug`` says them: then they are
    a headline in capitalised words ("06.04.2015 Bandy World Championship Results" at
    …/714-060415-bandy-world-championship-results.html)."""
    m = _DATE_FIRST.match(line)
    if not m:
        return _unglue_worded_date(line, rules)
    rest = line[m.end() :].strip()
    if (stamp_and_credit(line, rules) or is_timestamp(line, rules)) and not says_slug(rest, slug):
        return [line]  # (nor a stamp with its agency: "23.11.2022 ТАСС 1")
    if word_count(rest) <= HEADLINE_MAX_WORDS and (
        not ends_sentence(rest) or (all_caps(rest) and rest.endswith(("…", "...")))
    ):  # (a headline in capitals may trail off: "15.08.2016 ТАКИЕ БЫЛИ ВРЕМЕНА…")
        return [m.group(1), rest]
    run_on = GLUED_SENTENCE.search(rest) or _GLUED_CAPITAL.search(rest)
    if run_on and GLUED_HEAD_WORDS <= word_count(rest[: run_on.start()]) <= HEADLINE_MAX_WORDS:
        return [m.group(1), rest[: run_on.start()], rest[run_on.start() :].strip()]
    return [line]


_YEAR_WORD = re.compile(r"\s*[^\W\d_]{1,4}\.")  # "р.", "г.", "ж." after a year


def _unglue_worded_date(line: str, rules: CleanRules) -> list[str]:
    """A full date in words glued to the headline, no space between ("Jan 07, 2022UN chief
    appeals for calm …") -> the date / the headline; or glued to the lead under the headline
    ("29 жовтня 2023 р.Число загиблих під час аварії …", a DW page) -> the date / the lead."""
    end = opening_date_end(line, rules, latin=not CYR.search(line))
    if not end:
        return [line]
    if year_word := _YEAR_WORD.match(line, end):
        end = year_word.end()  # "29 жовтня 2023 р.Число …": the year's word, then the glue
    rest = line[end:]
    spaced = rest[:1].isspace()  # "2 Серпня, 2021 На Хмельниччині відгримів …": a headline
    rest = rest.lstrip() if spaced and "," in line[:end] else rest  # after a comma'd stamp
    if not end or not re.match(rf"[{UPPER}«\"“]", rest) or line[end - 1 : end].isspace():
        return [line]
    words = word_count(rest)
    headline = GLUED_HEAD_WORDS <= words <= HEADLINE_MAX_WORDS and not ends_sentence(rest)
    lead = words > HEADLINE_MAX_WORDS or (words >= TAIL_STAMP_MIN_WORDS and ends_sentence(rest))
    if not headline and (spaced or not lead):
        return [line]
    return [line[:end].strip(), rest.strip()]


_CAPS_NAME = r"[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+){1,2}"  # "KIRILL ZARUBIN"
_CAPS_BYLINE = re.compile(rf"\s(?P<by>{_CAPS_NAME}(?:(?:,\s|\s(?:and|&)\s){_CAPS_NAME})*),\s")
OUTLET_MAX_WORDS = 4  # the outlet after a byline in capitals: "Associated Press"


def unglue_caps_byline(line: str, rules: CleanRules) -> list[str]:
    """A headline, its byline in capitals with the outlet, and the stamp, on one line (a
    wire story on a paper's site): "Kazakhstan activists recall path from protest to
    bloodshed KIRILL ZARUBIN and DASHA LITVINOVA, Associated Press Jan. 15, 2022 Updated:
    …" -> the headline / "By KIRILL ZARUBIN and DASHA LITVINOVA, Associated Press" / the
    stamp. Only in Latin letters, with a full date right after the outlet."""
    if CYR.search(line):
        return [line]
    for m in _CAPS_BYLINE.finditer(line):
        head = line[: m.start()].strip()
        if not GLUED_HEAD_WORDS <= word_count(head) <= HEADLINE_MAX_WORDS or ends_sentence(head):
            continue
        if head.isupper():  # (a headline in capitals runs on into the names)
            continue
        words = line[m.end() :].split(" ")
        for k in range(1, OUTLET_MAX_WORDS + 1):  # the outlet's words, then a full date
            outlet, rest = " ".join(words[:k]), " ".join(words[k:]).strip()
            if not outlet[:1].isupper():
                break
            found = find_dates(rest[:40], rules, latin=True)
            if found and found[0][0] == 0 and found[0][1] is not None:
                return [head, f"By {m.group('by')}, {outlet}", rest]
    return [line]


# a byline run on after a headline, nothing after it: "… to Central Asia By Ansar Mahmood Bhatti"
_TAIL_BYLINE = re.compile(r"\s(?P<by>By\s[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,3})$")


def unglue_tail_byline(line: str) -> list[str]:
    """A headline in sentence case with its author's byline run on at its end ("Pakistan
    must reach out to Central Asia By Ansar Mahmood Bhatti") -> the headline / the byline.
    Not a headline in title case, whose "By" is a word of it ("… Barrels By Year's End")."""
    m = _TAIL_BYLINE.search(line)
    if m is None or CYR.search(line):
        return [line]
    head = line[: m.start()].strip()
    words = head.split()
    if not GLUED_HEAD_WORDS <= len(words) <= HEADLINE_MAX_WORDS or ends_sentence(head):
        return [line]
    if sum(w[:1].islower() for w in words) * 2 <= len(words):
        return [line]  # (title case, or a name-heavy line: "By" may be the headline's)
    return [head, m["by"]]


_CLOCK_AFTER = re.compile(r"[,\s]*(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)", re.I)
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_]|%)(?=\d)")  # a letter (or "70%"), then a digit


_LETTER_MONTH = re.compile(r"(?<=[^\W\d_)])(?=[A-Z][a-z]{2,8}\.?\s+\d)")  # "…CAABNovember 14"
_DATE_ENDS_LINE = re.compile(r"\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}\s*")  # "…саясат09.05.2022"


def unglue_headline_date(line: str, rules: CleanRules) -> list[str]:
    """A headline with the page's date glued after it, no space between (the page's
    markup put them in two elements): "IGP Orders … Minor Offences23 Sep 2022" -> the
    headline / the date; "… на восток России16.10.2015 ЛУКОЙЛ предлагает …" -> the
    headline / the date and the lead; "Экологиялық саясат09.05.2022", "Люди в городе13
    января 2022" (a rubric and its date, nothing after) -> the rubric / the date. The date
    is a full one (day, month, year) that starts where the letters stop (with its clock
    time, if any); the text before it is shaped like a headline, or is a rubric when the
    date ends the line. A Latin month's name glued to a teaser, the full date ending the
    line ("• BTO VACANCIESNovember 14, 2025", a sidebar's item) -> the teaser / the date."""
    for m in _LETTER_DIGIT.finditer(line):
        head, tail = line[: m.start()].rstrip(), line[m.start() :]
        found = find_dates(tail[:40], rules, latin=not CYR.search(line))
        if not found or found[0][0] != 0 or found[0][1] is None:
            continue
        end = max(date_ends(tail, 0, rules), default=0)
        alone = _DATE_ENDS_LINE.fullmatch(tail) or (end and not tail[end:].strip())
        least = 1 if alone else GLUED_HEAD_WORDS  # (a rubric: "Люди в городе13 января 2022")
        if not least <= word_count(head) <= HEADLINE_MAX_WORDS or ends_sentence(head):
            continue
        if clock := _CLOCK_AFTER.match(tail, end):
            end = clock.end()
        date, rest = tail[:end].strip(" ,"), tail[end:].strip()
        return [head, date, rest] if end and rest else [head, tail]
    for m in _LETTER_MONTH.finditer(line):  # "• BTO VACANCIESNovember 14, 2025": a teaser
        head, tail = line[: m.start()].rstrip(), line[m.start() :]  # and its day, the day's
        found = find_dates(tail[:40], rules, latin=True)  # month glued on, nothing after
        end = max(date_ends(tail, 0, rules), default=0)
        if found and found[0][0] == 0 and found[0][1] and end and not tail[end:].strip():
            return [head, tail] if word_count(head) <= HEADLINE_MAX_WORDS else [line]
    return [line]


# a reprint's credit after its headline: a dash, the author, the outlet and day in brackets
# ("… flags shortfall – by Cecilia Jamasmie (Mining.com – January 12, 2024)")
_CREDIT_TAIL = re.compile(
    r"\s+[-–—]\s+(?P<by>(?-i:[Bb]y)\s+[^()\n]{3,60}?)\s*(?P<credit>\([^()\n]{6,60}\))$"
)


def unglue_credit_tail(line: str, rules: CleanRules) -> list[str]:
    """A headline with its reprint's credit run on after a dash ("Uranium jumps … – by
    Cecilia Jamasmie (Mining.com – January 12, 2024)") -> the headline / the byline / the
    credit, a stamp. Only when the brackets hold a full date and nothing but a stamp."""
    m = _CREDIT_TAIL.search(line)
    if m is None:
        return [line]
    head, credit = line[: m.start()].rstrip(), m["credit"]
    if not GLUED_HEAD_WORDS <= word_count(head) <= HEADLINE_MAX_WORDS or ends_sentence(head):
        return [line]
    return [head, m["by"], credit] if _dated_stamp(credit, rules) else [line]


def _dated_stamp(text: str, rules: CleanRules) -> bool:
    """Is ``text`` a stamp and nothing else, with a full date (its year given)?"""
    return is_timestamp(text, rules) and any(f[1] for f in find_dates(text, rules))


_INLINE_STAMP = re.compile(
    r"\s(?P<stamp>\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2},?\s+\d{1,2}:\d{2})(?=\s)"
)
INLINE_REST_WORDS = 8  # the lead run on after a stamp inside a flattened page: this long
INLINE_CREDIT_WORDS = 3  # an outlet's name after that stamp: this many words at most


def unglue_inline_stamp(line: str, rules: CleanRules) -> list[str]:
    """A page flattened onto one line: the headline, maybe a caption's word, the stamp in
    figures with its clock time, maybe the outlet, then the lead ("ОБСЄ розглянула … проти
    України Фото 15.01.2026 22:03 Укрінформ Очільник МЗС …") -> the headline / the stamp /
    the lead. The outlet is taken only when the sources know it; a caption's or genre's word
    before the stamp only when the packs call it a photo credit or a rubric ("… повертається
    життя Репортаж 03.11.2023 17:16 Укрінформ …")."""
    m = _INLINE_STAMP.search(line)
    if m is None:
        return [line]
    head, rest = line[: m.start()].rstrip(), line[m.end() :].strip()
    before, _space, last = head.rpartition(" ")
    if before and last.casefold() in rules.update_words:
        head = before.rstrip()  # "… Closing Prices / revised 02/18/2025 07:48": the
        # revision's label stays with its stamp
    if before and any(
        kind in ("photo_credit", "rubric") and rx.fullmatch(last) for kind, rx in rules.debris
    ):
        head = before.rstrip()  # "… України Фото" (the picture's link), "… життя Репортаж"
    if not GLUED_HEAD_WORDS <= word_count(head) <= HEADLINE_MAX_WORDS or ends_sentence(head):
        return [line]
    after = rest.split()
    credit = next(
        (
            k
            for k in range(INLINE_CREDIT_WORDS, 0, -1)
            if " ".join(after[:k]).casefold() in rules.agencies
        ),
        0,
    )
    lead = " ".join(after[credit:])
    if word_count(lead) < INLINE_REST_WORDS or not re.match(rf"[{UPPER}«\"“]", lead):
        return [line]
    stamp = " ".join([line[len(head) : m.end()].strip(), *after[:credit]])
    return [head, stamp, lead]


# a stamp whose clock runs into the next element's first word, no space between: the lead
# ("24.01.2026 - 06:02:05Despite trading near …") or the stamp's rubric ("15 апр
# 13:21Ритейл"); not "AM" or "UTC" (a capital, then a small letter)
_CLOCK_GLUED = re.compile(
    rf"^(?P<stamp>[^\n]{{3,30}}?\d{{1,2}}:\d{{2}}(?::\d{{2}})?)(?=[{UPPER}](?-i:[a-z]|[{CYR_LOWER}]))"
)


def unglue_clock_lead(line: str, rules: CleanRules) -> list[str]:
    """A stamp glued to the lead under the headline ("24.01.2026 - 06:02:05Despite trading
    …", a market-news site's) -> the stamp / the lead; or to its rubric ("15 апр
    13:21Ритейл") -> the stamp / the rubric. What runs up to the clock must be a stamp."""
    m = _CLOCK_GLUED.match(line)
    if m is None or not is_timestamp(m.group("stamp"), rules):
        return [line]
    return [m.group("stamp"), line[m.end() :]]


_BRACKET_STAMP = re.compile(r"^\[(?P<stamp>[^\[\]\n]{6,40})\]\s+(?=\S)")


def unglue_bracket_stamp(line: str, rules: CleanRules) -> list[str]:
    """A stamp in square brackets opening a paragraph ("[June 23, 2020]  NUR-SULTAN
    (Reuters) - …") -> the stamp / the paragraph (so the dateline after it is read). Only a
    full date with its year, maybe with its clock time."""
    m = _BRACKET_STAMP.match(line)
    if m is None:
        return [line]
    if not _dated_stamp(m["stamp"], rules):
        return [line]
    return [line[: m.end()].rstrip(), line[m.end() :]]


TAIL_STAMP_MIN_WORDS = 8  # the text before a glued stamp is a paragraph, not a headline
NOTICE_STAMP_CHARS = 60  # a stamp before a comments notice or a print link: this long at most


def unglue_tail_stamp(line: str, rules: CleanRules) -> list[str]:
    """A stamp glued after a paragraph's last sentence ("… so that later missions can
    continue. Published – November 29, 2025 06:21 pm IST") -> the paragraph / the stamp."""
    if rules.tail_stamp is None or not line or not line[-1].isalnum():
        return [line]
    m = rules.tail_stamp.search(line)
    if not m or word_count(line[: m.start()]) < TAIL_STAMP_MIN_WORDS:
        return [line]
    return [line[: m.start()].rstrip(), m.group("stamp")]


# a date ending in its stop with a word glued on ("… 08.03.2018.Print version"); the places
# a stamp's notice may start: a space, or right after such a stop
_STAMP_LINK = re.compile(r"\d\.(?=[^\W\d_])")
_NOTICE_CUT = re.compile(r"\s+|(?<=\d\.)(?=[^\W\d_])")


def unglue_stamp_notice(line: str, rules: CleanRules) -> list[str]:
    """A stamp with a blog theme's comments notice or a print link run on after it ("16
    Січня, 2022 Коментарі Вимкнено до Там нам платять …", "30.12.2021 Комментарии к записи …
    отключены", "BC, Tallinn, 08.03.2018.Print version"), an old article's notice after
    its labelled stamp ("This article was published 26/02/2022 (1328 days ago), so …"), or
    an update's age after a byline's stamp ("Kevin Schembri Orland Tuesday, 17 October 2017,
    14:39 Last update: about 2 years ago") -> the stamp / the notice."""
    opens = (
        line[:1].isdigit()
        or _STAMP_LINK.search(line, 0, NOTICE_STAMP_CHARS)
        or published_label(line[:NOTICE_STAMP_CHARS], rules)
    )
    if not opens and not re.search(r"\d", line[:NOTICE_STAMP_CHARS]):
        return [line]
    notices = [rx for kind, rx in rules.debris if kind in ("comments", "prompt")]
    for cut in _NOTICE_CUT.finditer(line, 0, NOTICE_STAMP_CHARS):
        head, tail = line[: cut.end()].rstrip(), line[cut.end() :]
        if not any(rx.match(tail) for rx in notices):
            continue
        if not opens:  # (a byline's stamp before an update's notice: the head must be a
            # stamp itself, the notice an update's; not an account bar's "… 2024 Login")
            label = comparison_key(tail).split()[:1]  # (as the packs' words are kept)
            update = bool(label) and label[0] in rules.update_words
            return [head, tail] if update and is_timestamp(head, rules) else [line]
        bare = len(head.rstrip("."))  # (a date ending the head: a dateline's)
        dated = any(bare in date_ends(head, at, rules) for at, *_ in find_dates(head, rules))
        return [head, tail] if is_timestamp(head, rules) or dated else [line]
    return [line]


# A new sentence run on after a Cyrillic headline without a stop: a capitalised preposition
# or reporting opener after a small letter ("… оказалась фейком Об этом информирует …",
# "… протестов в Казахстане В пятом по численности городе …"). Sentence-case headlines
# never capitalise these words inside a sentence (English Title Case does: not matched).
GLUED_SENTENCE = re.compile(
    rf"(?<=[{CYR_LOWER}])\s+(?-i:В|Во|На|Об|По|Из|За|Для|Как|Про|Під|Після|При|Со|Это)"
    rf"\s+(?=[{CYR_LOWER}])"
)


def share_label(label: str, rules: CleanRules) -> bool:
    """Is ``label`` a share button's word ("Поширити", "Share"), by the packs' share lines?"""
    return any(cls == "share" and rx.match(label.strip()) for cls, rx in rules.debris)


# A news aggregator's card flattened onto one line: "02:59, 7 августа@Gazeta.Ru#ЖКХ#Социальная
# политикаВ Новороссийске запретили … Виталий Тимкив/РИА Новости По набережной … и…Полный
# текст новости на источникеИсточник: Газета.RuТемы: ЖКХ, Социальная политика".
_CARD_HEAD = re.compile(
    r"^(?P<stamp>\d{1,2}:\d{2},\s*\d{1,2}\s+[^\W\d_]+\.?(?:\s+\d{4})?)@(?P<source>[^#@]{2,40})"
    r"(?P<tags>(?:#[^#]{1,60}?(?=#))*)#(?P<rest>.+)$"
)
_CARD_TAIL = re.compile(
    r"(?:…|\.\.\.)?\s*(?=(?:Полный текст (?:новости|статьи) на источнике"
    r"|Читать (?:полностью|далее) на источнике|Источник:|Темы:|Теги:))"
)
_CARD_CREDIT = re.compile(
    rf"(?<=[{CYR_LOWER}])\s+(?P<credit>[{CYR_UPPER}][{CYR_LOWER}]+\s+[{CYR_UPPER}][{CYR_LOWER}]+/[^\s/]+(?:\s[{CYR_UPPER}A-Z][\w-]*)?)\s+(?=[{CYR_UPPER}])"
)


DOUBLED_HEAD_CHARS = 20  # a headline said twice in a row inside a flattened page: 20+ chars
DOUBLED_SEARCH_CHARS = 300  # ... starting within the line's first characters
DOUBLED_LINE_WORDS = 30  # ... of a line this long at least (a page flattened onto one line)
_WORD_START = re.compile(rf"(?:(?<=\s)|(?<=^)|(?<=[{CYR_LOWER}a-z])(?=[{CYR_UPPER}A-Z]))\S")


def unglue_doubled_headline(line: str) -> list[str]:
    """A page flattened onto one line, its headline said twice in a row near the start
    (the page's <title> glued to its <h1>): "НовотроицкНовостиНовости происшествийСитуация в
    Казахстане: что известно … Ситуация в Казахстане: что известно … 06.01.2022 12:58 …"
    -> what comes before / the headline once / the rest; any other line as it is."""
    if word_count(line) < DOUBLED_LINE_WORDS:
        return [line]
    ends = [m.start() for m in re.finditer(r"\s", line[: DOUBLED_SEARCH_CHARS + 400])]
    best: tuple[int, int] | None = None
    for m in _WORD_START.finditer(line[:DOUBLED_SEARCH_CHARS]):
        start = m.start()
        for end in ends:
            size = end - start
            if size < DOUBLED_HEAD_CHARS or (best and size <= best[1] - best[0]):
                continue
            if line.startswith(" " + line[start:end], end) and (
                len(line) == end + 1 + size or line[end + 1 + size].isspace()
            ):
                best = (start, end)
    if best is None:
        return [line]
    start, end = best
    head = line[start:end].strip()
    words = head.split()
    if len(words) > HEADLINE_MAX_WORDS or ends_sentence(head) or len(set(words)) < 0.6 * len(words):
        return [line]  # (not a sentence, nor a word said over and over: a list's bullets)
    before, after = line[:start].strip(), line[end + 1 + (end - start) :].strip()
    if re.search(r"[.!?…](?:\s|$)", before):
        return [line]  # a lead said twice after its dateline ("АСТАНА, 5 янв - РИА Новости. …")
    return [part for part in (before, head, after) if part]


# a page's <title>: the headline, then the site's name after a dash, twice (the menu item's
# and the site's: "… новости дня - Телеканал "ОСА" г. Ачинск - Телеканал "ОСА" г. Ачинск")
_SITE_TWICE = re.compile(r"^(?P<head>.*?\S)(?P<site>\s[-–—|]\s[^-–—|]{3,60}?)(?P=site)\s*$")


def unglue_site_twice(line: str) -> list[str]:
    """A headline with the site's name said twice after it, each after a dash -> the
    headline / the site's name."""
    m = _SITE_TWICE.match(line)
    if m is None or word_count(m["head"]) < GLUED_HEAD_WORDS:
        return [line]
    return [m["head"], m["site"].strip(" -–—|")]


def unglue_card(line: str) -> list[str]:
    """The lines of an aggregator's card flattened onto one line (see ``_CARD_HEAD``): its
    stamp, outlet, tags, headline, photo credit, text and the card's own footer, so that
    each is read for what it is; any other line as it is."""
    m = _CARD_HEAD.match(line)
    if not m:
        return [line]
    tags = [t for t in m.group("tags").split("#") if t.strip()]
    rest = m.group("rest")
    glued = re.match(rf"(?P<tag>[^#]{{1,40}}?[{CYR_LOWER}a-z])(?=[{CYR_UPPER}A-Z])", rest)
    if glued:  # the last tag glued to the headline: "Социальная политикаВ Новороссийске …"
        tags.append(glued.group("tag"))
        rest = rest[glued.end() :]
    parts = _CARD_TAIL.split(rest)
    body, footer = parts[0].strip(), [p.strip() for p in parts[1:] if p.strip()]
    credit = _CARD_CREDIT.search(body)
    if credit and word_count(body[: credit.start()]) >= 4:
        body_lines = [body[: credit.start()], credit.group("credit"), body[credit.end() :]]
    else:
        body_lines = [body]
    head = [m.group("stamp"), f"Источник: {m.group('source').strip()}"]
    head += [f"Темы: {', '.join(t.strip() for t in tags)}"] if tags else []
    return [*head, "", *body_lines, "", *footer]


_BADGE_DAY = re.compile(r"\s*(?P<day>[0-3]?\d)\s*")
_BADGE_MONTH_YEAR = re.compile(r"\s*(?P<month>[^\W\d_]{3,12})\.?\s+(?P<year>(?:19|20)\d{2})\s*")


def join_badge_date(lines: list[str], rules: CleanRules) -> list[str]:
    """A date set as a calendar badge over the headline, its day on one line and its month
    and year on the next ("09" / "сен 2023"): read as one stamp ("09 сен 2023"), among the
    page's first lines."""
    out = list(lines)
    filled = [i for i in range(min(len(out), DATED_HEADLINE_LINES)) if out[i].strip()]
    for a, b in itertools.pairwise(filled):
        day, month = _BADGE_DAY.fullmatch(out[a]), _BADGE_MONTH_YEAR.fullmatch(out[b])
        if (
            day
            and month
            and 1 <= int(day["day"]) <= 31
            and month["month"].casefold().rstrip(".") in rules.months
        ):
            out[a], out[b] = f"{day['day']} {month['month']} {month['year']}", ""
    return out


# a place and a dash alone on a line, the lead it opens on the next ("Bangkok –")
_PLACE_DASH = re.compile(rf"{DATELINE_PLACE}\s*[–—-]")
DATELINE_LEAD_WORDS = 8  # the lead under such a dateline: this long at least


def join_dateline_dash(lines: list[str]) -> list[str]:
    """A dateline's place and dash broken off the lead it opens, on the line right above it
    ("Bangkok –" / "Russian President Vladimir Putin has not yet confirmed …"), among the
    page's first lines: joined again, so the place is read as no headline."""
    out = list(lines)
    for i in range(min(len(out), DATED_HEADLINE_LINES) - 1):
        below = out[i + 1]
        if (
            _PLACE_DASH.fullmatch(out[i].strip())
            and re.match(rf"[{UPPER}]", below)
            and word_count(below) >= DATELINE_LEAD_WORDS
            and ends_sentence(below)
        ):
            out[i], out[i + 1] = f"{out[i].strip()} {below}", ""
    return out


_BAR_SPLIT = re.compile(r"\s+\|\s+")
BAR_NAME_WORDS = 4  # the outlet's name or handle before a stamp between bars: this short


def unglue_bar_stamp(line: str, rules: CleanRules) -> list[str]:
    """An outlet's name and handle, its stamp and maybe the lead's first words between bars
    ("Just Earth News | @justearthnews | 10 Jul 2023, 10:41 pm Print", "Avesta.Tj |
    02.10.2013 | Накануне") -> the names / the stamp / the text; any other line as it is."""
    if " | " not in line or is_timestamp(line, rules):
        return [line]  # (a stamp's own fields: "Published:Tuesday | February 10, 2009 | 6:30 PM")
    parts = _BAR_SPLIT.split(line.strip())
    for k, part in enumerate(parts):
        if k == 0 or not is_timestamp(part, rules):
            continue
        latin = not CYR.search(part)
        if not any(year for _s, year, _m, _d in find_dates(part, rules, latin=latin)):
            return [line]
        names = parts[:k]
        if any(
            word_count(p) > BAR_NAME_WORDS
            or ends_sentence(p)
            or any(rx.match(p) for rx in rules.bylines)  # "by The Associated Press | January
            for p in names  # 10, 2022 at 4:00 a.m.": a byline and its stamp, read as one
        ):
            return [line]
        rest = " | ".join(parts[k + 1 :])
        return [" | ".join(names), part, *([rest] if rest else [])]
    return [line]
