"""A title that shares no word with its lead is no evidence of the event (real dev2 pages).

Two Mirtesen blog reposts of different events of 5 January 2022 (the government blamed for
the protests; the Almaty administration building seized) carry, as the first line of the
page, the site's notice on recommendation technologies; taken for their title it must not
make them one story.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from factories import analyse_files

from generator.cluster import (
    Weights,
    cluster,
    cluster_context,
    features,
    report_order,
    similarity,
    story_index,
    vector,
)
from generator.models import Article
from generator.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
REALSET = ROOT / "tests" / "data" / "realset"
NOTICE = (
    "На информационном ресурсе применяются рекомендательные технологии (информационные "
    "технологии предоставления информации на основе сбора, систематизации и анализа "
    'сведений, относящихся к предпочтениям пользователей сети "Интернет", находящихся на '
    "территории Российской Федерации)"
)
NOTICE_PAGES = (
    "dev2/t_ru_gazeta_mt_tokayev_blames_government.txt",
    "dev2/t_ru_mirtesen_administration_seized.txt",
)
HEADLINED = "dev/ru_tass_tokayev_asks_csto.txt"


@pytest.fixture(scope="module")
def reports():
    settings = load_settings(ROOT / "digest.yml")

    def notice_title(path: Path, article: Article) -> Article:
        # the notice as the title, whatever the loader picks
        if path.relative_to(REALSET).as_posix() in NOTICE_PAGES:
            return dataclasses.replace(article, title=NOTICE)
        return article

    ctx, analyses = analyse_files(
        settings, (REALSET / name for name in (*NOTICE_PAGES, HEADLINED)), notice_title
    )
    cc = cluster_context(settings, ctx)
    ordered = report_order(analyses)
    feats = {a.id: features(a, i, settings.stories, cc) for i, a in enumerate(ordered)}
    names = dict(zip((*NOTICE_PAGES, HEADLINED), analyses, strict=True))
    return settings, cc, analyses, feats, names


def test_a_title_without_a_word_of_its_lead_gives_no_title_features(reports):
    _settings, _cc, _analyses, feats, names = reports
    for name in NOTICE_PAGES:
        f = feats[names[name].id]
        assert f.title == frozenset()
        assert not any(k.startswith("t:") for k in f.channels[0])
        assert not any(k.startswith("h:") for k in f.channels[3])
        assert any(k.startswith("l:") for k in f.channels[0])  # the lead still counts
    headlined = feats[names[HEADLINED].id]  # "Токаев обратился к главам ОДКБ ..."
    assert "t:ru:одкб" in headlined.title


def test_two_events_under_one_site_notice_stay_apart(reports):
    settings, cc, analyses, feats, names = reports
    a, b = (feats[names[n].id] for n in NOTICE_PAGES)
    w = Weights(list(feats.values()), settings.stories)
    assert similarity(a, vector(a, w), b, vector(b, w), settings.stories) < (
        settings.stories.threshold
    )
    stories = story_index(cluster(analyses, settings.stories, cc))
    assert stories[names[NOTICE_PAGES[0]].id] != stories[names[NOTICE_PAGES[1]].id]
