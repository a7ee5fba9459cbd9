"""Properties every cleaning must have, whatever the input.

* never invents text: every title, caption and body paragraph is the input
  at one of the article's spans; spans lie inside the input, in order;
* idempotent: cleaning scrapeclean's own text output gives that text back;
* deterministic and independent of what was cleaned before, in this process
  or another (with another hash seed);
* never raises on any string;
* clean prose with no chrome passes through untouched.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import Dump, StorySpec, dumps, multi_story_dumps, prose_stories, unicode_texts

import scrapeclean


def _check_traceable(raw: str, articles: list[scrapeclean.Article]) -> None:
    """Every kept piece of every article is the input at one of its spans; spans are ordered and in range."""
    for article in articles:
        spans = list(article.spans)
        previous_end = 0
        for span in spans:
            assert previous_end <= span.start < span.end <= len(raw), f"span {span} out of order or out of range"
            previous_end = span.end
        texts = Counter(raw[span.start : span.end] for span in spans)
        pieces = [article.title, article.section, article.byline, article.dateline]
        pieces += [caption.text for caption in article.captions] + list(article.body)
        used = Counter(piece for piece in pieces if piece is not None)
        assert not used - texts, f"article {article.index} shows text that is not at any of its spans: {used - texts}"
        # The body keeps the input's order.
        remaining = iter(raw[span.start : span.end] for span in spans)
        assert all(any(paragraph == text for text in remaining) for paragraph in article.body), "body out of order"
        for caption in article.captions:
            assert raw[caption.span.start : caption.span.end] == caption.text
            assert caption.credit is None or caption.credit in raw  # a credit may stand on its own line
        for removed in article.removed:
            assert 0 <= removed.span.start < removed.span.end <= len(raw)
            assert removed.pass_name and removed.reason


def _check_reading_order(articles: list[scrapeclean.Article]) -> None:
    """Articles follow one another in the input: each one's kept blocks all come after the previous one's."""
    previous_end = 0
    for article in articles:
        if article.spans:
            assert article.spans[0].start >= previous_end, f"article {article.index} starts inside the one before"
            previous_end = article.spans[-1].end


def _check_accounted(raw: str, articles: list[scrapeclean.Article]) -> None:
    """Every block of the input is reported once: kept by one article, or removed."""
    if not articles:
        return  # nothing kept: there is no article to list the removals in
    kept = [span for article in articles for span in article.spans]
    removed = [item.span for article in articles for item in article.removed]
    assert sorted(kept + removed) == [block.span for block in scrapeclean.segment(raw).blocks]


def _stable(text: str) -> None:
    once = scrapeclean.to_text(scrapeclean.clean(text))
    twice = scrapeclean.to_text(scrapeclean.clean(once))
    assert twice == once


# -- never invents text -----------------------------------------------------------------------


@given(dumps())
def test_never_invents_text_in_noisy_dumps(dump):
    articles = scrapeclean.clean(dump.text)
    _check_traceable(dump.text, articles)
    _check_accounted(dump.text, articles)


@given(unicode_texts())
def test_never_invents_text_in_any_string(text):
    articles = scrapeclean.clean(text)
    _check_traceable(text, articles)
    _check_accounted(text, articles)


# Found by hypothesis (shrunk by hand to these paragraphs): the last paragraph,
# printed twice, is taken for a caption; the confirming round splits the
# stories at the second headline and gives the caption, which the text form
# does not show, its old story number 0, so the first article gets a block
# from after the second.
_INTERLEAVED = "\n\n".join(
    (
        (
            "Several candidates questioned the count of postal ballots after the first round, although several "
            "candidates supported the turnout in rural districts. Who would have guessed that the prime minister "
            "promised the proposed budget for schools at a rally in the north? Several candidates criticised the "
            "turnout in rural districts after the first round, and 186 people came to see it."
        ),
        (
            "Party officials questioned a reform of the upper chamber in a statement to parliament, because the "
            "governing coalition rejected the proposed budget for schools. Campaign volunteers defended a reform of "
            "the upper chamber ahead of the vote, because independent observers criticised the turnout in rural "
            "districts. Campaign volunteers announced a reform of the upper chamber in a statement to parliament. Who "
            "would have guessed that party officials defended the timetable for the runoff at a rally in the north?"
        ),
        "Researchers at the Marine Station Tag Nesting Birds on the Sandbanks Upstream of the Mill",
        (
            "A team of ecologists counted young salmon in the shallow channel upstream of the mill, after local "
            "fishermen photographed oyster beds along the northern shore. Researchers at the marine station reported "
            "eels below the ferry crossing below the stone bridge, after volunteers from the village measured otters "
            "near the old weir. Researchers at the marine station tagged young salmon in the shallow channel upstream "
            'of the mill. "The water company counted young salmon in the shallow channel along the tidal creek, which '
            'is what matters to us," she said in an interview.'
        ),
        (
            "A team of ecologists tagged otters near the old weir near the river mouth, although a team of ecologists "
            "measured the clarity of the water. Who would have guessed that local fishermen reported nesting birds on "
            "the sandbanks along the tidal creek? A team of ecologists counted the clarity of the water near the river "
            "mouth, and 186 people came to see it."
        ),
        (
            "Volunteers from the village tagged seals resting on the mudflats after the spring floods, because "
            "researchers at the marine station photographed nesting birds on the sandbanks. The water company found "
            "seals resting on the mudflats beside the reed beds, because the county council counted the clarity of the "
            "water. The water company monitored seals resting on the mudflats after the spring floods. Who would have "
            "guessed that volunteers from the village found eels below the ferry crossing along the tidal creek?"
        ),
        *[
            (
                "Researchers at the marine station recorded eels below the ferry crossing at low tide. Who would have "
                "guessed that local fishermen tagged the level of the estuary near the river mouth? The harbour master "
                "measured the clarity of the water below the stone bridge, but the water company photographed young "
                "salmon in the shallow channel. Volunteers from the village tagged seals resting on the mudflats below "
                "the stone bridge."
            )
        ]
        * 2,
    )
)


@given(dumps())
@example(Dump(text=_INTERLEAVED, stories=()))
def test_articles_come_in_reading_order(dump):
    _check_reading_order(scrapeclean.clean(dump.text))


# -- idempotent ---------------------------------------------------------------------------------


@given(dumps())
def test_cleaning_cleaned_text_changes_nothing(dump):
    _stable(dump.text)


@given(multi_story_dumps())
def test_cleaning_cleaned_multi_story_text_changes_nothing(dump):
    _stable(dump.text)


@given(unicode_texts())
def test_cleaning_cleaned_unicode_changes_nothing(text):
    _stable(text)


# -- deterministic, whatever came before ------------------------------------------------------------


def _as_json(articles: list[scrapeclean.Article]) -> list[dict]:
    return [article.to_dict() for article in articles]


@given(dumps(max_stories=1), dumps(max_stories=1))
def test_result_does_not_depend_on_what_was_cleaned_before(first, second):
    alone = _as_json(scrapeclean.clean(first.text))
    scrapeclean.clean(second.text)
    assert _as_json(scrapeclean.clean(first.text)) == alone


_FIXED_INPUTS = (
    "Home\nNews\n\nWorld\n\nA Headline Over the Story\n\n"
    + "The army said on Friday that it had entered the town. " * 6,
    "Troops at the border near the town. (File/Reuters)\n" * 3
    + "\nTT\n20\n\n"
    + "Soldiers walked along the road. " * 9,
    ("First Story About the River\n\n" + "Seals rest on the sandbanks of the estuary at low tide. " * 8)
    + "\n\n\n\nSecond Story About the Football Derby\n\n"
    + "The striker scored a late goal in the derby against their rivals. " * 8,
)

_CHILD = """
import json, sys
import scrapeclean
inputs = json.load(sys.stdin)
json.dump([[a.to_dict() for a in scrapeclean.clean(text)] for text in inputs], sys.stdout)
"""


def test_results_are_equal_in_fresh_processes_with_other_hash_seeds():
    here = [_as_json(scrapeclean.clean(text)) for text in _FIXED_INPUTS]
    for seed in ("0", "1", "12345"):
        child = subprocess.run(
            [sys.executable, "-c", _CHILD],
            input=json.dumps(_FIXED_INPUTS),
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            timeout=120,  # a hang detector only
            check=True,
        )
        assert json.loads(child.stdout) == here, f"results differ with PYTHONHASHSEED={seed}"


# -- never raises ------------------------------------------------------------------------------------


@given(unicode_texts(max_size=400))
@example("")
@example("\r\n\r\n\x0c\u2028\u2029\x85\x0b")
@example("\u200b\u200b\ufeff")
@example("\u202eالعنوان الرئيسي\u202c\n\nنص المقال هنا.")
@example("Share on Facebook\n" * 5)
def test_never_raises_on_any_string(text):
    articles = scrapeclean.clean(text)
    for article in articles:
        json.dumps(article.to_dict())


@given(st.binary(max_size=50))
def test_bytes_are_refused_with_input_error(data):
    try:
        scrapeclean.clean(data)  # type: ignore[arg-type]
    except scrapeclean.InputError:
        return
    raise AssertionError("bytes were accepted")


# -- clean prose passes through ---------------------------------------------------------------------


# Found by the property below on an earlier version: a headline of 70
# characters or more with few stopwords, which the chrome pass classes as a
# "bad" block, was dropped as boilerplate above a (shrunk, repetitive) body.
_SENTENCE = "The baker baked sourdough loaves with a dark crust before dawn, and the baker baked sourdough loaves."
_LONG_HEADLINE_STORY = StorySpec(
    title="Her Apprentice Bake Almond Pastries with Apricot Jam Throughout the Winter",
    body=tuple(" ".join([_SENTENCE] * count) for count in (2, 3, 4)),
)


@given(prose_stories())
@example(_LONG_HEADLINE_STORY)
def test_clean_prose_passes_through_untouched(story):
    articles = scrapeclean.clean(story.text())
    assert len(articles) == 1
    article = articles[0]
    assert article.title == story.title
    assert article.body == story.body
    assert article.captions == ()
    assert [(item.reason, item.detail) for item in article.removed] == []


def test_the_checks_catch_invented_or_unreported_text():
    raw = "Title line\n\nOne paragraph."
    span = scrapeclean.Span(12, 26)
    good = scrapeclean.Article(index=0, body=["One paragraph."], spans=[span])
    _check_traceable(raw, [good])
    invented = scrapeclean.Article(index=0, body=["One paragraph!"], spans=[span])
    with pytest.raises(AssertionError, match="not at any of its spans"):
        _check_traceable(raw, [invented])
    shown_twice = scrapeclean.Article(index=0, body=["One paragraph.", "One paragraph."], spans=[span])
    with pytest.raises(AssertionError):
        _check_traceable(raw, [shown_twice])
    with pytest.raises(AssertionError, match="out of order"):
        _check_traceable(raw, [scrapeclean.Article(index=0, body=[], spans=[span, scrapeclean.Span(0, 10)])])
    with pytest.raises(AssertionError):
        _check_accounted(raw, [good])  # the title line is neither kept nor removed
    title = scrapeclean.Article(index=1, body=["Title line"], spans=[scrapeclean.Span(0, 10)])
    _check_reading_order([title, good])
    with pytest.raises(AssertionError, match="starts inside the one before"):
        _check_reading_order([good, title])
