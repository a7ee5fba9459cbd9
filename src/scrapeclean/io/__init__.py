"""Reading page dumps from files (text, JSONL, WARC/WET, HTML) and writing results back safely.

Importing this package loads nothing else; each name loads its module on
first use, and heavy dependencies (charset-normalizer, warcio, trafilatura)
load only when a file needs them, so the command line starts fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOMES = {
    "AtomicWriter": "atomic",
    "atomic_write": "atomic",
    "Decoded": "encoding",
    "decode": "encoding",
    "html_to_dump": "html",
    "detect_format": "paths",
    "safe_name": "paths",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)
