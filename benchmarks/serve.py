"""`newsprobe serve` under load: concurrent clients making mixed API calls.

    .venv/bin/python benchmarks/serve.py [--seconds 60] [--clients 50] [--workers 1]

Starts ``newsprobe serve`` on a free 127.0.0.1 port (a subprocess, with a fresh SQLite
corpus and a token), stores a few articles and files them into one story, then runs
`--clients` concurrent clients (httpx, asyncio) for `--seconds`. Each client loops over a
fixed mix, drawn with a seeded random generator so runs are comparable:

- 20% ``POST /v1/analyze`` of a real or composed article (`throughput.corpus`),
- 40% story calls: ``GET /v1/stories`` or ``GET /v1/stories/{id}`` (with its provenance),
- 40% ``GET /v1/search`` for a word of the stored articles.

Every call is bounded (a 120 s client timeout) and no call starts after the deadline.
Prints requests per second, p50/p95/p99 latency overall and per kind, the count of each
status (5xx target: 0; 503 ``busy`` and 504 ``timeout`` are the service shedding load on
purpose and are counted as 5xx all the same), and the server's peak memory (``VmHWM`` of
the server process and of its worker processes, read from /proc on Linux).

The analysis is CPU-bound and runs on one thread per worker process: throughput of the
analyze calls grows with ``--workers`` up to the cores, not with clients; clients beyond
that wait in line (up to the server's time limit). The machine here is shared: say the
load average beside any figure (printed at the end).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx
from throughput import corpus

TOKEN = "benchmark-token"
MIX = (("analyze", 0.2), ("story", 0.4), ("search", 0.4))
SEARCH_WORDS = ("said", "police", "government", "minister", "report", "people", "city")
STORED = 6  # articles stored and filed into the story before the run


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _peak_rss_kb(pid: int) -> int:
    """Sum of VmHWM (peak resident memory) of `pid` and its child processes, in KB."""
    pids = [pid]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                pids.append(int(entry.name))
    total = 0
    for each in pids:
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def _start(workers: int, folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [sys.executable, "-m", "newsprobe", "serve", "--port", str(port)]
    command += ["--db", str(folder / "corpus.db"), "--workers", str(workers)]
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen(
        command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NEWSPROBE_TOKEN": TOKEN}
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited:\n{(folder / 'server.log').read_text()}")
        try:
            if httpx.get(base + "/healthz", timeout=2).json().get("ready"):
                return process, base
        except (httpx.HTTPError, ValueError):
            pass
        time.sleep(0.25)
    process.kill()
    raise SystemExit("the server was not ready within 300 s")


def _seed(base: str, folder: Path, articles: list[tuple[str, str]]) -> int:
    """Store the first articles and file them into one story; returns its id."""
    ids = []
    with httpx.Client(base_url=base, timeout=120) as http:
        for number, (headline, body) in enumerate(articles[:STORED]):
            answer = http.post(
                "/v1/corpus/articles",
                json={"text": body, "headline": headline, "outlet": f"Outlet {number % 3}"},
                headers={"Authorization": f"Bearer {TOKEN}"},
            )
            answer.raise_for_status()
            ids.append(answer.json()["article"]["id"])
    from newsprobe.corpus import Corpus

    with Corpus(folder / "corpus.db") as store:
        story = store.new_story(title="Benchmark story")
        for article_id in ids:
            store.assign(article_id, story)
    return story


async def _client(
    number: int,
    base: str,
    deadline: float,
    story: int,
    articles: list[tuple[str, str]],
    results: list[tuple[str, int, float]],
) -> None:
    rng = random.Random(number)
    kinds = [k for k, _ in MIX]
    weights = [w for _, w in MIX]
    async with httpx.AsyncClient(base_url=base, timeout=120) as http:
        while time.monotonic() < deadline:
            kind = rng.choices(kinds, weights)[0]
            start = time.perf_counter()
            try:
                if kind == "analyze":
                    headline, body = rng.choice(articles)
                    answer = await http.post(
                        "/v1/analyze", json={"text": body, "headline": headline}
                    )
                elif kind == "story":
                    path = f"/v1/stories/{story}" if rng.random() < 0.5 else "/v1/stories"
                    answer = await http.get(path)
                else:
                    answer = await http.get("/v1/search", params={"q": rng.choice(SEARCH_WORDS)})
                status = answer.status_code
            except httpx.HTTPError:
                status = 0  # no answer at all (connection refused, client timeout)
            results.append((kind, status, time.perf_counter() - start))


def _percentiles(values: list[float]) -> str:
    if len(values) < 2:
        return "n/a"
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return (
        f"p50 {cuts[49] * 1000:.0f} ms, p95 {cuts[94] * 1000:.0f} ms, p99 {cuts[98] * 1000:.0f} ms"
    )


async def _run(
    args: argparse.Namespace, base: str, story: int, articles: list[tuple[str, str]]
) -> list[tuple[str, int, float]]:
    results: list[tuple[str, int, float]] = []
    deadline = time.monotonic() + args.seconds
    await asyncio.gather(
        *(_client(n, base, deadline, story, articles, results) for n in range(args.clients))
    )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--articles", type=int, default=40, help="distinct articles to analyse")
    args = parser.parse_args()

    articles = corpus(max(args.articles, STORED))
    with tempfile.TemporaryDirectory(prefix="newsprobe-serve-bench-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        process, base = _start(args.workers, folder)
        print(f"server ready in {time.perf_counter() - started:.1f} s at {base}")
        try:
            story = _seed(base, folder, articles)
            began = time.perf_counter()
            results = asyncio.run(_run(args, base, story, articles))
            elapsed = time.perf_counter() - began
            peak_kb = _peak_rss_kb(process.pid)
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()

    statuses = Counter(status for _, status, _ in results)
    by_kind: dict[str, list[float]] = defaultdict(list)
    for kind, _, seconds in results:
        by_kind[kind].append(seconds)
    errors_5xx = sum(count for status, count in statuses.items() if status >= 500)
    print(
        f"{args.clients} clients, {args.seconds:g} s, {args.workers} worker(s): "
        f"{len(results)} requests in {elapsed:.1f} s = {len(results) / elapsed:.1f} requests/s"
    )
    print(f"latency, all: {_percentiles([s for _, _, s in results])}")
    for kind, values in sorted(by_kind.items()):
        print(f"latency, {kind} ({len(values)}): {_percentiles(values)}")
    shown = dict(sorted(statuses.items()))
    print(f"statuses: {shown}; 5xx: {errors_5xx}; no answer: {statuses.get(0, 0)}")
    print(f"server peak memory (VmHWM, all its processes): {peak_kb / 1024:.0f} MB")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; cores: {os.cpu_count()}")


if __name__ == "__main__":
    main()
