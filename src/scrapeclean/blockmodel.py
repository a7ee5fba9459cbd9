"""How likely a block is to be main text: a logistic model over shallow block features.

The features are the ones the boilerplate literature uses (jusText's class,
words, stopword density, sentence punctuation, capitals), the same read off
the neighbouring blocks (context), the block's place in the page and in the
densest run of prose, and a few typographic cues (digits, separators,
truncated teasers). The weights live in ``data/block_model.json``; they are
fitted on public benchmark development pages by ``benchmarks/train_blocks.py``
and can be refitted by anyone on their own data. Scoring is one dot product
per block.
"""

from __future__ import annotations

import functools
import json
import math
import operator
from collections import Counter
from collections.abc import Sequence
from importlib import resources

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
        """Weights with the standardisation folded in: one dot product per block."""
        weights = tuple(weight / scale for weight, scale in zip(self.weights, self.scale))
        bias = self.bias - sum(weight * mean for weight, mean in zip(weights, self.mean))
        return weights, bias

    def logit(self, vector: Sequence[float]) -> float:
        weights, bias = self._folded
        return bias + sum(map(operator.mul, vector, weights))

    def probability(self, vector: Sequence[float]) -> float:
        logit = max(-30.0, min(30.0, self.logit(vector)))
        return 1.0 / (1.0 + math.exp(-logit))

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


def block_vectors(
    texts: Sequence[str],
    feats: Sequence[Features],
    classes: Sequence[str],
    explicit: Sequence[bool],
    captions: Sequence[bool],
    gaps: Sequence[int],
    base_scores: Sequence[float],
    language_known: bool,
) -> list[list[float]]:
    """One feature vector per block, in :data:`FEATURE_NAMES` order."""
    count = len(feats)
    keys = Counter(feature.key for feature in feats)
    run_of = _run_membership(base_scores)
    best_start, best_end = _best_run(run_of)
    log_words = [math.log1p(feature.words) for feature in feats]
    densities = [feature.stopword_density for feature in feats]
    terminals = [1.0 if feature.terminal else 0.0 for feature in feats]
    stamps = [1.0 if feature.words <= 12 and _TIMESTAMP.search(text) else 0.0 for feature, text in zip(feats, texts)]
    explicit_values = [1.0 if flag else 0.0 for flag in explicit]
    caption_values = [1.0 if flag else 0.0 for flag in captions]
    sums = {name: _prefix(values) for name, values in (
        ("words", log_words), ("stop", densities), ("terminal", terminals),
        ("explicit", explicit_values), ("caption", caption_values), ("stamp", stamps),
    )}  # fmt: skip
    lists = _list_columns(texts, feats)
    ended = 0.0
    vectors = []
    for position, feature in enumerate(feats):
        text = texts[position]
        low, high = max(0, position - _CONTEXT), min(count, position + _CONTEXT + 1)
        wide_low, wide_high = max(0, position - _WIDE_CONTEXT), min(count, position + _WIDE_CONTEXT + 1)
        run_share, in_run = run_of[position]
        distance = 0 if best_start <= position < best_end else min(abs(position - best_start), abs(position - best_end + 1))
        words = max(feature.words, 1)
        if explicit[position] and classes[position] == "bad" and feature.words <= 6 and position > count // 3:
            ended = 1.0
        vectors.append(
            [
                log_words[position],
                densities[position],
                terminals[position],
                feature.capitalised,
                1.0 if feature.heading_like else 0.0,
                *(1.0 if classes[position] == name else 0.0 for name in CLASSES),
                math.log1p(keys[feature.key] - 1),
                position / count,
                min(position, count - 1 - position) / count,
                min(gaps[position], 3) / 3,
                min(gaps[position + 1], 3) / 3 if position + 1 < count else 1.0,
                _around(sums["words"], low, high, log_words[position]),
                _around(sums["stop"], low, high, densities[position]),
                _around(sums["terminal"], low, high, terminals[position]),
                _around(sums["explicit"], low, high, explicit_values[position]),
                1.0 if best_start <= position < best_end else 0.0,
                1.0 if in_run else 0.0,
                run_share,
                math.log1p(distance) / 5,
                len(_DIGIT.findall(text, 0, 400)) / max(1, min(len(text), 400)),
                text.count(",") / words,
                1.0 if text.endswith(("...", "…")) else 0.0,
                ended,
                feature.chars / words / 10,
                1.0 if _SEPARATOR.search(text, 0, 200) else 0.0,
                1.0 if language_known else 0.0,
                log_words[position] * densities[position],
                1.0 if _around(sums["caption"], low, high, caption_values[position]) > 0 else 0.0,
                stamps[position],
                (sums["stamp"][wide_high] - sums["stamp"][wide_low]) / max(1, wide_high - wide_low),
                1.0 if position >= best_end > 0 else 0.0,
                1.0 if feature.words >= 4 and feature.capitalised >= 0.7 else 0.0,
                *lists[position],
            ]
        )
    return vectors


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
    return sum(feature.words for feature in feats if feature.terminal and feature.words >= 12) / total


def _list_columns(texts: Sequence[str], feats: Sequence[Features]) -> list[tuple[float, ...]]:
    """Per block: in a list of records of one shape, how many records, their words; the page's share of prose.

    On a page with little prose (a listing, a product grid, a forum index) the
    main content is its lists; on an article, lists are menus and teasers.
    """
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


def _around(prefix: Sequence[float], low: int, high: int, own: float) -> float:
    """The mean of a value over the blocks of ``[low, high)`` other than the block itself."""
    width = high - low - 1
    return (prefix[high] - prefix[low] - own) / width if width else own


def _prefix(values: Sequence[float]) -> list[float]:
    sums = [0.0]
    for value in values:
        sums.append(sums[-1] + value)
    return sums


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
