"""The command line as a user runs it: clean, check, fix, exit codes, the text round trip."""

from __future__ import annotations

import json
import os
import stat

import pytest
from cli_support import corpus_dir, messy_dump, scrapeclean

import scrapeclean as library
from scrapeclean.assemble import STORY_BREAK


@pytest.fixture
def corpus(tmp_path):
    return corpus_dir(tmp_path)


def test_clean_prints_the_text_form_and_cleaning_it_again_changes_nothing(corpus):
    page = corpus / "page.txt"
    page.write_text(messy_dump())
    first = scrapeclean("clean", str(page))
    assert first.returncode == 0, first.err
    assert first.stdout.decode() == library.to_text(library.clean(messy_dump())) + "\n"
    assert b"Share on Facebook" not in first.stdout and b"   " not in first.stdout
    (corpus / "cleaned.txt").write_bytes(first.stdout)
    again = scrapeclean("clean", str(corpus / "cleaned.txt"))
    assert again.stdout == first.stdout


def test_stories_of_several_inputs_are_separated_so_the_cleaner_splits_them_again(corpus):
    (corpus / "a.txt").write_text(messy_dump("Council approves the new river bridge"))
    (corpus / "b.txt").write_text(messy_dump("Harbour festival draws record crowds", "The harbour was full."))
    joined = scrapeclean("clean", str(corpus / "a.txt"), str(corpus / "b.txt"))
    assert joined.stdout.count(STORY_BREAK.encode()) == 1
    again = scrapeclean("clean", "-", stdin=joined.stdout)
    assert again.stdout == joined.stdout
    records = [
        json.loads(line)
        for line in scrapeclean("clean", "--format", "jsonl", "-", stdin=joined.stdout).stdout.splitlines()
    ]
    assert [record["index"] for record in records] == [0, 1]


def test_json_and_jsonl_formats_carry_the_article_keys_and_the_source(corpus):
    page = corpus / "page.txt"
    page.write_text(messy_dump())
    lines = scrapeclean("clean", "--format", "jsonl", str(page)).stdout.decode().splitlines()
    records = [json.loads(line) for line in lines]
    assert records and all(record["source"] == str(page) for record in records)
    assert set(records[0]) >= {"index", "title", "body", "text", "spans", "removed", "captions"}
    whole = json.loads(scrapeclean("clean", "--format", "json", str(page)).stdout)
    assert whole == records
    assert json.loads(scrapeclean("clean", "--format", "json", "-", stdin=b"").stdout) == []


def test_check_exit_codes_and_listing(corpus):
    messy, tidy = corpus / "messy.txt", corpus / "tidy.txt"
    messy.write_text(messy_dump())
    tidy.write_text(library.to_text(library.clean(messy_dump())) + "\n")
    assert scrapeclean("check", str(tidy)).returncode == 0
    result = scrapeclean("check", str(corpus))
    assert result.returncode == 1
    assert result.stdout.decode().splitlines() == [f"would change {messy}"]
    assert "1 would change, 0 failed" in result.err


def test_check_diff_is_a_unified_diff_of_the_file(corpus):
    messy = corpus / "messy.txt"
    messy.write_text(messy_dump())
    result = scrapeclean("check", "--diff", str(messy))
    assert result.returncode == 1
    diff = result.stdout.decode()
    assert diff.startswith(f"--- {messy}\n+++ {messy} (cleaned)\n@@ ")
    assert "\n-Share on Facebook\n" in diff and "\n+The town council voted" in diff


def test_a_missing_final_newline_counts_as_a_change_that_fix_adds(corpus):
    page = corpus / "page.txt"
    page.write_text(library.to_text(library.clean(messy_dump())))
    result = scrapeclean("check", "--diff", str(page))
    assert result.returncode == 1 and "\\ No newline at end of file" in result.out
    assert scrapeclean("fix", str(page)).returncode == 0
    assert page.read_bytes().endswith(b".\n") and scrapeclean("check", str(page)).returncode == 0


def test_check_fix_check_round_trip_on_a_directory(corpus):
    (corpus / "nested" / "deeper").mkdir(parents=True)
    files = {
        "a.txt": messy_dump().encode(),
        "nested/b.txt": messy_dump("Harbour festival draws record crowds").replace("\n", "\r\n").encode(),
        "nested/deeper/c.txt": b"\xef\xbb\xbf" + messy_dump("Snow closes the mountain pass").encode(),
        "nested/notes.md": b"Menu\n  not a dump  \n",
    }
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    os.chmod(corpus / "a.txt", 0o640)
    before = scrapeclean("check", str(corpus))
    assert before.returncode == 1 and len(before.stdout.splitlines()) == 3
    fixed = scrapeclean("fix", str(corpus))
    assert fixed.returncode == 0, fixed.err
    assert sorted(fixed.stdout.decode().splitlines()) == sorted(f"fixed {corpus / name}" for name in list(files)[:3])
    after = scrapeclean("check", str(corpus))
    assert (after.returncode, after.stdout) == (0, b""), after.stdout
    assert scrapeclean("fix", str(corpus)).stdout == b""
    assert stat.S_IMODE((corpus / "a.txt").stat().st_mode) == 0o640
    assert b"\r\n" in (corpus / "nested/b.txt").read_bytes() and b"\n\n" not in (corpus / "nested/b.txt").read_bytes()
    assert (corpus / "nested/deeper/c.txt").read_bytes().startswith(b"\xef\xbb\xbfSnow closes")
    assert (corpus / "nested/notes.md").read_bytes() == files["nested/notes.md"]
    assert sorted(os.listdir(corpus / "nested")) == ["b.txt", "deeper", "notes.md"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["check"], "the following arguments are required"),
        (["clean", "--format", "xml", "x"], "invalid choice"),
        (["check", "absent.txt"], "absent.txt: no such file or directory"),
        (["fix", "-"], "cannot take standard input"),
        (["clean", "-j", "-1", "-"], "must be 0 (every core) or more"),
        (["frobnicate"], "invalid choice"),
        (["check", "page.wet"], "a WARC archive is the record of what was fetched and is never rewritten"),
        (["clean", "--disable", "no-such-pass", "page.txt"], "no pass named 'no-such-pass'"),
        (["clean", "--set", "dedup-captions.no-such-setting=1", "page.txt"], "has no setting 'no-such-setting'"),
    ],
)
def test_usage_errors_exit_2_with_a_message(corpus, args, message):
    (corpus / "page.txt").write_text("Hello\n")
    (corpus / "page.wet").write_text("")
    result = scrapeclean(*args, cwd=corpus)
    assert result.returncode == 2, result.err
    assert message in result.err


def test_summary_counts_removals_per_pass_and_reason_and_quiet_hides_it(corpus):
    page = corpus / "page.txt"
    page.write_text(messy_dump())
    removed = [item for article in library.clean(messy_dump()) for item in article.removed]
    assert removed, "the fixture dump should have something removed"
    result = scrapeclean("clean", str(page))
    assert "1 file, 1 dump cleaned: 1 changed, 0 failed" in result.err
    for item in removed:
        assert f"{item.pass_name}/{item.reason}" in result.err
    quiet = scrapeclean("clean", "--quiet", str(page))
    assert quiet.stderr == b"" and quiet.stdout == result.stdout


def test_a_file_cleaning_keeps_nothing_of_is_reported_and_left_alone_unless_asked(corpus):
    chrome = "Menu\nHome\nShare on Facebook\nShare on Twitter\n"
    assert library.to_text(library.clean(chrome)) == "", "precondition: every line of this dump is chrome"
    page = corpus / "chrome.txt"
    page.write_text(chrome)
    check = scrapeclean("check", str(page))
    assert check.returncode == 0 and "cleaning keeps nothing; left as is" in check.err
    assert scrapeclean("fix", str(page)).returncode == 0 and page.read_text() == chrome
    assert scrapeclean("check", "--allow-empty", str(page)).returncode == 1
    assert scrapeclean("fix", "--allow-empty", str(page)).returncode == 0 and page.read_bytes() == b""


def test_configuration_from_the_nearest_pyproject_and_command_line_overrides(tmp_path, corpus):
    page = corpus / "page.txt"
    page.write_text(messy_dump())
    (corpus / "pyproject.toml").write_text("[tool.scrapeclean]\npasses = []\n")
    untouched = scrapeclean("clean", str(page)).stdout.decode()
    assert "Share on Facebook" in untouched and "Menu" in untouched
    default = scrapeclean("clean", "--no-config", str(page))
    assert "Share on Facebook" not in default.out and "remove-site-chrome/" in default.err
    other = tmp_path / "other.toml"
    other.write_text("[tool.scrapeclean]\ndisable = ['remove-site-chrome']\n")
    other.write_text(other.read_text() + "[tool.scrapeclean.settings.dedup-captions]\nmin-words = 5\n")
    without_chrome_pass = scrapeclean("clean", "--config", str(other), str(page))
    assert without_chrome_pass.returncode == 0 and "remove-site-chrome/" not in without_chrome_pass.err
    wrong = scrapeclean("clean", "--no-config", "--set", "dedup-captions.min-words=five", str(page))
    assert wrong.returncode == 2 and "setting dedup-captions.min-words must be of type int" in wrong.err
    (corpus / "pyproject.toml").write_text("[tool.scrapeclean]\ntext_field = 'body'\n")
    result = scrapeclean("clean", str(page))
    assert result.returncode == 2 and "unknown key 'text_field'" in result.err and "pyproject.toml" in result.err
