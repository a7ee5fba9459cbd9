"""JSON Lines corpora: one JSON object per line, its page dump in a text field.

Lines are read as UTF-8 (a byte-order mark on the first line is tolerated)
and streamed, so memory does not grow with the file. Every line becomes
either a :class:`~scrapeclean.io.units.Dump` or a
:class:`~scrapeclean.io.units.Carry`:

- a blank line is carried through silently;
- a line that is not UTF-8, not JSON, or not a JSON object is reported with
  its line number as a failure and carried through unchanged;
- an object whose text field is missing or not a string is reported with its
  line number and carried through unchanged (not a failure: there is nothing
  to clean).

Only strict JSON is read: ``NaN``, ``Infinity`` and ``-Infinity`` (which
Python's ``json`` would accept) make a line malformed.

A rewritten record is the line it was with only the bytes of its text
field's value replaced (:func:`splice`): every other byte, the byte-order
mark, the spacing, the key order, numbers such as ``1e400``,
``12345678901234567890.5`` and ``-0``, and the line ending, stays as it was.
The new value is written by ``json.dumps``, with non-ASCII kept as is unless
the line was pure ASCII with ``\\u`` escapes. Records that do not change are
written back byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from .limits import DEFAULT_LIMITS, over, skip_line
from .units import Carry, Dump

_BOM = b"\xef\xbb\xbf"


def read_records(
    handle: IO[bytes], path: str, text_field: str, id_field: str, limit: int = DEFAULT_LIMITS.document
) -> Iterator[Dump | Carry]:
    """The units of a JSONL stream, one per line, numbered from 1; a line over ``limit`` bytes is not held."""
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            skip_line(handle)
            message = over("the record", limit, "max-document-size")
            yield Carry(path, number, b"", message, failed=True, too_large=True)
            continue
        line = raw[len(_BOM) :] if number == 1 and raw.startswith(_BOM) else raw
        yield parse_line(line, raw, number, path, text_field, id_field)


def parse_line(line: bytes, raw: bytes, number: int, path: str, text_field: str, id_field: str) -> Dump | Carry:
    if not line.strip():
        return Carry(path, number, raw)
    try:
        record = json.loads(line.decode("utf-8"), parse_constant=_not_json)
    except UnicodeDecodeError as error:
        return Carry(path, number, raw, f"not UTF-8 ({error.reason} at byte {error.start}); carried through", True)
    except ValueError as error:
        return Carry(path, number, raw, f"malformed JSON ({error}); carried through", True)
    except RecursionError:
        return Carry(path, number, raw, "malformed JSON (arrays or objects nested too deeply); carried through", True)
    if not isinstance(record, dict):
        return Carry(path, number, raw, f"not a JSON object but {type(record).__name__}; carried through", True)
    text = record.get(text_field)
    if not isinstance(text, str):
        state = "missing" if text_field not in record else f"a {type(text).__name__}, not a string"
        return Carry(path, number, raw, f"text field {text_field!r} is {state}; carried through", record=record)
    return Dump(path=path, text=text, line=number, ident=record.get(id_field), record=record, raw=raw)


def _not_json(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def splice(raw: bytes, values: dict[str, str], ending: bytes | None = None) -> bytes:
    """The JSONL line ``raw`` with the string values of some top-level fields replaced, every other byte kept.

    A field that is missing is added at the end of the object. ``ending``
    replaces the line's own ending when given.

    >>> splice(b'{"n": 1e400, "text": "old", "x": -0}\\r\\n', {"text": "new"})
    b'{"n": 1e400, "text": "new", "x": -0}\\r\\n'
    """
    text = raw.decode("utf-8")
    ascii_only = raw.isascii() and b"\\u" in raw
    spans, close = _members(text)
    pieces, position = [], 0
    for key in sorted((key for key in values if key in spans), key=spans.__getitem__):
        start, end = spans[key]
        pieces += [text[position:start], _string(values[key], ascii_only)]
        position = end
    missing = [key for key in values if key not in spans]
    added = [f"{_string(key, ascii_only)}: {_string(values[key], ascii_only)}" for key in missing]
    if added:
        pieces += [text[position:close], ", " if spans else "", ", ".join(added)]
        position = close
    line = ("".join(pieces) + text[position:]).encode("utf-8")
    if ending is not None:
        line = line[: len(line) - len(line_ending(line))] + ending
    return line


def _string(value: str, ascii_only: bool) -> str:
    text = json.dumps(value, ensure_ascii=ascii_only)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a \\ud800-style escape: keep it escaped
        text = json.dumps(value, ensure_ascii=True)
    return text


def _members(text: str) -> tuple[dict[str, tuple[int, int]], int]:
    """Where each top-level member's value lies in a JSON object's text, and where its closing brace is.

    The text has been parsed already, so it is valid; the last of two members
    with the same name wins, as it does for ``json.loads``.
    """
    space, scan = json.decoder.WHITESPACE.match, _DECODER.scan_once  # type: ignore[attr-defined]
    position = space(text, 1 if text.startswith("\ufeff") else 0).end() + 1  # past the opening brace
    spans: dict[str, tuple[int, int]] = {}
    position = space(text, position).end()
    while text[position] != "}":
        key, position = scan(text, position)
        start = space(text, space(text, position).end() + 1).end()  # past the colon
        _, end = scan(text, start)
        spans[key] = (start, end)
        position = space(text, end).end()
        if text[position] == ",":
            position = space(text, position + 1).end()
    return spans, position


_DECODER = json.JSONDecoder()


def line_ending(raw: bytes) -> bytes:
    if raw.endswith(b"\r\n"):
        return b"\r\n"
    return b"\n" if raw.endswith(b"\n") else b""


def dump_record(record: dict[str, Any], like: bytes | None = None) -> bytes:
    """Serialise a record as one JSONL line, ending as ``like`` ends (``\\n`` by default)."""
    ascii_only = like is not None and like.isascii() and b"\\u" in like
    ending = b"\n" if like is None else line_ending(like)
    try:
        return json.dumps(record, ensure_ascii=ascii_only).encode("utf-8") + ending
    except UnicodeEncodeError:  # a lone surrogate from a \\ud800-style escape: keep it escaped
        return json.dumps(record, ensure_ascii=True).encode("ascii") + ending


def with_text(record: dict[str, Any], text_field: str, text: str) -> dict[str, Any]:
    """A copy of ``record`` with its text field replaced, every other field and the order kept."""
    updated = dict(record)
    updated[text_field] = text
    return updated


def derived_id(ident: Any, line: int, index: int) -> str:
    """The id of story ``index`` split out of a record: ``ID-INDEX`` (``LINE-INDEX`` when the record has no id).

    >>> derived_id("doc-7", 3, 1), derived_id(None, 12, 0)
    ('doc-7-1', '12-0')
    """
    base = line if ident is None else ident
    return f"{base}-{index}"
