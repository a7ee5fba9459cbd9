"""The AEB and WCXB development pages, for the tests that hold an engine port to its Python reference."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest

from scrapeclean.page.decode import decode_html

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SETS = {"aeb": DATA / "aeb" / "html", "wcxb": DATA / "wcxb-dev" / "dev" / "html"}


def corpus_report(name: str, difference: Callable[[str], str | None]) -> tuple[int, int, list[str]]:
    """(identical pages, pages, each differing page's name and ``difference``) for one set of pages.

    Skips the test when the set is absent (the shared benchmark data is not beside this checkout).
    """
    paths = sorted(SETS[name].glob("*.html.gz"))
    if not paths:
        pytest.skip(f"no {name} pages in {SETS[name]} (the shared benchmark data is not beside this checkout)")
    found: list[str] = []
    for path in paths:
        html, _ = decode_html(gzip.decompress(path.read_bytes()), None)
        where = difference(html)
        if where is not None:
            found.append(f"{path.name}: {where}")
    return len(paths) - len(found), len(paths), found
