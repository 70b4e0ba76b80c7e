"""Settings: defaults, validation messages, documented options."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.settings import ConfigError, documented_options, load_settings


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "digest.yml"
    p.write_text(text, encoding="utf-8")
    return p


def test_project_config_loads(settings, root):
    assert settings.site.language == "en"
    assert settings.languages == ("ru", "uk", "kk", "en")
    assert settings.path(settings.corpus) == root / "seeds"


def test_unknown_key_is_an_error_naming_file_and_key(tmp_path):
    p = write(tmp_path, "site:\n  nmae: X\n")
    with pytest.raises(ConfigError) as e:
        load_settings(p)
    assert str(p) in str(e.value) and "'nmae'" in str(e.value) and "known keys" in str(e.value)


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("site:\n  language: de\n", "site.language"),
        ("analysis:\n  keywords: many\n", "analysis.keywords"),
        ("languages: [russian]\n", "not a two-letter"),
        ("feeds:\n  - url: ftp://x\n", "feeds[0].url"),
        ("output:\n  briefs: maybe\n", "output.briefs"),
        ("- a\n- b\n", "top level must be a mapping"),
        ("site: [\n", "invalid YAML"),
    ],
)
def test_bad_values_are_explained(tmp_path, text, fragment):
    with pytest.raises(ConfigError) as e:
        load_settings(write(tmp_path, text))
    assert fragment in str(e.value)


def test_every_option_is_documented():
    options = documented_options()
    assert len(options) > 15
    undocumented = [name for name, _default, help_text in options if not help_text]
    assert undocumented == []


def test_every_option_is_in_the_project_config_or_readme(root):
    """Datasette's rule: an option nobody can discover does not exist."""
    text = (root / "digest.yml").read_text(encoding="utf-8") + (root / "README.md").read_text(
        encoding="utf-8"
    )
    missing = [n for n, _d, _h in documented_options() if n.split(".")[-1] not in text]
    assert missing == []
