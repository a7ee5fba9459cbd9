"""Turn the paths of a run into one ordered stream of units (see :mod:`scrapeclean.io.units`)."""

from __future__ import annotations

import sys
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, NamedTuple

from ..errors import InputError
from .fs import is_url
from .paths import Found, detect_format
from .text import read_bytes, read_text
from .units import Carry, Dump, Failure, FileEnd, FileStart, Unit


class ReadOptions(NamedTuple):
    """How to read inputs: the format (``auto``: from the file name; stdin is text) and the JSONL fields."""

    input_format: str = "auto"
    text_field: str = "text"
    id_field: str = "id"


def format_of(path: str, options: ReadOptions) -> str:
    if options.input_format != "auto":
        return options.input_format
    return "text" if path == "-" else detect_format(path)


def read_all(found: Iterable[Found], options: ReadOptions) -> Iterator[Unit]:
    """Every unit of every file, in order; a file that fails yields a ``Failure`` and the stream goes on."""
    for item in found:
        fmt = format_of(item.path, options)
        yield FileStart(item.path, fmt, item.relative)
        yield from _read_one(item.path, fmt, options)
        yield FileEnd(item.path)


def _read_one(path: str, fmt: str, options: ReadOptions) -> Iterator[Dump | Carry | Failure]:
    try:
        if fmt == "text":
            yield read_text(path)
        elif fmt == "html":
            from .html import html_to_dump

            yield Dump(path=path, text=html_to_dump(read_bytes(path), path))
        elif fmt == "jsonl":
            from .jsonl import read_records

            with _binary(path) as handle:
                yield from read_records(handle, path, options.text_field, options.id_field)
        else:
            from .warc import read_warc

            with _binary(path, decompress=False) as handle:
                yield from read_warc(handle, path)
    except InputError as error:
        yield Failure(path, str(error))
    except (OSError, EOFError, zlib.error) as error:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        yield Failure(path, f"{path}: cannot read: {reason}")


@contextmanager
def _binary(path: str, decompress: bool = True) -> Iterator[IO[bytes]]:
    """A streaming binary handle (stdin for ``-``); ``.gz`` decompressed unless the reader does it itself."""
    if path == "-":
        yield sys.stdin.buffer
        return
    if is_url(path):
        from .fs import open_input

        with open_input(path, decompress) as remote:
            yield remote
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
        if decompress and path.lower().endswith(".gz"):
            import gzip

            with gzip.GzipFile(fileobj=handle, mode="rb") as unpacked:
                yield unpacked  # type: ignore[misc]
        else:
            yield handle
