"""The benchmark's metrics against hand-computed cases and the benchmark's own published numbers."""

from __future__ import annotations

import doctest
import json
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks import composites, metrics
from benchmarks.datasets import Page, Story
from benchmarks.metrics import Counts, Scores

AEB = PROJECT_ROOT.parent / "shared" / "data" / "aeb"


def approx(values, **kwargs):
    return pytest.approx(tuple(values), abs=1e-9, **kwargs)


# --- shingles (article-extraction benchmark) ---------------------------------------------


def test_shingle_counts_are_normalised_per_page():
    # gold shingles {abcd, bcde}; predicted {abcd}: tp 1, fp 0, fn 1, over 2
    assert metrics.shingle_counts("a b c d e", "a b c d") == approx((0.5, 0.0, 0.5))


def test_repeated_text_counts_every_extra_shingle_as_false_positive():
    # predicted shingles: abcd, bcda, cdab, dabc, abcd; gold: abcd once -> tp 1, fp 4, fn 0
    assert metrics.shingle_counts("a b c d", "a b c d a b c d") == approx((0.2, 0.8, 0.0))


def test_shingles_keep_case_but_ignore_punctuation():
    assert metrics.shingle_counts("A b c d", "a b c d") == approx((0.0, 0.5, 0.5))
    assert metrics.shingle_counts("a, b. c! d?", "a b c d") == approx((1.0, 0.0, 0.0))


def test_text_shorter_than_a_shingle_is_one_short_shingle():
    assert metrics.shingle_counts("hello world", "hello world") == approx((1.0, 0.0, 0.0))
    assert list(metrics.shingles("")) == []


def test_benchmark_f1_comes_from_averaged_precision_and_recall():
    # page 1: P 1, R 0.5; page 2: P 0.5, R 1. Mean P = mean R = 0.75, so F1 0.75
    # (the mean of the per-page F1s would be 0.667).
    scores = metrics.shingle_scores([Counts(0.5, 0.0, 0.5), Counts(0.5, 0.5, 0.0)])
    assert scores == approx((0.75, 0.75, 0.75))


def test_pages_without_predicted_or_gold_shingles_leave_that_mean():
    empty_prediction = metrics.shingle_counts("a b c d", "")
    assert empty_prediction == approx((0.0, 0.0, 1.0))
    assert metrics.page_precision(empty_prediction) is None
    assert metrics.page_recall(empty_prediction) == 0.0
    scores = metrics.shingle_scores([empty_prediction, Counts(0.5, 0.5, 0.0)])
    assert scores.precision == pytest.approx(0.5)
    assert scores.recall == pytest.approx(0.5)  # mean of 0 and 1


def test_exact_page_scores_one_and_both_empty_is_left_out():
    assert metrics.page_precision(Counts(1.0, 0.0, 0.0)) == 1.0
    both_empty = metrics.shingle_counts("", "")
    assert metrics.page_precision(both_empty) is None and metrics.page_recall(both_empty) is None


@pytest.mark.skipif(not (AEB / "output" / "html-text.json").exists(), reason=f"needs the benchmark data at {AEB}")
def test_raw_html_text_dump_scores_the_published_numbers():
    gold = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    dumps = json.loads((AEB / "output" / "html-text.json").read_text(encoding="utf-8"))["output"]
    scores = metrics.shingle_scores(
        metrics.shingle_counts(gold[key]["articleBody"], dumps[key]["articleBody"]) for key in gold
    )
    assert (round(scores.precision, 3), round(scores.recall, 3), round(scores.f1, 3)) == (0.500, 0.994, 0.665)


# --- word F1 (WCXB) -------------------------------------------------------------------


def test_word_scores_are_a_lowercased_bag_of_words():
    # overlap 3 of 3 predicted and 4 gold words
    assert metrics.word_scores("the cat sat", "The cat sat down") == approx((1.0, 0.75, 6 / 7))
    assert metrics.word_scores("sat cat the", "the cat sat") == approx((1.0, 1.0, 1.0))


def test_word_scores_clip_repeated_words_to_the_gold_count():
    # predicted "a a a b": overlap min(3,1) + min(1,1) = 2; P 2/4, R 2/2
    assert metrics.word_scores("a a a b", "a b") == approx((0.5, 1.0, 2 / 3))


def test_word_scores_on_empty_texts():
    assert metrics.word_scores("", "") == approx((1.0, 1.0, 1.0))
    assert metrics.word_scores("words", "") == approx((0.0, 0.0, 0.0))
    assert metrics.word_scores("", "words") == approx((0.0, 0.0, 0.0))


def test_word_tokens_are_unicode_words():
    assert metrics.tokens("Café naïve—déjà_vu 42", lowercase=True) == ["café", "naïve", "déjà_vu", "42"]


def test_wcxb_f1_is_the_mean_of_page_f1s():
    pages = [Scores(1.0, 0.5, 2 / 3), Scores(0.5, 1.0, 2 / 3)]
    assert metrics.mean_scores(pages) == approx((0.75, 0.75, 2 / 3))


# --- titles and stories ---------------------------------------------------------------


def test_title_match_ignores_only_whitespace():
    assert metrics.title_matches("  A\n title ", "A title")
    assert not metrics.title_matches("A Title", "A title")
    assert not metrics.title_matches(None, "A title")


def test_stories_are_matched_one_to_one_best_first():
    predicted = ["gamma delta", "alpha beta", "alpha beta extra"]
    gold = ["alpha beta", "gamma delta"]
    assert metrics.match_stories(predicted, gold) == [(0, 1, 1.0), (1, 0, 1.0)]
    assert metrics.per_story_f1(predicted, gold) == 1.0


def test_a_missed_story_scores_zero_in_the_mean():
    # one article holding both stories: matched to one gold story at F1 2/3, the other story unmatched
    assert metrics.per_story_f1(["a b c d"], ["a b", "c d"]) == pytest.approx((2 / 3) / 2)
    assert metrics.per_story_f1([], ["a b"]) == 0.0


def test_metric_doctests():
    assert doctest.testmod(metrics).failed == 0


# --- composites -------------------------------------------------------------------------


def test_typographic_variant_curls_straight_quotes_and_straightens_curly_ones():
    assert composites.typographic_variant("\"Yes,\" he said, 'it's done'") == "“Yes,” he said, ‘it’s done’"
    assert composites.typographic_variant("“Yes,” he’d say") == '"Yes," he\'d say'


def test_dup_composite_repeats_the_story_with_varied_quotes():
    body = 'It\'s the first line of the story, told plainly.\n\nAnd the second line of the story, told "plainly" too.'
    dump = "Menu\nHome\nA headline here\nIt's the first line of the story, told plainly.\n"
    dump += 'And the second line of the story, told "plainly" too.\nFooter links'
    page = Page("test", "1", "article", (Story("A headline here", body),))
    doubled = composites.make_dup(dump, page).split("\n")
    assert doubled[:5] == dump.split("\n")[:5]
    assert doubled[6:9] == [
        "A headline here",
        "It’s the first line of the story, told plainly.",
        "And the second line of the story, told “plainly” too.",
    ]
    assert doubled[-1] == "Footer links"


def test_composite_doctests():
    assert doctest.testmod(composites).failed == 0
