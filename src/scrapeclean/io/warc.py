"""WARC and WET input: the pages of response records, the text of conversion records.

A crawl's WARC files hold, for each page, a ``response`` record with the
HTTP response as fetched; an HTML response is read by
:func:`scrapeclean.page.read_html` (its body decoded from chunks and
compression, its charset taken from the HTTP ``Content-Type`` first) and
cleaned with its DOM's evidence, as ``clean_html`` does. Common Crawl's WET
files hold a ``conversion`` record with each page's extracted text; those are
cleaned as dumps, their payload decoded by the usual policy
(:mod:`scrapeclean.io.encoding`). Each page or dump carries its
``WARC-Record-ID`` as its id, its ``WARC-Target-URI`` as its URL and its
``WARC-Date``; records are numbered from 1 in file order (all record types
counted).

A ``response`` or ``resource`` record that holds no HTML page (an image, a
redirect, an error status, a body whose compression is broken, a page
without text or whose text does not decode) is skipped with its reason,
reported as a warning and counted; the next record is read as usual.
``request``, ``metadata``, ``warcinfo`` and ``revisit`` records hold no
page and are passed over silently.

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
from .units import Carry, Dump, Failure

TEXT_RECORD_TYPES = frozenset({"conversion"})
PAGE_RECORD_TYPES = frozenset({"response", "resource"})
# A page whose text is this much U+FFFD (bytes its encoding could not read) is badly encoded, not a page to clean.
MAX_UNDECODABLE_SHARE = 0.05
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


def read_warc(handle: IO[bytes], path: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[Dump | Carry | Failure]:
    """The pages and conversion records of a WARC/WET stream, compressed or not, as dumps; skipped records as carries."""
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


def _record(
    stream: IO[bytes], path: str, number: int, headers: dict[str, str], limit: int
) -> Dump | Carry | Failure | None:
    """Read one record's payload: a dump for a page or a conversion record, a carry or failure saying why not, else None."""
    length_text = headers.get("content-length", "")
    if not length_text.isdigit():
        raise _Broken(f"{path}: WARC record {number} cannot be read (no valid Content-Length); rest of file skipped")
    length = int(length_text)
    where = f"{path}: WARC record {number}"
    kind = headers.get("warc-type")
    wanted = kind in TEXT_RECORD_TYPES or kind in PAGE_RECORD_TYPES
    if not wanted or length > limit:
        _skip(stream, length, path, number)
        if length > limit and kind in TEXT_RECORD_TYPES:
            return Failure(path, over(f"{where} ({format_size(length)} of text)", limit, "max-document-size"))
        if length > limit and wanted:
            return _skipped(path, number, f"{format_size(length)} over max-document-size ({format_size(limit)})")
        return None
    payload = _read_exactly(stream, length)
    if len(payload) < length:
        raise _Broken(_truncated(path, number, len(payload), length))
    if kind in PAGE_RECORD_TYPES:
        return page_dump(payload, headers, path, number, limit)
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
        record_date=headers.get("warc-date"),
    )


def page_dump(payload: bytes, headers: dict[str, str], path: str, number: int, limit: int) -> Dump | Carry:
    """The HTML page of a response or resource record (``headers``: its WARC headers, lower-cased), or why not."""
    from ..page import charset_of, read_html
    from .http import NotAPage, html_body

    url = headers.get("warc-target-uri")
    try:
        body = html_body(payload, headers.get("warc-type"), limit)
    except NotAPage as reason:
        return _skipped(path, number, str(reason), url)
    content_type = body.content_type or headers.get("warc-identified-payload-type")
    try:
        page = read_html(body.html, url=url, charset=charset_of(content_type))
    except InputError:
        return _skipped(path, number, "the page has no visible text", url)
    if page.text.count("\ufffd") > MAX_UNDECODABLE_SHARE * len(page.text):
        return _skipped(path, number, "badly encoded (its text does not decode in the charset it names)", url)
    return Dump(
        path=path,
        text=page.text,
        line=number,
        ident=headers.get("warc-record-id"),
        url=url,
        page=page,
        record_date=headers.get("warc-date"),
    )


def _skipped(path: str, number: int, reason: str, url: str | None = None) -> Carry:
    shown = f" ({url})" if url else ""
    return Carry(path, number, b"", f"WARC record{shown} skipped: {reason}")


def _read_exactly(stream: IO[bytes], length: int) -> bytes:
    """``length`` bytes, or fewer only at the end of the stream (streams may give short reads)."""
    pieces = []
    left = length
    while left:
        piece = stream.read(left)
        if not piece:
            break
        pieces.append(piece)
        left -= len(piece)
    return b"".join(pieces)


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
        # no_record_parse: the raw stream then holds the HTTP headers too, as the record's length counts them.
        records = ArchiveIterator(BoundedReader(handle, limits.file, path), no_record_parse=True)
        for number, record in enumerate(records, start=1):
            payload = record.raw_stream.read(limits.document + 1)
            if len(payload) > limits.document:
                yield Failure(path, over(f"{path}: ARC record {number}", limits.document, "max-document-size"))
                continue
            if record.length is None or len(payload) < record.length:
                yield Failure(path, _truncated(path, number, len(payload), record.length or 0))
                return
            if record.rec_type in PAGE_RECORD_TYPES:
                headers = {name.lower(): value for name, value in record.rec_headers.headers}
                headers.setdefault("warc-type", record.rec_type)
                headers.setdefault("warc-target-uri", record.rec_headers.get_header("uri"))
                yield page_dump(payload, headers, path, number, limits.document)
            elif record.rec_type in TEXT_RECORD_TYPES:
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
