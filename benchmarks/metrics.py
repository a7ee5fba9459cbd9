"""The published metrics, re-implemented from their definitions.

* The article-extraction benchmark (Scrapinghub, ``evaluate.py``): 4-token
  shingles of ``\\w+`` tokens (case kept), multiset tp/fp/fn per page
  normalised to sum to 1, precision and recall averaged over the pages where
  they are defined, F1 from the averaged precision and recall.
* WCXB (``evaluate.py``): lowercased ``\\w+`` tokens as a bag, precision,
  recall and F1 per page, each averaged over pages (F1 is the mean of the
  per-page F1s, not the F1 of the means).
* Multi-story dumps: predicted articles matched one-to-one to gold stories,
  greedily on word F1.

>>> round(word_scores("the cat sat", "The cat sat down").f1, 3)
0.857
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from statistics import mean
from typing import NamedTuple

SHINGLE_SIZE = 4

# Both benchmarks tokenise with Python's Unicode ``\w+``; the shingle benchmark
# keeps case, WCXB lowercases first.
_TOKEN = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")


class Counts(NamedTuple):
    """Shingle tp/fp/fn of one page, normalised so that they sum to 1 (all 0 for two empty texts)."""

    tp: float
    fp: float
    fn: float


class Scores(NamedTuple):
    precision: float
    recall: float
    f1: float


def tokens(text: str | None, *, lowercase: bool = False) -> list[str]:
    text = text or ""
    return _TOKEN.findall(text.lower() if lowercase else text)


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Overlapping ``size``-token shingles; a text shorter than ``size`` tokens is one short shingle.

    >>> sorted(shingles("a b c d e"))
    [('a', 'b', 'c', 'd'), ('b', 'c', 'd', 'e')]
    >>> list(shingles("a b"))
    [('a', 'b')]
    """
    words = tokens(text)
    count = max(1, len(words) - size + 1)
    return Counter(tuple(words[start : start + size]) for start in range(count) if words[start : start + size])


def shingle_counts(gold: str | None, predicted: str | None) -> Counts:
    """tp/fp/fn over shingles, normalised per page so that long pages weigh no more than short ones.

    >>> shingle_counts("a b c d e", "a b c d")
    Counts(tp=0.5, fp=0.0, fn=0.5)
    """
    gold_shingles = shingles(gold)
    predicted_shingles = shingles(predicted)
    true_positive = sum((gold_shingles & predicted_shingles).values())
    false_positive = sum((predicted_shingles - gold_shingles).values())
    false_negative = sum((gold_shingles - predicted_shingles).values())
    total = true_positive + false_positive + false_negative
    if total == 0:
        return Counts(0.0, 0.0, 0.0)
    return Counts(true_positive / total, false_positive / total, false_negative / total)


def page_precision(counts: Counts) -> float | None:
    """Precision of one page, or None where the benchmark leaves the page out of the precision mean."""
    tp, fp, fn = counts
    if tp + fp == 0:
        return None
    return 1.0 if fp == fn == 0 else tp / (tp + fp)


def page_recall(counts: Counts) -> float | None:
    tp, fp, fn = counts
    if tp + fn == 0:
        return None
    return 1.0 if fp == fn == 0 else tp / (tp + fn)


def shingle_scores(pages: Iterable[Counts]) -> Scores:
    """Benchmark-level precision, recall and F1 from per-page counts, as the benchmark publishes them.

    >>> shingle_scores([Counts(0.5, 0.0, 0.5), Counts(0.5, 0.5, 0.0)])
    Scores(precision=0.75, recall=0.75, f1=0.75)
    """
    pages = list(pages)
    precisions = [value for value in map(page_precision, pages) if value is not None]
    recalls = [value for value in map(page_recall, pages) if value is not None]
    precision = mean(precisions) if precisions else 0.0
    recall = mean(recalls) if recalls else 0.0
    return Scores(precision, recall, harmonic(precision, recall))


def harmonic(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0


def word_scores(predicted: str | None, gold: str | None) -> Scores:
    """WCXB's per-page word precision, recall and F1 over bags of lowercased ``\\w+`` tokens.

    An empty gold text scores 1 only against an empty prediction.

    >>> word_scores("", "")
    Scores(precision=1.0, recall=1.0, f1=1.0)
    >>> word_scores("x", "")
    Scores(precision=0.0, recall=0.0, f1=0.0)
    """
    predicted_words = Counter(tokens(predicted, lowercase=True))
    gold_words = Counter(tokens(gold, lowercase=True))
    if not gold_words:
        return Scores(1.0, 1.0, 1.0) if not predicted_words else Scores(0.0, 0.0, 0.0)
    if not predicted_words:
        return Scores(0.0, 0.0, 0.0)
    overlap = sum((predicted_words & gold_words).values())
    precision = overlap / sum(predicted_words.values())
    recall = overlap / sum(gold_words.values())
    return Scores(precision, recall, harmonic(precision, recall))


def mean_scores(pages: Iterable[Scores]) -> Scores:
    """Average per-page scores field by field, as WCXB reports them."""
    pages = list(pages)
    if not pages:
        return Scores(0.0, 0.0, 0.0)
    return Scores(*(mean(values) for values in zip(*pages)))


def normalise_space(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def title_matches(predicted: str | None, gold: str | None) -> bool:
    """Exact match after whitespace normalisation.

    >>> title_matches(" A  title\\n", "A title")
    True
    """
    return normalise_space(predicted) == normalise_space(gold)


def match_stories(predicted: Sequence[str], gold: Sequence[str]) -> list[tuple[int, int, float]]:
    """Pair predicted articles with gold stories one to one, best word F1 first.

    Returns ``(predicted index, gold index, F1)``; leftovers on either side stay unpaired.

    >>> match_stories(["b b b", "a a"], ["a a", "b b b", "c"])
    [(0, 1, 1.0), (1, 0, 1.0)]
    """
    pairs = sorted(
        ((word_scores(text, story).f1, p, g) for p, text in enumerate(predicted) for g, story in enumerate(gold)),
        key=lambda pair: (-pair[0], pair[1], pair[2]),
    )
    used_predicted: set[int] = set()
    used_gold: set[int] = set()
    matched = []
    for f1, p, g in pairs:
        if p in used_predicted or g in used_gold:
            continue
        used_predicted.add(p)
        used_gold.add(g)
        matched.append((p, g, f1))
    return sorted(matched)


def per_story_f1(predicted: Sequence[str], gold: Sequence[str]) -> float:
    """Mean word F1 over the gold stories after matching; an unmatched gold story scores 0.

    >>> per_story_f1(["a a"], ["a a", "b b"])
    0.5
    """
    if not gold:
        return 1.0 if not predicted else 0.0
    matched = match_stories(predicted, gold)
    return sum(f1 for _, _, f1 in matched) / len(gold)
