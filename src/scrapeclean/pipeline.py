"""The :class:`Pass` protocol and the :class:`Pipeline` that runs passes in order.

A pass is any object with a kebab-case ``name`` and a ``__call__`` taking a
:class:`~scrapeclean.model.Document` and returning a new one. The built-in
passes are small frozen attrs classes whose fields are their settings; users
add their own by writing such a class (or any callable with a ``name``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from attrs import evolve, field, frozen

from .errors import ConfigError
from .model import Document
from .segment import segment


@runtime_checkable
class Pass(Protocol):
    """What the pipeline needs of a pass."""

    name: str

    def __call__(self, document: Document) -> Document: ...


def _check_passes(instance: object, attribute: object, passes: tuple[Pass, ...]) -> None:
    seen: set[str] = set()
    for item in passes:
        name = getattr(item, "name", None)
        if not isinstance(name, str) or not callable(item):
            raise ConfigError(f"pipeline passes must be callables with a str 'name'; got {item!r}")
        if name in seen:
            raise ConfigError(f"pass {name!r} appears twice in the pipeline; give each pass a distinct name")
        seen.add(name)


@frozen
class Pipeline:
    """An ordered, immutable list of passes.

    >>> from scrapeclean import default_pipeline
    >>> pipeline = default_pipeline().without("split-stories")
    >>> "split-stories" in pipeline.names
    False
    """

    passes: tuple[Pass, ...] = field(converter=tuple, validator=_check_passes)

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
        try:
            return self.replace(name, evolve(current, **settings))  # type: ignore[misc]
        except TypeError as error:
            raise ConfigError(f"pass {name!r} has no such setting: {error}") from None

    @classmethod
    def of(cls, passes: Iterable[Pass]) -> Pipeline:
        return cls(tuple(passes))
