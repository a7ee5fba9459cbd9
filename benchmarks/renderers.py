"""HTML to page dump, with independent renderers and an on-disk cache.

Two renderers with different layouts (html-text and inscriptis) keep the
benchmark from rewarding a cleaner tuned to one renderer's line breaks.
Dumps are cached under ``benchmarks/.cache/`` keyed by renderer, renderer
version and the HTML file's content hash, so reruns skip rendering.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from importlib.metadata import version
from pathlib import Path

DEFAULT_CACHE = Path(__file__).resolve().parent / ".cache" / "dumps"

RENDERERS = ("html-text", "inscriptis")
_DISTRIBUTIONS = {"html-text": "html-text", "inscriptis": "inscriptis"}


def renderer_version(renderer: str) -> str:
    return version(_DISTRIBUTIONS[renderer])


def read_html(path: Path) -> str:
    """The page's HTML as text. Pages are read as UTF-8, as both benchmarks' own runners read them."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    return raw.decode("utf-8", errors="replace")


def render_html(html: str, renderer: str) -> str:
    if renderer == "html-text":
        import html_text

        return html_text.extract_text(html)
    if renderer == "inscriptis":
        import inscriptis

        return inscriptis.get_text(html)
    raise ValueError(f"renderer must be one of {RENDERERS}, not {renderer!r}")


def cache_path(html_path: Path, renderer: str, cache_dir: Path = DEFAULT_CACHE) -> Path:
    digest = hashlib.sha1(html_path.read_bytes()).hexdigest()[:24]
    return cache_dir / f"{renderer}-{renderer_version(renderer)}" / f"{digest}.txt"


def render_file(html_path: Path, renderer: str, cache_dir: Path | None = DEFAULT_CACHE) -> str:
    """The dump of one HTML file, from the cache when it is there."""
    if cache_dir is None:
        return render_html(read_html(html_path), renderer)
    cached = cache_path(html_path, renderer, cache_dir)
    if cached.exists():
        with open(cached, encoding="utf-8", newline="") as handle:
            return handle.read()
    dump = render_html(read_html(html_path), renderer)
    cached.parent.mkdir(parents=True, exist_ok=True)
    # Write then rename, so parallel workers never read a half-written dump.
    handle, temporary = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
        out.write(dump)
    os.replace(temporary, cached)
    return dump
