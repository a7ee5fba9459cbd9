"""CollapseRepeatedBlocks: the first copy of a repeated block, run or heading stays; later copies go."""

from __future__ import annotations

import pytest
from strategies import typographic

from scrapeclean import ConfigError, Document, Role, segment
from scrapeclean.passes import CollapseRepeatedBlocks
from scrapeclean.passes.repeats import REPEATED_BLOCK, REPEATED_HEADING

PARAGRAPHS = (
    "The army said on Friday that it had entered the town after a night of heavy fighting in the suburbs.",
    "Residents said the shelling had stopped before dawn, and that the first aid convoys were on the road.",
    '"We have waited three weeks for this," a doctor at the town\'s only hospital told reporters on Saturday.',
    "The government said it would send engineers to repair the water mains as soon as the roads were cleared.",
)


def _run(raw: str, **settings) -> Document:
    return CollapseRepeatedBlocks(**settings)(segment(raw))


def _removals(document: Document) -> list[tuple[int, str, str]]:
    return [(block.index, block.removal.reason, block.removal.detail) for block in document.blocks if block.removal]


def test_a_body_printed_twice_with_typographic_quotes_loses_its_second_copy():
    copy = [typographic(paragraph) for paragraph in PARAGRAPHS]
    assert copy[2] != PARAGRAPHS[2]
    document = _run("\n\n".join([*PARAGRAPHS, *copy]))
    assert _removals(document) == [(index, REPEATED_BLOCK, "copy of blocks 0-3") for index in range(4, 8)]
    assert [block.text for block in document.kept()] == list(PARAGRAPHS)


def test_a_copy_of_only_some_paragraphs_is_removed_as_a_run():
    document = _run("\n\n".join([*PARAGRAPHS, *PARAGRAPHS[1:4]]))
    assert _removals(document) == [(index, REPEATED_BLOCK, "copy of blocks 1-3") for index in range(4, 7)]


def test_a_long_block_repeated_alone_is_removed_naming_its_first_copy():
    document = _run("\n\n".join([PARAGRAPHS[0], "Something else entirely.", PARAGRAPHS[1], PARAGRAPHS[0].upper()]))
    assert _removals(document) == [(3, REPEATED_BLOCK, "copy of block 0")]


def test_digits_may_differ_between_copies():
    first = "Around 1,500 fighters are left in the area, which it expects to be the scene of the last fight."
    document = _run(f"{first}\n{first.replace('1,500', '2,000')}")
    assert _removals(document) == [(1, REPEATED_BLOCK, "copy of block 0")]


def test_a_headline_printed_again_near_it_is_a_repeated_heading():
    headline = "Iraqi Forces Enter al-Qaim in ‘Last Big Fight’ against ISIS"
    document = _run(f"{headline}\nTT\n20\n{headline}\n{PARAGRAPHS[0]}")
    assert _removals(document) == [(3, REPEATED_HEADING, "copy of heading block 0")]
    assert document.blocks[3].removal.copy_of == 0


def test_a_trails_last_step_right_over_the_headline_goes_and_the_headline_stays():
    headline = "Iraqi Forces Enter al-Qaim in Last Big Fight"
    document = _run(f"* Home\n* {headline}\n* {headline}\n{headline}\n{PARAGRAPHS[0]}")
    assert _removals(document) == [
        (1, REPEATED_HEADING, "copy of heading block 3"),
        (2, REPEATED_HEADING, "copy of heading block 1"),
    ]
    assert [block.text for block in document.kept()] == ["* Home", headline, PARAGRAPHS[0]]


def test_a_list_item_with_other_lines_between_it_and_the_copy_stays():
    headline = "Iraqi Forces Enter al-Qaim in Last Big Fight"
    document = _run(f"* {headline}\n* Other news\n{headline}\n{PARAGRAPHS[0]}")
    assert _removals(document) == [(2, REPEATED_HEADING, "copy of heading block 0")]


def test_a_short_headline_printed_again_far_away_stays():
    headline = "Iraqi Forces Enter Al-Qaim"  # fewer words than min_words: not a repeated block either
    thirteen = "alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike"
    lines = [headline, *[f"The {word} line of the page." for word in thirteen.split(" ")], headline]
    assert _removals(_run("\n".join(lines))) == []
    assert _removals(_run("\n".join(lines), heading_distance=14)) == [(14, REPEATED_HEADING, "copy of heading block 0")]


def test_short_lines_repeated_alone_stay():
    document = _run(
        "World\nA first teaser headline here\nWorld\nAnother teaser headline there\nShort line.\nShort line."
    )
    assert _removals(document) == []


def test_a_run_of_short_lines_repeated_in_order_is_removed():
    menu = "Home\nNews\nSport\nWeather"
    document = _run(f"{menu}\n{PARAGRAPHS[0]}\n{menu}")
    assert _removals(document) == [(index, REPEATED_BLOCK, "copy of blocks 0-3") for index in range(5, 9)]


def test_min_run_sets_how_long_a_run_of_short_lines_must_be():
    document = _run("Home\nNews\nSport\nWeather\nHome\nNews\nSport\nWeather", min_run=5)
    assert _removals(document) == []


def test_captions_and_removed_blocks_are_not_compared():
    document = segment("\n".join([PARAGRAPHS[0], PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[1]]))
    edits = document.edit("dedup-captions")
    edits.set_role(0, Role.CAPTION)
    edits.remove(2, "boilerplate")
    changed = CollapseRepeatedBlocks()(edits.apply())
    assert [(block.role, block.removal and block.removal.reason) for block in changed.blocks] == [
        (Role.CAPTION, None),
        (None, None),
        (None, "boilerplate"),
        (None, None),
    ]


def test_nothing_repeated_returns_the_same_document():
    document = segment("\n".join(PARAGRAPHS))
    assert CollapseRepeatedBlocks()(document) is document


def test_copies_name_their_original_in_a_typed_field():
    body = "The army said on Friday that it had entered the town after a night of fighting."
    document = CollapseRepeatedBlocks()(segment(f"{body}\nA headline here\n{body}\nA headline here"))
    assert [block.removal and block.removal.copy_of for block in document.blocks] == [None, None, 0, 1]


def test_name_and_repr_read_like_configuration():
    assert CollapseRepeatedBlocks.name == "collapse-repeated-blocks"
    assert (
        repr(CollapseRepeatedBlocks(min_run=4)) == "CollapseRepeatedBlocks(min_words=8, min_run=4, heading_distance=12)"
    )


@pytest.mark.parametrize("setting", ["min_words", "min_run", "heading_distance"])
def test_settings_below_one_are_refused_naming_the_setting(setting):
    with pytest.raises(ConfigError, match=rf"collapse-repeated-blocks: {setting} must be >= 1, not 0"):
        CollapseRepeatedBlocks(**{setting: 0})
