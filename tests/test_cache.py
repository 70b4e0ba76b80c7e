"""The analysis cache: round trip, corrupt entries, topic scores per taxonomy."""

from __future__ import annotations

import pytest

from generator.cache import AnalysisCache, CacheEntry
from generator.models import EntityMention, Evidence, TextAnalysis, TopicMatch

TEXT = TextAnalysis(
    language="kk",
    sentences=("Қазақстан мұнайды Ресей арқылы экспорттайды.",),
    sentence_lemmas=(("қазақстан", "мұнай", "ресей", "арқылы", "экспорттайды"),),
    keywords=("мұнай", "Қазақстан"),
    summary=("Қазақстан мұнайды Ресей арқылы экспорттайды.",),
    entities=(
        EntityMention("Kazakhstan", "place", 1, ("Қазақстан",)),
        # a name with no English form, shown as a flagged transliteration
        EntityMention(
            "Komitet grazhdanskoy aviatsii", "org", 1, ("Комитет гражданской авиации",), True
        ),
    ),
    title_lemmas=("мұнай",),
)
TOPICS = (TopicMatch("energy_transit", 12.0, (Evidence("мұнай", 1),)),)


def test_round_trip_keeps_text_and_topics(tmp_path):
    cache = AnalysisCache(tmp_path)
    cache.put("abc123", CacheEntry(TEXT, "fp1", TOPICS))
    entry = cache.get("abc123")
    assert entry is not None and entry.text == TEXT
    assert entry.topics_for("fp1") == TOPICS
    assert entry.topics_for("fp2") is None  # another taxonomy: scores must be recomputed
    assert len(cache) == 1


def test_missing_and_corrupt_entries_are_misses(tmp_path):
    cache = AnalysisCache(tmp_path)
    assert cache.get("nothere") is None
    cache.put("abc123", CacheEntry(TEXT, "fp1", TOPICS))
    path = tmp_path / "ab" / "abc123.json"
    for bad in (b"", b"\xff\xfe", b"[1, 2]", b'{"text": {"language": 1}}', b"{not json"):
        path.write_bytes(bad)
        assert cache.get("abc123") is None


def test_keys_cannot_escape_the_folder(tmp_path):
    cache = AnalysisCache(tmp_path / "c")
    with pytest.raises(ValueError):
        cache.put("../x", CacheEntry(TEXT))
    assert not (tmp_path / "x.json").exists() and not list(tmp_path.glob("*.json"))


def test_a_lemma_read_back_is_one_string_however_often_it_occurs(tmp_path):
    import json

    from generator.serialize import text_analysis_from_dict, to_jsonable

    text = TextAnalysis(
        language="ru",
        sentences=("Токаев прибыл в Астану.", "Токаев выступил."),
        sentence_lemmas=(("токаев", "прибыть", "в", "астана"), ("токаев", "выступить")),
        keywords=("токаев",),
        summary=("Токаев прибыл в Астану.",),
        entities=(),
        title_lemmas=("токаев",),
    )
    back = text_analysis_from_dict(json.loads(json.dumps(to_jsonable(text))))
    assert back == text
    first, second = back.sentence_lemmas[0][0], back.sentence_lemmas[1][0]
    assert first is second is back.title_lemmas[0]  # not a string per occurrence
