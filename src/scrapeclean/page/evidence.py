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
  headline in the page ``<header>``. An element in the page's ``article`` or
  ``main`` named for navigation (not a ``<nav>``) whose text is mostly
  sentences is a section of the story, not a menu. A comment thread holding
  most of the page with no story before it is a forum's thread, the page
  itself: the comment boxes of its posts prove nothing. A box named for a part
  of the page beside its content (related, promotion, share, author box) that
  holds most of the page's sentences is the page. The ``article`` or
  ``main`` element holding the longest prose is the story whatever its class
  says ("newsletter-article"). A dialog (a modal: terms of use, a size
  guide) on a page with a story outside it is chrome however much text it
  holds; browsers show it only when asked.
* **Link lists.** A run of at least :data:`MIN_LINK_LIST` list items that
  are all link text is a menu or a list of other pages.
  On a page with no paragraph of a story, a list holding a good share of its
  text whose items are records of several lines (job offers, search results)
  is the page itself.

Everything else is left to the passes, which read the same blocks as text.

The reader runs the engine's port of :func:`marks` and :func:`content`
(``engine/src/html/evidence.rs``); this module is the reference that port is
held to (``tests/test_html_evidence_engine.py``), and the place to change a
rule first.
"""

from __future__ import annotations

from itertools import accumulate

from .walk import IN_ARTICLE, IN_LIST, IN_MAIN, IN_NAV, IN_PRE, IN_TABLE, MIN_ITEMS, Block, Container, Item, Walk

# A part of a page is smaller than the page; above this share of its text an element is a wrapper.
# (Pages wrapped whole in an ASP.NET <form> or a "has-sidebar" layout div hold ~100%.)
MAX_CONTAINER_SHARE = 0.5
# A container holding more than this share of the page's sentences is the page, whatever its class says
# (the text of a page sits in a box with id "related"); layout parts (navigation, header, footer, sidebar,
# form, dialog: see _LAYOUT) and comment threads (see _forum_threads) have rules of their own.
MOST_PROSE = 0.5
# A layout part holding the page's longest prose is its frame if it holds this share of its sentences too.
FRAME_SENTENCES = 0.5
# Consecutive list items that are all link text: three make a menu (two are often "previous / next" in a story).
MIN_LINK_LIST = 3
# On a page with no paragraph of a story, a list of links holding this share of its text is its content.
LISTING_SHARE = 0.3
# ... if its items are records of this many lines each on average (a title, a date, a place), not a menu's labels.
MIN_RECORD_LINES = 3
LINKED_SHARE = 0.9

LINK_LIST = "link-list"
COMMENT_THREAD = "comment-thread"
DIALOG = "dialog"
TEASER_CARDS = "teaser-cards"
# A teaser card: a linked headline (this many words at least) and little else (an excerpt, a date, a label).
MAX_CARD_CHARS = 400
MIN_CARD_HEADLINE_WORDS = 3
# Share of a repeated structure's items that must be cards for it to be a teaser list.
MIN_CARD_SHARE = 0.75
# Cards are teasers beside a story: a page whose longest paragraph (outside links) holds this many characters.
MIN_STORY_CHARS = 300
# A story of this many characters outside links stands on its own: it outweighs any rail of cards beside it
# (a feed of forty teasers under a review is no listing). Below it, the story must outweigh the cards.
WHOLE_STORY_CHARS = 2000
# Parts of a page's layout: one of these holding the page's longest prose is the page's frame, not a part of it
# (a "content-with-sidebar" wrapper, a story inside <aside>). Comment, sharing, promotion and related boxes are
# chrome even when they hold long text (a long comment, a teaser's excerpt).
_LAYOUT = frozenset({"page-navigation", "page-header", "page-footer", "page-aside", "form", "dialog"})
# Navigation is links. An element inside the page's article or main element, named for navigation by its class,
# id or role but no <nav>, whose text is mostly sentences outside links (this share, this many characters at
# least) is a section of the story, not a menu ("content-nav-section"). Sentences: blocks of this many words.
NAV_PROSE_SHARE = 0.6
MIN_SENTENCE_WORDS = 10
# A data table: this many rows at least, of this many cells on average, at most this share of its text in links.
MIN_TABLE_ROWS = 5
MIN_TABLE_COLUMNS = 2
MAX_TABLE_LINK_SHARE = 0.5

Mark = tuple[int, str, str]


class _Sums:
    """Running totals over the blocks, so that a container's text or sentences cost two look-ups, not a pass."""

    def __init__(self, blocks: list[Block]) -> None:
        self.chars = [0]
        self.sentences = [0]
        for block in blocks:
            self.chars.append(self.chars[-1] + len(block.text))
            self.sentences.append(self.sentences[-1] + _sentence_chars(block))

    def text(self, first: int = 0, last: int = -1) -> int:
        """Characters of blocks ``[first, last)`` (to the end by default)."""
        return self.chars[last] - self.chars[first]

    def sentence_chars(self, first: int = 0, last: int = -1) -> int:
        """Characters of sentences (see :func:`_sentence_chars`) in blocks ``[first, last)``."""
        return self.sentences[last] - self.sentences[first]


def marks(found: Walk) -> list[Mark]:
    """The blocks the DOM shows to be outside the page's content: (block index, reason, detail), in order."""
    blocks = found.blocks
    sums = _Sums(blocks)
    prose = _longest_prose(blocks)
    story = _region_of(blocks, prose)
    reasons: dict[int, tuple[str, str]] = {}
    threads = _forum_threads(found.containers, sums)
    for container in found.containers:
        holds_prose = container.first <= prose < container.last and (
            # A footer's long legal notice is no frame for a page whose sentences are elsewhere.
            sums.sentence_chars(container.first, container.last) >= FRAME_SENTENCES * sums.sentence_chars()
            if container.reason in _LAYOUT
            else container.reason != COMMENT_THREAD and _holds(container, story)
        )
        if container.reason == "page-navigation" and _is_story_section(container, blocks, sums):
            continue
        overlay = container.reason == DIALOG and _story_outside(container, sums)
        if not overlay and _most_prose(container, sums):
            continue  # the box holds most of the page's sentences: whatever its name, it is the page
        if overlay or (_is_part(container, sums) and not holds_prose and not _in_thread(container, threads)):
            for index in range(container.first, container.last):
                if blocks[index].level != 1:
                    reasons.setdefault(index, (container.reason, container.detail))
    story = prose >= 0 and len(blocks[prose].text) - blocks[prose].link_chars >= MIN_STORY_CHARS
    for first, last in _link_lists(blocks):
        if not story and sums.text(first, last) >= LISTING_SHARE * sums.text() and _records(found.items, first, last):
            continue  # a listing's records, each a link (job offers, search results): the page's content
        for index in range(first, last):
            reasons.setdefault(index, (LINK_LIST, f"{last - first} linked list items"))
    for group in _linked_groups(found.items, blocks, sums):
        first, last = group[0].first, group[-1].last
        if not story and sums.text(first, last) >= LISTING_SHARE * sums.text() and _records(found.items, first, last):
            continue  # a listing's records, each wholly a link: the page's content
        for item in group:
            for index in range(item.first, item.last):
                reasons.setdefault(index, (LINK_LIST, f"one of {len(group)} sibling items that are wholly links"))
    for cards in _teaser_lists(found.items, blocks, prose, set(reasons)):
        for item in cards:
            for index in range(item.first, item.last):
                reasons.setdefault(index, (TEASER_CARDS, f"one of {len(cards)} cards of a linked headline and an excerpt"))
    return [(index, reason, detail) for index, (reason, detail) in sorted(reasons.items())]


def content(found: Walk, marked: list[Mark]) -> list[int]:
    """The blocks in the page's content container: the ``article`` or ``main`` element holding its longest prose.

    The passes take these as main text whatever their shape (a table of
    results, a list of dates in the story); a page whose longest prose sits in
    no such element gives none. The lines of a ``<pre>`` element (code, a
    manual page, a poem) and the cells of a data table are content too,
    wherever they stand.
    """
    blocks = found.blocks
    longest = _longest_prose(blocks)
    out = {index for index, _, _ in marked}
    region = blocks[longest].region if longest >= 0 else 0
    tables = _data_tables(found)
    return [
        index
        for index, block in enumerate(blocks)
        if index not in out and ((region and block.region == region) or block.flags & IN_PRE or index in tables)
    ]


def _data_tables(found: Walk) -> set[int]:
    """The blocks of data tables: at least :data:`MIN_TABLE_ROWS` rows of cells, little of it link text.

    A table of standings, prices or figures is a page's content whatever the
    shape of its cells (short, many digits), which a model of prose reads as
    chrome; a table of links is a menu laid out in rows.
    """
    blocks = found.blocks
    cells: set[int] = set()
    for group in _item_groups(found.items):
        inside = [index for item in group for index in range(item.first, item.last)]
        if len(group) < MIN_TABLE_ROWS or not all(blocks[index].flags & IN_TABLE for index in inside):
            continue
        text = sum(len(blocks[index].text) for index in inside)
        links = sum(blocks[index].link_chars for index in inside)
        if links <= MAX_TABLE_LINK_SHARE * text and len(inside) >= MIN_TABLE_COLUMNS * len(group):
            cells.update(inside)
    return cells


def _item_groups(items: list[Item]) -> list[list[Item]]:
    """The repeated structures: the non-empty items of each group, in order."""
    groups: dict[int, list[Item]] = {}
    for item in items:
        if item.last > item.first:
            groups.setdefault(item.group, []).append(item)
    return list(groups.values())


def _longest_prose(blocks: list[Block]) -> int:
    """The block with the most text outside links: it is the page's content, whatever its container is called."""
    return max(range(len(blocks)), key=lambda index: len(blocks[index].text) - blocks[index].link_chars, default=-1)


def _forum_threads(containers: list[Container], sums: _Sums) -> list[Container]:
    """Comment threads that are the page: holding most of its text, with no story before them (a forum's posts)."""
    return [
        container
        for container in containers
        if container.reason == COMMENT_THREAD
        and container.last > container.first
        and not _is_part(container, sums)
        and sums.sentence_chars(0, container.first) < MIN_STORY_CHARS
    ]


def _in_thread(container: Container, threads: list[Container]) -> bool:
    """Whether ``container`` is a post of a thread that is the page (its own comment box proves nothing)."""
    return container.reason == COMMENT_THREAD and any(
        thread.first <= container.first and container.last <= thread.last for thread in threads
    )


def _story_outside(container: Container, sums: _Sums) -> bool:
    """Whether the page holds a story (sentences of :data:`MIN_STORY_CHARS` characters) outside ``container``."""
    return sums.sentence_chars() - sums.sentence_chars(container.first, container.last) >= MIN_STORY_CHARS


def _region_of(blocks: list[Block], index: int) -> tuple[int, int] | None:
    """The first and past-the-last block of the ``article``/``main`` element holding block ``index`` (None: none)."""
    region = blocks[index].region if index >= 0 else 0
    if not region:
        return None
    inside = [number for number, block in enumerate(blocks) if block.region == region]
    return inside[0], inside[-1] + 1


def _holds(container: Container, region: tuple[int, int] | None) -> bool:
    return region is not None and container.first <= region[0] and region[1] <= container.last


def _most_prose(container: Container, sums: _Sums) -> bool:
    """Whether a box named for a part (not a layout part, not comments) holds over :data:`MOST_PROSE` of the page's sentences."""
    if container.reason == COMMENT_THREAD or container.reason in _LAYOUT:
        return False
    return sums.sentence_chars(container.first, container.last) > MOST_PROSE * sums.sentence_chars()


def _sentence_chars(block: Block) -> int:
    """A block's text outside links, if it is a sentence (:data:`MIN_SENTENCE_WORDS` words or more)."""
    return len(block.text) - block.link_chars if len(block.text.split()) >= MIN_SENTENCE_WORDS else 0


def _is_story_section(container: Container, blocks: list[Block], sums: _Sums) -> bool:
    """Whether a container inside ``article``/``main`` and no ``<nav>`` is mostly sentences outside links (see :data:`NAV_PROSE_SHARE`)."""
    sentences = sums.sentence_chars(container.first, container.last)
    if sentences < MIN_STORY_CHARS or sentences < NAV_PROSE_SHARE * sums.text(container.first, container.last):
        return False
    inside = blocks[container.first : container.last]
    return all(block.flags & (IN_ARTICLE | IN_MAIN) and not block.flags & IN_NAV for block in inside)


def _is_part(container: Container, sums: _Sums) -> bool:
    if container.last <= container.first:
        return False
    return sums.text(container.first, container.last) <= MAX_CONTAINER_SHARE * (sums.text() or 1)


def _teaser_lists(items: list[Item], blocks: list[Block], prose: int, out: set[int]) -> list[list[Item]]:
    """Repeated structures whose items are teaser cards: each a linked headline with at most a short excerpt.

    Only cards beside a story count (see :func:`_beside_story`); tables are data, whatever their links.
    """
    found = []
    beside = _StoryChars(blocks, prose, out)
    for group in _item_groups(items):
        if len(group) < MIN_ITEMS or not _beside_story(group, blocks, beside):
            continue
        if all(blocks[index].flags & IN_TABLE for item in group for index in range(item.first, item.last)):
            continue
        cards = sum(_is_card(blocks[item.first : item.last]) for item in group)
        if cards >= MIN_ITEMS and cards >= MIN_CARD_SHARE * len(group):
            found.append(group)
    # Cards are the content of a page with no paragraph of a story (a listing, a shop's grid, a front page).
    story = prose >= 0 and len(blocks[prose].text) - blocks[prose].link_chars >= MIN_STORY_CHARS
    return found if story else []


class _StoryChars:
    """Characters outside links of the story's blocks (none in ``out``): those in its region, and before each block."""

    def __init__(self, blocks: list[Block], prose: int, out: set[int]) -> None:
        chars = [0 if index in out else len(block.text) - block.link_chars for index, block in enumerate(blocks)]
        self.region = blocks[prose].region if blocks else 0
        self.prose = prose
        self.in_region = sum(count for count, block in zip(chars, blocks) if self.region and block.region == self.region)
        self.before = list(accumulate(chars, initial=0))


def _beside_story(group: list[Item], blocks: list[Block], story: _StoryChars) -> bool:
    """Whether cards sit beside a story that outweighs them: outside its ``article``/``main``, else after its longest prose."""
    inside = [index for item in group for index in range(item.first, item.last)]
    if story.region:
        if any(blocks[index].region == story.region for index in inside):
            return False
        story_chars = story.in_region
    elif group[0].first > story.prose:
        story_chars = story.before[group[0].first]
    else:
        return False
    # A listing's cards outweigh the paragraph that opens it; a story outweighs the teasers beside it.
    return story_chars >= min(sum(len(blocks[index].text) for index in inside), WHOLE_STORY_CHARS)


def _is_card(blocks: list[Block]) -> bool:
    if sum(len(block.text) for block in blocks) > MAX_CARD_CHARS:
        return False
    return any(
        block.link_chars >= LINKED_SHARE * len(block.text) and len(block.text.split()) >= MIN_CARD_HEADLINE_WORDS
        for block in blocks
    )


def _records(items: list[Item], first: int, last: int) -> bool:
    """Whether the items over blocks ``[first, last)`` are records of several lines each (a menu's are one line)."""
    inside = [item for item in items if first <= item.first < item.last <= last]
    if not inside:
        return False
    outer: dict[int, list[Item]] = {}
    for item in inside:
        outer.setdefault(item.group, []).append(item)
    widest = max(outer.values(), key=lambda group: sum(item.last - item.first for item in group))
    return sum(item.last - item.first for item in widest) >= MIN_RECORD_LINES * len(widest)


def _linked_groups(items: list[Item], blocks: list[Block], sums: _Sums) -> list[list[Item]]:
    """Groups of :data:`MIN_LINK_LIST` sibling items or more, every block of them link text and each item a
    card's size (:data:`MAX_CARD_CHARS`), below a story: the page's ``h1``, then sentences of its own
    (:data:`MIN_STORY_CHARS`), then the group. A rail of linked headlines with their linked bylines and dates,
    a menu built of ``div`` elements: the link lists that are not lists."""
    h1 = next((index for index, block in enumerate(blocks) if block.level == 1), None)
    if h1 is None:
        return []

    def linked(index: int) -> bool:
        return len(blocks[index].text) > 0 and blocks[index].link_chars >= LINKED_SHARE * len(blocks[index].text)

    def teaser(item: Item) -> bool:
        return all(linked(index) for index in range(item.first, item.last)) and sums.text(item.first, item.last) <= MAX_CARD_CHARS

    return [
        group
        for group in _item_groups(items)
        if len(group) >= MIN_LINK_LIST
        and all(teaser(item) for item in group)
        and h1 < group[0].first
        and sums.sentence_chars(h1, group[0].first) >= MIN_STORY_CHARS
    ]


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
