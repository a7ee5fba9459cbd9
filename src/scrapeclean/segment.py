"""Raw text to :class:`~scrapeclean.model.Document`: the only place that parses raw text.

A block is one line with its surrounding white space (and zero-width
characters) left out of its span. Line breaks are those of ``str.splitlines``
(``\\n``, ``\\r\\n``, a lone ``\\r``, form feed, the Unicode line and paragraph
separators, …). A form feed between two lines marks a hard story break, which
is how scrapeclean separates stories in its own text output.
"""

from __future__ import annotations

from . import _engine
from .errors import InputError
from .handoff import encodable
from .model import Block, Document

# Characters that carry nothing visible at the ends of a line (the engine's set, segment.rs).
INVISIBLE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"
)


def segment(text: str, source: str | None = None) -> Document:
    """Split a dump into blocks, one per non-blank line.

    >>> doc = segment("Title\\n\\n  First paragraph.  \\nSecond line.")
    >>> [(b.text, b.gap) for b in doc.blocks]
    [('Title', 0), ('First paragraph.', 1), ('Second line.', 0)]
    """
    if not isinstance(text, str):
        raise InputError(f"segment() takes str, not {type(text).__name__}; decode bytes first")
    starts, ends, gaps, hard_breaks = _engine.segment(encodable(text))
    blocks = tuple(
        Block(index, start, end, text[start:end], gap, hard_break)
        for index, (start, end, gap, hard_break) in enumerate(zip(starts, ends, gaps, hard_breaks))
    )
    return Document(raw=text, blocks=blocks, source=source)
