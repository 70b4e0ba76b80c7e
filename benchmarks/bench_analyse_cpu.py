"""CPU seconds per analysed synthetic article, in one process (no pool); prints its figure.

For an A/B of two checkouts on a shared machine, where wall times of builds made at different
moments are not comparable: run it from each checkout, alternating
(``python OTHER/benchmarks/bench_analyse_cpu.py``); it analyses the code beside it.

    .venv/bin/python benchmarks/bench_analyse_cpu.py [ARTICLES]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import synthetic_articles  # noqa: E402

from generator.analyse import analyse_text, load_context  # noqa: E402
from generator.settings import load_settings  # noqa: E402

WARM_UP = 4  # articles analysed first: the models load


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 120
    ctx = load_context(load_settings(ROOT / "digest.yml"))
    articles = synthetic_articles(n + WARM_UP)
    for a in articles[:WARM_UP]:
        analyse_text(a, ctx)
    start = time.process_time()
    for a in articles[WARM_UP:]:
        analyse_text(a, ctx)
    per = (time.process_time() - start) / n * 1000
    print(f"{ROOT}: {per:.1f} ms of CPU per article ({n} synthetic articles, one process)")


if __name__ == "__main__":
    main()
