"""What crosses into the engine: texts it can take, its built pass lists, the default pipeline's passes.

The engine takes UTF-8 text. A Python ``str`` may hold lone surrogates (text
decoded with ``surrogateescape``), which UTF-8 cannot carry; they are handed
to the engine as U+FFFD, one code point for one, so every offset the engine
returns is still an offset into the original ``str``. Neither is a word
character, so no feature changes.

Light on purpose: a command that cleans with the default pipeline imports
this and the engine, not the library's article model or its pass classes
(attrs makes those classes when they load, most of a small run's start-up).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from . import _engine
from .errors import InputError

_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """``text`` with lone surrogates written as U+FFFD (the same length in code points)."""
    return text if _encodable(text) else _SURROGATE.sub("\ufffd", text)


def without_surrogates(text: str) -> str:
    """``text`` with lone surrogates left out, as selectolax leaves them out of what it parses."""
    return text if _encodable(text) else _SURROGATE.sub("", text)


def _encodable(text: str) -> bool:
    """Whether ``text`` holds no lone surrogate (UTF-8 can write it): at once for ASCII, else by encoding it."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def encodable_all(texts: list[str]) -> list[str]:
    return [encodable(text) for text in texts]


# The engine's passes built from each pipeline form, by the form's identity (the forms are cached lists,
# so each is built once instead of on every call).
_BUILT: dict[int, tuple[list[tuple[str, dict[str, object]]], _engine.Passes]] = {}


def built(passes: list[tuple[str, dict[str, object]]]) -> _engine.Passes:
    """The engine's passes built from ``passes`` (what :func:`engine_passes` gives), once per form."""
    found = _BUILT.get(id(passes))
    if found is None or found[0] is not passes:
        if len(_BUILT) >= 128:
            _BUILT.clear()
        found = _BUILT[id(passes)] = (passes, _engine.build(passes))
    return found[1]


# The default pipeline's passes in the engine's form: what ``engine_passes(default_pipeline())`` gives
# (tests/test_api.py checks that they agree), so a run with the default passes builds no pass object.
DEFAULT_PASSES: list[tuple[str, dict[str, object]]] = [
    ("dedup-captions", {"min_words": 4, "max_words": 80, "repeat_distance": 1, "max_repeated_words": 50}),
    (
        "remove-site-chrome",
        {
            "phrase_languages": [
                "en",
                "de",
                "fr",
                "es",
                "pt",
                "it",
                "ru",
                "ja",
                "zh",
                "cs",
                "pl",
                "nl",
                "sv",
                "tr",
                "ar",
                "ko",
                "id",
                "vi",
            ],
            "length_low": 70,
            "length_high": 200,
            "stopwords_low": 0.3,
            "stopwords_high": 0.32,
            "min_run_score": 30.0,
            "relative_run": 0.0,
            "header_window": 8,
            "tail_window": 4,
            "cut_threads": True,
            "use_model": True,
            "model_threshold": 0.4,
            "list_prose": 0.5,
            "list_record_words": 4.0,
        },
    ),
    ("collapse-repeated-blocks", {"min_words": 8, "min_run": 3, "heading_distance": 12}),
    (
        "split-stories",
        {
            "min_story_words": 70,
            "window_words": 250,
            "max_similarity": 0.08,
            "min_evidence": 1,
            "sharp_similarity": 0.02,
            "min_depth": 0.07,
            "relaxed_similarity": 0.12,
            "short_story_words": 150,
            "unsure_story_words": 140,
        },
    ),
    ("assign-roles", {"search_window": 40}),
]


T = TypeVar("T")
R = TypeVar("R")


def pooled(items: Iterable[T], work: Callable[[T], R], workers: int) -> Iterator[tuple[T, Callable[[], R]]]:
    """Each item with a call giving ``work(item)``, in order; ``workers`` threads do the work.

    The engine releases Python's lock, so the threads clean while the caller handles the items before. Each
    thread takes the next item as soon as it is done with one, so no thread waits for another to finish a
    long item (one batch cleaned on several threads at once would wait for its slowest text). The call raises
    what the work raised. At most ``workers + 1`` items are taken from ``items`` ahead of the caller.
    """
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="scrapeclean-engine") as pool:
        ahead: deque[tuple[T, Callable[[], R]]] = deque()
        for item in items:
            ahead.append((item, pool.submit(work, item).result))
            if len(ahead) > workers:
                yield ahead.popleft()
        while ahead:
            yield ahead.popleft()


# How far into a text an HTML document's start is looked for.
_HTML_START_WINDOW = 4096


def _starts_an_html_document(text: str) -> bool:
    """Whether ``text`` is a whole HTML document: a doctype or an ``<html>`` tag first, after white space and comments."""
    head = text[:_HTML_START_WINDOW]
    position = _skip_space(head, 0, marks="\ufeff")  # byte-order marks, at the start only
    while head.startswith("<!--", position):
        end = head.find("-->", position + 4)
        if end < 0:
            return False
        position = _skip_space(head, end + 3)
    if head[position : position + 9].lower() == "<!doctype":
        name = _skip_space(head, position + 9)
        if name == position + 9:
            return False
    elif head[position : position + 1] == "<":
        name = position + 1
    else:
        return False
    after = head[name + 4 : name + 5]
    return head[name : name + 4].lower() == "html" and (after == ">" or (after != "" and _is_space(after)))


def _skip_space(text: str, position: int, marks: str = "") -> int:
    while position < len(text) and (_is_space(text[position]) or text[position] in marks):
        position += 1
    return position


def _is_space(character: str) -> bool:
    # White space as Unicode (and ``regex``'s ``\s``) has it: ``str.isspace`` adds U+001C..U+001F.
    return character.isspace() and not "\x1c" <= character <= "\x1f"


def check_text(text: object) -> None:
    """Refuse what ``clean()`` cannot take: a non-``str``, or a whole HTML document (pointing to the HTML path)."""
    if not isinstance(text, str):
        raise InputError(f"clean() takes str, not {type(text).__name__}; decode bytes first (see scrapeclean.io)")
    if _starts_an_html_document(text):
        raise InputError(
            "clean() takes a page dump (a page's visible text), and this is an HTML document; "
            "clean it with scrapeclean.clean_html(html), "
            "or give the file to the command line with --input-format html"
        )
