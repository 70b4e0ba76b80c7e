"""Story evaluation: B-cubed precision, recall and F1 of the cluster stage against labels.

A labels file (the real-article set's ``labels.yaml``) gives each article a ``story:`` id;
``digest eval`` (``generator.evaluate``) loads, analyses and clusters each split's articles
together as a build does, and this module compares the stories with the labels.

B-cubed (Bagga & Baldwin 1998; Amigó et al. 2009): for each article, precision is the share
of its predicted story that shares its gold story, recall the share of its gold story found
in its predicted story; both are averaged over the articles and F1 is their harmonic mean.
Labels are never used by the clustering itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.settings import Settings


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


@dataclass(frozen=True)
class StoryEval:
    source: str
    scores: BCubed
    gold: Mapping[str, str]  # article path (as in labels) -> gold story
    predicted: Mapping[str, str]  # article path -> predicted story id
    errors: tuple[str, ...] = ()
    # article path -> (language, date or "undated", title), for the detailed lines
    reports: Mapping[str, tuple[str, str, str]] = field(default_factory=dict)


def evaluate_stories(labels_path: Path | Sequence[Path], settings: Settings) -> StoryEval | None:
    """Load, analyse and cluster the labelled articles (of one labels file, or of several
    taken as one split) exactly as ``digest eval`` does; None when no entry has a story."""
    from generator.evaluate import evaluate

    return story_eval(evaluate(labels_path, settings))


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
        for sid, names in sorted(by_pred.items()):
            if len({ev.gold[n] for n in names}) > 1:
                lines.append(f"  MERGED {sid}:")
                lines += [f"    {ev.gold[n]}: {_report_line(ev, n)}" for n in names]
        by_gold: dict[str, set[str]] = {}
        for name, g in ev.gold.items():
            by_gold.setdefault(g, set()).add(ev.predicted.get(name, "?"))
        for g, preds in sorted(by_gold.items()):
            if len(preds) <= 1:
                continue
            lines.append(f"  SPLIT {g}:")
            for sid in sorted(preds):
                names = by_pred.get(sid, [])
                others = sum(1 for n in names if ev.gold[n] != g)
                lines.append(f"    {sid}" + (f" (+{others} of other stories)" if others else ""))
                lines += [f"      {_report_line(ev, n)}" for n in names if ev.gold[n] == g]
        lines += [f"  ERROR {e}" for e in ev.errors]
    return "\n".join(lines) + "\n"


def _report_line(ev: StoryEval, name: str) -> str:
    """One report of a detailed line: language, date, file name and title."""
    lang, date, title = ev.reports.get(name, ("?", "?", ""))
    return f"{lang} {date:10} {Path(name).name} | {title[:90]}"


def story_eval(report) -> StoryEval | None:
    """B-cubed of an evaluation's outcomes (each split's articles are clustered together, as
    a build clusters its corpus) against their labelled stories; None if none is labelled."""
    labelled = [o for o in report.outcomes if o.label.story]
    if not labelled:
        return None
    names = {o.label.given: o for o in labelled}
    gold = {n: o.label.story for n, o in names.items()}
    predicted = {n: o.story for n, o in names.items() if o.story and not o.error}
    errors = tuple(o.error for o in labelled if o.error)
    reports = {
        n: (
            o.analysis.language if o.analysis is not None else "?",
            o.date.isoformat() if o.date else "undated",
            " ".join((o.title or "").split()),
        )
        for n, o in names.items()
        if not o.error
    }
    return StoryEval(report.source, bcubed(gold, predicted), gold, predicted, errors, reports)


def story_section(report, details: bool = True) -> list[str]:
    """The story lines of ``digest eval`` (empty when no article has a story label)."""
    ev = story_eval(report)
    return [] if ev is None else format_story_eval(ev, details).rstrip("\n").split("\n")


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
