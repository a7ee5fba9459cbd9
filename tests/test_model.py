"""The data model: spans, blocks, documents, edits, articles and their JSON form."""

from __future__ import annotations

import json
import pickle

import attrs
import pytest

from scrapeclean import Article, Block, Caption, Document, Removal, RemovedBlock, Role, Span, SpanError, segment
from scrapeclean.errors import ScrapecleanError
from scrapeclean.model import defer_removed

# The JSON form of an article, as documented (docs/data-model.md): these keys, no others.
ARTICLE_KEYS = {
    "index",
    "title",
    "section",
    "byline",
    "dateline",
    "captions",
    "body",
    "text",
    "spans",
    "removed",
    "title_span",
    "body_spans",
}
CAPTION_KEYS = {"text", "credit"}
REMOVED_KEYS = {"start", "end", "pass", "reason", "detail", "block", "copy_of"}


def _document(raw: str = "Title\n\nFirst paragraph.\nSecond paragraph.") -> Document:
    return segment(raw)


# -- Span --------------------------------------------------------------------------------------


def test_span_is_a_half_open_range_that_orders_by_start():
    assert Span(3, 9).to_list() == [3, 9]
    assert sorted([Span(5, 6), Span(0, 2), Span(5, 5)]) == [Span(0, 2), Span(5, 5), Span(5, 6)]


@pytest.mark.parametrize(("start", "end", "message"), [(5, 4, "before its start"), (-1, 3, "start must be >= 0")])
def test_span_refuses_impossible_ranges(start, end, message):
    with pytest.raises(SpanError, match=message) as raised:
        Span(start, end)
    assert isinstance(raised.value, ValueError)
    assert isinstance(raised.value, ScrapecleanError)


def test_span_is_frozen():
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        Span(0, 1).start = 2  # type: ignore[misc]


# -- Block -------------------------------------------------------------------------------------


def test_block_refuses_an_unknown_role_naming_the_field():
    with pytest.raises(SpanError, match="role must be one of .*'paragraph'"):
        Block(index=0, start=0, end=1, text="x", role="paragraph")


def test_block_is_kept_until_removed_and_knows_its_span():
    block = Block(index=0, start=4, end=9, text="words")
    assert block.kept and block.span == Span(4, 9)
    removed = attrs.evolve(block, removal=Removal("remove-site-chrome", "widget", "counter"))
    assert not removed.kept


def test_roles_are_plain_strings_and_subheadings_count_as_body():
    assert Role.ALL == {"title", "section", "byline", "dateline", "caption", "body", "heading"}
    assert Role.IN_BODY == {"body", "heading"}


# -- Document validators ---------------------------------------------------------------------------


def test_document_accepts_blocks_that_match_the_input():
    document = _document()
    assert len(document) == 3
    assert [block.text for block in document] == ["Title", "First paragraph.", "Second paragraph."]


def test_document_refuses_a_block_whose_text_differs_from_the_input():
    document = _document()
    forged = attrs.evolve(document.blocks[1], text="First paragraph!")
    with pytest.raises(SpanError, match=r"block 1 text differs from the input at \[7, 23\)"):
        Document(raw=document.raw, blocks=(document.blocks[0], forged, document.blocks[2]))


def test_document_refuses_blocks_out_of_order():
    first, second, _ = _document().blocks
    with pytest.raises(SpanError, match="out of order or out of range"):
        Document(raw=_document().raw, blocks=(attrs.evolve(second, index=0), attrs.evolve(first, index=1)))


def test_document_refuses_a_span_past_the_end_of_the_input():
    block = Block(index=0, start=0, end=12, text="Title and on")
    with pytest.raises(SpanError, match="out of order or out of range"):
        Document(raw="Title", blocks=(block,))


def test_document_refuses_a_span_whose_length_differs_from_its_text():
    with pytest.raises(SpanError, match="out of order or out of range"):
        Document(raw="Title here", blocks=(Block(index=0, start=0, end=10, text="Title"),))


def test_document_refuses_blocks_numbered_out_of_sequence():
    block = attrs.evolve(_document().blocks[0], index=1)
    with pytest.raises(SpanError, match="block 0 carries index 1"):
        Document(raw=_document().raw, blocks=(block,))


def test_document_counts_stories_and_lists_kept_blocks():
    document = _document()
    assert document.story_count == 1
    edits = document.edit("my-pass")
    edits.remove(0, "header-line")
    edits.set_story(2, 1)
    changed = edits.apply()
    assert changed.story_count == 2
    assert [block.index for block in changed.kept()] == [1, 2]


def test_with_no_changes_the_document_is_returned_as_it_is():
    document = _document()
    assert document.with_blocks({}) is document
    assert document.edit("my-pass").apply() is document


# -- Edits --------------------------------------------------------------------------------------------


def test_edits_apply_to_a_new_document_and_leave_the_old_one_alone():
    document = _document()
    edits = document.edit("my-pass")
    assert not edits
    edits.remove(2, "widget", "a toggle")
    edits.set_role(0, Role.TITLE)
    assert edits
    changed = edits.apply()
    assert changed.blocks[2].removal == Removal("my-pass", "widget", "a toggle")
    assert changed.blocks[0].role == "title"
    assert all(block.removal is None and block.role is None for block in document.blocks)


def test_the_first_removal_of_a_block_is_the_one_recorded():
    edits = _document().edit("first-pass")
    edits.remove(1, "boilerplate", "outside the main text")
    edits.remove(1, "widget", pass_name="second-pass")
    assert not edits.is_kept(1)
    assert edits.apply().blocks[1].removal == Removal("first-pass", "boilerplate", "outside the main text")

    already = edits.apply().edit("third-pass")
    already.remove(1, "related-content")
    assert not already
    assert already.apply().blocks[1].removal.pass_name == "first-pass"


def test_removing_a_block_takes_its_role_away():
    edits = _document().edit("my-pass")
    edits.set_role(0, Role.TITLE)
    edits.remove(0, "header-line")
    assert edits.role(0) is None
    assert edits.apply().blocks[0].role is None


def test_set_role_records_a_caption_credit_span():
    document = segment("Boats in the harbour. (File/Reuters)")
    edits = document.edit("dedup-captions")
    edits.set_role(0, Role.CAPTION, credit=Span(23, 35))
    block = edits.apply().blocks[0]
    assert block.role == "caption"
    assert document.raw[block.credit.start : block.credit.end] == "File/Reuters"


# -- Article and its JSON form ---------------------------------------------------------------------------


def _article() -> Article:
    return Article(
        index=1,
        body=["First paragraph.", "Second paragraph."],
        title="Title",
        section="World",
        byline="By Jane Doe",
        dateline="March 3, 2024",
        captions=[Caption("Boats at dawn. (File/Reuters)", Span(40, 69), "File/Reuters")],
        spans=[Span(0, 5), Span(7, 23), Span(24, 41)],
        title_span=Span(0, 5),
        body_spans=[Span(7, 23), Span(24, 41)],
        removed=[RemovedBlock(Span(70, 72), "remove-site-chrome", "widget", "counter, toggle or separator")],
        source="page.txt",
    )


def test_article_text_joins_the_body_with_blank_lines():
    article = _article()
    assert article.body == ("First paragraph.", "Second paragraph.")
    assert article.text == "First paragraph.\n\nSecond paragraph."


def test_to_dict_carries_every_documented_key_with_its_value():
    data = _article().to_dict()
    assert data == {
        "index": 1,
        "title": "Title",
        "section": "World",
        "byline": "By Jane Doe",
        "dateline": "March 3, 2024",
        "captions": [{"text": "Boats at dawn. (File/Reuters)", "credit": "File/Reuters"}],
        "body": ["First paragraph.", "Second paragraph."],
        "text": "First paragraph.\n\nSecond paragraph.",
        "spans": [[0, 5], [7, 23], [24, 41]],
        "title_span": [0, 5],
        "body_spans": [[7, 23], [24, 41]],
        "removed": [
            {
                "start": 70,
                "end": 72,
                "pass": "remove-site-chrome",
                "reason": "widget",
                "detail": "counter, toggle or separator",
                "block": None,
                "copy_of": None,
            }
        ],
    }
    assert json.loads(json.dumps(data)) == data


def test_to_dict_keys_are_exactly_the_documented_ones():
    data = _article().to_dict()
    assert set(data) == ARTICLE_KEYS
    assert all(set(caption) == CAPTION_KEYS for caption in data["captions"])
    assert all(set(removed) == REMOVED_KEYS for removed in data["removed"])


def test_caption_and_removed_block_dicts_have_the_documented_keys():
    assert set(Caption("Text", Span(0, 4)).to_dict()) == CAPTION_KEYS
    assert Caption("Text", Span(0, 4)).to_dict() == {"text": "Text", "credit": None}
    assert set(RemovedBlock(Span(0, 1), "p", "r").to_dict()) == REMOVED_KEYS


def test_an_empty_article_has_an_empty_json_form():
    data = Article(index=0, body=[]).to_dict()
    assert set(data) == ARTICLE_KEYS
    assert (data["title"], data["body"], data["text"], data["captions"], data["spans"], data["removed"]) == (
        None,
        [],
        "",
        [],
        [],
        [],
    )
    assert (data["title_span"], data["body_spans"]) == (None, [])


def test_article_is_frozen_and_compares_by_value():
    assert _article() == _article()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        _article().title = "Other"  # type: ignore[misc]


def test_records_made_from_trusted_values_equal_those_made_through_their_constructors():
    span = Span._trusted(3, 9)
    assert span == Span(3, 9) and hash(span) == hash(Span(3, 9)) and span.to_list() == [3, 9]
    for copy_of, text in ((None, None), (2, "Share this")):
        made = RemovedBlock._trusted(span, "remove-site-chrome", "boilerplate", "short block", 4, copy_of, text)
        expected = RemovedBlock(Span(3, 9), "remove-site-chrome", "boilerplate", "short block", 4, copy_of, text)
        assert made == expected and hash(made) == hash(expected) and repr(made) == repr(expected)
        assert made.to_dict(text=True) == expected.to_dict(text=True)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.reason = "other"  # type: ignore[misc]


def _deferred_article(made: list[int]) -> Article:
    """``_article()`` whose ``removed`` records are made on their first read, counting the reads that make them."""
    article = attrs.evolve(_article(), removed=())

    def make() -> tuple[RemovedBlock, ...]:
        made.append(1)
        return _article().removed

    defer_removed(article, make)
    return article


@pytest.mark.parametrize(
    "use",
    [
        lambda article: article == _article(),
        lambda article: hash(article) == hash(_article()),
        lambda article: repr(article) == repr(_article()),
        lambda article: article.to_dict(removed_text=True) == _article().to_dict(removed_text=True),
        lambda article: pickle.loads(pickle.dumps(article)) == _article(),
        lambda article: attrs.evolve(article, title="Title") == _article(),
        lambda article: attrs.asdict(article) == attrs.asdict(_article()),
    ],
)
def test_deferred_removed_records_are_made_once_and_every_use_sees_them(use):
    made: list[int] = []
    article = _deferred_article(made)
    assert made == []
    assert use(article)
    assert article.removed == _article().removed and type(article.removed) is tuple
    assert made == [1]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.removed = ()  # type: ignore[misc]
