"""Paths as URLs: inputs and outputs on any file system fsspec knows (``s3://``, ``gs://``, ``file://``, …).

A path with a scheme (``NAME://``) is read and written through fsspec, which
loads only when such a path is met (``pip install scrapeclean[s3]`` brings
fsspec and s3fs; other file systems need their own fsspec package, such as
gcsfs). Plain paths never touch fsspec. A directory URL is walked like a
local directory: recursively, in sorted order, with the same include and
exclude globs. Output to a URL is not atomic the way a local rename is: an
object store makes an object visible when its upload completes, so a reader
still never sees half a file.

>>> is_url("s3://bucket/corpus/part-0.jsonl"), is_url("corpus/part-0.jsonl"), is_url("C:\\\\data")
(True, False, False)
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from ..errors import ConfigError, InputError, OutputError, ScrapecleanError

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]+://")


def is_url(path: str) -> bool:
    """Whether ``path`` names a file system by its scheme (a Windows drive letter does not)."""
    return bool(_SCHEME.match(path))


def filesystem(url: str) -> tuple[Any, str]:
    """The fsspec file system of ``url`` and the path inside it."""
    try:
        import fsspec
    except ImportError:
        raise ConfigError(
            f"{url}: reading and writing URLs needs fsspec; install it with: pip install 'scrapeclean[s3]'"
        ) from None
    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as error:
        raise ConfigError(f"{url}: no file system for this URL ({error})") from None


def join(base: str, relative: str) -> str:
    return base.rstrip("/") + "/" + relative.lstrip("/")


@contextmanager
def _remote(url: str, verb: str, error_class: type[ScrapecleanError]) -> Iterator[None]:
    """Any failure of the remote file system inside the block as ``error_class`` naming ``url``.

    A file system package raises its own exceptions (missing credentials, an
    unreachable endpoint, a refused request), not all of them ``OSError``;
    each becomes one clear message instead of a traceback.
    """
    try:
        yield
    except ScrapecleanError:
        raise
    except FileNotFoundError:
        if error_class is InputError:
            raise InputError(f"{url}: no such file") from None
        raise error_class(f"cannot {verb} {url}: no such bucket or folder") from None
    except Exception as error:
        raise error_class(f"cannot {verb} {url}: {type(error).__name__}: {error}") from None


def exists(url: str) -> bool:
    fs, path = filesystem(url)
    with _remote(url, "read", InputError):
        return bool(fs.exists(path))


def is_directory(url: str) -> bool:
    fs, path = filesystem(url)
    with _remote(url, "read", InputError):
        return bool(fs.isdir(path))


def walk(url: str) -> Iterator[tuple[str, str]]:
    """(url, relative path) of every file below a directory URL, in sorted order."""
    fs, root = filesystem(url)
    protocol = url.split("://", 1)[0]
    root = root.rstrip("/")
    with _remote(url, "list", InputError):
        files = sorted(fs.find(root))
    for found in files:
        relative = found[len(root) :].lstrip("/")
        yield f"{protocol}://{found}", relative


def read_bytes(url: str) -> bytes:
    """The bytes of the object at ``url``, ``.gz`` decompressed; ``InputError`` naming it when it cannot be read."""
    try:
        with open_input(url) as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError(f"{url}: no such file") from None
    except OSError as error:
        raise InputError(f"{url}: cannot read: {error}") from None


@contextmanager
def open_input(url: str, decompress: bool = True) -> Iterator[IO[bytes]]:
    """A streaming binary handle on ``url`` (``.gz`` decompressed unless ``decompress`` is false)."""
    fs, path = filesystem(url)
    with _remote(url, "read", InputError):
        if not fs.exists(path):
            raise InputError(f"{url}: no such file")
        opened = fs.open(path, "rb")
    with opened as handle:
        if decompress and path.lower().endswith(".gz"):
            import gzip

            with gzip.GzipFile(fileobj=handle, mode="rb") as unpacked:
                yield unpacked  # type: ignore[misc]
        else:
            # A remote file's readline takes no size; the readers bound every line they read.
            yield io.BufferedReader(handle)  # type: ignore[arg-type]


def write_bytes(url: str, data: bytes) -> None:
    """Write ``data`` to ``url`` (a local path: atomically; a URL: one upload)."""
    with open_output(url, compress=False) as handle:
        handle.write(data)


@contextmanager
def open_output(destination: str, compress: bool = True) -> Iterator[IO[bytes]]:
    """A binary handle writing ``destination``: ``-`` standard output, a local path atomically, or a URL.

    A name ending ``.gz`` is gzip-compressed (unless ``compress`` is false). A
    failure leaves a local target as it was.
    """
    if destination == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    if is_url(destination):
        fs, path = filesystem(destination)
        with _remote(destination, "write", OutputError):
            opened = fs.open(path, "wb")
        try:
            with _compressed(opened, compress and path.lower().endswith(".gz")) as target:
                yield target
        except BaseException:
            _discard(opened)  # nothing was uploaded: the object stays as it was
            raise
        with _remote(destination, "write", OutputError):
            opened.close()  # the upload: the object appears whole or not at all
        return
    import os

    from .atomic import AtomicWriter

    directory = os.path.dirname(os.path.abspath(destination))
    os.makedirs(directory, exist_ok=True)
    with (
        AtomicWriter(destination) as handle,
        _compressed(handle, compress and destination.lower().endswith(".gz")) as target,
    ):
        yield target


def _discard(opened: Any) -> None:
    """Drop a remote file being written without uploading it."""
    discard = getattr(opened, "discard", None)
    try:
        if discard is not None:
            discard()
        else:
            opened.close()
    except Exception:
        pass  # the write already failed; that failure is the one reported


@contextmanager
def _compressed(handle: IO[bytes], compress: bool) -> Iterator[IO[bytes]]:
    if not compress:
        yield handle
        return
    # mtime 0: the same records give the same bytes, run after run.
    import gzip

    with gzip.GzipFile(fileobj=handle, mode="wb", mtime=0) as packed:
        yield packed  # type: ignore[misc]
