"""Extractive summaries: TextRank with a lead bias per article, MMR across articles.

``summarize`` (one article):

1. Candidates: whole sentences. A sentence that repeats the headline (most of its content
   lemmas are the headline's) is never chosen. Sentences are tiered: ordinary statements
   first; then questions, quoted speech (starts with a quote mark or a dialogue dash, or
   is part of a quotation that spans sentences) and lines without a final full stop
   (headline-like); then short fragments (< 5 words).
   A lower tier is only used when the higher ones hold fewer than two sentences.
2. Similarity of two sentences: shared content lemmas / (log |A| + log |B|) (TextRank,
   Mihalcea & Tarau 2004). Content lemmas: at least 3 letters, not a stopword, not a
   number.
3. PageRank (damping 0.85) with a personalised jump vector: a lead bias 1/(1 + position)
   (news put the gist first) plus the sentence's overlap with the headline.
4. Best first, skipping a sentence too similar to one already chosen; the chosen ones are
   returned in document order.

``overview`` (a topic): Maximal Marginal Relevance (Carbonell & Goldstein 1998) over the
candidate sentences of several articles: relevance is the cosine similarity to the
candidates' lemma centroid times the caller's weight; redundancy the highest cosine to a
sentence already chosen. Near-duplicates are dropped, at most two sentences per article,
each result cites its article.

Everything is deterministic: ties go to the earlier sentence (then article id, text).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.models import Citation

MIN_WORDS = 5
DAMPING = 0.85
ITERATIONS = 100
TOLERANCE = 1e-9
HEADLINE_OVERLAP = 0.75  # share of a sentence's content lemmas found in the headline
REDUNDANT = 0.6  # Jaccard overlap above which a second sentence adds nothing
NEAR_DUPLICATE = 0.8  # cosine: the same sentence from another article
PER_ARTICLE = 2
_QUOTE_OPENERS = "«\"“„‘'–—-"
_TERMINATORS = '.!…»"”)'


def content_lemmas(lemmas: Sequence[str], stopwords: frozenset[str] = frozenset()) -> set[str]:
    """Lemmas that carry content: 3+ characters, with a letter, not a stopword."""
    return {
        lem for lem in lemmas if len(lem) >= 3 and not lem[0].isdigit() and lem not in stopwords
    }


def _word_count(lemmas: Sequence[str]) -> int:
    return sum(1 for lem in lemmas if lem and not lem[0].isdigit())


def _quote_states(sentences: Sequence[str]) -> list[bool]:
    """For each sentence: does it start or end inside quoted speech that spans sentences?"""
    states = []
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
        states.append(started_inside or depth > 0)
        if sentence.rstrip()[-1:] not in '»"“”':
            continue
        depth = 0  # a sentence that ends with a closing quote closes everything
    return states


def _tier(sentence: str, lemmas: Sequence[str], in_quote: bool) -> int:
    text = sentence.strip()
    if _word_count(lemmas) < MIN_WORDS:
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


def _pagerank(weights: list[list[float]], jump: list[float]) -> list[float]:
    """Weighted PageRank with a personalised jump vector (power iteration, stops early)."""
    size = len(weights)
    total = sum(jump) or 1.0
    jump = [j / total for j in jump]
    out_sums = [sum(row) for row in weights]
    incoming: list[list[tuple[int, float]]] = [[] for _ in range(size)]
    for j, row in enumerate(weights):
        if out_sums[j]:
            for i, w in enumerate(row):
                if w:
                    incoming[i].append((j, w / out_sums[j]))
    dangling_nodes = [j for j in range(size) if not out_sums[j]]
    rank = jump[:]
    for _ in range(ITERATIONS):
        dangling = sum(rank[j] for j in dangling_nodes)
        new = [
            (1 - DAMPING) * jump[i]
            + DAMPING * (sum(rank[j] * w for j, w in incoming[i]) + dangling * jump[i])
            for i in range(size)
        ]
        change = sum(abs(a - b) for a, b in zip(new, rank, strict=True))
        rank = new
        if change < TOLERANCE:
            break
    return rank


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def summarize(
    sentences: Sequence[str],
    sentence_lemmas: Sequence[Sequence[str]],
    n: int = 3,
    title_lemmas: Sequence[str] = (),
    stopwords: frozenset[str] = frozenset(),
) -> list[str]:
    """Up to ``n`` whole sentences of the article, in document order (module docstring)."""
    if len(sentences) != len(sentence_lemmas):
        raise ValueError("sentences and sentence_lemmas differ in length")
    title = content_lemmas(title_lemmas, stopwords)
    contents = [content_lemmas(lemmas, stopwords) for lemmas in sentence_lemmas]
    eligible = [
        i
        for i, sentence in enumerate(sentences)
        if sentence.strip() and contents[i] and not _repeats_headline(contents[i], title)
    ]
    if not eligible or n <= 0:
        return []
    size = len(eligible)
    weights = [
        [_textrank_weight(contents[a], contents[b]) if a != b else 0.0 for b in eligible]
        for a in eligible
    ]
    jump = [
        1.0 / (1 + rank) + (len(contents[i] & title) / len(contents[i]) if title else 0.0)
        for rank, i in enumerate(eligible)
    ]
    scores = (
        dict(zip(eligible, _pagerank(weights, jump), strict=True))
        if size > 1
        else {eligible[0]: 1.0}
    )
    quoted = _quote_states(sentences)
    tiers = {i: _tier(sentences[i], sentence_lemmas[i], quoted[i]) for i in eligible}
    chosen: list[int] = []
    for tier in (0, 1, 2):
        if len(chosen) >= min(2, n) and tier > 0:
            break
        ranked = sorted((i for i in eligible if tiers[i] == tier), key=lambda i: (-scores[i], i))
        for i in ranked:
            if len(chosen) == n:
                break
            if any(_jaccard(contents[i], contents[j]) > REDUNDANT for j in chosen):
                continue
            chosen.append(i)
    return [sentences[i].strip() for i in sorted(chosen)]


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
    contents = [content_lemmas(c.lemmas, stopwords) for c in pool]
    keep = [i for i, content in enumerate(contents) if content]
    if not keep or n <= 0:
        return []
    centroid = Counter(lem for i in keep for lem in contents[i])
    norm = math.sqrt(sum(v * v for v in centroid.values()))

    def relevance(i: int) -> float:
        overlap = sum(centroid[lem] for lem in contents[i])
        return pool[i].weight * overlap / (norm * math.sqrt(len(contents[i])))

    rel = {i: relevance(i) for i in keep}
    chosen: list[int] = []
    per_article: Counter = Counter()
    remaining = set(keep)
    while remaining and len(chosen) < n:
        best, best_score = None, -math.inf
        for i in sorted(remaining, key=lambda i: (pool[i].article_id, pool[i].sentence)):
            redundancy = max((_cosine(contents[i], contents[j]) for j in chosen), default=0.0)
            score = lambda_ * rel[i] - (1 - lambda_) * redundancy
            if score > best_score:
                best, best_score = i, score
        assert best is not None
        remaining.discard(best)
        if per_article[pool[best].article_id] >= PER_ARTICLE:
            continue
        if any(_cosine(contents[best], contents[j]) >= NEAR_DUPLICATE for j in chosen):
            continue
        chosen.append(best)
        per_article[pool[best].article_id] += 1
    return [
        Citation(sentence=pool[i].sentence.strip(), article_id=pool[i].article_id) for i in chosen
    ]
