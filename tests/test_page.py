"""clean_html and the page reader: blocks that never glue words, what is dropped, DOM evidence, metadata."""

from __future__ import annotations

import codecs
import json

import pytest

import scrapeclean
from scrapeclean import InputError, clean_html
from scrapeclean.page import read_html
from scrapeclean.page.decode import decode_html, utf8_as_given
from scrapeclean.page.evidence import LINK_LIST, TEASER_CARDS, WHOLE_STORY_CHARS

STORY = [
    "The council voted on Tuesday to rebuild the old river bridge, which has been closed to traffic since the spring floods.",
    "Work will start in March and is expected to last eighteen months, the mayor said at a meeting that ran late into the night.",
    "Residents on both banks welcomed the decision, though several asked why it had taken the council so long to agree on a plan.",
]
PARAGRAPHS = "".join(f"<p>{paragraph}</p>" for paragraph in STORY)


def _body(html: str) -> list[str]:
    (article,) = clean_html(html)
    return list(article.body)


def _lines(page) -> list[str]:
    return [line for line in page.text.split("\n") if line]


def test_inline_elements_join_as_written_and_block_boundaries_and_br_keep_words_apart():
    page = read_html(
        "<div>Biography<div>Sarah Smith</div></div><p>A <b>bold</b> move, <span>T</span>he end."
        "<br>Next<a href=/x>link</a></p><ul><li><a>Home</a><a>News</a></li></ul>"
    )
    assert _lines(page) == ["Biography", "Sarah Smith", "A bold move, The end.", "Next link", "Home News"]
    assert page.title_block is None  # no title anywhere in the page


def test_hidden_and_invisible_elements_are_dropped_and_pre_keeps_its_lines():
    page = read_html(
        "<p>Seen.</p><p hidden>Hidden attribute.</p><p aria-hidden=true>Aria hidden.</p>"
        "<p style='display: none'>Styled away.</p><span class='sr-only'>Skip to content</span>"
        "<script>var x = 1;</script><style>p {}</style><template><p>Template.</p></template>"
        "<noscript>Enable JavaScript.</noscript><pre>line one\nline two</pre>"
        "<a href='#after' style='position:absolute;width:1px;clip:rect(0 0 0 0)'>Continue reading the main story</a>"
        f"<p>{STORY[0]}</p><p>{STORY[1]}</p>"  # a page that shows enough text is not read with what it hides
    )
    assert _lines(page) == ["Seen.", "line one", "line two", STORY[0], STORY[1]]


def test_content_a_server_streams_after_the_page_is_read_where_its_script_puts_it():
    # React's streaming renderer: a boundary's fallback, then the real content in a
    # hidden segment at the end of the body, which a script swaps in.
    html = (
        "<body><main><h1>Tide tables</h1><!--$?--><template id='B:0'></template><p>Loading</p><!--/$-->"
        "<p>Last line.</p></main><footer>Footer</footer>"
        "<div hidden id='S:0'><p>First paragraph.</p><p>Second <!--$?--><template id='B:1'></template>"
        "...<!--/$--></p></div><div hidden id='S:1'><em>paragraph</em>.</div>"
        "<div hidden id='S:7'><p>Never shown.</p></div>"
        "<script>$RC('B:0','S:0');$RC('B:1','S:1')</script></body>"
    )
    assert read_html(html).text.split("\n\n")[1:] == [
        "Tide tables", "First paragraph.", "Second paragraph.", "Last line.", "Footer"
    ]
    # A page saved without its comments: the content goes in at its template, nothing is dropped.
    bare = "<body><p>Intro.</p><template id='P:2'></template><p>Outro.</p><div hidden id='S:2'><p>Middle.</p></div></body>"
    assert read_html(bare).text.split("\n\n") == ["Intro.", "Middle.", "Outro."]
    # A segment holding its own boundary cannot be moved into itself: it stays hidden, and nothing fails.
    looped = "<body><p>Seen.</p><div hidden id='S:1'><div><template id='B:1'></template></div><p>Loop.</p></div></body>"
    assert read_html(looped).text == "Seen."


def test_a_main_element_that_hides_its_content_until_a_script_runs_is_read():
    menu = "".join(f"<li><a href=/{number}>Section number {number}</a></li>" for number in range(30))
    gated = f"<header><ul>{menu}</ul></header><main><div class=lockdown style='display:none'>{PARAGRAPHS}</div></main>"
    assert _body(gated) == STORY
    # A main element that shows its text keeps its hidden parts hidden.
    shown = f"<header><ul>{menu}</ul></header><main>{PARAGRAPHS}<div style='display:none'>Hidden note.</div></main>"
    assert "Hidden note." not in read_html(shown).text


def test_the_lines_of_a_pre_element_are_content_wherever_it_stands():
    manual = "\n".join(["NAME", "    grep - print lines that match patterns", "SYNOPSIS", "    grep [OPTION...] PATTERNS [FILE...]"])
    menu = "".join(f"<li><a href=/{number}>Page {number}</a></li>" for number in range(12))
    page = read_html(f"<header><ul>{menu}</ul></header><div><pre>{manual}</pre></div><p>{STORY[0]}</p>")
    content = {_lines(page)[index] for index in page.content}
    assert {"NAME", "SYNOPSIS"} <= content


def test_the_cells_of_a_data_table_are_content_and_a_table_of_links_is_not():
    rows = "".join(f"<tr><td>{place}</td><td>Driver {place}</td><td>{5040 - 7 * place}</td></tr>" for place in range(1, 9))
    links = "".join(f"<tr><td><a href=/{n}>Section {n}</a></td><td><a href=/{n}/more>More {n}</a></td></tr>" for n in range(8))
    page = read_html(f"<div><p>{STORY[0]}</p><table>{rows}</table><table>{links}</table></div>")
    content = {_lines(page)[index] for index in page.content}
    assert {"Driver 1", "5033", "Driver 8"} <= content
    assert not content & {"Section 1", "More 1"}


def test_figure_captions_are_blocks_of_their_own_and_the_passes_see_them():
    html = f"<article><h1>Bridge</h1>{PARAGRAPHS}<figure><img src=a.jpg><figcaption>The old bridge at dawn. "
    html += "Photo: Jane Doe/Reuters</figcaption></figure></article>"
    page = read_html(html)
    assert "The old bridge at dawn. Photo: Jane Doe/Reuters" in _lines(page)
    (article,) = clean_html(html)
    assert [caption.text for caption in article.captions] + list(article.body) == [
        "The old bridge at dawn. Photo: Jane Doe/Reuters",
        *STORY,
    ] or "The old bridge at dawn. Photo: Jane Doe/Reuters" not in article.body


def test_navigation_footer_and_sharing_are_removed_by_the_dom_with_their_reasons():
    html = (
        "<header><a href=/>Daily</a> <a href=/news>News</a></header><nav><ul><li><a>World</a></li></ul></nav>"
        f"<article><h1>Council rebuilds the river bridge</h1>{PARAGRAPHS}"
        "<div class='share-tools'>Share on Facebook</div></article><footer>Copyright Daily 2024</footer>"
    ).replace("<article>", "<article><div id=sponsor-wrapper><p>Supported by</p></div>")
    (article,) = clean_html(html)
    assert list(article.body) == STORY
    reasons = {removed.text: (removed.pass_name, removed.reason) for removed in article.removed}
    assert reasons["Daily News"] == ("read-html", "page-header")
    assert reasons["World"] == ("read-html", "page-navigation")
    assert reasons["Share on Facebook"] == ("read-html", "share-widget")
    assert reasons["Copyright Daily 2024"] == ("read-html", "page-footer")
    assert reasons["Supported by"] == ("read-html", "promotion")


def test_a_section_of_the_story_named_for_navigation_stays_and_a_nav_element_goes():
    more = [sentence.replace("bridge", "tunnel") for sentence in STORY]
    menu = "".join(f"<p>In the menu: {sentence}</p>" for sentence in STORY)
    html = (
        f"<nav class=mega-menu>{menu}</nav><main><h1>Bridge</h1><p>{STORY[0]}</p>"
        f"<div class=content-nav-section>{''.join(f'<p>{s}</p>' for s in STORY[1:] + more)}</div>"
        "<div class=post-nav><a href=/a>Previous story</a> <a href=/b>Next story</a></div></main>"
        f"{'<p>' + ' '.join(STORY) + '</p>'}"
    )
    page = read_html(html)
    removed = {_lines(page)[index] for index, reason, _ in page.marks if reason == "page-navigation"}
    assert not removed & set(STORY + more)
    assert "Previous story Next story" in removed
    assert {f"In the menu: {sentence}" for sentence in STORY} <= removed


def test_a_forums_thread_of_posts_is_the_page_and_comments_under_a_story_are_not():
    posts = [
        *STORY,
        "I drove over that bridge every day for twenty years, and I will be glad to see it open again next year.",
        "Eighteen months sounds optimistic to me; the last repair on the north bank took more than two years to finish.",
    ]
    thread = "".join(f"<div class=comment><p>{post}</p></div>" for post in posts)
    assert _body(f"<h1>Bridge thread</h1><div id=comments>{thread}</div><footer>Forum rules</footer>") == posts
    assert _body(f"<h1>Bridge</h1>{PARAGRAPHS}<div id=comments>{thread}{thread}</div>") == STORY


def test_the_article_element_is_the_story_whatever_its_class_names():
    menu = "".join(f"<li><a href=/{number}>Section {number}</a></li>" for number in range(40))
    story = f"<h1>Bridge</h1>{PARAGRAPHS}"
    assert _body(f"<nav><ul>{menu}</ul></nav><main><article class=node--type-newsletter-article>{story}</article></main>") == STORY
    assert _body(f"<main><article>{story}<div class=newsletter>Sign up for our newsletter</div></article></main>") == STORY


def test_a_dialog_beside_a_story_is_chrome_however_much_it_holds():
    clauses = [
        "You may use the site only as these terms allow, and only for lawful purposes of your own.",
        "We may change these terms at any time; the version posted here is the one in force today.",
        "Orders are accepted when we ship them, and prices may change before that without notice.",
        "Returns are taken within thirty days of delivery, in the original packaging and unworn.",
        "Nothing on the site is advice, and we make no promise that it is complete or up to date.",
        "These terms are governed by the laws of the state where our company is registered.",
    ]
    terms = "".join(f"<h3>Part {part}</h3>" + "".join(f"<p>{clause}</p>" for clause in clauses[part:] + clauses[:part]) for part in range(6))
    html = f"<main><h1>Bridge</h1>{PARAGRAPHS}</main><footer><div role=dialog id=modal-terms>{terms}</div></footer>"
    assert _body(html) == STORY


def test_a_container_holding_most_of_the_page_is_a_wrapper_not_chrome():
    html = f"<form id=aspnetForm><h1>Bridge</h1>{PARAGRAPHS}</form>"
    (article,) = clean_html(html)
    assert list(article.body) == STORY


def test_a_run_of_linked_list_items_is_a_link_list():
    items = "".join(f"<li><a href=/{number}>Other story number {number}</a></li>" for number in range(4))
    page = read_html(f"<h1>Bridge</h1>{PARAGRAPHS}<ul>{items}</ul>")
    assert [reason for _, reason, _ in page.marks].count(LINK_LIST) == 4


def test_a_listing_made_of_links_is_the_content_of_a_page_with_no_story():
    menu = "".join(f"<li><a href=/{name}>{name}</a></li>" for name in ("Jobs", "Companies", "Blog", "About"))
    offers = "".join(
        f"<li><a href=/job/{number}><div>Senior engineer, team {number}</div><div>{number}d</div>"
        f"<div>Remote, anywhere in the world</div></a></li>"
        for number in range(12)
    )
    page = read_html(f"<nav><ul>{menu}</ul></nav><h1>Programming jobs</h1><ul>{offers}</ul>")
    listed = {reason for index, reason, _ in page.marks if index > 6}
    assert LINK_LIST not in listed  # the offers stay for the passes to read: they are the page
    # A long menu of one line per item stays a link list however much of the page it holds.
    long_menu = "".join(f"<li><a href=/{number}>Section number {number}</a></li>" for number in range(30))
    page = read_html(f"<h1>Programming jobs</h1><ul>{long_menu}</ul><p>Apply today.</p>")
    assert [reason for _, reason, _ in page.marks].count(LINK_LIST) == 30
    # Beside a story, the same list is a list of links to elsewhere.
    story = "".join(f"<p>{paragraph} {paragraph} {paragraph}</p>" for paragraph in STORY)
    page = read_html(f"<h1>Bridge</h1>{story}<ul>{offers}</ul>")
    assert [reason for _, reason, _ in page.marks].count(LINK_LIST) == 36


def test_json_ld_and_meta_give_title_author_date_site_and_section():
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Daily"},
            {
                "@type": "NewsArticle",
                "headline": "Council rebuilds the river bridge",
                "author": [{"@type": "Person", "name": "Jane Doe"}, {"name": "John Roe"}],
                "datePublished": "2024-03-05T08:00:00Z",
                "publisher": {"@type": "Organization", "name": "The Daily"},
                "articleSection": "Local",
            },
        ],
    }
    html = (
        "<html><head><title>Council rebuilds the river bridge | The Daily</title>"
        f"<script type='application/ld+json'>{json.dumps(data)}</script></head>"
        f"<body><h1>Council rebuilds the river bridge</h1>{PARAGRAPHS}</body></html>"
    )
    (article,) = clean_html(html, url="https://daily.example/bridge")
    assert article.title == "Council rebuilds the river bridge"
    assert (article.author, article.date, article.site, article.section) == (
        "Jane Doe, John Roe",
        "2024-03-05T08:00:00Z",
        "The Daily",
        "Local",
    )
    assert article.url == "https://daily.example/bridge"
    page = read_html(html)
    assert page.text[article.title_span.start : article.title_span.end] == article.title
    for span, paragraph in zip(article.body_spans, article.body):
        assert page.text[span.start : span.end] == paragraph  # spans point into the page's text
    assert article.to_dict()["author"] == "Jane Doe, John Roe"


def test_the_title_tag_is_cut_at_the_site_separator_when_the_h1_is_the_sites_name():
    html = f"<title>Opinion | Council rebuilds the bridge - The Daily</title><h1>The Daily</h1>{PARAGRAPHS}"
    html = html.replace("<title>", "<meta property=og:site_name content='The Daily'><title>")
    (article,) = clean_html(html)
    assert article.title == "Council rebuilds the bridge"


def test_the_title_is_the_heading_the_pages_published_titles_repeat():
    # A section's h1 over the story: the h2 that <title> repeats is the headline, and it is not kept in the body.
    html = "<title>Council rebuilds the bridge | The Daily</title><h1>Local news</h1><h2>Council rebuilds the bridge</h2>"
    page = read_html(html + PARAGRAPHS)
    assert page.metadata.title == "Council rebuilds the bridge"
    assert (2, "page-title", "the heading the page's title repeats") in page.marks
    (article,) = clean_html(html + PARAGRAPHS)
    assert article.title == "Council rebuilds the bridge"
    assert "Council rebuilds the bridge" not in article.body


def test_a_headline_set_in_capitals_or_curly_quotes_takes_the_published_form():
    html = "<meta property=og:title content=\"Council's bridge reopens\"><h1>COUNCIL\u2019S BRIDGE REOPENS</h1>"
    page = read_html(html + PARAGRAPHS)
    assert page.metadata.title == "Council's bridge reopens"
    assert page.text.splitlines()[0] == "Council's bridge reopens"


def test_an_h1_unrelated_to_every_published_title_gives_way_to_them():
    html = "<title>Council rebuilds the bridge - The Daily</title><article><h1>Webcams</h1>"
    assert read_html(html + PARAGRAPHS + "</article>").metadata.title == "Council rebuilds the bridge"
    related = "<title>Bridge reopens - The Daily</title><article><h1>The bridge reopens at last</h1>"
    assert read_html(related + PARAGRAPHS + "</article>").metadata.title == "The bridge reopens at last"


def test_with_no_site_name_published_the_h1_tells_the_titles_part_from_the_sites():
    # The h1 repeats the first part of <title>: that part is the headline, however long the site's name.
    first = "<title>Bridge works | Economic Research Service</title><h1>Bridge works</h1>"
    assert read_html(first + PARAGRAPHS).metadata.title == "Bridge works"
    # The h1 repeats the last part: it is the site's name set as a logo, and the rest is the headline.
    last = "<title>Bridge - The Programming Language Book</title><h1>The Programming Language Book</h1>"
    assert read_html(last + PARAGRAPHS).metadata.title == "Bridge"
    # og:title names one part of <title>: the other part is the site's name, even when the h1 repeats it.
    inferred = "<title>Engora Blog | Small models</title><meta property=og:title content='Small models'><h1>Engora Blog</h1>"
    assert read_html(inferred + PARAGRAPHS).metadata.title == "Small models"


def test_a_site_name_holding_a_separator_is_cut_from_the_title_part_by_part():
    html = (
        "<meta property=og:site_name content='Good Meals | Fresh Meal Plan Delivery'>"
        "<title>Nutrition facts debunked \u2014 Good Meals | Fresh Meal Plan Delivery</title><h1>Nutrition facts debunked</h1>"
    )
    assert read_html(html + PARAGRAPHS).metadata.title == "Nutrition facts debunked"


def test_fragments_and_broken_markup_are_read_as_a_browser_reads_them():
    (article,) = clean_html(f"<div class=story><p>{STORY[0]}<p>{STORY[1]}</div><p>{STORY[2]}</b></i></table>")
    assert list(article.body) == STORY


def test_only_a_page_without_text_is_refused():
    with pytest.raises(InputError, match="no visible text"):
        clean_html("<html><body><script>x()</script><img src=a.png></body></html>")
    with pytest.raises(InputError, match="takes str or bytes"):
        clean_html(3)  # type: ignore[arg-type]


def test_encodings_come_from_the_http_header_then_meta_then_utf8_then_a_guess():
    text = "Café crème brûlée à la française, déjà vu."
    latin = f"<p>{text}</p>".encode("cp1252")
    assert decode_html(latin, "iso-8859-1") == (f"<p>{text}</p>", "cp1252")
    meta = b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">' + latin
    assert decode_html(meta)[0].endswith(f"<p>{text}</p>")
    assert decode_html(f"<p>{text}</p>".encode())[0] == f"<p>{text}</p>"
    (article,) = clean_html(f"<p>{text} {STORY[0]}</p>".encode("cp1252"), charset="windows-1252")
    assert article.body[0].startswith(text)


def test_bytes_read_as_they_are_decoded_whatever_path_they_take():
    html = f"<h1>Café crème</h1><p>{STORY[0]} Déjà vu.</p><p>{STORY[1]}</p>"
    page = read_html(html)
    assert utf8_as_given(html.encode()) and read_html(html.encode()) == page  # UTF-8 the engine reads whole
    broken = html.encode().replace("é".encode(), b"\xe9", 1)  # not UTF-8 after all: decoded by a guess
    assert utf8_as_given(broken) and read_html(broken) == read_html(decode_html(broken)[0])
    for whole in (codecs.BOM_UTF8 + html.encode(), html.encode().replace(b"</h1>", b"</h1>\x00")):
        assert not utf8_as_given(whole) and read_html(whole) == page  # a byte-order mark, a NUL: decoded first
    latin = f'<meta charset="windows-1252">{html}'.encode("cp1252")
    assert not utf8_as_given(latin) and not utf8_as_given(html.encode(), "latin-1")
    assert read_html(latin).text == page.text


def test_clean_html_with_a_pass_of_ones_own_keeps_the_doms_marks():
    from attrs import frozen

    @frozen
    class Nothing:
        name: str = "nothing"

        def __call__(self, document):
            return document

    html = f"<nav><a href=/>Home</a></nav><h1>Bridge</h1>{PARAGRAPHS}"
    pipeline = scrapeclean.default_pipeline().append(Nothing())
    (own,) = clean_html(html, pipeline=pipeline)
    (built_in,) = clean_html(html)
    assert own.body == built_in.body and "Home" not in own.body
    assert [removed.reason for removed in own.removed] == [removed.reason for removed in built_in.removed]


def test_only_articles_of_pages_carry_the_page_keys_in_their_json_form():
    (dump_article,) = scrapeclean.clean("\n\n".join(STORY))
    assert not {"url", "author", "date", "site"} & set(dump_article.to_dict())
    (page_article,) = clean_html(f"<h1>Bridge</h1>{PARAGRAPHS}", url="https://daily.example/bridge")
    data = page_article.to_dict()
    assert (data["url"], data["author"], data["date"], data["site"]) == ("https://daily.example/bridge", None, None, None)


def test_lists_and_tables_inside_the_story_container_stay_with_the_story():
    cities = ("Springfield", "Shelbyville", "Ogdenville", "North Haverbrook", "Capital City", "Brockway", "Cypress Creek")
    dates = "".join(f"<li>June {day} -- {city} Arena</li>" for day, city in enumerate(cities, start=1))
    html = (
        f"<nav><ul><li><a href=/>Home</a></li><li><a href=/n>News</a></li></ul></nav><article><h1>Band sets tour</h1>"
        f"<p>{STORY[0]}</p><p>{STORY[1]}</p><p>The dates:</p><ul>{dates}</ul></article>"
    )
    page = read_html(html)
    lines = [line for line in page.text.split("\n") if line]
    assert [lines[index] for index in page.content][-1] == "June 7 -- Cypress Creek Arena"
    assert not {"Home", "News"} & {lines[index] for index in page.content}
    (article,) = clean_html(html)
    assert [line for line in article.body if line.startswith("June")] == [f"June {day} -- {city} Arena" for day, city in enumerate(cities, start=1)]


def test_process_page_gives_the_document_clean_html_assembles():
    from scrapeclean import assemble
    from scrapeclean.page import process_page

    html = f"<nav><a href=/>Home</a></nav><article><h1>Bridge</h1>{PARAGRAPHS}</article><footer>Copyright</footer>"
    page = read_html(html)
    document = process_page(page)
    assert document.raw == page.text
    removed = {block.text: block.removal.reason for block in document.blocks if block.removal is not None}
    assert removed["Home"] == "page-navigation" and removed["Copyright"] == "page-footer"
    assert [article.body for article in assemble(document)] == [article.body for article in clean_html(html)]


CARDS = "".join(
    f"<div class=card><a href=/s{number}><h3>Another story about the town, number {number}</h3></a>"
    f"<p>A short excerpt of that other story, to draw the reader in.</p><span>{number}h ago</span></div>"
    for number in range(4)
)


def test_teaser_cards_beside_a_story_are_removed_and_a_listings_cards_are_kept():
    story = [" ".join(STORY), " ".join(reversed(STORY))]
    html = "<h1>Council rebuilds the bridge</h1>" + "".join(f"<p>{text}</p>" for text in story)
    page = read_html(f"{html}<div class=rail>{CARDS}</div>")
    blocks = page.text.replace("\n\n", "\n").split("\n")
    removed = {blocks[index] for index, reason, _ in page.marks if reason == TEASER_CARDS}
    assert removed >= {"Another story about the town, number 0", "3h ago"}
    (article,) = clean_html(f"{html}<div class=rail>{CARDS}</div>")
    assert list(article.body) == story
    # A listing: the cards are the page's content, not something beside it.
    listing = read_html(f"{html}<div>{CARDS * 3}</div>")
    assert not [mark for mark in listing.marks if mark[1] == TEASER_CARDS]
    # Cards inside the story's article element are the story's own (a list of picks in a review).
    inside = read_html(f"<article>{html}{CARDS}</article>")
    assert not [mark for mark in inside.marks if mark[1] == TEASER_CARDS]


def test_a_page_nested_past_the_limit_is_refused_at_once_and_one_within_it_is_read():
    from scrapeclean.page import MAX_NESTING

    story = "<p>The council voted on Tuesday to rebuild the old river bridge.</p>"
    deep = "<div>" * (MAX_NESTING + 1) + story + "</div>" * (MAX_NESTING + 1)
    with pytest.raises(InputError, match="nests its elements about 4,097 deep"):
        clean_html(deep)
    within = "<div>" * 1000 + story + "</div>" * 1000
    (article,) = clean_html(within)
    assert article.body == ("The council voted on Tuesday to rebuild the old river bridge.",)


def test_a_page_str_with_a_lone_surrogate_is_read_with_it_left_out():
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
    page = "<h1>Bridge</h1>" + paragraphs.replace("river", "ri\udce9ver", 1)
    (article,) = clean_html(page)
    assert list(article.body) == STORY


def test_a_tag_with_too_many_attributes_is_refused_at_once():
    from scrapeclean.page import MAX_ATTRIBUTES

    story = "The council voted on Tuesday to rebuild the old river bridge."
    attributes = " ".join(f"data-n{number}='a value with spaces'" for number in range(MAX_ATTRIBUTES + 1))
    with pytest.raises(InputError, match="holds 10,001 attributes"):
        clean_html(f"<div {attributes}><p>{story}</p></div>")
    (article,) = clean_html(f"<div {attributes[: len(attributes) // 2]}><p>{story}</p></div>")
    assert article.body == (story,)


def test_a_whole_story_outweighs_any_rail_of_cards_beside_it():
    paragraphs = [f"{text} {text} {text}" for text in STORY * 2]
    story = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    page = read_html(f"<article><h1>Council rebuilds the bridge</h1>{story}</article><div class=feed>{CARDS * 20}</div>")
    blocks = page.text.replace("\n\n", "\n").split("\n")
    cards = [index for index, reason, _ in page.marks if reason == TEASER_CARDS]
    feed = sum(len(block) for block in blocks[blocks.index("Another story about the town, number 0") :])
    assert WHOLE_STORY_CHARS <= sum(map(len, paragraphs)) < feed  # a long feed outweighs even a whole story
    assert len(cards) == 20 * 4 * 3  # its eighty cards go, each a headline, an excerpt and a date


def test_a_call_to_action_box_is_a_promotion():
    appeal = "<div class='card cta-letter'><h3>A Word to Our Readers</h3><p>Support our work and make a difference.</p></div>"
    page = read_html(f"<h1>Council rebuilds the bridge</h1>{PARAGRAPHS}{appeal}")
    assert [(detail, reason) for _, reason, detail in page.marks][-2:] == [("class 'cta'", "promotion")] * 2
    (article,) = clean_html(f"<h1>Council rebuilds the bridge</h1>{PARAGRAPHS}{appeal}")
    assert list(article.body) == STORY


def test_a_box_named_related_that_holds_most_of_the_pages_sentences_is_the_page():
    story = "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
    aside = "<p>See also the council's other plans for the town this year, and what they will cost.</p>"
    # The page's longest paragraph stands above the box (its summary), but the box holds most of its sentences.
    summary = f"<p>{STORY[0]} {STORY[1]}</p>"
    menu = "".join(f"<li><a href=/{number}>Another section of the site, number {number}</a></li>" for number in range(40))
    page = read_html(f"<nav><ul>{menu}</ul></nav><h1>Bridge</h1>{summary}<div id=related>{story}{story}</div>")
    assert not [mark for mark in page.marks if mark[1] == "related-content"]
    page = read_html(f"<h1>Bridge</h1>{story}<div id=related>{aside}</div>")
    assert [mark[1] for mark in page.marks][-1] == "related-content"


def test_an_author_box_is_marked_by_its_class():
    html = f"<h1>Council rebuilds the bridge</h1>{PARAGRAPHS}<div class='author-bio'><p>Jane Doe writes on towns.</p></div>"
    page = read_html(html)
    assert [reason for _, reason, _ in page.marks][-1] == "author-box"
    (article,) = clean_html(html)
    assert list(article.body) == STORY
