"""``choose_headline``: the headline among the lines above the article, by score."""

from __future__ import annotations

import itertools
import re

from generator.ingest.clean.blocks import numbered_trail
from generator.ingest.clean.candidates import (
    ABBREVIATION_END,
    LIST_BULLET,
    YEAR_CAPTION,
    YEAR_IN_BRACKETS,
    agency_photo_credit,
    body_line,
    calendar_only,
    caption_twice,
    continues_next,
    credit_after,
    credited_below,
    credited_caption,
    crumb_tail,
    dash_credited,
    echoes_header,
    fields_line,
    in_menu,
    introduces,
    lower_label,
    media_marked,
    name_list,
    opening_month,
    organisation_name,
    poll_options,
    repeats_words,
    repetition,
    rubric_line,
    said_again,
    section_trail,
    shape_ok,
    short_entry,
    slug_line_below,
    standfirst_under,
    starts_small,
    tag_line,
    teaser_over_headline,
    trail_ends_in,
    wrapped_label,
    wrapped_organisation,
)
from generator.ingest.clean.dates import CLOCK, OPENING_DATE, opening_date_end
from generator.ingest.clean.lead import opening_salutation
from generator.ingest.clean.lines import SEPARATORS, byline, classify, name_line
from generator.ingest.clean.rules import (
    HEADLINE_MAX_WORDS,
    HEADLINE_MIN_SCORE,
    STANDFIRST_OVERLAP,
    CleanRules,
)
from generator.ingest.clean.slug import holds_slug, says_slug, slug_words_in
from generator.ingest.clean.stamps import (
    LIST_HEADING_WORDS,
    around_stamp,
    same_day_items,
    stamp_and_credit,
    stamped_items,
    stamped_list,
)
from generator.ingest.clean.text import (
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
from generator.ingest.clean.timestamps import is_timestamp, published_label

# a surname and its initials, a trail's item or an author's name ("- Нұртлеу М.Ә."): no
# sentence, though it ends in a full stop
SLUGGED_LEAD_HEAD_WORDS = 8  # a headline over a lead the URL's slug says: this long at least
NAME_WITH_INITIALS = re.compile(rf"^\W{{0,2}}\s*[{UPPER}][\w’'-]+\s+(?:[{UPPER}]\.\s?){{1,2}}$")
OVER_TEXT_LINES = 6  # a short headline in capitals: the text starts within these lines
HEADLINE_CANDIDATES = 8  # lines of 3+ words above the article looked at for its headline
HEADLINE_SCAN_LINES = 80  # ... among at most this many lines of 3+ words
MENU_SCAN_LINES = 240  # ... and this many lines in all (menus of short items included)
OVERLAP_WEIGHT = 1.5  # a headline's words recur in the article ...
POSITION_PENALTY = 0.3  # ... but so do a standfirst's: the first headline-long line wins ties
MENU_ABBREVIATION_WORDS = 4  # a menu's items, the last cut short: this many words at most
_LIST_HEADINGS = frozenset({"read_also", "ticker"})  # a list's heading: other stories below
CONTACT_MAX_WORDS = 25  # a contact line is short (not "7 августа@Gazeta.Ru#…" and its article)
_DATED_CAPTION = re.compile(r"\w,\s*[0-3]?\d\.[01]\d\.(?:19|20)\d{2}\s*$")  # "…, 29.06.2025"
# the place after a full date and a dash, alone on the line ("1 December 2025 – Sault Ste.
# Marie, ON", a press release's dateline): capitalised words, a state's or province's code
_PLACE_AFTER_DATE = re.compile(
    rf"\s*[–—-]\s+[{UPPER}][^\W\d_]*\.?(?:,?\s+[{UPPER}][^\W\d_]*\.?){{0,4}}\s*[–—:-]?\s*$"
)
# an image's file name under it ("… Minister for Government Services Bill Shorten.JPG")
_IMAGE_FILE = re.compile(r"\S\.(?:jpe?g|png|gif|webp|tiff?|heic)\s*$", re.IGNORECASE)


def is_masthead(lines: list[str], kinds: list[str | None], i: int, rules: CleanRules) -> bool:
    """A one- or two-word line above the headline: site name or section label (never one
    ending in a comma: "Россия," / "Греция и Болгария подписали …", a lead hard-wrapped).
    The stamp and byline under it are no headline: "Жатва" / "10:38 30 сентября 2021" /
    "Лидия КЛЮЕВА" / … / the text is a one-word headline."""
    if word_count(lines[i]) > 2 or ends_sentence(lines[i]) or lines[i].rstrip().endswith(","):
        return False
    following = [j for j in range(i + 1, min(i + 8, len(lines))) if kinds[j] != "blank"]
    if following and classify(lines[following[0]], rules) == "timestamp":
        following = [j for j in following[1:] if byline(lines[j], rules) is None]
    following = following[:4]
    for n, j in enumerate(following):
        if word_count(lines[j]) >= 3:
            # ... when a real headline follows: no full stop, not wrapped onto the next line.
            wrapped = dangling(lines[j]) or (
                n + 1 < len(following) and lines[following[n + 1]][:1].islower()
            )
            return not ends_sentence(lines[j]) and not wrapped
    return False


def over_text(lines: list[str], i: int, rules: CleanRules) -> bool:
    """Is line ``i`` right over the article's text: the next line with anything on it,
    past stamps, counters and the line said again, is a paragraph ("МҰНАЙШЫ ЖАЗБАЛАРЫ" /
    "Ардагер геолог-барлаушы … естеліктер …", "ЭКСТРЕННАЯ ИНФОРМАЦИЯ" / "24.06.2022" /
    "25-29 июня текущего года …"), not another headline (a rubric's)?"""
    key = comparison_key(lines[i])
    if re.search(r"\d", lines[i]):
        return False  # a school's or a unit's name ("№15 ЖОББМ")
    filled = (line.strip() for line in lines[i + 1 :] if line.strip())  # (runs of blank
    for line in itertools.islice(filled, OVER_TEXT_LINES - 1):  # lines do not count)
        if not re.search(r"[^\W\d_]", line) or comparison_key(line) == key:
            continue  # blank, "0", the line said twice
        kind = classify(line, rules)
        if kind == "timestamp":
            continue
        return kind is None and body_line(line, rules)  # (not over a picture's caption:
        # "ВОЛНЕНИЯ В КАЗАХСТАНЕ" / "ALMATY, KAZAKHSTAN - JANUARY 5, 2022: A burnt car …")
    return False


STANDFIRST_SENTENCE_WORDS = 7  # a full sentence before a full stop inside a line
# a full stop inside a line, after a word of two letters or more ("протести. Що"; a
# headline may ask or exclaim first: "Юрта, ты просто космос! Омичей пригласили …")
_INNER_STOP = re.compile(rf"[^\W\d_]{{2}}\.\s+[{UPPER}]")


def _headline_score(line: str, position: int, body_stems: set[str], rules: CleanRules) -> float:
    """Evidence that a line above the article is its headline: length, sentence shape,
    repetition of its words in the article, position; lists of names and UI lines lose."""
    n = sum(bool(re.search(r"\w", w)) for w in line.split())  # (not a dash: "— о ЧП …")
    score = 1.0 if 5 <= n <= 16 else 0.6 if 17 <= n <= 25 else 0.3 if n >= 3 else -1.0
    end = bare_end(line)
    if end.endswith((",", ":", ";", "|", ">")):
        score -= 1.5
    elif end.endswith("."):
        score -= 0.5
    stems = word_stems(line)
    if stems:
        score += OVERLAP_WEIGHT * len(stems & body_stems) / len(stems)
    if repeats_words(line):
        score -= 1.0  # words said twice: a tag list, not a headline
    if name_list(line):
        score -= 1.0  # names and places only: tags
    score -= 0.5 * line.count("°")  # a weather box
    if OPENING_DATE.match(line):
        score -= 1.0  # a record opening with its date: a lead or a sidebar item
    if YEAR_CAPTION.search(line):
        score -= 1.5  # "Author. Title. 1872": the caption of a picture, dated
    if starts_small(line):
        score -= 1.0  # a name's post, a phrase run on from the line above
    if media_marked(line, rules):
        score += 1.0  # "… на Буковині перекрили міжнародну трасу (фото)": a headline's mark
    stop = _INNER_STOP.search(line)
    if stop and word_count(line[: stop.start()]) >= STANDFIRST_SENTENCE_WORDS:
        score -= 0.5  # two sentences: a standfirst ("Вже декілька днів у Казахстані тривають
        # масові протести. Що про …"), not a kicker before the headline ("Плюс золото та дві
        # бронзи. Коляденко виграла фінал ЧЄ-2024 з боротьби")
    return score - POSITION_PENALTY * position


OTHER_SCRIPT_MIN_LETTERS = 4  # letters of another script that make a line no headline
# scripts no page of the digest's languages is written in (Kazakh's Arabic script is one)
_OTHER_SCRIPT = re.compile(r"[\u0530-\u058f\u10a0-\u10ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


def _other_script(line: str) -> bool:
    """Is a quarter of the line's letters, four at least, in a script none of the digest's
    languages use (Armenian, Georgian, Chinese, Japanese, Korean)?"""
    letters = sum(ch.isalpha() for ch in line)
    other = len(_OTHER_SCRIPT.findall(line))
    return other >= OTHER_SCRIPT_MIN_LETTERS and 4 * other >= letters


HEADLINE_OVER_PICTURE_WORDS = 12  # a headline over its picture's credit is this short


def _headline_over_picture(lines: list[str], i: int, candidates: list[int]) -> bool:
    """Is line ``i``, over a picture's credit, the page's first line of text and of a
    headline's shape (short, no full stop): the headline over its picture ("Белоруссия
    направила в Казахстан миротворческую роту ВДВ" / "- © Министерство обороны …"), not
    a caption under it?"""
    return (
        not candidates
        and not any(line.strip() for line in lines[:i])
        and word_count(lines[i]) <= HEADLINE_OVER_PICTURE_WORDS
        and not bare_end(lines[i]).endswith(".")
    )


def _said_only_as_sentences(lines: list[str], below: list[int], keys: list[str]) -> set[str]:
    """The keys of the lines ``below`` (``keys`` theirs) whose every copy there ends in a
    full stop: sentences of the text. A line above said again only so is a standfirst the
    article repeats ("Учасники мирного мітингу … Україною" / … / "Учасники мирного мітингу …
    Україною."), not the headline said again."""
    full: dict[str, bool] = {}
    for j, key in zip(below, keys, strict=True):
        full[key] = full.get(key, True) and bare_end(lines[j]).endswith(".")
    return {key for key, stop in full.items() if stop}


_DASHED = re.compile(rf"^[-–—]\s+(?=[{UPPER}])")
DECK_MIN_WORDS = 5  # a deck after a dash under the headline: this long at least (not a
# name: "- Cemre Sanlav")


def _dashed_deck(lines: list[str], i: int, candidates: list[int]) -> bool:
    """Is line ``i`` a headline's deck, a dash before it, right under the headline ("Power
    back on track, says Vanterpool" / "- Two engines that were broken down, are now fixed")?"""
    if not candidates or not _DASHED.match(lines[i]) or word_count(lines[i]) < DECK_MIN_WORDS:
        return False
    above = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
    head = lines[candidates[-1]]
    return above == candidates[-1] and word_count(head) >= 3 and not ends_sentence(head)


def choose_headline(
    lines: list[str],
    kinds: list[str | None],
    rules: CleanRules,
    start: int,
    slug: frozenset[str] = frozenset(),
) -> tuple[int | None, list[int], int]:
    """The index of the headline among the text lines from ``start`` to the first line of
    article text, by ``_headline_score``; ``None`` when no line there is a headline. Also
    the candidate lines and the index of the first line of article text."""
    candidates: list[int] = []
    menu: set[int] = set()
    end = len(lines)
    scanned = 0  # lines of 3+ words: a long menu of short items does not use up the window
    heading = None  # a list's heading under a headline-long line
    listed = stamped_items(lines, start, min(len(lines), start + MENU_SCAN_LINES), rules)
    listed |= {
        item for item, _stamp in same_day_items(lines, start, start + MENU_SCAN_LINES, rules)
    }
    for i in range(start, min(len(lines), start + MENU_SCAN_LINES)):
        if scanned >= HEADLINE_SCAN_LINES:
            break
        scanned += word_count(lines[i]) >= 3
        kind = kinds[i] or classify(lines[i], rules)
        if (
            heading is None
            and kind in _LIST_HEADINGS
            and word_count(lines[i]) <= LIST_HEADING_WORDS
            and any(word_count(lines[j]) >= 3 for j in candidates)
        ):
            heading = i  # "Більше новин" under the headline: other stories' headlines follow
        if kind == "key_points" and any(word_count(lines[j]) >= 3 for j in candidates):
            end = i  # "Summary:" under the headline: the article's points, then its text
            break
        if kind in ("breadcrumb", "navigation") and kinds[i] is None:
            numbered_trail(lines, kinds, i)  # "1. Главная" / "2. Общество" / "3. <the
            # headline>" under a list of other stories: the trail's items, no headlines
        if kind or byline(lines[i], rules):
            continue
        if _other_script(lines[i]):
            kinds[i] = "other_script"  # "ՔԱՂԱՔԱԿԱՆՈՒԹՅՈՒՆ ՀԱՍԱՐԱԿՈՒԹՅՈՒՆ …" (a menu in Armenian
            continue  # over a Russian report), "采访:阿拉木图(Almaty)…" (a translation's link)
        if _name_over_role(lines, i, rules):
            kinds[i] = "byline"  # "Роман Перевощиков" / "журналист": the author, not a headline
            continue
        if _hashtag_run(lines, i):
            kinds[i] = "tags"  # "#Сарапул" / "#Удмуртия" / "#МЧС Удмуртии": a tag a line
            continue
        if i in listed or _clock_list(lines, i):
            kinds[i] = "ticker"  # "18:00 | 04 декабря" / item / "17:00 | 04 декабря" / item …,
            continue  # or a feed of items each after its clock ("15:00 Любители косплея …")
        hello = opening_salutation(lines[i], rules)
        if hello and not lines[i][hello.end() :].strip() and not said_again(lines, i):
            continue  # "Уважаемые читатели!" alone: a letter's start, no headline (a headline
            # around its stamp is said twice: "Құрметті … ! Аудан тұрғындары")
        if (
            (tag_line(lines[i]) or lower_label(lines, i, rules))
            and not trail_ends_in(lines, i)
            and not (says_slug(lines[i], slug) and not _slug_held_below(lines, i, slug))
        ):  # (a headline set in small letters: "назва «Іршавський район» – залишилась
            # тільки… книга-фотоальбом", the slug says it; not a tag over the headline that
            # holds the whole slug: "fuel shortages in Addis Ababa" / "Addis Ababa Struggles
            # with Fuel Shortages" at …/addis-ababa-struggles-with-fuel-shortages/)
            kinds[i] = "tags"  # a tag list above the headline (which a full stop may end)
            continue
        if dash_credited(lines[i], rules):
            kinds[i] = "caption"  # "... close to the border with Kyrgyzstan.—AFP"
            continue
        dated = opening_date_end(lines[i], rules)
        if dated and _PLACE_AFTER_DATE.fullmatch(lines[i], dated):
            kinds[i] = "timestamp"  # "1 December 2025 – Sault Ste. Marie, ON": a release's
            continue  # date and place over its text, no headline
        if _DATED_CAPTION.search(lines[i]) or _IMAGE_FILE.search(lines[i]):
            kinds[i] = "caption"  # "Очередь из машин на пункте пропуска в Орске, 29.06.2025":
            continue  # a photo's caption with the day it was taken, or its file's name
        if credit_after(lines[i], rules) or (
            credited_below(lines, i, rules) and not _headline_over_picture(lines, i, candidates)
        ):
            kinds[i] = "caption"  # "Пожежа у Туапсе. Фото: російські ЗМІ"
            continue
        if _photo_slug(lines, i, rules):
            kinds[i] = "caption"  # "APTOPIX Russia Ukraine War" over a wire photo's caption
            continue
        if _photographer(lines, kinds, i, rules):
            kinds[i] = "photo_credit"  # "… (AP Photo/Bernat Armangue)" / "Bernat Armangue"
            continue
        if (
            rubric_line(lines[i])
            and not says_slug(lines[i], slug)  # (the address says a short headline in capitals)
            and not over_text(lines, i, rules)  # (nor is one right over the text)
        ):
            kinds[i] = "rubric"  # "ВОЛНЕНИЯ В КАЗАХСТАНЕ": a story label
            continue
        if (
            organisation_name(lines[i], rules, head_last=True)  # (Kazakh puts the head noun
            or wrapped_organisation(lines, i, rules)  # last: "… Дін істері жөніндегі басқармасы")
        ) and not says_slug(lines[i], slug):
            kinds[i] = "organisation"  # "Министерство обороны России": an owner or a credit
            continue
        if _abbreviated_menu(lines[i], rules):
            kinds[i] = "navigation"  # "Новости Нефтегазовая пром.": a menu, its last item cut
            continue
        if section_trail(lines[i], rules):
            kinds[i] = "breadcrumb"  # "Новости » Политика": the site's sections
            continue
        if calendar_only(lines[i], rules):
            kinds[i] = "widget"  # "- Mon Nov 2024": a header's calendar box
            continue
        if fields_line(lines[i]):
            kinds[i] = "fields"  # "Publication: Monitor Volume: 4 Issue: 230": a record's fields
            continue
        if _CONTACT.search(lines[i]) and word_count(lines[i]) <= CONTACT_MAX_WORDS:
            kinds[i] = "contact"  # "Миялы ауылы, Қ.Сәтбаев көшесі, №17 үй. … mialy44@mail.ru"
            continue
        if stamp_and_credit(lines[i], rules):
            kinds[i] = "timestamp"  # "6 января 2022, 10:55 — Общественная служба новостей — ОСН"
            continue
        if stamped_list(lines[i], rules):
            kinds[i] = "ticker"  # "6 сентября 2025, 16:00: В августе … 6 сентября 2025, 15:15: …"
            continue
        if caption_twice(lines, i, rules):
            kinds[i] = kinds[i + 1] = "caption"  # a photo's caption printed twice over the
            continue  # headline ("Protesters are being held up at … City Hall." ×2)
        if options := poll_options(lines, i):
            for j in (i, *options):
                kinds[j] = "widget"  # "Карагандинцы, заметили ли вы …?" / "• Конечно …(145)"
            continue
        if teaser_over_headline(lines, i, candidates, rules) and not says_slug(lines[i], slug):
            kinds[i] = "teaser"  # "Now you can see non-English news...", a pull quote (not
            # the headline in quotes the URL's slug says: "«Семипалатинский полигон – …»")
            continue
        if _dashed_deck(lines, i, candidates):
            end = i  # "Shutdown to protest extortion" / "- East Dimapur stays closed for a
            break  # day, …": the headline's deck after a dash opens the text
        if (
            body_line(lines[i], rules)
            or (continues_next(lines, i, rules) and not wrapped_label(lines, i))
            or (dangling(lines[i]) and word_count(lines[i]) >= 5)
            # (a headline the URL's slug says may end in a full stop: "Terrorists attacked
            # Moscow. Now Russia’s migrants are feeling the backlash.")
            or (
                ends_sentence(lines[i])
                and bare_end(lines[i]).endswith(".")
                and not says_slug(lines[i], slug)
                and not NAME_WITH_INITIALS.match(lines[i])  # "- Нұртлеу М.Ә." (a crumb)
                and not _capitals_headline(lines[i])  # "… НАЧНУТ МЫСЛИТЬ НАДНАЦИОНАЛЬНО?.."
                and not YEAR_IN_BRACKETS.search(lines[i])  # "… (на 03 августа 2022 г.)"
                and not ABBREVIATION_END.search(lines[i])  # "… gas prices in the U.S."
            )
            or introduces(lines[i])
            or sum(word_count(lines[j]) >= 3 for j in candidates if j not in menu)
            >= HEADLINE_CANDIDATES
        ):
            end = i
            break
        candidates.append(i)  # (menu items of one or two words do not fill the window)
        if in_menu(lines, kinds, i, rules):
            menu.add(i)  # "Kazakhstan's Bloody January 2022" among a menu's items
    if heading is not None:  # the lines under a list's heading are its items, not headlines
        for j in candidates:
            if j > heading:
                kinds[j] = "ticker"
        candidates = [j for j in candidates if j < heading]
    if slug and not any(
        says_slug(lines[i], slug) or holds_slug(lines[i], slug) for i in candidates
    ):
        below = slug_line_below(lines, kinds, rules, end, slug)
        if below is not None:  # the page's headline under a teaser or notice that ended
            for j in range(end, below):  # the header early: the URL's slug names it (a
                if kinds[j] is None and short_entry(lines[j]):  # menu's items above it are
                    kinds[j] = "pre_title"  # no text: "• Reports" / "• Chronicle of …")
            return below, candidates, end
    if not candidates:
        if _over_own_lead(lines, rules, end):  # a headline as long as a sentence
            return end, candidates, end + 1
        return stamped_twice_below(lines, kinds, rules, end), candidates, end
    body = "\n".join(lines[j] for j in range(end, min(len(lines), end + 40)) if kinds[j] is None)
    body_stems = word_stems(body[:4000])
    keys = [comparison_key(lines[i]) for i in candidates]
    # position: how many headline-long lines come before (menus of short items do not count)
    before = [
        sum(word_count(lines[j]) >= 5 and j not in menu for j in candidates[:k])
        for k in range(len(candidates))
    ]
    below = [j for j in range(end, min(len(lines), end + 60)) if lines[j].strip()]
    later = [comparison_key(lines[j]) for j in below]
    as_sentence = _said_only_as_sentences(lines, below, later)
    own = [i for i in candidates if _over_own_lead(lines, rules, i)]
    if own:  # a headline as long as a sentence over its stamp and a lead saying it again
        return own[0], candidates, end
    over = over_own_dateline(lines, kinds, candidates, end, rules)
    if over is not None:  # the line right over the page's own dated dateline
        return over, candidates, end
    echoed = [
        i
        for i in candidates
        if echoes_header(lines[i], lines[:i], rules.section_keys)
        and not _trail_section(lines, i)
        and not _fuller_above(lines, candidates, i, slug)
    ]
    slugged = [i for i in candidates if i not in menu and says_slug(lines[i], slug)]
    # (of two versions of one headline, the one that says the whole slug: "Hospitals fall
    # victim to severe shortages" / "… severe shortage of medicines" at …/hospitals-fall-
    # victim-to-severe-shortage-of-medicines; not a translation below it)
    if slugged and not holds_slug(lines[slugged[0]], slug):
        opening = lines[slugged[0]].split()[:FULLER_OPENING_WORDS]
        fuller = [
            i
            for i in slugged[1:]
            if holds_slug(lines[i], slug) and lines[i].split()[:FULLER_OPENING_WORDS] == opening
        ]
        slugged = fuller[:1] + [i for i in slugged if i not in fuller[:1]]
    if echoed and not (slugged and not slug_words_in(lines[echoed[0]], slug)):  # the page's
        return echoed[0], candidates, end  # title line said again on its own: the headline
        # (not a menu's "Программа телепередач Войти" / "Программа телепередач", none of
        # whose words the URL's slug has, over the line the slug says)
    if slugged:  # the line the URL's slug says: the headline (over a longer standfirst)
        return _over_slugged_lead(lines, candidates, menu, slugged[0]), candidates, end
    stamped_twice = [  # the headline / "20 серп. 2025" / the headline: said around its stamp
        i
        for k, i in enumerate(candidates)
        if word_count(lines[i]) >= 3
        and around_stamp(lines, candidates, keys, k, rules, in_a_row=False)
    ]
    if stamped_twice:  # (over an institution's name as the page's header)
        return stamped_twice[0], candidates, end
    repeated = [
        repetition(keys[k], later)
        if keys[k] not in as_sentence or bare_end(lines[i]).endswith(".")
        else 0.0
        for k, i in enumerate(candidates)
    ]
    repeated = [  # said again under the standfirst, the headline's words opening the lead
        max(r, 0.0) if _around_standfirst(keys, k) else r  # are no standfirst copied from
        for k, r in enumerate(repeated)  # it ("Узбекистан приостановил …" / "Ограничения
    ]  # вводятся с 1 февраля" / "Узбекистан приостановил …" / "Узбекистан … с 1 февраля.")
    scored = [
        (
            _headline_score(lines[i], before[k], body_stems, rules)
            # a line said twice above the text is a caption (not a headline said again
            # around its stamp: headline / "Неділя, 9 січня 2022, 18:37" / headline)
            - (
                keys.count(keys[k]) > 1
                and not around_stamp(lines, candidates, keys, k, rules)
                and not _around_standfirst(keys, k)
            )
            + repeated[k]
            - 1.5 * credited_caption(lines[i], rules)
            - opening_month(lines[i], rules)
            - (i in menu),
            i,
        )
        for k, i in enumerate(candidates)
    ]
    best, index = max(scored, key=lambda item: (item[0], -item[1]))
    if best >= HEADLINE_MIN_SCORE:
        k = candidates.index(index)
        if (
            k > 0
            and repeated[k] <= 0  # (said again whole below: the headline,
            # not a standfirst under a section's name: "Senate of the Philippines")
            and standfirst_under(
                lines, kinds, rules, candidates[k - 1], index, scored[k - 1][0], body_stems
            )
        ):
            return candidates[k - 1], candidates, end
        return _fuller_version(lines, candidates, keys, index), candidates, end
    stamped = over_published_stamp(lines, kinds, rules, end)
    if stamped is not None:  # no line above stands out, but one over the page's labelled
        return stamped, candidates, end  # stamp does, below a blurb that ended the header
    # No line stands out: the first line of a headline's shape, as a page usually has it;
    # the first that says the article's words, if one does (not a promo or slogan over a
    # short headline: "Самые важные новости — в нашем Telegram" / "Токаев принял …").
    words = {i: word_count(LIST_BULLET.sub("", lines[i], count=1)) for i in candidates}
    shaped = [i for i in candidates if shape_ok(lines[i]) and words[i] >= 2 and i not in menu]
    longer = [i for i in shaped if words[i] >= 3]  # not a two-word menu item ("• Қаз")
    saying = [i for i in longer if overlap(lines[i], body_stems) >= STANDFIRST_OVERLAP]
    return (saying or longer or shaped or [None])[0], candidates, end


FULLER_OPENING_WORDS = 3  # two versions of one headline open with the same words
SECTION_CAPS_WORDS = 5  # a section's name said again in capitals is this short


SLUG_BELOW_LINES = 2  # the lines of text under a tag where the headline holding the slug is


def _slug_held_below(lines: list[str], i: int, slug: frozenset[str]) -> bool:
    """Does one of the next lines of text hold the whole slug (``holds_slug``)?"""
    below = [j for j in range(i + 1, len(lines)) if lines[j].strip()][:SLUG_BELOW_LINES]
    return any(holds_slug(lines[j], slug) for j in below)


def _around_standfirst(keys: list[str], k: int) -> bool:
    """Is candidate ``k`` said again right under the next one: headline / standfirst /
    headline, the second time as its picture's caption over the photo credit ("В Липецкой
    области ураган повалил 30 деревьев …" / "Местами ветер …" / the headline again)?"""
    return (
        k + 2 < len(keys)
        and keys.count(keys[k]) == 2
        and keys[k + 2] == keys[k]
        and keys[k + 1] != keys[k]
    )


def _trail_section(lines: list[str], i: int) -> bool:
    """Is line ``i`` the last section of a breadcrumb trail above, said again in capitals
    ("Дніпро » Новини міста і регіону" / … / "НОВИНИ МІСТА І РЕГІОНУ"): a rubric, not the
    page's headline said again?"""
    if not all_caps(lines[i]) or word_count(lines[i]) > SECTION_CAPS_WORDS:
        return False
    key = comparison_key(lines[i])
    return any(
        SEPARATORS.search(line) and comparison_key(crumb_tail(line)) == key for line in lines[:i]
    )


def _abbreviated_menu(line: str, rules: CleanRules) -> bool:
    """A short line of capitalised menu items, the first a navigation item, the last cut to
    an abbreviation ("Новости Нефтегазовая пром."): no sentence (not "Only VPN helps.")."""
    words = line.split()
    return (
        2 <= len(words) <= MENU_ABBREVIATION_WORDS
        and comparison_key(words[0]) in rules.navigation
        and all(w[0].isupper() for w in words[:-1])
        and re.fullmatch(r"[^\W\d_]{2,5}\.", words[-1]) is not None
        and words[-1][0].islower()
    )


def _capitals_headline(line: str) -> bool:
    """A headline set in capitals, of a headline's length: a stop or an ellipsis at its
    end does not make it the text's first sentence."""
    return all_caps(line) and 3 <= word_count(line) <= HEADLINE_MAX_WORDS


TWICE_BELOW_LINES = 8  # a headline said around its stamp, among this many lines under a notice


PHOTO_SLUG_MAX_WORDS = 4


def _photo_slug(lines: list[str], i: int, rules: CleanRules) -> bool:
    """Is line ``i`` a wire photo's slug over its caption: a few capitalised words, no
    function word ("Russia Ukraine War", "APTOPIX Russia Ukraine War"), right over a
    caption that ends in its credit or has it on the next line ("… (AP Photo/Bernat
    Armangue)"; "… Monday, Nov. 21, 2022." / "LIBKOS/AP PHOTO")?"""
    words = lines[i].split()
    if not 2 <= len(words) <= PHOTO_SLUG_MAX_WORDS or not all(w[:1].isupper() for w in words):
        return False
    if re.search(r"\d", lines[i]) or ends_sentence(lines[i]):
        return False
    below = [line for line in lines[i + 1 : i + 6] if line.strip()][:2]
    if not below:
        return False
    if classify(below[0], rules) == "caption":
        return True
    return len(below) == 2 and agency_photo_credit(below[1].strip(), rules)


def _photographer(lines: list[str], kinds: list[str | None], i: int, rules: CleanRules) -> bool:
    """Is line ``i`` a name alone right under a picture's caption whose credit names it: its
    photographer ("… (AP Photo/Bernat Armangue)" / "Bernat Armangue")?"""
    above = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
    name = lines[i].strip()
    return (
        above is not None
        and name.casefold() in lines[above].casefold()
        and (kinds[above] == "caption" or classify(lines[above], rules) == "caption")
        and name_line(name, rules) is not None
    )


OWN_LEAD_MIN_WORDS = 5


def _over_own_lead(lines: list[str], rules: CleanRules, i: int) -> bool:
    """Is line ``i`` (a candidate, or the line that ended the header) a headline as long
    as a sentence, over the page's stamp and a lead that opens with its words ("В
    преддверии 80-летия Победы … посетили выставку-встречу «Семейные реликвии Великой
    Победы»" / "2 мая 2025, 13:14" / "В преддверии 80-летия Победы … Экскурсию …")?"""
    if i >= len(lines) or word_count(lines[i]) < OWN_LEAD_MIN_WORDS or ends_sentence(lines[i]):
        return False  # (cheap checks first: this runs for every candidate)
    filled = list(itertools.islice((j for j in range(i, len(lines)) if lines[j].strip()), 3))
    return (
        len(filled) == 3
        and filled[0] == i
        and is_timestamp(lines[filled[1]], rules)
        and comparison_key(lines[filled[2]]).startswith(comparison_key(lines[i]))
    )


TWICE_CREDIT_WORDS = 3  # a credit between the paragraph and the headline said twice


def stamped_twice_below(
    lines: list[str], kinds: list[str | None], rules: CleanRules, end: int
) -> int | None:
    """No headline over the first paragraph, but a line said twice around the page's stamp
    right under it (nothing else between but stamps and one- or two-word controls): the
    headline, the paragraph over it a site's notice or ad ("Зверніть увагу: цей сайт стає
    архівним …" / "Хочеш вижити — копай" / "20 Червня 2023" / "Хочеш вижити — копай";
    "… Co., Ltd." / "Russian fertilizer ships … sanctionsqrcode" / "Apr. 26, 2022" /
    "Favorites Print" / "Apr. 26, 2022" / "Russian fertilizer ships …"). The clean copy is
    the headline when the first has a button's word glued on."""
    filled = [j for j in range(end + 1, len(lines)) if lines[j].strip()][:TWICE_BELOW_LINES]
    for n, a in enumerate(filled):
        first = comparison_key(lines[a])
        if not 3 <= word_count(lines[a]) <= HEADLINE_MAX_WORDS or ends_sentence(lines[a]):
            continue
        stamped = False
        for c in filled[n + 1 :]:
            again = comparison_key(lines[c])
            said = again == first or (word_count(lines[c]) >= 3 and first.startswith(again))
            if (
                not stamped
                and again == first
                and c == filled[n + 1]
                and all(word_count(lines[j]) <= TWICE_CREDIT_WORDS for j in filled[:n])
            ):  # said twice in a row under a standfirst and a credit ("Summary" / "The
                for j in filled[:n]:  # Motorists Association … tax on petroleum
                    kinds[j] = "pre_title"  # products." / "More by Correspondent" / the
                return a  # headline ×2): the standfirst stays text
            if stamped and again and said:  # (not a control's word the headline opens with)
                for j in range(end, a):
                    if kinds[j] is None and lines[j].strip():
                        kinds[j] = "notice"
                if again == first:
                    return a
                kinds[a] = "repeated_title"  # (the copy with "qrcode" glued on)
                for j in filled[n + 1 : filled.index(c)]:
                    kinds[j] = "timestamp" if is_timestamp(lines[j], rules) else "widget"
                return c
            if is_timestamp(lines[c], rules):
                stamped = True
            elif word_count(lines[c]) > 2:
                break
    return None


STAMP_BELOW_LINES = 8  # the headline over its labelled stamp, among this many lines


def over_published_stamp(
    lines: list[str], kinds: list[str | None], rules: CleanRules, end: int
) -> int | None:
    """A line of a headline's shape right over the page's labelled stamp, a few lines under
    a site's blurb that ended the header ("Международный ежемесячник – одна из …" / …
    "Ужасный случай для правительства" / "Опубликовано: 30 Июля 2009 08:00"); the lines
    between are the header's."""
    filled = [j for j in range(end, len(lines)) if lines[j].strip()][:STAMP_BELOW_LINES]
    for a, b in itertools.pairwise(filled):
        if (
            3 <= word_count(lines[a]) <= HEADLINE_MAX_WORDS
            and not ends_sentence(lines[a])
            and classify(lines[a], rules) is None
            and is_timestamp(lines[b], rules)
            and published_label(lines[b], rules)
        ):
            for j in range(end, a):
                if kinds[j] is None and lines[j].strip():
                    kinds[j] = "pre_title"
            return a
    return None


FULLER_HEADLINE_WORDS = 4  # a headline said again below with this many more words at most

_NOT_HEADLINE_WORDS = re.compile(r"[|<>]|\s[-–—]\s")  # a site's name or markup after it


def _fuller_version(lines: list[str], candidates: list[int], keys: list[str], index: int) -> int:
    """The headline's fuller version when a later candidate says it again with a few words
    more ("В Нур-Султан прибыл первый рейс" / photo credit / "В Нур-Султан прибыл первый
    рейс "Аэрофлота""): a teaser's cut title over the article's own. Not the page's title
    with the site's name ("… | Русская весна") or markup glued to it."""
    k = candidates.index(index)
    short = keys[k].split()
    for later in range(k + 1, len(candidates)):
        words = keys[later].split()
        if len(short) >= 3 and words[: len(short)] == short:
            if not 0 < len(words) - len(short) <= FULLER_HEADLINE_WORDS:
                continue
            extra = lines[candidates[later]].strip()[len(lines[index].strip()) :]
            if not _NOT_HEADLINE_WORDS.search(extra):
                return candidates[later]
    return index


def wrapped_headline_start(lines: list[str], candidates: list[int], chosen: int) -> int | None:
    """The first line of a headline wrapped after its colon, just above the chosen line:
    "Kazakhstan’s Disturbances:" / "Internal Dynamics and External Dimensions" (2-8 words
    ending in a colon, the chosen line starting with a capital); ``None`` otherwise."""
    j = chosen - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    line = lines[j].strip() if j >= 0 else ""
    if (
        j in candidates
        and line.endswith(":")
        and not line.endswith(" :")
        and 2 <= word_count(line) <= 8
    ):
        return j if lines[chosen].strip()[:1].isupper() else None  # (not a label "Hot word :")
    return None


def _name_over_role(lines: list[str], i: int, rules: CleanRules) -> bool:
    """Is line ``i`` a person's name right over their role ("Роман Перевощиков" /
    "журналист", "John Smith" / "Senior Reporter")?"""
    if name_line(lines[i], rules) is None:
        return False
    below = next((j for j in range(i + 1, min(len(lines), i + 3)) if lines[j].strip()), None)
    return below is not None and classify(lines[below], rules) == "role"


_HASHTAG_LINE = re.compile(rf"^\s*{HASHTAG}(?:\s+[^\W\d_][\w-]*){{0,2}}\s*$")


def _hashtag_run(lines: list[str], i: int) -> bool:
    """Is line ``i`` one of two or more hashtags a line each ("#Сарапул" / "#МЧС Удмуртии")?"""
    if not _HASHTAG_LINE.match(lines[i]):
        return False
    near = [j for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return any(_HASHTAG_LINE.match(lines[j]) for j in near)


CLOCK_ITEM = re.compile(rf"^\s*{CLOCK}\s+[^\W\d_]")
CLOCK_LIST_ITEMS = 3  # a news feed's items, each opening with its clock: this many in a row


def _clock_list(lines: list[str], i: int) -> bool:
    """Is line ``i`` an item of a news feed, each item a line opening with its clock time
    ("15:00 Любители косплея …" / "14:10 Региональный оператор …" / …), three in a row?"""
    if not CLOCK_ITEM.match(lines[i]):
        return False
    filled = [j for j in range(max(0, i - 6), min(len(lines), i + 7)) if lines[j].strip()]
    k = filled.index(i)
    start = end = k
    while start > 0 and CLOCK_ITEM.match(lines[filled[start - 1]]):
        start -= 1
    while end + 1 < len(filled) and CLOCK_ITEM.match(lines[filled[end + 1]]):
        end += 1
    return end - start + 1 >= CLOCK_LIST_ITEMS


def _fuller_above(lines: list[str], candidates: list[int], i: int, slug: frozenset[str]) -> bool:
    """Is line ``i`` the start of a fuller headline above it that the URL's slug says ("The
    Dostyk-Moyinty railroad: a second line, and two routes" / "The Dostyk-Moyinty railroad",
    a subhead or a caption, at …/dostyk-moyinty-railroad-a-second-line-and-two-routes)?"""
    short = " ".join(lines[i].split())
    return bool(short) and any(
        " ".join(lines[j].split()).startswith(short + ":") and says_slug(lines[j], slug)
        for j in candidates
        if j < i
    )  # (not the page's title with the site's name: "Headline - Site" / "Headline")


def _over_slugged_lead(
    lines: list[str], candidates: list[int], menu: set[int], slugged: int
) -> int:
    """``slugged``, the line the URL's slug says, unless it is the lead's sentence right under
    a headline-long line and right over the text: the slug was made from the lead ("Україна з
    однією нагородою закінчила юніорський ЧС з біатлону: медальний залік" / "В шведському
    Естерсунді завершився юніорський чемпіонат світу з біатлону." / text)."""
    k = candidates.index(slugged)
    if k == 0 or slugged != candidates[-1] or not bare_end(lines[slugged]).endswith("."):
        return slugged
    head = candidates[k - 1]
    if (
        head in menu
        or word_count(lines[head]) < SLUGGED_LEAD_HEAD_WORDS
        or ends_sentence(lines[head])
        or any(lines[j].strip() for j in range(head + 1, slugged))
    ):
        return slugged
    return head


_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|(?:тел|tel|phone|факс|fax)\.?\s*:?\s*[+\d(]"
    r"|\+?\d{1,2}[\s-]?\(?\d{3,4}\)?[\s-]\d{2,3}-\d{2}-\d{2,3}\b"  # 8-922-87-26-626
    r"|(?<![\d.,])[08][\s-]?800(?:[\s-]?\d{2,3}){3}\b"  # a hotline: 0 800 50 77 45, 8-800-…
    r"|(?<![\w.,])\+\d{1,3}[\s-]?\(?\d{2,4}\)?(?:[\s-]?\d{2,3}){2,3}\b"  # +7 (727) 250 11 22
    r"|(?<![\d.,:])0\d{2}[\s-]\d{3}[\s-]\d{2}[\s-]\d{2}\b"  # a mobile: 068 377 77 77
)


def over_own_dateline(
    lines: list[str], kinds: list[str | None], candidates: list[int], end: int, rules: CleanRules
) -> int | None:
    """The line right over a lead opening with the page's own dated dateline ("Сиань, 2023
    жылғы 26 сәуір – …", "Astana, November 21, 2022 – …"): the headline, whatever the lines
    above it (an author's post: "ҚР Премьер-Министрінің орынбасары - Сыртқы істер министрі")."""
    if end >= len(lines) or not candidates:
        return None
    above = max(candidates)
    if any(kinds[j] != "blank" and lines[j].strip() for j in range(above + 1, end)):
        return None
    for rx in rules.datelines:
        m = rx.match(lines[end])
        if m and m.groupdict().get("own") is not None and m.groupdict().get("year"):
            line = lines[above]
            if word_count(line) >= 3 and shape_ok(line) and not ends_sentence(line):
                return above
            return None
    return None
