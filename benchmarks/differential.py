"""Differential check of the engine: every built-in pass it runs against the pass's Python reference.

For each dump, the reference pipeline runs pass by pass; before each pass
that the engine implements, the same document goes through the engine's
pass too, and every block whose annotations differ (role, removal, story,
credit) is reported. A second check compares the articles of whole
``clean()`` runs, engine against reference, confirming rounds included.

    python benchmarks/differential.py                     # AEB, composites, WCXB dev in both renderers
    python benchmarks/differential.py --sets aeb --every 3
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scrapeclean import Pipeline, clean, default_pipeline, segment  # noqa: E402
from scrapeclean.engine import _engine, run_builtin  # noqa: E402
from scrapeclean.model import Block, Document  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SETS = ("aeb", "composites", "wcxb-html-text", "wcxb-inscriptis")


@dataclass(frozen=True)
class ReferencePass:
    """A built-in pass run by its Python reference implementation."""

    item: object

    @property
    def name(self) -> str:
        return self.item.name  # type: ignore[attr-defined]

    def __call__(self, document: Document) -> Document:
        return self.item.reference(document)  # type: ignore[attr-defined]


def reference_pipeline(pipeline: Pipeline) -> Pipeline:
    return Pipeline(ReferencePass(item) if hasattr(item, "reference") else item for item in pipeline)


def ported(pipeline: Pipeline) -> list[object]:
    names = set(_engine.pass_names())
    return [item for item in pipeline if item.name in names and hasattr(item, "reference")]


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


def _notes(block: Block) -> tuple:
    return (block.role, block.removal, block.story, block.credit)


def pass_differences(text: str, pipeline: Pipeline) -> list[tuple[str, int, tuple, tuple]]:
    """(pass, block, reference's annotations, engine's) for each block an engine pass annotates otherwise."""
    names = {item.name for item in ported(pipeline)}
    document = segment(text)
    found = []
    for item in pipeline:
        reference = item.reference(document) if hasattr(item, "reference") else item(document)
        if item.name in names:
            ours = run_builtin(document, (item,))
            for theirs, mine in zip(reference.blocks, ours.blocks):
                if _notes(theirs) != _notes(mine):
                    found.append((item.name, theirs.index, _notes(theirs), _notes(mine)))
        document = reference
    return found


def article_differences(text: str, pipeline: Pipeline) -> bool:
    """Whether whole cleaning gives other articles with the engine than with the reference."""
    engine = [article.to_dict() for article in clean(text, pipeline=pipeline)]
    reference = [article.to_dict() for article in clean(text, pipeline=reference_pipeline(pipeline))]
    return engine != reference


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of {', '.join(SETS)}")
    parser.add_argument("--every", type=int, default=1, help="check every N-th dump of each set")
    parser.add_argument("--show", type=int, default=5, help="differences to print per pass")
    options = parser.parse_args(argv)
    pipeline = default_pipeline()
    print(f"engine passes: {', '.join(item.name for item in ported(pipeline)) or 'none'}")
    per_pass: Counter[str] = Counter()
    dumps_per_pass: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    articles = checked = 0
    for dump_id, text in dumps(tuple(options.sets.split(",")), options.every):
        checked += 1
        found = pass_differences(text, pipeline)
        for name in {name for name, *_ in found}:
            dumps_per_pass[name] += 1
        for name, index, theirs, mine in found:
            per_pass[name] += 1
            if shown[name] < options.show:
                shown[name] += 1
                print(f"{name} {dump_id} block {index}:\n  reference {theirs}\n  engine    {mine}")
        articles += article_differences(text, pipeline)
    print(f"{checked} dumps checked")
    for item in ported(pipeline):
        print(f"  {item.name}: {per_pass[item.name]} blocks differ in {dumps_per_pass[item.name]} dumps")
    print(f"  whole clean(): articles differ in {articles} dumps")
    return 0 if not per_pass and not articles else 1


if __name__ == "__main__":
    sys.exit(main())
