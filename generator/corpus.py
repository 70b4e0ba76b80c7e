"""Load the curated corpus: ``seeds/*.md`` (YAML front matter + clean body) -> ``Article``.

Front matter is read with python-frontmatter's YAML splitter and ``yaml.safe_load``; keys:
``id, title, date, source, original, url, language, author, origin, inferred, curated, note``. A bad
file never stops a load: ``load_corpus`` turns it into a ``Problem`` naming file and field.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from generator.models import Article, Problem

FRONT_MATTER_KEYS = (
    "id",
    "title",
    "date",
    "source",
    "original",
    "url",
    "language",
    "author",
    "origin",
    "inferred",
    "curated",
    "note",
)
# Fields that may appear in ``inferred`` / ``curated``.
METADATA_FIELDS = ("title", "date", "source", "original", "url", "language", "author", "body")
MAX_FILE_BYTES = 20 * 1024 * 1024
_HANDLER = YAMLHandler()
# libyaml's parser with the safe constructor (the same values as ``yaml.safe_load``, about
# ten times faster); a broken front matter is parsed again by the pure-Python parser, whose
# error messages the problems quote
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
# Control characters (C0 but tab, newline and carriage return; DEL; C1) and the two
# non-characters XML forbids: never text, and one of them makes feed.xml invalid XML.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def strip_controls(text: str) -> str:
    """``text`` without control characters and XML-forbidden non-characters."""
    return _CONTROL.sub("", text)


class CorpusError(ValueError):
    """A problem with one corpus file; ``str(e)`` is one line naming the file (and field)."""

    def __init__(self, path: str, message: str, field: str | None = None) -> None:
        self.path = path
        self.message = message
        self.field = field
        where = f"{path}: {field}" if field else path
        super().__init__(f"{where}: {message}")

    def problem(self) -> Problem:
        return Problem(self.path, self.message, self.field)


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str]:
    """(front matter mapping, body) of a Markdown text; ``CorpusError`` when broken."""
    text = strip_controls(text).lstrip("\ufeff")
    if not _HANDLER.detect(text):
        raise CorpusError(path, "no YAML front matter (the file must start with a line ---)")
    try:
        fm, content = _HANDLER.split(text)
    except ValueError as exc:
        raise CorpusError(path, "front matter is not closed by a line ---") from exc
    try:
        try:
            data = yaml.load(fm, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            data = yaml.safe_load(fm)  # the pure-Python parser words the error
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CorpusError(path, f"invalid YAML front matter{where}: {problem}") from exc
    except ValueError as exc:  # PyYAML builds dates eagerly: 2022-02-30 raises here
        m = re.search(r"^(\w+):\s*(\d{4}-\d{1,2}-\d{1,2})\s*$", fm, re.MULTILINE)
        field = m.group(1) if m else None
        value = f" {m.group(2)}" if m else ""
        raise CorpusError(path, f"impossible date{value} ({exc})", field) from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise CorpusError(
            path, f"front matter must be a mapping of keys, not a {type(data).__name__}"
        )
    return data, content


def parse_date(value: Any, path: str, field: str = "date") -> dt.date | None:
    """A front-matter date: ``None``, a date, or text ``YYYY-MM-DD``."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", value)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError as exc:
                raise CorpusError(path, f"impossible date {value.strip()} ({exc})", field) from exc
    raise CorpusError(path, f"expected a date YYYY-MM-DD or nothing, got {value!r}", field)


def _text(data: dict[str, Any], key: str, path: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise CorpusError(path, f"expected text, got {type(value).__name__}", key)
    value = " ".join(strip_controls(value).split())  # YAML escapes can make them too
    return value or None


def _names(data: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CorpusError(path, "expected a list of field names", key)
    return tuple(sorted(set(value)))


def normalise_body(body: str) -> str:
    """Unix newlines, no trailing spaces, paragraphs separated by exactly one blank line."""
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)


def article_from_mapping(data: dict[str, Any], body: str, path: str) -> Article:
    """Build an ``Article`` from front matter values; ``CorpusError`` on a bad value."""
    title = _text(data, "title", path)
    if not title:
        raise CorpusError(path, "missing or empty title", "title")
    raw_id = data.get("id")
    if raw_id is None:
        art_id = Path(path).stem
    elif isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool):
        art_id = str(raw_id).strip()
    else:
        raise CorpusError(path, f"expected text, got {type(raw_id).__name__}", "id")
    if not _SAFE_ID.match(art_id):
        raise CorpusError(
            path, f"{art_id!r} is not a safe id (letters, digits, . _ - only; up to 100)", "id"
        )
    language = _text(data, "language", path)
    return Article(
        id=art_id,
        title=title,
        body=normalise_body(body),
        date=parse_date(data.get("date"), path),
        source=_text(data, "source", path),
        url=_text(data, "url", path),
        language=language.lower() if language else None,
        author=_text(data, "author", path),
        origin=_text(data, "origin", path),
        path=path,
        inferred=_names(data, "inferred", path),
        curated=_names(data, "curated", path),
        note=_text(data, "note", path),
        original=_text(data, "original", path),
    )


def article_from_markdown(text: str, path: str) -> Article:
    """Parse one corpus file; raises ``CorpusError`` (a ``ValueError``) with a clear message."""
    data, body = split_front_matter(text, path)
    return article_from_mapping(data, body, path)


def read_article(path: Path) -> Article:
    """Read and parse one corpus file (``CorpusError`` on any problem)."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CorpusError(
                name, f"file too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes)"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(name, f"cannot read the file ({exc.strerror})") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(name, f"not UTF-8 text (bad byte at offset {exc.start})") from exc
    return article_from_markdown(text, name)


def corpus_files(folder: Path) -> list[Path]:
    """The corpus files: ``*.md`` directly in ``folder`` (not ``raw/``), sorted by name."""
    return sorted(
        (p for p in folder.glob("*.md") if p.is_file() and p.name.lower() != "readme.md"),
        key=lambda p: p.name,
    )


def load_corpus(folder: Path) -> tuple[tuple[Article, ...], tuple[Problem, ...]]:
    """All articles of ``folder``; bad files and duplicate ids become Problems, never raise."""
    folder = Path(folder)
    if not folder.is_dir():
        return (), (Problem(str(folder), "the corpus folder does not exist"),)
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in corpus_files(folder):
        try:
            article = read_article(path)
        except CorpusError as exc:
            problems.append(exc.problem())
            continue
        if article.id in seen:
            problems.append(
                Problem(
                    str(path), f"duplicate id {article.id!r} (also in {seen[article.id]})", "id"
                )
            )
            continue
        seen[article.id] = str(path)
        articles.append(article)
    return tuple(articles), tuple(problems)
