"""Fit the block model (``src/scrapeclean/data/block_model.json``) on benchmark development pages.

Each block the chrome pass is left to judge becomes one example: its row of
block model features, as the engine computes it (``scrapeclean._engine.training_rows``,
after the captions pass, as the default pipeline runs it), and a label, 1 when
most of its word trigrams occur in the page's gold main text. Examples are weighted
by the block's words, as the benchmarks' word and shingle metrics weigh them.
The fit is an L2-regularised logistic regression by Newton's method (NumPy).

    python benchmarks/train_blocks.py --data ../shared/data --sets aeb,wcxb --out src/scrapeclean/data/block_model.json

Use ``--holdout aeb`` to fit on the other sets only (to measure on aeb pages
the model has not seen).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402

from benchmarks.datasets import read_aeb, read_wcxb  # noqa: E402
from benchmarks.renderers import render_file  # noqa: E402
from scrapeclean import _engine  # noqa: E402
from scrapeclean.engine import settings_of  # noqa: E402
from scrapeclean.fingerprint import fold, words  # noqa: E402
from scrapeclean.passes import DedupCaptions, RemoveSiteChrome  # noqa: E402

FEATURE_NAMES: list[str] = _engine.training_rows("", [], {})[3]


def _trigrams(text: str) -> set[tuple[str, ...]]:
    tokens = words(fold(text))
    return {tuple(tokens[i : i + 3]) for i in range(max(1, len(tokens) - 2))}


def _short_found(tokens: list[str], gold_lines: set[tuple[str, ...]], gold_pairs: set[tuple[str, ...]]) -> bool:
    """A block of one or two words is main text when the gold prints it as a line, or (two words) in a row."""
    return tuple(tokens) in gold_lines or len(tokens) == 2 and tuple(tokens) in gold_pairs


def examples(dump: str, gold: str) -> tuple[list[list[float]], list[float], list[float]]:
    """Feature vectors, labels and weights of one page's judged blocks."""
    gold_grams = _trigrams(gold)
    gold_tokens = words(fold(gold))
    gold_pairs = set(zip(gold_tokens, gold_tokens[1:]))
    gold_lines = {tuple(words(fold(line))) for line in gold.splitlines()}
    before = [(DedupCaptions.name, settings_of(DedupCaptions()))]
    blocks, block_words, flat, names = _engine.training_rows(dump, before, settings_of(RemoveSiteChrome()))
    starts = _engine.segment(dump)
    vectors, labels, weights = [], [], []
    for number, index in enumerate(blocks):
        text = dump[starts[0][index] : starts[1][index]]
        tokens = words(fold(text))
        if len(tokens) < 3:
            found = 1.0 if _short_found(tokens, gold_lines, gold_pairs) else 0.0
        else:
            grams = _trigrams(text)
            found = sum(1 for gram in grams if gram in gold_grams) / max(1, len(grams))
        vectors.append(flat[number * len(names) : (number + 1) * len(names)])
        labels.append(1.0 if found >= 0.5 else 0.0)
        weights.append(math.log1p(block_words[number]) + 0.5)
    return vectors, labels, weights


def _page_examples(args: tuple[str, str]) -> tuple[list[list[float]], list[float], list[float]]:
    return examples(*args)


def pages(data: Path, sets: list[str], renderers: list[str]) -> list[tuple[str, str]]:
    found = []
    if "aeb" in sets:
        found += [(page.shipped_dump or "", page.gold_body) for page in read_aeb(data / "aeb")]
    if "wcxb" in sets:
        for page in read_wcxb(data / "wcxb-dev"):
            for renderer in renderers:
                if page.html_path is not None and page.gold_body:
                    found.append((render_file(page.html_path, renderer), page.gold_body))
    return found


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = 1.0, rounds: int = 25) -> dict:
    """The model as ``block_model.json`` holds it: names, mean, scale, weights (standardised), bias."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-np.clip(z @ beta, -30, 30)))
        gradient = z.T @ (w * (p - y)) + penalty * beta
        hessian = (z * (w * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return {
        "names": list(FEATURE_NAMES),
        "mean": [float(v) for v in mean],
        "scale": [float(v) for v in scale],
        "weights": [float(v) for v in beta[:-1]],
        "bias": float(beta[-1]),
    }


def probabilities(model: dict, x: np.ndarray) -> np.ndarray:
    scale = np.array(model["scale"])
    scale[scale == 0] = 1.0
    logits = ((x - np.array(model["mean"])) / scale) @ np.array(model["weights"]) + model["bias"]
    return 1 / (1 + np.exp(-np.clip(logits, -30, 30)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--sets", default="aeb,wcxb")
    parser.add_argument("--renderers", default="html-text,inscriptis")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "scrapeclean" / "data" / "block_model.json")
    args = parser.parse_args(argv)
    started = time.time()
    found = pages(args.data, args.sets.split(","), args.renderers.split(","))
    x_rows, y_rows, w_rows = [], [], []
    with ProcessPoolExecutor(args.jobs) as pool:
        for vectors, labels, weights in pool.map(_page_examples, found, chunksize=8):
            x_rows += vectors
            y_rows += labels
            w_rows += weights
    x, y, w = np.array(x_rows), np.array(y_rows), np.array(w_rows)
    model = fit(x, y, w, l2=args.l2)
    predictions = probabilities(model, x[:: max(1, len(x) // 50000)])
    sample_y = y[:: max(1, len(x) // 50000)]
    accuracy = float(((predictions >= 0.5) == (sample_y == 1)).mean())
    payload = model | {
        "trained_on": {"sets": args.sets, "renderers": args.renderers, "pages": len(found), "blocks": len(x)},
        "l2": args.l2,
        "training_accuracy": round(accuracy, 4),
    }
    args.out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print(f"{len(found)} pages, {len(x)} blocks, {y.mean():.3f} positive, accuracy {accuracy:.3f}, "
          f"{time.time() - started:.0f} s -> {args.out}")
    for name, weight in sorted(zip(FEATURE_NAMES, model["weights"]), key=lambda item: -abs(item[1]))[:12]:
        print(f"  {weight:+.3f} {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
