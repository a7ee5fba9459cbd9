"""How fast a review page of a large sample opens and responds in headless Chromium.

Builds a JSONL corpus of ``--records`` dumps (the article-extraction
benchmark's html-text dumps and the composite dumps, repeated with fresh ids
until there are enough), writes its review page with ``scrapeclean review``,
then opens the page ``--repeat`` times in Debian's chromium through
Playwright and reports the median of:

- file read, page parsed: navigation start to the last byte read and to the HTML parsed;
- load: navigation start to the page being ready, the first record shown (measured in the page);
- next record: pressing ``n`` until the next record is on screen;
- filter: choosing the most common reason until the table of contents and record are redrawn;
- expand: opening every collapsed run of the current record.

    python benchmarks/review_load.py --records 1000

It needs ``playwright`` (the ``test`` extra) and ``chromium`` (``apt-get install chromium``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks.speed import DEFAULT_DATA, dev_dumps

CHROMIUM = "/usr/bin/chromium"

# Milliseconds from a user's action until the page has answered it, measured in the page itself.
_TIMED_KEY = """key => new Promise(resolve => {
  const reader = document.getElementById('record');
  const before = reader.dataset.record;
  const start = performance.now();
  const check = () => reader.dataset.record !== before || performance.now() - start > 5000
    ? requestAnimationFrame(() => resolve({ms: performance.now() - start, moved: reader.dataset.record !== before}))
    : requestAnimationFrame(check);
  document.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}));
  check();
})"""
_TIMED_FILTER = """value => new Promise(resolve => {
  const select = document.getElementById('filter');
  const start = performance.now();
  select.value = value;
  select.dispatchEvent(new Event('change'));
  requestAnimationFrame(() => resolve(performance.now() - start));
})"""
_TIMED_EXPAND = """() => new Promise(resolve => {
  const start = performance.now();
  document.querySelectorAll('#record .run-line').forEach(line => line.click());
  requestAnimationFrame(() => resolve(performance.now() - start));
})"""


def corpus_texts(data: Path) -> list[tuple[str, str]]:
    """(id, dump) of every shipped html-text dump and every composite dump."""
    texts = dev_dumps(data / "aeb")
    composites = data / "composites-dev.jsonl.gz"
    if composites.exists():
        with gzip.open(composites, "rt", encoding="utf-8") as handle:
            texts += [(record["id"], record["text"]) for record in map(json.loads, filter(str.strip, handle))]
    return texts


def write_corpus(path: Path, texts: list[tuple[str, str]], records: int) -> int:
    """Write ``records`` JSONL records, cycling through ``texts``; returns the size of their dumps in bytes."""
    size = 0
    with path.open("w", encoding="utf-8") as handle:
        for number in range(records):
            ident, text = texts[number % len(texts)]
            size += len(text.encode("utf-8"))
            handle.write(json.dumps({"id": f"{ident}#{number // len(texts)}", "text": text}) + "\n")
    return size


def most_common_reason(page) -> str:  # type: ignore[no-untyped-def]
    options = page.eval_on_selector_all("#filter option", "nodes => nodes.map(node => [node.value, node.textContent])")
    reasons = [(int(text.rsplit("(", 1)[1].rstrip(")")), value) for value, text in options if "/" in value]
    return max(reasons)[1]


def measure(page_path: Path, repeat: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    timings: dict[str, list[float]] = {
        "file read": [],
        "page parsed": [],
        "load": [],
        "next record": [],
        "filter": [],
        "expand": [],
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(page_path.as_uri(), wait_until="load")
            page.wait_for_selector("body[data-ready=true]")
            navigation = page.evaluate("performance.getEntriesByType('navigation')[0].toJSON()")
            timings["file read"].append(navigation["responseEnd"])
            timings["page parsed"].append(navigation["domInteractive"])
            timings["load"].append(page.evaluate("performance.getEntriesByName('review-ready')[0].startTime"))
            step = page.evaluate(_TIMED_KEY, "n")
            assert step["moved"], "n did not move to the next record"
            timings["next record"].append(step["ms"])
            timings["expand"].append(page.evaluate(_TIMED_EXPAND))
            timings["filter"].append(page.evaluate(_TIMED_FILTER, most_common_reason(page)))
            page.close()
        browser.close()
    return {name: statistics.median(values) for name, values in timings.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1000, help="records in the sample (default 1000)")
    parser.add_argument("--repeat", type=int, default=5, help="page loads to take the median of (default 5)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the datasets' directory")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "sample.jsonl"
        dump_bytes = write_corpus(corpus, corpus_texts(args.data), args.records)
        page = Path(scratch) / "review.html"
        started = time.perf_counter()
        command = [sys.executable, "-m", "scrapeclean.cli", "review", str(corpus), "-o", str(page), "-q"]
        subprocess.run(command, check=True)
        built = time.perf_counter() - started
        load_before = os.getloadavg()[0]
        results = measure(page, args.repeat)
        load_after = os.getloadavg()[0]
        print(f"{args.records} records, {dump_bytes / 1e6:.1f} MB of dumps; page {page.stat().st_size / 1e6:.1f} MB")
        print(f"scrapeclean review: {built:.1f} s to clean the records and write the page")
        print(f"machine: {os.cpu_count()} cores, load average {load_before:.1f} before, {load_after:.1f} after")
        for name, value in results.items():
            print(f"{name}: {value:.0f} ms (median of {args.repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
