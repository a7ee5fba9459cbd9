"""What the speed benchmark runs in child processes: throughput of one system, one scaling point, a profile.

Every measurement gets a fresh process (``spawn``), so imports, caches and
memory of one never reach another, and a scaling point that runs past its
time budget can be stopped. Memory is resident set size from
the process's own high-water mark (``VmHWM``, else ``resource.getrusage``),
reset through ``/proc/self/clear_refs`` just before the timed work.
"""

from __future__ import annotations

import gc
import gzip
import multiprocessing
import os
import resource
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

WARM_UP = "Home | News\n\nA title for the story\n\n" + "Some words of a real story, told plainly. " * 20


class ChildFailed(RuntimeError):
    """A measuring process raised, or died without a result."""


# --- memory ------------------------------------------------------------------------------


def current_rss() -> int | None:
    """Resident set size now, in bytes (Linux ``/proc/self/statm``), or None elsewhere."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            resident_pages = int(handle.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return resident_pages * os.sysconf("SC_PAGE_SIZE")


def reset_peak_rss() -> bool:
    """Reset the process's RSS high-water mark (Linux 4.0+); False where that is not possible."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
    except OSError:
        return False
    return True


def peak_rss() -> int:
    """Peak resident set size in bytes: ``VmHWM`` where Linux has it, else ``ru_maxrss``.

    On Linux ``ru_maxrss`` also keeps the peak of the memory a process had
    before ``exec``, which for a spawned child is its parent's; ``VmHWM`` is
    this process's own, and is what ``/proc/self/clear_refs`` resets.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # KiB on Linux, bytes on macOS


def _memory_start() -> tuple[int | None, bool]:
    gc.collect()
    baseline = current_rss()
    return baseline, reset_peak_rss()


def _memory_end(baseline: int | None, reset: bool) -> dict:
    peak = peak_rss()
    extra = max(0, peak - baseline) if baseline is not None and reset else None
    return {"peak_rss": peak, "baseline_rss": baseline, "extra_rss": extra, "peak_reset": reset}


# --- the systems, with the input they expect built outside the timer ----------------------


def _scrapeclean() -> tuple[Callable, Callable]:
    import scrapeclean

    return (lambda dump: dump), scrapeclean.clean


def _justext() -> tuple[Callable, Callable]:
    import justext

    from .systems import guess_stoplist, lines_as_html

    def prepare(dump: str):
        # The stoplist is chosen untimed: the benchmark's own guess costs about as much as jusText itself.
        return lines_as_html(dump).encode("utf-8"), justext.get_stoplist(guess_stoplist(dump))

    def run(prepared) -> list:
        html, stoplist = prepared
        return justext.justext(html, stoplist, encoding="utf-8")

    return prepare, run


def _trafilatura() -> tuple[Callable, Callable]:
    import trafilatura

    from .systems import lines_as_html

    return lines_as_html, (lambda html: trafilatura.extract(html, include_comments=False))


def _resiliparse() -> tuple[Callable, Callable]:
    """resiliparse's main-content extraction on each page's HTML (parsing included), as its users call it."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def prepare(html_path: str) -> bytes:
        data = Path(html_path).read_bytes()
        return gzip.decompress(data) if html_path.endswith(".gz") else data

    def run(html: bytes) -> str:
        return extract_plain_text(HTMLTree.parse_from_bytes(html, "utf-8"), main_content=True)

    return prepare, run


SYSTEMS: dict[str, Callable[[], tuple[Callable, Callable]]] = {
    "scrapeclean": _scrapeclean,
    "justext": _justext,
    "trafilatura": _trafilatura,
    "resiliparse": _resiliparse,
}

# Systems that read each page's HTML rather than its dump; their MB/s count the same pages' dump bytes,
# so the ratio compares time per page.
HTML_SYSTEMS = ("resiliparse",)

DISTRIBUTIONS = {
    "scrapeclean": "scrapeclean",
    "justext": "jusText",
    "trafilatura": "trafilatura",
    "resiliparse": "resiliparse",
}


# --- measurements (run in the child) -----------------------------------------------------


# Times the loop over every dump runs in the throughput measure; the fastest counts. A loop over the dev dumps
# takes a quarter of a second for the fastest systems, so one pass is at the mercy of whatever else the machine does.
THROUGHPUT_PASSES = 3


def throughput(send: Callable, system: str, dumps: list[str], pages: list[str] | None = None) -> dict:
    """Every dump (or, for a system of HTML, its page) through one system, after a warm-up, timed as one loop;
    the loop runs :data:`THROUGHPUT_PASSES` times and the fastest counts."""
    prepare, run = SYSTEMS[system]()
    items = pages if pages is not None else dumps
    run(prepare(items[0]))
    inputs = [prepare(item) for item in items]
    baseline, reset = _memory_start()
    send("ready", None)
    passes = []
    for _ in range(THROUGHPUT_PASSES):
        started, cpu_started = time.perf_counter(), time.process_time()
        for prepared in inputs:
            run(prepared)
        passes.append((time.perf_counter() - started, time.process_time() - cpu_started))
    seconds, cpu_seconds = min(passes)
    size = sum(len(dump.encode("utf-8")) for dump in dumps)
    return {
        "system": system,
        "docs": len(dumps),
        "bytes": size,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "mb_per_s": size / 1_000_000 / seconds,
        "docs_per_s": len(dumps) / seconds,
        **_memory_end(baseline, reset),
    }


def scaling_point(send: Callable, path: str, min_seconds: float, max_runs: int) -> dict:
    """``scrapeclean.clean`` on each document of a JSON list read from ``path``, repeated until ``min_seconds`` have passed."""
    import json

    import scrapeclean

    scrapeclean.clean(WARM_UP)
    documents = json.loads(Path(path).read_text(encoding="utf-8"))
    scrapeclean.clean(documents[0][:2000])  # code paths only this shape of document reaches are warm too
    baseline, reset = _memory_start()
    send("ready", None)
    times: list[float] = []
    refused = 0  # a piece of a dump that quotes a whole HTML document is one clean() sends to clean_html
    while not times or (sum(times) < min_seconds and len(times) < max_runs):
        refused = 0
        started = time.perf_counter()
        for document in documents:
            try:
                scrapeclean.clean(document)
            except scrapeclean.InputError:
                refused += 1
        times.append(time.perf_counter() - started)
    times.sort()
    return {
        "seconds": times[len(times) // 2],
        "runs": len(times),
        "documents": len(documents),
        "refused": refused,
        "total_seconds": sum(times),
        **_memory_end(baseline, reset),
    }


def profile(send: Callable, dumps: list[str], top: int) -> dict:
    """cProfile around ``scrapeclean.clean`` on every dump: the top functions by cumulative and by own time."""
    import cProfile
    import pstats

    import scrapeclean

    scrapeclean.clean(WARM_UP)
    send("ready", None)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for dump in dumps:
        scrapeclean.clean(dump)
    profiler.disable()
    seconds = time.perf_counter() - started
    stats = pstats.Stats(profiler).stats  # {(file, line, name): (primitive calls, calls, own, cumulative, callers)}
    rows = [
        {
            "function": function_label(*key),
            "calls": str(calls) if primitive == calls else f"{calls}/{primitive}",
            "own": own,
            "cumulative": cumulative,
        }
        for key, (primitive, calls, own, cumulative, _) in stats.items()
    ]
    return {
        "docs": len(dumps),
        "bytes": sum(len(dump.encode("utf-8")) for dump in dumps),
        "seconds": seconds,
        "cumulative": sorted(rows, key=lambda row: -row["cumulative"])[:top],
        "own": sorted(rows, key=lambda row: -row["own"])[:top],
    }


def function_label(filename: str, line: int, name: str) -> str:
    """``module/path.py:line(name)`` with the install prefix cut off; builtins as cProfile names them.

    >>> function_label("/x/src/scrapeclean/segment.py", 12, "segment")
    'scrapeclean/segment.py:12(segment)'
    >>> function_label("~", 0, "<method 'sub' of 're.Pattern' objects>")
    "<method 'sub' of 're.Pattern' objects>"
    """
    if filename == "~" and line == 0:
        return name
    for marker in ("/site-packages/", "/src/", "/lib/python"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
            break
    return f"{filename}:{line}({name})"


# --- the child process -------------------------------------------------------------------


def _child(connection, function_name: str, arguments: tuple) -> None:
    def send(kind: str, value) -> None:
        connection.send((kind, value))

    try:
        send("result", globals()[function_name](send, *arguments))
    except BaseException:  # noqa: BLE001 -- everything is reported to the parent, which decides
        send("error", traceback.format_exc())
    finally:
        connection.close()


def run_child(function_name: str, arguments: tuple, budget: float | None = None, start_timeout: float = 300.0):
    """Run one measurement in a fresh process; ``None`` when it ran past ``budget`` seconds and was stopped.

    The budget counts from the child's "ready" message, so imports and warm-up are not charged to it.
    """
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, function_name, arguments), daemon=True)
    process.start()
    sender.close()
    try:
        ready = False
        while True:
            if not receiver.poll(budget if ready else start_timeout):
                if not ready:
                    raise ChildFailed(f"{function_name} did not start within {start_timeout:g} s")
                return None
            try:
                kind, value = receiver.recv()
            except EOFError:
                raise ChildFailed(f"{function_name} died (exit code {process.exitcode})") from None
            if kind == "ready":
                ready = True
                continue
            if kind == "error":
                raise ChildFailed(f"{function_name} failed:\n{value}")
            return value
    finally:
        if process.is_alive():
            process.terminate()
        process.join(10)
        receiver.close()
