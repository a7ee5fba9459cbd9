"""docs/passes.md lists every setting of every built-in pass with its real default."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
import regex

from scrapeclean import default_pipeline

PASSES_DOC = Path(__file__).resolve().parents[1] / "docs" / "passes.md"
_ROW = regex.compile(r"^\| ((?:`\w+`(?:, )?)+) \| ([^|]+) \|", regex.MULTILINE)


def _documented(pass_name: str) -> dict[str, str]:
    """The settings table of a pass's section: setting name -> the default the docs give."""
    section = PASSES_DOC.read_text(encoding="utf-8").split(f"\n## {pass_name}\n", 1)[1].split("\n## ", 1)[0]
    table = section.split("| setting | default |", 1)[1] if "| setting | default |" in section else ""
    found: dict[str, str] = {}
    for names, defaults in _ROW.findall(table):
        names = regex.findall(r"`(\w+)`", names)
        values = [value.strip() for value in defaults.split(",")]
        if len(names) == 1:
            found[names[0]] = ", ".join(values)
        else:
            assert len(names) == len(values), f"{pass_name}: row {names} gives {len(values)} defaults"
            found.update(zip(names, values))
    return found


def _written(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return ", ".join(map(str, value))
    return str(value)


def _same(documented: str, actual: object) -> bool:
    if isinstance(actual, float) and not isinstance(actual, bool):
        try:
            return float(documented) == actual
        except ValueError:
            return False
    return documented == _written(actual)


@pytest.mark.parametrize("item", list(default_pipeline()), ids=lambda item: item.name)
def test_every_setting_is_documented_with_its_real_default(item):
    documented = _documented(item.name)
    settings = {field.name: getattr(item, field.name) for field in attrs.fields(type(item))}
    assert set(documented) == set(settings), f"{item.name}: documented {sorted(documented)}, real {sorted(settings)}"
    wrong = {name: (documented[name], value) for name, value in settings.items() if not _same(documented[name], value)}
    assert not wrong, f"{item.name}: (documented, real) defaults differ: {wrong}"
