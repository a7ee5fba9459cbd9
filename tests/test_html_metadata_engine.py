"""A page's metadata read from the engine's parse (``_engine.read_page``) against the same read off lexbor's tree.

:func:`scrapeclean.read_html` takes what a page publishes about itself (its
``<meta>`` tags, JSON-LD scripts and ``<title>``) from the parse the engine
walks, so a page is parsed once. These tests hold that to what selectolax's
lexbor tree gives for the same page: first on small pages that each exercise
one rule, then on every AEB and WCXB development page in ``../shared/data``
(skipped when that is absent).
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from scrapeclean.page import _headline, engine_read_page
from scrapeclean.page.decode import decode_html
from scrapeclean.page.metadata import head_of, metadata, metadata_of
from scrapeclean.page.walk import IN_NAV

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SETS = {"aeb": DATA / "aeb" / "html", "wcxb": DATA / "wcxb-dev" / "dev" / "html"}


def lexbor_head(html: str) -> tuple:
    from selectolax.lexbor import LexborHTMLParser

    return head_of(LexborHTMLParser(html))


def without_empty_values(head: tuple) -> tuple:
    """A head with attributes of no value as None: lexbor tells ``content`` from ``content=""``, html5ever does not
    (and the metadata reads neither)."""
    tags, scripts, title = head
    return [tuple(value or None for value in tag) for tag in tags], scripts, title


def both_metadata(html: str) -> tuple:
    """The page's metadata from lexbor's tree and from the engine's parse, given the engine walk's headings."""
    from selectolax.lexbor import LexborHTMLParser

    found, head = engine_read_page(html)
    h1 = _headline(found.blocks)
    headings = [block.text for block in found.blocks if block.level in (1, 2) and not block.flags & IN_NAV]
    return metadata(LexborHTMLParser(html), h1, headings), metadata_of(head, h1, headings)


PAGES = {
    "meta tags in head and body": '<meta property="og:title" content="Rain &amp;amp; wind"><meta name=author content>'
    "<meta content=x><body><h1>Rain</h1><p>text</p><meta itemprop=datePublished content=2024-01-02></body>",
    "naming attributes in upper case and twice": '<META NAME="Author" Content="A. Writer" name=other><p>text</p>',
    "json-ld by type, in any case and spacing": '<script type=" Application/LD+JSON ">{"@type": "NewsArticle", '
    '"headline": "Rain"}</script><script>var x = "{}";</script><script type="application/json">{}</script><p>t</p>',
    "json-ld in a template is not the page's": '<template><script type="application/ld+json">{"headline": "x"}'
    "</script></template><p>text</p>",
    "the first title, entities resolved": "<title>Rain &amp; wind | Daily</title><title>second</title><p>t</p>",
    "a title in the body and in svg": "<p>text</p><svg><title>icon</title></svg><title>late</title>",
    "no head at all": "<p>no head</p>",
    "a fragment": '<div><meta name="description" content="d"><p>text</p></div>',
}


@pytest.mark.parametrize("html", PAGES.values(), ids=PAGES.keys())
def test_the_engine_reads_what_lexbor_reads_off_a_page(html):
    assert without_empty_values(engine_read_page(html)[1]) == without_empty_values(lexbor_head(html))
    lexbor, engine = both_metadata(html)
    assert engine == lexbor


def test_metadata_comes_from_the_head_the_engine_reads():
    html = (
        '<title>Rain at last | Daily</title><meta property="og:site_name" content="Daily">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "A. Writer"},'
        ' "datePublished": "2024-05-01"}</script><h1>Rain at last</h1><p>It rained all day.</p>'
    )
    _, engine = both_metadata(html)
    assert (engine.title, engine.author, engine.date, engine.site) == ("Rain at last", "A. Writer", "2024-05-01", "Daily")


def _pages(name: str) -> list[Path]:
    folder = SETS[name]
    if not folder.is_dir():
        pytest.skip(f"the {name} development pages are not in {folder} (the shared benchmark data is not present)")
    return sorted(folder.glob("*.html*"))


@pytest.mark.parametrize("name", SETS)
def test_every_development_page_gets_the_same_metadata_from_either_parse(name):
    differing = []
    for path in _pages(name):
        raw = path.read_bytes()
        text, _ = decode_html(gzip.decompress(raw) if path.suffix == ".gz" else raw)
        lexbor, engine = both_metadata(text)
        if lexbor != engine:
            differing.append(f"{path.name}: lexbor {lexbor} != engine {engine}")
    assert differing == []
