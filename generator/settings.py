"""One typed ``Settings`` object: defaults <- digest.yml <- command line.

Every option is a dataclass field with a default and a help text in ``metadata``; an
unknown key, a wrong type or a bad value is a ``ConfigError`` that names the file and
the key and says how to fix it.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CONFIG_FILE = "digest.yml"
INTERFACE_LANGUAGES = ("en", "ru")
DASK_SCHEMES = ("tcp://", "tls://", "inproc://", "ucx://", "ws://", "wss://")


# libyaml's safe loader when PyYAML was built with it (about ten times faster on the entity
# registry and the taxonomy), else the pure-Python one; both build plain values only.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """``text`` parsed by ``SAFE_LOADER``; a ``yaml.YAMLError`` worded by the pure-Python
    parser (its messages name the line and what was expected)."""
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError:
        if SAFE_LOADER is yaml.SafeLoader:
            raise
    return yaml.safe_load(text)


class ConfigError(Exception):
    """A configuration problem, already phrased for the user (file, key, fix)."""


def read_yaml(path: Path, what: str) -> tuple[str, Any]:
    """Read a YAML config file: (its text, its data); ``ConfigError`` naming the file if
    it cannot be read, is not UTF-8 or is not valid YAML. ``what`` names the file's role."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the {what} ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: the {what} is not UTF-8") from exc
    try:
        return text, yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {exc}") from exc


def _opt(default: Any, help: str, **kw: Any) -> Any:
    if isinstance(default, (list, dict)):
        return field(default_factory=lambda: type(default)(default), metadata={"help": help}, **kw)
    return field(default=default, metadata={"help": help}, **kw)


@dataclass(frozen=True)
class SiteSettings:
    name: str = _opt("Kazakhstan–Russia–Ukraine Media Digest", "Site name shown in the header.")
    description: str = _opt(
        "Weekly media-monitoring digest of Russian, Ukrainian and Kazakh news.",
        "One-line description for the home page and feed.",
    )
    language: str = _opt("en", "Interface language of the site and briefs: en or ru.")
    url: str = _opt("https://example.org/digest/", "Public URL of the site (feeds, sitemap).")
    author: str = _opt("Analyst desk", "Who publishes the digest (feed and PDF metadata).")


@dataclass(frozen=True)
class FeedSettings:
    name: str = _opt("", "Human name of the feed.")
    url: str = _opt("", "RSS or Atom feed URL.")
    language: str = _opt("", "Language hint for the feed's items (ru, uk, kk, en).")
    source: str = _opt("", "Outlet name to record as the items' source.")


@dataclass(frozen=True)
class FetchSettings:
    allow_private_hosts: bool = _opt(
        False,
        "Allow feeds and pages on loopback, private, link-local and reserved addresses "
        "(refused by default: a feed must not make the digest read an internal network).",
    )
    allowed_networks: tuple[str, ...] = _opt(
        (), "Networks (CIDR, e.g. 10.1.2.0/24) fetches may reach although they are private."
    )


@dataclass(frozen=True)
class AnalysisSettings:
    keywords: int = _opt(10, "Keywords kept per article.")
    summary_sentences: int = _opt(3, "Sentences in an article summary (2-3 is usual).")
    overview_sentences: int = _opt(5, "Sentences in a topic overview.")
    workers: int = _opt(0, "Processes for analysis; 0 means one per core.")
    dask: str = _opt(
        "",
        "Dask scheduler address (tcp://HOST:PORT) to analyse on a cluster; empty: this machine.",
    )
    batch_size: int = _opt(64, "Articles per Dask task when analysing on a cluster.")


@dataclass(frozen=True)
class OutputSettings:
    docs: str = _opt("docs", "Folder the Markdown pages are written to.")
    site: str = _opt("site", "Folder mkdocs builds the HTML site into.")
    briefs: bool = _opt(True, "Write one PDF brief per topic and per week.")
    json: bool = _opt(True, "Write digest.json, the whole analysed corpus.")
    feed_items: int = _opt(20, "Articles in the site's Atom feed.")
    relevant_only: bool = _opt(
        True,
        "Publish only articles on a topic (or in an on-topic story); list the rest aside.",
    )
    rejected: str = _opt(
        "rejected.json", "Index of articles kept in the corpus but not published (why, URL)."
    )
    cache: str = _opt(
        ".cache/digest",
        "Analysis cache: a folder, or an fsspec URL (s3://bucket/path) shared by a cluster.",
    )


@dataclass(frozen=True)
class AlertSettings:
    breaking_reports: int = _opt(
        3,
        "A story is marked breaking when at least this many of its reports are dated within "
        "`breaking_days` of the digest's newest article and they at least double its count.",
    )
    breaking_days: int = _opt(
        1,
        "Days before the digest's newest article date that count as new (1: that day and "
        "the day before).",
    )
    feed_items: int = _opt(50, "Entries in each topic and entity feed (a story feed has all).")
    tag_min_articles: int = _opt(
        2, "A tag is kept only when at least this many articles carry it (no one-article tags)."
    )


@dataclass(frozen=True)
class StoryWeights:
    text: float = _opt(
        0.7, "Weight of the lead's lemmas (title and first sentences), same language."
    )
    entities: float = _opt(0.1, "Weight of shared canonical entities (any language).")
    numbers: float = _opt(0.05, "Weight of shared numbers (any language).")
    concepts: float = _opt(0.25, "Weight of shared taxonomy concepts (any language).")


@dataclass(frozen=True)
class StorySettings:
    concepts: str = _opt(
        "config/story_concepts.yml", "Multilingual event vocabulary (cross-language concepts)."
    )
    window_days: int = _opt(2, "Reports more than this many days apart are never linked.")
    max_span_days: int = _opt(4, "A story takes no report dated this many days after its first.")
    threshold: float = _opt(0.25, "Similarity at which a report joins a story (same language).")
    cross_threshold: float = _opt(
        0.45, "Similarity at which a report joins a story of another language."
    )
    link_mean: float = _opt(
        0.5, "0: a report joins the story of its closest report; 1: of its closest on average."
    )
    link_floor: float = _opt(0.15, "Least mean similarity to a story's reports in the window.")
    undated_gap: int = _opt(1, "Days between an undated report and any other (date decay).")
    date_decay: float = _opt(0.3, "Similarity lost per day between two reports.")
    title_boost: float = _opt(2.0, "A title lemma counts this many times a lead lemma.")
    lead_sentences: int = _opt(6, "Sentences after the title that describe the event.")
    idf_prior: int = _opt(20, "Pseudo-corpus size so that rarity is meaningful in tiny inputs.")
    max_block: int = _opt(300, "A blocking key shared by more reports in the window is skipped.")
    max_candidates: int = _opt(60, "Reports scored in full per new report (best by blocking).")
    weights: StoryWeights = _opt(StoryWeights(), "Weights of the similarity signals.")
    reprint_share: float = _opt(
        0.6, "Share of the shorter report's sentences found in the other: a reprint."
    )
    reprint_min_words: int = _opt(5, "Shorter sentences are no evidence of copying.")
    reprint_max_df: int = _opt(20, "A sentence in more reports than this is boilerplate.")
    summary_sentences: int = _opt(3, "Sentences in a story summary.")


@dataclass(frozen=True)
class TranslationSettings:
    engine: str = _opt(
        "none",
        "English machine translation of titles and summaries: none, or argos (a local Argos "
        "Translate with its language packages; nothing is downloaded).",
    )


@dataclass(frozen=True)
class Settings:
    root: Path = _opt(Path("."), "Folder the relative paths below are resolved against.")
    site: SiteSettings = _opt(SiteSettings(), "Site identity.")
    languages: tuple[str, ...] = _opt(("ru", "uk", "kk", "en"), "Languages of the corpus.")
    corpus: str = _opt("seeds", "Folder of curated articles (*.md with front matter).")
    taxonomy: str = _opt("config/topics.yml", "Topic taxonomy file.")
    sources: str = _opt("config/sources.yml", "Outlets and their aliases.")
    entities: str = _opt("config/entities.yml", "Multilingual entity alias registry.")
    language_data: str = _opt("config/languages", "Folder of per-language word lists.")
    feeds: tuple[FeedSettings, ...] = _opt((), "RSS/Atom feeds read by `digest ingest --feeds`.")
    fetch: FetchSettings = _opt(FetchSettings(), "Outbound HTTP (feeds and their pages).")
    analysis: AnalysisSettings = _opt(AnalysisSettings(), "Analysis options.")
    output: OutputSettings = _opt(OutputSettings(), "Output options.")
    stories: StorySettings = _opt(StorySettings(), "Story clustering (generator/cluster.py).")
    translation: TranslationSettings = _opt(
        TranslationSettings(), "Optional machine translation (generator/translate.py)."
    )
    alerts: AlertSettings = _opt(AlertSettings(), "Feeds per topic, story and entity; tags.")
    config_file: Path | None = _opt(None, "The file these settings came from.")

    def path(self, value: str | Path) -> Path:
        """Resolve a configured path against ``root``."""
        p = Path(value)
        return p if p.is_absolute() else self.root / p

    def cache_location(self) -> str | Path:
        """The analysis cache: a URL (``s3://…``, ``memory://…``) as is, a folder resolved."""
        return self.output.cache if "://" in self.output.cache else self.path(self.output.cache)

    def local_cache_dir(self) -> Path:
        """A local folder for caches that stay on this machine (PDF briefs)."""
        if "://" in self.output.cache:
            return self.path(OutputSettings().cache)
        return self.path(self.output.cache)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def _type_name(tp: Any) -> str:
    return getattr(tp, "__name__", str(tp))


def _convert(value: Any, tp: Any, where: str) -> Any:
    """Check ``value`` against the annotation ``tp``; build nested dataclasses."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return _convert(value, args[0], where)
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: expected a mapping, got {type(value).__name__}")
        return _build(tp, value, where)
    if origin is tuple:
        if not isinstance(value, list):
            raise ConfigError(f"{where}: expected a list, got {type(value).__name__}")
        inner = typing.get_args(tp)[0]
        return tuple(_convert(v, inner, f"{where}[{i}]") for i, v in enumerate(value))
    if tp is Path:
        if not isinstance(value, str):
            raise ConfigError(f"{where}: expected a path string")
        return Path(value)
    if tp is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: expected true or false, got {value!r}")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{where}: expected a whole number, got {value!r}")
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{where}: expected a number, got {value!r}")
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            raise ConfigError(f"{where}: expected text, got {value!r}")
        return value
    raise ConfigError(f"{where}: unsupported option type {_type_name(tp)}")  # pragma: no cover


def _build(cls: type, data: dict[str, Any], where: str) -> Any:
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls) if f.name not in ("root", "config_file")}
    unknown = sorted(set(data) - names)
    if unknown:
        raise ConfigError(
            f"{where}: unknown key(s) {', '.join(map(repr, unknown))}; "
            f"known keys are: {', '.join(sorted(names))}"
        )
    kwargs = {k: _convert(v, hints[k], f"{where}.{k}" if where else k) for k, v in data.items()}
    return cls(**kwargs)


def validate_settings(s: Settings, where: str) -> None:
    """Check values across options; ``ConfigError`` naming ``where`` and the option."""
    if s.site.language not in INTERFACE_LANGUAGES:
        raise ConfigError(
            f"{where}: site.language is {s.site.language!r}; use one of {INTERFACE_LANGUAGES}"
        )
    if not s.languages:
        raise ConfigError(f"{where}: languages must list at least one language code")
    for code in s.languages:
        if not (isinstance(code, str) and code.isalpha() and len(code) == 2):
            raise ConfigError(f"{where}: languages: {code!r} is not a two-letter language code")
    if not 1 <= s.analysis.summary_sentences <= 10:
        raise ConfigError(f"{where}: analysis.summary_sentences must be between 1 and 10")
    if not 1 <= s.analysis.keywords <= 50:
        raise ConfigError(f"{where}: analysis.keywords must be between 1 and 50")
    if s.analysis.workers < 0:
        raise ConfigError(f"{where}: analysis.workers must be 0 (auto) or more")
    if s.analysis.dask and not s.analysis.dask.startswith(DASK_SCHEMES):
        raise ConfigError(
            f"{where}: analysis.dask {s.analysis.dask!r} is not a scheduler address; "
            f"write it like tcp://10.0.0.5:8786 (schemes: {', '.join(DASK_SCHEMES)})"
        )
    if not 1 <= s.analysis.batch_size <= 10_000:
        raise ConfigError(f"{where}: analysis.batch_size must be between 1 and 10000")
    st = s.stories
    for name in ("window_days", "max_span_days", "lead_sentences", "summary_sentences"):
        if getattr(st, name) < 0:
            raise ConfigError(f"{where}: stories.{name} must be 0 or more")
    for name in ("idf_prior", "max_block", "max_candidates", "reprint_max_df"):
        if getattr(st, name) < 1:
            raise ConfigError(f"{where}: stories.{name} must be 1 or more")
    for name in ("threshold", "cross_threshold", "reprint_share"):
        if not 0.0 < getattr(st, name) <= 1.0:
            raise ConfigError(f"{where}: stories.{name} must be above 0 and at most 1")
    if not 0.0 <= st.date_decay < 1.0:
        raise ConfigError(f"{where}: stories.date_decay must be from 0 to below 1")
    for name in ("breaking_reports", "breaking_days", "feed_items", "tag_min_articles"):
        if getattr(s.alerts, name) < 1:
            raise ConfigError(f"{where}: alerts.{name} must be 1 or more")
    weights = dataclasses.asdict(st.weights)
    if any(w < 0 for w in weights.values()) or not any(weights.values()):
        raise ConfigError(f"{where}: stories.weights must be 0 or more, at least one above 0")
    if s.translation.engine not in ("none", "argos"):
        raise ConfigError(
            f"{where}: translation.engine is {s.translation.engine!r}; use none or argos"
        )
    for i, feed in enumerate(s.feeds):
        if not feed.url.startswith(("http://", "https://")):
            raise ConfigError(f"{where}: feeds[{i}].url must start with http:// or https://")
        if feed.language and feed.language not in s.languages:
            raise ConfigError(f"{where}: feeds[{i}].language {feed.language!r} is not in languages")
    for i, net in enumerate(s.fetch.allowed_networks):
        try:
            ipaddress.ip_network(net, strict=False)
        except ValueError:
            raise ConfigError(
                f"{where}: fetch.allowed_networks[{i}]: {net!r} is not a network like 10.0.0.0/8"
            ) from None


def load_settings(path: str | Path | None = None, root: str | Path | None = None) -> Settings:
    """Load ``digest.yml`` (or defaults when there is none) and validate it.

    ``root`` defaults to the config file's folder, or the current folder.
    """
    cfg = Path(path) if path else None
    if cfg is None and Path(CONFIG_FILE).is_file():
        cfg = Path(CONFIG_FILE)
    data: dict[str, Any] = {}
    where = str(cfg) if cfg else "<defaults>"
    if cfg is not None:
        _text, loaded = read_yaml(cfg, "config file")
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise ConfigError(f"{cfg}: the top level must be a mapping of options")
        data = loaded
    try:
        settings = _build(Settings, data, "")
    except ConfigError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    base = Path(root) if root else (cfg.parent if cfg else Path("."))
    settings = dataclasses.replace(settings, root=base.resolve(), config_file=cfg)
    validate_settings(settings, where)
    return settings


def documented_options() -> list[tuple[str, Any, str]]:
    """All options as (dotted name, default, help); used by docs and a completeness test."""
    out: list[tuple[str, Any, str]] = []

    def walk(cls: type, prefix: str) -> None:
        for f in dataclasses.fields(cls):
            if f.name in ("root", "config_file"):
                continue
            default = f.default if f.default is not dataclasses.MISSING else f.default_factory()
            out.append((prefix + f.name, default, f.metadata.get("help", "")))
            if dataclasses.is_dataclass(default) and not isinstance(default, type):
                walk(type(default), prefix + f.name + ".")

    walk(Settings, "")
    return out
