"""Evaluation against a labelled set: topics (per-topic P/R/F1, macro-F1), language, date.

A labels file (YAML) lists articles with what they should come out as::

    articles:
      - path: ru_energy_cpc_storm_moorings.md   # relative to the labels file
        topics: [energy_transit]                 # [] for a hard negative
        language: ru
        date: 2022-03-23                          # null = no date expected; omit = not scored

Curated ``.md`` files are loaded like the corpus; raw files (``.txt``, ``.html``) are
ingested in memory. Each article is analysed by the real pipeline (``generator.analyse``)
and scored with ``generator.topics.topic_scores``. Language accuracy is measured on the
language *detected from the text* (a curated language in front matter would make it
trivially right); date accuracy on the date as loaded or ingested.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.corpus import CorpusError, parse_date
from generator.models import Article
from generator.settings import ConfigError, Settings
from generator.topics import Taxonomy, TopicScore, topic_scores

RAW_SUFFIXES = (".txt", ".html", ".htm")
_LABEL_KEYS = {"path", "topics", "language", "date", "note"}


@dataclass(frozen=True)
class Label:
    """Expected outcome for one article of a labelled set."""

    path: Path  # resolved
    given: str  # as written in the labels file
    topics: frozenset[str]
    language: str | None = None
    date: dt.date | None = None
    score_date: bool = False  # False when the entry has no `date` key


@dataclass(frozen=True)
class Outcome:
    """What the pipeline made of one labelled article."""

    label: Label
    article_id: str = ""
    topics: frozenset[str] = frozenset()
    scores: tuple[TopicScore, ...] = ()
    detected_language: str | None = None
    date: dt.date | None = None
    error: str | None = None


@dataclass(frozen=True)
class TopicMetrics:
    topic: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass(frozen=True)
class EvalReport:
    source: str
    outcomes: tuple[Outcome, ...]
    topics: tuple[TopicMetrics, ...]
    language_correct: int
    language_total: int
    date_correct: int
    date_total: int

    @property
    def macro_f1(self) -> float:
        return sum(m.f1 for m in self.topics) / len(self.topics) if self.topics else 0.0

    @property
    def errors(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.error)


# ---------------------------------------------------------------------------- labels


def _parse_date(value: Any, where: str) -> dt.date | None:
    """A label's date, read as the corpus reads front-matter dates."""
    try:
        return parse_date(value, where)
    except CorpusError as exc:
        raise ConfigError(f"{where}: date: expected YYYY-MM-DD or null, got {value!r}") from exc


def load_labels(path: Path, known_topics: Sequence[str] | None = None) -> tuple[Label, ...]:
    """Read a labels file; ``ConfigError`` naming the file, entry and key on any problem."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the labels file ({exc.strerror})") from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not a valid YAML labels file: {exc}") from exc
    entries = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{path}: expected a mapping with a non-empty list `articles`")
    labels: list[Label] = []
    for i, entry in enumerate(entries):
        where = f"{path}: articles[{i}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            raise ConfigError(f"{where}: expected a mapping with a `path`")
        where = f"{path}: {entry['path']}"
        unknown = sorted(set(entry) - _LABEL_KEYS)
        if unknown:
            raise ConfigError(
                f"{where}: unknown key(s) {', '.join(map(repr, unknown))}; "
                f"known keys are: {', '.join(sorted(_LABEL_KEYS))}"
            )
        topics = entry.get("topics")
        if topics is None:
            topics = []
        if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
            raise ConfigError(f"{where}: topics: expected a list of topic ids")
        if known_topics is not None:
            for t in topics:
                if t not in known_topics:
                    raise ConfigError(
                        f"{where}: topics: unknown topic {t!r}; "
                        f"the taxonomy has: {', '.join(known_topics)}"
                    )
        language = entry.get("language")
        if language is not None and not isinstance(language, str):
            raise ConfigError(f"{where}: language: expected a language code")
        labels.append(
            Label(
                path=(path.parent / entry["path"]).resolve(),
                given=entry["path"],
                topics=frozenset(topics),
                language=language,
                date=_parse_date(entry.get("date"), where),
                score_date="date" in entry,
            )
        )
    return tuple(labels)


# ---------------------------------------------------------------------------- running


class ArticleLoader:
    """Loads labelled articles: curated ``.md`` like the corpus, raw files through ingest
    (in memory; the ingest context is built on first use)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._ingest_ctx: Any = None

    def __call__(self, path: Path) -> Article:
        if path.suffix.lower() in RAW_SUFFIXES:
            from generator.ingest import ingest_path, load_ingest_context

            if self._ingest_ctx is None:
                self._ingest_ctx = load_ingest_context(self.settings)
            return ingest_path(path, self._ingest_ctx)
        from generator.corpus import read_article

        return read_article(path)


def compare(
    labels: Sequence[Label],
    outcomes: Sequence[Outcome],
    topic_ids: Sequence[str],
    source: str = "",
) -> EvalReport:
    """Count per-topic TP/FP/FN and language/date agreement. Failed articles count as
    predicting nothing (so they cost recall) and as wrong language/date."""
    metrics = []
    for tid in topic_ids:
        tp = fp = fn = 0
        for o in outcomes:
            want, got = tid in o.label.topics, tid in o.topics
            tp += want and got
            fp += got and not want
            fn += want and not got
        metrics.append(TopicMetrics(tid, tp, fp, fn))
    lang = [o for o in outcomes if o.label.language]
    dated = [o for o in outcomes if o.label.score_date]
    return EvalReport(
        source=source,
        outcomes=tuple(outcomes),
        topics=tuple(metrics),
        language_correct=sum(o.detected_language == o.label.language for o in lang),
        language_total=len(lang),
        date_correct=sum(o.date == o.label.date and not o.error for o in dated),
        date_total=len(dated),
    )


def evaluate(
    labels_path: Path,
    settings: Settings,
    progress: Callable[[Label], None] | None = None,
) -> EvalReport:
    """Load, analyse and score every labelled article; a broken one is reported, not fatal."""
    from generator.analyse import analyse_text, load_context
    from generator.ingest.errors import IngestError
    from generator.nlp.language import get_detector

    ctx = load_context(settings)
    taxonomy: Taxonomy = ctx.taxonomy
    topic_ids = [t.id for t in taxonomy.topics]
    labels = load_labels(labels_path, topic_ids)
    detector = get_detector(tuple(settings.languages))
    load = ArticleLoader(settings)
    outcomes = []
    for label in labels:
        if progress:
            progress(label)
        try:
            article = load(label.path)
            text = analyse_text(article, ctx)
            scores = topic_scores(text, taxonomy, article.date)
            detected = detector.detect(f"{article.title}\n{article.body}")
        except (OSError, ValueError, ConfigError, IngestError) as exc:
            outcomes.append(Outcome(label, error=f"{label.given}: {exc}"))
            continue
        outcomes.append(
            Outcome(
                label=label,
                article_id=article.id,
                topics=frozenset(s.topic for s in scores if s.assigned),
                scores=scores,
                detected_language=detected,
                date=article.date,
            )
        )
    return compare(labels, outcomes, topic_ids, source=str(labels_path))


# ---------------------------------------------------------------------------- report


def _ratio(n: int, d: int) -> str:
    return f"{n}/{d} = {n / d:.3f}" if d else "n/a (nothing labelled)"


def format_report(report: EvalReport, details: bool = True) -> str:
    """A plain-text table: per-topic P/R/F1, macro-F1, language and date accuracy, and the
    misclassified articles with their scores and evidence (so a reader can see why)."""
    width = max([len("macro-F1"), *(len(m.topic) for m in report.topics)])
    lines = [
        f"Evaluation of {report.source}: {len(report.outcomes)} articles",
        "",
        f"{'topic':<{width}}  precision  recall     F1   TP  FP  FN  support",
    ]
    for m in report.topics:
        lines.append(
            f"{m.topic:<{width}}  {m.precision:9.3f}  {m.recall:6.3f}  {m.f1:5.3f}"
            f"  {m.tp:3d} {m.fp:3d} {m.fn:3d}  {m.support:7d}"
        )
    lines += [
        f"{'macro-F1':<{width}}  {'':9}  {'':6}  {report.macro_f1:5.3f}",
        "",
        f"language accuracy (detected from text): "
        f"{_ratio(report.language_correct, report.language_total)}",
        f"date accuracy (as loaded/ingested):     {_ratio(report.date_correct, report.date_total)}",
    ]
    if not details:
        return "\n".join(lines) + "\n"
    lines += [
        "",
        "Closest calls (lowest assigned score; highest score left below the threshold):",
    ]
    for m in report.topics:
        scored = [
            (s, o.label.given) for o in report.outcomes for s in o.scores if s.topic == m.topic
        ]
        kept = [(s.score, name) for s, name in scored if s.assigned]
        dropped = [
            (s.score, name) for s, name in scored if not s.assigned and not s.missing_context
        ]
        low = min(kept, default=None)
        high = max(dropped, default=None)
        threshold = scored[0][0].threshold if scored else 0
        lines.append(
            f"  {m.topic}: threshold {threshold:g}; lowest assigned "
            + (f"{low[0]:g} ({low[1]})" if low else "-")
            + "; highest rejected "
            + (f"{high[0]:g} ({high[1]})" if high else "-")
        )
    wrong = []
    for o in report.outcomes:
        if o.error:
            wrong.append(f"  ERROR {o.error}")
            continue
        for s in o.scores:
            want, got = s.topic in o.label.topics, s.assigned
            if want == got:
                continue
            kind = "FP" if got else "FN"
            why = ", ".join(f"{e.term}×{e.count}" for e in s.evidence[:6]) or "no terms"
            neg = ", ".join(f"{e.term}×{e.count}" for e in s.negative[:4])
            ctx = f"; missing context: {', '.join(s.missing_context)}" if s.missing_context else ""
            lines_neg = f"; negative: {neg}" if neg else ""
            wrong.append(
                f"  {kind} {s.topic} {o.label.given}: score {s.score:g} "
                f"(threshold {s.threshold:g}){ctx}; {why}{lines_neg}"
            )
        if o.label.language and o.detected_language != o.label.language:
            wrong.append(
                f"  LANG {o.label.given}: detected {o.detected_language}, "
                f"expected {o.label.language}"
            )
        if o.label.score_date and o.date != o.label.date:
            wrong.append(f"  DATE {o.label.given}: got {o.date}, expected {o.label.date}")
    lines += ["", "Disagreements:" if wrong else "Disagreements: none", *wrong]
    return "\n".join(lines) + "\n"
