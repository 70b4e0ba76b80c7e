"""Search that finds inflected Cyrillic words: lemmas in the index, the same lemmas for the query.

Material's search (lunr in a web worker) matches a query term only as a prefix of an indexed
word, so ``миротворцы`` never finds ``миротворцев`` and ``нефти`` never finds ``нефть``. Here:

* :func:`write_assets` writes ``assets/search/lemmas.js``: the corpus's own form -> lemma map
  (taken from the analysis, so the browser and the index agree), the separator, and the
  endings seen between forms and lemmas (fallback for forms the corpus never had);
* :func:`finalize_site` rewrites ``search/search_index.json`` (and the offline
  ``search_index.js``) after ``mkdocs build``: every section gets a ``lemmas`` field with the
  lemmas of its words (and their ``ё``-folded spellings), the config gets that field, our
  separator (``«»„“`` and apostrophes split words) and a pipeline without stemming;
* ``templates/assets/search/digest-search.js`` rewrites the query in the page before it is
  posted to the search worker: each word -> its lemma (map), or -> a stem (known endings
  stripped) for unseen forms; ``ё`` -> ``е``, punctuation dropped.

Per-article index, facets and cross-language concepts:

* :func:`write_assets` also writes ``assets/search/articles.json``: one search document per
  article page (title, the summary as preview text, a ``lemmas`` field, and its facets:
  topics, language, outlet, week). :func:`finalize_site` puts these in place of every
  document Material made (so a result is an article, counted once, previewed by its
  summary) and removes the file from the site. The ``lemmas`` field holds, once each, the
  words a query may need that the title and summary do not already have: lemmas and
  folded spellings of their words, the keywords, the canonical English names of the
  entities, the English titles of the topics, and the English headwords of the glossary
  concepts and registry entities (:mod:`generator.glossary`; not the broad taxonomy groups)
  found anywhere in the full text. No full text.
* ``lemmas.js`` then also carries ``concepts`` (a lemma phrase of any language -> the
  English headwords the query adds, so ``нефть`` also asks for ``oil``, which every
  article naming нефть/нафта/мұнай carries) and the facet labels; the page script draws the
  facet filters and filters the worker's results (static, works from ``file://``).

Nothing here is language-specific: the lemmas come from the analysis (pymorphy3 for ru/uk,
the suffix stripper for kk, rules for en), the fallback endings from those lemmas.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.fileio import atomic_write_bytes, atomic_write_text
from generator.models import Analysis, Digest
from generator.nlp.tokens import words
from generator.render.pagecache import RenderedPages

if TYPE_CHECKING:
    from generator.glossary import Glossary
    from generator.settings import Settings

ASSET_DIR = "assets/search"
LEMMAS_FILE = f"{ASSET_DIR}/lemmas.js"
ARTICLES_FILE = f"{ASSET_DIR}/articles.json"  # build side only: removed from the site
LEMMAS_PREFIX = "window.__digestSearch = "
FACETS = ("topic", "language", "outlet", "week")
PREVIEW_CHARS = 280  # preview text: the summary's first sentences up to about this length
LEMMA_FIELD = "lemmas"
LEMMA_BOOST = 1.0
# Splits words for lunr (index and query): whitespace, dashes, quotes of every kind
# («» „“ ‘’ "), apostrophes, brackets, punctuation; a dot unless a digit follows (1.5);
# HTML entities that Material leaves in the index text.
SEPARATOR = r"[\s\-‐‑–—,:;!?=\[\]()\"'’ʼ`/|«»„“”‘…]+|\.(?!\d)|&(?:lt|gt|amp|quot|#39);"
_SEPARATOR_RE = re.compile(SEPARATOR)
_TAG_RE = re.compile(r"<[^>]*>")
FOLD = {"ё": "е", "Ё": "Е"}
_FOLD_TABLE = str.maketrans(FOLD)
MIN_STEM = 3  # letters a fallback stem keeps
MAX_ENDING = 4  # longest learnt ending
MIN_ENDING_COUNT = 2  # an ending must be seen this often to be used


def normalize(word: str) -> str:
    """Lower case, NFC, ``ё`` -> ``е`` (the form lemmas and queries are compared in)."""
    return unicodedata.normalize("NFC", word).translate(_FOLD_TABLE).lower()


def split_words(text: str) -> list[str]:
    """Lunr's words of ``text`` under :data:`SEPARATOR`, lower case (not folded)."""
    return [t for t in _SEPARATOR_RE.split(text.lower()) if t]


def _pairs(analysis: Analysis) -> list[tuple[str, str]]:
    """(form, lemma) pairs of one article: its sentences and title against their lemmas."""
    out: list[tuple[str, str]] = []
    text = analysis.text
    chunks = list(zip(text.sentences, text.sentence_lemmas, strict=False))
    if text.title_lemmas:
        chunks.append((analysis.article.title, text.title_lemmas))
    for chunk, lemmas in chunks:
        forms = words(chunk)
        if len(forms) != len(lemmas):  # not aligned: skip rather than guess
            continue
        out.extend(zip(forms, lemmas, strict=True))
    return out


def _form_counts(analysis: Analysis, memo: dict[str, list[str]]) -> list[Any]:
    """One article's part of ``lemma_map``: its (form, lemma) word pairs that differ, split
    and normalised like lunr's, with their counts, flat: ``[form, lemma, n, ...]``
    (``memo``: word -> its lunr words, shared by the articles of a corpus)."""
    counts: dict[tuple[str, str], int] = {}
    for form, lemma in _pairs(analysis):
        for w in (form, lemma):
            if w not in memo:
                memo[w] = split_words(normalize(w))
        f_parts, l_parts = memo[form], memo[lemma]
        if len(f_parts) != len(l_parts):
            f_parts, l_parts = [f_parts[-1]] if f_parts else [], l_parts[-1:]
        for f, lem in zip(f_parts, l_parts, strict=False):
            if f != lem and not f[0].isdigit():
                counts[f, lem] = counts.get((f, lem), 0) + 1
    return [x for (f, lem), n in counts.items() for x in (f, lem, n)]


class _KeptParts(RenderedPages):
    """The file of :class:`SearchParts`: one entry per article, a list."""

    format = "digest-search-parts/1"
    value_type = list


class SearchParts:
    """What each article adds to the search assets: its (form, lemma) counts for
    ``lemma_map`` and the English headwords of the glossary concepts it names (the two
    costly parts: a second of CPU at 1,000 articles). Computed once per analysis; with a
    ``path``, kept for the next build, keyed by the analysis (pickled whole, as the article
    pages are) and ``salt`` (``state.inputs_fingerprint``: the code, the configuration, the
    glossary's files), so a weekly run computes its new articles' parts only. The file keeps
    the entries this build used. The assets are the same bytes either way."""

    def __init__(self, glossary: Glossary | None, path: Path | None = None, salt: str = "") -> None:
        self.glossary = glossary
        salt = f"{salt}\0glossary={glossary is not None}"
        self.kept = _KeptParts(path, salt) if path is not None else None
        self._memo: dict[int, tuple[Analysis, list[Any]]] = {}
        self._words: dict[str, list[str]] = {}
        self._heads: dict[str, list[str]] = {}

    def _entry(self, analysis: Analysis) -> list[Any]:
        found = self._memo.get(id(analysis))
        if found is not None and found[0] is analysis:
            return found[1]
        key = self.kept.key(analysis) if self.kept is not None else ""
        value = self.kept.get(key) if self.kept is not None else None
        if not (value is not None and len(value) == 2 and isinstance(value[0], list)):
            value = [_form_counts(analysis, self._words), list(self._concepts(analysis))]
        if self.kept is not None:
            self.kept.put(key, value)
        self._memo[id(analysis)] = (analysis, value)
        return value

    def _concepts(self, analysis: Analysis) -> tuple[str, ...]:
        if self.glossary is None:
            return ()
        from generator.glossary import RANK_ENTITY

        seqs = [*analysis.text.sentence_lemmas, analysis.text.title_lemmas]
        return self.glossary.concepts_in(seqs, analysis.text.language, RANK_ENTITY)

    def form_counts(self, analysis: Analysis) -> list[Any]:
        """``[form, lemma, n, ...]`` of ``_form_counts``."""
        return self._entry(analysis)[0]

    def concepts(self, analysis: Analysis) -> list[str]:
        """The English headwords of the glossary concepts (to the entities' rank) named in
        the article's sentences and title; [] without a glossary."""
        return self._entry(analysis)[1]

    def concept_words(self, english: str) -> list[str]:
        """``concept_words`` of an English headword, once per headword."""
        found = self._heads.get(english)
        if found is None:
            found = self._heads[english] = concept_words(english)
        return found

    def save(self) -> None:
        """Keep this build's entries (when there is a file; a failure costs time only)."""
        if self.kept is not None:
            self.kept.save()


def lemma_map(digest: Digest, parts: SearchParts | None = None) -> dict[str, str]:
    """Every word form of the corpus whose lemma differs from it -> that lemma.

    Forms and lemmas are normalised and split like lunr splits them (a Ukrainian
    ``з'являються`` is the words ``з`` and ``являються``); a form with several lemmas in
    the corpus gets the most frequent one (ties: alphabetical).
    """
    parts = parts if parts is not None else SearchParts(None)
    seen: dict[str, Counter[str]] = {}
    for analysis in digest.analyses:
        flat = parts.form_counts(analysis)
        for i in range(0, len(flat), 3):
            counts = seen.get(flat[i])
            if counts is None:
                counts = seen[flat[i]] = Counter()
            counts[flat[i + 1]] += flat[i + 2]
    return {f: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for f, c in sorted(seen.items())}


def learnt_endings(forms: dict[str, str]) -> list[str]:
    """Endings that turn lemmas into the corpus's forms, longest first (fallback stemming)."""
    counts: Counter[str] = Counter()
    for form, lemma in forms.items():
        p = 0
        while p < min(len(form), len(lemma)) and form[p] == lemma[p]:
            p += 1
        ending = form[p:]
        if p >= MIN_STEM and 0 < len(ending) <= MAX_ENDING:
            counts[ending] += 1
    kept = [e for e, n in counts.items() if n >= MIN_ENDING_COUNT]
    return sorted(kept, key=lambda e: (-len(e), e))


def fallback_stem(word: str, endings: list[str], lemmas: set[str]) -> str:
    """A known lemma stays; otherwise the longest learnt ending that leaves a stem goes."""
    if word in lemmas:
        return word
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def query_terms(query: str, data: dict[str, Any]) -> list[str]:
    """The search terms the browser sends for ``query`` (mirror of digest-search.js): each
    word's lemma (or stem), then the English words of the glossary concepts the query's
    lemma phrases name (longest phrase first), each term once."""
    forms: dict[str, str] = data["forms"]
    lemmas = set(forms.values())
    out: list[str] = []
    for word in split_words(normalize(query)):
        out.append(forms.get(word) or fallback_stem(word, data["endings"], lemmas))
    return _with_concepts(out, data.get("concepts") or {}, int(data.get("longest", 1)))


def _with_concepts(terms: list[str], concepts: dict[str, list[str]], longest: int) -> list[str]:
    extra: list[str] = []
    i = 0
    while i < len(terms):
        step = 1
        for n in range(min(longest, len(terms) - i), 0, -1):
            words_ = concepts.get(" ".join(terms[i : i + n]))
            if words_:
                extra.extend(words_)
                step = n
                break
        i += step
    out: list[str] = []
    for t in terms + extra:
        if t not in out:
            out.append(t)
    return out


def concept_words(english: str) -> list[str]:
    """The index words of an English headword (lunr's words, folded)."""
    return split_words(normalize(english))


def query_concepts(glossary: Glossary | None) -> dict[str, list[str]]:
    """Lemma phrase (any language) -> index words of its concepts' English headwords, for
    phrases that are not just those words (the query side of the concept tokens)."""
    if glossary is None:
        return {}
    out: dict[str, list[str]] = {}
    from generator.glossary import RANK_ENTITY

    for phrase, heads in glossary.phrases(max_rank=RANK_ENTITY).items():
        key = " ".join(split_words(normalize(phrase)))
        ws = list(dict.fromkeys(w for h in heads for w in concept_words(h)))
        if key and ws and ws != key.split():
            out[key] = ws
    return dict(sorted(out.items()))


def facet_labels(digest: Digest, labels: dict[str, Any] | None = None) -> dict[str, Any]:
    """The facet values with their display names (in the order the filters list them)."""
    names = (labels or {}).get("language_names", {})
    return {
        "language": [[code, names.get(code, code)] for code, _ in digest.languages],
        "outlet": [[s.slug, s.name] for s in sorted(digest.sources, key=lambda s: s.name.lower())],
        "topic": [[g.topic.id, g.topic.title_en] for g in digest.topics],
        "week": [[w.week, w.week] for w in digest.weeks],
    }


def search_data(
    digest: Digest,
    glossary: Glossary | None = None,
    labels: dict[str, Any] | None = None,
    parts: SearchParts | None = None,
) -> dict[str, Any]:
    """What ``lemmas.js`` holds: forms, endings, separator, folding, concepts, facets."""
    forms = lemma_map(digest, parts)
    concepts = query_concepts(glossary)
    ui = (labels or {}).get("search", {})
    return {
        "concepts": concepts,
        "endings": learnt_endings(forms),
        "facets": facet_labels(digest, labels),
        "fold": FOLD,
        "forms": forms,
        "labels": ui,
        "longest": max((len(k.split()) for k in concepts), default=1),
        "min_stem": MIN_STEM,
        "separator": SEPARATOR,
    }


def preview(summary: tuple[str, ...], limit: int = PREVIEW_CHARS) -> str:
    """The summary's first sentences, up to about ``limit`` characters (cut at a word)."""
    out = ""
    for sentence in summary:
        sentence = " ".join(sentence.split())
        if out and len(out) + 1 + len(sentence) > limit:
            break
        out = f"{out} {sentence}".strip()
    if len(out) > limit:
        cut = out[:limit].rsplit(" ", 1)[0]
        out = cut.rstrip(",;:—–-") + " …"
    return out


def article_facets(digest: Digest) -> dict[str, dict[str, Any]]:
    """Article id -> its facet values (topics, language, outlet slug, ISO week)."""
    out: dict[str, dict[str, Any]] = {
        a.id: {"language": a.text.language, "topic": []} for a in digest.analyses
    }
    for g in digest.topics:
        for i in g.article_ids:
            out[i]["topic"].append(g.topic.id)
    for s in digest.sources:
        for i in s.article_ids:
            out[i]["outlet"] = s.slug
    for w in digest.weeks:
        for i in w.article_ids:
            out[i]["week"] = w.week
    return out


def article_document(
    analysis: Analysis,
    location: str,
    forms: dict[str, str],
    glossary: Glossary | None,
    topic_titles: dict[str, str],
    facets: dict[str, Any],
    parts: SearchParts | None = None,
) -> dict[str, Any]:
    """One article's search document: title, summary preview, lemma field, facets
    (``parts``: the article's concepts, when already found with the same ``glossary``)."""
    title = analysis.article.title
    text = preview(analysis.text.summary)
    shown = set(split_words(f"{title} {text}"))
    extra: set[str] = set()
    for word in shown:
        folded = normalize(word)
        extra.add(folded)
        lemma = forms.get(folded)
        if lemma:
            extra.update(split_words(lemma))
    for phrase in analysis.text.keywords:
        for word in split_words(normalize(phrase)):
            extra.add(forms.get(word, word))
    if parts is None or parts.glossary is not glossary:
        parts = SearchParts(glossary)
    heads = parts.concept_words  # (a memo of the headwords' words)
    for mention in analysis.text.entities:
        extra.update(heads(mention.name))
    for topic_id in facets.get("topic", ()):
        extra.update(heads(topic_titles.get(topic_id, "")))
    for head in parts.concepts(analysis):  # (none without a glossary)
        extra.update(heads(head))
    doc: dict[str, Any] = {
        "location": location,
        "title": html.escape(title, quote=False),
        "text": f"<p>{html.escape(text, quote=False)}</p>" if text else "",
    }
    lemmas = sorted(w for w in extra - shown if w and not w[0].isdigit())
    if lemmas:
        doc[LEMMA_FIELD] = " ".join(lemmas)
    doc["facets"] = {k: facets[k] for k in FACETS if facets.get(k)}
    return doc


def article_documents(
    digest: Digest,
    forms: dict[str, str],
    glossary: Glossary | None = None,
    parts: SearchParts | None = None,
) -> list[dict[str, Any]]:
    """Every article's search document, in the digest's order (newest first)."""
    from generator.render import page_url
    from generator.render.pages import site_map

    paths = site_map(digest).articles
    titles = {g.topic.id: g.topic.title_en for g in digest.topics}
    facets = article_facets(digest)
    return [
        article_document(a, page_url(paths[a.id]), forms, glossary, titles, facets[a.id], parts)
        for a in digest.analyses
    ]


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def page_extra(analysis: Analysis) -> str:
    """Nothing: lemmas go into the search index, not into the visible page."""
    return ""


def project_glossary(settings: Settings) -> Glossary:
    """The project's concept glossary (taxonomy, entity registry, glossary.yml)."""
    from generator.analyse import load_context
    from generator.glossary import load_glossary

    return load_glossary(settings, load_context(settings))


def write_assets(
    digest: Digest,
    docs_dir: Path,
    settings: Settings | None = None,
    glossary: Glossary | None = None,
) -> None:
    """Write ``lemmas.js`` and ``articles.json`` into ``docs_dir`` (the temporary docs).

    Without ``settings`` there is no glossary (no cross-language concepts) and English
    labels."""
    if glossary is None and settings is not None:
        glossary = project_glossary(settings)
    for rel, data in asset_files(digest, settings, glossary).items():
        atomic_write_bytes(Path(docs_dir) / rel, data)


def asset_files(
    digest: Digest,
    settings: Settings | None = None,
    glossary: Glossary | None = None,
    kept: Path | None = None,
) -> dict[str, bytes]:
    """What :func:`write_assets` writes: ``lemmas.js`` and ``articles.json`` by path under
    docs/ (MkDocs only copies them: the build makes them beside the pages and MkDocs).
    ``kept``: the file keeping each article's parts for the next build (``SearchParts``)."""
    from generator.render.pages import load_labels

    labels = load_labels(settings.site.language if settings is not None else "en")
    salt = ""
    if kept is not None and settings is not None:
        from generator.render.state import inputs_fingerprint

        salt = inputs_fingerprint(settings)
    parts = SearchParts(glossary, kept if settings is not None else None, salt)
    data = search_data(digest, glossary, labels, parts)
    docs = article_documents(digest, data["forms"], glossary, parts)
    parts.save()
    return {
        LEMMAS_FILE: (LEMMAS_PREFIX + _dump(data) + ";\n").encode("utf-8"),
        ARTICLES_FILE: (_dump({"docs": docs}) + "\n").encode("utf-8"),
    }


def read_search_data(site_dir: Path) -> dict[str, Any] | None:
    """The data :func:`write_assets` wrote, as copied into the built site (None if absent)."""
    path = Path(site_dir) / LEMMAS_FILE
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8").strip()
    if not (text.startswith(LEMMAS_PREFIX) and text.endswith(";")):
        raise ValueError(f"{path}: not a search data file written by write_assets")
    return json.loads(text[len(LEMMAS_PREFIX) : -1])


def section_lemmas(title: str, text: str, forms: dict[str, str]) -> str:
    """The ``lemmas`` field of one index entry: lemmas and ``ё``-folded spellings, sorted."""
    plain = html.unescape(_TAG_RE.sub(" ", f"{title} {text}"))
    extra: set[str] = set()
    for word in set(split_words(plain)):
        folded = normalize(word)
        if folded != word:
            extra.add(folded)
        lemma = forms.get(folded)
        if lemma:
            extra.update(split_words(lemma))
    return " ".join(sorted(extra))


def enrich_index(
    index: dict[str, Any], forms: dict[str, str], articles: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Add the lemma field and our lunr settings to a parsed Material search index.

    With ``articles`` (from ``articles.json``) those documents replace Material's: one per
    article page, nothing else."""
    config = dict(index.get("config", {}))
    fields = dict(config.get("fields", {}))
    fields[LEMMA_FIELD] = {"boost": LEMMA_BOOST}
    config.update(
        fields=fields,
        lang=["en"],  # no lunr language plugin: its stemmer/trimmer mangle Cyrillic
        pipeline=["stopWordFilter"],  # Material then drops the trimmer and the stemmer
        separator=SEPARATOR,
    )
    if articles is not None:
        return {**index, "config": config, "docs": articles}
    docs = []
    for doc in index.get("docs", []):
        doc = {k: v for k, v in doc.items() if k != LEMMA_FIELD}
        lemmas = section_lemmas(doc.get("title", ""), doc.get("text", ""), forms)
        if lemmas:
            doc[LEMMA_FIELD] = lemmas
        docs.append(doc)
    return {**index, "config": config, "docs": docs}


def finalize_site(site_dir: Path) -> None:
    """Rewrite the built site's search index with lemmas (after ``mkdocs build``).

    Also rewrites ``search_index.js`` (the offline plugin's copy for ``file://``). The
    JSON is written as UTF-8, not ``\\uXXXX`` escapes (Material's are 2.7x larger).
    """
    site_dir = Path(site_dir)
    index_path = site_dir / "search" / "search_index.json"
    if not index_path.is_file():
        return
    data = read_search_data(site_dir)
    forms = data["forms"] if data else {}
    try:
        index = json.loads(index_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{index_path}: not a readable search index ({exc})") from exc
    articles = None
    articles_path = site_dir / ARTICLES_FILE
    if articles_path.is_file():
        articles = json.loads(articles_path.read_text(encoding="utf-8"))["docs"]
        articles_path.unlink()
    if articles is None and index.get("config", {}).get("separator") == SEPARATOR:
        articles = [d for d in index.get("docs", []) if "facets" in d] or None  # rerun
    enriched = enrich_index(index, forms, articles)
    text = json.dumps(enriched, ensure_ascii=False, separators=(",", ":"))
    atomic_write_text(index_path, text)  # new files: a linked one is never written into
    offline = index_path.with_name("search_index.js")
    if offline.is_file():
        atomic_write_text(offline, f"var __index = {text}")
