"""The engine's DOM evidence (``_engine.read_html``) against evidence.py over the same walk.

The engine's ``html/evidence.rs`` is a port of :func:`scrapeclean.page.evidence.marks` and
:func:`~scrapeclean.page.evidence.content`; :func:`scrapeclean.page.read_html` reads the port's marks
and content blocks and no longer builds a Python object per block for them. These tests hold the port
to ``evidence.py`` over the engine's own walk of a page (:func:`scrapeclean.page.engine_read_page`):
first on small pages that each exercise one rule, then on walks of any shape (where the thresholds'
edges are hit), then on every AEB and WCXB development page in ``../shared/data`` (skipped when that
is absent). Run with ``-s`` to see the corpus report.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrapeclean import _engine
from scrapeclean.page import _engine_read_html, engine_read_page, read_html
from scrapeclean.page.evidence import COMMENT_THREAD, DIALOG, LINK_LIST, TEASER_CARDS, Mark, content, marks
from scrapeclean.page.walk import IN_ARTICLE, IN_LIST, IN_MAIN, IN_NAV, IN_PRE, IN_TABLE, PARAGRAPH, Walk, walk_of_rows

from html_support import SETS, corpus_report



def engine_evidence(html: str) -> tuple[list[Mark], list[int]]:
    """The engine's marks and content blocks for a page, as :func:`read_html` takes them."""
    _, _, _, _, found_marks, found_content = _engine_read_html(html, None)
    return found_marks, found_content


def python_evidence(found: Walk) -> tuple[list[Mark], list[int]]:
    found_marks = marks(found)
    return found_marks, content(found, found_marks)


def difference(html: str) -> str | None:
    """Where the engine's evidence on a page first parts from evidence.py's over the same walk (None: equal)."""
    found, _ = engine_read_page(html)
    body = _engine_read_html(html, None)[0]
    if [line for line in body.split("\n") if line] != [block.text for block in found.blocks]:
        return "the rendered text's lines are not the walk's blocks"
    expected, engine = python_evidence(found), engine_evidence(html)
    pairs: list[tuple[str, list[Any], list[Any]]] = [("marks", expected[0], engine[0])]
    for name, mine, theirs in [*pairs, ("content", expected[1], engine[1])]:
        if mine != theirs:
            first = next((index for index, (one, other) in enumerate(zip(mine, theirs)) if one != other), None)
            if first is None:
                return f"{name}: evidence.py {len(mine)} != engine {len(theirs)}"
            return f"{name}[{first}]: evidence.py {mine[first]!r} != engine {theirs[first]!r}"
    return None


def story(sentences: int) -> str:
    """A paragraph of sentences of ten words (50 characters each, the last without its space)."""
    return "<p>" + "The river rose all night and the town watched it. " * sentences + "</p>"


CARD = "<div class=card><a href=/a>A linked headline of a story</a><p>An excerpt.</p></div>"
RECORD = "<li><div><a href=/j>Cook wanted</a></div><div><a href=/l>Leeds</a></div><div><a>Full time</a></div></li>"
RAIL_ITEM = "<div class=rail><a href=/n><span>Another headline of the day</span><ul><li>By Staff</li><li>11/20</li></ul></a></div>"
ROW = "<tr><td>Leeds United</td><td>17</td><td>42</td></tr>"
POST = "<div class=comment>" + story(4) + "</div>"

# Each page with the reasons it must get (block index, reason), so a port that marked nothing fails.
RULES: dict[str, tuple[str, list[tuple[int, str]]]] = {
    "layout parts, not the h1": (
        "<nav><a href=/>Home</a><h1>Site</h1></nav><main>" + story(8) + "</main><footer>About us</footer>",
        [(0, "page-navigation"), (3, "page-footer")],
    ),
    "a wrapper round the page": ("<form>" + story(8) + "<p>Sign in</p></form>", []),
    "a layout part holding the story": ("<aside>" + story(3) + "</aside><p>Short</p>", []),
    "link lists": (
        story(8) + "<ul><li><a href=/1>One</a></li><li><a href=/2>Two</a></li><li><a href=/3>Three</a></li></ul>"
        "<p>By the editors</p><ul><li><a href=/p>Previous</a></li><li><a href=/n>Next</a></li></ul>",
        [(1, LINK_LIST), (2, LINK_LIST), (3, LINK_LIST)],
    ),
    "listing records": ("<p>Jobs</p><ul>" + RECORD * 4 + "</ul>", []),
    "teaser cards beside a story": (
        "<article>" + story(8) + "</article><div>" + CARD * 4 + "</div>",
        [(index, TEASER_CARDS) for index in range(1, 9)],
    ),
    "cards with no story: a listing": ("<div>" + CARD * 4 + "</div>", []),
    "a footer's long notice under a story of short paragraphs": (
        "<h1>A story</h1>" + story(1) * 10 + "<footer>" + story(8) + "</footer>",
        [(11, "page-footer")],
    ),
    "a sidebar holding the story's sentences is its frame": (
        "<h1>A story</h1><div class=sidebar>" + story(8) + story(4) + "</div><footer>" + story(1) + "</footer>",
        [(3, "page-footer")],
    ),
    "a rail of wholly linked items below a story": (
        "<h1>A short story</h1>" + story(8) + "<div>" + RAIL_ITEM * 3 + "</div>",
        [(index, LINK_LIST) for index in range(2, 11)],
    ),
    "wholly linked items under a headline with no story: a listing": (
        "<h1>Latest</h1><p>All of today's stories.</p><div>" + RAIL_ITEM * 3 + "</div>",
        [],
    ),
    "cards inside the story": ("<article>" + story(8) + "<div>" + CARD * 4 + "</div></article>", []),
    "a forum thread": ("<div class=comments>" + POST * 3 + "</div><footer>Site</footer>", [(3, "page-footer")]),
    "comments under a story": (
        story(8) + "<div class=comments><div class=comment><p>Nice.</p></div></div>",
        [(1, COMMENT_THREAD)],
    ),
    "a dialog beside a story": (story(8) + "<div role=dialog>" + story(20) + "</div>", [(1, DIALOG)]),
    "a dialog that is the page": ("<p>Hi</p><dialog>" + story(20) + "</dialog>", []),
    "a box named related holding the page": ("<div id=related>" + story(20) + "</div>" + story(2), []),
    "a nav section inside the article": (
        "<article><h1>T</h1>" + story(8) + "<div class=nav>" + story(8) + "</div></article>",
        [],
    ),
    "a menu inside the article": (
        "<article><h1>T</h1>" + story(8) + "<div class=nav><p>Home</p></div></article>",
        [(2, "page-navigation")],
    ),
    "a data table and pre lines": (
        "<article>" + story(8) + "</article><table>" + ROW * 5 + "</table><pre>x = 1\ny = 2</pre>",
        [],
    ),
    "a table of links": (
        "<table>" + "<tr><td><a href=/a>Leeds United</a></td><td><a href=/b>Results</a></td></tr>" * 5 + "</table>",
        [],
    ),
}


@pytest.mark.parametrize("html, reasons", RULES.values(), ids=RULES.keys())
def test_engine_evidence_matches_evidence_py_on_each_rule(html: str, reasons: list[tuple[int, str]]) -> None:
    assert difference(html) is None
    found_marks, _ = engine_evidence(html)
    assert [(index, reason) for index, reason, _ in found_marks] == reasons


def test_the_content_rules_are_exercised() -> None:
    _, found = engine_evidence(RULES["a data table and pre lines"][0])
    assert found == list(range(18))  # the story, 15 cells, two lines of pre
    _, links = engine_evidence(RULES["a table of links"][0])
    assert links == []
    _, inside = engine_evidence(RULES["layout parts, not the h1"][0])
    assert inside == [2]


def test_read_html_takes_the_engine_evidence() -> None:
    html = "<title>Rain</title><nav><a href=/>Home</a></nav><main><h1>Rain</h1>" + story(8) + "</main>"
    page = read_html(html)
    assert page.text.split("\n\n")[:3] == ["Rain", "Home", "Rain"]
    reasons = [(index, reason) for index, reason, _ in page.marks]
    assert reasons == [(0, "page-title"), (1, "page-navigation"), (2, "page-title")]
    assert page.content == [2, 3]


# Walks of any shape: few words and blocks, so that the shares and thresholds are met, missed and tied.
_FLAGS = st.lists(st.sampled_from([IN_LIST, IN_TABLE, IN_ARTICLE, IN_MAIN, IN_NAV, IN_PRE]), max_size=3).map(sum)
_REASONS = [
    *("page-navigation", "page-footer", "page-aside", "form", DIALOG),
    *("related-content", "promotion", COMMENT_THREAD),
]


@st.composite
def walk_rows(draw: Any) -> Any:
    """The rows of a walk (see ``_engine.walk_html``)."""
    count = draw(st.integers(0, 14))
    blocks = []
    for _ in range(count):
        words = draw(st.integers(1, 14))
        text = " ".join(draw(st.sampled_from(["a", "word", "é", "sentences"])) for _ in range(words))
        text = draw(st.sampled_from(["", "", "", "x" * 290])) + text
        link_chars = draw(st.sampled_from([0, len(text), len(text) * 9 // 10, draw(st.integers(0, len(text)))]))
        level, region = draw(st.sampled_from([0, 0, 1, 2])), draw(st.integers(0, 2))
        blocks.append((text, PARAGRAPH, "p", level, draw(_FLAGS), link_chars, region))
    spans = st.tuples(st.integers(0, count), st.integers(0, count)).map(sorted)
    containers = [
        (draw(st.sampled_from(_REASONS)), "detail", *draw(spans)) for _ in range(draw(st.integers(0, 4)))
    ]
    items = []
    for group in range(1, draw(st.integers(1, 3))):
        start = draw(st.integers(0, count))
        for _ in range(draw(st.integers(0, 8))):
            end = min(count, start + draw(st.integers(0, 2)))
            items.append((group, start, end))
            start = end
    return blocks, containers, items


@given(walk_rows())
def test_engine_evidence_matches_evidence_py_on_any_walk(rows: Any) -> None:
    assert _engine.walk_evidence(rows) == python_evidence(walk_of_rows(rows))


@pytest.mark.parametrize("name", SETS)
def test_engine_evidence_matches_evidence_py_on_the_benchmark_pages(name: str) -> None:
    identical, pages, found = corpus_report(name, difference)
    print(f"\n{name}: {identical} of {pages} pages identical", *found, sep="\n  ")
    assert not found, "\n".join(found)
