"""Turn the paths of a run into one ordered stream of units (see :mod:`scrapeclean.io.units`)."""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, NamedTuple

from ..errors import InputError
from .fs import is_url
from .limits import DEFAULT_LIMITS, BoundedReader, Limits
from .paths import Found, detect_format
from .text import read_bytes, read_text
from .units import Carry, Dump, Failure, FileEnd, FileStart, Unit


class ReadOptions(NamedTuple):
    """How to read inputs: the format (``auto``: from the file name; stdin is text), the JSONL fields, the limits."""

    input_format: str = "auto"
    text_field: str = "text"
    id_field: str = "id"
    limits: Limits = DEFAULT_LIMITS


def format_of(path: str, options: ReadOptions) -> str:
    if options.input_format != "auto":
        return options.input_format
    return "text" if path == "-" else detect_format(path)


def read_all(found: Iterable[Found], options: ReadOptions) -> Iterator[Unit]:
    """Every unit of every file, in order; a file that fails yields a ``Failure`` and the stream goes on."""
    for item in found:
        fmt = format_of(item.path, options)
        yield FileStart(item.path, fmt, item.relative, _identity(item.path))
        yield from _read_one(item.path, fmt, options)
        yield FileEnd(item.path)


def _read_one(path: str, fmt: str, options: ReadOptions) -> Iterator[Dump | Carry | Failure]:
    limits = options.limits
    try:
        if fmt == "text":
            yield read_text(path, limits)
        elif fmt == "html":
            from ..page import read_html

            page = read_html(read_bytes(path, limits), url=None)
            yield Dump(path=path, text=page.text, page=page)
        elif fmt == "jsonl":
            from .jsonl import read_records

            with _binary(path, limits.file) as handle:
                yield from read_records(handle, path, options.text_field, options.id_field, limits.document)
        else:
            from .warc import read_warc

            with _binary(path, None) as handle:  # the reader decompresses and counts itself
                yield from read_warc(handle, path, limits)
    except InputError as error:
        yield Failure(path, str(error))
    except (OSError, EOFError, zlib.error) as error:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        yield Failure(path, f"{path}: cannot read: {reason}")


def _identity(path: str) -> tuple[int, int] | None:
    if path == "-":
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None  # reading it reports why
    return info.st_dev, info.st_ino


@contextmanager
def _binary(path: str, limit: int | None) -> Iterator[IO[bytes]]:
    """A streaming binary handle (stdin for ``-``); with a ``limit``, ``.gz`` decompressed and ``TooLarge`` past it."""
    if path == "-":
        stdin = sys.stdin.buffer
        yield stdin if limit is None else BoundedReader(stdin, limit, "<stdin>")  # type: ignore[misc]
        return
    if is_url(path):
        from .fs import open_input

        with open_input(path, decompress=limit is not None) as remote:
            yield remote if limit is None else BoundedReader(remote, limit, path)  # type: ignore[misc]
        return
    try:
        handle: IO[bytes] = open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file (it may have been removed during the run)") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    with handle:
        if limit is None:
            yield handle
        elif path.lower().endswith(".gz"):
            import gzip

            with gzip.GzipFile(fileobj=handle, mode="rb") as unpacked:
                yield BoundedReader(unpacked, limit, path)  # type: ignore[misc]
        else:
            yield BoundedReader(handle, limit, path)  # type: ignore[misc]
