"""Explain the worst pages: every input block with what scrapeclean decided, and the gold text.

One text file per page, for the person tuning the passes: each line is one
block of the dump, marked KEEP (with role and story) or DROP (with the pass,
the reason code and its detail).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from .datasets import Page
from .runner import page_dump

SYSTEM = "scrapeclean"


def primary_page_score(record: dict) -> float:
    """The score pages are ranked by: story F1 for multi-story dumps, word F1 on WCXB, shingle F1 elsewhere."""
    if record["kind"] == "multi":
        return record["story_f1"]
    if record["set"] == "wcxb":
        return record["word"][2]
    return record["shingle_f1"]


def worst_records(records: Iterable[dict], count: int) -> dict[tuple[str, str], list[dict]]:
    """The ``count`` lowest-scoring scrapeclean pages of each set and dump source."""
    grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for record in records:
        if record["system"] == SYSTEM:
            grouped[(record["set"], record["source"])].append(record)
    return {
        key: sorted(group, key=lambda record: (primary_page_score(record), record["page_id"]))[:count]
        for key, group in sorted(grouped.items())
    }


def describe_block(block) -> str:
    if block.removal is not None:
        removal = block.removal
        detail = f" ({removal.detail})" if removal.detail else ""
        verdict = f"DROP {removal.pass_name}:{removal.reason}{detail}"
    else:
        verdict = f"KEEP {block.role or '-'} s{block.story}"
    return f"{block.index:4d} {verdict:<44} | {block.text}"


def explain_page(page: Page, record: dict, dump: str) -> str:
    import scrapeclean

    document = scrapeclean.process(dump)
    word_p, word_r, word_f1 = record["word"]
    tp, fp, fn = record["shingle"]
    lines = [
        f"# {page.set_name} {page.page_id} ({page.page_type}, {page.kind}) from {record['source']} dump",
        (
            f"# score {primary_page_score(record):.3f}  word P/R/F1 {word_p:.3f}/{word_r:.3f}/{word_f1:.3f}"
            f"  shingle tp/fp/fn {tp:.3f}/{fp:.3f}/{fn:.3f}  title ok: {record.get('title_ok')}"
        ),
    ]
    if page.kind == "multi":
        lines.append(f"# stories found {record['stories_found']} of {record['stories_gold']}")
    lines += ["", "=== BLOCKS (index, decision, text) ==="]
    lines += [describe_block(block) for block in document.blocks]
    lines += ["", "=== GOLD ==="]
    for number, story in enumerate(page.stories):
        lines.append(f"--- story {number}: title: {story.title!r}")
        lines.append(story.body)
    return "\n".join(lines) + "\n"


def write_worst(records: Sequence[dict], pages: Sequence[Page], count: int, directory: Path, cache_dir) -> list[Path]:
    by_key = {(page.set_name, page.page_id): page for page in pages}
    written = []
    for (set_name, source), group in worst_records(records, count).items():
        folder = directory / f"{set_name}-{source}"
        folder.mkdir(parents=True, exist_ok=True)
        for rank, record in enumerate(group, 1):
            page = by_key[(set_name, record["page_id"])]
            path = folder / f"{rank:02d}-{_safe(record['page_id'])}.txt"
            path.write_text(explain_page(page, record, page_dump(page, source, cache_dir)), encoding="utf-8")
            written.append(path)
    return written


def _safe(name: str) -> str:
    return re.sub(r"[^\w.+-]+", "_", name)[:80]
