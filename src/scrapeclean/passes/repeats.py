"""Placeholder for the collapse-repeated-blocks pass."""

from __future__ import annotations

from typing import ClassVar

from attrs import frozen

from ..model import Document


@frozen
class CollapseRepeatedBlocks:
    name: ClassVar[str] = "collapse-repeated-blocks"

    def __call__(self, document: Document) -> Document:
        return document
