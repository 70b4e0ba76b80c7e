"""Outlets of every labelled tuning page of the real set, to check an outlet rule.

    PYTHONPATH=$PWD python scripts/realset_outlets.py OUT.tsv [SPLIT ...]

For each page whose label names an outlet the text or the URL gives, the outlet the tool
finds (with the label's URL, as ``digest eval`` ingests it) is compared with the label by
``evaluate.outlet_matches``: one row per page (split, file, right 1/0, found, labelled,
named in the text 1/0) and the totals (outlet recognised; where the text names it). The
splits default to the tuning splits (``dev``, ``devNN``; never a blind one). Run it on a
worktree of the commit before a rule (``PYTHONPATH`` pointing at it) and after, and compare.
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.evaluate import ArticleLoader, load_labels, outlet_matches
from generator.settings import CONFIG_FILE, load_settings

ROOT = Path(__file__).resolve().parent.parent
REALSET = ROOT / "tests" / "data" / "realset"


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    out, splits = Path(argv[0]), argv[1:]
    if not splits:
        from realset_meta import tuning_splits  # (beside this script)

        splits = tuning_splits()
    config = ROOT / CONFIG_FILE
    load = ArticleLoader(load_settings(config if config.is_file() else None, root=ROOT))
    right = total = named_right = named = 0
    rows = []
    for split in splits:
        for labels in sorted((REALSET / split).glob("labels*.yaml")):
            for lab in load_labels(labels):
                if not lab.outlet or not (lab.url or lab.outlet_in_text):
                    continue
                try:
                    got = load(lab.path, lab.url).source
                except Exception:  # (a page that fails is a miss, as in digest eval)
                    got = None
                ok = outlet_matches(got, lab.outlet, lab.url, load.aliases)
                total, right = total + 1, right + ok
                if lab.outlet_in_text:
                    named, named_right = named + 1, named_right + ok
                cells = (split, lab.path.name, str(int(ok)), str(got), lab.outlet)
                rows.append("\t".join((*cells, str(int(lab.outlet_in_text)))))
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"outlets {right}/{total} named in the text {named_right}/{named}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
