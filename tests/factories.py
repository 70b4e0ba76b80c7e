"""Builders of realistic ``Analysis`` / ``Digest`` values for tests (others may import this).

The five seed articles below are taken from the raw seeds (seeds/raw/*.txt): their clean
sentences, with hand-picked keywords, summaries, entities and topic evidence, so rendering and
grouping can be tested without running the NLP stages. Lemmas are simple lower-cased tokens
(``ё`` folded), which is all grouping needs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

import yaml

from generator.models import (
    Analysis,
    Article,
    Digest,
    EntityMention,
    Evidence,
    TextAnalysis,
    Topic,
    TopicMatch,
)
from generator.settings import Settings

_WORD = re.compile(r"\w[\w'’ʼ-]*")

TOPICS = (
    Topic(
        "energy_transit",
        "Energy transit",
        "Энергетический транзит",
        "Kazakh oil and gas exports through Russia: CPC pipeline, terminals, attacks, supply.",
    ),
    Topic(
        "unrest_2022",
        "January 2022 unrest",
        "Январские события 2022 года",
        "The protests and unrest in Kazakhstan in January 2022 and their aftermath.",
    ),
    Topic(
        "csto_mission",
        "CSTO mission",
        "Миссия ОДКБ",
        "The CSTO peacekeeping deployment to Kazakhstan in January 2022.",
    ),
)


def lemmas_of(sentence: str) -> tuple[str, ...]:
    """Lower-cased word tokens with ``ё`` folded: a stand-in for real lemmas in tests."""
    return tuple(w.lower().replace("ё", "е") for w in _WORD.findall(sentence))


def make_analysis(
    id: str,
    title: str,
    sentences: Sequence[str],
    *,
    date: dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
    language: str = "ru",
    keywords: Sequence[str] = (),
    summary: Sequence[str] | None = None,
    entities: Sequence[tuple[str, str, int]] = (),
    topics: Sequence[tuple[str, float, Sequence[tuple[str, int]]]] = (),
    body: str | None = None,
    author: str | None = None,
) -> Analysis:
    """One analysed article; ``body`` defaults to the sentences, one paragraph each."""
    article = Article(
        id=id,
        title=title,
        body=body if body is not None else "\n\n".join(sentences),
        date=date,
        source=source,
        url=url,
        language=language,
        author=author,
        path=f"seeds/{id}.md",
    )
    text = TextAnalysis(
        language=language,
        sentences=tuple(sentences),
        sentence_lemmas=tuple(lemmas_of(s) for s in sentences),
        keywords=tuple(keywords),
        summary=tuple(summary if summary is not None else sentences[:2]),
        entities=tuple(EntityMention(name, kind, count, (name,)) for name, kind, count in entities),
        title_lemmas=lemmas_of(title),
    )
    matches = tuple(
        TopicMatch(t, score, tuple(Evidence(term, n) for term, n in ev)) for t, score, ev in topics
    )
    return Analysis(article=article, text=text, topics=matches)


def seed_analyses() -> tuple[Analysis, ...]:
    """The five seed articles (ru, uk, kk), 002 without a date."""
    a000 = make_analysis(
        "000_a2dd8bfdbe4133b7",
        "Астана обсуждает с Киевом по дипканалам атаки на объекты с сырьем из Казахстана",
        [
            "Казахстан доводит до Украины по дипломатическим каналам озабоченность по поводу "
            "атак беспилотников на энергетическую инфраструктуру на территории в России, где "
            "перерабатываются казахстанские углеводороды.",
            "Об этом заявил на брифинге официальный представитель МИД республики Айбек Смадияров.",
            "14 ноября в оперативном штабе Краснодарского края проинформировали, что на "
            "нефтебазе на перевалочном комплексе «Шесхарис» в Новороссийске возникло возгорание "
            "из-за падения обломков беспилотного летательного аппарата.",
            "Ранее в течение 2025 года беспилотные летательные аппараты атаковали и другие "
            "энергетические объекты на территории РФ, куда поставляется углеводородное сырьё "
            "из Казахстана.",
        ],
        date=dt.date(2025, 11, 24),
        source="ТАСС",
        url="https://tass.ru/politika/25700000",
        keywords=["Казахстан", "беспилотник", "Смадияров", "Новороссийск", "МИД", "нефтебаза"],
        summary=None,
        entities=[
            ("Kazakhstan", "place", 4),
            ("Ukraine", "place", 1),
            ("Aibek Smadiyarov", "person", 2),
            ("Novorossiysk", "place", 2),
            ("Ministry of Foreign Affairs of Kazakhstan", "organization", 1),
        ],
        topics=[("energy_transit", 0.82, [("беспилотник", 3), ("нефтебаза", 1), ("Шесхарис", 1)])],
    )
    a001 = make_analysis(
        "001_61507f8df7a681b9",
        "Посольство Казахстану: з'являються інсинуації про «український слід»",
        [
            "З'являються окремі інсинуації, що мають на меті внесення сумнівів у довірчі "
            "відносини між Україною та Казахстаном.",
            "Про це, 10 січня, коментуючи інформацію про «український слід» у масових протестах "
            "у Казахстані, заявило Посольство Республіки Казахстан в Україні.",
            "Раніше під час онлайн-саміту ОДКБ про «український слід» у казахських протестах "
            "заявив президент РФ Володимир Путін.",
            "Після цього в Казахстан почали перекидати підрозділи «миротворців», основу яких "
            "складають частини ЗС РФ.",
        ],
        date=dt.date(2022, 1, 10),
        source="Lenta.UA",
        url="https://lenta.ua/ru/posolstvo-kazahstana-101010/",
        language="uk",
        keywords=["Казахстан", "український слід", "посольство", "ОДКБ", "миротворці"],
        summary=None,
        entities=[
            ("Kazakhstan", "place", 5),
            ("Ukraine", "place", 3),
            ("CSTO", "organization", 1),
            ("Vladimir Putin", "person", 1),
        ],
        topics=[
            ("unrest_2022", 0.74, [("протести", 2), ("січня", 1)]),
            ("csto_mission", 0.61, [("ОДКБ", 1), ("миротворців", 1)]),
        ],
    )
    a002 = make_analysis(
        "002_aa10cba70e03dd11",
        "Ресей Қазақстанмен энергетикалық ынтымақтастықты кеңейтуді көздеп отыр",
        [
            "Ресей Қазақстанмен энергетикалық ынтымақтастықты, оның ішінде үшінші елдердің "
            "нарығына бірлесіп шығу бағытында кеңейтуді жоспарлап отыр.",
            "Оның айтуынша, Қазақстан экспортына арналған мұнайдың негізгі бөлігі Ресей арқылы "
            "өтеді.",
            "Негізгі бағыт – Каспий Құбыр Консорциумы (КҚК) жүйесі арқылы.",
        ],
        date=None,
        source="ortalyq.kz",
        url="https://ortalyq.kz/resej-kazakstanmen/",
        language="kk",
        keywords=["Қазақстан", "Ресей", "мұнай", "Каспий Құбыр Консорциумы", "ынтымақтастық"],
        summary=None,
        entities=[
            ("Kazakhstan", "place", 3),
            ("Russia", "place", 3),
            ("Vladimir Putin", "person", 1),
            ("Caspian Pipeline Consortium", "organization", 1),
        ],
        topics=[("energy_transit", 0.77, [("мұнай", 2), ("КҚК", 1)])],
    )
    a003 = make_analysis(
        "003_8b31f4d6cd7db2a5",
        "Песков оценил информацию о присутствии иностранных группировок в Казахстане",
        [
            "Официальный представитель Кремля Дмитрий Песков 10 января на брифинге оценил "
            "информацию о действиях иностранных группировок на территории Казахстана.",
            "По его словам, первоисточником этих данных являются власти Казахстана.",
            "Ранее во вторник Токаев рассказал, что миссию ОДКБ планируют завершить в течение "
            "двух дней.",
            "2 января в Казахстане начались акции протеста из-за роста цен на сжиженный газ.",
        ],
        date=dt.date(2022, 1, 11),
        source="Вести.ру",
        url="https://www.vesti.ru/article/2650000",
        keywords=["Казахстан", "Песков", "ОДКБ", "миротворец", "Токаев", "протест"],
        summary=None,
        entities=[
            ("Kazakhstan", "place", 6),
            ("Dmitry Peskov", "person", 3),
            ("Kassym-Jomart Tokayev", "person", 2),
            ("CSTO", "organization", 2),
            ("Almaty", "place", 1),
        ],
        topics=[
            ("unrest_2022", 0.88, [("протест", 2), ("беспорядки", 1)]),
            ("csto_mission", 0.79, [("ОДКБ", 2), ("миротворцы", 2)]),
        ],
    )
    a004 = make_analysis(
        "004_ab022bcd261e01f7",
        "Путин обсудил с коллегами по ОДКБ ситуацию в Казахстане",
        [
            "Президент России Владимир Путин в четверг и пятницу провел ряд телефонных "
            "разговоров с коллегами из других стран ОДКБ, в том числе с казахстанским коллегой "
            "Касым-Жомартом Токаевым, по ситуации в Казахстане, сказал пресс-секретарь "
            "российского лидера Дмитрий Песков.",
            "Массовые протесты в Казахстане начались в первые дни 2022 года.",
            "Утром 5 января президент Касым-Жомарт Токаев отправил в отставку правительство.",
        ],
        date=dt.date(2022, 1, 7),
        source="Sputnik",
        url="https://ru.sputnik.az/20220107/putin-odkb-kazakhstan.html",
        keywords=["ОДКБ", "Путин", "Казахстан", "Токаев", "Песков", "миротворческие силы"],
        summary=None,
        entities=[
            ("Vladimir Putin", "person", 3),
            ("Kassym-Jomart Tokayev", "person", 3),
            ("Dmitry Peskov", "person", 2),
            ("CSTO", "organization", 4),
            ("Kazakhstan", "place", 5),
        ],
        topics=[
            ("csto_mission", 0.91, [("ОДКБ", 4), ("миротворческие силы", 2)]),
            ("unrest_2022", 0.58, [("протесты", 1)]),
        ],
    )
    return (a000, a001, a002, a003, a004)


def payload_analysis(id: str = "999_payloads") -> Analysis:
    """An article whose every field is full of markup, script and include payloads."""
    from pathlib import Path

    body = (Path(__file__).parent / "data" / "security" / "payload_article_body.txt").read_text(
        encoding="utf-8"
    )
    sentences = [p for p in body.split("\n\n") if p.strip()]
    title = '<script>alert("title")</script> {{ 7*7 }} [x](javascript:alert(1)) ../../etc/passwd'
    return make_analysis(
        id,
        title,
        sentences,
        body=body,
        date=dt.date(2022, 1, 8),
        source='<img src=x onerror=alert("src")>',
        url="javascript:alert(document.cookie)",
        keywords=["<b>bold</b>", "{{ config }}", "[kw](javascript:alert(1))", "Казахстан"],
        summary=sentences[:2],
        entities=[('<svg onload=alert("e")>', "person", 1), ("Kazakhstan", "place", 1)],
        topics=[("unrest_2022", 0.9, [("<script>alert(1)</script>", 1), ("{% raw %}", 1)])],
        author='--8<-- "/etc/passwd"',
    )


def settings(**site: str) -> Settings:
    """Default settings rooted at the project, with optional ``site`` overrides."""
    from generator.settings import SiteSettings

    s = Settings()
    if site:
        s = replace(s, site=replace(SiteSettings(), **site))
    return s


def project_settings_with_cache(cache: Path) -> Settings:
    """The project's ``digest.yml`` settings with the analysis cache moved to ``cache``."""
    from generator.settings import load_settings

    s = load_settings(Path(__file__).resolve().parent.parent / "digest.yml")
    return replace(s, output=replace(s.output, cache=str(cache)))


def analyse_files(
    settings: Settings,
    paths: Iterable[Path],
    edit: Callable[[Path, Article], Article] | None = None,
):
    """Raw files ingested in memory (as ``digest analyze`` does), each optionally edited
    (``edit(path, article)``: a labelled date, a title), then analysed in this process:
    (the analysis context, the analyses in the order of ``paths``)."""
    from generator.analyse import analyse_corpus, load_context
    from generator.ingest import ingest_path, load_ingest_context

    ictx = load_ingest_context(settings)
    paths = list(paths)
    articles = [ingest_path(p, ictx) for p in paths]
    if edit is not None:
        articles = [edit(p, a) for p, a in zip(paths, articles, strict=True)]
    ctx = load_context(settings)
    return ctx, analyse_corpus(articles, ctx, workers=1).analyses


def seed_digest(
    analyses: Sequence[Analysis] | None = None, stories: tuple | None = None, **site: str
) -> Digest:
    """The seeds grouped; ``stories=()`` keeps every article a story of its own (no
    clustering), None clusters them with the factory settings."""
    from generator.digest import group

    return group(tuple(analyses or seed_analyses()), TOPICS, settings(**site), stories)


def synthetic_analyses(n: int, start: dt.date = dt.date(2022, 1, 3)) -> tuple[Analysis, ...]:
    """``n`` articles built by recombining the seeds over many weeks (for scale tests)."""
    seeds = seed_analyses()
    out = []
    for i in range(n):
        base = seeds[i % len(seeds)]
        day = start + dt.timedelta(days=(i * 3) % 364)
        sentences = [f"{s} ({i})" for s in base.text.sentences]
        out.append(
            make_analysis(
                f"s{i:05d}",
                f"{base.article.title} — {i}",
                sentences,
                date=day if i % 50 else None,
                source=base.article.source,
                url=base.article.url,
                language=base.language,
                keywords=[*base.text.keywords[:4], f"тема{i % 37}"],
                summary=sentences[:2],
                entities=[(e.name, e.kind, e.count) for e in base.text.entities]
                + [(f"Person {i % 97}", "person", 1)],
                topics=[
                    (m.topic, m.score, [(e.term, e.count) for e in m.evidence]) for m in base.topics
                ],
            )
        )
    return tuple(out)


def write_taxonomy(folder: Path, data: object) -> Path:
    """``data`` written as ``folder/topics.yml`` (for the taxonomy's config-error tests)."""
    p = folder / "topics.yml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return p


def topic_entry(**over: object) -> dict:
    """A valid topic of a taxonomy file, with ``over`` replacing or adding keys."""
    t = {
        "id": "energy",
        "title": {"en": "Energy", "ru": "Энергия"},
        "description": "Energy news.",
        "threshold": 2,
        "terms": [{"weight": 2, "ru": ["нефть"]}],
    }
    t.update(over)
    return t


# A plain English lead for guard tests that build a page's lines around it (a headline, a
# stamp, a list) and check what the cleaner makes of those lines.
GUARD_LEAD = (
    "Protesters gathered in the main square of the city on Wednesday morning, police "
    "said. The rally over fuel prices went on until the evening."
)
