"""scrapeclean on a real two-node Ray cluster on this machine: datasets and the command line's --engine ray."""

from __future__ import annotations

import json

import pytest
from cli_support import messy_dump, scrapeclean

ray = pytest.importorskip("ray", reason="the Ray tests need Ray (pip install 'scrapeclean[ray]')")
pytest.importorskip("ray.data", reason="the Ray tests need Ray Data (pip install 'scrapeclean[ray]')")
pytest.importorskip("rensa", reason="the Ray dedup test needs rensa (pip install 'scrapeclean[dedup]')")

from ray.cluster_utils import Cluster  # noqa: E402

import scrapeclean as library  # noqa: E402
from scrapeclean.corpus.dedup import find_duplicates  # noqa: E402
from scrapeclean.corpus.profiles import learn  # noqa: E402
from test_profiles import site_pages  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    nodes = Cluster(initialize_head=True, head_node_args={"num_cpus": 1, "include_dashboard": False})
    nodes.add_node(num_cpus=1)
    nodes.wait_for_nodes()
    ray.init(address=nodes.address, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield nodes
    ray.shutdown()
    nodes.shutdown()


def _rows() -> list[dict]:
    rows = [
        {"id": f"p{number}", "url": f"https://daily.example/{number}", "text": text, "lang": "en"}
        for number, text in enumerate(site_pages(12))
    ]
    rows.append({"id": "q", "url": "https://other.example/1", "text": messy_dump(), "lang": "en"})
    rows.append({"id": "q-copy", "url": "https://third.example/2", "text": messy_dump(), "lang": "en"})
    return rows


def _records(rows: list[dict]) -> list[library.Record]:
    return [
        library.Record(
            row["id"], row["text"], {k: v for k, v in row.items() if k not in ("id", "text")}, "-", url=row["url"]
        )
        for row in rows
    ]


def test_the_cluster_has_two_nodes(cluster):
    assert len([node for node in ray.nodes() if node["Alive"]]) == 2


def test_clean_dataset_gives_the_articles_clean_record_gives(cluster):
    from scrapeclean.ray import clean_dataset, learn_profiles

    rows = _rows()
    profiles = learn_profiles(ray.data.from_items(rows, override_num_blocks=4))
    assert profiles == learn(_records(rows))
    cleaned = clean_dataset(ray.data.from_items(rows, override_num_blocks=4), profiles=profiles).take_all()
    nested = ("captions", "body", "spans", "removed", "title_span", "body_spans")
    got = [{k: json.loads(v) if k in nested else v for k, v in row.items()} for row in cleaned]
    pipelines = {
        record.url: library.Pipeline(
            (*filter(None, [profiles.chrome_pass(record.url.split("/")[2])]), *library.default_pipeline().passes)
        )
        for record in _records(rows)
    }
    expected = [
        article for record in _records(rows) for article in library.clean_record(record, pipeline=pipelines[record.url])
    ]
    assert got == expected
    assert any(removed["reason"] == "profiled-chrome" for removed in got[0]["removed"])


def test_find_clusters_matches_the_local_function(cluster):
    from scrapeclean.ray import find_clusters

    rows = _rows()
    clusters = find_clusters(ray.data.from_items(rows, override_num_blocks=3))
    assert clusters == find_duplicates((row["id"], row["text"]) for row in rows)
    assert ["q", "q-copy"] in [list(found.members) for found in clusters]


def test_engine_ray_writes_the_bytes_of_one_process(cluster, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(row) + "\n" for row in _rows()) + "{broken\n")
    (tmp_path / "page.txt").write_text(messy_dump())
    for extra in ((), ("--learn",)):
        common = ("clean", "--no-config", "-q", "--format", "jsonl", *extra, str(tmp_path))
        local = scrapeclean(*common, "-j", "1")
        on_ray = scrapeclean(*common, "--engine", "ray", "--address", cluster.address, timeout=120)
        assert on_ray.returncode == local.returncode == 123, on_ray.stderr.decode()[-2000:]
        assert on_ray.stdout == local.stdout and len(local.stdout.splitlines()) == 15
