"""Runs of teaser headlines next to the main text (scrapeclean.passes.teasers)."""

from __future__ import annotations

from scrapeclean import segment
from scrapeclean.features import analyse
from scrapeclean.passes.teasers import headline_line, headline_runs

PROSE = (
    "The council voted on Tuesday to keep the old ferry running through the winter, after a petition signed by "
    "more than two thousand residents asked it to reconsider."
)
HEADLINES = (
    "Storm closes coastal road for the second time this month",
    "New library opens its doors in the old post office",
    "Why the salmon run failed again this year",
    "Harbour seals return to the estuary after forty years",
    "Police appeal for witnesses after crash on ring road",
)


def _runs(lines: list[str]) -> list[list[str]]:
    document = segment("\n\n".join(lines))
    feats = analyse(document).features
    texts = [block.text for block in document.blocks]
    kept = list(range(len(texts)))
    return [[texts[p] for p in run] for run in headline_runs(texts, feats, kept)]


def test_a_run_of_headlines_after_the_text_is_a_teaser_list():
    assert _runs([PROSE, PROSE, *HEADLINES]) == [list(HEADLINES)]


def test_dates_and_sources_between_the_headlines_belong_to_the_list():
    records = [line for headline in HEADLINES for line in (headline, "By Staff", "11/20/2019 01:14 PM")]
    assert _runs([PROSE, PROSE, *records]) == [records]


def test_a_list_amid_the_prose_is_the_texts_own():
    assert _runs([PROSE, PROSE, *HEADLINES, PROSE, PROSE]) == []


def test_a_list_the_text_introduces_with_a_colon_is_kept():
    assert _runs([PROSE, PROSE, "Here is what changed in the town this year:", *HEADLINES]) == []


def test_items_that_share_a_first_word_or_a_layout_are_a_list_not_teasers():
    items = [f"Your {word} will grow year by year" for word in ("list", "revenue", "audience", "reach")]
    assert _runs([PROSE, PROSE, *items]) == []
    rows = [
        f"{team} (Group {group}): tenth appearance" for team, group in zip(("Spain", "Wales", "Italy", "Chile"), "ABCD")
    ]
    assert _runs([PROSE, PROSE, *rows]) == []


def test_sentences_list_items_and_table_rows_are_not_headlines():
    document = segment(
        "A full sentence ends here with a stop.\n\n* A bulleted item of the text\n\n33 Quin Houff 77 0 0 0 0"
    )
    feats = analyse(document).features
    assert not any(headline_line(block.text, feats[block.index]) for block in document.blocks)


def test_a_run_of_headlines_above_the_text_is_left_to_the_headline_zone():
    assert _runs([*HEADLINES, PROSE, PROSE]) == []


def test_teaser_records_with_a_sentence_under_each_dated_headline_are_a_list():
    records = []
    for headline in HEADLINES:
        records += [headline, "Tom Rogan", "Tuesday November 19, 2019", f"{PROSE[:60]}, as the paper reported."]
    assert _runs([PROSE] * 4 + records) == [records]
    assert _runs([PROSE, PROSE, *records]) == []  # the teasers' sentences outweigh the text: a listing


def test_headings_with_a_short_paragraph_under_each_but_no_dates_are_the_texts_own():
    sections = [line for headline in HEADLINES for line in (headline, "It opened on a wet Monday to a small crowd.")]
    assert _runs([PROSE, PROSE, *sections]) == []


def test_dated_records_with_sentences_all_down_the_page_are_a_listings_content():
    records = []
    for headline in HEADLINES:
        records += [headline, "Tom Rogan", "Tuesday November 19, 2019", f"{PROSE[:60]}, as the paper reported."]
    assert _runs([PROSE] * 4 + records + ["Page 2 of the archive", PROSE, *records]) == []
