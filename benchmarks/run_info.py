"""What both benchmark scripts record about a run and the report options they share."""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shlex
import subprocess
import sys
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def add_report_arguments(parser: argparse.ArgumentParser, default_json: Path, pages: str) -> None:
    """``--json``, ``--docs``, ``--docs-dir`` and ``--from-json``; ``pages`` names what ``--docs`` regenerates."""
    parser.add_argument(
        "--json",
        type=Path,
        default=default_json,
        help=f"where to write the results (default {default_json.relative_to(PROJECT_ROOT)})",
    )
    parser.add_argument("--docs", action="store_true", help=f"also regenerate {pages}")
    parser.add_argument("--docs-dir", type=Path, default=PROJECT_ROOT / "docs")
    parser.add_argument("--from-json", type=Path, help="report on an earlier results JSON instead of running")


def run_metadata(script: str, distributions: Iterable[str]) -> dict:
    """The date, the command as typed, the CPUs and the versions of python and of ``distributions``."""
    versions = {"python": platform.python_version()}
    for distribution in distributions:
        try:
            versions[distribution] = version(distribution)
        except PackageNotFoundError:
            versions[distribution] = "missing"
    if "scrapeclean" in versions:
        versions["scrapeclean"] += _revision()
    return {
        "date": datetime.date.today().isoformat(),
        "command": shlex.join(["python", script, *sys.argv[1:]]),
        "cpus": os.cpu_count(),
        "versions": versions,
    }


def _revision() -> str:
    """`` (git abc1234)``, with a note when ``src`` has uncommitted changes; empty outside a git checkout."""

    def git(*arguments: str) -> str:
        command = ["git", "-C", str(PROJECT_ROOT), *arguments]
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return ""
    changed = git("status", "--porcelain", "--", "src")
    return f" (git {commit}{' with uncommitted changes' if changed else ''})"
