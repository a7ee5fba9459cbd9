"""The corpus commands beside clean/check/fix: ``learn`` (site profiles) and the profile options of a run."""

from __future__ import annotations

import argparse
from typing import IO, Any

from ..config import Config
from ..errors import InputError
from .summary import Reporter


def read_records(paths: tuple[str, ...], config: Config, force_exclude: bool = False, include: Any = None) -> Any:
    """The records of a run's inputs, read as clean reads them (bad lines are skipped with a warning)."""
    from ..io.paths import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, FileFilter
    from ..io.records import read_corpus

    exclude = (config.exclude if config.exclude is not None else DEFAULT_EXCLUDE) + config.extend_exclude
    chosen = config.include if config.include is not None else include or DEFAULT_INCLUDE
    return read_corpus(
        paths,
        input_format=config.input_format,
        text_field=config.text_field,
        id_field=config.id_field,
        file_filter=FileFilter(chosen, exclude, force_exclude),
        on_error="ignore",
    )


def learn_profiles(paths: tuple[str, ...], config: Config, group_field: str | None, reporter: Reporter) -> Any:
    from .profiles import learn

    if "-" in paths:
        raise InputError("learning site profiles reads the inputs once more; it cannot take standard input ('-')")
    profiles = learn(read_records(paths, config), group_field=group_field)
    reporter.note(f"learned profiles of {len(profiles.sites)} site(s)")
    return profiles


def run_profiles(options: argparse.Namespace, config: Config, reporter: Reporter) -> Any:
    """The profiles a clean/check/fix run applies: from ``--profiles FILE``, learned with ``--learn``, or none."""
    if getattr(options, "profiles", None):
        from .profiles import Profiles  # imported only when used: a plain run starts faster

        return Profiles.load(options.profiles)
    if getattr(options, "learn", False):
        return learn_profiles(tuple(options.paths), config, options.group_field, reporter)
    return None


def learn_command(options: argparse.Namespace, config: Config, reporter: Reporter, out: IO[str]) -> int:
    profiles = learn_profiles(tuple(options.paths), config, options.group_field, reporter)
    if options.output == "-":
        out.write(profiles.dumps())
    else:
        profiles.save(options.output)
    return 0
