"""Clean dumps, in this process or across worker processes, results in input order.

Work is bounded: at most ``window`` units are in flight (read but not yet
handed back), so memory stays flat however large the corpus is. Units that
need no cleaning (file markers, carried lines) travel through the same
queue, which keeps every result in input order.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from ..io.units import Dump, Unit
from ..pipeline import Pipeline


class Outcome(NamedTuple):
    """What cleaning one dump gave: its stories in text form, and optionally the article records.

    ``error`` says why cleaning failed (an exception in a pass); the dump is
    then reported and left as it was, and the run goes on with the next one.
    """

    stories: tuple[str, ...]
    removals: tuple[tuple[str, str, int], ...]
    articles: tuple[dict[str, Any], ...] = ()
    error: str | None = None

    @property
    def text(self) -> str:
        """scrapeclean's text form of the whole dump (what :func:`scrapeclean.to_text` gives)."""
        from ..assemble import STORY_BREAK

        return STORY_BREAK.join(self.stories)


def clean_text(text: str, pipeline: Pipeline, articles: bool = False) -> Outcome:
    """Clean one dump. A top-level function so worker processes can run it."""
    from ..api import clean
    from ..assemble import to_text

    try:
        cleaned = clean(text, pipeline=pipeline)
    except Exception as error:  # noqa: BLE001 - a defect met on one dump must not end a corpus run
        return Outcome(stories=(), removals=(), error=f"{type(error).__name__}: {error}")
    stories = tuple(story for story in (to_text([article]) for article in cleaned) if story)
    counts = Counter((removed.pass_name, removed.reason) for article in cleaned for removed in article.removed)
    return Outcome(
        stories=stories,
        removals=tuple((name, reason, count) for (name, reason), count in sorted(counts.items())),
        articles=tuple(article.to_dict() for article in cleaned) if articles else (),
    )


def clean_units(
    units: Iterable[Unit],
    pipeline: Pipeline | Callable[[Dump], Pipeline],
    jobs: int = 1,
    articles: bool = False,
    window: int | None = None,
) -> Iterator[tuple[Unit, Outcome | None]]:
    """Each unit with its outcome (``None`` for units that are not dumps), in input order.

    ``pipeline`` is one pipeline for every dump, or a function giving each dump its own
    (a site profile's pass in front of the built-in ones).
    """
    pipeline_for = pipeline if not isinstance(pipeline, Pipeline) else (lambda dump: pipeline)
    if jobs <= 1:
        for unit in units:
            yield unit, clean_text(unit.text, pipeline_for(unit), articles) if isinstance(unit, Dump) else None
        return
    yield from _parallel(units, pipeline_for, jobs, articles, window or jobs * 8)


def _parallel(
    units: Iterable[Unit], pipeline_for: Callable[[Dump], Pipeline], jobs: int, articles: bool, window: int
) -> Iterator[tuple[Unit, Outcome | None]]:
    from concurrent.futures import ProcessPoolExecutor

    pending: deque[tuple[Unit, Any]] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        try:
            for unit in units:
                future = (
                    pool.submit(clean_text, unit.text, pipeline_for(unit), articles) if isinstance(unit, Dump) else None
                )
                pending.append((unit, future))
                while len(pending) >= window or (pending and _ready(pending[0][1])):
                    done, future = pending.popleft()
                    yield done, None if future is None else future.result()
            while pending:
                done, future = pending.popleft()
                yield done, None if future is None else future.result()
        finally:
            for _, future in pending:
                if future is not None:
                    future.cancel()


def _ready(future: Any) -> bool:
    return future is None or future.done()
