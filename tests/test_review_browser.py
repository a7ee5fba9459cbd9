"""The ``review`` page in a real browser: headless Chromium driven by Playwright.

Each test opens a page built from a small corpus and checks the DOM after
every step a reviewer takes. The tests skip, saying why, when Playwright or
Chromium is missing (``.ci/run`` installs both). The last test also writes
the screenshots shown in docs/cli.md.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from cli_support import PARAGRAPHS, corpus_dir, messy_dump, scrapeclean, two_stories

import scrapeclean as scrapeclean_library

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")


def _chromium() -> str | None:
    """The browser to drive: ``$CHROMIUM`` when set, else Debian's chromium."""
    named = os.environ.get("CHROMIUM")
    candidates = [named] if named else ["/usr/bin/chromium", shutil.which("chromium")]
    return next((path for path in candidates if path and os.path.exists(path)), None)


CHROMIUM = _chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium, or set CHROMIUM to its path)"
)

DOCS = Path(__file__).resolve().parent.parent / "docs"
HOSTILE = '</script><img src=x onerror="document.title=1">'

BUSY_PAGE = (
    "Menu\nHome\nNews\nSport\nShare on Facebook\nShare on Twitter\nNew ferry timetable for the islands\nBy Anna Berg\n"
    + "\n".join(PARAGRAPHS)
    + f"\n{PARAGRAPHS[0]}\nRelated articles\nNight buses to run on weekends from May\n"
    "Parking charges rise for the first time in ten years\nSign up for our newsletter\n"
)


def _records() -> list[dict[str, str]]:
    return [
        {"id": "first", "text": messy_dump()},
        {"id": "second", "text": messy_dump("Harbour festival draws record crowds")},
        {"id": HOSTILE, "text": BUSY_PAGE},
        {"id": "fourth", "text": two_stories()},
        {
            "id": "astral",
            "text": messy_dump("Harbour \U0001f6a2 festival draws \U0001f389 record crowds", "\U0001f30a"),
        },
    ]


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM)
        yield launched
        launched.close()


@pytest.fixture
def review_page(tmp_path, browser):
    corpus = corpus_dir(tmp_path)
    (corpus / "part <1>.jsonl").write_text("".join(json.dumps(record) + "\n" for record in _records()))
    out = tmp_path / "review.html"
    result = scrapeclean("review", "corpus", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.err
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda message: problems.append(message.text) if message.type in ("error", "warning") else None)
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-ready=true]")
    yield page, problems, corpus
    context.close()


def _visible_texts(page, selector: str) -> list[str]:
    return [node.inner_text() for node in page.query_selector_all(selector) if node.is_visible()]


def test_open_go_to_the_third_record_expand_hide_filter_mark_and_export(review_page, tmp_path):
    page, problems, _ = review_page
    # Opened: the table of contents lists every record, the first is shown.
    assert len(page.query_selector_all("#toc tbody tr")) == len(_records())
    assert page.inner_text("#record .where").endswith("part <1>.jsonl:1")
    assert page.title() == "scrapeclean review: corpus"

    # The third record, by keyboard: n twice.
    page.keyboard.press("n")
    page.keyboard.press("n")
    assert page.inner_text("#record .where").endswith(":3")
    assert page.inner_text("#record .ident") == f"id {HOSTILE}"
    assert page.get_attribute("#toc tr.current", "data-record") == "2"
    assert _visible_texts(page, "#record .kept.role-title .text") == ["New ferry timetable for the islands"]
    assert _visible_texts(page, "#record .block.removed") == []

    # Expand the first collapsed run: its summary line counts what it holds.
    first_run = page.query_selector("#record .run")
    summary = first_run.query_selector(".run-line").inner_text()
    first_run.query_selector(".run-line").click()
    assert "open" in first_run.get_attribute("class")
    shown = [node for node in first_run.query_selector_all(".block.removed") if node.is_visible()]
    assert summary.startswith(f"{len(shown)} lines removed: ") and "remove-site-chrome/ui-phrase \u00d7" in summary
    assert shown[0].query_selector("del").inner_text() == "Menu"

    # A reference such as "copy of block 8" links to that block.
    reference = page.query_selector('#record .removed a.ref[data-block="8"]')
    assert reference is not None and reference.inner_text() == "8"

    # Hide removed text: runs disappear, kept text stays.
    page.check("#hide-removed")
    assert _visible_texts(page, "#record .run-line") == [] and _visible_texts(page, "#record .block.removed") == []
    assert len(_visible_texts(page, "#record .block.kept")) == len(scrapeclean_library.process(BUSY_PAGE).kept())
    page.uncheck("#hide-removed")

    # Filter by one reason: only records and blocks removed for it remain.
    page.select_option("#filter", "collapse-repeated-blocks/repeated-block")
    visible_rows = [
        row.get_attribute("data-record") for row in page.query_selector_all("#toc tbody tr") if row.is_visible()
    ]
    assert visible_rows == ["2"]
    blocks = [node for node in page.query_selector_all("#record .block") if node.is_visible()]
    assert [node.query_selector(".label").inner_text() for node in blocks] == [
        "collapse-repeated-blocks/repeated-block"
    ]
    assert page.is_disabled("#next") and page.is_disabled("#previous")

    # Mark that block "should have been kept" and export the marks.
    blocks[0].hover()
    blocks[0].query_selector(".mark-button").click()
    assert blocks[0].get_attribute("data-marked") == "keep"
    assert page.inner_text("#mark-count") == "1 mark"
    with page.expect_download() as download:
        page.click("#export")
    marks_file = tmp_path / "marks.jsonl"
    download.value.save_as(marks_file)
    (mark,) = [json.loads(line) for line in marks_file.read_text().splitlines()]
    start = BUSY_PAGE.index(PARAGRAPHS[0], BUSY_PAGE.index(PARAGRAPHS[0]) + 1)
    assert mark["id"] == HOSTILE and mark["mark"] == "keep" and mark["line"] == 3
    assert mark["span"] == [start, start + len(PARAGRAPHS[0])] and mark["text"] == PARAGRAPHS[0]
    assert problems == []

    # The marks become a golden case.
    cases = tmp_path / "cases"
    cases.mkdir()
    result = scrapeclean("cases", str(marks_file), "-o", str(cases), cwd=tmp_path)
    assert result.returncode == 0, result.err
    (expectation,) = cases.glob("*.json")
    assert expectation.with_suffix(".txt").read_text() == BUSY_PAGE
    assert json.loads(expectation.read_text())["articles"][0]["body"] == [*PARAGRAPHS, PARAGRAPHS[0]]


def test_table_of_contents_chart_and_links_lead_to_records_and_blocks(review_page):
    page, problems, _ = review_page
    page.click('#toc a[href="#r3"]')
    assert page.inner_text("#record .where").endswith(":4")
    assert [node.text_content() for node in page.query_selector_all("#record .story-label")] == ["story 1", "story 2"]
    page.click('#chart rect[data-record="2"]')
    assert page.inner_text("#record .where").endswith(":3")
    page.keyboard.press("p")
    assert page.inner_text("#record .where").endswith(":2")
    page.keyboard.press("n")
    assert page.inner_text("#record .where").endswith(":3")
    # The browser's back button goes back through the records seen.
    page.go_back()
    sync_api.expect(page.locator("#record .where")).to_have_text(re.compile(r":2$"))
    page.go_forward()
    sync_api.expect(page.locator("#record .where")).to_have_text(re.compile(r":3$"))
    # Following "copy of block 8" opens the run holding the copy's reference and shows block 8.
    page.click('#record .run:has(a.ref[data-block="8"]) .run-line')
    page.click('#record a.ref[data-block="8"]')
    assert page.query_selector("#r2-b8").is_visible()
    # j/k move through blocks and runs; o opens a run, m marks a block.
    page.keyboard.press("j")
    assert "run-line" in page.get_attribute("#record .cursor", "class")
    page.keyboard.press("o")
    assert "open" in page.get_attribute("#record .run", "class")
    page.keyboard.press("j")
    page.keyboard.press("m")
    assert page.get_attribute("#record .cursor", "data-marked") == "keep"
    assert page.inner_text("#mark-count") == "1 mark"
    assert problems == []


def test_text_beyond_the_basic_plane_is_cut_at_the_right_places(review_page):
    page, problems, _ = review_page
    page.click('#toc a[href="#r4"]')
    text = _records()[4]["text"]
    document = scrapeclean_library.process(text)
    kept = [block.text for block in document.kept()]
    assert [node.inner_text() for node in page.query_selector_all("#record .block.kept .text")] == kept
    page.click("#record .run-line")
    removed = [block.text for block in itertools.takewhile(lambda block: block.removal is not None, document.blocks)]
    assert [node.inner_text() for node in page.query_selector_all("#record .run.open del")] == removed
    assert problems == []


def test_screenshots_for_the_documentation(review_page, tmp_path):
    # The pictures in docs/ are taken again with SCRAPECLEAN_UPDATE_DOCS=1; a plain test run leaves the checkout as it was.
    folder = DOCS if os.environ.get("SCRAPECLEAN_UPDATE_DOCS") == "1" else tmp_path
    page, problems, _ = review_page
    page.keyboard.press("n")
    page.keyboard.press("n")
    page.click('#record .run:has(a.ref[data-block="8"]) .run-line')
    page.screenshot(path=str(folder / "review.png"))
    page.select_option("#filter", "remove-site-chrome/ui-phrase")
    page.screenshot(path=str(folder / "review-filter.png"))
    assert (folder / "review.png").stat().st_size > 10_000 and problems == []
