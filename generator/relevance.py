"""The relevance filter: what a weekly run publishes, and what it keeps aside.

A feed brings every item an outlet publishes; the digest is about its taxonomy. An article
is published when it is on at least one topic, or when it belongs to a story that has an
on-topic report (a short follow-up of an on-topic event is coverage of that event). Every
other article stays in the corpus (``seeds/``) but not on the site, and is listed in a small
index (id, URL, title, date, source, why) written next to the outputs. Since the text is
kept, a taxonomy change re-scores it on the next build and re-admits it without a refetch.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.fileio import atomic_write_text
from generator.models import Analysis

WHY_NO_TOPIC = "matches no topic of the taxonomy"
WHY_NO_TOPIC_STORY = "matches no topic, and no report of its story does"


@dataclass(frozen=True)
class Rejected:
    """An article kept out of the site, with the reason."""

    id: str
    title: str
    url: str | None
    date: str | None
    source: str | None
    why: str


@dataclass(frozen=True)
class Selection:
    published: tuple[Analysis, ...]
    rejected: tuple[Rejected, ...]


def select_relevant(
    analyses: Sequence[Analysis], story_of: Mapping[str, str] | None = None
) -> Selection:
    """Split ``analyses`` into the published and the rejected, order kept."""
    story_of = story_of or {}
    sizes = Counter(story_of[a.id] for a in analyses if a.id in story_of)
    on_topic_stories = {story_of[a.id] for a in analyses if a.topics and a.id in story_of}
    published: list[Analysis] = []
    rejected: list[Rejected] = []
    for a in analyses:
        story = story_of.get(a.id)
        if a.topics or (story is not None and story in on_topic_stories):
            published.append(a)
            continue
        art = a.article
        rejected.append(
            Rejected(
                id=a.id,
                title=art.title,
                url=art.url,
                date=art.date.isoformat() if art.date else None,
                source=art.source,
                why=WHY_NO_TOPIC_STORY if sizes.get(story, 0) > 1 else WHY_NO_TOPIC,
            )
        )
    rejected.sort(key=lambda r: r.id)
    return Selection(tuple(published), tuple(rejected))


def write_rejected_index(path: Path, rejected: Sequence[Rejected]) -> None:
    """Write the index of rejected articles (sorted, deterministic JSON), atomically."""
    data = {
        "about": "Articles kept in the corpus but not published: they match no topic. "
        "They are re-scored on every build and published once the taxonomy covers them.",
        "count": len(rejected),
        "articles": [r.__dict__ for r in sorted(rejected, key=lambda r: r.id)],
    }
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
