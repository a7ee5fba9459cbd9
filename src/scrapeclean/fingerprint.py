"""Normalisation keys for comparing blocks.

Two blocks are "the same" for scrapeclean when their keys are equal: the key
folds case (and Unicode compatibility forms), drops punctuation and therefore
straight-versus-typographic quotes and dash styles, folds every digit to
``0`` and collapses spacing. It is a string, so it can be hashed: comparing
blocks is a dictionary look-up, never an all-pairs scan.
"""

from __future__ import annotations

import re
import unicodedata

import regex

_WORD = regex.compile(r"\w+")
# Scripts written without spaces between words: a run of them is no one word. Chinese and
# Japanese characters count one each; the Thai, Lao, Khmer and Myanmar alphabets, whose
# words run to several letters, count a word per four letters.
_IDEOGRAPHIC = r"\p{Han}\p{Hiragana}\p{Katakana}"
_UNSPACED_ALPHABETS = r"\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
_TOKEN = regex.compile(
    rf"[{_IDEOGRAPHIC}]|[{_UNSPACED_ALPHABETS}]{{1,4}}|[^\W{_IDEOGRAPHIC}{_UNSPACED_ALPHABETS}]+"
)
_UNSPACED_CHAR = regex.compile(rf"[{_IDEOGRAPHIC}{_UNSPACED_ALPHABETS}]")
# The Unicode blocks those scripts' characters lie in (a superset, as a test checks):
# a text with none of them is cut into plain \w+ runs, several times faster.
_UNSPACED_BLOCKS = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029"
    "\u3038-\u303b\u3040-\u30ff\u31f0-\u31ff\u32d0-\u3357\u3400-\u4dbf\u4e00-\u9fff\ua9e0-\ua9ff"
    "\uaa60-\uaa7f\uf900-\ufaff\uff66-\uff9f\U000116d0-\U000116ef\U00016fe0-\U00016fff"
    "\U0001aff0-\U0001b16f\U0001f200\U00020000-\U0003ffff]"
)
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
    if not has_unspaced(folded):
        return _WORD.findall(folded), 0
    found = _TOKEN.findall(folded)
    return found, sum(map(unspaced, found))


def has_unspaced(text: str) -> bool:
    """Whether ``text`` may hold a character of a script written without spaces (never False when it does)."""
    return not text.isascii() and _UNSPACED_BLOCKS.search(text) is not None


def unspaced(token: str) -> bool:
    """Whether a token of :func:`tokens` is a word of a script written without spaces.

    >>> unspaced("市"), unspaced("city")
    (True, False)
    """
    return not token.isascii() and _UNSPACED_CHAR.match(token) is not None


def fold(text: str) -> str:
    """Case and Unicode compatibility forms folded: the text keys and stopword look-ups are made from."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return text.casefold()


def key_of_tokens(tokens: list[str]) -> str:
    """The key of already folded ``\\w+`` tokens."""
    joined = " ".join(tokens)
    return _DIGIT.sub("0", joined) if _DIGIT.search(joined) else joined


def key(text: str) -> str:
    """The normalised form of a block's text.

    >>> key("The town’s “last big fight” — 2017") == key('the Town\\'s "last big fight" - 2018')
    True
    """
    return key_of_tokens(tokens(fold(text)))


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
