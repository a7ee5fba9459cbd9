"""The data model: spans, blocks, documents and articles.

A :class:`Document` is the raw dump plus its :class:`Block` s (one per
non-blank line). Passes never edit text: they give blocks a role, a story
number, or a :class:`Removal`. :class:`Article` s are assembled from the kept
blocks only, so every kept character maps back to the input through a span.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs
from attrs import field, frozen

from .errors import SpanError


class Role:
    """The roles a block can be given. Plain strings, as they appear in JSON."""

    TITLE = "title"
    SECTION = "section"
    BYLINE = "byline"
    DATELINE = "dateline"
    CAPTION = "caption"
    BODY = "body"
    HEADING = "heading"  # a subheading inside the body; assembled into ``body``

    ALL = frozenset({TITLE, SECTION, BYLINE, DATELINE, CAPTION, BODY, HEADING})
    IN_BODY = frozenset({BODY, HEADING})


def _check_role(instance: Any, attribute: attrs.Attribute, value: str | None) -> None:
    if value is not None and value not in Role.ALL:
        raise SpanError(f"{attribute.name} must be one of {sorted(Role.ALL)} or None, not {value!r}")


def _non_negative(instance: Any, attribute: attrs.Attribute, value: int) -> None:
    if value < 0:
        raise SpanError(f"{attribute.name} must be >= 0, not {value}")


@frozen(slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` of the input text."""

    start: int = field(validator=_non_negative)
    end: int = field(validator=_non_negative)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise SpanError(f"span end {self.end} is before its start {self.start}")

    def to_list(self) -> list[int]:
        return [self.start, self.end]

    @classmethod
    def _trusted(cls, start: int, end: int) -> Span:
        """A span the engine found (``0 <= start <= end`` holds by construction): no checks run."""
        span = _new(cls)
        _set_start(span, start)
        _set_end(span, end)
        return span


_new = object.__new__
_set = object.__setattr__


def _slot_setters(cls: type, *names: str) -> tuple[Any, ...]:
    """The slot descriptors' setters of a frozen class's fields, for objects made from trusted values.

    Setting a slot through its descriptor skips the frozen class's ``__setattr__`` guard and the
    generated ``__init__``: half the cost of making the object, for the engine's many records.
    """
    return tuple(getattr(cls, name).__set__ for name in names)


_set_start, _set_end = _slot_setters(Span, "start", "end")


@frozen(slots=True)
class Removal:
    """Why a block was removed: the pass's name, a kebab-case reason code, a note for people."""

    pass_name: str
    reason: str
    detail: str = ""
    copy_of: int | None = None  # the index of the block this one copies, for removals of copies


@frozen(slots=True)
class Block:
    """One non-blank line of the input, with what the passes decided about it.

    ``gap`` counts the blank lines between this block and the previous one
    (0: the line directly follows; the first block counts blank lines from the
    start). ``hard_break`` is set when a form feed stands between them, the
    story separator scrapeclean itself writes.
    """

    index: int
    start: int
    end: int
    text: str
    gap: int = 0
    hard_break: bool = False
    role: str | None = field(default=None, validator=_check_role)
    removal: Removal | None = None
    story: int = 0
    credit: Span | None = None  # for captions: where the photo credit stands

    @property
    def kept(self) -> bool:
        return self.removal is None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


def _check_blocks(instance: Document, attribute: attrs.Attribute, blocks: tuple[Block, ...]) -> None:
    raw = instance.raw
    previous_end = 0
    for position, block in enumerate(blocks):
        if block.index != position:
            raise SpanError(f"block {position} carries index {block.index}")
        if block.start < previous_end or block.end > len(raw) or block.end - block.start != len(block.text):
            raise SpanError(f"block {position} span [{block.start}, {block.end}) is out of order or out of range")
        if not raw.startswith(block.text, block.start):
            raise SpanError(f"block {position} text differs from the input at [{block.start}, {block.end})")
        previous_end = block.end


@frozen(slots=True)
class Document:
    """The input text and its blocks, as the passes see it."""

    raw: str
    blocks: tuple[Block, ...] = field(validator=_check_blocks)
    source: str | None = None
    # Derived data that depends only on the blocks' texts (see features.analyse),
    # shared by the documents evolved from this one; never part of a result.
    cache: dict[str, Any] = field(factory=dict, eq=False, repr=False)

    def __len__(self) -> int:
        return len(self.blocks)

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)

    def kept(self) -> list[Block]:
        return [block for block in self.blocks if block.removal is None]

    def edit(self, pass_name: str = "") -> Edits:
        """Start a batch of changes made by ``pass_name``; ``edits.apply()`` gives the new document."""
        return Edits(self, pass_name)

    def with_blocks(self, changed: Mapping[int, Block]) -> Document:
        if not changed:
            return self
        blocks = list(self.blocks)
        for index, block in changed.items():
            blocks[index] = block
        return attrs.evolve(self, blocks=tuple(blocks))

    def _annotated(self, blocks: tuple[Block, ...]) -> Document:
        """This document with ``blocks`` that differ from its own only in their annotations.

        Index, span and text are those of blocks already checked against
        ``raw``, so the check is not run again.
        """
        derived = object.__new__(Document)
        for name, value in (("raw", self.raw), ("blocks", blocks), ("source", self.source), ("cache", self.cache)):
            object.__setattr__(derived, name, value)
        return derived

    @classmethod
    def _trusted(cls, raw: str, blocks: tuple[Block, ...], source: str | None) -> Document:
        """A document over blocks the engine found in ``raw`` (their spans hold by construction)."""
        document = object.__new__(cls)
        for name, value in (("raw", raw), ("blocks", blocks), ("source", source), ("cache", {})):
            object.__setattr__(document, name, value)
        return document

    @property
    def story_count(self) -> int:
        return 1 + max((block.story for block in self.blocks), default=0)


class Edits:
    """Collects a pass's decisions about blocks and applies them in one go.

    Removing a block that is already removed keeps the first removal: the
    record says which pass took the block out first.
    """

    __slots__ = ("document", "_changes", "pass_name")

    def __init__(self, document: Document, pass_name: str = "") -> None:
        self.document = document
        self.pass_name = pass_name
        self._changes: dict[int, dict[str, Any]] = {}

    def _current(self, index: int, name: str) -> Any:
        change = self._changes.get(index)
        if change is not None and name in change:
            return change[name]
        return getattr(self.document.blocks[index], name)

    def is_kept(self, index: int) -> bool:
        return self._current(index, "removal") is None

    def role(self, index: int) -> str | None:
        return self._current(index, "role")

    def remove(
        self, index: int, reason: str, detail: str = "", pass_name: str | None = None, copy_of: int | None = None
    ) -> None:
        if self._current(index, "removal") is not None:
            return
        removal = Removal(pass_name or self.pass_name, reason, detail, copy_of)
        self._changes.setdefault(index, {}).update(removal=removal, role=None)

    def set_role(self, index: int, role: str | None, credit: Span | None = None) -> None:
        change = self._changes.setdefault(index, {})
        change["role"] = role
        if credit is not None:
            change["credit"] = credit

    def restore(self, index: int, role: str) -> None:
        """Take back a removal, giving the block a role (a headline found among removed lines)."""
        self._changes.setdefault(index, {}).update(removal=None, role=role)

    def set_story(self, index: int, story: int) -> None:
        self._changes.setdefault(index, {})["story"] = story

    def __bool__(self) -> bool:
        return bool(self._changes)

    def apply(self) -> Document:
        if not self._changes:
            return self.document
        blocks = list(self.document.blocks)
        for index, change in self._changes.items():
            blocks[index] = _annotated(blocks[index], change)
        return self.document._annotated(tuple(blocks))


def _annotated(block: Block, change: Mapping[str, Any]) -> Block:
    """``block`` with new annotations (role, removal, story, credit); its index, span and text stay."""
    get = change.get
    return Block(
        block.index,
        block.start,
        block.end,
        block.text,
        block.gap,
        block.hard_break,
        get("role", block.role),
        get("removal", block.removal),
        get("story", block.story),
        get("credit", block.credit),
    )


@frozen(slots=True)
class Caption:
    """A photo caption, kept once, with its credit (``AFP Photo/…``, ``File/Reuters``) when it has one."""

    text: str
    span: Span
    credit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "credit": self.credit}


@frozen(slots=True)
class RemovedBlock:
    """A removed stretch of input and the pass and reason that removed it."""

    span: Span
    pass_name: str
    reason: str
    detail: str = ""
    block: int | None = None  # the removed block's index in the input
    copy_of: int | None = None  # for a removed copy: the index of the block it copies
    text: str | None = None  # the removed text, when the article was built with it

    def to_dict(self, text: bool = False) -> dict[str, Any]:
        """The JSON form; with ``text``, the removed text too, so a record can be read without its input."""
        found = {
            "start": self.span.start,
            "end": self.span.end,
            "pass": self.pass_name,
            "reason": self.reason,
            "detail": self.detail,
            "block": self.block,
            "copy_of": self.copy_of,
        }
        if text:
            found["text"] = self.text
        return found

    @classmethod
    def _trusted(
        cls,
        span: Span,
        pass_name: str,
        reason: str,
        detail: str,
        block: int | None,
        copy_of: int | None,
        text: str | None,
    ) -> RemovedBlock:
        """A record of a block the engine removed (its values hold by construction): no ``__init__`` runs."""
        record = _new(cls)
        set_span, set_pass, set_reason, set_detail, set_block, set_copy, set_text = _REMOVED_SETTERS
        set_span(record, span)
        set_pass(record, pass_name)
        set_reason(record, reason)
        set_detail(record, detail)
        set_block(record, block)
        set_copy(record, copy_of)
        set_text(record, text)
        return record


_REMOVED_SETTERS = _slot_setters(RemovedBlock, "span", "pass_name", "reason", "detail", "block", "copy_of", "text")


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(items)


@frozen(slots=True)
class Article:
    """One story of a dump: its metadata, captions and body, each traceable to the input.

    ``body`` holds the paragraphs (subheadings included) in reading order;
    ``text`` joins them with a blank line. ``spans`` are the input ranges of
    every kept block of the article, ``removed`` what was taken out around it
    (an article the engine built makes its ``removed`` records on their first
    read, see :func:`defer_removed`).
    """

    index: int
    body: tuple[str, ...] = field(converter=_tuple)
    title: str | None = None
    section: str | None = None
    byline: str | None = None
    dateline: str | None = None
    captions: tuple[Caption, ...] = field(default=(), converter=_tuple)
    spans: tuple[Span, ...] = field(default=(), converter=_tuple)
    removed: tuple[RemovedBlock, ...] = field(default=(), converter=_tuple)
    source: str | None = None
    title_span: Span | None = None
    body_spans: tuple[Span, ...] = field(default=(), converter=_tuple)  # one per body paragraph
    # From an HTML page (scrapeclean.clean_html): its URL and the metadata it publishes.
    url: str | None = None
    author: str | None = None
    date: str | None = None
    site: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.body)

    def to_dict(self, removed_text: bool = False) -> dict[str, Any]:
        """The documented JSON form (see docs/data-model.md); keys are stable.

        With ``removed_text``, each ``removed`` record carries the text it removed.
        An article of an HTML page that gives any of ``url``, ``author``,
        ``date`` and ``site`` has all four keys; a dump's article has none of
        them, so its form is what it always was.
        """
        found = {
            "index": self.index,
            "title": self.title,
            "section": self.section,
            "byline": self.byline,
            "dateline": self.dateline,
            "captions": [caption.to_dict() for caption in self.captions],
            "body": list(self.body),
            "text": self.text,
            "spans": [span.to_list() for span in self.spans],
            "removed": [removed.to_dict(removed_text) for removed in self.removed],
            "title_span": self.title_span.to_list() if self.title_span else None,
            "body_spans": [span.to_list() for span in self.body_spans],
        }
        page = {"url": self.url, "author": self.author, "date": self.date, "site": self.site}
        if any(value is not None for value in page.values()):  # an article of an HTML page: all four keys
            found.update(page)
        return found


class _Deferred:
    """A field's value not made yet: ``make()`` gives it, on the field's first read (see :func:`_deferrable`)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def _deferrable(cls: type, name: str) -> Callable[[Any, Callable[[], Any]], None]:
    """Let the slot of field ``name`` of ``cls`` hold a :class:`_Deferred`, made into its value on the first read.

    The field's descriptor becomes a property over the slot. Every reader goes
    through it (attrs' ``__eq__``, ``__hash__`` and ``__repr__``, pickling,
    ``attrs.evolve``, ``to_dict``), so none ever sees the deferred form, and
    ``__init__`` (and unpickling) stores the converted value through it as before.
    Gives the function that defers an instance's value: ``defer(instance, make)``.
    """
    slot = getattr(cls, name)
    read_slot, write_slot = slot.__get__, slot.__set__

    def read(instance: Any) -> Any:
        value = read_slot(instance, cls)
        if type(value) is _Deferred:
            value = value.make()
            write_slot(instance, value)
        return value

    def defer(instance: Any, make: Callable[[], Any]) -> None:
        write_slot(instance, _Deferred(make))

    setattr(cls, name, property(read, write_slot, doc=slot.__doc__))
    return defer


# A page's removed blocks are most of its blocks: the engine's articles make their records only when someone
# reads them (clean() on a 50 MB dump would otherwise make 840,000 records, 370 MB, that most callers never read).
defer_removed: Callable[[Article, Callable[[], tuple[RemovedBlock, ...]]], None] = _deferrable(Article, "removed")
