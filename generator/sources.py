"""The outlet registry from ``config/sources.yml``: canonical names, aliases, web domains."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator.models import Problem
from generator.settings import ConfigError, parse_yaml

_PROFILE_KEYS = ("country", "languages", "ownership", "affiliation", "reference")
_SOURCE_KEYS = {"name", "aliases", "domains", *_PROFILE_KEYS}
# Kinds of state affiliation an outlet profile may name (shown as "state-owned" etc.).
AFFILIATIONS = ("state", "government-funded", "public", "private")
_REFERENCE = re.compile(r"https://[^\s/]+\.[^\s/]+(/\S*)?")
# Second-level labels under a country domain ("newscast.com.ua") and hosting platforms whose
# sub-domains are separate sites ("snoopeasy.blogspot.com").
_SECOND_LEVEL = frozenset({"com", "co", "org", "net", "gov", "edu", "in", "info", "ac"})
# City and region labels under a country's domain that sites register under, like the
# ones above ("politic.kiev.ua", "ukrchem.dp.ua", "news.spb.ru").
_GEO_SECOND_LEVEL = {
    "ua": frozenset(
        {"kiev", "kyiv", "dp", "dn", "lviv", "lg", "od", "odessa", "kharkov", "kharkiv", "kh"}
        | {"zp", "vn", "pl", "poltava", "sumy", "cn", "ck", "cv", "if", "ks", "km", "kr", "lt"}
        | {"lutsk", "mk", "rv", "te", "uz", "zt", "crimea", "sebastopol", "zhitomir"}
    ),
    "ru": frozenset({"msk", "spb"}),
}
_HOSTING = ("blogspot.com", "wordpress.com", "livejournal.com", "storage.googleapis.com")
# Host labels in front of a site's own name that say nothing about the outlet.
_LANGUAGE_PREFIXES = ("en", "ru", "rus", "kaz", "kz", "uk", "ua")
_HOST_PREFIXES = ("www", "m", "amp", "mobile", "pda", *_LANGUAGE_PREFIXES)


def _under_second_level(parts: list[str]) -> bool:
    """Is the host (its labels) a site under a second-level label ("x.com.ua", "x.kiev.ua")?"""
    second = _SECOND_LEVEL | _GEO_SECOND_LEVEL.get(parts[-1], frozenset())
    return len(parts) >= 3 and parts[-2] in second


def site_host(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``/``m.``/language prefixes ("kloop.kg")."""
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    parts = [p for p in host.split(".") if p]
    if len(parts) < 2 or all(p.isdigit() for p in parts):
        return None
    while (
        len(parts) > 2
        and parts[0] in _HOST_PREFIXES
        and not (  # "rus.com.az" is the site, not "com.az" ("www.gov.kz" is "gov.kz")
            parts[0] in _LANGUAGE_PREFIXES and len(parts) == 3 and _under_second_level(parts)
        )
    ):
        parts = parts[1:]
    keep = 3 if _under_second_level(parts) else 2
    for platform in _HOSTING:  # a blog on a hosting platform: the blog is the site
        if host.endswith("." + platform):
            keep = max(keep, platform.count(".") + 2)
    return ".".join(parts[-keep:])


def squash(text: str) -> str:
    """``text`` case-folded, without spaces, punctuation or underscores ("Sinhala News" ->
    "sinhalanews"): how a site's name is compared with its address."""
    return re.sub(r"[\W_]+", "", text.casefold())


def host_label(host: str) -> str:
    """The site's own name in its host ("kloop" for kloop.kg, "gazeta-fp" for
    gazeta-fp.com.ua)."""
    parts = host.split(".")
    if len(parts) < 2:
        return host
    return parts[-3] if _under_second_level(parts) else parts[-2]


def unicode_host(host: str) -> str:
    """The host as its readers write it: an internationalised domain's labels decoded
    ("xn----7sbhwjb3brd.xn--p1ai" -> "арктик-тв.рф")."""
    labels = []
    for label in host.split("."):
        try:
            labels.append(
                label.encode("ascii").decode("idna") if label.startswith("xn--") else label
            )
        except UnicodeError:
            return host
    return ".".join(labels)


def name_from_host(host: str, text: str = "") -> str:
    """A readable outlet name for a site the registry does not know: the way the text
    writes the site's name if it does ("Kloop" for kloop.kg, "Daily Sabah" for
    dailysabah.com, "Юрьянские вести" for юрьянскиевести.рф), else the host itself as its
    readers write it ("reform.news", "арктик-тв.рф")."""
    shown = unicode_host(host)
    key = squash(host_label(shown))
    latin = shown.isascii()
    if len(key) >= 3 and text:
        pattern = r"[A-Za-z0-9][A-Za-z0-9'.&-]*" if latin else r"[^\W_][\w'.&-]*"
        words = re.findall(pattern, text[:20_000])
        for n in (1, 2, 3):
            for i in range(len(words) - n + 1):
                form = " ".join(words[i : i + n]).strip(".'-")
                if squash(form) in (key, squash(shown)) and not form.islower():
                    return form
    return shown


@dataclass(frozen=True)
class Source:
    """An outlet; the profile fields (country .. reference) are empty when not known."""

    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    country: str = ""
    languages: tuple[str, ...] = ()
    ownership: str = ""  # who owns or funds it: "state-owned (Russia)", "private (...)"
    affiliation: str = ""  # one of AFFILIATIONS
    reference: str = ""  # a public page (https) that documents the ownership

    @property
    def has_profile(self) -> bool:
        return bool(self.country)


@dataclass(frozen=True)
class SourceRegistry:
    """Outlets and a compiled matcher over all their aliases."""

    sources: tuple[Source, ...] = ()

    def __post_init__(self) -> None:
        forms: dict[str, str] = {}
        for src in self.sources:
            for alias in (src.name, *src.aliases):
                forms.setdefault(alias, src.name)
        # Longest alias first, so "Interfax-Ukraine" wins over "Interfax".
        ordered = sorted(forms, key=lambda a: (-len(a), a))
        parts = []
        for alias in ordered:
            body = re.escape(alias)
            if alias.isupper() and any(ch.isalpha() for ch in alias):
                pass  # "ТАСС", "AP": only in capitals
            elif " " not in alias and alias[:1].isupper() and len(alias) > 1:
                # one capitalised word ("Trend", "Sputnik"): capitalised, so the common
                # word ("trend", "sputnik") is not the outlet
                body = re.escape(alias[0]) + f"(?i:{re.escape(alias[1:])})"
            else:
                body = f"(?i:{body})"
            parts.append(body)
        pattern = (
            re.compile(r"(?<![\w.-])(?:" + "|".join(parts) + r")(?![\w-]|\.\w)") if parts else None
        )
        lower = {a.casefold(): n for a, n in forms.items()}
        object.__setattr__(self, "_pattern", pattern)
        object.__setattr__(self, "_forms", forms)
        object.__setattr__(self, "_lower", lower)

    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.sources)

    def profile(self, name: str | None) -> Source | None:
        """The outlet called ``name`` (canonical or an alias) if it has a profile."""
        if not name:
            return None
        canonical = self.resolve(name)
        src = next((s for s in self.sources if s.name in (canonical, name)), None)
        return src if src is not None and src.has_profile else None

    def find_all(self, text: str) -> list[tuple[int, str]]:
        """(offset, canonical name) for every alias mention in ``text``, in order."""
        if not text or self._pattern is None:  # type: ignore[attr-defined]
            return []
        out = []
        for m in self._pattern.finditer(text):  # type: ignore[attr-defined]
            name = self._forms.get(m.group(0)) or self._lower.get(m.group(0).casefold())  # type: ignore[attr-defined]
            if name:
                out.append((m.start(), name))
        return out

    def find(self, text: str) -> str | None:
        """The first outlet mentioned in ``text``."""
        found = self.find_all(text)
        return found[0][1] if found else None

    def resolve(self, name: str) -> str | None:
        """Canonical name for an exact alias (any case) or an alias inside ``name``."""
        name = name.strip()
        exact = self._forms.get(name) or self._lower.get(name.casefold())  # type: ignore[attr-defined]
        return exact or self.find(name)

    def from_url(self, url: str | None) -> str | None:
        """The outlet whose domain (or a subdomain of it) serves ``url``."""
        if not url:
            return None
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return None
        host = host.removeprefix("www.")
        best: tuple[int, str] | None = None
        for src in self.sources:
            for domain in src.domains:
                d = domain.lower()
                if (host == d or host.endswith("." + d)) and (best is None or len(d) > best[0]):
                    best = (len(d), src.name)
        return best[1] if best else None

    def site_name(self, url: str | None, text: str = "") -> str | None:
        """The publisher of ``url``: the registry's outlet for its domain, else a readable
        name made from the domain (see ``name_from_host``)."""
        known = self.from_url(url)
        if known:
            return known
        host = site_host(url)
        return name_from_host(host, text) if host else None


def _problems(data: object, where: str) -> tuple[list[Source], list[Problem]]:
    problems: list[Problem] = []
    out: list[Source] = []
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        return out, [Problem(where, "the file must be a mapping with a list `sources:`")]
    seen: dict[str, str] = {}
    for i, item in enumerate(data["sources"]):
        field = f"sources[{i}]"
        if not isinstance(item, dict):
            problems.append(Problem(where, "each source must be a mapping", field))
            continue
        unknown = sorted(set(item) - _SOURCE_KEYS)
        if unknown:
            problems.append(
                Problem(
                    where, f"unknown key(s) {', '.join(unknown)}; use name, aliases, domains", field
                )
            )
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append(Problem(where, "`name` must be non-empty text", f"{field}.name"))
            continue
        lists = {}
        for key in ("aliases", "domains"):
            value = item.get(key) or []
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() for v in value
            ):
                problems.append(Problem(where, f"`{key}` must be a list of text", f"{field}.{key}"))
                value = []
            lists[key] = tuple(v.strip() for v in value)
        for alias in (name, *lists["aliases"]):
            other = seen.get(alias.casefold())
            if other is not None and other != name:
                problems.append(
                    Problem(where, f"alias {alias!r} also belongs to {other!r}", f"{field}.aliases")
                )
            seen[alias.casefold()] = name
        profile, found = _profile(item, where, field, name.strip())
        problems += found
        out.append(Source(name.strip(), lists["aliases"], lists["domains"], **profile))
    return out, problems


def _profile(
    item: dict[str, object], where: str, field: str, name: str
) -> tuple[dict[str, object], list[Problem]]:
    """The outlet profile of a source entry: all of country, ownership, affiliation and
    reference, or none of them (``languages`` is optional)."""
    present = [k for k in _PROFILE_KEYS if item.get(k) not in (None, "", [])]
    if not present:
        return {}, []
    problems: list[Problem] = []
    missing = [k for k in ("country", "ownership", "affiliation", "reference") if k not in present]
    if missing:
        problems.append(
            Problem(
                where,
                f"the profile of {name!r} lacks {', '.join(missing)}: give country, ownership, "
                "affiliation and reference together (or none of them)",
                field,
            )
        )
    out: dict[str, object] = {}
    for key in ("country", "ownership"):
        value = item.get(key)
        if key in present and not (isinstance(value, str) and value.strip()):
            problems.append(Problem(where, f"`{key}` must be non-empty text", f"{field}.{key}"))
        elif isinstance(value, str):
            out[key] = " ".join(value.split())
    affiliation = item.get("affiliation")
    if "affiliation" in present:
        if affiliation not in AFFILIATIONS:
            problems.append(
                Problem(
                    where,
                    f"`affiliation` {affiliation!r} of {name!r} must be one of "
                    + ", ".join(AFFILIATIONS),
                    f"{field}.affiliation",
                )
            )
        else:
            out["affiliation"] = affiliation
    reference = item.get("reference")
    if "reference" in present:
        if not (isinstance(reference, str) and _REFERENCE.fullmatch(reference.strip())):
            problems.append(
                Problem(
                    where,
                    f"`reference` of {name!r} must be one https:// address, got {reference!r}",
                    f"{field}.reference",
                )
            )
        else:
            out["reference"] = reference.strip()
    languages = item.get("languages") or []
    if not isinstance(languages, list) or not all(
        isinstance(code, str) and re.fullmatch(r"[a-z]{2}", code) for code in languages
    ):
        problems.append(
            Problem(
                where,
                f"`languages` of {name!r} must be a list of two-letter codes (ru, kk, en)",
                f"{field}.languages",
            )
        )
    else:
        out["languages"] = tuple(languages)
    return (out if not problems else {}), problems


def check_sources_file(path: Path) -> list[Problem]:
    """Every problem in a sources file (for ``digest check``)."""
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return [Problem(str(path), f"cannot read the file ({exc.strerror})")]
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        return [Problem(str(path), f"invalid YAML: {str(exc).splitlines()[0]}")]
    return _problems(data, str(path))[1]


def load_sources(path: Path) -> SourceRegistry:
    """Load the registry; a missing file is an empty registry, a broken one a ConfigError."""
    if not path.is_file():
        return SourceRegistry(())
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid YAML: {str(exc).splitlines()[0]}") from exc
    sources, problems = _problems(data, str(path))
    if problems:
        raise ConfigError(str(problems[0]))
    return SourceRegistry(tuple(sources))
