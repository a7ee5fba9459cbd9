"""Phrase lists: whole-line UI phrases, prefix phrases with a little slack, per-language files."""

from __future__ import annotations

import pytest

from scrapeclean import ConfigError
from scrapeclean.fingerprint import key
from scrapeclean.phrases import CATEGORIES, PHRASE_LANGUAGES, PREFIX_SLACK, check_languages, phrase_set


def _matches(category: str, line: str, languages: tuple[str, ...] = PHRASE_LANGUAGES) -> bool:
    return phrase_set(category, languages).matches(key(line))


@pytest.mark.parametrize(
    ("category", "line"),
    [
        ("ui", "Connect with us"),
        ("ui", "Hi, what are you looking for?"),
        ("ui", "SHARE ON FACEBOOK"),
        ("ui", "Zum Inhalt springen"),
        ("ui", "Iniciar sesión"),
        ("end", "You may also like:"),
        ("end", "Das könnte Sie auch interessieren"),
        ("end", "Noticias relacionadas"),
        ("byline", "Written By"),
        ("bio", "About the author"),
        ("closing", "Final thoughts"),
        ("closing", "Fazit: Lohnt sich der Kauf?"),
    ],
)
def test_phrases_match_whole_lines_after_normalisation(category, line):
    assert _matches(category, line)


def test_a_prefix_phrase_matches_short_lines_that_start_with_it():
    assert _matches("ui", "Share on LinkedIn")
    assert _matches("ui", "Follow us on Instagram")
    longest = phrase_set("ui").longest_prefix
    assert not _matches("ui", "Share " + "word " * (longest + PREFIX_SLACK))


def test_prose_that_mentions_a_phrase_is_not_matched():
    assert not _matches("ui", "Connect with us on the long road to the coast, the guide said.")
    assert not _matches("end", "You may also like the new bridge over the river.")
    assert not _matches("ui", "Homecoming")


def test_italian_and_russian_lists_name_their_trailing_sections():
    assert _matches("end", "Articoli correlati", ("it",))
    assert _matches("end", "Вам также может быть интересно", ("ru",))
    assert not _matches("end", "Вам также может быть интересно", ("en",))
    assert _matches("end", "関連記事", ("ja",)) and _matches("end", "相关文章", ("zh",))
    assert not _matches("end", "関連", ("ja",))


def test_languages_choose_the_lists():
    assert _matches("ui", "Teilen", ("de",))
    assert not _matches("ui", "Teilen", ("en",))
    assert not _matches("ui", "Compartir", ("en", "de"))


def test_every_category_of_every_language_loads():
    for category in CATEGORIES:
        for language in PHRASE_LANGUAGES:
            assert phrase_set(category, (language,)).exact or phrase_set(category, (language,)).prefixes


def test_an_unknown_category_is_refused_naming_it():
    with pytest.raises(ConfigError, match=r"unknown phrase category 'widgets'; use one of \('ui', 'end'"):
        phrase_set("widgets")


def test_check_languages_refuses_an_unknown_language_listing_the_known_ones():
    assert check_languages(["en", "fr"]) == ("en", "fr")
    with pytest.raises(
        ConfigError, match=r"no phrase list for language 'xx'; available: \('en', 'de', 'fr', 'es', 'pt', 'it', 'ru', 'ja', 'zh', 'cs'"
    ):
        check_languages(("en", "xx"))
