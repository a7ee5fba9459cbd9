"""Size limits on what is read, enforced while streaming so that no input can take unbounded memory.

Three limits, each a setting (``[tool.scrapeclean]`` and a command-line flag):

- ``max-document-size`` (default 64 MiB): the largest single dump: a text or
  HTML file (after decompression), one JSONL line, one WARC payload. It bounds
  the memory one input can take, since a dump is cleaned whole.
- ``max-file-size`` (default 8 GiB): the most bytes read from one file after
  decompression. It stops a compression bomb (a small ``.gz`` that inflates
  without end) and ``/dev/zero`` named as an input.
- ``max-warc-header-size`` (default 1 MiB): the largest header block of one
  WARC record (real ones are well under 4 KiB).

What is over a limit is reported by name and skipped; the run goes on with
the rest and exits 123. Nothing over a limit is ever held in memory whole:
reads ask for at most the limit plus one byte.

>>> parse_size("64MiB", "max-document-size"), parse_size(4096, "x"), format_size(1 << 30)
(67108864, 4096, '1 GiB')
"""

from __future__ import annotations

from typing import IO, NamedTuple

from ..errors import ConfigError, InputError

_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}
# Streams are read in pieces of this size when a line or payload has to be
# skipped without being held: big enough to be fast, small next to any limit.
CHUNK = 1 << 20


class Limits(NamedTuple):
    """The size limits of a run, in bytes."""

    document: int = 64 << 20
    file: int = 8 << 30
    warc_header: int = 1 << 20


DEFAULT_LIMITS = Limits()


class TooLarge(InputError):
    """An input is over one of the size limits; the message names it, the limit and the setting."""


def parse_size(value: object, where: str) -> int:
    """A size in bytes from ``4096``, ``"4096"``, ``"512KiB"``, ``"64M"``, ``"8GB"`` (units are binary)."""
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, str):
        number = _parse_text(value.strip().lower())
    else:
        number = None
    if number is None or number < 1:
        raise ConfigError(
            f"{where} must be a positive number of bytes, optionally with a unit (like 4096, '512KiB', '64MiB', "
            f"'8GiB'), not {value!r}"
        )
    return number


def _parse_text(text: str) -> int | None:
    digits = text.rstrip("kmgtib ")
    unit = text[len(digits) :].strip().removesuffix("ib").removesuffix("b")
    if not digits.isdigit() or unit not in _UNITS:
        return None
    return int(digits) * _UNITS[unit]


def format_size(size: int) -> str:
    """A size as a person reads it: ``64 MiB``, ``1536 bytes``."""
    for unit, name in ((1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")):
        if size >= unit and size % unit == 0:
            return f"{size // unit} {name}"
    return f"{size} bytes"


def over(what: str, limit: int, setting: str) -> str:
    """The message for an input over a limit."""
    return f"{what} is larger than {format_size(limit)} (--{setting}); skipped"


class BoundedReader:
    """A binary stream that raises :class:`TooLarge` once more than ``limit`` bytes have been read from it.

    It wraps the decompressed stream of a file, so the count is of bytes as
    the readers see them, whatever the file's size on disk.
    """

    def __init__(self, stream: IO[bytes], limit: int, name: str) -> None:
        self.stream = stream
        self.limit = limit
        self.name = name
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        return self._counted(self.stream.read(self._allowed(size)))

    def readline(self, size: int = -1) -> bytes:
        return self._counted(self.stream.readline(self._allowed(size)))

    def _allowed(self, size: int) -> int:
        room = self.limit + 1 - self.count
        return room if size is None or size < 0 else min(size, room)

    def _counted(self, data: bytes) -> bytes:
        self.count += len(data)
        if self.count > self.limit:
            raise TooLarge(over(f"{self.name}: the file (decompressed)", self.limit, "max-file-size"))
        return data


def read_bounded(stream: IO[bytes], limit: int, what: str, setting: str = "max-document-size") -> bytes:
    """All of ``stream``, or :class:`TooLarge` naming ``what`` once it passes ``limit`` bytes."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(over(what, limit, setting))
    return data


def skip_line(stream: IO[bytes]) -> None:
    """Read past the rest of the current line without holding it."""
    while True:
        piece = stream.readline(CHUNK)
        if not piece or piece.endswith(b"\n"):
            return
