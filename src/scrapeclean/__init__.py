"""scrapeclean: turn noisy scraped page dumps into clean article objects.

>>> import scrapeclean
>>> articles = scrapeclean.clean(open_dump_text)  # doctest: +SKIP
"""

from __future__ import annotations

from .api import clean, clean_many, default_pipeline, process
from .assemble import assemble, to_text
from .errors import ConfigError, InputError, OutputError, ScrapecleanError, SpanError
from .io.records import CorpusWriter, Record, clean_record, read_corpus, write_corpus
from .model import Article, Block, Caption, Document, Removal, RemovedBlock, Role, Span
from .page import clean_html
from .pipeline import Pass, Pipeline
from .segment import segment

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Block",
    "Caption",
    "CorpusWriter",
    "ConfigError",
    "Document",
    "InputError",
    "OutputError",
    "Pass",
    "Pipeline",
    "Record",
    "Removal",
    "RemovedBlock",
    "Role",
    "ScrapecleanError",
    "Span",
    "SpanError",
    "assemble",
    "clean",
    "clean_html",
    "clean_many",
    "clean_record",
    "default_pipeline",
    "process",
    "read_corpus",
    "segment",
    "to_text",
    "write_corpus",
]
