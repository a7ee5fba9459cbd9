"""Which files a run reads, what format each is in, and safe output names.

Directories are walked in sorted order (so runs are reproducible), depth
first with a stack of their own (so no tree is too deep), without following
symbolic links to directories. A symbolic link to a file is read only when
it leads to a file inside the directory given (a link planted in a corpus
must not make ``fix`` rewrite a file elsewhere); others are left out, and
the run says so. A file found by walking is read when its name matches an
``include`` glob and neither it nor a directory above it (below the
directory given) matches an ``exclude`` glob. A glob without ``/`` is
matched against names (of files and of directories); one with ``/`` against
the path relative to the directory given. Only regular files are read when
walking: a named pipe, socket or device file met on the way would block or
never end, so it is skipped (a dangling link leading inside is listed, so
that reading it reports it). Files named explicitly are always read, unless
``force_exclude`` is set, so a pipe such as ``<(zcat dump.gz)`` works.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
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
    """Include and exclude globs, and folders never walked into (``outputs``: (device, inode) of each)."""

    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    force_exclude: bool = False
    outputs: tuple[tuple[int, int], ...] = ()

    def excluded(self, relative: str) -> bool:
        parts = relative.split("/")
        return any(_excludes(pattern, relative, parts) for pattern in self.exclude)

    def excluded_entry(self, relative: str) -> bool:
        """``excluded`` for an entry met in a walk, whose folders above were checked already.

        Only its own name is matched against the globs without ``/``, so a deep
        tree costs a walk time linear in its size, not quadratic in its depth.
        """
        name = relative.rsplit("/", 1)[-1]
        return any(_excludes(pattern, relative, (name,)) for pattern in self.exclude)

    def included(self, relative: str) -> bool:
        name = relative.rsplit("/", 1)[-1]
        return any(
            fnmatchcase(name, pattern) if "/" not in pattern else fnmatchcase(relative, pattern)
            for pattern in self.include
        )


def _excludes(pattern: str, relative: str, names: Sequence[str]) -> bool:
    bare = pattern.strip("/")
    if "/" in bare:
        return fnmatchcase(relative, bare) or fnmatchcase(relative, bare + "/*")
    return any(fnmatchcase(name, pattern.rstrip("/")) for name in names)


def check_paths(paths: Sequence[str]) -> None:
    """Fail early (a usage error) when a path named on the command line does not exist."""
    for path in paths:
        if is_url(path):
            if not url_exists(path):
                raise InputError(f"{path}: no such file or directory")
        elif path != "-" and not os.path.lexists(path):
            raise InputError(f"{path}: no such file or directory")


def discover(
    paths: Sequence[str], file_filter: FileFilter, skipped: Callable[[str], None] | None = None
) -> Iterator[Found]:
    """The files to read, lazily, in command-line order then sorted walk order; ``-`` stands for stdin.

    ``skipped`` is told (in a sentence naming the path) of each symbolic link
    a walk leaves out because it leads outside the directory given.
    """
    for path in paths:
        if is_url(path):
            yield from walk_url(path, file_filter)
            continue
        if path == "-" or not os.path.isdir(path):
            if file_filter.force_exclude and path != "-" and file_filter.excluded(path.replace(os.sep, "/")):
                continue
            yield Found(path)
            continue
        yield from _walk(path, file_filter, skipped or (lambda message: None))


def _walk(root: str, file_filter: FileFilter, skipped: Callable[[str], None]) -> Iterator[Found]:
    """Depth first, in sorted order, with a stack of its own: no tree is too deep for it."""
    real_root = os.path.realpath(root)
    stack = [(root, "")]
    while stack:
        directory, prefix = stack.pop()
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:  # unreadable: as os.walk does, leave it out
            skipped(f"note: {directory}: cannot list: {error.strerror or error}; skipped")
            continue
        below = []
        for entry in entries:
            relative = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                if not file_filter.excluded_entry(relative) and not _is_output(entry, file_filter.outputs):
                    below.append((entry.path, relative + "/"))
            elif file_filter.included(relative) and not file_filter.excluded_entry(relative):
                if entry.is_symlink() and not _leads_inside(entry.path, real_root):
                    skipped(f"note: {entry.path}: a symbolic link leading outside {root}; skipped")
                elif _may_read(entry.path):
                    yield Found(entry.path, root)
        stack.extend(reversed(below))


def _is_output(entry: os.DirEntry[str], outputs: tuple[tuple[int, int], ...]) -> bool:
    # A run that writes below a folder it reads would read its own output (and write it again, a level deeper).
    # Compared by inode first (known from the listing), so deep trees cost no extra look-ups.
    if not any(entry.inode() == inode for _, inode in outputs):
        return False
    return (entry.stat(follow_symlinks=False).st_dev, entry.inode()) in outputs


def _leads_inside(link: str, real_root: str) -> bool:
    target = os.path.realpath(link)
    return os.path.commonpath([real_root, target]) == real_root and target != real_root


def walk_url(url: str, file_filter: FileFilter) -> Iterator[Found]:
    """A URL named on the command line: the file itself, or the files below it as a local walk finds them."""
    from .fs import is_directory, walk

    if not is_directory(url):
        yield Found(url)
        return
    for found, relative in walk(url):
        if file_filter.included(relative) and not file_filter.excluded(relative):
            yield Found(found, url)


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
    import unicodedata

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
