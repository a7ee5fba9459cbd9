#!/usr/bin/env python3
"""Clean a JSONL corpus of page dumps with the scrapeclean library, in parallel, in input order.

Reads records (``.jsonl`` or ``.jsonl.gz``) with the dump in a text field,
cleans each dump, and writes one JSON record per article: the input id, the
article index, the article's fields, and every other field of the input
record. A malformed line is reported on stderr with its line number and
skipped; the run goes on.

    python examples/ingest_jsonl.py corpus.jsonl.gz cleaned.jsonl --jobs 4
    python examples/ingest_jsonl.py corpus.jsonl - --text-field content --disable split-stories

The command line does the same with more care (``scrapeclean clean --format
jsonl``); this script shows the library calls to build your own ingestion on.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import IO, Any

import scrapeclean


def read_records(path: str, text_field: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) for every usable line; problems go to stderr."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as error:
                print(f"{path}:{number}: malformed JSON ({error}); skipped", file=sys.stderr)
                continue
            if not isinstance(record, dict) or not isinstance(record.get(text_field), str):
                print(f"{path}:{number}: no string field {text_field!r}; skipped", file=sys.stderr)
                continue
            yield number, record


def clean_record(record: dict[str, Any], text_field: str, pipeline: scrapeclean.Pipeline) -> list[dict[str, Any]]:
    """One output record per article of the record's dump (none when cleaning keeps nothing)."""
    carried = {key: value for key, value in record.items() if key != text_field}
    articles = scrapeclean.clean(record[text_field], source=str(record.get("id")), pipeline=pipeline)
    return [{**carried, "id": record.get("id"), **article.to_dict()} for article in articles]


def batches(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    """Bounded slices of a stream, so memory stays flat however long the corpus is."""
    while batch := list(islice(items, size)):
        yield batch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="input .jsonl or .jsonl.gz")
    parser.add_argument("output", help="output .jsonl ('-' for standard output)")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--disable", action="append", default=[], help="a pass to leave out (repeatable)")
    parser.add_argument("--jobs", type=int, default=1)
    options = parser.parse_args(argv)

    pipeline = scrapeclean.default_pipeline().without(*options.disable)
    out: IO[str] = sys.stdout if options.output == "-" else open(options.output, "w", encoding="utf-8")
    records = (record for _, record in read_records(options.corpus, options.text_field))
    seen = articles = 0
    with ProcessPoolExecutor(max_workers=options.jobs) as pool, out:
        for batch in batches(records, 64 * options.jobs):
            # map() keeps input order; each batch is finished before the next is read.
            fields = [options.text_field] * len(batch)
            for cleaned in pool.map(clean_record, batch, fields, [pipeline] * len(batch), chunksize=8):
                seen += 1
                for article in cleaned:
                    out.write(json.dumps(article, ensure_ascii=False) + "\n")
                    articles += 1
    print(f"{seen} records cleaned, {articles} articles written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
