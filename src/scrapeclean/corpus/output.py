"""``clean``: write cleaned dumps to standard output (text, JSON or JSON Lines) or to a directory.

Text output is scrapeclean's text form: every story of every input, stories
separated by the page break the cleaner reads back as a story break, then one
final newline; so cleaning the output again gives the same output.

JSON Lines output has one object per article: the article's documented keys
(:meth:`scrapeclean.Article.to_dict`) plus where it came from: ``source``
(the file) for text and HTML files; ``id`` and ``url`` for WARC records; for
JSONL records, every field of the input record except its text field, in
order, and ``id`` (the value of the id field). Where an input field has the
name of an article key, the article's value is written and a warning names
the field once. A JSONL record without a text string is written unchanged.
``json`` is the same objects in one JSON array.

With ``--output-dir`` every dump (every story, with ``--split-stories``) is
written to a file of its own below that directory, named after the input
path below its command-line root, and for records after their id made safe
(:func:`scrapeclean.io.paths.safe_name`); no name can point outside it.
"""

from __future__ import annotations

import json
import os
from typing import IO, Any, NamedTuple

from ..errors import OutputError
from ..io.atomic import atomic_write
from ..io.fs import is_url, join, write_bytes
from ..io.paths import inside, safe_name
from ..io.units import Carry, Dump, Failure, FileStart, Unit
from ..textform import STORY_BREAK
from .summary import Reporter, Tally, cleaning_failed, sweep_stale
from .work import Outcome

_FORMAT_SUFFIXES = (".gz", ".txt", ".jsonl", ".ndjson", ".warc", ".wet", ".arc", ".html", ".htm", ".xhtml")
ARTICLE_KEYS = ("index", "title", "section", "byline", "dateline", "captions", "body", "text", "spans", "removed")
# The keys of a dump's article record (``Article.to_dict``), what a record written as JSON text holds.
_RECORD_KEYS = frozenset((*ARTICLE_KEYS, "title_span", "body_spans"))


def _known(article: dict[str, Any], head: dict[str, Any]) -> dict[str, Any]:
    """The article's keys, less those it leaves empty where the input already gives a value (a WET record's url)."""
    return {key: value for key, value in article.items() if value is not None or key not in head}


class OutputOptions(NamedTuple):
    format: str = "text"
    text_field: str = "text"
    output_dir: str | None = None
    split_stories: bool = False


def json_line(value: Any, indent: int | None = None) -> str:
    """``json.dumps`` keeping non-ASCII text readable; lone surrogates (from ``\\\\ud800`` escapes) stay escaped.

    Only JSON is written: a value that is not finite raises ``ValueError``.
    """
    return _dumped(value, indent)[0]


def _dumped(value: Any, indent: int | None = None) -> tuple[str, bool]:
    """:func:`json_line`'s text, and whether all its non-ASCII text had to be escaped."""
    text = json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, ensure_ascii=True, indent=indent, allow_nan=False), True
    return text, False


class Printer:
    """Consumes the ordered (unit, outcome) stream of a ``clean`` run."""

    def __init__(self, options: OutputOptions, out: IO[str], reporter: Reporter, tally: Tally) -> None:
        self.options = options
        self.out = out
        self.reporter = reporter
        self.tally = tally
        self.written = 0
        self.relative = ""
        self.warned: set[str] = set()
        self.swept: set[str] = set()
        self.claimed: set[str] = set()

    def handle(self, unit: Unit, outcome: Outcome | None) -> None:
        if isinstance(unit, FileStart):
            self.tally.files += 1
            self.relative = unit.relative
        elif isinstance(unit, Failure):
            self.tally.failed += 1
            self.reporter.message(f"error: {unit.message}")
        elif isinstance(unit, Carry):
            self._carry(unit)
        elif isinstance(unit, Dump) and outcome is not None and outcome.error is not None:
            self.tally.failed += 1
            self.reporter.message(cleaning_failed(unit.where, outcome.error))
        elif isinstance(unit, Dump) and outcome is not None:
            self.tally.add(outcome)
            self.tally.changed += outcome.text != unit.text
            self.reporter.decoded(unit.where, unit.decoded)
            self.reporter.tick()
            if self.options.output_dir is not None:
                self._to_directory(unit, outcome)
            elif self.options.format == "text":
                self._text(outcome.text)
            elif outcome.written and self.options.format == "jsonl":
                for record in outcome.written:
                    self._written(unit, record)
            else:
                for article in outcome.records:
                    self._object(self._provenance(unit, article), unit.where)

    def finish(self) -> None:
        if self.options.output_dir is not None:
            return
        if self.options.format == "json":
            self.out.write("[]\n" if not self.written else "\n]\n")
        elif self.options.format == "text" and self.written:
            self.out.write("\n")

    def _carry(self, carry: Carry) -> None:
        if carry.message:
            self.reporter.message(f"{'error' if carry.failed else 'warning'}: {carry.where}: {carry.message}")
        if carry.failed:
            self.tally.failed += 1
        elif carry.message:
            self.tally.skipped += 1
        if carry.record is not None and self.options.format != "text" and self.options.output_dir is None:
            self._object(carry.record, carry.where)

    def _text(self, text: str) -> None:
        if not text:
            return
        self.out.write((STORY_BREAK if self.written else "") + text)
        self.written += 1

    def _object(self, value: dict[str, Any], where: str = "") -> None:
        try:
            text = json_line(value, indent=2 if self.options.format == "json" else None)
        except ValueError as error:
            self._unwritable(where, error)
            return
        if self.options.format == "json":
            self.out.write(("[\n" if not self.written else ",\n") + text)
        else:
            self.out.write(text + "\n")
        self.written += 1

    def _written(self, dump: Dump, record: str) -> None:
        """Write an article record given as its JSON object (``json_line`` of it) with the dump's provenance.

        The line is the provenance's JSON with the record's keys joined on, as
        ``json_line`` writes the merged object, unless the provenance has a key
        of the record's or text that must be escaped; then the merged object is
        written as the dicts always are.
        """
        head = self._head(dump)
        if head.keys().isdisjoint(_RECORD_KEYS):  # else the record's values replace some of the head's
            try:
                text, escaped = _dumped(head)
            except ValueError as error:
                self._unwritable(dump.where, error)
                return
            if not escaped:
                self.out.write((text[:-1] + ", " if head else "{") + record[1:] + "\n")
                self.written += 1
                return
        self._object(self._provenance(dump, json.loads(record)), dump.where)

    def _unwritable(self, where: str, error: ValueError) -> None:
        self.tally.failed += 1
        self.reporter.message(f"error: {where}: {error} (a number such as 1e400 read as infinite); not written")

    def _provenance(self, dump: Dump, article: dict[str, Any]) -> dict[str, Any]:
        head = self._head(dump)
        if dump.record is not None:
            clashes = [key for key in ARTICLE_KEYS if key in head and key not in self.warned]
            if clashes:
                self.warned.update(clashes)
                self.reporter.message(
                    f"warning: input field(s) {clashes} are replaced by the article's own in the output"
                )
        head.update(_known(article, head))
        return head

    def _head(self, dump: Dump) -> dict[str, Any]:
        """Where the dump came from, the keys its articles' objects begin with."""
        if dump.record is None:
            head: dict[str, Any] = {"source": dump.path}
            if dump.ident is not None:
                head["id"] = dump.ident
            if dump.url is not None:
                head["url"] = dump.url
            if dump.record_date is not None:
                head["warc_date"] = dump.record_date
            return head
        head = {key: value for key, value in dump.record.items() if key != self.options.text_field}
        head["id"] = dump.ident
        return head

    def _to_directory(self, dump: Dump, outcome: Outcome) -> None:
        base = _stem(self.relative)
        if dump.line is not None:
            base += "/" + (safe_name(str(dump.ident)) if dump.ident is not None else f"line-{dump.line}")
        pieces: list[tuple[str, Any]]
        if self.options.split_stories:
            count = len(outcome.stories) if self.options.format == "text" else len(outcome.records)
            pieces = [(f"{base}-{index}", index) for index in range(count)]
        else:
            pieces = [(base, None)]
        for name, index in pieces:
            self._write_piece(dump, outcome, name, index)

    def _write_piece(self, dump: Dump, outcome: Outcome, name: str, index: int | None) -> None:
        assert self.options.output_dir is not None
        if self.options.format == "text":
            body = outcome.text if index is None else outcome.stories[index]
            data, suffix = (body + "\n" if body else ""), ".txt"
        else:
            articles = outcome.records if index is None else outcome.records[index : index + 1]
            try:
                data, suffix = json_line([self._provenance(dump, article) for article in articles], 2) + "\n", ".json"
            except ValueError as error:
                self._unwritable(dump.where, error)
                return
        if not data:
            self.reporter.note(f"warning: {dump.where}: cleaning keeps nothing; no file written")
            return
        try:
            claimed = self._claim(name, suffix, dump.where)
            if is_url(self.options.output_dir):
                write_bytes(join(self.options.output_dir, claimed), data.encode("utf-8", "backslashreplace"))
                return
            target = inside(self.options.output_dir, claimed)
            _make_folders(os.path.dirname(target))
            sweep_stale(os.path.dirname(target), self.swept, self.reporter)
            atomic_write(target, data.encode("utf-8", "backslashreplace"))
        except (OutputError, OSError, ValueError) as error:
            self.tally.failed += 1
            self.reporter.message(f"error: {dump.where}: {error}")

    def _claim(self, name: str, suffix: str, where: str) -> str:
        """``name + suffix``, or ``name~N + suffix`` when an earlier dump of this run was written there.

        Names are compared case-folded, as a case-insensitive file system would.
        """
        wanted = candidate = name + suffix
        number = 1
        while candidate.casefold() in self.claimed:
            number += 1
            candidate = f"{name}~{number}{suffix}"
        self.claimed.add(candidate.casefold())
        if candidate != wanted:
            self.reporter.message(f"warning: {where}: {wanted} is taken by an earlier input; written to {candidate}")
        return candidate


def _make_folders(directory: str) -> None:
    """``os.makedirs`` without its recursion, so an input tree of any depth can be mirrored."""
    missing = []
    while not os.path.isdir(directory):
        missing.append(directory)
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    for folder in reversed(missing):
        os.mkdir(folder)


def _stem(relative: str) -> str:
    """The input's path below its root without its format extensions (``a/b.jsonl.gz`` -> ``a/b``).

    Only the extensions that name a format go, so ``2024.01.txt`` and
    ``2024.02.txt`` keep apart as ``2024.01`` and ``2024.02``.
    """
    head, _, name = relative.rpartition("/")
    stem = name
    while stem.lower().endswith(_FORMAT_SUFFIXES) and "." in stem[1:]:
        stem = stem[: stem.rindex(".")]
    parts = [part for part in head.split("/") if part not in ("", ".", "..")]
    return "/".join(parts + [stem or name])
