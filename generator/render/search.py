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
from typing import Any

from generator.models import Analysis, Digest
from generator.nlp.tokens import words

ASSET_DIR = "assets/search"
LEMMAS_FILE = f"{ASSET_DIR}/lemmas.js"
LEMMAS_PREFIX = "window.__digestSearch = "
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


def lemma_map(digest: Digest) -> dict[str, str]:
    """Every word form of the corpus whose lemma differs from it -> that lemma.

    Forms and lemmas are normalised and split like lunr splits them (a Ukrainian
    ``з'являються`` is the words ``з`` and ``являються``); a form with several lemmas in
    the corpus gets the most frequent one (ties: alphabetical).
    """
    seen: dict[str, Counter[str]] = {}
    parts: dict[str, list[str]] = {}  # memo: a corpus repeats its words
    for analysis in digest.analyses:
        for form, lemma in _pairs(analysis):
            for w in (form, lemma):
                if w not in parts:
                    parts[w] = split_words(normalize(w))
            f_parts, l_parts = parts[form], parts[lemma]
            if len(f_parts) != len(l_parts):
                f_parts, l_parts = [f_parts[-1]] if f_parts else [], l_parts[-1:]
            for f, lem in zip(f_parts, l_parts, strict=False):
                if f != lem and not f[0].isdigit():
                    seen.setdefault(f, Counter())[lem] += 1
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
    """The search terms the browser sends for ``query`` (mirror of digest-search.js)."""
    forms: dict[str, str] = data["forms"]
    lemmas = set(forms.values())
    out: list[str] = []
    for word in split_words(normalize(query)):
        out.append(forms.get(word) or fallback_stem(word, data["endings"], lemmas))
    return out


def search_data(digest: Digest) -> dict[str, Any]:
    """What ``lemmas.js`` holds: forms, endings, separator, folding."""
    forms = lemma_map(digest)
    return {
        "endings": learnt_endings(forms),
        "fold": FOLD,
        "forms": forms,
        "min_stem": MIN_STEM,
        "separator": SEPARATOR,
    }


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def page_extra(analysis: Analysis) -> str:
    """Nothing: lemmas go into the search index, not into the visible page."""
    return ""


def write_assets(digest: Digest, docs_dir: Path) -> None:
    """Write ``assets/search/lemmas.js`` into ``docs_dir`` (called on the temporary docs)."""
    path = Path(docs_dir) / LEMMAS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(LEMMAS_PREFIX + _dump(search_data(digest)) + ";\n", encoding="utf-8")


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


def enrich_index(index: dict[str, Any], forms: dict[str, str]) -> dict[str, Any]:
    """Add the lemma field and our lunr settings to a parsed Material search index."""
    config = dict(index.get("config", {}))
    fields = dict(config.get("fields", {}))
    fields[LEMMA_FIELD] = {"boost": LEMMA_BOOST}
    config.update(
        fields=fields,
        lang=["en"],  # no lunr language plugin: its stemmer/trimmer mangle Cyrillic
        pipeline=["stopWordFilter"],  # Material then drops the trimmer and the stemmer
        separator=SEPARATOR,
    )
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
    text = json.dumps(enrich_index(index, forms), ensure_ascii=False, separators=(",", ":"))
    index_path.write_text(text, encoding="utf-8")
    offline = index_path.with_name("search_index.js")
    if offline.is_file():
        offline.write_text(f"var __index = {text}", encoding="utf-8")
