"""Plain-text dumps: reading a whole file, and the exact form ``fix`` writes back.

The file form of cleaned text is scrapeclean's text form (see
:func:`scrapeclean.to_text`) followed by one final newline, using the line
ending the file already uses: its first line break, ``\\r\\n``, ``\\r`` or
``\\n`` (``\\n`` when it has none), however long its first line. A file is
unchanged exactly when its text equals its file form, so ``check`` and
``fix`` agree by construction: a cleaned file that lacks
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
from .limits import DEFAULT_LIMITS, Limits, read_bounded
from .units import Dump


def newline_of(text: str) -> str:
    """The line ending a text uses, judged by its first line break.

    >>> newline_of("a\\rb\\r"), newline_of("x" * 100_000 + "\\r\\n"), newline_of("one line")
    ('\\r', '\\r\\n', '\\n')
    """
    feed = text.find("\n")
    ret = text.find("\r", 0, len(text) if feed < 0 else feed)
    if ret < 0:
        return "\n"
    return "\r\n" if text.startswith("\n", ret + 1) else "\r"


def file_form(cleaned: str, original: str) -> str:
    """What ``fix`` writes for cleaned text ``cleaned`` of a file whose text was ``original``."""
    if not cleaned:
        return ""
    newline = newline_of(original)
    if newline != "\n":
        cleaned = cleaned.replace("\n", newline)
    return cleaned + newline


def read_bytes(path: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """A file's bytes (``-``: standard input), decompressing ``.gz``; ``InputError`` naming the file.

    The file is one dump, so it is read up to the document limit and no further
    (``TooLarge`` past it): a bomb or an endless device costs at most that.
    """
    limit = min(limits.document, limits.file)
    setting = "max-document-size" if limit == limits.document else "max-file-size"
    what = f"{display_path(path)}: the file" + (" (decompressed)" if path.lower().endswith(".gz") else "")
    try:
        if path == "-":
            return read_bounded(sys.stdin.buffer, limit, what, setting)
        if is_url(path):
            from .fs import open_input

            with open_input(path) as handle:
                return read_bounded(handle, limit, what, setting)
        if path.lower().endswith(".gz"):
            import gzip

            with gzip.open(path, "rb") as handle:
                return read_bounded(handle, limit, what, setting)  # type: ignore[arg-type]
        with open(path, "rb") as handle:
            return read_bounded(handle, limit, what, setting)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file (it may have been removed during the run)") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except (OSError, EOFError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise InputError(f"{path}: cannot read: {reason}") from None


def read_text(path: str, limits: Limits = DEFAULT_LIMITS) -> Dump:
    """One dump: the whole decoded file."""
    data = read_bytes(path, limits)
    decoded = decode(data, path)
    return Dump(path=path, text=decoded.text, decoded=decoded)


def display_path(path: str) -> str:
    return "<stdin>" if path == "-" else os.fspath(path)
