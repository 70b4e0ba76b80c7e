"""The detailed story lines of `digest eval`: a split or merged story shows its reports."""

from __future__ import annotations

from generator.evaluate_stories import StoryEval, bcubed, format_story_eval

# real reports of the dev set: one event (Tokayev asks the CSTO for help) found as two
# stories, one of which also took a report of the next day's airlift
GOLD = {
    "dev/ru_tass_tokayev_asks_csto.txt": "asks-csto",
    "dev/uk_rubryka_tokayev_asks_csto.txt": "asks-csto",
    "dev/en_webjosh_tokayev_appeals_csto.txt": "asks-csto",
    "dev/ru_rambler_russia_starts_airlift.txt": "airlift",
}
PREDICTED = {
    "dev/ru_tass_tokayev_asks_csto.txt": "2022-01-05-aaaa",
    "dev/uk_rubryka_tokayev_asks_csto.txt": "2022-01-05-aaaa",
    "dev/en_webjosh_tokayev_appeals_csto.txt": "undated-bbbb",
    "dev/ru_rambler_russia_starts_airlift.txt": "undated-bbbb",
}
REPORTS = {
    "dev/ru_tass_tokayev_asks_csto.txt": (
        "ru",
        "2022-01-05",
        "Токаев обратился к главам ОДКБ за помощью в преодолении террористической угрозы",
    ),
    "dev/uk_rubryka_tokayev_asks_csto.txt": (
        "uk",
        "2022-01-05",
        "Президент Казахстану звернувся до Росії та 4 союзників за допомогою",
    ),
    "dev/en_webjosh_tokayev_appeals_csto.txt": (
        "en",
        "undated",
        "Kazakhstan president appeals to Russia's military alliance for help as unrest escalates",
    ),
    "dev/ru_rambler_russia_starts_airlift.txt": (
        "ru",
        "undated",
        "Россия начала переброску миротворцев в Казахстан",
    ),
}


def _eval() -> StoryEval:
    return StoryEval("dev", bcubed(GOLD, PREDICTED), GOLD, PREDICTED, (), REPORTS)


def test_a_split_story_lists_each_part_with_its_reports_language_date_and_title():
    lines = format_story_eval(_eval()).splitlines()
    at = lines.index("  SPLIT asks-csto:")
    part = lines[at + 1 : at + 6]
    assert part[0] == "    2022-01-05-aaaa"
    assert part[1].startswith("      ru 2022-01-05 ru_tass_tokayev_asks_csto.txt | Токаев")
    assert part[2].startswith("      uk 2022-01-05 uk_rubryka_tokayev_asks_csto.txt | ")
    assert part[3] == "    undated-bbbb (+1 of other stories)"
    assert part[4].startswith("      en undated    en_webjosh_tokayev_appeals_csto.txt | Kazakh")
    assert "airlift" not in "\n".join(part)  # the other story's report is only counted


def test_a_merged_story_lists_each_report_with_its_labelled_story():
    lines = format_story_eval(_eval()).splitlines()
    at = lines.index("  MERGED undated-bbbb:")
    assert lines[at + 1].startswith("    asks-csto: en undated    en_webjosh_")
    assert lines[at + 2].startswith("    airlift: ru undated    ru_rambler_russia_starts_airlift")


def test_brief_output_has_the_scores_only():
    text = format_story_eval(_eval(), details=False)
    assert text.splitlines()[1].startswith("story B-cubed  precision 0.750  recall 0.667")
    assert "SPLIT" not in text and "MERGED" not in text
