"""One corpus run of ``clean``, ``check`` or ``fix``: read, clean (maybe in parallel), write, summarise.

Exit codes: 0 nothing to report (``check``: nothing would change); 1 ``check``
found something that would change; 123 some file or record could not be
processed (the rest of the run went on). Usage errors (2) are raised as
``ConfigError`` / ``InputError`` before anything is read.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from ..config import Config
from ..errors import InputError
from ..io.fs import is_url
from ..io.paths import (
    DEFAULT_EXCLUDE,
    DEFAULT_INCLUDE,
    REWRITABLE_FORMATS,
    FileFilter,
    check_paths,
    detect_format,
    discover,
)
from ..io.readers import ReadOptions, read_all
from .summary import Reporter, Tally
from .work import WITH_REMOVED_TEXT, ArticleForm, clean_units

if TYPE_CHECKING:
    from ..pipeline import Pipeline

EXIT_OK = 0
EXIT_CHANGED = 1
EXIT_USAGE = 2
EXIT_FAILED = 123

CHANGED_WORDS = {"clean": "changed", "check": "would change", "fix": "fixed"}

# The default globs of a directory walk for check and fix: the formats they can write back.
REWRITE_INCLUDE = tuple(glob for glob in DEFAULT_INCLUDE if detect_format(glob) in REWRITABLE_FORMATS)


class RunOptions(NamedTuple):
    command: str
    paths: tuple[str, ...]
    config: Config
    pipeline: Pipeline | None  # None: the default pipeline
    jobs: int = 1
    quiet: bool = False
    force_exclude: bool = False
    output_format: str = "text"
    output_dir: str | None = None
    split_stories: bool = False
    diff: bool = False
    removed_text: bool = False
    profiles: Any = None  # scrapeclean.corpus.profiles.Profiles: each site's chrome pass goes in front
    group_field: str | None = None
    by_file: bool = False  # with output_dir: one output per input file (a shard)
    resume: bool = False  # with by_file: skip the inputs whose output exists
    engine: str = "local"  # or "ray": dumps cleaned by Ray tasks, output the same
    address: str | None = None  # the Ray cluster to join (default: start a local one)


def file_filter(options: RunOptions) -> FileFilter:
    config = options.config
    include = config.include
    if include is None:
        include = DEFAULT_INCLUDE if options.command == "clean" else REWRITE_INCLUDE
    exclude = (config.exclude if config.exclude is not None else DEFAULT_EXCLUDE) + config.extend_exclude
    return FileFilter(include, exclude, options.force_exclude, _output_folder(options.output_dir))


def _output_folder(output_dir: str | None) -> tuple[tuple[int, int], ...]:
    """The (device, inode) of the output folder, which a walk must not read back.

    The folder is made now, before the walk, so that one made below an input
    during the run is recognised too.
    """
    if output_dir is None or is_url(output_dir):
        return ()  # a URL names no local folder: nothing is made here, and no walk of local paths can reach it
    try:
        os.makedirs(output_dir, exist_ok=True)
        info = os.stat(output_dir)
    except OSError:
        return ()  # each write into it will say why it failed
    return ((info.st_dev, info.st_ino),)


def validate(options: RunOptions) -> None:
    """Usage errors that can be found before reading anything."""
    check_paths(options.paths)
    if (options.by_file or options.resume) and (options.command != "clean" or options.output_dir is None):
        raise InputError("--by-file and --resume write one output per input file below --output-dir (clean only)")
    if options.command == "fix" and "-" in options.paths:
        raise InputError("fix rewrites files in place and cannot take standard input ('-'); use 'scrapeclean clean'")
    if options.command == "fix":
        for path in options.paths:
            if os.path.exists(path) and not (os.path.isfile(path) or os.path.isdir(path)):
                raise InputError(f"{path}: not a regular file; fix rewrites regular files only")
    if options.command in ("check", "fix"):
        read = ReadOptions(options.config.input_format)
        for path in options.paths:
            fmt = read.input_format if read.input_format != "auto" else "text" if path == "-" else detect_format(path)
            if not os.path.isdir(path) and fmt == "warc":
                raise InputError(archive_refused(path, options.command))
            if not os.path.isdir(path) and fmt not in REWRITABLE_FORMATS:
                raise InputError(
                    f"{path}: {options.command} handles text and JSONL files, not {fmt}; use 'scrapeclean clean'"
                )


def archive_refused(path: str, command: str) -> str:
    """Why check and fix leave a WARC archive alone."""
    return (
        f"{path}: {command} rewrites text and JSONL files in place; a WARC archive is the record of what was "
        "fetched and is never rewritten; use 'scrapeclean clean --input-format warc' to write its articles elsewhere"
    )


def run(options: RunOptions, out: IO[str], reporter: Reporter) -> int:
    validate(options)
    config = options.config
    read = config.read_options()
    found = discover(options.paths, file_filter(options), reporter.note)
    if options.resume:
        from .shards import unfinished

        found = unfinished(found, options.output_dir or "", options.output_format, reporter)
    sizes: dict[str, int] = {}
    if reporter.shows_progress:
        from .progress import measured

        found, sizes = measured(found, reporter)
    units = read_all(found, read)
    articles = options.command == "clean" and (options.output_format != "text")
    form: ArticleForm = WITH_REMOVED_TEXT if articles and options.removed_text else articles
    if options.engine == "ray":
        from ..api import default_pipeline
        from ..pipeline import Pipeline
        from ..ray import clean_units as clean_on_ray

        chosen = pipelines(options)
        chosen = default_pipeline() if chosen is None else chosen
        pipeline_for = chosen if not isinstance(chosen, Pipeline) else (lambda dump: chosen)
        stream = clean_on_ray(units, pipeline_for, form, options.address)
    else:
        # JSON Lines written to a stream take each article's record as the engine wrote it.
        written = options.output_format == "jsonl" and (options.output_dir is None or options.by_file)
        stream = clean_units(units, pipelines(options), options.jobs, articles=form, written=written)
    if sizes:
        from .progress import advancing

        stream = advancing(stream, reporter, sizes)
    tally = Tally()
    if options.command == "clean" and options.by_file:
        from .output import OutputOptions
        from .shards import ShardWriter

        writer = ShardWriter(
            OutputOptions(options.output_format, config.text_field, options.output_dir), reporter, tally
        )
        try:
            for unit, outcome in stream:
                writer.handle(unit, outcome)
        except BaseException as failure:
            writer.abandon(failure)
            raise
        writer.finish()
    elif options.command == "clean":
        from .output import OutputOptions, Printer

        printer = Printer(
            OutputOptions(options.output_format, config.text_field, options.output_dir, options.split_stories),
            out,
            reporter,
            tally,
        )
        for unit, outcome in stream:
            printer.handle(unit, outcome)
        printer.finish()
    else:
        from .rewrite import RewriteOptions, Rewriter

        rewrite = RewriteOptions(
            fix=options.command == "fix",
            diff=options.diff,
            allow_empty=config.allow_empty,
            split_stories=options.split_stories,
            text_field=config.text_field,
            id_field=config.id_field,
        )
        Rewriter(rewrite, out, reporter, tally).run(stream)
    out.flush()
    reporter.close(tally, CHANGED_WORDS[options.command])
    if tally.failed:
        return EXIT_FAILED
    if options.command == "check" and tally.changed:
        return EXIT_CHANGED
    return EXIT_OK


def pipelines(options: RunOptions) -> Any:
    """The run's pipeline (None: the default one), or with profiles a function giving each dump its site's pipeline."""
    if options.profiles is None:
        return options.pipeline
    from ..api import default_pipeline
    from .profiles import ProfiledPipelines

    config = options.config
    pipeline = default_pipeline() if options.pipeline is None else options.pipeline
    return ProfiledPipelines(options.profiles, pipeline, options.group_field, config.text_field, config.id_field)


def paths_or_stdin(paths: Sequence[str]) -> tuple[str, ...]:
    return tuple(paths) if paths else ("-",)
