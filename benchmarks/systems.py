"""The systems scored side by side: scrapeclean, the raw dump, and peers.

Dump systems read the page dump; DOM systems read the original HTML, which a
dump cleaner never sees, and so stand as the ceiling. Peers on the dump get
it the way they expect HTML: one ``<p>`` per non-blank line.
"""

from __future__ import annotations

import html as html_escape
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version

from .metrics import tokens


@dataclass(frozen=True)
class Output:
    """What a system made of one page: one text per article found, and titles where it gives them."""

    texts: tuple[str, ...]
    titles: tuple[str | None, ...] | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(text for text in self.texts if text)


def run_scrapeclean(dump: str) -> Output:
    """Scored body: the bodies of all articles; WCXB and the shingle benchmark leave titles out of the gold body."""
    import scrapeclean

    articles = scrapeclean.clean(dump)
    return Output(tuple(article.text for article in articles), tuple(article.title for article in articles))


def run_raw(dump: str) -> Output:
    return Output((dump,))


def lines_as_html(dump: str) -> str:
    """The dump as an HTML page with one paragraph per non-blank line."""
    paragraphs = (f"<p>{html_escape.escape(line.strip())}</p>" for line in dump.splitlines() if line.strip())
    return "<html><body>\n" + "\n".join(paragraphs) + "\n</body></html>"


# How much more of the text another stoplist must cover before it replaces English.
ENGLISH_MARGIN = 1.5


@cache
def _stoplists() -> dict[str, frozenset[str]]:
    import justext

    return {name: frozenset(justext.get_stoplist(name)) for name in sorted(justext.get_stoplists())}


def guess_stoplist(text: str) -> str:
    """The jusText stoplist whose words make up the largest share of the text.

    English is kept unless another list covers clearly more of the text: some
    lists (Finnish has 6,800 words) hold enough English function words to edge
    out English on English pages.

    >>> guess_stoplist("der die das und ist nicht mit")
    'German'
    >>> guess_stoplist("It was the shot to the head heard round the world")
    'English'
    """
    words = tokens(text, lowercase=True)[:2000]
    if not words:
        return "English"
    shares = {name: sum(word in stopwords for word in words) / len(words) for name, stopwords in _stoplists().items()}
    best = max(sorted(shares), key=shares.__getitem__)
    return best if shares[best] > ENGLISH_MARGIN * shares["English"] else "English"


def run_justext_on_dump(dump: str) -> Output:
    import justext

    stoplist = justext.get_stoplist(guess_stoplist(dump))
    paragraphs = justext.justext(lines_as_html(dump).encode("utf-8"), stoplist, encoding="utf-8")
    return Output(("\n\n".join(paragraph.text for paragraph in paragraphs if not paragraph.is_boilerplate),))


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def run_trafilatura_on_dump(dump: str) -> Output:
    return Output((_trafilatura(lines_as_html(dump)),))


def run_trafilatura_on_html(html: str) -> Output:
    return Output((_trafilatura(html),))


def run_scrapeclean_on_html(html: str) -> Output:
    """scrapeclean on the page itself: the DOM read into blocks with its evidence, then the same passes."""
    import scrapeclean

    articles = scrapeclean.clean_html(html)
    return Output(tuple(article.text for article in articles), tuple(article.title for article in articles))


def run_resiliparse_on_html(html: str) -> Output:
    """resiliparse's main-content extraction (lexbor DOM plus its rules), as its users call it."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return Output((extract_plain_text(HTMLTree.parse(html), main_content=True),))


def run_readability_on_html(html: str) -> Output:
    """readability-lxml's summary as text, converted with html-text as the shingle benchmark's runner does."""
    import html_text
    from readability import Document

    return Output((html_text.extract_text(Document(html).summary(html_partial=True)),))


@dataclass(frozen=True)
class System:
    name: str
    run: Callable[[str], Output]
    reads_html: bool  # True: gets the original HTML; False: gets the dump
    distribution: str | None  # whose version the report prints

    def version(self) -> str:
        return version(self.distribution) if self.distribution else ""


SYSTEMS = {
    system.name: system
    for system in (
        System("raw", run_raw, False, None),
        System("scrapeclean", run_scrapeclean, False, "scrapeclean"),
        System("justext-dump", run_justext_on_dump, False, "jusText"),
        System("trafilatura-dump", run_trafilatura_on_dump, False, "trafilatura"),
        System("scrapeclean-html", run_scrapeclean_on_html, True, "scrapeclean"),
        System("trafilatura-html", run_trafilatura_on_html, True, "trafilatura"),
        System("readability-html", run_readability_on_html, True, "readability-lxml"),
        System("resiliparse", run_resiliparse_on_html, True, "resiliparse"),
    )
}
