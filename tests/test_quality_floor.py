"""The quality floor: scrapeclean's F1s on a small fixed sample may not drop below the pins.

The sample and the pins live in ``benchmarks/floor.json``. A change that lowers
a score on purpose must re-pin it (``python benchmarks/floor.py --update``) in
the same commit, so the drop is visible in review.
"""

from __future__ import annotations

import json
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA = PROJECT_ROOT.parent / "shared" / "data"
sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks import floor

NEEDED = [DATA / "aeb" / "ground-truth.json", DATA / "wcxb-dev" / "dev", DATA / "composites-dev.jsonl.gz"]


@pytest.fixture(scope="module")
def measured() -> dict[str, float]:
    missing = [str(path) for path in NEEDED if not path.exists()]
    if missing:
        pytest.skip(f"quality floor needs the benchmark data beside the project; missing: {', '.join(missing)}")
    if find_spec("html_text") is None:
        pytest.skip('quality floor renders WCXB pages with html-text: pip install -e ".[bench]"')
    pins = json.loads(floor.FLOOR_FILE.read_text(encoding="utf-8"))
    return floor.measure(DATA, pins["sample"])


def pinned() -> dict[str, float]:
    return json.loads(floor.FLOOR_FILE.read_text(encoding="utf-8"))["minimum"]


@pytest.mark.parametrize("metric", sorted(pinned()))
def test_score_stays_at_or_above_its_pin(measured, metric):
    minimum = pinned()[metric]
    assert measured[metric] >= minimum, (
        f"{metric} fell to {measured[metric]:.4f}, below its pin {minimum:.3f}; "
        "if the drop is intended, re-pin with: python benchmarks/floor.py --update"
    )


def test_sample_is_tens_of_pages():
    sample = json.loads(floor.FLOOR_FILE.read_text(encoding="utf-8"))["sample"]
    assert 30 <= sum(map(len, sample.values())) <= 150
