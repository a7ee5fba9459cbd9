"""A corpus run goes on through bad files, never garbles encodings, never leaves a half-written file."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time

import pytest
from cli_support import COMMAND, corpus_dir, messy_dump, old_and_new_corpus, scrapeclean, two_stories

RUSSIAN_TITLE = "Городской совет одобрил новый мост через реку"
RUSSIAN = "\n".join(
    [
        "Меню",
        RUSSIAN_TITLE,
        "   Городской совет во вторник проголосовал за финансирование нового моста через реку.  ",
        "   Работы начнутся весной и займут около полутора лет, если позволит погода, сообщили в совете.  ",
    ]
)


@pytest.fixture
def corpus(tmp_path):
    return corpus_dir(tmp_path)


def test_a_binary_file_and_a_vanished_file_are_reported_and_the_rest_is_processed(corpus):
    (corpus / "a.txt").write_text(messy_dump())
    (corpus / "b.txt").write_bytes(b"\x00\x01\x02 binary \xff\xfe\x00" * 20)
    (corpus / "c.txt").symlink_to(corpus / "gone.txt")  # listed by the walk, gone when read
    (corpus / "d.txt").write_text(messy_dump("Harbour festival draws record crowds"))
    result = scrapeclean("check", str(corpus))
    assert result.returncode == 123
    assert result.stdout.decode().splitlines() == [
        f"would change {corpus / 'a.txt'}",
        f"would change {corpus / 'd.txt'}",
    ]
    assert f"{corpus / 'b.txt'}: looks like a binary file" in result.err
    assert f"{corpus / 'c.txt'}: no such file" in result.err
    assert "2 would change, 2 failed" in result.err
    cleaned = scrapeclean("clean", str(corpus))
    assert cleaned.returncode == 123 and b"Harbour festival" in cleaned.stdout
    fixed = scrapeclean("fix", str(corpus))
    assert fixed.returncode == 123 and fixed.stdout.decode().count("fixed ") == 2
    assert (corpus / "b.txt").read_bytes().startswith(b"\x00\x01\x02")


def test_a_legacy_encoding_is_named_and_fix_writes_it_back_in_that_encoding(corpus):
    page = corpus / "ru.txt"
    page.write_bytes(RUSSIAN.encode("cp1251"))
    cleaned = scrapeclean("clean", str(page))
    assert cleaned.returncode == 0
    assert f"{page}: decoded as cp1251 (guessed)" in cleaned.err
    assert RUSSIAN_TITLE in cleaned.stdout.decode("utf-8")
    assert scrapeclean("fix", str(page)).returncode == 0
    text = page.read_bytes().decode("cp1251")
    assert RUSSIAN_TITLE in text and "   " not in text
    assert scrapeclean("check", str(page)).returncode == 0


def test_utf16_with_bom_round_trips(corpus):
    page = corpus / "u16.txt"
    page.write_bytes(b"\xff\xfe" + messy_dump().encode("utf-16-le"))
    assert scrapeclean("fix", str(page)).returncode == 0
    data = page.read_bytes()
    assert data.startswith(b"\xff\xfe") and "Share on Facebook" not in data[2:].decode("utf-16-le")
    assert scrapeclean("check", str(page)).returncode == 0


def _make_read_only(directory):
    """Make ``directory`` refuse new files, even for root; returns how to undo it, or None if impossible here."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(directory)]).returncode != 0:
            return None
        undo = ["chattr", "-i", str(directory)]
    else:
        directory.chmod(0o555)
        undo = ["chmod", "755", str(directory)]
    try:
        (directory / "probe").write_text("x")
    except OSError:
        return undo
    subprocess.run(undo)
    (directory / "probe").unlink()
    return None


def test_a_read_only_directory_is_reported_by_file_and_the_rest_is_fixed(corpus):
    locked, open_ = corpus / "locked", corpus / "open"
    locked.mkdir()
    open_.mkdir()
    (locked / "a.txt").write_text(messy_dump())
    (open_ / "b.txt").write_text(messy_dump())
    undo = _make_read_only(locked)
    if undo is None:
        pytest.skip("cannot make a directory read-only here")
    try:
        result = scrapeclean("fix", str(corpus))
    finally:
        subprocess.run(undo, check=True)
    assert result.returncode == 123
    assert f"cannot write {locked / 'a.txt'}" in result.err
    assert result.stdout.decode() == f"fixed {open_ / 'b.txt'}\n"
    assert "1 fixed, 1 failed" in result.err
    assert (locked / "a.txt").read_text() == messy_dump() and os.listdir(locked) == ["a.txt"]


def test_parallel_output_is_byte_identical_and_in_input_order(corpus):
    records = [
        {"id": f"r{number}", "text": messy_dump(f"Story number {number} on the river", f"Note {number}.")}
        for number in range(24)
    ]
    records[5]["text"] = two_stories()
    (corpus / "a.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records) + "{bad\n")
    for number in range(4):
        (corpus / f"t{number}.txt").write_text(messy_dump(f"Text file {number} about the harbour"))
    for args in (["clean", "--format", "jsonl"], ["check"]):
        one = scrapeclean(*args, "-j", "1", str(corpus))
        two = scrapeclean(*args, "-j", "2", str(corpus))
        assert one.returncode == two.returncode == 123
        assert one.stdout == two.stdout and one.stdout
    jsonl = [
        json.loads(line)
        for line in scrapeclean("clean", "--format", "jsonl", "-j", "2", str(corpus)).stdout.splitlines()
    ]
    ids = [record["id"] for record in jsonl if "id" in record]
    expected = [f"r{number}" for number in range(24)]
    expected.insert(6, "r5")  # the record with two stories gives two articles
    assert ids == expected


def test_a_kill_during_fix_leaves_every_file_either_old_or_new(tmp_path, corpus):
    names, old, new = old_and_new_corpus(tmp_path, corpus)
    assert all(old[name] != new[name] for name in names)
    process = subprocess.Popen(
        [COMMAND, "fix", "-q", str(corpus)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    first, inode = corpus / names[0], (corpus / names[0]).stat().st_ino
    deadline = time.monotonic() + 30
    while process.poll() is None and first.stat().st_ino == inode and time.monotonic() < deadline:
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "fix ended before it could be killed; use more files"
    states = {}
    for name in names:
        data = (corpus / name).read_bytes()
        states[name] = "old" if data == old[name] else "new" if data == new[name] else "mixed"
    assert "mixed" not in states.values()
    assert states[names[0]] == "new" and states[names[-1]] == "old"
    strays = [name for name in os.listdir(corpus) if name not in old]
    assert all(name.startswith(".d") and name.endswith(".scrapeclean-tmp") for name in strays)
    assert scrapeclean("fix", "-q", str(corpus)).returncode == 0
    assert all((corpus / name).read_bytes() == new[name] for name in names)
    assert not [name for name in os.listdir(corpus) if name.endswith(".scrapeclean-tmp")]  # the next fix removed them
