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

from collections.abc import Sequence
from typing import ClassVar

from attrs import field, frozen

from ..engine import run_builtin
from ..features import Features, analyse
from ..fingerprint import LIST_ITEM
from ..model import Block, Document, Edits, Role
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

    def reference(self, document: Document) -> Document:
        """The Python implementation the engine's pass is checked against (benchmarks/differential.py)."""
        live = [block for block in document.blocks if block.removal is None and block.role != Role.CAPTION]
        analysis = analyse(document)
        feats = [analysis.features[block.index] for block in live]
        keys = [feature.key for feature in feats]
        first_seen: dict[str, int] = {}
        edits = document.edit(self.name)
        position = 0
        while position < len(live):
            earlier = first_seen.get(keys[position])
            if earlier is None:
                first_seen[keys[position]] = position
                position += 1
                continue
            length = _run_length(keys, earlier, position)
            if length >= self.min_run:
                _remove_run(live, edits, earlier, position, length)
                position += length
                continue
            if self._single(live, feats, edits, earlier, position):
                first_seen[keys[position]] = position
            position += 1
        return edits.apply() if edits else document

    def _single(
        self, live: Sequence[Block], feats: Sequence[Features], edits: Edits, earlier: int, position: int
    ) -> bool:
        """Remove one copy of a single repeated block; true when the later copy is the one kept."""
        feature = feats[position]
        if feature.heading_like and position - earlier <= self.heading_distance:
            if _list_item_over_headline(live[earlier], live[position]) and all(
                feats[between].key == feature.key for between in range(earlier + 1, position)
            ):
                original = live[position].index
                edits.remove(live[earlier].index, REPEATED_HEADING, f"copy of heading block {original}", copy_of=original)
                return True
            original = live[earlier].index
            edits.remove(live[position].index, REPEATED_HEADING, f"copy of heading block {original}", copy_of=original)
        elif feature.words >= self.min_words and feature.letters:
            original = live[earlier].index
            edits.remove(live[position].index, REPEATED_BLOCK, f"copy of block {original}", copy_of=original)
        return False


def _list_item_over_headline(item: Block, heading: Block) -> bool:
    """A list item ("* Headline", a breadcrumb trail's last step) right over the same words as a plain line."""
    return LIST_ITEM.match(item.text) is not None and LIST_ITEM.match(heading.text) is None


def copied_headings(document: Document) -> set[int]:
    """Indices of the headings whose later copies this pass removed."""
    return {
        block.removal.copy_of
        for block in document.blocks
        if block.removal is not None and block.removal.reason == REPEATED_HEADING and block.removal.copy_of is not None
    }


def _run_length(keys: Sequence[str], earlier: int, position: int) -> int:
    """How many blocks from ``position`` on repeat those from ``earlier`` on, without overlapping them."""
    length = 0
    while position + length < len(keys) and earlier + length < position and keys[earlier + length] == keys[position + length]:
        length += 1
    return length


def _remove_run(live: Sequence[Block], edits: Edits, earlier: int, position: int, length: int) -> None:
    first, last = live[earlier].index, live[earlier + length - 1].index
    detail = f"copy of blocks {first}-{last}"
    for offset in range(length):
        edits.remove(live[position + offset].index, REPEATED_BLOCK, detail, copy_of=live[earlier + offset].index)
