"""Inputs beyond plain text: JSONL corpora, WARC/WET archives, HTML pages; output directories."""

from __future__ import annotations

import gzip
import json
import os

import pytest
from cli_support import PARAGRAPHS, corpus_dir, messy_dump, scrapeclean, two_stories, wet_archive

import scrapeclean as library
from scrapeclean.assemble import STORY_BREAK


@pytest.fixture
def corpus(tmp_path):
    return corpus_dir(tmp_path)


def _jsonl(path, records):
    path.write_bytes(
        b"".join((r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode()) + b"\n" for r in records)
    )


def test_jsonl_articles_carry_id_index_and_every_other_field_untouched(corpus):
    extra = {"url": "https://example.org/a", "meta": {"lang": "en", "scores": [1, 2.5, None]}, "ünï": "côdé"}
    _jsonl(corpus / "c.jsonl", [{"doc": "A-1", "body_text": messy_dump(), **extra}])
    result = scrapeclean(
        "clean", "--format", "jsonl", "--text-field", "body_text", "--id-field", "doc", str(corpus / "c.jsonl")
    )
    assert result.returncode == 0, result.err
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == "A-1" and record["doc"] == "A-1" and record["index"] == 0
    assert {key: record[key] for key in extra} == extra
    assert "body_text" not in record and "Share on Facebook" not in record["text"]
    assert list(record)[:4] == ["doc", "url", "meta", "ünï"]


def test_fix_rewrites_the_text_field_only_and_keeps_unchanged_lines_byte_for_byte(corpus):
    tidy = library.to_text(library.clean(messy_dump()))
    lines = [
        {"id": 1, "text": messy_dump(), "keep": {"nested": [1, "ü"]}},
        b'{"id":2,"text":' + json.dumps(tidy).encode() + b',"spacing":"compact"}',
        b"{broken json",
        {"id": 4, "text": None, "note": "no text"},
        {"id": 5},
    ]
    path = corpus / "c.jsonl"
    _jsonl(path, lines)
    before = path.read_bytes().splitlines(keepends=True)
    check = scrapeclean("check", str(path))
    assert check.returncode == 123
    assert check.stdout.decode().splitlines() == [f"would change {path}:1 (id 1)"]
    assert f"{path}:3: malformed JSON" in check.err
    assert (
        f"{path}:4: text field 'text' is a NoneType" in check.err
        and f"{path}:5: text field 'text' is missing" in check.err
    )
    fixed = scrapeclean("fix", str(path))
    assert fixed.returncode == 123 and fixed.stdout.decode() == f"fixed {path}\n"
    after = path.read_bytes().splitlines(keepends=True)
    assert len(after) == 5 and after[1:] == before[1:]
    first = json.loads(after[0])
    assert first == {"id": 1, "text": tidy, "keep": {"nested": [1, "ü"]}}
    assert scrapeclean("check", "--quiet", str(path)).stdout == b""


def test_split_stories_gives_one_record_per_story_with_derived_ids(corpus):
    two = two_stories()
    path = corpus / "c.jsonl"
    _jsonl(path, [{"id": "p", "text": two, "k": 1}, {"text": messy_dump()}])
    assert scrapeclean("fix", str(path)).returncode == 0
    [joined, single] = [json.loads(line) for line in path.read_bytes().splitlines()]
    assert joined["text"].count(STORY_BREAK) == 1
    assert scrapeclean("check", "--split-stories", str(path)).stdout.decode() == (
        f"would change {path}:1 (id p) (split into 2 records)\n"
    )
    assert scrapeclean("fix", "--split-stories", str(path)).returncode == 0
    records = [json.loads(line) for line in path.read_bytes().splitlines()]
    assert [record.get("id") for record in records] == ["p-0", "p-1", None]
    assert [record["k"] for record in records[:2]] == [1, 1]
    assert "\f" not in records[0]["text"] + records[1]["text"] and records[2] == single
    assert scrapeclean("check", "--split-stories", str(path)).returncode == 0


def test_gzipped_jsonl_is_read_and_rewritten_compressed(corpus):
    path = corpus / "c.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps({"id": 1, "text": messy_dump()}).encode() + b"\n"))
    assert scrapeclean("fix", str(corpus)).returncode == 0
    record = json.loads(gzip.decompress(path.read_bytes()))
    assert "Share on Facebook" not in record["text"]
    assert scrapeclean("check", str(corpus)).returncode == 0


def test_crafted_ids_cannot_write_outside_the_output_directory(tmp_path, corpus):
    out = tmp_path / "out"
    story = two_stories()
    ids = ["../../escaped", "/etc/owned", "..", "a/../../b", "normal-id", "normal-id"]
    _jsonl(corpus / "c.jsonl", [{"id": ident, "text": story} for ident in ids])
    result = scrapeclean("clean", "--split-stories", "--output-dir", str(out), str(corpus / "c.jsonl"))
    assert result.returncode == 0, result.err
    written = sorted(str(path.relative_to(out)) for path in out.rglob("*") if path.is_file())
    # Six records of two stories each: twelve files (the repeated id gets names of its own, nothing is lost).
    assert len(written) == 12 and all(name.startswith("c/") and name.count("/") == 1 for name in written)
    assert "c/normal-id-0.txt" in written and "c/normal-id-0~2.txt" in written
    assert not (tmp_path / "escaped-0.txt").exists()
    assert sorted(os.listdir(tmp_path)) == ["corpus", "out", "pyproject.toml"]
    assert (out / "c" / "normal-id-1.txt").read_text().startswith("Harbour festival")


def test_wet_records_are_cleaned_with_record_id_and_uri_and_a_truncated_one_is_reported(corpus):
    pages = [("https://example.org/a", messy_dump()), ("https://example.org/b", messy_dump("Harbour festival"))]
    (corpus / "good.warc.wet.gz").write_bytes(wet_archive(pages))
    cut = wet_archive(pages, gz=False)
    (corpus / "cut.wet").write_bytes(cut[: len(cut) - 200])
    result = scrapeclean("clean", "--format", "jsonl", str(corpus / "cut.wet"), str(corpus / "good.warc.wet.gz"))
    assert result.returncode == 123
    assert f"{corpus / 'cut.wet'}: WARC record 2 is truncated" in result.err
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [record["url"] for record in records] == ["https://example.org/a"] * 2 + ["https://example.org/b"]
    assert all(record["id"].startswith("<urn:uuid:") for record in records)
    assert records[0]["source"] == str(corpus / "cut.wet")


def test_html_pages_are_turned_into_dumps_then_cleaned(corpus):
    paragraphs = "".join(f"<p>{paragraph}</p>\n" for paragraph in PARAGRAPHS)
    page = (
        "<html><head><title>Council approves the new river bridge</title><script>var tracking = 1;</script></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>Council approves the new river bridge</h1>{paragraphs}"
        "</article></body></html>"
    )
    (corpus / "page.html").write_text(page)
    (corpus / "page.data").write_text(page)
    result = scrapeclean("clean", str(corpus / "page.html"))
    assert result.returncode == 0, result.err
    text = result.stdout.decode()
    assert PARAGRAPHS[0] in text and PARAGRAPHS[2] in text and "tracking" not in text and "<p>" not in text
    forced = scrapeclean("clean", "--input-format", "html", str(corpus / "page.data"))
    assert forced.stdout == result.stdout
