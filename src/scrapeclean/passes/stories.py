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

from typing import ClassVar

from attrs import field, frozen

from ..engine import run_builtin
from ..model import Document
from ._settings import at_least


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
