"""Sharded runs (--by-file, --resume) and progress measured in bytes of input."""

from __future__ import annotations

import gzip
import io
import json

from cli_support import messy_dump, scrapeclean

from scrapeclean.config import Config
from scrapeclean.corpus.run import RunOptions, run
from scrapeclean.corpus.shards import ShardWriter
from scrapeclean.corpus.output import OutputOptions
from scrapeclean.corpus.summary import Reporter, Tally
from scrapeclean.io.units import FileStart


def _corpus(tmp_path):
    root = tmp_path / "corpus"
    (root / "b").mkdir(parents=True)
    lines = "".join(json.dumps({"id": f"r{n}", "text": messy_dump(extra=f"Line {n}.")}) + "\n" for n in range(3))
    (root / "a.jsonl").write_text(lines)
    (root / "b" / "c.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    (root / "b" / "page.txt").write_text(messy_dump())
    return root


def test_one_output_per_input_file_holding_what_clean_prints(tmp_path):
    root = _corpus(tmp_path)
    out = tmp_path / "out"
    result = scrapeclean(
        "clean", "--no-config", "-q", "--format", "jsonl", "--output-dir", str(out), "--by-file", str(root)
    )
    assert result.returncode == 0, result.stderr
    written = sorted(str(path.relative_to(out)) for path in out.rglob("*") if path.is_file())
    assert written == ["a.jsonl", "b/c.jsonl", "b/page.jsonl"]
    for name, source in (("a.jsonl", "a.jsonl"), ("b/c.jsonl", "b/c.jsonl.gz")):
        alone = scrapeclean("clean", "--no-config", "-q", "--format", "jsonl", str(root / source))
        assert (out / name).read_bytes() == alone.stdout


def test_resume_cleans_only_the_inputs_without_output(tmp_path):
    root = _corpus(tmp_path)
    out = tmp_path / "out"
    command = ("clean", "--no-config", "--format", "jsonl", "--output-dir", str(out))
    assert scrapeclean(*command, "--by-file", str(root)).returncode == 0
    complete = (out / "b" / "c.jsonl").read_bytes()
    (out / "a.jsonl").write_text("kept as it was\n")
    (out / "b" / "c.jsonl").unlink()
    resumed = scrapeclean(*command, "--resume", str(root))
    assert resumed.returncode == 0 and b"2 finished input file(s) skipped" in resumed.stderr
    assert (out / "a.jsonl").read_text() == "kept as it was\n" and (out / "b" / "c.jsonl").read_bytes() == complete


def test_by_file_needs_an_output_directory(tmp_path):
    result = scrapeclean("clean", "--no-config", "--by-file", str(_corpus(tmp_path)))
    assert result.returncode == 2 and b"--output-dir" in result.stderr


def test_an_abandoned_shard_leaves_no_output(tmp_path):
    writer = ShardWriter(OutputOptions("jsonl", "text", str(tmp_path)), Reporter(quiet=True), Tally())
    writer.handle(FileStart(str(tmp_path / "x.jsonl"), "jsonl", "x.jsonl"), None)
    writer.abandon(KeyboardInterrupt())
    assert list(tmp_path.iterdir()) == []


def test_progress_counts_bytes_of_input_to_their_total(tmp_path):
    root = _corpus(tmp_path)
    total = sum(path.stat().st_size for path in root.rglob("*") if path.is_file())
    reporter = Reporter(progress=True, stream=io.StringIO())
    from scrapeclean import default_pipeline

    options = RunOptions("clean", (str(root),), Config(), default_pipeline(), output_format="jsonl")
    bar = reporter._bar
    assert run(options, io.StringIO(), reporter) == 0
    assert bar.total == total and bar.n == total and bar.unit == "B"
