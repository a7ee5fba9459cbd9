"""Placeholder for the remove-site-chrome pass."""

from __future__ import annotations

from typing import ClassVar

from attrs import frozen

from ..model import Document


@frozen
class RemoveSiteChrome:
    name: ClassVar[str] = "remove-site-chrome"

    def __call__(self, document: Document) -> Document:
        return document
