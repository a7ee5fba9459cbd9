"""Block features: words, stopwords, sentence ends, headline shape; the document's language."""

from __future__ import annotations

import pytest

from scrapeclean import segment
from scrapeclean.features import LANGUAGES, analyse, detect_language, features, stopwords

ENGLISH = "The army said on Friday that it had entered the town after a night of heavy fighting in the suburbs."
GERMAN = "Die Stadt will bis zum Jahr 2030 alle Straßenbahnen auf Ökostrom umstellen, sagte der Stadtrat am Dienstag."
SPANISH = "El ayuntamiento abrirá el próximo lunes un nuevo comedor social en el antiguo mercado del barrio."


@pytest.mark.parametrize(("text", "language"), [(ENGLISH, "en"), (GERMAN, "de"), (SPANISH, "es")])
def test_the_language_is_the_one_whose_stopwords_cover_most_words(text, language):
    assert detect_language([text, text]) == language


def test_no_language_fits_text_without_stopwords():
    assert detect_language(["TT", "20", "Xqz Vrrp Blorf"]) == ""
    assert detect_language([]) == ""


def test_stopword_lists_load_for_every_language_and_unknown_codes_give_none():
    assert "the" in stopwords("en") and "und" in stopwords("de")
    assert all(stopwords(language) for language in LANGUAGES)
    assert stopwords("xx") == frozenset()


def test_features_of_a_sentence():
    feature = features(ENGLISH, "en")
    assert feature.words == 20
    assert feature.terminal and feature.letters
    assert (feature.stopwords, feature.stopword_density) == (14, 0.7)
    assert not feature.heading_like


@pytest.mark.parametrize(
    ("text", "heading_like"),
    [
        ("Harbour seals return to the estuary", True),
        ("Iraqi Forces Enter al-Qaim in ‘Last Big Fight’ against ISIS", True),
        ("Seals", False),
        ("20", False),
        (ENGLISH, False),
    ],
)
def test_headline_shape(text, heading_like):
    assert features(text).heading_like is heading_like


@pytest.mark.parametrize("text", ["It ended.", "“It ended.”", "Did it end?", "It ended (finally).", "終わった。"])
def test_sentence_ends_behind_quotes_and_brackets(text):
    assert features(text).terminal


def test_analyse_gives_every_block_its_features_and_the_document_language():
    document = segment(f"Menu\n{ENGLISH}\n{ENGLISH}")
    analysis = analyse(document)
    assert analysis.language == "en"
    assert len(analysis.features) == 3
    assert analysis.features[0].key == "menu"
    assert analyse(document) is analysis  # computed once per document
