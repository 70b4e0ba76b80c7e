"""Loading the curated corpus: seeds/*.md -> Article, bad files -> Problems."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.corpus import CorpusError, article_from_markdown, load_corpus


def test_libyaml_reads_the_same_front_matter_as_the_python_parser(root, monkeypatch):
    import yaml

    from generator import corpus

    tricky = "---\ntitle: 'Тоқаев: «жаңа»'\ndate: 2022-01-05\nid: x007\ncurated: [date]\n---\nx"
    fast = (load_corpus(root / "seeds")[0], article_from_markdown(tricky, "t.md"))
    monkeypatch.setattr(corpus, "_FAST_LOADER", yaml.SafeLoader)
    slow = (load_corpus(root / "seeds")[0], article_from_markdown(tricky, "t.md"))
    assert fast == slow and len(fast[0]) == 5
    assert fast[1].id == "x007" and fast[1].date == dt.date(2022, 1, 5)


def test_curated_seeds_load(root):
    articles, problems = load_corpus(root / "seeds")
    assert problems == ()
    assert len(articles) == 5
    assert [a.path for a in articles] == sorted(a.path for a in articles)
    languages = sorted(a.language for a in articles)
    assert languages == ["kk", "ru", "ru", "ru", "uk"]
    for article in articles:
        assert article.title and article.body and article.origin.startswith("seeds/raw/")
        assert "\n\n\n" not in article.body
        for field in article.curated:
            assert field in (article.note or ""), f"{article.path}: curated {field} has no note"


def test_undated_seed_is_marked_curated_with_a_note(root):
    articles, _ = load_corpus(root / "seeds")
    undated = [a for a in articles if a.date is None]
    assert undated and all("date" in a.curated and a.note for a in undated)


MD = (
    "---\nid: a1\ntitle: Заголовок\ndate: 2022-01-07\nlanguage: RU\ninferred: [title]\n---\n"
    "\nТекст.\n"
)


def test_article_from_markdown():
    article = article_from_markdown(MD, "x/a1.md")
    assert article.id == "a1" and article.title == "Заголовок"
    assert article.date == dt.date(2022, 1, 7)
    assert article.language == "ru" and article.inferred == ("title",)
    assert article.body == "Текст." and article.path == "x/a1.md"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("no front matter", "x.md: no YAML front matter"),
        ("---\ntitle: [oops\n---\nbody", "x.md: invalid YAML front matter (line 3)"),
        ("---\n- a\n---\nbody", "x.md: front matter must be a mapping of keys, not a list"),
        ("---\ntitle: T\ndate: 2022-02-30\n---\nbody", "x.md: date: impossible date 2022-02-30"),
        ("---\ntitle: T\ndate: 'soon'\n---\nbody", "x.md: date: expected a date YYYY-MM-DD"),
        ("---\ndate: 2022-01-01\n---\nbody", "x.md: title: missing or empty title"),
        ("---\nid: ../x\ntitle: T\n---\nbody", "x.md: id: '../x' is not a safe id"),
        ("---\ntitle: T\ninferred: 3\n---\nbody", "x.md: inferred: expected a list"),
        ("---\ntitle: [a, b]\n---\nbody", "x.md: title: expected text, got list"),
    ],
)
def test_bad_markdown_raises_a_clear_value_error(text, message):
    with pytest.raises(ValueError) as info:
        article_from_markdown(text, "x.md")
    assert isinstance(info.value, CorpusError)
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)


def test_load_corpus_turns_bad_files_into_problems(tmp_path):
    (tmp_path / "a.md").write_text(MD.replace("id: a1", "id: a"), encoding="utf-8")
    (tmp_path / "b.md").write_text("---\n- list\n---\nbody", encoding="utf-8")
    (tmp_path / "c.md").write_bytes(b"---\ntitle: \xff\xfe\n---\nbody")
    (tmp_path / "d.md").write_text(MD.replace("id: a1", "id: a"), encoding="utf-8")
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "e.md").write_text(MD, encoding="utf-8")
    articles, problems = load_corpus(tmp_path)
    assert [a.id for a in articles] == ["a"]
    assert [(p.path.rsplit("/", 1)[-1], p.field) for p in problems] == [
        ("b.md", None),
        ("c.md", None),
        ("d.md", "id"),
    ]
    assert "not UTF-8" in problems[1].message and "duplicate id" in problems[2].message


def test_missing_corpus_folder(tmp_path):
    articles, problems = load_corpus(tmp_path / "nope")
    assert articles == () and "does not exist" in problems[0].message
