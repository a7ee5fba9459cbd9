"""What a run tells the person running it, on standard error: messages, progress, the final summary.

The progress bar (tqdm, imported only when shown) appears only on a terminal,
after a couple of seconds, and never with ``--quiet``. Messages about
individual files go through the bar so the two do not garble each other.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import IO, Any

from ..io.encoding import Decoded
from ..io.terminal import shown
from .work import Outcome


class Tally:
    """Counts of a run: files and dumps seen, changed, failed, and removed blocks by pass and reason."""

    def __init__(self) -> None:
        self.files = 0
        self.dumps = 0
        self.changed = 0
        self.failed = 0
        self.skipped = 0
        self.emptied = 0
        self.removals: Counter[tuple[str, str]] = Counter()

    def add(self, outcome: Outcome) -> None:
        self.dumps += 1
        for name, reason, count in outcome.removals:
            self.removals[(name, reason)] += count

    def lines(self, changed_word: str) -> list[str]:
        head = (
            f"{self.files} file{'s' * (self.files != 1)}, {self.dumps} dump{'s' * (self.dumps != 1)} cleaned: "
            f"{self.changed} {changed_word}, {self.failed} failed"
        )
        if self.skipped:
            head += f", {self.skipped} record{'s' * (self.skipped != 1)} without text carried through"
        if self.emptied:
            head += f", {self.emptied} left as is (cleaning keeps nothing; see --allow-empty)"
        result = [head]
        if self.removals:
            result.append("removed blocks by pass and reason:")
            width = max(len(f"{name}/{reason}") for name, reason in self.removals)
            for (name, reason), count in sorted(self.removals.items(), key=lambda item: (-item[1], item[0])):
                result.append(f"  {name + '/' + reason:<{width}}  {count}")
        return result


class Reporter:
    """Writes messages and the summary to stderr, and drives the progress bar."""

    def __init__(self, quiet: bool = False, progress: bool | None = None, stream: IO[str] | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        show = progress if progress is not None else (not quiet and _is_terminal(self.stream))
        self._bar: Any = None
        self._dumps: int | None = None  # dumps cleaned, once the bar counts bytes
        if show:
            from tqdm import tqdm

            self._bar = tqdm(file=self.stream, unit=" dumps", delay=2.0, mininterval=0.5, dynamic_ncols=True)

    @property
    def shows_progress(self) -> bool:
        return self._bar is not None

    def measure_bytes(self, total: int) -> None:
        """Show progress as bytes of input read out of ``total``: a bar with a time estimate."""
        if self._bar is not None:
            self._bar.reset(total=total)
            self._bar.unit, self._bar.unit_scale, self._bar.unit_divisor = "B", True, 1024
            self._dumps = 0

    def advance(self, count: int) -> None:
        if self._bar is not None and self._dumps is not None:
            self._bar.update(count)

    def tick(self) -> None:
        if self._bar is None:
            return
        if self._dumps is None:
            self._bar.update(1)
        else:
            self._dumps += 1
            self._bar.set_postfix_str(f"{self._dumps} dumps", refresh=False)

    def message(self, text: str) -> None:
        """A line about one file or record; shown even with ``--quiet`` (problems must not go unseen).

        Names and text from the input are in it, so its control characters are escaped.
        """
        text = shown(text)
        if self._bar is not None:
            self._bar.write(text, file=self.stream)
        else:
            print(text, file=self.stream, flush=True)

    def note(self, text: str) -> None:
        """Information that ``--quiet`` hides."""
        if not self.quiet:
            self.message(text)

    def decoded(self, where: str, decoded: Decoded | None) -> None:
        """Say how a file was decoded when it was not UTF-8; a guessed encoding is always said."""
        if decoded is None or decoded.encoding == "utf-8":
            return
        text = f"note: {where}: decoded as {decoded.label}"
        if decoded.guessed:
            self.message(text + "; check the output for garbled characters")
        else:
            self.note(text)

    def close(self, tally: Tally | None = None, changed_word: str = "changed") -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        if tally is not None and not self.quiet:
            for line in tally.lines(changed_word):
                print(
                    "scrapeclean: " + line if not line.startswith(" ") and line[0].isdigit() else line, file=self.stream
                )
            self.stream.flush()


def sweep_stale(directory: str, swept: set[str], reporter: Reporter) -> None:
    """Remove what a killed run left in ``directory`` (once per run and directory), and say so."""
    if directory in swept:
        return
    swept.add(directory)
    from ..io.atomic import remove_stale

    for path in remove_stale(directory):
        reporter.note(f"note: {path}: removed, a temporary file left by an interrupted run")


def cleaning_failed(where: str, error: str) -> str:
    """The message for a dump whose cleaning raised: a defect to report, and the dump left as it was."""
    return f"error: {where}: cleaning failed ({error}); left as it was (a scrapeclean defect: please report it)"


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
