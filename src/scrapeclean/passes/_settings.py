"""Validators for pass settings: a bad value is a ConfigError naming the pass, the setting and the bound."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import ConfigError


def at_least(minimum: float, pass_name: str, *, strictly: bool = False) -> Callable[[Any, Any, Any], None]:
    """An attrs validator: the setting must be >= ``minimum`` (> with ``strictly``)."""
    relation = ">" if strictly else ">="

    def check(instance: Any, attribute: Any, value: Any) -> None:
        if value < minimum or (strictly and value == minimum):
            raise ConfigError(f"{pass_name}: {attribute.name} must be {relation} {minimum}, not {value!r}")

    return check
