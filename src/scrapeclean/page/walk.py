"""A page's DOM to blocks: the text a reader sees, one block per line, and what the DOM says of each block.

The walk follows how a browser lays text out, not how the source is wrapped:

* Elements a reader never sees are left out with everything in them:
  ``script``, ``style``, ``template``, ``noscript``, ``svg``, form controls,
  embedded frames and media, elements marked ``hidden`` or ``aria-hidden``,
  styled ``display: none``, ``visibility: hidden`` or clipped to nothing
  (``clip: rect(0 0 0 0)``), and the classes pages use for text meant only for
  screen readers (``sr-only``, ``visually-hidden``, …).
* Block elements (paragraphs, headings, list items, cells, ``div`` and the
  other boxes, custom elements) start a new block; ``<br>`` and the line
  breaks of ``<pre>`` do too. A paragraph-like box is set off by a blank
  line, a line-like one (``div``, ``li``, ``td``) by a line break, as a
  renderer's dump would be.
* Inside a block, text joins as the source spaces it, with one exception that
  keeps words apart: where a link, image or other non-formatting element
  meets a word with nothing between them (``<a>Home</a><a>News</a>``), a space
  goes in. Formatting elements (``b``, ``em``, ``span``, …) join as written,
  so a drop capital (``<span>T</span>he``) stays one word.

Each :class:`Block` keeps its element's tag and heading level, how much of its
text is link text, and flags for the containers it sits in (list, table,
form, ``article``, ``main``, ``aside``, ``nav``, ``header``, ``footer``,
``figure``, ``figcaption``). Elements whose tag, ARIA role, class or id name a
part of a page around its content (navigation, footer, sidebar, sharing,
related links, promotion, comments, cookie notice) are kept as
:class:`Container` ranges over the blocks, which :mod:`scrapeclean.page.evidence` weighs.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import regex

# Flags: the containers a block sits in.
IN_LINK = 1
IN_LIST = 2
IN_TABLE = 4
IN_FORM = 8
IN_ARTICLE = 16
IN_MAIN = 32
IN_ASIDE = 64
IN_NAV = 128
IN_HEADER = 256
IN_FOOTER = 512
IN_FIGURE = 1024
IN_CAPTION = 2048
IN_PRE = 4096
IN_QUOTE = 8192

_TAG_FLAGS = {
    "a": IN_LINK,
    "li": IN_LIST,
    "dd": IN_LIST,
    "dt": IN_LIST,
    "td": IN_TABLE,
    "th": IN_TABLE,
    "form": IN_FORM,
    "article": IN_ARTICLE,
    "main": IN_MAIN,
    "aside": IN_ASIDE,
    "nav": IN_NAV,
    "header": IN_HEADER,
    "footer": IN_FOOTER,
    "figure": IN_FIGURE,
    "figcaption": IN_CAPTION,
    "pre": IN_PRE,
    "blockquote": IN_QUOTE,
}
_ROLE_FLAGS = {"main": IN_MAIN, "article": IN_ARTICLE, "navigation": IN_NAV, "complementary": IN_ASIDE}

SKIPPED = frozenset(
    {
        "script", "style", "template", "noscript", "svg", "math", "iframe", "frame", "frameset", "object",
        "embed", "canvas", "video", "audio", "map", "button", "select", "option", "textarea", "input",
        "head", "title", "meta", "link",
    }
)  # fmt: skip
_PARAGRAPHS = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption", "table", "pre",
        "article", "section", "header", "footer", "main", "aside", "nav", "form", "hr", "address", "dl",
        "ul", "ol", "hgroup", "fieldset", "details", "dialog", "center", "caption", "body",
    }
)  # fmt: skip
_LINES = frozenset(
    {"div", "li", "tr", "td", "th", "dt", "dd", "summary", "legend", "label", "menu", "dir", "thead", "tbody",
     "tfoot", "html", "noframes", "search", "picture"}
)  # fmt: skip
# Inline elements that style a run of text: they join as written, inside words too.
_FORMATTING = frozenset(
    {
        "b", "i", "em", "strong", "u", "s", "strike", "sub", "sup", "small", "big", "mark", "abbr", "code",
        "span", "font", "tt", "q", "cite", "dfn", "kbd", "samp", "var", "time", "bdi", "bdo", "ins", "del",
        "nobr", "acronym", "data", "ruby", "rb", "rt", "rp",
    }
)  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

# Class and id words that name a part of a page around its content, with the reason a block in one is removed.
CLASS_REASONS = {
    **dict.fromkeys(("nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "topbar"), "page-navigation"),
    **dict.fromkeys(("footer",), "page-footer"),
    **dict.fromkeys(("sidebar",), "page-aside"),
    **dict.fromkeys(("share", "sharing", "social", "sharebar", "shares"), "share-widget"),
    **dict.fromkeys(("related", "recommended", "recommendations"), "related-content"),
    **dict.fromkeys(
        ("promo", "newsletter", "subscribe", "ad", "ads", "advert", "advertisement", "sponsor", "sponsored", "cta"),
        "promotion",
    ),
    **dict.fromkeys(("comment", "comments", "disqus", "reviews"), "comment-thread"),
    **dict.fromkeys(("cookie", "cookies", "consent", "gdpr"), "consent-notice"),
    **dict.fromkeys(("bio", "authorbio", "authorbox", "biography"), "author-box"),
    **dict.fromkeys(("modal", "popup"), "dialog"),
}  # fmt: skip
# Class words that name a box of the page (a thread of reviews, a pop-up) which links and inline elements only
# point to: a reviews link or star rating inside a record is not the thread, a link that opens a pop-up not the pop-up.
_BOX_WORDS = frozenset({"reviews", "modal", "popup"})
_TAG_REASONS = {"nav": "page-navigation", "aside": "page-aside", "footer": "page-footer", "header": "page-header", "form": "form"}
_ROLE_REASONS = {
    "navigation": "page-navigation",
    "menu": "page-navigation",
    "menubar": "page-navigation",
    "banner": "page-header",
    "contentinfo": "page-footer",
    "complementary": "page-aside",
    "search": "form",
    "dialog": "dialog",
    "alertdialog": "dialog",
}
# Whole class names pages give to text shown only to screen readers, or not at all.
_HIDDEN_CLASSES = frozenset(
    {"sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden", "hidden", "d-none", "is-hidden", "hide"}
)
# Hidden, or "visually hidden" (clipped to nothing: the skip links of screen readers, "Continue reading the main story").
_HIDDEN_STYLE = regex.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|clip\s*:\s*rect\(\s*0(?:px)?[\s,]+0(?:px)?[\s,]+0", regex.IGNORECASE
)
_WORDS = regex.compile(r"[a-z0-9]+")
# Class words of the folded panels of accordions and tab sets.
_PANEL_WORDS = frozenset({"collapse", "collapsible", "accordion", "tabpanel", "pane"})
_HTML_SPACE = str.maketrans("\t\n\f\r", "    ")  # HTML's white space, which separates an attribute's names
# Class names that label an element with a term of the site's taxonomy ("category-social-media", "tag-reviews",
# as content systems mark a post with its categories and tags): the term names what the post is about, not
# what the element is.
_TERM_PREFIXES = ("category-", "tag-", "product_cat-", "product_tag-")
_SPACE = regex.compile(r"\s+")
# Characters a line can hold that show nothing, beyond white space (the engine's segmentation skips them too).
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"

# Sibling elements of one tag and class: this many make a repeated structure (cards, a feed, rows).
MIN_ITEMS = 3

PARAGRAPH = 2  # a blank line before the block
LINE = 1  # a line break before it


class Block(NamedTuple):
    """One block of text as the DOM lays it out; ``gap`` is :data:`PARAGRAPH` or :data:`LINE`."""

    text: str
    gap: int
    tag: str
    level: int  # heading level, 0 for other blocks
    flags: int
    link_chars: int
    region: int  # the innermost ``article`` or ``main`` element it sits in, numbered from 1 (0: none)


class Container(NamedTuple):
    """An element that names a part of the page around its content, over blocks ``[first, last)``."""

    reason: str
    detail: str
    first: int
    last: int


class Item(NamedTuple):
    """One of three or more sibling elements of the same tag and class (cards, rows), over blocks ``[first, last)``."""

    group: int  # the items of one parent share a group number
    first: int
    last: int


class Walk(NamedTuple):
    blocks: list[Block]
    containers: list[Container]
    items: list[Item] = []


def engine_walk(html: str, reveal: bool = False) -> Walk:
    """The engine's port of :func:`walk`, over its own parse of ``html`` (html5ever; see ``engine/src/html``).

    What :func:`walk` gives for the ``body`` of ``html`` after
    :func:`place_streamed_segments`; checked page for page against it, not yet
    the reader's default.
    """
    from .. import _engine
    from ..handoff import without_surrogates

    return walk_of_rows(_engine.walk_html(without_surrogates(html), reveal))


def walk_of_rows(rows: tuple[list[Any], list[Any], list[Any]]) -> Walk:
    """A :class:`Walk` of the engine's rows: (blocks, containers, items), each a list of field tuples."""
    blocks, containers, items = rows
    return Walk(list(map(Block._make, blocks)), list(map(Container._make, containers)), list(map(Item._make, items)))


def unhide(node: Any) -> None:
    """Take off what hides the elements under ``node`` (``hidden``, ``aria-hidden``, hiding styles and classes)."""
    for element in node.traverse():
        attributes = element.attributes
        if not attributes or element.tag in SKIPPED or not hidden(attributes):
            continue
        for name in ("hidden", "aria-hidden"):
            if name in attributes:
                del element.attrs[name]
        style = attributes.get("style")
        if style and _HIDDEN_STYLE.search(style):
            del element.attrs["style"]
        classes = attributes.get("class")
        if classes:
            element.attrs["class"] = " ".join(word for word in classes.split() if word.lower() not in _HIDDEN_CLASSES)


def hidden(attributes: dict[str, Any]) -> bool:
    """Whether an element's attributes keep it from being seen, unless it is a folded panel (:func:`is_folded_panel`)."""
    return _hidden_anyhow(attributes) and not is_folded_panel(attributes)


def _hidden_anyhow(attributes: dict[str, Any]) -> bool:
    if "hidden" in attributes or (attributes.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = attributes.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    classes = attributes.get("class")
    return bool(classes) and not _HIDDEN_CLASSES.isdisjoint(classes.lower().split())


def is_folded_panel(attributes: dict[str, Any]) -> bool:
    """A panel of an accordion or a tab set, folded until the reader opens it: a product's description, its
    specifications, a guide's steps. Its text is the page's as much as what is open."""
    if (attributes.get("role") or "").strip().lower() in ("tabpanel", "region"):
        return True
    return not _PANEL_WORDS.isdisjoint(_WORDS.findall((attributes.get("class") or "").lower()))


def chrome_reason(tag: str, attributes: dict[str, Any], flags: int) -> tuple[str, str] | None:
    """Why an element is a part of the page around its content (reason, detail), or None."""
    reason = _TAG_REASONS.get(tag)
    if reason is not None and not (tag in ("header", "footer") and flags & (IN_ARTICLE | IN_MAIN)):
        return reason, f"in <{tag}>"
    role = (attributes.get("role") or "").strip().lower()
    if role in _ROLE_REASONS:
        return _ROLE_REASONS[role], f"role={role}"
    points_to_parts = tag in _FORMATTING or tag == "a"  # see _BOX_WORDS
    for name in ("class", "id"):
        value = attributes.get(name)
        if value:
            for class_name in value.lower().translate(_HTML_SPACE).split(" "):
                if class_name.startswith(_TERM_PREFIXES):
                    continue
                for word in _WORDS.findall(class_name):
                    if points_to_parts and word in _BOX_WORDS:
                        continue
                    reason = CLASS_REASONS.get(word)
                    if reason is not None:
                        return reason, f"{name} {word!r}"
    return None


class _Builder:
    """The block being filled, and the blocks done."""

    def __init__(self) -> None:
        self.regions = 0
        self.groups = 0
        self.items: list[list[int]] = []  # [group, first block, last block or -1 while open]
        self.item_groups: dict[int, int] = {}  # element id -> group, for repeated children not reached yet
        self.blocks: list[Block] = []
        self.pieces: list[str | None] = []
        self.link_chars = 0
        self.flags = -1
        self.gap = PARAGRAPH

    def text(self, text: str, flags: int) -> None:
        if self.flags < 0 and not text.isspace():
            self.flags = flags
        self.pieces.append(text)
        if flags & IN_LINK:
            self.link_chars += len(text.strip())

    def soft(self) -> None:
        """A boundary that keeps two words apart if they would meet."""
        if self.pieces and self.pieces[-1] is not None:
            self.pieces.append(None)

    def flush(self, gap: int, tag: str, level: int, flags: int, region: int = 0) -> None:
        """End the open block (if it holds any text); the next one is set off by ``gap``."""
        if self.pieces:
            text = _joined(self.pieces)
            if text:
                block_flags = self.flags if self.flags >= 0 else flags
                link_chars = min(self.link_chars, len(text))
                self.blocks.append(Block(text, self.gap, tag, level, block_flags, link_chars, region))
                self.gap = gap
            self.pieces = []
            self.link_chars = 0
            self.flags = -1
        self.gap = max(self.gap, gap) if self.blocks else PARAGRAPH


def _joined(pieces: list[str | None]) -> str:
    out: list[str] = []
    apart = False
    for piece in pieces:
        if piece is None:
            apart = True
            continue
        if apart and out and out[-1][-1:].isalnum() and piece[:1].isalnum():
            out.append(" ")
        apart = False
        out.append(piece)
    return " ".join(_SPACE.split("".join(out))).strip(_INVISIBLE + " ")


class _Frame(NamedTuple):
    """What an open element gives its content."""

    tag: str
    flags: int
    block_tag: str
    level: int
    container: int  # index into the containers list, -1 for none
    region: int  # the innermost article or main element, numbered from 1 (0: none)
    item: int = -1  # index into the items list, -1 for none


def place_streamed_segments(root: Any) -> None:
    """Move the content a server streamed after the page to where the page's scripts show it.

    React's streaming server renderer (behind Next.js and others) sends the
    content of a part that was not ready in time at the end of the body, as
    ``<div hidden id="S:n">``, with a script that swaps it in: for the
    fallback of a boundary (``<!--$?--><template id="B:n"></template>
    fallback<!--/$-->``) or for a placeholder ``<template id="P:n">``. A
    browser shows the content there and never the hidden copy; a reader of the
    HTML has to make the same move, or an article's whole text reads as
    hidden. A segment with no boundary or placeholder stays where it is, hidden.
    Segments are moved in document order, so one that fills a placeholder
    inside another lands where that one was put.
    """
    segments = root.css("div[hidden][id]")
    if not segments:
        return
    templates = {node.attributes.get("id"): node for node in root.css("template[id]")}
    for segment in segments:
        name = segment.attributes.get("id") or ""
        number = name[2:]
        if not (name.startswith("S:") and number.isascii() and number.isalnum()):
            continue
        boundary = templates.get("B:" + number)
        target = boundary if boundary is not None else templates.get("P:" + number)
        if target is None or _inside(target, segment):
            continue
        for node in [] if boundary is None else _fallback(boundary):
            node.decompose()
        child = segment.child
        while child is not None:
            following = child.next
            target.insert_before(child, move=True)
            child = following
        target.decompose()
        segment.decompose()


def _inside(node: Any, ancestor: Any) -> bool:
    """Whether ``ancestor`` holds ``node`` (a segment cannot be moved into itself)."""
    parent = node.parent
    while parent is not None:
        if parent.mem_id == ancestor.mem_id:
            return True
        parent = parent.parent
    return False


def _fallback(boundary: Any) -> list[Any]:
    """What a boundary shows until its content arrives: the nodes after its template, to its closing ``<!--/$-->``.

    Nothing when the boundary is not closed among its siblings (pages saved
    without their comments): the content then goes in before what follows.
    """
    depth = 0
    found: list[Any] = []
    node = boundary.next
    while node is not None:
        if node.tag == "-comment":
            marker = node.html[4:-3]
            if marker == "/$":
                if depth == 0:
                    return found
                depth -= 1
            elif marker.startswith("$"):
                depth += 1
        found.append(node)
        node = node.next
    return []


def walk(root: Any, reveal: bool = False) -> Walk:
    """The blocks under ``root`` (a selectolax lexbor node) in document order.

    With ``reveal``, what a page hides until its scripts run is read too:
    elements marked hidden, and ``noscript`` content (for a page that shows
    nothing at all without them, a preloader over a hidden body).
    """
    builder = _Builder()
    containers: list[list[Any]] = []
    frames = [_Frame("body", 0, "body", 0, -1, 0)]
    root_id = root.mem_id
    _repeated_children(root, builder)
    node = root.child
    while node is not None:
        if _enter(node, frames, builder, containers, reveal):
            node = node.child
            continue
        while node is not None and node.next is None:  # climb to the nearest ancestor with a next sibling
            node = node.parent
            if node is None or node.mem_id == root_id:
                node = None
            else:
                _leave(frames, builder, containers)
        node = None if node is None else node.next
    top = frames[-1]
    builder.flush(PARAGRAPH, top.block_tag, top.level, top.flags, top.region)
    found = [Container(reason, detail, first, len(builder.blocks) if last < 0 else last) for reason, detail, first, last in containers]
    items = [Item(group, first, len(builder.blocks) if last < 0 else last) for group, first, last in builder.items]
    return Walk(builder.blocks, found, items)


def _enter(node: Any, frames: list[_Frame], builder: _Builder, containers: list[list[Any]], reveal: bool) -> bool:
    """Handle one node as the walk reaches it; whether to walk into its children."""
    tag = node.tag
    top = frames[-1]
    if tag == "-text":
        text = node.text_content
        if text:
            if top.flags & IN_PRE and "\n" in text:
                for number, line in enumerate(text.split("\n")):
                    if number:
                        builder.flush(LINE, top.block_tag, top.level, top.flags, top.region)
                    builder.text(line, top.flags)
            else:
                builder.text(text, top.flags)
        return False
    if tag is None or tag[0] in "-_!":  # comments, doctype
        return False
    if tag in SKIPPED and not (reveal and tag == "noscript"):
        if tag in ("button", "input", "select", "textarea"):
            builder.soft()
        return False
    if tag == "br":
        builder.flush(LINE, top.block_tag, top.level, top.flags, top.region)
        return False
    if tag == "wbr":
        return False
    attributes = node.attributes
    if attributes and not reveal and hidden(attributes):
        builder.soft()
        return False
    flags = top.flags | _TAG_FLAGS.get(tag, 0)
    role = attributes.get("role") if attributes else None
    if role:
        flags |= _ROLE_FLAGS.get(role.strip().lower(), 0)
    region = top.region
    if flags & (IN_ARTICLE | IN_MAIN) != top.flags & (IN_ARTICLE | IN_MAIN) or tag in ("article", "main"):
        builder.regions += 1
        region = builder.regions
    reason = chrome_reason(tag, attributes, top.flags) if attributes or tag in _TAG_REASONS else None
    gap = PARAGRAPH if tag in _PARAGRAPHS else LINE if (tag in _LINES or "-" in tag) else 0
    if reason is not None and not gap:
        gap = LINE  # a widget inside a line is a block of its own
    block_tag, level = top.block_tag, top.level
    if gap:
        builder.flush(gap, top.block_tag, top.level, top.flags, top.region)
        block_tag, level = tag, _HEADINGS.get(tag, level)
    elif tag not in _FORMATTING:
        builder.soft()
    container = -1
    if reason is not None:
        container = len(containers)
        containers.append([reason[0], reason[1], len(builder.blocks), -1])
    item = -1
    group = builder.item_groups.pop(node.mem_id, None)
    if group is not None:
        item = len(builder.items)
        builder.items.append([group, len(builder.blocks), -1])
    if node.child is not None:
        _repeated_children(node, builder)
    frames.append(_Frame(tag, flags, block_tag, level, container, region, item))
    if node.child is None:
        _leave(frames, builder, containers)
        return False
    return True  # the walk goes into the children, and _leave closes the element after them


def _leave(frames: list[_Frame], builder: _Builder, containers: list[list[Any]]) -> None:
    """Close the innermost open element."""
    frame = frames.pop()
    top = frames[-1]
    tag = frame.tag
    if frame.block_tag == tag and (tag in _PARAGRAPHS or tag in _LINES or "-" in tag or frame.container >= 0):
        builder.flush(PARAGRAPH if tag in _PARAGRAPHS else LINE, frame.block_tag, frame.level, frame.flags, frame.region)
    elif tag not in _FORMATTING:
        builder.soft()
    if frame.container >= 0:
        containers[frame.container][3] = len(builder.blocks)
    if frame.item >= 0:
        builder.items[frame.item][2] = len(builder.blocks)


def _repeated_children(node: Any, builder: _Builder) -> None:
    """Number the children of ``node`` that repeat one tag and class at least :data:`MIN_ITEMS` times as a group."""
    signatures: dict[tuple[str, str], list[int]] = {}
    child = node.child
    while child is not None:
        tag = child.tag
        if tag and tag[0] not in "-_!" and tag not in SKIPPED:
            classes = (child.attributes.get("class") or "").split()
            signatures.setdefault((tag, classes[0] if classes else ""), []).append(child.mem_id)
        child = child.next
    for members in signatures.values():
        if len(members) >= MIN_ITEMS:
            builder.groups += 1
            builder.item_groups.update(dict.fromkeys(members, builder.groups))
