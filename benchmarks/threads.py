"""clean_many() on 1 and 2 threads, side by side: the engine's scaling inside one process.

    python benchmarks/threads.py              # AEB and composite dev dumps, 3 alternating runs each
    python benchmarks/threads.py --runs 5

Prints each run's wall time and the median speed-up of 2 threads over 1.
``benchmarks/speed.py`` runs the same measurement for its target row.
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


def measure_threads(texts: list[str], runs: int, counts: tuple[int, ...] = (1, 2), log=None) -> dict:
    """Wall time of ``clean_many(texts, threads=N)`` for each N, the counts alternating ``runs`` times.

    One untimed warm-up call first, so that no run pays for the engine's first-use set-up.
    """
    from scrapeclean import clean_many

    clean_many(texts[:20], threads=max(counts))
    seconds: dict[str, list[float]] = {str(count): [] for count in counts}
    for repetition in range(runs):
        for count in counts:
            started = time.perf_counter()
            clean_many(texts, threads=count)
            seconds[str(count)].append(time.perf_counter() - started)
        if log is not None:
            log(
                f"clean_many: repetition {repetition + 1}/{runs}: "
                + ", ".join(f"{count} thread(s) {seconds[str(count)][-1]:.2f} s" for count in counts)
            )
    median = {count: statistics.median(values) for count, values in seconds.items()}
    first, last = str(counts[0]), str(counts[-1])
    return {
        "docs": len(texts),
        "bytes": sum(len(text.encode("utf-8")) for text in texts),
        "repetitions": runs,
        "runs": seconds,
        "median": median,
        "speedup": median[first] / median[last] if median[last] > 0 else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="folder holding aeb/ and composites-dev.jsonl.gz")
    parser.add_argument("--runs", type=int, default=3, help="alternating runs of each thread count")
    options = parser.parse_args(argv)
    texts = dev_texts(options.data)
    found = measure_threads(texts, options.runs)
    megabytes = found["bytes"] / 1e6
    for threads, runs in found["runs"].items():
        shown = " ".join(f"{run:.2f}" for run in runs)
        print(
            f"{threads} thread(s): {len(texts)} dumps, {megabytes:.1f} MB, runs {shown} s, "
            f"{megabytes / found['median'][threads]:.2f} MB/s"
        )
    print(f"speed-up of 2 threads over 1 (medians): {found['speedup']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
