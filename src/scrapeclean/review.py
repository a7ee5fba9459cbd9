"""``review``: one self-contained page to read, filter and correct a corpus sample.

The page holds a summary (counts per pass and reason, a chart of the kept
share per record), a table of contents with flags, and one record at a time:
kept text with its roles, each run of removed blocks folded into one line.
A reviewer marks blocks that should have been kept or removed and exports
the marks as JSONL; :mod:`scrapeclean.marks` turns them into golden cases.

The page is built to stay fast with a thousand records: each record is
embedded as its own JSON island (``<script type="application/json">``,
never executed, parsed only when shown) and rendered by the page's script
with text nodes only. Every string from the input is escaped for the place
it goes: HTML text and attributes with :func:`html.escape`, JSON islands with
``<``, ``>`` and ``&`` as ``\\u`` escapes so no ``</script>`` can end them.
A Content-Security-Policy allows only the page's own script and style (by
hash) and nothing from the network.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import random
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from itertools import repeat
from typing import Any, NamedTuple

from .config import Config
from .corpus.summary import Reporter
from .io.units import Dump, Failure
from .model import Block, Document
from .pipeline import Pipeline
from .report import decision, pass_tints, read_dumps, shown_paths

EXIT_OK, EXIT_FAILED = 0, 123

# Dumps handed to a worker process at a time: enough to keep the overhead of
# sending them small, few enough that two workers share a small sample evenly.
WORKER_CHUNK = 4

# A page with more stories than this is flagged: real articles seldom hold
# more, listing pages and run-together archives often do.
MANY_STORIES = 3

NOTHING_KEPT = "nothing kept"
TOO_MANY_STORIES = f"more than {MANY_STORIES} stories"
TITLE_MISSING = "title missing"


class ReviewOptions(NamedTuple):
    """What to review: the inputs, how to clean them, where the page goes and which sample to take."""

    paths: tuple[str, ...]
    config: Config
    pipeline: Pipeline
    output: str
    sample: int | None = None
    seed: int = 0
    force_exclude: bool = False
    jobs: int = 1


class Record(NamedTuple):
    """One reviewed dump: where it came from and what the pipeline decided about each block."""

    dump: Dump
    document: Document

    @property
    def where(self) -> str:
        return self.dump.where

    @property
    def ident(self) -> str | None:
        return None if self.dump.ident is None else str(self.dump.ident)


def sample_dumps(dumps: Iterable[Dump], size: int | None, seed: int) -> list[Dump]:
    """Every dump, or ``size`` of them chosen at random (reservoir sampling), in input order.

    The same input and seed always give the same sample; only ``size`` dumps are held at once.

    >>> dumps = [Dump("a.txt", str(number)) for number in range(10)]
    >>> [dump.text for dump in sample_dumps(dumps, 3, seed=1)] == [d.text for d in sample_dumps(dumps, 3, seed=1)]
    True
    >>> len(sample_dumps(dumps, 3, seed=1)), len(sample_dumps(dumps, None, seed=1))
    (3, 10)
    """
    if size is None:
        return list(dumps)
    chooser = random.Random(seed)
    reservoir: list[tuple[int, Dump]] = []
    for position, dump in enumerate(dumps):
        if len(reservoir) < size:
            reservoir.append((position, dump))
            continue
        slot = chooser.randrange(position + 1)
        if slot < size:
            reservoir[slot] = (position, dump)
    return [dump for _, dump in sorted(reservoir, key=lambda item: item[0])]


def clean_blocks(text: str, source: str, pipeline: Pipeline, page: Any = None) -> tuple[Block, ...] | str:
    """The annotated blocks of one dump (or HTML page), or what went wrong; top-level so worker processes can run it."""
    from .api import process
    from .page import process_page

    try:
        if page is not None:
            return process_page(page, source=source, pipeline=pipeline).blocks
        return process(text, source=source, pipeline=pipeline).blocks
    except Exception as error:  # noqa: BLE001 - a defect met on one dump must not end the review
        return f"{type(error).__name__}: {error}"


def _cleaned(dumps: list[Dump], pipeline: Pipeline, jobs: int) -> Iterator[tuple[Dump, tuple[Block, ...] | str]]:
    texts, sources = [dump.text for dump in dumps], [dump.path for dump in dumps]
    pages = [dump.page for dump in dumps]
    if jobs <= 1 or len(dumps) < 2:
        yield from zip(dumps, map(clean_blocks, texts, sources, repeat(pipeline), pages))
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from zip(dumps, pool.map(clean_blocks, texts, sources, repeat(pipeline), pages, chunksize=WORKER_CHUNK))


def collect(options: ReviewOptions, reporter: Reporter) -> tuple[list[Record], int]:
    """The sampled records, cleaned, and the number of files and records that could not be read or cleaned."""
    failed = 0

    def dumps() -> Iterator[Dump]:
        nonlocal failed
        for unit in read_dumps(options.paths, options.config, reporter, options.force_exclude):
            if isinstance(unit, Failure):
                failed += 1
                reporter.message(f"error: {unit.message}")
            else:
                yield unit

    records = []
    chosen = sample_dumps(dumps(), options.sample, options.seed)
    for dump, blocks in _cleaned(chosen, options.pipeline, options.jobs):
        if isinstance(blocks, str):
            failed += 1
            reporter.message(f"error: {dump.where}: cleaning failed: {blocks}")
        else:
            records.append(Record(dump, Document(dump.text, blocks, source=dump.path)))
        reporter.tick()
    return records, failed


def write_review(options: ReviewOptions, reporter: Reporter) -> int:
    """Write the review page of ``options.paths``; returns the exit code."""
    from .io.atomic import atomic_write

    records, failed = collect(options, reporter)
    reporter.close()
    page = build_page(records, shown_paths(options.paths), options.pipeline.names)
    atomic_write(options.output, page.encode("utf-8", "surrogatepass"))
    reporter.note(f"{len(records)} record{'s' * (len(records) != 1)} written to {options.output}")
    return EXIT_FAILED if failed else EXIT_OK


def _words(text: str) -> int:
    return len(text.split())


class Tables:
    """Strings shared by all records, each stored once: decisions (roles and ``pass/reason``) and details."""

    def __init__(self) -> None:
        self.decisions: dict[str, int] = {}
        self.details: dict[str, int] = {"": 0}

    def decision(self, label: str) -> int:
        return self.decisions.setdefault(label, len(self.decisions))

    def detail(self, text: str) -> int:
        return self.details.setdefault(text, len(self.details))


class Overview(NamedTuple):
    """What the table of contents and the summary say about one record."""

    where: str
    ident: str | None
    kept_words: int
    removed_words: int
    stories: int
    flags: tuple[str, ...]
    removals: Counter[str]  # blocks per ``pass/reason``

    @property
    def kept_share(self) -> float:
        total = self.kept_words + self.removed_words
        return self.kept_words / total if total else 0.0


def overview(record: Record) -> Overview:
    """Counts and flags of one record.

    >>> from scrapeclean.api import process
    >>> text = "Menu\\nA title for the story\\n" + "Some words of a real story, told plainly. " * 8
    >>> view = overview(Record(Dump("a.txt", text), process(text)))
    >>> view.stories, view.flags, dict(view.removals)
    (1, (), {'remove-site-chrome/ui-phrase': 1})
    """
    from .assemble import assemble

    articles = assemble(record.document)
    kept = removed = 0
    removals: Counter[str] = Counter()
    for block in record.document.blocks:
        if block.removal is None:
            kept += _words(block.text)
        else:
            removed += _words(block.text)
            removals[decision(block)] += 1
    flags = []
    if not any(article.body or article.title for article in articles):
        flags.append(NOTHING_KEPT)
    if len(articles) > MANY_STORIES:
        flags.append(TOO_MANY_STORIES)
    if articles and any(article.title is None for article in articles):
        flags.append(TITLE_MISSING)
    return Overview(record.where, record.ident, kept, removed, len(articles), tuple(flags), removals)


def record_json(record: Record, tables: Tables) -> dict[str, Any]:
    """The JSON island of one record: its raw text and its blocks, five numbers each, in one flat list.

    A block is ``gap, length, story, decision, detail``: ``gap`` counts the
    characters since the end of the block before (kept short: most are 1),
    ``decision`` and ``detail`` index the tables shared by all records.
    Offsets count code points, as everywhere in scrapeclean; the page converts them.

    >>> from scrapeclean.api import process
    >>> tables = Tables()
    >>> text = "Menu\\nA title for the story\\n" + "Some words of a real story, told plainly. " * 8
    >>> record_json(Record(Dump("a.txt", text), process(text)), tables)["blocks"]
    [0, 4, 0, 0, 1, 1, 21, 0, 1, 0, 1, 335, 0, 2, 0]
    >>> list(tables.decisions), list(tables.details)
    (['remove-site-chrome/ui-phrase', 'title', 'body'], ['', 'navigation or widget text'])
    """
    blocks: list[int] = []
    end = 0
    for block in record.document.blocks:
        detail = block.removal.detail if block.removal is not None else ""
        decided = tables.decision(decision(block))
        blocks += [block.start - end, block.end - block.start, block.story, decided, tables.detail(detail)]
        end = block.end
    dump = record.dump
    return {
        "where": dump.where,
        "path": dump.path,
        "line": dump.line,
        "id": record.ident,
        "raw": dump.text,
        "blocks": blocks,
    }


def json_island(value: Any) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` appears literally.

    >>> json_island({"id": "</script><img src=x onerror=alert(1)>"})
    '{"id":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _escape(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _asset(name: str) -> str:
    return resources.files("scrapeclean.assets").joinpath(name).read_text("utf-8")


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(script: str, style: str) -> str:
    """Nothing from the network, no plug-ins, no forms; only this page's own script and style run."""
    return (
        f"default-src 'none'; script-src {_hash(script)}; style-src {_hash(style)}; base-uri 'none'; form-action 'none'"
    )


def build_page(records: Sequence[Record], title: str, pass_names: Sequence[str]) -> str:
    """The whole review page as one string."""
    from .review_summary import chart_svg, summary_html, toc_html

    tables = Tables()
    islands = [json_island(record_json(record, tables)) for record in records]
    views = [overview(record) for record in records]
    # What the contents, the filter and a record's header need, read when the page opens;
    # each record: [where, id, [[pass/reason, blocks], ...], kept %, stories, flags].
    meta = {
        "decisions": list(tables.decisions),
        "details": list(tables.details),
        "passes": list(pass_names),
        "records": [
            [
                view.where,
                view.ident,
                sorted(view.removals.items()),
                round(100 * view.kept_share),
                view.stories,
                view.flags,
            ]
            for view in views
        ],
    }
    script, style = _asset("review.js"), _asset("review.css") + pass_tints(len(pass_names))
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{_escape(content_security_policy(script, style))}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>scrapeclean review: {_escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n",
        f'<header><h1>scrapeclean review: <span class="inputs">{_escape(title)}</span></h1>\n',
        '<div class="overview">',
        summary_html(views, list(pass_names)),
        chart_svg(views),
        '</div>\n</header>\n<div class="layout">\n',
        toc_html(views),
        _READER,
        "</div>\n",
        f'<script type="application/json" id="meta">{json_island(meta)}</script>\n',
    ]
    parts.extend(
        f'<script type="application/json" id="record-{number}">{island}</script>\n'
        for number, island in enumerate(islands)
    )
    parts.append(f"<script>{script}</script>\n</body>\n</html>\n")
    return "".join(parts)


_READER = """<main id="reader">
<div class="controls">
<button type="button" id="previous" title="previous record (p)">&larr; previous</button>
<button type="button" id="next" title="next record (n)">next &rarr;</button>
<label><input type="checkbox" id="hide-removed"> hide removed text</label>
<label>filter <select id="filter"><option value="">every pass and reason</option></select></label>
<span class="marks"><span id="mark-count">0 marks</span>
<button type="button" id="export">export marks (JSONL)</button></span>
<span class="keys">keys: n/p record, j/k block, o open a run, m mark</span>
</div>
<article id="record"><p class="empty">No record to show.</p></article>
</main>
"""
