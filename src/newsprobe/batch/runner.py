"""The client side of a batch run: read, hand partitions to Dask, write what comes back.

The inputs are read here, one record at a time, and cut into partitions
(`partitions.read_partitions`). At most `max_in_flight` partitions are with the cluster at
once: reading waits for one to come back before it hands out the next, so memory stays
flat whatever the size of the input, and a slow cluster slows reading down
(backpressure). Each partition that comes back is committed in this order: its two files
(each renamed into place whole), its error lines (appended and flushed), then the
manifest (replaced whole). A run stopped at any point loses nothing committed, and the
same command resumes it.

With a corpus (`newsprobe.corpus.Corpus`, SQLite or PostgreSQL), each partition's
analyses are also added to it, by this process alone, before the manifest is committed:
the store takes one writer whatever its engine, and adding is idempotent (an analysis
stored before counts as a duplicate), so a partition redone after a kill is not stored
twice.

A worker that dies while analysing a partition is replaced by Dask and the partition is
tried once more (the scheduler's ``allowed-failures``). If it dies again, each of its
records is tried alone, so that the one record that kills its worker is the only one
lost; a record whose worker dies twice is logged as an error.
"""

from __future__ import annotations

import gzip
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprobe._version import __version__
from newsprobe.batch.manifest import Manifest
from newsprobe.batch.output import partition_stem, write_partition
from newsprobe.batch.partitions import InputEnd, Partition, read_partitions
from newsprobe.batch.worker import (
    PartitionOutput,
    PartitionTask,
    PipelineLoader,
    RecordsOutput,
    analyze_partition,
    analyze_records,
    pack,
)
from newsprobe.document import Analysis
from newsprobe.errors import IngestError
from newsprobe.ingest import IngestOptions
from newsprobe.records import RecordError, RecordPosition

if TYPE_CHECKING:
    from distributed import Client, Future

    from newsprobe.corpus import Corpus

__all__ = ["BatchProgress", "BatchSettings", "BatchSummary", "run_batch"]

#: Records per partition. Each partition is one Parquet file and one JSONL file, and the
#: unit of work lost when a run is killed. At the 3-10 articles/s one worker analyses
#: here, 128 records are 15-40 s of one worker's work; a 100,000-article archive makes
#: about 800 files of each kind.
PARTITION_SIZE = 128


@dataclass(frozen=True, slots=True)
class BatchSettings:
    """What shapes a run's output; a resumed run must have the same.

    Attributes:
        analyzers: analyzer names, None for every built-in.
        partition_size: records per partition.
        options: how inputs are read.
    """

    analyzers: tuple[str, ...] | None = None
    partition_size: int = PARTITION_SIZE
    options: IngestOptions = field(default_factory=IngestOptions)

    def recorded(self) -> dict[str, Any]:
        """The settings as the manifest keeps them."""
        return {
            "newsprobe_version": __version__,
            "analyzers": list(self.analyzers) if self.analyzers is not None else None,
            "partition_size": self.partition_size,
            "input_format": self.options.format,
            "field_map": dict(sorted(self.options.field_map.items())),
            "headline": self.options.headline,
            "max_bytes": self.options.max_bytes,
        }


@dataclass(frozen=True, slots=True)
class BatchProgress:
    """How far a run has got, for a progress display.

    Attributes:
        articles: articles analysed and written in this run.
        errors: error lines written in this run.
        bytes_done: bytes of the inputs whose records are committed or were already done.
        bytes_total: bytes of all inputs, None when one is not a local file.
    """

    articles: int
    errors: int
    bytes_done: int
    bytes_total: int | None


@dataclass
class BatchSummary:
    """What a run did.

    Attributes:
        articles: articles analysed and written by this run.
        errors: error lines this run wrote to ``errors.jsonl``.
        broken: analyses this run wrote in which an analyzer failed (their JSON says
            which and why; their rows have ``analyzer_errors`` above 0).
        partitions: partitions this run committed.
        skipped: partitions an earlier run had finished.
        stored: analyses this run added to the corpus (with ``corpus``).
        already_stored: analyses the corpus held already (a partition redone after a
            kill, or an article stored by another run).
        failed_inputs: inputs that could not be read at all (also in ``errors.jsonl``).
        resumed: whether the output folder held an earlier run.
        errors_in_output: lines in ``errors.jsonl`` at the end, this run's and the earlier
            runs' it resumed: what the exit status rests on, so that a resumed run ends
            with the same status as one that was never interrupted.
        broken_in_output: like ``broken``, over every run of the output folder.
    """

    articles: int = 0
    errors: int = 0
    broken: int = 0
    partitions: int = 0
    skipped: int = 0
    stored: int = 0
    already_stored: int = 0
    failed_inputs: list[str] = field(default_factory=list)
    resumed: bool = False
    errors_in_output: int = 0
    broken_in_output: int = 0


@dataclass
class _Job:
    """A partition with the cluster: whole, or split into one task per record."""

    partition: Partition
    waiting: int = 1
    split: bool = False
    gathered: RecordsOutput = field(default_factory=RecordsOutput)


def _size(name: str) -> int | None:
    path = Path(name)
    if name == "-" or "://" in name or not path.is_file():
        return None
    return path.stat().st_size


class _Run:
    def __init__(
        self,
        inputs: Sequence[str],
        out: Path,
        *,
        client: Client | Callable[[], Client],
        settings: BatchSettings,
        max_in_flight: int | None,
        on_progress: Callable[[BatchProgress], None] | None,
        corpus: Corpus | None,
    ) -> None:
        # The same file named twice (or by two paths) is one input.
        keys: set[str] = set()
        self.inputs: list[str] = []
        for name in inputs:
            if Manifest.key(name) not in keys:
                keys.add(Manifest.key(name))
                self.inputs.append(name)
        # Task keys are unique to this run: two runs on one shared scheduler never mix.
        self.token = uuid.uuid4().hex[:8]
        self.out = out
        self._connect = client
        self._client: Client | None = None
        self.settings = settings
        self.max_in_flight = max_in_flight
        self.on_progress = on_progress
        self.corpus = corpus
        self.manifest = Manifest(out, settings.recorded())
        self.summary = BatchSummary(resumed=self.manifest.resumed)
        self.in_flight: dict[Future[Any], tuple[_Job, int | None]] = {}
        sizes = [_size(name) for name in self.inputs]
        self.bytes_total = None if None in sizes else sum(s or 0 for s in sizes)
        self.bytes_done = 0

    # --- progress -----------------------------------------------------------------------

    def _report(self) -> None:
        if self.on_progress is not None:
            self.on_progress(
                BatchProgress(
                    articles=self.summary.articles,
                    errors=self.summary.errors,
                    bytes_done=self.bytes_done,
                    bytes_total=self.bytes_total,
                )
            )

    @property
    def client(self) -> Client:
        """The cluster's client, connected (and the pipeline loaded on every worker) only
        when there is work for it: resuming a finished run starts no cluster."""
        if self._client is None:
            from distributed import Client

            self._client = self._connect if isinstance(self._connect, Client) else self._connect()
            self._client.register_plugin(PipelineLoader(self.settings.analyzers))
        return self._client

    def _limit(self) -> int:
        """Partitions with the cluster at once: twice its threads, plus one, so that no
        worker waits while the client writes; asked each time, as workers may join."""
        if self.max_in_flight is not None:
            return self.max_in_flight
        threads: dict[str, int] = self.client.nthreads()
        return 2 * max(1, sum(threads.values())) + 1

    # --- the loop -----------------------------------------------------------------------

    def run(self) -> BatchSummary:
        try:
            for name in self.inputs:
                self._read(name)
            while self.in_flight:
                self._collect()
        finally:
            for future in self.in_flight:
                future.cancel()
            self.in_flight.clear()
        self.summary.errors_in_output = self.manifest.error_lines()
        self.summary.broken_in_output = self.manifest.broken
        return self.summary

    def _read(self, name: str) -> None:
        state = self.manifest.input(name)
        size = _size(name) or 0
        if state.complete:
            self.summary.skipped += state.partitions or 0
            self.bytes_done += size
            self._report()
            return
        counted = 0
        for event in read_partitions(
            name, state, size=self.settings.partition_size, options=self.settings.options
        ):
            if isinstance(event, InputEnd):
                self._end(event)
                self.bytes_done += size - counted
                self._report()
                continue
            span, counted = event.bytes_read - counted, event.bytes_read
            if event.done:
                self.summary.skipped += 1
                self.bytes_done += span
                self._report()
                continue
            event.bytes_read = span
            if not event.articles:
                self._commit(event, PartitionOutput(None, None, 0))
                continue
            while len(self.in_flight) >= self._limit():
                self._collect()
            self._submit(_Job(event))

    def _end(self, end: InputEnd) -> None:
        state = end.state
        state.partitions = end.partitions
        if end.failed is not None and state.failed is None:  # logged once, not on resume
            state.failed = str(end.failed)
            self.summary.failed_inputs.append(end.input)
            self.manifest.append_errors([_input_error_line(end.input, end.failed)])
            self.summary.errors += 1
        self.manifest.commit()

    def _task(self, partition: Partition, articles: list[Any]) -> PartitionTask:
        return PartitionTask(
            input=partition.input,
            number=partition.number,
            articles=articles,
            analyzers=self.settings.analyzers,
        )

    def _submit(self, job: _Job) -> None:
        partition = job.partition
        future = self.client.submit(
            analyze_partition,
            self._task(partition, partition.articles),
            key=f"newsprobe-{self.token}-{partition.state.id}-{partition.number}",
            retries=1,
            pure=False,
        )
        self.in_flight[future] = (job, None)

    def _split(self, job: _Job) -> None:
        """Try each record of a partition alone (its worker died twice on the whole)."""
        partition = job.partition
        job.split = True
        job.waiting = len(partition.articles)
        for index, article in partition.articles:
            future = self.client.submit(
                analyze_records,
                self._task(partition, [(index, article)]),
                key=f"newsprobe-{self.token}-{partition.state.id}-{partition.number}-{index}",
                retries=1,
                pure=False,
            )
            self.in_flight[future] = (job, index)

    def _collect(self) -> None:
        """Wait for at least one task to come back and deal with what came back."""
        from distributed import wait

        finished = wait(list(self.in_flight), return_when="FIRST_COMPLETED").done
        for future in finished:
            job, index = self.in_flight.pop(future)
            try:
                outcome = future.result()
            except Exception as exc:  # a worker died twice, or the task itself broke
                future.release()
                self._failed(job, index, exc)
                continue
            future.release()
            if index is None:
                self._commit(job.partition, outcome)
                continue
            job.gathered.results.extend(outcome.results)
            job.gathered.errors.extend(outcome.errors)
            self._settle(job)

    def _failed(self, job: _Job, index: int | None, exc: BaseException) -> None:
        if index is None and len(job.partition.articles) > 1:
            self._split(job)
            return
        from distributed import KilledWorker

        if isinstance(exc, KilledWorker):
            reason = "its worker died twice while analysing it (out of memory, or a crash)"
        else:
            reason = f"analysis failed twice: {type(exc).__name__}: {exc}"
        records = job.partition.articles if index is None else [(index, None)]
        job.gathered.errors.extend(
            RecordError(position=RecordPosition(job.partition.input, i), reason=reason)
            for i, _ in records
        )
        self._settle(job)

    def _settle(self, job: _Job) -> None:
        job.waiting -= 1
        if job.waiting == 0:
            self._commit(job.partition, pack(job.gathered))

    def _commit(self, partition: Partition, output: PartitionOutput) -> None:
        if output.parquet is not None and output.analyses is not None:
            stem = partition_stem(partition.state.id, partition.number)
            write_partition(self.out, stem, parquet=output.parquet, analyses=output.analyses)
        errors = sorted([*partition.errors, *output.errors], key=lambda e: e.position)
        self.manifest.append_errors([e.to_json() for e in errors])
        if self.corpus is not None and output.analyses is not None:
            self._store(output.analyses)
        partition.state.mark_done(partition.number)
        self.manifest.broken += output.broken
        self.manifest.commit()
        self.summary.partitions += 1
        self.summary.articles += output.analysed
        self.summary.errors += len(errors)
        self.summary.broken += output.broken
        self.bytes_done += partition.bytes_read
        self._report()

    def _store(self, analyses: bytes) -> None:
        """Add a partition's analyses to the corpus, in one transaction, each filed in
        its story as `corpus add` files it."""
        from newsprobe.corpus.story_indexer import StoryIndexer

        assert self.corpus is not None
        lines = gzip.decompress(analyses).decode("utf-8").splitlines()
        added = self.corpus.add(
            map(Analysis.from_json, lines),
            commit_every=len(lines),
            commit_seconds=None,  # the partition is marked done as one: no time limit
            indexer=StoryIndexer(),
        )
        self.summary.stored += added.added
        self.summary.already_stored += len(added.duplicates)


def _input_error_line(name: str, error: IngestError) -> str:
    """The error line of an input that could not be read at all: its record is null."""
    reason = str(error.args[0]) if error.args else type(error).__name__
    line = {"input": name, "record": None, "where": error.source, "reason": reason}
    return json.dumps(line, ensure_ascii=False)


def run_batch(
    inputs: Sequence[str],
    out: Path,
    *,
    client: Client | Callable[[], Client],
    settings: BatchSettings | None = None,
    max_in_flight: int | None = None,
    on_progress: Callable[[BatchProgress], None] | None = None,
    corpus: Corpus | None = None,
) -> BatchSummary:
    """Analyse every record of the inputs on a Dask cluster into the folder `out`.

    Args:
        inputs: files, URLs or "-", as `newsprobe.read` takes them.
        out: the output folder; a folder holding an unfinished run of the same settings
            is resumed.
        client: a client of the cluster to run on (see `batch.cluster.dask_client`), or
            a function that connects one, called only if there is anything to analyse.
        settings: analyzers, partition size, ingest options.
        max_in_flight: partitions with the cluster at once; default twice its threads,
            plus one (counted again as workers join or leave).
        on_progress: called after every partition with how far the run has got.
        corpus: a corpus to add every analysis to as well (opened by the caller).

    Raises:
        ConfigError: `out` holds another run, or an input changed since the run began.
    """
    chosen = settings or BatchSettings()
    run = _Run(
        inputs,
        out,
        client=client,
        settings=chosen,
        max_in_flight=max_in_flight,
        on_progress=on_progress,
        corpus=corpus,
    )
    return run.run()
