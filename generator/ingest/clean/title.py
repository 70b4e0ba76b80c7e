"""The title: tidied from the chosen headline, or found without a headline line (under a
standfirst, glued to the lead, at a trail's end, in a share button's markup)."""

from __future__ import annotations

import re

from generator.ingest.clean.candidates import (
    CRUMB_ARROWS,
    LIST_BULLET,
    SMALL_WORDS,
    crumb_tail,
)
from generator.ingest.clean.datelines import agency_dateline
from generator.ingest.clean.lead import lead_title
from generator.ingest.clean.lines import CAMEL, byline, classify
from generator.ingest.clean.rules import (
    GLUED_HEAD_WORDS,
    HEADLINE_MAX_WORDS,
    STANDFIRST_MAX_WORDS,
    STANDFIRST_OVERLAP,
    CleanRules,
)
from generator.ingest.clean.slug import says_slug, slug_skeletons
from generator.ingest.clean.stamps import LEADING_STAMP, glued_stamp_words, stamp_and_credit
from generator.ingest.clean.text import (
    CYR,
    CYR_LOWER,
    CYR_UPPER,
    HASHTAG,
    UPPER,
    all_caps,
    bare_end,
    comparison_key,
    dangling,
    ends_sentence,
    overlap,
    word_count,
    word_stems,
)
from generator.ingest.clean.timestamps import SITE_TOKEN, is_timestamp
from generator.ingest.clean.unglue import GLUED_SENTENCE, share_label
from generator.sources import host_label, site_host, squash

SHARE_MARKUP_LINES = 5  # first lines where a share button's markup may give the headline
GLUED_SLUG_SHARE = 0.5  # ... and a headline glued to the lead says the slug's words this much
DESCRIPTION_MAX_WORDS = 100  # a page's description over its headline, rubric and stamp
GLUED_TAIL_WORDS = 4  # ... and what is cut off is a sentence of at least this many

# Page furniture stuck to a headline's end (besides the packs' words: ``TitleFurniture``): a
# reading time ("… Nazarbayev era?6 min read"), an aggregator's link text ("… – The
# Diplomat read full article at"), a genre label ("… From Grace? – Analysis") or a revision's
# mark ("… polluted Russian oil - Updated");
# the lead picture's credit run on after the headline ("… as Russia launches attacks Photo by
# Ethan Swope/Bloomberg": a photographer and the agency after a slash)
_PHOTO_BY_TAIL = re.compile(r"(?<=[^\W\d_])\s+Photo by\s+[A-Z][^/]{2,40}/\s*[A-Z][\w .-]{1,30}$")
_READ_TIME_TAIL = re.compile(r"(?<=\S)\s*\d{1,3}\s*(?:min|mins|minutes?)\s+read\s*$", re.I)
_READ_MORE_TAIL = re.compile(
    r"\s+read (?:the )?full (?:article|story)(?: at| on| here)?\s*:?\s*$", re.I
)
_GENRE_TAIL = re.compile(
    r"\s+[–—-]\s+(?:Analysis|Opinion|Op-Ed|Commentary|Interview|Editorial|Explainer|Updated?)\s*$"
)
# a place's news section glued before the headline ("Esperance NewsSurfboard Found after …")
_NEWS_SECTION_GLUED = re.compile(r"^(?:[A-Z][\w'’-]+\s){0,2}News(?=[A-Z][a-z])")
# ... and an outlet's name after a dash, "The" and up to three capitalised words
# ("… ‘violators of public order’ – The Washington Post")
_THE_OUTLET_TAIL = re.compile(r"\s+[–—|-]\s+(?-i:The(?:\s+[A-Z][\w.&’'-]*){1,3})\s*$")
# A headline glued to a date and the lead after it ("… на восток России16.10.2015 ЛУКОЙЛ …")
_GLUED_DATE = re.compile(rf"(?<=[{CYR_LOWER}a-z])\d{{2}}\.\d{{2}}\.\d{{4}}\b")
# A breadcrumb's home and section glued to the headline ("HomeNews350 Pakistani students …")
_GLUED_HOME = re.compile(r"^(?-i:Home)(?=[A-Z0-9])")


def glued_headline(line: str, slug: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """(headline, lead) of an English headline in Title Case glued to the lead by a colon
    ("Russia Halts Gas Transit Through Ukraine: Russian gas exports to Europe have been
    suspended …" at …/russias-gazprom-halts-gas-transit.html); ``None`` for any other line
    (a lead opening "Kazakhstan: the government said …" has no Title Case), and unless
    the URL's slug says half the headline's words (not a speaker's name and post before
    a quote: "Deputy Prime Minister Roman Sklyar: the government will …")."""
    head, sep, rest = line.partition(": ")
    words = head.split()
    if (
        not sep
        or not 4 <= len(words) <= 14
        or word_count(rest) < 12
        or re.search(r"[.!?,;«»\"]", head)
    ):
        return None
    if CYR.search(head) or not ends_sentence(rest):
        return None
    big = [w for w in words if w.casefold() not in SMALL_WORDS]
    if len(big) < 3 or not all(w[:1].isupper() or w[:1].isdigit() for w in big):
        return None
    said = slug_skeletons(head)
    if not said or len(said & slug) < GLUED_SLUG_SHARE * len(said):
        return None
    return head.strip(), rest.strip()


# a line's markup lost between two elements: a word, a bracket or an exclamation, then a
# capital opening the next ("… закрили пункт пропуску (відео)Пункт пропуску …", "…
# «показала дулю» Москві!Сьогодні, 8 лютого …")
# (a one-letter preposition may open the lead: "… значимых проектовВ Сургуте завершился …")
_GLUED_ELEMENTS = re.compile(
    rf"(?<=[{CYR_LOWER}a-z)»”!?])(?=[{UPPER}][{CYR_LOWER}a-z]|[ВСКОУАИЯЗ]\s[{UPPER}])"
)
GLUED_LEAD_CHARS = 250  # the headline glued to its lead: within this many characters


def headline_glued_to_lead(line: str) -> tuple[str, str] | None:
    """(headline, lead) of a line where the headline runs into the lead without a space
    ("Кілометрові черги … закрили пункт пропуску (відео)Пункт пропуску … був тимчасово …"):
    the first glued element after a closing bracket or quote, or after a lower-case word
    (not inside a name: "КазМунайГаз") ending a clause of no comma, a headline's length
    before it, a lead after it."""
    glue = next(
        (
            m.start()
            for m in _GLUED_ELEMENTS.finditer(line, 0, GLUED_LEAD_CHARS)
            if line[m.start() - 1] in ")»”!?"
            or line[: m.start()].split()[-1][:1].islower()
            or line[m.start() + 1 : m.start() + 2].isspace()  # a one-letter preposition
        ),  # opening the lead after a name: "… три шахты в КузбассеВ Новокузнецком …"
        None,
    )
    if glue is None:
        return None
    head, rest = line[:glue], line[glue:]
    if head[-1] not in ")»”!?" and ("," in head or dangling(head)):
        return None  # a lead's words run together: "… on Wednesday, amidWhile no …", "The
        # Security Council ofArmenia decided …"
    if 4 <= word_count(head) <= HEADLINE_MAX_WORDS and word_count(rest) >= 12:
        return head.strip(), rest.strip()
    return None


AFTER_TEXT_LEAD_WORDS = 12  # a headline printed under the text: the text's lead this long


def headline_after_text(
    lines: list[str], kinds: list[str | None], lead: int, slug: frozenset[str], rules: CleanRules
) -> int | None:
    """The headline a page prints under its text (the excerpt starts at the text): followed
    by the text's first paragraph again, or by its stamp when the URL's slug says it ("…
    Режим ЧС введен в районах Забайкалья, где снег уничтожил урожай" / "18 октября 2024";
    "В Ереване задержали больше 100 участников протестных акций" / the lead again) or the
    stamp is over a wire's dateline ("Kyrgyz protesters unblock Canadian gold mine" /
    "Saturday June 1, 2013 5:08 AM" / "BISHKEK, Kyrgyzstan (AP) Protesters …", under a
    site's motto) or the breadcrumb trail over it ends in it (under a ticker). The second
    copy of the text is marked as such."""
    if word_count(lines[lead]) < AFTER_TEXT_LEAD_WORDS:
        return None  # (a headline with a full stop is no lead: "29 серпня – День пам’яті …")
    opening = comparison_key(lines[lead])
    for j in range(lead + 1, len(lines)):
        line = lines[j]
        if (
            kinds[j] is not None
            or not 3 <= word_count(line) <= HEADLINE_MAX_WORDS
            or ends_sentence(line)
            or byline(line, rules) is not None  # ("By Sarwell Meniano" over the stamp)
        ):
            continue
        below = next(  # (past the headline's byline: headline / "By Sarwell Meniano" /
            (  # "January 31, 2018, 4:41 pm" / "TACLOBAN CITY -- The Leyte …")
                k
                for k in range(j + 1, len(lines))
                if lines[k].strip() and byline(lines[k], rules) is None
            ),
            None,
        )
        if below is None:
            return None
        again = comparison_key(lines[below]) == opening
        stamped = is_timestamp(lines[below], rules) and (
            says_slug(line, slug)
            or _wire_lead_after(lines, below, rules)
            or _trail_ends_in(lines, kinds, j)
        )
        if not again and not stamped:
            continue
        if again:
            seen = {comparison_key(lines[k]) for k in range(lead, j) if kinds[k] is None}
            for k in range(below, len(lines)):
                if kinds[k] is None and comparison_key(lines[k]) in seen:
                    kinds[k] = "repeat"
        return j
    return None


def _trail_ends_in(lines: list[str], kinds: list[str | None], j: int) -> bool:
    """Does the breadcrumb trail right above line ``j`` end in it ("ГлавнаяПроисшествия
    Полиция задержала …" over "Полиция задержала …")? Unlike ``candidates.trail_ends_in``,
    which splits a trail at its arrows or bars, this takes a line already classed as a
    trail, its items glued together with no separator to split at."""
    above = next((k for k in range(j - 1, -1, -1) if lines[k].strip()), None)
    key = comparison_key(lines[j])
    return (
        above is not None
        and kinds[above] == "breadcrumb"
        and comparison_key(lines[above]).endswith(key)
    )


def _wire_lead_after(lines: list[str], stamp: int, rules: CleanRules) -> bool:
    """Does the first line after ``stamp`` open with an agency's dateline ("BISHKEK,
    Kyrgyzstan (AP) Protesters …")?"""
    after = next((k for k in range(stamp + 1, len(lines)) if lines[k].strip()), None)
    if after is None:
        return False
    m = agency_dateline(lines[after], rules)
    return m is not None and m.groupdict().get("own") is None


def headline_before_date(line: str) -> tuple[str, str] | None:
    """(headline, date and lead) of a line where the headline runs into the page's date and
    the lead without a space ("Новак: ЛУКОЙЛ предлагает … на восток России16.10.2015 ЛУКОЙЛ
    предлагает …"); ``None`` for any other line."""
    glued = _GLUED_DATE.search(line)
    if not glued:
        return None
    head = line[: glued.start()].strip()
    if not 4 <= word_count(head) <= HEADLINE_MAX_WORDS or ends_sentence(head):
        return None
    return head, line[glued.start() :]


def title_candidate(line: str, rules: CleanRules | None = None) -> tuple[str, bool]:
    """(title, stays in body): a first line ending like a sentence is the lede, kept, and
    the title is a short one made from it."""
    heading = re.match(r"^#{1,6}\s+(?=\S)", line)  # a Markdown heading
    if heading:
        return line[heading.end() :].strip(), False
    sentence = ends_sentence(line) and bare_end(line).endswith(".")
    if sentence or word_count(line) > HEADLINE_MAX_WORDS:
        return tidy_title(lead_title(line, rules), rules), True
    return line, False


def trail_headline(
    lines: list[str], kinds: list[str | None], lead: int, rules: CleanRules
) -> str | None:
    """The headline a breadcrumb trail above the text ends in, when the page prints none
    of its own ("Главная » Новости » Неблагодарные жезказганцы" over a lead on
    Жезказган): two words or more, not a section's name, saying the lead's words."""
    crumbs = [j for j in range(lead) if kinds[j] == "breadcrumb"]
    if not crumbs:
        return None
    tail = crumb_tail(lines[crumbs[-1]])
    key = comparison_key(tail)
    if not 2 <= word_count(tail) <= HEADLINE_MAX_WORDS or key in rules.sections:
        return None
    if key in rules.breadcrumb_home or overlap(tail, word_stems(lines[lead])) < STANDFIRST_OVERLAP:
        return None
    return tail


def headline_under_standfirst(
    lines: list[str], kinds: list[str | None], rules: CleanRules, lead: int
) -> int | None:
    """The headline under a page's opening standfirst, with the stamp or the source line
    between them: "Прем'єр-міністр … запевнила, що фіксована ціна … залишається незмінною
    …." / "9 жовтня 2025, 8:37" / "Фіксована ціна на газ … буде незмінною …" / text (the
    excerpt opens with the page's description), or with a rubric or stamp under the
    headline instead ("У Росії на Сизранському НПЗ … пожежа." / "БпЛА атакували Сизранський
    НПЗ …" / "Новини світу" / "February 19, 2025" / text). The line must be headline-shaped (no full
    stop, 5-20 words), say mostly words of the standfirst (or, over a stamp, of the text
    under the stamp), and have article text under it; ``None`` otherwise."""
    if lead >= len(lines) or not ends_sentence(lines[lead]):
        return None
    after = [j for j in range(lead + 1, min(len(lines), lead + 8)) if lines[j].strip()]
    k = 0
    while k < min(2, len(after)) and (
        is_timestamp(lines[after[k]], rules)
        or any(rx.match(lines[after[k]]) for rx in rules.bylines)
    ):
        k += 1
    if k + 1 >= len(after):
        return None
    head, m = after[k], k + 1
    stamped = False  # a stamp right under the headline
    while m < min(len(after), k + 3) and (  # a rubric or stamp under the headline
        (stamp := is_timestamp(lines[after[m]], rules) or stamp_and_credit(lines[after[m]], rules))
        or (word_count(lines[after[m]]) <= 3 and not ends_sentence(lines[after[m]]))
    ):
        stamped = stamped or stamp
        m += 1
    if (k == 0 and m == 1) or (m >= len(after) and m == k + 1):
        return None  # (nothing between: maybe a crosshead; the excerpt may end under a stamp)
    # (a rubric or stamp under the headline is evidence enough for a longer description)
    if word_count(lines[lead]) > (
        STANDFIRST_MAX_WORDS + 5 if m == k + 1 else DESCRIPTION_MAX_WORDS
    ):
        return None
    text = after[m] if m < len(after) else None
    line = lines[head]
    if (
        not 5 <= word_count(line) <= 20
        or bare_end(line).endswith((".", ":", ","))
        or classify(line, rules) is not None
        or (text is not None and word_count(lines[text]) < 8)
    ):
        return None
    if overlap(line, word_stems(lines[lead])) >= STANDFIRST_OVERLAP:
        return head
    # ... or, with a stamp under it, the article under the stamp says its words: the line on
    # top is the site's blurb ("The Tribunal for Putin (T4P) global initiative was set up …"
    # / "Kazakh court jails 13 for Zhanaozen riots" / "05.06.2012 source: Reuters" / text)
    below = " ".join(lines[j] for j in after[m : m + 3])
    return head if stamped and overlap(line, word_stems(below)) >= STANDFIRST_OVERLAP else None


_CLOCK_FIRST = re.compile(r"^\d{1,2}:\d{2}\s+(?=[^\W\d_])")
_GLUED_SOURCE = re.compile(rf"[{CYR_LOWER}](?=[{CYR_UPPER}]{{2,}}[\w.-]*$)")
# ... or a rubric's one word ("… прозвучит 21 маяНовость", "… на 3–4%Новость"): a small
# letter (or a per cent sign, a closing quote or bracket), then a capitalised word ending
# the title
_GLUED_LABEL = re.compile(rf"[{CYR_LOWER}%»)”](?=[{CYR_UPPER}][{CYR_LOWER}]{{2,}}$)")


# an age mark after the headline, after a bar or in brackets ("… | 16+", "… (18+)")
_AGE_MARK_AFTER = re.compile(r"(?<=\S)\s*(?:\|\s*\d{1,2}\+|\(\d{1,2}\+\)|\[\d{1,2}\+\])$")
# a wire's version slug before the headline ("UPDATE 2-…", "RPT-…", "CORRECTED-…"), or its
# place-and-subject slug ("DOMINICA-CRIME-Police say …", the Caribbean Media Corporation's)
_WIRE_SLUG = re.compile(
    r"^(?:(?:(?:UPDATE|REFILE|RPT|CORRECTED|EXCLUSIVE)(?:\s?\d{1,2})?-)+(?=[A-Z\d])"
    r"|[A-Z]{3,}(?:-[A-Z]{3,}){1,3}-(?=[A-Z][a-z]+\s))"
)
# hashtags after the headline ("… на Кавказе #Россия #Новости #Сегодня")
_HASHTAGS_AFTER = re.compile(rf"(?<=\S)(?:\s+{HASHTAG})+$")
# ... or before it ("#Ніжин У селі на Ніжинщині горів житловий будинок.")
_CAMPAIGN_TAG = re.compile(r"#(?:[A-Z][a-z]+){2,}")  # a campaign's words run together
_HASHTAGS_BEFORE = re.compile(rf"^(?:{HASHTAG}\s+)+(?=[{UPPER}«\"“])")
# a rubric in small letters before a headline in capitals ("Культура і мистецтво: ЩОБ ЗЛИТИСЯ
# ДУШЕЮ …"; not a speaker's name: "Касым-Жомарт Токаев: …")
_RUBRIC_OVER_CAPS = re.compile(
    rf"^[{UPPER}][^\W\d_]+(?:\s+[^\W\d_{UPPER}][^\W\d_]*){{1,4}}:\s+(?=\S)"
)
_BRACKET_LABEL = re.compile(r"^\[[^\[\]]{2,30}\]\s+(?=\S)")
LEADING_STAMP_HEADLINE_WORDS = 3  # the headline after a leading stamp: this long at least
BRACKET_LABEL_HEADLINE_WORDS = 4  # a rubric in brackets is cut before a headline this long


def _permalink_after(title: str, rules: CleanRules) -> str:
    """The headline without the page's own address glued after it under its label (the
    packs' ``permalink_words``: "… ушёл под землю Постоянный адрес статьи:
    http://newsmiass.ru/index.php?news=54639")."""
    if rules.permalink is None or "://" not in title:
        return title
    for m in re.finditer(r"\s+", title):
        if rules.permalink.match(title[m.end() :]):
            return title[: m.start()]
    return title


def tidy_title(title: str, rules: CleanRules) -> str:
    """A title without the page furniture stuck to its ends: a separator left dangling
    where a site's name was cut off ("… public order’ –"), a table's empty cells ("… | |"),
    a print page's link mark ("… increase significantly [1]"), a list's time column ("06:37
    Казский рудник …") or its date ("2013-07-30 05:18 - …"),
    a source or rubric glued on without a
    space ("… программаНИА-Мурманск", "… 21 маяНовость"), a section before the headline
    glued to itself ("Новини України - AB…AB…"), the standfirst run on after it ("… фейком
    Об этом …"), a list's marker before it (a breadcrumb's "- Глава округа …"), a rubric in
    brackets before it ("[Today’s Prayer] Kazakhstan: …"), an age mark after it ("… | 16+"),
    a wire's version slug before it ("UPDATE 2-…"), a media mark ("/ВИДЕО/ …"), a news
    section glued on before it ("Esperance NewsSurfboard …"), a genre's word in small letters
    or a photo rubric before it ("новость Казахстан: …"), hashtags after it ("… #Россия
    #Новости"), the page's address under its label after it ("… Постоянный адрес статьи:
    http://…")."""
    title = re.sub(r"(?:\s+[-–—|]+)+$", "", title)
    title = re.sub(r"\s+\[\d{1,3}\]$", "", title)  # a print page's link mark: "… significantly [1]"
    title = re.sub(r"^(?:[-•*]|::)\s+(?=\w)", "", title)  # (":: ХЕДЛАЙН" on dialog.kz)
    title = re.sub(r"^\(\d{1,2}\+\)\s+(?=\w)", "", title)  # an age mark: "(12+) Встреча …"
    furniture = rules.furniture
    title = furniture.media_head.sub("", title)  # "/ВИДЕО/ Примар …"
    title = _AGE_MARK_AFTER.sub("", title)  # "… | 16+"
    title = _WIRE_SLUG.sub("", title)  # "UPDATE 2-Bolshoi ballet director …"
    title = furniture.genre_head.sub("", title, count=1)  # "новость Казахстан: протестующие …"
    title = _NEWS_SECTION_GLUED.sub("", title, count=1)  # "Esperance NewsSurfboard …"
    if paper := furniture.paper_on.fullmatch(title):  # "Научная статья на тему 'ЯНВАРСКИЕ …'"
        title = paper["title"]
    title = _HASHTAGS_AFTER.sub("", title)  # "… #Россия #Новости"
    title = _permalink_after(title, rules)  # "… ушёл под землю Постоянный адрес статьи: http…"
    tags = _HASHTAGS_BEFORE.match(title)
    if (
        tags
        and word_count(title[tags.end() :]) >= LEADING_STAMP_HEADLINE_WORDS
        and not _CAMPAIGN_TAG.fullmatch(tags.group().strip())  # (a campaign's name is the
    ):  # headline's subject: "#EndBadGovernance Protests Escalate …")
        title = title[tags.end() :]  # "#Ніжин У селі …"
    rubric = _RUBRIC_OVER_CAPS.match(title)  # "Культура і мистецтво: ЩОБ ЗЛИТИСЯ …"
    if (
        rubric
        and not all_caps(rubric.group())
        and all_caps(title[rubric.end() :])
        and word_count(title[rubric.end() :]) >= LEADING_STAMP_HEADLINE_WORDS
    ):
        title = title[rubric.end() :]
    label = _BRACKET_LABEL.match(title)  # "[Today’s Prayer] Kazakhstan: …": a rubric
    if label and word_count(title[label.end() :]) >= BRACKET_LABEL_HEADLINE_WORDS:
        title = title[label.end() :]
    title = _CLOCK_FIRST.sub("", title)
    stamp = LEADING_STAMP.match(title)  # "2013-07-30 05:18 - В Костанайской области …"
    if stamp and word_count(title[stamp.end() :]) >= LEADING_STAMP_HEADLINE_WORDS:
        title = title[stamp.end() :]
    run_on = GLUED_SENTENCE.search(title)
    if (
        run_on
        and word_count(title[: run_on.start()]) >= GLUED_HEAD_WORDS
        and word_count(title[run_on.start() :]) >= GLUED_TAIL_WORDS
    ):
        title = title[: run_on.start()]
    glued = _GLUED_SOURCE.search(title) or _GLUED_LABEL.search(title)
    if glued and word_count(title) >= 4:
        title = title[: glued.start() + 1]
    for size in range(len(title) // 2, 14, -1):
        if title.endswith(title[-size:] * 2):
            return title[-size:].strip()
    return title


_LANGUAGE_TAG = re.compile(r"^\(([^()\s]{2,8})\)\s+(?=\S)")
# a news agency's region rubric before the headline ("ASIA/KAZAKHSTAN - After riots …",
# "EUROPE/UKRAINE - …"): capitals with a slash, then a dash
_REGION_RUBRIC = re.compile(
    r"^[A-ZА-ЯЁІЇЄҐ]{2,}(?: [A-ZА-ЯЁІЇЄҐ]{2,})?/[A-ZА-ЯЁІЇЄҐ]{2,}(?: [A-ZА-ЯЁІЇЄҐ]{2,})?"
    r"\s+[-–—]\s+(?=\S)"
)
# an edition's or section's kicker in capitals before a headline in small letters ("AUSTIN
# EDITION - Prospective exchange students need host families …"): two or three words, one
# of them long (not two abbreviations: "ЦИК РК – …")
_CAPS_KICKER = re.compile(
    r"^(?=[^-–—]*[A-ZА-ЯЁІЇЄҐ]{6})[A-ZА-ЯЁІЇЄҐ]{2,}(?: [A-ZА-ЯЁІЇЄҐ]{2,}){1,2}"
    r"(?:\s+[-–—]|:)\s+(?=[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ])"  # (or a colon: "CAMPUS NEWS: Columbia …")
)
KICKER_HEADLINE_WORDS = 5  # the headline after such a kicker: this long at least


def _section_kicker(kicker: str, rules: CleanRules) -> bool:
    """Does a kicker before a colon end in a section's word ("CAMPUS NEWS:"), so it is the
    site's label, not the headline's own opening ("ИТОГИ НЕДЕЛИ: …")?"""
    words = re.findall(r"[^\W\d_]+", kicker)  # (not an urgency flag: "BREAKING NEWS: …")
    return (
        bool(words)
        and comparison_key(words[-1]) in rules.section_keys
        and comparison_key(words[0]) not in rules.flash_keys
    )


# a video page's label before the headline ("Transcript for 'Coward' suspect arrested …",
# "Speech to Text for City council passes budget")
_TRANSCRIPT_FOR = re.compile(
    r"^(?:video\s+)?(?:transcript|speech[ -]to[ -]text)\s+for\s+(?=\S)", re.IGNORECASE
)


_DASH_SEP = re.compile(r"\s[—–]\s")


def _sections_only(tail: str, rules: CleanRules) -> bool:
    """Is ``tail`` a site's sections and nothing else, maybe joined by a short word
    ("Бизнес и экономика", "Politics & World")?"""
    if rules.furniture.media_mark.fullmatch(tail):
        return False  # "… он дал крен — видео": the headline's mark that it has a video
    words = comparison_key(tail).split()
    sections = rules.section_keys
    long = [w for w in words if len(w) > 3 or w in sections]
    return bool(long) and len(words) - len(long) <= 1 and all(w in sections for w in long)


GLUED_RUBRIC_LETTERS = 6  # a rubric glued before the headline: a word this long at least,
GLUED_RUBRIC_REST_WORDS = 4  # ... then a headline of this many words
_GLUED_START = re.compile(rf"^([{UPPER}][a-z{CYR_LOWER}]+)(?=[{UPPER}][a-z{CYR_LOWER}])(\S+)")


def glued_rubric_cut(title: str, body: str) -> str:
    """A headline without a rubric glued before its first word ("НавколофронтОдин день із
    волонтером. …": the rubric "Навколофронт"), when the glued word is nowhere in the text
    (a name written that way is: "ПриватБанк", "КазМунайГаз")."""
    m = _GLUED_START.match(title)
    if m is None or len(m.group(1)) < GLUED_RUBRIC_LETTERS:
        return title
    rest = title[len(m.group(1)) :]
    glued = m.group(0).casefold()
    if word_count(rest) < GLUED_RUBRIC_REST_WORDS or glued in body.casefold():
        return title
    return rest


OWN_NAME_LINES = 12  # the site's name printed alone among this many first lines ...
OWN_NAME_WORDS = 4  # ... in this many words at most
# a trail of the site, its sections and the headline on one line
_TRAIL_SEP = re.compile(r"\s+[/>»›→]\s+")
TRAIL_ITEM_WORDS = 4  # the site's or a section's name in such a trail: this short
TRAIL_HEADLINE_WORDS = 4  # ... and the headline at its end this long at least
# a site named by its domain, maybe with its motto ("Sochi24.tv — все новости города")
_DOMAIN_TAIL = re.compile(rf"^{SITE_TOKEN.pattern}(?:\s+[—–-]\s+[^|]{{1,60}})?$")
_SITE_SEP = re.compile(r"\s(?:\||[—–-])\s")  # a bar or dash between a headline and a name
_TITLE_TAIL_SEP = re.compile(_SITE_SEP.pattern + r"(?=[^|—–-]+$)")  # ... the last one


def strip_own_name(title: str, lines: list[str]) -> str:
    """A headline without the site's name after a bar or dash when the page prints that
    name alone on a line of its top ("Телеканал ОТС" / "Снежные завалы отрезали … |
    Телеканал ОТС": the page's ``<title>`` line), or a columnist's name that the byline
    prints twice (its picture's label and the name: "Where will the fire in Kenya leap to
    next? - Justice Malala" / "Justice Malala Justice Malala")."""
    sep = _TITLE_TAIL_SEP.search(title)  # the last bar or dash
    if sep is None:
        return title
    head, tail = title[: sep.start()], title[sep.end() :]
    key = comparison_key(tail)
    if not key or word_count(tail) > OWN_NAME_WORDS or word_count(head) < 3:
        return title
    top = [line for line in lines if line.strip()][:OWN_NAME_LINES]
    named = (key, f"{key} {key}")
    return head.rstrip() if any(comparison_key(line) in named for line in top) else title


SITE_KEY_CHARS = 5  # a site's name that its address spells: this many letters at least
SITE_NAME_WORDS = 4  # ... glued on after a headline: this many words at most


def strip_site_name(title: str, url: str | None) -> str:
    """A headline without the site's name before or after a bar or dash, when the page's
    address spells that name ("Journal De Bruxelles - Uncertainty for …" at
    journaldebruxelles.be; "… from Jan-May 2022 | Sinhala News" at thesinhalanews.lk), or
    that the address spells whole, glued on after the headline's last small letter ("…
    Linton, FrancisDominica News Online" at dominicanewsonline.com)."""
    host = site_host(url)
    parts = _SITE_SEP.split(title)
    if host and len(parts) == 1:  # glued on, no space ("… FrancisDominica News Online")
        key = squash(host_label(host))
        for glue in CAMEL.finditer(title):
            name, head = title[glue.start() :], title[: glue.start()]
            if word_count(name) <= SITE_NAME_WORDS and squash(name) == key:
                return head if word_count(head) >= 3 and len(title.split()) > 3 else title
    if not host or len(parts) != 2:
        return title
    site = squash(host)
    for name, rest in (parts, parts[::-1]):
        key = squash(name)
        if len(key) >= SITE_KEY_CHARS and key in site and word_count(rest) >= 3:
            return rest.strip()
    return title


def strip_credit(title: str, rules: CleanRules) -> str:
    """A headline without a photo credit glued after it ("... Алмати. Фото: ФБ"), a list
    bullet, a breadcrumb's arrows or a transcript's label before it ("• Headline", "» »
    Headline", "Transcript for Headline"), a site or section after it."""
    title = LIST_BULLET.sub("", title, count=1)
    title = CRUMB_ARROWS.sub("", title, count=1)
    trail = _TRAIL_SEP.split(title)  # "Глянець / Події / Ірина Федишин перенесла концерти …"
    if (
        len(trail) >= 3
        and all(word_count(part) <= TRAIL_ITEM_WORDS for part in trail[:-1])
        and word_count(trail[-1]) >= TRAIL_HEADLINE_WORDS
    ):
        title = trail[-1]  # the site's and the section's names before the headline
    elif (
        len(trail) == 2
        and _sections_only(trail[0], rules)
        and word_count(trail[1]) >= TRAIL_HEADLINE_WORDS
    ):
        title = trail[1]  # a section's name alone ("Politics / Carmichael writes to …")
    title = _TRANSCRIPT_FOR.sub("", title, count=1)
    named = rules.furniture.headline_label.match(title)  # "Название: …", "Зараз в ефірі: …"
    if named and word_count(title[named.end() :]) >= 2:
        title = title[named.end() :]
    if (region := _REGION_RUBRIC.match(title)) and word_count(title[region.end() :]) >= 3:
        title = title[region.end() :]
    kicker = _CAPS_KICKER.match(title)
    if (
        kicker
        and word_count(title[kicker.end() :]) >= KICKER_HEADLINE_WORDS
        and (":" not in kicker.group() or _section_kicker(kicker.group(), rules))
    ):
        title = title[kicker.end() :]
    if home := _GLUED_HOME.match(title):  # "HomeNews350 Pakistani students …"
        rest = title[home.end() :]
        # (its section's name maybe of a few words: "HomeEthiopian NewsRussia's top …")
        section = re.match(r"(?:[A-Z][a-z]+ ){0,2}(?P<last>[A-Z][a-z]+)(?=[A-Z0-9])", rest)
        if section and section["last"] in rules.section_words:
            rest = rest[section.end() :]
        title = rest
    for tail in (
        rules.furniture.document_view,
        rules.furniture.media_count,
        _PHOTO_BY_TAIL,
        _READ_TIME_TAIL,
        _READ_MORE_TAIL,
        _GENRE_TAIL,
        _THE_OUTLET_TAIL,
        rules.furniture.news_tail,
    ):
        cut = tail.sub("", title)
        if cut != title and word_count(cut) >= 3:
            title = cut
    if dated := headline_before_date(title):  # "… на восток России16.10.2015 ЛУКОЙЛ …"
        title = dated[0]
    title = _strip_share_buttons(title, rules)
    tag = _LANGUAGE_TAG.match(title)  # "(KAZ) Саяси қуғын-сүргін …": a multilingual site's
    if tag and comparison_key(tag.group(1)) in rules.switcher_tokens:  # language of the entry
        title = title[tag.end() :]
    title = rules.furniture.revision_tag.sub("", title)  # "… (оновлено)", "… ОНОВЛЕНО"
    title = rules.furniture.badge_tail.sub("", title)  # "… to be lifted soon Featured"
    if rules.edit_tag is not None:  # "… за участь в акції протесту [ Редагувати ]"
        title = rules.edit_tag.sub("", title)
    head, sep, tail = title.rpartition(". ")
    credit = not rules.furniture.media_mark.fullmatch(tail)  # (a headline's ". ФОТО" mark stays)
    if sep and head and credit and classify(tail, rules) in ("photo_credit", "caption"):
        return head
    parts = CAMEL.split(title, maxsplit=1)  # "WorldWatch the CSTO ...": a glued section
    if len(parts) == 2 and " " not in parts[0] and parts[0] in rules.section_words:
        title = parts[1]
    head, sep, tail = title.rpartition(" | ")  # "... НОВОСТИ | 6 июль, 10:04", "... | News"
    if sep and head and comparison_key(tail) in rules.navigation | rules.section_keys:
        return head
    if sep and word_count(head) >= 3 and _DOMAIN_TAIL.match(tail):
        return head  # "… сезонных работников | Sochi24.tv — все новости города": the site
    if sep and head and is_timestamp(tail, rules):
        title = head
        last = title.rsplit(" ", 1)
        if len(last) == 2 and last[1].isupper() and comparison_key(last[1]) in rules.navigation:
            title = last[0]
    head, sep, tail = title.rpartition(" - ")
    if (
        sep
        and word_count(tail) >= 2
        and comparison_key(head).startswith(comparison_key(tail) + " ")
    ):
        title = head  # "Международный аэропорт «Манас» работает … - Международный аэропорт
        # «Манас»": the site's owner, named as the headline opens
    dashes = list(_DASH_SEP.finditer(title))
    head, tail = (title[: dashes[-1].start()], title[dashes[-1].end() :]) if dashes else ("", "")
    if word_count(head) >= GLUED_HEAD_WORDS and _sections_only(tail, rules):
        title = head  # "… поставками электроэнергии — Бизнес и экономика": its sections
    # a separator left dangling where a site's name was cut off ("… public order’ –"),
    # a table's empty cells ("Казский рудник отмечает юбилей | |")
    title = tidy_title(_strip_glued_stamp(title, rules), rules)
    words = title.split()  # the headline said twice on one line (<title> glued to <h1>)
    half = len(words) // 2
    if len(words) >= 6 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return title


_BUTTON_WORDS = frozenset({"Save", "Pin", "Tweet", "Like"})  # a share bar's Latin buttons


def _strip_share_buttons(title: str, rules: CleanRules) -> str:
    """A headline without the share bar's buttons glued after it ("… Нурсултана Назарбаева
    Save Поделиться"): its last word a share button's, maybe after a Latin button's."""
    words = title.split()
    if len(words) < 4 or all_caps(title) or not share_label(words[-1], rules):
        return title  # (not a headline in capitals: "… МӘСЕЛЕЛЕР ҚАРАЛДЫ", "were discussed")
    words.pop()
    while len(words) > 3 and words[-1] in _BUTTON_WORDS:
        words.pop()
    return " ".join(words)


def _strip_glued_stamp(title: str, rules: CleanRules) -> str:
    """A headline without the date and clock time glued after it."""
    k = glued_stamp_words(title, rules)
    return " ".join(title.split()[:-k]).rstrip(" ,|•·–—-") if k else title


_DATA_TITLE = re.compile(r"\bdata-title\s*=\s*[«»\"“”″'](?P<title>[^«»\"“”″'\n]{10,300})[«»\"“”″']")


def share_markup_title(lines: list[str], kinds: list[str | None]) -> str | None:
    """The headline a share button's markup left in the text ("data-title=»Reuters сообщил
    о сокращении экспорта …» data-url=»https://…″ > Вконтакте Одноклассники Telegram …"),
    that line then being debris; ``None`` when the page's first lines have none."""
    for i, line in enumerate(lines[:SHARE_MARKUP_LINES]):
        m = _DATA_TITLE.search(line)
        if m and word_count(m.group("title")) >= 3:
            kinds[i] = "share"
            return " ".join(m.group("title").split())
    return None
