"""What readers produce: a flat, ordered stream of units for every input file.

Each file gives a :class:`FileStart`, then its :class:`Dump` s (texts to
clean) and :class:`Carry` s (lines kept as they are, such as a malformed JSONL
record), possibly a :class:`Failure`, and a :class:`FileEnd`. Writers and
reports handle the stream in order, so output follows input order even when
the cleaning itself runs in parallel.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .encoding import Decoded


class FileStart(NamedTuple):
    """A file begins; ``identity`` is its (device, inode) when it was opened, to see if it is swapped later."""

    path: str
    format: str
    relative: str = ""
    identity: tuple[int, int] | None = None


class FileEnd(NamedTuple):
    path: str


class Dump(NamedTuple):
    """One page dump to clean, with where it came from.

    ``line`` is the JSONL line or WARC record number (``None`` for a whole
    file), ``ident`` the record's id, ``record`` the JSONL object (its other
    fields are carried through), ``decoded`` how a text file was decoded,
    ``url`` the page's address where the input gives one.
    """

    path: str
    text: str
    line: int | None = None
    ident: Any = None
    record: dict[str, Any] | None = None
    raw: bytes | None = None
    decoded: Decoded | None = None
    url: str | None = None
    # An HTML page read by scrapeclean.page.read_html (``text`` is then its text): cleaned with its DOM's evidence.
    page: Any = None
    record_date: str | None = None  # a WARC record's WARC-Date

    @property
    def where(self) -> str:
        """``path`` or ``path:line``: how reports name this dump (``<stdin>`` for standard input)."""
        name = "<stdin>" if self.path == "-" else self.path
        return name if self.line is None else f"{name}:{self.line}"


class Carry(NamedTuple):
    """A JSONL line that is not cleaned and goes through unchanged; ``message`` says why, if it matters.

    ``too_large``: the line is over the document size limit and was not kept
    (``raw`` is empty), so a file holding it cannot be written back.
    """

    path: str
    line: int
    raw: bytes
    message: str | None = None
    failed: bool = False
    record: dict[str, Any] | None = None
    too_large: bool = False

    @property
    def where(self) -> str:
        return f"{'<stdin>' if self.path == '-' else self.path}:{self.line}"


class Failure(NamedTuple):
    """The file (or the rest of it) could not be read; the run goes on with the next file."""

    path: str
    message: str


Unit = FileStart | FileEnd | Dump | Carry | Failure
