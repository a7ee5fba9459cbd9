"""Placeholder for the assign-roles pass."""

from __future__ import annotations

from typing import ClassVar

from attrs import frozen

from ..model import Document


@frozen
class AssignRoles:
    name: ClassVar[str] = "assign-roles"

    def __call__(self, document: Document) -> Document:
        return document
