"""The datatrove step, run by a real LocalPipelineExecutor over JSONL as a FineWeb-style pipeline is written."""

from __future__ import annotations

import gzip
import json

import pytest
from cli_support import messy_dump, two_stories

pytest.importorskip("datatrove", reason="the datatrove step needs datatrove (pip install 'scrapeclean[datatrove]')")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

import scrapeclean  # noqa: E402
from scrapeclean.datatrove import CleanArticles  # noqa: E402


def _run(tmp_path, name: str, step: CleanArticles) -> tuple[list[dict], dict]:
    source = tmp_path / "dumps"
    if not source.exists():
        source.mkdir()
        records = [
            {"id": "one", "text": messy_dump(), "url": "https://a.example/1"},
            {"id": "two", "text": two_stories(), "url": "https://a.example/2"},
            {"id": "empty", "text": "Menu\nHome\n", "url": "https://a.example/3"},
        ]
        with gzip.open(source / "part-0.jsonl.gz", "wt", encoding="utf-8") as handle:
            handle.writelines(json.dumps(record) + "\n" for record in records)
    output, logs = tmp_path / name, tmp_path / f"{name}-logs"
    executor = LocalPipelineExecutor(
        pipeline=[JsonlReader(str(source)), step, JsonlWriter(str(output))],
        tasks=1,
        logging_dir=str(logs),
    )
    executor.run()
    written = []
    for path in sorted(output.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            written += [json.loads(line) for line in handle]
    stats = json.loads((logs / "stats.json").read_text())
    step_stats = next(entry["stats"] for entry in stats if "scrapeclean" in entry["name"])
    return written, step_stats


def total(stat) -> int:
    """A counter of datatrove's stats.json: a plain number, or an object with its total."""
    return stat if isinstance(stat, int) else stat["total"]


def test_joined_documents_keep_their_ids_and_carry_removal_counts(tmp_path):
    written, stats = _run(tmp_path, "joined", CleanArticles())
    assert [document["id"] for document in written] == ["one", "two"]
    expected = scrapeclean.to_text(scrapeclean.clean(two_stories())).replace("\n\n\f\n\n", "\n\n")
    assert written[1]["text"] == expected
    summary = written[0]["metadata"]["scrapeclean"]
    assert summary["articles"] == 1 and sum(summary["removed"].values()) >= 2
    assert written[0]["metadata"]["url"] == "https://a.example/1"
    assert total(stats["documents"]) == 3 and total(stats["dropped_empty"]) == 1 and total(stats["articles"]) == 3
    assert sum(total(value) for key, value in stats.items() if key.startswith("removed/")) >= 4


def test_one_document_per_article(tmp_path):
    written, stats = _run(tmp_path, "split", CleanArticles(split_articles=True))
    assert [document["id"] for document in written] == ["one/0", "two/0", "two/1"]
    assert written[2]["metadata"]["title"] == "Harbour festival draws record crowds"
    assert written[2]["metadata"]["article_index"] == 1 and "Share on Facebook" not in written[0]["text"]


def test_site_profiles_apply_by_the_url_in_metadata(tmp_path):
    from test_profiles import profiles_of, site_pages

    source = tmp_path / "dumps"
    source.mkdir()
    pages = site_pages()
    with open(source / "part.jsonl", "w", encoding="utf-8") as handle:
        for number, text in enumerate(pages[:3]):
            handle.write(json.dumps({"id": f"p{number}", "text": text, "url": f"https://www.daily.example/{number}"}))
            handle.write("\n")
    step = CleanArticles(profiles=profiles_of(pages))
    written, stats = _run(tmp_path, "profiled", step)
    assert [document["id"] for document in written] == ["p0", "p1", "p2"]
    assert all("remove-profiled-chrome/profiled-chrome" in d["metadata"]["scrapeclean"]["removed"] for d in written)
    assert total(stats["removed/remove-profiled-chrome/profiled-chrome"]) >= 9
