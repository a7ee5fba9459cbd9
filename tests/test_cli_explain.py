"""``scrapeclean explain``: every block and its decision, on a terminal or as a page to review."""

from __future__ import annotations

import html
import json
import re

import pytest
from cli_support import corpus_dir, messy_dump, scrapeclean

import scrapeclean as library

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


@pytest.fixture
def corpus(tmp_path):
    return corpus_dir(tmp_path)


def _expected_decisions(text):
    document = library.process(text)
    return [
        (block.index, f"{block.removal.pass_name}/{block.removal.reason}" if block.removal else block.role or "body")
        for block in document.blocks
    ]


def test_piped_output_is_plain_and_lists_every_block_with_its_decision(corpus):
    page = corpus / "page.txt"
    page.write_text(messy_dump())
    result = scrapeclean("explain", str(page))
    assert result.returncode == 0, result.err
    text = result.stdout.decode()
    assert "\x1b[" not in text
    lines = text.splitlines()
    assert lines[:2] == [f"== {page} ==", "-- story 1 --"]
    blocks = [line for line in lines if re.match(r"^\s+\d+ [+-] ", line)]
    expected = _expected_decisions(messy_dump())
    assert len(blocks) == len(expected)
    for line, (index, decision) in zip(blocks, expected):
        number, mark, label = line.split()[:3]
        assert (int(number), label) == (index, decision)
        assert mark == ("-" if "/" in decision else "+")
    assert any("Share on Facebook" in line and " - " in line for line in blocks)


def test_colour_on_request_strikes_removed_text(corpus):
    page = corpus / "page.txt"
    page.write_text(messy_dump())
    coloured = scrapeclean("explain", "--color", "always", str(page)).stdout.decode()
    assert "\x1b[2;9mShare on Facebook" in coloured
    assert scrapeclean("explain", "--color", "always", str(page), env={"NO_COLOR": "1"}).stdout.decode() == coloured


def test_html_review_page_escapes_every_piece_of_input(tmp_path, corpus):
    page = corpus / "a<b>&.txt"
    text = messy_dump(extra=HOSTILE) + "Share on Facebook " + HOSTILE + "\n"
    page.write_text(text)
    out = tmp_path / "review.html"
    result = scrapeclean("explain", "--html", str(out), str(page))
    assert result.returncode == 0 and result.stdout == b""
    document = out.read_text()
    assert "<script>alert" not in document and "<img src=x" not in document and "a<b>" not in document
    assert html.escape(HOSTILE) in document and "a&lt;b&gt;&amp;.txt" in document
    assert document.count('<p class="block') == len(library.process(text).blocks)
    removed = re.findall(
        r'<p class="block removed pass-\d+" title="([^"]*)"><span class="role">[^<]*</span><del>', document
    )
    assert removed and all("removed by " in reason for reason in removed)
    assert "kept as body" in document


def test_jsonl_records_can_be_picked_by_line_or_id_and_ids_are_escaped(tmp_path, corpus):
    path = corpus / "c.jsonl"
    records = [{"id": "first", "text": messy_dump()}, {"id": HOSTILE, "text": messy_dump("Harbour festival")}]
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    by_line = scrapeclean("explain", "--line", "2", str(path)).stdout.decode()
    assert by_line.startswith(f"== {path}:2 (id {HOSTILE}) ==") and "Council approves" not in by_line
    by_id = scrapeclean("explain", "--id", "first", str(path)).stdout.decode()
    assert by_id.startswith(f"== {path}:1 (id first) ==") and "Harbour festival" not in by_id
    out = tmp_path / "review.html"
    assert scrapeclean("explain", "--html", str(out), str(path)).returncode == 0
    assert out.read_text().count('<section class="dump">') == 2 and "<script>" not in out.read_text()
    missing = scrapeclean("explain", "--id", "nope", str(path))
    assert missing.returncode == 2 and "no record with id 'nope'" in missing.err


def test_several_files_and_folders_are_explained_in_turn(tmp_path, corpus):
    (corpus / "sub").mkdir()
    (corpus / "sub" / "a.txt").write_text(messy_dump())
    (corpus / "sub" / "b.txt").write_text(messy_dump("Harbour festival draws record crowds"))
    (corpus / "notes.md").write_text("not a dump\n")
    single = corpus / "single.txt"
    single.write_text(messy_dump("Ferry returns to the island"))
    result = scrapeclean("explain", "--color", "never", str(corpus / "sub"), str(single))
    assert result.returncode == 0, result.err
    heads = [line for line in result.out.splitlines() if line.startswith("== ")]
    assert heads == [f"== {corpus / 'sub' / 'a.txt'} ==", f"== {corpus / 'sub' / 'b.txt'} ==", f"== {single} =="]
    out = tmp_path / "review.html"
    assert scrapeclean("explain", "--html", str(out), str(corpus)).returncode == 0
    assert out.read_text().count('<section class="dump">') == 3
    missing = scrapeclean("explain", str(corpus / "sub"), str(corpus / "gone.txt"))
    assert missing.returncode == 123 and "gone.txt: no such file" in missing.err
