"""``clean_title``: the title without a site's name, a rubric or a site's trail."""

from __future__ import annotations

import re

from generator.sources import SourceRegistry

_TITLE_SEPARATORS = re.compile(r"\s+(?:[-–—|:]|::)\s+")
_SITE_TRAIL = re.compile(r"\s+»\s+(?:[^\s«»]+\s?){1,4}$")  # " » Site Name": four words at most
_QUOTED_RUBRIC = re.compile(r"\s+[-–—|]\s+«[^«»\s]+(?:\s[^«»\s]+){0,2}»$")  # " - «Политика»"
RUBRIC_HEADLINE_WORDS = 5  # ... cut only after a headline this long
TRAIL_HEADLINE_WORDS = 3  # a site's trail (and a "::" rubric) is cut after a headline this long
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-zа-я]{2,}$", re.IGNORECASE)
# a page title's rubric or site after a bar ("… over constitution reform plan | Protests News",
# "… as protests escalate | Government and politics", "… | Hotter Commodities"): three words at
# most, no sentence's end, after a headline of ``BAR_HEADLINE_WORDS`` words
_BAR_RUBRIC = re.compile(r"\s+\|\s+[^\W\d_][^|.,!?:;«»\"]{0,40}$")
BAR_RUBRIC_WORDS = 3
BAR_HEADLINE_WORDS = 5


def clean_title(title: str, sources: SourceRegistry, calls: frozenset[str] = frozenset()) -> str:
    """Drop a site name after a separator ("Title - ТАСС", "Title | site.kz"), not an outlet
    the headline quotes ("Україна відновила транзит нафти …, – Reuters": after a comma);
    also a site after a spaced "»" and a rubric in quotes after a dash ("… - «Политика» »
    Политический Эксперт"), a rubric before the site in a "::" trail, and a page title's
    rubric after a bar ("… reform plan | Protests News"; not a call to the reader, whose
    first word is one of ``calls``: "… | See the Looks")."""
    title = " ".join(title.split())
    cut = False
    # DataLife Engine's "Title » Site" (a spaced "»" closes no quote), and its "Title -
    # «Rubric»" ("… в Чкаловском - «Политика» » Политический Эксперт")
    trail = _SITE_TRAIL.search(title)
    if trail and len(title[: trail.start()].split()) >= TRAIL_HEADLINE_WORDS:
        title = title[: trail.start()]
        cut = True
    rubric = _QUOTED_RUBRIC.search(title)
    if rubric and len(title[: rubric.start()].split()) >= RUBRIC_HEADLINE_WORDS:
        title = title[: rubric.start()]
        cut = True
    parts = _TITLE_SEPARATORS.split(title)
    while len(parts) > 1:
        last = parts[-1].strip()
        if parts[-2].rstrip().endswith(","):
            break
        site = (sources.resolve(last) and len(last.split()) <= 4) or _DOMAIN.match(last)
        # with the site's name gone, its rubric before it in a "::" trail ("«Барыс» …
        # сыграют без зрителей … :: Хоккей :: РБК Спорт"): one or two words
        rubric = (
            cut
            and len(last.split()) <= 2
            and title.endswith(" :: " + last)
            and len(parts[0].split()) >= TRAIL_HEADLINE_WORDS
        )
        if site or rubric:
            title = title[: title.rfind(parts[-1])].rstrip(" -–—|:")
            parts = parts[:-1]
            cut = True
        else:
            break
    bar = _BAR_RUBRIC.search(title)
    if (
        bar
        and len(bar.group().split()) - 1 <= BAR_RUBRIC_WORDS
        and bar.group().split()[1].casefold() not in calls  # "| See the Looks": the headline's
        and len(title[: bar.start()].split()) >= BAR_HEADLINE_WORDS
        and "|" not in title[: bar.start()]  # own call to the reader (``calls``, the packs'
    ):  # ``headline_calls``)
        title = title[: bar.start()]
    return title.strip()
