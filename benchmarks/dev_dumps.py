"""The dev dumps every whole-pipeline check reads: AEB, the composites, WCXB dev in both renderers.

    from benchmarks.dev_dumps import SETS, dumps
    for dump_id, text in dumps(("aeb", "composites"), every=3): ...
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from benchmarks.datasets import read_aeb, read_composites, read_wcxb

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SETS = ("aeb", "composites", "wcxb-html-text", "wcxb-inscriptis")


def dumps(sets: tuple[str, ...], every: int = 1, data: Path = DATA) -> Iterator[tuple[str, str]]:
    """(id, dump) of the dev sets, every ``every``-th of each."""
    if "aeb" in sets:
        for page in islice(read_aeb(data / "aeb"), 0, None, every):
            yield f"aeb/{page.page_id}", page.shipped_dump or ""
    if "composites" in sets:
        for page in islice(read_composites(data / "composites-dev.jsonl.gz"), 0, None, every):
            yield f"composites/{page.page_id}", page.shipped_dump or ""
    for renderer in ("html-text", "inscriptis"):
        if f"wcxb-{renderer}" in sets:
            from benchmarks.renderers import render_file

            for page in islice(read_wcxb(data / "wcxb-dev"), 0, None, every):
                if page.html_path is not None:
                    yield f"wcxb-{renderer}/{page.page_id}", render_file(page.html_path, renderer)
