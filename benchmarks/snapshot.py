"""Snapshot the articles of every dev dump, and compare a snapshot with the code as it is now.

A change meant to keep the output (a speed-up, a refactor) should leave every
dump's articles as they were:

    python benchmarks/snapshot.py --save /tmp/before.json     # before the change
    python benchmarks/snapshot.py --compare /tmp/before.json  # after it: lists the dumps that differ

Each dump is recorded by the SHA-256 of its articles' JSON form (removed
records included), so a snapshot is small and holds no text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.dev_dumps import SETS, dumps  # noqa: E402
from scrapeclean import clean_many  # noqa: E402


def snapshot(sets: tuple[str, ...], threads: int) -> dict[str, str]:
    named = list(dumps(sets))
    results = clean_many([text for _, text in named], threads=threads)
    return {
        dump_id: hashlib.sha256(json.dumps([article.to_dict() for article in articles], sort_keys=True).encode()).hexdigest()
        for (dump_id, _), articles in zip(named, results)
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of {', '.join(SETS)}")
    parser.add_argument("--threads", type=int, default=2)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path, help="write the snapshot here")
    action.add_argument("--compare", type=Path, help="compare the code now with this snapshot")
    options = parser.parse_args(argv)
    now = snapshot(tuple(options.sets.split(",")), options.threads)
    if options.save:
        options.save.write_text(json.dumps(now, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(now)} dumps -> {options.save}")
        return 0
    before = json.loads(options.compare.read_text(encoding="utf-8"))
    differ = sorted(dump_id for dump_id in now.keys() & before.keys() if now[dump_id] != before[dump_id])
    print(f"{len(now.keys() & before.keys())} dumps in both; {len(differ)} give other articles")
    for dump_id in differ:
        print(f"  {dump_id}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
