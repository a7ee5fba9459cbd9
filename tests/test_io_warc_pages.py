"""WARC response records: HTML pages cleaned with their URL, record id and date; other records skipped with a reason."""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc

import pytest
from cli_support import PARAGRAPHS, corpus_dir, scrapeclean
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scrapeclean.io.units import Carry, Dump, Failure
from scrapeclean.io.warc import read_warc

STORY = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)


def _page(title: str, body: str = STORY) -> str:
    return f"<html><head><title>{title} | The Daily</title></head><body><nav><a href=/>Home</a></nav><h1>{title}</h1>{body}</body></html>"


def warc_archive(records: list[tuple[str, str, bytes]], gz: bool = True) -> bytes:
    """A WARC of ``response`` records, each (url, Content-Type, body), written by warcio as a crawler would."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for url, content_type, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request))
    return buffer.getvalue()


@pytest.mark.parametrize("gz", [True, False])
def test_html_responses_become_pages_with_url_record_id_and_date(gz):
    data = warc_archive(
        [
            ("https://example.org/a", "text/html; charset=utf-8", _page("Bridge reopens").encode()),
            ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
            ("https://example.org/b", "text/html", _page("Harbour festival").encode()),
        ],
        gz=gz,
    )
    units = list(read_warc(io.BytesIO(data), "crawl.warc"))
    assert [type(unit).__name__ for unit in units] == ["Dump", "Carry", "Dump"]
    first, skipped, second = units
    assert isinstance(first, Dump) and first.page is not None and first.url == "https://example.org/a"
    assert first.ident.startswith("<urn:uuid:") and first.record_date and first.line == 1
    assert first.text == first.page.text and "Bridge reopens" in first.text
    assert isinstance(skipped, Carry) and not skipped.failed and skipped.line == 3
    assert "https://example.org/logo.png" in skipped.message and "not HTML (image/png)" in skipped.message
    assert second.line == 5 and second.url == "https://example.org/b"


def test_the_http_headers_charset_decodes_the_page():
    text = "Les élèves ont célébré la fête du château, déjà connue dans toute la région."
    body = _page("Fête", f"<p>{text}</p>{STORY}").encode("cp1252")
    data = warc_archive([("https://example.fr/", "text/html; charset=windows-1252", body)])
    (dump,) = list(read_warc(io.BytesIO(data), "fr.warc.gz"))
    assert text in dump.text


def test_a_badly_encoded_page_is_skipped_with_its_reason():
    body = b"<p>" + bytes(range(0x80, 0x100)) * 20 + b"</p>"
    data = warc_archive([("https://example.org/bad", "text/html; charset=utf-8", body)])
    (skipped,) = list(read_warc(io.BytesIO(data), "bad.warc.gz"))
    assert isinstance(skipped, Carry) and "badly encoded" in skipped.message


def test_a_truncated_response_is_reported_after_the_good_records():
    pages = [("https://example.org/a", "text/html", _page("Bridge reopens").encode())] * 2
    data = warc_archive(pages, gz=False)
    units = list(read_warc(io.BytesIO(data[: len(data) - 700]), "cut.warc"))
    assert isinstance(units[0], Dump)
    assert isinstance(units[-1], Failure) and "WARC record 3 is truncated" in units[-1].message


def test_compressed_and_chunked_bodies_are_undone():
    compressed = gzip.compress(_page("Bridge reopens").encode())
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in (compressed[:50], compressed[50:])) + b"0\r\n\r\n"
    payload = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
        + chunked
    )
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    record = writer.create_warc_record(
        "https://example.org/z", "response", payload=io.BytesIO(payload), length=len(payload),
        warc_content_type="application/http; msgtype=response",
    )  # fmt: skip
    writer.write_record(record)
    (dump,) = list(read_warc(io.BytesIO(buffer.getvalue()), "z.warc.gz"))
    assert isinstance(dump, Dump) and "Bridge reopens" in dump.text


def test_a_brotli_body_is_undone_within_max_document_size_and_a_bomb_is_refused():
    brotli = pytest.importorskip("brotli")
    from scrapeclean.io.http import NotAPage, html_body

    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n"
    page = _page("Bridge reopens").encode()
    assert html_body(head + brotli.compress(page), "response", 10_000).html == page
    bomb = brotli.compress(b"<p>" + b"a" * 50_000_000 + b"</p>")  # a few hundred bytes that undo to 50 MB
    tracemalloc.start()
    try:
        with pytest.raises(NotAPage, match="over max-document-size once decompressed"):
            html_body(head + bomb, "response", 10_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000  # the output stopped near the limit; it never held the 50 MB
    with pytest.raises(NotAPage, match="br compression is broken"):
        html_body(head + b"not brotli at all", "response", 10_000)


def test_a_crawl_goes_through_clean_to_jsonl_with_urls(tmp_path):
    corpus = corpus_dir(tmp_path)
    records = [
        ("https://example.org/a", "text/html; charset=utf-8", _page("Bridge reopens").encode()),
        ("https://example.org/style.css", "text/css", b"p { color: red }"),
        ("https://example.org/b", "text/html", _page("Harbour festival").encode()),
    ]
    (corpus / "crawl.warc.gz").write_bytes(warc_archive(records))
    result = scrapeclean("clean", "--input-format", "warc", "--format", "jsonl", str(corpus / "crawl.warc.gz"))
    assert result.returncode == 0, result.err
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    assert [article["url"] for article in articles] == ["https://example.org/a", "https://example.org/b"]
    assert [article["title"] for article in articles] == ["Bridge reopens", "Harbour festival"]
    assert all(article["id"].startswith("<urn:uuid:") and article["warc_date"] for article in articles)
    assert all("Home" not in article["body"] and PARAGRAPHS[0] in article["body"] for article in articles)
    assert "skipped: not HTML (text/css)" in result.err


def test_check_and_fix_refuse_an_archive_and_say_why(tmp_path):
    corpus = corpus_dir(tmp_path)
    archive = corpus / "crawl.warc.gz"
    archive.write_bytes(warc_archive([("https://example.org/a", "text/html", _page("Bridge reopens").encode())]))
    before = archive.read_bytes()
    for command in ("check", "fix"):
        result = scrapeclean(command, str(archive))
        assert result.returncode != 0
        assert "a WARC archive is the record of what was fetched and is never rewritten" in result.err
    assert archive.read_bytes() == before


def test_explain_shows_an_html_pages_dom_decisions(tmp_path):
    corpus = corpus_dir(tmp_path)
    (corpus / "page.html").write_text(_page("Bridge reopens"), encoding="utf-8")
    result = scrapeclean("explain", str(corpus / "page.html"))
    assert result.returncode == 0, result.err
    assert "read-html/page-navigation" in result.out and "Home" in result.out
