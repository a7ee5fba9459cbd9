"""Write files so that a reader (or a crash) only ever sees the old or the new content.

The new content goes to a temporary file in the same directory, is flushed to
disk (``fsync``, so even a power cut cannot leave a half-written file behind
the new name), gets the original file's permission bits, and then replaces the
original with one ``os.replace`` (a rename, atomic on POSIX and Windows). A process
killed at any moment leaves the original intact; at worst a stray hidden
``.NAME.*.scrapeclean-tmp`` file remains next to it. A symbolic link is
followed: its target is rewritten and the link stays a link. A file without
write permission is refused rather than replaced behind its owner's back. A
write that fails (a full disk) leaves the original as it was and raises
``OutputError``; so does, when asked (``must_exist``), a file that was removed
while its new content was being made, rather than bringing it back.
"""

from __future__ import annotations

import os
import stat
import tempfile
from types import TracebackType
from typing import BinaryIO, NoReturn

from ..errors import OutputError

TEMP_SUFFIX = ".scrapeclean-tmp"


class AtomicWriter:
    """A context manager giving a binary file that replaces ``path`` when the block ends without error.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "page.txt"
    >>> with AtomicWriter(target) as handle:
    ...     _ = handle.write(b"new text\\n")
    >>> target.read_bytes()
    b'new text\\n'
    """

    def __init__(self, path: str | os.PathLike[str], must_exist: bool = False) -> None:
        self.path = os.fspath(path)
        self.target = os.path.realpath(self.path)
        self.must_exist = must_exist
        self._handle: BinaryIO | None = None
        self._temp: str | None = None

    def open(self) -> BinaryIO:
        """Create the temporary file next to the target and return it for writing."""
        directory, name = os.path.split(self.target)
        if os.path.exists(self.target) and not os.access(self.target, os.W_OK):
            raise OutputError(f"cannot write {self.path}: the file is read-only")
        try:
            mode = stat.S_IMODE(os.stat(self.target).st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        except OSError as error:
            raise OutputError(f"cannot write {self.path}: {error.strerror or error}") from None
        try:
            descriptor, self._temp = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=directory or ".")
        except OSError as error:
            reason = error.strerror or error
            raise OutputError(
                f"cannot write {self.path}: {reason} (creating a temporary file in {directory or '.'})"
            ) from None
        self._handle = os.fdopen(descriptor, "wb")
        try:
            os.chmod(self._temp, mode)
        except OSError:
            pass  # a file system without permission bits; the content still lands safely
        return self._handle

    def commit(self) -> None:
        """Flush the new content to disk and put it in place of the target."""
        assert self._handle is not None and self._temp is not None, "commit() before open()"
        try:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
        except OSError as failure:
            self._fail(failure.strerror or str(failure))
        if self.must_exist and not os.path.exists(self.target):
            self._fail("it was removed during the run; not created again")
        try:
            os.replace(self._temp, self.target)
        except OSError as failure:
            self._fail(failure.strerror or str(failure))
        self._handle = self._temp = None

    def _fail(self, reason: str) -> NoReturn:
        self.discard()
        raise OutputError(f"cannot write {self.path}: {reason}")

    def discard(self) -> None:
        """Drop the new content; the target is left as it was."""
        if self._handle is None or self._temp is None:
            return
        try:
            self._handle.close()
        except OSError:
            pass  # closing flushes, and the write that failed (a full disk) fails again; the file goes anyway
        finally:
            try:
                os.unlink(self._temp)
            except OSError:
                pass
            self._handle = self._temp = None

    def __enter__(self) -> BinaryIO:
        return self.open()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def atomic_write(path: str | os.PathLike[str], data: bytes, must_exist: bool = False) -> None:
    """Replace the content of ``path`` with ``data``, atomically; ``OutputError`` naming ``path`` if it cannot be.

    With ``must_exist``, a ``path`` that no longer exists when the new content
    is ready is not created again (a file removed during a run stays removed).
    """
    with AtomicWriter(path, must_exist=must_exist) as handle:
        try:
            handle.write(data)
        except OSError as error:  # a full disk, a file size limit
            raise OutputError(f"cannot write {os.fspath(path)}: {error.strerror or error}") from None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
