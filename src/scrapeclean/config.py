"""Settings from ``[tool.scrapeclean]`` in the nearest ``pyproject.toml``; the command line overrides them.

The nearest file is the first ``pyproject.toml`` found walking up from the
first path given (the current directory for standard input). That file is the
configuration, whether or not it has a ``[tool.scrapeclean]`` table; the walk
stops there. Keys (every other key is an error that names it)::

    [tool.scrapeclean]
    passes = ["dedup-captions", "remove-site-chrome"]   # which passes, in this order (default: all)
    disable = ["split-stories"]                         # passes to leave out
    text-field = "text"                                  # JSONL field holding the dump
    id-field = "id"                                      # JSONL field holding the record id
    include = ["*.txt", "*.jsonl"]                       # globs of files read when walking directories
    exclude = ["drafts", "vendor/*"]                     # globs of files and directories skipped (replaces the default)
    extend-exclude = ["tmp"]                             # globs added to the default exclusions
    allow-empty = false                                  # let check/fix empty a dump that cleaning keeps nothing of
    input-format = "auto"                                # auto, text, jsonl, warc or html
    max-document-size = "64MiB"                          # largest dump (a text file, a JSONL line, a WARC payload)
    max-file-size = "8GiB"                               # most bytes read from one file, after decompression
    max-warc-header-size = "1MiB"                        # largest header block of one WARC record

Sizes are a number of bytes or a string with a unit: ``"512KiB"``, ``"64MiB"``,
``"8GiB"`` (``K``, ``M``, ``G`` and ``KB``, ``MB``, ``GB`` are the same binary units).

    [tool.scrapeclean.settings.remove-site-chrome]      # one table per pass: its settings
    phrase-languages = ["en", "de"]

Setting names may be written with ``-`` or ``_``. A value must have the type
of the setting's default (an integer is accepted where a float is expected).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
from attrs import field, frozen

from .errors import ConfigError
from .io.limits import DEFAULT_LIMITS, Limits, parse_size
from .io.readers import ReadOptions
from .pipeline import Pipeline

TABLE = "tool.scrapeclean"
_LIST_KEYS = ("passes", "disable", "include", "exclude", "extend-exclude")
_STRING_KEYS = ("text-field", "id-field", "input-format")
_BOOL_KEYS = ("allow-empty",)
_SIZE_KEYS = ("max-document-size", "max-file-size", "max-warc-header-size")
KEYS = frozenset(_LIST_KEYS + _STRING_KEYS + _BOOL_KEYS + _SIZE_KEYS + ("settings",))
INPUT_FORMATS = ("auto", "text", "jsonl", "warc", "html")
# A pyproject.toml is a few kilobytes; the one nearest a corpus may come with the
# corpus, so it is read only up to a bound, and never evaluated.
MAX_CONFIG_BYTES = 1 << 20


def _optional_tuple(value: Sequence[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


@frozen
class Config:
    """Resolved settings of a run. ``None`` means "not set": the built-in default applies."""

    passes: tuple[str, ...] | None = field(default=None, converter=_optional_tuple)
    disable: tuple[str, ...] = field(default=(), converter=tuple)
    settings: Mapping[str, Mapping[str, Any]] = field(factory=dict)
    text_field: str = "text"
    id_field: str = "id"
    include: tuple[str, ...] | None = field(default=None, converter=_optional_tuple)
    exclude: tuple[str, ...] | None = field(default=None, converter=_optional_tuple)
    extend_exclude: tuple[str, ...] = field(default=(), converter=tuple)
    allow_empty: bool = False
    input_format: str = "auto"
    max_document_size: int = DEFAULT_LIMITS.document
    max_file_size: int = DEFAULT_LIMITS.file
    max_warc_header_size: int = DEFAULT_LIMITS.warc_header
    source: str | None = None

    def override(self, **changes: Any) -> Config:
        """A copy with every change that is not ``None`` applied (command-line options)."""
        return attrs.evolve(self, **{name: value for name, value in changes.items() if value is not None})

    @property
    def limits(self) -> Limits:
        """The size limits reading enforces."""
        return Limits(self.max_document_size, self.max_file_size, self.max_warc_header_size)

    def read_options(self) -> ReadOptions:
        """How the inputs of a run are read: format, JSONL fields, size limits."""
        return ReadOptions(self.input_format, self.text_field, self.id_field, self.limits)

    def pipeline(self, base: Pipeline | None = None) -> Pipeline:
        """The pipeline these settings describe, starting from ``base`` (the default pipeline)."""
        return build_pipeline(self, base)


def find_pyproject(start: str | os.PathLike[str]) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start`` (a file or a directory)."""
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load(path: str | os.PathLike[str]) -> Config:
    """The ``[tool.scrapeclean]`` settings of one TOML file (empty settings when it has none)."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read configuration: {error.strerror or error}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: larger than {MAX_CONFIG_BYTES >> 20} MiB; not read as a configuration file")
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: not UTF-8 ({error.reason} at byte {error.start})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML: arrays or tables nested too deeply") from None
    tool = document.get("tool", {})
    if not isinstance(tool, Mapping):
        raise ConfigError(f"{path}: 'tool' must be a table, not {type(tool).__name__}")
    return from_table(tool.get("scrapeclean", {}), str(path))


def from_table(table: Mapping[str, Any], where: str = "<config>") -> Config:
    """Check a ``[tool.scrapeclean]`` table and turn it into a :class:`Config`.

    >>> from_table({"text-field": "content", "disable": ["split-stories"]}).text_field
    'content'
    >>> from_table({"text_feild": "content"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    scrapeclean.errors.ConfigError: <config>: unknown key 'text_feild' in [tool.scrapeclean]; valid keys: ...
    """
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where}: [{TABLE}] must be a table")
    values: dict[str, Any] = {"source": where}
    for key, value in table.items():
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key {key!r} in [{TABLE}]; valid keys: {', '.join(sorted(KEYS))}")
        if key in _LIST_KEYS:
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                raise ConfigError(f"{where}: {key} must be a list of strings, not {value!r}")
        elif key in _STRING_KEYS and not isinstance(value, str):
            raise ConfigError(f"{where}: {key} must be a string, not {value!r}")
        elif key == "input-format" and value not in INPUT_FORMATS:
            raise ConfigError(f"{where}: input-format must be one of {', '.join(INPUT_FORMATS)}, not {value!r}")
        elif key in _SIZE_KEYS:
            value = parse_size(value, f"{where}: {key}")
        elif key in _BOOL_KEYS and not isinstance(value, bool):
            raise ConfigError(f"{where}: {key} must be true or false, not {value!r}")
        elif key == "settings" and not (
            isinstance(value, Mapping) and all(isinstance(item, Mapping) for item in value.values())
        ):
            raise ConfigError(f"{where}: settings must hold one table per pass, like [{TABLE}.settings.PASS-NAME]")
        values[key.replace("-", "_")] = value
    return Config(**values)


def parse_assignment(text: str) -> tuple[str, str, Any]:
    """``PASS.SETTING=VALUE`` from the command line; the value is read as TOML, or else taken as a string.

    >>> parse_assignment("dedup-captions.min-words=5")
    ('dedup-captions', 'min-words', 5)
    """
    name, equals, raw = text.partition("=")
    pass_name, dot, setting = name.strip().rpartition(".")
    if not equals or not dot or not pass_name or not setting:
        raise ConfigError(f"--set takes PASS.SETTING=VALUE (like dedup-captions.min-words=5), not {text!r}")
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        value: Any = tomllib.loads(f"value = {raw.strip()}")["value"]
    except tomllib.TOMLDecodeError:
        value = raw.strip()
    except RecursionError:
        raise ConfigError(f"--set {name.strip()}: the value is nested too deeply") from None
    return pass_name, setting, value


def with_assignments(config: Config, assignments: Sequence[str]) -> Config:
    if not assignments:
        return config
    settings = {name: dict(values) for name, values in config.settings.items()}
    for text in assignments:
        pass_name, setting, value = parse_assignment(text)
        settings.setdefault(pass_name, {})[setting] = value
    return attrs.evolve(config, settings=settings)


def build_pipeline(config: Config, base: Pipeline | None = None) -> Pipeline:
    """Select, drop and configure passes as ``config`` says; every name is checked against ``base``."""
    if base is None:
        from .api import default_pipeline

        base = default_pipeline()
    known = base.names
    for name in (*(config.passes or ()), *config.disable, *config.settings):
        if name not in known:
            raise ConfigError(f"no pass named {name!r}; the passes are: {', '.join(known)}")
    pipeline = base if config.passes is None else Pipeline(base.get(name) for name in config.passes)
    dropped = [name for name in config.disable if name in pipeline.names]
    if dropped:
        pipeline = pipeline.without(*dropped)
    for name, values in config.settings.items():
        if name in pipeline.names:
            pipeline = pipeline.configure(name, **values)
    return pipeline
