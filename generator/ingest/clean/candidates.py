"""Tests on the lines above the article that the headline search uses: text, captions,
menus, credits, tags, labels and hard-wrapped lines."""

from __future__ import annotations

import re

from generator.ingest.clean.datelines import PLACE_COUNTRY_DAY, dateline_agency_ok
from generator.ingest.clean.dates import OPENING_DATE, find_dates
from generator.ingest.clean.lines import SEPARATORS, byline, classify
from generator.ingest.clean.rules import (
    HEADLINE_MAX_WORDS,
    HEADLINE_MIN_SCORE,
    STANDFIRST_OVERLAP,
    CleanRules,
)
from generator.ingest.clean.slug import says_slug
from generator.ingest.clean.text import (
    CYR,
    UPPER,
    all_caps,
    bare_end,
    comparison_key,
    ends_sentence,
    overlap,
    word_count,
)
from generator.ingest.clean.timestamps import is_timestamp

BROKEN_LEAD_WORDS = 25  # ... and so is a line this long with a sentence break in it
FIELDS_LINE_WORDS = 14  # a line of "Label: value" fields is no longer than this
WRAPPED_LABEL_WORDS = 4  # a slogan broken over lines this short is no hard-wrapped text
MENU_ITEMS_BELOW = 3  # a short line with as many menu items below it is a menu's item
RUBRIC_MAX_WORDS = 3  # a line in capitals of at most this many words is a rubric
INTRO_MIN_WORDS = 6  # a line ending in a colon with as many words introduces a quote or list
BYLINE_HEAD_WORDS = 4  # a byline's first words under a headline: "by Press Release from"
CAPTION_MAX_WORDS = 30  # a caption with its credit is at most this long
SLUG_SCAN_LINES = 12  # text lines under the header searched for the line the slug says
SLUG_SCAN_PARAGRAPHS = 2  # ... past at most this many paragraphs (a teaser's, a notice's)
LIST_BULLET = re.compile(r"^[•·▪►▸◦*]\s*(?=\w|[«\"„“])")  # "• Headline" in a breadcrumb list
LOWER_TAGS_MAX_WORDS = 10  # a line of tags in small letters is at most this long
# a day with its year's abbreviation in brackets, ending the line ("… (на 03 августа 2022 г.)")
YEAR_IN_BRACKETS = re.compile(r"\d{4}\s*(?:г|гг|р|рр|ж)\.\)\s*$")
_SENTENCE_BREAK = re.compile(r"[^\W\d_]{4}[.!?…]\s+[" + UPPER + r"«\"„]")  # not "обл. Актау"
YEAR_CAPTION = re.compile(r"\.\s+(?:1[5-9]|20)\d{2}\W*$")  # "Василий Верещагин. Торжествуют. 1872"
_OPENING_YEAR = re.compile(r"^(?:19|20)\d{2}\s+(\S+)(?:\s+(\S+))?")  # "2022 жылғы қаңтарда ..."
_LATIN_WORD = re.compile(r"\b[a-z]{2,}\b")
_OPENING_DAY = re.compile(r"^\d{1,2}\s+[^\W\d_]+\s+\d{4}\b")  # "29 октября 2023 года - …"

# A lead's closing credit: the outlet that reports it ("… мәлімдеді, — деп хабарлайды
# Dalanews.kz", "…, сообщает ТАСС", "…, передає УНН", "…, Reuters reports").
_REPORTED_BY = re.compile(
    r"[,—–-]\s*(?:(?:деп )?хабарлайды|сообщает|сообщают|передает|передаёт|пишет|информирует"
    r"|повідомляє|передає|пише|інформує|reports|writes)\s+\S+(?:\s+\S+){0,3}\W*$"
    r"|,\s*(?:\S+\s+){0,3}(?:reports|reported|writes)\W*$",
    re.IGNORECASE,
)
# A breadcrumb's arrows left before a headline ("» » Тоқаевтың тапсырмасы: …"): a headline
# never opens with a closing guillemet or an arrow.
CRUMB_ARROWS = re.compile(r"^(?:[»›>→/|]\s*)+(?=[^\W\d_]|[«\"„“])")

SMALL_WORDS = frozenset(
    {
        *("a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with"),
        *("and", "or", "but", "as", "into", "over", "after", "amid", "vs"),
    }
)
# ... and the verbs and pronouns of a sentence: a line in small letters with any of them is
# a wrapped sentence, not a list of tags
_FUNCTION_WORDS = SMALL_WORDS | {
    *("is", "are", "was", "were", "be", "it", "its", "that", "this", "said"),
    *("has", "have", "had", "will", "would", "not", "he", "she", "they", "we", "who"),
}


# a line's last word an abbreviation, its full stop no sentence's end ("… in the U.S.")
ABBREVIATION_END = re.compile(r"(?:\b(?-i:[A-Z])\.){2,}\W*$")


def body_line(line: str, rules: CleanRules) -> bool:
    """A line of article text, not a headline: long, or a finished sentence of some length,
    or opening with an agency dateline."""
    words = word_count(line)
    if words >= HEADLINE_MAX_WORDS or (
        words >= 12
        and bare_end(line).endswith(".")
        and not all_caps(line)  # (a headline in capitals may end in a stop: "… НАДНАЦИОНАЛЬНО?..")
        and not YEAR_IN_BRACKETS.search(line)  # (nor one in a year's abbreviation in brackets:
        # "… в зоне нагорно-карабахского конфликта (на 03 августа 2022 г.)", nor in a
        and not ABBREVIATION_END.search(line)  # country's: "… gas prices in the U.S.")
    ):
        return True
    if words >= BROKEN_LEAD_WORDS and _SENTENCE_BREAK.search(line):
        return True  # a standfirst of sentences, cut off ("… заявил Токаев. По его словам,
        # настало время помочь народу"): no headline runs on past a full stop this long
    if words >= 18 and _SENTENCE_BREAK.search(line) and ends_sentence(line):
        return True  # two sentences and more, finished: a lead (not a page title of a
        # content farm's glued phrases "Массовые беспорядки в Казахстане. Много убитых …
        # Хроника событий Волнения в жанаозене")
    if _SENTENCE_BREAK.search(line) and _REPORTED_BY.search(line):
        return True  # sentences closed by the outlet reporting them: a lead
    for rx in rules.datelines:
        m = rx.match(line)
        if m is None:
            continue
        rest = line[m.end() :]
        # (not "UZS – -0,47%" in a currency box; alone over its lead: "MARTINS FERRY, Ohio
        # (WTRF)", see ``dateline_agency_ok``)
        if dateline_agency_ok(m, rules) and (word_count(rest) >= 3 or not rest.strip()):
            return True
    return bool(PLACE_COUNTRY_DAY.match(line))


_VOTES = re.compile(
    r"(?:\(\s*\d[\d\s]*\)|\d{1,3}(?:[.,]\d+)?\s*%)\W*$"  # "… (145)", "… 38 %"
    r"|^\W*\d{1,3}(?:[.,]\d+)?\s*%\s*(?:\(\s*\d+\s*\))?\s*[-–—]\s"  # "19.4% (13) - Нейтрально"
)


def caption_twice(lines: list[str], i: int, rules: CleanRules) -> bool:
    """A sentence printed twice on consecutive lines at the top: a photo's caption (its alt
    text and its caption), not a headline said again (a headline ends in no full stop, or
    in no photo credit after one: "… only conventional uranium mill … Energy Fuels photo"
    twice), nor the whole text said twice (nothing after it: a one-sentence item printed
    twice)."""
    if i + 1 >= len(lines):
        return False
    first, second = comparison_key(lines[i]), comparison_key(lines[i + 1])
    credit = _PHOTOGRAPHER_AFTER.fullmatch(lines[i + 1][len(lines[i].rstrip()) :])
    return (
        (bare_end(lines[i]).endswith(".") or _credit_tail(lines[i], rules))
        and word_count(lines[i]) >= 4
        # (the second time with the photographer's credit: "… Widener Library." / "…
        # Widener Library. By Julian J. Giordano")
        and (first == second or (lines[i + 1].startswith(lines[i].rstrip()) and bool(credit)))
        and any(line.strip() for line in lines[i + 2 :])
    )


# a photographer's credit after a caption: "By Julian J. Giordano", "Photo: Jane Doe"
_PHOTOGRAPHER_AFTER = re.compile(
    r"\s+(?:by|photo\s*:|photo by)\s+(?-i:[A-Z])[\w.’'-]*(?:\s(?-i:[A-Z])[\w.’'-]*){1,3}\s*",
    re.IGNORECASE,
)


def poll_options(lines: list[str], i: int) -> list[int]:
    """A poll: a question (line ``i``) over two or more answers, each with its count of
    votes ("• Конечно. Уже ощутимо бьёт по карману;(145)"); the answers' lines, else []."""
    if not lines[i].rstrip().endswith("?"):
        return []
    options: list[int] = []
    noted = False  # one line between the question and its answers ("Голосование проводилось …")
    for j in range(i + 1, min(len(lines), i + 12)):
        if not lines[j].strip():
            if options:
                break
            continue
        if not _VOTES.search(lines[j]) or word_count(lines[j]) > 15:
            if options or noted or not re.search(r"\d", lines[j]):
                break
            noted = True
            continue
        options.append(j)
    return options if len(options) >= 2 else []


def said_again(lines: list[str], i: int, within: int = 6) -> bool:
    """Is line ``i`` printed again within a few lines (a headline around its stamp)?"""
    key = comparison_key(lines[i])
    near = (*lines[max(0, i - within) : i], *lines[i + 1 : i + 1 + within])
    return any(comparison_key(line) == key for line in near)


def lower_label(lines: list[str], i: int, rules: CleanRules) -> bool:
    """A short line opening with a small letter ("war crimes in Ukraine" over a page's blurb
    and headline): a tag, a section or a promo's line, never a headline (none of the 902
    labelled headlines of the tuning splits opens so; "iPhone …", "eGov …" do not count,
    nor a name some outlets write small: "російська нафта накопичується в морі")."""
    line, above = lines[i], lines[i - 1].strip() if i > 0 else ""
    return (
        line[:1].islower()
        and not line[1:2].isupper()
        and not line.casefold().startswith(rules.small_names)
        and word_count(line) <= 8
        # on its own: not the second line of a wrapped headline (a promo's wrapped lines
        # in small letters are no headline either: "в Москву, приглашаются" / "волонтеры …")
        and (not above or above[:1].islower() or ends_sentence(above))
    )


CUT_TEASER_MAX_WORDS = 60  # a teaser cut off is a sentence or two; a longer paragraph ...
_INNER_SENTENCE_END = re.compile(rf"[.!?]\s+[{UPPER}«\"„]")  # ... of whole sentences is text
_QUOTED_LINE = re.compile(r'^\s*["«“„][^"«»“”„]{3,}["»”]\s*$')


PULL_QUOTE_MAX_WORDS = 40  # a pull quote the text says again: this long at most ...
PULL_QUOTE_HEADLINE_WORDS = 16  # ... over a headline this long at most


def _quoted_again(lines: list[str], i: int) -> bool:
    """Is the quotation on line ``i`` (at most ``PULL_QUOTE_MAX_WORDS`` words) said again
    inside a later line: a pull quote over the headline ("\"We came by airplane from
    Warsaw. …\"" over "2 Ukrainian refugees arrive in Philadelphia; …", the quote in the
    text below)?"""
    inner = comparison_key(lines[i].strip().strip('"«»“”„'))
    if word_count(lines[i]) > PULL_QUOTE_MAX_WORDS or len(inner) < 20:
        return False
    return any(inner in comparison_key(line) for line in lines[i + 1 :])


def teaser_over_headline(
    lines: list[str], i: int, candidates: list[int], rules: CleanRules
) -> bool:
    """A line at the top that ends like a sentence but is a teaser or a pull quote: it
    trails off ("Now you can see non-English news...", a breadcrumb trail glued to a cut
    headline "Домой Новости … с миротворцами на...") or is a short quotation ("\"Want to
    study in Russia? Learn the language.\""), no headline-long line is above it, and a
    headline-shaped line (no full stop, not debris) follows. (A headline with a full stop
    is neither: the lead fallback keeps it.)"""
    line = lines[i].strip()
    trails = line.endswith(("...", "…"))  # (a cut teaser of any length: "Домой Новости … на...",
    if (
        trails
        and word_count(line) > CUT_TEASER_MAX_WORDS
        and len(_INNER_SENTENCE_END.findall(line)) >= 2
    ):  # but not a paragraph of sentences that trails off after its last one: "… час
        return False  # людству схаменутися, роззброюватися …»…", an author's dots)
    quoted = _QUOTED_LINE.match(line) is not None
    pull = quoted and word_count(line) > 12 and _quoted_again(lines, i)
    if not (trails or (quoted and word_count(line) <= 12) or pull):
        return False
    if any(word_count(lines[j]) >= 5 for j in candidates):
        return False
    following = next((x for x in lines[i + 1 : i + 4] if x.strip()), None)
    # (under a long pull quote, a headline of a headline's usual length, not a lead cut
    # off: "Leader of Opposition, V. D. Satheesan has urged … stuck in strife-torn")
    longest = PULL_QUOTE_HEADLINE_WORDS if pull else HEADLINE_MAX_WORDS
    return (
        following is not None
        and 4 <= word_count(following) <= longest
        and not bare_end(following).endswith(".")  # (a headline may ask: "…?")
        and classify(following, rules) is None
        and not body_line(following, rules)
    )


def slug_line_below(
    lines: list[str], kinds: list[str | None], rules: CleanRules, end: int, slug: frozenset[str]
) -> int | None:
    """A headline-shaped line (3-30 words, no full stop, not debris) within
    ``SLUG_SCAN_LINES`` text lines and ``SLUG_SCAN_PARAGRAPHS`` paragraphs under the end of
    the header that says what the URL's slug says ("A devastating Russian missile strike …
    200 injured." over "Armenia freezes participation in CSTO …" at
    …/armenia-freezes-participation-in-csto-…/). A menu's bulleted items ("• Reports" /
    "• Chronicle of Forced Labor" / …) and other short entries do not use up the lines."""
    seen = paragraphs = 0
    for j in range(end, len(lines)):
        if kinds[j] == "blank" or not lines[j].strip():
            continue
        line = lines[j]
        seen += not short_entry(line)
        if seen > SLUG_SCAN_LINES or paragraphs > SLUG_SCAN_PARAGRAPHS:
            return None  # (a line deep in the article is a crosshead or a pull quote)
        if (
            kinds[j] is None
            and 3 <= word_count(line) <= HEADLINE_MAX_WORDS
            and not bare_end(line).endswith((".", ":", ","))
            and says_slug(line, slug)
            and classify(line, rules) is None
            and not tag_line(line)  # (hashtags say the slug's words too)
        ):
            return j
        paragraphs += word_count(line) >= 15 and ends_sentence(line)
    return None


def in_menu(lines: list[str], kinds: list[str | None], i: int, rules: CleanRules) -> bool:
    """Is line ``i`` an item of a menu: short lines without punctuation (blank lines between
    them allowed), at least one above it and ``MENU_ITEMS_BELOW`` more below it that are
    no stamp, byline or share bar? A short headline has its stamp or text below, not more
    items ("Politics" / "Kazakhstan's Bloody January 2022" / "Kyrgyzstan 2020 unrest" /
    "Security" / "Society")."""
    if not menu_entry(lines[i]):
        return False

    def item(j: int) -> bool:
        return (
            menu_entry(lines[j])
            and kinds[j] in (None, "pre_title")
            and classify(lines[j], rules) is None
            and byline(lines[j], rules) is None
        )

    above = 0
    j = i - 1
    while j >= 0 and above < 1 and (not lines[j].strip() or menu_entry(lines[j])):
        above += item(j)
        j -= 1
    below = 0
    j = i + 1
    while (
        j < len(lines)
        and below < MENU_ITEMS_BELOW
        and (not lines[j].strip() or menu_entry(lines[j]))
    ):
        below += item(j)
        j += 1
    return above >= 1 and below >= MENU_ITEMS_BELOW


def short_entry(line: str) -> bool:
    """A list's bulleted item ("• Chronicle of Forced Labor") or a menu's entry."""
    return bool(LIST_BULLET.match(line.strip())) or menu_entry(line)


def menu_entry(line: str) -> bool:
    """A menu's entry: up to five words, no punctuation ("American diplomats in Central Asia")."""
    return bool(line.strip()) and word_count(line) <= 5 and not re.search(r"[.,;:!?«»\"()]", line)


def opening_month(line: str, rules: CleanRules) -> bool:
    """Does the line open with a year and its month, as a record or a rubric's blurb does
    ("2022 жылғы қаңтарда … болған тәртіпсіздіктерге қатысты материалдар")? Not a headline
    naming a year's events ("2022 жылғы Қазақстан наразылықтары")."""
    m = _OPENING_YEAR.match(line)
    if not m:
        return False
    words = [w.casefold().strip(",.:;") for w in m.groups() if w]
    months = [k for k in rules.months if len(k) >= 4]
    return any(w.startswith(k) for w in words for k in months)


def standfirst_under(
    lines: list[str],
    kinds: list[str | None],
    rules: CleanRules,
    above: int,
    best: int,
    above_score: float,
    body_stems: set[str],
) -> bool:
    """Is the best-scored line a standfirst under the headline? Right under a line that is
    a headline in its own right (it scores as one, the article says its words), and saying
    the article's words even more (it sums up the lead): "Власти отчитались о последствиях
    беспорядков в Алма-Ате" / "Полиция Алма-Аты: во время беспорядков погибли 160 человек,
    заведено 405 уголовных дел". The headline may be the longer of the two (a trade
    paper's "Tankers loaded at CPC Marine Terminal's SPM to be moved away after the ban on
    vessel traffic … is lifted" / "There is no damage to the Consortium's infrastructure
    …"): a line scoring less for its length is still the one on top. Not under a line that
    opens with its date: a dated banner or notice. Right above it, or above the stamp's
    block between them ("- 25 июня 2019" / "- 0+" / "- Служба новостей")."""
    between = [j for j in range(above + 1, best) if lines[j].strip()]
    stamps = [j for j in between if is_timestamp(lines[j], rules)]
    if between and not (
        stamps
        and all(
            j in stamps or kinds[j] is not None or not re.search(r"[^\W\d_]", lines[j])
            for j in between
        )
    ):
        return False  # not right above it
    if OPENING_DATE.match(lines[above]) or _OPENING_DAY.match(lines[above]):
        return False  # a dated banner ("29 октября 2023 года - День … траура")
    over = overlap(lines[above], body_stems)
    return (
        above_score >= HEADLINE_MIN_SCORE
        and over >= STANDFIRST_OVERLAP
        # (under the stamp's block, saying the article's words is enough: "В России
        # заблокировали «Медиазону»*" / "06.03.2022" / "Роскомнадзор потребовал …")
        and overlap(lines[best], body_stems) >= (min(over, STANDFIRST_OVERLAP) if stamps else over)
    )


def crumb_tail(line: str) -> str:
    """The last item of a breadcrumb trail ("Главная » Новости » Неблагодарные жезказганцы"
    -> "Неблагодарные жезказганцы"; "» » құт қонған …" -> "құт қонған …")."""
    parts = [p for p in SEPARATORS.split(CRUMB_ARROWS.sub("", line.strip())) if p.strip()]
    return parts[-1].strip() if parts else ""


def trail_ends_in(lines: list[str], i: int) -> bool:
    """Does the breadcrumb trail right above line ``i`` end in it? Then the line is the
    headline said again on its own, whatever its case ("» » құт қонған қызылқұмның
    қойнауында..." / "құт қонған қызылқұмның қойнауында..."), not a label or tag."""
    above = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
    if word_count(lines[i]) < 2 or not (CRUMB_ARROWS.match(above) or SEPARATORS.search(above)):
        return False
    return comparison_key(crumb_tail(above)) == comparison_key(lines[i])


ECHO_PREFIX_WORDS = 6  # a header's section and date before the headline: this short


def _sentence_before(other: str, line: str, sections: frozenset[str] = frozenset()) -> bool:
    """Is the start of ``other``, which ends in the words of ``line``, a sentence's, not a
    header's sections or date ("О стимулирующем фонде … рассказала в интервью РИА
    IrkutskMedia" before "Елена Осипова": a standfirst ending in a name, then the photo's
    caption; not "DataLife Engine > Главная, Пресса и другие СМИ > Телеканал …", nor a
    section's name and the story's tag: "Страна и мир Конфликт Израиля и Палестины …")?"""
    prefix = other[: len(other) - len(line.strip()) - 1] if other.endswith(line.strip()) else other
    words = comparison_key(prefix).split()
    if any(" ".join(words[:k]) in sections for k in (1, 2, 3)):
        return False
    return word_count(prefix) > ECHO_PREFIX_WORDS and not re.search(r"[\d|>»/•·–—]", prefix)


def echoes_header(line: str, above: list[str], sections: frozenset[str] = frozenset()) -> bool:
    """Is the line a page-title-like line above it said again on its own, without the site
    name after a separator or the section and date before it? ("Завеса секретности" under
    "Завеса секретности | Деловая неделя", "Россия договаривается …" under "Экономика
    01/09/2023 Россия договаривается …": the page's <title> or a breadcrumb trail.)"""
    key = comparison_key(line)
    # (a headline opens with a capital: "сесія міськради" under "У Кам’янському відбулася
    # чергова сесія міськради" is its tag)
    if len(key.split()) < 2 or len(key) < 10 or line.strip()[:1].islower():
        return False
    for other in above:
        k = comparison_key(other)
        if len(k) <= len(key) + 3:
            continue
        if (
            k.endswith(" " + key)
            and not _site_after_headline(other, line)
            and not _sentence_before(other, line, sections)
        ):
            return True
        if k.startswith(key + "_") and _site_tail(other.strip()[len(line.strip()) + 1 :]):
            return True  # "Headline_Russian.news.cn": a <title> joined by an underscore
        if k.startswith(key + " "):
            head, stripped = other.strip(), line.strip()
            rest = head[len(stripped) :] if head.startswith(stripped) else ""
            if re.match(r"(?::|\s+(?:[|–—/·•-]|::))\s", rest):  # "Headline | Site", not "A, B"
                return True  # ("Headline: Город Алматы, 20 Марта 2026 года - новости …")
            if _site_tail(rest):  # "Headline Спектр": the site's name glued on
                return True
    return False


def _site_after_headline(other: str, line: str) -> bool:
    """Is ``line`` the shorter part after a separator in a page's title line, the site's or
    programme's name after the headline ("Політична криза у Фонтанській ОТГ | Чорний
    список" over "Чорний список"; DataLife Engine's "ФРС поддержала рынок … » Элитный
    трейдер" over "Элитный трейдер"), not the headline after a section?"""
    o, s = other.strip().casefold(), line.strip().casefold()
    m = re.match(r"(?P<head>.*\S)\s+[|–—/·•»-]\s*$", o[: -len(s)]) if o.endswith(s) else None
    return m is not None and word_count(m["head"]) > word_count(s)


def _site_tail(rest: str) -> bool:
    """Is ``rest`` a site's name glued after a headline in a page's title line, without a
    separator: one to three capitalised words or a domain ("Спектр", "Deutsche Welle",
    "Vlast.kz"), no clause?"""
    words = rest.split()
    if not 1 <= len(words) <= 3 or len(rest.strip()) > 30 or re.search(r"[,;:!?«»\"()]", rest):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() for w in words)


_HASHTAG = re.compile(r"(?:^|\s)#[^\W\d_]")


def tag_line(line: str) -> bool:
    """A list of tags: names and places, mostly capitalised, words said twice and no clause
    ("Казахстан Алма-Ата Актау Нур-Султан общество протестующие Казахстан Алма-Ата …")."""
    words = line.split()
    if line.lstrip().startswith("#") and len(_HASHTAG.findall(line)) >= 2:
        return True  # "#выборы в местные кенеши 2024 #явка": hashtags
    if 3 <= len(words) <= LOWER_TAGS_MAX_WORDS and _lower_tags(line):
        return True  # "arctic lng2 novatek sanctions usa": a page's keywords, all small letters
    if len(words) < 6 or re.search(r"[,:;!?«»\"()]", line):
        return False
    capitals = sum(1 for w in words if w[:1].isupper())
    return capitals / len(words) >= 0.6 and repeats_words(line)


def _lower_tags(line: str) -> bool:
    """Words in small letters only, no punctuation: names written as tags ("usa", "novatek")."""
    letters = [c for c in line if c.isalpha()]
    return (
        bool(letters)
        and not any(c.isupper() for c in letters)
        and not re.search(r"[^\w\s-]", line)
        and _LATIN_WORD.search(line) is not None
        and not any(w in _FUNCTION_WORDS for w in line.split())  # (a wrapped sentence has some)
    )


def repetition(key: str, later: list[str]) -> float:
    """Evidence from the article below: a line repeated whole there is the headline said
    again (+1); words found inside a longer sentence there are a standfirst copied from
    the lead, not the headline (-1)."""
    if not key:
        return 0.0
    if key in later:
        return 1.0
    if len(key.split()) >= 5 and any(key in k and len(k) > len(key) + 10 for k in later):
        return -1.0
    return 0.0


_DASH_CREDIT = re.compile(r"[.!?][\"'”’»]?[—–]\s*(?P<credit>[^—–.]{2,30})$")


def dash_credited(line: str, rules: CleanRules) -> bool:
    """A photo caption with its credit glued after a dash: "... with Kyrgyzstan.—AFP",
    "... in Almaty.–Reuters" (a sentence, no space before the dash, an agency or photo
    credit after it)."""
    m = _DASH_CREDIT.search(line.rstrip())
    if not m:
        return False
    credit = m.group("credit").strip()
    if credit.casefold() in rules.agencies:
        return True
    return any(cls == "photo_credit" and rx.match(credit) for cls, rx in rules.debris)


_END_CREDIT = re.compile(r"\((?P<credit>[^()]{2,40})\)\W*$")


_MEDIA_TAIL = re.compile(r"(?:\(|\.\s|\|\s?|[—–]\s)(?P<tail>[^().|—–]{3,24})\)?\s*$")


def media_marked(line: str, rules: CleanRules) -> bool:
    """Does the line end saying it has pictures or a video ("… перекрили трасу (фото)",
    "… солярку. ФОТО", "… | ВІДЕО"): a headline's mark, never a standfirst's or a lead's?"""
    m = _MEDIA_TAIL.search(line)
    return m is not None and rules.furniture.media_mark.fullmatch(m["tail"]) is not None


def credit_after(line: str, rules: CleanRules) -> bool:
    """A picture's caption with its credit after a full stop: "Пожежа у Туапсе. Фото:
    російські ЗМІ", "… захопили аеропорт Алмати. Фото: ФБ" (the headline is elsewhere)."""
    return word_count(line) <= CAPTION_MAX_WORDS and _credit_tail(line, rules)


def _credit_tail(line: str, rules: CleanRules) -> bool:
    """Does a photo credit follow the line's last full stop ("… Алмати. Фото: ФБ")?"""
    head, sep, tail = line.rpartition(". ")
    if rules.furniture.media_mark.fullmatch(tail):
        return False  # "… поцупили державну солярку. ФОТО": a headline saying it has pictures
    if tail.startswith("(") and tail.endswith(")"):
        tail = tail[1:-1]  # "… torched during protests in Almaty. (Photo credit: … /Reuters)"
    return bool(sep and head.strip()) and classify(tail, rules) == "photo_credit"


_DASH_OPENING = re.compile(r"^[—–-]\s*\S")


def credited_below(lines: list[str], i: int, rules: CleanRules) -> bool:
    """Is line ``i`` a caption whose credit follows on the next line after a dash ("An aerial
    view of flooding in Kherson …" / "— Photo by Vladyslav Smilianets / Reuters"), or after
    the caption said again ("Участники народного бунта …" twice, then "Фото: соцсети")?"""
    below = [line for line in lines[i + 1 : i + 5] if line.strip()][:2]
    twice = bool(below) and comparison_key(below[0]) == comparison_key(lines[i])
    if twice:
        below = below[1:]  # the caption said twice (alt text, then caption) over its credit
    following = below[0] if below else ""
    return (
        (bool(_DASH_OPENING.match(following)) or twice)
        and classify(following, rules) == "photo_credit"
    ) or agency_photo_credit(following, rules)


_AGENCY_PHOTO_END = re.compile(r"/\s*(?:ap|afp|epa)\s+photo$", re.IGNORECASE)


def agency_photo_credit(line: str, rules: CleanRules) -> bool:
    """A wire photo's credit on a line of its own, the photographer first ("LIBKOS/AP
    PHOTO"): the line above is its caption."""
    return (
        _AGENCY_PHOTO_END.search(line.strip()) is not None
        and classify(line.strip(), rules) == "photo_credit"
    )


def credited_caption(line: str, rules: CleanRules) -> bool:
    """A photo caption ending in its credit: "Tokayev addressing the Majilis (Kazinform)"."""
    m = _END_CREDIT.search(line)
    if not m:
        return False
    credit = m.group("credit").strip().casefold()
    if credit in rules.agencies:
        return True
    if rules.furniture.media_mark.fullmatch(credit):
        return False  # "… перекрили міжнародну трасу (фото)": a headline's mark, no credit
    return any(cls in ("photo_credit", "caption") for cls, rx in rules.debris if rx.match(credit))


_LOGIN = re.compile(r"\s*[a-z][a-z_.]*\d+\s")  # a site user's login: "editor2", "admin_1"


def continues_next(lines: list[str], i: int, rules: CleanRules) -> bool:
    """Is line ``i`` hard-wrapped, its sentence going on in the next line ("In November" /
    "2023, storm restrictions ...")? Never into debris (a stamp under a headline)."""
    following = i + 1
    if following >= len(lines) or not lines[following].strip() or ends_sentence(lines[i]):
        return False
    if classify(lines[following], rules) is not None or _menu_run(lines, i):
        return False
    first = lines[following][:1]
    if _LOGIN.match(lines[following]):
        return False  # an author's login opening the byline: "editor2 02-ноя, 16:15 193 …"
    if first.islower():  # (not a byline: "by Press Release from Outbreak News Today on …")
        return byline(" ".join(lines[following].split()[:BYLINE_HEAD_WORDS]), rules) is None
    dates = find_dates(lines[following][:40], rules)
    if dates and dates[0][0] == 0 and not lines[following][:4].isdigit():
        return False  # a lead opening with its day ("13 января украинские дроны ...")
    if lines[i].rstrip().endswith(",") and word_count(lines[following]) >= INTRO_MIN_WORDS:
        return True  # "Россия," / "Греция и Болгария подписали соглашение …": a lead's words
        # (not a dateline's place over its day: "Ново-Огарево, Московская область," / "10 …")
    # a fragment of a few words before a line opening with a number
    return first.isdigit() and lines[i][-1:].isalpha() and word_count(lines[i]) <= 4


def introduces(line: str) -> bool:
    """A sentence introducing a quote or a list ("CPC chief executive Nikolai Gorban told
    reporters that:"): article text, never a headline or a label (those are short)."""
    return line.rstrip().endswith(":") and word_count(line) >= INTRO_MIN_WORDS


def wrapped_label(lines: list[str], i: int) -> bool:
    """Is line ``i`` and the next a short label broken over two lines, not article text
    ("Бізге жаңалық" / "жіберіңіз:" — "send us news:" — over a phone number)?"""
    joined = f"{lines[i]} {lines[i + 1]}" if i + 1 < len(lines) else lines[i]
    if word_count(joined) <= 5 and joined.rstrip().endswith(":"):
        return True
    # a masthead's slogan broken into short lines ("Главные новости Актобе," / "Казахстана и
    # мира"): a hard-wrapped paragraph has longer lines
    return (
        i + 1 < len(lines)
        and word_count(lines[i]) <= WRAPPED_LABEL_WORDS
        and word_count(lines[i + 1]) <= WRAPPED_LABEL_WORDS
        and not ends_sentence(joined)
    )


def _menu_item(line: str) -> bool:
    return bool(line.strip()) and word_count(line) <= 4 and not re.search(r"[.,;:!?«»\"()]", line)


def _menu_run(lines: list[str], i: int) -> bool:
    """Is line ``i`` in a menu: 3+ lines in a row of a few words without any punctuation
    ("POLITICS UNITED NATIONS" / "videos documentries" / "health sports")?"""
    if not _menu_item(lines[i]):
        return False
    start, end = i, i
    while start > 0 and _menu_item(lines[start - 1]):
        start -= 1
    while end + 1 < len(lines) and _menu_item(lines[end + 1]):
        end += 1
    return end - start >= 2


def shape_ok(line: str) -> bool:
    """Could this line be a headline at all (not a rubric with a comma, a weather box, a
    list of tags)?"""
    if bare_end(line).endswith((",", ":", ";", "|", ">")) or "°" in line:
        return False
    if OPENING_DATE.match(line):
        return False  # a lead opening with its date ("18.11.25 года суд …"), not a headline
    if YEAR_CAPTION.search(line):
        return False  # a picture's caption ending in its year
    return not repeats_words(line) and not name_list(line) and not starts_small(line)


def starts_small(line: str) -> bool:
    """Does the line open with a word in small letters, capitals further on: a phrase run on
    from the line above, a name's post ("Сергей Симаков" / "генеральный директор
    издательства «Баско»"), never a headline? (A brand's "iPhone …" has its capital second;
    a headline set all in small letters is the site's style: "синод митрополичьего округа в
    республике казахстан принял …".)"""
    word = re.match(r"[^\W\d_]{2}", line.strip())
    return word is not None and word.group().islower() and not line.islower()


def name_list(line: str) -> bool:
    """A Cyrillic line of capitalised words only: names and places, a tag list. Not a
    headline set in capitals ("САЯСИ ҚУҒЫН-СҮРГІН ЖӘНЕ АШАРШЫЛЫҚ ҚҰРБАНДАРЫН ЕСКЕ АЛДЫ"):
    its small words are capitals too."""
    words = line.split()
    if not CYR.search(line) or len(words) < 6 or all_caps(line):
        return False
    capitals = [w for w in words if w[:1].isupper()]
    return len(capitals) / len(words) >= 0.7


_FIELD = re.compile(r"(?:^|\s)[" + UPPER + r"][^\W\d_]{2,20}:\s+\S")


FIELD_VALUE_WORDS = 5  # the last field's value is short ("Issue: 230", "Дата: 12.01.2022")


def fields_line(line: str) -> bool:
    """A short line of two or more "Label: value" fields ("Publication: Monitor Volume: 4
    Issue: 230", "Автор: … Дата: …"): a record's metadata, not a headline (nor a place and
    a kicker before a headline: "Gambia: Breaking News: Gas Shortage Hits Gambia Amid
    Political Impasse")."""
    fields = list(_FIELD.finditer(line))
    return (
        word_count(line) <= FIELDS_LINE_WORDS
        and len(fields) >= 2
        and word_count(line[fields[-1].end() - 1 :]) <= FIELD_VALUE_WORDS
    )


def rubric_line(line: str) -> bool:
    """A rubric: a short label set in capitals (a story or section name over the article,
    "ВОЛНЕНИЯ В КАЗАХСТАНЕ", "WORLD NEWS"). A headline in capitals is a longer sentence."""
    return 2 <= word_count(line) <= RUBRIC_MAX_WORDS and all_caps(line) and not ends_sentence(line)


def repeats_words(line: str) -> bool:
    """A tag list repeats its words: two of them said twice, or one word three times
    (a headline may say one word twice: "... in two days; ... at least 10 days")."""
    long_words = [w.casefold() for w in re.findall(r"[^\W\d_]{4,}", line)]
    extra = len(long_words) - len(set(long_words))
    return extra >= 2 or (extra == 1 and len(long_words) <= 4)


ORGANISATION_MAX_WORDS = 7  # an organisation's name alone is short ...
ORGANISATION_HEAD_WITHIN = 4  # ... its head noun among the first words (Kazakh puts it last)
ORGANISATION_LINK_LETTERS = 3  # Latin: every word capitalised but links ("for", "of")


WRAPPED_NAME_LINE_WORDS = 4  # a name broken over short lines, this many words each at most
WRAPPED_NAME_MAX_WORDS = 10  # ... and this many in all (a full name: "… атындағы … театры")


def wrapped_organisation(lines: list[str], i: int, rules: CleanRules) -> bool:
    """Is line ``i`` part of an organisation's name broken over two to four short lines in a
    row ("Ілияс Омаров атындағы" / "Қостанай облыстық" / "қазақ драма театры", a theatre's
    banner over its news; the Kazakh name's head noun comes last)?"""
    if not lines[i].strip() or word_count(lines[i]) > WRAPPED_NAME_LINE_WORDS:
        return False
    start, end = i, i
    while (
        start > 0
        and lines[start - 1].strip()
        and word_count(lines[start - 1]) <= WRAPPED_NAME_LINE_WORDS
    ):
        start -= 1
    while (
        end + 1 < len(lines)
        and lines[end + 1].strip()
        and word_count(lines[end + 1]) <= WRAPPED_NAME_LINE_WORDS
    ):
        end += 1
    if not 1 <= end - start <= 3:
        return False
    joined = " ".join(lines[start : end + 1])
    return organisation_name(joined, rules, head_last=True, max_words=WRAPPED_NAME_MAX_WORDS)


def organisation_name(
    line: str, rules: CleanRules, head_last: bool = False, max_words: int = ORGANISATION_MAX_WORDS
) -> bool:
    """A line that only names an organisation ("Министерство обороны России", "Исполнительный
    комитет Содружества Независимых Государств", "China Daily Global Weekly"): the site's
    owner or a credit over the headline, not a headline. A few words, no figures, no full
    stop, an organisation's head noun (the packs' ``organisation_words``) among the first,
    and no verb: in Cyrillic no small word ends like a finite verb; in Latin letters every
    word is capitalised but short links."""
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    if (
        not rules.organisation_words
        or not 2 <= len(words) <= max_words
        or re.search(r"\d|[.!?:;,]\s*$", line)
    ):
        return False
    folded = [w.casefold() for w in words]
    heads = folded[:ORGANISATION_HEAD_WITHIN] + (folded[-1:] if head_last else [])
    if not any(w in rules.organisation_words for w in heads):
        return False
    small = [f for w, f in zip(words, folded, strict=True) if not w[:1].isupper()]
    if CYR.search(line):
        verb = rules.verb_ending
        if rules.reflexive_ending is not None and rules.reflexive_ending.search(folded[0]):
            return False  # "Открылся музей Памяти жертвам репрессий …": a headline
        return not any(
            verb is not None and verb.search(f) for f in small if f not in rules.organisation_words
        )
    return all(len(f) <= ORGANISATION_LINK_LETTERS for f in small) and not (
        ";" in line or any(f in _PHRASE_LINKS for f in small)
    )  # (a headline's clauses or places: "Students Storm Daily Cal; Newspaper Locks Down",
    # "Demonstrators Gather at Thammasat University")


# small words that join a headline's verb to its place or aim, not a name's parts ("of",
# "and", "for")
_PHRASE_LINKS = frozenset({"at", "in", "on", "to", "into", "over", "after", "with", "as"})


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)?")


def calendar_only(line: str, rules: CleanRules) -> bool:
    """Is the line made of weekday and month names and numbers only, two or more ("- Mon
    Nov 2024", "Вс. Ноя 24th, 2024": a header's calendar box)?"""
    tokens = [t.casefold().strip(".,") for t in re.findall(r"[^\W_]+\.?", line)]
    return len(tokens) >= 2 and all(
        _ORDINAL.fullmatch(t) or t in rules.months or t in rules.weekdays for t in tokens
    )


def section_trail(line: str, rules: CleanRules) -> bool:
    """A trail of the site's sections and nothing else ("Новости » Политика", "News >
    World"): two or more, each a section or navigation word of the packs."""
    parts = [comparison_key(p) for p in re.split(r"\s*[»>›/|]\s*", line.strip(" »>›/|"))]
    known = rules.navigation | rules.section_keys
    return len(parts) >= 2 and all(p in known for p in parts)
