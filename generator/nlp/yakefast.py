"""YAKE keyword scores, computed as ``yake.KeywordExtractor`` 0.7 does with its own
deduplication off (``dedup_lim >= 1``), with plain dicts instead of its object graph.

The library builds a ``SingleWord`` object, a networkx ``DiGraph`` edge and a
``ComposedWord`` object per word occurrence and n-gram, which made it half of the analysis
stage's CPU time. This module keeps the library's text handling (``pre_filter``,
``tokenize_sentences`` and ``get_tag`` are imported from it) and its formulas, in the same
order of floating-point operations, so the ranked list is the same: same phrases, same
scores, same order (``tests/test_keywords.py`` compares both on real articles).

Per term (a lower-cased word, a trailing ``s`` dropped from words of 4+ letters):
``H = wpos * wrel / (wcase + wfreq / wrel + wspread / wrel)``; per candidate n-gram (up to
``n`` words inside a block of words not broken by punctuation): the product of its terms'
``H`` over ``tf * (1 + sum)``, with stopwords inside weighted by the co-occurrence
probabilities of their neighbours ("bi" weighting). Lower is better.
"""

from __future__ import annotations

import functools
import math
import string
from collections.abc import Iterable

_EXCLUDE = frozenset(string.punctuation)
_PUNCTUATION = string.punctuation
_DISCARD = frozenset({"u", "d"})


@functools.lru_cache(maxsize=65536)
def _tag(word: str, inside: bool) -> str:
    """YAKE's tag of a word (``d`` digits, ``u`` unusual, ``a`` acronym, ``n`` a capitalised
    word inside a sentence, ``p`` plain); its position only matters as first or not."""
    from yake.data.utils import get_tag

    return get_tag(word, int(inside), _EXCLUDE)


@functools.lru_cache(maxsize=16)
def _stopword_set(language: str, stopwords: frozenset[str]) -> frozenset[str]:
    """The stopword set YAKE would use (its own list for ``language`` when ours is empty)."""
    import yake

    return frozenset(yake.KeywordExtractor(lan=language, stopwords=set(stopwords)).stopword_set)


class _Term:
    __slots__ = ("h", "into", "out", "sentences", "stop", "tf", "tf_a", "tf_n")

    def __init__(self, stop: bool) -> None:
        self.tf = 0.0
        self.tf_a = 0.0
        self.tf_n = 0.0
        self.stop = stop
        self.sentences: list[int] = []  # distinct sentence ids, ascending
        self.out: dict[int, float] = {}  # id(right term) -> co-occurrence count
        self.into: dict[int, float] = {}  # id(left term) -> co-occurrence count
        self.h = 0.0


class _Candidate:
    __slots__ = ("h", "terms", "tf", "valid_tag")

    def __init__(self, terms: tuple[_Term, ...]) -> None:
        self.terms = terms
        self.tf = 0.0
        self.valid_tag = False  # some occurrence has no 'u' (unusual) or 'd' (digit) tag
        self.h = 1.0


def _median(values: list[int]) -> float:
    """``numpy.median`` of ascending integers (the mean of the two middle ones if even)."""
    k = len(values)
    mid = k // 2
    if k % 2:
        return float(values[mid])
    return (values[mid - 1] + values[mid]) / 2.0


def yake_keywords(
    text: str, language: str, stopwords: Iterable[str], n: int = 3, top: int = 20
) -> list[tuple[str, float]]:
    """``(lower-case phrase, score)`` for the ``top`` best candidates, best first."""
    import numpy as np
    from yake.data.utils import pre_filter, tokenize_sentences

    if not text:
        return []
    stopword_set = _stopword_set(language, frozenset(stopwords))
    sentences = tokenize_sentences(pre_filter(text.replace("\n", " ")))
    terms: dict[str, _Term] = {}
    candidates: dict[str, _Candidate] = {}
    for sentence_id, sentence in enumerate(sentences):
        block: list[tuple[str, str, _Term]] = []  # (tag, word, term) since the last punctuation
        for pos_sent, word in enumerate(sentence):
            if not word.strip(_PUNCTUATION):  # punctuation only: a block ends
                block = []
                continue
            tag = _tag(word, pos_sent > 0)
            unique = word.lower()
            simple_stop = unique in stopword_set
            if unique.endswith("s") and len(unique) > 3:
                unique = unique[:-1]
            term = terms.get(unique)
            if term is None:
                bare = unique
                for ch in _EXCLUDE:
                    bare = bare.replace(ch, "")
                term = terms[unique] = _Term(simple_stop or unique in stopword_set or len(bare) < 3)
            if not term.sentences or term.sentences[-1] != sentence_id:
                term.sentences.append(sentence_id)
            term.tf += 1.0
            if tag == "a":
                term.tf_a += 1.0
            elif tag == "n":
                term.tf_n += 1.0
            if tag not in _DISCARD and block and block[-1][0] not in _DISCARD:
                left = block[-1][2]
                left.out[id(term)] = left.out.get(id(term), 0.0) + 1.0
                term.into[id(left)] = term.into.get(id(left), 0.0) + 1.0
            # candidates ending here: this word, then with up to n-1 words before it
            phrase = word
            ok = tag not in _DISCARD  # no 'u' (unusual) or 'd' (digit) word in the phrase
            back = len(block)
            while True:
                key = phrase.lower()
                cand = candidates.get(key)
                if cand is None:
                    chain = (*(b[2] for b in block[back:]), term)
                    cand = candidates[key] = _Candidate(chain)
                cand.tf += 1.0
                if ok:
                    cand.valid_tag = True
                back -= 1
                if back < 0 or len(block) - back >= n:
                    break
                b_tag, b_word, _ = block[back]
                phrase = f"{b_word} {phrase}"
                ok = ok and b_tag not in _DISCARD
            block.append((tag, word, term))

    valid_tfs = np.array([t.tf for t in terms.values() if not t.stop])
    if valid_tfs.size:
        avg_tf = valid_tfs.mean()
        std_tf = valid_tfs.std()
        max_tf = max(t.tf for t in terms.values())
        number_of_sentences = len(sentences)
        for t in terms.values():
            wdr = len(t.out)
            wir = sum(t.out.values())
            pwr = 0 if wir == 0 else wdr / wir
            wdl = len(t.into)
            wil = sum(t.into.values())
            pwl = 0 if wil == 0 else wdl / wil
            wrel = (0.5 + (pwl * (t.tf / max_tf))) + (0.5 + (pwr * (t.tf / max_tf)))
            wfreq = t.tf / (avg_tf + std_tf)
            wspread = len(t.sentences) / number_of_sentences
            wcase = max(t.tf_a, t.tf_n) / (1.0 + math.log(t.tf))
            wpos = math.log(math.log(3.0 + _median(t.sentences)))
            t.h = (wpos * wrel) / (wcase + (wfreq / wrel) + (wspread / wrel))

    valid = []
    for key, cand in candidates.items():
        chain = cand.terms
        if not cand.valid_tag or chain[0].stop or chain[-1].stop:
            continue
        sum_h = 0.0
        prod_h = 1.0
        for k, term in enumerate(chain):
            if not term.stop:
                sum_h += term.h
                prod_h *= term.h
                continue
            prob_t1 = 0.0
            if k > 0 and id(term) in chain[k - 1].out:
                prob_t1 = chain[k - 1].out[id(term)] / chain[k - 1].tf
            prob_t2 = 0.0
            if k < len(chain) - 1 and id(chain[k + 1]) in term.out:
                prob_t2 = term.out[id(chain[k + 1])] / chain[k + 1].tf
            prob = prob_t1 * prob_t2
            prod_h *= 1 + (1 - prob)
            sum_h -= 1 - prob
        cand.h = prod_h / ((sum_h + 1) * cand.tf)
        valid.append((key, cand))
    valid.sort(key=lambda kc: kc[1].h)
    return [(key, cand.h) for key, cand in valid[:top]]
