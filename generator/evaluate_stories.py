"""Story evaluation: B-cubed precision, recall and F1 of the cluster stage against labels.

A labels file (the real-article set's ``labels.yaml``) gives each article a ``story:`` id;
the articles are loaded like ``digest eval`` loads them (raw files ingested in memory),
analysed, clustered together with ``generator.cluster`` and compared with the labels.

B-cubed (Bagga & Baldwin 1998; Amigó et al. 2009): for each article, precision is the share
of its predicted story that shares its gold story, recall the share of its gold story found
in its predicted story; both are averaged over the articles and F1 is their harmonic mean.
Labels are never used by the clustering itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.settings import ConfigError, Settings


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float
    articles: int
    gold_stories: int
    predicted_stories: int

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> BCubed:
    """B-cubed over the items of ``gold`` (item -> gold cluster; item -> predicted cluster).
    An item missing from ``predicted`` is a singleton of its own."""
    items = sorted(gold)
    pred = {i: predicted.get(i, f"\0missing:{i}") for i in items}
    pair = Counter((gold[i], pred[i]) for i in items)
    gsize = Counter(gold[i] for i in items)
    psize = Counter(pred[i] for i in items)
    if not items:
        return BCubed(1.0, 1.0, 0, 0, 0)
    p = sum(pair[(gold[i], pred[i])] / psize[pred[i]] for i in items) / len(items)
    r = sum(pair[(gold[i], pred[i])] / gsize[gold[i]] for i in items) / len(items)
    return BCubed(p, r, len(items), len(gsize), len(psize))


def load_story_labels(path: Path) -> dict[Path, str]:
    """Resolved article path -> gold story id, for the entries of ``path`` that have one."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the labels file: {exc}") from exc
    entries = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: expected a mapping with a list `articles`")
    out: dict[Path, str] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            raise ConfigError(f"{path}: articles[{i}]: expected a mapping with a `path`")
        story = entry.get("story")
        if story is None:
            continue
        if not isinstance(story, str) or not story.strip():
            raise ConfigError(f"{path}: {entry['path']}: story: expected an id")
        out[(Path(path).parent / entry["path"]).resolve()] = story.strip()
    return out


@dataclass(frozen=True)
class StoryEval:
    source: str
    scores: BCubed
    gold: Mapping[str, str]  # article path (as in labels) -> gold story
    predicted: Mapping[str, str]  # article path -> predicted story id
    errors: tuple[str, ...] = ()


def evaluate_stories(labels_path: Path | Sequence[Path], settings: Settings) -> StoryEval | None:
    """Load, analyse and cluster the labelled articles (of one labels file, or of several
    taken as one split); None when no entry has a story."""
    from generator.analyse import analyse_corpus, load_context
    from generator.cache import AnalysisCache
    from generator.cluster import cluster, cluster_context, story_index
    from generator.evaluate import ArticleLoader
    from generator.ingest.errors import IngestError

    paths = [Path(labels_path)] if isinstance(labels_path, (str, Path)) else list(labels_path)
    labels: dict[Path, str] = {}
    for p in paths:
        labels.update(load_story_labels(p))
    if not labels:
        return None
    ctx = load_context(settings)
    load = ArticleLoader(settings)
    articles, names, errors = [], {}, []
    for path in sorted(labels):
        try:
            article = load(path)
        except (OSError, ValueError, ConfigError, IngestError) as exc:
            errors.append(f"{path.name}: {exc}")
            continue
        articles.append(article)
        names[article.id] = path
    cache = AnalysisCache(settings.path(settings.output.cache))
    result = analyse_corpus(articles, ctx, cache=cache, workers=settings.analysis.workers)
    stories = cluster(result.analyses, settings.stories, cluster_context(settings, ctx))
    story_of = story_index(stories)
    rel = {p: p.name for p in labels}
    if len(set(rel.values())) < len(rel):  # same file name in two folders: keep the folder
        rel = {p: f"{p.parent.name}/{p.name}" for p in labels}
    gold = {rel[p]: s for p, s in labels.items()}
    predicted = {rel[names[aid]]: sid for aid, sid in story_of.items()}
    source = " + ".join(map(str, paths))
    return StoryEval(source, bcubed(gold, predicted), gold, predicted, tuple(errors))


def format_story_eval(ev: StoryEval, details: bool = True) -> str:
    s = ev.scores
    lines = [
        f"Stories of {ev.source}: {s.articles} articles, {s.gold_stories} labelled stories, "
        f"{s.predicted_stories} found",
        f"story B-cubed  precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}",
    ]
    if details:
        by_pred: dict[str, list[str]] = {}
        for name, sid in sorted(ev.predicted.items()):
            by_pred.setdefault(sid, []).append(name)
        mixed = [
            (sid, names)
            for sid, names in sorted(by_pred.items())
            if len({ev.gold[n] for n in names}) > 1
        ]
        for sid, names in mixed:
            lines.append(f"  MERGED {sid}: " + ", ".join(f"{n} ({ev.gold[n]})" for n in names))
        by_gold: dict[str, set[str]] = {}
        for name, g in ev.gold.items():
            by_gold.setdefault(g, set()).add(ev.predicted.get(name, "?"))
        for g, preds in sorted(by_gold.items()):
            if len(preds) > 1:
                parts = [
                    f"{sid}: "
                    + ", ".join(sorted(n for n in by_pred.get(sid, []) if ev.gold[n] == g))
                    for sid in sorted(preds)
                ]
                lines.append(f"  SPLIT {g}: " + " | ".join(parts))
        lines += [f"  ERROR {e}" for e in ev.errors]
    return "\n".join(lines) + "\n"


def story_section(report, details: bool = True) -> list[str]:
    """The story lines of ``digest eval``: B-cubed of the outcomes' stories (the evaluation
    clusters each split's articles together, as a build does) against the labelled ones."""
    labelled = [o for o in report.outcomes if o.label.story]
    if not labelled:
        return []
    names = {o.label.given: o for o in labelled}
    gold = {n: o.label.story for n, o in names.items()}
    predicted = {n: o.story for n, o in names.items() if o.story and not o.error}
    errors = tuple(o.error for o in labelled if o.error)
    ev = StoryEval(report.source, bcubed(gold, predicted), gold, predicted, errors)
    return format_story_eval(ev, details).rstrip("\n").split("\n")


def story_report(labels: Path, settings: Settings, details: bool = True) -> str:
    """The story section of ``digest eval``: for a labels file, or for each split folder
    (``*/labels.yaml``) of a folder; empty when nothing is labelled with stories."""
    labels = Path(labels)
    files = [labels] if labels.is_file() else sorted(labels.glob("*/labels.yaml"))
    out = []
    for f in files:
        ev = evaluate_stories(f, settings)
        if ev is not None:
            out.append(format_story_eval(ev, details))
    return "\n" + "\n".join(out) if out else ""


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m generator.evaluate_stories LABELS.yaml...``: story B-cubed of the labelled
    articles of all the files together (e.g. the two halves of one split)."""
    import argparse
    import sys

    from generator.settings import load_settings

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("labels", nargs="+", type=Path)
    parser.add_argument("--config", default=None)
    parser.add_argument("--brief", action="store_true")
    args = parser.parse_args(argv)
    ev = evaluate_stories(args.labels, load_settings(args.config))
    if ev is None:
        print("no article has a story label", file=sys.stderr)
        return 1
    sys.stdout.write(format_story_eval(ev, details=not args.brief))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
