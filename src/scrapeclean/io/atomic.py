"""Write files so that a reader (or a crash) only ever sees the old or the new content.

The new content goes to a temporary file in the same directory, is flushed to
disk (``fsync``, so even a power cut cannot leave a half-written file behind
the new name), gets the original file's permission bits, and then replaces the
original with one ``os.replace`` (a rename, atomic on POSIX and Windows). A process
killed at any moment leaves the original intact; at worst a stray hidden
``.NAME.sc-HOST-PID-XXXXXXXX.scrapeclean-tmp`` file remains next to it, which
:func:`remove_stale` removes on a later run. The new file gets the original's
owner, group and mode when it can (as root it always can). A symbolic link is
followed: its target is rewritten and the link stays a link. Only a regular
file is replaced: a device, a named pipe or a directory is refused. A file
without write permission bits is refused, even for root, rather than replaced
behind its owner's back. A
write that fails (a full disk) leaves the original as it was and raises
``OutputError``; so does, when asked (``must_exist``), a file that was removed
while its new content was being made, rather than bringing it back, and
(``same_as``) one that was replaced by another file or a link meanwhile.
"""

from __future__ import annotations

import os
import re
import signal
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import BinaryIO

from ..errors import OutputError

TEMP_SUFFIX = ".scrapeclean-tmp"
_REPLACED = "it was replaced by another file during the run; not rewritten"
WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
# A temporary file is named .NAME.sc-HOST-PID-XXXXXXXX.scrapeclean-tmp: the host
# (a short hash of its name) and the process that writes it, so a later run can
# tell one left by a killed run (same host, no such process) from one in use.
_STALE = re.compile(r"\A\..+\.sc-([0-9a-f]{8})-([0-9]+)-[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + r"\Z")


class AtomicWriter:
    """A context manager giving a binary file that replaces ``path`` when the block ends without error.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "page.txt"
    >>> with AtomicWriter(target) as handle:
    ...     _ = handle.write(b"new text\\n")
    >>> target.read_bytes()
    b'new text\\n'
    """

    def __init__(
        self, path: str | os.PathLike[str], must_exist: bool = False, same_as: tuple[int, int] | None = None
    ) -> None:
        self.path = os.fspath(path)
        self.target = os.path.realpath(self.path)
        self.must_exist = must_exist
        self.same_as = same_as  # (device, inode) of the file as it was read
        self._handle: BinaryIO | None = None
        self._descriptor: int | None = None  # the temporary file before it has a handle
        self._temp: str | None = None

    def open(self) -> BinaryIO:
        """Create the temporary file next to the target and return it for writing."""
        directory, name = os.path.split(self.target)
        original = self._original()
        try:
            self._create(directory, name, original)
        except BaseException:  # an error, or an interruption just after the file was made: it goes
            self.discard()
            raise
        assert self._handle is not None
        return self._handle

    def _original(self) -> os.stat_result | None:
        """The target's status, or None when it does not exist; ``OutputError`` when it must not be replaced."""
        try:
            info = os.stat(self.target)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise OutputError(f"cannot write {self.path}: {error.strerror or error}") from None
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(f"cannot write {self.path}: not a regular file ({_kind(info.st_mode)}); not replaced")
        if self._replaced(info):
            raise OutputError(f"cannot write {self.path}: {_REPLACED}")
        # The permission bits decide, even for root (for whom os.access always says yes).
        if not info.st_mode & WRITE_BITS or not os.access(self.target, os.W_OK):
            raise OutputError(f"cannot write {self.path}: the file is read-only")
        return info

    def _create(self, directory: str, name: str, original: os.stat_result | None) -> None:
        import tempfile  # here, not at start-up: `check` writes nothing

        # Ctrl-C and SIGTERM wait while the file is made and its name recorded, so no
        # interruption can leave a temporary file that discard() does not know of.
        with _interruptions_held():
            try:
                self._descriptor, self._temp = tempfile.mkstemp(
                    prefix=f".{name}.{temp_marker()}", suffix=TEMP_SUFFIX, dir=directory or "."
                )
            except OSError as error:
                reason = error.strerror or error
                raise OutputError(
                    f"cannot write {self.path}: {reason} (creating a temporary file in {directory or '.'})"
                ) from None
        _take_over(self._descriptor, original)
        self._handle = os.fdopen(self._descriptor, "wb")
        self._descriptor = None

    def commit(self) -> None:
        """Flush the new content to disk and put it in place of the target.

        Whatever stops it (an error, Ctrl-C, SIGTERM turned into ``SystemExit``)
        removes the temporary file on the way out.
        """
        assert self._handle is not None and self._temp is not None, "commit() before open()"
        try:
            refusal = self._put_in_place(self._handle, self._temp)
        except OSError as failure:
            refusal = failure.strerror or str(failure)
        except BaseException:
            self.discard()
            raise
        if refusal is not None:
            self.discard()
            raise OutputError(f"cannot write {self.path}: {refusal}")
        self._handle = self._temp = None

    def _put_in_place(self, handle: BinaryIO, temp: str) -> str | None:
        """Flush, sync and rename; the reason it must not be done, or None once done."""
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        if self.must_exist and not os.path.exists(self.target):
            return "it was removed during the run; not created again"
        if self.same_as is not None and self._replaced(os.stat(self.target)):
            return _REPLACED
        os.replace(temp, self.target)
        return None

    def _replaced(self, info: os.stat_result) -> bool:
        """Whether the target is now another file than the one read (swapped for a link, say)."""
        return self.same_as is not None and (info.st_dev, info.st_ino) != self.same_as

    def discard(self) -> None:
        """Drop the new content; the target is left as it was."""
        handle, descriptor, temp = self._handle, self._descriptor, self._temp
        self._handle = self._descriptor = self._temp = None
        try:
            if handle is not None:
                handle.close()
            elif descriptor is not None:
                os.close(descriptor)
        except OSError:
            pass  # closing flushes, and the write that failed (a full disk) fails again; the file goes anyway
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass

    def __enter__(self) -> BinaryIO:
        return self.open()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def atomic_write(
    path: str | os.PathLike[str], data: bytes, must_exist: bool = False, same_as: tuple[int, int] | None = None
) -> None:
    """Replace the content of ``path`` with ``data``, atomically; ``OutputError`` naming ``path`` if it cannot be.

    With ``must_exist``, a ``path`` that no longer exists when the new content
    is ready is not created again (a file removed during a run stays removed).
    Ctrl-C and SIGTERM take effect once the file is written or dropped: Python
    may run a handler at the start of any function, cleanup included, so only
    holding them back guarantees that no temporary file is left behind.
    """
    with _interruptions_held(), AtomicWriter(path, must_exist=must_exist, same_as=same_as) as handle:
        try:
            handle.write(data)
        except OSError as error:  # a full disk, a file size limit
            raise OutputError(f"cannot write {os.fspath(path)}: {error.strerror or error}") from None


@contextmanager
def _interruptions_held() -> Iterator[None]:
    """Hold back Ctrl-C and SIGTERM for the block; one that came meanwhile is raised right after it.

    Python runs a signal's handler at a moment of its own choosing, possibly
    after a file was created but before its name was stored, so the handlers
    themselves are swapped for ones that only take note.
    """
    caught: list[int] = []

    def take_note(signum: int, frame: object) -> None:
        caught.append(signum)

    try:
        previous = {signum: signal.signal(signum, take_note) for signum in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:  # not the main thread: handlers run in the main thread only, nothing can interrupt this one
        yield
        return
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for signum in caught[:1]:
            handler = previous[signum]
            if callable(handler):
                handler(signum, None)
            elif handler == signal.SIG_DFL:
                os.kill(os.getpid(), signum)


def temp_marker() -> str:
    """The part of a temporary file's name that says which host and process wrote it."""
    import hashlib
    import socket

    host = hashlib.sha1(socket.gethostname().encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"sc-{host}-{os.getpid()}-"


def remove_stale(directory: str) -> list[str]:
    """Remove the temporary files a killed run left in ``directory``; the paths removed.

    Only files whose name has scrapeclean's pattern, written on this host by a
    process that no longer exists, owned by whoever runs this, are removed.
    """
    host = temp_marker().split("-")[1]
    removed = []
    try:
        names = [name for name in os.listdir(directory or ".") if name.endswith(TEMP_SUFFIX)]
    except OSError:
        return removed
    for name in names:
        match = _STALE.match(name)
        if match is None or match.group(1) != host or _alive(int(match.group(2))):
            continue
        path = os.path.join(directory, name)
        try:
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid():
                os.unlink(path)
                removed.append(path)
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # another user's process, or a number no process can have: leave the file
    return True


def _take_over(descriptor: int, original: os.stat_result | None) -> None:
    """Give the new file the original's owner, group and mode (a new file: the mode of the umask).

    The owner goes first, as changing it clears the set-user-id bit; a set-id
    bit is kept only where its owner or group could be kept too, so a file
    never becomes set-id for someone it was not set-id for.
    """
    if original is None:
        mode = 0o666 & ~_umask()
    else:
        mode = stat.S_IMODE(original.st_mode)
        if not _owned_like(descriptor, original.st_uid, original.st_gid):
            _owned_like(descriptor, -1, original.st_gid)
        now = os.fstat(descriptor)
        if now.st_uid != original.st_uid:
            mode &= ~stat.S_ISUID
        if now.st_gid != original.st_gid:
            mode &= ~stat.S_ISGID
    try:
        os.fchmod(descriptor, mode)
    except OSError:
        pass  # a file system without permission bits; the content still lands safely


def _owned_like(descriptor: int, uid: int, gid: int) -> bool:
    now = os.fstat(descriptor)
    if (uid in (-1, now.st_uid)) and gid == now.st_gid:
        return True
    try:
        os.fchown(descriptor, uid, gid)
    except OSError:
        return False  # not root: the file is the runner's, as any editor would leave it
    return True


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a plain file")


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
