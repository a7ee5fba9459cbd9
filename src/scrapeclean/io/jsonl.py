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

A rewritten record keeps every other field, in order; it is serialised again
with ``json.dumps`` (values unchanged, spacing as Python writes it, non-ASCII
kept as is unless the line was pure ASCII with ``\\u`` escapes). Records that
do not change are written back byte for byte.
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
        record = json.loads(line.decode("utf-8"))
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
