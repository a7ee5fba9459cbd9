"""Shallow, language-aware features of blocks: the signals the boilerplate literature relies on.

Words per block, stopword density (jusText), terminal punctuation, the share
of capitalised words (headings and menus are title-cased), digits and
letters. The stopword list is chosen per document: the language whose list
covers most of the document's words.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from attrs import frozen

from . import _engine
from .handoff import encodable, encodable_all
from .model import Document

LANGUAGES = (
    "en", "de", "fr", "es", "pt", "it", "nl", "pl", "ru", "sv", "da", "nb",
    "cs", "tr", "id", "fi", "ro", "hu", "uk", "el", "ca", "vi", "ar", "fa",
)  # fmt: skip

# A sentence this long is prose; shorter ones are as often captions, labels or teasers.
PROSE_WORDS = 12


@functools.lru_cache(maxsize=None)
def stopwords(language: str) -> frozenset[str]:
    """The stopword list of an ISO 639-1 language code (empty for a language with no list)."""
    return frozenset(_engine.stopwords(language))


def detect_language(texts: Sequence[str]) -> str:
    """The language whose stopwords cover most words of a sample of ``texts`` ("" when none fits)."""
    return str(_engine.analyse(encodable_all(list(texts)))[0])


@frozen(slots=True)
class Features:
    """What the passes read off one block's text."""

    words: int
    stopwords: int
    letters: bool
    terminal: bool
    capitalised: float  # share of words starting with an upper-case letter
    chars: int
    key: str

    @property
    def stopword_density(self) -> float:
        return self.stopwords / self.words if self.words else 0.0

    question: bool = False  # ends with a question or exclamation mark
    unspaced: int = 0  # words of scripts written without spaces (one per Chinese or Japanese character)

    @property
    def length(self) -> int:
        """Characters as an alphabetic script would spell the same text: a Chinese or Japanese
        character (a word in itself) counts as three, so length thresholds fit every script."""
        return self.chars + 2 * self.unspaced

    @property
    def prose_words(self) -> int:
        """The block's words when it is a sentence of ``PROSE_WORDS`` words or more, else 0."""
        return self.words if self.terminal and self.words >= PROSE_WORDS else 0

    @property
    def heading_like(self) -> bool:
        """A line a page uses as a headline: a few words, letters, no full stop (a question may be one)."""
        return self.letters and 2 <= self.words <= 30 and (not self.terminal or self.question) and self.chars <= 250


def features(text: str, language: str = "") -> Features:
    """The features of one text, with the stopwords of ``language`` ("" for none)."""
    return _from_columns(_engine.features(encodable(text), language), 0)


def _from_columns(columns: tuple, position: int) -> Features:
    words, stops, letters, terminal, question, capitalised, chars, key, unspaced = (
        column[position] for column in columns
    )
    return Features(words, stops, letters, terminal, capitalised, chars, key, question, unspaced)


@frozen(slots=True)
class Analysis:
    """A document's language and the features of each of its blocks (by block index)."""

    language: str
    stopwords: frozenset[str]
    features: tuple[Features, ...]


def analyse(document: Document) -> Analysis:
    """The language of ``document`` and the features of every block, computed once and shared by the passes.

    Features depend only on the blocks' texts, which no pass changes, so the
    analysis is kept in the document's cache and carried to the documents
    the passes derive from it.
    """
    cached = document.cache.get("analysis")
    if cached is None:
        language, *columns = _engine.analyse(encodable_all([block.text for block in document.blocks]))
        features = tuple(_from_columns(columns, position) for position in range(len(document.blocks)))
        cached = Analysis(language, stopwords(language), features)
        document.cache["analysis"] = cached
    return cached
