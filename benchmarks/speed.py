"""The speed benchmark: throughput against peers, cost against document size, memory, and ``-j`` scaling.

Run from the project root::

    python benchmarks/speed.py --quick --docs     # a few minutes: sizes up to 5 MB, a subset of the dumps
    python benchmarks/speed.py --docs             # every dev dump, sizes up to 50 MB
    python benchmarks/speed.py --from-json benchmarks/results/speed.json --docs

Prints a table, writes JSON (``benchmarks/results/speed.json`` unless
``--json`` says otherwise) and, with ``--docs``, regenerates ``docs/speed.md``
and its plot. Every measurement runs in a fresh process; see
:mod:`benchmarks.speed_probe`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks import run_info, speed_report
from benchmarks.datasets import read_json
from benchmarks.renderers import DEFAULT_CACHE
from benchmarks.speed_probe import DISTRIBUTIONS, HTML_SYSTEMS, SYSTEMS, run_child
from benchmarks.speed_report import MEASURED, SHAPES, SKIPPED, TIMED_OUT
from benchmarks.threads import dev_texts, measure_threads

DEFAULT_DATA = PROJECT_ROOT.parent / "shared" / "data"
DEFAULT_JSON = PROJECT_ROOT / "benchmarks" / "results" / "speed.json"
QUICK_DUMPS = 60  # dumps for throughput and the profile in --quick mode
SMALL_POINT_SECONDS = 0.3  # small documents are cleaned repeatedly for at least this long
MAX_RUNS = 200
JOBS_CORPUS = 5_000_000  # bytes of dumps in the -j 1 / -j 2 corpus, where the render cache has that many
PROFILE_TOP = 20


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="sizes up to 5 MB and a subset of the dumps")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding aeb/")
    parser.add_argument("--aeb", type=Path, help="article-extraction benchmark checkout (default DATA/aeb)")
    parser.add_argument(
        "--cache-dir", type=Path, default=DEFAULT_CACHE, help="rendered dump cache, more text for large documents"
    )
    parser.add_argument("--dumps", type=int, help=f"use N dev dumps (default all; {QUICK_DUMPS} with --quick)")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help=f"comma list of {', '.join(SYSTEMS)}")
    parser.add_argument("--sizes", help="comma list of document sizes in bytes (default by mode)")
    parser.add_argument("--shapes", default=",".join(SHAPES), help=f"comma list of {', '.join(SHAPES)}")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds allowed per scaling point (default 60)")
    parser.add_argument("--repetitions", type=int, help="timed runs of each -j setting and thread count (default 5)")
    parser.add_argument("--no-scaling", action="store_true")
    parser.add_argument("--no-jobs", action="store_true", help="leave out the -j 1 / -j 2 corpus runs")
    parser.add_argument(
        "--no-threads", action="store_true", help="leave out clean_many() on 1 and 2 threads in this process"
    )
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--no-startup", action="store_true", help="leave out the start-up timing")
    run_info.add_report_arguments(
        parser, DEFAULT_JSON, "docs/speed.md, its plot and the speed section of docs/benchmarks.md"
    )
    args = parser.parse_args(argv)
    args.systems = _choices(args.systems, tuple(SYSTEMS), "--systems")
    args.shapes = _choices(args.shapes, SHAPES, "--shapes")
    if "scrapeclean" not in args.systems:
        args.systems.insert(0, "scrapeclean")  # the ratios need it
    default_sizes = speed_report.QUICK_SIZES if args.quick else speed_report.FULL_SIZES
    try:
        args.sizes = [int(size) for size in args.sizes.split(",")] if args.sizes else list(default_sizes)
    except ValueError:
        raise SystemExit(f"--sizes: expected a comma list of byte counts, not {args.sizes!r}") from None
    if args.dumps is None and args.quick:
        args.dumps = QUICK_DUMPS
    if args.repetitions is None:
        args.repetitions = 5
    return args


def _choices(value: str, allowed: tuple[str, ...], option: str) -> list[str]:
    chosen = [item.strip() for item in value.split(",") if item.strip()]
    unknown = [item for item in chosen if item not in allowed]
    if unknown:
        raise SystemExit(f"{option}: unknown {', '.join(unknown)}; choose from {', '.join(allowed)}")
    return chosen


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- inputs ------------------------------------------------------------------------------


def dev_dumps(aeb_root: Path) -> list[tuple[str, str]]:
    """(id, dump) for every non-blank html-text dump the article-extraction benchmark ships, by id."""
    path = aeb_root / "output" / "html-text.json"
    if not path.exists():
        raise SystemExit(f"no dumps at {path}; give the benchmark's location with --aeb or --data")
    shipped = read_json(path)["output"]
    pairs = ((page_id, (shipped[page_id] or {}).get("articleBody") or "") for page_id in sorted(shipped))
    return [(page_id, dump) for page_id, dump in pairs if dump.strip()]


def text_pool(dumps: list[str], cache_dir: Path, wanted: int) -> list[str]:
    """The dev dumps, then cached html-text renders of other pages, until ``wanted`` bytes or none are left."""
    pool = list(dumps)
    total = sum(len(dump.encode("utf-8")) for dump in pool)
    for path in sorted(cache_dir.glob("html-text-*/*.txt")):
        if total >= wanted:
            break
        text = path.read_text(encoding="utf-8")
        if text.strip():
            pool.append(text)
            total += len(text.encode("utf-8"))
    return pool


# --- measurements ------------------------------------------------------------------------


# Rounds of the throughput measure: every system runs once a round, in turn, and its median round counts. A
# machine shared with other work slows whichever system runs in a busy moment; rounds spread that over all of them.
THROUGHPUT_ROUNDS = 5


def measure_throughput(systems: list[str], dumps: list[str], pages: list[str]) -> list[dict]:
    """Each system over the same pages: their dumps, or (for systems of HTML) their HTML files ``pages``.

    The systems take turns for :data:`THROUGHPUT_ROUNDS` rounds; each system's row is its median round, with
    every round's MB/s beside it (``rounds_mb_per_s``).
    """
    runs: dict[str, list[dict]] = {system: [] for system in systems}
    for number in range(THROUGHPUT_ROUNDS):
        for system in systems:
            _log(f"throughput: {system} on {len(dumps)} dumps (round {number + 1}/{THROUGHPUT_ROUNDS})")
            arguments = (system, dumps, pages) if system in HTML_SYSTEMS else (system, dumps)
            runs[system].append(run_child("throughput", arguments))
    rows = []
    for system, found in runs.items():
        ordered = sorted(found, key=lambda row: row["seconds"])
        rows.append(ordered[len(ordered) // 2] | {"rounds_mb_per_s": [row["mb_per_s"] for row in found]})
    return rows


def peer_ratios(rows: list[dict]) -> dict[str, float | None]:
    """scrapeclean's throughput over each peer's; above 1, scrapeclean is faster."""
    ours = next(row["mb_per_s"] for row in rows if row["system"] == "scrapeclean")
    return {row["system"]: speed_report.ratio(ours, row["mb_per_s"]) for row in rows if row["system"] != "scrapeclean"}


def measure_scaling(pool: list[str], sizes: list[int], shapes: list[str], budget: float) -> list[dict]:
    points = []
    with tempfile.TemporaryDirectory(prefix="speed-scaling-") as folder:
        for shape in shapes:
            curve: list[dict] = []
            for size in sizes:
                # Every point cleans the same text, as much as the largest point holds, cut into documents of its
                # size: a point differs from another in the size of its documents only, not in what they say.
                documents = speed_report.build_documents(pool, size, shape, max(sizes))
                actual = sum(len(document.encode("utf-8")) for document in documents)
                point = {"shape": shape, "size": size, "bytes": actual, "documents": len(documents)}
                reason = speed_report.next_point_verdict(actual, curve, budget)
                if reason:
                    point.update(status=SKIPPED, reason=reason)
                else:
                    path = Path(folder) / f"{shape}-{size}.json"
                    path.write_text(json.dumps(documents), encoding="utf-8")
                    del documents
                    _log(f"scaling: {shape} {speed_report.size_label(size)}")
                    measured = run_child("scaling_point", (str(path), SMALL_POINT_SECONDS, MAX_RUNS), budget=budget)
                    path.unlink()
                    if measured is None:
                        point.update(
                            status=TIMED_OUT,
                            reason=f"stopped after the {budget:g} s budget",
                            seconds_per_mb_at_least=speed_report.seconds_per_mb(budget, actual),
                        )
                    else:
                        point.update(measured, status=MEASURED)
                        point["seconds_per_mb"] = speed_report.seconds_per_mb(measured["seconds"], actual)
                _log(
                    f"  {point['status']}"
                    + (
                        f": {point['seconds_per_mb']:.2f} s/MB"
                        if "seconds_per_mb" in point
                        else f" ({point.get('reason')})"
                    )
                )
                curve.append(point)
            points += curve
    return points


# The command line as an installed package runs it: with Python's compiled modules cached (an environment that
# sets PYTHONDONTWRITEBYTECODE would recompile every module in every run, a cost no installed copy pays).
_INSTALLED_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def measure_jobs(named_dumps: list[tuple[str, str]], repetitions: int, counts: tuple[int, ...] = (1, 2)) -> dict:
    """The installed command line on a folder of dump files, timed as whole processes; -j settings alternate."""
    executable = shutil.which("scrapeclean")
    if executable is None:
        raise SystemExit("the scrapeclean command is not installed; pip install -e . first")
    runs: dict[str, list[float]] = {str(count): [] for count in counts}
    with tempfile.TemporaryDirectory(prefix="speed-corpus-") as folder:
        for number, (page_id, dump) in enumerate(named_dumps):
            (Path(folder) / f"{number:05d}-{page_id}.txt").write_text(dump, encoding="utf-8")

        def timed(count: int) -> float:
            command = [executable, "clean", "--format", "jsonl", "-q", "--no-config", "-j", str(count), folder]
            started = time.perf_counter()
            completed = subprocess.run(
                command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, env=_INSTALLED_ENV
            )
            seconds = time.perf_counter() - started
            if completed.returncode != 0:
                raise SystemExit(f"{' '.join(command)} exited {completed.returncode}:\n{completed.stderr.decode()}")
            return seconds

        _log(f"corpus: warm-up run on {len(named_dumps)} files")
        timed(counts[0])
        for repetition in range(repetitions):
            for count in counts:
                runs[str(count)].append(timed(count))
            _log(
                f"corpus: repetition {repetition + 1}/{repetitions}: "
                + ", ".join(f"-j {count} {runs[str(count)][-1]:.2f} s" for count in counts)
            )
    median = {count: statistics.median(values) for count, values in runs.items()}
    return {
        "files": len(named_dumps),
        "bytes": sum(len(dump.encode("utf-8")) for _, dump in named_dumps),
        "repetitions": repetitions,
        "cpus": os.cpu_count(),
        "runs": runs,
        "median": median,
        "speedup": speed_report.ratio(median["1"], median[str(counts[-1])]),
    }


STARTUP_ROUNDS = 41  # interleaved runs of each start-up command
STARTUP_FILE = Path(__file__).resolve().parents[1] / "examples" / "dump.txt"


def measure_startup(rounds: int = STARTUP_ROUNDS) -> dict:
    """CPU time (user + system) of whole processes: ``python -c pass`` against ``scrapeclean check`` on one small file.

    The commands alternate, so a busy moment slows both alike; medians are compared.
    """
    executable = shutil.which("scrapeclean")
    if executable is None:
        raise SystemExit("the scrapeclean command is not installed; pip install -e . first")
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "scrapeclean --version": [executable, "--version"],
        "scrapeclean check -q examples/dump.txt": [executable, "check", "-q", str(STARTUP_FILE)],
    }
    cpu: dict[str, list[float]] = {name: [] for name in commands}

    def timed(command: list[str]) -> float:
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_INSTALLED_ENV)
        _, _, usage = os.wait4(child.pid, 0)
        return usage.ru_utime + usage.ru_stime

    _log(f"start-up: {rounds} rounds of {len(commands)} commands")
    for command in commands.values():
        timed(command)  # warm-up: compiled modules written, files in the page cache
    for _ in range(rounds):
        for name, command in commands.items():
            cpu[name].append(timed(command))
    median = {name: statistics.median(values) for name, values in cpu.items()}
    base = median["python -c pass"]
    return {"rounds": rounds, "median_cpu": median, "ratio": {name: value / base for name, value in median.items()}}


def _load_average() -> float | None:
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def run_metadata(args: argparse.Namespace) -> dict:
    distributions = [DISTRIBUTIONS[system] for system in args.systems]
    return run_info.run_metadata("benchmarks/speed.py", distributions) | {
        "mode": "quick" if args.quick else "full",
        "budget_seconds": args.budget,
        "load_average": _load_average(),  # other work on the machine slows every number
    }


def run(args: argparse.Namespace) -> dict:
    started = time.perf_counter()
    named = dev_dumps(args.aeb or args.data / "aeb")
    chosen = speed_report.pick_dumps(named, args.dumps)
    dumps = [dump for _, dump in chosen]
    result: dict = {"meta": run_metadata(args)}
    aeb = args.aeb or args.data / "aeb"
    pages = [str(aeb / "html" / f"{page_id}.html.gz") for page_id, _ in chosen]
    result["throughput"] = measure_throughput(args.systems, dumps, pages)
    result["ratios"] = peer_ratios(result["throughput"])
    if not args.no_scaling:
        pool = text_pool([dump for _, dump in named], args.cache_dir, max(args.sizes))
        result["scaling"] = measure_scaling(pool, args.sizes, args.shapes, args.budget)
        del pool
    if not args.no_threads:
        texts = dev_texts(args.data)
        _log(f"clean_many: {len(texts)} AEB and composite dev dumps, 1 and 2 threads, {args.repetitions} runs each")
        result["threads"] = measure_threads(texts, args.repetitions, log=_log)
        del texts
    if not args.no_jobs:
        # Every dev dump even in --quick mode, and cached renders of other pages up to JOBS_CORPUS bytes:
        # on a small corpus, process start-up would swamp the comparison.
        corpus = text_pool([dump for _, dump in named], args.cache_dir, JOBS_CORPUS)
        result["jobs"] = measure_jobs([(f"{number:05d}", dump) for number, dump in enumerate(corpus)], args.repetitions)
    if not args.no_startup:
        result["startup"] = measure_startup()
    if not args.no_profile:
        _log(f"profile: scrapeclean.clean on {len(dumps)} dumps")
        result["profile"] = run_child("profile", (dumps, PROFILE_TOP))
    result["targets"] = speed_report.evaluate_targets(result)
    result["meta"]["load_average_at_end"] = _load_average()
    result["elapsed_seconds"] = time.perf_counter() - started
    return result


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.from_json:
        result = json.loads(args.from_json.read_text(encoding="utf-8"))
    else:
        result = run(args)
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        _log(f"wrote {args.json}")
    print(speed_report.terminal_report(result))
    if args.docs:
        for path in speed_report.write_docs(result, args.docs_dir):
            _log(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
