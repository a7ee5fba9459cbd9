"""scrapeclean's text form: how :func:`scrapeclean.to_text` joins paragraphs and stories.

Stories are separated by a form feed on a line of its own: a page break,
which the segmenter reads back as a hard story break, so cleaning cleaned
text splits it exactly where it was split.
"""

from __future__ import annotations

STORY_BREAK = "\n\n\f\n\n"
PARAGRAPH_BREAK = "\n\n"
