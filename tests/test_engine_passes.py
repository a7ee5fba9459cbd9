"""Each built-in pass the engine runs gives the annotations of its Python reference, on real dumps.

The full check over every dev dump is ``python benchmarks/differential.py``;
here a sample of it runs on every commit.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks import differential  # noqa: E402

from scrapeclean import default_pipeline  # noqa: E402


@pytest.fixture(scope="module")
def sample() -> list[tuple[str, str]]:
    if not (differential.DATA / "aeb").exists():
        pytest.skip(f"the dev dumps are not beside the project ({differential.DATA} is missing)")
    return list(differential.dumps(("aeb", "composites"), every=4))


def test_engine_passes_annotate_as_their_references(sample):
    pipeline = default_pipeline()
    if not differential.ported(pipeline):
        pytest.skip("the engine runs none of the built-in passes yet")
    differing = {}
    for dump_id, text in sample:
        found = differential.pass_differences(text, pipeline)
        if found:
            differing[dump_id] = found[:3]
    assert not differing, f"{len(differing)} dumps differ, e.g. {list(differing.items())[:3]}"


def test_whole_cleaning_gives_the_references_articles(sample):
    pipeline = default_pipeline()
    if not differential.ported(pipeline):
        pytest.skip("the engine runs none of the built-in passes yet")
    differing = [dump_id for dump_id, text in sample if differential.article_differences(text, pipeline)]
    assert not differing, differing[:10]
