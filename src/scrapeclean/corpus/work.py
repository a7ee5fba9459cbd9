"""Clean dumps, in this process or across worker processes, results in input order.

Work is bounded: at most ``window`` dumps are in flight (read but not yet
handed back), so memory stays flat however large the corpus is. Units that
need no cleaning (file markers, carried lines) travel through the same
queue, which keeps every result in input order.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, cast

from ..io.units import Dump, FileEnd, Unit

if TYPE_CHECKING:
    from ..model import Article
    from ..pipeline import Pipeline


class Outcome(NamedTuple):
    """What cleaning one dump gave: its stories in text form, and optionally the article records.

    ``error`` says why cleaning failed (an exception in a pass); the dump is
    then reported and left as it was, and the run goes on with the next one.
    A run that writes the records as JSON Lines may get them as ``written``,
    each already the text ``json_line`` makes of it, instead of ``articles``.
    """

    stories: tuple[str, ...]
    removals: tuple[tuple[str, str, int], ...]
    articles: tuple[dict[str, Any], ...] = ()
    error: str | None = None
    written: tuple[str, ...] = ()

    @property
    def records(self) -> tuple[dict[str, Any], ...]:
        """The article records, whichever way they came."""
        import json

        return self.articles or tuple(json.loads(record) for record in self.written)

    @property
    def text(self) -> str:
        """scrapeclean's text form of the whole dump (what :func:`scrapeclean.to_text` gives)."""
        from ..textform import STORY_BREAK

        return STORY_BREAK.join(self.stories)


# Whether a run keeps each dump's articles (their JSON forms), and with the removed text in them.
WITH_REMOVED_TEXT = "with-removed-text"
ArticleForm = Literal[False, True, "with-removed-text"]


def clean_text(text: str, pipeline: Pipeline | None, articles: ArticleForm = False) -> Outcome:
    """Clean one dump (``pipeline`` None: the default one). A top-level function so worker processes can run it."""
    try:
        columns = _engine_columns([text], pipeline, 1)
        if columns is not None:
            return outcome_of_columns(text, columns[0], articles)
        from ..api import clean

        cleaned = clean(text, pipeline=pipeline)
    except Exception as error:  # noqa: BLE001 - a defect met on one dump must not end a corpus run
        return Outcome(stories=(), removals=(), error=f"{type(error).__name__}: {error}")
    return outcome_of(cleaned, articles)


def _engine_columns(texts: list[str], pipeline: Pipeline | None, threads: int) -> list[tuple] | None:
    """The engine's columns for each text (see ``Compact`` in python.rs), or None for a pipeline it cannot run."""
    from ..handoff import _engine, built, check_text, encodable_all

    passes = _passes_of(pipeline)
    if passes is None:
        return None
    for text in texts:
        check_text(text)
    return _engine.clean_many(encodable_all(texts), built(passes), threads)  # type: ignore[no-any-return]


def outcome_of_columns(text: str, columns: tuple, articles: ArticleForm = False) -> Outcome:
    """:func:`outcome_of` read straight off the engine's columns: the same outcome, with no article object made.

    A run needs each story's text form, the count of each removal reason and,
    when it keeps them, the articles' JSON forms (``Article.to_dict``), which
    are made here from the columns directly.
    """
    from ..textform import PARAGRAPH_BREAK

    spans_bytes, table, removal_bytes, copy_bytes, credit_list, rows = columns
    spans = memoryview(spans_bytes).cast("Q")
    removal_of = memoryview(removal_bytes).cast("I")
    stories = []
    counts: Counter[tuple[str, str]] = Counter()
    for title, _section, _byline, _dateline, _captions, body, _kept, removed in rows:
        lines = list(memoryview(body).cast("I"))
        if title is not None:  # where it stood in the input, as to_text() puts it
            lines.insert(sum(1 for index in lines if index < title), title)
        story = PARAGRAPH_BREAK.join(text[spans[2 * index] : spans[2 * index + 1]] for index in lines)
        if story:
            stories.append(story)
        counts.update(table[removal_of[index]][:2] for index in memoryview(removed).cast("I"))
    records: tuple[dict[str, Any], ...] = ()
    if articles:
        copies = memoryview(copy_bytes).cast("q")
        records = _article_records(text, spans, table, removal_of, copies, dict(credit_list), rows, articles)
    return Outcome(
        stories=tuple(stories),
        removals=tuple((name, reason, count) for (name, reason), count in sorted(counts.items())),
        articles=records,
    )


def _article_records(
    text: str,
    spans: memoryview,
    table: list[tuple[str, str, str]],
    removal_of: memoryview,
    copies: memoryview,
    credits: dict[int, tuple[int, int]],
    rows: list[tuple],
    articles: ArticleForm,
) -> tuple[dict[str, Any], ...]:
    """The JSON form of each article of a dump (``Article.to_dict``, the same keys in the same order)."""
    from ..textform import PARAGRAPH_BREAK

    with_text = articles == WITH_REMOVED_TEXT

    def pair(index: int) -> list[int]:
        return [spans[2 * index], spans[2 * index + 1]]

    def line(index: int) -> str:
        return text[spans[2 * index] : spans[2 * index + 1]]

    def metadata(index: int | None) -> str | None:
        return None if index is None else line(index)

    def removed_record(index: int) -> dict[str, Any]:
        pass_name, reason, detail = table[removal_of[index]]
        start, end = spans[2 * index], spans[2 * index + 1]
        copied = copies[index]
        record = {
            "start": start,
            "end": end,
            "pass": pass_name,
            "reason": reason,
            "detail": detail,
            "block": index,
            "copy_of": None if copied < 0 else copied,
        }
        if with_text:
            record["text"] = text[start:end]
        return record

    def caption(index: int) -> dict[str, Any]:
        credit = credits.get(index)
        return {"text": line(index), "credit": None if credit is None else text[credit[0] : credit[1]]}

    records = []
    for number, (title, section, byline, dateline, *lists) in enumerate(rows):
        captions, body, kept, removed = (memoryview(blocks).cast("I") for blocks in lists)
        paragraphs = [line(index) for index in body]
        records.append(
            {
                "index": number,
                "title": metadata(title),
                "section": metadata(section),
                "byline": metadata(byline),
                "dateline": metadata(dateline),
                "captions": [caption(index) for index in captions],
                "body": paragraphs,
                "text": PARAGRAPH_BREAK.join(paragraphs),
                "spans": [pair(index) for index in kept],
                "removed": [removed_record(index) for index in removed],
                "title_span": None if title is None else pair(title),
                "body_spans": [pair(index) for index in body],
            }
        )
    return tuple(records)


def _passes_of(pipeline: Pipeline | None) -> list[tuple[str, dict[str, object]]] | None:
    """The engine form of a pipeline (None: the default one), or None for one with a pass of Python's."""
    if pipeline is None:
        from ..handoff import DEFAULT_PASSES

        return DEFAULT_PASSES
    from ..engine import engine_passes

    return engine_passes(pipeline)


def _is_one_pipeline(pipeline: object) -> bool:
    """Whether ``pipeline`` is one pipeline for every dump (None: the default one), not a function giving each its own."""
    if pipeline is None:
        return True
    from ..pipeline import Pipeline

    return isinstance(pipeline, Pipeline)


def clean_dump(dump: Dump, pipeline: Pipeline | None, articles: ArticleForm = False) -> Outcome:
    """Clean one dump: an HTML page with its DOM's evidence, any other dump as text."""
    if dump.page is None:
        return clean_text(dump.text, pipeline, articles)
    from ..page import clean_pages

    try:
        cleaned = clean_pages([dump.page], pipeline=pipeline)[0]
    except Exception as error:  # noqa: BLE001 - as clean_text: one page's defect must not end a corpus run
        return Outcome(stories=(), removals=(), error=f"{type(error).__name__}: {error}")
    return outcome_of(cleaned, articles)


def outcome_of(cleaned: list[Article], articles: ArticleForm = False) -> Outcome:
    """What a corpus run keeps of one dump's articles."""
    from ..assemble import to_text

    stories = tuple(story for story in (to_text([article]) for article in cleaned) if story)
    counts = Counter((removed.pass_name, removed.reason) for article in cleaned for removed in article.removed)
    return Outcome(
        stories=stories,
        removals=tuple((name, reason, count) for (name, reason), count in sorted(counts.items())),
        articles=tuple(article.to_dict(removed_text=articles == WITH_REMOVED_TEXT) for article in cleaned)
        if articles
        else (),
    )


def clean_units(
    units: Iterable[Unit],
    pipeline: Pipeline | Callable[[Dump], Pipeline] | None,
    jobs: int = 1,
    articles: ArticleForm = False,
    window: int | None = None,
    written: bool = False,
) -> Iterator[tuple[Unit, Outcome | None]]:
    """Each unit with its outcome (``None`` for units that are not dumps), in input order.

    ``pipeline`` is one pipeline for every dump (None: the default one), or a function giving
    each dump its own (a site profile's pass in front of the built-in ones). With ``written``,
    the article records may come as JSON text (``Outcome.written``) instead of dicts.
    """
    pipeline_for: Callable[[Dump], Pipeline | None]
    if _is_one_pipeline(pipeline):
        one = cast("Pipeline | None", pipeline)
        pipeline_for = lambda dump: one  # noqa: E731
        passes = _passes_of(one)
    else:
        pipeline_for, one, passes = cast("Callable[[Dump], Pipeline]", pipeline), None, None
    if passes is not None:
        run = _EngineRun(one, passes, max(jobs, 1), articles, written)
        if jobs <= 1:  # batches cleaned in turn on this thread, each dump's outcome made in the engine
            yield from _in_turn(units, run, window or _BATCH_PER_THREAD)
        else:  # each of jobs threads cleans a batch of its own in the engine, with Python's lock released
            yield from _threaded(units, run, window or (jobs + 1) * _BATCH_PER_THREAD)
        return
    if jobs <= 1:
        for unit in units:
            yield unit, clean_dump(unit, pipeline_for(unit), articles) if isinstance(unit, Dump) else None
        return
    yield from _parallel(units, pipeline_for, jobs, articles, window or jobs * 8)


# Dumps handed to the engine at a time, per batch: each thread takes a batch of its own.
_BATCH_PER_THREAD = 16


class _EngineRun(NamedTuple):
    """How the dumps of a threaded run are cleaned: a pipeline the engine runs, on ``jobs`` threads."""

    pipeline: Pipeline | None  # None: the default pipeline
    passes: list[tuple[str, dict[str, object]]]  # the pipeline's engine form (engine_passes)
    jobs: int
    articles: ArticleForm
    written: bool


def _threaded(units: Iterable[Unit], run: _EngineRun, window: int) -> Iterator[tuple[Unit, Outcome | None]]:
    """Batches of units, their dumps cleaned by the engine on ``jobs`` threads, in input order.

    Each of ``jobs`` threads cleans a batch of its own in the engine, with
    Python's lock released, and takes the next batch when it is done, while
    this thread reads batches and hands on the oldest; so the Python work
    overlaps the engine's, and no thread waits for another's long dump.
    ``jobs + 1`` batches are in flight at a time, together at most the window.
    """
    from ..handoff import pooled

    batches = _batches(units, max(1, window // (run.jobs + 1)))
    for batch, cleaned in pooled(batches, partial(_clean_batch, run._replace(jobs=1)), run.jobs):
        yield from _finish_batch(batch, cleaned, run)


def _in_turn(units: Iterable[Unit], run: _EngineRun, size: int) -> Iterator[tuple[Unit, Outcome | None]]:
    """Batches of units, each cleaned by the engine on this thread and handed on before the next is read.

    A batch ends with its file too, so a file is written back before the next one is read, as a run of
    one dump at a time does (a link to a file the run has just fixed reads the fixed file).
    """
    for batch in _batches(units, size, by_file=True):
        yield from _finish_batch(batch, partial(_clean_batch, run, batch), run)


def _batches(units: Iterable[Unit], size: int, by_file: bool = False) -> Iterator[list[Unit]]:
    """Units in runs of ``size`` dumps (the markers between them are light and come along); with ``by_file``,
    a run also ends where a file does."""
    batch: list[Unit] = []
    dumps = 0
    for unit in units:
        batch.append(unit)
        dumps += isinstance(unit, Dump)
        if dumps >= size or (by_file and isinstance(unit, FileEnd)):
            yield batch
            batch, dumps = [], 0
    if batch:
        yield batch


def _clean_batch(run: _EngineRun, batch: list[Unit]) -> dict[int, Outcome]:
    """The outcome of each dump of a batch, by the dump's ``id``; run on the engine's thread.

    Texts are cleaned into outcomes inside the engine, on its threads; a text
    with lone surrogates (which the engine reads as U+FFFD) and an HTML page
    are turned into outcomes here, from the engine's columns or articles.
    """
    from ..handoff import _engine, built, check_text, encodable, encodable_all

    pipeline, jobs, articles = run.pipeline, run.jobs, run.articles
    texts: list[Dump] = []
    others: list[Dump] = []
    pages: list[Dump] = []
    for unit in batch:
        if isinstance(unit, Dump) and unit.page is not None:
            pages.append(unit)
        elif isinstance(unit, Dump):
            check_text(unit.text)
            (texts if encodable(unit.text) is unit.text else others).append(unit)
    kept = _engine.clean_many_outcomes(
        [unit.text for unit in texts], built(run.passes), jobs, bool(articles), articles == WITH_REMOVED_TEXT
    )
    found = {id(unit): _outcome_of_kept(row, articles, run.written) for unit, row in zip(texts, kept)}
    if others:
        columns = _engine.clean_many(encodable_all([unit.text for unit in others]), built(run.passes), jobs)
        found |= {id(unit): outcome_of_columns(unit.text, result, articles) for unit, result in zip(others, columns)}
    if pages:
        from ..page import clean_pages

        cleaned = clean_pages([unit.page for unit in pages], threads=jobs, pipeline=pipeline)
        found |= {id(unit): outcome_of(result, articles) for unit, result in zip(pages, cleaned)}
    return found


def _outcome_of_kept(row: tuple[list, list, list], articles: ArticleForm, written: bool) -> Outcome:
    """The outcome the engine made of a text: its stories, removals and, as asked, its articles' JSON."""
    import json

    stories, removals, records = row
    if not written:
        return Outcome(tuple(stories), tuple(removals), tuple(json.loads(record) for record in records))
    return Outcome(tuple(stories), tuple(removals), written=tuple(records))


def _finish_batch(
    batch: list[Unit], cleaned: Callable[[], dict[int, Outcome]], run: _EngineRun
) -> Iterator[tuple[Unit, Outcome | None]]:
    """The batch's units with their outcomes, once the engine is done with it (``cleaned`` gives them)."""
    try:
        found = cleaned()
        outcomes = iter([found[id(unit)] for unit in batch if isinstance(unit, Dump)])
    except Exception:  # noqa: BLE001 - one dump's defect: clean them one by one, so only it is reported
        outcomes = iter([clean_dump(unit, run.pipeline, run.articles) for unit in batch if isinstance(unit, Dump)])
    for unit in batch:
        yield unit, next(outcomes) if isinstance(unit, Dump) else None


def _parallel(
    units: Iterable[Unit],
    pipeline_for: Callable[[Dump], Pipeline | None],
    jobs: int,
    articles: ArticleForm,
    window: int,
) -> Iterator[tuple[Unit, Outcome | None]]:
    from concurrent.futures import ProcessPoolExecutor

    pending: deque[tuple[Unit, Any]] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        try:
            for unit in units:
                future = (
                    pool.submit(clean_dump, unit, pipeline_for(unit), articles) if isinstance(unit, Dump) else None
                )
                pending.append((unit, future))
                while len(pending) >= window or (pending and _ready(pending[0][1])):
                    done, future = pending.popleft()
                    yield done, None if future is None else future.result()
            while pending:
                done, future = pending.popleft()
                yield done, None if future is None else future.result()
        finally:
            for _, future in pending:
                if future is not None:
                    future.cancel()


def _ready(future: Any) -> bool:
    return future is None or future.done()
