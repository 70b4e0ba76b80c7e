"""A hand-built digest with multi-report stories, for the page and brief tests.

Six real reports of two events of 5 January 2022 in three languages (excerpts of the
real-article dev set, tests/data/realset/dev of the collectors' branches), plus the five
seed articles as one-report stories. The stories are written here by hand, as the cluster
stage would fill them, so rendering can be tested without running the clustering:

- ``s-tokayev-csto``: Tokayev asks the CSTO for help (TASS ru, Rubryka uk, Webjosh en);
- ``s-almaty-airport``: protesters seize Almaty airport (Kloop ru, 24 Kanal uk,
  Interfax-Ukraine en).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from factories import make_analysis, seed_analyses, seed_digest

from generator.models import Analysis, Citation, Digest, Story

DAY = dt.date(2022, 1, 5)


def story_analyses() -> tuple[Analysis, ...]:
    """The six real reports of the two stories."""
    tass = make_analysis(
        "rs_tass_tokayev_csto",
        "Токаев обратился к главам ОДКБ за помощью в преодолении террористической угрозы",
        [
            "Президент Казахстана Касым-Жомарт Токаев заявил, что обратился за помощью к главам "
            "ОДКБ с просьбой о помощи в преодолении террористической угрозы.",
            "По его словам, обращение к партнерам по ОДКБ является абсолютно уместным и "
            "своевременным.",
            "Президент Казахстана заявил, что рассматривает происходящее в стране как акт "
            "внешней агрессии.",
        ],
        date=DAY,
        source="ТАСС",
        url="https://tass.ru/mezhdunarodnaya-panorama/13359529",
        keywords=["ОДКБ", "Токаев", "террористическая угроза", "внешняя агрессия"],
        entities=[
            ("Kassym-Jomart Tokayev", "person", 2),
            ("CSTO", "organization", 3),
            ("Kazakhstan", "place", 3),
        ],
        topics=[("csto_mission", 0.93, [("ОДКБ", 3)]), ("unrest_2022", 0.6, [("угроза", 1)])],
    )
    rubryka = make_analysis(
        "rs_rubryka_tokayev_csto",
        "Президент Казахстану звернувся до Росії та 4 союзників за допомогою",
        [
            "Президент Казахстану Касим-Жомарт Токаєв заявив, що звернувся до держав-членів "
            "Організації договору про колективну безпеку (ОДКБ) за допомогою у придушенні "
            "протестів.",
            "До цього військово-політичного об'єднання, крім Казахстану, входять Росія, "
            "Білорусь, Вірменія, Таджикистан та Киргизстан.",
            'Про це Токаєв заявив в ефірі державного телеканалу "Хабар 24", передає Громадське.',
        ],
        date=DAY,
        source="Rubryka",
        url="https://rubryka.com/2022/01/05/prezydent-kazahstanu-zvernuvsya-do-rosiyi-ta-4-"
        "soyuznykiv-za-dopomogoyu/",
        language="uk",
        keywords=["ОДКБ", "Токаєв", "придушення протестів", "Хабар 24", "союзники"],
        entities=[
            ("Kassym-Jomart Tokayev", "person", 2),
            ("CSTO", "organization", 1),
            ("Kazakhstan", "place", 2),
            ("Russia", "place", 1),
            ("Belarus", "place", 1),
        ],
        topics=[("csto_mission", 0.9, [("ОДКБ", 1)]), ("unrest_2022", 0.7, [("протестів", 1)])],
    )
    webjosh = make_analysis(
        "rs_webjosh_tokayev_csto",
        "Kazakhstan president appeals to Russia's military alliance for help as unrest escalates",
        [
            "Kazakhstan's president has appealed to a Russian-led military assistance for help "
            "in quelling the mass protests gripping the Central Asian country, promising to use "
            "force to put down the unrest.",
            "Mass protests have spread across Kazakhstan, first triggered by anger over a hike "
            "in fuel prices.",
            "Thousands of protesters on Wednesday stormed government buildings in several "
            "cities, including the largest city and former capital Almaty.",
        ],
        date=DAY,
        source="Webjosh",
        url="https://webjosh.com/article/kazakhstan-president-appeals-to-russia-s-military-"
        "alliance-for-help-as-unrest-escalates-1641419248-9968",
        language="en",
        keywords=["Kazakhstan", "CSTO", "mass protests", "fuel prices", "Nazarbayev"],
        entities=[
            ("Kassym-Jomart Tokayev", "person", 1),
            ("Nursultan Nazarbayev", "person", 2),
            ("CSTO", "organization", 1),
            ("Kazakhstan", "place", 4),
            ("Almaty", "place", 1),
        ],
        topics=[("csto_mission", 0.8, [("CSTO", 1)]), ("unrest_2022", 0.85, [("protests", 3)])],
    )
    kloop = make_analysis(
        "rs_kloop_airport",
        "Orda.kz: В Алматы захвачен аэропорт",
        [
            "Казахское издание Orda.kz сообщило в своем телеграм-канале, что в Алматы захвачен "
            "аэропорт.",
            "В пресс-службе Международного аэропорта Алматы корреспонденту Orda.kz подтвердили "
            "захват здания.",
            "Также это издание сообщило, что захват аэропорта подтвердил блогер Алишер "
            "Еликбаев, который должен был вылететь из города в полночь.",
        ],
        date=DAY,
        source="Kloop",
        url="https://kloop.kg/blog/2022/01/05/orda-kz-v-almaty-zahvachen-aeroport/",
        keywords=["аэропорт", "Алматы", "захват", "Orda.kz", "Еликбаев"],
        entities=[
            ("Almaty", "place", 2),
            ("Orda.kz", "organization", 2),
            ("Alisher Yelikbayev", "person", 1),
        ],
        topics=[("unrest_2022", 0.7, [("захват", 2)])],
    )
    tv24 = make_analysis(
        "rs_24tv_airport",
        "В Алмати захопили аеропорт: співробітників евакуюють",
        [
            "Аеропорт в Алмати захопили протестувальники.",
            "Наразі всіх співробітників евакуюють з будівлі.",
            "Про захоплення аеропорту розповів блогер Алішер Єлікбаєв.",
            "Станом на середу, 5 січня, аеропорт Актау теж припинив роботу.",
        ],
        date=DAY,
        source="24 Kanal",
        url="https://24tv.ua/almati-zahopili-aeroport-spivrobitnikiv-evakuyuvali_n1835822",
        language="uk",
        keywords=["аеропорт", "Алмати", "протестувальники", "Актау", "евакуація"],
        entities=[
            ("Almaty", "place", 2),
            ("Aktau", "place", 1),
            ("Alisher Yelikbayev", "person", 1),
        ],
        topics=[("unrest_2022", 0.75, [("протестувальники", 1)])],
    )
    interfax = make_analysis(
        "rs_interfax_airport",
        "Almaty airport shut down after being seized by protestors",
        [
            "The airport of Almaty has shut down after being seized by protestors, the news "
            "website Orda.kz reported.",
            "According to the website, Yelikbayev is at a hotel near the airport and was due to "
            "fly out at midnight.",
        ],
        date=DAY,
        source="Interfax-Ukraine",
        url="https://en.interfax.com.ua/news/general/790022.html",
        language="en",
        keywords=["airport", "Almaty", "protestors", "Orda.kz", "flights"],
        entities=[
            ("Almaty", "place", 1),
            ("Orda.kz", "organization", 1),
            ("Alisher Yelikbayev", "person", 1),
        ],
        topics=[("unrest_2022", 0.8, [("protestors", 1)])],
    )
    return (tass, rubryka, webjosh, kloop, tv24, interfax)


def _story(sid: str, title: str, members: list[Analysis], cites: list[tuple[int, int]]) -> Story:
    """A story of ``members`` (report order), its summary citing (member, sentence) pairs."""
    return Story(
        id=sid,
        title=title,
        article_ids=tuple(a.id for a in members),
        first_seen=min(a.article.date for a in members if a.article.date),
        last_seen=max(a.article.date for a in members if a.article.date),
        topics=tuple(dict.fromkeys(t for a in members for t in a.topic_ids)),
        sources=tuple(sorted({a.article.source for a in members if a.article.source})),
        languages=tuple(sorted({a.language for a in members})),
        summary=tuple(Citation(members[m].text.sentences[s], members[m].id) for m, s in cites),
    )


def story_digest(**site: str) -> Digest:
    """Seeds plus the six reports; the two stories filled in, ranked first."""
    reports = story_analyses()
    analyses = (*seed_analyses(), *reports)
    digest = seed_digest(analyses, **site)
    tass, rubryka, webjosh, kloop, tv24, interfax = reports
    stories = (
        _story(
            "s-tokayev-csto",
            tass.article.title,
            [tass, rubryka, webjosh],
            [(0, 0), (1, 1), (2, 2)],
        ),
        _story(
            "s-almaty-airport",
            "Orda.kz: В Алматы захвачен аэропорт",
            [kloop, tv24, interfax],
            [(0, 0), (1, 0), (2, 1)],
        ),
    )
    return dataclasses.replace(
        digest, stories=stories, story_of={i: s.id for s in stories for i in s.article_ids}
    )
