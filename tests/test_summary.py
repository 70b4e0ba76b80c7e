"""Extractive summaries on the seeds and the multi-document topic overview."""

from pathlib import Path

import pytest
import realtexts
from realtexts import CPC_MOORING, CSTO_DRILLS_KK, CSTO_TERMS_UK, SHOIGU_WITHDRAWAL, RealText

from generator.models import Citation
from generator.nlp.lemmas import get_lemmatizer
from generator.nlp.sentences import split_sentences
from generator.nlp.stopwords import load_stopwords
from generator.nlp.summary import (
    MAX_GRAPH_NODES,
    OverviewCandidate,
    content_lemmas,
    leans_back,
    load_openers,
    overview,
    same_fact,
    sentence_facts,
    sentence_graph,
    summarize,
    summary_units,
)

DATA = Path(__file__).parent / "data" / "nlp"
LANGUAGE_DIR = Path(__file__).parents[1] / "config" / "languages"
FIXTURES = {
    "seed_000_ru_clean.txt": "ru",
    "seed_001_uk_clean.txt": "uk",
    "seed_002_kk_clean.txt": "kk",
    "seed_003_ru_headline_repeated.txt": "ru",
}


def article(name: str) -> tuple[str, list[str], list[list[str]], list[str], frozenset[str]]:
    """(headline, body sentences, their lemmas, headline lemmas, stopwords)."""
    language = FIXTURES[name]
    title, body = (DATA / name).read_text(encoding="utf-8").split("\n\n", 1)
    lemmatizer = get_lemmatizer(language)
    sentences = split_sentences(body, language)
    return (
        title,
        sentences,
        [lemmatizer.lemmas(s) for s in sentences],
        lemmatizer.lemmas(title),
        load_stopwords(language, LANGUAGE_DIR),
    )


def summary_of(name: str, n: int = 3) -> tuple[str, list[str], list[str]]:
    title, sentences, lemmas, title_lemmas, stopwords = article(name)
    return title, sentences, summarize(sentences, lemmas, n, title_lemmas, stopwords)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_summary_is_whole_sentences_in_document_order(name):
    _, sentences, summary = summary_of(name)
    assert 2 <= len(summary) <= 3
    positions = [sentences.index(s) for s in summary]  # raises if not a whole sentence
    assert positions == sorted(positions)
    assert len(set(positions)) == len(positions)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_summary_never_repeats_the_headline(name):
    title, _, summary = summary_of(name)
    assert title not in summary


def test_headline_repeated_in_the_body_is_skipped():
    title, sentences, summary = summary_of("seed_003_ru_headline_repeated.txt")
    assert sentences[0] == title  # the fixture's case: the page repeats its headline
    assert sentences[0] not in summary
    assert any("Песков" in s for s in summary)


def test_lead_sentence_of_a_news_report_is_chosen():
    _, sentences, summary = summary_of("seed_000_ru_clean.txt")
    lead = next(s for s in sentences if s.startswith("Казахстан доводит до Украины"))
    assert lead in summary


def test_fragments_and_quotes_give_way_to_statements():
    _, _, summary = summary_of("seed_001_uk_clean.txt")
    for sentence in summary:
        assert len(sentence.split()) >= 5
        assert not sentence.startswith("«")
        assert not sentence.endswith("?")
    # "Є вкидання про «український слід» подій у Казахстані." sits inside a quotation
    assert not any(s.startswith("Є вкидання") for s in summary)


def test_two_sentences_when_asked_and_nothing_for_nothing():
    _, _, summary = summary_of("seed_002_kk_clean.txt", n=2)
    assert len(summary) == 2
    assert summarize([], [], 3) == []


def test_mismatched_lemmas_are_an_error():
    with pytest.raises(ValueError):
        summarize(["Одно предложение здесь есть."], [], 3)


def _candidates(name: str, article_id: str) -> list[OverviewCandidate]:
    _, sentences, lemmas, _, _ = article(name)
    return [
        OverviewCandidate(sentence=s, lemmas=tuple(lem), article_id=article_id, weight=1.0)
        for s, lem in zip(sentences, lemmas, strict=True)
    ]


def test_overview_cites_articles_and_avoids_repeats():
    stopwords = load_stopwords("ru", LANGUAGE_DIR)
    pool = _candidates("seed_003_ru_headline_repeated.txt", "003") + _candidates(
        "seed_000_ru_clean.txt", "000"
    )
    pool += _candidates("seed_003_ru_headline_repeated.txt", "003-copy")  # a reprint
    result = overview(pool, n=5, stopwords=stopwords)
    assert len(result) == 5
    assert all(isinstance(c, Citation) for c in result)
    sentences = [c.sentence for c in result]
    assert len(set(sentences)) == len(sentences)  # the reprint adds no repeated sentence
    by_id = {c.article_id for c in result}
    assert "000" in by_id and ({"003", "003-copy"} & by_id)
    for citation in result:
        source = {
            "000": "seed_000_ru_clean.txt",
            "003": "seed_003_ru_headline_repeated.txt",
            "003-copy": "seed_003_ru_headline_repeated.txt",
        }[citation.article_id]
        assert citation.sentence in article(source)[1]


def test_overview_is_deterministic_whatever_the_input_order():
    pool = _candidates("seed_003_ru_headline_repeated.txt", "003") + _candidates(
        "seed_000_ru_clean.txt", "000"
    )
    assert overview(pool, n=4) == overview(list(reversed(pool)), n=4)
    assert overview([], n=4) == []


def test_overview_weight_favours_an_article():
    pool = _candidates("seed_003_ru_headline_repeated.txt", "003") + [
        OverviewCandidate(c.sentence, c.lemmas, c.article_id, weight=5.0)
        for c in _candidates("seed_000_ru_clean.txt", "000")
    ]
    assert overview(pool, n=1)[0].article_id == "000"


# ---------------------------------------------------------------- anaphora, same fact, bounds
# Real excerpts: tests/realtexts.py (dev split of the real-article set, URLs kept there).

OPENERS = load_openers(LANGUAGE_DIR, ("ru", "uk", "kk", "en"))


def real_summary(text: RealText, n: int = 3) -> tuple[list[str], list[str]]:
    """(sentences, summary) of a real excerpt, as ``analyse_text`` makes them."""
    lemmatizer = get_lemmatizer(text.language)
    sentences = [s for p in text.body.split("\n\n") for s in split_sentences(p, text.language) if s]
    summary = summarize(
        sentences,
        [lemmatizer.lemmas(s) for s in sentences],
        n,
        lemmatizer.lemmas(text.title),
        load_stopwords(text.language, LANGUAGE_DIR),
        OPENERS[text.language],
    )
    return sentences, summary


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("kk", "Оның айтуынша, 2026 жылы бірлескен 60 іс-шара өткізу жоспарланып отыр."),
        ("kk", "Энергетика министрлігінің өкілдері осылай деп хабарлады."),
        ("uk", "Про це, 10 січня, коментуючи інформацію, заявило Посольство."),
        ("uk", 'За його словами, "миротворці" ОДКБ залишаться в Казахстані.'),
        ("ru", "По его словам, процесс возвращения миротворцев начнется сегодня, 13 января."),
        ("ru", "Об этом сообщил официальный представитель МИД Айбек Смадияров."),
        ("ru", "Он добавил, что завтра на 14 самолетах будут вывезены миротворцы."),
        ("en", "He said his government had largely restored order."),
        ("en", "This was announced by the Russian Defense Ministry from Moscow."),
        # a conclusion drawn from what came before (dev8 ukrradio.org: "Таким чином народний
        # депутат … голова Міжпарламентської групи …" opened its summary)
        ("uk", "Таким чином народний депутат відповів на запитання про посла."),
        ("ru", "Следовательно, Казахстан остается зависимым от КТК."),
        ("kk", "Осылайша, мұнай экспорты қалпына келді."),
        # a part of a number the sentence before gave (dev25 esquire.kz: "Из них четверо
        # несовершеннолетних в Алматы, …" opened its summary)
        ("ru", "Из них четверо несовершеннолетних в Алматы, двое в Алматинской области."),
        ("ru", "В том числе 12 военнослужащих."),
        ("uk", "Серед них троє дітей."),
        ("en", "Of them, four were minors."),
    ],
)
def test_openers_that_point_back_come_from_the_language_files(language, sentence):
    assert leans_back(sentence, OPENERS[language])


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("ru", "По словам Зайнетдинова, армянская сторона сообщила секретариату ОДКБ."),
        ("ru", "Президент Казахстана Касым-Жомарт Токаев дал приказ открывать огонь."),
        ("uk", "Миротворчий контингент ОДКБ ще залишиться в Казахстані."),
        ("kk", "Каспий құбыр желісі консорциумы қалыпты режимде мұнай тасымалдап жатыр."),
        ("en", "The former head of Kazakhstan’s domestic intelligence agency has been detained."),
        ("en", "This week, protesters in Almaty stormed government buildings."),
        ("ru", "Из Алматы вывезли 200 граждан России."),
        ("uk", "З Казахстану вивезли 200 громадян."),
    ],
)
def test_sentences_that_stand_alone_do_not_point_back(language, sentence):
    assert not leans_back(sentence, OPENERS[language])


@pytest.mark.parametrize("text", realtexts.ALL, ids=lambda t: t.url.split("/")[2])
def test_a_pointing_back_sentence_is_kept_only_after_its_antecedent(text):
    sentences, summary = real_summary(text)
    assert summary
    positions = [sentences.index(s) for s in summary]
    for position, sentence in zip(positions, summary, strict=True):
        if leans_back(sentence, OPENERS[text.language]):
            assert position - 1 in positions, (sentence, summary)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_seed_summaries_keep_antecedents_too(name):
    _, sentences, lemmas, title_lemmas, stopwords = article(name)
    language = FIXTURES[name]
    summary = summarize(sentences, lemmas, 3, title_lemmas, stopwords, OPENERS[language])
    positions = [sentences.index(s) for s in summary]
    for position, sentence in zip(positions, summary, strict=True):
        if leans_back(sentence, OPENERS[language]):
            assert position - 1 in positions


def test_po_ego_slovam_comes_with_the_sentence_it_leans_on():
    sentences, summary = real_summary(SHOIGU_WITHDRAWAL)
    leaning = next(s for s in sentences if s.startswith("По его словам"))
    assert leaning in summary
    assert sentences[sentences.index(leaning) - 1] in summary  # its antecedent, just before
    # "Он добавил, ..." leans on "По его словам": it would need a fourth slot
    assert not any(s.startswith("Он добавил") for s in summary)


def test_a_kazakh_sentence_without_antecedent_in_the_body_is_never_chosen():
    sentences, summary = real_summary(CSTO_DRILLS_KK)
    assert sentences[0].startswith("Бұл туралы")  # refers to the headline only
    assert sentences[1].startswith("Оның айтуынша")  # leans on the one above
    assert sentences[0] not in summary and sentences[1] not in summary


def test_same_fact_twice_is_redundant_on_a_real_report():
    sentences, summary = real_summary(CPC_MOORING, n=4)
    first = next(s for s in sentences if s.startswith("Дальнейшая эксплуатация причала"))
    again = next(s for s in sentences if s.startswith("В компании добавили"))
    lemmatizer = get_lemmatizer("ru")
    stopwords = load_stopwords("ru", LANGUAGE_DIR)

    def facts(s: str):
        return sentence_facts(s, lemmatizer.lemmas(s), stopwords)

    assert same_fact(facts(first), facts(again))
    assert not (first in summary and again in summary)
    other = next(s for s in sentences if s.startswith("Пострадавших"))
    assert not same_fact(facts(first), facts(other))


def test_a_shared_quantity_and_name_make_the_same_fact_a_date_does_not():
    lemmatizer = get_lemmatizer("ru")
    stopwords = load_stopwords("ru", LANGUAGE_DIR)

    def facts(s: str):
        return sentence_facts(s, lemmatizer.lemmas(s), stopwords)

    # ru_interfax / ru_anapagid (dev split): the same withdrawal date; "30 дней" vs "30 ноября"
    a = facts(
        "По словам Зайнетдинова, армянская сторона сообщила секретариату ОДКБ, что "
        "председателю Совета коллективной безопасности ОДКБ, премьер-министру Армении Николу "
        "Пашиняну поступила просьба президента Казахстана Касым-Жомарта Токаева дать поручение "
        "о завершении миротворческой миссии ОДКБ в Казахстане с 13 января 2022 года."
    )
    b = facts(
        "Ранее Токаев сообщил, что вывод миротворцев из Казахстана начнется 13 января и "
        "займет 10 дней."
    )
    assert "13 январь" in a.numbers and "2022" not in " ".join(a.numbers)
    assert same_fact(a, b)
    c = facts(
        "Стало известно, что суд Новороссийска постановил приостановить работу Каспийского "
        "трубопроводного консорциума на срок 30 дней."
    )
    d = facts(
        "Несмотря на то, что срок исполнения предписания истекает 30 ноября 2022 года, Южное "
        "УГМРН Ространснадзора обратилось в Приморский районный суд Новороссийска."
    )
    assert not same_fact(c, d)


def test_summary_units_join_a_leaning_sentence_to_its_antecedent_or_drop_it():
    sentences, _ = real_summary(CSTO_TERMS_UK)
    lemmas = [get_lemmatizer("uk").lemmas(s) for s in sentences]
    lead, leaning = sentences[1], sentences[2]  # "Таке рішення висловив ..." leans on [0]
    assert leans_back(leaning, OPENERS["uk"])
    units = summary_units([sentences[0], lead], sentences, lemmas, OPENERS["uk"])
    assert [text for text, _ in units] == [f"{sentences[0]} {lead}"]
    assert summary_units([leaning], sentences, lemmas, OPENERS["uk"]) == []


def test_the_sentence_graph_is_bounded_whatever_the_length():
    _, sentences, lemmas, title_lemmas, stopwords = article("seed_000_ru_clean.txt")
    many = sentences * 2000  # ~16,000 sentences, a multi-megabyte article
    contents = [content_lemmas(lem, stopwords) for lem in lemmas] * 2000
    eligible = [i for i, c in enumerate(contents) if c]
    graph = sentence_graph(eligible, contents, content_lemmas(title_lemmas, stopwords))
    assert len(eligible) > 10 * MAX_GRAPH_NODES
    assert len(graph.nodes) == MAX_GRAPH_NODES
    assert len(graph.edges) <= MAX_GRAPH_NODES * (MAX_GRAPH_NODES - 1)
    assert list(graph.nodes) == sorted(graph.nodes)
    assert graph.nodes[0] == eligible[0]  # the lead always makes it
    summary = summarize(many, lemmas * 2000, 3, title_lemmas, stopwords, OPENERS["ru"])
    assert 1 <= len(summary) <= 3


def test_a_short_article_uses_every_sentence_as_a_node():
    _, _, lemmas, title_lemmas, stopwords = article("seed_001_uk_clean.txt")
    contents = [content_lemmas(lem, stopwords) for lem in lemmas]
    eligible = [i for i, c in enumerate(contents) if c]
    graph = sentence_graph(eligible, contents, content_lemmas(title_lemmas, stopwords))
    assert list(graph.nodes) == eligible
