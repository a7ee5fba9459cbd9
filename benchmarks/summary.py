"""Per-page records to benchmark-level numbers, per set, dump source and system."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from statistics import mean

from .datasets import DUPLICATE_KINDS, HALVES, half_of
from .metrics import Counts, Scores, mean_scores, page_precision, shingle_scores

MEGABYTE = 1_000_000


def summarise(records: Iterable[dict]) -> list[dict]:
    grouped: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for record in records:
        grouped[(record["set"], record["source"], record["system"])].append(record)
    return [summarise_group(key, group) for key, group in sorted(grouped.items())]


def summarise_group(key: tuple[str, str, str], group: list[dict]) -> dict:
    set_name, source, system = key
    seconds = sum(record["seconds"] for record in group)
    dump_bytes = sum(record["dump_bytes"] for record in group)
    row = {
        "set": set_name,
        "source": source,
        "system": system,
        "pages": len(group),
        "errors": sum(record["error"] is not None for record in group),
        "seconds": seconds,
        "dump_mb": dump_bytes / MEGABYTE,
        # CPU time summed over single-threaded calls, so the figure does not depend on --jobs.
        "mb_per_second": dump_bytes / MEGABYTE / seconds if seconds else None,
        "pages_per_second": len(group) / seconds if seconds else None,
    }
    html_bytes = [record.get("html_bytes") for record in group]
    if group and None not in html_bytes:  # a system that reads the HTML: its speed in MB of HTML
        row["html_mb"] = sum(html_bytes) / MEGABYTE
        row["html_mb_per_second"] = row["html_mb"] / seconds if seconds else None
    singles = [record for record in group if record["kind"] == "single"]
    if singles:
        row.update(quality_of(singles))
        row["by_type"] = by_page_type(singles)
    multis = [record for record in group if record["kind"] == "multi"]
    if multis:
        row["multi"] = multi_summary(multis)
    for kind in DUPLICATE_KINDS:
        copies = [record for record in group if record["kind"] == kind]
        if copies:
            row[kind] = dup_summary(copies)
    row["halves"] = {half: half_summary([r for r in group if half_of(r["page_id"]) == half]) for half in HALVES}
    return row


def half_summary(records: list[dict]) -> dict:
    """The measures the targets name, on one half of the pages: F1s, articles' F1 and titles, multi-story splits."""
    summary: dict = {"pages": len(records)}
    singles = [record for record in records if record["kind"] == "single"]
    if singles:
        summary["shingle_f1"] = shingle_scores(Counts(*record["shingle"]) for record in singles).f1
        summary["word_f1"] = mean(record["word"][2] for record in singles)
        summary["title_accuracy"] = title_accuracy(singles)
        summary["by_type"] = by_page_type(singles)
        articles = [record for record in singles if record["page_type"] == "article"]
        summary["article_title_accuracy"] = title_accuracy(articles) if articles else None
    multis = [record for record in records if record["kind"] == "multi"]
    if multis:
        summary["multi"] = multi_summary(multis)
    return summary


def quality_of(records: list[dict]) -> dict:
    shingle = shingle_scores(Counts(*record["shingle"]) for record in records)
    word = mean_scores(Scores(*record["word"]) for record in records)
    return {
        "shingle": shingle._asdict(),
        "word": word._asdict(),
        "title_accuracy": title_accuracy(records),
        "titled_pages": sum(record.get("title_ok") is not None for record in records),
        "article_title_accuracy": title_accuracy([record for record in records if record["page_type"] == "article"]),
    }


def by_page_type(records: list[dict]) -> dict[str, dict]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        grouped[record["page_type"]].append(record)
    return {
        page_type: {
            "pages": len(group),
            "word_f1": mean(record["word"][2] for record in group),
            "shingle_f1": shingle_scores(Counts(*record["shingle"]) for record in group).f1,
        }
        for page_type, group in sorted(grouped.items())
    }


def multi_summary(records: list[dict]) -> dict:
    return {
        "dumps": len(records),
        "right_count": mean(record["stories_found"] == record["stories_gold"] for record in records),
        "story_f1": mean(record["story_f1"] for record in records),
        "title_accuracy": title_accuracy(records),
    }


def title_accuracy(records: list[dict]) -> float | None:
    """Share of titles right; a multi-story dump counts the share of its stories titled right."""
    titled = [record["title_ok"] for record in records if record.get("title_ok") is not None]
    return mean(titled) if titled else None


def dup_summary(records: list[dict]) -> dict:
    """Shingle scores on the doubled page, and precision on the same page without the copy."""
    doubled = shingle_scores(Counts(*record["shingle"]) for record in records)
    summary = {"dumps": len(records), "shingle": doubled._asdict(), "title_accuracy": title_accuracy(records)}
    baselines = [record for record in records if "baseline_shingle" in record]
    if baselines:
        single_precisions = [page_precision(Counts(*record["baseline_shingle"])) for record in baselines]
        single_precision = mean(value for value in single_precisions if value is not None)
        summary["precision_without_copy"] = single_precision
        doubled_precision = shingle_scores(Counts(*record["shingle"]) for record in baselines).precision
        summary["precision_drop"] = single_precision - doubled_precision
    return summary
