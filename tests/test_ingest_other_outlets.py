"""Pages in the style of outlets the rules were not written for (written after the rules)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.ingest import ingest_path, load_ingest_context

DATA = Path(__file__).parent / "data" / "ingest"


@pytest.fixture(scope="module")
def ctx(settings):
    return load_ingest_context(settings)


def test_language_switcher_with_label_and_outlet_line(ctx):
    a = ingest_path(DATA / "article_uk_language_switcher_outlet_line.txt", ctx)
    assert a.title == "ОДКБ завершила виведення військ з Казахстану"
    assert (a.language, a.date, a.source) == ("uk", dt.date(2022, 1, 19), "Ukrinform")
    sentences = [
        "Російські десантники та інші підрозділи так званих «миротворчих сил» ОДКБ повністю "
        "залишили територію Казахстану.",
        "Про це повідомило Міністерство оборони РФ, передає кореспондент Укрінформу.",
        "Президент Казахстану Касим-Жомарт Токаєв раніше оголосив, що місія ОДКБ виконана",
        "Як повідомляв Укрінформ, протести в Казахстані розпочалися 2 січня через подорожчання "
        "зрідженого газу.",
    ]
    positions = [a.body.index(s) for s in sentences]
    assert positions == sorted(positions)
    for debris in (
        "Мова",
        "ENG",
        "Перейти до",
        "Головна",
        "Фото:",
        "Читайте також",
        "Підписуйтеся",
        "Поділитися",
        "переглядів",
        "11:20",
    ):
        assert debris not in a.body, debris
    assert not a.body.startswith("Укрінформ")


def test_share_bar_photo_credit_and_most_read_sidebar(ctx):
    a = ingest_path(DATA / "article_ru_share_bar_most_read_sidebar.txt", ctx)
    assert a.title == "Нефтепровод КТК возобновил прием нефти после атаки дронов"
    assert (a.language, a.date) == ("ru", dt.date(2025, 3, 12))
    assert a.body.startswith("Каспийский трубопроводный консорциум (КТК) возобновил прием")
    assert a.body.endswith(
        "«Мы работаем в тесном контакте с российскими партнерами», — отметили в ведомстве."
    )
    for debris in (
        "Главная",
        "Поделиться",
        "WhatsApp",
        "Фото:",
        "Читайте также",
        "Подписывайтесь",
        "Самое читаемое",
        "Курс доллара",
        "1 245",
    ):
        assert debris not in a.body, debris


def test_kazakh_page_with_switcher_read_also_and_share_prompt(ctx):
    a = ingest_path(DATA / "article_kk_switcher_read_also_share.txt", ctx)
    assert a.title == "ҰҚШҰ бітімгершілік күштері Қазақстаннан шығарылды"
    assert (a.language, a.date) == ("kk", dt.date(2022, 1, 19))
    assert a.body.startswith("Ұжымдық қауіпсіздік туралы шарт ұйымының (ҰҚШҰ)")
    assert a.body.endswith("Бітімгершілер Алматы әуежайынан ұшақпен аттанды.")
    for debris in ("Басты бет", "Eng", "Фото:", "Тағы оқыңыз", "жазылыңыз", "Бөлісу", "12:05"):
        assert debris not in a.body, debris


def test_kazakh_page_analysis_keeps_verb_forms_out_of_keywords(ctx, settings):
    from generator.analyse import analyse, load_context

    a = ingest_path(DATA / "article_kk_switcher_read_also_share.txt", ctx)
    result = analyse(a, load_context(settings))
    assert "csto_mission" in result.topic_ids
    assert "Қазақстан" in result.text.keywords
    assert not [k for k in result.text.keywords if k.startswith("шығар")]
    people = {e.name for e in result.text.entities if e.kind == "person"}
    assert "Kassym-Jomart Tokayev" in people
