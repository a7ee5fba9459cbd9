"""Find the stretches of a document where the main text is: the densest runs of prose.

Each block gets a score (positive for prose, negative for chrome-like lines).
:func:`dense_runs` finds maximal-scoring runs the way Ruzzo and Tompa's
"all maximal scoring subsequences" does, with a stack, in one linear pass:
two runs merge when the stretch between them costs less than either is worth,
so a short advertisement line inside an article does not split it, while a
long menu between two stories does.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import define


@define(slots=True)
class Run:
    """Positions ``[start, end)`` into the scored sequence, and the run's total score."""

    start: int
    end: int
    score: float
    cost_before: float = 0.0  # the (negative) score between this run and the one before it


def dense_runs(scores: Sequence[float]) -> list[Run]:
    """Maximal positive-scoring runs of ``scores``, in order.

    >>> [(run.start, run.end, run.score) for run in dense_runs([5, -1, 4, -20, 3])]
    [(0, 3, 8.0), (4, 5, 3.0)]
    """
    runs: list[Run] = []
    pending = 0.0
    position = 0
    count = len(scores)
    while position < count:
        score = scores[position]
        if score <= 0:
            pending += score
            position += 1
            continue
        start = position
        total = 0.0
        while position < count and scores[position] > 0:
            total += scores[position]
            position += 1
        run = Run(start, position, total)
        cost = pending
        pending = 0.0
        while runs and runs[-1].score + cost > 0 and run.score + cost > 0:
            previous = runs.pop()
            run = Run(previous.start, run.end, previous.score + cost + run.score)
            cost = previous.cost_before
        run.cost_before = cost
        runs.append(run)
    return runs


@define(slots=True)
class Stretch:
    """Positions ``[start, end)`` whose shapes repeat with ``period``: ``records`` items of one pattern."""

    start: int
    end: int
    period: int

    @property
    def records(self) -> float:
        return (self.end - self.start) / self.period


def repeated_shapes(shapes: Sequence[str], max_period: int = 6, min_records: int = 4) -> list[Stretch | None]:
    """For each position, the longest stretch around it whose shapes repeat with a short period.

    Listings, product grids and search results print one record after another
    in the same shape (title / meta line / teaser, or name / price); a stretch
    where ``shapes[i] == shapes[i - period]`` holds throughout, for at least
    ``min_records`` records, is such a list. Linear: one scan per period.

    >>> [s.period if s else 0 for s in repeated_shapes(list("xabababab") + ["y"])]
    [0, 2, 2, 2, 2, 2, 2, 2, 2, 0]
    """
    count = len(shapes)
    best: list[Stretch | None] = [None] * count
    for period in range(1, max_period + 1):
        position = period
        while position < count:
            if shapes[position] != shapes[position - period]:
                position += 1
                continue
            start = position - period
            while position < count and shapes[position] == shapes[position - period]:
                position += 1
            stretch = Stretch(start, position, period)
            if stretch.records < min_records or len(set(shapes[start : start + period])) < min(period, 2):
                continue
            for inside in range(start, position):
                current = best[inside]
                if current is None or current.end - current.start < position - start:
                    best[inside] = stretch
    return best
