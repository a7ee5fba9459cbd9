"""scrapeclean: turn noisy scraped page dumps into clean article objects.

>>> import scrapeclean
>>> articles = scrapeclean.clean(open_dump_text)  # doctest: +SKIP
"""

from __future__ import annotations

import sys
import types

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up (mypy reads the name)
if TYPE_CHECKING:
    from .api import clean, clean_many, default_pipeline, process
    from .assemble import assemble, to_text
    from .errors import ConfigError, InputError, OutputError, ScrapecleanError, SpanError
    from .io.records import CorpusWriter, Record, clean_record, read_corpus, write_corpus
    from .model import Article, Block, Caption, Document, Removal, RemovedBlock, Role, Span
    from .page import clean_html
    from .pipeline import Pass, Pipeline
    from .segment import segment

# Where each public name lives. The package imports a module the first time one
# of its names is used, so `scrapeclean --version`, or a command that needs only
# part of the library, does not pay for the rest (HTML parsing, corpus output).
_HOMES = {
    "clean": ".api",
    "clean_many": ".api",
    "default_pipeline": ".api",
    "process": ".api",
    "assemble": ".assemble",
    "to_text": ".assemble",
    "ConfigError": ".errors",
    "InputError": ".errors",
    "OutputError": ".errors",
    "ScrapecleanError": ".errors",
    "SpanError": ".errors",
    "CorpusWriter": ".io.records",
    "Record": ".io.records",
    "clean_record": ".io.records",
    "read_corpus": ".io.records",
    "write_corpus": ".io.records",
    "Article": ".model",
    "Block": ".model",
    "Caption": ".model",
    "Document": ".model",
    "Removal": ".model",
    "RemovedBlock": ".model",
    "Role": ".model",
    "Span": ".model",
    "clean_html": ".page",
    "Pass": ".pipeline",
    "Pipeline": ".pipeline",
    "segment": ".segment",
}


class _Package(types.ModuleType):
    """The package, whose functions ``segment`` and ``assemble`` share their modules' names.

    Importing a submodule sets it as an attribute of the package; for those two
    names the function stays what ``scrapeclean.segment`` means, as it did when
    the package imported everything up front.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, types.ModuleType) and _HOMES.get(name) == f".{name}":
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'scrapeclean' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


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
