"""Collapse blocks and runs of blocks that the dump prints more than once.

Blocks are compared by their normalised key (case, quotes, dashes, digits and
spacing folded; see :mod:`scrapeclean.fingerprint`), through a dictionary, so
the pass is linear in the number of blocks. The first copy stays; later
copies are removed:

* a long block (``min_words`` or more) wherever it repeats: a body printed
  twice, the second time with typographic quotes (``repeated-block``);
* a run of ``min_run`` or more consecutive short blocks repeating an earlier
  run in the same order (``repeated-block``);
* a headline printed again within ``heading_distance`` blocks, as pages print
  the title above and below the lead photo (``repeated-heading``). Where the
  first copy is a list item ("* Headline", a breadcrumb trail's last step)
  right over the later one, a plain line (or over more copies of it), the
  plain line is the headline: it stays and the list item goes.

Needs: nothing, but runs best after chrome removal, so that a copy kept in
the text is preferred to one left in a teaser list. Only kept blocks count.

>>> from scrapeclean.segment import segment
>>> body = "The army said on Friday that it had entered the town after a night of fighting."
>>> doc = CollapseRepeatedBlocks()(segment(body + "\\n" + body.replace("army", "Army")))
>>> [b.removal and (b.removal.reason, b.removal.detail) for b in doc.blocks]
[None, ('repeated-block', 'copy of block 0')]
"""

from __future__ import annotations

from typing import ClassVar

from attrs import field, frozen

from ..engine import run_builtin
from ..model import Document
from ._settings import at_least

REPEATED_BLOCK = "repeated-block"
REPEATED_HEADING = "repeated-heading"


@frozen
class CollapseRepeatedBlocks:
    """Keep one copy of every repeated block or run of blocks."""

    name: ClassVar[str] = "collapse-repeated-blocks"

    min_words: int = field(default=8, validator=at_least(1, "collapse-repeated-blocks"))
    min_run: int = field(default=3, validator=at_least(1, "collapse-repeated-blocks"))
    heading_distance: int = field(default=12, validator=at_least(1, "collapse-repeated-blocks"))

    def __call__(self, document: Document) -> Document:
        return run_builtin(document, (self,))
