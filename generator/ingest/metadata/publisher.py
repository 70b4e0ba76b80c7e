"""``infer_source``: the publisher (the URL's site, else the outlet the page's furniture
names) and the original of a reprint (a dateline agency, a "Source:" byline or credit, the
lead's attribution)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from generator.ingest.clean import Cleaned
from generator.ingest.metadata.attributions import lead_attributions
from generator.ingest.metadata.outlets import (
    HOST_TOKEN,
    host_keys,
    is_alias,
    name_like,
    outlet_like,
    own_name,
    own_name_written,
    same_outlet,
    site_named,
    squash,
)
from generator.ingest.metadata.values import Evidence
from generator.languages import LanguagePack
from generator.sources import SourceRegistry, site_host


def _text_publisher(
    cleaned: Cleaned,
    sources: SourceRegistry,
    evidence: Evidence,
    packs: Mapping[str, LanguagePack] | None = None,
) -> tuple[str | None, str | None]:
    """(publisher, cited source) the page's own furniture names: a dateline agency
    ("/ТАСС/", "— Sputnik"), an outlet's name alone on a line, a page header naming an
    outlet; a "Source: X" byline is the source cited."""
    publisher = None
    if cleaned.dateline is not None and cleaned.dateline.agency:
        agency = cleaned.dateline.agency
        resolved = sources.resolve(agency)
        if resolved or (len(agency.split()) <= 3 and name_like(agency)):
            publisher = resolved or agency
    if publisher is None:
        for line in cleaned.header_lines:
            publisher = sources.find(line)
            if publisher:
                break
    if publisher is None:
        for kind, value in cleaned.bylines:
            if kind == "masthead":
                publisher = sources.resolve(value)
                if publisher:
                    break
    cited = None
    for kind, value in cleaned.bylines:
        if kind == "author" and is_alias(value, sources):
            cited = sources.resolve(value)  # "By PTI", "By Yonhap": an agency's copy
            break
        if kind == "source":
            if HOST_TOKEN.fullmatch(value):  # "Source: www.rosbalt.ru"
                value = site_named(value, sources, cleaned.body)
            resolved = sources.resolve(value)
            if resolved or (len(value.split()) <= 3 and name_like(value)):
                cited = resolved or value
                break
    if cited is None:
        cited = _closing_credit(cleaned, sources, packs)
    if publisher is None and evidence.sitename and not evidence.url:
        publisher = sources.resolve(evidence.sitename) or evidence.sitename
    return publisher, cited


# a paragraph crediting the outlet: "(dpa/NAN)", "(c)MEDUZA 2022" (a "© Reuters" without a
# year is a photo's credit)
_CREDIT = re.compile(
    r"^(?:\((?P<name>[^()\n\d©]{2,40})\)"
    r"|(?:\(c\)|©)\s*(?P<owner>[^()\n\d]{2,40}?)\s*(?:19|20)\d\d)$",
    re.IGNORECASE,
)
# the last sentence's end, then an outlet in brackets or in capitals closing the text
_SIGN_OFF = re.compile(
    r"[.!?…»”\"]\s*(?:\((?P<bracketed>[A-Z][\w .&-]{1,30})\)|(?P<caps>[A-Z]{2,}(?: [A-Z]{2,})?))$"
)
CREDIT_PARAGRAPHS = 3  # closing paragraphs where a "Source: X" credit is looked for
CREDIT_CHARS = 60  # ... a line this short at most


def _closing_credit(
    cleaned: Cleaned, sources: SourceRegistry, packs: Mapping[str, LanguagePack] | None
) -> str | None:
    """The outlet a credit line closing the text names ("Источник: lenta.ru", "Джерело:
    УНІАН"), by the packs' byline patterns with a ``source`` group: a registry outlet or a
    site's address, never a press service or a photo."""
    if not packs:
        return None
    paragraphs = [p.strip() for p in cleaned.body.split("\n\n") if p.strip()]
    for para in paragraphs[1:]:  # "(dpa/NAN)", "(c)MEDUZA 2022"
        m = _CREDIT.match(para)
        if m is None:
            continue
        for part in (m.group("name") or m.group("owner")).split("/"):
            part = part.strip()
            if is_alias(part, sources):
                return sources.resolve(part)
            if HOST_TOKEN.fullmatch(part):
                return site_named(part, sources, cleaned.body)
    if paragraphs:  # "... поймут его решение. (gazeta.ru)"
        m = re.search(r"[.!?…»]\s*\((?P<host>[\w.-]+\.[a-z]{2,6})\)$", paragraphs[-1])
        if m:
            return site_named(m.group("host"), sources, cleaned.body)
        # an agency signing off the text: "... in the country. (Yonhap)", "... said. REUTERS"
        m = _SIGN_OFF.search(paragraphs[-1])
        name = m and (m.group("bracketed") or m.group("caps"))
        if name and is_alias(name, sources):
            return sources.resolve(name)
    for para in reversed(paragraphs[-CREDIT_PARAGRAPHS:]):
        if len(para) > CREDIT_CHARS or "\n" in para:
            continue
        for pack in packs.values():
            for rx in pack.bylines:
                m = rx.match(para)
                if m is None or not m.groupdict().get("source"):
                    continue
                value = m.group("source").strip()
                resolved = sources.resolve(value) if is_alias(value, sources) else None
                if resolved:
                    return resolved
                if HOST_TOKEN.fullmatch(value):
                    return site_named(value, sources, cleaned.body)
    return None


def infer_source(
    cleaned: Cleaned,
    sources: SourceRegistry,
    packs: Mapping[str, LanguagePack],
    language: str | None,
    evidence: Evidence,
) -> tuple[str | None, str | None]:
    """(publisher, original). The publisher is the site of the URL when there is one
    (a registry outlet, else a name made from the domain); without a URL, the outlet the
    page's dateline, masthead or header names, else a "Source:" byline, else the outlet
    the lead says it reports. A different outlet named by the dateline, a "Source:" byline
    or the lead's attribution is the ``original`` of a reprint. An outlet only cited
    ("по данным Reuters") is never the publisher."""
    site = sources.site_name(evidence.url, cleaned.body) if evidence.url else None
    if site is not None and site == site_host(evidence.url):  # an unknown site: its name
        debris = [cleaned.title or "", *(r.line for r in cleaned.removed)]  # as the page
        site = own_name_written(site, ["\n".join(debris)]) or site  # writes it
    publisher, cited = _text_publisher(cleaned, sources, evidence, packs)
    own_site = site or publisher
    if own_site is None and not cited:  # no URL, no masthead: the outlet the lead names first
        # ("деп хабарлайды ortalyq.kz Kazinform сайтына сілтеме жасап": ortalyq.kz)
        named = lead_attributions(cleaned, sources, packs, language)
        own_site = named[0] if named else None

    def own(name: str) -> bool:
        return own_name(name, evidence.url) or bool(
            own_site and same_outlet(name, own_site, sources)
        )

    reported = lead_attributions(cleaned, sources, packs, language, own)
    source = site or publisher or cited or own_site or (reported[0] if reported else None)
    if source is None and evidence.sitename:
        source = sources.resolve(evidence.sitename) or evidence.sitename
    hosts = host_keys(evidence.url)
    for candidate in (publisher, cited, *reported):
        vetted = candidate in reported or outlet_like(candidate or "", sources)
        if not (source and candidate and vetted) or own_name(candidate, evidence.url):
            continue
        if not same_outlet(candidate, source, sources) and squash(candidate) not in hosts:
            return source, candidate
    return source, None
