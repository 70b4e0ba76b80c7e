"""Page debris removal by general rules for classes of debris.

Every rule is about a *class* of line, never a particular page: photo credits (``©``, "Photo:"
lines), subscribe/follow prompts, "read also" lines, breadcrumbs, share bars and counters,
lone numbers, a repeated headline, language switchers and skip links, agency header lines
ending in a date, bylines, lists of sidebar headlines with their timestamps, tag lists and
readers' comments boxes. The words and phrases of each class come from the language packs
(``config/languages/<code>.yml``); the rules here are language independent. A line that is
not recognised as debris is kept, so every sentence of the article stays, in order.

``clean_text`` also returns what the debris said about the page (crawl date, header dates,
dateline, bylines) for ``metadata`` to use.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from generator.languages import LanguagePack, month_regex
from generator.sources import site_host

MAX_DEBRIS_WORDS = 40  # a debris line is short; longer lines are article text
DATELINE_PARAGRAPHS = 6  # a dateline opens one of the first paragraphs (after captions)
HEADLINE_MAX_WORDS = 30  # a longer line is article text
MENU_SECTIONS = 4  # a line naming this many sections ...
MENU_SECTION_SHARE = 0.6  # ... as this share of its words at least is a menu
NUMBERED_HEADLINES_MIN = 3  # a numbered list of other stories over the article: this many
NUMBERED_HEADLINES_MAX = 15  # ... to this many items
GLUED_ITEMS = 3  # a line with this many headlines glued to the next is a list of them
GLUED_MENU_WORDS = 8  # ... unless this short: menu items glued together ("СюжетыПолитика…")
BROKEN_LEAD_WORDS = 25  # ... and so is a line this long with a sentence break in it
SECTION_WORDS = 2  # a URL path segment of this many words before the article's id: a rubric
FIELDS_LINE_WORDS = 14  # a line of "Label: value" fields is no longer than this
GLUED_STAMP_WORDS = 6  # a date and time glued after a headline: this many words at most
WRAPPED_LABEL_WORDS = 4  # a slogan broken over lines this short is no hard-wrapped text
SHARE_MARKUP_LINES = 5  # first lines where a share button's markup may give the headline
STAMP_CREDIT_WORDS = 8  # words of an outlet's or author's name after a stamp and a dash
STAMP_PLACE_WORDS = 4  # ... of a place or branch after a stamp and a comma
TWICE_IN_A_ROW_WORDS = 5  # a line said twice in a row above the text is its headline
HEADLINE_CANDIDATES = 8  # lines of 3+ words above the article looked at for its headline
HEADLINE_SCAN_LINES = 80  # ... among at most this many lines of 3+ words
MENU_SCAN_LINES = 240  # ... and this many lines in all (menus of short items included)
MENU_ITEMS_BELOW = 3  # a short line with as many menu items below it is a menu's item
OVERLAP_WEIGHT = 1.5  # a headline's words recur in the article ...
POSITION_PENALTY = 0.3  # ... but so do a standfirst's: the first headline-long line wins ties
STANDFIRST_OVERLAP = 0.35  # ... a headline over a standfirst says the article's words too
HEADLINE_MIN_SCORE = 1.2  # below: no headline on the page; a title is made from the lead
LEAD_TITLE_WORDS = 18  # a title made from the lead: its first sentence up to this length,
LEAD_TITLE_MIN_CLAUSE = 6  # else cut after a clause of at least this many words,
LEAD_TITLE_CUT = 12  # else after this many words
RUBRIC_MAX_WORDS = 3  # a line in capitals of at most this many words is a rubric
SLUG_AGREEMENT = 2 / 3  # a line and the URL's slug that cover this share of each other's words
LABELS_UNDER_HEADLINE = 8  # lines under the headline looked at for section labels
INTRO_MIN_WORDS = 6  # a line ending in a colon with as many words introduces a quote or list
SLUG_RUN_MIN_WORDS = 4  # a headline found inside a longer line by the slug has 4+ words
SLUG_REST_MIN_WORDS = 8  # ... and what follows it in the line: a sentence, not its tail
BYLINE_HEAD_WORDS = 4  # a byline's first words under a headline: "by Press Release from"
CAPTION_MAX_WORDS = 30  # a caption with its credit is at most this long
GLUED_SLUG_SHARE = 0.5  # ... and a headline glued to the lead says the slug's words this much
READ_ALSO_MAX_LINES = 8  # headlines or tags listed under a bare "Read also:"/"Tags" line
# line kinds that open lists of other stories (their dates are theirs, not the article's)
_LIST_KINDS = frozenset(
    {"read_also", "tags", "ticker", "sidebar", "share", "subscribe", "widget", "navigation"}
)
STAMP_BELOW_LINES = 6  # a stamp "below" the headline: at most this many lines under it
STANDFIRST_MAX_WORDS = 40  # a standfirst over a stamp ("lead" stamps) is at most this long
DATED_HEADLINE_LINES = 15  # a stamp glued before the headline: within the page's first lines
CAPTION_DATE_WORDS = 4  # "<4+ words>, <date>" with no dash or number: a caption, no header
DESCRIPTION_MAX_WORDS = 100  # a page's description over its headline, rubric and stamp
SLUG_SCAN_LINES = 12  # text lines under the header searched for the line the slug says
SLUG_SCAN_PARAGRAPHS = 2  # ... past at most this many paragraphs (a teaser's, a notice's)
COMMENTS_MAX_LINES = 30  # a readers' comments box: author / comment lines under its header
TAIL_MAX_WORDS = 15  # page furniture after the article's last sentence is short
ISSUE_TAIL_WORDS = 4  # words after the date of a paper's issue line (its publisher)
CAPTION_MIN_WORDS = 5  # a caption printed twice, once with its credit: this long at least
STAMP_BITS = 4  # a byline and stamps between bars: this many bits at most
PUBLISHED_LABEL_WORDS = 5  # words before the date of a "This post was published on" stamp
BYLINE_OUTLET_WORDS = 4  # an outlet's name between a byline and its date ("By X, High North News")
_VIEWS_BIT = re.compile(r"\d{1,3}(?:[ \u00a0]?\d{3})*")  # a view counter after a stamp
HOME_MENU_WORDS = 12  # a menu run together after its home word: this many words at most,
HOME_MENU_ITEMS = 3  # ... with this many capitalised items after it
PAGE_TITLE_HEAD_WORDS = 4  # a headline said again under the page's title line: this long
LINK_BAR_ITEMS = 4  # a bar of this many links or more, apart by spaces, bars or bullets ...
LINK_BAR_ITEM_WORDS = 6  # ... each this short
LIST_STAMPS = 3  # items of a list, each over or under its own stamp: at least this many
TEASER_MAX_WORDS = 80  # an item of such a list (a teaser of a few sentences) is no longer
CONTACT_MAX_WORDS = 25  # a contact line is short (not "7 августа@Gazeta.Ru#…" and its article)
LOWER_TAGS_MAX_WORDS = 10  # a line of tags in small letters is at most this long
STAMP_NAMES = 4  # capitalised words (outlet, author) after a date opening a stamp line
STAMP_GAP = 25  # a date and its clock time are at most this many characters apart
TICKER_LEAD_CHARS = 40  # a ticker's first stamp is this near the start of its line
TICKER_ITEM_CHARS = 200  # an item of a ticker run together on one line, stamp included
GLUED_HEAD_WORDS = 5  # a headline cut before a run-on sentence keeps this many words ...
GLUED_TAIL_WORDS = 4  # ... and what is cut off is a sentence of at least this many
SENTENCE_END = ".!?…"
_CYR_LOWER = "а-яёіїєґәғқңөұүһ"
_CYR_UPPER = "А-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ"
_UPPER = "A-Z" + _CYR_UPPER + "Ў"
_LETTER = r"[^\W\d_]"

_CRAWL_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{1,2}(?:-\d{1,2})?)(?=\s|$)[ \t]*")
# A site header's weather reading: "25.8 C", "-3.1 C", "+12°", "−4 °C" (a line of its own).
_TEMPERATURE = re.compile(r"[+\-−–]?\d{1,2}(?:[.,]\d{1,2})?\s*(?:[°º]\s*[CFСcfс]?|[CFС])")
# ... and the sky's state after it ("34ºc, Солнечно", "+12° ясно")
_WEATHER = re.compile(_TEMPERATURE.pattern + r"(?:\s*,?\s*[^\W\d_]+(?:\s+[^\W\d_]+)?)?")
_LONE_NUMBER = re.compile(
    r"^[\d\s.,:;+%/|()\[\]#№*•·\-–—]*\d[\d\s.,:;+%/|()\[\]#№*•·\-–—]*"
    r"(?:[kKmMкКмМ]|тыс\.?|млн\.?)?$"
)
_TIME = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3])[:.][0-5]\d(?::[0-5]\d)?(?!\d)")
_CLOCK_ROW = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d(?:[\s|•·/-]+(?:[01]?\d|2[0-3]):[0-5]\d){2,}")
_NUMERIC_DATE = re.compile(
    # 06.01.2022, 06/01/2022, 11-01-2022 (one separator), 18.11.25 (two-digit year, dots),
    # 2022-01-06, 2022/01/06, 2022년 1월 9일
    r"(?<![\d./-])(?P<day>\d{1,2})(?P<sep>[./-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d])"
    r"|(?<![\d./-])(?P<sday>\d{2})\.(?P<smonth>\d{2})\.(?P<syear>\d{2})(?![\d.])"
    r"|(?<![\d./-])(?P<iyear>\d{4})(?P<isep>[-/.])(?P<imonth>\d{1,2})(?P=isep)(?P<iday>\d{1,2})(?![\d])"
    # 2022년 1월 9일, 2022年1月9日: a Korean, Chinese or Japanese interface's date
    r"|(?<!\d)(?P<cyear>\d{4})\s*[년年]\s*(?P<cmonth>\d{1,2})\s*[월月]\s*(?P<cday>\d{1,2})\s*[일日]"
)
# The name of a paper and the number of its issue before the issue's date: "Жас Алаш №102
# (15664) 23 желтоқсан, жұма 2011", "Газета «Завтра» № 3 (1459) 20 января 2022" (not "Указ
# № 152 от 5 января": a word between the number and the date)
_ISSUE_LINE = re.compile(
    rf"\W*(?:[{_UPPER}«\"][\w«»\"'’.-]*(?:\s+[\w«»\"'’.-]+){{0,2}}\s+)?"
    r"(?:№|N°|No\.?)\s*\d+(?:\s*\(\d+\))?[\s,]*\(?"  # "… Reports No 108 (Jan 5, 2024)"
)
_TIMEZONE = re.compile(
    r"\b[A-Z][a-z]+/[A-Z][A-Za-z_]+\b|\(?\b(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?\)?"
)
_SEPARATORS = re.compile(r"\s+(?:›|»|>|/|\||→|::|•|·)\s+")
_SENTENCE_BREAK = re.compile(r"[^\W\d_]{4}[.!?…]\s+[" + _UPPER + r"«\"„]")  # not "обл. Актау"
_MENU_ARROWS = re.compile(r"\s*(?:>>|»»|→)\s*")
_SITE_NAME = re.compile(r"^(?:[A-Za-z0-9-]+\.)+(?:[A-Za-z]{2,6})$")  # "Top.Mail.Ru", "vlast.kz"
# a site's name in a line ("cryptopolitan.com"), not a link's ("pic.twitter.com/Ab1")
_SITE_TOKEN = re.compile(r"(?<![\w@/.-])(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,6}(?![\w./-])")
_CAMEL = re.compile(r"(?<=[a-z" + _CYR_LOWER + r"])(?=[" + _UPPER + r"])")
_DATED_CAPTION = re.compile(r"\w,\s*[0-3]?\d\.[01]\d\.(?:19|20)\d{2}\s*$")  # "…, 29.06.2025"
_SPACED_ITEMS = re.compile(r" {3,}")  # a link bar's items apart by runs of spaces ...
_BAR = re.compile(r"\s+[|•·]\s+")  # ... or by bars or bullets
# A list of headlines flattened onto one line, each glued to the next ("… задержан 49-летний
# мужчинаНазначение женщины … — эксперт220 школам … и ноутбукиНа улице …"): a word's small
# letters run into a capital or a figure (not a name's "КазМунайГаз" or "LinkedIn")
_GLUED_ITEM = re.compile(
    rf"[{_CYR_LOWER}a-z]{{5}}(?=[{_UPPER}0-9])"  # "…напрямую президентуПограничную …"
    rf"|[{_UPPER}]{{2}}(?=[{_UPPER}][{_CYR_LOWER}a-z]{{2}})"  # "… из состава ГКНБПарламент …"
)
# An image's empty "alt" attribute name glued to the paragraph after it ("altНа площади …")
_ALT_LABEL = re.compile(rf"^alt(?=[{_CYR_UPPER}])")
# A thumbnail's file name glued before the lead ("1345505519-eduardogai04.05.2012-300x288
# Председатель …"): WordPress names its resized images "<name>-<width>x<height>"
_THUMB_NAME = re.compile(
    rf"^[\w.-]*-\d{{2,4}}x\d{{2,4}}(?:\.(?:jpe?g|png|webp|gif))?(?=[«\"A-Z{_CYR_UPPER}])"
)
# A list item's bullet (an emoji lost as "?" on the way) before the lead's first words
_LOST_BULLET = re.compile(r"^[?•·▪►◦*]+\s+(?=\w)")
_LEAD_CREDIT = re.compile(r"^\((?P<agency>[A-Za-z][A-Za-z.&/ -]{1,30})\)\s*[-—–]?\s+(?=\S)")
_LIST_BULLET = re.compile(r"^[•·▪►▸◦*]\s*(?=\w|[«\"„“])")  # "• Headline" in a breadcrumb list
_LIST_NUMBER = re.compile(r"^\d{1,2}[.)]\s+(?=[^\W\d_])")  # "1. Перейти к содержанию" (skip links)
_YEAR_CAPTION = re.compile(r"\.\s+(?:1[5-9]|20)\d{2}\W*$")  # "Василий Верещагин. Торжествуют. 1872"
_OPENING_YEAR = re.compile(r"^(?:19|20)\d{2}\s+(\S+)(?:\s+(\S+))?")  # "2022 жылғы қаңтарда ..."
_OPENING_DATE = re.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")  # "18.11.25 года суд ..."
_LATIN_WORD = re.compile(r"\b[a-z]{2,}\b")
_OPENING_DAY = re.compile(r"^\d{1,2}\s+[^\W\d_]+\s+\d{4}\b")  # "29 октября 2023 года - …"
# A wire photo's caption (TASS, Getty, Shutterstock editorial): the place and the date in
# capitals, a colon ("ALMATY, KAZAKHSTAN - JANUARY 5, 2022: A burnt car is seen …").
_WIRE_CAPTION = re.compile(
    r"^(?-i:[A-Z][A-Z'’. -]+(?:,\s*[A-Z][A-Z'’. -]+)*)\s*[-–—]\s*"
    r"(?-i:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
    r"\s+\d{1,2},\s+\d{4}\s*:\s"
)
# A wire lead opening with its dateline, no agency named: place, country in capitals, month
# and day, then the sentence ("Belek, TURKMENISTAN Dec 23 Turkmenistan on …", Reuters).
_PLACE_COUNTRY_DAY = re.compile(
    r"^((?-i:[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,2},\s+[A-Z]{3,}(?:\s[A-Z]{3,})?,?\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}))\b,?\s+\S"
)
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
_CRUMB_ARROWS = re.compile(r"^(?:[»›>→/|]\s*)+(?=[^\W\d_]|[«\"„“])")
# An update tag after a headline ("… У Шмигаля відповіли (оновлено)", "… (updated 14:05)"):
# the page's state, not the headline's words (a "(відео)" tag is kept: it says what it is).
_UPDATE_TAG = re.compile(
    r"\s*[(\[]\s*(?:оновлено|обновлено|доповнено|дополнено|оновлюється|обновляется|updated?|upd"
    r"|жаңартылды|толықтырылды)\b[^()\[\]]{0,20}[)\]]\W*$",
    re.IGNORECASE,
)
# Page furniture stuck to a headline's end: a photo count ("… Казахстана ( 1 фото )"), a
# reading time ("… Nazarbayev era?6 min read"), an aggregator's link text ("… – The
# Diplomat read full article at"), a genre label ("… From Grace? – Analysis").
_PHOTO_COUNT = re.compile(
    r"\s*\(\s*\d+\s*(?:фото|видео|фотографи\w*|photos?|videos?)\s*\)\s*$", re.I
)
_READ_TIME_TAIL = re.compile(r"(?<=\S)\s*\d{1,3}\s*(?:min|mins|minutes?)\s+read\s*$", re.I)
_READ_MORE_TAIL = re.compile(
    r"\s+read (?:the )?full (?:article|story)(?: at| on| here)?\s*:?\s*$", re.I
)
_GENRE_TAIL = re.compile(
    r"\s+[–—-]\s+(?:Analysis|Opinion|Op-Ed|Commentary|Interview|Editorial|Explainer)\s*$"
)
# ... and an outlet's name after a dash, "The" and up to three capitalised words
# ("… ‘violators of public order’ – The Washington Post")
_THE_OUTLET_TAIL = re.compile(r"\s+[–—|-]\s+(?-i:The(?:\s+[A-Z][\w.&’'-]*){1,3})\s*$")
# A headline glued to a date and the lead after it ("… на восток России16.10.2015 ЛУКОЙЛ …")
_GLUED_DATE = re.compile(rf"(?<=[{_CYR_LOWER}a-z])\d{{2}}\.\d{{2}}\.\d{{4}}\b")
# A breadcrumb's home and section glued to the headline ("HomeNews350 Pakistani students …")
_GLUED_HOME = re.compile(r"^(?-i:Home)(?=[A-Z0-9])")
# A market ticker's line: currency codes or signs, rates, changes and arrows only ("• USD
# 468.56", "504.49 KZT", "$1 – 12466.44", "UZS – -0,47%", "Brent 74.2 ▲ 1.3%", a lone "EUR").
_CURRENCIES = (
    "usd|eur|rub|cny|kzt|gbp|uah|uzs|kgs|byn|try|jpy|chf|azn|amd|gel|tjs|tmt|pln|inr|krw"
    "|brent|wti|btc|руб|тг|грн|сом"
)
_TICKER_TOKEN = re.compile(
    rf"(?:(?:{_CURRENCIES})\.?(?![^\W\d_])|[$€£₽₸₴¥])"  # a currency
    r"|[+−–-]?\d[\d\s]*(?:[.,]\d+)?\s*%?"  # a rate or a change
    r"|[▲▼↑↓/=:–—•·▪*()-]|\b(?:up|down)\b",  # arrows (or their alt text), separators
    re.IGNORECASE,
)
_TICKER_LABEL = re.compile(r"(?:[^\W\d_]+\s+){1,3}(?:\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\s+)?")
_TICKER_CURRENCY = re.compile(
    rf"(?<![^\W\d_])(?:{_CURRENCIES})(?![^\W\d_])|[$€£₽₸₴¥]", re.IGNORECASE
)
_LANG_MARKER = re.compile(r"\[:[a-z]{0,3}\]")  # WordPress qTranslate "[:ru]"
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Latin letters and the Cyrillic letters they look like, pair by pair
_LATIN_TWINS, _CYRILLIC_TWINS = "aceopxyiABCEHKMOPTXk", "асеорхуіАВСЕНКМОРТХк"
_HOMOGLYPHS = str.maketrans(_LATIN_TWINS, _CYRILLIC_TWINS)
_CYR = re.compile(f"[{_CYR_LOWER}{_CYR_UPPER}]")
_LAT = re.compile(r"[a-zA-Z]")
# Look-alikes from other scripts that scraper sites mix into Cyrillic words to dodge
# copy detection ("Kpacнoдapcькoмy", "знищeнօ" with an Armenian o): folded back to Cyrillic
# when the word then has no Latin letter left (an "iPhone-ом" keeps its iPhone).
_MIXED_WORD = re.compile(r"\w*(?:[а-яёіїєґА-ЯЁІЇЄҐ][a-zA-Zօοα]|[a-zA-Zօοα][а-яёіїєґА-ЯЁІЇЄҐ])\w*")
_LOOKALIKES = str.maketrans(_LATIN_TWINS + "օοα", _CYRILLIC_TWINS + "ооа")
_CYR_RUN = re.compile(r"[а-яёіїєґА-ЯЁІЇЄҐ]{2}")
_TO_LATIN = str.maketrans(_CYRILLIC_TWINS, _LATIN_TWINS)
_NAME_WORD = rf"[{_UPPER}][\w'’\-]*"

# An epigraph or quote-of-the-day box: a quotation, a dash, its author's name alone and a
# full stop ("«Если судят по закону, … живёт среди людей» — Демосфен."). A headline quoting
# someone has no full stop ("«Казахстан не будет участвовать» — Токаев").
_EPIGRAPH = re.compile(
    r"^[«\"“„][^«»\"“”„]{10,300}[»\"”“]\s*[—–-]\s*"
    rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}\.$"
)


@dataclass(frozen=True)
class CleanRules:
    """Compiled debris rules: the union of all configured language packs."""

    debris: tuple[tuple[str, re.Pattern[str]], ...] = ()
    bylines: tuple[re.Pattern[str], ...] = ()
    navigation: frozenset[str] = frozenset()
    breadcrumb_home: tuple[str, ...] = ()
    section_words: frozenset[str] = frozenset()
    sections: tuple[str, ...] = ()  # section/navigation keys that follow a home word
    switcher_tokens: frozenset[str] = frozenset()
    share_tokens: frozenset[str] = frozenset()
    relative_days: frozenset[str] = frozenset()
    publish_words: frozenset[str] = frozenset()
    update_words: frozenset[str] = frozenset()
    yesterday_words: frozenset[str] = frozenset()
    today_words: frozenset[str] = frozenset()
    today: re.Pattern[str] | None = None  # a "today" word before a date: "на сегодня 7 января"
    deadline: re.Pattern[str] | None = None  # a deadline ending the text before a date
    # words whose period ends no sentence ("им.", "вул.": config/languages/*.abbreviations.yml)
    abbreviations: frozenset[str] = frozenset()
    start: re.Pattern[str] | None = None  # a start ("с", "from") ending the text before a date
    permalink: re.Pattern[str] | None = None  # "Ссылка на новость: <the page's address>"
    edit_tag: re.Pattern[str] | None = None  # a CMS's edit link after a headline: "[ Edit ]"
    # a salutation opening a letter or notice ("Уважаемые читатели!", "Dear citizens!")
    salutation: re.Pattern[str] | None = None
    # a stamp's neighbours on its line (``_stamp_neighbours``)
    stamp_before: re.Pattern[str] | None = None
    stamp_after: re.Pattern[str] | None = None
    stamp_counts: re.Pattern[str] | None = None
    # a record's fields that may follow a stamp on its line (the packs' category and author
    # fields, case-folded: ``_stamp_then_field``)
    record_fields: frozenset[str] = frozenset()
    anniversary: tuple[re.Pattern[str], ...] = ()
    months: Mapping[str, int] = field(default_factory=dict)
    date_patterns: tuple[re.Pattern[str], ...] = ()
    datelines: tuple[re.Pattern[str], ...] = ()
    tail_stamp: re.Pattern[str] | None = None  # a stamp glued after a paragraph's last sentence
    currency_names: re.Pattern[str] | None = None  # currencies by name (the packs')
    agencies: frozenset[str] = frozenset()  # case-folded outlet names and aliases


def _phrases(words: Iterable[str]) -> str:
    """A regex alternation of word-list phrases, any run of spaces between their words, the
    longest first (so "доллар сша" is tried before "доллар" where nothing anchors the end)."""
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def build_rules(
    packs: Mapping[str, LanguagePack],
    agencies: Iterable[str] = (),
    abbreviations: Iterable[str] = (),
) -> CleanRules:
    """Merge the packs' word lists and patterns into one rule set (any page may mix them).

    ``agencies``: outlet names and aliases (from the sources registry) that datelines name.
    """
    debris: list[tuple[str, re.Pattern[str]]] = []
    bylines: list[re.Pattern[str]] = []
    date_patterns: list[re.Pattern[str]] = []
    months: dict[str, int] = {}
    nav: set[str] = set()
    home: set[str] = set()
    sections: set[str] = set()
    switch: set[str] = set()
    share: set[str] = set()
    relative: set[str] = set()
    publish: set[str] = set()
    update: set[str] = set()
    yesterday: set[str] = set()
    today: set[str] = set()
    deadline: set[str] = set()
    start: set[str] = set()
    permalink: set[str] = set()
    edit: set[str] = set()
    salutations: set[str] = set()
    fields: set[str] = set()
    authors: set[str] = set()
    labels: set[str] = set()
    counters: set[str] = set()
    currencies: set[str] = set()
    anniversary: list[re.Pattern[str]] = []
    for code in sorted(packs):
        pack = packs[code]
        for cls in sorted(pack.debris):
            debris.extend((cls, rx) for rx in pack.debris[cls])
        bylines.extend(pack.bylines)
        date_patterns.extend(pack.date_patterns)
        months.update(pack.months)
        nav.update(_key(w) for w in pack.navigation)
        home.update(_key(w) for w in pack.breadcrumb_home)
        sections.update(pack.section_words)
        switch.update(_key(w) for w in pack.switcher_names)
        share.update(_key(w) for w in pack.share_tokens)
        relative.update(_key(w) for w in pack.relative_days)
        publish.update(_key(w) for w in pack.publish_words)
        update.update(_key(w) for w in pack.update_words)
        yesterday.update(_key(w) for w in pack.yesterday_words)
        today.update(w.casefold() for w in pack.today_words)
        deadline.update(" ".join(w.casefold().split()) for w in pack.deadline_words)
        start.update(" ".join(w.casefold().split()) for w in pack.start_words)
        permalink.update(" ".join(w.casefold().split()) for w in pack.permalink_words)
        edit.update(w.casefold() for w in pack.edit_words)
        salutations.update(" ".join(w.casefold().split()) for w in pack.salutations)
        fields.update(w.casefold() for w in pack.category_fields)
        authors.update(w.casefold() for w in pack.author_fields)
        labels.update(w.casefold() for w in pack.stamp_labels)
        counters.update(w.casefold() for w in pack.counter_words)
        currencies.update(" ".join(w.casefold().split()) for w in pack.currency_names)
        anniversary.extend(pack.anniversary)
    datelines: tuple[re.Pattern[str], ...] = ()
    if months:
        mon = month_regex(months)
        # the pieces the patterns share: a place of one to three capitalised words, a day
        # and month either way round, the capital letter or quote that opens a lead
        place = rf"(?-i:(?P<place>[{_UPPER}][\w\-]+(?:[ \-][{_UPPER}][\w\-]+){{0,2}}))"
        day_month = (
            rf"(?:(?P<day>\d{{1,2}})\s+(?P<month>{mon})|(?P<month2>{mon})\s+(?P<day2>\d{{1,2}}))"
        )
        lead = rf"(?=(?-i:[{_UPPER}«\"„“]))"
        # PLACE[,.] [DATE][.,] AGENCY: "АСТАНА, 24 ноября. /ТАСС/.", "БАКУ, 7 янв — Sputnik.",
        # "ALMATY, Jan 19 (Reuters) -", "Москва. 10 января. INTERFAX.RU -", "АСТАНА. KAZINFORM –".
        # ``dateline_agency_ok`` then checks the agency (and a place not in capitals).
        datelines = (
            re.compile(
                rf"^{place}"
                r"\b\s*[,.]?\s*"  # the place ends a word: "MOSCOW –" is no "MOSCO" + "W"
                # its country or state before an agency in brackets: "ALMATY, Kazakhstan (AP) —"
                rf"(?:(?-i:[{_UPPER}][\w.\-]+(?:\s[{_UPPER}][\w.\-]+){{0,2}})(?=\s*\())?"
                rf"(?:(?P<day>\d{{1,2}})\s+(?P<month>{mon})(?:\s+(?P<year>\d{{4}}))?"
                # (the day whole: "MOSCOW, Nov 30 - Kazakhstan …" is no day 3 and agency "0")
                rf"|(?P<month2>{mon})\s+(?P<day2>\d{{1,2}})(?!\d)(?:,?\s+(?P<year2>\d{{4}}))?"
                # all in figures, before an agency in slashes or quotes: "Бишкек, 23.12.25.
                # /Кабар/.", "Семей.30.11.25.”Semeyainasy” –"
                r"|(?P<day3>\d{1,2})\.(?P<month3>\d{1,2})\.(?P<year3>\d{4}|\d{2})(?=\.?\s*[/”“\"«]))?"
                r"\s*[.,]?\s*"
                r"(?:/\s*(?P<a1>[^/\n]{2,40}?)\s*/\s*\.?"
                r"|[”“\"«](?P<a5>[^”“\"»\n]{2,40})[”“\"»]\s*[-—–]"
                r"|\((?P<a2>[^()\n]{2,40})\)\s*[-—–:]"  # "Moscow, 17 May 2022 (TDI): The …"
                r"|[-—–]\s*(?P<a3>[^.\s]+(?:\s[^.\s]+){0,2})\s*\."
                r"|(?P<a4>[^\s/()]+(?:\s[^\s/()]+){0,2})\s*[-—–])"
                r"(?:\s+(?=\S)|\s*$)",
                re.IGNORECASE,
            ),
            # DATE [AGENCY] –, the date first and full: "March 28, 2022 [Argus] – Loadings …",
            # "Jan 7, 2022 (Reuters) - …".
            re.compile(
                rf"^(?P<place>)(?:(?P<day>\d{{1,2}})\s+(?P<month>{mon})"
                rf"|(?P<month2>{mon})\s+(?P<day2>\d{{1,2}}))(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
                r"\s*(?:\[(?P<a1>[^\]\n]{2,40})\]|\((?P<a2>[^()\n]{2,40})\))\s*[-—–]\s+(?=\S)",
                re.IGNORECASE,
            ),
            # PLACE, FULL DATE – the lead, no agency: a press release's or a paper's own
            # dateline ("Astana, November 21, 2022 – Kassym-Jomart Tokayev has won …")
            re.compile(
                rf"^{place},\s+"
                rf"{day_month}"
                r"(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})(?P<own>)\s*[-—–]{1,2}\s+"
                rf"{lead}",
                re.IGNORECASE,
            ),
            # AGENCY, PLACE, DATE in figures. The lead: a regional agency's own dateline
            # ("УрБК, Екатеринбург, 16.05.2023. В Свердловской области …")
            re.compile(
                rf"^(?P<a4>(?-i:[{_UPPER}][\w\-]+)),\s+{place},\s+"
                r"(?P<day3>\d{1,2})\.(?P<month3>\d{1,2})\.(?P<year3>(?:19|20)\d{2})(?P<own>)\.\s+"
                rf"{lead}",
                re.IGNORECASE,
            ),
            # PLACE[, COUNTRY], DATE: the lead, no agency, a colon after the day (its year
            # often left out): a paper's own dateline ("NurSultan, Kazakhstan, Jan 11:
            # Kazakhstan's President …", "Islamabad, January 5, 2022: The …")
            re.compile(
                rf"^{place},\s+"
                rf"(?:(?-i:[{_UPPER}][\w\-]+(?:\s[{_UPPER}][\w\-]+){{0,2}}),\s+)?"
                rf"(?:(?P<day>\d{{1,2}})\s+(?P<month>{mon})|(?P<month2>{mon})\.?\s+(?P<day2>\d{{1,2}}))"
                r"(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?(?P<own>)\s*:\s+"
                rf"{lead}",
                re.IGNORECASE,
            ),
            # PLACE[, COUNTRY] (AGENCY) DATE –, the full date after the agency in brackets:
            # "Anaklia, Georgia (PortSEurope) January 3, 2021 – Anaklia Deep Sea Port …".
            re.compile(
                rf"^{place}"
                rf"\b\s*,?\s*(?:(?-i:[{_UPPER}][\w.\-]+(?:\s[{_UPPER}][\w.\-]+){{0,2}})\s*)?"
                r"\((?P<a2>[^()\n\d]{2,40})\)\s*"
                rf"{day_month}"
                r"(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\s*[-—–]\s+(?=\S)",
                re.IGNORECASE,
            ),
            # PLACE (AGENCY - DATE), the agencies and the full date in brackets: "MOSCOW
            # (Pakistan Point News / Sputnik - 17th January, 2022) Russian peacekeepers …",
            # "ISLAMABAD, (UrduPoint / Pakistan Point News - 17th Jan, 2022) :".
            re.compile(
                rf"^{place}"
                r"\b\s*,?\s*\((?P<a2>[^()\n\d]{2,60}?)\s+[-—–]\s+"
                rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{mon})"
                rf"|(?P<month2>{mon})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?),?\s+(?P<year>\d{{4}})"
                r"\)\s*[:\-—–]?\s*(?=\S)",
                re.IGNORECASE,
            ),
        )
    tail_stamp = None
    if months:
        said = _phrases(publish)
        # "… plan repairs. Published – November 29, 2025 06:21 pm IST", "… на повні
        # груди.20:07 05.01.2017": a stamp glued after the last sentence of a paragraph
        tail_stamp = re.compile(
            r"(?<=[.!?»\"”])\s*(?P<stamp>"
            + (rf"(?:(?:{said})\s*[-–—:]?\s*(?:on\s+)?)?" if said else "")
            + r"(?:\d{1,2}:\d{2}\s+)?"
            rf"(?:\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|\d{{1,2}}\s+(?:{mon})\s+\d{{4}}"
            rf"|(?:{mon})\s+\d{{1,2}},?\s+\d{{4}})"
            r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?(?:\s+[A-Z]{2,4})?)$",
            re.IGNORECASE,
        )
    stamp_before, stamp_after, stamp_counts = _stamp_neighbours(fields, labels, counters)
    return CleanRules(
        record_fields=frozenset(fields | authors),
        stamp_before=stamp_before,
        stamp_after=stamp_after,
        stamp_counts=stamp_counts,
        abbreviations=frozenset(a.casefold() for a in abbreviations),
        debris=tuple(debris),
        bylines=tuple(bylines),
        navigation=frozenset(nav),
        breadcrumb_home=tuple(sorted(home, key=lambda h: (-len(h), h))),
        section_words=frozenset(sections),
        sections=tuple(sorted({_key(w) for w in sections} | nav, key=lambda k: (-len(k), k))),
        switcher_tokens=frozenset(switch),
        share_tokens=frozenset(share),
        relative_days=frozenset(relative),
        publish_words=frozenset(publish),
        update_words=frozenset(update),
        yesterday_words=frozenset(yesterday),
        today_words=frozenset(today),
        today=re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(today)) + r")\W{0,3}(?=\d)",
            re.IGNORECASE,
        )
        if today
        else None,
        deadline=re.compile(
            r"(?<!\w)(?:" + _phrases(deadline) + r")\s*$",
            re.IGNORECASE,
        )
        if deadline
        else None,
        edit_tag=re.compile(r"\s*\[\s*(?:" + _phrases(edit) + r")\s*\]\s*$", re.IGNORECASE)
        if edit
        else None,
        start=re.compile(r"(?<!\w)(?:" + _phrases(start) + r")\s*$", re.IGNORECASE)
        if start
        else None,
        salutation=re.compile(
            r"^\W*(?:" + _phrases(salutations) + r")\b[^.!?\n]{0,60}!", re.IGNORECASE
        )
        if salutations
        else None,
        permalink=re.compile(
            r"^\W*(?:" + _phrases(permalink) + r")\s*:?\s*(?P<url>https?://\S+)\s*$",
            re.IGNORECASE,
        )
        if permalink
        else None,
        anniversary=tuple(anniversary),
        months=months,
        date_patterns=tuple(date_patterns),
        datelines=datelines,
        tail_stamp=tail_stamp,
        currency_names=re.compile(
            r"(?<![^\W\d_])(?:" + _phrases(currencies) + r")[^\W\d_]{0,2}(?![^\W\d_])",
            re.IGNORECASE,
        )
        if currencies
        else None,
        agencies=frozenset(a.casefold() for a in agencies),
    )


@dataclass(frozen=True)
class Dateline:
    """The agency dateline that opened the first paragraph ("АСТАНА, 24 ноября. /ТАСС/.")."""

    place: str
    day: int | None
    month: int | None
    year: int | None
    agency: str


@dataclass(frozen=True)
class Removed:
    kind: str
    line: str


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


# --------------------------------------------------------------------------- helpers


def _key(text: str) -> str:
    """A comparison key: case-folded, punctuation-free, single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def fold_homoglyphs(line: str) -> str:
    """Latin look-alikes inside Cyrillic words -> Cyrillic ("Підписуйтеcь" with a Latin c)."""
    out = []
    for token in line.split(" "):
        if _CYR.search(token) and _LAT.search(token):
            token = token.translate(_HOMOGLYPHS)
        out.append(token)
    return " ".join(out)


def _fold_mixed_word(m: re.Match[str]) -> str:
    word = m.group(0)
    folded = word.translate(_LOOKALIKES)
    if not _LAT.search(folded):
        return folded
    # ... or a Latin word with single Cyrillic look-alikes in it ("Fоtо: LETA", "ExxоnMobil",
    # "NCОC"); not two words glued ("altНа площади": an image's "alt" and the lead)
    if _CYR_RUN.search(word):
        return word
    latin = word.translate(_TO_LATIN)
    return word if _CYR.search(latin) else latin


def fold_mixed_scripts(text: str) -> str:
    """Cyrillic words written with Latin (or Armenian, Greek) look-alike letters, whole."""
    return _MIXED_WORD.sub(_fold_mixed_word, text)


# Bare tags a scraper left in a text dump ("… спричинивши пожежу<p>Три безпілотники …</p>"):
# a paragraph or line break is a line break, emphasis is dropped. Tags with attributes are
# left as text (an article quoting markup); nothing here is ever rendered as markup.
_STRAY_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6])\s*/?>", re.IGNORECASE)
_STRAY_INLINE_TAG = re.compile(r"</?(?:b|i|em|strong|span|u)>", re.IGNORECASE)


# A date in figures glued to the time after it ("07.05.202509:01", a post's stamp in a
# channel's feed: the date and the time were two elements).
_GLUED_CLOCK = re.compile(
    r"(?<!\d)(\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2})(?=[0-2]?\d:[0-5]\d(?!\d))"
)


def _link_bar(line: str, separator: re.Pattern[str]) -> bool:
    """A bar of links: four items or more between separators, each a few words, no digits
    (not a stamp's fields: "Новости | 12.01.2022 | 14:00 | 5 просмотров")."""
    items = [x for x in separator.split(line.strip()) if x.strip()]
    return (
        len(items) >= LINK_BAR_ITEMS
        and not re.search(r"\d", line)
        and all(_words(x) <= LINK_BAR_ITEM_WORDS for x in items)
    )


def _bar_line(line: str) -> str:
    """A link bar whose items a scraper left apart by runs of spaces, with bars between
    them ("BusinesshelpUa - Допомога бізнесу   Ivan шукає й тобі помагає !!!   Преса
    України   …"): single spaces would run the items together into a sentence."""
    if "   " not in line or not _link_bar(line, _SPACED_ITEMS):
        return line
    return " | ".join(x.strip() for x in _SPACED_ITEMS.split(line.strip()) if x.strip())


def normalise_text(text: str) -> str:
    """NFC, Unix newlines, no zero-width characters, no bare tags left by a scraper, single
    spaces, stripped lines, no look-alike letters inside Cyrillic words."""
    if _ENTITY.search(text):  # crawlers leave "&nbsp;", "&laquo;" in text dumps
        text = html.unescape(text)
    text = fold_mixed_scripts(_ZERO_WIDTH.sub("", unicodedata.normalize("NFC", text)))
    text = _LANG_MARKER.sub("", text)
    text = _STRAY_BLOCK_TAG.sub("\n", _STRAY_INLINE_TAG.sub("", text))
    text = _GLUED_CLOCK.sub(r"\1 ", text)  # "07.05.202509:01": a feed's stamp, two elements
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\f", "\n").replace("\v", "\n")
    return "\n".join(_SPACES.sub(" ", _bar_line(line)).strip() for line in text.split("\n"))


def _words(line: str) -> int:
    return len(line.split())


def _bare_end(line: str) -> str:
    """The line without the closing quotes, brackets and spaces after its last word."""
    return line.rstrip('»"”’)] ')


def _ends_sentence(line: str) -> bool:
    return line.rstrip("»\"”’)]' ").endswith(tuple(SENTENCE_END)) if line else False


def numeric_date(m: re.Match[str], latin: bool = False) -> tuple[int, int, int] | None:
    """(year, month, day) of a ``_NUMERIC_DATE`` match; ``None`` when its order is unknown.

    Day first is the rule ("06.01.2022", "06/01/2022"); a slash or dash date whose first
    number cannot be a day of the second is month first ("01/13/2022"). With ``latin`` (the
    page may write month first: see ``metadata.month_first_possible``) a slash or dash date
    that reads both ways ("01/06/2022", "09-12-2013") is unknown: a site template's
    ``m/d/Y`` or ``m-d-Y`` is as common as ``d/m/Y``. Dots are always day first.
    """
    g = m.groupdict()
    if g.get("iyear"):
        return int(g["iyear"]), int(g["imonth"]), int(g["iday"])
    if g.get("cyear"):
        return int(g["cyear"]), int(g["cmonth"]), int(g["cday"])
    if g.get("syear"):
        return 2000 + int(g["syear"]), int(g["smonth"]), int(g["sday"])
    y, mo, d = int(g["year"]), int(g["month"]), int(g["day"])
    if g["sep"] in "/-":
        if mo > 12 >= d:
            return y, d, mo
        if latin and mo <= 12 and d <= 12 and mo != d:
            return None
    return y, mo, d


def _date_ends(text: str, at: int, rules: CleanRules) -> list[int]:
    """Where the date written at offset ``at`` of ``text`` ends, once for each date pattern
    that matches there (the numeric one first, then the packs' in their order)."""
    return [
        m.end()
        for rx in (_NUMERIC_DATE, *rules.date_patterns)
        for m in rx.finditer(text)
        if m.start() == at
    ]


def find_dates(
    text: str, rules: CleanRules, latin: bool = False
) -> list[tuple[int, int | None, int, int]]:
    """(offset, year or None, month, day) of every date written in ``text``, in order.

    ``latin``: the page is in Latin script (a slash date may be month first: see
    ``numeric_date``)."""
    found: dict[int, tuple[int, int | None, int, int]] = {}
    for m in _NUMERIC_DATE.finditer(text):
        ymd = numeric_date(m, latin)
        if ymd is not None:
            found[m.start()] = (m.start(), *ymd)
    for rx in rules.date_patterns:
        for m in rx.finditer(text):
            month = rules.months.get(m.group("month").lower().rstrip("."))
            if month is None:
                continue
            year = m.groupdict().get("year")
            day = int(m.group("day"))
            item = (m.start(), int(year) if year else None, month, day)
            old = found.get(m.start())
            if old is None or (old[1] is None and item[1] is not None):
                found[m.start()] = item
    return [found[k] for k in sorted(found)]


def _relative_word(word: str, rules: CleanRules) -> bool:
    """A word of a stamp's label ("обновлено", "Posted"), or one cut short ("публикаци")."""
    if word in rules.relative_days:
        return True
    return len(word) >= 6 and any(r.startswith(word) for r in rules.relative_days)


def _stamp_neighbours(
    fields: Iterable[str], labels: Iterable[str], counters: Iterable[str]
) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]:
    """A stamp's neighbours on its line, from the packs' words: the category field before it
    (a CMS's article info line, Joomla's "Category: … Published on …"), the category field
    after it, past a bar ("дата: 09.04.2013 | Категория: Горячие новости"), and view and
    comment counts after it ("Hits: 1", "826 просмотров   2 комментария")."""
    fields, labels, counters = set(fields), set(labels), set(counters)
    before = after = counts = None
    if fields and labels:
        before = re.compile(
            rf"^\s*(?:{_phrases(fields)})\s*:\s*[^:\d]{{1,30}}?\s+(?=(?:{_phrases(labels)}))",
            re.I,
        )
    if fields:
        after = re.compile(rf"\s*\|\s*(?:{_phrases(fields)})\s*:\s*[^:\d|]{{1,40}}$", re.I)
    if counters:
        stems = rf"(?:{_phrases(counters)})\w*"
        counts = re.compile(rf"(?:\s+(?:{stems}\s*:\s*\d[\d\s]*|\d[\d\s]*\s+{stems}))+\s*$", re.I)
    return before, after, counts


def is_timestamp(line: str, rules: CleanRules) -> bool:
    """A line made only of dates, times and words like "today" ("14:15 18 жов 2025."),
    maybe between a category field and view or comment counts ("Category: World Published
    on Monday, 03 January 2022 18:32 Hits: 1", "Дата публикации: 17.06.2024   826
    просмотров   2 комментария", "дата: 09.04.2013 | Категория: Горячие новости").
    Not a row of clock times alone: a widget's sunrise and sunset ("05:04 21:50 01:58")."""
    if _CLOCK_ROW.fullmatch(line.strip()):
        return False
    if _stamp_bits(line, rules):
        return True
    if _stamp_then_field(line, rules):
        return True
    bare = line
    for rx in (rules.stamp_after, rules.stamp_before, rules.stamp_counts):
        bare = rx.sub("", bare) if rx is not None else bare
    if bare != line and bare.strip():
        line = bare
    tokens = sum(1 for t in line.split() if re.search(r"\w", t))  # not the "|" between
    if tokens > 14 or not any(ch.isdigit() for ch in line):
        return False
    rest = line
    spans = []
    for rx in (_NUMERIC_DATE, *rules.date_patterns, _TIME, _TIMEZONE):
        spans.extend(m.span() for m in rx.finditer(line) if m.group(0).strip())
    if not spans:
        return False
    chars = list(rest)
    for a, b in spans:
        for i in range(a, b):
            chars[i] = " "
    rest = "".join(chars)
    key = _key(rest)
    for agency in sorted(rules.agencies, key=len, reverse=True):  # "UA.NEWS 07 Січня 2022"
        name = _key(agency)
        if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", key):
            key = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", key, count=1)
            break
    else:  # an outlet known by its site's name only: "source-logo cryptopolitan.com 06
        # January 2022 20:04, UTC" (an aggregator's line crediting its source)
        key = _key(_SITE_TOKEN.sub(" ", rest, count=1))
    dated = bool(_NUMERIC_DATE.search(line)) or any(
        m.groupdict().get("year") for rx in rules.date_patterns for m in rx.finditer(line)
    )
    first, last = min(a for a, _b in spans), max(b for _a, b in spans)
    author = line[:first].strip().rstrip("|,:–—-·•").strip()
    # A byline that ends in the date: "By bne IntelliNews March 24, 2022", "By Jane Doe |
    # 12 January 2022, 10:36", "By Henry Lazenby January 6, 2022 At 12:50 pm" (the author's
    # name before the first date, nothing after the last date but a time and its label),
    # maybe with the outlet after a comma ("By Malte Humpert, High North News February 26,
    # 2024").
    name, _comma, outlet = author.partition(",")
    signers = (author, name) if outlet and _words(outlet) <= BYLINE_OUTLET_WORDS else (author,)
    signed = (
        dated
        and all(_relative_word(w, rules) for w in _key(line[last:]).split())
        and _words(line) <= 14
        and any(
            rx.match(who.strip()) is not None and "author" in rx.groupindex
            for rx in rules.bylines
            for who in signers
        )
    )
    if signed:
        return True
    labels = rules.publish_words | rules.update_words
    if tokens > 8 and not (dated and any(w in labels for w in _key(line).split())):
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
    prefix = line[: min(a for a, _b in spans)]
    places = [t for t in re.split(r"[\s,.]+", prefix) if t]
    place_words = [w for w in _key(prefix).split() if not _relative_word(w, rules)]
    if not dated:
        # The clock, the day and the place, nothing else: "14:54 05 December Kyiv, Ukraine".
        after = [t for t in re.split(r"[\s,.]+", line[last:]) if t]
        if (
            _TIME.match(line.lstrip()) is not None
            and 1 <= len(words) <= 3
            and len(after) == len(words)
            and all(t[:1].isupper() for t in after)
        ):
            return True
        # A dateline without a year on its own line, the city in capitals, nothing after
        # the date: "BAKU, Azerbaijan, Jan. 11", "МОСКВА, 5 января".
        return (
            1 <= len(words) <= 3
            and place_words == words
            and all(t[:1].isupper() for t in places)
            and len(places[0]) >= 3
            and places[0].isupper()
            and not line[max(b for _a, b in spans) :].strip(" .,")
        )
    # A stamp with a year and a time may carry its rubric or tags ("Росія, Казахстан,
    # Субота 29 листопада 2025 15:58", "kazakhstan 12 January, 2022 10:36HRS"), and a
    # publication label may carry its author ("Posted on January 7, 2022 by admin").
    if len(words) <= 3 and _time_outside_dates(line, rules):
        return True
    # ... or a weekday and a full date its tags ("Tuesday, 11 January 2022 violence society
    # politics"): lower-case single words, nothing else
    opening = _key(line[:first]).split()
    tags = line[last:].split()
    if (
        dated
        and opening
        and all(_relative_word(w, rules) for w in opening)
        and 1 <= len(tags) <= 3
        and all(re.fullmatch(r"[^\W\d_]+", t) and t.islower() for t in tags)
    ):
        return True
    sections = rules.navigation | {_key(w) for w in rules.section_words}
    if len(words) <= 2 and all(w in sections for w in words):  # "Политика 13 января 2022"
        return True
    if (  # a full date, a slash or bar, its rubric: "08.02.2022 / Қазақстан"
        len(words) <= 2
        and not line[:first].strip()
        and re.fullmatch(r"\s*[/|]\s*[^\W\d_][\w-]*(?:\s[^\W\d_][\w-]*)?\s*", line[last:])
    ):
        return True
    # A dateline on its own line: a place in capitals before the date, nothing after it
    # but a time or a year word ("Алматы 7 января 2022 года", "ALMATY, January 7, 2022").
    if 1 <= len(words) <= 3 and place_words == words and all(t[:1].isupper() for t in places):
        return True
    label = _key(line).split()[:1]
    if bool(label) and label[0] in rules.publish_words and _words(line) <= 14:
        return True
    # A sentence labelling the date as the publication's, nothing after the date but a
    # time ("This post was published on 13.12.2022 16:42", "Статья опубликована 5 января
    # 2022"): a stamp, not text.
    return (
        dated
        and _published_label(line, rules)
        and all(_relative_word(w, rules) for w in _key(line[last:]).split())
    )


# the next field of a record after a stamp ("… 10:35 Автор: …", "… Category: News")
_NEXT_FIELD = re.compile(r"\s+(?=(?P<label>[^\W\d_][^\W\d_-]{2,}(?:\s[^\W\d_]+)?)\s*:\s+\S)")
FIELD_WORDS = 10  # words of that field at most


def _stamp_then_field(line: str, rules: CleanRules) -> bool:
    """A labelled stamp with a full date, then another field of the record on the same line
    ("Дата: 6.06.2022, 10:35 Автор: Әлихан Бөкейханов атындағы №15 мектеп - лицейі"): a
    field the packs name (``category_fields``, ``author_fields``)."""
    if ":" not in line:  # (every line of a page is asked: most have no field at all)
        return False
    for m in _NEXT_FIELD.finditer(line):
        head, tail = line[: m.start()], line[m.end() :]
        if not any(ch.isdigit() for ch in head):
            continue
        if m.group("label").casefold() not in rules.record_fields:
            return False
        if _words(tail) > FIELD_WORDS or not tail[:1].isupper():
            return False
        latin = not _CYR.search(head)
        return (
            ":" in head
            and any(year for _s, year, _m, _d in find_dates(head, rules, latin=latin))
            and is_timestamp(head, rules)
        )
    return False


def _published_label(line: str, rules: CleanRules) -> bool:
    """Does a publication label ("Published", "This post was published on", "Статья
    опубликована") stand in the few words before the line's first date (or digit)?"""
    head = re.split(r"\d", line, maxsplit=1)[0]
    before = _key(head).split()
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
    if len(bits) < 2 or len(bits) > STAMP_BITS or not all(bits):
        return False
    stamps = 0
    for bit in bits:
        if is_timestamp(bit, rules):
            stamps += bool(_NUMERIC_DATE.search(bit) or any(f[1] for f in find_dates(bit, rules)))
        elif not (
            any(rx.match(bit) and "author" in rx.groupindex for rx in rules.bylines)
            or (stamps and _VIEWS_BIT.fullmatch(bit))  # "… | 2013-10-16 | 4277": the views
        ):
            return False
    return stamps >= 1


def _issue_line(line: str, rules: CleanRules) -> bool:
    """A print paper's issue line: its name, the issue's number and the issue's full date,
    maybe the publisher after it ("Жас Алаш №102 (15664) 23 желтоқсан, жұма 2011", "N°219,
    28 ноября 2001 Время новостей ИД "Время"")."""
    if "№" not in line and not re.search(r"N°|No\.?\s*\d", line):
        return False
    for rx in (_NUMERIC_DATE, *rules.date_patterns):
        for m in rx.finditer(line):
            full = bool(m.groupdict().get("year") or m.groupdict().get("iyear"))
            if full and _ISSUE_LINE.fullmatch(line[: m.start()]):
                return _words(line[m.end() :].lstrip(")")) <= ISSUE_TAIL_WORDS
    return False


def _time_outside_dates(line: str, rules: CleanRules) -> bool:
    """Does the line give a time of day besides its dates ("23.05" in "23.05.2022" is not)?"""
    chars = list(line)
    for rx in (_NUMERIC_DATE, *rules.date_patterns):
        for m in rx.finditer(line):
            chars[m.start() : m.end()] = " " * (m.end() - m.start())
    return bool(_TIME.search("".join(chars)))


_SLASH_CRUMB = re.compile(r"^\s*//\s*[^\s/](?:\S*\s+){0,3}\S*\s*$")


def _is_breadcrumb(line: str, rules: CleanRules) -> bool:
    """A breadcrumb trail: "Home » World » ...", "Русский язык>>Россия и СНГ", or a home
    word followed by a section name. A trail from the home page may end in the headline,
    question mark and all ("На головну / ІСТОРІЯ / Районна газета – … ВИДАННЯ?")."""
    parts = [p for p in _SEPARATORS.split(line) if p.strip()]
    first = _key(parts[0]) if parts else ""
    if len(parts) >= 3 and first in rules.breadcrumb_home and _words(parts[1]) <= 4:
        return True
    if _ends_sentence(line):
        return False
    if _SLASH_CRUMB.match(line):
        return True  # "// Constitution": the last item of a trail after the site's "//"
    menu = [p for p in _MENU_ARROWS.split(line) if p.strip()]
    if len(menu) >= 2 and all(_words(p) <= 4 for p in menu):
        return True
    starts_as_menu = first in rules.breadcrumb_home or first in rules.sections
    if len(parts) >= 3 and starts_as_menu and all(_words(p) <= 4 for p in parts[:-1]):
        return True
    key = _key(line)
    words = line.split()
    if (
        words
        and _key(words[0]) in rules.breadcrumb_home
        and len(words) <= HOME_MENU_WORDS
        and sum(w[:1].isupper() for w in words[1:]) >= HOME_MENU_ITEMS
    ):  # the home word and the menu's items, run together ("Головна Вісті з світу
        return True  # Новини з України Контакт"): a headline capitalises its first word only
    for home in rules.breadcrumb_home:
        if key == home:
            return True
        if key.startswith(home + " "):
            if len(parts) >= 2:
                return True
            rest = key[len(home) + 1 :]
            return any(rest == s or rest.startswith(s + " ") for s in rules.sections)
    return False


def _token_line(line: str, tokens: frozenset[str]) -> bool:
    """A share bar: every word a network's name; or 3+ of them in a line that is not a
    sentence ("Facebook iPress Telegram iPress Twitter iPress search menu")."""
    parts = [p for p in re.split(r"[\s|/·•,]+", line) if p]
    known = sum(1 for p in parts if _key(p) in tokens)
    if known >= 3 and known * 2 >= len(parts) and not _ends_sentence(line):
        return True
    return len(parts) >= 2 and all(_key(p) in tokens for p in parts if _key(p))


_LABEL = re.compile(r"^\s*[^\W\d_]+\s*:\s*")  # "Мова:", "Language:", "Тіл:"
_LANG_CODE = re.compile(r"[A-ZА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ]{2,3}")


def _switcher_line(line: str, tokens: frozenset[str]) -> bool:
    """A language switcher: known language names/codes (at least two), maybe after a label
    such as ``Мова:``, and otherwise only short upper-case codes (``DEU``, ``FR``)."""
    body = _LABEL.sub("", line, count=1)
    parts = [p for p in re.split(r"[\s|/·•,]+", body) if _key(p)]

    def named(part: str) -> bool:  # "Pyc": "Рус" in Latin look-alike letters ("Eng | Pyc")
        return _key(part) in tokens or _key(part.translate(_HOMOGLYPHS)) in tokens

    known = sum(1 for p in parts if named(p)) + len(_FLAG.findall(body))  # "RU 🇷🇺 🇰🇿 🇬🇧"
    return known >= 2 and all(named(p) or _LANG_CODE.fullmatch(p) for p in parts)


_FLAG = re.compile("[\U0001f1e6-\U0001f1ff]{2}")  # a flag: two regional indicator letters
# An empty ad slot named by its size ("Рекламный баннер 980x90px unterhead")
_AD_SLOT = re.compile(r"\b\d{2,4}\s?[xх×]\s?\d{2,4}\s?px\b", re.IGNORECASE)
AD_SLOT_MAX_WORDS = 8
# An address Cloudflare hid from the page dump ("[email protected]"), maybe after its label
_PROTECTED_EMAIL = re.compile(r"^(?:[^\W\d_]+\s*:\s*)?\[email\s+protected\]$", re.IGNORECASE)
# An icon font's ligature left as text by a page dump ("arrow", "chevron_right")
_ICON_NAME = re.compile(
    r"^(?:arrow(?:_(?:back|forward|upward|downward|right|left|drop_down|drop_up))?"
    r"|chevron_(?:left|right)|expand_(?:more|less)|keyboard_arrow_(?:left|right|up|down))$"
)
_HASHTAG = re.compile(r"#[^\W_][\w-]*[,;]?")  # one hashtag of a line of them
# A dump of a site's section identifiers ("advertisement club_uz conditions culturallife
# elections_law_uz …"): machine names in small Latin letters, three or more with "_"
_IDENTIFIER = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")


# A PHP message a broken page prints above its text, however long ("Notice: Function
# _load_textdomain_just_in_time was called incorrectly. … in /var/www/…/functions.php on
# line 6114"): the format of PHP's own error handler, the same in every language.
_PHP_MESSAGE = re.compile(
    r"^\s*(?:deprecated|warning|notice|strict standards|fatal error|parse error)\s*:\s"
    r".*\bin\s+/\S+\.(?:php|inc)\s+on\s+line\s+\d+\s*$",
    re.IGNORECASE,
)


# An image left as markup on a line of its own by a page-to-text dump ("<image>…
# alt="…"</image>", "<img src=… alt=…>"): page furniture, never text; its alt text may say
# the headline (see ``_image_alt``).
_IMAGE_LINE = re.compile(
    r"^(?:<image\b[^>]*>.*</image>|<img\b[^>]*/?>|(?:!\[[^\]\n]*\]\([^)\s]*\)\s*)+)$",
    re.IGNORECASE | re.DOTALL,
)  # (and Markdown's: "![Виклики війни: …](https://…/maxresdefault-5.jpeg)")
_IMAGE_ALT = re.compile(r"\balt=\"(?P<alt>[^\"]*)\"|^!\[(?P<md>[^\]\n]+)\]", re.IGNORECASE)
IMAGE_ALT_MIN_WORDS = 4  # a shorter alt text names a picture ("Касым-Жомарт Токаев"), no story


def _image_alt(line: str, rules: CleanRules) -> str | None:
    """The alt text of an image line when it reads as a headline: 4-30 words, not a
    caption or credit; an alt text printed twice over ("X X", a CMS's title + caption)
    counts once."""
    m = _IMAGE_ALT.search(line)
    if not m:
        return None
    alt = " ".join((m.group("alt") or m.group("md") or "").split())
    twice = re.fullmatch(r"(.{10,}?) \1", alt)
    if twice:
        alt = twice.group(1)
    if not IMAGE_ALT_MIN_WORDS <= _words(alt) <= HEADLINE_MAX_WORDS:
        return None
    if classify(alt, rules) is not None or _byline(alt, rules) is not None:
        return None
    return alt


def classify(line: str, rules: CleanRules, title: str | None = None) -> str | None:
    """The debris class of one line, or ``None`` when it is (or may be) article text."""
    if _IMAGE_LINE.match(line):
        return "image"
    if _WIRE_CAPTION.match(line):
        return "caption"
    if _PHP_MESSAGE.match(line):
        return "prompt"
    if _words(line) <= AD_SLOT_MAX_WORDS and _AD_SLOT.search(line):
        return "widget"
    if _ICON_NAME.match(line):
        return "symbols"
    if _PROTECTED_EMAIL.match(line):
        return "contact"
    if _words(line) > GLUED_MENU_WORDS and len(_GLUED_ITEM.findall(line)) >= GLUED_ITEMS:
        return "sidebar"  # "… задержан 49-летний мужчинаНазначение … — эксперт220 школам …"
    tokens = line.split()
    if sum("_" in t for t in tokens) >= 3 and all(_IDENTIFIER.fullmatch(t) for t in tokens):
        return "navigation"
    if len(tokens) >= 2 and all(_HASHTAG.fullmatch(t) for t in tokens):
        return "tags"  # "#Earthquake #residents #escape #Almaty"
    if _words(line) > MAX_DEBRIS_WORDS:
        for cls, rx in rules.debris:  # a ticker of other stories may run long
            if cls == "ticker" and rx.search(line):
                return cls
        return None
    key = _key(line)
    if not key:
        return "symbols" if not re.search(r"\w", line) else None
    if title and key == _key(title):
        return "repeated_title"
    for cls, rx in rules.debris:  # a "today" box looks like a timestamp but is not one, nor
        if cls in ("today_widget", "widget", "account") and rx.search(line):  # a greeting's clock
            return cls
    if _market_ticker(line, rules) or _weather(line):
        return "widget"  # (a rate "6.57 KZT" is no date; nor is "25.8 C" a count)
    if _link_bar(line, _BAR):
        return "navigation"  # "BusinesshelpUa - Допомога бізнесу | Ivan шукає … | Преса …"
    if _EPIGRAPH.match(line.strip()):
        return "epigraph"
    if _issue_line(line, rules):
        return "header"  # (a stamp wherever it stands, like an agency's header)
    if is_timestamp(line, rules):
        return "timestamp"
    if _LONE_NUMBER.match(line) or re.sub(r"[\W_]", "", line).isdigit():
        return "counter"
    if "©" in line or re.match(r"^\(c\)\s", line, re.IGNORECASE):
        return "photo_credit"
    item = _LIST_NUMBER.sub("", line, count=1)  # a numbered menu item: "1. Skip to content"
    if key in rules.navigation or (item != line and _key(item) in rules.navigation):
        return "navigation"
    folded = fold_homoglyphs(line)
    for cls, rx in rules.debris:
        if rx.search(line) or (folded != line and rx.search(folded)):
            return cls
        if item != line and rx.match(item):
            return cls
    if line.strip().strip(".:;|").strip().casefold() in rules.agencies:
        return "outlet_label"  # a line that is only an outlet's name (page header, byline)
    if _SITE_NAME.match(line.strip()):
        return "site_name"  # a bare domain: a site's or a counter's name
    if _switcher_line(line, rules.switcher_tokens):
        return "language_switcher"
    if _token_line(line, rules.share_tokens):
        return "share"
    if (
        _is_breadcrumb(line, rules)
        or (item != line and _is_breadcrumb(item, rules))  # "1. Главная страница" / "2. Архив"
        or (_words(line) <= GLUED_MENU_WORDS and sum(1 for _ in _CAMEL.finditer(line)) >= 2)
    ):  # menu items glued together: "СюжетыПолитикаПри поддержке …"
        return "breadcrumb"
    if _is_header(line, rules):
        return "header"
    if _section_menu(line, rules):
        return "navigation"  # "TOP NEWS ПОЛИТИКА ЭКОНОМИКА ОБЩЕСТВО ПРОИСШЕСТВИЯ КУЛЬТУРА …"
    return None


def _section_menu(line: str, rules: CleanRules) -> bool:
    """A menu of section names on one line: ``MENU_SECTIONS`` or more of the packs' section
    words, and most of the line's words."""
    words = re.findall(r"[^\W\d_][\w’'-]*", line)
    named = sum(_key(w) in rules.sections for w in words)
    return named >= MENU_SECTIONS and named >= MENU_SECTION_SHARE * len(words)


def _market_ticker(line: str, rules: CleanRules) -> bool:
    """Is the line a currency or market ticker's: a currency code, sign or name (the packs'
    ``currency_names``) and rates only ("• USD 468.56", "504.49 KZT", "₽1 – 155.42", "Доллар
    США $ — 92,1234 руб.", or the code alone, its rate below)?"""
    stripped = line.strip()
    if rules.currency_names is not None and re.search(r"\d", stripped):
        stripped = rules.currency_names.sub("$", stripped)
    if len(stripped) > 60 or not _TICKER_CURRENCY.search(stripped):
        return False
    if not re.search(r"\d", stripped):  # a code alone: upper case ("USD", not "Try")
        return bool(re.fullmatch(r"[•·▪*\s]*[A-Z]{3}", stripped)) and stripped[-3:].isupper()
    if not _TICKER_TOKEN.sub(" ", stripped).strip():
        return True
    # the rates after a label and its day ("Курс ЦБ на 19.04 USD 447.4 up -1.49"), the
    # codes said in capitals after it
    m = _TICKER_LABEL.match(stripped)
    rest = stripped[m.end() :] if m else ""
    return bool(re.match(r"[A-Z]{3}\b", rest)) and not _TICKER_TOKEN.sub(" ", rest).strip()


_SPAN_START = re.compile(r"(?<!\d)\d{1,2}\s*[-–—]$")  # "14 –" before "21 January 2022"


def _is_header(line: str, rules: CleanRules) -> bool:
    """A page/agency header ending in a dated stamp ("Путин - Sputnik, 1920, 07.01.2022"); not
    a sentence of ``CAPTION_DATE_WORDS`` or more words before the date without a dash or number."""
    if _words(line) > 20:
        return False
    spans = [
        m.span()
        for rx in (_NUMERIC_DATE, *rules.date_patterns)
        for m in rx.finditer(line)
        if m.groupdict().get("year") or m.groupdict().get("iyear") or m.groupdict().get("syear")
    ]
    if not spans:
        return False
    start, end = max(spans, key=lambda span: span[1])
    after = line[end:]
    if not re.fullmatch(r"[\s,.;|\-–—]*(?:\d{1,2}[:.]\d{2}(?::\d{2})?)?[\s.]*", after):
        return False
    before = line[:start].rstrip()
    if _SPAN_START.search(before):
        return False  # the end of a span of days: "… for Kazakhstan 14 – 21 January 2022"
    if _words(before) >= CAPTION_DATE_WORDS and not re.search(r"\d|\s[-–—]\s", before):
        return False  # a sentence and its date: a photo's caption ("Riot police detain a
        # protester outside …, May 31, 2024."), a cited item, a lead, not a stamp
    return bool(before) and before.endswith((",", "|", "-", "–", "—", "(", "/"))


def _byline(line: str, rules: CleanRules) -> list[tuple[str, str]] | None:
    if _words(line) > 12:
        return None
    if " | " in line:  # "Текст: Людмила Смеркович | 2013-10-16 | 4277": the byline's field
        line = line.split(" | ", 1)[0]
    folded = fold_homoglyphs(line)
    for rx in rules.bylines:
        m = rx.match(line) or rx.match(folded)
        if m:
            out = []
            for group in ("author", "source"):
                value = (m.groupdict().get(group) or "").strip().rstrip(".")
                if value and _looks_like_name(value):
                    out.append((group, value))
            if out:
                return out
    return None


_NAME_LIST = re.compile(r",\s+|\s+(?:and|и|і|та|және)\s+")


def _looks_like_name(value: str) -> bool:
    """A person's or outlet's name: up to five words, the first capitalised (or a domain);
    or a list of such names ("Radina Gigova, Anna Chernova and Katharina Krebs")."""
    words = value.split()
    if 0 < len(words) <= 5 and (value[:1].isupper() or "." in words[0]):
        return True
    names = _NAME_LIST.split(value)
    return len(names) > 1 and all(0 < len(n.split()) <= 5 and n[:1].isupper() for n in names)


def split_glued_section(line: str, rules: CleanRules) -> str:
    """Drop a section word glued to the end of a line ("Ігор ПетрукНовини" -> "Ігор Петрук")."""
    parts = _CAMEL.split(line)
    if len(parts) > 1 and parts[-1] in rules.section_words:
        return "".join(parts[:-1]).rstrip()
    for word in rules.section_words:
        if line.endswith(" " + word):
            return line[: -len(word) - 1].rstrip()
    return line


def name_line(line: str, rules: CleanRules) -> str | None:
    """The person's name when a line is only a name (2-3 capitalised words), else ``None``."""
    if any(ch.isdigit() for ch in line) or _ends_sentence(line):
        return None
    candidate = split_glued_section(line, rules)
    if re.fullmatch(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}", candidate):
        words = candidate.split()
        menu = rules.sections or ()
        if (
            all(len(w) > 1 for w in words)
            and not _CAMEL.search(candidate)
            and not any(_key(w) in menu or _key(w) in rules.agencies for w in words)
        ):
            return normalise_name(candidate)
    return None


def normalise_name(name: str) -> str:
    """ "Аида РАХЫМҚҰЛОВА" -> "Аида Рахымқұлова"; other spellings are kept."""
    words = []
    for w in name.split():
        if len(w) > 1 and w.isupper():
            w = "-".join(p[:1] + p[1:].lower() for p in w.split("-"))
        words.append(w)
    return " ".join(words)


def _sidebar(lines: list[str], kinds: list[str | None], rules: CleanRules) -> None:
    """Mark lists of headlines with timestamps (2+ timestamps, one headline each)."""
    kept = [i for i, k in enumerate(kinds) if k is None or k == "timestamp"]
    stamps = [j for j, i in enumerate(kept) if kinds[i] == "timestamp"]
    runs: list[list[int]] = []
    for j in stamps:
        if runs and j - runs[-1][-1] == 2:
            runs[-1].append(j)
        else:
            runs.append([j])
    for run in runs:
        if len(run) < 2:
            continue
        between = [kept[a + 1] for a in run[:-1]]
        if not all(_sidebar_headline(lines, kinds, i) for i in between):
            continue  # sentences between times: a live blog, not a list of headlines
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


def _tail(
    lines: list[str],
    kinds: list[str | None],
    rules: CleanRules,
    bylines: list[tuple[str, str]],
) -> None:
    """After the last sentence: a bare name is the author; after the first debris line there,
    short lines without a full stop are page furniture (headlines, tags, menus)."""
    sentences = [i for i, k in enumerate(kinds) if k is None and _ends_sentence(lines[i])]
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
        if kinds[i] is None and _words(lines[i]) <= TAIL_MAX_WORDS:
            kinds[i] = "tail"


def _comment_boxes(lines: list[str], kinds: list[str | None], rules: CleanRules) -> None:
    """A readers' comments box under its header ("Свежие комментарии" / "• Name" / comment
    / ...): the lines after the header, up to the next blank line, are its comments."""
    headers = [rx for cls, rx in rules.debris if cls == "comments"]
    for i, line in enumerate(lines):
        if kinds[i] is not None or _words(line) > 4 or not any(rx.search(line) for rx in headers):
            continue
        kinds[i] = "comments"
        first = i + 1
        while first < len(lines) and kinds[first] == "blank":
            first += 1
        for j in range(first, min(len(lines), first + COMMENTS_MAX_LINES)):
            if kinds[j] == "blank" or _words(lines[j]) > MAX_DEBRIS_WORDS:
                break
            kinds[j] = "comments"


def _read_also_lists(lines: list[str], kinds: list[str | None]) -> None:
    """A bare "Read also:" or "Tags" line introduces a list: the short lines right after it."""
    for i, kind in enumerate(kinds):
        if kind not in ("read_also", "tags") or _words(re.sub(r"[:\s]+$", "", lines[i])) > 3:
            continue
        for j in range(i + 1, min(i + 1 + READ_ALSO_MAX_LINES, len(lines))):
            if kinds[j] is not None or _ends_sentence(lines[j]) or _words(lines[j]) > 20:
                break
            kinds[j] = kind


def _sidebar_headline(lines: list[str], kinds: list[str | None], i: int | None) -> bool:
    return (
        i is not None
        and kinds[i] is None
        and _words(lines[i]) <= 25
        and not lines[i].rstrip().endswith(".")
    )


# --------------------------------------------------------------------------- main entry


# Words a headline never ends with: a line ending in one is text broken by a hard wrap
# ("2023, storm restrictions on transshipment were repeatedly announced at the").
_DANGLING = frozenset(
    {
        # (not "in", "on", "by": a headline may end in a phrasal verb, "troops move in")
        *("the", "an", "of", "at", "to", "and", "with", "from", "or", "into"),
        *("в", "во", "на", "и", "с", "со", "к", "о", "об", "у", "по", "за", "из", "от"),
        *("до", "для", "що", "і", "та", "й", "з", "және"),
    }
)


def _dangling(line: str) -> bool:
    """Does the line end in an article, preposition or conjunction (a wrapped line)?"""
    words = line.split()
    return bool(words) and words[-1].casefold() in _DANGLING


def _is_masthead(lines: list[str], kinds: list[str | None], i: int) -> bool:
    """A one- or two-word line above the headline: site name or section label."""
    if _words(lines[i]) > 2 or _ends_sentence(lines[i]):
        return False
    following = [j for j in range(i + 1, min(i + 8, len(lines))) if kinds[j] != "blank"][:4]
    for n, j in enumerate(following):
        if _words(lines[j]) >= 3:
            # ... when a real headline follows: no full stop, not wrapped onto the next line.
            wrapped = _dangling(lines[j]) or (
                n + 1 < len(following) and lines[following[n + 1]][:1].islower()
            )
            return not _ends_sentence(lines[j]) and not wrapped
    return False


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[" + _UPPER + r"«\"„])")
_CAPS_PLACE = re.compile(r"[" + _UPPER + r"][" + _UPPER + r"\-]{2,}")  # "АСТРАХАНЬ"
_INITIAL = re.compile(r"(?:^|[\s.])[" + _UPPER + r"]\.$")  # "М.Т.", "В." before a name


def _abbreviation(word: str, abbreviations: frozenset[str]) -> bool:
    """Is ``word`` ("им.", "вул.", "Gen.") a known abbreviation with its period? Not a word
    in capitals ("FT."): a name's letters, not "ft." for feet."""
    bare = word.strip('«"„(').rstrip(".")
    if not word.endswith(".") or not bare or (len(bare) > 1 and bare.isupper()):
        return False
    return bare.casefold() in abbreviations


def _first_sentence(text: str, abbreviations: frozenset[str] = frozenset()) -> str:
    """The text up to its first sentence end; an initial's period is none ("Лаумулин М.Т.
    Ситуация в сфере …" is one line's title, "В. Путин заявил …" one sentence), nor an
    abbreviation's ("… в художественном музее им. И.К.Айвазовского …"), nor a period
    inside brackets ("… филармонии (г. Мурманск, …) …"). A place in capitals alone before
    the first full stop is a dateline: the sentence after it ("АСТРАХАНЬ. Губернатор …")."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start : m.start()]
        if _INITIAL.search(before) or before.count("(") > before.count(")"):
            continue
        if _abbreviation(before.rsplit(None, 1)[-1] if before.strip() else "", abbreviations):
            continue
        if _CAPS_PLACE.fullmatch(before.strip(" .")) and start == 0:
            start = m.end()  # "АСТРАХАНЬ." opens the lead: a dateline
            continue
        return before
    return text[start:]


def lead_title(text: str, rules: CleanRules | None = None) -> str:
    """A short title made from a lead paragraph: its first sentence (without a dateline),
    cut at a clause boundary or after ``LEAD_TITLE_WORDS`` words ("…" marks a cut)."""
    if rules is not None:
        for rx in rules.datelines:
            m = rx.match(text)
            if m and dateline_agency_ok(m, rules):
                text = text[m.end() :]
                break
    if m := _PLACE_COUNTRY_DAY.match(text):  # "Belek, TURKMENISTAN Dec 23 Turkmenistan on …"
        text = text[m.end(1) :].lstrip(" ,")
    known = rules.abbreviations if rules is not None else frozenset()
    text = _LOST_BULLET.sub("", text.strip(), count=1)  # "? гривня продовжує зміцнення;"
    if rules is not None and (hello := _salutation(text, rules)) and text[hello.end() :].strip():
        text = text[hello.end() :].lstrip(' "')  # '"Дорогие горожане! Эпидемиологическая …'
    first = _first_sentence(text, known).strip()
    if not _abbreviation(first.rsplit(None, 1)[-1] if first else "", known):  # "… 2014 г."
        first = first.rstrip(".").strip()
    words = first.split()
    if len(words) <= LEAD_TITLE_WORDS:
        if first.endswith(":"):  # a sentence introducing a quote or list: it goes on
            return first.rstrip(":").rstrip() + " …"
        return first
    cut = None
    for n in range(LEAD_TITLE_WORDS, LEAD_TITLE_MIN_CLAUSE - 1, -1):
        if words[n - 1].endswith((",", ";", ":")) and "(" not in " ".join(words[:n]):
            cut = n
            break
    if cut is not None:
        return " ".join(words[:cut]).rstrip(",;:") + " …"
    return " ".join(words[:LEAD_TITLE_CUT]).rstrip(",;:") + " …"


_SMALL_WORDS = frozenset(
    {
        *("a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with"),
        *("and", "or", "but", "as", "into", "over", "after", "amid", "vs"),
    }
)
# ... and the verbs and pronouns of a sentence: a line in small letters with any of them is
# a wrapped sentence, not a list of tags
_FUNCTION_WORDS = _SMALL_WORDS | {
    *("is", "are", "was", "were", "be", "it", "its", "that", "this", "said"),
    *("has", "have", "had", "will", "would", "not", "he", "she", "they", "we", "who"),
}


def _glued_headline(line: str, slug: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """(headline, lead) of an English headline in Title Case glued to the lead by a colon
    ("Russia Halts Gas Transit Through Ukraine: Russian gas exports to Europe have been
    suspended …" at …/russias-gazprom-halts-gas-transit.html); ``None`` for any other line
    (a lead opening "Kazakhstan: the government said …" has no Title Case), and unless
    the URL's slug says half the headline's words (not a speaker's name and post before
    a quote: "Deputy Prime Minister Roman Sklyar: the government will …")."""
    head, sep, rest = line.partition(": ")
    words = head.split()
    if not sep or not 4 <= len(words) <= 14 or _words(rest) < 12 or re.search(r"[.!?,;«»\"]", head):
        return None
    if _CYR.search(head) or not _ends_sentence(rest):
        return None
    big = [w for w in words if w.casefold() not in _SMALL_WORDS]
    if len(big) < 3 or not all(w[:1].isupper() or w[:1].isdigit() for w in big):
        return None
    said = _slug_skeletons(head)
    if not said or len(said & slug) < GLUED_SLUG_SHARE * len(said):
        return None
    return head.strip(), rest.strip()


def _headline_before_date(line: str) -> tuple[str, str] | None:
    """(headline, date and lead) of a line where the headline runs into the page's date and
    the lead without a space ("Новак: ЛУКОЙЛ предлагает … на восток России16.10.2015 ЛУКОЙЛ
    предлагает …"); ``None`` for any other line."""
    glued = _GLUED_DATE.search(line)
    if not glued:
        return None
    head = line[: glued.start()].strip()
    if not 4 <= _words(head) <= HEADLINE_MAX_WORDS or _ends_sentence(head):
        return None
    return head, line[glued.start() :]


def _title_candidate(line: str, rules: CleanRules | None = None) -> tuple[str, bool]:
    """(title, stays in body): a first line ending like a sentence is the lede, kept, and
    the title is a short one made from it."""
    heading = re.match(r"^#{1,6}\s+(?=\S)", line)  # a Markdown heading
    if heading:
        return line[heading.end() :].strip(), False
    sentence = _ends_sentence(line) and _bare_end(line).endswith(".")
    if sentence or _words(line) > HEADLINE_MAX_WORDS:
        return lead_title(line, rules), True
    return line, False


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[^\W\d_]{4,}", text.casefold().replace("ё", "е"))}


def _body_line(line: str, rules: CleanRules) -> bool:
    """A line of article text, not a headline: long, or a finished sentence of some length,
    or opening with an agency dateline."""
    words = _words(line)
    if words >= HEADLINE_MAX_WORDS or (words >= 12 and _bare_end(line).endswith(".")):
        return True
    if words >= BROKEN_LEAD_WORDS and _SENTENCE_BREAK.search(line):
        return True  # a standfirst of sentences, cut off ("… заявил Токаев. По его словам,
        # настало время помочь народу"): no headline runs on past a full stop this long
    if words >= 18 and _SENTENCE_BREAK.search(line) and _ends_sentence(line):
        return True  # two sentences and more, finished: a lead (not a page title of a
        # content farm's glued phrases "Массовые беспорядки в Казахстане. Много убитых …
        # Хроника событий Волнения в жанаозене")
    if _SENTENCE_BREAK.search(line) and _REPORTED_BY.search(line):
        return True  # sentences closed by the outlet reporting them: a lead
    for rx in rules.datelines:
        m = rx.match(line)
        if m and dateline_agency_ok(m, rules) and _words(line[m.end() :]) >= 3:
            return True  # (not "UZS – -0,47%" in a currency box)
    return bool(_PLACE_COUNTRY_DAY.match(line))


def _headline_score(line: str, position: int, body_stems: set[str]) -> float:
    """Evidence that a line above the article is its headline: length, sentence shape,
    repetition of its words in the article, position; lists of names and UI lines lose."""
    words = line.split()
    n = len(words)
    score = 1.0 if 5 <= n <= 16 else 0.6 if 17 <= n <= 25 else 0.3 if n >= 3 else -1.0
    end = _bare_end(line)
    if end.endswith((",", ":", ";", "|", ">")):
        score -= 1.5
    elif end.endswith("."):
        score -= 0.5
    stems = _stems(line)
    if stems:
        score += OVERLAP_WEIGHT * len(stems & body_stems) / len(stems)
    if _repeats_words(line):
        score -= 1.0  # words said twice: a tag list, not a headline
    if _name_list(line):
        score -= 1.0  # names and places only: tags
    score -= 0.5 * line.count("°")  # a weather box
    if _OPENING_DATE.match(line):
        score -= 1.0  # a record opening with its date: a lead or a sidebar item
    if _YEAR_CAPTION.search(line):
        score -= 1.5  # "Author. Title. 1872": the caption of a picture, dated
    return score - POSITION_PENALTY * position


_DATE_FIRST = re.compile(r"^(\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2})\s*:?\s*(?=[" + _UPPER + r"«\"])")


def _unglue_dated_headline(line: str, rules: CleanRules) -> list[str]:
    """A stamp glued before the headline, at the top of a page: "25.05.2020:Поддерживающий
    ремонт" -> the date / the headline; "13.02.2008 В Сибири разворачивается масштабное
    строительство технопарков В районе поселка …" (the lead run on) -> the date / the
    headline / the lead. Not a date before names ("05.07.2007 RBCdaily Екатерина Цирлина")
    or an agency ("23.11.2022 ТАСС 1")."""
    m = _DATE_FIRST.match(line)
    if not m or _stamp_and_credit(line, rules) or is_timestamp(line, rules):
        return [line]  # (nor a stamp with its agency: "23.11.2022 ТАСС 1")
    rest = line[m.end() :].strip()
    if _words(rest) <= HEADLINE_MAX_WORDS and not _ends_sentence(rest):
        return [m.group(1), rest]
    run_on = _GLUED_SENTENCE.search(rest)
    if run_on and GLUED_HEAD_WORDS <= _words(rest[: run_on.start()]) <= HEADLINE_MAX_WORDS:
        return [m.group(1), rest[: run_on.start()], rest[run_on.start() :].strip()]
    return [line]


_CAPS_NAME = r"[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+){1,2}"  # "KIRILL ZARUBIN"
_CAPS_BYLINE = re.compile(rf"\s(?P<by>{_CAPS_NAME}(?:(?:,\s|\s(?:and|&)\s){_CAPS_NAME})*),\s")
OUTLET_MAX_WORDS = 4  # the outlet after a byline in capitals: "Associated Press"


def _unglue_caps_byline(line: str, rules: CleanRules) -> list[str]:
    """A headline, its byline in capitals with the outlet, and the stamp, on one line (a
    wire story on a paper's site): "Kazakhstan activists recall path from protest to
    bloodshed KIRILL ZARUBIN and DASHA LITVINOVA, Associated Press Jan. 15, 2022 Updated:
    …" -> the headline / "By KIRILL ZARUBIN and DASHA LITVINOVA, Associated Press" / the
    stamp. Only in Latin letters, with a full date right after the outlet."""
    if _CYR.search(line):
        return [line]
    for m in _CAPS_BYLINE.finditer(line):
        head = line[: m.start()].strip()
        if not GLUED_HEAD_WORDS <= _words(head) <= HEADLINE_MAX_WORDS or _ends_sentence(head):
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


_CLOCK_AFTER = re.compile(r"[,\s]*(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)", re.I)
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)")  # a letter, then a digit, no space


def _unglue_headline_date(line: str, rules: CleanRules) -> list[str]:
    """A headline with the page's date glued after it, no space between (the page's
    markup put them in two elements): "IGP Orders … Minor Offences23 Sep 2022" -> the
    headline / the date; "… на восток России16.10.2015 ЛУКОЙЛ предлагает …" -> the
    headline / the date and the lead. The date is a full one (day, month, year) that
    starts where the letters stop (with its clock time, if any); the text before it is
    shaped like a headline."""
    for m in _LETTER_DIGIT.finditer(line):
        head, tail = line[: m.start()].rstrip(), line[m.start() :]
        if not GLUED_HEAD_WORDS <= _words(head) <= HEADLINE_MAX_WORDS or _ends_sentence(head):
            continue
        found = find_dates(tail[:40], rules, latin=not _CYR.search(line))
        if not found or found[0][0] != 0 or found[0][1] is None:
            continue
        end = max(_date_ends(tail, 0, rules), default=0)
        if clock := _CLOCK_AFTER.match(tail, end):
            end = clock.end()
        date, rest = tail[:end].strip(" ,"), tail[end:].strip()
        return [head, date, rest] if end and rest else [head, tail]
    return [line]


TAIL_STAMP_MIN_WORDS = 8  # the text before a glued stamp is a paragraph, not a headline


def _unglue_tail_stamp(line: str, rules: CleanRules) -> list[str]:
    """A stamp glued after a paragraph's last sentence ("… so that later missions can
    continue. Published – November 29, 2025 06:21 pm IST") -> the paragraph / the stamp."""
    if rules.tail_stamp is None or not line or not line[-1].isalnum():
        return [line]
    m = rules.tail_stamp.search(line)
    if not m or _words(line[: m.start()]) < TAIL_STAMP_MIN_WORDS:
        return [line]
    return [line[: m.start()].rstrip(), m.group("stamp")]


_VOTES = re.compile(
    r"(?:\(\s*\d[\d\s]*\)|\d{1,3}(?:[.,]\d+)?\s*%)\W*$"  # "… (145)", "… 38 %"
    r"|^\W*\d{1,3}(?:[.,]\d+)?\s*%\s*(?:\(\s*\d+\s*\))?\s*[-–—]\s"  # "19.4% (13) - Нейтрально"
)


def _caption_twice(lines: list[str], i: int) -> bool:
    """A sentence printed twice on consecutive lines at the top: a photo's caption (its alt
    text and its caption), not a headline said again (a headline ends in no full stop)."""
    return (
        i + 1 < len(lines)
        and _bare_end(lines[i]).endswith(".")
        and _words(lines[i]) >= 4
        and _key(lines[i]) == _key(lines[i + 1])
    )


def _poll_options(lines: list[str], i: int) -> list[int]:
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
        if not _VOTES.search(lines[j]) or _words(lines[j]) > 15:
            if options or noted or not re.search(r"\d", lines[j]):
                break
            noted = True
            continue
        options.append(j)
    return options if len(options) >= 2 else []


def _numbered_trail(lines: list[str], kinds: list[str | None], i: int) -> None:
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


def _numbered_headlines(lines: list[str], i: int) -> list[int]:
    """The lines of a numbered list of other stories opening at line ``i`` ("1. Жаркого лета
    не предвидится? …" / "2. Польского премьера …" / … "7. …" over the article): three or
    more items numbered 1, 2, 3 …, each shaped like a headline (no full stop or semicolon at
    its end: a decree's or a story's own list has sentences). Empty when there is none."""
    found: list[int] = []
    for j in range(i, min(len(lines), i + 2 * NUMBERED_HEADLINES_MAX)):
        if not lines[j].strip():
            continue
        number = re.match(r"\s*(\d{1,2})[.)]\s+\S", lines[j])
        if not number or int(number.group(1)) != len(found) + 1:
            break
        if _words(lines[j]) > HEADLINE_MAX_WORDS or lines[j].rstrip()[-1:] in ".;:":
            return []
        found.append(j)
    return found if len(found) >= NUMBERED_HEADLINES_MIN else []


def _salutation(line: str, rules: CleanRules) -> re.Match[str] | None:
    """A letter's or notice's salutation opening the line ("Уважаемые читатели!", "Друзья и
    коллеги!", "Dear citizens!"): the start of the text, not a headline."""
    return rules.salutation.match(line) if rules.salutation is not None else None


def _said_again(lines: list[str], i: int, within: int = 6) -> bool:
    """Is line ``i`` printed again within a few lines (a headline around its stamp)?"""
    key = _key(lines[i])
    near = (*lines[max(0, i - within) : i], *lines[i + 1 : i + 1 + within])
    return any(_key(line) == key for line in near)


def _lower_label(lines: list[str], i: int) -> bool:
    """A short line opening with a small letter ("war crimes in Ukraine" over a page's blurb
    and headline): a tag, a section or a promo's line, never a headline (none of the 902
    labelled headlines of the tuning splits opens so; "iPhone …", "eGov …" do not count)."""
    line, above = lines[i], lines[i - 1].strip() if i > 0 else ""
    return (
        line[:1].islower()
        and not line[1:2].isupper()
        and _words(line) <= 8
        # on its own: not the second line of a wrapped headline (a promo's wrapped lines
        # in small letters are no headline either: "в Москву, приглашаются" / "волонтеры …")
        and (not above or above[:1].islower() or _ends_sentence(above))
    )


def _choose_headline(
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
    listed = _stamped_items(lines, start, min(len(lines), start + MENU_SCAN_LINES), rules)
    for i in range(start, min(len(lines), start + MENU_SCAN_LINES)):
        if scanned >= HEADLINE_SCAN_LINES:
            break
        scanned += _words(lines[i]) >= 3
        if kinds[i] is not None or classify(lines[i], rules) or _byline(lines[i], rules):
            continue
        if i in listed:
            kinds[i] = "ticker"  # "18:00 | 04 декабря" / item / "17:00 | 04 декабря" / item …
            continue
        hello = _salutation(lines[i], rules)
        if hello and not lines[i][hello.end() :].strip() and not _said_again(lines, i):
            continue  # "Уважаемые читатели!" alone: a letter's start, no headline (a headline
            # around its stamp is said twice: "Құрметті … ! Аудан тұрғындары")
        if (_tag_line(lines[i]) or _lower_label(lines, i)) and not _trail_ends_in(lines, i):
            kinds[i] = "tags"  # a tag list above the headline (which a full stop may end)
            continue
        if _dash_credited(lines[i], rules):
            kinds[i] = "caption"  # "... close to the border with Kyrgyzstan.—AFP"
            continue
        if _DATED_CAPTION.search(lines[i]):
            kinds[i] = "caption"  # "Очередь из машин на пункте пропуска в Орске, 29.06.2025":
            continue  # a photo's caption with the day it was taken
        if _credit_after(lines[i], rules) or _credited_below(lines, i, rules):
            kinds[i] = "caption"  # "Пожежа у Туапсе. Фото: російські ЗМІ"
            continue
        if _rubric(lines[i]) and not _says_slug(lines[i], slug):  # (the address says a short
            kinds[i] = "rubric"  # headline in capitals) "ВОЛНЕНИЯ В КАЗАХСТАНЕ": a story label
            continue
        if _fields_line(lines[i]):
            kinds[i] = "fields"  # "Publication: Monitor Volume: 4 Issue: 230": a record's fields
            continue
        if _CONTACT.search(lines[i]) and _words(lines[i]) <= CONTACT_MAX_WORDS:
            kinds[i] = "contact"  # "Миялы ауылы, Қ.Сәтбаев көшесі, №17 үй. … mialy44@mail.ru"
            continue
        if _stamp_and_credit(lines[i], rules):
            kinds[i] = "timestamp"  # "6 января 2022, 10:55 — Общественная служба новостей — ОСН"
            continue
        if _stamped_list(lines[i], rules):
            kinds[i] = "ticker"  # "6 сентября 2025, 16:00: В августе … 6 сентября 2025, 15:15: …"
            continue
        if _caption_twice(lines, i):
            kinds[i] = kinds[i + 1] = "caption"  # a photo's caption printed twice over the
            continue  # headline ("Protesters are being held up at … City Hall." ×2)
        if options := _poll_options(lines, i):
            for j in (i, *options):
                kinds[j] = "widget"  # "Карагандинцы, заметили ли вы …?" / "• Конечно …(145)"
            continue
        if _teaser_over_headline(lines, i, candidates, rules):
            kinds[i] = "teaser"  # "Now you can see non-English news...", a pull quote
            continue
        if (
            _body_line(lines[i], rules)
            or (_continues(lines, i, rules) and not _wrapped_label(lines, i))
            or (_dangling(lines[i]) and _words(lines[i]) >= 5)
            or (_ends_sentence(lines[i]) and _bare_end(lines[i]).endswith("."))
            or _introduces(lines[i])
            or sum(_words(lines[j]) >= 3 for j in candidates if j not in menu)
            >= HEADLINE_CANDIDATES
        ):
            end = i
            break
        candidates.append(i)  # (menu items of one or two words do not fill the window)
        if _in_menu(lines, kinds, i, rules):
            menu.add(i)  # "Kazakhstan's Bloody January 2022" among a menu's items
    if slug and not any(
        _says_slug(lines[i], slug) or _holds_slug(lines[i], slug) for i in candidates
    ):
        below = _slug_line_below(lines, kinds, rules, end, slug)
        if below is not None:  # the page's headline under a teaser or notice that ended
            return below, candidates, end  # the header early: the URL's slug names it
    if not candidates:
        return None, candidates, end
    body = "\n".join(lines[j] for j in range(end, min(len(lines), end + 40)) if kinds[j] is None)
    body_stems = _stems(body[:4000])
    keys = [_key(lines[i]) for i in candidates]
    # position: how many headline-long lines come before (menus of short items do not count)
    before = [
        sum(_words(lines[j]) >= 5 and j not in menu for j in candidates[:k])
        for k in range(len(candidates))
    ]
    later = [_key(lines[j]) for j in range(end, min(len(lines), end + 60)) if lines[j].strip()]
    echoed = [i for i in candidates if _echoes_header(lines[i], lines[:i])]
    if echoed:  # the page's title line said again on its own: the headline
        return echoed[0], candidates, end
    slugged = [i for i in candidates if i not in menu and _says_slug(lines[i], slug)]
    if slugged:  # the line the URL's slug says: the headline (over a longer standfirst)
        return slugged[0], candidates, end
    stamped_twice = [  # the headline / "20 серп. 2025" / the headline: said around its stamp
        i
        for k, i in enumerate(candidates)
        if _words(lines[i]) >= 3
        and _around_stamp(lines, candidates, keys, k, rules, in_a_row=False)
    ]
    if stamped_twice:  # (over an institution's name as the page's header)
        return stamped_twice[0], candidates, end
    scored = [
        (
            _headline_score(lines[i], before[k], body_stems)
            # a line said twice above the text is a caption (not a headline said again
            # around its stamp: headline / "Неділя, 9 січня 2022, 18:37" / headline)
            - (keys.count(keys[k]) > 1 and not _around_stamp(lines, candidates, keys, k, rules))
            + _repetition(keys[k], later)
            - 1.5 * _credited_caption(lines[i], rules)
            - _opening_month(lines[i], rules)
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
            and _repetition(keys[k], later) <= 0  # (said again whole below: the headline,
            # not a standfirst under a section's name: "Senate of the Philippines")
            and _standfirst_under(lines, candidates[k - 1], index, scored[k - 1][0], body_stems)
        ):
            return candidates[k - 1], candidates, end
        return _fuller_version(lines, candidates, keys, index), candidates, end
    # No line stands out: the first line of a headline's shape, as a page usually has it;
    # the first that says the article's words, if one does (not a promo or slogan over a
    # short headline: "Самые важные новости — в нашем Telegram" / "Токаев принял …").
    words = {i: _words(_LIST_BULLET.sub("", lines[i], count=1)) for i in candidates}
    shaped = [i for i in candidates if _shape_ok(lines[i]) and words[i] >= 2 and i not in menu]
    longer = [i for i in shaped if words[i] >= 3]  # not a two-word menu item ("• Қаз")
    saying = [i for i in longer if _overlap(lines[i], body_stems) >= STANDFIRST_OVERLAP]
    return (saying or longer or shaped or [None])[0], candidates, end


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


def _stamped_items(lines: list[str], start: int, stop: int, rules: CleanRules) -> set[int]:
    """The items of a news feed's list above the article: lines that alternate with their
    stamps, ``LIST_STAMPS`` stamps or more in a row ("18:00 | 04 декабря" / "В Саратовской
    области прошёл …" / "17:00 | 04 декабря" / "Выставка …"). Blank lines between them do
    not count; two text lines in a row end the list. A live blog's entries are sentences
    ("10:30" / "Полиция перекрыла улицы …"): items that are sentences make a list only when
    their stamps are of different days ("2025-08-21-03-58-48" / "Пенсионерка из России …
    стала интернет-сенсацией." / "2025-08-13-07-01-21" / …, a "most read" box)."""
    items: set[int] = set()
    run: list[int] = []
    stamps, sentences, days = 0, False, set()
    previous: bool | None = None  # was the last line a stamp?
    for j in range(start, stop + 1):
        line = lines[j].strip() if j < stop else ""
        if j < stop and not line:
            continue
        stamp = j < stop and is_timestamp(line, rules)
        said = not stamp and (_words(line) > HEADLINE_MAX_WORDS or _bare_end(line).endswith("."))
        if j == stop or stamp == previous or (not stamp and _words(line) > TEASER_MAX_WORDS):
            if sentences and run and previous is False and not _stamp_above(lines, run[0], rules):
                run = run[:-1]  # items over their stamps: what follows the last stamp is not one
            if stamps >= LIST_STAMPS and (not sentences or len(days) > 1):
                items.update(run)
            run, stamps, sentences, days = [], 0, False, set()
        if j < stop:
            stamps += stamp
            sentences |= said
            if stamp:
                days.update((y, m, d) for _s, y, m, d in find_dates(line, rules) if y)
            else:
                run.append(j)
            previous = stamp
    return items


def _stamp_above(lines: list[str], i: int, rules: CleanRules) -> bool:
    """Is the nearest line above line ``i`` with anything on it a timestamp?"""
    above = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
    return bool(above) and is_timestamp(above.strip(), rules)


def _trail_glued_to_headline(lines: list[str], kinds: list[str | None]) -> None:
    """A site's trail glued to the headline, the headline alone on the next line
    ("ThebuchacityБучаКиївщину відвідали учасники …" / "Київщину відвідали учасники …"):
    the first line is the trail (a few words before the headline's), not a headline."""
    filled = [i for i in range(min(len(lines), DATED_HEADLINE_LINES)) if lines[i].strip()]
    for i, j in itertools.pairwise(filled):
        line, below = lines[i].strip(), lines[j].strip()
        glued = line != below and line.endswith(below)
        if glued and _words(below) >= 4 and 0 < _words(line[: -len(below)]) <= 3:
            kinds[i] = "breadcrumb"


def _stamped_list(line: str, rules: CleanRules) -> bool:
    """A ticker of other stories run together on one line: two or more short items, each
    with its date and clock time ("6 сентября 2025, 16:00: В августе 1945-го: битва за
    Сахалин 6 сентября 2025, 15:15: Богатые …"). A headline states at most one time; an
    article on one line runs on long after its stamp."""
    times = [m.start() for m in _TIME.finditer(line)]
    if len(times) < 2:
        return False
    dates = [at for at, *_ymd in find_dates(line, rules, latin=not _CYR.search(line))]
    paired = {at: t for t in times for at in dates if -STAMP_GAP <= t - at <= STAMP_GAP}
    if len(paired) < 2:  # (one date and its span of hours is one item: "с 15.00 до 16.00")
        return False
    stamps = sorted(paired.values())
    if min(dates) > TICKER_LEAD_CHARS:  # the first item's stamp opens the ticker; a sentence
        return False  # may state two meetings' hours and days ("о 10.00 годині 31.08.2017 …")
    gaps = [b - a for a, b in itertools.pairwise(stamps)]
    return max(gaps) <= TICKER_ITEM_CHARS and len(line) - stamps[-1] <= TICKER_ITEM_CHARS


_QUOTED_LINE = re.compile(r'^\s*["«“„][^"«»“”„]{3,}["»”]\s*$')


def _teaser_over_headline(
    lines: list[str], i: int, candidates: list[int], rules: CleanRules
) -> bool:
    """A line at the top that ends like a sentence but is a teaser or a pull quote: it
    trails off ("Now you can see non-English news...", a breadcrumb trail glued to a cut
    headline "Домой Новости … с миротворцами на...") or is a short quotation ("\"Want to
    study in Russia? Learn the language.\""), no headline-long line is above it, and a
    headline-shaped line (no full stop, not debris) follows. (A headline with a full stop
    is neither: the lead fallback keeps it.)"""
    line = lines[i].strip()
    trails = line.endswith(("...", "…"))  # (a cut teaser of any length: "Домой Новости … на...")
    if not (trails or (_words(line) <= 12 and _QUOTED_LINE.match(line))):
        return False
    if any(_words(lines[j]) >= 5 for j in candidates):
        return False
    following = next((x for x in lines[i + 1 : i + 4] if x.strip()), None)
    return (
        following is not None
        and 4 <= _words(following) <= HEADLINE_MAX_WORDS
        and not _bare_end(following).endswith(".")  # (a headline may ask: "…?")
        and classify(following, rules) is None
        and not _body_line(following, rules)
    )


def _wrapped_headline_start(lines: list[str], candidates: list[int], chosen: int) -> int | None:
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
        and 2 <= _words(line) <= 8
    ):
        return j if lines[chosen].strip()[:1].isupper() else None  # (not a label "Hot word :")
    return None


_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|(?:тел|tel|phone|факс|fax)\.?\s*:?\s*[+\d(]"
    r"|\+?\d{1,2}[\s-]?\(?\d{3,4}\)?[\s-]\d{2,3}-\d{2}-\d{2,3}\b"  # 8-922-87-26-626
    r"|(?<![\d.,])[08][\s-]?800(?:[\s-]?\d{2,3}){3}\b"  # a hotline: 0 800 50 77 45, 8-800-…
    r"|(?<![\w.,])\+\d{1,3}[\s-]?\(?\d{2,4}\)?(?:[\s-]?\d{2,3}){2,3}\b"  # +7 (727) 250 11 22
    r"|(?<![\d.,:])0\d{2}[\s-]\d{3}[\s-]\d{2}[\s-]\d{2}\b"  # a mobile: 068 377 77 77
)


def _slug_line_below(
    lines: list[str], kinds: list[str | None], rules: CleanRules, end: int, slug: frozenset[str]
) -> int | None:
    """A headline-shaped line (3-30 words, no full stop, not debris) within
    ``SLUG_SCAN_LINES`` text lines and ``SLUG_SCAN_PARAGRAPHS`` paragraphs under the end of
    the header that says what the URL's slug says ("A devastating Russian missile strike …
    200 injured." over "Armenia freezes participation in CSTO …" at
    …/armenia-freezes-participation-in-csto-…/)."""
    seen = paragraphs = 0
    for j in range(end, len(lines)):
        if kinds[j] == "blank" or not lines[j].strip():
            continue
        seen += 1
        line = lines[j]
        if seen > SLUG_SCAN_LINES or paragraphs > SLUG_SCAN_PARAGRAPHS:
            return None  # (a line deep in the article is a crosshead or a pull quote)
        if (
            kinds[j] is None
            and 3 <= _words(line) <= HEADLINE_MAX_WORDS
            and not _bare_end(line).endswith((".", ":", ","))
            and _says_slug(line, slug)
            and classify(line, rules) is None
        ):
            return j
        paragraphs += _words(line) >= 15 and _ends_sentence(line)
    return None


def _in_menu(lines: list[str], kinds: list[str | None], i: int, rules: CleanRules) -> bool:
    """Is line ``i`` an item of a menu: short lines without punctuation (blank lines between
    them allowed), at least one above it and ``MENU_ITEMS_BELOW`` more below it that are
    no stamp, byline or share bar? A short headline has its stamp or text below, not more
    items ("Politics" / "Kazakhstan's Bloody January 2022" / "Kyrgyzstan 2020 unrest" /
    "Security" / "Society")."""
    if not _menu_entry(lines[i]):
        return False

    def item(j: int) -> bool:
        return (
            _menu_entry(lines[j])
            and kinds[j] in (None, "pre_title")
            and classify(lines[j], rules) is None
            and _byline(lines[j], rules) is None
        )

    above = 0
    j = i - 1
    while j >= 0 and above < 1 and (not lines[j].strip() or _menu_entry(lines[j])):
        above += item(j)
        j -= 1
    below = 0
    j = i + 1
    while (
        j < len(lines)
        and below < MENU_ITEMS_BELOW
        and (not lines[j].strip() or _menu_entry(lines[j]))
    ):
        below += item(j)
        j += 1
    return above >= 1 and below >= MENU_ITEMS_BELOW


def _menu_entry(line: str) -> bool:
    """A menu's entry: up to five words, no punctuation ("American diplomats in Central Asia")."""
    return bool(line.strip()) and _words(line) <= 5 and not re.search(r"[.,;:!?«»\"()]", line)


# Latin letters for Cyrillic ones, to compare a line with a URL's slug: one letter each, as
# most slugs' schemes agree on the consonants ("Демарш с камнем" ~ "demarsh_s_kamnem").
_SLUG_LETTERS = str.maketrans(
    dict(
        zip(
            "абвгдежзийклмнопрстуфхцчшщъыьэюяёіїєґәғқңөұүһ",
            "abvgdezziiklmnoprstufhccss i euaeiiegagknouuh",
            strict=True,
        )
    )
)
_SLUG_PAIRS = (("shch", "s"), ("sch", "s"), ("sh", "s"), ("ch", "c"), ("zh", "z"), ("kh", "h"))
_SLUG_PAIRS += (("ts", "c"), ("tc", "c"), ("gh", "g"), ("x", "ks"), ("q", "k"), ("w", "v"))


def _skeleton(word: str) -> str:
    """A word's first three consonants in Latin letters, alike however a slug spells it."""
    w = word.casefold().translate(_SLUG_LETTERS).replace(" ", "")
    for a, b in _SLUG_PAIRS:
        w = w.replace(a, b)
    return re.sub(r"[aeiouyj]", "", w)[:3]


def slug_words(url: str | None) -> frozenset[str]:
    """The skeletons of the words (4+ letters) of a URL's slug: the path segment with the
    most words ("…/demarsh_s_kamnem" -> {"dmr", "kmn"}); empty for a numeric path."""
    if not url:
        return frozenset()
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return frozenset()
    words = [
        w
        for w in re.split(r"[-_+\s,.;:!?«»'\"]+", _slug_segment(path))
        if re.fullmatch(r"[^\W\d_]{4,}", w)
    ]
    return frozenset(_skeleton(w) for w in words) if len(words) >= 2 else frozenset()


def _slug_segment(path: str) -> str:
    """The path segment that is the page's slug: the one with the most words, unless it is
    a section's name of one or two words before the article's number ("/novosti-kazakhstana/
    54204/" names the rubric, not the report; "/demarsh_s_kamnem" at the end is a slug)."""
    segments = [seg.rsplit(".", 1)[0] if "." in seg[-6:] else seg for seg in path.split("/")]
    segments = [seg for seg in segments if seg]
    best = max(segments, key=lambda seg: len(re.findall(r"[^\W\d_]{4,}", seg)), default="")
    if best and best != segments[-1] and len(re.findall(r"[^\W\d_]{4,}", best)) < SECTION_WORDS + 1:
        return ""
    return best


def _slug_tokens(url: str | None) -> list[str]:
    """The words of a URL's slug in order (the path segment with the most words)."""
    if not url:
        return []
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return []
    return [w for w in re.split(r"[-_+\s]", _slug_segment(path)) if w]


def _slug_in_line(line: str, url: str | None, rules: CleanRules) -> tuple[str, str] | None:
    """(headline, rest) when the URL's slug, word for word, is a run inside a longer line
    that glues the page's header together ("Сегодня 17:19 Погрузку нефти остановили … и
    требует ответа В Казахстане предложили … 0 0 0 Фото: …" at
    …/pogruzku-nefti-ostanovili-…-i-trebuet-otveta/): the run is the headline, what
    follows it the rest of the paragraph. Only at the line's start or after a stamp: the
    slug's words inside a sentence are a lead retelling the headline."""
    every = _slug_tokens(url)
    slug = [_skeleton(w) for w in every if re.fullmatch(r"[^\W\d_]{4,}", w)]
    if len(slug) < SLUG_RUN_MIN_WORDS:
        return None
    tokens = list(re.finditer(r"[^\s\-–—]+", line))  # (a slug splits "из-за" too)
    keys = []
    for tok in tokens:
        letters = re.sub(r"[\W\d_]", "", tok.group())
        keys.append(_skeleton(letters) if len(letters) >= 4 else None)
    for start, key in enumerate(keys):
        if key != slug[0]:
            continue
        matched, end, j = 1, start, start + 1
        while j < len(tokens) and matched < len(slug):
            if keys[j] is None:
                j += 1
            elif keys[j] == slug[matched]:
                matched, end, j = matched + 1, j, j + 1
            else:
                break
        if matched < len(slug):
            continue
        rest = line[tokens[end].end() :].strip()
        if _words(rest) < SLUG_RUN_MIN_WORDS:
            return None  # the line is the headline itself, or little more
        if rest[:1].islower():  # the sentence goes on: a slug cut short ("…-i-ego-kollega-iz-u"
            return None  # over "… и его коллега из Узбекистана обсудили …") says a lead
        tail = every[-1]  # ... and so does one cut inside a name ("…-igor-ar" over
        if len(tail) < 4 and _skeleton(rest.split()[0]).startswith(_skeleton(tail)):
            return None  # "Игорь Артамонов выступил …")
        if _words(rest) < SLUG_REST_MIN_WORDS and not _ends_sentence(rest):
            return None  # ... or the headline goes on ("… Сквера Прихода" / "Иверской Иконы …")
        first = start  # the slug's short opening words ("v-kazakhstane-…": "В Казахстане")
        while first > 0 and keys[first - 1] is None and tokens[first - 1].group().isalpha():
            first -= 1
            if start - first >= 2:
                break
        short = not re.fullmatch(r"[^\W\d_]{4,}", every[0])
        first = first if short else start
        before = line[: tokens[first].start()].strip()
        if before and not (is_timestamp(before, rules) or not re.search(r"[^\W\d_]", before)):
            return None  # the slug's words inside a sentence: a lead retelling the headline
        if not tokens[first].group()[:1].isupper():
            return None
        return line[tokens[first].start() : tokens[end].end()].strip(" :-–—"), rest
    return None


def _says_slug(line: str, slug: frozenset[str]) -> bool:
    """Does the line say what the URL's slug says: two words at least in common, each
    covering ``SLUG_AGREEMENT`` of the other's words? (A headline over its standfirst:
    "Демарш с камнем" at forbes.kz/…/demarsh_s_kamnem.)"""
    if len(slug) < 2 or len(line.split()) < 2 or "/" in line:
        return False  # (not the address or the slug itself, said on the page)
    words = _slug_skeletons(line)
    common = len(words & slug)
    return (
        common >= 2
        and common >= SLUG_AGREEMENT * len(words)
        and common >= SLUG_AGREEMENT * len(slug)
    )


def _holds_slug(line: str, slug: frozenset[str]) -> bool:
    """Does the line hold every word of a slug of three or more words? (The slug shortens
    the headline: "Air Astana Resumes Flights Following Political Unrest" at
    …/air-astana-resumes-flights/, not a crosshead below, "Air Astana to resume operations".)"""
    if len(slug) < 3 or "/" in line:
        return False
    return slug <= _slug_skeletons(line)


def _slug_skeletons(line: str) -> set[str]:
    """The skeletons of a line's words of four letters or more, as a slug's are compared."""
    return {_skeleton(w) for w in re.findall(r"[^\W\d_]{4,}", line)}


def _opening_month(line: str, rules: CleanRules) -> bool:
    """Does the line open with a year and its month, as a record or a rubric's blurb does
    ("2022 жылғы қаңтарда … болған тәртіпсіздіктерге қатысты материалдар")? Not a headline
    naming a year's events ("2022 жылғы Қазақстан наразылықтары")."""
    m = _OPENING_YEAR.match(line)
    if not m:
        return False
    words = [w.casefold().strip(",.:;") for w in m.groups() if w]
    months = [k for k in rules.months if len(k) >= 4]
    return any(w.startswith(k) for w in words for k in months)


def _overlap(line: str, body_stems: set[str]) -> float:
    """The share of a line's words (stems) that the article below uses."""
    stems = _stems(line)
    return len(stems & body_stems) / len(stems) if stems else 0.0


def _standfirst_under(
    lines: list[str], above: int, best: int, above_score: float, body_stems: set[str]
) -> bool:
    """Is the best-scored line a standfirst under the headline? Right under a line that is
    a headline in its own right (it scores as one, the article says its words), and saying
    the article's words even more (it sums up the lead): "Власти отчитались о последствиях
    беспорядков в Алма-Ате" / "Полиция Алма-Аты: во время беспорядков погибли 160 человек,
    заведено 405 уголовных дел". The headline may be the longer of the two (a trade
    paper's "Tankers loaded at CPC Marine Terminal's SPM to be moved away after the ban on
    vessel traffic … is lifted" / "There is no damage to the Consortium's infrastructure
    …"): a line scoring less for its length is still the one on top. Not under a line that
    opens with its date: a dated banner or notice."""
    if any(lines[j].strip() for j in range(above + 1, best)):
        return False  # not right above it
    if _OPENING_DATE.match(lines[above]) or _OPENING_DAY.match(lines[above]):
        return False  # a dated banner ("29 октября 2023 года - День … траура")
    over = _overlap(lines[above], body_stems)
    return (
        above_score >= HEADLINE_MIN_SCORE
        and over >= STANDFIRST_OVERLAP
        and _overlap(lines[best], body_stems) >= over
    )


def _crumb_tail(line: str) -> str:
    """The last item of a breadcrumb trail ("Главная » Новости » Неблагодарные жезказганцы"
    -> "Неблагодарные жезказганцы"; "» » құт қонған …" -> "құт қонған …")."""
    parts = [p for p in _SEPARATORS.split(_CRUMB_ARROWS.sub("", line.strip())) if p.strip()]
    return parts[-1].strip() if parts else ""


def _trail_ends_in(lines: list[str], i: int) -> bool:
    """Does the breadcrumb trail right above line ``i`` end in it? Then the line is the
    headline said again on its own, whatever its case ("» » құт қонған қызылқұмның
    қойнауында..." / "құт қонған қызылқұмның қойнауында..."), not a label or tag."""
    above = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
    if _words(lines[i]) < 2 or not (_CRUMB_ARROWS.match(above) or _SEPARATORS.search(above)):
        return False
    return _key(_crumb_tail(above)) == _key(lines[i])


def _trail_headline(
    lines: list[str], kinds: list[str | None], lead: int, rules: CleanRules
) -> str | None:
    """The headline a breadcrumb trail above the text ends in, when the page prints none
    of its own ("Главная » Новости » Неблагодарные жезказганцы" over a lead on
    Жезказган): two words or more, not a section's name, saying the lead's words."""
    crumbs = [j for j in range(lead) if kinds[j] == "breadcrumb"]
    if not crumbs:
        return None
    tail = _crumb_tail(lines[crumbs[-1]])
    key = _key(tail)
    if not 2 <= _words(tail) <= HEADLINE_MAX_WORDS or key in rules.sections:
        return None
    if key in rules.breadcrumb_home or _overlap(tail, _stems(lines[lead])) < STANDFIRST_OVERLAP:
        return None
    return tail


def _echoes_header(line: str, above: list[str]) -> bool:
    """Is the line a page-title-like line above it said again on its own, without the site
    name after a separator or the section and date before it? ("Завеса секретности" under
    "Завеса секретности | Деловая неделя", "Россия договаривается …" under "Экономика
    01/09/2023 Россия договаривается …": the page's <title> or a breadcrumb trail.)"""
    key = _key(line)
    if len(key.split()) < 2 or len(key) < 10:
        return False
    for other in above:
        k = _key(other)
        if len(k) <= len(key) + 3:
            continue
        if k.endswith(" " + key):
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


def _site_tail(rest: str) -> bool:
    """Is ``rest`` a site's name glued after a headline in a page's title line, without a
    separator: one to three capitalised words or a domain ("Спектр", "Deutsche Welle",
    "Vlast.kz"), no clause?"""
    words = rest.split()
    if not 1 <= len(words) <= 3 or len(rest.strip()) > 30 or re.search(r"[,;:!?«»\"()]", rest):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _tag_line(line: str) -> bool:
    """A list of tags: names and places, mostly capitalised, words said twice and no clause
    ("Казахстан Алма-Ата Актау Нур-Султан общество протестующие Казахстан Алма-Ата …")."""
    words = line.split()
    if 3 <= len(words) <= LOWER_TAGS_MAX_WORDS and _lower_tags(line):
        return True  # "arctic lng2 novatek sanctions usa": a page's keywords, all small letters
    if len(words) < 6 or re.search(r"[,:;!?«»\"()]", line):
        return False
    capitals = sum(1 for w in words if w[:1].isupper())
    return capitals / len(words) >= 0.6 and _repeats_words(line)


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


def _repetition(key: str, later: list[str]) -> float:
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


def _dash_credited(line: str, rules: CleanRules) -> bool:
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


def _around_stamp(
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
        if not in_a_row:
            return False
        opening = next((i for i in candidates if _words(lines[i]) >= 3), None)
        return opening == same[0] and _words(lines[same[0]]) >= TWICE_IN_A_ROW_WORDS
    stamped = [is_timestamp(line, rules) for line in between]
    return any(stamped) and all(
        stamp or _words(line) <= 2 or classify(line, rules) is not None
        for stamp, line in zip(stamped, between, strict=True)
    )


_END_CREDIT = re.compile(r"\((?P<credit>[^()]{2,40})\)\W*$")


def _credit_after(line: str, rules: CleanRules) -> bool:
    """A picture's caption with its credit after a full stop: "Пожежа у Туапсе. Фото:
    російські ЗМІ", "… захопили аеропорт Алмати. Фото: ФБ" (the headline is elsewhere)."""
    if _words(line) > CAPTION_MAX_WORDS:
        return False
    head, sep, tail = line.rpartition(". ")
    return bool(sep and head.strip()) and classify(tail, rules) == "photo_credit"


_DASH_OPENING = re.compile(r"^[—–-]\s*\S")


def _credited_below(lines: list[str], i: int, rules: CleanRules) -> bool:
    """Is line ``i`` a caption whose credit follows on the next line after a dash ("An aerial
    view of flooding in Kherson …" / "— Photo by Vladyslav Smilianets / Reuters"), or after
    the caption said again ("Участники народного бунта …" twice, then "Фото: соцсети")?"""
    below = [line for line in lines[i + 1 : i + 5] if line.strip()][:2]
    twice = bool(below) and _key(below[0]) == _key(lines[i])
    if twice:
        below = below[1:]  # the caption said twice (alt text, then caption) over its credit
    following = below[0] if below else ""
    return (bool(_DASH_OPENING.match(following)) or twice) and classify(
        following, rules
    ) == "photo_credit"


def _credited_caption(line: str, rules: CleanRules) -> bool:
    """A photo caption ending in its credit: "Tokayev addressing the Majilis (Kazinform)"."""
    m = _END_CREDIT.search(line)
    if not m:
        return False
    credit = m.group("credit").strip().casefold()
    if credit in rules.agencies:
        return True
    return any(cls in ("photo_credit", "caption") for cls, rx in rules.debris if rx.match(credit))


def _continues(lines: list[str], i: int, rules: CleanRules) -> bool:
    """Is line ``i`` hard-wrapped, its sentence going on in the next line ("In November" /
    "2023, storm restrictions ...")? Never into debris (a stamp under a headline)."""
    following = i + 1
    if following >= len(lines) or not lines[following].strip() or _ends_sentence(lines[i]):
        return False
    if classify(lines[following], rules) is not None or _menu_run(lines, i):
        return False
    first = lines[following][:1]
    if first.islower():  # (not a byline: "by Press Release from Outbreak News Today on …")
        return _byline(" ".join(lines[following].split()[:BYLINE_HEAD_WORDS]), rules) is None
    dates = find_dates(lines[following][:40], rules)
    if dates and dates[0][0] == 0 and not lines[following][:4].isdigit():
        return False  # a lead opening with its day ("13 января украинские дроны ...")
    # a fragment of a few words before a line opening with a number
    return first.isdigit() and lines[i][-1:].isalpha() and _words(lines[i]) <= 4


def _headline_under_standfirst(
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
    if lead >= len(lines) or not _ends_sentence(lines[lead]):
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
        (stamp := is_timestamp(lines[after[m]], rules) or _stamp_and_credit(lines[after[m]], rules))
        or (_words(lines[after[m]]) <= 3 and not _ends_sentence(lines[after[m]]))
    ):
        stamped = stamped or stamp
        m += 1
    if (k == 0 and m == 1) or (m >= len(after) and m == k + 1):
        return None  # (nothing between: maybe a crosshead; the excerpt may end under a stamp)
    # (a rubric or stamp under the headline is evidence enough for a longer description)
    if _words(lines[lead]) > (STANDFIRST_MAX_WORDS + 5 if m == k + 1 else DESCRIPTION_MAX_WORDS):
        return None
    text = after[m] if m < len(after) else None
    line = lines[head]
    if (
        not 5 <= _words(line) <= 20
        or _bare_end(line).endswith((".", ":", ","))
        or classify(line, rules) is not None
        or (text is not None and _words(lines[text]) < 8)
    ):
        return None
    if _overlap(line, _stems(lines[lead])) >= STANDFIRST_OVERLAP:
        return head
    # ... or, with a stamp under it, the article under the stamp says its words: the line on
    # top is the site's blurb ("The Tribunal for Putin (T4P) global initiative was set up …"
    # / "Kazakh court jails 13 for Zhanaozen riots" / "05.06.2012 source: Reuters" / text)
    below = " ".join(lines[j] for j in after[m : m + 3])
    return head if stamped and _overlap(line, _stems(below)) >= STANDFIRST_OVERLAP else None


def _introduces(line: str) -> bool:
    """A sentence introducing a quote or a list ("CPC chief executive Nikolai Gorban told
    reporters that:"): article text, never a headline or a label (those are short)."""
    return line.rstrip().endswith(":") and _words(line) >= INTRO_MIN_WORDS


def _wrapped_label(lines: list[str], i: int) -> bool:
    """Is line ``i`` and the next a short label broken over two lines, not article text
    ("Бізге жаңалық" / "жіберіңіз:" — "send us news:" — over a phone number)?"""
    joined = f"{lines[i]} {lines[i + 1]}" if i + 1 < len(lines) else lines[i]
    if _words(joined) <= 5 and joined.rstrip().endswith(":"):
        return True
    # a masthead's slogan broken into short lines ("Главные новости Актобе," / "Казахстана и
    # мира"): a hard-wrapped paragraph has longer lines
    return (
        i + 1 < len(lines)
        and _words(lines[i]) <= WRAPPED_LABEL_WORDS
        and _words(lines[i + 1]) <= WRAPPED_LABEL_WORDS
        and not _ends_sentence(joined)
    )


def _menu_item(line: str) -> bool:
    return bool(line.strip()) and _words(line) <= 4 and not re.search(r"[.,;:!?«»\"()]", line)


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


def _shape_ok(line: str) -> bool:
    """Could this line be a headline at all (not a rubric with a comma, a weather box, a
    list of tags)?"""
    if _bare_end(line).endswith((",", ":", ";", "|", ">")) or "°" in line:
        return False
    if _OPENING_DATE.match(line):
        return False  # a lead opening with its date ("18.11.25 года суд …"), not a headline
    if _YEAR_CAPTION.search(line):
        return False  # a picture's caption ending in its year
    return not _repeats_words(line) and not _name_list(line)


def _name_list(line: str) -> bool:
    """A Cyrillic line of capitalised words only: names and places, a tag list. Not a
    headline set in capitals ("САЯСИ ҚУҒЫН-СҮРГІН ЖӘНЕ АШАРШЫЛЫҚ ҚҰРБАНДАРЫН ЕСКЕ АЛДЫ"):
    its small words are capitals too."""
    words = line.split()
    if not _CYR.search(line) or len(words) < 6 or _all_caps(line):
        return False
    capitals = [w for w in words if w[:1].isupper()]
    return len(capitals) / len(words) >= 0.7


_FIELD = re.compile(r"(?:^|\s)[" + _UPPER + r"][^\W\d_]{2,20}:\s+\S")


def _stamp_and_credit(line: str, rules: CleanRules) -> bool:
    """A stamp with the outlet's or author's name after a dash ("6 января 2022, 10:55 —
    Общественная служба новостей — ОСН"): a date and a clock time, then a few words; or a
    date followed by names only ("05.07.2007 RBCdaily Екатерина Цирлина") or by a byline
    ("05.06.2012 source: Reuters")."""
    opening = _OPENING_DATE.match(line)  # "05.07.2007 RBCdaily Екатерина Цирлина"
    if opening:
        rest = line[opening.end() :].strip(" ,|–—-")
        names = rest.split()
        if 0 < len(names) <= STAMP_NAMES and all(w[:1].isupper() for w in names):
            return True
        if rest and any(rx.match(rest) for rx in rules.bylines):
            return True  # "05.06.2012    source: Reuters": the date and a byline
    head, comma, rest = line.partition(", ")  # "25 ақпан 2025 жыл, Түркістан облыстық филиалы"
    if (
        comma
        and rest[:1].isupper()
        and 0 < _words(rest) <= STAMP_PLACE_WORDS
        and not _ends_sentence(rest)
        and is_timestamp(head, rules)
        and any(year for _s, year, _m, _d in find_dates(head, rules))
    ):
        return True
    head, sep, rest = line.partition(" — ")
    if not sep:
        head, sep, rest = line.partition(" – ")
    return (
        bool(sep)
        and bool(_TIME.search(head))
        and is_timestamp(head, rules)
        and _words(rest) <= STAMP_CREDIT_WORDS
    )


def _fields_line(line: str) -> bool:
    """A short line of two or more "Label: value" fields ("Publication: Monitor Volume: 4
    Issue: 230", "Автор: … Дата: …"): a record's metadata, not a headline."""
    return _words(line) <= FIELDS_LINE_WORDS and len(_FIELD.findall(line)) >= 2


def _rubric(line: str) -> bool:
    """A rubric: a short label set in capitals (a story or section name over the article,
    "ВОЛНЕНИЯ В КАЗАХСТАНЕ", "WORLD NEWS"). A headline in capitals is a longer sentence."""
    return 2 <= _words(line) <= RUBRIC_MAX_WORDS and _all_caps(line) and not _ends_sentence(line)


def _all_caps(line: str) -> bool:
    """Is every letter of the line a capital (a line set in upper case)?"""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _repeats_words(line: str) -> bool:
    """A tag list repeats its words: two of them said twice, or one word three times
    (a headline may say one word twice: "... in two days; ... at least 10 days")."""
    long_words = [w.casefold() for w in re.findall(r"[^\W\d_]{4,}", line)]
    extra = len(long_words) - len(set(long_words))
    return extra >= 2 or (extra == 1 and len(long_words) <= 4)


def _labels_under_headline(
    lines: list[str], kinds: list[str | None], title_index: int, rules: CleanRules
) -> None:
    """Short labels between the headline and the article's first paragraph are page
    furniture: one word (a section "Мир", a country edition "KG"), or up to three in small
    letters or in capitals (a tag "волнения в Казахстане"); no digits or punctuation. (Not
    a subheading or standfirst that may say something: "Текст соглашения", "Их миссия
    завершилась".) So is the site's and section's names before a stamp, between bars
    ("Коломия ВЕБ Портал | Публіцистика та аналіз | 2009-01-16 10:00:21"): a stamp."""
    for j in range(title_index + 1, min(len(lines), title_index + LABELS_UNDER_HEADLINE)):
        if kinds[j] is not None:
            continue
        line = lines[j]
        if _labelled_stamp(line, rules):
            kinds[j] = "timestamp"
            continue
        if _words(line) >= 8 or _ends_sentence(line) or line.rstrip().endswith(":"):
            return  # the first paragraph (or a standfirst, or a label of the text below)
        n = _words(line)
        short = n == 1 or (n <= 3 and (line.strip()[:1].islower() or _all_caps(line)))
        if short and not re.search(r"[\d.,;!?«»\"()]", line):
            kinds[j] = "section"
        else:
            return


def _labelled_stamp(line: str, rules: CleanRules) -> bool:
    """Names (a site's, a section's: up to four words each, no sentence) and a dated stamp
    last, between bars: "Коломия ВЕБ Портал | Публіцистика та аналіз | 2009-01-16 10:00:21"."""
    *names, last = [b.strip() for b in re.split(r"\s\|\s", line)]
    if not 1 <= len(names) < STAMP_BITS or not is_timestamp(last, rules):
        return False
    if not any(year for _s, year, _m, _d in find_dates(last, rules)):
        return False
    return all(0 < _words(n) <= 4 and not _ends_sentence(n) for n in names)


_CLOCK_FIRST = re.compile(r"^\d{1,2}:\d{2}\s+(?=[^\W\d_])")
_GLUED_SOURCE = re.compile(rf"[{_CYR_LOWER}](?=[{_CYR_UPPER}]{{2,}}[\w.-]*$)")
# A new sentence run on after a Cyrillic headline without a stop: a capitalised preposition
# or reporting opener after a small letter ("… оказалась фейком Об этом информирует …",
# "… протестов в Казахстане В пятом по численности городе …"). Sentence-case headlines
# never capitalise these words inside a sentence (English Title Case does: not matched).
_GLUED_SENTENCE = re.compile(
    rf"(?<=[{_CYR_LOWER}])\s+(?-i:В|Во|На|Об|По|Из|За|Для|Как|Про|Під|Після|При|Со|Это)"
    rf"\s+(?=[{_CYR_LOWER}])"
)


def _tidy_title(title: str) -> str:
    """A title without the page furniture stuck to its ends: a separator left dangling
    where a site's name was cut off ("… public order’ –"), a table's empty cells ("… | |"),
    a list's time column ("06:37 Казский рудник …"), a source glued on without a space
    ("… программаНИА-Мурманск"), a section before the headline glued to itself
    ("Новини України - AB…AB…"), the standfirst run on after it ("… фейком Об этом …"), a
    list's marker before it (a breadcrumb's "- Глава округа …")."""
    title = re.sub(r"(?:\s+[-–—|]+)+$", "", title)
    title = re.sub(r"^[-•*]\s+(?=\w)", "", title)
    title = _CLOCK_FIRST.sub("", title)
    run_on = _GLUED_SENTENCE.search(title)
    if (
        run_on
        and _words(title[: run_on.start()]) >= GLUED_HEAD_WORDS
        and _words(title[run_on.start() :]) >= GLUED_TAIL_WORDS
    ):
        title = title[: run_on.start()]
    glued = _GLUED_SOURCE.search(title)
    if glued and _words(title) >= 4:
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
# a video page's label before the headline ("Transcript for 'Coward' suspect arrested …",
# "Speech to Text for City council passes budget")
_TRANSCRIPT_FOR = re.compile(
    r"^(?:video\s+)?(?:transcript|speech[ -]to[ -]text)\s+for\s+(?=\S)", re.IGNORECASE
)


def _strip_credit(title: str, rules: CleanRules) -> str:
    """A headline without a photo credit glued after it ("... Алмати. Фото: ФБ"), a list
    bullet, a breadcrumb's arrows or a transcript's label before it ("• Headline", "» »
    Headline", "Transcript for Headline"), a site or section after it."""
    title = _LIST_BULLET.sub("", title, count=1)
    title = _CRUMB_ARROWS.sub("", title, count=1)
    title = _TRANSCRIPT_FOR.sub("", title, count=1)
    if (region := _REGION_RUBRIC.match(title)) and _words(title[region.end() :]) >= 3:
        title = title[region.end() :]
    if home := _GLUED_HOME.match(title):  # "HomeNews350 Pakistani students …"
        rest = title[home.end() :]
        section = re.match(r"[A-Z][a-z]+(?=[A-Z0-9])", rest)
        if section and section.group(0) in rules.section_words:
            rest = rest[section.end() :]
        title = rest
    for tail in (_PHOTO_COUNT, _READ_TIME_TAIL, _READ_MORE_TAIL, _GENRE_TAIL, _THE_OUTLET_TAIL):
        cut = tail.sub("", title)
        if cut != title and _words(cut) >= 3:
            title = cut
    if dated := _headline_before_date(title):  # "… на восток России16.10.2015 ЛУКОЙЛ …"
        title = dated[0]
    tag = _LANGUAGE_TAG.match(title)  # "(KAZ) Саяси қуғын-сүргін …": a multilingual site's
    if tag and _key(tag.group(1)) in rules.switcher_tokens:  # language of the entry
        title = title[tag.end() :]
    title = _UPDATE_TAG.sub("", title)
    if rules.edit_tag is not None:  # "… за участь в акції протесту [ Редагувати ]"
        title = rules.edit_tag.sub("", title)
    head, sep, tail = title.rpartition(". ")
    if sep and head and classify(tail, rules) in ("photo_credit", "caption"):
        return head
    parts = _CAMEL.split(title, maxsplit=1)  # "WorldWatch the CSTO ...": a glued section
    if len(parts) == 2 and " " not in parts[0] and parts[0] in rules.section_words:
        title = parts[1]
    head, sep, tail = title.rpartition(" | ")  # "... НОВОСТИ | 6 июль, 10:04", "... | News"
    if sep and head and _key(tail) in rules.navigation | {_key(w) for w in rules.section_words}:
        return head
    if sep and head and is_timestamp(tail, rules):
        title = head
        last = title.rsplit(" ", 1)
        if len(last) == 2 and last[1].isupper() and _key(last[1]) in rules.navigation:
            title = last[0]
    # a separator left dangling where a site's name was cut off ("… public order’ –"),
    # a table's empty cells ("Казский рудник отмечает юбилей | |")
    title = _tidy_title(_strip_glued_stamp(title, rules))
    words = title.split()  # the headline said twice on one line (<title> glued to <h1>)
    half = len(words) // 2
    if len(words) >= 6 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return title


def _glued_stamp_words(title: str, rules: CleanRules) -> int:
    """How many words at the end of a headline are a date and clock time glued after it
    ("Директора … задержали в Жанаозене 05 января 2022, 09:54"): 0 when none are (a
    headline never ends on a clock time)."""
    words = title.split()
    if not _TIME.search(" ".join(words[-2:])):
        return 0
    for k in range(2, min(GLUED_STAMP_WORDS, len(words) - 3) + 1):
        tail = " ".join(words[-k:])  # the shortest tail that is a full date and a time
        latin = not _CYR.search(tail)
        if is_timestamp(tail, rules) and any(
            year for _s, year, _m, _d in find_dates(tail, rules, latin=latin)
        ):
            return k
    return 0


def _strip_glued_stamp(title: str, rules: CleanRules) -> str:
    """A headline without the date and clock time glued after it."""
    k = _glued_stamp_words(title, rules)
    return " ".join(title.split()[:-k]).rstrip(" ,|•·–—-") if k else title


def _site_label(url: str | None) -> str:
    """The name part of the page's host ("ukrnews" for https://ukrnews.online/...)."""
    host = site_host(url)
    return re.sub(r"[^a-z]", "", host.split(".")[0]) if host else ""


def _own_slogans(lines: list[str], kinds: list[str | None], url: str | None) -> None:
    """Mark the site's own name with its slogan at the top of the page as a masthead:
    "UkrNews — новини, яким довіряє Україна." on ukrnews.online (a full stop that would
    otherwise end the header before the headline)."""
    site = _site_label(url)
    if len(site) < 4:
        return
    seen = 0
    for i, line in enumerate(lines):
        if kinds[i] is not None:
            continue
        seen += 1
        if seen > 3:
            break
        m = re.match(r"\s*([^\W\d_][\w.\- ]{2,30}?)\s+[—–|-]\s+\S", line)
        if m and _words(line) <= 12 and re.sub(r"[^a-z]", "", m.group(1).casefold()) == site:
            kinds[i] = "masthead"


TEASER_MIN_WORDS = 8  # a teaser cut short with "..." is a sentence's start, not a label
_CUT_SHORT = re.compile(r"[^\W\d_]\s*(?:\.\.\.|…)\s*$")  # "… close to the geography of their ha..."


def _cut_teasers_on_top(lines: list[str], kinds: list[str | None]) -> None:
    """Mark the other stories' teasers that open the page as a sidebar: two or more lines in
    a row at the top, each a sentence cut off mid-text by "..." ("Traditions of the Kyrgyz
    people were being formed … of their ha..." / "After the coup of 19 March 1953 …
    was..." / the headline). An article's own text is not cut off that way."""
    top = [i for i, line in enumerate(lines) if kinds[i] is None][:6]
    run = []
    for i in top:
        if _words(lines[i]) >= TEASER_MIN_WORDS and _CUT_SHORT.search(lines[i]):
            run.append(i)
        else:
            break
    if len(run) >= 2:
        for i in run:
            kinds[i] = "sidebar"


RANKING_MIN_ITEMS = 5  # a numbered "most read" list over the article: 5 items at least
RANKING_TOP_LINES = 8  # ... starting within this many text lines of the page's top


def _ranking_on_top(lines: list[str], kinds: list[str | None]) -> None:
    """Mark a numbered list of other stories at the top (``_numbered_headlines``, five items
    or more) as a sidebar before the headline is looked for, with the short heading just
    above it ("Беларусы на войне" / "1. СМИ: Трамп поручил …" / … "10. …" over a report on
    the CSTO's withdrawal with no headline line: the heading had been taken as one)."""
    text = [i for i, line in enumerate(lines) if kinds[i] is None]
    for k, i in enumerate(text[:RANKING_TOP_LINES]):
        listed = _numbered_headlines(lines, i)
        if not listed:
            continue
        if len(listed) >= RANKING_MIN_ITEMS:
            head = text[k - 1] if k else None
            if head is not None and _words(lines[head]) <= 5 and not _ends_sentence(lines[head]):
                kinds[head] = "sidebar"
            for j in listed:
                kinds[j] = "sidebar"
        return


def _share_label(label: str, rules: CleanRules) -> bool:
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
    rf"(?<=[{_CYR_LOWER}])\s+(?P<credit>[{_CYR_UPPER}][{_CYR_LOWER}]+\s+[{_CYR_UPPER}][{_CYR_LOWER}]+/[^\s/]+(?:\s[{_CYR_UPPER}A-Z][\w-]*)?)\s+(?=[{_CYR_UPPER}])"
)


def _unglue_card(line: str) -> list[str]:
    """The lines of an aggregator's card flattened onto one line (see ``_CARD_HEAD``): its
    stamp, outlet, tags, headline, photo credit, text and the card's own footer, so that
    each is read for what it is; any other line as it is."""
    m = _CARD_HEAD.match(line)
    if not m:
        return [line]
    tags = [t for t in m.group("tags").split("#") if t.strip()]
    rest = m.group("rest")
    glued = re.match(rf"(?P<tag>[^#]{{1,40}}?[{_CYR_LOWER}a-z])(?=[{_CYR_UPPER}A-Z])", rest)
    if glued:  # the last tag glued to the headline: "Социальная политикаВ Новороссийске …"
        tags.append(glued.group("tag"))
        rest = rest[glued.end() :]
    parts = _CARD_TAIL.split(rest)
    body, footer = parts[0].strip(), [p.strip() for p in parts[1:] if p.strip()]
    credit = _CARD_CREDIT.search(body)
    if credit and _words(body[: credit.start()]) >= 4:
        body_lines = [body[: credit.start()], credit.group("credit"), body[credit.end() :]]
    else:
        body_lines = [body]
    head = [m.group("stamp"), f"Источник: {m.group('source').strip()}"]
    head += [f"Темы: {', '.join(t.strip() for t in tags)}"] if tags else []
    return [*head, "", *body_lines, "", *footer]


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

    lines = [part for line in lines for part in _unglue_card(line)]
    lines = [
        part
        for n, line in enumerate(lines)
        for part in (_unglue_headline_date(line, rules) if n < DATED_HEADLINE_LINES else [line])
    ]
    lines = [
        part
        for n, line in enumerate(lines)
        for part in (_unglue_dated_headline(line, rules) if n < DATED_HEADLINE_LINES else [line])
    ]
    lines = [
        part
        for n, line in enumerate(lines)
        for part in (_unglue_caps_byline(line, rules) if n < DATED_HEADLINE_LINES else [line])
    ]
    lines = [part for line in lines for part in _unglue_tail_stamp(line, rules)]
    for i, line in enumerate(lines):  # "Поширити: Офіс КТК випробував міць БПЛА. …"
        line = _THUMB_NAME.sub("", line, count=1)  # "…-300x288Председатель …"
        line = lines[i] = _ALT_LABEL.sub("", line, count=1)  # "altНа площади …"
        label, colon, rest = line.partition(":")
        if colon and _words(label) <= 2 and _words(rest) >= 5 and _share_label(label, rules):
            lines[i] = rest.strip()
    kinds: list[str | None] = [None if line else "blank" for line in lines]
    _trail_glued_to_headline(lines, kinds)
    _comment_boxes(lines, kinds, rules)
    _own_slogans(lines, kinds, url)
    _cut_teasers_on_top(lines, kinds)
    _ranking_on_top(lines, kinds)
    slug = slug_words(url)
    title = " ".join(title_hint.split()) if title_hint else None
    if title is None:
        title = _share_markup_title(lines, kinds)
    title_in_body = False
    title_index: int | None = None
    bylines: list[tuple[str, str]] = []
    image_alt: str | None = None  # the alt text of an image above the text

    # The headline: the first line that is not debris (unless the input gave one).
    for i, line in enumerate(lines):
        if kinds[i] == "blank":
            continue
        if title is not None and _key(line) == _key(title):
            # The same words ending in a full stop: the first sentence, kept in the body.
            title_in_body = _ends_sentence(line) and not _ends_sentence(title)
            kinds[i] = None if title_in_body else "title"
            title_index = i
            break
        kind = classify(line, rules, title)
        if kind is not None:
            kinds[i] = kind
            if kind == "image" and image_alt is None:
                image_alt = _image_alt(line, rules)
            if kind == "outlet_label":  # the outlet's name alone: the source, not text
                bylines.append(("masthead", line))
            elif kind in ("read_also", "tags"):  # "Читайте также" / other headlines
                _read_also_lists(lines, kinds)
            elif kind in ("breadcrumb", "navigation"):
                _numbered_trail(lines, kinds, i)
            continue
        if listed := _numbered_headlines(lines, i):
            for j in listed:
                kinds[j] = "sidebar"  # "1. …" / "2. …" / "3. …": other stories' headlines
            continue
        by = _byline(line, rules)
        if by is not None:
            kinds[i] = "byline"
            bylines.extend(by)
            continue
        if title is None and _is_masthead(lines, kinds, i) and not _says_slug(line, slug):
            kinds[i] = "masthead"
            bylines.append(("masthead", line))
            continue
        if title is None and re.match(r"#{1,6}\s+\S", line):
            title, title_in_body = _title_candidate(line, rules)
            title_index = i
            kinds[i] = None if title_in_body else "title"
        elif title is None:
            chosen, candidates, end = _choose_headline(lines, kinds, rules, i, slug)
            if chosen is not None:
                for j in candidates:
                    if j < chosen:
                        kinds[j] = "pre_title"
                head = lines[chosen]
                if (above := _wrapped_headline_start(lines, candidates, chosen)) is not None:
                    head = f"{lines[above].strip()} {head.strip()}"
                title, title_index = _strip_credit(head, rules), chosen
                kinds[chosen] = "title"
            else:
                for j in candidates:  # short labels above the text: rubrics, site names
                    if _words(lines[j]) < 5 and not _ends_sentence(lines[j]):
                        kinds[j] = "pre_title"
                lead = next((j for j in candidates if kinds[j] is None), end)
                under = _headline_under_standfirst(lines, kinds, rules, lead)
                if under is not None:  # standfirst / stamp / headline / text
                    title, title_index = lines[under], under
                    kinds[under] = "title"
                    if _overlap(title, _stems(lines[lead])) < STANDFIRST_OVERLAP:
                        kinds[lead] = "pre_title"  # the site's blurb, not the standfirst
                    for j in range(under + 1, min(len(lines), under + 4)):
                        if kinds[j] is None and _stamp_and_credit(lines[j], rules):
                            kinds[j] = "timestamp"  # "05.06.2012 source: Reuters"
                elif lead < len(lines) and (inside := _slug_in_line(lines[lead], url, rules)):
                    title, lines[lead] = inside  # "Сегодня 17:19 Headline Standfirst 0 0 0 …"
                    kinds[lead] = None
                elif lead < len(lines) and (glued := _glued_headline(lines[lead], slug)):
                    title, lines[lead] = glued  # "Headline In Title Case: the lead …"
                    kinds[lead] = None
                elif lead < len(lines) and (dated := _headline_before_date(lines[lead])):
                    title, lines[lead] = dated  # "Headline16.10.2015 The lead …"
                    kinds[lead] = None
                elif lead < len(lines) and (tail := _trail_headline(lines, kinds, lead, rules)):
                    title = tail  # no headline line: the trail above ends in it
                elif lead < len(lines) and image_alt:
                    title = image_alt  # no headline line: the lead image's alt text says it
                elif lead < len(lines):
                    paragraph = lines[lead]
                    j = lead
                    wire = bool(_PLACE_COUNTRY_DAY.match(paragraph))  # hard-wrapped wire copy
                    while _words(paragraph) < HEADLINE_MAX_WORDS and (
                        _continues(lines, j, rules)
                        or (
                            wire
                            and j + 1 < len(lines)
                            and lines[j + 1].strip()
                            and not _ends_sentence(lines[j])
                        )
                    ):
                        j += 1
                        paragraph += " " + lines[j]
                    title, title_in_body = _title_candidate(paragraph, rules)
                    if not title_in_body:  # a short line: the title made from it
                        title, title_in_body = _tidy_title(lead_title(paragraph, rules)), True
                    title_index = lead
                    kinds[lead] = None
        break

    for i, line in enumerate(lines):
        if kinds[i] is not None or i == title_index:
            continue
        kind = classify(line, rules, title)
        if kind is None:
            by = _byline(line, rules)
            if by is not None:
                kinds[i] = "byline"
                bylines.extend(by)
                continue
        elif kind in ("outlet_label", "masthead"):
            bylines.append(("masthead", line))
        kinds[i] = kind
    _read_also_lists(lines, kinds)
    _sidebar(lines, kinds, rules)
    if title_index is not None and not title_in_body:
        _labels_under_headline(lines, kinds, title_index, rules)

    content = [i for i, k in enumerate(kinds) if k is None and (i != title_index or title_in_body)]
    _tail(lines, kinds, rules, bylines)

    # Header evidence: removed lines above the first paragraph.
    # (the first paragraph of text: a section label or a standfirst above it may be kept)
    first_body = next(
        (
            i
            for i in content
            if kinds[i] is None and (_words(lines[i]) >= 8 or _ends_sentence(lines[i]))
        ),
        len(lines),
    )
    _today_boxes(lines, kinds, title_index if title_index is not None else first_body, rules)
    header = tuple(
        lines[i]
        for i in range(first_body)
        if kinds[i] in ("header", "timestamp")
        or (kinds[i] == "counter" and re.fullmatch(r"(?:19|20)\d{2}", lines[i].strip()))
    )
    # Also agency headers anywhere (they carry the page date), but not sidebar timestamps.
    header += tuple(lines[i] for i in range(first_body, len(lines)) if kinds[i] == "header")

    stamps = stamp_lines(lines, kinds, first_body, None if title_in_body else title_index, rules)

    # An agency dateline opens one of the first paragraphs (after a standfirst, say).
    dateline = None
    for i in [i for i in content if kinds[i] is None][:DATELINE_PARAGRAPHS]:
        for rx in rules.datelines:
            m = rx.match(lines[i])
            if m and dateline_agency_ok(m, rules):
                dateline = _dateline(m, rules)
                lines[i] = lines[i][m.end() :]
                break
        if dateline is not None:
            break
        credit = _LEAD_CREDIT.match(lines[i])  # "(MENAFN) Operations at ...", "(dpa/NAN) ..."
        if credit:
            agency = credit.group("agency")
            first = agency.split("/")[0].strip()
            if first.casefold() in rules.agencies or (first.isupper() and len(first) >= 3):
                dateline = Dateline(place="", day=None, month=None, year=None, agency=first)
                lines[i] = lines[i][credit.end() :]
                break

    body = _paragraphs(lines, kinds, title_index if not title_in_body else None)
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


_DATA_TITLE = re.compile(r"\bdata-title\s*=\s*[«»\"“”″'](?P<title>[^«»\"“”″'\n]{10,300})[«»\"“”″']")


def _share_markup_title(lines: list[str], kinds: list[str | None]) -> str | None:
    """The headline a share button's markup left in the text ("data-title=»Reuters сообщил
    о сокращении экспорта …» data-url=»https://…″ > Вконтакте Одноклассники Telegram …"),
    that line then being debris; ``None`` when the page's first lines have none."""
    for i, line in enumerate(lines[:SHARE_MARKUP_LINES]):
        m = _DATA_TITLE.search(line)
        if m and _words(m.group("title")) >= 3:
            kinds[i] = "share"
            return " ".join(m.group("title").split())
    return None


def _today_boxes(lines: list[str], kinds: list[str | None], limit: int, rules: CleanRules) -> None:
    """A date above the headline next to a currency ticker, a weather box or a motto is the
    site header's "today" box, not the article's date ("7 ноября 2024" / «…» — Демосфен. /
    "USD" / "504.49 KZT"; "• CNY 67.18" / "10 Қараша, 08:17:40" / "Алматы" / "+12°").
    So is the page's first line, a date, over a stamp of an earlier day ("Четверг, Октябрь
    16, 2025" / "05.01.2025" / headline): a page is written before it is seen."""
    filled = [i for i in range(min(limit, len(lines))) if kinds[i] != "blank"]
    for n, i in enumerate(filled):
        if kinds[i] != "timestamp":
            continue
        after = [filled[m] for m in (n + 1, n + 2) if m < len(filled)]
        below = next((j for j in range(i + 1, len(lines)) if kinds[j] != "blank"), None)
        if any(_header_widget(lines[j], kinds[j], rules) for j in after) or (
            n > 0
            and _header_widget(lines[filled[n - 1]], kinds[filled[n - 1]], rules)
            and not (below is not None and (below == limit or kinds[below] in (None, "title")))
        ):  # (a widget above and the headline right below: the article's stamp, "Евро € —
            kinds[i] = "today_widget"  # 00,0000 руб." / "07 октября 2024 | 16:59" / headline)
        elif (  # the weather, its city, the day (no clock): "25.8 C" / "New York" / "Friday,
            n > 1  # July 26, 2024" over a report of 19 May (gg2), whatever follows
            and kinds[filled[n - 2]] in ("widget", "counter")
            and _weather(lines[filled[n - 2]])
            and _place_line(lines[filled[n - 1]], kinds[filled[n - 1]])
            and not _TIME.search(lines[i])
        ):
            kinds[i] = "today_widget"
    top = next((i for i, k in enumerate(kinds) if k != "blank"), None)
    if top is None or top not in filled[:1] or len(filled) < 2 or kinds[top] != "timestamp":
        return
    below = filled[1]
    if kinds[below] != "timestamp":
        return
    days = [[f for f in find_dates(lines[j], rules) if f[1]] for j in (top, below)]
    if all(len(d) == 1 for d in days):
        (_s, y1, m1, d1), (_t, y2, m2, d2) = days[0][0], days[1][0]
        if (y1, m1, d1) > (y2, m2, d2):
            kinds[top] = "today_widget"


def _header_widget(line: str, kind: str | None, rules: CleanRules) -> bool:
    """A site header's widget: a currency ticker, a weather reading, a motto, the account
    bar ("Пятница, 22.11.2024, 19:33" / "Приветствую Вас Гость | RSS | Регистрация | Вход"),
    the language switcher ("Суббота, 31 января 2026 года" / … / "RSS Русский Հայերեն")."""
    return kind in ("epigraph", "account", "language_switcher") or (
        kind in ("widget", "counter")
        and (_market_ticker(line, rules) or "°" in line or _weather(line))
    )


def _weather(line: str) -> bool:
    """A weather reading on a line of its own ("25.8 C", "-3.1 C", "+12°", "34ºc, Солнечно")."""
    return _WEATHER.fullmatch(re.sub(r"^[-–•·*]\s+", "", line.strip())) is not None


def _place_line(line: str, kind: str | None) -> bool:
    """A header's city beside its weather reading ("New York", "Алматы"; a masthead's line)."""
    words = line.split()
    return (
        kind in (None, "masthead")
        and 1 <= len(words) <= 3
        and line[:1].isupper()
        and not re.search(r"\d", line)
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
            stamp = _stamp_in_line(lines, kinds, i, rules)
        if stamp is None and i == title_index and (k := _glued_stamp_words(lines[i], rules)):
            stamp = " ".join(lines[i].split()[-k:])  # "… газификацию? 2024-11-23 20:34:23"
        if stamp is None and title_index is not None and i <= title_index:
            stamp = _page_title_date(lines, kinds, i, rules)
        if stamp is not None and (i < first_body or kinds[i] is None):
            if title_index is None:
                where = "top"
            elif i < title_index:
                where = "above"
            else:
                between = sum(1 for k in kinds[title_index + 1 : i] if k != "blank")
                where = "below" if between < STAMP_BELOW_LINES else "after"
            out.append((where, stamp))
    out += [("late", lines[i]) for i in range(first_body, len(lines)) if kinds[i] == "header"]
    text = [i for i, k in enumerate(kinds) if k is None and _words(lines[i]) >= 8]
    # (a line the page prints twice, a standfirst or a caption, is no paragraph of text)
    second = next(
        (i for i in text if i > first_body and not _said_twice(lines, kinds, i)), len(lines)
    )
    if first_body < len(lines) and _words(lines[first_body]) <= STANDFIRST_MAX_WORDS:
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
                    kinds[i] in ("timestamp", "prompt")
                    or _words(lines[i]) < 4
                    or i == title_index  # the page's header printed under its text
                    for i in after  # ("12:16 10.01.2023" / the headline)
                )
                # (a "found a typo? Ctrl+Enter" box may follow) ...
                or (at == 0 and _published_label(lines[rest[0]], rules))
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
            if kinds[i] == "timestamp" and _published_label(lines[i], rules)
        ]
        if len(labelled) == 1:
            above = [
                j for j in range(first_body, labelled[0]) if kinds[j] not in ("blank", "counter")
            ]
            if (
                above
                and above[-1] in text
                and not any(k in _LIST_KINDS for k in kinds[first_body : labelled[0]])
            ):
                out.append(("tail", lines[labelled[0]]))
    return tuple(out)


def _page_title_tail(line: str, below: str) -> str | None:
    """What the page's title line adds after the headline said on its own below it (": Город
    Алматы, 20 Марта 2026 года - новости на сайте gurk.kz"), or ``None``."""
    head = below.strip()
    if _words(head) < PAGE_TITLE_HEAD_WORDS or not line.startswith(head):
        return None
    tail = line[len(head) :]
    return tail if re.match(r"\s*[:|–—-]\s", tail) else None


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
    end = next(iter(_date_ends(tail, found[0][0], rules)), len(tail))
    return tail[found[0][0] : end]


def _said_twice(lines: list[str], kinds: list[str | None], i: int) -> bool:
    """Is line ``i`` printed twice: the same words on an earlier line (a standfirst over the
    headline printed again), or right before or after it with a credit added (a photo's
    caption, then the caption and "© …")? A paragraph of text is said once."""
    key = _key(lines[i])
    filled = [j for j in range(len(lines)) if kinds[j] != "blank" and j != i]
    if any(_key(lines[j]) == key for j in filled if j < i):
        return True
    before = next((j for j in reversed(filled) if j < i), None)
    after = next((j for j in filled if j > i), None)
    for j in (before, after):
        other = _key(lines[j]) if j is not None else ""
        short, long_ = sorted((key, other), key=len)
        if (
            short
            and _words(short) >= CAPTION_MIN_WORDS
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
            if found and found[0][0] == 0 and found[0][1] and _words(line[: m.start()]) >= 4:
                return line[m.end() :]
    found = [f for f in find_dates(line, rules) if f[1]]
    if not rubric or len(found) != 1 or _words(line[: found[0][0]]) > 2:
        return None
    date_end = next(iter(_date_ends(line, found[0][0], rules)), len(line))
    rest = _key(line[date_end:])
    following = next((lines[j] for j in range(i + 1, len(lines)) if kinds[j] != "blank"), "")
    if len(rest.split()) >= 3 and rest == _key(following):
        return line[:date_end]
    return None


def _agency(g: dict[str, str | None]) -> str:
    """The agency a dateline match names, in whichever of its forms (``a1``-``a5``)."""
    return (g.get("a1") or g.get("a2") or g.get("a3") or g.get("a4") or g.get("a5") or "").strip()


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
    if g.get("own") is not None:  # place, full date, dash, a sentence: no agency to check
        return True
    if not g["place"]:  # the date first, with its year, the agency in brackets
        return bool(agency and g.get("year"))
    # (the reporter before the agency in slashes: "Бишкек, 25.01.22. /Индира Камчыбекова -
    # Кабар/.")
    named = agency.rsplit(" - ", 1)[-1] if g.get("a1") else agency
    known = named.casefold() in rules.agencies or any(
        named.casefold().startswith(a + " ") for a in rules.agencies
    )
    dated = bool(g.get("day") or g.get("day2") or g.get("day3"))
    capitals = len(agency) >= 4 and agency.isupper() and not _CYR.search(agency)
    # a full date and an agency in brackets: "Moscow, 17 May 2022 (TDI): The fortified …"
    # (or in quotes after a date in figures: "Семей.30.11.25.”Semeyainasy” –")
    bracketed = (
        bool(g.get("a2") or g.get("a5"))
        and dated
        and bool(g.get("year") or g.get("year2") or g.get("year3"))
    )
    # a site's address in brackets: "Ташкент, Узбекистан (UzDaily.uz) — С начала …"
    site = bool(g.get("a2")) and _SITE_TOKEN.fullmatch(agency) is not None
    if not (
        g["place"].isupper() or known or (dated and capitals) or bracketed or site
    ):  # "Москва, 13 января - DIXINEWS."
        return False
    if g.get("a1") or g.get("a2") or g.get("a5") or known:
        return True
    bare_ok = agency.isupper() or not _CYR.search(agency)
    if g.get("a3"):
        return bare_ok and bool(g.get("day") or g.get("day2"))
    return bare_ok


def _dateline(m: re.Match[str], rules: CleanRules) -> Dateline:
    g = m.groupdict()
    day = g.get("day") or g.get("day2") or g.get("day3")
    month = g.get("month") or g.get("month2")
    year = g.get("year") or g.get("year2") or g.get("year3")
    agency = _agency(g)
    number = int(g["month3"]) if g.get("month3") else None
    return Dateline(
        place=g["place"].strip(),
        day=int(day) if day else None,
        month=number if number else rules.months.get(month.lower().rstrip(".")) if month else None,
        year=(2000 + int(year) if len(year) == 2 else int(year)) if year else None,
        agency=agency,
    )


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
            and not _ends_sentence(current[-1])
            and not current[-1].endswith((":", ";"))
            and (
                line[:1].islower()
                or _dangling(current[-1])  # "… announced at the" / "Novorossiysk seaport, …"
                or (  # "In November" / "2023, storm restrictions …" (a year and a comma)
                    re.match(r"(?:19|20)\d{2},\s", line) is not None
                    and _words(current[-1]) <= 4
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
