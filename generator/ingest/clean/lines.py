"""``classify``: the debris class of one line (breadcrumbs, switchers, tickers, headers,
captions, ...), bylines and lines that are only a name."""

from __future__ import annotations

import re

from generator.ingest.clean.dates import NUMERIC_DATE, TIME, find_dates
from generator.ingest.clean.rules import HEADLINE_MAX_WORDS, MAX_DEBRIS_WORDS, CleanRules
from generator.ingest.clean.text import (
    CYR_LOWER,
    HOMOGLYPHS,
    UPPER,
    comparison_key,
    ends_sentence,
    fold_homoglyphs,
    headline_ticker,
    link_bar,
    word_count,
)
from generator.ingest.clean.timestamps import is_timestamp

MENU_SECTIONS = 4  # a line naming this many sections ...
MENU_SECTION_SHARE = 0.6  # ... as this share of its words at least is a menu
GLUED_ITEMS = 3  # a line with this many headlines glued to the next is a list of them
GLUED_MENU_WORDS = 8  # ... unless this short: menu items glued together ("СюжетыПолитика…")
CAPTION_DATE_WORDS = 4  # "<4+ words>, <date>" with no dash or number: a caption, no header
ISSUE_TAIL_WORDS = 4  # words after the date of a paper's issue line (its publisher)
HOME_MENU_WORDS = 12  # a menu run together after its home word: this many words at most,
HOME_MENU_ITEMS = 3  # ... with this many capitalised items after it
GLUED_NAVIGATION_CHARS = 60  # two menu items run together: this long at most
KEYWORD_ITEMS = 3  # search keywords: this many items, one word pair in each

# A site header's weather reading: "25.8 C", "-3.1 C", "+12°", "−4 °C" (a line of its own).
_TEMPERATURE = re.compile(r"[+\-−–]?\d{1,2}(?:[.,]\d{1,2})?\s*(?:[°º]\s*[CFСcfс]?|[CFС])")
# ... and the sky's state after it ("34ºc, Солнечно", "+12° ясно")
_WEATHER = re.compile(_TEMPERATURE.pattern + r"(?:\s*,?\s*[^\W\d_]+(?:\s+[^\W\d_]+)?)?")
_TEMPERATURE_UNIT = re.compile(r"[°º]\s*[CFСcfс]|℃|℉")
# a wind reading, maybe after the sky's state ("пасмурно ветер 3 м/с, З", "0 м/c,")
_WIND = re.compile(
    r"(?:(?:ясно|пасмурно|облачно|малооблачно|переменная|облачность|дождь|снег|туман|ветер"
    r"|штиль|wind|clear|cloudy)\s+){0,3}\d{1,2}\s*(?:м/[сc]|m/s)\b[^.!?\w]{0,3}(?:[^\W\d_]{1,3})?",
    re.IGNORECASE,
)
_LONE_NUMBER = re.compile(
    r"^[\d\s.,:;+%/|()\[\]#№*•·\-–—]*\d[\d\s.,:;+%/|()\[\]#№*•·\-–—]*"
    r"(?:[kKmMкКмМ]|тыс\.?|млн\.?)?$"
)

# The name of a paper and the number of its issue before the issue's date: "Жас Алаш №102
# (15664) 23 желтоқсан, жұма 2011", "Газета «Завтра» № 3 (1459) 20 января 2022" (not "Указ
# № 152 от 5 января": a word between the number and the date, unless a field's label is
# all before the number: "Категорія: №2 від 08.01.2026 року")
_ISSUE_LINE = re.compile(
    rf"\W*(?P<name>[{UPPER}«\"][\w«»\"'’.:-]*(?:\s+[\w«»\"'’.-]+){{0,2}}\s+)?"
    r"(?:№|N°|No\.?)\s*\d+(?:\s*\(\d+\))?[\s,.;]*\(?"  # "… Reports No 108 (Jan 5, 2024)"
    r"(?P<weekday>[^\W\d_]{5,11},\s+)?"  # "№ 54 (9576); суббота, 28 мая 2005 года"
    r"(?P<of>[^\W\d_]{1,3}\s+)?"
)

SEPARATORS = re.compile(r"\s+(?:›|»|>|/|\||→|::|•|·)\s+")
_MENU_ARROWS = re.compile(r"\s*(?:>>|»»|→)\s*")
_SITE_NAME = re.compile(  # "Top.Mail.Ru", "vlast.kz"; in Cyrillic, its zone too ("Дальнеречье.Ру")
    r"^(?:[A-Za-z0-9-]+\.)+(?:[A-Za-z]{2,6})$"
    rf"|^(?:[{CYR_LOWER}0-9-]+\.)+(?:рф|ру|рус|укр|қаз|бел|ком|орг|нет|инфо)$",
    re.IGNORECASE,
)
CAMEL = re.compile(r"(?<=[a-z" + CYR_LOWER + r"])(?=[" + UPPER + r"])")
_BAR = re.compile(r"\s+[|•·]\s+")  # ... or by bars or bullets
# A list of headlines flattened onto one line, each glued to the next ("… задержан 49-летний
# мужчинаНазначение женщины … — эксперт220 школам … и ноутбукиНа улице …"): a word's small
# letters run into a capital or a figure (not a name's "КазМунайГаз" or "LinkedIn")
_GLUED_ITEM = re.compile(
    rf"[{CYR_LOWER}a-z]{{5}}(?=[{UPPER}0-9])"  # "…напрямую президентуПограничную …"
    rf"|[{UPPER}]{{2}}(?=[{UPPER}][{CYR_LOWER}a-z]{{2}})"  # "… из состава ГКНБПарламент …"
)

_SENTENCE_BREAK = re.compile(rf"[.!?…][\"”»)]?\s+[{UPPER}]")


def _glued_items(line: str) -> int:
    """Headlines glued to the next in a line; none in prose whose sentences outnumber them
    (an article's crossheads glued to their paragraphs: "… returns to RussiaEvgeny …")."""
    glued = len(_GLUED_ITEM.findall(line))
    return glued if len(_SENTENCE_BREAK.findall(line)) < 2 * glued else 0


_LIST_NUMBER = re.compile(r"^\d{1,2}[.)]\s+(?=[^\W\d_])")  # "1. Перейти к содержанию" (skip links)

# A wire photo's caption (TASS, Getty, Shutterstock editorial): the place and the date in
# capitals, a colon ("ALMATY, KAZAKHSTAN - JANUARY 5, 2022: A burnt car is seen …").
_WIRE_CAPTION = re.compile(
    r"^(?-i:[A-Z][A-Z'’. -]+(?:,\s*[A-Z][A-Z'’. -]+)*)\s*[-–—]\s*"
    r"(?-i:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
    r"\s+\d{1,2},\s+\d{4}\s*:\s"
)

# a picture agency's caption, however long, ends with its credit in brackets: "… AFP PHOTO /
# MAX VETROV (Photo credit should read MAX VETROV/AFP/Getty Images)", "… this winter. (AP
# Photo/Bernat Armangue)"; or with the photographer and the agency: "… Bernat
# Armangue/Associated Press file"
_PHOTO_CREDIT_END = re.compile(
    r"(?:\(photo credit should read [^()]{2,80}\)|\((?:ap|afp|epa) photo\s*/[^()]{2,60}\)"
    r"|\.\s+[^\W\d_][\w.-]*(?:\s[^\W\d_][\w.-]*){0,3}\s*/\s*(?:the\s)?associated\spress"
    r"(?:\sfile)?"
    # ... or a photographer and a picture agency after a slash, the space after the full stop
    # often lost: "… as the Russian invasion continues.Michael M. Santiago/Getty Images"
    r"|\.\s*(?-i:[A-Z])[\w.-]*(?:\s(?-i:[A-Z])[\w.-]*){1,3}\s*/\s*(?:(?:afp|ap)\svia\s)?getty\simages"
    # ... or a picture the subject handed in: "… invaded on Thursday. Scott Graham / Supplied",
    # "… two Airbus A400M aircraft. (Supplied)"
    r"|\.\s*(?:(?-i:[A-Z])[\w.’'-]*(?:\s(?-i:[A-Z])[\w.’'-]*){0,3}\s*/\s*supplied|\(supplied\)))"
    r"\s*$",
    re.IGNORECASE,
)

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
# a stock index's quote: its name in Latin letters, the change in per cent and the level
# ("• OMX Riga0,24%932,37", "• S&P 5001,16%6 875,62", "• Nasdaq 1,18%23 224,82")
_INDEX_QUOTE = re.compile(
    r"[•·▪*\s]*[A-Za-z][\w&/.]*(?:\s[\w&/.]+){0,3}?\s?[+−–-]?\d+[.,]\d+%\d[\d\s]*[.,]\d+"
)
_TICKER_CURRENCY = re.compile(
    rf"(?<![^\W\d_])(?:{_CURRENCIES})(?![^\W\d_])|[$€£₽₸₴¥]", re.IGNORECASE
)

NAME_WORD = rf"[{UPPER}][\w'’\-]*"

# An epigraph or quote-of-the-day box: a quotation, a dash, its author's name alone and a
# full stop ("«Если судят по закону, … живёт среди людей» — Демосфен."). A headline quoting
# someone has no full stop ("«Казахстан не будет участвовать» — Токаев").
_EPIGRAPH = re.compile(
    r"^[«\"“„][^«»\"“”„]{10,300}[»\"”“]\s*[—–-]\s*"
    rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}\.$"
)


def _issue_line(line: str, rules: CleanRules) -> bool:
    """A print paper's issue line: its name, the issue's number and the issue's full date,
    maybe the publisher after it ("Жас Алаш №102 (15664) 23 желтоқсан, жұма 2011", "N°219,
    28 ноября 2001 Время новостей ИД "Время"")."""
    if "№" not in line and not re.search(r"N°|No\.?\s*\d", line):
        return False
    for rx in (NUMERIC_DATE, *rules.date_patterns):
        for m in rx.finditer(line):
            full = bool(m.groupdict().get("year") or m.groupdict().get("iyear"))
            issue = _ISSUE_LINE.fullmatch(line[: m.start()]) if full else None
            if issue is None:
                continue
            tail = word_count(line[m.end() :].lstrip(")"))
            if not issue["of"]:
                return tail <= ISSUE_TAIL_WORDS
            label = not issue["name"] or re.fullmatch(r"[^\W\d_]+:\s*", issue["name"])
            return bool(label) and tail <= 1  # (nothing after the date but its year word)
    return False


_SLASH_CRUMB = re.compile(r"^\s*//\s*[^\s/](?:\S*\s+){0,3}\S*\s*$")


def _is_breadcrumb(line: str, rules: CleanRules) -> bool:
    """A breadcrumb trail: "Home » World » ...", "Русский язык>>Россия и СНГ", or a home
    word followed by a section name. A trail from the home page may end in the headline,
    question mark and all ("На головну / ІСТОРІЯ / Районна газета – … ВИДАННЯ?")."""
    parts = [p for p in SEPARATORS.split(line) if p.strip()]
    first = comparison_key(parts[0]) if parts else ""
    if len(parts) >= 3 and first in rules.breadcrumb_home and word_count(parts[1]) <= 4:
        return True
    if ends_sentence(line):
        return False
    if _SLASH_CRUMB.match(line):
        return True  # "// Constitution": the last item of a trail after the site's "//"
    if len(parts) >= 3 and not first and all(word_count(p) <= 4 for p in parts):
        return True  # ": / In Kyrgyzstan / Incidents": a trail whose home is an icon
    menu = [p for p in _MENU_ARROWS.split(line) if p.strip()]
    if len(menu) >= 2 and all(word_count(p) <= 4 for p in menu):
        return True
    if (
        len(parts) == 2
        and all(word_count(p) <= 4 for p in parts)
        and comparison_key(parts[1]) in rules.sections
    ):  # a section, then its news page ("Строительство и финансы » Новости")
        return True
    starts_as_menu = first in rules.breadcrumb_home or first in rules.sections
    if len(parts) >= 3 and starts_as_menu and all(word_count(p) <= 4 for p in parts[:-1]):
        return True
    key = comparison_key(line)
    words = line.split()
    if (
        words
        and comparison_key(words[0]) in rules.breadcrumb_home
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


MENU_ITEM_LETTERS = 4  # a menu item glued to the next is this long; a brand's parts are
# shorter ("KazMinCo", "KazMunayGas")


def _glued_menu_items(line: str) -> int:
    """How many menu items of four letters or more are glued to the next without a space
    ("СюжетыПолитикаПри": 2; "KazMinCo": 0)."""
    return sum(
        len(part) >= MENU_ITEM_LETTERS for word in line.split() for part in CAMEL.split(word)[:-1]
    )


def _token_line(line: str, tokens: frozenset[str]) -> bool:
    """A share bar: every word a network's name; or 3+ of them in a line that is not a
    sentence ("Facebook iPress Telegram iPress Twitter iPress search menu"); or most of the
    cells between bars."""
    parts = [p for p in re.split(r"[\s|/·•,]+", line) if p]
    known = sum(1 for p in parts if comparison_key(p) in tokens)
    if known >= 3 and known * 2 >= len(parts) and not ends_sentence(line):
        return True
    # cells between bars, most of them networks ("Facebook | ВКонтакте | Город Алматы": the
    # share links, then the city menu's button)
    cells = [c for c in re.split(r"\s*\|\s*", line.strip()) if c]
    named = sum(1 for c in cells if comparison_key(c) in tokens)
    if len(cells) >= 3 and named >= 2 and named * 2 > len(cells):
        return True
    return len(parts) >= 2 and all(comparison_key(p) in tokens for p in parts if comparison_key(p))


_LABEL = re.compile(r"^\s*[^\W\d_]+\s*:\s*")  # "Мова:", "Language:", "Тіл:"
_LANG_CODE = re.compile(r"[A-ZА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ]{2,3}")


def _switcher_line(line: str, tokens: frozenset[str]) -> bool:
    """A language switcher: known language names/codes (at least two), maybe after a label
    such as ``Мова:``, and otherwise only short upper-case codes (``DEU``, ``FR``)."""
    body = _LABEL.sub("", line, count=1)
    parts = [p for p in re.split(r"[\s|/·•,]+", body) if comparison_key(p)]

    def named(part: str) -> bool:  # "Pyc": "Рус" in Latin look-alike letters ("Eng | Pyc")
        return (
            comparison_key(part) in tokens or comparison_key(part.translate(HOMOGLYPHS)) in tokens
        )

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
    r"|chevron_(?:left|right)|expand_(?:more|less)|keyboard_arrow_(?:left|right|up|down)"
    r"|[xX×])$"  # (a box's close button: "x" under a headline is no word it runs on to)
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
    r".*\bin\s+/\S+\.(?:php|inc)\s+on\s+line\s+\d+\s*$"
    # ... or a Joomla module's error in its place ("\"Failed to connect to 2001:4998:…:
    # Network is unreachable\" in module \"mod_sp_weather\"")
    r"|^.{0,300}\bin module \"mod_[\w-]+\"\.?\s*$",
    re.IGNORECASE,
)

# An image left as markup on a line of its own by a page-to-text dump ("<image>…
# alt="…"</image>", "<img src=… alt=…>"): page furniture, never text; its alt text may say
# the headline (see ``image_alt_text``).
_IMAGE_LINE = re.compile(
    r"^(?:<image\b[^>]*>.*</image>|<img\b[^>]*/?>|(?:!\[[^\]\n]*\]\([^)\s]*\)\s*)+)$",
    re.IGNORECASE | re.DOTALL,
)  # (and Markdown's: "![Виклики війни: …](https://…/maxresdefault-5.jpeg)")
_IMAGE_ALT = re.compile(r"\balt=\"(?P<alt>[^\"]*)\"|^!\[(?P<md>[^\]\n]+)\]", re.IGNORECASE)
IMAGE_ALT_MIN_WORDS = 4  # a shorter alt text names a picture ("Касым-Жомарт Токаев"), no story


# a picture's credit after a bar at the end of its alt text ("… | Источник: Mash")
_ALT_CREDIT = re.compile(r"\s+\|\s+[^\W\d_][^|:]{1,25}:\s*[^|:]{1,40}$")
# ... or after the headline's full stop ("… в районном шахматном турнире. Фото: сайт мэра Москвы")
_ALT_SENTENCE_TAIL = re.compile(r"(?<=[.!?])\s+(?P<tail>[^.!?]{3,60})$")


def image_alt_text(line: str, rules: CleanRules, caption: str = "") -> str | None:
    """The alt text of an image line when it reads as a headline: 4-30 words, not a
    caption or credit; an alt text printed twice over ("X X", a CMS's title + caption)
    counts once, and a CMS's title + the ``caption`` printed under the picture + its
    credit is the title ("Малков сообщил о пожаре … БПЛА Пожар | Источник: Mash" over
    "Пожар"); a photo credit after its full stop is not part of it."""
    m = _IMAGE_ALT.search(line)
    if not m:
        return None
    alt = " ".join((m.group("alt") or m.group("md") or "").split())
    twice = re.fullmatch(r"(.{10,}?) \1", alt)
    if twice:
        alt = twice.group(1)
    caption = " ".join(caption.split())
    credited = _ALT_CREDIT.search(alt)
    if credited and caption and alt[: credited.start()].endswith(f" {caption}"):
        alt = alt[: credited.start() - len(caption)].rstrip()
    tail = _ALT_SENTENCE_TAIL.search(alt)
    if tail and classify(tail["tail"], rules) in ("photo_credit", "caption"):
        alt = alt[: tail.start()].rstrip(".")
    if not IMAGE_ALT_MIN_WORDS <= word_count(alt) <= HEADLINE_MAX_WORDS:
        return None
    if classify(alt, rules) is not None or byline(alt, rules) is not None:
        return None
    return alt


ORIGINAL_STAMP_WORDS = 14  # "Originally published on …, 2023": a short line
_LABEL_COLON = re.compile(r"\s*:\s*")


def original_stamp(line: str, rules: CleanRules) -> bool:
    """A line dating an original ("Оригінальний звіт був опублікований 14 грудня 2023 року",
    "Originally published on 3 May 2024"): a reprint's note, never the page's own stamp."""
    if rules.original is None or word_count(line) > ORIGINAL_STAMP_WORDS:
        return False
    named = rules.original.search(line)
    if named is None or not any(year for _s, year, *_md in find_dates(line, rules)):
        return False
    before = line[: named.start()]
    if any(w in rules.update_words for w in comparison_key(before).split()) and any(
        year for _s, year, *_md in find_dates(before, rules)
    ):  # "Updated July 2 2019 - 8:51am, first published July 1 2019 - 4:20pm": the page's
        return False  # own update and first publication (Australian Community Media's)
    label = _LABEL_COLON.match(line[named.end() :])
    if label and not line[: named.start()].strip(" \t•|") and TIME.search(line):
        return not is_timestamp(line[named.end() + label.end() :], rules)  # "First
        # Published: 30th April, 2018 15:34 IST": a CMS's label of the page's own stamp
    return True


# names in quotes and nothing else, two at least: a row of a media holding's brands
_QUOTED_NAMES = re.compile(r'\s*(?:["«„“][^"«»„“”]{1,40}["»“”]\s*){2,}')
_YEAR_END = re.compile(r"\b(?:19|20)\d{2}\b\W*")  # a date's year (and its comma or dot)
# a pager: the pages' numbers from 1 in a row, maybe in brackets, ending the line ("Статті
# номера [ 1 2 3 4 5 ]", "Страницы: 1 2 3 … 10")
_PAGER = re.compile(r"(?:^|\s)[\[(]?\s*1\s+2\s+3(?:\s+(?:\d{1,3}|…|\.\.\.))*\s*[\])]?\s*$")
PAGER_MAX_WORDS = 12
TODAY_BOX_CHARS = 40  # a site's "today" box opening a header line ends this early


def _today_box_glued(line: str, rules: CleanRules) -> bool:
    """A site's "today" box run into the header's other debris on one line: the box
    ("Пятница, 22 ноября 2024") then a subscribe prompt, an account bar or a menu."""
    for m in _YEAR_END.finditer(line, 0, TODAY_BOX_CHARS):
        head, tail = line[: m.end()].strip(), line[m.end() :].strip()
        if not tail or classify(head, rules) != "today_widget":
            continue
        if classify(tail, rules) not in (None, "timestamp", "today_widget", "counter"):
            return True  # (not the stamp's own clock: "Жұма, 31 Мамыр 2024 15:40")
    return False


def _glued_navigation(key: str, navigation: frozenset[str]) -> bool:
    """Two navigation items run together inside a word, no space between ("написать
    новостьархив новостей")."""
    if len(key) > GLUED_NAVIGATION_CHARS:
        return False
    return any(
        key[i - 1].isalpha()
        and key[i].isalpha()
        and key[:i] in navigation
        and key[i:] in navigation
        for i in range(2, len(key) - 1)
    )


def _search_keywords(line: str) -> bool:
    """A page's search keywords in small letters, the town repeated in each ("вивіз сміття
    біла церква, зросте вартість вивозу сміття біла церква, сміття біла церква")."""
    if line.count(",") < KEYWORD_ITEMS - 1 or any(c.isupper() for c in line) or ends_sentence(line):
        return False
    items = [comparison_key(p) for p in line.split(",")]
    if len(items) < KEYWORD_ITEMS or not all(0 < word_count(p) <= 6 for p in items):
        return False
    pairs = [
        {" ".join(w[i : i + 2]) for i in range(len(w) - 1)} for w in (p.split() for p in items)
    ]
    return any(sum(pair in other for other in pairs) >= KEYWORD_ITEMS for pair in pairs[0])


def classify(line: str, rules: CleanRules, title: str | None = None) -> str | None:
    """The debris class of one line, or ``None`` when it is (or may be) article text."""
    if _IMAGE_LINE.match(line):
        return "image"
    if _WIRE_CAPTION.match(line) or _PHOTO_CREDIT_END.search(line):
        return "caption"
    if _PHP_MESSAGE.match(line):
        return "prompt"
    if word_count(line) <= AD_SLOT_MAX_WORDS and _AD_SLOT.search(line):
        return "widget"
    if _ICON_NAME.match(line):
        return "symbols"
    if _PROTECTED_EMAIL.match(line):
        return "contact"
    if word_count(line) > GLUED_MENU_WORDS and _glued_items(line) >= GLUED_ITEMS:
        return "sidebar"  # "… задержан 49-летний мужчинаНазначение … — эксперт220 школам …"
    tokens = line.split()
    if sum("_" in t for t in tokens) >= 3 and all(_IDENTIFIER.fullmatch(t) for t in tokens):
        return "navigation"
    if len(tokens) >= 2 and all(_HASHTAG.fullmatch(t) for t in tokens):
        return "tags"  # "#Earthquake #residents #escape #Almaty"
    if _search_keywords(line):
        return "tags"
    if _QUOTED_NAMES.fullmatch(line):
        return "navigation"  # "\"Эхо Москвы\" \"Русское радио\"": a holding's brands
    if word_count(line) <= PAGER_MAX_WORDS and _PAGER.search(line):
        return "navigation"  # "Статті номера [ 1 2 3 4 5 ]"
    if _today_box_glued(line, rules):
        return "today_widget"  # "Пятница, 22 ноября 2024 Підпишіться на отримання новин RSS …"
    if word_count(line) > MAX_DEBRIS_WORDS:
        if link_bar(line, _BAR):
            return "navigation"  # a site's whole menu: "КАЗАХСТАН: Самрук | Нурбанкгейт | …"
        if headline_ticker(line, _BAR):
            return "ticker"  # other stories' headlines: "Pelbagai acara … | Jangkauan … | …"
        for cls, rx in rules.debris:  # a ticker of other stories may run long
            if cls == "ticker" and rx.search(line):
                return cls
        return None
    key = comparison_key(line)
    if not key:
        return "symbols" if not re.search(r"\w", line) else None
    if title and key == comparison_key(title):
        return "repeated_title"
    for cls, rx in rules.debris:  # a "today" box looks like a timestamp but is not one, nor
        if cls in ("today_widget", "widget", "account") and rx.search(line):  # a greeting's clock
            return cls
    if market_ticker(line, rules) or weather(line):
        return "widget"  # (a rate "6.57 KZT" is no date; nor is "25.8 C" a count)
    if link_bar(line, _BAR):
        return "navigation"  # "BusinesshelpUa - Допомога бізнесу | Ivan шукає … | Преса …"
    if _EPIGRAPH.match(line.strip()):
        return "epigraph"
    if _issue_line(line, rules):
        return "header"  # (a stamp wherever it stands, like an agency's header)
    if original_stamp(line, rules):
        return "original_stamp"  # "Оригінальний звіт був опублікований 14 грудня 2023 року"
    if is_timestamp(line, rules):
        return "timestamp"
    if _LONE_NUMBER.match(line) or re.sub(r"[\W_]", "", line).isdigit():
        return "counter"
    if "©" in line or re.match(r"^\(c\)\s", line, re.IGNORECASE):
        return "photo_credit"
    item = _LIST_NUMBER.sub("", line, count=1)  # a numbered menu item: "1. Skip to content"
    if key in rules.navigation or (item != line and comparison_key(item) in rules.navigation):
        return "navigation"
    if _glued_navigation(key, rules.navigation):
        return "navigation"  # "написать новостьархив новостей": two menu items run together
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
        or (
            word_count(line) <= GLUED_MENU_WORDS and _glued_menu_items(_HASHTAG.sub(" ", line)) >= 2
        )
    ):  # menu items glued together: "СюжетыПолитикаПри поддержке …" (not a hashtag's
        # words: "#EndBadGovernance Protests Escalate …")
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
    named = sum(comparison_key(w) in rules.sections for w in words)
    return named >= MENU_SECTIONS and named >= MENU_SECTION_SHARE * len(words)


def market_ticker(line: str, rules: CleanRules) -> bool:
    """Is the line a currency or market ticker's: a currency code, sign or name (the packs'
    ``currency_names``) and rates only ("• USD 468.56", "504.49 KZT", "₽1 – 155.42", "Доллар
    США $ — 92,1234 руб.", or the code alone, its rate below), or a stock index's quote?"""
    stripped = line.strip()
    if _INDEX_QUOTE.fullmatch(stripped):
        return True
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
    if word_count(line) > 20:
        return False
    spans = [
        m.span()
        for rx in (NUMERIC_DATE, *rules.date_patterns)
        for m in rx.finditer(line)
        if any(m.groupdict().get(y) for y in ("year", "iyear", "syear", "tyear", "uyear"))
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
    if word_count(before) >= CAPTION_DATE_WORDS and not re.search(r"\d|\s[-–—]\s", before):
        return False  # a sentence and its date: a photo's caption ("Riot police detain a
        # protester outside …, May 31, 2024."), a cited item, a lead, not a stamp
    return bool(before) and before.endswith((",", "|", "-", "–", "—", "(", "/"))


def byline(line: str, rules: CleanRules) -> list[tuple[str, str]] | None:
    if word_count(line) > 12:
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
                value = _ROLE_AFTER.sub("", value)  # "Chris Shipman (Head of … Social Media)"
                if value and _looks_like_name(value):
                    out.append((group, value))
            if out:
                return out
    return None


_ROLE_AFTER = re.compile(r"(?<=\w)\s+\([^()]{2,60}\)$")  # a role in brackets after a name
_NAME_LIST = re.compile(r",\s+|\s+(?:and|&|и|і|та|және)\s+")


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
    parts = CAMEL.split(line)
    if len(parts) > 1 and parts[-1] in rules.section_words:
        return "".join(parts[:-1]).rstrip()
    for word in rules.section_words:
        if line.endswith(" " + word):
            return line[: -len(word) - 1].rstrip()
    return line


def name_line(line: str, rules: CleanRules) -> str | None:
    """The person's name when a line is only a name (2-3 capitalised words), else ``None``."""
    if any(ch.isdigit() for ch in line) or ends_sentence(line):
        return None
    candidate = split_glued_section(line, rules)
    if re.fullmatch(rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}}", candidate):
        words = candidate.split()
        menu = rules.sections or ()
        if (
            all(len(w) > 1 for w in words)
            and not CAMEL.search(candidate)
            and not any(
                comparison_key(w) in menu or comparison_key(w) in rules.agencies for w in words
            )
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


def weather(line: str) -> bool:
    """A weather reading on a line of its own ("25.8 C", "-3.1 C", "+12°", "34ºc, Солнечно",
    "пасмурно ветер 3 м/с, З"), or its unit alone, the figure on a line of its own ("°C" /
    "0")."""
    line = re.sub(r"^[-–•·*]\s+", "", line.strip())
    return (
        _WEATHER.fullmatch(line) is not None
        or _TEMPERATURE_UNIT.fullmatch(line) is not None
        or _WIND.fullmatch(line) is not None
    )
