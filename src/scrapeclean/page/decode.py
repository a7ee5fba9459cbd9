"""HTML bytes to text, the way browsers pick the encoding.

In order: a byte-order mark; the charset of the HTTP ``Content-Type`` header,
when the caller has one; the ``<meta charset>`` or ``<meta http-equiv>``
declaration in the first 4 KiB; strict UTF-8; then charset-normalizer's guess
(:mod:`scrapeclean.io.encoding`). Labels are read as the WHATWG Encoding
standard reads them (``iso-8859-1`` and ``us-ascii`` are windows-1252). Bytes a
declared encoding cannot decode become U+FFFD, as in a browser, so a page with
a wrong declaration still gives its text. NUL characters, which no page shows,
are dropped.
"""

from __future__ import annotations

import codecs

import regex

from ..errors import InputError
from ..io.encoding import decode as decode_text

_PREAMBLE = 4096
_META_CHARSET = regex.compile(r"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", regex.IGNORECASE)
_HEADER_CHARSET = regex.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", regex.IGNORECASE)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# WHATWG: these labels mean windows-1252 in a browser, whatever their name says.
_BROWSER_ALIASES = {"latin1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254"}


def charset_of(content_type: str | None) -> str | None:
    """The Python codec named by the ``charset`` of a ``Content-Type`` value, if it names one.

    >>> charset_of("text/html; charset=ISO-8859-1"), charset_of("text/html"), charset_of("text/html; charset=nope")
    ('cp1252', None, None)
    """
    if not content_type:
        return None
    found = _HEADER_CHARSET.search(content_type)
    return _codec(found.group(1)) if found else None


def _codec(label: str | bytes) -> str | None:
    name = label.decode("ascii", "replace") if isinstance(label, bytes) else label
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    if codec in ("utf-16-le", "utf-16-be", "utf-16", "utf-32"):
        return "utf-8"  # a page read as bytes that declares UTF-16 without a byte-order mark is UTF-8 (WHATWG)
    return _BROWSER_ALIASES.get(codec, codec)


def decode_html(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """The page's text and the codec used: declared encodings first, then UTF-8, then a guess.

    >>> decode_html('<meta charset="windows-1252"><p>caf\\xe9'.encode("cp1252"))[0][-4:]
    'café'
    >>> decode_html("<p>\\u00e9t\\u00e9".encode("utf-8"))
    ('<p>été', 'utf-8')
    """
    if data.startswith(_BOMS):
        return _by_policy(data)
    declared = _declared(data, charset)
    if declared is not None:
        return data.decode(declared, "replace").replace("\x00", ""), declared
    return _by_policy(data)


def utf8_as_given(data: bytes, charset: str | None = None) -> bool:
    """Whether :func:`decode_html` reads ``data`` as UTF-8 and whole, if it is UTF-8: no byte-order mark,
    no NUL byte, and no declared encoding but UTF-8. The page's text is then ``data.decode()``, and the
    engine reads the bytes themselves (checking that they are UTF-8) with no copy to a ``str`` and back.

    >>> utf8_as_given(b"<p>caf\\xc3\\xa9"), utf8_as_given(b'<meta charset="windows-1252"><p>caf\\xe9')
    (True, False)
    """
    return not data.startswith(_BOMS) and b"\x00" not in data and _declared(data, charset) in (None, "utf-8")


def _declared(data: bytes, charset: str | None) -> str | None:
    """The codec the caller's ``charset`` or else the page's ``<meta>`` declares, if either names one."""
    declared = _codec(charset) if charset else None
    if declared is None:
        found = _META_CHARSET.search(data[:_PREAMBLE].decode("latin-1"))  # the declaration is ASCII
        declared = _codec(found.group(1)) if found else None
    return declared


def _by_policy(data: bytes) -> tuple[str, str]:
    for candidate in (data, data.replace(b"\x00", b"")):
        try:
            decoded = decode_text(candidate, "<html>")
        except InputError:
            continue
        return decoded.text, decoded.encoding
    return data.decode("utf-8", "replace").replace("\x00", ""), "utf-8"  # no likely encoding: what UTF-8 can read
