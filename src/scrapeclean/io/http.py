"""The HTTP response inside a WARC ``response`` record: status, headers, and the page's bytes.

A record's payload is the response as it came over the wire: a status line,
header lines, a blank line, then the body, possibly in chunks
(``Transfer-Encoding: chunked``) and compressed (``Content-Encoding: gzip``,
``deflate``, ``br`` where the brotli module is installed). :func:`html_body`
gives the body of an HTML response, decoded from both, or the reason the
record holds no page to clean (not HTML, an error or redirect status, an
encoding that cannot be undone).
"""

from __future__ import annotations

import zlib
from typing import NamedTuple

import regex

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Possessive throughout: a comment's body cannot run past its first "-->", and nothing is tried twice.
_HTML_START = regex.compile(
    r"\s*+(?:<!--(?:[^-]|-(?!->))*+-->\s*+)*+<(?:!doctype\s++html|html|head|body|div|p|title|meta)[\s>/]", regex.I
)


class Body(NamedTuple):
    """An HTML response's body and the charset its ``Content-Type`` names (None if it names none)."""

    html: bytes
    content_type: str | None


class NotAPage(Exception):
    """The record holds no HTML page; the message says why."""


def split_response(payload: bytes) -> tuple[int | None, dict[str, str], bytes]:
    """Status code, headers (names lower-cased) and body of an HTTP response; no status line: (None, {}, payload)."""
    if not payload.startswith(b"HTTP/"):
        return None, {}, payload
    end = payload.find(b"\r\n\r\n")
    cut = 4
    if end < 0:
        end, cut = payload.find(b"\n\n"), 2
    if end < 0:
        end, cut = len(payload), 0
    head = payload[:end].decode("latin-1").splitlines()
    parts = head[0].split()
    status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    headers: dict[str, str] = {}
    for line in head[1:]:
        name, colon, value = line.partition(":")
        if colon:
            headers[name.strip().lower()] = value.strip()
    return status, headers, payload[end + cut :]


def html_body(payload: bytes, record_type: str | None, limit: int) -> Body:
    """The HTML page in a record's payload, or :class:`NotAPage` with the reason.

    >>> html_body(b"HTTP/1.1 200 OK\\r\\nContent-Type: text/html; charset=utf-8\\r\\n\\r\\n<p>Hi", "response", 100)
    Body(html=b'<p>Hi', content_type='text/html; charset=utf-8')
    >>> html_body(b"HTTP/1.1 200 OK\\r\\nContent-Type: image/png\\r\\n\\r\\n...", "response", 100)
    Traceback (most recent call last):
    scrapeclean.io.http.NotAPage: not HTML (image/png)
    """
    status, headers, body = split_response(payload)
    if status is not None and not 200 <= status < 300:
        raise NotAPage(f"HTTP status {status}, no page")
    content_type = headers.get("content-type")
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _unchunked(body)
    encoding = headers.get("content-encoding", "").strip().lower()
    if encoding and encoding != "identity":
        body = _decompressed(body, encoding, limit)
    if content_type is not None:
        kind = content_type.split(";")[0].strip().lower()
        if kind not in _HTML_TYPES:
            raise NotAPage(f"not HTML ({kind or 'no content type'})")
    elif _HTML_START.match(body[:4096].decode("latin-1")) is None:
        raise NotAPage("not HTML (no Content-Type and no HTML markup at the start)")
    return Body(body, content_type)


def _unchunked(body: bytes) -> bytes:
    """A chunked body put together; a body that is not in chunks after all comes back as it is."""
    pieces = []
    position = 0
    while position < len(body):
        end = body.find(b"\r\n", position)
        size_text = body[position:end].split(b";")[0].strip() if end >= 0 else b""
        try:
            size = int(size_text, 16)
        except ValueError:
            return body if not pieces else b"".join(pieces)
        if size == 0:
            break
        pieces.append(body[end + 2 : end + 2 + size])
        position = end + 2 + size + 2
    return b"".join(pieces)


def _decompressed(body: bytes, encoding: str, limit: int) -> bytes:
    try:
        if encoding in ("gzip", "x-gzip", "deflate"):
            # gzip (16+), zlib (auto, 32+) or raw deflate: wbits says which; bounded, so a bomb stops at the limit.
            unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS if "gzip" in encoding else -zlib.MAX_WBITS)
            if encoding == "deflate" and body[:1] == b"\x78":
                unpacker = zlib.decompressobj(zlib.MAX_WBITS)
            data = unpacker.decompress(body, limit + 1)
        elif encoding == "br":
            data = _unbrotli(body, limit)
        else:
            raise NotAPage(f"compressed as {encoding!r}, which cannot be undone here")
    except (zlib.error, OSError) as error:
        raise NotAPage(f"its {encoding} compression is broken ({error})") from None
    if len(data) > limit:
        raise NotAPage(f"over max-document-size once decompressed ({limit} bytes)")
    return data


def _unbrotli(body: bytes, limit: int) -> bytes:
    """Brotli undone, bounded as gzip is: output stops growing past ``limit``, so a bomb stops there too."""
    try:
        import brotli
    except ImportError:
        raise NotAPage("compressed with brotli, and the brotli module is not installed") from None
    unpacker = brotli.Decompressor()
    try:
        return unpacker.process(body, output_buffer_limit=limit + 1)
    except TypeError:  # brotli before 1.2 cannot bound its output, and unbounded output is not taken
        raise NotAPage("compressed with brotli, and the brotli module installed is older than 1.2") from None
    except brotli.error as error:
        raise NotAPage(f"its br compression is broken ({error})") from None
