"""Debris of several lines: sidebars, the page's tail, comment boxes, "read also" lists,
numbered lists of other stories, teasers, slogans and header widgets."""

from __future__ import annotations

import itertools
import re

from generator.ingest.clean.dates import CLOCK, NUMERIC_DATE, TIME, find_dates, safe_date
from generator.ingest.clean.lines import NAME_WORD, classify, market_ticker, name_line, weather
from generator.ingest.clean.rules import (
    DATED_HEADLINE_LINES,
    HEADLINE_MAX_WORDS,
    MAX_DEBRIS_WORDS,
    CleanRules,
)
from generator.ingest.clean.slug import consonants, latin_letters
from generator.ingest.clean.stamps import labelled_stamp, same_day_items
from generator.ingest.clean.text import (
    CYR,
    UPPER,
    all_caps,
    comparison_key,
    ends_sentence,
    word_count,
)
from generator.ingest.clean.timestamps import is_timestamp
from generator.sources import site_host

NUMBERED_HEADLINES_MIN = 3  # a numbered list of other stories over the article: this many
NUMBERED_HEADLINES_MAX = 15  # ... to this many items
LABELS_UNDER_HEADLINE = 8  # lines under the headline looked at for section labels
READ_ALSO_MAX_LINES = 8  # headlines or tags listed under a bare "Read also:"/"Tags" line
COMMENTS_MAX_LINES = 30  # a readers' comments box: author / comment lines under its header
TAIL_MAX_WORDS = 15  # page furniture after the article's last sentence is short


_LIST_HEADINGS = frozenset({"navigation", "read_also", "ticker"})  # "Последние новости"


def sidebar(lines: list[str], kinds: list[str | None], rules: CleanRules) -> None:
    """Mark lists of headlines with timestamps (2+ timestamps, one headline each). A day
    atop the page with neither year nor clock ("Вівторок, 3 Лютого") is the header's today
    box, no item of a list."""
    kept = [i for i, k in enumerate(kinds) if k is None or k == "timestamp"]
    top = next((i for i, k in enumerate(kinds) if k != "blank"), None)
    stamps = [
        j
        for j, i in enumerate(kept)
        if kinds[i] == "timestamp"
        and not (i == top and (_day_alone(lines[i], rules) or _top_bar(lines, kinds, i, rules)))
    ]
    runs: list[list[int]] = []
    for j in stamps:
        # (not across a list's heading: the article's stamp / "Последние новости" / the
        # list's dated items)
        headed = runs and any(
            kinds[i] in _LIST_HEADINGS for i in range(kept[runs[-1][-1]] + 1, kept[j])
        )
        if runs and j - runs[-1][-1] == 2 and not headed:
            runs[-1].append(j)
        else:
            runs.append([j])
    for run in runs:
        if len(run) < 2:
            continue
        between = [kept[a + 1] for a in run[:-1]]
        if not all(_sidebar_headline(lines, kinds, i) for i in between):
            continue  # sentences between times: a live blog, not a list of headlines
        if len(run) == 2 and (
            _lower_first(lines[between[0]]) or name_line(lines[between[0]], rules) is not None
        ):  # the post's day printed twice around its tags ("6 Жовтня 2025" / "база знань
            continue  # особистість" / "6 Жовтня 2025") or its author ("17.10.2024" / "1374" /
            # "Журналіст" / "Шосталь Олександр" / "17.10.2024"): no list of stories
        if len(run) == 2 and _said_twice_same_day(
            lines, kinds, (kept[run[0]], between[0], kept[run[1]]), rules
        ):
            continue  # the headline and its stamp printed twice ("Известны подробности …" /
            # "18-06-2020, 18:09" / "Известны подробности …" / "18 июня 2020, 18:09")
        for i in between:
            kinds[i] = "sidebar"
        first, last = run[0], run[-1]
        before = kept[first - 1] if first > 0 else None
        after = kept[last + 1] if last + 1 < len(kept) else None
        # "headline / time" pairs, or "time / headline": never take a finished sentence.
        if _sidebar_headline(lines, kinds, before):
            kinds[before] = "sidebar"  # type: ignore[index]
        elif _sidebar_headline(lines, kinds, after):
            kinds[after] = "sidebar"  # type: ignore[index]
        for j in run:
            kinds[kept[j]] = "sidebar"


def bulleted_same_day(lines: list[str], kinds: list[str | None], rules: CleanRules) -> None:
    """Mark a list of other stories whose bulleted items each stand over a stamp of one day
    (``same_day_items``): the items and their stamps, not a headline and the page's stamp."""
    for above, stamp in same_day_items(lines, 0, len(lines), rules):
        kinds[above] = kinds[stamp] = "sidebar"


def _said_twice_same_day(
    lines: list[str], kinds: list[str | None], run: tuple[int, int, int], rules: CleanRules
) -> bool:
    """Are two stamps of one day each under the same line (headline / stamp / headline /
    stamp; ``run`` is the first stamp, the line between and the second stamp): the page's
    header printed twice, not two stories?"""
    first, between, second = run
    above = next((i for i in range(first - 1, -1, -1) if kinds[i] != "blank"), None)
    if above is None:
        return False
    days = [
        {(y, m, d) for _s, y, m, d in find_dates(lines[i], rules) if y} for i in (first, second)
    ]
    return (
        comparison_key(lines[above]) == comparison_key(lines[between])
        and bool(days[0])
        and days[0] == days[1]
    )


TOP_BAR_LINES = 4  # the article's stamp stands this many lines of text below the top bar's day
TOP_BAR_MIN_DAYS = 31  # ... and this many days before it at least (read for dates too)


def _top_bar(lines: list[str], kinds: list[str | None], top: int, rules: CleanRules) -> bool:
    """Is the page's first line the site's top bar, a day and clock of the visit, over the
    headline and the article's stamp a month or more before ("• 19 марта, 2024 3:13 дп" /
    headline / "Автор:admin" / "Дек 1, 2020"): not a list of two dated stories?"""
    below = [i for i in range(top + 1, len(lines)) if kinds[i] != "blank"][:TOP_BAR_LINES]
    stamp = next((i for i in below if kinds[i] == "timestamp"), None)
    if stamp is None:
        return False
    first, second = (_only_day(lines[j], rules) for j in (top, stamp))
    if first is None or second is None:
        return False
    first, second = safe_date(*first), safe_date(*second)
    return first is not None and second is not None and (first - second).days >= TOP_BAR_MIN_DAYS


def _only_day(line: str, rules: CleanRules) -> tuple[int, int, int] | None:
    """(year, month, day) of the line's one full date; ``None`` for none or several."""
    days = [(year, month, day) for _at, year, month, day in find_dates(line, rules) if year]
    return days[0] if len(days) == 1 else None


def _lower_first(line: str) -> bool:
    """Does the line's first letter come in small case ("база знань …")?"""
    first = next((ch for ch in line if ch.isalpha()), "")
    return first.islower()


def _day_alone(line: str, rules: CleanRules) -> bool:
    """A date with neither a year nor a clock time: a calendar's day, not a stamp."""
    return not TIME.search(line) and not any(year for _s, year, *_md in find_dates(line, rules))


def page_tail(
    lines: list[str],
    kinds: list[str | None],
    rules: CleanRules,
    bylines: list[tuple[str, str]],
) -> None:
    """After the last sentence: a bare name is the author; after the first debris line there,
    short lines without a full stop are page furniture (headlines, tags, menus)."""
    sentences = [i for i, k in enumerate(kinds) if k is None and ends_sentence(lines[i])]
    if not sentences:
        return
    last = sentences[-1]
    for i in range(last + 1, len(lines)):
        if kinds[i] is None:
            name = name_line(lines[i], rules)
            if name:
                kinds[i] = "byline"
                bylines.append(("author", name))
            break
    debris = next((i for i in range(last + 1, len(lines)) if kinds[i] not in (None, "blank")), None)
    if debris is None:
        return
    for i in range(debris + 1, len(lines)):
        if kinds[i] is None and word_count(lines[i]) <= TAIL_MAX_WORDS:
            kinds[i] = "tail"


def comment_boxes(lines: list[str], kinds: list[str | None], rules: CleanRules) -> None:
    """A readers' comments box under its header ("Свежие комментарии" / "• Name" / comment
    / ...): the lines after the header, up to the next blank line, are its comments."""
    headers = [rx for cls, rx in rules.debris if cls == "comments"]
    for i, line in enumerate(lines):
        if (
            kinds[i] is not None
            or word_count(line) > 4
            or not any(rx.search(line) for rx in headers)
        ):
            continue
        kinds[i] = "comments"
        first = i + 1
        while first < len(lines) and kinds[first] == "blank":
            first += 1
        for j in range(first, min(len(lines), first + COMMENTS_MAX_LINES)):
            if kinds[j] == "blank" or word_count(lines[j]) > MAX_DEBRIS_WORDS:
                break
            kinds[j] = "comments"


def read_also_lists(lines: list[str], kinds: list[str | None]) -> None:
    """A bare "Read also:" or "Tags" line introduces a list: the short lines right after it
    (not a field with its value: "Categories: General" / "Date: …" / "Title: …")."""
    for i, kind in enumerate(kinds):
        if kind not in ("read_also", "tags") or word_count(re.sub(r"[:\s]+$", "", lines[i])) > 3:
            continue
        if re.search(r"[:：]\s*\w", lines[i]):
            continue  # a field's value after its colon: no list's heading
        for j in range(i + 1, min(i + 1 + READ_ALSO_MAX_LINES, len(lines))):
            if kinds[j] is not None or ends_sentence(lines[j]) or word_count(lines[j]) > 20:
                break
            kinds[j] = kind


def _sidebar_headline(lines: list[str], kinds: list[str | None], i: int | None) -> bool:
    return (
        i is not None
        and kinds[i] is None
        and word_count(lines[i]) <= 25
        and not lines[i].rstrip().endswith((".", ":"))  # (nor a field's label: "Автор:")
    )


def numbered_trail(lines: list[str], kinds: list[str | None], i: int) -> None:
    """A breadcrumb trail set as a numbered list ("1. Главная страница" / "2. Архив" / "3.
    <this page's headline>"): the items numbered on from line ``i`` are its items too."""
    number = re.match(r"(\d{1,2})[.)]\s", lines[i])
    if not number:
        return
    n = int(number.group(1))
    for j in range(i + 1, min(len(lines), i + 12)):
        if kinds[j] == "blank":
            continue
        following = re.match(r"(\d{1,2})[.)]\s", lines[j])
        if not following or int(following.group(1)) != n + 1:
            return
        kinds[j], n = "breadcrumb", n + 1


_LINK_MARK = re.compile(r"(>>|»|→|▶|►)\s+\w")  # a link's marker opening a list item


def numbered_headlines(lines: list[str], i: int) -> list[int]:
    """The lines of a numbered list of other stories opening at line ``i`` ("1. Жаркого лета
    не предвидится? …" / "2. Польского премьера …" / … "7. …" over the article): three or
    more items numbered 1, 2, 3 …, each shaped like a headline (no full stop or semicolon at
    its end: a decree's or a story's own list has sentences). Empty when there is none.
    Items marked as links the same way count as numbered (">> Эстонский школьник, …" /
    ">> В Калининграде задержаны …" / ">> Мужчина толкнул …")."""
    found: list[int] = []
    marker = _LINK_MARK.match(lines[i])
    for j in range(i, min(len(lines), i + 2 * NUMBERED_HEADLINES_MAX)):
        if not lines[j].strip():
            continue
        if marker is not None:
            if not lines[j].startswith(marker.group(1)) or not _LINK_MARK.match(lines[j]):
                break
        else:
            number = re.match(r"\s*(\d{1,2})[.)]\s+\S", lines[j])
            if not number or int(number.group(1)) != len(found) + 1:
                break
        if word_count(lines[j]) > HEADLINE_MAX_WORDS or lines[j].rstrip()[-1:] in ".;:":
            return []
        found.append(j)
    return found if len(found) >= NUMBERED_HEADLINES_MIN else []


def trail_glued_to_headline(lines: list[str], kinds: list[str | None]) -> None:
    """A site's trail glued to the headline, the headline alone on the next line
    ("ThebuchacityБучаКиївщину відвідали учасники …" / "Київщину відвідали учасники …"):
    the first line is the trail (a few words before the headline's), not a headline."""
    filled = [i for i in range(min(len(lines), DATED_HEADLINE_LINES)) if lines[i].strip()]
    for i, j in itertools.pairwise(filled):
        line, below = lines[i].strip(), lines[j].strip()
        glued = line != below and line.endswith(below)
        if glued and word_count(below) >= 4 and 0 < word_count(line[: -len(below)]) <= 3:
            kinds[i] = "breadcrumb"


def labels_under_headline(
    lines: list[str], kinds: list[str | None], title_index: int, rules: CleanRules
) -> None:
    """Short labels between the headline and the article's first paragraph are page
    furniture: one word (a section "Мир", a country edition "KG"), or up to three in small
    letters or in capitals (a tag "волнения в Казахстане"); no digits or punctuation. (Not
    a subheading or standfirst that may say something: "Текст соглашения", "Их миссия
    завершилась".) So is the site's and section's names before a stamp, between bars
    ("Коломия ВЕБ Портал | Публіцистика та аналіз | 2009-01-16 10:00:21"): a stamp. So is
    a day and weekday right under the headline, though it looks like a header's "today" box
    ("02 июнь 2019, Воскресенье" / "508" / "0": the day, views and comments), maybe under
    the views count ("Просмотров: 380" / "Воскресенье, 17 сентября 2017 г.")."""
    filled = (j for j in range(title_index + 1, len(lines)) if kinds[j] != "blank")
    below = next(filled, None)
    if below is not None and _views_count(lines[below], kinds[below]):
        below = next(filled, None)
    if below is not None and kinds[below] == "today_widget" and is_timestamp(lines[below], rules):
        kinds[below] = "timestamp"
    for j in range(title_index + 1, min(len(lines), title_index + LABELS_UNDER_HEADLINE)):
        if kinds[j] is not None:
            continue
        line = lines[j]
        if labelled_stamp(line, rules):
            kinds[j] = "timestamp"
            continue
        if word_count(line) >= 8 or ends_sentence(line) or line.rstrip().endswith(":"):
            return  # the first paragraph (or a standfirst, or a label of the text below)
        n = word_count(line)
        short = n == 1 or (n <= 3 and (line.strip()[:1].islower() or all_caps(line)))
        if short and not re.search(r"[\d.,;!?«»\"()]", line):
            kinds[j] = "section"
        else:
            return


def _views_count(line: str, kind: str | None) -> bool:
    """A views or comments count, short and with its number ("Просмотров: 380", "508")."""
    return (
        kind in ("counter", "share", "widget")
        and word_count(line) <= 3
        and bool(re.search(r"\d", line))
    )


def _site_label(url: str | None) -> str:
    """The name part of the page's host ("ukrnews" for https://ukrnews.online/...)."""
    host = site_host(url)
    return re.sub(r"[^a-z]", "", host.split(".")[0]) if host else ""


SITE_NAME_MAX_WORDS = 3  # the site's name alone on a line, in its own letters
SITE_INITIALS_MIN = 3  # ... or its initials, when the host is this long (not "kp", "rg")


def own_slogans(lines: list[str], kinds: list[str | None], url: str | None) -> None:
    """Mark the site's own name at the top of the page as a masthead: with its slogan
    ("UkrNews — новини, яким довіряє Україна." on ukrnews.online: a full stop that would
    otherwise end the header before the headline), or alone in Cyrillic letters ("Русские
    Вести" over a headline of two words on russkievesti.ru), or its initials the host
    spells ("Закон і Бізнес" on zib.com.ua, "Аргументы и Факты" on aif.ru)."""
    site = _site_label(url)
    if len(site) < SITE_INITIALS_MIN:
        return
    seen = 0
    for i, line in enumerate(lines):
        if kinds[i] is not None:
            continue
        seen += 1
        if seen > 3:
            break
        # (maybe with its name in other letters: "NOMAD (Номад) - новости Казахстана")
        m = re.match(r"\s*([^\W\d_][\w.\- ]{2,30}?)(?:\s+\([^()]{2,30}\))?\s+[—–|-]\s+\S", line)
        slogan = (
            m and word_count(line) <= 12 and re.sub(r"[^a-z]", "", m.group(1).casefold()) == site
        )
        alone = word_count(line) <= SITE_NAME_MAX_WORDS and CYR.search(line) is not None
        if slogan or (
            alone
            and (
                (len(site) >= 4 and len(name := consonants(line)) >= 4 and name == consonants(site))
                or initials(line) == site
            )
        ):
            kinds[i] = "masthead"


def initials(line: str) -> str:
    """The first letters of a line's words in Latin letters ("Закон і Бізнес" -> "zib")."""
    words = re.findall(r"[^\W\d_]+", line)
    return "".join(latin_letters(w[0]) for w in words)


EPIGRAPH_TOP_LINES = 12  # a site's quotation box broken over lines, among the first lines
_WRAPPED_EPIGRAPH = re.compile(  # a long quotation and its author's name (initials maybe)
    r"^[«\"“„][^«»\"“”„]{80,400}[»\"”“]\s*(?:[—–-]\s*)?"
    rf"(?:[{UPPER}]\.\s?){{0,2}}{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}\.?$"
)


def wrapped_epigraphs(lines: list[str], kinds: list[str | None]) -> None:
    """Mark a site's quotation box broken over two to five lines at the top as an epigraph
    ("“Осылайша, мың жылдық тарихымызда …" / … / "… сөйлейтін болады” Н.А. Назарбаев" over a
    theatre's news): a quotation too long for a headline, then only its author's name."""
    top = [i for i, k in enumerate(kinds) if k is None][:EPIGRAPH_TOP_LINES]
    for i in top:
        if (i > 0 and lines[i - 1].strip()) or lines[i].lstrip()[:1] not in '«"“„':
            continue
        end = i
        while end + 1 < len(lines) and lines[end + 1].strip() and end - i < 4:
            end += 1
            joined = " ".join(line.strip() for line in lines[i : end + 1])
            if _WRAPPED_EPIGRAPH.match(joined):
                for j in range(i, end + 1):
                    kinds[j] = "epigraph"
                break


TEASER_MIN_WORDS = 8  # a teaser cut short with "..." is a sentence's start, not a label
TEASER_TOP_LINES = 10  # the lines of text at the top where other stories' teasers are looked for
_CUT_SHORT = re.compile(r"[^\W\d_]\s*(?:\.\.\.|…)\s*$")  # "… close to the geography of their ha..."


def cut_teasers_on_top(lines: list[str], kinds: list[str | None], rules: CleanRules) -> None:
    """Mark the other stories' teasers that open the page as a sidebar: two or more lines in
    a row at the top, each a sentence cut off mid-text by "..." ("Traditions of the Kyrgyz
    people were being formed … of their ha..." / "After the coup of 19 March 1953 …
    was..." / the headline), each maybe under its own headline ("Cameroon sugarcane strike
    turns violent over wages" / "Over 150 hectares … erupted earlier …" / "FIFA suspends
    Congolese Football Federation" / "FIFA has announced … ongoing for …"), their stamps
    with them ("• June 25, 2025" over the first). An article's own text is not cut off that
    way."""
    top = [i for i, line in enumerate(lines) if kinds[i] is None][:TEASER_TOP_LINES]
    run: list[int] = []
    snippets = 0
    k = 0
    while k < len(top):
        if is_timestamp(lines[top[k]], rules):
            run.append(top[k])
            k += 1
            continue
        if _teaser_snippet(lines[top[k]]):
            run.append(top[k])
            k += 1
        elif (
            k + 1 < len(top)
            and 2 <= word_count(lines[top[k]]) <= HEADLINE_MAX_WORDS
            and not ends_sentence(lines[top[k]])
            and _teaser_snippet(lines[top[k + 1]])
        ):
            run += top[k : k + 2]
            k += 2
        else:
            break
        snippets += 1
    while run and is_timestamp(lines[run[-1]], rules):  # (a stamp under the teasers is the
        run.pop()  # article's)
    if snippets >= 2:
        for i in run:
            kinds[i] = "sidebar"


def _teaser_snippet(line: str) -> bool:
    """A teaser's sentence cut off mid-text by "..." (``_CUT_SHORT``)."""
    return word_count(line) >= TEASER_MIN_WORDS and _CUT_SHORT.search(line) is not None


def teasers_over_headline(
    lines: list[str], kinds: list[str | None], start: int, title: int
) -> None:
    """Mark other stories' teasers between ``start`` and the headline at ``title``: a
    snippet cut off (``_CUT_SHORT``: "BELIZE CITY, Mon. July 22, 2024 The runs...", "…
    справж ...") and the teaser's headline over it."""
    for j in range(start, title):
        if kinds[j] is None and _CUT_SHORT.search(lines[j]):
            kinds[j] = "sidebar"
            above = next((k for k in range(j - 1, start - 1, -1) if kinds[k] != "blank"), None)
            if above is not None and kinds[above] is None:
                kinds[above] = "sidebar"


DASHED_LIST_ITEMS = 3  # a list of other stories opening the page, one dash per item: 3 at least
_DASH_ITEM = re.compile(r"^[-–]\s+(?=[^\W\d_])")  # "- Myanmar topped world for …"


def dashed_list_on_top(lines: list[str], kinds: list[str | None]) -> None:
    """Mark the other stories' headlines that open the page, each after a dash, as a sidebar
    ("- About 400 prisoners, civilians held at Western Command in Ann" / "- Myanmar topped
    world for landmine casualties in 2023: report" / … / the headline): three or more in a
    row from the first line of text, each headline-shaped (no sentence's end). A reply's
    dash opens a sentence ("- Все работает в автоматическом режиме, - сообщил …")."""
    text = [i for i, line in enumerate(lines) if kinds[i] is None]
    run = []
    for i in text:
        line = lines[i]
        if not (
            _DASH_ITEM.match(line)
            and 2 <= word_count(line) - 1 <= HEADLINE_MAX_WORDS
            and not ends_sentence(line)
        ):
            break
        run.append(i)
    if len(run) < DASHED_LIST_ITEMS:  # other stories' teasers, each its headline and lead
        # after a dash, over the article's headline ("- В Иглинском районе неизвестные …
        # лосей. В Башкирии …" / … / "В Чишминском районе Башкирии открыли театральный сезон")
        run = list(itertools.takewhile(lambda i: _DASH_ITEM.match(lines[i]) is not None, text))
        below = text[len(run)] if len(run) < len(text) else None
        if below is None or not (
            3 <= word_count(lines[below]) <= HEADLINE_MAX_WORDS and not ends_sentence(lines[below])
        ):
            run = []
    if len(run) >= DASHED_LIST_ITEMS:
        for i in run:
            kinds[i] = "sidebar"


RANKING_MIN_ITEMS = 5  # a numbered "most read" list over the article: 5 items at least
RANKING_TOP_LINES = 8  # ... starting within this many text lines of the page's top


def ranking_on_top(lines: list[str], kinds: list[str | None]) -> None:
    """Mark a numbered list of other stories at the top (``numbered_headlines``, five items
    or more) as a sidebar before the headline is looked for, with the short heading just
    above it ("Беларусы на войне" / "1. СМИ: Трамп поручил …" / … "10. …" over a report on
    the CSTO's withdrawal with no headline line: the heading had been taken as one)."""
    text = [i for i, line in enumerate(lines) if kinds[i] is None]
    for k, i in enumerate(text[:RANKING_TOP_LINES]):
        listed = numbered_headlines(lines, i)
        if not listed:
            continue
        if len(listed) >= RANKING_MIN_ITEMS:
            head = text[k - 1] if k else None
            if head is not None and word_count(lines[head]) <= 5 and not ends_sentence(lines[head]):
                kinds[head] = "sidebar"
            for j in listed:
                kinds[j] = "sidebar"
        return


def today_boxes(
    lines: list[str], kinds: list[str | None], limit: int, rules: CleanRules, url: str | None = None
) -> None:
    """A date above the headline next to a currency ticker, a weather box or a motto is the
    site header's "today" box, not the article's date ("7 ноября 2024" / «…» — Демосфен. /
    "USD" / "504.49 KZT"; "• CNY 67.18" / "10 Қараша, 08:17:40" / "Алматы" / "+12°").
    So is the page's first line, a date, over a stamp of an earlier day ("Четверг, Октябрь
    16, 2025" / "05.01.2025" / headline): a page is written before it is seen; or over the
    site's own name ("January 28, 2022" / "Beyond Going Long" on beyondgoinglong.com)."""
    _two_zone_clocks(lines, kinds)
    filled = [i for i in range(min(limit, len(lines))) if kinds[i] != "blank"]
    for n, i in enumerate(filled):
        if kinds[i] != "timestamp":
            continue
        after = [filled[m] for m in (n + 1, n + 2) if m < len(filled)]
        below = next((j for j in range(i + 1, len(lines)) if kinds[j] != "blank"), None)
        if (
            any(_header_widget(lines[j], kinds[j], rules) for j in after)
            or _bare_rates([lines[j] for j in after])
            or (
                n > 0
                and _header_widget(lines[filled[n - 1]], kinds[filled[n - 1]], rules)
                and not (below is not None and (below == limit or kinds[below] in (None, "title")))
            )
        ):  # (a widget above and the headline right below: the article's stamp, "Евро € —
            kinds[i] = "today_widget"  # 00,0000 руб." / "07 октября 2024 | 16:59" / headline)
        elif (  # a box of the day broken after its weekday: "Суббота," / "27 июля 2024 г."
            n > 0
            and word_count(lines[filled[n - 1]]) == 1
            and classify(f"{lines[filled[n - 1]]} {lines[i]}", rules) == "today_widget"
        ):
            kinds[filled[n - 1]] = kinds[i] = "today_widget"
        elif (  # the weather, its city, the day (no clock): "25.8 C" / "New York" / "Friday,
            n > 1  # July 26, 2024" over a report of 19 May (gg2), whatever follows
            and kinds[filled[n - 2]] in ("widget", "counter")
            and weather(lines[filled[n - 2]])
            and _place_line(lines[filled[n - 1]], kinds[filled[n - 1]])
            and not TIME.search(lines[i])
        ):
            kinds[i] = "today_widget"
    top = next((i for i, k in enumerate(kinds) if k != "blank"), None)
    if top is not None and _search_box_day(lines, kinds, top, rules):
        return
    if top is None or top not in filled[:1] or kinds[top] != "timestamp":
        return
    if not TIME.search(lines[top]) and _visit_day_theme(lines, rules):
        # the Newspaper theme's bar: "Wednesday, August 10, 2022" / headline / "-
        # Advertisement -" / …, over a report of February
        kinds[top] = "today_widget"
        return
    if len(filled) < 2:
        return
    below = filled[1]
    site = _site_label(url)
    bullets = all(lines[j].lstrip().startswith(("•", "·")) for j in (top, below))
    if len(site) >= 4 and re.sub(r"[^a-z]", "", lines[below].casefold()) == site and not bullets:
        kinds[top] = "today_widget"  # (not a post's list of facts: "• February 2, 2026" /
        return  # "• libyawire" / "• 0", its day, its author and its comments)
    if kinds[below] != "timestamp":
        return
    first, second = (_only_day(lines[j], rules) for j in (top, below))
    if first is not None and second is not None and first > second:
        kinds[top] = "today_widget"


def _search_box_day(lines: list[str], kinds: list[str | None], top: int, rules: CleanRules) -> bool:
    """The header's bar of the day of the visit under the search box atop the page ("Search" /
    "20 Jan 2026" / headline, the Iconic Media papers'; "Іздеу" / "Маусым 1, 2016"): a day in
    words without a clock time, under the box's label. Marks it; is there one?"""
    if " ".join(lines[top].casefold().split()) not in rules.search_labels:
        return False
    below = next((j for j in range(top + 1, len(lines)) if kinds[j] != "blank"), None)
    if below is None or kinds[below] != "timestamp":
        return False
    if TIME.search(lines[below]) or NUMERIC_DATE.search(lines[below]):
        return False  # ("Search" / "08/10/2021": a video page's own stamp)
    kinds[below] = "today_widget"
    return True


def _visit_day_theme(lines: list[str], rules: CleanRules) -> bool:
    """Does the page carry a line of a site theme whose top bar prints the day of the visit
    (the packs' ``visit_day_marks``: "- Advertisement -", the Newspaper theme's ad label)?"""
    marks = rules.visit_day_marks
    return bool(marks) and any(" ".join(line.casefold().split()) in marks for line in lines)


CLOCK_TOP_LINES = 25  # a site's clock stands among this many first lines
# a clock and a time zone's abbreviation ending a line: "… 13:53 ast", "11:53 msk"
_ZONE_CLOCK_END = re.compile(rf"(?:^\W*|\s){CLOCK}\s*\(?[^\W\d_]{{2,4}}\)?\W*$")


def _header_widget(line: str, kind: str | None, rules: CleanRules) -> bool:
    """A site header's widget: a currency ticker, a weather reading, a motto, the account
    bar ("Пятница, 22.11.2024, 19:33" / "Приветствую Вас Гость | RSS | Регистрация | Вход"),
    the language switcher ("Суббота, 31 января 2026 года" / … / "RSS Русский Հայերեն")."""
    return kind in ("epigraph", "account", "language_switcher") or (
        kind in ("widget", "counter")
        and (market_ticker(line, rules) or "°" in line or weather(line))
    )


# a rate with its currency's sign lost (an icon): "101.91" under a header's clock
_BARE_RATE = re.compile(r"\s*\d{1,5}[.,]\d{2,4}\s*")


def _bare_rates(lines: list[str]) -> bool:
    """Two bare rates under a stamp, their currencies' signs lost with their icons: the
    header's clock over its ticker ("13 января 2025 02:51:42" / "101.91" / "105.05")."""
    return len(lines) == 2 and all(_BARE_RATE.fullmatch(line) for line in lines)


def _two_zone_clocks(lines: list[str], kinds: list[str | None]) -> None:
    """A site's clock in two time zones among the first lines, wherever the headline is:
    a stamp whose time has its zone, then a bare clock with another ("Четверг 25.04.2024
    13:53 ast" / "11:53 msk" on nomad.su): the time the page was seen, no stamp."""
    filled = [i for i in range(len(lines)) if kinds[i] != "blank"][:CLOCK_TOP_LINES]
    for i, j in itertools.pairwise(filled):
        if (
            kinds[i] == "timestamp"
            and _ZONE_CLOCK_END.search(lines[i])
            and _ZONE_CLOCK_END.match(lines[j])
        ):
            kinds[i] = kinds[j] = "today_widget"


def _place_line(line: str, kind: str | None) -> bool:
    """A header's city beside its weather reading ("New York", "Алматы"; a masthead's line)."""
    words = line.split()
    return (
        kind in (None, "masthead")
        and 1 <= len(words) <= 3
        and line[:1].isupper()
        and not re.search(r"\d", line)
    )
