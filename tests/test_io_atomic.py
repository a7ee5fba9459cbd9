"""Atomic rewrites: old or new content, never a mix; permissions kept; links followed."""

from __future__ import annotations

import os
import stat

import pytest

from scrapeclean.errors import OutputError
from scrapeclean.io.atomic import TEMP_SUFFIX, AtomicWriter, atomic_write


def test_replaces_content_and_keeps_permission_bits(tmp_path):
    target = tmp_path / "page.txt"
    target.write_bytes(b"old\n")
    target.chmod(0o640)
    atomic_write(target, b"new\n")
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["page.txt"]


def test_an_error_inside_the_block_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "page.txt"
    target.write_bytes(b"old\n")
    with pytest.raises(RuntimeError):
        with AtomicWriter(target) as handle:
            handle.write(b"half of the new")
            raise RuntimeError("interrupted")
    assert target.read_bytes() == b"old\n"
    assert os.listdir(tmp_path) == ["page.txt"]


def test_temporary_file_is_hidden_next_to_the_target_until_commit(tmp_path):
    target = tmp_path / "page.txt"
    target.write_bytes(b"old\n")
    writer = AtomicWriter(target)
    writer.open().write(b"new\n")
    [temporary] = [name for name in os.listdir(tmp_path) if name != "page.txt"]
    assert temporary.startswith(".page.txt.") and temporary.endswith(TEMP_SUFFIX)
    assert target.read_bytes() == b"old\n"
    writer.commit()
    assert target.read_bytes() == b"new\n" and os.listdir(tmp_path) == ["page.txt"]


def test_a_symbolic_link_stays_a_link_to_the_rewritten_file(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(b"old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write(link, b"new\n")
    assert link.is_symlink() and real.read_bytes() == b"new\n"


def test_a_missing_directory_is_an_output_error_naming_the_file(tmp_path):
    with pytest.raises(OutputError, match="page.txt"):
        atomic_write(tmp_path / "absent" / "page.txt", b"x")
