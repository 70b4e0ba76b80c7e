"""A weekly rebuild costs what changed: closed weeks' PDF briefs are made once and kept."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from factories import TOPICS, settings, synthetic_analyses

from generator import briefs
from generator.digest import group

pytestmark = pytest.mark.xdist_group("briefs")  # WeasyPrint layouts: one worker


def _later(n: int) -> tuple:
    """``n`` new articles in the weeks after the first corpus (ids ``n…``)."""
    out = []
    for a in synthetic_analyses(n, start=dt.date(2022, 2, 7)):
        art = dataclasses.replace(
            a.article, id="n" + a.id, date=a.article.date or dt.date(2022, 2, 7)
        )
        out.append(dataclasses.replace(a, article=art))
    return tuple(out)


def _drop_keyword(analyses, week_ids: set[str]) -> tuple:
    """What corpus IDF does when later weeks arrive: an old article loses a keyword."""
    return tuple(
        dataclasses.replace(a, text=dataclasses.replace(a.text, keywords=a.text.keywords[1:]))
        if a.id in week_ids
        else a
        for a in analyses
    )


def test_a_closed_weeks_brief_is_kept_while_its_own_articles_do_not_change(tmp_path):
    s = settings()
    first = synthetic_analyses(7)  # 2022-W01..W03 (one undated)
    before = group(first, TOPICS, s)
    cache = tmp_path / "briefs"
    made = briefs.render_all_briefs(before, s, workers=2, cache_dir=cache)
    closed = [w for w in before.weeks[1:]]  # every week but the newest
    assert closed
    week = closed[0]
    name = briefs.brief_filename(briefs.BriefScope(week=week.week))

    # later weeks arrive, and a corpus-wide change alters the closed week's content
    changed = set(week.article_ids) | set(before.weeks[0].article_ids)
    after = group((*_drop_keyword(first, changed), *_later(4)), TOPICS, s)
    scope = briefs.BriefScope(week=week.week)
    assert briefs.render_html(after, s, scope) != briefs.render_html(before, s, scope)
    laid: dict[str, tuple[float, float]] = {}
    again = briefs.render_all_briefs(after, s, workers=2, cache_dir=cache, timings=laid)
    assert again[name] == made[name]  # kept as first made
    # the week that was the newest (open) one is closed now: kept too
    was_open = briefs.brief_filename(briefs.BriefScope(week=before.weeks[0].week))
    newest = briefs.BriefScope(week=before.weeks[0].week)
    assert briefs.render_html(after, s, newest) != briefs.render_html(before, s, newest)
    assert again[was_open] == made[was_open] and was_open not in laid
    new_weeks = {w.week for w in after.weeks} - {w.week for w in before.weeks}
    for laid_name in laid:  # only the new weeks and the topics are laid out
        if laid_name.startswith("week-"):
            assert laid_name[len("week-") : -len(".pdf")] in new_weeks
    assert any(n.startswith("week-") for n in laid)
    assert not [n for n in laid if n == name]

    # without a cache every brief is made from the digest as it is now
    fresh = briefs.render_all_briefs(after, s, workers=2)
    assert fresh[name] != made[name]

    # an edit of one of the week's own articles makes its brief again
    edited_id = week.article_ids[0]
    edited = tuple(
        dataclasses.replace(a, article=dataclasses.replace(a.article, title=a.article.title + "!"))
        if a.id == edited_id
        else a
        for a in after.analyses
    )
    laid = {}
    third = briefs.render_all_briefs(
        group(edited, TOPICS, s), s, workers=2, cache_dir=cache, timings=laid
    )
    assert name in laid and third[name] != made[name]
