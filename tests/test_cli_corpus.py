"""Corpus runs in process: bounded in-flight work, input order, the summary and the progress bar."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from cli_support import messy_dump

from scrapeclean import default_pipeline
from scrapeclean.cli import main
from scrapeclean.corpus.summary import Reporter, Tally
from scrapeclean.corpus.work import Outcome, clean_text, clean_units
from scrapeclean.io.units import Dump, FileEnd, FileStart


def _units(count, pulled):
    yield FileStart("c.jsonl", "jsonl")
    for number in range(count):
        pulled.append(number)
        yield Dump(path="c.jsonl", text=messy_dump(f"Story number {number}"), line=number + 1, ident=number)
    yield FileEnd("c.jsonl")


def test_parallel_cleaning_reads_ahead_at_most_a_window_and_keeps_order():
    pulled: list[int] = []
    ahead = []
    results = []
    for unit, outcome in clean_units(_units(30, pulled), default_pipeline(), jobs=2, window=5):
        if isinstance(unit, Dump):
            results.append((unit.ident, outcome))
            ahead.append(len(pulled) - len(results))
    assert [ident for ident, _ in results] == list(range(30))
    assert max(ahead) <= 5
    single = [clean_text(messy_dump(f"Story number {number}"), default_pipeline()) for number in (0, 29)]
    assert [results[0][1], results[29][1]] == single


def test_outcome_text_is_the_stories_joined_by_the_story_break():
    outcome = Outcome(stories=("A\n\nB", "C"), removals=())
    assert outcome.text == "A\n\nB\n\n\f\n\nC"


def test_summary_lists_counts_and_removals_by_pass_and_reason():
    tally = Tally()
    tally.files, tally.changed, tally.failed = 2, 1, 1
    tally.add(Outcome(stories=("x",), removals=(("remove-site-chrome", "ui-phrase", 3), ("dedup-captions", "x", 1))))
    stream = io.StringIO()
    Reporter(stream=stream).close(tally, "would change")
    lines = stream.getvalue().splitlines()
    assert lines[0] == "scrapeclean: 2 files, 1 dump cleaned: 1 would change, 1 failed"
    assert lines[1:] == [
        "removed blocks by pass and reason:",
        "  remove-site-chrome/ui-phrase  3",
        "  dedup-captions/x              1",
    ]
    quiet = io.StringIO()
    Reporter(quiet=True, stream=quiet).close(tally)
    assert quiet.getvalue() == ""


def test_progress_bar_only_when_asked_or_on_a_terminal_and_messages_pass_through_it():
    plain = io.StringIO()
    reporter = Reporter(stream=plain)
    reporter.tick()
    reporter.message("error: x")
    reporter.close()
    assert plain.getvalue() == "error: x\n"
    shown = io.StringIO()
    reporter = Reporter(progress=True, stream=shown)
    reporter._bar.delay = 0  # show at once for the test
    for _ in range(3):
        reporter.tick()
    reporter.message("warning: y")
    reporter.close()
    assert "warning: y" in shown.getvalue() and "3" in shown.getvalue() and "dumps" in shown.getvalue()


def test_fix_refuses_to_write_back_a_guessed_encoding_that_does_not_round_trip(tmp_path):
    from scrapeclean.corpus.rewrite import RewriteOptions, Rewriter
    from scrapeclean.io.encoding import Decoded

    path = tmp_path / "odd.txt"
    path.write_bytes(b"original bytes\n")
    decoded = Decoded(messy_dump(), "cp1252", guessed=True, reversible=False)
    stream = io.StringIO()
    tally = Tally()
    rewriter = Rewriter(RewriteOptions(fix=True), io.StringIO(), Reporter(stream=stream), tally)
    dump = Dump(path=str(path), text=decoded.text, decoded=decoded)
    rewriter.run(
        [
            (FileStart(str(path), "text"), None),
            (dump, clean_text(decoded.text, default_pipeline())),
            (FileEnd(str(path)), None),
        ]
    )
    assert "does not give the same bytes back; not rewritten" in stream.getvalue()
    assert path.read_bytes() == b"original bytes\n"
    assert (tally.failed, tally.changed) == (1, 0)


def test_engine_threads_give_what_one_thread_gives_in_input_order():
    from scrapeclean import Pipeline
    from scrapeclean.engine import engine_passes
    from scrapeclean.passes import DedupCaptions

    pipeline = Pipeline([DedupCaptions()])
    assert engine_passes(pipeline) is not None  # the threaded path is the one under test
    one = [outcome for _, outcome in clean_units(_units(40, []), pipeline, jobs=1, articles=True)]
    two = [outcome for _, outcome in clean_units(_units(40, []), pipeline, jobs=2, articles=True, window=7)]
    assert one == two and sum(outcome is not None for outcome in one) == 40


def test_removed_text_rides_along_in_the_article_records(tmp_path):
    dump = tmp_path / "page.txt"
    dump.write_text(messy_dump("Harbour story"), encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["clean", "--format", "jsonl", "--removed-text", "-q", str(dump)]) == 0
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    removed = [record for article in records for record in article["removed"]]
    assert removed and all(record["text"] for record in removed)
    raw = dump.read_text(encoding="utf-8")
    assert all(raw[record["start"] : record["end"]] == record["text"] for record in removed)


def test_outcomes_and_records_read_off_the_engine_columns_equal_those_of_the_articles():
    from pathlib import Path

    from cli_support import two_stories

    from scrapeclean import clean
    from scrapeclean.corpus.work import WITH_REMOVED_TEXT, _engine_columns, outcome_of, outcome_of_columns

    cases = Path(__file__).parent / "cases"
    texts = [path.read_text(encoding="utf-8") for path in sorted(cases.glob("*.txt"))]
    texts += [
        two_stories(),
        messy_dump(extra="\udcff lone surrogate"),  # handed to the engine as U+FFFD
        "Menu\nHome\nShare on Facebook\n",  # nothing kept: no story and no removal counted
        "",
    ]
    pipeline = default_pipeline()
    columns = _engine_columns(texts, pipeline, 2)
    assert columns is not None
    for text, found in zip(texts, columns):
        cleaned = clean(text, pipeline=pipeline)
        for form in (False, True, WITH_REMOVED_TEXT):
            expected, made = outcome_of(cleaned, form), outcome_of_columns(text, found, form)
            assert made == expected
            assert json.dumps(made.articles) == json.dumps(expected.articles)  # the same keys in the same order
    assert any(len(outcome_of_columns(text, found).stories) > 1 for text, found in zip(texts, columns))


GERMAN_WITH_CREDIT = (
    "Menu\nHome\nÜber uns — Café\nSturm über der Küste: Häuser zerstört\n"
    "   Der Sturm zog in der Nacht über die Küste und deckte Dächer ab, berichteten die Behörden am Morgen.  \n"
    "Die zerstörte Promenade am Morgen (Foto: Jörg Müller/dpa)\n"
    '   Die Aufräumarbeiten werden Wochen dauern, sagte der Bürgermeister der Stadt "Kiel" am Dienstag.\x07\\  \n'
)


def test_the_engines_outcomes_and_json_records_are_those_of_the_articles_to_the_byte():
    from pathlib import Path

    from cli_support import two_stories

    from scrapeclean import _engine, clean
    from scrapeclean.corpus.output import json_line
    from scrapeclean.corpus.work import WITH_REMOVED_TEXT, _outcome_of_kept, outcome_of
    from scrapeclean.engine import engine_passes
    from scrapeclean.handoff import built

    cases = Path(__file__).parent / "cases"
    texts = [path.read_text(encoding="utf-8") for path in sorted(cases.glob("*.txt"))]
    texts += [two_stories(), GERMAN_WITH_CREDIT, "Menu\nHome\nShare on Facebook\n", ""]
    pipeline = default_pipeline()
    passes = built(engine_passes(pipeline))
    credits = []
    for form in (False, True, WITH_REMOVED_TEXT):
        rows = _engine.clean_many_outcomes(texts, passes, 2, bool(form), form == WITH_REMOVED_TEXT)
        for text, row in zip(texts, rows):
            expected = outcome_of(clean(text, pipeline=pipeline), form)
            assert _outcome_of_kept(row, form, written=False) == expected
            written = _outcome_of_kept(row, form, written=True)
            assert written.written == tuple(json_line(record) for record in expected.articles)
            assert (written.stories, written.removals, written.records) == expected[:3]
            if text == GERMAN_WITH_CREDIT:
                credits += [caption["credit"] for record in written.records for caption in record["captions"]]
    assert credits == ["Foto: Jörg Müller/dpa"] * 2  # a credit read by code points in a non-ASCII text


def _dumps_with(marked: int, mark: str, count: int = 12):
    yield FileStart("c.jsonl", "jsonl")
    for number in range(count):
        extra = mark if number == marked else ""
        yield Dump(path="c.jsonl", text=messy_dump(f"Story number {number}", extra), line=number + 1, ident=number)
    yield FileEnd("c.jsonl")


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_dump_the_engine_fails_on_is_the_only_one_of_its_batch_reported(monkeypatch, jobs):
    import scrapeclean.handoff as bridge  # where a corpus run finds the engine

    engine = bridge._engine

    class Failing:  # the engine, failing on any call that holds the marked dump
        def __getattr__(self, name):
            found = getattr(engine, name)

            def cleaning(texts, *args):
                if any("POISON" in text for text in ([texts] if isinstance(texts, str) else texts)):
                    raise RuntimeError("simulated defect")
                return found(texts, *args)

            return cleaning if name.startswith("clean") else found

    one = list(clean_units(_dumps_with(5, ""), default_pipeline(), jobs=1, articles=True))
    monkeypatch.setattr(bridge, "_engine", Failing())
    two = list(clean_units(_dumps_with(5, "POISON"), default_pipeline(), jobs=jobs, articles=True, window=8))
    assert [unit for unit, _ in two] == list(_dumps_with(5, "POISON"))  # every unit, in order
    failed = [unit.ident for unit, outcome in two if outcome is not None and outcome.error is not None]
    assert failed == [5] and "simulated defect" in two[6][1].error
    assert [outcome for _, outcome in two[:6] + two[7:]] == [outcome for _, outcome in one[:6] + one[7:]]


def test_an_html_document_among_text_dumps_fails_alone_and_the_rest_keep_their_order():
    units = list(_dumps_with(3, ""))
    units[4] = units[4]._replace(text="<!DOCTYPE html><html><body><p>A page, not a dump.</p></body></html>")
    one = list(clean_units(units, default_pipeline(), jobs=1, articles=True, window=1))
    two = list(clean_units(units, default_pipeline(), jobs=2, articles=True, written=True, window=4))
    assert [unit for unit, _ in two] == units
    assert [bool(outcome and outcome.error) for _, outcome in two] == [index == 4 for index in range(len(units))]
    assert [outcome and outcome.records for _, outcome in two] == [outcome and outcome.articles for _, outcome in one]


def test_two_threads_write_what_one_thread_writes_to_the_byte(tmp_path):
    from cli_support import two_stories

    records = [{"id": f"r{number}", "text": messy_dump(f"Story number {number}")} for number in range(20)]
    records[3] = {"title": "an input field named as an article key", "id": "r3", "text": two_stories()}
    records[7] = {"id": "r7", "text": messy_dump("Lone \udcff surrogate in the text")}
    records[8] = {"id": "r8 \udcff in the id", "text": messy_dump("Lone surrogate in the id — Küste")}
    records[9] = {"id": "r9", "score": 0.5, "tags": ["ä", None], "text": GERMAN_WITH_CREDIT}
    lines = [json.dumps(record) + "\n" for record in records]
    text = json.dumps(messy_dump("A field read as infinite"))
    lines[10] = f'{{"id": "r10", "title": 1e400, "text": {text}}}\n'  # the article's title replaces it
    lines[11] = f'{{"id": "r11", "score": 1e400, "text": {text}}}\n'  # not written
    (tmp_path / "a.jsonl").write_text("".join(lines))
    (tmp_path / "b.txt").write_text(GERMAN_WITH_CREDIT, encoding="utf-8")
    (tmp_path / "c.txt").write_text(messy_dump("Text file about the harbour"))

    def printed(*args: str) -> str:
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            main(["clean", "-q", "--no-config", *args, str(tmp_path)])
        return out.getvalue()

    for args in (["--format", "jsonl"], ["--format", "jsonl", "--removed-text"], ["--format", "json"], []):
        one = printed(*args, "-j", "1")
        assert printed(*args, "-j", "2") == one and one
    lines = printed("--format", "jsonl", "-j", "2").splitlines()
    assert len(lines) == 22 and all(json.loads(line) for line in lines)
    assert [json.loads(line)["id"] for line in lines[11:13]] == ["r10", "r12"]
    assert '"title": "Council approves the new river bridge"' in lines[3]  # the article's title, not the field's
    assert "\\udcff" in lines[8] and "\\udcff" in lines[9]  # kept escaped, as the input had it
