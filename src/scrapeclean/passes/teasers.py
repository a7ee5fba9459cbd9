"""Lists of teaser headlines kept inside or next to the main text.

Pages print links to other stories as a run of headline-shaped lines: a few
words each, no sentence punctuation, one after another with no prose between
("Trending News" boxes, "More from" lists, a rail of latest headlines). An
article's own text alternates headings with paragraphs; a run of several
headlines with nothing under any of them is a list of links to elsewhere.
Teaser records may carry a sentence under each headline, but then a date
beside most of them too (an article's sections carry none).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from ..features import PROSE_WORDS, Features

TEASER_LIST = "teaser-list"

# A line that starts like a list item or a numbered step belongs to the text's own lists.
_ITEM = regex.compile(r"^\s*(?:[*•·\-–—>»]|\d+[.)]\s)")
_DIGITS = regex.compile(r"\d+")
_MARKS = regex.compile(r"[\w\s]+")
_MIN_HEADLINES = 4
_SNIPPET_WORDS = 60
_EDGE_WORDS = 40
_MIN_WORDS, _MAX_WORDS = 4, 24


def headline_line(text: str, feature: Features) -> bool:
    """A teaser headline: a handful of words, capitalised, no full stop, not a list item or table row."""
    stripped = text.lstrip("\"'‘“«¿¡([")
    return (
        feature.letters
        and _MIN_WORDS <= feature.words <= _MAX_WORDS
        and (not feature.terminal or text.rstrip().endswith("?"))
        and not text.rstrip().endswith(":")
        and not feature.unspaced
        and bool(stripped)
        and not stripped[0].islower()
        and _ITEM.match(text) is None
        and len(_DIGITS.findall(text)) * 3 < feature.words
    )


def meta_line(text: str, feature: Features) -> bool:
    """A short line a teaser record carries beside its headline: label, source, date, time."""
    return (
        not feature.terminal
        and feature.words <= 8
        and (feature.words <= 3 or len(_DIGITS.findall(text)) * 3 >= feature.words)
    )


def _snippet(feature: Features) -> bool:
    """The sentence or two of a teaser under its headline."""
    return (feature.terminal or feature.words >= PROSE_WORDS) and feature.words <= _SNIPPET_WORDS


def _varied(texts: Sequence[str], run: Sequence[int]) -> bool:
    """Headlines of other stories differ; the items of one list often share a first word or a layout.

    The layout is a line's punctuation ("England (Group A): 10th appearance"
    reads ``():``); a layout of two or more marks shared by half the lines
    makes the run a table of records.
    """
    distinct = {texts[position] for position in run}
    firsts = Counter(text.split(maxsplit=1)[0].lower() for text in distinct)
    if max(firsts.values()) * 4 >= len(run) and max(firsts.values()) >= 2:
        return False
    layouts = Counter(_MARKS.sub("", text) for text in distinct)
    return not any(len(layout) >= 2 and count * 2 >= len(distinct) for layout, count in layouts.items())


def headline_runs(texts: Sequence[str], feats: Sequence[Features], kept: Sequence[int]) -> list[list[int]]:
    """Runs of teaser headlines: bare (title, source, date) or with a teaser sentence under each."""
    records = _runs(texts, feats, kept, True)
    if len(records) > 1:
        records = []  # records with sentences all down the page: a listing, whose records are its content
    runs = list({tuple(run): run for run in _runs(texts, feats, kept, False) + records}.values())
    listed = {position for run in runs for position in run}
    rest = [position for position in kept if position not in listed]
    return [run for run in runs if _at_edge(feats, rest, run)]


def _runs(texts: Sequence[str], feats: Sequence[Features], kept: Sequence[int], with_snippets: bool) -> list[list[int]]:
    """Runs of kept positions holding at least four teaser headlines and their meta lines.

    With ``with_snippets``, a sentence may stand under each headline, if most
    records carry a dated meta line. A run the text introduces (the line
    before it ends with a colon) is the text's own list.
    """
    runs: list[list[int]] = []
    current: list[int] = []
    headlines: list[int] = []
    snippet_positions: set[int] = set()
    dated = 0
    before = None  # the kept position just before the current run
    for position in [*kept, None]:
        if position is not None and headline_line(texts[position], feats[position]):
            current.append(position)
            headlines.append(position)
            continue
        if position is not None and meta_line(texts[position], feats[position]):
            current.append(position)
            dated += _DIGITS.search(texts[position]) is not None
            continue
        if (
            with_snippets
            and position is not None
            and headlines
            and current[-1] not in snippet_positions
            and _snippet(feats[position])
        ):
            current.append(position)
            snippet_positions.add(position)
            continue
        introduced = before is not None and texts[before].rstrip().endswith(":")
        records = len({texts[p] for p in headlines})
        stamped = not snippet_positions or dated * 2 >= records
        if records >= _MIN_HEADLINES and stamped and not introduced and _varied(texts, headlines):
            runs.append(current)
        current, headlines = [], []
        snippet_positions, dated = set(), 0
        before = position
    return runs


def _at_edge(feats: Sequence[Features], kept: Sequence[int], run: Sequence[int]) -> bool:
    """The run stands after the text's prose ends; a list amid the prose is the text's own.

    Runs above the text are left alone: the headline and its standfirst stand
    there. The text above must also outweigh the teasers' own sentences: on a
    listing page a short introduction stands above records that are its content.
    """
    before = sum(feats[p].prose_words for p in kept if p < run[0])
    after = sum(feats[p].prose_words for p in kept if p > run[-1])
    own = sum(feats[p].prose_words for p in run)
    return after < _EDGE_WORDS <= before and own <= before

