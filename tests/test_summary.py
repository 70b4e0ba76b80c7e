"""Extractive summaries on the seeds and the multi-document topic overview."""

from pathlib import Path

import pytest

from generator.models import Citation
from generator.nlp.lemmas import get_lemmatizer
from generator.nlp.sentences import split_sentences
from generator.nlp.stopwords import load_stopwords
from generator.nlp.summary import OverviewCandidate, overview, summarize

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
