"""Peak memory of corpus runs over 100,000 dumps: the development dumps repeated with variations.

Writes a sharded corpus (gzipped JSONL, ``--shards`` files) of ``--dumps``
dumps made from the development data: each is a stretch of lines of one of
the shipped dumps (the article-extraction benchmark's and the composites'),
its numbers changed, under a URL of one of ``--sites`` sites; then runs each
command below as a separate process and reports its peak resident memory
(``ru_maxrss``), its time and its throughput:

- ``learn``: site profiles of the whole corpus (every line of every dump hashed and counted);
- ``clean``: ``clean --format jsonl --output-dir … --by-file`` with ``--passes`` as given;
- ``dedup``: ``dedup`` over the same corpus and passes.

By default ``clean`` and ``dedup`` run no pass (``--passes ""``): reading,
segmenting, assembling and writing every dump, and for dedup signing every
article, which is what could grow with the corpus; the passes work on one
dump at a time, and cost time per dump (``--passes`` with the default
pipeline's names measures them too, at a fraction of the dumps).

    python benchmarks/corpus_memory.py [--dumps 100000] [--passes A,B] [--commands learn,clean,dedup]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
# A generated dump is a stretch of this many lines at most of a development dump.
STRETCH = 60
DIGIT = re.compile(r"\d")


def sources() -> list[list[str]]:
    texts = [
        v["articleBody"] for v in json.loads((SHARED / "aeb/output/html-text.json").read_text())["output"].values()
    ]
    with gzip.open(SHARED / "composites-dev.jsonl.gz", "rt", encoding="utf-8") as lines:
        texts += [json.loads(line)["text"] for line in lines]
    return [text.splitlines() for text in texts]


def write_corpus(folder: Path, dumps: int, shards: int, sites: int, seed: int = 3) -> int:
    rng = random.Random(seed)
    pages = sources()
    per_shard = -(-dumps // shards)
    size = 0
    for shard in range(shards):
        path = folder / f"part-{shard:05d}.jsonl.gz"
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as out:
            for number in range(shard * per_shard, min(dumps, (shard + 1) * per_shard)):
                lines = rng.choice(pages)
                start = rng.randrange(max(1, len(lines) - STRETCH))
                text = "\n".join(lines[start : start + STRETCH])
                text = DIGIT.sub(lambda match: str(rng.randrange(10)), text)
                url = f"https://site{number % sites}.example/{number}"
                out.write(json.dumps({"id": f"d{number}", "url": url, "text": text}) + "\n")
        size += path.stat().st_size
    return size


def start(command: list[str]) -> subprocess.Popen[str]:
    """The command, run by a small Python process that reports the command's peak resident memory (KiB)."""
    script = (
        "import resource, subprocess, sys\n"
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)\n"
    )
    return subprocess.Popen([sys.executable, "-c", script, *command], stdout=subprocess.PIPE, text=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dumps", type=int, default=100_000)
    parser.add_argument("--shards", type=int, default=20)
    parser.add_argument("--sites", type=int, default=200)
    parser.add_argument("--passes", default="", help="passes of clean and dedup (default: none; see above)")
    parser.add_argument("--commands", default="learn,clean,dedup")
    parser.add_argument("--jobs", default="1")
    options = parser.parse_args(argv)
    scrapeclean = str(Path(sys.executable).with_name("scrapeclean"))
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus"
        corpus.mkdir()
        size = write_corpus(corpus, options.dumps, options.shards, options.sites)
        print(
            f"{options.dumps} dumps in {options.shards} shards, {size / 2**20:.1f} MiB gzipped, {options.sites} sites"
        )
        print(
            "| command | peak memory (MiB) | seconds (side by side) | dumps/s | exit |\n| --- | --- | --- | --- | --- |"
        )
        common = ["--no-config", "-q"]
        commands = {
            "learn": [scrapeclean, "learn", *common, str(corpus), "-o", str(Path(scratch) / "profiles.json")],
            "clean": [
                scrapeclean,
                "clean",
                *common,
                "-j",
                options.jobs,
                "--passes",
                options.passes,
                "--format",
                "jsonl",
                "--output-dir",
                str(Path(scratch) / "out"),
                "--by-file",
                str(corpus),
            ],
            "dedup": [scrapeclean, "dedup", *common, "--passes", options.passes, str(corpus)],
        }
        # The commands run side by side (each its own process, so each peak is its own).
        started = time.perf_counter()
        running = {name: start(commands[name]) for name in options.commands.split(",")}
        for name, process in running.items():
            peak, code = process.communicate()[0].split()
            seconds = time.perf_counter() - started
            label = name if name == "learn" else f"{name} (passes: {options.passes or 'none'})"
            print(f"| {label} | {int(peak) / 1024:.0f} | {seconds:.0f} | {options.dumps / seconds:.0f} | {code} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
