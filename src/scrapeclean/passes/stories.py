"""Split a dump that holds several stories (infinite-scroll pages) into one story each.

A new story starts at a headline that follows a stretch of prose and is
followed by prose of its own, when the evidence adds up:

* a page break (form feed) before it: scrapeclean's own story separator, always a split;
* the topic changes: few content words shared by the text before and after
  (lexical cohesion, as TextTiling measures it; words weighted by their
  rarity in the dump), required for any other split;
* the similarity dips there below its level on either side (TextTiling's depth);
* two blank lines or more before it, or removed chrome between it and the text before;
* the headline printed twice, or a caption, byline or dateline under it (both a byline and a date: one more).

A milder topic change needs two of these signs (stories on related topics).
A numbered item, a line ending in a colon, the headline of a closing section
("Conclusion"), or a headline whose label lines repeat those above it (items
of one list) starts no story.

Every story keeps some prose; of two headlines closer than that, the one with
more evidence wins, so a footer or a short list at a story's end does not
become a story of its own, and a short story beside one twice its length (a
bio, a cookie table, a closing section) joins it unless its headline is sure
or dated.

Subheadings inside one article share its vocabulary and have none of the
furniture of a headline, so they do not split it. Every block, removed ones
included, gets the number of the story it stands in; a story's headline zone
(caption or label lines kept just above the headline) moves with it.

>>> from scrapeclean.segment import segment
>>> doc = SplitStories()(segment("One story. " * 30 + "\\n\\f\\nOther tale. " + "Other tale. " * 30))
>>> [b.story for b in doc.blocks]
[0, 1]
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import ClassVar

import regex
from attrs import Factory, define, field, frozen

from ..engine import run_builtin
from ..features import Analysis, Features, analyse
from ..fingerprint import cut, fold, key, unspaced
from ..model import Block, Document, Role
from ..phrases import phrase_set
from ._settings import at_least
from .repeats import copied_headings
from .roles import is_dateline

# A numbered item ("4. Create a plan", "2) Pop filters") continues a list, and a line
# ending in a colon leads into what follows: neither is the headline of a new story.
_ITEM_OR_LEAD_IN = regex.compile(r"^\s*\d{1,3}[.)]\s|:\s*$")
_FURNITURE_WORDS = 3  # a label line such as "Book now" or "Read on Amazon" is this short
_FURNITURE_LINES = 4  # lines under a headline looked at for its item's labels
_FURNITURE_REACH = 40  # blocks above a headline looked at for the same labels
_TEMPLATED_SHARE = 0.5  # share of a story's word triples repeated across its lines: a table of one template
_BOILERPLATE_REASONS = frozenset({"boilerplate", "related-content", "widget", "ui-phrase", "author-bio"})


@frozen
class SplitStories:
    """Number the stories of a dump; a page break always starts a new one."""

    name: ClassVar[str] = "split-stories"

    min_story_words: int = field(default=70, validator=at_least(0, "split-stories", strictly=True))
    window_words: int = field(default=250, validator=at_least(0, "split-stories", strictly=True))
    max_similarity: float = field(default=0.08, validator=at_least(0, "split-stories", strictly=True))
    min_evidence: int = field(default=1, validator=at_least(0, "split-stories", strictly=True))
    # With no other sign, a topic change this sharp still starts a new story.
    sharp_similarity: float = field(default=0.02, validator=at_least(0, "split-stories", strictly=True))
    # A dip in similarity this deep below both sides' highest adds a sign.
    min_depth: float = field(default=0.07, validator=at_least(0, "split-stories", strictly=True))
    # With two signs of a headline's furniture, a milder topic change suffices (stories on related topics).
    relaxed_similarity: float = field(default=0.12, validator=at_least(0, "split-stories", strictly=True))
    # Prose a story beside one twice its length needs unless its headline has strong signs or a date.
    short_story_words: int = field(default=150, validator=at_least(0, "split-stories", strictly=True))
    # Prose on either side a headline needs when its evidence is not sure (an under-signed subheading).
    unsure_story_words: int = field(default=140, validator=at_least(0, "split-stories", strictly=True))

    def __call__(self, document: Document) -> Document:
        return run_builtin(document, (self,))

    def reference(self, document: Document) -> Document:
        """The Python implementation the engine's pass is checked against (benchmarks/differential.py)."""
        kept = [block for block in document.blocks if block.removal is None]
        if len(kept) < 2:
            return document
        analysis = analyse(document)
        feats = [analysis.features[block.index] for block in kept]
        content = [_content_words(block.text, analysis.stopwords) for block in kept]
        view = _View(
            document=document,
            kept=kept,
            feats=feats,
            content=content,
            weights=_weights(content),
            copied=copied_headings(document),
            analysis=analysis,
        )
        starts = self._story_starts(view)
        if not starts:
            return document
        return _number(document, [kept[position].index for position in starts])

    def _story_starts(self, view: _View) -> list[int]:
        count = len(view.kept)
        breaks = [position for position in range(1, count) if _breaks_before(view, position)]
        prose = [0] * (count + 1)  # words of prose before each position
        for position, feature in enumerate(view.feats):
            prose[position + 1] = prose[position] + (0 if feature.heading_like else feature.words)
        bounds = [0, *breaks, count]
        starts = list(breaks)
        for low, high in zip(bounds, bounds[1:]):
            starts.extend(self._headline_starts(view, prose, low, high))
        return sorted(set(starts))

    def _headline_starts(self, view: _View, prose: Sequence[int], low: int, high: int) -> list[int]:
        """Story starts at the headlines between two page breaks.

        Every story keeps ``min_story_words`` of prose, and one shorter than
        twice that needs a further sign; of two headlines closer than
        ``min_story_words``, only the one with more evidence starts a story.
        A numbered list item or a line leading into a colon starts none, and a
        story shorter than ``short_story_words`` needs strong signs.
        """
        chosen: list[tuple[int, tuple[int, float]]] = []
        for position in range(low + 1, high):
            if not view.feats[position].heading_like or view.kept[position].role is not None:
                continue
            if _ITEM_OR_LEAD_IN.search(view.kept[position].text) or _closing(view, position):
                continue
            if min(prose[position] - prose[low], prose[high] - prose[position]) < self.min_story_words:
                continue
            strength = self._strength(view, position)
            if strength is None:
                continue
            crowded = bool(chosen) and prose[position] - prose[chosen[-1][0]] < self.min_story_words * (
                1 if min(strength[0], chosen[-1][1][0]) > self.min_evidence + 1 else 2
            )
            if crowded and strength <= chosen[-1][1]:
                continue
            if crowded:
                chosen.pop()
            previous = chosen[-1][0] if chosen else low
            shortest = min(prose[position] - prose[previous], prose[high] - prose[position])
            if shortest >= 2 * self.min_story_words or strength[0] > self.min_evidence + 1:
                chosen.append((position, strength))
        chosen = self._without_short_stories(view, chosen, prose, low, high)
        return [_zone_start(view.kept, position) for position, _ in chosen]

    def _without_short_stories(
        self, view: _View, chosen: list[tuple[int, tuple[int, float]]], prose: Sequence[int], low: int, high: int
    ) -> list[tuple[int, tuple[int, float]]]:
        """Join a story shorter than ``short_story_words`` of prose to a neighbour more than twice its length.

        An author's bio, a cookie table, a closing section or an item of a list
        reads as a topic change too. A short story stays one only where its
        ends are sure: three signs more than ``min_evidence``, or a date under
        the headline (a forum's answers, a short news item). Of its two ends,
        the one with less evidence goes. The first story, often a page's short
        lead or a forum's question, is not joined to the next.
        """
        kept = list(chosen)
        number = 1  # the story between kept[number - 1] and kept[number] (or high)
        while number <= len(kept):
            start, end = kept[number - 1][0], kept[number][0] if number < len(kept) else high
            length = prose[end] - prose[start]
            templated = length < 2 * self.short_story_words and _templated(
                view.content[start:end], view.feats[start:end]
            )
            sides = []
            if length < self.short_story_words or templated:
                before = prose[start] - prose[kept[number - 2][0] if number > 1 else low]
                sides.append((kept[number - 1][1], before, number - 1))
                if number < len(kept):
                    after = prose[kept[number + 1][0] if number + 1 < len(kept) else high] - prose[end]
                    sides.append((kept[number][1], after, number))
            weak = [
                side
                for side in sides
                if side[0][0] < self.min_evidence + 3 and side[1] > 2 * length and not _dated(view, kept[side[2]][0])
            ]
            if weak:
                del kept[min(weak)[2]]  # the joined story is longer: look at the same place again
                number = max(min(number, len(kept)), 1)
            else:
                number += 1
        return kept

    def _strength(self, view: _View, position: int) -> tuple[int, float] | None:
        """The evidence that a new story starts at this headline (more signs, then a sharper change), or None."""
        after = _window(view.content, range(position + 1, len(view.kept)), self.window_words)
        if sum(after.values()) < self.min_story_words // 2:
            return None
        # the captions and labels above the headline go with it, not with the text before
        before = _window(view.content, range(_zone_start(view.kept, position) - 1, -1, -1), self.window_words)
        similarity = _cosine(before, after, view.weights)
        if similarity > max(self.max_similarity, self.relaxed_similarity) or _repeats_furniture(view, position):
            return None
        score = _evidence(view, position) + _title_affinity(view.content[position], before, after)
        if similarity > self.max_similarity and score < 2:
            return None
        if similarity <= self.sharp_similarity:
            score += 2
        elif similarity <= (self.max_similarity + self.sharp_similarity) / 2:
            score += 1
        if score == self.min_evidence and self._depth(view, position, similarity) >= self.min_depth:
            score += 1
        return (score, -similarity) if score > self.min_evidence else None

    def _similarity(self, view: _View, position: int) -> float:
        if position not in view.similarities:
            after = _window(view.content, range(position + 1, len(view.kept)), self.window_words)
            before = _window(view.content, range(position - 1, -1, -1), self.window_words)
            view.similarities[position] = _cosine(before, after, view.weights)
        return view.similarities[position]

    def _depth(self, view: _View, position: int, similarity: float) -> float:
        """How far the similarity dips here below its highest a window's length to either side (TextTiling's depth).

        Inside one story the text on either side of a nearby line is alike; a
        list of unrelated items is unlike everywhere, so it has no dip.
        """
        sides = (
            _reach(view.content, range(position - 1, 0, -1), self.window_words),
            _reach(view.content, range(position + 1, len(view.kept) - 1), self.window_words),
        )
        peaks = [max((self._similarity(view, other) for other in side), default=similarity) for side in sides]
        return min(peaks) - similarity


@define
class _View:
    """What the pass reads about one document, computed once."""

    document: Document
    kept: list[Block]
    feats: list[Features]
    content: list[list[str]]
    weights: dict[str, float]
    copied: set[int]
    analysis: Analysis
    similarities: dict[int, float] = Factory(dict)  # the cosine across each position, once computed


def _breaks_before(view: _View, position: int) -> bool:
    """A page break before this block, or before a removed block between it and the previous kept one."""
    low = view.kept[position - 1].index + 1
    return any(block.hard_break for block in view.document.blocks[low : view.kept[position].index + 1])


def _evidence(view: _View, position: int) -> int:
    """How many signs of a new story's headline stand around the line at ``position``."""
    block = view.kept[position]
    zone = view.kept[_zone_start(view.kept, position)]  # the captions and labels standing above the headline
    evidence = 0
    if zone.gap >= 2:
        evidence += 1
    between = view.document.blocks[view.kept[max(_zone_start(view.kept, position) - 1, 0)].index + 1 : zone.index]
    if sum(1 for other in between if other.removal and other.removal.reason in _BOILERPLATE_REASONS) >= 2:
        evidence += 1
    if block.index in view.copied:
        evidence += 1
    below = view.kept[position + 1 : position + 5]
    dated = [_date_line(view, other) for other in below]
    if any(dated[:3]) or any(other.role in (Role.CAPTION, Role.BYLINE) for other in below[:3]):
        evidence += 1
    if any(dated) and any(other.role == Role.BYLINE for other in below):
        evidence += 1  # a byline and a date: the furniture of a story's headline, not of a subheading
    return evidence


def _furniture_key(text: str) -> str | None:
    """A label line's key: the label of "Author: Jane Doe", or a short line such as "Book now"; else None."""
    label, colon, _ = text.partition(":")
    if colon and 0 < len(label.split()) <= 2:
        return key(label) + ":"
    return key(text) if len(text.split()) <= _FURNITURE_WORDS and not colon else None


def _repeats_furniture(view: _View, position: int) -> bool:
    """The lines under this headline repeat label lines of the text above it: an item of a list, not a new page.

    A list of books or restaurants prints the same fields ("Author:", "Book now",
    "map") under every item's name; two pages' stories share no such lines.
    """
    below = {_furniture_key(other.text) for other in view.kept[position + 1 : position + 1 + _FURNITURE_LINES]}
    below.discard(None)
    if not below:
        return False
    start = view.kept[position].index
    above = view.document.blocks[max(start - _FURNITURE_REACH, 0) : start]
    return any(
        _furniture_key(other.text) in below
        for other in above
        if other.removal is None or other.removal.reason.startswith("repeated")
    )


def _templated(content: Sequence[list[str]], feats: Sequence[Features]) -> bool:
    """Most of the word triples of these prose lines stand in another of the lines too.

    A table of cookies or a row of consent placeholders repeats one sentence
    with a new name in each line; a story's paragraphs say new things.
    """
    lines = [
        {tuple(words[i : i + 3]) for i in range(len(words) - 2)}
        for words, feature in zip(content, feats)
        if not feature.heading_like
    ]
    seen = Counter(triple for line in lines for triple in line)
    total = sum(len(line) for line in lines)
    repeated = sum(1 for line in lines for triple in line if seen[triple] > 1)
    return total > 0 and repeated >= _TEMPLATED_SHARE * total


def _closing(view: _View, position: int) -> bool:
    """This line or a line right under its headings heads an article's closing section ("Conclusion", "Fazit")."""
    closing = phrase_set("closing")
    for feature in view.feats[position : position + 3]:
        if closing.matches(feature.key):
            return True
        if not feature.heading_like:
            return False
    return False


def _dated(view: _View, position: int) -> bool:
    """A date on the headline's line or the three lines under it."""
    return any(_date_line(view, other) for other in view.kept[position : position + 4])


def _date_line(view: _View, block: Block) -> bool:
    return block.role == Role.DATELINE or is_dateline(block.text, view.analysis.features[block.index])


def _title_affinity(heading: list[str], before: Counter[str], after: Counter[str]) -> int:
    """1 when the headline's words are the text's below it and not the text's above it."""
    if not heading:
        return 0
    below = sum(1 for word in heading if word in after) / len(heading)
    above = sum(1 for word in heading if word in before) / len(heading)
    return 1 if below - above >= 0.5 else 0


def _zone_start(kept: Sequence[Block], position: int) -> int:
    """Move a story start up over the caption and label lines kept just above its headline."""
    while position > 1 and kept[position - 1].role in (Role.CAPTION, Role.SECTION):
        position -= 1
    return position


def _content_words(text: str, stops: frozenset[str]) -> list[str]:
    """Words of four letters or more that are no stopwords; in scripts written without spaces, every word."""
    found, unspaced_words = cut(fold(text))
    if not unspaced_words:
        return [word for word in found if len(word) > 3 and word not in stops]
    return [word for word in found if (len(word) > 3 or unspaced(word)) and word not in stops]


def _weights(content: Sequence[list[str]]) -> dict[str, float]:
    """Inverse block frequency of each content word in the dump: a word every part of the page uses says little."""
    frequency = Counter(word for words_ in content for word in set(words_))
    total = len(content) + 1
    return {word: math.log(total / (count + 0.5)) for word, count in frequency.items()}


def _reach(content: Sequence[list[str]], positions: range, size: int, samples: int = 8) -> list[int]:
    """Positions spread over the next ``size`` content words along ``positions``, at most ``samples`` of them."""
    step = max(size // samples, 1)
    chosen: list[int] = []
    total = since = 0
    for position in positions:
        total += len(content[position])
        since += len(content[position])
        if since >= step:
            chosen.append(position)
            since = 0
        if total >= size or len(chosen) >= samples:
            break
    return chosen


def _window(content: Sequence[list[str]], positions: range, size: int) -> Counter[str]:
    counts: Counter[str] = Counter()
    total = 0
    for position in positions:
        counts.update(content[position])
        total += len(content[position])
        if total >= size:
            break
    return counts


def _cosine(first: Counter[str], second: Counter[str], weights: dict[str, float]) -> float:
    """Cosine of the two windows' word vectors, each count damped (1 + log) and weighted by the word's rarity."""
    if not first or not second:
        return 0.0
    one, two = _vector(first, weights), _vector(second, weights)
    if len(one) > len(two):
        one, two = two, one
    dot = sum(value * two[word] for word, value in one.items() if word in two)
    norm = math.sqrt(sum(v * v for v in one.values())) * math.sqrt(sum(v * v for v in two.values()))
    return dot / norm if norm else 0.0


def _vector(counts: Counter[str], weights: dict[str, float]) -> dict[str, float]:
    return {word: (1 + math.log(count) if count > 1 else 1.0) * weights.get(word, 0.0) for word, count in counts.items()}


def _number(document: Document, starts: Sequence[int]) -> Document:
    """Give every block the number of the story it stands in; removed blocks between two stories stay with the first."""
    edits = document.edit(SplitStories.name)
    story = 0
    next_start = 0
    for block in document.blocks:
        while next_start < len(starts) and block.index >= starts[next_start]:
            story += 1
            next_start += 1
        if block.story != story:
            edits.set_story(block.index, story)
    return edits.apply()
