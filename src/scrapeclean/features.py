"""Shallow, language-aware features of blocks: the signals the boilerplate literature relies on.

Words per block, stopword density (jusText), terminal punctuation, the share
of capitalised words (headings and menus are title-cased), digits and
letters. The stopword list is chosen per document: the language whose list
covers most of the document's words.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources

import regex
from attrs import frozen

from .fingerprint import key as block_key

LANGUAGES = (
    "en", "de", "fr", "es", "pt", "it", "nl", "pl", "ru", "sv", "da", "nb",
    "cs", "tr", "id", "fi", "ro", "hu", "uk", "el", "ca", "vi", "ar", "fa",
)  # fmt: skip

_WORD = regex.compile(r"\w+")
_LETTER = regex.compile(r"\p{L}")
# A sentence ends with . ! ? … (or their CJK forms), possibly followed by closing quotes or brackets.
_TERMINAL = regex.compile(r"[.!?…。！？]['\"’”»)\]]*$")
_SAMPLE_WORDS = 4000


@functools.lru_cache(maxsize=None)
def stopwords(language: str) -> frozenset[str]:
    """The stopword list of an ISO 639-1 language code (empty for a language with no list)."""
    if language not in LANGUAGES:
        return frozenset()
    text = resources.files("scrapeclean.data.stopwords").joinpath(f"{language}.txt").read_text("utf-8")
    return frozenset(word.strip().casefold() for word in text.splitlines() if word.strip())


def detect_language(texts: Sequence[str]) -> str:
    """The language whose stopwords cover most words of a sample of ``texts`` ("" when none fits)."""
    sample: list[str] = []
    for text in texts:
        sample.extend(word.casefold() for word in _WORD.findall(text))
        if len(sample) >= _SAMPLE_WORDS:
            break
    if not sample:
        return ""
    best, best_hits = "", 0
    for language in LANGUAGES:
        words = stopwords(language)
        hits = sum(1 for word in sample if word in words)
        if hits > best_hits:
            best, best_hits = language, hits
    return best if best_hits >= max(2, len(sample) // 20) else ""


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

    @property
    def heading_like(self) -> bool:
        """A line a page uses as a headline: a few words, letters, no sentence end."""
        return self.letters and 2 <= self.words <= 30 and not self.terminal and self.chars <= 250


def features(text: str, stops: frozenset[str]) -> Features:
    tokens = _WORD.findall(text)
    capitalised = sum(1 for token in tokens if token[:1].isupper())
    return Features(
        words=len(tokens),
        stopwords=sum(1 for token in tokens if token.casefold() in stops),
        letters=_LETTER.search(text) is not None,
        terminal=_TERMINAL.search(text[-16:]) is not None,
        capitalised=capitalised / len(tokens) if tokens else 0.0,
        chars=len(text),
        key=block_key(text),
    )


def document_features(texts: Sequence[str]) -> tuple[str, list[Features]]:
    """The document's language and the features of each text."""
    language = detect_language(texts)
    stops = stopwords(language)
    return language, [features(text, stops) for text in texts]
