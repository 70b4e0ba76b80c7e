"""Language packs from ``config/languages/<code>.yml``: what ingest knows about a language.

A pack holds month names (with inflected forms), date patterns, debris patterns by class,
byline and attribution patterns, navigation words and the language's deciding letters.
Adding a language is a new YAML file (plus word lists), never code. ``load_language_packs``
raises ``ConfigError`` naming the file and key; ``check_language_file`` lists every problem.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.models import Problem
from generator.settings import ConfigError, parse_yaml

DEBRIS_CLASSES = (
    "photo_credit",
    "subscribe",
    "read_also",
    "share",
    "skip_link",
    "tags",
    "prompt",
    "today_widget",
    "caption",
    "ticker",
    "widget",
    "comments",
    "masthead",  # the outlet describing itself, its tagline ("Новости Мурманска и …")
    "rubric",  # a genre rubric over the headline ("Исторический очерк")
    "account",  # the site's account bar: a guest's greeting, login and sign-up prompts
    "role",  # an author's role alone under the name ("журналист", "Senior Reporter")
    "key_points",  # the heading of a summary in points under the headline ("Key Points")
)

# the word lists of the page furniture stuck to a headline (``LanguagePack``; compiled by
# generator/ingest/clean/rules.py into ``TitleFurniture``)
FURNITURE_KEYS = (
    "media_words",
    "revision_tags",
    "revision_marks",
    "genre_words",
    "media_rubrics",
    "headline_labels",
    "news_sections",
    "document_views",
    "paper_labels",
    "badge_words",
)
_LIST_KEYS = (
    "switcher_names",
    "relative_days",
    "navigation",
    "breadcrumb_home",
    "section_words",
    "share_tokens",
    "month_suffixes",
    "encodings",
    "publish_words",
    "update_words",
    "yesterday_words",
    "today_words",
    "flash_words",
    "visit_day_marks",
    "search_labels",
    "deadline_words",
    "start_words",
    "permalink_words",
    "edit_words",
    "salutations",
    "organisation_words",
    "verb_endings",
    "small_names",
    "joining_words",
    "headline_calls",
    "original_words",
    "category_fields",
    "author_fields",
    "stamp_labels",
    "counter_words",
    "currency_names",
    "number_words",
    *FURNITURE_KEYS,
)
_PATTERN_KEYS = (
    "date_patterns",
    "bylines",
    "attribution",
    "summary_openers",
    "anniversary",
    "years_after",
)
KNOWN_KEYS = frozenset(
    {"code", "name", "months", "month_locales", "debris", "deciding_letters", "deciding_share"}
    | set(_LIST_KEYS)
    | set(_PATTERN_KEYS)
)


@dataclass(frozen=True)
class LanguagePack:
    code: str
    name: str = ""
    months: dict[str, int] = field(default_factory=dict)  # lower-case form -> month number
    # lower-case weekday name or abbreviation -> 0 (Monday) .. 6, from the CLDR for the code
    weekdays: dict[str, int] = field(default_factory=dict)
    date_patterns: tuple[re.Pattern[str], ...] = ()
    debris: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    bylines: tuple[re.Pattern[str], ...] = ()
    attribution: tuple[re.Pattern[str], ...] = ()
    # sentence openers that point back at the previous sentence (generator/nlp/summary.py)
    summary_openers: tuple[re.Pattern[str], ...] = ()
    switcher_names: tuple[str, ...] = ()
    relative_days: tuple[str, ...] = ()
    navigation: tuple[str, ...] = ()
    breadcrumb_home: tuple[str, ...] = ()
    section_words: tuple[str, ...] = ()
    share_tokens: tuple[str, ...] = ()
    encodings: tuple[str, ...] = ()
    month_suffixes: tuple[str, ...] = ()
    # a stamp's label that names the publication ("Posted", "Опубликовано") or a later
    # revision ("Updated", "Обновлено": never the publication date)
    publish_words: tuple[str, ...] = ()
    update_words: tuple[str, ...] = ()
    yesterday_words: tuple[str, ...] = ()  # a stamp "yesterday, 18:40": the crawl day - 1
    today_words: tuple[str, ...] = ()  # "today" before a full date: the page's day
    # an urgency flag opening a headline's kicker ("BREAKING NEWS: …"): the headline's own
    flash_words: tuple[str, ...] = ()
    # a site theme's own line ("- Advertisement -", the Newspaper theme's ad label): its top
    # bar prints the day of the visit, so a date opening such a page is no stamp
    visit_day_marks: tuple[str, ...] = ()
    # the label of a site's search box ("Search"): a date alone under it, atop the page, is
    # the header's bar of the visit's day
    search_labels: tuple[str, ...] = ()
    # a deadline before a date ("не позднее 1 ноября 2025"): a plan's day, maybe in the future
    deadline_words: tuple[str, ...] = ()
    # a start before a date ("с 1 января 2026 года войдет"): a change to come, maybe far ahead
    start_words: tuple[str, ...] = ()
    # a label before the page's own address ("Ссылка на новость: https://…/2019-05-03/…")
    permalink_words: tuple[str, ...] = ()
    # a CMS's edit link left after a headline ("[ Редагувати ]", "[edit]")
    edit_words: tuple[str, ...] = ()
    # a letter's salutation ("Уважаемые читатели!"): the text's start, never a headline
    salutations: tuple[str, ...] = ()
    # the head nouns of an organisation's name ("министерство", "weekly"): a line naming one
    # alone is its banner or credit, not a headline; and the endings of finite verb forms
    # (which such a line has none of)
    organisation_words: tuple[str, ...] = ()
    verb_endings: tuple[str, ...] = ()
    # the starts of proper names some outlets write in small letters (Ukrainian "росія",
    # "путін"): a line opening with one is no lower-case label
    small_names: tuple[str, ...] = ()
    # the words joining two words of a rubric ("политика и общество" after a stamp's bar)
    joining_words: tuple[str, ...] = ()
    # a headline's call to the reader after a bar ("… Premiere Was a High-Fashion Affair |
    # See the Looks", "… | Check Prices"): the headline's own words, no rubric to cut
    headline_calls: tuple[str, ...] = ()
    # the starts of words saying a date is an original's ("Оригінальний звіт був опублікований
    # 14 грудня 2023 року", "Originally published …"): never the page's own date
    original_words: tuple[str, ...] = ()
    # a stamp's neighbours on its line: a category field's name ("Категория: …"), the label
    # a stamp opens with after it ("Published", a word's start), counts' words ("просмотр…")
    category_fields: tuple[str, ...] = ()
    # an author's field after a stamp on the same line ("Дата: 6.06.2022, 10:35 Автор: …")
    author_fields: tuple[str, ...] = ()
    stamp_labels: tuple[str, ...] = ()
    counter_words: tuple[str, ...] = ()
    # currencies by name in a rates ticker ("Доллар США $ — 92,12 руб."), besides the codes
    currency_names: tuple[str, ...] = ()
    # "on this day in 2011": a dated header is then the recalled event's day (group `year`)
    anniversary: tuple[re.Pattern[str], ...] = ()
    # "ten years after" an event (group `n`, in figures or one of ``number_words``, whose
    # place in the list is its value: "zero", "one", …): the report's year is the event's + n
    years_after: tuple[re.Pattern[str], ...] = ()
    number_words: tuple[str, ...] = ()
    # Page furniture around a headline (generator/ingest/clean/title.py):
    # a headline's note that it has pictures or a video ("… солярку. ФОТО", "( 1 фото )",
    # "/ВИДЕО/ …")
    media_words: tuple[str, ...] = ()
    # a revision's tag in brackets after a headline ("… (оновлено)", "(updated 14:05)"), and
    # the words that mark one alone in capitals ("… немає води ОНОВЛЕНО")
    revision_tags: tuple[str, ...] = ()
    revision_marks: tuple[str, ...] = ()
    # a genre's word in small letters before a headline ("новость Казахстан: …"), and a
    # picture or video rubric with its full stop ("Фотофакт. Беда вплотную …")
    genre_words: tuple[str, ...] = ()
    media_rubrics: tuple[str, ...] = ()
    # a label glued before a headline: a record's field ("Название: …") or a broadcaster's
    # "on air" box ("Зараз в ефірі: …")
    headline_labels: tuple[str, ...] = ()
    # a news section's name after a dash or bar ("… | World news", "… - Новости")
    news_sections: tuple[str, ...] = ()
    # a document site's view button after a headline ("… «қасіретті қаңтар»Pdf көрінісі")
    document_views: tuple[str, ...] = ()
    # a library's label over a paper's title in quotes ("Научная статья на тему '…'")
    paper_labels: tuple[str, ...] = ()
    # a site's badge printed after a headline in sentence case ("… to be lifted soon Featured")
    badge_words: tuple[str, ...] = ()
    deciding_letters: str = ""
    deciding_share: float = 0.0
    path: str = ""


def month_regex(forms: dict[str, int]) -> str:
    """An alternation of all month forms with an optional trailing dot, as a trie ("янв(?:арь
    |аря|аре)?", …): with other locales' names a flat list of hundreds of forms, tried at
    every position of a text, made date finding four times slower. It matches what the flat
    list, longest form first, matches."""
    return "(?:" + _trie_pattern(sorted(set(forms))) + r")\.?(?![\w])"


def _trie_pattern(words: list[str]) -> str:
    """A regex matching exactly ``words`` (non-empty), longest first at each branch."""
    if words == [""]:
        return ""
    ends = "" in words
    heads: dict[str, list[str]] = {}
    for w in words:
        if w:
            heads.setdefault(w[0], []).append(w[1:])
    branches = [re.escape(c) + _trie_pattern(sorted(rest)) for c, rest in sorted(heads.items())]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _locale_words(
    value: Any, bad: Callable[[str, str | None], None]
) -> tuple[dict[str, int], tuple[str, ...]]:
    """Month names (both grammatical contexts: "gennaio", "stycznia" and "styczeń") and
    weekday names of other locales, from the Unicode CLDR data of Babel: a site's own
    locale dates its pages ("18 Febbraio 2025" over an English report, "søndag 9. januar
    2022"). Only full names (abbreviations such as "set" or "dic" are words too), and no
    form that names two months in two locales."""
    if value is None:
        return {}, ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        bad("must be a list of locale codes (e.g. it, nb, pt_BR)", "month_locales")
        return {}, ()
    from babel import Locale, UnknownLocaleError

    months: dict[str, set[int]] = {}
    days: list[str] = []
    for code in value:
        try:
            locale = Locale.parse(code)
        except (ValueError, UnknownLocaleError):
            bad(f"unknown locale {code!r} (not in the Unicode CLDR data)", "month_locales")
            continue
        for form, number in _cldr_names(locale.months, ("wide",)):
            months.setdefault(form, set()).add(number)
        days += [form for form, _number in _cldr_names(locale.days, ("wide",))]
    return one_each(months), tuple(dict.fromkeys(days))


def _own_weekdays(code: Any) -> dict[str, int]:
    """The weekday names and abbreviations of the pack's own language ("Wed", "среда",
    "ср"), lower-case, from the Unicode CLDR data of Babel; a form naming two days is left
    out. Empty for a code the CLDR does not know."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(str(code))
    except (ValueError, UnknownLocaleError, TypeError):
        return {}
    found: dict[str, set[int]] = {}
    for form, number in _cldr_names(locale.days, ("wide", "abbreviated")):
        if len(form.rstrip(".")) >= 2:
            found.setdefault(form.rstrip("."), set()).add(number)
    return one_each(found)


def _cldr_names(names: Any, widths: tuple[str, ...]) -> Iterator[tuple[str, int]]:
    """(lower-case name, number) of a CLDR table of month or weekday names (Babel's
    ``Locale.months`` or ``Locale.days``), both grammatical contexts."""
    for context in ("format", "stand-alone"):
        for width in widths:
            for number, name in names[context][width].items():
                yield name.casefold(), int(number)


def one_each(found: dict[str, set[int]]) -> dict[str, int]:
    """The forms that name one month or day only (a form naming two is left out)."""
    return {form: next(iter(n)) for form, n in sorted(found.items()) if len(n) == 1}


def _parse(data: Any, where: str) -> tuple[LanguagePack | None, list[Problem]]:
    problems: list[Problem] = []

    def bad(message: str, key: str | None = None) -> None:
        problems.append(Problem(where, message, key))

    if not isinstance(data, dict):
        bad("the file must be a mapping of keys")
        return None, problems
    for key in sorted(set(data) - KNOWN_KEYS):
        bad(f"unknown key; known keys are: {', '.join(sorted(KNOWN_KEYS))}", str(key))
    code = data.get("code")
    if not (isinstance(code, str) and len(code) == 2 and code.isalpha()):
        bad("`code` must be a two-letter language code", "code")
        code = Path(where).stem.split(".")[0]
    elif Path(where).stem != code:
        bad(f"`code` {code!r} does not match the file name", "code")

    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_KEYS:
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            bad("must be a list of words", key)
            value = []
        lists[key] = tuple(str(v) for v in value)

    months: dict[str, int] = {}
    raw_months = data.get("months") or {}
    if not isinstance(raw_months, dict):
        bad("must map month numbers 1-12 to lists of forms", "months")
        raw_months = {}
    for number, forms in raw_months.items():
        if not (isinstance(number, int) and 1 <= number <= 12):
            bad(f"{number!r} is not a month number 1-12", "months")
            continue
        if not isinstance(forms, list) or not forms:
            bad("must be a non-empty list of forms", f"months.{number}")
            continue
        for form in forms:
            base = str(form).lower()
            months[base] = number
            for suffix in lists["month_suffixes"]:
                months[base + suffix.lower()] = number
    if raw_months and len({n for n in months.values()}) != 12:
        bad("must list all twelve months", "months")
    locale_months, weekdays = _locale_words(data.get("month_locales"), bad)
    for form, number in locale_months.items():
        months.setdefault(form, number)  # (the pack's own forms first)
    lists["relative_days"] += tuple(w for w in weekdays if w not in lists["relative_days"])
    month_alt = month_regex(months) if months else r"(?!x)x"

    def compile_list(key: str, value: Any, need_group: tuple[str, ...] = ()) -> list:
        out = []
        if value is None:
            return out
        if not isinstance(value, list):
            bad("must be a list of regular expressions", key)
            return out
        for i, pattern in enumerate(value):
            if not isinstance(pattern, str):
                bad("must be a regular expression (text)", f"{key}[{i}]")
                continue
            try:
                rx = re.compile(pattern.replace("{month}", month_alt), re.IGNORECASE)
            except re.error as exc:
                bad(f"invalid regular expression: {exc}", f"{key}[{i}]")
                continue
            if need_group and not set(need_group) & set(rx.groupindex):
                bad(f"needs a named group ({' or '.join(need_group)})", f"{key}[{i}]")
                continue
            out.append(rx)
        return out

    date_patterns = compile_list("date_patterns", data.get("date_patterns"), ("day",))
    for i, rx in enumerate(date_patterns):
        if "month" not in rx.groupindex:
            bad("needs the named groups day and month", f"date_patterns[{i}]")
    bylines = compile_list("bylines", data.get("bylines"), ("author", "source"))
    attribution = compile_list("attribution", data.get("attribution"), ("source",))
    summary_openers = compile_list("summary_openers", data.get("summary_openers"))
    anniversary = compile_list("anniversary", data.get("anniversary"), ("year",))
    years_after = compile_list("years_after", data.get("years_after"), ("n",))
    debris: dict[str, tuple[re.Pattern[str], ...]] = {}
    raw_debris = data.get("debris") or {}
    if not isinstance(raw_debris, dict):
        bad("must map debris classes to lists of patterns", "debris")
        raw_debris = {}
    for cls, patterns in raw_debris.items():
        if cls not in DEBRIS_CLASSES:
            bad(f"unknown debris class; use one of {', '.join(DEBRIS_CLASSES)}", f"debris.{cls}")
            continue
        debris[cls] = tuple(compile_list(f"debris.{cls}", patterns))

    for enc in lists["encodings"]:
        try:
            codecs.lookup(enc)
        except LookupError:
            bad(f"unknown text encoding {enc!r}", "encodings")
    letters = data.get("deciding_letters") or ""
    share = data.get("deciding_share", 0.01 if letters else 0.0)
    if not isinstance(letters, str):
        bad("must be a string of letters", "deciding_letters")
        letters = ""
    if isinstance(share, bool) or not isinstance(share, (int, float)) or not 0 <= share <= 1:
        bad("must be a number between 0 and 1", "deciding_share")
        share = 0.01
    name = data.get("name") or ""
    if not isinstance(name, str):
        bad("must be text", "name")
        name = ""
    pack = LanguagePack(
        code=str(code),
        name=name,
        months=months,
        weekdays=_own_weekdays(code),
        date_patterns=tuple(date_patterns),
        debris=debris,
        bylines=tuple(bylines),
        attribution=tuple(attribution),
        summary_openers=tuple(summary_openers),
        anniversary=tuple(anniversary),
        years_after=tuple(years_after),
        deciding_letters=letters,
        deciding_share=float(share),
        path=where,
        **lists,  # type: ignore[arg-type]
    )
    return pack, problems


def _read(path: Path) -> tuple[Any, list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        return None, [Problem(str(path), f"cannot read the file ({exc.strerror})")]
    except UnicodeDecodeError:
        return None, [Problem(str(path), "the file is not UTF-8")]
    return _yaml(text, str(path))


def _yaml(text: str, where: str) -> tuple[Any, list[Problem]]:
    try:
        return parse_yaml(text), []
    except yaml.YAMLError as exc:
        return None, [Problem(where, f"invalid YAML: {' '.join(str(exc).split())}")]


def check_language_file(path: Path) -> list[Problem]:
    """Every problem in one language pack file (for ``digest check``)."""
    data, problems = _read(path)
    if problems:
        return problems
    return _parse(data, str(path))[1]


def load_language_pack(path: Path) -> LanguagePack:
    """The pack of ``path`` (``ConfigError`` naming the file and key). The same text gives
    the same pack, parsed and compiled once per process: a build reads the packs three
    times (ingest, the stories' dates, the summaries' openers), 0.2-0.5 s each, its
    hundreds of patterns too many for the ``re`` module's own cache."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        _data, problems = _read(Path(path))  # (words the problem)
        raise ConfigError(str(problems[0])) from None
    return _pack_of(str(path), text)


@functools.lru_cache(maxsize=16)
def _pack_of(where: str, text: str) -> LanguagePack:
    data, problems = _yaml(text, where)
    if not problems:
        pack, problems = _parse(data, where)
        if not problems and pack is not None:
            return pack
    raise ConfigError(str(problems[0]))


def load_language_packs(folder: Path, codes: tuple[str, ...]) -> dict[str, LanguagePack]:
    """The packs of the configured languages; a language without a pack gets an empty one."""
    packs = {}
    for code in codes:
        path = folder / f"{code}.yml"
        packs[code] = load_language_pack(path) if path.is_file() else LanguagePack(code=code)
    return packs
