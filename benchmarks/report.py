"""The report: a table for the terminal, JSON for machines, Markdown and a plot for the docs."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from .datasets import DUPLICATE_KINDS

SET_METRIC = {"aeb": "shingle", "wcxb": "word"}  # each set's published metric
OTHER_METRIC = {"shingle": "word", "word": "shingle"}


def _number(value, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _speed(row: dict) -> str:
    """MB/s of input: of HTML for systems that read the page, of dump text for the others."""
    speed = row.get("html_mb_per_second", row.get("mb_per_second"))
    return _number(speed, 0 if speed is not None and speed >= 100 else 2)


def single_set_lines(rows: Sequence[dict], set_name: str) -> list[list[str]]:
    metric = SET_METRIC.get(set_name, "shingle")
    other = OTHER_METRIC[metric]
    header = ["system", "input", "pages", f"{metric} P", f"{metric} R", f"{metric} F1", f"{other} F1", "title", "MB/s"]
    lines = [header]
    for row in rows:
        if "shingle" not in row:
            continue
        main, second = row[metric], row[other]
        errors = f" ({row['errors']} err)" if row["errors"] else ""
        lines.append(
            [
                row["system"],
                row["source"],
                f"{row['pages']}{errors}",
                _number(main["precision"]),
                _number(main["recall"]),
                _number(main["f1"]),
                _number(second["f1"]),
                _number(row.get("title_accuracy")),
                _speed(row),
            ]
        )
    return lines


def composite_lines(rows: Sequence[dict]) -> list[list[str]]:
    """Multi-story columns, then one group of columns per kind of copied text present."""
    copy_kinds = [kind for kind in DUPLICATE_KINDS if any(kind in row for row in rows)]
    header = ["system", "input"]
    if any("multi" in row for row in rows):
        header += ["multi", "right count", "story F1", "titles"]
    for kind in copy_kinds:
        header += [kind, f"{kind} P", f"{kind} F1", "P w/o copy", "P drop", "title"]
    lines = [header + ["MB/s"]]
    for row in rows:
        cells = [row["system"], row["source"]]
        if "multi" in header:
            multi = row.get("multi") or {}
            cells += [
                str(multi.get("dumps", 0)),
                _number(multi.get("right_count")),
                _number(multi.get("story_f1")),
                _number(multi.get("title_accuracy")),
            ]
        for kind in copy_kinds:
            copies = row.get(kind) or {}
            scores = copies.get("shingle") or {}
            cells += [
                str(copies.get("dumps", 0)),
                _number(scores.get("precision")),
                _number(scores.get("f1")),
                _number(copies.get("precision_without_copy")),
                _number(copies.get("precision_drop")),
                _number(copies.get("title_accuracy")),
            ]
        lines.append(cells + [_speed(row)])
    return lines


def format_table(lines: list[list[str]]) -> str:
    widths = [max(len(line[column]) for line in lines) for column in range(len(lines[0]))]
    formatted = []
    for number, line in enumerate(lines):
        cells = [
            cell.ljust(width) if column < 2 else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(line, widths))
        ]
        formatted.append("  ".join(cells).rstrip())
        if number == 0:
            formatted.append("  ".join("-" * width for width in widths))
    return "\n".join(formatted)


def set_tables(summary: Sequence[dict]) -> dict[str, list[list[str]]]:
    """Table lines per set, in the order the sets were run."""
    tables: dict[str, list[list[str]]] = {}
    for set_name in dict.fromkeys(row["set"] for row in summary):
        rows = [row for row in summary if row["set"] == set_name]
        if any(kind in row for row in rows for kind in ("multi", *DUPLICATE_KINDS)):
            tables[set_name] = composite_lines(rows)
        else:
            tables[set_name] = single_set_lines(rows, set_name)
    return tables


def terminal_report(summary: Sequence[dict]) -> str:
    parts = []
    for set_name, lines in set_tables(summary).items():
        parts.append(f"[{set_name}]\n{format_table(lines)}")
    return "\n\n".join(parts)


def write_json(result: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
