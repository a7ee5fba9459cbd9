"""The real pre-commit tool runs the hooks of .pre-commit-hooks.yaml on a git repository of dumps."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from cli_support import COMMAND, messy_dump

HOOKS_FILE = Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="needs git"),
    pytest.mark.skipif(shutil.which("pre-commit") is None, reason="needs the pre-commit tool"),
]


def _local_config(hooks_file: Path) -> str:
    """The project's hooks as `repo: local` hooks running the installed command (no environment to build, offline).

    The check runs on every commit; the fix only when asked for (the manual stage), as the README suggests.
    """
    import yaml

    hooks = []
    for hook in yaml.safe_load(hooks_file.read_text()):
        subcommand = hook["entry"].split()[1:]
        hooks.append({**hook, "entry": " ".join([COMMAND, *subcommand]), "language": "system"})
        if hook["id"] == "scrapeclean-fix":
            hooks[-1]["stages"] = ["manual"]
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, sort_keys=False)


def _git(repo: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=60)


def test_pre_commit_check_blocks_the_commit_and_fix_makes_it_pass(tmp_path):
    repo = tmp_path / "repo"
    (repo / "dumps").mkdir(parents=True)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    assert _git(repo, "init", "-q", env=env).returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(_local_config(HOOKS_FILE))
    (repo / "dumps" / "a.txt").write_text(messy_dump())
    (repo / "dumps" / "b.jsonl").write_text(json.dumps({"id": "b", "text": messy_dump("Harbour festival")}) + "\n")
    (repo / "notes.md").write_text("Menu\n  not a dump\n")
    install = subprocess.run(["pre-commit", "install"], cwd=repo, env=env, capture_output=True, text=True, timeout=60)
    assert install.returncode == 0, install.stdout + install.stderr
    _git(repo, "add", ".", env=env)

    blocked = _git(repo, "commit", "-q", "-m", "dumps", env=env)
    assert blocked.returncode != 0
    output = blocked.stdout + blocked.stderr
    assert "scrapeclean check" in output and "would change dumps/a.txt" in output and "dumps/b.jsonl:1" in output

    fixing = subprocess.run(
        ["pre-commit", "run", "--hook-stage", "manual", "scrapeclean-fix", "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert fixing.returncode == 1 and "files were modified by this hook" in fixing.stdout
    assert "Share on Facebook" not in (repo / "dumps" / "a.txt").read_text()
    assert (repo / "notes.md").read_text() == "Menu\n  not a dump\n"

    _git(repo, "add", ".", env=env)
    committed = _git(repo, "commit", "-q", "-m", "clean dumps", env=env)
    assert committed.returncode == 0, committed.stdout + committed.stderr
    again = subprocess.run(
        ["pre-commit", "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True, timeout=60
    )
    assert again.returncode == 0, again.stdout
