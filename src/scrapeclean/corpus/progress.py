"""Progress measured in bytes of input, so the bar can show a total and a time estimate.

The size of a run is known before it starts when its inputs are files (local
or URLs): the sum of their sizes. Progress then advances by the bytes each
dump came from (a JSONL line's length in an uncompressed file) and, at the
end of each file, by what remains of it (a compressed file, a WARC file, a
whole text file). Standard input has no known size: the bar counts dumps.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from ..io.fs import is_url
from ..io.paths import Found, is_compressed
from ..io.units import Dump, FileEnd, FileStart, Unit
from .summary import Reporter


def size_of(path: str) -> int | None:
    try:
        if is_url(path):
            from ..io.fs import filesystem

            fs, inner = filesystem(path)
            return int(fs.size(inner))
        return os.path.getsize(path) if path != "-" else None
    except (OSError, TypeError, ValueError):
        return None


def measured(found: Iterable[Found], reporter: Reporter) -> tuple[list[Found], dict[str, int]]:
    """The inputs, listed, and their sizes; the reporter's bar is given their total when every size is known."""
    listed = list(found)
    sizes = {item.path: size_of(item.path) for item in listed}
    if listed and all(size is not None for size in sizes.values()):
        reporter.measure_bytes(sum(sizes.values()))  # type: ignore[arg-type]
    return listed, {path: size for path, size in sizes.items() if size is not None}


def advancing(
    stream: Iterable[tuple[Unit, Any]], reporter: Reporter, sizes: dict[str, int]
) -> Iterator[tuple[Unit, Any]]:
    """The stream unchanged, moving the reporter's byte count along as units pass."""
    done = 0
    counted = False
    for unit, outcome in stream:
        if isinstance(unit, FileStart):
            done, counted = 0, not is_compressed(unit.path) and unit.format == "jsonl"
        elif isinstance(unit, Dump) and counted and unit.raw is not None:
            done += len(unit.raw)
            reporter.advance(len(unit.raw))
        elif isinstance(unit, FileEnd):
            rest = sizes.get(unit.path, 0) - done
            if rest > 0:
                reporter.advance(rest)
        yield unit, outcome
