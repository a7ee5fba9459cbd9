"""Threads of stamped posts: forum pages, Q&A pages, comments and live blogs.

A thread prints each entry under a stamp: a short line that ends with a time
or says who wrote ("Post by ant » 12. Sep 2024, 00:38", "longshot ·
03/03/2026 19:44", "2 days ago", "Alex said:"). Between the stamps stand the
entry's words and its metadata, which repeats from entry to entry ("Posts:
386", "Joined: …", "Top", "Re: <subject>").

On a forum the thread *is* the page, and its posts are short: one post alone
seldom makes the densest run of prose, so the others would be dropped as
boilerplate around it. :func:`thread_posts` finds the posts of such a thread:
the lines between stamps that are not the metadata the thread repeats.

>>> from scrapeclean.features import features
>>> from scrapeclean.segment import segment
>>> lines = []
>>> for name, post in [("ann", "It works now."), ("bo", "Same here, thanks."), ("cy", "Fixed for me too.")]:
...     lines += [f"Post by {name} » 12 Sep 2024, 00:38", "Posts: 4", post, "Top"]
>>> blocks = segment("\\n".join(lines)).blocks
>>> feats = [features(block.text) for block in blocks]
>>> [blocks[p].text for p in sorted(thread_posts(range(len(blocks)), blocks, feats, 2)[1])]
['It works now.', 'Same here, thanks.', 'Fixed for me too.']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

import regex

from .features import Features
from .model import Block

# A stamp: a date or time that ends a short line, or a "said"/"says" line.
STAMP = regex.compile(
    r"\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b|"
    r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?.{0,12}$|\b(?:says|said|wrote|schreibt|dit|dice|disse)[\s:]*$",
    regex.IGNORECASE,
)
STAMP_TAIL = 120  # a stamp ends its line; only the line's tail is searched
STAMP_WORDS = 16

# A thread needs this many stamps, no further apart than MAX_GAP lines.
MIN_POSTS = 3
MAX_GAP = 25
# A line of a post: a sentence, or a few words (the shortest posts are one short line).
_POST_WORDS = 4
# The label of a metadata line: a few words before a colon at the start of the line.
_LABEL = regex.compile(r"(\w+(?: \w+){0,2}):(?=\s)")


def is_stamp(text: str, feature: Features) -> bool:
    """A short line that ends with a time or date, or says who wrote what follows."""
    return feature.words <= STAMP_WORDS and STAMP.search(text, max(0, len(text) - STAMP_TAIL)) is not None


def thread_posts(
    positions: Sequence[int],
    blocks: Sequence[Block],
    feats: Sequence[Features],
    text_at: int,
    stamps: Sequence[int] | None = None,
) -> tuple[range, set[int]]:
    """The lines of the thread of stamped entries that holds position ``text_at``, and its post lines.

    ``positions`` are the candidate positions in reading order (``blocks`` and
    ``feats`` are indexed by position). The thread runs from its first stamp
    to one gap past its last; it counts only with ``MIN_POSTS`` stamps no
    more than ``MAX_GAP`` lines apart and when it holds ``text_at`` (the
    page's main text). ``stamps`` are the stamped ones among ``positions``,
    in order, where the caller has found them already. A post line is a sentence or has a few words, and is
    no metadata: a line whose label the thread repeats ("Joined: …") or a
    line without a full stop that it repeats ("Top", "Quote"). Quoted
    sentences stay: a reply quotes what it answers. Stamps are no post lines.
    """
    if stamps is None:
        stamps = [position for position in positions if is_stamp(blocks[position].text, feats[position])]
    thread = _thread_around(stamps, text_at)
    if thread is None:
        return range(0), set()
    first, last = thread
    inside = [position for position in positions if first <= position <= last]
    seen = Counter(feats[position].key for position in inside)
    labels = {position: _label(blocks[position].text) for position in inside}
    labelled = Counter(label for label in labels.values() if label)
    stamp_set = set(stamps)
    posts = set()
    for position in inside:
        feature = feats[position]
        sentence = feature.terminal or feature.words >= _POST_WORDS
        # Metadata: a label the thread repeats, or a short line it repeats ("Top", "Quote", a name).
        metadata = labelled[labels[position]] >= 2 or (seen[feature.key] >= 2 and not feature.terminal)
        if sentence and not metadata and position not in stamp_set:
            posts.add(position)
    return range(first, last + 1), posts


def _label(text: str) -> str:
    """The label of a "Label: value" line ("Joined: 4 Jul 2012", "Re: the subject"), folded; else ""."""
    found = _LABEL.match(text)
    return found.group(1).casefold() if found else ""


def _thread_around(stamps: Sequence[int], text_at: int) -> tuple[int, int] | None:
    """The first and last line of the run of close stamps that holds ``text_at``."""
    start = 0
    for index in range(1, len(stamps) + 1):
        if index < len(stamps) and stamps[index] - stamps[index - 1] <= MAX_GAP:
            continue
        run = stamps[start:index]
        start = index
        if len(run) < MIN_POSTS:
            continue
        widest = max(later - earlier for earlier, later in pairwise(run))
        first, last = run[0], run[-1] + widest
        if first <= text_at <= last:
            return first, last
    return None
