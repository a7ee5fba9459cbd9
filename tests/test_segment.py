"""Segmentation: raw text to blocks, one per non-blank line, with spans into the input."""

from __future__ import annotations

import pytest
from hypothesis import given
from strategies import unicode_texts

from scrapeclean import InputError, segment
from scrapeclean.segment import INVISIBLE


def _texts(raw: str) -> list[str]:
    return [block.text for block in segment(raw).blocks]


def _gaps(raw: str) -> list[int]:
    return [block.gap for block in segment(raw).blocks]


def test_one_block_per_non_blank_line_with_spans_into_the_input():
    raw = "Title\n\n  First paragraph.  \nSecond line."
    document = segment(raw)
    assert [(block.index, block.text, block.start, block.end) for block in document.blocks] == [
        (0, "Title", 0, 5),
        (1, "First paragraph.", 9, 25),
        (2, "Second line.", 28, 40),
    ]
    assert all(raw[block.start : block.end] == block.text for block in document.blocks)
    assert document.raw is raw


@pytest.mark.parametrize(
    ("raw", "texts", "gaps"),
    [
        ("One\r\nTwo\r\n\r\nThree", ["One", "Two", "Three"], [0, 0, 1]),
        ("One\rTwo\r\rThree", ["One", "Two", "Three"], [0, 0, 1]),
        ("One\u2028Two\u2029\u2029Three", ["One", "Two", "Three"], [0, 0, 1]),
        ("One\x0bTwo\x85Three\x1cFour", ["One", "Two", "Three", "Four"], [0, 0, 0, 0]),
        ("One\n \t \nTwo", ["One", "Two"], [0, 1]),
        ("One\n\u200b\ufeff\nTwo", ["One", "Two"], [0, 1]),
        ("\n\n\nOne", ["One"], [3]),
        ("One\n\n\n\nTwo", ["One", "Two"], [0, 3]),
    ],
    ids=[
        "crlf",
        "lone-cr",
        "unicode-separators",
        "vt-nel-fs",
        "whitespace-line",
        "zero-width-line",
        "leading",
        "gap-3",
    ],
)
def test_line_breaks_and_blank_lines(raw, texts, gaps):
    assert _texts(raw) == texts
    assert _gaps(raw) == gaps


def test_crlf_counts_as_one_break_not_two():
    assert _gaps("One\r\nTwo") == [0, 0]
    assert _gaps("One\n\rTwo") == [0, 1]  # LF then CR: two breaks, one blank line


def test_a_form_feed_between_lines_is_a_hard_break():
    document = segment("Story one.\n\n\f\n\nStory two.\nMore of it.")
    assert [(block.text, block.hard_break) for block in document.blocks] == [
        ("Story one.", False),
        ("Story two.", True),
        ("More of it.", False),
    ]


def test_a_form_feed_alone_also_breaks_the_line():
    document = segment("Story one.\fStory two.")
    assert [(block.text, block.hard_break, block.gap) for block in document.blocks] == [
        ("Story one.", False, 0),
        ("Story two.", True, 0),
    ]


def test_a_form_feed_before_the_first_block_is_no_break():
    assert [block.hard_break for block in segment("\f\nOnly story.").blocks] == [False]


def test_invisible_characters_are_left_out_of_a_span_but_kept_inside_it():
    raw = "\u200b\xa0Caf\u00e9\u200bau lait\u3000\ufeff"
    (block,) = segment(raw).blocks
    assert block.text == "Caf\u00e9\u200bau lait"
    assert (block.start, block.end) == (2, 14)


def test_right_to_left_text_keeps_its_direction_marks_inside():
    raw = "\u202bمرحبا بالعالم\u202c\n"
    (block,) = segment(raw).blocks
    assert block.text == raw.strip("\n")


@pytest.mark.parametrize("raw", ["", "\n\n", " \t\u3000", "\u200b\n\ufeff", "\f\r\n\u2028"])
def test_nothing_visible_gives_no_blocks(raw):
    assert segment(raw).blocks == ()


def test_source_is_carried_on_the_document():
    assert segment("Text.", source="page.txt").source == "page.txt"
    assert segment("Text.").source is None


@pytest.mark.parametrize("value", [b"bytes", None, 12])
def test_non_text_input_is_refused_naming_its_type(value):
    with pytest.raises(InputError, match=type(value).__name__) as raised:
        segment(value)  # type: ignore[arg-type]
    assert isinstance(raised.value, ValueError)


@given(unicode_texts())
def test_blocks_are_trimmed_non_empty_single_lines_in_order(raw):
    document = segment(raw)
    previous_end = 0
    for position, block in enumerate(document.blocks):
        assert block.index == position
        assert previous_end <= block.start < block.end <= len(raw)
        assert raw[block.start : block.end] == block.text
        assert block.text == block.text.strip(INVISIBLE)
        assert block.text.splitlines() == [block.text]  # the line breaks of str.splitlines, no others
        assert block.gap >= 0
        previous_end = block.end
    # No visible character of the input is left out of every block.
    covered = set()
    for block in document.blocks:
        covered.update(range(block.start, block.end))
    outside = "".join(char for offset, char in enumerate(raw) if offset not in covered)
    assert outside.strip(INVISIBLE) == ""
