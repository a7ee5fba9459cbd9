"""Reading page dumps from files (text, JSONL, WARC/WET, HTML) and writing results back safely.

Heavy dependencies (charset-normalizer, warcio, trafilatura) are imported only
when a file needs them, so importing this package is cheap.
"""

from __future__ import annotations

from .atomic import AtomicWriter, atomic_write
from .encoding import Decoded, decode
from .html import html_to_dump
from .paths import detect_format, safe_name

__all__ = ["AtomicWriter", "Decoded", "atomic_write", "decode", "detect_format", "html_to_dump", "safe_name"]
