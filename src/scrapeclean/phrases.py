"""Phrase lists per language (``data/phrases/<code>.txt``), matched on normalised keys.

See ``data/phrases/README.txt`` for the file format. Lists are read once and
kept as immutable sets; matching a block is a set look-up plus, for phrases
marked with ``*``, a look-up of each of the block's first few word prefixes.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources

from attrs import Factory, field, frozen

from .errors import ConfigError
from .fingerprint import key as block_key

CATEGORIES = ("ui", "end", "byline", "bio", "closing")
PHRASE_LANGUAGES = ("en", "de", "fr", "es", "pt", "it", "ru", "ja", "zh", "cs", "pl", "nl", "sv", "tr", "ar", "ko", "id", "vi")
# A prefix phrase ("share *") matches only lines this many words longer at most:
# "Share on Facebook" is a widget, "Share your story with us and win" is not.
PREFIX_SLACK = 4


@frozen
class PhraseSet:
    exact: frozenset[str]
    prefixes: frozenset[str]
    longest_prefix: int
    # The first words of the prefix phrases: most lines start with none of them.
    first_words: frozenset[str] = field(
        default=Factory(lambda self: frozenset(prefix.partition(" ")[0] for prefix in self.prefixes), takes_self=True)
    )

    def matches(self, key: str, prefixes: bool = True) -> bool:
        """Whether a block's key is a phrase, or (with ``prefixes``) a short line starting with one."""
        if key in self.exact:
            return True
        if not prefixes or key.partition(" ")[0] not in self.first_words:
            return False
        words = key.split(" ")
        if len(words) > self.longest_prefix + PREFIX_SLACK:
            return False
        return any(" ".join(words[:size]) in self.prefixes for size in range(1, min(len(words), self.longest_prefix) + 1))

    def opens(self, key: str, longest: int = 4) -> bool:
        """Whether a block's key starts with a whole phrase ("related coverage" in "Related coverage from Money:").

        >>> PhraseSet(frozenset({"related coverage"}), frozenset(), 0).opens("related coverage from money")
        True
        """
        words = key.split(" ", longest)
        return any(" ".join(words[:size]) in self.exact for size in range(1, min(len(words), longest) + 1))


def _parse(text: str, language: str) -> dict[str, tuple[list[str], list[str]]]:
    sections: dict[str, tuple[list[str], list[str]]] = {name: ([], []) for name in CATEGORIES}
    current = None
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            if current not in sections:
                raise ConfigError(f"phrases/{language}.txt line {number}: unknown section [{current}]; use {CATEGORIES}")
            continue
        if current is None:
            raise ConfigError(f"phrases/{language}.txt line {number}: phrase before any [section]")
        exact, prefixes = sections[current]
        if line.endswith(" *"):
            prefixes.append(block_key(line[:-2]))
        else:
            exact.append(block_key(line))
    return sections


@functools.lru_cache(maxsize=None)
def _language_lists(language: str) -> dict[str, tuple[list[str], list[str]]]:
    path = resources.files("scrapeclean.data.phrases").joinpath(f"{language}.txt")
    if not path.is_file():
        raise ConfigError(f"no phrase list for language {language!r}; available: {PHRASE_LANGUAGES}")
    return _parse(path.read_text("utf-8"), language)


@functools.lru_cache(maxsize=None)
def phrase_set(category: str, languages: tuple[str, ...] = PHRASE_LANGUAGES) -> PhraseSet:
    """The union of one category's phrases over ``languages``."""
    if category not in CATEGORIES:
        raise ConfigError(f"unknown phrase category {category!r}; use one of {CATEGORIES}")
    exact: set[str] = set()
    prefixes: set[str] = set()
    for language in languages:
        more_exact, more_prefixes = _language_lists(language)[category]
        exact.update(more_exact)
        prefixes.update(more_prefixes)
    longest = max((len(prefix.split(" ")) for prefix in prefixes), default=0)
    return PhraseSet(frozenset(exact), frozenset(prefixes), longest)


def check_languages(languages: Iterable[str]) -> tuple[str, ...]:
    languages = tuple(languages)
    for language in languages:
        if language not in PHRASE_LANGUAGES:
            raise ConfigError(f"no phrase list for language {language!r}; available: {PHRASE_LANGUAGES}")
    return languages
