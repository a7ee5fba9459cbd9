"""The languages with phrase lists (``data/phrases/<code>.txt``), as the engine reads them.

See ``data/phrases/README.txt`` for the file format. The lists are compiled
into the engine, which matches blocks against them on normalised keys; the
chrome pass's ``phrase_languages`` setting chooses which lists it uses.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import _engine
from .errors import ConfigError

PHRASE_LANGUAGES: tuple[str, ...] = tuple(_engine.phrase_languages())


def check_languages(languages: Iterable[str]) -> tuple[str, ...]:
    """``languages`` as a tuple, each one with a phrase list; otherwise a ConfigError naming the known ones.

    >>> check_languages(["en", "fr"])
    ('en', 'fr')
    """
    languages = tuple(languages)
    for language in languages:
        if language not in PHRASE_LANGUAGES:
            raise ConfigError(f"no phrase list for language {language!r}; available: {PHRASE_LANGUAGES}")
    return languages
