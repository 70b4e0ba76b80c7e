"""Static SVG charts made at build time (site pages and PDF briefs use the same files).

Pure functions from the ``Digest`` to SVG text: no chart library, no script, no web font,
deterministic output (fixed number formatting, sorted input). Labels are XML-escaped, since
source names and topic titles come from data. Colours are mid-tone so that the charts stay
readable on Material's light and dark palettes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from generator import trends
from generator.models import Analysis, Digest, EntityGroup

PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1")
TEXT = "#777777"
GRID = "#bbbbbb"
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"


def _n(x: float) -> str:
    """Stable number formatting for coordinates."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _svg(width: int, height: int, title: str, body: list[str], desc: str = "") -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="chart-title chart-desc" '
        f'font-family="{FONT}" font-size="12">\n'
        f'<title id="chart-title">{escape(title)}</title>\n'
        f'<desc id="chart-desc">{escape(desc or title)}</desc>\n' + "\n".join(body) + "\n</svg>\n"
    )


def _text(x: float, y: float, s: str, anchor: str = "start", size: int = 12, **attrs: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="{TEXT}"{extra}>{escape(s)}</text>'
    )


def _labels(labels: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """The interface labels (templates/i18n/<lang>.yml); English when none are given."""
    if labels is not None:
        return labels
    from generator.render.pages import load_labels

    return load_labels("en")


def topic_names(digest: Digest, labels: Mapping[str, Any]) -> dict[str, str]:
    """Topic titles in the labels' interface language (Russian or English)."""
    russian = labels.get("interface_language") == "ru"
    return {g.topic.id: g.topic.title_ru if russian else g.topic.title_en for g in digest.topics}


def hbar_svg(rows: Sequence[tuple[str, int]], title: str, width: int = 720) -> str:
    """A horizontal bar chart of (label, count) rows, in the order given."""
    rows = list(rows)
    label_w, bar_h, gap, top = 300, 18, 8, 30
    height = top + max(1, len(rows)) * (bar_h + gap) + 10
    body = [_text(0, 16, title, size=14, font_weight="bold")]
    if not rows:
        body.append(_text(0, top + 14, "—"))
        return _svg(width, height, title, body)
    vmax = max(c for _, c in rows) or 1
    span = width - label_w - 50
    for i, (label, count) in enumerate(rows):
        y = top + i * (bar_h + gap)
        w = span * count / vmax
        short = label if len(label) <= 46 else label[:45] + "…"
        body.append(_text(label_w - 8, y + 13, short, anchor="end"))
        body.append(
            f'<rect x="{label_w}" y="{y}" width="{_n(max(w, 1))}" height="{bar_h}" '
            f'fill="{PALETTE[i % len(PALETTE)]}"><title>{escape(label)}: {count}</title></rect>'
        )
        body.append(_text(label_w + w + 6, y + 13, str(count)))
    return _svg(width, height, title, body)


# --------------------------------------------------------------------------- time axis

GAP_WEEKS = 8  # a run of at least this many empty weeks is cut out as a marked axis break
MAX_SLOTS = 104  # columns (and breaks) drawn at most; the latest are kept


@dataclass(frozen=True)
class Slot:
    """One place on a time axis: a week or a day (counts per series), or a cut-out gap."""

    key: str  # "2022-W01", "2022-01-03", or "2022-W03/2025-W47" for a gap
    label: str  # axis label
    tip: str  # the period in words, for the column's <title>
    counts: tuple[tuple[str, int], ...] = ()  # (series, distinct articles), series order
    gap: int = 0  # weeks in a cut-out gap (0: a real slot)

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


def _mondays(first: str, last: str) -> list[dt.date]:
    start, stop = trends.week_monday(first), trends.week_monday(last)
    return [start + dt.timedelta(weeks=k) for k in range((stop - start).days // 7 + 1)]


def week_slots(
    items: Iterable[tuple[str, dt.date, str]],
    series: Sequence[str],
    span: tuple[str, str] | None = None,
    gap_weeks: int = GAP_WEEKS,
) -> list[Slot]:
    """Calendar weeks from the first to the last (or ``span``), each article counted once.

    ``items`` are (article id, date, series); an id seen twice counts once. Empty weeks are
    zero columns; a run of ``gap_weeks`` or more empty weeks becomes one gap slot."""
    per: dict[str, dict[str, set[str]]] = {}
    for aid, day, s in items:
        per.setdefault(trends.iso_week(day), {}).setdefault(s, set()).add(aid)
    if span is None:
        if not per:
            return []
        span = (min(per), max(per))
    weeks = [trends.iso_week(m) for m in _mondays(*span)]
    out: list[Slot] = []
    empty: list[str] = []

    def flush() -> None:
        if len(empty) >= gap_weeks:
            out.append(
                Slot(f"{empty[0]}/{empty[-1]}", "", f"{empty[0]} – {empty[-1]}", gap=len(empty))
            )
        else:
            out.extend(Slot(w, w, _week_tip(w)) for w in empty)
        empty.clear()

    for w in weeks:
        seen = per.get(w)
        if not seen:
            empty.append(w)
            continue
        flush()
        counts = tuple((s, len(seen[s])) for s in series if seen.get(s))
        out.append(Slot(w, w, _week_tip(w), counts))
    flush()
    return out


def _week_tip(week: str) -> str:
    monday = trends.week_monday(week)
    return f"{week} ({monday.isoformat()} – {(monday + dt.timedelta(days=6)).isoformat()})"


def day_slots(
    items: Iterable[tuple[str, dt.date, str]],
    week: str,
    series: Sequence[str],
    weekdays: Sequence[str],
) -> list[Slot]:
    """The seven days of an ISO week, each article counted once (items outside are ignored)."""
    monday = trends.week_monday(week)
    per: dict[dt.date, dict[str, set[str]]] = {}
    for aid, day, s in items:
        per.setdefault(day, {}).setdefault(s, set()).add(aid)
    out = []
    for k in range(7):
        day = monday + dt.timedelta(days=k)
        seen = per.get(day, {})
        counts = tuple((s, len(seen[s])) for s in series if seen.get(s))
        name = weekdays[k] if len(weekdays) == 7 else ""
        label = f"{name} {day.isoformat()[5:]}".strip()
        out.append(Slot(day.isoformat(), label, f"{name} {day.isoformat()}".strip(), counts))
    return out


def _ticks(vmax: int) -> tuple[int, list[int]]:
    """A round axis maximum and at most six integer gridline values (0 included): the
    smallest step of 1, 2 or 5 × 10^k that covers ``vmax`` in five steps or fewer."""
    if vmax <= 5:
        top = max(vmax, 1)
        return top, list(range(top + 1))
    step = 1
    while True:
        for m in (1, 2, 5):
            if -(-vmax // (m * step)) <= 5:
                top = m * step * -(-vmax // (m * step))
                return top, list(range(0, top + 1, m * step))
        step *= 10


def _count_text(n: int, lab: Mapping[str, Any], unit: str = "chart_count") -> str:
    """``1 article`` / ``5 articles`` (``unit``: the label key, ``chart_stories_count``)."""
    if n == 1:
        return str(lab.get(f"{unit}_one", "1"))
    return str(lab.get(unit, "{n}")).format(n=n)


def columns_svg(
    slots: Sequence[Slot],
    series: Sequence[tuple[str, str, str]],
    title: str,
    desc: str,
    labels: Mapping[str, Any] | None = None,
    width: int = 720,
    unit: str = "chart_count",
    note: str = "",
) -> str:
    """Stacked columns on a time axis; ``series`` are (key, name, colour), stacked in order.

    Every column is a ``<g>`` with ``data-period`` and ``data-count`` (distinct articles)
    and a ``<title>``; every segment carries ``data-series`` and ``data-count``; a cut-out
    gap is a ``<g data-gap=…>`` drawn as a break with a text label. The legend is drawn only
    for two or more series; ``note`` is printed under the axis."""
    lab = _labels(labels)
    dropped = max(0, len(slots) - MAX_SLOTS)
    slots = list(slots)[dropped:]
    colour = {k: c for k, _, c in series}
    names = {k: n for k, n, _ in series}
    left, top, plot_h, axis_h = 40, 34, 170, 62
    legend = [s for s in series if any(k == s[0] for sl in slots for k, _ in sl.counts)]
    legend_h = 18 * len(legend) + 6 if len(series) > 1 else 0
    height = top + plot_h + axis_h + legend_h
    plot_w = width - left - 12
    body = [_text(0, 16, title, size=14, font_weight="bold")]
    vmax, ticks = _ticks(max((s.total for s in slots), default=0))
    base = top + plot_h
    for v in ticks:
        y = base - plot_h * v / vmax
        body.append(
            f'<line x1="{left}" y1="{_n(y)}" x2="{width - 12}" y2="{_n(y)}" '
            f'stroke="{GRID}" stroke-width="0.5"/>'
        )
        body.append(_text(left - 4, y + 4, str(v), anchor="end", size=10))
    if not slots:
        body.append(_text(left + 10, top + plot_h / 2, lab.get("chart_no_dates", "—")))
    units = sum(2 if s.gap else 1 for s in slots) or 1
    step_w = plot_w / units
    bar = max(2.0, min(36.0, step_w * 0.72))
    real = [i for i, s in enumerate(slots) if not s.gap]
    step = max(1, -(-len(real) // 16))  # at most ~16 axis labels
    # every step-th column counted back from the latest, which is always labelled
    labelled = {i for n, i in enumerate(real) if (len(real) - 1 - n) % step == 0}
    x0 = float(left)
    if dropped:
        body.append(_text(left, base + axis_h - 4, "← " + lab.get("chart_weeks_cut", "…"), size=10))
    if note:  # e.g. articles without a date, which no time axis can show
        body.append(_text(width - 12, base + axis_h - 4, note, anchor="end", size=10))
    for i, s in enumerate(slots):
        w = step_w * (2 if s.gap else 1)
        cx = x0 + w / 2
        if s.gap:
            gap_text = str(lab.get("chart_gap", "{n} weeks without articles")).format(n=s.gap)
            body.append(
                f'<g data-gap="{escape(s.key)}" data-weeks="{s.gap}">'
                f"<title>{escape(gap_text)}: {escape(s.tip)}</title>"
                f'<rect x="{_n(x0 + 2)}" y="{top}" width="{_n(max(w - 4, 2))}" height="{plot_h}" '
                f'fill="{GRID}" fill-opacity="0.18"/>'
                f'<path d="M{_n(cx - 5)} {_n(base + 6)} L{_n(cx - 1)} {_n(base - 6)} '
                f'M{_n(cx + 1)} {_n(base + 6)} L{_n(cx + 5)} {_n(base - 6)}" '
                f'stroke="{TEXT}" stroke-width="1.5" fill="none"/>'
                + _text(
                    cx,
                    base + 12,
                    str(lab.get("chart_gap_short", "gap: {n} wk")).format(n=s.gap),
                    anchor="end",
                    size=10,
                    transform=f"rotate(-45 {_n(cx)} {_n(base + 12)})",
                )
                + (
                    _text(cx, top + plot_h / 2 - 7, gap_text, anchor="middle", size=10)
                    + _text(cx, top + plot_h / 2 + 7, s.tip, anchor="middle", size=10)
                    if w >= 6 * max(len(gap_text), len(s.tip))
                    else ""
                )
                + "</g>"
            )
            x0 += w
            continue
        bx = cx - bar / 2
        parts = [
            f'<g data-period="{escape(s.key)}" data-count="{s.total}">'
            f"<title>{escape(s.tip)}: {escape(_count_text(s.total, lab, unit))}</title>"
        ]
        y = float(base)
        for key, n in s.counts:
            h = plot_h * n / vmax
            y -= h
            parts.append(
                f'<rect x="{_n(bx)}" y="{_n(y)}" width="{_n(bar)}" height="{_n(h)}" '
                f'fill="{colour.get(key, GRID)}" data-series="{escape(key)}" data-count="{n}">'
                f"<title>{escape(s.tip)} · {escape(names.get(key, key))}: {n}</title></rect>"
            )
        if s.total and step_w >= 14:
            parts.append(_text(cx, y - 3, str(s.total), anchor="middle", size=10))
        parts.append("</g>")
        body.append("".join(parts))
        if i in labelled:
            ly = base + 12
            body.append(
                _text(
                    cx,
                    ly,
                    s.label,
                    anchor="end",
                    size=10,
                    transform=f"rotate(-45 {_n(cx)} {_n(ly)})",
                )
            )
        x0 += w
    body.append(
        f'<line x1="{left}" y1="{base}" x2="{width - 12}" y2="{base}" stroke="{TEXT}" '
        'stroke-width="1"/>'
    )
    if len(series) > 1:
        ly = base + axis_h + 6
        for j, (_key, name, col) in enumerate(legend):
            y = ly + 18 * j
            body.append(f'<rect x="{left}" y="{y - 10}" width="12" height="12" fill="{col}"/>')
            body.append(_text(left + 18, y, name))
    return _svg(width, height, title, body, desc)


# --------------------------------------------------------------------------- digest charts


def main_topic(a: Analysis, order: Sequence[str]) -> str:
    """The article's main topic: the highest score, ties by taxonomy order ("" if none)."""
    if not a.topics:
        return ""
    rank = {t: n for n, t in enumerate(order)}
    best = min(a.topics, key=lambda m: (-m.score, rank.get(m.topic, len(rank)), m.topic))
    return best.topic


def _topic_series(digest: Digest, lab: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    names = topic_names(digest, lab)
    out = [
        (g.topic.id, names[g.topic.id], PALETTE[j % len(PALETTE)])
        for j, g in enumerate(digest.topics)
    ]
    return [*out, ("", str(lab.get("chart_no_topic", "No topic")), GRID)]


def _span(digest: Digest) -> tuple[str, str] | None:
    weeks = sorted(w.week for w in digest.weeks)
    return (weeks[0], weeks[-1]) if weeks else None


def _once(lab: Mapping[str, Any], stacked: bool) -> str:
    """``Each article is counted once[; coloured by each article's main topic].``"""
    text = str(lab.get("chart_each_once", ""))
    if stacked:
        text = text.rstrip(".") + "; " + str(lab.get("chart_by_main_topic", "")) + "."
    return text


def _weekly_desc(slots: Sequence[Slot], lab: Mapping[str, Any], lead: str) -> str:
    """The chart's <desc>: what is counted, the calendar span, the cut-out gaps."""
    real = [s for s in slots if not s.gap]
    parts = [lead]
    if real:
        parts.append(
            str(lab.get("chart_span", "{first} – {last}")).format(
                first=real[0].key, last=real[-1].key
            )
            + "."
        )
    for s in slots:
        if s.gap:
            gap = str(lab.get("chart_gap", "{n} weeks without articles")).format(n=s.gap)
            parts.append(f"{gap}: {s.tip}.")
    return " ".join(p for p in parts if p)


def articles_by_week_svg(
    analyses: Sequence[Analysis],
    digest: Digest,
    title: str,
    labels: Mapping[str, Any] | None = None,
    span: tuple[str, str] | None = None,
    stacked: bool = True,
    colour: str = PALETTE[0],
) -> str:
    """Distinct dated articles per calendar week, stacked by main topic (or one colour)."""
    lab = _labels(labels)
    order = [g.topic.id for g in digest.topics]
    if stacked:
        series = _topic_series(digest, lab)
        items = [(a.id, a.article.date, main_topic(a, order)) for a in analyses if a.article.date]
    else:
        series = [("all", title, colour)]
        items = [(a.id, a.article.date, "all") for a in analyses if a.article.date]
    slots = week_slots(items, [k for k, _, _ in series], span)  # type: ignore[arg-type]
    desc = _weekly_desc(slots, lab, _once(lab, stacked))
    undated = len({a.id for a in analyses if a.article.date is None})
    note = str(lab.get("chart_undated", "{n}")).format(n=undated) if undated else ""
    if note:
        desc = f"{desc} {note}."
    return columns_svg(slots, series, title, desc, lab, note=note)


def topics_by_week_svg(
    digest: Digest, width: int = 720, labels: Mapping[str, Any] | None = None
) -> str:
    """Distinct articles per calendar week, stacked by each article's main topic."""
    lab = _labels(labels)
    return articles_by_week_svg(
        digest.analyses, digest, lab["chart_topics_by_week"], lab, _span(digest)
    )


def topic_weeks_svg(digest: Digest, topic_id: str, labels: Mapping[str, Any] | None = None) -> str:
    """One topic's articles per calendar week (the digest's whole time span)."""
    lab = _labels(labels)
    names = topic_names(digest, lab)
    order = [g.topic.id for g in digest.topics]
    members = [a for a in digest.analyses if topic_id in a.topic_ids]
    title = str(lab["chart_topic_weeks"]).format(name=names.get(topic_id, topic_id))
    colour = PALETTE[order.index(topic_id) % len(PALETTE)] if topic_id in order else PALETTE[0]
    return articles_by_week_svg(members, digest, title, lab, _span(digest), False, colour)


def entity_weeks_svg(
    digest: Digest,
    entity: EntityGroup,
    labels: Mapping[str, Any] | None = None,
    by_id: Mapping[str, Analysis] | None = None,
) -> str:
    """Distinct articles mentioning a canonical entity per calendar week (attention)."""
    lab = _labels(labels)
    found = by_id if by_id is not None else digest.by_id()
    members = [found[i] for i in entity.article_ids if i in found]
    title = str(lab["chart_entity_weeks"]).format(name=entity.name)
    return articles_by_week_svg(members, digest, title, lab, _span(digest), False, PALETTE[0])


def stories_by_week_svg(digest: Digest, labels: Mapping[str, Any] | None = None) -> str:
    """Stories per calendar week of their first report, stacked by main topic; each story
    once (a one-report story is its article)."""
    from generator.render.stories import primary_topic, stories_or_singletons

    lab = _labels(labels)
    order = [g.topic.id for g in digest.topics]
    by_id = digest.by_id()
    series = _topic_series(digest, lab)
    items = []
    undated = 0
    for st in stories_or_singletons(digest):
        dates = [by_id[i].article.date for i in st.article_ids if by_id[i].article.date]
        if dates:
            items.append((st.id, min(dates), primary_topic(st, by_id, order) or ""))  # type: ignore[type-var]
        else:
            undated += 1
    slots = week_slots(items, [k for k, _, _ in series], _span(digest))
    desc = _weekly_desc(slots, lab, str(lab.get("chart_stories_once", "")))
    note = str(lab.get("chart_undated", "{n}")).format(n=undated) if undated else ""
    return columns_svg(
        slots,
        series,
        lab["chart_stories_by_week"],
        f"{desc} {note}." if note else desc,
        lab,
        unit="chart_stories_count",
        note=note,
    )


def week_days_svg(
    digest: Digest,
    week: str,
    labels: Mapping[str, Any] | None = None,
    analyses: Sequence[Analysis] | None = None,
) -> str:
    """Distinct articles per day of one ISO week, stacked by main topic (``analyses``: a
    subset, e.g. one topic's; default every article)."""
    lab = _labels(labels)
    order = [g.topic.id for g in digest.topics]
    series = _topic_series(digest, lab)
    pool = digest.analyses if analyses is None else analyses
    monday = trends.week_monday(week)
    sunday = monday + dt.timedelta(days=6)
    items = [  # the week's articles only (day_slots ignores the others): one chart per week
        (a.id, a.article.date, main_topic(a, order))
        for a in pool
        if a.article.date and monday <= a.article.date <= sunday
    ]
    slots = day_slots(items, week, [k for k, _, _ in series], lab.get("weekdays_short", ()))  # type: ignore[arg-type]
    title = str(lab["chart_week_days"]).format(week=week)
    desc = f"{_once(lab, True)} {slots[0].key} – {slots[-1].key}."
    return columns_svg(slots, series, title, desc, lab)


def languages_svg(digest: Digest, labels: Mapping[str, Any] | None = None) -> str:
    """Articles per language, most first (names from the interface labels)."""
    lab = _labels(labels)
    names = lab.get("language_names", {})
    rows = sorted(digest.languages, key=lambda r: (-r[1], r[0]))
    return hbar_svg([(names.get(c, c), n) for c, n in rows], lab["chart_languages"])


def sources_svg(digest: Digest, top: int = 12, labels: Mapping[str, Any] | None = None) -> str:
    """Articles per outlet, most first (the top ``top``)."""
    lab = _labels(labels)
    rows = sorted(
        ((s.name, len(s.article_ids)) for s in digest.sources), key=lambda r: (-r[1], r[0])
    )
    return hbar_svg(rows[:top], lab["chart_sources"])
