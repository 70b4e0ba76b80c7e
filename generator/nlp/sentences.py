"""Line-aware sentence splitting for ru, uk, kk and en news text.

* Every line break ends a sentence: a headline, a dateline or a dialogue line is a sentence
  of its own, and nothing joins the end of one line to the next.
* Inside a line a sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus closing quotes or
  brackets) followed by a space and a capital letter, a digit or an opening quote.
* A period does not end a sentence after an abbreviation from
  ``config/languages/<code>.abbreviations.yml`` (``г.``, ``т. е.``, ``им.``, ``ул.``), unless
  the abbreviation is listed under ``may_end_sentence`` (``т.д.``, ``др.``) and a capital
  letter follows; nor after an initial (``В. В. Путин``).
* Text between « » or " " is not split when the closing quote is followed by a lower-case
  word or a comma/dash (``«Мы... реагують», - йдеться``): the quote belongs to the sentence.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.nlp.tokens import normalize_text
from generator.settings import ConfigError, parse_yaml

DEFAULT_LANGUAGE_DIR = Path(__file__).resolve().parents[2] / "config" / "languages"

_TERMINATOR = r"(?:[.!?…]+)"
_CLOSERS = '»"”’)]'
_OPENERS = "«\"“„('‘["
# candidate end: terminator + optional closers, then whitespace, then the next sentence start
_BOUNDARY_RE = re.compile(rf"({_TERMINATOR}[{re.escape(_CLOSERS)}]*)(\s+)(?=\S)")
# characters before a period searched for an abbreviation: enough for "т. е", bounded so
# that a long line with many periods costs linear time
_ABBR_WINDOW = 40
# the "word" before a period, with inner periods: "т.е", "т. е", "U.S", "им"
_ABBR_TAIL_RE = re.compile(r"((?:[^\W\d_]{1,5}\.\s?)*[^\W\d_]+)$")


@dataclass(frozen=True)
class SentenceSplitter:
    """Splits text into sentences with one language's abbreviations."""

    language: str
    abbreviations: frozenset[str] = frozenset()
    may_end_sentence: frozenset[str] = frozenset()

    def split(self, text: str) -> list[str]:
        """The sentences of ``text`` in order, stripped; empty lines give none."""
        out: list[str] = []
        for line in normalize_text(text).splitlines():
            line = " ".join(line.split())
            if line:
                out.extend(self._split_line(line))
        return out

    def _split_line(self, line: str) -> list[str]:
        sentences: list[str] = []
        start = 0
        for match in _BOUNDARY_RE.finditer(line):
            end = match.end(1)
            following = line[match.end()]  # the lookahead guarantees a character
            before = line[max(start, match.start(1) - _ABBR_WINDOW) : match.start(1)]
            if self._is_boundary(before, match.group(1), following):
                sentence = line[start:end].strip()
                if sentence:
                    sentences.append(sentence)
                start = match.end()
        rest = line[start:].strip()
        if rest:
            sentences.append(rest)
        return sentences

    def _is_boundary(self, before: str, terminator: str, first: str) -> bool:
        if not (first.isupper() or first.isdigit() or first in _OPENERS):
            return False  # "...", "?» — сказал", lower-case continuation
        if not terminator.startswith("."):
            return True
        if terminator.rstrip(_CLOSERS) != terminator:
            return True  # a period inside closing quotes: the quote ended the sentence
        tail = _ABBR_TAIL_RE.search(before)
        if not tail:
            return True
        word = tail.group(1)
        last = re.split(r"[\s.]", word)[-1]
        if len(last) == 1 and last.isupper():
            return False  # an initial: "В. В. Путин", "Д. Песков"
        candidates = {word.replace(" ", "").lower(), last.lower()}
        if candidates & self.may_end_sentence:
            return first.isupper() or first in _OPENERS
        return not candidates & self.abbreviations


def _read_list(data: dict, key: str, path: Path) -> frozenset[str]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key}: must be a list of abbreviations (text)")
    return frozenset(v.strip().rstrip(".").replace(" ", "").lower() for v in value if v.strip())


def load_splitter(language: str, language_dir: Path) -> SentenceSplitter:
    """Build a splitter from ``<language_dir>/<language>.abbreviations.yml`` (may be absent)."""
    path = language_dir / f"{language}.abbreviations.yml"
    if not path.is_file():
        return SentenceSplitter(language)
    try:
        data = parse_yaml(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: must be a mapping with `abbreviations` and `may_end_sentence`")
    unknown = set(data) - {"abbreviations", "may_end_sentence"}
    if unknown:
        raise ConfigError(
            f"{path}: unknown key(s) {', '.join(sorted(map(str, unknown)))}; "
            "use abbreviations, may_end_sentence"
        )
    may_end = _read_list(data, "may_end_sentence", path)
    return SentenceSplitter(language, _read_list(data, "abbreviations", path) - may_end, may_end)


@functools.cache
def _cached_splitter(language: str, language_dir: Path) -> SentenceSplitter:
    return load_splitter(language, language_dir)


def get_splitter(language: str, language_dir: Path | None = None) -> SentenceSplitter:
    """The process-wide splitter for ``language`` (default word lists: ``config/languages``)."""
    return _cached_splitter(language, language_dir or DEFAULT_LANGUAGE_DIR)


def split_sentences(text: str, language: str, language_dir: Path | None = None) -> list[str]:
    """Split ``text`` into sentences: every line break ends one (see the module docstring)."""
    return get_splitter(language, language_dir).split(text)


def join_sentences(sentences: Sequence[str]) -> str:
    """One line per sentence, each ending with a terminator (for tools that ignore lines)."""
    return "\n".join(s if s.rstrip(_CLOSERS)[-1:] in ".!?…" else s + "." for s in sentences)
