"""The compiled debris rules (``CleanRules``, ``build_rules`` over the language packs) and
the thresholds that several modules share."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from generator.ingest.clean.text import CYR_LOWER, UPPER, comparison_key
from generator.languages import FURNITURE_KEYS, LanguagePack, month_regex, one_each

MAX_DEBRIS_WORDS = 40  # a debris line is short; longer lines are article text
HEADLINE_MAX_WORDS = 30  # a longer line is article text
STANDFIRST_OVERLAP = 0.35  # ... a headline over a standfirst says the article's words too
HEADLINE_MIN_SCORE = 1.2  # below: no headline on the page; a title is made from the lead
STANDFIRST_MAX_WORDS = 40  # a standfirst over a stamp ("lead" stamps) is at most this long
DATED_HEADLINE_LINES = 15  # a stamp glued before the headline: within the page's first lines
STAMP_BITS = 4  # a byline and stamps between bars: this many bits at most
GLUED_HEAD_WORDS = 5  # a headline cut before a run-on sentence keeps this many words ...


_NEVER = re.compile(r"(?!x)x")  # what a pattern is when no pack lists its words


@dataclass(frozen=True)
class TitleFurniture:
    """Page furniture stuck to a headline, compiled from the packs' word lists (see
    ``LanguagePack``); a pattern no pack gives words for never matches."""

    media_mark: re.Pattern[str] = _NEVER  # a whole note: "ФОТО", "(фото, відео)"
    media_count: re.Pattern[str] = _NEVER  # "… Казахстана ( 1 фото )"
    media_head: re.Pattern[str] = _NEVER  # "/ВИДЕО/ Примар …"
    revision_tag: re.Pattern[str] = _NEVER  # "… (оновлено)", "… ОНОВЛЕНО"
    genre_head: re.Pattern[str] = _NEVER  # "новость Казахстан: …", "Фотофакт. Беда …"
    headline_label: re.Pattern[str] = _NEVER  # "Название: …", "Зараз в ефірі: …"
    news_tail: re.Pattern[str] = _NEVER  # "… | World news", "… - Новости"
    document_view: re.Pattern[str] = _NEVER  # "… «қасіретті қаңтар»Pdf көрінісі"
    paper_on: re.Pattern[str] = _NEVER  # "Научная статья на тему 'ЯНВАРСКИЕ …'" (group title)
    badge_tail: re.Pattern[str] = _NEVER  # "… to be lifted soon Featured"


@dataclass(frozen=True)
class CleanRules:
    """Compiled debris rules: the union of all configured language packs."""

    debris: tuple[tuple[str, re.Pattern[str]], ...] = ()
    bylines: tuple[re.Pattern[str], ...] = ()
    navigation: frozenset[str] = frozenset()
    breadcrumb_home: tuple[str, ...] = ()
    section_words: frozenset[str] = frozenset()
    section_keys: frozenset[str] = frozenset()  # ... in comparison form (``comparison_key``)
    sections: tuple[str, ...] = ()  # section/navigation keys that follow a home word
    switcher_tokens: frozenset[str] = frozenset()
    share_tokens: frozenset[str] = frozenset()
    relative_days: frozenset[str] = frozenset()
    publish_words: frozenset[str] = frozenset()
    update_words: frozenset[str] = frozenset()
    yesterday_words: frozenset[str] = frozenset()
    today_words: frozenset[str] = frozenset()
    flash_keys: frozenset[str] = frozenset()  # "breaking" (``comparison_key``)
    visit_day_marks: frozenset[str] = frozenset()  # a theme whose top bar is the visit's day
    search_labels: frozenset[str] = frozenset()  # a search box's label ("search")
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
    years_after: tuple[re.Pattern[str], ...] = ()  # "ten years after" (group n)
    number_words: dict[str, int] = field(default_factory=dict)  # "ten" -> 10
    months: Mapping[str, int] = field(default_factory=dict)
    # a weekday's name or abbreviation ending the text before a date ("Wed, 02/07/2018"):
    # group ``day``, looked up in ``weekdays`` (0 Monday .. 6)
    weekday: re.Pattern[str] | None = None
    weekdays: Mapping[str, int] = field(default_factory=dict)
    date_patterns: tuple[re.Pattern[str], ...] = ()
    datelines: tuple[re.Pattern[str], ...] = ()
    tail_stamp: re.Pattern[str] | None = None  # a stamp glued after a paragraph's last sentence
    currency_names: re.Pattern[str] | None = None  # currencies by name (the packs')
    agencies: frozenset[str] = frozenset()  # case-folded outlet names and aliases
    organisation_words: frozenset[str] = frozenset()  # case-folded (the packs')
    small_names: tuple[str, ...] = ()  # names written in small letters (the packs')
    joining_words: frozenset[str] = frozenset()  # "и", "and": joining a rubric's words
    headline_calls: frozenset[str] = frozenset()  # "see", "check": "… | See the Looks"
    # the start of a word or phrase saying an original's date follows (the packs')
    original: re.Pattern[str] | None = None
    verb_ending: re.Pattern[str] | None = None  # a word ending like a finite verb (the packs')
    # ... like a reflexive one ("-лся", "-тся"): no organisation's name opens with one
    reflexive_ending: re.Pattern[str] | None = None
    # page furniture around a headline, from the packs' words (``TitleFurniture``)
    furniture: TitleFurniture = field(default_factory=TitleFurniture)


def _phrases(words: Iterable[str]) -> str:
    """A regex alternation of word-list phrases, any run of spaces between their words, the
    longest first (so "доллар сша" is tried before "доллар" where nothing anchors the end)."""
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _listed(template: str, words: Iterable[str]) -> re.Pattern[str] | None:
    """``template`` with the packs' words in place of ``WORDS`` (``_phrases``), compiled
    case-insensitively; ``None`` when no pack lists any."""
    words = list(words)
    return re.compile(template.replace("WORDS", _phrases(words)), re.IGNORECASE) if words else None


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
    flash: set[str] = set()
    visit_marks: set[str] = set()
    search: set[str] = set()
    deadline: set[str] = set()
    start: set[str] = set()
    permalink: set[str] = set()
    edit: set[str] = set()
    salutations: set[str] = set()
    organisations: set[str] = set()
    small_names: set[str] = set()
    joining: set[str] = set()
    calls: set[str] = set()
    originals: set[str] = set()
    weekdays: dict[str, set[int]] = {}
    verb_endings: set[str] = set()
    fields: set[str] = set()
    authors: set[str] = set()
    labels: set[str] = set()
    counters: set[str] = set()
    currencies: set[str] = set()
    anniversary: list[re.Pattern[str]] = []
    years_after: list[re.Pattern[str]] = []
    number_words: dict[str, int] = {}
    furniture: dict[str, set[str]] = {key: set() for key in FURNITURE_KEYS}
    for code in sorted(packs):
        pack = packs[code]
        for key in FURNITURE_KEYS:
            furniture[key].update(w.casefold() for w in getattr(pack, key))
        for cls in sorted(pack.debris):
            debris.extend((cls, rx) for rx in pack.debris[cls])
        bylines.extend(pack.bylines)
        date_patterns.extend(pack.date_patterns)
        months.update(pack.months)
        for form, number in pack.weekdays.items():
            weekdays.setdefault(form, set()).add(number)
        nav.update(comparison_key(w) for w in pack.navigation)
        home.update(comparison_key(w) for w in pack.breadcrumb_home)
        sections.update(pack.section_words)
        switch.update(comparison_key(w) for w in pack.switcher_names)
        share.update(comparison_key(w) for w in pack.share_tokens)
        relative.update(comparison_key(w) for w in pack.relative_days)
        publish.update(comparison_key(w) for w in pack.publish_words)
        update.update(comparison_key(w) for w in pack.update_words)
        yesterday.update(comparison_key(w) for w in pack.yesterday_words)
        today.update(w.casefold() for w in pack.today_words)
        flash.update(comparison_key(w) for w in pack.flash_words)
        visit_marks.update(" ".join(w.casefold().split()) for w in pack.visit_day_marks)
        search.update(w.casefold() for w in pack.search_labels)
        deadline.update(" ".join(w.casefold().split()) for w in pack.deadline_words)
        start.update(" ".join(w.casefold().split()) for w in pack.start_words)
        permalink.update(" ".join(w.casefold().split()) for w in pack.permalink_words)
        edit.update(w.casefold() for w in pack.edit_words)
        salutations.update(" ".join(w.casefold().split()) for w in pack.salutations)
        organisations.update(w.casefold() for w in pack.organisation_words)
        small_names.update(w.casefold() for w in pack.small_names)
        joining.update(pack.joining_words)
        calls.update(w.casefold() for w in pack.headline_calls)
        originals.update(w.casefold() for w in pack.original_words)
        verb_endings.update(w.casefold() for w in pack.verb_endings)
        fields.update(w.casefold() for w in pack.category_fields)
        authors.update(w.casefold() for w in pack.author_fields)
        labels.update(w.casefold() for w in pack.stamp_labels)
        counters.update(w.casefold() for w in pack.counter_words)
        currencies.update(" ".join(w.casefold().split()) for w in pack.currency_names)
        anniversary.extend(pack.anniversary)
        years_after.extend(pack.years_after)
        number_words.update((w.casefold(), n) for n, w in enumerate(pack.number_words))
    datelines: tuple[re.Pattern[str], ...] = ()
    if months:
        mon = month_regex(months)
        # the pieces the patterns share: a place of one to three capitalised words, a day
        # and month either way round, the capital letter or quote that opens a lead
        place = rf"(?-i:(?P<place>[{UPPER}][\w\-]+(?:[ \-][{UPPER}][\w\-]+){{0,2}}))"
        places = (  # ... or two of them, a slash between
            rf"(?-i:(?P<place>[{UPPER}][\w\-]+(?:[ \-][{UPPER}][\w\-]+){{0,2}}"
            rf"(?:\s?/\s?[{UPPER}][\w.\-]+(?:\s[{UPPER}][\w\-]+){{0,2}})?))"
        )
        day_month = (  # (an English ordinal after the day: "Pune, 9th March 2023:")
            rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{mon})"
            rf"|(?P<month2>{mon})\s+(?P<day2>\d{{1,2}}))"
        )
        lead = rf"(?=(?-i:[{UPPER}«\"„“]))"
        # PLACE[,.] [DATE][.,] AGENCY: "АСТАНА, 24 ноября. /ТАСС/.", "БАКУ, 7 янв — Sputnik.",
        # "ALMATY, Jan 19 (Reuters) -", "Москва. 10 января. INTERFAX.RU -", "АСТАНА. KAZINFORM –".
        # ``dateline_agency_ok`` then checks the agency (and a place not in capitals).
        datelines = (
            re.compile(
                rf"^{place}"
                r"\b\s*[,.]?\s*"  # the place ends a word: "MOSCOW –" is no "MOSCO" + "W"
                # its country or state before an agency in brackets: "ALMATY, Kazakhstan (AP) —",
                # or before a full date and a wire in slashes, the comma sometimes lost with the
                # markup: "BISHKEK, KyrgyzstanMay 18, 2021 /CNW/ -" (a press release)
                rf"(?:(?-i:[{UPPER}][\w.\-]+(?:\s[{UPPER}][\w.\-]+){{0,2}})"
                rf"(?:(?=\s*\()|(?:,\s+|(?<=[a-z])(?=[A-Z]))"
                rf"(?=(?:{mon})\.?\s+\d{{1,2}},\s+\d{{4}}\s*/)))?"
                rf"(?:(?P<day>\d{{1,2}})\s+(?P<month>{mon})(?:\s+(?P<year>\d{{4}}))?"
                # (the day whole: "MOSCOW, Nov 30 - Kazakhstan …" is no day 3 and agency "0")
                rf"|(?P<month2>{mon})\s+(?P<day2>\d{{1,2}})(?!\d)(?:,?\s+(?P<year2>\d{{4}}))?"
                # all in figures, before an agency in slashes or quotes: "Бишкек, 23.12.25.
                # /Кабар/.", "Семей.30.11.25.”Semeyainasy” –"; or day first with slashes and
                # a four-figure year before one in brackets ("Brussels, 03/09/2012 (Agence
                # Europe) - The EU …")
                r"|(?P<day3>\d{1,2})(?:\.(?P<month3>\d{1,2})\.(?P<year3>\d{4}|\d{2})(?=\.?\s*[/”“\"«])"
                r"|/(?P<month4>\d{1,2})/(?P<year4>\d{4})(?=\s*\(\s*(?-i:[A-Z]))))?"
                r"\s*[.,]?\s*"
                # (a wire's dash after its slashes: "/CNW/ - Akylbek …")
                r"(?:/\s*(?P<a1>[^/\n]{2,40}?)\s*/\s*\.?(?:\s*[-—–]{1,2}(?=\s))?"
                r"|[”“\"«](?P<a5>[^”“\"»\n]{2,40})[”“\"»]\s*[-—–]"
                # "Moscow, 17 May 2022 (TDI): The …"; alone on its line, the lead below it:
                # "MARTINS FERRY, Ohio (WTRF)"
                r"|\((?P<a2>[^()\n]{2,40})\)\s*(?:[-—–:]|$)"
                # a known agency in brackets, the dash left out: "BISHKEK, Kyrgyzstan (AP)
                # Protesters have lifted …" (an AP story on a paper's site)
                r"|\((?P<a6>[^()\n]{2,40})\)(?=\s+(?-i:[A-Z«\"“]))"
                r"|[-—–]\s*(?P<a3>[^.\s]+(?:\s[^.\s]+){0,2})\s*\."
                # (not the date: "COPENHAGEN, 13 March 2023 – Some 80 …" names no agency)
                # (nor a date month first: "MOSCOW, Oct 19 — The …", read by the next-but-one)
                rf"|(?![.,]?\s*(?:\d{{1,2}}\s+(?:{mon})|(?:{mon})\.?\s+\d{{1,2}}\b|(?:19|20)\d\d\s*[-—–]))"
                r"(?P<a4>[^\s/()]+(?:\s[^\s/()]+){0,2})\s*[-—–])"
                r"(?:\s+(?=\S)|\s*$)",
                re.IGNORECASE,
            ),
            # DATE [AGENCY] –, the date first and full: "March 28, 2022 [Argus] – Loadings …",
            # "Jan 7, 2022 (Reuters) - …", "April 12, 2007 (RFE/RL) -- Just days after …".
            re.compile(
                rf"^(?P<place>)(?:(?P<day>\d{{1,2}})\s+(?P<month>{mon})"
                rf"|(?P<month2>{mon})\s+(?P<day2>\d{{1,2}}))(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
                r"\s*(?:\[(?P<a1>[^\]\n]{2,40})\]|\((?P<a2>[^()\n]{2,40})\))\s*[-—–]{1,2}\s+(?=\S)",
                re.IGNORECASE,
            ),
            # DATE. /AGENCY/. the lead, no place: "25 октября 2024. /46ТВ/. В августе …"
            re.compile(
                rf"^(?P<place>)(?:(?P<day>\d{{1,2}})\s+(?P<month>{mon})"
                rf"|(?P<month2>{mon})\s+(?P<day2>\d{{1,2}}),?)\s+(?P<year>\d{{4}})"
                r"(?:\s*[^\W\d_]{1,4}\.?)?\.?\s*/\s*(?P<a1>[^/\n]{2,40}?)\s*/\s*\.?(?:\s*[-—–]{1,2})?\s+(?=\S)",
                re.IGNORECASE,
            ),
            # (AGENCY, FULL DATE[, WEEKDAY]) – the lead: a trade paper's own credit opening
            # its report ("(EnergyAsia, December 15 2011, Thursday) — KazMunaiGas, …")
            re.compile(
                r"^(?P<place>)\((?P<a2>(?-i:[A-Z])[\w.&\- ]{1,30}),\s+"
                rf"{day_month}(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})(?:,\s*[^\W\d_]+)?\)"
                r"\s*[-—–]{1,2}\s+(?=\S)",
                re.IGNORECASE,
            ),
            # PLACE, FULL DATE – the lead, no agency: a press release's or a paper's own
            # dateline ("Astana, November 21, 2022 – Kassym-Jomart Tokayev has won …",
            # "Алматы 15 ноября 2011 г. — Сегодня в Бишкеке …")
            # (two places of a joint report, a slash between, and a comma before the dash:
            # "Sarajevo/ St. Petersburg 06 June 2024, – The President …")
            re.compile(
                rf"^{places},?\s+"
                rf"{day_month}"
                r"(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})(?:\s*[^\W\d_]{1,4}\.?)?,?(?P<own>)"
                r"\s*[-—–]{1,2}\s+"
                rf"{lead}",
                re.IGNORECASE,
            ),
            # PLACE, FULL DATE and the lead with no dash between, the page having lost it
            # ("Moscow, Jan. 14, 2021 Pupils in the Russian city of Yakutsk …"): the place
            # one word, the year in four figures, the lead's first word in small letters after
            # its capital (not "UTC")
            re.compile(
                rf"^(?-i:(?P<place>[{UPPER}][\w\-]+)),\s+"
                rf"(?:(?P<day>\d{{1,2}})\s+(?P<month>{mon})|(?P<month2>{mon})\.?\s+(?P<day2>\d{{1,2}}))"
                r"(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})(?P<own>)\s+"
                rf"(?=(?-i:[{UPPER}][a-z{CYR_LOWER}]))",
                re.IGNORECASE,
            ),
            # PLACE, DAY MONTH – the lead, no agency and no year: an English wire's dateline
            # as a paper prints it, the place in Latin capitals ("MOSCOW, Oct 19 — The
            # Orenburg gas …", "ALMATY, Jan 6 — Kazatomprom, …"); its year comes from
            # elsewhere. (In Cyrillic "АЛМАТЫ, 5 января — Президент ушел." may be a sentence.)
            re.compile(
                r"^(?-i:(?P<place>[A-Z][A-Z\-]+(?:[ \-][A-Z][A-Z\-]+){0,2}))"
                # (its country in brackets, and Bernama's double dash: "ASHGABAT
                # (Turkmenistan), Oct 28 -- The …")
                r"(?:\s\((?-i:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\))?"
                rf",\s+{day_month}(?:st|nd|rd|th)?(?P<own>)\s*[-—–]{{1,2}}\s+"
                rf"{lead}",
                re.IGNORECASE,
            ),
            # PLACE, YEAR DAY MONTH – the lead, the Kazakh order ("Сиань, 2023 жылғы 26 сәуір –
            # Қазақстан Республикасы …", a ministry's release)
            re.compile(
                rf"^{place},?\s+(?P<year>(?:19|20)\d{{2}})\s*[^\W\d_]{{1,6}}\.?\s+"
                rf"(?P<day>\d{{1,2}})\s+(?P<month>{mon})[^\W\d_]{{0,4}}(?P<own>)"
                r"\s*[-—–]{1,2}\s+"
                rf"{lead}",
                re.IGNORECASE,
            ),
            # PLACE, FULL DATE. The lead: a press release's own dateline ending in a full stop
            # ("Бишкек, 1 сентября 2025 года. В столичной средней школе …"; a place in
            # capitals may end in a full stop too: "ОРСК. 01 августа 2015 г. В субботу …", and
            # any place after its country: "Россия. Мурманск. 26 июня 2019 года. В …")
            re.compile(
                rf"^(?:(?P<country>(?-i:[{UPPER}][\w\-]+))\.\s+)?{place}"
                rf"(?:,|(?<=(?-i:[{UPPER}]{{3}}))\.|(?(country)\.|(?!)))\s+{day_month},?\s+(?P<year>\d{{4}})"
                r"(?:\s*[^\W\d_]{1,4})?(?P<own>)\.\s+"
                rf"{lead}",
                re.IGNORECASE,
            ),
            # AGENCY, PLACE, DATE in figures. The lead: a regional agency's own dateline
            # ("УрБК, Екатеринбург, 16.05.2023. В Свердловской области …")
            re.compile(
                rf"^(?P<a4>(?-i:[{UPPER}][\w\-]+)),\s+{place},\s+"
                r"(?P<day3>\d{1,2})\.(?P<month3>\d{1,2})\.(?P<year3>(?:19|20)\d{2})(?P<own>)\.\s+"
                rf"{lead}",
                re.IGNORECASE,
            ),
            # PLACE[, COUNTRY], DATE: the lead, no agency, a colon after the day (its year
            # often left out): a paper's own dateline ("NurSultan, Kazakhstan, Jan 11:
            # Kazakhstan's President …", "Islamabad, January 5, 2022: The …", "Almaty,
            # Kazakhstan, April 9 2021:Yuri Gagarin …")
            re.compile(
                rf"^{place},\s+"
                rf"(?:(?-i:[{UPPER}][\w\-]+(?:\s[{UPPER}][\w\-]+){{0,2}}),\s+)?"
                rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{mon})"
                rf"|(?P<month2>{mon})\.?\s+(?P<day2>\d{{1,2}}))"
                # (the lead may follow the colon with no space: "April 9 2021:Yuri …"; an
                # ordinal after the day first: "Pune, 9th March 2023: Residents …")
                r"(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?(?P<own>)\s*:\s*"
                rf"{lead}",
                re.IGNORECASE,
            ),
            # PLACE[, COUNTRY] (AGENCY) DATE –, the full date after the agency in brackets:
            # "Anaklia, Georgia (PortSEurope) January 3, 2021 – Anaklia Deep Sea Port …".
            re.compile(
                rf"^{place}"
                rf"\b\s*,?\s*(?:(?-i:[{UPPER}][\w.\-]+(?:\s[{UPPER}][\w.\-]+){{0,2}})\s*)?"
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
    days = one_each(weekdays)  # (a form naming two days in two packs is left out)
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
        section_keys=frozenset(comparison_key(w) for w in sections),
        sections=tuple(
            sorted({comparison_key(w) for w in sections} | nav, key=lambda k: (-len(k), k))
        ),
        switcher_tokens=frozenset(switch),
        share_tokens=frozenset(share),
        relative_days=frozenset(relative),
        publish_words=frozenset(publish),
        update_words=frozenset(update),
        yesterday_words=frozenset(yesterday),
        today_words=frozenset(today),
        flash_keys=frozenset(flash),
        visit_day_marks=frozenset(visit_marks),
        search_labels=frozenset(search),
        today=re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(today)) + r")\W{0,3}(?=\d)",
            re.IGNORECASE,
        )
        if today
        else None,
        deadline=_listed(r"(?<!\w)(?:WORDS)\s*$", deadline),
        edit_tag=_listed(r"\s*\[\s*(?:WORDS)\s*\]\s*$", edit),
        start=_listed(r"(?<!\w)(?:WORDS)\s*$", start),
        salutation=_listed(r"^\W*(?:WORDS)\b[^.!?\n]{0,60}!", salutations),
        permalink=_listed(r"^\W*(?:WORDS)\s*:?\s*(?P<url>https?://\S+)\s*$", permalink),
        anniversary=tuple(anniversary),
        years_after=tuple(years_after),
        number_words=number_words,
        months=months,
        date_patterns=tuple(date_patterns),
        datelines=datelines,
        tail_stamp=tail_stamp,
        currency_names=_listed(r"(?<![^\W\d_])(?:WORDS)[^\W\d_]{0,2}(?![^\W\d_])", currencies),
        agencies=frozenset(a.casefold() for a in agencies),
        organisation_words=frozenset(organisations),
        small_names=tuple(sorted(small_names)),
        joining_words=frozenset(joining),
        headline_calls=frozenset(calls),
        original=_listed(r"(?<![^\W\d_])(?:WORDS)", originals),
        weekday=_listed(r"(?<![^\W\d_])(?P<day>WORDS)\.?,?\s{0,3}$", days),
        weekdays=days,
        verb_ending=_listed(r"(?:WORDS)$", verb_endings),
        reflexive_ending=_listed(
            r"(?:WORDS)$", {e for e in verb_endings if e.endswith(("ся", "сь")) and len(e) >= 3}
        ),
        furniture=_furniture(furniture),
    )


def _furniture(words: Mapping[str, set[str]]) -> TitleFurniture:
    """The headline furniture's patterns from the packs' merged word lists."""

    def listed(template: str, key: str) -> re.Pattern[str]:
        return _listed(template, words[key]) or _NEVER

    media = "(?:WORDS)"
    revision = _NEVER
    if words["revision_tags"]:
        capitals = "|".join(re.escape(w.upper()) for w in sorted(words["revision_marks"]))
        revision = re.compile(
            r"\s*[(\[]\s*(?:"
            + _phrases(words["revision_tags"])
            + r")\b[^()\[\]]{0,20}[)\]]\W*$"
            + (rf"|\s+(?-i:{capitals})\W*$" if capitals else ""),
            re.IGNORECASE,
        )
    badge = _NEVER  # the badge capitalised, after a word in small letters (sentence case)
    if words["badge_words"]:
        badges = "|".join(sorted(re.escape(w.capitalize()) for w in words["badge_words"]))
        badge = re.compile(rf"(?<=[a-z{CYR_LOWER}]{{2}})\s+(?:{badges})$")
    genre = [f"(?:{_phrases(words['genre_words'])})\\s+"] if words["genre_words"] else []
    if words["media_rubrics"]:
        genre.append(f"(?i:{_phrases(words['media_rubrics'])})\\.\\s+")
    return TitleFurniture(
        media_mark=listed(rf"\W*{media}(?:\W+{media})*\W*", "media_words"),
        media_count=listed(r"\s*\(\s*\d+\s*(?:WORDS)\s*\)\s*$", "media_words"),
        media_head=listed(r"^/?\s*(?:WORDS)\s*/\s+(?=\w)", "media_words"),
        revision_tag=revision,
        genre_head=re.compile(rf"^(?:{'|'.join(genre)})(?=[{UPPER}«\"])") if genre else _NEVER,
        headline_label=listed(r"^(?:WORDS)\s*:\s*(?=\S)", "headline_labels"),
        news_tail=listed(r"(?:\s+[–—|-]\s+(?:WORDS))+\s*$", "news_sections"),
        document_view=listed(r"\s*(?:WORDS)\s*$", "document_views"),
        paper_on=listed(r"(?:WORDS)\s+['«\"](?P<title>.{10,300})['»\"]", "paper_labels"),
        badge_tail=badge,
    )


def _stamp_neighbours(
    fields: Iterable[str], labels: Iterable[str], counters: Iterable[str]
) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]:
    """A stamp's neighbours on its line, from the packs' words: the category field before it
    (a CMS's article info line, Joomla's "Category: … Published on …"), the category field
    after it, past a bar ("дата: 09.04.2013 | Категория: Горячие новости"), and view and
    comment counts or a reading time after it ("Hits: 1", "826 просмотров   2 комментария",
    "17 вересня 2024 27 хвилин читання")."""
    fields, labels, counters = set(fields), set(labels), set(counters)
    before = after = counts = None
    if fields and labels:
        before = re.compile(
            rf"^\s*(?:{_phrases(fields)})\s*:\s*[^:\d]{{1,30}}?\s+(?=(?:{_phrases(labels)}))",
            re.I,
        )
    if fields:
        after = re.compile(  # (after a comma, the field's dash: "8-07-2017, Категория -
            # Новости рок музыки", DataLife Engine's)
            rf"\s*(?:\|\s*(?:{_phrases(fields)})\s*:|,\s*(?:{_phrases(fields)})(?:\s+[-–—]|\s*:))"
            rf"\s*[^:\d|]{{1,40}}$",
            re.I,
        )
    if counters:
        stems = rf"(?:{_phrases(counters)})\w*"
        # (in brackets too: "14 сентября 2020 ( Просмотры 163 )"; or a count glued to the
        # clock's "PM": "2 Mar, 2022 05:07 PM7 mins to read")
        counts = re.compile(
            # (a count, its thousands maybe spaced, not the year before it: "May 12, 2016 3
            # Min Read" keeps its year)
            rf"(?:\s+(?:{stems}\s*:\s*\d[\d\s]*|(?<!\d)(?:\d+|\d{{1,3}}(?:\s\d{{3}})+)\s+{stems}"
            rf"|\(\s*{stems}\s*:?\s*\d+\s*\))"
            rf"|(?<=[AP]M)\d[\d\s]*\s+{stems})+\s*$",
            re.I,
        )
    return before, after, counts
