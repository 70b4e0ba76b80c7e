"""The collectors' check that a page's outlet is new to the real set (scripts/realset_seen.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "realset_seen.py"


def _script():
    spec = importlib.util.spec_from_file_location("realset_seen", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_outlets_domain_is_its_name_under_a_public_suffix():
    """A province's or a city's shared suffix is no outlet ("paherald.sk.ca" and
    "battlefordsnow.sk.ca" are two: a collector once found the old rule of two or three
    labels would have blocked every site of a Canadian province after the first); a section
    or an edition on a subdomain is still its outlet's."""
    domain = _script().domain
    assert domain("https://paherald.sk.ca/news/x") == "paherald.sk.ca"
    assert domain("https://paherald.sk.ca/a") != domain("https://battlefordsnow.sk.ca/b")
    assert domain("https://rakurs.rovno.ua/news/1") == "rakurs.rovno.ua"
    assert domain("https://novos.mk.ru/articles/1") == "mk.ru"
    assert domain("https://english.nv.ua/nation/1") == "nv.ua"
    assert domain("https://www.bbc.co.uk/news/world") == "bbc.co.uk"
    assert domain("kp.ua./x") == "kp.ua"


def test_a_cyrillic_domain_is_one_outlet_in_letters_and_in_punycode():
    """A collector found that "газетамаяк.рф" and its punycode spelling passed as two
    outlets (dev166)."""
    script = _script()
    assert script.domain("https://xn--80aaajllyo6c2h.xn--p1ai/news/1") == "газетамаяк.рф"
    assert script.domain("https://газетамаяк.рф/news/2") == "газетамаяк.рф"
    assert script.page_key("http://xn--80aaajllyo6c2h.xn--p1ai/a/") == "газетамаяк.рф/a"


def test_a_held_out_splits_files_are_never_named(tmp_path, capsys):
    """An outlet seen only in a blind split is SEEN without the split's file being named (a
    collector reading it would have looked where no one tuning may look)."""
    root = tmp_path / "realset"
    (root / "blind").mkdir(parents=True)
    (root / "dev9").mkdir()
    (root / "blind" / "labels_a.yaml").write_text("articles:\n- url: https://held.example.kz/1\n")
    (root / "dev9" / "labels.yaml").write_text("articles:\n- url: https://open.example.uz/2\n")
    module = _script()
    pages, domains = module.known(tmp_path / "claims.tsv", root)
    assert domains["example.uz"] == "dev9/labels.yaml"
    assert domains["example.kz"] == "a held-out split"
    assert pages["held.example.kz/1"] == "a held-out split"
    assert "blind" not in " ".join(pages.values())
