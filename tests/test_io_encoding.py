"""The decoding policy of the command line: BOMs, UTF-8, guessed encodings, binary files."""

from __future__ import annotations

import pytest

from scrapeclean.errors import InputError, OutputError
from scrapeclean.io.encoding import decode

RUSSIAN = "Привет, мир. Это обычный текст на русском языке, написанный для проверки кодировки. " * 3


def test_plain_utf8_is_not_guessed():
    decoded = decode("Café au lait\n".encode(), "a.txt")
    assert (decoded.text, decoded.encoding, decoded.bom, decoded.guessed) == ("Café au lait\n", "utf-8", b"", False)
    assert decoded.is_plain_utf8


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-32-le", b"\xff\xfe\x00\x00"),
    ],
)
def test_byte_order_marks_decide_and_are_written_back(encoding, bom):
    data = bom + "Zürich\nnews".encode(encoding)
    decoded = decode(data, "a.txt")
    assert decoded.text == "Zürich\nnews"
    assert decoded.encoding == encoding and decoded.bom == bom
    assert decoded.encode("Zürich") == bom + "Zürich".encode(encoding)
    assert "BOM" in decoded.label


def test_non_utf8_text_is_guessed_said_and_reversible():
    data = RUSSIAN.encode("cp1251")
    decoded = decode(data, "ru.txt")
    assert decoded.text == RUSSIAN
    assert decoded.guessed and decoded.reversible
    assert "guessed" in decoded.label
    assert decoded.encode(decoded.text) == data


def test_nul_bytes_mean_binary():
    with pytest.raises(InputError, match=r"bin\.dat: looks like a binary file"):
        decode(b"abc\x00def" * 10, "bin.dat")


def test_a_bom_that_lies_is_an_input_error_naming_the_file():
    with pytest.raises(InputError, match=r"x\.txt: starts with a utf-8 byte-order mark"):
        decode(b"\xef\xbb\xbf\xff\xfe\xfd", "x.txt")


def test_text_that_the_encoding_cannot_hold_is_refused_with_the_file_name():
    decoded = decode(RUSSIAN.encode("cp1251"), "ru.txt")
    with pytest.raises(OutputError, match=r"ru\.txt: cannot write back in cp1251"):
        decoded.encode("日本語", "ru.txt")
