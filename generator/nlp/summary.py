"""Extractive summaries: TextRank with a lead bias per article, MMR across articles.

``summarize`` (one article):

1. Candidates: whole sentences. A sentence that repeats the headline (most of its content
   lemmas are the headline's) is never chosen, nor one longer than ``MAX_SENTENCE_CHARS``
   (a paragraph the splitter could not cut is not a summary sentence). Sentences are
   tiered: ordinary statements first; then questions, quoted speech (starts with a quote
   mark or a dialogue dash, or is part of a quotation that spans sentences) and lines
   without a final full stop (headline-like); then short fragments (< 5 words).
   A lower tier is only used when the higher ones hold fewer than two sentences.
2. Similarity of two sentences: shared content lemmas / (log |A| + log |B|) (TextRank,
   Mihalcea & Tarau 2004). Content lemmas: at least 3 letters, not a stopword, not a
   number.
3. PageRank (damping 0.85) with a personalised jump vector: a lead bias 1/(1 + position)
   (news put the gist first) plus the sentence's overlap with the headline.
4. Best first, skipping a sentence that states the same fact as one already chosen
   (``same_fact``); the chosen ones are returned in document order.
5. Anaphora: a sentence that opens by pointing back ("По его словам, …", "Об этом
   сообщил …", "Про це, 10 січня, …", "Оның айтуынша, …", "He said …") is chosen only
   together with its antecedent, the sentence just before it in the article (and that
   one's antecedent if it points back too); both are kept, in order, and both count
   against ``n``. The antecedent must be a candidate itself of at least 5 words (not the
   repeated headline, not a caption fragment, not the tail of a quotation that began in
   an earlier sentence); a pointing-back sentence without one (the
   article's first) is never chosen. Within a tier, a sentence that adds only itself (it
   stands alone, or its antecedent is already chosen) goes before one that must bring its
   antecedent along. The openers are regular expressions per language
   (``summary_openers`` in ``config/languages/<code>.yml``), matched at the sentence start.

Same fact (``same_fact``, used here and by the overview): two sentences state the same
fact when at least ``SAME_FACT_OVERLAP`` (60 %) of the smaller one's content lemmas are in
the other (overlap coefficient), or when they share a quantity (a number that is not a
year, with the lemma of the word after it: "30 день", so "30 дней" is not "30 ноября") and
a name (a capitalised word inside the sentence, or an acronym) and at least
``SAME_FACT_SHARED`` (30 %) of the smaller one's content lemmas ("… просьба … Токаева
дать поручение о завершении миротворческой миссии ОДКБ в Казахстане с 13 января" /
"Ранее Токаев сообщил, что вывод миротворцев из Казахстана начнется 13 января …").

Long articles (bounded cost): the TextRank graph has at most ``MAX_GRAPH_NODES`` (100)
nodes, so at most 100 x 99 weighted edges, whatever the article's length. When an article
has more eligible sentences, the nodes are the top ``MAX_GRAPH_NODES`` by a linear
pre-score: lead bias 1/(1 + position) + headline overlap + centrality (the mean share of
the article's sentences that contain each of the sentence's content lemmas). Everything
else is linear in the number of sentences (one pass each), so a summary of a 2 MB article
costs about what a 100-sentence article's graph costs plus a pass over its lemmas.
Articles of up to 100 eligible sentences are summarised exactly as without the bound.

``overview`` (a topic): Maximal Marginal Relevance (Carbonell & Goldstein 1998) over the
candidate sentences of several articles: relevance is the cosine similarity to the
candidates' lemma centroid times the caller's weight; redundancy the highest cosine to a
sentence already chosen. A candidate stating the same fact as a chosen one (``same_fact``)
is dropped, at most two per article, each result cites its article. ``summary_units``
turns an article's summary into overview candidates: a pointing-back sentence is joined
to its antecedent (one citation), or dropped if its antecedent is not in the summary.

Everything is deterministic: ties go to the earlier sentence (then article id, text).
"""

from __future__ import annotations

import functools
import heapq
import math
import operator
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from generator.models import Citation
from generator.nlp.tokens import words

MIN_WORDS = 5
DAMPING = 0.85
ITERATIONS = 100
TOLERANCE = 1e-9
HEADLINE_OVERLAP = 0.75  # share of a sentence's content lemmas found in the headline
SAME_FACT_OVERLAP = 0.6  # overlap coefficient of content lemmas: the same statement
SAME_FACT_SHARED = 0.3  # ... enough when a number and a name are shared as well
MAX_GRAPH_NODES = 100  # sentences in the TextRank graph (long articles: top by pre-score)
MAX_SENTENCE_CHARS = 1000  # longer "sentences" are unsplit paragraphs: never chosen
PER_ARTICLE = 2
DEFAULT_LANGUAGE_DIR = Path(__file__).resolve().parents[2] / "config" / "languages"
_QUOTE_OPENERS = "«\"“„‘'–—-"
_TERMINATORS = '.!…»"”)'
_YEAR_RE = re.compile(r"^(?:1[89]|20)\d\d$")


def content_lemmas(lemmas: Sequence[str], stopwords: frozenset[str] = frozenset()) -> set[str]:
    """Lemmas that carry content: 3+ characters, with a letter, not a stopword."""
    return {
        lem for lem in lemmas if len(lem) >= 3 and not lem[0].isdigit() and lem not in stopwords
    }


def _word_count(lemmas: Sequence[str]) -> int:
    return sum(1 for lem in lemmas if lem and not lem[0].isdigit())


def _quote_flags(sentences: Sequence[str]) -> list[tuple[bool, bool]]:
    """For each sentence: (starts inside quoted speech, starts or ends inside it)."""
    flags = []
    depth = 0
    for sentence in sentences:
        started_inside = depth > 0
        for ch in sentence:
            if ch in "«„":
                depth += 1
            elif ch in "»“":
                depth = max(0, depth - 1)
            elif ch == '"':
                depth = 0 if depth else 1
        flags.append((started_inside, started_inside or depth > 0))
        if sentence.rstrip()[-1:] not in '»"“”':
            continue
        depth = 0  # a sentence that ends with a closing quote closes everything
    return flags


def _quote_states(sentences: Sequence[str]) -> list[bool]:
    """For each sentence: does it start or end inside quoted speech that spans sentences?"""
    return [inside for _, inside in _quote_flags(sentences)]


def _tier(sentence: str, lemmas: Sequence[str], in_quote: bool, quote_tail: bool = False) -> int:
    text = sentence.strip()
    if _word_count(lemmas) < MIN_WORDS or quote_tail:
        return 2
    if (
        in_quote
        or text.endswith("?")
        or text[:1] in _QUOTE_OPENERS
        or text[-1:] not in _TERMINATORS
    ):
        return 1
    return 0


def _repeats_headline(content: set[str], title: set[str]) -> bool:
    if not content or not title:
        return False
    return len(content & title) / len(content) >= HEADLINE_OVERLAP


def _textrank_weight(a: set[str], b: set[str]) -> float:
    shared = len(a & b)
    if not shared or len(a) < 2 or len(b) < 2:
        return float(shared > 0) * 0.5 if shared else 0.0
    return shared / (math.log(len(a)) + math.log(len(b)))


def _pagerank(size: int, edges: Sequence[tuple[int, int, float]], jump: list[float]) -> list[float]:
    """Weighted PageRank with a personalised jump vector (power iteration, stops early)."""
    total = sum(jump) or 1.0
    jump = [j / total for j in jump]
    out_sums = [0.0] * size
    for a, _, w in edges:
        out_sums[a] += w
    sources: list[list[int]] = [[] for _ in range(size)]  # the nodes linking to each node
    weights: list[list[float]] = [[] for _ in range(size)]  # ... and their normalised weights
    for a, b, w in edges:
        sources[b].append(a)
        weights[b].append(w / out_sums[a])
    dangling_nodes = [j for j in range(size) if not out_sums[j]]
    rank = jump[:]
    nodes = list(zip(jump, sources, weights, strict=True))
    for _ in range(ITERATIONS):
        dangling = sum(map(rank.__getitem__, dangling_nodes))
        # the same sums in the same order as a generator over (rank[j] * w), without one
        new = [
            (1 - DAMPING) * jp
            + DAMPING * (sum(map(operator.mul, map(rank.__getitem__, js), ws)) + dangling * jp)
            for jp, js, ws in nodes
        ]
        change = sum(map(abs, map(operator.sub, new, rank)))
        rank = new
        if change < TOLERANCE:
            break
    return rank


Openers = Sequence[re.Pattern[str]]


def leans_back(sentence: str, openers: Openers) -> bool:
    """True if ``sentence`` opens by pointing back at the previous one (an opener matches)."""
    text = sentence.lstrip()
    return any(rx.match(text) for rx in openers)


@dataclass(frozen=True)
class Facts:
    """What ``same_fact`` compares: content lemmas, numbers (not years) and names."""

    content: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]


def sentence_facts(
    sentence: str, lemmas: Sequence[str], stopwords: frozenset[str] = frozenset()
) -> Facts:
    """The facts of one sentence; ``lemmas`` are those of ``words(sentence)``, in order."""
    tokens = words(sentence)
    aligned = len(tokens) == len(lemmas)
    numbers: set[str] = set()
    names: set[str] = set()
    for i, token in enumerate(tokens):
        if token[:1].isdigit():
            if not _YEAR_RE.match(token):  # a quantity with its word: "30 день" != "30 ноябрь"
                unit = lemmas[i + 1] if aligned and i + 1 < len(lemmas) else ""
                numbers.add(f"{token.replace(',', '.')} {unit}".strip())
            continue
        acronym = len(token) > 1 and token.isupper()
        if aligned and (acronym or (i > 0 and token[:1].isupper())):
            names.add(lemmas[i])
    return Facts(frozenset(content_lemmas(lemmas, stopwords)), frozenset(numbers), frozenset(names))


def same_fact(a: Facts, b: Facts) -> bool:
    """Do two sentences state the same fact? (thresholds in the module docstring)"""
    if not a.content or not b.content:
        return False
    overlap = len(a.content & b.content) / min(len(a.content), len(b.content))
    if overlap >= SAME_FACT_OVERLAP:
        return True
    return overlap >= SAME_FACT_SHARED and bool(a.numbers & b.numbers) and bool(a.names & b.names)


def _prescore(eligible: Sequence[int], contents: Sequence[set[str]], title: set[str]) -> list[int]:
    """The ``MAX_GRAPH_NODES`` best eligible sentences by a linear pre-score, in order."""
    if len(eligible) <= MAX_GRAPH_NODES:
        return list(eligible)
    frequency = Counter(lem for i in eligible for lem in contents[i])
    total = len(eligible)

    def score(rank: int, i: int) -> float:
        content = contents[i]
        centrality = sum(frequency[lem] for lem in content) / (total * len(content))
        headline = len(content & title) / len(content) if title else 0.0
        return 1.0 / (1 + rank) + headline + centrality

    best = heapq.nsmallest(
        MAX_GRAPH_NODES, ((-score(rank, i), i) for rank, i in enumerate(eligible))
    )
    return sorted(i for _, i in best)


@dataclass(frozen=True)
class SentenceGraph:
    """The TextRank graph: node sentence indices and weighted edges (a, b, w) by node rank."""

    nodes: tuple[int, ...]
    edges: tuple[tuple[int, int, float], ...]


def sentence_graph(
    eligible: Sequence[int], contents: Sequence[set[str]], title: set[str]
) -> SentenceGraph:
    """At most ``MAX_GRAPH_NODES`` nodes and so at most N x (N - 1) edges (module docstring)."""
    nodes = _prescore(eligible, contents, title)
    sets = [contents[i] for i in nodes]
    # the weight is symmetric: each pair is weighed once, the edges listed in (a, b) order
    weight: dict[tuple[int, int], float] = {}
    for a in range(len(sets)):
        for b in range(a + 1, len(sets)):
            if not sets[a].isdisjoint(sets[b]):
                weight[a, b] = weight[b, a] = _textrank_weight(sets[a], sets[b])
    edges = [(a, b, w) for (a, b), w in sorted(weight.items()) if w]
    return SentenceGraph(tuple(nodes), tuple(edges))


def _antecedents(i: int, leaning: Sequence[bool], usable: Sequence[bool], limit: int) -> list[int]:
    """``i`` and the sentences before it it leans on, first to last; [] if impossible."""
    unit = [i]
    while leaning[unit[0]]:
        j = unit[0] - 1
        if j < 0 or not usable[j] or len(unit) >= limit:
            return []
        unit.insert(0, j)
    return unit


def summarize(
    sentences: Sequence[str],
    sentence_lemmas: Sequence[Sequence[str]],
    n: int = 3,
    title_lemmas: Sequence[str] = (),
    stopwords: frozenset[str] = frozenset(),
    openers: Openers = (),
) -> list[str]:
    """Up to ``n`` whole sentences of the article, in document order (module docstring)."""
    if len(sentences) != len(sentence_lemmas):
        raise ValueError("sentences and sentence_lemmas differ in length")
    title = content_lemmas(title_lemmas, stopwords)
    contents = [content_lemmas(lemmas, stopwords) for lemmas in sentence_lemmas]
    usable = [
        bool(sentence.strip())
        and len(sentence) <= MAX_SENTENCE_CHARS
        and bool(contents[i])
        and not _repeats_headline(contents[i], title)
        for i, sentence in enumerate(sentences)
    ]
    eligible = [i for i, ok in enumerate(usable) if ok]
    if not eligible or n <= 0:
        return []
    graph = sentence_graph(eligible, contents, title)
    if len(graph.nodes) > 1:
        jump = [
            1.0 / (1 + rank) + (len(contents[i] & title) / len(contents[i]) if title else 0.0)
            for rank, i in enumerate(graph.nodes)
        ]
        scores = dict(zip(graph.nodes, _pagerank(len(graph.nodes), graph.edges, jump), strict=True))
    else:
        scores = {graph.nodes[0]: 1.0}
    flags = _quote_flags(sentences)
    quoted = [inside for _, inside in flags]
    tiers = {
        i: _tier(sentences[i], sentence_lemmas[i], quoted[i], flags[i][0]) for i in graph.nodes
    }
    leaning = [leans_back(s, openers) if openers else False for s in sentences]
    # an antecedent is a usable sentence, not a fragment (a caption, "Forum 2 years ago")
    # nor the tail of a quotation opened in an earlier sentence
    antecedent_ok = [
        ok and _word_count(sentence_lemmas[i]) >= MIN_WORDS and not flags[i][0]
        for i, ok in enumerate(usable)
    ]
    facts: dict[int, Facts] = {}

    def facts_of(i: int) -> Facts:
        if i not in facts:
            facts[i] = sentence_facts(sentences[i], sentence_lemmas[i], stopwords)
        return facts[i]

    chosen: list[int] = []
    for tier in (0, 1, 2):
        if len(chosen) >= min(2, n) and tier > 0:
            break
        ranked = sorted((i for i in graph.nodes if tiers[i] == tier), key=lambda i: (-scores[i], i))
        open_ = list(ranked)
        while open_ and len(chosen) < n:
            # the best sentence that adds itself alone (it stands alone, or its antecedent
            # is already chosen); else the best one that brings its antecedent along
            units = [(i, _antecedents(i, leaning, antecedent_ok, n)) for i in open_]
            units = [(i, [j for j in unit if j not in chosen]) for i, unit in units if unit]
            single = next(((i, u) for i, u in units if len(u) == 1), None)
            pick = single or (units[0] if units else None)
            if pick is None:
                break
            i, unit = pick
            open_.remove(i)
            if len(chosen) + len(unit) > n:
                continue
            if any(same_fact(facts_of(j), facts_of(k)) for j in unit for k in chosen):
                continue
            if any(same_fact(facts_of(a), facts_of(b)) for a, b in pairwise(unit)):
                continue
            chosen.extend(unit)
    return [sentences[i].strip() for i in sorted(chosen)]


def summary_units(
    summary: Sequence[str],
    sentences: Sequence[str],
    sentence_lemmas: Sequence[Sequence[str]],
    openers: Openers = (),
) -> list[tuple[str, tuple[str, ...]]]:
    """An article's summary as overview units ``(text, lemmas)``: a sentence leaning on the
    one before it is joined to it when that one is the summary's previous sentence, and
    dropped otherwise (it cannot be cited alone)."""
    position = {s: i for i, s in reversed(list(enumerate(sentences)))}
    units: list[tuple[str, tuple[str, ...]]] = []
    previous = -2
    for sentence in summary:
        i = position.get(sentence, -1)
        lemmas = tuple(sentence_lemmas[i]) if i >= 0 else ()
        if openers and leans_back(sentence, openers):
            if i < 0 or i - 1 != previous or not units:
                previous = -2
                continue
            text, before = units[-1]
            units[-1] = (f"{text} {sentence}", before + lemmas)
        else:
            units.append((sentence, lemmas))
        previous = i
    return units


@dataclass(frozen=True)
class OverviewCandidate:
    """A sentence offered to a topic overview, with the article it comes from."""

    sentence: str
    lemmas: tuple[str, ...]
    article_id: str
    weight: float = 1.0


def _cosine(a: set[str], b: set[str]) -> float:
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def overview(
    candidates: Sequence[OverviewCandidate],
    n: int = 5,
    lambda_: float = 0.7,
    stopwords: frozenset[str] = frozenset(),
) -> list[Citation]:
    """Up to ``n`` cited sentences covering the candidates with little repetition (MMR)."""
    pool = sorted(
        (c for c in candidates if c.sentence.strip()),
        key=lambda c: (c.article_id, c.sentence),
    )
    # a sentence reprinted by many articles is read once (the same lemmas, the same set)
    by_lemmas: dict[tuple[str, ...], set[str]] = {}
    contents = [
        by_lemmas[c.lemmas]
        if c.lemmas in by_lemmas
        else by_lemmas.setdefault(c.lemmas, content_lemmas(c.lemmas, stopwords))
        for c in pool
    ]
    keep = [i for i, content in enumerate(contents) if content]
    if not keep or n <= 0:
        return []
    centroid = Counter(lem for i in keep for lem in contents[i])
    norm = math.sqrt(sum(v * v for v in centroid.values()))

    def relevance(i: int) -> float:
        overlap = sum(centroid[lem] for lem in contents[i])
        return pool[i].weight * overlap / (norm * math.sqrt(len(contents[i])))

    rel = {i: relevance(i) for i in keep}
    known: dict[tuple[str, tuple[str, ...]], Facts] = {}
    facts = {}
    for i in keep:
        key = (pool[i].sentence, pool[i].lemmas)
        if key not in known:
            known[key] = sentence_facts(pool[i].sentence, pool[i].lemmas, stopwords)
        facts[i] = known[key]
    chosen: list[int] = []
    per_article: Counter = Counter()
    remaining = list(keep)  # already in (article id, sentence) order
    # each candidate's redundancy (its highest cosine with a chosen sentence), brought up
    # to date with the last one chosen only: the same maximum as over every chosen one
    redundancy = dict.fromkeys(keep, 0.0)
    while remaining and len(chosen) < n:
        if chosen:
            last = contents[chosen[-1]]
            for i in remaining:
                redundancy[i] = max(redundancy[i], _cosine(contents[i], last))
        best, best_score = remaining[0], -math.inf
        for i in remaining:
            score = lambda_ * rel[i] - (1 - lambda_) * redundancy[i]
            if score > best_score:
                best, best_score = i, score
        chosen.append(best)
        article = pool[best].article_id
        per_article[article] += 1
        remaining = [
            i
            for i in remaining
            if i != best
            and not (pool[i].article_id == article and per_article[article] >= PER_ARTICLE)
            and not same_fact(facts[i], facts[best])
        ]
    return [
        Citation(sentence=pool[i].sentence.strip(), article_id=pool[i].article_id) for i in chosen
    ]


@functools.cache
def _load_openers(language_dir: Path, languages: tuple[str, ...]) -> dict[str, tuple]:
    from generator.languages import load_language_packs

    packs = load_language_packs(language_dir, languages)
    return {code: pack.summary_openers for code, pack in packs.items()}


def load_openers(
    language_dir: Path, languages: Sequence[str]
) -> Mapping[str, tuple[re.Pattern[str], ...]]:
    """``summary_openers`` of each language's pack (``config/languages/<code>.yml``)."""
    return _load_openers(Path(language_dir), tuple(languages))
