"""Plain-text dumps: reading a whole file, and the exact form ``fix`` writes back.

The file form of cleaned text is scrapeclean's text form (see
:func:`scrapeclean.to_text`) followed by one final newline, using the line
ending the file already uses (``\\r\\n`` when its first line break is one,
``\\n`` otherwise). A file is unchanged exactly when its text equals its file
form, so ``check`` and ``fix`` agree by construction: a cleaned file that lacks
its final newline counts as changed, and ``fix`` adds it.

When cleaning keeps nothing, the file form would be empty; the commands
leave such a file alone unless asked (``--allow-empty``). A file with no
visible text at all is already clean.

>>> file_form("Title\\n\\nBody.", "Title\\r\\nBody.\\r\\n")
'Title\\r\\n\\r\\nBody.\\r\\n'
"""

from __future__ import annotations

import os
import sys

from ..errors import InputError
from .encoding import decode
from .fs import is_url
from .units import Dump

_FIRST_BREAK_LIMIT = 1 << 16


def newline_of(text: str) -> str:
    """The line ending a text uses, judged by its first line break."""
    position = text.find("\n", 0, _FIRST_BREAK_LIMIT)
    if position > 0 and text[position - 1] == "\r":
        return "\r\n"
    return "\n"


def file_form(cleaned: str, original: str) -> str:
    """What ``fix`` writes for cleaned text ``cleaned`` of a file whose text was ``original``."""
    if not cleaned:
        return ""
    newline = newline_of(original)
    if newline != "\n":
        cleaned = cleaned.replace("\n", newline)
    return cleaned + newline


def read_bytes(path: str) -> bytes:
    """A file's bytes (``-``: standard input), decompressing ``.gz``; ``InputError`` naming the file."""
    try:
        if path == "-":
            return sys.stdin.buffer.read()
        if is_url(path):
            from .fs import read_bytes as read_url

            return read_url(path)
        if path.lower().endswith(".gz"):
            import gzip

            with gzip.open(path, "rb") as handle:
                return handle.read()
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file (it may have been removed during the run)") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except (OSError, EOFError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise InputError(f"{path}: cannot read: {reason}") from None


def read_text(path: str) -> Dump:
    """One dump: the whole decoded file."""
    data = read_bytes(path)
    decoded = decode(data, path)
    return Dump(path=path, text=decoded.text, decoded=decoded)


def display_path(path: str) -> str:
    return "<stdin>" if path == "-" else os.fspath(path)
