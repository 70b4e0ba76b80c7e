"""The outlet registry from ``config/sources.yml``: canonical names, aliases, web domains."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator.models import Problem
from generator.settings import ConfigError

_SOURCE_KEYS = {"name", "aliases", "domains"}
# Second-level labels under a country domain ("newscast.com.ua") and hosting platforms whose
# sub-domains are separate sites ("snoopeasy.blogspot.com").
_SECOND_LEVEL = frozenset({"com", "co", "org", "net", "gov", "edu", "in", "info", "ac"})
_HOSTING = ("blogspot.com", "wordpress.com", "livejournal.com", "storage.googleapis.com")
# Host labels in front of a site's own name that say nothing about the outlet.
_HOST_PREFIXES = ("www", "m", "amp", "mobile", "pda", "en", "ru", "rus", "kaz", "kz", "uk", "ua")


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
    while len(parts) > 2 and parts[0] in _HOST_PREFIXES:
        parts = parts[1:]
    keep = 3 if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL else 2
    for platform in _HOSTING:  # a blog on a hosting platform: the blog is the site
        if host.endswith("." + platform):
            keep = max(keep, platform.count(".") + 2)
    return ".".join(parts[-keep:])


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def name_from_host(host: str, text: str = "") -> str:
    """A readable outlet name for a site the registry does not know: the way the text
    writes the site's name if it does ("Kloop" for kloop.kg, "Daily Sabah" for
    dailysabah.com), else the host itself ("reform.news")."""
    parts = host.split(".")
    label = parts[-3] if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL else parts[-2]
    key = _squash(label)
    if len(key) >= 3 and text:
        words = re.findall(r"[A-Za-z0-9][A-Za-z0-9'.&-]*", text[:20_000])
        for n in (1, 2, 3):
            for i in range(len(words) - n + 1):
                form = " ".join(words[i : i + n]).strip(".'-")
                if _squash(form) in (key, _squash(host)) and not form.islower():
                    return form
    return host


@dataclass(frozen=True)
class Source:
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


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
        out.append(Source(name.strip(), lists["aliases"], lists["domains"]))
    return out, problems


def check_sources_file(path: Path) -> list[Problem]:
    """Every problem in a sources file (for ``digest check``)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
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
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid YAML: {str(exc).splitlines()[0]}") from exc
    sources, problems = _problems(data, str(path))
    if problems:
        raise ConfigError(str(problems[0]))
    return SourceRegistry(tuple(sources))
