"""Topic knowledge on real article excerpts (tests/data/excerpts): the publication date as
period evidence, concepts that imply contexts, topic implication, the unrest topic's
political consequences, other years' riots, and story-level evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from factories import topic_entry, write_taxonomy

from generator.analyse import analyse, load_context
from generator.models import Analysis, Article
from generator.settings import ConfigError
from generator.topics import (
    Taxonomy,
    apply_story_evidence,
    load_taxonomy,
    score_topics,
    story_evidence_label,
    topic_scores,
)

ROOT = Path(__file__).resolve().parent.parent
EXCERPTS = ROOT / "tests" / "data" / "excerpts"
LANGUAGES = ("ru", "uk", "kk", "en")


@pytest.fixture(scope="module")
def ctx(settings):
    return load_context(settings)


@pytest.fixture(scope="module")
def taxonomy(ctx) -> Taxonomy:
    return ctx.taxonomy


@pytest.fixture(scope="module")
def articles(settings) -> dict[str, Article]:
    """Every excerpt ingested as a raw page; the date is set per test, never inferred."""
    from generator.ingest import ingest_path, load_ingest_context

    ictx = load_ingest_context(settings)
    return {
        p.stem: replace(ingest_path(p, ictx), date=None) for p in sorted(EXCERPTS.glob("*.txt"))
    }


@pytest.fixture(scope="module")
def analysed(articles, ctx) -> dict[str, Analysis]:
    return {k: analyse(a, ctx) for k, a in articles.items()}


@pytest.fixture(scope="module")
def dated_only(tmp_path_factory) -> Taxonomy:
    """The taxonomy without the knowledge of riots under Tokayev or in Almaty, of buildings
    stormed in Almaty and of the gas-price protests: the date is then the only period
    evidence of a riot report that names neither January nor a unique event."""
    data = yaml.safe_load((ROOT / "config" / "topics.yml").read_text(encoding="utf-8"))
    for name in ("tokayev_riots", "almaty_riots", "almaty_buildings_stormed", "gas_price_protests"):
        del data["concepts"][name]
    path = tmp_path_factory.mktemp("dated") / "topics.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_taxonomy(path, LANGUAGES)


@pytest.fixture(scope="module")
def stricter(taxonomy) -> Taxonomy:
    """A higher unrest threshold (10), so that the Rambler report (8) is the weaker one."""
    topics = tuple(
        replace(t, threshold=10) if t.id == "unrest_2022" else t for t in taxonomy.topics
    )
    return replace(taxonomy, topics=topics)


def scores(analysis: Analysis, taxonomy: Taxonomy, date: dt.date | None = None) -> dict:
    return {s.topic: s for s in topic_scores(analysis.text, taxonomy, date)}


def terms(match) -> list[str]:
    return [e.term for e in match.evidence]


# ---------------------------------------------------------------- the date as period evidence


def test_report_dated_in_january_2022_needs_no_january(analysed, dated_only):
    # Reuters via Al-Manar, 5 Jan 2022: riots, Kazakhstan, no "January", no unique event
    taxonomy = dated_only
    a = analysed["en_almanar_security_chief_fired"]
    assert "january" not in " ".join(a.text.sentences).lower()
    undated = scores(a, taxonomy)["unrest_2022"]
    assert undated.score >= undated.threshold
    assert undated.missing_context == ("january_2022",)
    assert not undated.assigned
    (match,) = [m for m in score_topics(a.text, taxonomy, dt.date(2022, 1, 5))]
    assert match.topic == "unrest_2022"
    assert "published 2022-01-05 → January 2022" in terms(match)


@pytest.mark.parametrize("day", [dt.date(2022, 1, 1), dt.date(2022, 2, 1), dt.date(2023, 1, 5)])
def test_date_outside_the_period_is_no_evidence(analysed, dated_only, day):
    a = analysed["en_almanar_security_chief_fired"]
    assert scores(a, dated_only, day)["unrest_2022"].missing_context == ("january_2022",)


def test_riots_under_tokayev_are_textual_period_evidence(analysed, taxonomy):
    # the same undated report: the only mass riots under President Tokayev were January 2022
    (match,) = score_topics(analysed["en_almanar_security_chief_fired"].text, taxonomy)
    assert match.topic == "unrest_2022"
    assert "Tokayev + riot → January 2022" in terms(match)


def test_date_in_period_does_not_make_another_years_riot_the_unrest(analysed, taxonomy):
    # Zhanaozen, December 2011: even a (wrong) January 2022 date leaves it below threshold
    a = analysed["en_odfoundation_zhanaozen_oil_river"]
    s = scores(a, taxonomy, dt.date(2022, 1, 5))["unrest_2022"]
    assert s.negative and not s.assigned
    assert score_topics(a.text, taxonomy, dt.date(2011, 12, 16)) == ()


# ---------------------------------------------------------------- concepts imply contexts


@pytest.mark.parametrize(
    ("name", "implied"),
    [
        ("en_lareport_cpc_drone_strike", "Caspian Pipeline → Kazakhstan"),
        ("ru_meduza_cpc_spm2_sea_drones", "КТК → Kazakhstan"),
    ],
)
def test_cpc_report_that_never_names_kazakhstan_is_energy_transit(
    analysed, taxonomy, name, implied
):
    a = analysed[name]
    body = " ".join(a.text.sentences)
    assert "Kazakh" not in body and "Казахст" not in body
    got = {m.topic: m for m in score_topics(a.text, taxonomy)}
    assert set(got) == {"energy_transit"}
    assert implied in terms(got["energy_transit"])


def test_without_the_concept_the_cpc_report_misses_kazakhstan(tmp_path, analysed):
    data = yaml.safe_load((ROOT / "config" / "topics.yml").read_text(encoding="utf-8"))
    del data["concepts"]
    path = tmp_path / "topics.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    plain = load_taxonomy(path, LANGUAGES)
    s = scores(analysed["en_lareport_cpc_drone_strike"], plain)["energy_transit"]
    assert "kazakhstan" in s.missing_context and not s.assigned


def test_kazakh_cpc_report_is_energy_transit(analysed, taxonomy):
    a = analysed["kk_onkz_cpc_q1_2023_volume"]
    assert {m.topic for m in score_topics(a.text, taxonomy)} == {"energy_transit"}


# ---------------------------------------------------------------- the unrest and its consequences


@pytest.mark.parametrize(
    ("name", "term"),
    [
        ("ru_nsn_ukibay_sovbez_handover", "председатель Совета безопасности"),  # Security Council
        ("ru_amic_tokayev_shoot_order", "огонь на поражение"),  # the shoot-to-kill order
        ("en_punchng_massimov_detained", "treason"),  # Massimov's arrest
    ],
)
def test_direct_political_consequences_are_the_unrest(analysed, taxonomy, name, term):
    got = {m.topic: m for m in score_topics(analysed[name].text, taxonomy)}
    assert "unrest_2022" in got
    assert term in terms(got["unrest_2022"])


def test_undated_consequence_has_textual_period_evidence(analysed, taxonomy):
    # no date, no "January": the shoot-to-kill order happened only in January 2022
    (m,) = score_topics(analysed["ru_amic_tokayev_shoot_order"].text, taxonomy)
    assert "огонь на поражение → January 2022" in terms(m)


def test_csto_mission_implies_the_unrest(analysed, taxonomy):
    a = analysed["ru_ria24today_csto_forces_decision"]
    s = scores(a, taxonomy)
    assert s["csto_mission"].own
    assert not s["unrest_2022"].own  # its own words are not enough ...
    got = {m.topic: m for m in score_topics(a.text, taxonomy)}
    assert set(got) == {"csto_mission", "unrest_2022"}  # ... the mission answered the unrest
    assert "implied by: CSTO mission in Kazakhstan, January 2022" in terms(got["unrest_2022"])


@pytest.mark.parametrize(
    "name",
    [
        "en_odfoundation_zhanaozen_oil_river",  # Zhanaozen 2011
        "kk_qazaqtimes_latin_kordai_trial",  # Kordai 2020 trial
        "en_tass_csto_drills_belarus_2025",  # CSTO drills elsewhere
    ],
)
def test_other_years_and_other_places_get_no_topic(analysed, taxonomy, name):
    assert score_topics(analysed[name].text, taxonomy) == ()


# ---------------------------------------------------------------- story-level evidence

SOVBEZ = (
    "ru_rambler_tokayev_heads_sovbez",
    "ru_nsn_ukibay_sovbez_handover",
    "ru_rbc_ukibay_sovbez_handover",
    "ru_thebell_ukibay_sovbez_handover",
)


def with_topics(a: Analysis, taxonomy: Taxonomy) -> Analysis:
    return replace(a, topics=score_topics(a.text, taxonomy, a.article.date))


def test_story_lends_its_topic_to_a_report_with_weaker_evidence(analysed, stricter):
    taxonomy = stricter
    group = [with_topics(analysed[n], taxonomy) for n in SOVBEZ]
    rambler = group[0]
    assert "unrest_2022" not in rambler.topic_ids  # 8 < 10 on its own
    assert all("unrest_2022" in a.topic_ids for a in group[1:])
    story_of = {a.id: "2022-01-05-security-council-chair" for a in group}
    out = apply_story_evidence(group, story_of, taxonomy)
    assert [a.id for a in out] == [a.id for a in group]
    (lent,) = [m for m in out[0].topics if m.topic == "unrest_2022"]
    assert story_evidence_label(3, 4) == "story: 3 of 4 reports"
    assert terms(lent)[-1] == "story: 3 of 4 reports"
    assert "председатель Совета безопасности" in terms(lent)  # its own evidence is kept
    assert out[1:] == tuple(group[1:])  # the others are unchanged


def test_story_needs_enough_other_reports(analysed, stricter):
    taxonomy = stricter
    group = [with_topics(analysed[n], taxonomy) for n in SOVBEZ[:2]]  # one other report
    story_of = {a.id: "s" for a in group}
    assert apply_story_evidence(group, story_of, taxonomy) == tuple(group)


def test_story_needs_most_other_reports_on_the_topic(analysed, stricter):
    taxonomy = stricter
    others = [with_topics(analysed[n], taxonomy) for n in SOVBEZ[1:3]]
    cpc = [with_topics(analysed[n], taxonomy) for n in ("ru_meduza_cpc_spm2_sea_drones",) * 2]
    cpc = [replace(cpc[0], article=replace(cpc[0].article, id=f"cpc{i}")) for i in range(2)]
    rambler = with_topics(analysed[SOVBEZ[0]], taxonomy)
    group = [rambler, *others, *cpc]  # 2 of 4 others carry the unrest: not most
    story_of = {a.id: "s" for a in group}
    assert apply_story_evidence(group, story_of, taxonomy)[0] == rambler


def test_story_does_not_lend_a_topic_without_own_evidence(analysed, stricter):
    taxonomy = stricter
    cpc = with_topics(analysed["ru_meduza_cpc_spm2_sea_drones"], taxonomy)
    group = [cpc, *(with_topics(analysed[n], taxonomy) for n in SOVBEZ[1:])]
    story_of = {a.id: "s" for a in group}
    out = apply_story_evidence(group, story_of, taxonomy)
    assert out[0].topic_ids == ("energy_transit",)


def test_reports_without_a_story_are_unchanged(analysed, stricter):
    taxonomy = stricter
    group = tuple(with_topics(analysed[n], taxonomy) for n in SOVBEZ)
    assert apply_story_evidence(group, {}, taxonomy) == group


# ---------------------------------------------------------------- configuration errors


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {
                "contexts": {"p": {"ru": ["январь"], "period": {"from": "2022-01-31"}}},
                "topics": [topic_entry()],
            },
            "contexts.p.period: expected a mapping with 'from' and 'to'",
        ),
        (
            {
                "contexts": {
                    "p": {"ru": ["январь"], "period": {"from": "2022-02-01", "to": "2022-01-01"}}
                },
                "topics": [topic_entry()],
            },
            "'from' is after 'to'",
        ),
        (
            {
                "contexts": {
                    "p": {"ru": ["январь"], "period": {"from": "soon", "to": "2022-01-01"}}
                },
                "topics": [topic_entry()],
            },
            "period.from: expected a date",
        ),
        (
            {
                "concepts": {"cpc": {"any": ["КТК"], "implies": ["nowhere"]}},
                "topics": [topic_entry()],
            },
            "concepts.cpc.implies: unknown context 'nowhere'",
        ),
        (
            {"concepts": {"cpc": {"any": ["КТК"]}}, "topics": [topic_entry()]},
            "concepts.cpc.implies: expected a non-empty list",
        ),
        ({"topics": [topic_entry(implies=["nothing"])]}, "unknown topic 'nothing'"),
        (
            {"settings": {"story": {"min_share": 2}}, "topics": [topic_entry()]},
            "settings.story.min_share",
        ),
        ({"settings": {"story": {"share": 0.5}}, "topics": [topic_entry()]}, "settings.story"),
    ],
)
def test_bad_knowledge_config_is_a_clear_error(tmp_path, data, message):
    path = write_taxonomy(tmp_path, data)
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path, LANGUAGES)
    assert str(path) in str(err.value)
    assert message in str(err.value)


def test_story_rule_and_period_are_read_from_the_config(taxonomy):
    assert taxonomy.story.min_others >= 2
    assert 0.5 < taxonomy.story.min_share <= 1
    (period,) = [c.period for t in taxonomy.topics for c in t.require if c.name == "january_2022"]
    assert period == (dt.date(2022, 1, 2), dt.date(2022, 1, 31))


def _realset(settings, ctx, name: str) -> Analysis:
    """A realset page ingested as a raw page without its date, then analysed."""
    from generator.ingest import ingest_path, load_ingest_context

    path = ROOT / "tests" / "data" / "realset" / name
    article = replace(ingest_path(path, load_ingest_context(settings)), date=None)
    return analyse(article, ctx)


@pytest.mark.parametrize(
    ("name", "term"),
    [
        # "Kazakhstan Shuts Down Internet …": demonstrations and the shutdown, no month
        ("dev9/en_bitcoinleef_mining_nation_shuts_internet.txt", "shut down the internet"),
        # a travel advisory: protests, the state of emergency, the curfew
        ("dev9/en_touristalk_kazakhstan_travel_advice.txt", "state of emergency"),
        # "Протесты дошли до севера": the protests and the internet cut
        ("dev10/ru_rusvesna_protests_reach_north.txt", "отключить интернет"),
    ],
)
def test_an_emergency_over_protests_is_january_2022(settings, ctx, taxonomy, name, term):
    """Kazakhstan declared a state of emergency, a curfew and cut the internet over protests
    only in January 2022: undated reports naming them and the protests are the unrest."""
    a = _realset(settings, ctx, name)
    (match,) = [m for m in score_topics(a.text, taxonomy) if m.topic == "unrest_2022"]
    assert any(e.startswith(term) and "January 2022" in e for e in terms(match))


def test_a_quarantines_state_of_emergency_is_not_the_unrest(settings, ctx, taxonomy):
    """The state of emergency of March 2020 (COVID-19) over a hockey club's season (dev13):
    no protests, so no January 2022 and no unrest topic."""
    a = _realset(settings, ctx, "dev13/ru_sportskz_barys-covid-chp.txt")
    s = scores(a, taxonomy)["unrest_2022"]
    assert not s.assigned
    assert not any("January 2022" in e for m in score_topics(a.text, taxonomy) for e in terms(m))


def test_knowledge_does_not_place_a_report_published_before_the_period_in_it(
    settings, ctx, taxonomy
):
    """channelnewsasia (dev14), the election protests of 9 June 2019: "Tokayev" and "riot"
    imply January 2022, but a report published in June 2019 cannot be about it. Undated, the
    same text still gets the topic: a report's years tell nothing (reports of 5 January 2022
    name Tokayev's election of 2019). "riot" is in the photo's caption, which cleaning cuts
    ("… confront riot police … (VYACHESLAV OSELEDKO/AFP)"): it is put back over the text."""
    name = "dev14/en_channelnewsasia_kazakhstan-elects-new-leader-2019.txt"
    page = (ROOT / "tests" / "data" / "realset" / name).read_text(encoding="utf-8")
    caption = next(line for line in page.splitlines() if "riot police" in line)
    a = _realset(settings, ctx, name)
    assert "riot police" not in a.article.body  # (the caption is debris)
    a = analyse(replace(a.article, body=f"{caption}\n\n{a.article.body}"), ctx)
    undated = [m for m in score_topics(a.text, taxonomy) if m.topic == "unrest_2022"]
    assert any("January 2022" in e for m in undated for e in terms(m))
    dated = score_topics(a.text, taxonomy, dt.date(2019, 6, 9))
    assert "unrest_2022" not in {m.topic for m in dated}
    later = score_topics(a.text, taxonomy, dt.date(2022, 1, 20))
    assert "unrest_2022" in {m.topic for m in later}


def test_kazakh_blue_helmets_in_lebanon_are_not_the_csto_mission(settings, ctx, taxonomy):
    """kzvesti (dev16), after the Beirut blast of August 2020: 120 Kazakh soldiers in the UN
    contingent "в Ливане". The negative term "Ливан" had been lemmatised to "ливаны" and
    never matched the text's "Ливане" (lemma "ливан"); written as a prefix it matches every
    form, in Russian and Ukrainian."""
    a = _realset(settings, ctx, "dev16/ru_kzvesti_bezopasnost-kazahstancev-v-livane.txt")
    assert "в Ливане" in a.article.body
    s = scores(a, taxonomy)["csto_mission"]
    assert not s.assigned
    assert [e.term for e in s.negative] == ["Ливан"]
    assert {"миротворец", "миссия"} <= {e.term for e in s.evidence}  # it reads like one


def test_a_deployment_report_without_the_word_peacekeepers_is_the_csto_mission(
    settings, ctx, taxonomy
):
    """ugra-news.net (dev17), 6 January 2022: "Подразделения ОДКБ приступили к выполнению
    задач в Казахстане" names the request ("обратиться в ОДКБ"), the units that "вошли в
    Казахстан" and the airborne brigades, but never "миротворцы": the organisation's names
    and the guard duty stayed below the threshold (8 of 10)."""
    a = _realset(settings, ctx, "dev17/ru_ugranews_odkb-pristupili-k-zadacham.txt")
    s = scores(a, taxonomy)["csto_mission"]
    assert s.assigned
    terms = {e.term for e in s.evidence}
    assert {"обратиться в ОДКБ", "войти в Казахстан", "десантно-штурмовой"} <= terms
    # the organisation's drills elsewhere stay out, whatever units they name
    drill = _realset(settings, ctx, "dev17/ru_vbkg_ucheniya-nerushimoe-bratstvo-2023.txt")
    assert not scores(drill, taxonomy)["csto_mission"].assigned


@pytest.mark.parametrize(
    "name",
    [
        # the UAE embassy's advice to its citizens, one sentence on the alliance's troops
        "dev10/en_khaleejtimes_uae_embassy_advisory.txt",
        # a Turkish carrier's evacuation flight, one sentence on the peacekeeping forces
        "dev11/en_siasat_turkish_carrier_evacuate_personnel.txt",
    ],
)
def test_the_mission_named_in_one_sentence_of_a_notice_is_a_passing_mention(
    settings, ctx, taxonomy, name
):
    """The CSTO mission's terms reach its threshold in one sentence of 10 or more, none in
    the title (``min_share: 0.1``): the notice is not about the mission."""
    a = _realset(settings, ctx, name)
    s = scores(a, taxonomy, dt.date(2022, 1, 7))["csto_mission"]
    assert s.score >= s.threshold and not s.missing_context
    hits, n = s.passing
    assert hits < 0.1 * n and not s.assigned


def test_tokayev_taking_the_security_councils_helm_over_looting_is_january_2022(
    settings, ctx, taxonomy
):
    """worldstockmarket (dev16), undated: Tokayev "will take over the helm of the Security
    Council" while extremists "looted hundreds of businesses". The helm changed hands only
    on 5 January 2022, and Tokayev with looting is the unrest; "looted" is its own lemma
    ("looted", not "loot"), so it is written out."""
    a = _realset(settings, ctx, "dev16/en_worldstockmarket_tokayev-takes-over-security-council.txt")
    assert "looted hundreds of businesses" in a.article.body
    (match,) = [m for m in score_topics(a.text, taxonomy) if m.topic == "unrest_2022"]
    assert any("January 2022" in e for e in terms(match))
    assert any(e.startswith("helm of the Security Council") for e in terms(match))


def test_a_counter_terrorist_operation_over_protesters_is_january_2022(settings, ctx, taxonomy):
    """armlife (dev10), undated: "антитеррористическая операция" in Almaty against
    protesters. Kazakhstan ran such an operation over protests only in January 2022 (the
    Aktobe one of 2016 answered armed attacks): the period is known from the words, though
    the report's own score stays below the threshold."""
    a = _realset(settings, ctx, "dev10/ru_armlife_almaty_shooting_continues.txt")
    s = scores(a, taxonomy)["unrest_2022"]
    assert "January 2022" not in s.missing_context
    assert any("антитеррористическая операция" in e.term for e in s.context_evidence)


@pytest.mark.parametrize(
    "name",
    [
        # "Russian troops landed in Kazakhstan on Thursday after the … president asked for
        # help" (the alliance named once, as "a Moscow-led military alliance", never as the CSTO)
        "dev9/en_thegrayarea_russian_troops_intervene.txt",
        # "the Russian military intervention that sent around 2,500 troops to Kazakhstan"
        "dev17/en_dampol_gw-hatchet-kazakh-experts-discuss-protests.txt",
    ],
)
def test_russian_troops_in_kazakhstan_are_the_mission_without_naming_the_csto(
    settings, ctx, taxonomy, name
):
    """English reports call the deployment "Russian troops", a "Russian(-led)" force or a
    "Russian military intervention" without naming the CSTO: the mission's context; its
    score still comes from the report's own words: a report on the shoot-to-kill order that
    has "planes … bring Russian troops into Kazakhstan" in one sentence stays the unrest."""
    a = _realset(settings, ctx, name)
    s = scores(a, taxonomy, dt.date(2022, 1, 7))["csto_mission"]
    assert s.assigned and not s.missing_context
    riots = _realset(settings, ctx, "dev10/en_dailymaverick_shoot_to_kill_order.txt")
    assert not scores(riots, taxonomy, dt.date(2022, 1, 7))["csto_mission"].assigned


def test_a_named_exercise_with_its_year_is_a_drill_not_the_mission(settings, ctx, taxonomy):
    """globalsouth.live (dev18), September 2024: the CSTO peacekeeping force's command-staff
    exercise "Indestructible Brotherhood-2024" in the Almaty region names the force, its
    deployment and Kazakhstan again and again. The exercise's name carries its year, one
    word with it ("Brotherhood-2024"); written as a prefix, the name is a negative in every
    form, and the drill stays out."""
    a = _realset(settings, ctx, "dev18/en_globalsouth_kazakhstan-hosts-csto-drills.txt")
    assert "Indestructible Brotherhood-2024" in a.article.body
    s = scores(a, taxonomy)["csto_mission"]
    assert not s.assigned
    assert "Indestructible Brotherhood" in {e.term for e in s.negative}
    assert {"peacekeeping forces", "deployment"} <= {e.term for e in s.evidence}


def test_the_tragic_events_of_january_and_a_coup_attempt_are_the_unrest(settings, ctx, taxonomy):
    """rusojuz.lv (dev18), undated: "трагические события в Казахстане 2-6 января" and "попытку
    вооруженного переворота" (Tokayev's framing) over the gas-price protest in Zhanaozen:
    the report named the protest once and the price rise once (4 of 8) before these phrases
    counted."""
    a = _realset(settings, ctx, "dev18/ru_rusojuz_tragicheskie-sobytiya-2-6-yanvarya.txt")
    s = scores(a, taxonomy)["unrest_2022"]
    assert s.assigned
    assert {"трагические события", "попытка переворота"} <= {e.term for e in s.evidence}


def test_a_kazakh_state_company_is_kazakhstan(settings, ctx, taxonomy):
    """uzdaily.com (dev19): Kazakhstan carried 225,000 t of Russian oil to Uzbekistan,
    "сообщает пресс-служба компании «Казтрансойл»": the country named once, the pipeline
    operator once; a state company of Kazakhstan places the report there."""
    a = _realset(settings, ctx, "dev19/ru_c_uzdaily_225-tysyach-tonn-rossijskoj-nefti.txt")
    s = scores(a, taxonomy)["energy_transit"]
    assert s.assigned and not s.missing_context
    assert a.article.body.count("Казахстан") == 1  # the country named once


def test_an_almaty_woman_on_the_january_riots_is_the_unrest(settings, ctx, taxonomy):
    """qaznews (dev19), a Tengrinews.kz reprint: "Алматинка о событиях января", "начала
    январских беспорядков": the city's demonym and the riots named by their month."""
    a = _realset(settings, ctx, "dev19/ru_qaznews_my-lezhali-s-detmi-v-koridore.txt")
    s = scores(a, taxonomy)["unrest_2022"]
    assert s.assigned and not s.missing_context
    assert "январские беспорядки" in {e.term for e in s.evidence}


def test_riots_in_almaty_under_its_present_name_are_january_2022(settings, ctx, taxonomy):
    """skeptik.kg (dev19), undated: a Russian eyewitness "в Алматы в разгар беспорядков",
    robbed shops, no month named. Almaty saw riots under its present name only in January
    2022 (the December 1986 events were in Alma-Ata): the period is known from the words."""
    a = _realset(settings, ctx, "dev19/ru_skeptikkg_prosto-vzyali-ograbili.txt")
    s = scores(a, taxonomy)["unrest_2022"]
    assert s.assigned and not s.missing_context
    assert any("Алматы" in e.term for e in s.context_evidence)


# ---------------------------------------------------------------- Nazarbayev in January 2022


def test_nazarbayev_counts_for_the_unrest_only_in_reports_of_january_2022(settings, ctx):
    """umoloda.kyiv.ua (dev28, 8 Jan 2022): Nazarbayev's spokesman denies his flight during
    "a week of protests"; the text names the protests once, "Єлбаси" twice. Published in
    January 2022, Nazarbayev is a thread of the unrest (his removal from the Security
    Council, the rumours of his flight); in a report of another month his name is no
    evidence of it."""
    from generator.ingest import ingest_path, load_ingest_context

    path = ROOT / "tests/data/realset/dev28/uk_umoloda_nazarbaiev-ne-tikav-z-kazakhstanu.txt"
    article = ingest_path(path, load_ingest_context(settings))
    assert article.date == dt.date(2022, 1, 8)
    text = analyse(article, ctx).text
    january = scores_of(text, ctx.taxonomy, article.date)["unrest_2022"]
    assert january.assigned
    assert {"Єлбаси", "протест"} <= {e.term for e in january.evidence}
    later = scores_of(text, ctx.taxonomy, dt.date(2023, 1, 8))["unrest_2022"]
    assert not later.assigned
    assert "Єлбаси" not in {e.term for e in later.evidence}


def scores_of(text, taxonomy: Taxonomy, date: dt.date) -> dict:
    return {s.topic: s for s in topic_scores(text, taxonomy, date)}


# ---------------------------------------------------------- the unrest threshold on real pages


def _realset(settings, ctx, name: str) -> Analysis:
    from generator.evaluate import ArticleLoader

    return analyse(ArticleLoader(settings)(ROOT / "tests" / "data" / "realset" / name), ctx)


def test_a_report_from_the_square_scoring_seven_is_the_unrest(settings, ctx, taxonomy):
    """ratel.kz (dev10), 5 January 2022 in Ust-Kamenogorsk: protesters on the square, the
    akimat, security forces, no riot word (score 7). The threshold was 8 until 2,680 tuning
    pages gave +7 reports found for 2 more false positives at 7 (unrest F1 0.940 -> 0.943)."""
    found = scores(
        _realset(settings, ctx, "dev10/ru_ratel_ustkamenogorsk_square_jan5.txt"), taxonomy
    )
    unrest = found["unrest_2022"]
    assert unrest.score == 7 and unrest.assigned


def test_a_match_under_the_state_of_emergency_over_protests_is_the_unrest(settings, ctx, taxonomy):
    """tribuna.com (dev13): Barys and Metallurg wait for a decision on their match in
    Nur-Sultan under the state of emergency "из-за массовых протестов" (score 6), a report
    on what the unrest caused, the unrest named in its lead. The threshold is 6 since the
    labels of such reports were made one rule (twenty-second session): on all 2,864 tuning
    pages +11 reports found for 4 more false positives (unrest F1 0.947 -> 0.951)."""
    found = scores(_realset(settings, ctx, "dev13/ru_tribuna_barys-match-nur-sultan.txt"), taxonomy)
    unrest = found["unrest_2022"]
    assert unrest.threshold == 6
    assert unrest.score == 6 and unrest.assigned


def test_the_cstos_collective_security_council_is_not_kazakhstans_security_council(
    settings, ctx, taxonomy
):
    """horizonweekly (dev2): Pashinyan and Tokayev at sessions of the CSTO's "Collective
    Security Council", named four times: the longer term takes the words at a low weight,
    so the CSTO's summits do not read as Kazakhstan's Security Council (the unrest's)."""
    a = _realset(settings, ctx, "dev2/t_en_horizonweekly_pashinyan_csto_tokayev.txt")
    unrest = scores(a, taxonomy)["unrest_2022"]
    said = [e.term for e in unrest.evidence]
    assert "Collective Security Council" in said
    assert "Security Council" not in said
    assert not unrest.assigned


def test_a_fire_at_an_oil_field_is_no_arson_of_the_unrest(settings, ctx, taxonomy):
    """29.ru's Kazakh page (dev15) on a fire at the Tengiz field: "өрт" (a fire) is no
    unrest term; "өртеу" (to set fire) is, as "set fire" and "поджог" are."""
    found = scores(_realset(settings, ctx, "dev15/kk_29ru_teniz-kenishinde-ort.txt"), taxonomy)
    assert "өрт" not in terms(found["unrest_2022"].match())
    assert not found["unrest_2022"].assigned


def test_tokayevs_counter_terrorism_operation_is_january_2022(settings, ctx, taxonomy):
    """move2turkey (dev136): the Organization of Turkic States backs Tokayev and "counter-
    terrorism operations against terrorists, extremists and criminals" without naming the
    month; the only counter-terrorist operation regime under Tokayev was January 2022's (on
    every tuning page naming both, 14, the unrest is labelled)."""
    name = "dev136/en_move2turkey_organization-of-turkish-states-supports-kazakh-president.txt"
    unrest = scores(_realset(settings, ctx, name), taxonomy)["unrest_2022"]
    assert unrest.assigned
    assert any("counter-terrorism operation" in e.term for e in unrest.evidence)


def test_the_bringing_in_of_csto_troops_to_kazakhstan_is_the_mission(settings, ctx, taxonomy):
    """media.az (dev138): "В истории с введением войск ОДКБ в Казахстан …" (the Russian verbal
    noun, as "ввод войск" and Ukrainian "введення військ"): the CSTO mission, and so the
    unrest."""
    name = "dev138/ru_mediaaz_kak-pashinyan-ugodil-v-tragikomicheskuyu-situaciyu.txt"
    found = scores(_realset(settings, ctx, name), taxonomy)
    assert "введение войск" in terms(found["csto_mission"].match())
    assert found["csto_mission"].assigned
