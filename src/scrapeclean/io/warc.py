"""WARC and WET input: the text of conversion records.

Common Crawl's WET files hold, for each page, a ``conversion`` record with
its extracted text; those are the dumps cleaned here (other record types are
skipped). Their payload is decoded by the usual policy
(:mod:`scrapeclean.io.encoding`). Each dump carries its ``WARC-Record-ID`` as
its id and its ``WARC-Target-URI`` as its URL; records are numbered from 1 in
file order (all record types counted).

Records are read here, in one pass over the bytes: a version line, header
lines up to a blank line (at most ``max-warc-header-size`` bytes in all), then
``Content-Length`` bytes of payload. A gzip-compressed file (one member per
record, or one for the whole file) is recognised by its first bytes, whatever
its name. So the time taken is linear in the file's size, however long a
header line is, and memory is bounded by the limits
(:mod:`scrapeclean.io.limits`): a payload over ``max-document-size`` is
skipped without being held, and reported.

A record cut short (its payload shorter than its ``Content-Length``, or its
headers incomplete), headers over the limit, or a file that is not a WARC
file at all, is reported as a failure; the rest of that file cannot be
trusted and is skipped, and the run goes on with the next file. Files named
``.arc`` (the older ARC format) are read by warcio, imported only then.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO

from ..errors import InputError
from .encoding import decode
from .limits import CHUNK, DEFAULT_LIMITS, BoundedReader, Limits, format_size, over
from .units import Dump, Failure

TEXT_RECORD_TYPES = frozenset({"conversion"})
_GZIP_MAGIC = b"\x1f\x8b"


class _Broken(Exception):
    """The file cannot be read past this record; the message says why."""


class _Prefixed:
    """A stream with bytes already read from it put back in front."""

    def __init__(self, prefix: bytes, stream: IO[bytes]) -> None:
        self.prefix = prefix
        self.stream = stream

    def read(self, size: int = -1) -> bytes:
        if not self.prefix:
            return self.stream.read(size)
        if size < 0:
            head, self.prefix = self.prefix, b""
            return head + self.stream.read()
        head, self.prefix = self.prefix[:size], self.prefix[size:]
        return head  # a short read, as streams may give

    def readline(self, size: int = -1) -> bytes:
        if self.prefix and b"\n" not in self.prefix:
            head, self.prefix = self.prefix, b""
            return head + self.stream.readline(-1 if size < 0 else max(size - len(head), 0))
        if self.prefix:
            end = self.prefix.index(b"\n") + 1
            end = end if size < 0 else min(end, size)
            head, self.prefix = self.prefix[:end], self.prefix[end:]
            return head
        return self.stream.readline(size)


def read_warc(handle: IO[bytes], path: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[Dump | Failure]:
    """The conversion records of a WARC/WET stream, compressed or not, as dumps."""
    if path.lower().endswith((".arc", ".arc.gz")):
        yield from _read_arc(handle, path, limits)
        return
    magic = handle.read(2)
    stream: IO[bytes] = _Prefixed(magic, handle)  # type: ignore[assignment]
    if magic == _GZIP_MAGIC:
        import gzip

        stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[arg-type]
    stream = BoundedReader(stream, limits.file, path)  # type: ignore[assignment]
    number = 0
    try:
        while True:
            number += 1
            headers = _headers(stream, path, number, limits.warc_header)
            if headers is None:
                return
            dump = _record(stream, path, number, headers, limits.document)
            if dump is not None:
                yield dump
    except _Broken as broken:
        yield Failure(path, str(broken))
    except InputError as error:  # over the file size limit
        yield Failure(path, str(error))
    except EOFError as error:  # a compressed file cut short
        yield Failure(path, f"{path}: WARC record {number} is truncated ({error}); rest of file skipped")
    except (OSError, zlib.error) as error:
        reason = " ".join(str(error).split()) or type(error).__name__
        yield Failure(path, f"{path}: WARC record {number} cannot be read ({reason}); rest of file skipped")


def _headers(stream: IO[bytes], path: str, number: int, limit: int) -> dict[str, str] | None:
    """The header block of the next record (names lower-cased), or ``None`` at the end of the file."""
    first = stream.readline(limit + 1)
    while first in (b"\r\n", b"\n"):  # the blank lines that end the previous record
        first = stream.readline(limit + 1)
    if not first:
        return None
    if not first.startswith(b"WARC/"):
        shown = " ".join(first[:200].decode("utf-8", "replace").split())
        raise _Broken(
            f"{path}: WARC record {number} cannot be read (Invalid WARC record, first line: {shown}); "
            "rest of file skipped"
        )
    lines: list[bytes] = []
    used = len(first)
    while True:
        line = stream.readline(limit + 1 - used)
        used += len(line)
        if used > limit:
            raise _Broken(
                f"{over(f'{path}: WARC record {number}: the headers', limit, 'max-warc-header-size')}"
                "; rest of file skipped"
            )
        if not line or not line.endswith(b"\n"):
            raise _Broken(f"{path}: WARC record {number} is truncated (headers incomplete); rest of file skipped")
        if line in (b"\r\n", b"\n"):
            return _parse_headers(lines)
        lines.append(line)


def _parse_headers(lines: list[bytes]) -> dict[str, str]:
    headers: dict[str, list[str]] = {}
    last: list[str] | None = None
    for raw in lines:
        text = _text(raw).rstrip("\r\n")
        if text[:1] in (" ", "\t") and last is not None:  # a folded continuation of the previous value
            last.append(text.strip())
            continue
        name, _, value = text.partition(":")
        last = headers.setdefault(name.strip().lower(), [])
        last[:] = [value.strip()]
    return {name: " ".join(parts) for name, parts in headers.items()}


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _record(stream: IO[bytes], path: str, number: int, headers: dict[str, str], limit: int) -> Dump | Failure | None:
    """Read one record's payload: a dump for a conversion record, a failure when it is too large, else None."""
    length_text = headers.get("content-length", "")
    if not length_text.isdigit():
        raise _Broken(f"{path}: WARC record {number} cannot be read (no valid Content-Length); rest of file skipped")
    length = int(length_text)
    where = f"{path}: WARC record {number}"
    if headers.get("warc-type") not in TEXT_RECORD_TYPES or length > limit:
        _skip(stream, length, path, number)
        if length > limit and headers.get("warc-type") in TEXT_RECORD_TYPES:
            return Failure(path, over(f"{where} ({format_size(length)} of text)", limit, "max-document-size"))
        return None
    payload = stream.read(length)
    if len(payload) < length:
        raise _Broken(_truncated(path, number, len(payload), length))
    try:
        text = decode(payload, where).text
    except InputError as error:
        return Failure(path, str(error))
    return Dump(
        path=path,
        text=text,
        line=number,
        ident=headers.get("warc-record-id"),
        url=headers.get("warc-target-uri"),
    )


def _skip(stream: IO[bytes], length: int, path: str, number: int) -> None:
    """Read past a payload without holding it."""
    left = length
    while left:
        piece = stream.read(min(left, CHUNK))
        if not piece:
            raise _Broken(_truncated(path, number, length - left, length))
        left -= len(piece)


def _truncated(path: str, number: int, found: int, expected: int) -> str:
    return f"{path}: WARC record {number} is truncated ({found} of {expected} bytes); rest of file skipped"


def _read_arc(handle: IO[bytes], path: str, limits: Limits) -> Iterator[Dump | Failure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for number, record in enumerate(ArchiveIterator(BoundedReader(handle, limits.file, path)), start=1):
            payload = record.raw_stream.read(limits.document + 1)
            if len(payload) > limits.document:
                yield Failure(path, over(f"{path}: ARC record {number}", limits.document, "max-document-size"))
                continue
            if record.length is None or len(payload) < record.length:
                yield Failure(path, _truncated(path, number, len(payload), record.length or 0))
                return
            if record.rec_type in TEXT_RECORD_TYPES:
                try:
                    text = decode(payload, f"{path}: ARC record {number}").text
                except InputError as error:
                    yield Failure(path, str(error))
                    continue
                headers = record.rec_headers
                ident, url = headers.get_header("WARC-Record-ID"), headers.get_header("WARC-Target-URI")
                yield Dump(path=path, text=text, line=number, ident=ident, url=url)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as error:
        reason = " ".join(str(error).split())
        yield Failure(path, f"{path}: ARC record {number + 1} cannot be read ({reason}); rest of file skipped")
