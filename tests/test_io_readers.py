"""Readers: JSONL lines, WARC/WET records, HTML pages and whole text files, as units in order."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from cli_support import wet_archive

from scrapeclean.io.html import html_to_dump
from scrapeclean.io.jsonl import derived_id, dump_record, parse_line, read_records
from scrapeclean.io.paths import Found
from scrapeclean.io.readers import ReadOptions, read_all
from scrapeclean.io.text import file_form, newline_of
from scrapeclean.io.units import Carry, Dump, Failure, FileEnd, FileStart
from scrapeclean.io.warc import read_warc


def _lines(*records):
    return b"".join(
        (record if isinstance(record, bytes) else json.dumps(record).encode()) + b"\n" for record in records
    )


def test_jsonl_lines_become_dumps_or_carried_lines_with_line_numbers():
    data = _lines(
        {"id": "a", "text": "Hello"}, b"", b"{not json", [1, 2], {"id": "b", "text": None}, {"id": "c"}, b"\xff\xfe"
    )
    units = list(read_records(io.BytesIO(data), "c.jsonl", "text", "id"))
    assert [type(unit).__name__ for unit in units] == ["Dump", "Carry", "Carry", "Carry", "Carry", "Carry", "Carry"]
    dump = units[0]
    assert (dump.line, dump.ident, dump.text, dump.where) == (1, "a", "Hello", "c.jsonl:1")
    failed = {unit.line: unit.message for unit in units[1:] if unit.failed}
    assert sorted(failed) == [3, 4, 7]
    assert "malformed JSON" in failed[3] and "not a JSON object" in failed[4] and "not UTF-8" in failed[7]
    skipped = {unit.line: unit.message for unit in units[1:] if not unit.failed and unit.message}
    assert "is a NoneType, not a string" in skipped[5] and "is missing" in skipped[6]
    assert all(unit.raw == line + b"\n" for unit, line in zip(units, data.split(b"\n")))


def test_jsonl_other_field_names_and_a_leading_bom():
    line = b'\xef\xbb\xbf{"doc": 7, "content": "Body"}\n'
    [dump] = read_records(io.BytesIO(line), "c.jsonl", "content", "doc")
    assert (dump.text, dump.ident, dump.record) == ("Body", 7, {"doc": 7, "content": "Body"})


def test_rewritten_records_keep_field_order_and_line_ending():
    record = {"id": "x", "text": "new", "meta": {"ü": 1}}
    assert dump_record(record, b'{"id": "x"}\r\n') == '{"id": "x", "text": "new", "meta": {"ü": 1}}\r\n'.encode()
    assert dump_record(record, b'{"id": "x", "t": "\\u00fc"}\n').endswith(b'{"\\u00fc": 1}}\n')
    assert dump_record({"text": "\ud800"}) == b'{"text": "\\ud800"}\n'


def test_derived_ids():
    assert derived_id("doc", 4, 2) == "doc-2" and derived_id(None, 4, 0) == "4-0" and derived_id(17, 1, 1) == "17-1"


def test_parse_line_does_not_evaluate_anything():
    carry = parse_line(b"__import__('os').system('true')", b"", 1, "p", "text", "id")
    assert isinstance(carry, Carry) and carry.failed


@pytest.mark.parametrize("gz", [False, True])
def test_wet_conversion_records_carry_record_id_and_uri(gz):
    pages = [("https://example.org/a", "Page A\n\nText of A."), ("https://example.org/b", "Page B")]
    data = wet_archive(pages, gz=gz, warcinfo=True)
    units = list(read_warc(io.BytesIO(data), "x.wet"))
    assert [unit.text for unit in units] == ["Page A\n\nText of A.", "Page B"]
    assert [unit.url for unit in units] == ["https://example.org/a", "https://example.org/b"]
    assert all(unit.ident.startswith("<urn:uuid:") for unit in units)
    assert [unit.line for unit in units] == [2, 3]


@pytest.mark.parametrize("gz", [False, True])
def test_a_truncated_wet_record_is_a_failure_after_the_good_ones(gz):
    pages = [("https://example.org/a", "Page A " * 40), ("https://example.org/b", "Page B " * 40)]
    data = wet_archive(pages, gz=gz, warcinfo=True)
    units = list(read_warc(io.BytesIO(data[: len(data) * 3 // 4]), "x.wet"))
    assert isinstance(units[0], Dump) and units[0].url == "https://example.org/a"
    assert isinstance(units[-1], Failure) and "truncated" in units[-1].message and "x.wet" in units[-1].message


def test_html_keeps_one_block_per_line_and_drops_what_is_never_visible():
    page = (
        b"<html><head><title>The  title</title><style>p{}</style></head><body>"
        b"<nav><ul><li>Home</li><li>World</li></ul></nav><script>var x = 1;</script>"
        b"<h1>Headline</h1><p>First\nparagraph with <a href='#'>a link</a>.</p><p hidden>secret</p>"
        b"<pre>line one\nline two</pre><p>Caf&eacute; &lt;b&gt;</p></body></html>"
    )
    assert html_to_dump(page) == (
        "The title\n\nHome\nWorld\n\nHeadline\n\nFirst paragraph with a link.\n\nline one\nline two\n\nCafé <b>"
    )


def test_read_all_frames_each_file_and_survives_a_missing_one(tmp_path):
    (tmp_path / "a.txt").write_text("Hello\n", encoding="utf-8")
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(_lines({"id": 1, "text": "T"})))
    found = [Found(str(tmp_path / "a.txt")), Found(str(tmp_path / "gone.txt")), Found(str(tmp_path / "b.jsonl.gz"))]
    units = list(read_all(found, ReadOptions()))
    kinds = [type(unit) for unit in units]
    assert kinds == [FileStart, Dump, FileEnd, FileStart, Failure, FileEnd, FileStart, Dump, FileEnd]
    assert "gone.txt" in units[4].message and units[7].ident == 1


def test_text_file_form_ends_with_one_newline_in_the_files_own_style():
    assert file_form("A\n\nB", "x\ny") == "A\n\nB\n"
    assert file_form("A\n\nB", "x\r\ny") == "A\r\n\r\nB\r\n"
    assert file_form("", "x\n") == ""
    assert newline_of("no break") == "\n"
