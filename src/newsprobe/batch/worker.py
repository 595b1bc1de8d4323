"""What runs on a Dask worker: one partition analysed, and the pipeline loaded once.

`analyze_partition` is the task: it maps the core's `newsprobe.records.process_records`
over a partition's articles, with the pipeline of its process (`shared_pipeline`, loaded
once per worker process), and packs the results into the partition's file contents.
`PipelineLoader` is a worker plugin that loads that pipeline when a worker starts (a
worker that replaces a dead one too), so no task waits for spaCy.
"""

from __future__ import annotations

import asyncio
import signal
from contextlib import suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from distributed.diagnostics.plugin import WorkerPlugin

from newsprobe.batch.output import jsonl_gz_bytes, parquet_bytes, warm_output
from newsprobe.records import (
    RecordError,
    RecordPosition,
    RecordResult,
    process_records,
    shared_pipeline,
)

if TYPE_CHECKING:
    from distributed import Worker

    from newsprobe.document import Article

__all__ = [
    "IgnoreInterrupts",
    "PartitionOutput",
    "PartitionTask",
    "PipelineLoader",
    "RecordsOutput",
    "analyze_partition",
    "analyze_records",
    "pack",
]


@dataclass(frozen=True, slots=True)
class PartitionTask:
    """The articles of one partition, each with its record index in the input."""

    input: str
    number: int
    articles: list[tuple[int, Article]]
    analyzers: tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class RecordsOutput:
    """The results and errors of some records, as they came."""

    results: list[RecordResult] = field(default_factory=list)
    errors: list[RecordError] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PartitionOutput:
    """What a partition gave: file contents (None when no article was analysed) and errors."""

    parquet: bytes | None
    analyses: bytes | None
    analysed: int
    errors: list[RecordError] = field(default_factory=list)
    broken: int = 0  # analyses in which an analyzer failed (recorded in the analysis)


def analyze_records(task: PartitionTask) -> RecordsOutput:
    """Analyse the task's articles with this process's pipeline."""
    pipeline = shared_pipeline(task.analyzers)
    records = ((RecordPosition(task.input, index), article) for index, article in task.articles)
    output = RecordsOutput()
    for outcome in process_records(records, pipeline):
        if isinstance(outcome, RecordResult):
            output.results.append(outcome)
        else:
            output.errors.append(outcome)
    return output


def pack(output: RecordsOutput) -> PartitionOutput:
    """The partition's file contents from its results, in record order."""
    results = sorted(output.results, key=lambda r: r.position)
    if not results:
        return PartitionOutput(None, None, 0, list(output.errors))
    return PartitionOutput(
        parquet=parquet_bytes([r.row for r in results]),
        analyses=jsonl_gz_bytes([r.analysis_json for r in results]),
        analysed=len(results),
        errors=list(output.errors),
        broken=sum(1 for r in results if r.row["analyzer_errors"]),
    )


def analyze_partition(task: PartitionTask) -> PartitionOutput:
    """Analyse a partition and pack its files, on the worker (the client only writes)."""
    return pack(analyze_records(task))


class IgnoreInterrupts(WorkerPlugin):
    """Makes a local worker process ignore Ctrl-C.

    A terminal sends SIGINT to its whole foreground process group, local workers
    included; the client alone should act on it (stop, keep what is committed, close the
    cluster), without a traceback from every worker. Not for a cluster's own workers,
    which their operator stops with Ctrl-C.
    """

    name = "newsprobe-ignore-interrupts"

    def setup(self, worker: Worker) -> None:
        with suppress(ValueError):  # only a main thread may set handlers; leave it then
            signal.signal(signal.SIGINT, signal.SIG_IGN)


class PipelineLoader(WorkerPlugin):
    """Loads the pipeline (spaCy and every analyzer's model) and the file writers
    (pyarrow) once, as a worker starts."""

    name = "newsprobe-pipeline"

    def __init__(self, analyzers: tuple[str, ...] | None) -> None:
        self.analyzers = analyzers

    async def setup(self, worker: Worker) -> None:
        # In a thread: loading takes seconds, and the worker's event loop must go on
        # answering the scheduler meanwhile. A task that comes first waits for it.
        await asyncio.to_thread(shared_pipeline, self.analyzers)
        await asyncio.to_thread(warm_output)
