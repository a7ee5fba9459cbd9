"""Document to articles, and articles to scrapeclean's own plain-text form.

Articles are built from kept blocks only. A kept block with no role is body
text. Removed blocks are reported with the story they stand in, so every
removal is listed by exactly one article.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .model import Article, Block, Caption, Document, RemovedBlock, Role
from .textform import PARAGRAPH_BREAK, STORY_BREAK

_METADATA = (Role.TITLE, Role.SECTION, Role.BYLINE, Role.DATELINE)


def _caption(block: Block, raw: str) -> Caption:
    credit = block.credit
    credit_text = raw[credit.start : credit.end] if credit is not None else None
    return Caption(text=block.text, span=block.span, credit=credit_text)


class Parts:
    """A story's blocks sorted by what they become in its article."""

    __slots__ = ("metadata", "captions", "body", "kept", "removed")

    def __init__(self, blocks: Iterable[Block]) -> None:
        self.metadata: dict[str, Block] = {}
        self.captions: list[Block] = []
        self.body: list[Block] = []
        self.kept: list[Block] = []
        self.removed: list[Block] = []
        for block in blocks:
            if block.removal is not None:
                self.removed.append(block)
                continue
            self.kept.append(block)
            role = block.role
            if role in _METADATA:
                # A story has one title, section, byline and dateline; further lines
                # given such a role stay kept (in ``spans``) but out of the body.
                self.metadata.setdefault(role, block)
            elif role == Role.CAPTION:
                self.captions.append(block)
            else:
                self.body.append(block)

    def shown(self) -> list[Block]:
        """The blocks of the plain-text form: title and body, in the order of the input."""
        title = self.metadata.get(Role.TITLE)
        if title is None:
            return self.body
        return sorted([title, *self.body], key=lambda block: block.index)


def _article(index: int, blocks: Sequence[Block], document: Document) -> Article:
    parts = Parts(blocks)
    found = {role: block.text for role, block in parts.metadata.items()}
    return Article(
        index=index,
        body=[block.text for block in parts.body],
        title=found.get(Role.TITLE),
        section=found.get(Role.SECTION),
        byline=found.get(Role.BYLINE),
        dateline=found.get(Role.DATELINE),
        captions=[_caption(block, document.raw) for block in parts.captions],
        spans=[block.span for block in parts.kept],
        title_span=parts.metadata[Role.TITLE].span if Role.TITLE in parts.metadata else None,
        body_spans=[block.span for block in parts.body],
        removed=[
            RemovedBlock(
                block.span,
                block.removal.pass_name,
                block.removal.reason,
                block.removal.detail,
                block.index,
                block.removal.copy_of,
                block.text,
            )
            for block in parts.removed
            if block.removal is not None
        ],
        source=document.source,
    )


def stories(document: Document) -> list[list[Block]]:
    """The document's blocks grouped by story number, in order, stories with nothing kept folded away.

    Removed blocks of a story with nothing kept join the story before (or the
    first story), so no removal is lost from the record.
    """
    groups: dict[int, list[Block]] = {}
    for block in document.blocks:
        groups.setdefault(block.story, []).append(block)
    result: list[list[Block]] = []
    orphans: list[Block] = []
    for number in sorted(groups):
        group = groups[number]
        if any(block.removal is None and block.role != Role.CAPTION for block in group):
            result.append(orphans + group)
            orphans = []
        elif result:
            result[-1].extend(group)
        else:
            orphans.extend(group)
    if orphans and result:
        result[-1].extend(orphans)
    for group in result:
        group.sort(key=lambda block: block.index)
    return result


def assemble(document: Document) -> tuple[Article, ...]:
    """Build the articles of a processed document.

    >>> from scrapeclean.segment import segment
    >>> [article.text for article in assemble(segment("One.\\nTwo."))]
    ['One.\\n\\nTwo.']
    """
    return tuple(
        _article(index, group, document) for index, group in enumerate(stories(document))
    )


def to_text(articles: Iterable[Article]) -> str:
    """scrapeclean's plain-text form: each article's title and body paragraphs, stories separated by a page break.

    Cleaning this text again gives the same text (see :func:`scrapeclean.clean`).
    """
    texts = []
    for article in articles:
        lines = list(article.body)
        if article.title:
            # The title goes where it stood in the input (almost always first), so
            # that which line is the title never changes the text.
            title_start = article.title_span.start if article.title_span else -1
            before = sum(1 for span in article.body_spans if span.start < title_start)
            lines.insert(before, article.title)
        if lines:
            texts.append(PARAGRAPH_BREAK.join(lines))
    return STORY_BREAK.join(texts)
