"""Remove the lines a site profile knows as that site's chrome (see :mod:`scrapeclean.corpus.profiles`).

A line is removed when its hashed key (:func:`~scrapeclean.corpus.profiles.line_hash`)
appears on at least ``min_share`` of the site's profiled pages, and the
profile has read at least ``min_documents`` of them. A long line must recur
on ``long_share`` of them: a sentence that many pages share (a standard
correction notice at the foot of some stories, a slogan two stories quote)
is more often body than chrome, while real chrome on a template is on nearly
every page. Nothing else is removed; the built-in passes run after it on
what is left.

Needs: a profile, given by the user (nothing is learned behind their back:
cleaning a dump still depends only on the dump and the profiles passed).
The removal's detail names the site and gives the count.

>>> from scrapeclean.corpus.profiles import ProfileLearner
>>> from scrapeclean.segment import segment
>>> learner = ProfileLearner()
>>> for number in range(10):
...     learner.add("x.example", f"Sign in | Subscribe\\nA story, number {number}, and its own words.")
>>> chrome = RemoveProfiledChrome.from_profile(learner.profiles().sites["x.example"])
>>> [b.removal and b.removal.detail for b in chrome(segment("Sign in | Subscribe\\nA new story.")).blocks]
['site x.example: on 10 of 10 pages', None]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import field, frozen

from ..corpus.profiles import SiteProfile, line_hash
from ..fingerprint import words
from ..model import Document
from ._settings import at_least

PROFILED_CHROME = "profiled-chrome"

# Shares and sizes set on the same-site corpora of benchmarks/site_profiles.py:
# chrome of a template is on nearly every page (its share is 1.0 there, and over
# 0.9 on real sites whose pages vary), body lines of distinct stories on very few.
MIN_SHARE = 0.5
# Fewer pages than this cannot tell a template from a coincidence.
MIN_DOCUMENTS = 5
# A line of this many words or more is held to long_share: a correction notice under
# a third of a site's stories must survive.
LONG_WORDS = 12
LONG_SHARE = 0.9


def _share(instance: Any, attribute: Any, value: float) -> None:
    if not 0.0 < value <= 1.0:
        from ..errors import ConfigError

        raise ConfigError(f"remove-profiled-chrome.{attribute.name} must be in (0, 1], not {value!r}")


@frozen
class RemoveProfiledChrome:
    """Remove the lines of one site's profile that recur on enough of its pages."""

    name: ClassVar[str] = "remove-profiled-chrome"

    site: str
    documents: int
    lines: Mapping[str, int] = field(eq=False, repr=lambda lines: f"<{len(lines)} lines>")
    min_share: float = field(default=MIN_SHARE, validator=_share)
    min_documents: int = field(default=MIN_DOCUMENTS, validator=at_least(1, "remove-profiled-chrome"))
    long_words: int = field(default=LONG_WORDS, validator=at_least(1, "remove-profiled-chrome"))
    long_share: float = field(default=LONG_SHARE, validator=_share)

    @classmethod
    def from_profile(cls, profile: SiteProfile, **settings: Any) -> RemoveProfiledChrome:
        """The pass for one site, holding only the lines common enough to be removed (so it pickles small)."""
        draft = cls(profile.site, profile.documents, {}, **settings)
        floor = draft.min_share * profile.documents
        common = {line: count for line, count in profile.lines.items() if count >= floor}
        return cls(profile.site, profile.documents, common, **settings)

    def __call__(self, document: Document) -> Document:
        if self.documents < self.min_documents or not self.lines:
            return document
        edits = document.edit(self.name)
        for block in document.blocks:
            if block.removal is not None:
                continue
            count = self.lines.get(line_hash(block.text) or "")
            if count is None or count < self.min_share * self.documents:
                continue
            if count < self.long_share * self.documents and len(words(block.text)) >= self.long_words:
                continue
            edits.remove(block.index, PROFILED_CHROME, f"site {self.site}: on {count} of {self.documents} pages")
        return edits.apply() if edits else document
