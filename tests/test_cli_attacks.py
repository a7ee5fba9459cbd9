"""The command line against a corpus built to hurt: links out of the corpus, devices as outputs, bombs,
names that collide, numbers JSON cannot round-trip, line endings, escape sequences, deep trees, huge
WARC headers, stale temporary files.

Every test runs the installed command as a user would. What must hold: nothing outside the folder
given is written, only regular files are replaced, no input takes memory beyond the configured
limits, no record is lost, no byte outside a record's text value changes, and nothing from the
input reaches the terminal raw. Tests that need root (or a second user) skip when not run as root.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import COMMAND, corpus_dir, messy_dump, scrapeclean, two_stories, wet_archive

needs_root = pytest.mark.skipif(
    os.geteuid() != 0, reason="needs root: only root can replace devices or give files away"
)


@pytest.fixture
def corpus(tmp_path):
    return corpus_dir(tmp_path)


# -- 1. links that lead out of the folder given --------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_links_leading_out_of_the_folder_are_skipped_and_their_targets_left_alone(tmp_path, corpus, jobs):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.txt").write_text(messy_dump("Victim file"))
    (outside / "inner.txt").write_text(messy_dump("Inside a linked folder"))
    before = {name: (outside / name).read_bytes() for name in ("victim.txt", "inner.txt")}
    (corpus / "own.txt").write_text(messy_dump("Own file"))
    (corpus / "innocent.txt").symlink_to("../outside/victim.txt")
    (corpus / "absolute.txt").symlink_to(outside / "victim.txt")
    (corpus / "alias.txt").symlink_to("own.txt")  # a link that stays inside is read
    (corpus / "folder").symlink_to(outside, target_is_directory=True)
    # With -j 2 both names of own.txt are read before either is written: the second finds the file fixed.
    result = scrapeclean("fix", "-j", jobs, str(corpus))
    assert result.returncode == 0, result.err
    assert {name: (outside / name).read_bytes() for name in before} == before
    assert f"{corpus / 'innocent.txt'}: a symbolic link leading outside {corpus}; skipped" in result.err
    assert f"{corpus / 'absolute.txt'}: a symbolic link leading outside" in result.err
    assert "Share on Facebook" not in (corpus / "own.txt").read_text()
    assert (corpus / "alias.txt").is_symlink()
    assert scrapeclean("check", str(corpus)).returncode == 0


def test_a_hard_link_to_a_file_outside_is_cleaned_under_its_own_name_only(tmp_path, corpus):
    outside = tmp_path / "victim.txt"
    outside.write_text(messy_dump("Victim"))
    before = outside.read_bytes()
    os.link(outside, corpus / "linked.txt")
    result = scrapeclean("fix", str(corpus))
    assert result.returncode == 0, result.err
    assert outside.read_bytes() == before  # the rewrite is a new file under the corpus's name
    assert "Share on Facebook" not in (corpus / "linked.txt").read_text()
    assert os.stat(outside).st_nlink == 1


def test_a_file_swapped_for_a_link_after_it_was_read_is_not_written(tmp_path, corpus):
    outside = tmp_path / "victim.txt"
    outside.write_text(messy_dump("Victim"))
    before = outside.read_bytes()
    (corpus / "a.txt").write_text(messy_dump())
    # Swapped right after fix read it, the way a hostile process sharing the corpus could.
    wrapper = (
        "import os, sys\n"
        "import scrapeclean.io.text as text\n"
        "real = text.read_bytes\n"
        "def read_bytes(path, *args):\n"
        "    data = real(path, *args)\n"
        f"    os.unlink(path); os.symlink({str(outside)!r}, path)\n"
        "    return data\n"
        "text.read_bytes = read_bytes\n"
        "from scrapeclean.cli import main\n"
        "sys.argv = ['scrapeclean', *sys.argv[1:]]\n"
        "sys.exit(main())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", wrapper, "fix", str(corpus / "a.txt")], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 123, result.stderr
    assert "replaced by another file during the run; not rewritten" in result.stderr
    assert outside.read_bytes() == before


# -- 2. devices and pipes as outputs ---------------------------------------------------------------


def test_only_regular_files_are_replaced(tmp_path, corpus):
    dump = corpus / "a.txt"
    dump.write_text(messy_dump())
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = scrapeclean("explain", "--html", str(pipe), str(dump))
    assert result.returncode == 123 and "not a regular file (a named pipe); not replaced" in result.err
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    result = scrapeclean("fix", str(pipe))
    assert result.returncode == 2 and "not a regular file; fix rewrites regular files only" in result.err
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "a.txt")
    result = scrapeclean("clean", "--output-dir", str(out), str(dump))
    assert result.returncode == 123 and "not a regular file (a named pipe)" in result.err
    assert stat.S_ISFIFO(os.lstat(out / "a.txt").st_mode)


@needs_root
def test_a_device_given_as_the_html_page_is_left_a_device(tmp_path, corpus):
    (corpus / "a.txt").write_text(messy_dump())
    device = tmp_path / "full"  # a node of its own for /dev/full's device: a broken build cannot harm the real one
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    result = scrapeclean("explain", "--html", str(device), str(corpus / "a.txt"))
    assert result.returncode == 123 and "not a regular file (a character device)" in result.err
    assert stat.S_ISCHR(os.lstat(device).st_mode)


# -- 3. size limits ---------------------------------------------------------------------------------


def test_inputs_over_the_size_limits_are_reported_and_skipped_and_the_rest_is_processed(corpus):
    (corpus / "bomb.txt.gz").write_bytes(gzip.compress(b"A" * (4 << 20)))  # 4 MiB of text in about 4 KiB
    good = {"id": "good", "text": messy_dump()}
    huge = {"id": "huge", "text": "word " * 200_000}
    lines = [json.dumps(good), json.dumps(huge), json.dumps({**good, "id": "after"})]
    (corpus / "records.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode() + b"\n"))
    (corpus / "small.txt").write_text(messy_dump("The small one"))
    limits = ("--max-document-size", "256KiB")
    result = scrapeclean("clean", "--format", "jsonl", *limits, str(corpus), str(corpus / "bomb.txt.gz"))
    assert result.returncode == 123 and "Traceback" not in result.err
    bomb = f"{corpus / 'bomb.txt.gz'}: the file (decompressed) is larger than 256 KiB (--max-document-size)"
    assert bomb in result.err
    assert f"{corpus / 'records.jsonl.gz'}:2: the record is larger than 256 KiB" in result.err
    assert [json.loads(line)["id"] for line in result.stdout.splitlines() if b'"id"' in line] == ["good", "after"]
    assert any(json.loads(line).get("source", "").endswith("small.txt") for line in result.stdout.splitlines())
    before = (corpus / "records.jsonl.gz").read_bytes()
    result = scrapeclean("fix", *limits, str(corpus / "records.jsonl.gz"), str(corpus / "small.txt"))
    assert result.returncode == 123 and "left as it was (a record over the size limit)" in result.err
    assert (corpus / "records.jsonl.gz").read_bytes() == before  # the record cannot be carried, so nothing is lost
    assert "Share on Facebook" not in (corpus / "small.txt").read_text()


def test_an_endless_input_stops_at_the_file_limit_set_in_the_configuration(tmp_path, corpus):
    (tmp_path / "pyproject.toml").write_text('[tool.scrapeclean]\nmax-file-size = "1MiB"\n')
    (corpus / "a.txt").write_text(messy_dump())
    # The configuration nearest the first path applies. Memory is capped at 1 GiB, so a build that reads
    # without bound fails here instead of exhausting the machine.
    result = subprocess.run(
        [COMMAND, "check", str(corpus / "a.txt"), "/dev/zero"],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)),
    )
    assert result.returncode == 123, result.stderr
    assert "/dev/zero: the file is larger than 1 MiB (--max-file-size); skipped" in result.stderr
    assert f"would change {corpus / 'a.txt'}" in result.stdout
    result = scrapeclean("check", "--max-file-size", "lots", str(corpus))
    assert result.returncode == 2 and "--max-file-size" in result.err


def test_a_warc_header_over_the_limit_is_reported_and_the_other_inputs_are_cleaned(corpus):
    page = wet_archive([("https://example.org/a", messy_dump())], gz=False)
    long_header = page.replace(b"\r\n", b"\r\nX-Padding: " + b"p" * (2 << 20) + b"\r\n", 1)
    (corpus / "a-long-header.wet").write_bytes(long_header + page)
    (corpus / "b.wet.gz").write_bytes(wet_archive([("https://example.org/b", messy_dump("Second page"))]))
    (corpus / "c.wet").write_bytes(wet_archive([("https://example.org/c", "x " * 200_000)], gz=False) + page)
    result = scrapeclean("clean", "--format", "jsonl", "--max-document-size", "64KiB", str(corpus))
    assert result.returncode == 123
    assert f"{corpus / 'a-long-header.wet'}: WARC record 1: the headers is larger than 1 MiB" in result.err
    assert f"{corpus / 'c.wet'}: WARC record 1 (" in result.err and "(--max-document-size)" in result.err
    urls = [json.loads(line)["url"] for line in result.stdout.splitlines()]
    assert urls == ["https://example.org/b", "https://example.org/a"]  # c's second record is read after the skip


# -- 4. owner, group and mode --------------------------------------------------------------------


@needs_root
def test_fix_as_root_keeps_owner_group_and_mode(corpus):
    import pwd

    nobody = pwd.getpwnam("nobody")
    path = corpus / "given-away.txt"
    path.write_text(messy_dump())
    os.chown(path, nobody.pw_uid, nobody.pw_gid)
    os.chmod(path, 0o4775)
    result = scrapeclean("fix", str(path))
    assert result.returncode == 0, result.err
    info = os.stat(path)
    assert (info.st_uid, info.st_gid) == (nobody.pw_uid, nobody.pw_gid)
    assert stat.S_IMODE(info.st_mode) == 0o4775
    assert "Share on Facebook" not in path.read_text()


def test_a_file_without_write_bits_is_refused_even_for_root(corpus):
    path = corpus / "read-only.txt"
    path.write_text(messy_dump())
    path.chmod(0o444)
    before = path.read_bytes()
    result = scrapeclean("fix", str(path))
    assert result.returncode == 123 and f"cannot write {path}: the file is read-only" in result.err
    assert path.read_bytes() == before


# -- 5. output names ------------------------------------------------------------------------------


def test_clean_output_dir_never_loses_a_record_to_a_name_collision(tmp_path, corpus):
    (corpus / "2024.01.txt").write_text(messy_dump("January"))
    (corpus / "2024.02.txt").write_text(messy_dump("February"))
    (corpus / "sub").mkdir()
    (corpus / "sub" / "k.txt").write_text(messy_dump("A file called k"))
    records = [{"id": "k", "text": messy_dump("A record called k")}, {"id": "k", "text": messy_dump("Its twin")}]
    (corpus / "sub.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records))
    out = tmp_path / "out"
    result = scrapeclean("clean", "--output-dir", str(out), str(corpus))
    assert result.returncode == 0, result.err
    written = {str(path.relative_to(out)): path.read_text() for path in out.rglob("*") if path.is_file()}
    assert sorted(written) == ["2024.01.txt", "2024.02.txt", "sub/k.txt", "sub/k~2.txt", "sub/k~3.txt"]
    titles = sorted(text.split("\n", 1)[0] for text in written.values())
    assert titles == ["A file called k", "A record called k", "February", "Its twin", "January"]
    assert "sub/k.txt is taken by an earlier input; written to sub/k~2.txt" in result.err


def test_an_output_dir_inside_the_corpus_is_not_read_back(corpus):
    (corpus / "a.txt").write_text(messy_dump())
    (corpus / "sub").mkdir()
    (corpus / "sub" / "b.txt").write_text(messy_dump("Below"))
    out = corpus / "sub" / "out"  # made by the first run after the walk listed corpus, before it lists sub
    for _ in range(3):  # each run would otherwise clean its own output again, one level deeper
        result = scrapeclean("clean", "--output-dir", str(out), str(corpus))
        assert result.returncode == 0, result.err
    found = sorted(str(path.relative_to(corpus)) for path in corpus.rglob("*.txt"))
    assert found == ["a.txt", "sub/b.txt", "sub/out/a.txt", "sub/out/sub/b.txt"]


# -- 6. JSONL values ------------------------------------------------------------------------------


def test_fix_changes_only_the_bytes_of_a_records_text_value(corpus):
    text = json.dumps(messy_dump())
    first = '\ufeff{"n": 1e400,  "big":12345678901234567890.5, "z": -0, "e": 1E+2, "text": ' + text + ', "s": "café"}'
    lines = [first, '{"id": "nan", "text": ' + text + ', "v": NaN}', '{"id": "k", "text": ' + text + "}"]
    path = corpus / "c.jsonl"
    path.write_bytes("\r\n".join(lines).encode("utf-8") + b"\r\n")
    result = scrapeclean("fix", str(path))
    assert result.returncode == 123 and f"{path}:2: malformed JSON (NaN is not JSON); carried through" in result.err
    after = path.read_bytes().split(b"\r\n")
    cleaned = json.dumps(json.loads(lines[2])["text"].split("Share on Facebook\n", 1)[1])
    assert json.loads(after[2])["text"] != json.loads(lines[2])["text"]
    new_text = json.dumps(json.loads(after[2])["text"])
    assert after[0] == first.replace(text, new_text).encode("utf-8")  # BOM, spacing, 1e400, -0, 1E+2 kept
    assert after[1] == lines[1].encode() and after[2] == lines[2].replace(text, new_text).encode()
    assert after[3] == b"" and len(after) == 4 and cleaned
    assert scrapeclean("check", str(path)).returncode == 123  # only the NaN line, still reported


def test_json_output_never_holds_numbers_json_cannot_read(corpus):
    ok, infinite = json.dumps({"id": "ok", "text": messy_dump()}), '{"n": 1e400, "text": ' + json.dumps(messy_dump())
    (corpus / "c.jsonl").write_text(ok + "\n" + infinite + "}\n")
    result = scrapeclean("clean", "--format", "jsonl", str(corpus / "c.jsonl"))
    assert result.returncode == 123 and "not written" in result.err
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["ok"]
    assert b"Infinity" not in result.stdout


# -- 7. line endings -------------------------------------------------------------------------------


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_fix_keeps_the_files_line_ending_however_long_the_first_line(corpus, ending):
    path = corpus / "a.txt"
    data_uri = "data:image/png;base64," + "A" * 70_000
    path.write_bytes((data_uri + "\n" + messy_dump()).replace("\n", ending).encode())
    assert scrapeclean("fix", str(path)).returncode == 0
    data = path.read_bytes()
    assert b"Share on Facebook" not in data
    other = b"\n" if ending == "\r" else b"\r"
    assert data.replace(ending.encode(), b"").count(other) == 0 and data.endswith(ending.encode())
    assert scrapeclean("check", str(path)).returncode == 0


# -- 8. terminal injection -------------------------------------------------------------------------


def test_control_characters_from_dumps_and_names_never_reach_the_terminal_raw(corpus):
    hostile = "\x1b]0;owned\x07\x1b[2J"
    named = corpus / f"name{hostile}\nsecond line.txt"
    named.write_text(messy_dump(f"Headline {hostile} here"))
    binary = corpus / f"binary{hostile}.txt"
    binary.write_bytes(b"\x00\x01" * 10)
    check = scrapeclean("check", "--diff", str(corpus))
    explain = scrapeclean("explain", "--color", "never", str(named))
    for result in (check, explain):
        assert "\x1b" not in result.out + result.err and "\x07" not in result.out + result.err
    assert "\\x1b]0;owned\\x07" in check.out and "\\x1b]0;owned\\x07" in explain.out
    assert check.returncode == 123 and "binary\\x1b]0;owned" in check.err
    assert "name\\x1b]0;owned\\x07\\x1b[2J\\nsecond line.txt" in check.err  # one line, newline shown
    fixed = scrapeclean("fix", str(corpus))
    assert "fixed " + str(corpus) + "/name\\x1b]0;owned\\x07\\x1b[2J\\nsecond line.txt" in fixed.out


# -- 9. deep trees ---------------------------------------------------------------------------------


def test_a_tree_1100_levels_deep_is_walked_and_mirrored(tmp_path, corpus):
    depth = 1100  # past Python's recursion limit: a recursive walk or makedirs fails here
    _deep_chain(corpus, depth, make=True)
    deepest = corpus.joinpath(*["d"] * depth)
    out = tmp_path / "out"
    try:
        result = scrapeclean("check", str(corpus))
        assert result.returncode == 1 and "Traceback" not in result.err
        assert result.out.strip() == f"would change {deepest / 'f.txt'}"
        result = scrapeclean("clean", "--output-dir", str(out), str(corpus))
        assert result.returncode == 0 and "Traceback" not in result.err
        mirrored = out.joinpath(*["d"] * depth) / "f.txt"
        assert mirrored.read_text().startswith("Council approves the new river bridge")
    finally:
        _deep_chain(corpus, depth, make=False)
        if out.exists():
            _deep_chain(out, depth, make=False)


def _deep_chain(top: Path, depth: int, make: bool) -> None:
    """Make (with a dump at the bottom) or remove ``top/d/d/…/d``, a level at a time through folder descriptors.

    Each step is relative to the folder above, so the test neither recurses nor makes the kernel walk long paths.
    """
    folders = [os.open(top, os.O_RDONLY)]
    try:
        for _ in range(depth):
            if make:
                os.mkdir("d", dir_fd=folders[-1])
            folders.append(os.open("d", os.O_RDONLY, dir_fd=folders[-1]))
        if make:
            descriptor = os.open("f.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=folders[-1])
            os.write(descriptor, messy_dump().encode())
            os.close(descriptor)
            return
        for name in os.listdir(folders[-1]):
            os.unlink(name, dir_fd=folders[-1])
        for level in range(depth, 0, -1):
            os.rmdir("d", dir_fd=folders[level - 1])
    finally:
        for descriptor in folders:
            os.close(descriptor)


# -- 12. temporary files of a killed run -------------------------------------------------------


def test_a_later_fix_removes_the_temporary_files_a_killed_run_left(corpus):
    import hashlib
    import socket

    (corpus / "a.txt").write_text(messy_dump())
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead, alive = int(finished.stdout), os.getpid()
    host = hashlib.sha1(socket.gethostname().encode()).hexdigest()[:8]
    stale = corpus / f".a.txt.sc-{host}-{dead}-abcd1234.scrapeclean-tmp"
    in_use = corpus / f".a.txt.sc-{host}-{alive}-abcd1234.scrapeclean-tmp"
    foreign = corpus / ".a.txt.k3j2h1g0.other-tool-tmp"
    for path in (stale, in_use, foreign):
        path.write_text("partial")
    result = scrapeclean("fix", str(corpus))
    assert result.returncode == 0, result.err
    assert not stale.exists() and in_use.exists() and foreign.exists()
    assert f"{stale}: removed, a temporary file left by an interrupted run" in result.err


# -- 13. cleaning the text output again ----------------------------------------------------------


def test_cleaning_the_output_again_gives_the_same_bytes_for_one_input_and_per_input_for_several(tmp_path, corpus):
    (corpus / "a.txt").write_text(two_stories())
    (corpus / "b.txt").write_text(messy_dump("A second page"))
    once = scrapeclean("clean", str(corpus / "a.txt"))
    again = scrapeclean("clean", "-", stdin=once.stdout)
    assert once.returncode == again.returncode == 0 and once.stdout == again.stdout
    first, second = tmp_path / "first", tmp_path / "second"
    assert scrapeclean("clean", "--output-dir", str(first), str(corpus)).returncode == 0
    assert scrapeclean("clean", "--output-dir", str(second), str(first)).returncode == 0
    for name in ("a.txt", "b.txt"):
        assert (second / name).read_bytes() == (first / name).read_bytes()
