"""Evaluation against a labelled set: topics, titles, dates, outlets, language.

A labels file (YAML) lists articles with what they should come out as::

    articles:
      - path: ru_kloop_odkb_arrival.txt          # relative to the labels file
        url: https://kloop.kg/blog/2022/01/06/... # the page URL (evidence, as a feed gives it)
        outlet: Kloop                             # the publisher (the site of the URL)
        outlet_in_text: false                     # the text itself names the publisher
        original: null                            # a reprint: the outlet it reprints
        language: ru
        title: "..."                              # the headline line; null = none in the text
        date: 2022-01-06                          # null = no date expected; omit = not scored
        date_in_text: true                        # the text states the full date
        topics: [csto_mission, unrest_2022]       # [] for a hard negative
        story: 2022-01-06-csto-troops-arrive      # event id (for story evaluation)

Only ``path`` is required; a metric is scored over the entries that carry its keys (the old
development-set files have only ``topics``, ``language`` and ``date``). Curated ``.md``
files are loaded like the corpus; raw files (``.txt``, ``.html``) are ingested in memory
with the label's URL, as a feed item carries it, and once more without it, to tell what the
text alone gives. Each article is analysed by the real pipeline (``generator.analyse``).

A real-article set is a folder with one sub-folder per split (``dev/``, ``blind/``), each
holding a ``labels.yaml`` (and/or ``labels_*.yaml``, e.g. one per collector);
``evaluate_folder`` scores each split apart.

The printed report is a list of sections (``SECTIONS``): functions from a report to lines.
Another metric (e.g. story clustering) is one more function appended to that list.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.corpus import CorpusError, parse_date
from generator.ingest.clean import fold_mixed_scripts
from generator.ingest.clean.slug import consonants
from generator.models import LEAD_TITLE, Article, TextAnalysis
from generator.settings import ConfigError, Settings
from generator.topics import Taxonomy, TopicScore, topic_scores

RAW_SUFFIXES = (".txt", ".html", ".htm")
SPLITS = ("dev", "blind")
LEAD_TITLE_MAX_WORDS = 20  # a title made from the lead counts as right only when short
DATELINE_MAX_CHARS = 60  # a lead title may follow the first paragraph's dateline
_LABEL_KEYS = {
    "path",
    "topics",
    "language",
    "date",
    "note",
    "url",
    "outlet",
    "outlet_in_text",
    "original",
    "title",
    "date_in_text",
    "story",
    "negative",
    "debris",
}


@dataclass(frozen=True)
class Label:
    """Expected outcome for one article of a labelled set."""

    path: Path  # resolved
    given: str  # as written in the labels file
    topics: frozenset[str]
    language: str | None = None
    date: dt.date | None = None
    score_date: bool = False  # False when the entry has no `date` key
    url: str | None = None
    outlet: str | None = None
    outlet_in_text: bool = False
    original: str | None = None
    title: str | None = None
    score_title: bool = False  # False when the entry has no `title` key
    date_in_text: bool = False
    story: str | None = None
    negative: bool = False


@dataclass(frozen=True)
class Outcome:
    """What the pipeline made of one labelled article.

    ``text_date`` / ``text_source``: the same input ingested without its URL (what the
    text alone gives).
    """

    label: Label
    article_id: str = ""
    topics: frozenset[str] = frozenset()
    scores: tuple[TopicScore, ...] = ()
    detected_language: str | None = None
    date: dt.date | None = None
    error: str | None = None
    title: str | None = None
    title_inferred: bool = False  # made from the lead (``lead_title``)
    body: str = ""
    source: str | None = None
    original: str | None = None
    text_date: dt.date | None = None
    text_source: str | None = None
    story: str | None = None  # the story the cluster stage put it in (all of a split together)
    article: Article | None = None
    analysis: TextAnalysis | None = None


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
class Ratio:
    """``right`` of ``total`` (a printed figure)."""

    right: int
    total: int

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    def __str__(self) -> str:
        return f"{self.right}/{self.total} = {self.right / self.total:.3f}" if self.total else "n/a"


@dataclass(frozen=True)
class EvalReport:
    source: str
    outcomes: tuple[Outcome, ...]
    topics: tuple[TopicMetrics, ...]
    language_correct: int
    language_total: int
    date_correct: int
    date_total: int
    aliases: Callable[[str], str | None] | None = None  # outlet name -> canonical name

    @property
    def macro_f1(self) -> float:
        return sum(m.f1 for m in self.topics) / len(self.topics) if self.topics else 0.0

    @property
    def errors(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.error)

    # -- titles, dates, outlets -------------------------------------------------------

    def _ok(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.error]

    @property
    def titles(self) -> Ratio:
        scored = [o for o in self.outcomes if o.label.score_title]
        return Ratio(sum(title_right(o) for o in scored), len(scored))

    @property
    def dates_recovered(self) -> Ratio:
        """Of the dates the text states: how many came out right (with the URL)."""
        stated = [o for o in self.outcomes if o.label.score_date and o.label.date_in_text]
        return Ratio(sum(o.date == o.label.date and not o.error for o in stated), len(stated))

    @property
    def dates_recovered_text_only(self) -> Ratio:
        stated = [o for o in self.outcomes if o.label.score_date and o.label.date_in_text]
        return Ratio(sum(o.text_date == o.label.date and not o.error for o in stated), len(stated))

    @property
    def dates_wrong(self) -> Ratio:
        """Dates given that differ from the label (a date where the label has none, too)."""
        scored = [o for o in self._ok() if o.label.score_date]
        wrong = sum(o.date is not None and o.date != o.label.date for o in scored)
        return Ratio(wrong, len(scored))

    @property
    def dates_wrong_text_only(self) -> Ratio:
        scored = [o for o in self._ok() if o.label.score_date]
        wrong = sum(o.text_date is not None and o.text_date != o.label.date for o in scored)
        return Ratio(wrong, len(scored))

    def outlet_right(self, o: Outcome, text_only: bool = False) -> bool:
        got = o.text_source if text_only else o.source
        return not o.error and outlet_matches(got, o.label.outlet, o.label.url, self.aliases)

    @property
    def outlets(self) -> Ratio:
        """Outlet recognised where the text or the URL names the publisher."""
        named = [
            o for o in self.outcomes if o.label.outlet and (o.label.url or o.label.outlet_in_text)
        ]
        return Ratio(sum(self.outlet_right(o) for o in named), len(named))

    @property
    def outlets_named_in_text(self) -> Ratio:
        """Outlet recognised (URL given, as a feed item has it) where the text names it."""
        named = [o for o in self.outcomes if o.label.outlet and o.label.outlet_in_text]
        return Ratio(sum(self.outlet_right(o) for o in named), len(named))

    @property
    def outlets_in_text(self) -> Ratio:
        """Outlet recognised from the text alone (no URL) where the text names it."""
        named = [o for o in self.outcomes if o.label.outlet and o.label.outlet_in_text]
        return Ratio(sum(self.outlet_right(o, text_only=True) for o in named), len(named))

    @property
    def originals(self) -> Ratio:
        """Reprints whose original outlet was recognised."""
        reprints = [o for o in self.outcomes if o.label.original]
        right = sum(
            not o.error and outlet_matches(o.original, o.label.original, None, self.aliases)
            for o in reprints
        )
        return Ratio(right, len(reprints))

    @property
    def originals_wrong(self) -> Ratio:
        """An ``original`` given where the label has none, or a different one."""
        scored = [o for o in self._ok() if o.label.outlet is not None]
        wrong = sum(
            o.original is not None
            and not outlet_matches(o.original, o.label.original, None, self.aliases)
            for o in scored
        )
        return Ratio(wrong, len(scored))


# ---------------------------------------------------------------------------- matching


def _norm(text: str | None) -> str:
    """Comparison form of a title: character references decoded, NFKC, look-alike letters
    folded as ingest folds them (a label copies the page's "Hoвopociйcькiй" as it is),
    case-folded, ё→е, no quotes/dashes, single spaces."""
    if not text:
        return ""
    text = html.unescape(text)  # a label copies a raw page's "What&#8217;s" as it is
    text = fold_mixed_scripts(unicodedata.normalize("NFKC", text)).casefold().replace("ё", "е")
    text = re.sub(r"[\"'«»„“”‘’`‹›]", "", text)
    text = re.sub(r"[‐-―−-]", "-", text)
    text = re.sub(r"\s*-\s*", " - ", text)
    return " ".join(text.split()).strip(" .…")


def lead_title(title: str | None, body: str) -> bool:
    """Is ``title`` a short title made from the lead (the start of the first paragraph, or
    what follows its dateline: "Belek, TURKMENISTAN Dec 23 Turkmenistan on …"; a letter's
    lead follows its salutation, a short first paragraph ending in "!": "Dear citizens!")?"""
    if not title or len(title.split()) > LEAD_TITLE_MAX_WORDS:
        return False
    head = _norm(title.rstrip("…").rstrip(".").strip())
    paragraphs = body.split("\n\n", 2) if body else [""]
    salutation = paragraphs[0].rstrip().endswith("!") and len(paragraphs[0].split()) <= 4
    for paragraph in paragraphs[: 2 if salutation else 1]:
        at = _norm(paragraph).find(head) if head else -1
        if at == 0 or 0 < at <= DATELINE_MAX_CHARS:
            return True
    return False


def title_right(o: Outcome) -> bool:
    """The headline as labelled; where none is labelled, a short inferred lead title."""
    if o.error or not o.label.score_title:
        return False
    if o.label.title:
        return _norm(o.title) == _norm(o.label.title)
    return o.title_inferred and lead_title(o.title, o.body)


def _outlet_key(name: str | None) -> str:
    """Comparison form of an outlet name: case-folded letters and digits, no leading "The"."""
    if not name:
        return ""
    name = unicodedata.normalize("NFKC", name).casefold().replace("ё", "е")
    name = re.sub(r"^the\s+", "", name.strip())
    return re.sub(r"[\W_]+", "", name)


def _name_keys(name: str) -> set[str]:
    """Keys of a labelled name and of its parts in brackets ("Kyiv Pravda (kyiv-pravda.xyz)")."""
    parts = [name, re.sub(r"\([^()]*\)", " ", name), *re.findall(r"\(([^()]*)\)", name)]
    return {k for k in map(_outlet_key, parts) if k}


def _domain_keys(url: str | None) -> set[str]:
    """Keys of a URL's site: the host and its own name ("kloop.kg", "kloop";
    "snoopeasy.blogspot.com", "snoopeasy"; "nrcu.gov.ua", "nrcu"), an internationalised
    host both ways ("xn--1-rtb.net" and "1й.net")."""
    from generator.sources import site_host, unicode_host

    host = site_host(url)
    if not host:
        return set()
    hosts = {host, unicode_host(host)}
    return {k for h in hosts for k in (_outlet_key(h), _outlet_key(h.split(".")[0])) if k}


def outlet_matches(
    got: str | None,
    want: str | None,
    url: str | None = None,
    aliases: Callable[[str], str | None] | None = None,
) -> bool:
    """Same outlet: equal names once normalised, aliases of one registry outlet, or both
    names of the URL's own domain (an outlet the registry does not know)."""
    if not got or not want:
        return False
    g, wants = _outlet_key(got), _name_keys(want)
    if g in wants:
        return True
    if aliases is not None:
        cg, cw = aliases(got), aliases(want)
        if cg and cw and cg == cw:
            return True
    keys = _domain_keys(url)
    if g in keys and bool(wants & keys):
        return True

    # one name in two scripts: "ГРУЗИНФОРМ" and "Gruzinform", "Толқын" and "tolqyn.kz" (the
    # site's own name as the page writes it, the label naming it by its domain)
    def skeleton(name: str) -> tuple[str, str]:  # (consonants in Latin letters, figures)
        return consonants(name), "".join(re.findall(r"\d", name))

    named = wants | (keys if wants & keys else set())
    mine = skeleton(got)
    return len(mine[0]) >= 4 and any(skeleton(k) == mine for k in named)


# ---------------------------------------------------------------------------- labels


def _parse_date(value: Any, where: str) -> dt.date | None:
    """A label's date, read as the corpus reads front-matter dates."""
    try:
        return parse_date(value, where)
    except CorpusError as exc:
        raise ConfigError(f"{where}: date: expected YYYY-MM-DD or null, got {value!r}") from exc


def _optional_text(entry: dict[str, Any], key: str, where: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise ConfigError(f"{where}: {key}: expected text or null")
    return str(value).strip() or None


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
        for flag in ("outlet_in_text", "date_in_text", "negative", "debris"):
            if entry.get(flag) is not None and not isinstance(entry.get(flag), bool):
                raise ConfigError(f"{where}: {flag}: expected true or false")
        labels.append(
            Label(
                path=(path.parent / entry["path"]).resolve(),
                given=entry["path"],
                topics=frozenset(topics),
                language=language,
                date=_parse_date(entry.get("date"), where),
                score_date="date" in entry,
                url=_optional_text(entry, "url", where),
                outlet=_optional_text(entry, "outlet", where),
                outlet_in_text=bool(entry.get("outlet_in_text")),
                original=_optional_text(entry, "original", where),
                title=_optional_text(entry, "title", where),
                score_title="title" in entry,
                date_in_text=bool(entry.get("date_in_text")),
                story=_optional_text(entry, "story", where),
                negative=bool(entry.get("negative")),
            )
        )
    return tuple(labels)


# ---------------------------------------------------------------------------- running


class ArticleLoader:
    """Loads labelled articles: curated ``.md`` like the corpus, raw files through ingest
    (in memory, with the label's URL when given; the ingest context is built on first use)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._ingest_ctx: Any = None

    @property
    def ingest_context(self) -> Any:
        if self._ingest_ctx is None:
            from generator.ingest import load_ingest_context

            self._ingest_ctx = load_ingest_context(self.settings)
        return self._ingest_ctx

    def __call__(self, path: Path, url: str | None = None) -> Article:
        if path.suffix.lower() in RAW_SUFFIXES:
            from generator.ingest import RawInput, ingest_bytes

            raw = RawInput(data=path.read_bytes(), origin=str(path), url=url)
            return ingest_bytes(raw, self.ingest_context)
        from generator.corpus import read_article

        return read_article(path)

    def aliases(self, name: str) -> str | None:
        """The registry's canonical name for an outlet name (``None`` if unknown)."""
        return self.ingest_context.sources.resolve(name)


def compare(
    labels: Sequence[Label],
    outcomes: Sequence[Outcome],
    topic_ids: Sequence[str],
    source: str = "",
    aliases: Callable[[str], str | None] | None = None,
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
        aliases=aliases,
    )


def evaluate(
    labels_path: Path | Sequence[Path],
    settings: Settings,
    progress: Callable[[Label], None] | None = None,
    context: Any = None,
) -> EvalReport:
    """Load, analyse and score every labelled article; a broken one is reported, not fatal.

    ``context``: an analysis context to reuse (``generator.analyse.load_context``).
    """
    from generator.analyse import analyse_text, load_context
    from generator.ingest.errors import IngestError
    from generator.nlp.language import get_detector

    ctx = context if context is not None else load_context(settings)
    taxonomy: Taxonomy = ctx.taxonomy
    topic_ids = [t.id for t in taxonomy.topics]
    paths = [Path(labels_path)] if isinstance(labels_path, (str, Path)) else list(labels_path)
    labels = tuple(label for path in paths for label in load_labels(path, topic_ids))
    load = ArticleLoader(settings)
    detector = None
    outcomes = []
    for label in labels:
        if progress:
            progress(label)
        try:
            article = load(label.path, label.url)
            text_only = load(label.path) if label.url else article
            text = analyse_text(article, ctx)
            scores = topic_scores(text, taxonomy, article.date)
            if detector is None:
                deciding = getattr(load.ingest_context, "detector", None)
                detector = deciding or get_detector(tuple(settings.languages))
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
                title=article.title,
                title_inferred=LEAD_TITLE in article.inferred,
                body=article.body,
                source=article.source,
                original=getattr(article, "original", None),
                text_date=text_only.date,
                text_source=text_only.source,
                article=article,
                analysis=text,
            )
        )
    outcomes = with_stories(outcomes, ctx, settings)
    source = ", ".join(str(p) for p in paths)
    return compare(labels, outcomes, topic_ids, source=source, aliases=load.aliases)


def with_stories(outcomes: Sequence[Outcome], ctx: Any, settings: Settings) -> list[Outcome]:
    """Cluster the analysed outcomes together, as a build clusters its corpus, and take the
    topics the story stage lends (``generator.topics.apply_story_evidence``) and each
    article's story id: the scores are those of the built digest, not of lone articles."""
    from generator.models import Analysis
    from generator.pipeline import cluster_stage

    def matches(scores: Sequence[TopicScore]) -> tuple:
        found = sorted((t.match() for t in scores if t.assigned), key=lambda m: (-m.score, m.topic))
        return tuple(found)

    ok = [o for o in outcomes if not o.error and o.analysis is not None]
    unique = {o.article_id: o for o in ok}
    analyses = tuple(
        Analysis(article=o.article, text=o.analysis, topics=matches(o.scores))
        for o in unique.values()
    )
    if not analyses:
        return list(outcomes)
    lent, stories = cluster_stage(analyses, ctx, settings, use_cache=False)
    topics = {a.id: frozenset(a.topic_ids) for a in lent}
    story_of = {aid: s.id for s in stories for aid in s.article_ids}
    return [
        dataclasses.replace(
            o,
            topics=o.topics | topics.get(o.article_id, frozenset()),
            story=story_of.get(o.article_id),
        )
        if not o.error
        else o
        for o in outcomes
    ]


def _labels_files(folder: Path) -> list[Path]:
    """``labels.yaml`` and any ``labels_*.yaml`` beside it (one per collector), sorted."""
    return sorted(p for p in folder.glob("labels*.yaml") if p.is_file())


def split_labels(folder: Path) -> list[tuple[str, list[Path]]]:
    """(split name, labels files) of a real-article set folder: ``dev/``, ``blind/`` (in
    this order) and any other sub-folder with labels; the folder itself if it has some."""
    folder = Path(folder)
    if _labels_files(folder):
        return [(folder.name, _labels_files(folder))]
    subs = sorted(
        (p for p in folder.iterdir() if p.is_dir() and _labels_files(p)),
        key=lambda p: (SPLITS.index(p.name) if p.name in SPLITS else len(SPLITS), p.name),
    )
    return [(p.name, _labels_files(p)) for p in subs]


def evaluate_folder(
    folder: Path,
    settings: Settings,
    splits: Sequence[str] | None = None,
    progress: Callable[[Label], None] | None = None,
) -> list[tuple[str, EvalReport]]:
    """Score each split of a real-article set apart (``splits`` limits which ones)."""
    from generator.analyse import load_context

    found = split_labels(folder)
    if splits:
        found = [(name, path) for name, path in found if name in splits]
    if not found:
        raise ConfigError(f"{folder}: no labels.yaml in it or in its dev/ or blind/ folders")
    ctx = load_context(settings)
    return [(name, evaluate(paths, settings, progress, context=ctx)) for name, paths in found]


# ---------------------------------------------------------------------------- report

Section = Callable[[EvalReport, bool], list[str]]


def _ratio(n: int, d: int) -> str:
    return f"{n}/{d} = {n / d:.3f}" if d else "n/a (nothing labelled)"


def topics_section(report: EvalReport, details: bool) -> list[str]:
    """Per-topic P/R/F1 and macro-F1."""
    width = max([len("macro-F1"), *(len(m.topic) for m in report.topics)])
    lines = [f"{'topic':<{width}}  precision  recall     F1   TP  FP  FN  support"]
    for m in report.topics:
        lines.append(
            f"{m.topic:<{width}}  {m.precision:9.3f}  {m.recall:6.3f}  {m.f1:5.3f}"
            f"  {m.tp:3d} {m.fp:3d} {m.fn:3d}  {m.support:7d}"
        )
    lines.append(f"{'macro-F1':<{width}}  {'':9}  {'':6}  {report.macro_f1:5.3f}")
    return lines


def metadata_section(report: EvalReport, details: bool) -> list[str]:
    """Language, dates, titles, outlets."""
    lines = [
        f"language accuracy (detected from text): "
        f"{_ratio(report.language_correct, report.language_total)}",
        f"date accuracy (as loaded/ingested):     {_ratio(report.date_correct, report.date_total)}",
    ]
    if any(o.label.url or o.label.date_in_text for o in report.outcomes):
        lines += [
            f"dates recovered (of date_in_text):      {report.dates_recovered}"
            f"   text alone: {report.dates_recovered_text_only}",
            f"dates WRONG (a date unlike the label):  {report.dates_wrong}"
            f"   text alone: {report.dates_wrong_text_only}",
        ]
    if any(o.label.score_title for o in report.outcomes):
        lines.append(f"titles right:                           {report.titles}")
    if any(o.label.outlet for o in report.outcomes):
        lines += [
            f"outlet recognised (text or URL names):  {report.outlets}",
            f"outlet where the text names it:         {report.outlets_named_in_text}"
            f"   text alone: {report.outlets_in_text}",
            f"original of reprints recognised:        {report.originals}"
            f"   wrong originals: {report.originals_wrong}",
        ]
    return lines


def closest_calls_section(report: EvalReport, details: bool) -> list[str]:
    """For each topic: the lowest assigned and the highest rejected score."""
    if not details:
        return []
    lines = ["Closest calls (lowest assigned score; highest score left below the threshold):"]
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
    return lines


def disagreements_section(report: EvalReport, details: bool) -> list[str]:
    """Every disagreement with its evidence (so a reader can see why)."""
    if not details:
        return []
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
            if s.passing:
                ctx += f"; in passing: {s.passing[0]} of {s.passing[1]} sentences"
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
        if o.label.score_title and not title_right(o):
            lead = " (inferred)" if o.title_inferred else ""
            wrong.append(
                f"  TITLE {o.label.given}: got {o.title!r}{lead}, expected {o.label.title!r}"
            )
        named = o.label.outlet and (o.label.url or o.label.outlet_in_text)
        if named and not report.outlet_right(o):
            wrong.append(f"  OUTLET {o.label.given}: got {o.source!r}, expected {o.label.outlet!r}")
        if o.label.outlet_in_text and not report.outlet_right(o, text_only=True):
            wrong.append(
                f"  OUTLET-TEXT {o.label.given}: text alone gave {o.text_source!r}, "
                f"expected {o.label.outlet!r}"
            )
        if (o.original or o.label.original) and not outlet_matches(
            o.original, o.label.original, None, report.aliases
        ):
            wrong.append(
                f"  ORIGINAL {o.label.given}: got {o.original!r}, expected {o.label.original!r}"
            )
    return ["Disagreements:" if wrong else "Disagreements: none", *wrong]


def stories_section(report: EvalReport, details: bool) -> list[str]:
    """Story clustering against the labelled story ids (B-cubed, merged and split stories)."""
    from generator.evaluate_stories import story_section

    return story_section(report, details)


# The printed report, in order; a new metric is one more function here.
SECTIONS: list[Section] = [
    topics_section,
    metadata_section,
    stories_section,
    closest_calls_section,
    disagreements_section,
]


def format_report(
    report: EvalReport, details: bool = True, sections: Sequence[Section] | None = None
) -> str:
    """A plain-text report: one block per section (``SECTIONS``), blank lines between."""
    lines = [f"Evaluation of {report.source}: {len(report.outcomes)} articles"]
    for section in SECTIONS if sections is None else sections:
        block = section(report, details)
        if block:
            lines += ["", *block]
    return "\n".join(lines) + "\n"


def format_splits(reports: Sequence[tuple[str, EvalReport]], details: bool = True) -> str:
    """Reports of several splits, each under a ``== split ==`` heading."""
    parts = [f"== {name} ==\n{format_report(rep, details)}" for name, rep in reports]
    return "\n".join(parts)
