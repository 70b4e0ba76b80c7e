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

The modules, each importing only the ones above it:

- ``text``: normalising, look-alike letters, letter classes, comparison keys, word counts
- ``rules``: ``CleanRules`` and ``build_rules`` (the language packs compiled), shared thresholds
- ``dates``, ``timestamps``, ``datelines``: dates in a line, stamp lines, agency datelines
- ``lines``: ``classify``, the debris class of one line; bylines and name lines
- ``slug``: the URL slug's words
- ``lead``: a title made from the lead
- ``stamps``: the stamps around the headline (``stamp_lines``)
- ``blocks``: debris of several lines (sidebars, tails, comment boxes, lists of stories)
- ``unglue``: lines a scraper glued together, split
- ``candidates``, ``headline``, ``title``: the headline search and the title
- ``pipeline``: ``clean_text``, the steps in order
"""

from generator.ingest.clean.datelines import Dateline
from generator.ingest.clean.dates import CLOCK, NUMERIC_DATE, TIME, find_dates, numeric_date
from generator.ingest.clean.lead import lead_title
from generator.ingest.clean.lines import classify, name_line, normalise_name
from generator.ingest.clean.pipeline import Cleaned, Removed, clean_text
from generator.ingest.clean.rules import CleanRules, build_rules
from generator.ingest.clean.slug import slug_words
from generator.ingest.clean.stamps import stamped_list
from generator.ingest.clean.text import fold_homoglyphs, fold_mixed_scripts, normalise_text
from generator.ingest.clean.timestamps import is_timestamp, published_label

__all__ = [
    "CLOCK",
    "NUMERIC_DATE",
    "TIME",
    "CleanRules",
    "Cleaned",
    "Dateline",
    "Removed",
    "build_rules",
    "classify",
    "clean_text",
    "find_dates",
    "fold_homoglyphs",
    "fold_mixed_scripts",
    "is_timestamp",
    "lead_title",
    "name_line",
    "normalise_name",
    "normalise_text",
    "numeric_date",
    "published_label",
    "slug_words",
    "stamped_list",
]
