"""Regenerate the feed/page fixtures from the real seed texts (run once; output is committed).

    .venv/bin/python tests/data/feeds/make_fixtures.py

Pages wrap real article paragraphs from seeds/raw/ in a news-site layout (navigation, share
links, "read also", footer) so that extraction has real work to do. Feeds use the placeholder
host ``http://BASE`` which the tests replace with the local server's address.
"""

from __future__ import annotations

import html
from pathlib import Path

HERE = Path(__file__).parent
RAW = HERE.parents[2] / "seeds" / "raw"


def paragraphs(name: str, first: int, last: int) -> list[str]:
    text = next(RAW.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    paras = [p.strip() for p in text.replace("\r", "").split("\n") if len(p.strip()) > 60]
    return paras[first:last]


def page(title: str, paras: list[str], lang: str, charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head>{meta}<title>{html.escape(title)} | Example News</title></head>
<body>
<header><nav><a href="/">Главная</a> <a href="/news">Новости</a>
<a href="/world">В мире</a></nav></header>
<main><article>
<h1>{html.escape(title)}</h1>
{body}
</article>
<aside><h3>Читайте также</h3><ul><li><a href="/x">Курс тенге на сегодня</a></li></ul></aside>
</main>
<footer><p>© Example News. Все права защищены.</p><a href="/share">Поделиться</a></footer>
</body></html>
"""


def main() -> None:
    pages = HERE / "pages"
    pages.mkdir(exist_ok=True)
    ru = paragraphs("003", 2, 8)
    t_ru = "Песков оценил информацию о присутствии иностранных группировок в Казахстане"
    (pages / "article_ru.html").write_text(page(t_ru, ru, "ru"), encoding="utf-8")
    # same text, another URL (a mirror): must be skipped as a duplicate
    (pages / "article_ru_mirror.html").write_text(page(t_ru, ru, "ru"), encoding="utf-8")
    # near-identical: one paragraph shorter at the end, a different headline
    near = [*ru[:-1], ru[-1].rsplit(" ", 3)[0] + "."]
    (pages / "article_ru_near_duplicate.html").write_text(
        page("В Кремле прокомментировали данные о группировках", near, "ru"), encoding="utf-8"
    )
    # Russian page in cp1251 with no charset anywhere (header or meta)
    cp = paragraphs("004", 3, 9)
    t_cp = "Путин обсудил с коллегами по ОДКБ ситуацию в Казахстане"
    (pages / "article_cp1251_no_charset.html").write_bytes(
        page(t_cp, cp, "ru", charset=None).encode("cp1251")
    )
    uk = paragraphs("001", 0, 6)
    t_uk = "Посольство Казахстану в Україні заявило про інсинуації щодо «українського сліду»"
    (pages / "article_uk.html").write_text(page(t_uk, uk, "uk"), encoding="utf-8")
    # a page whose extraction yields nothing: only navigation and a script
    (pages / "page_without_article_text.html").write_text(
        """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Загрузка</title>
<script>window.location = "/app";</script></head>
<body><nav><a href="/">Главная</a></nav><div id="app"></div></body></html>
""",
        encoding="utf-8",
    )
    ru0 = paragraphs("000", 3, 8)
    fallback = "".join(f"<p>{html.escape(p)}</p>" for p in ru0)
    base = "http://BASE"
    items_ru = [
        (
            "Песков оценил информацию о присутствии иностранных группировок в Казахстане",
            f"{base}/news/article_ru.html",
            "Mon, 10 Jan 2022 12:00:00 +0000",
            "<p>Кратко.</p>",
        ),
        (
            "Путин обсудил с коллегами по ОДКБ ситуацию в Казахстане",
            f"{base}/news/article_cp1251_no_charset.html",
            "Fri, 07 Jan 2022 09:00:00 +0000",
            "",
        ),
        ("Страница удалена", f"{base}/news/missing.html", "Sat, 08 Jan 2022 09:00:00 +0000", ""),
        ("Ошибка сервера", f"{base}/news/error.html", "Sat, 08 Jan 2022 10:00:00 +0000", ""),
        ("Сервер не отвечает", f"{base}/news/hang.html", "Sat, 08 Jan 2022 11:00:00 +0000", ""),
        ("Огромная страница", f"{base}/news/huge.html", "Sat, 08 Jan 2022 12:00:00 +0000", ""),
        (
            "Астана обсуждает с Киевом по дипканалам атаки на объекты с сырьем из Казахстана",
            f"{base}/news/page_without_article_text.html",
            "Mon, 24 Nov 2025 08:00:00 +0000",
            fallback,
        ),
        (
            "Пустая страница без текста в ленте",
            f"{base}/news/empty_everywhere.html",
            "Mon, 24 Nov 2025 09:00:00 +0000",
            "",
        ),
        (
            t_ru,  # a mirror republishes under the same headline
            f"{base}/mirror/article_ru_mirror.html",
            "Mon, 10 Jan 2022 13:00:00 +0000",
            "",
        ),
        (
            "В Кремле прокомментировали данные о группировках",
            f"{base}/news/article_ru_near_duplicate.html",
            "Mon, 10 Jan 2022 14:00:00 +0000",
            "",
        ),
        (
            "Песков оценил информацию о присутствии иностранных группировок в Казахстане",
            f"{base}/news/article_ru.html#comments",
            "Mon, 10 Jan 2022 12:00:00 +0000",
            "",
        ),
    ]
    rss = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
        "<channel><title>Example News — Казахстан</title>",
        f"<link>{base}/</link><description>Новости</description>",
    ]
    for title, link, date, content in items_ru:
        rss.append(
            f"<item><title>{html.escape(title)}</title><link>{link}</link>"
            f"<guid>{link}</guid><pubDate>{date}</pubDate>"
            + (f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else "")
            + "</item>"
        )
    rss.append("</channel></rss>")
    (HERE / "feed_ru_with_failures.xml").write_text("\n".join(rss) + "\n", encoding="utf-8")

    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Приклад — Новини</title><id>{base}/uk/</id><updated>2022-01-10T12:00:00Z</updated>
<entry><title>{html.escape(t_uk)}</title><link href="{base}/uk/article_uk.html"/>
<id>{base}/uk/article_uk.html</id><updated>2022-01-10T12:00:00Z</updated>
<summary>Посольство Казахстану заявило про інсинуації.</summary></entry>
</feed>
"""
    (HERE / "feed_uk_atom.xml").write_text(atom, encoding="utf-8")

    # broken XML: an unclosed item and a bare ampersand, one good item before the damage
    broken = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Broken & Co</title>
<item><title>Посольство Казахстану в Україні</title><link>{base}/uk/article_uk.html</link>
<item><title>Незакрытый элемент
</channel>
"""
    (HERE / "feed_malformed.xml").write_text(broken, encoding="utf-8")
    (HERE / "feed_not_a_feed.html").write_text(
        "<!DOCTYPE html><html><body><p>Это не лента.</p></body></html>\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
