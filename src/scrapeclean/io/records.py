"""The public streaming API over corpora: :func:`read_corpus` yields records, :class:`CorpusWriter` writes them.

Records are read exactly as the command line reads its inputs (the same
readers, the same directory walk, the same formats: text, JSONL, WARC/WET,
HTML; ``.gz`` decompressed), one at a time, so memory does not grow with the
corpus. Paths may be URLs (``s3://…``, ``file://…``) when fsspec is installed
(``pip install scrapeclean[s3]``).

>>> import json, os, tempfile
>>> folder = tempfile.mkdtemp()
>>> with open(os.path.join(folder, "pages.jsonl"), "w") as handle:
...     _ = handle.write(json.dumps({"id": "a", "text": "Menu\\n\\nA story.", "url": "https://x.org/1"}) + "\\n")
>>> [(record.id, record.fields) for record in read_corpus([folder])]
[('a', {'url': 'https://x.org/1'})]
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any, NamedTuple

from ..errors import InputError
from .paths import FileFilter, check_format, check_paths, discover
from .readers import ReadOptions, read_all
from .units import Carry, Dump, Failure, FileStart

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

ON_ERROR = ("warn", "raise", "ignore")


class Record(NamedTuple):
    """One page dump of a corpus.

    ``id`` is the record's id (JSONL id field, WARC record id) or, for a whole
    file, its path; ``fields`` the record's other fields (JSONL), in order;
    ``source`` the file it came from and ``line`` its line or record number
    (``None`` for a whole file); ``url`` the WARC target URI, or the record's
    ``url`` field.
    """

    id: Any
    text: str
    fields: dict[str, Any]
    source: str
    line: int | None = None
    url: str | None = None
    relative: str = ""

    @classmethod
    def from_dump(cls, dump: Dump, text_field: str = "text", id_field: str = "id", relative: str = "") -> Record:
        """The record of a dump the readers produced (see :mod:`scrapeclean.io.units`)."""
        record = dump.record or {}
        fields = {key: value for key, value in record.items() if key not in (text_field, id_field)}
        # A whole file (text, HTML) has no id of its own: its path names it.
        ident = dump.ident if dump.ident is not None or dump.record is not None else dump.where
        url = dump.url
        if url is None and isinstance(fields.get("url"), str):
            url = fields["url"]
        return cls(ident, dump.text, fields, dump.path, dump.line, url, relative)

    def to_dict(self, text_field: str = "text", id_field: str = "id") -> dict[str, Any]:
        """The record as a JSONL object: id, the other fields in order, then the text."""
        return {id_field: self.id, **self.fields, text_field: self.text}


def read_corpus(
    paths: str | Sequence[str],
    *,
    input_format: str = "auto",
    text_field: str = "text",
    id_field: str = "id",
    file_filter: FileFilter | None = None,
    on_error: str = "warn",
) -> Iterator[Record]:
    """Every page dump of ``paths`` (files, directories or URLs), in order, as :class:`Record` s.

    What the command line reports and carries through (a malformed JSONL line,
    a file that cannot be read) is logged as a warning and skipped
    (``on_error="warn"``), raised as :class:`~scrapeclean.InputError`
    (``"raise"``) or skipped silently (``"ignore"``).
    """
    if on_error not in ON_ERROR:
        from ..errors import ConfigError

        raise ConfigError(f"on_error must be one of {list(ON_ERROR)}, not {on_error!r}")
    paths = (paths,) if isinstance(paths, str) else tuple(paths)
    check_paths(paths)
    options = ReadOptions(check_format(input_format), text_field, id_field)
    relative = ""
    for unit in read_all(discover(paths, file_filter or FileFilter()), options):
        if isinstance(unit, FileStart):
            relative = unit.relative
        elif isinstance(unit, Dump):
            yield Record.from_dump(unit, text_field, id_field, relative)
        elif isinstance(unit, Failure):
            _complain(unit.message, on_error)
        elif isinstance(unit, Carry) and unit.message:
            _complain(f"{unit.where}: {unit.message}", on_error)


def _complain(message: str, on_error: str) -> None:
    if on_error == "raise":
        raise InputError(message)
    if on_error == "warn":
        logger.warning("%s", message)


def clean_record(record: Record, *, pipeline: Any = None, id_field: str = "id") -> list[dict[str, Any]]:
    """The articles of one record as JSONL objects: the record's id and fields, then the article's keys.

    The same objects ``scrapeclean clean --format jsonl`` writes for a JSONL record.
    """
    from ..api import clean

    head = {id_field: record.id, **record.fields}
    return [{**head, **article.to_dict()} for article in clean(record.text, pipeline=pipeline)]


class CorpusWriter:
    """Writes JSON objects as JSON Lines to a path or URL (``.gz``: compressed), atomically for local files.

    >>> import os, tempfile
    >>> target = os.path.join(tempfile.mkdtemp(), "out.jsonl")
    >>> with CorpusWriter(target) as writer:
    ...     writer.write({"id": "a", "text": "é"})
    >>> open(target, encoding="utf-8").read()
    '{"id": "a", "text": "é"}\\n'
    """

    def __init__(self, destination: str) -> None:
        self.destination = destination
        self.count = 0
        self._handle: IO[bytes] | None = None
        self._context: Any = None

    def __enter__(self) -> CorpusWriter:
        from .fs import open_output

        self._context = open_output(self.destination)
        self._handle = self._context.__enter__()
        return self

    def write(self, item: dict[str, Any] | Record) -> None:
        if self._handle is None:
            raise RuntimeError("CorpusWriter is used as a context manager: `with CorpusWriter(path) as writer:`")
        value = item.to_dict() if isinstance(item, Record) else item
        self._handle.write(_json_bytes(value) + b"\n")
        self.count += 1

    def write_all(self, items: Iterable[dict[str, Any] | Record]) -> int:
        for item in items:
            self.write(item)
        return self.count

    def __exit__(self, *failure: Any) -> None:
        context, self._context, self._handle = self._context, None, None
        context.__exit__(*failure)


def write_corpus(items: Iterable[dict[str, Any] | Record], destination: str) -> int:
    """Write ``items`` as JSON Lines to ``destination`` (``-``: standard output); returns how many."""
    with CorpusWriter(destination) as writer:
        return writer.write_all(items)


def _json_bytes(value: Any) -> bytes:
    try:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: keep it escaped
        return json.dumps(value, ensure_ascii=True).encode("ascii")
