"""The command line under faults: unreadable and vanishing files, full disks, failed renames, signals, bad records.

Each fault gives a message naming the file (and line or record), an exit code
from the documented table, leaves every file either as it was or fully
cleaned, and the rest of the corpus is still processed. Faults the operating
system will not produce on demand (a full disk, a refused read for root, a
file removed at a given moment, a defect in a pass) are injected by running
the command through a small wrapper (``_WRAPPER``) that patches the standard
library in that process only. The security checks are here too: no network
access, nothing read from disk is evaluated or unpickled, configuration is
bounded and checked, files are written only where asked.
"""

from __future__ import annotations

import ast
import gzip
import json
import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_support import COMMAND, corpus_dir, messy_dump, old_and_new_corpus, scrapeclean, two_stories, wet_archive

import scrapeclean as library

DOCUMENTED_EXIT_CODES = {0, 1, 2, 123, 130, 141, 143}
TEMP_SUFFIX = ".scrapeclean-tmp"
NETWORK_MARK = "NETWORK ACCESS ATTEMPTED"

# Runs ``scrapeclean ARGS`` after patching this process as the JSON in SCRAPECLEAN_TEST_FAULTS says.
_WRAPPER = r"""
import errno, json, os, sys

faults = json.loads(os.environ["SCRAPECLEAN_TEST_FAULTS"])


def named(path, key):
    return os.path.basename(os.fsdecode(path)) in faults.get(key, ())


if "unreadable" in faults:  # opening these names is refused, as for a file without read permission
    import builtins

    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if isinstance(file, (str, bytes, os.PathLike)) and named(file, "unreadable"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(file))
        return real_open(file, *args, **kwargs)

    builtins.open = guarded_open

if "vanish_when_listed" in faults:  # removed right after the directory walk lists them
    import scrapeclean.corpus.run as run_module

    real_discover = run_module.discover

    def discover(*args, **kwargs):
        for found in real_discover(*args, **kwargs):
            if named(found.path, "vanish_when_listed"):
                os.unlink(found.path)
            yield found

    run_module.discover = discover

if "vanish_after_reading" in faults:  # removed once read, before fix writes them back
    import scrapeclean.io.jsonl as jsonl_module
    import scrapeclean.io.text as text_module

    real_read_bytes, real_read_records = text_module.read_bytes, jsonl_module.read_records

    def read_bytes(path, *args):
        data = real_read_bytes(path, *args)
        if named(path, "vanish_after_reading"):
            os.unlink(path)
        return data

    def read_records(handle, path, *args):
        if named(path, "vanish_after_reading"):
            os.unlink(path)  # the open handle still reads it
        yield from real_read_records(handle, path, *args)

    text_module.read_bytes, jsonl_module.read_records = read_bytes, read_records

if "disk_full_after" in faults:  # a new file takes this many bytes, then writes fail: the disk is full
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle):
            self._handle, self._written = handle, 0

        def write(self, data):
            self._written += len(data)
            if self._written > faults["disk_full_after"]:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return self._handle.write(data)

        def __getattr__(self, name):
            return getattr(self._handle, name)

    os.fdopen = lambda fd, *args, **kwargs: FullDisk(real_fdopen(fd, *args, **kwargs))

if "replace_fails" in faults:  # the final rename is refused, as on a file system turned read-only
    real_replace = os.replace

    def replace(source, target, *args, **kwargs):
        if os.fsdecode(source).endswith(".scrapeclean-tmp"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(target))
        return real_replace(source, target, *args, **kwargs)

    os.replace = replace

if "clean_raises_on" in faults:  # a defect in a pass, met on dumps holding this text
    import scrapeclean.engine
    import scrapeclean.handoff

    class FaultyEngine:  # the engine, failing on a text holding the mark (every cleaning path calls it)

        def __init__(self, engine):
            self.engine = engine

        def __getattr__(self, name):
            found = getattr(self.engine, name)
            if name not in ("clean", "clean_many", "clean_many_outcomes"):
                return found

            def cleaning(texts, *args):
                if any(faults["clean_raises_on"] in text for text in ([texts] if isinstance(texts, str) else texts)):
                    raise RuntimeError("simulated defect in a pass")
                return found(texts, *args)

            return cleaning

    # The library calls the engine from scrapeclean.engine, a corpus run from scrapeclean.handoff.
    scrapeclean.engine._engine = scrapeclean.handoff._engine = FaultyEngine(scrapeclean.handoff._engine)

if faults.get("no_network"):  # any internet socket or name look-up is refused, and recorded with its caller
    import socket
    import traceback

    def refuse(*args, **kwargs):
        caller = next(
            (frame for frame in reversed(traceback.extract_stack()[:-1]) if frame.filename != __file__), None
        )
        where = f"{caller.filename}:{caller.name}" if caller else "?"
        sys.stderr.write(f"NETWORK ACCESS ATTEMPTED by {where}\n")
        raise OSError(errno.ENETUNREACH, "network access is not allowed here")

    class GuardedSocket(socket.socket):
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
                refuse()
            super().__init__(family, type, proto, fileno)

    socket.socket = GuardedSocket
    socket.create_connection = socket.getaddrinfo = socket.gethostbyname = refuse

if len(sys.argv) > 2 and sys.argv[1] == "--python":  # run a snippet under the same faults
    exec(sys.argv[2])
    sys.exit(0)

from scrapeclean.cli import main

sys.argv[0] = "scrapeclean"
sys.exit(main())
"""


def faulty(tmp_path: Path, faults: dict, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """Run ``scrapeclean ARGS`` with ``faults`` injected; output as bytes, stderr decoded in ``.err``."""
    wrapper = tmp_path / "faulty_scrapeclean.py"
    wrapper.write_text(_WRAPPER)
    environment = {**os.environ, "SCRAPECLEAN_TEST_FAULTS": json.dumps(faults)}
    environment.pop("NO_COLOR", None)
    result = subprocess.run(
        [sys.executable, str(wrapper), *args],
        capture_output=True,
        env=environment,
        timeout=timeout,
        cwd=tmp_path,
        check=False,
    )
    result.err = result.stderr.decode("utf-8", "replace")  # type: ignore[attr-defined]
    assert result.returncode in DOCUMENTED_EXIT_CODES, f"undocumented exit code {result.returncode}: {result.err}"
    assert "Traceback" not in result.err, result.err
    return result


@pytest.fixture
def corpus(tmp_path):
    return corpus_dir(tmp_path)


def _write_corpus(root: Path, names: list[str]) -> dict[str, bytes]:
    """Text and JSONL dumps that cleaning changes, one per name; returns their bytes."""
    for number, name in enumerate(names):
        dump = messy_dump(f"Story number {number} about the harbour", f"Detail {number}.")
        if name.endswith(".jsonl"):
            records = [{"id": f"{name}-{line}", "text": dump} for line in range(3)]
            (root / name).write_text("".join(json.dumps(record) + "\n" for record in records))
        else:
            (root / name).write_text(dump)
    return {name: (root / name).read_bytes() for name in names}


def _cleaned(data: bytes) -> bytes:
    return (library.to_text(library.clean(data.decode("utf-8"))) + "\n").encode("utf-8")


def _strays(root: Path) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*" + TEMP_SUFFIX))


# -- files that cannot be read ------------------------------------------------------------------------


def test_unreadable_files_are_reported_by_name_and_the_rest_is_fixed(tmp_path, corpus):
    before = _write_corpus(corpus, ["a.txt", "denied.txt", "denied.jsonl", "z.txt"])
    (corpus / "loop.txt").symlink_to("loop.txt")  # a real unreadable file, even for root
    gzipped = gzip.compress(messy_dump().encode())
    (corpus / "cut.txt.gz").write_bytes(gzipped[: len(gzipped) // 2])
    (corpus / "garbage.jsonl.gz").write_bytes(b"not gzip at all")
    result = faulty(
        tmp_path, {"unreadable": ["denied.txt", "denied.jsonl"]}, "fix", str(corpus), str(corpus / "cut.txt.gz")
    )
    assert result.returncode == 123
    assert result.stdout.decode().splitlines() == [f"fixed {corpus / 'a.txt'}", f"fixed {corpus / 'z.txt'}"]
    for message in (
        f"error: {corpus / 'denied.txt'}: cannot read: Permission denied",
        f"error: {corpus / 'denied.jsonl'}: cannot read: Permission denied",
        f"error: {corpus / 'loop.txt'}: cannot read: Too many levels of symbolic links",
        f"error: {corpus / 'cut.txt.gz'}: cannot read: Compressed file ended before the end-of-stream marker",
        f"error: {corpus / 'garbage.jsonl.gz'}: cannot read: Not a gzipped file",
    ):
        assert message in result.err
    assert "2 fixed, 5 failed" in result.err
    assert (corpus / "denied.txt").read_bytes() == before["denied.txt"]
    assert (corpus / "denied.jsonl").read_bytes() == before["denied.jsonl"]
    assert (corpus / "z.txt").read_bytes() == _cleaned(before["z.txt"])


def test_a_named_pipe_in_a_directory_is_skipped_not_waited_on(corpus):
    _write_corpus(corpus, ["a.txt"])
    os.mkfifo(corpus / "pipe.txt")  # opening it would wait for a writer forever
    result = scrapeclean("check", str(corpus), timeout=30)
    assert result.returncode == 1 and result.stdout.decode() == f"would change {corpus / 'a.txt'}\n"


# -- files that vanish ------------------------------------------------------------------------------


def test_a_file_removed_between_listing_and_reading_is_reported_and_the_rest_is_fixed(tmp_path, corpus):
    _write_corpus(corpus, ["a.txt", "b.txt", "c.jsonl", "d.txt"])
    result = faulty(tmp_path, {"vanish_when_listed": ["b.txt", "c.jsonl"]}, "fix", str(corpus))
    assert result.returncode == 123
    assert f"error: {corpus / 'b.txt'}: no such file (it may have been removed during the run)" in result.err
    assert f"error: {corpus / 'c.jsonl'}: no such file (it may have been removed during the run)" in result.err
    assert result.stdout.decode().splitlines() == [f"fixed {corpus / 'a.txt'}", f"fixed {corpus / 'd.txt'}"]
    assert sorted(os.listdir(corpus)) == ["a.txt", "d.txt"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fix_does_not_bring_back_a_file_removed_after_it_was_read(tmp_path, corpus, jobs):
    before = _write_corpus(corpus, ["a.txt", "gone.txt", "gone.jsonl", "z.txt"])
    result = faulty(tmp_path, {"vanish_after_reading": ["gone.txt", "gone.jsonl"]}, "fix", "-j", jobs, str(corpus))
    assert result.returncode == 123
    for name in ("gone.txt", "gone.jsonl"):
        assert f"error: cannot write {corpus / name}: it was removed during the run; not created again" in result.err
    assert sorted(os.listdir(corpus)) == ["a.txt", "z.txt"]
    assert (corpus / "z.txt").read_bytes() == _cleaned(before["z.txt"])


# -- writes that fail ---------------------------------------------------------------------------------

_SUBJECTS = ("The town council", "Residents of the old quarter", "The harbour master", "Engineers from the county")
_VERBS = ("discussed", "welcomed", "questioned", "inspected", "described", "supported")
_OBJECTS = ("the plans for the new bridge", "the cost of the repairs", "the state of the river banks",
            "the timetable for the works", "the route of the new road", "the future of the ferry")  # fmt: skip


def _long_story(paragraphs: int) -> str:
    """A story with many distinct paragraphs under a menu: its cleaned form is nearly as large as it is."""
    rng = random.Random(paragraphs)
    body = [
        " ".join(f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}." for _ in range(5))
        for _ in range(paragraphs)
    ]
    return "Menu\nHome\nCouncil approves the new river bridge\n\n" + "\n\n".join(body) + "\n"


def _corpus_with_large_files(corpus: Path) -> dict[str, bytes]:
    before = _write_corpus(corpus, ["a.txt", "z.txt"])
    (corpus / "large.txt").write_text(_long_story(60))
    records = [{"id": number, "text": messy_dump(extra=f"Record {number}.")} for number in range(60)]
    (corpus / "large.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records))
    return {**before, **{name: (corpus / name).read_bytes() for name in ("large.txt", "large.jsonl")}}


def _assert_large_files_refused_and_small_ones_fixed(corpus: Path, result, before: dict, reason: str) -> None:
    assert result.returncode == 123
    assert f"error: cannot write {corpus / 'large.txt'}: {reason}" in result.err
    assert f"error: cannot write {corpus / 'large.jsonl'}: {reason}" in result.err
    assert result.stdout.decode().splitlines() == [f"fixed {corpus / 'a.txt'}", f"fixed {corpus / 'z.txt'}"]
    assert (corpus / "large.txt").read_bytes() == before["large.txt"]
    assert (corpus / "large.jsonl").read_bytes() == before["large.jsonl"]
    assert (corpus / "z.txt").read_bytes() == _cleaned(before["z.txt"])
    assert _strays(corpus) == []


def test_a_full_disk_during_fix_leaves_the_files_it_hit_as_they_were(tmp_path, corpus):
    before = _corpus_with_large_files(corpus)
    assert min(len(before[name]) for name in ("large.txt", "large.jsonl")) > 8000 > 2 * len(before["a.txt"])
    result = faulty(tmp_path, {"disk_full_after": 4000}, "fix", str(corpus))
    _assert_large_files_refused_and_small_ones_fixed(corpus, result, before, "No space left on device")


def test_a_file_size_limit_during_fix_leaves_the_files_it_hit_as_they_were(corpus):
    before = _corpus_with_large_files(corpus)

    def limit_file_size() -> None:  # the kernel refuses writes past 4000 bytes (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4000, 4000))

    process = subprocess.run(
        [COMMAND, "fix", str(corpus)], capture_output=True, preexec_fn=limit_file_size, timeout=60, check=False
    )
    process.err = process.stderr.decode()  # type: ignore[attr-defined]
    assert "Traceback" not in process.err
    _assert_large_files_refused_and_small_ones_fixed(corpus, process, before, "File too large")


def test_a_refused_rename_during_fix_leaves_every_file_as_it_was(tmp_path, corpus):
    before = _write_corpus(corpus, ["a.txt", "b.jsonl", "c.txt"])
    result = faulty(tmp_path, {"replace_fails": True}, "fix", str(corpus))
    assert result.returncode == 123 and result.stdout == b""
    for name in before:
        assert f"error: cannot write {corpus / name}: Read-only file system" in result.err
        assert (corpus / name).read_bytes() == before[name]
    assert "0 fixed, 3 failed" in result.err and _strays(corpus) == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full, a device that is always full")
def test_standard_output_on_a_full_disk_is_an_error_not_a_traceback(corpus):
    _write_corpus(corpus, ["a.txt"])
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [COMMAND, "clean", str(corpus / "a.txt")], stdout=full, stderr=subprocess.PIPE, check=False
        )
    error = result.stderr.decode()
    assert result.returncode == 123 and "Traceback" not in error
    assert "scrapeclean: error: No space left on device; the run stopped" in error


def test_a_reader_that_goes_away_ends_the_run_quietly_with_141(corpus):
    (corpus / "long.txt").write_text(_long_story(800))  # more cleaned text than a pipe holds
    process = subprocess.Popen(
        [COMMAND, "clean", str(corpus / "long.txt")], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stdout.read(100)
    process.stdout.close()  # what 'scrapeclean clean ... | head -c 100' does
    _, error = process.communicate(timeout=60)
    assert process.returncode == 141 and b"Traceback" not in error and b"Error" not in error


def test_explain_html_into_a_missing_directory_is_an_error_not_a_traceback(tmp_path, corpus):
    _write_corpus(corpus, ["a.txt"])
    target = tmp_path / "missing" / "review.html"
    result = scrapeclean("explain", "--html", str(target), str(corpus / "a.txt"))
    assert result.returncode == 123 and "Traceback" not in result.err
    assert f"cannot write {target}: No such file or directory" in result.err


# -- signals ------------------------------------------------------------------------------------------


def _interrupt_fix(tmp_path: Path, corpus: Path, signum: int, jobs: str) -> tuple[int, dict[str, str], list[str]]:
    """Start fix on 600 files, send ``signum`` once the first file is replaced; the exit code and each file's state.

    The corpus is large enough that the run is still going when the signal comes, however fast cleaning is.
    """
    names, old, new = old_and_new_corpus(tmp_path, corpus, count=600)
    process = subprocess.Popen(
        [COMMAND, "fix", "-q", "-j", jobs, str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        # As in a terminal: Ctrl-C is not ignored (a job a script starts in the background inherits it ignored).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    first, inode = corpus / names[0], (corpus / names[0]).stat().st_ino
    deadline = time.monotonic() + 30
    while process.poll() is None and first.stat().st_ino == inode and time.monotonic() < deadline:
        time.sleep(0.002)
    process.send_signal(signum)
    _, error = process.communicate(timeout=60)
    assert b"Traceback" not in error, error.decode()
    states = {}
    for name in names:
        data = (corpus / name).read_bytes()
        states[name] = "old" if data == old[name] else "new" if data == new[name] else "mixed"
    return process.returncode, states, _strays(corpus)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_during_fix_leaves_every_file_old_or_new_and_no_temporary_file(tmp_path, corpus, jobs):
    code, states, strays = _interrupt_fix(tmp_path, corpus, signal.SIGTERM, jobs)
    assert code == 143, "fix ended before it could be terminated; use more files"
    assert "mixed" not in states.values() and strays == []
    assert states["d000.txt"] == "new" and states["d599.txt"] == "old"


def test_ctrl_c_during_fix_leaves_every_file_old_or_new_and_no_temporary_file(tmp_path, corpus):
    code, states, strays = _interrupt_fix(tmp_path, corpus, signal.SIGINT, "1")
    assert code == 130, "fix ended before it could be interrupted; use more files"
    assert "mixed" not in states.values() and strays == []
    assert states["d000.txt"] == "new" and states["d599.txt"] == "old"


# -- encodings ---------------------------------------------------------------------------------------

ACCENTED = messy_dump("Café owners in Zürich approve the new river bridge", "À bientôt, naïve façade.")


def _encode(kind: str) -> bytes:
    if kind == "utf-8-bom":
        return b"\xef\xbb\xbf" + ACCENTED.encode("utf-8")
    if kind in ("utf-16-le", "utf-16-be"):
        return (b"\xff\xfe" if kind.endswith("le") else b"\xfe\xff") + ACCENTED.encode(kind)
    if kind == "windows-1252":
        return ACCENTED.replace("bientôt,", "bientôt — “soon”,").encode("cp1252")
    if kind == "mixed-broken-utf-8":  # a UTF-8 file with one Latin-1 byte and one cut sequence
        return ACCENTED.encode("utf-8").replace(b"Caf\xc3\xa9", b"Caf\xe9").replace(b"Detail", b"\xe2\x82 Detail")
    return ACCENTED.encode(kind)


# name -> how the run names its encoding (None: UTF-8, nothing said; a UTF-8 mark is kept all the same)
ENCODINGS = {
    "utf-8": None,
    "utf-8-bom": None,
    "utf-16-le": "utf-16-le with BOM",
    "utf-16-be": "utf-16-be with BOM",
    "windows-1252": "(guessed)",
    "latin-1": "(guessed)",
    "mixed-broken-utf-8": "(guessed)",
}


def _written_back_unchanged(kind: str, original: bytes, data: bytes) -> bool:
    """Whether every line of ``data`` is a piece of ``original``, in the same encoding and byte order."""
    if kind.startswith("utf-16"):
        if not data.startswith(original[:2]):
            return False
        text = original[2:].decode(kind)
        lines = data[2:].decode(kind).splitlines()
    else:
        if data.startswith(b"\xef\xbb\xbf") != original.startswith(b"\xef\xbb\xbf"):
            return False
        text, lines = original, data.removeprefix(b"\xef\xbb\xbf").splitlines()  # type: ignore[assignment]
    return bool(lines) and all(line in text for line in lines)


def test_each_encoding_is_named_and_fix_writes_each_file_back_in_its_own_byte_for_byte(corpus):
    originals = {kind: _encode(kind) for kind in ENCODINGS}
    for kind, data in originals.items():
        (corpus / f"{kind}.txt").write_bytes(data)
    cleaned = scrapeclean("clean", str(corpus))
    assert cleaned.returncode == 0 and cleaned.stdout.count(b"approve the new river bridge") == len(ENCODINGS)
    notes = {line for line in cleaned.err.splitlines() if line.startswith("note:")}
    for kind, label in ENCODINGS.items():
        said = [note for note in notes if note.startswith(f"note: {corpus / kind}.txt: decoded as ")]
        assert (said == []) if label is None else (len(said) == 1 and label in said[0]), kind
    fixed = scrapeclean("fix", str(corpus))
    assert fixed.returncode == 0 and fixed.stdout.decode().count("fixed ") == len(ENCODINGS)
    for kind, original in originals.items():
        data = (corpus / f"{kind}.txt").read_bytes()
        # Every line written back is a piece of the original: nothing was re-encoded into mojibake.
        assert _written_back_unchanged(kind, original, data), kind
        assert "Share on Facebook" not in data.decode("utf-16" if kind.startswith("utf-16") else "latin-1")
    assert scrapeclean("check", str(corpus)).returncode == 0


def test_a_byte_order_mark_that_lies_is_reported_and_the_file_left_alone(corpus):
    path = corpus / "liar.txt"
    original = b"\xef\xbb\xbf" + messy_dump().encode("utf-16-le")  # a UTF-8 mark on UTF-16 text
    path.write_bytes(original)
    (corpus / "good.txt").write_text(messy_dump())
    result = scrapeclean("fix", str(corpus))
    assert result.returncode == 123
    assert f"error: {path}: " in result.err and "utf-8" in result.err
    assert path.read_bytes() == original and result.stdout.decode() == f"fixed {corpus / 'good.txt'}\n"


# -- bad records --------------------------------------------------------------------------------------


def test_bad_jsonl_records_are_reported_by_line_and_every_other_record_is_fixed(corpus):
    good = {"id": "good", "text": messy_dump()}
    lines = [
        json.dumps(good).encode(),
        b"{broken json",
        b"[1, 2, 3]",
        b'"just a string"',
        b'{"id": "latin", "text": "caf\xe9"}',
        json.dumps({"id": "missing"}).encode(),
        json.dumps({"id": "number", "text": 42}).encode(),
        json.dumps({"id": "null", "text": None}).encode(),
        json.dumps({"id": "list", "text": ["a", "b"]}).encode(),
        b'{"id": "deep", "text": "x", "nested": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b"",
        json.dumps({"id": "last", "text": messy_dump("Harbour festival draws record crowds")}).encode(),
        b'{"id": "cut", "text": "no closing',  # the file ends in the middle of a record
    ]
    path = corpus / "c.jsonl"
    path.write_bytes(b"\n".join(lines))
    check = scrapeclean("check", str(path))
    assert check.returncode == 123
    assert check.stdout.decode().splitlines() == [
        f"would change {path}:1 (id good)",
        f"would change {path}:12 (id last)",
    ]
    for line, message in (
        (2, "error: {}:2: malformed JSON"),
        (3, "error: {}:3: not a JSON object but list"),
        (4, "error: {}:4: not a JSON object but str"),
        (5, "error: {}:5: not UTF-8"),
        (6, "warning: {}:6: text field 'text' is missing"),
        (7, "warning: {}:7: text field 'text' is a int, not a string"),
        (8, "warning: {}:8: text field 'text' is a NoneType, not a string"),
        (9, "warning: {}:9: text field 'text' is a list, not a string"),
        (10, "error: {}:10: malformed JSON (arrays or objects nested too deeply)"),
        (13, "error: {}:13: malformed JSON"),
    ):
        assert message.format(path) in check.err, f"line {line}"
    assert "2 would change, 6 failed, 4 records without text carried through" in check.err
    fixed = scrapeclean("fix", str(path))
    assert fixed.returncode == 123 and fixed.stdout.decode() == f"fixed {path}\n"
    after = path.read_bytes().split(b"\n")
    assert len(after) == len(lines)
    assert [after[index] for index in range(1, 11)] == lines[1:11] and after[12] == lines[12]
    assert json.loads(after[0])["text"] == library.to_text(library.clean(good["text"]))
    assert "Share on Facebook" not in json.loads(after[11])["text"]


def test_truncated_or_bogus_archives_are_reported_and_the_other_inputs_are_cleaned(corpus):
    pages = [("https://example.org/a", messy_dump()), ("https://example.org/b", messy_dump("Harbour festival"))]
    whole = wet_archive(pages, gz=False)
    (corpus / "a-cut.wet").write_bytes(whole[: len(whole) - 150])
    (corpus / "b-headers-cut.wet").write_bytes(whole[:40])
    (corpus / "c-not-a-warc.warc").write_text(messy_dump())
    (corpus / "d-good.wet").write_bytes(whole)
    (corpus / "e.txt").write_text(messy_dump("Text file beside the archives"))
    result = scrapeclean("clean", "--format", "jsonl", str(corpus))
    assert result.returncode == 123
    assert f"error: {corpus / 'a-cut.wet'}: WARC record 2 is truncated" in result.err
    assert f"error: {corpus / 'b-headers-cut.wet'}: WARC record 1" in result.err
    assert f"error: {corpus / 'c-not-a-warc.warc'}: WARC record 1 cannot be read (Invalid WARC record" in result.err
    assert "3 failed" in result.err
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert sources == [str(corpus / name) for name in ("a-cut.wet", "d-good.wet", "d-good.wet", "e.txt")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_dump_that_makes_a_pass_fail_is_reported_and_the_run_goes_on(tmp_path, corpus, jobs):
    before = _write_corpus(corpus, ["a.txt", "z.txt"])
    poisoned = messy_dump(extra="POISON")
    (corpus / "poisoned.txt").write_text(poisoned)
    records = [{"id": "ok", "text": messy_dump()}, {"id": "bad", "text": poisoned}]
    (corpus / "c.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records))
    lines_before = (corpus / "c.jsonl").read_bytes().splitlines(keepends=True)
    result = faulty(tmp_path, {"clean_raises_on": "POISON"}, "fix", "-j", jobs, str(corpus))
    assert result.returncode == 123
    reason = "cleaning failed (RuntimeError: simulated defect in a pass); left as it was"
    assert f"error: {corpus / 'poisoned.txt'}: {reason}" in result.err
    assert f"error: {corpus / 'c.jsonl'}:2: {reason}" in result.err
    assert (corpus / "poisoned.txt").read_text() == poisoned
    lines_after = (corpus / "c.jsonl").read_bytes().splitlines(keepends=True)
    assert lines_after[1] == lines_before[1] and lines_after[0] != lines_before[0]
    assert (corpus / "z.txt").read_bytes() == _cleaned(before["z.txt"])
    printed = faulty(tmp_path, {"clean_raises_on": "POISON"}, "clean", "-j", jobs, str(corpus))
    assert printed.returncode == 123 and b"Story number 1 about the harbour" in printed.stdout


# -- security ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "attempt",
    ["socket.socket(socket.AF_INET, socket.SOCK_STREAM)", "socket.socket()", "socket.getaddrinfo('localhost', 80)"],
)
def test_the_network_guard_sees_an_attempt_even_when_its_error_is_swallowed(tmp_path, attempt):
    snippet = f"import socket\ntry:\n    {attempt}\nexcept OSError:\n    pass"
    assert NETWORK_MARK in faulty(tmp_path, {"no_network": True}, "--python", snippet).err
    assert (
        NETWORK_MARK not in faulty(tmp_path, {"no_network": True}, "--python", "import socket; socket.socketpair()").err
    )


def test_no_command_opens_a_network_connection(tmp_path, corpus):
    _write_corpus(corpus, ["a.txt", "b.jsonl"])
    (corpus / "ru.txt").write_bytes(("Городской совет одобрил новый мост через реку. " * 8).encode("cp1251"))
    (corpus / "page.html").write_text(
        "<html><head><title>Council approves the new river bridge</title></head><body>"
        + "".join(f"<p>{messy_dump()}</p>" for _ in range(2))
        + "</body></html>"
    )
    (corpus / "pages.wet").write_bytes(wet_archive([("https://example.org/a", messy_dump())], gz=False))
    guard = {"no_network": True}
    runs = [
        faulty(tmp_path, guard, "clean", "--format", "jsonl", str(corpus)),
        faulty(tmp_path, guard, "check", "-j", "2", str(corpus)),
        faulty(tmp_path, guard, "explain", "--html", str(tmp_path / "review.html"), str(corpus / "page.html")),
        faulty(tmp_path, guard, "fix", str(corpus)),
    ]
    assert [run.returncode for run in runs] == [0, 1, 0, 0]
    attempts = {line for run in runs for line in run.err.splitlines() if NETWORK_MARK in line}
    # urllib3 (imported by trafilatura for HTML) makes an IPv6 socket at import to learn
    # whether the machine has IPv6; it binds to ::1, sends nothing, and copes with the refusal.
    assert {line for line in attempts if not line.endswith("urllib3/util/connection.py:_has_ipv6")} == set()
    assert b"Council approves" in runs[0].stdout and b"example.org" in runs[0].stdout


_FORBIDDEN_IMPORTS = {"pickle", "cPickle", "marshal", "shelve", "dill", "cloudpickle", "yaml", "jsonpickle"}
_FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile"}


def test_nothing_read_from_disk_is_evaluated_or_unpickled():
    source = Path(library.__file__).parent
    found = []
    for path in sorted(source.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(path.name, alias.name) for alias in node.names if alias.name in _FORBIDDEN_IMPORTS]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in _FORBIDDEN_IMPORTS:
                found.append((path.name, node.module))
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FORBIDDEN_CALLS:
                found.append((path.name, node.func.id))
    assert found == []
    shipped = [path for path in (source / "data").rglob("*") if path.is_file() and "__pycache__" not in path.parts]
    assert {path.suffix for path in shipped} <= {".txt", ".json", ".py", ""}


HOSTILE_CONFIGS = {
    "nested-too-deeply": ("[tool.scrapeclean]\npasses = [" + "[" * 5000 + "]" * 5000 + "]\n", "nested too deeply"),
    "too-large": ("# padding\n" + "#" * (1 << 20) + "\n", "larger than 1 MiB"),
    "not-utf8": (b'[tool.scrapeclean]\ntext-field = "\xff"\n', "not UTF-8"),
    # (A file in which nothing may name [tool.scrapeclean] is not parsed: this one may, at its top level.)
    "tool-not-a-table": ("tool = 5\nscrapeclean = 1\n", "'tool' must be a table"),
    "code-as-table": ("[tool]\nscrapeclean = \"__import__('os').system('touch owned')\"\n", "must be a table"),
    "code-as-pass-name": (
        "[tool.scrapeclean]\npasses = [\"__import__('os')\"]\n",
        "no pass named \"__import__('os')\"",
    ),
    "code-as-setting": ("[tool.scrapeclean.settings.dedup-captions]\nmin-words = \"os.system('x')\"\n", "of type int"),
    "unknown-input-format": (
        '[tool.scrapeclean]\ninput-format = "pickle"\n',
        "input-format must be one of auto, text, jsonl, warc, html, not 'pickle'",
    ),
    "size-not-a-size": ('[tool.scrapeclean]\nmax-document-size = "huge"\n', "max-document-size must be a positive"),
    "size-zero": ("[tool.scrapeclean]\nmax-file-size = 0\n", "max-file-size must be a positive"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_CONFIGS))
def test_a_hostile_configuration_next_to_the_corpus_is_a_usage_error(tmp_path, name):
    content, message = HOSTILE_CONFIGS[name]
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "pyproject.toml").write_bytes(content if isinstance(content, bytes) else content.encode())
    _write_corpus(root, ["a.txt"])
    before = (root / "a.txt").read_bytes()
    result = scrapeclean("fix", str(root / "a.txt"))
    assert result.returncode == 2 and "Traceback" not in result.err
    assert result.err.startswith("scrapeclean: error: ") and message in result.err
    assert (root / "a.txt").read_bytes() == before and sorted(os.listdir(root)) == ["a.txt", "pyproject.toml"]


def _tree(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


CRAFTED_IDS = [
    "../../escaped",
    "/etc/owned",
    "..",
    ".",
    "",
    "a/../../b",
    "..\\..\\windows",
    "\u2025/\u2025/lookalike",  # two-dot leaders: '..' after NFKC normalisation
    "nul\x00byte",
    "x" * 5000,
    "normal-id",
]


def test_split_stories_writes_only_inside_the_output_directory_whatever_the_ids(tmp_path, corpus):
    story = two_stories()
    assert len(library.clean(story)) == 2
    records = [{"id": ident, "text": story} for ident in CRAFTED_IDS] + [{"id": {"nested": ["id"]}, "text": story}]
    (corpus / "c.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records))
    out = tmp_path / "out"
    outside = tmp_path / "outside"
    outside.mkdir()
    out.mkdir()
    (out / "c").symlink_to(outside, target_is_directory=True)  # a link planted to lead writes astray
    result = scrapeclean("clean", "--split-stories", "--output-dir", str(out), str(corpus / "c.jsonl"))
    assert result.returncode == 123 and "would be written outside" in result.err
    assert list(outside.iterdir()) == []
    (out / "c").unlink()
    before = _tree(tmp_path)
    result = scrapeclean("clean", "--split-stories", "--output-dir", str(out), str(corpus / "c.jsonl"))
    assert result.returncode == 0, result.err
    after = _tree(tmp_path)
    created = sorted(set(after) - set(before))
    assert len(created) == 2 * len(records)
    assert all(name.startswith("out/c/") and name.count("/") == 2 and len(name) < 140 for name in created)
    assert {name: after[name] for name in before} == before
    fixed = scrapeclean("fix", "--split-stories", str(corpus / "c.jsonl"))
    assert fixed.returncode == 0, fixed.err
    assert set(_tree(tmp_path)) == set(after)  # fix rewrote the file in place and created nothing
    ids = [json.loads(line)["id"] for line in (corpus / "c.jsonl").read_text().splitlines()]
    assert ids[:2] == ["../../escaped-0", "../../escaped-1"]  # ids are data in the records, never paths
