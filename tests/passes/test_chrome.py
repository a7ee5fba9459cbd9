"""RemoveSiteChrome: navigation, widgets, share bars, related lists, bio boxes removed, each with its reason."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import dumps, unicode_texts

from scrapeclean import ConfigError, Document, Role, segment
from scrapeclean.passes import DedupCaptions, RemoveSiteChrome
from scrapeclean.passes.chrome import (
    AUTHOR_BIO,
    BOILERPLATE,
    BYLINE_MARKER,
    COMMENT_THREAD,
    CONSENT_NOTICE,
    RELATED,
    TEASER_LIST,
    UI_PHRASE,
    WIDGET,
)

PARAGRAPHS = (
    (
        "Harbour seals have returned to breed in the estuary for the first time in four decades, according to a "
        "survey published on Tuesday by the regional wildlife trust."
    ),
    (
        "Volunteers counted forty-six adults and eleven pups on the sandbanks below the old ferry crossing, where "
        "the last breeding colony was recorded in the early 1980s."
    ),
    (
        '"We did not expect to see pups this soon," said Ana Ruiz, who led the count. "It tells us the water is '
        'cleaner and the fish have come back."'
    ),
    (
        "The trust credits a ban on dredging in the lower river and the closure of two outfalls that once carried "
        "untreated waste into the channel."
    ),
    (
        "Local boat operators have agreed to keep at least 150 metres from the colony during the pupping season, "
        "which runs from June to August."
    ),
)
BODY = "\n\n".join(PARAGRAPHS)
TITLE = "Harbour seals return to the estuary after forty years"


def _run(raw: str, **settings) -> Document:
    return RemoveSiteChrome(**settings)(segment(raw))


def _by_text(document: Document) -> dict[str, tuple[str, str] | str]:
    """Each block's text: its (reason, detail) when removed, else its role or "kept"."""
    return {
        block.text: (block.removal.reason, block.removal.detail) if block.removal else (block.role or "kept")
        for block in document.blocks
    }


def test_phrase_list_lines_are_removed_as_ui_phrases_wherever_they_stand():
    raw = f"Connect with us\nHi, what are you looking for?\n\n{TITLE}\n\n{BODY}\n\nShare on Facebook\nPrint"
    decisions = _by_text(_run(raw))
    for line in ("Connect with us", "Hi, what are you looking for?", "Share on Facebook", "Print"):
        assert decisions[line] == (UI_PHRASE, "navigation or widget text")
    assert all(decisions[paragraph] == "kept" for paragraph in PARAGRAPHS)
    assert decisions[TITLE] == "kept"


@pytest.mark.parametrize("widget", ["TT", "20", "-", "|", "+"])
def test_counters_toggles_and_separators_are_widgets(widget):
    decisions = _by_text(_run(f"{TITLE}\n{widget}\n\n{BODY}"))
    assert decisions[widget] == (WIDGET, "counter, toggle or separator")
    assert decisions[TITLE] == "kept"


def test_a_related_content_marker_removes_the_teaser_list_after_it():
    document = _run(
        f"{TITLE}\n\n{BODY}\n\nYou may also like:\n\nWorld\n\nWhy the salmon run failed again this year\n\n"
        "Business\n\nA recent survey maps the mudflats of the estuary in detail..."
    )
    opener = next(block.index for block in document.blocks if block.text == "You may also like:")
    decisions = _by_text(document)
    assert decisions["You may also like:"] == (RELATED, "opens a related-content section")
    for teaser in (
        "World",
        "Why the salmon run failed again this year",
        "Business",
        "A recent survey maps the mudflats of the estuary in detail...",
    ):
        assert decisions[teaser] == (RELATED, f"teaser list opened by block {opener}")
    assert all(decisions[paragraph] == "kept" for paragraph in PARAGRAPHS)


def test_a_marker_printed_under_every_entry_opens_no_trailing_section():
    # A Q&A page prints "Comments" under each answer: the answers after it are text, not teasers.
    answers = [PARAGRAPHS[number] + "\n\nShort point.\n\nComments" for number in range(4)]
    decisions = _by_text(_run(f"{TITLE}\n\n" + "\n\n".join(answers)))
    assert all(decisions[PARAGRAPHS[number]] == "kept" for number in range(3))
    assert RELATED not in {decision[0] for decision in decisions.values() if isinstance(decision, tuple)}
    once = _by_text(_run(f"{TITLE}\n\n{BODY}\n\nComments\n\nShort point."))
    assert once["Comments"] == (RELATED, "opens a related-content section")


def _teaser_header() -> str:
    teasers = [
        "Latest Headlines",
        "Ferry fares to rise again in spring The operator said on Monday that fuel costs had doubled since last year.",
        "Council approves new cycle lanes The plan adds four kilometres of protected lanes along the river road.",
        "Storm closes the coast road Crews worked through the night to clear fallen trees from the main route.",
        "Sports",
    ]
    return "\n".join(teasers)


def test_the_header_above_the_headline_the_title_line_names_is_removed_however_prose_like():
    raw = f"{TITLE} | The Coast News\nMenu\n{_teaser_header()}\n{TITLE}\nBy Ana Ruiz\n{BODY}\n\nContact us"
    decisions = _by_text(_run(raw))
    assert all(decisions[paragraph] == "kept" for paragraph in PARAGRAPHS)
    assert decisions["Storm closes the coast road Crews worked through the night to clear fallen trees from the main route."] != "kept"
    # Without the site's name beside it, the first line is not known to be a <title>: nothing is cut for it.
    plain = _by_text(_run(f"{TITLE}\nMenu\n{_teaser_header()}\n{TITLE}\nBy Ana Ruiz\n{BODY}"))
    assert all(plain[paragraph] == "kept" for paragraph in PARAGRAPHS)


def test_cookie_banners_are_removed_as_consent_notices_and_cookies_in_the_text_are_not():
    banner = "This website uses cookies to improve your experience. You can opt out in the settings."
    baking = "Bake the cookies for twelve minutes, until the edges turn golden and the middle is still soft."
    decisions = _by_text(_run(f"{TITLE}\n\n{BODY}\n\n{baking}\n\n{banner}\n\nAccept"))
    assert decisions[banner] == (CONSENT_NOTICE, "cookie or consent notice")
    assert decisions[baking] == "kept"
    german = "Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu bieten."
    assert _by_text(_run(f"{german}\n\n{BODY}"))[german][0] == CONSENT_NOTICE


def test_a_line_that_starts_with_a_marker_and_ends_with_a_colon_opens_a_trailing_section():
    raw = f"{TITLE}\n\n{BODY}\n\nRelated coverage from How to Do Everything:\nHow to invest in index funds, explained"
    decisions = _by_text(_run(raw))
    assert decisions["Related coverage from How to Do Everything:"] == (RELATED, "opens a related-content section")
    assert decisions["How to invest in index funds, explained"][0] == RELATED
    assert all(decisions[paragraph] == "kept" for paragraph in PARAGRAPHS)


def test_an_agency_box_gives_the_byline_and_its_bio_is_removed():
    bio = (
        "With 2,400 staff representing 100 different nationalities, AFP covers the world as a leading global news "
        "agency."
    )
    document = _run(f"{TITLE}\n\n{BODY}\n\nAFP\nWritten By\n\n{bio}")
    marker = next(block.index for block in document.blocks if block.text == "Written By")
    decisions = _by_text(document)
    assert decisions["AFP"] == Role.BYLINE
    assert decisions["Written By"] == (BYLINE_MARKER, "marks the byline")
    assert decisions[bio] == (AUTHOR_BIO, f"author box opened by block {marker}")


_AUTHOR_BOX = "Helen Marsh covers farming, food and the environment. She has written for the paper since 2015."


def test_an_about_the_author_box_is_removed():
    decisions = _by_text(_run(f"{TITLE}\n\n{BODY}\n\nAbout the author\n\n{_AUTHOR_BOX}"))
    assert decisions["About the author"][0] in (AUTHOR_BIO, RELATED)
    assert decisions[_AUTHOR_BOX][0] in (AUTHOR_BIO, RELATED)
    assert all(decisions[paragraph] == "kept" for paragraph in PARAGRAPHS)


def test_an_about_the_author_box_is_recorded_as_an_author_bio():
    document = _run(f"{TITLE}\n\n{BODY}\n\nAbout the author\n\n{_AUTHOR_BOX}")
    marker = next(block.index for block in document.blocks if block.text == "About the author")
    decisions = _by_text(document)
    assert decisions["About the author"] == (AUTHOR_BIO, "opens an author box")
    assert decisions[_AUTHOR_BOX] == (AUTHOR_BIO, f"author box opened by block {marker}")


def test_an_inline_byline_is_given_its_role():
    decisions = _by_text(_run(f"{TITLE}\n\nBy Tom Alvarez\n\n{BODY}"))
    assert decisions["By Tom Alvarez"] == Role.BYLINE
    assert decisions[TITLE] == "kept"


def test_lines_far_from_the_text_are_boilerplate_with_their_class_in_the_detail():
    document = _run(f"{BODY}\n\nOur team\nAnnual report\nCareers at the trust")
    for line in ("Our team", "Annual report", "Careers at the trust"):
        reason, detail = _by_text(document)[line]
        assert reason == BOILERPLATE
        assert detail.endswith(" block outside the main text")


def test_captions_next_to_the_text_are_kept():
    caption = "A seal rests on a sandbank near the river mouth at low tide. (Photo: Marta Keller/Coastal Trust)"
    document = RemoveSiteChrome()(DedupCaptions()(segment(f"{TITLE}\n\n{caption}\n{caption}\n\n{BODY}")))
    decisions = _by_text(document)
    assert decisions[TITLE] == "kept"
    assert [block.role for block in document.blocks if block.text == caption] == [Role.CAPTION, None]
    assert all(decisions[paragraph] == "kept" for paragraph in PARAGRAPHS)


def test_a_page_of_prose_loses_nothing():
    document = segment(f"{TITLE}\n\n{BODY}")
    assert all(block.removal is None for block in RemoveSiteChrome()(document).blocks)


def test_phrase_languages_choose_the_lists_used():
    raw = f"Teilen\nDrucken\n\n{TITLE}\n\n{BODY}"
    assert _by_text(_run(raw))["Teilen"] == (UI_PHRASE, "navigation or widget text")
    only_english = _by_text(_run(raw, phrase_languages=("en",)))
    assert only_english["Teilen"] != (UI_PHRASE, "navigation or widget text")


def test_blocks_removed_earlier_keep_their_first_removal():
    document = segment(f"Share on Facebook\n\n{TITLE}\n\n{BODY}")
    edits = document.edit("my-pass")
    edits.remove(0, "promotion", "a custom rule")
    removal = RemoveSiteChrome()(edits.apply()).blocks[0].removal
    assert (removal.pass_name, removal.reason) == ("my-pass", "promotion")


def test_an_empty_document_is_returned_as_it_is():
    document = segment("")
    assert RemoveSiteChrome()(document) is document


def test_name_and_repr_read_like_configuration():
    assert RemoveSiteChrome.name == "remove-site-chrome"
    assert repr(RemoveSiteChrome(length_low=50)).startswith("RemoveSiteChrome(phrase_languages=(")
    assert "length_low=50" in repr(RemoveSiteChrome(length_low=50))


@pytest.mark.parametrize("setting", ["length_low", "length_high", "stopwords_low", "min_run_score", "header_window"])
def test_negative_settings_are_refused_naming_the_setting(setting):
    with pytest.raises(ConfigError, match=rf"remove-site-chrome: {setting} must be >= 0, not -1"):
        RemoveSiteChrome(**{setting: -1})


def test_an_unknown_phrase_language_is_refused_listing_the_known_ones():
    with pytest.raises(ConfigError, match=r"no phrase list for language 'klingon'; available: \('en', 'de'"):
        RemoveSiteChrome(phrase_languages=("en", "klingon"))


LISTING_HEAD = "\n".join(["Home", "Shop", "Brands", "Deals", "Sign in", ""])
LISTING_FOOT = "\n".join(["", "About us", "Careers", "Privacy", "Terms"])


def _listing(records: int) -> str:
    rows = []
    for number in range(records):
        rows += [
            f"Trail {number} along the Cypress Creek and back",
            f"{number % 9 + 1}.4 mi 15.2 km 49 ft up",
            "Spring, Texas, United States",
            "A flat loop under the pines, quiet in every season.",
            "",
        ]
    return LISTING_HEAD + "\n".join(rows) + LISTING_FOOT


def test_on_a_page_with_little_prose_its_list_of_records_is_the_main_text():
    decisions = _by_text(_run(_listing(12)))
    assert decisions["Trail 5 along the Cypress Creek and back"] == "kept"
    assert decisions["6.4 mi 15.2 km 49 ft up"] == "kept"
    records = [text for text in decisions if text.startswith("Trail ")]
    assert len(records) == 12 and all(decisions[text] == "kept" for text in records)


def test_a_list_of_records_is_not_kept_on_a_page_of_prose_by_the_list_rule():
    decisions = _by_text(_run(BODY + "\n\n" + BODY.upper() + "\n\n" + _listing(4)))
    records = [text for text in decisions if text.startswith("Trail ") or " mi " in text]
    assert len(records) == 8 and all(decisions[text][0] == BOILERPLATE for text in records)


def test_a_run_of_teaser_headlines_after_the_text_is_removed():
    headlines = (
        "Storm closes coastal road for the second time this month",
        "New library opens its doors in the old post office",
        "Why the salmon run failed again this year",
        "Police appeal for witnesses after crash on ring road",
    )
    decisions = _by_text(_run(f"{TITLE}\n\n{BODY}\n\n" + "\n\n".join(headlines)))
    for headline in headlines:
        assert decisions[headline] == (TEASER_LIST, "a run of headlines with no text under them")
    assert all(decisions[paragraph] == "kept" for paragraph in PARAGRAPHS)



def _thread(header: str) -> tuple[list[str], dict]:
    entries = []
    for name, day in (("Milan", 12), ("Catherine", 13), ("Alex", 17), ("Gary", 19)):
        entries.append(f"{name} on September {day}, 2018 at 4:47 pm said:")
        entries.append(f"Good to read, thanks {name}.")
    raw = f"{TITLE}\n\n{header}{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}\n\n{PARAGRAPHS[2]}\n\n4 Comments\n\n" + "\n\n".join(entries)
    return entries, _by_text(_run(raw))


def test_a_comment_thread_under_a_short_text_is_removed():
    entries, decisions = _thread("")
    assert all(decisions[paragraph] == "kept" for paragraph in PARAGRAPHS[:3])
    assert all(decisions[entry] != "kept" for entry in entries)
    assert all(decisions[entry][0] == COMMENT_THREAD for entry in entries[2:])


def test_replies_under_a_short_stamped_first_post_are_not_cut_as_comments():
    _, decisions = _thread("Pepper Pot Jun 7, 2017 at 8:28 pm\n\n")
    assert not any(decision[0] == COMMENT_THREAD for decision in decisions.values() if isinstance(decision, tuple))


def test_a_comment_form_below_the_text_ends_it():
    form = (
        "Leave a Reply Cancel reply",
        "Your email address will not be published. Required fields are marked with a star below.",
        "By submitting this form you agree to our using your data for the purposes of publishing your comment.",
    )
    decisions = _by_text(_run(f"{TITLE}\n\n{BODY}\n\n" + "\n\n".join(form)))
    assert all(decisions[paragraph] == "kept" for paragraph in PARAGRAPHS)
    assert all(decisions[line] != "kept" for line in form)
    assert decisions[form[2]] == (COMMENT_THREAD, "in the comments below the text")


# -- the pass as a closed unit ---------------------------------------------------------------

_SETTINGS = st.sampled_from(
    (
        {},
        {"use_model": False},
        {"cut_threads": False},
        {"relative_run": 0.5, "header_window": 2, "tail_window": 0},
        {"phrase_languages": ("de", "fr")},
        {"list_prose": 1.0, "list_record_words": 1.0},
    )
)


def _annotations(document: Document) -> list[tuple]:
    return [(block.role, block.removal, block.story, block.credit) for block in document.blocks]


def _closed_unit(chrome: RemoveSiteChrome, document: Document) -> None:
    """The pass is deterministic, keeps what earlier passes removed as they removed it, and only removes."""
    once = chrome(document)
    assert _annotations(chrome(document)) == _annotations(once)
    for before, after in zip(document.blocks, once.blocks, strict=True):
        assert after.text == before.text
        if before.removal is not None:
            assert after.removal == before.removal
        elif after.removal is not None:
            assert after.removal.pass_name == chrome.name


@given(dump=dumps(), settings=_SETTINGS)
def test_on_generated_dumps_the_pass_is_a_closed_unit(dump, settings):
    _closed_unit(RemoveSiteChrome(**settings), DedupCaptions()(segment(dump.text)))


@given(text=unicode_texts(), settings=_SETTINGS)
def test_on_any_text_the_pass_is_a_closed_unit(text, settings):
    _closed_unit(RemoveSiteChrome(**settings), segment(text))
