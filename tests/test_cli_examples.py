"""The examples run as documented: the JSONL ingestion script and the pre-commit configuration."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import messy_dump

ROOT = Path(__file__).resolve().parents[1]


def test_ingest_jsonl_writes_one_record_per_article_and_reports_bad_lines(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"id": f"r{number}", "url": f"https://example.org/{number}", "text": messy_dump()} for number in range(3)
    ]
    corpus.write_text(json.dumps(records[0]) + "\n{oops\n" + "".join(json.dumps(r) + "\n" for r in records[1:]))
    out = tmp_path / "out.jsonl"
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "ingest_jsonl.py"), str(corpus), str(out), "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert f"{corpus}:2: malformed JSON" in result.stderr and "3 records cleaned" in result.stderr
    written = [json.loads(line) for line in out.read_text().splitlines()]
    assert [record["id"] for record in written] == ["r0", "r1", "r2"]
    assert all(record["index"] == 0 and record["url"].startswith("https://") for record in written)
    assert all("Share on Facebook" not in record["text"] for record in written)


@pytest.mark.skipif(shutil.which("pre-commit") is None, reason="needs the pre-commit tool")
def test_pre_commit_files_are_valid():
    for command, path in (
        ("validate-config", "examples/pre-commit-config.yaml"),
        ("validate-manifest", ".pre-commit-hooks.yaml"),
    ):
        result = subprocess.run(["pre-commit", command, str(ROOT / path)], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr
