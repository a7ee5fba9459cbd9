"""Checks shared by the hostile-input and fuzz tests: a valid result, stable, within a time limit.

``check_valid`` is the core's promise for any string: every kept piece of
every article is the input at one of its spans (never invented), spans lie
in order inside the input, every block is kept or reported removed exactly
once, and the result serialises to JSON. ``check_stable`` is idempotence:
cleaning scrapeclean's own text form gives it back.

``time_limit`` is a hang detector: it interrupts a call that runs past a
generous bound (the ``regex`` module checks for signals while matching, so
even a runaway regular expression is stopped) and fails the test with
``Hang``. It is not a speed test; speed is measured in the benchmarks.
"""

from __future__ import annotations

import json
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import scrapeclean
from scrapeclean.corpus.rewrite import unified_diff


class Hang(AssertionError):
    """A call ran past its time limit: a hang, or time far from linear in the input's size."""


@contextmanager
def time_limit(seconds: float, what: str = "cleaning") -> Iterator[None]:
    """Fail with ``Hang`` when the block runs longer than ``seconds`` (wall clock; main thread only)."""

    def interrupt(signum: int, frame: Any) -> None:
        raise Hang(f"{what} took more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except Hang as hang:
        # Raised afresh here: the handler may have struck in a frame without a line
        # number, which pytest cannot show.
        raise Hang(str(hang)) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def cpu_seconds(call: Callable[[], Any]) -> tuple[Any, float]:
    """The result of ``call()`` and the CPU time it took (steadier than wall time on a busy machine)."""
    start = time.process_time()
    result = call()
    return result, time.process_time() - start


def check_valid(raw: str, articles: list[scrapeclean.Article]) -> None:
    """Never invents text, spans in order and in range, every block accounted for once, JSON-serialisable."""
    assert isinstance(articles, list) and all(isinstance(article, scrapeclean.Article) for article in articles)
    previous_end = 0
    for article in articles:
        for span in article.spans:
            assert previous_end <= span.start < span.end <= len(raw), f"span {span} out of order or out of range"
            previous_end = span.end
        at_spans = Counter(raw[span.start : span.end] for span in article.spans)
        pieces = [article.title, article.section, article.byline, article.dateline]
        pieces += [caption.text for caption in article.captions] + list(article.body)
        shown = Counter(piece for piece in pieces if piece is not None)
        assert not shown - at_spans, f"article {article.index} shows text found at none of its spans"
        for caption in article.captions:
            assert raw[caption.span.start : caption.span.end] == caption.text
        for removed in article.removed:
            assert 0 <= removed.span.start < removed.span.end <= len(raw) and removed.pass_name and removed.reason
        json.dumps(article.to_dict())
    if articles:
        kept = [span for article in articles for span in article.spans]
        removed_spans = [item.span for article in articles for item in article.removed]
        blocks = [block.span for block in scrapeclean.segment(raw).blocks]
        assert sorted(kept + removed_spans) == blocks, "some block is neither kept nor reported removed, or twice"


def check_stable(once: str) -> None:
    """Cleaning scrapeclean's text form again gives the same text form; if not, the error shows what changed."""
    twice = scrapeclean.to_text(scrapeclean.clean(once))
    if twice != once:
        raise AssertionError("cleaning the cleaned text changed it:\n" + unified_diff(once, twice, "the cleaned text"))


def clean_and_check(raw: str, seconds: float = 60) -> str:
    """Clean ``raw`` within ``seconds``, check the result is valid and stable; returns its text form."""
    with time_limit(seconds):
        articles = scrapeclean.clean(raw)
        check_valid(raw, articles)
        once = scrapeclean.to_text(articles)
        check_stable(once)
    return once
