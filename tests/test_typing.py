"""The library as users type it: mypy --strict accepts the documented patterns."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TYPING = Path(__file__).parent / "typing"


def test_mypy_accepts_custom_passes_and_built_in_passes_in_a_pipeline():
    if shutil.which("mypy") is None and subprocess.run([sys.executable, "-m", "mypy", "--version"], capture_output=True).returncode:
        pytest.skip('mypy is not installed: pip install -e ".[test]"')
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(TYPING / "custom_pass.py")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
