"""The quality targets, measured on each half of the dev data, from a results JSON of ``benchmarks/quality.py``.

    python benchmarks/targets.py benchmarks/results/quality.json
    python benchmarks/targets.py benchmarks/results/quality.json --baseline earlier.json   # side by side

A measure is met only where it holds on both halves (``datasets.half_of``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from statistics import mean

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datasets import HALVES, half_of
from benchmarks.metrics import Counts, shingle_scores

Records = list[dict]


def _shingle_f1(records: Records) -> float | None:
    return shingle_scores(Counts(*record["shingle"]) for record in records).f1 if records else None


def _word_f1(records: Records) -> float | None:
    return mean(record["word"][2] for record in records) if records else None


def _titles(records: Records) -> float | None:
    titled = [record["title_ok"] for record in records if record.get("title_ok") is not None]
    return mean(titled) if titled else None


def _right_count(records: Records) -> float | None:
    return mean(record["stories_found"] == record["stories_gold"] for record in records) if records else None


def _story_f1(records: Records) -> float | None:
    return mean(record["story_f1"] for record in records) if records else None


def _pick(set_name: str, source: str, system: str = "scrapeclean", **where) -> Callable[[dict], bool]:
    def chosen(record: dict) -> bool:
        same = (record["set"], record["source"], record["system"]) == (set_name, source, system)
        return same and all(record.get(key) == value for key, value in where.items())

    return chosen


def _composite(kind: str) -> Callable[[dict], bool]:
    return lambda record: record["set"] != "composites" and record["page_id"].endswith(f"+{kind}")


# (measure, which records, how they are scored, target, the comparison it takes)
MEASURES: list[tuple[str, Callable[[dict], bool], Callable[[Records], float | None], float | str]] = [
    ("AEB shingle F1 (shipped dumps)", _pick("aeb", "shipped"), _shingle_f1, 0.95),
    ("WCXB word F1, all page types (html-text)", _pick("wcxb", "html-text"), _word_f1, 0.86),
    ("WCXB word F1, all page types (inscriptis)", _pick("wcxb", "inscriptis"), _word_f1, 0.86),
    ("WCXB word F1, articles (html-text)", _pick("wcxb", "html-text", page_type="article"), _word_f1, 0.93),
    ("WCXB word F1, articles (inscriptis)", _pick("wcxb", "inscriptis", page_type="article"), _word_f1, 0.93),
    ("titles, WCXB articles (html-text)", _pick("wcxb", "html-text", page_type="article"), _titles, 0.85),
    ("titles, WCXB articles (inscriptis)", _pick("wcxb", "inscriptis", page_type="article"), _titles, 0.80),
    ("multi-story right count (shared composites)", _pick("composites", "shipped", kind="multi"), _right_count, 0.95),
    ("multi-story story F1 (shared composites)", _pick("composites", "shipped", kind="multi"), _story_f1, 0.95),
    (
        "stacked stories right count (new composites)",
        lambda record: _composite("stacked")(record) and record["system"] == "scrapeclean",
        _right_count,
        0.95,
    ),
    (
        "stacked stories story F1 (new composites)",
        lambda record: _composite("stacked")(record) and record["system"] == "scrapeclean",
        _story_f1,
        0.95,
    ),
    (
        "guides left whole, right count (new composites)",
        lambda record: _composite("guide")(record) and record["system"] == "scrapeclean",
        _right_count,
        0.95,
    ),
]
PAGE_TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")


def measure_rows(records: Records) -> list[tuple[str, float | str, dict[str, float | None]]]:
    """Each measure on all pages and on each half; WCXB page types against trafilatura-html in the same run."""
    rows = []
    for name, chosen, score, target in MEASURES:
        picked = [record for record in records if chosen(record)]
        values = {"all": score(picked)} | {
            half: score([record for record in picked if half_of(record["page_id"]) == half]) for half in HALVES
        }
        rows.append((name, target, values))
    for page_type in PAGE_TYPES:
        for source in ("html-text", "inscriptis"):
            ours = [record for record in records if _pick("wcxb", source, page_type=page_type)(record)]
            theirs = [
                record for record in records if _pick("wcxb", "html", "trafilatura-html", page_type=page_type)(record)
            ]
            if not ours:
                continue
            values = {"all": _word_f1(ours)}
            floors = {"all": _word_f1(theirs)}
            for half in HALVES:
                values[half] = _word_f1([record for record in ours if half_of(record["page_id"]) == half])
                floors[half] = _word_f1([record for record in theirs if half_of(record["page_id"]) == half])
            target = "≥ trafilatura-html " + " / ".join(_number(floors[key]) for key in ("all", *HALVES))
            rows.append((f"WCXB {page_type} ({source})", target, values))
    return rows


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def baseline_summary(baseline: dict) -> dict:
    """What a results JSON keeps of an earlier run to show beside its own: its command, versions and measures."""
    meta = baseline.get("meta", {})
    return {
        "command": meta.get("command"),
        "date": meta.get("date"),
        "scrapeclean": meta.get("versions", {}).get("scrapeclean"),
        "measures": {name: values for name, _, values in measure_rows(baseline["pages"])},
    }


def targets_table(result: dict, baseline: dict | None = None) -> list[str]:
    """A Markdown table: each measure, its target, its value on all pages and each half (and the baseline's).

    ``baseline`` is a :func:`baseline_summary`.
    """
    now = measure_rows(result["pages"])
    before = (baseline or {}).get("measures") or {}
    header = ["measure", "target"]
    if before:
        header += ["baseline all", *(f"baseline {half}" for half in HALVES)]
    header += ["now all", *(f"now {half}" for half in HALVES)]
    lines = ["| " + " | ".join(header) + " |", "| --- | --- |" + " ---: |" * (len(header) - 2)]
    for name, target, values in now:
        cells = [name, f"≥ {target:.2f}" if isinstance(target, float) else target]
        if before:
            cells += [_number(before.get(name, {}).get(key)) for key in ("all", *HALVES)]
        cells += [_number(values[key]) for key in ("all", *HALVES)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", type=Path, help="a results JSON of benchmarks/quality.py")
    parser.add_argument("--baseline", type=Path, help="an earlier results JSON to show beside it")
    args = parser.parse_args(argv)
    result = json.loads(args.results.read_text(encoding="utf-8"))
    baseline = baseline_summary(json.loads(args.baseline.read_text(encoding="utf-8"))) if args.baseline else None
    print("\n".join(targets_table(result, baseline or result.get("baseline"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
