"""Label each story's headline zone: title, section, byline, dateline.

The headline zone is what a story keeps above its first paragraph of prose.
Its title is the first headline-shaped line there (several words, no sentence
end), preferring one the page prints twice or one that the page's own
``<title>`` line (the first line of a browser or html-text dump) starts with.
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

from collections.abc import Sequence
from itertools import groupby
from typing import ClassVar

import regex
from attrs import frozen

from ..features import Analysis, Features, analyse
from ..model import Block, Document, Edits, Role
from .repeats import copied_headings

HEADER_LINE = "header-line"

_MONTHS = (
    r"jan(?:uary|vier|eiro|uar)?|feb(?:ruary|ruar)?|févr(?:ier)?|fevereiro|febrero|mar(?:ch|s|ço|zo)?|märz|"
    r"apr(?:il)?|avr(?:il)?|abr(?:il)?|may(?:o)?|mai(?:o)?|jun(?:e|i|io|ho)?|juin|jul(?:y|i|io|ho)?|juil(?:let)?|"
    r"aug(?:ust)?|août|ago(?:sto)?|sep(?:t|tember|tembre|tiembre|embro)?|oct(?:ober|obre|ubre)?|okt(?:ober)?|"
    r"out(?:ubro)?|nov(?:ember|embre|iembre|embro)?|dec(?:ember)?|déc(?:embre)?|dez(?:ember|embro)?|dic(?:iembre)?"
)
_DATE = regex.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:{_MONTHS})\b|(?:{_MONTHS})\.?\s+\d{{1,2}}\b|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})",
    regex.IGNORECASE,
)
_UNDER_TITLE = frozenset({Role.CAPTION, Role.BYLINE, Role.DATELINE})
_DATELINE_WORDS = 14
_SECTION_WORDS = 4
_PROSE_WORDS = 30


def is_dateline(text: str, feature: Features) -> bool:
    """A short line that is mostly a date ("November 20, 2019", "Updated Dec 18, 2025 · 12 min read")."""
    return feature.words <= _DATELINE_WORDS and _DATE.search(text) is not None


def _is_prose(block: Block, feature: Features) -> bool:
    return block.role is None and (feature.terminal or feature.words > _PROSE_WORDS) and not feature.heading_like


@frozen
class AssignRoles:
    """Give each story's title, section and dateline their roles; drop stray lines above the title."""

    name: ClassVar[str] = "assign-roles"

    def __call__(self, document: Document) -> Document:
        kept = [block for block in document.blocks if block.removal is None]
        if not kept:
            return document
        page_title = analyse(document).features[0].key
        copied = copied_headings(document)
        analysis = analyse(document)
        edits = document.edit(self.name)
        for _, story in groupby(kept, key=lambda block: block.story):
            self._story(list(story), page_title, copied, analysis, edits)
        return edits.apply() if edits else document

    def _story(
        self, blocks: Sequence[Block], page_title: str, copied: set[int], analysis: Analysis, edits: Edits
    ) -> None:
        zone: list[tuple[Block, Features]] = []
        for block in blocks:
            feature = analysis.features[block.index]
            if _is_prose(block, feature):
                break
            zone.append((block, feature))
        title_at = self._title(zone, page_title, copied)
        dated = False
        for position, (block, feature) in enumerate(zone):
            if block.role is not None or position == title_at:
                continue
            if not dated and is_dateline(block.text, feature):
                edits.set_role(block.index, Role.DATELINE)
                dated = True
            elif title_at is not None and position == title_at - 1 and feature.words <= _SECTION_WORDS:
                edits.set_role(block.index, Role.SECTION)
            elif title_at is not None and position < title_at:
                edits.remove(block.index, HEADER_LINE, "above the title")
        if title_at is not None:
            edits.set_role(zone[title_at][0].index, Role.TITLE)

    def _title(self, zone: Sequence[tuple[Block, Features]], page_title: str, copied: set[int]) -> int | None:
        """The headline among the zone's headline-shaped lines, by the evidence each has."""
        best, best_score = None, 0.0
        for position, (block, feature) in enumerate(zone):
            if block.role is not None or not feature.heading_like or is_dateline(block.text, feature):
                continue
            score = min(feature.words, 15) / 5
            if feature.words >= 3 and page_title.startswith(feature.key):
                score += 3  # the page's <title> line starts with the headline
            if block.index in copied:
                score += 2  # printed twice, above and below the lead photo
            if any(other.role in _UNDER_TITLE for other, _ in zone[position + 1 : position + 3]):
                score += 1
            if score > best_score:
                best, best_score = position, score
        return best
