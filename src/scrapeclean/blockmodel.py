"""How likely a block is to be main text: a logistic model over shallow block features.

The features are the ones the boilerplate literature uses (jusText's class,
words, stopword density, sentence punctuation, capitals), the same read off
the neighbouring blocks (context), the block's place in the page and in the
densest run of prose, and a few typographic cues (digits, separators,
truncated teasers). The weights live in ``data/block_model.json``; they are
fitted on public benchmark development pages by ``benchmarks/train_blocks.py``
and can be refitted by anyone on their own data. Features are computed a
column at a time over all blocks (NumPy), and scoring adds the weighted
columns: a few passes over the blocks per document.
"""

from __future__ import annotations

import functools
import json
import math
import operator
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from typing import NamedTuple

import numpy as np
import regex
from attrs import frozen

from .errors import ConfigError
from .features import Features
from .regions import Stretch, dense_runs, repeated_shapes

CLASSES = ("good", "near-good", "short", "repeated-label", "bad")
FEATURE_NAMES = (
    "log_words",
    "stop_density",
    "terminal",
    "capitalised",
    "heading_like",
    *(f"class_{name}" for name in CLASSES),
    "repeats",
    "position",
    "edge",
    "gap_before",
    "gap_after",
    "ctx_words",
    "ctx_stop",
    "ctx_terminal",
    "ctx_explicit",
    "in_best_run",
    "in_any_run",
    "run_share",
    "dist_best_run",
    "digits",
    "commas",
    "truncated",
    "after_end_marker",
    "word_length",
    "separators",
    "language_known",
    "words_x_stop",
    "caption_near",
    "timestamp",
    "ctx_timestamp",
    "after_best_run",
    "title_case",
    "in_list",
    "list_records",
    "list_item_words",
    "page_prose",
    "list_x_little_prose",
    "short_x_little_prose",
)
_LIST_COLUMNS = 6  # the features _list_columns gives each block, the last of FEATURE_NAMES
_SEPARATOR = regex.compile(r"[|»›•·>/]")
_DIGIT = regex.compile(r"\d")
_CONTEXT = 2
_WIDE_CONTEXT = 5
# Comment threads and feeds stamp every entry: "2 days ago at 08:49 am", "March 3, 2024".
_TIMESTAMP = regex.compile(
    r"\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|"
    r"\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?\b|"
    r"\b(?:19|20)\d{2}\b.{0,40}\b(?:at|um|à|a las)\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d{2}\b",
    regex.IGNORECASE,
)


@frozen(slots=False)
class BlockModel:
    """A fitted logistic model: standardise each feature, then a weighted sum and a sigmoid."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    @functools.cached_property
    def _folded(self) -> tuple[tuple[float, ...], float]:
        """Weights with the standardisation folded in, so a block's raw features are scored directly."""
        weights = tuple(weight / scale for weight, scale in zip(self.weights, self.scale))
        bias = self.bias - sum(weight * mean for weight, mean in zip(weights, self.mean))
        return weights, bias

    def logit(self, vector: Sequence[float]) -> float:
        weights, bias = self._folded
        return bias + sum(map(operator.mul, vector, weights))

    def probability(self, vector: Sequence[float]) -> float:
        logit = max(-30.0, min(30.0, self.logit(vector)))
        return 1.0 / (1.0 + math.exp(-logit))

    def probabilities(self, columns: Iterable[np.ndarray]) -> np.ndarray:
        """:meth:`probability` of every block, from its features' columns (see :func:`block_columns`)."""
        weights, bias = self._folded
        logits = None
        for weight, column in zip(weights, columns, strict=True):
            logits = column * weight if logits is None else logits + column * weight
        if logits is None:
            raise ConfigError("a block model needs at least one feature")
        return 1.0 / (1.0 + np.exp(-np.clip(logits + bias, -30.0, 30.0)))

    def to_dict(self) -> dict[str, object]:
        return {
            "names": list(self.names),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "weights": list(self.weights),
            "bias": self.bias,
        }


def model_from_dict(data: dict[str, object]) -> BlockModel:
    names = tuple(data["names"])  # type: ignore[arg-type]
    if names != FEATURE_NAMES:
        raise ConfigError(f"block model features {names} do not match this version's {FEATURE_NAMES}; refit it")
    return BlockModel(
        names=names,
        mean=tuple(float(v) for v in data["mean"]),  # type: ignore[union-attr]
        scale=tuple(float(v) or 1.0 for v in data["scale"]),  # type: ignore[union-attr]
        weights=tuple(float(v) for v in data["weights"]),  # type: ignore[union-attr]
        bias=float(data["bias"]),  # type: ignore[arg-type]
    )


@functools.lru_cache(maxsize=None)
def default_model() -> BlockModel | None:
    """The shipped model, or None when the package carries none (then jusText-style scores are used)."""
    path = resources.files("scrapeclean.data").joinpath("block_model.json")
    if not path.is_file():
        return None
    return model_from_dict(json.loads(path.read_text("utf-8")))


class BlockInputs(NamedTuple):
    """What :func:`block_columns` reads about the blocks of a document, in order."""

    texts: Sequence[str]
    feats: Sequence[Features]
    classes: Sequence[str]
    explicit: Sequence[bool]
    captions: Sequence[bool]
    gaps: Sequence[int]
    base_scores: Sequence[float]
    language_known: bool
    lists: Sequence[Stretch | None] | None = None  # list_stretches(texts, feats), when the caller has it


def block_vectors(inputs: BlockInputs) -> np.ndarray:
    """One feature vector per block, in :data:`FEATURE_NAMES` order: a ``(blocks, features)`` array."""
    if not inputs.feats:
        return np.zeros((0, len(FEATURE_NAMES)))
    return np.column_stack(list(block_columns(inputs)))


def block_columns(inputs: BlockInputs) -> Iterator[np.ndarray]:
    """Each feature's values over all blocks, one array at a time, in :data:`FEATURE_NAMES` order.

    A feature at a time over all blocks (window means from prefix sums), so
    the cost is a few passes over the blocks whatever their number, and a
    scorer that adds each column into its sum holds one column at a time.
    """
    texts, feats, classes, explicit, captions, gaps, base_scores, language_known, lists = inputs
    count = len(feats)
    keys = Counter(feature.key for feature in feats)
    run_of = _run_membership(base_scores)
    best_start, best_end = _best_run(run_of)
    positions = np.arange(count)
    word_counts = _column(feature.words for feature in feats)
    words = np.maximum(word_counts, 1.0)
    log_words = np.log1p(word_counts)
    densities = _column(feature.stopword_density for feature in feats)
    terminals = _column(feature.terminal for feature in feats)
    capitalised = _column(feature.capitalised for feature in feats)
    stamps = _column(feature.words <= 12 and _TIMESTAMP.search(text) is not None for feature, text in zip(feats, texts))
    explicit_values = _column(explicit)
    caption_values = _column(captions)
    classes_array = np.array(classes, dtype=object)
    gap_values = np.minimum(_column(gaps[:count]), 3.0) / 3
    in_best = (positions >= best_start) & (positions < best_end)
    distance = np.where(in_best, 0, np.minimum(np.abs(positions - best_start), np.abs(positions - best_end + 1)))
    ended = explicit_values.astype(bool) & (classes_array == "bad") & (word_counts <= 6) & (positions > count // 3)
    yield log_words
    yield densities
    yield terminals
    yield capitalised
    yield _column(feature.heading_like for feature in feats)
    yield from ((classes_array == name).astype(float) for name in CLASSES)
    yield np.log1p(_column(keys[feature.key] - 1 for feature in feats))
    yield positions / count
    yield np.minimum(positions, count - 1 - positions) / count
    yield gap_values
    yield np.append(gap_values[1:], 1.0)
    yield _around(log_words, _CONTEXT)
    yield _around(densities, _CONTEXT)
    yield _around(terminals, _CONTEXT)
    yield _around(explicit_values, _CONTEXT)
    yield in_best.astype(float)
    yield _column(inside for _, inside in run_of)
    yield _column(share for share, _ in run_of)
    yield np.log1p(distance) / 5
    yield _column(len(_DIGIT.findall(text, 0, 400)) / max(1, min(len(text), 400)) for text in texts)
    yield _column(text.count(",") for text in texts) / words
    yield _column(text.endswith(("...", "…")) for text in texts)
    yield np.maximum.accumulate(ended).astype(float)
    yield _column(feature.chars for feature in feats) / words / 10
    yield _column(_SEPARATOR.search(text, 0, 200) is not None for text in texts)
    yield np.full(count, 1.0 if language_known else 0.0)
    yield log_words * densities
    yield (_around(caption_values, _CONTEXT) > 0).astype(float)
    yield stamps
    yield _window_mean(stamps, _WIDE_CONTEXT)
    yield ((positions >= best_end) & (best_end > 0)).astype(float)
    yield ((word_counts >= 4) & (capitalised >= 0.7)).astype(float)
    list_values = _list_columns(texts, feats, lists)
    for index in range(_LIST_COLUMNS):
        yield _column(row[index] for row in list_values)


def _shape(feature: Features, text: str) -> str:
    """A coarse shape of a block, equal for the same field of every record of a list."""
    if not feature.letters or feature.words <= 3 and all(len(word) <= 2 for word in feature.key.split(" ")):
        return "widget"
    if len(_DIGIT.findall(text, 0, 200)) * 3 >= min(len(text), 200):
        return "digits"
    if feature.terminal and feature.words >= 8:
        return "sentence"
    return "line" if feature.words <= 15 else "long"


def list_stretches(texts: Sequence[str], feats: Sequence[Features]) -> list[Stretch | None]:
    """For each block, the list of records of one repeated shape it stands in (None outside lists)."""
    return repeated_shapes([_shape(feature, text) for feature, text in zip(feats, texts)])


def prose_share(feats: Sequence[Features]) -> float:
    """The share of a page's words that stand in sentences of twelve words or more."""
    total = sum(feature.words for feature in feats) or 1
    return sum(feature.prose_words for feature in feats) / total


def _list_columns(
    texts: Sequence[str], feats: Sequence[Features], stretches: Sequence[Stretch | None] | None = None
) -> list[tuple[float, ...]]:
    """Per block: in a list of records of one shape, how many records, their words; the page's share of prose.

    On a page with little prose (a listing, a product grid, a forum index) the
    main content is its lists; on an article, lists are menus and teasers.
    """
    if stretches is None:
        stretches = list_stretches(texts, feats)
    prose = prose_share(feats)
    record_words: dict[tuple[int, int], float] = {}  # one sum per stretch keeps this linear
    columns = []
    for position, stretch in enumerate(stretches):
        short = 1.0 if feats[position].words <= 12 and not feats[position].terminal else 0.0
        if stretch is None:
            columns.append((0.0, 0.0, 0.0, prose, 0.0, short * (1 - prose)))
            continue
        span = (stretch.start, stretch.end)
        if span not in record_words:
            record_words[span] = sum(feature.words for feature in feats[span[0] : span[1]]) / stretch.records
        words = record_words[span]
        columns.append((1.0, math.log1p(stretch.records) / 3, math.log1p(words) / 3, prose, 1 - prose, short * (1 - prose)))
    return columns


def _column(values: Iterable[float | bool]) -> np.ndarray:
    return np.fromiter(values, dtype=float)


def _bounds(count: int, reach: int) -> tuple[np.ndarray, np.ndarray]:
    positions = np.arange(count)
    return np.maximum(0, positions - reach), np.minimum(count, positions + reach + 1)


def _prefix(values: np.ndarray) -> np.ndarray:
    return np.concatenate(([0.0], np.cumsum(values)))


def _around(values: np.ndarray, reach: int) -> np.ndarray:
    """The mean of a value over the blocks within ``reach`` of each block, other than the block itself."""
    low, high = _bounds(len(values), reach)
    prefix = _prefix(values)
    width = high - low - 1
    return np.where(width > 0, (prefix[high] - prefix[low] - values) / np.maximum(width, 1), values)


def _window_mean(values: np.ndarray, reach: int) -> np.ndarray:
    """The mean of a value over the blocks within ``reach`` of each block, the block included."""
    low, high = _bounds(len(values), reach)
    prefix = _prefix(values)
    return (prefix[high] - prefix[low]) / np.maximum(high - low, 1)


def _run_membership(scores: Sequence[float]) -> list[tuple[float, bool]]:
    runs = dense_runs(scores)
    best = max((run.score for run in runs), default=0.0) or 1.0
    membership = [(0.0, False)] * len(scores)
    for run in runs:
        for position in range(run.start, run.end):
            membership[position] = (run.score / best, True)
    return membership


def _best_run(membership: Sequence[tuple[float, bool]]) -> tuple[int, int]:
    best = [position for position, (share, inside) in enumerate(membership) if inside and share >= 1.0]
    if not best:
        return 0, 0
    return best[0], best[-1] + 1
