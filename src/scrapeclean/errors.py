"""The exceptions scrapeclean raises.

Each class also subclasses the builtin it resembles, so callers that already
catch ``ValueError`` or ``OSError`` keep working.
"""

from __future__ import annotations


class ScrapecleanError(Exception):
    """Base class of every error raised on purpose by scrapeclean."""


class ConfigError(ScrapecleanError, ValueError):
    """A setting has a value that cannot work; the message names it."""


class InputError(ScrapecleanError, ValueError):
    """The input cannot be read as a page dump (wrong type, undecodable bytes, …)."""


class SpanError(ScrapecleanError, ValueError):
    """A span does not fit the text it claims to point into."""


class OutputError(ScrapecleanError, OSError):
    """A result could not be written where it was asked to go."""
