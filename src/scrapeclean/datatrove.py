"""A datatrove pipeline step that cleans each Document's text (``pip install 'scrapeclean[datatrove]'``).

>>> from datatrove.pipeline.readers import JsonlReader            # doctest: +SKIP
>>> from datatrove.pipeline.writers import JsonlWriter            # doctest: +SKIP
>>> from datatrove.executor import LocalPipelineExecutor          # doctest: +SKIP
>>> LocalPipelineExecutor(pipeline=[JsonlReader("dumps/"), CleanArticles(), JsonlWriter("clean/")]).run()  # doctest: +SKIP

Each Document's text is cleaned with :func:`scrapeclean.clean`. With
``split_articles=False`` (the default) the document keeps its id and its
text becomes scrapeclean's text form of every article (titles and body
paragraphs, stories separated by ``join_with``); with ``split_articles=True``
every article becomes a document of its own, id ``ID/INDEX``, its metadata
the input's plus the article's ``title``, ``byline``, ``dateline`` and
``article_index``. A document cleaning keeps nothing of is dropped (counted
as ``dropped_empty``) unless ``keep_empty``.

The removals go into each output document's metadata under ``scrapeclean``
(``{"articles": N, "removed": {"PASS/REASON": COUNT}}``) and into the step's
stats (``removed/PASS/REASON``, blocks per document), beside ``articles``
and the time spent.

Importing this module loads nothing; datatrove loads when ``CleanArticles``
is first asked for, so the rest of scrapeclean never needs it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from .api import clean
from .assemble import PARAGRAPH_BREAK, to_text
from .model import Article
from .pipeline import Pipeline

_MADE: dict[str, type] = {}


def __getattr__(name: str) -> Any:
    if name != "CleanArticles":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if name not in _MADE:
        _MADE[name] = _make_step()
    return _MADE[name]


def _make_step() -> type:
    try:
        from datatrove.pipeline.base import PipelineStep
    except ImportError:
        raise ImportError(
            "CleanArticles needs datatrove; install it with: pip install 'scrapeclean[datatrove]'"
        ) from None
    step = type("CleanArticles", (_CleanArticles, PipelineStep), {"__module__": __name__})
    step.__doc__ = _CleanArticles.__doc__
    return step


class _CleanArticles:
    """Clean each document's page dump into its articles (one document each, or joined)."""

    name = "🧹 scrapeclean"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        *,
        split_articles: bool = False,
        join_with: str = PARAGRAPH_BREAK,
        pipeline: Pipeline | None = None,
        profiles: Any = None,
        group_field: str | None = None,
        keep_empty: bool = False,
    ) -> None:
        super().__init__()
        self.split_articles = split_articles
        self.join_with = join_with
        self.pipeline = pipeline
        self.profiles = profiles
        self.group_field = group_field
        self.keep_empty = keep_empty
        self._pipelines: Any = None

    def _pipeline_for(self, document: Any) -> Pipeline | None:
        if self.profiles is None:
            return self.pipeline
        from .api import default_pipeline
        from .corpus.profiles import ProfiledPipelines, fields_site

        if self._pipelines is None:
            self._pipelines = ProfiledPipelines(self.profiles, self.pipeline or default_pipeline())
        return self._pipelines.for_site(fields_site(document.metadata, self.group_field))

    def run(self, data: Iterator[Any], rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        for document in data:
            self.stat_update("documents")
            with self.track_time():
                articles = clean(document.text, pipeline=self._pipeline_for(document))
            removed = Counter(f"{item.pass_name}/{item.reason}" for article in articles for item in article.removed)
            for label, count in sorted(removed.items()):
                self.stat_update(f"removed/{label}", value=count)
            self.stat_update("articles", value=len(articles))
            summary = {"articles": len(articles), "removed": dict(sorted(removed.items()))}
            yield from self._documents(document, articles, summary)

    def _documents(self, document: Any, articles: list[Article], summary: dict[str, Any]) -> Iterator[Any]:
        texts = [to_text([article]) for article in articles]
        if not any(texts) and not self.keep_empty:
            self.stat_update("dropped_empty")
            return
        if not self.split_articles:
            document.text = self.join_with.join(text for text in texts if text)
            document.metadata["scrapeclean"] = summary
            self.update_doc_stats(document)
            yield document
            return
        for article, text in zip(articles, texts):
            if not text and not self.keep_empty:
                continue
            metadata = {
                **document.metadata,
                "title": article.title,
                "byline": article.byline,
                "dateline": article.dateline,
                "article_index": article.index,
                "scrapeclean": summary,
            }
            from datatrove.data import Document

            piece = Document(text=text, id=f"{document.id}/{article.index}", metadata=metadata)
            self.update_doc_stats(piece)
            yield piece
