"""Running the installed ``scrapeclean`` command the way a user does, and dumps to run it on."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

_NEXT_TO_PYTHON = Path(sys.executable).with_name("scrapeclean")
COMMAND = str(_NEXT_TO_PYTHON) if _NEXT_TO_PYTHON.exists() else shutil.which("scrapeclean")

PARAGRAPHS = [
    "The town council voted on Tuesday to fund the new river bridge, ending a debate that lasted two years.",
    "Work is due to start in the spring, the council said, and should take eighteen months if the weather holds.",
    "Residents on both banks have asked for the bridge since the old ferry stopped running in the last decade.",
]


def messy_dump(title: str = "Council approves the new river bridge", extra: str = "") -> str:
    """A dump that cleaning certainly changes: navigation lines, indented single-spaced paragraphs."""
    body = "\n".join(f"   {paragraph} {extra}".rstrip() + "  " for paragraph in PARAGRAPHS)
    return f"Menu\nHome\nShare on Facebook\n{title}\n{body}\n"


def two_stories() -> str:
    """A dump holding two stories separated by a form feed, the way scrapeclean's own output separates them."""
    second = messy_dump("Harbour festival draws record crowds", "Boats filled the harbour.")
    return messy_dump() + "\f\n" + second.split("Share on Facebook\n", 1)[1]


def scrapeclean(
    *args: str,
    cwd: str | os.PathLike[str] | None = None,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[bytes]:
    """Run the installed command; output is bytes (compare exactly), stderr decoded in ``.err``."""
    assert COMMAND, "the scrapeclean command is not installed"
    environment = {**os.environ, "NO_COLOR": "", **(env or {})}
    environment.pop("NO_COLOR")
    result = subprocess.run(
        [COMMAND, *args], cwd=cwd, input=stdin, capture_output=True, env=environment, timeout=timeout
    )
    result.err = result.stderr.decode("utf-8", "replace")  # type: ignore[attr-defined]
    result.out = result.stdout.decode("utf-8", "replace")  # type: ignore[attr-defined]
    return result


def corpus_dir(tmp_path: Path) -> Path:
    """An empty directory with its own (empty) pyproject.toml, so no configuration above it applies."""
    root = tmp_path / "corpus"
    root.mkdir()
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'corpus'\n")
    return root


def old_and_new_corpus(tmp_path: Path, corpus: Path, count: int = 60) -> tuple[list[str], dict[str, bytes], dict[str, bytes]]:
    """Write ``count`` messy dumps to ``corpus``; return their names, their bytes and the bytes ``fix`` makes of them."""
    expected = tmp_path / "expected"
    expected.mkdir()
    names = [f"d{number:03}.txt" for number in range(count)]
    for number, name in enumerate(names):
        dump = messy_dump(f"Story number {number} about the river", f"Detail {number}.")
        (corpus / name).write_text(dump)
        (expected / name).write_text(dump)
    assert scrapeclean("fix", "-q", str(expected)).returncode == 0
    old = {name: (corpus / name).read_bytes() for name in names}
    new = {name: (expected / name).read_bytes() for name in names}
    return names, old, new


def wet_archive(pages: list[tuple[str, str]], gz: bool = True, warcinfo: bool = False) -> bytes:
    """A WET archive holding a ``conversion`` record of each (url, text), optionally after a warcinfo record."""
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    if warcinfo:
        writer.write_record(writer.create_warcinfo_record("x.wet", {"software": "test"}))
    for url, text in pages:
        payload = text.encode("utf-8")
        record = writer.create_warc_record(
            url, "conversion", payload=io.BytesIO(payload), warc_content_type="text/plain", length=len(payload)
        )
        writer.write_record(record)
    return buffer.getvalue()
