"""Story clustering settings against the labelled stories of the tuning splits (never blind).

Each split is loaded and analysed once, as ``digest eval`` does; then ``cluster`` runs with
each setting given and prints B-cubed precision / recall / F1 per split and their mean:

    PYTHONPATH=$PWD python scripts/story_sweep.py threshold=0.2,0.3 undated_gap=0,2
    PYTHONPATH=$PWD python scripts/story_sweep.py --merge 0.25,0.35   # an average-linkage pass
    PYTHONPATH=$PWD python scripts/story_sweep.py --gold-dates        # labelled dates instead

The figures of the issue-9 note of 2026-12-03 come from this script (mean 0.837 at the
shipped settings over dev, dev2, dev3, dev4).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path

from generator.analyse import load_context
from generator.cluster import (
    Weights,
    cluster,
    cluster_context,
    features,
    link,
    report_order,
    similarity,
    story_index,
    vector,
)
from generator.evaluate import evaluate, split_labels
from generator.evaluate_stories import bcubed
from generator.models import Analysis
from generator.settings import load_settings

TUNING = ("dev", "dev2", "dev3", "dev4")


def load_splits(settings, folder: Path, gold_dates: bool):
    """split -> (analyses, gold story of each article id)."""
    ctx = load_context(settings)
    out = {}
    for name, paths in split_labels(folder):
        if name not in TUNING:
            continue
        report = evaluate(paths, settings, context=ctx)
        ok = {o.article_id: o for o in report.outcomes if not o.error and o.analysis}
        analyses = []
        for o in ok.values():
            article = o.article
            if gold_dates and o.label.date:
                label = o.label.date
                day = label if isinstance(label, dt.date) else dt.date.fromisoformat(str(label))
                article = dataclasses.replace(article, date=day)
            found = sorted(
                (t.match() for t in o.scores if t.assigned), key=lambda m: (-m.score, m.topic)
            )
            analyses.append(Analysis(article=article, text=o.analysis, topics=tuple(found)))
        gold = {aid: o.label.story for aid, o in ok.items() if o.label.story}
        out[name] = (tuple(analyses), gold)
    return out, cluster_context(settings, ctx)


def merged(analyses, params, cc, t_avg: float, t_max: float) -> dict[str, str]:
    """Stories after a greedy average-linkage pass over the linked stories."""
    ordered = report_order(analyses)
    feats = [features(a, i, params, cc) for i, a in enumerate(ordered)]
    assign = link(ordered, params, cc, {}, feats)
    w = Weights(feats, params)
    vecs = [vector(f, w) for f in feats]
    pos = {f.id: i for i, f in enumerate(feats)}
    groups: dict[str, list[int]] = {}
    for aid, sid in assign.items():
        groups.setdefault(sid, []).append(pos[aid])
    while True:
        best = None
        sids = sorted(groups)
        for x, a in enumerate(sids):
            for b in sids[x + 1 :]:
                sims = [
                    similarity(feats[i], vecs[i], feats[j], vecs[j], params)
                    for i in groups[a]
                    for j in groups[b]
                ]
                avg = sum(sims) / len(sims)
                if avg >= t_avg and max(sims) >= t_max and (best is None or avg > best[0]):
                    best = (avg, a, b)
        if best is None:
            break
        groups[best[1]] += groups.pop(best[2])
    return {feats[i].id: sid for sid, members in groups.items() for i in members}


def show(label: str, data, predict) -> None:
    cells, f1s = [], []
    for name, (analyses, gold) in data.items():
        b = bcubed(gold, predict(analyses))
        cells.append(f"{name} {b.precision:.3f}/{b.recall:.3f}/{b.f1:.3f}")
        f1s.append(b.f1)
    print(f"{label:32} " + "  ".join(cells) + f"  mean F1 {sum(f1s) / len(f1s):.3f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("settings", nargs="*", help="NAME=V1,V2 of digest.yml's stories")
    parser.add_argument("--merge", action="append", default=[], help="T_AVG,T_MAX")
    parser.add_argument("--gold-dates", action="store_true")
    parser.add_argument("--realset", type=Path, default=Path("tests/data/realset"))
    args = parser.parse_args()
    settings = load_settings(Path("digest.yml"))
    data, cc = load_splits(settings, args.realset, args.gold_dates)
    base = settings.stories
    show("shipped", data, lambda a: story_index(cluster(a, base, cc, {})))
    for spec in args.settings:
        name, values = spec.split("=")
        for v in values.split(","):
            params = dataclasses.replace(base, **{name: type(getattr(base, name))(float(v))})
            show(f"{name}={v}", data, lambda a, p=params: story_index(cluster(a, p, cc, {})))
    for spec in args.merge:
        t_avg, t_max = (float(x) for x in spec.split(","))
        show(f"merge {t_avg},{t_max}", data, lambda a, x=t_avg, y=t_max: merged(a, base, cc, x, y))


if __name__ == "__main__":
    main()
