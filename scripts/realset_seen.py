"""Is a page's URL, and its outlet's registrable domain, new to the real set? (collectors)

    python scripts/realset_seen.py URL [--claim WHO] [--claims FILE]

Prints ``NEW <domain>`` (exit 0) or ``SEEN url|domain <where>`` (exit 1). The set's URLs
are read from every labels file of ``tests/data/realset`` (all splits, blind ones included:
a blind outlet is never collected again) and from the claims file, where ``--claim``
records a NEW URL under a lock (default: ``realset_claims.tsv`` in the temp folder), so
that collectors working at the same time never take the same outlet. The labels are only
grepped for their ``url:`` lines; the script prints no label. The registrable domain is
the host's name under its public suffix, by the Public Suffix List (the ``publicsuffixlist``
package and the list it bundles: ``rovno.ua``, ``kr.ua``, ``com.ua``, ``gov.kz``, ``sk.ca``
are suffixes shared by many outlets; ``novos.mk.ru`` is the outlet ``mk.ru``,
``english.nv.ua`` the outlet ``nv.ua``).
"""

from __future__ import annotations

import argparse
import fcntl
import re
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList

REALSET = Path(__file__).resolve().parent.parent / "tests" / "data" / "realset"
CLAIMS_NAME = "realset_claims.tsv"  # shared by the collectors of one round (in the temp folder)
PSL = PublicSuffixList()  # the list the package bundles: no download


def domain(url: str) -> str:
    """The registrable domain of a URL's host ("rakurs.rovno.ua" is an outlet of its own under
    the public suffix rovno.ua; "novos.mk.ru" is mk.ru)."""
    host = _bare_host(urlsplit(url if "//" in url else "http://" + url).hostname)
    return PSL.privatesuffix(host) or host


def page_key(url: str) -> str:
    parts = urlsplit(url.strip())
    return _bare_host(parts.hostname) + parts.path.rstrip("/")


def _bare_host(hostname: str | None) -> str:
    """A host without its "www." and final dot, in small letters ("kp.ua." is kp.ua), its
    punycode labels in their letters ("xn--80aaajllyo6c2h.xn--p1ai" is
    "газетамаяк.рф": one outlet however its URL spells it)."""
    host = (hostname or "").lower().rstrip(".").removeprefix("www.")
    return ".".join(_unpunycode(label) for label in host.split("."))


def _unpunycode(label: str) -> str:
    if not label.startswith("xn--"):
        return label
    try:
        return label.encode("ascii").decode("idna")
    except UnicodeError:  # (not valid punycode: kept as written)
        return label


def known(claims: Path, root: Path = REALSET) -> tuple[dict[str, str], dict[str, str]]:
    """(page key -> where, domain -> where) of every URL in the set and the claims."""
    pages: dict[str, str] = {}
    domains: dict[str, str] = {}
    for labels in sorted(root.rglob("labels*.yaml")):
        where = str(labels.relative_to(root))
        if labels.parent.name.startswith("blind"):
            where = "a held-out split"  # (its files are never named to a collector)
        text = labels.read_text(encoding="utf-8")
        for m in re.finditer(r"^\s*-?\s*url:\s*(\S+)", text, re.MULTILINE):
            url = m.group(1).strip("'\"")
            pages[page_key(url)] = where
            domains.setdefault(domain(url), where)
    if claims.exists():
        for line in claims.read_text(encoding="utf-8").splitlines():
            url, _tab, who = line.partition("\t")
            pages[page_key(url)] = f"claimed by {who}"
            domains.setdefault(domain(url), f"claimed by {who}")
    return pages, domains


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("url")
    ap.add_argument("--claim", metavar="WHO", help="record a NEW URL as taken by WHO")
    ap.add_argument("--claims", type=Path, default=Path(tempfile.gettempdir()) / CLAIMS_NAME)
    args = ap.parse_args(argv)
    args.claims.touch()
    with args.claims.open("a+", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        pages, domains = known(args.claims)
        if page_key(args.url) in pages:
            print("SEEN url", pages[page_key(args.url)])
            return 1
        name = domain(args.url)
        if name in domains:
            print("SEEN domain", name, domains[name])
            return 1
        print("NEW", name)
        if args.claim:
            lock.write(f"{args.url}\t{args.claim}\n")
            print("claimed", name, "for", args.claim)
    return 0


if __name__ == "__main__":
    sys.exit(main())
