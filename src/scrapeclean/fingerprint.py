"""Normalisation keys for comparing blocks.

Two blocks are "the same" for scrapeclean when their keys are equal: the key
folds case (and Unicode compatibility forms), drops punctuation and therefore
straight-versus-typographic quotes and dash styles, folds every digit to
``0`` and collapses spacing. It is a string, so it can be hashed: comparing
blocks is a dictionary look-up, never an all-pairs scan.
"""

from __future__ import annotations

import regex

from . import _engine
from .handoff import encodable

_WORD = regex.compile(r"\w+")
_DIGIT = regex.compile(r"\d")
_LETTER = regex.compile(r"\p{L}")


def words(text: str) -> list[str]:
    """The ``\\w+`` tokens of ``text``, as the benchmarks count words."""
    return _WORD.findall(text)


def tokens(folded: str) -> list[str]:
    """The word tokens of folded text: ``\\w+`` runs, with scripts written without spaces cut into words.

    >>> tokens("the council 市议会周二投票")
    ['the', 'council', '市', '议', '会', '周', '二', '投', '票']
    """
    return cut(folded)[0]


def cut(folded: str) -> tuple[list[str], int]:
    """:func:`tokens`, and how many of them are words of scripts written without spaces.

    >>> cut("the council 市议会")
    (['the', 'council', '市', '议', '会'], 3)
    """
    return _engine.cut(encodable(folded))


def unspaced(token: str) -> bool:
    """Whether a token of :func:`tokens` is a word of a script written without spaces.

    >>> unspaced("市"), unspaced("city")
    (True, False)
    """
    return not token.isascii() and _engine.cut(encodable(token))[1] > 0


def fold(text: str) -> str:
    """Case and Unicode compatibility forms folded: the text keys and stopword look-ups are made from."""
    return _engine.fold(encodable(text))


def key_of_tokens(tokens: list[str]) -> str:
    """The key of already folded ``\\w+`` tokens."""
    joined = " ".join(tokens)
    return _DIGIT.sub("0", joined) if _DIGIT.search(joined) else joined


def key(text: str) -> str:
    """The normalised form of a block's text.

    >>> key("The town’s “last big fight” — 2017") == key('the Town\\'s "last big fight" - 2018')
    True
    """
    return _engine.key(encodable(text))


def has_letters(text: str) -> bool:
    return _LETTER.search(text) is not None


# A list item of a text rendering ("* Home", "+ News", "o More", "2. Browse"): a menu entry or a trail's step.
LIST_ITEM = regex.compile(r"(?:[*+•◦▪‣·o-]|\d{1,2}[.)])\s")

# What sets the site's name off a <title> line's headline: " | ", " - ", " – ", " » ".
SITE_SEPARATOR = regex.compile(r"\s[|\-–—·•/»]{1,3}\s")
# Between a headline and the site's name in a page's <title>: those, or ": ".
TITLE_SEPARATOR = regex.compile(SITE_SEPARATOR.pattern + r"|:\s")


def title_keys(text: str, min_words: int = 1) -> frozenset[str]:
    """The keys of the headline a page's <title> line holds before or after its separator.

    Only the sides of a separator count, not the whole line: a line without
    the site's name beside it is not known to be a <title>.

    >>> sorted(title_keys("Seals return to the estuary | The Coast News", min_words=4))
    ['seals return to the estuary']
    """
    separators = list(TITLE_SEPARATOR.finditer(text))
    pieces = [*(text[: match.start()] for match in separators), *(text[match.end() :] for match in separators)]
    return frozenset(part for part in map(key, pieces) if part.count(" ") + 1 >= min_words)
