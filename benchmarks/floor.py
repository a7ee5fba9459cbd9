"""The quality floor: a small fixed sample whose F1s a change may not lower without updating the pins.

``benchmarks/floor.json`` names the sample pages and pins the minimum F1s.
``tests/test_quality_floor.py`` checks them; after a deliberate change in
quality, re-pin with::

    python benchmarks/floor.py --update
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import datasets
from benchmarks.runner import DOM, Task, run_task
from benchmarks.summary import summarise

FLOOR_FILE = Path(__file__).resolve().parent / "floor.json"
DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
SYSTEM = "scrapeclean"
HTML_SYSTEM = "scrapeclean-html"
# Pins are rounded down to this many decimals, so a rerun of the same code always passes.
PIN_DECIMALS = 3


def choose_sample(data: Path, aeb_pages: int = 20, wcxb_per_type: int = 4, composites_per_kind: int = 10) -> dict:
    """A spread of pages: every n-th AEB page, the first of each WCXB page type, the first composites of each kind."""
    aeb = [page.page_id for page in datasets.read_aeb(data / "aeb")]
    step = max(1, len(aeb) // aeb_pages)
    by_type: dict[str, list[str]] = defaultdict(list)
    for page in datasets.read_wcxb(data / "wcxb-dev"):
        if len(by_type[page.page_type]) < wcxb_per_type and page.gold_body.strip():
            by_type[page.page_type].append(page.page_id)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for page in datasets.read_composites(data / "composites-dev.jsonl.gz"):
        if len(by_kind[page.kind]) < composites_per_kind:
            by_kind[page.kind].append(page.page_id)
    return {
        "aeb": aeb[::step][:aeb_pages],
        "wcxb": sorted(page_id for ids in by_type.values() for page_id in ids),
        "composites": [page_id for ids in by_kind.values() for page_id in ids],
    }


def sample_tasks(data: Path, sample: dict) -> list[Task]:
    """AEB on its shipped dumps, WCXB on html-text dumps, composites on theirs; all in this process."""
    wanted = {name: set(ids) for name, ids in sample.items()}
    pages: Iterable[datasets.Page] = [
        *datasets.read_aeb(data / "aeb"),
        *datasets.read_wcxb(data / "wcxb-dev"),
        *datasets.read_composites(data / "composites-dev.jsonl.gz", data / "wcxb-dev"),
    ]
    sources = {"aeb": datasets.SHIPPED, "wcxb": "html-text", "composites": datasets.SHIPPED}
    return [
        Task(page, sources[page.set_name], (SYSTEM,)) for page in pages if page.page_id in wanted.get(page.set_name, ())
    ]


def html_tasks(data: Path, sample: dict) -> list[Task]:
    """The same AEB and WCXB pages, their HTML given to the HTML path."""
    wanted = {name: set(sample[name]) for name in ("aeb", "wcxb")}
    pages: Iterable[datasets.Page] = [*datasets.read_aeb(data / "aeb"), *datasets.read_wcxb(data / "wcxb-dev")]
    return [Task(page, DOM, (HTML_SYSTEM,)) for page in pages if page.page_id in wanted.get(page.set_name, ())]


def measure(data: Path, sample: dict) -> dict[str, float]:
    records = [record for task in sample_tasks(data, sample) for record in run_task(task)]
    rows = {row["set"]: row for row in summarise(records)}
    html_records = [record for task in html_tasks(data, sample) for record in run_task(task)]
    html_rows = {row["set"]: row for row in summarise(html_records)}
    return {
        "aeb_shingle_f1": rows["aeb"]["shingle"]["f1"],
        "wcxb_word_f1": rows["wcxb"]["word"]["f1"],
        "composites_story_f1": rows["composites"]["multi"]["story_f1"],
        "composites_right_count": rows["composites"]["multi"]["right_count"],
        "composites_dup_f1": rows["composites"]["dup"]["shingle"]["f1"],
        "html_aeb_shingle_f1": html_rows["aeb"]["shingle"]["f1"],
        "html_wcxb_word_f1": html_rows["wcxb"]["word"]["f1"],
    }


def pin(value: float) -> float:
    scale = 10**PIN_DECIMALS
    return int(value * scale) / scale


def update(data: Path, path: Path = FLOOR_FILE) -> dict:
    sample = choose_sample(data)
    measured = measure(data, sample)
    floor = {
        "about": "Minimum F1s of scrapeclean on a fixed sample; re-pin on purpose: python benchmarks/floor.py --update",
        "minimum": {name: pin(value) for name, value in measured.items()},
        "sample": sample,
    }
    path.write_text(json.dumps(floor, indent=1) + "\n", encoding="utf-8")
    return floor


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Measure the quality floor sample, or re-pin it.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--update", action="store_true", help=f"re-measure and rewrite {FLOOR_FILE.name}")
    args = parser.parse_args(argv)
    if args.update:
        floor = update(args.data)
        print(json.dumps(floor["minimum"], indent=1))
        return 0
    floor = json.loads(FLOOR_FILE.read_text(encoding="utf-8"))
    measured = measure(args.data, floor["sample"])
    for name, minimum in floor["minimum"].items():
        print(f"{name:<22} {measured[name]:.4f}  (pinned minimum {minimum:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
