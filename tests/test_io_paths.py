"""Finding input files, telling formats apart, and output names that cannot escape."""

from __future__ import annotations

import os

import pytest

from scrapeclean.errors import ConfigError
from scrapeclean.io.paths import DEFAULT_EXCLUDE, FileFilter, detect_format, discover, inside, safe_name


def _tree(root, names):
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def _relative(found):
    return [item.relative for item in found]


def test_walk_is_sorted_recursive_and_skips_default_exclusions(tmp_path):
    _tree(tmp_path, ["b.txt", "a.txt", "sub/c.jsonl", ".git/d.txt", "notes.md", "sub/.e.txt.x1.scrapeclean-tmp"])
    assert _relative(discover([str(tmp_path)], FileFilter())) == ["a.txt", "b.txt", "sub/c.jsonl"]


def test_exclude_globs_match_names_and_relative_paths(tmp_path):
    _tree(tmp_path, ["keep/a.txt", "drafts/b.txt", "deep/vendor/c.txt", "deep/d.txt"])
    file_filter = FileFilter(exclude=DEFAULT_EXCLUDE + ("drafts", "deep/vendor/*"))
    assert _relative(discover([str(tmp_path)], file_filter)) == ["deep/d.txt", "keep/a.txt"]


def test_explicit_files_are_read_unless_exclusion_is_forced(tmp_path):
    _tree(tmp_path, ["drafts/b.txt"])
    path = os.path.join(str(tmp_path), "drafts", "b.txt")
    assert _relative(discover([path], FileFilter(exclude=("drafts",)))) == ["b.txt"]
    assert _relative(discover([path], FileFilter(exclude=("drafts",), force_exclude=True))) == []


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("a.txt", "text"),
        ("a", "text"),
        ("A.JSONL", "jsonl"),
        ("x.jsonl.gz", "jsonl"),
        ("c.warc.gz", "warc"),
        ("c.wet", "warc"),
        ("p.htm", "html"),
        ("p.html", "html"),
        ("d.txt.gz", "text"),
    ],
)
def test_formats_follow_the_file_name(name, fmt):
    assert detect_format(name) == fmt


@pytest.mark.parametrize(
    "crafted", ["../../etc/passwd", "/abs/path", "..", ".", "", "a/../../b", "C:\\x", ".hidden", "\x00"]
)
def test_safe_names_stay_in_their_directory(tmp_path, crafted):
    name = safe_name(crafted)
    assert name and "/" not in name and "\\" not in name and not name.startswith(".")
    target = inside(str(tmp_path), name + ".txt")
    assert os.path.dirname(target) == os.path.realpath(tmp_path)


def test_safe_names_keep_distinct_ids_apart():
    assert safe_name("a/b") != safe_name("a_b") and safe_name("a_b") == "a_b"


def test_inside_refuses_an_escape(tmp_path):
    with pytest.raises(ConfigError, match="outside"):
        inside(str(tmp_path), "../elsewhere.txt")
