"""Syndicated copies: MinHash + LSH clusters of near-duplicate articles, from the library and the command line."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from cli_support import scrapeclean as run_cli

import scrapeclean
from scrapeclean import ConfigError

pytest.importorskip("rensa", reason="dedup needs rensa (pip install 'scrapeclean[dedup]')")

from scrapeclean.corpus.dedup import THRESHOLD, cluster_signatures, find_duplicates, shingles  # noqa: E402
from scrapeclean.corpus.dedup_run import dedup_records  # noqa: E402

SEEDS = Path(__file__).parent / "cases" / "seeds"
SENTENCES = [
    "The regional council approved the budget for the new tram line after a debate that ran past midnight.",
    "Opponents said the cost had doubled since the plan was first shown to residents three years ago.",
    "Work on the first section is due to begin in the spring and should be finished within two years.",
    "The mayor said the line would cut journey times across the city by a third at the busiest hours.",
    "Shop owners on the route asked for help with the loss of trade while the street is closed for work.",
]


def story(edit: int = 0) -> str:
    lines = list(SENTENCES)
    if edit:
        lines[edit % len(lines)] = lines[edit % len(lines)].replace("the", "a", 1)
        lines.append("Reporting by the staff of an outlet that printed the agency story.")
    return "\n\n".join(lines)


def other(number: int) -> str:
    rng = random.Random(number)
    words = "harbour ferry storm school vote river bridge market fire museum train park".split()
    return " ".join(rng.choice(words) for _ in range(80))


def test_the_two_seeds_are_one_cluster():
    records = list(scrapeclean.read_corpus(str(SEEDS)))
    (cluster,) = dedup_records(records)
    assert [Path(member).name for member in cluster.members] == [
        "000_fd377441e847cd71.txt",
        "004_fe828ffd15b647b4.txt-0",
    ]
    assert THRESHOLD <= cluster.similarity < 1 and cluster.kept == cluster.members[0]


def test_clusters_do_not_depend_on_input_order():
    items = [("a", story()), ("b", story(1)), ("c", other(1)), ("d", story(2)), ("e", other(2)), ("f", other(1))]
    expected = find_duplicates(items)
    assert [cluster.to_dict()["members"] for cluster in expected] == [["a", "b", "d"], ["c", "f"]]
    for seed in range(5):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert find_duplicates(shuffled) == expected
    assert expected[0].kept in ("b", "d")  # the fullest copy: it has the added line


def test_different_stories_stay_apart_and_empty_texts_are_no_cluster():
    assert find_duplicates([(n, other(n)) for n in range(10)] + [(20, ""), (21, "")]) == []
    assert shingles("") == [] and shingles("Two words") == ["two words"]


def test_ids_must_be_distinct_and_threshold_sensible():
    with pytest.raises(ConfigError, match="appears twice"):
        find_duplicates([("a", story()), ("a", story(1))])
    with pytest.raises(ConfigError, match="threshold"):
        cluster_signatures([], threshold=0)


def test_command_line_reports_clusters_and_marks_or_drops_copies(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": "x", "text": story()}, {"id": "y", "text": other(3)}, {"id": "z", "text": story(3)}]
    corpus.write_text("".join(json.dumps(record) + "\n" for record in records))
    clusters = run_cli("dedup", "--no-config", str(corpus))
    assert run_cli("dedup", "--no-config", "-j", "2", str(corpus)).stdout == clusters.stdout
    assert clusters.returncode == 0, clusters.stderr
    (line,) = clusters.stdout.decode().splitlines()
    found = json.loads(line)
    assert found["members"] == ["x", "z"] and found["kept"] == "z" and THRESHOLD <= found["similarity"] <= 1
    cluster_file = tmp_path / "clusters.jsonl"
    marked = run_cli("dedup", "--no-config", "--format", "jsonl", "--clusters", str(cluster_file), str(corpus))
    articles = [json.loads(line) for line in marked.stdout.decode().splitlines()]
    assert [(a["id"], a.get("duplicate_of")) for a in articles] == [("x", "z"), ("y", None), ("z", None)]
    assert cluster_file.read_text() == clusters.stdout.decode()
    dropped = run_cli("dedup", "--no-config", "--format", "jsonl", "--drop", str(corpus))
    assert [json.loads(line)["id"] for line in dropped.stdout.decode().splitlines()] == ["y", "z"]
