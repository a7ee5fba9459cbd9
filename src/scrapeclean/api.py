"""``clean()``: one dump in, its articles out."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from .assemble import PARAGRAPH_BREAK, STORY_BREAK, Parts, assemble, stories
from .engine import clean_in_engine, clean_many_in_engine, engine_document, engine_passes, process_in_engine
from .errors import ConfigError
from .handoff import check_text as _check_text
from .model import Article, Block, Document, Edits, Span
from .pipeline import Pipeline
from .segment import segment

# Re-cleaning rounds allowed before giving up on a fixed point. Real pages
# settle in one confirming round; the bound keeps hostile input linear.
MAX_ROUNDS = 12


@functools.cache
def default_pipeline() -> Pipeline:
    """The passes scrapeclean runs by default, in order (one immutable pipeline, made once).

    >>> default_pipeline().names
    ('dedup-captions', 'remove-site-chrome', 'collapse-repeated-blocks', 'split-stories', 'assign-roles')
    """
    from .passes import AssignRoles, CollapseRepeatedBlocks, DedupCaptions, RemoveSiteChrome, SplitStories

    return Pipeline(
        (DedupCaptions(), RemoveSiteChrome(), CollapseRepeatedBlocks(), SplitStories(), AssignRoles())
    )


def process(text: str, *, source: str | None = None, pipeline: Pipeline | None = None) -> Document:
    """Run the pipeline to a fixed point and return the annotated document.

    The plain-text form of the result (:func:`scrapeclean.to_text`) is stable:
    cleaning it again removes nothing and splits no story differently. Where
    a confirming round on that text would still change it, its decisions are
    carried back onto the input's blocks, and the rounds repeat.
    """
    _check_text(text)
    pipeline = default_pipeline() if pipeline is None else pipeline
    passes = engine_passes(pipeline)
    if passes is not None:  # built-in passes only: one engine call, confirming rounds included
        return engine_document(text, source, process_in_engine(text, passes))
    document = pipeline.run(text, source=source)
    for _ in range(MAX_ROUNDS):
        document, changed = _settle(document, pipeline)
        if not changed:
            break
    return document


def clean_many(
    texts: Iterable[str], *, threads: int = 1, pipeline: Pipeline | None = None
) -> list[list[Article]]:
    """Clean many dumps, ``threads`` at a time: the articles of each, in input order.

    A pipeline of built-in passes runs in the engine with Python's lock
    released, so the threads clean in parallel; a pipeline with a pass of your
    own cleans one dump at a time. Results equal ``[clean(text) for text in texts]``.

    >>> [len(articles) for articles in clean_many(["A short story, told plainly. " * 6, ""], threads=2)]
    [1, 0]
    """
    texts = list(texts)
    for text in texts:
        _check_text(text)
    if not isinstance(threads, int) or isinstance(threads, bool) or threads < 1:
        raise ConfigError(f"clean_many(): threads must be a whole number of at least 1, not {threads!r}")
    pipeline = default_pipeline() if pipeline is None else pipeline
    passes = engine_passes(pipeline)
    if passes is None:
        return [clean(text, pipeline=pipeline) for text in texts]
    return clean_many_in_engine(texts, passes, threads)


def clean(text: str, *, source: str | None = None, pipeline: Pipeline | None = None) -> list[Article]:
    """Clean one page dump: the articles in it, in reading order.

    >>> articles = clean("Menu\\nHome\\n\\nA title for the story\\n\\n" + "Some words of a real story, told plainly. " * 8)
    >>> len(articles), articles[0].title
    (1, 'A title for the story')
    """
    _check_text(text)
    pipeline = default_pipeline() if pipeline is None else pipeline
    passes = engine_passes(pipeline)
    if passes is not None:  # built-in passes only: one engine call, articles built from its columns
        return clean_in_engine(text, source, passes)
    return list(assemble(process(text, source=source, pipeline=pipeline)))


def _shown_stories(document: Document) -> list[list[Block]]:
    return [shown for shown in (Parts(group).shown() for group in stories(document)) if shown]


def _render(shown: list[list[Block]]) -> str:
    return STORY_BREAK.join(PARAGRAPH_BREAK.join(block.text for block in story) for story in shown)


def _settle(document: Document, pipeline: Pipeline) -> tuple[Document, bool]:
    shown = _shown_stories(document)
    text = _render(shown)
    again = segment(text)
    again = pipeline(again)
    flat = [block for story in shown for block in story]
    if len(again.blocks) != len(flat) or _render(_shown_stories(again)) == text:
        return document, False  # the text form is a fixed point (segment() maps shown blocks one to one)
    shown_again = {block.index for story in _shown_stories(again) for block in story}
    edits = document.edit()
    for original, second in zip(flat, again.blocks):
        if second.index in shown_again:
            continue
        if second.removal is not None:
            removal = second.removal
            copy_of = None if removal.copy_of is None else flat[removal.copy_of].index
            edits.remove(original.index, removal.reason, removal.detail, removal.pass_name, copy_of)
        else:
            edits.set_role(original.index, second.role, credit=_moved_credit(second, original))
    split_changed = _run_lengths(block.story for block in again.blocks) != [len(story) for story in shown]
    if split_changed:
        _renumber(document, edits, flat, again)
    if not edits:
        return document, False
    return edits.apply(), True


def _run_lengths(numbers: Iterable[int]) -> list[int]:
    sizes: list[int] = []
    previous = None
    for number in numbers:
        if number != previous:
            sizes.append(0)
            previous = number
        sizes[-1] += 1
    return sizes


def _moved_credit(second: Block, original: Block) -> Span | None:
    if second.credit is None:
        return None
    offset = original.start - second.start
    return Span(second.credit.start + offset, second.credit.end + offset)


def _renumber(document: Document, edits: Edits, flat: list[Block], again: Document) -> None:
    """Carry the confirming round's story split back onto every block of the input.

    Shown blocks take their story from the confirming round; a block it did not
    see (a caption, a removed line) goes with the next shown block of its old
    story, or else with the shown block before it, so stories stay in order.
    """
    mapped = {original.index: second.story for original, second in zip(flat, again.blocks)}
    blocks = document.blocks
    following: list[Block | None] = [None] * len(blocks)
    upcoming = None
    for block in reversed(blocks):
        following[block.index] = upcoming
        if block.index in mapped:
            upcoming = block
    current = 0
    for block in blocks:
        story = mapped.get(block.index)
        if story is None:
            ahead = following[block.index]
            story = mapped[ahead.index] if ahead is not None and ahead.story == block.story else current
        current = max(current, story)
        edits.set_story(block.index, current)
