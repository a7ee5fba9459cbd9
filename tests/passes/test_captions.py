"""DedupCaptions: each caption kept once, with its credit span; its other copies removed."""

from __future__ import annotations

import pytest

from scrapeclean import ConfigError, Document, Role, segment
from scrapeclean.passes import DedupCaptions
from scrapeclean.passes.captions import CAPTION_CREDIT, DUPLICATE_CAPTION

PROSE = (
    "The army said on Friday that it had entered the town after a night of heavy fighting, and that the first "
    "aid convoys were already on the road."
)


def _run(raw: str, **settings) -> Document:
    return DedupCaptions(**settings)(segment(raw))


def _decisions(document: Document) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (block.role, block.removal and block.removal.reason, block.removal and block.removal.detail)
        for block in document.blocks
    ]


def _credit(document: Document, index: int) -> str | None:
    credit = document.blocks[index].credit
    return None if credit is None else document.raw[credit.start : credit.end]


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        (
            "Iraqi troops storm a building in the town of Anna. (AFP Photo/MOADH AL-DULAIMI)",
            "AFP Photo/MOADH AL-DULAIMI",
        ),
        ("Lebanese army units deploy on the border (File/Reuters)\xa0", "File/Reuters"),
        ("A volunteer reshelves books in the reading room. Photo: Jane Doe", "Jane Doe"),
        (
            "Protesters gather outside the parliament building on Monday. (AP Photo/Mark Lennihan)",
            "AP Photo/Mark Lennihan",
        ),
        ("A picker fills a crate in an orchard near the river. Kai Berg/Getty Images", "Kai Berg/Getty Images"),
        ("The lighthouse at the end of the harbour wall at dusk. © Marta Keller", "Marta Keller"),
        ("Voluntarios preparan las mesas del comedor. Foto: Carlos Ruiz", "Carlos Ruiz"),
    ],
    ids=["afp-photo", "file-reuters", "photo-colon", "ap-photo", "getty", "copyright", "foto"],
)
def test_a_credit_at_the_end_of_a_line_makes_it_a_caption_with_that_credit(caption, credit):
    document = _run(f"{PROSE}\n{caption}")
    assert document.blocks[1].role == Role.CAPTION
    assert _credit(document, 1) == credit


@pytest.mark.parametrize(
    "text",
    [
        PROSE,
        "Staff Major General Noman Abed al-Zobai, the commander of the 7th Division, told AFP from the scene.",
        "The minister said the photo had been taken without permission.",
    ],
    ids=["prose", "told-agency", "photo-word"],
)
def test_prose_naming_an_agency_or_a_photo_has_no_credit(text):
    document = _run(text)
    assert document.blocks[0].role is None and document.blocks[0].credit is None


def test_a_caption_printed_four_times_is_kept_once_with_its_credit():
    caption = "Iraqi troops storm a building in the town of Anna. (AFP Photo/MOADH AL-DULAIMI)"
    document = _run(f"Headline over the story\n{caption}\n{caption}\nTT\n20\n{caption}\n{caption}\n{PROSE}")
    assert _decisions(document) == [
        (None, None, None),
        (Role.CAPTION, None, None),
        (None, DUPLICATE_CAPTION, "copy of caption block 1"),
        (None, None, None),
        (None, None, None),
        (None, DUPLICATE_CAPTION, "copy of caption block 1"),
        (None, DUPLICATE_CAPTION, "copy of caption block 1"),
        (None, None, None),
    ]
    assert _credit(document, 1) == "AFP Photo/MOADH AL-DULAIMI"


def test_a_credit_span_points_into_the_input_even_after_leading_space():
    raw = "Headline\n   Boats wait at anchor outside the port on Wednesday. (AP Photo/Rosa Lind)\n" + PROSE
    document = _run(raw)
    block = document.blocks[1]
    assert block.role == Role.CAPTION
    assert document.raw[block.credit.start : block.credit.end] == "AP Photo/Rosa Lind"
    assert block.start <= block.credit.start < block.credit.end <= block.end


def test_a_credit_on_its_own_line_credits_the_caption_above_it():
    caption = "Commuters wait for a delayed train at the central station on Monday."
    raw = f"Headline over the story\n{caption}\nSanjeev Verma/Hindustan Times/Getty Images\n\n{PROSE}"
    document = _run(raw)
    assert _decisions(document) == [
        (None, None, None),
        (Role.CAPTION, None, None),
        (None, CAPTION_CREDIT, "credit of caption block 1"),
        (None, None, None),
    ]
    assert _credit(document, 1) == "Sanjeev Verma/Hindustan Times/Getty Images"
    assert document.blocks[1].credit.start >= document.blocks[2].start  # the span points into the credit line


def test_copies_with_other_quotes_or_spacing_are_the_same_caption():
    first = 'The town\'s mayor opens the "new" bridge on Monday. (File/Reuters)'
    second = "The town’s mayor  opens the “new” bridge on Monday. (File/Reuters)"
    assert _decisions(_run(f"{first}\n{second}")) == [
        (Role.CAPTION, None, None),
        (None, DUPLICATE_CAPTION, "copy of caption block 0"),
    ]


def test_a_sentence_printed_twice_in_a_row_is_a_caption_without_credit():
    line = "A seal rests on a sandbank near the river mouth at low tide."
    document = _run(f"{line}\n{line}\n{PROSE}")
    assert _decisions(document) == [
        (Role.CAPTION, None, None),
        (None, DUPLICATE_CAPTION, "copy of caption block 0"),
        (None, None, None),
    ]
    assert document.blocks[0].credit is None


def test_a_credited_caption_printed_once_is_a_caption():
    document = _run(f"Workers repair the roof of the old station. Photo: Jane Doe\n{PROSE}")
    assert _decisions(document) == [(Role.CAPTION, None, None), (None, None, None)]
    assert _credit(document, 0) == "Jane Doe"


def test_a_sentence_repeated_far_apart_is_not_a_caption():
    document = _run(f"{PROSE}\nOne.\nTwo.\nThree.\n{PROSE}")
    assert all(role is None and reason is None for role, reason, _ in _decisions(document))


def test_nothing_to_do_returns_the_same_document():
    document = segment(f"A headline\n{PROSE}")
    assert DedupCaptions()(document) is document


def test_short_lines_are_never_captions():
    document = _run("Share on X\nShare on X\nTT\nTT")
    assert all(role is None and reason is None for role, reason, _ in _decisions(document))


def test_min_words_setting_lets_short_captions_count():
    raw = "Boats at dawn (File/Reuters)\nBoats at dawn (File/Reuters)"
    assert [block.role for block in _run(raw, min_words=6).blocks] == [None, None]  # five words
    assert [block.role for block in _run(raw, min_words=2).blocks] == [Role.CAPTION, None]


def test_blocks_removed_earlier_are_left_alone():
    caption = "Boats wait at anchor outside the port on Wednesday. (AP Photo/Rosa Lind)"
    document = segment(f"{caption}\n{caption}")
    edits = document.edit("my-pass")
    edits.remove(0, "promotion")
    document = DedupCaptions()(edits.apply())
    assert _decisions(document) == [(None, "promotion", ""), (Role.CAPTION, None, None)]


def test_name_and_repr_read_like_configuration():
    assert DedupCaptions.name == "dedup-captions"
    assert repr(DedupCaptions(min_words=5)) == "DedupCaptions(min_words=5, max_words=80, repeat_distance=1, max_repeated_words=50)"


@pytest.mark.parametrize("setting", ["min_words", "max_words", "repeat_distance"])
def test_negative_settings_are_refused_naming_the_setting(setting):
    with pytest.raises(ConfigError, match=rf"dedup-captions: {setting} must be >= 0, not -1"):
        DedupCaptions(**{setting: -1})
