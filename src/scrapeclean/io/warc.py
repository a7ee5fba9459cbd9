"""WARC and WET input: the text of conversion records.

Common Crawl's WET files hold, for each page, a ``conversion`` record with
its extracted text; those are the dumps cleaned here (other record types are
skipped). Their payload is decoded by the usual policy
(:mod:`scrapeclean.io.encoding`). Each dump carries its ``WARC-Record-ID`` as
its id and its ``WARC-Target-URI`` as its URL; records are numbered from 1 in
file order (all record types counted).

A record cut short (its payload shorter than its ``Content-Length``, or its
headers incomplete), or a file that is not a WARC file at all, is reported as a failure; the rest of that file cannot be
trusted and is skipped, and the run goes on with the next file. warcio is
imported only when a WARC file is read.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO

from ..errors import InputError
from .encoding import decode
from .units import Dump, Failure

TEXT_RECORD_TYPES = frozenset({"conversion"})


def read_warc(handle: IO[bytes], path: str) -> Iterator[Dump | Failure]:
    from warcio.archiveiterator import ArchiveIterator, WARCIterator
    from warcio.exceptions import ArchiveLoadFailed

    # Only a file named .arc is read as the older ARC format: warcio reads
    # almost any text as ARC records, so a file that is not a WARC at all
    # would otherwise pass without a word.
    records = ArchiveIterator if path.lower().endswith((".arc", ".arc.gz")) else WARCIterator
    number = 0
    try:
        for number, record in enumerate(records(handle), start=1):
            payload = record.raw_stream.read()
            if record.length is None or len(payload) < record.length:
                expected = "unknown" if record.length is None else str(record.length)
                found = f"{len(payload)} of {expected} bytes"
                yield Failure(path, f"{path}: WARC record {number} is truncated ({found}); rest of file skipped")
                return
            if record.rec_type not in TEXT_RECORD_TYPES:
                continue
            headers = record.rec_headers
            where = f"{path}: WARC record {number}"
            try:
                text = decode(payload, where).text
            except InputError as error:
                yield Failure(path, str(error))
                continue
            yield Dump(
                path=path,
                text=text,
                line=number,
                ident=headers.get_header("WARC-Record-ID"),
                url=headers.get_header("WARC-Target-URI"),
            )
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as error:
        reason = " ".join(str(error).split())  # warcio quotes the offending line, line break and all
        yield Failure(path, f"{path}: WARC record {number + 1} cannot be read ({reason}); rest of file skipped")
