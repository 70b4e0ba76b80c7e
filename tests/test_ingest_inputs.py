"""Ingest of every kind of input: encodings, HTML, Markdown, idempotence, curated merges."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from generator.corpus import load_corpus, read_article
from generator.ingest import (
    IngestError,
    RawInput,
    ingest_bytes,
    ingest_path,
    ingest_paths,
    load_ingest_context,
    write_article,
)

DATA = Path(__file__).resolve().parent / "data" / "ingest"
RAW = Path(__file__).resolve().parent.parent / "seeds" / "raw"


@pytest.fixture(scope="module")
def ctx(settings):
    return load_ingest_context(settings)


def test_cp1251_file_is_decoded_and_cleaned(ctx):
    path = DATA / "article_cp1251_ria_dateline.txt"
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    article = ingest_path(path, ctx)
    assert article.title == "Лукашенко заявил о готовности ОДКБ помочь Казахстану"
    assert article.language == "ru"
    assert article.source == "RIA Novosti"
    assert article.date == dt.date(2022, 1, 6)
    assert article.body.startswith("Президент Белоруссии Александр Лукашенко заявил")
    for debris in (
        "Подписывайтесь",
        "1 250",
        "обновлено",
        "Читайте также",
        "режим ЧП",
        "Теги",
        "Поделиться",
        "МОСКВА, 6 янв",
    ):
        assert debris not in article.body, debris
    assert "Миротворцы ОДКБ начали прибывать в Казахстан утром в четверг." in article.body


def test_koi8r_file_is_decoded(ctx):
    article = ingest_path(DATA / "article_koi8r_interfax.txt", ctx)
    assert article.title == "Казахстан и Россия обсудили поставки нефти через КТК"
    assert article.source == "Interfax"
    assert article.date is None  # "10 января" without a year
    assert article.body.startswith("Казахстан и Россия обсудили вопросы транспортировки нефти")
    assert "Фото" not in article.body and "Все новости" not in article.body
    assert "Главная" not in article.body


def test_same_text_in_three_encodings_gives_one_article(ctx):
    text = (RAW / "000_a2dd8bfdbe4133b7.txt").read_text(encoding="utf-8")
    text = text.replace("©", "(c)")  # not in koi8-r
    articles = [
        ingest_bytes(RawInput(data=text.encode(enc), origin=f"x.{enc}"), ctx)
        for enc in ("utf-8", "cp1251", "koi8_r", "utf-16")
    ]
    assert len({(a.id, a.body, a.title, a.date) for a in articles}) == 1


def test_utf8_bom_english_page(ctx):
    article = ingest_path(DATA / "article_utf8_bom_english_byline.txt", ctx)
    assert article.title == "Kazakhstan lifts state of emergency in Almaty"
    assert article.language == "en"
    assert article.author == "Olzhas Auyezov"
    assert article.source == "Reuters"
    assert article.date == dt.date(2022, 1, 19)
    assert article.body.startswith("Kazakhstan lifted a state of emergency")
    for debris in (
        "Skip to",
        "English |",
        "Home ›",
        "By Olzhas",
        "GMT",
        "Share",
        "Facebook",
        "Editing by",
        "Read more",
        "\ufeff",
        "(Reuters)",
    ):
        assert debris not in article.body, debris


def test_kazakh_date_forms_and_agency_dateline(ctx):
    article = ingest_path(DATA / "article_kazakh_kazinform_dateline.txt", ctx)
    assert article.language == "kk"
    assert article.date == dt.date(2022, 1, 5)  # "2022 жылғы 5 қаңтарда"
    assert article.source == "Kazinform"
    assert article.body.startswith("Мемлекет басшысы Қасым-Жомарт Тоқаев 2022 жылғы 5 қаңтарда")
    for debris in ("Басты бет", "Сурет", "жазылыңыз", "Оқи отырыңыз", "Қаралым", "Бөлісу"):
        assert debris not in article.body, debris


def test_headline_list_with_times_first_is_removed(ctx):
    article = ingest_path(DATA / "article_uk_sidebar_time_first.txt", ctx)
    assert article.body.endswith("Ситуація в країні стабілізувалася, заявили у відомстві.")
    for debris in (
        "12:30",
        "Уряд затвердив",
        "Посольство Казахстану подякувало",
        "акція солідарності",
        "Переглядів",
        "Поділитися",
        "Теги",
        "Головна",
    ):
        assert debris not in article.body, debris
    assert article.source == "Ukrinform"
    # "з 19 січня 2022 року скасували" is the event's day, told in a lead without a
    # dateline or stamp: not the publication date (never guessed)
    assert article.date is None


def test_html_page_main_text_and_metadata(ctx):
    article = ingest_path(DATA / "html_page_with_nav_share_footer.html", ctx)
    assert article.title == "Токаев подписал указ о снижении цен на сжиженный газ"
    assert article.author == "Дана Серикова"
    assert article.date == dt.date(2022, 1, 8)
    assert article.source == "Tengrinews"
    assert article.url and "tengrinews.kz" in article.url
    assert "title" not in article.inferred and "date" in article.inferred
    paragraphs = article.paragraphs
    assert paragraphs[0].startswith("Президент Казахстана Касым-Жомарт Токаев подписал указ")
    assert paragraphs[-1].startswith("Министерство энергетики сообщило")
    assert len(paragraphs) == 4
    for debris in (
        "Главная",
        "Перейти",
        "Рус",
        "Поделиться",
        "Facebook",
        "Подписывайтесь",
        "Популярное",
        "торговые центры",
        "©",
        "Читайте также",
        "15 234",
    ):
        assert debris not in article.body, debris


def test_html_without_text_uses_the_fallback(ctx):
    page = b"<html><head><title>x</title></head><body><nav>Menu</nav></body></html>"
    raw = RawInput(
        data=page,
        origin="https://example.org/a",
        url="https://example.org/a",
        content_type="text/html; charset=utf-8",
        title_hint="Заголовок из ленты",
        fallback_text="Текст новости из самой ленты. Второе предложение новости.",
        language_hint="ru",
        date_hint=dt.date(2022, 1, 3),
    )
    article = ingest_bytes(raw, ctx)
    assert article.body == "Текст новости из самой ленты. Второе предложение новости."
    assert article.title == "Заголовок из ленты"
    assert article.date == dt.date(2022, 1, 3) and article.language == "ru"
    assert {"title", "date", "language"}.isdisjoint(article.inferred)
    with pytest.raises(IngestError, match="no article text"):
        ingest_bytes(RawInput(data=page, origin="page.html"), ctx)


def test_page_saved_as_html_that_holds_plain_text_is_read_as_text(ctx):
    # The text a scraper stored under the page's own address (vapress.kz, .../...-cherez-ktk.html):
    # no tag at all, so it is plain text whatever its name or declared type says.
    text = (
        "vapress.kz\nВечерний Алматы\n  • Жизнь\n\n"
        "    Премьер-министр прокомментировал ситуацию с экспортом казахстанской нефти "
        "через КТК\n\n"
        "    По его словам, нет ограничений на экспорт нефти.\n\n"
        "    В интервью телеканалу Qazaqstan Премьер-министр Алихан Смаилов заявил, что работа "
        "трубопровода КТК идет в штатном режиме, передает Vecher.kz со ссылкой на Nur.kz\n"
    )
    for origin, ctype in (("premer-ministr-cherez-ktk.html", None), ("x", "text/html")):
        raw = RawInput(data=text.encode(), origin=origin, content_type=ctype)
        article = ingest_bytes(raw, ctx)
        assert article.title.startswith("Премьер-министр прокомментировал ситуацию")
        assert "штатном режиме" in article.body


def test_markup_written_as_escaped_characters_is_read_as_text(ctx):
    """dev9 londonglossy.com: a scraper wrote the page's markup with named references
    ("<&sol;p>&NewLine;", "class&equals;\"wpa\""); the text is read, not rejected, and no
    tag, reference or ad code is left in it."""
    path = Path(__file__).resolve().parent / "data" / "realset" / "dev9"
    path /= "en_londonglossy_csto_troops_prepare_pull_out.txt"
    raw = RawInput(data=path.read_bytes(), origin=path.name)
    article = ingest_bytes(raw, ctx)
    assert article.title == "Russia-led alliance’s troops prepare to pull out of Kazakhstan"
    assert article.body.startswith("Troops of a Russia-led security alliance are preparing")
    for left in ("<", "&sol;", "&equals;", "&NewLine;", "pubmine", "amp-ad"):
        assert left not in article.body


def test_escaped_markup_never_brings_a_script_into_the_text(ctx):
    text = (
        "Headline of the page about the pipeline\n\n<p>First paragraph of the article about "
        "the pipeline and its oil.<&sol;p>&NewLine;<script>alert&lpar;1&rpar;<&sol;script>"
        '<p class&equals;"x">Second paragraph of the article, with more words.<&sol;p>'
    )
    article = ingest_bytes(RawInput(data=text.encode(), origin="escaped.txt"), ctx)
    assert "alert" not in article.body and "<" not in article.body
    assert "Second paragraph of the article" in article.body


def test_markdown_with_front_matter_keeps_given_values(ctx):
    article = ingest_path(DATA / "article_with_front_matter.md", ctx)
    assert article.title == "Казахстан и Украина: «украинский след» в протестах"
    assert article.date == dt.date(2022, 1, 11)
    assert article.source == "Ukrinform"
    assert article.language == "ru"
    assert article.inferred == ()
    assert article.curated == ("date",)
    assert article.note == "Hand-written example of a curated Markdown input."
    assert article.url == "https://www.ukrinform.ua/rubric-polytics/3384821-kazakhstan.html"


def test_ids_from_url_or_text():
    from generator.ingest.store import text_id, url_id

    assert url_id("https://Example.org/a/#x") == url_id("https://example.org/a")
    assert url_id("https://example.org/a") != url_id("https://example.org/b")
    assert text_id("a  b\nc") == text_id("a b c") != text_id("a b d")


def test_id_ignores_the_crawl_date_line(ctx):
    text = (RAW / "000_a2dd8bfdbe4133b7.txt").read_bytes()
    later = text.replace(b" date 2025-11-24", b" date 2025-12-02")
    a = ingest_bytes(RawInput(data=text, origin="a.txt"), ctx)
    b = ingest_bytes(RawInput(data=later, origin="b.txt"), ctx)
    assert a.id == b.id
    # A marker eight days after the dateline's "24 ноября": the marker is the publication day
    # on every labelled page that has one, so which day is the page's is unknown.
    assert a.date == dt.date(2025, 11, 24) and b.date is None


def test_crawl_date_alone_and_a_dateline_that_does_not_fit(ctx):
    text = (RAW / "000_a2dd8bfdbe4133b7.txt").read_text(encoding="utf-8")
    no_dateline = text.replace("АСТАНА, 24 ноября. /ТАСС/. ", "")
    article = ingest_bytes(RawInput(data=no_dateline.encode(), origin="a.txt"), ctx)
    assert article.date == dt.date(2025, 11, 24)
    far = text.replace(" date 2025-11-24", " date 2026-05-02")
    article = ingest_bytes(RawInput(data=far.encode(), origin="b.txt"), ctx)
    assert article.date is None  # 24 November is months before the crawl: year unsure


def test_front_matter_is_valid_yaml(ctx, tmp_path):
    report = ingest_paths([RAW], tmp_path, ctx)
    assert len(report.added) == 5 and not report.problems
    for path in sorted(tmp_path.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        front = text.split("---\n")[1]
        data = yaml.safe_load(front)
        assert isinstance(data, dict)
        assert set(data) >= {
            "id",
            "title",
            "date",
            "source",
            "url",
            "language",
            "author",
            "origin",
            "inferred",
            "curated",
        }
        assert data["date"] is None or isinstance(data["date"], dt.date)
        assert path.name == f"{data['id']}.md"
    articles, problems = load_corpus(tmp_path)
    assert len(articles) == 5 and not problems


def test_reingest_is_idempotent(ctx, tmp_path):
    first = ingest_paths([RAW], tmp_path, ctx)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    again = ingest_paths([RAW], tmp_path, ctx)
    assert len(first.added) == 5
    assert again.added == () and again.updated == () and len(again.unchanged) == 5
    # The written Markdown files ingested back: still the same five, byte for byte.
    mds = sorted(tmp_path.glob("*.md"))
    back = ingest_paths(mds, tmp_path, ctx)
    assert len(back.unchanged) == 5 and not back.problems
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_hand_edits_survive_reingest(ctx, tmp_path):
    source = RAW / "003_8b31f4d6cd7db2a5.txt"
    ingest_paths([source], tmp_path, ctx)
    (path,) = tmp_path.glob("*.md")
    text = path.read_text(encoding="utf-8")
    # A person corrects the title (without marking it) and curates a date with a note.
    text = text.replace(
        "title: Песков оценил информацию о присутствии иностранных группировок в Казахстане",
        "title: Песков о данных про иностранные группировки в Казахстане",
    )
    text = text.replace("date: null", "date: 2022-01-10").replace(
        "curated: []", "curated: [date]\nnote: date checked by hand"
    )
    path.write_text(text, encoding="utf-8")
    report = ingest_paths([source], tmp_path, ctx)
    assert not report.problems
    article = read_article(path)
    assert article.title == "Песков о данных про иностранные группировки в Казахстане"
    assert article.date == dt.date(2022, 1, 10)
    assert article.curated == ("date",) and article.note == "date checked by hand"
    assert "date" not in article.inferred


def test_given_value_replaces_inferred_but_not_curated(ctx):
    from generator.ingest.store import merge
    from generator.models import Article

    old = Article(
        id="a",
        title="Old",
        body="b",
        source="X",
        language="ru",
        inferred=("source", "language"),
        curated=("language",),
    )
    new = Article(id="a", title="New", body="b2", source="Y", language="uk")
    merged = merge(old, new)
    assert merged.source == "Y" and "source" not in merged.inferred  # given beats inferred
    assert merged.language == "ru"  # curated wins
    assert merged.title == "Old"  # an existing value the input does not contradict as given
    assert merged.body == "b2"


def test_writes_are_atomic_and_leave_no_temporary_files(ctx, tmp_path):
    article = ingest_path(RAW / "004_ab022bcd261e01f7.txt", ctx)
    assert write_article(article, tmp_path) == "added"
    assert write_article(article, tmp_path) == "unchanged"
    assert [p.name for p in tmp_path.iterdir()] == [f"{article.id}.md"]


def test_directory_inputs_are_expanded(ctx, tmp_path):
    copy = tmp_path / "in"
    shutil.copytree(DATA, copy)
    report = ingest_paths([copy], tmp_path / "out", ctx)
    assert len(report.added) == len(list(DATA.iterdir()))
    assert report.failed == 0


def test_section_labels_tags_and_popular_list_are_removed(ctx):
    article = ingest_path(DATA / "article_ru_crawl_marker_tags_popular_list.txt", ctx)
    assert article.title == "В Алматы ввели комендантский час"
    assert article.date == dt.date(2022, 1, 6)
    assert article.paragraphs == [
        "В Алматы с 5 января введен комендантский час с 23:00 до 07:00. Об этом сообщили в "
        "акимате города.",
        "Жителей просят не выходить на улицу без крайней необходимости.",
        '"Ситуация под контролем", - заявил аким города.',
    ]


def test_masthead_gives_the_source_and_weekday_stamp_the_date(ctx):
    article = ingest_path(DATA / "article_uk_masthead_weekday_date_read_also_list.txt", ctx)
    assert article.title == "Єрмак провів розмову з главою адміністрації президента Казахстану"
    assert article.source == "Ukrainska Pravda"
    assert article.date == dt.date(2022, 1, 12)
    assert article.body.endswith(
        "Сторони обговорили ситуацію в Казахстані та двосторонні відносини."
    )
    for debris in (
        "Головна",
        "Середа",
        "Читайте також",
        "Зеленський поговорив",
        "партнерів",
        "Реклама",
        "Головне на",
    ):
        assert debris not in article.body, debris


def test_kazakh_author_line_and_share_bar(ctx):
    article = ingest_path(DATA / "article_kk_masthead_author_share_bar.txt", ctx)
    assert article.title == "Қаңтар оқиғасы: тергеу аяқталды"
    assert article.author == "Айбек Нұрланұлы"
    assert article.source == "Azattyq"
    assert article.date == dt.date(2023, 1, 12)
    assert article.language == "kk"
    assert len(article.paragraphs) == 3
    assert article.body.endswith("Құқық қорғаушылар тергеудің ашық болмағанын айтады.")


def test_html_page_in_cp1251_declared_by_meta_tag(ctx, tmp_path):
    page = (DATA / "html_page_with_nav_share_footer.html").read_text(encoding="utf-8")
    page = page.replace('<meta charset="utf-8">', '<meta charset="windows-1251">')
    page = page.replace("Қаз", "Каз")  # the one letter cp1251 lacks
    path = tmp_path / "page_cp1251.html"
    path.write_bytes(page.encode("cp1251", errors="strict"))
    article = ingest_path(path, ctx)
    assert article.title == "Токаев подписал указ о снижении цен на сжиженный газ"
    assert article.body == ingest_path(DATA / "html_page_with_nav_share_footer.html", ctx).body


WP_POST = (
    Path(__file__).resolve().parent
    / "data/realset/dev19/en_polscienceweb_explained-whats-behind-kazakhstan-unrest.txt"
)


def test_a_wordpress_rest_post_cut_off_mid_text_is_read(ctx):
    """polscienceweb.com (dev19), stored as the site's WordPress REST API JSON and cut off
    inside a class name: it was read as an HTML page and failed ("no article text")."""
    raw = WP_POST.read_bytes()
    with pytest.raises(ValueError):
        __import__("json").loads(raw)  # cut off: no whole JSON
    art = ingest_bytes(RawInput(data=raw, origin=WP_POST.name), ctx)
    assert art.title == "Explained: What’s behind Kazakhstan Unrest"
    assert art.date == dt.date(2022, 1, 8)  # "date", not "modified" (9 January)
    assert art.url == "https://polscienceweb.com/index.php/portfolio/kazakhstan-unrest/"
    assert art.language == "en"
    assert art.body.startswith("What are the protests about, and how is Russia involved?")
    assert "Kazakhstan gained independence in 1991" in art.body
    assert "wp-block" not in art.body and "\\n" not in art.body and "<" not in art.body


def test_a_whole_wordpress_post_with_markup_in_its_content(ctx):
    """A whole post (the fields of the stored one, its text ended): a script and a link in
    the content are inert text; a post with no content is a clear error."""
    import json

    post = {
        "id": 7088,
        "date": "2022-01-08T15:50:30",
        "modified": "2022-01-09T12:14:11",
        "link": "https://polscienceweb.com/index.php/portfolio/kazakhstan-unrest/",
        "title": {"rendered": "Explained: What&#8217;s behind Kazakhstan Unrest"},
        "content": {
            "rendered": "<p>Kazakhstan gained independence in 1991, following the collapse of"
            " the Soviet Union. Protests of this scale have not been seen since the 1980s.</p>"
            '<script>alert(1)</script><p><a href="javascript:alert(2)">More</a> on the'
            " protests in Almaty and Zhanaozen.</p>"
        },
    }
    art = ingest_bytes(RawInput(data=json.dumps(post).encode(), origin="post.json"), ctx)
    assert art.title == "Explained: What’s behind Kazakhstan Unrest"
    assert art.date == dt.date(2022, 1, 8)
    assert "alert" not in art.body and "javascript" not in art.body
    assert art.body.endswith("More on the protests in Almaty and Zhanaozen.")
    post["content"] = {"rendered": ""}
    with pytest.raises(IngestError, match=r"post\.json: no article text found in the WordPress"):
        ingest_bytes(RawInput(data=json.dumps(post).encode(), origin="post.json"), ctx)
