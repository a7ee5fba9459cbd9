"""``explain``: every block of an input with what the pipeline decided about it.

On a terminal each block is one line: its number, its decision (the role it
was kept as, or ``pass/reason`` of the pass that removed it) and its text,
coloured (removed text struck through and tinted by pass) unless output is
piped, ``--color never`` is given or ``NO_COLOR`` is set. ``--html`` writes
the same as a page to scroll through: kept text plain, removed text struck
through and tinted by pass, the reason on hover. Every piece of input text
(and every name taken from the input, such as paths and ids) is HTML-escaped.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterator, Sequence
from typing import IO, Any, NamedTuple

from .config import Config
from .corpus.summary import Reporter
from .io.paths import discover
from .io.readers import read_all
from .io.terminal import shown
from .io.units import Carry, Dump, Failure
from .model import Block, Document
from .pipeline import Pipeline

EXIT_OK, EXIT_USAGE, EXIT_FAILED = 0, 2, 123

_RESET = "\x1b[0m"
_ROLE_STYLES = {
    "title": "\x1b[1m",
    "heading": "\x1b[1m",
    "caption": "\x1b[36m",
    "byline": "\x1b[35m",
    "dateline": "\x1b[35m",
    "section": "\x1b[35m",
}
_PASS_STYLES = ("\x1b[31m", "\x1b[33m", "\x1b[34m", "\x1b[35m", "\x1b[36m", "\x1b[32m")
_STRUCK = "\x1b[2;9m"
_PASS_TINTS = ("#fde2e1", "#fff1c2", "#dbeafe", "#f3e1fb", "#d7f5f0", "#e2f5d3", "#ffe4cc", "#e5e7eb")


class ExplainOptions(NamedTuple):
    """What to explain: ``path`` is one path or several (files or directories; ``-`` is standard input)."""

    path: str | Sequence[str]
    config: Config
    pipeline: Pipeline
    html: str | None = None
    color: str = "auto"
    line: int | None = None
    record_id: str | None = None

    @property
    def paths(self) -> tuple[str, ...]:
        return (self.path,) if isinstance(self.path, str) else tuple(self.path)


def decision(block: Block) -> str:
    """``body``/``title``/… for a kept block; ``pass/reason`` for a removed one."""
    if block.removal is not None:
        return f"{block.removal.pass_name}/{block.removal.reason}"
    return block.role or "body"


def read_dumps(
    paths: Sequence[str], config: Config, reporter: Reporter, force_exclude: bool = False
) -> Iterator[Dump | Failure]:
    """Every dump below ``paths`` (directories walked as ``clean`` walks them), and every file that failed.

    Records carried through unread (a JSONL line without text, say) are
    reported as warnings, or errors when malformed.
    """
    from .corpus.run import RunOptions, file_filter

    read = config.read_options()
    walk = file_filter(RunOptions("clean", tuple(paths), config, Pipeline(()), force_exclude=force_exclude))
    for unit in read_all(discover(paths, walk), read):
        if isinstance(unit, Carry) and unit.message:
            reporter.message(f"{'error' if unit.failed else 'warning'}: {unit.where}: {unit.message}")
        if isinstance(unit, (Dump, Failure)):
            yield unit


def _documents(options: ExplainOptions, reporter: Reporter) -> Iterator[tuple[Dump, Document]]:
    from .api import process
    from .page import process_page

    for unit in read_dumps(options.paths, options.config, reporter):
        if isinstance(unit, Failure):
            raise _Failed(unit.message)
        if options.line is not None and unit.line != options.line:
            continue
        if options.record_id is not None and str(unit.ident) != options.record_id:
            continue
        if unit.page is not None:  # an HTML page: its DOM's evidence comes along, as when it is cleaned
            yield unit, process_page(unit.page, source=unit.path, pipeline=options.pipeline)
        else:
            yield unit, process(unit.text, source=unit.path, pipeline=options.pipeline)


class _Failed(Exception):
    pass


def explain(options: ExplainOptions, out: IO[str], reporter: Reporter) -> int:
    """Write the explanation of every selected dump of ``options.path``; returns the exit code."""
    documents = _documents(options, reporter)
    try:
        if options.html is not None:
            count = _write_html(options, documents)
        else:
            count = _write_terminal(documents, out, _use_color(options.color, out), options.pipeline.names)
    except _Failed as failure:
        reporter.message(f"error: {failure}")
        return EXIT_FAILED
    if count == 0 and (options.line is not None or options.record_id is not None):
        wanted = f"line {options.line}" if options.line is not None else f"id {options.record_id!r}"
        reporter.message(f"scrapeclean: error: {', '.join(options.paths)}: no record with {wanted}")
        return EXIT_USAGE
    return EXIT_OK


def _use_color(choice: str, out: IO[str]) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def shown_paths(paths: Sequence[str]) -> str:
    """The inputs as a person reads them: ``<stdin>`` for ``-``, commas between."""
    return ", ".join("<stdin>" if path == "-" else path for path in paths)


def _where(dump: Dump) -> str:
    return dump.where if dump.ident is None else f"{dump.where} (id {dump.ident})"


def _write_terminal(
    documents: Iterator[tuple[Dump, Document]], out: IO[str], color: bool, names: tuple[str, ...]
) -> int:
    count = 0
    for dump, document in documents:
        count += 1
        out.write(f"{'' if count == 1 else chr(10)}== {shown(_where(dump))} ==\n")
        width = max((len(decision(block)) for block in document.blocks), default=4)
        story = None
        for block in document.blocks:
            if block.story != story:
                story = block.story
                out.write(f"-- story {story + 1} --\n")
            out.write(_terminal_line(block, width, color, names) + "\n")
    return count


def _terminal_line(block: Block, width: int, color: bool, names: tuple[str, ...]) -> str:
    label = decision(block).ljust(width)
    text = shown(block.text)
    if block.removal is not None and block.removal.detail:
        text += f"  ({shown(block.removal.detail)})" if not color else ""
    if not color:
        mark = "-" if block.removal is not None else "+"
        return f"{block.index:>5} {mark} {label}  {text}"
    if block.removal is None:
        style = _ROLE_STYLES.get(block.role or "body", "")
        return f"{block.index:>5} + {style}{label}{_RESET}  {style}{text}{_RESET}"
    tint = _PASS_STYLES[_pass_number(block.removal.pass_name, names) % len(_PASS_STYLES)]
    detail = f"  \x1b[2m({shown(block.removal.detail)}){_RESET}" if block.removal.detail else ""
    return f"{block.index:>5} - {tint}{label}{_RESET}  {tint}{_STRUCK}{text}{_RESET}{detail}"


def _pass_number(name: str, names: tuple[str, ...]) -> int:
    return names.index(name) if name in names else len(names)


def _write_html(options: ExplainOptions, documents: Iterator[tuple[Dump, Document]]) -> int:
    from .io.atomic import AtomicWriter

    writer = AtomicWriter(options.html)  # type: ignore[arg-type]
    handle = writer.open()
    count = 0
    try:
        names = options.pipeline.names
        handle.write(_html_head(shown_paths(options.paths), names).encode("utf-8"))
        for dump, document in documents:
            count += 1
            handle.write(_html_document(dump, document, names).encode("utf-8", "backslashreplace"))
        handle.write(b"</main>\n</body>\n</html>\n")
    except BaseException:
        writer.discard()
        raise
    writer.commit()
    return count


def _escape(text: Any) -> str:
    return html.escape(str(text), quote=True)


_CSS = """
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 52rem; padding: 1rem 1.5rem; color: #1f2328; }
header { border-bottom: 1px solid #d0d7de; margin-bottom: 1rem; }
.legend span { display: inline-block; margin: 0 .5rem .3rem 0; padding: 0 .4rem; border-radius: 3px; }
section.dump { margin: 2rem 0; }
h2 { font-size: 1rem; font-family: ui-monospace, monospace; background: #f6f8fa; padding: .3rem .5rem; }
.story { border-left: 3px solid #d0d7de; padding-left: .8rem; margin: 1rem 0; }
.story-label { font-size: .75rem; color: #57606a; text-transform: uppercase; letter-spacing: .05em; }
.block { margin: .35rem 0; white-space: pre-wrap; }
.block .role { font-size: .7rem; color: #57606a; font-family: ui-monospace, monospace; margin-right: .5rem; }
.kept.role-title { font-weight: 700; font-size: 1.15rem; }
.kept.role-heading { font-weight: 600; }
.kept.role-caption, .kept.role-byline, .kept.role-dateline, .kept.role-section { font-style: italic; color: #57606a; }
.removed { color: #6e7781; border-radius: 3px; padding: 0 .25rem; }
.removed del { text-decoration-thickness: 1px; }
.removed:hover { outline: 1px solid #8c959f; }
"""


def pass_tints(count: int) -> str:
    """CSS giving ``.pass-0`` … ``.pass-COUNT`` their tints (the last one: passes outside the pipeline)."""
    return "".join(
        f".pass-{number} {{ background: {_PASS_TINTS[number % len(_PASS_TINTS)]}; }}\n" for number in range(count + 1)
    )


def _html_head(path: str, names: tuple[str, ...]) -> str:
    tints = pass_tints(len(names))
    legend = "".join(f'<span class="pass-{number}">{_escape(name)}</span>' for number, name in enumerate(names))
    title = _escape(path)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>scrapeclean explain: {title}</title>\n<style>{_CSS}{tints}</style>\n</head>\n<body>\n"
        f"<header><h1>{title}</h1>\n<p>Kept text reads normally, labelled with its role. Removed text is struck "
        f"through and tinted by the pass that removed it; hover over it for the reason.</p>\n"
        f'<p class="legend">{legend}</p></header>\n<main>\n'
    )


def _html_document(dump: Dump, document: Document, names: tuple[str, ...]) -> str:
    parts = [f'<section class="dump">\n<h2>{_escape(_where(dump))}</h2>\n']
    story = None
    for block in document.blocks:
        if block.story != story:
            if story is not None:
                parts.append("</div>\n")
            story = block.story
            parts.append(f'<div class="story"><div class="story-label">story {story + 1}</div>\n')
        parts.append(_html_block(block, names))
    if story is not None:
        parts.append("</div>\n")
    parts.append("</section>\n")
    return "".join(parts)


def _html_block(block: Block, names: tuple[str, ...]) -> str:
    text = _escape(block.text)
    if block.removal is None:
        role = block.role or "body"
        return (
            f'<p class="block kept role-{_escape(role)}" title="block {block.index}: kept as {_escape(role)}">'
            f'<span class="role">{_escape(role)}</span>{text}</p>\n'
        )
    removal = block.removal
    reason = f"block {block.index}: removed by {removal.pass_name}: {removal.reason}"
    if removal.detail:
        reason += f" ({removal.detail})"
    number = _pass_number(removal.pass_name, names)
    label = _escape(f"{removal.pass_name}/{removal.reason}")
    return (
        f'<p class="block removed pass-{number}" title="{_escape(reason)}">'
        f'<span class="role">{label}</span><del>{text}</del></p>\n'
    )
