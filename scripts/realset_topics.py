"""Topic precision/recall/F1 on the real-article dev split (raw .txt + labels.yaml).

    PYTHONPATH=$PWD python scripts/realset_topics.py DIR [DIR ...] [--stories] [-v]

Each DIR holds a ``labels.yaml`` (tests/data/realset format) and the raw ``.txt`` files it
lists. Every text is ingested in memory (``generator.ingest``), analysed by the real
pipeline (``generator.analyse``) and scored. ``--stories`` also applies story-level
evidence with the *labelled* story ids (an upper bound for the clustering stage).
Never point this at a blind split.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from generator.analyse import analyse, load_context
from generator.ingest import ingest_path, load_ingest_context
from generator.settings import load_settings
from generator.topics import topic_scores

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--stories", action="store_true", help="apply labelled-story evidence")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = ap.parse_args(argv)
    if any("blind" in p.parts for p in args.dirs):
        print("refusing to read a blind split", file=sys.stderr)
        return 2
    settings = load_settings(ROOT / "digest.yml")
    ctx = load_context(settings)
    ictx = load_ingest_context(settings)
    topic_ids = [t.id for t in ctx.taxonomy.topics]
    rows = []
    for d in args.dirs:
        labels = yaml.safe_load((d / "labels.yaml").read_text(encoding="utf-8"))["articles"]
        for e in labels:
            p = d / e["path"]
            if not p.is_file():
                continue
            article = ingest_path(p, ictx)
            rows.append((e, analyse(article, ctx)))
    analyses = tuple(a for _, a in rows)
    if args.stories:
        from generator.topics import apply_story_evidence

        story_of = {a.id: str(e["story"]) for e, a in rows if e.get("story")}
        analyses = apply_story_evidence(analyses, story_of, ctx.taxonomy)
    f1s = []
    print(f"{len(rows)} articles")
    print(f"{'topic':16} {'tp':>3} {'fp':>3} {'fn':>3} {'P':>5} {'R':>5} {'F1':>5}")
    for tid in topic_ids:
        tp = fp = fn = 0
        for (e, _), a in zip(rows, analyses, strict=True):
            want, got = tid in (e.get("topics") or []), tid in a.topic_ids
            tp += want and got
            fp += got and not want
            fn += want and not got
            if args.verbose and want != got:
                kind = "FN" if want else "FP"
                sc = {x.topic: x for x in topic_scores(a.text, ctx.taxonomy, a.article.date)}[tid]
                why = f"score {sc.score}/{sc.threshold} missing {list(sc.missing_context)}"
                print(f"  {kind} {tid}: {e['path']} date={a.article.date} {why}")
                print(f"       + {[(x.term, x.count) for x in sc.evidence]}")
                print(f"       - {[(x.term, x.count) for x in sc.negative]}")
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f)
        print(f"{tid:16} {tp:3} {fp:3} {fn:3} {p:5.2f} {r:5.2f} {f:5.2f}")
    print(f"macro-F1 {sum(f1s) / len(f1s):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
