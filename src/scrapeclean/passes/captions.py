"""Placeholder for the dedup-captions pass."""

from __future__ import annotations

from typing import ClassVar

from attrs import frozen

from ..model import Document


@frozen
class DedupCaptions:
    name: ClassVar[str] = "dedup-captions"

    def __call__(self, document: Document) -> Document:
        return document
