"""Reviewer marks, and the golden test cases made from them.

A review page exports one JSON object per line for every block a reviewer
marked: ``where`` (``path`` or ``path:line``), ``path``, ``line``, ``id``,
``block`` (its number), ``span`` (``[start, end)`` in code points of the
dump), ``text``, ``mark`` (``"keep"``: should have been kept; ``"remove"``:
should have been removed), and the pipeline's ``decision`` and ``detail``.

:func:`write_cases` reads each marked dump again from its ``path`` (and
``line``), checks that every mark's text is still at its span, and writes a
golden case in the format of ``tests/cases/``: the dump as ``NAME.txt`` and
``NAME.json`` with the articles the pipeline makes once the marks are
applied. A block marked "keep" is expected as a body paragraph, a block
marked "remove" is listed in ``must_not_appear``. Since the pipeline does
not do this yet, the case carries an ``xfail`` reason naming the marks;
remove it once the case passes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from .config import Config
from .corpus.summary import Reporter
from .errors import ConfigError, InputError
from .io.units import Dump, Failure
from .model import Article, Document
from .pipeline import Pipeline

KEEP, REMOVE = "keep", "remove"
MARKS = (KEEP, REMOVE)
REVIEW_PASS, REVIEW_REASON = "review", "marked-for-removal"
EXIT_OK, EXIT_FAILED = 0, 123


class Mark(NamedTuple):
    """One reviewer's correction of one block."""

    path: str
    line: int | None
    ident: str | None
    block: int
    start: int
    end: int
    text: str
    mark: str

    @property
    def where(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line}"


def parse_mark(line: str, where: str) -> Mark:
    """One line of a marks file; ``InputError`` naming ``where`` and the problem when it is not a mark.

    >>> parse_mark('{"path": "a.txt", "line": null, "block": 2, "span": [5, 9], "text": "Menu", "mark": "keep"}', "m:1")
    Mark(path='a.txt', line=None, ident=None, block=2, start=5, end=9, text='Menu', mark='keep')
    """
    try:
        item = json.loads(line)
        span = item["span"]
        mark = Mark(
            item["path"], item.get("line"), item.get("id"), item["block"], span[0], span[1], item["text"], item["mark"]
        )
    except (ValueError, KeyError, TypeError, IndexError) as error:
        raise InputError(f"{where}: not a review mark ({type(error).__name__}: {error})") from None
    if mark.mark not in MARKS:
        raise InputError(f"{where}: mark must be one of {list(MARKS)}, not {mark.mark!r}")
    if not isinstance(mark.path, str) or not all(isinstance(n, int) for n in (mark.block, mark.start, mark.end)):
        raise InputError(f"{where}: path must be a string and block and span whole numbers")
    return mark


def read_marks(path: str) -> list[Mark]:
    """Every mark of a marks file (blank lines skipped)."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.readlines()
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 ({error.reason})") from None
    return [parse_mark(text, f"{path}:{number}") for number, text in enumerate(lines, start=1) if text.strip()]


def corrected(document: Document, marks: Iterable[Mark]) -> Document:
    """``document`` with the marks applied: "keep" blocks kept as body, "remove" blocks removed.

    >>> from scrapeclean.api import process
    >>> document = process("Menu\\nA title for the story\\n" + "Some words of a real story, told plainly. " * 8)
    >>> menu = document.blocks[0]
    >>> fixed = corrected(document, [Mark("a.txt", None, None, 0, menu.start, menu.end, menu.text, KEEP)])
    >>> fixed.blocks[0].removal, fixed.blocks[0].role
    (None, 'body')
    """
    edits = document.edit(REVIEW_PASS)
    for mark in marks:
        if mark.mark == KEEP:
            edits.restore(mark.block, "body")
        else:
            edits.remove(mark.block, REVIEW_REASON)
    return edits.apply()


def check_marks(document: Document, marks: Sequence[Mark]) -> None:
    """Raise ``InputError`` unless every mark names a block of ``document`` with its span and text."""
    for mark in marks:
        blocks = document.blocks
        block = blocks[mark.block] if 0 <= mark.block < len(blocks) else None
        if block is None or (block.start, block.end, block.text) != (mark.start, mark.end, mark.text):
            raise InputError(
                f"{mark.where}: block {mark.block} at [{mark.start}, {mark.end}) is not {mark.text[:40]!r} "
                "in the dump as it is now; was the file changed after the review?"
            )


def case_json(articles: Sequence[Article], marks: Sequence[Mark], where: str) -> dict[str, Any]:
    """The expectation of a golden case (see ``tests/cases/README.md``)."""
    expected = []
    for article in articles:
        captions = [caption.text for caption in article.captions]
        credits = [caption.credit for caption in article.captions if caption.credit]
        expected.append(
            {
                "title": article.title,
                "section": article.section,
                "byline": article.byline,
                "dateline": article.dateline,
                "captions": captions,
                "credits": credits,
                "body": list(article.body),
            }
        )
    keep = [mark for mark in marks if mark.mark == KEEP]
    remove = [mark for mark in marks if mark.mark == REMOVE]
    counts = f"{len(keep)} block(s) should be kept, {len(remove)} should be removed"
    blocks = ", ".join(f"{mark.mark} block {mark.block}" for mark in sorted(marks, key=lambda mark: mark.block))
    return {
        "articles": expected,
        "must_not_appear": [mark.text for mark in remove],
        "notes": f"From review marks on {where}: {counts}.",
        "xfail": f"review marks not handled yet: {blocks}",
    }


def case_name(mark: Mark) -> str:
    """The file name (without suffix) of the case made from the dump a mark is about.

    >>> case_name(Mark("corpus/part-1.jsonl", 7, "doc/7", 0, 0, 4, "Menu", "keep"))
    'review-doc_7-645ef42a'
    >>> case_name(Mark("pages/story.txt", None, None, 0, 0, 4, "Menu", "keep"))
    'review-story.txt'
    """
    from .io.paths import safe_name

    if mark.ident is not None:
        return "review-" + safe_name(str(mark.ident))
    name = os.path.basename(mark.path) if mark.line is None else f"{os.path.basename(mark.path)}-{mark.line}"
    return "review-" + safe_name(name)


def _dump_of(marks: Sequence[Mark], config: Config, reporter: Reporter) -> Dump:
    from .report import read_dumps

    first = marks[0]
    for unit in read_dumps([first.path], config, reporter):
        if isinstance(unit, Failure):
            raise InputError(unit.message)
        if unit.line == first.line:
            return unit
    raise InputError(f"{first.where}: no such record")


def write_cases(marks_path: str, output_dir: str, config: Config, pipeline: Pipeline, reporter: Reporter) -> int:
    """Write one golden case per marked dump into ``output_dir``; returns the exit code."""
    from .api import process
    from .assemble import assemble
    from .io.atomic import atomic_write
    from .io.paths import inside

    if not os.path.isdir(output_dir):
        raise ConfigError(f"output directory {output_dir!r} does not exist")
    groups: dict[tuple[str, int | None], list[Mark]] = {}
    for mark in read_marks(marks_path):
        groups.setdefault((mark.path, mark.line), []).append(mark)
    failed = 0
    for marks in groups.values():
        name = case_name(marks[0])
        targets = [inside(output_dir, name + suffix) for suffix in (".txt", ".json")]
        existing = [target for target in targets if os.path.exists(target)]
        try:
            if existing:
                raise InputError(f"{existing[0]} exists; remove it or choose another output directory")
            dump = _dump_of(marks, config, reporter)
            if dump.page is not None:  # an HTML page: cleaned with its DOM's evidence, as clean does
                from .page import process_page

                document = process_page(dump.page, source=dump.path, pipeline=pipeline)
            else:
                document = process(dump.text, source=dump.path, pipeline=pipeline)
            check_marks(document, marks)
        except InputError as error:
            reporter.message(f"error: {error}")
            failed += 1
            continue
        articles = assemble(corrected(document, marks))
        expectation = json.dumps(case_json(articles, marks, marks[0].where), ensure_ascii=False, indent=2) + "\n"
        atomic_write(targets[0], dump.text.encode("utf-8", "surrogatepass"))
        atomic_write(targets[1], expectation.encode("utf-8"))
        reporter.message(f"{targets[0]}: case written ({len(marks)} mark{'s' * (len(marks) != 1)})")
    return EXIT_FAILED if failed else EXIT_OK
