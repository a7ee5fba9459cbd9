"""The ``scrapeclean`` command line: a thin layer of argparse over the library.

See docs/cli.md for every command, option and exit code. Only argparse and
the core library load at start-up; the rest is imported by the command that
needs it, so a hook running on every commit starts fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .config import Config
    from .pipeline import Pipeline

EXIT_USAGE = 2
EXIT_FAILED = 123
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

_DESCRIPTION = "Turn noisy scraped page dumps into clean articles, one file or a whole corpus at a time."
_EPILOG = (
    "exit codes: 0 ok / nothing would change, 1 check: something would change, 2 usage error, 123 some input failed"
)


def _comma_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def _whole_number(text: str, minimum: int, meaning: str = "") -> int:
    """``text`` as a whole number of at least ``minimum``, or an argparse error saying so (and what the minimum means)."""
    try:
        value = int(text)
    except ValueError:
        hint = f" ({minimum} for {meaning})" if meaning else ""
        raise argparse.ArgumentTypeError(f"must be a whole number{hint}, not {text!r}") from None
    if value < minimum:
        hint = f" ({meaning})" if meaning else ""
        raise argparse.ArgumentTypeError(f"must be {minimum}{hint} or more, not {value}")
    return value


def _jobs(text: str) -> int:
    return _whole_number(text, 0, "every core") or (os.cpu_count() or 1)


def _size(text: str) -> int:
    from .errors import ConfigError
    from .io.limits import parse_size

    try:
        return parse_size(text, "the size")
    except ConfigError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


_LIMITS = (
    ("--max-document-size", "largest dump: a text file, a JSONL line, a WARC payload (default 64MiB)"),
    ("--max-file-size", "most bytes read from one file, after decompression (default 8GiB)"),
    ("--max-warc-header-size", "largest header block of a WARC record (default 1MiB)"),
)


def _input_options(parser: argparse.ArgumentParser, walks: bool = True) -> None:
    group = parser.add_argument_group("input")
    group.add_argument(
        "--input-format",
        choices=("auto", "text", "jsonl", "warc", "html"),
        default=None,
        help="format of the inputs (default auto: from the file name; stdin is text)",
    )
    group.add_argument("--text-field", metavar="NAME", help="JSONL field holding the dump (default: text)")
    group.add_argument("--id-field", metavar="NAME", help="JSONL field holding the record id (default: id)")
    for flag, help_text in _LIMITS:
        group.add_argument(flag, type=_size, metavar="SIZE", help=help_text)
    if not walks:
        return
    group.add_argument(
        "--include",
        metavar="GLOB",
        action="append",
        help="read only matching files when walking directories (repeatable)",
    )
    group.add_argument(
        "--exclude",
        metavar="GLOB",
        action="append",
        help="skip matching files and directories; replaces the default exclusions (repeatable)",
    )
    group.add_argument(
        "--extend-exclude",
        metavar="GLOB",
        action="append",
        help="skip matching files and directories, on top of the exclusions (repeatable)",
    )
    group.add_argument(
        "--force-exclude", action="store_true", help="apply exclusions to files named on the command line too"
    )


def _pipeline_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("passes and configuration")
    group.add_argument("--passes", type=_comma_list, metavar="A,B,...", help="run only these passes, in this order")
    group.add_argument(
        "--disable", type=_comma_list, action="extend", metavar="A,B,...", help="leave these passes out (repeatable)"
    )
    group.add_argument(
        "--set",
        dest="assignments",
        action="append",
        default=[],
        metavar="PASS.SETTING=VALUE",
        help="change a pass setting, e.g. dedup-captions.min-words=5 (repeatable)",
    )
    found = group.add_mutually_exclusive_group()
    found.add_argument(
        "--config", metavar="FILE", help="read [tool.scrapeclean] from FILE instead of the nearest pyproject.toml"
    )
    found.add_argument("--no-config", action="store_true", help="ignore pyproject.toml")


def _run_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("running")
    group.add_argument(
        "-j", "--jobs", type=_jobs, default=1, metavar="N", help="dumps cleaned at a time, on engine threads (default 1; 0: one per core)"
    )
    group.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, notes or summary; errors are still shown"
    )


_GROUP_HELP = "JSONL field naming each record's site (default: the host of its url, else the file's folder)"


def _profile_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("site profiles")
    source = group.add_mutually_exclusive_group()
    source.add_argument(
        "--profiles", metavar="FILE", help="remove the chrome these site profiles know (scrapeclean learn)"
    )
    source.add_argument(
        "--learn", action="store_true", help="learn the site profiles of the inputs first, then apply them"
    )
    group.add_argument("--group-field", metavar="NAME", help=_GROUP_HELP)


class _Unparsed:
    """Stands in for the parser of a command not being run: its options are not made (a start-up cost)."""

    def __getattr__(self, name: str) -> object:
        return lambda *args, **kwargs: self


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only``, every command is listed but only that one gets its options."""
    from . import __version__

    parser = argparse.ArgumentParser(prog="scrapeclean", description=_DESCRIPTION, epilog=_EPILOG)
    parser.add_argument("--version", action="version", version=f"scrapeclean {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _listed = commands.add_parser

    def add_parser(name: str, **details: Any) -> Any:
        sub = _listed(name, **details)
        return sub if only is None or name == only else _Unparsed()

    commands.add_parser = add_parser  # type: ignore[method-assign]

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, epilog=_EPILOG)
        _input_options(sub)
        _pipeline_options(sub)
        _run_options(sub)
        return sub

    clean = command("clean", "print the cleaned text (or JSON) of every input")
    clean.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; '-' or nothing: standard input")
    clean.add_argument(
        "--format", choices=("text", "json", "jsonl"), default="text", help="output format (default text)"
    )
    clean.add_argument("--output-dir", metavar="DIR", help="write one file per dump below DIR instead of printing")
    clean.add_argument("--split-stories", action="store_true", help="with --output-dir: one file per story")
    clean.add_argument(
        "--removed-text",
        action="store_true",
        help="json/jsonl: each removed record carries the text it removed (readable without the input)",
    )
    clean.add_argument(
        "--by-file", action="store_true", help="with --output-dir: one output file per input file (shard)"
    )
    clean.add_argument(
        "--resume", action="store_true", help="with --output-dir: --by-file, skipping inputs whose output exists"
    )

    check = command("check", "exit 1 and list what cleaning would change (files, JSONL records)")
    check.add_argument("paths", nargs="+", metavar="PATH", help="files or directories; '-': standard input")
    check.add_argument("--diff", action="store_true", help="print a unified diff of each change instead")
    fix = command("fix", "clean files in place, atomically; JSONL records are rewritten")
    fix.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    for sub in (check, fix):
        sub.add_argument(
            "--allow-empty",
            action="store_true",
            default=None,
            help="empty a file or record that cleaning keeps nothing of (default: leave it, report it)",
        )
        sub.add_argument("--split-stories", action="store_true", help="JSONL: one record per story, with derived ids")

    for sub in (clean, check, fix):
        _profile_options(sub)
        engine = sub.add_argument_group("engine")
        engine.add_argument(
            "--engine", choices=("local", "ray"), default="local", help="local processes (-j) or a Ray cluster"
        )
        engine.add_argument("--address", metavar="ADDR", help="with --engine ray: the cluster (default: start one)")
    learn = command("learn", "learn each site's chrome from its pages and write the site profiles (JSON)")
    learn.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or URLs")
    learn.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="where to write the profiles ('-': stdout)"
    )
    learn.add_argument("--group-field", metavar="NAME", help=_GROUP_HELP)

    dedup = command("dedup", "find articles printed more than once (syndicated copies) and report or mark them")
    dedup.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or URLs")
    dedup.add_argument(
        "--format",
        choices=("clusters", "jsonl"),
        default="clusters",
        help="clusters: one JSON line per cluster (default); jsonl: the articles, copies marked duplicate_of",
    )
    dedup.add_argument("--threshold", type=float, default=None, metavar="T", help="similarity to join (default 0.3)")
    dedup.add_argument("--drop", action="store_true", help="with --format jsonl: leave the copies out")
    dedup.add_argument("--clusters", metavar="FILE", help="with --format jsonl: write the clusters to FILE too")

    explain = commands.add_parser(
        "explain",
        help="show every block of an input with its decision",
        description="show every block of an input: kept (with its role) or removed (by which pass, why)",
    )
    explain.add_argument("paths", nargs="+", metavar="PATH", help="files or directories ('-': standard input)")
    explain.add_argument("--html", metavar="OUT.html", help="write a page to review in a browser instead")
    explain.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour the terminal output (default auto)"
    )
    explain.add_argument("--line", type=int, metavar="N", help="JSONL/WARC: only the record at this line/number")
    explain.add_argument("--id", dest="record_id", metavar="ID", help="JSONL/WARC: only the record with this id")
    _input_options(explain, walks=False)
    _pipeline_options(explain)
    _review_commands(commands)
    return parser


def _sample_size(text: str) -> int:
    return _whole_number(text, 1)


def _review_commands(commands: argparse._SubParsersAction) -> None:
    review = commands.add_parser(
        "review",
        help="write one page to read, filter and correct a corpus sample in a browser",
        description="write one self-contained page to read, filter and correct a corpus sample in a browser",
    )
    review.add_argument("paths", nargs="+", metavar="PATH", help="files or directories ('-': standard input)")
    review.add_argument("-o", "--output", required=True, metavar="OUT.html", help="the page to write")
    review.add_argument("--sample", type=_sample_size, metavar="N", help="review N records chosen at random")
    review.add_argument("--seed", type=int, default=0, metavar="S", help="seed of the sample (default 0)")
    review.add_argument(
        "-j", "--jobs", type=_jobs, default=1, metavar="N", help="worker processes (default 1; 0: one per core)"
    )
    review.add_argument("-q", "--quiet", action="store_true", help="no notes; errors are still shown")
    _input_options(review)
    _pipeline_options(review)
    cases = commands.add_parser(
        "cases",
        help="turn the marks exported from a review page into golden test cases",
        description="turn the marks exported from a review page into golden test cases (NAME.txt + NAME.json)",
    )
    cases.add_argument("paths", nargs=1, metavar="MARKS.jsonl", help="marks exported from a review page")
    cases.add_argument("-o", "--output-dir", required=True, metavar="DIR", help="where the cases go")
    _input_options(cases, walks=False)
    _pipeline_options(cases)


def resolve_config(options: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The configuration file's settings with the command line's on top."""
    from .config import Config, find_pyproject, load, with_assignments

    if options.no_config:
        config = Config()
    elif options.config:
        config = load(options.config)
    else:
        start = next((path for path in options.paths if path != "-"), os.getcwd())
        found = find_pyproject(start)
        config = load(found) if found is not None else Config()
    config = config.override(
        passes=options.passes,
        text_field=options.text_field,
        id_field=options.id_field,
        include=getattr(options, "include", None),
        exclude=getattr(options, "exclude", None),
        input_format=options.input_format,
        allow_empty=getattr(options, "allow_empty", None),
        max_document_size=options.max_document_size,
        max_file_size=options.max_file_size,
        max_warc_header_size=options.max_warc_header_size,
    )
    config = config.override(
        disable=(*config.disable, *(options.disable or ())),
        extend_exclude=(*config.extend_exclude, *(getattr(options, "extend_exclude", None) or ())),
    )
    return with_assignments(config, options.assignments)


def _stdout() -> IO[str]:
    """Standard output as UTF-8 with ``\\n`` line ends, whatever the locale, so output bytes are reproducible."""
    import io

    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        return sys.stdout
    return io.TextIOWrapper(buffer, encoding="utf-8", errors="backslashreplace", newline="\n")


def _exit_cleanly_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit, so a rewrite in progress removes its temporary file on the way out."""
    import signal

    def terminate(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    try:
        signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # not the main thread (main() called from a thread): leave SIGTERM as it is
        pass


def _release(out: IO[str]) -> None:
    """Flush our wrapper of standard output and let go of it without closing the real one."""
    try:
        out.flush()
    except (OSError, ValueError):
        pass
    if out is not sys.stdout and hasattr(out, "detach"):
        try:
            out.detach()
        except ValueError:
            pass


def _discard_output() -> None:
    """Send standard output to the null device, so what could not be written is not tried again on exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    finally:
        os.close(devnull)


def _os_reason(error: OSError) -> str:
    from .errors import OutputError

    if isinstance(error, OutputError) or not error.strerror:
        return str(error)
    return f"{error.filename}: {error.strerror}" if error.filename else error.strerror


def _execute(options: argparse.Namespace, out: IO[str]) -> int:
    from .corpus.summary import Reporter

    config = resolve_config(options)
    if options.command in ("clean", "check", "fix"):
        # With the default passes the engine gets its default pass list: no pass object is
        # made (the pass classes are most of a small run's start-up).
        return _run(options, config, None if config.default_passes else config.pipeline(), out)
    pipeline = config.pipeline()
    if options.command == "explain":
        from .report import ExplainOptions, explain

        return explain(
            ExplainOptions(
                tuple(options.paths), config, pipeline, options.html, options.color, options.line, options.record_id
            ),
            out,
            Reporter(quiet=True),
        )
    if options.command in ("review", "cases"):
        return _review(options, config, pipeline)
    from .corpus.commands import learn_command

    if options.command == "learn":
        return learn_command(options, config, Reporter(quiet=options.quiet), out)
    if options.command == "dedup":
        from .corpus.commands import read_records
        from .corpus.dedup import THRESHOLD
        from .corpus.dedup_run import dedup_command

        options.threshold = THRESHOLD if options.threshold is None else options.threshold
        return dedup_command(options, read_records(tuple(options.paths), config), pipeline, out)
    raise AssertionError(f"no command {options.command!r}")  # argparse allows only the commands above


def _run(options: argparse.Namespace, config: Config, pipeline: Pipeline | None, out: IO[str]) -> int:
    """clean, check or fix: one corpus run (``pipeline`` None: the default passes)."""
    from .corpus.commands import run_profiles
    from .corpus.run import RunOptions, paths_or_stdin, run
    from .corpus.summary import Reporter

    run_options = RunOptions(
        command=options.command,
        paths=paths_or_stdin(options.paths),
        config=config,
        pipeline=pipeline,
        jobs=options.jobs,
        quiet=options.quiet,
        force_exclude=options.force_exclude,
        output_format=getattr(options, "format", "text"),
        output_dir=getattr(options, "output_dir", None),
        split_stories=getattr(options, "split_stories", False),
        diff=getattr(options, "diff", False),
        removed_text=getattr(options, "removed_text", False),
        profiles=run_profiles(options, config, Reporter(quiet=options.quiet)),
        group_field=options.group_field,
        by_file=getattr(options, "by_file", False) or getattr(options, "resume", False),
        resume=getattr(options, "resume", False),
        engine=options.engine,
        address=options.address,
    )
    return run(run_options, out, Reporter(quiet=options.quiet))


def _review(options: argparse.Namespace, config, pipeline) -> int:  # type: ignore[no-untyped-def]
    from .corpus.summary import Reporter

    if options.command == "cases":
        from .marks import write_cases

        return write_cases(options.paths[0], options.output_dir, config, pipeline, Reporter())
    from .io.paths import check_paths
    from .review import ReviewOptions, write_review

    check_paths(options.paths)
    review = ReviewOptions(
        tuple(options.paths),
        config,
        pipeline,
        options.output,
        options.sample,
        options.seed,
        options.force_exclude,
        options.jobs,
    )
    return write_review(review, Reporter(quiet=options.quiet))


def _command_of(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs: its first word that is not an option (the command line's own options take no value)."""
    return next((word for word in argv if not word.startswith("-")), None)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    from .errors import ConfigError, InputError

    parser = build_parser(only=_command_of(sys.argv[1:] if argv is None else argv))
    options = parser.parse_args(argv)
    _exit_cleanly_on_sigterm()
    out = _stdout()
    try:
        return _execute(options, out)
    except (ConfigError, InputError) as error:
        from .io.terminal import shown

        parser.exit(EXIT_USAGE, f"scrapeclean: error: {shown(str(error))}\n")
    except KeyboardInterrupt:
        print("scrapeclean: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except MemoryError:
        print("scrapeclean: error: out of memory; lower --max-document-size; the run stopped", file=sys.stderr)
        _discard_output()
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader went away (``scrapeclean clean … | head``): stop quietly.
        _discard_output()
        return EXIT_BROKEN_PIPE
    except OSError as error:
        # What no file's own handling caught (a full disk under standard
        # output, an explain --html page with nowhere to go): say so, no traceback.
        from .io.terminal import shown

        print(f"scrapeclean: error: {shown(_os_reason(error))}; the run stopped", file=sys.stderr)
        _discard_output()
        return EXIT_FAILED
    finally:
        _release(out)
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
