"""The analyse stage: ``analyse(article, ctx) -> Analysis``, pure and cacheable.

Two parts with different costs:

* ``analyse_text`` — sentences, lemmas, YAKE keywords, summary, entities. Expensive
  (tens of ms per article), independent of the taxonomy, cached by article content and
  ``ctx.text_fingerprint``.
* ``score_topics`` — cheap, re-run on every build so that a taxonomy change re-scores all
  articles without redoing the expensive part.

``analyse_corpus`` spreads cache misses over a process pool; heavy models load once per
process (the factories in ``generator.nlp`` are cached per process).

Long articles (bounded cost): every step is linear in the article's length. Sentences,
lemmas and topic scores cover the whole text; the summary's sentence graph is bounded
(``generator.nlp.summary.MAX_GRAPH_NODES``); keywords (YAKE) and entities (Natasha) read
the headline and the sentences within the first ``NLP_MAX_CHARS`` characters of the body
(news put the gist first, and both tools cost far more per character than a lemma does).
A 2 MB article is analysed in well under 30 s and 1 GiB (``benchmarks/bench_long.py``).
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import multiprocessing.context
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.cache import AnalysisCache, CacheEntry
from generator.models import Analysis, Article, EntityMention, TextAnalysis, TopicMatch
from generator.nlp.entities import EntityRegistry, extract_entities, load_registry
from generator.nlp.kazakh import text_alphabet, text_to_cyrillic
from generator.nlp.keywords import KeywordRules, extract_keywords, load_keyword_rules
from generator.nlp.language import get_detector
from generator.nlp.lemmas import get_lemmatizer, kazakh_alphabets
from generator.nlp.sentences import split_sentences
from generator.nlp.stopwords import load_stopwords
from generator.nlp.summary import load_openers, summarize
from generator.procs import die_with_parent
from generator.serialize import shared_lemmas
from generator.settings import Settings
from generator.topics import Taxonomy, load_taxonomy, score_topics

# Source files whose behaviour shapes a TextAnalysis: editing any of them invalidates the cache.
_CODE_FILES = ("analyse.py", "nlp")
NLP_MAX_CHARS = 100_000  # body characters read by keywords and entities (long articles)
ALPHABET_SAMPLE = 2000  # body characters that tell a Kazakh text's alphabet
GC_THRESHOLD = 10_000  # young objects before a collection in a pool worker (default 700)


def _code_fingerprint() -> str:
    root = Path(__file__).parent
    h = hashlib.sha256()
    for name in _CODE_FILES:
        p = root / name
        files = sorted(p.rglob("*.py")) if p.is_dir() else [p]
        for f in files:
            h.update(f.relative_to(root).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()


@dataclass(frozen=True)
class AnalysisContext:
    """Everything ``analyse`` needs, loaded once from the settings. Picklable."""

    languages: tuple[str, ...]
    keywords: int
    summary_sentences: int
    stopwords: dict[str, frozenset[str]]
    language_dir: Path
    registry: EntityRegistry
    taxonomy: Taxonomy
    summary_openers: dict[str, tuple] = field(default_factory=dict)
    keyword_rules: dict[str, KeywordRules] = field(default_factory=dict)
    text_fingerprint: str = field(default="")
    topics_fingerprint: str = field(default="")


def load_context(settings: Settings) -> AnalysisContext:
    """Load taxonomy, entity registry and word lists named by the settings."""
    lang_dir = settings.path(settings.language_data)
    stopwords = {code: load_stopwords(code, lang_dir) for code in settings.languages}
    registry = load_registry(settings.path(settings.entities))
    taxonomy = load_taxonomy(settings.path(settings.taxonomy), settings.languages)
    # every word list (abbreviations, stopwords, stemmer exceptions) shapes the analysis
    word_lists = sorted(p for p in lang_dir.glob("*") if p.is_file())
    h = hashlib.sha256()
    for part in (
        _code_fingerprint(),
        ",".join(settings.languages),
        str(settings.analysis.keywords),
        str(settings.analysis.summary_sentences),
        registry.fingerprint(),
        *(f"{k}:{','.join(sorted(v))}" for k, v in sorted(stopwords.items())),
        *(f"{f.name}:{hashlib.sha256(f.read_bytes()).hexdigest()}" for f in word_lists),
    ):
        h.update(part.encode())
        h.update(b"\0")
    return AnalysisContext(
        languages=tuple(settings.languages),
        keywords=settings.analysis.keywords,
        summary_sentences=settings.analysis.summary_sentences,
        stopwords=stopwords,
        language_dir=lang_dir,
        registry=registry,
        taxonomy=taxonomy,
        summary_openers=dict(load_openers(lang_dir, tuple(settings.languages))),
        keyword_rules={code: load_keyword_rules(code, lang_dir) for code in settings.languages},
        text_fingerprint=h.hexdigest(),
        topics_fingerprint=hashlib.sha256(
            (taxonomy.fingerprint() + "\0").encode()
            + (Path(__file__).parent / "topics.py").read_bytes()
        ).hexdigest(),
    )


def article_language(article: Article, ctx: AnalysisContext) -> str:
    """The curated/ingested language, else detected from the text, else the first configured."""
    if article.language in ctx.languages:
        return article.language
    detected = get_detector(ctx.languages).detect(f"{article.title}\n{article.body}")
    return detected or ctx.languages[0]


def leading_sentences(sentences: Sequence[str], max_chars: int) -> list[str]:
    """The first sentences whose lengths add up to at most ``max_chars`` (a first sentence
    longer than that is cut to ``max_chars``)."""
    out: list[str] = []
    total = 0
    for sentence in sentences:
        total += len(sentence) + 1
        if total > max_chars:
            if not out:
                out.append(sentence[:max_chars])
            break
        out.append(sentence)
    return out


def analyse_text(article: Article, ctx: AnalysisContext) -> TextAnalysis:
    """The expensive, taxonomy-independent part of the analysis. No I/O."""
    language = article_language(article, ctx)
    alphabet = (  # Kazakh in Latin or Arabic letters: read in Cyrillic
        text_alphabet(
            f"{article.title}\n{article.body[:ALPHABET_SAMPLE]}", kazakh_alphabets(ctx.language_dir)
        )
        if language == "kk"
        else None
    )
    lemmatizer = get_lemmatizer(language, ctx.language_dir, alphabet.name if alphabet else "")
    stopwords = ctx.stopwords.get(language, frozenset())
    sentences: list[str] = []
    for paragraph in article.paragraphs:
        sentences.extend(
            s for s in split_sentences(paragraph, language, ctx.language_dir) if s.strip()
        )
    sentence_lemmas = tuple(tuple(lemmatizer.lemmas(s)) for s in sentences)
    title_lemmas = tuple(lemmatizer.lemmas(article.title)) if article.title else ()
    head = leading_sentences(sentences, NLP_MAX_CHARS)
    keyword_input = [article.title, *head] if article.title else head
    keywords = extract_keywords(
        keyword_input,
        language,
        lemmatizer,
        stopwords,
        n=ctx.keywords,
        rules=ctx.keyword_rules.get(language),
    )
    summary = summarize(
        sentences,
        sentence_lemmas,
        n=ctx.summary_sentences,
        title_lemmas=title_lemmas,
        stopwords=stopwords,
        openers=ctx.summary_openers.get(language, ()),
    )
    entity_input = [article.title, *head] if article.title else head
    if alphabet is not None:  # (the registry names Kazakh entities in Cyrillic letters)
        entity_input = [text_to_cyrillic(s, alphabet) for s in entity_input]
    entities = extract_entities(entity_input, language, ctx.registry)
    return TextAnalysis(
        language=language,
        sentences=tuple(sentences),
        sentence_lemmas=sentence_lemmas,
        keywords=tuple(keywords),
        summary=tuple(summary),
        entities=tuple(entities),
        title_lemmas=title_lemmas,
    )


def analyse(article: Article, ctx: AnalysisContext) -> Analysis:
    """Analyse one article: a pure function of the article and the context."""
    text = analyse_text(article, ctx)
    topics = score_topics(text, ctx.taxonomy, article.date)
    return Analysis(article=article, text=text, topics=topics)


def cache_key(article: Article, ctx: AnalysisContext) -> str:
    """Content hash of everything ``analyse_text`` reads, plus the context fingerprint."""
    h = hashlib.sha256()
    for part in (ctx.text_fingerprint, article.title, article.body, article.language or ""):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


Mapper = Callable[[Sequence[Article], AnalysisContext], Iterable[TextAnalysis]]


@dataclass(frozen=True)
class CorpusAnalysis:
    analyses: tuple[Analysis, ...]
    hits: int
    misses: int
    analysed_ids: tuple[str, ...]


def _worker_count(requested: int, jobs: int) -> int:
    cores = os.cpu_count() or 1
    n = requested if requested > 0 else cores
    return max(1, min(n, jobs))


def _fork_context() -> multiprocessing.context.BaseContext | None:
    """Fork where available, so workers inherit the models loaded by the warm-up."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def _store(
    cache: AnalysisCache | None,
    key: str,
    text: TextAnalysis,
    topics_key: str,
    topics: tuple[TopicMatch, ...],
) -> None:
    if cache is not None:
        cache.put(key, CacheEntry(text, topics_key, topics))


_POOL_CTX: AnalysisContext | None = None  # a pool worker's context (``_pool_worker_init``)


def _pool_worker_init(parent: int, ctx: AnalysisContext) -> None:
    """A pool worker's start: it dies with the build, keeps ``ctx`` (inherited by a fork)
    for every task instead of unpickling it with each chunk (0.1 s each), and collects
    garbage less often (same results)."""
    global _POOL_CTX
    _POOL_CTX = ctx
    die_with_parent(parent)
    # the models and word lists inherited from the build are never garbage: the collector
    # no longer walks them, and runs less often (its time per article: 2.4 -> 1.1 ms)
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD)


def _analyse_scored(article: Article) -> tuple[TextAnalysis, tuple[TopicMatch, ...]]:
    """In a pool worker: the text analysis and the topic scores (pure, cheap, but 2 ms an
    article that the build would otherwise spend alone after the pool)."""
    ctx = _POOL_CTX
    assert ctx is not None
    text = analyse_text(article, ctx)
    return text, score_topics(text, ctx.taxonomy, article.date)


def analyse_corpus(
    articles: Sequence[Article],
    ctx: AnalysisContext,
    cache: AnalysisCache | None = None,
    workers: int = 0,
    progress: Callable[[int], None] | None = None,
    mapper: Mapper | None = None,
) -> CorpusAnalysis:
    """Analyse many articles: cached analyses are reused, the rest run in a pool.

    ``mapper`` replaces the local process pool, e.g. ``generator.dask_engine.DaskMapper``
    for a cluster: it gets the cache misses and must yield their ``TextAnalysis`` in order.

    Topic scores are cached too, per taxonomy fingerprint: a taxonomy change re-scores
    every article from its cached text analysis (cheap) and analyses nothing again.
    """
    keys = [cache_key(a, ctx) for a in articles]
    # A local cache tells which entries exist by a stat: the pool starts on the others at
    # once and the entries are read and decoded while it works (0.3 s of a weekly rebuild
    # on 1,000 articles, no longer before the pool). A URL cache is read first, as before.
    stored = [cache.stored(k) for k in keys] if cache is not None else [False] * len(keys)
    entries: list[CacheEntry | None] = [None] * len(keys)
    texts: list[TextAnalysis | None] = [None] * len(keys)
    deferred = [i for i, known in enumerate(stored) if known]

    def read(indexes: Sequence[int]) -> None:
        for i in indexes:
            entry = entries[i] = cache.get(keys[i]) if cache is not None else None
            texts[i] = entry.text if entry is not None else None

    pending = deferred  # read once: while the pool works, or at the end

    def read_deferred() -> None:
        nonlocal pending
        read(pending)
        pending = []

    read([i for i, known in enumerate(stored) if known is None])
    todo = [i for i, t in enumerate(texts) if t is None and not stored[i]]
    # the publication date is topic evidence (a context's period): part of the key
    topics_keys = [f"{ctx.topics_fingerprint}:{a.date or ''}" for a in articles]
    scored: dict[int, tuple[TopicMatch, ...]] = {}  # scored (and cached) in a worker
    if todo and mapper is not None:
        read_deferred()
        for i, text in zip(todo, mapper([articles[i] for i in todo], ctx), strict=True):
            texts[i] = shared_lemmas(text)
            if progress:
                progress(1)
    elif todo:
        # Warm up in this process first: one article per language loads the heavy models
        # (lemmatiser dictionaries, Natasha), which forked workers then share for free.
        warm: dict[str, int] = {}
        for i in todo:
            warm.setdefault(article_language(articles[i], ctx), i)
        for i in sorted(warm.values()):
            texts[i] = analyse_text(articles[i], ctx)
            if progress:
                progress(1)
        rest = [i for i in todo if texts[i] is None]
        n = _worker_count(workers, len(rest))
        if n > 1 and len(rest) >= 8:
            with ProcessPoolExecutor(
                max_workers=n,
                mp_context=_fork_context(),
                initializer=_pool_worker_init,  # no worker outlives a killed build
                initargs=(os.getpid(), ctx),  # inherited by a fork: never pickled per task
            ) as pool:
                chunk = max(1, len(rest) // (n * 8))
                results = pool.map(_analyse_scored, [articles[i] for i in rest], chunksize=chunk)
                read_deferred()  # (every task is submitted: the workers go on meanwhile)
                for i, (text, topics) in zip(rest, results, strict=True):
                    texts[i] = shared_lemmas(text)  # one string per lemma, not per use
                    # scored and stored while the workers go on, not after them
                    scored[i] = topics
                    _store(cache, keys[i], texts[i], topics_keys[i], topics)
                    if progress:
                        progress(1)
        else:
            for i in rest:
                texts[i] = analyse_text(articles[i], ctx)
                if progress:
                    progress(1)
    read_deferred()
    late = [i for i in deferred if texts[i] is None]  # stored, but damaged: analysed now
    for i in late:
        texts[i] = analyse_text(articles[i], ctx)
        if progress:
            progress(1)
    todo = sorted(todo + late)
    analyses = []
    for i, (article, text) in enumerate(zip(articles, texts, strict=True)):
        assert text is not None
        entry = entries[i]
        topics = scored.get(i)
        if topics is None:
            topics = entry.topics_for(topics_keys[i]) if entry else None
            if topics is None:
                topics = score_topics(text, ctx.taxonomy, article.date)
                _store(cache, keys[i], text, topics_keys[i], topics)
        analyses.append(Analysis(article=article, text=text, topics=topics))
    return CorpusAnalysis(
        analyses=tuple(analyses),
        hits=len(articles) - len(todo),
        misses=len(todo),
        analysed_ids=tuple(articles[i].id for i in todo),
    )


def unify_entity_spellings(analyses: Sequence[Analysis]) -> tuple[Analysis, ...]:
    """One spelling per entity across the corpus: "BELTA" and "BelTA", "ASTRA" and "Astra"
    (a name in capitals on one page, as the outlet writes it on another) are one
    organisation, shown as most articles spell it (a tie: the spelling with more lower-case
    letters, then the first in order). A registry entity has one canonical spelling anyway.
    Pure; deterministic."""
    spellings: dict[tuple[str, str], dict[str, int]] = {}
    for a in analyses:
        for e in a.text.entities:
            counts = spellings.setdefault((e.kind, e.name.casefold()), {})
            counts[e.name] = counts.get(e.name, 0) + 1
    chosen: dict[tuple[str, str], str] = {}  # (kind, spelling) -> the spelling shown
    for (kind, _key), counts in spellings.items():
        if len(counts) > 1:
            best = max(sorted(counts), key=lambda n: (counts[n], sum(c.islower() for c in n)))
            chosen.update({(kind, name): best for name in counts if name != best})
    if not chosen:
        return tuple(analyses)
    out = []
    for a in analyses:
        if not any((e.kind, e.name) in chosen for e in a.text.entities):
            out.append(a)
            continue
        merged: dict[tuple[str, str], EntityMention] = {}
        for e in a.text.entities:
            name = chosen.get((e.kind, e.name), e.name)
            old = merged.get((name, e.kind))
            if old is None:
                merged[(name, e.kind)] = replace(e, name=name)
            else:
                forms = tuple(sorted({*old.forms, *e.forms}))
                merged[(name, e.kind)] = replace(old, count=old.count + e.count, forms=forms)
        entities = sorted(merged.values(), key=lambda m: (-m.count, m.name, m.kind))
        out.append(replace(a, text=replace(a.text, entities=tuple(entities))))
    return tuple(out)
