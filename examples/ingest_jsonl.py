#!/usr/bin/env python3
"""Clean a JSONL corpus of page dumps with the scrapeclean library, in parallel, in input order.

Reads records (``.jsonl`` or ``.jsonl.gz``, local paths or URLs such as
``s3://bucket/part-0.jsonl.gz`` with ``scrapeclean[s3]``) with the dump in a
text field, cleans each dump, and writes one JSON record per article: the
input id, every other field of the input record, and the article's fields.
A malformed line is reported on stderr with its line number and skipped; the
run goes on.

    python examples/ingest_jsonl.py corpus.jsonl.gz cleaned.jsonl --jobs 4
    python examples/ingest_jsonl.py corpus.jsonl - --text-field content --disable split-stories

The command line does the same with more care (``scrapeclean clean --format
jsonl``); this script shows the library calls to build your own ingestion on:
:func:`scrapeclean.read_corpus` reads records exactly as the command line
does, :func:`scrapeclean.clean_record` cleans one, and
:class:`scrapeclean.CorpusWriter` writes the results.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from itertools import islice
from typing import Any

import scrapeclean


def batches(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    """Bounded slices of a stream, so memory stays flat however long the corpus is."""
    while batch := list(islice(items, size)):
        yield batch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="input .jsonl or .jsonl.gz (a path or a URL)")
    parser.add_argument("output", help="output .jsonl ('-' for standard output)")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--disable", action="append", default=[], help="a pass to leave out (repeatable)")
    parser.add_argument("--jobs", type=int, default=1)
    options = parser.parse_args(argv)
    # read_corpus reports lines it skips as warnings of the "scrapeclean" logger.
    logging.basicConfig(format="%(message)s", level=logging.WARNING, stream=sys.stderr)

    pipeline = scrapeclean.default_pipeline().without(*options.disable)
    records = scrapeclean.read_corpus([options.corpus], input_format="jsonl", text_field=options.text_field)
    clean_one = partial(scrapeclean.clean_record, pipeline=pipeline)
    seen = 0
    with ProcessPoolExecutor(max_workers=options.jobs) as pool, scrapeclean.CorpusWriter(options.output) as out:
        for batch in batches(records, 64 * options.jobs):
            # map() keeps input order; each batch is finished before the next is read.
            for articles in pool.map(clean_one, batch, chunksize=8):
                seen += 1
                out.write_all(articles)
    print(f"{seen} records cleaned, {out.count} articles written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
