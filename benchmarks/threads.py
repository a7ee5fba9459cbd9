"""clean_many() on 1 and 2 threads, side by side: the engine's scaling inside one process.

    python benchmarks/threads.py              # AEB and composite dev dumps, 3 alternating runs each
    python benchmarks/threads.py --runs 5

Prints each run's wall time and the median speed-up of 2 threads over 1.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.dev_dumps import DATA, dumps  # noqa: E402


def dev_texts(data: Path) -> list[str]:
    return [text for _, text in dumps(("aeb", "composites"), data=data) if text.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="folder holding aeb/ and composites-dev.jsonl.gz")
    parser.add_argument("--runs", type=int, default=3, help="alternating runs of each thread count")
    options = parser.parse_args(argv)
    from scrapeclean import clean_many

    texts = dev_texts(options.data)
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    clean_many(texts[:20], threads=2)  # warm up: the engine's patterns and tables
    seconds: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(options.runs):
        for threads in (1, 2):
            started = time.perf_counter()
            clean_many(texts, threads=threads)
            seconds[threads].append(time.perf_counter() - started)
    for threads, runs in seconds.items():
        median = statistics.median(runs)
        shown = " ".join(f"{run:.2f}" for run in runs)
        print(f"{threads} thread(s): {len(texts)} dumps, {megabytes:.1f} MB, runs {shown} s, {megabytes / median:.2f} MB/s")
    print(f"speed-up of 2 threads over 1 (medians): {statistics.median(seconds[1]) / statistics.median(seconds[2]):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
