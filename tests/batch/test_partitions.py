"""Inputs cut into partitions with stable record positions, done ones skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("distributed")

from newsprobe.batch.manifest import InputState
from newsprobe.batch.partitions import InputEnd, Partition, read_partitions
from newsprobe.ingest import IngestOptions
from tests.batch.composed import BAD_JSONL, GOOD_JSONL, write_jsonl


def test_positions_are_the_index_of_every_record_bad_ones_included(tmp_path: Path) -> None:
    source = tmp_path / "wire.jsonl"
    write_jsonl(source)
    state = InputState(key=str(source), id="x")
    seen: list[int] = []
    events = list(
        read_partitions(str(source), state, size=5, options=IngestOptions(), on_bytes=seen.append)
    )
    parts = [e for e in events if isinstance(e, Partition)]
    end = events[-1]
    total = GOOD_JSONL + BAD_JSONL
    assert isinstance(end, InputEnd) and end.failed is None
    assert end.partitions == len(parts) == 3
    assert [p.records for p in parts] == [5, 5, total - 10]
    positions = sorted(
        [i for p in parts for i, _ in p.articles]
        + [e.position.index for p in parts for e in p.errors]
    )
    assert positions == list(range(total))
    assert sum(len(p.errors) for p in parts) == BAD_JSONL
    assert parts[0].errors[0].where == f"{source}:3"
    assert seen[-1] == source.stat().st_size == parts[-1].bytes_read


def test_partitions_the_manifest_marks_done_are_skipped(tmp_path: Path) -> None:
    source = tmp_path / "wire.jsonl"
    write_jsonl(source)
    state = InputState(key=str(source), id="x")
    state.mark_done(1)
    parts = [
        e
        for e in read_partitions(str(source), state, size=5, options=IngestOptions())
        if isinstance(e, Partition)
    ]
    assert [p.done for p in parts] == [False, True, False]
    assert parts[1].articles == [] and parts[1].errors == [] and parts[1].records == 5
    assert [i for i, _ in parts[2].articles] == [10, 11]


def test_an_input_that_cannot_be_read_ends_with_its_error(tmp_path: Path) -> None:
    source = tmp_path / "notes.warc"
    source.write_text("just some notes, not an archive")
    state = InputState(key=str(source), id="x")
    events = list(read_partitions(str(source), state, size=5, options=IngestOptions(format="warc")))
    assert len(events) == 1
    end = events[0]
    assert isinstance(end, InputEnd) and end.partitions == 0
    assert end.failed is not None and "not a WARC" in str(end.failed)


def test_a_partition_ends_early_at_its_character_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsprobe.batch import partitions

    monkeypatch.setattr(partitions, "PARTITION_CHARACTERS", 1_000)
    source = tmp_path / "wire.jsonl"
    write_jsonl(source)  # records of about 400 characters
    state = InputState(key=str(source), id="x")
    parts = [
        e
        for e in read_partitions(str(source), state, size=100, options=IngestOptions())
        if isinstance(e, Partition)
    ]
    assert [p.records for p in parts] == [4, 4, 4], "three articles of ~450 characters each"
    assert all(sum(len(a.text) for _, a in p.articles[:-1]) < 1_000 for p in parts)
    again = [
        e.records
        for e in read_partitions(str(source), state, size=100, options=IngestOptions())
        if isinstance(e, Partition)
    ]
    assert again == [p.records for p in parts], "the same input cuts the same way"
