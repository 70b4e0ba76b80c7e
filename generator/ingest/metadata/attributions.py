"""Originals of reprints: the outlets the lead says its report comes from ("сообщает
ТАСС", "передает издание zakon.kz", "Orda.kz сообщило"), sentence by sentence."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from generator.ingest.clean import Cleaned
from generator.ingest.metadata.lead_dates import LEAD_SENTENCE
from generator.ingest.metadata.outlets import CYRILLIC, HOST_TOKEN, alias_at, latin_host
from generator.languages import LanguagePack
from generator.sources import SourceRegistry

LEAD_PARAGRAPHS = 3  # paragraphs of the lead whose attribution names the report's source
LEAD_PARAGRAPH_CHARS = 80  # ... counting only paragraphs this long (not a byline, a caption)
ATTRIBUTION_SPAN = 80  # characters around the verb where the outlet's name is looked for
CLOSING_CLAUSE_CHARS = 120  # a closing ", пишет X ..." clause: this long at most
# Words that say what kind of outlet the name after (or before) them is: "издание zakon.kz",
# "телеканал «Известия»", "the news website Orda.kz", "Kazinform news agency".
_OUTLET_KIND = (
    r"(?:информационное\s+|інформаційне\s+|state\s+|online\s+)?"
    r"(?:издани[еяи]|агентств[оа]|информагентств[оа]|телеканал[а]?|радиостанци[яи]|радио"
    r"|портал[а]?|сайт[а]?|газет[аы]|журнал[а]?|ресурс[а]?|(?:телеграм|telegram)-канал[а]?|видання"
    r"|агенці[яї]|інформагенці[яї]|радіо|news\s+agency|agency|news\s+website|website"
    r"|news\s+portal|portal|newspaper|broadcaster|outlet|channel|daily|magazine"
    r"|корреспондент[а]?|кореспондент[а]?|correspondent"
    r"|басылымы|агенттігі|сайты|порталы|телеарнасы|газеті)"
)
_ADJECTIVE = r"[a-zа-яёіїєґ]+(?:ое|ий|ый|ая|ое|ське|ський|ська|ьке|ого|ого)"
# "издание", "казахское издание", "корреспондент местного издания", "the news website"
_KIND_BEFORE = re.compile(
    rf"^(?:(?:(?:{_ADJECTIVE}|the|a)\s+){{0,2}}{_OUTLET_KIND}\s+){{1,2}}", re.IGNORECASE
)
# "the Russian state-controlled news agency Interfax"
_KIND_LATER = re.compile(rf"^(?:[\w'’-]+\s+){{1,3}}?{_OUTLET_KIND}\s+", re.IGNORECASE)
_KIND_AFTER = re.compile(rf"(?:\s+{_OUTLET_KIND}){{1,2}}$", re.IGNORECASE)
_QUOTED = re.compile(r"[«\"„“]([^«»\"„“”\n]{2,40})[»\"“”]")
_LATIN_WORD = r"[A-Z][A-Za-z\u00c0-\u024f0-9.&'’-]*(?![\w-])"
_LATIN_NAME = re.compile(rf"{_LATIN_WORD}(?:[ \t]+(?:{_LATIN_WORD}|of|the|de))*")
_CAPITAL_WORD = re.compile(r"^[ \t]+[A-ZА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ]\w")
# Platforms a statement is posted on: no outlet ("пишет в Telegram", "сообщил в Facebook").
_PLATFORMS = frozenset(
    {"facebook", "telegram", "twitter", "instagram", "youtube", "tiktok", "vk", "vkontakte"}
    | {"whatsapp", "x", "threads"}
)


def _lead(cleaned: Cleaned) -> str:
    """The first paragraphs: up to ``LEAD_PARAGRAPHS`` of some length, with the short ones
    (a byline, a caption, "Об этом сообщает X.") between them."""
    out: list[str] = []
    long = 0
    for para in cleaned.body.split("\n\n"):
        out.append(para)
        if len(para) >= LEAD_PARAGRAPH_CHARS:
            long += 1
            if long >= LEAD_PARAGRAPHS:
                break
    return "\n\n".join(out)


def _named_outlet(
    phrase: str, sources: SourceRegistry, latin_text: bool, at_end: bool = False
) -> str | None:
    """The outlet a phrase next to a reporting verb names: at its start ("сообщает
    издание zakon.kz ...") or, with ``at_end``, at its end ("Казахское издание Orda.kz" |
    сообщило). A registry outlet, a site's address ("zakon.kz"), a name in quotes
    («Коммерсант»), or a Latin-script name in a Cyrillic text ("RTVI", "Bloomberg"); a
    registry name followed by more of a name ("Azattyq Rýhy") is another outlet's."""
    phrase = phrase.split("\n")[-1] if at_end else phrase.split("\n")[0]
    if at_end:
        phrase = _KIND_AFTER.sub("", phrase.rstrip(" —–-"))
        tail = re.search(r"(?:\S+\s+){0,3}\S+$", phrase)
        phrase = tail.group(0) if tail else phrase
    else:
        phrase = phrase.lstrip(" ,—–-")
        kind = _KIND_BEFORE.match(phrase) or (_KIND_LATER.match(phrase) if latin_text else None)
        if kind and re.search(r"telegram|телеграм", kind.group(0), re.IGNORECASE):
            return None  # a post on a channel is no outlet's report
        phrase = phrase[kind.end() :] if kind else phrase
    phrase = phrase.strip()
    if not phrase:
        return None

    candidates: list[tuple[int, int, str]] = []
    for pos, name in sources.find_all(phrase):
        candidates.append((pos, pos + len(alias_at(phrase, pos, sources)), name))
    for m in HOST_TOKEN.finditer(phrase):
        host = latin_host(m.group(0))
        candidates.append((m.start(), m.end(), sources.resolve(host) or host))
    for m in _QUOTED.finditer(phrase):
        inner = m.group(1).strip()
        if inner[:1].isupper() and len(inner.split()) <= 4 and not inner.endswith((".", "!", "?")):
            candidates.append((m.start(), m.end(), sources.resolve(inner) or inner))
    if not latin_text:
        for m in _LATIN_NAME.finditer(phrase):
            name = m.group(0).rstrip(".’'-")
            if name.casefold() not in _PLATFORMS and sum(ch.isalpha() for ch in name) >= 2:
                candidates.append((m.start(), m.start() + len(name), sources.resolve(name) or name))
    best = None
    for start, stop, name in candidates:
        if at_end:
            if phrase[stop:].strip(' »"“”') or _CAPITAL_BEFORE.search(phrase[:start]):
                continue
        else:
            whole = bool(HOST_TOKEN.fullmatch(phrase[start:stop]))  # "ortalyq.kz Kazinform"
            if start != 0 or (not whole and _CAPITAL_WORD.match(phrase[stop:])):
                continue
        if best is None or stop - start > best[1] - best[0]:
            best = (start, stop, name)
    if best is None or best[2].casefold() in _PLATFORMS:
        return None
    return best[2]


_CAPITAL_BEFORE = re.compile(r"[A-ZА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ][\w-]*[ \t]+$")


def lead_attributions(
    cleaned: Cleaned,
    sources: SourceRegistry,
    packs: Mapping[str, LanguagePack],
    language: str | None,
    own: Callable[[str], bool] = lambda name: False,
) -> list[str]:
    """The outlets the lead says its report comes from, the likeliest first. Sentence by
    sentence: the last outlet a verb names ("Про це повідомляє Zakon.kz, пише УНН" -> УНН:
    the page relays УНН); an outlet only cited by it ("со ссылкой на", "citing") when the
    verb names the page itself (``own``) or nothing ("сообщает Lada.kz со ссылкой на
    Газета.Ru" on lada.kz -> Газета.Ru)."""
    by_sentence: dict[int, list[tuple[bool, str]]] = {}
    for hit in _attribution_hits(cleaned, sources, packs, language):
        by_sentence.setdefault(hit.sentence, []).append((hit.via, hit.name))
    out: list[str] = []
    for hits in by_sentence.values():
        if any(not via and not own(name) for via, name in hits):
            out.append([name for via, name in hits if not via and not own(name)][-1])
        else:
            out.extend(name for via, name in hits if via and not own(name))
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class _Hit:
    """An outlet named next to a reporting verb of the lead."""

    sentence: int  # index of the sentence in the lead
    pos: int  # where the name is
    name: str
    via: bool = False  # only cited by another outlet ("со ссылкой на X", "citing X")
    now: bool = False  # by a verb in the present ("пишет X", "X reports")
    ref: bool = False  # a sentence saying where the news before it comes from ("Об этом ...")


def _sentence_spans(head: str) -> list[tuple[int, int]]:
    """(start, end) of the lead's sentences: split at sentence ends and paragraph breaks."""
    cuts = {0, len(head)}
    cuts.update(m.end() for m in LEAD_SENTENCE.finditer(head))
    cuts.update(m.end() for m in re.finditer(r"\n\n", head))
    ordered = sorted(cuts)
    return list(pairwise(ordered))


def _leading(hit: _Hit, head: str, spans: list[tuple[int, int]]) -> bool:
    """Does the attribution speak for the lead's news, not for one detail? It does in the
    first two sentences of the first full paragraph; in a sentence that only says where
    the news before it comes from ("Об этом сообщает ТАСС.", "Как пишет X, ..."); and at
    the end of a sentence of the first two full paragraphs by a verb in the present
    ("..., пишет RTVI.", "..., Tengrinews reports.") - not by one in the past ("...,
    сообщил ТАСС": a source for that sentence)."""
    if hit.ref:
        return True
    long_paras: list[tuple[int, int]] = []
    offset = 0
    for para in head.split("\n\n"):
        if len(para) >= LEAD_PARAGRAPH_CHARS:
            long_paras.append((offset, offset + len(para)))
        offset += len(para) + 2
    if not long_paras:
        return False
    first_start, first_end = long_paras[0]
    in_first = [sp for sp in spans if first_start <= sp[0] < first_end]
    if hit.pos < (in_first[1][1] if len(in_first) > 1 else first_end):
        return True
    if not hit.now or hit.pos >= long_paras[min(1, len(long_paras) - 1)][1]:
        return False
    start, end = spans[hit.sentence]
    sentence = head[start:end].rstrip()
    comma = max(sentence.rfind(","), sentence.rfind(" — "), sentence.rfind(" – "))
    return 0 <= comma < hit.pos - start and len(sentence) - comma <= CLOSING_CLAUSE_CHARS


def _attribution_hits(
    cleaned: Cleaned,
    sources: SourceRegistry,
    packs: Mapping[str, LanguagePack],
    language: str | None,
) -> list[_Hit]:
    """Outlets the lead says the report comes from ("сообщает ТАСС", "передает издание
    zakon.kz", "Orda.kz сообщило", "деп хабарлайды Dalanews.kz"), in order: the name next
    to a pattern's ``source`` group (after the verb, or before it when the group opens the
    match), in sentences where an attribution speaks for the lead's news (``_leading``). Groups of a
    pattern mark the attribution: ``via`` (cited by another: "со ссылкой на X"), ``now``
    (a verb in the present), ``ref`` (a sentence saying where the news before it comes
    from). A name a ``quote`` group matches ("по данным Reuters", "Истец также указал ...,
    передает ТАСС") is a mere citation in its sentence: not the report's source."""
    head = _lead(cleaned)
    latin_text = language == "en" or not CYRILLIC.search(head)
    spans = _sentence_spans(head)
    starts = [start for start, _end in spans]
    order = ([language] if language in packs else []) + sorted(c for c in packs if c != language)
    found: dict[tuple[int, str], _Hit] = {}
    cited: set[tuple[int, str]] = set()
    ref_sentences: set[int] = set()
    offset = 0  # where the first full paragraph opens: its source opens the lead's news
    for para in head.split("\n\n"):
        if len(para) >= LEAD_PARAGRAPH_CHARS:
            break
        offset += len(para) + 2
    lead_opening = {offset, offset + 1}  # (after an opening quote mark)
    for code in order:
        for rx in packs[code].attribution:
            for m in rx.finditer(head):
                start, stop = m.span("source")
                if start == m.start() and stop < m.end():  # the name before the verb
                    phrase = head[max(0, stop - ATTRIBUTION_SPAN) : stop]
                    name = _named_outlet(phrase, sources, latin_text, at_end=True)
                    pos = stop
                else:
                    phrase = head[start : start + ATTRIBUTION_SPAN]
                    name = _named_outlet(phrase, sources, latin_text)
                    pos = start
                sentence = max(0, bisect_right(starts, pos) - 1)
                groups = m.groupdict()
                if groups.get("ref"):  # "Об этом ... пишет «Главком» (the page) со ссылкой на X"
                    ref_sentences.add(sentence)
                if not name:
                    continue
                opens = m.start() in lead_opening  # "According to Interfax, a court has ..."
                if groups.get("quote") and not opens:
                    cited.add((sentence, name))
                    continue
                old = found.get((sentence, name))
                found[(sentence, name)] = _Hit(
                    sentence,
                    min(pos, old.pos) if old else pos,
                    name,
                    via=bool(groups.get("via")) and (old is None or old.via),
                    now=bool(groups.get("now")) or bool(old and old.now),
                    ref=bool(groups.get("ref")) or opens or bool(old and old.ref),
                )
    hits = [h for key, h in found.items() if key not in cited]
    leading = ref_sentences | {h.sentence for h in hits if _leading(h, head, spans)}
    return sorted((h for h in hits if h.sentence in leading), key=lambda h: (h.sentence, h.pos))
