"""Run systems on pages, in a process pool, and score each page.

The unit of work is one page under one input (a renderer's dump, or the
HTML for DOM systems) with every requested system run on it; the worker
returns plain dicts of per-page scores and timings, never the outputs, so
little crosses process boundaries.
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .datasets import DUPLICATE_KINDS, SHIPPED, Page
from .metrics import (
    harmonic,
    match_stories,
    page_precision,
    page_recall,
    per_story_f1,
    shingle_counts,
    title_matches,
    word_scores,
)
from .renderers import DEFAULT_CACHE, RENDERERS, read_html, render_file
from .systems import SYSTEMS, Output

DOM = "html"  # the input name for systems that read the original HTML


@dataclass(frozen=True)
class Task:
    page: Page
    source: str  # SHIPPED, a renderer name, or DOM
    systems: tuple[str, ...]
    cache_dir: Path | None = DEFAULT_CACHE


def plan_tasks(pages: Iterable[Page], sources: Sequence[str], systems: Sequence[str], cache_dir: Path | None):
    """One task per page and dump source for the dump systems, and one per page for the DOM systems."""
    dump_systems = tuple(name for name in systems if not SYSTEMS[name].reads_html)
    dom_systems = tuple(name for name in systems if SYSTEMS[name].reads_html)
    tasks = []
    for page in pages:
        for source in sources:
            if dump_systems and source_available(page, source):
                tasks.append(Task(page, source, dump_systems, cache_dir))
        # A composite's HTML is only its first page, so DOM systems cannot see the composite.
        if dom_systems and page.kind == "single" and page.html_path is not None:
            tasks.append(Task(page, DOM, dom_systems, cache_dir))
    return tasks


def source_available(page: Page, source: str) -> bool:
    if source == SHIPPED:
        return page.shipped_dump is not None
    return page.kind == "single" and page.html_path is not None


def page_dump(page: Page, source: str, cache_dir: Path | None) -> str:
    if source == SHIPPED:
        return page.shipped_dump or ""
    # DOM tasks still need a dump's size so their throughput reads in the same unit.
    renderer = "html-text" if source == DOM else source
    return render_file(page.html_path, renderer, cache_dir)


def run_task(task: Task) -> list[dict]:
    page = task.page
    dump = page_dump(page, task.source, task.cache_dir)
    html = read_html(page.html_path) if task.source == DOM else None
    baseline_dump = page.baseline_dump
    if page.kind in DUPLICATE_KINDS and baseline_dump is None and page.html_path is not None:
        renderer = page.shipped_renderer if page.shipped_renderer in RENDERERS else "html-text"
        baseline_dump = render_file(page.html_path, renderer, task.cache_dir)
    results = []
    for name in task.systems:
        system = SYSTEMS[name]
        output, seconds, error = _timed_run(system.run, html if system.reads_html else dump)
        record = {
            "set": page.set_name,
            "source": task.source,
            "system": name,
            "page_id": page.page_id,
            "page_type": page.page_type,
            "kind": page.kind,
            "dump_bytes": len(dump.encode("utf-8")),
            "html_bytes": len(html.encode("utf-8")) if system.reads_html and html is not None else None,
            "seconds": seconds,
            "error": error,
        }
        record.update(score_output(page, output))
        if baseline_dump is not None:
            baseline, _, _ = _timed_run(system.run, baseline_dump)
            record["baseline_shingle"] = list(shingle_counts(page.gold_body, baseline.text))
        results.append(record)
    return results


def _timed_run(run, argument: str) -> tuple[Output, float, str | None]:
    """Run one system on one input, timed in this process's CPU time, which other load on the machine leaves alone."""
    started = time.process_time()
    try:
        output = run(argument)
        error = None
    except Exception as exc:  # noqa: BLE001 -- a crash scores as an empty output and is counted in the report
        output = Output(("",))
        error = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    return output, time.process_time() - started, error


def score_output(page: Page, output: Output) -> dict:
    """Per-page scores: shingle counts and word scores of the joined output, titles, and story matching."""
    text = output.text
    counts = shingle_counts(page.gold_body, text)
    scores: dict = {
        "shingle": list(counts),
        "shingle_f1": page_f1(counts),
        "word": list(word_scores(text, page.gold_body)),
        "title_ok": None,
    }
    if output.titles is not None and page.gold_title:
        scores["title_ok"] = title_matches(output.titles[0] if output.titles else None, page.gold_title)
    if page.kind == "multi":
        scores.update(story_scores(page, output))
    return scores


def story_scores(page: Page, output: Output) -> dict:
    """Article count, per-story word F1 and, where the system gives titles, the share of stories titled right."""
    titles = output.titles if output.titles is not None else (None,) * len(output.texts)
    found = [(text, title) for text, title in zip(output.texts, titles) if text.strip()]
    predicted = [text for text, _ in found]
    gold = [story.body for story in page.stories]
    scores = {"stories_found": len(found), "stories_gold": len(gold), "story_f1": per_story_f1(predicted, gold)}
    if output.titles is not None and gold:
        matched = match_stories(predicted, gold)
        right = sum(title_matches(found[p][1], page.stories[g].title) for p, g, _ in matched)
        scores["title_ok"] = right / len(gold)
    return scores


def page_f1(counts) -> float:
    """One page's shingle F1, used to rank pages (the benchmark's own F1 is of averaged P and R)."""
    return harmonic(page_precision(counts) or 0.0, page_recall(counts) or 0.0)


def run_all(tasks: Sequence[Task], jobs: int, progress: bool = True) -> list[dict]:
    from tqdm import tqdm

    bar = tqdm(total=len(tasks), unit="page", file=sys.stderr, disable=not progress, smoothing=0.05)
    results: list[dict] = []
    try:
        if jobs <= 1:
            for task in tasks:
                results.extend(run_task(task))
                bar.update()
        else:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                for records in pool.map(run_task, tasks, chunksize=2):
                    results.extend(records)
                    bar.update()
    finally:
        bar.close()
    return results
