"""The engine's DOM walk (``_engine.walk_html``, html5ever) against walk.py over selectolax, block for block.

The engine walk is a port of :func:`scrapeclean.page.walk.walk` (and of the
reader's choice of walk, :func:`scrapeclean.page.page_walk`), not yet the
reader's default: these tests hold it to the same blocks, containers and
items, first on small pages that each exercise one rule, then on every AEB
and WCXB development page in ``../shared/data`` (skipped when that is absent).
Run with ``-s`` to see the corpus report: identical pages, and the first
difference of each page that differs.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrapeclean.page import chosen_walk, engine_page_walk
from scrapeclean.page.walk import Walk, engine_walk, place_streamed_segments, walk

from html_support import SETS, corpus_report

# Pages on which the engine walk matched walk.py when these floors were set: a port change that
# loses one fails here; raise a floor as the port closes differences.
IDENTICAL_AT_LEAST = {"aeb": 181, "wcxb": 1497}


def python_walks(html: str, reveal: bool = False) -> tuple[Walk, Walk]:
    """walk.py's blocks for a page's ``body`` after :func:`place_streamed_segments` (revealed, if asked),
    and those :func:`scrapeclean.page.read_html` chooses to read (:func:`scrapeclean.page.page_walk`)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    root = tree.body if tree.body is not None else tree.root
    if root is None:
        return Walk([], [], []), Walk([], [], [])
    place_streamed_segments(root)
    found = walk(root, reveal)
    return found, chosen_walk(root, found if not reveal else walk(root))


def first_difference(expected: Walk, found: Walk) -> str | None:
    """Where two walks first part (blocks, then containers, then items), for a person; None when equal."""
    for name in ("blocks", "containers", "items"):
        mine, theirs = getattr(expected, name), getattr(found, name)
        for index, (one, other) in enumerate(zip(mine, theirs)):
            if tuple(one) != tuple(other):
                return f"{name}[{index}]: walk.py {tuple(one)!r} != engine {tuple(other)!r}"
        if len(mine) != len(theirs):
            extra = mine[len(theirs)] if len(mine) > len(theirs) else theirs[len(mine)]
            return f"{name}: walk.py {len(mine)} != engine {len(theirs)}, first extra {tuple(extra)!r}"
    return None


def differences(html: str, reveal: bool = False, page_only: bool = False) -> list[str]:
    """How the engine's page walk (and walk, unless ``page_only``) of a page part from walk.py's, a line each."""
    expected, chosen = python_walks(html, reveal)
    found = [("walk_page", first_difference(chosen, engine_page_walk(html)))]
    if not page_only:
        found.append(("walk_html", first_difference(expected, engine_walk(html, reveal))))
    return [f"{name}: {difference}" for name, difference in found if difference is not None]


def assert_same(html: str, reveal: bool = False) -> Walk:
    assert differences(html, reveal) == []
    return python_walks(html, reveal)[0]


RULES = {
    "skipped elements": "<p>a<script>x</script><style>y</style>b</p><svg><text>s</text></svg><select><option>o</select>",
    "form controls keep words apart": "<p>Name<input>Go<button>x</button>on<textarea>t</textarea>now</p>",
    "hidden attributes": '<p>a</p><p hidden>b</p><div aria-hidden=" True ">c</div><div aria-hidden=false>d</div>',
    "hidden styles": '<p style="display:none">a</p><p style="VISIBILITY : hidden">b</p>'
    '<span style="clip: rect(0 0 0 0)">c</span><span style="clip: rect(0px,0px,0px,0px)">d</span><p>e</p>',
    "hidden classes": '<p class="x Sr-Only">a</p><p class="hidden-xs">b</p><p class="d-none">c</p>',
    "folded panels": '<div class="chakra-collapse" style="display:none"><p>description</p></div>'
    '<div role=tabpanel hidden><p>specifications</p></div><div hidden class="tab-pane"><p>care</p></div>'
    '<div hidden class="menu-drawer"><p>gone</p></div>',
    "chrome tags": "<nav><a>Home</a></nav><aside>side</aside><footer>f</footer><header>h</header><form>q</form>",
    "chrome in article": "<article><header>h</header><p>t</p><footer>f</footer></article>",
    "chrome roles": '<div role=" Navigation ">n</div><div role=banner>b</div><div role=search>s</div><p>t</p>',
    "chrome words": '<div class="Share-Bar">s</div><div id="related_posts">r</div><div class="sharebarx">k</div>'
    '<span class="ad">in a line</span><p>t</p>',
    "taxonomy and reviews": '<article class="post category-social-media tag-reviews"><p>body</p></article>'
    '<p>rated <a class="item-reviews">4 reviews</a></p><section class="product-reviews"><p>great</p></section>'
    '<p><a class="popup">Apply</a></p><div class="signup-modal"><p>Hold up!</p></div>',
    "paragraphs and lines": "<div>a<div>b</div>c</div><p>d</p><ul><li>e<li>f</ul><table><tr><td>g<td>h</table>"
    "<dl><dt>i<dd>j</dl><my-card>k</my-card>",
    "implied end tags": "<p>a<p>b<div>c</div><li>d<li>e<option>f<dt>g<dd>h",
    "inline join": "<p><a>Home</a><a>News</a> <b>bo</b>ld <span>T</span>he <img>x<em>y</em>"
    "<a>1</a>.<a>2</a></p><p><a>é</a><a>ü</a><a>-</a><a>z</a></p>",
    "br and pre": "<p>one<br>two<br><br>three</p><pre>\nline 1\n\nline 2\n</pre><pre><b>a\nb</b>\nc</pre>",
    "whitespace and invisible": "<p>\u200b a \t\n b\u00a0\u2003c \ufeff</p><p>\x1c</p><p> \u200b </p><p>x\u3000\u3000y</p>",
    "flags": "<main><article><figure><figcaption>c</figcaption></figure><blockquote>q</blockquote>"
    "<table><tr><th>h</th></tr></table><ul><li><a href=/>l</a></li></ul></article></main>",
    "link chars": "<p>Read <a> the  story </a> and <a>more</a></p><p><a>all link</a></p>",
    "regions": "<article><p>a</p></article><main><p>b</p><article><p>c</p></article><p>d</p></main>"
    '<div role=main><p>e</p></div><div role=article><p>f</p><article>g</article></div>',
    "headings": "<h1>A</h1><h2>B <span>b</span></h2><h3><div>C</div></h3><h6>D</h6>",
    "repeated children": '<ul><li class="card x">a</li><li class="card">b</li><li class=card>c</li><li>d</li></ul>'
    '<div><p>1</p><p>2</p><br><p>3</p><br><br></div><div><span>a</span><span>b</span><script></script></div>',
    "entities and fragments": "a&amp;b &notit; &#x80; &nbsp;c&lt;<b>d",
    "whole documents": "<!doctype html><html><head><title>T</title><meta name=x></head><body class=nav><p>a</p></body></html>",
    "frameset": "<frameset><frame src=a></frameset>",
    "noscript": "<div><noscript><p>Enable scripts</p></noscript><p>a</p></div>",
    "foster parenting and adoption": "<table>x<tr><td>a</td></tr>y</table><b>1<p>2</b>3</p><a>l<div>m</a>n</div>",
    "comments and streaming": "<p>a</p><!--$?--><template id=B:1></template><p>Loading</p><!--/$-->"
    "<template id=P:2></template><p>z</p><div hidden id=S:1><p>story</p><template id=P:3></template></div>"
    '<div hidden id="S:2"><p>two</p></div><div hidden id="S:3"><p>three</p></div><div hidden id=S:4>four</div>',
    "unclosed boundary": "<p>a</p><template id=B:1></template><p>Loading</p><div hidden id=S:1>b</div>",
    "empty": "",
    "lone surrogates": "<p>a\ud800b \ud83d\ude00c</p><p class='x\udcff card'>d</p>",
    "a preloader over a hidden body": "<p>Loading</p><div hidden><p>" + "It rained all day. " * 20 + "</p></div>",
    "a main that hides its text": "<p>" + "A long header. " * 20 + "</p><main><div style='display:none' class='x Hide'>"
    "<p>" + "It rained all day. " * 20 + "</p></div></main><p hidden>aside</p>",
    "a role=main that hides its text": "<p>" + "A long header. " * 20 + "</p><div role=main><p aria-hidden=true>"
    + "It rained all day. " * 20
    + "</p></div>",
}


@pytest.mark.parametrize("reveal", [False, True], ids=["shown", "revealed"])
@pytest.mark.parametrize("html", RULES.values(), ids=RULES.keys())
def test_engine_walk_matches_walk_py_on_each_rule(html: str, reveal: bool) -> None:
    assert_same(html, reveal)


def test_the_rules_are_exercised() -> None:
    """The handwritten pages find what they are about: a port that returned nothing would not pass."""
    inline = assert_same(RULES["inline join"])
    assert [block.text for block in inline.blocks] == ["Home News bold The xy 1.2", "é ü-z"]
    assert assert_same(RULES["chrome words"]).containers[0][:2] == ("share-widget", "class 'share'")
    # The panels of an accordion or tab set are read, folded or not; other hidden boxes are not.
    assert [block.text for block in assert_same(RULES["folded panels"]).blocks] == ["description", "specifications", "care"]
    # A post's category and tag classes name no part of the page; a reviews link is not a thread of reviews,
    # a link that opens a pop-up is not the pop-up.
    assert [container[:2] for container in assert_same(RULES["taxonomy and reviews"]).containers] == [
        ("comment-thread", "class 'reviews'"),
        ("dialog", "class 'modal'"),
    ]
    assert [block.text for block in assert_same(RULES["comments and streaming"]).blocks] == [
        "a",
        "story",
        "three",
        "two",
        "z",
    ]
    assert [block.text for block in assert_same(RULES["noscript"], reveal=True).blocks] == ["Enable scripts", "a"]
    assert assert_same(RULES["repeated children"]).items
    for name in ("a preloader over a hidden body", "a main that hides its text", "a role=main that hides its text"):
        shown, chosen = python_walks(RULES[name])
        assert "It rained" not in shown.blocks[-1].text and "It rained" in chosen.blocks[-1].text, name


# Tags of every kind the walk tells apart, and those whose parsing is special (raw text, void, foster
# parenting, implied ends, foreign content, the head). Not frameset, image, isindex or search: see
# the known differences below.
_TAGS = (
    "p div span a b i li ul ol td tr th table caption colgroup col tbody pre listing plaintext br wbr script style "
    "noscript select option optgroup textarea input button h1 h3 article main nav header footer aside form figure "
    "figcaption my-card svg math foreignObject desc mi template xmp noembed noframes dl dt dd img hr section iframe "
    "title body html head object label time center ruby rt nobr summary details font"
).split()
_ATTRIBUTES = st.sampled_from(
    [
        "",
        " hidden",
        " aria-hidden=true",
        ' style="display: none"',
        ' style="clip: rect(0 0 0 0)"',
        " class=card",
        ' class="card x"',
        " class=nav",
        " class=Share-bar",
        " class=sr-only",
        " id=S:1 hidden",
        " id=B:1",
        " id=P:1",
        " id=related",
        " role=main",
        " role=navigation",
        " role=article",
    ]
)
_TEXT = st.text(alphabet="ab1 \n\r\t\x00\x1c\u00a0\u200b\ufeff&;#<>=é.-", max_size=8)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def markup(tag: str, attributes: str, inner: list[str], closed: bool) -> str:
        return f"<{tag}{attributes}>{''.join(inner)}" + (f"</{tag}>" if closed else "")

    return st.builds(markup, st.sampled_from(_TAGS), _ATTRIBUTES, st.lists(children, max_size=4), st.booleans())


_MARKUP = st.recursive(
    st.one_of(
        _TEXT,
        st.sampled_from(
            ["<!--$?-->", "<!--/$-->", "<!--$-->", "<!--c-->", "</p>", "</br>", "</div>", "&amp;", "&nbsp", "&#x80;"]
        ),
    ),
    _element,
    max_leaves=24,
)


# Where lexbor's tree and html5ever's part: markup no page in the benchmark sets has, found by the
# property test below. Each is the parsers' difference, not the walk's.
PARSER_DIFFERENCES = {
    # The standard's "in head" rule for <template> sets frameset-ok to "not ok", so html5ever ignores
    # the <frameset> and keeps the text; lexbor takes the body out, and walk.py finds nothing.
    "a frameset after a template": "<template></template><p><frameset>text",
    # lexbor drops an <image> (the obsolete name of <img>) met in a table; html5ever fosters it out as <img>.
    "an image in a table": "<table><image id=related>",
    # lexbor still counts the obsolete <isindex> as special, so a <dt> does not close the <dt> around it.
    "isindex": "<span role=main>text<dt hidden><isindex><dt>",
    # lexbor counts the newer <search> as special, so </span> does not close it; html5ever 0.40 does not.
    "search": "<span><search></span>text",
}


@pytest.mark.xfail(strict=True, reason="lexbor's tree differs from html5ever's (see PARSER_DIFFERENCES)")
@pytest.mark.parametrize("html", PARSER_DIFFERENCES.values(), ids=PARSER_DIFFERENCES.keys())
def test_known_parser_differences(html: str) -> None:
    assert differences(html) == []


@given(st.lists(_MARKUP, max_size=5).map("".join), st.booleans())
def test_engine_walk_matches_walk_py_on_any_markup(html: str, reveal: bool) -> None:
    assert differences(html, reveal) == []


@pytest.mark.parametrize("name", SETS)
def test_engine_walk_matches_walk_py_on_the_benchmark_pages(name: str) -> None:
    # The page walk only: it is the plain walk wherever the page shows its text, and halves the time.
    identical, pages, found = corpus_report(name, lambda html: next(iter(differences(html, page_only=True)), None))
    print(f"\n{name}: {identical} of {pages} pages identical", *found, sep="\n  ")
    assert identical >= IDENTICAL_AT_LEAST[name], "\n".join(found)
