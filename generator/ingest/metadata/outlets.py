"""Outlets' names: registry names and aliases, site addresses (Cyrillic look-alike
letters too), names that could be an outlet's, and whether a name is the page's own site."""

from __future__ import annotations

import re
import unicodedata

from generator.ingest.clean.slug import consonants, latin_letters
from generator.sources import SourceRegistry, host_label, name_from_host, site_host, squash

CYRILLIC = re.compile(r"[а-яёіїєґәғқңөұүһА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ]")


def same_outlet(a: str, b: str, sources: SourceRegistry) -> bool:
    def key(name: str) -> str:
        return re.sub(r"[\W_]+", "", (sources.resolve(name) or name).casefold())

    return key(a) == key(b)


HOST_TOKEN = re.compile(
    r"[A-Za-zА-Яа-яЁё0-9][\w-]*(?:\.[\w-]+)*\.(?:[a-z]{2,6}|рф|кз|укр)(?!\w|\.\w)"
)

_LOOKALIKES = str.maketrans("АВЕКМНОРСТХаеорсух", "ABEKMHOPCTXaeopcyx")


def latin_host(token: str) -> str:
    """A site's address typed with Cyrillic look-alike letters ("Еlorda.info"), in Latin."""
    if re.search(r"[a-z]", token, re.IGNORECASE) and CYRILLIC.search(token):
        return token.translate(_LOOKALIKES)
    return token


def alias_at(text: str, pos: int, sources: SourceRegistry) -> str:
    """The longest registry name or alias written at ``pos`` of ``text`` ("" if none)."""
    rest = text[pos:].casefold()
    best = ""
    for src in sources.sources:
        for alias in (src.name, *src.aliases):
            n = len(alias)
            if n > len(best) and rest[:n] == alias.casefold() and not rest[n : n + 1].isalnum():
                best = text[pos : pos + n]
    return best


def is_alias(name: str, sources: SourceRegistry) -> bool:
    """Is ``name`` as a whole a registry outlet's name or alias ("PTI", "REUTERS")?"""
    return bool(name) and alias_at(name, 0, sources) == name


def site_named(address: str, sources: SourceRegistry, text: str) -> str:
    """The outlet of a site's address a page names ("www.rosbalt.ru" -> "Rosbalt" when the
    text writes it so, "www.kz.energo.gov.kz" -> "energo.gov.kz")."""
    host = site_host("http://" + latin_host(address)) or address
    return sources.resolve(host) or sources.from_url("http://" + host) or name_from_host(host, text)


def name_like(name: str) -> bool:
    """Could an unknown ``name`` be an outlet's: three letters or more, no digits (never a
    date such as "13 ҚАҢТАР"), not a fragment cut at a dash ("Kazakhstan -", "-", "Y")."""
    name = name.strip()
    return (
        sum(ch.isalpha() for ch in name) >= 3
        and not any(ch.isdigit() for ch in name)
        and not name.startswith(("-", "–", "—"))
        and not name.endswith(("-", "–", "—"))
    )


def host_keys(url: str | None) -> set[str]:
    """Squashed names of a URL's site ("dixinews.ru" -> {"dixinewsru", "dixinews"})."""
    host = site_host(url)
    if not host:
        return set()
    return {squash(host), squash(host.split(".")[0])}


_TRANSLIT = str.maketrans(
    {
        **dict(
            zip(
                "абвгдезийклмнопрстуфхцыэіїєґәғқңөұүһ",
                "abvgdezijklmnoprstufhcyeiiegagknouuh",
                strict=True,
            )
        ),
        "ё": "e",
        "ж": "zh",
        "ч": "ch",
        "ш": "sh",
        "щ": "sch",
        "ю": "yu",
        "я": "ya",
        "ъ": "",
        "ь": "",
    }
)


def _skeleton(text: str) -> str:
    """Consonants of a name in Latin letters ("Мой ГОРОД" -> "mgrd", "mgorod" -> "mgrd";
    c and k alike: "Главком", "glavcom")."""
    latin = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLIT))
    letters = "".join(ch for ch in latin if ch.isascii() and ch.isalpha())
    return re.sub(r"[aeiouyjhw]", "", letters.replace("c", "k").replace("q", "k"))


def own_name(name: str, url: str | None) -> bool:
    """Is ``name`` the page's own site ("Azattyq Rýhy" on azattyq-ruhy.kz, "adyrna.kz" on
    adyrna.kz, "Delfi" on rus.delfi.ee, «Мой ГОРОД» on mgorod.kz): its first word is the
    whole host or a label of it, or begins its first label; or its consonants are those
    of the host's first label."""
    host = site_host(url)
    words = name.split()
    if not host or not words:
        return False
    first = unicodedata.normalize("NFKD", words[0])
    key = squash("".join(ch for ch in first if not unicodedata.combining(ch)))
    labels = [squash(label) for label in host.split(".")[:-1]]
    whole = {squash(host), *labels, *(squash(p) for p in host.split(".")[0].split("-"))}
    begins = len(key) >= 4 and bool(labels) and labels[0].startswith(key)
    bones = "" if HOST_TOKEN.search(name) else _skeleton(name)  # an address: as it is
    alike = len(bones) >= 3 and bones == _skeleton(host.split(".")[0])
    # an address under another top-level domain: "UzDaily.uz" on uzdaily.com
    address = HOST_TOKEN.fullmatch(words[0]) is not None and (
        squash(words[0].rsplit(".", 1)[0]) in whole
    )
    return bool(key) and (key in whole or begins or alike or address)


def outlet_like(name: str, sources: SourceRegistry) -> bool:
    """Could ``name`` be an outlet: a registry outlet, or a name in Latin capitals
    ("DIXINEWS", "MENAFN"); never a date or a place left by a dateline."""
    if sources.resolve(name) or HOST_TOKEN.fullmatch(name):
        return True
    return (
        not any(ch.isdigit() for ch in name)
        and len(name) >= 4
        and name.isupper()
        and not CYRILLIC.search(name)
    )


OWN_NAME_CONSONANTS = 4  # a site's name written in other letters has this many consonants
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def own_name_written(host: str, texts: list[str]) -> str | None:
    """The site's name as the page writes it in Cyrillic letters, for a site the registry
    does not know ("Комиинформ" on komiinform.ru, "Тернополянка" on ternopolyanka.info,
    "Аграрна правда" on agrarna-pravda.com): one to three capitalised words whose
    consonants, in Latin letters, are the domain name's (``name_from_host`` finds the
    names written in Latin letters). ``texts`` in order of trust: the header's lines first,
    then the text."""
    label = host_label(host)
    key = consonants(label)
    if len(key) < OWN_NAME_CONSONANTS:
        return None
    for text in texts:
        words = _NAME_WORD.findall(text[:20_000])
        for n in (1, 2, 3):
            for i in range(len(words) - n + 1):
                form = " ".join(words[i : i + n])
                if (
                    CYRILLIC.search(form)
                    and form[:1].isupper()
                    and consonants(form) == key
                    and _ending(latin_letters(form)) == _ending(label)
                    and all(d in form for d in re.findall(r"\d+", label))  # not "Гродно"
                ):  # for grodno24.com
                    return form
    return None


def _ending(word: str) -> str:
    """A word's last letter as a name's ending: "" for a consonant, "i" for i/y/j, the
    vowel else (a case ending is a vowel: "Павлодаре" is no "pavlodar", "Звездой" no
    "zvzda")."""
    letters = re.sub(r"[^a-z]", "", word.casefold())
    last = letters[-1:] if letters else ""
    if last in ("i", "y", "j"):
        return "i"
    return last if last in ("a", "e", "o", "u") else ""
