"""Label each story's headline zone: title, section, byline, dateline.

The headline zone is what a story keeps above its first paragraph of prose.
Its title is the headline-shaped line there (several words, no sentence
end; not a list item such as ``* Home`` nor a breadcrumb trail) with the most
evidence: the page's own ``<title>`` line (the first line of a browser or
html-text dump) holding it whole, beside the site's name; its copy below it;
its length and title case; its content words being those the text opens
with (a menu's are not); a breadcrumb trail ending with it; a byline or date
just under it; standing just above the text, or first. A headline the chrome
pass took for boilerplate, above menus it left, is restored. The evidence
must hold in the text cleaning gives, where the title stands first and the
``<title>`` line, trail and copies are gone, so that cleaning it again picks
the same line: there a first line the text's opening repeats stands first
even when the chrome pass took it.
The short label just above the title is its section; a line that is mostly
a date is the dateline; bylines were found by the chrome pass. Other lines
above the title (breadcrumbs, labels) are removed as ``header-line``.

Needs: story numbers (:class:`~scrapeclean.passes.stories.SplitStories`) when
a dump holds several stories; works on one story otherwise.

>>> from scrapeclean.segment import segment
>>> doc = AssignRoles()(segment("World\\nA headline over the story\\nThe story starts here, and goes on for a while."))
>>> [b.role for b in doc.blocks]
['section', 'title', None]
"""

from __future__ import annotations

from typing import ClassVar

from attrs import frozen

from ..engine import run_builtin
from ..model import Document

HEADER_LINE = "header-line"


@frozen
class AssignRoles:
    """Give each story's title, section and dateline their roles; drop stray lines above the title."""

    name: ClassVar[str] = "assign-roles"

    search_window: int = 40

    def __call__(self, document: Document) -> Document:
        return run_builtin(document, (self,))
