#!/usr/bin/env python3
"""Clean the HTML pages of a crawl's WARC file with the scrapeclean library, into JSON lines.

Reads each ``response`` record (plain or gzipped WARC) with warcio, keeps
the HTML ones, cleans their pages with :func:`scrapeclean.clean_html` (the
page's DOM evidence and metadata included), a batch at a time on several
threads, and writes one JSON record per article: the record's URL, WARC
record id and date, then the article's fields. Records that are not HTML
are counted and skipped.

    python examples/ingest_warc.py crawl.warc.gz articles.jsonl --threads 2
    python examples/ingest_warc.py crawl.warc.gz -

The command line does the same with bounded reads and a report
(``scrapeclean clean --input-format warc --format jsonl crawl.warc.gz``);
this script shows the library calls to build your own ingestion on:
:func:`scrapeclean.page.read_html` reads one page (its charset from the
HTTP headers when they give one), :func:`scrapeclean.page.clean_pages`
cleans a batch of pages on ``threads`` threads.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from scrapeclean.errors import InputError
from scrapeclean.page import Page, clean_pages, read_html


def html_records(stream: IO[bytes], skipped: dict[str, int]) -> Iterator[tuple[dict[str, Any], Page]]:
    """(the record's fields, its page) for each HTML response record; other records counted in ``skipped``."""
    for record in ArchiveIterator(stream):
        if record.rec_type != "response" or record.http_headers is None:
            continue
        content_type = record.http_headers.get_header("Content-Type") or ""
        if "html" not in content_type.lower():
            skipped["not HTML"] = skipped.get("not HTML", 0) + 1
            continue
        charset = content_type.lower().partition("charset=")[2].split(";")[0].strip() or None
        fields = {
            "url": record.rec_headers.get_header("WARC-Target-URI"),
            "warc_id": record.rec_headers.get_header("WARC-Record-ID"),
            "warc_date": record.rec_headers.get_header("WARC-Date"),
        }
        try:
            page = read_html(record.content_stream().read(), url=fields["url"], charset=charset)
        except InputError:  # a page with no text at all
            skipped["no text"] = skipped.get("no text", 0) + 1
            continue
        yield fields, page


def write_batch(batch: list[tuple[dict[str, Any], Page]], threads: int, out: IO[str]) -> int:
    """Clean a batch of pages and write their articles; how many articles were written."""
    written = 0
    for (fields, _), articles in zip(batch, clean_pages([page for _, page in batch], threads=threads)):
        for article in articles:
            out.write(json.dumps(fields | article.to_dict(), ensure_ascii=False) + "\n")
            written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("warc", help="a .warc or .warc.gz file")
    parser.add_argument("output", help="where to write the JSON lines ('-': standard output)")
    parser.add_argument("--threads", type=int, default=2, help="threads cleaning each batch (default 2)")
    parser.add_argument("--batch", type=int, default=64, help="pages cleaned at a time (default 64)")
    options = parser.parse_args(argv)
    skipped: dict[str, int] = {}
    pages = articles = 0
    out = sys.stdout if options.output == "-" else open(options.output, "w", encoding="utf-8")
    try:
        with open(options.warc, "rb") as stream:
            batch: list[tuple[dict[str, Any], Page]] = []
            for item in html_records(stream, skipped):
                batch.append(item)
                if len(batch) >= options.batch:
                    pages, articles = pages + len(batch), articles + write_batch(batch, options.threads, out)
                    batch = []
            pages, articles = pages + len(batch), articles + write_batch(batch, options.threads, out)
    finally:
        if out is not sys.stdout:
            out.close()
    others = ", ".join(f"{count} {reason}" for reason, count in sorted(skipped.items())) or "none"
    print(f"{pages} pages cleaned into {articles} articles; records skipped: {others}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
