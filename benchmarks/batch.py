"""`newsprobe batch` on 1 and 2 Dask workers against bare spaCy with 1 and 2 processes.

    .venv/bin/python benchmarks/batch.py [--articles 200] [--repeat 2]

Over the same articles (real FNC-1 bodies when ``../shared/data`` is present, else our
composed ones; see `throughput.corpus`), in one run, each phase in a fresh process:

- bare spaCy: ``nlp.pipe(texts, n_process=1)`` and ``n_process=2``, the full
  ``en_core_web_sm`` as spaCy ships it, batch size 32 (newsprobe's);
- ``newsprobe batch``: `run_batch` on a local cluster of 1 and of 2 worker processes, from
  a JSONL file of the articles to Parquet and JSONL in a temporary folder; every built-in
  analyzer, reading, writing and the manifest included. Partitions of 16 records
  (``--partition-size``): with the default of 128, 200 articles would be two partitions
  of unequal size, and the second worker would wait for most of the run; an archive
  makes hundreds of partitions either way;
- newsprobe in one process, without Dask: the same reading into partitions, the same
  per-partition task (`analyze_partition`: `process_records`, rows, Parquet and gzipped
  JSON) and the same writing and manifest, called in a loop. Batch at 1 worker against
  this is what Dask and the split into client and worker cost; this against bare spaCy is
  what the analyzers cost.

Prints articles/s of each, the ratio of newsprobe to bare spaCy at the same parallelism
(target >= 0.8), the scaling of newsprobe from 1 to 2 workers (target >= 1.7x, an
efficiency of 0.85), and each worker's peak memory (target < 1.5 GB), which each worker
process reads from the kernel itself (``ru_maxrss``) at the end.

What the times include. spaCy's ``n_process=2`` starts its processes and loads the model
in each inside the call: that start-up is part of its time, as it is of any run of it.
newsprobe's steady figure starts once the cluster is up and every worker has loaded its
pipeline (a worker plugin does that as the worker starts); its end-to-end figure includes
starting the cluster too, and is printed beside it. On a 2-core machine the client
process (reading, writing) shares the cores with the two workers, as it would on a
laptop. The machine here is shared: each phase is run `--repeat` times and the best kept,
and the load average is printed with each; compare ratios, not absolute figures. CPU
seconds per article (all processes of a phase: spaCy's children, newsprobe's client and
workers) are printed too: they depend much less on the load, and their ratio says what
the wall-clock ratio would be on an idle machine when the parallel phases scale. For
newsprobe batch they are split by where they went: the client's main thread (reading,
writing), the rest of the client process (Dask's scheduler and nannies run there), the
workers' task threads, and the workers' own Dask threads (event loop, heartbeats).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from throughput import FNC1, _stock_model, corpus

BATCH_SIZE = 32


def _write_jsonl(pairs: list[tuple[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for headline, body in pairs:
            handle.write(json.dumps({"title": headline, "text": body, "language": "en"}) + "\n")


def _spacy(n: int, source: str, processes: int) -> dict[str, Any]:
    import importlib
    import resource

    from newsprobe.nlp.parse import _MODEL_MODULES
    from newsprobe.normalize import normalize_body, normalize_line

    nlp = _stock_model(importlib, _MODEL_MODULES)
    list(nlp.pipe(["Warm up the pipeline once."]))
    texts = [f"{normalize_line(h)}\n\n{normalize_body(b)}" for h, b in corpus(n, source)]
    start, cpu_start = time.perf_counter(), _cpu_with_children()
    count = sum(1 for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=processes))
    elapsed, cpu = time.perf_counter() - start, _cpu_with_children() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if processes > 1:  # the children's peak, the largest of them
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"articles": count, "seconds": elapsed, "cpu_seconds": cpu, "peak_mb": [peak]}


def _cpu_with_children() -> float:
    """CPU seconds of this process and of its children that have ended (spaCy's)."""
    import resource

    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _worker_cpu() -> float:
    return time.process_time()


def _task_threads_cpu() -> float:
    """CPU seconds of this worker's task threads (Dask names them), Linux only: the rest
    of the worker's CPU is Dask's own (event loop, heartbeats, monitors)."""
    import threading

    ids = [t.native_id for t in threading.enumerate() if "Dask-Default-Threads" in t.name]
    total = 0.0
    for native in ids:
        try:
            fields = Path(f"/proc/self/task/{native}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _inprocess(n: int, source: str, size: int) -> dict[str, Any]:
    """Batch's own work on the articles in this process, without Dask (see the docstring)."""
    from newsprobe.batch.manifest import Manifest
    from newsprobe.batch.output import partition_stem, warm_output, write_partition
    from newsprobe.batch.partitions import Partition, read_partitions
    from newsprobe.batch.runner import BatchSettings
    from newsprobe.batch.worker import PartitionTask, analyze_partition
    from newsprobe.records import shared_pipeline

    shared_pipeline(None)
    warm_output()  # as the worker plugin does
    settings = BatchSettings(partition_size=size)
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "articles.jsonl"
        _write_jsonl(corpus(n, source), inputs)
        out = Path(folder) / "out"
        start, cpu_start = time.perf_counter(), time.process_time()
        manifest = Manifest(out, settings.recorded())
        state = manifest.input(str(inputs))
        count = 0
        for part in read_partitions(str(inputs), state, size=size, options=settings.options):
            if not isinstance(part, Partition):
                continue
            task = PartitionTask(str(inputs), part.number, part.articles, None)
            output = analyze_partition(task)
            assert output.parquet is not None and output.analyses is not None
            stem = partition_stem(state.id, part.number)
            write_partition(out, stem, parquet=output.parquet, analyses=output.analyses)
            state.mark_done(part.number)
            manifest.commit()
            count += output.analysed
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak = _own_peak_mb()
    return {"articles": count, "seconds": elapsed, "cpu_seconds": cpu, "peak_mb": [peak]}


def _own_peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker_peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _newsprobe(n: int, source: str, workers: int, size: int) -> dict[str, Any]:
    from newsprobe.batch import BatchSettings, dask_client, run_batch
    from newsprobe.batch.worker import PipelineLoader

    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "articles.jsonl"
        _write_jsonl(corpus(n, source), inputs)
        begin = time.perf_counter()
        with dask_client(workers=workers) as client:
            client.register_plugin(PipelineLoader(None))  # every worker loads its pipeline
            workers_cpu = sum(client.run(_worker_cpu).values())
            tasks_cpu = sum(client.run(_task_threads_cpu).values())
            start, cpu_start = time.perf_counter(), time.process_time()
            main_start = time.thread_time()
            settings = BatchSettings(partition_size=size)
            summary = run_batch(
                [str(inputs)], Path(folder) / "out", client=client, settings=settings
            )
            elapsed = time.perf_counter() - start
            main_cpu = time.thread_time() - main_start
            client_cpu = time.process_time() - cpu_start
            workers_cpu = sum(client.run(_worker_cpu).values()) - workers_cpu
            tasks_cpu = sum(client.run(_task_threads_cpu).values()) - tasks_cpu
            cpu = client_cpu + workers_cpu
            peaks = list(client.run(_worker_peak_mb).values())
        total = time.perf_counter() - begin
    return {
        "articles": summary.articles,
        "seconds": elapsed,
        "end_to_end_seconds": total,
        "cpu_seconds": cpu,
        # Where the CPU went: the client's reading and writing (its main thread), the
        # rest of the client process (Dask's scheduler and nannies live there), the
        # workers' tasks, and the workers' own Dask threads.
        "cpu_split": {
            "client main": main_cpu,
            "client Dask": client_cpu - main_cpu,
            "worker tasks": tasks_cpu,
            "worker Dask": workers_cpu - tasks_cpu,
        },
        "peak_mb": peaks,
    }


def _run_phase(kind: str, parallel: int, n: int, source: str, size: int) -> dict[str, Any]:
    command = [
        sys.executable, __file__, "--phase", kind, "--parallel", str(parallel),
        "--articles", str(n), "--corpus", source, "--partition-size", str(size),
    ]  # fmt: skip
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    figures: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--corpus", choices=["auto", "fnc1", "composed"], default="auto")
    parser.add_argument(
        "--partition-size",
        type=int,
        default=16,
        help="records per partition (16: 200 articles make 13 partitions to share out)",
    )
    parser.add_argument(
        "--phase", choices=["spacy", "inprocess", "newsprobe"], help=argparse.SUPPRESS
    )
    parser.add_argument("--parallel", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase == "spacy":
        print(json.dumps(_spacy(args.articles, args.corpus, args.parallel)))
        return
    if args.phase == "inprocess":
        print(json.dumps(_inprocess(args.articles, args.corpus, args.partition_size)))
        return
    if args.phase == "newsprobe":
        figures = _newsprobe(args.articles, args.corpus, args.parallel, args.partition_size)
        print(json.dumps(figures))
        return

    pairs = corpus(args.articles, args.corpus)
    n = len(pairs)
    real = args.corpus == "fnc1" or (args.corpus == "auto" and (FNC1 / "train_bodies.csv").exists())
    words = sum(len(b.split()) for _, b in pairs) / n
    what = "FNC-1 news bodies" if real else "composed articles (repeated)"
    print(f"{n} {what}, {words:.0f} words each on average; load average {_load()}")
    phases = [("spacy", 1), ("spacy", 2), ("inprocess", 1), ("newsprobe", 1), ("newsprobe", 2)]
    best: dict[tuple[str, int], dict[str, Any]] = {}
    for round_ in range(args.repeat):
        for kind, parallel in phases:
            result = _run_phase(kind, parallel, n, args.corpus, args.partition_size)
            assert result["articles"] == n, result
            rate = n / result["seconds"]
            cpu = result["cpu_seconds"] / n
            print(
                f"  round {round_ + 1}: {kind} x{parallel}: {rate:.2f} articles/s, "
                f"{cpu * 1000:.0f} CPU ms/article; load {_load()}",
                flush=True,
            )
            if "cpu_split" in result:
                split = ", ".join(f"{k} {v / n * 1000:.1f}" for k, v in result["cpu_split"].items())
                print(f"    CPU ms/article by where it went: {split}", flush=True)
            if (kind, parallel) not in best or result["seconds"] < best[kind, parallel]["seconds"]:
                best[kind, parallel] = result
    rate = {key: n / r["seconds"] for key, r in best.items()}
    print(f"\nbest of {args.repeat}; load average now {_load()}")
    for parallel in (1, 2):
        spacy, ours = best["spacy", parallel], best["newsprobe", parallel]
        print(
            f"{parallel} process(es): bare spaCy {rate['spacy', parallel]:6.2f} articles/s, "
            f"newsprobe batch {rate['newsprobe', parallel]:6.2f} articles/s "
            f"(end to end, cluster start included: {n / ours['end_to_end_seconds']:.2f}); "
            f"ratio {rate['newsprobe', parallel] / rate['spacy', parallel]:.2f} (target >= 0.8)"
        )
        peaks = ", ".join(f"{p:.0f}" for p in ours["peak_mb"])
        print(f"   peak memory: newsprobe worker(s) {peaks} MB; spaCy {spacy['peak_mb'][0]:.0f} MB")
    inproc = rate["inprocess", 1]
    added = 1000 / rate["newsprobe", 1] - 1000 / inproc
    print(
        f"newsprobe in one process, no Dask: {inproc:6.2f} articles/s, ratio "
        f"{inproc / rate['spacy', 1]:.2f} to bare spaCy; batch at 1 worker is "
        f"{rate['newsprobe', 1] / inproc:.2f} of it ({added:+.0f} ms/article"
        " for Dask and the client)"
    )
    cpu = {key: r["cpu_seconds"] for key, r in best.items()}
    print(
        "CPU time per article (steadier than the wall clock on a busy machine): "
        + ", ".join(f"{k} x{p} {cpu[k, p] / n * 1000:.0f} ms" for k, p in phases)
        + f"; ratio spaCy/newsprobe at 1 process {cpu['spacy', 1] / cpu['newsprobe', 1]:.2f}"
        + f", at 2 {cpu['spacy', 2] / cpu['newsprobe', 2]:.2f}"
    )
    scaling = rate["newsprobe", 2] / rate["newsprobe", 1]
    spacy_scaling = rate["spacy", 2] / rate["spacy", 1]
    print(
        f"scaling 1 -> 2 workers: newsprobe {scaling:.2f}x (efficiency {scaling / 2:.2f}; "
        f"target >= 1.7x), bare spaCy {spacy_scaling:.2f}x"
    )
    worst = max(p for key in (("newsprobe", 1), ("newsprobe", 2)) for p in best[key]["peak_mb"])
    print(f"largest worker peak {worst:.0f} MB (target < 1536 MB)")


if __name__ == "__main__":
    main()
