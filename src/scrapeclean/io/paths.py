"""Which files a run reads, what format each is in, and safe output names.

Directories are walked recursively in sorted order (so runs are
reproducible), without following symbolic links to directories. A file
found by walking is read when its name matches an ``include`` glob and
neither it nor a directory above it (below the directory given) matches an
``exclude`` glob. A glob without ``/`` is matched against names (of files
and of directories); one with ``/`` against the path relative to the
directory given. Only regular files are read when walking: a named pipe,
socket or device file met on the way would block or never end, so it is
skipped (a symbolic link to a file is followed; a dangling one is listed, so
that reading it reports it). Files named explicitly are always read, unless
``force_exclude`` is set, so a pipe such as ``<(zcat dump.gz)`` works.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Iterator, Sequence
from fnmatch import fnmatchcase
from typing import NamedTuple

from ..errors import ConfigError, InputError
from .atomic import TEMP_SUFFIX
from .fs import exists as url_exists
from .fs import is_url

FORMATS = ("text", "jsonl", "warc", "html")
REWRITABLE_FORMATS = ("text", "jsonl")  # what check and fix can write back
COMPRESSED = (".gz",)

DEFAULT_INCLUDE = (
    "*.txt",
    "*.jsonl",
    "*.jsonl.gz",
    "*.ndjson",
    "*.warc",
    "*.warc.gz",
    "*.wet",
    "*.wet.gz",
    "*.html",
    "*.htm",
)
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", ".tox", "node_modules", "__pycache__", "*" + TEMP_SUFFIX)

_SUFFIX_FORMATS = (
    ((".jsonl", ".ndjson"), "jsonl"),
    ((".warc", ".wet", ".arc"), "warc"),
    ((".html", ".htm", ".xhtml"), "html"),
)


def detect_format(path: str) -> str:
    """The input format a file name implies; anything unrecognised is plain text.

    >>> detect_format("corpus/part-0001.jsonl.gz"), detect_format("CC.warc.wet.gz"), detect_format("a.txt")
    ('jsonl', 'warc', 'text')
    """
    name = os.path.basename(path).lower()
    for suffix in COMPRESSED:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    for suffixes, fmt in _SUFFIX_FORMATS:
        if name.endswith(suffixes):
            return fmt
    return "text"


def is_compressed(path: str) -> bool:
    return path.lower().endswith(COMPRESSED)


class Found(NamedTuple):
    """A file to read: its path, the directory it was found under (``None`` when named explicitly)."""

    path: str
    root: str | None = None

    @property
    def relative(self) -> str:
        """The path below its root, with ``/`` separators; the file name when named explicitly."""
        if self.path == "-":
            return "stdin"
        if self.root is None:
            return os.path.basename(self.path)
        if is_url(self.root):
            return self.path[len(self.root) :].lstrip("/")
        return os.path.relpath(self.path, self.root).replace(os.sep, "/")


class FileFilter(NamedTuple):
    """Include and exclude globs."""

    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    force_exclude: bool = False

    def excluded(self, relative: str) -> bool:
        parts = relative.split("/")
        for pattern in self.exclude:
            if "/" in pattern.strip("/"):
                if fnmatchcase(relative, pattern.strip("/")) or fnmatchcase(relative, pattern.strip("/") + "/*"):
                    return True
            elif any(fnmatchcase(part, pattern.rstrip("/")) for part in parts):
                return True
        return False

    def included(self, relative: str) -> bool:
        name = relative.rsplit("/", 1)[-1]
        return any(
            fnmatchcase(name, pattern) if "/" not in pattern else fnmatchcase(relative, pattern)
            for pattern in self.include
        )


def check_paths(paths: Sequence[str]) -> None:
    """Fail early (a usage error) when a path named on the command line does not exist."""
    for path in paths:
        if is_url(path):
            if not url_exists(path):
                raise InputError(f"{path}: no such file or directory")
        elif path != "-" and not os.path.lexists(path):
            raise InputError(f"{path}: no such file or directory")


def discover(paths: Sequence[str], file_filter: FileFilter) -> Iterator[Found]:
    """The files to read, lazily, in command-line order then sorted walk order; ``-`` stands for stdin."""
    for path in paths:
        if is_url(path):
            yield from walk_url(path, file_filter)
            continue
        if path == "-" or not os.path.isdir(path):
            if file_filter.force_exclude and path != "-" and file_filter.excluded(path.replace(os.sep, "/")):
                continue
            yield Found(path)
            continue
        yield from _walk(path, file_filter)


def walk_url(url: str, file_filter: FileFilter) -> Iterator[Found]:
    """A URL named on the command line: the file itself, or the files below it as a local walk finds them."""
    from .fs import is_directory, walk

    if not is_directory(url):
        yield Found(url)
        return
    for found, relative in walk(url):
        if file_filter.included(relative) and not file_filter.excluded(relative):
            yield Found(found, url)


def _walk(root: str, file_filter: FileFilter) -> Iterator[Found]:
    for directory, subdirectories, files in os.walk(root):
        below = os.path.relpath(directory, root).replace(os.sep, "/")
        prefix = "" if below == "." else below + "/"
        subdirectories[:] = sorted(name for name in subdirectories if not file_filter.excluded(prefix + name))
        for name in sorted(files):
            relative = prefix + name
            path = os.path.join(directory, name)
            if file_filter.included(relative) and not file_filter.excluded(relative) and _may_read(path):
                yield Found(path, root)


def _may_read(path: str) -> bool:
    """Whether a file met in a walk is read: not a pipe, socket or device (a missing one is, to be reported)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(identifier: str, limit: int = 96) -> str:
    """A file name made from an id that cannot leave its directory or hide itself.

    Characters other than ASCII letters, digits, ``.``, ``_`` and ``-`` become
    ``_``; dots, dashes and underscores at either end go; when anything was changed, a short hash
    of the id keeps different ids apart.

    >>> safe_name("article-17"), safe_name("../../etc/passwd")
    ('article-17', 'etc_passwd-936d7c04')
    """
    normal = unicodedata.normalize("NFKC", identifier)
    name = _UNSAFE.sub("_", normal).strip("._-")[:limit].rstrip("._-")
    if name != identifier or not name:
        import hashlib

        digest = hashlib.sha1(identifier.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        name = f"{name}-{digest}" if name else digest
    return name


def inside(directory: str, relative: str) -> str:
    """``directory/relative``, refusing any result that would land outside ``directory``."""
    base = os.path.realpath(directory)
    candidate = os.path.realpath(os.path.join(base, relative))
    if os.path.commonpath([base, candidate]) != base or candidate == base:
        raise ConfigError(f"output name {relative!r} would be written outside {directory}; refused")
    return candidate


def check_format(name: str) -> str:
    if name not in FORMATS + ("auto",):
        raise ConfigError(f"input format must be one of {['auto', *FORMATS]}, not {name!r}")
    return name
