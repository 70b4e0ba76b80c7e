"""Metadata inference: title, date, source, author, language from a cleaned page.

Values the input states (front matter, hints, the HTML page's own title/author) are *given*;
everything else is *inferred* and listed as such. Dates are only inferred when the year is
known: a day and month alone ("10 січня") stay unknown rather than guessed.

The modules, each importing only the ones above it:

- ``values``: ``Given``, ``Evidence`` and ``Metadata``
- ``dates``: real days, the crawl marker, whether a page may write dates month first
- ``lead_dates``: what the lead's dates say (a dateline's year, ``fits_lead``, its "today")
- ``stamps``: the stamps and datelines read for a date (``stamp_date``, an opening stamp)
- ``url_dates``: ``url_date`` and the date of the page's own address in its text
- ``outlets``: outlets' names, site addresses, the page's own site
- ``titles``: ``clean_title``
- ``attributions``: the outlets the lead says its report comes from (originals of reprints)
- ``publisher``: ``infer_source``, the publisher and the original
- ``provenance``: ``date_with_provenance`` (the branches of ``DATE_BRANCHES``), ``infer_date``
- ``infer``: ``infer_metadata``, the values in order (the author from the page's bylines)
"""

from generator.ingest.metadata.dates import month_first_possible, parse_crawl_date
from generator.ingest.metadata.infer import infer_metadata
from generator.ingest.metadata.provenance import DATE_BRANCHES, date_with_provenance, infer_date
from generator.ingest.metadata.publisher import infer_source
from generator.ingest.metadata.titles import clean_title
from generator.ingest.metadata.url_dates import url_date
from generator.ingest.metadata.values import Evidence, Given, Metadata

__all__ = [
    "DATE_BRANCHES",
    "Evidence",
    "Given",
    "Metadata",
    "clean_title",
    "date_with_provenance",
    "infer_date",
    "infer_metadata",
    "infer_source",
    "month_first_possible",
    "parse_crawl_date",
    "url_date",
]
