"""The quality benchmark: how much of the article each cleaner keeps, and how much junk it lets through.

Run from the project root::

    python benchmarks/quality.py                      # every set, system and renderer, on ../shared/data
    python benchmarks/quality.py --systems scrapeclean --sets aeb --jobs 2
    python benchmarks/quality.py --systems scrapeclean --worst 10 --worst-dir /tmp/worst

Prints a table, writes JSON (``benchmarks/results/quality.json`` unless
``--json`` says otherwise) and, with ``--docs``, regenerates
``docs/benchmarks.md`` and its plot.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks import datasets, run_info
from benchmarks.renderers import DEFAULT_CACHE, RENDERERS
from benchmarks.report import terminal_report, write_json
from benchmarks.runner import DOM, plan_tasks, run_all
from benchmarks.summary import summarise
from benchmarks.systems import SYSTEMS

SETS = ("aeb", "wcxb", "composites")
SOURCES = (datasets.SHIPPED, *RENDERERS)
DEFAULT_DATA = PROJECT_ROOT.parent / "shared" / "data"
DEFAULT_JSON = PROJECT_ROOT / "benchmarks" / "results" / "quality.json"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder holding aeb/, wcxb-dev/, composites-dev.jsonl.gz"
    )
    parser.add_argument("--aeb", type=Path, help="article-extraction benchmark checkout (default DATA/aeb)")
    parser.add_argument("--wcxb", type=Path, help="WCXB checkout (default DATA/wcxb-dev)")
    parser.add_argument("--wcxb-split", default="dev", help="WCXB split folder to read (default dev)")
    parser.add_argument(
        "--composites",
        type=Path,
        action="append",
        help="composite JSONL(.gz); repeatable (default DATA/composites-dev.jsonl.gz)",
    )
    parser.add_argument(
        "--composites-html",
        type=Path,
        help="folder the composites' html_path is relative to (default the WCXB checkout)",
    )
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma list of {', '.join(SETS)}")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help=f"comma list of {', '.join(SYSTEMS)}")
    parser.add_argument(
        "--renderers", default=",".join(SOURCES), help=f"dump sources, comma list of {', '.join(SOURCES)}"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    parser.add_argument("--limit", type=int, help="score only the first N pages of each set")
    parser.add_argument(
        "--worst", type=int, default=0, help="write the K worst scrapeclean pages of each set to --worst-dir"
    )
    parser.add_argument("--worst-dir", type=Path, default=PROJECT_ROOT / "benchmarks" / "results" / "worst")
    parser.add_argument(
        "--baseline",
        type=Path,
        help="an earlier results JSON whose target measures the report shows beside this run's",
    )
    run_info.add_report_arguments(parser, DEFAULT_JSON, "docs/benchmarks.md and its plot")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE, help="rendered dump cache")
    parser.add_argument("--no-cache", action="store_true", help="render every dump afresh and keep nothing")
    parser.add_argument("--no-progress", action="store_true")
    args = parser.parse_args(argv)
    args.sets = _choices(args.sets, SETS, "--sets")
    args.systems = _choices(args.systems, tuple(SYSTEMS), "--systems")
    args.renderers = _choices(args.renderers, SOURCES, "--renderers")
    return args


def _choices(value: str, allowed: tuple[str, ...], option: str) -> list[str]:
    chosen = [item.strip() for item in value.split(",") if item.strip()]
    unknown = [item for item in chosen if item not in allowed]
    if unknown:
        raise SystemExit(f"{option}: unknown {', '.join(unknown)}; choose from {', '.join(allowed)}")
    return chosen


def load_pages(args: argparse.Namespace) -> list[datasets.Page]:
    aeb_root = args.aeb or args.data / "aeb"
    wcxb_root = args.wcxb or args.data / "wcxb-dev"
    readers = []
    for set_name in args.sets:
        if set_name == "aeb":
            readers.append(_required(datasets.read_aeb, aeb_root))
        elif set_name == "wcxb":
            readers.append(_required(datasets.read_wcxb, wcxb_root, args.wcxb_split))
        else:
            html_root = args.composites_html or wcxb_root
            for path in args.composites or [args.data / "composites-dev.jsonl.gz"]:
                # Each file of your own composites is reported as its own set, named after the file.
                name = "composites" if path.name.startswith("composites-dev") else path.name.split(".")[0]
                readers.append(
                    _required(datasets.read_composites, path, html_root if html_root.exists() else None, name)
                )
    return [page for reader in readers for page in itertools.islice(reader, args.limit)]


def _required(reader, path: Path, *rest):
    if not path.exists():
        raise SystemExit(f"no dataset at {path}; give its location (see --help)")
    return reader(path, *rest)


def ordered(summary: list[dict], args: argparse.Namespace) -> list[dict]:
    run_sets = dict.fromkeys([*args.sets, *(row["set"] for row in summary)])  # named sets first, then extra files
    set_order = {name: number for number, name in enumerate(run_sets)}
    source_order = {name: number for number, name in enumerate((*SOURCES, DOM))}
    system_order = {name: number for number, name in enumerate(SYSTEMS)}
    return sorted(
        summary, key=lambda row: (set_order[row["set"]], system_order[row["system"]], source_order[row["source"]])
    )


def run_metadata(args: argparse.Namespace, pages: list[datasets.Page]) -> dict:
    distributions = (
        "scrapeclean", "html-text", "inscriptis", "jusText", "trafilatura", "readability-lxml", "resiliparse", "selectolax"
    )  # fmt: skip
    return run_info.run_metadata("benchmarks/quality.py", distributions) | {
        "sets": {
            name: sum(page.set_name == name for page in pages) for name in dict.fromkeys(p.set_name for p in pages)
        },
    }


def run(args: argparse.Namespace) -> tuple[dict, list[dict], list[datasets.Page]]:
    cache_dir = None if args.no_cache else args.cache_dir
    started = time.perf_counter()
    pages = load_pages(args)
    tasks = plan_tasks(pages, args.renderers, args.systems, cache_dir)
    records = run_all(tasks, args.jobs, progress=not args.no_progress)
    elapsed = time.perf_counter() - started
    result = {
        "meta": run_metadata(args, pages),
        "elapsed_seconds": elapsed,
        "jobs": args.jobs,
        "summary": ordered(summarise(records), args),
        "pages": records,
    }
    print(f"{len(tasks)} page runs in {elapsed:.0f} s with {args.jobs} jobs", file=sys.stderr)
    return result, records, pages


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.from_json:
        result = json.loads(args.from_json.read_text(encoding="utf-8"))
    else:
        result, records, pages = run(args)
        if args.baseline:
            from benchmarks.targets import baseline_summary

            result["baseline"] = baseline_summary(json.loads(args.baseline.read_text(encoding="utf-8")))
        write_json(result, args.json)
        if args.worst:
            from benchmarks.worst import write_worst

            cache_dir = None if args.no_cache else args.cache_dir
            written = write_worst(records, pages, args.worst, args.worst_dir, cache_dir)
            print(f"wrote {len(written)} page explanations to {args.worst_dir}", file=sys.stderr)
    print(terminal_report(result["summary"]))
    if args.docs:
        from benchmarks.docs_report import write_docs

        for path in write_docs(result, args.docs_dir):
            print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
