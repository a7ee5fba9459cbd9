"""The speed benchmark's arithmetic and report: scaling documents, ratios, targets, tables, ``docs/speed.md`` and its plot.

Everything here is pure (no timing, no child processes), so it is unit-tested;
:mod:`benchmarks.speed_probe` measures and :mod:`benchmarks.speed` runs the lot.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from pathlib import Path

from .doc_sections import replace_section

MB = 1_000_000  # decimal megabytes, as in MB/s
QUICK_SIZES = (1_000, 10_000, 100_000, 1_000_000, 5_000_000)
FULL_SIZES = (1_000, 10_000, 100_000, 1_000_000, 5_000_000, 10_000_000, 50_000_000)
SHAPES = ("concatenated", "single-line")

# The speed targets the report judges.
JUSTEXT_RATIO_TARGET = 20.0
FLATNESS_TARGET = 0.30
MEMORY_FACTOR_TARGET = 5.0
JOBS_SPEEDUP_TARGET = 1.8
STARTUP_TARGET = 5.0  # scrapeclean check on one small file, CPU, against python -c pass

BUSY_LOAD = 0.5  # 1-minute load average above which the report warns that other work slowed the run
PLOT_NAME = "speed-scaling.png"
PAGE_NAME = "speed.md"

MEASURED, TIMED_OUT, SKIPPED = "measured", "timed out", "skipped"

_LINE_BREAKS = re.compile(r"\s*\n\s*")


# --- scaling documents -------------------------------------------------------------------


def as_single_line(dump: str) -> str:
    """The dump on one line: every run of white space holding a line break becomes one space.

    >>> as_single_line("Menu\\n\\n  Home\\nStory text")
    'Menu Home Story text'
    """
    return _LINE_BREAKS.sub(" ", dump).strip()


def build_document(dumps: Sequence[str], size: int, shape: str) -> str:
    """A document of at most ``size`` UTF-8 bytes made of real dumps, cycled as often as needed.

    ``concatenated``: dumps joined by blank lines, cut at the last line break
    that fits. ``single-line``: the same text with no line breaks at all, cut
    at the last space that fits. Where no break fits (a 1 KB document from a
    long first line), the cut falls on a character boundary.
    """
    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {SHAPES}, not {shape!r}")
    texts = [text for text in (dump.strip() for dump in dumps) if text]
    if not texts:
        raise ValueError("build_document needs at least one non-blank dump")
    if shape == "single-line":
        texts = [as_single_line(text) for text in texts]
    separator, cut_at = ("\n\n", "\n") if shape == "concatenated" else (" ", " ")
    parts: list[str] = []
    total = 0
    index = 0
    while total < size:
        text = texts[index % len(texts)]
        parts.append(text)
        total += len(text.encode("utf-8")) + len(separator)
        index += 1
    raw = separator.join(parts).encode("utf-8")[:size].decode("utf-8", errors="ignore")
    cut = raw.rfind(cut_at)
    return (raw[:cut] if cut > 0 else raw).rstrip()


def build_documents(dumps: Sequence[str], size: int, shape: str, total: int) -> list[str]:
    """The same ``max(size, total)`` bytes of text cut, one after another, into documents of at most ``size`` bytes.

    Every size below ``total`` cleans the very same text, so time per MB
    compares document sizes and nothing else (a 1 KB document cut from the
    top of one dump would be all menu). Cuts fall at line breaks
    (``concatenated``) or spaces (``single-line``) where one fits.

    >>> build_documents(["one two\\nthree four"], 12, "concatenated", 40)
    ['one two', 'three four', 'one two']
    """
    text = build_document(dumps, max(size, total), shape)
    data = text.encode("utf-8")
    if len(data) <= size:
        return [text]
    cut_at = "\n" if shape == "concatenated" else " "
    documents = []
    start = 0
    while start < len(data):
        piece = data[start : start + size].decode("utf-8", errors="ignore")
        if start + size < len(data) and piece.rfind(cut_at) > 0:
            piece = piece[: piece.rfind(cut_at) + 1]
        start += len(piece.encode("utf-8")) or size
        if piece.strip():
            documents.append(piece.strip())
    return documents


def pick_dumps(dumps: Sequence[str], count: int | None) -> list[str]:
    """An evenly spread subset of ``count`` dumps (all of them for ``None``), in their order.

    >>> pick_dumps(["a", "b", "c", "d", "e", "f"], 3)
    ['a', 'c', 'e']
    """
    if count is None or count >= len(dumps):
        return list(dumps)
    step = len(dumps) / count
    return [dumps[int(number * step)] for number in range(count)]


# --- arithmetic --------------------------------------------------------------------------


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """``numerator / denominator``, or None when either is missing or the denominator is 0.

    >>> ratio(3.0, 1.5), ratio(1.0, 0.0), ratio(None, 2.0)
    (2.0, None, None)
    """
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def seconds_per_mb(seconds: float, size_bytes: int) -> float:
    return seconds / (size_bytes / MB)


def next_point_verdict(size: int, earlier: Sequence[dict], budget: float) -> str | None:
    """Why the scaling point of ``size`` bytes should not be run, or None to run it.

    A point is skipped after a point of the same shape timed out, and when the
    last measured point's time per MB, kept up to ``size``, already exceeds the budget.
    """
    for point in earlier:
        if point["status"] == TIMED_OUT:
            return f"a smaller document ({point['bytes'] / MB:g} MB) already timed out"
    measured = [point for point in earlier if point["status"] == MEASURED]
    if not measured:
        return None
    predicted = measured[-1]["seconds_per_mb"] * size / MB
    if predicted > budget:
        return f"predicted {predicted:.0f} s at the last measured rate, over the {budget:g} s budget"
    return None


def flatness(points: Sequence[dict]) -> dict:
    """How far time per MB strays from its median over the measured points of one curve.

    Timed-out points count with the least time per MB they could have had
    (the budget over their size); skipped points are listed as unknown.
    """
    measured = [point["seconds_per_mb"] for point in points if point["status"] == MEASURED]
    if not measured:
        return {"reference": None, "max_deviation": None, "met": None, "unknown_sizes": []}
    reference = statistics.median(measured)
    deviations = [abs(value / reference - 1) for value in measured]
    timed_out = [point for point in points if point["status"] == TIMED_OUT]
    # A timed-out point took at least the budget: a lower bound on its time per MB.
    deviations += [point["seconds_per_mb_at_least"] / reference - 1 for point in timed_out]
    unknown = [point["bytes"] for point in points if point["status"] == SKIPPED]
    worst = max(deviations)
    met: bool | None = worst <= FLATNESS_TARGET
    if met and unknown:
        met = None  # flat so far, but not measured to the end
    return {"reference": reference, "max_deviation": worst, "met": met, "unknown_sizes": unknown}


def memory_verdict(points: Sequence[dict]) -> dict:
    """Peak resident memory added while cleaning the largest measured document, against its size."""
    measured = [point for point in points if point["status"] == MEASURED and point.get("extra_rss") is not None]
    if not measured:
        return {"met": None}
    largest_size = max(point["size"] for point in measured)
    # The worse shape at the largest size measured.
    largest = max(
        (point for point in measured if point["size"] == largest_size),
        key=lambda point: point["extra_rss"] / point["bytes"],
    )
    factor = largest["extra_rss"] / largest["bytes"]
    return {
        "shape": largest["shape"],
        "size": largest["size"],
        "bytes": largest["bytes"],
        "extra_rss": largest["extra_rss"],
        "peak_rss": largest["peak_rss"],
        "factor": factor,
        "met": factor <= MEMORY_FACTOR_TARGET,
    }


def evaluate_targets(result: dict) -> list[dict]:
    """One row per speed target: what it asks, the measured number, and met (True), not met (False) or unknown."""
    rows = []
    justext = result.get("ratios", {}).get("justext")
    rows.append(
        {
            "target": f"throughput >= {JUSTEXT_RATIO_TARGET:g}x jusText on the same dumps",
            "measured": "-" if justext is None else f"{justext:.2f}x",
            "met": None if justext is None else justext >= JUSTEXT_RATIO_TARGET,
        }
    )
    resiliparse = result.get("ratios", {}).get("resiliparse")
    if resiliparse is not None:
        rows.append(
            {
                "target": "faster per page than resiliparse's main-content extraction on the same pages' HTML",
                "measured": f"{resiliparse:.2f}x",
                "met": resiliparse >= 1.0,
            }
        )
    points = result.get("scaling", [])
    for shape in SHAPES:
        curve = [point for point in points if point["shape"] == shape]
        if not curve:
            continue
        flat = flatness(curve)
        measured = "-"
        met = flat["met"]
        if flat["max_deviation"] is not None:
            measured = f"max {flat['max_deviation'] * 100:.0f}% off the median {flat['reference']:.2f} s/MB"
            if flat["unknown_sizes"]:
                measured += "; not measured at " + ", ".join(size_label(size) for size in flat["unknown_sizes"])
            largest = max(point["size"] for point in curve)
            if largest < FULL_SIZES[-1]:
                measured += f"; sizes only up to {size_label(largest)}"
                met = None if met else met  # flat so far says nothing about 50 MB
        rows.append(
            {
                "target": f"time per MB flat within ±{FLATNESS_TARGET:.0%} from 1 KB to 50 MB ({shape})",
                "measured": measured,
                "met": met,
            }
        )
    memory = memory_verdict(points)
    largest_wanted = max((point["size"] for point in points), default=0)
    measured = "-"
    met = memory["met"]
    if met is not None:
        measured = (
            f"{memory['factor']:.1f}x ({memory['extra_rss'] / MB:.1f} MB added for {size_label(memory['size'])}, "
            f"{memory['shape']})"
        )
        if memory["size"] < largest_wanted and met:
            met = None  # the largest document was not measured
            measured += f"; {size_label(largest_wanted)} not measured"
    rows.append(
        {
            "target": f"peak memory <= {MEMORY_FACTOR_TARGET:g}x the largest document",
            "measured": measured,
            "met": met,
        }
    )
    startup = result.get("startup", {}).get("ratio", {}).get("scrapeclean check -q examples/dump.txt")
    rows.append(
        {
            "target": f"start-up: scrapeclean check on one small file <= {STARTUP_TARGET:g}x the CPU of python -c pass",
            "measured": "-" if startup is None else f"{startup:.2f}x",
            "met": None if startup is None else startup <= STARTUP_TARGET,
        }
    )
    speedup = result.get("threads", {}).get("speedup")
    rows.append(
        {
            "target": f"clean_many, 2 threads >= {JOBS_SPEEDUP_TARGET:g}x one thread (in one process)",
            "measured": "-" if speedup is None else f"{speedup:.2f}x",
            "met": None if speedup is None else speedup >= JOBS_SPEEDUP_TARGET,
        }
    )
    speedup = result.get("jobs", {}).get("speedup")
    rows.append(
        {
            "target": f"-j 2 (engine threads) >= {JOBS_SPEEDUP_TARGET:g}x -j 1 on a corpus",
            "measured": "-" if speedup is None else f"{speedup:.2f}x",
            "met": None if speedup is None else speedup >= JOBS_SPEEDUP_TARGET,
        }
    )
    return rows


# --- formatting --------------------------------------------------------------------------


def size_label(size: int) -> str:
    """A size in decimal KB or MB.

    >>> size_label(1_000), size_label(100_000), size_label(5_000_000)
    ('1 KB', '100 KB', '5 MB')
    """
    return f"{size / MB:g} MB" if size >= MB else f"{size / 1000:g} KB"


def verdict(met: bool | None) -> str:
    return {True: "met", False: "NOT met", None: "unknown"}[met]


def _number(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def _megabytes(value: float | None) -> str:
    return "-" if value is None else f"{value / MB:,.0f}"


def throughput_table(result: dict) -> list[list[str]]:
    ratios = result.get("ratios", {})
    scrapeclean = next((row for row in result["throughput"] if row["system"] == "scrapeclean"), None)
    header = ["system", "docs", "MB", "seconds", "MB/s", "docs/s", "scrapeclean / this", "peak RSS MB", "added MB"]
    table = [header]
    for row in result["throughput"]:
        relative = "1.00" if row is scrapeclean else _number(ratios.get(row["system"]))
        table.append(
            [
                row["system"],
                str(row["docs"]),
                _number(row["bytes"] / MB),
                _number(row["seconds"]),
                _number(row["mb_per_s"], 3),
                _number(row["docs_per_s"], 1),
                relative,
                _megabytes(row["peak_rss"]),
                _megabytes(row["extra_rss"]),
            ]
        )
    return table


def scaling_table(result: dict) -> list[list[str]]:
    table = [["shape", "size", "status", "documents", "seconds", "s/MB", "vs median", "runs", "peak RSS MB", "added MB", "note"]]
    for shape in SHAPES:
        curve = [point for point in result.get("scaling", []) if point["shape"] == shape]
        reference = flatness(curve)["reference"] if curve else None
        for point in curve:
            measured = point["status"] == MEASURED
            relative = ratio(point.get("seconds_per_mb"), reference) if measured else None
            note = point.get("reason") or ""
            if point["status"] == TIMED_OUT:
                note = f">= {point['seconds_per_mb_at_least']:.2f} s/MB; {note}".rstrip("; ")
            table.append(
                [
                    shape,
                    size_label(point["size"]),
                    point["status"],
                    str(point.get("documents", 1)),
                    _number(point.get("seconds"), 3) if measured else "-",
                    _number(point.get("seconds_per_mb")) if measured else "-",
                    "-" if relative is None else f"{relative:.2f}",
                    str(point.get("runs", "-")) if measured else "-",
                    _megabytes(point.get("peak_rss")) if measured else "-",
                    _megabytes(point.get("extra_rss")) if measured else "-",
                    note,
                ]
            )
    return table


def startup_table(result: dict) -> list[list[str]]:
    startup = result.get("startup")
    if not startup:
        return []
    table = [["command", "median CPU ms", "vs python -c pass"]]
    for name, seconds in startup["median_cpu"].items():
        table.append([f"`{name}`", _number(seconds * 1000, 1), f"{startup['ratio'][name]:.2f}x"])
    return table


def threads_table(result: dict) -> list[list[str]]:
    return _runs_table(result.get("threads"), ["threads", "dumps"], "docs")


def jobs_table(result: dict) -> list[list[str]]:
    return _runs_table(result.get("jobs"), ["-j", "files"], "files")


def _runs_table(found: dict | None, labels: list[str], count_key: str) -> list[list[str]]:
    """One row per thread or -j count of alternating timed runs: its median, its runs, MB/s and speed-up over 1."""
    if not found:
        return []
    table = [[*labels, "MB", "median s", "runs (s)", "MB/s", "speedup"]]
    for count in sorted(found["runs"], key=int):
        seconds = found["median"][count]
        table.append(
            [
                count,
                str(found[count_key]),
                _number(found["bytes"] / MB),
                _number(seconds),
                " ".join(f"{value:.2f}" for value in found["runs"][count]),
                _number(found["bytes"] / MB / seconds, 3),
                _number(ratio(found["median"]["1"], seconds)),
            ]
        )
    return table


def targets_table(result: dict) -> list[list[str]]:
    return [["target", "measured", "verdict"]] + [
        [row["target"], row["measured"], verdict(row["met"])] for row in evaluate_targets(result)
    ]


def profile_table(rows: Sequence[dict]) -> list[list[str]]:
    table = [["function", "calls", "own s", "cumulative s"]]
    for row in rows:
        table.append([row["function"], row["calls"], f"{row['own']:.3f}", f"{row['cumulative']:.3f}"])
    return table


def text_table(table: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell; the first column left-aligned, the rest right-aligned."""
    if not table:
        return ""
    widths = [max(len(row[column]) for row in table) for column in range(len(table[0]))]
    lines = []
    for number, row in enumerate(table):
        cells = [
            cell.ljust(width) if column == 0 else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths))
        ]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def markdown_table(table: Sequence[Sequence[str]], text_columns: int = 1) -> list[str]:
    header, *rows = table
    aligned = ["---" if column < text_columns else "---:" for column in range(len(header))]
    escape = str.maketrans({"|": "\\|"})
    return ["| " + " | ".join(cell.translate(escape) for cell in line) + " |" for line in (header, aligned, *rows)]


def terminal_report(result: dict) -> str:
    sections = [
        ("Throughput on the dev dumps", throughput_table(result)),
        ("Time against document size (default pipeline)", scaling_table(result)),
        ("clean_many(texts, threads=N) in one process", threads_table(result)),
        ("Corpus run, scrapeclean clean --format jsonl -j N", jobs_table(result)),
        ("Start-up, CPU of whole processes", startup_table(result)),
        ("Targets", targets_table(result)),
    ]
    report = "\n\n".join(f"{title}\n{text_table(table)}" for title, table in sections if table)
    return "\n\n".join([report, *load_note(result.get("meta", {}))]).rstrip()


# --- docs --------------------------------------------------------------------------------

METHOD_NOTES = """\
## How the numbers are made

- **Dumps.** The dev dumps are the html-text dumps the article-extraction
  benchmark ships (`aeb/output/html-text.json`); `--quick` takes an evenly
  spread subset. Sizes are UTF-8 bytes, in decimal MB.
- **Throughput.** Each system runs in a fresh process of its own, one after
  the other, on the same dumps: first one warm-up call (imports, stoplists,
  data files), then every dump in turn, timed with `time.perf_counter` around
  the whole loop; the loop runs three times and the fastest counts (one pass
  over the dev dumps takes a quarter of a second for the fastest systems).
  The systems take turns for five rounds, a fresh process each, and each
  system's median round is reported: a busy moment on a shared machine then
  slows one round of every system, not all of one. scrapeclean runs `scrapeclean.clean(dump)` with the default
  pipeline. jusText and trafilatura get each non-blank line as an HTML `<p>`,
  as in the quality benchmark (`benchmarks/systems.py`), and jusText the
  stoplist of the page's language (`guess_stoplist`). Building that HTML and
  choosing the stoplist are not timed, so the peers are charged only for
  their own work and the ratios are, if anything, in the peers' favour
  (scrapeclean's time includes its own language detection). The quality
  benchmark's MB/s column times the stoplist choice too, so its jusText
  figure is lower.
- **Memory** is resident set size (RSS), not the Python heap: the peak is
  the measuring process's own high-water mark (`VmHWM` in
  `/proc/self/status`; `resource.getrusage(RUSAGE_SELF).ru_maxrss` where
  there is no `/proc`, but on Linux that also keeps the parent's peak from
  before `exec`), reset (`/proc/self/clear_refs`) just before the timed work;
  *added* is that peak minus the RSS just before the timed work (imports
  done, inputs already in memory). The memory target is judged on *added*
  for the largest document measured.
- **Scaling.** Text made of real dumps (the dev dumps, then the html-text
  renders of WCXB cached under `benchmarks/.cache/`, cycled when more text
  is needed): *concatenated* joins them with blank lines; *single-line* is
  the same text with every line break turned into a space. Every point
  cleans the same text, as much as the largest point holds (50 MB), cut one
  after another into documents of the point's size (at line breaks, or
  spaces): a thousand-byte point cleans some 50,000 documents, the largest
  point one. Each point runs in a fresh
  process after two warm-up calls (a small page, and the first 2,000
  characters of its first document); a point's documents are cleaned in
  turn, repeatedly until 0.3 s have passed, and the median run is reported.
  A point that runs past the time budget is stopped (*timed out*: its time
  per MB is at least the budget over its size); a point whose time,
  predicted from the last measured point's time per MB, exceeds the budget
  is *skipped*, and so is every point after a timed-out one. Flatness is the
  largest deviation of time per MB from the curve's median.
- **Threads.** `scrapeclean.clean_many(texts, threads=N)` cleans the AEB
  and composite dev dumps in the benchmark's own process, with 1 and 2
  threads in turn, 5 times each after one untimed warm-up call; the wall
  times (`time.perf_counter`) are compared by median. This is the engine's
  scaling with no process start-up and no file reading or writing.
- **`-j` scaling.** The dev dumps (in `--quick` mode too) and cached renders
  of other pages, up to 5 MB, are written one file each to a temporary
  folder and the installed command line `scrapeclean clean --format jsonl
  -q --no-config -j N DIR` (output to /dev/null) is timed as a whole
  process with `time.perf_counter` around `subprocess.run`, after one
  untimed warm-up run; `-j 1` and `-j 2` alternate, and the medians are
  compared. Process start-up is part of the time, as a user sees it, with
  Python's compiled modules cached as in an installed copy
  (`PYTHONDONTWRITEBYTECODE` is left out of the runs' environment).
- **Start-up.** `python -c pass`, `scrapeclean --version` and `scrapeclean
  check -q examples/dump.txt` (a 2 KB dump, inside the project, so its
  `pyproject.toml` is found and read) run in turn, 41 times after one
  warm-up run each, with compiled modules cached as above; the CPU time of
  each finished process (user + system, from `os.wait4`) is compared by
  median.
- **Profile.** `cProfile` around `scrapeclean.clean` on the dev dumps, in a
  process of its own; the profiler's overhead inflates functions that are
  called very often, so read the shares, not the absolute seconds.
"""


def markdown(result: dict, plot_name: str | None = PLOT_NAME) -> str:
    meta = result.get("meta", {})
    lines = [
        "# Speed",
        "",
        "<!-- Generated by benchmarks/speed.py --docs; edit the generator, not this file. -->",
        "",
        (
            "How fast does scrapeclean clean dumps, against peers on the same dumps, and does the cost grow "
            "linearly with the size of a document? The quality numbers are in [benchmarks.md](benchmarks.md)."
        ),
        "",
        (
            f"Measured {meta.get('date', '?')} on {meta.get('cpus', '?')} CPUs in "
            f"{meta.get('mode', '?')} mode (time budget {meta.get('budget_seconds', 0):g} s per scaling point); "
            f"the whole run took {result.get('elapsed_seconds', 0) / 60:.1f} minutes."
        ),
        "",
        *load_note(meta),
        'Rerun and regenerate this page (from the project root, after `pip install -e ".[bench]"`):',
        "",
        "```",
        "python benchmarks/speed.py --quick --docs   # a few minutes: sizes up to 5 MB, a subset of the dumps",
        "python benchmarks/speed.py --docs           # every dev dump, sizes up to 50 MB",
        "```",
        "",
        f"This page was made by `{meta.get('command', '?')}`.",
        "",
        "Versions: " + ", ".join(f"{name} {value}" for name, value in sorted(meta.get("versions", {}).items())) + ".",
        "",
    ]
    lines += _measured_sections(result, plot_name, "##")
    profile = result.get("profile")
    if profile:
        lines += [
            "## Where the time goes",
            "",
            (
                f"`cProfile` of `scrapeclean.clean` on {profile['docs']} dev dumps "
                f"({profile['bytes'] / MB:.2f} MB, {profile['seconds']:.1f} s under the profiler)."
            ),
            "",
            "### Top 20 by cumulative time",
            "",
            *markdown_table(profile_table(profile["cumulative"])),
            "",
            "### Top 20 by own time",
            "",
            *markdown_table(profile_table(profile["own"])),
            "",
        ]
    lines += [METHOD_NOTES]
    return "\n".join(lines)


def benchmarks_section(result: dict, plot_name: str | None = PLOT_NAME) -> str:
    """The speed section of ``docs/benchmarks.md``: targets, throughput, scaling, ``-j``; details on speed.md."""
    meta = result.get("meta", {})
    lines = [
        "## Speed",
        "",
        (
            f"Measured {meta.get('date', '?')} on {meta.get('cpus', '?')} CPUs by `{meta.get('command', '?')}`; "
            f"profiles, memory per size and how it is measured are on [{PAGE_NAME}]({PAGE_NAME})."
        ),
        "",
        *load_note(meta),
    ]
    return "\n".join(lines + _measured_sections(result, plot_name, "###"))


def _measured_sections(result: dict, plot_name: str | None, heading: str) -> list[str]:
    """Targets, throughput, scaling (with the plot) and ``-j`` tables, under headings of level ``heading``."""
    lines = [
        f"{heading} Targets",
        "",
        *markdown_table(targets_table(result), text_columns=3),
        "",
        f"{heading} Throughput on the dev dumps, side by side",
        "",
        *markdown_table(throughput_table(result)),
        "",
        f"{heading} Time against document size",
        "",
        (
            "Every point cleans the same text, as much as the largest point holds, cut into documents of "
            "that size (`documents` of them), so a point differs from another only in the size of its "
            "documents, not in what they say. `seconds` is the time for all of a point's documents."
        ),
        "",
        *markdown_table(scaling_table(result), text_columns=3),
        "",
    ]
    if plot_name:
        lines += [f"![Seconds per MB against document size]({plot_name})", ""]
    if result.get("threads"):
        lines += [
            f"{heading} `clean_many`: one thread against two",
            "",
            *markdown_table(threads_table(result)),
            "",
        ]
    if result.get("jobs"):
        lines += [f"{heading} Corpus run: `-j 1` against `-j 2`", "", *markdown_table(jobs_table(result)), ""]
    if result.get("startup"):
        rounds = result["startup"]["rounds"]
        lines += [
            f"{heading} Start-up",
            "",
            f"CPU time (user + system) of whole processes, medians of {rounds} interleaved runs.",
            "",
            *markdown_table(startup_table(result)),
            "",
        ]
    return lines


def load_note(meta: dict) -> list[str]:
    """A warning when the machine was busy with other work, which slows every number and the -j runs most."""
    loads = [meta.get(key) for key in ("load_average", "load_average_at_end") if meta.get(key) is not None]
    if not loads or max(loads) < BUSY_LOAD:
        return []
    return [
        (
            f"The machine was busy with other work (1-minute load average {loads[0]:.1f} at the start, "
            f"{loads[-1]:.1f} at the end, on {meta.get('cpus', '?')} CPUs): every time here is slower than "
            "on an idle machine, and the `-j` comparison is the least trustworthy number."
        ),
        "",
    ]


def plot(points: Iterable[dict], path: Path) -> bool:
    """Seconds per MB against document size, log x, one line per shape; False when nothing was measured."""
    points = list(points)
    measured = [point for point in points if point["status"] == MEASURED]
    if not measured:
        return False
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(8, 4.5))
    for shape, marker in zip(SHAPES, ("o", "s")):
        curve = [point for point in measured if point["shape"] == shape]
        if curve:
            (line,) = axis.plot(
                [p["bytes"] for p in curve], [p["seconds_per_mb"] for p in curve], marker=marker, label=shape
            )
            reference = statistics.median(point["seconds_per_mb"] for point in curve)
            axis.axhspan(
                reference * (1 - FLATNESS_TARGET),
                reference * (1 + FLATNESS_TARGET),
                alpha=0.12,
                color=line.get_color(),
                label=f"{shape}: ±{FLATNESS_TARGET:.0%} of its median",
            )
        stopped = [point for point in points if point["shape"] == shape and point["status"] == TIMED_OUT]
        if stopped:
            axis.scatter(
                [p["bytes"] for p in stopped],
                [p["seconds_per_mb_at_least"] for p in stopped],
                marker="^",
                label=f"{shape}: timed out (at least)",
            )
    axis.set_xscale("log")
    axis.set_xlabel("document size (bytes)")
    axis.set_ylabel("seconds per MB")
    axis.set_ylim(bottom=0)
    axis.grid(alpha=0.3)
    axis.legend(fontsize=8)
    axis.set_title("scrapeclean.clean, default pipeline", fontsize=10)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return True


def write_docs(result: dict, docs_dir: Path) -> list[Path]:
    plot_path = docs_dir / PLOT_NAME
    has_plot = plot(result.get("scaling", []), plot_path)
    page = docs_dir / PAGE_NAME
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(markdown(result, PLOT_NAME if has_plot else None), encoding="utf-8")
    written = [page, plot_path] if has_plot else [page]
    overview = docs_dir / "benchmarks.md"
    if overview.exists():
        section = benchmarks_section(result, PLOT_NAME if has_plot else None)
        overview.write_text(replace_section(overview.read_text(encoding="utf-8"), "speed", section), encoding="utf-8")
        written.append(overview)
    return written
