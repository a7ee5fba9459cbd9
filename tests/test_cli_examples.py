"""The examples run as documented: the JSONL and WARC ingestion scripts and the pre-commit configuration."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import messy_dump

ROOT = Path(__file__).resolve().parents[1]


def _run_example(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "examples" / script), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_ingest_jsonl_writes_one_record_per_article_and_reports_bad_lines(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"id": f"r{number}", "url": f"https://example.org/{number}", "text": messy_dump()} for number in range(3)
    ]
    corpus.write_text(json.dumps(records[0]) + "\n{oops\n" + "".join(json.dumps(r) + "\n" for r in records[1:]))
    out = tmp_path / "out.jsonl"
    result = _run_example("ingest_jsonl.py", str(corpus), str(out), "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert f"{corpus}:2: malformed JSON" in result.stderr and "3 records cleaned" in result.stderr
    written = [json.loads(line) for line in out.read_text().splitlines()]
    assert [record["id"] for record in written] == ["r0", "r1", "r2"]
    assert all(record["index"] == 0 and record["url"].startswith("https://") for record in written)
    assert all("Share on Facebook" not in record["text"] for record in written)


def _warc(path: Path) -> None:
    """A crawl of two HTML pages and an image, written with warcio as crawlers write them."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    story = "Harbour seals have returned to breed in the estuary for the first time in four decades. " * 4
    html = (
        "<html><head><title>Seals return | Example News</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>Seals return</h1><p>{story}</p><p>{story.upper()}</p></article>"
        "<footer>Contact us · Privacy policy</footer></body></html>"
    ).encode()
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, payload, kind in (
            ("https://news.example/a", html, "text/html; charset=utf-8"),
            ("https://news.example/logo.png", b"\x89PNG\r\n", "image/png"),
            ("https://news.example/b", html, "text/html"),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers))


def test_ingest_warc_writes_the_articles_of_the_html_records_with_their_urls(tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    _warc(crawl)
    out = tmp_path / "articles.jsonl"
    result = _run_example("ingest_warc.py", str(crawl), str(out), "--batch", "1")
    assert result.returncode == 0, result.stderr
    assert "2 pages cleaned into 2 articles; records skipped: 1 not HTML" in result.stderr
    written = [json.loads(line) for line in out.read_text().splitlines()]
    assert [record["url"] for record in written] == ["https://news.example/a", "https://news.example/b"]
    assert all(record["warc_id"].startswith("<urn:uuid:") and record["warc_date"] for record in written)
    assert all(record["title"] == "Seals return" and "Contact us" not in record["text"] for record in written)


@pytest.mark.skipif(shutil.which("pre-commit") is None, reason="needs the pre-commit tool")
def test_pre_commit_files_are_valid():
    for command, path in (
        ("validate-config", "examples/pre-commit-config.yaml"),
        ("validate-manifest", ".pre-commit-hooks.yaml"),
    ):
        result = subprocess.run(["pre-commit", command, str(ROOT / path)], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr
