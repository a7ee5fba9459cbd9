"""Assembly: annotated documents to articles, and articles to scrapeclean's plain-text form."""

from __future__ import annotations

from collections.abc import Mapping

from scrapeclean import Document, Role, Span, assemble, segment, to_text
from scrapeclean.assemble import PARAGRAPH_BREAK, STORY_BREAK, stories

LINES = (
    "Menu",  # 0
    "World",  # 1
    "A headline over the story",  # 2
    "Troops at the border. (File/Reuters)",  # 3
    "By Jane Doe",  # 4
    "March 3, 2024",  # 5
    "First paragraph of the story.",  # 6
    "A subheading",  # 7
    "Second paragraph of the story.",  # 8
    "Share on Facebook",  # 9
)
RAW = "\n".join(LINES)


def _annotate(
    raw: str,
    roles: Mapping[int, str] = {},
    removed: Mapping[int, tuple[str, str, str]] = {},
    stories: Mapping[int, int] = {},
    credits: Mapping[int, Span] = {},
    source: str | None = None,
) -> Document:
    document = segment(raw, source=source)
    edits = document.edit()
    for index, role in roles.items():
        edits.set_role(index, role, credit=credits.get(index))
    for index, (pass_name, reason, detail) in removed.items():
        edits.remove(index, reason, detail, pass_name)
    for index, story in stories.items():
        edits.set_story(index, story)
    return edits.apply()


def _story_document(**changes) -> Document:
    credit_start = RAW.index("File/Reuters")
    settings = {
        "roles": {1: Role.SECTION, 2: Role.TITLE, 3: Role.CAPTION, 4: Role.BYLINE, 5: Role.DATELINE, 7: Role.HEADING},
        "removed": {
            0: ("remove-site-chrome", "ui-phrase", "navigation or widget text"),
            9: ("remove-site-chrome", "ui-phrase", "navigation or widget text"),
        },
        "credits": {3: Span(credit_start, credit_start + len("File/Reuters"))},
        "source": "page.txt",
    }
    settings.update(changes)
    return _annotate(RAW, **settings)


def test_an_unannotated_document_is_one_article_of_body_paragraphs():
    (article,) = assemble(segment("One.\nTwo.\n\nThree."))
    assert article.body == ("One.", "Two.", "Three.")
    assert article.title is None and article.captions == () and article.removed == ()
    assert article.spans == (Span(0, 4), Span(5, 9), Span(11, 17))


def test_roles_become_the_article_fields_and_subheadings_stay_in_the_body():
    (article,) = assemble(_story_document())
    assert article.index == 0
    assert (article.section, article.title, article.byline, article.dateline) == (
        "World",
        "A headline over the story",
        "By Jane Doe",
        "March 3, 2024",
    )
    assert article.body == ("First paragraph of the story.", "A subheading", "Second paragraph of the story.")
    assert article.source == "page.txt"


def test_a_caption_keeps_its_span_and_the_text_of_its_credit_span():
    (article,) = assemble(_story_document())
    (caption,) = article.captions
    assert caption.text == "Troops at the border. (File/Reuters)"
    assert RAW[caption.span.start : caption.span.end] == caption.text
    assert caption.credit == "File/Reuters"


def test_a_caption_without_a_credit_span_has_no_credit():
    (article,) = assemble(_story_document(credits={}))
    assert [(caption.text, caption.credit) for caption in article.captions] == [
        ("Troops at the border. (File/Reuters)", None)
    ]


def test_spans_list_every_kept_block_and_removed_lists_the_rest_with_its_reason():
    document = _story_document()
    (article,) = assemble(document)
    assert article.spans == tuple(block.span for block in document.blocks[1:9])
    assert [(item.span, item.pass_name, item.reason, item.detail) for item in article.removed] == [
        (document.blocks[0].span, "remove-site-chrome", "ui-phrase", "navigation or widget text"),
        (document.blocks[9].span, "remove-site-chrome", "ui-phrase", "navigation or widget text"),
    ]


def test_a_second_title_stays_out_of_the_body_and_the_first_one_counts():
    document = _story_document(roles={2: Role.TITLE, 7: Role.TITLE})
    (article,) = assemble(document)
    assert article.title == "A headline over the story"
    assert "A subheading" not in article.body
    assert document.blocks[7].span in article.spans


def test_story_numbers_split_the_articles_and_removals_stay_with_their_story():
    raw = "Menu\nFirst story.\nMore of it.\nAdvertisement\nSecond story.\nThe end of it."
    document = _annotate(
        raw,
        removed={0: ("p", "ui-phrase", ""), 3: ("p", "ui-phrase", "")},
        stories={3: 1, 4: 1, 5: 1},
    )
    first, second = assemble(document)
    assert (first.index, first.body, [item.span for item in first.removed]) == (
        0,
        ("First story.", "More of it."),
        [document.blocks[0].span],
    )
    assert (second.index, second.body, [item.span for item in second.removed]) == (
        1,
        ("Second story.", "The end of it."),
        [document.blocks[3].span],
    )


def test_a_story_with_nothing_kept_folds_into_the_story_before():
    raw = "First story.\nMore of it.\nMenu\nHome\nSecond story."
    document = _annotate(
        raw,
        removed={2: ("p", "ui-phrase", ""), 3: ("p", "ui-phrase", "")},
        stories={2: 1, 3: 1, 4: 2},
    )
    first, second = assemble(document)
    assert [item.span for item in first.removed] == [document.blocks[2].span, document.blocks[3].span]
    assert (second.index, second.body, second.removed) == (1, ("Second story.",), ())


def test_removed_blocks_before_the_first_kept_story_join_it():
    document = _annotate("Menu\nHome\nThe story.", removed={0: ("p", "r", ""), 1: ("p", "r", "")}, stories={2: 1})
    (article,) = assemble(document)
    assert article.index == 0
    assert [item.span for item in article.removed] == [document.blocks[0].span, document.blocks[1].span]


def test_a_story_of_captions_only_is_no_article():
    raw = "The story.\nMore of it.\nBoats at dawn. (File/Reuters)\nNext story."
    document = _annotate(raw, roles={2: Role.CAPTION}, stories={2: 1, 3: 2})
    groups = stories(document)
    assert [[block.index for block in group] for group in groups] == [[0, 1, 2], [3]]
    first, second = assemble(document)
    assert [caption.text for caption in first.captions] == ["Boats at dawn. (File/Reuters)"]
    assert second.body == ("Next story.",)


def test_nothing_kept_gives_no_article():
    document = _annotate("Menu\nHome", removed={0: ("p", "r", ""), 1: ("p", "r", "")})
    assert assemble(document) == ()
    assert assemble(segment("")) == ()


def test_to_text_is_title_and_body_with_a_page_break_between_stories():
    raw = "Title one\nFirst story.\nMore of it.\nTitle two\nSecond story."
    document = _annotate(raw, roles={0: Role.TITLE, 3: Role.TITLE}, stories={3: 1, 4: 1})
    text = to_text(assemble(document))
    assert text == "Title one\n\nFirst story.\n\nMore of it.\n\n\f\n\nTitle two\n\nSecond story."
    assert STORY_BREAK == "\n\n\f\n\n" and PARAGRAPH_BREAK == "\n\n"


def test_to_text_leaves_out_captions_and_metadata_other_than_the_title():
    text = to_text(assemble(_story_document()))
    assert text == (
        "A headline over the story\n\nFirst paragraph of the story.\n\nA subheading\n\nSecond paragraph of the story."
    )


def test_to_text_puts_a_title_where_it_stood_in_the_input():
    document = _annotate("A kicker line.\nThe title\nThe story.", roles={1: Role.TITLE})
    assert to_text(assemble(document)) == "A kicker line.\n\nThe title\n\nThe story."


def test_to_text_skips_articles_with_nothing_to_show():
    document = _annotate("Boats. (File/Reuters)\nThe story.", roles={0: Role.CAPTION, 1: Role.DATELINE})
    assert to_text(assemble(document)) == ""
    assert to_text([]) == ""


def test_the_text_form_segments_back_into_the_same_stories():
    raw = "Title one\nFirst story.\nTitle two\nSecond story.\nThird line."
    document = _annotate(raw, roles={0: Role.TITLE, 2: Role.TITLE}, stories={2: 1, 3: 1, 4: 1})
    again = segment(to_text(assemble(document)))
    assert [block.text for block in again.blocks] == [
        "Title one",
        "First story.",
        "Title two",
        "Second story.",
        "Third line.",
    ]
    assert [block.hard_break for block in again.blocks] == [False, False, True, False, False]
