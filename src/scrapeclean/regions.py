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
