"""AssignRoles: each story's title, section and dateline; stray lines above the title removed."""

from __future__ import annotations

import pytest

from scrapeclean import Document, Role, segment
from scrapeclean.passes import AssignRoles
from scrapeclean.passes.roles import HEADER_LINE

PARAGRAPH = (
    "Harbour seals have returned to breed in the estuary for the first time in four decades, according to a "
    "survey published on Tuesday by the regional wildlife trust."
)
SECOND = (
    "Volunteers counted forty-six adults and eleven pups on the sandbanks below the old ferry crossing, where "
    "the last breeding colony was recorded in the early 1980s."
)
HEADLINE = "Harbour seals return to the estuary"


def _roles(document: Document) -> list[tuple[str, str | None, tuple[str, str] | None]]:
    return [
        (block.text, block.role, (block.removal.reason, block.removal.detail) if block.removal else None)
        for block in document.blocks
    ]


def _run(raw: str) -> Document:
    return AssignRoles()(segment(raw))


def test_section_title_and_dateline_in_the_headline_zone():
    document = _run(f"Science\n{HEADLINE}\nMarch 3, 2024\n{PARAGRAPH}\n{SECOND}")
    assert _roles(document) == [
        ("Science", Role.SECTION, None),
        (HEADLINE, Role.TITLE, None),
        ("March 3, 2024", Role.DATELINE, None),
        (PARAGRAPH, None, None),
        (SECOND, None, None),
    ]


def test_other_lines_above_the_title_are_header_lines():
    document = _run(f"News\nEnvironment\nScience\n{HEADLINE}\n{PARAGRAPH}")
    assert _roles(document)[:4] == [
        ("News", None, (HEADER_LINE, "above the title")),
        ("Environment", None, (HEADER_LINE, "above the title")),
        ("Science", Role.SECTION, None),
        (HEADLINE, Role.TITLE, None),
    ]


def test_the_page_title_line_is_not_the_headline():
    title_line = f"{HEADLINE} | The Estuary Gazette"
    document = _run(f"{title_line}\nScience\n{HEADLINE}\n{PARAGRAPH}")
    assert _roles(document)[:3] == [
        (title_line, None, (HEADER_LINE, "above the title")),
        ("Science", Role.SECTION, None),
        (HEADLINE, Role.TITLE, None),
    ]


def test_a_byline_found_earlier_keeps_its_role():
    document = segment(f"{HEADLINE}\nBy Jane Doe\n{PARAGRAPH}")
    edits = document.edit("remove-site-chrome")
    edits.set_role(1, Role.BYLINE)
    assert [block.role for block in AssignRoles()(edits.apply()).blocks] == [Role.TITLE, Role.BYLINE, None]


def test_each_story_gets_its_own_title():
    document = segment(f"{HEADLINE}\n{PARAGRAPH}\nDock workers end strike as union accepts pay offer\n{SECOND}")
    edits = document.edit("split-stories")
    edits.set_story(2, 1)
    edits.set_story(3, 1)
    roles = [block.role for block in AssignRoles()(edits.apply()).blocks]
    assert roles == [Role.TITLE, None, Role.TITLE, None]


def test_a_headline_removed_as_boilerplate_above_the_text_is_restored_as_title():
    document = segment(f"{HEADLINE}\n{PARAGRAPH}\n{SECOND}")
    edits = document.edit("remove-site-chrome")
    edits.remove(0, "boilerplate", "short block outside the main text")
    restored = AssignRoles()(edits.apply()).blocks[0]
    assert (restored.role, restored.removal) == (Role.TITLE, None)


def test_prose_alone_has_no_title():
    document = _run(f"{PARAGRAPH}\n{SECOND}")
    assert [block.role for block in document.blocks] == [None, None]


def test_removed_blocks_are_not_given_roles():
    document = segment(f"Menu\n{HEADLINE}\n{PARAGRAPH}")
    edits = document.edit("remove-site-chrome")
    edits.remove(0, "ui-phrase", "navigation or widget text")
    assert _roles(AssignRoles()(edits.apply())) == [
        ("Menu", None, ("ui-phrase", "navigation or widget text")),
        (HEADLINE, Role.TITLE, None),
        (PARAGRAPH, None, None),
    ]


def test_nothing_kept_returns_the_same_document():
    document = segment("Menu")
    edits = document.edit("remove-site-chrome")
    edits.remove(0, "ui-phrase")
    removed = edits.apply()
    assert AssignRoles()(removed) is removed


@pytest.mark.parametrize(
    "text",
    [
        "March 3, 2024",
        "3 March 2024",
        "Updated Dec 18, 2025 · 12 min read",
        "2024-03-03",
        "03.03.2024",
        "12. März 2024",
        "3 de marzo de 2024",
        "Last updated on September 16th, 2023 at 09:27 am",
    ],
)
def test_a_short_dated_line_under_the_title_is_the_dateline(text):
    document = AssignRoles()(segment(f"{HEADLINE}\n{text}\n{PARAGRAPH}"))
    assert [block.role for block in document.blocks] == [Role.TITLE, Role.DATELINE, None]


@pytest.mark.parametrize("text", [HEADLINE, "By Jane Doe", PARAGRAPH, "Top 10 stories"])
def test_a_line_without_a_date_or_too_long_is_no_dateline(text):
    document = AssignRoles()(segment(f"{HEADLINE}\n{text}\n{PARAGRAPH}"))
    assert Role.DATELINE not in [block.role for block in document.blocks]


def test_name():
    assert AssignRoles.name == "assign-roles"


def test_an_address_is_not_a_title():
    document = _run(f"Skip to content\n{HEADLINE}\nwww.estuary-gazette.co.uk\n{PARAGRAPH}")
    assert [block.role for block in document.blocks[1:3]] == [Role.TITLE, None]


def test_list_items_and_breadcrumb_trails_are_not_titles():
    document = _run(
        f"* Home\n* Environment and wildlife news\nHome » Science and nature » Wildlife\n{HEADLINE}\n{PARAGRAPH}"
    )
    assert [block.role for block in document.blocks[:4]] == [None, None, None, Role.TITLE]
    assert [block.removal.reason for block in document.blocks[:3]] == [HEADER_LINE] * 3


def test_a_longer_line_sharing_the_first_lines_words_does_not_make_it_a_page_title_line():
    # Cleaned text: the headline first, then a by-line name and a subheading that repeats its words.
    document = _run(f"{HEADLINE}\nJane Doe\nIntroduction: {HEADLINE}\n{PARAGRAPH}")
    assert document.blocks[0].role == Role.TITLE
    assert document.blocks[2].role is None


def test_a_copy_of_the_first_line_far_down_the_text_is_a_subheading():
    document = _run(f"{HEADLINE}\nJane Doe\n{PARAGRAPH}\n{SECOND}\n{HEADLINE}\n{PARAGRAPH}")
    assert [block.role for block in document.blocks] == [Role.TITLE, None, None, None, None, None]
    assert all(block.removal is None for block in document.blocks)


def test_the_page_title_line_names_a_headline_down_in_the_text():
    title_line = f"{HEADLINE} - The Estuary Gazette"
    document = _run(f"{title_line}\nSign up for alerts\nLatest stories\n{PARAGRAPH}\n{HEADLINE}\n{SECOND}")
    assert document.blocks[4].role == Role.TITLE
    assert document.blocks[0].removal.reason == HEADER_LINE


_MENU_LINES = [
    f"{word} and more" for word in ("Products", "Pricing", "Customers", "Partners", "Careers", "Support")
] * 4


@pytest.mark.parametrize(
    "above",
    [
        ["Home", "Science", "Environment"],
        # A long menu the chrome pass removes with the headline; a breadcrumb trail names it.
        [*_MENU_LINES, f"Home > Science > {HEADLINE}"],
    ],
    ids=["labels", "menu-and-trail"],
)
def test_the_title_is_the_same_when_the_cleaned_text_is_cleaned_again(above):
    from scrapeclean import clean, to_text

    dump = "\n".join(
        [
            f"{HEADLINE} | The Estuary Gazette",
            *above,
            HEADLINE,
            "By Jane Doe",
            "March 3, 2024",
            *(f"{PARAGRAPH} {SECOND}" for _ in range(4)),
        ]
    )
    first = clean(dump)
    again = clean(to_text(first))
    assert first[0].title == again[0].title == HEADLINE
    assert to_text(again) == to_text(first)


def _removed(raw: str, removed: range) -> Document:
    """The roles of a dump whose blocks in ``removed`` the chrome pass took for boilerplate."""
    document = segment(raw)
    edits = document.edit("remove-site-chrome")
    for index in removed:
        edits.remove(index, "boilerplate", "short block outside the main text")
    return AssignRoles()(edits.apply())


MENU = ["Events & Webinars", "Analyst Reports", "Rewards Program", "Product Tours and Use Cases"]


def test_a_menu_line_above_the_headline_loses_to_the_line_the_text_opens_with():
    # The menu line is longer and first, but the text repeats the headline's words, not the menu's.
    raw = f"Skip to content\nBlog Resource Hub Events and Webinars Analyst Reports\n{HEADLINE}\nJane Doe\n{PARAGRAPH}"
    document = _removed(raw, range(1))
    assert [block.role for block in document.blocks[1:3]] == [None, Role.TITLE]
    assert document.blocks[1].removal.reason == HEADER_LINE


def test_a_headline_taken_for_chrome_under_a_breadcrumb_trail_is_restored_over_a_menu_line():
    raw = "\n".join(
        [
            *MENU,
            f"Home > Blog > {HEADLINE}",
            HEADLINE,
            "Jane Doe",
            "Product Tours and Use Cases Roadmap",
            PARAGRAPH,
            SECOND,
        ]
    )
    document = _removed(raw, range(6))
    assert [block.text for block in document.blocks if block.role == Role.TITLE] == [HEADLINE]
    assert document.blocks[5].removal is None
    assert (document.blocks[7].role, document.blocks[7].removal) == (None, None)
    without_trail = _removed(raw.replace(f"Home > Blog > {HEADLINE}", "Home Blog"), range(6))
    assert without_trail.blocks[5].role != Role.TITLE


def test_a_date_under_a_line_taken_for_chrome_makes_it_the_headline():
    raw = "\n".join([*MENU, HEADLINE, "March 3, 2024", "Product Tours and Use Cases Roadmap", PARAGRAPH, SECOND])
    with_date = _removed(raw, range(6))
    assert with_date.blocks[4].role == Role.TITLE
    without_date = _removed(raw.replace("March 3, 2024", "Share this page"), range(6))
    assert without_date.blocks[4].role != Role.TITLE


def test_a_first_line_taken_for_chrome_heads_the_contents_under_it_that_repeat_its_words():
    # Cleaned text: the headline, its table of contents, then prose that names the story otherwise.
    contents = ["Why the seals left the estuary", "What the harbour offers them now"]
    raw = "\n".join([HEADLINE, *contents, SECOND, SECOND])
    document = _removed(raw, range(1))
    assert (document.blocks[0].role, document.blocks[0].removal) == (Role.TITLE, None)
    # A <title> line with the site's name beside it is not a headline the contents stand under.
    site = _removed(raw.replace(HEADLINE, f"{HEADLINE} | The Estuary Gazette", 1), range(1))
    assert site.blocks[0].removal.reason == "boilerplate"
    assert site.blocks[0].role is None


def test_a_first_line_taken_for_chrome_over_a_near_copy_of_it_is_the_page_title_line():
    # A dump: the <title> line, menus the chrome pass took, then the headline saying nearly the same.
    raw = "\n".join(["Seals return to the estuary after forty years", "Menu", "Search", HEADLINE, SECOND, SECOND])
    document = _removed(raw, range(3))
    assert [block.index for block in document.blocks if block.role == Role.TITLE] == [3]
