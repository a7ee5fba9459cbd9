"""The dev dumps every whole-pipeline check reads: AEB, the composites, WCXB dev in both renderers.

    from benchmarks.dev_dumps import SETS, dumps
    for dump_id, text in dumps(("aeb", "composites"), every=3): ...
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SETS = ("aeb", "composites", "wcxb-html-text", "wcxb-inscriptis")


def dumps(sets: tuple[str, ...], every: int = 1, data: Path = DATA) -> Iterator[tuple[str, str]]:
    """(id, dump) of the dev sets, every ``every``-th of each."""
    if "aeb" in sets:
        output = json.loads((data / "aeb" / "output" / "html-text.json").read_text(encoding="utf-8"))["output"]
        for number, (page, entry) in enumerate(sorted(output.items())):
            if number % every == 0:
                yield f"aeb/{page}", entry["articleBody"]
    if "composites" in sets:
        with gzip.open(data / "composites-dev.jsonl.gz", "rt", encoding="utf-8") as lines:
            for number, line in enumerate(lines):
                if number % every == 0:
                    record = json.loads(line)
                    yield f"composites/{record['id']}", record["text"]
    for renderer in ("html-text", "inscriptis"):
        if f"wcxb-{renderer}" in sets:
            from benchmarks.renderers import render_file

            pages = sorted((data / "wcxb-dev" / "dev" / "html").glob("*.html.gz"))
            for number, path in enumerate(pages):
                if number % every == 0:
                    yield f"wcxb-{renderer}/{path.name.split('.')[0]}", render_file(path, renderer)
