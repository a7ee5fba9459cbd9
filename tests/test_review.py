"""The ``review`` page builder, without a browser: escaping, sampling, flags, the policy; and ``cases``."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from html.parser import HTMLParser

import pytest
from cli_support import corpus_dir, messy_dump, scrapeclean
from hypothesis import given, settings
from hypothesis import strategies as st
from test_golden import _mismatches

import scrapeclean as library
from scrapeclean.io.units import Dump
from scrapeclean.marks import KEEP, REMOVE, Mark, case_json, corrected
from scrapeclean.review import (
    MANY_STORIES,
    NOTHING_KEPT,
    TITLE_MISSING,
    TOO_MANY_STORIES,
    Record,
    build_page,
    json_island,
    overview,
    sample_dumps,
)
from scrapeclean.segment import segment

HOSTILE = "</script><img src=x onerror=alert(1)><!--"


@pytest.fixture
def corpus(tmp_path):
    return corpus_dir(tmp_path)


def _write_jsonl(path, records):
    path.write_text("".join(json.dumps(record) + "\n" for record in records))


def _islands(page: str) -> dict[str, object]:
    found = re.findall(r'<script type="application/json" id="([a-z0-9-]+)">(.*?)</script>', page, re.DOTALL)
    return {name: json.loads(text) for name, text in found}


def _record(text: str, where: str = "a.txt") -> Record:
    return Record(Dump(where, text), library.process(text))


def test_hostile_ids_file_names_and_text_stay_text(tmp_path, corpus):
    name = "<img src=x onerror=alert(2)>.jsonl"
    _write_jsonl(corpus / name, [{"id": HOSTILE, "text": messy_dump(extra=HOSTILE) + "Share on Facebook " + HOSTILE}])
    out = tmp_path / "review.html"
    result = scrapeclean("review", str(corpus), "-o", str(out))
    assert result.returncode == 0, result.err
    page = out.read_text()
    assert "<img" not in page and "<!--" not in page
    # Only the page's own script elements: the table of contents, one record and the program.
    assert page.count("</script>") == 3
    assert (
        "&lt;img src=x onerror=alert(2)&gt;.jsonl:1 (id &lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&lt;!--)"
        in page
    )
    islands = _islands(page)
    record = islands["record-0"]
    assert record["id"] == HOSTILE and record["path"].endswith(name) and HOSTILE in record["raw"]
    assert islands["meta"]["records"][0][1] == HOSTILE


def test_json_islands_cannot_close_their_element():
    value = {"text": "</SCRIPT></script ><!-- & \u2028"}
    island = json_island(value)
    assert "<" not in island and ">" not in island and "&" not in island
    assert json.loads(island) == value


def test_the_policy_allows_exactly_the_page_s_own_script_and_style(tmp_path, corpus):
    (corpus / "a.txt").write_text(messy_dump())
    out = tmp_path / "review.html"
    assert scrapeclean("review", str(corpus), "-o", str(out)).returncode == 0
    page = out.read_text()
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page).group(1)
    policy = policy.replace("&#x27;", "'")
    script = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    style = re.findall(r"<style>(.*?)</style>", page, re.DOTALL)
    assert len(script) == len(style) == 1

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert f"script-src {digest(script[0])};" in policy and f"style-src {digest(style[0])};" in policy
    assert policy.startswith("default-src 'none';") and "http" not in page.split("<body>", 1)[0].replace(
        'http-equiv="Content-Security-Policy"', ""
    )


def test_sampling_is_deterministic_in_input_order_and_seed_dependent():
    dumps = [Dump("c.jsonl", str(number), line=number) for number in range(1, 101)]

    def lines(size, seed):
        return [dump.line for dump in sample_dumps(iter(dumps), size, seed)]

    first = lines(10, seed=7)
    assert first == lines(10, seed=7) and first == sorted(first) and len(set(first)) == 10
    assert lines(10, seed=8) != first
    assert lines(500, seed=7) == list(range(1, 101)) and lines(None, seed=7) == list(range(1, 101))


def test_sample_option_picks_the_same_records_every_time(tmp_path, corpus):
    _write_jsonl(
        corpus / "c.jsonl", [{"id": f"r{number}", "text": messy_dump(f"Story {number}")} for number in range(30)]
    )
    pages = []
    for run in range(2):
        out = tmp_path / f"review{run}.html"
        assert scrapeclean("review", str(corpus), "--sample", "5", "--seed", "3", "-o", str(out), "-q").returncode == 0
        pages.append([entry[1] for entry in _islands(out.read_text())["meta"]["records"]])
    assert pages[0] == pages[1] and len(pages[0]) == 5
    assert scrapeclean("review", str(corpus), "--sample", "0", "-o", str(tmp_path / "x.html")).returncode == 2


def _stories(count: int) -> str:
    topics = ["bridge", "ferry", "harbour", "school", "library", "market"][:count]
    return "\f\n".join(
        f"New {topic} plan approved by the council\n"
        f"The {topic} plan was approved on Tuesday after a long debate among the members of the council.\n"
        f"Work on the {topic} should begin next spring and take about a year, officials said on Wednesday.\n"
        for topic in topics
    )


def test_flags_name_records_with_nothing_kept_many_stories_or_no_title(tmp_path, corpus):
    assert overview(_record("Menu\nHome\nShare on Facebook\n")).flags == (NOTHING_KEPT,)
    assert overview(_record(_stories(MANY_STORIES + 1))).flags == (TOO_MANY_STORIES,)
    assert overview(_record(_stories(MANY_STORIES))).flags == ()
    assert overview(_record(messy_dump())).flags == ()
    _write_jsonl(corpus / "c.jsonl", [{"id": "empty", "text": "Menu\nHome\nShare on Facebook\n"}])
    out = tmp_path / "review.html"
    assert scrapeclean("review", str(corpus), "-o", str(out)).returncode == 0
    assert f'<span class="flag">{NOTHING_KEPT}</span>' in out.read_text()


def test_a_record_without_a_title_is_flagged():
    body = "Some words of a real story, told plainly and at length for the reader, with more to come."
    view = overview(_record(body + "\n" + body.replace("Some", "Other")))
    assert view.stories == 1 and view.flags == (TITLE_MISSING,)


def test_counts_per_reason_and_words(tmp_path):
    view = overview(_record(messy_dump()))
    document = library.process(messy_dump())
    removed = [block for block in document.blocks if block.removal is not None]
    assert sum(view.removals.values()) == len(removed)
    assert view.removed_words == sum(len(block.text.split()) for block in removed)
    assert view.kept_words == sum(len(block.text.split()) for block in document.kept())


def test_a_missing_input_is_a_usage_error_and_nothing_is_written(tmp_path, corpus):
    (corpus / "a.txt").write_text(messy_dump())
    out = tmp_path / "review.html"
    result = scrapeclean("review", str(corpus / "a.txt"), str(corpus / "gone.txt"), "-o", str(out))
    assert result.returncode == 2 and "gone.txt: no such file" in result.err and not out.exists()


def _marks_for(text: str, where: str = "c.jsonl", line: int | None = 1) -> tuple[list[Mark], library.Document]:
    document = library.process(text)
    removed = next(block for block in document.blocks if block.removal is not None and "Share" in block.text)
    kept = next(block for block in document.blocks if block.removal is None and block.role is None)
    marks = [
        Mark(where, line, "rec", removed.index, removed.start, removed.end, removed.text, KEEP),
        Mark(where, line, "rec", kept.index, kept.start, kept.end, kept.text, REMOVE),
    ]
    return marks, document


def test_marks_turn_into_an_expectation_the_cleaner_fails_today():
    marks, document = _marks_for(messy_dump())
    expectation = case_json(library.assemble(corrected(document, marks)), marks, "c.jsonl:1")
    (article,) = expectation["articles"]
    assert "Share on Facebook" in article["body"] and marks[1].text not in article["body"]
    assert expectation["must_not_appear"] == [marks[1].text] and "xfail" in expectation
    now = [article.to_dict() for article in library.clean(messy_dump())]
    assert len(_mismatches(now, expectation)) == 2
    fixed = [article.to_dict() for article in library.assemble(corrected(document, marks))]
    assert _mismatches(fixed, expectation) == []


def test_cases_command_writes_the_dump_and_its_expectation(tmp_path, corpus):
    text = messy_dump()
    _write_jsonl(corpus / "c.jsonl", [{"id": "other", "text": messy_dump("Other")}, {"id": "rec/1", "text": text}])
    marks, _ = _marks_for(text, str(corpus / "c.jsonl"), line=2)
    marks_file = tmp_path / "marks.jsonl"
    marks_file.write_text(
        "".join(
            json.dumps(
                {
                    "path": m.path,
                    "line": m.line,
                    "id": "rec/1",
                    "block": m.block,
                    "span": [m.start, m.end],
                    "text": m.text,
                    "mark": m.mark,
                }
            )
            + "\n"
            for m in marks
        )
    )
    cases = tmp_path / "cases"
    cases.mkdir()
    result = scrapeclean("cases", str(marks_file), "-o", str(cases))
    assert result.returncode == 0, result.err
    assert sorted(path.name for path in cases.iterdir()) == ["review-rec_1-64503e70.json", "review-rec_1-64503e70.txt"]
    assert (cases / "review-rec_1-64503e70.txt").read_text() == text
    expectation = json.loads((cases / "review-rec_1-64503e70.json").read_text())
    assert set(expectation) == {"articles", "must_not_appear", "notes", "xfail"}
    assert expectation["notes"].startswith(f"From review marks on {corpus / 'c.jsonl'}:2")
    again = scrapeclean("cases", str(marks_file), "-o", str(cases))
    assert again.returncode == 123 and "exists" in again.err


def test_cases_refuses_marks_that_no_longer_match_the_dump(tmp_path, corpus):
    (corpus / "a.txt").write_text(messy_dump())
    marks_file = tmp_path / "marks.jsonl"
    marks_file.write_text(
        json.dumps(
            {"path": str(corpus / "a.txt"), "line": None, "block": 0, "span": [0, 4], "text": "Moon", "mark": "keep"}
        )
        + "\n"
    )
    (tmp_path / "cases").mkdir()
    result = scrapeclean("cases", str(marks_file), "-o", str(tmp_path / "cases"))
    assert result.returncode == 123 and "is not 'Moon'" in result.err
    marks_file.write_text('{"path": "a.txt", "mark": "maybe"}\n')
    bad = scrapeclean("cases", str(marks_file), "-o", str(tmp_path / "cases"))
    assert bad.returncode == 2 and "not a review mark" in bad.err


def test_an_unreadable_file_is_reported_and_the_rest_reviewed(tmp_path, corpus):
    (corpus / "a.txt").write_text(messy_dump())
    (corpus / "b.jsonl.gz").write_bytes(b"not gzip at all")
    out = tmp_path / "review.html"
    result = scrapeclean("review", str(corpus), "-o", str(out))
    assert result.returncode == 123 and "b.jsonl.gz" in result.err
    assert [entry[0] for entry in _islands(out.read_text())["meta"]["records"]] == [str(corpus / "a.txt")]


class _FailsOnPoison:
    """A pass with a defect: it raises on any dump holding the word POISON."""

    name = "fails-on-poison"

    def __call__(self, document):
        if "POISON" in document.raw:
            raise RuntimeError("a defect met on this dump")
        return document


def test_a_record_the_pipeline_fails_on_is_reported_and_the_rest_reviewed(tmp_path, corpus):
    from scrapeclean.config import Config
    from scrapeclean.corpus.summary import Reporter
    from scrapeclean.review import ReviewOptions, write_review

    _write_jsonl(corpus / "c.jsonl", [{"id": "ok", "text": messy_dump()}, {"id": "bad", "text": "POISON\n"}])
    out = tmp_path / "review.html"
    messages = io.StringIO()
    pipeline = library.default_pipeline().append(_FailsOnPoison())
    options = ReviewOptions((str(corpus),), Config(), pipeline, str(out))
    assert write_review(options, Reporter(stream=messages)) == 123
    assert (
        f"error: {corpus / 'c.jsonl'}:2: cleaning failed: RuntimeError: a defect met on this dump"
        in messages.getvalue()
    )
    assert [entry[1] for entry in _islands(out.read_text())["meta"]["records"]] == ["ok"]


def test_worker_processes_write_the_same_page(tmp_path, corpus):
    _write_jsonl(
        corpus / "c.jsonl", [{"id": f"r{number}", "text": messy_dump(f"Story {number}")} for number in range(9)]
    )
    pages = []
    for jobs in ("1", "2"):
        out = tmp_path / f"review-{jobs}.html"
        assert scrapeclean("review", str(corpus), "-j", jobs, "-o", str(out), "-q").returncode == 0
        pages.append(out.read_bytes())
    assert pages[0] == pages[1] and len(_islands(pages[0].decode())["meta"]["records"]) == 9


class _Tags(HTMLParser):
    """The start and end tags of a page, in order, as a browser's parser meets them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        self.tags.append("/" + tag)


def _tags(page: str) -> list[str]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


_PIECES = [
    "<",
    ">",
    "&",
    '"',
    "'",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "<!--",
    "-->",
    "<b>",
    "\n",
    "a",
    "\U0001f6a2",
]
_HOSTILE_TEXT = st.lists(st.sampled_from(_PIECES), max_size=8).map("".join) | st.text(max_size=40)


@given(name=_HOSTILE_TEXT, ident=_HOSTILE_TEXT, line=_HOSTILE_TEXT)
@settings(max_examples=40)
def test_no_input_changes_the_structure_of_the_page(name, ident, line):
    # Blocks as segmented, before any pass: the decisions stay the same whatever the text.
    def page(where: str, record_id: str, extra: str) -> str:
        text = f"Menu\n{extra}\nA title for the story\n"
        dump = Dump(where, text, line=1, ident=record_id)
        return build_page([Record(dump, segment(text))], where, library.default_pipeline().names)

    hostile = page(name, ident, line)
    assert _tags(hostile) == _tags(page("a.jsonl", "id", "Share on Facebook"))
    assert _islands(hostile)["record-0"]["id"] == ident
