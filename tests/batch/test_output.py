"""Partition files: the Parquet schema from `newsprobe.rows`, and the same rows, same bytes."""

from __future__ import annotations

import gzip
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from newsprobe.batch.output import (  # noqa: E402
    jsonl_gz_bytes,
    parquet_bytes,
    partition_stem,
    warm_output,
    write_partition,
)
from newsprobe.records import RecordPosition, process_records, shared_pipeline  # noqa: E402
from newsprobe.rows import COLUMNS  # noqa: E402
from tests.conftest import make_article  # noqa: E402


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    articles = [
        make_article(
            f"Dunmore port handled {n + 3} million tonnes last year, the port authority said. "
            '"Traffic is back," director Piet Oosterhuis said.',
            headline=f"Dunmore port traffic recovers ({n})",
            outlet="Tidewater Post",
            published=datetime(2026, 1, n + 1, tzinfo=UTC),
        )
        for n in range(3)
    ]
    pipeline = shared_pipeline(None)
    records = [(RecordPosition("port.jsonl", n), a) for n, a in enumerate(articles)]
    return [r.row for r in process_records(records, pipeline)]  # type: ignore[union-attr]


def test_parquet_has_every_column_typed_and_described(rows: list[dict[str, object]]) -> None:
    table = pq.read_table(io.BytesIO(parquet_bytes(rows)))
    names = table.schema.names
    assert names[: len(COLUMNS)] == [c.name for c in COLUMNS]
    assert table.num_rows == 3
    assert table.schema.field("published").type == pa.timestamp("us", tz="UTC")
    assert table.schema.field("authors").type == pa.list_(pa.string())
    claims = table.schema.field("claims").type
    assert claims.value_type.field("checkworthiness").type == pa.float64()
    description = table.schema.field("record").metadata[b"description"].decode()
    assert "Position of the article" in description
    assert table.to_pylist() == rows  # every value survives the round trip


def test_same_rows_same_bytes(rows: list[dict[str, object]], tmp_path: Path) -> None:
    assert parquet_bytes(rows) == parquet_bytes(rows)
    lines = ['{"a": 1}', '{"b": "ü"}']
    assert jsonl_gz_bytes(lines) == jsonl_gz_bytes(lines)
    assert gzip.decompress(jsonl_gz_bytes(lines)).decode() == '{"a": 1}\n{"b": "ü"}\n'

    stem = partition_stem("0123456789", 7)
    assert stem == "part-0123456789-000007"
    write_partition(tmp_path, stem, parquet=parquet_bytes(rows), analyses=jsonl_gz_bytes(lines))
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == [
        "analyses",
        "analyses/part-0123456789-000007.jsonl.gz",
        "articles",
        "articles/part-0123456789-000007.parquet",
    ]


def test_criterion_columns_are_strings_after_the_fixed_ones(
    rows: list[dict[str, object]],
) -> None:
    graded = [{**row, "criterion_sources_named": "pass"} for row in rows]
    graded[1]["criterion_sources_named"] = "fail"
    table = pq.read_table(io.BytesIO(parquet_bytes(graded)))
    assert table.schema.names.index("criterion_sources_named") >= len(COLUMNS)
    assert table.schema.field("criterion_sources_named").type == pa.string()
    assert table.column("criterion_sources_named").to_pylist() == ["pass", "fail", "pass"]


def test_warming_up_makes_no_file_and_an_empty_partition_is_still_a_table() -> None:
    warm_output()  # what each worker does as it starts: imports and codecs, no output
    table = pq.read_table(io.BytesIO(parquet_bytes([])))
    assert table.num_rows == 0
    assert table.schema.names == [c.name for c in COLUMNS]
    assert gzip.decompress(jsonl_gz_bytes([])) == b""
