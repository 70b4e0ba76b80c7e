"""The cluster stage: reports of one event, across outlets and languages, become a ``Story``.

``cluster(analyses, params, ...)`` sees the whole corpus but only the small ``Analysis``
records. It is pure and deterministic (the same inputs give the same stories in any order).

Signals of "the same event" between two reports (each a cosine of IDF-weighted sets, so a
shared rare name counts more than a shared "Kazakhstan"):

* ``text`` — the lead: content lemmas of the title (counting ``title_boost`` times) and of
  the first ``lead_sentences`` sentences; only between reports in the same language;
* ``entities`` — canonical (English) entity names from the alias registry: cross-language;
* ``numbers`` — numbers of the lead (``2,5``, ``30``, ``SPM-2``): cross-language;
* ``concepts`` — taxonomy term groups that matched (``topic:group``) and the event vocabulary
  (``config/story_concepts.yml``): the per-language term lists of one group name one concept
  in every language, so they are cross-language. A concept of the headline counts again,
  ``title_boost`` times (the headline names the event: "seize" + "airport").

The similarity is the weighted mean of the signals available for the pair (all four within a
language, the last three across languages; across languages the reports must share at least
one canonical entity, or they are not compared), lowered by ``date_decay`` per day between the
reports (a report without a date counts as ``undated_gap`` days from any other; a report
whose title or opening sentences name the other report's date is of that day: ``day_gap``).
Reports more than ``window_days`` apart are never compared.

Linking is incremental, in report order (date, then id; undated reports last): a report
joins the story of its most similar earlier report when the similarity reaches
``threshold`` (``cross_threshold`` across languages) and the story began at most
``max_span_days`` before it; otherwise it opens a new story. Candidates come from blocking:
an inverted index of entities, title lemmas, numbers and concepts restricted to the date
window (a key shared by more than ``max_block`` reports in the window is skipped, the
``max_candidates`` best candidates by shared keys are scored), never all pairs.

Story ids (the rule, see ``story_id``): a story's id is made from its *founding report* —
the report that opened it — as ``YYYY-MM-DD-<8 hex of sha1(article id)>`` (``undated-…``
without a date), and never changes afterwards. ``previous`` (article id -> story id, saved
by the pipeline after each build) is kept as it is: those reports stay in their stories, and
only new reports are linked, joining an old story or opening a new one. So a story keeps its
id (and page URL) when reports join it or when later weeks are added, and closed weeks are
not re-clustered. Without ``previous`` the same corpus gives the same ids on every build.

Within a story, a report that shares at least ``reprint_share`` of its sentences (or of the
other's, whichever is shorter) with an earlier report is a reprint of it (``Story.reprints``);
both reports stay in the story. Sentences found in more than ``reprint_max_df`` reports are
boilerplate and no evidence of copying, which also keeps the check linear.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from generator.fileio import file_version
from generator.ingest.clean import CleanRules, find_dates
from generator.models import Analysis, Story
from generator.nlp.summary import OverviewCandidate, content_lemmas, overview
from generator.settings import ConfigError, StorySettings, read_yaml
from generator.topics import ANY, Term, TermSet, _lemmatise_term, _match_end

CHANNELS = ("text", "entities", "numbers", "concepts")
UNKNOWN_SOURCE = "unknown"
MIN_TITLE_WORDS = 3  # a shorter "title" is page debris, not a headline, unless all are
SUMMARY_REPORTS = 20  # a summary draws on the first reports of a story (MMR is quadratic)


# ---------------------------------------------------------------------------- context


@dataclass(frozen=True)
class ClusterContext:
    """What clustering needs besides the reports: word lists and taxonomy concepts."""

    stopwords: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # (language, evidence term as displayed) -> concept id ("topic:group")
    concepts: Mapping[tuple[str, str], str] = field(default_factory=dict)
    # language -> the event vocabulary (a term's display is its concept's name)
    vocabulary: Mapping[str, Vocabulary] = field(default_factory=dict, compare=False)
    interface_language: str = "en"
    # language -> its pack's month names and date patterns (``ingest.clean.find_dates``)
    date_rules: Mapping[str, CleanRules] = field(default_factory=dict, compare=False)


def load_vocabulary(path: Path, languages: Sequence[str]) -> Mapping[str, Vocabulary]:
    """The event vocabulary (``config/story_concepts.yml``): per language, terms whose
    display is the concept's name. ``ConfigError`` naming the file and entry if malformed.
    Read and lemmatised once per process while the file is unchanged (clustering and the
    English lines share it)."""
    return _load_vocabulary(Path(path), tuple(languages), *file_version(path))


@functools.lru_cache(maxsize=4)
def _load_vocabulary(
    path: Path, languages: tuple[str, ...], _mtime_ns: int, _size: int
) -> Mapping[str, Vocabulary]:
    _text, data = read_yaml(path, "story concepts file")
    entries = data.get("concepts") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: expected a mapping with a list `concepts`")
    per_lang: dict[str, list[Term]] = {lang: [] for lang in languages}
    for i, entry in enumerate(entries):
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{path}: concepts[{i}]: expected a mapping with a `name`")
        unknown = sorted(k for k in entry if k not in {"name", ANY, *languages} and len(k) != 2)
        if unknown:
            raise ConfigError(f"{path}: concept {name!r}: unknown key(s) {', '.join(unknown)}")
        for lang in languages:
            terms = [*(entry.get(lang) or []), *(entry.get(ANY) or [])]
            for raw in terms:
                if not isinstance(raw, str) or not raw.strip():
                    raise ConfigError(f"{path}: concept {name!r}.{lang}: expected words")
                lemmas, prefix = _lemmatise_term(raw.strip(), lang)
                if lemmas:
                    per_lang[lang].append(Term(name, lemmas, 1.0, prefix))
    return MappingProxyType({lang: Vocabulary.build(terms) for lang, terms in per_lang.items()})


@dataclass(frozen=True)
class Vocabulary:
    """The event vocabulary of one language: words and phrases indexed by their first lemma,
    single prefixes (``ұста*``) by their first three letters, so a scan stays linear."""

    terms: TermSet
    prefixes: Mapping[str, tuple[Term, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, terms: Sequence[Term]) -> Vocabulary:
        ts = TermSet.build(terms)
        prefixes: dict[str, list[Term]] = defaultdict(list)
        for t in ts.prefixed:
            prefixes[t.lemmas[0][:3]].append(t)
        return cls(ts, {k: tuple(v) for k, v in prefixes.items()})

    def concepts(self, seqs: Iterable[Sequence[str]]) -> set[str]:
        """Names of the concepts found in the token sequences."""
        found: set[str] = set()
        by_first, gap = self.terms.by_first, self.terms.gap
        for seq in seqs:
            for i, tok in enumerate(seq):
                for t in by_first.get(tok, ()):
                    if t.display not in found and (
                        len(t.lemmas) == 1 or _match_end(t, seq, i, gap) >= 0
                    ):
                        found.add(t.display)
                for t in self.prefixes.get(tok[:3], ()):
                    if tok.startswith(t.lemmas[0]):
                        found.add(t.display)
        return found


def taxonomy_concepts(taxonomy) -> dict[tuple[str, str], str]:
    """Concept ids of a taxonomy's terms: one id per term group of a topic, whatever the
    language (the group's per-language lists name the same thing)."""
    out: dict[tuple[str, str], str] = {}
    for topic in taxonomy.topics:
        groups: dict[tuple[str, str], set[int]] = defaultdict(set)
        for lang, termset in topic.terms.items():
            for term in termset.terms:
                groups[(lang, term.display)].add(_group_of(topic, lang, term))
        for key, ids in groups.items():
            out.setdefault(key, f"{topic.id}:{min(ids)}")
    return out


def _group_of(topic, lang: str, term) -> int:
    """Index of the term's weight group (terms of one group share their weight)."""
    weights = sorted({t.weight for t in topic.terms[lang].terms}, reverse=True)
    return weights.index(term.weight)


def cluster_context(settings, ctx) -> ClusterContext:
    """The context from the settings and the loaded ``AnalysisContext``."""
    return ClusterContext(
        stopwords=dict(ctx.stopwords),
        concepts=taxonomy_concepts(ctx.taxonomy),
        vocabulary=load_vocabulary(settings.path(settings.stories.concepts), settings.languages),
        interface_language=settings.site.language,
        date_rules=load_date_rules(settings.path(settings.language_data), settings.languages),
    )


def load_date_rules(folder: Path, languages: Sequence[str]) -> Mapping[str, CleanRules]:
    """Per language, the date words of its pack (month names, date patterns), read once."""
    return _load_date_rules(Path(folder), tuple(languages))


@functools.lru_cache(maxsize=4)
def _load_date_rules(folder: Path, languages: tuple[str, ...]) -> Mapping[str, CleanRules]:
    from generator.ingest.clean import build_rules
    from generator.languages import load_language_packs

    packs = load_language_packs(folder, languages)
    return MappingProxyType({code: build_rules({code: pack}) for code, pack in packs.items()})


# ---------------------------------------------------------------------------- features


@dataclass(frozen=True)
class Features:
    """The cheap description of one report that clustering compares."""

    index: int
    id: str
    day: int | None  # date ordinal
    language: str
    channels: tuple[frozenset[str], ...]  # one set per CHANNELS entry
    title: frozenset[str]
    # (year or 0, month, day) of the dates its title and opening sentences name
    named_dates: frozenset[tuple[int, int, int]] = frozenset()


_DIGIT = re.compile(r"\d")


def _numbers(lemmas: Iterable[str]) -> set[str]:
    return {lem for lem in lemmas if _DIGIT.search(lem)}


def features(a: Analysis, index: int, params: StorySettings, cc: ClusterContext) -> Features:
    stop = cc.stopwords.get(a.language, frozenset())
    title = content_lemmas(a.text.title_lemmas, stop)
    lead_lemmas = [lem for s in a.text.sentence_lemmas[: params.lead_sentences] for lem in s]
    lead = content_lemmas(lead_lemmas, stop)
    # a headline shares a word with its lead; a title that shares none is page debris taken
    # for one ("На информационном ресурсе применяются рекомендательные технологии", a
    # site's notice on every page) or a teaser: no evidence of the event (unless all there is)
    headline = bool(title & lead) or not lead
    if not headline:
        title = set()
    text = {f"t:{a.language}:{lem}" for lem in title} | {f"l:{a.language}:{lem}" for lem in lead}
    lead_text = "\n".join([a.article.title, *a.text.sentences[: params.lead_sentences]])
    ents = {f"e:{e.name}" for e in a.text.entities if any(f in lead_text for f in e.forms)}
    if not ents:  # no entity in the lead: the article's entities say what it is about
        ents = {f"e:{e.name}" for e in a.text.entities}
    nums = {f"n:{n}" for n in _numbers([*a.text.title_lemmas, *lead_lemmas])}
    concepts = {
        f"c:{cid}"
        for m in a.topics
        for ev in m.evidence
        if (cid := cc.concepts.get((a.language, ev.term)))
    }
    concepts |= {f"c:{m.topic}" for m in a.topics}
    vocab = cc.vocabulary.get(a.language)
    if vocab is not None:
        # the headline's concepts name the event ("seize" + "airport"): they count again
        head = vocab.concepts([a.text.title_lemmas]) if headline else set()
        lead_concepts = head | vocab.concepts(a.text.sentence_lemmas[: params.lead_sentences])
        concepts |= {f"x:{name}" for name in lead_concepts} | {f"h:{name}" for name in head}
    return Features(
        index=index,
        id=a.id,
        day=a.article.date.toordinal() if a.article.date else None,
        language=a.language,
        channels=(frozenset(text), frozenset(ents), frozenset(nums), frozenset(concepts)),
        title=frozenset(f"t:{a.language}:{lem}" for lem in title),
        named_dates=named_dates(a, cc.date_rules.get(a.language)),
    )


OPENING_SENTENCES = 2  # a lead names its event's day at once ("5 января в Алматы ...")


def named_dates(a: Analysis, rules: CleanRules | None) -> frozenset[tuple[int, int, int]]:
    """(year or 0, month, day) of the dates written in the title and the first
    ``OPENING_SENTENCES`` sentences ("5 января", "on January 5, 2022", "05.01.2022"): for a
    report without a date, the day of its event is among them (with perhaps a background
    date or a deadline)."""
    if rules is None:
        return frozenset()
    text = "\n".join([a.article.title, *a.text.sentences[:OPENING_SENTENCES]])
    found = set()
    for window in _digit_windows(text):  # a date has digits: the patterns run near them
        found.update(
            (year or 0, month, day)
            for _at, year, month, day in find_dates(window, rules)
            if 1 <= month <= 12 and 1 <= day <= 31
        )
    return frozenset(found)


_DIGITS = re.compile(r"\d+")
DATE_REACH = 40  # characters a written date spans on either side of its digits


def _digit_windows(text: str) -> list[str]:
    """The stretches of ``text`` within ``DATE_REACH`` characters of a digit, merged."""
    spans: list[list[int]] = []
    for m in _DIGITS.finditer(text):
        start, end = max(0, m.start() - DATE_REACH), m.end() + DATE_REACH
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [text[s:e] for s, e in spans]


def day_gap(a: Features, b: Features, undated_gap: int) -> int:
    """Days between two reports, for the date decay. A report whose title or opening names
    the other's date tells that day's event: they are of one day ("Токаєв 5 січня
    звернувся ..." and a report dated 5 January 2022; "Аэропорт Алматы освободили" dated
    6 January, whose opening recalls the seizure "5 января", and the reports of the
    seizure). Otherwise dated reports are their dates apart, and an undated report is
    ``undated_gap`` days from any other. A date without a year is taken in the year of the
    report whose date it would be."""
    if a.day is None and b.day is None:
        return undated_gap
    if a.day is not None and b.day is not None:
        if a.day == b.day:
            return 0
        # only a later report recalls an earlier one's day
        teller, told = (a, b) if a.day > b.day else (b, a)
    else:
        teller, told = (a, b) if a.day is None else (b, a)
    if teller.named_dates:
        assert told.day is not None
        year, month, day = _ymd(told.day)
        if (0, month, day) in teller.named_dates or (year, month, day) in teller.named_dates:
            return 0
    return abs(a.day - b.day) if a.day is not None and b.day is not None else undated_gap


@functools.lru_cache(maxsize=4096)
def _ymd(ordinal: int) -> tuple[int, int, int]:
    d = dt.date.fromordinal(ordinal)
    return d.year, d.month, d.day


class Weights:
    """IDF of every feature over the reports, with a pseudo-corpus of ``prior`` reports so a
    two-report input still treats shared words as evidence."""

    def __init__(self, feats: Sequence[Features], params: StorySettings) -> None:
        df: Counter[str] = Counter()
        for f in feats:
            df.update(f.channels[0] | {f"l:{k[2:]}" for k in f.title})  # title lemmas lead too
            for ch in f.channels[1:]:
                df.update(ch)
        n = len(feats) + params.idf_prior
        self.df = df
        self.idf = {k: math.log(n / (c + 1)) for k, c in df.items()}
        self.title_boost = params.title_boost

    def weight(self, key: str) -> float:
        w = self.idf.get(key, 0.0)
        return w * self.title_boost if key.startswith(("t:", "h:")) else w


@dataclass(frozen=True)
class Vector:
    """A report's weighted sets: per channel the feature weights and their norm."""

    weights: tuple[dict[str, float], ...]
    norms: tuple[float, ...]


def vector(f: Features, w: Weights) -> Vector:
    out = []
    norms = []
    for c, ch in enumerate(f.channels):
        d = {k: w.weight(k) for k in ch}
        if c == 0:  # a title lemma also matches the same lemma in a lead
            for k in f.title:
                lead = "l:" + k[2:]
                d[lead] = max(d.get(lead, 0.0), w.weight(lead))
        out.append(d)
        norms.append(math.sqrt(math.fsum(v * v for v in d.values())))  # fsum: any order
    return Vector(tuple(out), tuple(norms))


def similarity(a: Features, va: Vector, b: Features, vb: Vector, params: StorySettings) -> float:
    """Weighted mean of the per-channel cosines available for the pair, less date decay."""
    weights = (
        params.weights.text,
        params.weights.entities,
        params.weights.numbers,
        params.weights.concepts,
    )
    same = a.language == b.language
    if not same and params.weights.entities and not va.weights[1].keys() & vb.weights[1].keys():
        return 0.0  # across languages, one event's reports name at least one same entity
    days = day_gap(a, b, params.undated_gap)
    decay = 1.0 - params.date_decay * days
    if decay <= 0:
        return 0.0
    total = used = 0.0
    for c, wc in enumerate(weights):
        if not wc or (c == 0 and not same):
            continue
        used += wc
        na, nb = va.norms[c], vb.norms[c]
        if not na or not nb:
            continue
        da, db = va.weights[c], vb.weights[c]
        shared = da.keys() & db.keys()
        if shared:
            total += wc * math.fsum(da[k] * db[k] for k in shared) / (na * nb)
    if not used:
        return 0.0
    return total / used * decay


def _blocking_keys(f: Features) -> set[str]:
    return set(f.title) | f.channels[1] | f.channels[2] | f.channels[3]


# ---------------------------------------------------------------------------- linking


def report_order(analyses: Iterable[Analysis]) -> list[Analysis]:
    """First report first: dated by (date, id), then undated by id."""
    return sorted(
        analyses,
        key=lambda a: (a.article.date is None, a.article.date or dt.date.min, a.id),
    )


def story_id(founder: Analysis) -> str:
    """The id of a story opened by ``founder``: its date and a hash of its article id."""
    digest = hashlib.sha1(founder.id.encode("utf-8")).hexdigest()[:8]
    day = founder.article.date.isoformat() if founder.article.date else "undated"
    return f"{day}-{digest}"


class _Linker:
    """Incremental linking over an index of the reports placed so far."""

    def __init__(self, params: StorySettings, feats: list[Features], vecs: list[Vector]):
        self.params = params
        self.feats = feats
        self.vecs = vecs
        # key -> (days, report indexes) of dated reports, sorted by day; undated apart
        self.dated: dict[str, tuple[list[int], list[int]]] = {}
        self.undated: dict[str, list[int]] = defaultdict(list)
        self.story_of: dict[int, str] = {}
        self.members: dict[str, list[int]] = defaultdict(list)
        self.first_day: dict[str, int | None] = {}

    def place(self, i: int, sid: str) -> None:
        f = self.feats[i]
        self.story_of[i] = sid
        self.members[sid].append(i)
        if sid not in self.first_day:
            self.first_day[sid] = f.day
        elif f.day is not None:
            first = self.first_day[sid]
            self.first_day[sid] = f.day if first is None else min(first, f.day)
        for k in _blocking_keys(f):
            if f.day is None:
                self.undated[k].append(i)
                continue
            days, idx = self.dated.setdefault(k, ([], []))
            if not days or days[-1] <= f.day:
                days.append(f.day)
                idx.append(i)
            else:  # a report older than the last one placed (kept reports, then new ones)
                pos = bisect_right(days, f.day)
                days.insert(pos, f.day)
                idx.insert(pos, i)

    def _in_window(self, f: Features, j: int) -> bool:
        g = self.feats[j]
        if f.day is None or g.day is None:
            return True
        return abs(f.day - g.day) <= self.params.window_days

    def _near(self, f: Features, k: str) -> list[int]:
        """Reports with key ``k`` in the date window of ``f`` (all of them when undated)."""
        days, idx = self.dated.get(k, ((), ()))
        if f.day is None:
            near = list(idx)
        else:
            w = self.params.window_days
            near = list(idx[bisect_left(days, f.day - w) : bisect_right(days, f.day + w)])
        return near + self.undated.get(k, [])

    def candidates(self, f: Features, w: Weights) -> list[int]:
        score: dict[int, float] = defaultdict(float)
        for k in sorted(_blocking_keys(f)):
            near = self._near(f, k)
            if not near or len(near) > self.params.max_block:
                continue
            kw = w.weight(k)
            for j in near:
                score[j] += kw
        best = sorted(score, key=lambda j: (-score[j], self.feats[j].id))
        return best[: self.params.max_candidates]

    def best_story(self, i: int, w: Weights) -> str | None:
        f, v = self.feats[i], self.vecs[i]
        p = self.params
        found: dict[str, float] = {}
        sims: dict[int, float] = {}
        for j in self.candidates(f, w):
            sid = self.story_of[j]
            first = self.first_day.get(sid)
            if f.day is not None and first is not None and f.day - first > p.max_span_days:
                continue
            g = self.feats[j]
            sim = sims[j] = similarity(f, v, g, self.vecs[j], p)
            need = p.threshold if f.language == g.language else p.cross_threshold
            if sim >= need:
                found[sid] = max(found.get(sid, 0.0), sim)
        if not found:
            return None
        if p.link_mean > 0:
            for sid in list(found):
                near = [j for j in self.members[sid] if self._in_window(f, j)]
                values = [  # the latest reports in the window, at most max_candidates
                    sims[j] if j in sims else similarity(f, v, self.feats[j], self.vecs[j], p)
                    for j in near[-p.max_candidates :]
                ]
                mean = sum(values) / len(values) if values else 0.0
                found[sid] = (1 - p.link_mean) * found[sid] + p.link_mean * mean
                if found[sid] < p.threshold * (1 - p.link_mean) + p.link_floor * p.link_mean:
                    del found[sid]
            if not found:
                return None
        return sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def link(
    analyses: Sequence[Analysis],
    params: StorySettings,
    cc: ClusterContext | None = None,
    previous: Mapping[str, str] | None = None,
    feats: Sequence[Features] | None = None,
) -> dict[str, str]:
    """Article id -> story id for every report (the module docstring gives the rule).
    ``feats``: the reports' features in report order, when already computed."""
    cc = cc or ClusterContext()
    previous = previous or {}
    ordered = report_order(analyses)
    if feats is None:
        feats = [features(a, i, params, cc) for i, a in enumerate(ordered)]
    feats = list(feats)
    w = Weights(feats, params)
    vecs = [vector(f, w) for f in feats]
    linker = _Linker(params, feats, vecs)
    for i, a in enumerate(ordered):  # old reports stay where they were
        if a.id in previous:
            linker.place(i, previous[a.id])
    used = set(previous.values())
    for i, a in enumerate(ordered):
        if a.id in previous:
            continue
        sid = linker.best_story(i, w)
        if sid is None:
            sid = story_id(a)
            while sid in used:  # a hash clash, or an old story with that founder's id
                sid = f"{sid}-{hashlib.sha1(sid.encode()).hexdigest()[:4]}"
            used.add(sid)
        linker.place(i, sid)
    return {feats[i].id: sid for i, sid in linker.story_of.items()}


# ---------------------------------------------------------------------------- stories


def sentence_signatures(a: Analysis, min_words: int) -> frozenset[tuple[str, ...]]:
    """The report's sentences (as lemmas) long enough to be evidence of copying."""
    return frozenset(
        tuple(lemmas)
        for lemmas in a.text.sentence_lemmas
        if len(lemmas) >= min_words
        and sum(1 for lem in lemmas if lem and not lem[0].isdigit()) >= min_words
    )


def reprint_pairs(
    members: Sequence[Analysis],
    params: StorySettings,
    signatures: Mapping[str, frozenset[tuple[str, ...]]],
    boilerplate: frozenset[tuple[str, ...]] = frozenset(),
) -> tuple[tuple[str, str], ...]:
    """(reprint id, original id) among ``members`` (in report order): a report that shares
    ``reprint_share`` of the shorter one's sentences with an earlier report copies it; the
    original is the earliest such report (itself never a reprint)."""
    index: dict[tuple[str, ...], list[str]] = defaultdict(list)
    original_of: dict[str, str] = {}
    sigs = {a.id: signatures[a.id] - boilerplate for a in members}
    for a in members:
        shared: Counter[str] = Counter()
        for s in sigs[a.id]:
            for other in index[s]:
                shared[other] += 1
        for other in (m.id for m in members):  # earliest first
            if other not in shared:
                continue
            smaller = min(len(sigs[a.id]), len(sigs[other]))
            if smaller and shared[other] / smaller >= params.reprint_share:
                original_of[a.id] = original_of.get(other, other)
                break
        for s in sigs[a.id]:
            index[s].append(a.id)
    return tuple(sorted(original_of.items()))


def _title_choice(members: Sequence[Analysis], feats: Mapping[str, Features], language: str):
    """The representative report: central (its title's lemmas are common among the story's
    reports of its language, and its entities among all) and early; in ``language`` when the
    story has a report in it; dated when the story has a dated report."""
    # a headline has words: "vchaspik-global-message" (page debris taken for a title) has not
    titled = [a for a in members if len(a.article.title.split()) >= MIN_TITLE_WORDS]
    titled = titled or [a for a in members if a.article.title.strip()] or list(members)
    pool = [a for a in titled if a.language == language] or titled
    # a dated report speaks for the story before an undated one (which may be older news)
    pool = [a for a in pool if a.article.date is not None] or pool
    lead_df: Counter[str] = Counter()
    ent_df: Counter[str] = Counter()
    for a in members:
        f = feats[a.id]
        lead_df.update({k[2:] for k in f.channels[0]})
        ent_df.update(f.channels[1])

    def centrality(a: Analysis) -> float:
        f = feats[a.id]
        title = {k[2:] for k in f.title}
        if not title:
            return 0.0
        words = sum(lead_df[k] - 1 for k in title) / len(title)
        ents = sum(ent_df[k] - 1 for k in f.channels[1]) / (len(f.channels[1]) or 1)
        return words + 0.5 * ents

    rank = {a.id: r for r, a in enumerate(members)}
    return sorted(pool, key=lambda a: (-(centrality(a) / (1 + 0.1 * rank[a.id])), rank[a.id]))[0]


def story_summary(members: Sequence[Analysis], lead: Analysis, n: int) -> tuple:
    """Multi-document extractive summary with citations (MMR of ``nlp.summary.overview``)
    over the summaries of the story's first ``SUMMARY_REPORTS`` reports in the representative
    report's language (so a fact is not stated twice in two languages); earlier reports and
    sentences weigh more."""
    if n <= 0:
        return ()
    same = [a for a in members if a.language == lead.language][:SUMMARY_REPORTS]
    candidates = []
    for rank, a in enumerate(same):
        lemmas_of = dict(zip(a.text.sentences, a.text.sentence_lemmas, strict=False))
        for pos, sentence in enumerate(a.text.summary):
            weight = 1.0 / (1.0 + 0.1 * rank) / (1.0 + 0.25 * pos)
            candidates.append(
                OverviewCandidate(
                    sentence, tuple(lemmas_of.get(sentence, ())), a.id, round(weight, 9)
                )
            )
    return tuple(overview(candidates, n))


def build_stories(
    analyses: Sequence[Analysis],
    assignment: Mapping[str, str],
    params: StorySettings,
    cc: ClusterContext | None = None,
    feats: Sequence[Features] | None = None,
) -> tuple[Story, ...]:
    """The ``Story`` records of an assignment (article id -> story id), ranked: most distinct
    sources, then languages, then the newest, then id."""
    cc = cc or ClusterContext()
    ordered = report_order(analyses)
    if feats is None:
        feats = [features(a, i, params, cc) for i, a in enumerate(ordered)]
    by_id = {f.id: f for f in feats}
    members: dict[str, list[Analysis]] = defaultdict(list)
    for a in ordered:
        members[assignment[a.id]].append(a)
    signatures = {a.id: sentence_signatures(a, params.reprint_min_words) for a in ordered}
    df: Counter[tuple[str, ...]] = Counter()
    for sig in signatures.values():
        df.update(sig)
    boilerplate = frozenset(s for s, c in df.items() if c > params.reprint_max_df)
    stories = []
    for sid, arts in members.items():
        lead = _title_choice(arts, by_id, cc.interface_language)
        dates = [a.article.date for a in arts if a.article.date]
        sources = sorted(
            {(a.article.source or "").strip() or UNKNOWN_SOURCE for a in arts},
            key=lambda s: (s.casefold(), s),
        )
        langs = Counter(a.language for a in arts)
        stories.append(
            Story(
                id=sid,
                title=lead.article.title,
                article_ids=tuple(a.id for a in arts),
                first_seen=min(dates) if dates else None,
                last_seen=max(dates) if dates else None,
                topics=story_topics(arts),
                sources=tuple(sources),
                languages=tuple(
                    k for k, _ in sorted(langs.items(), key=lambda kv: (-kv[1], kv[0]))
                ),
                summary=story_summary(arts, lead, params.summary_sentences),
                reprints=reprint_pairs(arts, params, signatures, boilerplate),
            )
        )
    return rank_stories(stories)


def story_topics(arts: Iterable[Analysis]) -> tuple[str, ...]:
    """A story's topics: those of its reports, the most carried first, then by id."""
    topics = Counter(t for a in arts for t in a.topic_ids)
    return tuple(t for t, _ in sorted(topics.items(), key=lambda kv: (-kv[1], kv[0])))


def with_story_topics(stories: Sequence[Story], analyses: Sequence[Analysis]) -> tuple[Story, ...]:
    """``stories`` with their topics taken again from ``analyses`` (after story evidence lent
    topics to reports); titles, summaries, reprints and ranking do not depend on topics."""
    by_id = {a.id: a for a in analyses}
    return tuple(
        dataclasses.replace(s, topics=story_topics(by_id[i] for i in s.article_ids))
        for s in stories
    )


def rank_stories(stories: Iterable[Story]) -> tuple[Story, ...]:
    """Most distinct sources, then languages, then the most recent, then id."""
    return tuple(
        sorted(
            stories,
            key=lambda s: (
                -len(s.sources),
                -len(s.languages),
                -(s.last_seen.toordinal() if s.last_seen else 0),
                s.id,
            ),
        )
    )


def cluster(
    analyses: Sequence[Analysis],
    params: StorySettings,
    cc: ClusterContext | None = None,
    previous: Mapping[str, str] | None = None,
) -> tuple[Story, ...]:
    """Group reports into stories (see the module docstring). Pure and deterministic."""
    ids = [a.id for a in analyses]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate article ids")
    cc = cc or ClusterContext()
    ordered = report_order(analyses)
    feats = [features(a, i, params, cc) for i, a in enumerate(ordered)]
    assignment = link(ordered, params, cc, previous, feats)
    return build_stories(ordered, assignment, params, cc, feats)


def story_index(stories: Iterable[Story]) -> dict[str, str]:
    """Article id -> story id."""
    return {aid: s.id for s in stories for aid in s.article_ids}


def duplicate_groups(stories: Iterable[Story]) -> tuple[tuple[str, ...], ...]:
    """Groups of near-identical reports (an original and its reprints), sorted."""
    groups: dict[str, set[str]] = defaultdict(set)
    for s in stories:
        for copy, original in s.reprints:
            groups[original].update((copy, original))
    return tuple(sorted(tuple(sorted(g)) for g in groups.values()))


# ---------------------------------------------------------------------------- saved ids

STATE_FILE = "stories.json"
STATE_FORMAT = "story-assignment/1"


def load_assignment(path: Path) -> dict[str, str]:
    """The article id -> story id saved by the previous build; empty if there is none or
    it cannot be read (then the corpus is clustered afresh, deterministically)."""
    import json

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
        return {}
    stories = data.get("stories")
    if not isinstance(stories, dict):
        return {}
    return {
        str(aid): str(sid)
        for sid, aids in stories.items()
        if isinstance(aids, list)
        for aid in aids
    }


def save_assignment(path: Path, stories: Iterable[Story]) -> None:
    """Save story id -> article ids (sorted JSON, written atomically)."""
    import json

    from generator.fileio import atomic_write_text

    data = {
        "format": STATE_FORMAT,
        "stories": {s.id: sorted(s.article_ids) for s in sorted(stories, key=lambda s: s.id)},
    }
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
