"""dense_runs: maximal positive-scoring runs, merged across cheap gaps, split by expensive ones."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scrapeclean.regions import dense_runs, repeated_shapes


def _runs(scores):
    return [(run.start, run.end, run.score) for run in dense_runs(scores)]


def test_a_cheap_gap_joins_two_runs_and_an_expensive_one_splits_them():
    assert _runs([5, -1, 4, -20, 3]) == [(0, 3, 8.0), (4, 5, 3.0)]


def test_a_short_advertisement_inside_an_article_does_not_split_it():
    article = [30, 25, -3, 28, 31]
    assert _runs(article) == [(0, 5, 111.0)]


def test_a_long_menu_between_two_stories_splits_them():
    assert _runs([30, 25, *[-3] * 30, 28, 31]) == [(0, 2, 55.0), (32, 34, 59.0)]


def test_no_positive_score_gives_no_run():
    assert _runs([]) == []
    assert _runs([-1, 0, -5]) == []


def test_leading_and_trailing_chrome_stays_outside():
    assert _runs([-2, -2, 10, 12, -2]) == [(2, 4, 22.0)]


_scores = st.lists(st.integers(-30, 30).map(float), max_size=60)


@given(_scores)
def test_runs_are_ordered_disjoint_positive_and_start_and_end_on_positive_scores(scores):
    previous_end = 0
    for run in dense_runs(scores):
        assert previous_end <= run.start < run.end <= len(scores)
        assert scores[run.start] > 0 and scores[run.end - 1] > 0
        assert run.score == sum(scores[run.start : run.end]) > 0
        previous_end = run.end


@given(_scores)
def test_every_positive_score_lies_in_some_run(scores):
    covered = {position for run in dense_runs(scores) for position in range(run.start, run.end)}
    assert all(position in covered for position, score in enumerate(scores) if score > 0)


def test_records_of_one_repeated_shape_form_a_stretch_with_their_period():
    shapes = ["menu", "menu-2"] + ["title", "digits", "sentence"] * 5 + ["footer"]
    stretches = repeated_shapes(shapes)
    inside = stretches[2:17]
    assert all(stretch is not None and stretch.period == 3 and stretch.records == 5 for stretch in inside)
    assert stretches[0] is None and stretches[-1] is None


def test_too_few_records_make_no_stretch():
    assert repeated_shapes(["a", "b"] * 3, min_records=4) == [None] * 6


def test_a_period_whose_records_hold_one_shape_is_left_to_the_shorter_period():
    stretches = repeated_shapes(["line"] * 8)
    assert {stretch.period for stretch in stretches if stretch is not None} == {1}


@given(st.lists(st.sampled_from("abc"), max_size=60))
def test_every_stretch_repeats_its_period_throughout(shapes):
    for stretch in repeated_shapes(shapes):
        if stretch is not None:
            assert stretch.records >= 4
            assert all(shapes[i] == shapes[i - stretch.period] for i in range(stretch.start + stretch.period, stretch.end))
