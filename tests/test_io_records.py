"""The public streaming API: read_corpus reads what the command line reads; CorpusWriter writes it back."""

from __future__ import annotations

import gzip
import json
import logging

import pytest
from cli_support import messy_dump, scrapeclean

import scrapeclean as library
from scrapeclean import CorpusWriter, InputError, Record, clean_record, read_corpus, write_corpus


def _corpus(tmp_path):
    lines = [
        json.dumps({"id": "r0", "url": "https://a.example/0", "text": messy_dump()}),
        "{oops",
        "",
        json.dumps({"id": "r1", "lang": "en", "text": messy_dump("Harbour festival draws record crowds")}),
        json.dumps({"id": "r2", "text": 7}),
    ]
    path = tmp_path / "part.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_records_carry_id_fields_and_place(tmp_path, caplog):
    path = _corpus(tmp_path)
    with caplog.at_level(logging.WARNING, logger="scrapeclean"):
        records = list(read_corpus([str(tmp_path)]))
    assert [record.id for record in records] == ["r0", "r1"]
    assert records[0].fields == {"url": "https://a.example/0"} and records[0].url == "https://a.example/0"
    assert records[1].fields == {"lang": "en"} and records[1].line == 4 and records[1].source == str(path)
    assert [message for message in caplog.messages if ":2: malformed JSON" in message]
    assert [message for message in caplog.messages if ":5: text field 'text' is a int" in message]


def test_on_error_raise_stops_at_the_bad_line(tmp_path):
    _corpus(tmp_path)
    with pytest.raises(InputError, match=":2: malformed JSON"):
        list(read_corpus(str(tmp_path), on_error="raise"))


def test_text_files_get_their_path_as_id(tmp_path):
    (tmp_path / "page.txt").write_text(messy_dump(), encoding="utf-8")
    (record,) = read_corpus(str(tmp_path))
    assert record.id == str(tmp_path / "page.txt") and record.fields == {} and record.relative == "page.txt"


def test_clean_record_gives_what_the_command_line_writes(tmp_path):
    path = _corpus(tmp_path)
    result = scrapeclean("clean", "--format", "jsonl", "--no-config", "-q", str(path))
    written = [json.loads(line) for line in result.stdout.decode().splitlines()]
    ours = [article for record in read_corpus(str(path), on_error="ignore") for article in clean_record(record)]
    # the command line also carries the record without a text string through unchanged
    assert [item for item in written if "index" in item] == ours


def test_writer_round_trips_records_through_gzip(tmp_path):
    records = [Record("a", "Text é\nline", {"url": "https://x.example"}, "in"), Record(2, "More", {}, "in")]
    target = tmp_path / "out" / "copy.jsonl.gz"
    assert write_corpus(records, str(target)) == 2
    assert gzip.decompress(target.read_bytes()).decode().splitlines()[0] == (
        '{"id": "a", "url": "https://x.example", "text": "Text é\\nline"}'
    )
    again = list(read_corpus(str(target)))
    assert [(record.id, record.text, record.fields) for record in again] == [
        (record.id, record.text, record.fields) for record in records
    ]
    assert (
        target.read_bytes()
        == (write_corpus(records, str(tmp_path / "b.jsonl.gz")), (tmp_path / "b.jsonl.gz"))[1].read_bytes()
    )


def test_file_urls_read_like_paths(tmp_path):
    pytest.importorskip("fsspec", reason="file:// URLs need fsspec (pip install 'scrapeclean[s3]')")
    _corpus(tmp_path)
    by_path = list(read_corpus(str(tmp_path), on_error="ignore"))
    by_url = list(read_corpus(f"file://{tmp_path}", on_error="ignore"))
    assert [(r.id, r.text, r.fields, r.relative) for r in by_url] == [
        (r.id, r.text, r.fields, r.relative) for r in by_path
    ]


def test_writer_outside_a_with_block_says_how_to_use_it():
    with pytest.raises(RuntimeError, match="context manager"):
        CorpusWriter("x.jsonl").write({"id": 1})


def test_the_api_is_exported():
    assert {"read_corpus", "write_corpus", "CorpusWriter", "Record", "clean_record"} <= set(library.__all__)
