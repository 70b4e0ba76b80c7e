"""Optional English machine translation of titles and summaries.

No translation model ships on the package registries, so translation is off by default
(``translation.engine: none`` in digest.yml). With ``engine: argos`` and a local Argos
Translate installation (``pip install argostranslate`` and its language packages, e.g.
``argospm install translate-ru_en``), the titles and summary sentences of non-English
articles and stories are translated to English; pages mark them "machine translation".
Nothing is ever downloaded here: a missing engine or language pair gives one warning and
the build goes on without translation.

Translations are cached by content hash (engine, language pair, text), one verified file
per text, so a weekly rebuild translates only new text and the output is deterministic.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from generator.fileio import atomic_write_bytes
from generator.models import Digest

TARGET = "en"
ENGINES = ("none", "argos")


@runtime_checkable
class Translator(Protocol):
    """A machine-translation engine: ``name`` identifies it (and its models) in the cache."""

    name: str

    def supports(self, source: str, target: str) -> bool:
        """Whether the engine can translate from ``source`` to ``target`` (language codes)."""
        ...

    def translate(self, text: str, source: str, target: str) -> str:
        """``text`` translated; deterministic for one engine and its models."""
        ...


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


class ArgosTranslator:
    """Argos Translate with its installed language packages (never downloads any)."""

    def __init__(self) -> None:
        import argostranslate.translate as argos  # optional dependency

        try:
            from importlib.metadata import version

            release = version("argostranslate")
        except Exception:  # pragma: no cover - metadata missing in odd installs
            release = "unknown"
        self._languages = {lang.code: lang for lang in argos.get_installed_languages()}
        self.name = f"argos-{release}:" + ",".join(sorted(self._languages))
        self._pairs: dict[tuple[str, str], object | None] = {}

    def _translation(self, source: str, target: str):
        key = (source, target)
        if key not in self._pairs:
            src, dst = self._languages.get(source), self._languages.get(target)
            self._pairs[key] = src.get_translation(dst) if src and dst else None
        return self._pairs[key]

    def supports(self, source: str, target: str) -> bool:
        return self._translation(source, target) is not None

    def translate(self, text: str, source: str, target: str) -> str:
        translation = self._translation(source, target)
        if translation is None:
            raise ValueError(f"no Argos Translate package for {source} -> {target}")
        return str(translation.translate(text))  # type: ignore[attr-defined]


def load_translator(
    settings, warn: Callable[[str], None] | None = None, target: str = TARGET
) -> Translator | None:
    """The configured engine, or None (engine ``none``, or not usable: one warning).

    An engine missing some of the corpus languages' pairs is kept for the others, with one
    warning naming the missing pairs."""
    warn = warn or _stderr
    engine = settings.translation.engine
    if engine == "none":
        return None
    if engine != "argos":
        raise ValueError(f"unknown translation engine {engine!r}; use one of {ENGINES}")
    try:
        translator: Translator = ArgosTranslator()
    except ImportError:
        warn(
            "translation.engine is argos but argostranslate is not installed "
            "(pip install argostranslate, then its language packages, e.g. "
            "argospm install translate-ru_en); building without machine translation"
        )
        return None
    wanted = [lang for lang in settings.languages if lang != target]
    missing = [lang for lang in wanted if not translator.supports(lang, target)]
    if wanted and len(missing) == len(wanted):
        warn(
            f"translation: no Argos Translate package for {', '.join(missing)} -> {target} "
            "is installed; building without machine translation"
        )
        return None
    if missing:
        warn(
            f"translation: no Argos Translate package for {', '.join(missing)} -> {target}; "
            "those languages are not translated"
        )
    return translator


# --------------------------------------------------------------------------- cache


def cache_key(engine: str, source: str, target: str, text: str) -> str:
    data = "\0".join((engine, source, target, text)).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


class TranslationCache:
    """``<key[:2]>/<key>.json`` files in a folder; an entry is used only when its engine,
    languages and text are exactly the asked ones. An unusable folder is skipped for the
    rest of the run after one warning."""

    def __init__(self, folder: str | Path, warn: Callable[[str], None] | None = None) -> None:
        self.folder = Path(folder)
        self.warn = warn or _stderr
        self.disabled = False

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, engine: str, source: str, target: str, text: str) -> str | None:
        if self.disabled:
            return None
        try:
            entry = json.loads(self._path(cache_key(engine, source, target, text)).read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict):
            return None
        if [entry.get(k) for k in ("engine", "source", "target", "text")] != [
            engine,
            source,
            target,
            text,
        ]:
            return None
        value = entry.get("translation")
        return value if isinstance(value, str) else None

    def put(self, engine: str, source: str, target: str, text: str, translation: str) -> None:
        if self.disabled:
            return
        entry = {
            "engine": engine,
            "source": source,
            "target": target,
            "text": text,
            "translation": translation,
        }
        data = json.dumps(entry, ensure_ascii=False, sort_keys=True).encode("utf-8")
        try:
            atomic_write_bytes(self._path(cache_key(engine, source, target, text)), data)
        except OSError as exc:
            self.disabled = True
            self.warn(f"{self.folder}: translation cache not writable ({exc}); not caching")


# --------------------------------------------------------------------------- digest


@dataclass(frozen=True)
class TranslationStats:
    texts: int = 0
    cached: int = 0
    translated: int = 0
    failed: int = 0


def texts_to_translate(digest: Digest, target: str = TARGET) -> list[tuple[str, str]]:
    """(language, text) of every title and summary sentence shown of a non-``target``
    article or story, each once, in a stable order."""
    by_id = digest.by_id()
    found: set[tuple[str, str]] = set()
    for a in digest.analyses:
        if a.language and a.language != target:
            found.update((a.language, t) for t in (a.article.title, *a.text.summary) if t)
    for story in digest.stories:
        for cite in story.summary:
            a = by_id.get(cite.article_id)
            if a is not None and a.language and a.language != target and cite.sentence:
                found.add((a.language, cite.sentence))
        lead = by_id.get(story.article_ids[0]) if story.article_ids else None
        if lead is not None and lead.language and lead.language != target and story.title:
            found.add((lead.language, story.title))
    return sorted(found)


def translate_texts(
    items: Iterable[tuple[str, str]],
    translator: Translator,
    cache: TranslationCache | None = None,
    target: str = TARGET,
    warn: Callable[[str], None] | None = None,
) -> tuple[dict[str, str], TranslationStats]:
    """Text -> English for each (language, text) the engine supports; failures are skipped
    (one warning). Cached translations are reused, new ones cached."""
    warn = warn or _stderr
    out: dict[str, str] = {}
    cached = translated = failed = total = 0
    supported: dict[str, bool] = {}
    for lang, text in items:
        if lang not in supported:
            supported[lang] = translator.supports(lang, target)
        if not supported[lang] or text in out:
            continue
        total += 1
        hit = cache.get(translator.name, lang, target, text) if cache else None
        if hit is not None:
            cached += 1
            result = hit
        else:
            try:
                result = translator.translate(text, lang, target).strip()
            except Exception as exc:  # an engine's own errors: skip the text
                if not failed:
                    warn(f"translation failed ({lang} -> {target}): {exc}; text left as is")
                failed += 1
                continue
            translated += 1
            if cache and result:
                cache.put(translator.name, lang, target, text, result)
        if result and result != text:
            out[text] = result
    return out, TranslationStats(total, cached, translated, failed)


def translate_digest(
    digest: Digest,
    translator: Translator | None,
    cache: TranslationCache | None = None,
    target: str = TARGET,
    warn: Callable[[str], None] | None = None,
) -> dict[str, str]:
    """Title or summary sentence -> its English machine translation ({} without engine)."""
    if translator is None:
        return {}
    items = texts_to_translate(digest, target)
    return translate_texts(items, translator, cache, target, warn)[0]
