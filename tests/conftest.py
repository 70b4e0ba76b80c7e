"""Shared fixtures: the project root, its settings, the raw and curated seeds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def settings():
    from generator.settings import load_settings

    return load_settings(ROOT / "digest.yml")


@pytest.fixture(scope="session")
def raw_seeds() -> list[Path]:
    return sorted((ROOT / "seeds" / "raw").glob("*.txt"))


@pytest.fixture(scope="session")
def seed_articles():
    """The curated corpus (seeds/*.md) loaded as Article values, keyed by raw seed number."""
    from generator.corpus import load_corpus

    articles, problems = load_corpus(ROOT / "seeds")
    assert not [p for p in problems if p.severity == "error"], problems
    out = {}
    for a in articles:
        origin = Path(a.origin or "").name
        out[origin[:3] if origin[:3].isdigit() else a.id] = a
    return out
