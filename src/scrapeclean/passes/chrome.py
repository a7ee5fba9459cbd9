"""Remove site chrome: menus, widgets, share bars, related-content lists, bio boxes, notices.

Five kinds of evidence, general rather than per site:

* phrase lists per language (``data/phrases``): whole-line UI text ("Connect
  with us", "Share on Facebook"), markers that open a trailing section of
  related links or comments ("You may also like:"), byline and bio markers;
* the shape of blocks, as jusText classifies them: length, stopword density,
  sentence punctuation, widgets with no words (``TT``, ``20``, ``-``), short
  lines the page repeats (section labels of teaser lists);
* position: the article is the densest run of prose (:mod:`scrapeclean.regions`);
  what lies outside every strong run is boilerplate, except the headline zone
  just above a run (title, section, byline, dateline, captions), which is kept
  for :class:`~scrapeclean.passes.roles.AssignRoles` to label;
* lists of records of one repeated shape (listings, product grids): on a page
  with little prose, the one the block model likes best is its main text;
* threads of stamped posts (:mod:`scrapeclean.threads`): on a forum every post
  is text and the repeated metadata is not; below an article, under a
  comments heading, the thread is the comments.

Needs nothing from earlier passes; blocks already removed are ignored and
caption blocks are kept where they stand next to the text.

>>> from scrapeclean.segment import segment
>>> prose = "It was a long day in the city, and the people of the town were tired of it. " * 3
>>> doc = RemoveSiteChrome()(segment("Home\\n\\n" + prose + "\\n\\nShare on Facebook\\nOur team\\nContact us"))
>>> [(b.text[:12], b.removal.reason if b.removal else "kept") for b in doc.blocks]
[('Home', 'ui-phrase'), ('It was a lon', 'kept'), ('Share on Fac', 'ui-phrase'), ('Our team', 'boilerplate'), ('Contact us', 'ui-phrase')]
"""

from __future__ import annotations

from typing import ClassVar

from attrs import field, frozen

from ..engine import run_builtin
from ..model import Document
from ..phrases import PHRASE_LANGUAGES, check_languages
from ._settings import at_least

UI_PHRASE = "ui-phrase"
WIDGET = "widget"
RELATED = "related-content"
AUTHOR_BIO = "author-bio"
BYLINE_MARKER = "byline-marker"
BOILERPLATE = "boilerplate"
COMMENT_THREAD = "comment-thread"
CONSENT_NOTICE = "consent-notice"
TEASER_LIST = "teaser-list"


@frozen
class RemoveSiteChrome:
    """Remove navigation, widgets and related-content chrome; keep the densest runs of prose."""

    name: ClassVar[str] = "remove-site-chrome"

    phrase_languages: tuple[str, ...] = field(default=PHRASE_LANGUAGES, converter=check_languages)
    length_low: int = field(default=70, validator=at_least(0, "remove-site-chrome"))
    length_high: int = field(default=200, validator=at_least(0, "remove-site-chrome"))
    stopwords_low: float = field(default=0.30, validator=at_least(0, "remove-site-chrome"))
    stopwords_high: float = field(default=0.32, validator=at_least(0, "remove-site-chrome"))
    min_run_score: float = field(default=30.0, validator=at_least(0, "remove-site-chrome"))
    relative_run: float = field(default=0.0, validator=at_least(0, "remove-site-chrome"))
    header_window: int = field(default=8, validator=at_least(0, "remove-site-chrome"))
    tail_window: int = field(default=4, validator=at_least(0, "remove-site-chrome"))

    cut_threads: bool = True
    use_model: bool = True
    model_threshold: float = field(default=0.40, validator=at_least(0, "remove-site-chrome"))
    list_prose: float = field(default=0.5, validator=at_least(0, "remove-site-chrome"))
    list_record_words: float = field(default=4.0, validator=at_least(0, "remove-site-chrome"))

    def __call__(self, document: Document) -> Document:
        return run_builtin(document, (self,))
