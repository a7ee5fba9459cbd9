"""The bridge to the compiled core, :mod:`scrapeclean._engine`: pipelines in, articles and documents out.

Texts go to the engine through :mod:`scrapeclean.handoff`, which makes them
UTF-8 the engine can take (lone surrogates as U+FFFD, one code point for
one, so every offset the engine returns is still an offset into the
original ``str``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

import attrs

from . import _engine
from .handoff import built, encodable, encodable_all, pooled
from .model import Article, Block, Caption, Document, Removal, RemovedBlock, Span, defer_removed


def settings_of(item: object) -> dict[str, object]:
    """A built-in pass's settings as the engine takes them (attrs fields; tuples as lists)."""
    return {
        field.name: list(value) if isinstance(value, tuple) else value
        for field in attrs.fields(type(item))
        for value in (getattr(item, field.name),)
    }


def run_builtin(document: Document, passes: Sequence[object]) -> Document:
    """Run built-in passes in the engine over ``document``; the document they annotate.

    The engine reads the blocks' spans and annotations as columns and hands
    back the annotations after the passes; only blocks whose annotations
    changed get a new :class:`~scrapeclean.model.Block`.
    """
    blocks = document.blocks
    columns = (
        [block.start for block in blocks],
        [block.end for block in blocks],
        [block.gap for block in blocks],
        [block.hard_break for block in blocks],
    )
    notes = _notes(blocks)
    roles, removals, stories, credits = _engine.run_passes(
        encodable(document.raw), columns, notes, [(item.name, settings_of(item)) for item in passes]  # type: ignore[attr-defined]
    )
    changed: dict[int, Block] = {}
    for index, block in enumerate(blocks):
        row = (roles[index], removals[index], stories[index], credits[index])
        if row != (notes[0][index], notes[1][index], notes[2][index], notes[3][index]):
            removal = None if row[1] is None else Removal(*row[1])
            credit = None if row[3] is None else Span(*row[3])
            changed[index] = _with_notes(block, row[0], removal, row[2], credit)
    if not changed:
        return document
    new_blocks = list(blocks)
    for index, block in changed.items():
        new_blocks[index] = block
    return document._annotated(tuple(new_blocks))


def _notes(blocks: Sequence[Block]) -> tuple[list, list, list, list]:
    return (
        [block.role for block in blocks],
        [
            None if block.removal is None else (*attrs.astuple(block.removal, recurse=False),)
            for block in blocks
        ],
        [block.story for block in blocks],
        [None if block.credit is None else (block.credit.start, block.credit.end) for block in blocks],
    )


def _with_notes(block: Block, role: str | None, removal: Removal | None, story: int, credit: Span | None) -> Block:
    return Block(block.index, block.start, block.end, block.text, block.gap, block.hard_break, role, removal, story, credit)


def engine_passes(pipeline: Iterable[object]) -> list[tuple[str, dict[str, object]]] | None:
    """The engine's form of a pipeline made only of built-in passes the engine runs; else None.

    A subclass of a built-in pass may change what it does, so only the
    built-in classes themselves count. Pipelines are immutable, so the form of
    one that can be hashed is worked out once.
    """
    try:
        return _engine_form(pipeline)
    except TypeError:  # a pass of one's own that cannot be hashed: not a built-in pipeline anyway
        return _uncached_form(pipeline)


def _uncached_form(pipeline: Iterable[object]) -> list[tuple[str, dict[str, object]]] | None:
    from . import passes as builtin

    classes = {getattr(builtin, name) for name in builtin.__all__}
    names = set(_engine.pass_names())
    spec = []
    for item in pipeline:
        if type(item) not in classes or item.name not in names:  # type: ignore[attr-defined]
            return None
        spec.append((item.name, settings_of(item)))  # type: ignore[attr-defined]
    return spec


_engine_form = functools.lru_cache(maxsize=64)(_uncached_form)


def process_in_engine(text: str, passes: list[tuple[str, dict[str, object]]]) -> tuple:
    return _engine.process(encodable(text), built(passes))


def clean_in_engine(text: str, source: str | None, passes: list[tuple[str, dict[str, object]]]) -> list[Article]:
    return engine_articles(text, source, _engine.clean(encodable(text), built(passes)))


# Texts that clean_many hands the engine at a time on several threads: each thread cleans a chunk of its own and
# takes the next when done, while Python makes the articles of the oldest, so that work runs beside the engine's.
_CHUNK = 16


def clean_many_in_engine(
    texts: list[str], passes: list[tuple[str, dict[str, object]]], threads: int
) -> list[list[Article]]:
    engine = built(passes)
    if threads <= 1 or len(texts) <= _CHUNK:
        cleaned = _engine.clean_many(encodable_all(texts), engine, threads)
        return [engine_articles(text, None, result) for text, result in zip(texts, cleaned)]
    chunks = (texts[start : start + _CHUNK] for start in range(0, len(texts), _CHUNK))
    found: list[list[Article]] = []

    def clean_chunk(chunk: list[str]) -> list[tuple]:
        return _engine.clean_many(encodable_all(chunk), engine, 1)

    for chunk, chunk_cleaned in pooled(chunks, clean_chunk, threads):
        found += [engine_articles(text, None, result) for text, result in zip(chunk, chunk_cleaned())]
    return found


def engine_articles(text: str, source: str | None, result: tuple) -> list[Article]:
    """The articles of a text the engine cleaned, from its compact columns (see ``Compact`` in python.rs).

    The same articles :func:`scrapeclean.assemble.assemble` builds from the
    document, with no object made for a block an article does not list.
    """
    spans_bytes, table, removal_bytes, copy_bytes, credit_list, rows = result
    spans = memoryview(spans_bytes).cast("Q")
    removal_of = memoryview(removal_bytes).cast("I")
    copy_of = memoryview(copy_bytes).cast("q")
    credits = dict(credit_list)

    removed_columns = _RemovedColumns(text, spans, table, removal_of, copy_of)
    made: dict[int, Span] = {}  # a block in body and kept shares one Span

    def span(index: int) -> Span:
        found = made.get(index)
        if found is None:
            found = made[index] = Span._trusted(spans[2 * index], spans[2 * index + 1])
        return found

    def line(index: int | None) -> str | None:
        return None if index is None else text[spans[2 * index] : spans[2 * index + 1]]

    def caption(index: int) -> Caption:
        credit = credits.get(index)
        return Caption(line(index), span(index), None if credit is None else text[credit[0] : credit[1]])  # type: ignore[arg-type]

    articles = []
    for number, (title, section, byline, dateline, *lists) in enumerate(rows):
        captions, body, kept, removed = (memoryview(blocks).cast("I") for blocks in lists)
        articles.append(
            Article(
                index=number,
                body=[line(index) for index in body],
                title=line(title),
                section=line(section),
                byline=line(byline),
                dateline=line(dateline),
                captions=[caption(index) for index in captions],
                spans=[span(index) for index in kept],
                source=source,
                title_span=None if title is None else span(title),
                body_spans=[span(index) for index in body],
            )
        )
        defer_removed(articles[-1], functools.partial(removed_columns.records, removed))
    return articles


class _RemovedColumns:
    """The engine's columns a text's removed-block records are made from, shared by the text's articles."""

    __slots__ = ("text", "spans", "table", "removal_of", "copy_of")

    def __init__(self, text: str, spans: memoryview, table: list, removal_of: memoryview, copy_of: memoryview) -> None:
        self.text = text
        self.spans = spans
        self.table = table
        self.removal_of = removal_of
        self.copy_of = copy_of

    def records(self, indices: memoryview) -> tuple[RemovedBlock, ...]:
        """The records of the removed blocks ``indices``, made in one pass with no call per block but the two
        constructors (a removed block is in no other list of an article, so its span is not shared)."""
        text, spans, table, removal_of, copy_of = self.text, self.spans, self.table, self.removal_of, self.copy_of
        new_span = Span._trusted
        new_record = RemovedBlock._trusted
        return tuple(
            [
                new_record(
                    new_span(start, end),
                    pass_name,
                    reason,
                    detail,
                    index,
                    None if copy_of[index] < 0 else copy_of[index],
                    text[start:end],
                )
                for index in indices
                for start, end in ((spans[2 * index], spans[2 * index + 1]),)
                for pass_name, reason, detail in (table[removal_of[index]],)
            ]
        )


def engine_document(text: str, source: str | None, columns: tuple) -> Document:
    """The :class:`Document` the engine's columns describe: its blocks with their annotations."""
    (starts, ends, gaps, hard_breaks), (roles, removals, stories, credits) = columns
    blocks = tuple(
        Block(
            index,
            start,
            end,
            text[start:end],
            gaps[index],
            hard_breaks[index],
            roles[index],
            None if removals[index] is None else Removal(*removals[index]),
            stories[index],
            None if credits[index] is None else Span(*credits[index]),
        )
        for index, (start, end) in enumerate(zip(starts, ends))
    )
    return Document._trusted(text, blocks, source)
