"""Shallow, language-aware features of blocks: the signals the boilerplate literature relies on.

Words per block, stopword density (jusText), terminal punctuation, the share
of capitalised words (headings and menus are title-cased), digits and
letters. The stopword list is chosen per document: the language whose list
covers most of the document's words.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from importlib import resources

import regex
from attrs import frozen

from .fingerprint import cut, fold, key_of_tokens
from .model import Document

LANGUAGES = (
    "en", "de", "fr", "es", "pt", "it", "nl", "pl", "ru", "sv", "da", "nb",
    "cs", "tr", "id", "fi", "ro", "hu", "uk", "el", "ca", "vi", "ar", "fa",
)  # fmt: skip

_LETTER = regex.compile(r"\p{L}")
# A sentence ends with . ! ? … (or their CJK forms), possibly followed by closing quotes or brackets.
_TERMINAL = regex.compile(r"[.!?…。！？]['\"’”»)\]]*$")
_QUESTION = regex.compile(r"[?!？！]['\"’”»)\]]*$")
_CAPITAL = regex.compile(r"(?<!\w)\p{Lu}")
_SAMPLE_WORDS = 4000
# A sentence this long is prose; shorter ones are as often captions, labels or teasers.
PROSE_WORDS = 12


@functools.lru_cache(maxsize=None)
def stopwords(language: str) -> frozenset[str]:
    """The stopword list of an ISO 639-1 language code (empty for a language with no list)."""
    if language not in LANGUAGES:
        return frozenset()
    text = resources.files("scrapeclean.data.stopwords").joinpath(f"{language}.txt").read_text("utf-8")
    return frozenset(word.strip().casefold() for word in text.splitlines() if word.strip())


@functools.lru_cache(maxsize=None)
def _languages_of_words() -> dict[str, tuple[int, ...]]:
    """Each stopword with the positions (in LANGUAGES) of the lists that hold it."""
    languages: dict[str, list[int]] = {}
    for position, language in enumerate(LANGUAGES):
        for word in stopwords(language):
            languages.setdefault(word, []).append(position)
    return {word: tuple(positions) for word, positions in languages.items()}


def detect_language(texts: Sequence[str]) -> str:
    """The language whose stopwords cover most words of a sample of ``texts`` ("" when none fits)."""
    return _language_of_tokens(_tokens(text)[0] for text in texts)


def _language_of_tokens(token_lists: Iterable[list[str]]) -> str:
    """:func:`detect_language` on texts already folded and split into ``\\w+`` tokens."""
    sample: list[str] = []
    for tokens in token_lists:
        sample += tokens
        if len(sample) >= _SAMPLE_WORDS:
            break
    sampled = len(sample)
    if not sampled:
        return ""
    index = _languages_of_words()
    hits = [0] * len(LANGUAGES)
    for word, count in Counter(sample).items():
        for position in index.get(word, ()):
            hits[position] += count
    best = max(range(len(LANGUAGES)), key=lambda position: (hits[position], -position))
    return LANGUAGES[best] if hits[best] >= max(2, sampled // 20) else ""


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


def features(text: str, stops: frozenset[str]) -> Features:
    return _features(text, _tokens(text), stops)


def _features(text: str, words_of_text: tuple[list[str], int], stops: frozenset[str]) -> Features:
    """The features of ``text``, given its words as :func:`_tokens` cuts them."""
    tokens, unspaced = words_of_text
    words = len(tokens)
    tail = text[-16:]
    return Features(
        words=words,
        stopwords=sum(map(stops.__contains__, tokens)) if stops else 0,
        letters=_LETTER.search(text) is not None,
        terminal=_TERMINAL.search(tail) is not None,
        question=_QUESTION.search(tail) is not None,
        capitalised=len(_CAPITAL.findall(text)) / words if words else 0.0,
        chars=len(text),
        key=key_of_tokens(tokens),
        unspaced=unspaced,
    )


@frozen(slots=True)
class Analysis:
    """A document's language and the features of each of its blocks (by block index)."""

    language: str
    stopwords: frozenset[str]
    features: tuple[Features, ...]


# Key of the document cache entry that keeps the features of block texts, by
# language. The rounds of one ``clean()`` share it (see ``api.process``): a
# confirming round sees the same lines again.
BLOCK_MEMO = "block-memo"


def analyse(document: Document) -> Analysis:
    """The features of every block of ``document``, computed once and shared by the passes.

    Features depend only on the blocks' texts, which no pass changes, so the
    analysis is kept in the document's cache and carried to the documents
    the passes derive from it.
    """
    cached = document.cache.get("analysis")
    if cached is None:
        texts = [block.text for block in document.blocks]
        sampled: dict[str, tuple[list[str], int]] = {}  # the words of the blocks language detection read
        language = _language_of_tokens(
            (sampled.get(text) or sampled.setdefault(text, _tokens(text)))[0] for text in texts
        )
        stops = stopwords(language)
        memo: dict[str, Features] = document.cache.setdefault(BLOCK_MEMO, {}).setdefault(language, {})
        features = []
        for text in texts:
            found = memo.get(text)
            if found is None:
                found = memo[text] = _features(text, sampled.get(text) or _tokens(text), stops)
            features.append(found)
        cached = Analysis(language, stops, tuple(features))
        document.cache["analysis"] = cached
    return cached


def _tokens(text: str) -> tuple[list[str], int]:
    """A block's folded word tokens and how many are words of scripts written without spaces."""
    return cut(fold(text))
