"""Cyrillic words spelt with Latin or Armenian look-alike letters (a scraper's trick against
copy detection) are folded back to Cyrillic at ingest, on a real page of dev4."""

from pathlib import Path

from generator.ingest.clean import fold_mixed_scripts

PAGE = (
    Path(__file__).parent
    / "data"
    / "realset"
    / "dev4"
    / "uk_posecretu_novorossiysk_sea_drones_2023.txt"
)


def test_the_real_page_mixes_scripts_and_folds_to_cyrillic():
    raw = PAGE.read_text(encoding="utf-8")
    assert "Kpacнoдapcькoмy" in raw and "знищeнօ" in raw  # Latin K, p, a, o, y; Armenian օ
    folded = fold_mixed_scripts(raw)
    assert "Краснодарському" in folded and "знищено" in folded
    assert "Каспійського трубопровідного консорціуму" in folded


def test_a_word_with_real_latin_letters_is_left_alone():
    assert fold_mixed_scripts("iPhone-ом и COVID-19") == "iPhone-ом и COVID-19"
    assert fold_mixed_scripts("Reuters сообщает") == "Reuters сообщает"


def test_the_page_is_analysed_as_ukrainian_text_on_the_cpc(settings):
    from generator.analyse import analyse_text, load_context
    from generator.ingest import ingest_path, load_ingest_context

    article = ingest_path(PAGE, load_ingest_context(settings))
    assert "Новоросійській бухті" in article.title
    text = analyse_text(article, load_context(settings))
    assert "КТК" in text.keywords
