"""HTML input: the visible text of a page, one block per line, ready to clean.

scrapeclean cleans page dumps, the visible text of a page as a browser-like
renderer writes it; it does not pick the main content out of the HTML itself
(that would hide the very chrome the passes are there to judge and report).
So an HTML file is turned into such a dump first:

1. trafilatura (imported only here) parses the bytes: it finds the declared or
   likely encoding and copes with broken markup.
2. Elements that are never visible are dropped: ``script``, ``style``,
   ``noscript``, ``template``, ``svg``, ``iframe``, ``head`` (its ``title`` is
   kept as the first line), and elements marked ``hidden``.
3. Every block element (paragraph, heading, list item, table cell, ``div``,
   ``br``, …) starts a new line; paragraph-like ones are set off by a blank
   line. White space inside a line is collapsed.

The result then goes through the usual pipeline.
"""

from __future__ import annotations

from typing import Any

import regex

from ..errors import InputError

_INVISIBLE = ("script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "head")
_PARAGRAPHS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "figure",
        "figcaption",
        "table",
        "pre",
        "article",
        "section",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "form",
        "hr",
        "address",
        "dl",
        "ul",
        "ol",
    }
)
_LINES = frozenset({"div", "li", "tr", "td", "th", "dt", "dd", "br", "summary", "details", "option", "label"})
# Block boundaries are marked with two Unicode noncharacters (never text,
# yet allowed in XML) while the tree is flattened, so that the line breaks of
# the HTML source (mere white space to a browser) are not mistaken for them.
_PARAGRAPH_MARK = "\ufdd0"
_LINE_MARK = "\ufdd1"
_RUN = regex.compile(r"[\s\ufdd0\ufdd1]+")


def html_to_dump(data: bytes, name: str = "<html>") -> str:
    """The page's visible text, one block per line.

    >>> html_to_dump(b"<title>T</title><body><p>One\\n<b>two</b></p><ul><li>a<li>b</ul></body>")
    'T\\n\\nOne two\\n\\na\\nb'
    """
    import trafilatura

    tree = trafilatura.load_html(data)
    if tree is None:
        raise InputError(f"{name}: cannot be parsed as HTML")
    title = " ".join((tree.findtext(".//title") or "").split())
    body = tree.find(".//body")
    if body is None:
        body = tree
    _drop_invisible(body)
    _mark_blocks(body)
    text = body.text_content().replace(_PARAGRAPH_MARK + _PARAGRAPH_MARK, _PARAGRAPH_MARK)
    text = _RUN.sub(_collapse, text).strip()
    return f"{title}\n\n{text}" if title else text


def _collapse(run: regex.Match[str]) -> str:
    white = run.group()
    if _PARAGRAPH_MARK in white:
        return "\n\n"
    return "\n" if _LINE_MARK in white else " "


def _drop_invisible(root: Any) -> None:
    doomed = [element for element in root.iter(*_INVISIBLE)]
    doomed += [element for element in root.iter() if isinstance(element.tag, str) and element.get("hidden") is not None]
    for element in doomed:
        parent = element.getparent()
        if parent is None:
            continue
        tail = element.tail
        previous = element.getprevious()
        if tail:  # the text after the element stays visible
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(element)


def _mark_blocks(root: Any) -> None:
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in ("text", "tail"):  # stray marks in the page itself must not make breaks
            value = getattr(element, attribute)
            if value and (_PARAGRAPH_MARK in value or _LINE_MARK in value):
                setattr(element, attribute, value.replace(_PARAGRAPH_MARK, " ").replace(_LINE_MARK, " "))
    for element in root.iter("pre"):
        for inner in element.iter():
            if isinstance(inner.tag, str):
                inner.text = inner.text and inner.text.replace("\n", _LINE_MARK)
                if inner is not element:
                    inner.tail = inner.tail and inner.tail.replace("\n", _LINE_MARK)
    for element in root.iter(*(_PARAGRAPHS | _LINES)):
        mark = _PARAGRAPH_MARK if element.tag in _PARAGRAPHS else _LINE_MARK
        element.text = mark + (element.text or "")
        element.tail = mark + (element.tail or "")
