"""Inputs cut into partitions of records, streamed: nothing is read before it is needed.

Each input is read with `newsprobe.read`, one record at a time. Record positions are the
index of each item `read` yields (articles and bad records alike), so the same input
always cuts into the same partitions: partition N of an input holds the records numbered
``N * size`` up to ``(N + 1) * size``. That is what lets a resumed run skip the
partitions its manifest says are finished and redo exactly the others.

    >>> for part in read_partitions("dump.jsonl", state, size=128, options=opts):
    ...     ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from newsprobe.batch.manifest import InputState
from newsprobe.document import Article
from newsprobe.errors import IngestError
from newsprobe.ingest import IngestOptions, read
from newsprobe.records import RecordError, RecordPosition

__all__ = ["InputEnd", "Partition", "read_partitions"]


@dataclass
class Partition:
    """Records ``number * size`` onwards of one input.

    Attributes:
        done: the manifest says it is finished; its records are not kept.
        articles: (record index, article) of the records that were read as articles.
        errors: the records that could not be read.
        records: how many records it covers.
        bytes_read: how far into the input (bytes) reading had got at its end.
    """

    input: str
    state: InputState
    number: int
    done: bool
    articles: list[tuple[int, Article]] = field(default_factory=list)
    errors: list[RecordError] = field(default_factory=list)
    records: int = 0
    bytes_read: int = 0


@dataclass(frozen=True, slots=True)
class InputEnd:
    """The input was read to its end (`failed`: or could not be read at all, and why)."""

    input: str
    state: InputState
    partitions: int
    failed: IngestError | None = None


def read_partitions(
    name: str,
    state: InputState,
    *,
    size: int,
    options: IngestOptions,
    on_bytes: Callable[[int], None] | None = None,
) -> Iterator[Partition | InputEnd]:
    """The partitions of one input, then an `InputEnd`.

    Args:
        name: the input as the user named it.
        state: what the manifest knows of it: partitions it marks done come back with
            ``done=True`` and without their records.
        size: records per partition.
        options: how to read the input.
        on_bytes: called with the bytes read so far (local files only).
    """
    position = [0]

    def progress(count: int) -> None:
        position[0] = count
        if on_bytes is not None:
            on_bytes(count)

    number = 0
    current = Partition(name, state, 0, done=state.is_done(0))
    try:
        for index, item in enumerate(read(name, options, progress=progress)):
            if index // size != number:
                current.bytes_read = position[0]
                yield current
                number = index // size
                current = Partition(name, state, number, done=state.is_done(number))
            current.records += 1
            if current.done:
                continue
            if isinstance(item, IngestError):
                where = RecordPosition(name, index)
                current.errors.append(RecordError.from_ingest(where, item))
            else:
                current.articles.append((index, item))
    except IngestError as exc:
        if current.records:
            current.bytes_read = position[0]
            yield current
        yield InputEnd(name, state, number + bool(current.records), failed=exc)
        return
    if current.records:
        current.bytes_read = position[0]
        yield current
    yield InputEnd(name, state, number + bool(current.records))
