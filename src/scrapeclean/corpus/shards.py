"""Sharded runs: ``clean --output-dir DIR --by-file`` writes one output per input file, and ``--resume`` skips done ones.

A corpus is usually many files (``part-00000.jsonl.gz`` …), each a shard.
With ``--by-file`` every input file gives one output file below the output
directory, named after the input's path below its command-line root with
the output format's extension (``a/part-0.jsonl.gz`` -> ``DIR/a/part-0.jsonl``
for ``--format jsonl``), holding what ``clean`` would print for that file.
A shard's output appears whole, once its input is finished (a local file by
an atomic rename, an object store when its upload completes), so after an
interruption every output present is complete: ``--resume`` skips the inputs
whose output exists and cleans the rest.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ..errors import InputError
from ..io.fs import is_url, join
from ..io.paths import Found, inside
from ..io.units import FileEnd, FileStart, Unit
from .output import OutputOptions, Printer, _stem
from .summary import Reporter, Tally

SUFFIXES = {"text": ".txt", "json": ".json", "jsonl": ".jsonl"}


def shard_target(output_dir: str, relative: str, output_format: str) -> str:
    """Where the output of the input file at ``relative`` (below its root) goes.

    >>> shard_target("s3://bucket/out", "crawl/part-7.jsonl.gz", "jsonl")
    's3://bucket/out/crawl/part-7.jsonl'
    """
    name = _stem(relative) + SUFFIXES[output_format]
    return join(output_dir, name) if is_url(output_dir) else inside(output_dir, name)


def _exists(target: str) -> bool:
    if is_url(target):
        from ..io.fs import exists

        return exists(target)
    return os.path.exists(target)


def unfinished(found: Iterable[Found], output_dir: str, output_format: str, reporter: Reporter) -> Iterator[Found]:
    """The inputs whose shard output is not there yet (``--resume``); the others are named and skipped."""
    skipped = 0
    for item in found:
        if item.path == "-":
            raise InputError("--by-file writes one output per input file; it cannot take standard input ('-')")
        if _exists(shard_target(output_dir, item.relative, output_format)):
            skipped += 1
            continue
        yield item
    if skipped:
        reporter.note(f"resumed: {skipped} finished input file(s) skipped")


class ShardWriter:
    """Consumes a clean run's ordered stream, writing each input file's output to its own shard file."""

    def __init__(self, options: OutputOptions, reporter: Reporter, tally: Tally) -> None:
        self.options = options
        self.reporter = reporter
        self.tally = tally
        self._context: Any = None
        self._text: IO[str] | None = None
        self._printer: Printer | None = None

    def handle(self, unit: Unit, outcome: Any) -> None:
        if isinstance(unit, FileStart):
            self._open(unit)
        if self._printer is not None:
            self._printer.handle(unit, outcome)
        if isinstance(unit, FileEnd):
            self._close()

    def _open(self, start: FileStart) -> None:
        from ..io.fs import open_output

        assert self.options.output_dir is not None
        if start.path == "-":
            raise InputError("--by-file writes one output per input file; it cannot take standard input ('-')")
        target = shard_target(self.options.output_dir, start.relative, self.options.format)
        if not is_url(target):
            os.makedirs(os.path.dirname(target), exist_ok=True)
        self._context = open_output(target, compress=False)
        handle = self._context.__enter__()
        self._text = io.TextIOWrapper(handle, encoding="utf-8", errors="backslashreplace", newline="\n")
        printing = OutputOptions(self.options.format, self.options.text_field, None, False)
        self._printer = Printer(printing, self._text, self.reporter, self.tally)

    def _close(self, failure: BaseException | None = None) -> None:
        printer, text, context = self._printer, self._text, self._context
        self._printer = self._text = self._context = None
        if printer is None or text is None:
            return
        if failure is None:
            printer.finish()
        text.flush()
        text.detach()
        if failure is None:
            context.__exit__(None, None, None)
        else:
            context.__exit__(type(failure), failure, failure.__traceback__)

    def finish(self) -> None:
        self._close()

    def abandon(self, failure: BaseException) -> None:
        """Drop the shard being written (an interruption): it must not look finished to ``--resume``."""
        self._close(failure)
