"""HTML and WARC reading speed: parsers, the page reader, WARC readers, on the dev pages' HTML.

Run from the project root::

    python benchmarks/html_speed.py            # AEB pages and every 5th WCXB dev page
    python benchmarks/html_speed.py --every 20 # a quicker sample

Prints MB of HTML per second of CPU time (best of two runs) for: parsing alone
(selectolax/lexbor, resiliparse/lexbor, lxml); scrapeclean's DOM walk, page
reader and whole ``clean_html``; resiliparse's and trafilatura's extraction;
and reading a gzipped WARC of the same pages with fastwarc, warcio and
scrapeclean's own reader. The numbers are the ones docs/html.md quotes.
"""

from __future__ import annotations

import argparse
import gzip
import io
import time
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def pages(data: Path, every: int) -> list[bytes]:
    paths = sorted((data / "aeb" / "html").glob("*.html.gz")) + sorted((data / "wcxb-dev" / "dev" / "html").glob("*.html.gz"))[::every]
    return [gzip.decompress(path.read_bytes()) for path in paths]


def timed(name: str, megabytes: float, work: Callable[[], object]) -> None:
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    print(f"{name:55s} {megabytes / best:7.1f} MB/s of HTML")


def warc_of(bodies: list[bytes]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for number, body in enumerate(bodies):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        url = f"https://example.org/{number}"
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--every", type=int, default=5, help="take every Nth WCXB dev page (default 5)")
    args = parser.parse_args()
    import lxml.html
    import trafilatura
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree
    from selectolax.lexbor import LexborHTMLParser

    from scrapeclean import InputError
    from scrapeclean.page import clean_pages, read_html
    from scrapeclean.page.walk import walk

    bodies = pages(args.data, args.every)
    texts = [body.decode("utf-8", "replace") for body in bodies]
    size = sum(len(text.encode()) for text in texts) / 1e6
    print(f"{len(texts)} pages, {size:.1f} MB of HTML")

    def each(function: Callable[[str], object]) -> Callable[[], None]:
        def run() -> None:
            for text in texts:
                try:
                    function(text)
                except InputError:  # a page with no text: the reader says so, and the run goes on
                    pass

        return run

    timed("parse: selectolax (lexbor)", size, each(LexborHTMLParser))
    timed("parse: resiliparse (lexbor)", size, each(HTMLTree.parse))
    timed("parse: lxml (libxml2)", size, each(lambda text: lxml.html.fromstring(text) if text.strip() else None))
    timed("scrapeclean: parse + DOM walk to blocks", size, each(lambda text: walk(LexborHTMLParser(text).body)))
    timed("scrapeclean: read_html (walk, evidence, metadata)", size, each(read_html))
    timed("scrapeclean: clean_html", size, each(lambda text: clean_pages([read_html(text)])))
    timed("resiliparse: main-content extraction", size, each(lambda t: extract_plain_text(HTMLTree.parse(t), main_content=True)))
    timed("trafilatura: extract", size, each(trafilatura.extract))
    archive = warc_of(bodies)
    from fastwarc.warc import ArchiveIterator as FastIterator
    from fastwarc.warc import WarcRecordType
    from warcio.archiveiterator import ArchiveIterator

    import scrapeclean.io.warc as warc

    def fast() -> None:
        for record in FastIterator(io.BytesIO(archive), record_types=WarcRecordType.response, parse_http=True):
            record.reader.read()

    def warcio_read() -> None:
        for record in ArchiveIterator(io.BytesIO(archive)):
            if record.rec_type == "response":
                record.content_stream().read()

    def records_only() -> None:
        original = warc.page_dump
        warc.page_dump = lambda *_: None  # type: ignore[assignment]
        try:
            for _ in warc.read_warc(io.BytesIO(archive), "x.warc.gz"):
                pass
        finally:
            warc.page_dump = original

    timed("WARC: fastwarc (records, HTTP headers, payload)", size, fast)
    timed("WARC: warcio (records, HTTP headers, payload)", size, warcio_read)
    timed("WARC: scrapeclean.io.warc (records, payload, bounded)", size, records_only)
    timed("WARC: scrapeclean.io.warc + read_html", size, lambda: list(warc.read_warc(io.BytesIO(archive), "x.warc.gz")))


if __name__ == "__main__":
    main()
