"""Raw text to :class:`~scrapeclean.model.Document`: the only place that parses raw text.

A block is one line with its surrounding white space (and zero-width
characters) left out of its span. Line breaks are those of ``str.splitlines``
(``\\n``, ``\\r\\n``, a lone ``\\r``, form feed, the Unicode line and paragraph
separators, …). A form feed between two lines marks a hard story break, which
is how scrapeclean separates stories in its own text output.
"""

from __future__ import annotations

import regex

from .errors import InputError
from .model import Block, Document

_BREAK_CHARS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BREAK = regex.compile(f"\r\n|[{_BREAK_CHARS}]")
# Characters that carry nothing visible at the ends of a line.
INVISIBLE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"
)
# A line's visible content: from its first visible character to its last, within the line.
_CONTENT = regex.compile(f"[^{regex.escape(INVISIBLE)}](?:[^{_BREAK_CHARS}]*[^{regex.escape(INVISIBLE)}])?")
# Line breaks other than a plain "\n" (which the common case counts with str.count).
_OTHER_BREAK = regex.compile(f"[{_BREAK_CHARS.replace(chr(10), '')}]")


def segment(text: str, source: str | None = None) -> Document:
    """Split a dump into blocks, one per non-blank line.

    >>> doc = segment("Title\\n\\n  First paragraph.  \\nSecond line.")
    >>> [(b.text, b.gap) for b in doc.blocks]
    [('Title', 0), ('First paragraph.', 1), ('Second line.', 0)]
    """
    if not isinstance(text, str):
        raise InputError(f"segment() takes str, not {type(text).__name__}; decode bytes first")
    blocks: list[Block] = []
    append = blocks.append
    previous_end = 0
    for line in _CONTENT.finditer(text):
        start, end = line.span()
        between = text[previous_end:start]
        breaks = between.count("\n") if _OTHER_BREAK.search(between) is None else len(_BREAK.findall(between))
        gap = (breaks - 1 if breaks else 0) if blocks else breaks
        append(Block(len(blocks), start, end, line.group(), gap, bool(blocks) and "\x0c" in between))
        previous_end = end
    return Document(raw=text, blocks=tuple(blocks), source=source)
