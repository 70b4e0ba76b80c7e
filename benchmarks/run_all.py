"""Run every benchmark in this folder in turn; each prints its own figures.

The two that take hours on a laptop (analysis of 10,000 articles on a local Dask cluster
and the MkDocs ceiling at 20,000 pages) run only with ``--all`` (``make bench-all``); their
last figures are in the README."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEAVY = {"bench_dask.py", "bench_mkdocs_ceiling.py"}

if __name__ == "__main__":
    everything = "--all" in sys.argv[1:]
    status = 0
    for script in sorted(HERE.glob("bench_*.py")):
        if script.name in HEAVY and not everything:
            print(f"\n##### {script.name}: skipped (hours here; `make bench-all` runs it)")
            continue
        print(f"\n##### {script.name}", flush=True)
        status |= subprocess.call([sys.executable, str(script)])
    raise SystemExit(status)
