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

from collections.abc import Sequence
from typing import ClassVar

import regex
from attrs import field, frozen

from ..engine import run_builtin
from ..features import Features, analyse
from ._settings import at_least
from ..model import Block, Document, Edits, Role, Span

DUPLICATE_CAPTION = "duplicate-caption"
CAPTION_CREDIT = "caption-credit"
_CREDIT_LINE_WORDS = 12
_CREDIT_LINE_LEAD = 16  # "Photograph by: " and the like may stand before a credit

# Words that mark a credit, in the languages of the phrase lists, plus the
# agencies whose names stand alone in credits.
_CREDIT_WORDS = (
    r"photo|photos|photograph|photography|image|images|picture|pic|file|credit|courtesy|illustration|"
    r"graphic|video|screenshot|handout|supplied|foto|fotos|bild|bilder|imagen|imagem|crédit|crédito|"
    r"afp|ap|reuters|getty|epa|efe|dpa|ansa|anadolu|xinhua|bloomberg|shutterstock|istock|alamy|"
    r"wikimedia|unsplash|pexels|pool|ddp|kyodo|yonhap|tass|sputnik|sipa|zuma|rex|pa|©|copyright"
)
_PARENTHESISED = regex.compile(
    rf"\((?P<credit>[^()\n]{{0,80}}?\b(?:{_CREDIT_WORDS})\b[^()\n]{{0,80}})\)\W{{0,2}}$", regex.IGNORECASE
)
_LABELLED = regex.compile(
    r"(?:^|[\s.;|–—-])(?:photo|photograph|image|picture|credit|foto|bild|imagen|imagem|crédit|crédito)s?"
    r"(?:\s+(?:credit|by|de|von|par|por))?\s*[:/]\s*(?P<credit>[^:\n]{2,80}?)\W{0,2}$",
    regex.IGNORECASE,
)
_AGENCIES = "Getty Images|AFP|Reuters|AP Photo|EPA|Shutterstock|Associated Press"
# An agency name closing a caption after a separator: "… on Monday. John Smith/Getty Images".
# Only capitalised words may precede it, so "…, he told Reuters." is not a credit.
_AGENCY_TAIL = regex.compile(
    r"(?:^|[.|/–—-]\s*)(?P<credit>(?:\p{Lu}[\w.'’&-]*+[\s/]++){0,4}(?:" + _AGENCIES + r")"
    r"(?:\s+via(?:\s+\p{Lu}[\w.'’&-]*){1,3})?)\W{0,2}$"
)
_AGENCY_NAMES = regex.compile(_AGENCIES)
_COPYRIGHT = regex.compile(r"©\s*(?P<credit>[^©\n]{2,80}?)\W{0,2}$")
_TAIL_CHARS = 200


def find_credit(text: str) -> tuple[int, int] | None:
    """Where the photo credit stands in a caption's text, or None.

    >>> text = "Troops in Anna. (AFP Photo/MOADH AL-DULAIMI)"
    >>> start, end = find_credit(text); text[start:end]
    'AFP Photo/MOADH AL-DULAIMI'
    """
    offset = max(0, len(text) - _TAIL_CHARS)
    tail = text[offset:]
    for pattern in _candidates(tail):
        match = pattern.search(tail)
        if match is not None:
            start, end = match.span("credit")
            credit = tail[start:end].strip()
            if not credit:
                continue
            start += tail[start:end].index(credit)
            return offset + start, offset + start + len(credit)
    return None


def _candidates(tail: str) -> list[regex.Pattern[str]]:
    """The credit patterns that can match ``tail``, by characters each one needs (most lines need none)."""
    candidates = []
    if ")" in tail[-3:]:
        candidates.append(_PARENTHESISED)
    if ":" in tail or "/" in tail:
        candidates.append(_LABELLED)
    if "©" in tail:
        candidates.append(_COPYRIGHT)
    if _AGENCY_NAMES.search(tail) is not None:
        candidates.append(_AGENCY_TAIL)
    return candidates


def _credit_shaped(text: str) -> bool:
    """A whole line that reads as a credit, not a bare agency name that may be a byline ("AFP")."""
    return any(mark in text for mark in ("/", ":", "©", " via ")) or text.endswith("Getty Images")


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

    def reference(self, document: Document) -> Document:
        """The Python implementation the engine's pass is checked against (benchmarks/differential.py)."""
        live = [block for block in document.blocks if block.removal is None]
        analysis = analyse(document)
        feats = [analysis.features[block.index] for block in live]
        last_seen: dict[str, int] = {}
        captions: dict[str, int] = {}  # key -> position of the kept copy
        credits: dict[int, tuple[int, int] | None] = {}
        for position, (block, feature) in enumerate(zip(live, feats)):
            if not self.min_words <= feature.words <= self.max_words:
                continue
            credit = find_credit(block.text)
            previous = last_seen.get(feature.key)
            repeated_here = (
                previous is not None
                and position - previous <= self.repeat_distance
                and feature.terminal
                and feature.words <= self.max_repeated_words
            )
            if credit is not None or repeated_here or feature.key in captions:
                if feature.key not in captions:
                    first = previous if repeated_here and previous is not None else position
                    captions[feature.key] = first
                    credits[first] = credit if credit is not None else find_credit(live[first].text)
            last_seen[feature.key] = position
        edits = document.edit(self.name)
        for position, (block, feature) in enumerate(zip(live, feats)):
            first = captions.get(feature.key)
            if first is None or not self.min_words <= feature.words <= self.max_words:
                continue
            if position == first:
                credit = credits.get(first)
                span = Span(block.start + credit[0], block.start + credit[1]) if credit else None
                edits.set_role(block.index, Role.CAPTION, credit=span)
            elif position > first:
                original = live[first].index
                edits.remove(block.index, DUPLICATE_CAPTION, f"copy of caption block {original}", copy_of=original)
        self._credit_lines(live, feats, edits)
        return edits.apply() if edits else document

    def _credit_lines(self, live: Sequence[Block], feats: Sequence[Features], edits: Edits) -> None:
        """A line that is only a credit ("Jane Doe/Getty Images") credits the caption line above it."""
        for position, (block, feature) in enumerate(zip(live, feats)):
            if feature.words > _CREDIT_LINE_WORDS or not edits.is_kept(block.index):
                continue
            credit = find_credit(block.text)
            if credit is None or credit[0] > _CREDIT_LINE_LEAD or not _credit_shaped(block.text):
                continue
            span = Span(block.start + credit[0], block.start + credit[1])
            above = live[position - 1] if position else None
            if (
                above is not None
                and block.gap <= 1
                and edits.is_kept(above.index)
                and edits.role(above.index) is None
                and self.min_words <= feats[position - 1].words <= self.max_words
                and not feats[position - 1].heading_like
            ):
                edits.set_role(above.index, Role.CAPTION, credit=span)
                edits.remove(block.index, CAPTION_CREDIT, f"credit of caption block {above.index}")
            elif edits.role(block.index) is None:
                edits.remove(block.index, CAPTION_CREDIT, "photo credit on a line of its own")
