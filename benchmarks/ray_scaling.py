"""Scaling of ``clean --engine ray`` from one worker node to two, on this machine.

Starts a Ray cluster (``ray.cluster_utils.Cluster``): a head node with no
CPU for tasks, then one worker node of one CPU; cleans the development dumps
through the command line's Ray engine; adds a second worker node and cleans
them again. Reports the time of each run and checks that both outputs equal
the ``-j 1`` output byte for byte.

    python benchmarks/ray_scaling.py [--dumps 200]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    import ray
    from ray.cluster_utils import Cluster

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dumps", type=int, default=200)
    options = parser.parse_args(argv)
    scrapeclean = str(Path(sys.executable).with_name("scrapeclean"))
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "dev.jsonl"
        with gzip.open(SHARED / "composites-dev.jsonl.gz", "rt", encoding="utf-8") as lines:
            records = [json.loads(line) for line in lines][: options.dumps]
        corpus.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in records))
        command = [scrapeclean, "clean", "--no-config", "-q", "--format", "jsonl", str(corpus)]
        started = time.perf_counter()
        single = subprocess.run([*command, "-j", "1"], capture_output=True, check=True).stdout
        print(f"{len(records)} dumps; -j 1: {time.perf_counter() - started:.1f} s")
        cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 0, "include_dashboard": False})
        try:
            print("| worker nodes (1 CPU each) | seconds | same bytes as -j 1 |\n| --- | --- | --- |")
            for workers in (1, 2):
                cluster.add_node(num_cpus=1)
                cluster.wait_for_nodes()
                started = time.perf_counter()
                output = subprocess.run(
                    [*command, "--engine", "ray", "--address", cluster.address], capture_output=True, check=True
                ).stdout
                print(f"| {workers} | {time.perf_counter() - started:.1f} | {output == single} |", flush=True)
        finally:
            ray.shutdown()
            cluster.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
