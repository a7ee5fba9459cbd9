"""Bytes to text and back: the decoding policy of the command line.

In order:

1. A byte-order mark decides: UTF-8 (``EF BB BF``), UTF-32 and UTF-16 in
   either byte order. The mark is kept and written back by ``fix``.
2. Otherwise NUL bytes mean a binary file (UTF-16 and UTF-32 text without a
   mark are not guessed at): ``InputError``.
3. Otherwise the bytes are decoded as strict UTF-8 when they are valid UTF-8.
4. Otherwise charset-normalizer (imported only then) picks the likeliest
   encoding; the caller is told it was guessed so it can say so.
5. Nothing fits: ``InputError``.

A guessed encoding is written back only when decoding is exactly reversible
(encoding the decoded text gives the same bytes), so ``fix`` never turns a file
into mojibake; otherwise it refuses with a message naming the file.

>>> decoded = decode("Café".encode("utf-8"), "page.txt")
>>> decoded.text, decoded.encoding, decoded.guessed
('Café', 'utf-8', False)
>>> decode(b"\\xef\\xbb\\xbfHi", "bom.txt").encode("Hello")
b'\\xef\\xbb\\xbfHello'
"""

from __future__ import annotations

from typing import NamedTuple

from ..errors import InputError, OutputError

# Longest marks first: the UTF-32 little-endian mark starts with the UTF-16 one.
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)


class Decoded(NamedTuple):
    """Decoded text and how to turn text back into bytes the same way."""

    text: str
    encoding: str
    bom: bytes = b""
    guessed: bool = False
    reversible: bool = True

    @property
    def label(self) -> str:
        """How to name the encoding to a person: ``utf-16-le with BOM``, ``cp1252 (guessed)``."""
        suffix = " with BOM" if self.bom else " (guessed)" if self.guessed else ""
        return self.encoding + suffix

    @property
    def is_plain_utf8(self) -> bool:
        return self.encoding == "utf-8" and not self.bom

    def encode(self, text: str, name: str = "<text>") -> bytes:
        """``text`` as bytes in this encoding, or ``OutputError`` naming the file and the encoding."""
        try:
            return self.bom + text.encode(self.encoding)
        except UnicodeEncodeError as error:
            raise OutputError(
                f"{name}: cannot write back in {self.label}: {error.reason} at character {error.start}; "
                "convert the file to UTF-8 first"
            ) from None


def decode(data: bytes, name: str = "<bytes>") -> Decoded:
    """Decode a whole file by the policy above; ``name`` is used in error messages."""
    decoded = _decode(data, name)
    if "\x00" in decoded.text:
        raise InputError(f"{name}: looks like a binary file (NUL characters in its {decoded.label} text)")
    return decoded


def _decode(data: bytes, name: str) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding, bom)
            except UnicodeDecodeError as error:
                raise InputError(
                    f"{name}: starts with a {encoding} byte-order mark but is not {encoding}: {error}"
                ) from None
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file (NUL bytes and no UTF-16/32 byte-order mark)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _guess(data, name)


def _guess(data: bytes, name: str) -> Decoded:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: cannot decode: not UTF-8, no byte-order mark, and no likely encoding found")
    encoding = best.encoding
    text = data.decode(encoding)
    try:
        same = text.encode(encoding) == data
    except UnicodeEncodeError:
        same = False
    return Decoded(text, encoding, guessed=True, reversible=same)
