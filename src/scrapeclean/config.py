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
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .errors import ConfigError
from .io.limits import DEFAULT_LIMITS, Limits, parse_size
from .io.readers import ReadOptions

if TYPE_CHECKING:
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


# Each setting of a run: its default and how a given value is stored ("not set" is None where None is the default).
_FIELDS: dict[str, tuple[Any, Any]] = {
    "passes": (None, _optional_tuple),
    "disable": ((), tuple),
    "settings": (None, None),  # a fresh empty mapping when not given
    "text_field": ("text", None),
    "id_field": ("id", None),
    "include": (None, _optional_tuple),
    "exclude": (None, _optional_tuple),
    "extend_exclude": ((), tuple),
    "allow_empty": (False, None),
    "input_format": ("auto", None),
    "max_document_size": (DEFAULT_LIMITS.document, None),
    "max_file_size": (DEFAULT_LIMITS.file, None),
    "max_warc_header_size": (DEFAULT_LIMITS.warc_header, None),
    "source": (None, None),
}


class Config:
    """Resolved settings of a run. ``None`` means "not set": the built-in default applies.

    Immutable, compared by value. A plain class, not an attrs one: every command makes one, and
    making an attrs class costs a small run a good part of its start-up.
    """

    __slots__ = tuple(_FIELDS)
    passes: tuple[str, ...] | None
    disable: tuple[str, ...]
    settings: Mapping[str, Mapping[str, Any]]
    text_field: str
    id_field: str
    include: tuple[str, ...] | None
    exclude: tuple[str, ...] | None
    extend_exclude: tuple[str, ...]
    allow_empty: bool
    input_format: str
    max_document_size: int
    max_file_size: int
    max_warc_header_size: int
    source: str | None

    def __init__(self, **values: Any) -> None:
        unknown = set(values) - set(_FIELDS)
        if unknown:
            raise TypeError(f"Config() got unexpected settings: {', '.join(sorted(unknown))}")
        for name, (default, convert) in _FIELDS.items():
            value = values.get(name, default)
            if name == "settings" and value is None:
                value = {}
            object.__setattr__(self, name, value if convert is None else convert(value))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Config is immutable; make a changed copy with override() (setting {name!r})")

    def _values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _FIELDS}

    def __eq__(self, other: object) -> bool:
        return self._values() == other._values() if isinstance(other, Config) else NotImplemented

    __hash__ = None  # type: ignore[assignment]  # settings is a mapping

    def __repr__(self) -> str:
        return f"Config({', '.join(f'{name}={value!r}' for name, value in self._values().items())})"

    def __reduce__(self) -> tuple[Any, tuple[dict[str, Any]]]:
        # Pickled and copied through its settings: the immutable class takes no attribute set one by one.
        return _config_of, (self._values(),)

    def evolve(self, **changes: Any) -> Config:
        """A copy with these settings changed."""
        return Config(**(self._values() | changes))

    def override(self, **changes: Any) -> Config:
        """A copy with every change that is not ``None`` applied (command-line options)."""
        return self.evolve(**{name: value for name, value in changes.items() if value is not None})

    @property
    def limits(self) -> Limits:
        """The size limits reading enforces."""
        return Limits(self.max_document_size, self.max_file_size, self.max_warc_header_size)

    def read_options(self) -> ReadOptions:
        """How the inputs of a run are read: format, JSONL fields, size limits."""
        return ReadOptions(self.input_format, self.text_field, self.id_field, self.limits)

    @property
    def default_passes(self) -> bool:
        """Whether these settings leave the default pipeline as it is (no pass chosen, left out or set)."""
        return self.passes is None and not self.disable and not self.settings

    def pipeline(self, base: Pipeline | None = None) -> Pipeline:
        """The pipeline these settings describe, starting from ``base`` (the default pipeline)."""
        return build_pipeline(self, base)


def _config_of(values: dict[str, Any]) -> Config:
    return Config(**values)


def find_pyproject(start: str | os.PathLike[str]) -> str | None:
    """The path of the nearest ``pyproject.toml`` at or above ``start`` (a file or a directory)."""
    directory = os.path.realpath(start)
    if not os.path.isdir(directory):
        directory = os.path.dirname(directory)
    while True:
        candidate = os.path.join(directory, "pyproject.toml")
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def load(path: str | os.PathLike[str]) -> Config:
    """The ``[tool.scrapeclean]`` settings of one TOML file (empty settings when it has none).

    A file that surely holds no ``[tool.scrapeclean]`` (see :func:`_may_name_the_table`) is
    not parsed: the nearest ``pyproject.toml`` is most often a project's own, read on every
    run of a hook, and reading TOML costs a small run a good part of its start-up.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read configuration: {error.strerror or error}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: larger than {MAX_CONFIG_BYTES >> 20} MiB; not read as a configuration file")
    if not _may_name_the_table(data):
        return Config(source=str(path))
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
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


# A table header whose name is plain dotted keys (anything else, such as a nested array's line, leaves the
# table unknown) and a dotted key before an "=".
_HEADER = re.compile(r"\[\[?([A-Za-z0-9_.\-\"' \t]+)\]\]?\s*(?:#.*)?")
_KEY = re.compile(r"[A-Za-z0-9_.\-\"' \t]+")


def _may_name_the_table(data: bytes) -> bool:
    """Whether a TOML text may hold ``[tool.scrapeclean]``; False only when it surely does not.

    It may when a table header names ``scrapeclean``, or a key naming it stands at
    the top level, in ``[tool]`` or in a table the scan cannot name, or an inline
    table or a multi-line string holds the word. A value (a project's ``name =
    "scrapeclean"``, a dependency), a comment or another table's key
    (``[project.scripts]``) does not hold the table.

    >>> _may_name_the_table(b'[project]\\nname = "scrapeclean"\\ndependencies = [\\n  "scrapeclean>=0.1",\\n]\\n')
    False
    >>> _may_name_the_table(b'[project.scripts]\\nscrapeclean = "scrapeclean.cli:main"\\n# scrapeclean: defaults\\n')
    False
    >>> _may_name_the_table(b'[tool]\\nscrapeclean = { text-field = "body" }\\n')
    True
    >>> _may_name_the_table(b'tool.scrapeclean.text-field = "body"\\n')
    True
    """
    if b"scrapeclean" not in data:
        return False
    text = data.decode("latin-1")  # every byte one character: TOML's structure and the word are ASCII
    if '"""' in text or "'''" in text:
        return True  # a multi-line string could make any line look like a header
    table: str | None = ""  # the current table's name; None: a line the scan cannot name
    for raw in text.split("\n"):
        line = raw.strip()
        if line.startswith("["):
            if "scrapeclean" in line:
                return True
            header = _HEADER.fullmatch(line)
            table = None if header is None else header.group(1).replace(" ", "").replace("\t", "")
            continue
        found = line.find("scrapeclean")
        if found < 0 or line.startswith("#"):
            continue
        if "{" in line[:found]:
            return True  # an inline table
        key, equals, _ = line.partition("=")
        if equals and "scrapeclean" in key and _KEY.fullmatch(key) and table in (None, "", "tool"):
            return True
    return False


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
    return config.evolve(settings=settings)


def build_pipeline(config: Config, base: Pipeline | None = None) -> Pipeline:
    """Select, drop and configure passes as ``config`` says; every name is checked against ``base``."""
    if base is None:
        from .api import default_pipeline

        base = default_pipeline()
    known = base.names
    for name in (*(config.passes or ()), *config.disable, *config.settings):
        if name not in known:
            raise ConfigError(f"no pass named {name!r}; the passes are: {', '.join(known)}")
    from .pipeline import Pipeline

    pipeline = base if config.passes is None else Pipeline(base.get(name) for name in config.passes)
    dropped = [name for name in config.disable if name in pipeline.names]
    if dropped:
        pipeline = pipeline.without(*dropped)
    for name, values in config.settings.items():
        if name in pipeline.names:
            pipeline = pipeline.configure(name, **values)
    return pipeline
