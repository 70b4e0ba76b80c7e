"""Static SVG charts made at build time (site pages and PDF briefs use the same files).

Pure functions from the ``Digest`` to SVG text: no chart library, no script, no web font,
deterministic output (fixed number formatting, sorted input). Labels are XML-escaped, since
source names and topic titles come from data. Colours are mid-tone so that the charts stay
readable on Material's light and dark palettes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape

from generator.models import Digest

PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1")
TEXT = "#777777"
GRID = "#bbbbbb"
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
MAX_WEEKS = 26


def _n(x: float) -> str:
    """Stable number formatting for coordinates."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" font-family="{FONT}" font-size="12">\n'
        f"<title>{escape(title)}</title>\n" + "\n".join(body) + "\n</svg>\n"
    )


def _text(x: float, y: float, s: str, anchor: str = "start", size: int = 12, **attrs: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="{TEXT}"{extra}>{escape(s)}</text>'
    )


def _nice_max(v: int) -> int:
    """A round axis maximum at or above ``v``."""
    if v <= 5:
        return max(v, 1)
    for step in (1, 2, 5):
        for mag in (1, 10, 100, 1000, 10000):
            if step * mag * 5 >= v:
                return step * mag * 5
    return v


def _labels(labels: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """The interface labels (templates/i18n/<lang>.yml); English when none are given."""
    if labels is not None:
        return labels
    from generator.render.pages import load_labels

    return load_labels("en")


def _topic_names(digest: Digest, labels: Mapping[str, Any]) -> dict[str, str]:
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


def topics_by_week_svg(
    digest: Digest, width: int = 720, labels: Mapping[str, Any] | None = None
) -> str:
    """Stacked columns: articles per topic in each ISO week with articles (latest 26)."""
    lab = _labels(labels)
    names = _topic_names(digest, lab)
    topic_ids = [g.topic.id for g in digest.topics]
    weeks = sorted(digest.weeks, key=lambda w: w.week)[-MAX_WEEKS:]
    title = lab["chart_topics_by_week"]
    left, top, bottom = 40, 30, 70
    legend_h = 18 * len(topic_ids)
    height = top + 200 + bottom + legend_h
    body = [_text(0, 16, title, size=14, font_weight="bold")]
    counts = [dict(w.topic_counts) for w in weeks]
    totals = [sum(c.get(t, 0) for t in topic_ids) for c in counts]
    vmax = _nice_max(max(totals, default=0))
    plot_w, plot_h = width - left - 10, 200
    for k in range(0, 5):
        v = vmax * k / 4
        y = top + plot_h - plot_h * k / 4
        body.append(
            f'<line x1="{left}" y1="{_n(y)}" x2="{width - 10}" y2="{_n(y)}" '
            f'stroke="{GRID}" stroke-width="0.5"/>'
        )
        body.append(_text(left - 4, y + 4, _n(v), anchor="end", size=10))
    if weeks:
        slot = plot_w / len(weeks)
        bar = max(4.0, min(36.0, slot * 0.7))
        for i, (w, c) in enumerate(zip(weeks, counts, strict=True)):
            x = left + i * slot + (slot - bar) / 2
            y = top + plot_h
            for j, t in enumerate(topic_ids):
                n = c.get(t, 0)
                if not n:
                    continue
                h = plot_h * n / vmax
                y -= h
                body.append(
                    f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(bar)}" height="{_n(h)}" '
                    f'fill="{PALETTE[j % len(PALETTE)]}">'
                    f"<title>{escape(w.week)} · {escape(names.get(t, t))}: {n}</title></rect>"
                )
            if len(weeks) <= 13 or i % max(1, len(weeks) // 13) == 0:
                cx = x + bar / 2
                cy = top + plot_h + 12
                body.append(
                    _text(
                        cx,
                        cy,
                        w.week,
                        anchor="end",
                        size=10,
                        transform=f"rotate(-45 {_n(cx)} {_n(cy)})",
                    )
                )
    else:
        body.append(_text(left + 10, top + plot_h / 2, lab.get("chart_no_dates", "—")))
    ly = top + plot_h + bottom
    for j, t in enumerate(topic_ids):
        y = ly + 18 * j
        body.append(
            f'<rect x="{left}" y="{y - 10}" width="12" height="12" '
            f'fill="{PALETTE[j % len(PALETTE)]}"/>'
        )
        body.append(_text(left + 18, y, names.get(t, t)))
    return _svg(width, height, title, body)


def week_topics_svg(digest: Digest, week: str, labels: Mapping[str, Any] | None = None) -> str:
    """Articles per topic in one ISO week (every topic listed, zero included)."""
    lab = _labels(labels)
    names = _topic_names(digest, lab)
    found = next((w for w in digest.weeks if w.week == week), None)
    counts = dict(found.topic_counts) if found else {}
    rows = [(names[g.topic.id], counts.get(g.topic.id, 0)) for g in digest.topics]
    return hbar_svg(rows, f"{lab['chart_week_topics']}: {week}")


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
