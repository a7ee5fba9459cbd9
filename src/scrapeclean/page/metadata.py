"""A page's metadata: title, author, date, site name and section.

Read from what pages publish for machines, in this order of trust:
JSON-LD ``NewsArticle``/``Article``/``BlogPosting`` objects (also inside
``@graph`` and lists), then Open Graph and ``article:`` meta properties, then
plain ``<meta name>`` tags and ``<title>``.

The title is the headline a reader sees: the page's ``h1`` (the first one
inside ``article`` or ``main``, else the first outside the navigation),
unless it is the site's name (a logo set as ``h1``). The titles the page
publishes for itself (the JSON-LD headline, ``og:title``, ``<title>``, each
with the site's name cut off at its separator: ``Story | Site``,
``Site - Story`` give the longest part) check it: the first ``h1`` or ``h2``
that one of them repeats (blind to case and the curl of quotes) is the title,
written as published where the heading only restyles it (capitals,
typographic quotes); an ``h1`` sharing next to no word with any of them is a
section's heading, and the published title is taken instead. Pages often
escape these twice (``&amp;#8217;``); character references left in them are
resolved.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import regex

_ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle", "opinionnewsarticle",
     "techarticle", "scholarlyarticle", "socialmediaposting", "liveblogposting", "webpage", "posting"}
)  # fmt: skip
# A match starts only at the first white space of a run (the look-behind), so no run is tried twice.
_SEPARATORS = regex.compile(r"(?<!\s)\s++(?:[|•·»«:]|::|[-–—])\s+")
_NON_WORD = regex.compile(r"[\W_]+")


class Metadata(NamedTuple):
    title: str | None = None
    author: str | None = None
    date: str | None = None
    site: str | None = None
    section: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return self._asdict()


def _clean(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, (str, dict))), None)
    if isinstance(value, dict):
        value = value.get("name")
    if not isinstance(value, str):
        return None
    text = " ".join(html.unescape(value).split())
    return text or None


def _names(value: Any) -> str | None:
    if isinstance(value, list):
        names = [name for name in (_clean(item) for item in value) if name]
        return ", ".join(dict.fromkeys(names)) or None
    return _clean(value)


def _objects(value: Any, depth: int = 0) -> list[dict[str, Any]]:
    """The JSON-LD objects in a parsed script, lists and ``@graph`` opened (bounded depth)."""
    if depth > 4:
        return []
    if isinstance(value, list):
        return [found for item in value for found in _objects(item, depth + 1)]
    if not isinstance(value, dict):
        return []
    found = [value]
    graph = value.get("@graph")
    if graph is not None:
        found += _objects(graph, depth + 1)
    return found


def _article_object(scripts: list[str]) -> dict[str, Any]:
    best: dict[str, Any] = {}
    for script in scripts:
        try:
            parsed = json.loads(script)
        except (ValueError, RecursionError):
            continue
        for item in _objects(parsed):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            names = {kind.lower() for kind in kinds if isinstance(kind, str)}
            if names & _ARTICLE_TYPES and ("headline" in item or not best):
                if "webpage" not in names or not best:
                    best = item
    return best


# What a page publishes about itself, as the engine reads it off its tree (``_engine.read_html``): the
# (content, property, name, itemprop) attributes of each ``<meta>`` tag, the JSON-LD scripts, the first
# ``<title>``'s text.
MetaTag = tuple[str | None, str | None, str | None, str | None]
Head = tuple[list[MetaTag], list[str], str | None]


def meta_values(tags: Iterable[MetaTag]) -> dict[str, str]:
    """``<meta>`` contents by lower-cased ``property``/``name``/``itemprop`` (the first of each wins)."""
    found: dict[str, str] = {}
    for content, *names in tags:
        if not content:
            continue
        for name in names:
            if name:
                found.setdefault(name.strip().lower(), " ".join(html.unescape(content).split()))
    return found


def head_of(tree: Any) -> Head:
    """What :func:`metadata` reads of a parsed page (a selectolax lexbor tree), as the engine gives it."""
    tags: list[MetaTag] = [
        (attributes.get("content"), attributes.get("property"), attributes.get("name"), attributes.get("itemprop"))
        for attributes in (node.attributes for node in tree.css("meta"))
    ]
    scripts = [
        node.text(deep=True)
        for node in tree.css("script")
        if (node.attributes.get("type") or "").strip().lower() == "application/ld+json"
    ]
    title_node = tree.css_first("title")
    return tags, scripts, title_node.text(deep=True) if title_node is not None else None


def site_cut(title: str, site: str | None = None, h1: str | None = None) -> str:
    """``<title>`` without the site's name: the part that is not the site, else the longest part.

    A site's name may hold a separator itself (``Meals | Meal Plan Delivery``): each of its parts is cut.
    With no site known, the ``h1`` tells: repeating the first part, it is the title (``Climate Change |
    Economic Research Service`` under an ``h1`` "Climate Change"); repeating the last, it is the site's
    name set as a logo (``Recoverable Errors with Result - The Rust Programming Language``).

    >>> site_cut("Opinion | Republicans Are Following a Plan - The New York Times", "The New York Times")
    'Republicans Are Following a Plan'
    >>> site_cut("A plain title")
    'A plain title'
    >>> site_cut("Rain at last | Daily Meals | Fresh Meal Plan Delivery", "Daily Meals | Fresh Meal Plan Delivery")
    'Rain at last'
    >>> site_cut("Climate Change | Economic Research Service", h1="Climate change")
    'Climate Change'
    >>> site_cut("Errors with Result - The Rust Programming Language Book", h1="The Rust Programming Language Book")
    'Errors with Result'
    """
    parts = _parts(title)
    if len(parts) < 2:
        return title
    if site:
        names = {_key(name) for name in _parts(site)} | {_key(site)}
        parts = [part for part in parts if _key(part) not in names] or parts
    elif h1 and title_key(parts[0]) == title_key(h1):
        return parts[0]
    elif h1 and title_key(parts[-1]) == title_key(h1):
        parts = parts[:-1]
    return max(parts, key=lambda part: len(part.split()))


def inferred_site(title: str | None, headlines: Sequence[str | None]) -> str | None:
    """The site's name a ``<title>`` of two parts gives when its other part is a headline the page publishes.

    >>> inferred_site("Engora Data Blog | Small adventures with small models", ["Small adventures with small models"])
    'Engora Data Blog'
    >>> inferred_site("Rain at last | Daily", [None, "A different headline"])
    """
    parts = _parts(title) if title else []
    if len(parts) != 2:
        return None
    keys = {title_key(headline) for headline in headlines if headline}
    rest = [part for part in parts if title_key(part) not in keys]
    return rest[0] if len(rest) == 1 else None


def _parts(title: str) -> list[str]:
    return [part for part in _SEPARATORS.split(title) if part.strip()]


def _key(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()


def choose_title(
    h1: str | None,
    headline: str | None,
    og_title: str | None,
    title: str | None,
    site: str | None,
    headings: Sequence[str] = (),
) -> str | None:
    """The page's title from its candidates (see the module's docstring).

    ``headings`` are the page's other ``h1`` and ``h2`` texts, in page order.

    >>> choose_title("Rain at last, all day", None, "Rain at last | Daily", "Rain at last - Daily", "Daily")
    'Rain at last, all day'
    >>> choose_title("Daily News", None, None, "Rain at last | Daily News", "Daily News")
    'Rain at last'
    >>> choose_title("RAIN AT LAST", None, "Rain at last | Daily", None, "Daily")
    'Rain at last'
    >>> choose_title("Opinion", None, None, "Rain at last | Daily", None, headings=("Rain at last",))
    'Rain at last'
    """
    site = site or inferred_site(title, (headline, og_title))
    published = [found for found in (headline, _cut(og_title, site, h1), _cut(title, site, h1)) if found]
    h1_key = _key(h1) if h1 else ""
    if h1_key == _key(site or ""):
        h1 = None
    for heading in ([h1] if h1 else []) + [text for text in headings if text]:
        agreed = next((found for found in published if title_key(found) == title_key(heading)), None)
        if agreed is not None:  # the headline the page publishes for itself, written as a reader sees it
            return agreed if _styled(heading, agreed) else heading
    if h1 and (not published or max(_shared(h1, found) for found in published) >= MIN_SHARED_WORDS):
        return h1
    return published[0] if published else h1


# An h1 sharing fewer of its words than this (Jaccard) with every title the page publishes for itself is a
# section's or a box's heading, not the story's ("Webcams", "M&A Updates", "Blog" over a story, in WCXB's
# development pages); the published title is taken instead.
MIN_SHARED_WORDS = 0.1
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _cut(title: str | None, site: str | None, h1: str | None) -> str | None:
    return site_cut(title, site, h1) if title else None


def title_key(text: str) -> str:
    """A title's key, blind to case, punctuation and the curl of quotes."""
    return _key(text.translate(_QUOTES))


def _shared(first: str, second: str) -> float:
    words, others = set(title_key(first).split()), set(title_key(second).split())
    return len(words & others) / len(words | others) if words | others else 0.0


def _styled(heading: str, published: str) -> bool:
    """The heading shows the published title restyled: set in capitals or in lower case, or with curly quotes for plain ones."""
    if (heading.isupper() and not published.isupper()) or (heading.islower() and not published.islower()):
        return True
    return any(quote in published for quote in "'\"") and any(quote in heading for quote in "\u2018\u2019\u201c\u201d")


def metadata(tree: Any, h1: str | None, headings: Sequence[str] = ()) -> Metadata:
    """The metadata of a parsed page (a selectolax lexbor tree), given its ``h1`` and its other headings."""
    return metadata_of(head_of(tree), h1, headings)


def metadata_of(head: Head, h1: str | None, headings: Sequence[str] = ()) -> Metadata:
    """The metadata of a page from what it publishes about itself (see :data:`Head`), its ``h1`` and other headings."""
    tags, scripts, page_title = head
    meta = meta_values(tags)
    article = _article_object(scripts)
    page_title = _clean(page_title)
    publisher = article.get("publisher")
    site = _clean(publisher) if isinstance(publisher, dict) else None
    site = site or meta.get("og:site_name") or meta.get("application-name")
    title = choose_title(h1, _clean(article.get("headline")), meta.get("og:title"), page_title, site, headings)
    author = _names(article.get("author")) or meta.get("author") or meta.get("article:author") or meta.get("byl")
    date = (
        _clean(article.get("datePublished"))
        or meta.get("article:published_time")
        or meta.get("datepublished")
        or meta.get("date")
        or meta.get("pubdate")
        or meta.get("dc.date")
        or _clean(article.get("dateCreated"))
    )
    section = _names(article.get("articleSection")) or meta.get("article:section")
    return Metadata(title, author, date, site, section)
