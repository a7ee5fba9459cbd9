"""Keep each photo caption once, as a caption, and parse its credit.

A block is a caption when it ends with a photo credit (``(AFP Photo/…)``,
``(File/Reuters)``, ``Photo: …``, ``… Getty Images``, ``© …``) or when a
sentence is printed twice in a row (image alt text above its figcaption).
The first copy is kept with the caption role and its credit's span; every
later copy of the same caption (same normalised key) is removed.

Removes: later copies of captions (``duplicate-caption``). Keeps: the first
copy, out of the body. Needs: nothing.

>>> from scrapeclean.segment import segment
>>> doc = DedupCaptions()(segment("Troops at the border. (File/Reuters)\\nTroops at the border. (File/Reuters)\\nText."))
>>> [(b.role, b.removal and b.removal.reason) for b in doc.blocks]
[('caption', None), (None, 'duplicate-caption'), (None, None)]
>>> doc.blocks[0].text[doc.blocks[0].credit.start - doc.blocks[0].start:doc.blocks[0].credit.end]
'File/Reuters'
"""

from __future__ import annotations

from typing import ClassVar

from attrs import field, frozen

from ..engine import run_builtin
from ..model import Document
from ._settings import at_least

DUPLICATE_CAPTION = "duplicate-caption"
CAPTION_CREDIT = "caption-credit"


@frozen
class DedupCaptions:
    """Keep each caption once, with its credit; remove its other copies."""

    name: ClassVar[str] = "dedup-captions"

    min_words: int = field(default=4, validator=at_least(0, "dedup-captions"))
    max_words: int = field(default=80, validator=at_least(0, "dedup-captions"))
    repeat_distance: int = field(default=1, validator=at_least(0, "dedup-captions"))
    max_repeated_words: int = field(default=50, validator=at_least(0, "dedup-captions"))

    def __call__(self, document: Document) -> Document:
        return run_builtin(document, (self,))
