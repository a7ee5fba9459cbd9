"""The speed benchmark's pure helpers: scaling documents, skip rules, ratios, flatness and target verdicts.

Nothing here times anything; the timings themselves live in benchmarks/speed.py.
"""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks import speed, speed_probe, speed_report
from benchmarks.speed_report import MEASURED, SKIPPED, TIMED_OUT, build_document, build_documents

DUMPS = ["Menu\nHome\n\nFirst story line one.\nLine two of it.", "Ünïcödé headline\n\nSecond — story body."]


# --- scaling documents -------------------------------------------------------------------


@pytest.mark.parametrize("size", [10, 50, 100, 1_000, 10_000])
@pytest.mark.parametrize("shape", speed_report.SHAPES)
def test_documents_fit_the_size_and_come_close_to_it(shape, size):
    document = build_document(DUMPS, size, shape)
    length = len(document.encode("utf-8"))
    assert 0 < length <= size
    if size >= 1_000:
        longest_piece = max(len(line.encode("utf-8")) for dump in DUMPS for line in dump.split("\n"))
        assert length >= size - longest_piece - 2


def test_concatenated_documents_are_real_dumps_joined_by_blank_lines_and_cut_at_a_line_break():
    document = build_document(DUMPS, 1_000, "concatenated")
    assert document.startswith(DUMPS[0] + "\n\n" + DUMPS[1] + "\n\n" + DUMPS[0])
    whole_lines = {line for dump in DUMPS for line in dump.split("\n")}
    assert set(document.split("\n")) <= whole_lines


def test_single_line_documents_have_no_line_breaks_and_cut_at_a_space():
    document = build_document(DUMPS, 1_000, "single-line")
    assert "\n" not in document
    assert document.startswith("Menu Home First story line one. Line two of it. Ünïcödé headline Second")
    words = {word for dump in DUMPS for word in dump.split()}
    assert set(document.split(" ")) <= words


@pytest.mark.parametrize("shape", speed_report.SHAPES)
@pytest.mark.parametrize("size", [30, 100, 1_000])
def test_smaller_documents_are_the_same_text_cut_into_pieces(shape, size):
    whole = build_document(DUMPS, 3_000, shape)
    documents = build_documents(DUMPS, size, shape, 3_000)
    assert all(0 < len(document.encode("utf-8")) <= size for document in documents)
    assert len(documents) >= 3_000 // size
    assert "".join("".join(documents).split()) == "".join(whole.split())


def test_a_document_larger_than_the_text_is_one_document():
    assert build_documents(DUMPS, 5_000, "concatenated", 1_000) == [build_document(DUMPS, 5_000, "concatenated")]


def test_a_document_smaller_than_its_first_line_is_cut_on_a_character_boundary():
    document = build_document(["ééééééééééééé"], 5, "concatenated")
    assert document == "éé"


def test_building_a_document_refuses_unknown_shapes_and_blank_input():
    with pytest.raises(ValueError, match="shape"):
        build_document(DUMPS, 100, "diagonal")
    with pytest.raises(ValueError, match="non-blank"):
        build_document(["  ", "\n"], 100, "concatenated")


def test_pick_dumps_spreads_the_subset_and_keeps_everything_without_a_count():
    dumps = [str(number) for number in range(10)]
    assert speed_report.pick_dumps(dumps, 5) == ["0", "2", "4", "6", "8"]
    assert speed_report.pick_dumps(dumps, None) == dumps
    assert speed_report.pick_dumps(dumps, 50) == dumps


# --- skipping scaling points -------------------------------------------------------------


def measured(size, seconds_per_mb, shape="concatenated", **extra):
    return {"shape": shape, "size": size, "bytes": size, "status": MEASURED, "seconds_per_mb": seconds_per_mb, **extra}


def test_the_first_point_always_runs_and_a_cheap_prediction_runs():
    assert speed_report.next_point_verdict(1_000, [], budget=60) is None
    assert speed_report.next_point_verdict(10_000_000, [measured(1_000_000, 5.0)], budget=60) is None


def test_a_point_predicted_past_the_budget_is_skipped():
    reason = speed_report.next_point_verdict(50_000_000, [measured(1_000, 9.0), measured(5_000_000, 3.0)], budget=60)
    assert reason == "predicted 150 s at the last measured rate, over the 60 s budget"


def test_every_point_after_a_timeout_is_skipped():
    stopped = {"shape": "concatenated", "size": 1_000_000, "bytes": 999_990, "status": TIMED_OUT}
    reason = speed_report.next_point_verdict(5_000_000, [measured(1_000, 0.1), stopped], budget=600)
    assert reason.endswith("already timed out")


# --- arithmetic and verdicts -------------------------------------------------------------


def test_ratio_is_numerator_over_denominator_and_none_when_undefined():
    assert speed_report.ratio(4.0, 0.5) == 8.0
    assert speed_report.ratio(4.0, 0) is None
    assert speed_report.ratio(None, 1.0) is None
    assert speed_report.seconds_per_mb(3.0, 2_000_000) == 1.5


def test_peer_ratios_are_scrapeclean_throughput_over_each_peer():
    rows = [
        {"system": "scrapeclean", "mb_per_s": 3.0},
        {"system": "justext", "mb_per_s": 1.5},
        {"system": "trafilatura", "mb_per_s": 6.0},
    ]
    assert speed.peer_ratios(rows) == {"justext": 2.0, "trafilatura": 0.5}


def test_flatness_is_the_largest_deviation_from_the_median():
    flat = speed_report.flatness([measured(1_000, 1.0), measured(10_000, 1.2), measured(100_000, 0.9)])
    assert flat["reference"] == 1.0
    assert flat["max_deviation"] == pytest.approx(0.2)
    assert flat["met"] is True
    steep = speed_report.flatness([measured(1_000, 1.0), measured(10_000, 1.0), measured(100_000, 1.5)])
    assert steep["met"] is False


def test_a_timed_out_point_counts_with_its_least_possible_cost_and_a_skipped_one_leaves_flatness_unknown():
    stopped = {
        "shape": "concatenated",
        "size": 5_000_000,
        "bytes": 5_000_000,
        "status": TIMED_OUT,
        "seconds_per_mb_at_least": 12.0,
    }
    assert speed_report.flatness([measured(1_000, 1.0), measured(10_000, 1.0), stopped])["met"] is False
    skipped = {"shape": "concatenated", "size": 5_000_000, "bytes": 5_000_000, "status": SKIPPED}
    unknown = speed_report.flatness([measured(1_000, 1.0), measured(10_000, 1.1), skipped])
    assert unknown["met"] is None
    assert unknown["unknown_sizes"] == [5_000_000]


def test_memory_is_judged_on_the_worse_shape_at_the_largest_measured_size():
    points = [
        measured(1_000, 1.0, extra_rss=1_000_000, peak_rss=1),  # 1000x, but small: not judged
        measured(1_000_000, 1.0, extra_rss=4_000_000, peak_rss=1),
        measured(1_000_000, 1.0, shape="single-line", extra_rss=12_000_000, peak_rss=1),
    ]
    memory = speed_report.memory_verdict(points)
    assert (memory["shape"], memory["factor"], memory["met"]) == ("single-line", 12.0, False)


def test_targets_report_each_measured_number_and_verdict():
    result = {
        "ratios": {"justext": 25.0, "trafilatura": 3.0, "resiliparse": 0.5},
        "scaling": [
            measured(1_000, 1.0, extra_rss=100, peak_rss=1),
            measured(1_000_000, 1.1, extra_rss=5_000_000, peak_rss=1),
            {"shape": "concatenated", "size": 50_000_000, "bytes": 50_000_000, "status": SKIPPED, "reason": "x"},
        ],
        "threads": {"speedup": 1.9},
        "jobs": {"speedup": 1.5},
    }
    rows = {row["target"].split(" ")[0]: row for row in speed_report.evaluate_targets(result)}
    assert (rows["throughput"]["measured"], rows["throughput"]["met"]) == ("25.00x", True)
    assert (rows["faster"]["measured"], rows["faster"]["met"]) == ("0.50x", False)
    assert rows["time"]["met"] is None and "not measured at 50 MB" in rows["time"]["measured"]
    assert rows["peak"]["met"] is None and rows["peak"]["measured"].startswith("5.0x")
    assert (rows["clean_many,"]["measured"], rows["clean_many,"]["met"]) == ("1.90x", True)
    assert (rows["-j"]["measured"], rows["-j"]["met"]) == ("1.50x", False)


def alternating_runs(size: int, one: list[float], two: list[float]) -> dict:
    """The timed runs of 1 and 2 threads (or -j) over ``size`` bytes as the speed benchmark records them."""
    median = {"1": sum(one) / len(one), "2": sum(two) / len(two)}
    return {"bytes": size, "runs": {"1": one, "2": two}, "median": median, "speedup": median["1"] / median["2"]}


def test_the_report_renders_tables_and_markdown_without_a_plot():
    result = {
        "meta": {
            "date": "2000-01-01",
            "cpus": 2,
            "mode": "quick",
            "budget_seconds": 60,
            "command": "c",
            "versions": {"python": "3"},
        },
        "throughput": [
            {
                "system": "scrapeclean",
                "docs": 2,
                "bytes": 2_000_000,
                "seconds": 1.0,
                "mb_per_s": 2.0,
                "docs_per_s": 2.0,
                "peak_rss": 50_000_000,
                "extra_rss": 1_000_000,
            },
            {
                "system": "justext",
                "docs": 2,
                "bytes": 2_000_000,
                "seconds": 2.0,
                "mb_per_s": 1.0,
                "docs_per_s": 1.0,
                "peak_rss": 60_000_000,
                "extra_rss": None,
            },
        ],
        "ratios": {"justext": 2.0},
        "scaling": [measured(1_000, 1.0, seconds=0.001, runs=9, extra_rss=0, peak_rss=40_000_000)],
        "threads": {"docs": 4, **alternating_runs(8_000_000, one=[4.0, 4.4], two=[2.0, 2.4])},
        "jobs": {"files": 3, **alternating_runs(3_000_000, one=[2.0, 2.2], two=[1.0, 1.2])},
        "profile": {
            "docs": 2,
            "bytes": 2_000_000,
            "seconds": 1.5,
            "cumulative": [{"function": "a|b", "calls": "3/1", "own": 0.1, "cumulative": 1.0}],
            "own": [{"function": "c", "calls": "1", "own": 0.5, "cumulative": 0.5}],
        },
    }
    text = speed_report.terminal_report(result)
    assert "justext" in text and "NOT met" in text
    page = speed_report.markdown(result, plot_name=None)
    assert "| a\\|b | 3/1 | 0.100 | 1.000 |" in page
    assert "| 2 | 3 | 3.00 | 1.10 | 1.00 1.20 | 2.727 | 1.91 |" in page
    assert "| 2 | 4 | 8.00 | 2.20 | 2.00 2.40 | 3.636 | 1.91 |" in page
    assert "(benchmarks.md)" in page and "![" not in page
    section = speed_report.benchmarks_section(result, plot_name=None)
    assert section.startswith("## Speed") and "| 2 | 3 | 3.00 | 1.10 | 1.00 1.20 | 2.727 | 1.91 |" in section


def test_the_speed_section_of_the_benchmarks_page_is_replaced_and_kept_by_the_quality_report(tmp_path):
    from benchmarks import docs_report
    from benchmarks.doc_sections import extract_section

    overview = tmp_path / "benchmarks.md"
    overview.write_text("# Benchmarks\n\nquality tables\n", encoding="utf-8")
    result = {"meta": {"command": "speed run one"}, "scaling": [], "throughput": [], "ratios": {}}
    for command in ("speed run one", "speed run two"):
        result["meta"]["command"] = command
        speed_report.write_docs(result, tmp_path)
    page = overview.read_text(encoding="utf-8")
    assert page.startswith("# Benchmarks\n\nquality tables") and page.count("## Speed") == 1
    assert "speed run two" in page and "speed run one" not in page
    docs_report.write_docs({"meta": {}, "summary": []}, tmp_path)
    regenerated = overview.read_text(encoding="utf-8")
    assert "quality tables" not in regenerated
    assert extract_section(regenerated, "speed") == extract_section(page, "speed")


# --- helpers of the measuring process ------------------------------------------------------


def test_doctests_of_the_speed_modules():
    for module in (speed_report, speed_probe):
        assert doctest.testmod(module).failed == 0


def test_a_busy_machine_is_called_out_and_an_idle_one_is_not():
    assert speed_report.load_note({"load_average": 0.1, "load_average_at_end": 0.2}) == []
    assert speed_report.load_note({}) == []
    note = speed_report.load_note({"load_average": 2.4, "load_average_at_end": 0.3, "cpus": 2})
    assert note[0].startswith("The machine was busy with other work (1-minute load average 2.4 at the start, 0.3")


def test_flat_up_to_5_mb_leaves_the_50_mb_target_unknown():
    curve = [measured(1_000, 1.0), measured(5_000_000, 1.1)]
    rows = speed_report.evaluate_targets({"scaling": curve})
    assert rows[1]["met"] is None and rows[1]["measured"].endswith("sizes only up to 5 MB")
