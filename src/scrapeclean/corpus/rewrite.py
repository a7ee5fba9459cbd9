"""``check`` and ``fix``: decide what cleaning would change, report it, and rewrite files safely.

Both commands share every decision, so ``fix`` followed by ``check`` finds
nothing to do. A text file changes when its text differs from its file form
(:func:`scrapeclean.io.text.file_form`); a JSONL record when its text field
differs from the cleaned text form (or, with ``split_stories``, when it holds
more than one story). When cleaning would keep nothing of a dump that has
visible text, it is reported and left alone unless ``allow_empty`` is set.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from ..errors import OutputError
from ..io.atomic import AtomicWriter, atomic_write
from ..io.paths import REWRITABLE_FORMATS
from ..io.terminal import shown
from ..io.text import file_form
from ..io.units import Carry, Dump, Failure, FileEnd, FileStart, Unit
from .summary import Reporter, Tally, cleaning_failed, sweep_stale
from .work import Outcome

if TYPE_CHECKING:
    import gzip


class RewriteOptions(NamedTuple):
    fix: bool = False
    diff: bool = False
    allow_empty: bool = False
    split_stories: bool = False
    text_field: str = "text"
    id_field: str = "id"


class _FileState:
    __slots__ = ("start", "failed", "changed", "writer", "handle", "packed")

    def __init__(self, start: FileStart) -> None:
        self.start = start
        self.failed = False
        self.changed = 0
        self.writer: AtomicWriter | None = None
        self.handle: IO[bytes] | None = None
        self.packed: gzip.GzipFile | None = None


class Rewriter:
    """Consumes the ordered (unit, outcome) stream of a ``check`` or ``fix`` run."""

    def __init__(self, options: RewriteOptions, out: IO[str], reporter: Reporter, tally: Tally) -> None:
        self.options = options
        self.out = out
        self.reporter = reporter
        self.tally = tally
        self.state: _FileState | None = None
        self.swept: set[str] = set()

    def run(self, stream: Iterable[tuple[Unit, Outcome | None]]) -> None:
        try:
            for unit, outcome in stream:
                self.handle(unit, outcome)
        except BaseException:  # also while waiting for the next outcome, with a JSONL file half written
            self._abandon()
            raise

    def handle(self, unit: Unit, outcome: Outcome | None) -> None:
        if isinstance(unit, FileStart):
            self._start(unit)
        elif isinstance(unit, FileEnd):
            self._end()
        elif isinstance(unit, Failure):
            self._fail(unit.message)
        elif isinstance(unit, Carry):
            self._carry(unit)
        elif isinstance(unit, Dump) and outcome is not None and self.state is not None and not self.state.failed:
            if outcome.error is not None:
                self.tally.failed += 1
                self.reporter.message(cleaning_failed(unit.where, outcome.error))
                self._write(unit.raw or b"")  # a JSONL record goes through unchanged; a text file is not written
                return
            self.tally.add(outcome)
            self.reporter.decoded(unit.where, unit.decoded)
            self.reporter.tick()
            if self.state.start.format == "jsonl":
                self._record(unit, outcome)
            else:
                self._text(unit, outcome)

    def _start(self, start: FileStart) -> None:
        self.tally.files += 1
        self.state = _FileState(start)
        if self.options.fix:
            sweep_stale(os.path.dirname(os.path.realpath(start.path)), self.swept, self.reporter)
        if start.format == "warc":
            from .run import archive_refused

            self._fail(archive_refused(start.path, "fix" if self.options.fix else "check"))
        elif start.format not in REWRITABLE_FORMATS:
            self._fail(
                f"{start.path}: check and fix handle text and JSONL files, not {start.format}; use 'scrapeclean clean'"
            )
        elif self.options.fix and start.format == "jsonl":
            self._open_writer(start.path)

    def _open_writer(self, path: str) -> None:
        assert self.state is not None
        writer = AtomicWriter(path, must_exist=True, same_as=self.state.start.identity)
        self.state.writer = writer  # known before its temporary file exists, so an interruption removes it
        try:
            handle = writer.open()
        except OutputError as error:
            self._fail(str(error))
            return
        if path.lower().endswith(".gz"):
            import gzip

            self.state.packed = gzip.GzipFile(filename="", fileobj=handle, mode="wb", mtime=0)
            self.state.handle = self.state.packed  # type: ignore[assignment]
        else:
            self.state.handle = handle

    def _fail(self, message: str) -> None:
        self.tally.failed += 1
        self.reporter.message(f"error: {message}")
        if self.state is not None:
            self.state.failed = True
            self._abandon()

    def _abandon(self) -> None:
        if self.state is not None and self.state.writer is not None:
            self.state.writer.discard()
            self.state.writer = None
            self.state.handle = None

    def _end(self) -> None:
        state = self.state
        if state is None:
            return
        if state.writer is not None:
            if state.changed and not state.failed:
                self._commit(state)
            else:
                self._abandon()
        if state.changed and self.options.fix:
            if state.failed:  # nothing of this file was written after all
                self.tally.changed -= state.changed
            else:
                self.out.write(f"fixed {shown(state.start.path)}\n")
        self.state = None

    def _commit(self, state: _FileState) -> None:
        assert state.writer is not None
        try:
            if state.packed is not None:
                state.packed.close()
            state.writer.commit()
        except OSError as error:  # OutputError from commit, or the last compressed block failing to write
            state.writer.discard()
            state.failed = True
            self.tally.failed += 1
            reason = error.strerror or error
            message = str(error) if isinstance(error, OutputError) else f"cannot write {state.start.path}: {reason}"
            self.reporter.message(f"error: {message}")
        state.writer = None

    def _write(self, data: bytes) -> None:
        if self.state is not None and self.state.handle is not None:
            try:
                self.state.handle.write(data)
            except OSError as error:  # a full disk, a file size limit: this file stays as it was
                self._fail(f"cannot write {self.state.start.path}: {error.strerror or error}")

    def _carry(self, carry: Carry) -> None:
        if carry.message:
            self.reporter.message(f"{'error' if carry.failed else 'warning'}: {carry.where}: {carry.message}")
        if carry.failed:
            self.tally.failed += 1
        elif carry.message:
            self.tally.skipped += 1
        if carry.too_large and self.state is not None and self.state.writer is not None:
            # The line was not kept, so the file cannot be written back whole: it stays as it was.
            self.reporter.message(f"error: {carry.path}: left as it was (a record over the size limit)")
            self.state.failed = True
            self._abandon()
            return
        self._write(carry.raw)

    def _left_alone(self, where: str, original: str, cleaned: str) -> bool:
        """Whether a dump cleaned to nothing stays as it is: it has no visible text, or emptying was not asked for."""
        if cleaned or self.options.allow_empty:
            return False
        from ..segment import segment

        if segment(original).blocks:
            self.tally.emptied += 1
            self.reporter.note(f"warning: {where}: cleaning keeps nothing; left as is (--allow-empty to empty it)")
        return True

    def _text(self, dump: Dump, outcome: Outcome) -> None:
        new = file_form(outcome.text, dump.text)
        if new == dump.text or self._left_alone(dump.where, dump.text, outcome.text):
            return
        self._changed(dump.where, dump.text, new)
        if self.options.fix:
            self._write_text(dump, new)

    def _write_text(self, dump: Dump, new: str) -> None:
        decoded = dump.decoded
        assert decoded is not None and self.state is not None
        if not decoded.reversible:
            self._fail(
                f"{dump.path}: decoded as {decoded.label}, which does not give the same bytes back; not rewritten"
            )
            return
        try:
            data = decoded.encode(new, dump.path)
            if dump.path.lower().endswith(".gz"):
                import gzip

                data = gzip.compress(data, mtime=0)
            identity = self.state.start.identity
            if _rewritten_to(dump.path, data, identity):
                return  # another name of the same file, earlier in the run, wrote it already (a link inside the folder)
            atomic_write(dump.path, data, must_exist=True, same_as=identity)
        except OutputError as error:
            self._fail(str(error))

    def _record(self, dump: Dump, outcome: Outcome) -> None:
        from ..io.jsonl import derived_id, line_ending, splice  # JSON Lines runs only

        options = self.options
        split = options.split_stories and len(outcome.stories) > 1
        new = outcome.text
        if (new == dump.text and not split) or self._left_alone(dump.where, dump.text, new):
            self._write(dump.raw or b"")
            return
        where = dump.where if dump.ident is None else f"{dump.where} (id {dump.ident})"
        self._changed(where, dump.text, new, split=len(outcome.stories) if split else 0)
        assert dump.raw is not None
        if not split:
            self._write(splice(dump.raw, {options.text_field: new}))
            return
        for index, story in enumerate(outcome.stories):
            values = {options.text_field: story, options.id_field: derived_id(dump.ident, dump.line or 0, index)}
            last = index == len(outcome.stories) - 1
            ending = None if last else line_ending(dump.raw) or b"\n"
            self._write(splice(dump.raw if index == 0 else _without_mark(dump.raw), values, ending))

    def _changed(self, where: str, old: str, new: str, split: int = 0) -> None:
        assert self.state is not None
        self.state.changed += 1
        self.tally.changed += 1
        if self.options.fix:
            return
        label = f"would change {shown(where)}" + (f" (split into {split} records)" if split else "")
        if self.options.diff:
            self.reporter.note(label)
            self.out.write(unified_diff(old, new, where))
        else:
            self.out.write(label + "\n")


def _without_mark(raw: bytes) -> bytes:
    """A line without the byte-order mark that only the first line of a file may carry."""
    return raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw


def unified_diff(old: str, new: str, where: str) -> str:
    """A unified diff of two texts, marking a missing final newline the way ``diff`` does.

    It is for a person to read: control characters (an escape sequence in a
    dump, a form feed between stories) are shown escaped.
    """
    import difflib

    lines: list[Any] = list(
        difflib.unified_diff(_lines(old), _lines(new), fromfile=f"{where}", tofile=f"{where} (cleaned)")
    )
    return shown("".join(lines), keep="\n")


def _lines(text: str) -> list[str]:
    """Lines split at ``\\n`` only: a form feed (a story break) stays a line of its own in the diff."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1] + "\n\\ No newline at end of file\n")
    return lines


def _rewritten_to(path: str, data: bytes, identity: tuple[int, int] | None) -> bool:
    """Whether the file at ``path`` is no longer the one read (``identity``) and holds exactly ``data``: there is
    nothing to write. Only a file replaced since it was read is read again."""
    try:
        info = os.stat(path)
        if identity is None or (info.st_dev, info.st_ino) == identity:
            return False
        with open(path, "rb") as handle:
            return handle.read(len(data) + 1) == data
    except OSError:
        return False
