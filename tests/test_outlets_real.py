"""Outlets of real pages (issue 10): the site a URL names, under a country's second-level
labels too. The URLs are those of tests/data/realset dev, dev2 and dev4 pages."""

from __future__ import annotations

import pytest

from generator.evaluate import outlet_matches
from generator.sources import name_from_host, site_host


@pytest.mark.parametrize(
    ("url", "host"),
    [
        # a city's second-level label under .ua is no site: the site is the label before it
        (
            "http://politic.kiev.ua/regions/44692cvk-nazvala-peremozhcya-viboriv-prezidenta-kazahstanu.html",
            "politic.kiev.ua",
        ),
        (
            "https://ukrchem.dp.ua/2023/12/27/kazahstan-dobycha-nefti-snizhaetsya-na-36-iz-za-nepogody-v-novorossijske.html",
            "ukrchem.dp.ua",
        ),
        (
            "https://podii.kyiv.ua/news/kazakhstan-ofitsiyno-vidreahuvav-na-udar-ukrayiny-po-naftovomu-terminalu-u-novorosiysku",
            "podii.kyiv.ua",
        ),
        # ... as "com.ua" already was; a plain .ua site and a language prefix are unchanged
        ("https://zv.zp.ua/258952-2-zsu-atakuvali-naftoprovid-druzhba", "zv.zp.ua"),
        ("https://rss.tvc.ru/news/show/id/230402", "tvc.ru"),
        ("https://www.tvc.ru/news/283605", "tvc.ru"),
        # the label is a second level only under its own country's domain
        ("https://news.kyiv.media/story", "kyiv.media"),
        # a language's label is the site's own name when only a second level follows it
        # (rus.com.az, dev82); "www" never is
        ("https://rus.com.az/news/123", "rus.com.az"),
        ("https://www.gov.kz/memleket/entities", "gov.kz"),
        ("https://ru.sputnik.kz/20220105/x.html", "sputnik.kz"),
    ],
)
def test_site_host(url, host):
    assert site_host(url) == host


def test_a_site_under_a_city_label_is_named_after_itself_not_the_city():
    # the text names Kyiv; the site is "podii", not "Kyiv"
    assert name_from_host("podii.kyiv.ua", "Kyiv authorities said on Monday ...") == "podii.kyiv.ua"
    url = "http://politic.kiev.ua/regions/44692cvk-nazvala-peremozhcya-viboriv-prezidenta-kazahstanu.html"
    assert outlet_matches(name_from_host(site_host(url)), "Politic.kiev.ua", url)


def _realset_source(name: str, url: str) -> str | None:
    from pathlib import Path

    from generator.ingest import RawInput, ingest_bytes, load_ingest_context
    from generator.settings import load_settings

    page = (Path(__file__).parent / "data" / "realset" / name).read_text(encoding="utf-8")
    ctx = load_ingest_context(load_settings(None))
    return ingest_bytes(RawInput(data=page.encode(), origin=name, url=url), ctx).source


@pytest.mark.parametrize(
    ("name", "url", "outlet"),
    [
        # dev75: "Новости Республики Коми | Комиинформ" in the header
        (
            "dev75/ru_komiinform_syktyvkartsy-merznut-v-svoikh-kvartirakh.txt",
            "https://komiinform.ru/news/271467",
            "Комиинформ",
        ),
        # dev70: the literary site's name in its header
        (
            "dev70/uk_bukvoid_pomer-valerii-shevchuk.txt",
            "https://bukvoid.com.ua/news/events/2022/05/20/094615.html",
            "Буквоїд",
        ),
    ],
)
def test_an_unknown_site_is_named_as_its_page_writes_it(name, url, outlet):
    """A site the registry does not know is named as its own page writes it in Cyrillic,
    its consonants those of the domain, not by its bare domain."""
    assert _realset_source(name, url) == outlet


def test_a_city_in_its_case_or_without_the_sites_number_is_no_sites_name():
    from generator.ingest.metadata.outlets import own_name_written

    assert own_name_written("pavlodar.city", ["Чемпионат по боксу прошёл в Павлодаре"]) is None
    assert own_name_written("grodno24.com", ["Гродно"]) is None
    assert own_name_written("primorye24.ru", ["Приморье24"]) == "Приморье24"


def test_an_internationalised_domain_is_named_as_its_readers_write_it():
    """юрьянскиевести.рф (dev82), арктик-тв.рф (dev81): the host was shown in its ASCII
    form ("xn--b1afbjdhuxkfl5iyaq.xn--p1ai"); the page's own spelling of the name, else the
    host in Cyrillic. The evaluator takes the label's either form of the host as one."""
    host = site_host("http://xn--b1afbjdhuxkfl5iyaq.xn--p1ai/news/1")
    assert name_from_host(host) == "юрьянскиевести.рф"
    assert name_from_host(host, "Газета «Юрьянские вести» сообщает") == "Юрьянские вести"
    url = "https://xn----7sbhwjb3brd.xn--p1ai/index.php?q=tv-novosti/x"
    name = "dev81/ru_arktiktv_segodnya-v-murmanske-morskikh-obitatelei-okeanariuma-ugoshchayut.txt"
    assert _realset_source(name, url) == "Арктик-ТВ"
    assert outlet_matches("1й.net", "xn--1-rtb.net (aggregator)", "https://xn--1-rtb.net/a")
