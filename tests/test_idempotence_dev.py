"""Idempotence on the dev dumps: how far the passes are from stable with one confirming round.

Cleaning is idempotent whatever the passes do: the engine runs confirming
rounds until the text form is stable. The passes are meant to need at most
one; the pin below is how many AEB and composite dev dumps still need more.
A change that raises it makes the passes less stable; one that lowers it
lowers the pin in the same commit. The whole sweep over all four dev sets is
``python benchmarks/idempotence.py --rounds 0,1,2,12``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA = PROJECT_ROOT.parent / "shared" / "data"
sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks.dev_dumps import dumps  # noqa: E402
from benchmarks.idempotence import DEFAULT_ROUNDS, second_cleaning_diff, unstable  # noqa: E402

NEEDED = [DATA / "aeb" / "ground-truth.json", DATA / "composites-dev.jsonl.gz"]
# AEB and composite dev dumps whose text form changes when cleaned again, with one confirming round.
ONE_ROUND_PIN = 0


@pytest.fixture(scope="module")
def named() -> list[tuple[str, str]]:
    missing = [str(path) for path in NEEDED if not path.exists()]
    if missing:
        pytest.skip(f"idempotence on the dev dumps needs the benchmark data beside the project; missing: {', '.join(missing)}")
    return list(dumps(("aeb", "composites"), data=DATA))


def _first_diff(named: list[tuple[str, str]], found: list[str], rounds: int) -> str:
    """What a second cleaning changes in the first of the dumps ``found`` unstable, as black's assert_stable shows it."""
    texts = dict(named)
    return f"{found[0]}:\n{second_cleaning_diff(texts[found[0]], rounds)}" if found else ""


def test_every_dev_dump_is_stable_with_the_default_rounds(named):
    found = unstable(named, threads=2, rounds=DEFAULT_ROUNDS)
    assert found == [], _first_diff(named, found, DEFAULT_ROUNDS)


def test_one_confirming_round_leaves_no_more_dumps_unstable_than_pinned(named):
    found = unstable(named, threads=2, rounds=1)
    assert len(found) <= ONE_ROUND_PIN, (
        f"{len(found)} dumps need more than one confirming round: {found}\n{_first_diff(named, found, 1)}"
    )
