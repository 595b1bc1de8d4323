"""Inputs cut into partitions of records, streamed: nothing is read before it is needed.

Each input is read with `newsprobe.read`, one record at a time. Record positions are the
index of each item `read` yields (articles and bad records alike). A partition ends after
`size` records, or sooner when its articles reach `PARTITION_CHARACTERS` of text; both
depend on the input alone, so the same input always cuts into the same partitions. That
is what lets a resumed run skip the partitions its manifest says are finished and redo
exactly the others.

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

__all__ = ["PARTITION_CHARACTERS", "InputEnd", "Partition", "read_partitions"]

#: A partition ends early when its articles hold this many characters. It travels to its
#: worker inside its task, and Dask warns about tasks above 10 MB; ordinary news articles
#: (5,000 characters is long) never come near it, 128 of them make well under 1 MB.
PARTITION_CHARACTERS = 8_000_000


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
        name: the input as the user named it now (what is read).
        state: what the manifest knows of it: partitions it marks done come back with
            ``done=True`` and without their records; positions carry ``state.name``.
        size: records per partition at most.
        options: how to read the input.
        on_bytes: called with the bytes read so far (local files only).
    """
    label = state.name or name
    position = [0]

    def progress(count: int) -> None:
        position[0] = count
        if on_bytes is not None:
            on_bytes(count)

    current = Partition(label, state, 0, done=state.is_done(0))
    characters = 0
    try:
        for index, item in enumerate(read(name, options, progress=progress)):
            if current.records >= size or characters >= PARTITION_CHARACTERS:
                current.bytes_read = position[0]
                yield current
                number = current.number + 1
                current = Partition(label, state, number, done=state.is_done(number))
                characters = 0
            current.records += 1
            if isinstance(item, Article):
                characters += len(item.text)
            if current.done:
                continue
            if isinstance(item, IngestError):
                current.errors.append(RecordError.from_ingest(RecordPosition(label, index), item))
            else:
                current.articles.append((index, item))
    except IngestError as exc:
        failed: IngestError | None = exc
    else:
        failed = None
    if current.records:
        current.bytes_read = position[0]
        yield current
    yield InputEnd(label, state, current.number + bool(current.records), failed=failed)
