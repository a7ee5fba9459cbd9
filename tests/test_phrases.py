"""Choosing phrase lists: the chrome pass's languages, checked where they are set.

What the lists match is tested with the engine (`engine/src/phrases.rs`); here,
the setting a user gives and what it changes in a cleaned page.
"""

from __future__ import annotations

import pytest

from scrapeclean import ConfigError, segment
from scrapeclean.passes import RemoveSiteChrome
from scrapeclean.phrases import PHRASE_LANGUAGES, check_languages

BODY = (
    "Harbour seals have returned to breed in the estuary for the first time in four decades, according to a "
    "survey published on Tuesday by the regional wildlife trust.\n\n"
    "Volunteers counted forty-six adults and eleven pups on the sandbanks below the old ferry crossing, where "
    "the last breeding colony was recorded in the early 1980s."
)


def test_every_language_with_a_list_is_known_and_english_comes_first():
    assert PHRASE_LANGUAGES[0] == "en" and len(set(PHRASE_LANGUAGES)) == len(PHRASE_LANGUAGES)
    assert {"de", "fr", "es", "ja", "zh", "cs", "pl", "nl", "sv", "tr", "ar", "ko", "id", "vi"} <= set(PHRASE_LANGUAGES)


def test_check_languages_refuses_an_unknown_language_listing_the_known_ones():
    assert check_languages(["en", "fr"]) == ("en", "fr")
    with pytest.raises(ConfigError, match=r"no phrase list for language 'xx'; available: \('en', 'de'"):
        check_languages(("en", "xx"))


def test_the_languages_setting_chooses_the_lists_the_pass_reads():
    raw = f"Teilen\n\n{BODY}"
    teilen = {language: RemoveSiteChrome(phrase_languages=language)(segment(raw)).blocks[0].removal for language in (("de",), ("en",))}
    assert teilen[("de",)] is not None and teilen[("de",)].reason == "ui-phrase"
    assert teilen[("en",)] is None or teilen[("en",)].reason != "ui-phrase"
