"""Label each story's headline zone: title, section, byline, dateline.

The headline zone is what a story keeps above its first paragraph of prose.
Its title is the headline-shaped line there (several words, no sentence
end; not a list item such as ``* Home`` nor a breadcrumb trail) with the most
evidence: the page's own ``<title>`` line (the first line of a browser or
html-text dump) holding it whole, beside the site's name; its copy below it;
its length and title case; its content words being those the text opens
with (a menu's are not); a breadcrumb trail ending with it; a byline or date
just under it; standing just above the text, or first. A headline the chrome
pass took for boilerplate, above menus it left, is restored. The evidence
must hold in the text cleaning gives, where the title stands first and the
``<title>`` line, trail and copies are gone, so that cleaning it again picks
the same line: there a first line the text's opening repeats stands first
even when the chrome pass took it.
The short label just above the title is its section; a line that is mostly
a date is the dateline; bylines were found by the chrome pass. Other lines
above the title (breadcrumbs, labels) are removed as ``header-line``.

Needs: story numbers (:class:`~scrapeclean.passes.stories.SplitStories`) when
a dump holds several stories; works on one story otherwise.

>>> from scrapeclean.segment import segment
>>> doc = AssignRoles()(segment("World\\nA headline over the story\\nThe story starts here, and goes on for a while."))
>>> [b.role for b in doc.blocks]
['section', 'title', None]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import groupby
from typing import ClassVar

import regex
from attrs import define, frozen

from ..engine import run_builtin
from ..features import Analysis, Features, analyse
from ..fingerprint import LIST_ITEM, SITE_SEPARATOR, key, title_keys
from ..model import Block, Document, Edits, Role
from .chrome import BYLINE_MARKER
from .repeats import copied_headings

HEADER_LINE = "header-line"

_MONTHS = (
    r"jan(?:uary|vier|eiro|uar)?|feb(?:ruary|ruar)?|févr(?:ier)?|fevereiro|febrero|mar(?:ch|s|ço|zo)?|märz|"
    r"apr(?:il)?|avr(?:il)?|abr(?:il)?|may(?:o)?|mai(?:o)?|jun(?:e|i|io|ho)?|juin|jul(?:y|i|io|ho)?|juil(?:let)?|"
    r"aug(?:ust)?|août|ago(?:sto)?|sep(?:t|tember|tembre|tiembre|embro)?|oct(?:ober|obre|ubre)?|okt(?:ober)?|"
    r"out(?:ubro)?|nov(?:ember|embre|iembre|embro)?|dec(?:ember)?|déc(?:embre)?|dez(?:ember|embro)?|dic(?:iembre)?"
)
_DATE = regex.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?:{_MONTHS})\b|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})",
    regex.IGNORECASE,
)
# "Home » Blog", "Docs > Guides": a trail of links, not a headline.
_BREADCRUMB = regex.compile(r"\s[>»›❯]\s|\s[>»›❯]$")
# A web or mail address on a line of its own ("www.example.com.br", "news@example.org").
_ADDRESS = regex.compile(r"[^\s.]+(?:\.[^\s.]+)+")
# A step of a breadcrumb trail ("Home > Blog > Headline", "Home - Library - Headline").
_TRAIL_STEP = regex.compile(r"\s[>»›❯/|\-–]\s")
_UNDER_TITLE = frozenset({Role.CAPTION, Role.BYLINE, Role.DATELINE})
_DATELINE_WORDS = 14
_SECTION_WORDS = 4
_PROSE_WORDS = 30
_LONG_WORDS = 20
_NAMED = 6.0  # the evidence of a line the <title> line holds whole
_NEAR_WORDS = 3  # shorter lines between a headline and its text (names, "5 min read") do not push it away
_OPENING_WORDS = 300  # words of the text's opening a headline's words are looked for in
_TRAIL = 1.5  # the evidence of a line a breadcrumb trail ends with
_DATED = 1.5  # the evidence of a line with a byline or a date just under it
_UNDER_LINES = 3  # how far under a headline its byline or date may stand
_OPENING_SHARE = 0.75  # of its content words a removed first line needs in the opening to count as first
_UNDER_SHARE = 0.5  # of its content words a removed first line with no site's name needs in all the lines under it
_OVERLAP = 3.0  # the evidence of a line all of whose content words the opening repeats


def is_dateline(text: str, feature: Features) -> bool:
    """A short line that is mostly a date ("November 20, 2019", "Updated Dec 18, 2025 · 12 min read")."""
    return feature.words <= _DATELINE_WORDS and _DATE.search(text) is not None


def _is_prose(block: Block, feature: Features) -> bool:
    return block.role is None and (feature.terminal or feature.words > _PROSE_WORDS) and not feature.heading_like


@frozen
class AssignRoles:
    """Give each story's title, section and dateline their roles; drop stray lines above the title."""

    name: ClassVar[str] = "assign-roles"

    search_window: int = 40

    def __call__(self, document: Document) -> Document:
        return run_builtin(document, (self,))

    def reference(self, document: Document) -> Document:
        """The Python implementation the engine's pass is checked against (benchmarks/differential.py)."""
        kept = [block for block in document.blocks if block.removal is None]
        if not kept:
            return document
        analysis = analyse(document)
        title_words = _title_words(document, analysis)
        view = _View(document, analysis, copied_headings(document), title_words, _title_parts(document, title_words))
        edits = document.edit(self.name)
        previous_end = -1
        for number, story in groupby(kept, key=lambda block: block.story):
            blocks = list(story)
            self._story(view, blocks, previous_end, number == kept[0].story, edits)
            previous_end = blocks[-1].index
        return edits.apply() if edits else document

    def _story(self, view: _View, blocks: Sequence[Block], previous_end: int, first: bool, edits: Edits) -> None:
        zone: list[Block] = []
        for block in blocks:
            if _is_prose(block, view.analysis.features[block.index]):
                break
            zone.append(block)
        body_start = blocks[len(zone)].index if len(zone) < len(blocks) else blocks[-1].index + 1
        candidates = self._removed_headlines(view, blocks[0].index, previous_end) + zone
        if first and view.title_words and len(zone) > 1:
            # The page's own <title> names the headline: look for it a little into the text too.
            candidates += [block for block in blocks[len(zone) : len(zone) + self.search_window] if block.role is None]
        # A headline-shaped first line with more lines before the text is the page's <title>
        # line; a first line directly above the text is the headline itself.
        title = self._title(view, candidates, body_start, first and body_start > 1)
        dated = False
        for position, block in enumerate(zone):
            feature = view.analysis.features[block.index]
            if block.role is not None or block is title:
                continue
            if not dated and is_dateline(block.text, feature):
                edits.set_role(block.index, Role.DATELINE)
                dated = True
            elif title is not None and block.index < title.index:
                following = [other for other in zone[position + 1 :] if other.index <= title.index]
                if feature.words <= _SECTION_WORDS and following == [title]:
                    edits.set_role(block.index, Role.SECTION)
                else:
                    edits.remove(block.index, HEADER_LINE, "above the title")
        if title is not None:
            if title.removal is not None:
                edits.restore(title.index, Role.TITLE)
                edits.set_story(title.index, blocks[0].story)  # it may stand above the story's first line
            else:
                edits.set_role(title.index, Role.TITLE)

    def _removed_headlines(self, view: _View, story_start: int, previous_end: int) -> list[Block]:
        """Headline-shaped lines the chrome pass removed as boilerplate just above the story."""
        low = max(previous_end + 1, story_start - self.search_window)
        return [
            block
            for block in view.document.blocks[low:story_start]
            if block.removal is not None
            and block.removal.reason == "boilerplate"
            and view.analysis.features[block.index].heading_like
        ]

    def _title(self, view: _View, candidates: Sequence[Block], body_start: int, title_line: bool) -> Block | None:
        """The headline among the candidates, by the evidence each has.

        Evidence: the page's ``<title>`` line naming it; its copy below it; its
        shape (length, title case); its words being those the text starts
        with; standing just above the text, or first.
        """
        body_start = _text_start(view, candidates, body_start)
        features = view.analysis.features
        shaped = [block for block in candidates if _headline_shaped(block, features[block.index])]
        evidence = {block.index: self._evidence(view, block, body_start) if title_line else 0.0 for block in shaped}
        # The first line is the page's <title> only when it names a headline further down.
        confirmed = any(value >= _NAMED for value in evidence.values())
        zone = [block for block in shaped if block.index < body_start]
        opening = _opening_words(view, body_start)
        first_shaped = next((block for block in zone if _leads(view, block, opening, zone)), None)
        scores = _zone_scores(view, zone, evidence, opening, body_start, title_line)
        best, best_score = None, 0.0
        for block in zone:
            if confirmed and block.index == 0:
                continue
            score = scores[block.index]
            if block is first_shaped:
                score += 1  # headlines come first; menus above them are mostly gone by now
                if block.index == 0 and not confirmed:
                    score += 2  # a text that starts with its headline (cleaned text, a page with no <title> line)
            score += self._presence(view, block)
            if score > best_score:
                best, best_score = block, score
        past = [block for block in shaped if block.index >= body_start and evidence[block.index]]
        for block in past:
            score = evidence[block.index] + self._presence(view, block)
            if score > best_score:
                best, best_score = block, score
        return best

    @staticmethod
    def _presence(view: _View, block: Block) -> float:
        """Printed twice counts for a line; having been removed as chrome counts against it."""
        return (2.0 if block.index in view.copied else 0.0) - (1.0 if block.removal is not None else 0.0)

    def _evidence(self, view: _View, block: Block, body_start: int) -> float:
        """The <title> line's evidence, as far as it counts where the line stands.

        Past the headline zone only a line the <title> line holds whole, with
        the site's name beside it, counts: a plain copy of the first line far
        down the text is a subheading repeating the headline.
        """
        evidence = self._title_line_evidence(view, block)
        if block.index < body_start:
            return evidence
        whole_copy = view.analysis.features[block.index].key == view.analysis.features[0].key
        return evidence if evidence >= _NAMED and not whole_copy else 0.0

    def _title_line_evidence(self, view: _View, block: Block) -> float:
        """How surely the page's <title> line names this line: it holds the line, plus the site's name.

        A line longer than the first line is never named by it: in the text
        cleaning gives, the first line is the headline and longer lines below
        it are its deck or subheadings.
        """
        feature = view.analysis.features[block.index]
        if not view.title_words or feature.words < 2 or block.index == 0:
            return 0.0
        title_words = view.analysis.features[0].words
        if feature.key in view.title_parts and 2 * feature.words > title_words:
            return _NAMED  # "Headline | Site" or "Site - Headline"
        return 0.0


def _zone_scores(
    view: _View,
    zone: Sequence[Block],
    evidence: dict[int, float],
    opening: frozenset[str],
    body_start: int,
    title_line: bool,
) -> dict[int, float]:
    """Each headline-shaped line's evidence from itself and the lines around it, by block index."""
    features = view.analysis.features
    if not zone:
        return {}
    trails = _trail_ends(view, max(0, zone[0].index - _UNDER_LINES), body_start)
    printed = Counter(features[block.index].key for block in zone if block.index > 0)
    scores: dict[int, float] = {}
    strong_below = 0
    for block in reversed(zone):
        feature = features[block.index]
        # Later stories start at their headline (split-stories cuts there); only the page's
        # first story has menus between its start and its headline.
        near = strong_below + 1 if title_line else 0
        if feature.words >= _NEAR_WORDS:
            strong_below += 1
        scores[block.index] = (
            _shape_score(feature, near)
            + evidence[block.index]
            + _overlap(view, feature, opening)
            + _context(view, block, trails)
        )
        if printed[feature.key] > 1 and block.removal is not None:
            scores[block.index] += 1.0  # printed twice, both copies taken for chrome
    return scores


def _text_start(view: _View, candidates: Sequence[Block], body_start: int) -> int:
    """Where the text starts for the headline: at the first prose, or at a first long line above it.

    A long line in the headline zone is a deck or a paragraph the dump wrote
    without its full stop; the headline stands above it.
    """
    for block in candidates:
        if (
            block.removal is None
            and body_start > block.index
            and view.analysis.features[block.index].words >= _LONG_WORDS
        ):
            return block.index
    return body_start


def _opening_words(view: _View, body_start: int) -> frozenset[str]:
    """The content words the text opens with: what its headline is about."""
    found: set[str] = set()
    count = 0
    stops = view.analysis.stopwords
    for block in view.document.blocks[body_start:]:
        if count >= _OPENING_WORDS:
            break
        if block.removal is not None or block.role is not None:
            continue
        tokens = view.analysis.features[block.index].key.split(" ")
        found.update(token for token in tokens if token not in stops)
        count += len(tokens)
    return frozenset(found)


def _shared(view: _View, feature: Features, opening: frozenset[str]) -> tuple[float, int]:
    """The share of a line's content words the text's opening repeats, and how many it has."""
    content = [token for token in feature.key.split(" ") if token not in view.analysis.stopwords]
    if not content or not opening:
        return 0.0, len(content)
    return sum(1 for token in content if token in opening) / len(content), len(content)


def _overlap(view: _View, feature: Features, opening: frozenset[str]) -> float:
    """How much of a line's content the text's opening repeats: a headline's words, not a menu's."""
    share, content = _shared(view, feature, opening)
    if content < 2:
        return 0.0
    # A two-word label is easily repeated by chance: its evidence counts for less.
    return _OVERLAP * share * content / max(content, 3)


def _trail_ends(view: _View, start: int, end: int) -> frozenset[str]:
    """The keys of what ends each breadcrumb trail or list entry between two blocks ("Home > Blog > Headline")."""
    ends = set()
    for block in view.document.blocks[start:end]:
        cut = 0
        for match in _TRAIL_STEP.finditer(block.text):
            cut = match.end()
        if cut == 0 and (marker := LIST_ITEM.match(block.text)) is not None:
            cut = marker.end()
        if cut:
            ends.add(key(block.text[cut:]))
    return frozenset(ends)


def _context(view: _View, block: Block, trails: frozenset[str]) -> float:
    """What the lines around a line say of it: a breadcrumb trail ending with it, a byline or date under it."""
    score = _TRAIL if view.analysis.features[block.index].key in trails else 0.0
    for other in view.document.blocks[block.index + 1 : block.index + 1 + _UNDER_LINES]:
        marker = other.removal is not None and other.removal.reason == BYLINE_MARKER
        if marker or other.role == Role.BYLINE or is_dateline(other.text, view.analysis.features[other.index]):
            return score + _DATED
    return score


def _leads(view: _View, block: Block, opening: frozenset[str], zone: Sequence[Block]) -> bool:
    """A line that may stand first above the text: a kept line of a few words, or the very first line.

    The first line counts even when the chrome pass took it, if the text's opening
    repeats its words: cleaned text starts with its headline, while a dump's first
    line is the page's <title> line, with the site's name, or a menu. The lines
    between it and the prose (a table of contents, a deck, section heads) count
    for a first line with no site's name beside it and no near copy under it
    (a dump's headline under its <title> line).
    """
    feature = view.analysis.features[block.index]
    if block.index == 0:
        if block.removal is None or _shared(view, feature, opening)[0] >= _OPENING_SHARE:
            return True
        # Without the site's name beside it, the first line may be a headline over a table of
        # contents or a deck: then half its words under it, those lines included, will do.
        if SITE_SEPARATOR.search(block.text) is not None or any(_near_copy(view, feature, other) for other in zone):
            return False
        return _shared(view, feature, _opening_words(view, 1))[0] >= _UNDER_SHARE
    return block.removal is None and feature.words >= _NEAR_WORDS


def _near_copy(view: _View, feature: Features, other: Block) -> bool:
    """A later line holding most of a line's content words."""
    words = frozenset(view.analysis.features[other.index].key.split(" "))
    return other.index > 0 and _shared(view, feature, words)[0] >= _OPENING_SHARE


def _headline_shaped(block: Block, feature: Features) -> bool:
    """A line that could be the headline: headline-shaped, not a date, a menu entry, a breadcrumb trail or an address."""
    return (
        block.role is None
        and feature.heading_like
        and not is_dateline(block.text, feature)
        and LIST_ITEM.match(block.text) is None
        and _BREADCRUMB.search(block.text) is None
        and _ADDRESS.fullmatch(block.text) is None
    )


def _shape_score(feature: Features, rank_from_text: int) -> float:
    """How much a line looks like the headline by itself: its length, its capitals, its nearness to the text."""
    score = min(feature.words, 12) / 4 - max(0, feature.words - 15) / 5
    if feature.words >= 3 and feature.capitalised >= 0.6:
        score += 0.5  # Title Case
    if 0 < rank_from_text <= 2:
        score += 0.75 / rank_from_text  # the headline stands just above the text, under the menus
    return score


@define
class _View:
    document: Document
    analysis: Analysis
    copied: set[int]
    title_words: frozenset[str]

    title_parts: frozenset[str]


def _title_parts(document: Document, title_words: frozenset[str]) -> frozenset[str]:
    """The keys a headline has in the page's <title> line: all of it, or what a separator cuts off the site's name."""
    if not title_words:
        return frozenset()
    text = document.blocks[0].text
    return frozenset(part for part in title_keys(text) | {key(text)} if part)


def _title_words(document: Document, analysis: Analysis) -> frozenset[str]:
    """The words of the page's <title> line: the first line, when it is headline-shaped."""
    if not document.blocks or not analysis.features[0].heading_like:
        return frozenset()
    return frozenset(analysis.features[0].key.split(" "))
