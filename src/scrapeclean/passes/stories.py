"""Placeholder for the split-stories pass."""

from __future__ import annotations

from typing import ClassVar

from attrs import frozen

from ..model import Document


@frozen
class SplitStories:
    name: ClassVar[str] = "split-stories"

    def __call__(self, document: Document) -> Document:
        return document
