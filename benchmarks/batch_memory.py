"""Memory of `newsprobe batch` as the input grows: it must stay flat.

    .venv/bin/python benchmarks/batch_memory.py [--records 20000] [--workers 2]

Composes a JSONL file of `--records` articles (invented words, about 2 KB each), runs
``newsprobe batch`` over it with the cheapest analyzer (``-a clickbait``: no parse, so
the run is about streaming, partitions and the cluster rather than NLP), and samples the
resident memory of the command and of each worker process every second. Prints memory
once a fifth of the partitions are done and at the end, and the growth in between per
1,000 articles. Flat means near 0 MB: a larger input then needs no more memory.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

WORDS = (
    "harbour council ferry strike vote budget mayor storm bridge port tide wall library "
    "road crews talks union timetable island pier dredging engineers residents"
).split()


def compose(path: Path, records: int) -> None:
    rng = random.Random(13)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(records):
            headline = " ".join(rng.choice(WORDS) for _ in range(8))
            body = " ".join(rng.choice(WORDS) for _ in range(300))
            record = {"title": f"{headline} {number}", "text": body, "language": "en"}
            handle.write(json.dumps(record) + "\n")


def _done(out: Path) -> int:
    try:
        manifest = json.loads((out / "manifest.json").read_text())
    except (OSError, ValueError):
        return 0
    return sum(state["done_below"] for state in manifest["inputs"].values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source, out = Path(folder) / "articles.jsonl", Path(folder) / "out"
        compose(source, args.records)
        size = source.stat().st_size / 2**20
        partitions = -(-args.records // 128)
        print(f"{args.records:,} articles, {size:.0f} MB of JSONL, {partitions} partitions")
        command = [
            sys.executable, "-m", "newsprobe", "batch", str(source), "--out", str(out),
            "--workers", str(args.workers), "-a", "clickbait",
        ]  # fmt: skip
        process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        watched = psutil.Process(process.pid)
        samples: list[tuple[int, float, float]] = []  # (partitions done, client, max worker)
        start = time.monotonic()
        while process.poll() is None:
            try:
                client = watched.memory_info().rss / 2**20
                workers = [c.memory_info().rss / 2**20 for c in watched.children(recursive=True)]
            except psutil.Error:
                break
            samples.append((_done(out), client, max(workers, default=0.0)))
            time.sleep(1)
        elapsed = time.monotonic() - start
    early = next(s for s in samples if s[0] >= partitions // 5)
    late = [s for s in samples if s[0] < partitions][-1]
    articles = (late[0] - early[0]) * 128 / 1000
    for done, client, worker in (early, late):
        print(f"after {done} partitions: command {client:.0f} MB, largest worker {worker:.0f} MB")
    print(
        f"growth per 1,000 articles: command {(late[1] - early[1]) / articles:+.2f} MB, "
        f"worker {(late[2] - early[2]) / articles:+.2f} MB; peaks: command "
        f"{max(s[1] for s in samples):.0f} MB, worker {max(s[2] for s in samples):.0f} MB; "
        f"{args.records / elapsed:.0f} articles/s"
    )


if __name__ == "__main__":
    main()
