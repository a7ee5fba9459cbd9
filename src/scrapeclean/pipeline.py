"""The :class:`Pass` protocol and the :class:`Pipeline` that runs passes in order.

A pass is any object with a kebab-case ``name`` and a ``__call__`` taking a
:class:`~scrapeclean.model.Document` and returning a new one. The built-in
passes are small frozen attrs classes whose fields are their settings; users
add their own by writing such a class (or any callable with a ``name``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol, runtime_checkable

import attrs
import re
from attrs import evolve, field, frozen

from .errors import ConfigError
from .model import Document
from .segment import segment


@runtime_checkable
class Pass(Protocol):
    """What the pipeline needs of a pass: a kebab-case ``name`` (a class variable will do) and a call."""

    @property
    def name(self) -> str: ...

    def __call__(self, document: Document) -> Document: ...


# A pass's name: kebab-case, as the command line, configuration and removal records write it.
_PASS_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def _check_passes(instance: object, attribute: object, passes: tuple[Pass, ...]) -> None:
    seen: set[str] = set()
    for item in passes:
        if isinstance(item, type):
            raise ConfigError(f"pipeline passes must be pass objects, not the class {item.__name__}; write {item.__name__}()")
        name = getattr(item, "name", None)
        if not isinstance(name, str) or not callable(item):
            raise ConfigError(f"pipeline passes must be callables with a str 'name'; got {item!r}")
        if _PASS_NAME.fullmatch(name) is None:
            raise ConfigError(f"pass name {name!r} must be kebab-case (lower-case words joined by '-'), like 'remove-site-chrome'")
        if name in seen:
            raise ConfigError(f"pass {name!r} appears twice in the pipeline; give each pass a distinct name")
        seen.add(name)


def _as_passes(items: Iterable[Pass]) -> tuple[Pass, ...]:
    return tuple(items)


@frozen
class Pipeline:
    """An ordered, immutable list of passes.

    >>> from scrapeclean import default_pipeline
    >>> pipeline = default_pipeline().without("split-stories")
    >>> "split-stories" in pipeline.names
    False
    """

    passes: tuple[Pass, ...] = field(converter=_as_passes, validator=_check_passes)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(item.name for item in self.passes)

    def __iter__(self) -> Iterator[Pass]:
        return iter(self.passes)

    def __call__(self, document: Document) -> Document:
        for item in self.passes:
            document = item(document)
        return document

    def run(self, text: str, source: str | None = None) -> Document:
        """Segment ``text`` and run every pass over it."""
        return self(segment(text, source=source))

    def _position(self, name: str) -> int:
        try:
            return self.names.index(name)
        except ValueError:
            raise ConfigError(f"no pass named {name!r} in this pipeline; it has {list(self.names)}") from None

    def get(self, name: str) -> Pass:
        return self.passes[self._position(name)]

    def without(self, *names: str) -> Pipeline:
        for name in names:
            self._position(name)
        return Pipeline(item for item in self.passes if item.name not in names)

    def replace(self, name: str, new: Pass) -> Pipeline:
        position = self._position(name)
        return Pipeline(self.passes[:position] + (new,) + self.passes[position + 1 :])

    def insert(self, new: Pass, *, before: str | None = None, after: str | None = None) -> Pipeline:
        if (before is None) == (after is None):
            raise ConfigError("insert() takes exactly one of before= or after=")
        position = self._position(before) if before is not None else self._position(after) + 1  # type: ignore[arg-type]
        return Pipeline(self.passes[:position] + (new,) + self.passes[position:])

    def append(self, new: Pass) -> Pipeline:
        return Pipeline(self.passes + (new,))

    def configure(self, name: str, **settings: object) -> Pipeline:
        """A copy with one pass's settings changed: ``configure("remove-site-chrome", min_words=5)``."""
        current = self.get(name)
        return self.replace(name, evolve(current, **checked_settings(current, name, settings)))  # type: ignore[misc]

    @classmethod
    def of(cls, passes: Iterable[Pass]) -> Pipeline:
        return cls(tuple(passes))


def checked_settings(item: Any, pass_name: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` as settings of the pass ``item``: names with ``-`` or ``_``, each of its default's type.

    An unknown name or a value of another type is a :class:`ConfigError` that
    names the setting, the value and what would be valid.
    """
    try:
        fields = {each.name: each for each in attrs.fields(type(item))}
    except (TypeError, attrs.exceptions.NotAnAttrsClassError):
        raise ConfigError(f"pass {pass_name!r} is not an attrs class; it has no settings to configure") from None
    checked: dict[str, Any] = {}
    for key, value in values.items():
        name = key.replace("-", "_")
        if name not in fields:
            valid = ", ".join(each.replace("_", "-") for each in fields) or "none"
            raise ConfigError(f"pass {pass_name!r} has no setting {key!r}; its settings: {valid} (given {value!r})")
        checked[name] = _typed(value, _default(fields[name]), f"{pass_name}.{key}")
    return checked


def _default(attribute: attrs.Attribute) -> Any:
    default = attribute.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()  # type: ignore[call-arg]
    return default


def _typed(value: Any, default: Any, where: str) -> Any:
    if default is None or default is attrs.NOTHING:
        return value
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(default, str):
        ok = isinstance(value, str)
    elif isinstance(default, (tuple, list, frozenset, set)):
        # A list of values; a lone string is refused, not read as its letters ("en" as "e", "n").
        ok = isinstance(value, (list, tuple)) and all(isinstance(each, str) for each in value)
        value = type(default)(value) if ok else value
    else:
        return value
    if not ok:
        kind = "list of str" if isinstance(default, (tuple, list, frozenset, set)) else type(default).__name__
        raise ConfigError(f"setting {where} must be of type {kind} (like its default {default!r}), not {value!r}")
    return value
