"""Hunt for dumps whose text form changes when cleaned again: to_text(clean(to_text(clean(x)))) != to_text(clean(x)).

    python benchmarks/idempotence.py                  # AEB, composites, WCXB dev in both renderers
    python benchmarks/idempotence.py --sets aeb --threads 1
    python benchmarks/idempotence.py --rounds 0,1,2   # how far the passes alone are from stable
    python benchmarks/idempotence.py --rounds 1 --diff 3   # and what changes, for the first 3 unstable dumps

Prints how many dumps change on the second cleaning and which. With
``--rounds``, cleans with at most that many confirming rounds (the default
pipeline allows 12) and prints a line for each bound: how many dumps the
passes leave unstable with that many rounds or fewer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.dev_dumps import SETS, dumps  # noqa: E402
from scrapeclean import _engine, default_pipeline, to_text  # noqa: E402
from scrapeclean.corpus.rewrite import unified_diff  # noqa: E402
from scrapeclean.engine import engine_articles, engine_passes  # noqa: E402
from scrapeclean.handoff import encodable_all  # noqa: E402

DEFAULT_ROUNDS = 12


def cleaned_texts(texts: list[str], threads: int, rounds: int) -> list[str]:
    passes = engine_passes(default_pipeline())
    assert passes is not None
    found = _engine.clean_many(encodable_all(texts), passes, threads, rounds)
    return [to_text(engine_articles(text, None, result)) for text, result in zip(texts, found)]


def unstable(named: list[tuple[str, str]], threads: int, rounds: int = DEFAULT_ROUNDS) -> list[str]:
    """The ids of the dumps whose cleaned text form changes when cleaned again."""
    once = cleaned_texts([text for _, text in named], threads, rounds)
    twice = cleaned_texts(once, threads, rounds)
    return [dump_id for (dump_id, _), first, second in zip(named, once, twice) if first != second]


def second_cleaning_diff(text: str, rounds: int = DEFAULT_ROUNDS) -> str:
    """A unified diff of a dump's cleaned text form against that form cleaned again ("" when stable), as
    ``scrapeclean check --diff`` prints one."""
    once = cleaned_texts([text], 1, rounds)[0]
    return unified_diff(once, cleaned_texts([once], 1, rounds)[0], "the cleaned text")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of {', '.join(SETS)}")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", default=str(DEFAULT_ROUNDS), help="comma-separated bounds on confirming rounds")
    parser.add_argument("--diff", type=int, default=0, metavar="N", help="print what changes for the first N unstable dumps")
    options = parser.parse_args(argv)
    texts = dict(named := list(dumps(tuple(options.sets.split(",")))))
    bounds = [int(bound) for bound in options.rounds.split(",")]
    failed = False
    for rounds in bounds:
        found = unstable(named, options.threads, rounds)
        print(f"{len(named)} dumps, at most {rounds} confirming round(s): {len(found)} change when cleaned again")
        if rounds == DEFAULT_ROUNDS:
            failed = bool(found)
            for dump_id in found:
                print(f"  {dump_id}")
        for dump_id in found[: options.diff]:
            print(f"--- {dump_id}, at most {rounds} confirming round(s)")
            print(second_cleaning_diff(texts[dump_id], rounds), end="")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
