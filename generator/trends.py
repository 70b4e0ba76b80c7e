"""What is rising: terms whose share of a week's articles exceeds a trailing baseline.

Pure functions, no I/O. A term's *share* is the number of articles that have it divided by
the number of articles in the period. A term rises in a week when

- it is in at least ``min_count`` of the week's articles,
- its share this week is above its share in the baseline (the ``window`` calendar weeks just
  before, empty weeks included, so a week is never compared with one years earlier), and
- the difference is significant by the log-likelihood ratio G² (Dunning 1993, "Accurate
  methods for the statistics of surprise and coincidence") on the 2×2 table
  (articles with / without the term) × (this week / baseline), at ``min_g2``
  (3.84 ≈ p < 0.05, 6.63 ≈ p < 0.01 with one degree of freedom).

Without articles in the baseline nothing can rise: there is nothing to compare with.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

WINDOW = 8  # trailing calendar weeks in the baseline
MIN_COUNT = 3  # articles this week that have the term
MIN_G2 = 3.84  # chi-square critical value, 1 degree of freedom, p < 0.05


@dataclass(frozen=True)
class Rise:
    """A term that rose: its article counts here and in the baseline, and G²."""

    key: str
    count: int
    total: int
    base_count: int
    base_total: int
    g2: float

    @property
    def share(self) -> float:
        return self.count / self.total if self.total else 0.0

    @property
    def base_share(self) -> float:
        return self.base_count / self.base_total if self.base_total else 0.0


@dataclass(frozen=True)
class Baseline:
    """The weeks a week is compared with, and how many articles they hold."""

    weeks: tuple[str, ...]  # oldest first, calendar weeks (some may be empty)
    articles: int

    @property
    def span(self) -> str:
        """``2025-W40…W47`` (the year repeated only when it changes)."""
        if not self.weeks:
            return ""
        first, last = self.weeks[0], self.weeks[-1]
        tail = last.split("-", 1)[1] if first[:4] == last[:4] else last
        return f"{first}…{tail}"


def iso_week(day: dt.date) -> str:
    """ISO week label, e.g. ``2022-W01``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_monday(week: str) -> dt.date:
    """The Monday of an ISO week label."""
    year, num = week.split("-W")
    return dt.date.fromisocalendar(int(year), int(num), 1)


def trailing_weeks(week: str, window: int = WINDOW) -> tuple[str, ...]:
    """The ``window`` calendar weeks just before ``week``, oldest first."""
    monday = week_monday(week)
    return tuple(iso_week(monday - dt.timedelta(weeks=k)) for k in range(window, 0, -1))


def _xlogx(x: float) -> float:
    return x * math.log(x) if x > 0 else 0.0


def g2(a: int, b: int, c: int, d: int) -> float:
    """Log-likelihood ratio G² of the 2×2 table [[a, b], [c, d]] (Dunning 1993).

    Here a = articles with the term this week, b = without it this week, c and d the same
    in the baseline. 0 when the table is degenerate."""
    n = a + b + c + d
    if n == 0:
        return 0.0
    cells = _xlogx(a) + _xlogx(b) + _xlogx(c) + _xlogx(d)
    rows = _xlogx(a + b) + _xlogx(c + d)
    cols = _xlogx(a + c) + _xlogx(b + d)
    return max(0.0, 2.0 * (cells - rows - cols + _xlogx(n)))


def rising(
    counts: Mapping[str, int],
    total: int,
    base_counts: Mapping[str, int],
    base_total: int,
    min_count: int = MIN_COUNT,
    min_g2: float = MIN_G2,
) -> list[Rise]:
    """Terms significantly more frequent (per article) than in the baseline, best first.

    ``counts`` and ``base_counts`` map a term to the number of articles that have it;
    ``total`` and ``base_total`` are the articles in each period. Order: G² descending,
    then count descending, then the key."""
    if total <= 0 or base_total <= 0:
        return []
    out = []
    for key, n in counts.items():
        m = min(base_counts.get(key, 0), base_total)
        n = min(n, total)
        if n < min_count or n * base_total <= m * total:
            continue
        score = g2(n, total - n, m, base_total - m)
        if score >= min_g2:
            out.append(Rise(key, n, total, m, base_total, round(score, 6)))
    out.sort(key=lambda r: (-r.g2, -r.count, r.key))
    return out


def weekly_rising(
    per_week: Mapping[str, Mapping[str, int]],
    totals: Mapping[str, int],
    window: int = WINDOW,
    min_count: int = MIN_COUNT,
    min_g2: float = MIN_G2,
) -> dict[str, tuple[Baseline, list[Rise]]]:
    """For every week in ``totals``: its baseline and the terms that rose against it.

    ``per_week[week]`` maps a term to the week's articles that have it; ``totals[week]``
    is the week's article count (weeks without articles may be absent)."""
    out: dict[str, tuple[Baseline, list[Rise]]] = {}
    for week in sorted(totals):
        before = trailing_weeks(week, window)
        base_total = sum(totals.get(w, 0) for w in before)
        base: dict[str, int] = {}
        for w in before:
            for key, n in per_week.get(w, {}).items():
                base[key] = base.get(key, 0) + n
        rises = rising(per_week.get(week, {}), totals[week], base, base_total, min_count, min_g2)
        out[week] = (Baseline(before, base_total), rises)
    return out
