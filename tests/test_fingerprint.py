"""Normalisation keys: blocks that differ only in case, quotes, dashes, digits or spacing compare equal."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st
from strategies import typographic

from scrapeclean.fingerprint import fold, has_letters, key, key_of_tokens, tokens, words


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ('The town\'s "last big fight"', "The town’s “last big fight”"),
        ("Troops - and tanks", "Troops — and tanks"),
        ("Troops – and tanks", "troops and tanks"),
        ("SHOUTED HEADLINE", "shouted headline"),
        ("Around 1,500 fighters in 2017", "Around 9,999 fighters in 2018"),
        ("  spaced\tout   words ", "spaced out words"),
        ("ﬁnal ＷＯＲＤＳ", "final words"),
        ("Straße", "STRASSE"),
        ("(AFP Photo/MOADH AL-DULAIMI)", "AFP photo moadh al dulaimi"),
    ],
    ids=["quotes", "em-dash", "en-dash", "case", "digits", "spacing", "compatibility-forms", "casefold", "punctuation"],
)
def test_variants_of_one_block_share_a_key(first, second):
    assert key(first) == key(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Share on Facebook", "Share on Twitter"),
        ("The army entered the town", "The army left the town"),
        ("one two", "onetwo"),
    ],
)
def test_different_words_give_different_keys(first, second):
    assert key(first) != key(second)


def test_the_key_is_the_folded_words_with_digits_as_zero():
    assert key("Iraqi forces enter Al-Qaim, 2017!") == "iraqi forces enter al qaim 0000"
    assert key("") == ""
    assert key("— … ‘’ —") == ""


def test_words_are_the_benchmarks_word_tokens():
    assert words("It's 1,500 km—far.") == ["It", "s", "1", "500", "km", "far"]
    assert words("") == []


def test_fold_folds_case_and_compatibility_forms():
    assert fold("ÉCOLE") == "école"
    assert fold("ＡＢＣ") == "abc"
    assert fold("plain ascii") == "plain ascii"


def test_key_of_tokens_joins_already_folded_tokens():
    assert key_of_tokens(["share", "on", "x"]) == "share on x"
    assert key_of_tokens(["top", "10"]) == "top 00"
    assert key_of_tokens([]) == ""


def test_has_letters_ignores_digits_and_punctuation():
    assert has_letters("20 TT")
    assert has_letters("مرحبا")
    assert not has_letters("20 | - 1,500")
    assert not has_letters("")


_ascii_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=80)


@given(_ascii_text)
def test_typographic_quotes_and_case_never_change_a_key(text):
    assert key(typographic(text)) == key(text)
    assert key(text.upper()) == key(text) == key(text.lower())


@given(st.text(max_size=80))
def test_a_key_is_its_own_key(text):
    assert key(key(text)) == key(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("plain ascii words", ["plain", "ascii", "words"]),
        ("the town’s café", ["the", "town", "s", "café"]),
        ("市议会 votes", ["市", "议", "会", "votes"]),
        ("สวัสดีครับ", ["สวัสดี"[:4], "สวัสดีครับ"[4:8], "สวัสดีครับ"[8:]]),
    ],
)
def test_tokens_cut_unspaced_scripts_and_leave_others_as_word_runs(text, expected):
    assert tokens(text) == expected
