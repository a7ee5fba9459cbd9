"""What the DOM shows of blocks before any pass reads their text: the blocks to take out up front.

Two kinds of evidence, both general:

* **Containers.** A block inside an element whose tag, ARIA role, class or id
  names a part of the page around its content (``nav``, a page-level
  ``header`` or ``footer``, ``aside``, ``form``, a ``share`` or ``comments``
  box, a cookie notice; see :data:`scrapeclean.page.walk.CLASS_REASONS`) is
  removed with that part's reason. A container that holds more than
  :data:`MAX_CONTAINER_SHARE` of the page's text is a wrapper round the page
  (whole pages sit in a ``<form>``, or in a ``div`` whose class mentions a
  sidebar), not a part of it, and proves nothing; so does a layout part
  (navigation, header, footer, sidebar, form) that holds the page's longest
  run of text outside links (pages that put the story in an ``<aside>`` or in
  a ``content-with-sidebar`` box exist). The page's ``h1`` is left to the passes: sites put their
  headline in the page ``<header>``.
* **Link lists.** A run of at least :data:`MIN_LINK_LIST` list items that
  are all link text is a menu or a list of other pages.

Everything else is left to the passes, which read the same blocks as text.
"""

from __future__ import annotations

from .walk import IN_LIST, Block, Container, Walk

# A part of a page is smaller than the page; above this share of its text an element is a wrapper.
# (Pages wrapped whole in an ASP.NET <form> or a "has-sidebar" layout div hold ~100%.)
MAX_CONTAINER_SHARE = 0.5
# Consecutive list items that are all link text: three make a menu (two are often "previous / next" in a story).
MIN_LINK_LIST = 3
LINKED_SHARE = 0.9

LINK_LIST = "link-list"
# Parts of a page's layout: one of these holding the page's longest prose is the page's frame, not a part of it
# (a "content-with-sidebar" wrapper, a story inside <aside>). Comment, sharing, promotion and related boxes are
# chrome even when they hold long text (a long comment, a teaser's excerpt).
_LAYOUT = frozenset({"page-navigation", "page-header", "page-footer", "page-aside", "form", "dialog"})

Mark = tuple[int, str, str]


def marks(found: Walk) -> list[Mark]:
    """The blocks the DOM shows to be outside the page's content: (block index, reason, detail), in order."""
    blocks = found.blocks
    total = sum(len(block.text) for block in blocks) or 1
    prose = _longest_prose(blocks)
    reasons: dict[int, tuple[str, str]] = {}
    for container in found.containers:
        holds_prose = container.first <= prose < container.last and container.reason in _LAYOUT
        if _is_part(container, blocks, total) and not holds_prose:
            for index in range(container.first, container.last):
                if blocks[index].level != 1:
                    reasons.setdefault(index, (container.reason, container.detail))
    for first, last in _link_lists(blocks):
        for index in range(first, last):
            reasons.setdefault(index, (LINK_LIST, f"{last - first} linked list items"))
    return [(index, reason, detail) for index, (reason, detail) in sorted(reasons.items())]


def content(found: Walk, marked: list[Mark]) -> list[int]:
    """The blocks in the page's content container: the ``article`` or ``main`` element holding its longest prose.

    The passes take these as main text whatever their shape (a table of
    results, a list of dates in the story); a page whose longest prose sits in
    no such element gives none.
    """
    blocks = found.blocks
    longest = _longest_prose(blocks)
    if longest < 0 or not blocks[longest].region:
        return []
    region = blocks[longest].region
    out = {index for index, _, _ in marked}
    return [index for index, block in enumerate(blocks) if block.region == region and index not in out]


def _longest_prose(blocks: list[Block]) -> int:
    """The block with the most text outside links: it is the page's content, whatever its container is called."""
    return max(range(len(blocks)), key=lambda index: len(blocks[index].text) - blocks[index].link_chars, default=-1)


def _is_part(container: Container, blocks: list[Block], total: int) -> bool:
    if container.last <= container.first:
        return False
    held = sum(len(blocks[index].text) for index in range(container.first, container.last))
    return held <= MAX_CONTAINER_SHARE * total


def _link_lists(blocks: list[Block]) -> list[tuple[int, int]]:
    runs = []
    start = None
    for index, block in enumerate([*blocks, None]):
        linked = block is not None and block.flags & IN_LIST and block.link_chars >= LINKED_SHARE * len(block.text)
        if linked and start is None:
            start = index
        elif not linked and start is not None:
            if index - start >= MIN_LINK_LIST:
                runs.append((start, index))
            start = None
    return runs
