"""Hunt for dumps whose text form changes when cleaned again: to_text(clean(to_text(clean(x)))) != to_text(clean(x)).

    python benchmarks/idempotence.py                  # AEB, composites, WCXB dev in both renderers
    python benchmarks/idempotence.py --sets aeb --threads 1

Prints how many dumps change on the second cleaning and which.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.dev_dumps import SETS, dumps  # noqa: E402
from scrapeclean import clean_many, to_text  # noqa: E402


def unstable(named: list[tuple[str, str]], threads: int) -> list[str]:
    """The ids of the dumps whose cleaned text form changes when cleaned again."""
    once = [to_text(articles) for articles in clean_many([text for _, text in named], threads=threads)]
    twice = [to_text(articles) for articles in clean_many(once, threads=threads)]
    return [dump_id for (dump_id, _), first, second in zip(named, once, twice) if first != second]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of {', '.join(SETS)}")
    parser.add_argument("--threads", type=int, default=2)
    options = parser.parse_args(argv)
    named = list(dumps(tuple(options.sets.split(","))))
    found = unstable(named, options.threads)
    print(f"{len(named)} dumps; {len(found)} change when their cleaned text is cleaned again")
    for dump_id in found:
        print(f"  {dump_id}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
