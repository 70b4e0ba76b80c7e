"""Topic taxonomy from YAML (``config/topics.yml``) and topic scoring with evidence.

The taxonomy file lists, per topic, weighted *terms* (single words, multi-word phrases,
acronyms) per language, *negative* terms that lower the score (other riots, fuel prices
alone, exercises in other years), *required contexts* (named term groups that must occur,
at least ``min_count`` times, e.g. "Kazakhstan" or "January 2022") and a *threshold*.
Terms are lemmatised at load time with the same lemmatiser as the article text, so
``Каспийского трубопроводного консорциума`` matches the term
``Каспийский трубопроводный консорциум``. A term ending in ``*`` matches any lemma that
starts with it (for its last word). Terms under ``any`` are used in every language.

Scoring is a pure function of ``TextAnalysis.sentence_lemmas`` / ``title_lemmas``:

    score = sum(weight * min(count, max_count)) - sum(negative weight * min(count, max_count))

where a title match counts ``title_weight`` times and, within a sentence, the longest term
starting at a word wins (a phrase is not counted again as its words). A topic is assigned
when every required context is present and ``score >= threshold``. Term lists of languages
that are not configured are ignored. Nothing about topics lives in this module.

Knowledge beyond words, all configured in the YAML:

* a context may have a ``period`` (``{from: 2022-01-02, to: 2022-01-31}``): an article
  *published* within it satisfies the context without naming the period (a report dated
  5 Jan 2022 about the Almaty airport needs no "January 2022"); the date is shown as evidence;
* a *concept* (``concepts:``) lists terms that ``imply`` contexts: the CPC, Tengiz or the
  Orenburg gas plant are Kazakhstan's energy, so their mentions count towards the
  ``kazakhstan`` context; the implication is shown as evidence;
* a topic's term group may have a ``period``: its terms count only in an article published
  within it (the new prime minister of January 2022 is a consequence of the unrest only in
  reports of that month); an undated article does not get them;
* a topic's term group may have a ``max_count``: its terms are names of one thing and count
  together at most that many times ("CSTO", "ОДКБ" and the organisation's full name on one
  summit page are one organisation, not three);
* story-level evidence (``apply_story_evidence``): a report whose story's other reports
  mostly carry a topic gets it too when it has weaker evidence of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.models import Analysis, Evidence, TextAnalysis, Topic, TopicMatch
from generator.nlp.lemmas import get_lemmatizer
from generator.nlp.tokens import words
from generator.settings import ConfigError, read_yaml

ANY = "any"  # terms under this key are used for every language
_TOPIC_KEYS = {
    "id",
    "title",
    "description",
    "threshold",
    "terms",
    "negative",
    "require",
    "implies",
    "min_share",
}
_GROUP_KEYS = {"weight", "name", "note", "period", "max_count"}
_CONTEXT_KEYS = {"min_count", "period"}
_CONCEPT_KEYS = {"implies", "with"}
_STORY_KEYS = {"min_others", "min_share", "min_own_score"}


@dataclass(frozen=True)
class Term:
    """One taxonomy term compiled for one language."""

    display: str  # the term as written in the YAML (shown as evidence)
    lemmas: tuple[str, ...]  # lemma sequence to find in a sentence
    weight: float = 1.0
    prefix: bool = False  # last lemma matches by prefix (term written with a trailing *)
    # counts only in an article published within these days (first, last): group ``period``
    period: tuple[dt.date, dt.date] | None = None
    # (group id, cap): the terms of one group with ``max_count`` share that cap (one thing
    # named several ways: "CSTO", "ОДКБ" and the full name count as one term)
    shared: tuple[str, int] | None = None


@dataclass(frozen=True)
class TermSet:
    """Terms of one language, indexed by their first lemma for a fast scan."""

    terms: tuple[Term, ...] = ()
    by_first: Mapping[str, tuple[Term, ...]] = field(default_factory=dict, compare=False)
    prefixed: tuple[Term, ...] = ()
    gap: int = 0  # words allowed between the words of a phrase

    @classmethod
    def build(cls, terms: Iterable[Term], gap: int = 0) -> TermSet:
        unique: dict[tuple[tuple[str, ...], bool], Term] = {}
        for t in terms:  # first spelling of a lemma sequence wins (deterministic: YAML order)
            unique.setdefault((t.lemmas, t.prefix), t)
        all_terms = tuple(unique.values())
        by_first: dict[str, list[Term]] = {}
        prefixed = []
        for t in all_terms:
            if t.prefix and len(t.lemmas) == 1:
                prefixed.append(t)
            else:
                by_first.setdefault(t.lemmas[0], []).append(t)
        return cls(
            terms=all_terms,
            by_first={k: tuple(v) for k, v in by_first.items()},
            prefixed=tuple(prefixed),
            gap=gap,
        )

    def count(self, lemma_seqs: Iterable[Sequence[str]]) -> dict[Term, int]:
        """Occurrences of each term in the given token sequences (sentences).

        Left to right, the longest term starting at a token wins and its tokens are not
        matched again: ``коллективные миротворческие силы`` counts once, not also as
        ``миротворческие силы``. The words of a phrase may be ``gap`` words apart
        (``поставки российского газа`` is ``поставка газа``).
        """
        found: dict[Term, int] = {}
        prefixes = tuple(t.lemmas[0] for t in self.prefixed)  # a quick test before the loop
        for seq in lemma_seqs:
            n = len(seq)
            i = 0
            while i < n:
                best: Term | None = None
                end = i
                for t in self.by_first.get(seq[i], ()):
                    if best is not None and len(t.lemmas) <= len(best.lemmas):
                        continue
                    stop = _match_end(t, seq, i, self.gap)
                    if stop >= 0:
                        best, end = t, stop
                if best is None and seq[i].startswith(prefixes):
                    for t in self.prefixed:
                        if seq[i].startswith(t.lemmas[0]):
                            best = t
                            break
                if best is None:
                    i += 1
                    continue
                found[best] = found.get(best, 0) + 1
                i = end + 1
        return found


def _match_end(t: Term, seq: Sequence[str], i: int, gap: int) -> int:
    """Index of the last token of ``t`` matched from ``seq[i]`` (its first lemma), or -1."""
    n, k, pos = len(seq), len(t.lemmas), i
    for j in range(1, k):
        want, last = t.lemmas[j], t.prefix and j == k - 1
        for q in range(pos + 1, min(n, pos + gap + 2)):
            if seq[q].startswith(want) if last else seq[q] == want:
                pos = q
                break
        else:
            return -1
    return pos


@dataclass(frozen=True)
class Concept:
    """Domain knowledge: terms whose mention implies contexts (the CPC implies Kazakhstan).

    ``companions`` (YAML ``with:``, one term group or a list of them) must each also occur
    somewhere in the text for the concept to hold: Masimov was tried for treason only over
    January 2022, so "Masimov" with "treason" implies that period, though neither word
    does alone."""

    name: str
    terms: Mapping[str, TermSet]
    implies: tuple[str, ...]
    companions: tuple[Mapping[str, TermSet], ...] = ()

    def mentions(
        self, text: TextAnalysis
    ) -> tuple[dict[Term, int], dict[Term, int], tuple[Evidence, ...]]:
        """The concept's matches in body and title, and the most frequent term of each
        companion group (no matches at all when a companion group is absent)."""
        body, title = _counts(self.terms.get(text.language), text)
        found: list[Evidence] = []
        for group in self.companions if (body or title) else ():
            cbody, ctitle = _counts(group.get(text.language), text)
            if not (cbody or ctitle):
                return {}, {}, ()
            found.append(_evidence(cbody, ctitle)[0])
        return body, title, tuple(found)


@dataclass(frozen=True)
class Context:
    """A named group of terms that must occur at least ``min_count`` times (a title match
    counting ``title_weight`` times): the article is *about* it, not passing by.

    Mentions of a concept that implies the context count too (each ``weight`` times: one
    mention of the CPC is as good as two of the country); a ``period`` (first and last day)
    is satisfied by the publication date alone."""

    name: str
    terms: Mapping[str, TermSet]
    min_count: int = 1
    label: str = ""  # shown in evidence (defaults to the name)
    period: tuple[dt.date, dt.date] | None = None

    def check(
        self,
        text: TextAnalysis,
        title_weight: float,
        concepts: Sequence[Concept] = (),
        date: dt.date | None = None,
    ) -> tuple[bool, tuple[Evidence, ...]]:
        """Whether the context holds, and the knowledge that made it hold when its own
        words did not (implied concepts, the publication date in the period)."""
        body, title = _counts(self.terms.get(text.language), text)
        seen = sum(body.values()) + title_weight * sum(title.values())
        if seen >= self.min_count:
            return True, ()
        label = self.label or self.name
        if self.period is not None and _before_period(date, self.period[0]):
            return False, ()  # (its own words only: see ``_before_period``)
        implied: dict[str, int] = {}
        for concept in concepts:
            if self.name not in concept.implies:
                continue
            cbody, ctitle, companions = concept.mentions(text)
            seen += sum(t.weight * n for t, n in cbody.items())
            seen += title_weight * sum(t.weight * n for t, n in ctitle.items())
            with_ = "".join(f" + {c.term}" for c in companions)
            for e in _evidence(cbody, ctitle):
                key = f"{e.term}{with_} → {label}"
                implied[key] = implied.get(key, 0) + e.count
        if implied and seen >= self.min_count:
            return True, tuple(Evidence(k, v) for k, v in sorted(implied.items()))
        if self.period is not None and date is not None:
            first, last = self.period
            if first <= date <= last:
                return True, (Evidence(f"published {date.isoformat()} → {label}", 1),)
        return False, ()


def _before_period(date: dt.date | None, first: dt.date) -> bool:
    """Was the article published before a period, so that knowledge cannot place it there
    ("Tokayev" and "riot" imply January 2022, but not in a report of 2019)? A report cannot
    precede what it reports; the context's own words still count. (An undated report's
    years tell nothing: a report of 5 January 2022 names Tokayev's election of 2019.)"""
    return date is not None and date < first


@dataclass(frozen=True)
class TopicDef:
    id: str
    title_en: str
    title_ru: str
    description: str
    threshold: float
    terms: Mapping[str, TermSet]  # language -> positive terms
    negative: Mapping[str, TermSet]  # language -> negative terms (weights subtract)
    require: tuple[Context, ...] = ()
    implies: tuple[str, ...] = ()  # topics an article of this topic is also about
    # terms in fewer than this share of the body's sentences, none in the title: a passing
    # mention, not the article's topic (0: no such rule)
    min_share: float = 0.0


@dataclass(frozen=True)
class StoryRule:
    """When a story's other reports lend a topic to a report (``settings.story``)."""

    min_others: int = 2  # other reports the story must have
    min_share: float = 0.6  # share of those others that carry the topic
    min_own_score: float = 0.4  # the report's own score, as a share of the threshold


@dataclass(frozen=True)
class Taxonomy:
    topics: tuple[TopicDef, ...]
    title_weight: float = 2.0
    max_count: int = 3
    source: str = ""
    digest: str = ""
    concepts: tuple[Concept, ...] = ()
    story: StoryRule = StoryRule()

    def display(self) -> tuple[Topic, ...]:
        """The topics as the renderer needs them, in taxonomy order."""
        return tuple(Topic(t.id, t.title_en, t.title_ru, t.description) for t in self.topics)

    def fingerprint(self) -> str:
        """Stable hash of the taxonomy as compiled (config text, languages, lemmas)."""
        return self.digest

    def topic(self, topic_id: str) -> TopicDef:
        for t in self.topics:
            if t.id == topic_id:
                return t
        raise KeyError(topic_id)


# ---------------------------------------------------------------------------- loading


def _fail(path: Path, where: str, message: str) -> ConfigError:
    return ConfigError(f"{path}: {where}: {message}")


def _lemmatise_term(raw: str, language: str) -> tuple[tuple[str, ...], bool]:
    prefix = raw.endswith("*")
    text = raw[:-1] if prefix else raw
    toks = words(text)
    if not toks:
        return (), prefix
    lem = get_lemmatizer(language)
    lemmas = [lem.lemma(w) for w in toks]
    if prefix:  # the prefix itself is not a word: keep it as written
        lemmas[-1] = toks[-1].lower().replace("ё", "е")
    return tuple(lemmas), prefix


def _is_language_code(key: object) -> bool:
    """Two lower-case letters: a language that is not configured (its terms are ignored)."""
    return isinstance(key, str) and len(key) == 2 and key.isalpha() and key.islower()


def _term_lists(
    path: Path, where: str, group: Any, languages: Sequence[str]
) -> tuple[float, dict[str, list[str]]]:
    if not isinstance(group, dict):
        raise _fail(path, where, "expected a mapping with 'weight' and per-language term lists")
    allowed = _GROUP_KEYS | {ANY, *languages}
    unknown = sorted(k for k in set(group) - allowed if not _is_language_code(k))
    if unknown:
        raise _fail(
            path,
            where,
            f"unknown key(s) {', '.join(map(repr, unknown))}; use weight, name, note, period, "
            "max_count, "
            f"{ANY} or a configured language ({', '.join(languages)})",
        )
    weight = group.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight <= 0:
        raise _fail(path, f"{where}.weight", f"expected a positive number, got {weight!r}")
    lists: dict[str, list[str]] = {}
    for key in (ANY, *languages):
        items = group.get(key) or []
        if not isinstance(items, list) or not all(isinstance(s, str) and s.strip() for s in items):
            raise _fail(path, f"{where}.{key}", "expected a list of non-empty strings")
        lists[key] = items
    return float(weight), lists


def _compile_groups(
    path: Path, where: str, groups: Any, languages: Sequence[str], gap: int
) -> dict[str, TermSet]:
    if groups is None:
        groups = []
    if not isinstance(groups, list):
        raise _fail(path, where, "expected a list of term groups")
    per_lang: dict[str, list[Term]] = {lang: [] for lang in languages}
    for gi, group in enumerate(groups):
        gwhere = f"{where}[{gi}]"
        weight, lists = _term_lists(path, gwhere, group, languages)
        period = _period(path, f"{gwhere}.period", group.get("period"))
        shared = _shared_cap(path, gwhere, group.get("max_count"))
        for lang in languages:
            for raw in (*lists[lang], *lists[ANY]):
                lemmas, prefix = _lemmatise_term(raw.strip(), lang)
                if not lemmas:
                    raise _fail(path, gwhere, f"term {raw!r} has no words")
                term = Term(raw.strip().rstrip("*"), lemmas, weight, prefix, period, shared)
                per_lang[lang].append(term)
    return {lang: TermSet.build(ts, gap) for lang, ts in per_lang.items()}


def _shared_cap(path: Path, where: str, value: Any) -> tuple[str, int] | None:
    """A group's ``max_count``: its terms together count at most that many times."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _fail(path, f"{where}.max_count", f"expected a whole number >= 1, got {value!r}")
    return where, value


def _text(path: Path, where: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, where, "expected non-empty text")
    return value.strip()


def _min_share(path: Path, where: str, value: Any) -> float:
    """A topic's ``min_share``: a number in [0, 1) (0 when absent)."""
    if value is None:
        return 0.0
    v = _number(path, f"{where}.min_share", value)
    if not 0 <= v < 1:
        raise _fail(path, f"{where}.min_share", f"expected a number in [0, 1), got {v!r}")
    return v


def _number(path: Path, where: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(path, where, f"expected a number, got {value!r}")
    return float(value)


def load_taxonomy(path: Path, languages: Sequence[str]) -> Taxonomy:
    """Read and validate the taxonomy YAML; lemmatise every term for every language.

    Raises ``ConfigError`` naming the file, the topic and the key on any problem.
    """
    path = Path(path)
    raw_text, data = read_yaml(path, "taxonomy")
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the top level must be a mapping with 'topics'")
    unknown = sorted(set(data) - {"settings", "contexts", "concepts", "topics"})
    if unknown:
        raise _fail(path, "top level", f"unknown key(s) {', '.join(map(repr, unknown))}")
    languages = tuple(languages)

    opts = data.get("settings") or {}
    if not isinstance(opts, dict) or set(opts) - {
        "title_weight",
        "max_count",
        "phrase_gap",
        "story",
    }:
        raise _fail(
            path, "settings", "expected a mapping with title_weight, max_count, phrase_gap, story"
        )
    story = _story_rule(path, opts.get("story"))
    gap = opts.get("phrase_gap", 1)
    if isinstance(gap, bool) or not isinstance(gap, int) or not 0 <= gap <= 3:
        raise _fail(path, "settings.phrase_gap", f"expected 0, 1, 2 or 3, got {gap!r}")
    title_weight = _number(path, "settings.title_weight", opts.get("title_weight", 2))
    max_count = opts.get("max_count", 3)
    if isinstance(max_count, bool) or not isinstance(max_count, int) or max_count < 1:
        raise _fail(path, "settings.max_count", f"expected a whole number >= 1, got {max_count!r}")

    contexts_raw = data.get("contexts") or {}
    if not isinstance(contexts_raw, dict):
        raise _fail(path, "contexts", "expected a mapping of context name -> term group")
    contexts: dict[str, Context] = {}
    for name, group in contexts_raw.items():
        group = dict(group) if isinstance(group, dict) else group
        extra = (
            {k: group.pop(k) for k in _CONTEXT_KEYS if k in group}
            if isinstance(group, dict)
            else {}
        )
        min_count = extra.get("min_count", 1)
        if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 1:
            raise _fail(path, f"contexts.{name}.min_count", "expected a whole number >= 1")
        period = _period(path, f"contexts.{name}.period", extra.get("period"))
        label = group.get("name") if isinstance(group, dict) else None
        terms = _compile_groups(path, f"contexts.{name}", [group], languages, gap)
        contexts[str(name)] = Context(
            str(name), terms, min_count, label=str(label or name), period=period
        )

    concepts_raw = data.get("concepts") or {}
    if not isinstance(concepts_raw, dict):
        raise _fail(path, "concepts", "expected a mapping of concept name -> term group")
    concepts: list[Concept] = []
    for name, group in concepts_raw.items():
        where = f"concepts.{name}"
        group = dict(group) if isinstance(group, dict) else group
        implies = group.pop("implies", None) if isinstance(group, dict) else None
        companions_raw = group.pop("with", None) if isinstance(group, dict) else None
        if not isinstance(implies, list) or not implies:
            raise _fail(path, f"{where}.implies", "expected a non-empty list of context names")
        for cname in implies:
            if cname not in contexts:
                raise _fail(
                    path,
                    f"{where}.implies",
                    f"unknown context {cname!r}; defined contexts: {', '.join(sorted(contexts))}",
                )
        terms = _compile_groups(path, where, [group], languages, gap)
        if companions_raw is None:
            companions_raw = []
        elif not isinstance(companions_raw, list):
            companions_raw = [companions_raw]
        companions = tuple(
            _compile_groups(path, f"{where}.with[{i}]", [g], languages, gap)
            for i, g in enumerate(companions_raw)
        )
        concepts.append(Concept(str(name), terms, tuple(str(c) for c in implies), companions))

    topics_raw = data.get("topics")
    if not isinstance(topics_raw, list) or not topics_raw:
        raise _fail(path, "topics", "expected a non-empty list of topics")
    topics: list[TopicDef] = []
    seen: set[str] = set()
    for ti, item in enumerate(topics_raw):
        if not isinstance(item, dict):
            raise _fail(path, f"topics[{ti}]", "expected a mapping")
        tid = item.get("id")
        if not isinstance(tid, str) or not tid.isidentifier():
            raise _fail(path, f"topics[{ti}].id", f"expected an identifier, got {tid!r}")
        where = f"topic {tid!r}"
        if tid in seen:
            raise _fail(path, where, "duplicate topic id")
        seen.add(tid)
        unknown = sorted(set(item) - _TOPIC_KEYS)
        if unknown:
            raise _fail(
                path,
                where,
                f"unknown key(s) {', '.join(map(repr, unknown))}; "
                f"known keys are: {', '.join(sorted(_TOPIC_KEYS))}",
            )
        title = item.get("title")
        if not isinstance(title, dict):
            raise _fail(path, f"{where}.title", "expected a mapping with en and ru")
        require = []
        for ci, cname in enumerate(item.get("require") or []):
            if cname not in contexts:
                raise _fail(
                    path,
                    f"{where}.require[{ci}]",
                    f"unknown context {cname!r}; defined contexts: {', '.join(sorted(contexts))}",
                )
            require.append(contexts[cname])
        topics.append(
            TopicDef(
                id=tid,
                title_en=_text(path, f"{where}.title.en", title.get("en")),
                title_ru=_text(path, f"{where}.title.ru", title.get("ru")),
                description=_text(path, f"{where}.description", item.get("description")),
                threshold=_number(path, f"{where}.threshold", item.get("threshold")),
                terms=_compile_groups(path, f"{where}.terms", item.get("terms"), languages, gap),
                negative=_compile_groups(
                    path, f"{where}.negative", item.get("negative"), languages, gap
                ),
                require=tuple(require),
                implies=_topic_ids(path, f"{where}.implies", item.get("implies")),
                min_share=_min_share(path, where, item.get("min_share")),
            )
        )
        if not any(ts.terms for ts in topics[-1].terms.values()):
            raise _fail(path, f"{where}.terms", "the topic has no terms")

    for t in topics:
        for other in t.implies:
            if other not in seen or other == t.id:
                raise _fail(
                    path,
                    f"topic {t.id!r}.implies",
                    f"unknown topic {other!r}; topics: {', '.join(sorted(seen - {t.id}))}",
                )

    digest = hashlib.sha256()
    digest.update(raw_text.encode("utf-8"))
    digest.update(f"{','.join(languages)}|{gap}".encode())
    for c in concepts:
        for lang in languages:
            compiled_c = [(x.lemmas, x.prefix) for x in c.terms[lang].terms]
            for i, group in enumerate(c.companions):
                compiled_c += [(f"with{i}", x.lemmas, x.prefix) for x in group[lang].terms]
            digest.update(json.dumps([c.name, c.implies, compiled_c], ensure_ascii=False).encode())
    for t in topics:
        for lang in languages:
            compiled = [
                (x.lemmas, x.weight, x.prefix, str(x.period), x.shared) for x in t.terms[lang].terms
            ]
            compiled += [(x.lemmas, -x.weight, x.prefix) for x in t.negative[lang].terms]
            digest.update(json.dumps(compiled, ensure_ascii=False).encode())
    return Taxonomy(
        topics=tuple(topics),
        title_weight=title_weight,
        max_count=max_count,
        source=str(path),
        digest=digest.hexdigest(),
        concepts=tuple(concepts),
        story=story,
    )


def _topic_ids(path: Path, where: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, where, "expected a list of topic ids")
    return tuple(value)


def _period(path: Path, where: str, value: Any) -> tuple[dt.date, dt.date] | None:
    """``{from: DATE, to: DATE}`` -> (first, last) day, inclusive."""
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"from", "to"}:
        raise _fail(path, where, "expected a mapping with 'from' and 'to' dates")
    days = []
    for key in ("from", "to"):
        v = value[key]
        if isinstance(v, str):
            try:
                v = dt.date.fromisoformat(v.strip())
            except ValueError:
                raise _fail(
                    path, f"{where}.{key}", f"expected a date YYYY-MM-DD, got {v!r}"
                ) from None
        if not isinstance(v, dt.date) or isinstance(v, dt.datetime):
            raise _fail(path, f"{where}.{key}", f"expected a date YYYY-MM-DD, got {v!r}")
        days.append(v)
    if days[0] > days[1]:
        raise _fail(path, where, "'from' is after 'to'")
    return days[0], days[1]


def _story_rule(path: Path, value: Any) -> StoryRule:
    if value is None:
        return StoryRule()
    if not isinstance(value, dict) or set(value) - _STORY_KEYS:
        raise _fail(
            path, "settings.story", f"expected a mapping with {', '.join(sorted(_STORY_KEYS))}"
        )
    rule = StoryRule()
    min_others = value.get("min_others", rule.min_others)
    if isinstance(min_others, bool) or not isinstance(min_others, int) or min_others < 1:
        raise _fail(
            path, "settings.story.min_others", f"expected a whole number >= 1, got {min_others!r}"
        )
    shares = {}
    for key in ("min_share", "min_own_score"):
        v = _number(path, f"settings.story.{key}", value.get(key, getattr(rule, key)))
        if not 0 < v <= 1:
            raise _fail(path, f"settings.story.{key}", f"expected a number in (0, 1], got {v!r}")
        shares[key] = v
    return StoryRule(min_others=min_others, **shares)


# ---------------------------------------------------------------------------- scoring


def _counts(ts: TermSet | None, text: TextAnalysis) -> tuple[dict[Term, int], dict[Term, int]]:
    if ts is None or not ts.terms:
        return {}, {}
    body = ts.count(text.sentence_lemmas)
    title = ts.count([text.title_lemmas]) if text.title_lemmas else {}
    return body, title


def _in_period(t: Term, date: dt.date | None) -> bool:
    """A term of a dated group counts only in an article published within its period."""
    if t.period is None:
        return True
    return date is not None and t.period[0] <= date <= t.period[1]


def _dated(counts: dict[Term, int], date: dt.date | None) -> dict[Term, int]:
    return {t: n for t, n in counts.items() if _in_period(t, date)}


def _counted(
    body: dict[Term, int], title: dict[Term, int], tw: float
) -> tuple[dict[Term, float], dict[tuple[str, int], tuple[float, float]]]:
    """Each matched term's count (a title match counting ``tw`` times), and for each group
    with a ``max_count`` its weight and its terms' counts added up."""
    counts = {t: body.get(t, 0) + tw * title.get(t, 0) for t in set(body) | set(title)}
    groups: dict[tuple[str, int], tuple[float, float]] = {}
    for t, n in counts.items():
        if t.shared is not None:
            groups[t.shared] = (t.weight, groups.get(t.shared, (t.weight, 0.0))[1] + n)
    return counts, groups


def _sum(body: dict[Term, int], title: dict[Term, int], tw: float, cap: int) -> float:
    """Each term's weight x its count (capped); the terms of a group with a ``max_count``
    share that cap (their counts are added first)."""
    counts, groups = _counted(body, title, tw)
    total = 0.0
    for t, n in counts.items():
        if t.shared is None:
            total += t.weight * min(n, cap)
    for (_, group_cap), (weight, n) in groups.items():
        total += weight * min(n, group_cap)
    return total


@dataclass(frozen=True)
class TopicScore:
    """The raw outcome for one topic (also for topics not assigned): for evaluation."""

    topic: str
    score: float
    threshold: float
    missing_context: tuple[str, ...]  # required contexts with no match
    evidence: tuple[Evidence, ...]
    negative: tuple[Evidence, ...]
    context_evidence: tuple[Evidence, ...] = ()  # knowledge that satisfied a context
    implied_by: tuple[Evidence, ...] = ()  # assigned topics that imply this one
    # (sentences with a term, sentences) when below the topic's ``min_share`` with no term
    # in the title: a passing mention, not assigned on its own terms
    passing: tuple[int, int] | None = None

    @property
    def own(self) -> bool:
        """Assigned on the article's own terms and contexts."""
        return (
            not self.missing_context
            and bool(self.evidence)
            and self.score >= self.threshold
            and self.passing is None
        )

    @property
    def assigned(self) -> bool:
        return self.own or bool(self.implied_by)

    def match(self, extra: tuple[Evidence, ...] = ()) -> TopicMatch:
        """The assignment, its evidence the matched terms, then the knowledge used."""
        return TopicMatch(
            self.topic,
            self.score,
            (*self.evidence, *self.context_evidence, *self.implied_by, *extra),
        )


def _evidence(body: dict[Term, int], title: dict[Term, int]) -> tuple[Evidence, ...]:
    """The matched terms with their counts (title and body), most frequent first."""
    merged: dict[str, int] = {}
    for t in set(body) | set(title):
        merged[t.display] = merged.get(t.display, 0) + body.get(t, 0) + title.get(t, 0)
    return tuple(Evidence(k, v) for k, v in sorted(merged.items(), key=lambda kv: (-kv[1], kv[0])))


def _scored_evidence(
    body: dict[Term, int], title: dict[Term, int], tw: float, cap: int
) -> tuple[Evidence, ...]:
    """The matched terms with their counts, ordered by what they add to the score (weight x
    capped count; a capped group's share split by its terms' counts), then by count: a
    capped term said seven times does not lead a term that weighs more."""
    merged: dict[str, int] = {}
    share: dict[str, float] = {}
    counts, groups = _counted(body, title, tw)
    for t, n in counts.items():
        if t.shared is None:
            part = t.weight * min(n, cap)
        else:
            group_n = groups[t.shared][1]
            part = t.weight * min(group_n, t.shared[1]) * n / group_n
        merged[t.display] = merged.get(t.display, 0) + body.get(t, 0) + title.get(t, 0)
        share[t.display] = share.get(t.display, 0.0) + part
    order = sorted(merged, key=lambda k: (-round(share[k], 6), -merged[k], k))
    return tuple(Evidence(k, merged[k]) for k in order)


def topic_scores(
    text: TextAnalysis, taxonomy: Taxonomy, date: dt.date | None = None
) -> tuple[TopicScore, ...]:
    """Score every topic of the taxonomy (assigned or not), in taxonomy order. Pure.

    ``date`` is the publication date: it satisfies a context that has a ``period``.
    """
    lang = text.language
    tw, cap = taxonomy.title_weight, taxonomy.max_count
    out: list[TopicScore] = []
    for topic in taxonomy.topics:
        missing: list[str] = []
        known: list[Evidence] = []
        for context in topic.require:
            ok, why = context.check(text, tw, taxonomy.concepts, date)
            if ok:
                known.extend(why)
            else:
                missing.append(context.name)
        body, title = (_dated(c, date) for c in _counts(topic.terms.get(lang), text))
        nbody, ntitle = (_dated(c, date) for c in _counts(topic.negative.get(lang), text))
        score = _sum(body, title, tw, cap) - _sum(nbody, ntitle, tw, cap)
        out.append(
            TopicScore(
                topic=topic.id,
                score=round(score, 2),
                threshold=topic.threshold,
                missing_context=tuple(missing),
                evidence=_scored_evidence(body, title, tw, cap),
                negative=_scored_evidence(nbody, ntitle, tw, cap),
                context_evidence=tuple(known),
                passing=(
                    _passing(topic, text, date)
                    if body and not title and not missing and score >= topic.threshold
                    else None
                ),
            )
        )
    return _implications(out, taxonomy)


def _passing(topic: TopicDef, text: TextAnalysis, date: dt.date | None) -> tuple[int, int] | None:
    """(sentences with one of the topic's terms, sentences) when that share is below the
    topic's ``min_share``: the topic is mentioned in passing ("… as in January, when CSTO
    troops were deployed" in a report on flights or an embassy's advice); else ``None``."""
    terms = topic.terms.get(text.language)
    n = len(text.sentence_lemmas)
    if not topic.min_share or terms is None or not n:
        return None
    hits = sum(1 for seq in text.sentence_lemmas if _dated(terms.count([seq]), date))
    return (hits, n) if hits < topic.min_share * n else None


def _implications(scores: list[TopicScore], taxonomy: Taxonomy) -> tuple[TopicScore, ...]:
    """Mark topics implied by assigned topics (to a fixed point; the taxonomy is small)."""
    by_id = {s.topic: i for i, s in enumerate(scores)}
    changed = True
    while changed:
        changed = False
        for topic, s in zip(taxonomy.topics, list(scores), strict=True):
            if not s.assigned:
                continue
            for other in topic.implies:
                j = by_id[other]
                why = Evidence(f"implied by: {topic.title_en}", 1)
                if why not in scores[j].implied_by and not scores[j].own:
                    scores[j] = replace(scores[j], implied_by=(*scores[j].implied_by, why))
                    changed = True
    return tuple(scores)


def score_topics(
    text: TextAnalysis, taxonomy: Taxonomy, date: dt.date | None = None
) -> tuple[TopicMatch, ...]:
    """Topics whose score reaches their threshold, best first, each with its evidence.

    Evidence lists the positive terms that matched (as written in the taxonomy) with how
    often they occur in the title and body together, those adding most to the score first
    (weight x capped count), then the most frequent; then the
    knowledge that satisfied a required context (an implied concept, the publication date
    within the context's period). Pure; no I/O.
    """
    matches = [s.match() for s in topic_scores(text, taxonomy, date) if s.assigned]
    matches.sort(key=lambda m: (-m.score, m.topic))
    return tuple(matches)


# ---------------------------------------------------------------------------- stories


def story_evidence_label(carrying: int, reports: int) -> str:
    """The evidence entry of a topic lent by the story: ``story: 3 of 4 reports``."""
    return f"story: {carrying} of {reports} reports"


def apply_story_evidence(
    analyses: Sequence[Analysis], story_of: Mapping[str, str], taxonomy: Taxonomy
) -> tuple[Analysis, ...]:
    """Lend a topic to a report from the other reports of its story. Pure.

    A report without topic T gets T when its story has at least ``story.min_others``
    other reports, at least ``story.min_share`` of them carry T (as scored from their own
    text: the rule does not cascade), and the report has weaker evidence of its own: at
    least one of T's terms and a score of at least ``story.min_own_score`` x T's
    threshold. The story stands in for the contexts the report does not name. The added
    match keeps the report's own score and evidence, plus ``story: k of n reports`` (k
    reports of the story's n carry T). ``analyses`` keep their order; reports without a
    story are unchanged.
    """
    rule = taxonomy.story
    members: dict[str, list[Analysis]] = {}
    for a in analyses:
        sid = story_of.get(a.id)
        if sid is not None:
            members.setdefault(sid, []).append(a)
    thresholds = {t.id: t.threshold for t in taxonomy.topics}
    out = []
    for a in analyses:
        group = members.get(story_of.get(a.id, ""), [])
        others = [b for b in group if b.id != a.id]
        if len(others) < rule.min_others:
            out.append(a)
            continue
        have = set(a.topic_ids)
        lent: list[TopicMatch] = []
        scores = None
        for tid in thresholds:
            if tid in have:
                continue
            carrying = sum(tid in b.topic_ids for b in others)
            if carrying < rule.min_share * len(others):
                continue
            if scores is None:
                scores = {s.topic: s for s in topic_scores(a.text, taxonomy, a.article.date)}
            own = scores[tid]
            if not own.evidence or own.score < rule.min_own_score * thresholds[tid]:
                continue
            label = story_evidence_label(carrying, len(group))
            lent.append(own.match((Evidence(label, 1),)))
        if not lent:
            out.append(a)
            continue
        topics = sorted((*a.topics, *lent), key=lambda m: (-m.score, m.topic))
        out.append(replace(a, topics=tuple(topics)))
    return tuple(out)
