"""HTML in: a page's DOM read into the same blocks, model and passes as a dump.

:func:`read_html` parses a page and walks its DOM into blocks in the engine
(``engine/src/html``, a port of :mod:`.walk`, which stays as the reference the
port is held to), one block per line of text, and renders them as the text
the cleaning reads: the page's title first, then every block in document order,
a blank line before a paragraph-like block and a line break before a line-like
one. What the DOM shows of the blocks comes along as marks, removals made
before the passes run, under the pass name ``read-html``, and as the blocks of
the page's content; the engine weighs it too (``engine/src/html/evidence.rs``,
a port of :mod:`.evidence`, the reference it is held to), and hands back the
rendered text, the headings, the marks and the content blocks, not a row per
block. The page's metadata (:mod:`.metadata`, from the meta tags, JSON-LD
and title the engine reads off the same parse) comes along too.

:func:`clean_html` cleans that text with the marks laid on, exactly as
:func:`scrapeclean.clean` cleans a dump: the same passes decide captions,
copies, teasers, stories and roles. So every span of an article cleaned from
HTML points into :attr:`Page.text`, the text the blocks came from, not into the
HTML source.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

import attrs

from ..errors import InputError
from ..model import Article, Document, Span
from ..pipeline import Pipeline
from .decode import charset_of, decode_html, utf8_as_given
from .evidence import Mark
from .metadata import Head, Metadata, metadata_of, title_key
from .walk import IN_ARTICLE, IN_MAIN, IN_NAV, PARAGRAPH, Walk, place_streamed_segments, unhide, walk, walk_of_rows

__all__ = ["Page", "clean_html", "clean_pages", "process_page", "read_html", "charset_of"]

TITLE_REASON = "page-title"
# A page showing less text than this without its scripts ("Loading…", a cookie wall) is read with what they
# would reveal (hidden elements, noscript), when that holds REVEAL_GAIN times as much: Discourse forums and
# single-page sites with a preloader over a hidden body, in WCXB's development pages.
MIN_SHOWN_CHARS = 200
REVEAL_GAIN = 5
# Pages nesting their elements deeper than this are refused: parsing them takes time quadratic in the depth
# (200,000 nested divs, 2 MB, took minutes), and real pages nest a few dozen deep (browsers stop at 512).
MAX_NESTING = 4096
# Pages with a tag of more attributes than this are refused: parsers check each attribute of a tag against the
# others (100,000 on one element took 17 s); real tags hold a few dozen.
MAX_ATTRIBUTES = 10_000


class Page(NamedTuple):
    """A page read for cleaning: the text its blocks make, the DOM's marks on them, and its metadata.

    ``title_block`` is the index of the block that holds the page's title
    (rendered first from its metadata), or None when the page has no title;
    ``content`` the blocks the DOM puts in the page's content container.
    """

    text: str
    marks: list[Mark]
    metadata: Metadata
    url: str | None = None
    title_block: int | None = None
    content: list[int] = []  # blocks in the page's content container (see evidence.content)


def read_html(html: str | bytes, *, url: str | None = None, charset: str | None = None) -> Page:
    """Parse a page (a whole document, a fragment, broken markup) into the text to clean and its evidence.

    ``bytes`` are decoded as a browser would (``charset``, from an HTTP header,
    first; then the page's ``<meta>``; then UTF-8; then a guess). Only a page
    with no visible text at all is an :class:`~scrapeclean.InputError`.

    >>> page = read_html(b"<nav><a href=/>Home</a></nav><h1>Rain</h1><p>It rained.<br>All day.</p>")
    >>> page.text
    'Rain\\n\\nHome\\n\\nRain\\n\\nIt rained.\\nAll day.'
    >>> [(index, reason) for index, reason, _ in page.marks]
    [(0, 'page-title'), (1, 'page-navigation'), (2, 'page-title')]
    """
    if not isinstance(html, (str, bytes)):
        raise InputError(f"clean_html() takes str or bytes, not {type(html).__name__}")
    body, first_gap, heading_rows, head, dom_marks, dom_content = _engine_read_html(html, url, charset)
    if not body:
        raise InputError(f"{url or '<html>'}: the page has no visible text")
    headings = {index: Heading(line, level, flags) for index, line, level, flags in heading_rows}
    info = metadata_of(head, _headline(headings.values()), _shown_headings(headings.values()))
    if not info.title:
        return Page(body, dom_marks, info, url, None, dom_content)
    # The title goes first, on a line of its own; every block moves one line down.
    title = " ".join(info.title.split())
    found_marks = [(0, TITLE_REASON, "the page's title, from its metadata")]
    found_marks += [(index + 1, reason, detail) for index, reason, detail in dom_marks]
    in_content = [index + 1 for index in dom_content]
    # The title stands in the article's title, not its body; so does the h1 that repeats it.
    repeated = _repeated_title(title, body, headings)
    if repeated is not None:
        found_marks = sorted({*found_marks, (repeated + 1, TITLE_REASON, "the heading the page's title repeats")})
    gap = "\n\n" if first_gap == PARAGRAPH else "\n"
    return Page(title + gap + body, found_marks, info, url, 0, in_content)


def _repeated_title(title: str, body: str, headings: dict[int, Heading]) -> int | None:
    """The block of ``body`` that first repeats the page's title, when that block is a heading.

    Only the headings are keyed until one repeats the title, then the blocks
    before it: on most pages the heading comes early, and keying every block
    of a long page was a tenth of the time the reader took.
    """
    key = title_key(title)
    repeating = next((index for index, heading in headings.items() if title_key(heading.text) == key), None)
    if repeating is None:
        return None  # the first block that repeats the title, if any, is no heading
    # A block holds no line break, so a line is a block; the blocks before the heading are in its first lines.
    lines = (line for line in body.split("\n", 2 * repeating) if line)
    earlier = (line for _, line in zip(range(repeating), lines))
    return None if any(title_key(line) == key for line in earlier) else repeating


class Heading(NamedTuple):
    """A heading block of a page as :func:`read_html` reads it (see :class:`.walk.Block`)."""

    text: str
    level: int
    flags: int


def _engine_read_html(
    html: str | bytes, url: str | None, charset: str | None = None
) -> tuple[str, int, list[Any], Head, list[Mark], list[int]]:
    """What :func:`read_html` takes of a page from the engine: the text of its blocks, the first block's gap,
    its heading blocks (index, text, level, flags), its head, and the DOM's evidence on its blocks (marks and
    content blocks, the engine's port of :mod:`.evidence`; ``tests/test_html_evidence_engine.py`` holds it
    equal to :func:`.evidence.marks` and :func:`.evidence.content` over the engine's walk)."""
    from .. import _engine

    return _engine.read_html(_checked(html, url, charset), MIN_SHOWN_CHARS, REVEAL_GAIN)


def page_walk(tree: Any) -> Walk | None:
    """The walk of a parsed page that :func:`read_html` reads (None for a page with no body or root element).

    Its ``body`` walked after :func:`~.walk.place_streamed_segments`; when that
    shows next to nothing until scripts run, or its ``main`` element hides its
    content, what the scripts would reveal (see :data:`MIN_SHOWN_CHARS`).
    """
    root = tree.body if tree.body is not None else tree.root
    if root is None:
        return None
    place_streamed_segments(root)
    return chosen_walk(root, walk(root))


def chosen_walk(root: Any, found: Walk) -> Walk:
    """``found``, the walk of ``root``, or the walk of what the page's scripts would reveal (see :func:`page_walk`)."""
    if _chars(found) < MIN_SHOWN_CHARS:  # a page that shows next to nothing until scripts run
        revealed = walk(root, reveal=True)
        return revealed if _chars(revealed) > REVEAL_GAIN * _chars(found) else found
    if (shown := _chars(found, IN_MAIN)) < MIN_SHOWN_CHARS and _reveal_main(root, shown):
        return walk(root)  # a main element that hides its content until a script runs (an age gate, a fade-in)
    return found


def engine_page_walk(html: str, url: str | None = None) -> Walk:
    """:func:`page_walk` by the engine, over its own parse of ``html`` (see ``engine/src/html``): what the reader reads.

    ``tests/test_html_walk_engine.py`` holds it equal to :func:`page_walk`, the walk over lexbor's tree. A page
    nested past :data:`MAX_NESTING` or with a tag of more than :data:`MAX_ATTRIBUTES` attributes is an
    :class:`~scrapeclean.InputError` (``url`` names it), found by a scan of its tags before it is parsed.
    """
    return engine_read_page(html, url)[0]


def engine_read_page(html: str, url: str | None = None) -> tuple[Walk, Head]:
    """:func:`engine_page_walk`'s walk and what the page publishes about itself (:data:`.metadata.Head`: its meta
    tags, JSON-LD and title), from one parse. ``tests/test_html_metadata_engine.py`` holds the metadata read
    from it equal to that read off lexbor's tree."""
    from .. import _engine

    rows, head = _engine.read_page(_checked(html, url), MIN_SHOWN_CHARS, REVEAL_GAIN)
    return walk_of_rows(rows), head


def _checked(html: str | bytes, url: str | None, charset: str | None = None) -> str | bytes:
    """``html`` as the engine parses it; an :class:`~scrapeclean.InputError` for a page nested past
    :data:`MAX_NESTING` or with a tag of more than :data:`MAX_ATTRIBUTES` attributes.

    Bytes are decoded as :func:`.decode.decode_html` decodes them (``charset``
    from an HTTP header), except UTF-8 that it takes whole: those the engine reads as they are.
    """
    from .. import _engine
    from ..handoff import without_surrogates

    shape = _engine.html_shape(html) if isinstance(html, bytes) and utf8_as_given(html, charset) else None
    if shape is None:  # a str, or bytes to decode
        text = decode_html(html, charset)[0] if isinstance(html, bytes) else html
        html = without_surrogates(text)  # as selectolax leaves them out of what lexbor parses
        shape = _engine.html_shape(html)
    deepest, attributes = shape
    if deepest > MAX_NESTING:
        raise InputError(
            f"{url or '<html>'}: the page nests its elements about {deepest:,} deep; pages nested past "
            f"{MAX_NESTING:,} are refused (browsers stop nesting at 512, and parsing takes time quadratic in the depth)"
        )
    if attributes > MAX_ATTRIBUTES:
        raise InputError(
            f"{url or '<html>'}: a tag of the page holds {attributes:,} attributes; pages with a tag of more than "
            f"{MAX_ATTRIBUTES:,} are refused (parsing takes time quadratic in a tag's attributes)"
        )
    return html


def _headline(blocks: Iterable[Any]) -> str | None:
    """The page's ``h1``: the first inside ``article`` or ``main``, else the first outside the navigation."""
    headings = [block for block in blocks if block.level == 1 and not block.flags & IN_NAV]
    inside = [block for block in headings if block.flags & (IN_ARTICLE | IN_MAIN)]
    chosen = inside or headings
    return chosen[0].text if chosen else None


def _shown_headings(blocks: Iterable[Any]) -> list[str]:
    """The texts of the page's ``h1`` and ``h2`` headings outside the navigation, in order."""
    return [block.text for block in blocks if block.level in (1, 2) and not block.flags & IN_NAV]


def _chars(found: Any, flag: int = 0) -> int:
    """Characters of the walk's blocks (only those with ``flag``, if given)."""
    return sum(len(block.text) for block in found.blocks if not flag or block.flags & flag)


def _reveal_main(root: Any, shown: int) -> bool:
    """Show what the page's ``main`` element hides, if that is next to all of its text; whether it did.

    Pages behind an age gate or a fade-in ship their content in ``main``
    under an element styled ``display: none``, and a script shows it; a
    browser's reader sees it. Only a ``main`` that shows under
    :data:`MIN_SHOWN_CHARS` characters and hides :data:`REVEAL_GAIN` times
    as much is revealed, and only inside it. ``shown`` is what the page's walk
    found in ``main``.
    """
    main = root.css_first("main, [role=main]")
    if main is None or _chars(walk(main, reveal=True)) <= REVEAL_GAIN * max(shown, 1):
        return False
    unhide(main)
    return True


def clean_html(
    html: str | bytes, *, url: str | None = None, charset: str | None = None, pipeline: Pipeline | None = None
) -> list[Article]:
    """Clean one HTML page: its articles, with the page's metadata and URL.

    Spans point into :attr:`Page.text` of :func:`read_html` for the same page
    (the text the blocks came from).

    >>> html = "<header><a href=/>Home</a> <a href=/news>News</a></header><article><h1>Rain at last</h1>"
    >>> html += "<p>" + "The town saw its first rain in months, and people came out to watch it. " * 3 + "</p></article>"
    >>> [(article.title, len(article.body)) for article in clean_html(html)]
    [('Rain at last', 1)]
    """
    return clean_pages([read_html(html, url=url, charset=charset)], pipeline=pipeline)[0]


def clean_pages(pages: list[Page], *, threads: int = 1, pipeline: Pipeline | None = None) -> list[list[Article]]:
    """Clean pages read by :func:`read_html`, ``threads`` at a time; their articles in input order."""
    from .. import _engine
    from ..api import default_pipeline
    from ..engine import engine_articles, engine_passes
    from ..handoff import built, encodable

    pipeline = default_pipeline() if pipeline is None else pipeline
    passes = engine_passes(pipeline)
    if passes is None:
        return [_with_page(page, _clean_with_own_passes(page, pipeline)) for page in pages]
    texts = [encodable(page.text) for page in pages]
    marks_of, content_of = [page.marks for page in pages], [page.content for page in pages]
    cleaned = _engine.clean_many_marked(texts, marks_of, content_of, built(passes), threads)
    return [_with_page(page, engine_articles(page.text, page.url, result)) for page, result in zip(pages, cleaned)]


def process_page(page: Page, *, source: str | None = None, pipeline: Pipeline | None = None) -> Document:
    """The annotated document of a page read by :func:`read_html`: its blocks with the DOM's and the passes' decisions.

    What :func:`scrapeclean.process` is to a dump (``explain`` and ``review`` show it).
    """
    from .. import _engine
    from ..api import default_pipeline, process
    from ..engine import engine_document, engine_passes
    from ..handoff import encodable

    pipeline = default_pipeline() if pipeline is None else pipeline
    source = page.url if source is None else source
    passes = engine_passes(pipeline)
    if passes is None:
        marked = Pipeline((_Marks(page.text, tuple(page.marks)), *pipeline.passes))
        return process(page.text, source=source, pipeline=marked)
    columns = _engine.process_marked(encodable(page.text), page.marks, page.content, passes)
    return engine_document(page.text, source, columns)


def _clean_with_own_passes(page: Page, pipeline: Pipeline) -> list[Article]:
    from ..assemble import assemble

    return list(assemble(process_page(page, pipeline=pipeline)))


@attrs.frozen
class _Marks:
    """The DOM's marks as a first pass, for pipelines with passes of one's own (the engine lays them on itself)."""

    raw: str
    marks: tuple[Mark, ...]
    name: str = "read-html"

    def __call__(self, document: Any) -> Any:
        if document.raw != self.raw:  # a confirming round over the cleaned text: the marks do not apply
            return document
        edits = document.edit(self.name)
        for index, reason, detail in self.marks:
            if index < len(document.blocks):
                edits.remove(index, reason, detail)
        return edits.apply()


def _with_page(page: Page, articles: list[Article]) -> list[Article]:
    """The articles with the page's URL and metadata; the first takes the page's title where it has one."""
    info = page.metadata
    done = []
    for article in articles:
        changes: dict[str, Any] = {
            "url": page.url,
            "author": info.author,
            "date": info.date,
            "site": info.site,
            "source": article.source if article.source is not None else page.url,
        }
        if article.section is None and info.section:
            changes["section"] = info.section
        if article.index == 0 and page.title_block is not None and info.title:
            end = page.text.find("\n")
            end = len(page.text) if end < 0 else end
            changes["title"] = page.text[:end]
            changes["title_span"] = Span(0, end)
        done.append(attrs.evolve(article, **changes))
    return done
